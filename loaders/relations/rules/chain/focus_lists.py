"""Chains named as a place's own kind of industry: "A、B等合肥—肥东共同主导产业",
"A、B等合肥市首位产业". The places after the list, and the category word after them
(主导产业, 支柱产业…), say whose leading industries A and B are (FOCUSES_ON)."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


def _owning_places(view: SentenceView, chain_index: int) -> list[int]:
    """The place units right after the 等-closed chain list at ``chain_index``."""
    places: list[int] = []
    for k in range(chain_index + 1, len(view.units)):
        gap = view.gap(k - 1, k)
        # The first place follows 等 directly; the next ones are joined to it.
        joined = _CUES.place_join.match(gap) if places else gap == ""
        if view.units[k].kind != "place" or not joined:
            break
        places.append(k)
    return places


def _listed_chains(view: SentenceView, last: int) -> list[int]:
    """The chain units of the enumeration ending at ``last`` (one comma-free stretch)."""
    found = [last]
    for k in range(last - 1, -1, -1):
        if view.units[k].kind != "chain" or not view.same_clause(k, last, soft=True):
            break
        found.append(k)
    return found[::-1]


@relation_rule("focuses-on-place-industries", 0.8, needs="place chain", cues="产业")
def focuses_on_place_industries(view: SentenceView) -> Iterator[Found]:
    """A、B等X(、Y)主导产业: each place X, Y focuses on A and B."""
    for i, unit in enumerate(view.units):
        if unit.kind != "chain" or not unit.closed_by_deng:
            continue
        places = _owning_places(view, i)
        if not places or not _CUES.own_industry.match(view.text[view.units[places[-1]].end :]):
            continue
        chains = [m for k in _listed_chains(view, i) for m in view.units[k].members]
        for k in places:
            yield from pairwise("FOCUSES_ON", view.units[k].members, chains)
