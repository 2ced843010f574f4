"""Type the members of a coordinated list by the list's head noun or by its known members.

"中科星图、航天宏图等龙头企业": the head 企业 makes every member an enterprise;
"草莓、龙虾等6个产业链": every member is a chain; "容知日新、阳光电源等": one member is a
known enterprise, so the unknown one is taken to be of the same kind (contagion). Known
members keep the class the gazetteer gives them; only unknown members are typed here.

Lists of firms also end without 等, before what they stand for or lead ("以A、B为代表的…
企业", "以A、B为龙头企业", "以A、B为骨干的…"), and may open on a firm's role instead of
closing on a head ("封测厂商A、B等；"); their members lose a role noun or a delegation's verb
written on them ("龙头企业A", "组织A"), and keep going past a country ("德国A、瑞士B等") or
an other name in brackets ("A（B）等").

Lists of industries also end at a quote that holds their count or a label with one ("A、B“两大主导
产业”", "A、B、C“三新”产业", "“A、B”两个千亿级产业").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import rjieba

from loaders.lexicon.chain_names import (
    NOT_INDUSTRY_TAILS,
    is_industry_term,
    is_segment_term,
    is_stage_word,
    is_vocabulary_term,
    looks_like_industry,
    names_stages,
    segment_term_start,
    strip_industry_suffix,
    vocabulary_term_start,
)
from loaders.lexicon.matcher import name_form
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.lexicon.segmenter import segment
from loaders.mentions.entity_rules import RULES, country_ending_at, judge, left_boundary, suffix_hits
from loaders.mentions.short_names import company_head_words

# 等 + optional count ("6个", "两家") + an optional "科研院所及" + up to four modifier
# characters ("龙头", "整车", "未来") + the head noun. Modifiers stop at words that show
# the head belongs to another phrase ("等指标中企业", "等精准医学形成产业").
# A count may be approximate: "近10家", "30余家", "20 余个", "超百家".
_COUNT = "(?:近|约|超|逾|超过)?[0-9一二三四五六七八九十百千两多几]+ ?(?:余|多)?[个家项大类条户批]"
# (形成 is barred as a word, not by its characters: 集成电路 and 成套装备 qualify firms.)
_MODIFIER_CHAR = r"(?:(?!形成)[^\W\d_中的之为标])"
# A quoted label may stand among them: "两大“千亿级”产业", "等“专精特新”企业".
_QUOTED_MODIFIER = r"(?:[“\"][\u4e00-\u9fff]{1,6}[”\"])?"
_MODIFIERS = rf"(?:[\u4e00-\u9fff]{{1,4}}[及和与])?(?:{_MODIFIER_CHAR}{{0,4}}?){_QUOTED_MODIFIER}"
# After 等, longer modifiers that hold an adjective of many ("等众多新锐集成电路企业").
_MANY_WORDS = "(?:众多|诸多|一批|多家|大批|一大批|一系列|国内外|海内外)"
_MANY = rf"{_MANY_WORDS}[^\W\d_的之为]{{0,10}}?"
# Before a head of firms the adjective may be a clause closed by 的 ("等一批具有全球影响力的
# 显示龙头企业"); before others such a clause describes what the list is ("…的产业技术成果").
_BEFORE_FIRM_HEAD = "(?=企业|公司|集团|厂商|龙头|巨头)"
_MANY_OF_FIRMS = rf"{_MANY_WORDS}[^\W\d_的之为]{{2,12}}的{_QUOTED_MODIFIER}[^\W\d_的之为]{{0,10}}?{_BEFORE_FIRM_HEAD}"
# A count of firms (家) may stand before such a clause, which may list praises joined by 、
# ("等20多家创新能力强、成长性好的规模医药企业"): 家 counts firms, so the clause describes them.
_COUNTED_FIRMS_CLAUSE = (
    rf"(?<=家)(?:[^\W\d_的之为]|、){{2,30}}?的{_QUOTED_MODIFIER}[^\W\d_的之为]{{0,10}}?{_BEFORE_FIRM_HEAD}"
)
# A count in 家 before a longer description without 的 ("4家储能电池配套企业"): 家 counts firms,
# and the industry words between it and the head qualify them.
_COUNTED_FIRMS_MODIFIERS = rf"(?<=家)[^\W\d_的之为]{{5,10}}?{_BEFORE_FIRM_HEAD}"
# A league table of firms before the head: "等7家世界500强企业", "这些全球500强企业".
_LEAGUE = r"(?:世界|全球|中国|财富|国内)?(?:500|五百|100|一百)强"
# A demonstrative closes a list as 等 does: "A、B、C这些国际知名企业", "A、B这两家企业".
_DEMONSTRATIVE = r"这(?:些|几家|[0-9一二三四五六七八九十两]+家)"
# "等电子信息重点企业": an industry and a firm's role word before 企业 (longer than _MODIFIERS).
_ROLE_MODIFIERS = rf"{_MODIFIER_CHAR}{{1,6}}?(?:重点|龙头|骨干|领军|链主|配套|上市|头部|核心)(?=企业)"
# "等生命健康领域各类企业": the firms of a field, named by the field.
_FIELD_FIRM_MODIFIERS = rf"{_MODIFIER_CHAR}{{1,8}}?(?:领域|行业)的?(?:各类|相关|重点|龙头|骨干)?(?=企业)"
_FIELD_OF_FIRMS = re.compile("(?:领域|行业)的?(?:各类|相关|重点|龙头|骨干)?$")
# "等航天产业龙头企业": the industry word qualifies a head of firms that follows it; and
# "等算力产业项目", "等集成电路产业链项目": projects of an industry, which the list's
# members build (firms, typed by a known member, or projects), not the industries.
_FIRM_AFTER_INDUSTRY = r"[^\W\d_的之为]{0,4}?(?:企业|公司|集团)|链?项目"
# "A、B等为代表的一批…企业": the list is what stands for the kind.
_STANDING_FOR = r"(?:为代表的|为首的|为引领的|领衔的)?"
# "以A、B为代表的汽车电子、智能座舱企业", with or without 等: the members stand for a kind
# described at length, by a run of fields joined by 、 ("驾舱、感知、动力企业") or by
# clauses closed by 的 ("具有自主知识产权、国内领先的高科技企业").
_STANDS_FOR = r"等?为(?:代表|首|骨干)的?"
_LONG_MODIFIERS = r"(?:[^\W\d_之为]|、){0,20}?"
_CUE = re.compile(
    rf"(?:(?:等{_STANDING_FOR}(?:{_COUNT})?|{_DEMONSTRATIVE}|{_COUNT})(?:{_MANY}|{_MANY_OF_FIRMS}|{_COUNTED_FIRMS_CLAUSE}|{_COUNTED_FIRMS_MODIFIERS}|{_LEAGUE}|{_ROLE_MODIFIERS}|{_FIELD_FIRM_MODIFIERS}|{_MODIFIERS})|{_STANDS_FOR}{_LONG_MODIFIERS}|(?=为))"
    rf"(企业|公司|集团|厂商|厂家|制造商|供应商|巨头|翘楚|龙头(?!产业|行业)|领军(?!人才|人物|团队|型)|车企|药企|(?:产业链|产业集群|产业)(?!{_FIRM_AFTER_INDUSTRY})|制造业|板块|赛道|为龙头|为链主|为骨干)"
)
_STANDING_LIST = re.compile(_STANDS_FOR)
# A head of firms after a longer description than the cue's modifiers allow, read only when
# the cue finds no head: quoted praise ("等一大批“光电巨头”"), an industry and a rank ("等中国医药
# 工业百强企业", "等产业内知名企业"), a rough count ("等上百家国内外机器人企业"), brands ("等100多
# 家知名品牌"). No 的, 之 or 为 inside: they close a clause that says what the list is.
_ROUGH_COUNT = rf"(?:{_COUNT}|(?:上|近|数)[十百千]+(?:余|多)?家)"
_LONG_FIRM_CUE = re.compile(
    rf"等(?:{_ROUGH_COUNT}为?)?(?:[^\W\d_的之为]|[“”‘’\"']){{0,14}}?(企业|公司|集团|品牌|巨头|药企|车企|厂商|龙头(?!产业|行业))"
)
# "等一批与船舶产业相关的零部件加工企业", "等一批研发投入大、成长性好的企业": after
# a word of many, a clause closed by 的 (its own 、 included) describes the members, and the head
# after it types them. An industry word inside the clause is what the firms relate to, no head.
_CLAUSED_FIRM_CUE = re.compile(
    rf"等(?:{_COUNT})?{_MANY_WORDS}(?:[^\W\d_的之为]|、){{2,30}}?的{_QUOTED_MODIFIER}"
    r"(?:[^\W\d_的之为]|、){0,16}?(企业|公司|厂商|厂家)"
)
# Heads that make the members industries only where the text is about an industry
# ("围绕电池组件、逆变器等重点环节" under a 光伏 lead) or a verb of scope opens the list
# ("项目涉及A、B等行业", _opened_by_scope_verb); elsewhere they list research fields.
# Lists of platforms ("A、B、C等重点创新平台", "等医药创新发展平台"): the head types the
# members no suffix types (…国产化平台, …医院, 大基因中心). Their modifiers run longer.
_PLATFORM_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT})[^\W\d_的之为]{{0,6}}?(?:创新|研究|服务|科技)?平台")
_FIELD_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT}){_MODIFIERS}(重点环节|环节|领域|方向|行业)")
# Heads that make the members segments of a chain wherever they stand: links of a
# chain and its core parts ("减速器、伺服电机等核心零部件", "航空发动机、无人机等环节").
# A field of medicine after 等 heads a list of its segments too ("干细胞、基因检测、体外诊断
# 等精准医学"): such lists type only members the segment vocabulary knows.
# "以A、B等为配套": what supplies the chain's core; "带动A、B等下游终端": its downstream
# links (a firm head after 下游, "等下游企业", is read by _CUE first); "等为主导的细分行业";
# "A、B等整车车型": the models a vehicle chain makes. "A、B等三大类配套项目": the kinds of
# supply a chain draws, its links.
_SEGMENT_CUE = re.compile(
    rf"等(?:{_COUNT})?(?:为(?:主导|主|核心)的)?(?:[\u4e00-\u9fff]{{0,2}}?)(细分领域|细分行业|细分产业|子行业|环节|核心零部件|关键零部件|零部件|车型|医学|医药|健康)"
    r"|等(为配套)(?![\u4e00-\u9fff])|等(上游|中游|下游)(?!企业|厂商|客户|用户)"
    rf"|等(?:{_COUNT})?类?(配套)(?=项目|环节)"
)
# A count before the parts of a field says as much as 等 does: "A、B、C五大细分领域",
# "A、B等14个子行业" (细分 and 子 name the parts of one industry, never industries apart).
_COUNTED_SEGMENT_CUE = re.compile(rf"{_COUNT}(?:[\u4e00-\u9fff]{{0,2}}?)(细分领域|细分行业|细分产业|子行业)")
_SECTOR_HEAD = "板块"
_BRAND = "品牌"
# Sectors of a business are trades: not boards of a stock market (主板, 科创板), techniques,
# products or parts of a plan (…研究, …平台, …中心).
_NOT_SECTOR_TAILS = ("板", *NOT_INDUSTRY_TAILS)
_MEDICINE_FIELDS = frozenset({"医学", "医药", "健康"})
# What 产业 qualifies when it is no head of its own: 产业项目, 产业园, 产业基地…
INDUSTRY_AS_MODIFIER_OF = ("项目", "园", "基地", "工程", "用地", "基金", "资金", "政策", "招商")
FIELD_HEADS = ("领域", "方向", "环节")  # heads of lists of fields, not of industries
# Where a list may end: before 等, or before a count right after a name ("A、B三大产业",
# "A、B两家企业").
# (The count's first digit comes before the look-behind so that the regex engine can skip
# ahead to 等 or a digit: the same matches, found about twice as fast.)
_LIST_DIGIT = "[0-9一二三四五六七八九十两]"
# A list of firms may also end before what it stands for or leads, without 等:
# "以A、B为代表的…", "以A、B为龙头企业", "以A、B为骨干的…".
# ("一个" counts no list: "一座园区就是一个孵化联盟" says what one thing is.)
_LEAD_ROLES = "为(?=代表|首的|骨干|龙头|链主)"
_LIST_END = re.compile(
    rf"等|(?!一[个大类项家]){_LIST_DIGIT}(?<=[\u4e00-\u9fffA-Za-z].){_LIST_DIGIT}*[个大类项家]|{_LEAD_ROLES}"
)
_DEMONSTRATIVE_END = "这"
_LEAD_ROLE = re.compile(_LEAD_ROLES)
# A list of industries may also end at a quote that holds its count or a label with one, before
# the head: "A、B、C“三新”产业", "A、B“两大主导产业”", or, the list quoted, "“A、B”两个千亿级产业".
# (A label of digits alone is a plan's period: "“十四五”产业规划".)
_QUOTE_MARKS = '“”"'
_QUOTED_LIST_END = re.compile(rf"(?<=[\u4e00-\u9fffA-Za-z])[{_QUOTE_MARKS}](?={_LIST_DIGIT})")
_COUNTED_LABEL = rf"{_LIST_DIGIT}+(?:(?!{_LIST_DIGIT})[\u4e00-\u9fff]){{1,3}}[”\"]"
_QUOTED_INDUSTRY_HEAD = "产业集群|产业链|产业"
_QUOTED_COUNT_CUE = re.compile(
    rf"[{_QUOTE_MARKS}](?:{_COUNT}{_MODIFIERS}|{_COUNTED_LABEL})({_QUOTED_INDUSTRY_HEAD})(?!{_FIRM_AFTER_INDUSTRY})"
)


def may_end_in_role(text: str) -> bool:
    """Whether some list of ``text`` may end before a role without 等 ("为代表", "为龙头")."""
    return _LEAD_ROLE.search(text) is not None


_DEMONSTRATIVE_LIST_END = re.compile(_DEMONSTRATIVE)


def may_end_in_quoted_count(text: str) -> bool:
    """Whether some list of ``text`` may end at a quote before its count ("A、B“两大产业”")."""
    return _QUOTED_LIST_END.search(text) is not None


def may_end_in_demonstrative(text: str) -> bool:
    """Whether some list of ``text`` may end before a demonstrative ("A、B这些企业")."""
    return _DEMONSTRATIVE_END in text and _DEMONSTRATIVE_LIST_END.search(text) is not None


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
    "领军": "Enterprise",  # "A、B等多家领军": the firms leading a field (not 领军人才)
    "龙头": "Enterprise",
    "为龙头": "Enterprise",  # "以A、B等为龙头的晶圆制造业": the firms that lead it
    "为链主": "Enterprise",
    "为骨干": "Enterprise",  # "以A、B为骨干的…体系": the firms that carry it
    "车企": "Enterprise",
    "药企": "Enterprise",
    "品牌": "Enterprise",  # "等100多家知名品牌" (the long cue only): the firms behind the brands
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
SEGMENT_TAILS = (
    *("服务", "外包", "制造", "材料", "装备", "设备", "零部件", "元器件", "软件", "芯片", "电池", "终端"),
    *("机车", "车辆", "货车", "客车"),  # rolling stock and vehicles: the products of transport chains
)
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


# A count or a 为 of standing that follows a list's 等 in one phrase ("A、B等近60家企业", "A、B等
# 企业为代表的…"): the list closed at 等, and that end reads it whole; read again from the count
# or from 为, its last member would run over 等 ("B等近").
_CLOSING_DENG = re.compile(r"(?<![高中同平均对初次])等(?!离)[\u4e00-\u9fff]{0,6}")


def _after_closing_deng(text: str, at: int) -> bool:
    """Whether the list end at ``at`` (a count or 为) follows a list's 等 in the same phrase."""
    return text[at] != "等" and any(m.end() == at for m in _CLOSING_DENG.finditer(text, max(0, at - 7), at))


def list_members(text: str, known: list[KnownSpan], industry_context: bool = False) -> list[ListMember]:
    """Unknown members of lists in ``text`` ("A、B等企业", "A、B两大产业"), typed by head
    noun or contagion. ``industry_context``: the sentence is about an industry, so lists
    of 领域/方向/环节 are lists of its segments."""
    found: list[ListMember] = []
    ends = [m.start() for m in _LIST_END.finditer(text) if m.start() > 0 and not _after_closing_deng(text, m.start())]
    if may_end_in_demonstrative(text):
        ends = sorted(ends + [m.start() for m in _DEMONSTRATIVE_LIST_END.finditer(text) if m.start() > 0])
    ends = sorted(ends + [m.start() for m in _QUOTED_LIST_END.finditer(text)])
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
    if text[stop] == "为":
        return _leading_members(text, stop, known)
    if text[stop] in _QUOTE_MARKS:
        return _members_before_quoted_count(text, stop, known)
    counted = text[stop] not in ("等", _DEMONSTRATIVE_END)
    cue = _CUE.match(text, stop)
    long_cue = cue is None and text[stop] == "等" and _long_firm_cue(text, stop)
    if long_cue:
        cue = _LONG_FIRM_CUE.match(text, stop)
    claused = _claused_firm_cue(text, stop, cue)
    if claused is not None:
        cue, long_cue = claused, True
    if text[stop] == _DEMONSTRATIVE_END and (cue is None or _HEAD_CLASS[cue.group(1)] != "Enterprise"):
        return []  # "这些领域", "这些产业": a demonstrative closes only a list of firms here
    if cue is not None and (_heads_something_else(text, cue, known) or _counted_sectors(cue, counted)):
        cue = None
    # "电池、电机、电控等配套企业": firms named by what they supply; the members are segments.
    supply_list = cue is not None and cue.group(1) in _SUPPLIER_HEADS and _SUPPLY in text[stop : cue.start(1)]
    if supply_list and not _names_suppliers(text, stop, known):
        cue = None
    supply_list = supply_list and cue is None
    segment_head = _segment_head_at(text, stop) if cue is None and not counted else None
    if cue is None and counted and segment_head is None:
        counted_segments = _COUNTED_SEGMENT_CUE.match(text, stop)
        segment_head = counted_segments.group(1) if counted_segments else None
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
    if cue_class is None and text[stop] == "等":
        introduced = _introduced_members(text, stop, known)
        if introduced is not None:
            return introduced
    if cue_class is None and _ROLE_NOUN.search(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop):
        role_led = _role_led_members(text, stop, known)
        if role_led is not None:
            return role_led
    if cue_class is None and not known.may_spread_before(stop):
        return []  # speed: the walk below could only end in the same empty answer
    # "光伏电站的等重点环节": a stray 的 before 等 does not end the list.
    list_end = stop - 1 if text[stop - 1] == "的" and not counted else stop
    firms = cue_class == "Enterprise"
    items = _walk_items(text, list_end, known, whole_members=cue_class is not None, firms=firms)
    if counted and len(items) < MIN_COUNTED_ITEMS:
        return []
    if counted and items[0][2] is None:
        a, b, _ = items[0]
        items[0] = (a, _before_trailing_verb(text, a, b), None)
    known_classes = {k.type for _, _, k in items if k is not None}
    if long_cue and any(k is None and _names_a_trade(text[a:b]) for a, b, k in items):
        return []  # "电池、电机等新能源汽车核心零部件企业": the firms are named by what they make
    if long_cue and cue is not None and cue.group(1) == _BRAND and not _brands_of_firms(text, stop, cue):
        return []  # "草莓、蓝莓等知名品牌": brands of produce
    if vocabulary_only:
        found = _vocabulary_members(text, items, known_classes)
        if field_cue and _opened_by_scope_verb(text, stop):
            scoped = _apart_from(_members_before(text, stop, known, industry_context=True), found)
            found += [m for m in scoped if _new_field_member(text, m)]
        return found
    if cue_class is not None:
        # "集聚人工智能、数据等核心企业": known members of another kind show that the
        # members are fields, not companies.
        if known_classes & _CONTRADICTING and cue_class not in known_classes:
            if not _firms_standing_for_industry(text, stop, cue_class, known_classes):
                return []
            cue_class = "Enterprise"
        if cue_class == "IndustryChain" and not field and _names_firms(text, stop, cue, items):
            cue_class = "Enterprise"  # "A电子、B半导体等芯片产业独角兽": the firms of a chain
        cls, by_cue = cue_class, True
    else:
        known_count = sum(1 for _, _, k in items if k is not None)
        # Contagion needs most members known: "信息、能源、新材料等领域" lists fields.
        if len(known_classes) != 1 or not known_classes <= _CONTAGIOUS or 2 * known_count <= len(items):
            if known_classes == _FIRM_CLASSES and _mostly_firms(text, items, known_count):
                return [ListMember(a, b, "Enterprise", False) for a, b in _short_firms_between_firms(text, items)]
            return _named_industries(text, items, known_classes)
        cls, by_cue = next(iter(known_classes)), False
    subtype = "ChainSegment" if field else None
    if cue is not None and cue.group(1) == _SECTOR_HEAD:
        items = [(a, b, k) for a, b, k in items if not text[a:b].endswith(_NOT_SECTOR_TAILS)]
    if field and not segment_list and _mostly_not_industries(text, items):
        return []  # "基础理论、原创算法、高端芯片、关键部件等方向": research topics, not segments
    if cls == "Enterprise" and by_cue:
        items = _with_glued_places(text, items, known)
        # "…生产企业福斯特等龙头企业": each member begins after the role noun it holds
        items = [(_role_noun_end(text, a, b), b, k) if k is None else (a, b, k) for a, b, k in items]
    if cls == "Enterprise" and items and items[-1][2] is None:
        a, b, _ = items[-1]
        items = [*items[:-1], (_after_leading_verb(text, a, b), b, None)]
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
                _acceptable(text[a:b], cls, by_cue and not field)
                and (not field or segment_list or looks_like_industry(text[a:b]))
            )
        )
    ]


def _mostly_firms(text: str, items: list[tuple[int, int, KnownSpan | None]], known_count: int) -> bool:
    """Whether most members are firms, the known ones and those a company's suffix names."""
    by_suffix = sum(1 for a, b, k in items if k is None and _firm_by_its_suffix(text[a:b]))
    return 2 * (known_count + by_suffix) > len(items)


def _firm_by_its_suffix(name: str) -> bool:
    """Whether a company's suffix makes ``name`` a firm ("比亚迪集团"): among known firms it counts
    as one of them, though the suffix rule, not the gazetteer, reads it."""
    return _ends_in_suffix(name) and _acceptable(name, "Enterprise", True)


# Word tags of a proper name the dictionary holds (三星, 康宁): a brand, no common noun.
_PROPER_NAME_TAGS = frozenset({"nz", "nr", "nrt", "nt"})


def _short_firms_between_firms(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> set[tuple[int, int]]:
    """Unknown members of two characters that stand between two known firms of a list its known
    members type ("A光电、三星、B等"): too short to be typed by contagion alone, a proper name so
    placed is a firm. Common nouns (信息, 能源) stay out: they list fields."""
    found: set[tuple[int, int]] = set()
    for (_, _, after), (a, b, k), (_, _, before) in zip(items, items[1:], items[2:], strict=False):
        if k is not None or b - a != MIN_CONTAGION_CHARS - 1 or not _PLAIN_HAN.fullmatch(text, a, b):
            continue  # (items run right to left: the first is the one after the member)
        if after is None or before is None or after.type != "Enterprise" or before.type != "Enterprise":
            continue
        words = rjieba.tag(text[a:b])
        if text[a:b] not in KNOWN_PLACES and len(words) == 1 and words[0][1] in _PROPER_NAME_TAGS:
            found.add((a, b))
    return found


def _members_before_quoted_count(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
    """Industries of a list that ends at a quote holding its count ("A、B“两大主导产业”",
    "“A、B”两个千亿级产业"): typed by the head after the count, as a counted list is; a known
    member of another kind, or a member named like a firm, shows a list of something else."""
    cue = _QUOTED_COUNT_CUE.match(text, stop)
    if cue is None or _heads_something_else(text, cue, known):
        return []
    items = _walk_items(text, stop, known, whole_members=True)
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
        if k is None and (a, b) not in joined and _acceptable(text[a:b], "IndustryChain", True)
    ]


MAX_JOINED_WORD_CHARS = 2


def _short_joined_pairs(text: str, items: list[tuple[int, int, KnownSpan | None]]) -> set[tuple[int, int]]:
    """Spans of members that a joiner glues into one industry's name, two short words ("生物与
    医药", "汽车及零部件"): neither is an industry of the list on its own."""
    spans: set[tuple[int, int]] = set()
    for (a, b, _), (c, d, _) in zip(items, items[1:], strict=False):  # right to left: (c, d) comes first
        short = b - a <= MAX_JOINED_WORD_CHARS and d - c <= MAX_JOINED_WORD_CHARS
        if short and text[d:a] in _NAME_JOINER_CHARS:
            spans |= {(a, b), (c, d)}
    return spans


def _before_trailing_verb(text: str, start: int, end: int) -> int:
    """End of the last member of a counted list when a verb stands between it and the count
    ("海工装备、种业产业形成两大特色产业": the list is the verb's subject, and the count its
    object, so the member ends before 形成)."""
    last = segment(text[start:end])[-1]
    if last in _VERBS_OF_MAKING_UP and end - len(last) - start >= 2:
        return end - len(last)
    return end


# Verbs whose subject a list is and whose object a count is ("A、B形成三大产业", "A、B构成两大
# 板块"); not verbs that also end a field's name (服务, 制造).
_VERBS_OF_MAKING_UP = frozenset({"形成", "构成", "组成", "成为", "打造"})


# A firm's role written right before its name, as an apposition: "封测厂商A、B等", "龙头企业A等",
# "供应商A". Before the list's first member it heads the list as 等企业 would after it.
# (A bare 企业 is no such role: "支持企业研发、生产等" lists what firms do.)
_ROLE_NOUN = re.compile(
    r"(?:(?:龙头|骨干|领军|头部|链主|生产|制造)企业|龙头|巨头|厂商|供应商|制造商|服务商|提供商|光罩厂|代工厂)"
    r"(?=[\u4e00-\u9fffA-Za-z])"
)
_FIRM_CLASSES = frozenset({"Enterprise"})


# Endings only a firm's name has: a list of suppliers holding one names the suppliers.
_FIRM_ONLY_TAILS = ("科技", "股份", "控股", "集团", "公司")


def _names_suppliers(text: str, stop: int, known: _KnownIndex) -> bool:
    """Whether a list before "等配套企业" names the suppliers ("A科技、B等配套企业"), not
    what they supply: a member ends like a firm's name or is a known firm; or the firms are
    counted in 家 ("A、B等30余家配套企业") and no member is a trade or a known name of
    another kind (what is supplied is not counted in 家)."""
    items = _walk_items(text, stop, known, whole_members=True)
    no_trades = all(k is None and not _names_a_trade(text[a:b]) for a, b, k in items)
    words = any(rjieba.has_word(text[a:b]) for a, b, _ in items)  # 石英坩埚: a product, no name
    if items and no_trades and not words and _after_a_list_of_firms(text, items[-1][0]):
        return True  # "A、B等龙头企业和C、D等配套企业": the suppliers beside the leaders
    if any(
        (k is not None and k.type == "Enterprise") or (k is None and text[a:b].endswith(_FIRM_ONLY_TAILS))
        for a, b, k in items
    ):
        return True
    return _counted_in_firms(text, stop) and no_trades


def _after_a_list_of_firms(text: str, first_start: int) -> bool:
    """Whether a list whose first member starts at ``first_start`` follows, after a joiner, a
    list closed by 等 and a head of firms ("等龙头企业和|C、D…")."""
    joiner = _joiner_before(text, first_start)
    if joiner is None:
        return False
    head_end = first_start - len(joiner)
    head = _EARLIER_FIRM_HEAD.search(text, max(0, head_end - 12), head_end)
    return head is not None and head.end() == head_end and _HEAD_CLASS.get(head.group(1)) == "Enterprise"


# The head of firms closing a list right before another list ("等龙头企业和…").
_EARLIER_FIRM_HEAD = re.compile(r"等[^\W\d_等]{0,8}?(企业|公司|厂商|厂家|供应商)$")


def _counted_in_firms(text: str, stop: int) -> bool:
    """Whether a count in 家 follows the 等 at ``stop`` before the head ("等50余家配套企业")."""
    cue = _CUE.match(text, stop)
    return cue is not None and _FIRM_COUNT.match(text, stop + 1, cue.start(1)) is not None


def _role_led_members(text: str, stop: int, known: _KnownIndex) -> list[ListMember] | None:
    """Members of a headless list ("…A、B等；") whose first member follows a firm's role
    noun ("封测厂商A、B等"): firms, each cut after the role noun it holds ("龙头企业A").
    None when the list opens on no role noun; no member when known members are no firms."""
    items = _walk_items(text, stop, known)
    if not items:
        return None
    first_start, first_end, first_known = items[-1]
    opens_on_role = _role_noun_end(text, first_start, first_end) > first_start or any(
        role.end() == first_start for role in _ROLE_NOUN.finditer(text, max(0, first_start - 6), first_start + 1)
    )
    if not opens_on_role:
        return None
    if any(k is not None and k.type not in _FIRM_CLASSES for _, _, k in items):
        return []
    members = []
    for a, b, k in items:
        start = _role_noun_end(text, a, b)
        if k is None and _acceptable(text[start:b], "Enterprise", True) and not reads_as_phrase(text[start:b]):
            members.append(ListMember(start, b, "Enterprise", True))
    return members


# A head of firms written before its list, which a verb of inclusion or an example opens
# ("一批龙头企业，其中包括A、B以及C等。", "一批上市企业，如A、B等，"): the head types the members
# as 等企业 would after them. Only a list closed by 等 and a break is read so: "…企业，包括芯片、
# 模组等产品" lists the firms' products.
# (大厂, 厂家: makers, "龙头大厂诸如A、B等".)
_FIRM_HEAD_BEFORE = "(?:企业|企業|公司|集团|集團|厂商|廠商|大厂|大廠|厂家|廠家|巨头|巨頭|药企|藥企|车企|車企)"
_INTRODUCING = "(?:其中(?:就)?(?:包括|包含|有)?|(?:包括|包含|例如|比如|诸如|諸如|譬如|如))"
_INTRODUCED_LIST = re.compile(rf"{_FIRM_HEAD_BEFORE}(?:中)?[，,：:]?{_INTRODUCING}[：:]?")
_LIST_OPEN_BREAKS = re.compile(r"[，。；：,;:！？!?\s“”\"‘’'《》【】]")
_INTRODUCED_LIST_CLOSE = re.compile(r"等(?:等)?(?:[，。；：,;:！？!?\s]|$)")
MAX_INTRODUCED_LIST_CHARS = MAX_ITEMS * MAX_ITEM_CHARS


def _introduced_members(text: str, stop: int, known: _KnownIndex) -> list[ListMember] | None:
    """Members of a list of firms whose head stands before it, opened by 包括, 如 or 其中
    ("众多领军企业，其中包括A、B以及C等。"): firms, each a whole chunk between joiners. None
    when no such head opens the list; no member when a known industry stands in it."""
    if _INTRODUCED_LIST_CLOSE.match(text, stop) is None:
        return None
    window = max(0, stop - MAX_INTRODUCED_LIST_CHARS)
    openings = list(_INTRODUCED_LIST.finditer(text, window, stop))
    opening = openings[-1] if openings else None  # the nearest head opens the list
    if opening is None or _LIST_OPEN_BREAKS.search(text, opening.end(), stop) is not None:
        return None
    items = _chunks_between(text, opening.end(), stop, known)
    if len(items) < MIN_COUNTED_ITEMS or any(k is not None and k.type == "IndustryChain" for _, _, k in items):
        return [] if items else None
    return [ListMember(a, b, "Enterprise", True) for a, b, k in items if k is None and _introduced_firm(text[a:b])]


def _chunks_between(text: str, start: int, stop: int, known: _KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The members of ``text[start:stop]`` cut at each 、 and at a joiner between names."""
    items: list[tuple[int, int, KnownSpan | None]] = []
    at = start
    for chunk in text[start:stop].split("、"):
        for a, b in _split_at_joiners(chunk, at):
            hit = known.by_end.get(b)
            items.append((a, b, hit if hit is not None and hit.start == a else None))
        at += len(chunk) + 1
    return items


def _introduced_firm(name: str) -> bool:
    """Whether a member of a list a head of firms introduces may be a firm: named like one,
    no trade, place or phrase."""
    if not MIN_FIRM_NAME_CHARS <= len(name) <= MAX_ITEM_CHARS or name in KNOWN_PLACES:
        return False
    return _acceptable(name, "Enterprise", True) and not _names_a_trade(name) and not _reads_as_listed_phrase(name)


def _reads_as_listed_phrase(name: str) -> bool:
    """:func:`reads_as_phrase`, but a coined brand the dictionary tags as a verb (依爱, 岚启:
    no word of its own) may open a firm's name in a list a head of firms introduces."""
    words = rjieba.tag(name)
    first, first_tag = words[0]
    if len(words) > 1 and first_tag in _PHRASE_START_TAGS and not rjieba.has_word(first):
        return words[-1][1] in _PHRASE_END_TAGS  # (a place or an adjective last still ends a phrase)
    return reads_as_phrase(name)


def _role_noun_end(text: str, start: int, end: int) -> int:
    """Where the name after the last role noun inside ``text[start:end]`` begins (``start``
    when there is none, or when the name after it would be shorter than a firm's)."""
    roles = list(_ROLE_NOUN.finditer(text, start, end))
    last = roles[-1] if roles else None
    if last is None or end - last.end() < MIN_FIRM_NAME_CHARS:
        return start
    return last.end()


def reads_as_phrase(name: str) -> bool:
    """Whether a short name written after a firm's role reads as a phrase, not a firm: one
    common word (发展, 规模), a verb first (做大做强), or a place word or an adjective last
    (身后, 较少); or a longer run ending in a verb or adjective (产业配套不足)."""
    words = rjieba.tag(name)
    if len(words) == 1:
        return words[0][1] in _COMMON_TAGS
    first, first_tag = words[0]
    if first_tag in _FUNCTION_TAGS or (first_tag in _PHRASE_START_TAGS and len(first) > 1):
        return True  # (a coined name may open on a one-character verb: 安捷利美维)
    if words[-1][1] in _PHRASE_END_TAGS:
        return True
    return len(name) > MAX_SHORT_FIRM_CHARS and words[-1][1] in _PREDICATE_TAGS


# Tags of one dictionary word that is a common word, not a coined name: nouns, verbs,
# adjectives, adverbs and abbreviations of phrases.
_COMMON_TAGS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "l", "j", "m", "r", "t", "f"})
_PHRASE_START_TAGS = frozenset({"v", "vn", "vd"})
_FUNCTION_TAGS = frozenset({"p", "d", "c", "u"})  # 为主体, 向高端…: a preposition opens a phrase
_PHRASE_END_TAGS = frozenset({"f", "s", "t", "a"})
_PREDICATE_TAGS = frozenset({"v", "a", "ad", "d"})
MAX_SHORT_FIRM_CHARS = 5  # 三安集成 ends in a verb too: a short name may


def _leading_members(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
    """Members of a list of firms ended by 为 and their role, without 等 ("以A、B为代表的…
    企业", "以A、B为龙头企业"): typed only by a head of firms or industries, and only a list
    of two members or more (one name before 为代表 may be anything)."""
    if text[stop - 1] == "等":
        return []  # "A、B等为代表的…": the list ends at 等, and is read from there
    cue = _CUE.match(text, stop)
    if cue is None and _stands_for_known_chain(text, stop, known):
        return _firms_standing_for_known_chain(text, stop, known)
    if cue is None or _heads_something_else(text, cue, known):
        return []
    led = _items_after_yi(text, stop, known)
    if len(led) == 1 and cue.group(1) in _LEADER_ROLES:
        return _single_leader(text, led[0])
    items = led or _walk_items(text, stop, known, whole_members=True)
    if len(items) < MIN_COUNTED_ITEMS:
        return []
    return _typed_by_head(text, items, _HEAD_CLASS[cue.group(1)], stop)


def _firms_standing_for_known_chain(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
    """Members of "以A、B为代表的<known industry>" when they are firms (a known one, or one
    named by brand and trade, among them); segments or materials standing for the industry
    ("以柔性、超薄玻璃为代表的平板显示材料") are left to other readings."""
    items = _items_after_yi(text, stop, known)
    if len(items) < MIN_COUNTED_ITEMS:
        return []
    members = _typed_by_head(text, items, "IndustryChain", stop)
    return [m for m in members if m.type == "Enterprise"]


def _stands_for_known_chain(text: str, stop: int, known: _KnownIndex) -> bool:
    """Whether "为代表的" at ``stop`` is followed by a known industry written without a head
    noun ("以A、B为代表的电子信息…"): the list stands for that industry."""
    standing = _STANDING_LIST.match(text, stop)
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
    if reads_as_phrase(name) or not _acceptable(name, "Enterprise", True):
        return []
    return [ListMember(a, b, "Enterprise", True)]


_NAME_JOINERS = re.compile("以及|和|与|及")
_NOT_OPENING_YI = frozenset("可所予加难足得借用")  # 可以, 所以, 予以…: no list opens there


def _items_after_yi(text: str, stop: int, known: _KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The members of "以A、B为…" right to left: the whole text between 以 and 为, cut at
    each 、 (and at a 和/与/及 only where both sides are names of two characters or more,
    so that 和 inside a firm's name stays: "以天和材料、…"). Empty when no 以 opens the clause."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop)]
    clause = marks[-1] if marks else max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS)
    yi = text.rfind("以", clause, stop)
    if yi < 0 or (yi > 0 and text[yi - 1] in _NOT_OPENING_YI):
        return []
    items: list[tuple[int, int, KnownSpan | None]] = []
    at = yi + 1
    for chunk in text[yi + 1 : stop].split("、"):
        for a, b in _split_at_joiners(chunk, at):
            hit = known.by_end.get(b)
            items.append((a, b, hit if hit is not None and hit.start == a else None))
        at += len(chunk) + 1
    return items[::-1]


def _split_at_joiners(chunk: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the names in ``chunk`` joined by 和/与/及, or of the whole chunk when a part
    would be shorter than a name."""
    spans, at = [], 0
    for joiner in _NAME_JOINERS.finditer(chunk):
        spans.append((at, joiner.start()))
        at = joiner.end()
    spans.append((at, len(chunk)))
    if any(b - a < MIN_FIRM_NAME_CHARS for a, b in spans):
        spans = [(0, len(chunk))]
    return [(offset + a, offset + b) for a, b in spans]


def _typed_by_head(text: str, items: list[tuple[int, int, KnownSpan | None]], cls: str, stop: int) -> list[ListMember]:
    """The unknown members of a list whose head gives them the class ``cls``; none when
    known members show a list of another kind."""
    known_classes = {k.type for _, _, k in items if k is not None}
    if known_classes & _CONTRADICTING and cls not in known_classes:
        if not _firms_standing_for_industry(text, stop, cls, known_classes):
            return []
        cls = "Enterprise"
    elif _coined_firms_standing_for_industry(text, stop, cls, items, known_classes):
        cls = "Enterprise"  # "以A科技、B微电为代表的电子信息产业": firms named by brand and trade
    if cls == "Enterprise" and items and items[-1][2] is None:
        a, b, _ = items[-1]
        items = [*items[:-1], (_after_leading_verb(text, a, b), b, None)]
    return [
        ListMember(a, b, cls, True)
        for a, b, k in items
        if k is None and _acceptable(text[a:b], cls, True) and (cls != "Enterprise" or not _names_a_trade(text[a:b]))
    ]


def _coined_firms_standing_for_industry(
    text: str, stop: int, cls: str, items: list[tuple[int, int, KnownSpan | None]], known_classes: set[str]
) -> bool:
    """Whether a list standing for an industry, with no known chain in it, names firms: one
    member at least is a coined brand before a firm's trade (某润科技, 某航微电子), or most
    of them are brands alone, names the dictionary knows only as proper nouns if at all
    ("以杰瑞奇、维诺德为代表的新材料产业"; not 信创, 东数西算: common nouns)."""
    if cls != "IndustryChain" or "IndustryChain" in known_classes or _STANDING_LIST.match(text, stop) is None:
        return False
    if any(k is None and _looks_like_firm(text[a:b]) for a, b, k in items):
        return True
    unknown = [text[a:b] for a, b, k in items if k is None]
    brands = sum(1 for name in unknown if _brand_alone(name))
    return brands >= MIN_COUNTED_ITEMS and 2 * brands > len(unknown)


# Tags of the segmenter's proper nouns a brand's own name may carry (no place names: ns).
_BRAND_TAGS = frozenset({"nr", "nz", "nrt", "nrfg"})
_BRAND_ALONE_CHARS = range(2, 5)


def _brand_alone(name: str) -> bool:
    """A firm's brand without its trade: two to four characters, no word of the dictionary
    nor of the vocabularies, read by the segmenter as holding a proper noun (a coined
    name splits into odd pieces: 某某|奇)."""
    if len(name) not in _BRAND_ALONE_CHARS or rjieba.has_word(name) or name in KNOWN_PLACES:
        return False
    return not is_vocabulary_term(name) and any(tag in _BRAND_TAGS for _word, tag in rjieba.tag(name))


def _firms_standing_for_industry(text: str, stop: int, cls: str, known_classes: set[str]) -> bool:
    """Whether a list that stands for an industry ("以A、B为代表的装备制造产业") is one of
    its firms: known firms among the members, and no known chain."""
    return (
        cls == "IndustryChain"
        and "Enterprise" in known_classes
        and "IndustryChain" not in known_classes
        and _STANDING_LIST.match(text, stop) is not None
    )


MIN_FIRM_NAME_CHARS = 2
# Trades a firm's name ends in after its brand ("某智电子", "某奇半导体"); an industry ends so
# too, after a common word (汽车电子, 功率半导体), never after a coined brand.
_FIRM_TRADE_ENDINGS = ("微电子", "半导体", "电子", "科技", "光电", "化工", "生物", "智能")
_BRAND_CHARS = range(2, 4)
# A count of firms: a number and 家 ("3家", "十余家"); 家 of 国家 or 专家 counts nothing.
_FIRM_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两几数百千]+)\s*(?:余|多)?\s*家")


def _names_firms(
    text: str, stop: int, cue: re.Match[str] | None, items: list[tuple[int, int, KnownSpan | None]]
) -> bool:
    """Whether a list under an industry head names firms, not trades: counted in 家 ("等3家…
    产业"), or with firm names among its members: most of them when the list is the industry's
    content, one when it stands for the industry ("A、B化工等为代表的煤化工产业链")."""
    if cue is None:
        return False
    if _FIRM_COUNT.search(text, stop, cue.start(1)):
        return True
    unknown = [text[a:b] for a, b, k in items if k is None]
    firms = sum(1 for name in unknown if _looks_like_firm(name))
    if firms and _STANDING_LIST.match(text, stop) is not None:
        return True
    return firms >= MIN_COUNTED_ITEMS and 2 * firms >= len(unknown)


def _looks_like_firm(name: str) -> bool:
    """Whether ``name`` is a coined brand (and a place) before a firm's trade: 某智电子,
    某能新疆化工; not a common word before it (汽车电子, 精细化工)."""
    ending = next((e for e in _FIRM_TRADE_ENDINGS if name.endswith(e)), None)
    if ending is None:
        return False
    words = rjieba.tag(name[: -len(ending)])
    if len(words) > 1 and words[-1][1] == _PLACE_TAG:
        words = words[:-1]  # "某能新疆化工": the branch's place follows the brand
    brand = "".join(word for word, _ in words)
    if len(brand) not in _BRAND_CHARS or brand in KNOWN_PLACES:
        return False
    return not (len(words) == 1 and words[0][1] in _COMMON_TAGS | {_PLACE_TAG})


_PLACE_TAG = "ns"


def _with_glued_places(
    text: str, items: list[tuple[int, int, KnownSpan | None]], known: _KnownIndex
) -> list[tuple[int, int, KnownSpan | None]]:
    """Members of a list of firms that end in a known place glued to the words before it
    ("依托星虹无锡、…等企业"): the firm's name holds the place, the place is no member."""
    glued = []
    for a, b, k in items:
        if k is not None and k.type == "Place" and a > 0 and _HAN_END.search(text, 0, a):
            start = left_boundary(text, a, known.spans) if _joiner_before(text, a) is None else a
            if a - start >= MIN_FIRM_NAME_CHARS:
                a, k = start, None
        glued.append((a, b, k))
    return glued


def _after_leading_verb(text: str, start: int, end: int) -> int:
    """Start of the first firm of a list after a one-character verb the word rules leave on
    it ("，率星海科技等企业": 率 leads, the firm is 星海科技)."""
    words = rjieba.tag(text[start:end])
    first = words[0]
    if len(first[0]) == 1 and first[1] in _VERB_TAGS and end - start - 1 >= MIN_FIRM_NAME_CHARS:
        return start + 1
    at = start
    for word, _ in words:  # "商会组织星海光电": the firm begins after the delegation's verb
        at += len(word)
        if word in _DELEGATION_VERBS and end - at >= MIN_FIRM_NAME_CHARS:
            return at
    return start


_VERB_TAGS = frozenset({"v", "p"})
# Verbs that lead a delegation of firms ("组织A、B等企业代表参观"): two characters the
# word rules keep on the first firm, as no firm's name begins with them.
_DELEGATION_VERBS = frozenset({"组织", "組織", "带领", "帶領", "率领", "率領", "召集"})


def _long_firm_cue(text: str, stop: int) -> bool:
    """Whether a head of firms closes the list at ``stop`` after a long description, and no
    field head stands in it ("等新兴领域企业" lists fields)."""
    cue = _LONG_FIRM_CUE.match(text, stop)
    if cue is None or any(head in text[stop : cue.start(1)] for head in FIELD_HEADS):
        return False
    if _describes_something_else(text[stop + 1 : cue.start(1)]):
        return False
    # "等核心零部件企业": firms named by the segments they make, which the segment cue reads
    # ("等中国医药工业百强企业": a field of medicine read there only qualifies the firms)
    segment = _segment_head_at(text, stop)
    return (segment is None or segment in _MEDICINE_FIELDS) and _PLATFORM_CUE.match(text, stop) is None


def _claused_firm_cue(text: str, stop: int, cue: re.Match[str] | None) -> re.Match[str] | None:
    """The head of firms after a clause closed by 的 that describes the list closed at ``stop``,
    when no head or only an industry word inside that clause was read ("等一批与船舶产业相关的…
    企业": 产业 stands in the clause). None when the list has a head of its own."""
    if text[stop] != "等" or (cue is not None and _HEAD_CLASS[cue.group(1)] != "IndustryChain"):
        return None
    claused = _CLAUSED_FIRM_CUE.match(text, stop)
    if claused is None or (cue is not None and cue.end() > text.rfind("的", stop, claused.start(1))):
        return None  # the industry head stands after the clause: "等一批…的新兴产业企业" is read there
    return claused


def _brands_of_firms(text: str, stop: int, cue: re.Match[str]) -> bool:
    """Whether a list of brands names firms: counted in 家 ("等100多家知名品牌"); uncounted
    brands are a firm's products ("奇瑞、星途等品牌") or produce ("草莓、蓝莓等知名品牌")."""
    return _FIRM_COUNT.search(text, stop, cue.start(1)) is not None


def _describes_something_else(description: str) -> bool:
    """Whether the words between 等 and a head of firms close the list on another head and go
    on to a new phrase: a verb ("等措施推动专精特新企业") or 中 ("等指标中企业占比")."""
    if "中" in description:
        return True
    return any(tag == "v" and word not in _PRAISE_WORDS for word, tag in rjieba.tag(description))


# Words the dictionary tags as verbs that praise firms in a description ("等产业内知名企业").
_PRAISE_WORDS = frozenset({"知名", "著名", "领先", "领军", "闻名"})


def _names_a_trade(name: str) -> bool:
    """Whether a list member is a trade, a segment or a term of the vocabulary, no firm."""
    return is_industry_term(name) or is_segment_term(name) or is_vocabulary_term(name)


# Verbs that open a list of what a body of firms, projects or platforms spans: "集聚百余家
# 企业，涵盖A、B、C等领域", "项目涉及A、B等行业". Such a field list names industries and their
# segments even outside a paragraph an industry leads.
_SCOPE_OPENING = re.compile("涵盖|覆盖|涉及|包括|包含")


def _opened_by_scope_verb(text: str, stop: int) -> bool:
    """Whether the clause of the list ending at ``stop`` opens on a verb of scope."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS), stop)]
    start = marks[-1] if marks else max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS)
    return _SCOPE_OPENING.search(text, start, stop) is not None


def _new_field_member(text: str, member: ListMember) -> bool:
    """A member a scope verb's field list adds: no science ("组织医学")."""
    return not text[member.start : member.end].endswith(_SCIENCE_TAILS)


def _apart_from(found: list[ListMember], taken: list[ListMember]) -> list[ListMember]:
    """``found`` without the members that overlap one in ``taken``."""
    return [f for f in found if not any(t.start < f.end and f.start < t.end for t in taken)]


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
    return _after_relative_verb(text, start, end) if start < end else _start_before_last_word(text, end, known.spans)


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


def _heads_something_else(text: str, cue: re.Match[str], known: _KnownIndex | None = None) -> bool:
    """Whether the head noun is the modifier of another head: 产业 of "等重大产业项目" (a
    list of projects), or a head after one already ("等领域有根产业": the list's head is 领域)."""
    if cue.group(1) == "产业" and text.startswith(INDUSTRY_AS_MODIFIER_OF, cue.end()):
        return True
    between = text[cue.start() : cue.start(1)]
    field = _FIELD_OF_FIRMS.search(between) if cue.group(1) == "企业" and known is not None else None
    chain = known.by_end.get(cue.start() + field.start()) if known is not None and field is not None else None
    if chain is not None and chain.type == "IndustryChain" and chain.start > cue.start():
        return False  # "等生命健康领域各类企业": the firms of a known industry
    if field is not None and _STANDING_LIST.match(text, cue.start()) is not None:
        return False  # "以A、B为代表的环境领域重点企业": what stands for firms is firms, whatever their field
    return any(head in between for head in FIELD_HEADS)


def _segment_head_at(text: str, stop: int) -> str | None:
    """The head noun when the 等 at ``stop`` heads a list of segments, else None.
    "等医药创新发展平台" heads a list of platforms: a platform head wins over a field of
    medicine."""
    cue = _SEGMENT_CUE.match(text, stop)
    if cue is None:
        return None
    head = next(group for group in cue.groups() if group)
    if head in _MEDICINE_FIELDS and _PLATFORM_CUE.match(text, stop):
        return None
    return head


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
    text: str,
    end: int,
    known: _KnownIndex,
    through_joiner: bool = False,
    whole_members: bool = False,
    firms: bool = False,
) -> list[tuple[int, int, KnownSpan | None]]:
    """Members from right to left: (start, end, the known name it is, or None).
    ``whole_members``: a list typed by its head, whose members may end in a verb or a
    stop word (…循环利用, 商贸金融服务). ``firms``: a list of firms, whose member may end
    in its other name in brackets ("航天海鹰（哈钛）", read as a member of its own) or in a
    known word that the words back to a joiner make part of a name ("以及天基物联网")."""
    items: list[tuple[int, int, KnownSpan | None]] = []
    previous_joiner: str | None = None
    for _ in range(MAX_ITEMS):
        alias = _bracketed_alias(text, end) if firms else None
        alias_known = _known_at(known, *alias) if alias is not None else None
        if alias_known is not None and alias_known.type != "Enterprise":
            alias = None  # "台积电（南京）": a place in brackets is part of the firm's name
        if alias is not None:
            items.append((alias[0], alias[1], alias_known))
            end = alias[0] - 1
        hit = known.by_end.get(end)
        term = _wider_term_start(text, end, hit)
        if term >= 0:
            hit = None  # "发展海洋生物医药": the vocabulary's longer industry, not 生物医药
        if hit is not None and whole_members and _joiner_before(text, hit.start) is None:
            # "碳基新材料、…等产业链": a known name ending a longer member (新材料) is part of it
            wider = _enumerated_start(text, end)
            if firms and not 0 <= wider < hit.start:
                wider = _start_after_joiner(text, hit.start, known)
            if firms and not 0 <= wider < hit.start:
                wider = _brand_before_trade(text, hit, known)
            firm = _firm_before_its_trade(known, wider, hit) if firms else None
            if firm is not None:
                hit, end = firm, firm.end  # "大疆无人机等企业": the firm, not its product
            if 0 <= wider < hit.start and not _glued_known_firm(known, wider, hit):
                hit = None
        glued = _brand_after_listed_firm(text, hit, known) if hit is not None and not whole_members else -1
        if glued >= 0:
            hit = None  # "A科技、奇美新材料等": a firm's brand glued to its trade, after a known firm
        start = (
            glued
            if glued >= 0
            else term
            if term >= 0
            else hit.start
            if hit
            else left_boundary(text, end, known.spans, through_joiner)
        )
        if whole_members and hit is None and term < 0:
            start = _listed_term_start(text, start, end)
        if start >= end:
            start = segment_term_start(text, end)
        if (start < 0 or start >= end) and whole_members:
            start = _enumerated_start(text, end)
        if (start < 0 or start >= end) and whole_members:
            start = _start_before_last_word(text, end, known.spans)
        if start < 0 or start >= end:
            break
        if whole_members and hit is None and end - start < MIN_FIRM_NAME_CHARS and _cut_at_zhong(text, start):
            # "…、航天中为等企业": the word rules stop at 中 ("in") inside a member and leave
            # one character; after a 、 the whole text up to the member's end is the member
            wider = _enumerated_start(text, end)
            start = wider if 0 <= wider < start and not _ends_in_suffix(text[wider:end]) else start
        if whole_members and hit is None and _cut_at_zhong(text, start):
            # "与中触媒、…等企业": after a partner's preposition 中 opens the first member; so it
            # does in a list of firms after the verb it is the object of ("拥有中电某某、…等企业")
            wider = _start_after_partner_joiner(text, start)
            if wider < 0 and firms:
                wider = _start_after_verb(text, start)
            start = wider if 0 <= wider < start and not _ends_in_suffix(text[wider:end]) else start
        if firms and hit is None and text[start:end] in _FIRM_TRADE_ENDINGS:
            # "…、重塑科技等企业": the word rules stop at a verb (重塑) and leave the trade
            # alone; after a 、 the whole text up to the trade is the firm's name
            wider = _enumerated_start(text, end)
            start = wider if 0 <= wider < start and end - wider <= MAX_ITEM_CHARS else start
        if firms and hit is None:
            start = _between_commas_start(text, start, end)
        if text[start] in "和及与" and end - start > MIN_FIRM_NAME_CHARS and _after_a_list_of_firms(text, start + 1):
            start += 1  # "等龙头企业和佑X…": the words rules read 和 into the next member's name
        if _heads_an_earlier_list(text, start, end):
            break  # "A、B等龙头企业和C、D等配套企业": the first list's head closes the second
        items.append((start, end, hit))
        joiner = _joiner_before(text, start)
        if joiner is None and hit is not None and _glued_known_firm(known, -1, hit):
            joiner = ""  # "A电源B生物": two known firms written without a mark between them
        country = country_ending_at(text, start) if joiner is None else -1
        if country >= 0:  # "德国拜耳、瑞士先正达等": the list goes on before the country
            start, joiner = country, _joiner_before(text, country)
        if joiner is None or (firms and _opens_partners(joiner, previous_joiner)):
            break
        if joiner != "、" and _after_a_list_of_firms(text, start):
            break  # "A、B等龙头企业和C、D等配套企业": 和 joins two lists, each with its head
        previous_joiner, end = joiner, start - len(joiner)
    return items


def _between_commas_start(text: str, start: int, end: int) -> int:
    """Start of a firm's name that stands whole between two 、 of a list of firms, where the word
    rules cut it short at a numeral or a space inside it ("、九一客车、": 九一; "、AB Optics、"), or a
    member cut at a joiner after one character ("、千和集团、", _one_character_before_joiner).
    Names are no phrases: no joiner joins members between two commas. ``start`` when the member
    is the last (a 和 may join it there) or when words other than numerals stand back to the
    comma (a verb, a place, a country: "、德国白鹭、" is read apart by the walk)."""
    glued = _one_character_before_joiner(text, start)
    if glued >= 0:
        return glued
    if not text.startswith("、", end) or _joiner_before(text, start) is not None:
        return start  # "、A实验室与B电子、": a joiner after a name of two characters or more joins two
    comma = text.rfind("、", max(0, end - MAX_ITEM_CHARS - 1), start)
    if comma >= 0 and _LATIN_NAME.fullmatch(text, comma + 1, end):
        return comma + 1
    if comma < 0 or not _PLAIN_HAN.fullmatch(text, comma + 1, end) or "等" in text[comma:end]:
        return start
    if any(tag != _NUMERAL_TAG for _, tag in rjieba.tag(text[comma + 1 : start])):
        return start  # "培育、引进青枫、", "A市、B市集聚了C、": a clause or a place before the member
    return comma + 1


# A foreign firm's name in Latin letters, its words parted by spaces ("AB Optics").
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+)+")
_NAME_JOINER_CHARS = "和与及"
_NUMERAL_TAG = "m"  # the only words the word rules cut off a name between two commas: 九一|客车
_LINKING_TAGS = frozenset({"c", "v", "p", "d", "r", "u"})  # joiners, verbs, adverbs, pronouns


def _one_character_before_joiner(text: str, start: int) -> int:
    """Start of a firm's name that the word rules cut at a joiner's character inside it ("，信和航云、":
    航云 after 和), when one character alone stands between a list mark and the joiner: no member
    is one character long, so the joiner is part of the name. -1 else."""
    if start < 2 or text[start - 1] not in _NAME_JOINER_CHARS or not _HAN_END.match(text[start - 2]):
        return -1
    if start > 2 and text[start - 3] not in RUN_BREAKS and text[start - 3] != "、":
        return -1
    words = rjieba.tag(text[start - 2 : start])
    if words[0][1] in _LINKING_TAGS:
        return -1  # "，以及远帆…", "，并与…", "，要和…": a joiner, or a word that links a clause
    return start - 2


def _heads_an_earlier_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the head of a list closed by 等 before it ("等龙头企业")."""
    if start == 0 or text[start - 1] != "等":
        return False
    cue = _CUE.match(text, start - 1)
    # (the cue may stop at a role before its noun: "等龙头|企业")
    return cue is not None and text[cue.end() : end] in ("", "企业")


def _opens_partners(joiner: str, previous_joiner: str | None) -> bool:
    """Whether 与 before a firm that 、 follows is a partner's preposition ("某公司与A、B等企业合作"):
    an enumeration closed by 与 would end there ("A、B与C"), so the list starts after it."""
    return joiner == "与" and previous_joiner == "、"


# Tags of words that open no firm's brand: verbs, pronouns, numbers, times, places of
# direction, adverbs and function words ("支持|新能源汽车", "我市|集成电路").
_NOT_BRAND_TAGS = frozenset({"v", "vn", "r", "m", "t", "f", "d", "p", "c", "u", "ns", "s"})
_BRAND_CHARS_BEFORE_TRADE = range(2, 5)


def _brand_before_trade(text: str, hit: KnownSpan, known: _KnownIndex) -> int:
    """Start of a firm's name whose brand is glued before a known trade ("引进|奔腾激光",
    "引入|亿邦新能源汽车") in a list of firms: the first member, which no joiner bounds. -1
    when the words before the trade are no brand."""
    if hit.type == "Enterprise":
        return -1
    start = left_boundary(text, hit.start, known.spans)
    if hit.start - start not in _BRAND_CHARS_BEFORE_TRADE or not _PLAIN_HAN.fullmatch(text, start, hit.start):
        return -1
    brand = text[start : hit.start]
    if brand in KNOWN_PLACES or any(tag in _NOT_BRAND_TAGS for _, tag in rjieba.tag(brand)):
        return -1
    return start


def _brand_after_listed_firm(text: str, hit: KnownSpan, known: _KnownIndex) -> int:
    """Start of a firm's name whose brand is glued before the known trade ``hit`` ("、奇美|新材料")
    when a known firm is the member right before it ("友达光电、奇美新材料"): among firms the
    brand and the trade make one member, not a trade. -1 else."""
    if hit.type != "IndustryChain" or _joiner_before(text, hit.start) is not None:
        return -1
    start = _brand_before_trade(text, hit, known)
    if start < 1 or text[start - 1] != "、":
        return -1
    before = known.by_end.get(start - 1)
    return start if before is not None and before.type == "Enterprise" else -1


def _firm_before_its_trade(known: _KnownIndex, start: int, hit: KnownSpan) -> KnownSpan | None:
    """The known firm written right before the known trade ``hit`` when the two make the
    whole member from ``start`` ("大疆|无人机", "某某|锂电"): a firm and its product or line."""
    firm = known.by_end.get(hit.start)
    if hit.type != "IndustryChain" or firm is None or firm.type != "Enterprise" or firm.start != start:
        return None
    return firm


def _glued_known_firm(known: _KnownIndex, floor: int, hit: KnownSpan) -> bool:
    """Whether the known firm ``hit`` follows another known firm with nothing between them
    (a flattened table's "A电源B生物"), the other starting at ``floor`` or after: two
    members, not one longer name."""
    before = known.by_end.get(hit.start)
    return hit.type == "Enterprise" and before is not None and before.type == "Enterprise" and before.start >= floor


_CLOSING = {"）": "（", ")": "("}


def _bracketed_alias(text: str, end: int) -> tuple[int, int] | None:
    """The span of a short other name in brackets that ends the member at ``end``."""
    if end < 2 or text[end - 1] not in _CLOSING:
        return None
    opening = text.rfind(_CLOSING[text[end - 1]], max(0, end - MAX_ITEM_CHARS - 2), end - 1)
    if opening <= 0 or not _PLAIN_HAN.fullmatch(text, opening + 1, end - 1):
        return None
    if text.startswith(_SHORT_NAME_MARKS, opening + 1):
        return None  # "（以下简称某某）": the page's own short name, read as such elsewhere
    return opening + 1, end - 1


_SHORT_NAME_MARKS = ("以下简称", "以下称", "下称", "简称", "原名", "原称")


def _known_at(known: _KnownIndex, start: int, end: int) -> KnownSpan | None:
    hit = known.by_end.get(end)
    return hit if hit is not None and hit.start == start else None


def _start_after_joiner(text: str, start: int, known: _KnownIndex) -> int:
    """Start of a member that a known name ends ("以及天基物联网": 物联网) when the words
    before the name run back to a joiner (以及, 和): the whole run is the member. -1 else."""
    wider = left_boundary(text, start, known.spans)
    if (
        wider < start
        and _joiner_before(text, wider) in ("以及", "和", "及")
        and _PLAIN_HAN.fullmatch(text, wider, start)
    ):
        return wider
    return -1


def _ends_in_suffix(name: str) -> bool:
    """Whether a rule's suffix ends ``name`` (…研究所, …集团): the rule reads it, not the list."""
    return any(e == len(name) for _, e, _ in suffix_hits(name))


def _cut_at_zhong(text: str, start: int) -> bool:
    """Whether a member read from ``start`` was cut short at a 中 that stands inside a
    firm's name (中为, 中兴) and that the word rules read as "in"."""
    return start > 0 and text[start - 1] == "中"


def _start_after_partner_joiner(text: str, start: int) -> int:
    """Start of a first member cut short at 中 right after a partner's preposition ("与中兴、…"):
    the 中 opens the member. -1 when no such preposition stands before the 中."""
    return start - 1 if start >= 2 and text[start - 2] in _PARTNER_JOINERS else -1


_PARTNER_JOINERS = frozenset("与同跟和")
_VERB_BEFORE_CHARS = 6  # the words read before a 中 to find the verb that ends there


def _start_after_verb(text: str, start: int) -> int:
    """Start of a first member cut short at 中 right after a verb of two characters or more
    ("拥有中某、", "围绕中某…"): 中 is no locative after a verb, it opens the member (其中 and 集中
    end in a one-character word, so they stay whole). -1 when no such verb stands before it."""
    zhong = start - 1
    before = rjieba.tag(text[max(0, zhong - _VERB_BEFORE_CHARS) : zhong])
    if not before:
        return -1
    word, tag = before[-1]
    return zhong if len(word) >= MIN_VERB_CHARS and tag == "v" else -1


MIN_VERB_CHARS = 2


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


def _listed_term_start(text: str, start: int, end: int) -> int:
    """Start of a member the vocabulary knows whole and the word rules cut short ("…和服务外包三大
    产业": 外包 read apart), when the term opens right after a list mark or joiner; ``start`` else."""
    term = vocabulary_term_start(text, end, max(0, end - MAX_ITEM_CHARS))
    if not 0 < term < start:
        return start
    return term if text[term - 1] == "、" or _joiner_before(text, term) is not None else start


def _enumerated_start(text: str, end: int) -> int:
    """Start of a member that the word rules leave empty because it ends in a stop word
    ("…、废旧资源循环利用等领域": 利用 ends it): between an enumeration comma and the member
    already read after it, the whole text is the member — from the 和 or 与 that joins the
    last member, if one stands there. -1 when no 、 stands near."""
    comma = text.rfind("、", max(0, end - MAX_ITEM_CHARS - 1), end)
    if comma < 0 or not _PLAIN_HAN.fullmatch(text, comma + 1, end) or "等" in text[comma:end]:
        return -1
    # "、应用和服务等": the last member is joined by 和, not by the comma.
    joined = _LAST_MEMBER_JOINER.search(text, comma + 1, end)
    return joined.end() if joined is not None and end - joined.end() >= MIN_LAST_WORD_CHARS else comma + 1


_LAST_MEMBER_JOINER = re.compile("以及|和|与")


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
    verdict = judge(RULES.get(_RULE_FOR_CLASS[cls]), name)
    if verdict == _GENERIC and cls == "Enterprise" and _coined_brand_and_trade(name):
        return True  # "某时医疗": a kind's word (城市医疗集团) after a coined brand is the firm's trade
    return verdict is None


_GENERIC = "generic-name"
_BRAND_CHARS = range(2, 5)


def _coined_brand_and_trade(name: str) -> bool:
    """Whether ``name`` is a coined brand (no word of the dictionary, no place) and a company's
    trade head word ("…医疗", "…科技")."""
    for head in company_head_words():
        stem = name[: -len(head)]
        if name.endswith(head) and len(stem) in _BRAND_CHARS and _PLAIN_HAN.fullmatch(stem):
            return not rjieba.has_word(stem) and stem not in KNOWN_PLACES
    return False


def members_ending_at(text: str, end: int, known: list[KnownSpan]) -> list[tuple[int, int, KnownSpan | None]]:
    """The whole members of a list ending at ``end``, right to left, with the known name
    each one is (or None): the walk of a list typed by its head."""
    index = _KnownIndex({k.end: k for k in known}, [(k.start, k.end) for k in known], [], frozenset())
    return _walk_items(text, end, index, whole_members=True)


def acceptable_firm(name: str) -> bool:
    """Whether a name a firm's role introduces may be a firm: no generic or category word."""
    return _acceptable(name, "Enterprise", True)


def acceptable_chain(name: str) -> bool:
    """Whether a list member typed by its head may be a chain: no generic or category word."""
    return _acceptable(name, "IndustryChain", True)


# A run of 、-joined chunks between punctuation marks ("优化整车、零部件、后市场").
_CHUNK = rf"[^、{RUN_BREAKS}]+"
# (Opened only where a chunk starts: every run found starts there, and a search that also
# tried each character inside a chunk would read the chunk again from each, to fail at its end.)
ENUMERATION = re.compile(rf"(?<![^、{RUN_BREAKS}]){_CHUNK}(?:、{_CHUNK})+")

MIN_INDUSTRY_LIST_MEMBERS = 3


def acceptable_headless_firm(name: str) -> bool:
    """Whether an unknown member of a headless list of firms may be a firm (no cue word typed
    it): at least a few characters, no generic or category word."""
    return _acceptable(name, "Enterprise", False)
