"""Regenerate ``listed_companies.tsv`` from the stock list of the PyPI package ``adata``.

Usage::

    pip download --no-deps adata==2.9.5 -d /tmp/adata && unzip /tmp/adata/adata-2.9.5-*.whl -d /tmp/adata
    python loaders/lexicon/data/make_listed_companies.py /tmp/adata/adata/stock/cache/code.csv

The source lists every A-share stock code with its short name (证券简称). Listed companies
are written in business news by that short name alone (特变电工, 帝尔激光), which no suffix
rule sees. The names are cleaned and filtered by rule only:

- cleaned: the risk-warning and share-reform marks before a name (*ST, ST, S*ST, S, PT,
  XD), the share class after it (A, B, Ａ, Ｂ) and the spaces inside it (万  科) are dropped;
- left out: delisted names (…退), names of fewer than three characters, names that are a
  word of the segmenter's dictionary other than a firm's or brand's (机器人, 农产品; a place
  name such as 中关村 too), terms of the industry vocabularies, and a place followed by a
  company head word, an industry or other common words (上海电力, 中国软件, 南京公用: the
  place's industry or works as much as a firm);
- left out too: a news site's name (…网: written as a source line), and common words that
  are a trade and its head word (石化机械);
- marked ambiguous (read only beside a cue word or another firm): other names made of
  common words only that do not end in 集团, 股份 or 控股 (国际医学, 新希望, 浪潮信息).

Writes one row per name: ``code`` (the stock code; the first when a cleaned name is
shared by two share classes), ``name`` and ``reading`` (``name`` or ``ambiguous``).
"""

from __future__ import annotations

import csv
import re
import sys
from functools import cache
from pathlib import Path

import rjieba

from loaders.lexicon.chain_names import is_vocabulary_term
from loaders.lexicon.gazetteer import county_short_form, default_gazetteer, load_divisions, short_form
from loaders.mentions.short_names import company_head_words

OUTPUT = Path(__file__).with_name("listed_companies.tsv")
MIN_CHARS = 3  # two-character short names (万科, 中集) are mostly words or pieces of words
_MARKS_BEFORE = re.compile(r"^(?:S?\*?ST|PT|S|XD)\s*(?=[\u4e00-\u9fffA-Z])")
_CLASS_AFTER = re.compile(r"[ABＡＢ]股?$")
_DELISTED = "退"
# Word classes of a firm's, a brand's or a person's name: a dictionary word of one of them
# may be the firm (格力电器, 中兴通讯); any other is an everyday word or a place first.
_FIRM_TAGS = frozenset({"nt", "nz", "nr"})
# An abbreviation alone (招商局) may be a firm; inside a name (石化) it names a trade.
_WHOLE_FIRM_TAGS = _FIRM_TAGS | {"j"}
_COUNTRY = "中国"
# Words only a firm's name ends in (a group, a holding, a joint-stock company).
_FIRM_ENDINGS = ("集团", "股份", "控股")
# A news site's name (新华网) is mostly written as a source line, not as a firm.
_SITE_ENDING = "网"


def clean(raw: str) -> str:
    """*ST石化A -> 石化, 万  科Ａ -> 万科: the company's own short name."""
    name = re.sub(r"\s+", "", raw)
    name = _MARKS_BEFORE.sub("", name)
    return _CLASS_AFTER.sub("", name) if len(name) > MIN_CHARS - 1 else name


def place_names() -> frozenset[str]:
    """Names and short forms of every division (安徽, 合肥, 宜兴), the gazetteer's places
    (华东, 长三角) and the country's name."""
    names = {_COUNTRY}
    for division in load_divisions().values():
        names.add(division.name)
        names.update(n for n in (short_form(division.name), county_short_form(division.name)) if n)
    names.update(text for text, surface in default_gazetteer().surfaces.items() if surface.type == "Place")
    return frozenset(names)


def reading(name: str, places: frozenset[str], heads: frozenset[str]) -> str | None:
    """How a cleaned short name is read: "name", "ambiguous", or None (left out)."""
    if _DELISTED in name or name.endswith(_SITE_ENDING) or len(name) < MIN_CHARS:
        return None
    if is_vocabulary_term(name) or name in places:
        return None
    tagged = rjieba.tag(name)
    if rjieba.has_word(name) and len(tagged) == 1:
        return "name" if tagged[0][1] in _WHOLE_FIRM_TAGS else None  # 京东方 stays, 机器人 goes
    place = next((name[:n] for n in range(len(name) - 1, 1, -1) if name[:n] in places), None)
    if place is not None:
        return _after_a_place(name[len(place) :], heads)
    if all(rjieba.has_word(word) and tag not in _FIRM_TAGS for word, tag in tagged):
        return _of_common_words(name, heads)
    return "name"


def _of_common_words(name: str, heads: frozenset[str]) -> str | None:
    """A name made of common words only: a trade and its head word (石化机械) is left out, a
    name ending in a word only firms end in (兴发集团) is the firm's, any other is ambiguous
    (国际医学, 浪潮信息)."""
    head = next((h for h in sorted(heads, key=len, reverse=True) if name.endswith(h)), "")
    stem = name[: len(name) - len(head)]
    if head and (stem in heads or is_vocabulary_term(stem) or stem in industry_names()):
        return None
    return "name" if name.endswith(_FIRM_ENDINGS) else "ambiguous"


def _after_a_place(rest: str, heads: frozenset[str]) -> str | None:
    """A place's name, then ``rest``: the place's industry or any common word (上海电力,
    南京公用) is left out, a coined or proper name (浙江龙盛) is the firm's."""
    if len(rest) < MIN_CHARS - 1 or rest in heads or is_vocabulary_term(rest):
        return None  # 珠海港: a city with one more character names its harbour
    words = rjieba.tag(rest)
    return None if all(rjieba.has_word(word) and tag not in _FIRM_TAGS for word, tag in words) else "name"


@cache
def industry_names() -> frozenset[str]:
    """The industries the gazetteer knows (石化, 光伏)."""
    return frozenset(text for text, surface in default_gazetteer().surfaces.items() if surface.type == "IndustryChain")


def build_rows(source: Path) -> list[tuple[str, str, str]]:
    places = place_names()
    heads = frozenset(company_head_words())
    rows: dict[str, tuple[str, str, str]] = {}
    with source.open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            name = clean(record["short_name"])
            kind = reading(name, places, heads)
            if kind is not None and name not in rows:
                rows[name] = (record["stock_code"], name, kind)
    return sorted(rows.values())


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    rows = build_rows(Path(argv[1]))
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Short names of companies listed on China's A-share market (see SOURCES.md);\n")
        f.write("# generated by make_listed_companies.py, do not edit by hand.\n")
        f.write("code\tname\treading\n")
        f.writelines(f"{code}\t{name}\t{kind}\n" for code, name, kind in rows)


if __name__ == "__main__":
    main(sys.argv)
