"""Recognise place names by their form (…省/市/区/县/高新区/…), and count city mentions.

No list of the documents' places: a name is a short stem followed by an administrative
suffix. The only list is of well-known Chinese city and province names written without
their suffix in news text (合肥, 南京, 北京 …), which describes the world, not the seeds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

import ahocorasick_rs

from loaders.lexicon.gazetteer import PREFECTURE_LEVEL, load_divisions, short_form

_HAN = "\u4e00-\u9fff"
# Development zones and science cities take longer stems ("合肥高新区", "滨湖科学城").
_ZONE_SUFFIXES = "高新区|经开区|开发区|新站区|科学城|新区"
_PLACE_NAME = re.compile(
    rf"(?P<stem>[{_HAN}]{{2,6}}?)(?:{_ZONE_SUFFIXES})"
    rf"|(?P<admin>[{_HAN}]{{2,4}}?)(?:省|市|县)"
    rf"|(?P<district>[{_HAN}]{{2,3}}?)区"
)
# Stems that make generic words with an administrative suffix (全市, 城区, 示范区 …).
_GENERIC_WORDS = (
    "全市 本市 我市 该市 各市 城市 都市 市区 城区 园区 社区 片区 辖区 景区 校区 港区 "
    "示范 试验 实验 集聚 聚集 核心 先行 保税 综保 功能 行政 自贸 开发 高新 经开 新城 "
    "两区 三区 四区 各区 全区 本区 该区 地区 山区 湖区 库区 灾区 老区 新区 街区 "
    "各县 全县 本县 该县 郡县 市县 县区 区县 全省 本省 我省 该省 各省 外省 "
    "集中 展示 交流 转化 产业 科技 创新"
)
_GENERIC_STEMS = frozenset(_GENERIC_WORDS.split())
# Generic words that end a longer name-like phrase ("智慧社区", "科技园区").
_GENERIC_ENDINGS = ("社区", "园区", "城区", "片区", "景区", "校区", "街区", "辖区", "市区")
# Well-known names used without suffix in news text; value is the canonical name.
KNOWN_PLACES: dict[str, str] = {
    name: name + suffix
    for suffix, names in (
        (
            "市",
            "北京 上海 天津 重庆 合肥 南京 杭州 苏州 无锡 宁波 深圳 广州 武汉 成都 西安 "
            "长沙 郑州 济南 青岛 厦门 福州 南昌 沈阳 大连 长春 哈尔滨 石家庄 太原 昆明 "
            "贵阳 南宁 兰州 芜湖 蚌埠 淮南 马鞍山 安庆 滁州 六安 巢湖 东莞 佛山 珠海",
        ),
        (
            "省",
            "安徽 江苏 浙江 广东 山东 河南 河北 湖北 湖南 江西 福建 四川 陕西 山西 "
            "辽宁 吉林 黑龙江 云南 贵州 甘肃 海南 青海 台湾",
        ),
    )
    for name in names.split()
}
# How a division's full name ends (某某省, 某某市, 某某旗): a word so written names a place.
DIVISION_ENDINGS = ("省", "市", "区", "县", "州", "旗")
# The autonomous regions and special administrative regions by the short names a list of
# provinces writes them with (the provinces' own are among KNOWN_PLACES).
REGION_SHORT_NAMES = frozenset({"内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"})
# The longest name at the leftmost place, match after match: what an alternation of the
# names, longest first, finds, in one automaton pass (several times faster).
_KNOWN_PLACE = ahocorasick_rs.AhoCorasick(list(KNOWN_PLACES), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
_DISTRICT_SUFFIX = r"[区县]"
_DISTRICT_IN_TEXT = re.compile(
    rf"(?P<stem>[{_HAN}]{{2}})(?P<zone>{_ZONE_SUFFIXES})"
    # after a city or province, or in a coordination ("北京市顺义区", "和朝阳区")
    rf"|(?<=[市省和与及、])(?P<stem2>[{_HAN}]{{2}}){_DISTRICT_SUFFIX}"
    # after punctuation or at the start, when a local body or a verb of news follows
    rf"|(?:(?<=[^{_HAN}])|^)(?P<stem3>[{_HAN}]{{2}}){_DISTRICT_SUFFIX}"
    rf"(?=[^{_HAN}]|$|[和与及等的]|政协|政府|委|人大|管委|党|商务|人民|区域|企业|以|已|同样|坚持)"
)
# Every suffix _DISTRICT_IN_TEXT accepts (zones, 区, 县), by its last character.
_SUFFIXES = (*_ZONE_SUFFIXES.split("|"), "区", "县")
_SUFFIXES_BY_LAST_CHAR: dict[str, tuple[str, ...]] = {
    last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}
}
_SUFFIX_LAST_CHAR = re.compile("[" + "".join(sorted(_SUFFIXES_BY_LAST_CHAR)) + "]")
# Two-character generic stems: a stem ending in one is generic (looked up, not scanned).
_GENERIC_PAIRS = frozenset(word for word in _GENERIC_STEMS if len(word) == 2)
_MAX_PLACE_LENGTH = 10
# Zone words that name one place of the document's city when they stand alone.
_BARE_ZONES = frozenset({"高新区", "经开区", "新站区"})
# Function words that the leftmost match can swallow ("和朝阳区").
_LEADING_FUNCTION_CHARS = "和与及在的是为对向从把将了同或至到"


def place_by_form(text: str) -> str | None:
    """``text`` itself is a place name (a heading "庐江县", a table cell "蜀山区")."""
    text = text.strip()
    if text in _BARE_ZONES:
        return text
    if not 3 <= len(text) <= _MAX_PLACE_LENGTH:
        return None
    match = _PLACE_NAME.fullmatch(text)
    if match is None:
        return None
    stem = match.group("stem") or match.group("admin") or match.group("district") or ""
    generic = stem in _GENERIC_STEMS or text in _GENERIC_STEMS or text.endswith(_GENERIC_ENDINGS)
    return None if generic else text


def district_names(text: str) -> list[str]:
    """District, county and zone names (…区/县/高新区) found in running text.

    Any two characters before 区 are not yet a name ("先导区", "园区"), so a name must
    also stand where names stand: after a known city ("南京栖霞区"), after punctuation
    or a conjunction ("，朝阳区", "和朝阳区"), or before a local body ("栖霞区政协")."""
    found: list[str] = []
    for match in _district_matches(text):
        stem = match.group("stem") or match.group("stem2") or match.group("stem3")
        if stem not in _GENERIC_STEMS and not _ends_generic(stem) and not stem.endswith("级"):
            found.append(match.group())
    return found


def _district_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DISTRICT_IN_TEXT.finditer(text)``, found faster.

    Speed: the pattern opens with a character class and lookbehinds, so ``finditer``
    tries it at every character. Every match has a suffix two characters after its
    start, so trying only there, left to right and never inside the previous match,
    yields the same matches (lookbehinds see the whole string either way)."""
    resume = 0
    for start in _starts_before_suffixes(text):
        if start < resume:
            continue
        match = _DISTRICT_IN_TEXT.match(text, start)
        if match is not None:
            resume = match.end()
            yield match


def _starts_before_suffixes(text: str) -> list[int]:
    """Offsets two characters before any suffix, found from the suffixes' last
    characters (区, 县, 城), which are rarer than their first ones (新, 科)."""
    starts: set[int] = set()
    for hit in _SUFFIX_LAST_CHAR.finditer(text):
        after = hit.end()
        for suffix in _SUFFIXES_BY_LAST_CHAR[hit.group()]:
            start = after - len(suffix) - 2
            if start >= 0 and text.startswith(suffix, start + 2):
                starts.add(start)
    return sorted(starts)


def stem_of(place: str) -> str:
    """The name without its suffix ("栖霞区" -> "栖霞"), to find short mentions."""
    match = _PLACE_NAME.fullmatch(place)
    if match is None:
        return place
    return match.group("stem") or match.group("admin") or match.group("district") or place


def known_place_counts(text: str) -> Counter[str]:
    """Mentions of well-known cities and provinces, keyed by canonical name (合肥市)."""
    return Counter(map(KNOWN_PLACES.__getitem__, _KNOWN_PLACE.find_matches_as_strings(text)))


def city_counts(text: str) -> Counter[str]:
    """Mentions of provinces and of every prefecture-level city, by canonical name: the
    well-known ones as known_place_counts reads them, the others (荆门市, 宝鸡) by full name
    or by a short name no other division shares. What an article is about is read from
    these (loaders/read/articles.py)."""
    names, automaton = _city_automaton()
    return Counter(map(names.__getitem__, automaton.find_matches_as_strings(text)))


@cache
def _city_automaton() -> tuple[dict[str, str], ahocorasick_rs.AhoCorasick]:
    names = dict(_prefecture_forms())
    names.update(KNOWN_PLACES)
    return names, ahocorasick_rs.AhoCorasick(list(names), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _prefecture_forms() -> dict[str, str]:
    """Prefecture-level cities (reference data: divisions.tsv) by full name, and by short
    name where that short name is no other division's own or short name."""
    divisions = load_divisions().values()
    names = {d.name for d in divisions}
    cities = [d.name for d in divisions if d.level == PREFECTURE_LEVEL and d.name.endswith("市")]
    taken = Counter(short_form(d.name) or d.name for d in divisions)
    forms = {city: city for city in cities}
    for city in cities:
        short = short_form(city)
        if short is not None and taken[short] == 1 and short not in names:
            forms[short] = city
    return forms


def _ends_generic(stem: str) -> bool:
    return stem[-2:] in _GENERIC_PAIRS


# One-character abbreviations of provincial-level divisions, as written in runs of them
# ("沪苏浙皖", "京津冀", "川渝"). Alone each is an everyday character (苏, 新, 宁), so only
# a run of two or more names provinces. Characters that are common words or stand for
# several things in such runs (新, 宁, 青, 吉, 黑, 甘, 蒙, 港, 澳) are left out.
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省",
    "晋": "山西省", "辽": "辽宁省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省",
    "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省",
    "黔": "贵州省", "滇": "云南省", "陕": "陕西省", "陇": "甘肃省",
}  # fmt: skip
_ABBREVIATION = f"[{''.join(PROVINCE_ABBREVIATIONS)}]"
# Two abbreviations side by side: a cheap first test (most sentences have none); the
# run pattern with its open repeat is several times slower to scan with.
_ABBREVIATION_PAIR = re.compile(_ABBREVIATION * 2)
_ABBREVIATION_RUN = re.compile(f"{_ABBREVIATION}{{2,}}")


def province_abbreviations(text: str) -> list[tuple[int, str]]:
    """(offset, province name) for each character of a run of two or more distinct
    provincial abbreviations ("支持沪苏浙人才来肥" -> 上海市, 江苏省, 浙江省). Callers drop
    runs that lie inside longer names (江苏浙江)."""
    first = _ABBREVIATION_PAIR.search(text)
    if first is None:
        return []
    return [
        (at, PROVINCE_ABBREVIATIONS[text[at]])
        for run in _ABBREVIATION_RUN.finditer(text, first.start())
        if not _repeats(run.group())
        for at in range(run.start(), run.end())
    ]


def _repeats(run: str) -> bool:
    """A run such as 川川 or 苏苏 names no provinces."""
    return len(set(run)) < len(run)
