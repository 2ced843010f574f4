"""Headless 、-lists of segment terms in a sentence that names a chain, on invented sentences."""

from test_mentions_helpers import make_document

from loaders.lexicon.chain_names import segment_terms
from loaders.mentions.find import find_mentions
from loaders.mentions.list_spans import KnownSpan
from loaders.mentions.term_lists import term_list_members


def _typed(sentence: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.subtype) for m in find_mentions(make_document(sentence)).mentions}


def _segments(sentence: str) -> set[str]:
    return {text for text, (_, subtype) in _typed(sentence).items() if subtype == "ChainSegment"}


def test_vehicle_segments_are_in_the_vocabulary():
    assert {"整车", "零部件", "后市场", "乘用车", "特种车", "充换电"} <= segment_terms()


def test_headless_list_of_terms_under_a_named_chain_gives_segments():
    found = _typed("壮大新能源汽车产业，统筹乘用车、专用车、充换电，协同布局。")
    assert found["乘用车"] == ("IndustryChain", "ChainSegment")
    assert found["专用车"] == ("IndustryChain", "ChainSegment")
    assert found["充换电"] == ("IndustryChain", "ChainSegment")


def test_first_member_starts_after_a_verb_and_the_last_ends_the_clause():
    assert {"整车", "后市场"} <= _segments("做强新能源汽车，完善整车、后市场“两位一体”布局。")


def test_last_member_followed_by_more_words_is_no_whole_term():
    assert not {"整车", "后市场"} & _segments("做强新能源汽车，完善整车、后市场配套。")


def test_no_chain_named_gives_nothing():
    assert not {"乘用车", "专用车"} & _segments("今年统筹乘用车、专用车，协同布局。")


def test_list_with_an_everyday_noun_gives_nothing():
    segments = _segments("发展新能源汽车，采购桌子、椅子、零部件。")
    assert "零部件" not in segments
    segments = _segments("发展新能源汽车，统筹零部件、桌子、椅子。")
    assert "零部件" not in segments


def test_a_single_term_is_no_list():
    assert "特种车" not in _segments("发展新能源汽车，大力发展特种车。")


def test_partial_terms_are_not_members():
    # 零部件企业 and 新能源整车 are not whole terms of the vocabulary
    assert not {"整车", "零部件"} & _segments("发展新能源汽车，引进整车、零部件企业。")
    assert not {"整车", "后市场"} & _segments("发展新能源汽车，推进新能源整车、后市场。")


def test_a_known_firm_or_place_in_the_list_stops_it():
    text = "发展新能源汽车，统筹整车、后市场、比亚迪。"
    firm_at = text.index("比亚迪")
    chain = KnownSpan(2, 7, "IndustryChain")
    firm = KnownSpan(firm_at, firm_at + 3, "Enterprise")
    assert term_list_members(text, [chain, firm]) == []
    place = KnownSpan(firm_at, firm_at + 3, "Place")
    assert term_list_members(text, [chain, place]) == []
    members = term_list_members(text[: firm_at - 1] + "。", [chain])
    assert {text[m.start : m.end] for m in members} == {"整车", "后市场"}


def test_members_must_not_be_the_only_chain_named():
    text = "统筹特种车、新能源汽车。"
    at = text.index("新能源汽车")
    assert term_list_members(text, [KnownSpan(at, at + 5, "IndustryChain")]) == []


def test_known_chain_member_counts_towards_the_list():
    text = "发展新能源汽车，大力发展商用车、特种车。"
    chain = KnownSpan(2, 7, "IndustryChain")
    at = text.index("商用车")
    members = term_list_members(text, [chain, KnownSpan(at, at + 3, "IndustryChain")])
    assert [(text[m.start : m.end], m.subtype) for m in members] == [("特种车", "ChainSegment")]


def test_prefilter_sees_a_term_on_either_side_of_a_comma():
    from loaders.mentions.term_lists import may_hold_term_list

    assert may_hold_term_list("优化整车、桌子")
    assert may_hold_term_list("桌子、后市场")
    assert not may_hold_term_list("桌子、椅子，整车")
