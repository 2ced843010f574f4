"""Reading real web text: traditional script, pinyin annotations, spam, legacy encodings,
lines without sentence ends. Every test writes a real file and reads it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_document

from kg.errors import InputError
from loaders.read.document import read_document
from loaders.read.insertions import find_insertions
from loaders.read.pinyin import is_pinyin
from loaders.read.script import to_simplified
from loaders.read.sentences import MAX_SENTENCE_LENGTH


def write(tmp_path: Path, data: str | bytes, name: str = "page.txt") -> Path:
    return write_document(tmp_path, data, name)


def dropped(document, reason: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.text for d in document.dropped if d.reason == reason]


def test_traditional_text_is_read_as_simplified_with_offsets_into_the_file(tmp_path: Path) -> None:
    original = "京東方科技集團落戶合肥高新區，聚焦新型顯示產業。"
    document = read_document(write(tmp_path, original))
    assert document.script == "traditional"
    sentence = document.sentences[0]
    assert sentence.text == "京东方科技集团落户合肥高新区，聚焦新型显示产业。"
    start = sentence.text.index("合肥高新区")
    span = sentence.original_span(start, start + len("合肥高新区"))
    assert document.text[span.start : span.end] == "合肥高新區"


def test_simplified_text_is_left_as_it_is() -> None:
    text = "合肥市重点发展集成电路产业，陈列着成果。"
    conversion = to_simplified(text)
    assert (conversion.text, conversion.script, conversion.changed) == (text, "simplified", 0)


def test_a_few_traditional_forms_in_simplified_text_make_it_mixed() -> None:
    text = "武漢东湖新技术开发区位于湖北省武汉市东南部，是国家级高新区，集聚了大批企业和高校。"
    conversion = to_simplified(text)
    assert conversion.script == "mixed"
    assert conversion.text.startswith("武汉东湖")
    assert len(conversion.text) == len(text)


def test_the_variant_lian_of_chain_in_traditional_text_is_read_as_chain() -> None:
    conversion = to_simplified("該市已經形成完整的新能源汽車產業鍊，供應鍊企業超過百家。")
    assert "产业链" in conversion.text and "供应链" in conversion.text


@pytest.mark.parametrize("word", ["xué", "fa", "jian", "xīān", "guāngyuán", "zhong", "lǜ"])
def test_pinyin_is_recognised(word: str) -> None:
    assert is_pinyin(word)


@pytest.mark.parametrize("word", ["app", "pdf", "str", "ok", "x", "AI", "on"])
def test_other_latin_words_are_not_pinyin(word: str) -> None:
    assert not is_pinyin(word)


def test_pinyin_annotations_inside_names_are_removed_and_reported(tmp_path: Path) -> None:
    page = "中國科學院西安(xīān)光學精密機械研究所發(fa)布(bu)成果，產(chan)(chan)業集聚。\n"
    document = read_document(write(tmp_path, page))
    text = document.sentences[0].text
    assert "西安光学精密机械研究所发布成果" in text
    assert "产业集聚" in text
    assert dropped(document, "pinyin-annotation") == ["(xīān)", "(fa)", "(bu)", "(chan)", "(chan)"]


def test_a_bracketed_english_abbreviation_is_kept() -> None:
    assert find_insertions("人工智能（AI）产业") == []


def test_spam_lines_and_spam_glued_into_sentences_are_removed(tmp_path: Path) -> None:
    page = (
        "乐鱼体育在线官网登录\n"
        "合肥市聚焦集成电路产业，美国服务器租用，推动项目落地。\n"
        "项目《77xyz必发彩票》建设 ⛸持续推进。\n"
    )
    document = read_document(write(tmp_path, page))
    texts = [s.text for s in document.sentences]
    assert texts[0] == "合肥市聚焦集成电路产业，推动项目落地。"
    assert texts[1] == "项目建设 持续推进。"
    assert dropped(document, "spam") == ["乐鱼体育在线官网登录"]
    assert dropped(document, "inline-spam") == ["美国服务器租用，", "《77xyz必发彩票》"]
    assert dropped(document, "symbol") == ["⛸"]


def test_big5_file_is_detected_not_read_as_gb18030(tmp_path: Path) -> None:
    text = "貴陽市聚焦建設數據中心集聚區，大力發展電子信息製造業和軟件服務業。" * 5
    document = read_document(write(tmp_path, text.encode("big5")))
    assert document.encoding == "big5"
    assert document.text == text
    assert "贵阳市聚焦建设数据中心集聚区" in document.sentences[0].text


def test_gb18030_file_is_still_read_as_gb18030(tmp_path: Path) -> None:
    text = "合肥市聚焦集成电路、新型显示和人工智能产业，建设综合性国家科学中心。" * 5
    document = read_document(write(tmp_path, text.encode("gb18030")))
    assert document.encoding == "gb18030"
    assert document.text == text


def test_bytes_that_read_as_no_chinese_are_refused_with_the_file_named(tmp_path: Path) -> None:
    # Latin-1 bytes that happen to be valid GB18030 and Big5 pairs: mojibake either way
    data = ("Préférée élève rétro. " * 40).encode("latin-1")
    path = write(tmp_path, data, "latin.txt")
    with pytest.raises(InputError, match="latin.txt: encoding cannot be told"):
        read_document(path)


def test_a_line_without_sentence_ends_is_cut_into_bounded_sentences(tmp_path: Path) -> None:
    cells = "\t".join(f"企业{i:05d}，位于高新区" for i in range(3000))
    document = read_document(write(tmp_path, cells))
    assert len(document.sentences) > 10
    assert max(len(s.text) for s in document.sentences) <= MAX_SENTENCE_LENGTH
    covered = sum(len(s.text) for s in document.sentences)
    assert covered >= len(cells) - len(document.sentences) * 2
