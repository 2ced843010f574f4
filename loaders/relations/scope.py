"""Article scope: what a sentence may be related to beyond its own mentions.

A place counts only inside its article (a newspaper page carries articles about other
cities), so every lookup here is per article: the place a section heading names, the
chain a heading names, the city that 我市/全市/本市 stands for, and the provinces and
cities whose names prefix other place names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kg.model import Document, Mention, Sentence
from loaders.relations.class_limits import PLACE_DEPTH
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.view import NameIndex

CITY_DEIXIS_SOURCE = "city-deixis"
PROVINCE_DEIXIS_SOURCE = "province-deixis"
SECTION_SOURCE = "section-context"

_CUES = cue_patterns(__name__)
_MAX_CHAIN_HEADING = 16  # a longer heading is a theme, not one chain's paragraph
_CHAIN_HEADING_COVER = 0.6
# Place subtypes that contain others by name (regions, provinces, cities): True.
_CONTAINER_SUBTYPES = {name: depth <= PLACE_DEPTH["City"] for name, depth in PLACE_DEPTH.items()}
_SUFFIX_BY_DEPTH = {"省": "Province", "市": "City", "县": "County", "区": "District"}


@dataclass(slots=True)
class ArticleScope:
    """Names of one article's places and chains, and the city it is about."""

    places: dict[str, Mention] = field(default_factory=dict)  # written and canonical names
    chains: dict[str, Mention] = field(default_factory=dict)
    containers: dict[str, Mention] = field(default_factory=dict)  # provinces and cities
    organisations: dict[str, Mention] = field(default_factory=dict)  # written and canonical
    # Written names already searched for embedded chain names (SentenceView.embedded_chains).
    embedded: dict[str, list[Mention]] = field(default_factory=dict)
    # Written names already split into (parent, place) of a branch name, or None.
    branches: dict[str, tuple[Mention, Mention] | None] = field(default_factory=dict)
    focus: Mention | None = None
    # The one province the article names, which 我省/本省/全省 stand for (None: none or several).
    province: Mention | None = None
    # The canonical name of the place the article names most often, when one stands out.
    main_place: str | None = None
    # The chain each section heading names (None: none), worked out once per heading.
    heading_chains: dict[str, Mention | None] = field(default_factory=dict)
    chain_index: NameIndex = field(default_factory=NameIndex)  # of ``chains``


@lru_cache(maxsize=1024)
def clean_heading(text: str) -> str:
    """A heading without markup, numbering (第三节, （一）, 专栏六) and end punctuation."""
    bare = _CUES.markup.sub("", text)
    return _CUES.trailing.sub("", _CUES.numbering.sub("", bare))


def _names_table(scope: ArticleScope, entity_class: str) -> dict[str, Mention]:
    if entity_class == "Place":
        return scope.places
    if entity_class == "IndustryChain":
        return scope.chains
    return scope.organisations


def _container_names(mention: Mention) -> list[str]:
    names = [mention.written, mention.canonical]
    # "合肥市" is also written "合肥" at the start of "合肥高新区".
    names += [n[:-1] for n in names if len(n) > 2 and n[-1] in "省市"]
    return names


def _focus_mention(doc: Document, place: str, scope: ArticleScope) -> Mention:
    known = scope.places.get(place)
    if known is not None:
        return known
    subtype = _SUFFIX_BY_DEPTH.get(place[-1:]) if place else None
    return Mention(doc.name, -1, 0, 0, place, "Place", subtype, place, CITY_DEIXIS_SOURCE)


def build_scopes(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, ArticleScope]:
    """One ArticleScope per article index, from the mentions of that article only."""
    scopes: dict[int, ArticleScope] = {}
    for sentence in doc.sentences:
        scope = scopes.get(sentence.article)
        if scope is None:
            scope = scopes[sentence.article] = ArticleScope()
        for mention in by_sentence.get(sentence.index, ()):
            table = _names_table(scope, mention.type)
            # By written and by canonical name; the first mention of a name stands for it.
            table.setdefault(mention.written, mention)
            table.setdefault(mention.canonical, mention)
            if mention.type == "Place" and _CONTAINER_SUBTYPES.get(mention.subtype or ""):
                for name in _container_names(mention):
                    scope.containers.setdefault(name, mention)
    for index, counts in _place_counts(doc, by_sentence).items():
        scopes[index].main_place = _most_named(counts)
    for scope in scopes.values():
        scope.chain_index = NameIndex.of(scope.chains)
        provinces = {m.canonical: m for m in scope.places.values() if m.subtype == "Province"}
        scope.province = next(iter(provinces.values())) if len(provinces) == 1 else None
    for article in doc.articles:
        scope = scopes.setdefault(article.index, ArticleScope())
        if article.focus_place:
            scope.focus = _focus_mention(doc, article.focus_place, scope)
    return scopes


def _place_counts(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, Counter[str]]:
    """Per article, how often each place (by canonical name) is named."""
    counts: dict[int, Counter[str]] = {}
    for sentence in doc.sentences:
        names = counts.setdefault(sentence.article, Counter())
        names.update(m.canonical for m in by_sentence.get(sentence.index, ()) if m.type == "Place")
    return counts


def _most_named(counts: Counter[str]) -> str | None:
    """The one place named more often than any other, or None (a tie says nothing)."""
    top = counts.most_common(2)
    if not top or len(top) == 2 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


# The source of a mention that stands for the place a paragraph or page speaks of.
DOCUMENT_SUBJECT = "document-subject"


def synthetic_mention(template: Mention, sentence: Sentence, source: str) -> Mention:
    """A copy of ``template`` standing in ``sentence`` (it has no span of its own)."""
    return Mention(
        template.doc,
        sentence.index,
        sentence.start,
        sentence.start,
        template.text,
        template.type,
        template.subtype,
        template.canonical,
        source,
        clean_text=template.written,
    )


def _by_suffix(places: list[Mention], name: str) -> Mention | None:
    """The one place (by canonical) whose written name ends with ``name`` ("高新区" ->
    "合肥高新区"); None when there is none or the short name is ambiguous."""
    found = {m.canonical: m for m in places if m.written.endswith(name) or m.canonical.endswith(name)}
    return next(iter(found.values())) if len(found) == 1 else None


def resolve_section_place(scope: ArticleScope, name: str, run_places: list[Mention]) -> Mention | None:
    """The article's place a heading names: by full name, else by a short form that ends
    the name of one place named under that heading, else of one place in the article."""
    cleaned = clean_heading(name)
    known = scope.places.get(name) or scope.places.get(cleaned)
    if known is None and len(cleaned) >= 2:
        article_places = list({m.canonical: m for m in scope.places.values()}.values())
        known = _by_suffix(run_places, cleaned) or _by_suffix(article_places, cleaned)
    # Only a place of a known administrative level can contain what the heading covers.
    if known is None or (known.subtype or "") not in PLACE_DEPTH:
        return None
    return known


def section_place(scope: ArticleScope, sentence: Sentence, run_places: list[Mention]) -> Mention | None:
    """The place the sentence's section_place names, standing in the sentence, or None."""
    if not sentence.section_place:
        return None
    known = resolve_section_place(scope, sentence.section_place, run_places)
    return None if known is None else synthetic_mention(known, sentence, SECTION_SOURCE)


def section_chain(scope: ArticleScope, sentence: Sentence) -> Mention | None:
    """The one chain a short section heading names, standing in the sentence, or None."""
    if not sentence.section:
        return None
    if sentence.section in scope.heading_chains:
        chain = scope.heading_chains[sentence.section]
    else:
        chain = scope.heading_chains[sentence.section] = _heading_chain(scope, sentence.section)
    return None if chain is None else synthetic_mention(chain, sentence, SECTION_SOURCE)


def _heading_chain(scope: ArticleScope, section: str) -> Mention | None:
    """The article's one chain that ``section`` (a heading) is about, or None."""
    heading = clean_heading(section)
    if not heading or len(heading) > _MAX_CHAIN_HEADING:
        return None
    # Most headings name no chain: a look-up of the heading's substrings tells so faster
    # than a pass over every chain name of the article.
    if heading not in scope.chains and not scope.chain_index.names_in(heading, scope.chains):
        return None
    named = {m.canonical: m for name, m in scope.chains.items() if name and name in heading}
    if len(named) != 1:
        return None
    # The chain must be what the heading is about, not a word inside a longer theme
    # ("深化科技开放合作" names no chain even if 科技 were one).
    covered = _covered(heading, [n for n, m in scope.chains.items() if n and n in heading])
    if covered < _CHAIN_HEADING_COVER * len(_CUES.chain_words.sub("", heading) or heading):
        return None
    return next(iter(named.values()))


def _covered(text: str, names: list[str]) -> int:
    marks = [False] * len(text)
    for name in names:
        start = text.find(name)
        while start != -1:
            marks[start : start + len(name)] = [True] * len(name)
            start = text.find(name, start + 1)
    return sum(marks)


def may_have_city_deixis(scope: ArticleScope, sentence: Sentence) -> bool:
    """False when ``city_deixis`` surely finds nothing (a cheap test before it)."""
    return (_deictic_city(scope) is not None and "市" in sentence.text) or (
        scope.province is not None and "省" in sentence.text
    )


# What 我市/全市 cannot stand for: a page most about its province ("安徽省政府…", "安徽某某
# 集团…") still says 全市 of a city.
ABOVE_CITY = ("Province", "Region")


def _deictic_city(scope: ArticleScope) -> Mention | None:
    """The place 我市/全市/本市 stands for: the article's focus, when it is no province."""
    focus = scope.focus
    return focus if focus is not None and focus.subtype not in ABOVE_CITY else None


def city_deixis(scope: ArticleScope, sentence: Sentence) -> list[tuple[Mention, int, int]]:
    """我市/本市/全市 as the article's city (LOCATED_IN only) and 我省/本省/全省 as the one
    province it names, with their cleaned spans."""
    if not may_have_city_deixis(scope, sentence):
        return []
    found: list[tuple[Mention, int, int]] = []
    for pattern, place, source in (
        (_CUES.city_deixis, _deictic_city(scope), CITY_DEIXIS_SOURCE),
        (_CUES.province_deixis, scope.province, PROVINCE_DEIXIS_SOURCE),
    ):
        if place is None:
            continue
        for match in pattern.finditer(sentence.text):
            found.append((synthetic_mention(place, sentence, source), match.start(), match.end()))
    return found


def other_article_has_place(scopes: dict[int, ArticleScope], article: int, name: str) -> bool:
    return any(name in s.places for a, s in scopes.items() if a != article)
