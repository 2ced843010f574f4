"""Places in officials' titles, a city written before its park, counted firm lists without
等, counties as a clause's subject, and firms named before the product of their project."""

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions


def _result(*sentences: str):
    return find_mentions(make_document(*sentences))


def _by_text(*sentences: str):
    return {m.text: m for m in _result(*sentences).mentions}


def test_the_documents_own_province_in_an_officials_title_is_a_place():
    found = _by_text(
        "芜湖市机器人产业园再添新项目。",
        "芜湖市一家企业投产，安徽省委常委、芜湖市委书记出席仪式。",
        "芜湖市的产线已满负荷运转。",
    )
    assert found["安徽省"].type == "Place"


def test_another_province_in_a_visitors_title_is_no_place_of_the_text():
    result = _result(
        "兰州市新区签约了一批项目。",
        "兰州市与外省合作，广西壮族自治区党委常委和四川省委副书记等出席。",
        "兰州市的园区建设加快推进。",
    )
    assert "四川省" not in {m.text for m in result.mentions}
    assert any(d.reason == "committee-title" and d.text.startswith("四川省") for d in result.dropped)


def test_a_place_in_a_party_bodys_full_name_is_no_place():
    found = _by_text("主办方为中共宜昌市委宣传部。")
    assert "宜昌市" not in found


def test_a_city_before_a_park_with_a_name_of_its_own_is_split_off():
    found = _by_text("晋城市凤鸣工业园引进了一批装备企业。", "柳州市柳东新区工业园区正在扩建。")
    assert found["晋城市"].type == "Place"
    assert found["凤鸣工业园"].type == "Place"
    assert "柳州市柳东新区工业园区" in found  # the new area's park keeps the area it is named by


def test_a_list_closed_by_a_count_of_firms_types_its_members():
    found = _by_text("目前，瑞澜芯材、恒屹智控两家企业已经投产。")
    assert found["瑞澜芯材"].type == "Enterprise"
    assert found["恒屹智控"].type == "Enterprise"


def test_a_county_opening_a_clause_before_its_verb_is_a_place():
    found = _by_text("宁波市的科技创新持续发力——镇海打造了一批重点实验室。")
    assert found["镇海"].canonical == "镇海区"


def test_a_firm_named_before_the_product_of_its_project():
    found = _by_text(
        "园区推动钛合金、澜岳石墨烯散热片、宁川冶金等项目建成投产。",
        "昊峰高端汽车零部件产线项目正式开工。",
        "合肥锐源锂电池隔膜项目进入试生产。",
    )
    assert found["澜岳"].type == "Enterprise"
    assert found["昊峰"].type == "Enterprise"
    assert found["合肥锐源"].type == "Enterprise"
    assert "宁川" not in found  # an industry closing the item may end the firm's own name


def test_a_clause_or_a_field_before_a_product_is_no_firm():
    found = _by_text(
        "普惠托育服务入选国家示范项目。",
        "健康医疗大数据平台、药物检测平台等项目加快建设。",
    )
    assert "普惠" not in found
    assert "健康医疗" not in found


def test_brands_standing_for_an_industry_are_its_firms():
    found = _by_text(
        "开发区形成了以杰瑞奇、维诺德、罗宝为代表的新材料产业。", "以信创、东数西算为代表的数字产业加快发展。"
    )
    assert found["杰瑞奇"].type == "Enterprise"
    assert found["维诺德"].type == "Enterprise"
    assert found["信创"].type != "Enterprise"  # fields, not brands


def test_a_day_before_a_county_opens_no_town():
    found = _by_text("宁波市新闻网：今日镇海栏目更新。")
    assert "今日镇" not in found


def test_a_dateline_s_place_is_left_out_and_the_same_place_named_in_the_text_kept():
    result = _result("新华社芜湖5月6日电（记者张三）当地高新区签约了一批项目。")
    assert "芜湖" not in {m.text for m in result.mentions}
    assert any(d.reason == "dateline-place" and d.text == "芜湖" for d in result.dropped)
    kept = _by_text("中新网柳州11月10日电 柳州市汽车产业加快发展。")
    assert "柳州市" in kept and "柳州" not in kept
