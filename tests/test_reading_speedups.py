"""The fast paths of the reading stage give exactly what the plain formulations give.

Each test keeps the plain (slow) formulation of a step as a reference and compares it
with the module's function on random strings drawn from the characters the step cares
about, so a fast path that drifts from the plain meaning fails here.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from loaders.lexicon.place_names import _DISTRICT_IN_TEXT, _GENERIC_STEMS, district_names
from loaders.read.articles import _bigrams, _Draft
from loaders.read.boilerplate import _TRAILING_CREDIT, trailing_credit_start
from loaders.read.cleaning import _ASCII_TO_CHINESE, _WIDTH_TABLE, clean_line, normalise_width
from loaders.read.duplicates import SeenTexts
from loaders.read.sentences import _ALNUM

_CJK = "\u3001-\u303f\u3400-\u9fff\uff01-\uff5e“”"
_PUNCT_BY_CJK = re.compile(rf"(?<=[{_CJK}])[,;:!?()]|[,;:!?()](?=[{_CJK}])")


def _random_texts(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(longest + 1))) for _ in range(count)]


def _plain_normalise_width(text: str) -> str:
    text = text.translate(_WIDTH_TABLE)
    return _PUNCT_BY_CJK.sub(lambda m: _ASCII_TO_CHINESE[m.group()], text)


def test_normalise_width_matches_translate_and_lookaround_on_random_text() -> None:
    alphabet = ",;:!?()，；（）ａＺ０！＂　\xa0中文、“”a1 \t"
    for text in _random_texts(alphabet, 5000, 12, seed=1):
        assert normalise_width(text) == _plain_normalise_width(text), text


def test_normalise_width_matches_translate_on_every_basic_plane_character() -> None:
    text = "".join(chr(c) for c in range(1, 0x10000) if not 0xD800 <= c < 0xE000)
    assert normalise_width(text) == _plain_normalise_width(text)


def test_normalise_width_keeps_length_and_converts_punctuation_by_chinese() -> None:
    text = "合肥,安徽 a,b (注)"
    result = normalise_width(text)
    assert len(result) == len(text)
    assert result == "合肥，安徽 a,b （注）"


def _plain_district_names(text: str) -> list[str]:
    pairs = [g for g in _GENERIC_STEMS if len(g) == 2]
    found = []
    for match in _DISTRICT_IN_TEXT.finditer(text):
        stem = match.group("stem") or match.group("stem2") or match.group("stem3")
        if stem not in _GENERIC_STEMS and not any(stem.endswith(g) for g in pairs) and not stem.endswith("级"):
            found.append(match.group())
    return found


def test_district_names_matches_plain_finditer_on_random_text() -> None:
    alphabet = "区县高新经开发站科学城市省和与及、的政府委等朝阳栖霞全示范级 ，a1\n"
    for text in _random_texts(alphabet, 20000, 14, seed=2):
        assert district_names(text) == _plain_district_names(text), text


def test_district_names_finds_names_after_cities_and_before_bodies() -> None:
    text = "北京市朝阳区和海淀区，栖霞区政协与合肥高新区"
    assert district_names(text) == _plain_district_names(text)
    assert {"朝阳区", "海淀区", "栖霞区", "合肥高新区"} <= set(district_names(text))


def _plain_bigrams(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
        counts.update(map(str.__add__, run, run[1:]))
    return counts


def test_bigrams_match_per_run_pairs_including_their_order() -> None:
    for text in _random_texts("合肥中文字词 a,。", 3000, 20, seed=3):
        # Same counts and same first-seen order (Counter.most_common breaks ties by it).
        assert list(_bigrams(text).items()) == list(_plain_bigrams(text).items()), text


def test_draft_add_words_keeps_the_squared_norm_of_its_counts() -> None:
    draft = _Draft(None, False)
    for text in _random_texts("合肥中文字词创新", 50, 30, seed=4):
        draft.add_words(_bigrams(text))
        assert draft.words_norm_sq == sum(n * n for n in draft.words.values())


def test_trailing_credit_fast_path_agrees_with_the_regex() -> None:
    alphabet = "王世保摄影供图记者 \u3000。等领域\n"
    for text in _random_texts(alphabet, 20000, 12, seed=5):
        match = _TRAILING_CREDIT.search(text)
        expected = match.start() if match and match.start() > 0 else None
        assert trailing_credit_start(text) == expected, text


def test_seen_texts_ignores_every_kind_of_whitespace() -> None:
    seen = SeenTexts()
    assert not seen.is_repeat("合肥 综合性\u3000国家科学中心")
    assert seen.is_repeat("合肥综合性国家\u00a0科学\t中心\n")


def test_alnum_pattern_is_str_isalnum_on_every_character() -> None:
    text = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert [c for c in text if bool(_ALNUM.match(c)) != c.isalnum()] == []


def test_clean_line_without_inline_marks_maps_every_character_to_its_offset() -> None:
    line = "  合肥市 推进科技创新  "
    cleaned = clean_line(line, 100)
    assert cleaned is not None
    assert cleaned.text == "合肥市 推进科技创新"
    assert cleaned.offsets == list(range(102, 102 + len(cleaned.text)))
    bold = clean_line("**庐江县。**围绕", 0)
    assert bold is not None and bold.text == "庐江县。围绕" and bold.bold_lead == "庐江县。"
    assert [line_char for line_char in bold.text] == ["**庐江县。**围绕"[o] for o in bold.offsets]
