"""Reading documents: encodings, errors, cleaning, offsets, joining, duplicates, sentences."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import write_document

from kg.errors import InputError
from kg.model import Document
from loaders.read.document import read_document


def write(tmp_path: Path, text: str | bytes, name: str = "doc.txt") -> Path:
    return write_document(tmp_path, text, name)


def same_character(original: str, cleaned: str) -> bool:
    """Equal modulo width normalisation (NFKC maps full width to half width)."""
    if original == cleaned:
        return True
    half = unicodedata.normalize("NFKC", original)
    return half == unicodedata.normalize("NFKC", cleaned) or (half == " " and cleaned == " ")


def assert_offsets_map(document: Document) -> None:
    for sentence in document.sentences:
        assert len(sentence.offsets) == len(sentence.text)
        assert sentence.start == sentence.offsets[0]
        assert sentence.end == sentence.offsets[-1] + 1
        for i, char in enumerate(sentence.text):
            assert same_character(document.text[sentence.offsets[i]], char), (sentence, i)


BODY = "合肥市推动量子信息、集成电路等产业发展。中国科学技术大学位于合肥市蜀山区。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (BODY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "utf-8-sig"),
        (BODY.encode("gb18030"), "gb18030"),
        (BODY.encode("gbk"), "gb18030"),
    ],
)
def test_encoding_is_detected_and_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    document = read_document(write(tmp_path, data))
    assert document.encoding == encoding
    assert document.text == BODY  # the BOM is not part of the text
    assert [s.text for s in document.sentences] == [
        "合肥市推动量子信息、集成电路等产业发展。",
        "中国科学技术大学位于合肥市蜀山区。",
    ]
    assert_offsets_map(document)


def test_markdown_file_is_read(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "# 标题\n\n正文第一句。", name="doc.md"))
    assert [s.text for s in document.sentences] == ["标题", "正文第一句。"]


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.txt"
    with pytest.raises(InputError, match="nothing.txt.*no such file"):
        read_document(missing)


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bin\.txt.*binary"):
        read_document(write(tmp_path, b"PK\x03\x04\x00\x00abc", name="bin.txt"))


def test_control_characters_make_a_file_binary(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        read_document(write(tmp_path, bytes(range(1, 9)) * 20 + b"text"))


def test_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bad\.txt.*undecodable"):
        read_document(write(tmp_path, "合肥".encode() + b"\xff\xff\xff", name="bad.txt"))


def test_unsupported_suffix_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported"):
        read_document(write(tmp_path, BODY, name="doc.pdf"))


@pytest.mark.parametrize("text", ["", "  \n\n\u3000\t\n"])
def test_empty_file_gives_no_sentences(tmp_path: Path, text: str) -> None:
    document = read_document(write(tmp_path, text))
    assert document.sentences == []
    assert [d.reason for d in document.dropped] == ["empty-file"]


def test_full_width_is_normalised_one_for_one(tmp_path: Path) -> None:
    text = "ＡＢＣ公司２０２４年营收增长１５％，\u3000研发投入（亿元）达到３．５。"
    document = read_document(write(tmp_path, text))
    [sentence] = document.sentences
    assert sentence.text == "ABC公司2024年营收增长15%，研发投入（亿元）达到3.5。"  # no space after ，
    assert_offsets_map(document)


def test_small_form_punctuation_is_read_as_the_mark_it_stands_for(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "在青柳，甲装置开工﹔在白石，乙装置﹐丙装置投用。"))
    assert document.sentences[0].text == "在青柳，甲装置开工；在白石，乙装置，丙装置投用。"
    assert_offsets_map(document)


def test_ascii_punctuation_in_chinese_text_becomes_chinese(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "安徽省印发意见(2.0版),推动产业:集成电路;量子信息。"))
    assert document.sentences[0].text == "安徽省印发意见（2.0版），推动产业：集成电路；量子信息。"


def test_chinese_punctuation_is_kept(tmp_path: Path) -> None:
    text = "比亚迪、江淮、蔚来等企业；《规划》提出：“集群”（试点），见效！真的？"
    document = read_document(write(tmp_path, text))
    assert "".join(s.text for s in document.sentences) == text


def test_markdown_marks_are_removed_with_offsets(tmp_path: Path) -> None:
    text = "## 第一节 发展成就\n\n- **量子中心。**以高新区为承载基础，聚焦量子通信。\n"
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert texts == ["第一节 发展成就", "量子中心。", "以高新区为承载基础，聚焦量子通信。"]
    assert "#" not in "".join(texts) and "*" not in "".join(texts)
    assert_offsets_map(document)


def test_broken_line_is_rejoined_across_noise(tmp_path: Path) -> None:
    text = (
        "一是推动产业聚链成群。我们扎实推进新兴产业集群发展工程，构建产\n\n"
        "全国人大代表 张三\n\n"
        "业集群梯次发展体系，加快建设新能源汽车等新兴产业集群。\n"
    )
    document = read_document(write(tmp_path, text))
    joined = [s for s in document.sentences if "构建产业集群" in s.text]
    assert len(joined) == 1
    assert_offsets_map(document)
    # The characters either side of the break point to both original lines.
    sentence = joined[0]
    i = sentence.text.index("构建产业") + 2
    assert document.text[sentence.offsets[i]] == "产"
    assert sentence.offsets[i + 1] > sentence.offsets[i] + 1
    assert "interrupting-line" in {d.reason for d in document.dropped}


def test_paragraph_continued_further_down_is_rejoined(tmp_path: Path) -> None:
    text = (
        "他建议培育领军人才。将相关内容纳入培训范围。鼓\n\n"
        "另一篇文章的段落，讲的是别的事情，与上文无关。\n\n"
        "励高校开设面向企业家的专业培训课程，提高实战能力。\n"
    )
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert "鼓励高校开设面向企业家的专业培训课程，提高实战能力。" in texts
    assert "另一篇文章的段落，讲的是别的事情，与上文无关。" in texts
    assert_offsets_map(document)


def test_a_line_stopping_at_a_list_separator_goes_on_in_the_next(tmp_path: Path) -> None:
    # A slide's layout: one short line each, a list broken after its separator.
    slide = (
        "《规划》提出\n培育壮大软件信息、新能源、\n高端装备、生物医药四大新兴产业\n"
        + "优化提升冶金、建材、\n食品、轻工四大基础产业\n"
    )
    document = read_document(write(tmp_path, slide))
    assert_offsets_map(document)
    lists = [s.text for s in document.sentences if "、" in s.text]
    assert lists == [
        "培育壮大软件信息、新能源、高端装备、生物医药四大新兴产业",
        "优化提升冶金、建材、食品、轻工四大基础产业",
    ]


def test_lines_joined_at_a_separator_are_not_joined_to_a_paragraph_further_down(tmp_path: Path) -> None:
    text = (
        "以海峡西岸为发展带串联沿海城市群、\n港口群和产业群的滨海发展轴\n"
        "沿江发展轴涉及闽清县、闽侯县、鼓楼区、台江区、晋安区、仓山区、马尾区、长乐区以及永泰县，打造示范区。\n"
    )
    document = read_document(write(tmp_path, text))
    assert [s.text for s in document.sentences][0] == "以海峡西岸为发展带串联沿海城市群、港口群和产业群的滨海发展轴"


def test_complete_lines_are_not_joined(tmp_path: Path) -> None:
    text = "合肥市发展集成电路产业。\n\n新型显示产业加快发展。\n"
    document = read_document(write(tmp_path, text))
    assert len(document.sentences) == 2


def test_advertising_and_boilerplate_lines_are_dropped(tmp_path: Path) -> None:
    text = (
        "更多资料请访问 https://example.com/list\n"
        "扫码下载APP，开通会员\n"
        "客服热线 400-123-4567\n"
        "12\n"
        "2024/5/6 星期一 责编/李四 电话/010-12345678\n"
        "正文讲述合肥市的产业发展。\n"
        "市委宣传部供图\n"
        "滨湖科学城的夜景。 李四 摄\n"
    )
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert texts == ["正文讲述合肥市的产业发展。", "滨湖科学城的夜景。"]
    reasons = {d.reason for d in document.dropped}
    assert {"advertising", "page-number", "editor-line", "photo-credit"} <= reasons
    for dropped in document.dropped:
        assert dropped.stage == "clean"
        assert dropped.start is not None and dropped.end is not None
        assert document.text[dropped.start : dropped.end].strip()


def test_breadcrumbs_and_app_prompts_are_dropped_but_a_title_beside_them_is_kept(tmp_path: Path) -> None:
    text = (
        "某某网首页 > 某某号 > 正文\n"
        "打开某某新闻 查看精彩图片\n"
        "首页 > 工作动态 > 区外动态  合肥市加快建设滨湖科学城纪实\n"
        "正文讲述合肥市的产业发展。\n"
    )
    document = read_document(write(tmp_path, text))
    texts = " ".join(s.text for s in document.sentences)
    assert "某某号" not in texts and "查看精彩图片" not in texts
    assert "滨湖科学城纪实" in texts and "正文讲述合肥市的产业发展。" in texts
    assert {"navigation", "advertising"} <= {d.reason for d in document.dropped}


def test_page_controls_are_dropped_but_text_that_names_them_is_kept(tmp_path: Path) -> None:
    text = (
        "【打印本页】【关闭窗口】\n"
        "来源：某某日报 2024-05-06 09:30\n"
        "上一篇：某某区召开工作会议\n"
        "上一篇报道介绍了滨湖科学城。\n"
        "相关链接\n"
        "相关链接已经接入园区平台。\n"
        "正文讲述合肥市的产业发展，  重点发展集成电路 。\n"
    )
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert texts == [
        "上一篇报道介绍了滨湖科学城。",
        "相关链接已经接入园区平台。",
        "正文讲述合肥市的产业发展，重点发展集成电路。",
    ]
    assert [d.reason for d in document.dropped] == ["navigation"] * 4
    spaced = document.sentences[-1]
    assert document.text[spaced.start : spaced.end].endswith("集成电路 。")  # offsets still point into the file


MENUS_OF_PLACES = (
    "本地新闻 合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 阜阳市 宿州市 滁州市 六安市",
    "尚志市| 绩溪县| 榆社县| 什邡市|",
    "安徽|北京|重庆|福建|甘肃|广西|内蒙古|宁夏|兵团|云南|浙江",
)
PLACES_IN_TEXT = (
    "合肥市、芜湖市、蚌埠市、淮南市四市联合发展新能源汽车产业。",
    "| 序号 | 城市 | 主导产业 |",
    "| 1 | 长沙市 | 工程机械 |",
    "| 2 | 安徽 | 新能源汽车 |",
)


def test_a_portal_menu_of_places_is_dropped_but_a_sentence_or_table_of_places_is_kept(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "\n".join(MENUS_OF_PLACES + PLACES_IN_TEXT) + "\n"))
    dropped = [document.text[d.start : d.end].strip() for d in document.dropped if d.reason == "navigation"]
    assert dropped == list(MENUS_OF_PLACES)
    kept = " ".join(s.text for s in document.sentences)
    assert "四市联合发展新能源汽车产业" in kept and "长沙市" in kept


def test_repeated_paragraphs_and_sentences_are_dropped(tmp_path: Path) -> None:
    paragraph = "合肥市加快建设综合性国家科学中心，推动量子信息产业发展。"
    text = f"{paragraph}\n\n其他内容也很重要。\n\n{paragraph}\n\n{paragraph}\n\n新句子在这里。{paragraph}\n"
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert texts.count(paragraph) == 1
    assert "新句子在这里。" in texts
    reasons = [d.reason for d in document.dropped]
    assert reasons.count("duplicate-paragraph") == 2
    assert reasons.count("duplicate-sentence") == 1
    assert [s.index for s in document.sentences] == list(range(len(texts)))


def test_duplicates_compare_after_normalisation(tmp_path: Path) -> None:
    text = "研发投入达到３５０亿元，增长１５％。\n\n研发投入达到350亿元，增长15%。\n"
    document = read_document(write(tmp_path, text))
    assert len(document.sentences) == 1


def test_sentences_split_at_final_punctuation_and_keep_quotes(tmp_path: Path) -> None:
    text = "他说：“创新是第一动力。”我们要发展！怎么发展？坚持创新；坚持开放。"
    document = read_document(write(tmp_path, text))
    assert [s.text for s in document.sentences] == [
        "他说：“创新是第一动力。”",
        "我们要发展！",
        "怎么发展？",
        "坚持创新；坚持开放。",
    ]


def test_table_rows_are_sentences_with_tabs(tmp_path: Path) -> None:
    text = "指标名称\t2020年\t目标值\n国家高新技术企业数（户）\t3328\t10000\n\t隐形独角兽企业\t33\n"
    document = read_document(write(tmp_path, text))
    texts = [s.text for s in document.sentences]
    assert texts == [
        "指标名称\t2020年\t目标值",
        "国家高新技术企业数（户）\t3328\t10000",
        "\t隐形独角兽企业\t33",
    ]
    assert_offsets_map(document)


def test_title_is_the_title_line(tmp_path: Path) -> None:
    text = "06\n\n创新裂变 合肥动能澎湃\n\n● 本报记者 张三\n\n正文内容讲述合肥市的产业发展情况，内容较长。\n"
    document = read_document(write(tmp_path, text))
    assert document.title == "创新裂变 合肥动能澎湃"
    assert len(document.articles) == 1
    assert document.articles[0].focus_place is None or document.articles[0].focus_place == "合肥市"


def test_title_sharing_a_line_with_the_byline(tmp_path: Path) -> None:
    text = "安徽推动新兴产业提质增效 2025年05月16日 本报记者 李四\n\n安徽省提出意见。安徽省将打造高地。\n"
    document = read_document(write(tmp_path, text))
    assert document.title == "安徽推动新兴产业提质增效"
    assert document.articles[0].focus_place == "安徽省"


def test_a_hard_wrapped_paragraph_s_indented_first_line_counts_its_indent(tmp_path: Path) -> None:
    """Chinese text copied from a PDF indents each paragraph by two full-width spaces; at a
    fixed width its first line holds two characters fewer, and is as full as the others."""
    paragraphs = [
        "合肥市依托中国科学技术大学和合肥综合性国家科学中心建设量子信息产业园，"
        "聚集了本源量子计算科技（合肥）股份有限公司等一批企业。",
        "芜湖市以奇瑞汽车股份有限公司为龙头发展新能源汽车产业，并推动国盾量子在高新区建设新的研发基地和量子通信网络。",
    ]
    width = 20
    lines = []
    for paragraph in paragraphs:
        first, rest = paragraph[: width - 2], paragraph[width - 2 :]
        lines += ["\u3000\u3000" + first] + [rest[i : i + width] for i in range(0, len(rest), width)]
    document = read_document(write(tmp_path, "\n".join(lines) + "\n"))
    assert [s.text for s in document.sentences] == paragraphs
