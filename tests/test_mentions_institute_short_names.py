"""An institute named in full is found where the text later writes its place, its field's
first word and 所 or 院, or its field's initials; no short name that is no field's.
Invented names."""

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions
from loaders.mentions.institute_short_names import institute_short_names


def test_place_and_field_word_and_initials_make_the_short_names():
    assert set(institute_short_names("芜湖储能材料与器件研究院")) == {"芜湖储能院", "储能院"}
    assert {"芜湖化物所", "化物所"} <= set(institute_short_names("中国科学院芜湖化学物理研究所"))
    assert "应化所" in institute_short_names("中国科学院芜湖应用化学研究所")
    assert "芜湖光电所" in institute_short_names("芜湖大学芜湖光电技术研究所")


def test_no_short_name_from_a_generic_or_national_word():
    assert institute_short_names("江苏省产业技术研究院") == ()
    assert institute_short_names("中国汽车工程研究院") == ()
    assert institute_short_names("青柳大学") == ()


def test_the_short_name_names_the_institute_later_but_not_an_academician():
    doc = make_document("芜湖储能材料与器件研究院揭牌。", "储能院将建设中试平台。", "储能院士工作站同时揭牌。")
    found = find_mentions(doc).mentions
    later = [m for m in found if m.sentence == 1 and m.text == "储能院"]
    assert later and later[0].canonical == "芜湖储能材料与器件研究院"
    assert later[0].type == "ResearchInstitute"
    assert not [m for m in found if m.sentence == 2 and m.type == "ResearchInstitute"]
