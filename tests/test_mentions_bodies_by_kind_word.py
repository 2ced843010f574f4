"""Bodies typed by the word their kind ends in: innovation consortia, alliances, service
complexes and communities, academicians' workstations, general research institutes and
design institutes, graduate schools and trade schools, on invented sentences; the kinds
themselves, and a division's designation, name none."""

from test_mentions_helpers import mentions_by_canonical as _by_canonical


def test_named_consortia_alliances_and_complexes_are_platforms():
    found = _by_canonical(
        "青柳省云杉材料创新联合体、浙江省智能传感器产业技术创新战略联盟和浙江省纺织产业创新服务综合体相继揭牌。"
    )
    assert found["青柳省云杉材料创新联合体"].type == "InnovationPlatform"
    assert found["浙江省智能传感器产业技术创新战略联盟"].type == "InnovationPlatform"
    assert found["浙江省纺织产业创新服务综合体"].type == "InnovationPlatform"


def test_the_kind_of_consortium_and_a_regions_community_of_innovation_name_no_body():
    found = _by_canonical("各地将组建一批产业技术创新联合体，共建长三角科技创新共同体。")
    assert not any(m.type == "InnovationPlatform" for m in found.values())


def test_a_workstation_is_named_by_its_academician_or_body_and_a_provinces_is_a_designation():
    found = _by_canonical("青柳大学芜湖协同创新工作站和张青柳院士工作站揭牌，两站均入选安徽省院士工作站。")
    assert found["青柳大学芜湖协同创新工作站"].type == "InnovationPlatform"
    assert found["张青柳院士工作站"].type == "InnovationPlatform"
    assert "安徽省院士工作站" not in found


def test_general_and_design_institutes_are_institutes():
    found = _by_canonical("青柳钢铁研究总院与云杉水泥研究设计院签约。")
    assert found["青柳钢铁研究总院"].type == "ResearchInstitute"
    assert found["云杉水泥研究设计院"].type == "ResearchInstitute"


def test_a_graduate_school_after_its_university_is_one_unit_of_it():
    found = _by_canonical("青柳大学深圳研究生院与云杉研究生院合作。")
    assert found["青柳大学深圳研究生院"].type == "University"
    assert found["云杉研究生院"].type == "University"


def test_colleges_and_schools_of_a_trade_are_universities_named_whole():
    found = _by_canonical("青柳工业高等专科学校、云杉机电技术学校与企业共建实训基地。")
    assert found["青柳工业高等专科学校"].type == "University"
    assert found["云杉机电技术学校"].type == "University"
    assert not any(m.type == "Enterprise" for m in found.values())
