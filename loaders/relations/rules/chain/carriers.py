"""Subjects a plan sentence leaves implicit, and firms named after their chain.

- "以X为核心载体，重点发展A、B" / "依托X，做强A": with no place heading over the sentence
  and no place as its subject, the zone X given as the carrier focuses on A and B.
- "Y产业规模突破…，奇瑞…" / "Y领域，A、B三家龙头企业…": a sentence about one chain
  whose later clause opens with a company: the company is in the chain.
- "…，链主企业X" / "龙头企业X": a role word right before a firm, in a sentence about
  one chain.
- "新能源汽车零部件企业X": a firm introduced by its kind, a chain of the article.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import clause_start
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


def _carrier(view: SentenceView) -> int | None:
    """The place unit opening the sentence after 依托/以, when no place is its subject."""
    if view.section_place is not None or not view.units:
        return None
    first = view.units[0]
    if first.kind != "place" or first.is_list:
        return None
    opening = view.text[: first.start].strip()
    if not _CUES.carrier_opens.match(opening) or not _CUES.carrier_after.match(view.text[first.tail_end :]):
        return None
    return 0


@relation_rule("focuses-on-carrier", 0.7, needs="place chain", cues="依托 以")
def focuses_on_carrier(view: SentenceView) -> Iterator[Found]:
    """以X为核心载体，重点发展A、B: the carrier X focuses on A and B."""
    carrier = _carrier(view)
    if carrier is None:
        return
    end = _first_part_end(view.text)
    for j in range(1, len(view.units)):
        unit = view.units[j]
        if unit.kind == "place" or unit.start >= end:
            break  # another place, or another part, speaks from here on
        if unit.kind == "chain" and _CUES.focus_before.search(_clause_text(view, j)):
            yield from pairwise("FOCUSES_ON", view.units[0].members, unit.members)


def _clause_text(view: SentenceView, index: int) -> str:
    start = view.units[index].start
    return view.text[clause_start(view.text, start) : start]


def _subject_chains(view: SentenceView) -> list[Mention]:
    """The chain opening the sentence as its subject: one chain, or the two halves of an
    "X及Y" name; nothing for a list of several industries (which firm is in which?)."""
    if not view.units or view.units[0].kind != "chain" or view.text[: view.units[0].start].strip():
        return []
    unit = view.units[0]
    if unit.closed_by_deng or len(unit.members) > 2:
        return []
    if unit.is_list and view.text[unit.members[0].clean_end : unit.members[1].clean_start] != "及":
        return []
    return [m for m in unit.members if m.subtype != "ChainSegment"]


def _first_part_end(text: str) -> int:
    match = _CUES.part_end.search(text)
    return match.start() if match else len(text)


def _opening_firms(view: SentenceView) -> Iterator[int]:
    """Organisation units opening a later comma clause of the sentence's first part."""
    end = _first_part_end(view.text)
    for j in range(1, len(view.units)):
        unit = view.units[j]
        if unit.start >= end or unit.kind == "chain":
            return  # a new part, or a second chain: what follows may be about another
        start = clause_start(view.text, unit.start)
        if unit.kind == "org" and start > 0 and _CUES.firm_opens.match(view.text[start : unit.start]):
            yield j


@relation_rule("part-of-chain-subject", 0.7, needs="org chain")
def part_of_chain_subject(view: SentenceView) -> Iterator[Found]:
    """Y产业规模突破…，奇瑞…: a firm opening a clause of a sentence about chain Y."""
    chains = _subject_chains(view)
    if not chains:
        return
    for j in _opening_firms(view):
        firms = [m for m in view.units[j].members if m.type == "Enterprise"]
        yield from pairwise("PART_OF_CHAIN", firms, chains)


@relation_rule("part-of-chain-role-before", 0.8, needs="org chain", cues="链主 龙头 领军 骨干")
def part_of_chain_role_before(view: SentenceView) -> Iterator[Found]:
    """…Y产业…，链主企业X: a firm called the chain's leader, in a sentence about Y."""
    chains = {m.canonical: m for u in view.units if u.kind == "chain" for m in u.members if m.subtype != "ChainSegment"}
    if len(chains) != 1:
        return
    for j, unit in enumerate(view.units):
        if unit.kind == "org" and _CUES.role_before.search(view.before(j, 4)):
            firms = [m for m in unit.members if m.type == "Enterprise"]
            yield from pairwise("PART_OF_CHAIN", firms, list(chains.values()))


def _kind_chain(view: SentenceView, index: int) -> Mention | None:
    """The article's chain whose name, with 企业 or a like noun, stands right before unit
    ``index`` as the kind of firm it is ("动力电池企业|宁德时代")."""
    start = view.units[index].start
    floor = max(clause_start(view.text, start), view.units[index - 1].tail_end if index else 0)
    before = view.text[floor:start]
    kind = _CUES.kind_of_firm.search(before)
    if kind is None:
        return None
    return _chain_ending(view, before[: kind.start()])


def _chain_ending(view: SentenceView, prefix: str) -> Mention | None:
    """The article's chain whose name ends ``prefix`` (the longest such), or None."""
    index_of_names = view.chain_index
    if not prefix or index_of_names is None:
        return None
    # names_in finds names shorter than the text it reads: one more character lets the
    # name be all of the prefix
    names = [n for n in index_of_names.names_in(prefix + "\0", view.chain_names, 2) if prefix.endswith(n)]
    if not names:
        return None
    return view.chain_names[max(names, key=len)]


def _represented_kind_chain(view: SentenceView, index: int) -> Mention | None:
    """The article's chain the noun after 为代表的 names as the listed firms' kind ("以A、B
    为代表的60余家集成电路企业"), the chain itself written inside that noun."""
    match = _CUES.represented_kind.match(view.text, view.units[index].tail_end)
    return _chain_ending(view, match.group("kind")) if match else None


def _listed_kind_chain(view: SentenceView, index: int) -> Mention | None:
    """The article's chain a 等-tail names as the listed firms' kind ("X、Y等基因检测企业")."""
    noun = view.units[index].noun
    kind = _CUES.kind_of_firm.search(noun) if noun else None
    return view.chain_names.get(noun[: kind.start()]) if kind is not None else None


@relation_rule("part-of-chain-firm-kind", 0.7, min_mentions=1, needs="org", cues="企业 车企 厂商")
def part_of_chain_firm_kind(view: SentenceView) -> Iterator[Found]:
    """引进动力电池企业X / 支持新能源汽车零部件企业X / X、Y等基因检测企业 / 以X、Y为代表的
    新材料企业: the firms are in the chain their kind names."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org":
            continue
        chain = _kind_chain(view, j) or _listed_kind_chain(view, j) or _represented_kind_chain(view, j)
        if chain is not None:
            firms = [m for m in unit.members if m.type == "Enterprise"]
            yield from pairwise("PART_OF_CHAIN", firms, [chain])
