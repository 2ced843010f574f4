"""Organisations placed by a one-character city abbreviation: "A、B、C三所在芜高校",
"X等在肥企业". Chinese writing shortens a city to one character of its name (芜湖 -> 芜,
合肥 -> 肥); the city meant is the article's one city whose name holds that character."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

# Right after the list (matched at its end, so no ^): an optional count ("三所", "5家"), 在, the abbreviation, and the
# kind of organisation the list is (a noun is required: "在芜投资" is a verb phrase).
_IN_CITY_AFTER = re.compile(
    r"(?:[一二三四五六七八九十两几多\d]+[所家个])?在(?P<abbr>[\u4e00-\u9fff])"
    r"(?:的)?(?:高校|高等院校|院校|大学|科研院所|院所|企业|机构|研究机构)"
)


def _city_abbreviated(view: SentenceView, abbreviation: str) -> Mention | None:
    """The one city of the article whose name holds ``abbreviation``, or None."""
    cities = {
        mention.canonical: mention
        for name, mention in view.containers.items()
        if mention.subtype == "City" and abbreviation in name
    }
    return next(iter(cities.values())) if len(cities) == 1 else None


@relation_rule("located-in-abbreviated-city", 0.8, needs="org", cues="在")
def located_in_abbreviated_city(view: SentenceView) -> Iterator[Found]:
    """A、B、C三所在芜高校 / X等在肥企业: each organisation is located in the city."""
    for unit in view.units:
        if unit.kind != "org":
            continue
        match = _IN_CITY_AFTER.match(view.text, unit.tail_end)
        if match is None:
            continue
        city = _city_abbreviated(view, match.group("abbr"))
        if city is not None:
            yield from pairwise("LOCATED_IN", unit.members, [city])
