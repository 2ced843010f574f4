"""Chinese word segmentation with whatever segmenter is installed.

rjieba (Rust port of jieba, dictionary inside the wheel, no network) is preferred; the
pure-Python jieba is the second choice; without either, text is split into runs of one
character class (Han, Latin letters and digits, other), which is crude but keeps the
pipeline working.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_CLASS_RUNS = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+|\s+|[^\u4e00-\u9fffA-Za-z0-9\s]")


def _split_by_character_class(text: str) -> list[str]:
    return _CLASS_RUNS.findall(text)


@lru_cache(maxsize=1)
def _backend() -> tuple[str, Callable[[str], list[str]]]:
    try:
        import rjieba

        return "rjieba", rjieba.cut
    except ImportError:
        pass
    try:
        import jieba

        return "jieba", lambda text: list(jieba.cut(text))
    except ImportError:
        return "character-class", _split_by_character_class


def active_segmenter() -> str:
    """Name of the segmenter in use: "rjieba", "jieba" or "character-class"."""
    return _backend()[0]


def segment(text: str) -> list[str]:
    """Split ``text`` into words; the words concatenate back to ``text``."""
    if not text:
        return []
    return _backend()[1](text)
