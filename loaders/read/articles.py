"""Find the articles of a newspaper page and the place each one is about.

A page with two or more bylines ("本报记者 …", "通讯员 …") holds several articles. Each
byline, with the title lines just above it, opens an article. The text between is cut
into chunks at subheadings and wherever the paragraphs turn to another city; a chunk
without a byline belongs to the article about the same city or, when no city tells,
to the article whose words it shares most. Pages with fewer bylines are one article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from kg.model import Article
from loaders.lexicon.place_names import city_counts, district_names, stem_of
from loaders.read.blocks import BOLD_LEVEL, Block
from loaders.read.line_kinds import byline_start

_MAX_HEADER_TITLES = 4  # title lines above a byline that belong to its header
# Overlapping pairs, found in one regex pass (a lookahead consumes nothing).
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_SAME_PLACE_BONUS = 1.0
_OTHER_PLACE_PENALTY = 1.0
_CONTINUITY_BONUS = 0.1  # ties go to the article just read
_MIN_FOCUS_MENTIONS = 2
_LOOKAHEAD_BLOCKS = 3
_MAX_OPEN_ARTICLES = 12  # a page holds a handful of articles; older ones are closed


@dataclass(slots=True)
class ArticleLayout:
    article_of_block: list[int]
    articles: list[Article]


@dataclass(slots=True)
class _Draft:
    title: str | None
    headed: bool
    places: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    words_norm_sq: int = 0  # kept up to date so that cosines cost the chunk's size only
    blocks: list[int] = field(default_factory=list)

    def add_words(self, words: Counter[str]) -> None:
        # (old + n)² - old² = 2·old·n + n², summed in C rather than word by word.
        overlap = sum(map(mul, words.values(), map(self.words.get, words, repeat(0))))
        self.words_norm_sq += 2 * overlap + sum(map(mul, words.values(), words.values()))
        self.words.update(words)


@dataclass(slots=True)
class _Chunk:
    blocks: list[int]
    title: str | None
    headed: bool


def find_articles(blocks: list[Block], document_title: str | None) -> ArticleLayout:
    if not blocks:
        return ArticleLayout([], [])
    bylines = [i for i, block in enumerate(blocks) if block.kind == "byline"]
    if len(bylines) < 2:
        return _single_article(blocks, document_title)
    places = _block_places(blocks)
    chunks = _chunks(blocks, places, _header_starts(blocks, bylines))
    drafts = _assign(chunks, blocks, places)
    return _layout(blocks, drafts)


def focus_of(places: Counter[str]) -> str | None:
    """The place mentioned most, when it is mentioned enough and more than any other."""
    ranked = places.most_common(2)
    if not ranked or ranked[0][1] < _MIN_FOCUS_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _single_article(blocks: list[Block], title: str | None) -> ArticleLayout:
    # One article: the places of the whole text at once, districts under their own name.
    text = "\n".join(block.text for block in blocks)
    total = city_counts(text)
    total.update(district_names(text))
    article = Article(0, title or "", blocks[0].start, blocks[-1].end, focus_of(total))
    return ArticleLayout([0] * len(blocks), [article])


def _block_places(blocks: list[Block]) -> list[Counter[str]]:
    """Places each block mentions; a district counts for the city it is seen with."""
    known = [city_counts(block.text) for block in blocks]
    districts = sorted({d for block in blocks for d in district_names(block.text)})
    city_of = _cities_of_districts(blocks, known, districts)
    stems = [(district, stem_of(district)) for district in districts]
    counts: list[Counter[str]] = []
    for block, block_known in zip(blocks, known, strict=True):
        block_counts = Counter(block_known)
        for district, stem in stems:
            mentions = block.text.count(stem)
            if mentions:
                block_counts[city_of.get(district, district)] += mentions
        counts.append(block_counts)
    return counts


def _cities_of_districts(blocks: list[Block], known: list[Counter[str]], districts: list[str]) -> dict[str, str]:
    together: dict[str, Counter[str]] = {d: Counter() for d in districts}
    stems = [(district, stem_of(district)) for district in districts]
    for block, block_known in zip(blocks, known, strict=True):
        cities = Counter({p: n for p, n in block_known.items() if p.endswith("市")})
        if not cities:
            continue
        for district, stem in stems:
            if stem in block.text:
                together[district].update(cities)
    city_of = {d: c.most_common(1)[0][0] for d, c in together.items() if c}
    # A district seen only with other districts ("顺义区和朝阳区") shares their city.
    for block in blocks:
        present = [d for d, stem in stems if stem in block.text]
        cities = Counter(city_of[d] for d in present if d in city_of)
        for district in present:
            if district not in city_of and cities:
                city_of[district] = cities.most_common(1)[0][0]
    return city_of


def _header_starts(blocks: list[Block], bylines: list[int]) -> dict[int, str | None]:
    """Where each byline's header begins, with the header's title."""
    starts: dict[int, str | None] = {}
    for byline in bylines:
        start = byline
        while (
            start > 0
            and byline - start < _MAX_HEADER_TITLES
            and blocks[start - 1].kind == "heading"
            and blocks[start - 1].heading_level >= BOLD_LEVEL
        ):
            start -= 1
        starts[start] = _header_title(blocks[start : byline + 1])
    return starts


def _header_title(header: list[Block]) -> str | None:
    titles = [b.text for b in header if b.kind == "heading" and not b.subtitle]
    if titles:
        return max(titles, key=len)
    # "安徽推动新兴产业培育提质增效 2025年05月16日 本报记者 路轶晨": title before the byline.
    cut = byline_start(header[-1].text)
    title = header[-1].text[:cut].strip() if cut else ""
    return title or None


def _chunks(blocks: list[Block], places: list[Counter[str]], headers: dict[int, str | None]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    header_end = -1
    seen: Counter[str] = Counter()  # places the current chunk has mentioned
    for i, block in enumerate(blocks):
        if i in headers:
            chunks.append(_Chunk([], headers[i], headed=True))
            header_end = _byline_after(blocks, i)
            seen = Counter()
        elif not chunks or (block.kind == "heading" and i > header_end):
            chunks.append(_Chunk([], block.text if block.kind == "heading" else None, False))
            seen = Counter()
        elif seen and _turns_to_new_place(places, i, seen):
            chunks.append(_Chunk([], None, headed=False))
            seen = Counter()
        chunks[-1].blocks.append(i)
        seen.update(places[i])
    return chunks


def _turns_to_new_place(places: list[Counter[str]], i: int, seen: Counter[str]) -> bool:
    """Block ``i`` is about a place the chunk has not mentioned, and says so firmly:
    twice, or again in the next block that names a place."""
    key = _top(places[i])
    if key is None or key in seen:
        return False
    if places[i][key] >= _MIN_FOCUS_MENTIONS:
        return True
    following = next((p for p in places[i + 1 : i + 1 + _LOOKAHEAD_BLOCKS] if p), None)
    return following is not None and _top(following) == key


def _byline_after(blocks: list[Block], start: int) -> int:
    for i in range(start, len(blocks)):
        if blocks[i].kind == "byline":
            return i
    return start


def _assign(chunks: list[_Chunk], blocks: list[Block], places: list[Counter[str]]) -> list[_Draft]:
    drafts: list[_Draft] = []
    previous: _Draft | None = None
    for chunk in chunks:
        chunk_places: Counter[str] = Counter()
        for i in chunk.blocks:
            chunk_places.update(places[i])
        words = _bigrams(" ".join(blocks[i].text for i in chunk.blocks))
        draft = _home_of(chunk, chunk_places, words, drafts, previous)
        if draft is None:
            draft = _Draft(chunk.title, chunk.headed)
            drafts.append(draft)
        elif chunk.headed:  # a headed chunk adopted a headless article about its city
            draft.title, draft.headed = chunk.title, True
        draft.blocks.extend(chunk.blocks)
        draft.places.update(chunk_places)
        draft.add_words(words)
        previous = draft
    return drafts


def _home_of(
    chunk: _Chunk,
    chunk_places: Counter[str],
    words: Counter[str],
    drafts: list[_Draft],
    previous: _Draft | None,
) -> _Draft | None:
    key = focus_of(chunk_places) or _top(chunk_places)
    if chunk.headed:
        # A byline opens a new article, unless its text went ahead without a header.
        return next((d for d in drafts if not d.headed and key and _top(d.places) == key), None)
    best, best_score = None, 0.0
    words_norm = math.sqrt(sum(n * n for n in words.values()))
    for draft in drafts[-_MAX_OPEN_ARTICLES:]:
        score = _cosine(words, words_norm, draft) + (_CONTINUITY_BONUS if draft is previous else 0.0)
        draft_key = _top(draft.places)
        if key and draft_key:
            score += _SAME_PLACE_BONUS if key == draft_key else -_OTHER_PLACE_PENALTY
        if best is None or score > best_score:
            best, best_score = draft, score
    return best if best is not None and best_score > 0 else None


def _top(places: Counter[str]) -> str | None:
    return places.most_common(1)[0][0] if places else None


def _bigrams(text: str) -> Counter[str]:
    """Every pair of adjacent Han characters, left to right (so ties keep text order)."""
    return Counter(_HAN_PAIR.findall(text))


def _cosine(words: Counter[str], words_norm: float, draft: _Draft) -> float:
    if not words_norm or not draft.words_norm_sq:
        return 0.0
    # Words the draft lacks add 0; map/get keeps the loop in C.
    dot = sum(map(mul, words.values(), map(draft.words.get, words, repeat(0))))
    return float(dot) / (words_norm * math.sqrt(draft.words_norm_sq))


def _layout(blocks: list[Block], drafts: list[_Draft]) -> ArticleLayout:
    article_of_block = [0] * len(blocks)
    articles: list[Article] = []
    for index, draft in enumerate(sorted(drafts, key=lambda d: min(d.blocks))):
        for i in draft.blocks:
            article_of_block[i] = index
        start = min(blocks[i].start for i in draft.blocks)
        end = max(blocks[i].end for i in draft.blocks)
        title = draft.title or blocks[min(draft.blocks)].text[:30]
        articles.append(Article(index, title, start, end, focus_of(draft.places)))
    return ArticleLayout(article_of_block, articles)
