"""Third round of name rules, each on invented sentences: names holding 与/及, place
prefixes, centres named by a place, counted laboratory lists, colleges of a university,
spaces between Latin and Han characters, and words that never start a name."""

from test_mentions_helpers import mentions_by_canonical as _by_canonical

from loaders.lexicon.matcher import default_matcher, name_form, spaced_variants
from loaders.mentions.entity_rules import left_boundary
from loaders.mentions.numbered_institutes import count_numeral, digit_numeral


def test_a_name_holds_a_joiner_when_the_words_before_it_name_nothing():
    found = _by_canonical(
        "加大对青苔监测先进技术与装备国家工程实验室支持力度。",
        "推动云杉磁浮及超导技术创新中心建设。",
    )
    assert found["青苔监测先进技术与装备国家工程实验室"].type == "Laboratory"
    assert found["云杉磁浮及超导技术创新中心"].type == "InnovationPlatform"
    assert "装备国家工程实验室" not in found


def test_a_joiner_after_a_complete_name_separates_two_names():
    found = _by_canonical("支持星河重点实验室与银杏光电工程实验室建设。", "推进中国科大与银杏医学研究院合作。")
    assert "星河重点实验室" in found and "银杏光电工程实验室" in found
    assert found["中国科学技术大学"].type == "University"
    assert "银杏医学研究院" in found


def test_a_joiner_before_a_generic_remainder_is_not_pulled_in():
    # "创新" alone cannot name a laboratory, so the joiner joins two phrases.
    found = _by_canonical("普及应用移动终端与创新实验室。")
    assert not any(m.type == "Laboratory" for m in found.values())


def test_an_industry_before_a_joiner_is_part_of_an_engineering_centre():
    found = _by_canonical("建设合肥生物医药与高端剂型工程中心。")
    assert found["合肥生物医药与高端剂型工程中心"].subtype == "EngineeringResearchCenter"


def test_a_partnership_with_a_country_keeps_its_place_prefix():
    found = _by_canonical("以合肥国家中法智能装备国际创新园建设为突破口。")
    assert found["合肥国家中法智能装备国际创新园"].type == "Place"


def test_praise_verbs_and_foreign_countries_do_not_start_names():
    found = _by_canonical(
        "打造国内一流青柳生物产业园。",
        "做大做强现有国家重点实验室。",
        "云杉谷获批省技术创新中心。",
        "加强与芬兰 ABCD 科学园合作。",
    )
    assert "青柳生物产业园" in found
    assert not any("国内一流" in name or "做" in name for name in found)
    assert not any(m.type == "InnovationPlatform" for m in found.values())
    assert found["ABCD科学园"].type == "Place"


def test_verbs_of_bordering_and_building_on_and_a_leading_er_do_not_start_names():
    found = _by_canonical("园区西邻青柳机场，南接云杉国际小镇。", "而星河工业园区位于城北。", "续建青柳创谷产业园。")
    assert {"云杉国际小镇", "星河工业园区", "青柳创谷产业园"} <= set(found)
    assert not any(name.startswith(("南接", "而", "续建")) for name in found)
    found = _by_canonical("得益于青柳汽车集团的带动，产业发展迅速。", "园区扎根星河工业园区。")
    assert {"青柳汽车集团", "星河工业园区"} <= set(found)
    found = _by_canonical("辖青柳街道和云杉镇。", "项目拟入驻辖区星河互联网小镇。")
    assert {"青柳街道", "云杉镇", "星河互联网小镇"} <= set(found)


def test_a_proper_noun_of_the_dictionary_holding_a_verb_is_one_name():
    found = _by_canonical("推进联合利华、青柳食品等消费品企业发展。")
    assert found["联合利华"].type == "Enterprise"


def test_words_of_many_do_not_start_an_industry_name():
    found = _by_canonical("园区集聚了澜至科技、青柳电子等众多光芯产业龙头企业。", "引进一批星链产业项目。")
    assert {"光芯", "星链"} <= {name for name, m in found.items() if m.type == "IndustryChain"}
    assert not any(name.startswith(("众多", "一批")) for name in found)


def test_an_adverb_glued_to_a_verb_and_verbs_of_leverage_and_pace_do_not_start_names():
    found = _by_canonical(
        "全力支持青柳高新技术产业开发区建设。",
        "借力青柳综合性科学中心能源研究院，发展聚变能源。",
        "提速青柳都市圈建设。",
    )
    assert {"青柳高新技术产业开发区", "青柳综合性科学中心能源研究院", "青柳都市圈"} <= set(found)
    assert not any(name.startswith(("全力", "借力", "提速")) for name in found)


def test_a_park_named_by_a_known_industry_alone_is_that_industry():
    found = _by_canonical("打造合成生物产业园。")
    assert found["合成生物"].type == "IndustryChain"
    assert not any(m.type == "Place" for m in found.values())


def test_an_urban_centre_after_a_place_is_a_place_and_a_programme_centre_a_platform():
    found = _by_canonical("结合合肥东部新中心建设。", "推动星海量子网络合肥中心、合肥中心城区建设。")
    assert found["合肥东部新中心"].type == "Place"
    assert found["星海量子网络合肥中心"].type == "InnovationPlatform"
    platforms = [name for name, m in found.items() if m.type == "InnovationPlatform"]
    assert platforms == ["星海量子网络合肥中心"]  # 合肥中心城区: the central districts


def test_counted_laboratory_lists_name_one_laboratory_per_field():
    found = _by_canonical("深海钻探等3个全国重点实验室获批组建。", "新增小麦、油菜育种2个国家级重点实验室。")
    assert found["深海钻探全国重点实验室"].subtype == "NationalKeyLaboratory"
    # The word the last field ends in is shared by the bare one before it.
    assert "小麦育种国家级重点实验室" in found and "油菜育种国家级重点实验室" in found


def test_a_province_kind_names_each_member_with_the_province_before_it():
    # Known places as members: before the kind they are the stems of names.
    found = _by_canonical("辽宁布局建设了黄海、滨海等5家辽宁实验室。")
    assert found["辽宁黄海实验室"].type == "Laboratory" and found["辽宁滨海实验室"].text == "滨海"
    assert found["辽宁黄海实验室"].subtype == "ProvincialLaboratory"
    # The kind is no laboratory of its own, and the province inside it no mention.
    assert [m.start for m in found.values() if m.canonical == "辽宁省"] == [0]
    assert "辽宁实验室" not in found


def test_a_member_written_in_full_before_a_province_kind_is_its_own_name():
    # (names no gazetteer holds, so that the list alone names them)
    found = _by_canonical("园区内，辽宁青松材料实验室、辽宁白杨育种实验室等4个辽宁实验室落地园区。")
    assert found["辽宁青松材料实验室"].subtype == "ProvincialLaboratory"
    assert "辽宁白杨育种实验室" in found
    assert not any(name.startswith("辽宁辽宁") or name.endswith("实验室实验室") for name in found)


def test_an_organisation_opening_a_member_holds_the_laboratory():
    found = _by_canonical("获批组建：青松集团细胞培养基质控技术、白杨大学矿井通风技术等2个国家地方联合工程实验室。")
    assert found["细胞培养基质控技术国家地方联合工程实验室"].subtype == "EngineeringLaboratory"
    assert "矿井通风技术国家地方联合工程实验室" in found
    assert found["青松集团"].type == "Enterprise"


def test_a_list_of_named_organisations_distributes_nothing():
    found = _by_canonical("中国科大、合肥工业大学等2家国家重点实验室依托单位。")
    assert found["中国科学技术大学"].type == "University"
    assert not any(m.type == "Laboratory" for m in found.values())


def test_a_count_that_disagrees_with_the_list_names_nothing():
    found = _by_canonical("新增小麦、油菜、玉米育种2个国家级重点实验室。")
    assert not any(m.type == "Laboratory" for m in found.values())


def test_a_college_written_after_its_university_is_one_unit():
    found = _by_canonical("开工建设中国科大星海学院。")
    assert found["中国科学技术大学星海学院"].type == "University"
    assert "星海学院" not in found


def test_a_graduate_is_not_a_university():
    found = _by_canonical("在肥就业大学毕业生20万人。")
    assert not any(m.type == "University" for m in found.values())


def test_an_industry_before_centre_names_the_centre_not_the_industry():
    found = _by_canonical("新增国家级工业设计中心3家，大力发展工业设计。")
    mentions = [m for m in found.values() if m.canonical == "工业设计"]
    assert len(mentions) == 1 and mentions[0].clean_start > 12


def test_standard_service_industries_are_known_chains():
    found = _by_canonical("大力发展科技服务、检验检测、现代物流等业态。")
    for name in ("科技服务", "检验检测", "现代物流"):
        assert found[name].type == "IndustryChain"


def test_spaces_between_latin_and_han_stay_inside_names():
    assert "长三角 G60 科创走廊" in spaced_variants("长三角G60科创走廊")
    assert [m.surface.canonical for m in default_matcher().find("在长三角 G60 科创走廊")] == ["G60科创走廊"]
    assert name_form("ABCD 科学园") == "ABCD科学园"
    found = _by_canonical("确立国产 XRAM 产业地标。")
    assert found["XRAM"].type == "IndustryChain"
    assert left_boundary("聚焦 5G产业", 5, []) == 3  # no leading space


def test_each_holder_of_a_distributed_laboratory_runs_or_holds_its_own(tmp_path):
    from loaders.pipeline import extract_document

    path = tmp_path / "labs.txt"
    path.write_text("获批组建：青松集团细胞培养基质控技术、白杨大学矿井通风技术等2个国家地方联合工程实验室。", "utf-8")
    extraction = extract_document(path)
    name = {e.id: e.name for e in extraction.entities}
    facts = {(r.type, name[r.head], name[r.tail]) for r in extraction.relations}
    assert ("OPERATED_BY", "细胞培养基质控技术国家地方联合工程实验室", "青松集团") in facts
    assert ("PART_OF", "矿井通风技术国家地方联合工程实验室", "白杨大学") in facts
    assert not any(head == "白杨大学" for _, head, _ in facts)  # no member of the firm's list


def test_towns_and_sub_districts_are_places_by_form():
    found = _by_canonical("高新区辖青枫街道、白鹭街道和桃溪镇。", "推进城镇化，建设工业重镇和特色小镇。")
    assert {"青枫街道", "白鹭街道", "桃溪镇"} <= {n for n, m in found.items() if m.type == "Place"}
    assert not any(n.endswith("镇") and n != "桃溪镇" for n in found)  # 城镇, 工业重镇: kinds


def test_a_list_of_projects_or_fields_is_no_list_of_industries():
    found = _by_canonical(
        "开工建设青石一期、白沙二号等重大产业项目。",
        "投向科技、民生、矿产等领域有根产业。",
    )
    assert not any(m.type == "IndustryChain" for m in found.values())
    # the same kind of members under a plain industry head are industries
    listed = _by_canonical("培育草莓、龙虾等6个产业。")
    assert {"草莓", "龙虾"} <= {n for n, m in listed.items() if m.type == "IndustryChain"}


def test_an_event_verb_before_an_industry_word_names_no_industry():
    found = _by_canonical("签约项目总投资创下产业招商新高。", "迈出产业升级新步伐。")
    assert not any(m.type == "IndustryChain" for m in found.values())


def test_a_provinces_kind_of_laboratory_is_no_laboratory():
    found = _by_canonical("建设一批广东省实验室和省重点实验室。")
    assert not any(m.type == "Laboratory" for m in found.values())


def test_firms_listed_before_the_leaders_of_an_industry_are_enterprises():
    found = _by_canonical(
        "青松电子、白杨材料、红枫钴业等一系列行业巨头积极入驻。", "翠竹光电、紫藤芯片等行业龙头落户。"
    )
    firms = {n for n, m in found.items() if m.type == "Enterprise"}
    assert {"青松电子", "白杨材料", "红枫钴业", "翠竹光电", "紫藤芯片"} <= firms
    industries = _by_canonical("壮大新能源、新材料等龙头产业。")
    assert "龙头" not in industries and industries["新材料"].type == "IndustryChain"


def test_a_trade_written_as_a_fixed_expression_is_an_industry():
    # 远洋运输 is one fixed expression in the segmenter's dictionary, ending in a noun
    found = _by_canonical("巩固远洋运输、航运交易等产业优势。")
    assert found["远洋运输"].type == "IndustryChain"
    assert not _by_canonical("各地高度重视产业发展。")


def test_a_hyphen_between_han_characters_joins_partners_but_stages_stay_apart():
    found = _by_canonical(
        "共建青松大学-白杨集团联合实验室。", "构建基础研究-技术开放-成果转化产业链条。", "2021-2025年。"
    )
    assert found["青松大学-白杨集团联合实验室"].type == "Laboratory"
    assert not any("-" in name for name in found if name != "青松大学-白杨集团联合实验室")


def test_inspection_and_incubation_centres_are_platforms():
    found = _by_canonical("建设国家青松设备质检中心，设立白杨谷中科产业育成中心。")
    assert found["国家青松设备质检中心"].type == "InnovationPlatform"
    assert found["白杨谷中科产业育成中心"].type == "InnovationPlatform"


def test_a_city_written_in_full_before_a_bare_zone_word_is_split_from_its_zone():
    found = _by_canonical("山东省济南市高新区聚焦量子产业。")
    assert found["济南市"].type == "Place" and found["山东省"].type == "Place"
    zone = found["济南高新技术产业开发区"]
    assert zone.text == "高新区" and zone.subtype == "DevelopmentZone"


def test_a_zone_named_by_its_kind_alone_after_a_county_keeps_the_county_in_its_name():
    found = _by_canonical("据了解，含山县经济开发区承接长三角产业转移。")
    assert found["含山县"].subtype == "County"
    zone = found["含山县经济开发区"]
    assert zone.text == "经济开发区" and zone.subtype == "DevelopmentZone"
    assert "经济开发区" not in found  # no place is called by its kind alone


def test_a_district_written_in_full_before_a_science_city_or_zone_is_split_from_it():
    found = _by_canonical("构建以西湖区云栖科创城为核心、浦东新区张江科学城为两翼的布局。")
    assert found["西湖区"].subtype == "District"
    assert found["云栖科创城"].text == "云栖科创城"
    assert found["浦东新区"].type == "Place" and found["张江科学城"].text == "张江科学城"


def test_a_city_written_in_full_before_a_zone_of_its_own_name_is_split_from_it():
    found = _by_canonical("目前在乐清市柳白新区中部已颇具规模。")
    assert found["乐清市"].subtype == "City"
    assert found["柳白新区"].text == "柳白新区"


def test_a_park_keeps_the_district_it_is_written_with():
    # The district is a place of its own, which the park lies in; the park's name keeps it.
    found = _by_canonical("推进蜀山区青枫智能制造产业园等项目。")
    assert found["蜀山区"].type == "Place"
    assert found["蜀山区青枫智能制造产业园"].text == "青枫智能制造产业园"


def test_a_research_institute_registered_as_a_company_is_an_institute():
    found = _by_canonical("青松量子科学技术研究院有限公司与白杨电子有限公司合作。")
    assert found["青松量子科学技术研究院有限公司"].type == "ResearchInstitute"
    assert found["白杨电子有限公司"].type == "Enterprise"


def test_kinds_of_institute_and_facility_are_no_names():
    found = _by_canonical("推进高校研究院建设，布局大科学设施，建设青松材料研究院。")
    assert list(found) == ["青松材料研究院"]


def test_a_town_is_not_named_with_its_district():
    found = _by_canonical("东至蜀山区青柳镇与肥西县白杨镇交界处。")
    assert found["青柳镇"].text == "青柳镇" and found["蜀山区"].type == "Place"
    assert found["白杨镇"].text == "白杨镇" and found["肥西县"].type == "Place"


def test_a_kind_of_college_is_no_name_and_a_bullet_separates_names():
    found = _by_canonical("当地筹建高等工程师学院。签署《蜀山区•合肥工业大学合作协议》。")
    assert not any(m.text.endswith("工程师学院") for m in found.values())
    assert found["蜀山区"].type == "Place" and found["合肥工业大学"].type == "University"


def test_a_zone_written_with_or_without_industry_in_its_type_is_one_zone():
    found = _by_canonical("武汉东湖新技术产业开发区聚焦光电子产业。")
    assert found["武汉东湖新技术开发区"].text == "武汉东湖新技术产业开发区"


def test_a_place_opening_the_name_of_a_newspaper_is_no_place_mention():
    found = _by_canonical("来源：合肥日报。安徽广播电视台报道，芜湖市人民政府与合肥高新区签约。")
    assert "合肥市" not in found and "安徽省" not in found
    assert "芜湖市" in found and "合肥高新技术产业开发区" in found


def test_a_place_opening_a_news_site_or_channel_is_no_place_mention():
    found = _by_canonical("来源：芜湖网。安徽频道讯，宣城市物联网企业落户合肥高新区。")
    assert "芜湖市" not in found and "安徽省" not in found
    assert "宣城市" in found and "合肥高新技术产业开发区" in found


def test_a_place_opening_an_event_venue_or_street_is_no_place_mention():
    found = _by_canonical("星河公司曾承建南京奥运会场馆，展品在芜湖会展中心展出，厂房位于宣城路。")
    assert not {"南京市", "芜湖市", "宣城市"} & set(found)
    assert "宣城市" in _by_canonical("星河公司在宣城路演推介新品。")


def test_a_broad_region_scoping_a_rank_or_a_direction_is_no_place_mention():
    found = _by_canonical("星河工厂是华中地区规模最大的电池工厂，新城位于星河市东北部。")
    assert "华中地区" not in found and "东北地区" not in found
    assert "华中地区" in _by_canonical("星河公司产品销往华中地区。")


def test_a_short_place_name_whose_letters_other_words_take_is_no_place_mention():
    assert "海口市" not in _by_canonical("星河公司的产品经沿海口岸运往各地。")
    assert "海口市" in _by_canonical("星河公司在海口建设新工厂。")


def test_a_short_place_name_ending_a_persons_name_after_a_title_is_no_place_mention():
    assert "桂林市" not in _by_canonical("星河学院校长王云、副校长陈桂林出席。")
    assert "长春市" not in _by_canonical("记者朱长春报道。")
    assert "桂林市" in _by_canonical("星河学院校长来到桂林考察。")


def test_a_count_before_a_body_names_a_kind_not_a_body():
    found = _by_canonical("全市建成12个星河材料实验室，星河材料实验室揭牌。")
    assert [m.text for m in found.values() if m.type == "Laboratory"] == ["星河材料实验室"]
    assert found["星河材料实验室"].start > 10


def test_an_institute_called_by_its_group_and_number_gets_its_official_name():
    found = _by_canonical("星河市引进中电科55所和中船702所，全市共有12所高校。")
    assert found["中国电子科技集团公司第五十五研究所"].text == "中电科55所"
    assert found["中国船舶集团有限公司第七〇二研究所"].type == "ResearchInstitute"
    assert not any(m.text.startswith("共有") or m.text == "12所" for m in found.values())


def test_numbers_are_spelt_as_the_institutes_names_spell_them():
    assert [count_numeral(n) for n in (10, 14, 38, 102)] == ["十", "十四", "三十八", "一百零二"]
    assert digit_numeral(702) == "七〇二"


def test_a_place_before_a_cluster_word_is_the_place_not_an_industry():
    found = _by_canonical("这足以说明芜湖产业集群的厚度。")
    assert "芜湖市" in found
    assert not [m for m in found.values() if m.type == "IndustryChain"]


def test_a_rank_word_inside_a_zone_name_is_not_part_of_the_name():
    found = _by_canonical("芜湖国家级高新技术产业开发区成立于上世纪九十年代。")
    assert "芜湖高新技术产业开发区" in found
    kept = _by_canonical("苏州国家高新技术产业开发区成立于上世纪九十年代。")
    assert "苏州国家高新技术产业开发区" in kept


def test_a_large_number_of_a_kind_and_a_complete_chain_are_no_names():
    found = _by_canonical("全市拥有一大批省级重点实验室，形成了完备产业链。")
    assert not [m for m in found.values() if m.type in ("Laboratory", "IndustryChain")]


def test_a_numbered_institute_written_in_chinese_numerals_gets_its_official_name():
    found = _by_canonical("中电科十八所与中船七〇二所签约。")
    assert "中国电子科技集团公司第十八研究所" in found
    assert "中国船舶集团有限公司第七〇二研究所" in found


def test_verbs_of_coming_and_lacking_do_not_start_names():
    found = _by_canonical("专家来自云杉大学，园区按照重大科技基础设施布局。")
    assert "云杉大学" in found
    assert not [name for name in found if name.startswith(("来自", "按照"))]


def test_a_listed_name_may_open_with_a_preposition_character():
    found = _by_canonical("我市有云杉药业、以山医药集团等企业。")
    assert "以山医药集团" in found
    frames = _by_canonical("聚焦以传感器为核心的物联网产业、以星光芯片制造为核心的光子产业。")
    assert not [name for name in frames if name.startswith("以")]


def test_or_more_and_a_size_word_are_no_part_of_names():
    found = _by_canonical("全省95%以上云杉科技创新中心在这里，打造一批重大产业项目。")
    assert "云杉科技创新中心" in found
    assert not [m for m in found.values() if m.type == "IndustryChain"]


def test_an_industry_counted_by_its_firms_is_named_but_not_one_qualifying_firms():
    counted = _by_canonical("园区现有集成电路企业150余家。")
    assert counted["集成电路"].type == "IndustryChain"
    qualifying = _by_canonical("园区服务集成电路企业发展。")
    assert "集成电路" not in qualifying


def test_praise_heads_and_standing_for_lists_type_their_members():
    praised = _by_canonical("星河光显、中微公司、云杉光电等行业翘楚纷至沓来。")
    assert praised["星河光显"].type == "Enterprise" and praised["云杉光电"].type == "Enterprise"
    standing = _by_canonical("形成了以星河生物、云杉生化等为代表的一批生物制药企业。")
    assert standing["生物制药"].type == "IndustryChain"


def test_a_provinces_innovation_labs_are_named_by_city_and_word_with_their_fields_aside():
    # Each member carries its field in brackets; a firm's name among place words names its
    # own laboratory; a first member whose last character is a word of its own (…都) is
    # skipped, not the whole list.
    found = _by_canonical(
        "该省先后布局建设了青柳云都(新型显示)、白杉星渡(海洋装备)、翠湖松溪(精细化工)、"
        "宁德时代(储能器件)等4家省创新实验室。"
    )
    assert found["白杉星渡创新实验室"].subtype == "ProvincialLaboratory"
    assert "翠湖松溪创新实验室" in found and "宁德时代创新实验室" in found
    assert not any(name.endswith(("新型显示创新实验室", "省创新实验室")) for name in found)


def test_a_bracketed_rank_word_leaves_no_empty_brackets_in_a_zone_name():
    found = _by_canonical("青柳（国家级）经济技术开发区新引进一批企业。")
    assert "青柳经济技术开发区" in found


def test_building_and_supplying_verbs_and_a_firms_standing_open_no_name():
    found = _by_canonical(
        "乙烯装置建于青松石化公司厂区中部。",
        "其中在建国家耐盐碱白杨技术创新中心科研基地120亩。",
        "推动青松集团与知名央企白杨集团开展合作。",
    )
    assert {"青松石化公司", "国家耐盐碱白杨技术创新中心", "白杨集团"} <= set(found)
    assert not any(name.startswith(("建于", "建国家", "知名", "央企")) for name in found)


def test_an_output_in_figures_or_a_verb_of_growth_ends_no_industry():
    found = _by_canonical(
        "实施青松集团原丝20万吨、碳丝10万吨、复材5万吨全产业链等重点项目。", "将聚焦整车、零部件、后市场一体化发展。"
    )
    assert not any(any(ch.isdigit() for ch in name) or name.endswith("发展") for name in found)


def test_china_s_zhong_after_a_preposition_or_conjunction_opens_the_name():
    found = _by_canonical("该中心由中建材青松玻璃设计研究院牵头建设。", "管委会与中钠白杨(深圳)新能源有限公司签约。")
    assert "中建材青松玻璃设计研究院" in found
    assert any(name.startswith("中钠白杨") for name in found)


def test_a_park_named_only_by_praise_words_is_a_kind_not_a_name():
    found = _by_canonical("二、代表性开发区\n", "积极建设专业化特色精品产业园区。")
    assert not any(m.type == "Place" for m in found.values())


def test_phrases_of_kind_are_no_names():
    found = _by_canonical(
        "宁国市是宣城市代管的县级市。",
        "区属国资平台公司青松产发的副总介绍，园区引进了星海科技、云杉电子等配套企业。",
    )
    assert "代管的县" not in found and "区属国资平台公司" not in found and "配套企业" not in found
    assert {"宁国市", "宣城市", "星海科技"} <= set(found)


def test_a_park_after_a_county_the_gazetteer_lacks_lies_in_that_county():
    # 寿县 is a division's official name (divisions.tsv), though no gazetteer entry.
    found = _by_canonical("目前，在寿县青枫国际产业园，项目进展顺利。")
    assert found["寿县"].type == "Place"
    assert found["寿县"].subtype == "County"
    assert found["寿县青枫国际产业园"].text == "青枫国际产业园"


def test_a_county_s_short_name_before_its_industry_is_a_place_of_its_own():
    # The page names the county's city (烟台); the cluster's name is the county and the industry.
    found = _by_canonical("烟台市打造福山汽车零部件、芝罘环境控制装备等特色产业集群。")
    assert found["福山区"].type == "Place"
    assert found["汽车零部件"].type == "IndustryChain"
    assert found["环境控制装备"].type == "IndustryChain"
    # Without its city on the page, a short name stays part of the name.
    assert "福山区" not in _by_canonical("某市打造福山汽车零部件、星海环境控制装备等特色产业集群。")


def test_numbers_listed_after_a_numbered_institute_are_institutes_of_its_group():
    found = _by_canonical("园区周边集聚了中电科38所、16所、43所等科研院所。")
    assert found["中国电子科技集团公司第十六研究所"].text == "16所"
    assert "中国电子科技集团公司第四十三研究所" in found
    schools = _by_canonical("全市有中电科38所和12所高校。")
    assert not any("第十二" in name for name in schools)


def test_a_declared_short_name_between_group_and_number_keeps_both_names():
    found = _by_canonical("石市拥有中国电子科技集团（以下简称中电科集团）第54所、第13所等机构。")
    assert found["中国电子科技集团公司第五十四研究所"].text == "第54所"
    assert found["中国电子科技集团公司第十三研究所"].text == "第13所"
    assert found["中国电子科技集团"].type == "Enterprise"


def test_a_places_situation_is_no_district():
    found = _by_canonical("在家电产业领域，合肥凭借区位与成本优势，吸引多家企业落户。")
    assert not [name for name, m in found.items() if m.type == "Place" and m.text.endswith("区")]
    assert "蜀山区" in _by_canonical("蜀山区位于合肥西部。")


def test_a_pronoun_and_a_measure_word_name_no_district():
    found = _by_canonical("惠州哪个区是其所在？这个区发展很快。")
    assert not [m for m in found.values() if m.type == "Place" and m.text.endswith("个区")]


def test_a_citys_building_company_keeps_its_building_word():
    found = _by_canonical("由合肥市建设投资控股（集团）有限公司负责运营。")
    assert found["合肥市建设投资控股（集团）有限公司"].type == "Enterprise"
    verb = _by_canonical("合肥市建设青枫科技有限公司。")
    assert not any(name.startswith("合肥市建设") for name in verb)


def test_companies_of_a_trade_are_no_company():
    found = _by_canonical("柳州拥有跨国汽车公司和国内三大汽车集团布局的生产基地。")
    assert not [m for m in found.values() if m.type == "Enterprise"]
    kept = _by_canonical("东风汽车集团有限公司在襄阳，市物流集团在合肥。")
    assert kept["东风汽车集团有限公司"].type == "Enterprise"


def test_the_academys_botanical_garden_is_an_institute():
    found = _by_canonical("与武汉大学、中科院武汉植物园等单位共建。")
    assert found["中科院武汉植物园"].type == "ResearchInstitute"
    assert not [m for m in _by_canonical("武汉植物园风景优美。").values() if m.type == "ResearchInstitute"]


def test_kinds_of_company_and_a_fellow_townsman_name_nothing():
    # 集团公司, 项目公司, 创业公司: what kind of company, not which; 老乡: a person from a place.
    found = _by_canonical("集团公司党委书记出席。", "项目公司负责运营。", "创业公司纷纷落户。", "他是一位外联老乡。")
    assert not [m for m in found.values() if m.type in ("Enterprise", "Place")]
    kept = _by_canonical("中国建材集团公司在蚌埠，六郎镇和陶辛镇在湾沚区。")
    assert kept["中国建材集团公司"].type == "Enterprise"
    assert kept["六郎镇"].type == "Place" and kept["陶辛镇"].type == "Place"
