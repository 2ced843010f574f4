"""Type the members of a coordinated list by the list's head noun or by its known members.

"中科星图、航天宏图等龙头企业": the head 企业 makes every member an enterprise;
"草莓、龙虾等6个产业链": every member is a chain; "容知日新、阳光电源等": one member is a
known enterprise, so the unknown one is taken to be of the same kind (contagion). Known
members keep the class the gazetteer gives them; only unknown members are typed here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import rjieba

from loaders.lexicon.chain_names import (
    NOT_INDUSTRY_TAILS,
    industry_terms,
    is_industry_term,
    is_segment_term,
    is_vocabulary_term,
    looks_like_industry,
    segment_term_start,
    segment_terms,
    strip_industry_suffix,
    vocabulary_term_start,
)
from loaders.lexicon.segmenter import segment
from loaders.mentions.entity_rules import RULES, judge, left_boundary, suffix_hits

# 等 + optional count ("6个", "两家") + an optional "科研院所及" + up to four modifier
# characters ("龙头", "整车", "未来") + the head noun. Modifiers stop at words that show
# the head belongs to another phrase ("等指标中企业", "等精准医学形成产业").
_COUNT = "[0-9一二三四五六七八九十百千两多几]+[个家项大类条户批]"
_MODIFIERS = r"(?:[\u4e00-\u9fff]{1,4}[及和与])?(?:[^\W\d_中的之为形成标]{0,4}?)"
# After 等, longer modifiers that hold an adjective of many ("等众多新锐集成电路企业").
_MANY = r"(?:众多|诸多|一批|多家|大批|一大批|一系列|国内外|海内外)[^\W\d_的之为]{0,8}?"
# "等电子信息重点企业": an industry and a firm's role word before 企业 (longer than _MODIFIERS).
_ROLE_MODIFIERS = r"[^\W\d_中的之为形成标]{1,6}?(?:重点|龙头|骨干|领军|链主|配套|上市|头部|核心)(?=企业)"
# "等航天产业龙头企业": the industry word qualifies a head of firms that follows it.
_FIRM_AFTER_INDUSTRY = r"[^\W\d_的之为]{0,4}?(?:企业|公司|集团)"
# "A、B等为代表的一批…企业": the list is what stands for the kind.
_STANDING_FOR = r"(?:为代表的|为首的|为引领的|领衔的)?"
_CUE = re.compile(
    rf"(?:等{_STANDING_FOR}(?:{_COUNT})?|{_COUNT})(?:{_MANY}|{_ROLE_MODIFIERS}|{_MODIFIERS})"
    r"(企业|公司|集团|厂商|厂家|制造商|供应商|巨头|翘楚|龙头(?!产业|行业)|车企|药企|(?:产业链|产业集群|产业)(?!{_FIRM_AFTER_INDUSTRY})|制造业|板块|赛道|为龙头|为链主)"
)
# Heads that make the members industries only where the text is about an industry
# ("围绕电池组件、逆变器等重点环节" under a 光伏 lead); elsewhere they list research fields.
# Lists of platforms ("A、B、C等重点创新平台", "等医药创新发展平台"): the head types the
# members no suffix types (…国产化平台, …医院, 大基因中心). Their modifiers run longer.
_PLATFORM_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT})[^\W\d_的之为]{{0,6}}?(?:创新|研究|服务|科技)?平台")
_FIELD_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT}){_MODIFIERS}(重点环节|环节|领域|方向)")
# Heads that make the members segments of a chain wherever they stand: links of a
# chain and its core parts ("减速器、伺服电机等核心零部件", "航空发动机、无人机等环节").
# A field of medicine after 等 heads a list of its segments too ("干细胞、基因检测、体外诊断
# 等精准医学"): such lists type only members the segment vocabulary knows.
_SEGMENT_CUE = re.compile(
    rf"等(?:{_COUNT})?(?:[\u4e00-\u9fff]{{0,2}}?)(细分领域|环节|核心零部件|关键零部件|零部件|医学|医药|健康)"
)
_SECTOR_HEAD = "板块"
# Sectors of a business are trades: not boards of a stock market (主板, 科创板), techniques,
# products or parts of a plan (…研究, …平台, …中心).
_NOT_SECTOR_TAILS = ("板", *NOT_INDUSTRY_TAILS)
_MEDICINE_FIELDS = frozenset({"医学", "医药", "健康"})
# What 产业 qualifies when it is no head of its own: 产业项目, 产业园, 产业基地…
INDUSTRY_AS_MODIFIER_OF = ("项目", "园", "基地", "工程", "用地", "基金", "资金", "政策", "招商")
FIELD_HEADS = ("领域", "方向", "环节")  # heads of lists of fields, not of industries
# Where a list may end: before 等, or before a count right after a name ("A、B三大产业").
# (The count's first digit comes before the look-behind so that the regex engine can skip
# ahead to 等 or a digit: the same matches, found about twice as fast.)
_LIST_DIGIT = "[0-9一二三四五六七八九十两]"
# ("一个" counts no list: "一座园区就是一个孵化联盟" says what one thing is.)
_LIST_END = re.compile(rf"等|(?!一[个大类项]){_LIST_DIGIT}(?<=[\u4e00-\u9fffA-Za-z].){_LIST_DIGIT}*[个大类项]")
MIN_COUNTED_ITEMS = 2  # "A、B三大产业": a count without 等 needs a real list before it
_SUPPLY = "配套"
_SUPPLIER_HEADS = frozenset({"企业", "公司", "厂商", "厂家", "供应商"})
_HEAD_CLASS = {
    "企业": "Enterprise",
    "公司": "Enterprise",
    "集团": "Enterprise",
    "厂商": "Enterprise",
    "厂家": "Enterprise",
    "制造商": "Enterprise",
    "供应商": "Enterprise",
    "巨头": "Enterprise",  # 等行业巨头, 等行业龙头: the firms leading an industry
    "翘楚": "Enterprise",  # 等行业翘楚: the same praise
    "龙头": "Enterprise",
    "为龙头": "Enterprise",  # "以A、B等为龙头的晶圆制造业": the firms that lead it
    "为链主": "Enterprise",
    "车企": "Enterprise",
    "药企": "Enterprise",
    "产业链": "IndustryChain",
    "产业集群": "IndustryChain",
    "产业": "IndustryChain",
    "制造业": "IndustryChain",  # "等先进制造业": the trades it is made of
    "板块": "IndustryChain",  # "装备、建材等板块": the sectors of a business or a zone
    "赛道": "IndustryChain",  # "低空经济、人形机器人等新赛道": industries a city races in
}
# Classes a list may pass on to unknown members: short names a suffix cannot reveal.
_CONTAGIOUS = frozenset({"Enterprise", "IndustryChain", "LargeScientificFacility"})
# Known members of these classes show that a list under another head lists fields.
_CONTRADICTING = frozenset({"Enterprise", "IndustryChain"})
# A facility list passes its class only to members named like a facility
# ("大气环境模拟系统" among known 装置/设施): a system, device or light source.
FACILITY_TAILS = ("系统", "装置", "设施", "光源", "实验平台")
MAX_PLATFORM_ITEM_CHARS = 24
MIN_UNNAMED_PLATFORM_CHARS = 6
MIN_NAMED_NEIGHBOURS = 2  # named platforms beside an unknown member show a list of names
_HAN_END = re.compile(r"[\u4e00-\u9fff]$")
_PLAIN_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_RULE_FOR_CLASS = {
    "Enterprise": "enterprise",
    "IndustryChain": "industry-chain",
    "LargeScientificFacility": "facility",
    "InnovationPlatform": "platform-center",
}
_JOINERS = ("以及", "、", "和", "与", "及")
# How the name of a segment ends when a chain heads its list: a service, an outsourced
# trade, what is made or supplied ("软件服务外包", "智能终端制造", "新型电子元器件").
SEGMENT_TAILS = ("服务", "外包", "制造", "材料", "装备", "设备", "零部件", "元器件", "软件", "芯片", "电池", "终端")
MAX_ITEMS = 24  # policy texts list 16 or 20 key chains in one sentence
MAX_ITEM_CHARS = 10
MIN_CONTAGION_CHARS = 3
MIN_LAST_WORD_CHARS = 2  # 信息、能源、新材料: two-character members of a field list are fields


# Not frozen, for speed (a frozen dataclass is built about three times slower, and
# one is built per match); hashable all the same, and never changed once built.
@dataclass(slots=True, unsafe_hash=True)
class KnownSpan:
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class ListMember:
    start: int
    end: int
    type: str
    by_cue: bool  # typed by the head noun (True) or by a known member (False)
    subtype: str | None = None  # ChainSegment for the fields of an industry


def list_members(text: str, known: list[KnownSpan], industry_context: bool = False) -> list[ListMember]:
    """Unknown members of lists in ``text`` ("A、B等企业", "A、B两大产业"), typed by head
    noun or contagion. ``industry_context``: the sentence is about an industry, so lists
    of 领域/方向/环节 are lists of its segments."""
    found: list[ListMember] = []
    ends = [m.start() for m in _LIST_END.finditer(text) if m.start() > 0]
    if not ends:
        return found
    by_end = {k.end: k for k in known}
    contagious_ends = sorted(end for end, k in by_end.items() if k.type in _CONTAGIOUS)
    chain_starts = frozenset(k.start for k in known if k.type == "IndustryChain")
    index = _KnownIndex(by_end, [(k.start, k.end) for k in known], contagious_ends, chain_starts)
    for at in ends:
        found += _members_before(text, at, index, industry_context)
    return found


@dataclass(slots=True)  # (not frozen: built once per list sentence, and faster so)
class _KnownIndex:
    """The known names of one sentence, indexed once for all its lists."""

    by_end: dict[int, KnownSpan]
    spans: list[tuple[int, int]]
    contagious_ends: list[int]  # sorted ends of known enterprises and chains
    chain_starts: frozenset[int]  # starts of known chains

    def may_spread_before(self, stop: int) -> bool:
        """Contagion needs a known member (and an unknown one) before ``stop``: two of one
        class, or one chain among industries the vocabulary knows; with no known enterprise
        or chain there, no list can spread."""
        return bisect_right(self.contagious_ends, stop) >= 1


def _members_before(text: str, stop: int, known: _KnownIndex, industry_context: bool) -> list[ListMember]:
    counted = text[stop] != "等"
    cue = _CUE.match(text, stop)
    if cue is not None and (_heads_something_else(text, cue) or _counted_sectors(cue, counted)):
        cue = None
    # "电池、电机、电控等配套企业": firms named by what they supply; the members are segments.
    supply_list = cue is not None and cue.group(1) in _SUPPLIER_HEADS and _SUPPLY in text[stop : cue.start(1)]
    if supply_list:
        cue = None
    segment_head = _segment_head_at(text, stop) if cue is None and not counted else None
    segment_list = supply_list or segment_head is not None
    field_cue = cue is None and not segment_list and not counted and _FIELD_CUE.match(text, stop) is not None
    # Outside an industry paragraph a field list is one of segments only for members the
    # segment vocabulary knows ("光芯片、激光雷达等领域"; not "信息、能源等领域").
    vocabulary_only = (field_cue and not industry_context) or segment_head in _MEDICINE_FIELDS
    field = segment_list or field_cue
    cue_class = _HEAD_CLASS[cue.group(1)] if cue else ("IndustryChain" if field else None)
    if cue_class is None and not counted and _PLATFORM_CUE.match(text, stop):
        return _platform_members(text, stop, known)
    if cue_class is None and not counted and stop + 1 in known.chain_starts:
        return _segments_before_chain(text, stop, known)
    if counted and cue_class is None:
        return []  # a bare count ("三个") is a list end only before a head noun
    if cue_class is None and not known.may_spread_before(stop):
        return []  # speed: the walk below could only end in the same empty answer
    # "光伏电站的等重点环节": a stray 的 before 等 does not end the list.
    list_end = stop - 1 if text[stop - 1] == "的" and not counted else stop
    items = _walk_items(text, list_end, known, whole_members=cue_class is not None)
    if counted and len(items) < MIN_COUNTED_ITEMS:
        return []
    known_classes = {k.type for _, _, k in items if k is not None}
    if vocabulary_only:
        return _vocabulary_members(text, items, known_classes)
    if cue_class is not None:
        # "集聚人工智能、数据等核心企业": known members of another kind show that the
        # members are fields, not companies.
        if known_classes & _CONTRADICTING and cue_class not in known_classes:
            return []
        cls, by_cue = cue_class, True
    else:
        known_count = sum(1 for _, _, k in items if k is not None)
        # Contagion needs most members known: "信息、能源、新材料等领域" lists fields.
        if len(known_classes) != 1 or not known_classes <= _CONTAGIOUS or 2 * known_count <= len(items):
            return _named_industries(text, items, known_classes)
        cls, by_cue = next(iter(known_classes)), False
    subtype = "ChainSegment" if field else None
    if cue is not None and cue.group(1) == _SECTOR_HEAD:
        items = [(a, b, k) for a, b, k in items if not text[a:b].endswith(_NOT_SECTOR_TAILS)]
    if field and not segment_list and _mostly_not_industries(text, items):
        return []  # "基础理论、原创算法、高端芯片、关键部件等方向": research topics, not segments
    if cls == "Enterprise" and items and items[-1][2] is None:
        a, b, _ = items[-1]
        items = [*items[:-1], (_after_leading_verb(text, a, b), b, None)]
    return [
        ListMember(a, b, cls, by_cue, subtype)
        for a, b, k in items
        if k is None
        and (
            (segment_list and is_segment_term(text[a:b]))
            or (
                _acceptable(text[a:b], cls, by_cue and not field)
                and (not field or segment_list or looks_like_industry(text[a:b]))
            )
        )
    ]


MIN_FIRM_NAME_CHARS = 2


def _after_leading_verb(text: str, start: int, end: int) -> int:
    """Start of the first firm of a list after a one-character verb the word rules leave on
    it ("，率星海科技等企业": 率 leads, the firm is 星海科技)."""
    first = rjieba.tag(text[start:end])[0]
    if len(first[0]) == 1 and first[1] in _VERB_TAGS and end - start - 1 >= MIN_FIRM_NAME_CHARS:
        return start + 1
    return start


_VERB_TAGS = frozenset({"v", "p"})


def _counted_sectors(cue: re.Match[str], counted: bool) -> bool:
    """A count of 板块 ("四大核心板块") sums up the parts of a plan or a building, which
    may be anything; only "A、B等板块" lists the sectors of a business."""
    return counted and cue.group(1) == _SECTOR_HEAD


def _segments_before_chain(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
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


# What ends a run of list members: punctuation of clauses, quotes and brackets.
RUN_BREAKS = r"，。；：,;:！？!?\s“”\"‘’'（）()《》【】「」『』"
_CLAUSE_MARK = re.compile(rf"[{RUN_BREAKS}]")


def _chunks_before(text: str, stop: int, known: _KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The 、-separated members between the clause's start and ``stop``; the first is cut
    after the clause's verb by the word rules ("著力发展云服务": 云服务)."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop)]
    start = marks[-1] if marks else max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS)
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


def _first_chunk_start(text: str, end: int, known: _KnownIndex) -> int:
    """Where the first member ending at ``end`` starts: a vocabulary term, else the name
    the word rules read, else the name before a last word that is a stop word (云服务)."""
    term = vocabulary_term_start(text, end, 0)
    if term >= 0:
        return term
    start = left_boundary(text, end, known.spans)
    return start if start < end else _start_before_last_word(text, end, known.spans)


def _names_a_segment(name: str) -> bool:
    return is_vocabulary_term(name) or (name.endswith(SEGMENT_TAILS) and _acceptable(name, "IndustryChain", True))


def _named_industries(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> list[ListMember]:
    """Members the industry vocabulary knows, in a headless list of known chains and such
    industries ("支持汽车、光电、医药、文旅等"): typed where they and the chains are most of it."""
    if known_classes != {"IndustryChain"} or len(items) < MIN_INDUSTRY_LIST_MEMBERS:
        return []
    terms = [(a, b) for a, b, k in items if k is None and is_industry_term(text[a:b])]
    named = len(terms) + sum(1 for _, _, k in items if k is not None)
    if 2 * named <= len(items):
        return []
    return [ListMember(a, b, "IndustryChain", False) for a, b in terms]


def _heads_something_else(text: str, cue: re.Match[str]) -> bool:
    """Whether the head noun is the modifier of another head: 产业 of "等重大产业项目" (a
    list of projects), or a head after one already ("等领域有根产业": the list's head is 领域)."""
    if cue.group(1) == "产业" and text.startswith(INDUSTRY_AS_MODIFIER_OF, cue.end()):
        return True
    return any(head in text[cue.start() : cue.start(1)] for head in FIELD_HEADS)


def _segment_head_at(text: str, stop: int) -> str | None:
    """The head noun when the 等 at ``stop`` heads a list of segments, else None.
    "等医药创新发展平台" heads a list of platforms: a platform head wins over a field of
    medicine."""
    cue = _SEGMENT_CUE.match(text, stop)
    if cue is None or (cue.group(1) in _MEDICINE_FIELDS and _PLATFORM_CUE.match(text, stop)):
        return None
    return cue.group(1)


def _vocabulary_members(
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
        joiner = _joiner_before(text, item[0])
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
        and _acceptable(name, "IndustryChain", False)
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
    if len(known_classes) != 1 or not known_classes <= _CONTAGIOUS or 2 * known_count <= len(items):
        return []
    cls = next(iter(known_classes))
    return [ListMember(a, b, cls, False) for a, b, k in items if k is None and _acceptable(text[a:b], cls, False)]


def _mostly_not_industries(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> bool:
    """Whether half the members or more are techniques, theories, parts or products."""
    rejected = sum(1 for a, b, _ in items if not looks_like_industry(text[a:b]))
    return 2 * rejected >= len(items)


def _platform_members(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
    """Unknown members of a list of named platforms that no suffix rule types
    ("…国产化平台", "…研究医院"), and platform names whose rule found the stem too
    short ("大基因中心"). A list of kinds ("高校、科研院所等创新平台") or of fields
    ("能源、环境科学等研究平台") types nothing: two other members at least must be names."""
    items = _walk_items(text, stop, known, through_joiner=True)
    verdicts = [_platform_verdict(text[a:b]) if k is None else "known" for a, b, k in items]
    names = sum(1 for v in verdicts if v in ("known", "named"))
    members = []
    for (a, b, _), verdict in zip(items, verdicts, strict=True):
        others_named = names - (verdict == "named")
        typable = verdict in ("unnamed", "too-short") and others_named >= MIN_NAMED_NEIGHBOURS
        if typable and _acceptable_platform(text[a:b], verdict):
            members.append(ListMember(a, b, "InnovationPlatform", True))
    return members


def _platform_verdict(name: str) -> str:
    """ "named": a suffix rule takes it as a name; "too-short": a platform suffix with a
    short stem; "generic": a kind; "unnamed": no suffix of any rule ends it."""
    ends = [(s, rule) for s, e, rule in suffix_hits(name) if e == len(name)]
    if not ends:
        return "unnamed"
    s, rule = ends[-1]
    reason = judge(rule, name[:s])
    if reason is None:
        return "named"
    return "too-short" if reason == "too-short" and rule.type == "InnovationPlatform" else "generic"


def _acceptable_platform(name: str, verdict: str) -> bool:
    if not _HAN_END.search(name) or len(name) > MAX_PLATFORM_ITEM_CHARS:
        return False
    if verdict == "unnamed" and len(name) < MIN_UNNAMED_PLATFORM_CHARS:
        return False  # "能源", "先进材料分析": fields, not names
    return judge(RULES.get("platform-center"), name) is None


def _walk_items(
    text: str, end: int, known: _KnownIndex, through_joiner: bool = False, whole_members: bool = False
) -> list[tuple[int, int, KnownSpan | None]]:
    """Members from right to left: (start, end, the known name it is, or None).
    ``whole_members``: a list typed by its head, whose members may end in a verb or a
    stop word (…循环利用, 商贸金融服务)."""
    items: list[tuple[int, int, KnownSpan | None]] = []
    for _ in range(MAX_ITEMS):
        hit = known.by_end.get(end)
        term = _wider_term_start(text, end, hit)
        if term >= 0:
            hit = None  # "发展海洋生物医药": the vocabulary's longer industry, not 生物医药
        if hit is not None and whole_members and _joiner_before(text, hit.start) is None:
            # "碳基新材料、…等产业链": a known name ending a longer member (新材料) is part of it
            wider = _enumerated_start(text, end)
            if 0 <= wider < hit.start:
                hit = None
        start = term if term >= 0 else hit.start if hit else left_boundary(text, end, known.spans, through_joiner)
        if start >= end:
            start = segment_term_start(text, end)
        if (start < 0 or start >= end) and whole_members:
            start = _enumerated_start(text, end)
        if (start < 0 or start >= end) and whole_members:
            start = _start_before_last_word(text, end, known.spans)
        if start < 0 or start >= end:
            break
        items.append((start, end, hit))
        joiner = _joiner_before(text, start)
        if joiner is None:
            break
        end = start - len(joiner)
    return items


def _wider_term_start(text: str, end: int, hit: KnownSpan | None) -> int:
    """Start of a vocabulary term that ends with the known name ``hit`` and is longer;
    -1 when there is none (or no known name ends here)."""
    if hit is None or _joiner_before(text, hit.start) is not None:
        return -1
    term = vocabulary_term_start(text, end, max(0, end - MAX_ITEM_CHARS))
    if not 0 <= term < hit.start:
        return -1
    # the word rules must read the longer name too: in "，服务机器人产业" 服务 may be the verb
    return term if left_boundary(text, end, []) <= term else -1


def _enumerated_start(text: str, end: int) -> int:
    """Start of a member that the word rules leave empty because it ends in a stop word
    ("…、废旧资源循环利用等领域": 利用 ends it): between an enumeration comma and the member
    already read after it, the whole text is the member. -1 when no 、 stands near."""
    comma = text.rfind("、", max(0, end - MAX_ITEM_CHARS - 1), end)
    if comma < 0 or not _PLAIN_HAN.fullmatch(text, comma + 1, end) or "等" in text[comma:end]:
        return -1
    return comma + 1


def _start_before_last_word(text: str, end: int, spans: list[tuple[int, int]]) -> int:
    """Start of a member whose last word is a stop word ("海洋高技术服务、…等产业": 服务
    ends it), where no 、 stands before it to bound it: the name before that word, read
    by the word rules, with the word kept. -1 when nothing stands before the word."""
    words = segment(text[max(0, end - MAX_ITEM_CHARS) : end])
    if len(words) < 2 or len(words[-1]) < MIN_LAST_WORD_CHARS:
        return -1  # a one-character word there is a particle (等, 的), not a noun's end
    last_start = end - len(words[-1])
    start = left_boundary(text, last_start, spans)
    return start if 0 <= start < last_start and _PLAIN_HAN.fullmatch(text, start, end) else -1


# Verbs that end in 及 ("涉及", "惠及"): the 及 is no joiner of a list there.
_VERBS_IN_JI = frozenset("涉普危惠顾触波遍提论来不")


def _joiner_before(text: str, start: int) -> str | None:
    for joiner in _JOINERS:
        if text.startswith(joiner, start - len(joiner)):
            if joiner == "及" and start >= 2 and text[start - 2] in _VERBS_IN_JI:
                return None
            return joiner
    return None


def _acceptable(name: str, cls: str, by_cue: bool) -> bool:
    if len(name) > MAX_ITEM_CHARS or (not by_cue and len(name) < MIN_CONTAGION_CHARS):
        return False
    if cls == "LargeScientificFacility" and not name.endswith(FACILITY_TAILS):
        return False
    if cls == "IndustryChain":
        name = strip_industry_suffix(name)  # "三大主导产业以及…": 主导产业 is a category word
    return judge(RULES.get(_RULE_FOR_CLASS[cls]), name) is None


def members_ending_at(text: str, end: int, known: list[KnownSpan]) -> list[tuple[int, int, KnownSpan | None]]:
    """The whole members of a list ending at ``end``, right to left, with the known name
    each one is (or None): the walk of a list typed by its head."""
    index = _KnownIndex({k.end: k for k in known}, [(k.start, k.end) for k in known], [], frozenset())
    return _walk_items(text, end, index, whole_members=True)


def acceptable_chain(name: str) -> bool:
    """Whether a list member typed by its head may be a chain: no generic or category word."""
    return _acceptable(name, "IndustryChain", True)


# A run of 、-joined chunks between punctuation marks ("优化整车、零部件、后市场").
_CHUNK = rf"[^、{RUN_BREAKS}]+"
_ENUMERATION = re.compile(rf"{_CHUNK}(?:、{_CHUNK})+")
# Known names that cannot be segments: a list holding one lists firms or places.
_NOT_SEGMENT_CLASSES = frozenset({"Enterprise", "Place"})
MIN_TERM_LIST_MEMBERS = 2


def may_hold_term_list(text: str) -> bool:
    """Whether some 、 of ``text`` stands next to a segment term: every list that
    :func:`term_list_members` can type has one. (Speed: two regex searches spare most
    sentences the full reading.)"""
    term_after, term_before = _terms_by_comma()
    return term_after.search(text) is not None or term_before.search(text[::-1]) is not None


@cache
def _terms_by_comma() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for "、<term>" in the text and in the reversed text ("<term>、" read backwards). Both
    open with 、 so that the engine skips ahead to it: about five times as fast as one
    pattern with the term first."""
    terms = sorted(segment_terms() | industry_terms(), key=len, reverse=True)
    forward = "|".join(re.escape(t) for t in terms)
    backward = "|".join(re.escape(t[::-1]) for t in terms)
    return re.compile(rf"、(?:{forward})"), re.compile(rf"、(?:{backward})")


def term_list_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown members of headless 、-lists whose every member is a segment term (or a
    known chain), in a sentence that names a chain: "优化整车、零部件、后市场布局" under
    新能源汽车. Each member is a whole term; a chunk the vocabulary does not know, or a
    known enterprise or place inside the list, shows a list of something else."""
    chains = [k for k in known if k.type == "IndustryChain"]
    if not chains:
        return []
    found: list[ListMember] = []
    for run in _ENUMERATION.finditer(text):
        members = _term_members(text, run.start(), run.end(), known)
        if members is None or len(members) < MIN_TERM_LIST_MEMBERS:
            continue
        in_list = {(a, b) for a, b, _ in members}
        if not any((k.start, k.end) not in in_list for k in chains) and not _industry_list(text, members):
            continue  # the only chains named are the members themselves
        found += [_term_member(text, a, b) for a, b, k in members if k is None]
    return found


MIN_INDUSTRY_LIST_MEMBERS = 3


def _industry_list(text: str, members: list[tuple[int, int, KnownSpan | None]]) -> bool:
    """A list of industries by name ("汽车、钢铁、机械"): three members or more, one a known
    chain and the others industries the vocabulary knows, not segments of one chain."""
    if len(members) < MIN_INDUSTRY_LIST_MEMBERS or not any(k is not None for _, _, k in members):
        return False
    return all(k is not None or is_industry_term(text[a:b]) for a, b, k in members)


def _term_member(text: str, start: int, end: int) -> ListMember:
    subtype = "ChainSegment" if is_segment_term(text[start:end]) else None
    return ListMember(start, end, "IndustryChain", True, subtype)


def _term_members(
    text: str, start: int, end: int, known: list[KnownSpan]
) -> list[tuple[int, int, KnownSpan | None]] | None:
    """The members of the 、-run ``text[start:end]``; None unless every one is a term.
    A firm or place before the first member is the clause's subject ("柳州推动汽车、…")."""
    chains = {(k.start, k.end): k for k in known if k.type == "IndustryChain"}
    chunks = text[start:end].split("、")
    members: list[tuple[int, int, KnownSpan | None]] = []
    at = start
    for index, chunk in enumerate(chunks):
        a, b = at, at + len(chunk)
        at = b + 1
        if index == 0:
            a = _first_member_start(text, a, b, chains)  # "优化整车": the verb is no part
        if a < 0:
            return None
        hit = chains.get((a, b))
        if hit is None and not is_segment_term(text[a:b]) and not is_industry_term(text[a:b]):
            return None
        members.append((a, b, hit))
    first = members[0][0]
    if any(k.type in _NOT_SEGMENT_CLASSES and k.start < end and k.end > first for k in known):
        return None
    return members


def _first_member_start(text: str, start: int, end: int, chains: dict[tuple[int, int], KnownSpan]) -> int:
    """Start of the whole term or known chain that ends the first chunk, after a stop
    word ("大力发展商用车"); -1 when the chunk ends in no whole term ("新能源整车")."""
    for a, b in chains:
        if b == end and a >= start:
            return a if left_boundary(text, a, []) == a else -1
    term_start = segment_term_start(text, end)
    if term_start < start:
        return -1
    return term_start if left_boundary(text, term_start, []) == term_start else -1
