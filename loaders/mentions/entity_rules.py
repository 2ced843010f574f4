"""Rules that find names the gazetteer does not know, by the form of the name.

Each rule is a named :class:`EntityRule` in the registry :data:`RULES` (spaCy-style: a
rule is looked up and reported by its name). A rule names the suffixes that end a name
of its class (…重点实验室, …有限公司, …产业); a single Aho-Corasick pass finds every
suffix, and :func:`left_boundary` decides where the name starts, which is the hard part:
it walks the words before the suffix right to left and stops at punctuation, verbs,
function words and numerals, preferring a too-short name to one that swallows a verb
phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick_rs
import rjieba

from loaders import ablation
from loaders.lexicon.chain_names import is_vocabulary_term
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.lexicon.matcher import fix_ocr
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.lexicon.segmenter import segment
from loaders.mentions.chain_words import is_verb_phrase
from loaders.mentions.rule_table import MAX_NAME_CHARS, EntityRule, packaged_rule_table
from loaders.mentions.short_names import cue_words


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string, for readability."""
    return text.split()


# Characters that can never be inside a name.
# A space is one too, except where PDF extraction put it between a Latin/digit run and a
# Han character ("长三角 G60 科创走廊", "DRAM 产业"): there it is inside the name.
_STOP_CLASS = r"[，。；：、！？,.;:!?“”‘’\"'《》〈〉【】\[\]{}|/·•・‧…+＋=%％（）()]"
_HARD_STOP = re.compile(
    _STOP_CLASS
    # a hyphen or a single dash stops a name, except between two Han characters: it joins
    # the partners of a joint body there ("浙江大学-华为联合实验室", "中国—某国联合实验室",
    # "中-塔…联合实验室"); a doubled dash (——) is punctuation
    + r"|[-—](?![\u4e00-\u9fff])|(?<![\u4e00-\u9fff])[-—]"
    r"|\s(?!(?<=[A-Za-z0-9]\s)[\u4e00-\u9fff])(?!(?<=[\u4e00-\u9fff]\s)[A-Za-z0-9])"
)
# The characters of _STOP_CLASS (its escapes undone): each stops a name wherever it stands.
_PLAIN_STOPS = frozenset(re.sub(r"\\(.)", r"\1", _STOP_CLASS[1:-1]))
_DASHES = frozenset("-—")
# A short parenthesised place inside a company name: 本源量子计算科技（合肥）股份有限公司.
_INNER_PARENS = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[）)]")
# (余 and 多 after a number the segmenter splits off are counted too: "30|余个", "20|多家".)
_NUMERAL = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十百千万两几多数]+[个家所项座批类只位条大]?|[余多][个家所项座批类只位条])$"
)

# Words that end a name when met walking left (loaders/lexicon/data/name_stop_words.txt).
STOP_WORDS = frozenset(
    _words(
        "\n".join(
            line
            for line in resources.files("loaders.lexicon")
            .joinpath("data/name_stop_words.txt")
            .read_text(encoding="utf-8")
            .splitlines()
            if not line.startswith("#")
        )
    )
)

STOP_VERBS = frozenset(w for w in STOP_WORDS if len(w) == 2)
_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_ASIDES = re.compile(r"[（(][^（）()]*[）)]|“[^“”]*”")

# A name never opens with these: 某 hides a name ("某通信公司"), 最 ranks a kind
# ("最具投资价值锂电产业园"). (某某 stands for a name in templates and examples, and is kept.)
_NO_NAME_OPENING = re.compile("^(?:最|某(?!某))")
# A ranking inside the words before a kind makes an award or a league table, not a name
# ("亚洲最佳孵化器", "全国十佳产业园"), or praise ("亚洲最大某某研发中心", "全球第二大某某研发中心").
# A superlative with its scope ("世界最密某某装置", "全国最早某某园") praises, whatever the adjective.
_RANKING = re.compile("最佳|最具|最大|十佳|十大|十强|百强|五十强|第[一二三四五]大|(?:世界|全球|全国|亚洲|国内|国际)最")
_ADMINISTRATIVE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:省|市|自治区)")
_GROUP = "集团"
# "…国际科技创新中心", "…区域科技创新中心": a status a city or region is to reach.
_CENTRE_RULE = "platform-center"
_DESIGNATION_STEMS = ("国际科技", "区域科技", "区域性科技", "全国科技", "全球科技")
_PROVINCE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:省|自治区)")
# A university's school is named by its discipline alone ("机械工程学院", "计算机与软件学院"); a
# college's own name holds a place, a person or a proper word (黄山学院, 安徽新华学院).
_DISCIPLINE_TAGS = frozenset({"n", "vn", "v"})
_DISCIPLINE_JOINERS = frozenset("与和及")


@lru_cache(maxsize=4096)
def names_a_discipline(stem: str) -> bool:
    """Whether the words before 学院 are common nouns of a field only, with no known place
    among them."""
    words = [(w, tag) for w, tag in rjieba.tag(stem) if w not in _DISCIPLINE_JOINERS]
    return bool(words) and all(tag in _DISCIPLINE_TAGS and w not in KNOWN_PLACES for w, tag in words)


# A capacity or a number of machines before 装置/设施 ("百万吨乙烯装置", "百余台机器人装置"):
# an industrial plant or a count of machines, never one scientific facility (those are
# named, not sized).
_CAPACITY = re.compile("(?:^|[0-9０-９一二三四五六七八九十百千万余多])(?:万?吨|台|套)")
# A quantity in figures ("碳丝10万吨", "储能电池20GWh") measures a project's output; no
# industry is named with one.
_MEASURED = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?\s*(?:万|亿)?(?:吨|辆|台|套|片|亩|元|GWh|MWh|GW|MW|kW)")
# A clause's verb of growth after an industry ("…后市场一体化发展") ends no industry's name.
_GROWTH_ENDS = ("发展", "一体化")
# The particle 的; a brand that holds it opens the names of its parks (美的库卡智能制造科技园).
_PARTICLE_DE = "的"
_BRAND_WITH_DE = "美的"
# Leading words that make a name generic when nothing else is left (一批重点实验室).
GENERIC_PREFIXES = (
    "首批",
    "区属",
    "县属",
    "市属",
    "省属",
    "国资",
    "代表性",
    "专业化",
    "特色",
    "精品",
    "高标准",
    "高能级",
    "省部级以上",
    "省部级",
    "千亩",
    "万亩",
    "我市",
    "全市",
    "我省",
    "全省",
    "本市",
    "本省",
    "我国",
    "全国",
    "各类",
    "各级",
    "一批",
    "一大批",
    "大批",
    "一系列",
    "众多",
    "诸多",
    "一个",
    "多个",
    "若干",
    "省级",
    "市级",
    "区级",
    "县级",
    "国家级",
    "高水平",
    "一流",
    "相关",
    "重大",
    "重点",
    "新型",
    "新建",
    "现有",
    "其他",
    "各",
    "该",
    "省",
    "市",
    "国家",
    "新",
    "世界一流",
    "世界",
    "国际",
    "研究型",
    "应用型",
    "专业化",
    "科技企业",
    "领域类",
    "产业",
    "现代",
    "顶级",
    "院士",
    "基础学科",
    "战略",
    "大院大所",
    "国内",
    "国外",
    "首批",
    "全国性",
    "首个",
    "第二个",
    "第一个",
    "世界级",
)


@dataclass(frozen=True, slots=True)
class RuleCandidate:
    start: int  # offsets in the sentence's cleaned text
    end: int
    name: str  # the text of the name, text[start:end]
    stem: str  # the name without its suffix and leading place/generic words
    rule: EntityRule
    # Why the name is not a usable entity name ("generic-name"...), None when it is.
    rejected: str | None = None


_TABLE = packaged_rule_table()
RULES = _TABLE.rules
# Category words that name a broad trade (entity_rules.toml, [words]).
CATEGORY_TRADES = frozenset(_TABLE.words["category_trades"])
# Stems ending so are kinds or amounts, not industries (entity_rules.toml, [words]).
CHAIN_CATEGORY_TAILS = _TABLE.words["chain_category_tails"]


@dataclass(frozen=True, slots=True)
class _SuffixIndex:
    automaton: ahocorasick_rs.AhoCorasick
    suffixes: list[str]
    rules: list[EntityRule]
    joinable: bool  # no suffix and no bad next character is the separator of suffix_hits_each
    # For each suffix, the shorter suffixes it opens with, longest first, with their rules.
    shorter: dict[str, list[tuple[str, EntityRule]]]


@lru_cache(maxsize=1)
def _suffix_index() -> _SuffixIndex:
    table = RULES.by_suffix()
    suffixes = list(table)
    # A DFA: a few suffixes make it small, and it searches about twice as fast.
    automaton = ahocorasick_rs.AhoCorasick(
        suffixes,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    rules = [table[s] for s in suffixes]
    joinable = not any(_SEPARATOR in s for s in suffixes) and not any(_SEPARATOR in r.bad_next for r in rules)
    shorter = {
        s: sorted(((t, table[t]) for t in suffixes if len(t) < len(s) and s.startswith(t)), key=lambda p: -len(p[0]))
        for s in suffixes
    }
    return _SuffixIndex(automaton, suffixes, rules, joinable, shorter)


def _kept_hit(
    text: str, start: int, limit: int, suffix: str, rule: EntityRule, index: _SuffixIndex
) -> tuple[int, EntityRule] | None:
    """The end and rule of the suffix at ``start``: the one matched, or, when a bad next
    character rejects it, the longest shorter suffix it opens with that none rejects
    ("航空产业集群化": not 产业集群 before 化, but 产业); None when every one is rejected.
    (Most hits are kept as matched: the shorter suffixes are looked at only then.)"""
    stop = start + len(suffix)
    if _next_accepts(text, stop, limit, rule):
        return stop, rule
    for shorter, shorter_rule in index.shorter[suffix]:
        stop = start + len(shorter)
        if _next_accepts(text, stop, limit, shorter_rule):
            return stop, shorter_rule
    return None


def _next_accepts(text: str, stop: int, limit: int, rule: EntityRule) -> bool:
    """Whether what follows a suffix ending at ``stop`` (the text's end at ``limit``) lets it
    close a name: none of the rule's bad next characters or words."""
    return stop >= limit or (text[stop] not in rule.bad_next and not text.startswith(rule.bad_next_words, stop))


def _window_floor(text: str, suffix_start: int) -> int:
    """Leftmost offset a name ending at ``suffix_start`` may start at."""
    floor = max(0, suffix_start - MAX_NAME_CHARS)
    # The character after the window is searched too, so that a space right before the
    # suffix sees its right neighbour; a stop found there is not in the window.
    endpos = suffix_start + 1
    if text.find("（", floor, suffix_start) < 0 and text.find("(", floor, suffix_start) < 0:
        stop = _last_hard_stop(text, floor, endpos)  # fast path: no parentheses
        if stop == suffix_start:
            stop = _last_hard_stop(text, floor, suffix_start)
        return stop + 1 if stop >= 0 else floor
    # (pos/endpos rather than a slice: a space's neighbours decide whether it stops.)
    protected = [m.span() for m in _INNER_PARENS.finditer(text, floor, suffix_start)]
    last_stop = floor - 1
    for m in _HARD_STOP.finditer(text, floor, endpos):
        if m.start() < suffix_start and not any(a <= m.start() < b for a, b in protected):
            last_stop = m.start()
    return last_stop + 1


def _last_hard_stop(text: str, floor: int, endpos: int) -> int:
    """Offset of the last hard stop in ``text[floor:endpos]``, whose lookaheads see no
    further than ``endpos``; -1 when there is none. (Speed: read from the right, a window's
    last stop is mostly a few characters away, and only a dash or a space needs the
    pattern's lookarounds; a regular expression searched from the left costs more.)"""
    for at in range(min(endpos, len(text)) - 1, floor - 1, -1):
        char = text[at]
        if char in _PLAIN_STOPS:
            return at
        if (char in _DASHES or char.isspace()) and _HARD_STOP.match(text, at, endpos) is not None:
            return at
    return -1


# The segmenter glues a copula to the area word before it ("拓展区|为|大科学装置" comes out
# as 区为|大), and to the 业 of an industry ("某某维修业是|航空城"): the area or the
# industry is the sentence's subject, and the name starts after the copula.
_ADMIN_COPULA = re.compile("[区市县省城镇园业][为是]")
# So it glues the verb 建 (build) to a town, county or district: "某镇建某某创新中心" comes
# out as 镇建|某某 or 某镇建|某某. (Not to 城 or 市: 城建, 市建 open names of firms.)
_ADMIN_BUILDS = re.compile("[\u4e00-\u9fff]{0,3}[区县镇]建")


# 出 after a verb says what it brought out ("培育出某某", "涌现出某某"); no name ends a word in it.
_RESULT_OUT = "出"


# Aspect particles, prepositions of agent and object (由, 被, 把, 对) and the conjunction 暨
# that the segmenter glues onto an unknown name after them ("引进|了泽璟|制药", "实验室|由翠亨|
# 集团", "开工典礼|暨合庐|产业新城", "编辑|对安巢|经开区"); no name opens with one (暨南 and 对外
# are words, so they are no glued tokens).
_GLUED_PARTICLES = frozenset("了着由被把暨对")


def _glued_after_particle(token: str) -> bool:
    """Whether ``token`` is such a particle glued to the first word of a name: no word of
    the dictionary (了解, 着力, 由于 are)."""
    return len(token) > 1 and token[0] in _GLUED_PARTICLES and not rjieba.has_word(token)


_NOUN_ALONE = (["n"], ["nz"], ["nt"])


@lru_cache(maxsize=65536)  # tokens repeat a lot; the answer depends on the token only
def _is_stop(token: str) -> bool:
    # The segmenter glues adverbs and objects to verbs (大力发展, 谷获批): a token holding
    # a stop verb stops the name too; a too-short name is the lesser evil.
    if token in STOP_WORDS or _NUMERAL.match(token) or _ADMIN_COPULA.fullmatch(token) or _ADMIN_BUILDS.fullmatch(token):
        return True
    if len(token) > 2 and token[-2:] in STOP_VERBS and token[:-2] in STOP_WORDS:
        return True  # an adverb glued to the verb (全力支持, 大力推进): whatever the tagger says
    if len(token) > 2 and token[-1] == _RESULT_OUT:
        return True  # a verb with its result "out" (涌现出, 培育出, 打造出): the tagger calls some nouns
    if _function_characters(token):
        return True
    if len(token) <= 2 or not any(token[i : i + 2] in STOP_VERBS for i in range(len(token) - 1)):
        return False
    # ... unless the token is a plain noun built on the verb (加速器, 建设者) or one proper
    # noun of the dictionary (联合利华).
    return [tag for _, tag in rjieba.tag(token)] not in _NOUN_ALONE


def after_last_stop_word(text: str, start: int, end: int, min_rest: int) -> int:
    """Where a name in ``text[start:end]`` begins when a word of two characters or more that
    ends names walking left stands in it ("交由|A", "促成|A"): after the last such word, when
    ``min_rest`` characters are left; else ``start``. (One character is no word to cut at here:
    信和航云 holds 和.)"""
    at = end
    for token in reversed(segment(fix_ocr(text[start:end]))):
        if len(token) > 1 and _is_stop(token):
            return at if end - at >= min_rest else start
        at -= len(token)
    return start


# Verbs of arriving and prepositions of place that end a token the dictionary does not hold
# ("刚到|安巢经开区"): what follows them is where one arrives, never part of their word.
_ARRIVAL_ENDS = frozenset("到在至")


def _function_characters(token: str) -> bool:
    """Whether ``token`` is no word of the dictionary but function words run together ("如由":
    "for example, by") or an adverb glued to a verb of arriving ("刚到"): no name holds it."""
    if len(token) < 2 or rjieba.has_word(token):
        return False
    return all(char in STOP_WORDS for char in token) or (len(token) == 2 and token[-1] in _ARRIVAL_ENDS)


def _joined_field_verb(tokens: list[str], token: str) -> bool:
    """Whether ``token``, right before a suffix, is a verb that a joiner ties to
    another field word ("保护与利用", "开发及利用"): the field's name, not a verb that ends it."""
    return token in STOP_VERBS and len(tokens) > 2 and tokens[1] in _NAME_JOINERS and not _is_stop(tokens[2])


# 同 and 跟 open names (同方, 同仁堂) but after a public body they are prepositions.
_BODY_PREPOSITIONS = "同跟"
_PUBLIC_BODIES = ("政府", "管委会", "委员会")


def _partner_of_a_public_body(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` (tokens read right to left) opens with 同/跟 after a government
    or committee word: the body's partner follows the preposition (which the segmenter may
    glue to the partner's first word), and no name runs across it."""
    return (
        tokens[index][0] in _BODY_PREPOSITIONS
        and index + 1 < len(tokens)
        and tokens[index + 1].endswith(_PUBLIC_BODIES)
    )


# A city's or county's building company is named "<place>(城市)建设<trade>": there 建设 is
# part of the name, not the verb that ends it ("合肥市建设投资控股（集团）有限公司",
# "南京市城市建设投资控股（集团）有限责任公司"). Read right to left, the trade word follows
# 建设 and a place or 城市 precedes it.
_BUILDING_WORD = "建设"
_BUILDING_TRADES = ("投资", "发展", "开发", "工程", "集团", "控股", "管理", "经营")
_BUILDING_OWNERS = ("城市", "城乡", "城镇")
_PLACE_ENDINGS = ("市", "县", "区", "省", "州")


def _builds_in_a_firm_name(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` (tokens read right to left) is 建设 between a place (or
    城市) and a trade word of a building company's name."""
    if tokens[index] != _BUILDING_WORD or index == 0 or index + 1 >= len(tokens):
        return False
    before = tokens[index + 1]
    return tokens[index - 1].startswith(_BUILDING_TRADES) and (
        before in _BUILDING_OWNERS or before.endswith(_PLACE_ENDINGS)
    )


def _joiner_after_a_name(text: str, token_start: int, token: str) -> int:
    """Where a joiner the segmenter glued inside ``token`` ("城和青" of "某某城和青柳…"; read at
    ``token_start`` of ``text``) stands right after a rule's suffix, so that a name ends before
    it ("某某科教城和|某某知识城"); -1 when none does.
    A joiner the segmenter keeps as a word of its own is read as a joiner already, and one
    that opens a word (和林格尔) is no joiner."""
    for offset, char in enumerate(token[1:], 1):
        at = token_start + offset
        if char in _NAME_JOINERS and ends_in_suffix(text[max(0, at - MAX_NAME_CHARS) : at]):
            return at
    return -1


def left_boundary(text: str, suffix_start: int, keep_from: list[tuple[int, int]], through_joiner: bool = False) -> int:
    """Where the name whose suffix starts at ``suffix_start`` begins.

    ``keep_from`` are spans of known names (gazetteer matches); a boundary that would cut
    one in two is moved to its start, so "合肥高新区某某有限公司" keeps its place prefix.
    ``through_joiner``: the name may hold one 与/及 ("…先进技术与装备国家工程实验室"),
    when what stands before it is no name of its own (see :func:`_joined_start`).
    """
    floor = _window_floor(text, suffix_start)
    start = suffix_start
    joiner_at = -1
    # Segment the OCR-corrected window (slips keep their length) so 交又 is not read as 又.
    # (Speed: an empty window, right after a stop, has no words to segment.)
    tokens = segment(fix_ocr(text[floor:suffix_start]))[::-1] if floor < suffix_start else []
    for index, token in enumerate(tokens):
        glue_or_unit = token[0] in _GLUE_OR_UNIT_FIRSTS
        if _builds_in_a_firm_name(tokens, index):
            start -= len(token)  # "合肥市建设投资控股（集团）有限公司": the city's building company
            continue
        if _is_stop(token) or (glue_or_unit and _closes_a_date(tokens, index)):
            if token == "中" and start < suffix_start and text[start] in _PARTNER_COUNTRIES:
                start -= 1  # 中德, 中法: the first half of a partnership, not "in"
                continue
            if token == "中" and _opens_after_function_word(text, start - 1):
                start -= 1  # "由中建材某某研究院", "与中钠某某公司": China's 中, not "in"
                break
            if _opens_listed_name(text, token, start, suffix_start):
                start -= 1  # "A、以岭医药集团": after 、 a name begins, whatever its first character
                break
            if through_joiner and joiner_at < 0 and token in _NAME_JOINERS and suffix_start - start >= 2:
                joiner_at = start - len(token)
                start = joiner_at
                continue
            if index == 0 and _joined_field_verb(tokens, token):
                start -= len(token)  # "资源保护与利用|国家重点实验室": the field's second verb
                continue
            break
        if _partner_of_a_public_body(tokens, index):
            start -= len(token) - 1  # "某区政府同某某集团签约": the firm is the government's partner
            break
        if glue_or_unit and (_glued_after_particle(token) or _unit_glued_to_name(tokens, index)):
            start -= len(token) - 1  # "引进了|泽璟", "500强|某某": the name opens after it
            break
        joined_at = _joiner_after_a_name(text, start - len(token), token)
        if joined_at >= 0:
            start = joined_at + 1  # "某某科教城和|某某知识城": two names, glued by the segmenter
            break
        start -= len(token)
        if token in OWNER_ADMIN_WORDS and _opens_owned_name(tokens, index, start, keep_from):
            break  # "提级管理市乡村振兴公司": a bare 市 opens the city's own company's name
    if joiner_at >= 0:
        start = _joined_start(text, start, joiner_at, keep_from)
    if "-" in text or "—" in text:  # speed: most sentences hold neither of _PARTNER_DASHES
        start = _after_stage_dashes(text, start, suffix_start)
        if "—" in text[start:suffix_start]:
            start = _after_dashed_kind(text, start, suffix_start)
    for a, b in keep_from:
        if a < start < b and b <= suffix_start:
            return a
    # The adjustments below rarely apply; their first conditions are tested here so
    # that most names make no further calls.
    if suffix_start - start >= 2 and _MAY_SKIP.search(text, max(0, start - 1), suffix_start):
        start = _skip_leading_words(text, start, suffix_start)
    if start > floor and text[start - 1] == "中":
        start = _widen_for_bilateral(text, floor, start)
    return _after_firm_role(text, start, suffix_start)


_PARTNER_DASHES = "-—"


def _after_stage_dashes(text: str, start: int, suffix_start: int) -> int:
    """ "研究-转化-产业": two dashes or more link stages, not partners; the name starts
    after the last."""
    for dash in _PARTNER_DASHES:
        if text.count(dash, start, suffix_start) > 1:
            start = text.rindex(dash, start, suffix_start) + 1
    return start


def _after_dashed_kind(text: str, start: int, suffix_start: int) -> int:
    """ "众创空间—孵化器": a dash after a word that ends in a rule's suffix links two kinds
    (stages of an incubation chain), not two partners; the name starts after the dash, as it
    does after a noun of a kind of body ("老牌名校—某某大学")."""
    dash = text.index("—", start, suffix_start)
    left = text[start:dash]
    if left.endswith(_KIND_NOUNS) or ends_in_suffix(left):
        return dash + 1
    return start


# Nouns of a kind of body written before a dash and the body's name ("老牌名校—某某大学"):
# the description's head, no part of the name.
_KIND_NOUNS = ("名校", "高校", "院校", "学府", "名企", "企业", "机构", "单位")


# A firm's rank among firms (龙头企业, 骨干企业), written before its name as an apposition
# ("行业龙头企业青大集团"): the name starts after it.
RANKED_FIRM = "(?:龙头|骨干|领军|链主|头部)企业"
# So is its standing written bare, which the segmenter may glue to the name's first word
# ("知名央企中车集团" comes out as 央企中车|集团).
_FIRM_ROLE = re.compile(f"{RANKED_FIRM}|央企|国企")
_FIRM_ROLE_CHARACTER = "企"
MIN_STEM_AFTER_ROLE = 2


def _after_firm_role(text: str, start: int, suffix_start: int) -> int:
    if suffix_start - start <= len("央企") or _FIRM_ROLE_CHARACTER not in text[start:suffix_start]:
        return start  # speed: most names hold no role
    roles = list(_FIRM_ROLE.finditer(text, start, suffix_start))
    if roles and suffix_start - roles[-1].end() >= MIN_STEM_AFTER_ROLE:
        return roles[-1].end()
    return start


# "2023年1-6月高新技术产业": a month or day after a number dates the phrase; a date is
# never part of a name (年 is a stop word of its own, and 月 or 日 alone names nothing).
# 强 after a number ranks ("世界500强某某", "500强企业"): a league table, no part of a name.
# A counter after a number counts bodies ("7家省实验室", "3所高校", "6大国家级中心"): the
# count is no part of a name, and the segmenter may glue the counter to the word after it
# (7|家省). 年度 after a number dates the phrase as 年 does ("2023年度某省技术创新中心"); an
# area after a number measures what follows ("新建6000平米山洞实验室": a lab of that size).
_COUNTERS = frozenset("家个所项座批大")
_DATE_UNITS = frozenset("月日强") | _COUNTERS
_DATE_WORDS = frozenset({"年度", "平米", "平方米", "万平方米", "亩", "公顷"})
# What a token opens with when it may be a date's unit or a particle glued to a name (one
# test spares most tokens the three calls that look closer).
_GLUE_OR_UNIT_FIRSTS = _DATE_UNITS | _GLUED_PARTICLES | frozenset(w[0] for w in _DATE_WORDS)


def _closes_a_date(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` (tokens right to left) is a month, day, year or counter after
    a number."""
    return (tokens[index] in _DATE_UNITS or tokens[index] in _DATE_WORDS) and _after_a_number(tokens, index)


def _unit_glued_to_name(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` is such a unit after a number glued to the first word of a
    name ("500|强某某"): no word of the dictionary."""
    token = tokens[index]
    return len(token) > 1 and token[0] in _DATE_UNITS and not rjieba.has_word(token) and _after_a_number(tokens, index)


def _after_a_number(tokens: list[str], index: int) -> bool:
    before = next((t for t in tokens[index + 1 :] if not t.isspace()), "")
    return bool(before) and (before[-1].isdigit() or _NUMERAL.match(before) is not None)


def _opens_listed_name(text: str, token: str, start: int, suffix_start: int) -> bool:
    """A one-character stop word opening a list's next member that a name goes on from."""
    return len(token) == 1 and start < suffix_start and _listed_after(text, start - 1)


# A bare 市/省/县 written alone is "the city's" (市物流集团): it opens the name, and the
# words before it are the sentence's verb phrase, unless a known place ends right there
# (合肥|市, split by the segmenter).
# A bare 市, 省 or 县: the city's, the province's, the county's (rule_candidates reads it
# before an industry too).
OWNER_ADMIN_WORDS = frozenset("市省县")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


def _opens_owned_name(tokens: list[str], index: int, start: int, keep_from: list[tuple[int, int]]) -> bool:
    """Whether the bare 市/省/县 ``tokens[index]`` (now at ``start``) opens the name: the
    word before it is a Han word of its own, not a known place (合肥|市) nor a Latin code
    (XX省)."""
    if index + 1 >= len(tokens) or not _HAN_WORD.fullmatch(tokens[index + 1]):
        return False
    return not any(b == start for _, b in keep_from)


# (和 joins phrases far more often than names: "普及应用终端和创新实验室".)
_NAME_JOINERS = frozenset("与及和")
# Verbs of news that never stand inside a name, even when the segmenter glues them to
# their neighbours ("谷获|批省"): a name starts after the last of them.
_NEVER_IN_NAME = re.compile(
    "做大|做强|做优|做实|获批|获评|入选|落户|签约|揭牌|挂牌|开工|建成|投产|启动|组建|引进|打造|成立"
    # words of building on and of naming a kind, verbs of what a place borders on ("南接某某
    # 小镇"), of owing and rooting, of hearing and inspecting: a name starts after them too
    "|续建|所谓|拓宽|[东西南北](?:接|邻|靠|连)|得益于|致力于|扎根|听取|察看"
    # governing ("全区辖某某镇", "下辖某某街道", "入驻辖区某某小镇"): the place starts after it
    "|辖区?"
)
# Foreign countries (not places of the graph) before a foreign park's own name
# ("瑞典 KISTA 科学园", "日本筑波科学城"): the name starts after the country.
# (The countries are data: data/company_short_names.json, as for the firms named after them.)
_FOREIGN_COUNTRY = re.compile("(?:" + "|".join(sorted(cue_words()["countries"], key=len, reverse=True)) + ")\\s*")
# Words that need the country before them to name anything (新加坡国立大学, 英国皇家学会):
# the country stays in the name.
_COUNTRY_OWNED_WORDS = frozenset({"国立", "皇家"})
_COUNTRY_AT_END = re.compile(f"(?:{_FOREIGN_COUNTRY.pattern})$")
MAX_COUNTRY_CHARS = 5


def country_ending_at(text: str, end: int) -> int:
    """Start of the foreign country's name that ends at ``end`` ("德国|拜耳"), or -1."""
    country = _COUNTRY_AT_END.search(text, max(0, end - MAX_COUNTRY_CHARS), end)
    return country.start() if country is not None else -1


# Praise and provenance before a name ("国内一流合成生物产业园", "国产DRAM产业").
# Praise and quantity words before a name ("国内一流", "众多网安产业"): no name opens with one.
_QUALIFIERS = re.compile(
    "(?:国内一流|国际一流|世界一流|国内领先|国际领先|世界领先|全国性|世界级|国内|国产|现有|一流"
    "|众多|诸多|一大批|一批|大批|一系列)+"
)


# The first characters of everything _skip_leading_words removes (one search decides
# whether it has anything to do; it rarely has).
_MAY_SKIP = re.compile(
    "[以将把对向从在由而做获入落签揭挂开建投启组引打成续所拓东南北得致扎听察辖"
    "美日瑞德英法韩俄新芬荷意加澳比丹挪奥西葡印巴爱波匈捷乌国世全现一众诸大 ]"
)


# 和 joins noun phrases far more often than 与 and 及: before it, a kind of body ("企业",
# "高校") is a phrase of its own, never the first half of a laboratory's field.
_PHRASE_JOINER = "和"
_KIND_NOUN_END = re.compile("(?:企业|公司|集团|高校|院校|院所|机构|单位|平台|中心|园区|项目|团队|人才)$")


# Bodies that sign with a partner ("某区人民政府与…", "当地企业与…"): never a field's first half.
_PARTNER_END = re.compile("(?:政府|管委会|企业)$")


def _joined_start(text: str, start: int, joiner_at: int, keep_from: list[tuple[int, int]]) -> int:
    """Keep the words before a 与/及/和 inside the name only when they are no name of their
    own: at least two characters, not a known name, not ending in a rule's suffix (then
    "A与B实验室" lists two things)."""
    left = text[start:joiner_at]
    if len(left.strip()) < 2 or any(b == joiner_at for _, b in keep_from):
        return joiner_at + 1
    if text[joiner_at] == _PHRASE_JOINER and _KIND_NOUN_END.search(left):
        return joiner_at + 1  # "等企业和某某实验室": 和 joins a kind of body to a name
    if _PARTNER_END.search(left):
        return joiner_at + 1  # "某区人民政府与某某研究院": a body and its partner
    if ends_in_suffix(left):
        return joiner_at + 1
    return start


def _skip_leading_words(text: str, start: int, suffix_start: int) -> int:
    """Move ``start`` past a glued preposition, a verb of news or praise words."""
    start = _skip_leading_function_char(text, start, suffix_start)
    # (From one character earlier: the walk may have stopped inside such a verb, 做|强.)
    for verb in _NEVER_IN_NAME.finditer(text, max(0, start - 1), suffix_start):
        start = max(start, verb.end())
    country = _FOREIGN_COUNTRY.match(text, start, suffix_start)
    if (
        country is not None
        and suffix_start - country.end() >= 2
        and text[country.end() : suffix_start] not in _COUNTRY_OWNED_WORDS
    ):
        start = country.end()
    qualifiers = _QUALIFIERS.match(text, start, suffix_start)
    if qualifiers is not None:
        start = qualifiers.end()
    while start < suffix_start and text[start].isspace():
        start += 1
    return start


# One-character country abbreviations after 中 (中德, 中法, 中俄): 中 is a stop word
# ("…中"), but in these names it is the first half of a partnership.
_PARTNER_COUNTRIES = frozenset("德法俄美日英韩意澳欧非乌巴以新奥荷瑞芬丹比葡西")
# Prepositions the segmenter glues onto the next word (以大科学装置, 将合肥…).
_LEADING_FUNCTION_CHARS = frozenset("以将把对向从在由而")


# The locative 中 ("in") follows a noun ("在园区中"); after a preposition, a conjunction or a
# mark it opens a name (中建材, 中钠, 中车: "China's").
_BEFORE_OPENING_ZHONG = frozenset('由与和及同跟、，,：:；;（(“"')


def _opens_after_function_word(text: str, at: int) -> bool:
    """Whether the 中 at ``at`` stands after a preposition, a conjunction or a mark."""
    return at == 0 or text[at - 1] in _BEFORE_OPENING_ZHONG


def _widen_for_bilateral(text: str, floor: int, start: int) -> int:
    if start - 1 >= floor and text[start - 1] == "中" and start < len(text) and text[start] in _PARTNER_COUNTRIES:
        # (not the 中 of 其中, "among them": "其中德清某某小镇" names 德清's town)
        return start if start >= 2 and text[start - 2] == _AMONG else start - 1
    return start


_AMONG = "其"


def _skip_leading_function_char(text: str, start: int, suffix_start: int) -> int:
    # "以色列" is a name; any other leading 以 is the preposition (when two characters at
    # least are left: "以云计算中心"), but not as a list's next member ("A、以岭医药集团").
    if (
        suffix_start - start >= 2
        and text[start] in _LEADING_FUNCTION_CHARS
        and not _listed_after(text, start)
        and text[start : start + 3] != "以色列"
        and text[start : start + 2] != "在线"
    ):
        # "95%以上生物医药平台": 以上 ("or more") goes whole, not as a preposition.
        return start + 2 if text.startswith(_AT_LEAST, start) else start + 1
    return start


_CLAUSE_MARKS = "，。；！？,;"
_AT_LEAST = "以上"


def _listed_after(text: str, start: int) -> bool:
    """The character at ``start`` opens a list's next member: it follows 、, and the member
    before is no finished "以…为…" phrase of its own ("以A为核心的X产业、以B为核心的Y产业")."""
    if start == 0 or text[start - 1] != "、":
        return False
    clause = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    last_yi = text.rfind("以", clause, start - 1)
    return last_yi < 0 or "为" not in text[last_yi : start - 1]


# Words that stop an ordinary name but sit inside policy-zone names (…创新发展试验区).
_ZONE_INNER_WORDS = frozenset(_words("发展 创新 合作 开放 改革 转化 服务 示范 联动"))


def zone_start(text: str, suffix_start: int, place_starts: list[int]) -> int:
    """Start of a policy zone's name: the leftmost known place before the suffix with no
    verb between it and the suffix ("加快建设合肥某某创新发展试验区" -> 合肥…); -1 if none."""
    floor = _window_floor(text, suffix_start)
    for start in sorted(p for p in place_starts if floor <= p < suffix_start):
        words = segment(fix_ocr(text[start:suffix_start]))
        if not any(_is_stop(w) and w not in _ZONE_INNER_WORDS for w in words):
            return _before_bracketed_place(text, start)
    return -1


def _before_bracketed_place(text: str, place_start: int) -> int:
    """ "海峡两岸（合肥）集成电路…试验区": a place in brackets is inside the name, whose
    start is the start of the words before the bracket."""
    if place_start == 0 or text[place_start - 1] not in "（(":
        return place_start
    start = left_boundary(text, place_start - 1, [])
    return start if start < place_start - 1 else place_start


# Words that describe a kind of research body or facility; a stem made of nothing else
# names none ("基础研究开放设施", "技术创新技术研究院").
DESCRIPTION_WORDS = frozenset(
    _words("""基础 研究 基础研究 开放 学科 交叉 学科交叉 前沿 前沿交叉 交叉前沿 技术 创新 技术创新 科技
    科技创新 综合 共享 公共 实验 科研 研发 协同 协同创新 融合 原始 原始创新 多学科
    高水平 新型 联合 开放共享 重大 专业 专业化 公共服务 服务""")
)
# Industries are named by such words themselves (先进制造); places are left to their rules.
_DESCRIBABLE_BY_KIND = frozenset({"IndustryChain", "Place"})


@lru_cache(maxsize=4096)
def is_description(stem: str) -> bool:
    """Whether ``stem`` is made only of words that describe a kind (see DESCRIPTION_WORDS)."""
    words = [w for w in segment(stem) if not w.isspace()]
    return bool(words) and all(w in DESCRIPTION_WORDS for w in words)


def _core_of(rule: EntityRule, stem: str) -> str:
    core = strip_generic_prefix(stem)
    # "新港", "新桥": 新 and one character is a place's own name, not "new" + a word.
    if rule.type == "Place" and len(core) == 1 and stem == "新" + core:
        return stem
    return core


@lru_cache(maxsize=1)
def _generic_prefix_run() -> re.Pattern[str]:
    # One regex pass instead of a startswith loop per prefix: longest alternatives first.
    words = sorted(GENERIC_PREFIXES, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")+")


def strip_generic_prefix(stem: str) -> str:
    """Drop leading generic words (我市, 一批, 省级...) from a stem."""
    run = _generic_prefix_run().match(stem)  # (a slice: cheaper than sub, which builds anew)
    return stem[run.end() :] if run else stem


_ADMINISTRATIVE_OPENING = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:省|市|自治区)级?")


def _kind_of_the_division(stem: str, rule: EntityRule) -> bool:
    """The stem is a province or city and a kind word only ("某市产业", "某市级产业")."""
    opening = _ADMINISTRATIVE_OPENING.match(stem)
    return opening is not None and stem[opening.end() :] in rule.generic_stems


# Words of kind before a trade in "跨国汽车公司", "国内汽车集团": no firm's own name.
_KIND_OF_FIRM = re.compile("^(?:跨国|国内|国外|国际|大型|知名|相关|龙头|骨干|头部)")


@lru_cache(maxsize=4096)
def _trade_alone(stem: str) -> bool:
    """Whether ``stem`` is a trade alone, maybe after a word of kind: an industry the
    gazetteer knows as such, or one of the vocabulary."""
    trade = _KIND_OF_FIRM.sub("", stem, count=1)
    if not trade:
        return False
    surface = default_gazetteer().surface(trade)
    return is_vocabulary_term(trade) or (surface is not None and surface.type == "IndustryChain")


def judge(rule: EntityRule, stem: str, owned: bool = False) -> str | None:
    """Why a name with this stem is not an entity name, or None when it is one.

    ``owned``: the stem follows a known owner's name (a place, an organisation), which
    makes a kind word a name ("<owner>科技成果转化促进中心" names that owner's centre)."""
    # (Most stems hold no bracket; the substitution is skipped for them.)
    core = _core_of(rule, _PARENS.sub("", stem) if "（" in stem or "(" in stem else stem)
    if not core:
        return "generic-name"
    if stem in rule.generic_stems or core in rule.generic_stems or _NO_NAME_OPENING.match(stem):
        return "generic-name"
    if ("最" in stem or "十" in stem or "强" in stem or "第" in stem) and _RANKING.search(stem):
        return "generic-name"
    if rule.type == "Enterprise" and core.endswith(_GROUP) and core[: -len(_GROUP)] in rule.generic_stems:
        return "generic-name"  # "…建设|投资集团有限公司": the name was cut at a verb; 投资集团 names none
    if rule.type == "Enterprise" and not owned and _trade_alone(stem):
        return "generic-name"  # "跨国汽车公司", "体育用品集团": companies of a trade, not one of them
    if rule.type == "Laboratory" and (_ADMINISTRATIVE_NAME.fullmatch(stem) or stem in KNOWN_PLACES):
        return "generic-name"  # 广东省实验室: the province's kind of laboratory, not one of them
    if rule.designated_by_division and _ADMINISTRATIVE_NAME.fullmatch(stem):
        return "generic-name"  # 某省技术创新中心: the province's designation, not one centre
    if rule.subtype == "DevelopmentZone" and _PROVINCE_NAME.fullmatch(stem):
        return "generic-name"  # 浙江省开发区: the province's zones, not one of them
    if rule.subtype == "DevelopmentZone" and _kind_of_the_division(stem, rule):
        return "generic-name"  # 某市产业园区, 某市级产业园区: a city's parks of a kind, not one
    if rule.type == "LargeScientificFacility" and _CAPACITY.search(stem):
        return "generic-name"  # "万吨某某装置", "百余台某某装置": plants and machines, by size
    if rule.stem_needs and not any(word in stem for word in rule.stem_needs):
        return "generic-name"  # "警务大数据某市分中心": a branch of no named organisation
    if rule.generic_tails and core.endswith(rule.generic_tails) and (rule.tails_after_owner or not owned):
        return "generic-name"
    if rule.type not in _DESCRIBABLE_BY_KIND and not owned and is_description(core):
        return "generic-name"  # 学科交叉前沿研究设施: what kind of facility, not which one
    if rule.name == _CENTRE_RULE and stem.endswith(_DESIGNATION_STEMS):
        return "generic-name"  # 北京国际科技创新中心: what a city is to become, even owned
    if rule.type == "IndustryChain" and core.endswith(CHAIN_CATEGORY_TAILS) and not is_vocabulary_term(core):
        # 加大新兴产业: a category word with words glued before it (绿色石化 ends in 化
        # and is an industry of the vocabulary all the same)
        return "generic-name"
    if rule.type == "IndustryChain" and (_MEASURED.search(stem) or core.endswith(_GROWTH_ENDS)):
        return "generic-name"
    if rule.type == "Place" and _PARTICLE_DE in stem.replace(_BRAND_WITH_DE, ""):
        return "generic-name"  # "宣城市代管的县级市": 的 ties a phrase, no place's name holds it
    if rule.type == "Place" and _AT_OR_ABOVE in stem:
        return "generic-name"  # "省级以上开发区": the zones of a rank or above, not one of them
    if rule.type == "IndustryChain" and _ends_with_place(core):
        return "generic-name"  # "长沙产业集群": the place's cluster, not an industry named 长沙
    if rule.type == "IndustryChain" and core.endswith("全") and not core.endswith("安全"):
        return "generic-name"  # "六位一体全产业链": 全产业链 is "the whole chain"
    if rule.type == "IndustryChain" and stem.startswith(_CHAIN_WORD):
        return "generic-name"  # "产业链环节", "产业聚集区": a word about chains, not one of them
    if rule.type == "IndustryChain" and _CHAIN_WORD in stem and _INDUSTRIALISED not in stem:
        return "generic-name"  # "航空产业具有…产业": the industry's name ended at its first 产业
    if rule.type == "IndustryChain" and _only_category_words(core, rule):
        return "generic-name"  # "核心关键产业链": degree words stacked, no trade named
    if rule.type == "IndustryChain" and core.endswith(_AREA_WORD):
        return "generic-name"  # "某某起步区产业": the zone's industries, no industry of its own
    if rule.type == "IndustryChain" and _reads_as_a_clause(stem, core):
        return "verb-phrase"  # "具备产业先发优势", "更是产业链…": no noun before 产业
    if len(core) < rule.min_stem and core not in rule.short_stems and not _proper_short_stem(core, rule):
        return "too-short"
    # A bracketed site or a quoted programme is no part of the name's length: "中国（某市）
    # 软件谷" is a short name, and so is "中国—某国某某“一带一路”联合实验室".
    if len(_ASIDES.sub("", stem) if "（" in stem or "(" in stem or "“" in stem else stem) > rule.max_stem:
        return "too-long"
    return None


def _reads_as_a_clause(stem: str, core: str) -> bool:
    """Whether a stem before 产业 reads by its tags as a verb phrase, not a trade. An industry
    of the vocabulary is a trade whatever its tags (先进计算 tags as 高效推进 does)."""
    return ablation.enabled("chain-pos") and is_verb_phrase(stem) and not is_vocabulary_term(core)


def _only_category_words(core: str, rule: EntityRule) -> bool:
    """Whether ``core`` is two category words or more and none names a trade (核心关键,
    重点优势; 高端服务 names one)."""
    words = [w for w in segment(core) if not w.isspace()]
    return len(words) > 1 and all(w in rule.generic_stems and w not in CATEGORY_TRADES for w in words)


_AT_OR_ABOVE = "以上"
_PLACE_NAME_CHARS = range(2, 7)
_CHAIN_WORD = "产业"
_INDUSTRIALISED = "产业化"  # "数字产业化": an industry that holds 产业 in its name
_AREA_WORD = "区"


def _ends_with_place(stem: str) -> bool:
    """The stem's last words are a place's name: what comes before 产业 is whose, not which."""
    if stem.endswith(("市", "省")):
        stem = stem[:-1]  # "天津市产业": the city written with its suffix
    return any(stem[-n:] in KNOWN_PLACES for n in _PLACE_NAME_CHARS if n <= len(stem))


# A stem one character shorter than a rule's minimum still names one thing when it is a
# place or proper name (之江实验室, 嵩山实验室, 鹏城实验室), not a word like 该 or 联合.
_PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt"})


@lru_cache(maxsize=4096)
def _proper_short_stem(core: str, rule: EntityRule) -> bool:
    if len(core) != rule.min_stem - 1 or len(core) < 2 or not ablation.enabled("proper-short-stems"):
        return False
    tagged = rjieba.tag(core)
    return len(tagged) == 1 and tagged[0][1] in _PROPER_TAGS


def suffix_hits(text: str) -> list[tuple[int, int, EntityRule]]:
    """Every rule suffix in ``text``: (start, end, rule)."""
    index = _suffix_index()
    rules, length = index.rules, len(text)
    hits = []
    for i, start, _ in index.automaton.find_matches_as_indexes(text):
        kept = _kept_hit(text, start, length, index.suffixes[i], rules[i], index)
        if kept is not None:
            hits.append((start, kept[0], kept[1]))
    return hits


def ends_in_suffix(name: str) -> bool:
    """Whether a rule's suffix ends ``name`` (…研究所, …集团, …科教城)."""
    return any(end == len(name) for _, end, _ in suffix_hits(name))


# Joins the texts of suffix_hits_each; no suffix holds it and no rule lists it as a bad next
# character, so a text's end reads the same joined or alone.
_SEPARATOR = "\x00"


def suffix_hits_each(texts: list[str]) -> list[list[tuple[int, int, EntityRule]]]:
    """``[suffix_hits(t) for t in texts]`` in one automaton pass (speed: one call instead
    of one per sentence)."""
    joined = _SEPARATOR.join(texts)
    index = _suffix_index()
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0) or not index.joinable:
        return [suffix_hits(t) for t in texts]
    rules = index.rules
    found: list[list[tuple[int, int, EntityRule]]] = [[] for _ in texts]
    current, base, limit = 0, 0, len(texts[0]) if texts else 0
    for i, start, _ in index.automaton.find_matches_as_indexes(joined):
        while start >= limit:  # move on to the text this hit lies in
            current += 1
            base = limit + 1
            limit = base + len(texts[current])
        kept = _kept_hit(joined, start, limit, index.suffixes[i], rules[i], index)
        if kept is not None:
            found[current].append((start - base, kept[0] - base, kept[1]))
    return found
