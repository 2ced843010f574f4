"""Lists of named innovation platforms ("A、B、C等重点创新平台"): the head types members
that no suffix rule types, when other members of the list are names too.
"""

from __future__ import annotations

from loaders.mentions.entity_rules import RULES, judge, suffix_hits
from loaders.mentions.list_spans import KnownIndex, ListMember
from loaders.mentions.list_walk import walk_items
from loaders.mentions.member_names import HAN_END

MAX_PLATFORM_ITEM_CHARS = 24
MIN_UNNAMED_PLATFORM_CHARS = 6
MIN_NAMED_NEIGHBOURS = 2  # named platforms beside an unknown member show a list of names


def platform_members(text: str, stop: int, known: KnownIndex) -> list[ListMember]:
    """Unknown members of a list of named platforms that no suffix rule types
    ("…国产化平台", "…研究医院"), and platform names whose rule found the stem too
    short ("大基因中心"). A list of kinds ("高校、科研院所等创新平台") or of fields
    ("能源、环境科学等研究平台") types nothing: two other members at least must be names."""
    items = walk_items(text, stop, known, through_joiner=True)
    verdicts = [_platform_verdict(text[a:b]) if k is None else "known" for a, b, k in items]
    names = sum(1 for v in verdicts if v in ("known", "named"))
    members = []
    for (a, b, _), verdict in zip(items, verdicts, strict=True):
        others_named = names - (verdict == "named")
        typable = verdict in ("unnamed", "too-short") and others_named >= MIN_NAMED_NEIGHBOURS
        if typable and _acceptable_platform(text[a:b], verdict):
            members.append(ListMember(a, b, "InnovationPlatform", True))
    return members


def _platform_verdict(name: str) -> str:
    """ "named": a suffix rule takes it as a name; "too-short": a platform suffix with a
    short stem; "generic": a kind; "unnamed": no suffix of any rule ends it."""
    ends = [(s, rule) for s, e, rule in suffix_hits(name) if e == len(name)]
    if not ends:
        return "unnamed"
    s, rule = ends[-1]
    reason = judge(rule, name[:s])
    if reason is None:
        return "named"
    return "too-short" if reason == "too-short" and rule.type == "InnovationPlatform" else "generic"


def _acceptable_platform(name: str, verdict: str) -> bool:
    if not HAN_END.search(name) or len(name) > MAX_PLATFORM_ITEM_CHARS:
        return False
    if verdict == "unnamed" and len(name) < MIN_UNNAMED_PLATFORM_CHARS:
        return False  # "能源", "先进材料分析": fields, not names
    return judge(RULES.get("platform-center"), name) is None
