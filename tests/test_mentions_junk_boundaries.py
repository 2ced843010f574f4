"""Where names start on news pages, on invented sentences: a zone starts at the place it is
built on, time words and news verbs stay out of names, and the words before 产业 must name
an industry (not a verb phrase, a rank, a place or a word about chains)."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders.mentions.find import find_mentions


def _found(*sentences: str) -> list[Mention]:
    return find_mentions(make_document(*sentences)).mentions


def _places(*sentences: str) -> set[str]:
    return {m.text for m in _found(*sentences) if m.type == "Place"}


def _chains(*sentences: str) -> set[str]:
    return {m.canonical for m in _found(*sentences) if m.type == "IndustryChain"}


def test_a_zone_starts_at_the_place_it_is_built_on():
    places = _places(
        "采访团一行前往洛阳高新区参观。",
        "说到创新，自然绕不开株洲高新区的积累。",
        "今年以来襄阳经开区签约项目二十个。",
    )
    assert {"洛阳高新区", "株洲高新区", "襄阳经开区"} <= places
    assert not any(p.startswith(("前往", "自然", "今年")) for p in places)


def test_time_words_and_captions_stay_out_of_names():
    places = _places("近年来高新区的企业越来越多。", "资料图片株洲高新区一角。")
    assert not any(p.startswith(("近年来", "资料图片")) for p in places)
    assert "株洲高新区" in places


def test_words_after_a_place_that_name_no_district():
    places = _places("走进芜湖的园区，处处是新厂房。", "这里是蜀山区的核心区。", "客商多来自京津冀、珠三角这些地区。")
    assert not places & {"的园区", "的核心区", "这些地区"}


def test_a_park_in_a_zone_is_named_with_the_zone():
    assert "合肥经开区智能装备产业园" in _places("合肥经开区智能装备产业园开工。")


def test_verb_phrases_and_function_words_before_the_industry_suffix_are_no_chains():
    chains = _chains(
        "该市牢固树立产业强市的理念。",
        "做大海洋经济，首先就是强产业。",
        "以改革重塑产业链、提升价值链。",
        "用好政策撬动产业投资。",
        "各县立足区域产业基础谋划项目。",
        "同时配合高端产业布局引进人才。",
        "材料板块在当地产业链中占比最高。",
        "青岛市北崛起机器人产业集群。",
    )
    assert not chains & {"牢固树立", "就是强", "重塑", "撬动", "立足区域", "配合高端", "当地"}
    assert not any(c.endswith("崛起机器人") or c.startswith("北") for c in chains)


def test_category_words_and_ranks_before_the_suffix_are_no_chains():
    chains = _chains(
        "精细化工是这座城市的当家产业。",
        "全省着力培育十强产业。",
        "打造全要素产业链条。",
        "该区科创产业发展迅速。",
        "全市高新科技产业产值过千亿。",
    )
    assert not chains & {"当家", "十强", "全要素", "科创", "高新科技"}


def test_a_date_before_the_suffix_is_no_part_of_the_chain():
    chains = _chains("2023年1-6 月高新技术产业产值增长一成。")
    assert not any("月" in c for c in chains)


def test_a_zone_or_nation_before_the_industry_says_where_it_is():
    chains = _chains(
        "宁波滨海新区新产业增长迅猛。",
        "该县被列为国家钨产业转型试点，又聚焦中国茶饮产业。",
        "加快济南某某起步区产业导入。",
    )
    assert "茶饮" in chains
    assert not any(c.startswith(("滨海新区", "中国", "国家")) or c.endswith("区") for c in chains)


def test_facilities_and_words_about_chains_are_no_chains():
    chains = _chains(
        "建设某某经开区（杭州）飞地产业孵化基地。",
        "软件产业分为研发、测试两大产业链环节及云服务、数据等配套产业。",
        "布局了光伏、储能等产业聚集区以及数字创意、文旅等产业。",
    )
    assert not chains & {"飞地", "）飞地", "产业链环节", "产业聚集区"}


def test_a_stage_list_ends_at_a_range():
    chains = _chains("园区里从上游香精到下游灌装，配套一应俱全。")
    assert "香精到下游灌装" not in chains
    assert {"香精", "灌装"} <= chains


def test_a_range_of_products_names_its_link():
    assert "涤纶" in _chains("形成“原油—乙二醇—涤纶系列”纺织产业链。")


def test_one_thing_is_no_list():
    chains = _chains("力争一座园区就是一个孵化联盟、一幢楼就是一个新兴产业链。")
    assert "孵化联盟" not in chains


def test_a_firm_in_a_zone_is_named_without_the_zone():
    firms = {m.canonical for m in _found("洛阳高新区恒远光电科技有限公司投产。") if m.type == "Enterprise"}
    assert firms == {"恒远光电科技有限公司"}


def test_verbs_of_visiting_receiving_and_announcing_stay_out_of_names():
    found = {
        m.text
        for m in _found(
            "代表团赴青岚学院交流。",
            "管委会主任接待星海精工科技有限公司一行。",
            "省长宣布云岭科学城开工。",
            "他表示希望借鉴翠湖大学的经验。",
        )
    }
    assert {"青岚学院", "星海精工科技有限公司", "云岭科学城", "翠湖大学"} <= found
    assert not any(n.startswith(("赴", "接待", "宣布", "借鉴")) for n in found)


def test_verbs_of_lying_in_and_moving_into_a_place_stay_out_of_its_name():
    places = _places(
        "青岚实验室坐落于翠湖市星海新城。",
        "龙头企业星海电子集团进驻云岭工业园区。",
        "白杨县地处青岚走廊中部。",
    )
    assert not any(verb in p for p in places for verb in ("坐落", "进驻", "地处"))


def test_spans_of_time_distance_and_inviting_open_no_name():
    found = {
        m.text
        for m in _found(
            "这几年公司加大研发投入。",
            "距离青岚小镇客厅不远处是一排小楼。",
            "小镇邀请欧洲顶级战略咨询公司进行咨询。",
            "这是继国家级新区之后的又一块金字招牌。",
            "大学将科研成果输入到青岚小镇进行产业转化。",
        )
    }
    assert not any(n.startswith(("几年", "距离", "邀请", "继")) or n.endswith("进行") for n in found)


def test_the_only_zone_of_a_province_is_no_name():
    places = _places("这是该省唯一高新技术产业开发区。", "全市各级经济技术开发区都在招商。")
    assert not any("唯一" in p or "各级" in p for p in places)


def test_a_firm_glued_before_a_zone_stays_out_of_the_zone_name():
    places = _places("星海精工科技有限公司青岚高新技术产业开发区分厂投产。")
    assert not any("公司" in p for p in places)


def test_verbs_taking_industries_as_object_and_ordinals_name_no_industry():
    chains = _chains(
        "人才短缺制约产业升级。", "二是产业配套不足。", "论坛旨在探寻产业新路径。", "一场展会点燃产业热情。"
    )
    assert not chains & {"制约", "二是", "探寻", "点燃"}


def test_a_clause_about_industries_before_产业_names_no_industry():
    chains = _chains(
        "大会着力营造产业生态。",
        "新区紧扣产业定位推进建设。",
        "两市谋求两地产业合作。",
        "工作组驻厂协调解决产业配套短板。",
        "这些项目板块呈产业链式布局。",
        "该所致力于破解光子产业的共性难题。",
    )
    clause_words = ("营造", "紧扣", "谋求", "解决", "呈", "破解")
    assert not [chain for chain in chains if any(word in chain for word in clause_words)]


def test_no_name_opens_on_a_dash_or_an_arrow():
    found = _found(
        "支持中国—东盟跨境产业园建设，拓展中国—东盟产业合作。",
        "下面带来解读↓↓↓\n综合性国家科学中心要建设什么？",
    )
    assert not any(m.text[0] in "—↓" for m in found)


def test_praise_and_kinds_before_a_facility_or_platform_name_none():
    found = {
        m.canonical
        for m in _found(
            "青湖大学建成世界最密大科学装置集群。",
            "这里集聚了三代大科学装置。",
            "园区新建优质科创平台五个。",
            "青湖科学中心大科学装置群加快布局，同时建设青湖冰川研究大科学装置。",
        )
    }
    assert not found & {"世界最密大科学装置", "三代大科学装置", "优质科创平台", "青湖科学中心大科学装置"}
    assert "青湖冰川研究大科学装置" in found  # what it studies names one


def test_a_conjunction_or_function_words_glued_to_a_name_stay_out_of_it():
    found = _found(
        "某园签约仪式暨滨江产业新城招商推介会在县城举行。",
        "例如由江北新材料有限公司牵头建设的一个平台。",
        "刚到云谷经开区，就看到一排新厂房。",
    )
    names = {m.text for m in found}
    assert {"滨江产业新城", "江北新材料有限公司", "云谷经开区"} <= names
    assert not any(n.startswith(("暨", "由", "如由", "刚到")) for n in names)


def test_the_clause_that_closes_a_counted_list_is_no_member():
    chains = _chains(
        "该市构建以光伏玻璃、储能电池、精细化工为主的三大主导产业体系。",
        "以智能装备、数字医疗、软件信息为代表的三大高新产业强势崛起。",
    )
    assert {"精细化工", "软件信息"} <= chains
    assert not any(c.endswith("的") for c in chains)


def test_verbs_of_giving_and_a_split_off_directional_stay_out_of_names():
    found = _found("该县建立起东湖声学研发中心。", "省里持续给予国家重点实验室经费支持。")
    names = {m.text for m in found}
    assert not any(n.startswith(("起", "给予")) for n in names)


def test_an_observatory_is_a_research_institute():
    found = _found("依托中国科学院云岭射电天文台建设科普基地。")
    assert ("中国科学院云岭射电天文台", "ResearchInstitute") in {(m.text, m.type) for m in found}


def test_a_scope_verbs_result_word_opens_no_industry_of_its_list():
    chains = _chains("2021年，全市培育出绿色石化、海洋装备、高端装备、电子信息4个千亿级产业集群。")
    assert not any(c.startswith(("出", "了")) for c in chains)


def test_kinds_of_firm_and_school_and_a_word_across_a_suffix_are_no_names():
    found = _found("他们聘请了一家咨询公司做规划。", "将协助实验室扩大学术影响。", "两所国立大学参与合作。")
    assert not {m.text for m in found} & {"咨询公司", "实验室扩大学", "国立大学"}


def test_areas_named_by_their_kind_or_a_travel_time_are_no_places():
    places = _places("以全省县域开发区领跑者的姿态阔步向前。", "该市将融入上海一小时都市圈。")
    assert not places & {"县域开发区", "小时都市圈"}
