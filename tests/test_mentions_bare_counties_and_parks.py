"""County-level divisions written without their suffix, parks named after their zone, counts
inside place names, and firm lists whose members open on a verb or whose head follows 为."""

from test_mentions_helpers import mentions_by_text as _by_text

from loaders.lexicon.gazetteer import county_short_form, default_gazetteer
from loaders.read.script import to_simplified


def test_a_county_short_form_drops_the_suffix_and_any_nationality():
    assert county_short_form("宜兴市") == "宜兴"
    assert county_short_form("金坛区") == "金坛"
    assert county_short_form("陵水黎族自治县") == "陵水"
    assert county_short_form("元江哈尼族彝族傣族自治县") == "元江"
    assert county_short_form("和县") is None  # one character of its own
    assert county_short_form("滨海新区") is None  # a zone's stem is no name alone


def test_only_short_forms_that_read_as_names_and_name_one_county_are_kept():
    shorts = default_gazetteer().county_short_forms
    assert shorts["海宁"].name == "海宁市"
    for word in ("延长", "合作", "新兴", "平安"):  # a verb, an adjective, a distinguishing word
        assert word not in shorts
    assert "鼓楼" not in shorts  # several districts share it
    # the segmenter's dictionary tags some places as transliterated person names
    assert shorts["顺德"].name == "顺德区"


def test_a_bare_county_counts_under_its_province_in_a_list_or_after_a_word_of_location():
    found = _by_text(
        "这家企业决定把新工厂建在浙江海宁。",
        "常州市提出，溧阳、金坛两地共建电池基地。",
        "广州市的一家火箭公司落户从化。",
    )
    assert found["海宁"].canonical == "海宁市"
    assert found["溧阳"].canonical == "溧阳市"
    assert found["金坛"].canonical == "金坛区"
    assert found["从化"].canonical == "从化区"


def test_a_bare_county_is_not_taken_as_a_word_or_as_the_opening_of_another_name():
    found = _by_text(
        "我们在光明的道路上前进。",
        "郑州市的公司搬到上街镇。",
        "两家企业在龙湖边签约。",
        "杭州市的新园区在钱塘江南岸动工。",
    )
    assert "光明" not in found
    assert "上街" not in found  # the town of 上街镇, not the district
    assert "钱塘" not in found  # the river 钱塘江
    assert "龙湖" not in found  # 龙湖区 is in Shantou, a city this text never names


def test_a_bare_county_counts_anywhere_on_a_page_that_names_it_in_full():
    found = _by_text("椒江区人才服务综合体投用。", "椒江民营经济高度发达。")
    assert found["椒江"].canonical == "椒江区"
    assert "椒江" not in _by_text("椒江民营经济高度发达。")  # no full name, no place word: unsure


def test_a_county_short_name_written_often_on_a_page_naming_no_other_city_counts():
    page = ("这颗芯星在海宁冉冉升起。", "企业在海宁经历了从无到有。", "2016年，海宁布局泛半导体产业。")
    assert _by_text(*page)["海宁"].canonical == "海宁市"
    assert "海宁" not in _by_text(*page[1:])  # twice: no sign the page is about it
    assert "海宁" not in _by_text("上海市的企业代表来访。", *page)  # a page of another city


def test_a_county_written_with_the_suffix_of_its_kind_is_named_with_it():
    found = _by_text("玉溪市辖下的华宁县、通海县、元江县等县加快发展。")
    assert found["元江县"].type == "Place"


def test_a_variant_character_of_shaanxi_is_read_as_the_standard_one():
    assert to_simplified("陜西省光子产业").text == "陕西省光子产业"


def test_a_rank_among_zones_is_no_zone_name():
    found = _by_text("这座高新区去年成为湖北省第三个国家级高新区。")
    assert found["湖北省"].type == "Place"
    assert not any("第三个" in text for text in found)


def test_a_park_with_a_name_of_its_own_is_named_without_its_zone():
    found = _by_text("走进株洲高新区西部产业园，新厂房正在封顶。", "合肥高新区集成电路产业园再添新项目。")
    assert found["西部产业园"].type == "Place"
    assert found["株洲高新区"].type == "Place"
    assert "合肥高新区集成电路产业园" in found  # named by an industry: no name without its zone


def test_firm_list_members_opening_on_a_verb_and_heads_after_wei():
    found = _by_text(
        "园区拥有华拓电子、振兴科技等新能源汽车核心零部件企业。",
        "卓沃智能、青禾新材等6家为国家级专精特新企业。",
    )
    assert found["振兴科技"].type == "Enterprise"
    assert found["华拓电子"].type == "Enterprise"
    assert found["卓沃智能"].type == "Enterprise"
    assert found["青禾新材"].type == "Enterprise"


def test_business_districts_and_trade_quarters_of_a_city_are_places():
    found = _by_text("星河湖商务区集聚企业。", "青柳航空城建设加快。", "云杉国际健康城开工。", "星河国际健康港启用。")
    names = ("星河湖商务区", "青柳航空城", "云杉国际健康城", "星河国际健康港")
    assert {found[name].type for name in names} == {"Place"}


def test_a_town_after_its_county_short_name_is_named_on_its_own():
    found = _by_text("江苏宜兴丁蜀镇是陶都。")
    assert found["丁蜀镇"].type == "Place" and found["宜兴"].canonical == "宜兴市"


def test_a_prefecture_named_by_its_own_name_beside_cities_of_its_province_is_one():
    found = _by_text("该产业主要分布在文山、昭通、曲靖、红河等地。", "成都、眉山、甘孜、阿坝等地协同发展。")
    assert found["文山"].canonical == "文山壮族苗族自治州"
    assert found["红河"].canonical == "红河哈尼族彝族自治州"
    assert found["甘孜"].canonical == "甘孜藏族自治州"
    assert found["阿坝"].canonical == "阿坝藏族羌族自治州"


def test_a_prefecture_s_own_name_alone_or_among_other_provinces_cities_is_no_place():
    found = _by_text("红河两岸风光秀美。", "游客从成都、重庆来到红河、文山游玩。")
    assert "红河" not in found  # a river; beside no two cities of Yunnan
    assert "文山" not in found


def test_a_two_character_county_name_counts_beside_a_division_of_its_city():
    found = _by_text("兰山区、费县、平邑县等地均有木业集群。", "他们提高县域经济水平，建成县城新区。")
    assert found["费县"].canonical == "费县"
    assert not {"高县", "成县"} & set(found)


def test_a_zone_s_sub_area_or_town_with_a_name_of_its_own_is_named_alone():
    found = _by_text("该基地位于浦口经济开发区桥林片区。", "该产业园位于萧山经开区信息港小镇。")
    assert found["桥林片区"].canonical == "桥林片区"
    assert found["信息港小镇"].canonical == "信息港小镇"
    assert "浦口经济开发区" in found and "萧山经开区" in found


def test_a_zone_s_base_named_by_an_industry_keeps_the_zone():
    found = _by_text("项目落户合肥高新区生物医药基地。")
    assert not any(m.text == "生物医药基地" and m.type == "Place" for m in found.values())


def test_a_bare_county_owning_what_follows_or_opening_a_clause_before_an_adverb_counts():
    found = _by_text(
        "德州市特色产业众多。",
        "不论是临邑的高端化工，还是禹城的生物制造，都在加快发展。",
        "沧州市管道产业发达。",
        "2003年，孟村率先打响了园区建设的第二次创业。",
    )
    assert found["临邑"].canonical == "临邑县"
    assert found["禹城"].canonical == "禹城市"
    assert found["孟村"].canonical == "孟村回族自治县"


def test_a_bare_county_before_de_on_a_page_not_naming_its_city_is_unsure():
    found = _by_text("临邑的高端化工发展很快。", "我们在光明的道路上前进。")
    assert "临邑" not in found
    assert "光明" not in found


def test_knowledge_science_education_eco_and_medicine_cities_are_parks_and_the_kinds_are_not():
    found = _by_text("青柳市建设西丽湖国际科教城、云杉生态城、青柳知识城和云杉生物医药城。")
    for name in ("西丽湖国际科教城", "云杉生态城", "青柳知识城", "云杉生物医药城"):
        assert found[name].type == "Place"
        assert found[name].subtype == "DevelopmentZone"
    assert not _by_text("该市将建设一座智慧生态城，打造现代产业城。")


def test_a_joiner_the_segmenter_glues_after_a_park_ends_its_name():
    # ("城和青" is one word to the segmenter.)
    found = _by_text("云杉生态城和青柳知识城签约，云杉科教城和青柳物流园同步建设。")
    assert {"云杉生态城", "青柳知识城", "云杉科教城", "青柳物流园"} <= set(found)
