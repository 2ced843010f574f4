"""A county-level place written by its bare name after its province and city: "山东青岛崂山".

A province, then one of its cities, then two or three characters that, with 区/县/市, are
a division of that city, name that division. Both conditions keep it narrow: the chain of
province and city shows the writer is spelling out an address, and the name must end the
phrase (punctuation, a bracket, the end of the text), so "北京海淀法院" or "深圳南山某公司",
where the bare name opens an organisation's name, gives no district.
"""

from __future__ import annotations

import re

from loaders.lexicon.gazetteer import Gazetteer
from loaders.mentions.district_lists import ListedDivision, division_of

# Two or three Han characters, then anything but a Han character (or the end).
_BARE_NAME = re.compile(r"([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")
_SUFFIXES = ("区", "县", "市")


def chained_division(text: str, at: int, province_code: str, city_code: str, gaz: Gazetteer) -> ListedDivision | None:
    """The division of city ``city_code`` named bare at ``at``, when the city is one of
    province ``province_code``'s; None otherwise."""
    city = gaz.divisions.get(city_code)
    if city is None or city.parent != province_code:
        return None
    match = _BARE_NAME.match(text, at)
    if match is None:
        return None
    division = division_of(match.group(1), _SUFFIXES, city_code, gaz)
    return None if division is None else ListedDivision(match.start(1), match.end(1), division)
