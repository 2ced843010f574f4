"""The short names a research institute's full name is written as later: its place, the
first word of its field and 所 or 院 (某市储能材料与器件研究院 -> 某市储能院, 储能院), or the
first characters of the field's first two words (某市化学物理研究所 -> 某市化物所, 化物所;
应用化学 -> 应化所).

Chinese writing shortens an institute so once it has named it in full; the gazetteer knows
the famous ones only. The owner opening the full name (中国科学院, 某某大学) is no part of the
short name. A short name is learned only when it is three characters or more and no name the
gazetteer holds.
"""

from __future__ import annotations

from functools import lru_cache

from loaders.lexicon.gazetteer import default_gazetteer
from loaders.lexicon.segmenter import segment
from loaders.mentions.firm_short_names import NATIONAL_WORDS

# The kind word of the full name and the character it is shortened to.
_KINDS = {"研究所": "所", "研究院": "院"}
# Words a field's name ends with that its short name leaves out (纳米技术 -> 纳米).
_FIELD_TAILS = ("技术", "科学", "工程")
_JOINERS = frozenset({"与", "和", "及", "、"})
# An owner opening the name: an academy, a university or a college (中国科学院…研究所).
_OWNER_ENDS = ("科学院", "大学", "学院", "科学研究院")
_MIN_CHARS = 3
# Words that say what any institute does, no field of its own (江苏省产业技术研究院 is 产研院).
_GENERIC_FIELDS = frozenset({"产业", "科技", "技术", "工业", "创新", "经济", "发展", "科学", "工程", "综合"})
_INITIALS_WORD_CHARS = 4  # a one-word field of four characters is two words (应用化学)


@lru_cache(maxsize=4096)
def institute_short_names(full: str) -> tuple[str, ...]:
    """The short names of the institute ``full``, longest first; none when its name is not
    place, field and kind."""
    kind = next((k for k in _KINDS if full.endswith(k)), None)
    if kind is None:
        return ()
    words = [w for w in segment(_without_owner(full[: -len(kind)])) if not w.isspace()]
    gaz = default_gazetteer()
    place = ""
    if words and (found := gaz.surface(words[0])) is not None and found.type == "Place":
        place, words = words[0], words[1:]
    field = [w for w in words if w not in _JOINERS]
    if not field or not _names_a_field(field[0]):
        return ()
    short_kind = _KINDS[kind]
    forms = [_field_word(field[0])]
    initials = _initials(field)
    if initials:
        forms.append(initials)
    names = {place + form + short_kind for form in forms if place} | {form + short_kind for form in forms}
    full_core = full[: -len(kind)]
    return tuple(
        sorted(
            (n for n in names if len(n) >= _MIN_CHARS and n != full and n not in full_core and gaz.surface(n) is None),
            key=len,
            reverse=True,
        )
    )


def _without_owner(core: str) -> str:
    """``core`` after the academy, university or college that opens it, if any."""
    cut = max((core.rfind(end) + len(end) for end in _OWNER_ENDS if end in core), default=0)
    return core[cut:] if cut < len(core) else core


def _names_a_field(word: str) -> bool:
    """Whether ``word`` may open a field's name: two characters or more, no place, no
    national word (中国汽车工程研究院 is shortened otherwise) and no generic one."""
    if len(word) < 2 or word in NATIONAL_WORDS or word in _GENERIC_FIELDS:
        return False
    found = default_gazetteer().surface(word)
    return found is None or found.type != "Place"


def _field_word(word: str) -> str:
    for tail in _FIELD_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 2:
            return word[: -len(tail)]
    return word


def _initials(field: list[str]) -> str | None:
    """The first characters of a field of two words of two characters (化学物理 -> 化物), or
    of the two halves of a field of one four-character word (应用化学 -> 应化); not when the
    second word is a generic tail (光电技术 is 光电所). A longer field is shortened by usage
    no rule foresees (光学精密机械与物理 -> 光机)."""
    if len(field) == 2 and len(field[0]) == len(field[1]) == 2 and field[1] not in _FIELD_TAILS:
        return field[0][0] + field[1][0]
    if len(field) == 1 and len(field[0]) == _INITIALS_WORD_CHARS:
        return field[0][0] + field[0][2]
    return None
