"""Tell a run of Latin letters that is Hanyu Pinyin (with or without tone marks)."""

from __future__ import annotations

import re
import unicodedata

_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_FINAL = (
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|van|ai|ei|ao|ou|an|en|er|in|un|vn"
    "|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
)
_SYLLABLES = re.compile(f"(?:{_INITIAL}?{_FINAL})+")
_MAX_LETTERS = 16


def plain_letters(text: str) -> str:
    """Tone marks off, ü as v: ``xué`` -> ``xue``, ``lǜ`` -> ``lv``."""
    text = text.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v").replace("ǜ", "v")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_pinyin(text: str) -> bool:
    """True when every space-separated word of ``text`` is one or more pinyin syllables."""
    # A capital may open a word (南京(Nánjīng)); a word in capitals is an abbreviation (AI).
    words = [w[0].lower() + w[1:] for w in plain_letters(text).split()]
    return bool(words) and all(len(w) <= _MAX_LETTERS and _SYLLABLES.fullmatch(w) for w in words)
