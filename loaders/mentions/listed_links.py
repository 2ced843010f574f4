"""Links of a chain listed right before the chain word: "建成了电芯、模组和电池包全产业链",
"覆盖设计、制造、封测以及应用的芯片产业链", "形成零部件配套、整车制造较为完整的产业链",
"以碳化硅衬底、外延片等为主的半导体材料产业链条"; and so does "A、B和C的产业化" (the
industrialisation of what the list names).

A 、-list that 产业链 (or 产业链条, 完整链条) closes names what the chain is made of, so its
members are segments. Only the clause the chain word ends is read, and a list holding a
firm or a place lists something else ("A公司、B公司的产业链").

"等产业链" with no chain named between is left to the list heads of lists.py: "打造集成电路、
新型显示等(重点)产业链" lists chains, not links of one; "围绕硅基、铝基等先进结构材料产业链"
lists links of the chain it names.

After the chain word, "从A、B到C" walks the chain's links in order
(:func:`from_to_link_spans`), when most of them are links the vocabulary knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.lexicon.chain_names import is_vocabulary_term, vocabulary_term_start
from loaders.mentions.entity_rules import left_boundary

# The chain word, and what may stand between the list's last member and it: 等 (with a
# modifier or the chain's own name), "为主的", "较为完整的" (or "完整" alone: "A、B、C完整
# 产业链"), 的, and the chain's name.
_CHAIN_WORD = re.compile("(?:全)?(?:产业链条|产业链|完整链条)|(?<=的)产业化")
_CLOSING = re.compile(
    r"(?:等|为主的|为主导的|为核心的|(?:较为|比较|相对)?(?:完整|完善|完备|齐全)的?|的"
    r"|[0-9一二三四五六七八九十两]+[大个类项])[^、，。；：,;:]{0,10}?$"
)
_CLAUSE_BREAK = re.compile(r"[，。；：,;:！？!?（）()《》“”\"\s]")
_LAST_JOINERS = re.compile("以及|和|及")  # not 与: "材料与配套" is one link
_ONE_BODY = "于一体"
_WHOLE = "全"
# Words between the list and the chain word that show a chain of services or of a firm's
# growth ("从创业、总部到制造的全生命周期产业链"), whose stages are no industries.
_NOT_PRODUCT_CHAINS = ("生命周期", "服务", "生态", "创新")
_FROM = "从"
_TO = "到"
_EVEN = "乃至"
MAX_LINK_CHARS = 10
MIN_LINK_CHARS = 2
MIN_LINKS = 2
MAX_CLAUSE_CHARS = 120
# What opens a list: a verb of having or building, or the 以 of "以A、B为主".
# The last one in the chunk counts ("打造以A、B为主的…": 以; "形成从A、B到C的…": 从).
_LEAD_WORDS = "涵盖|覆盖|包括|包含|拥有|形成|构建|建成|打造|贯通|以|从"
_LEAD = re.compile(f"(?:{_LEAD_WORDS})[起了着出]?(?!.*(?:{_LEAD_WORDS}))")


@dataclass(frozen=True, slots=True)
class LinkList:
    links: list[tuple[int, int]]  # (start, end) of each member
    # "打造砷化镓、氮化镓产业链": a list that runs straight into 产业链 (not 全产业链, which
    # sums up links) names chains of their own, the A chain and the B chain; so does one
    # that ends in a known chain.
    of_chains: bool
    word_at: int  # where the chain word (产业链…) starts; the chain closing the list ends here


def listed_link_spans(text: str, known: list[tuple[int, int, str]]) -> Iterator[LinkList]:
    """Each 、-list that a chain word closes in ``text``; ``known``: (start, end, class) of
    the names the gazetteer found."""
    for word in _CHAIN_WORD.finditer(text):
        found = _links_before(text, word.start(), known)
        if found is not None:
            yield found


# "产业链…，从正极材料、隔膜、电解液到电芯，…": after the chain word, a clause that walks
# its links from first to last.
_FROM_TO = re.compile(
    r"从(?P<run>[^，。；：,;:从到]{2,80}?、[^，。；：,;:从到]{2,80}?)"
    r"到(?P<last>[^，。；：,;:、的等]{2,10})(?=[，。；,;]|$)"
)
_CHAIN_BEFORE = re.compile("产业链|环节")


def from_to_link_spans(text: str, known: list[tuple[int, int, str]]) -> Iterator[LinkList]:
    """Each "从A、B到C" clause after 产业链 or 环节 in ``text``: A, B and C are links of
    the chain named before."""
    for run in _FROM_TO.finditer(text):
        if not _CHAIN_BEFORE.search(text, 0, run.start()):
            continue
        links = _spans_of(text, run.start("run"), run.end("run")) + [run.span("last")]
        if (
            all(MIN_LINK_CHARS <= b - a <= MAX_LINK_CHARS for a, b in links)
            and not any(_inside_other_name(a, b, known) for a, b in links)
            and _mostly_known_links(text, links, known)
        ):
            yield LinkList(links, False, -1)


def _mostly_known_links(text: str, links: list[tuple[int, int]], known: list[tuple[int, int, str]]) -> bool:
    """Half the members or more are links of the vocabulary or known chains: the clause walks
    a chain map, not the steps of a trade ("从研发、设计到生产")."""
    chains = {(a, b) for a, b, cls in known if cls == "IndustryChain"}
    named = sum(1 for a, b in links if (a, b) in chains or is_vocabulary_term(text[a:b]))
    return 2 * named >= len(links)


def _spans_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    at = start
    for piece in text[start:end].split("、"):
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    return spans


def _links_before(text: str, chain_at: int, known: list[tuple[int, int, str]]) -> LinkList | None:
    clause_start = _clause_start(text, chain_at)
    head = text[clause_start:chain_at]
    if "、" not in head or _ONE_BODY in head:
        return None  # "集研发、转化于一体的全产业链服务": the parts of a service, not of a chain
    end = _last_member_end(head, clause_start, known)
    if end is None or any(word in head[end:] for word in _NOT_PRODUCT_CHAINS):
        return None
    list_end = clause_start + end
    first_comma = text.index("、", clause_start)
    if first_comma >= list_end:
        return None
    links = _members(text, clause_start, list_end, known)
    if len(links) < MIN_LINKS or any(_inside_other_name(a, b, known) for a, b in links):
        return None
    bare = end == len(head)
    of_chains = bare and (not text.startswith(_WHOLE, chain_at) or _is_known_chain(links[-1], known))
    return LinkList(links, of_chains, chain_at)


def _is_known_chain(span: tuple[int, int], known: list[tuple[int, int, str]]) -> bool:
    return (*span, "IndustryChain") in known


def _clause_start(text: str, at: int) -> int:
    floor = max(0, at - MAX_CLAUSE_CHARS)
    marks = [m.end() for m in _CLAUSE_BREAK.finditer(text, floor, at)]
    return marks[-1] if marks else floor


def _last_member_end(head: str, offset: int, known: list[tuple[int, int, str]]) -> int | None:
    """Where the last member ends in ``head`` (the clause before the chain word): before
    its closing words, and before the name of the chain itself when one ends the clause.
    None for "A、B等产业链" with no chain named: a list of chains (lists.py types it)."""
    last_comma = head.rfind("、")
    end = len(head)
    for start, stop, cls in known:
        if cls == "IndustryChain" and stop - offset == end and start - offset > last_comma + 1:
            end = start - offset  # "…配套芯片全产业链": the chain closes the list
    named = end < len(head)
    closing = _CLOSING.search(head, last_comma + 1, end)
    if closing is None:
        return end
    if closing.group().startswith("等") and _headed_by_a_noun(closing.group()):
        return None
    if closing.group().startswith("等") and not named and not names_a_chain(head[closing.start() + 1 : end]):
        return None
    return closing.start()


# Counts and words of rank between 等 and 产业链 qualify a list of chains ("等6条重点产业链",
# "等新兴产业链"); anything left after them names the chain the links make up
# ("等先进结构材料产业链").
_QUALIFIERS = re.compile(
    r"(?:[0-9一二三四五六七八九十两多几]+[条个大类项]|一批|重点|主导|优势|新兴|特色|支柱|核心|关键"
    r"|战略性|未来|传统|相关|上下游|的)*"
)
MIN_CHAIN_NAME_CHARS = 2


def names_a_chain(between: str) -> bool:
    """Whether words before a chain word name the chain, beyond counts and ranks."""
    rest = between[_QUALIFIERS.match(between).end() :]  # type: ignore[union-attr]
    return len(rest) >= MIN_CHAIN_NAME_CHARS


_RANKING = re.compile("等为(?:主|主导|核心)的")


def _headed_by_a_noun(closing: str) -> bool:
    """ "A、B等核心零部件多点发力的…产业链": after 等 a head noun and its clause come first;
    the list is typed by that head (lists.py), not by the chain further on. ("等为主的" only
    ranks the list.)"""
    ranking = _RANKING.match(closing)
    rest = closing[ranking.end() :] if ranking else closing[1:]
    return "的" in rest


def _members(text: str, start: int, end: int, known: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    chunks = _spans_of(text, start, end)
    a, b = chunks[0]
    chunks[0] = (_first_member_start(text, a, b, known), b)
    from_to = text[max(0, chunks[0][0] - 1)] == _FROM
    *rest, (a, b) = chunks
    members = [*rest, *_split_last(text, a, b, from_to)]
    if not all(MIN_LINK_CHARS <= b - a <= MAX_LINK_CHARS for a, b in members):
        return []
    return members


def _split_last(text: str, start: int, end: int, from_to: bool) -> list[tuple[int, int]]:
    """The last chunk's members: "显示模组和显示终端" holds two; "装备与材料以及应用" splits
    at 以及 only, the stronger joiner; "从A、B到C" at 到. In "从A到B乃至C" the words after
    乃至 ("even") reach past the chain's links to its uses, so the last link ends there."""
    if from_to and _EVEN in text[start:end]:
        end = start + text[start:end].index(_EVEN)
    chunk = text[start:end]
    joiners = list(re.finditer(_TO if from_to else "以及", chunk)) or list(_LAST_JOINERS.finditer(chunk))
    if len(joiners) != 1:
        return [(start, end)]
    joiner = joiners[0]
    return [(start, start + joiner.start()), (start + joiner.end(), end)]


def _first_member_start(text: str, start: int, end: int, known: list[tuple[int, int, str]]) -> int:
    """Start of the first member: after the clause's lead verb, else the vocabulary term or
    the name the word rules read that ends the chunk ("已构建起芯片设计": 芯片设计)."""
    lead = _LEAD.search(text, start, end)
    if lead is not None:
        return lead.end()
    term = vocabulary_term_start(text, end, start)
    if term >= 0:
        return term
    return max(start, left_boundary(text, end, [(a, b) for a, b, _ in known]))


def _inside_other_name(start: int, end: int, known: list[tuple[int, int, str]]) -> bool:
    """A firm, place or body in the list shows that it lists no links of a chain."""
    return any(cls != "IndustryChain" and a < end and start < b for a, b, cls in known)
