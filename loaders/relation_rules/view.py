"""What a relation rule sees of one sentence: its text, its mentions grouped into
coordinated Units, and the places and chains its article section supplies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.model import Mention, Sentence
from loaders.coordination import Unit

# Characters that end a clause for the purpose of relating two mentions.
_CLAUSE_END = re.compile(r"[。；;！？!?]")
_SOFT_END = re.compile(r"[。；;！？!?，,：:]")


@dataclass(slots=True)
class SentenceView:
    sentence: Sentence
    units: list[Unit]
    # A synthetic Place mention standing for Sentence.section_place, resolved within the
    # sentence's article; None when the sentence has no section place or it is unknown.
    section_place: Mention | None = None
    # A synthetic IndustryChain mention for a chain the section heading names.
    section_chain: Mention | None = None
    # Region, province and city mentions of the sentence's article by written name
    # (合肥, 合肥市): the city a column heading names, the region leading a project's name.
    containers: dict[str, Mention] = field(default_factory=dict)
    # The article's chains by written and canonical name, for names that embed one
    # ("海峡两岸集成电路产业合作试验区").
    chain_names: dict[str, Mention] = field(default_factory=dict)
    # The article's organisations by written and canonical name, for names that begin
    # with their parent's ("中科院合肥物质研究院").
    organisations: dict[str, Mention] = field(default_factory=dict)
    # Names already searched for embedded chains, shared by the article's sentences.
    embedded_cache: dict[str, list[Mention]] = field(default_factory=dict)
    # The chains a paragraph lead names ("**集成电路。**…"), for the rest of that paragraph.
    lead_chains: tuple[Mention, ...] = ()

    @property
    def text(self) -> str:
        return self.sentence.text

    def gap(self, left: int, right: int) -> str:
        """Text between unit ``left`` (after its 等-tail) and unit ``right``."""
        a, b = self.units[left], self.units[right]
        start = a.tail_end if a.tail_end <= b.start else a.end
        return self.text[start : b.start]

    def before(self, index: int, width: int = 8) -> str:
        """Up to ``width`` characters before unit ``index``, not reaching into the previous
        unit or across a clause end."""
        unit = self.units[index]
        floor = self.units[index - 1].tail_end if index > 0 else 0
        chunk = self.text[max(floor, unit.start - width) : unit.start]
        ends = list(_CLAUSE_END.finditer(chunk))
        return chunk[ends[-1].end() :] if ends else chunk

    def after(self, index: int, width: int = 12) -> str:
        """Up to ``width`` characters after unit ``index`` (after its 等-tail), stopping at
        the next unit or a clause end."""
        unit = self.units[index]
        ceiling = self.units[index + 1].start if index + 1 < len(self.units) else len(self.text)
        chunk = self.text[unit.tail_end : min(ceiling, unit.tail_end + width)]
        end = _CLAUSE_END.search(chunk)
        return chunk[: end.start()] if end else chunk

    def consecutive(self) -> Iterator[tuple[int, int]]:
        """Index pairs of neighbouring units."""
        for i in range(len(self.units) - 1):
            yield i, i + 1

    def same_clause(self, left: int, right: int, soft: bool = False) -> bool:
        """True when no clause end (and, if ``soft``, no comma or colon) lies between."""
        pattern = _SOFT_END if soft else _CLAUSE_END
        a, b = self.units[left], self.units[right]
        return pattern.search(self.text, a.end, b.start) is None

    def clause_pairs(self, soft: bool = False) -> Iterator[tuple[int, int]]:
        """Index pairs (i < j) of units in one clause."""
        for i in range(len(self.units)):
            for j in range(i + 1, len(self.units)):
                if not self.same_clause(i, j, soft):
                    break
                yield i, j

    def embedded_chains(self, mention: Mention, shortest: int = 3) -> list[Mention]:
        """Chains of the article whose name appears inside ``mention``'s written name."""
        name = mention.text
        known = self.embedded_cache.get(name)
        if known is None:
            known = self._embedded(name, shortest)
            self.embedded_cache[name] = known
        return known

    def _embedded(self, name: str, shortest: int) -> list[Mention]:
        found: dict[str, Mention] = {}
        for start in range(len(name)):
            for end in range(start + shortest, len(name) + 1):
                chain = self.chain_names.get(name[start:end])
                if chain is not None and end - start < len(name):
                    found.setdefault(chain.canonical, chain)
        return list(found.values())
