"""store/graph.kgl (kg.query.stores) made in an interpreter of its own, fed one batch at a time.

kglite's graph is the largest thing a build makes beside the KnowledgeGraph itself (2.5 GB
at 1000× the seeds, and saving it takes more): made in the build's process, or in a forked
child that shares the build's pages and copies each one it reads, it stacked on top of the
graph. Here a fresh interpreter (``python -m kg.query.kglite_file PATH``) holds kglite's
graph alone. It reads pickled (statement, rows) pairs from its standard input, in the order
the Neo4j loader runs them (kg.neo4j.load.stream_writes), and saves the graph to PATH once
None follows the last pair; input that stops before that saves nothing (the sender failed).
The file holds the same bytes as kg.query.cypher_embedded.kglite_bytes gives.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg import interpreter
from kg.errors import QueryError
from kg.ids import relation_id

if TYPE_CHECKING:
    from kg.model import FactKey, KnowledgeGraph
    from kg.neo4j.load import WriteBatch

PICKLE_PROTOCOL = 5
_CANNOT_WRITE = 3  # the exit code when the file cannot be written; the last line of stderr says why


def write_kglite(graph: KnowledgeGraph, path: Path) -> None:
    """Save the embedded Cypher graph of ``graph`` to ``path`` (QueryError if kglite fails)."""
    from kg.neo4j.load import stream_writes  # rdflib's ontology: only when building

    _run(stream_writes(graph), path)  # raises InputError on labels or types the ontology lacks


def _run(batches: Iterable[WriteBatch], path: Path, start: Path | None = None) -> None:
    """The batches run in an interpreter of its own on a new graph (or the one saved at
    ``start``), saved to ``path``."""
    with tempfile.TemporaryFile() as errors:
        arguments = [str(path)] if start is None else [str(path), str(start)]
        process = interpreter.start(__name__, *arguments, stdin=subprocess.PIPE, stderr=errors)
        try:
            _send(batches, process.stdin)
        except BaseException:
            process.kill()  # this side failed (or was interrupted): the other must not save
            process.wait()
            raise
        code = process.wait()
        if code == _CANNOT_WRITE:
            number, _, message = interpreter.last_line(errors).partition(" ")
            raise OSError(int(number), message)  # a full disk: the caller's OutputError
        if code != 0:
            raise QueryError(f"kglite could not save the embedded graph: {interpreter.last_line(errors)}")


def patch_kglite(
    old: Path,
    path: Path,
    documents: list[str],
    facts: list[FactKey],
    gone: list[str],
    graph: KnowledgeGraph,
) -> None:
    """Save to ``path`` the embedded Cypher graph at ``old`` with ``documents`` (their chunks,
    and their relations ``facts``) and the entities ``gone`` deleted, then ``graph`` (the
    patch's new units) written as a build writes it."""
    from kg.neo4j import statements as q
    from kg.neo4j.load import Stage, WriteBatch, stream_writes

    stage = Stage("patch", "nodes")
    relations = [{"head": f[1], "id": relation_id(*f)} for f in facts]
    deletions = [
        WriteBatch(stage, q.DELETE_RELATIONS, relations),
        WriteBatch(stage, q.DELETE_CHUNKS, [{"id": name} for name in documents]),
        WriteBatch(stage, q.DELETE_DOCUMENTS, [{"id": name} for name in documents]),
        WriteBatch(stage, q.DELETE_ENTITIES, [{"id": eid} for eid in gone]),
    ]
    _run([*deletions, *stream_writes(graph)], path, old)


def _send(batches: Iterable[WriteBatch], pipe: IO[bytes] | None) -> None:
    """Every batch, then None; a pipe the other end closed (it failed) ends the sending."""
    from kg.query.cypher_embedded import kglite_dialect

    assert pipe is not None
    try:
        with pipe:
            for batch in batches:
                pickle.dump((kglite_dialect(batch.query), batch.rows), pipe, protocol=PICKLE_PROTOCOL)
            pickle.dump(None, pipe, protocol=PICKLE_PROTOCOL)
    except BrokenPipeError:
        pass  # it stopped: its exit code and message tell why


def main(path: str, start: str | None = None) -> int:
    interpreter.end_with_parent()
    import kglite

    kglite.set_query_warning_policy("silent")
    engine = kglite.KnowledgeGraph() if start is None else kglite.load(start)
    source = sys.stdin.buffer
    while True:
        try:
            item = pickle.load(source)
        except EOFError:
            return 1  # the sender stopped before the end: nothing is saved
        if item is None:
            break
        query, rows = item
        engine.cypher(query, params={"rows": rows}, timeout_ms=0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # how kglite would map the file when it is loaded, not an error
            engine.save(path)
    except OSError as exc:
        print(exc.errno or 0, exc.strerror or exc, file=sys.stderr)
        return _CANNOT_WRITE
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
