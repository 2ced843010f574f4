"""The brand a firm's legal name is shortened to, so the firm is found where the text
later (or in its title) writes only that: 某省某某锂电科技有限公司 … 某某锂电项目落户….

News names a firm in full once and by its short name after; no suffix rule sees the short
name, and the gazetteer knows only famous firms. The short name is the legal name without
its legal form, a bracketed place and a leading place (loaders.resolve.company_core), cut
after the first words that make four characters or more (某某锂电 of 某某锂电科技): the
brand and the first word of trade, as Chinese business writing shortens names.

No short name is learned where it could name something else: from a brand the dictionary
knows as a common word or that opens an industry's name (玻璃, 纳米: 纳米科技发展有限公司 is not
shortened to an industry), from a national word (中国航空发动机集团 is 中国航发, not 中国航空),
when it is an industry of the vocabularies or a name the gazetteer holds, or for a firm the
gazetteer already knows under some name (its short names are the gazetteer's).
"""

from __future__ import annotations

from functools import cache, lru_cache

import rjieba

from loaders.lexicon.chain_names import industry_terms, is_vocabulary_term, segment_terms
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.lexicon.segmenter import segment
from loaders.mentions.short_names import is_coined_word
from loaders.resolve import company_core

_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
_SHORT_CHARS = range(4, 7)
# A brand of three characters is the short name alone when its trade word makes it too long.
_BRAND_ALONE_CHARS = 3
# National words open the names of state firms and institutes whose short names are coined
# otherwise (中国航空发动机集团 is 中国航发, and 中国航空 another firm; 中国汽车工程研究院 is 中汽院).
NATIONAL_WORDS = frozenset({"中国", "中华", "国家", "全国"})
# Known firms inside a legal name are looked for in runs of these lengths.
_KNOWN_FIRM_CHARS = range(2, 7)


@lru_cache(maxsize=4096)
def firm_short_name(full: str) -> str | None:
    """The short name of the firm whose legal name is ``full``, or None when it has no
    legal form or no safe short name."""
    if not full.endswith(_LEGAL_FORMS) or _holds_known_firm(full):
        return None
    gaz = default_gazetteer()
    core = company_core(full, gaz)
    words = _opening_brand([w for w in segment(core) if not w.isspace()])
    if not words or not _is_brand(words[0]):
        return None
    short = _brand_and_trade(words)
    if short is None or gaz.surface(short) is not None or is_vocabulary_term(short):
        return None
    return short


def _brand_and_trade(words: list[str]) -> str | None:
    """The first words of ``words`` that make four to six characters; the brand alone when
    it has three and the next word makes the name too long (某某科 of 某某科信息技术)."""
    short = ""
    for word in words:
        if len(short + word) > _SHORT_CHARS[-1]:
            return short if short == words[0] and len(short) == _BRAND_ALONE_CHARS else None
        short += word
        if len(short) >= _SHORT_CHARS.start:
            return short
    return None


def _opening_brand(words: list[str]) -> list[str]:
    """``words`` with a first word of one character joined to the next, when the segmenter
    split a coined brand (中微创芯 read as 中 / 微创 / 芯): one character alone is no brand."""
    if len(words) < 2 or len(words[0]) > 1 or rjieba.has_word(words[0] + words[1]):
        return words
    return [words[0] + words[1], *words[2:]]


def _is_brand(word: str) -> bool:
    """Whether ``word`` is a firm's own word: coined, or a proper noun, not a common word
    nor an industry."""
    if word in NATIONAL_WORDS or is_vocabulary_term(word) or word in _industry_openings():
        return False
    return is_coined_word(word, [tag for _w, tag in rjieba.tag(word)])


@cache
def _industry_openings() -> frozenset[str]:
    """The first two characters of every industry and segment of the vocabularies: a word
    that opens one (纳米 of 纳米材料, 海洋 of 海洋经济) is a trade's, not a brand."""
    return frozenset(term[:2] for term in industry_terms() | segment_terms() if len(term) > 2)


def _holds_known_firm(full: str) -> bool:
    """Whether the gazetteer knows a firm named inside ``full``."""
    return default_gazetteer().holds_name(full, "Enterprise", _KNOWN_FIRM_CHARS)
