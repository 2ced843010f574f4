"""On invented sentences: list members that end in a stop word
(…循环利用, …服务) under a head that types the list, and provinces named by their
one-character abbreviations in a run of them (沪苏浙皖, 京津冀)."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.lexicon.place_names import province_abbreviations
from loaders.mentions.find import find_mentions
from loaders.mentions.lists import list_members


def _mentions(*sentences: str) -> list[Mention]:
    return find_mentions(make_document(*sentences)).mentions


def _texts(text: str, industry_context: bool) -> set[str]:
    return {text[m.start : m.end] for m in list_members(text, [], industry_context)}


def test_a_field_member_ending_in_a_verb_is_read_whole_in_an_industry_list():
    text = "聚焦绿色建材、低碳冶炼、尾矿资源综合利用等领域，提升水平。"
    assert _texts(text, industry_context=True) == {"绿色建材", "低碳冶炼", "尾矿资源综合利用"}


def test_a_stop_word_member_is_not_read_whole_without_a_typing_head():
    # No head noun types this list and no member is known: nothing may spread.
    assert _texts("开展资源综合利用、垃圾循环利用等工作。", industry_context=True) == set()


def test_a_whole_member_never_swallows_the_list_word():
    text = "西瓜、螃蟹等8个产业链产值过百亿。"
    assert "螃蟹等" not in _texts(text, industry_context=False)


def test_a_run_of_abbreviations_names_each_province():
    found = province_abbreviations("推动苏浙皖赣人才交流")
    assert [name for _, name in found] == ["江苏省", "浙江省", "安徽省", "江西省"]
    assert [at for at, _ in found] == [2, 3, 4, 5]


def test_a_lone_abbreviation_or_a_repeated_character_names_nothing():
    assert province_abbreviations("苏州工业园区与浙商银行合作") == []
    assert province_abbreviations("川川不息") == []


def test_abbreviation_runs_become_place_mentions_unless_inside_a_full_name():
    found = _mentions("支持鄂湘赣人才来青柳市工作。", "江苏浙江两省签约。")
    places = {(m.sentence, m.canonical) for m in found if m.type == "Place"}
    assert {(0, "湖北省"), (0, "湖南省"), (0, "江西省")} <= places
    assert not any(m.source == "province-abbreviation" for m in found if m.sentence == 1)
