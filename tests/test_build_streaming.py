"""A build that writes each output as it is made (kg.outputs.StagedFolder): every streaming
writer gives the bytes its in-memory counterpart gives, and a build folder filled file by
file still switches in whole or not at all."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_build_scale import SEEDS

from kg.errors import OutputError
from kg.graph.build import build_graph, extract_all, scan_inputs
from kg.graph.patch.keyed import KeyedWriter
from kg.model import KnowledgeGraph
from kg.neo4j.load import plan_writes, stream_writes
from kg.outputs import StagedFolder
from kg.query.cypher_embedded import kglite_bytes
from kg.query.kglite_file import write_kglite
from kg.query.stores import Fingerprinting, _fingerprint
from kg.rdf import dataset as rdf
from kg.store import graph_to_json, write_graph_json_keyed


@pytest.fixture(scope="module")
def seeds_graph() -> KnowledgeGraph:
    paths, _ = scan_inputs(SEEDS)
    extractions, _ = extract_all(paths, {}, lambda m: None, SEEDS)
    return build_graph(extractions)


def test_graph_json_in_pieces_is_the_whole_document(seeds_graph: KnowledgeGraph, small_graph: KnowledgeGraph) -> None:
    for graph in (seeds_graph, small_graph):
        out = io.BytesIO()
        writer = KeyedWriter(out.write, batch=64)
        write_graph_json_keyed(graph, writer)
        layout = writer.finish()
        data = out.getvalue()
        assert data == json.dumps(graph_to_json(graph), ensure_ascii=False).encode("utf-8")
        entities = layout.sections["entities"]  # each record where the layout says it is
        assert entities.keys == sorted(graph.entities)
        for key, start, end in zip(entities.keys, entities.starts, entities.ends, strict=True):
            assert json.loads(data[start:end])["id"] == key


def test_text_written_in_batches_is_the_joined_text() -> None:
    parts = ["合肥", "", "a" * 10, "市\n", "é"] * 50
    out = io.BytesIO()
    writer = KeyedWriter(out.write, batch=7)
    writer.open("lines", "")
    for index, part in enumerate(parts):
        writer.block(index, part)
    writer.finish()
    assert out.getvalue() == "".join(parts).encode("utf-8")


def test_fingerprinting_is_the_fingerprint_of_the_bytes() -> None:
    out = io.BytesIO()
    written = Fingerprinting(out.write)
    for chunk in (b"ab", b"", "合肥".encode()):
        written.write(chunk)
    assert written.fingerprint() == _fingerprint(out.getvalue())


def test_rdf_writers_give_the_serialisers_bytes(
    seeds_graph: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quads = rdf.to_quads(seeds_graph)
    writers = (
        (rdf.dump_turtle, rdf.serialize_turtle),
        (rdf.dump_trig, rdf.serialize_trig),
        (rdf.dump_jsonld, rdf.serialize_jsonld),
    )
    for data in (quads, rdf.to_dataset(seeds_graph)):  # sort keys known, and not
        for dump, serialize in writers:
            out = io.BytesIO()
            dump(data, out)
            assert out.getvalue() == serialize(data)
    monkeypatch.setattr(rdf, "NQUADS_RUN", 1000)  # many sorted runs to merge
    out = io.BytesIO()
    rdf.dump_nquads(quads, out.write, scratch=tmp_path)
    assert out.getvalue() == rdf.serialize_nquads(quads)
    assert list(tmp_path.iterdir()) == []  # the runs are gone
    empty = io.BytesIO()
    rdf.dump_nquads(rdf.RdfQuads(default=[], named=[]), empty.write)
    assert empty.getvalue() == b""


def test_streamed_batches_are_the_plan(seeds_graph: KnowledgeGraph, small_graph: KnowledgeGraph) -> None:
    for graph in (seeds_graph, small_graph):
        for size in (1, 7, 5000):
            assert list(stream_writes(graph, size)) == plan_writes(graph, size)


def test_kglite_file_of_its_own_process_is_kglite_bytes(seeds_graph: KnowledgeGraph, tmp_path: Path) -> None:
    write_kglite(seeds_graph, tmp_path / "graph.kgl")
    assert (tmp_path / "graph.kgl").read_bytes() == kglite_bytes(seeds_graph)


def test_a_staged_folder_switches_in_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("old")
    (out / "notes.md").write_text("kept")
    with pytest.raises(RuntimeError), StagedFolder(out) as staged:
        staged.write("old.txt", b"new")
        raise RuntimeError("the build failed")
    assert (out / "old.txt").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    with StagedFolder(out) as staged:
        with staged.open("sub/a.txt") as handle:
            handle.write(b"a")
        staged.write("old.txt", b"new")
        staged.write("old.txt", b"newer")  # written again (a failed child's file): replaced whole
        staged.commit()
    assert (out / "old.txt").read_bytes() == b"newer" and (out / "sub" / "a.txt").read_bytes() == b"a"
    assert (out / "notes.md").read_text() == "kept"  # carried over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_write_that_fails_is_an_output_error(tmp_path: Path) -> None:
    with (
        StagedFolder(tmp_path / "out") as staged,
        pytest.raises(OutputError, match="previous outputs are unchanged"),
        staged.open("x.txt") as handle,
    ):
        handle.write(b"x")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []  # no new build beside it


def test_validation_of_its_own_process_is_the_validation_here(seeds_graph: KnowledgeGraph, tmp_path: Path) -> None:
    from kg.rdf import shacl_sparql
    from kg.rdf.shacl_process import Validation

    turtle = rdf.serialize_turtle(rdf.to_quads(seeds_graph))
    (tmp_path / "kg.ttl").write_bytes(turtle)
    with Validation(tmp_path / "kg.ttl") as validation:
        assert validation.result() == shacl_sparql.validate(turtle=turtle)
    with Validation(tmp_path / "missing.ttl") as validation, pytest.raises(FileNotFoundError):
        validation.result()  # what the validator raised, raised here
