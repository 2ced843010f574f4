"""Research bodies, platforms and facilities on invented sentences: counts and dates stay out
of their names, a joiner before a place joins two partners, a province's designation is no
centre, kinds and plants are no scientific facility, and a school named by its discipline
alone is no university."""

from test_mentions_helpers import mentions_by_canonical as _by_canonical


def test_a_count_or_a_year_before_a_kind_names_no_body():
    found = _by_canonical(
        "该省已布局建设5家省创新实验室，拥有3大国家级实验室。",
        "公布了2025年度青柳省技术创新中心评价结果，全省有80家省技术创新中心。",
    )
    assert not any(name.startswith(("家", "大", "年度")) for name in found)
    assert not any(name.endswith(("实验室", "技术创新中心")) for name in found)


def test_a_joiner_before_a_place_or_after_a_government_joins_two_partners():
    found = _by_canonical(
        "近年来，云杉市与合肥青柳材料技术研究院不断深化合作。",
        "签署《某区人民政府与青柳工业技术创新研究院共建协议》。",
    )
    assert found["合肥青柳材料技术研究院"].type == "ResearchInstitute"
    assert found["青柳工业技术创新研究院"].type == "ResearchInstitute"
    assert not any("与" in name for name in found)


def test_kinds_of_facility_and_plants_by_capacity_are_no_scientific_facility():
    found = _by_canonical(
        "青柳大会国家重大科技基础设施专场今天举办。",
        "二是专用研究设施，三是公共实验平台。",
        "园区建成万吨海水淡化装置和百余台机器人装置，青柳石化百万吨乙烯装置投产。",
        "合肥青柳光源和云杉托卡马克核聚变实验装置开放运行。",
    )
    assert not any(
        m.type == "LargeScientificFacility"
        for name, m in found.items()
        if "青柳光源" not in name and "云杉" not in name
    )
    assert found["合肥青柳光源"].type == "LargeScientificFacility"
    assert found["云杉托卡马克核聚变实验装置"].type == "LargeScientificFacility"


def test_a_school_named_by_its_discipline_is_no_university_unless_its_university_opens_it():
    found = _by_canonical("信息工程学院、智能制造学院参加。", "青松理工大学机械工程学院副院长出席。")
    assert not any(name in ("信息工程学院", "智能制造学院", "机械工程学院") for name in found)
    assert found["青松理工大学机械工程学院"].type == "University"


def test_points_of_a_list_and_verbs_of_issuing_stay_out_of_names():
    found = _by_canonical(
        "青柳省现有国家重点实验室16个。",
        "为此，省科技厅专门出台省级实验室重组方案。",
        "成果从这里迅速走出实验室。",
        "这个省级技术创新中心带动明显，省级乃至国家级孵化器增多。",
    )
    assert not any(m.type in ("Laboratory", "InnovationPlatform") for m in found.values())


def test_a_kind_of_body_in_apposition_and_a_ranking_stay_out_of_names():
    found = _by_canonical(
        "依托青柳省专业研发机构云杉稀土研究院开展攻关。",
        "该公司建成全球第二大影像设备研发中心。",
    )
    assert found["云杉稀土研究院"].type == "ResearchInstitute"
    assert not any(name.startswith(("专业", "研发机构")) for name in found)
    assert not any(name.endswith("研发中心") for name in found)


def test_a_fields_two_joined_verbs_stay_in_a_labs_name():
    found = _by_canonical("青柳药用资源保护与利用国家重点实验室位于滇池畔。")
    assert found["青柳药用资源保护与利用国家重点实验室"].type == "Laboratory"


def test_a_verb_joined_to_another_verb_opens_no_lab_name():
    found = _by_canonical("该省大力发展与利用国家重点实验室的成果。")
    assert not any(name.startswith(("发展", "利用")) for name in found)


def test_a_state_key_lab_co_built_by_a_province_and_a_ministry_keeps_those_words():
    found = _by_canonical(
        "省部共建青柳能源材料国家重点实验室依托青柳大学建设。", "青柳大学省部共建国家重点实验室通过评估。"
    )
    assert found["省部共建青柳能源材料国家重点实验室"].type == "Laboratory"
    assert "省部共建国家重点实验室" not in found  # a kind, with no field of its own
