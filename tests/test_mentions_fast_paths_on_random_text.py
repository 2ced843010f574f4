"""The fast paths of the mention stage give exactly what the plain formulations give.

Random sentences are assembled from name-like words, joiners and list cues, so lists,
known names and suffixes occur in many combinations; each fast function is compared with
its plain formulation kept here as the reference.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from loaders.lexicon.matcher import default_matcher
from loaders.mentions.entity_rules import _HARD_STOP, _INNER_PARENS, _window_floor, left_boundary
from loaders.mentions.field_lists import industry_siblings
from loaders.mentions.find import find_mentions
from loaders.mentions.list_cues import CONTAGIOUS, HEAD_CLASS, HEAD_CUE
from loaders.mentions.list_spans import KnownIndex, KnownSpan, ListMember
from loaders.mentions.list_walk import walk_items
from loaders.mentions.lists import after_leading_place, list_members
from loaders.mentions.member_names import acceptable_member
from loaders.mentions.rule_table import MAX_NAME_CHARS
from loaders.read.document import read_document

_NAMES = ("阳光电源", "科大讯飞", "蔚来", "京东方", "新能源汽车", "集成电路", "人工智能", "合肥", "中科大", "某某")
_JOINERS = ("、", "和", "与", "及", "以及", "，")
_TAILS = ("等企业", "等产业", "等领域", "等", "等6个产业链", "等龙头企业", "等新兴产业")
_TYPES = ("Enterprise", "IndustryChain", "Place", "University")


def _plain_list_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """list_members as first written: walk every list, then decide."""
    by_end = {k.end: k for k in known}
    index = KnownIndex(by_end, [(k.start, k.end) for k in known], [], frozenset())
    found: list[ListMember] = []
    at = text.find("等")
    while at > 0:
        cue = HEAD_CUE.match(text, at)
        cue_class = HEAD_CLASS[cue.group(1)] if cue else None
        items = walk_items(text, at, index, whole_members=cue_class is not None, firms=cue_class == "Enterprise")
        classes = {k.type for _, _, k in items if k is not None}
        count = sum(1 for _, _, k in items if k is not None)
        if cue_class is not None and not (classes & CONTAGIOUS and cue_class not in classes):
            cls, by_cue = cue_class, True
        elif cue_class is None and len(classes) == 1 and classes <= CONTAGIOUS and 2 * count > len(items):
            cls, by_cue = next(iter(classes)), False
        else:
            if text.startswith("等领域", at):  # a field list of industries types their siblings
                found += industry_siblings(text, items, classes)
            at = text.find("等", at + 1)
            continue
        unknown = [(a, b) for a, b, k in items if k is None]
        if cls == "IndustryChain":  # an industry named by the place before it (福山区汽车零部件)
            unknown = [(after_leading_place(text, a, b, index), b) for a, b in unknown]
        found += [ListMember(a, b, cls, by_cue) for a, b in unknown if acceptable_member(text[a:b], cls, by_cue)]
        at = text.find("等", at + 1)
    return found


def _random_list_sentence(rng: random.Random) -> tuple[str, list[KnownSpan]]:
    parts, known, position = ["支持"], [], 2
    for i in range(rng.randrange(1, 6)):
        if i:
            joiner = rng.choice(_JOINERS)
            parts.append(joiner)
            position += len(joiner)
        name = rng.choice(_NAMES)
        parts.append(name)
        if rng.random() < 0.5:
            known.append(KnownSpan(position, position + len(name), rng.choice(_TYPES)))
        position += len(name)
    parts += [rng.choice(_TAILS), "发展"]
    return "".join(parts), known


def test_list_members_skips_only_walks_that_cannot_type_anything() -> None:
    rng = random.Random(11)
    typed = 0
    for _ in range(5000):
        text, known = _random_list_sentence(rng)
        members = list_members(text, known)
        assert members == _plain_list_members(text, known), (text, known)
        typed += len(members)
    assert typed > 1000  # the sample holds many typed members, not only empty lists


def test_list_members_spreads_a_known_class_to_an_unknown_member() -> None:
    text = "阳光电源、科大讯飞、某某科技等发展"
    known = [KnownSpan(0, 4, "Enterprise"), KnownSpan(5, 9, "Enterprise")]
    assert list_members(text, known) == [ListMember(10, 14, "Enterprise", False)]


def _plain_window_floor(text: str, suffix_start: int) -> int:
    floor = max(0, suffix_start - MAX_NAME_CHARS)
    protected = [m.span() for m in _INNER_PARENS.finditer(text, floor, suffix_start)]
    last_stop = floor - 1
    # One character past the window: a space before the suffix is judged by its neighbour.
    for m in _HARD_STOP.finditer(text, floor, suffix_start + 1):
        if m.start() < suffix_start and not any(a <= m.start() < b for a, b in protected):
            last_stop = m.start()
    return last_stop + 1


def test_window_floor_is_after_the_last_unprotected_hard_stop() -> None:
    rng = random.Random(12)
    alphabet = "合肥国家实验室，。（）(、 \t建设的中德以色列在线交又A1"
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        for suffix_start in range(len(text) + 1):
            assert _window_floor(text, suffix_start) == _plain_window_floor(text, suffix_start), text


def test_left_boundary_of_an_empty_window_is_the_suffix_itself() -> None:
    assert left_boundary("建设，实验室", 3, []) == 3
    assert left_boundary("实验室", 0, []) == 0


def test_surface_matcher_still_rejects_matches_inside_ascii_words() -> None:
    matcher = default_matcher()
    assert [m.surface.canonical for m in matcher.find("合肥EAST装置")]  # ASCII name among Chinese
    assert not [m for m in matcher.find("EASTERN") if (m.start, m.end) == (0, 4)]
    assert not [m for m in matcher.find("XEAST") if (m.start, m.end) == (1, 5)]
    assert [(m.start, m.end) for m in matcher.find("在G60科创走廊")] == [(1, 8)]  # ASCII first char
    assert not [m for m in matcher.find("AG60科创走廊") if m.start == 1]


def test_mentions_do_not_depend_on_how_often_a_document_is_read(tmp_path: Path) -> None:
    # Caches and precomputed indexes must not leak from one document into the next.
    path = tmp_path / "doc.txt"
    path.write_text("合肥市支持科大讯飞、阳光电源等龙头企业发展。建设合肥综合性国家科学中心。\n", encoding="utf-8")
    first = find_mentions(read_document(path)).mentions
    default_matcher()
    second = find_mentions(read_document(path)).mentions
    assert first == second
    assert any(re.search("科学中心", m.text) for m in first)
