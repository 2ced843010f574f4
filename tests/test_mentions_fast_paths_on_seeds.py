"""The fast paths of the mention stage answer exactly what the plain versions answer.

Each speed-up (one automaton pass per document, regexes reordered for the engine's
skip-ahead, a character mask in candidate choice, short-form lookup by ending) is checked
against a straightforward reference on the seed texts and on random strings built from the
characters that matter to it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.model import Mention
from loaders.lexicon.matcher import default_matcher
from loaders.mentions.candidates import GAZETTEER_SOURCE, Candidate
from loaders.mentions.choice import choose
from loaders.mentions.entity_rules import suffix_hits, suffix_hits_each
from loaders.mentions.list_candidates import COUNTED_LIST
from loaders.mentions.list_cues import LIST_END
from loaders.read.document import read_document
from loaders.resolve import _by_ending, _names_shortened_by, document_short_forms, shortens

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# The patterns as first written (readable form); the module's versions must agree.
# ("一个" counts one thing, no list's members; "两家企业" counts firms.)
_REFERENCE_LIST_END = re.compile(
    r"等|(?<=[\u4e00-\u9fffA-Za-z])(?!一[个大类项家条])[0-9一二三四五六七八九十两]+[个大类项家条]"
)
_REFERENCE_COUNTED_LIST = re.compile(r"[\u4e00-\u9fff][一二三四五六七八九十两0-9]+[个大类项家条]")


def _seed_sentences() -> list[str]:
    return [s.text for path in SEEDS[:2] for s in read_document(path).sentences]


def _random_texts(alphabet: str, count: int, max_len: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len))) for _ in range(count)]


def test_one_pass_matching_equals_matching_each_sentence() -> None:
    texts = _seed_sentences()
    # ASCII names at text edges: a neighbour text must not make "EAST" part of a word.
    texts += ["", "EAST", "EASTERN", "合肥", "AEAST", "中国科学技术大学", ""]
    matcher = default_matcher()
    assert matcher.find_each(texts) == [matcher.find(t) for t in texts]


def test_one_pass_matching_falls_back_when_a_text_holds_the_separator() -> None:
    texts = ["合肥\x00中国科学技术大学", "合肥"]
    matcher = default_matcher()
    assert matcher.find_each(texts) == [matcher.find(t) for t in texts]


def test_one_pass_suffix_hits_equal_hits_of_each_sentence() -> None:
    texts = _seed_sentences()
    # A suffix at a text's very end, and one followed by a character its rule rejects.
    texts += ["", "某某产业", "产业化", "某某产业", "化工园", "\x00产业"]
    assert suffix_hits_each(texts) == [suffix_hits(t) for t in texts]
    assert suffix_hits_each([]) == []


def test_reordered_list_end_regex_finds_the_same_list_ends() -> None:
    texts = _seed_sentences() + _random_texts("等一二三十两0123个大类项家条中科Ab 、，\n", 20000, 12, seed=7)
    for text in texts:
        expected = [m.span() for m in _REFERENCE_LIST_END.finditer(text)]
        assert [m.span() for m in LIST_END.finditer(text)] == expected, text


def test_reordered_counted_list_regex_accepts_the_same_sentences() -> None:
    texts = _seed_sentences() + _random_texts("一二三十两0123个大类项家条中科A 、\n", 20000, 10, seed=11)
    for text in texts:
        assert bool(COUNTED_LIST.search(text)) == bool(_REFERENCE_COUNTED_LIST.search(text)), text


def _choose_by_pairwise_comparison(pool: list[Candidate]) -> list[Candidate]:
    pool = sorted(pool, key=lambda c: (c.start - c.end, c.priority, c.start))
    chosen: list[Candidate] = []
    for cand in pool:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def test_choice_by_character_mask_equals_pairwise_comparison() -> None:
    rng = random.Random(3)
    sources = [GAZETTEER_SOURCE, "declared-abbreviation", "industry-chain", "enterprise"]
    for round_no in range(3000):
        pool = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 20)
            # Every 50th pool may hold an empty span (handled by the comparison path).
            end = start + rng.randint(0 if round_no % 50 == 0 else 1, 8)
            pool.append(Candidate(start, end, "Enterprise", None, f"n{start}-{end}", rng.choice(sources)))
        expected = _choose_by_pairwise_comparison(list(pool))
        assert choose(list(pool)) == expected


def test_short_forms_found_by_ending_equal_a_scan_of_every_name() -> None:
    rng = random.Random(5)
    for _ in range(300):
        names = set(_random_texts("合肥某能源研究院中心", 25, 9, seed=rng.randint(0, 10**6)))
        groups = _by_ending(names)
        for short in names:
            expected = sorted(n for n in names if shortens(short, n))
            assert sorted(_names_shortened_by(short, groups.get(short[-3:], []))) == expected


def _mention(canonical: str, source: str = "institute") -> Mention:
    return Mention("d.txt", 0, 0, len(canonical), canonical, "ResearchInstitute", None, canonical, source)


def test_document_short_form_takes_the_single_fuller_name() -> None:
    full = _mention("合肥某某中心能源研究院")
    short = _mention("能源研究院")
    other = _mention("某某大学化学研究院")
    changed = document_short_forms([full, short, other])
    assert changed == {1: "合肥某某中心能源研究院"}
    assert short.canonical == "能源研究院"  # the mention given is left as it was
