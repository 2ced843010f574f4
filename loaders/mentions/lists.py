"""Type the members of a coordinated list by the list's head noun or by its known members.

"中科星图、航天宏图等龙头企业": the head 企业 makes every member an enterprise;
"草莓、龙虾等6个产业链": every member is a chain; "容知日新、阳光电源等": one member is a
known enterprise, so the unknown one is taken to be of the same kind (contagion). Known
members keep the class the gazetteer gives them; only unknown members are typed here.

Where a list ends and what its head says are read in list_cues.py, its members in
list_walk.py; lists with their head before them (introduced_lists.py), lists told by a
firm's role (role_led_lists.py), field lists (field_lists.py) and platform lists
(platform_lists.py) are read in their own modules. Lists of industries may also end at a
quote that holds their count ("A、B“两大主导产业”", "“A、B”两个千亿级产业"), read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import rjieba

from loaders.lexicon.chain_names import (
    is_segment_term,
    is_stage_word,
    looks_like_industry,
    names_stages,
)
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.lexicon.segmenter import segment
from loaders.mentions.entity_rules import STOP_WORDS, ends_in_suffix, left_boundary
from loaders.mentions.field_lists import (
    mostly_not_industries,
    named_industries,
    new_field_member,
    opened_by_scope_verb,
    segments_before_chain,
    vocabulary_members,
)
from loaders.mentions.introduced_lists import introduced_members
from loaders.mentions.list_cues import (
    BRAND_HEAD,
    CONTAGIOUS,
    CONTRADICTING,
    COUNTED_SEGMENT_CUE,
    DEMONSTRATIVE_END,
    DEMONSTRATIVE_LIST_END,
    FIELD_CUE,
    FIRM_COUNT,
    HEAD_CLASS,
    HEAD_CUE,
    LIST_END,
    LONG_FIRM_CUE,
    MEDICINE_FIELDS,
    MIN_COUNTED_ITEMS,
    NOT_SECTOR_TAILS,
    PLATFORM_CUE,
    QUOTE_MARKS,
    QUOTED_COUNT_CUE,
    QUOTED_LIST_END,
    SECTOR_HEAD,
    STANDING_LIST,
    after_closing_deng,
    brands_of_firms,
    chain_headed_cue,
    claused_firm_cue,
    counted_in_firms,
    counted_sectors,
    heads_something_else,
    long_firm_cue,
    may_end_in_demonstrative,
    segment_head_at,
)
from loaders.mentions.list_spans import KnownIndex, KnownSpan, ListMember
from loaders.mentions.list_walk import (
    MAX_ITEMS,
    MIN_FIRM_NAME_CHARS,
    NAME_JOINER_CHARS,
    after_a_list_of_firms,
    after_leading_making_verb,
    after_leading_verb,
    joiner_before,
    walk_items,
)
from loaders.mentions.member_names import (
    HAN_END,
    MAX_ITEM_CHARS,
    MIN_CONTAGION_CHARS,
    PLAIN_HAN,
    acceptable_member,
    looks_like_firm,
    names_a_trade,
)
from loaders.mentions.platform_lists import platform_members
from loaders.mentions.role_led_lists import (
    FIRM_CLASSES,
    PARK_ROLE,
    ROLE_NOUN,
    firms_standing_for_industry,
    leading_members,
    park_led_members,
    role_led_members,
    role_noun_end,
)

_SUPPLY = "配套"
_SUPPLIER_HEADS = frozenset({"企业", "公司", "厂商", "厂家", "供应商"})


def list_members(text: str, known: list[KnownSpan], industry_context: bool = False) -> list[ListMember]:
    """Unknown members of lists in ``text`` ("A、B等企业", "A、B两大产业"), typed by head
    noun or contagion. ``industry_context``: the sentence is about an industry, so lists
    of 领域/方向/环节 are lists of its segments."""
    found: list[ListMember] = []
    ends = [m.start() for m in LIST_END.finditer(text) if m.start() > 0 and not after_closing_deng(text, m.start())]
    if may_end_in_demonstrative(text):
        ends = sorted(ends + [m.start() for m in DEMONSTRATIVE_LIST_END.finditer(text) if m.start() > 0])
    ends = sorted(ends + [m.start() for m in QUOTED_LIST_END.finditer(text)])
    if not ends:
        return found
    by_end = {k.end: k for k in known}
    contagious_ends = sorted(end for end, k in by_end.items() if k.type in CONTAGIOUS)
    chain_starts = frozenset(k.start for k in known if k.type == "IndustryChain")
    index = KnownIndex(by_end, [(k.start, k.end) for k in known], contagious_ends, chain_starts)
    for at in ends:
        found += _members_before(text, at, index, industry_context)
    return found


def _members_before(text: str, stop: int, known: KnownIndex, industry_context: bool) -> list[ListMember]:
    if text[stop] == "为":
        return leading_members(text, stop, known)
    if text[stop] in QUOTE_MARKS:
        return _members_before_quoted_count(text, stop, known)
    counted = text[stop] not in ("等", DEMONSTRATIVE_END)
    cue = HEAD_CUE.match(text, stop)
    long_cue = cue is None and text[stop] == "等" and long_firm_cue(text, stop)
    if long_cue:
        cue = LONG_FIRM_CUE.match(text, stop)
    claused = claused_firm_cue(text, stop, cue)
    if claused is not None:
        cue, long_cue = claused, True
    if cue is None and not counted:
        cue = chain_headed_cue(text, stop, known)
    if text[stop] == DEMONSTRATIVE_END and (cue is None or HEAD_CLASS[cue.group(1)] != "Enterprise"):
        return []  # "这些领域", "这些产业": a demonstrative closes only a list of firms here
    if cue is not None and (heads_something_else(text, cue, known) or counted_sectors(cue, counted)):
        cue = None
    # "电池、电机、电控等配套企业": firms named by what they supply; the members are segments.
    supply_list = cue is not None and cue.group(1) in _SUPPLIER_HEADS and _SUPPLY in text[stop : cue.start(1)]
    if supply_list and not _names_suppliers(text, stop, known):
        cue = None
    supply_list = supply_list and cue is None
    segment_head = segment_head_at(text, stop) if cue is None and not counted else None
    if cue is None and counted and segment_head is None:
        counted_segments = COUNTED_SEGMENT_CUE.match(text, stop)
        segment_head = counted_segments.group(1) if counted_segments else None
    segment_list = supply_list or segment_head is not None
    field_cue = cue is None and not segment_list and not counted and FIELD_CUE.match(text, stop) is not None
    # Outside an industry paragraph a field list is one of segments only for members the
    # segment vocabulary knows ("光芯片、激光雷达等领域"; not "信息、能源等领域").
    vocabulary_only = (field_cue and not industry_context) or segment_head in MEDICINE_FIELDS
    field = segment_list or field_cue
    cue_class = HEAD_CLASS[cue.group(1)] if cue else ("IndustryChain" if field else None)
    if cue_class is None and not counted and PLATFORM_CUE.match(text, stop):
        return platform_members(text, stop, known)
    if cue_class is None and not counted and stop + 1 in known.chain_starts:
        return segments_before_chain(text, stop, known)
    if counted and cue_class is None:
        return []  # a bare count ("三个") is a list end only before a head noun
    if cue_class is None and text[stop] == "等":
        introduced = introduced_members(text, stop, known)
        if introduced is not None:
            return introduced
    if cue_class is None and ROLE_NOUN.search(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop):
        role_led = role_led_members(text, stop, known)
        if role_led is not None:
            return role_led
    if cue_class is None and PARK_ROLE.search(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop):
        park_led = park_led_members(text, stop, known)
        if park_led is not None:
            return park_led
    if cue_class is None and not known.may_spread_before(stop):
        return []  # speed: the walk below could only end in the same empty answer
    # "光伏电站的等重点环节": a stray 的 before 等 does not end the list.
    list_end = stop - 1 if text[stop - 1] == "的" and not counted else stop
    firms = cue_class == "Enterprise"
    items = walk_items(text, list_end, known, whole_members=cue_class is not None, firms=firms)
    if counted and len(items) < MIN_COUNTED_ITEMS:
        return []
    if counted and items[0][2] is None:
        a, b, _ = items[0]
        items[0] = (a, _before_trailing_verb(text, a, b), None)
    known_classes = {k.type for _, _, k in items if k is not None}
    if long_cue and any(k is None and names_a_trade(text[a:b]) for a, b, k in items):
        return []  # "电池、电机等新能源汽车核心零部件企业": the firms are named by what they make
    if long_cue and cue is not None and cue.group(1) == BRAND_HEAD and not brands_of_firms(text, stop, cue):
        return []  # "草莓、蓝莓等知名品牌": brands of produce
    if vocabulary_only:
        found = vocabulary_members(text, items, known_classes)
        if field_cue and opened_by_scope_verb(text, stop):
            scoped = _apart_from(_members_before(text, stop, known, industry_context=True), found)
            found += [m for m in scoped if new_field_member(text, m)]
        return found
    if cue_class is not None:
        # "集聚人工智能、数据等核心企业": known members of another kind show that the
        # members are fields, not companies.
        if known_classes & CONTRADICTING and cue_class not in known_classes:
            if not firms_standing_for_industry(text, stop, cue_class, known_classes):
                return []
            cue_class = "Enterprise"
        if cue_class == "IndustryChain" and not field and _names_firms(text, stop, cue, items):
            cue_class = "Enterprise"  # "A电子、B半导体等芯片产业独角兽": the firms of a chain
        cls, by_cue = cue_class, True
    else:
        known_count = sum(1 for _, _, k in items if k is not None)
        # Contagion needs most members known: "信息、能源、新材料等领域" lists fields.
        if len(known_classes) != 1 or not known_classes <= CONTAGIOUS or 2 * known_count <= len(items):
            if known_classes == FIRM_CLASSES and _half_firms_before_firm_head(text, stop, items, known_count):
                return [
                    ListMember(a, b, "Enterprise", False)
                    for a, b, k in items
                    if k is None and acceptable_member(text[a:b], "Enterprise", False) and not names_a_trade(text[a:b])
                ]
            if known_classes == FIRM_CLASSES and _mostly_firms(text, items, known_count):
                return [ListMember(a, b, "Enterprise", False) for a, b in _short_firms_between_firms(text, items)]
            return named_industries(text, items, known_classes)
        cls, by_cue = next(iter(known_classes)), False
    subtype = "ChainSegment" if field else None
    if cue is not None and cue.group(1) == SECTOR_HEAD:
        items = [(a, b, k) for a, b, k in items if not text[a:b].endswith(NOT_SECTOR_TAILS)]
    if field and not segment_list and mostly_not_industries(text, items):
        return []  # "基础理论、原创算法、高端芯片、关键部件等方向": research topics, not segments
    if cls == "Enterprise" and by_cue:
        items = _with_glued_places(text, items, known)
        # "…生产企业福斯特等龙头企业": each member begins after the role noun it holds
        items = [(role_noun_end(text, a, b), b, k) if k is None else (a, b, k) for a, b, k in items]
    if cls == "Enterprise":
        items = _first_member_cut(text, items, after_leading_verb)
    if cls == "IndustryChain":
        items = [(after_leading_place(text, a, b, known), b, k) if k is None else (a, b, k) for a, b, k in items]
        items = _first_member_cut(text, items, after_leading_making_verb)
        if by_cue and not field:
            items = _modified_known_first(text, items)
    stages = field and names_stages([text[a:b] for a, b, _ in items])
    short_firms = _short_firms_between_firms(text, items) if cls == "Enterprise" and not by_cue else set()
    return [
        ListMember(a, b, cls, by_cue, subtype)
        for a, b, k in items
        if k is None
        and (
            (segment_list and is_segment_term(text[a:b]))
            or (a, b) in short_firms
            or (stages and is_stage_word(text[a:b]))  # "涵盖设计、制造、封测等领域"
            or (
                acceptable_member(text[a:b], cls, by_cue and not field)
                and (not field or segment_list or looks_like_industry(text[a:b]))
            )
        )
    ]


def _first_member_cut(
    text: str, items: list[tuple[int, int, KnownSpan | None]], start_after: Callable[[str, int, int], int]
) -> list[tuple[int, int, KnownSpan | None]]:
    """``items`` (read right to left) with the list's first member, when no known name, opening
    where ``start_after`` says: past the verb the word rules leave on it."""
    if not items or items[-1][2] is not None:
        return items
    a, b, _ = items[-1]
    return [*items[:-1], (start_after(text, a, b), b, None)]


# Verbs that open a list of industries; the words between one and a known industry that
# opens the list qualify it ("发展|硅|光伏、光伏玻璃等产业": 硅光伏, one industry).
_OPENING_VERBS = frozenset(
    {"发展", "培育", "打造", "壮大", "布局", "聚焦", "做强", "做大", "做优", "推进", "引进", "形成", "涵盖", "拥有"}
)
_MODIFIER_CHARS = (1, 2, 3)
_HAN_WORD = re.compile("[\u4e00-\u9fff]+")


def _modified_known_first(
    text: str, items: list[tuple[int, int, KnownSpan | None]]
) -> list[tuple[int, int, KnownSpan | None]]:
    """``items`` (read right to left) with the list's first member, a known industry, widened
    over the words between it and the verb that opens the list."""
    if not items or items[-1][2] is None:
        return items
    a, b, _ = items[-1]
    for n in _MODIFIER_CHARS:
        words = segment(text[max(0, a - n - 2) : a])
        if len(words) >= 2 and words[-2] in _OPENING_VERBS and len(words[-1]) == n:
            modifier = words[-1]
            if _HAN_WORD.fullmatch(modifier) and modifier not in STOP_WORDS:
                return [*items[:-1], (a - n, b, None)]
    return items


def after_leading_place(text: str, start: int, end: int, known: KnownIndex) -> int:
    """Where an industry of a list begins when a known place opens the member ("福山区汽车零部件、
    龙口市高端交通铝材等特色产业集群": each cluster is named by its district, which hosts it):
    after the place, when an industry's name of two characters or more remains."""
    place_end = known.place_from(start, end)
    if place_end is None or end - place_end < _LEAST_INDUSTRY_CHARS or text[place_end] in NAME_JOINER_CHARS:
        return start  # ("A区及B": a place joined to what follows, no place's industry)
    return place_end


_LEAST_INDUSTRY_CHARS = 2


def _mostly_firms(text: str, items: list[tuple[int, int, KnownSpan | None]], known_count: int) -> bool:
    """Whether most members are firms, the known ones and those a company's suffix names."""
    by_suffix = sum(1 for a, b, k in items if k is None and _firm_by_its_suffix(text[a:b]))
    return 2 * (known_count + by_suffix) > len(items)


def _half_firms_before_firm_head(
    text: str, stop: int, items: list[tuple[int, int, KnownSpan | None]], known_count: int
) -> bool:
    """Whether half the members or more are known firms and a head of firms closes the list,
    however long what describes them: its other members named as firms are firms
    ("宁德时代、…、远景科技等新能源电池领域核心技术企业")."""
    return 2 * known_count >= len(items) and LONG_FIRM_CUE.match(text, stop) is not None


def _firm_by_its_suffix(name: str) -> bool:
    """Whether a company's suffix makes ``name`` a firm ("比亚迪集团"): among known firms it counts
    as one of them, though the suffix rule, not the gazetteer, reads it."""
    return ends_in_suffix(name) and acceptable_member(name, "Enterprise", True)


# Word tags of a proper name the dictionary holds (三星, 康宁): a brand, no common noun.
_PROPER_NAME_TAGS = frozenset({"nz", "nr", "nrt", "nt"})


def _short_firms_between_firms(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> set[tuple[int, int]]:
    """Unknown members of two characters that stand between two known firms of a list its known
    members type ("A光电、三星、B等"): too short to be typed by contagion alone, a proper name so
    placed is a firm. Common nouns (信息, 能源) stay out: they list fields."""
    found: set[tuple[int, int]] = set()
    for (_, _, after), (a, b, k), (_, _, before) in zip(items, items[1:], items[2:], strict=False):
        if k is not None or b - a != MIN_CONTAGION_CHARS - 1 or not PLAIN_HAN.fullmatch(text, a, b):
            continue  # (items run right to left: the first is the one after the member)
        if after is None or before is None or after.type != "Enterprise" or before.type != "Enterprise":
            continue
        words = rjieba.tag(text[a:b])
        if text[a:b] not in KNOWN_PLACES and len(words) == 1 and words[0][1] in _PROPER_NAME_TAGS:
            found.add((a, b))
    return found


def _members_before_quoted_count(text: str, stop: int, known: KnownIndex) -> list[ListMember]:
    """Industries of a list that ends at a quote holding its count ("A、B“两大主导产业”",
    "“A、B”两个千亿级产业"): typed by the head after the count, as a counted list is; a known
    member of another kind, or a member named like a firm, shows a list of something else."""
    cue = QUOTED_COUNT_CUE.match(text, stop)
    if cue is None or heads_something_else(text, cue, known):
        return []
    items = walk_items(text, stop, known, whole_members=True)
    if len(items) < MIN_COUNTED_ITEMS or any(k is not None and k.type != "IndustryChain" for _, _, k in items):
        return []
    if _names_firms(text, stop, cue, items):
        return []
    a, b, first = items[0]
    if first is None:
        items[0] = (a, _before_trailing_verb(text, a, b), None)
    joined = _short_joined_pairs(text, items)
    return [
        ListMember(a, b, "IndustryChain", True)
        for a, b, k in items
        if k is None and (a, b) not in joined and acceptable_member(text[a:b], "IndustryChain", True)
    ]


MAX_JOINED_WORD_CHARS = 2


def _short_joined_pairs(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> set[tuple[int, int]]:
    """Spans of members that a joiner glues into one industry's name, two short words ("生物与
    医药", "汽车及零部件"): neither is an industry of the list on its own."""
    spans: set[tuple[int, int]] = set()
    for (a, b, _), (c, d, _) in zip(items, items[1:], strict=False):  # right to left: (c, d) comes first
        short = b - a <= MAX_JOINED_WORD_CHARS and d - c <= MAX_JOINED_WORD_CHARS
        if short and text[d:a] in NAME_JOINER_CHARS:
            spans |= {(a, b), (c, d)}
    return spans


def _before_trailing_verb(text: str, start: int, end: int) -> int:
    """End of the last member of a counted list when a verb stands between it and the count
    ("海工装备、种业产业形成两大特色产业": the list is the verb's subject, and the count its
    object, so the member ends before 形成)."""
    role = _ROLE_CLAUSE.search(text, start, end)
    if role is not None and role.start() - start >= 2:
        return role.start()  # "A、B、铜材料为主的四大产业": the last member ends before 为
    last = segment(text[start:end])[-1]
    if last in _VERBS_OF_MAKING_UP and end - len(last) - start >= 2:
        return end - len(last)
    return end


# A clause closing a counted list that says what its members are to the count ("以A、B为主的
# 四大产业", "以A、B为代表的三大产业"): the last member ends before its 为.
_ROLE_CLAUSE = re.compile("为(?:主|代表|核心|主导|主体|重点|龙头|引领|支撑|特色|首|骨干)的?$")


# Verbs whose subject a list is and whose object a count is ("A、B形成三大产业", "A、B构成两大
# 板块"); not verbs that also end a field's name (服务, 制造).
_VERBS_OF_MAKING_UP = frozenset({"形成", "构成", "组成", "成为", "打造"})


# Endings only a firm's name has: a list of suppliers holding one names the suppliers.
_FIRM_ONLY_TAILS = ("科技", "股份", "控股", "集团", "公司")


def _names_suppliers(text: str, stop: int, known: KnownIndex) -> bool:
    """Whether a list before "等配套企业" names the suppliers ("A科技、B等配套企业"), not
    what they supply: a member ends like a firm's name or is a known firm; or the firms are
    counted in 家 ("A、B等30余家配套企业") and no member is a trade or a known name of
    another kind (what is supplied is not counted in 家)."""
    items = walk_items(text, stop, known, whole_members=True)
    no_trades = all(k is None and not names_a_trade(text[a:b]) for a, b, k in items)
    words = any(rjieba.has_word(text[a:b]) for a, b, _ in items)  # 石英坩埚: a product, no name
    if items and no_trades and not words and after_a_list_of_firms(text, items[-1][0]):
        return True  # "A、B等龙头企业和C、D等配套企业": the suppliers beside the leaders
    if any(
        (k is not None and k.type == "Enterprise") or (k is None and text[a:b].endswith(_FIRM_ONLY_TAILS))
        for a, b, k in items
    ):
        return True
    return counted_in_firms(text, stop) and no_trades


def _names_firms(
    text: str, stop: int, cue: re.Match[str] | None, items: list[tuple[int, int, KnownSpan | None]]
) -> bool:
    """Whether a list under an industry head names firms, not trades: counted in 家 ("等3家…
    产业"), or with firm names among its members: most of them when the list is the industry's
    content, one when it stands for the industry ("A、B化工等为代表的煤化工产业链")."""
    if cue is None:
        return False
    if FIRM_COUNT.search(text, stop, cue.start(1)):
        return True
    unknown = [text[a:b] for a, b, k in items if k is None]
    firms = sum(1 for name in unknown if looks_like_firm(name))
    if firms and STANDING_LIST.match(text, stop) is not None:
        return True
    return firms >= MIN_COUNTED_ITEMS and 2 * firms >= len(unknown)


def _with_glued_places(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known: KnownIndex
) -> list[tuple[int, int, KnownSpan | None]]:
    """Members of a list of firms that end in a known place glued to the words before it
    ("依托星虹无锡、…等企业"): the firm's name holds the place, the place is no member."""
    glued = []
    for a, b, k in items:
        if k is not None and k.type == "Place" and a > 0 and HAN_END.search(text, 0, a):
            start = left_boundary(text, a, known.spans) if joiner_before(text, a) is None else a
            if a - start >= MIN_FIRM_NAME_CHARS:
                a, k = start, None
        glued.append((a, b, k))
    return glued


def _apart_from(found: list[ListMember], taken: list[ListMember]) -> list[ListMember]:
    """``found`` without the members that overlap one in ``taken``."""
    return [f for f in found if not any(t.start < f.end and f.start < t.end for t in taken)]
