"""The `kg` command line: help, the extract format, and bad input handled without loss."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.cli.main import cli, main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SMALL_SEED = SEEDS / "004_e1ad1d33f2229fbe.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SMALL_SEED, folder / SMALL_SEED.name)
    return folder


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--help"])
    names = sorted(cli.commands)
    capsys.readouterr()
    assert {"build", "extract", "sparql", "eval"} <= set(names)
    for name in names:
        code, out, _ = run(capsys, name, "--help")
        assert code == 0 and "Usage:" in out, name


def test_extract_prints_the_stable_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SMALL_SEED), "--format", "jsonl")
    assert code == 0
    text = SMALL_SEED.read_text(encoding="utf-8")
    objects = [json.loads(line) for line in out.splitlines()]
    entities = [o for o in objects if o["kind"] == "entity"]
    relations = [o for o in objects if o["kind"] == "relation"]
    assert entities and relations
    ids = {e["id"] for e in entities}
    for e in entities:
        assert set(e) == {"kind", "doc", "id", "type", "subtype", "name", "aliases", "mentions"}
        assert e["doc"] == SMALL_SEED.name and e["mentions"]
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for r in relations:
        assert set(r) == {"kind", "doc", "type", "head", "tail", "evidence", "rule", "confidence"}
        assert r["head"] in ids and r["tail"] in ids
        assert 0 <= r["evidence"]["start"] < r["evidence"]["end"] <= len(text)
        assert 0.0 <= r["confidence"] <= 1.0


def test_empty_file_is_warned_and_skipped(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "build", "--input", str(docs), "--out", str(tmp_path / "out"))
    assert code == 0
    assert "empty.txt" in err and "empty" in err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in report["documents"]] == [SMALL_SEED.name]


def test_binary_file_stops_the_build_and_keeps_previous_outputs(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(capsys, "build", "--input", str(docs), "--out", str(out))[0] == 0
    before = snapshot(out)
    (docs / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    code, out_text, err = run(capsys, "build", "--input", str(docs), "--out", str(out))
    assert code == 2
    assert "scan.txt" in err and "Traceback" not in err
    assert snapshot(out) == before


def test_undecodable_file_is_named(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "bad.txt").write_bytes("合肥".encode() + b"\xff\xfe\xfa" * 50 + "市".encode())
    code, _, err = run(capsys, "build", "--input", str(docs), "--out", str(tmp_path / "out"))
    assert code == 2 and "bad.txt" in err
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_gb18030_input_is_detected_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "gbk"
    folder.mkdir()
    (folder / "doc.txt").write_bytes(SMALL_SEED.read_text(encoding="utf-8").encode("gb18030"))
    code, _, _ = run(capsys, "build", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert code == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["encoding"] == "gb18030"


def test_missing_input_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "build", "--input", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert code == 2 and "nowhere" in err and "does not exist" in err


def test_output_folder_that_cannot_be_written(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "build", "--input", str(docs), "--out", str(blocker / "out"))
    assert code == 3 and "cannot be written" in err and "Traceback" not in err


def test_malformed_sparql_exits_2(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(capsys, "build", "--input", str(docs), "--out", str(out))[0] == 0
    code, _, err = run(capsys, "sparql", "SELECT ?x WHERE { ?x ", "--graph", str(out))
    assert code == 2 and "SPARQL" in err
    code, out_text, _ = run(
        capsys, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(out), "--format", "json"
    )
    assert code == 0 and json.loads(out_text)[0]["n"] > 0


def test_options_come_from_the_environment(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_BUILD_INPUT", str(docs))
    monkeypatch.setenv("KG_BUILD_OUT", str(tmp_path / "env-out"))
    assert run(capsys, "build")[0] == 0
    assert (tmp_path / "env-out" / "kg.ttl").exists()


def test_the_click_group_holds_every_command_once_imported() -> None:
    from kg.cli.main import cli

    assert {"build", "extract", "sparql", "eval", "load", "cypher", "serve", "chain", "viz", "export", "import"} <= set(
        cli.commands
    )
