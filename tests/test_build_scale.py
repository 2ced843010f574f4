"""A build whose cost is its extraction: no per-document scans of the whole graph, graph.json
without one number per character, RDF made once; incremental builds from a per-document
cache; extraction in worker processes. Every test builds real files it writes itself."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.graph.build import BuildOptions, _compact_offsets, build, summaries
from kg.graph.extraction import ExtractionCache, document_key, extractor_version
from kg.model import Document, Sentence
from kg.store import FORMAT_VERSION, graph_from_json, graph_to_json, load_graph, offset_runs, offsets_of_runs
from loaders.pipeline import extract_document

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
VOLATILE_REPORT_KEYS = ("seconds", "output", "input")


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file of a build, with the report's run-specific fields (duration, paths) taken out."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    report = json.loads(files.pop("report.json"))
    for key in VOLATILE_REPORT_KEYS:
        report.pop(key)
    files["report.json"] = json.dumps(report, ensure_ascii=False, sort_keys=True).encode()
    files["report.md"] = b"\n".join(files["report.md"].splitlines()[3:])  # after the heading line with paths and time
    return files


def copy_seeds(folder: Path, names: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in names:
        shutil.copy(path, folder / path.name)
    return folder


# ---------------------------------------------------------------- one pass, compact graph.json


def test_document_summaries_count_what_a_scan_per_document_counts(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    by_name = {s.name: s for s in summaries(graph)}
    assert len(by_name) == len(graph.documents) == len(SEED_FILES)
    for doc in graph.documents:
        summary = by_name[doc.name]
        assert summary.entities == sum(1 for e in graph.entities.values() if any(m.doc == doc.name for m in e.mentions))
        assert summary.relations == sum(1 for r in graph.relations if r.evidence.doc == doc.name)
        assert summary.dropped == dict(Counter(f"{d.stage}:{d.reason}" for d in graph.dropped if d.doc == doc.name))
        assert summary.entities > 0 and summary.relations > 0
    report = json.loads((seeds_build / "report.json").read_text(encoding="utf-8"))
    assert [d["entities"] for d in report["documents"]] == [by_name[d.name].entities for d in graph.documents]


@pytest.mark.parametrize("offsets", [[], [7], list(range(40, 90)), [1, 2, 3, 9, 10, 30], [5, 4, 3], [0, 0, 1, 2]])
def test_offset_runs_give_back_the_offsets(offsets: list[int]) -> None:
    runs = offset_runs(offsets)
    assert offsets_of_runs(runs) == offsets
    assert len(runs) <= 2 * max(1, len(offsets))


def test_a_build_keeps_gapless_offsets_as_ranges_that_write_the_same_runs() -> None:
    document = extract_document(SEED_FILES[0]).document
    before = [list(s.offsets) for s in document.sentences]
    _compact_offsets(document)
    after = [s.offsets for s in document.sentences]
    assert any(type(o) is range for o in after)  # most sentences run without a gap
    for offsets, compacted in zip(before, after, strict=True):
        assert list(compacted) == offsets and offset_runs(compacted) == offset_runs(offsets)
    gap = Sentence(doc="d", index=0, start=0, end=4, text="abc", offsets=[0, 1, 3])
    _compact_offsets(Document(name="d", path="d", encoding="utf-8", text="ab c", sentences=[gap]))
    assert gap.offsets == [0, 1, 3]  # not one run: kept as it is


def test_graph_json_keeps_offsets_as_runs_and_loads_them_in_full(seeds_build: Path) -> None:
    raw = json.loads((seeds_build / "graph.json").read_text(encoding="utf-8"))
    assert raw["format"] == FORMAT_VERSION == 2
    sentences = [s for d in raw["documents"] for s in d["sentences"]]
    assert sentences and all("offsets" not in s and "offset_runs" in s for s in sentences)
    runs = sum(len(s["offset_runs"]) for s in sentences)
    characters = sum(len(s["text"]) for s in sentences)
    assert runs < characters / 20  # one number per character before: now a few per sentence
    loaded = load_graph(seeds_build)
    fresh = {p.name: extract_document(p).document for p in SEED_FILES}
    for document in loaded.documents:
        assert [s.offsets for s in document.sentences] == [s.offsets for s in fresh[document.name].sentences]
        for sentence in document.sentences:
            assert len(sentence.offsets) == len(sentence.text)
            span = sentence.original_span(0, len(sentence.text))
            assert (span.start, span.end) == (sentence.start, sentence.end)


def test_a_graph_json_of_format_1_still_loads(seeds_build: Path, tmp_path: Path) -> None:
    graph = load_graph(seeds_build)
    data = graph_to_json(graph)
    data["format"] = 1
    for document in data["documents"]:
        for sentence in document["sentences"]:
            sentence["offsets"] = offsets_of_runs(sentence.pop("offset_runs"))
    (tmp_path / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = load_graph(tmp_path)
    assert old.documents == graph.documents and old.entities == graph.entities
    assert graph_from_json(graph_to_json(old)).relations == graph.relations
    assert isinstance(old.documents[0].sentences[0], Sentence)


def test_every_rdf_file_holds_the_same_quads_made_once(seeds_build: Path) -> None:
    import pyoxigraph as ox

    from kg.rdf import dataset as rdf

    formats = {"kg.nq": ox.RdfFormat.N_QUADS, "kg.trig": ox.RdfFormat.TRIG, "kg.jsonld": ox.RdfFormat.JSON_LD}
    parsed = {name: set(ox.parse((seeds_build / name).read_bytes(), fmt)) for name, fmt in formats.items()}
    assert parsed["kg.nq"] == parsed["kg.trig"] == parsed["kg.jsonld"]
    quads = rdf.to_quads(load_graph(seeds_build))
    assert len(parsed["kg.nq"]) == len(quads) > 5_000
    entity_types = {
        q for q in parsed["kg.jsonld"] if q.predicate.value.endswith("#type") and "/entity/" in q.subject.value
    }
    assert entity_types and all(q.graph_name == ox.DefaultGraph() for q in entity_types)  # not a blank-node graph
    turtle = {q.triple for q in ox.parse((seeds_build / "kg.ttl").read_bytes(), ox.RdfFormat.TURTLE)}
    assert turtle == {q.triple for q in parsed["kg.nq"]}
    lines = (seeds_build / "kg.nq").read_bytes().splitlines()
    assert lines == sorted(lines)


# ---------------------------------------------------------------- incremental builds


def _cached_build(input_dir: Path, out: Path, cache: Path, **kwargs: object) -> BuildOptions:
    options = BuildOptions(cache_dir=cache, **kwargs)  # type: ignore[arg-type]
    build(input_dir, out, warn=lambda m: None, options=options)
    return options


def test_adding_changing_and_removing_a_document_re_extracts_only_that_one(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES[:3])
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = _cached_build(corpus, out, cache)
    assert (first.stats.documents, first.stats.extracted) == (3, 3)

    shutil.copy(SEED_FILES[3], corpus / SEED_FILES[3].name)  # add one
    added = _cached_build(corpus, out, cache)
    assert (added.stats.documents, added.stats.extracted_names) == (4, [SEED_FILES[3].name])
    build(corpus, tmp_path / "clean-added", warn=lambda m: None)  # no cache at all
    assert outputs(out) == outputs(tmp_path / "clean-added")

    changed_file = corpus / SEED_FILES[1].name  # change one: a paragraph more at its end
    added_line = "\n合肥市人民政府与中国科学技术大学签署合作协议。\n"
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + added_line, encoding="utf-8")
    changed = _cached_build(corpus, out, cache)
    assert changed.stats.extracted_names == [SEED_FILES[1].name]
    build(corpus, tmp_path / "clean-changed", warn=lambda m: None)
    assert outputs(out) == outputs(tmp_path / "clean-changed")
    assert outputs(out) != outputs(tmp_path / "clean-added")

    (corpus / SEED_FILES[0].name).unlink()  # remove one
    removed = _cached_build(corpus, out, cache)
    assert (removed.stats.documents, removed.stats.extracted) == (3, 0)
    build(corpus, tmp_path / "clean-removed", warn=lambda m: None)
    assert outputs(out) == outputs(tmp_path / "clean-removed")
    assert SEED_FILES[0].name not in (out / "graph.json").read_text(encoding="utf-8")


def test_the_cache_key_follows_the_document_the_extractor_and_the_packs(tmp_path: Path) -> None:
    data = SEED_FILES[0].read_bytes()
    version = extractor_version()
    key = document_key(SEED_FILES[0].name, data, version)
    assert key == document_key(SEED_FILES[0].name, data, extractor_version())
    assert key != document_key("renamed.txt", data, version)  # the name is in every offset record
    assert key != document_key(SEED_FILES[0].name, data + b"\n", version)
    pack = tmp_path / "pack"
    pack.mkdir()
    header = "canonical\tclass\tsubtype\taliases\twikidata\tname_en\tnote\n"
    (pack / "gazetteer.tsv").write_text(
        header + "凤栖岭\tPlace\tDevelopmentZone\t\t\t\tinvented for the test\n", encoding="utf-8"
    )
    from loaders.lexicon.packs import using_packs

    with using_packs([pack]):
        assert extractor_version() != version
    assert extractor_version() == version


def test_a_cache_entry_is_what_extraction_gives(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES[:1])
    cache = tmp_path / "cache"
    _cached_build(corpus, tmp_path / "out", cache)
    entries = list(cache.rglob("*.pickle"))
    assert len(entries) == 1
    key = document_key(SEED_FILES[0].name, SEED_FILES[0].read_bytes(), extractor_version())
    assert entries[0].name == f"{key}.pickle"
    import pickle

    cached = pickle.loads(ExtractionCache(cache).get(key) or b"")
    fresh = extract_document(corpus / SEED_FILES[0].name)
    assert cached == fresh


def test_an_unwritable_cache_costs_speed_not_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES[:2])
    options = _cached_build(corpus, tmp_path / "out", blocker / "cache")
    assert options.stats.extracted == 2
    build(corpus, tmp_path / "clean", warn=lambda m: None)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "clean")


# ---------------------------------------------------------------- worker processes


def _kg_build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_two_worker_processes_give_the_bytes_of_one(tmp_path: Path) -> None:
    one = _kg_build("--input", str(SEEDS), "--out", str(tmp_path / "one"), "--no-cache")
    two = _kg_build("--input", str(SEEDS), "--out", str(tmp_path / "two"), "--no-cache", "--workers", "2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert "in 1 process" in one.stdout and "in 2 processes" in two.stdout
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_workers_fill_the_cache_a_single_process_then_reads(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES)
    cache = tmp_path / "cache"
    parallel = _cached_build(corpus, tmp_path / "parallel", cache, workers=2)
    assert parallel.stats.extracted == len(SEED_FILES) and parallel.stats.where == "2 processes"
    serial = _cached_build(corpus, tmp_path / "serial", cache)
    assert serial.stats.extracted == 0
    assert outputs(tmp_path / "parallel") == outputs(tmp_path / "serial")


def test_a_bad_document_in_a_worker_fails_the_build_naming_it(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES[:2])
    (corpus / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu. ".encode("latin-1") * 20)
    done = _kg_build("--input", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "2")
    assert done.returncode == 2, done.stderr
    assert "latin1.txt" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "graph.json").exists()


# ---------------------------------------------------------------- a Dask cluster


def test_a_dask_cluster_gives_the_bytes_of_one_process(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = copy_seeds(tmp_path / "corpus", SEED_FILES)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        done = _kg_build("--input", str(corpus), "--out", str(tmp_path / "dask"), "--no-cache", "--dask", address)
        assert done.returncode == 0, done.stderr
        assert f"in Dask at {address}" in done.stdout
        # the cache is filled from the cluster's results like from any other run
        options = _cached_build(corpus, tmp_path / "dask-cached", tmp_path / "cache", dask_address=address)
        assert options.stats.extracted == len(SEED_FILES)
    build(corpus, tmp_path / "one", warn=lambda m: None)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "one") == outputs(tmp_path / "dask-cached")
    assert _cached_build(corpus, tmp_path / "again", tmp_path / "cache").stats.extracted == 0


def test_no_scheduler_at_the_address_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = _kg_build(
        "--input", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache", "--dask", f"tcp://127.0.0.1:{port}"
    )
    assert done.returncode == 2, done.stderr
    assert f"tcp://127.0.0.1:{port}" in done.stderr and "no Dask scheduler" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_big5_page_builds_and_its_encoding_conforms(tmp_path: Path) -> None:
    corpus = tmp_path / "big5"
    corpus.mkdir()
    text = "合肥市人民政府與中國科學技術大學簽署合作協議。京東方在合肥高新區建設新型顯示產業基地。\n" * 3
    (corpus / "page.txt").write_bytes(text.encode("big5"))
    report = build(corpus, tmp_path / "out", warn=lambda m: None)
    assert report.shacl_conforms and [d.encoding for d in report.documents] == ["big5"]
    assert '"big5"' in (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")


def test_the_cli_caches_by_default_in_the_folder_the_environment_names(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "KG_BUILD_CACHE": str(tmp_path / "cache"), "KG_BUILD_WORKERS": "2"}
    command = [sys.executable, "-m", "kg.cli", "build", "--input", str(SEEDS), "--out", str(tmp_path / "out")]
    first = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600, env=env, check=False)
    assert first.returncode == 0, first.stderr
    n = len(SEED_FILES)
    assert f"extracted {n} of {n} documents in 2 processes, 0 from the cache" in first.stdout
    # --full: a full build reads every extraction from the cache (without it, the build of
    # the same documents is patched and reads none: kg.graph.patch)
    second = subprocess.run([*command, "--full"], cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    assert f"extracted 0 of {len(SEED_FILES)} documents" in second.stdout
    assert f"{len(SEED_FILES)} from the cache" in second.stdout
    third = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600, env=env, check=False)
    assert third.stdout.startswith("patched ") and "extracted 0 of 0 documents" in third.stdout
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == len(SEED_FILES)
