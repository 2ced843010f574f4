"""Names cut at counts, verbs and brackets, materials named by their base, and kinds of
facility or area (campuses, scenic areas) that name none (invented sentences)."""

from test_mentions_helpers import chain_names, make_document

from loaders.mentions.find import find_mentions


def _names(cls: str, *sentences: str) -> set[str]:
    return {m.written for m in find_mentions(make_document(*sentences)).mentions if m.type == cls}


def test_a_country_in_brackets_is_part_of_a_listed_firms_name():
    firms = _names("Enterprise", "园区集聚了青枫（中国）、白鹭（中国）、远帆科技等企业。")
    assert {"青枫（中国）", "白鹭（中国）", "远帆科技"} <= firms
    assert "中国" not in firms


def test_a_rough_count_before_a_kind_names_no_institute():
    assert not _names("ResearchInstitute", "园区累计引进和建设了30余个一流大学研究院。")


def test_verbs_of_rewarding_and_standing_for_end_a_name():
    assert not _names("ResearchInstitute", "通过考核加奖励的方式来激励高校研究院开展科研。")
    assert not any(
        name.startswith("代表") for name in _names("IndustryChain", "一架飞机，代表通航产业；一颗药丸，代表生物医药。")
    )


def test_everyday_facilities_are_no_large_facility():
    assert not _names("LargeScientificFacility", "项目主要建设实验楼（含教学设备）及配套生活设施。")
    assert not _names("LargeScientificFacility", "新城完善了交通设施和文化设施。")


def test_a_headless_list_closed_by_a_count_keeps_its_head_out_of_the_last_member():
    chains = _names("IndustryChain", "该市正培育装备制造、新材料和生物医药三大接续产业。")
    assert "生物医药" in chains
    assert not any("三大" in name for name in chains)


def test_the_zhong_of_qizhong_opens_no_bilateral_name():
    places = _names("Place", "其中德清地理信息小镇是首批特色小镇。")
    assert "德清地理信息小镇" in places
    assert "中德清地理信息小镇" not in places


def test_materials_named_by_their_base_keep_it():
    assert "硅基新材料" in chain_names("硅基新材料广泛应用于电子信息、新能源等领域。")
    assert "碳基新材料" in chain_names("该区打造碳基新材料产业集群。")
    assert "生物基材料" in chain_names("该区发展生物基材料产业。")
    assert chain_names("该区发展新材料产业，完善路基材料供应。") == {"新材料"}


def test_a_campus_after_a_place_is_no_district():
    places = _names("Place", "活动在东南大学九龙湖校区举行，青松社区和白杨景区也来了人。")
    assert not any(name.endswith(("校区", "社区", "景区")) for name in places)
    assert "中心城区" not in _names("Place", "推动合肥中心城区产业向外转移。")


def test_words_of_a_narrative_open_no_name():
    assert not _names("Enterprise", "政策扶持最直接,接下来公司将投资3亿元。")
    assert _names("Enterprise", "像青枫公司这样的企业还有很多。") == {"青枫公司"}
    assert "白鹭经济技术开发区" in _names("Place", "VR产业只是白鹭经济技术开发区的产业之一。")


def test_a_parks_role_before_a_list_makes_its_members_places():
    places = _names("Place", "新材料：代表园区有青枫碳谷绿湾、白鹭超能科创园等。生物医药：核心园区包括远帆生命蓝湾等。")
    assert {"青枫碳谷绿湾", "白鹭超能科创园", "远帆生命蓝湾"} <= places


def test_a_description_before_a_dash_a_city_word_and_a_caption_open_no_name():
    assert _names("University", "英国老牌名校—青枫大学均已表示意向。") == {"青枫大学"}
    assert not _names("IndustryChain", "白鹭国际航天城航天产业集群效应初显。") & {"航天城航天"}
    found = find_mentions(make_document("无人机视角俯瞰青枫市白鹭新兴产业园。")).mentions
    assert not any(m.type == "IndustryChain" for m in found)
    assert not any(m.written.startswith(("无人机", "俯瞰")) for m in found)
    assert not _names("IndustryChain", "一揽子产业政策打出组合拳。")


def test_a_bracket_after_a_listed_industry_lists_its_segments_and_is_no_part_of_its_name():
    chains = _names("IndustryChain", "该市重点发展高端装备（数控机床、海工装备）、新材料（先进陶瓷）、食品等产业。")
    assert {"高端装备", "数控机床", "海工装备", "新材料", "先进陶瓷", "食品"} <= chains
    assert not any("（" in name or "）" in name for name in chains)


def test_an_aside_in_brackets_after_a_listed_industry_is_no_part_of_a_name():
    chains = _names("IndustryChain", "某区加快发展新能源汽车（含汽车零部件）、生物医药等产业。")
    assert {"新能源汽车", "生物医药"} <= chains
    assert not any("）" in name for name in chains)


def test_an_area_after_a_number_is_no_part_of_the_name_after_it():
    labs = _names("Laboratory", "项目新建3000平米实验大楼、改扩建600平方米山洞实验室。")
    assert "山洞实验室" in labs
    assert not any("平米" in name or "平方米" in name for name in labs)


def test_public_utilities_and_the_country_s_big_facilities_are_no_facility():
    assert not _names("LargeScientificFacility", "项目改扩建实验楼及相关配套公用设施。")
    assert not _names("LargeScientificFacility", "科学中心建设，离不开国家大科学装置的推动。")


def test_a_joined_name_that_runs_past_the_reach_of_a_name_is_none():
    text = "坐落于某某大学的精密重力测量国家重大科技基础设施精密重力测量大楼及山洞实验室开工建设。"
    labs = _names("Laboratory", text)
    assert all(name.startswith("山洞") or "大楼" not in name for name in labs)
    assert not any(name.startswith("力") for name in labs)


def test_an_industry_s_standing_before_its_head_is_no_industry():
    chains = _names("IndustryChain", "该州加快培育装备制造、新材料等潜力产业和接续产业。")
    assert {"装备制造", "新材料"} <= chains
    assert not {"潜力", "接续"} & chains


def test_what_a_production_base_makes_is_an_industry():
    chains = _names("IndustryChain", "该市是全国最大的人造金刚石生产基地，也是重要的电力装备生产基地。")
    assert {"人造金刚石", "电力装备"} <= chains
    assert not _names("IndustryChain", "比亚迪新能源动力电池生产基地建设加快。") & {"新能源动力电池"}


def test_a_clause_that_says_what_an_industry_is_like_names_none():
    chains = _names("IndustryChain", "我省大力布局资源优势明显、外贸需求量大、光伏等相关产业。")
    assert "光伏" in chains
    assert not {"资源优势明显", "外贸需求量大"} & chains
    assert {"生物健康", "医疗健康"} <= _names("IndustryChain", "该区发展生物健康、医疗健康等产业。")


def test_having_now_and_linking_open_no_name():
    assert "三鑫医疗" in _names("Enterprise", "该集聚区现有三鑫医疗、汉德生物等5个重点项目投运。")
    assert "剑桥大学" in _names("University", "该中心成功链接剑桥大学等机构。")


def test_words_between_the_opening_verb_and_a_known_first_industry_qualify_it():
    chains = _names("IndustryChain", "该市重点发展硅光伏、光伏玻璃、海上风电等产业。")
    assert {"硅光伏", "光伏玻璃", "海上风电"} <= chains
    assert {"汽车及配套", "电子信息"} <= _names("IndustryChain", "该市形成了汽车及配套、电子信息等产业。")


def test_a_listed_industry_keeps_the_words_before_its_vocabulary_tail():
    # "海洋化工新材料" ends in the vocabulary's 化工新材料: between two 、 the whole member is the name
    names = chain_names("该区重点发展硅碳新材料、海洋化工新材料、菱镁新材料等产业。")
    assert {"硅碳新材料", "海洋化工新材料", "菱镁新材料"} <= names
    assert "化工新材料" not in names


def test_a_headless_list_closed_by_a_bare_deng_is_typed_by_its_known_members():
    names = chain_names("园区重点发展数控机床、工业机器人、特种用途机械等。")
    assert {"数控机床", "工业机器人", "特种用途机械"} <= names
    # 等 before a head noun is the head's list, read elsewhere: no member here runs into it
    assert not any("等" in name for name in chain_names("园区重点发展数控机床、工业机器人、特种用途机械等领域。"))


def test_an_industry_ends_at_its_first_chain_word_and_no_forecast_or_locative_opens_it():
    assert chain_names("航空产业具有产业链长、科技含量高等特点。") == {"航空"}
    assert chain_names("预计锂电新能源产业年产值将超过1000亿元。") == {"锂电新能源"}
    assert chain_names("围绕区内医药健康产业资源优势，做强产业。") == {"医药健康"}
    assert "新能源" in chain_names("一手抓新能源、合成生物和生命健康三大战新产业。")


def test_an_r_and_d_institute_is_an_institute():
    found = _names("ResearchInstitute", "本次揭牌的中国一汽大湾区研发院位于河套深港科技创新合作区。")
    assert "中国一汽大湾区研发院" in found


def test_new_materials_keep_the_stock_they_are_named_by():
    assert chain_names("平顶山市大力发展尼龙新材料产业。") == {"尼龙新材料"}
    assert {"建筑新材料", "海洋化工新材料"} <= chain_names("重点发展建筑新材料、海洋化工新材料等产业。")
    # a word of scope or a place before 新材料 is no part of the industry's name
    assert chain_names("该县被确定为全国新材料产业基地。") == {"新材料"}
    assert "新材料" in chain_names("宁夏新材料产业发展迅速。")


def test_equipment_making_keeps_the_noun_that_names_it():
    assert "煤机装备制造" in chain_names("该区重点培育煤机装备制造产业。")


def test_a_branch_of_the_academy_written_short_is_an_institute():
    found = _names("ResearchInstitute", "与兰州大学、中科院兰州分院等在兰科研院所建立了良好合作关系。")
    assert "中科院兰州分院" in found
    assert not _names("ResearchInstitute", "市人民医院东区分院开诊。")
