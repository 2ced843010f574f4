"""Paragraph leads: a paragraph that opens with a short sentence naming only a chain
("**集成电路。**确立…重点推动沛顿…等项目") is about that chain, like a heading.

Policy plans write their columns (专栏) this way: one paragraph per chain, the chain as a
bold lead, then its projects, enterprises and platforms. The lead covers the rest of its
own paragraph only (no newline between), never the next paragraph.

A longer opening statement about one industry ("X区机器人产业的竞争力持续提升") is a
weaker topic: it speaks for the paragraph's second sentence only (topic_chains).

A sentence naming one industry alone ("合肥把新能源汽车产业作为抓手") is what the next
sentence of its paragraph goes on about when that one names no industry of its own
(previous_chains): "如今，合肥拥有A、B等一批整车企业" lists the industry's firms.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Document, Mention, Sentence
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns

_MAX_LEAD = 16  # a longer opening sentence is a statement, not a lead
_LEAD_COVER = 0.6  # share of the lead (without 产业/及/、…) the chain names must cover
_CUES = cue_patterns(__name__)
# "A暨B" names one chain with a second name: the first is the lead's chain.
_ALSO_NAMED = "暨"


def _with_paragraph_starts(doc: Document) -> Iterator[tuple[Sentence, bool]]:
    """Each sentence of ``doc``, and whether it opens a paragraph (or an article)."""
    previous: Sentence | None = None
    for sentence in doc.sentences:
        if previous is None or previous.article != sentence.article:
            yield sentence, True
        else:
            yield sentence, "\n" in doc.text[previous.end : sentence.start]
        previous = sentence


def _chains_of_lead(sentence: Sentence, mentions: list[Mention]) -> tuple[Mention, ...]:
    """The chains a lead sentence names, or () when the sentence is not a chain lead."""
    # The cheap test first: most paragraphs open with a sentence naming no chain only.
    if not mentions or any(m.type != "IndustryChain" for m in mentions):
        return ()
    bare = _CUES.trailing.sub("", _CUES.markup.sub("", sentence.text))
    if not bare or len(bare) > _MAX_LEAD or _CUES.clause_mark.search(bare):
        return ()
    chains = sorted(mentions, key=lambda m: m.clean_start)
    covered = sum(len(m.written) for m in chains)
    if covered < _LEAD_COVER * len(_CUES.chain_words.sub("", bare) or bare):
        return ()
    if _ALSO_NAMED in bare:
        chains = chains[:1]
    unique = {m.canonical: m for m in chains}
    # A lead naming two chains ("高端装备及新材料") does not say which one each project of
    # its paragraph serves; guessing both would make one of each pair wrong.
    return tuple(unique.values()) if len(unique) == 1 else ()


def lead_chains(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, tuple[Mention, ...]]:
    """For each sentence after a chain lead in the same paragraph, the lead's chains."""
    found: dict[int, tuple[Mention, ...]] = {}
    current: tuple[Mention, ...] = ()
    for sentence, opens in _with_paragraph_starts(doc):
        if opens:
            current = _chains_of_lead(sentence, by_sentence.get(sentence.index, []))
        elif current:
            found[sentence.index] = current
    return found


def _topic_chain(sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """The one industry a paragraph's opening statement is about ("X区机器人产业的竞争力
    持续提升"), when it names no organisation: the next sentence's firm illustrates it."""
    if any(m.type not in ("IndustryChain", "Place") for m in mentions):
        return None
    chains = {m.canonical: m for m in mentions if m.type == "IndustryChain" and m.subtype != "ChainSegment"}
    if len(chains) != 1:
        return None
    chain = next(iter(chains.values()))
    # "汽车产业" written whole, or "汽车" right before 产业 (when the span is known).
    after = sentence.text[chain.clean_end :] if 0 < chain.clean_end <= len(sentence.text) else ""
    industry = _CUES.industry_word.search(chain.written) or _CUES.industry_word.match(after)
    return chain if industry else None


def topic_chains(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, Mention]:
    """For the second sentence of a paragraph, the industry its opening statement is about."""
    found: dict[int, Mention] = {}
    topic: Mention | None = None
    for sentence, opens in _with_paragraph_starts(doc):
        if opens:
            topic = _topic_chain(sentence, by_sentence.get(sentence.index, []))
        elif topic is not None:
            found[sentence.index] = topic
            topic = None  # further on, the paragraph may have turned to other firms
    return found


def _sole_industry(mentions: list[Mention]) -> Mention | None:
    """The one whole chain (not a segment) ``mentions`` name, however often, in a sentence
    naming no body that serves it (a sentence "X大学建设…中心，服务Y产业" is about the
    body, not about the industry); else None."""
    if any(m.type in SUPPORTER_CLASSES for m in mentions):
        return None
    chains = {m.canonical: m for m in mentions if m.type == "IndustryChain" and m.subtype != "ChainSegment"}
    return next(iter(chains.values())) if len(chains) == 1 else None


def previous_chains(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, Mention]:
    """For a sentence inside a paragraph, the one industry the sentence right before it
    names, when that one names exactly one."""
    found: dict[int, Mention] = {}
    previous: Mention | None = None
    for sentence, opens in _with_paragraph_starts(doc):
        if not opens and previous is not None:
            found[sentence.index] = previous
        previous = _sole_industry(by_sentence.get(sentence.index, []))
    return found
