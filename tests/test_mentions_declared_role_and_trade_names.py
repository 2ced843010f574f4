"""Name rules that generalise beyond the seeds, each on invented sentences:
declared short names without quotes, role nouns and captions before a company, trade
names the segmenter cuts, industries not named after places, industry words that only
qualify a noun, segment lists after 上游/中游/下游 and before 等环节/等核心零部件, and
well-known names from the gazetteer."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.mentions.find import find_mentions


def _mentions(*sentences: str) -> list[Mention]:
    return find_mentions(make_document(*sentences)).mentions


def _by_canonical(*sentences: str) -> dict[str, Mention]:
    return {m.canonical: m for m in _mentions(*sentences)}


def test_a_declared_short_name_without_quotes_is_no_name_of_its_own():
    found = _mentions("青柳云杉新区（以下简称新区）位于江苏省。", "新区重点发展集成电路。")
    names = {m.canonical for m in found}
    assert not any("简称" in n for n in names)
    later = [m for m in found if m.text == "新区" and m.sentence == 1]
    assert later and later[0].canonical == "青柳云杉新区"


def test_a_role_noun_before_a_company_is_not_part_of_its_name():
    found = _by_canonical(
        "支持量子科技企业合肥云杉科技有限公司发展。",
        "龙头企业安徽青苔集团有限责任公司研发投入增长。",
        "图为合肥柳岸光电技术有限公司生产车间。",
    )
    for name in ("合肥云杉科技有限公司", "安徽青苔集团有限责任公司", "合肥柳岸光电技术有限公司"):
        assert found[name].type == "Enterprise"
    assert not any(n.startswith(("量子科技企业", "龙头", "图为")) for n in found)


def test_a_company_whose_role_word_is_part_of_its_legal_name_keeps_it():
    found = _by_canonical("成立合肥云杉企业管理有限公司。")
    assert "合肥云杉企业管理有限公司" in found


def test_a_trade_name_the_segmenter_cuts_stays_in_the_company_name():
    found = _by_canonical("培育安徽澜至人形机器人科技有限公司等企业。")
    assert found["安徽澜至人形机器人科技有限公司"].type == "Enterprise"
    assert "安徽省" not in found  # the province inside the name is no mention of its own


def test_a_place_word_after_a_function_word_does_not_open_a_company_name():
    found = _by_canonical("支持在合肥设立青柳科技有限公司。")
    assert "青柳科技有限公司" in found
    assert not any(n.startswith("合肥") and n.endswith("公司") for n in found)


def test_a_place_before_a_clause_ending_in_de_does_not_open_a_company_name():
    found = _by_canonical("安徽省上报的青柳矿业资源集团有限公司入选。")
    assert "青柳矿业资源集团有限公司" in found
    assert not any("的" in n for n in found)


def test_industries_are_not_named_after_places_or_praise():
    found = _by_canonical(
        "青柳高新区光纤传感产业规模突破百亿元。",
        "着力打造世界级光纤传感产业集群。",
        "占湖北省同类产业的三成。",
    )
    chains = {n for n, m in found.items() if m.type == "IndustryChain"}
    assert chains == {"光纤传感"}


def test_an_industry_word_that_qualifies_a_noun_is_no_mention_of_the_industry():
    found = _by_canonical("突破集成电路关键技术，建设医疗器械检验检测中心。")
    assert not any(m.type == "IndustryChain" for m in found.values())
    found = _by_canonical("重点发展集成电路、医疗器械等产业。")
    assert {"集成电路", "医疗器械"} <= set(found)


def test_an_industry_word_before_a_product_a_platform_a_park_or_a_meeting_names_no_industry():
    found = _by_canonical(
        "青禾能源的储能电池项目开工。",
        "星川公司建成城市大数据平台。",
        "园内建有生物医药园和医疗器械园。",
        "第九届机器人大赛在此举办。",
        "当地引进五家科技服务机构。",
    )
    assert not any(m.type == "IndustryChain" for m in found.values())
    found = _by_canonical("该区重点发展新型储能、大数据、机器人等产业。")
    assert {"新型储能", "大数据", "机器人"} <= set(found)


def test_members_after_stage_words_are_chain_segments():
    found = _by_canonical("完善上游硅料、硅片，中游电池片和组件，下游电站运维的全链条布局。")
    for name in ("硅料", "硅片", "电池片", "组件", "电站运维"):
        assert found[name].type == "IndustryChain" and found[name].subtype == "ChainSegment", name


def test_stage_words_that_are_not_lists_type_nothing():
    found = _by_canonical("推动产业向下游延伸，上下游企业相继落户。")
    assert not any(m.subtype == "ChainSegment" for m in found.values())


def test_members_of_link_and_core_part_lists_are_segments():
    found = _by_canonical("推动谐波齿轮、伺服驱动器等核心零部件企业集聚，补齐航空复材、飞控系统等环节。")
    for name in ("谐波齿轮", "伺服驱动器", "航空复材", "飞控系统"):
        assert found[name].subtype == "ChainSegment", name


def test_well_known_aliases_come_from_the_gazetteer():
    found = _mentions("中国光谷集聚了小米、荣耀等终端品牌。", "这里被誉为光谷。")
    canonical = {m.text: m.canonical for m in found}
    assert canonical["中国光谷"] == canonical["光谷"] == "武汉东湖新技术开发区"
    assert canonical["小米"] == "小米集团" and canonical["荣耀"] == "荣耀终端有限公司"


def test_an_ambiguous_company_short_name_alone_is_no_company():
    found = _by_canonical("小米和玉米种植面积稳定。")
    assert "小米集团" not in found


def test_a_subsidiary_name_opening_with_a_known_company_is_one_name():
    found = _by_canonical("支持台积电（合肥）有限公司扩产，推动中国石化青柳石油化工有限公司延伸。")
    assert found["台积电（合肥）有限公司"].type == "Enterprise"
    assert found["中国石化青柳石油化工有限公司"].type == "Enterprise"
    assert "台积电" not in found and "中国石化" not in found


def test_a_known_short_name_before_a_company_suffix_extends_to_the_legal_name():
    found = _by_canonical("奇瑞控股集团有限公司全年销售汽车。")
    assert found["奇瑞控股集团有限公司"].type == "Enterprise"
    assert "奇瑞汽车" not in found


def test_parks_and_platforms_without_a_classic_suffix():
    found = _by_canonical(
        "建设青柳生物城、青柳软件园、青柳产业技术研创园和皖西智能装备产业协作区。",
        "青柳大学与云杉科技有限公司共建光电材料联合研发中心，建设青柳集成电路产业服务中心和青柳生物医药公共服务平台。",
        "在青柳创业咖啡等孵化载体里。",
    )
    for name in ("青柳生物城", "青柳软件园", "青柳产业技术研创园", "皖西智能装备产业协作区"):
        assert found[name].type == "Place", name
    for name in ("光电材料联合研发中心", "青柳集成电路产业服务中心", "青柳生物医药公共服务平台"):
        assert found[name].type == "InnovationPlatform", name
    assert found["青柳创业咖啡"].subtype == "Incubator"


def test_a_lead_clause_about_an_industry_is_not_its_name():
    found = _by_canonical("光纤传感产业特色鲜明。青柳谷集聚企业百余家。")
    assert not any("鲜明" in n for n in found)


def test_a_short_name_after_a_role_among_a_places_firms_or_with_a_trade_head_is_a_firm():
    found = _by_canonical("入驻企业星澜科技负责人介绍了新产线。", "翠湖建材投资建设新厂房。")
    assert found["星澜科技"].type == "Enterprise"
    assert found["翠湖建材"].type == "Enterprise"


def test_a_verb_of_signing_registering_or_attending_is_no_part_of_the_name_after_it():
    found = _by_canonical(
        "双方签署青柳数实融合创新中心合作协议。",
        "在园区注册安徽澜至储能材料科技有限公司。",
        "校长应邀出席青柳大学科技园揭牌仪式。",
    )
    assert {"青柳数实融合创新中心", "安徽澜至储能材料科技有限公司"} <= set(found)
    assert not any(n.startswith(("签署", "注册", "出席", "应邀")) for n in found)


def test_a_joint_innovation_lab_centre_or_institute_keeps_its_field_before_联合():
    found = _by_canonical(
        "共同打造青柳智能应用联合创新实验室。",
        "双方共建青柳湖智能制造联合创新中心。",
        "共建青柳智慧文旅联合创新研究院。",
    )
    assert found["青柳智能应用联合创新实验室"].type == "Laboratory"
    assert found["青柳湖智能制造联合创新中心"].type == "InnovationPlatform"
    assert found["青柳智慧文旅联合创新研究院"].type == "ResearchInstitute"


def test_a_country_stays_in_a_name_that_needs_it_and_is_cut_from_one_that_does_not():
    found = _by_canonical("引来了新加坡国立大学等高校。", "与美国斯坦福大学合作。")
    assert found["新加坡国立大学"].type == "University"
    assert "斯坦福大学" in found
