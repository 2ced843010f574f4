"""Hosts and their units, on invented sentences: a national centre or a 中科 institute
written right after its host is a name of its own; an academy's key laboratory keeps the
academy; a branch centre or base a university opens in another city; a verb 建 glued to
the town before a platform's name."""

from test_mentions_helpers import mentions_by_canonical as _by_canonical


def test_a_national_centre_after_its_university_is_a_name_of_its_own():
    found = _by_canonical("南昌大学国家青柳材料工程技术研究中心通过验收。")
    assert found["南昌大学"].type == "University"
    assert found["国家青柳材料工程技术研究中心"].type == "InnovationPlatform"


def test_a_cas_branded_institute_after_an_unknown_institute_is_split_off():
    found = _by_canonical("某某光电研究所中科云杉创新研究院在芜湖揭牌。")
    assert found["某某光电研究所"].type == "ResearchInstitute"
    assert found["中科云杉创新研究院"].type == "ResearchInstitute"


def test_an_academy_keeps_its_key_laboratory_and_its_national_centres():
    found = _by_canonical("依托中国科学院青柳信息重点实验室开展研究。", "中国科学院国家授时中心在西安。")
    assert found["中国科学院青柳信息重点实验室"].type == "Laboratory"
    assert "青柳信息重点实验室" not in found
    assert "中国科学院国家授时中心" in found


def test_a_university_science_park_keeps_its_university():
    found = _by_canonical("设立东南大学国家大学科技园芜湖双创基地。")
    assert found["东南大学国家大学科技园芜湖双创基地"].type == "InnovationPlatform"


def test_a_branch_centre_names_its_parent_organisation():
    found = _by_canonical("挂牌成立某某药科大学技术转移芜湖分中心。", "支持本市建设警务大数据芜湖分中心。")
    assert found["某某药科大学技术转移芜湖分中心"].type == "InnovationPlatform"
    assert not any(name.endswith("警务大数据芜湖分中心") for name in found)


def test_an_incubation_base_is_a_platform_and_a_kind_of_base_is_not():
    found = _by_canonical("建设青柳高新区离岸产业孵化基地。", "打造一批科技创业孵化基地。")
    assert found["青柳高新区离岸产业孵化基地"].type == "InnovationPlatform"
    assert not any(name.endswith("科技创业孵化基地") for name in found)


def test_the_verb_glued_to_a_town_does_not_open_the_platforms_name():
    found = _by_canonical("青柳镇建先进碳材料创新中心。")
    assert "先进碳材料创新中心" in found
    assert not any(name.startswith("青柳镇建") for name in found)


def test_an_academys_branch_in_a_city_keeps_the_academy():
    found = _by_canonical("青柳省科学院芜湖分院成立。", "市中医院城南分院开诊。")
    assert found["青柳省科学院芜湖分院"].type == "ResearchInstitute"
    assert not any(name.endswith("城南分院") for name in found)


def test_an_institute_of_science_and_technology_is_one_name():
    found = _by_canonical("某市成立青柳信息科学与技术研究院。", "依托中国科学院青柳光科学与技术重点实验室。")
    assert found["青柳信息科学与技术研究院"].type == "ResearchInstitute"
    assert found["中国科学院青柳光科学与技术重点实验室"].type == "Laboratory"


def test_a_branch_base_of_an_institute_keeps_its_owner():
    found = _by_canonical("青柳大学张江研究院芜湖双基地揭牌。")
    assert found["青柳大学张江研究院芜湖双基地"].type == "InnovationPlatform"


def test_a_comprehensive_institute_and_a_carrying_verb_name_nothing():
    found = _by_canonical("打造一座综合性研究院。", "建设承载公共服务平台。")
    assert not any(name.endswith(("综合性研究院", "承载公共服务平台")) for name in found)


def test_a_city_alias_of_an_academys_institute_does_not_cut_a_universitys_institute():
    # 重庆研究院 alone names an academy's institute only in context; after a university's
    # name it ends that university's own institute.
    found = _by_canonical("天津大学重庆研究院与某某公司合作。")
    assert found["天津大学重庆研究院"].type == "ResearchInstitute"
    assert "中国科学院重庆绿色智能技术研究院" not in found


def test_an_academy_in_a_scientists_title_is_no_mention_and_named_alone_it_is():
    titled = _by_canonical("中国科学院院士张青柳团队研发新型电池。")
    named = _by_canonical("某某公司与中国科学院开展合作。")
    assert "中国科学院" not in titled
    assert named["中国科学院"].type == "ResearchInstitute"
