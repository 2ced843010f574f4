"""General rules of mention finding, shown on invented sentences (no seed text)."""

import pytest
from test_mentions_helpers import make_document
from test_mentions_helpers import mentions_by_text as _by_text

from loaders.mentions.coordination import group_units
from loaders.mentions.find import find_mentions
from loaders.mentions.list_spans import KnownSpan
from loaders.mentions.lists import list_members


def test_members_before_a_company_head_are_enterprises():
    found = _by_text("青柳数智、蓝鲸星图等龙头企业落地运营。")
    assert found["青柳数智"].type == "Enterprise"
    assert found["蓝鲸星图"].type == "Enterprise"
    assert found["青柳数智"].source == "coordination-list"


def test_members_before_a_counted_chain_head_are_chains():
    found = _by_text("新增樱桃、螃蟹等8个产业链。")
    assert found["樱桃"].type == "IndustryChain"
    assert found["螃蟹"].type == "IndustryChain"


def test_unknown_member_takes_the_class_of_known_members():
    # 阳光电源 and 科大讯飞 are known enterprises; the invented name beside them is one too.
    found = _by_text("新增青禾日辉、阳光电源、科大讯飞等国家级示范单位。")
    assert found["青禾日辉"].type == "Enterprise"


def test_field_lists_with_few_known_members_are_not_typed():
    found = _by_text("在信息、能源、海洋、新材料等重点领域开展合作。")
    assert "信息" not in found and "海洋" not in found
    assert found["新材料"].type == "IndustryChain"


def test_a_company_head_after_known_fields_does_not_type_fields():
    found = _by_text("集聚人工智能、星云仿真等核心企业。")
    assert "星云仿真" not in found


def test_list_members_reports_offsets_of_unknown_members_only():
    text = "支持甲乙科技、丙丁智能等企业发展。"
    members = list_members(text, [KnownSpan(2, 6, "Enterprise")])
    assert [(text[m.start : m.end], m.type) for m in members] == [("丙丁智能", "Enterprise")]


def test_named_parks_towns_and_valleys_are_places():
    found = _by_text("建设青柳新材料产业园、翠湖科创小镇和“中国云杉谷”。")
    assert found["青柳新材料产业园"].type == "Place"
    assert found["翠湖科创小镇"].type == "Place"
    assert found["中国云杉谷"].type == "Place"


def test_policy_zone_needs_a_known_place_and_starts_there():
    found = _by_text("加快建设合肥青柳数字经济创新发展试验区，争创国家自主创新示范区。")
    assert found["合肥青柳数字经济创新发展试验区"].type == "Place"
    assert not any(t.endswith("自主创新示范区") for t in found)


def test_research_centres_and_joint_centres_are_platforms():
    found = _by_text("共建中芬极光联合研究中心和青柳海洋创新中心。")
    assert found["中芬极光联合研究中心"].type == "InnovationPlatform"
    assert found["青柳海洋创新中心"].type == "InnovationPlatform"


def test_generic_centres_are_not_platforms():
    found = _by_text("建设一批临床医学研究中心。")
    assert not any(m.type == "InnovationPlatform" for m in found.values())


def test_a_leading_preposition_is_not_part_of_a_long_name():
    found = _by_text("以青柳湖科技成果转化产业园为载体。")
    assert "青柳湖科技成果转化产业园" in found


def test_a_chain_stem_ending_in_deng_is_split_into_members():
    found = _by_text("重点发展樱桃加工、蓝莓种植等产业。")
    assert found["樱桃加工"].canonical == "樱桃加工"
    assert not any(t.endswith("等") for t in found)


def test_hefei_districts_are_known_by_short_name_in_lists():
    found = _by_text("庐阳、包河获批示范。")
    assert found["庐阳"].canonical == "庐阳区"
    assert found["包河"].canonical == "包河区"


def test_firms_of_renown_head_their_list_after_the_verb_that_brought_them():
    found = _by_text("该区先后引来青柳数智、蓝鲸星图等海内外知名企业。")
    assert found["青柳数智"].type == "Enterprise"
    assert found["蓝鲸星图"].type == "Enterprise"
    assert "先后引来青柳数智" not in found


def test_firms_that_lead_a_chain_are_enterprises():
    found = _by_text("形成了以青柳科技、白杨电子等为龙头的晶圆制造业。")
    assert found["青柳科技"].type == "Enterprise"
    assert found["白杨电子"].type == "Enterprise"


def test_an_approximate_count_before_the_head_still_heads_the_list():
    found = _by_text(
        "园区聚集了青柳微电子、蓝鲸封装等近10家封测企业。", "区内已有翠湖芯源、白桦半导体等30余家芯片重点企业。"
    )
    for name in ("青柳微电子", "蓝鲸封装", "翠湖芯源", "白桦半导体"):
        assert found[name].type == "Enterprise"


def test_firms_standing_for_a_kind_described_at_length_are_enterprises():
    found = _by_text("在核心部件上，集聚了青柳车身、蓝鲸感知、翠湖动力等为代表的座舱、感知、动力企业。")
    for name in ("青柳车身", "蓝鲸感知", "翠湖动力"):
        assert found[name].type == "Enterprise"


def test_a_list_before_a_firms_role_needs_no_deng():
    found = _by_text(
        "全市以青和磁材、蓝鲸强磁为龙头企业，形成永磁材料产业链。",
        "已形成以白桦、翠湖、青石车轮为骨干的零部件工业体系。",
    )
    for name in ("青和磁材", "蓝鲸强磁", "白桦", "翠湖", "青石车轮"):
        assert found[name].type == "Enterprise"


def test_firms_standing_for_an_industry_are_enterprises_when_one_is_known():
    # 金风科技 is a known enterprise: its list stands for the industry by its firms.
    found = _by_text("开发区形成了金风科技、青柳重工、蓝鲸智能为代表的高端装备产业集群。")
    assert found["青柳重工"].type == "Enterprise"
    assert found["蓝鲸智能"].type == "Enterprise"


def test_industries_standing_for_a_kind_stay_industries():
    found = _by_text("形成以新能源汽车、光伏为代表的新兴产业。")
    assert found["光伏"].type == "IndustryChain"


def test_a_role_noun_before_the_first_member_heads_a_headless_list():
    found = _by_text("封测方面有国内领先的封测厂商青柳微电、蓝鲸科技、翠湖封装等；在设计领域有所突破。")
    for name in ("青柳微电", "蓝鲸科技", "翠湖封装"):
        assert found[name].type == "Enterprise"
    assert "封测厂商青柳微电" not in found


def test_a_verb_of_having_may_stand_between_the_role_noun_and_the_list():
    found = _by_text("当地龙头企业有青枫、白鹭、远帆等。", "骨干企业包括青禾、远帆等。")
    for name in ("青枫", "白鹭", "远帆", "青禾"):
        assert found[name].type == "Enterprise"
    assert "有青枫" not in found


def test_what_leading_firms_do_is_no_list_of_firms():
    found = _by_text("推动龙头企业加快转型、做大做强、发展等。", "支持企业研发、生产等。")
    assert not any(m.type == "Enterprise" for m in found.values())


def test_a_verb_leading_a_delegation_is_no_part_of_the_first_firm():
    found = _by_text("商会组织青柳光电、蓝鲸科技、翠湖股份等30余家企业代表参观。")
    assert found["青柳光电"].type == "Enterprise"
    assert "组织青柳光电" not in found


def test_a_country_before_a_foreign_member_does_not_end_the_list():
    found = _by_text("园区集聚了德国青枫、瑞士白鹭、翠湖种业集团等企业。")
    assert found["青枫"].type == "Enterprise"
    assert found["白鹭"].type == "Enterprise"


def test_a_firms_role_before_a_suffixed_name_is_no_part_of_it():
    found = _by_text("园区内有饲料检测行业龙头企业青大集团。")
    assert found["青大集团"].type == "Enterprise"
    assert not any("龙头企业" in name for name in found)


def test_firms_of_a_known_industry_are_enterprises_but_fields_are_not():
    found = _by_text("新区已集聚青柳药业、白鹭思科等生命健康领域企业700余家。")
    assert found["青柳药业"].type == "Enterprise"
    assert found["白鹭思科"].type == "Enterprise"
    fields = _by_text("支持青柳、白鹭等重点领域企业发展。")
    assert "青柳" not in fields


def test_leading_firms_without_a_head_noun_after_them_are_enterprises():
    found = _by_text("翠湖种业集团、蓝鲸农科等多家领军，共同撑起农业园。")
    assert found["蓝鲸农科"].type == "Enterprise"


def test_a_firm_named_with_a_city_at_its_end_keeps_the_city():
    found = _by_text("高新区将依托星虹无锡、青润微电子等行业龙头企业发展设计业。")
    assert found["星虹无锡"].type == "Enterprise"
    assert "无锡" not in found


def test_a_firms_other_name_in_brackets_does_not_end_the_list():
    found = _by_text("以东北青合金、白鹭海鹰（青钛）等骨干企业为核心，形成产业集群。")
    for name in ("东北青合金", "白鹭海鹰", "青钛"):
        assert found[name].type == "Enterprise"


def test_firms_standing_for_a_kind_named_with_zhong_are_enterprises():
    found = _by_text("以青奇化工、白泽制药等为代表的原料药企业群。")
    assert found["青奇化工"].type == "Enterprise"


def test_a_place_or_a_short_name_note_in_brackets_is_no_other_member():
    found = _by_text("这里现拥有星积电（南京）、华青科技等晶圆制造和封测厂商。")
    assert "南京" not in found or found["南京"].type == "Place"
    notes = _by_text("南京白鹭基因生物技术股份有限公司（以下简称白鹭基因）等企业1000余家。")
    assert not any(name.startswith("以下简称") for name in notes)


def test_a_firm_written_right_after_its_described_role_is_an_enterprise():
    found = _by_text(
        "在制造领域有国内最大的射频芯片供应商青安集成、国内领先的外延代工厂商瀚星天成，"
        "国内功率器件龙头企业士青、白鹭微等。"
    )
    for name in ("青安集成", "瀚星天成", "士青", "白鹭微"):
        assert found[name].type == "Enterprise"


def test_words_after_a_firms_role_that_read_as_a_phrase_are_no_firms():
    found = _by_text(
        "合肥龙头企业较少、产业链条短。推动龙头企业做大做强、提质增效。在传感器龙头企业青威科技身后，集聚了大量企业。"
    )
    assert not any(m.type == "Enterprise" for m in found.values())


def test_a_role_noun_inside_a_member_of_a_firm_list_is_cut_off():
    found = _by_text("园区还有全球领先的解决方案提供商天星储能、世界最大的光伏胶膜生产企业福青特等龙头企业。")
    assert found["福青特"].type == "Enterprise"
    assert found["天星储能"].type == "Enterprise"
    assert not any("生产企业" in name for name in found)


def test_firms_announced_after_a_dash_are_enterprises():
    found = _by_text("全市三家龙头企业——星海科技、云岭电子和青石股份，营收均超百亿。")
    for name in ("星海科技", "云岭电子", "青石股份"):
        assert found[name].type == "Enterprise"


def test_suppliers_named_like_firms_are_enterprises_not_segments():
    found = _by_text("园区集聚了龙头企业，以及青柳物联网、蓝鲸航天科技等配套企业。")
    assert found["蓝鲸航天科技"].type == "Enterprise"
    assert found["青柳物联网"].type == "Enterprise"
    parts = _by_text("引进电池、电机、电控等配套企业。")
    assert parts["电机"].type == "IndustryChain"


def test_phrases_after_a_ranking_of_firms_are_no_firms():
    found = _by_text("合肥龙头企业较少、产业下游配套不足、专业人才匮乏等问题不容忽视。")
    assert not any(m.type == "Enterprise" for m in found.values())


def test_the_measure_after_dashed_firms_is_no_part_of_the_last_one():
    found = _by_text("当年，两大核心企业——中车青机和中车白所产值均突破300亿元。")
    assert found["中车白所"].type == "Enterprise"
    assert "中车白所产值" not in found


def test_firms_standing_for_a_kind_described_by_clauses_are_enterprises():
    found = _by_text("培育了以青柳智联、蓝鲸量子、翠湖电子等为代表的具有自主知识产权、国内领先的高科技企业。")
    for name in ("青柳智联", "蓝鲸量子", "翠湖电子"):
        assert found[name].type == "Enterprise"


def test_two_categories_back_to_back_stand_in_the_list():
    text = "该区光电子、新材料新能源等产业发展较快。"
    found = find_mentions(make_document(text)).mentions
    chains = [(m, m.clean_start, m.clean_end) for m in found if m.type == "IndustryChain"]
    assert [m.canonical for m, _, _ in chains][-2:] == ["新材料", "新能源"]
    units = group_units(text, chains)
    assert len(units) == 1 and len(units[0].members) == len(chains)


def test_a_chain_and_its_segment_back_to_back_are_no_list():
    text = "该区发展新能源汽车整车。"
    world = find_mentions(make_document(text)).mentions
    chains = [(m, m.clean_start, m.clean_end) for m in world if m.type == "IndustryChain"]
    assert all(len(u.members) == 1 for u in group_units(text, chains))


def _org_units(text: str) -> list[list[str]]:
    found = find_mentions(make_document(text)).mentions
    orgs = [(m, m.clean_start, m.clean_end) for m in found if m.type not in ("Place", "IndustryChain")]
    return [[m.canonical for m in unit.members] for unit in group_units(text, orgs)]


def test_yu_before_a_list_of_partners_splits_two_lists_of_organisations():
    # "A、B与C、D": 与 does not close the first enumeration, since 、 goes on after C.
    text = "推动东江实验室、西岭实验室与华光电子、通达科技等重点企业共建联合研发中心。"
    assert _org_units(text) == [["东江实验室", "西岭实验室"], ["华光电子", "通达科技"]]
    closed = "东江实验室、西岭实验室与南湖实验室共同发布成果。"
    assert _org_units(closed) == [["东江实验室", "西岭实验室", "南湖实验室"]]


def test_a_firm_list_after_yu_leaves_out_the_partner_before_it():
    found = _by_text("该企业深圳总部与阳光电源、科大讯飞等知名厂商达成合作。")
    assert "企业深圳总部" not in found
    assert found["阳光电源"].type == "Enterprise"


def test_zhong_right_after_yu_opens_the_first_member_of_a_firm_list():
    # the segmenter reads 中|轴承 ("in" and a word): after 与, 中 is the firm's own
    found = _by_text("推动东江实验室与中轴承、通达科技等重点企业共建研发中心。")
    assert "中轴承" in found and "轴承" not in found


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # the segmenter reads 中|电… ("in"): after the verb whose object the list is, 中 opens the firm
        ("西岭科学城拥有中电岚康、禾川网络等大型头部企业。", "中电岚康"),
        ("开发区围绕中节澜润、显岳科技等核心企业延链补链。", "中节澜润"),
    ],
)
def test_zhong_right_after_a_verb_opens_the_first_member_of_a_firm_list(text: str, first: str) -> None:
    found = _by_text(text)
    assert found[first].type == "Enterprise" and first[1:] not in found


def test_zhong_of_qizhong_and_of_an_industry_list_stays_apart():
    # 其中 is one word, and a list of industries keeps its verb's 中 out
    found = _by_text("其中岚华、岳达等企业增长较快。")
    assert "中岚华" not in found and "岚华" in found
    industries = _by_text("园区集中力量发展高端装备、精密机械等产业。")
    assert "中力量发展高端装备" not in industries
