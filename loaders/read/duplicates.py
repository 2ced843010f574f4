"""Drop paragraphs and sentences the text repeats (PDF extraction repeats whole pages)."""

from __future__ import annotations

# Shorter texts ("各位代表！", a table's "合计") legitimately recur and are kept.
_MIN_KEY_LENGTH = 8


class SeenTexts:
    """Remembers normalised texts; the first occurrence is new, later ones are not."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def is_repeat(self, text: str) -> bool:
        # str.split() splits on exactly the characters \s matches, and is faster.
        key = "".join(text.split())
        if len(key) < _MIN_KEY_LENGTH:
            return False
        if key in self._seen:
            return True
        self._seen.add(key)
        return False
