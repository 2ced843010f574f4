"""An industry written as the kind of the firms a noun phrase counts: "一批优质半导体企业",
"A、B等集成电路核心部件配套企业". There the text speaks of the industry's firms, so it
names the industry (policy texts and news introduce a chain's firms this way, then list
them), not a product or a trade the firms make (cf. gazetteer_candidates._qualifies_a_thing).
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import industry_terms, is_industry_term, term_lengths_opening_with
from loaders.lexicon.matcher import SurfaceMatch
from loaders.mentions.candidates import Candidate

FIRM_KIND_SOURCE = "firm-kind-industry"

# The head noun of firms after the industry, with what it may say between them: the
# industry word, the part the firms make and their role ("产业龙头企业", "核心部件配套企业",
# "零部件生产企业", "供应商").
FIRMS_HEAD = re.compile(
    r"(?:产业|行业)?(?:核心)?(?:零部件|部件)?(?:龙头|骨干|领军|头部|重点|链主|配套|生产|制造)?(?:企业|厂商|供应商)"
)
# Words of many or of standing right before the industry, which make the phrase a set of
# the industry's firms ("一批优质", "众多", "多家", "本土", "新锐", "知名"). Not a count ("30家汽车零部件企业"):
# a count describes unnamed firms, and the firms named around it belong to the broader
# chain the text speaks of (chain_candidates._counted_firms).
_MANY_WORDS = "众多|诸多|一大批|一批|大批|多家|优质|本土|新锐|知名"
MANY_FIRMS_BEFORE = re.compile(f"(?:{_MANY_WORDS})$")
_MANY_FIRMS = re.compile(_MANY_WORDS)
# A two-character industry word (金融, 物流, 软件) before 企业 often says only what trade a
# firm is in, as everyday words do; names of three characters and more are the chains.
MIN_KIND_CHARS = 3


# After a list closed by 等 (with a count, a word of many or of standing between), the head
# types the firms listed, and the industry before it is theirs whatever its length: "A、B等
# 多家知名医药企业" names 医药.
_AFTER_LIST = re.compile(
    r"等(?:为代表的|为首的|为引领的)?(?:[0-9一二三四五六七八九十百千两多几]+[家个批户])?"
    r"(?:众多|诸多|一批|一大批|大批)?(?:知名|优质|重点|本土|新锐|骨干|龙头)?"
)
_MIN_LISTED_KIND_CHARS = 2


def firm_kind_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """An industry of the vocabulary (industry_terms.txt) between a word of many, or a list's
    等, and a head noun of firms: "一批优质半导体企业" names 半导体, "A、B等医药企业" 医药.
    (A gazetteer chain in the same place is kept by gazetteer_candidates; this reads the
    names only the vocabulary knows.)"""
    openings = [(many.end(), MIN_KIND_CHARS) for many in _MANY_FIRMS.finditer(text)]
    if "等" in text:
        openings += [(listed.end(), _MIN_LISTED_KIND_CHARS) for listed in _AFTER_LIST.finditer(text)]
    found: list[Candidate] = []
    for start, least in openings:
        cand = _kind_at(text, start, least, matches)
        if cand is not None and not any(c.start == cand.start for c in found):
            found.append(cand)
    return found


def _kind_at(text: str, start: int, least: int, matches: list[SurfaceMatch]) -> Candidate | None:
    """The longest industry of the vocabulary opening at ``start`` before a head of firms."""
    for length in term_lengths_opening_with(text[start : start + 1], industry_terms()):
        end = start + length
        name = text[start:end]
        if length >= least and is_industry_term(name) and FIRMS_HEAD.match(text, end):
            if any(m.start < end and start < m.end for m in matches):
                return None
            return Candidate(start, end, "IndustryChain", None, name, FIRM_KIND_SOURCE)
    return None
