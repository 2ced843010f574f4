"""Firms written at the head of the projects they build: "某某电子12英寸晶圆项目",
"A化工新材料、B医药制剂厂等重点项目", "A科技、B光电等6个项目".

Reports on investment list projects by the firm that builds them, the firm's short name
glued to the product or plant ("某某电子8英寸传感器项目"); no suffix rule sees such a firm.
Inside a project item, a run of two to four characters and a head word of company names
(电子, 化工, 医药…: the cue words of ``data/company_short_names.json``) at the item's start
is the firm; so is a known firm (the gazetteer's) there. An item is a member of a list
closed by "等…项目" or the words right before 项目. A park named after a firm ("A产业园等
项目") stays a park: the longer name is chosen first.

A firm's name may also run straight into the product its project makes, with no head word:
"某某石墨烯散热片项目" (a coined name, then an industry or a product of the vocabularies), or
its head word may open the product ("某某锂电池隔膜": 锂电 is the start of 锂电池) or follow a
word of grade ("某某高端锂电材料"): the firm ends where the product starts.

A firm is often written by the province or city it is registered in and its brand
("某省某某年产…项目", "某市某某汽车座椅…项目"): the place opens the firm's name when a
firm opens the rest of the item, and the name is the place and the brand alone. An item
of a report on investment may open with its sum ("、5亿元的某某…项目").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import rjieba

from loaders.lexicon.chain_names import (
    industry_terms,
    is_industry_term,
    is_segment_term,
    is_vocabulary_term,
    segment_terms,
    term_lengths_opening_with,
)
from loaders.lexicon.place_names import DIVISION_ENDINGS, KNOWN_PLACES
from loaders.mentions.list_walk import RUN_BREAKS
from loaders.mentions.short_names import NO_FIRM_OPENING_CHARS, company_head_words, field_before_head, is_coined_word

# "等6个项目", "等在内的9个常州项目", "等在建产业项目", "等重点项目": a list closed by 等
# and a short modifier before 项目.
_COUNT = r"(?:[0-9一二三四五六七八九十百两多几]+ ?(?:余|多)?个)?"
_LIST_CLOSE = re.compile(rf"等(?:在内的)?{_COUNT}[^\W\d_、的]{{0,6}}$")
_MAX_CLOSE_CHARS = 14
_CLAUSE_BREAK = re.compile(rf"[{RUN_BREAKS}◆]")
# Tokens after which a project item may open in a list's first chunk ("重庆引入|A电子…",
# "投资8亿元的|A生物…"): a verb, a preposition, 的.
_OPENING_TAGS = frozenset({"v", "p", "uj", "ul"})
_PRONOUN = "r"  # 其中, 该, 这些
# National and regional words open programmes and places, no firm's own name.
_NOT_COINED_OPENINGS = ("国家", "全国", "全省", "全市")
MAX_CHUNK_CHARS = 40


@dataclass(frozen=True, slots=True)
class ProjectFirm:
    start: int
    end: int
    known: bool  # a known firm (the gazetteer's) opens the item


@cache
def _firm_at_item_start() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, sorted(company_head_words(), key=len, reverse=True)))
    return re.compile(rf"(?P<stem>[\u4e00-\u9fff]{{2,4}}?)(?P<head>{heads})")


@dataclass(frozen=True, slots=True)
class KnownNames:
    """Spans of the gazetteer's names in the text: firms, places, industries and other
    bodies (institutes, universities…)."""

    firms: list[tuple[int, int]]
    places: set[tuple[int, int]]
    industries: list[tuple[int, int]]
    bodies: set[int]  # where they start
    # the gazetteer's name of each known firm, by its span
    firm_names: dict[tuple[int, int], str] = field(default_factory=dict)


def project_firms(text: str, known: KnownNames) -> list[ProjectFirm]:
    """Firms opening the project items of ``text``."""
    firms: list[ProjectFirm] = []
    for project in re.finditer("项目", text):
        listed, items = _project_items(text, project.start())
        bare = listed and not _lists_things(text, items)
        for start, end in items:
            firm = _firm_opening(text, start, end, known, listed, bare)
            if firm is not None and firm not in firms:
                firms.append(firm)
    return firms


def _project_items(text: str, at: int) -> tuple[bool, list[tuple[int, int]]]:
    """Whether the items before ``at`` (where 项目 is) are a list (closed by 等 or joined
    by 、), and the (start, end) of its items; the first item's start is where the list's
    first chunk may open an item: each of them."""
    close = _LIST_CLOSE.search(text, max(0, at - _MAX_CLOSE_CHARS), at)
    end = close.start() if close is not None else at
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, end - MAX_CHUNK_CHARS * 3), end)]
    clause_start = breaks[-1] if breaks else max(0, end - MAX_CHUNK_CHARS * 3)
    chunks = text[clause_start:end].split("、")
    if close is None and len(chunks) == 1 and end - clause_start > MAX_CHUNK_CHARS:
        return False, []  # a long clause before 项目 is no item
    items: list[tuple[int, int]] = []
    offset = clause_start
    for index, chunk in enumerate(chunks):
        if index == 0:
            items += [(offset + s, offset + len(chunk)) for s in _opening_offsets(chunk)]
        else:
            items.append((offset + _after_amount(chunk), offset + len(chunk)))
        offset += len(chunk) + 1
    return close is not None or len(chunks) > 1, items


# A list of firms standing for the projects they build ("引进A科技、B、C药业等项目", "A、B、C等
# 7个重大项目集中开工"): where most items are firms already, a short name alone is one too, though
# the dictionary knows its stem (连通机电) or no head word ends it (九州通). A site, a body or a
# project (…基地, …研究院, …产业园) is never one. Only items after the first 、 are read: the
# first runs on from the clause's verb.
_PLACE_TAILS = ("岛", "城", "园", "港", "谷", "湾", "区", "镇", "村", "湖", "山")  # 科创岛: a site
MIN_LISTED_ITEMS = 3
MIN_LISTED_FIRMS = 2
_LISTED_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z]{1,9}")
_NOT_FIRM_TAILS = (
    *_PLACE_TAILS,
    *("项目", "基地", "工程", "中心", "院", "所", "校", "大学", "医院", "厂", "线", "站", "馆", "场", "楼"),
)
_PREDICATE_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d", "m", "f", "p", "c", "u", "r", "t"})


def listed_firms(text: str, firms: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Short names alone in a list of projects most of whose items are firms (``firms``: the
    spans of firms found; ``others``: of other names found)."""
    found: list[tuple[int, int]] = []
    for project in re.finditer("项目", text):
        items = _closed_list_items(text, project.start())
        if len(items) < MIN_LISTED_ITEMS:
            continue
        opened = [_opened_by_firm(item, firms, first=index == 0) for index, item in enumerate(items)]
        if sum(opened) < MIN_LISTED_FIRMS or 2 * sum(opened) < len(items):
            continue
        found += [
            (a, b)
            for (a, b), firm in zip(items[1:], opened[1:], strict=True)
            if not firm and not _overlaps((a, b), [*firms, *others]) and _listed_short_name(text[a:b])
        ]
    return found


def _closed_list_items(text: str, at: int) -> list[tuple[int, int]]:
    """The items of the list closed by "等…" right before ``at`` (where 项目 is), split at 、;
    none when no 等 closes it. The first item runs back to the clause's start."""
    close = _LIST_CLOSE.search(text, max(0, at - _MAX_CLOSE_CHARS), at)
    if close is None:
        return []
    end = close.start()
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, end - MAX_CHUNK_CHARS * 3), end)]
    start = breaks[-1] if breaks else max(0, end - MAX_CHUNK_CHARS * 3)
    items: list[tuple[int, int]] = []
    for chunk in text[start:end].split("、"):
        items.append((start, start + len(chunk)))
        start += len(chunk) + 1
    return items


def _opened_by_firm(item: tuple[int, int], firms: list[tuple[int, int]], first: bool) -> bool:
    """Whether a firm opens the item (maybe before its product: "A乙二醇"); the first item,
    which runs back to the clause's verb, needs one ending it instead."""
    a, b = item
    if first:
        return any(a <= fa and fb == b for fa, fb in firms)
    return any(fa == a and fb <= b for fa, fb in firms)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _listed_short_name(name: str) -> bool:
    """A firm's short name: a few characters (or Latin letters), no word of the dictionary,
    place, industry or product, no site's or body's tail; unless a company head word ends it,
    no verb or function word of two characters or more inside ("扩建厂房"; one-character
    words may be part of a name: "某州|通")."""
    if not _LISTED_NAME.fullmatch(name) or name.endswith(_NOT_FIRM_TAILS):
        return False
    if rjieba.has_word(name) or name in KNOWN_PLACES or _names_a_term(name):
        return False
    if name[0] in NO_FIRM_OPENING_CHARS or name.startswith(_NOT_COINED_OPENINGS):
        return False
    if _firm_at_item_start().fullmatch(name):
        return True  # a head word ends it: its stem may be a word ("连通|机电")
    return not any(len(word) > 1 and tag in _PREDICATE_TAGS for word, tag in rjieba.tag(name))


# Reports of investment open each project item with its sum ("、10亿元的某某年产…项目",
# "、总投资5.6亿元的某某…项目"): the item's own name opens after it.
_AMOUNT_OPENING = re.compile(r"(?:总?投资)?约?\d+(?:\.\d+)?\s*(?:亿|万|千万)?元的")


def _after_amount(chunk: str) -> int:
    """Where the item opens in a list's later ``chunk``: after a leading sum, else 0."""
    amount = _AMOUNT_OPENING.match(chunk)
    return amount.end() if amount is not None else 0


def _opening_offsets(chunk: str) -> list[int]:
    """Offsets in ``chunk`` where an item may open: its start and after each verb,
    preposition or 的, or a word of projects the item stands in apposition to ("重点项目|某某…项目")."""
    offsets = [0]
    position = 0
    for word, tag in rjieba.tag(chunk):
        if position == 0 and tag == _PRONOUN:
            offsets = []  # "其中某某机电等项目": a pronoun opens the clause, never a firm's name
        position += len(word)
        if tag in _OPENING_TAGS or tag == _PRONOUN or word == "的" or word.endswith("项目"):
            offsets.append(position)
    return offsets


def _lists_things(text: str, items: list[tuple[int, int]]) -> bool:
    """Whether an item of the list is a word of the dictionary or a term of the vocabulary
    ("拉棒、切片、电池片等项目": steps and products of a plant, not firms)."""
    return any(rjieba.has_word(text[a:b]) or _names_a_term(text[a:b]) for a, b in items)


def _names_a_term(name: str) -> bool:
    return is_industry_term(name) or is_segment_term(name) or is_vocabulary_term(name)


def _firm_opening(
    text: str, start: int, end: int, known: KnownNames, listed: bool, bare: bool = False
) -> ProjectFirm | None:
    """The firm opening the item ``text[start:end]``, with the province or city short form
    that may open its name ("某省某某年产…项目", "某市某某汽车座椅…项目": a firm is named by
    where it is registered, then its own coined name): the place is the firm's when a firm
    opens the rest of the item."""
    own = start + (_place_prefix(text[start:end]) or _known_short_place(text, start, end, known))
    if own > start:
        firm = _firm_opening_itself(text, own, end, known, listed, bare)
        # (a known firm after the place is that firm's site there: "某市某知名企业基地项目")
        if firm is not None and firm.start == own and not firm.known:
            return ProjectFirm(start, _without_trade_word(text, own, firm.end, end), known=False)
    return _firm_opening_itself(text, start, end, known, listed, bare)


def _without_trade_word(text: str, start: int, firm_end: int, item_end: int) -> int:
    """Where a firm written by its place and its brand ends: a firm so written is named by
    the two alone ("某省某某"), so a head word after the brand that the item's product runs on
    from ("某市某某汽车座椅…", "某市某某智能装备…") is the product's."""
    if firm_end >= item_end:
        return firm_end  # the head word closes the item: it is the firm's ("某市某某科技")
    match = _firm_at_item_start().fullmatch(text, start, firm_end)
    return match.start("head") if match is not None else firm_end


def _firm_opening_itself(
    text: str, start: int, end: int, known: KnownNames, listed: bool, bare: bool = False
) -> ProjectFirm | None:
    """The firm opening the item ``text[start:end]``; in a list of projects the item may
    be the firm alone ("A科技、B光电等6个项目"), and (``bare``: in a list of names, no
    common words) a short name with no head word ("A、B等20个项目")."""
    match = _firm_at_item_start().match(text, start, end)
    for a, b in known.firms:
        # a head word running over the known name's end ("华润微|电子") shows a longer name
        if a == start and b <= end and (match is None or not match.start("head") < b < match.end()):
            # (only where the head word ends the item: "某某动力电池项目" names a product after it)
            if (
                match is not None
                and match.end() == end
                and _another_firm_of_the_name(match, b, known.firm_names.get((a, b), ""))
            ):
                return ProjectFirm(start, match.end(), known=False)
            return ProjectFirm(a, b, known=True)
    if match is None:
        capacity_firm = _firm_before_capacity(text, start, end, known)
        if capacity_firm is not None:
            return capacity_firm
        product_firm = _firm_before_product(text, start, end, known)
        if product_firm is not None or not bare:
            return product_firm
        return _bare_firm(text, start, end, known)
    if match.end() == end and not listed:
        return None
    graded = _grade_inside(match.group("stem"))
    if graded >= _MIN_STEM:
        # "某某高端锂电材料项目": a word of grade opens the product, the firm is before it
        name = text[start : start + graded]
        return ProjectFirm(start, start + graded, known=False) if _is_coined(name) else None
    if _head_opens_product(text, match, end, known):
        # "某某锂电池隔膜项目": the head word 锂电 opens the product 锂电池, the firm is before it;
        # "某某智能制造服务中心项目": the head 智能 opens the known industry 智能制造
        stem, head_start = match.group("stem"), match.start("head")
        a_place = (start, head_start) in known.places or start in known.bodies or stem in KNOWN_PLACES
        return ProjectFirm(start, head_start, known=False) if _is_coined(stem) and not a_place else None
    if not _is_coined(match.group("stem")) or _reads_otherwise(text, match, known):
        return None
    return ProjectFirm(start, match.end(), known=False)


def _another_firm_of_the_name(match: re.Match[str], known_end: int, known_name: str) -> bool:
    """Whether a head word right after a known firm's short name makes another firm's name:
    "某鑫机械" where the known 某鑫 is a memory maker, whose own name holds no 机械 (a sister
    firm or a namesake); not "某为技术", whose known firm's name holds 技术."""
    return match.start("head") == known_end and bool(known_name) and match.group("head") not in known_name


# A firm's short name alone as an item of a list of projects ("A、B等20个项目"): two to four
# characters that are no word of the dictionary (道路, 中小学校, 城市更新) and, when the dictionary splits them, only
# proper nouns (not "钨钼|合金", a product, or "引江济淮|总部", a site).
_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_BARE_NAME_TAGS = frozenset({"nr", "ns", "nz", "nrfg", "nrt", "j"})


def _bare_firm(text: str, start: int, end: int, known: KnownNames) -> ProjectFirm | None:
    """The item ``text[start:end]`` of a list of projects when it is a firm's short name alone."""
    name = text[start:end]
    if not _BARE_NAME.fullmatch(name) or rjieba.has_word(name) or not _is_coined(name):
        return None
    if _names_known_other(start, end, known):
        return None
    words = rjieba.tag(name)
    if len(words) > 1 and not all(tag in _BARE_NAME_TAGS for _, tag in words):
        return None
    if name in KNOWN_PLACES or name.endswith(_PLACE_TAILS) or _names_a_term(name):
        return None
    return ProjectFirm(start, end, known=False)


# A firm's short name glued to the product its project makes ("某某氧化铝项目", "某某石墨烯
# 扬声器项目"): two to four coined characters, then an industry the gazetteer knows or a
# product of the vocabulary, maybe after a word of grade ("某某高端锂电材料").
_MIN_STEM, _MAX_STEM = 2, 4
_GRADE_WORDS = ("高端", "高纯", "高性能", "新型", "先进")
_MIN_PRODUCT_CHARS = 3


def _firm_before_product(text: str, start: int, end: int, known: KnownNames) -> ProjectFirm | None:
    """The firm opening the item ``text[start:end]`` when a product follows its name."""
    for stem_end in range(start + _MIN_STEM, min(start + _MAX_STEM, end - 1) + 1):
        if not _product_at(text, stem_end, end, known):
            continue
        if _clause_after(text[stem_end:end]):
            return None
        name = text[start:stem_end]
        if not _BARE_NAME.fullmatch(name) or not _is_coined(name) or not _one_name(name):
            return None
        if _names_known_other(start, stem_end, known) or name in KNOWN_PLACES or name.endswith(_PLACE_TAILS):
            return None
        return ProjectFirm(start, stem_end, known=False)
    return None


# What a plant will make a year, right after the firm that builds it ("某某20万吨多晶硅项目",
# "某某10GW电池片项目"): a count and a unit of output.
_CAPACITY = re.compile(r"(?:年产)?\d+(?:\.\d+)?\s*(?:万吨|吨|GWh|GW|MW|亿片|万片|万套|万辆|万台|万千米|千米|万米)")
_MAX_CAPACITY_NAME = 6


def _firm_before_capacity(text: str, start: int, end: int, known: KnownNames) -> ProjectFirm | None:
    """The firm opening the item ``text[start:end]`` when the plant's output follows its
    name: a coined name of two to four characters, maybe after its province or city
    ("某省某某20万吨…项目": the place is part of the short name)."""
    for name_end in range(start + _MIN_STEM, min(start + _MAX_CAPACITY_NAME, end) + 1):
        if _CAPACITY.match(text, name_end, end) is None:
            continue
        own = start + _place_prefix(text[start:name_end])
        name = text[own:name_end]
        if not _MIN_STEM <= len(name) <= _MAX_STEM or not _BARE_NAME.fullmatch(name):
            return None
        if _names_known_other(own, name_end, known):
            return None
        # After its province or city the firm's own name may be a word of the dictionary
        # ("某省万安", "某省炼化": a trade word); alone it must be coined.
        if not (_placed_word(name) if own > start else _is_coined(name) and _one_name(name)):
            return None
        if name in KNOWN_PLACES or name.endswith(_PLACE_TAILS):
            return None
        return ProjectFirm(start, name_end, known=False)
    return None


_SHORT_PLACE_CHARS = (2, 3)


def _known_short_place(text: str, start: int, end: int, known: KnownNames) -> int:
    """Length of a place the gazetteer knows written by its short form (宁夏, 内蒙古) at
    ``start``, 0 when none opens the item there."""
    for a, b in known.places:
        if a == start and b < end and b - a in _SHORT_PLACE_CHARS and not text[a:b].endswith(DIVISION_ENDINGS):
            return b - a
    return 0


def _placed_word(name: str) -> bool:
    """A firm's own name after its place: one word of the dictionary, or one coined run,
    no function word opening it."""
    return name[0] not in NO_FIRM_OPENING_CHARS and len(rjieba.tag(name)) == 1


def _place_prefix(name: str) -> int:
    """How many characters of a place's name open ``name`` (某省, 某市), 0 when none does."""
    return next((n for n in (3, 2) if len(name) > n and name[:n] in KNOWN_PLACES), 0)


def _one_name(name: str) -> bool:
    """No word of the dictionary, and proper nouns only when it splits ("健康|医疗" is a field)."""
    if rjieba.has_word(name):
        return False
    words = rjieba.tag(name)
    return len(words) == 1 or all(tag in _BARE_NAME_TAGS for _, tag in words)


def _clause_after(words: str) -> bool:
    """Whether a verb inside ``words`` (not its last word: 制造, 分离 close a project's
    name) shows a clause, not a product ("…服务入选国家示范项目")."""
    return any(tag == "v" for _word, tag in rjieba.tag(words)[:-1])


def _head_opens_product(text: str, match: re.Match[str], end: int, known: KnownNames) -> bool:
    """Whether the head word runs on into a longer product of the vocabulary (锂电|池) or
    a longer industry the gazetteer knows (智能|制造)."""
    head = match.start("head")
    if any(a == head and match.end() < b <= end for a, b in known.industries):
        return True
    return any(is_vocabulary_term(text[head:b]) for b in range(match.end() + 1, end + 1))


def _grade_inside(stem: str) -> int:
    """Where a word of grade starts in ``stem``; -1 when none is in it."""
    return min((i for i in (stem.find(g) for g in _GRADE_WORDS) if i >= 0), default=-1)


def _product_at(text: str, at: int, end: int, known: KnownNames) -> bool:
    """Whether an industry or a product of the vocabulary opens ``text[at:end]``, and more
    than a short trade word follows the name ("某某冶金" is the firm's whole name)."""
    if end - at < _MIN_PRODUCT_CHARS:
        return False
    for grade in _GRADE_WORDS:
        if text.startswith(grade, at, end):
            # a word of grade right after a coined name opens what the plant makes
            # ("某某高端车辆零部件项目"), whether or not the vocabulary knows the product
            return end - at - len(grade) >= _MIN_PRODUCT_CHARS
    # An industry closing the item may end the firm's name ("某某太阳能", "某某冶金"); a
    # product there, or an industry with more words after it, is what the project makes.
    if any(a == at and b < end for a, b in known.industries):
        return True
    # (Speed: of the lengths two and more that fit, only those of terms opening with the
    # first character are tried.)
    first = text[at : at + 1]
    if any(
        is_segment_term(text[at : at + n])
        for n in term_lengths_opening_with(first, segment_terms())
        if 2 <= n <= end - at
    ):
        return True
    return any(
        is_industry_term(text[at : at + n])
        for n in term_lengths_opening_with(first, industry_terms())
        if 2 <= n < end - at
    )


def _names_known_other(start: int, end: int, known: KnownNames) -> bool:
    """Whether a known place, industry or body overlaps ``[start, end)``."""
    return start in known.bodies or _overlaps((start, end), [*known.places, *known.industries])


# After a head word, characters that make the run a place's name (某某科技城, 某某电子园).
_PLACE_AFTER_HEAD = frozenset("城园谷港")


def _reads_otherwise(text: str, match: re.Match[str], known: KnownNames) -> bool:
    """Whether the run is rather a place and an industry ("湖北电子化学品"), a known body's
    unit ("中科院电子学研究所"), a place's name (某某科技城), or holds an industry that
    runs into the stem or on past the head ("卫星通信", "某某生物医药港", "某某新能源汽车")."""
    start, head_start, end = match.start(), match.start("head"), match.end()
    if (start, head_start) in known.places or start in known.bodies:
        return True
    if field_before_head(match.group("stem"), match.group("head")):
        return True
    if end < len(text) and text[end] in _PLACE_AFTER_HEAD:
        return True
    return any(a < end and start < b and (a < head_start or b > end) for a, b in known.industries)


# A count of kinds ("四大", "九大", "两个"): "四大新能源汽车整车项目" counts projects.
_COUNT_OF_KINDS = re.compile("[0-9一二三四五六七八九十百两几多数]+[大个项类]")


def _is_coined(stem: str) -> bool:
    """A firm's own part of the name: no function word or count opens it, and it is no
    common word of the dictionary (蜂巢, 智能 are)."""
    if stem[0] in NO_FIRM_OPENING_CHARS or stem.startswith(_NOT_COINED_OPENINGS) or _COUNT_OF_KINDS.match(stem):
        return False
    words = rjieba.tag(stem)
    if len(words) == 1 and not rjieba.has_word(stem):
        return True  # one run the dictionary lacks: its tag (often v, "讴神") is only a guess
    tags = [tag for _, tag in words]
    if any(tag.startswith("v") or tag in ("p", "c", "u", "m", "d", "f") for tag in tags):
        return False
    if tags[0] == "q" and len(words[0][0]) == 1:
        return False  # "4 项航空…": a measure word after a count
    return is_coined_word(stem, tags)
