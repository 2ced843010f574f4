"""Faults, not attacks: a full disk, a kill at any moment, leftovers of a dead build, the umask.

Everything runs the real ``kg build`` in a subprocess on real files; the full disk is a
real 2 MB tmpfs when this process may mount one, else a real file-size limit (RLIMIT_FSIZE,
which makes the kernel refuse writes past it the way a full disk does).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import kg_module

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
OLD_DOCS = ("001_b672c5bf12e138e8.txt",)
NEW_DOCS = ("001_b672c5bf12e138e8.txt", "004_e1ad1d33f2229fbe.txt")
VOLATILE = ("report.json", "report.md")  # hold the build's duration


def _inputs(tmp: Path, name: str, docs: tuple[str, ...]) -> Path:
    folder = tmp / name
    folder.mkdir()
    for doc in docs:
        shutil.copy(SEEDS / doc, folder / doc)
    return folder


def _kg_build(
    input_dir: Path, out: Path, umask: int | None = None, fsize: int | None = None, hash_seed: str | None = None
) -> subprocess.Popen[str]:
    def limits() -> None:
        if umask is not None:
            os.umask(umask)
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write(), not a signal death
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = {**os.environ, **({"PYTHONHASHSEED": hash_seed} if hash_seed is not None else {})}
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", "--input", str(input_dir), "--out", str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limits,
        env=env,
    )


def _build(input_dir: Path, out: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    process = _kg_build(input_dir, out, **kwargs)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def signature(folder: Path) -> dict[str, str]:
    """sha256 of every file but the reports (which hold the build's duration)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in VOLATILE
    }


def _documents_in_report(folder: Path) -> int:
    return len(json.loads((folder / "report.json").read_text(encoding="utf-8"))["documents"])


def _leftovers(out: Path) -> list[str]:
    inside = [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".probe-")]
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    return inside + beside


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Inputs and the signatures of a complete old build and a complete new one."""
    tmp = tmp_path_factory.mktemp("refs")
    old_in, new_in = _inputs(tmp, "old_in", OLD_DOCS), _inputs(tmp, "new_in", NEW_DOCS)
    refs: dict[str, object] = {"old_in": old_in, "new_in": new_in}
    for name, folder in (("old", old_in), ("new", new_in)):
        done = _build(folder, tmp / f"{name}_out")
        assert done.returncode == 0, done.stderr
        refs[name] = signature(tmp / f"{name}_out")
    return refs


# ---------------------------------------------------------------- a full disk


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, int | None]]:
    """A 2 MB tmpfs (the old build fits, the new one does not), else a 2 MB file-size limit."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield mount_point, (None if mounted else 300_000)
    finally:
        if mounted:
            subprocess.run(["umount", str(mount_point)], check=True)


def test_full_disk_leaves_the_old_build_whole(
    references: dict[str, object], small_disk: tuple[Path, int | None], tmp_path: Path
) -> None:
    disk, fsize = small_disk
    out = disk / "out"
    assert _build(references["old_in"], out).returncode == 0  # type: ignore[arg-type]
    before = signature(out)
    failed = _build(_big_input(tmp_path), out, **({} if fsize is None else {"fsize": fsize}))
    assert failed.returncode == 3, failed.stderr
    assert "cannot be written" in failed.stderr and "previous outputs are unchanged" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert signature(out) == before and _documents_in_report(out) == 1
    assert _leftovers(out) == []
    answer = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "sparql",
            "--format",
            "json",
            "--graph",
            str(out),
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ikg:Document }",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert json.loads(answer.stdout) == [{"n": 1}]


def _big_input(tmp: Path) -> Path:
    # The five seeds make a 4.5 MB build (graph.json alone 2 MB): past both limits.
    return _inputs(tmp, "big_in", tuple(p.name for p in sorted(SEEDS.glob("*.txt"))))


# ---------------------------------------------------------------- kills


def test_a_kill_at_any_moment_leaves_the_old_or_the_new_build(references: dict[str, object], tmp_path: Path) -> None:
    old, new = references["old"], references["new"]
    out = tmp_path / "out"
    assert _build(references["old_in"], out).returncode == 0  # type: ignore[arg-type]
    started = time.monotonic()
    assert _build(references["new_in"], tmp_path / "timing").returncode == 0  # type: ignore[arg-type]
    duration = time.monotonic() - started
    seen = set()
    for fraction in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 2.0):  # interpreter start to past the end
        delay = duration * fraction
        process = _kg_build(references["new_in"], out)  # type: ignore[arg-type]
        time.sleep(delay)
        process.kill()
        process.communicate(timeout=60)
        now = signature(out)
        assert now in (old, new), (
            f"mixed folder after a kill at {delay:.2f} s: differs from the old build in "
            f"{_differing(now, old)}, from the new in {_differing(now, new)}"
        )
        assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
        seen.add("old" if now == old else "new")
    assert seen == {"old", "new"}
    assert _build(references["new_in"], out).returncode == 0  # type: ignore[arg-type]
    assert signature(out) == new and _leftovers(out) == []  # the next build cleans what kills left


def _differing(a: dict[str, str], b: object) -> list[str]:
    assert isinstance(b, dict)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_leftovers_of_a_dead_build_are_removed_and_an_old_build_put_back(
    references: dict[str, object], tmp_path: Path
) -> None:
    from kg.outputs import remove_stale_siblings

    out = tmp_path / "out"
    assert _build(references["old_in"], out).returncode == 0  # type: ignore[arg-type]
    dead = _dead_pid()
    (tmp_path / f".out.new-{dead}-abcd").mkdir()
    (tmp_path / f".out.new-{dead}-abcd" / "kg.nq").write_text("half")
    os.rename(out, tmp_path / f".out.old-{dead}")  # killed between the two renames of the fallback
    remove_stale_siblings(out)
    assert signature(out) == references["old"] and _leftovers(out) == []


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


# ---------------------------------------------------------------- determinism


def test_trig_and_jsonld_are_byte_identical_whatever_the_hash_seed(
    references: dict[str, object], tmp_path: Path
) -> None:
    for seed in ("1", "2", "3"):
        assert _build(references["new_in"], tmp_path / seed, hash_seed=seed).returncode == 0  # type: ignore[arg-type]
    for name in ("kg.trig", "kg.jsonld", "kg.nq", "kg.ttl"):
        contents = {(tmp_path / seed / name).read_bytes() for seed in ("1", "2", "3")}
        assert len(contents) == 1, name


# ---------------------------------------------------------------- permissions


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_outputs_take_their_permissions_from_the_umask(
    references: dict[str, object], tmp_path: Path, umask: int
) -> None:
    out = tmp_path / "out"
    assert _build(references["old_in"], out, umask=umask).returncode == 0  # type: ignore[arg-type]
    assert (out.stat().st_mode & 0o777) == 0o777 & ~umask
    for path in out.rglob("*"):
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        assert (path.stat().st_mode & 0o777) == expected, path


def test_outputs_carried_over_and_viz_kept(references: dict[str, object], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(references["old_in"], out).returncode == 0  # type: ignore[arg-type]
    (out / "viz").mkdir()
    (out / "viz" / "index.html").write_text("<p>pages</p>")
    assert _build(references["new_in"], out).returncode == 0  # type: ignore[arg-type]
    assert (out / "viz" / "index.html").read_text() == "<p>pages</p>"
    assert _documents_in_report(out) == 2


# ---------------------------------------------------------------- Neo4j: messages, not tracebacks


def _cypher(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return kg_module("cypher", *args, env=env)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("http://127.0.0.1:7474", "use one of bolt://"),
        ("bolt://127.0.0.1:99999", "ports are 1-65535"),
        ("bolt://:7687", "no host"),
    ],
)
def test_bad_uris_get_a_message_and_exit_4(uri: str, expected: str) -> None:
    done = _cypher({"NEO4J_URI": uri}, "RETURN 1 AS one")
    assert done.returncode == 4 and expected in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.neo4j
def test_the_system_database_is_reachable(neo4j_env: dict[str, str]) -> None:
    done = _cypher(
        neo4j_env, "SHOW DATABASES YIELD name RETURN name ORDER BY name", "--database", "system", "--format", "csv"
    )
    assert done.returncode == 0, done.stderr
    assert "neo4j" in done.stdout.splitlines()


@pytest.mark.neo4j
def test_call_in_transactions_runs_with_write(neo4j_env: dict[str, str]) -> None:
    query = (
        "UNWIND range(1, 3) AS i CALL (i) { CREATE (:FaultProbe {i: i}) } IN TRANSACTIONS OF 1 ROWS "
        "RETURN count(*) AS n"
    )
    try:
        done = _cypher(neo4j_env, query, "--write", "--format", "csv")
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == ["n", "3"]
    finally:
        _cypher(neo4j_env, "MATCH (p:FaultProbe) DELETE p", "--write")
    read_only = _cypher(neo4j_env, query)
    assert read_only.returncode == 2 and "Traceback" not in read_only.stderr


@pytest.mark.neo4j
@pytest.mark.parametrize("value", ["99999999999999999999", "[1, 99999999999999999999]", "-9223372036854775809"])
def test_out_of_range_integers_get_a_message(neo4j_env: dict[str, str], value: str) -> None:
    done = _cypher(neo4j_env, "RETURN $n AS n", "--param", f"n={value}")
    assert done.returncode == 2 and "out of range" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.neo4j
def test_a_smaller_reload_reports_what_is_left_and_prune_removes_it(
    clean_neo4j: object, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    from conftest import build_small_graph

    from kg.store import graph_to_json

    for copies in (1, 2):
        (tmp_path / f"g{copies}.json").write_text(
            json.dumps(graph_to_json(build_small_graph(copies)), ensure_ascii=False), encoding="utf-8"
        )

    def load(name: str, *extra: str) -> str:
        done = kg_module("load", "neo4j", "--graph", str(tmp_path / name), *extra, env=neo4j_env, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "nothing left over" in load("g2.json")
    reported = load("g1.json")
    assert "2 documents" in reported and "5 entities" in reported and "5 relations" in reported
    assert "--prune" in reported
    assert "pruned" in load("g1.json", "--prune")
    assert "nothing left over" in load("g1.json")
    records, _, _ = clean_neo4j.execute_query(  # type: ignore[attr-defined]
        "MATCH (e:__Entity__) RETURN count(e) AS n", database_=neo4j_env.get("NEO4J_DATABASE", "neo4j")
    )
    assert records[0]["n"] == 5


# ---------------------------------------------------------------- kg serve: ports


def test_serve_refuses_a_bad_or_busy_port(references: dict[str, object], tmp_path: Path) -> None:
    import socket

    out = tmp_path / "out"
    assert _build(references["old_in"], out).returncode == 0  # type: ignore[arg-type]

    def serve(port: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg.cli", "serve", "--graph", str(out), "--port", port],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )

    out_of_range = serve("99999")
    assert out_of_range.returncode == 2 and "99999" in out_of_range.stderr
    with socket.create_server(("127.0.0.1", 0)) as taken:
        busy = serve(str(taken.getsockname()[1]))
    assert busy.returncode == 2 and "cannot listen on" in busy.stderr
    assert "Traceback" not in busy.stderr + out_of_range.stderr
