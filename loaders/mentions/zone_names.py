"""Full names of development zones written in their common short form.

"南昌高新区" is 南昌高新技术产业开发区 and "南昌经开区" 南昌经济技术开发区: the short forms are
fixed abbreviations of the zone types' official names, so a zone found by its short form
gets the full name as its canonical name (the short form stays an alias), and one zone
written both ways in a corpus is one entity.
"""

from __future__ import annotations

# short suffix -> official suffix (国家高新技术产业开发区 / 经济技术开发区 / 综合保税区)
_FULL_SUFFIX = {
    "高新区": "高新技术产业开发区",
    "经开区": "经济技术开发区",
    "综保区": "综合保税区",
}
_MIN_OWNER_CHARS = 2  # "高新区" alone is no zone's name


def full_zone_name(name: str) -> str:
    for short, full in _FULL_SUFFIX.items():
        if name.endswith(short) and len(name) - len(short) >= _MIN_OWNER_CHARS:
            return name[: -len(short)] + full
    return name


# "芜湖国家级高新技术产业开发区", "西宁（国家级）经济技术开发区": 国家级 says the zone's rank
# and is in no zone's official name (unlike 国家, which some hold: 苏州国家高新技术产业开发区),
# so the name drops it, with the brackets around it.
_RANK_WORDS = ("（国家级）", "(国家级)", "国家级")


def without_rank_word(name: str) -> str:
    if not name.endswith(("开发区", "高新区", "经开区")):
        return name
    for rank_word in _RANK_WORDS:
        at = name.find(rank_word)
        if at >= _MIN_OWNER_CHARS:
            return name[:at] + name[at + len(rank_word) :]
    return name


# The national high-tech zones' type is written with and without 产业: "东湖新技术开发区"
# and "东湖新技术产业开发区" name one zone. Each spelling maps to the other.
_WITH_INDUSTRY, _WITHOUT_INDUSTRY = "技术产业开发区", "技术开发区"


def other_zone_spelling(name: str) -> str | None:
    """The same zone's name with 产业 added to or taken from its type, if it has one."""
    if name.endswith(_WITH_INDUSTRY):
        return name[: -len(_WITH_INDUSTRY)] + _WITHOUT_INDUSTRY
    if name.endswith(_WITHOUT_INDUSTRY) and not name.endswith("经济技术开发区"):
        return name[: -len(_WITHOUT_INDUSTRY)] + _WITH_INDUSTRY
    return None


# A park's name is its owner's words and a park type ("某省某某科技产业园"); a text that
# names it in full calls it by the owner's words alone later ("某省某某携手…"). The owner
# must be long enough not to be a place or a firm of its own (4+ characters).
_PARK_TYPES = ("科技产业园", "高科技产业园", "产业园区", "工业园区", "科技园区", "产业园", "科技园", "工业园")
_MIN_PARK_OWNER_CHARS = 4


# Park types whose words before them name the park's industry ("公共安全产业园"): alone, those
# words are the industry ("高端装备、公共安全、电子信息等产业"), not a short name of the park.
_INDUSTRY_PARK_TYPES = ("产业园", "产业园区")


def park_short_name(name: str) -> str | None:
    """The words a park's full name ``name`` is shortened to, if it has a park type that
    follows its owner's words."""
    for park_type in sorted(_PARK_TYPES, key=len, reverse=True):
        if name.endswith(park_type) and len(name) - len(park_type) >= _MIN_PARK_OWNER_CHARS:
            return None if park_type in _INDUSTRY_PARK_TYPES else name[: -len(park_type)]
    return None
