"""Candidates from the gazetteer's matches in a sentence, and the tests that drop a chosen
match whose sentence shows it names no entity (a place in a set phrase, an outlet's, an
event's or a street's name, a place's letters inside other words, a counted kind, an
academician's title, a centre of a city, a qualified thing, a river's bank); a
college written after its university joined to it."""

from __future__ import annotations

import re

from loaders.lexicon.gazetteer import LISTED_KIND
from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.lexicon.segmenter import segment
from loaders.mentions.candidates import GAZETTEER_SOURCE, LISTED_COMPANY_SOURCE, RULE_PRIORITY, Candidate
from loaders.mentions.firm_kinds import FIRMS_HEAD, MANY_FIRMS_BEFORE

_CENTRE_WORD = "中心"


def misread_in_its_sentence(text: str, cand: Candidate) -> bool:
    """Whether the words around ``cand`` show it names no entity (each test reads the
    candidate alone, so one pass over the chosen ones makes them all)."""
    return (
        _names_a_centre(text, cand)
        or _qualifies_a_thing(text, cand)
        or _place_in_a_set_phrase(text, cand)
        or _counted_kind(text, cand)
        or _academicians_title(text, cand)
        or _ends_inside_a_university_name(text, cand)
        or _place_inside_other_words(text, cand)
        or _place_in_a_persons_name(text, cand)
    )


_UNITS_OF_A_UNIVERSITY = ("学院", "研究生院")


def join_sub_colleges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A college or graduate school written right after its university ("中国科大科技商学院",
    "某某大学深圳研究生院") is one named unit of that university: 中国科学技术大学科技商学院."""
    joined: list[Candidate] = []
    for cand in chosen:
        parent = joined[-1] if joined else None
        if (
            parent is not None
            and parent.end == cand.start
            and parent.type == cand.type == "University"
            and cand.source == "university"
            and text.endswith(_UNITS_OF_A_UNIVERSITY, 0, cand.end)
        ):
            canonical = parent.canonical + name_form(text[cand.start : cand.end])
            joined[-1] = Candidate(parent.start, cand.end, "University", None, canonical, cand.source)
            continue
        joined.append(cand)
    return joined


# A place opening a newspaper's, broadcaster's or news site's name ("某市日报", "某省广播电视台",
# "某市网", "某省文明网讯", "某省频道", "某市证券报") names the outlet, mostly in a byline or
# source line; the text says nothing there of the place. A site's name ends the words there
# (a 物联网 or 电网 after a place is an industry or a grid, not an outlet).
_MEDIA_AFTER_PLACE = re.compile(
    "日报|晚报|新闻|电视台|广播|融媒|商报|证券|频道|在线"
    r"|(?![\u4e00-\u9fff]{0,2}?(?:联网|电网))[\u4e00-\u9fff]{0,2}网(?=[^\u4e00-\u9fff]|讯|$)"
)

# "某市奥运会", "某市会展中心", "某省第十届运动会": a place opening the name of an event or a
# venue names that event or hall; the text speaks of it, not of the place.
_EVENT_AFTER_PLACE = re.compile("奥运|冬奥|亚运|世博|展览馆|会展中心|(?:第[0-9一二三四五六七八九十]{1,3}届)?运动会")

# "某省路", "某市大道": a street named after a place (streets are no places); not 路演,
# 路线, 路径 (a roadshow or a route in the place) nor 路桥 (a district's name).
_STREET_AFTER_PLACE = re.compile("路(?![演线径上桥])|大道|大街")

# The country's broad geographic regions ("东北地区", "西南地区") written as the scope of a
# rank ("华南地区最大的", "东北地区唯一", "在西南地区具有…意义") measure a body or a plant
# against the region; the text speaks of the body. "东北部", "东北方" is a direction.
_BROAD_REGIONS = frozenset({"华北地区", "华东地区", "华中地区", "华南地区", "西南地区", "西北地区", "东北地区"})
_RANK_AFTER_REGION = re.compile("(?:地区)?(?:最|唯一|首个|首家|第一|规模|重要|领先|具有)")
_DIRECTION_AFTER = ("部", "方", "角")


# "中共某市委组织部": a party body's full name, mostly a host or source line; the place
# is part of the body's name (titles of officials: city_scope.drop_other_places_titles).
_PARTY_BODY = re.compile("委(?:组织部|宣传部|统战部|办公厅)")


def _place_in_a_set_phrase(text: str, cand: Candidate) -> bool:
    """A place written only as part of an outlet's name, an official's title or a kind."""
    if cand.type != "Place":
        return False
    if _MEDIA_AFTER_PLACE.match(text, cand.end) is not None or _names_a_thing_after_it(text, cand):
        return True
    if text.startswith("实验室", cand.end) and text.endswith("省", cand.start, cand.end):
        return True  # "两个某省实验室": the province's kind of laboratory, the province is no topic
    return (
        text.endswith(("省", "市"), cand.start, cand.end)
        and text.endswith("中共", 0, cand.start)
        and _PARTY_BODY.match(text, cand.end) is not None
    )


def _names_a_thing_after_it(text: str, cand: Candidate) -> bool:
    """A place that opens an event's or a street's name, or a broad region that
    scopes a rank."""
    if _EVENT_AFTER_PLACE.match(text, cand.end):
        return True
    if _STREET_AFTER_PLACE.match(text, cand.end):
        return True
    if cand.canonical in _BROAD_REGIONS:
        return _RANK_AFTER_REGION.match(text, cand.end) is not None or text.startswith(_DIRECTION_AFTER, cand.end)
    return False


# Characters read on each side of a place when its words are segmented.
_WORD_WINDOW = 3
# Names this long or shorter may be runs inside other words: a two-character short name, or a
# three-character one in full ("沿海|城市群" holds 海城市); a longer one is rarely.
_RUN_NAME_CHARS = 3
_SHORT_NAME_CHARS = 2


def _place_inside_other_words(text: str, cand: Candidate) -> bool:
    """A gazetteer place of two or three characters whose first and last characters the words
    around it take ("沿海|口岸" holds 海口, "涂山|东麓" holds 山东, "沿海|城市群" holds 海城市) is a
    run of letters inside other words, no place. One side alone is too weak: the segmenter errs
    at a name's edge."""
    if cand.type != "Place" or cand.source != GAZETTEER_SOURCE or cand.end - cand.start > _RUN_NAME_CHARS:
        return False
    floor = max(0, cand.start - _WORD_WINDOW)
    at = floor
    first_taken = last_taken = False
    for token in segment(text[floor : cand.end + _WORD_WINDOW]):
        end = at + len(token)
        first_taken = first_taken or at < cand.start < end < cand.end
        last_taken = last_taken or cand.start < at < cand.end < end
        at = end
    return first_taken and last_taken


# A title and a surname before a place's short name ("副校长陈桂林", "记者朱长春"): the place's
# letters end a person's given name. (The commonest surnames: a rarer one is taken as
# written.)
_TITLE_AND_SURNAME = re.compile(
    "(?:校长|院长|书记|主任|市长|区长|县长|局长|厅长|部长|处长|所长|董事长|总经理|经理|主席|记者|教授|研究员|专家)"
    "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]$"
)


def _place_in_a_persons_name(text: str, cand: Candidate) -> bool:
    """A place's short name that ends a person's name a title introduces."""
    if cand.type != "Place" or cand.end - cand.start != _SHORT_NAME_CHARS:
        return False
    return _TITLE_AND_SURNAME.search(text, max(0, cand.start - 4), cand.start) is not None


# "42个省部级海洋实验室", "建成5个量子实验室": a count before a rule-found body names how
# many of a kind there are, not one body (names that are data, like 国家实验室 lists, keep
# their own path: loaders.mentions.counted_kinds).
_COUNT_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千两几]+(?:余|多)?[个家所座]$")
_COUNTABLE_BODIES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute", "LargeScientificFacility"})


def _counted_kind(text: str, cand: Candidate) -> bool:
    if cand.type not in _COUNTABLE_BODIES or cand.priority != RULE_PRIORITY:
        return False
    return _COUNT_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None


# "中国科学院院士某某", "中国工程院院士": an academy written as part of a scientist's title
# says what the person is; the text does not speak of the academy there.
_ACADEMICIAN = "院士"


def _academicians_title(text: str, cand: Candidate) -> bool:
    return cand.type == "ResearchInstitute" and text.startswith(_ACADEMICIAN, cand.end)


def _ends_inside_a_university_name(text: str, cand: Candidate) -> bool:
    """A university's short name ending in 大 right before 学 is the tail of a longer
    university's name: 北大 in "中北大学", 港大 in "香港大学", 台大 in "烟台大学"."""
    return cand.type == "University" and text.endswith("大", cand.start, cand.end) and text.startswith("学", cand.end)


def _names_a_centre(text: str, cand: Candidate) -> bool:
    """An industry right before 中心 ("工业设计中心", "检验检测中心") qualifies an
    institution; the text speaks of the centre, not of the industry."""
    return cand.type == "IndustryChain" and text.startswith(_CENTRE_WORD, cand.end)


# Nouns that a bare industry word qualifies when the text speaks of a technique, a
# product or a body rather than of the industry ("芯片设计技术", "锂电池精密结构件",
# "医疗器械检验检测中心", "金融科技企业"). Not 核心产业: "数字经济核心产业" counts the
# industry's own core, which names it; nor 企业 and a count ("集成电路企业150余家"): the text
# counts the industry's firms, and so speaks of the industry.
_QUALIFIED_NOUNS = re.compile(
    "技术|关键|研发|检验|检测|精密|结构件|企业(?![0-9一二三四五六七八九十百千两超近逾达])|器件|部件|产品|工艺|药物|专用|核心(?!产业)|创制|"
    # (not a production base: "全国重要的电力装备生产基地" names the industry the place hosts)
    "退火|镀膜|研究|应用|标准|人才|专业|学院|项目|衍生|基地|生产(?!基地)|模组|材料研发|器(?!械)|"
    # a product or a part made for the industry ("储能电池", "风电叶片", "汽车电子配件"), a
    # platform, a park, a meeting or an agency named by it ("大数据平台", "物联网园区",
    # "机器人大赛", "科技服务机构"), or a photograph's view ("无人机视角", "无人机航拍")
    "电池|叶片|配件|平台|开源|园区|园|大会|大赛|机构|视角|航拍"
)


def _qualifies_a_thing(text: str, cand: Candidate) -> bool:
    """A bare industry name (the gazetteer's, without 产业) right before such a noun
    qualifies the noun; the text does not name the industry there."""
    if cand.type != "IndustryChain" or cand.source != GAZETTEER_SOURCE:
        return False
    named_firms = _AFTER_DENG.search(text, 0, cand.start) or MANY_FIRMS_BEFORE.search(text, 0, cand.start)
    if named_firms and FIRMS_HEAD.match(text, cand.end):
        # "A公司等(众多)智能装备(龙头)企业", "等集成电路核心部件配套企业", "一批优质光伏企业":
        # the firms are named by their industry (firm_kinds.py)
        return False
    return _QUALIFIED_NOUNS.match(text, cand.end) is not None


# Between a list's 等 and the industry that names its firms: a count or a word of many
# and a short modifier ("等众多新锐", "等10家"); after it, the firms' head noun
# (firm_kinds.FIRMS_HEAD).
_AFTER_DENG = re.compile(
    r"等(?:为代表的|为首的|为引领的)?(?:[0-9一二三四五六七八九十百千两多几]+[家个批])?(?:众多|诸多|一批|一大批|大批)?"
    r"[\u4e00-\u9fff]{0,2}$"
)


def from_surface(match: SurfaceMatch) -> Candidate:
    s = match.surface
    return Candidate(
        match.start,
        match.end,
        s.type,
        s.subtype,
        s.canonical,
        LISTED_COMPANY_SOURCE if s.kind == LISTED_KIND else GAZETTEER_SOURCE,
        s.needs_context,
        s.division_codes,
    )


# "深圳河南侧", "长江北岸": a water word and a direction followed by a side word is a
# bank or side of that water, not the province whose name it spells (河南, 湖北, 江西).
_WATER = frozenset("河江湖海")
_DIRECTION = frozenset("东南西北")
_SIDE = ("侧", "岸", "畔", "边", "沿", "面")


def riverside_phrase(text: str, cand: Candidate) -> bool:
    if cand.type != "Place" or cand.end - cand.start != 2:
        return False
    first, second = text[cand.start], text[cand.start + 1]
    return first in _WATER and second in _DIRECTION and text.startswith(_SIDE, cand.end)
