"""Segments a plan lists in brackets right after an industry: "高端装备制造（工程机械、
机器人及智能制造装备）", "汽车（汽车零部件）", "新一代信息技术（集成电路、自主可控计算机）".

Plans write a city's industries this way, each with the parts it stresses; the bracket
belongs to no name, and each member is an industry of its own, part of the one before it
(relations.rules.chain.kinds, part-of-chain-parenthesis). A member with a digit, or a
word no industry holds (a generic or category word), shows a bracket of something else
("新材料（2024年）", "汽车（含零部件）")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.mentions.member_names import acceptable_chain

_OPENS = "（("
_CLOSES = "）)"
_BRACKET = re.compile(r"[（(](?P<inner>[^（）()，。；：,;:！？!?“”\"\s0-9０-９]{2,60}?)[）)]")
_MEMBER_MARK = "、"
MIN_MEMBER_CHARS = 2
MAX_MEMBER_CHARS = 12
_ASIDE_BREAK = re.compile(r"[（）()。；;！？!?]")
# Words that make a bracket an aside about the industry, not a list of its parts.
_ASIDES = ("含", "包括", "简称", "即", "如", "指", "下同", "以下", "不含", "除")


@dataclass(frozen=True, slots=True)
class SegmentBracket:
    open_at: int  # where （ stands: the industry before it ends here
    close_at: int  # where ） stands
    members: list[tuple[int, int]]  # (start, end) of each member


def segment_bracket_at(text: str, open_at: int) -> SegmentBracket | None:
    """The bracket of segments opening at ``open_at`` in ``text``, or None when the bracket
    there is no list of industries."""
    found = _BRACKET.match(text, open_at)
    if found is None or found.group("inner").startswith(_ASIDES):
        return None
    members = []
    at = found.start("inner")
    for piece in found.group("inner").split(_MEMBER_MARK):
        if not (MIN_MEMBER_CHARS <= len(piece) <= MAX_MEMBER_CHARS and acceptable_chain(piece)):
            return None
        members.append((at, at + len(piece)))
        at += len(piece) + len(_MEMBER_MARK)
    return SegmentBracket(open_at, found.end() - 1, members)


def bracket_open_before(text: str, end: int) -> int:
    """Where the bracket that closes right before ``end`` opens ("新能源汽车（含零部件）|"),
    or -1: no bracket closes there, or it holds another bracket or a clause's end."""
    if end < 1 or text[end - 1] not in _CLOSES:
        return -1
    open_at = max(text.rfind(mark, 0, end - 1) for mark in _OPENS)
    if open_at < 0 or _ASIDE_BREAK.search(text, open_at + 1, end - 1):
        return -1
    return open_at


def said_of_before(text: str, end: int) -> int:
    """Where a bracket closing right before ``end`` opens when it lists segments or opens on
    a word of an aside ("（含零部件）"): what it holds is said of the name before it; else -1."""
    open_at = bracket_open_before(text, end)
    if open_at < 0:
        return -1
    if text.startswith(_ASIDES, open_at + 1) or segment_bracket_at(text, open_at) is not None:
        return open_at
    return -1
