"""Chosen candidates re-cut after the choice: a unit joined to the parent written before
it, hosts split off the units named after them, joined chains split, chains' edges
trimmed, dependent parts joined, a paragraph's industry lead read."""

from __future__ import annotations

import re

import rjieba

from kg.model import Sentence
from loaders.lexicon.chain_names import (
    NamePart,
    has_joiner,
    is_vocabulary_term,
    looks_like_industry,
    split_joined_chain,
    split_paired_categories,
    strip_industry_suffix,
)
from loaders.lexicon.gazetteer import Gazetteer
from loaders.lexicon.matcher import SurfaceMatch, fix_ocr, name_form
from loaders.lexicon.place_names import DIVISION_ENDINGS, KNOWN_PLACES
from loaders.mentions.candidates import (
    BY_SPAN,
    CHAIN_LEAD_SOURCE,
    CHAIN_SPLIT_SOURCE,
    DEPENDENT_PART_SOURCE,
    GAZETTEER_SOURCE,
    Candidate,
    DocState,
    is_stop_word,
    known_as,
)
from loaders.mentions.chain_candidates import LISTED_LINK_SOURCE
from loaders.mentions.chain_edges import trimmed_chain
from loaders.mentions.dependent_parts import joined_dependent_chains
from loaders.mentions.entity_rules import RULES, judge, left_boundary
from loaders.mentions.gazetteer_candidates import from_surface
from loaders.mentions.rule_candidates import names_an_industry, plain_chain_reason

_LEAD_END = "。：:；; "
MAX_LEAD_CHARS = 16
_LEAD_FILLER = set("及暨和与、")
_HAN_LEAD = re.compile(r"[\u4e00-\u9fff]{2,10}")

# Organisations whose units are named "<parent><unit>" (中国科学院近代物理研究所): a known
# parent right before a unit found by its suffix is one name with it, the parent's full name
# written out (中科院赣江创新研究院 -> 中国科学院赣江创新研究院).
_PARENT_CLASSES = frozenset({"ResearchInstitute", "University"})
_UNIT_CLASSES = frozenset({"ResearchInstitute", "Laboratory", "InnovationPlatform", "LargeScientificFacility"})


def join_parent_prefixed(text: str, chosen: list[Candidate]) -> list[Candidate]:
    result: list[Candidate] = []
    for cand in chosen:
        parent = result[-1] if result else None
        if (
            parent is not None
            and parent.end == cand.start
            and parent.source == "gazetteer"
            and cand.source != "gazetteer"
            and parent.type in _PARENT_CLASSES
            and cand.type in _UNIT_CLASSES
        ):
            result[-1:] = _academy_units(text, parent, cand)
            continue
        result.append(cand)
    return result


# An academy's institute inside one of its regional academies is written "<academy><regional
# 研究院><institute 研究所>" (中国科学院某某物质科学研究院某某物理研究所): two units, each
# named with the academy (中国科学院某某物质科学研究院, 中国科学院某某物理研究所).
_ACADEMY = re.compile("^[\u4e00-\u9fff]{2,6}?科学院")
_REGIONAL_ACADEMY = re.compile("[\u4e00-\u9fff]{2,10}?研究院(?=[\u4e00-\u9fff]{2,12}研究所$)")
_INSTITUTE_END = "研究所"


def _academy_units(text: str, parent: Candidate, unit: Candidate) -> list[Candidate]:
    """The known ``parent`` joined with the rule-found ``unit`` after it, or the two split
    into an academy's regional academy and its institute."""
    academy = _ACADEMY.match(parent.canonical)
    if academy is None or unit.type != "ResearchInstitute" or not text.endswith(_INSTITUTE_END, 0, unit.end):
        return [_joined_unit(parent, unit)]
    own = text[unit.start : unit.end]
    if academy.end() < len(parent.canonical) and parent.canonical.endswith("研究院"):
        # the parent is the regional academy already: "中国科学院某某研究院|某某研究所"
        institute = Candidate(unit.start, unit.end, unit.type, unit.subtype, academy.group() + own, unit.source)
        return [parent, institute]
    regional = _REGIONAL_ACADEMY.match(own)
    if regional is None:
        return [_joined_unit(parent, unit)]
    middle = unit.start + regional.end()
    return [
        Candidate(parent.start, middle, unit.type, None, parent.canonical + regional.group(), unit.source),
        Candidate(middle, unit.end, unit.type, unit.subtype, parent.canonical + text[middle : unit.end], unit.source),
    ]


def _joined_unit(parent: Candidate, unit: Candidate) -> Candidate:
    return Candidate(parent.start, unit.end, unit.type, unit.subtype, parent.canonical + unit.canonical, unit.source)


# Hosts split off the labs named after them. A university's lab keeps the university in its
# name ("某某大学某某重点实验室", as readers of real pages name it: the university gets a
# mention of its own inside it, loaders/mentions/nested_parents.py); an institute's does not.
_HOST_CLASSES = frozenset({"ResearchInstitute"})
MIN_LAB_CHARS = 5  # a stem of two characters and 实验室


def split_hosts_off(text: str, chosen: list[Candidate], matches: list[SurfaceMatch]) -> list[Candidate]:
    """ "某某研究院某某材料实验室": a laboratory a rule found whose name opens with a known
    institute is that host's lab; the host is a mention of its own and the lab's name starts
    after it. So is any unit whose own name opens with 国家 or 中科, after a known host or an
    unknown one ending in its kind word ("某某大学国家某某工程研究中心", "某某研究所中科某某研究院")."""
    hosts = {m.start: m for m in matches if m.surface.type in _HOST_CLASSES}
    result: list[Candidate] = []
    for cand in chosen:
        host = hosts.get(cand.start) if cand.source != GAZETTEER_SOURCE else None
        if host is None or not _unit_named_alone(text, cand, host):
            result += _split_at_national_unit(text, cand)
            continue
        lab = name_form(text[host.end : cand.end])
        result += [from_surface(host), Candidate(host.end, cand.end, cand.type, cand.subtype, lab, cand.source)]
    return result


# A key laboratory an academy designates is named with the academy ("中国科学院某某重点
# 实验室", like 国家重点实验室): the academy is the designation, not a host to split off;
# and an academy's units opening with 国家 are its own institutes (中国科学院国家授时中心).
_DESIGNATING_ACADEMY_END = "科学院"
_KEY_LAB_END = "重点实验室"
# A unit whose own name opens with a national designation ("国家某某工程技术研究中心") or a
# Chinese Academy of Sciences brand (中科…) is named without its host, whatever its kind.
_OWN_NAME_OPENINGS = ("国家", "中科")
# ... but a national university science park is named with its university (某某大学国家
# 大学科技园), and so are the bases it opens.
_UNIVERSITY_PARK = "国家大学科技园"
_SPLIT_UNIT_CLASSES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute"})


def _unit_named_alone(text: str, cand: Candidate, host: SurfaceMatch) -> bool:
    """Whether the rule-found ``cand`` opening with the known ``host`` is the host's unit
    named after it: a lab with a stem of its own, or any unit with a name of its own."""
    if cand.type not in _SPLIT_UNIT_CLASSES or cand.end - host.end < MIN_LAB_CHARS:
        return False
    academy = host.surface.canonical.endswith(_DESIGNATING_ACADEMY_END)
    if _opens_unit_name(text, host.end):
        return not academy  # 中国科学院国家某某中心: the academy's own institute, so named
    academy_key_lab = academy and text.endswith(_KEY_LAB_END, 0, cand.end)
    return cand.type == "Laboratory" and not academy_key_lab and _opens_own_name(text, host.end)


# An institute or university written right before a unit's own name ("某某大学国家某某工程
# 研究中心", "某某研究所中科某某研究院"): two names, the first ending in its kind word.
_HOST_NAME_ENDS = re.compile(
    "(?:研究所|研究院|大学)(?=" + "|".join(_OWN_NAME_OPENINGS) + ")(?!" + _UNIVERSITY_PARK + ")"
)
_HOST_KIND_BY_END = {"研究所": "ResearchInstitute", "研究院": "ResearchInstitute", "大学": "University"}
MIN_HOST_CHARS = 4  # 某某大学


def _opens_unit_name(text: str, at: int) -> bool:
    return text.startswith(_OWN_NAME_OPENINGS, at) and not text.startswith(_UNIVERSITY_PARK, at)


def _split_at_national_unit(text: str, cand: Candidate) -> list[Candidate]:
    """``cand`` split where a host's name ends in its kind word and a unit's own name
    (国家…, 中科…) begins; ``[cand]`` when there is no such place."""
    if cand.type not in _SPLIT_UNIT_CLASSES or cand.source == GAZETTEER_SOURCE:
        return [cand]
    hit = _HOST_NAME_ENDS.search(text, cand.start + MIN_HOST_CHARS - 2, cand.end)
    if hit is None or cand.end - hit.end() < MIN_LAB_CHARS:
        return [cand]
    host = Candidate(
        cand.start,
        hit.end(),
        _HOST_KIND_BY_END[hit.group()],
        None,
        name_form(text[cand.start : hit.end()]),
        cand.source,
    )
    unit = Candidate(hit.end(), cand.end, cand.type, cand.subtype, name_form(text[hit.end() : cand.end]), cand.source)
    return [host, unit]


def _opens_own_name(text: str, at: int) -> bool:
    """A Han character that joins no partner ("某某大学–某某公司联合实验室", "某大学与某所…")
    opens the lab's own name."""
    return "\u4e00" <= text[at] <= "\u9fff" and text[at] not in _LAB_PARTNER_JOINERS


# (Its own name: _PARTNER_JOINERS above, which also holds 同, is what a place's body is joined by.)
_LAB_PARTNER_JOINERS = frozenset("与和及")


def split_joined_chains(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """ "光伏及新能源" names two chains; fixed joined names (汽车及零部件) stay whole."""
    result: list[Candidate] = []
    for cand in chosen:
        parts = _joined_parts(text, cand, gaz)
        if not parts:
            result.append(cand)
            continue
        for part in parts:
            canonical, subtype = known_as(fix_ocr(part.name), "IndustryChain", None, gaz)
            result.append(Candidate(part.start, part.end, "IndustryChain", subtype, canonical, CHAIN_SPLIT_SOURCE))
    return result


def trim_chain_edges(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Chains found by rules and lists without the sentence's words glued to their sides
    ("带动上游某某材料", "某某领域产业链"; see chain_edges.py). Known names are left whole;
    a chain whose rest is too plain a stem (全球|IT) goes, as "IT产业" does."""
    result = []
    for cand in chosen:
        trimmed = _trimmed(text, cand, gaz) if cand.type == "IndustryChain" and cand.priority > 1 else cand
        if trimmed is not None:
            result.append(trimmed)
    return result


def _trimmed(text: str, cand: Candidate, gaz: Gazetteer) -> Candidate | None:
    name_end = cand.start + len(strip_industry_suffix(text[cand.start : cand.end]))
    start, end = trimmed_chain(text[cand.start : name_end], lambda name: _known_industry(name, gaz))
    if (start, end) == (0, name_end - cand.start):
        return cand
    a, b = cand.start + start, cand.start + end
    if plain_chain_reason(text[a:b], gaz) is not None:
        return None
    canonical, subtype = known_as(name_form(text[a:b]), "IndustryChain", cand.subtype, gaz)
    return Candidate(a, b if b < name_end else cand.end, "IndustryChain", subtype, canonical, cand.source)


# Materials named by the element or stock they are based on ("硅基新材料", "铜基新材料", "生物基
# 材料"): an industry of its own, whose base the gazetteer's 新材料 or a rule's stem leaves out.
_MATERIAL_BASE = re.compile("(?:[硅铜铝碳镁铁钛锂镍钴锌锡钨钼锗镓铟锰钒铬]|生物|稀土)基$")
_MATERIALS = ("新材料", "材料", "复合材料")
_BASE_CHARS = 3  # the longest base with its 基


def widen_based_materials(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Materials chains with the base written before them: "硅基|新材料" is 硅基新材料."""
    return [_with_base(text, c, gaz) if c.type == "IndustryChain" else c for c in chosen]


# New materials and equipment named by what they are made of or serve ("菱镁|新材料",
# "尼龙|新材料", "建筑|新材料", "海洋|化工新材料", "煤机|装备制造"): the noun written right
# before the gazetteer's 新材料 or 装备制造 is part of the industry's name. Words of scope and
# rank (全国, 国家, 一流) and places name none, nor a word counted or dated by the number before
# it ("8条|新材料产业链", "2023年度|新材料领军企业").
MODIFIED_HEADS = ("新材料", "装备制造")
_HAN_WORD = re.compile("[\u4e00-\u9fff]+")
_NOUN_TAGS = frozenset({"n", "nz", "nr", "ng", "ns"})
_NUMERAL_TAG = "m"
_DATED_WORDS = frozenset({"年度", "年份", "季度"})
_SCOPE_NOUNS = frozenset(
    {
        "全国",
        "国家",
        "全市",
        "全省",
        "全区",
        "全县",
        "国内",
        "国际",
        "世界",
        "一流",
        "工业",
        "重点",
        "领域",
        "方向",
        "代表",
        "自治区",
        "产业",
    }
)
_MODIFIER_WINDOW = 6
_PLACE_ENDINGS = (*DIVISION_ENDINGS, "镇", "乡")  # a division, a town or a township
_MAX_MODIFIER_CHARS = 4


def _names_a_place(word: str) -> bool:
    return word in KNOWN_PLACES or word.endswith(_PLACE_ENDINGS)


def widen_modified_heads(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """New-materials and equipment chains with the noun that names them written before them."""
    taken = [(c.start, c.end) for c in chosen]
    return [_with_modifier(text, c, gaz, taken) if c.type == "IndustryChain" else c for c in chosen]


def _with_modifier(text: str, cand: Candidate, gaz: Gazetteer, taken: list[tuple[int, int]]) -> Candidate:
    if not text.endswith(MODIFIED_HEADS, cand.start, cand.end):
        return cand
    window = text[max(0, cand.start - _MODIFIER_WINDOW) : cand.start]
    words = rjieba.tag(window) if window else []
    if not words:
        return cand
    word, tag = words[-1]
    start = cand.start - len(word)
    if tag not in _NOUN_TAGS or len(word) > _MAX_MODIFIER_CHARS or not _HAN_WORD.fullmatch(word):
        return cand
    if word in _SCOPE_NOUNS or is_stop_word(word) or gaz.surface(word) is not None or _names_a_place(word):
        return cand  # a place or a word of scope before the industry
    if any(a < cand.start and start < b for a, b in taken):
        return cand  # a name of its own stands there
    if len(words) > 1 and words[-2][1] == _NUMERAL_TAG and (len(word) == 1 or word in _DATED_WORDS):
        return cand  # a measure word or a year after its number: "8条", "2023年度"
    canonical, subtype = known_as(name_form(word) + cand.canonical, "IndustryChain", None, gaz)
    return Candidate(start, cand.end, "IndustryChain", subtype, canonical, cand.source)


def _with_base(text: str, cand: Candidate, gaz: Gazetteer) -> Candidate:
    if not text.startswith(_MATERIALS, cand.start):
        return cand
    base = _MATERIAL_BASE.search(text, max(0, cand.start - _BASE_CHARS), cand.start)
    if base is None:
        return cand
    canonical, subtype = known_as(
        name_form(text[base.start() : cand.start]) + cand.canonical, "IndustryChain", None, gaz
    )
    return Candidate(base.start(), cand.end, "IndustryChain", subtype, canonical, cand.source)


def join_dependent_parts(text: str, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """ "汽车及配套": an industry and its parts or uses, one chain (dependent_parts.py);
    the pieces found inside it go."""
    chains = [(c.start, c.end) for c in chosen if c.type == "IndustryChain"]
    joined = joined_dependent_chains(text, chains)
    if not joined:
        return chosen
    kept = [c for c in chosen if not any(c.start < b and a < c.end for a, b in joined)]
    for a, b in joined:
        name = name_form(strip_industry_suffix(text[a:b]))
        canonical, subtype = known_as(name, "IndustryChain", None, gaz)
        kept.append(Candidate(a, b, "IndustryChain", subtype, canonical, DEPENDENT_PART_SOURCE))
    return sorted(kept, key=BY_SPAN)


def _known_industry(name: str, gaz: Gazetteer) -> bool:
    return names_an_industry(name, gaz) or is_vocabulary_term(name_form(name))


def _joined_parts(text: str, cand: Candidate, gaz: Gazetteer) -> list[NamePart]:
    if cand.type != "IndustryChain":
        return []
    if not has_joiner(text[cand.start : cand.end]):
        return split_paired_categories(text, cand.start, cand.end)
    if cand.source == LISTED_LINK_SOURCE:
        return []  # a chain map's link stays as the map writes it ("装备与材料")
    entry = gaz.entry(cand.canonical)
    if entry is not None and has_joiner(entry.canonical):
        return []  # a fixed name of one industry
    return split_joined_chain(text, cand.start, cand.end)


def read_lead(sentence: Sentence, chosen: list[Candidate], gaz: Gazetteer, state: DocState) -> list[Candidate]:
    """Notice a paragraph lead that names industries ("光伏及新能源。"). An unknown lead is
    an industry when part of it is a known one, or when the lead before it in the same
    section was an industry (a column of industry paragraphs)."""
    lead = sentence.text.rstrip(_LEAD_END)
    if not lead or len(lead) > MAX_LEAD_CHARS or len(lead) == len(sentence.text):
        return chosen
    if any(c.type != "IndustryChain" for c in chosen):
        state.chain_lead_section = None
        return chosen
    if not (chosen and _covers_lead(lead, chosen)):
        in_column = state.chain_lead_section == (sentence.section,)
        # (the cheap test first: most leads with nothing chosen stand outside a column)
        if not (chosen or in_column) or not _plausible_chain_name(lead):
            state.chain_lead_section = None  # the column of industry leads has ended
            return chosen
        whole = Candidate(0, len(lead), "IndustryChain", None, fix_ocr(strip_industry_suffix(lead)), CHAIN_LEAD_SOURCE)
        chosen = split_joined_chains(sentence.text, [whole], gaz)
    state.industry_paragraph = True
    state.chain_lead_section = (sentence.section,)
    return chosen


def _covers_lead(lead: str, chosen: list[Candidate]) -> bool:
    if any(c.type != "IndustryChain" for c in chosen):
        return False
    rest = list(lead)
    for cand in chosen:
        rest[cand.start : cand.end] = [""] * (cand.end - cand.start)
    return set("".join(rest)) <= _LEAD_FILLER


def _plausible_chain_name(lead: str) -> bool:
    """Short runs of Han characters (joined by 及/暨…) with no verb, function word or
    category word."""
    parts = [p.name for p in split_joined_chain(lead, 0, len(lead))] or [lead]
    return all(_plausible_chain_part(p) for p in parts)


def _plausible_chain_part(name: str) -> bool:
    if "产业" in strip_industry_suffix(name):
        return False  # "某某产业特色鲜明": a clause about an industry, not its name
    if not _HAN_LEAD.fullmatch(name) or not looks_like_industry(name) or left_boundary(name, len(name), []) != 0:
        return False
    return judge(RULES.get("industry-chain"), strip_industry_suffix(name)) is None
