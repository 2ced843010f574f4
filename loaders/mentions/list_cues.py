"""The words that close a list and say what its members are.

A list ends before 等, a count ("A、B三大产业"), a demonstrative ("A、B这些企业"), 为 and a
role ("以A、B为代表的…"), or a quote that holds its count ("A、B“两大主导产业”"). The head noun
after that end types the members: "等龙头企业" makes them enterprises, "等6个产业链" chains,
"等重点环节" segments, "等创新平台" platforms. The tests here read that head and the words
between it and the end, and tell when the head belongs to another phrase.
"""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.chain_names import (
    NOT_INDUSTRY_TAILS,
)
from loaders.mentions.list_spans import KnownIndex

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
# "等算力产业项目", "等集成电路产业链项目", "等产业龙头项目": projects of an industry, which the list's
# members build (firms, typed by a known member, or projects), not the industries.
_FIRM_AFTER_INDUSTRY = r"[^\W\d_的之为]{0,4}?(?:企业|公司|集团|项目)|链项目"
# "A、B等为代表的一批…企业": the list is what stands for the kind.
_STANDING_FOR = r"(?:为代表的|为首的|为引领的|领衔的)?"
# "以A、B为代表的汽车电子、智能座舱企业", with or without 等: the members stand for a kind
# described at length, by a run of fields joined by 、 ("驾舱、感知、动力企业") or by
# clauses closed by 的 ("具有自主知识产权、国内领先的高科技企业").
_STANDS_FOR = r"等?为(?:代表|首|骨干)的?"
_LONG_MODIFIERS = r"(?:[^\W\d_之为]|、){0,20}?"
HEAD_CUE = re.compile(
    rf"(?:(?:等{_STANDING_FOR}(?:{_COUNT})?|{_DEMONSTRATIVE}|{_COUNT})(?:{_MANY}|{_MANY_OF_FIRMS}|{_COUNTED_FIRMS_CLAUSE}|{_COUNTED_FIRMS_MODIFIERS}|{_LEAGUE}|{_ROLE_MODIFIERS}|{_FIELD_FIRM_MODIFIERS}|{_MODIFIERS})|{_STANDS_FOR}{_LONG_MODIFIERS}|(?=为))"
    rf"(企业|公司|集团|厂商|厂家|制造商|供应商|巨头|翘楚|龙头(?!产业|行业)|领军(?!人才|人物|团队|型)|车企|药企|(?:产业链|产业集群|产业)(?!{_FIRM_AFTER_INDUSTRY})|制造业|产品链|(?:重|轻)工业(?!企业|园|区|项目|用地)|板块|赛道|为龙头|为链主|为骨干)"
)
STANDING_LIST = re.compile(_STANDS_FOR)
# A head of firms after a longer description than the cue's modifiers allow, read only when
# the cue finds no head: quoted praise ("等一大批“光电巨头”"), an industry and a rank ("等中国医药
# 工业百强企业", "等产业内知名企业"), a rough count ("等上百家国内外机器人企业"), brands ("等100多
# 家知名品牌"). No 的, 之 or 为 inside: they close a clause that says what the list is.
_ROUGH_COUNT = rf"(?:{_COUNT}|(?:上|近|数)[十百千]+(?:余|多)?家)"
# A kind of firm ending in 型 may stand before the others, joined by 、 ("等科技型、高新技术企业").
_FIRM_KIND = r"(?:[^\W\d_的之为]{1,6}型、)?"
LONG_FIRM_CUE = re.compile(
    rf"等(?:{_ROUGH_COUNT}为?)?{_FIRM_KIND}(?:[^\W\d_的之为]|[“”‘’\"']){{0,14}}?(企业|公司|集团|品牌|巨头|药企|车企|厂商|龙头(?!产业|行业))"
)
# "等一批与船舶产业相关的零部件加工企业", "等一批研发投入大、成长性好的企业": after
# a word of many, a clause closed by 的 (its own 、 included) describes the members, and the head
# after it types them, counted or not ("等一批涵盖某某行业的130余家领先企业"). An industry word
# inside the clause is what the firms relate to, no head.
_CLAUSED_FIRM_CUE = re.compile(
    rf"等(?:{_COUNT})?{_MANY_WORDS}(?:[^\W\d_的之为]|、){{2,30}}?的{_QUOTED_MODIFIER}(?:{_ROUGH_COUNT})?"
    r"(?:[^\W\d_的之为]|、){0,16}?(企业|公司|厂商|厂家)"
)
# Heads that make the members industries only where the text is about an industry
# ("围绕电池组件、逆变器等重点环节" under a 光伏 lead) or a verb of scope opens the list
# ("项目涉及A、B等行业", opened_by_scope_verb); elsewhere they list research fields.
# Lists of platforms ("A、B、C等重点创新平台", "等医药创新发展平台"): the head types the
# members no suffix types (…国产化平台, …医院, 大基因中心). Their modifiers run longer.
PLATFORM_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT})[^\W\d_的之为]{{0,6}}?(?:创新|研究|服务|科技)?平台")
FIELD_CUE = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT}){_MODIFIERS}(重点环节|环节|领域|方向|行业)")
# Heads that make the members segments of a chain wherever they stand: links of a
# chain and its core parts ("减速器、伺服电机等核心零部件", "航空发动机、无人机等环节").
# A field of medicine after 等 heads a list of its segments too ("干细胞、基因检测、体外诊断
# 等精准医学"): such lists type only members the segment vocabulary knows.
# "以A、B等为配套": what supplies the chain's core; "带动A、B等下游终端": its downstream
# links (a firm head after 下游, "等下游企业", is read by HEAD_CUE first); "等为主导的细分行业";
# "A、B等整车车型": the models a vehicle chain makes. "A、B等三大类配套项目": the kinds of
# supply a chain draws, its links.
_SEGMENT_CUE = re.compile(
    rf"等(?:{_COUNT})?(?:为(?:主导|主|核心)的)?(?:[\u4e00-\u9fff]{{0,2}}?)(细分领域|细分行业|细分产业|子行业|环节|核心零部件|关键零部件|零部件|车型|医学|医药|健康)"
    r"|等(为配套)(?![\u4e00-\u9fff])|等(上游|中游|下游)(?!企业|厂商|客户|用户)"
    rf"|等(?:{_COUNT})?类?(配套)(?=项目|环节)"
)
# A count before the parts of a field says as much as 等 does: "A、B、C五大细分领域",
# "A、B等14个子行业" (细分 and 子 name the parts of one industry, never industries apart).
COUNTED_SEGMENT_CUE = re.compile(rf"{_COUNT}(?:[\u4e00-\u9fff]{{0,2}}?)(细分领域|细分行业|细分产业|子行业)")
SECTOR_HEAD = "板块"
BRAND_HEAD = "品牌"
# Sectors of a business are trades: not boards of a stock market (主板, 科创板), techniques,
# products or parts of a plan (…研究, …平台, …中心).
NOT_SECTOR_TAILS = ("板", *NOT_INDUSTRY_TAILS)
MEDICINE_FIELDS = frozenset({"医学", "医药", "健康"})
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
LIST_END = re.compile(
    rf"等|(?!一[个大类项家条]){_LIST_DIGIT}(?<=[\u4e00-\u9fffA-Za-z].){_LIST_DIGIT}*[个大类项家条]|{_LEAD_ROLES}"
)
DEMONSTRATIVE_END = "这"
_LEAD_ROLE = re.compile(_LEAD_ROLES)
# A list of industries may also end at a quote that holds its count or a label with one, before
# the head: "A、B、C“三新”产业", "A、B“两大主导产业”", or, the list quoted, "“A、B”两个千亿级产业".
# (A label of digits alone is a plan's period: "“十四五”产业规划".)
QUOTE_MARKS = '“”"'
QUOTED_LIST_END = re.compile(rf"(?<=[\u4e00-\u9fffA-Za-z])[{QUOTE_MARKS}](?={_LIST_DIGIT})")
_COUNTED_LABEL = rf"{_LIST_DIGIT}+(?:(?!{_LIST_DIGIT})[\u4e00-\u9fff]){{1,3}}[”\"]"
_QUOTED_INDUSTRY_HEAD = "产业集群|产业链|产业"
QUOTED_COUNT_CUE = re.compile(
    rf"[{QUOTE_MARKS}](?:{_COUNT}{_MODIFIERS}|{_COUNTED_LABEL})({_QUOTED_INDUSTRY_HEAD})(?!{_FIRM_AFTER_INDUSTRY})"
)


def may_end_in_role(text: str) -> bool:
    """Whether some list of ``text`` may end before a role without 等 ("为代表", "为龙头")."""
    return _LEAD_ROLE.search(text) is not None


DEMONSTRATIVE_LIST_END = re.compile(_DEMONSTRATIVE)


def may_end_in_quoted_count(text: str) -> bool:
    """Whether some list of ``text`` may end at a quote before its count ("A、B“两大产业”")."""
    return QUOTED_LIST_END.search(text) is not None


def may_end_in_demonstrative(text: str) -> bool:
    """Whether some list of ``text`` may end before a demonstrative ("A、B这些企业")."""
    return DEMONSTRATIVE_END in text and DEMONSTRATIVE_LIST_END.search(text) is not None


MIN_COUNTED_ITEMS = 2  # "A、B三大产业": a count without 等 needs a real list before it
HEAD_CLASS = {
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
    "产品链": "IndustryChain",  # "炼油、乙烯和芳烃三大产品链": the lines of a chain's products
    "重工业": "IndustryChain",  # "船舶、军工、钢铁及铝业等重工业": heavy industries
    "轻工业": "IndustryChain",
}
# Classes a list may pass on to unknown members: short names a suffix cannot reveal.
CONTAGIOUS = frozenset({"Enterprise", "IndustryChain", "LargeScientificFacility"})
# Known members of these classes show that a list under another head lists fields.
CONTRADICTING = frozenset({"Enterprise", "IndustryChain"})


# A count or a 为 of standing that follows a list's 等 in one phrase ("A、B等近60家企业", "A、B等
# 企业为代表的…"): the list closed at 等, and that end reads it whole; read again from the count
# or from 为, its last member would run over 等 ("B等近").
_CLOSING_DENG = re.compile(r"(?<![高中同平均对初次])等(?!离)[\u4e00-\u9fff]{0,6}")


def after_closing_deng(text: str, at: int) -> bool:
    """Whether the list end at ``at`` (a count or 为) follows a list's 等 in the same phrase."""
    return text[at] != "等" and any(m.end() == at for m in _CLOSING_DENG.finditer(text, max(0, at - 7), at))


# The industry noun after a known chain that follows 等 ("A、B等菱镁新材料产业集群"): the
# chain, however long its name, qualifies the head as the cue's short modifiers do, and the
# members are industries of it. Not before firms or projects ("等新能源汽车产业链企业").
_INDUSTRY_HEAD_AFTER_CHAIN = re.compile(rf"(产业集群|产业链|产业)(?!{_FIRM_AFTER_INDUSTRY})")


# A few characters may qualify the chain (等菱镁|新材料产业集群), as they may qualify the head.
_CHAIN_MODIFIER = re.compile(rf"{_MODIFIER_CHAR}{{0,4}}")


def chain_headed_cue(text: str, stop: int, known: KnownIndex) -> re.Match[str] | None:
    """The industry head after a known chain that follows the 等 at ``stop`` (after a few
    modifying characters at most), as a cue whose group 1 is the head: a chain's name may run
    longer than HEAD_CUE's modifiers."""
    if text[stop] != "等":
        return None
    reach = _CHAIN_MODIFIER.match(text, stop + 1)
    if reach is None or not any(stop < start <= reach.end() for start in known.chain_starts):
        return None
    ends = [
        span.end for span in known.by_end.values() if stop < span.start <= reach.end() and span.type == "IndustryChain"
    ]
    return _INDUSTRY_HEAD_AFTER_CHAIN.match(text, max(ends)) if ends else None


def counted_in_firms(text: str, stop: int) -> bool:
    """Whether a count in 家 follows the 等 at ``stop`` before the head ("等50余家配套企业")."""
    cue = HEAD_CUE.match(text, stop)
    return cue is not None and FIRM_COUNT.match(text, stop + 1, cue.start(1)) is not None


# A count of firms: a number and 家 ("3家", "十余家"); 家 of 国家 or 专家 counts nothing.
FIRM_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两几数百千]+)\s*(?:余|多)?\s*家")


def long_firm_cue(text: str, stop: int) -> bool:
    """Whether a head of firms closes the list at ``stop`` after a long description, and no
    field head stands in it ("等新兴领域企业" lists fields)."""
    cue = LONG_FIRM_CUE.match(text, stop)
    if cue is None or any(head in text[stop : cue.start(1)] for head in FIELD_HEADS):
        return False
    if _describes_something_else(text[stop + 1 : cue.start(1)]):
        return False
    # "等核心零部件企业": firms named by the segments they make, which the segment cue reads
    # ("等中国医药工业百强企业": a field of medicine read there only qualifies the firms)
    segment = segment_head_at(text, stop)
    return (segment is None or segment in MEDICINE_FIELDS) and PLATFORM_CUE.match(text, stop) is None


def claused_firm_cue(text: str, stop: int, cue: re.Match[str] | None) -> re.Match[str] | None:
    """The head of firms after a clause closed by 的 that describes the list closed at ``stop``,
    when no head or only an industry word inside that clause was read ("等一批与船舶产业相关的…
    企业": 产业 stands in the clause). None when the list has a head of its own."""
    if text[stop] != "等" or (cue is not None and HEAD_CLASS[cue.group(1)] != "IndustryChain"):
        return None
    claused = _CLAUSED_FIRM_CUE.match(text, stop)
    if claused is None or (cue is not None and cue.end() > text.rfind("的", stop, claused.start(1))):
        return None  # the industry head stands after the clause: "等一批…的新兴产业企业" is read there
    return claused


def brands_of_firms(text: str, stop: int, cue: re.Match[str]) -> bool:
    """Whether a list of brands names firms: counted in 家 ("等100多家知名品牌"); uncounted
    brands are a firm's products ("奇瑞、星途等品牌") or produce ("草莓、蓝莓等知名品牌")."""
    return FIRM_COUNT.search(text, stop, cue.start(1)) is not None


def _describes_something_else(description: str) -> bool:
    """Whether the words between 等 and a head of firms close the list on another head and go
    on to a new phrase: a verb ("等措施推动专精特新企业") or 中 ("等指标中企业占比"). 中 counts
    as a word of its own or at the end, not inside a name ("等中国电子旗下企业")."""
    if description.endswith("中"):
        return True
    return any(word == "中" or (tag == "v" and word not in _PRAISE_WORDS) for word, tag in rjieba.tag(description))


# Words the dictionary tags as verbs that praise firms in a description ("等产业内知名企业").
_PRAISE_WORDS = frozenset({"知名", "著名", "领先", "领军", "闻名"})


def counted_sectors(cue: re.Match[str], counted: bool) -> bool:
    """A count of 板块 ("四大核心板块") sums up the parts of a plan or a building, which
    may be anything; only "A、B等板块" lists the sectors of a business."""
    return counted and cue.group(1) == SECTOR_HEAD


def heads_something_else(text: str, cue: re.Match[str], known: KnownIndex | None = None) -> bool:
    """Whether the head noun is the modifier of another head: 产业 of "等重大产业项目" (a
    list of projects), or a head after one already ("等领域有根产业": the list's head is 领域)."""
    if cue.group(1) == "产业" and text.startswith(INDUSTRY_AS_MODIFIER_OF, cue.end()):
        return True
    between = text[cue.start() : cue.start(1)]
    field = _FIELD_OF_FIRMS.search(between) if cue.group(1) == "企业" and known is not None else None
    chain = known.by_end.get(cue.start() + field.start()) if known is not None and field is not None else None
    if chain is not None and chain.type == "IndustryChain" and chain.start > cue.start():
        return False  # "等生命健康领域各类企业": the firms of a known industry
    if field is not None and STANDING_LIST.match(text, cue.start()) is not None:
        return False  # "以A、B为代表的环境领域重点企业": what stands for firms is firms, whatever their field
    return any(head in between for head in FIELD_HEADS)


def segment_head_at(text: str, stop: int) -> str | None:
    """The head noun when the 等 at ``stop`` heads a list of segments, else None.
    "等医药创新发展平台" heads a list of platforms: a platform head wins over a field of
    medicine."""
    cue = _SEGMENT_CUE.match(text, stop)
    if cue is None:
        return None
    head = next(group for group in cue.groups() if group)
    if head in MEDICINE_FIELDS and PLATFORM_CUE.match(text, stop):
        return None
    return head
