"""Firms written at the head of the projects they build (loaders.mentions.project_firms),
and company short names with the head words and verbs added for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.mentions.short_names import listed_company_names, short_company_names
from loaders.pipeline import extract_document


def names_of(tmp_path: Path, text: str, entity_type: str) -> set[str]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return {e.name for e in extract_document(path).entities if e.type == entity_type}


def firms(tmp_path: Path, text: str) -> set[str]:
    return names_of(tmp_path, text, "Enterprise")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a firm glued to its product before 项目
        ("今年该市引进锐恒电子8英寸传感器芯片项目。\n", {"锐恒电子"}),
        # members of a list closed by 等…项目: firm + product, or the firm alone
        ("拓岚化工特种树脂、澜启医药制剂厂等重点项目加速推进。\n", {"拓岚化工", "澜启医药"}),
        ("晟宇科技、岚峰光电等5个项目正在加快建设。\n", {"晟宇科技", "岚峰光电"}),
        # a firm's short name alone, no head word, as an item of the list
        ("今年，澜颐、禾泰等12个项目签约落地。\n", {"澜颐", "禾泰"}),
        # a firm before its plant's output, maybe after its province
        ("北湖园区内，青海岚晟20万吨硅料项目开工建设。\n", {"青海岚晟"}),
        ("星辉10GW电池片项目开工。\n", {"星辉"}),
        # a short name the dictionary lacks, whose one token the tagger guesses a verb
        ("近期，讴岚机械、岳溪压铸等项目相继入驻。\n", {"讴岚机械", "岳溪压铸"}),
        # a known firm's short name and a head word its own name lacks: a namesake or sister firm
        ("近期，岳溪压铸、长鑫机械等项目相继入驻。\n", {"长鑫机械"}),
        # a pronoun opening the clause is no part of the firm's name
        ("其中岚博机电等项目厂房主体已完工。\n", {"岚博机电"}),
        # firms of light industry, named by their trade (食品, 纺织)
        ("目前，岚冠食品、青崴纺织等项目相继竣工投产。\n", {"岚冠食品", "青崴纺织"}),
        # a maker of new materials is named by the whole trade, not cut at the industry 新材料
        ("吸引了岚冠科技、青崴新材料、澜启新材料等一批重大项目相继落户。\n", {"青崴新材料", "澜启新材料"}),
    ],
)
def test_a_firm_opens_its_project(tmp_path: Path, sentence: str, names: set[str]) -> None:
    assert names <= firms(tmp_path, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "湖北电子化学品产业园等一批项目进展顺利。\n",  # a province and an industry
        "规划建设岚湖生物医药港项目。\n",  # the head word opens an industry (生物医药)
        "这是国家级重大科技基础设施项目。\n",  # a national programme
        "河西科技城项目落地实施。\n",  # a science city
        "推动钨钼合金、城市更新、中小学校等项目建成。\n",  # a product, a programme, schools
        "后续拉棒、切片、电池片等项目建成投产。\n",  # steps of a plant: common words among them
        "西岭科创岛、云栖岛等项目启动。\n",  # sites
        "全市100万吨钢铁项目建成。\n",  # a place's plant, not a firm's
    ],
)
def test_no_firm_in_other_projects(tmp_path: Path, sentence: str) -> None:
    assert not firms(tmp_path, sentence)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # most items are firms: a short name alone is one too, though no head word ends it
        ("园区先后引进了岚溪药业、九岭通、禾泰生物、森禾宝药业等项目。\n", {"九岭通"}),
        # a head word ends it, though the dictionary knows its stem
        ("先后引进鸿岚钢构、讴岳机械、连通机电、澳禾汽车等项目入驻。\n", {"连通机电"}),
        ("在高新区，格岚美、精岳电子、瑞禾科技、天岚证券等4个重大项目集中开工。\n", {"天岚证券"}),
    ],
)
def test_a_short_name_among_listed_firms_is_a_firm(tmp_path: Path, sentence: str, names: set[str]) -> None:
    assert names <= firms(tmp_path, sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a body, a site and a project among firms stay apart
        ("在高新区，格岚美、航天激光院、精岳电子、瑞禾科技等4个重大项目集中开工。\n", "航天激光院"),
        ("先后引进鸿岚钢构、讴岳机械、澄湖产业园、澳禾汽车等项目入驻。\n", "澄湖产业园"),
        # too few firms in the list: the others are projects
        ("推进岚湖科技、智慧停车、污水处理等项目建设。\n", "智慧停车"),
        ("推进岚湖科技、西岭配套、东湖安置等项目建设。\n", "西岭配套"),
    ],
)
def test_no_firm_from_a_list_of_projects_by_other_names(tmp_path: Path, sentence: str, name: str) -> None:
    assert name not in firms(tmp_path, sentence)


def test_a_known_firm_before_its_product_keeps_its_own_name(tmp_path: Path) -> None:
    # the head word opens the product (动力电池): the known firm ends where it starts
    assert "长鑫动力" not in firms(tmp_path, "年内，长鑫动力电池、岳溪压铸等项目相继入驻。\n")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("岳溪压铸向新能源零部件供应商转型。", ["岳溪压铸"]),
        ("去年，锐驰机器人成为首家在北交所上市的本地企业。", ["锐驰机器人"]),
        ("工业机器人成为新的增长点。", []),
        ("荆门磷化工向电池材料延伸。", []),  # a place and its industry (磷化工)
    ],
)
def test_short_names_with_more_heads_and_verbs(sentence: str, names: list[str]) -> None:
    assert [sentence[a:b] for a, b in short_company_names(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a list of short names opening the clause and acting together
        ("上月，岚硅电子、三禾模具、青龙汽车部件在新三板挂牌。", ["岚硅电子", "三禾模具", "青龙汽车部件"]),
        ("澜颐科技和星河电子相继落户高新区。", ["澜颐科技", "星河电子"]),
        # trades, not names: words of quality or common words only, or an industry of the vocabularies
        ("精密模具、智能装备相继落户园区。", []),
        ("绿色化工、高端装备相继落户园区。", []),
        ("汽车电子、岚硅电子相继落户园区。", []),
    ],
)
def test_lists_of_short_names_that_act_together(sentence: str, names: list[str]) -> None:
    assert [sentence[a:b] for a, b in listed_company_names(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a short name and a head word right before the plant's output, in a list of works
        ("去年，澄屿能源3万吨多晶硅升级改造、岚湾铜业冷轧线等一批工程建成。\n", {"澄屿能源"}),
        # a coined short name with no head word, after a clause's start
        ("煤制油示范线年底中交；榕煤60万吨/年煤制烯烃启动建设。\n", {"榕煤"}),
    ],
)
def test_a_firm_stands_before_its_plants_output(tmp_path: Path, sentence: str, names: set[str]) -> None:
    assert names <= firms(tmp_path, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "园区日产2万吨海水淡化装置建成。\n",  # a word of output before the count
        "全市新增光伏3GW储能装机。\n",  # a place and a verb
        "累计产量突破100万辆整车。\n",  # a figure of output
        "乙烯100万吨、丙烯60万吨，产品远销海外。\n",  # products and what they came to
    ],
)
def test_no_firm_before_other_counts_of_output(tmp_path: Path, sentence: str) -> None:
    assert not firms(tmp_path, sentence)


def places(tmp_path: Path, text: str) -> set[str]:
    return names_of(tmp_path, text, "Place")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # items opened by their sum, each a firm by its province or city and its brand, then
        # the plant's output, a word of grade, or a known industry the trade word opens
        (
            "分别是10亿元的安徽岚晟年产50万套汽车底盘项目、5亿元的上海澜启高端车辆零部件项目、"
            "3亿元的深圳讴岚智能装备检测中心建设项目。\n",
            {"安徽岚晟", "上海澜启", "深圳讴岚"},
        ),
        # a firm by its place and brand is named by the two: the trade word is the product's
        ("3亿元的深圳岳溪汽车座椅生产基地项目开工。\n", {"深圳岳溪"}),
        # place and brand as a whole item of a list of firms or projects
        ("禾泰医药、南京澜颐等生物医药项目加快集聚。\n", {"南京澜颐"}),
    ],
)
def test_a_firm_named_by_its_place_and_brand(tmp_path: Path, sentence: str, names: set[str]) -> None:
    assert names <= firms(tmp_path, sentence)
    assert not {"安徽省", "上海市", "深圳市", "南京市"} & places(tmp_path, sentence)


def test_a_place_before_a_smaller_place_stays_a_place(tmp_path: Path) -> None:
    sentence = "安徽合肥、江苏苏州等项目集聚区加快建设。\n"
    assert {"合肥市", "苏州市"} <= places(tmp_path, sentence)


def test_a_firm_by_place_and_brand_before_its_head_office(tmp_path: Path) -> None:
    # (the place and brand is the short form of the legal name the page also writes)
    text = "浙江岚晟机电股份有限公司在此投资。\n领导奔赴浙江岚晟总部考察。\n"
    assert {"浙江岚晟机电股份有限公司"} == firms(tmp_path, text)
    assert "浙江省" not in places(tmp_path, "领导奔赴浙江岚晟总部考察。\n")


def test_a_project_item_after_a_word_of_projects(tmp_path: Path) -> None:
    assert "宁夏岚钰" in firms(tmp_path, "吴忠市重点项目宁夏岚钰年产5000万千米光伏焊带项目开工。\n")


def test_a_count_of_kinds_before_projects_is_no_firm(tmp_path: Path) -> None:
    assert not firms(tmp_path, "随着四大新能源汽车整车项目落地，该市规划整车产能已近百万台。")
    assert not firms(tmp_path, "吉利集团的九大新能源汽车项目落户北仑。") - {"吉利控股集团"}
