"""Organisations placed by a one-character city abbreviation: "A、B、C三所在芜高校",
"X等在肥企业". Chinese writing shortens a city to one character of its name (芜湖 -> 芜,
合肥 -> 肥); the city meant is the article's one city whose name holds that character."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


def _city_abbreviated(view: SentenceView, abbreviation: str) -> Mention | None:
    """The one city of the article whose name holds ``abbreviation``, or None."""
    cities = {
        mention.canonical: mention
        for name, mention in view.containers.items()
        if mention.subtype == "City" and abbreviation in name
    }
    return next(iter(cities.values())) if len(cities) == 1 else None


@relation_rule("located-in-abbreviated-city", 0.8, min_mentions=1, needs="org", cues="在")
def located_in_abbreviated_city(view: SentenceView) -> Iterator[Found]:
    """A、B、C三所在芜高校 / X等在肥企业: each organisation is located in the city."""
    for unit in view.units:
        if unit.kind != "org":
            continue
        match = _CUES.in_city_after.match(view.text, unit.tail_end)
        if match is None:
            continue
        city = _city_abbreviated(view, match.group("abbr"))
        if city is not None:
            yield from pairwise("LOCATED_IN", unit.members, [city])
