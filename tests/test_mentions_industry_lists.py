"""Industries and firms named by the shape of the text, shown on invented sentences (no
page text): siblings of known industries in a field list or after a verb of scope, sectors
before 板块 and 赛道, members before 制造业, "以A、B为核心的…产业" lists, the economies of
a sector, longer vocabulary industries, firms opening a chain name or a list, and short
company names in market reports."""

from test_mentions_helpers import mentions_by_text as _by_text


def test_unknown_members_of_a_field_list_of_industries_are_industries():
    # 智能制造 and 现代金融 are known industries: their siblings are industries too.
    found = _by_text("合作内容涉及智能制造、现代金融、星海能源、云岭康养等领域。")
    assert found["星海能源"].type == "IndustryChain"
    assert found["云岭康养"].type == "IndustryChain"
    assert found["现代金融"].type == "IndustryChain"  # 涉及 is a verb, not a joiner


def test_sciences_and_techniques_beside_industries_are_not_industries():
    found = _by_text("这批签约项目覆盖智能制造、现代金融、组织医学、翠湖技术等领域。")
    assert "组织医学" not in found and "翠湖技术" not in found


def test_a_list_joined_whole_to_one_industry_is_no_list_of_its_siblings():
    # "A与B、C、D": B, C and D are what A is merged with, not A's siblings.
    found = _by_text("推动人工智能与星海能源、云岭康养、翠湖服务等领域深度融合。")
    assert not {"星海能源", "云岭康养", "翠湖服务"} & set(found)


def test_members_before_sectors_are_industries():
    found = _by_text("该项目将布局矿山装备、轨道装备等板块。")
    assert found["矿山装备"].type == "IndustryChain"
    assert found["轨道装备"].type == "IndustryChain"


def test_boards_of_a_market_and_counted_parts_are_no_sectors():
    found = _by_text(
        "主板、创业板、科创板等板块指数今日集体下跌。",
        "园区布局有前沿研究、公共平台、样板工厂三大核心板块。",
    )
    assert not {"主板", "创业板", "科创板", "样板工厂", "前沿研究"} & set(found)


def test_members_before_a_manufacturing_head_are_industries():
    found = _by_text("加快发展星海船舶、云岭车辆等先进制造业。")
    assert found["星海船舶"].type == "IndustryChain"


def test_firms_leading_a_manufacturing_industry_stay_firms():
    found = _by_text("形成了以青柳科技、白杨电子等为龙头的晶圆制造业。")
    assert found["青柳科技"].type == "Enterprise"


def test_what_an_industry_is_built_around_are_industries():
    found = _by_text("新区着力培育以星海传感和云岭终端为核心的感知产业。")
    assert found["星海传感"].type == "IndustryChain"
    assert found["云岭终端"].type == "IndustryChain"


def test_parts_and_services_a_named_chain_is_mainly_made_of_are_its_segments():
    # 船舶 names the chain after 为主的: parts and materials are its segments, and the first
    # member is read whole from 以 on, not only its known tail (新材料).
    found = _by_text("该区形成了以船舶零部件、船用新材料、游艇服务为主的船舶产业。")
    assert found["船舶零部件"].type == "IndustryChain"
    assert found["船用新材料"].type == "IndustryChain"


def test_systems_a_named_chain_is_built_around_are_its_segments():
    # A vehicle's systems (电驱系统, 底盘系统) are what its chain is made of, as parts are.
    found = _by_text("该区形成了以电驱系统、底盘系统为核心的新能源汽车产业集群。")
    assert found["电驱系统"].type == "IndustryChain"
    assert found["底盘系统"].type == "IndustryChain"


def test_a_quoted_list_an_industry_is_built_around_is_read_inside_its_quotes():
    found = _by_text("园区以“星海传感、云岭终端、翠湖深加工”为主导产业。")
    assert found["翠湖深加工"].type == "IndustryChain"


def test_what_a_system_of_industries_is_mainly_made_of_is_left_alone():
    # 为主 before 产业体系 ranks what the system holds: stages and products, no industries.
    found = _by_text("该市健全以高端储能电池制造、光伏发电集成为主的特色光伏产业体系。")
    assert "高端储能电池制造" not in found and "光伏发电集成" not in found


def test_places_and_single_themes_an_industry_is_built_around_are_not_industries():
    found = _by_text("新城打造以青柳区、白杨区为核心的产业带。", "新区争创以湖泊为特色的高技术产业示范区。")
    assert all(found[name].type != "IndustryChain" for name in ("青柳区", "白杨区") if name in found)
    assert "湖泊" not in found


def test_the_economy_of_a_sector_is_an_industry_wherever_it_stands():
    found = _by_text("青柳湾的海洋经济增长较快，银发经济也在起步。")
    assert found["海洋经济"].type == "IndustryChain"
    assert found["银发经济"].type == "IndustryChain"


def test_economies_of_a_format_or_place_are_industries_only_in_lists():
    found = _by_text("全市加快建设总部经济集聚区，发展夜间经济。")
    assert "总部经济" not in found and "夜间经济" not in found


def test_an_industry_before_its_core_industries_is_named():
    found = _by_text("统计显示全市人工智能核心产业规模突破百亿元。")
    assert found["人工智能"].type == "IndustryChain"


def test_market_reports_name_firms_before_how_their_stock_moved():
    found = _by_text("盘面上，星岚科技跌5.2%，云杉股份涨停。")
    assert found["星岚科技"].type == "Enterprise"
    assert found["云杉股份"].type == "Enterprise"
    assert "数字科技" not in _by_text("板块方面，数字科技跌幅居前。")


def test_a_longer_industry_of_the_vocabulary_wins_over_the_known_one_it_ends_in():
    found = _by_text("青柳湾着力培育海洋生物医药、深海装备等新兴产业。")
    assert found["海洋生物医药"].type == "IndustryChain"
    assert "生物医药" not in found


def test_a_verb_before_a_known_industry_is_no_part_of_a_longer_name():
    found = _by_text("学院建成一批平台，服务机器人和新能源汽车两大产业。")
    assert "服务机器人" not in found and found["机器人"].type == "IndustryChain"


def test_a_firm_that_opens_a_chain_name_is_a_firm_of_its_own():
    found = _by_text("支持京东方云屏产业做大做强。")
    assert found["京东方"].type == "Enterprise"
    assert found["云屏产业"].canonical == "云屏"


def test_siblings_of_known_industries_after_a_scope_verb_are_industries():
    found = _by_text("园区重点发展云岭智造、星海大健康、新能源和集成电路。")
    assert found["云岭智造"].type == "IndustryChain"
    assert found["星海大健康"].type == "IndustryChain"  # named whole, not 大健康


def test_a_list_of_three_with_one_comma_and_a_joiner_after_a_scope_verb_lists_industries():
    # "A、B和C": two chunks between the commas, the last one joined by 和.
    found = _by_text("星海组团重点发展装备制造、云岭电气和集成电路。")
    assert found["云岭电气"].type == "IndustryChain"


def test_a_headless_list_whose_member_holds_de_is_no_list_of_industries():
    # "一批国内知名的A、B和C企业": the members qualify firms after a clause.
    found = _by_text("园区集聚了一批国内知名的动力电池、新能源和智能网联汽车企业。")
    assert "国内知名的动力电池" not in found


def test_a_list_of_directions_after_xiang_lists_industries():
    found = _by_text("青柳市化工产业将向氟硅新材料、精细化工、电池材料方向发展。")
    assert found["氟硅新材料"].type == "IndustryChain"
    assert found["精细化工"].type == "IndustryChain"


def test_a_list_spelled_out_after_ji_lists_industries():
    found = _by_text("该市“光芯屏端网”（即光通信、集成电路、智能终端、新型显示、网络信息服务）产业规模扩大。")
    assert found["网络信息服务"].type == "IndustryChain"


def test_a_last_member_joined_by_he_is_read_apart_from_the_one_before():
    # "应用和服务" is two members; read as one, the joined-chain split made two bare chains.
    found = _by_text("青柳集群覆盖光电产业研发、制造、检测、应用和服务等环节。")
    assert not {"应用", "服务"} & set(found)


def test_a_headless_list_that_qualifies_a_head_takes_no_member_with_it():
    found = _by_text("该区已建立覆盖晶圆制造、芯片设计、封装测试的完备产业链。")
    assert "封装测试" in found
    assert not [name for name in found if name.endswith("产业链")]


def test_a_subject_ranked_as_a_places_leading_industry_is_an_industry():
    found = _by_text("海洋化工是青柳市的当家产业。")
    assert found["海洋化工"].type == "IndustryChain"
    assert "当家" not in found  # a rank, not an industry
    assert not _by_text("今年是青柳市主导产业发展关键年。")
    # what a place takes as its leading industry (以…为核心产业)
    assert _by_text("合肥市以星海制造为核心产业。")["星海制造"].type == "IndustryChain"
    assert _by_text("青柳县把生态旅游作为全县首位产业。")["生态旅游"].type == "IndustryChain"


def test_directions_of_manner_are_no_industries():
    found = _by_text("推动工业向智能化、高端化、绿色化方向发展。")
    assert not {"高端化", "智能化", "绿色化"} & set(found)


def test_headless_lists_of_unknown_names_or_with_a_firm_are_not_industries():
    found = _by_text("园区涵盖青柳科技、白杨数智、星海文创和翠湖研学。", "园区聚焦京东方、云岭智造、新能源和集成电路。")
    assert not {"青柳科技", "白杨数智", "云岭智造"} & {t for t, m in found.items() if m.type == "IndustryChain"}


def test_an_industry_of_the_vocabulary_ending_in_a_stop_word_names_its_chain():
    # 服务 stops the word rules, but 信息技术服务 is an industry of the classification.
    found = _by_text("青柳市加快培育信息技术服务产业集群。")
    assert found["信息技术服务产业集群"].canonical == "信息技术服务"


def test_members_before_a_race_track_are_industries():
    found = _by_text("抢抓星海经济、云岭机器人等新赛道。")
    assert found["云岭机器人"].type == "IndustryChain"


def test_leading_industries_named_as_a_county_s_pillars_are_industries():
    found = _by_text("全县以星海装备、云岭食品加工为主导产业，加快转型发展。")
    assert found["星海装备"].type == "IndustryChain"
    assert found["云岭食品加工"].type == "IndustryChain"


def test_the_pillars_of_a_city_s_industrial_system_are_industries():
    # 工业 heads the phrase as 产业 does: "以A、B为支柱的工业体系".
    found = _by_text("该市形成了以星海装备、云岭冶炼为支柱的工业体系。")
    assert found["星海装备"].type == "IndustryChain"
    assert found["云岭冶炼"].type == "IndustryChain"


def test_a_one_character_verb_before_the_first_firm_of_a_list_is_no_part_of_it():
    found = _by_text("展会上，率星海科技等企业亮相。")
    assert found["星海科技"].type == "Enterprise"
    assert "率星海科技" not in found


def test_coined_brands_before_a_trade_under_an_industry_head_are_firms():
    # 集成电路产业 qualifies the firms (独角兽企业): the members are firms named by brand + trade.
    found = _by_text("园区已引进云芯电子、华拓微电子、星澜半导体等芯片产业独角兽入库企业。")
    for name in ("云芯电子", "华拓微电子", "星澜半导体"):
        assert found[name].type == "Enterprise"


def test_one_firm_among_members_standing_for_a_chain_makes_them_firms():
    found = _by_text("该地形成了中能西北化工、鲁能等为代表的煤化工产业链。")
    assert found["中能西北化工"].type == "Enterprise"
    assert found["鲁能"].type == "Enterprise"


def test_industries_named_by_a_common_word_before_a_trade_stay_industries():
    found = _by_text("全市形成了汽车电子、功率半导体、消费电子等集成电路产业链。")
    for name in ("汽车电子", "功率半导体", "消费电子"):
        assert found[name].type == "IndustryChain"


def test_a_relative_clause_before_the_first_product_is_no_part_of_it():
    found = _by_text("其份额居前列，所产电力机车、城轨车辆、铁路货车等轨道交通产品远销多国。")
    assert "电力机车" in found and not any(text.startswith("所") for text in found)


def test_a_count_of_firms_under_an_industry_head_makes_the_members_firms():
    found = _by_text("云岭光谷、青柳智造等5家光电产业骨干已签约落户。")
    assert found["云岭光谷"].type == "Enterprise"


def test_the_jia_of_guojia_counts_no_firms():
    found = _by_text("工业和信息化部近日发布30个国家先进制造业集群。")
    assert not any(m.type == "Enterprise" for m in found.values())


def test_listed_industries_written_with_chan_ye_are_named_without_it():
    # Known industries each written with 产业: the list names them as the industry-chain
    # rule does, 集成电路, not 集成电路产业.
    chains = {m.canonical for m in _by_text("该区做强集成电路产业、人工智能产业、低空经济产业等三大产业。").values()}
    assert {"集成电路", "人工智能", "低空经济"} <= chains
    assert not any(c.endswith("产业") for c in chains)


def test_a_verb_between_a_list_and_its_count_stays_out_of_the_last_member():
    found = _by_text("全县海工装备、种业产业形成两大特色产业。")
    assert not any(name.endswith("形成") for name in found)
    assert found["种业产业"].canonical == "种业"


def test_a_verb_written_on_with_the_scope_verb_stays_out_of_the_first_member():
    # "培育|发展|A、B、C": 发展 belongs to the verb.
    found = _by_text("该县将积极培育发展低空经济、人工智能、星海康养。")
    assert not any(name.startswith("发展") for name in found)


def test_a_quoted_count_or_label_between_a_list_and_its_head_closes_a_list_of_industries():
    found = _by_text(
        "全力围绕云岭康养、星海文旅、翠湖医药、青川材料“四新”产业，打造特色产业生态。",
        "着力壮大海岸装备、云岭食品、青川智造“三大优势产业”，力争规模再上台阶。",
        "重点打造“星海光储、翠湖氢能”两个千亿级产业，不断提升能级。",
    )
    listed = ["云岭康养", "星海文旅", "翠湖医药", "青川材料", "海岸装备", "云岭食品", "青川智造"]
    for name in [*listed, "星海光储", "翠湖氢能"]:
        assert found[name].type == "IndustryChain", name


def test_a_quoted_count_before_no_industry_head_closes_no_list_of_industries():
    found = _by_text(
        "推动星海光储、翠湖氢能“十四五”产业规划落地。",
        "促进创新链、星海链、翠湖链“三链融合”。",
        "引进“星海光电、翠湖微纳”两家企业落户园区。",
    )
    assert not any(m.type == "IndustryChain" for name, m in found.items() if "星海" in name or "翠湖" in name)


def test_two_short_words_joined_in_a_quoted_count_list_are_one_industry_not_two():
    # "生物与医药" is one industry's name written with a joiner: neither word is a member alone.
    found = _by_text("重点发展海岸装备、生物与医药、云岭食品加工“三大主导产业”。")
    assert found["云岭食品加工"].type == "IndustryChain"
    assert "生物" not in found and "医药" not in found


def test_a_member_the_vocabulary_knows_whole_is_read_whole_after_its_list_mark():
    # The word rules cut 服务外包 at 外包 and 汽车后市场 at 后市场; after a joiner or a 、 the
    # vocabulary's term is the member.
    found = _by_text(
        "该区着力培育星海材料、翠湖精密装备和服务外包等产业。",
        "打通从整车到电驱、星海电控、汽车后市场等全产业链。",
    )
    for name in ("服务外包", "翠湖精密装备", "星海电控", "汽车后市场"):
        assert found[name].type == "IndustryChain", name


def test_a_count_before_the_head_is_no_part_of_the_last_member():
    # "…和服务外包三大产业": 三大 counts the list; no industry is named "包三大".
    found = _by_text("该区培育星海能源、软件开发和服务外包三大产业。")
    assert not [name for name in found if "三大" in name]
    assert found["服务外包"].type == "IndustryChain"


def test_members_counted_in_tiao_before_chains_are_industries():
    # 条 counts chains as 个 and 大 do: "A、B、C三条重点产业链"
    found = _by_text("云岭市打造星海材料、翠湖碳基材料、光芯装备三条重点产业链。")
    assert {found[name].type for name in ("星海材料", "翠湖碳基材料", "光芯装备")} == {"IndustryChain"}


def test_members_listed_before_a_joined_pair_of_industries_are_industries():
    found = _by_text("青柳市发展星海材料、光芯装备、云杉药剂及精细化工产业。")
    assert {found[name].type for name in ("星海材料", "光芯装备", "云杉药剂", "精细化工产业")} == {"IndustryChain"}
    assert "青柳市" not in {n for n, m in found.items() if m.type == "IndustryChain"}


def test_projects_of_an_industry_are_built_by_firms_not_industries():
    # "等一批产业龙头项目": the members build the industry's leading projects.
    found = _by_text("引建了沃科、岚旺、福瑞邦等一批产业龙头项目。")
    assert all(found[name].type != "IndustryChain" for name in ("沃科", "岚旺", "福瑞邦") if name in found)
    assert found["沃科"].type == "Enterprise"


def test_a_list_closed_by_deng_before_a_role_lists_what_an_industry_is_made_of():
    # No 以 before the list: 等 closes it ("A、B等为主的C产业集群").
    found = _by_text("该区做大星海传感器、云岭终端、翠湖服务器等为主的电子信息产业集群。")
    assert all(found[name].type == "IndustryChain" for name in ("星海传感器", "云岭终端", "翠湖服务器"))


def test_members_before_a_long_known_chain_and_its_industry_noun_are_industries():
    # 菱镁新材料 is longer than the few modifiers a head of industries may carry; the chain
    # and 产业集群 after it still say what the members are.
    found = _by_text("该园重点发展镁合金、镁建材、镁化工等菱镁新材料产业集群。")
    assert found["镁建材"].type == "IndustryChain"
    assert found["镁合金"].type == "IndustryChain"


def test_firms_before_a_long_known_chain_stay_firms():
    found = _by_text("合肥集聚了比亚迪、青柳汽车等新能源汽车产业链企业。")
    assert found["比亚迪"].type == "Enterprise"
    assert "青柳汽车" not in found or found["青柳汽车"].type == "Enterprise"


def test_a_vocabulary_industry_before_a_named_one_shares_its_industry_word():
    # "新能源、新材料产业": no 等, but 产业 closes both; 新能源 is an industry of the vocabulary
    found = _by_text("青柳市的新能源、新材料产业已成规模。")
    assert found["新能源"].type == "IndustryChain"
    # a word the vocabulary does not know is left out
    assert "改革" not in _by_text("青柳市推进改革、新材料产业。")
