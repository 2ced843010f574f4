"""Names a list distributes over its members: "A、B等N个<kind>" names one <kind> per member.

"深空探测、火灾科学等2个全国重点实验室" names 深空探测全国重点实验室 and 火灾科学全国重点
实验室; "光谷、珞珈等9家湖北实验室" names 湖北光谷实验室 and 湖北珞珈实验室. The kinds and how
each makes its names are data (loaders/lexicon/data/counted_kinds.tsv). A member may be a
word the gazetteer knows as a place or an industry (光谷, 深空探测): before the kind it is
the stem of a name. A list holding a name of an organisation lists those, not stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick_rs

from kg.errors import InputError
from kg.model import ENTITY_CLASSES
from loaders.lexicon.gazetteer import DATA_DIR, PROVINCE_LEVEL, default_gazetteer, read_tsv_rows, short_form
from loaders.lexicon.matcher import name_form
from loaders.lexicon.segmenter import segment
from loaders.mentions.entity_rules import RULES, judge, left_boundary

KINDS_FILE = DATA_DIR / "counted_kinds.tsv"
_COLUMNS = ["kind", "class", "subtype", "name"]
_PROVINCE_SLOT = "{province}"
_COUNT = "[0-9]{1,2}|[一二三四五六七八九十两]"
_MEASURES = "个家所"
_CHINESE_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
MAX_LIST_ITEMS = 12
MIN_MEMBER_CHARS = 2
MIN_LISTED_AFTER_STOP = 3
# An organisation opening a member holds the laboratory; the field after it names it.
_OWNER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:集团|公司|农科院|科学院|研究院|大学|学院)")
MIN_FIELD_CHARS = 4
# Members that are organisations show a list of names ("中国科大、合工大等2个…"), not stems.
_NAME_CLASSES = frozenset({"Laboratory", "ResearchInstitute", "University", "Enterprise", "InnovationPlatform"})


@dataclass(frozen=True, slots=True)
class CountedKind:
    kind: str  # as written in the text
    type: str
    subtype: str | None
    name: str  # the template, with {member}


@dataclass(frozen=True, slots=True)
class DistributedName:
    start: int  # the member's span in the sentence
    end: int
    type: str
    subtype: str | None
    name: str


@dataclass(frozen=True, slots=True)
class DistributedList:
    names: list[DistributedName]
    kind_start: int  # the kind's span: a list's kind is no entity of its own
    kind_end: int


def distributed_lists(text: str, known: Iterable[tuple[int, int, str]]) -> list[DistributedList]:
    """Lists of ``text`` that distribute a kind over their members. ``known``: the
    gazetteer's (start, end, class) in the sentence."""
    spans = sorted(known)
    found: list[DistributedList] = []
    if not _kind_words().find_matches_as_indexes(text):
        return found  # speed: every hit holds a kind, and the pattern of all kinds is slow to scan with
    for hit in _kind_pattern().finditer(text):
        listed = _distributed(text, hit, spans)
        if listed is not None:
            found.append(listed)
    return found


def _distributed(text: str, hit: re.Match[str], known: list[tuple[int, int, str]]) -> DistributedList | None:
    has_etc, numeral, written = hit.group(1) is not None, hit.group(2), hit.group(3)
    if not has_etc and not numeral:
        return None  # a kind on its own ("省实验室") ends no list
    members = _members_before(text, hit.start(), [(a, b) for a, b, _ in known])
    count = _count_value(numeral) if numeral else None
    if not members or (numeral and count is None):
        return None
    if count is not None and (len(members) > count or (not has_etc and len(members) != count)):
        return None
    if _mostly_names(members, known):
        return None
    kind = _kind_of(written)
    stems = _shared_tail_names([name_form(text[a:b]) for a, b in members])
    names = [
        DistributedName(a, b, kind.type, kind.subtype, _name(kind, written, stem))
        for (a, b), stem in zip(members, stems, strict=True)
        if judge(RULES.get("lab-key"), stem) is None
    ]
    return DistributedList(names, hit.start(3), hit.end(3)) if names else None


def _mostly_names(members: list[tuple[int, int]], known: list[tuple[int, int, str]]) -> bool:
    """Whether half the members or more are names of organisations: then the list lists
    those ("某大、某工大等2个…"); one firm among place words names its own laboratory
    ("某州某某、某某时代等3家…": 某某时代创新实验室)."""
    named = sum(any(cls in _NAME_CLASSES and a < end and b > start for a, b, cls in known) for start, end in members)
    return 2 * named >= len(members)


def _name(kind: CountedKind, written: str, member: str) -> str:
    """The member's name made by the kind's template; a member written in full already
    ("云南贵金属实验室、…等4个云南实验室") is its own name."""
    suffix = kind.kind.removeprefix(_PROVINCE_SLOT)
    province = written.removesuffix(suffix) if _PROVINCE_SLOT in kind.kind else ""
    if member.endswith(kind.name.format(member="", kind=written, province="")):
        return member
    return kind.name.format(member=member, kind=written, province=province)


def _members_before(text: str, end: int, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    members: list[tuple[int, int]] = []
    for _ in range(MAX_LIST_ITEMS):
        end = _before_field_aside(text, end)
        start = left_boundary(text, end, known, through_joiner=True)
        named_from = _after_owner(text, start, end)
        if end - named_from < MIN_MEMBER_CHARS:
            # A first member whose last character reads as a word of its own (…都, "all")
            # stops the walk at once: the members after it still make the list.
            return members if start == end and len(members) >= MIN_LISTED_AFTER_STOP else []
        members.insert(0, (named_from, end))
        if start == 0 or text[start - 1] != "、":
            return members
        end = start - 1
    return members


# A member may carry its field in brackets ("某某（新材料）、某某（生物医药）等…"): the aside
# says what the laboratory works on and is no part of its name.
_FIELD_ASIDE = re.compile(r"[（(][\u4e00-\u9fff]{2,10}[）)]$")
MAX_ASIDE_CHARS = 12


def _before_field_aside(text: str, end: int) -> int:
    aside = _FIELD_ASIDE.search(text, max(0, end - MAX_ASIDE_CHARS), end)
    return aside.start() if aside is not None else end


def _after_owner(text: str, start: int, end: int) -> int:
    """Where a member starts after the organisation that holds it ("某某集团药物质量控制技术
    等国家地方联合工程实验室": the laboratory is 药物质量控制技术…)."""
    owner = _OWNER.match(text, start, end)
    return owner.end() if owner is not None and end - owner.end() >= MIN_FIELD_CHARS else start


def _shared_tail_names(names: list[str]) -> list[str]:
    """ "玉米、杂交稻育种2个…": a word the last member ends in and the short ones lack is shared."""
    if len(names) < 2 or any(len(n) > 2 for n in names[:-1]):
        return names
    words = segment(names[-1])
    tail = words[-1] if len(words) > 1 else ""
    if len(tail) < 2 or any(n.endswith(tail) for n in names[:-1]):
        return names
    return [n + tail for n in names[:-1]] + [names[-1]]


def _count_value(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else _CHINESE_DIGITS.get(numeral)


@cache
def counted_kinds() -> tuple[CountedKind, ...]:
    rows = read_tsv_rows(KINDS_FILE)
    if not rows or rows[0] != _COLUMNS or any(len(row) != len(_COLUMNS) for row in rows[1:]):
        raise InputError(f"{KINDS_FILE}: expected the columns {'/'.join(_COLUMNS)} on every row")
    kinds = tuple(CountedKind(kind, cls, subtype or None, name) for kind, cls, subtype, name in rows[1:])
    unknown = sorted({k.type for k in kinds} - set(ENTITY_CLASSES))
    if unknown:
        raise InputError(f"{KINDS_FILE}: unknown class {', '.join(unknown)}")
    return kinds


@cache
def _kinds_by_text() -> dict[str, CountedKind]:
    return {k.kind: k for k in counted_kinds() if _PROVINCE_SLOT not in k.kind}


def _kind_of(written: str) -> CountedKind:
    """The kind ``written`` is: itself, or a province's kind ("湖北实验室")."""
    if written in _kinds_by_text():
        return _kinds_by_text()[written]
    return next(
        k for k in counted_kinds() if _PROVINCE_SLOT in k.kind and written.endswith(k.kind.removeprefix(_PROVINCE_SLOT))
    )


@cache
def _kind_pattern() -> re.Pattern[str]:
    """等 and/or a count with its measure word, then a kind as written."""
    alternatives = "|".join(re.escape(w) for w in sorted(_written_kinds(), key=len, reverse=True))
    return re.compile(rf"(等)?(?:({_COUNT})[{_MEASURES}])?({alternatives})")


@cache
def _written_kinds() -> tuple[str, ...]:
    """Every kind as a text may write it: with each province's short name in its slot."""
    written: list[str] = []
    for kind in counted_kinds():
        if _PROVINCE_SLOT in kind.kind:
            written += [kind.kind.replace(_PROVINCE_SLOT, p) for p in _province_short_names()]
        else:
            written.append(kind.kind)
    return tuple(written)


@cache
def _kind_words() -> ahocorasick_rs.AhoCorasick:
    """The kinds as written, to test quickly whether a text holds one."""
    return ahocorasick_rs.AhoCorasick(list(_written_kinds()))


@cache
def _province_short_names() -> tuple[str, ...]:
    divisions = default_gazetteer().divisions.values()
    return tuple(sorted(s for d in divisions if d.level == PROVINCE_LEVEL and (s := short_form(d.name))))
