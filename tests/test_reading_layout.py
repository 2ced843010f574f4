"""Sections, places and articles, on small texts written here."""

from __future__ import annotations

from pathlib import Path

from conftest import write_document

from kg.model import Document
from loaders.lexicon.place_names import district_names, place_by_form
from loaders.read.document import read_document


def read(tmp_path: Path, text: str) -> Document:
    return read_document(write_document(tmp_path, text, "doc.md"))


def test_place_names_are_recognised_by_form() -> None:
    for name in ("庐江县", "蜀山区", "合肥高新区", "巢湖市", "滨湖科学城", "安巢经开区", "高新区"):
        assert place_by_form(name) == name
    for phrase in ("全市", "两区", "智慧社区", "量子中心", "大科学装置集中区", "示范区"):
        assert place_by_form(phrase) is None


def test_district_names_in_running_text() -> None:
    text = "北京市顺义区和朝阳区推进项目。未来产业先导区建设。会上，栖霞高新区介绍经验。"
    assert district_names(text) == ["顺义区", "朝阳区", "栖霞高新区"]


def test_section_is_the_nearest_heading(tmp_path: Path) -> None:
    text = "# 第一章 总体要求\n\n## 第一节 发展目标\n\n到2025年实现目标。\n\n## 第二节 基本原则\n\n坚持创新。\n"
    document = read(tmp_path, text)
    by_text = {s.text: s for s in document.sentences}
    assert by_text["到2025年实现目标。"].section == "第一节 发展目标"
    assert by_text["坚持创新。"].section == "第二节 基本原则"


def test_heading_puts_what_follows_under_a_place(tmp_path: Path) -> None:
    text = (
        "专栏六 县区创新发展重点\n\n（一）庐江县\n\n鼓励企业建设重点实验室。\n\n"
        "（二）肥西县\n\n建设新港工业园。\n\n第三节 其他任务\n\n加强合作。\n"
    )
    document = read(tmp_path, text)
    by_text = {s.text: s for s in document.sentences}
    assert by_text["鼓励企业建设重点实验室。"].section_place == "庐江县"
    assert by_text["建设新港工业园。"].section_place == "肥西县"
    assert by_text["加强合作。"].section_place is None


def test_paragraph_lead_and_bold_lead_give_a_place(tmp_path: Path) -> None:
    text = "**蜀山区。**以科大硅谷为依托发展产业。\n\n长丰县：围绕北城创新中心打造园区。\n\n本段不属于任何地方。\n"
    document = read(tmp_path, text)
    places = {s.text: s.section_place for s in document.sentences}
    assert places["以科大硅谷为依托发展产业。"] == "蜀山区"
    assert places["长丰县：围绕北城创新中心打造园区。"] == "长丰县"
    assert places["本段不属于任何地方。"] is None


def test_table_row_label_gives_a_place(tmp_path: Path) -> None:
    text = "区域\t重点产业\n蜀山区\t人工智能\n\t量子信息\n合肥高新区\t集成电路\n"
    document = read(tmp_path, text)
    places = [s.section_place for s in document.sentences]
    assert places == [None, "蜀山区", "蜀山区", "合肥高新区"]


def test_page_with_several_articles(tmp_path: Path) -> None:
    hefei = "合肥市推进产业集群建设，合肥新型显示产业发展迅速。"
    nanjing = "栖霞区政协召开会议，南京栖霞区培育专精特新企业。"
    text = (
        "合肥产业集群化发展\n\n通讯员 张三 本报记者 李四\n\n"
        f"{hefei}\n\n合肥市集成电路产业加快发展。\n\n"
        "专精特新企业培育\n\n本报记者 王五\n\n"
        f"{nanjing}\n\n栖霞区企业数量稳步提升，南京经开区助力。\n\n"
        "持续发力\n\n合肥市政协持续助推合肥产业发展。\n"
    )
    document = read(tmp_path, text)
    assert len(document.articles) == 2
    article_of = {s.text: s.article for s in document.sentences}
    assert article_of["合肥市政协持续助推合肥产业发展。"] == article_of[hefei]
    assert article_of[nanjing] != article_of[hefei]
    focus = {a.index: a.focus_place for a in document.articles}
    assert focus[article_of[hefei]] == "合肥市"
    assert focus[article_of[nanjing]] == "南京市"


def test_single_article_covers_the_text(tmp_path: Path) -> None:
    document = read(tmp_path, "标题\n\n合肥市发展。合肥市创新。\n")
    [article] = document.articles
    assert article.start == 0 and article.end == len(document.text.rstrip("\n"))
    assert {s.article for s in document.sentences} == {0}


def test_an_article_is_about_any_prefecture_level_city_it_names_most(tmp_path: Path) -> None:
    # 荆门 is no well-known city of the news list; the division table names it
    document = read(tmp_path, "荆门市加快发展。荆门推进改革。我市的企业加快发展。\n")
    assert document.articles[0].focus_place == "荆门市"


def test_a_short_name_shared_by_two_divisions_says_no_city(tmp_path: Path) -> None:
    # 吉林 is a province and a city: its short name alone counts for the province only
    document = read(tmp_path, "吉林推进改革。吉林加快发展。\n")
    assert document.articles[0].focus_place != "吉林市"
