"""What ``kg build`` writes beside its outputs so that one query need not re-parse them.

``out/store/`` holds:

* ``graph.kgl``: the embedded Cypher engine's graph in kglite's own file format, loaded by
  ``kg cypher`` without a server in under a second instead of being rebuilt from
  ``graph.json`` (17 s at 100× the seeds);
* ``stamp.json``: the size and SHA-256 of the ``graph.json`` that graph was made from and of
  the ``kg.nq`` the build wrote, and the engine versions. A ``kg.nq`` that matches its stamp
  is the build's own, already checked file, so ``kg sparql`` loads it without pyoxigraph's
  per-term checks (``lenient``: half the time); any other is loaded with every check.

A store is used only when its stamp matches the file beside it, so one carried over from an
older build (the whole-folder swap keeps entries a build does not write), copied in from
elsewhere or written by another kglite is never read: callers fall back to the source file
and say why. Both files are the same bytes for the same graph.

pyoxigraph's on-disk store (RocksDB) was tried and left out: it opens in 30 ms, but at 100×
the seeds it answered the competency questions 5 to 30 times slower than the in-memory store
(8 s against 0.25 s for facts_per_document), and its files differ on every build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.model import KnowledgeGraph

STORE_DIR = "store"
KGLITE_FILE = f"{STORE_DIR}/graph.kgl"
STAMP_FILE = f"{STORE_DIR}/stamp.json"
STAMP_FORMAT = 1
NQUADS = "kg.nq"
GRAPH_JSON = "graph.json"

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoreSource:
    """A file of the build that a stamp vouches for, and what reading it that way needs."""

    source: str  # the build output the stamp fingerprints
    engine: str  # the distribution whose version is stamped
    path: str  # what is read when the stamp matches, relative to the build folder
    fallback: str  # what the caller does otherwise (for the warning)
    same_engine: bool  # whether another version of the engine must not read it


OXIGRAPH = StoreSource(NQUADS, "pyoxigraph", NQUADS, "loading kg.nq with every check", same_engine=False)
KGLITE = StoreSource(GRAPH_JSON, "kglite", KGLITE_FILE, "building the graph from graph.json", same_engine=True)


# ---------------------------------------------------------------- writing (kg build)


def version(engine: str) -> str:
    """The installed version of ``engine`` (importlib.metadata loads only when it is needed)."""
    from importlib.metadata import version as installed

    return installed(engine)


def _fingerprint(data: bytes) -> dict[str, object]:
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


class Fingerprinting:
    """A file's writes passed on and counted and hashed on the way: the stamp's fingerprint
    of a file streamed to disk (kg build), without holding or reading it back."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self._write = write
        self.size = 0
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._write(data)
        self.size += len(data)
        self.digest.update(data)

    def fingerprint(self) -> dict[str, object]:
        return {"size": self.size, "sha256": self.digest.hexdigest()}


def stamp_bytes(nquads: dict[str, object], graph_json: dict[str, object]) -> bytes:
    """store/stamp.json, from the fingerprints of kg.nq and graph.json."""
    stamp = {
        "format": STAMP_FORMAT,
        "stores": {
            s.path: {"source": s.source, "engine": s.engine, "version": version(s.engine), **fingerprint}
            for s, fingerprint in ((OXIGRAPH, nquads), (KGLITE, graph_json))
        },
    }
    return (json.dumps(stamp, indent=2, sort_keys=True) + "\n").encode("utf-8")


def store_files(nquads: bytes, graph_json: bytes, kglite_graph: bytes) -> dict[str, bytes]:
    """Every file of ``store/``: the saved Cypher graph and the stamp tying the store to this build."""
    return {KGLITE_FILE: kglite_graph, STAMP_FILE: stamp_bytes(_fingerprint(nquads), _fingerprint(graph_json))}


def build_stores(graph: KnowledgeGraph, files: dict[str, bytes]) -> dict[str, bytes]:
    """``store/`` for a build whose other outputs are ``files`` (kg.nq and graph.json among them)."""
    from kg.query.cypher_embedded import kglite_bytes  # kglite loads only when a build writes the store

    return store_files(files[NQUADS], files[GRAPH_JSON], kglite_bytes(graph))


# ---------------------------------------------------------------- reading (kg sparql, kg cypher)


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stamp_entry(build: Path, store: StoreSource) -> dict[str, object] | str:
    """The stamp's entry for ``store``, or why there is none."""
    try:
        stamp = json.loads((build / STAMP_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"it has no {STAMP_FILE} (a build older than the stores, or another tool wrote it)"
    except (OSError, ValueError) as exc:
        return f"its {STAMP_FILE} is unreadable ({exc})"
    entry = stamp.get("stores", {}).get(store.path) if isinstance(stamp, dict) else None
    if stamp.get("format") != STAMP_FORMAT or not isinstance(entry, dict):
        return f"its {STAMP_FILE} is of another format"
    return entry


def why_stale(build: Path, store: StoreSource) -> str | None:
    """None when the stamp of ``build`` vouches for ``store``, else the reason it does not."""
    entry = _stamp_entry(build, store)
    if isinstance(entry, str):
        return entry
    if not (build / store.path).exists():
        return f"{store.path} is missing"
    if store.same_engine and entry.get("version") != version(store.engine):
        return f"{store.path} was written by {store.engine} {entry.get('version')}, this is {version(store.engine)}"
    source = build / store.source
    try:
        same = source.stat().st_size == entry.get("size") and _file_sha256(source) == entry.get("sha256")
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    return None if same else f"{store.source} is not the file the build stamped (another build's, or changed since)"


def fresh_store(build: Path, store: StoreSource) -> Path | None:
    """The path to read when the stamp vouches for it; else None, having logged why and
    what is done instead (a warning: the answer is the same, only slower)."""
    if not build.is_dir() or not (build / store.source).is_file():
        return None  # a file given directly, or no build here: the caller's own error says so
    reason = why_stale(build, store)
    if reason is None:
        return build / store.path
    logger.warning("%s: %s; %s instead, which is slower (`kg build` writes the store)", build, reason, store.fallback)
    return None
