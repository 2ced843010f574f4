"""Universities named at the head of a unit's name (loaders/mentions/nested_parents.py),
read through extract_document on files the tests write."""

from __future__ import annotations

from pathlib import Path

from loaders.mentions.nested_parents import NESTED_PARENT_SOURCE
from loaders.pipeline import extract_document


def _extract(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return extract_document(path)


def test_a_university_named_only_inside_its_units_name_is_an_entity_of_the_page(tmp_path: Path) -> None:
    found = _extract(tmp_path, "青岚市引进了浙江大学金华研究院和同济大学汽车学院。")
    nested = {m.canonical: m for m in found.mentions if m.source == NESTED_PARENT_SOURCE}
    assert set(nested) == {"浙江大学", "同济大学"}
    unit = next(m for m in found.mentions if m.canonical == "浙江大学金华研究院")
    assert (nested["浙江大学"].start, nested["浙江大学"].text) == (unit.start, "浙江大学")
    assert {"浙江大学", "同济大学"} <= {e.name for e in found.entities}


def test_a_university_the_page_names_elsewhere_gets_no_second_mention(tmp_path: Path) -> None:
    found = _extract(tmp_path, "浙江大学与青岚市签约，共建浙江大学青岚研究院。")
    assert [m.source for m in found.mentions if m.canonical == "浙江大学"] != [NESTED_PARENT_SOURCE]
    assert not any(m.source == NESTED_PARENT_SOURCE for m in found.mentions)


def test_a_body_the_reference_data_knows_whole_opens_no_parent(tmp_path: Path) -> None:
    # 合肥工业大学智能制造技术研究院 is a known institute of the reference data: that it
    # belongs to the university is knowledge of the world, not words of the page.
    found = _extract(tmp_path, "青岚市与合肥工业大学智能制造技术研究院签约。")
    assert any(m.canonical == "合肥工业大学智能制造技术研究院" for m in found.mentions)
    assert not any(m.source == NESTED_PARENT_SOURCE for m in found.mentions)


def test_an_institute_named_at_the_head_of_a_units_name_is_left_to_the_page(tmp_path: Path) -> None:
    # Readers named the academy of "中国科学院某某研究院" half the time: it gets no mention.
    found = _extract(tmp_path, "青岚市引进了中国科学院青岚创新研究院。")
    assert not any(m.source == NESTED_PARENT_SOURCE for m in found.mentions)


def test_a_nested_name_stands_in_no_list_of_its_own(tmp_path: Path) -> None:
    # The university inside the unit's name is no member of the list the unit is in.
    found = _extract(tmp_path, "青岚市引进了浙江大学金华研究院、星海科技有限公司等单位。")
    names = {e.id: e.name for e in found.entities}
    assert not any(names.get(r.head) == "浙江大学" and r.type == "LOCATED_IN" for r in found.relations)
