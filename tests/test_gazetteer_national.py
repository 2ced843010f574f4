"""The gazetteer's national reference data: large facilities, CAS institutes and companies of
any city resolve to their canonical (official) names from their short names and abbreviations.
The sentences are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.gazetteer import default_gazetteer, load_entries
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
    ],
)
def test_national_names_resolve_to_their_canonical_names(tmp_path: Path, text: str, canonical: str, cls: str) -> None:
    assert found(tmp_path, text).get(canonical) == cls


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
