"""Read the members of a list right to left from where it ends.

Each member is cut at its joiner (、, 和, 与, 及, 以及) and bounded by the word rules, and
kept whole where those rules would cut it short: a known name inside a longer member, a
firm's name cut at 中 or at a numeral, a brand glued before a known trade ("奇美新材料"), a
country before a firm ("德国A、瑞士B等"), an other name in brackets ("A（B）等"). Members
lose a delegation's verb written on them ("组织A"). The walk stops where the clause or an
earlier list with its own head begins.
"""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.chain_names import (
    segment_term_start,
    vocabulary_term_start,
)
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.lexicon.segmenter import segment
from loaders.mentions.bracketed_segments import said_of_before
from loaders.mentions.entity_rules import after_last_stop_word, country_ending_at, ends_in_suffix, left_boundary
from loaders.mentions.firm_origins import ORIGINS
from loaders.mentions.list_cues import HEAD_CLASS, HEAD_CUE
from loaders.mentions.list_spans import KnownIndex, KnownSpan
from loaders.mentions.member_names import FIRM_TRADE_ENDINGS, HAN_END, MAX_ITEM_CHARS, PLAIN_HAN
from loaders.mentions.short_names import origin_words

_JOINERS = ("以及", "、", "和", "与", "及")
MAX_ITEMS = 24  # policy texts list 16 or 20 key chains in one sentence
MIN_LAST_WORD_CHARS = 2  # 信息、能源、新材料: two-character members of a field list are fields


def after_a_list_of_firms(text: str, first_start: int) -> bool:
    """Whether a list whose first member starts at ``first_start`` follows, after a joiner, a
    list closed by 等 and a head of firms ("等龙头企业和|C、D…")."""
    joiner = joiner_before(text, first_start)
    if joiner is None:
        return False
    head_end = first_start - len(joiner)
    head = _EARLIER_FIRM_HEAD.search(text, max(0, head_end - 12), head_end)
    return head is not None and head.end() == head_end and HEAD_CLASS.get(head.group(1)) == "Enterprise"


# The head of firms closing a list right before another list ("等龙头企业和…").
_EARLIER_FIRM_HEAD = re.compile(r"等[^\W\d_等]{0,8}?(企业|公司|厂商|厂家|供应商)$")


def chunks_between(text: str, start: int, stop: int, known: KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """The members of ``text[start:stop]`` cut at each 、 and at a joiner between names."""
    items: list[tuple[int, int, KnownSpan | None]] = []
    at = start
    for chunk in text[start:stop].split("、"):
        for a, b in _split_at_joiners(chunk, at):
            hit = known.by_end.get(b)
            items.append((a, b, hit if hit is not None and hit.start == a else None))
        at += len(chunk) + 1
    return items


_NAME_JOINERS = re.compile("以及|和|与|及")


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


MIN_FIRM_NAME_CHARS = 2


def after_leading_verb(text: str, start: int, end: int) -> int:
    """Start of the first firm of a list after the last word of two characters or more that
    ends names walking left ("促成A、B等企业", "既有A、B等整车企业": the firm is A) and after a
    one-character verb the word rules leave on it ("，率星海科技等企业": 率 leads, the firm is
    星海科技)."""
    start = after_last_stop_word(text, start, end, MIN_FIRM_NAME_CHARS)
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
# Verbs of making that the word rules leave on the first member of a list of industries
# ("开发炼油、乙烯和芳烃三大产品链", "主要生产滤清器、轴承等"): no industry's name opens with one
# written as a word of its own.
_MAKING_VERBS = frozenset({"开发", "研发", "生产"})
MIN_INDUSTRY_CHARS = 2


def after_leading_making_verb(text: str, start: int, end: int) -> int:
    """Start of the first industry of a list after a verb of making the word rules leave on it."""
    first = rjieba.cut(text[start:end])[0]
    if first in _MAKING_VERBS and end - start - len(first) >= MIN_INDUSTRY_CHARS:
        return start + len(first)
    return start


# Verbs that lead a delegation of firms ("组织A、B等企业代表参观"): two characters the
# word rules keep on the first firm, as no firm's name begins with them.
_DELEGATION_VERBS = frozenset({"组织", "組織", "带领", "帶領", "率领", "率領", "召集"})


# What ends a run of list members: punctuation of clauses, quotes and brackets.
RUN_BREAKS = r"，。；：,;:！？!?\s“”\"‘’'（）()《》【】「」『』"
_CLAUSE_MARK = re.compile(rf"[{RUN_BREAKS}]")


def clause_start(text: str, stop: int) -> int:
    """Where the clause that holds ``stop`` begins: after the last break before it, and no
    further back than the longest list reaches."""
    floor = max(0, stop - MAX_ITEMS * MAX_ITEM_CHARS)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, floor, stop)]
    return marks[-1] if marks else floor


def walk_items(
    text: str,
    end: int,
    known: KnownIndex,
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
        said_of = -1 if firms else said_of_before(text, end)
        if said_of >= 0:
            end = said_of  # "汽车（汽车零部件）", "汽车（含零部件）": the bracket speaks of the member
        alias = _bracketed_alias(text, end) if firms else None
        alias_known = _known_at(known, *alias) if alias is not None else None
        if alias_known is not None and alias_known.type != "Enterprise":
            alias = None  # "台积电（南京）": a place in brackets is part of the firm's name
        if alias is not None and text[alias[0] : alias[1]] in _COUNTRIES_IN_FIRM_NAMES:
            alias = None  # "惠而浦（中国）": so is a country, the firm's arm there
        if alias is not None:
            items.append((alias[0], alias[1], alias_known))
            end = alias[0] - 1
        hit = known.by_end.get(end)
        term = _wider_term_start(text, end, hit)
        if term >= 0:
            hit = None  # "发展海洋生物医药": the vocabulary's longer industry, not 生物医药
        if term >= 0 and whole_members:
            wider = _enumerated_start(text, end)
            term = wider if 0 <= wider < term else term  # "、海洋化工新材料、": the whole member
        if hit is not None and whole_members and joiner_before(text, hit.start) is None:
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
            start = start_before_last_word(text, end, known.spans)
        if start < 0 or start >= end:
            break
        if whole_members and hit is None and end - start < MIN_FIRM_NAME_CHARS and _cut_at_zhong(text, start):
            # "…、航天中为等企业": the word rules stop at 中 ("in") inside a member and leave
            # one character; after a 、 the whole text up to the member's end is the member
            wider = _enumerated_start(text, end)
            start = wider if 0 <= wider < start and not ends_in_suffix(text[wider:end]) else start
        if whole_members and hit is None and _cut_at_zhong(text, start):
            # "与中触媒、…等企业": after a partner's preposition 中 opens the first member; so it
            # does in a list of firms after the verb it is the object of ("拥有中电某某、…等企业")
            wider = _start_after_partner_joiner(text, start)
            if wider < 0 and firms:
                wider = _start_after_verb(text, start)
            start = wider if 0 <= wider < start and not ends_in_suffix(text[wider:end]) else start
        if firms and hit is None and text[start:end] in FIRM_TRADE_ENDINGS:
            # "…、重塑科技等企业": the word rules stop at a verb (重塑) and leave the trade
            # alone; after a 、 the whole text up to the trade is the firm's name
            wider = _enumerated_start(text, end)
            start = wider if 0 <= wider < start and end - wider <= MAX_ITEM_CHARS else start
        if firms and hit is None:
            start = _between_commas_start(text, start, end)
        if text[start] in "和及与" and end - start > MIN_FIRM_NAME_CHARS and after_a_list_of_firms(text, start + 1):
            start += 1  # "等龙头企业和佑X…": the words rules read 和 into the next member's name
        if _heads_an_earlier_list(text, start, end):
            break  # "A、B等龙头企业和C、D等配套企业": the first list's head closes the second
        items.append((start, end, hit))
        joiner = joiner_before(text, start)
        if joiner is None and hit is not None and _glued_known_firm(known, -1, hit):
            joiner = ""  # "A电源B生物": two known firms written without a mark between them
        country = -1 if joiner is not None else max(country_ending_at(text, start), _origin_with_de(text, start))
        if country >= 0:  # "德国拜耳、瑞士先正达等", "中国香港的信义": the list goes on before it
            start, joiner = country, joiner_before(text, country)
        if joiner is None or (firms and _opens_partners(joiner, previous_joiner)):
            break
        if joiner != "、" and after_a_list_of_firms(text, start):
            break  # "A、B等龙头企业和C、D等配套企业": 和 joins two lists, each with its head
        previous_joiner, end = joiner, start - len(joiner)
    return items


def _origin_with_de(text: str, start: int) -> int:
    """Start of a country or region written with 的 before a member ("日本的凯纳雅马",
    "中国香港的信义"): where the firm comes from, which the list goes on before. -1 else."""
    if start < 1 or text[start - 1] != "的":
        return -1
    origin = next((o for o in ORIGINS if text.endswith(o, 0, start - 1)), None)
    return -1 if origin is None else start - 1 - len(origin)


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
    if not text.startswith("、", end) or joiner_before(text, start) is not None:
        return start  # "、A实验室与B电子、": a joiner after a name of two characters or more joins two
    comma = text.rfind("、", max(0, end - MAX_ITEM_CHARS - 1), start)
    if comma >= 0 and _LATIN_NAME.fullmatch(text, comma + 1, end):
        return comma + 1
    if comma < 0 or not PLAIN_HAN.fullmatch(text, comma + 1, end) or "等" in text[comma:end]:
        return start
    if any(tag != _NUMERAL_TAG for _, tag in rjieba.tag(text[comma + 1 : start])):
        return start  # "培育、引进青枫、", "A市、B市集聚了C、": a clause or a place before the member
    return comma + 1


# A foreign firm's name in Latin letters, its words parted by spaces ("AB Optics").
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+)+")
NAME_JOINER_CHARS = "和与及"
_NUMERAL_TAG = "m"  # the only words the word rules cut off a name between two commas: 九一|客车
_LINKING_TAGS = frozenset({"c", "v", "p", "d", "r", "u"})  # joiners, verbs, adverbs, pronouns


def _one_character_before_joiner(text: str, start: int) -> int:
    """Start of a firm's name that the word rules cut at a joiner's character inside it ("，信和航云、":
    航云 after 和), when one character alone stands between a list mark and the joiner: no member
    is one character long, so the joiner is part of the name. -1 else."""
    if start < 2 or text[start - 1] not in NAME_JOINER_CHARS or not HAN_END.match(text[start - 2]):
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
    cue = HEAD_CUE.match(text, start - 1)
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


def _brand_before_trade(text: str, hit: KnownSpan, known: KnownIndex) -> int:
    """Start of a firm's name whose brand is glued before a known trade ("引进|奔腾激光",
    "引入|亿邦新能源汽车") in a list of firms: the first member, which no joiner bounds. -1
    when the words before the trade are no brand."""
    if hit.type == "Enterprise":
        return -1
    start = left_boundary(text, hit.start, known.spans)
    if hit.start - start not in _BRAND_CHARS_BEFORE_TRADE or not PLAIN_HAN.fullmatch(text, start, hit.start):
        return -1
    brand = text[start : hit.start]
    if brand in KNOWN_PLACES or any(tag in _NOT_BRAND_TAGS for _, tag in rjieba.tag(brand)):
        return -1
    return start


def _brand_after_listed_firm(text: str, hit: KnownSpan, known: KnownIndex) -> int:
    """Start of a firm's name whose brand is glued before the known trade ``hit`` ("、奇美|新材料")
    when a known firm is the member right before it ("友达光电、奇美新材料"): among firms the
    brand and the trade make one member, not a trade. -1 else."""
    if hit.type != "IndustryChain" or joiner_before(text, hit.start) is not None:
        return -1
    start = _brand_before_trade(text, hit, known)
    if start < 1 or text[start - 1] != "、":
        return -1
    before = known.by_end.get(start - 1)
    return start if before is not None and before.type == "Enterprise" else -1


def _firm_before_its_trade(known: KnownIndex, start: int, hit: KnownSpan) -> KnownSpan | None:
    """The known firm written right before the known trade ``hit`` when the two make the
    whole member from ``start`` ("大疆|无人机", "某某|锂电"): a firm and its product or line."""
    firm = known.by_end.get(hit.start)
    if hit.type != "IndustryChain" or firm is None or firm.type != "Enterprise" or firm.start != start:
        return None
    return firm


def _glued_known_firm(known: KnownIndex, floor: int, hit: KnownSpan) -> bool:
    """Whether the known firm ``hit`` follows another known firm with nothing between them
    (a flattened table's "A电源B生物"), the other starting at ``floor`` or after: two
    members, not one longer name."""
    before = known.by_end.get(hit.start)
    return hit.type == "Enterprise" and before is not None and before.type == "Enterprise" and before.start >= floor


_CLOSING = {"）": "（", ")": "("}
# Countries and regions a firm's arm is named after in brackets ("惠而浦（中国）", "某某（亚太）"):
# those of data/company_short_names.json, the home country and the continents' regions.
_COUNTRIES_IN_FIRM_NAMES = frozenset({*origin_words(), "中国", "亚太", "亚洲"})


def _bracketed_alias(text: str, end: int) -> tuple[int, int] | None:
    """The span of a short other name in brackets that ends the member at ``end``."""
    if end < 2 or text[end - 1] not in _CLOSING:
        return None
    opening = text.rfind(_CLOSING[text[end - 1]], max(0, end - MAX_ITEM_CHARS - 2), end - 1)
    if opening <= 0 or not PLAIN_HAN.fullmatch(text, opening + 1, end - 1):
        return None
    if text.startswith(_SHORT_NAME_MARKS, opening + 1):
        return None  # "（以下简称某某）": the page's own short name, read as such elsewhere
    return opening + 1, end - 1


_SHORT_NAME_MARKS = ("以下简称", "以下称", "下称", "简称", "原名", "原称")


def _known_at(known: KnownIndex, start: int, end: int) -> KnownSpan | None:
    hit = known.by_end.get(end)
    return hit if hit is not None and hit.start == start else None


def _start_after_joiner(text: str, start: int, known: KnownIndex) -> int:
    """Start of a member that a known name ends ("以及天基物联网": 物联网) when the words
    before the name run back to a joiner (以及, 和): the whole run is the member. -1 else."""
    wider = left_boundary(text, start, known.spans)
    if wider < start and joiner_before(text, wider) in ("以及", "和", "及") and PLAIN_HAN.fullmatch(text, wider, start):
        return wider
    return -1


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
    if hit is None or joiner_before(text, hit.start) is not None:
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
    return term if text[term - 1] == "、" or joiner_before(text, term) is not None else start


def _enumerated_start(text: str, end: int) -> int:
    """Start of a member that the word rules leave empty because it ends in a stop word
    ("…、废旧资源循环利用等领域": 利用 ends it): between an enumeration comma and the member
    already read after it, the whole text is the member — from the 和 or 与 that joins the
    last member, if one stands there. -1 when no 、 stands near."""
    comma = text.rfind("、", max(0, end - MAX_ITEM_CHARS - 1), end)
    if comma < 0 or not PLAIN_HAN.fullmatch(text, comma + 1, end) or "等" in text[comma:end]:
        return -1
    # "、应用和服务等": the last member is joined by 和, not by the comma.
    joined = _LAST_MEMBER_JOINER.search(text, comma + 1, end)
    return joined.end() if joined is not None and end - joined.end() >= MIN_LAST_WORD_CHARS else comma + 1


_LAST_MEMBER_JOINER = re.compile("以及|和|与")


def start_before_last_word(text: str, end: int, spans: list[tuple[int, int]]) -> int:
    """Start of a member whose last word is a stop word ("海洋高技术服务、…等产业": 服务
    ends it), where no 、 stands before it to bound it: the name before that word, read
    by the word rules, with the word kept. -1 when nothing stands before the word."""
    words = segment(text[max(0, end - MAX_ITEM_CHARS) : end])
    if len(words) < 2 or len(words[-1]) < MIN_LAST_WORD_CHARS:
        return -1  # a one-character word there is a particle (等, 的), not a noun's end
    last_start = end - len(words[-1])
    start = left_boundary(text, last_start, spans)
    return start if 0 <= start < last_start and PLAIN_HAN.fullmatch(text, start, end) else -1


# Verbs that end in 及 ("涉及", "惠及"): the 及 is no joiner of a list there.
_VERBS_IN_JI = frozenset("涉普危惠顾触波遍提论来不")


def joiner_before(text: str, start: int) -> str | None:
    for joiner in _JOINERS:
        if text.startswith(joiner, start - len(joiner)):
            if joiner == "及" and start >= 2 and text[start - 2] in _VERBS_IN_JI:
                return None
            return joiner
    return None


def members_ending_at(text: str, end: int, known: list[KnownSpan]) -> list[tuple[int, int, KnownSpan | None]]:
    """The whole members of a list ending at ``end``, right to left, with the known name
    each one is (or None): the walk of a list typed by its head."""
    index = KnownIndex({k.end: k for k in known}, [(k.start, k.end) for k in known], [], frozenset())
    return walk_items(text, end, index, whole_members=True)


# A run of 、-joined chunks between punctuation marks ("优化整车、零部件、后市场").
_CHUNK = rf"[^、{RUN_BREAKS}]+"
# (Opened only where a chunk starts: every run found starts there, and a search that also
# tried each character inside a chunk would read the chunk again from each, to fail at its end.)
ENUMERATION = re.compile(rf"(?<![^、{RUN_BREAKS}]){_CHUNK}(?:、{_CHUNK})+")
