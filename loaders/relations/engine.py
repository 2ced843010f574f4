"""Relation extraction: typed relations with evidence between the mentions of a document.

Per sentence, the mentions are grouped into coordinated Units (loaders.mentions.coordination),
every registered rule (loaders.relations.rules) reads the sentence, and each candidate is
checked (entity classes, self-relation, article scope) before it becomes a Relation.
Relations never cross articles: rules see one sentence, and the places a heading or
我市 supplies are looked up in the sentence's own article only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick_rs

from kg.errors import InputError
from kg.ids import cached_entity_id
from kg.model import (
    SYMMETRIC_RELATIONS,
    Document,
    Dropped,
    Evidence,
    Mention,
    Relation,
    Sentence,
    relation_type,
)
from kg.reasons import DropReason
from loaders import ablation
from loaders.mentions.coordination import group_units, without_overlaps
from loaders.mentions.nested_parents import NESTED_PARENT_SOURCE
from loaders.relations.class_limits import OPERATED_CLASSES, violation
from loaders.relations.co_operators import co_operator_cooperation
from loaders.relations.cross_pairs import RULE_NAME as CROSS_RULE
from loaders.relations.cross_pairs import default_cross_model, related_ends, scored_cross_pairs
from loaders.relations.list_spread import Lists, spread_over_lists, spreadable_lists
from loaders.relations.pair_model import RULE_NAME as PAIR_RULE
from loaders.relations.pair_model import default_model, scored_pairs
from loaders.relations.paragraph_leads import lead_chains, previous_chains, topic_chains
from loaders.relations.patterns import (
    names_area_by_kind_of,
    opening_place,
    opens_with_other_subject,
    opens_with_unread_area,
    pronoun_place,
)
from loaders.relations.registry import Found
from loaders.relations.rule_set import default_rules
from loaders.relations.rules import RelationRule, SentenceView
from loaders.relations.scope import (
    CITY_DEIXIS_SOURCE,
    SECTION_SOURCE,
    ArticleScope,
    build_scopes,
    city_deixis,
    may_have_city_deixis,
    other_article_has_place,
    section_chain,
    section_place,
)

STAGE = "relations"
_SECOND_NAME = "暨"
_LEDE = 3  # sentences that open a page (its masthead, title and first lines)


@dataclass(slots=True)
class RelationResult:
    relations: list[Relation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    found: Found
    rule: RelationRule
    sentence: Sentence


def extract_relations(
    doc: Document, mentions: list[Mention], rules: list[RelationRule] | None = None
) -> RelationResult:
    """Relations stated in ``doc`` between ``mentions`` (from loaders.mentions.find)."""
    plan = _plan_for(default_rules() if rules is None else rules)
    result = RelationResult()
    candidates: list[_Candidate] = []
    for view in sentence_views(doc, mentions, result):
        cues_found = plan.cues_in(view.text)
        for rule, cues in plan.rules_for(view):
            if cues is not None and cues.isdisjoint(cues_found):
                continue  # cheaper than calling a rule whose cue word is absent
            for found in rule.function(view):  # (what rule.apply calls: one call fewer per rule and sentence)
                candidates.append(_Candidate(found, rule, view.sentence))
    result.relations = _accept(doc, candidates, result.dropped)
    result.relations += co_operator_cooperation(result.relations, _classes_by_id(mentions))
    mentions = _standing_alone(mentions)
    if ablation.enabled("pair-model"):
        result.relations += _pair_relations(doc, mentions, result.relations)
    # What a page leaves unsaid between sentences is read only on a page that says something
    # in one: where no sentence states a relation (a market report, a weather page naming
    # cities and firms), the names have nothing to do with each other.
    if ablation.enabled("cross-sentence") and result.relations:
        result.relations += _cross_relations(doc, mentions, result.relations)
    return result


def _classes_by_id(mentions: list[Mention]) -> dict[str, str]:
    return {cached_entity_id(m.canonical): m.type for m in mentions}


def _pair_relations(doc: Document, mentions: list[Mention], found: list[Relation]) -> list[Relation]:
    """Relations the pair model adds between mentions of one sentence that the rules left
    unrelated (loaders.relations.pair_model), spread over the lists of organisations they
    join (loaders.relations.list_spread); never one contradicting a rule's PART_OF."""
    model = default_model()
    known: set[tuple[str, str, str]] = {(r.type, r.head, r.tail) for r in found}
    owned = _owned_industries(found)
    evidences: dict[int, Evidence] = {}
    added: list[Relation] = []
    by_sentence = _mentions_by_sentence(doc, mentions)
    lists_of: dict[int, Lists] = {}  # read once a pair is found: most sentences have none
    for index, sentence_mentions in sorted(by_sentence.items()):
        if len(sentence_mentions) < 2:
            continue
        sentence = doc.sentences[index]
        for pair in scored_pairs(model, sentence, sentence_mentions):
            lists = _sentence_lists(doc, by_sentence, index, lists_of)
            for head_mention, tail_mention in spread_over_lists(pair.type, pair.head, pair.tail, lists):
                head, tail = _oriented_ids(pair.type, head_mention, tail_mention)
                if _stated_already(known, pair.type, head, tail) or _owned_by_another(
                    owned, index, pair.type, head, tail
                ):
                    continue
                known.add((pair.type, head, tail))
                evidence = _evidence(doc, sentence, evidences)
                added.append(
                    Relation(relation_type(pair.type), head, tail, evidence, PAIR_RULE, round(pair.confidence, 3))
                )
    return added


# The rule that reads a place written right before its industry ("福山区汽车零部件").
_OWN_INDUSTRY_RULE = "focuses-on-own-industry"


def _owned_industries(found: list[Relation]) -> dict[tuple[int, str], set[str]]:
    """(sentence, chain id) -> the places a rule gives the chain as their own industry there."""
    owned: dict[tuple[int, str], set[str]] = {}
    for r in found:
        if r.rule == _OWN_INDUSTRY_RULE:
            owned.setdefault((r.evidence.sentence, r.tail), set()).add(r.head)
    return owned


def _owned_by_another(
    owned: dict[tuple[int, str], set[str]], sentence: int, rel_type: str, head: str, tail: str
) -> bool:
    """A guessed focus on an industry the sentence names as another place's own ("福山区汽车零部件、
    龙口市高端交通铝材等集群": 龙口市 is not guessed to focus on 汽车零部件)."""
    places = owned.get((sentence, tail)) if rel_type == "FOCUSES_ON" else None
    return places is not None and head not in places


def _cross_relations(doc: Document, mentions: list[Mention], found: list[Relation]) -> list[Relation]:
    """Relations the cross-sentence model adds between a name and a place or chain of an
    earlier sentence (loaders.relations.cross_pairs), on the same terms as the pair model's:
    spread over the later name's list (loaders.relations.list_spread)."""
    model = default_cross_model()
    known: set[tuple[str, str, str]] = {(r.type, r.head, r.tail) for r in found}
    evidences: dict[int, Evidence] = {}
    best: dict[tuple[str, str, str], tuple[float, Mention]] = {}
    by_sentence = _mentions_by_sentence(doc, mentions)
    lists_of: dict[int, Lists] = {}
    for candidate in scored_cross_pairs(model, doc, by_sentence, related_ends(found)):
        logit = candidate.logit
        later = max((candidate.head, candidate.tail), key=lambda m: m.sentence)
        lists = _sentence_lists(doc, by_sentence, later.sentence, lists_of)
        for head_mention, tail_mention in spread_over_lists(candidate.type, candidate.head, candidate.tail, lists):
            head, tail = _oriented_ids(candidate.type, head_mention, tail_mention)
            key = (candidate.type, head, tail)
            if _stated_already(known, candidate.type, head, tail):
                continue
            if key not in best or logit > best[key][0]:
                best[key] = (logit, later)
    added = []
    for (rel_type, head, tail), (logit, later) in sorted(best.items()):
        evidence = _evidence(doc, doc.sentences[later.sentence], evidences)
        confidence = round(model.confidence(logit), 3)
        added.append(Relation(relation_type(rel_type), head, tail, evidence, CROSS_RULE, confidence))
    return added


def _sentence_lists(
    doc: Document, by_sentence: dict[int, list[Mention]], index: int, lists_of: dict[int, Lists]
) -> Lists:
    """The lists of sentence ``index`` a learned relation spreads over, read once per sentence
    (none with the spread switched off)."""
    lists = lists_of.get(index)
    if lists is None:
        wanted = ablation.enabled("list-spread")
        lists = spreadable_lists(doc.sentences[index].text, by_sentence.get(index, [])) if wanted else {}
        lists_of[index] = lists
    return lists


def _stated_already(known: set[tuple[str, str, str]], rel_type: str, head: str, tail: str) -> bool:
    """An earlier stage has this relation, or has the PART_OF it would contradict."""
    return (rel_type, head, tail) in known or (rel_type == "PART_OF" and ("PART_OF", tail, head) in known)


def _oriented_ids(rel_type: str, head: Mention, tail: Mention) -> tuple[str, str]:
    """The entity ids a relation joins; a symmetric type's in one order, whoever came first."""
    head_id, tail_id = cached_entity_id(head.canonical), cached_entity_id(tail.canonical)
    if rel_type in SYMMETRIC_RELATIONS and tail_id < head_id:
        return tail_id, head_id
    return head_id, tail_id


def _evidence(doc: Document, sentence: Sentence, evidences: dict[int, Evidence]) -> Evidence:
    """One (frozen) Evidence per sentence, shared by the relations it supports."""
    evidence = evidences.get(sentence.index)
    if evidence is None:
        evidence = Evidence(doc.name, sentence.index, sentence.text, sentence.start, sentence.end)
        evidences[sentence.index] = evidence
    return evidence


def sentence_views(
    doc: Document, mentions: list[Mention], result: RelationResult | None = None
) -> Iterator[SentenceView]:
    """What the rules see of each sentence that names something, in document order;
    ``result`` collects what a view had to leave out."""
    result = RelationResult() if result is None else result
    by_sentence = _mentions_by_sentence(doc, mentions)
    scopes = build_scopes(doc, by_sentence)
    run_places = _section_run_places(doc, by_sentence)
    leads = lead_chains(doc, by_sentence)
    topics = topic_chains(doc, by_sentence)
    previous = previous_chains(doc, by_sentence)
    paragraph_subject: Mention | None = None
    recent_subject: Mention | None = None
    paragraph_other = False
    page_place = _title_place(doc, by_sentence)
    bodies: dict[int, list[Mention]] = defaultdict(list)  # by article
    previous_end = 0
    for sentence in doc.sentences:
        if "\n" in doc.text[previous_end : sentence.start]:
            paragraph_subject = None  # a new paragraph: the last one's subject is over
            paragraph_other = False
        previous_end = sentence.end
        sentence_mentions = by_sentence.get(sentence.index, [])
        scope = scopes.get(sentence.article)
        if scope is None:
            scope = scopes[sentence.article] = ArticleScope()
        if not sentence_mentions and not may_have_city_deixis(scope, sentence):
            continue  # nothing to relate: most sentences name no entity at all
        context = _Context(scope, scopes, run_places.get(sentence.index, []), leads.get(sentence.index, ()))
        context.topic_chain = topics.get(sentence.index)
        context.previous_chain = previous.get(sentence.index)
        view = _view(doc, sentence, sentence_mentions, context, result)
        earlier = bodies[sentence.article]
        if view is not None:
            view.earlier_bodies = tuple(earlier)
        earlier += [m for m in sentence_mentions if m.type in OPERATED_CLASSES]
        if view is None:
            continue
        if ablation.enabled("document-context"):
            if paragraph_subject is None and names_area_by_kind_of(view, recent_subject):
                paragraph_subject = recent_subject  # "X园区…。\n园区经过…": the zone goes on
            view.subject_place, view.recent_place, view.page_place = paragraph_subject, recent_subject, page_place
            view.paragraph_other_subject = paragraph_other
            paragraph_other = paragraph_other or opens_with_other_subject(view, page_place)
            opening = opening_place(view)
            if opening is None and opens_with_unread_area(view):
                paragraph_subject = recent_subject = None  # an area no entity stands for
            if opening is None:
                opening = pronoun_place(view)  # "…从X区获悉，该区将…": X区 is the subject
                if opening is not None and page_place is None and sentence.index < _LEDE:
                    page_place = opening  # a page with no title place: its lede's subject
            paragraph_subject = opening or paragraph_subject
            recent_subject = opening or recent_subject
        yield view


@dataclass(frozen=True, slots=True)
class _CueIndex:
    """Every rule's cue words in one automaton, so that one search of a sentence answers
    the cue tests of all its rules: a rule's cues are the numbers of its words."""

    automaton: ahocorasick_rs.AhoCorasick
    cues_of_rule: dict[str, frozenset[int]]  # rule name -> its cue words' numbers


@lru_cache(maxsize=16)
def _cue_index(cues_of_rules: tuple[tuple[str, tuple[str, ...]], ...]) -> _CueIndex:
    """The index of (rule name, cue words) pairs; made once per rule set (a pack's rules are
    new objects, so a plan is made per document then, and building the automaton costs more
    than using it)."""
    words = sorted({cue for _, cues in cues_of_rules for cue in cues})
    number = {word: n for n, word in enumerate(words)}
    # A DFA: it searches about a sixth faster than the default, and is built once.
    automaton = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
    cues_of_rule = {name: frozenset(number[cue] for cue in cues) for name, cues in cues_of_rules}
    return _CueIndex(automaton, cues_of_rule)


class _RulePlan:
    """The rules worth running on a sentence, by its shape (how many mentions, which
    features): there are few shapes, so each one's rule list is worked out once per rule
    set (_plan_for).
    Each rule comes with the numbers of its cue words (None: it needs none), which must
    meet the numbers of the cue words the sentence holds (``cues_in``) for it to run."""

    def __init__(self, rules: list[RelationRule]) -> None:
        self._rules = tuple(rules)  # its own copy: a plan outlives the call (_plan_for)
        # Counts above the largest min_mentions all select the same rules.
        self._count_cap = max((rule.min_mentions for rule in rules), default=0)
        self._by_shape: dict[tuple[int, frozenset[str]], list[tuple[RelationRule, frozenset[int] | None]]] = {}
        self._cues = _cue_index(tuple((rule.name, tuple(rule.cues)) for rule in rules if rule.cues))

    def cues_in(self, text: str) -> set[int]:
        """The numbers of the cue words that occur in ``text``, all found in one search."""
        found = self._cues.automaton.find_matches_as_indexes(text, overlapping=True)
        return {number for number, _, _ in found}

    def rules_for(self, view: SentenceView) -> list[tuple[RelationRule, frozenset[int] | None]]:
        count = sum(len(unit.members) for unit in view.units)
        shape = (min(count, self._count_cap), view.features())
        chosen = self._by_shape.get(shape)
        if chosen is None:
            chosen = [
                (r, self._cues.cues_of_rule.get(r.name))
                for r in self._rules
                if shape[0] >= r.min_mentions and r.needs <= shape[1]
            ]
            self._by_shape[shape] = chosen
        return chosen


# Plans by the identity of their rules. Working out which rules fit a sentence shape costs
# more than running them, and the same rule objects come back document after document
# (default_rules), so a plan is kept for the next one. A kept plan holds its rules, so no
# id in its key can be reused by another object while it is kept.
_PLANS: dict[tuple[int, ...], _RulePlan] = {}
_MAX_PLANS = 8  # rule sets in use at once: with and without ablations, with packs


def _plan_for(rules: list[RelationRule]) -> _RulePlan:
    key = tuple(map(id, rules))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = _RulePlan(rules)
    return plan


@dataclass(slots=True)
class _Context:
    scope: ArticleScope  # the sentence's article
    scopes: dict[int, ArticleScope]  # every article, to tell a cross-article reference
    run_places: list[Mention]  # places named under the sentence's section place
    lead_chains: tuple[Mention, ...] = ()  # chains the paragraph's lead names
    topic_chain: Mention | None = None  # the industry the paragraph opens about
    previous_chain: Mention | None = None  # the one industry the sentence before names


def _title_place(doc: Document, by_sentence: dict[int, list[Mention]]) -> Mention | None:
    """The place a page's title names first ("重庆两江新区加快形成…"): what the page is about."""
    for sentence in doc.sentences[:3]:
        if doc.title and sentence.text == doc.title:
            return next((m for m in by_sentence.get(sentence.index, []) if m.type == "Place"), None)
    return None


def _section_run_places(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, list[Mention]]:
    """For each sentence with a section place, the Place mentions of the run of
    consecutive sentences sharing that (article, section place)."""
    runs: dict[int, list[Mention]] = {}
    current: list[Mention] = []
    previous: tuple[int, str] | None = None
    for sentence in doc.sentences:
        if not sentence.section_place:
            previous = None
            continue
        key = (sentence.article, sentence.section_place)
        if key != previous:
            current, previous = [], key
        current.extend(m for m in by_sentence.get(sentence.index, ()) if m.type == "Place")
        runs[sentence.index] = current
    return runs


def _mentions_by_sentence(doc: Document, mentions: list[Mention]) -> dict[int, list[Mention]]:
    known = {s.index for s in doc.sentences}
    grouped: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.doc != doc.name:
            raise InputError(f"{doc.name}: a mention of {mention.doc!r} was passed with it")
        if mention.sentence not in known:
            raise InputError(
                f"{doc.name}: mention {mention.text!r} refers to sentence {mention.sentence}, "
                "which the document does not have"
            )
        grouped[mention.sentence].append(mention)
    return grouped


def _clean_span(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    """Where the mention sits in Sentence.text; mapped from original offsets when the
    mention stage left clean_start/clean_end unset."""
    if 0 <= mention.clean_start < mention.clean_end <= len(sentence.text):
        return mention.clean_start, mention.clean_end
    start = bisect_left(sentence.offsets, mention.start)
    end = bisect_left(sentence.offsets, mention.end)
    return start, max(end, start + 1)


def _placed(sentence: Sentence, mentions: list[Mention], scope: ArticleScope) -> list[tuple[Mention, int, int]]:
    """Mentions with cleaned spans, sorted, overlaps removed (the first one wins)."""
    length = len(sentence.text)
    spans = [
        (m, m.clean_start, m.clean_end)
        if 0 <= m.clean_start < m.clean_end <= length  # the usual case, _clean_span's first
        else (m, *_clean_span(sentence, m))
        for m in mentions
    ]
    spans += city_deixis(scope, sentence)
    return _without_heading_prefix(sentence.text, _without_second_names(sentence.text, without_overlaps(spans)))


# "光谷生物城：重点发展…": a heading names an area whose name merely starts with a known
# place (光谷); the unrecognised area is the subject, so the place must not become one.
_LONGER_AREA_HEADING = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:产业园|科技园|园区|生物城|科技城|科学城|新城|小镇|基地|谷)[：:]"
)
_HEADING_COLON = "："


def _without_heading_prefix(text: str, placed: list[tuple[Mention, int, int]]) -> list[tuple[Mention, int, int]]:
    """Drop a place opening the sentence when the heading it opens names a longer area."""
    if not placed or placed[0][1] != 0 or placed[0][0].type != "Place":
        return placed
    if _HEADING_COLON not in text[:16] and ":" not in text[:16]:
        return placed
    first_end = placed[0][2]
    following = placed[1][1] if len(placed) > 1 else len(text)
    heading = _LONGER_AREA_HEADING.match(text, first_end)
    if heading is None or heading.end() - 1 > following and not _chain_only_between(placed, heading.end()):
        return placed
    return placed[1:]


def _chain_only_between(placed: list[tuple[Mention, int, int]], colon_end: int) -> bool:
    """Mentions inside the heading's name are chains only ("光谷|光电子信息|产业园")."""
    inside = [m for m, start, _ in placed[1:] if start < colon_end]
    return all(m.type == "IndustryChain" for m in inside)


def _without_second_names(text: str, placed: list[tuple[Mention, int, int]]) -> list[tuple[Mention, int, int]]:
    """Fold B into A in "A暨B" between chains: 暨 joins a chain's second name, one chain, so B
    must not yield relations of its own beside A's ("新能源汽车暨智能网联汽车"); A's span
    covers B, so a list A stands in goes on past B ("…、A暨B、C等12条产业链")."""
    if _SECOND_NAME not in text:
        return placed
    kept: list[tuple[Mention, int, int]] = []
    for item in placed:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous[0].type == item[0].type == "IndustryChain"
            and text[previous[2] : item[1]] == _SECOND_NAME
        ):
            kept[-1] = (previous[0], previous[1], item[2])
        else:
            kept.append(item)
    return kept


def _standing_alone(mentions: list[Mention]) -> list[Mention]:
    """The mentions that stand in lists and clauses of their own: a university named inside a
    unit's name is read through the unit (part-of-parent-name finds it among the article's
    organisations), never paired or listed itself."""
    return [m for m in mentions if m.source != NESTED_PARENT_SOURCE]


def _view(
    doc: Document,
    sentence: Sentence,
    mentions: list[Mention],
    context: _Context,
    result: RelationResult,
) -> SentenceView | None:
    placed = _placed(sentence, _standing_alone(mentions), context.scope)
    if not placed:
        return None
    place = section_place(context.scope, sentence, context.run_places)
    if place is None and sentence.section_place:
        _drop_unresolved_section(doc, sentence, context.scopes, result)
    return SentenceView(
        sentence=sentence,
        units=group_units(sentence.text, placed),
        section_place=place,
        section_chain=section_chain(context.scope, sentence),
        containers=context.scope.containers,
        chain_names=context.scope.chains,
        lead_chains=context.lead_chains,
        topic_chain=context.topic_chain,
        previous_chain=context.previous_chain,
        organisations=context.scope.organisations,
        places=context.scope.places,
        main_place=context.scope.main_place,
        embedded_cache=context.scope.embedded,
        branch_cache=context.scope.branches,
        chain_index=context.scope.chain_index,
    )


def _drop_unresolved_section(
    doc: Document, sentence: Sentence, scopes: dict[int, ArticleScope], result: RelationResult
) -> None:
    name = sentence.section_place or ""
    elsewhere = other_article_has_place(scopes, sentence.article, name)
    reason: DropReason = "cross-article-section-place" if elsewhere else "section-place-unresolved"
    result.dropped.append(Dropped(doc.name, STAGE, reason, sentence.start, sentence.end, f"section_place={name}"))


_SELF_RELATION: DropReason = "self-relation"
_DEIXIS_ONLY_LOCATES: DropReason = "city-deixis-only-locates"
_SUPPORTS_SAME_CHAIN: DropReason = "supports-same-chain"
_CONTRADICTED: DropReason = "contradicted-direction"
_OWN_SENTENCE_CHAIN: DropReason = "sentence-names-own-chain"
# Rules that give a firm the chain its paragraph's lead names, not one its sentence names.
_LEAD_CHAIN_RULES = frozenset({"lead-part-of-chain"})


def _reject_reason(candidate: _Candidate) -> str | None:
    head, tail = candidate.found.head, candidate.found.tail
    rel_type = candidate.found.type
    if head.canonical == tail.canonical:
        return _SELF_RELATION
    uses_deixis = CITY_DEIXIS_SOURCE in (head.source, tail.source)
    if uses_deixis and rel_type != "LOCATED_IN":
        return _DEIXIS_ONLY_LOCATES
    return violation(rel_type, head, tail)


def _relation(doc: Document, candidate: _Candidate, evidences: dict[int, Evidence]) -> Relation:
    """The relation a candidate states; ``evidences`` keeps one (frozen) Evidence per
    sentence, shared by the relations it supports."""
    found, sentence = candidate.found, candidate.sentence
    head, tail = _oriented_ids(found.type, found.head, found.tail)
    evidence = _evidence(doc, sentence, evidences)
    rel_type = relation_type(found.type)
    return Relation(rel_type, head, tail, evidence, candidate.rule.name, candidate.rule.confidence)


def _drop(doc: Document, candidate: _Candidate, reason: str) -> Dropped:
    found, sentence = candidate.found, candidate.sentence
    text = f"{found.type} {found.head.canonical} -> {found.tail.canonical} ({candidate.rule.name})"
    return Dropped(doc.name, STAGE, reason, sentence.start, sentence.end, text)


def _is_section(relation: Relation) -> bool:
    return relation.rule.startswith("section-")


def _accept(doc: Document, candidates: list[_Candidate], dropped: list[Dropped]) -> list[Relation]:
    """Check and orient every candidate; a section guess yields to an explicit placement.
    A fact found several times (by several rules, or twice by one) is kept each time:
    kg.graph.merge keeps one of them when the graph is made, the one place that is decided."""
    relations: list[Relation] = []
    evidences: dict[int, Evidence] = {}
    candidates, yielded = _lead_yields_to_sentence_chain(candidates)
    dropped.extend(_drop(doc, c, _OWN_SENTENCE_CHAIN) for c in yielded)
    for candidate in candidates:
        reason = _reject_reason(candidate)
        if reason is not None:
            dropped.append(_drop(doc, candidate, reason))
        else:
            relations.append(_relation(doc, candidate, evidences))
    explicitly_placed = {
        (r.head, r.evidence.sentence) for r in relations if r.type == "LOCATED_IN" and not _is_section(r)
    }
    kept = [
        r
        for r in relations
        if not (r.type == "LOCATED_IN" and _is_section(r) and (r.head, r.evidence.sentence) in explicitly_placed)
    ]
    return _without_contradictions(doc, _one_chain_role(doc, kept, dropped), dropped)


def _lead_yields_to_sentence_chain(candidates: list[_Candidate]) -> tuple[list[_Candidate], list[_Candidate]]:
    """A firm its own sentence places in a chain it names ("…引进A、B等配套企业，打造电动车
    制造基地" under a lead on 高端装备制造) belongs to that chain, not also to the paragraph
    lead's: the lead speaks only for sentences that name no other chain for their firms, or
    name the lead's chain too. Returns the kept candidates and the ones that yield."""
    own: dict[tuple[str, int], set[str]] = defaultdict(set)
    for c in candidates:
        if c.found.type == "PART_OF_CHAIN" and c.rule.name not in _LEAD_CHAIN_RULES and _names_chain(c):
            own[(c.found.head.canonical, c.sentence.index)].add(c.found.tail.canonical)
    kept: list[_Candidate] = []
    yielded: list[_Candidate] = []
    for c in candidates:
        others = own.get((c.found.head.canonical, c.sentence.index), set()) - {c.found.tail.canonical}
        if c.rule.name in _LEAD_CHAIN_RULES and others and not _names_chain(c):
            yielded.append(c)
        else:
            kept.append(c)
    return kept, yielded


def _names_chain(candidate: _Candidate) -> bool:
    """Whether the candidate's sentence names its chain (the tail) itself."""
    chain, text = candidate.found.tail, candidate.sentence.text
    return chain.written in text or chain.canonical in text


def _one_chain_role(doc: Document, relations: list[Relation], dropped: list[Dropped]) -> list[Relation]:
    """One relation type per (organisation, chain): where the document says an
    organisation supports a chain, a FOCUSES_ON between them (read from its name or a
    weaker cue) says the same thing less precisely and is dropped."""
    supported = {(r.head, r.tail) for r in relations if r.type == "SUPPORTS_CHAIN"}
    if not supported:
        return relations
    kept: list[Relation] = []
    for r in relations:
        if r.type == "FOCUSES_ON" and (r.head, r.tail) in supported:
            text = f"FOCUSES_ON {r.head} -> {r.tail} ({r.rule})"
            dropped.append(Dropped(doc.name, STAGE, _SUPPORTS_SAME_CHAIN, r.evidence.start, r.evidence.end, text))
            continue
        kept.append(r)
    return kept


def _without_contradictions(doc: Document, relations: list[Relation], dropped: list[Dropped]) -> list[Relation]:
    """A PART_OF B and B PART_OF A in one document cannot both hold: keep the direction
    its most confident evidence gives, and drop both when the evidence is equal."""
    strength: dict[tuple[str, str], float] = {}
    for r in relations:
        if r.type == "PART_OF":
            key = (r.head, r.tail)
            strength[key] = max(strength.get(key, 0.0), r.confidence)
    kept: list[Relation] = []
    for r in relations:
        reverse = strength.get((r.tail, r.head))
        if r.type == "PART_OF" and reverse is not None and reverse >= strength[(r.head, r.tail)]:
            text = f"PART_OF {r.head} -> {r.tail} ({r.rule})"
            dropped.append(Dropped(doc.name, STAGE, _CONTRADICTED, r.evidence.start, r.evidence.end, text))
            continue
        kept.append(r)
    return kept


__all__ = ["RelationResult", "extract_relations", "SECTION_SOURCE"]
