"""Relation patterns written as data, and packs that add a user's own names and patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cultivates_pack

from kg.cli.main import main
from kg.errors import InputError
from loaders.lexicon.packs import using_packs
from loaders.pipeline import extract_document
from loaders.relations.patterns import load_patterns, packaged_patterns

GAZETTEER_HEADER = "canonical\tclass\tsubtype\taliases\twikidata\tname_en\tnote\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def relations(path: Path) -> set[tuple[str, str, str, str]]:
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail], r.rule) for r in extraction.relations}


def entity_names(path: Path) -> set[str]:
    return {e.name for e in extract_document(path).entities}


def test_every_packaged_pattern_parses_and_has_a_unique_name() -> None:
    patterns = packaged_patterns()
    assert len(patterns) >= 10
    assert len({p.name for p in patterns}) == len(patterns)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"name": "x", "type": "LIKES", "head": "org", "tail": "chain"}', "type must be one of"),
        ('{"name": "x", "type": "FOCUSES_ON", "head": "city", "tail": "chain"}', "head must name unit kinds"),
        ('{"name": "x", "type": "FOCUSES_ON", "head": "place", "tail": "chain", "order": "sideways"}', "order"),
        ('{"name": "x", "type": "FOCUSES_ON", "head": "place", "tail": "chain", "gap_cues": "聚焦"}', "list of words"),
        ('{"name": "x", "type": "FOCUSES_ON", "head": "place", "tail": "chain", "confidence": 2}', "confidence"),
        ("not json", "not a JSON object"),
        (
            '{"name": "x", "type": "FOCUSES_ON", "head": "place", "tail": "chain", "gap_cues": "@nowhere"}',
            "no cue list",
        ),
        ('{"cue_list": "verbs", "words": ["深耕", ""]}', "non-empty strings"),
        ('{"cue_list": "", "words": ["深耕"]}', "a cue list needs a name"),
    ],
)
def test_a_malformed_pattern_is_refused_naming_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "patterns.jsonl", "// a comment line\n" + line + "\n")
    with pytest.raises(InputError, match=rf"patterns.jsonl:2: .*{message}"):
        load_patterns(path)


def test_patterns_share_a_cue_list_the_file_names_once(tmp_path: Path) -> None:
    path = write(
        tmp_path / "patterns.jsonl",
        '{"name": "a", "type": "FOCUSES_ON", "head": "place", "tail": "chain", "gap_cues": "@verbs"}\n'
        '{"cue_list": "verbs", "words": ["深耕", "聚焦"]}\n'
        '{"name": "b", "type": "FOCUSES_ON", "head": "subject", "tail": "chain", "gap_cues": "@verbs"}\n',
    )
    first, second = load_patterns(path)
    assert [p.name for p in (first, second)] == ["a", "b"]
    assert first.gap is not None and second.gap is not None
    assert first.gap.pattern == second.gap.pattern
    assert {m.group() for m in first.gap.finditer("深耕聚焦")} == {"深耕", "聚焦"}
    assert set(first.required_words) == {"深耕", "聚焦"}


def test_a_cue_list_defined_twice_is_refused(tmp_path: Path) -> None:
    line = '{"cue_list": "verbs", "words": ["深耕"]}\n'
    with pytest.raises(InputError, match=r"patterns.jsonl:2: cue list verbs is defined twice"):
        load_patterns(write(tmp_path / "patterns.jsonl", line + line))


def test_a_packaged_pattern_reads_a_place_that_takes_an_industry_as_its_leading_one(tmp_path: Path) -> None:
    doc = write(tmp_path / "page.txt", "苏州工业园区则是以生物医药为产业发展的重点，成效明显。\n")
    found = relations(doc)
    assert ("FOCUSES_ON", "苏州工业园区", "生物医药", "pattern:focus-leading-industry") in found


def test_a_users_pattern_from_a_pack_adds_a_relation_the_package_does_not_read(tmp_path: Path) -> None:
    doc = write(tmp_path / "page.txt", "合肥高新区多年来在集成电路产业深耕耘。\n")
    assert not any(t == "FOCUSES_ON" for t, *_ in relations(doc))
    pack = cultivates_pack(tmp_path / "pack")
    with using_packs([pack]):
        found = relations(doc)
    assert ("FOCUSES_ON", "合肥高新技术产业开发区", "集成电路", "pattern:cultivates") in found
    assert not any(t == "FOCUSES_ON" for t, *_ in relations(doc))  # the pack is gone again


def test_a_pack_gazetteer_adds_names_of_a_city_the_package_does_not_know(tmp_path: Path) -> None:
    doc = write(tmp_path / "page.txt", "凤栖岭聚集了一批企业。\n")
    assert "凤栖岭" not in entity_names(doc)
    pack = tmp_path / "pack"
    pack.mkdir()
    write(pack / "gazetteer.tsv", GAZETTEER_HEADER + "凤栖岭\tPlace\tDevelopmentZone\t\t\t\tinvented for the test\n")
    with using_packs([pack]):
        assert "凤栖岭" in entity_names(doc)
    assert "凤栖岭" not in entity_names(doc)


def test_kg_extract_takes_packs_and_refuses_a_folder_that_is_none(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    doc = write(tmp_path / "page.txt", "凤栖岭聚集了一批企业。\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    write(pack / "gazetteer.tsv", GAZETTEER_HEADER + "凤栖岭\tPlace\tDevelopmentZone\t\t\t\t\n")
    assert main(["extract", str(doc), "--pack", str(pack)]) == 0
    assert "凤栖岭" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["extract", str(doc), "--pack", str(empty)]) == 2
    assert "empty: a pack needs" in capsys.readouterr().err
