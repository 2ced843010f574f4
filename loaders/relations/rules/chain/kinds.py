"""Chains named as kinds of a broader chain: "物联网、大数据、人工智能等新一代信息技术",
"新一代信息技术（集成电路、智能终端）": each listed chain is PART_OF the broader one."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.lexicon.chain_names import INDUSTRY_SUFFIXES, strip_industry_suffix
from loaders.mentions.bracketed_segments import segment_bracket_at
from loaders.mentions.chain_links import chain_link_runs
from loaders.mentions.listed_links import listed_link_spans
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_LIST_MARK = "、"


@relation_rule("part-of-chain-kind", 0.75, needs="chain", cues="等")
def part_of_chain_kind(view: SentenceView) -> Iterator[Found]:
    """A、B、C等X: the listed chains are kinds of chain X."""
    for i, j in view.neighbours("chain", "chain"):
        if (is_kind_list(view, i) or _one_kind(view, i)) and not _CUES.applied_before.search(view.before(i, 4)):
            yield from pairwise("PART_OF", view.units[i].members, view.units[j].members)


def is_kind_list(view: SentenceView, index: int) -> bool:
    """Unit ``index`` is a list of chains that 等 closes before one broader chain (A、B等X).
    A member written with an industry word of its own ("铜产业、光伏等新能源产业") is an industry
    beside the others, no kind of X."""
    unit = view.units[index]
    return (
        unit.is_list
        and not any(m.written.endswith(INDUSTRY_SUFFIXES) for m in unit.members)
        and kind_head(view, index) is not None
    )


def _one_kind(view: SentenceView, index: int) -> bool:
    """Chain unit ``index`` is one chain that 等 closes before a broader chain ("发展A等X产业":
    A is a kind of X, the one the text names as an example). Not after 、: there A ends a
    list whose other members the finders did not read as one unit with it."""
    unit = view.units[index]
    return (
        not unit.is_list
        and unit.closed_by_deng
        and not view.text[: unit.start].endswith(_LIST_MARK)
        and kind_head(view, index) is not None
    )


def kind_head(view: SentenceView, index: int) -> Mention | None:
    """The one broader chain that chain unit ``index`` and its 等 stand right before (A、B等X:
    X), or None."""
    items = view.units[index]
    if index + 1 >= len(view.units) or items.kind != "chain":
        return None
    broader = view.units[index + 1]
    # From the end of the last name: the list's 等-tail is part of what is read.
    if broader.kind != "chain" or broader.is_list or not _CUES.kind_gap.match(view.text[items.end : broader.start]):
        return None
    return broader.members[0]


@relation_rule("part-of-chain-parenthesis", 0.75, needs="chain", cues="（ (")
def part_of_chain_parenthesis(view: SentenceView) -> Iterator[Found]:
    """X（A、B）: the chains in brackets right after chain X are parts of it; in a list too
    ("A（A1、A2）、B（B1）等"), where the list holds them (loaders.mentions.coordination)."""
    for i, j in view.neighbours("chain", "chain"):
        if not view.units[i].is_list and _in_brackets_after(view, i, j):
            yield from pairwise("PART_OF", view.units[j].members, view.units[i].members)
    chains = [m for u in view.units if u.kind == "chain" and u.is_list for m in u.members]
    for chain in chains:
        bracket = segment_bracket_at(view.text, chain.clean_end)
        if bracket is not None:
            inside = [m for m in chains if chain.clean_end < m.clean_start and m.clean_end <= bracket.close_at]
            yield from pairwise("PART_OF", inside, [chain])


def _in_brackets_after(view: SentenceView, i: int, j: int) -> bool:
    """Unit ``j`` stands in brackets right after unit ``i``."""
    closes = _CUES.close_paren.match(view.text[view.units[j].end : view.units[j].end + 4])
    return bool(closes and _CUES.open_paren.match(view.gap(i, j)))


@relation_rule("part-of-chain-dashed-links", 0.7, needs="chain", cues="链 “")
def part_of_chain_dashed_links(view: SentenceView) -> Iterator[Found]:
    """“A—B—C”的全产业链: each link is a segment of the chain named right before the chain
    word after its run ("…等稀土永磁材料产业链"), else of the one whole chain the sentence
    names."""
    runs = list(chain_link_runs(view.text))
    if not runs:
        return
    links = {span for spans, _ in runs for span in spans}
    members = [m for u in view.units if u.kind == "chain" for m in u.members]
    wholes = {
        m.canonical: m for m in members if (m.clean_start, m.clean_end) not in links and m.subtype != "ChainSegment"
    }
    sentence_chain = next(iter(wholes.values())) if len(wholes) == 1 else None if wholes else _context_chain(view)
    for spans, word_at in runs:
        segments = [m for m in members if (m.clean_start, m.clean_end) in spans]
        chain = _chain_before_word(view.text, members, spans, word_at) or sentence_chain
        if segments and chain is not None:
            yield from pairwise("PART_OF", segments, [chain])


@relation_rule("part-of-chain-listed-links", 0.7, needs="chain", cues="链")
def part_of_chain_listed_links(view: SentenceView) -> Iterator[Found]:
    """ "围绕硅基、铝基等先进结构材料产业链": the listed links are segments of the chain named
    between the list and the chain word."""
    by_chain: dict[str, tuple[Mention, list[Mention]]] = {}
    for segment, chain in listed_link_chains(view).items():
        by_chain.setdefault(chain.canonical, (chain, []))[1].append(segment)
    for chain, segments in by_chain.values():
        yield from pairwise("PART_OF", segments, [chain])


def listed_link_chains(view: SentenceView) -> dict[Mention, Mention]:
    """Each link of a list that a chain word closes (a segment, or a known chain listed
    among them), with the chain named right before that word (see
    loaders/mentions/listed_links.py); links of lists that name no chain there are left out."""
    if "、" not in view.text or "链" not in view.text:
        return {}
    mentions = [m for u in view.units for m in u.members]
    found: dict[Mention, Mention] = {}
    for listed in listed_link_spans(view.text, _known_spans(mentions)):
        chain = _chain_before_word(view.text, mentions, listed.links, listed.word_at)
        if chain is None or listed.of_chains:
            continue
        spans = set(listed.links)
        # A known chain listed among the links is one of them too ("芯片设计、晶圆制造和封装
        # 测试的集成电路全产业链"), unless a verb of use opens the list ("用于A、B等X产业链":
        # what the product goes into).
        chains_are_links = not _CUES.applied_before.search(view.text[: listed.links[0][0]])
        for m in mentions:
            if (m.clean_start, m.clean_end) in spans and _is_link(m, chain, chains_are_links):
                found[m] = chain
    return found


def _is_link(mention: Mention, chain: Mention, chains_are_links: bool) -> bool:
    """A listed ``mention`` is a link of ``chain``: a segment, or a known chain other than it."""
    if mention.subtype == "ChainSegment":
        return True
    return chains_are_links and mention.type == "IndustryChain" and mention.canonical != chain.canonical


_OPENING_QUOTES = ("“", '"', "「")


def listed_link_members(view: SentenceView) -> set[tuple[int, int]]:
    """Spans of every member of every list of links that a chain word closes in the
    sentence: a known chain among them ("覆盖芯片设计、晶圆制造…的产业链") is a link of the
    same map, not the chain its co-members make up."""
    if "、" not in view.text or "链" not in view.text:
        return set()
    known = _known_spans([m for u in view.units for m in u.members])
    return {span for listed in listed_link_spans(view.text, known) if not listed.of_chains for span in listed.links}


def _known_spans(mentions: list[Mention]) -> list[tuple[int, int, str]]:
    # The rules read a chain's name with its industry word ("结构材料产业链"): the list reader
    # wants the name alone, as the gazetteer writes it.
    return [(m.clean_start, m.clean_start + len(strip_industry_suffix(m.written)), m.type) for m in mentions]


def _chain_before_word(text: str, members: list[Mention], links: list[tuple[int, int]], word_at: int) -> Mention | None:
    """The chain named right before the chain word closing a run of ``links`` (its mention
    may hold the word: "稀土永磁产业链")."""
    if word_at < 0 or not links:
        return None
    after_run = links[-1][1]
    chains = [m for m in members if m.type == "IndustryChain" and m.subtype != "ChainSegment"]
    named = [m for m in chains if after_run <= m.clean_start < word_at <= m.clean_end]
    named += [m for m in chains if after_run <= m.clean_start and _qualifies_word(text[m.clean_end : word_at])]
    # "存储器“设计—封测”产业链": the chain may stand right before the quoted run.
    quote = links[0][0] - 1
    before = [m for m in chains if m.clean_end == quote and text[quote : quote + 1] in _OPENING_QUOTES]
    return named[0] if named else before[0] if before else None


def _qualifies_word(between: str) -> bool:
    """``between`` a chain's name and the chain word is a word of extent alone ("垂直", "全")."""
    return _CUES.chain_word_qualifier.match(between) is not None


def _context_chain(view: SentenceView) -> Mention | None:
    """The chain a sentence naming none speaks of: its section's, its paragraph lead's, or
    the one whole chain its article names."""
    if view.section_chain is not None:
        return view.section_chain
    if len(view.lead_chains) == 1:
        return view.lead_chains[0]
    chains = {m.canonical: m for m in view.chain_names.values() if m.subtype != "ChainSegment"}
    if len(chains) != 1:
        return None
    return synthetic_mention(next(iter(chains.values())), view.sentence, "article-chain")
