"""Research institutes called by their group and number: "中电科38所", "中船702所".

The press writes the institutes of the central state-owned groups as the group's short
name, a number and 所; their official names spell the number in Chinese numerals
(中国电子科技集团公司第三十八研究所). The groups, the ways they are written and how their
names spell numbers are data (loaders/lexicon/data/numbered_institutes.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.errors import InputError
from loaders.lexicon.gazetteer import DATA_DIR, read_tsv_rows

NUMBERED_FILE = DATA_DIR / "numbered_institutes.tsv"
_COLUMNS = ["prefixes", "numerals", "name"]
_NUMBER_SLOT = "{n}"
_DIGITS = "〇一二三四五六七八九"
MAX_NUMBER = 999


@dataclass(frozen=True, slots=True)
class NumberedInstitute:
    start: int
    end: int
    canonical: str


@dataclass(frozen=True, slots=True)
class _Group:
    numerals: str  # "count" or "digits"
    name: str  # with {n}


def numbered_institutes(text: str) -> list[NumberedInstitute]:
    """Every "<group><number>所" of ``text`` with its official name, and the numbers a list
    goes on with after it ("中电科38所、16所、43所": the group is written once)."""
    groups, pattern = _groups()
    found = []
    for hit in pattern.finditer(text):
        group = groups[hit.group("group")]
        # After a declared short name the mention is the numbered part, so the group's own
        # mention and its declaration stay whole.
        start = hit.start("numbered") if hit.group("aside") else hit.start()
        found += _institute(group, hit.group("number"), start, hit.end())
        end = hit.end()
        while (more := _LIST_NUMBER.match(text, end)) is not None:
            found += _institute(group, more.group("number"), more.start("name"), more.end())
            end = more.end()
    return found


def _institute(group: _Group, written: str, start: int, end: int) -> list[NumberedInstitute]:
    number = read_number(written)
    if number is None or not 0 < number <= MAX_NUMBER:
        return []
    numeral = count_numeral(number) if group.numerals == "count" else digit_numeral(number)
    return [NumberedInstitute(start, end, group.name.replace(_NUMBER_SLOT, numeral))]


_ZERO_FORMS = "〇零"
_UNITS = {"十": 10, "百": 100}
_WRITTEN_NUMBER = r"[0-9]{1,3}|[〇零一二三四五六七八九十百]{1,5}"
# A number after 、 goes on the list only when its 所 ends the item: in 38所和12所高校 the
# second 所 counts schools.
_LIST_NUMBER = re.compile(
    rf"[、和及与](?P<name>第?(?P<number>{_WRITTEN_NUMBER})(?:研究)?所)(?=[、，。；,;等和及与）)\s]|$)"
)
# A declared short name may stand between the group and the number:
# 中国电子科技集团（以下简称中电科集团）第54所.
_ASIDE = r"(?P<aside>[（(][^（()）]{1,16}[)）])?"


def read_number(written: str) -> int | None:
    """The number in "38", "三十八", "十八" or "七〇二"; None when it is no well-formed number."""
    if written.isascii():
        return int(written)
    if not any(unit in written for unit in _UNITS):
        digits = [_digit(ch) for ch in written]
        return None if None in digits else int("".join(str(d) for d in digits))
    total, pending = 0, 0
    for ch in written:
        if ch in _UNITS:
            total += (pending or 1) * _UNITS[ch]
            pending = 0
        else:
            digit = _digit(ch)
            if digit is None:
                return None
            pending = digit
    return total + pending


def _digit(ch: str) -> int | None:
    if ch in _ZERO_FORMS:
        return 0
    at = _DIGITS.find(ch)
    return at if at > 0 else None


def count_numeral(number: int) -> str:
    """38 -> 三十八, 10 -> 十, 14 -> 十四, 102 -> 一百零二 (as the names count)."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    head = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens == 0:
        tail = ("零" if head and ones else "") + (_DIGITS[ones] if ones else "")
    else:
        tail = ("" if tens == 1 and not head else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    return head + tail


def digit_numeral(number: int) -> str:
    """702 -> 七〇二 (digit by digit, as the shipbuilding and ordnance groups write them)."""
    return "".join(_DIGITS[int(d)] for d in str(number))


@cache
def _groups() -> tuple[dict[str, _Group], re.Pattern[str]]:
    rows = read_tsv_rows(NUMBERED_FILE)
    if not rows or rows[0] != _COLUMNS:
        raise InputError(f"{NUMBERED_FILE}: expected header {'/'.join(_COLUMNS)}")
    groups: dict[str, _Group] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(_COLUMNS) or row[1] not in ("count", "digits") or _NUMBER_SLOT not in row[2]:
            raise InputError(f"{NUMBERED_FILE}: line {number}: malformed row {row!r}")
        for prefix in row[0].split("|"):
            groups[prefix] = _Group(row[1], row[2])
    # Longest prefixes first, so 中国电科 is not read as 电科 after 中国.
    names = "|".join(sorted(map(re.escape, groups), key=len, reverse=True))
    return groups, re.compile(
        rf"(?P<group>{names}){_ASIDE}(?P<numbered>(?:第)?(?P<number>{_WRITTEN_NUMBER})(?:研究)?所)"
    )
