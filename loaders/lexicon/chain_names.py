"""Industry names joined by 及/暨/和/与: two chains, unless the joined name is fixed.

Policy texts pair two industries under one heading ("光伏及新能源", "高端装备制造及新材料",
"新能源汽车暨智能网联汽车"); each half is an industry of its own. A few joined names are
the fixed name of one industry (汽车及零部件, 网络与信息安全): those are the gazetteer's
canonical names that hold a joiner, and they stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs

from kg.errors import InputError
from loaders import ablation

# "以及" before "及" so that the longer joiner is the one cut out.
_JOINER = re.compile(r"以及|暨|及|和|与")
# Words that name the industry as such; a half keeps its name without them.
INDUSTRY_SUFFIXES = ("产业集群", "产业链", "产业")
MIN_PART_CHARS = 2
# Endings of things that are not industries though they stand in lists of fields: a
# technique, a theory, a platform, a product or part ("原创算法", "区块链平台", "乳制品").
NOT_INDUSTRY_TAILS = (
    "技术", "理论", "算法", "平台", "产品", "制品", "品", "部件", "器件", "系统",
    "研究", "应用", "科学", "中心", "基地", "项目", "工程", "方法", "模型",
)  # fmt: skip


def looks_like_industry(name: str) -> bool:
    """A field name that may be an industry or a segment (not a technique or product)."""
    return not name.endswith(NOT_INDUSTRY_TAILS)


@dataclass(frozen=True, slots=True)
class NamePart:
    start: int  # offsets in the searched text
    end: int
    name: str  # the half without 产业/产业链


def strip_industry_suffix(name: str) -> str:
    for suffix in INDUSTRY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


# What is made of or from an industry's output and is no trade without it: joined to the
# industry by 及, it makes one chain with it ("有色金属及合金", "超硬材料及制品",
# "钢铝及其制品", "稀土新材料及应用"), not a second chain.
DEPENDENT_WORDS = frozenset({"合金", "制品", "其制品", "应用", "其应用", "零部件", "配件", "零配件"})


def joins_a_dependent(name: str) -> bool:
    """Whether ``name`` (without its industry word) is an industry, 及 and what depends on it."""
    head, joiner, rest = name.rpartition("及")
    return bool(joiner) and len(head) >= MIN_PART_CHARS and rest in DEPENDENT_WORDS and "及" not in head


def split_joined_chain(text: str, start: int, end: int) -> list[NamePart]:
    """The halves of the chain name ``text[start:end]``; [] when it is not joined, or joins
    what depends on the industry to it (joins_a_dependent).

    Every half must be a name of its own (two characters at least), so "汽车及其零部件"
    style fragments ("其零部件") are left to the caller's fixed-name check."""
    cuts = [m.span() for m in _JOINER.finditer(text, start, end)]
    if not cuts or joins_a_dependent(strip_industry_suffix(text[start:end])):
        return []
    parts: list[NamePart] = []
    left = start
    for a, b in [*cuts, (end, end)]:
        piece = text[left:a]
        name = strip_industry_suffix(piece)
        if len(name) < MIN_PART_CHARS:
            return []
        parts.append(NamePart(left, a, name))
        left = b
    return parts


SEGMENT_TERMS_FILE = Path(__file__).with_name("data") / "segment_terms.txt"


def read_segment_terms(path: Path) -> frozenset[str]:
    """The terms of a vocabulary file: one term a line, '#' starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the vocabulary: {err}") from err
    terms = {line.split("#", 1)[0].strip() for line in lines}
    return frozenset(t for t in terms if t)


# Two first-level categories of the strategic emerging industries written back to back name
# two industries, never one (the file says which and why).
FIRST_LEVEL_CATEGORIES_FILE = Path(__file__).with_name("data") / "first_level_categories.txt"
FIRST_LEVEL_CATEGORIES = read_segment_terms(FIRST_LEVEL_CATEGORIES_FILE)


def split_paired_categories(text: str, start: int, end: int) -> list[NamePart]:
    """The two first-level categories written without a joiner in the chain name
    ``text[start:end]`` ("新能源新材料"); [] when it is not two of them."""
    name = strip_industry_suffix(text[start:end])
    for cut in range(MIN_PART_CHARS, len(name) - MIN_PART_CHARS + 1):
        first, second = name[:cut], name[cut:]
        if first != second and first in FIRST_LEVEL_CATEGORIES and second in FIRST_LEVEL_CATEGORIES:
            return [NamePart(start, start + cut, first), NamePart(start + cut, end, second)]
    return []


_CATEGORY = "|".join(sorted(FIRST_LEVEL_CATEGORIES, key=len, reverse=True))
_PAIRED_CATEGORIES = re.compile(f"(?:{_CATEGORY})(?:{_CATEGORY})")


def paired_category_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of two first-level categories written back to back ("新能源新材料")."""
    return [m.span() for m in _PAIRED_CATEGORIES.finditer(text) if split_paired_categories(text, *m.span())]


def has_joiner(name: str) -> bool:
    return _JOINER.search(name) is not None


@cache
def segment_terms() -> frozenset[str]:
    return read_segment_terms(SEGMENT_TERMS_FILE)


def is_segment_term(name: str) -> bool:
    """A component, material, equipment or service that chain maps list as a segment.
    Callers ask only in industry contexts: alone, 电机 or 控制器 is an everyday word."""
    return name in segment_terms()


STAGE_WORDS_FILE = Path(__file__).with_name("data") / "stage_words.txt"


@cache
def stage_words() -> frozenset[str]:
    return read_segment_terms(STAGE_WORDS_FILE)


def is_stage_word(name: str) -> bool:
    """A bare stage of making a product (设计, 制造, 封测): a chain's link only in a list
    that names several stages (:func:`names_stages`)."""
    return name in stage_words()


MIN_STAGES = 3


def names_stages(members: list[str]) -> bool:
    """Whether a list walks the stages of making a product: three members at least are bare
    stage words ("设计、制造、封测"). Two do not: "集设计、制造于一体" says what one firm does."""
    return sum(1 for m in members if is_stage_word(m)) >= MIN_STAGES


INDUSTRY_TERMS_FILE = Path(__file__).with_name("data") / "industry_terms.txt"


SECTOR_ECONOMIES_FILE = Path(__file__).with_name("data") / "sector_economies.txt"


@cache
def industry_terms() -> frozenset[str]:
    """Industry names of the national classifications (data/industry_terms.txt and
    data/sector_economies.txt)."""
    return read_segment_terms(INDUSTRY_TERMS_FILE) | sector_economies()


@cache
def sector_economies() -> frozenset[str]:
    """The "…经济" names of a sector (海洋经济, 银发经济): industries wherever they stand."""
    return read_segment_terms(SECTOR_ECONOMIES_FILE)


def is_industry_term(name: str) -> bool:
    """An industry as policy texts name it in lists (钢铁, 有色金属, 现代金融). Callers ask
    only of members of a list of fields or industries: alone, 金融 or 机械 is an everyday word."""
    return name in industry_terms() and ablation.enabled("industry-vocabulary")


def segment_term_start(text: str, end: int) -> int:
    """Start of the longest vocabulary term that ends at ``end``; -1 when none does.
    (For names the word boundary rules cut short: 飞行服务 ends in the stop word 服务.)"""
    return _longest_term_start(text, end, 0, segment_terms())


def industry_term_start(text: str, end: int, floor: int) -> int:
    """Start (at ``floor`` or after) of the longest industry term (no segment) that ends at
    ``end``; -1 when none does or the ablation switched the industries off."""
    if not ablation.enabled("industry-vocabulary"):
        return -1
    return _longest_term_start(text, end, floor, industry_terms())


def _longest_term_start(text: str, end: int, floor: int, terms: frozenset[str]) -> int:
    """Start (at ``floor`` or after) of the longest of ``terms`` ending at ``end`` (an
    offset of ``text``)."""
    # Speed: only the lengths of the terms that end in the character before ``end`` are tried.
    for length in _lengths_by_last_char(terms).get(text[end - 1 : end], ()):
        start = end - length
        if start >= floor and text[start:end] in terms:
            return start
    return -1


@cache
def _lengths_by_last_char(terms: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """For each last character of ``terms``, the lengths of the terms ending in it, longest first."""
    lengths: dict[str, set[int]] = {}
    for term in terms:
        lengths.setdefault(term[-1], set()).add(len(term))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def term_lengths_opening_with(char: str, terms: frozenset[str]) -> tuple[int, ...]:
    """The lengths of the ``terms`` that open with ``char``, longest first (speed: a caller
    that asks which terms open a text tries these lengths only)."""
    return _lengths_by_first_char(terms).get(char, ())


@cache
def _lengths_by_first_char(terms: frozenset[str]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for term in terms:
        lengths.setdefault(term[0], set()).add(len(term))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


# What makes a vocabulary industry an industry wherever it stands: 钢铁工业, 化工行业, and the
# field or track it is called (半导体领域, 新能源赛道). (A firm does not: "汽车零部件企业" names
# firms of an industry a page may or may not speak of. A bare 业 does not: 半导体业 in a list is
# one, but 畜牧业规模化 or 光电业务 make the bare suffix too loose a cue.)
INDUSTRY_WORD_SUFFIXES = ("行业", "工业", "领域", "赛道")
# An economy of a sector ("海洋经济", "银发经济", data/sector_economies.txt) is an industry
# wherever it stands, as the suffixed forms are.
ECONOMY_WORD = "经济"
# After the suffix, characters that make another word of it: 业务, 业态, 工业园, 工业区…
_NOT_AFTER_SUFFIX = frozenset("务态绩主内界余者园区化基品协设互")


@cache
def _suffixed_industry_automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[str, int]]]:
    """Every vocabulary industry with each suffix: the automaton and, per pattern, the
    industry it names and the length of its term."""
    patterns: list[str] = []
    named: list[tuple[str, int]] = []
    for term in sorted(sector_economies()):
        patterns.append(term)  # 海洋经济, 银发经济: the word 经济 already names a sector
        named.append((term, len(term)))
    for term in sorted(industry_terms() - sector_economies()):
        if term.endswith("业"):
            continue  # 现代农业, 建筑业: the 业 is part of the word
        for suffix in INDUSTRY_WORD_SUFFIXES:
            patterns.append(term + suffix)
            named.append((term, len(term)))
    automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return automaton, named


def suffixed_industries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, industry) of each vocabulary industry written with a suffix of
    INDUSTRY_WORD_SUFFIXES."""
    if not ablation.enabled("industry-vocabulary"):
        return []
    automaton, named = _suffixed_industry_automaton()
    found = []
    for index, start, end in automaton.find_matches_as_indexes(text):
        if end < len(text) and text[end] in _NOT_AFTER_SUFFIX:
            continue
        found.append((start, end, named[index][0]))
    return found


def vocabulary_term_start(text: str, end: int, floor: int) -> int:
    """Start (at ``floor`` or after) of the longest segment or industry term that ends at
    ``end``; -1 when none does."""
    return _longest_term_start(text, end, floor, _vocabulary())


def is_vocabulary_term(name: str) -> bool:
    """A segment or an industry of the vocabularies (asked only in industry contexts)."""
    return name in _vocabulary()


def _vocabulary() -> frozenset[str]:
    """The terms is_vocabulary_term accepts: segments, and industries unless the ablation
    switched them off. (Speed: one set look-up per term; callers ask many times per name.)"""
    if ablation.enabled("industry-vocabulary"):
        return _segment_and_industry_terms()
    return segment_terms()


@cache
def _segment_and_industry_terms() -> frozenset[str]:
    return segment_terms() | industry_terms()


# A bare "<stem>产业" stem too plain to name a chain unless the gazetteer knows it as one:
# a single word naming an object of study or a setting (基因, 环境), a Latin acronym of
# two letters alone (IT: a whole sector; DRAM, a product, stays), or a product/process word
# whose qualifier is no industry (产品深加工, 精密机械: how or what is made, not a chain).
# Other two-character stems (超导, 化工, 临港) are real chains, so plain words are listed.
PLAIN_WORDS = frozenset({"基因", "环境", "细胞", "分子", "蛋白", "生命", "自然", "物质"})
MAX_BARE_ACRONYM_CHARS = 2
_LATIN_ONLY = re.compile(r"[A-Za-z]+")
PROCESS_WORDS = ("深加工", "精加工", "加工", "机械", "制造")
# Qualifiers that say how a thing is made or what it is, not which industry it serves.
PLAIN_QUALIFIERS = frozenset({"", "产品", "精密", "精细", "通用", "一般", "传统", "其他", "相关", "配套"})


def plain_chain_stem(stem: str) -> str | None:
    """Why ``stem`` of a "<stem>产业" name is too plain to be a chain, or None.
    The caller first asks the gazetteer: a known chain (光伏, 汽车) is never plain."""
    if len(stem) <= MAX_BARE_ACRONYM_CHARS and _LATIN_ONLY.fullmatch(stem):
        return "acronym-alone"
    if stem in PLAIN_WORDS:
        return "plain-word"
    for word in PROCESS_WORDS:
        if stem.endswith(word) and stem[: -len(word)] in PLAIN_QUALIFIERS:
            return "process-word"
    return None
