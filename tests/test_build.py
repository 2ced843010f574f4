"""End-to-end: `kg build` on the seeds, its outputs, report, provenance and stability."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.graph.build import build, load_manifest
from kg.ids import entity_id
from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.query.sparql import open_store, run_query
from kg.store import load_graph

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_every_output_is_written_and_parses(seeds_build: Path) -> None:
    for name in (
        "kg.ttl",
        "kg.jsonld",
        "kg.trig",
        "kg.nq",
        "entities.jsonl",
        "relations.jsonl",
        "graph.json",
        "report.json",
        "report.md",
        "merges.jsonl",
        "dropped.jsonl",
    ):
        assert (seeds_build / name).stat().st_size > 0, name
    ttl = Graph().parse(seeds_build / "kg.ttl", format="turtle")
    trig = Dataset().parse(seeds_build / "kg.trig", format="trig")
    nquads = Dataset().parse(seeds_build / "kg.nq", format="nquads")
    jsonld = Dataset().parse(seeds_build / "kg.jsonld", format="json-ld")
    assert len(list(trig.quads())) == len(list(nquads.quads())) == len(list(jsonld.quads())) > 0
    union = Graph()
    for s, p, o, _ in nquads.quads():
        union.add((s, p, o))
    assert isomorphic(ttl, union), "kg.ttl is the union of every graph"
    doc_graphs = {str(g.identifier) for g in nquads.graphs() if "/doc/" in str(g.identifier)}
    assert len(doc_graphs) == 5, "one named graph per document"


def test_report_counts_and_shacl(seeds_build: Path) -> None:
    report = json.loads((seeds_build / "report.json").read_text(encoding="utf-8"))
    graph = load_graph(seeds_build)
    assert report["shacl_conforms"] is True
    assert report["entities_per_class"] == dict(Counter(e.type for e in graph.entities.values()))
    assert report["relations_per_type"] == dict(Counter(r.type for r in graph.relations))
    assert set(report["entities_per_class"]) <= set(ENTITY_CLASSES)
    assert set(report["relations_per_type"]) <= set(RELATION_TYPES)
    assert len(report["documents"]) == 5
    # noise really was dropped, and the report says why
    assert any(key.startswith("clean:") for key in report["dropped"])


def test_every_relation_has_evidence_retrievable_by_sparql(seeds_build: Path) -> None:
    from kg.ids import relation_id, relation_iri
    from kg.rdf.dataset import EVIDENCE_QUERY

    graph = load_graph(seeds_build)
    assert graph.relations
    texts = {doc.name: doc.text for doc in graph.documents}
    result = run_query(open_store(seeds_build), EVIDENCE_QUERY)
    rows = {r["assertion"]: r for r in (dict(zip(result.columns, row, strict=True)) for row in result.rows)}
    for rel in graph.relations:
        ev = rel.evidence
        iri = relation_iri(relation_id(rel.type, rel.head, rel.tail, ev.doc, ev.sentence))
        row = rows[iri]
        assert row["relationType"] == rel.type
        assert (row["fileName"], row["startOffset"], row["endOffset"]) == (ev.doc, ev.start, ev.end)
        assert row["text"] == ev.text
        assert 0 <= ev.start < ev.end <= len(texts[ev.doc])


def test_evidence_offsets_point_into_the_file(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    texts = {doc.name: doc.text for doc in graph.documents}
    for entity in graph.entities.values():
        for m in entity.mentions:
            assert texts[m.doc][m.start : m.end] == m.text
    for rel in graph.relations:
        ev = rel.evidence
        assert 0 <= ev.start < ev.end <= len(texts[ev.doc])
        for eid in (rel.head, rel.tail):
            assert eid in graph.entities


def test_repeated_paragraphs_are_counted_once(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    doc = next(d for d in graph.documents if d.name.startswith("000_"))
    texts = [s.text for s in doc.sentences if len(s.text) > 15]
    assert len(texts) == len(set(texts))
    # A fact may be stated in several sentences, but a repeated paragraph must not state it
    # again: no relation's evidence is the same words twice.
    stated = Counter(
        (r.type, r.head, r.tail, doc.text[r.evidence.start : r.evidence.end])
        for r in graph.relations
        if r.evidence.doc == doc.name
    )
    assert max(stated.values(), default=1) == 1


def test_other_cities_articles_are_not_put_in_hefei(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    hefei = entity_id("合肥市")
    for rel in graph.relations:
        if rel.evidence.doc.startswith("001_") and rel.tail == hefei:
            head = graph.entities[rel.head]
            assert head.name not in {"栖霞区", "顺义区"}, rel
            assert "南京" not in rel.evidence.text and "北京" not in rel.evidence.text, rel


def test_turtle_output_is_stable(seeds_build: Path, tmp_path: Path) -> None:
    build(SEEDS, tmp_path, warn=lambda m: None)
    assert (tmp_path / "kg.ttl").read_bytes() == (seeds_build / "kg.ttl").read_bytes()
    assert (tmp_path / "entities.jsonl").read_bytes() == (seeds_build / "entities.jsonl").read_bytes()


def test_resolution_merges_known_variants(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    names = {e.name for e in graph.entities.values()}
    assert "中国科学技术大学" in names
    assert "中国科大" not in names and "科大" not in names
    assert "合肥物质院" not in names
    assert sum(1 for n in names if "托卡马克" in n or n == "EAST") <= 1


def test_merge_log_explains_every_variant(seeds_build: Path) -> None:
    merges = [json.loads(line) for line in (seeds_build / "merges.jsonl").read_text(encoding="utf-8").splitlines()]
    graph = load_graph(seeds_build)
    by_name = {e.name: e for e in graph.entities.values()}
    assert merges
    for m in merges:
        assert m["reason"] and m["variant"] != m["canonical"]
    seen = {(m["variant"], m["canonical"]) for m in merges}
    for entity in by_name.values():
        for mention in entity.mentions:
            if mention.text != entity.name:
                assert (mention.text, entity.name) in seen, (mention.text, entity.name)


def test_a_manifest_with_a_value_of_the_wrong_type_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(
        json.dumps({"documents": [{"file": "a.txt", "date": ["2024"]}]}), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"manifest.json: malformed manifest \(a.txt: date is list"):
        load_manifest(tmp_path)


def test_outputs_do_not_depend_on_how_the_input_folder_was_written(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    build(seeds, tmp_path / "absolute")
    monkeypatch.chdir(seeds.parent)
    build(Path("./seeds/"), tmp_path / "relative")
    for name in ("graph.json", "kg.nq", "entities.jsonl"):
        assert (tmp_path / "absolute" / name).read_bytes() == (tmp_path / "relative" / name).read_bytes(), name


def test_graph_json_is_written_part_by_part_as_json_dumps_writes_it_whole(seeds_build: Path) -> None:
    from kg.graph.jsonl import json_bytes
    from kg.store import graph_to_json

    data = graph_to_json(load_graph(seeds_build))
    assert json_bytes(graph_to_json(load_graph(seeds_build))) == json.dumps(data, ensure_ascii=False).encode("utf-8")
    odd = {"空": {}, "list": [1.5, None, True, '引号"\n'], "nested": {"a": {"b": []}}}
    assert json_bytes(dict(odd)) == json.dumps(odd, ensure_ascii=False).encode("utf-8")
    assert json_bytes({}) == b"{}"
