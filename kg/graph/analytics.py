"""Network analysis of the built graph with networkx: who is central, who bridges chains,
which groups hang together.

Plain functions over ``graph.json`` (kg.store), used by notebooks/chain_analysis.ipynb.
Results are small dataclasses sorted deterministically (score, then name), so two runs on
the same graph print the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.ids import entity_iri
from kg.model import KnowledgeGraph
from kg.store import load_graph

# The relations that tie an organisation, place or facility to an industry chain.
CHAIN_RELATIONS = frozenset({"PART_OF_CHAIN", "SUPPORTS_CHAIN", "FOCUSES_ON"})
COMMUNITY_SEED = 7  # Louvain is randomised; a fixed seed keeps the notebook's output stable


@dataclass(frozen=True, slots=True)
class Ranked:
    id: str
    name: str
    type: str
    score: float


@dataclass(frozen=True, slots=True)
class Bridge:
    """An entity tied to several industry chains: a candidate for cross-chain cooperation."""

    id: str
    name: str
    type: str
    chains: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Community:
    members: tuple[str, ...]  # entity names, sorted
    chains: tuple[str, ...]  # the industry chains among the members, sorted


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """Entities as nodes, one edge per relation, with its evidence.

    Every attribute is a string or a number (a missing subtype is ""), so the graph can be
    written as GEXF or GraphML as it is (``nx.write_gexf(g, "kg.gexf")``). Nodes carry
    ``name`` and ``label`` (the same: Gephi shows ``label``), ``type``, ``subtype``,
    ``aliases`` (joined with "|"), ``wikidata``, ``divisionCode`` and ``uri``; edges carry
    ``type``, ``doc``, ``sentence``, ``evidence``, ``rule`` and ``confidence``.
    """
    g = nx.MultiDiGraph()
    for entity in graph.entities.values():
        g.add_node(
            entity.id,
            name=entity.name,
            label=entity.name,
            type=entity.type,
            subtype=entity.subtype or "",
            aliases="|".join(entity.aliases),
            wikidata=entity.wikidata or "",
            divisionCode=entity.division_code or "",
            uri=entity_iri(entity.id),
        )
    for rel in graph.relations:
        if rel.head in graph.entities and rel.tail in graph.entities:
            g.add_edge(
                rel.head,
                rel.tail,
                key=f"{rel.type}:{rel.evidence.doc}:{rel.evidence.sentence}",
                type=rel.type,
                doc=rel.evidence.doc,
                sentence=rel.evidence.sentence,
                evidence=rel.evidence.text,
                rule=rel.rule,
                confidence=rel.confidence,
            )
    return g


def load_networkx(graph_dir: Path) -> nx.MultiDiGraph:
    """The networkx graph of ``graph_dir/graph.json`` (written by ``kg build``)."""
    return to_networkx(load_graph(graph_dir))


def undirected_weighted(g: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per connected pair, weighted by how many facts join them."""
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes(data=True))
    for head, tail in g.edges():
        weight = simple.get_edge_data(head, tail, default={"weight": 0})["weight"]
        simple.add_edge(head, tail, weight=weight + 1)
    return simple


def _ranked(g: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[Ranked]:
    ranked = [Ranked(n, g.nodes[n]["name"], g.nodes[n]["type"], round(float(s), 6)) for n, s in scores.items()]
    ranked.sort(key=lambda r: (-r.score, r.name))
    return ranked[:top]


def degree_centrality(g: nx.MultiDiGraph, top: int = 10) -> list[Ranked]:
    """Entities with the most distinct neighbours (normalised by the number of other nodes)."""
    return _ranked(g, nx.degree_centrality(undirected_weighted(g)), top)


def betweenness_centrality(g: nx.MultiDiGraph, top: int = 10) -> list[Ranked]:
    """Entities that lie on many shortest paths: brokers between otherwise distant parts."""
    return _ranked(g, nx.betweenness_centrality(undirected_weighted(g)), top)


def chain_bridges(g: nx.MultiDiGraph, minimum: int = 2) -> list[Bridge]:
    """Non-chain entities directly tied (PART_OF_CHAIN, SUPPORTS_CHAIN, FOCUSES_ON) to at
    least ``minimum`` distinct chains, most chains first."""
    chains: dict[str, set[str]] = defaultdict(set)
    for head, tail, data in g.edges(data=True):
        if data["type"] in CHAIN_RELATIONS and g.nodes[tail]["type"] == "IndustryChain":
            chains[head].add(g.nodes[tail]["name"])
    bridges = [
        Bridge(n, g.nodes[n]["name"], g.nodes[n]["type"], tuple(sorted(names)))
        for n, names in chains.items()
        if len(names) >= minimum and g.nodes[n]["type"] != "IndustryChain"
    ]
    bridges.sort(key=lambda b: (-len(b.chains), b.name))
    return bridges


def communities(g: nx.MultiDiGraph, min_size: int = 3) -> list[Community]:
    """Louvain communities of the connected part of the graph, largest first."""
    simple = undirected_weighted(g)
    simple.remove_nodes_from([n for n, degree in list(simple.degree()) if degree == 0])
    if simple.number_of_nodes() == 0:
        return []
    groups = nx.community.louvain_communities(simple, weight="weight", seed=COMMUNITY_SEED)
    found = []
    for group in groups:
        if len(group) < min_size:
            continue
        names = tuple(sorted(g.nodes[n]["name"] for n in group))
        chain_names = tuple(sorted(g.nodes[n]["name"] for n in group if g.nodes[n]["type"] == "IndustryChain"))
        found.append(Community(names, chain_names))
    found.sort(key=lambda c: (-len(c.members), c.members))
    return found


def chain_neighbourhood(g: nx.MultiDiGraph, chain_name: str) -> dict[str, list[str]]:
    """For one chain: the names of its enterprises, supporters and the places that focus on it."""
    roles = {"PART_OF_CHAIN": "enterprises", "SUPPORTS_CHAIN": "supporters", "FOCUSES_ON": "prioritised_by"}
    found: dict[str, set[str]] = {role: set() for role in roles.values()}
    for head, tail, data in g.edges(data=True):
        if g.nodes[tail]["name"] == chain_name and data["type"] in roles:
            found[roles[data["type"]]].add(g.nodes[head]["name"])
    return {role: sorted(names) for role, names in found.items()}
