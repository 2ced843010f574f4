"""Industry and chain candidates of a sentence: links of a chain map, ranked industries,
links listed before 产业链, whole-chain and joined industries (the first member before a
joiner too), supply industries of a known chain (光伏材料产业), paired categories,
industries named by an industry word, lists of chain stages; and whether a paragraph
speaks about an industry."""

from __future__ import annotations

import re

import rjieba

from kg.model import Sentence
from loaders.lexicon.chain_names import (
    DEPENDENT_WORDS,
    industry_term_start,
    is_stage_word,
    is_vocabulary_term,
    names_stages,
    paired_category_spans,
    suffixed_industries,
)
from loaders.lexicon.gazetteer import Gazetteer
from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.lexicon.segmenter import segment
from loaders.mentions.bracketed_segments import segment_bracket_at
from loaders.mentions.candidates import (
    CHAIN_SPLIT_SOURCE,
    JOINED_FIRST_SOURCE,
    WHOLE_CHAIN_SOURCE,
    Candidate,
    DocState,
    is_stop_word,
    known_as,
)
from loaders.mentions.chain_links import chain_link_runs, chain_link_spans
from loaders.mentions.chain_words import common_verb, is_verb_phrase
from loaders.mentions.entity_rules import left_boundary
from loaders.mentions.joined_chains import first_joined_members
from loaders.mentions.list_cues import INDUSTRY_AS_MODIFIER_OF
from loaders.mentions.listed_links import from_to_link_spans, listed_link_spans
from loaders.mentions.member_names import acceptable_chain
from loaders.mentions.rule_candidates import plain_chain_reason
from loaders.mentions.whole_chains import whole_chain_industries

CHAIN_LINK_SOURCE = "chain-dashed-links"


def chain_link_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Links of a chain written with dashes before 产业链/链条: segments (ChainSegment); and
    the chain they make up, named between the run and the chain word ("“衬底—芯片—封装”的
    LED全产业链": LED)."""
    found = [
        Candidate(a, b, "IndustryChain", "ChainSegment", name_form(text[a:b]), CHAIN_LINK_SOURCE)
        for a, b in chain_link_spans(text)
        if not any(is_stop_word(w) for w in segment(text[a:b]))
    ]
    for links, word_at in chain_link_runs(text):
        named = _RUN_CHAIN_NAME.fullmatch(text, links[-1][1], word_at) if word_at >= 0 else None
        spans = [named.span("name")] if named is not None else []
        if word_at >= 0:
            spans += _chain_before_quoted_run(text, links[0][0])
        for a, b in spans:
            if acceptable_chain(text[a:b]) and not any(is_stop_word(w) for w in segment(text[a:b])):
                canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
                found.append(Candidate(a, b, "IndustryChain", subtype, canonical, CHAIN_LINK_SOURCE))
    return found


def _chain_before_quoted_run(text: str, first_link: int) -> list[tuple[int, int]]:
    """ "打造存储器“设计—封测”产业链": the name right before the quoted run is the chain."""
    quote = first_link - 1
    if quote < 1 or text[quote] not in _OPENING_QUOTES:
        return []
    start = left_boundary(text, quote, [])
    return [(start, quote)] if 2 <= quote - start <= MAX_RUN_CHAIN_CHARS else []


_OPENING_QUOTES = '“"「'
MAX_RUN_CHAIN_CHARS = 10


# Between a dashed run and its chain word: a closing quote, 的, the chain's name, 全.
_RUN_CHAIN_NAME = re.compile(r"[”\"」]?的?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)全?")


RANKED_INDUSTRY_SOURCE = "ranked-industry"
# "绿色化工是该市的当家产业": the subject of a clause that ranks it among a place's industries.
# "某区以航空制造为核心产业", "园区将科学仪器作为园区特色产业", "将某某产业确定为主导产业": what
# a place takes as its leading industry is one too.
_RANKS = "(?:当家|主导|支柱|首位|优势|特色|核心)产业"
_RANKED_INDUSTRY = re.compile(
    r"(?:^|(?<=[，。；：,;:]))(?P<name>[\u4e00-\u9fff]{2,8}?)(?:产业|行业)?是"
    rf"(?:[\u4e00-\u9fff]{{0,8}}?的)?{_RANKS}"
)
_TAKEN_AS_RANKED = re.compile(
    rf"(?:以|将|把)(?P<name>(?:(?!产业|行业)[\u4e00-\u9fff]){{2,8}}?)(?:产业|行业)?(?:确定|列)?(?:作为|为)"
    rf"(?:[\u4e00-\u9fff]{{0,4}}?){_RANKS}"
)


def ranked_industry_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "绿色化工是该市的当家产业", "某区以航空制造为核心产业": an industry ranked among a
    place's leading ones is an industry."""
    found = []
    for ranked in [*_RANKED_INDUSTRY.finditer(text), *_TAKEN_AS_RANKED.finditer(text)]:
        a, b = ranked.span("name")
        name = text[a:b]
        if acceptable_chain(name) and plain_chain_reason(name, gaz) is None and not is_verb_phrase(name):
            canonical, subtype = known_as(name_form(name), "IndustryChain", None, gaz)
            found.append(Candidate(a, b, "IndustryChain", subtype, canonical, RANKED_INDUSTRY_SOURCE))
    return found


BRACKETED_SEGMENT_SOURCE = "chain-bracketed-segments"


def bracketed_segment_candidates(text: str, pool: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """ "高端装备制造（工程机械、机器人及智能制造装备）": the industries in brackets right
    after a candidate industry (see bracketed_segments.py)."""
    found = []
    for chain in pool:
        if chain.type != "IndustryChain" or chain.end >= len(text):
            continue
        bracket = segment_bracket_at(text, chain.end)
        for a, b in bracket.members if bracket is not None else []:
            canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
            found.append(Candidate(a, b, "IndustryChain", subtype, canonical, BRACKETED_SEGMENT_SOURCE))
    return found


LISTED_LINK_SOURCE = "chain-listed-links"


def listed_link_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """Members of a list that 产业链 closes ("建成电芯、模组和电池包全产业链"): segments
    (see listed_links.py). One member with a verb or stop word in it shows a list of
    something else ("市委、市政府重视产业链"), and none is taken; a generic member
    alone is left out."""
    known = [(m.start, m.end, m.surface.type) for m in matches]
    found: list[Candidate] = []
    for listed in [*listed_link_spans(text, known), *from_to_link_spans(text, known)]:
        if any(is_stop_word(w) for a, b in listed.links for w in segment(text[a:b])):
            continue
        subtype = None if listed.of_chains else "ChainSegment"
        stages = names_stages([text[a:b] for a, b in listed.links])
        found += [
            Candidate(a, b, "IndustryChain", subtype, name_form(text[a:b]), LISTED_LINK_SOURCE)
            for a, b in listed.links
            if acceptable_chain(text[a:b])
            or is_vocabulary_term(text[a:b])
            or _supply_link(text[a:b])
            or (stages and is_stage_word(text[a:b]))  # "设计、制造、封测产业链": 制造 too
        ]
    return found


_SUPPLY_WORD = "配套"
_SUPPLY_JOINERS = "与及和"
MIN_SUPPLIED_CHARS = 2


def _supply_link(name: str) -> bool:
    """ "原材料配套", "材料与配套": in a chain map, the link that supplies what it names; alone
    配套 is too generic a tail for a chain's name."""
    supplied = name.removesuffix(_SUPPLY_WORD).rstrip(_SUPPLY_JOINERS)
    return name.endswith(_SUPPLY_WORD) and len(supplied) >= MIN_SUPPLIED_CHARS and acceptable_chain(supplied)


def whole_chain_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "某某新材料全产业链": the industry before 全产业链 (see whole_chains.py)."""
    found = []
    for a, b in whole_chain_industries(text):
        canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
        found.append(Candidate(a, b, "IndustryChain", subtype, canonical, WHOLE_CHAIN_SOURCE))
    return found


def joined_first_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """ "先进陶瓷与集成电路产业": the member before the joiner (joined_chains.py)."""
    chains = [(m.start, m.end) for m in matches if m.surface.type == "IndustryChain"]
    found = []
    for a, b in first_joined_members(text, chains):
        canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
        found.append(Candidate(a, b, "IndustryChain", subtype, canonical, JOINED_FIRST_SOURCE))
    return found


INDUSTRY_WORD_SOURCE = "industry-word"


def paired_category_candidates(text: str) -> list[Candidate]:
    """ "新能源新材料": two categories back to back, one span that split_joined_chains
    cuts in two (新能源 alone is no gazetteer name, so it would be lost beside 新材料)."""
    return [
        Candidate(a, b, "IndustryChain", None, text[a:b], CHAIN_SPLIT_SOURCE) for a, b in paired_category_spans(text)
    ]


def suffixed_industry_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """Industries of the vocabulary written with 工业, 行业, 领域 or 赛道 ("钢铁工业", "化工行业", "半导体领域"),
    where no known name runs across their edges (one inside, 汽车 of "汽车零部件行业", is a
    part of the longer industry)."""
    return [
        Candidate(a, b, "IndustryChain", None, industry, INDUSTRY_WORD_SOURCE)
        for a, b, industry in suffixed_industries(text)
        if not any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in matches)
    ]


STAGE_SOURCE = "chain-stage-list"
# "上游A、B，中游C": the words after a stage marker list links of a chain. Not a stage
# list: "向下游延伸", "上下游企业", "下游关联企业A", "下游的…" — but "从上游的A、B，到中游的C" walks the
# chain's stages in order, and "产业链上游的A、B" names the stage of a chain: there 的 opens the list.
_STAGE = re.compile("(?<![向往上])(?:上游|中游|下游)(?![企的延环配协产关])|(?<=[从到链])(?:上游|中游|下游)的")
_STAGE_ITEM_SPLIT = re.compile("以及|、|和|与|及")
# (到/至 end a stage's list: "从上游原料到下游代工" spans two stages, not one list.)
_STAGE_LIST_END = re.compile(r"[，。；：,;:（）()“”\s]|的|等|协同|均|各|到|至")
MAX_STAGE_ITEM_CHARS = 8
_APPLIED = "应用"
_STAGE_ITEM_LEAD = re.compile("(?:上游|中游|下游)?(?:为|是|有|包括|主要有|涵盖)?")
# What stands at a stage without being a link of the chain: its firms, its customers.
_STAGE_KINDS = frozenset({"企业", "公司", "厂商", "厂家", "客户", "市场", "环节", "领域", "产品"})


def stage_list_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """Members of lists after 上游/中游/下游: segments (ChainSegment) of the chain."""
    found = []
    for hit in _STAGE.finditer(text):
        end_hit = _STAGE_LIST_END.search(text, hit.end())
        end = end_hit.start() if end_hit else len(text)
        for start, stop in _pieces(text, hit.end(), end):
            piece = text[start:stop]
            # "上游为A、中游B": the next stage's word, or a copula, opens the piece
            lead = _STAGE_ITEM_LEAD.match(piece)
            skip = lead.end() if lead else 0
            start, piece = start + skip, piece[skip:]
            if len(piece) - len(_APPLIED) >= 2 and piece.endswith(_APPLIED):
                stop, piece = stop - len(_APPLIED), piece[: -len(_APPLIED)]  # 下游的智能终端应用: 智能终端
            if piece in _STAGE_KINDS:
                continue  # "产业链下游的企业": the firms at that stage, no link of the chain
            if 2 <= len(piece) <= MAX_STAGE_ITEM_CHARS and not any(is_stop_word(w) for w in segment(piece)):
                found.append(Candidate(start, stop, "IndustryChain", "ChainSegment", name_form(piece), STAGE_SOURCE))
    return found


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between its list separators (以及 is one, not 以 and 及)."""
    spans, at = [], start
    for separator in _STAGE_ITEM_SPLIT.finditer(text, start, end):
        spans.append((at, separator.start()))
        at = separator.end()
    return [*spans, (at, end)]


def industry_context(sentence: Sentence, state: DocState) -> bool:
    """Whether "等领域/方向/环节" lists of this sentence are lists of industries: it stands
    in a paragraph led by an industry. (A heading naming 产业 is too broad a cue: columns
    of "产业…攻关行动" list materials and research fields as well.)"""
    return state.industry_paragraph


HOLDER_SOURCE = "chain-vocabulary-holder"
MAX_HOLDER_CHARS = 10  # longest term of the vocabularies, and then some
# Where the longer name stands as an industry: before a word for a trade or a field
# (汽车零部件企业, 化工新材料领域) or as a member of a 、-list. Elsewhere it is often a
# product ("海上风电叶片", "光伏组件出货量") or the tail of a longer product name
# ("精细化工新材料项目"), and the known chain inside is the better reading.
_INDUSTRY_HEAD = re.compile("企业|产业|行业|领域|集群|赛道|板块|、|等")


def chain_holder_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """A standard industry name of the vocabulary (industry_terms.txt) that holds a known
    chain and runs past it ("汽车零部件" over 汽车, "化工新材料" over 新材料, "工业机器人" over 机器人):
    where the gazetteer already reads a chain, the longer standard name is the industry
    the text names, and the known chain is only a word of it. A known name running
    across the term's edge (a firm, a place) keeps the text's reading as it was."""
    found = []
    for match in matches:
        if match.surface.type != "IndustryChain":
            continue
        span = _longest_holder(text, match.start, match.end)
        if span is None or _crosses_a_match(span, matches) or not _stands_as_industry(text, *span):
            continue
        if _materials_of(text[span[0] : span[1]], match.surface.text) or _counted_firms(text, span[0]):
            continue
        a, b = span
        found.append(Candidate(a, b, "IndustryChain", None, name_form(text[a:b]), HOLDER_SOURCE))
    return found


def _longest_holder(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the longest industry term holding text[start:end] and longer."""
    best: tuple[int, int] | None = None
    floor = max(0, start - MAX_HOLDER_CHARS)
    for stop in range(end, min(len(text), start + MAX_HOLDER_CHARS) + 1):
        first = industry_term_start(text, stop, floor)
        if 0 <= first <= start and stop - first > end - start and (best is None or stop - first > best[1] - best[0]):
            best = (first, stop)
    return best


def _stands_as_industry(text: str, start: int, end: int) -> bool:
    # "VR/AR" is two industries written as a pair, not one longer name
    return _INDUSTRY_HEAD.match(text, end) is not None and "/" not in text[start:end]


_MATERIALS = "材料"


def _materials_of(holder: str, known: str) -> bool:
    """The materials a known chain uses ("新型显示材料"): a supply of it rather than an
    industry of its own ("化工新材料", whose known chain is itself a material, stays)."""
    return holder.endswith(_MATERIALS) and not known.endswith(_MATERIALS)


def _counted_firms(text: str, start: int) -> bool:
    """A count of unnamed firms ("30家汽车零部件企业") describes them, and the firms named
    around it belong to the broader chain the text speaks of."""
    return text[start - 1 : start] == "家"


def _crosses_a_match(span: tuple[int, int], matches: list[SurfaceMatch]) -> bool:
    a, b = span
    return any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in matches)


SUPPLY_INDUSTRY_SOURCE = "chain-supply-industry"
# "光伏材料产业", "石化新材料产业": a known chain, then a word for what supplies it, then 产业 (or
# 产业链, 产业集群). The suffix says the whole name is an industry, that of the chain's
# materials or equipment; the word alone ("材料产业") is too broad to name one. (Without
# 产业 after it, "新型显示材料" is a supply of the chain and stays as the chain: see
# _materials_of.)
_SUPPLY_INDUSTRY = re.compile("(?:新材料|材料|装备|设备|零部件|元器件)(?=产业)")


def supply_industry_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """A known chain with a supply word before 产业: the chain's supply industry, named whole."""
    found = []
    for match in matches:
        if match.surface.type != "IndustryChain":
            continue
        supply = _SUPPLY_INDUSTRY.match(text, match.end)
        if supply is None or _crosses_a_match((match.start, supply.end()), matches):
            continue
        a, b = match.start, supply.end()
        found.append(Candidate(a, b, "IndustryChain", None, name_form(text[a:b]), SUPPLY_INDUSTRY_SOURCE))
    return found


PRODUCTION_BASE_SOURCE = "production-base-industry"
# "全球最大的人造金刚石生产基地", "医疗器械生产基地、现代中药生产基地": what a production base
# makes, written right before it after a clause's or a list's mark, is an industry the place
# hosts. (A firm's base, "某某公司新能源电池生产基地", opens on the firm's name: no mark.)
_PRODUCTION_BASE = re.compile("(?:生产|制造)基地")
_OPENS_PRODUCT = re.compile("(?:^|[的、，,；;：:和及])$")
MIN_PRODUCT_CHARS, MAX_PRODUCT_CHARS = 2, 8


def production_base_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """The industry before 生产基地 or 制造基地 (see above), where no known name covers it."""
    known = [(m.start, m.end) for m in matches]
    others = [(m.start, m.end) for m in matches if m.surface.type != "IndustryChain"]
    found = []
    for base in _PRODUCTION_BASE.finditer(text):
        end = base.start()
        start = left_boundary(text, end, known)
        name = text[start:end]
        if not (MIN_PRODUCT_CHARS <= len(name) <= MAX_PRODUCT_CHARS) or not _OPENS_PRODUCT.search(text, 0, start):
            continue
        if (start, end) in known or any(a < end and start < b for a, b in others) or not acceptable_chain(name):
            continue  # a known name there is read as it is (电力装备, or a firm's name)
        found.append(Candidate(start, end, "IndustryChain", None, name_form(name), PRODUCTION_BASE_SOURCE))
    return found


JOINED_NAMED_SOURCE = "joined-first-named"
# "智能家电和服务器产业集群", "卫星导航和精密部件产业集群": two industries before one industry
# word. The suffix rule reads the second back from 产业 and stops at the joiner; the first,
# before the joiner, is a chain too when the second reads as one. (joined_first_candidates
# takes the first where the vocabularies know it; this reads it by the word boundary.)
_JOINED_BEFORE_SUFFIX = re.compile(
    r"(?:以及|与|及|和)(?P<second>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?:产业集群|产业链|产业)(?![化园基平])"
)
# A member holding a joiner or 的 is no one name ("新能源及燃料电池汽车及配件": 新能源 shares
# 汽车 with the next; "兼顾研发与制造的产业" is a clause); one holding 产业 has an
# industry word of its own ("光伏产业和储能产业"), and the suffix rule reads it.
_NOT_IN_MEMBER = re.compile("以及|与|及|和|的|产业")
MAX_JOINED_FIRST_CHARS = 10
# Endings of things that are no trade though they stand before one (parts and products, 部件,
# stay: "滚动功能部件及工业机器人产业链" joins two chains).
_PLACES_AND_WORKS = ("项目", "基地", "园", "园区", "平台", "中心", "工程")


JOINED_WHOLE_SOURCE = "joined-dependent-whole"


def joined_named_first_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """The first of "A和B产业" where B reads as a chain and A, by its word boundary, does too;
    the whole "A及B" where B depends on A (chain_names.DEPENDENT_WORDS)."""
    keep = [(m.start, m.end) for m in matches]
    found = []
    for joined in _JOINED_BEFORE_SUFFIX.finditer(text):
        second_at, joiner_at = joined.start("second"), joined.start()
        if _NOT_IN_MEMBER.search(joined.group("second")) or text.startswith(INDUSTRY_AS_MODIFIER_OF, joined.end()):
            continue  # "…和集成电路产业项目": a list of projects
        if joined.group("second") in DEPENDENT_WORDS:
            found += _joined_whole(text, joined, keep, matches, gaz)
            continue
        if not _reads_as_chain(text, second_at, joined.end("second"), matches, gaz):
            continue
        start = _chain_member_start(text, joiner_at, keep, matches, gaz)
        if start is None:
            continue
        for a, b in [(start, joiner_at), *_members_listed_before(text, start, keep, matches, gaz)]:
            canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
            found.append(Candidate(a, b, "IndustryChain", subtype, canonical, JOINED_NAMED_SOURCE))
    return found


def _joined_whole(
    text: str, joined: re.Match[str], keep: list[tuple[int, int]], matches: list[SurfaceMatch], gaz: Gazetteer
) -> list[Candidate]:
    """ "A及合金产业": one chain from A's start to the dependent word's end, when A reads as one."""
    if text[joined.start() : joined.start("second")] != "及":
        return []  # "A和应用产业": 和 and 与 join two things more often than a thing and its own
    end = joined.end("second")
    inside = [(a, b) for a, b in keep if not (a >= joined.start() and b <= end)]
    start = _chain_member_start(text, joined.start(), inside, matches, gaz)
    if start is None:
        return []
    canonical, subtype = known_as(name_form(text[start:end]), "IndustryChain", None, gaz)
    return [Candidate(start, end, "IndustryChain", subtype, canonical, JOINED_WHOLE_SOURCE)]


_LIST_MARK = "、"


def _members_listed_before(
    text: str, first: int, keep: list[tuple[int, int]], matches: list[SurfaceMatch], gaz: Gazetteer
) -> list[tuple[int, int]]:
    """The members a list puts before the joined pair ("发展A、B、C及D产业": A and B), each
    read as a chain; the walk stops at the first that does not read as one."""
    found: list[tuple[int, int]] = []
    end = first - 1
    while end > 0 and text[end] == _LIST_MARK:
        start = _chain_member_start(text, end, keep, matches, gaz)
        if start is None:
            break
        found.append((start, end))
        end = start - 1
    return found


def _chain_member_start(
    text: str, end: int, keep: list[tuple[int, int]], matches: list[SurfaceMatch], gaz: Gazetteer
) -> int | None:
    """Where the member of a list of industries that ends at ``end`` starts (not before the
    list mark before it), when it is one name that reads as a chain; None otherwise."""
    start = _first_member_start(text, left_boundary(text, end, keep), end, matches)
    start = max(start, text.rfind(_LIST_MARK, start, end) + 1)
    if not 2 <= end - start <= MAX_JOINED_FIRST_CHARS or _NOT_IN_MEMBER.search(text, start, end):
        return None
    return start if _reads_as_chain(text, start, end, matches, gaz) else None


def _reads_as_chain(text: str, start: int, end: int, matches: list[SurfaceMatch], gaz: Gazetteer) -> bool:
    """A known chain, or words the suffix rule would take for one, with no other known name
    (a place, a body: "中科院和山西产业") in or across them."""
    name = text[start:end]
    if name.endswith(_PLACES_AND_WORKS):
        return False  # "光伏配套项目和集成电路产业…": a project, a park, a platform
    overlapping = [m for m in matches if m.start < end and start < m.end]
    if any(m.surface.type != "IndustryChain" or m.start < start or m.end > end for m in overlapping):
        return False
    if any(m.start == start and m.end == end for m in overlapping):
        return True
    return acceptable_chain(name) and plain_chain_reason(name, gaz) is None and not is_verb_phrase(name)


_PREPOSITION_TAG = "p"


def _first_member_start(text: str, start: int, end: int, matches: list[SurfaceMatch]) -> int:
    """Where the first member starts within the words the boundary rules left before the
    joiner: after a known name of another class ("合肥科学城在量子技术应用及…": after 合肥), after a
    preposition (在), and after the clause's verb that opens them ("确定|滚动功能部件及…")."""
    for m in matches:
        if m.surface.type != "IndustryChain" and start < m.end <= end:
            start = max(start, m.end)
    at = start
    for word, tag in rjieba.tag(text[start:end]):
        at += len(word)
        if tag == _PREPOSITION_TAG:
            start = at
    tagged = rjieba.tag(text[start:end])
    if len(tagged) > 1 and common_verb(*tagged[0]):
        start += len(tagged[0][0])
    return start
