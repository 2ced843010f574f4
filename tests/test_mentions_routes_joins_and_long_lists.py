"""Names found by their place in a phrase, on invented sentences: the ends of a route
(route_ends.py), the industry before 全产业链 (whole_chains.py), the first of two joined
industries (joined_chains.py), an industry joined with its parts or uses
(dependent_parts.py), long lists of chains, and a site's menu bar."""

from pathlib import Path

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions
from loaders.read.boilerplate import noise_reason
from loaders.read.document import read_document


def _names(sentence: str, cls: str) -> dict[str, str]:
    """text -> canonical name of each mention of class ``cls``."""
    return {m.text: m.canonical for m in find_mentions(make_document(sentence)).mentions if m.type == cls}


def test_bare_counties_at_the_ends_of_a_route_are_places():
    places = _names("加快宁国至绩溪高速建设，推进某某铁路宁国至旌德段改造。", "Place")
    assert places == {"宁国": "宁国市", "绩溪": "绩溪县", "旌德": "旌德县"}


def test_route_end_needs_a_route_word_and_a_single_division():
    assert "绩溪" not in _names("从宁国至绩溪的游客增多。", "Place")  # no road or rail named
    assert "朝阳" not in _names("新建朝阳至某某桥高速。", "Place")  # two 朝阳区 in the table


def test_a_town_at_the_far_end_leaves_the_county_at_the_near_end():
    places = _names("开工建设绩溪至某某桥高速。", "Place")
    assert places.get("绩溪") == "绩溪县"


def test_industry_before_whole_chain_is_a_chain():
    chains = _names("打造新材料全产业链，完善网络安全产业链。", "IndustryChain")
    assert chains.get("新材料") == "新材料"
    assert "网络安" not in chains  # 安全产业链: the 安全 industry's chain, no 全产业链


def test_slogan_before_whole_chain_is_no_chain():
    assert not _names("构建六位一体全产业链。", "IndustryChain")


def test_first_of_two_joined_industries_is_a_chain():
    chains = set(_names("壮大先进陶瓷与新材料产业，培育冶金及集成电路产业集群。", "IndustryChain").values())
    assert {"先进陶瓷", "冶金", "集成电路"} <= chains


def test_words_before_a_joiner_that_name_no_industry_are_left_alone():
    chains = set(_names("推动企业与高校合作，发展集成电路产业。", "IndustryChain").values())
    assert "企业" not in chains


def test_an_industry_joined_with_its_parts_or_uses_is_one_chain():
    chains = set(
        _names("某县做强家电及配件、工程机械及其配套两个板块，培育磁性材料及应用产业。", "IndustryChain").values()
    )
    assert {"家电及配件", "工程机械及其配套", "磁性材料及应用"} <= chains
    assert not {"家电", "配件", "配套"} & chains
    assert "钛及钛合金" in set(_names("该市布局钛及钛合金、航空等产业链。", "IndustryChain").values())


def test_a_segment_joined_with_parts_stays_two_links():
    chains = set(_names("某区重点发展新能源客车、整车及零部件等产业，完善汽车及配套服务。", "IndustryChain").values())
    assert "整车及零部件" not in chains
    assert "汽车及配套" not in chains  # 配套服务 goes on: no dependent word alone


def test_a_list_of_sixteen_chains_keeps_its_first_member():
    members = ["特种金属材料", "集成电路", "新型显示", "人工智能", "生物医药", "新能源汽车", "高端装备", "新材料"]
    members += ["节能环保", "量子信息", "氢能", "光伏", "智能家电", "物联网", "工业互联网", "航空航天"]
    sentence = f"我省确定了{'、'.join(members)}等16条重点产业链。"
    chains = _names(sentence, "IndustryChain")
    assert "特种金属材料" in chains and "航空航天" in chains


def test_a_menu_bar_is_navigation_but_a_line_of_text_is_not():
    assert noise_reason("网站首页 国内新闻 财经 科技 汽车 房产 体育") == "navigation"
    assert noise_reason("首页 新闻") is None  # too short to be a menu
    assert noise_reason("某市首页发布汽车产业新政策。") is None


def test_menu_bar_names_no_industry(tmp_path: Path):
    path = tmp_path / "menu.txt"
    path.write_text("网站首页 国内新闻 财经 科技 汽车 房产 体育\n某市加快发展集成电路产业。\n", encoding="utf-8")
    texts = [s.text for s in read_document(path).sentences]
    assert texts == ["某市加快发展集成电路产业。"]


def test_a_lab_named_after_its_known_university_keeps_it_and_one_after_an_institute_is_split():
    # readers of real pages name a university's lab with the university (南京大学某某重点实验室),
    # and an institute's lab without the institute, which is a mention of its own
    labs = _names("中国科学技术大学火灾安全实验室获批建设。", "Laboratory")
    assert labs == {"中国科学技术大学火灾安全实验室": "中国科学技术大学火灾安全实验室"}
    labs = _names("中国科学院合肥物质科学研究院强磁场安全实验室获批建设。", "Laboratory")
    assert labs == {"强磁场安全实验室": "强磁场安全实验室"}


def test_a_lab_without_a_known_host_keeps_its_name():
    assert "某某材料实验室" in _names("某某材料实验室获批建设。", "Laboratory")


def test_batteries_motors_and_controls_are_links_of_a_list():
    chains = _names("带动电池、电机、电控等关键零部件集群发展。", "IndustryChain")
    assert {"电池", "电机", "电控"} <= set(chains)


def test_a_battery_outside_an_industry_context_is_no_chain():
    assert "电池" not in _names("他的手机电池没电了。", "IndustryChain")


def test_an_industry_word_inside_a_device_name_is_no_chain():
    assert "激光" not in _names("某所研制出超高功率光纤激光器。", "IndustryChain")
    assert "激光" in _names("某区大力发展激光产业。", "IndustryChain").values()
