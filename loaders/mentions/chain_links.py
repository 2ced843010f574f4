"""Links of an industry chain written in order with dashes or arrows:
"构建“锂矿—正极材料—电芯”完整链条", "打造“正极材料——电芯——电池包”的全产业链",
"形成硅料——硅片、电池片——组件等光伏产业链" (a link may list several products).

Each link is a segment of the chain the sentence names. A dashed run counts only when
产业链, 产业体系 or 完整链条 follows it: dashes also write stages of innovation ("研发—转化—产业化…
机制", "众创空间—孵化器—加速器…培育链条", "…技术链") and ranges, which are no links of an
industry chain. A quoted run whose every link is a segment or industry of the vocabularies
("“零部件-整车-后市场”一体") is a chain map wherever it stands. (产业体系 after a run is a
chain map too: "“甲—乙—丙”某某产业体系".)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.lexicon.chain_names import is_vocabulary_term, vocabulary_term_start
from loaders.mentions.entity_rules import left_boundary

# A link: 2–10 characters, not across 等 or 的, which close the run ("…等光伏产业链").
_LINK = r"(?:(?![等的])[\u4e00-\u9fffA-Za-z0-9]){2,10}"
# Several products in one link ("电解铜箔、压延铜箔—覆铜板"): joined by 、, 或 or 及.
_LINK_LIST = rf"{_LINK}(?:(?:、|或|及){_LINK})*"
_DASH = r"(?:——|—|－|→|-{1,2})"
# The run, optionally quoted, then up to twelve characters (的全, 等多条铜基新材料) before
# the chain word.
_RUN = re.compile(
    rf"[“\"「]?(?P<run>{_LINK_LIST}(?:{_DASH}{_LINK_LIST}){{2,}})[”\"」]?"
    r"(?=[^，。；,;：:“”\"]{0,12}?(?:产业链|产业体系|完整链条))"
)
_QUOTED_RUN = re.compile(rf"[“\"「](?P<run>{_LINK}(?:{_DASH}{_LINK}){{2,}})[”\"」]")
_SPLIT = re.compile(rf"{_DASH}|、|或|以及|及")
_CHAIN_WORD = re.compile("产业链|产业体系|完整链条")
# Every run holds a dash: a sentence with none is passed over before the costly regexes.
_ANY_DASH = re.compile(r"[—－→-]")


# What a chain's ecosystem joins ("“产业—科技—人才—政策—服务”一体化的产业链生态"): a run that holds
# one of these words lists the supports of a chain, no links of it.
_ECOSYSTEM_WORDS = frozenset({"产业", "科技", "人才", "政策", "资金", "金融", "资本"})


# "…—PTA—聚酯系列": a link named with the range of products it makes; the link is 聚酯.
_RANGE_WORD = "系列"


def chain_link_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every link of every dashed chain run in ``text``."""
    for links, _ in chain_link_runs(text):
        yield from links


def chain_link_runs(text: str) -> Iterator[tuple[list[tuple[int, int]], int]]:
    """Each dashed chain run of ``text``: its links, (start, end) each, and where the chain
    word after it starts (-1 for a quoted run of terms that no chain word follows). The
    chain named right before that word is the one the links make up ("…等稀土永磁材料产业链")."""
    if _ANY_DASH.search(text) is None:
        return
    seen: set[tuple[int, int]] = set()
    # (Speed: _RUN looks ahead for a chain word, so without one the costly scan is spared.)
    runs = _RUN.finditer(text) if _CHAIN_WORD.search(text) is not None else ()
    for run in runs:
        seen.add(run.span("run"))
        word = _CHAIN_WORD.search(text, run.end())
        pieces = list(_pieces(text, run.start("run"), run.group("run")))
        if not any(text[a:b] in _ECOSYSTEM_WORDS for a, b in pieces):
            yield pieces, word.start() if word else -1
    for run in _QUOTED_RUN.finditer(text):
        if run.span("run") in seen:
            continue
        pieces = list(_pieces(text, run.start("run"), run.group("run")))
        if all(is_vocabulary_term(text[a:b]) for a, b in pieces):
            yield pieces, -1


def _pieces(text: str, at: int, run: str) -> Iterator[tuple[int, int]]:
    # A joiner may open the run ("以及铜箔—…"): the empty piece before it is no link.
    pieces = [piece for piece in _SPLIT.split(run) if piece]
    for index, piece in enumerate(pieces):
        start = text.index(piece, at)
        end = start + len(piece)
        if index == 0:
            start = _first_link_start(text, start, end)
        yield start, end - len(_RANGE_WORD) if piece.endswith(_RANGE_WORD) else end
        at = end


def _first_link_start(text: str, start: int, end: int) -> int:
    """Start of the first link, after the clause's verb an unquoted run leaves on it
    ("形成硅料—…": 硅料): a vocabulary term ending it, else the name the word rules read."""
    if start > 0 and text[start - 1] in '“"「':
        return start
    term = vocabulary_term_start(text, end, start)
    if term >= 0:
        return term
    return min(end - 1, max(start, left_boundary(text, end, [])))
