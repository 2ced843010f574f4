"""A relation the pair model finds with one member of a list of organisations goes to every
member (loaders/relations/list_spread.py), and only over lists of organisations."""

from __future__ import annotations

from pathlib import Path

from kg.model import Mention
from loaders import ablation
from loaders.pipeline import extract_document
from loaders.relations.list_spread import spread_over_lists, spreadable_lists
from loaders.relations.pair_model import RULE_NAME

# No rule reads 建立了包括…在内: the pair model relates the zone to the near centres only
# (the far ones lie beyond its reach, or have more names between).
CENTRES = (
    "青柳电子信息",
    "青柳先进材料",
    "青柳智能装备",
    "青柳生物医药",
    "青柳新能源汽车",
    "青柳节能环保",
    "青柳现代农业",
    "青柳海洋装备",
)
SENTENCE = (
    "近年来青柳高新区的研发体系日益完善，建立了包括"
    + "、".join(f"{c}工程技术研究中心" for c in CENTRES[:-1])
    + f"和{CENTRES[-1]}工程技术研究中心等在内的多家研究中心。\n"
)
ZONE = "青柳高新技术产业开发区"


def _located(path: Path) -> set[str]:
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    return {
        names[r.head]
        for r in extraction.relations
        if r.type == "LOCATED_IN" and names[r.tail] == ZONE and r.rule == RULE_NAME
    }


def test_every_member_of_the_list_is_located_where_one_is(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    every = {f"{c}工程技术研究中心" for c in CENTRES}
    assert _located(page) == every
    with ablation.disabled("list-spread"):
        alone = _located(page)
    assert alone and alone < every  # the model alone reaches some members, not all


def _mention(name: str, start: int, kind: str, text: str) -> Mention:
    assert text[start : start + len(name)] == name
    return Mention(
        "p.txt",
        0,
        start,
        start + len(name),
        name,
        kind,
        None,
        name,
        "test",  # type: ignore[arg-type]
        clean_start=start,
        clean_end=start + len(name),
    )


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    return [_mention(name, text.index(name), kind, text) for name, kind in names]


def test_lists_of_places_and_chains_are_not_spread_over() -> None:
    text = "甲乙公司落户青州市、柳州市，发展集成电路、新型显示。"
    mentions = _mentions(
        text,
        [
            ("甲乙公司", "Enterprise"),
            ("青州市", "Place"),
            ("柳州市", "Place"),
            ("集成电路", "IndustryChain"),
            ("新型显示", "IndustryChain"),
        ],
    )
    assert spreadable_lists(text, mentions) == {}
    firm, city = mentions[0], mentions[1]
    assert list(spread_over_lists("LOCATED_IN", firm, city, {})) == [(firm, city)]


def test_a_fact_between_two_members_or_a_symmetric_one_stays_with_its_pair() -> None:
    text = "青州市有甲乙公司、丙丁公司、戊己大学等单位。"
    firm_a, firm_b, university, city = _mentions(
        text, [("甲乙公司", "Enterprise"), ("丙丁公司", "Enterprise"), ("戊己大学", "University"), ("青州市", "Place")]
    )
    lists = spreadable_lists(text, [city, firm_a, firm_b, university])
    assert lists[id(firm_a)] == (firm_a, firm_b, university)
    assert list(spread_over_lists("COOPERATES_WITH", firm_a, city, lists)) == [(firm_a, city)]
    assert list(spread_over_lists("PART_OF", firm_a, firm_b, lists)) == [(firm_a, firm_b)]
    # members of another class than the end they would stand for are left out
    assert list(spread_over_lists("LOCATED_IN", firm_a, city, lists)) == [(firm_a, city), (firm_b, city)]


def test_a_focus_on_one_member_of_a_closed_list_of_industries_is_a_focus_on_each() -> None:
    text = "青州市已形成家电、纺织服装、机械电子等支柱产业。"
    city, home, textile, machines = _mentions(
        text,
        [("青州市", "Place"), ("家电", "IndustryChain"), ("纺织服装", "IndustryChain"), ("机械电子", "IndustryChain")],
    )
    lists = spreadable_lists(text, [city, home, textile, machines])
    assert lists[id(home)] == (home, textile, machines)
    assert list(spread_over_lists("FOCUSES_ON", city, home, lists)) == [
        (city, home),
        (city, textile),
        (city, machines),
    ]
    # a chain's link to one member is not said of the others
    assert list(spread_over_lists("UPSTREAM_OF", home, machines, lists)) == [(home, machines)]


def test_a_list_of_industries_without_a_closing_head_is_not_spread_over() -> None:
    text = "青州市发展家电、纺织服装、机械电子。"
    mentions = _mentions(
        text,
        [("青州市", "Place"), ("家电", "IndustryChain"), ("纺织服装", "IndustryChain"), ("机械电子", "IndustryChain")],
    )
    assert spreadable_lists(text, mentions) == {}


def _three_industries(text: str) -> list[Mention]:
    names = [
        ("青州市", "Place"),
        ("家电", "IndustryChain"),
        ("纺织服装", "IndustryChain"),
        ("机械电子", "IndustryChain"),
    ]
    return _mentions(text, names)


def test_a_list_of_industries_closed_by_its_count_or_by_a_chain_noun_is_spread_over() -> None:
    for text in (
        "青州市壮大家电、纺织服装、机械电子三大先导产业。",
        "青州市引进家电、纺织服装、机械电子等五大产业链的项目。",
    ):
        _, *industries = mentions = _three_industries(text)
        assert spreadable_lists(text, mentions)[id(industries[-1])] == tuple(industries), text


def test_a_count_of_something_else_after_a_list_of_industries_closes_nothing() -> None:
    text = "青州市发展家电、纺织服装、机械电子三大项目。"
    assert spreadable_lists(text, _three_industries(text)) == {}
