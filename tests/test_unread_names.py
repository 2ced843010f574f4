"""Names no relation holds that the name tagger reads as no name (loaders/unread_names.py):
left out and reported, kept when related, when the tagger read them or when it is off."""

from __future__ import annotations

from pathlib import Path

from test_mentions_helpers import make_document

from kg.model import Document, DocumentExtraction, Entity, Evidence, Mention, Relation
from kg.reasons import is_known
from loaders import ablation
from loaders.entity_model import CheckedEntities
from loaders.mentions.name_tagger import TaggerReading
from loaders.pipeline import extract_document
from loaders.unread_names import DROP_REASON, without_unread_names

# A verb phrase glued to 实验室: a rule takes the whole run as a laboratory's name.
GLUED = "该区将参照国家实验室标准建设一批平台。"


def _extract(tmp_path: Path, text: str) -> DocumentExtraction:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return extract_document(page)


def test_a_glued_name_the_tagger_reads_as_none_is_left_out_and_reported(tmp_path: Path) -> None:
    done = _extract(tmp_path, GLUED)
    assert not [e for e in done.entities if e.type == "Laboratory"]
    reported = [d for d in done.dropped if d.reason == DROP_REASON]
    assert [d.text for d in reported] == ["参照国家实验室"]
    assert is_known(DROP_REASON)


def test_switched_off_the_glued_name_stays(tmp_path: Path) -> None:
    with ablation.disabled("tagger-check"):
        done = _extract(tmp_path, GLUED)
    assert "参照国家实验室" in {e.name for e in done.entities}


def _lab(document: Document, text: str, start: int, end: int, source: str = "laboratory") -> Entity:
    mention = Mention(
        document.name, 0, start, end, text[start:end], "Laboratory", None, text[start:end], source, start, end
    )
    return Entity(f"lab-{start}", "Laboratory", None, text[start:end], mentions=[mention], source=source)


def _checked(entities: list[Entity], relations: tuple[Relation, ...] = ()) -> CheckedEntities:
    return CheckedEntities(entities, [m for e in entities for m in e.mentions], list(relations))


def test_a_related_name_or_one_the_tagger_reads_is_kept() -> None:
    text = "青枫实验室与白鹭实验室合作。"
    document = make_document(text)
    first, second = _lab(document, text, 0, 5), _lab(document, text, 6, 11)
    nothing_read = TaggerReading({0: ()})
    alone = without_unread_names(document, _checked([first, second]), nothing_read)
    assert alone.entities == [] and len(alone.dropped) == 2
    evidence = Evidence(document.name, 0, text, 0, len(text))
    related = (Relation("COOPERATES_WITH", first.id, second.id, evidence, "cooperates", 0.9),)
    kept = without_unread_names(document, _checked([first, second], related), nothing_read)
    assert kept.entities == [first, second] and kept.dropped == []
    first_read = TaggerReading({0: ((1, 5, "Laboratory"),)})
    partly = without_unread_names(document, _checked([first, second]), first_read)
    assert partly.entities == [first]


def test_a_name_read_as_another_class_or_not_read_at_all() -> None:
    text = "青枫实验室发布成果。"
    document = make_document(text)
    lab = _lab(document, text, 0, 5)
    as_place = TaggerReading({0: ((0, 5, "Place"),)})
    assert without_unread_names(document, _checked([lab]), as_place).entities == []
    sentence_not_tagged = TaggerReading({})
    assert without_unread_names(document, _checked([lab]), sentence_not_tagged).entities == [lab]
    assert without_unread_names(document, _checked([lab]), None).entities == [lab]


def test_a_name_the_gazetteer_holds_is_kept_however_the_tagger_reads_it() -> None:
    text = "西部科学城发布成果。"
    document = make_document(text)
    mention = Mention(document.name, 0, 0, 5, text[:5], "Place", "ScienceCity", text[:5], "gazetteer", 0, 5)
    city = Entity("science-city", "Place", "ScienceCity", text[:5], mentions=[mention])
    nothing_read = TaggerReading({0: ()})
    assert without_unread_names(document, _checked([city]), nothing_read).entities == [city]
