"""kg.graph.analytics (the chain-analysis notebook's functions) on small hand-built graphs."""

from __future__ import annotations

from kg.graph import analytics
from kg.ids import entity_id
from kg.model import Entity, Evidence, KnowledgeGraph, Relation


def _graph(facts: list[tuple[str, str, str, str, str]]) -> KnowledgeGraph:
    """facts: (relation, head name, head class, tail name, tail class)."""
    entities: dict[str, Entity] = {}
    relations = []
    for i, (kind, head, head_cls, tail, tail_cls) in enumerate(facts):
        for name, cls in ((head, head_cls), (tail, tail_cls)):
            entities.setdefault(entity_id(name), Entity(id=entity_id(name), type=cls, subtype=None, name=name))
        relations.append(Relation(kind, entity_id(head), entity_id(tail), Evidence("d.txt", i, "s", 0, 1), "r", 0.9))
    return KnowledgeGraph(documents=[], entities=entities, relations=relations)


def _two_clusters() -> KnowledgeGraph:
    facts = [("PART_OF_CHAIN", f"车企{i}", "Enterprise", "汽车", "IndustryChain") for i in range(4)]
    facts += [("PART_OF_CHAIN", f"芯片企{i}", "Enterprise", "芯片", "IndustryChain") for i in range(4)]
    facts += [
        ("SUPPORTS_CHAIN", "桥梁大学", "University", "汽车", "IndustryChain"),
        ("SUPPORTS_CHAIN", "桥梁大学", "University", "芯片", "IndustryChain"),
        ("FOCUSES_ON", "某区", "Place", "芯片", "IndustryChain"),
    ]
    return _graph(facts)


def test_the_entity_tied_to_two_chains_is_the_bridge() -> None:
    g = analytics.to_networkx(_two_clusters())
    bridges = analytics.chain_bridges(g)
    assert [(b.name, b.chains) for b in bridges] == [("桥梁大学", ("汽车", "芯片"))]


def test_betweenness_ranks_the_bridge_among_the_chains() -> None:
    g = analytics.to_networkx(_two_clusters())
    top = [r.name for r in analytics.betweenness_centrality(g, 3)]
    assert set(top) == {"桥梁大学", "汽车", "芯片"}
    degree = analytics.degree_centrality(g, 2)
    assert {r.name for r in degree} == {"汽车", "芯片"} and degree[0].score >= degree[1].score


def test_communities_split_the_two_clusters() -> None:
    groups = analytics.communities(analytics.to_networkx(_two_clusters()))
    chains = sorted(c.chains for c in groups)
    assert chains == [("汽车",), ("芯片",)]
    assert all(
        any(n.startswith("车企") for n in c.members) != any(n.startswith("芯片企") for n in c.members) for c in groups
    )


def test_repeated_facts_weigh_the_edge_once_per_fact() -> None:
    g = analytics.to_networkx(_graph([("LOCATED_IN", "甲", "University", "乙", "Place")] * 3))
    simple = analytics.undirected_weighted(g)
    assert simple.number_of_edges() == 1
    assert simple.edges[entity_id("甲"), entity_id("乙")]["weight"] == 3


def test_chain_neighbourhood_and_empty_graph() -> None:
    g = analytics.to_networkx(_two_clusters())
    around = analytics.chain_neighbourhood(g, "芯片")
    assert around == {
        "enterprises": [f"芯片企{i}" for i in range(4)],
        "supporters": ["桥梁大学"],
        "prioritised_by": ["某区"],
    }
    empty = analytics.to_networkx(KnowledgeGraph(documents=[], entities={}, relations=[]))
    assert analytics.communities(empty) == [] and analytics.chain_bridges(empty) == []
