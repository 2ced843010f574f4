"""Small hand-made KnowledgeGraphs for the RDF, SPARQL and SHACL tests.

The names are invented placeholders (not seed text), so the tests assert how the writer
models things, never what extraction finds in a particular document.
"""

from __future__ import annotations

from kg.ids import entity_id
from kg.model import Document, Entity, Evidence, KnowledgeGraph, Relation

DOC_A = "doc_a.txt"
DOC_B = "doc_b.txt"


def entity(name: str, entity_class: str, subtype: str | None = None, **extra: object) -> Entity:
    return Entity(id=entity_id(name), type=entity_class, subtype=subtype, name=name, **extra)  # type: ignore[arg-type]


def evidence(doc: str, index: int, text: str, start: int) -> Evidence:
    return Evidence(doc=doc, sentence=index, text=text, start=start, end=start + len(text))


def small_entities() -> list[Entity]:
    return [
        entity("甲市", "Place", "City", aliases=["甲"], wikidata="Q1000001", division_code="340100000000"),
        entity("甲市乙区", "Place", "District"),
        entity("丙大学", "University", aliases=["丙大"], name_en="Bing University"),
        entity("丁实验室", "Laboratory", "NationalKeyLaboratory"),
        entity("戊装置", "LargeScientificFacility"),
        entity("己公司", "Enterprise"),
        entity("庚产业", "IndustryChain"),
        entity("庚产业上游", "IndustryChain", "ChainSegment"),
    ]


def small_relations(by_name: dict[str, Entity]) -> list[Relation]:
    def rel(rel_type: str, head: str, tail: str, ev: Evidence, rule: str = "rule-x", conf: float = 0.8) -> Relation:
        return Relation(rel_type, by_name[head].id, by_name[tail].id, ev, rule, conf)

    s0 = evidence(DOC_A, 0, "丙大学位于甲市。", 5)
    s1 = evidence(DOC_A, 1, "戊装置由丙大学运行，服务庚产业。", 20)
    s2 = evidence(DOC_B, 4, "己公司与丙大学合作，己公司属于庚产业。", 100)
    s3 = evidence(DOC_B, 5, "甲市乙区重点发展庚产业，庚产业上游是其环节。", 130)
    return [
        rel("LOCATED_IN", "丙大学", "甲市", s0),
        rel("OPERATED_BY", "戊装置", "丙大学", s1, conf=0.9),
        rel("SUPPORTS_CHAIN", "戊装置", "庚产业", s1, rule="rule-y", conf=0.75),
        rel("PART_OF", "丁实验室", "丙大学", s1, conf=1.0),
        rel("COOPERATES_WITH", "己公司", "丙大学", s2),
        rel("PART_OF_CHAIN", "己公司", "庚产业", s2, conf=0.6),
        rel("FOCUSES_ON", "甲市乙区", "庚产业", s3),
        rel("PART_OF", "甲市乙区", "甲市", s3, conf=0.0),
        rel("PART_OF", "庚产业上游", "庚产业", s3),
        rel("UPSTREAM_OF", "庚产业上游", "庚产业", s3, conf=0.55),
    ]


def small_graph(reverse: bool = False) -> KnowledgeGraph:
    """Every relation type once or more, two documents; ``reverse`` builds the same graph
    with every list and dict in the opposite order (for stable-output tests)."""
    entities = small_entities()
    by_name = {e.name: e for e in entities}
    relations = small_relations(by_name)
    documents = [
        Document(name=DOC_A, path=f"in/{DOC_A}", encoding="utf-8", text="", title="标题甲", date="2024-01-16"),
        Document(name=DOC_B, path=f"in/{DOC_B}", encoding="gb18030", text="", publisher="某报", date="2022-01"),
    ]
    if reverse:
        entities, relations, documents = entities[::-1], relations[::-1], documents[::-1]
    return KnowledgeGraph(documents=documents, entities={e.id: e for e in entities}, relations=relations)
