"""Small graphs made by hand (for tests and demos) and large synthetic ones (for the benchmark).

GraphBuilder produces the same typed objects `kg build` writes: documents with sentences,
entities with mentions at real offsets, relations with evidence, so the pages and the chain
analysis are exercised exactly as on a built graph.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.ids import entity_id
from kg.model import (
    Document,
    Entity,
    EntityClass,
    Evidence,
    KnowledgeGraph,
    Mention,
    Relation,
    RelationType,
    Sentence,
)


@dataclass(slots=True)
class GraphBuilder:
    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def document(self, name: str, sentences: list[str], title: str | None = None, date: str | None = None) -> Document:
        """A document whose text is its sentences, one per line (cleaned text = original)."""
        text, parts, offset = "", [], 0
        for index, sentence in enumerate(sentences):
            parts.append(
                Sentence(
                    name, index, offset, offset + len(sentence), sentence, list(range(offset, offset + len(sentence)))
                )
            )
            text += sentence + "\n"
            offset += len(sentence) + 1
        doc = Document(name, name, "utf-8", text, parts, title=title, date=date)
        self.documents.append(doc)
        return doc

    def entity(
        self, name: str, type_: EntityClass, subtype: str | None = None, aliases: tuple[str, ...] = ()
    ) -> Entity:
        eid = entity_id(name)
        if eid not in self.entities:
            self.entities[eid] = Entity(eid, type_, subtype, name, list(aliases))
        return self.entities[eid]

    def _sentence(self, doc: str, index: int) -> Sentence:
        for d in self.documents:
            if d.name == doc and index < len(d.sentences):
                return d.sentences[index]
        raise InputError(f"{doc}: no sentence {index}")

    def _mention(self, entity: Entity, sentence: Sentence) -> None:
        for surface in sorted([entity.name, *entity.aliases], key=len, reverse=True):
            pos = sentence.text.find(surface)
            if pos != -1:
                span = sentence.original_span(pos, pos + len(surface))
                entity.mentions.append(
                    Mention(
                        sentence.doc,
                        sentence.index,
                        span.start,
                        span.end,
                        surface,
                        entity.type,
                        entity.subtype,
                        entity.name,
                        "sample",
                        pos,
                        pos + len(surface),
                    )
                )
                return

    def relate(
        self, type_: RelationType, head: Entity, tail: Entity, doc: str, sentence: int, confidence: float = 0.9
    ) -> Relation:
        """A relation stated by sentence ``sentence`` of ``doc``; both ends get a mention there."""
        sent = self._sentence(doc, sentence)
        for ent in (head, tail):
            if not any(m.doc == doc and m.sentence == sentence for m in ent.mentions):
                self._mention(ent, sent)
        rel = Relation(
            type_, head.id, tail.id, Evidence(doc, sentence, sent.text, sent.start, sent.end), "sample", confidence
        )
        self.relations.append(rel)
        return rel

    def build(self) -> KnowledgeGraph:
        return KnowledgeGraph(self.documents, dict(self.entities), list(self.relations))


_CLASSES: tuple[EntityClass, ...] = (
    "Enterprise",
    "Enterprise",
    "Enterprise",
    "Laboratory",
    "LargeScientificFacility",
    "ResearchInstitute",
    "University",
    "InnovationPlatform",
    "Place",
)
_RELATION_FOR: dict[str, RelationType] = {"Enterprise": "PART_OF_CHAIN", "Place": "FOCUSES_ON"}


def synthetic_graph(n_nodes: int, seed: int = 7) -> KnowledgeGraph:
    """A random graph of ``n_nodes`` entities shaped like a built one (for load benchmarks)."""
    rng = random.Random(seed)
    builder = GraphBuilder()
    n_chains = max(1, n_nodes // 100)
    chains = [builder.entity(f"合成产业{i}", "IndustryChain") for i in range(n_chains)]
    others = [builder.entity(f"合成实体{i}", rng.choice(_CLASSES)) for i in range(n_nodes - n_chains)]
    places = [e for e in others if e.type == "Place"] or [chains[0]]
    picks = [(ent, rng.choice(chains), rng.choice(places)) for ent in others]
    lines = [f"{ent.name}是{chain.name}的重要力量，位于{place.name}。" for ent, chain, place in picks]
    builder.document("synthetic.txt", lines, title="合成文档", date="2025-01-01")
    for i, (ent, chain, place) in enumerate(picks):
        builder.relate(_RELATION_FOR.get(ent.type, "SUPPORTS_CHAIN"), ent, chain, "synthetic.txt", i)
        if ent.type != "Place" and place.type == "Place":
            builder.relate("LOCATED_IN", ent, place, "synthetic.txt", i)
    return builder.build()


def demo_graph() -> KnowledgeGraph:
    """A small hand-written graph in the style of the documents (for demos and page tests)."""
    b = GraphBuilder()
    b.document(
        "demo-a.txt",
        [
            "本市已集聚甲汽车、乙汽车等3家整车企业，丙电池作为动力电池链主企业加快扩产。",
            "丁科技在新站高新区建设充电桩生产基地。",
            "甲汽车、乙汽车和丙电池均位于经开区。",
            "经开区重点发展新能源汽车和集成电路产业。",
            "依托某某重点实验室支撑新能源汽车产业发展。",
            "新站高新区聚焦集成电路，戊半导体是本地晶圆制造企业。",
            "某某研究院服务集成电路产业。",
            "本市新能源汽车产业电机环节仍是短板，电控配套不足。",
        ],
        title="示例文档甲",
        date="2024-01-16",
    )
    nev = b.entity("新能源汽车", "IndustryChain", aliases=("新能源汽车产业",))
    ic = b.entity("集成电路", "IndustryChain")
    car_a, car_b = b.entity("甲汽车", "Enterprise"), b.entity("乙汽车", "Enterprise")
    battery, charger = b.entity("丙电池", "Enterprise"), b.entity("丁科技", "Enterprise")
    fab = b.entity("戊半导体", "Enterprise")
    etdz = b.entity("经开区", "Place", "DevelopmentZone")
    xinzhan = b.entity("新站高新区", "Place", "DevelopmentZone")
    lab = b.entity("某某重点实验室", "Laboratory", "NationalKeyLaboratory")
    institute = b.entity("某某研究院", "ResearchInstitute")
    for ent in (car_a, car_b, battery):
        b.relate("PART_OF_CHAIN", ent, nev, "demo-a.txt", 0)
        b.relate("LOCATED_IN", ent, etdz, "demo-a.txt", 2)
    b.relate("PART_OF_CHAIN", charger, nev, "demo-a.txt", 1)
    b.relate("LOCATED_IN", charger, xinzhan, "demo-a.txt", 1)
    b.relate("FOCUSES_ON", etdz, nev, "demo-a.txt", 3)
    b.relate("FOCUSES_ON", etdz, ic, "demo-a.txt", 3)
    b.relate("SUPPORTS_CHAIN", lab, nev, "demo-a.txt", 4)
    b.relate("FOCUSES_ON", xinzhan, ic, "demo-a.txt", 5)
    b.relate("PART_OF_CHAIN", fab, ic, "demo-a.txt", 5)
    b.relate("SUPPORTS_CHAIN", institute, ic, "demo-a.txt", 6)
    return b.build()
