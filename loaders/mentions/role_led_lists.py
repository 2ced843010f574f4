"""Lists of firms told by a firm's role, without 等 and a head after them.

Lists that end before what they stand for or lead ("以A、B为代表的…企业", "以A、B为龙头企业",
"以A、B为骨干的…"): typed by the head after the role; one name alone before 为龙头 or 为链主 is
the leading firm. Lists that open on a firm's role ("封测厂商A、B等；", "龙头企业有A、B等"): the
members are firms, each cut after the role noun it holds; on a park's role ("代表园区有A、B等"):
the members are parks.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import (
    is_industry_term,
    is_segment_term,
    is_vocabulary_term,
)
from loaders.lexicon.matcher import name_form
from loaders.mentions.list_cues import (
    CONTRADICTING,
    HEAD_CLASS,
    HEAD_CUE,
    MIN_COUNTED_ITEMS,
    STANDING_LIST,
    heads_something_else,
)
from loaders.mentions.list_spans import KnownIndex, KnownSpan, ListMember
from loaders.mentions.list_walk import (
    MIN_FIRM_NAME_CHARS,
    after_leading_verb,
    chunks_between,
    clause_start,
    walk_items,
)
from loaders.mentions.member_names import (
    MAX_ITEM_CHARS,
    acceptable_member,
    brand_alone,
    looks_like_firm,
    names_a_trade,
    reads_as_phrase,
)

# A firm's role written right before its name, as an apposition: "封测厂商A、B等", "龙头企业A等",
# "供应商A". Before the list's first member it heads the list as 等企业 would after it.
# (A bare 企业 is no such role: "支持企业研发、生产等" lists what firms do.)
ROLE_NOUN = re.compile(
    r"(?:(?:龙头|骨干|领军|头部|链主|生产|制造)企业|龙头|巨头|厂商|供应商|制造商|服务商|提供商|光罩厂|代工厂)"
    r"(?=[\u4e00-\u9fffA-Za-z])"
)
FIRM_CLASSES = frozenset({"Enterprise"})
# Between the role and the first member a verb may introduce the list ("龙头企业有A、B等",
# "骨干企业包括A、B等"); "" for the role right before it.
_INTRODUCING_VERBS = frozenset({"", "有", "包括", "包含", "如", "例如", "比如", "主要有"})
_ROLE_WINDOW = 8  # characters before the first member a role and its verb may take


def _opens_on(role: re.Pattern[str], text: str, first_start: int) -> bool:
    """Whether a role of ``role``, with a verb that introduces a list or none, stands right
    before the list's first member at ``first_start``."""
    # (read up to the member's first character: a role's pattern may look at what follows it)
    found = role.finditer(text, max(0, first_start - _ROLE_WINDOW), first_start + 1)
    return any(f.end() <= first_start and text[f.end() : first_start] in _INTRODUCING_VERBS for f in found)


def role_led_members(text: str, stop: int, known: KnownIndex) -> list[ListMember] | None:
    """Members of a headless list ("…A、B等；") whose first member follows a firm's role
    noun ("封测厂商A、B等"): firms, each cut after the role noun it holds ("龙头企业A").
    None when the list opens on no role noun; no member when known members are no firms."""
    items = walk_items(text, stop, known)
    if not items:
        return None
    first_start, first_end, first_known = items[-1]
    opens_on_role = role_noun_end(text, first_start, first_end) > first_start or _opens_on(ROLE_NOUN, text, first_start)
    if not opens_on_role:
        return None
    if any(k is not None and k.type not in FIRM_CLASSES for _, _, k in items):
        return []
    members = []
    for a, b, k in items:
        start = role_noun_end(text, a, b)
        if k is None and acceptable_member(text[start:b], "Enterprise", True) and not reads_as_phrase(text[start:b]):
            members.append(ListMember(start, b, "Enterprise", True))
    return members


# A park's role before a list of parks ("核心园区有A、B等", "代表园区包括A、B等"): the members
# are parks or zones, the places of a plan's industries.
PARK_ROLE = re.compile("(?:核心|代表|重点|特色|主要|承载)(?:产业)?(?:园区|片区)")
PLACE_CLASSES = frozenset({"Place"})


def park_led_members(text: str, stop: int, known: KnownIndex) -> list[ListMember] | None:
    """Members of a headless list ("…A、B等") whose first member follows a park's role
    ("核心园区有A、B等"): places. None when the list opens on no such role; no member when a
    known member is no place."""
    items = walk_items(text, stop, known)
    if not items:
        return None
    if not _opens_on(PARK_ROLE, text, items[-1][0]):
        return None
    if any(k is not None and k.type not in PLACE_CLASSES for _, _, k in items):
        return []
    return [
        ListMember(a, b, "Place", True)
        for a, b, k in items
        if k is None and MIN_PARK_NAME_CHARS <= b - a <= MAX_ITEM_CHARS and not reads_as_phrase(text[a:b])
    ]


MIN_PARK_NAME_CHARS = 3  # a park's own name and its kind ("某某港", "某某园")


def role_noun_end(text: str, start: int, end: int) -> int:
    """Where the name after the last role noun inside ``text[start:end]`` begins (``start``
    when there is none, or when the name after it would be shorter than a firm's)."""
    roles = list(ROLE_NOUN.finditer(text, start, end))
    last = roles[-1] if roles else None
    if last is None or end - last.end() < MIN_FIRM_NAME_CHARS:
        return start
    return last.end()


def leading_members(text: str, stop: int, known: KnownIndex) -> list[ListMember]:
    """Members of a list of firms ended by 为 and their role, without 等 ("以A、B为代表的…
    企业", "以A、B为龙头企业"): typed only by a head of firms or industries, and only a list
    of two members or more (one name before 为代表 may be anything)."""
    if text[stop - 1] == "等":
        return []  # "A、B等为代表的…": the list ends at 等, and is read from there
    cue = HEAD_CUE.match(text, stop)
    if cue is None and _stands_for_known_chain(text, stop, known):
        return _firms_standing_for_known_chain(text, stop, known)
    if cue is None or heads_something_else(text, cue, known):
        return []
    led = _items_after_yi(text, stop, known)
    if len(led) == 1 and cue.group(1) in _LEADER_ROLES:
        return _single_leader(text, led[0])
    if len(led) == 1 and HEAD_CLASS[cue.group(1)] == "IndustryChain" and STANDING_LIST.match(text, stop):
        return _coined_firm_alone(text, led[0])  # "以某晶科技为代表的光伏产业"
    items = led or walk_items(text, stop, known, whole_members=True)
    if len(items) < MIN_COUNTED_ITEMS:
        return []
    return _typed_by_head(text, items, HEAD_CLASS[cue.group(1)], stop)


def _firms_standing_for_known_chain(text: str, stop: int, known: KnownIndex) -> list[ListMember]:
    """Members of "以A、B为代表的<known industry>" when they are firms (a known one, or one
    named by brand and trade, among them); segments or materials standing for the industry
    ("以柔性、超薄玻璃为代表的平板显示材料") are left to other readings."""
    items = _items_after_yi(text, stop, known)
    if len(items) == 1:
        return _coined_firm_alone(text, items[0])
    if len(items) < MIN_COUNTED_ITEMS:
        return []
    members = _typed_by_head(text, items, "IndustryChain", stop)
    return [m for m in members if m.type == "Enterprise"]


def _coined_firm_alone(text: str, item: tuple[int, int, KnownSpan | None]) -> list[ListMember]:
    """The one name standing for a known industry ("以某晶科技为代表的光伏材料"): a firm when
    it is named by brand and trade, as one name alone may be anything else."""
    a, b, k = item
    if k is not None or not looks_like_firm(text[a:b]) or names_a_trade(text[a:b]):
        return []
    return [ListMember(a, b, "Enterprise", True)]


def _stands_for_known_chain(text: str, stop: int, known: KnownIndex) -> bool:
    """Whether "为代表的" at ``stop`` is followed by a known industry written without a head
    noun ("以A、B为代表的电子信息…"): the list stands for that industry."""
    standing = STANDING_LIST.match(text, stop)
    return standing is not None and standing.end() in known.chain_starts


# Roles only a firm holds in an industry: one name alone before them ("以某某为龙头的家电产业")
# is its leading firm, where one name before 为代表 or 为骨干 may be anything.
_LEADER_ROLES = frozenset({"为龙头", "为链主"})
MAX_LEADER_CHARS = 8
# Names before 为龙头 that are things, not firms: a base, a park or a project leads too.
_NOT_LEADER_TAILS = ("基地", "项目", "总部", "中心", "企业", "制造", "产业", "区", "园", "城", "港")


def _single_leader(text: str, item: tuple[int, int, KnownSpan | None]) -> list[ListMember]:
    """The one unknown name between 以 and 为龙头 ("以某某为龙头的汽车产业"): a firm, when
    it is a short proper name and no industry, place or site of the vocabulary."""
    a, b, k = item
    name = name_form(text[a:b])
    if k is not None or not 2 <= len(name) <= MAX_LEADER_CHARS or name.endswith(_NOT_LEADER_TAILS):
        return []
    if is_vocabulary_term(name) or is_industry_term(name) or is_segment_term(name):
        return []
    if reads_as_phrase(name) or not acceptable_member(name, "Enterprise", True):
        return []
    return [ListMember(a, b, "Enterprise", True)]


_NOT_OPENING_YI = frozenset("可所予加难足得借用")  # 可以, 所以, 予以…: no list opens there


def _items_after_yi(text: str, stop: int, known: KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The members of "以A、B为…" right to left: the whole text between 以 and 为, cut at
    each 、 (and at a 和/与/及 only where both sides are names of two characters or more,
    so that 和 inside a firm's name stays: "以天和材料、…"). Empty when no 以 opens the clause."""
    yi = text.rfind("以", clause_start(text, stop), stop)
    if yi < 0 or (yi > 0 and text[yi - 1] in _NOT_OPENING_YI):
        return []
    return chunks_between(text, yi + 1, stop, known)[::-1]


def _typed_by_head(text: str, items: list[tuple[int, int, KnownSpan | None]], cls: str, stop: int) -> list[ListMember]:
    """The unknown members of a list whose head gives them the class ``cls``; none when
    known members show a list of another kind."""
    known_classes = {k.type for _, _, k in items if k is not None}
    if known_classes & CONTRADICTING and cls not in known_classes:
        if not firms_standing_for_industry(text, stop, cls, known_classes):
            return []
        cls = "Enterprise"
    elif _coined_firms_standing_for_industry(text, stop, cls, items, known_classes):
        cls = "Enterprise"  # "以A科技、B微电为代表的电子信息产业": firms named by brand and trade
    if cls == "Enterprise" and items and items[-1][2] is None:
        a, b, _ = items[-1]
        items = [*items[:-1], (after_leading_verb(text, a, b), b, None)]
    return [
        ListMember(a, b, cls, True)
        for a, b, k in items
        if k is None
        and acceptable_member(text[a:b], cls, True)
        and (cls != "Enterprise" or not names_a_trade(text[a:b]))
    ]


def _coined_firms_standing_for_industry(
    text: str, stop: int, cls: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> bool:
    """Whether a list standing for an industry, with no known chain in it, names firms: one
    member at least is a coined brand before a firm's trade (某润科技, 某航微电子), or most
    of them are brands alone, names the dictionary knows only as proper nouns if at all
    ("以杰瑞奇、维诺德为代表的新材料产业"; not 信创, 东数西算: common nouns)."""
    if cls != "IndustryChain" or "IndustryChain" in known_classes or STANDING_LIST.match(text, stop) is None:
        return False
    if any(k is None and looks_like_firm(text[a:b]) for a, b, k in items):
        return True
    unknown = [text[a:b] for a, b, k in items if k is None]
    brands = sum(1 for name in unknown if brand_alone(name))
    return brands >= MIN_COUNTED_ITEMS and 2 * brands > len(unknown)


def firms_standing_for_industry(text: str, stop: int, cls: str, known_classes: set[str]) -> bool:
    """Whether a list that stands for an industry ("以A、B为代表的装备制造产业") is one of
    its firms: known firms among the members, and no known chain."""
    return (
        cls == "IndustryChain"
        and "Enterprise" in known_classes
        and "IndustryChain" not in known_classes
        and STANDING_LIST.match(text, stop) is not None
    )
