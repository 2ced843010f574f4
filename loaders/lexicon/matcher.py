"""Find gazetteer surfaces in cleaned sentence text with one Aho-Corasick automaton.

The automaton (ahocorasick-rs, leftmost-longest) is built once per process over every
surface of the gazetteer, plus the OCR-slip spelling of each surface, so matching a
sentence is a single pass in Rust with no per-character Python loop.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs

from kg.errors import InputError
from loaders.lexicon.gazetteer import DATA_DIR, Gazetteer, Surface, gazetteer_with

OCR_VARIANTS_FILE = DATA_DIR / "ocr_variants.tsv"


# Not frozen, for speed (a frozen dataclass is built about three times slower, and
# one is built per match); hashable all the same, and never changed once built.
@dataclass(slots=True, unsafe_hash=True)
class SurfaceMatch:
    start: int  # offsets in the searched text
    end: int
    surface: Surface
    ocr_variant: bool = False  # the text spells the surface with an OCR slip


def load_ocr_variants(path: Path = OCR_VARIANTS_FILE) -> tuple[tuple[str, str], ...]:
    """(slip, fix) pairs, e.g. ("交又", "交叉")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read OCR variants: {exc}") from exc
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line == "slip\tfix":
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(parts) or len(parts[0]) != len(parts[1]):
            # Equal lengths keep offsets valid when a slip is corrected in place.
            raise InputError(f"{path}: line {number}: expected slip<TAB>fix of equal length")
        pairs.append((parts[0], parts[1]))
    return tuple(pairs)


@lru_cache(maxsize=1)
def ocr_variants() -> tuple[tuple[str, str], ...]:
    return load_ocr_variants()


def fix_ocr(text: str) -> str:
    """Undo known OCR slips in a name (交又 -> 交叉)."""
    for slip, fix in ocr_variants():
        if slip in text:
            text = text.replace(slip, fix)
    return text


# Where a Latin/digit run meets a Han character; PDF extraction often puts a space there
# ("长三角 G60 科创走廊", "DRAM 产业").
_SCRIPT_BOUNDARY = re.compile(r"(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])")
MAX_SPACED_BOUNDARIES = 3  # 2**3 spellings at most per surface


def spaced_variants(name: str) -> list[str]:
    """Spellings of ``name`` with a space at some of its Latin/Han boundaries."""
    cuts = [m.start() for m in _SCRIPT_BOUNDARY.finditer(name)]
    if not cuts or len(cuts) > MAX_SPACED_BOUNDARIES:
        return []
    spellings = []
    for chosen in itertools.product((False, True), repeat=len(cuts)):
        if not any(chosen):
            continue
        pieces, last = [], 0
        for cut, spaced in zip(cuts, chosen, strict=True):
            if spaced:
                pieces += [name[last:cut], " "]
                last = cut
        spellings.append("".join(pieces) + name[last:])
    return spellings


_SCRIPT_GAP = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z0-9])")


def name_form(text: str) -> str:
    """A name as written in the graph: OCR slips undone, no space between a Latin/digit
    run and a Han character ("长三角 G60 科创走廊" -> 长三角G60科创走廊)."""
    text = fix_ocr(text)
    return _SCRIPT_GAP.sub("", text) if " " in text else text


# Joins the texts of find_each; no surface holds it and it is no word character.
_SEPARATOR = "\x00"


def _is_ascii_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class SurfaceMatcher:
    """Leftmost-longest, non-overlapping matches of known surfaces."""

    def __init__(self, surfaces: dict[str, Surface], variants: tuple[tuple[str, str], ...]):
        self._patterns: list[str] = []
        # (surface, spelled with an OCR slip, the pattern starts or ends with an ASCII char)
        self._targets: list[tuple[Surface, bool, bool]] = []
        for text, surface in surfaces.items():
            self._add(text, surface, False)
            for spaced in spaced_variants(text):
                self._add(spaced, surface, False)
            for slip, fix in variants:
                if fix in text:
                    self._add(text.replace(fix, slip), surface, True)
        # A DFA: built once per process (~50 ms more), it searches about a third faster.
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns,
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA,
        )
        self._joinable = not any(_SEPARATOR in p for p in self._patterns)

    def _add(self, pattern: str, surface: Surface, ocr: bool) -> None:
        self._patterns.append(pattern)
        # A match is its pattern, so whether a match has an ASCII end is known here once.
        self._targets.append((surface, ocr, pattern[0].isascii() or pattern[-1].isascii()))

    def find(self, text: str) -> list[SurfaceMatch]:
        found = []
        targets = self._targets
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            # Only a name with an ASCII end can sit inside an ASCII word (most are Chinese
            # at both ends).
            surface, ocr, ascii_end = targets[index]
            if ascii_end and not self._whole_ascii_word(text, start, end):
                continue  # "EAST" inside "EASTERN"
            found.append(SurfaceMatch(start, end, surface, ocr))
        return found

    def find_each(self, texts: list[str]) -> list[list[SurfaceMatch]]:
        """``[self.find(t) for t in texts]`` in one automaton pass (speed: one call
        instead of one per sentence). The texts are searched joined by a separator no
        surface holds, so no match crosses from one text into the next, and a separator
        is no ASCII word character, so the word-boundary test sees what it sees at a
        text's end."""
        joined = _SEPARATOR.join(texts)
        if not self._joinable or joined.count(_SEPARATOR) != max(len(texts) - 1, 0):
            return [self.find(t) for t in texts]  # a text or a surface holds the separator
        found: list[list[SurfaceMatch]] = [[] for _ in texts]
        targets = self._targets
        current, base, limit = 0, 0, len(texts[0]) if texts else 0
        for index, start, end in self._automaton.find_matches_as_indexes(joined):
            while start >= limit:  # move on to the text this match lies in
                current += 1
                base = limit + 1
                limit = base + len(texts[current])
            surface, ocr, ascii_end = targets[index]
            if ascii_end and not self._whole_ascii_word(joined, start, end):
                continue
            found[current].append(SurfaceMatch(start - base, end - base, surface, ocr))
        return found

    @staticmethod
    def _whole_ascii_word(text: str, start: int, end: int) -> bool:
        if _is_ascii_word_char(text[start]) and start > 0 and _is_ascii_word_char(text[start - 1]):
            return False
        return not (_is_ascii_word_char(text[end - 1]) and end < len(text) and _is_ascii_word_char(text[end]))


def build_matcher(gazetteer: Gazetteer) -> SurfaceMatcher:
    return SurfaceMatcher(gazetteer.surfaces, ocr_variants())


def default_matcher() -> SurfaceMatcher:
    """The matcher over the gazetteer in use (the packaged one and any pack's names)."""
    from loaders.lexicon.packs import active_gazetteers

    return _matcher_for(tuple(active_gazetteers()))


@lru_cache(maxsize=4)
def _matcher_for(pack_files: tuple[Path, ...]) -> SurfaceMatcher:
    return build_matcher(gazetteer_with(pack_files))
