"""Lists of fields, segments and industries, typed by what the vocabularies know.

"光芯片、激光雷达等领域": a field list names a chain's segments where an industry leads the
paragraph, or a verb of scope opens the list ("项目涉及A、B等行业"); elsewhere only members the
vocabularies know are typed. Siblings of known industries in such a list are industries when
named like one. "云服务、软件外包等软件和信息技术服务业": under a known chain the members are its
segments.
"""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.chain_names import (
    is_industry_term,
    is_segment_term,
    is_vocabulary_term,
    looks_like_industry,
    vocabulary_term_start,
)
from loaders.mentions.entity_rules import left_boundary
from loaders.mentions.list_cues import CONTAGIOUS
from loaders.mentions.list_spans import KnownIndex, KnownSpan, ListMember
from loaders.mentions.list_walk import (
    MIN_LAST_WORD_CHARS,
    clause_start,
    joiner_before,
    start_before_last_word,
)
from loaders.mentions.member_names import MAX_ITEM_CHARS, acceptable_member

# How the name of a segment ends when a chain heads its list: a service, an outsourced
# trade, what is made or supplied ("软件服务外包", "智能终端制造", "新型电子元器件").
SEGMENT_TAILS = (
    *("服务", "外包", "制造", "材料", "装备", "设备", "零部件", "元器件", "软件", "芯片", "电池", "终端"),
    *("机车", "车辆", "货车", "客车"),  # rolling stock and vehicles: the products of transport chains
    "系统",  # a vehicle's or a plant's systems (电驱系统, 底盘系统): what its chain is made of, as parts are
)


# Verbs that open a list of what a body of firms, projects or platforms spans: "集聚百余家
# 企业，涵盖A、B、C等领域", "项目涉及A、B等行业". Such a field list names industries and their
# segments even outside a paragraph an industry leads.
_SCOPE_OPENING = re.compile("涵盖|覆盖|涉及|包括|包含")


def opened_by_scope_verb(text: str, stop: int) -> bool:
    """Whether the clause of the list ending at ``stop`` opens on a verb of scope."""
    start = clause_start(text, stop)
    return _SCOPE_OPENING.search(text, start, stop) is not None


def new_field_member(text: str, member: ListMember) -> bool:
    """A member a scope verb's field list adds: no science ("组织医学")."""
    return not text[member.start : member.end].endswith(_SCIENCE_TAILS)


def segments_before_chain(text: str, stop: int, known: KnownIndex) -> list[ListMember]:
    """Members of a list whose head is a chain ("云服务、软件外包等软件和信息技术服务业"):
    the vocabulary's terms and names ending like a segment are segments of it; a known
    firm, place or other name in the list shows a list of something else."""
    items = _chunks_before(text, stop, known)
    if any(k is not None and k.type != "IndustryChain" for _, _, k in items):
        return []
    return [
        ListMember(a, b, "IndustryChain", True, "ChainSegment")
        for a, b, k in items
        if k is None and _names_a_segment(text[a:b])
    ]


def _chunks_before(text: str, stop: int, known: KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The 、-separated members between the clause's start and ``stop``; the first is cut
    after the clause's verb by the word rules ("著力发展云服务": 云服务)."""
    start = clause_start(text, stop)
    items: list[tuple[int, int, KnownSpan | None]] = []
    at = start
    for index, chunk in enumerate(text[start:stop].split("、")):
        a, b = at, at + len(chunk)
        at = b + 1
        if index == 0:
            a = max(a, _first_chunk_start(text, b, known))
        if not a < b <= a + MAX_ITEM_CHARS:
            return []
        items.append((a, b, known.by_end.get(b) if b in known.by_end and known.by_end[b].start == a else None))
    return items


def _first_chunk_start(text: str, end: int, known: KnownIndex) -> int:
    """Where the first member ending at ``end`` starts: a vocabulary term, else the name
    the word rules read, else the name before a last word that is a stop word (云服务)."""
    term = vocabulary_term_start(text, end, 0)
    if term >= 0:
        return term
    start = left_boundary(text, end, known.spans)
    return _after_relative_verb(text, start, end) if start < end else start_before_last_word(text, end, known.spans)


_RELATIVE = "所"  # 所 + verb: "what (the city) makes", a clause before the products it lists
_RELATIVE_CLAUSE_CHARS = 2  # 所产, 所需: 所 and a one-character verb


def _after_relative_verb(text: str, start: int, end: int) -> int:
    """Where a first member opening on 所 and a verb begins ("所产电力机车": 电力机车)."""
    if text[start] != _RELATIVE:
        return start
    first = rjieba.cut(text[start:end])[0]
    cut = start + len(first)
    return cut if len(first) == _RELATIVE_CLAUSE_CHARS and end - cut >= MIN_LAST_WORD_CHARS else start


def _names_a_segment(name: str) -> bool:
    return is_vocabulary_term(name) or (name.endswith(SEGMENT_TAILS) and acceptable_member(name, "IndustryChain", True))


def named_industries(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> list[ListMember]:
    """Members the industry vocabulary knows, in a headless list of known chains and such
    industries ("支持纺织、光电、药械、文创等"): typed where they and the chains are most of it."""
    if known_classes != {"IndustryChain"} or len(items) < MIN_INDUSTRY_LIST_MEMBERS:
        return []
    terms = [(a, b) for a, b, k in items if k is None and is_industry_term(text[a:b])]
    named = len(terms) + sum(1 for _, _, k in items if k is not None)
    if 2 * named <= len(items):
        return []
    return [ListMember(a, b, "IndustryChain", False) for a, b in terms]


def vocabulary_members(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> list[ListMember]:
    """Members of a field list outside an industry paragraph: segments and industries the
    vocabularies know; with none, the list may still pass on the class of its known members."""
    items = _first_item_as_term(text, items)
    industries = _mostly_industries(text, items)
    terms = [_vocabulary_member(text, a, b, industries) for a, b, k in items if k is None]
    known_terms = [t for t in terms if t is not None]
    siblings = industry_siblings(text, items, known_classes)
    if known_terms:
        return known_terms + siblings
    return _contagion_members(text, items, known_classes) or siblings


# Share of a field list that known chains and vocabulary industries must make for the
# rest to be taken as industries too: half, in a list of three members or more.
_SIBLING_SHARE = 1 / 2
MIN_SIBLING_LIST_MEMBERS = 3
MIN_SIBLING_CHARS = 4  # two words (深海能源); a bare 能源 or 生物 names a field of science
# Sciences (…学) and objects of study stand in lists of industries too (组织医学, 生物基因).
_SCIENCE_TAILS = ("学", "基因", "物理", "生态", "保护")


def _comma_group(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> list[tuple[int, int, KnownSpan | None]]:
    """The members (read right to left) up to a 与/和/及 that stands before a 、: in "A与B、C、D"
    the 、-list is joined whole to A, which is no sibling of its members."""
    group: list[tuple[int, int, KnownSpan | None]] = []
    seen_comma = False
    for item in items:
        group.append(item)
        joiner = joiner_before(text, item[0])
        if joiner != "、" and seen_comma:
            break
        seen_comma = seen_comma or joiner == "、"
    return group


def _named_industries_share(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> float:
    if len(items) < MIN_SIBLING_LIST_MEMBERS:
        return 0.0
    known = sum(
        1 for a, b, k in items if (k is not None and k.type == "IndustryChain") or is_vocabulary_term(text[a:b])
    )
    return known / len(items)


def industry_siblings(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> list[ListMember]:
    """Members no vocabulary knows in a field list that is mostly industries ("新材料、
    智能制造、深海能源等领域"): siblings of industries are industries, when named like one
    (not a technique, science or product) and by more than one word."""
    if not known_classes <= {"IndustryChain"}:
        return []
    group = _comma_group(text, items)
    if _named_industries_share(text, group) < _SIBLING_SHARE:
        return []
    return [
        ListMember(a, b, "IndustryChain", False)
        for a, b, k in group
        if k is None and not is_vocabulary_term(text[a:b]) and is_industry_sibling(text[a:b])
    ]


def is_industry_sibling(name: str) -> bool:
    """Whether a member beside known industries is named like one: by two words at least,
    and not a technique, science or product."""
    return (
        len(name) >= MIN_SIBLING_CHARS
        and looks_like_industry(name)
        and not name.endswith(_SCIENCE_TAILS)
        and acceptable_member(name, "IndustryChain", False)
    )


def _first_item_as_term(
    text: str, items: list[tuple[int, int, KnownSpan | None]]
) -> list[tuple[int, int, KnownSpan | None]]:
    """The list with its first member cut to the vocabulary term that ends it, when the
    word rules left the clause's verb on it ("涉及先进陶瓷": 先进陶瓷)."""
    if not items or items[-1][2] is not None:
        return items
    a, b, _ = items[-1]
    start = vocabulary_term_start(text, b, a)
    return items if start <= a else [*items[:-1], (start, b, None)]


def _mostly_industries(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> bool:
    """Whether half the members or more are known chains or vocabulary terms: a list of
    industries, not of uses ("数字金融、数字政务、智慧城市等领域") or sciences."""
    known = sum(
        1 for a, b, k in items if (k is not None and k.type == "IndustryChain") or is_vocabulary_term(text[a:b])
    )
    return 2 * known >= len(items)


def _vocabulary_member(text: str, start: int, end: int, industries: bool) -> ListMember | None:
    """The member a vocabulary knows: a segment of a chain, or (in a list of industries)
    an industry of its own."""
    if is_segment_term(text[start:end]):
        return ListMember(start, end, "IndustryChain", True, "ChainSegment")
    if industries and is_industry_term(text[start:end]):
        return ListMember(start, end, "IndustryChain", True)
    return None


def _contagion_members(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> list[ListMember]:
    known_count = sum(1 for _, _, k in items if k is not None)
    if len(known_classes) != 1 or not known_classes <= CONTAGIOUS or 2 * known_count <= len(items):
        return []
    cls = next(iter(known_classes))
    return [ListMember(a, b, cls, False) for a, b, k in items if k is None and acceptable_member(text[a:b], cls, False)]


def mostly_not_industries(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> bool:
    """Whether half the members or more are techniques, theories, parts or products."""
    rejected = sum(1 for a, b, _ in items if not looks_like_industry(text[a:b]))
    return 2 * rejected >= len(items)


MIN_INDUSTRY_LIST_MEMBERS = 3
