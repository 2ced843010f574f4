"""Named R&D centres and work platforms, joint laboratories with a partner country or a
quoted programme, and an academy's institute inside its regional academy, on invented
sentences; kinds of centre and platform stay unnamed."""

from test_mentions_helpers import mentions_by_canonical as _by_canonical


def test_a_named_rnd_centre_is_a_platform_and_a_kind_of_centre_is_not():
    found = _by_canonical("园区建成青柳光通信研发中心、云杉芯片技术研发中心和企业技术研发中心，鼓励设立海外研发中心。")
    assert found["青柳光通信研发中心"].type == "InnovationPlatform"
    assert found["云杉芯片技术研发中心"].type == "InnovationPlatform"
    assert not any(name.endswith(("企业技术研发中心", "海外研发中心")) for name in found)


def test_a_firms_legal_name_before_its_platform_is_a_name_of_its_own():
    found = _by_canonical("青柳药业集团有限公司抗体药物高通量研发平台项目开工。")
    assert found["青柳药业集团有限公司"].type == "Enterprise"
    assert found["抗体药物高通量研发平台"].type == "InnovationPlatform"


def test_a_work_platform_of_a_field_is_named_and_a_kind_of_platform_is_not():
    found = _by_canonical("建设青柳材料薄膜制备平台、科技成果转化平台、检验检测平台和大数据平台。")
    assert found["青柳材料薄膜制备平台"].type == "InnovationPlatform"
    assert not any(name.endswith(("成果转化平台", "检验检测平台", "大数据平台")) for name in found)


def test_a_joint_lab_holds_its_partner_country_and_its_quoted_programme():
    found = _by_canonical("某公司获批组建中国—青柳国云杉育种“一带一路”联合实验室。")
    assert found["中国—青柳国云杉育种“一带一路”联合实验室"].type == "Laboratory"


def test_a_quoted_programme_alone_before_a_kind_names_no_lab():
    found = _by_canonical("各地共建“一带一路”联合实验室。")
    assert not any("实验室" in name for name in found)


def test_an_institute_inside_a_regional_academy_is_named_with_the_academy():
    found = _by_canonical("中国科学院合肥物质科学研究院青柳物理研究所团队取得突破。")
    assert found["中国科学院合肥物质科学研究院"].type == "ResearchInstitute"
    assert found["中国科学院青柳物理研究所"].type == "ResearchInstitute"


def test_a_dash_between_kinds_joins_no_partners_and_between_names_it_does():
    found = _by_canonical("完善众创空间—孵化器—加速器链条，打造青柳—云杉科技园。")
    assert "众创空间—孵化器" not in found
    assert "青柳—云杉科技园" in found


def test_pilot_and_test_platforms_of_a_named_field_are_platforms_and_bare_kinds_are_not():
    found = _by_canonical("园区建成青柳柔性显示装备中试平台、云杉深海推进器试验平台，并鼓励企业建设中试平台。")
    assert found["青柳柔性显示装备中试平台"].type == "InnovationPlatform"
    assert found["云杉深海推进器试验平台"].type == "InnovationPlatform"
    assert not any(name == "中试平台" or name.endswith("建设中试平台") for name in found)


def test_named_computing_centres_transfer_centres_and_innovation_ports_are_platforms():
    found = _by_canonical("青柳智算中心、云杉膜技术转移中心和西岭科技创新港相继投用，另建一批大规模智算中心。")
    assert found["青柳智算中心"].type == "InnovationPlatform"
    assert found["云杉膜技术转移中心"].type == "InnovationPlatform"
    assert found["西岭科技创新港"].type == "InnovationPlatform"
    assert "大规模智算中心" not in found


def test_two_names_joined_by_ji_are_two_names():
    found = _by_canonical("青柳材料研究中心暨云杉膜技术转移中心揭牌。")
    assert found["云杉膜技术转移中心"].type == "InnovationPlatform"
    assert not any("暨" in name for name in found)


def test_a_lab_named_with_he_between_two_fields_is_one_name_and_a_known_name_before_he_is_not_in_it():
    found = _by_canonical("依托青柳湖泊和湿地工程国家重点实验室开展研究。", "清华大学和云杉材料国家重点实验室合作。")
    assert found["青柳湖泊和湿地工程国家重点实验室"].type == "Laboratory"
    assert found["清华大学"].type == "University"
    assert found["云杉材料国家重点实验室"].type == "Laboratory"


def test_incubators_stations_and_sci_tech_platforms_are_named_by_their_endings():
    found = _by_canonical(
        "青柳高新创业园与翠湖市科技创业服务中心联合孵化，白杉中法科创平台落户；"
        "研究所建成星河真空互联综合实验站。园区搭建高能级科创平台。"
    )
    assert found["青柳高新创业园"].subtype == "Incubator"
    assert found["翠湖市科技创业服务中心"].subtype == "Incubator"
    assert found["白杉中法科创平台"].type == "InnovationPlatform"
    assert found["星河真空互联综合实验站"].type == "LargeScientificFacility"
    assert not any(name.endswith("高能级科创平台") for name in found)


def test_a_field_joined_by_ji_before_an_innovation_promotion_centre_is_one_name():
    found = _by_canonical("两家单位签约共建云杉机器人及先进技术创新促进中心。")
    assert found["云杉机器人及先进技术创新促进中心"].type == "InnovationPlatform"
