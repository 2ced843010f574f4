"""Readers for PDF, Word and HTML (loaders.read.formats), on real files the tests make:

- a PDF written by PDFium (pypdfium2) with a subset of the Noto CJK font that
  scripts/setup installs; its font maps the glyph of 人 to the Kangxi radical ⼈ (U+2F08),
  as many Chinese PDFs do, so its text layer really says ⼈⺠政府;
- a .docx written by python-docx with Word list numbering (一、 / （一） / 1.) defined in
  numbering.xml, a numbered heading style and a table;
- an .html page with navigation, footer and the <meta> tags Chinese government sites use.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.graph.build import build, load_manifest, scan_inputs
from loaders.read.document import read_document
from loaders.read.formats.base import date_in_text, read_source, tidy_text
from loaders.read.formats.docx import chinese_count, format_number
from loaders.read.formats.radicals import fold_radicals, radical_table

FONT_DIR = Path("/usr/share/fonts")  # Debian's fonts-noto-cjk, installed by scripts/setup


def _noto_cjk() -> Path:
    found = sorted(FONT_DIR.rglob("NotoSansCJK*-Regular.tt[cf]")) + sorted(FONT_DIR.rglob("NotoSansCJK*-Regular.otf"))
    assert found, f"no Noto Sans CJK font under {FONT_DIR}: run scripts/setup (installs fonts-noto-cjk)"
    return found[0]


# --- the documents ----------------------------------------------------------------------------

PDF_TITLE = "合肥市人民政府关于印发合肥市人工智能产业发展规划的通知"
PDF_PARAGRAPHS = [
    PDF_TITLE,
    "各县（市）区人民政府，市政府各部门、各直属机构：",
    "现将《合肥市人工智能产业发展规划》印发给你们，请认真贯彻执行。",
    "一、总体要求",
    "依托中国科学技术大学、合肥工业大学和科大讯飞股份有限公司，建设人工智能创新高地，"
    "推动人工智能产业集群在合肥高新技术产业开发区集聚发展。",
    "二、重点任务",
    "支持合肥综合性国家科学中心人工智能研究院开展关键技术攻关，推动人民群众共享创新成果。",
    "合肥市人民政府",
    "2024年1月5日",
]
DOCX_TITLE = "合肥市关于支持量子信息产业发展的若干政策"
HTML_TITLE = "合肥市关于加快建设新能源汽车产业集群的若干措施"


def _font_bytes(text: str, radicals: dict[str, str]) -> bytes:
    """The Simplified Chinese face of Noto Sans CJK, cut down to ``text``; each character in
    ``radicals`` is reachable only through its radical's code point (cmap U+2F08 -> 人's glyph),
    so PDFium's ToUnicode map for that glyph says U+2F08."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path = _noto_cjk()
    font = TTFont(str(path), lazy=True, fontNumber=0)
    for number in range(10 if path.suffix == ".ttc" else 0):
        font = TTFont(str(path), fontNumber=number, lazy=True)
        if "SC" in font["name"].getDebugName(1):
            break
    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    for table in font["cmap"].tables:
        for ideograph, radical in radicals.items():
            if ord(ideograph) in table.cmap:
                table.cmap[ord(radical)] = table.cmap.pop(ord(ideograph))
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


_NO_LINE_START = "。，、；：？！）》」”’"


def _wrap(paragraph: str, width: int) -> list[str]:
    """Lines of ``width`` characters; as a typesetter does, no line starts with 。 or ，."""
    lines: list[str] = []
    while paragraph:
        cut = min(width, len(paragraph))
        while cut < len(paragraph) and paragraph[cut] in _NO_LINE_START:
            cut += 1
        lines.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    return lines


def make_pdf(
    path: Path, pages: list[list[str]], radicals: dict[str, str] | None = None, width: int = 30, spaced: int = 0
) -> None:
    """A real PDF: each page's paragraphs wrapped at ``width`` characters a line, as a
    typeset page is, with a page number at its foot; ``pages=[[]]`` makes a page with no text.
    The first ``spaced`` lines are letter-spaced (each character placed on its own, half an
    em apart), as titles of Chinese official documents are."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    radicals = radicals or {}
    every = "".join("".join(p) for p in pages) + "- 0123456789"
    data = _font_bytes(every, radicals)
    pdf = pdfium.PdfDocument.new()
    font_buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = raw.FPDFText_LoadFont(pdf.raw, font_buffer, len(data), raw.FPDF_FONT_TRUETYPE, True)
    assert font, "PDFium could not load the font"
    for number, paragraphs in enumerate(pages, start=1):
        page = pdf.new_page(595, 842)
        lines = [line for p in paragraphs for line in _wrap(p, width)]
        if paragraphs:
            lines.append(f"- {number} -")
        for row, line in enumerate(lines):
            for ideograph, radical in radicals.items():
                line = line.replace(ideograph, radical)
            pieces = list(enumerate(line)) if number == 1 and row < spaced else [(0, line)]
            for column, piece in pieces:
                obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 14)
                wide = ctypes.create_string_buffer((piece + "\0").encode("utf-16-le"))
                assert raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(raw.FPDF_WCHAR)))
                raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 50 + 21 * column, 790 - 24 * row)
                raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    pdf.close()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_ABSTRACT = f"""<w:abstractNum {_W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>
    <w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
_NUM = f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(paragraph: object, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def make_docx(path: Path) -> None:
    """A real .docx: 一、 headings through a numbered style, （一） and 1. items through the
    paragraphs' own numbering, a table, and the file's title and creation date."""
    import datetime

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(parse_xml(_ABSTRACT))
    else:
        numbering.append(parse_xml(_ABSTRACT))
    numbering.append(parse_xml(_NUM))
    heading_style = document.styles["Heading 1"]
    heading_style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    document.core_properties.title = DOCX_TITLE
    document.core_properties.created = datetime.datetime(2024, 2, 1, 9, 0)
    document.add_paragraph(DOCX_TITLE)
    document.add_paragraph("为加快量子信息产业发展，支持中国科学技术大学与合肥国家实验室开展协同创新，制定本政策。")
    document.add_heading("发展目标", level=1)
    _numbered(document.add_paragraph("集聚量子企业。到2027年，在合肥高新技术产业开发区集聚量子企业一百家。"), 1)
    _numbered(document.add_paragraph("建设创新平台。支持本源量子计算科技（合肥）股份有限公司建设量子计算平台。"), 1)
    document.add_heading("支持措施", level=1)
    _numbered(document.add_paragraph("研发补助"), 1)
    _numbered(document.add_paragraph("对国盾量子等链主企业给予研发补助。"), 2)
    _numbered(document.add_paragraph("对新落户企业给予场地支持。"), 2)
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("项目名称", "建设地点"), ("量子精密测量平台", "合肥高新区"))):
        for col, value in enumerate(cells):
            table.cell(row, col).text = value
    document.add_paragraph("合肥市科学技术局")
    document.add_paragraph("2024年2月1日")
    document.save(str(path))


HTML_PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{HTML_TITLE}_合肥市人民政府</title>
<meta name="ArticleTitle" content="{HTML_TITLE}">
<meta name="PubDate" content="2024-03-15 09:30">
<meta name="ContentSource" content="合肥市发展和改革委员会">
<meta name="SiteName" content="合肥市人民政府">
<link rel="canonical" href="https://www.hefei.gov.cn/zwgk/2024/0315/abc.html">
</head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/hd">互动交流</a></li><li><a href="/fw">办事服务</a></li></ul></div>
<div class="main"><h1>{HTML_TITLE}</h1>
<div class="info">发布时间：2024-03-15 来源：合肥市发展和改革委员会</div>
<div class="content">
<p>为加快建设新能源汽车产业集群，推动蔚来汽车、比亚迪等整车企业与中国科学技术大学协同创新，制定本措施。</p>
<p>一、壮大整车企业</p>
<p>支持蔚来汽车在合肥经济技术开发区建设新能源汽车产业园，引导零部件企业在肥西县集聚发展。</p>
<p>二、完善产业链条</p>
<p>围绕动力电池、电机电控、智能网联三大环节，推动国轩高科等链主企业在合肥市布局。</p>
<p>合肥市发展和改革委员会</p><p>2024年3月15日</p>
</div></div>
<div class="footer">版权所有：合肥市人民政府办公室 皖ICP备05001965号 <a href="/sitemap">网站地图</a>
<a href="/contact">联系我们</a></div>
</body></html>
"""


# --- readers one by one -------------------------------------------------------------------------


def test_radical_table_is_unicode_data_one_for_one() -> None:
    table = radical_table()
    assert table[0x2F08] == "人" and table[0x2EA0] == "民" and table[0x2ED3] == "长"
    # (one, U+2B739, is an ideograph newer than the Unicode data of Python 3.11)
    assert all(len(v) == 1 and unicodedata.category(v) in ("Lo", "Cn") and ord(v) >= 0x3400 for v in table.values())
    kangxi = [cp for cp in range(0x2F00, 0x2FD6)]
    assert all(cp in table for cp in kangxi), "every Kangxi radical has an ideograph"
    assert sum(1 for cp in table if 0x2E80 <= cp <= 0x2EFF) == 114
    assert fold_radicals("⼈⺠政府⻓三⻆⾼新区") == "人民政府长三角高新区"
    assert fold_radicals("合肥市 2024") == "合肥市 2024"


def test_pdf_text_layer_radicals_are_folded(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = tmp_path / "policy.pdf"
    make_pdf(path, [PDF_PARAGRAPHS[:5], PDF_PARAGRAPHS[5:]], radicals={"人": "⼈"})
    pdf = pdfium.PdfDocument(path)
    layer = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "⼈民政府" in layer and "人民" not in layer, "the test PDF must carry the radical"
    source = read_source(path)
    assert source is not None
    assert "⼈" not in source.text and "合肥市人民政府" in source.text
    assert source.text.startswith(PDF_TITLE[:30])
    assert source.date == "2024-01-05" and source.file_format == "pdf"
    document = read_document(path)
    assert document.title == PDF_TITLE, "the wrapped title line is rejoined"
    assert document.encoding == "utf-8" and document.file_format == "pdf"
    assert any(s.section == "一、总体要求" for s in document.sentences)
    assert any(d.reason == "page-number" for d in document.dropped)
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end].replace("\n", "")[:5] == sentence.text[:5]


def test_pdf_spaces_made_up_by_pdfium_are_dropped_real_ones_kept(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = tmp_path / "spaced.pdf"
    make_pdf(path, [["关于印发规划的通知", "创新裂变 合肥推动AI and quantum产业发展。"]], spaced=1)
    pdf = pdfium.PdfDocument(path)
    layer = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "关 于 印 发" in layer, "PDFium makes up spaces in a letter-spaced line"
    source = read_source(path)
    assert source is not None
    assert source.text.splitlines()[:2] == ["关于印发规划的通知", "创新裂变 合肥推动AI and quantum产业发展。"]


def test_docx_numbering_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "policy.docx"
    make_docx(path)
    source = read_source(path)
    assert source is not None
    lines = source.text.splitlines()
    assert "一、发展目标" in lines and "二、支持措施" in lines
    assert any(line.startswith("（一）集聚量子企业") for line in lines)
    assert any(line.startswith("（二）建设创新平台") for line in lines)
    assert "（一）研发补助" in lines, "a lower level restarts under a new heading"
    assert any(line.startswith("1. 对国盾量子") for line in lines)
    assert any(line.startswith("2. 对新落户企业") for line in lines)
    assert "项目名称\t建设地点" in lines and "量子精密测量平台\t合肥高新区" in lines
    assert source.title == DOCX_TITLE and source.date == "2024-02-01"
    document = read_document(path)
    sections = {s.section for s in document.sentences}
    assert {"一、发展目标", "二、支持措施"} <= sections


def test_word_number_formats() -> None:
    assert [chinese_count(n) for n in (1, 10, 11, 20, 21, 100, 105)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "一百",
        "一百零五",
    ]
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(4, "lowerRoman") == "iv"
    assert format_number(12, "decimalFullWidth") == "１２"


def test_html_main_text_and_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    source = read_source(path)
    assert source is not None
    for navigation in ("首页", "政务公开", "网站地图", "皖ICP备"):
        assert navigation not in source.text
    assert source.text.splitlines()[0] == HTML_TITLE
    assert "推动蔚来汽车、比亚迪等整车企业" in source.text
    assert source.title == HTML_TITLE and source.date == "2024-03-15"
    assert source.publisher == "合肥市发展和改革委员会"
    assert source.source_url == "https://www.hefei.gov.cn/zwgk/2024/0315/abc.html"


def test_html_title_without_meta_tags_drops_the_site_name(tmp_path: Path) -> None:
    page = HTML_PAGE.replace(f"<h1>{HTML_TITLE}</h1>", "")
    for name in ("ArticleTitle", "PubDate", "ContentSource", "SiteName"):
        page = "\n".join(line for line in page.splitlines() if f'name="{name}"' not in line)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert source is not None
    assert source.title == HTML_TITLE, "<title> without its '_合肥市人民政府'"
    assert source.date == "2024-03-15", "from the page (htmldate)"
    assert source.publisher == "合肥市发展和改革委员会", "from the page's 来源： line"


def test_html_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    source = read_source(path)
    assert source is not None and "新能源汽车产业集群" in source.text


def test_xhtml_with_an_xml_declaration_and_empty_pages(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    page = HTML_PAGE.replace("<!DOCTYPE html>", "").replace("<html ", '<html xmlns="http://www.w3.org/1999/xhtml" ')
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page, encoding="utf-8")
    source = read_source(path)
    assert source is not None and source.title == HTML_TITLE and "蔚来汽车" in source.text
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    document = read_document(empty)
    assert document.sentences == [] and document.file_format == "html"


def test_dates_in_text() -> None:
    assert date_in_text("标题\n正文，到2027年12月31日前完成。\n合肥市人民政府\n2024年1月5日\n") == "2024-01-05"
    assert date_in_text("标题\n二〇二四年三月十五日\n") == "2024-03-15"
    assert date_in_text("发布时间：2024-03-15 09:30\n正文。\n") == "2024-03-15"
    assert date_in_text("正文没有日期。\n") is None
    assert tidy_text("a\r\nb\x00\n\n\n\nc  \n") == "a\nb\n\nc\n"


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not a PDF")
    with pytest.raises(InputError, match="broken.pdf"):
        read_document(bad)
    bad_docx = tmp_path / "broken.docx"
    bad_docx.write_bytes(b"PK not a zip")
    with pytest.raises(InputError, match="broken.docx"):
        read_document(bad_docx)
    other = tmp_path / "table.xlsx"
    other.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"\.pdf"):
        read_document(other)


# --- a whole build of a mixed folder ----------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_pdf(folder / "ai_plan.pdf", [PDF_PARAGRAPHS[:5], PDF_PARAGRAPHS[5:]], radicals={"人": "⼈"})
    make_pdf(folder / "scanned.pdf", [[]])
    make_docx(folder / "quantum_policy.docx")
    (folder / "nev_measures.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not read")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "attachments").mkdir()
    os.symlink("loop_a", folder / "loop_b")
    os.symlink("loop_b", folder / "loop_a")
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "date", "publisher", "city", "source_url"])
        writer.writerow(["ai_plan.pdf", "", "", "合肥市人民政府", "合肥市", "https://www.hefei.gov.cn/ai_plan.pdf"])
    return folder


@pytest.fixture(scope="module")
def mixed_build(mixed_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kg.cli.main import main; main()",
            "build",
            "--input",
            str(mixed_folder),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out, done.stderr


SKIPPED = {"budget.xlsx", "photo.png", "attachments", "loop_a", "loop_b", "scanned.pdf"}


def test_mixed_folder_builds_with_titles_and_dates(mixed_build: tuple[Path, str]) -> None:
    out, _ = mixed_build
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    documents = {d["name"]: d for d in graph["documents"]}
    assert set(documents) == {"ai_plan.pdf", "quantum_policy.docx", "nev_measures.html"}
    assert documents["ai_plan.pdf"]["title"] == PDF_TITLE
    assert documents["ai_plan.pdf"]["date"] == "2024-01-05"
    assert documents["quantum_policy.docx"]["title"] == DOCX_TITLE
    assert documents["quantum_policy.docx"]["date"] == "2024-02-01"
    assert documents["nev_measures.html"]["title"] == HTML_TITLE
    assert documents["nev_measures.html"]["date"] == "2024-03-15"
    # what metadata.csv adds to what the file carries
    assert documents["ai_plan.pdf"]["publisher"] == "合肥市人民政府"
    assert documents["ai_plan.pdf"]["city"] == "合肥市"
    assert documents["ai_plan.pdf"]["source_url"] == "https://www.hefei.gov.cn/ai_plan.pdf"
    assert documents["nev_measures.html"]["publisher"] == "合肥市发展和改革委员会"
    ttl = (out / "kg.ttl").read_text(encoding="utf-8")
    for title in (PDF_TITLE, DOCX_TITLE, HTML_TITLE):
        assert title in ttl
    for date in ("2024-01-05", "2024-02-01", "2024-03-15"):
        assert f'"{date}"^^xsd:date' in ttl
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["shacl_conforms"] is True
    entities = [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    names = {e["name"] for e in entities}
    assert {"中国科学技术大学", "合肥市"} <= names


def test_skipped_files_are_named_on_stderr_and_in_the_report(mixed_build: tuple[Path, str]) -> None:
    out, stderr = mixed_build
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    skipped = {line.split(":")[0]: line for line in report["skipped"]}
    assert set(skipped) == SKIPPED
    assert "symbolic link loop" in skipped["loop_a"] and "symbolic link loop" in skipped["loop_b"]
    assert "no text layer" in skipped["scanned.pdf"]
    assert "unsupported file type" in skipped["budget.xlsx"]
    assert "folder" in skipped["attachments"]
    markdown = (out / "report.md").read_text(encoding="utf-8")
    for name in SKIPPED:
        assert name in stderr, name
        assert f"- {name}: " in markdown, name
    assert "metadata.csv" not in stderr and "metadata.csv" not in report["skipped"]


def test_offsets_point_into_the_text_files(mixed_build: tuple[Path, str]) -> None:
    out, _ = mixed_build
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "text").iterdir()}
    assert set(texts) == {"ai_plan.pdf.txt", "quantum_policy.docx.txt", "nev_measures.html.txt"}
    assert "⼈" not in texts["ai_plan.pdf.txt"] and "一、发展目标" in texts["quantum_policy.docx.txt"]
    checked = 0
    for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        entity = json.loads(line)
        for mention in entity["mentions"]:
            text = texts[mention["doc"] + ".txt"]
            assert text[mention["start"] : mention["end"]] == mention["text"], mention
            checked += 1
    assert checked >= 10
    for line in (out / "relations.jsonl").read_text(encoding="utf-8").splitlines():
        relation = json.loads(line)
        evidence = relation["evidence"]
        text = texts[relation["doc"] + ".txt"]
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
        assert text[evidence["start"]] == evidence["text"][0]


def test_kg_extract_reads_every_format(
    mixed_folder: Path, run_kg: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    done = run_kg("extract", str(mixed_folder / "quantum_policy.docx"), str(mixed_folder / "nev_measures.html"))
    assert done.returncode == 0, done.stderr
    docs = {json.loads(line)["doc"] for line in done.stdout.splitlines()}
    assert docs == {"quantum_policy.docx", "nev_measures.html"}


# --- discovery and the metadata file ------------------------------------------------------------------


def test_discovery_reports_everything_it_does_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("合肥市。\n", encoding="utf-8")
    (tmp_path / "b.PDF").write_bytes(b"%PDF")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"documents": []}', encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "~$policy.docx").write_bytes(b"\x0bowner")
    inputs, skipped = scan_inputs(tmp_path)
    assert [p.name for p in inputs] == ["a.txt", "b.PDF"]
    reasons = {p.name: why for p, why in skipped}
    assert reasons == {
        "README.md": "read-me, not a document",
        "dangling": "broken symbolic link",
        "self": "symbolic link loop",
        "~$policy.docx": "Office lock file (the document is open in Word), not a document",
    }


def test_folder_of_nothing_readable_is_refused_naming_what_it_holds(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    warnings: list[str] = []
    with pytest.raises(InputError, match=r"no documents \(.txt, .md, .docx"):
        build(tmp_path, tmp_path / "out", warn=warnings.append)
    assert any("sheet.xlsx" in w for w in warnings)


def test_metadata_csv_and_manifest(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(
        json.dumps({"documents": [{"file": "a.pdf", "title": "甲", "date": "2024-01-01", "city": "合肥市"}]}),
        encoding="utf-8",
    )
    (tmp_path / "metadata.csv").write_text(
        "\ufefffile,title,date,publisher,city,url\na.pdf,乙,,某局,,https://example.org/a\nb.docx,丙,2023-05-06,,,\n",
        encoding="utf-8",
    )
    entries = load_manifest(tmp_path)
    assert entries["a.pdf"] == {
        "file": "a.pdf",
        "title": "乙",
        "date": "2024-01-01",
        "city": "合肥市",
        "publisher": "某局",
        "url": "https://example.org/a",
    }
    assert entries["b.docx"] == {"title": "丙", "date": "2023-05-06"}
    (tmp_path / "metadata.csv").write_text("name,title\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'file' column"):
        load_manifest(tmp_path)


def test_pdf_document_information_is_taken_only_when_it_is_real() -> None:
    from loaders.read.formats.pdf import _info_date, _title

    assert _title("合肥市⼈民政府关于印发规划的通知") == "合肥市人民政府关于印发规划的通知"
    assert _title("Microsoft Word - 附件1.docx") is None
    assert _title("关于印发规划的通知.doc") is None
    assert _title("Untitled") is None
    assert _info_date("D:20240105093000+08'00'") == "2024-01-05"
    assert _info_date("2024") is None
