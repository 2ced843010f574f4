"""Hand-built documents and mentions for the relation-extraction tests."""

from __future__ import annotations

from dataclasses import dataclass

from kg.ids import entity_id
from kg.model import Article, Document, Mention, Relation, Sentence


@dataclass(frozen=True)
class Known:
    type: str
    subtype: str | None = None
    canonical: str | None = None


def make_document(
    texts: list[str],
    articles: list[int] | None = None,
    section_places: list[str | None] | None = None,
    sections: list[str | None] | None = None,
    focus: dict[int, str] | None = None,
    name: str = "t.txt",
    paragraphs: list[int] | None = None,
) -> Document:
    """A document whose sentences are ``texts`` joined by newlines (plain text, so the
    cleaned text is the original text and offsets are a plain range). With ``paragraphs``
    (a paragraph number per sentence), sentences of one paragraph are joined directly."""
    sentences: list[Sentence] = []
    pieces: list[str] = []
    cursor = 0
    for index, text in enumerate(texts):
        new_paragraph = paragraphs is None or index == 0 or paragraphs[index] != paragraphs[index - 1]
        if index > 0 and new_paragraph:
            pieces.append("\n")
            cursor += 1
        pieces.append(text)
        sentences.append(
            Sentence(
                doc=name,
                index=index,
                start=cursor,
                end=cursor + len(text),
                text=text,
                offsets=list(range(cursor, cursor + len(text))),
                article=articles[index] if articles else 0,
                section=sections[index] if sections else None,
                section_place=section_places[index] if section_places else None,
            )
        )
        cursor += len(text)
    article_ids = sorted({s.article for s in sentences})
    focus = focus or {}
    doc_articles = [Article(a, f"a{a}", 0, cursor, focus.get(a)) for a in article_ids]
    return Document(
        name=name,
        path=name,
        encoding="utf-8",
        text="".join(pieces),
        sentences=sentences,
        articles=doc_articles,
    )


def find_known(doc: Document, lexicon: dict[str, Known]) -> list[Mention]:
    """Every occurrence of a lexicon name, longest first, without overlaps."""
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        taken: list[tuple[int, int]] = []
        for surface in sorted(lexicon, key=len, reverse=True):
            start = sentence.text.find(surface)
            while start != -1:
                end = start + len(surface)
                if all(end <= a or start >= b for a, b in taken):
                    taken.append((start, end))
                    known = lexicon[surface]
                    mentions.append(
                        Mention(
                            doc=doc.name,
                            sentence=sentence.index,
                            start=sentence.offsets[start],
                            end=sentence.offsets[end - 1] + 1,
                            text=surface,
                            type=known.type,
                            subtype=known.subtype,
                            canonical=known.canonical or surface,
                            source="test",
                            clean_start=start,
                            clean_end=end,
                        )
                    )
                start = sentence.text.find(surface, start + 1)
    mentions.sort(key=lambda m: m.start)
    return mentions


def facts(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.type, r.head, r.tail) for r in relations}


def fact(rel_type: str, head: str, tail: str) -> tuple[str, str, str]:
    return (rel_type, entity_id(head), entity_id(tail))


# A small world used by several tests; the names are real but the sentences are made up.
LEXICON: dict[str, Known] = {
    "合肥市": Known("Place", "City"),
    "合肥": Known("Place", "City", "合肥市"),
    "南京市": Known("Place", "City"),
    "安徽省": Known("Place", "Province"),
    "芜湖市": Known("Place", "City"),
    "蜀山区": Known("Place", "District"),
    "栖霞区": Known("Place", "District"),
    "庐江县": Known("Place", "County"),
    "合肥高新区": Known("Place", "DevelopmentZone", "合肥高新技术产业开发区"),
    "经开区": Known("Place", "DevelopmentZone", "合肥经济技术开发区"),
    "比亚迪": Known("Enterprise"),
    "江淮": Known("Enterprise", None, "江淮汽车"),
    "大众": Known("Enterprise", None, "大众汽车"),
    "蔚来": Known("Enterprise"),
    "长安": Known("Enterprise", None, "长安汽车"),
    "科大讯飞": Known("Enterprise"),
    "国轩高科": Known("Enterprise"),
    "京东方": Known("Enterprise"),
    "中国科大": Known("University", None, "中国科学技术大学"),
    "中国科学技术大学": Known("University"),
    "合肥工业大学": Known("University"),
    "合肥物质院": Known("ResearchInstitute", None, "中国科学院合肥物质科学研究院"),
    "量子信息实验室": Known("Laboratory"),
    "认知智能国家重点实验室": Known("Laboratory", "NationalKeyLaboratory"),
    "稳态强磁场实验装置": Known("LargeScientificFacility"),
    "智能语音创新中心": Known("InnovationPlatform"),
    "新能源汽车": Known("IndustryChain"),
    "集成电路": Known("IndustryChain"),
    "新型显示": Known("IndustryChain"),
    "人工智能": Known("IndustryChain"),
    "量子信息": Known("IndustryChain"),
    "动力电池": Known("IndustryChain", "ChainSegment"),
}
