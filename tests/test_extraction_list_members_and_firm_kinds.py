"""Lists whose members end in a stop word, firms named by their industry after 等,
counted lists of industries, scale words before an industry, stems that are no
industries, and "落户这里" past a chain that says what the firms are."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.mentions.chain_words import is_verb_phrase
from loaders.pipeline import extract_document


def extract(tmp_path: Path, text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    relations = {(r.type, names[r.head], names[r.tail]) for r in extraction.relations}
    return {e.name: e.type for e in extraction.entities}, relations


def test_a_counted_list_keeps_a_first_member_that_ends_in_a_stop_word(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "产业方面，湛江培育了港口物流服务、海洋装备、海洋化工3个新兴产业。\n")
    assert found.get("港口物流服务") == "IndustryChain"
    assert found.get("海洋装备") == "IndustryChain"


def test_a_member_ending_in_a_stop_word_keeps_its_words_only(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "会上发布了（海洋科技）、海洋装备等新兴产业。\n")
    assert not any(name.endswith(("）", ")")) for name in found)
    assert found.get("海洋装备") == "IndustryChain"


def test_a_counted_list_of_new_industries_is_the_places_focus(tmp_path: Path) -> None:
    _, relations = extract(tmp_path, "舟山市确定了海洋装备、海洋生物医药2个新兴产业。\n")
    assert ("FOCUSES_ON", "舟山市", "海洋装备") in relations
    assert ("FOCUSES_ON", "舟山市", "海洋生物医药") in relations


def test_firms_named_by_their_industry_after_a_word_of_many_belong_to_it(tmp_path: Path) -> None:
    found, relations = extract(tmp_path, "苏州集聚了睿澜科技、曜芯微电子等众多新锐集成电路企业。\n")
    assert found.get("集成电路") == "IndustryChain"
    assert ("PART_OF_CHAIN", "睿澜科技", "集成电路") in relations
    assert ("PART_OF_CHAIN", "曜芯微电子", "集成电路") in relations


def test_firms_named_by_a_five_character_industry_belong_to_it(tmp_path: Path) -> None:
    _, relations = extract(tmp_path, "比亚迪、蔚来等新能源汽车企业纷纷扩大产能。\n")
    assert ("PART_OF_CHAIN", "比亚迪", "新能源汽车") in relations
    assert ("PART_OF_CHAIN", "蔚来", "新能源汽车") in relations


def test_an_industry_qualifying_a_product_is_still_no_chain(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "该公司研发集成电路技术，并与中芯国际合作。\n")
    assert "集成电路" not in found
    assert found.get("中芯国际") == "Enterprise"


def test_a_scale_word_is_no_part_of_the_industry(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "长春加快打造万亿级汽车产业集群。\n")
    assert found.get("汽车") == "IndustryChain"
    assert "万亿级汽车" not in found


@pytest.mark.parametrize(
    ("stem", "verb_phrase"),
    [
        ("帮助厘清", True),  # a common verb and its verbal object
        ("仔细梳理现有", True),  # an adverb opens it
        ("先导性", True),  # an adjective of kind
        ("承接长三角", True),  # a verb, however rare, before a region it moves things from
        ("重点承接浙江信息", True),  # ... wherever it stands in the stem
        ("承接", True),  # a verb whose object is industries: 承接产业转移
        ("星河城市带承接", True),  # ... after the place that takes them on
        ("亲自协调", True),  # an adverb before a verb
        ("更为温州", True),  # an adverb before a place
        ("快速消费品", False),  # an adverb before nouns opens a trade's name
        ("抛光材料", False),  # a rare verb before a noun that is no place
        ("创新药", False),  # a common verb before a noun: an industry
        ("智能制造", False),
        ("服务外包", False),
    ],
)
def test_stems_before_the_industry_suffix(stem: str, verb_phrase: bool) -> None:
    assert is_verb_phrase(stem) is verb_phrase


def test_firms_settling_here_past_the_chain_that_names_them(tmp_path: Path) -> None:
    text = (
        "临港新片区，作为上海集成电路产业的承载区，规划面积广阔。"
        "近年来，睿澜科技、曜芯微电子等一批新兴集成电路企业陆续落户这里。\n"
    )
    _, relations = extract(tmp_path, text)
    assert ("LOCATED_IN", "睿澜科技", "临港新片区") in relations
    assert ("LOCATED_IN", "曜芯微电子", "临港新片区") in relations


def test_dashed_links_before_an_industry_chain_word_are_its_segments(tmp_path: Path) -> None:
    found, relations = extract(tmp_path, "哈密市光伏产业已形成“工业硅——多晶硅——硅片”的全产业链。\n")
    assert found.get("多晶硅") == "IndustryChain"
    assert ("PART_OF", "多晶硅", "光伏") in relations
    assert ("PART_OF", "工业硅", "光伏") in relations


def test_dashed_stages_of_a_mechanism_are_no_segments(tmp_path: Path) -> None:
    found, relations = extract(tmp_path, "银川市完善“研发——中试——量产”联动机制，重点发展光伏产业。\n")
    assert "中试" not in found
    assert ("FOCUSES_ON", "银川市", "光伏") in relations
    assert not any(kind == "PART_OF" for kind, _, _ in relations)


@pytest.mark.parametrize(
    ("text", "zone", "place"),
    [
        ("江西省赣州高新技术产业开发区发展稀土产业。\n", "赣州高新技术产业开发区", "江西省"),
        # the city written in full is split off too: the zone is the city's, the city the province's
        ("山东省济南市高新技术产业开发区聚集量子企业。\n", "济南高新技术产业开发区", "济南市"),
        ("溧阳市江苏中关村科技产业园入选十强。\n", "江苏中关村科技产业园", "溧阳市"),
    ],
)
def test_a_place_that_only_locates_a_zone_is_no_part_of_its_name(
    tmp_path: Path, text: str, zone: str, place: str
) -> None:
    found, relations = extract(tmp_path, text)
    assert found.get(zone) == "Place"
    assert found.get(place) == "Place"
    assert ("PART_OF", zone, place) in relations


def test_a_zone_after_its_province_is_the_clauses_subject(tmp_path: Path) -> None:
    _, relations = extract(tmp_path, "江西省赣州高新技术产业开发区重点发展稀土产业。\n")
    assert ("FOCUSES_ON", "赣州高新技术产业开发区", "稀土") in relations
    assert ("FOCUSES_ON", "江西省", "稀土") not in relations


def test_a_policy_zones_official_name_keeps_its_places(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "安徽合肥庐江国家农业高新技术产业示范区获批建设。\n")
    assert found.get("安徽合肥庐江国家农业高新技术产业示范区") == "Place"


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("该县正在建设千亩产业园。\n", "千亩产业园"),
        ("溧阳获评最具投资价值锂电产业园。\n", "最具投资价值锂电产业园"),
        ("法院对某通信公司发出限制消费令。\n", "某通信公司"),
        ("全省着力建设高标准实验室。\n", "高标准实验室"),
    ],
)
def test_ranks_sizes_and_hidden_names_are_no_names(tmp_path: Path, text: str, not_a_name: str) -> None:
    found, _ = extract(tmp_path, text)
    assert not_a_name not in found


def test_a_real_park_beside_such_words_is_still_found(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "溧阳市首批建设江苏中关村科技产业园。\n")
    assert found.get("江苏中关村科技产业园") == "Place"


def test_a_short_valley_name_opens_the_park_named_after_it(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "武汉东湖新技术开发区下设光谷生物城。\n")
    assert found.get("光谷生物城") == "Place"
    assert found.get("武汉东湖新技术开发区") == "Place"


def test_stage_words_and_copulas_are_no_part_of_a_link(tmp_path: Path) -> None:
    found, relations = extract(tmp_path, "集成电路产业链上游芯片设计、中游晶圆制造、下游封装测试。\n")
    assert {"芯片设计", "晶圆制造", "封装测试"} <= set(found)
    assert not any(name.startswith(("中游", "下游")) for name in found)
    assert ("PART_OF", "晶圆制造", "集成电路") in relations
    found, _ = extract(tmp_path, "新能源汽车产业链上游为动力电池、中游为整车。\n")
    assert "动力电池" in found and "整车" in found
    assert not any(name.startswith("为") for name in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("西安高新区调研秦创原量子实验室。\n", "秦创原量子实验室"),
        ("华为旗下海思半导体公司发布新品。\n", "海思半导体公司"),
        ("中国电子科技集团下属中电科芯片技术研究院揭牌。\n", "中电科芯片技术研究院"),
        ("嘉兴市委托中电科数字科技集团建设平台。\n", "中电科数字科技集团"),
    ],
)
def test_verbs_of_visiting_owning_and_entrusting_end_a_name(tmp_path: Path, text: str, name: str) -> None:
    found, _ = extract(tmp_path, text)
    assert name in found


def test_an_industry_after_a_word_of_many_firms_is_their_chain(tmp_path: Path) -> None:
    # invented sentence; 半导体 is a vocabulary industry, 某甲微电子 a made-up firm
    found, relations = extract(tmp_path, "开发区引来一批优质半导体企业，某甲微电子、某乙芯科等企业先后投产。\n")
    assert found.get("半导体") == "IndustryChain"
    assert not any(name.startswith(("优质", "一批")) for name in found)


def test_a_known_chain_before_the_part_its_listed_firms_make_is_their_chain(tmp_path: Path) -> None:
    _, relations = extract(tmp_path, "该县聚集某甲科技、某乙科技等集成电路核心部件配套企业18家。\n")
    assert ("PART_OF_CHAIN", "某甲科技", "集成电路") in relations


def test_a_two_character_trade_before_firms_is_no_chain(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "当地汇聚了一批优质物流企业。\n")
    assert "物流" not in found


def test_a_trade_that_types_listed_firms_is_their_chain(tmp_path: Path) -> None:
    # after a list closed by 等 the trade says which industry the named firms are in
    found, relations = extract(tmp_path, "高新区已聚集某甲制药、某乙药业等多家知名医药企业。\n")
    assert found.get("医药") == "IndustryChain"
    assert ("PART_OF_CHAIN", "某乙药业", "医药") in relations


def test_lists_closed_by_heavy_industry_or_product_lines_list_industries(tmp_path: Path) -> None:
    found, _ = extract(
        tmp_path, "青州逐渐形成以船舶、军工、精密仪器等重工业聚落。可带动塑料加工、医药制剂等10余条下游产品链。\n"
    )
    assert {found.get(name) for name in ("军工", "塑料加工", "医药制剂")} == {"IndustryChain"}
    assert "重工业" not in found


def test_kinds_of_firm_listed_before_a_head_of_firms_are_no_firms(tmp_path: Path) -> None:
    found, _ = extract(
        tmp_path, "会上，青州区与世界500强企业、上市企业、独角兽企业、专精特新企业等大湾区企业进行签约。\n"
    )
    assert not any(name.endswith("企业") for name in found)
    found, _ = extract(tmp_path, "以全球领先的制药公司白杨医药为例。\n")
    assert "制药公司" not in found


def test_a_verb_of_making_opens_no_listed_industry(tmp_path: Path) -> None:
    found, _ = extract(tmp_path, "辽阳开发炼油、乙烯和芳烃三大产品链。\n")
    assert found.get("乙烯") == "IndustryChain"
    assert not any("开发" in name for name in found)
