"""Where a name a suffix rule found starts: the left boundary of a rule hit, moved past
amounts, quotes, part, body, former and role words, zone words and owners, places that
open a chain, vocabulary terms and known names inside it."""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import vocabulary_term_start
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.lexicon.matcher import SurfaceMatch
from loaders.lexicon.segmenter import segment
from loaders.mentions.candidates import is_stop_word
from loaders.mentions.entity_rules import STOP_VERBS, STOP_WORDS, judge, left_boundary, zone_start
from loaders.mentions.place_openings import after_sentence_words
from loaders.mentions.rule_table import MAX_NAME_CHARS, EntityRule

_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")

# Classes whose names may hold a 与/及/和 ("…先进技术与装备国家工程实验室"); industries and
# places joined so are two names.
JOINED_NAME_CLASSES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute", "LargeScientificFacility"})

_TOWN_RULE = "place-town"

# Endings that make a known place name a whole zone or area of its own kind.
_PLACE_KIND_ENDINGS = ("区", "园", "城", "港", "镇", "县", "市", "省", "岛", "廊", "湾")


# A state key laboratory that a province and a ministry build together is officially named
# with the words that say so ("省部共建某某国家重点实验室"); 共建 alone stops a name.
_CO_BUILT_LAB_PREFIXES = ("省部共建", "部省共建")


def _opener_starts(text: str, s: int, openers: tuple[str, ...]) -> list[int]:
    """Where the words that may open a name stand in the reach before its suffix at ``s``."""
    floor = max(0, s - MAX_NAME_CHARS)
    return sorted(i for word in openers if (i := text.rfind(word, floor, s)) >= 0)


def rule_start(text: str, s: int, rule: EntityRule, matches: list[SurfaceMatch], known: list[tuple[int, int]]) -> int:
    """Start of the name ending in the suffix at ``s``; -1 when the rule does not apply.
    ``known``: the (start, end) of ``matches``."""
    if rule.subtype in ("County", "District"):
        # Bare …区/…县 is too common a suffix (社区, 园区); only "<known place>XX区" counts.
        before = [m.end for m in matches if m.surface.type == "Place" and m.end <= s]
        if not before or not _HAN_NAME.fullmatch(text[max(before) : s]) or _no_division_stem(text, max(before), s):
            return -1
        return max(before)
    if rule.needs_place_prefix:
        # A region's policy designations ("长三角…示范区") are programmes, not places.
        owners = [m for m in matches if m.surface.type == "Place" and m.surface.subtype != "Region" and m.end <= s]
        start = zone_start(text, s, [m.start for m in owners])
        if start < 0 and rule.place_or_openers:
            start = zone_start(text, s, _opener_starts(text, s, rule.place_or_openers))
        return start
    start = left_boundary(text, s, known)
    if rule.type == "Enterprise" and start == s and text.startswith(_LEGAL_SUFFIXES, s):
        start = _start_before_business_word(text, s, known)
    bound = start
    if rule.type == "Laboratory" and start > 0 and text[start - 1] in _CLOSING_QUOTES:
        start = _quoted_part_start(text, start, s, known)
    after_joiner = rule.type in JOINED_NAME_CLASSES and start > 0 and text[start - 1] in "与及和"
    if after_joiner and not _opens_with_place(start, matches):
        # "…先进技术与装备国家工程实验室": the words after the joiner must make a name
        # with the suffix on their own, or the joiner is between two phrases.
        # (An industry before the joiner is part of the name: "某某医药与高端制剂工程中心".)
        organisations = [(m.start, m.end) for m in matches if m.surface.type != "IndustryChain"]
        joined = left_boundary(text, s, organisations, through_joiner=True)
        # A joined name as long as the reach was cut by it: it runs on, a phrase, no name.
        cut = 0 < joined == s - MAX_NAME_CHARS
        if joined < start and not cut and (judge(rule, text[start:s]) is None or _names_a_field(text, start, rule)):
            start = joined
    if rule.type == "Laboratory" and start < s and text.endswith(_CO_BUILT_LAB_PREFIXES, 0, start):
        start -= len(_CO_BUILT_LAB_PREFIXES[0])  # 省部共建…国家重点实验室: the official name opens so
    # A name never holds a whole known name of its own kind: in "合肥经开区稳居国家级经开区"
    # the second zone starts after the first. (Companies may: a subsidiary's legal name
    # opens with its parent's, "某某（南京）有限公司", "中国石化扬子石油化工有限公司".) A
    # short name without a kind word (光谷, 中关村) does open a longer one: 光谷生物城.
    for m in matches:
        if rule.type == "Enterprise" or rule.name in _NAMED_WITH_PARENT:
            break  # (a branch is named with its parent: 某某科学院某市分院, 中科院某市植物园)
        if (
            start <= m.start
            and m.end <= s
            and m.surface.type == rule.type
            and m.surface.subtype == rule.subtype
            and (rule.type != "Place" or m.surface.text.endswith(_PLACE_KIND_ENDINGS))
            and not (rule.name == _PARK_RULE and m.start == start)
        ):
            start = m.end
    if rule.name == _ZONE_RULE:
        start = _zone_owner_start(text, start, s, matches)
    if rule.name == _TOWN_RULE:
        # a town is never named with its county or district: "洪山区|左岭镇"
        start = max([start, *(m.end for m in matches if m.surface.type == "Place" and start <= m.start and m.end <= s)])
    if rule.type == "IndustryChain":
        start = _term_over_known_start(text, bound, start, s, matches)
        return _after_leading_amount(
            text, _chain_start_after_place(text, _vocabulary_start(text, start, s), s, matches), s
        )
    if rule.type == "Enterprise":
        start = _after_zone_word(text, _place_anchored_start(text, start, s, matches), s)
        return _after_role_noun(text, start, s, rule)
    if rule.name == _PARK_RULE:
        start = _after_bare_zone_word(text, start, s)
    if rule.type == "Place":
        start = _after_enclosing_division(text, start, s, matches)
        start = _after_body_word(text, after_sentence_words(text, start, s, [m.start for m in matches]), s)
        start = _after_part_word(text, _dotted_place_start(text, start, matches), s, matches)
        return _after_former_word(text, start, matches)
    return start


# A legal suffix makes what precedes it a firm's registered name, and registered names often
# end in a word of business that the walk reads as a verb ("某某投资发展有限公司", "某某城市建设
# 有限公司"): before these suffixes such words are part of the name, and the walk goes on
# past them.
_LEGAL_SUFFIXES = ("有限公司", "股份有限公司", "有限责任公司")
_BUSINESS_WORDS = frozenset({"发展", "建设", "投资", "开发", "服务", "运营", "管理", "实业", "控股", "科技"})
MAX_BUSINESS_WORDS = 3
MIN_TRADE_NAME_CHARS = 2


def _start_before_business_word(text: str, s: int, known: list[tuple[int, int]]) -> int:
    """Start of a registered name whose walk stopped at a word of business right before its
    legal suffix at ``s``; ``s`` when no trade name of two characters or more stands before
    the words of business."""
    end = s
    for _ in range(MAX_BUSINESS_WORDS):
        word = next((w for w in _BUSINESS_WORDS if text.startswith(w, end - len(w))), None)
        if word is None:
            return s
        end -= len(word)
        start = left_boundary(text, end, known)
        if end - start >= MIN_TRADE_NAME_CHARS:
            return start
    return s


# A size opening the words before 产业 ("千亿元锂电产业", "百亿级新材料产业集群"): what an
# industry is to grow to, no part of its name.
_LEADING_AMOUNT = re.compile("[0-9０-９一二三四五六七八九十百千万两]+亿元?级?")
MIN_CHAIN_STEM = 2


def _after_leading_amount(text: str, start: int, s: int) -> int:
    """Start a chain's name after a size that opens it, when a name of two or more
    characters is left ("千亿元|锂电产业")."""
    amount = _LEADING_AMOUNT.match(text, start, s)
    if amount is None or s - amount.end() < MIN_CHAIN_STEM:
        return start
    return amount.end()


# A laboratory's name may hold a programme or field in quotes ("中国—某国某某“一带一路”联合
# 实验室", "“某某探测”某省实验室"): the quoted words, and the name before them, are part of it.
_CLOSING_QUOTES = '”"'
_QUOTED_PART = re.compile(r"[“\"][\u4e00-\u9fff]{2,12}[”\"]$")
MAX_QUOTED_CHARS = 14


def _quoted_part_start(text: str, start: int, suffix_start: int, known: list[tuple[int, int]]) -> int:
    """Start of a laboratory's name whose own words stop at a closing quote right before
    ``start``: the quoted part and the name before its opening quote. Quoted words alone
    before a bare kind ("“十四五”重点实验室") name none: the name needs words before the
    quote or a place after it (“某某探测”安徽省实验室)."""
    quoted = _QUOTED_PART.search(text, max(0, start - MAX_QUOTED_CHARS), start)
    if quoted is None:
        return start
    before = left_boundary(text, quoted.start(), known, through_joiner=True)
    return before if before < quoted.start() or start < suffix_start else start


def _opens_with_place(start: int, matches: list[SurfaceMatch]) -> bool:
    """Whether a known place opens the words after a joiner: they name a body of their own
    ("某县与安徽某某研究院": 与 joins two partners; a field joined to another never opens
    with a place)."""
    return any(m.start == start and m.surface.type == "Place" for m in matches)


# "某某科学与技术研究院", "某某科学与技术重点实验室": an institute or lab of a discipline named
# "<science>科学与技术/工程", one field however plain the words after the joiner are.
# (Centres so named are mostly what a city aims to become: "建成国际某某科学与技术研究中心".)
_SCIENCE = "科学"
_FIELD_NAMED_RULES = frozenset({"institute", "lab-key"})


def _names_a_field(text: str, after_joiner: int, rule: EntityRule) -> bool:
    return rule.name in _FIELD_NAMED_RULES and text.endswith(_SCIENCE, 0, after_joiner - 1)


# "北部某某产业园区": 北部 says which part of the city the park lies in; the park's name
# starts after it. (中部 is left: it opens names of regions, 中部地区. A known name that
# opens with the word, 北部湾, is kept.)
_PART_WORDS = ("东部", "西部", "南部", "北部")
_MIN_NAME_AFTER_PART = 2


def _after_part_word(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    if not text.startswith(_PART_WORDS, start) or s - start - len(_PART_WORDS[0]) < _MIN_NAME_AFTER_PART:
        return start
    if any(m.start == start for m in matches) or text.startswith("湾", start + 2):
        return start
    return start + len(_PART_WORDS[0])


# A park a brand opens in another city is named "<city>·<brand park>" ("某市·某某科技园"):
# the city and the middle dot belong to the park's name.
_NAME_DOTS = "·・•"


# A zone's administrative committee is a body, never a word of a place's name: a place
# written after it ("某某高新区管委会某某分园区办事处") opens after it.
_BODY_WORDS = ("管理委员会", "管委会")


def _after_body_word(text: str, start: int, s: int) -> int:
    found = [(text.rfind(word, start, s), word) for word in _BODY_WORDS]
    return max((at + len(word) for at, word in found if at >= 0), default=start)


# "整合原某市化工园": 原 says the park was so named before a merger; it is no part of the
# name, which opens with the place after it.
_FORMER = "原"


def _after_former_word(text: str, start: int, matches: list[SurfaceMatch]) -> int:
    if not text.startswith(_FORMER, start):
        return start
    opens_place = any(m.start == start + 1 and m.surface.type == "Place" for m in matches)
    return start + 1 if opens_place else start


def _dotted_place_start(text: str, start: int, matches: list[SurfaceMatch]) -> int:
    if start < 1 or text[start - 1] not in _NAME_DOTS:
        return start
    city = next((m for m in matches if m.end == start - 1 and m.surface.type == "Place"), None)
    return start if city is None else city.start


# "吐鲁番市鄯善工业园区", "安徽省阜阳市界首高新区": a province or city written with its
# suffix, then a division inside it that opens the zone's name, says where the zone is; the
# zone is named after the inner division (鄯善工业园区), and the outer one is a place of its
# own. (A name that goes on with no division of the outer one, "宿州市经济开发区", "亳州市芜湖
# 现代产业园区", keeps it.)
_WRITTEN_OUTER_SUFFIXES = ("省", "市")


def _after_enclosing_division(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """Where a place's name starts past the provinces and cities written before a division
    of theirs ("安徽省阜阳市|界首高新区"): ``start`` moved over each in turn."""
    while True:
        outer = next((m for m in matches if m.start == start and m.end < s and m.surface.type == "Place"), None)
        if outer is None or not text.startswith(_WRITTEN_OUTER_SUFFIXES, outer.end - 1):
            return start
        if not _division_inside_opens(text, outer, s, matches):
            return start
        start = outer.end


def _division_inside_opens(text: str, outer: SurfaceMatch, s: int, matches: list[SurfaceMatch]) -> bool:
    """Whether a division inside the one ``outer`` names opens the text right after it, by a
    name the gazetteer matched (邕宁区) or a county's short form (鄯善, 江宁), before ``s``."""
    gaz = default_gazetteer()
    outer_codes = set(outer.surface.division_codes)
    if not outer_codes:
        return False
    codes = [code for m in matches if m.start == outer.end and m.end <= s for code in m.surface.division_codes]
    codes += [division.code for end, division in gaz.county_short_forms_at(text, outer.end) if end <= s]
    return any(outer_codes & set(gaz.parent_chain(code)) for code in codes)


# A firm's registered name holds a province or a city, never a development zone: in
# "某市高新区某某科技有限公司" the zone says where the firm is, and its name starts after it.
_ZONE_WORD = re.compile("高新技术产业开发区|经济技术开发区|高新区|经开区|开发区")
MIN_FIRM_STEM = 2


def _after_zone_word(text: str, start: int, s: int) -> int:
    for hit in _ZONE_WORD.finditer(text, start, s):
        if s - hit.end() >= MIN_FIRM_STEM:
            start = hit.end()
    return start


# "来到高新区某某产业园": a zone word with no place's name before it is the zone the text
# speaks of ("the zone"), which says where the park is; the park's name starts after it.
_BARE_ZONE_WORD = re.compile("(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区)(?!的)")
MIN_PARK_STEM = 2


def _after_bare_zone_word(text: str, start: int, s: int) -> int:
    hit = _BARE_ZONE_WORD.match(text, start, s)
    return hit.end() if hit and s - hit.end() >= MIN_PARK_STEM else start


# "<known place>的核心区", "<known place>的园区": a part or the parks of the place, described
# after 的, no division's name; and a district's own name never ends in a word for parks.
_NOT_DIVISION_OPENING = "的"
# Words for parks, campuses, scenic areas, housing estates, communities and mines before 区:
# areas of a place, never its districts ("某某大学九龙湖校区", "某某景区", "某某小区").
_NOT_DIVISION_ENDING = ("园", "校", "景", "小", "社", "矿", "厂", "营", "街")
# Words for the parts of a city before 区 ("中心城区", "主城区", "老城区"): areas, not districts.
_PARTS_OF_A_CITY = frozenset({"中心城", "主城", "老城", "核心城", "中心", "核心", "城"})


def _no_division_stem(text: str, place_end: int, suffix_start: int) -> bool:
    """Whether the words between a known place and 区 are no district's own name: they
    open with 的 or a determiner ("珠三角这些地区"), or end in a word for parks or campuses."""
    if text.startswith(_NOT_DIVISION_OPENING, place_end) or text.endswith(_NOT_DIVISION_ENDING, 0, suffix_start):
        return True
    if text[place_end:suffix_start] in _PARTS_OF_A_CITY:
        return True  # "合肥中心城区": the city's core, no district (real ones the gazetteer knows)
    first = segment(text[place_end:suffix_start])[0]
    return len(first) > 1 and first in STOP_WORDS


_ZONE_RULE = "place-zone"
_BRANCH_RULE = "institute-branch"
_NAMED_WITH_PARENT = frozenset({_BRANCH_RULE, "institute-garden"})
# A park built in a zone is named with it ("某某高新区集成电路产业园"): the zone opens it.
_PARK_RULE = "place-park"
_ZONE_OWNER_TYPES = frozenset({"Province", "City", "District", "County"})


def _zone_owner_start(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """A zone is named after the place it is built on ("郑州高新区", "湖北襄阳经开区"): the
    name starts at the first known place before the suffix, whatever the word rules took
    before it (a verb or adverb of news the stop words miss: "前往郑州高新区", "今年以来
    长沙高新区"). A place in brackets is inside a longer name and does not count."""
    for m in matches:
        if start < m.start < s and m.surface.subtype in _ZONE_OWNER_TYPES and text[m.start - 1] not in "（(":
            return m.start
    return start


def _term_over_known_start(text: str, bound: int, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """Start of a vocabulary industry before 产业 at ``s`` that holds the known chain the
    name was cut after ("绿色石化产业": 石化 is known, 绿色石化 is an industry of its own),
    else ``start``. ``bound``: where the name may open at most."""
    term = vocabulary_term_start(text, s, bound)
    if not bound <= term < start:
        return start
    held = any(m.surface.type == "IndustryChain" and term <= m.start and m.end == start for m in matches)
    return term if held else start


def _vocabulary_start(text: str, start: int, s: int) -> int:
    """Start of the chain before 产业 at ``s``: an industry of the vocabulary whose last
    word the word rules stop at ("信息技术服务产业": 服务), else ``start``."""
    term = vocabulary_term_start(text, s, max(0, s - MAX_NAME_CHARS))
    if not 0 <= term < start or not is_stop_word(segment(text[term:s])[-1]):
        return start
    return term


# A zone, province or city word inside a would-be chain name: the words before it are the
# place the industry is in ("东湖高新区光电子信息产业" is the zone's 光电子信息 industry,
# "某某航天城航天产业" the town's 航天).
_PLACE_END_IN_CHAIN = re.compile("(?:高新区|开发区|经开区|新区|省(?!级)|城(?![市乡镇际]))")
# A rank written before an industry ("省级医疗器械产业链", "国家级精细化工产业集群") says how
# the cluster is recognised; the industry is what follows it.
_RANK_BEFORE_CHAIN = re.compile("(?:国家|省|市|区|县)级")
MIN_CHAIN_REST = 2


_NOT_CHAIN_OPENERS = frozenset({"Place", "Enterprise"})


def _chain_start_after_place(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """Industries are not named after places or firms: a chain name starts after a known
    place, a zone word or a known firm that opens it ("某某集团鸿雁产业": the firm's
    ecosystem is the chain 鸿雁)."""
    for m in matches:
        if start <= m.start and m.end <= s - MIN_CHAIN_REST and m.surface.type in _NOT_CHAIN_OPENERS:
            start = m.end
    # (A zone word is cut off however little is left: "滨海新区新产业" is the zone's new
    # industries, and 新 alone is no chain.)
    for hit in _PLACE_END_IN_CHAIN.finditer(text, start, s):
        start = hit.end()
    # "某某经开区（杭州）飞地产业孵化基地": a bracket closing a place's name ends it too.
    while start < s and text[start] in _CLOSING_BRACKETS:
        start += 1
    # "中国美妆产业", "国家稀土产业…试点": the nation says where, like a place (美妆, 稀土).
    nation = _NATION_WORD.match(text, start, s)
    if nation is not None and s - nation.end() >= MIN_CHAIN_REST:
        start = nation.end()
    rank = _RANK_BEFORE_CHAIN.match(text, start, s)
    if rank is not None and s - rank.end() >= MIN_CHAIN_REST:
        start = rank.end()
    return start


_CLOSING_BRACKETS = "）)"
_NATION_WORD = re.compile("(?:中国|国家|我国|全国)(?!级)")  # (国家级 is a rank: judge's)


# Words that say what kind of company follows ("龙头企业安徽海螺…", "链主企业埃夫特…") or
# introduce a picture ("图为某某有限公司车间"); they are not part of the name. A firm's own part
# may be two characters ("驻外企业某某集团").
_ROLE_NOUNS = re.compile("企业|龙头|链主|厂商|厂家|图为")
MIN_NAME_AFTER_ROLE = 2


def _after_role_noun(text: str, start: int, s: int, rule: EntityRule) -> int:
    """Start the company name after the last role noun before it, when what follows is
    a name of its own ("企业管理有限公司" keeps 企业: 管理 alone is no name; "某某企业集团有限公司"
    keeps it too: 集团 is a suffix of its own, and the words after the role name no firm)."""
    last = -1
    for hit in _ROLE_NOUNS.finditer(text, start, s):
        last = hit.end()
    if last < 0 or s - last < MIN_NAME_AFTER_ROLE or judge(rule, text[last:s]) is not None:
        return start
    if text.endswith(rule.suffixes, last, s):
        return start
    return last


# Characters that stand between a place and a name only as function words.
_FUNCTION_CHARS = frozenset("在对向从由把将和与及等的为是了以于到至、")
MAX_TRADE_NAME_GAP = 3
_CLAUSE_MARK = "的"  # no trade name holds it
_PARTNER_JOINERS = frozenset("和与及同")


def _place_anchored_start(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """ "安徽澜至人形机器人科技有限公司": a company's legal name opens with a place and a
    trade name of a few characters; the segmenter may read a trade-name character as a
    function word (澜|至) and stop the walk there. A known place right before the stop,
    with only such a short gap of Han characters and no two-character verb, opens the
    name. (A single-character function word right after the place is kept out: 在, 向…)"""
    for m in reversed(matches):
        if m.end > start or m.surface.type != "Place" or m.surface.subtype == "Region":
            continue
        gap = text[m.end : start]
        if not 1 <= len(gap) <= MAX_TRADE_NAME_GAP or not _HAN_NAME_RUN.fullmatch(gap):
            return start
        if gap[0] in _FUNCTION_CHARS or _CLAUSE_MARK in gap or any(w in STOP_VERBS for w in segment(gap)):
            return start  # "安徽省上报的某某集团有限公司": 的 ends a clause about the place
        if gap[-1] in _PARTNER_JOINERS:
            return start  # "某区政府与某某有限公司": the place's body is the firm's partner
        return m.start
    return start


_HAN_NAME_RUN = re.compile(r"[\u4e00-\u9fff]+")
