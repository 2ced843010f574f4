"""Type the members of a headless list of industries after a verb of scope or focus.

"新城产业覆盖云岭智造、星海大健康、新材料和集成电路": no head noun closes the list, but the
verb before it (涵盖, 聚焦, 重点发展…; 向 of "向A、B、C方向发展") says that it lists what the
subject works in, and
most of its members are industries the gazetteer or the vocabulary knows. Their siblings
are then industries too, and a member that merely ends in a known industry (星海大健康 with
大健康) is named whole. Lists with 等 are left to loaders.mentions.lists.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import is_vocabulary_term
from loaders.lexicon.segmenter import segment
from loaders.mentions.entity_rules import STOP_WORDS
from loaders.mentions.field_lists import MIN_SIBLING_LIST_MEMBERS, is_industry_sibling
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.member_names import MAX_ITEM_CHARS

# Verbs that open a list of the fields a place or a body works in, with the result or aspect
# word written on with them ("培育出A、B", "形成了A、B"): that word opens no member.
_SCOPE_VERBS = re.compile(
    "(?:涵盖|覆盖|包括|包含|涉及|聚焦|重点发展|大力发展|加快发展|积极发展|培育壮大|培育|壮大|布局|"
    "主攻|做强|做大|发展壮大|集聚|形成|即)(?:出|了)?"
)
# "向A、B、C方向发展/转型": the directions a place or a trade grows in, a list of fields too.
_DIRECTION = "方向"
# Only 向 or 朝 opens such a list: "形成以A、B为特色方向的…" ranks fields, it grows in none.
_TOWARDS = re.compile("向|朝")
# (Speed: a run starts where a Han run starts. A match can start nowhere inside one, as
# what follows the first member is the same from any start, and without the look-behind
# the engine would retry the failing match from every character of a long run.) One 、 is
# enough when a joiner splits the last chunk ("装备制造、云岭电气和集成电路"): three members.
_RUN = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){1,}")
_CLAUSE_MARK = "的"
# The last member may be joined by a conjunction instead of 、 ("新材料和集成电路").
_LAST_JOINER = re.compile("及|和|与")
_DENG = "等"
_CLAUSE_ENDS = "。，；,;！？!?"
# Half the members at least must be known industries for the others to be taken as such.
_KNOWN_SHARE = 1 / 2


def headless_industry_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown or partly known members of headless industry lists of ``text``."""
    found: list[ListMember] = []
    verbs = _TOWARDS if _DIRECTION in text else _SCOPE_VERBS
    if "、" not in text or verbs.search(text) is None:
        return found  # speed: a run needs a scope verb before it
    for run in _RUN.finditer(text):
        members = _members(text, run.start(), run.end())
        if members:
            found += _typed(text, members, known)
    return found


def _members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The members of the 、-run ``text[start:end]``: the first one after its clause's
    scope verb; [] when no such verb opens the run or a member is no plain name."""
    if _bare_deng_close(text, start, end):
        end -= 1  # "重点发展A、B、C等。": 等 closes the run with no head noun to type it
    elif "等" in text[start:end]:
        return []
    last_comma = text.rfind("、", start, end)
    direction = text.find(_DIRECTION, last_comma, end)
    if direction >= 0:
        end = direction  # "向精细化工、电子化学品方向发展": the list ends before 方向
    verbs = list((_TOWARDS if direction >= 0 else _SCOPE_VERBS).finditer(text, start, end))
    first_comma = text.index("、", start)
    verbs = [v for v in verbs if v.end() < first_comma]
    if not verbs:
        return []
    spans: list[tuple[int, int]] = []
    at = _after_verb_words(text, verbs[-1].end(), first_comma)
    for chunk in text[at:end].split("、"):
        spans.append((at, at + len(chunk)))
        at += len(chunk) + 1
    last_start, last_end = spans[-1]
    joiner = _LAST_JOINER.search(text, last_start, last_end)
    if joiner is not None:
        spans[-1:] = [(last_start, joiner.start()), (joiner.end(), last_end)]
    # A member holding 的 is a clause, no plain name: the list qualifies a head its own
    # readers type ("覆盖A、B、C的完备产业链", "一批国内知名的A、B和C企业").
    if any(not 2 <= b - a <= MAX_ITEM_CHARS or _CLAUSE_MARK in text[a:b] for a, b in spans):
        return []
    return spans


def _bare_deng_close(text: str, start: int, end: int) -> bool:
    """The run ``text[start:end]`` ends in its only 等, and a clause ends right after it."""
    return text.find(_DENG, start, end) == end - 1 and (end == len(text) or text[end] in _CLAUSE_ENDS)


def _after_verb_words(text: str, at: int, first_comma: int) -> int:
    """Where the first member starts after the scope verb that ends at ``at``: past the verbs
    written on with it ("培育|发展|生物医药、…": 发展 belongs to the verb, not the member)."""
    for word in segment(text[at:first_comma]):
        if word not in STOP_WORDS or first_comma - at - len(word) < 2:
            break
        at += len(word)
    return at


def _typed(text: str, members: list[tuple[int, int]], known: list[KnownSpan]) -> list[ListMember]:
    inside = [k for k in known if members[0][0] <= k.start and k.end <= members[-1][1]]
    if any(k.type != "IndustryChain" for k in inside):
        return []  # a firm, place or body in the list: a list of something else
    chains = {(k.start, k.end) for k in inside}
    tails = {k.end: k.start for k in inside}
    named = sum(1 for a, b in members if (a, b) in chains or b in tails or is_vocabulary_term(text[a:b]))
    if len(members) < MIN_SIBLING_LIST_MEMBERS or named < _KNOWN_SHARE * len(members):
        return []
    return [
        ListMember(a, b, "IndustryChain", False)
        for a, b in members
        if (a, b) not in chains and (b in tails or is_vocabulary_term(text[a:b]) or is_industry_sibling(text[a:b]))
    ]
