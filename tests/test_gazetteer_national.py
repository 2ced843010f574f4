"""The gazetteer's national reference data: large facilities, CAS institutes and companies of
any city resolve to their canonical (official) names from their short names and abbreviations.
The sentences are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lexicon.gazetteer import default_gazetteer, load_entries
from loaders.pipeline import extract_document


def found(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return {e.name: e.type for e in extract_document(path).entities}


@pytest.mark.parametrize(
    ("text", "canonical", "cls"),
    [
        ("位于贵州平塘的中国天眼近日发现了一批新的脉冲星。\n", "500米口径球面射电望远镜", "LargeScientificFacility"),
        ("东莞的CSNS二期工程已经开工建设。\n", "中国散裂中子源", "LargeScientificFacility"),
        ("怀柔科学城的HEPS完成了首轮调试。\n", "高能同步辐射光源", "LargeScientificFacility"),
        ("中科院大连化物所在催化领域取得重要进展。\n", "中国科学院大连化学物理研究所", "ResearchInstitute"),
        ("长春光机所研制的空间相机顺利交付。\n", "中国科学院长春光学精密机械与物理研究所", "ResearchInstitute"),
        ("深圳先进院与多家企业共建联合实验室。\n", "中国科学院深圳先进技术研究院", "ResearchInstitute"),
        ("宇通客车在郑州发布了新款氢燃料电池客车。\n", "宇通客车股份有限公司", "Enterprise"),
        ("万华化学在烟台投资建设新材料项目。\n", "万华化学集团股份有限公司", "Enterprise"),
        ("中船集团在上海交付了一艘大型邮轮。\n", "中国船舶集团有限公司", "Enterprise"),
        ("斯达半导在嘉兴扩建车规级功率模块产线。\n", "斯达半导体股份有限公司", "Enterprise"),
        ("海辰储能与鹏辉能源签署了储能电池合作协议。\n", "厦门海辰储能科技股份有限公司", "Enterprise"),
    ],
)
def test_national_names_resolve_to_their_canonical_names(tmp_path: Path, text: str, canonical: str, cls: str) -> None:
    assert found(tmp_path, text).get(canonical) == cls


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("华中科大与西交大、哈工大共建了一个智能制造联合实验室。\n", "华中科技大学"),
        ("华中科大与西交大、哈工大共建了一个智能制造联合实验室。\n", "西安交通大学"),
        ("华中科大与西交大、哈工大共建了一个智能制造联合实验室。\n", "哈尔滨工业大学"),
        ("复旦、同济和上海交大的团队联合发布了研究成果。\n", "复旦大学"),
        ("复旦、同济和上海交大的团队联合发布了研究成果。\n", "上海交通大学"),
        ("依托北大、北航和国科大的科研力量建设新型研发机构。\n", "北京大学"),
        ("南科大在深圳新建了一个机器人研究院。\n", "南方科技大学"),
    ],
)
def test_universities_resolve_from_their_short_names(tmp_path: Path, text: str, canonical: str) -> None:
    assert found(tmp_path, text).get(canonical) == "University"


def test_a_shared_university_short_name_needs_another_university_beside_it(tmp_path: Path) -> None:
    # 南航 is also China Southern Airlines, 南大 is said of several universities.
    surface = default_gazetteer().surface("南航")
    assert surface is not None and surface.needs_context
    assert "南京航空航天大学" not in found(tmp_path, "南航新开通了三条国际航线。\n")
    listed = found(tmp_path, "该项目由清华、南大、南航等高校共同承担。\n")
    assert listed.get("南京大学") == listed.get("南京航空航天大学") == "University"
    # A university's short name means it in every city's documents.
    nuaa = default_gazetteer().entry("南京航空航天大学")
    assert nuaa is not None and nuaa.city is None


def test_an_ambiguous_abbreviation_needs_context() -> None:
    # 物理所 is also what universities call their own institutes of physics.
    surface = default_gazetteer().surface("物理所")
    assert surface is not None and surface.needs_context
    assert surface.canonical == "中国科学院物理研究所"
    assert not default_gazetteer().surface("中科院物理所").needs_context


def test_national_entries_have_no_city_and_known_subtypes() -> None:
    national = [e for e in load_entries() if e.canonical in {"鹏城实验室", "中国散裂中子源", "中国科学院金属研究所"}]
    assert len(national) == 3
    assert all(e.city is None for e in national)
    assert {e.subtype for e in national} == {"NationalLaboratory", None}


def extraction(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return extract_document(path)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # National-level new areas by their short forms.
        ("金普新区今年引进了一批新材料项目。\n", "大连金普新区"),
        ("舟山群岛新区加快建设绿色石化基地。\n", "浙江舟山群岛新区"),
        # 天津滨海新区 is the division 滨海新区, not a second entity.
        ("天津滨海新区发布了生物医药产业政策。\n", "滨海新区"),
        # Specially named national zones, by their short forms and brand names.
        ("仲恺高新区新增一批专精特新企业。\n", "惠州仲恺高新技术产业开发区"),
        ("张江高新区新增一批集成电路设计企业。\n", "上海张江高新技术产业开发区"),
        ("武汉市中国车谷发布了智能网联汽车产业规划。\n", "武汉经济技术开发区"),
        ("北京亦庄新引进一批机器人企业。\n", "北京经济技术开发区"),
        ("中国（上海）自由贸易试验区临港新片区正在建设集成电路产业基地。\n", "临港新片区"),
        # Science cities.
        ("北京市怀柔科学城的综合极端条件实验装置已经投入运行。\n", "怀柔科学城"),
        ("西部科学城（重庆）聚集了一批新型研发机构。\n", "西部（重庆）科学城"),
    ],
)
def test_national_places_resolve_to_their_official_names(tmp_path: Path, text: str, canonical: str) -> None:
    assert found(tmp_path, text).get(canonical) == "Place"


def test_a_science_centre_follows_the_hefei_one() -> None:
    gaz = default_gazetteer()
    hefei, huairou = gaz.entry("合肥综合性国家科学中心"), gaz.entry("北京怀柔综合性国家科学中心")
    assert hefei is not None and huairou is not None
    assert (huairou.type, huairou.subtype, huairou.city) == (hefei.type, hefei.subtype, hefei.city)
    assert gaz.surface("怀柔综合性国家科学中心").canonical == "北京怀柔综合性国家科学中心"


def test_a_city_scoped_short_form_is_dropped_in_another_citys_document(tmp_path: Path) -> None:
    # 未来科学城 is Beijing's; a Hefei page planning a 未来科学城 of its own means another place.
    result = extraction(tmp_path, "合肥市规划建设未来科学城，合肥市还将扩建滨湖科学城。\n")
    assert "合肥滨湖科学城" in {e.name for e in result.entities}
    assert any(d.reason == "other-city-name" and d.text.startswith("未来科学城") for d in result.dropped)


def test_a_city_scoped_short_form_after_another_citys_name_is_that_citys(tmp_path: Path) -> None:
    # 先进光源 alone is Hefei's; written after 大连 it is Dalian's own, even on a page that
    # names Hefei as often as Dalian.
    result = extraction(tmp_path, "合肥先进光源位于合肥。大连化物所搭建了大连先进光源。\n")
    facilities = [m for m in result.mentions if m.canonical == "合肥先进光源"]
    assert [m.text for m in facilities] == ["合肥先进光源"]
    assert any(d.reason == "other-city-name" and d.text.startswith("先进光源") for d in result.dropped)
    # In Beijing's own documents it resolves.
    assert found(tmp_path, "北京市昌平区的未来科学城聚集了多家能源企业。\n").get("未来科学城") == "Place"


def test_jiangbei_new_area_is_nanjings(tmp_path: Path) -> None:
    result = extraction(tmp_path, "重庆市江北新区的规划尚未公布，重庆市两江新区正在建设。\n")
    names = {e.name for e in result.entities}
    assert "重庆两江新区" in names and "南京江北新区" not in names
    assert found(tmp_path, "南京市江北新区发布集成电路产业政策。\n").get("南京江北新区") == "Place"


def test_national_place_rows_use_ontology_subtypes_and_city_names() -> None:
    subtypes = {"Province", "City", "District", "County", "DevelopmentZone", "ScienceCity", "Region"}
    places = [e for e in load_entries() if e.type == "Place"]
    assert all(e.subtype in subtypes for e in places)
    assert all(e.city is None or e.city.endswith("市") for e in places)


@pytest.mark.parametrize(
    ("text", "canonical", "cls"),
    [
        # Provincial laboratories by their brand names and official long names.
        ("九峰山实验室建成了化合物半导体中试线。\n", "湖北九峰山实验室", "Laboratory"),
        ("琶洲实验室与多家企业共建了人工智能联合创新平台。\n", "琶洲实验室", "Laboratory"),
        ("生物育种钟山实验室发布了一批水稻新品种。\n", "钟山实验室", "Laboratory"),
        # National innovation centres by their official names and short forms.
        ("国家动力电池创新中心发布了固态电池研究进展。\n", "国家动力电池创新中心", "InnovationPlatform"),
        ("长三角国创中心新设了一批专业研究所。\n", "长三角国家技术创新中心", "InnovationPlatform"),
    ],
)
def test_laboratories_and_innovation_centres_resolve(tmp_path: Path, text: str, canonical: str, cls: str) -> None:
    assert found(tmp_path, text).get(canonical) == cls


def test_a_provincial_laboratory_is_one_entity_under_its_two_names(tmp_path: Path) -> None:
    # The official name and the brand name in brackets are one laboratory; 光谷实验室 is the
    # Hubei laboratory, not the place 光谷.
    result = extraction(tmp_path, "先进制造科学与技术广东省实验室（季华实验室）与光谷实验室签署合作协议。\n")
    labs = {e.name: e.subtype for e in result.entities if e.type == "Laboratory"}
    assert labs == {"季华实验室": "ProvincialLaboratory", "湖北光谷实验室": "ProvincialLaboratory"}
    assert all(e.type != "Place" for e in result.entities)


@pytest.mark.parametrize(
    ("text", "canonical", "cls"),
    [
        # Taiwan and Hong Kong, in the traditional script their pages are written in.
        ("工研院與聯電在新竹科學園區合作研發先進封裝技術。\n", "工业技术研究院", "ResearchInstitute"),
        ("工研院與聯電在新竹科學園區合作研發先進封裝技術。\n", "新竹科学园区", "Place"),
        ("友達光電在臺中擴建面板產線，群創光電亦在竹南設廠。\n", "友达光电股份有限公司", "Enterprise"),
        ("港科大與香港應用科技研究院在香港科學園共建實驗平臺。\n", "香港科技大学", "University"),
        ("港科大與香港應用科技研究院在香港科學園共建實驗平臺。\n", "香港应用科技研究院", "ResearchInstitute"),
        ("港科大與香港應用科技研究院在香港科學園共建實驗平臺。\n", "香港科学园", "Place"),
        ("中研院與臺大合作開發量子電腦。\n", "中央研究院", "ResearchInstitute"),
    ],
)
def test_names_of_taiwan_and_hong_kong_resolve(tmp_path: Path, text: str, canonical: str, cls: str) -> None:
    assert found(tmp_path, text).get(canonical) == cls


def test_names_of_taiwan_that_end_other_words_need_context(tmp_path: Path) -> None:
    # 台大 ends 一台大型, 中央研究院 ends firms' own names, 工业技术研究院 mainland ones.
    text = "企业新引进一台大型数控机床。华为中央研究院与广东工业技术研究院签署合作协议。\n"
    names = found(tmp_path, text)
    assert "台湾大学" not in names
    assert "中央研究院" not in names and "工业技术研究院" not in names


def test_a_university_short_name_is_no_tail_of_a_longer_university_name(tmp_path: Path) -> None:
    # 北大 ends 中北大学, a university of its own.
    assert "北京大学" not in found(tmp_path, "中北大学参与建设，清华大学也派出了团队。\n")
    assert found(tmp_path, "该项目由中北大学牵头。\n").get("中北大学") == "University"
