"""Firms named right after what they are: "国内最大的光罩厂商青石、…", "龙头企业星海等".

Pages that describe a chain introduce its firms by a phrase that ends in a firm's role noun
(厂商, 供应商, 生产企业, 龙头企业) and then give the firm's short name, with no suffix a rule
could see. The name runs from the role noun to the next mark of a list or clause (、，；。,
等, 以及, 和). A role noun only counts after a description closed by 的 ("全球前五的封测厂商")
or as a ranking of firms (龙头企业, 骨干企业); a name that is one common word (发展, 规模) or
that a known name overlaps is no firm of its own.

A firm's tie to another firm works the same way: "引进龙头的上下游关联企业A、B、C。", "配套企业
A。" name the firms after the tie, with or without 等. Such a list ends at the clause's end, so
each member must read as a firm's short name: a brand of two to four characters and a trade
word firms end in (实业, 电缆, 精工: company_short_names.json), not a field and its industry.
"""

from __future__ import annotations

import re

import rjieba

from loaders.mentions.entity_rules import RANKED_FIRM
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.member_names import acceptable_firm, reads_as_phrase
from loaders.mentions.short_names import company_head_words, field_before_head

_ROLE = "(?:厂商|供应商|制造商|服务商|提供商|代工厂(?!商)|生产企业|制造企业)"
# The name holds no function word; after a ranking without 的 it must stand in a list.
_NAME = r"(?P<name>(?:(?![的和与及等])[\u4e00-\u9fffA-Za-z]){2,8}?)"
_APPOSED = re.compile(
    rf"(?:的[^\W\d_，。；的、]{{0,12}}?{_ROLE}|(?P<ranked>{RANKED_FIRM})){_NAME}"
    r"(?:(?<=.)(?=[、，,；;。]|等|以及|和))"
)
_IN_LIST = re.compile("、|等|以及")
# "两大核心企业——A和B": the firms a head announces after a dash, up to the clause's end
# or an adverb of the clause they are the subject of (均, 都, 分别, 共同).
_DASHED = re.compile(
    r"(?:企业|公司|厂商)——(?P<list>[\u4e00-\u9fffA-Za-z、和及与]{2,40}?)(?=[，。；,;：:！？\s]|均|都|分别|共同)"
)
_DASHED_MEMBER = re.compile("(?:(?!以及|和|及|与)[\u4e00-\u9fffA-Za-z])+")
# "上下游关联企业A、B、C。": firms named after their tie to another firm, up to the clause's end.
_LINKED = re.compile(r"(?:关联|配套)企业(?P<list>[\u4e00-\u9fff、]{3,60}?)等?(?=[，。；,;！？\s]|$)")
_LINKED_STEM_CHARS = range(2, 5)


# "领军企业“某某微电子”、瑞典仪器公司“Acme Optics AB Limited”": a firm's name in quotes right
# after the kind of firm it is, closed by a list's or a clause's mark. The quotes also hold
# programmes and labels firms are urged to ("推动企业“上云”", "企业“走出去”"), so the quoted
# words must read as a firm's name (see _quoted_firm_name).
_QUOTED_NAME = re.compile(r"“(?P<name>[^“”，。；、]{2,40}?)”(?=[、，,；;。]|等|和|与|及|$)")
_QUOTED = re.compile(rf"(?:企业|公司|集团|厂商|生产商|制造商|供应商|提供商|服务商|药企|车企){_QUOTED_NAME.pattern}")
_LATIN_FIRM = re.compile(
    r"[A-Z][A-Za-z0-9.&'\- ]{1,38}\b(?:Limited|Ltd\.?|Inc\.?|Corporation|Corp\.?|GmbH|AG|LLC|Co\.?|S\.A\.)"
)
_BRACKETED_PLACE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]$")
_PROPER_TAGS = frozenset({"nz", "nr", "nrt", "nrfg", "ns"})
# A token so tagged makes the quoted words a phrase or a label, not a name (走出去, 智改数转).
_LABEL_TAGS = frozenset({"v", "vn", "vd", "d", "ng", "a", "ad", "b", "m"})
MIN_BRAND_NAME_CHARS = 3


def _quoted_firm_name(name: str) -> bool:
    """Whether quoted words after a kind of firm are a firm's name: a Latin name with its legal
    form, a brand and a trade word firms end in ("某音科技", "某某药业（香港）"), or a coined
    name of three characters or more opening on a proper name, with no verb, adverb or
    adjective in it."""
    if _LATIN_FIRM.fullmatch(name):
        return True
    core = _BRACKETED_PLACE.sub("", name)
    if not _PLAIN_HAN_NAME.fullmatch(core) or not acceptable_firm(core) or reads_as_phrase(core):
        return False
    words = rjieba.tag(core)
    if any(tag in _LABEL_TAGS for _, tag in words):
        return False
    if any(core.endswith(head) and len(core) - len(head) >= 2 for head in company_head_words()):
        return True
    return len(core) >= MIN_BRAND_NAME_CHARS and words[0][1] in _PROPER_TAGS and not rjieba.has_word(core)


_PLAIN_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")


# Another quoted name joined to the first ("企业“甲乙科技”和“丙丁光电”"): a firm of the same kind.
_NEXT_QUOTED = re.compile(r"”(?:、|和|及|与|以及)“(?P<name>[^“”，。；、]{2,40}?)”")


def _quoted_firms(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Firms named in quotes right after the kind of firm they are, and the quoted names
    joined to them."""
    found = []
    for match in _QUOTED.finditer(text):
        spans = [match.span("name")]
        following = _NEXT_QUOTED.match(text, match.end("name"))
        while following is not None:
            spans.append(following.span("name"))
            following = _NEXT_QUOTED.match(text, following.end("name"))
        for start, end in spans:
            if any(k.start < end and start < k.end and k.type != "Place" for k in known):
                continue  # a known name: the gazetteer's reading stands
            if _quoted_firm_name(text[start:end]):
                found.append(ListMember(start, end, "Enterprise", True))
    return found


def quoted_firm_follows(text: str, end: int) -> bool:
    """Whether a firm's quoted name follows ``end`` ("某某研发公司“甲乙科技”"): the words
    before it say what kind of firm it is, and name none."""
    match = _QUOTED_NAME.match(text, end)
    return match is not None and _quoted_firm_name(match.group("name"))


def may_hold_apposed_firm(text: str) -> bool:
    """Speed: whether ``text`` holds a role noun at all."""
    if "商" not in text and "厂" not in text and "企业" not in text and "公司" not in text:
        return False
    return (
        _APPOSED.search(text) is not None
        or "——" in text
        or _LINKED.search(text) is not None
        or _QUOTED.search(text) is not None
    )


def apposed_firms(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Firms written right after their role ("封测厂商青石、…"), unknown to the gazetteer."""
    found = []
    for match in _APPOSED.finditer(text):
        start, end = match.span("name")
        if match.group("ranked") and not _IN_LIST.match(text, end):
            continue  # "龙头企业较少，": after a ranking only a list member is a name
        if any(k.start < end and start < k.end and not _industry_inside(k, start, end) for k in known):
            continue
        name = text[start:end]
        if reads_as_phrase(name) or not acceptable_firm(name):
            continue
        found.append(ListMember(start, end, "Enterprise", True))
    return found + _dashed_firms(text, known) + _linked_firms(text, known) + _quoted_firms(text, known)


def _linked_firms(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Firms listed after their tie to another firm ("关联企业A、B、C。"): every member a
    short name of a firm, or none is taken (the run may be a clause: "配套企业发展壮大")."""
    found = []
    for match in _LINKED.finditer(text):
        members = list(_DASHED_MEMBER.finditer(text, match.start("list"), match.end("list")))
        if not members or not all(_reads_as_short_firm_name(m.group()) for m in members):
            continue
        for member in members:
            start, end = member.span()
            if not any(k.start < end and start < k.end for k in known):
                found.append(ListMember(start, end, "Enterprise", True))
    return found


def _reads_as_short_firm_name(name: str) -> bool:
    """A brand of two to four characters and a trade word firms end in ("扬帆实业")."""
    head = next((h for h in sorted(company_head_words(), key=len, reverse=True) if name.endswith(h)), None)
    if head is None or len(name) - len(head) not in _LINKED_STEM_CHARS:
        return False
    stem = name[: -len(head)]
    return not field_before_head(stem, head) and not reads_as_phrase(name) and acceptable_firm(name)


def _dashed_firms(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Firms listed after a head of firms and a dash ("两大核心企业——A和B")."""
    found = []
    for match in _DASHED.finditer(text):
        list_end = match.end("list")
        if text[list_end] in _SUBJECT_ADVERB_STARTS:
            list_end = _before_metric(text, match.start("list"), list_end)
        for member in _DASHED_MEMBER.finditer(text, match.start("list"), list_end):
            start, end = member.span()
            if any(k.start < end and start < k.end for k in known):
                continue
            if end - start >= 2 and not reads_as_phrase(member.group()) and acceptable_firm(member.group()):
                found.append(ListMember(start, end, "Enterprise", True))
    return found


_SUBJECT_ADVERB_STARTS = frozenset("均都分共")
MIN_WORDS_BEFORE_METRIC = 2


def _before_metric(text: str, start: int, end: int) -> int:
    """End of a list of firms that is the subject of a clause, before the measure the
    clause gives of them ("A和B产值均…": 产值): a last noun after two words or more of
    the last member."""
    members = list(_DASHED_MEMBER.finditer(text, start, end))
    if not members:
        return end
    words = rjieba.tag(members[-1].group())
    if len(words) > MIN_WORDS_BEFORE_METRIC and words[-1][1] == "n":
        return end - len(words[-1][0])
    return end


def _industry_inside(known: KnownSpan, start: int, end: int) -> bool:
    """An industry word inside a firm's name ("青合储能") does not make it the industry."""
    return (
        known.type == "IndustryChain"
        and start <= known.start
        and known.end <= end
        and known.end - known.start < end - start
    )
