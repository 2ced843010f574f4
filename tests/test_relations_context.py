"""Section headings, names that embed a chain, and subject position (hand-made text)."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from loaders.relations.engine import extract_relations


def run(texts: list[str], lexicon: dict[str, Known] = LEXICON, **kwargs: object):  # type: ignore[no-untyped-def]
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, lexicon))


def test_short_heading_place_resolves_to_the_full_name_used_under_it() -> None:
    result = run(
        ["高新区。", "支持合肥高新区建设园区。", "优先布局集成电路、人工智能等产业。"],
        section_places=["高新区", "高新区", "高新区"],
    )
    got = facts(result.relations)
    assert fact("FOCUSES_ON", "合肥高新技术产业开发区", "集成电路") in got
    assert fact("FOCUSES_ON", "合肥高新技术产业开发区", "人工智能") in got


def test_ambiguous_short_heading_place_is_not_guessed() -> None:
    lexicon = {**LEXICON, "新站高新区": Known("Place", "DevelopmentZone", "新站高新区")}
    result = run(
        ["合肥高新区和新站高新区。", "高新区。", "发展集成电路产业。"],
        lexicon=lexicon,
        section_places=[None, "高新区", "高新区"],
    )
    assert not any(r.type == "FOCUSES_ON" for r in result.relations)
    assert any(d.reason == "section-place-unresolved" for d in result.dropped)


def test_chain_heading_assigns_listed_enterprises_and_institutes() -> None:
    result = run(
        ["集成电路产业快速发展。", "重点推进京东方、长安等项目，支持合肥物质院建设平台。"],
        sections=["集成电路", "集成电路"],
    )
    got = facts(result.relations)
    assert fact("PART_OF_CHAIN", "京东方", "集成电路") in got
    assert fact("SUPPORTS_CHAIN", "中国科学院合肥物质科学研究院", "集成电路") in got


def test_a_chain_word_inside_a_long_theme_heading_is_not_the_sections_chain() -> None:
    result = run(
        ["集成电路产业快速发展。", "支持京东方、长安做大做强。"],
        sections=["第三节 深化开放合作推动集成电路等产业协同和区域一体化发展", None],
    )
    assert not any(r.type == "PART_OF_CHAIN" for r in result.relations)


def test_name_embedding_a_chain_focuses_on_it() -> None:
    lexicon = {**LEXICON, "合肥集成电路产业园": Known("Place", "DevelopmentZone")}
    result = run(["集成电路产业加快发展，合肥集成电路产业园投入运营。"], lexicon=lexicon)
    assert fact("FOCUSES_ON", "合肥集成电路产业园", "集成电路") in facts(result.relations)


def test_place_inside_a_clause_is_not_the_focusing_subject() -> None:
    result = run(
        ["打造长三角科创承载地，着力打造世界级集成电路产业集群。"],
        lexicon={**LEXICON, "长三角": Known("Place", "Region")},
    )
    assert not any(r.type == "FOCUSES_ON" for r in result.relations)


def test_place_qualifying_an_institution_is_not_the_subject() -> None:
    result = run(["合肥市政协围绕加快发展人工智能产业开展协商。"])
    assert not any(r.type == "FOCUSES_ON" for r in result.relations)


def test_single_chain_sentence_listing_firms() -> None:
    result = run(["全力打造新能源汽车之都，支持比亚迪、大众、蔚来等做大做强。"])
    got = facts(result.relations)
    for firm in ("比亚迪", "大众汽车", "蔚来"):
        assert fact("PART_OF_CHAIN", firm, "新能源汽车") in got


def test_two_chains_in_a_sentence_do_not_claim_listed_firms() -> None:
    result = run(["发展新能源汽车和集成电路，支持比亚迪、京东方等做大做强。"])
    assert not any(r.type == "PART_OF_CHAIN" for r in result.relations)


def test_segment_of_the_one_chain_named_is_part_of_it() -> None:
    lexicon = {**LEXICON, "零部件": Known("IndustryChain", "ChainSegment")}
    result = run(["打造新能源汽车之都，优化整车、零部件布局。"], lexicon=lexicon)
    assert fact("PART_OF", "零部件", "新能源汽车") in facts(result.relations)


def _rules_of(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.rule for r in result.relations}


def _titled_run(texts: list[str], lexicon: dict[str, Known] = LEXICON, **kwargs: object):  # type: ignore[no-untyped-def]
    """Like run, with the first sentence as the page's title."""
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    doc.title = texts[0]
    return extract_relations(doc, find_known(doc, lexicon))


def test_a_zone_a_pronoun_stands_for_in_the_lede_is_the_pages_subject() -> None:
    # No title names a place; "记者从X获悉，该区将…" makes X what the page is about, and a
    # later paragraph with no subject of its own focuses X on its industry.
    texts = ["记者近日从合肥高新区获悉，该区将持续提升产业能级。", "做大新能源汽车产业，打造百亿级产业集群。"]
    assert "pattern:focus-verb-recent-place" in _rules_of(run(texts))


def test_a_paragraph_opening_on_an_unread_area_is_not_about_the_pages_place() -> None:
    lexicon = {**LEXICON, "声谷": Known("Place", "DevelopmentZone")}
    texts = [
        "合肥高新区人工智能加速发展",
        "2016年声谷基地年产值327亿元。",
        "截至目前，培育和引进了科大讯飞、京东方等企业。",
    ]
    assert "located-in-brought-in-context" not in _rules_of(_titled_run(texts, lexicon, paragraphs=[0, 1, 1]))
    # The same paragraph without the area's opening speaks of the page's place.
    texts = ["合肥高新区人工智能加速发展", "2016年产值327亿元。", "截至目前，培育和引进了科大讯飞、京东方等企业。"]
    assert "located-in-brought-in-context" in _rules_of(_titled_run(texts, lexicon, paragraphs=[0, 1, 1]))
