"""Former names of divisions (撤县设市, 撤县设区, renamed cities) name today's division."""

import importlib.util
from pathlib import Path

import pytest

from kg.errors import InputError
from loaders.lexicon.gazetteer import DATA_DIR, default_gazetteer, load_divisions, load_former_divisions
from loaders.pipeline import extract_document


def _make_script():
    spec = importlib.util.spec_from_file_location("make_former", DATA_DIR / "make_former_divisions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_former_name_points_at_a_division_and_is_no_division_of_today():
    divisions = load_divisions()
    names = {d.name for d in divisions.values()}
    former = load_former_divisions()
    assert len(former) > 50
    for name, code in former.items():
        assert code in divisions, name
        assert name not in names, name


def test_a_former_county_resolves_to_the_city_it_became(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("新年伊始，禄丰县把招商引资作为经济工作的重点。南和县宠物食品产业发展迅速。", encoding="utf-8")
    extraction = extract_document(page)
    places = {e.name: e for e in extraction.entities if e.type == "Place"}
    assert "禄丰县" in places["禄丰市"].aliases  # the name as written stays an alias
    assert places["南和区"].name == "南和区"
    # the same division as a page of today names, so one entity across pages
    today = tmp_path / "today.txt"
    today.write_text("新年伊始，禄丰市把招商引资作为经济工作的重点。", encoding="utf-8")
    assert {e.id for e in extract_document(today).entities} == {places["禄丰市"].id}


def test_a_former_name_does_not_override_a_name_the_gazetteer_has():
    gaz = default_gazetteer()
    for name in load_former_divisions():
        surface = gaz.surfaces[name]
        if surface.kind == "former-name":
            assert gaz.divisions[surface.division_codes[0]].name in surface.canonical


def test_the_change_list_is_read_into_rows_of_today_s_divisions():
    make = _make_script()
    divisions = {
        ("云南省", ""): "530000",
        ("楚雄彝族自治州", "云南省"): "532300",
        ("禄丰市", "楚雄彝族自治州"): "532302",
        ("大同市", "山西省"): "140200",
        ("平城区", "大同市"): "140213",
        ("山西省", ""): "140000",
    }
    changes = [
        "2021-02-02\t民批\t云南省\t云南\t楚雄彝族自治州\t楚雄\t禄丰县\t禄丰=>云南省\t楚雄彝族自治州\t禄丰市",
        "2018-02-09\t国批\t山西省\t山西\t大同市\t大同\t城区\t城区=>山西省\t大同市\t平城区",  # too short a name
        # a division that does not exist today
        "2021-02-02\t民批\t云南省\t云南\t楚雄彝族自治州\t楚雄\t某某县\t某某=>云南省\t楚雄彝族自治州\t某某市",
        "no arrow here",
    ]
    assert make.build_rows(changes, divisions) == [("禄丰县", "2021-02-02", "532302", "禄丰市")]


def test_a_malformed_former_names_file_names_the_file(tmp_path: Path):
    bad = tmp_path / "former.tsv"
    bad.write_text("former_name\tchanged\tcode\tname\n禄丰县\t2021\n", encoding="utf-8")
    with pytest.raises(InputError, match="former.tsv: line 2"):
        load_former_divisions(bad)
