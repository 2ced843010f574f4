"""Per-document extraction for ``kg build``: cached, and run in one process, in N processes
(``--workers N``) or on a Dask cluster (``--dask tcp://HOST:PORT``).

Every document is extracted on its own (loaders.pipeline.extract_document reads one file and
nothing else), so the extractions can be made anywhere and in any order; the build merges
them in input order, which is why every way of running gives the same bytes.

The cache holds one pickled DocumentExtraction per document, keyed by a hash of the file's
name and bytes and of the extractor's version: the source of ``loaders/`` and its data, the
model and ontology modules extraction uses, the reader libraries' versions, the packs in use
and any ablation switch. A changed document, a changed extractor or a different pack gives
a new key; an entry is never updated in place, only written whole (temporary file + rename),
so builds that share a cache folder cannot see half an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.errors import InputError, OutputError
from kg.model import DocumentExtraction
from kg.outputs import write_atomic

ROOT = Path(__file__).resolve().parents[2]
# What extraction runs: every file of loaders/ (code and data), the kg modules it imports
# and the ontology the relation checks read.
_VERSION_FILES = (
    "kg/model.py",
    "kg/ids.py",
    "kg/constraints.py",
    "kg/schema.py",
    "kg/errors.py",
    "kg/reasons.py",
)
_VERSION_GLOBS = (("loaders", "**/*"), ("kg/ontology", "*.ttl"))
_READER_LIBRARIES = ("pypdfium2", "python-docx", "trafilatura", "opencc", "rjieba", "ahocorasick-rs", "rdflib")
PICKLE_PROTOCOL = 5


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/innokg/extractions`` (``~/.cache/innokg/extractions``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "innokg" / "extractions"


@cache
def _code_version() -> str:
    digest = hashlib.sha256()
    files = [ROOT / name for name in _VERSION_FILES]
    for folder, pattern in _VERSION_GLOBS:
        files += [
            p
            for p in (ROOT / folder).glob(pattern)
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ]
    for path in sorted(set(files)):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in _READER_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    digest.update(f"python={sys.version_info[0]}.{sys.version_info[1]};pickle={PICKLE_PROTOCOL}".encode())
    return digest.hexdigest()


def extractor_version() -> str:
    """A hash of everything an extraction depends on besides the document itself."""
    from loaders import ablation
    from loaders.lexicon import packs

    digest = hashlib.sha256(_code_version().encode())
    for part in sorted(ablation.PARTS):
        if not ablation.enabled(part):
            digest.update(f"off:{part}\0".encode())
    for pack in packs._active:  # the packs in use, by content
        for name in (packs.PATTERNS_FILE, packs.GAZETTEER_FILE):
            path = pack.folder / name
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"-")
    return digest.hexdigest()


def document_key(name: str, data: bytes, version: str) -> str:
    digest = hashlib.sha256(version.encode())
    digest.update(name.encode("utf-8") + b"\0")  # the name is in every offset record
    digest.update(data)
    return digest.hexdigest()


DEFAULT_CACHE_LIMIT = 2 * 1024**3  # bytes the cache may hold after a build


@dataclass(frozen=True, slots=True)
class CachePruning:
    """What :meth:`ExtractionCache.prune` removed, and what it kept."""

    removed: int  # entries
    freed: int  # bytes
    kept: int  # bytes left


class ExtractionCache:
    """A folder of ``<key>.pickle`` entries (two-level fan-out: ``ab/abcdef….pickle``).

    An entry's modification time is when a build last used it, so :meth:`prune` removes the
    least recently used first: entries of documents no longer built and of earlier
    extractor versions (their keys are never asked for again) go before today's."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last entry pruning would remove
        return data

    def prune(self, limit: int) -> CachePruning:
        """Remove the least recently used entries until the cache holds at most ``limit``
        bytes; an entry that cannot be removed is left (the cache is best effort)."""
        entries = []
        for path in self.folder.glob("??/*.pickle"):
            with contextlib.suppress(OSError):
                info = path.stat()
                entries.append((info.st_mtime_ns, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        removed = freed = 0
        for _, size, path in sorted(entries):
            if total - freed <= limit:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                removed, freed = removed + 1, freed + size
        return CachePruning(removed, freed, total - freed)

    def put(self, key: str, data: bytes) -> None:
        """Store an entry; a cache that cannot be written costs speed, never the build."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except (OSError, OutputError):
            pass


def _pickled_extraction(path: str) -> bytes:
    """Extract one document and pickle it (run in a worker process or on a Dask worker)."""
    from loaders.pipeline import bulk_extraction, extract_document

    with bulk_extraction():
        return pickle.dumps(extract_document(path), protocol=PICKLE_PROTOCOL)


def _pickled_extraction_of_bytes(
    name: str, data: bytes, pack_files: Sequence[tuple[str, bytes, bytes | None]], ablated: Sequence[str]
) -> bytes:
    """The same on a machine that may not see the input folder: the file travels with the
    task, and is written under its own name into a private temporary folder; the packs in
    use travel with it too."""
    from contextlib import ExitStack

    from loaders import ablation
    from loaders.lexicon import packs

    with tempfile.TemporaryDirectory(prefix="innokg-task-") as tmp, ExitStack() as stack:
        folders = []
        for index, (pack_name, patterns, gazetteer) in enumerate(pack_files):
            folder = Path(tmp) / f"pack-{index}-{pack_name}"
            folder.mkdir()
            if patterns:
                (folder / packs.PATTERNS_FILE).write_bytes(patterns)
            if gazetteer is not None:
                (folder / packs.GAZETTEER_FILE).write_bytes(gazetteer)
            folders.append(folder)
        stack.enter_context(packs.using_packs(folders))
        for part in ablated:
            stack.enter_context(ablation.disabled(part))
        path = Path(tmp) / "doc"
        path.mkdir()
        path = path / name
        path.write_bytes(data)
        return _pickled_extraction(str(path))


def _pack_payload() -> list[tuple[str, bytes, bytes | None]]:
    from loaders.lexicon import packs

    payload = []
    for pack in packs._active:
        patterns = pack.folder / packs.PATTERNS_FILE
        gazetteer = pack.folder / packs.GAZETTEER_FILE
        payload.append(
            (
                pack.folder.name,
                patterns.read_bytes() if patterns.exists() else b"",
                gazetteer.read_bytes() if gazetteer.exists() else None,
            )
        )
    return payload


def _ablated() -> list[str]:
    from loaders import ablation

    return [part for part in ablation.PARTS if not ablation.enabled(part)]


def _init_worker(pack_folders: Sequence[str], ablated: Sequence[str]) -> None:
    """A worker process starts with the parent's packs and switches (whatever the start method)."""
    from loaders import ablation
    from loaders.lexicon import packs

    active = {str(p.folder) for p in packs._active}
    for folder in pack_folders:
        if folder not in active:
            packs._active.append(packs.read_pack(Path(folder)))
    ablation._disabled.update(ablated)


@dataclass(slots=True)
class ExtractionStats:
    documents: int = 0
    extracted: int = 0  # documents extracted in this run (the others came from the cache)
    seconds: float = 0.0  # wall time of the extraction phase
    where: str = "1 process"
    extracted_names: list[str] = field(default_factory=list)


def extract_documents(
    paths: Sequence[Path],
    *,
    cache: ExtractionCache | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    progress: Callable[[list[Path]], Iterable[Path]] = lambda p: p,
    stats: ExtractionStats | None = None,
) -> Iterator[tuple[Path, DocumentExtraction]]:
    """Each document's extraction, in the order of ``paths``."""
    from loaders.pipeline import bulk_extraction, extract_document

    stats = stats if stats is not None else ExtractionStats()
    started = time.perf_counter()
    stats.documents = len(paths)
    version = extractor_version() if cache is not None else ""
    keys: dict[Path, str] = {}
    cached: dict[Path, bytes] = {}
    if cache is not None:
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
            keys[path] = document_key(path.name, data, version)
            found = cache.get(keys[path])
            if found is not None:
                cached[path] = found
    todo = [p for p in paths if p not in cached]
    stats.extracted, stats.extracted_names = len(todo), [p.name for p in todo]
    remote: dict[Path, Any] = {}
    executor: Executor | None = None
    client = None
    if todo and dask_address:
        client = _dask_client(dask_address)
        stats.where = f"Dask at {dask_address}"
        packs, ablated = _pack_payload(), _ablated()
        # pure=False: a fresh task key each time, never a result another client left on the scheduler
        remote = {
            p: client.submit(_pickled_extraction_of_bytes, p.name, p.read_bytes(), packs, ablated, pure=False)
            for p in todo
        }
    elif todo and workers > 1 and len(todo) > 1:
        from loaders.lexicon import packs as packs_module

        stats.where = f"{workers} processes"
        executor = ProcessPoolExecutor(
            max_workers=min(workers, len(todo)),
            initializer=_init_worker,
            initargs=([str(p.folder) for p in packs_module._active], _ablated()),
        )
        remote = {p: executor.submit(_pickled_extraction, str(p)) for p in todo}
    try:
        with bulk_extraction():
            for path in progress(list(paths)):
                if path in cached:
                    yield path, pickle.loads(cached[path])
                    continue
                if path in remote:
                    data = _result(remote[path])
                elif cache is not None:
                    data = pickle.dumps(extract_document(path), protocol=PICKLE_PROTOCOL)
                else:
                    yield path, extract_document(path)
                    continue
                if cache is not None:
                    cache.put(keys[path], data)
                yield path, pickle.loads(data)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if client is not None:
            for future in remote.values():
                future.cancel()
            client.close()
        stats.seconds = round(time.perf_counter() - started, 3)


def _result(future: Future[bytes] | Any) -> bytes:
    result = future.result()
    assert isinstance(result, bytes)
    return result


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is a dependency; kept for a stripped install
        raise InputError("--dask needs dask.distributed (pip install 'dask[distributed]')") from exc
    try:
        return Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise InputError(f"--dask {address}: no Dask scheduler answers ({exc})") from exc
