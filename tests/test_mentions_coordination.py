"""General rules of mention finding, shown on invented sentences (no seed text)."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.mentions.find import find_mentions
from loaders.mentions.lists import KnownSpan, list_members


def _by_text(*sentences: str) -> dict[str, Mention]:
    return {m.text: m for m in find_mentions(make_document(*sentences)).mentions}


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
