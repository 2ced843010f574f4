"""Type the members of "以A、B为核心的C产业" lists: what an industry is built around.

"以星海传感和云岭终端为核心的感知产业", "全县以A、B为主导产业": the list stands before 为 and a
role word (核心, 主导, 特色, 支撑, 主…), and the phrase closes on an industry head (产业…, 制造业, 工业,
服务业) within a few characters of the role. Its members are industries. When a named chain
heads the list ("以航空部件、航空服务为主的航空产业") they are what that chain is made of:
parts, materials, equipment and services are its segments too, though no industry alone. Roles of firms
(为龙头, 为链主) are typed as firms by loaders.mentions.role_led_lists.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import looks_like_industry
from loaders.mentions.field_lists import SEGMENT_TAILS
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.list_walk import RUN_BREAKS, clause_start, members_ending_at
from loaders.mentions.listed_links import names_a_chain
from loaders.mentions.member_names import acceptable_chain

# The list may stand in quotes ("以“A、B、C”为主导产业"): the quotes enclose the list only.
_LED_LIST = re.compile(
    rf"以[“\"‘]?(?P<list>[^{RUN_BREAKS}以为]{{2,60}}?)[”\"’]?为(?P<role>核心|特色方向|特色|主导|重点|主体|支撑|引领|支柱|首位|主)"
    r"的?(?P<chain>[^，。；的为]{0,10}?)(?:产业|制造业|服务业|工业)"
)
# "以A、B为主的…产业体系": a plain 为主 before a system or layout of industries ranks what
# the system holds, which may be products, stages or industries; only a named industry
# ("为主的光伏产业") is said to be made of the members.
_MAIN = "主"
_WHOLES_OF_INDUSTRIES = ("体系", "格局", "布局", "结构", "生态")
# One thing alone ("以湖泊为特色的…") is a theme or a resource; a list names industries.
MIN_LED_MEMBERS = 2
# Places, parks and firms an industry may be built around are no industries.
_PLACE_TAILS = ("区", "县", "市", "省", "镇", "乡", "村", "城", "园", "港", "湾", "带", "廊")
_NOT_LED_TAILS = (*_PLACE_TAILS, "集团", "股份", "控股", "公司")


def led_list_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown members of "以A、B为核心的C产业" lists: industries, named like industries.
    A known firm or place among them shows a list of something else ("以X区、Y区为核心的产业带")."""
    found: list[ListMember] = []
    if "为" not in text:
        return found  # speed: every such list closes on 为
    for led, list_start, list_end in _led_lists(text):
        if led.group("role") == _MAIN and text.startswith(_WHOLES_OF_INDUSTRIES, led.end()):
            continue
        items = [item for item in members_ending_at(text, list_end, known) if item[0] >= list_start]
        if len(items) < MIN_LED_MEMBERS or any(k is not None and k.type != "IndustryChain" for _, _, k in items):
            continue
        of_chain = names_a_chain(led.group("chain"))
        if led.re is _LED_LIST:  # only after 以 does nothing but the member stand before it
            items = _first_from_yi(text, items, list_start, of_chain)
        found += [
            ListMember(a, b, "IndustryChain", True)
            for a, b, k in items
            if k is None and (_led_industry(text[a:b]) or (of_chain and _led_segment(text[a:b])))
        ]
    return found


_ETC = "等"
# "A、B等为主的C产业集群" with no 以 before the list: 等 closes it, and the clause holds it.
_CLOSED_LED_LIST = re.compile(
    r"等为(?P<role>核心|主导|重点|主体|支撑|支柱|特色|主)的(?P<chain>[^，。；的为]{0,10}?)(?:产业|制造业|服务业|工业)"
)


def _led_lists(text: str) -> list[tuple[re.Match[str], int, int]]:
    """Each led list of ``text``: the match, where its first member may start and where its
    last ends; led by 以 ("以A、B为核心的…") or closed by 等 ("A、B等为主的…")."""
    lists = [(led, led.start("list"), _list_end(text, led)) for led in _LED_LIST.finditer(text)] if "以" in text else []
    taken = {end for _, _, end in lists}
    for led in _CLOSED_LED_LIST.finditer(text) if _ETC in text else ():
        if led.start() not in taken:
            lists.append((led, clause_start(text, led.start()), led.start()))
    return lists


def _list_end(text: str, led: re.Match[str]) -> int:
    """Where the last member ends: before the 等 that may close the list ("以A、B等为主的")."""
    end = led.end("list")
    return end - len(_ETC) if text.endswith(_ETC, 0, end) else end


def _first_from_yi(
    text: str, items: list[tuple[int, int, KnownSpan | None]], list_start: int, of_chain: bool
) -> list[tuple[int, int, KnownSpan | None]]:
    """The list with its first member read whole from 以 on, when the walk kept only a known
    term at its end ("以航空新材料": 新材料): right after 以 nothing but the member stands."""
    a, b, k = items[-1]
    if a == list_start or k is None or not of_chain:
        return items
    whole = text[list_start:b]
    if not _led_industry(whole) and not _led_segment(whole):
        return items
    return [*items[:-1], (list_start, b, None)]


def _led_segment(name: str) -> bool:
    """A segment of a named chain: a part, material, device or service made for it."""
    return name.endswith(SEGMENT_TAILS) and not name.endswith(_NOT_LED_TAILS) and acceptable_chain(name)


def _led_industry(name: str) -> bool:
    """An industry named like one: not a technique or product, nor a place, park or firm."""
    return looks_like_industry(name) and not name.endswith(_NOT_LED_TAILS) and acceptable_chain(name)
