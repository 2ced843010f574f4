"""Parks, bases and zones named by their place and an industry, and the geographic
regions of China, each on invented sentences."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.mentions.find import find_mentions


def _found(*sentences: str) -> dict[str, Mention]:
    return {m.canonical: m for m in find_mentions(make_document(*sentences)).mentions}


def _places(*sentences: str) -> dict[str, Mention]:
    return {name: m for name, m in _found(*sentences).items() if m.type == "Place"}


def test_chemical_parks_and_theme_parks_named_by_their_place_are_places():
    found = _places("扬州化工园引进了三家企业。", "宁德湾坞化工园区扩区。", "芜湖高新区北斗产业主题园区揭牌。")
    assert {"扬州化工园", "宁德湾坞化工园区"} <= set(found)
    assert any(name.endswith("北斗产业主题园区") for name in found)


def test_a_kind_of_park_alone_or_a_city_s_parks_of_a_kind_are_no_name():
    found = _places("全省化工园区开展整治。", "三家园区获评天津市产业主题园区。", "获评青州市级产业主题园区。")
    assert not any(name.endswith("园区") for name in found)
    assert "天津市" not in {m.canonical for m in _found("获评天津市产业主题园区。").values() if m.type != "Place"}


def test_an_industrial_base_is_a_place_when_a_place_opens_its_name():
    found = _places("项目落户宁德新能源产业基地。", "企业入驻国家生物医药产业基地。", "青柳科技光电产业基地投产。")
    assert "宁德新能源产业基地" in found
    assert not any(name.endswith("产业基地") and not name.startswith("宁德") for name in found)


def test_functional_areas_starting_areas_and_branch_parks_are_places():
    found = _places("西安市生物医药产业功能区产值增长。", "郑州航空港起步区加快建设。", "泉州高新区设有石狮分园区。")
    assert {"西安市生物医药产业功能区", "郑州航空港起步区", "石狮分园区"} <= set(found)


def test_a_county_s_industrial_concentration_zone_is_a_place_named_with_its_county():
    found = _places("始建于2005年的隆回县工业集中区是省级园区。", "项目落户皖江江北新兴产业集中区。")
    assert {"隆回县工业集中区", "皖江江北新兴产业集中区", "隆回县"} <= set(found)


def test_a_biomedicine_park_is_named_by_its_place_and_its_industry_alone_names_none():
    found = _places("多家企业落户石家庄市国际生物医药园。", "推动生物医药园区建设。", "推动生物医药园建设。")
    assert "石家庄市国际生物医药园" in found
    assert not any(name.startswith("生物医药") for name in found)


def test_a_park_a_brand_opens_in_a_city_carries_the_city_and_the_dot():
    found = _places("项目落户宝鸡·中关村科技园。")
    assert "宝鸡·中关村科技园" in found and "中关村科技园" not in found


def test_former_before_a_park_s_place_is_no_part_of_its_name():
    found = _places("整合原扬州化工园等载体组建新区。")
    assert "扬州化工园" in found and "原扬州化工园" not in found


def test_the_geographic_regions_of_china_are_regions():
    found = _places("产品销往华北、东北等地区。", "该市是西南地区的交通枢纽。", "项目填补华中地区空白。")
    assert {"华北地区", "东北地区", "西南地区", "华中地区"} <= set(found)
    assert all(m.subtype == "Region" for m in found.values())
    assert "等地区" not in _places("公司销往江苏、浙江等地区。")


def test_a_firm_called_by_a_region_word_is_no_region():
    found = _places("华北制药发布年报。")
    assert "华北地区" not in found


def test_a_district_government_and_its_partner_firm_are_two_names():
    found = _found("肥西县政府与青柳科技有限公司签订合作协议。")
    assert "肥西县" in found and "青柳科技有限公司" in found


def test_a_government_or_committee_and_its_partner_joined_by_tong_are_two_names():
    found = _found("去年，江宁区政府同青柳集团旗下公司签约。", "县管委会同蓝鲸集团签约。")
    assert {"江宁区", "青柳集团", "蓝鲸集团"} <= set(found)
    assert not any("同" in name for name in found)
    assert "同方集团" in _found("同方集团在江宁区落户。")


def test_hong_kong_and_macao_are_places_beside_mainland_cities():
    found = _places("三座机场（广州、香港、澳门）相距不远。")
    assert {"广州市", "香港特别行政区", "澳门特别行政区"} <= set(found)
    assert "香港科技大学" not in _places("香港科技大学在广州设校区。")


def test_kinds_of_park_and_the_directly_run_part_of_a_zone_are_no_names():
    found = _places("打造科技创新园。", "建设市级专业产业园区。", "江北新区直管区企业增多。")
    assert set(found) == {"南京江北新区"}


def test_a_park_for_partner_countries_firms_is_a_kind_of_park():
    found = _places("清源经开区正在建设弋江产业园、江心产业园等一批国别产业园。")
    assert {"弋江产业园", "江心产业园"} <= set(found)
    assert "国别产业园" not in found


def test_a_bare_member_beside_its_city_s_districts_is_a_district():
    found = _places("杏花岭区、迎泽、万柏林区组成一个组团。", "引进华为、小米等企业。")
    assert found["迎泽区"].written == "迎泽" and found["迎泽区"].subtype == "District"
    assert {"杏花岭区", "万柏林区"} <= set(found)


def test_a_bare_member_that_is_no_division_of_that_city_stays_unread():
    found = _places("蜀山区、南山、庐阳区联动。")  # 南山区 is Shenzhen's, not Hefei's
    assert "南山区" not in found


def test_the_part_of_the_city_a_park_lies_in_is_no_part_of_its_name():
    found = _places("推动南部青河产业园区和北部青山产业园区联动。", "北部湾临海工业园区发展快。")
    assert {"青河产业园区", "青山产业园区", "北部湾临海工业园区"} <= set(found)


def test_a_verb_a_measure_or_a_pointer_glued_before_a_park_is_no_part_of_its_name():
    found = _places(
        "多家龙头企业正托举青柳高新区走向世界。",
        "受益于青柳高新区出台的人才政策，企业纷纷入驻。",
        "从航拍画面远眺青柳光电科技园。",
        "这片12平方公里科学城吸引了人才。",
        "沿着这条大走廊，实验室比邻而立。",
    )
    assert found["青柳高新技术产业开发区"].written == "青柳高新区"
    assert "青柳光电科技园" in found
    assert not any(name.startswith(("托举", "受益", "远眺", "平方", "这条")) for name in found)


def test_a_stem_that_is_one_word_of_the_sentence_leaves_the_bare_zone_word():
    found = _places(
        "这些成绩只是开发区多年积累的结果。",
        "会议制定高新区三年行动计划。",
        "目前全县正以工业园区为依托。",
        "从当初的荒地变成千亿开发区。",
    )
    assert not any(name.startswith(("只是", "制定", "正以", "千亿")) for name in found)
    assert "青柳高新区" in {m.written for m in _places("会议在青柳高新区召开。").values()}


def test_an_adverb_of_manner_before_a_zone_is_cut_even_after_a_known_place():
    found = _places("规划提出青州明确高新区的发展方向。")
    assert not any("明确" in name for name in found)


def test_a_place_written_after_a_zone_s_committee_opens_after_it():
    found = _places("记者从青柳高新区管委会东山分园区了解到，园区企业增多。")
    assert "东山分园区" in {m.written for m in found.values()}
    assert not any("管委会" in m.written for m in found.values())


def test_a_verb_inside_a_park_s_name_after_its_place_stays():
    found = _places("芜湖检测认证产业园开园。", "知识城科教创新城开工。")
    assert "芜湖检测认证产业园" in found
    assert "知识城科教创新城" in found


def test_a_science_and_technology_park_named_科创园_is_a_place():
    found = _places("青柳新材料科创园引进了三家企业。")
    assert "青柳新材料科创园" in found


def test_bare_districts_listed_before_等地_are_the_city_s_districts():
    found = _places("杭州的数字产业正向余杭、萧山和富阳等地延伸。")
    assert {"余杭区", "萧山区", "富阳区"} <= set(found)
    assert found["余杭区"].written == "余杭"


def test_a_bare_zone_word_before_a_park_is_not_part_of_its_name():
    found = _places("记者来到高新区青禾智能装备产业园项目现场。")
    assert "青禾智能装备产业园" in found
    assert "高新区青禾智能装备产业园" not in found


def test_regions_of_several_cities_are_regions():
    found = _places("长株潭地区新能源产业加快发展。", "成渝地区与环渤海的企业交流频繁。")
    assert found["长株潭"].subtype == "Region"
    assert found["成渝地区"].subtype == "Region"
    assert found["环渤海"].subtype == "Region"


def test_a_park_of_a_new_area_keeps_the_area_in_its_name_and_the_area_is_a_mention():
    found = _places("走进贵安新区翠湖精细化工园区，厂房林立。")
    assert "贵州贵安新区" in found
    assert "贵州贵安新区翠湖精细化工园区" in found
    assert "翠湖精细化工园区" not in found


def test_a_quoted_nickname_a_place_is_given_or_is_to_become_is_no_place():
    found = _places(
        "青柳高新区被誉为“北方榛谷”，集聚企业百余家。",
        "该区素有“江南果谷”之称。",
        "昔为荒滩，今为“湖畔走廊”。",
        "力争把园区建设成“绿色宜居宝地、数字创意新城”。",
        "岚山镇正着力打造“东方硅谷”。",
    )
    assert not {"北方榛谷", "江南果谷", "湖畔走廊", "数字创意新城", "东方硅谷"} & set(found)


def test_a_quoted_valley_firms_settle_in_or_a_zone_builds_stays_a_place():
    found = _places(
        "三家企业入驻“北方榛谷”。",
        "园区成为“江南果谷”入驻企业的首选。",
        "青柳区打造“湖滨环境谷”，聚焦节能环保。",
        "青柳集团建成的“东方榛谷”正在崛起。",
        "该园区后改称为“西山果谷”。",
    )
    assert {"北方榛谷", "江南果谷", "湖滨环境谷", "东方榛谷", "西山果谷"} <= set(found)


def test_a_park_named_in_a_title_a_zone_wins_is_no_place():
    found = _places(
        "青禾高新区先后获评全国光纤通信优秀产业园区、省级特色园区。",
        "会上，东溪产业园区获授予“江南省特色产业园（储能电池）”牌匾。",
        "园区已成为省级绿色园区、数字化工业园区。",
    )
    assert not any("优秀" in name or "特色产业园" in name or name == "数字化工业园区" for name in found)
    assert "东溪产业园区" in found


def test_a_counted_park_is_a_kind_of_park():
    found = _places("新区正在建设一批声学未来产业科技园。", "集团已建成三大一体化硅材料工业园。")
    assert not any(name.endswith(("科技园", "工业园")) for name in found)


def test_a_park_a_clause_describes_is_a_kind_unless_a_figure_sizes_a_project():
    found = _places(
        "该园区是市政府为统筹医疗器械产业而设立的高科技产业园区。",
        "落地项目包括投资12亿元的碳化硅新材料产业园。",
        "青禾高新区的声学产业园开园。",
    )
    assert "高科技产业园区" not in found
    assert "碳化硅新材料产业园" in found


def test_a_park_after_its_own_zone_and_de_is_kept():
    found = _places("青禾高新区内的声学产业园开园。", "青禾高新区的光纤产业园开园。")
    assert {"声学产业园", "光纤产业园"} <= set(found)


def test_an_industry_park_lends_its_industry_no_park_short_name():
    found = find_mentions(
        make_document("高端装备、智慧安防、电子信息等产业取得突破。", "智慧安防产业园、青柳科技园等项目加快推进。")
    ).mentions
    first = [m for m in found if m.sentence == 0]
    assert not any(m.canonical == "智慧安防产业园" for m in first)


def test_demonstration_campus_medicine_and_logistics_parks_named_by_place_or_owner_are_places():
    found = _places(
        "这就是青柳循环经济示范园。",
        "青柳湖科教园内，实验室正在建设。",
        "依托青柳生物医药园区，引进药企。",
        "青柳湖现代物流园开园。",
    )
    assert {"青柳循环经济示范园", "青柳湖科教园", "青柳生物医药园区", "青柳湖现代物流园"} <= set(found)


def test_a_bonded_zone_written_short_is_named_in_full():
    # 综保区 is the short form of 综合保税区, as 高新区 is of 高新技术产业开发区.
    found = _places("芜湖综保区进出口总额增长。")
    assert found["芜湖综合保税区"].subtype == "DevelopmentZone"


def test_industrial_and_investment_zones_processing_parks_and_aerospace_cities_are_places():
    assert _places("泉州台商投资区位于泉州湾北岸。")["泉州台商投资区"].subtype == "DevelopmentZone"
    assert "北海市铁山港工业区" in _places("北海市铁山港工业区成为千亿元产业园区。")
    assert "海城开发区菱镁新材料加工园" in _places("海城开发区菱镁新材料加工园占地30平方公里。")
    assert "文昌国际航天城" in _places("2020年6月，文昌国际航天城正式挂牌。")
    # an industrial zone or investment zone no place qualifies is a kind, not a name
    assert not _places("推进老工业区搬迁改造，优化投资区布局。")


def test_zones_of_a_rank_or_of_the_economic_kind_name_no_zone():
    assert not _places("全省有13个省级以上开发区，其中8家为经济开发区。")
    assert not _places("该区获评省级经济开发区。")
    assert "济南槐荫经济开发区" in _places("济南槐荫经济开发区获评国家级绿色工业园区。")


def test_a_zone_written_after_its_city_and_a_division_inside_it_is_named_after_the_division():
    # A city written with 市, then a county or district of that city (in full or by its short
    # form): the zone is the division's, and the city is a place of its own.
    found = _places(
        "吐鲁番市鄯善工业园区引进硅基项目。", "在六盘水市水城经开区的工厂里。", "南宁市邕宁区新兴产业园开工。"
    )
    assert {"吐鲁番市", "鄯善工业园区", "六盘水市", "邕宁区新兴产业园"} <= set(found)
    assert not any(name.startswith(("吐鲁番市鄯善", "六盘水市水城", "南宁市邕宁")) for name in found)


def test_a_zone_written_after_a_city_it_does_not_lie_in_keeps_the_city_in_its_name():
    # 芜湖 is no division of 亳州: "亳州市芜湖现代产业园区" is one park's name.
    assert "亳州市芜湖现代产业园区" in _places("亳州市芜湖现代产业园区开工建设。")


def test_a_park_built_with_a_partner_is_one_place_and_holds_no_industry_named_to_its_partner():
    found = _found("青柳新能源国际产业合作园开工建设。", "中韩产业合作园区设在盐城。")
    assert {"青柳新能源国际产业合作园", "中韩产业合作园区"} <= {n for n, m in found.items() if m.type == "Place"}
    assert not any(m.type == "IndustryChain" and name.endswith("国际") for name, m in found.items())


def test_parks_built_with_partners_counted_or_unnamed_are_a_kind_of_park():
    assert _places("省里将建设一批国际产业合作园。", "全省已有三家产业合作园区。") == {}
