"""Chains named as a place's own kind of industry: "A、B等合肥—肥东共同主导产业",
"A、B等合肥市首位产业". The places after the list, and the category word after them
(主导产业, 支柱产业…), say whose leading industries A and B are (FOCUSES_ON)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

# Between two places owning the industries together: 合肥—肥东 (合肥、肥东 is one unit).
_PLACE_JOIN = re.compile(r"^[—\-－–、和与及]$")
_OWN_INDUSTRY = re.compile(
    r"^(?:的)?(?:共同|各自)?(?:的)?(?:主导|支柱|首位|特色|优势|重点|战略性新兴|新兴|核心)"
    r"(?:产业|产业链|产业集群)"
)


def _owning_places(view: SentenceView, chain_index: int) -> list[int]:
    """The place units right after the 等-closed chain list at ``chain_index``."""
    places: list[int] = []
    for k in range(chain_index + 1, len(view.units)):
        gap = view.gap(k - 1, k)
        # The first place follows 等 directly; the next ones are joined to it.
        joined = _PLACE_JOIN.match(gap) if places else gap == ""
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
        if not places or not _OWN_INDUSTRY.match(view.text[view.units[places[-1]].end :]):
            continue
        chains = [m for k in _listed_chains(view, i) for m in view.units[k].members]
        for k in places:
            yield from pairwise("FOCUSES_ON", view.units[k].members, chains)
