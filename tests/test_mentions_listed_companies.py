"""Listed companies named by their stock short name alone (listed_companies.tsv), on invented
sentences; the short names are real ones, used only as reference data."""

from test_mentions_helpers import make_document

from loaders.lexicon.data.make_listed_companies import clean, place_names, reading
from loaders.lexicon.gazetteer import default_gazetteer, load_listed_companies
from loaders.mentions.find import find_mentions
from loaders.mentions.short_names import company_head_words


def _names(*sentences: str) -> set[tuple[str, str]]:
    return {(m.type, m.canonical) for m in find_mentions(make_document(*sentences)).mentions}


def _firms(*sentences: str) -> set[str]:
    return {canonical for cls, canonical in _names(*sentences) if cls == "Enterprise"}


def test_a_listed_short_name_alone_is_a_firm():
    assert "帝尔激光" in _firms("本届论坛上，帝尔激光介绍了新一代电池片设备的进展。")
    assert "宁德时代" in _firms("会上宣布，多家电池企业与宁德时代达成长期协议。")


def test_a_short_name_inside_the_full_name_makes_no_second_firm():
    firms = _firms("京东方科技集团股份有限公司将在新区建设一条显示面板生产线。")
    assert firms == {"京东方"}
    firms = _firms("武汉帝尔激光科技股份有限公司当天发布了年度报告。")
    assert firms == {"武汉帝尔激光科技股份有限公司"}


def test_a_short_name_after_a_city_is_the_city_and_the_firm():
    # As with the hand-written firms (合肥 + 京东方): the city and the firm, each its own name.
    names = _names("衡阳特变电工去年交付了三台大型变压器。")
    assert ("Place", "衡阳市") in names
    assert any(cls == "Enterprise" and "特变电工" in canonical for cls, canonical in names)


def test_an_ambiguous_short_name_needs_a_cue_word():
    ambiguous = {entry.canonical for entry in load_listed_companies() if entry.context_aliases}
    assert "国际医学" in ambiguous
    assert "国际医学" not in _firms("论坛讨论了国际医学教育的新趋势。")
    assert "国际医学" in _firms("帝尔激光、国际医学等企业参加了展会。")  # beside another firm


def test_names_are_cleaned_of_market_marks_and_share_classes():
    assert clean("*ST石化A") == "石化"
    assert clean("万  科Ａ") == "万科"
    assert clean("S*ST前锋") == "前锋"
    assert clean("新城B股") == "新城"
    assert clean("TCL科技") == "TCL科技"


def test_words_industries_and_places_with_a_generic_word_are_left_out():
    places, heads = place_names(), frozenset(company_head_words())
    assert reading("机器人", places, heads) is None  # an everyday word
    assert reading("万科", places, heads) is None  # two characters
    assert reading("大通退", places, heads) is None  # delisted
    assert reading("上海电力", places, heads) is None  # a place and an industry
    assert reading("珠海港", places, heads) is None  # a place and its port
    assert reading("帝尔激光", places, heads) == "name"
    assert reading("国际医学", places, heads) == "ambiguous"  # common words, no head word


def test_a_hand_written_entry_or_a_place_keeps_its_string():
    gaz = default_gazetteer()
    special = gaz.surface("特变电工")
    assert special is not None and special.canonical == "特变电工股份有限公司"  # the curated entry's
    assert gaz.entry("帝尔激光") is not None and gaz.entry("帝尔激光").type == "Enterprise"
