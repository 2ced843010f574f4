from pathlib import Path

import pytest

from kg.errors import InputError
from loaders.lexicon.gazetteer import default_gazetteer, load_divisions, load_entries, prefecture_short_form, short_form
from loaders.lexicon.matcher import default_matcher, fix_ocr
from loaders.lexicon.segmenter import active_segmenter, segment


def test_every_entry_has_a_known_class_and_wellformed_qid():
    for entry in load_entries():
        assert entry.canonical
        assert entry.wikidata is None or entry.wikidata[1:].isdigit()


def test_divisions_cover_all_three_levels_with_parents():
    divisions = load_divisions()
    levels = {d.level for d in divisions.values()}
    assert levels == {1, 2, 3}
    for d in divisions.values():
        assert len(d.code) == 6
        assert d.level == 1 or d.parent in divisions


def test_short_forms():
    assert short_form("安徽省") == "安徽"
    assert short_form("广西壮族自治区") == "广西"
    assert short_form("大同市") is None  # a common word


def test_autonomous_prefectures_are_written_by_their_own_name_and_zhou():
    assert prefecture_short_form("黔南布依族苗族自治州") == "黔南州"
    assert prefecture_short_form("博尔塔拉蒙古自治州") == "博尔塔拉州"
    assert prefecture_short_form("黔南州") is None
    assert prefecture_short_form("合肥市") is None
    surface = default_gazetteer().surfaces["黔西南州"]
    assert (surface.canonical, surface.type) == ("黔西南布依族苗族自治州", "Place")


def test_places_get_division_codes_and_aliases():
    gaz = default_gazetteer()
    hefei = gaz.surface("合肥")
    assert hefei is not None and hefei.canonical == "合肥市"
    assert gaz.entry("合肥市").division_code == "340100"
    assert gaz.entry("合肥高新技术产业开发区").division_code  # a division-level zone
    # Any county of China is known by its full name, with its code.
    county = next(d for d in gaz.divisions.values() if d.level == 3 and d.name.endswith("县"))
    surface = gaz.surface(county.name)
    assert surface is not None and surface.subtype == "County"


def test_ambiguous_district_keeps_all_codes():
    surface = default_gazetteer().surface("鼓楼区")
    assert surface is not None and len(surface.division_codes) > 1


def test_matcher_is_leftmost_longest_and_respects_ascii_words():
    matches = default_matcher().find("中国科学技术大学和EASTERN以及EAST")
    assert [m.surface.canonical for m in matches] == [
        "中国科学技术大学",
        "全超导托卡马克核聚变实验装置",
    ]


def test_matcher_reads_through_ocr_slips():
    assert fix_ocr("交又学科") == "交叉学科"


def test_segmenter_round_trips():
    text = "合肥某某新材料有限公司建设实验室"
    assert "".join(segment(text)) == text
    assert active_segmenter() in {"rjieba", "jieba", "character-class"}


def test_bad_gazetteer_file_names_the_file(tmp_path: Path):
    bad = tmp_path / "g.tsv"
    bad.write_text("canonical\tclass\nX\tNotAClass\n", encoding="utf-8")
    with pytest.raises(InputError, match="g.tsv"):
        load_entries(bad)


def test_a_city_without_counties_is_a_city_and_known_by_its_short_form(tmp_path: Path) -> None:
    # Such a city is listed twice under one code (as a city and as its own county).
    table = tmp_path / "divisions.tsv"
    table.write_text(
        "code\tname\tparent\tlevel\n440000\t广东省\t440000\t1\n441900\t东莞市\t440000\t2\n441900\t东莞市\t441900\t3\n",
        encoding="utf-8",
    )
    assert load_divisions(table)["441900"].level == 2
    surface = default_gazetteer().surface("东莞")
    assert surface is not None and surface.canonical == "东莞市" and surface.subtype == "City"


def test_two_neighbouring_chains_are_not_merged_by_an_alias(tmp_path: Path) -> None:
    # New-energy and intelligent-connected vehicle parts are separate chains in plans that name both.
    from loaders.pipeline import extract_document

    page = tmp_path / "plan.txt"
    page.write_text("示范区重点发展新能源汽车零部件产业和智能网联汽车零部件产业。", encoding="utf-8")
    chains = {m.canonical for m in extract_document(page).mentions if m.type == "IndustryChain"}
    assert {"新能源汽车零部件", "智能网联汽车零部件"} <= chains


def test_a_three_character_city_inside_other_words_is_no_place():
    from test_mentions_helpers import make_document

    from loaders.mentions.find import find_mentions

    found = {
        m.text
        for m in find_mentions(make_document("以海峡西岸为发展带串联沿海城市群。", "海城市位于辽宁省。")).mentions
    }
    assert "海城市" in found  # written as a name, it is one
    first = find_mentions(make_document("以海峡西岸为发展带串联沿海城市群。")).mentions
    assert "海城市" not in {m.text for m in first}
