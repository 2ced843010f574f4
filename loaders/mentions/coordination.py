"""Group coordinated mentions into lists, so one cue can be distributed over every member.

"比亚迪、江淮、大众、蔚来、长安等6家整车企业" is five Enterprise mentions joined by 、
and closed by 等 + count + noun; a relation stated about the list holds for each member.
Mentions of one *kind* (organisation, place, chain) join when only a separator lies
between them; the 等-tail is recorded because rules read its noun (整车企业, 实验室…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Mention
from loaders.lexicon.chain_names import FIRST_LEVEL_CATEGORIES
from loaders.mentions.bracketed_segments import segment_bracket_at

ORGANISATION_CLASSES: frozenset[str] = frozenset(
    {
        "Laboratory",
        "LargeScientificFacility",
        "ResearchInstitute",
        "University",
        "Enterprise",
        "InnovationPlatform",
    }
)

# A list separator, optionally after a chain suffix the mention did not cover
# ("集成电路产业、新型显示产业"), or after a closing quote mark.
# A member's Latin short name in brackets may stand before the joiner ("A公司（CATL）和B公司"),
# and so may a short note of two to six Han characters that no name stands in ("新能源汽车（含
# 关键零部件）、集成电路", "比亚迪（弗迪）、江淮"): it says what the member covers or what it is
# also called, and the list goes on after it. A longer aside, or a list in brackets, ends it.
# Before 等 only a Latin short name is passed over: a list 等 closes says more of its members
# (what kind they are, where they lie), and a Han note after the last member may be one that
# member's other name or a word on it alone ("…计算中心（超级计算中心）等平台").
_LATIN_SHORT_NAME = r"[A-Za-z0-9&.\- ]{2,12}"
_LATIN_ASIDE = rf"(?:[（(]{_LATIN_SHORT_NAME}[）)])?"
_ASIDE = rf"(?:[（(](?:{_LATIN_SHORT_NAME}|[\u4e00-\u9fff]{{2,6}})[）)])?"
# The count of the members before a joiner ("A、B、C 3县和D区") sums up the first part of
# the list, which goes on after it.
_COUNTED_DIVISIONS = r"(?:[0-9一二三四五六七八九十两]+个?(?:县区|区县|县市|县|区|市))?"
_SEPARATOR = re.compile(
    rf"(?:产业链|产业集群|产业|集群)?[”’」』》）)]?{_ASIDE}{_COUNTED_DIVISIONS}\s*(?:、|以及|和|及|与|或|/)\s*[“‘「『《（(]?"
)

_CLOSING_BRACKET = re.compile(r"[）)]")
_OPENING_BRACKET = re.compile(r"[（(]")

# The tail closing a list: 等 [+ count] [+ measure word] [+ category noun]. The noun must
# end in a category word (企业, 高校, 实验室…) so a following verb is never taken for it.
# A count may be approximate ("等近10家封测企业", "等超200家企业"): the noun is still the list's.
_CATEGORY = (
    r"企业|车企(?!业)|公司|集团|厂商|厂家|巨头|翘楚|高校|大学|院校|院所|机构|单位|实验室|装置|设施|平台|"
    r"中心|研究院|产业链|产业集群|产业|集群|行业|领域|园区|县区|区县|城市|地区|项目"
)
_DENG_TAIL = re.compile(
    rf"{_LATIN_ASIDE}(?:产业链|产业集群|产业|集群)?[”’」』》]?\s*等"
    r"(?:\s*(?:近|约|超过|超|逾|共|达)?\s*(?:\d+|[一二三四五六七八九十两几数百千余多]+)\s*(?:余|多)?\s*"
    r"(?:家|个|所|座|大|项|条|类|批|户|支)?)?"
    rf"(?P<noun>[\u4e00-\u9fff]{{0,5}}?(?:{_CATEGORY}))?"
)


# Every other class is an organisation's. (A look-up: kinds are read for every mention.)
_KIND_OF_CLASS = {"Place": "place", "IndustryChain": "chain"}


def kind_of(mention: Mention) -> str:
    """The coordination kind: members of one list share it."""
    return _KIND_OF_CLASS.get(mention.type, "org")


@dataclass(slots=True)
class Unit:
    """A single mention or a coordinated list of mentions of one kind.

    Treat as read-only; it is not frozen only because frozen dataclasses are slower to
    build, and a Unit is built for every mention of every sentence.
    """

    members: tuple[Mention, ...]
    kind: str
    start: int  # cleaned offset of the first member
    end: int  # cleaned offset after the last member
    tail_end: int  # after the 等-tail when there is one, else == end
    noun: str = ""  # the category noun after 等 (e.g. "整车企业"), "" if none
    closed_by_deng: bool = False

    @property
    def is_list(self) -> bool:
        return len(self.members) > 1


def _tail(text: str, end: int) -> tuple[int, str, bool]:
    match = _DENG_TAIL.match(text, end)
    if match is None:
        return end, "", False
    return match.end(), match.group("noun") or "", True


def _joins(text: str, previous_end: int, next_start: int) -> bool:
    match = _SEPARATOR.fullmatch(text, previous_end, next_start)
    if match is None:
        return False
    # A closing bracket ends what it encloses: "X（A、B）、C" lists A and B inside the
    # brackets, C outside; "（A）、（B）" reopens one, so A and B stay one list.
    gap = match.group()
    return not (_CLOSING_BRACKET.search(gap) and not _OPENING_BRACKET.search(gap))


# "A（以下简称a）": the bracket gives A's short name; it is A again, not a list member.
_SHORT_NAME_OPEN = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)[：:]?\s*[“\"]?")
_SHORT_NAME_CLOSE = re.compile(r"[”\"]?\s*[）)]")
_SHORT_NAME_CUE = "称"


def _fold_short_names(text: str, mentions: list[tuple[Mention, int, int]]) -> list[tuple[Mention, int, int]]:
    """Drop a short name given in brackets right after its full name and let the full
    name's span cover the bracket, so "A（以下简称a）、B（以下简称b）等" stays one list."""
    folded: list[tuple[Mention, int, int]] = []
    for item in mentions:
        previous = folded[-1] if folded else None
        if previous is not None and previous[0].canonical == item[0].canonical:
            opened = _SHORT_NAME_OPEN.fullmatch(text, previous[2], item[1])
            closed = _SHORT_NAME_CLOSE.match(text, item[2])
            if opened and closed:
                folded[-1] = (previous[0], previous[1], closed.end())
                continue
        folded.append(item)
    return folded


def _fold_segment_brackets(
    text: str, mentions: list[tuple[Mention, int, int]]
) -> tuple[list[tuple[Mention, int, int]], dict[int, list[Mention]]]:
    """Let an industry's span cover the bracket of segments after it ("汽车（汽车零部件）、
    新材料（金属新材料）等": loaders.mentions.bracketed_segments), so the industries outside
    stay one list; the segments inside are held by their industry (by id), members of the
    same list."""
    folded: list[tuple[Mention, int, int]] = []
    held: dict[int, list[Mention]] = {}
    index = 0
    while index < len(mentions):
        mention, start, end = mentions[index]
        inside = _segments_in_bracket(text, mentions, index)
        if inside:
            folded.append((mention, start, inside[-1][2] + 1))
            held[id(mention)] = [m for m, _, _ in inside]
            index += len(inside) + 1
            continue
        folded.append(mentions[index])
        index += 1
    return folded, held


def _segments_in_bracket(
    text: str, mentions: list[tuple[Mention, int, int]], index: int
) -> list[tuple[Mention, int, int]]:
    """The chains that fill the bracket of segments right after chain ``index``, or []."""
    mention, _, end = mentions[index]
    if mention.type != "IndustryChain" or end >= len(text) or text[end] not in "（(":
        return []
    bracket = segment_bracket_at(text, end)
    if bracket is None:
        return []
    inside = []
    for item in mentions[index + 1 :]:
        if item[1] >= bracket.close_at:
            break
        if item[0].type != "IndustryChain":
            return []
        inside.append(item)
    if not inside or inside[-1][2] != bracket.close_at:
        return []  # (the bracket's last member must be read: the fold covers up to ）)
    return inside


def without_overlaps(spans: list[tuple[Mention, int, int]]) -> list[tuple[Mention, int, int]]:
    """``(mention, clean_start, clean_end)`` triples sorted by start, the longer first, with
    every one that overlaps a kept one left out (the earlier, then the longer, stands): what
    :func:`group_units` reads."""
    kept: list[tuple[Mention, int, int]] = []
    for item in sorted(spans, key=lambda item: (item[1], -item[2])):
        if not kept or item[1] >= kept[-1][2]:
            kept.append(item)
    return kept


def group_units(text: str, mentions: list[tuple[Mention, int, int]]) -> list[Unit]:
    """Group ``(mention, clean_start, clean_end)`` triples, sorted by start, into Units.

    Consecutive mentions of one kind separated only by a list separator form one Unit;
    a 等-tail after the last member closes the list.
    """
    if _SHORT_NAME_CUE in text:
        mentions = _fold_short_names(text, mentions)
    held: dict[int, list[Mention]] = {}
    if "（" in text or "(" in text:
        mentions, held = _fold_segment_brackets(text, mentions)
    kinds = [kind_of(mention) for mention, _, _ in mentions]
    units: list[Unit] = []
    first = 0  # index of the current unit's first member
    for index in range(1, len(mentions)):
        previous_end, start = mentions[index - 1][2], mentions[index][1]
        # An empty gap cannot hold a separator; skip the regex for the common case.
        joined = (
            kinds[index] == kinds[index - 1]
            and (
                _back_to_back_categories(mentions[index - 1][0], mentions[index][0], previous_end, start)
                or (
                    previous_end < start
                    and _joins(text, previous_end, start)
                    and not _holds_next(mentions, index, kinds)
                )
            )
            and not _partner_joint(text, mentions, index, kinds)
        )
        if not joined:
            units.append(_unit(text, mentions[first:index], kinds[first], held))
            first = index
    if mentions:
        units.append(_unit(text, mentions[first:], kinds[first], held))
    return units


# 与/同/跟 between two organisations: a partner's preposition unless it closes the list.
_PARTNER_JOINT = re.compile(r"\s*(?:与|同|跟)\s*")
_ENUMERATION_JOINT = re.compile(r"\s*、\s*")


def _partner_joint(text: str, mentions: list[tuple[Mention, int, int]], index: int, kinds: list[str]) -> bool:
    """Whether 与 before the organisation at ``index`` opens a second list rather than closing
    the first: "A、B与C、D共建…" is A and B with their partners C and D, since an enumeration
    closed by 与 ("A、B与C") would not go on with 、 after C."""
    following = index + 1
    return (
        kinds[index] == "org"
        and following < len(mentions)
        and kinds[following] == "org"
        and _PARTNER_JOINT.fullmatch(text, mentions[index - 1][2], mentions[index][1]) is not None
        and _ENUMERATION_JOINT.fullmatch(text, mentions[index][2], mentions[following][1]) is not None
    )


def _back_to_back_categories(previous: Mention, mention: Mention, previous_end: int, start: int) -> bool:
    """Two first-level categories written without a separator ("新能源新材料": 新能源 and
    新材料) are members of one list as if 、 stood between them. (Other chains back to
    back are a chain and its segment: "新能源汽车整车".)"""
    return (
        previous_end == start
        and previous.canonical in FIRST_LEVEL_CATEGORIES
        and mention.canonical in FIRST_LEVEL_CATEGORIES
    )


def _holds_next(mentions: list[tuple[Mention, int, int]], index: int, kinds: list[str]) -> bool:
    """Whether the organisation or place at ``index`` opens the name right after it, as
    its holder ("A实验室、某某大学B实验室": the university holds B and is no member of the
    list; "安徽合肥、江苏南京": 江苏 says where 南京 lies, it is no member of 合肥's list)."""
    following = index + 1
    kind = kinds[index]
    return (
        (kind == "org" or (kind == "place" and mentions[index][0].subtype in _QUALIFYING_PLACES))
        and following < len(mentions)
        and kinds[following] == kind
        and mentions[index][2] == mentions[following][1]
    )


# Places written before another to say where it lies: a province before its city, a city
# before its district ("江苏南京", "合肥市蜀山区").
_QUALIFYING_PLACES = frozenset({"Province", "City"})


def _unit(text: str, members: list[tuple[Mention, int, int]], kind: str, held: dict[int, list[Mention]]) -> Unit:
    end = members[-1][2]
    tail_end, noun, closed = _tail(text, end)
    named = tuple([m for m, _, _ in members]) if not held else tuple(_with_held(members, held))
    # Positional: this runs for every unit of every sentence.
    return Unit(named, kind, members[0][1], end, tail_end, noun, closed)


def _with_held(members: list[tuple[Mention, int, int]], held: dict[int, list[Mention]]) -> list[Mention]:
    return [named for m, _, _ in members for named in (m, *held.get(id(m), ()))]


def split_list(text: str) -> list[str]:
    """Split a plain coordinated phrase into its items ("A、B和C等" -> [A, B, C])."""
    cut = text.rfind("等")
    head = text[:cut] if cut > 0 else text
    parts = re.split(r"\s*(?:、|以及|和|及|与|或|/)\s*", head)
    return [p.strip() for p in parts if p.strip()]
