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
# the industry's firms ("一批优质", "众多", "本土", "新锐"). Not a count ("30家汽车零部件企业"):
# a count describes unnamed firms, and the firms named around it belong to the broader
# chain the text speaks of (chain_candidates._counted_firms).
_MANY_WORDS = "众多|诸多|一大批|一批|大批|优质|本土|新锐"
MANY_FIRMS_BEFORE = re.compile(f"(?:{_MANY_WORDS})$")
_MANY_FIRMS = re.compile(_MANY_WORDS)
# A two-character industry word (金融, 物流, 软件) before 企业 often says only what trade a
# firm is in, as everyday words do; names of three characters and more are the chains.
MIN_KIND_CHARS = 3


def firm_kind_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """An industry of the vocabulary (industry_terms.txt) between a word of many and a
    head noun of firms: "一批优质半导体企业" names 半导体. (A gazetteer chain in the same
    place is kept by gazetteer_candidates; this reads the names only the vocabulary knows.)"""
    found = []
    terms = industry_terms()
    for many in _MANY_FIRMS.finditer(text):
        start = many.end()
        for length in term_lengths_opening_with(text[start : start + 1], terms):
            end = start + length
            name = text[start:end]
            if length >= MIN_KIND_CHARS and is_industry_term(name) and FIRMS_HEAD.match(text, end):
                if not any(m.start < end and start < m.end for m in matches):
                    found.append(Candidate(start, end, "IndustryChain", None, name, FIRM_KIND_SOURCE))
                break
    return found
