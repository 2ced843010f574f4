"""Lists whose members carry bracketed short names, city and county paragraphs that own
what they build, and headings that are or are not the subject; each construction tested on
invented sentences."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from kg.model import Mention
from loaders.mentions.coordination import group_units
from loaders.relations.engine import extract_relations

WORLD: dict[str, Known] = {
    **LEXICON,
    "甲乙科技有限公司": Known("Enterprise"),
    "甲乙科技": Known("Enterprise", None, "甲乙科技有限公司"),
    "丙丁材料股份有限公司": Known("Enterprise"),
    "丙丁材料": Known("Enterprise", None, "丙丁材料股份有限公司"),
    "戊己电子有限公司": Known("Enterprise"),
    "滨江园": Known("Place", "DevelopmentZone"),
    "新材料": Known("IndustryChain"),
    "江阳市": Known("Place", "City"),
    "滨江新区": Known("Place", "DevelopmentZone"),
}


def run(texts: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, WORLD))


def test_a_list_whose_members_carry_short_names_stays_one_list() -> None:
    text = (
        "滨江园集聚甲乙科技有限公司（以下简称甲乙科技）、"
        "丙丁材料股份有限公司（以下简称丙丁材料）、戊己电子有限公司等企业200余家。"
    )
    got = facts(run([text]).relations)
    for firm in ("甲乙科技有限公司", "丙丁材料股份有限公司", "戊己电子有限公司"):
        assert fact("LOCATED_IN", firm, "滨江园") in got


def test_a_short_name_bracket_folds_into_its_full_name() -> None:
    doc = make_document(["甲乙科技有限公司（简称“甲乙科技”）、丙丁材料股份有限公司等企业"])
    sentence = doc.sentences[0]
    placed: list[tuple[Mention, int, int]] = [(m, m.clean_start, m.clean_end) for m in find_known(doc, WORLD)]
    units = group_units(sentence.text, placed)
    assert len(units) == 1
    assert [m.text for m in units[0].members] == ["甲乙科技有限公司", "丙丁材料股份有限公司"]
    assert units[0].closed_by_deng


def test_a_bracket_that_is_not_a_short_name_still_ends_the_list() -> None:
    # "A（B）、C": B is not A's short name (another firm), so nothing is folded or joined
    # across the closing bracket.
    text = "滨江园集聚甲乙科技有限公司（丙丁材料股份有限公司）、戊己电子有限公司。"
    got = facts(run([text]).relations)
    assert fact("LOCATED_IN", "戊己电子有限公司", "滨江园") not in got


def test_a_county_level_city_paragraph_owns_the_park_it_builds() -> None:
    result = run(
        ["江阳市：", "江阳市：巩固新材料产业基础，打造滨江园。"],
        section_places=["江阳市", "江阳市"],
    )
    assert fact("PART_OF", "滨江园", "江阳市") in facts(result.relations)


def test_a_city_paragraph_does_not_own_a_park_it_connects_with() -> None:
    result = run(
        ["江阳市：", "江阳市：主动对接滨江新区，发展新材料产业。"],
        section_places=["江阳市", "江阳市"],
    )
    assert fact("PART_OF", "滨江新区", "江阳市") not in facts(result.relations)


def test_a_heading_naming_a_longer_area_does_not_make_its_prefix_the_subject() -> None:
    # "滨江新区生物城：" names an area whose name only starts with the known 滨江新区;
    # the unrecognised area, not 滨江新区, focuses on what follows.
    world_text = "滨江新区生物城：重点发展新材料，集聚甲乙科技有限公司等企业。"
    got = facts(run([world_text]).relations)
    assert fact("FOCUSES_ON", "滨江新区", "新材料") not in got
    assert fact("LOCATED_IN", "甲乙科技有限公司", "滨江新区") not in got


def test_a_heading_that_is_the_place_itself_keeps_it_as_subject() -> None:
    got = facts(run(["滨江新区：重点发展新材料。"]).relations)
    assert fact("FOCUSES_ON", "滨江新区", "新材料") in got
