"""Fold mentions into entities: one Entity per canonical name, every fold logged.

find_mentions already gives each mention its canonical name (from the gazetteer, a
declared abbreviation, or the rule that found it); this stage refines it where a document
names something in full and then by a shorter form, groups by the name, attaches reference
data (Wikidata, English name, division code) and records why each variant spelling was
folded in. The mentions it is given are left as they are: it returns resolved copies,
which relation extraction reads.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from kg.ids import entity_id
from kg.model import Entity, EntityClass, Mention, MergeRecord, entity_class
from loaders.lexicon.gazetteer import Gazetteer, GazetteerEntry, Surface, default_gazetteer
from loaders.lexicon.matcher import fix_ocr
from loaders.mentions.candidates import DECLARED_SOURCE, GAZETTEER_SOURCE
from loaders.mentions.firm_origins import is_firm_origin


@dataclass(frozen=True, slots=True)
class ResolveResult:
    entities: list[Entity]
    merges: list[MergeRecord]
    # The mentions given, in the same order, each with its resolved canonical name.
    mentions: list[Mention]


DOCUMENT_SHORT_FORM = "document-short-form"
# Classes of named organisations and facilities: a text names one in full once and then
# by a shorter form ("合肥某某中心能源研究院" ... "能源研究院"). Places and industries are
# left out: a shorter place or industry name is usually another place or industry.
_SHORTENED_CLASSES = frozenset(
    {"Laboratory", "LargeScientificFacility", "ResearchInstitute", "Enterprise", "InnovationPlatform"}
)
MIN_SHORT_FORM_CHARS = 4  # "研究院" alone names nothing
MIN_OWNER_CHARS = 2  # what the full name adds before the short form
MAX_DROPPED_CHARS = 2  # "G60科创走廊成果转化…" for "G60科创走廊科技成果转化…": one word left out
_SHARED_END_CHARS = 3  # both end in the same suffix (…中心, …研究院)


def build_entities(mentions: list[Mention]) -> ResolveResult:
    """One Entity per canonical name, with aliases and a MergeRecord per folded variant."""
    gaz = default_gazetteer()
    fuller = document_short_forms(mentions)
    resolved = [replace(m, canonical=fuller[i]) if i in fuller else m for i, m in enumerate(mentions)]
    shortened = {id(resolved[i]) for i in fuller}
    groups: dict[str, list[Mention]] = {}
    for mention in resolved:
        groups.setdefault(mention.canonical, []).append(mention)
    entities = [_entity(name, group, gaz) for name, group in groups.items()]
    merges = [m for name, group in groups.items() for m in _merges(name, group, gaz, shortened)]
    return ResolveResult(entities, merges, resolved)


def document_short_forms(mentions: list[Mention]) -> dict[int, str]:
    """The canonical name a rule-found name takes from the longer name of the same class
    it shortens in the same document: the full name with an owner before it, or with one
    word more inside. Only when exactly one longer name fits. Keyed by the mention's
    position in ``mentions``; nothing is changed."""
    changed: dict[int, str] = {}
    by_class: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        by_class.setdefault((m.doc, m.type), set()).add(m.canonical)
    gaz = default_gazetteer()
    cores: dict[str, dict[str, str]] = {}  # per document: legal name -> its core
    # Speed: mentions repeat their names; the longer names a name shortens depend on the
    # document, class and name only. And a shorter form ends in the same three characters
    # as its full name, so only the names with the same ending are tried.
    fuller_of: dict[tuple[str, str, str], list[str]] = {}
    by_ending: dict[tuple[str, str], dict[str, list[str]]] = {}
    for index, m in enumerate(mentions):
        if m.type == "Place" and m.source not in (GAZETTEER_SOURCE, DECLARED_SOURCE):
            zones = _zones_named_after(m.canonical, by_class[(m.doc, m.type)])
            if len(zones) == 1:
                changed[index] = zones[0]
                continue
        written_otherwise = _written_otherwise(m, by_class[(m.doc, m.type)], gaz)
        if written_otherwise is not None:
            changed[index] = written_otherwise
            continue
        if (m.type not in _SHORTENED_CLASSES and not _named_place(m)) or m.source == DECLARED_SOURCE:
            continue
        # A name the reference data gave is refined only by a company's own legal name.
        if m.source == GAZETTEER_SOURCE:
            fuller = []
        else:
            key = (m.doc, m.type, m.canonical)
            if key not in fuller_of:
                if (m.doc, m.type) not in by_ending:
                    by_ending[(m.doc, m.type)] = _by_ending(by_class[(m.doc, m.type)])
                same_ending = by_ending[(m.doc, m.type)].get(m.canonical[-_SHARED_END_CHARS:], [])
                fuller_of[key] = _names_shortened_by(m.canonical, same_ending)
            fuller = fuller_of[key]
        names = by_class[(m.doc, m.type)]
        if not fuller and m.type == "Enterprise" and not m.written.endswith(_LEGAL_FORMS):
            if m.doc not in cores:
                cores[m.doc] = {n: company_core(n, gaz) for n in names if n.endswith(_LEGAL_FORMS)}
            short = _without_bare_company_word(m.written)
            # (the short name may keep the place the legal name opens with: "某省某某" of
            # "某省某某科技有限公司", as well as drop it: "某某科技")
            fuller = [n for n, core in cores[m.doc].items() if _opens_core(short, n, core) or _opens_core(short, n, n)]
        if not fuller and m.type == "Enterprise" and m.source != GAZETTEER_SOURCE:
            known = _known_firm_with_company_word(m.canonical, names, gaz)
            if known is not None:
                fuller = [known]
        if len(fuller) == 1 and fuller[0] != m.canonical:
            changed[index] = fuller[0]
    return _to_the_fullest(changed, mentions)


def _written_otherwise(m: Mention, names: set[str], gaz: Gazetteer) -> str | None:
    """The name ``m``'s thing goes by where the document writes it another way: a zone with
    or without 国家, a park or lab with or without the area it lies in, a park's 园 or 园区;
    the first of these that applies, or None."""
    if m.type == "Place" and m.source != GAZETTEER_SOURCE:
        same_zone = _same_zone_other_spelling(m.canonical, names, gaz)
        if same_zone is not None:
            return same_zone
    if _may_lack_its_area(m):
        parks = _parks_named_with_their_area(m.canonical, names, gaz)
        if len(parks) == 1:
            return parks[0]
    if m.source in (GAZETTEER_SOURCE, DECLARED_SOURCE):
        return None
    known = _known_name_after_area(m, names, gaz)
    if known is not None:
        return known
    return _park_with_district_word(m.canonical, names) if m.type == "Place" else None


def _to_the_fullest(changed: dict[int, str], mentions: list[Mention]) -> dict[int, str]:
    """``changed`` with each new name followed on while that name itself takes a fuller one
    ("新区化工园区" -> "新区绿色化工园区" -> "某州新区绿色化工园区"): one entity, not two."""
    fuller_name: dict[tuple[str, str, str], str] = {}
    for index, name in changed.items():
        m = mentions[index]
        fuller_name[(m.doc, m.type, m.canonical)] = name
    followed = {}
    for index, name in changed.items():
        m, seen = mentions[index], {mentions[index].canonical}
        while (m.doc, m.type, name) in fuller_name and name not in seen:
            seen.add(name)
            name = fuller_name[(m.doc, m.type, name)]
        followed[index] = name
    return followed


# The official types a zone's name ends in. A park the text also names as such a zone
# ("某某蓝谷" and "某某蓝谷高新技术产业开发区") is that zone written short: one place.
_ZONE_TYPES = ("高新技术产业开发区", "经济技术开发区", "高新区", "经开区")


def _zones_named_after(short: str, names: set[str]) -> list[str]:
    """The zones of ``names`` whose name is ``short`` and a zone type."""
    return [name for name in names if name.startswith(short) and name[len(short) :] in _ZONE_TYPES]


# A national zone is written with and without 国家 before its type ("海口国家高新区",
# "海口高新区"): one zone. The reference data's name wins; else the text's 国家 spelling,
# which some zones hold in their official name (苏州国家高新技术产业开发区).
_NATIONAL_WORD = "国家"
_NATIONAL_ZONE_TYPES = ("高新技术产业开发区", "经济技术开发区")


def _same_zone_other_spelling(name: str, names: set[str], gaz: Gazetteer) -> str | None:
    """The name ``name``'s zone goes by in this document when it is written both ways."""
    for zone_type in _NATIONAL_ZONE_TYPES:
        if not name.endswith(zone_type):
            continue
        owner = name[: -len(zone_type)].removesuffix(_NATIONAL_WORD)
        if len(owner) < MIN_OWNER_CHARS:
            return None
        known = gaz.surface(owner + zone_type)
        if known is not None and known.type == "Place":
            return None if known.canonical == name else known.canonical
        national = owner + _NATIONAL_WORD + zone_type
        return national if national != name and national in names else None
    return None


_PARK_SOURCE = "place-park"
# Classes whose names a text writes with and without the area they lie in ("某某新区绿色化工园区"
# and "绿色化工园区"; "某市某某实验室" and "某某实验室"): a known place before the name adds
# no second thing. Enterprises are left out: a firm with a city before its name is often
# that city's subsidiary, another firm.
_AREA_PREFIXED_CLASSES = frozenset({"Place", "Laboratory", "LargeScientificFacility", "ResearchInstitute"})


def _may_lack_its_area(m: Mention) -> bool:
    """Whether ``m`` may be the short form of a same-class name with a known place before it:
    a park of any length, else a rule-found name long enough to name one thing alone."""
    if m.source == _PARK_SOURCE:
        return True
    return (
        m.type in _AREA_PREFIXED_CLASSES
        and m.source not in (GAZETTEER_SOURCE, DECLARED_SOURCE)
        and len(m.canonical) >= MIN_SHORT_FORM_CHARS
        and m.canonical not in _ZONE_TYPES
    )


def _known_name_after_area(m: Mention, names: set[str], gaz: Gazetteer) -> str | None:
    """The reference data's name for ``m`` when it is a known place and then a name of the
    same class that the reference data knows and the document also writes alone
    ("某市某某创新实验室" beside "某某创新实验室")."""
    if m.type not in _AREA_PREFIXED_CLASSES:
        return None
    for n in range(MAX_PLACE_PREFIX_CHARS, 1, -1):
        rest = m.canonical[n:]
        if len(rest) < MIN_SHORT_FORM_CHARS or rest not in names:
            continue
        area, known = gaz.surface(m.canonical[:n]), gaz.surface(rest)
        if area is not None and area.type == "Place" and known is not None and known.type == m.type:
            return known.canonical
    return None


# A park is written with and without 区 after 园 ("某某工业园", "某某工业园区"): one park.
_PARK_END = "园"
_DISTRICT_WORD = "区"


def _park_with_district_word(name: str, names: set[str]) -> str | None:
    """The 园区 spelling of the park ``name`` when the document also writes it."""
    longer = name + _DISTRICT_WORD
    return longer if name.endswith(_PARK_END) and longer in names else None


def _parks_named_with_their_area(short: str, names: set[str], gaz: Gazetteer) -> list[str]:
    """The parks of ``names`` that are ``short`` with a known place before it: a park named
    in full with the area it lies in ("某某新区绿色化工园区") is called by its own words
    alone in the same text ("绿色化工园区", "新区绿色化工园区")."""
    found = []
    for name in names:
        if len(name) > len(short) and name.endswith(short):
            area = gaz.surface(name[: -len(short)])
            if area is not None and area.type == "Place":
                found.append(name)
    return found


# Administrative divisions and development zones: a shorter name is another division
# (西湖区 is not 杭州市西湖区's short form alone) or a zone of the city's (高新区 within a
# 新站高新区 text); parks, corridors and science cities are named, not divided.
_DIVISION_SUBTYPES = frozenset({"Province", "City", "District", "County", "Region", "DevelopmentZone"})


def _named_place(m: Mention) -> bool:
    """A place named like an organisation ("城西科创大走廊", "星河科学城"), whose shorter
    form in the same text is the same place ("科创大走廊")."""
    if m.type != "Place" or m.source == GAZETTEER_SOURCE:
        return False
    return m.subtype not in _DIVISION_SUBTYPES or m.source in _NAMED_PARK_SOURCES


# Parks and valleys are typed as zones, but are named like organisations: "某某医药产业园" is
# the short form of the one "甲乙某某医药产业园" of the same text, not a zone of its own.
_NAMED_PARK_SOURCES = frozenset({_PARK_SOURCE, "place-valley"})


def _by_ending(names: set[str]) -> dict[str, list[str]]:
    """``names`` grouped by their last _SHARED_END_CHARS characters."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[-_SHARED_END_CHARS:], []).append(name)
    return groups


def _names_shortened_by(short: str, names: list[str]) -> list[str]:
    """The names of ``names`` that ``short`` is a shorter form of."""
    if len(short) < MIN_SHORT_FORM_CHARS:
        return []  # shortens() is false for every name (speed: no loop)
    return [name for name in names if shortens(short, name)]


_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
_BRACKETED = re.compile(r"[（(][^（）()]{1,6}[）)]")
MIN_COMPANY_SHORT_CHARS = 2
MAX_PLACE_PREFIX_CHARS = 4


def company_core(full: str, gaz: Gazetteer) -> str:
    """A company's legal name without its legal form, a bracketed place and a leading
    known place: 武汉某某科技股份有限公司 -> 某某科技."""
    core = _BRACKETED.sub("", full)
    for form in _LEGAL_FORMS:
        if core.endswith(form):
            core = core[: -len(form)]
            break
    for n in range(MAX_PLACE_PREFIX_CHARS, 1, -1):
        surface = gaz.surface(core[:n])
        if surface is not None and surface.type == "Place" and len(core) - n >= MIN_COMPANY_SHORT_CHARS:
            return core[n:]
    return core


# A text calls a firm "某某公司" or "某某集团公司" after its short name; a branch or subsidiary
# (分公司, 子公司) is another firm and keeps its name.
_COMPANY_WORDS = ("集团公司", "公司")
_OTHER_FIRM_WORDS = ("分公司", "子公司")


def _without_bare_company_word(name: str) -> str:
    """``name`` without a trailing bare 公司 ("某某公司" -> "某某"); a branch keeps it."""
    if name.endswith(_OTHER_FIRM_WORDS):
        return name
    return name.removesuffix("公司")


def _known_firm_with_company_word(name: str, names: set[str], gaz: Gazetteer) -> str | None:
    """The reference data's firm that ``name`` is with 公司 or 集团公司 added, when the
    document also writes that firm's name alone ("某某石化集团公司" beside "某某石化")."""
    if name.endswith(_OTHER_FIRM_WORDS):
        return None
    for word in _COMPANY_WORDS:
        stem = name.removesuffix(word)
        if stem == name or len(stem) < MIN_COMPANY_SHORT_CHARS:
            continue
        known = gaz.surface(stem)
        if known is not None and known.type == "Enterprise" and (stem in names or known.canonical in names):
            return known.canonical
    return None


def is_company_short_name(short: str, full: str, gaz: Gazetteer) -> bool:
    """Whether ``short`` is the usual short name of the legal name ``full``: the
    beginning of its core (华工科技 of 华工科技产业股份有限公司, 某某医疗 of 武汉某某医疗科技有限公司)."""
    if not full.endswith(_LEGAL_FORMS):
        return False
    return _opens_core(short, full, company_core(full, gaz))


def _opens_core(short: str, full: str, core: str) -> bool:
    return len(short) >= MIN_COMPANY_SHORT_CHARS and len(full) > len(short) and core.startswith(short)


def shortens(short: str, full: str) -> bool:
    """Whether ``short`` is a shorter form of ``full``: the same name without its owner
    ("能源研究院" of "某某中心能源研究院"), or without a word of at most two characters."""
    if len(short) < MIN_SHORT_FORM_CHARS or len(full) <= len(short):
        return False
    if full.endswith(short):
        return len(full) - len(short) >= MIN_OWNER_CHARS
    return (
        len(full) - len(short) <= MAX_DROPPED_CHARS
        and full[:MIN_OWNER_CHARS] == short[:MIN_OWNER_CHARS]
        and full[-_SHARED_END_CHARS:] == short[-_SHARED_END_CHARS:]
        and _dropped_one_run(short, full)
    )


_NUMERALS = frozenset("0123456789〇零一二三四五六七八九十百千")


def _dropped_one_run(short: str, full: str) -> bool:
    """``short`` is ``full`` with one contiguous run of characters left out, and that run is
    no number: 第十三研究所 is another institute than 第四十三研究所."""
    prefix = 0
    while prefix < len(short) and short[prefix] == full[prefix]:
        prefix += 1
    dropped = full[prefix : prefix + len(full) - len(short)]
    return full.endswith(short[prefix:]) and not set(dropped) <= _NUMERALS


def _class_from(
    canonical: str, entry: GazetteerEntry | None, surface: Surface | None, group: list[Mention]
) -> tuple[EntityClass, str | None]:
    """The class of the entity ``canonical``: the gazetteer's (``entry``/``surface`` are its
    answers for ``canonical``), else the most frequent typing of its mentions."""
    if entry is not None:
        return entity_class(entry.type), entry.subtype
    if surface is not None and surface.canonical == canonical:
        return entity_class(surface.type), surface.subtype
    if len(group) == 1:
        return group[0].type, group[0].subtype  # (speed: most names have one mention)
    # Most frequent typing among the mentions; first seen wins a tie (Counter keeps order).
    counts = Counter((m.type, m.subtype) for m in group)
    return counts.most_common(1)[0][0]


def _entity(canonical: str, group: list[Mention], gaz: Gazetteer) -> Entity:
    # (The gazetteer is asked once per name; the answers are passed on.)
    entry = gaz.entry(canonical)
    surface = gaz.surface(canonical)
    cls, subtype = _class_from(canonical, entry, surface, group)
    # A name as the file writes it (福耀集團, 曹妃甸工業(yè)區) and as the rules read it (福耀集团,
    # 曹妃甸工业区): a page in traditional script is found under either script.
    aliases = [m.text for m in group] + [m.written for m in group]
    if entry is not None:
        aliases += list(entry.aliases) + list(entry.context_aliases)
    known = entry is not None or surface is not None
    return Entity(
        id=entity_id(canonical),
        type=cls,
        subtype=subtype,
        name=canonical,
        aliases=sorted({a for a in aliases if a != canonical}),
        mentions=list(group),
        name_en=entry.name_en if entry else None,
        wikidata=entry.wikidata if entry else None,
        division_code=_division_code_from(canonical, cls, entry, gaz),
        source=GAZETTEER_SOURCE if known else group[0].source,
    )


def _division_code_from(canonical: str, cls: str, entry: GazetteerEntry | None, gaz: Gazetteer) -> str | None:
    if entry is not None and entry.division_code:
        return entry.division_code
    return gaz.division_code(canonical) if cls == "Place" else None


def _merges(canonical: str, group: list[Mention], gaz: Gazetteer, shortened: set[int]) -> list[MergeRecord]:
    records: dict[str, MergeRecord] = {}
    for mention in group:
        variant = mention.text
        if variant == canonical or variant in records:
            continue
        if id(mention) in shortened:
            reason = DOCUMENT_SHORT_FORM
        else:
            reason = merge_reason(variant, canonical, mention.source, gaz)
        records[variant] = MergeRecord(canonical, variant, mention.type, reason)
    return list(records.values())


def merge_reason(variant: str, canonical: str, source: str, gaz: Gazetteer) -> str:
    """Why ``variant`` names the entity ``canonical``."""
    if source == DECLARED_SOURCE:
        return "abbreviation-declared"
    fixed = fix_ocr(variant)
    if fixed != variant:
        return "ocr-variant"
    surface = gaz.surface(variant)
    if surface is not None and surface.canonical == canonical:
        return "gazetteer-alias" if surface.kind == "alias" else "short-form"
    if variant.startswith(canonical):
        return "suffix-variant"  # 量子精密测量产业 -> 量子精密测量; …有限公司 -> short name
    stem = _strip_legal_suffix(variant)
    if stem != variant and gaz.surface(stem) is not None:
        return "suffix-variant"
    if canonical.endswith(variant) or variant in canonical:
        return "short-form"  # 鼓楼区 -> 南京市鼓楼区
    if variant.endswith(canonical) and is_firm_origin(variant[: -len(canonical)]):
        return "origin-dropped"  # 德国博世 -> 博世
    return "variant"


def _strip_legal_suffix(name: str) -> str:
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
