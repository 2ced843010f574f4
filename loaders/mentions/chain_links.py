"""Links of an industry chain written in order with dashes or arrows:
"构建“锂矿—正极材料—电芯”完整链条", "打造“正极材料——电芯——电池包”的全产业链".

Each link is a segment of the chain the sentence names. A dashed run counts only when
产业链 or 完整链条 follows it: dashes also write stages of innovation ("研发—转化—产业化…
机制", "众创空间—孵化器—加速器…培育链条", "…技术链") and ranges, which are no links of an
industry chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINK = r"[\u4e00-\u9fffA-Za-z0-9]{2,10}"
_DASH = r"(?:——|—|－|→|-{1,2})"
# The run, optionally quoted, then up to six characters (的全, 的全生命周期) before the chain word.
_RUN = re.compile(
    rf"[“\"「]?(?P<run>{_LINK}(?:{_DASH}{_LINK}){{2,}})[”\"」]?"
    r"(?=[^，。；,;：:“”\"]{0,6}?(?:产业链|完整链条))"
)
_SPLIT = re.compile(_DASH)


# "…—PTA—聚酯系列": a link named with the range of products it makes; the link is 聚酯.
_RANGE_WORD = "系列"


def chain_link_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every link of every dashed chain run in ``text``."""
    for run in _RUN.finditer(text):
        at = run.start("run")
        for piece in _SPLIT.split(run.group("run")):
            start = text.index(piece, at)
            end = start + len(piece)
            yield start, end - len(_RANGE_WORD) if piece.endswith(_RANGE_WORD) else end
            at = end
