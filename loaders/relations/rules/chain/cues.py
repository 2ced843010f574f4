"""Industry chains: who focuses on, supports, belongs to and feeds which chain."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.lexicon.chain_names import strip_industry_suffix
from loaders.mentions.chain_links import chain_link_spans
from loaders.mentions.coordination import Unit
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule, respective_pairs
from loaders.relations.rules.chain.kinds import is_kind_list, kind_head, listed_link_chains, listed_link_members
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_FOCUS_REACH = 30  # max characters between a place subject and its chain
_REGION = "Region"


def _chain_units_after(view: SentenceView, index: int) -> Iterator[int]:
    """Chain units after ``index`` in its clause, until any place or organisation unit."""
    for j in range(index + 1, len(view.units)):
        if not view.same_clause(index, j) or view.units[j].kind != "chain":
            return
        yield j


def _focus_objects(view: SentenceView, index: int) -> Iterator[int]:
    """Chain units after the place at ``index`` in its clause, past places named as the
    means ("依托Y"), until any other unit."""
    for j in range(index + 1, len(view.units)):
        unit = view.units[j]
        if not view.same_clause(index, j):
            return
        if unit.kind == "place" and _CUES.means_before.search(view.before(j, 2)):
            continue
        if unit.kind != "chain":
            return
        yield j


def _opens_clause(view: SentenceView, index: int) -> bool:
    if view.qualifies_next(index):
        return False  # "江西省赣州高新区发展…": the province says where the zone lies
    index = view.place_run_start(index)
    start = view.units[index].start
    if _CUES.place_as_object.search(view.before(index, 4)):
        return False
    return _CUES.clause_opening.search(view.text[max(0, start - 4) : start]) is not None


@relation_rule("focuses-on-verb", 0.85, needs="place chain")
def focuses_on_verb(view: SentenceView) -> Iterator[Found]:
    """X(place)重点发展/聚焦/打造/布局Y产业."""
    for i, unit in enumerate(view.units):
        if unit.kind != "place" or not _opens_clause(view, i):
            continue
        if _CUES.institution_after.match(view.text, unit.tail_end):
            continue
        for j in _focus_objects(view, i):
            if view.units[j].start - unit.end > _FOCUS_REACH or _sited_elsewhere(view, i, j):
                break
            if _CUES.focus_verb.search(view.before(j, 14)) and not _CUES.negation.search(view.clause_before(j)):
                yield from respective_pairs(
                    "FOCUSES_ON", list(unit.members), list(view.units[j].members), view.gap(i, j)
                )


def _sited_elsewhere(view: SentenceView, place: int, chain: int) -> bool:
    """A place after 在 stands between the subject and the chain ("X省希望在Y新区发展Z"): the
    chain is developed in Y, and the text states it as Y's focus, not the subject's."""
    return any(
        view.units[k].kind == "place" and _CUES.sited_at_before.search(view.before(k, 2))
        for k in range(place + 1, chain)
    )


@relation_rule("focuses-on-org", 0.8, needs="org chain", cues="聚焦 专注 致力于 主攻 深耕")
def focuses_on_org(view: SentenceView) -> Iterator[Found]:
    """X(lab/institute/platform)聚焦/专注/致力于Y, also when Y stands later in the list
    of fields the verb governs ("聚焦脑认知、类脑智能、计算智能等方向")."""
    for i, left in enumerate(view.units):
        if left.kind != "org" or i + 1 >= len(view.units):
            continue
        research = [m for m in left.members if m.type != "Enterprise"]
        gap = view.gap(i, i + 1)
        if not research or not _CUES.org_focus_gap.match(gap) or _CUES.negation.search(gap):
            continue
        for j in _chain_units_after(view, i):
            if not view.same_clause(i, j, soft=True):
                break
            yield from respective_pairs("FOCUSES_ON", research, list(view.units[j].members), gap)


@relation_rule("focuses-on-main-line", 0.8, needs="chain", cues="以")
def focuses_on_main_line(view: SentenceView) -> Iterator[Found]:
    """X以A、B、C产业为主线/为重点: a place or research body focuses on the chains."""
    for i, subject in enumerate(view.units):
        if subject.kind == "chain" or not _opens_clause(view, i):
            continue
        holders = [m for m in subject.members if m.type != "Enterprise"]
        for j in _chain_units_after(view, i):
            chain = view.units[j]
            if not _CUES.by_way_of_gap.match(view.text[subject.tail_end : chain.start]):
                break
            if _CUES.main_line_after.match(view.text[chain.tail_end :]):
                yield from pairwise("FOCUSES_ON", holders, _chains_from(view, i, j))


def _chains_from(view: SentenceView, subject: int, last: int) -> list[Mention]:
    return [m for k in range(subject + 1, last + 1) for m in view.units[k].members]


# "作为Y产业的主战场之一，X…": neighbour_rules.toml.
register_neighbour_rules(__name__, "focus", _CUES)


# "X服务/支撑/赋能Y产业", "依托X发展Y产业": neighbour_rules.toml.
register_neighbour_rules(__name__, "supports", _CUES)


@relation_rule("part-of-chain-role", 0.9, needs="org chain", cues=" ".join(_CUES.words("role")))
def part_of_chain_role(view: SentenceView) -> Iterator[Found]:
    """X是Y产业链链主/龙头 and Y产业链链主X / Y龙头企业X."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind == "org" and right.kind == "chain":
            if _CUES.is_role_gap.match(view.gap(i, j)) and _CUES.role_after.match(view.after(j, 8)):
                yield from pairwise("PART_OF_CHAIN", left.members, right.members)
        elif (
            left.kind == "chain"
            and right.kind == "org"
            and not left.is_list
            and _CUES.chain_role_gap.match(view.gap(i, j))
        ):
            yield from pairwise("PART_OF_CHAIN", right.members, left.members)


def _is_whole_chain(unit_kind: str, mention: Mention) -> bool:
    return unit_kind == "chain" and mention.subtype != "ChainSegment"


def _topic_chain(view: SentenceView, index: int) -> int | None:
    """The one chain unit before ``index`` in its clause, if exactly one chain is named."""
    chain_units = [
        k
        for k in range(index)
        if any(_a_topic_chain(view, view.units[k].kind, m) for m in view.units[k].members)
        and view.same_clause(k, index)
    ]
    if len(chain_units) != 1 or view.units[chain_units[0]].is_list:
        return None
    return chain_units[0]


def _opens_a_name(view: SentenceView, chain: Mention) -> bool:
    """The chain's words begin the name of a park, firm or body the reader missed
    ("新能源产业集聚区", "通信产业服务有限公司"): the sentence is not about the chain."""
    return _CUES.industry_in_a_name.match(view.text[chain.clean_end :]) is not None


def _a_topic_chain(view: SentenceView, kind: str, chain: Mention) -> bool:
    """A whole chain named as a chain, not the opening of another thing's name."""
    return _is_whole_chain(kind, chain) and not _opens_a_name(view, chain)


def _topic_chains(view: SentenceView, units: list[Unit]) -> dict[str, Mention]:
    """The whole chains ``units`` name as chains, by canonical name."""
    return {m.canonical: m for u in units for m in u.members if _a_topic_chain(view, u.kind, m)}


def _sentence_chain(view: SentenceView) -> Mention | None:
    """The one (whole) chain the sentence names, however often, or None."""
    chains = _topic_chains(view, view.units)
    return next(iter(chains.values())) if len(chains) == 1 else None


def _firm_lists(view: SentenceView) -> Iterator[int]:
    """Organisation lists closed by 等 + a noun naming firms (等6家整车企业)."""
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and unit.closed_by_deng and _CUES.firm_noun.search(unit.noun):
            yield i


@relation_rule("part-of-chain-firm-list", 0.8, needs="org chain", cues="等")
def part_of_chain_firm_list(view: SentenceView) -> Iterator[Found]:
    """Y产业…X、Z等N家(整车)企业: the listed firms belong to the one chain named before."""
    for i in _firm_lists(view):
        if _CUES.partner_before.search(view.before(i, 3)) or _CUES.partners_after.match(view.after(i, 10)):
            continue  # "与A、B等企业建立联合研发机制": partners, not the chain's members
        if _CUES.customers_before.search(view.before(i, 4)):
            continue  # "成为A、B等企业的供应商": customers of the subject, whatever their chain
        if _names_other_field(view, i) or _acts_in_a_field(view, i):
            continue  # the firms' own clause says what field they act in
        topic = _topic_chain(view, i)
        if topic is not None:
            yield from pairwise("PART_OF_CHAIN", view.units[i].members, view.units[topic].members)


def _acts_in_a_field(view: SentenceView, index: int) -> bool:
    """The clause of the firms listed at ``index`` says what they invest or build in
    ("A、B等企业在开发区投资Y项目"): a chain named before them need not be theirs."""
    return _CUES.acts_in_clause.match(view.text[view.units[index].tail_end :]) is not None


def _labelled_chain(view: SentenceView) -> Mention | None:
    """The chain a label opening the sentence names ("在X产业方面，", "X领域，"), or None."""
    if not view.units:
        return None
    first = view.units[0]
    if first.kind != "chain" or first.is_list or not _CUES.label_before.match(view.text[: first.start].strip()):
        return None
    whole = [m for m in first.members if _is_whole_chain(first.kind, m)]
    return whole[0] if whole and _CUES.label_after.match(view.text[first.end :]) else None


def _chain_so_far(view: SentenceView, index: int) -> Mention | None:
    """The one (whole) chain named before unit ``index`` in its sentence, or None."""
    chains = _topic_chains(view, view.units[:index])
    return next(iter(chains.values())) if len(chains) == 1 else None


@relation_rule("part-of-chain-topic", 0.65, needs="org chain")
def part_of_chain_topic(view: SentenceView) -> Iterator[Found]:
    """A sentence about one chain that lists firms (支持X、Y、Z等做大做强): they are in it.
    The topic is the sentence's one chain, or the chain a label opening it names ("X领域，
    …集聚A、B等企业", though it names X's segments too), else the one chain named before
    the list (a sentence may go on to other chains: "打造新能源汽车之都，支持X、Y等…，发展商用车")."""
    whole_sentence = _sentence_chain(view) or _labelled_chain(view)
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and (unit.is_list or unit.closed_by_deng):
            chain = whole_sentence or _chain_so_far(view, i)
            if chain is None:
                continue
            if _CUES.partners_after.match(view.after(i, 10)) or _named_as_other_kind(view, i):
                continue
            if _counted_into_chain(view, i):
                continue  # the list's own count and chain say what its firms are
            if _CUES.joined_before.search(view.before(i, 3)) or _CUES.customers_before.search(view.before(i, 4)):
                continue  # partners joined or customers served, not members of the chain
            if _names_other_field(view, i) or _across_semicolon(view, chain, unit.start):
                continue
            if _represents_other_field(view, i, chain) or _acts_in_a_field(view, i):
                continue
            firms = [m for m in unit.members if m.type == "Enterprise"]
            yield from pairwise("PART_OF_CHAIN", firms, [chain])


def _counted_into_chain(view: SentenceView, index: int) -> bool:
    """ "A、B、C4家汽车及零部件上市企业": a count and a chain follow the list's last name, and a
    noun of members closes it; the sentence's topic chain is then not what the list is."""
    following = index + 1
    if following >= len(view.units) or view.units[following].kind != "chain":
        return False
    if not _CUES.count_before_chain.match(view.gap(index, following)):
        return False
    return _CUES.member_noun_after.match(view.text[view.units[following].end :]) is not None


_SEMICOLONS = ("；", ";")


def _across_semicolon(view: SentenceView, chain: Mention, at: int) -> bool:
    """A ； lies between the chain and the list: the list's clause has a topic of its own
    ("X区家电销往长三角；A、B等企业的产品…": A and B are not said to make 家电)."""
    a, b = sorted((chain.clean_start, at))
    between = view.text[a:b]
    return any(mark in between for mark in _SEMICOLONS)


def _names_other_field(view: SentenceView, index: int) -> bool:
    """ "A等医疗器械企业": the tail names the firms' own field, which need not be the
    sentence's chain; without knowing it, say nothing."""
    noun = view.units[index].noun
    return bool(noun) and not _CUES.plain_firm_words.match(noun)


def _represents_other_field(view: SentenceView, index: int, chain: Mention) -> bool:
    """ "以A、B等为代表的Y企业群": the list stands for firms of field Y; unless Y is the
    topic chain itself, the sentence's chain is not theirs (a sentence may line up several
    such groups, each of its own field)."""
    match = _CUES.represented_noun_after.match(view.text[view.units[index].tail_end :])
    if match is None:
        return False
    noun = match.group("noun")
    if _CUES.plain_firm_words.match(noun) or _CUES.plain_firm_words.match(noun.removesuffix("群")):
        return False
    return chain.written not in noun and chain.canonical not in noun


def _named_as_other_kind(view: SentenceView, index: int) -> bool:
    """ "X、Y等6家工业互联网平台": the list names platforms of the chain, not firms in it."""
    unit = view.units[index]
    following = index + 1
    if not unit.closed_by_deng or unit.noun or following >= len(view.units):
        return False
    chain = view.units[following]
    if chain.kind != "chain" or chain.start - unit.tail_end > 8:
        return False
    match = _CUES.kind_noun_after.match(view.text[chain.end :])
    noun = match.group("noun") if match else ""
    return bool(noun) and not _CUES.firm_noun.search(noun) and not _CUES.role_word.search(noun)


_NAME_FOCUS_CLASSES = frozenset(
    {"Place", "Laboratory", "ResearchInstitute", "InnovationPlatform", "LargeScientificFacility"}
)


def _span_in(name: str, chain: Mention) -> tuple[int, int]:
    """Where the longer of the chain's written and canonical names stands in ``name``
    ("光电子" is written for 光电子信息 in "光电子信息产业园"); (0, 0) if neither does."""
    # The written name may hold its industry word ("医药产业"), which in a park's name runs on
    # into the park's own words ("生物医药产业园"): the name alone says where the field is.
    forms = (strip_industry_suffix(chain.written), chain.canonical)
    found = [(start, start + len(form)) for form in forms if (start := name.find(form)) >= 0]
    return max(found, key=lambda span: span[1] - span[0], default=(0, 0))


def _outermost(name: str, chains: list[Mention]) -> list[Mention]:
    """Drop a chain whose words in ``name`` lie inside another's ("机器人" in "人形机器人
    研究院", "电子信息" in "光电子信息产业园": part of the longer name, not a second field)."""
    if len(chains) == 1:
        return chains
    spans = [_span_in(name, c) for c in chains]

    def inside(k: int) -> bool:
        start, end = spans[k]
        return any(o != k and s <= start and end <= e and (s, e) != (start, end) for o, (s, e) in enumerate(spans))

    return [c for k, c in enumerate(chains) if not inside(k)]


def _names_an_industry_field(name: str, chain: Mention) -> bool:
    """The chain stands in the name as the field it is devoted to: not a research topic
    paired with another ("纳米技术与纳米仿生研究所", "类脑智能技术及应用实验室": a
    coordinator outside the chain's own words), and not a firm's registered name
    ("…工程机械研究院有限公司": a company's name is its brand)."""
    if _CUES.company_name.search(name):
        return False
    start, end = _span_in(name, chain)
    return _CUES.field_coordinator.search(name[:start] + name[end:]) is None


def _named_fields(view: SentenceView, mention: Mention, chains: list[Mention]) -> list[Mention]:
    """The chains ``mention``'s name is devoted to; a national programme's title counts
    only for chains the sentence also names on their own."""
    name = mention.written
    fields = [c for c in _outermost(name, chains) if _names_an_industry_field(name, c)]
    if mention.type == "InnovationPlatform" and _CUES.programme_title.search(name):
        named = {m.canonical for u in view.units if u.kind == "chain" for m in u.members}
        fields = [c for c in fields if c.canonical in named]
    return fields


def _latin_fields(view: SentenceView, mention: Mention) -> list[Mention]:
    """Chains the article writes as two Latin letters (VR, AI) standing whole in the name
    ("VR科创城"): too short to be looked for among Han characters, but no Han word hides
    them."""
    name = mention.written
    if not _CUES.latin_letters.search(name):
        return []  # most names hold no Latin letter
    found = {
        chain.canonical: chain
        for written, chain in view.chain_names.items()
        if _CUES.latin_abbreviation.fullmatch(written) and _stands_whole(name, written)
    }
    return list(found.values())


def _stands_whole(name: str, word: str) -> bool:
    """``word`` occurs in ``name`` with no Latin letter right before or after it ("VR", not
    the "VR" of "AVRO")."""
    start = name.find(word)
    while start >= 0:
        end = start + len(word)
        before, after = name[start - 1 : start], name[end : end + 1]
        if not _CUES.latin_letters.match(before or " ") and not _CUES.latin_letters.match(after or " "):
            return True
        start = name.find(word, start + 1)
    return False


@relation_rule("focuses-on-name", 0.6, min_mentions=1)
def focuses_on_name(view: SentenceView) -> Iterator[Found]:
    """A park, zone, institute or platform whose name embeds a chain named in the article
    ("X集成电路产业园", "人工智能研究院") is devoted to that chain."""
    for unit in view.units:
        if unit.kind == "chain":
            continue
        for mention in unit.members:
            if mention.type in _NAME_FOCUS_CLASSES:
                chains = view.embedded_chains(mention) or _latin_fields(view, mention)
                if chains:  # most names embed none; skip building an empty pairing
                    yield from pairwise("FOCUSES_ON", [mention], _named_fields(view, mention, chains))


@relation_rule("part-of-chain-segment", 0.65, needs="chain")
def part_of_chain_segment(view: SentenceView) -> Iterator[Found]:
    """Segments (整车, 零部件…) named in a sentence about one chain are part of it: the
    one chain named before them, else (none before) the one chain of the sentence, unless
    a paragraph lead or heading names another: "突破信息安全" after the segments of the
    lead's chain is a goal, not their chain."""
    co_links = listed_link_members(view)
    if not co_links and not any(m.subtype == "ChainSegment" for u in view.units for m in u.members):
        return
    # Links of a dashed run or of a list a chain word closes are left to the rules that read
    # their chain from that word ("氧化铈——抛光粉——…等抛光材料产业链", "A、B等X产业链").
    dashed = set(chain_link_spans(view.text)) | {(m.clean_start, m.clean_end) for m in listed_link_chains(view)}
    whole_sentence = _sentence_chain(view)
    if whole_sentence is not None and (
        _at_a_stage(view, whole_sentence) or (whole_sentence.clean_start, whole_sentence.clean_end) in co_links
    ):
        # "带动…等下游智能终端": a chain downstream is no whole of the links; nor is a known
        # chain listed among them ("涵盖芯片设计、制造、封测的产业链")
        whole_sentence = None
    context = {m.canonical for m in view.lead_chains}
    if view.section_chain is not None:
        context.add(view.section_chain.canonical)
    for i, unit in enumerate(view.units):
        # A known chain listed among links is one of them ("覆盖芯片设计、晶圆制造…的产业链").
        segments = [
            m
            for m in unit.members
            if (m.subtype == "ChainSegment" or (m.clean_start, m.clean_end) in co_links)
            and (m.clean_start, m.clean_end) not in dashed
        ]
        if not segments or is_kind_list(view, i):
            continue  # "A、B等下游X": part-of-chain-kind makes them parts of X
        # "电视、A等下游X" with one member read: X is still their chain.
        chain = kind_head(view, i) or _chain_so_far(view, i)
        if chain is not None and (chain.clean_start, chain.clean_end) in co_links:
            chain = None
        if chain is None and whole_sentence is not None and context <= {whole_sentence.canonical}:
            chain = whole_sentence
        if chain is not None and _listed_among(chain, unit.members):
            chain = None  # "A、B、医疗器械等细分领域": a chain in the list is the segments' sibling
        if chain is not None:
            yield from pairwise("PART_OF", segments, [chain])


def _listed_among(chain: Mention, members: tuple[Mention, ...]) -> bool:
    return any((m.clean_start, m.clean_end) == (chain.clean_start, chain.clean_end) for m in members)


_STAGE_WORDS = ("上游", "中游", "下游")


def _at_a_stage(view: SentenceView, chain: Mention) -> bool:
    """Whether ``chain`` is written right after a stage word (下游智能终端)."""
    return view.text[: chain.clean_start].endswith(_STAGE_WORDS)


# "Y产业链上游的X", "X向下游延伸到Y", "X为Y配套": neighbour_rules.toml.
register_neighbour_rules(__name__, "streams", _CUES)


def _names_an_industry(view: SentenceView, index: int) -> bool:
    unit = view.units[index]
    last = unit.members[-1]
    after = view.text[unit.end :]
    if _CUES.industry_in_a_name.match(after) or _CUES.hub_of_industry_after.match(after):
        return False  # "X市Y产业园", "作为X市Y产业的核心区": not X's own industry
    return bool(
        _CUES.industry_word.search(last.written)
        or _CUES.industry_after.match(after)
        or _CUES.cluster_list_after.match(after)
    )


_POSSESSIVE = "的"


@relation_rule("focuses-on-own-industry", 0.75, needs="place chain", cues="产业 集群")
def focuses_on_own_industry(view: SentenceView) -> Iterator[Found]:
    """X(place)Y产业 / X的Y产业集群: the place's own industry."""
    for i, j in view.neighbours("place", "chain"):
        place = view.units[i]
        if place.members[0].subtype == _REGION:
            continue  # "推动长三角集成电路产业链联动": a region's industry is no one's focus
        if place.is_list and _POSSESSIVE not in view.gap(i, j):
            continue  # "合肥、芜湖集成电路产业" may be one joint industry; "A、B的X产业" is each one's
        if _CUES.served_before.search(view.before(i, 4)):
            continue  # "助力安徽省新能源汽车产业": what the subject serves, not a focus it states
        if _CUES.own_industry_gap.match(view.gap(i, j)) and _names_an_industry(view, j):
            yield from pairwise("FOCUSES_ON", place.members, view.units[j].members)


_CHAIN_KIND_REACH = 8  # characters between 等 and the chain that qualifies the list


@relation_rule("chain-kind-members", 0.8, needs="org chain", cues="等")
def chain_kind_members(view: SentenceView) -> Iterator[Found]:
    """A、B等Y企业/院所: the enterprises belong to chain Y, the universities, institutes,
    labs and platforms support it."""
    for i in range(len(view.units) - 1):
        unit, chain = view.units[i], view.units[i + 1]
        if unit.kind != "org" or not unit.closed_by_deng or chain.kind != "chain":
            continue
        # A category noun after 等 is fine when the chain is its own first words ("等新能源汽车企业").
        if unit.noun and chain.start != unit.tail_end - len(unit.noun):
            continue
        if chain.start - unit.tail_end > _CHAIN_KIND_REACH:
            continue
        if not _CUES.member_noun_after.match(view.text[chain.end :]):
            continue
        firms = [m for m in unit.members if m.type == "Enterprise"]
        supporters = [m for m in unit.members if m.type in SUPPORTER_CLASSES]
        yield from pairwise("PART_OF_CHAIN", firms, chain.members)
        yield from pairwise("SUPPORTS_CHAIN", supporters, chain.members)
