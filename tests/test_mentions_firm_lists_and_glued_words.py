"""Firms in lists closed by a demonstrative or a league table, known firms written back to
back, and words glued before a firm's name (invented sentences)."""

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions


def _firms(*sentences: str) -> set[str]:
    return {m.written for m in find_mentions(make_document(*sentences)).mentions if m.type == "Enterprise"}


def test_a_demonstrative_closes_a_list_of_firms():
    firms = _firms("青枫、白鹭、远帆这些国际知名企业都是我们的客户。")
    assert {"青枫", "白鹭", "远帆"} <= firms


def test_a_demonstrative_closes_no_list_of_other_heads():
    assert not _firms("青枫、白鹭这些产业发展很快。")


def test_a_league_table_heads_a_list_of_firms():
    assert {"青枫", "白鹭科技"} <= _firms("园区还有青枫、白鹭科技等3家世界500强企业。")


def test_a_clause_with_de_may_describe_firms_but_not_other_things():
    assert {"青枫", "白鹭"} <= _firms("青枫、白鹭等一批具有全球影响力的显示产业龙头企业先后落户。")
    assert {"青枫位置", "白鹭地理"} <= _firms(
        "小镇集聚了青枫位置、白鹭地理等一批涵盖位置服务、无人驾驶行业的130余家领先企业。"
    )
    assert not _firms("发布了青枫合金、白鹭合金等一批拥有领先水准的新材料产业技术成果。")


def test_two_known_firms_written_back_to_back_are_two_members():
    firms = _firms("培育了科大讯飞、阳光电源安科生物等高科技企业。")
    assert {"阳光电源", "安科生物"} <= firms
    assert "阳光电源安科生物" not in firms


def test_verbs_pronouns_and_ranks_glued_before_a_name_are_left_out():
    assert "太钢集团" in _firms("鼓励本地小微企业同链主太钢集团开展配套。")
    assert "青枫集团" in _firms("这是我们跟青枫集团合作的组件。")
    assert "青禾新材料科技股份有限公司" in _firms("记者采访青禾新材料科技股份有限公司时看到了新产品。")
    assert "白鹭集团" in _firms("公司将收购控股子公司白鹭集团剩余股份。")


def test_verbs_of_handing_over_belonging_and_bringing_about_open_no_name():
    assert "青枫科技创业投资有限公司" in _firms("该平台交由青枫科技创业投资有限公司负责建设运营。")
    assert "白鹭航空工业集团公司" in _firms("研究所成立于1961年，隶属于白鹭航空工业集团公司。")
    firms = _firms("积极促成青枫、白鹭、远帆等企业与本地企业合作。")
    assert "青枫" in firms and "促成青枫" not in firms
    firms = _firms("我市既有青枫、白鹭等新能源整车企业，也有远帆等零部件企业。")
    assert "青枫" in firms and "既有青枫" not in firms


def test_the_marker_of_a_point_or_another_is_no_part_of_a_name():
    names = {m.written for m in find_mentions(make_document("八是青柳茶饮产业，带动农户增收。")).mentions}
    assert "青柳茶饮产业" in names and not any(name.startswith("八是") for name in names)
    assert "青枫科技有限公司" in _firms("另外青枫科技有限公司也参加了签约。")


def test_a_demonstrative_pointing_back_is_no_part_of_a_name():
    assert "青枫科技有限公司" in _firms("省里对上述青枫科技有限公司进行了评估。")
    assert "青枫科技有限公司" in _firms("前述青枫科技有限公司已经投产。")


def test_a_companys_tie_to_another_is_no_name():
    assert not any(name.endswith("母公司") for name in _firms("这家晶圆厂在芯片代工领域有母公司撑腰。"))


def test_a_long_description_may_head_a_list_of_firms():
    assert {"青枫电子", "白鹭科技", "远帆"} <= _firms("青枫电子、白鹭科技、远帆等产业内知名企业已在本地布局。")
    assert {"青枫药业", "白鹭药业"} <= _firms("本市培育青枫药业、白鹭药业等全国医药工业百强企业。")
    assert {"青枫", "白鹭", "远帆"} <= _firms("青枫、白鹭、远帆等“一大批”家电巨头云集于此。")
    assert {"青枫", "白鹭"} <= _firms("青枫、白鹭等上百家国内外机器人企业相继落户。")
    assert {"青枫硅业", "白鹭电力"} <= _firms("园区拥有青枫硅业、白鹭电力等科技型、高新技术企业近百户。")
    # 中 inside a name of the description (中国, 中科) ends no phrase there
    assert {"青枫", "白鹭", "远帆"} <= _firms("园区集聚了青枫、白鹭、远帆等中国电子旗下核心骨干企业。")


def test_a_list_is_no_list_of_firms_when_its_description_ends_in_zhong():
    assert not {"青枫", "白鹭"} & _firms("青枫、白鹭等指标中企业占比最高。")


def test_an_industry_before_a_head_of_firms_heads_no_list_of_industries():
    mentions = find_mentions(make_document("青枫电子、白鹭科技等产业领军企业加快成长。")).mentions
    assert not any(m.type == "IndustryChain" and m.written in ("青枫电子", "白鹭科技") for m in mentions)


def test_a_long_description_heads_no_firms_when_members_are_trades():
    assert not _firms("电池、电机、电控等本地新能源汽车核心零部件企业加快集聚。")


def test_brands_are_firms_only_when_counted_in_jia():
    assert {"青枫", "白鹭", "远帆"} <= _firms("展会上，青枫、白鹭、远帆等60多家知名品牌集中亮相。")
    assert not _firms("当地推出青枫、白鹭等知名品牌。")


def test_a_known_trade_glued_after_a_brand_is_part_of_the_first_firm():
    firms = _firms("园区先后引入青枫新能源汽车、白鹭动力科技等多家新能源汽车配套企业。")
    assert {"青枫新能源汽车", "白鹭动力科技"} <= firms


def test_one_name_leading_an_industry_is_a_firm():
    assert {"青枫", "白鹭"} <= _firms("园区形成以青枫为龙头的家电产业、以白鹭为龙头的智能制造产业。")
    assert not _firms("以整车制造为龙头，带动零部件发展。")
    assert not _firms("以产业园区为龙头，推动发展。")


def test_verbs_of_bringing_out_following_and_comparing_are_left_out():
    assert "青枫客车" in _firms("这里先后涌现出青枫客车等一批整车企业。")
    assert "白鹭轨道" in _firms("该区培育出白鹭轨道等企业。")
    assert "青禾电子科技有限公司" in _firms("走近青禾电子科技有限公司，车间一片繁忙。")
    assert "远帆传媒集团" in _firms("参展商跟随远帆传媒集团走进展馆。")
    assert "青枫微电子公司" in _firms("当时只有青枫微电子公司一家企业。")


def test_a_particle_glued_to_an_unknown_name_is_left_out():
    assert "泽枫制药" in _firms("园区引进了泽枫制药等企业。")
    firms = _firms("该实验室由翠枫集团所属白鹭智慧公司运营。")
    assert {"翠枫集团", "白鹭智慧公司"} <= firms


def test_a_league_rank_before_a_name_is_left_out():
    firms = _firms("园区聚集了包括世界500强青枫卡比、白鹭制药等一批医药企业。")
    assert "青枫卡比" in firms
    assert not any(name.startswith("强") for name in firms)


def test_a_known_firm_glued_before_its_product_in_a_list_is_the_firm():
    firms = _firms("青枫芯片、中航工业、大疆无人机等一批企业落地。")
    assert "大疆" in firms
    assert "大疆无人机" not in firms


def test_a_known_short_name_inside_a_longer_word_is_no_firm():
    assert "思科" not in _firms("当地引进沃思科技等激光企业。")
    assert "华为公司" in _firms("依托华为公司建设研发中心。")


def test_a_known_name_opening_on_the_measure_word_of_a_count_is_no_name():
    doc = make_document("开发区已聚集366家电子信息产业企业。", "全区还有十几家电子企业。")
    chains = {m.text: m.canonical for m in find_mentions(doc).mentions if m.type == "IndustryChain"}
    assert chains["电子信息产业"] == "电子信息"  # 家 counts the firms: no 家电 there
    assert "家电" not in chains
    found = find_mentions(make_document("众多家电企业在此集聚。")).mentions
    assert [m.canonical for m in found if m.type == "IndustryChain"] == ["家电"]  # 多 ends 众多, no count


def test_a_head_of_firms_before_an_inclusion_types_the_list():
    firms = _firms("全区已培育出多家行业领军企业，其中包括青枫联科、白鹭磁电、远帆硅光以及岚启消防等。")
    assert {"青枫联科", "白鹭磁电", "远帆硅光", "岚启消防"} <= firms
    assert {"澜汀科技", "禾岳光电"} <= _firms("园区还涌现出一批上市科技型企业，如澜汀科技、禾岳光电等。")


def test_a_head_of_firms_before_a_list_of_other_things_types_nothing():
    assert not _firms("这些企业包括芯片、模组等产品。")
    assert not _firms("支持龙头企业，如研发、生产等。")


def test_firms_standing_for_an_industry_are_firms():
    firms = _firms("当地已形成以京达智能、博远科技为代表的电子信息产业集群。")
    assert {"京达智能", "博远科技"} <= firms
    assert not _firms("当地以高端装备、智能传感为代表的新兴产业快速发展。")


def test_firms_counted_in_jia_before_a_supplier_head_are_the_suppliers():
    firms = _firms("园区引进了岚峰、九头鸟车业、云杉精工、青禾车业等50余家配套企业。")
    assert {"岚峰", "九头鸟车业", "云杉精工", "青禾车业"} <= firms


def test_what_suppliers_supply_is_no_firm_even_counted():
    assert not _firms("园区集聚了电池、电机、电控等30余家配套企业。")


def test_firms_listed_after_their_tie_to_another_firm_without_deng():
    firms = _firms("成功引入青峰电工上下游关联企业北辰电缆、云杉电气、远帆线缆。")
    assert {"北辰电缆", "云杉电气", "远帆线缆"} <= firms
    assert "扬帆实业" in _firms("引进星湖化工下游关联企业扬帆实业。")


def test_a_clause_after_a_tie_word_names_no_firm():
    assert not _firms("园区配套企业发展壮大。", "推动配套企业新材料研发。")


def test_words_introducing_examples_and_our_district_are_left_out_of_a_name():
    firms = _firms("园区聚集了多家高新技术企业，比如青枫客车、白鹭化工等企业。")
    assert "青枫客车" in firms
    assert "比如青枫客车" not in firms
    assert "白鹭微电科技有限公司" in _firms("我县白鹭微电科技有限公司负责省级中心的运营。")
    assert "青禾建材集团公司" in _firms("该院1999年改企加入青禾建材集团公司。")


def test_a_registered_name_may_end_in_a_word_of_business():
    assert "青禾高新发展有限公司" in _firms("青禾高新发展有限公司总经理介绍了园区的情况。")
    assert "白鹭恒远投资发展有限公司" in _firms("项目由白鹭恒远投资发展有限公司等企业共同发起。")


def test_a_count_or_a_standing_after_deng_leaves_the_last_member_whole():
    firms = _firms("设计环节集聚了青枫芯、白鹭微等近60家企业。")
    assert "白鹭微" in firms
    assert "白鹭微等近" not in firms
    firms = _firms("园区形成了以青枫、白鹭半导体等企业为代表的封测企业群。")
    assert "白鹭半导体" in firms
    assert "白鹭半导体等企业" not in firms


def test_makers_introduce_a_list_of_firms():
    firms = _firms("这里不乏许多龙头大厂诸如青枫光电、白鹭电子、远帆科技等。")
    assert {"青枫光电", "白鹭电子", "远帆科技"} <= firms


def test_a_quoted_name_after_the_kind_of_firm_is_a_firm():
    firms = _firms("园区引进了独角兽企业“青枫微电子”、医疗设备研发公司“白鹭科技”和“远帆乐斯”。")
    assert {"青枫微电子", "白鹭科技", "远帆乐斯"} <= firms
    assert "医疗设备研发公司" not in firms
    assert "Acme Optics Limited" in _firms("另有瑞典光学仪器公司“Acme Optics Limited”等。")


def test_quoted_labels_after_firms_are_no_firms():
    assert not _firms("推动企业“走出去”，鼓励企业“上云”，支持企业“智改数转”。")


def test_a_state_works_is_a_firm_but_a_kind_of_plant_is_none():
    assert "国营青峰机械厂" in _firms("公司的前身是1970年在某县设立的国营青峰机械厂。")
    assert not _firms("镇上有国营农场和国营工厂，还有一座国营电厂。")


def test_a_works_written_with_its_place_is_a_firm_but_a_plant_being_built_is_none():
    firms = _firms("镇政府与宁波青峰磁性材料厂签订合同。", "哈尔滨锅炉厂和哈尔滨电机厂是老牌企业。")
    assert {"宁波青峰磁性材料厂", "哈尔滨锅炉厂", "哈尔滨电机厂"} <= firms
    assert not _firms("合肥将建设一座新的水泥厂。", "该市有多家化工厂。")


def test_works_of_metals_textiles_and_power_written_with_their_place_are_firms():
    firms = _firms("包头铝厂、包头棉纺厂等重点企业相继建成。", "由沈阳冶炼厂高纯金属车间组建。")
    assert {"包头铝厂", "包头棉纺厂", "沈阳冶炼厂"} <= firms
    assert not _firms("该县将新建一座热电厂和一座冶炼厂。")


def test_a_firm_of_two_characters_after_its_kind_loses_the_kind():
    assert "青枫集团" in _firms("中心由某市驻外企业青枫集团联合两所大学共建。")
    assert "白鹭远航企业集团有限公司" in _firms("白鹭远航企业集团有限公司位于城东。")


def test_a_count_of_firms_may_stand_before_a_clause_that_describes_them():
    firms = _firms("园区拥有青枫、白鹭生物、远帆药业等30多家研发实力强、成长性好的规模医药企业。")
    assert {"青枫", "白鹭生物", "远帆药业"} <= firms
    assert {"青枫", "白鹭"} <= _firms("早年这里布局了青枫、白鹭等一批极具影响力的“老字号”企业。")


def test_a_count_of_other_things_before_such_a_clause_types_no_firms():
    assert not _firms("园区建成青枫、白鹭等20多个功能完善、配套齐全的标准化厂房。")


def test_suppliers_listed_beside_leading_firms_are_firms():
    firms = _firms("新区已引进青枫股份、白鹭科技等龙头企业和远帆石英坩埚、嘉禾包材等配套企业。")
    assert {"青枫股份", "白鹭科技", "远帆石英坩埚", "嘉禾包材"} <= firms
    assert not any("企业" in name or name.startswith("和") for name in firms)


def test_what_suppliers_make_beside_leading_firms_is_no_firm():
    firms = _firms("新区已引进青枫股份、白鹭科技等龙头企业和电池、电机、电控等配套企业。")
    assert not {"电池", "电机", "电控"} & firms
    assert not any("企业" in name for name in firms)


def test_an_industry_inside_a_clause_before_the_head_does_not_type_a_list_of_firms():
    sentence = "园区已集聚了包括江南精密合金、宏达铝业、华海纤维材料等一批与船舶产业相关的零部件加工企业。"
    mentions = find_mentions(make_document(sentence)).mentions
    firms = {m.written for m in mentions if m.type == "Enterprise"}
    assert {"江南精密合金", "宏达铝业", "华海纤维材料"} <= firms
    assert not any(m.type == "IndustryChain" and m.written in firms for m in mentions)
    assert {"青枫数码", "远帆光电"} <= _firms("青枫数码、远帆光电等一批研发投入大、成长性好的企业落户。")


def test_a_clause_before_a_head_of_other_things_names_no_firms():
    assert not _firms("发布了青枫合金、白鹭合金等一批与新材料产业相关的技术成果。")


def test_a_firm_between_two_commas_is_read_whole():
    firms = _firms("本地依托青枫集团、九一客车、白鹭汽车、远帆实业等企业，壮大汽车产业。")
    assert {"九一客车", "白鹭汽车", "远帆实业"} <= firms
    assert "客车" not in firms
    assert "千和集团" in _firms("聚集了青枫集团、千和集团、白鹭电器等一批知名企业。")
    assert "AB Optics" in _firms("引进了青枫电子、AB Optics、白鹭显示等大型企业。")


def test_a_joiner_after_one_character_is_part_of_the_first_firm():
    assert "信和航云" in _firms("园区里，信和航云、白鹭科技等一批高科技企业在此落户。")
    assert not any(name.startswith("并与") for name in _firms("青枫集团，并与白鹭科技、远帆电子等企业合作。"))


def test_verbs_and_countries_before_a_firm_between_commas_stay_out_of_its_name():
    firms = _firms("全市已招引、落地青枫、白鹭、远帆4家智能网联整车企业。")
    assert {"青枫", "白鹭", "远帆"} <= firms
    assert "落地青枫" not in firms
    assert "德国白鹭" not in _firms("包括青枫、德国白鹭、远帆科技等行业巨头。")


def test_firms_standing_for_a_field_are_firms():
    assert {"青枫环保", "白鹭电气"} <= _firms("拥有以青枫环保、白鹭电气为代表的环境领域行业重点企业40家。")


def test_a_brand_glued_to_a_known_trade_after_a_known_firm_is_a_firm():
    firms = _firms("开发区引来科大讯飞、阳光电源、青枫新材料等一批回报快的外资项目。")
    assert "青枫新材料" in firms
    assert "新材料" not in firms
    assert not _firms("我们重点发展人工智能、先进新材料等，前景广阔。")


def test_a_headless_list_of_mostly_known_firms_types_its_whole_unknown_members():
    firms = _firms("园区目前汇聚了科大讯飞、阳光电源、青枫飞腾、白鹭通达。")
    assert {"青枫飞腾", "白鹭通达"} <= firms
    # a university among them shows a list of bodies of all kinds; a last member cut off
    # at a line's end may be cut short
    assert "青枫飞腾" not in _firms("代表团参观了科大讯飞、阳光电源、中国科学技术大学、青枫飞腾。")
    assert "白鹭通" not in _firms("园区目前汇聚了科大讯飞、阳光电源、青枫飞腾、白鹭通")


def test_a_coined_brand_before_a_kind_word_of_firms_is_a_firm():
    assert "青枫医疗" in _firms("目前已有青枫医疗、白鹭科技、远帆生物等一批公司入驻。")
    assert not _firms("推动智慧医疗、数字医疗等企业做大做强。")


def test_a_short_proper_name_between_two_known_firms_is_a_firm():
    assert "三星" in _firms("它的客户有科大讯飞、三星、阳光电源、青枫集团等，合作紧密。")
    assert "信息" not in _firms("它的客户有科大讯飞、信息、阳光电源、青枫集团等，合作紧密。")


def test_half_known_firms_under_a_long_head_of_firms_type_the_others():
    firms = _firms("近年来，已引进宁德时代、比亚迪、远景科技、飞墨科技等新能源电池领域核心技术企业。")
    assert {"远景科技", "飞墨科技"} <= firms
    # trades listed beside known firms are no firms, whatever the head
    assert not {"储能电池", "动力电池"} & _firms("已引进宁德时代、比亚迪、储能电池、动力电池等新能源电池领域企业。")


def test_one_firm_named_by_brand_and_trade_stands_for_a_known_industry():
    assert "金晶科技" in _firms("石嘴山培育形成了以金晶科技为代表的光伏产业。")
    # one name that is no firm's stands for the industry as anything else may
    assert not _firms("形成以汽车电子为代表的电子信息产业。")


def test_a_firm_written_after_its_country_and_de_goes_on_a_list():
    firms = _firms("目前已有美国青枫、日本白鹭和中国香港的远帆等100多家中外企业在此办厂。")
    assert {"青枫", "白鹭", "远帆"} <= {name.removeprefix("美国").removeprefix("日本") for name in firms}
    assert not _firms("我们学习了美国的经验、日本的做法等内容。")
