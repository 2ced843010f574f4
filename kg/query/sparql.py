"""SPARQL over the built graph with pyoxigraph (rdflib stays for parsing, writing and SHACL).

The store is loaded from ``kg.nq`` (N-Quads keeps the named graph of each document); queries
see the union of all graphs as their default graph, so a question need not name documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.query.result import IRI, PREFIXES, QueryResult, prefixed

NQUADS_NAME = "kg.nq"
ENGINE = "pyoxigraph"
__all__ = ["IRI", "PREFIXES", "prefixed"]  # (re-exported: defined in kg.query.result)


def open_store(graph_dir: str | Path, *, lenient: bool = False) -> ox.Store:
    """The store of a build: ``graph_dir/kg.nq`` (or an N-Quads file given directly), in memory.

    ``lenient`` skips pyoxigraph's per-term checks (twice as fast); only for a file known to
    be the build's own (see ``open_query_store``).
    """
    graph_dir = Path(graph_dir)
    path = graph_dir / NQUADS_NAME if graph_dir.is_dir() else graph_dir
    if not path.exists():
        raise InputError(f"{path}: no built graph here; run `kg build` first")
    store = ox.Store()
    try:
        # Store.load, not bulk_load: for a store in memory it is a fifth faster (0.75 s against
        # 0.95 s of CPU for kg.nq at 100x the seeds) and holds the same quads.
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=lenient)
    except (SyntaxError, OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot be loaded as N-Quads ({exc})") from exc
    return store


def open_query_store(graph_dir: str | Path) -> ox.Store:
    """The store for ``kg sparql``: kg.nq loaded without per-term checks when the build's stamp
    (store/stamp.json) shows it is the file that build wrote and checked, else with them and a
    warning saying why (kg.query.stores).

    pyoxigraph's on-disk store would open at once but answers 5-30× slower at 100× the seeds.
    """
    from kg.query.stores import OXIGRAPH, fresh_store

    return open_store(graph_dir, lenient=fresh_store(Path(graph_dir), OXIGRAPH) is not None)


def open_checked(graph_dir: str | Path, query: str) -> ox.Store:
    """``open_query_store(graph_dir)``, with ``query`` checked by the guard meanwhile.

    The guard (kg.query.sparql_guard: rdflib's parser, about 0.5 s to import) runs in a second
    thread while pyoxigraph hashes and loads kg.nq with the GIL released, so one ``kg sparql``
    call pays the longer of the two instead of both. The store's errors come first, then the
    guard's, as when the two ran in turn; ``run_query`` finds the verdict in the guard's cache.
    """
    from concurrent.futures import ThreadPoolExecutor

    from kg.query.sparql_guard import check_query

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sparql-guard") as pool:
        checked = pool.submit(check_query, query)
        store = open_query_store(graph_dir)
        checked.result()
    return store


def existing_file(text: str) -> Path | None:
    """``text`` as the path of an existing file, or None when it cannot be one.

    Inline queries are often longer than a file name may be (255 bytes per name; about 86
    Chinese characters), and the OS answers such a name with an error, not "no such file".
    """
    if not text or "\n" in text or "\x00" in text or len(text.encode("utf-8", "surrogateescape")) >= 4096:
        return None
    if any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in text.split("/")):
        return None
    try:
        candidate = Path(text)
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):
        return None


def read_query(text_or_file: str) -> str:
    """A query given inline, or the path of a .rq/.sparql file."""
    path = existing_file(text_or_file)
    if path is None:
        return text_or_file
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the query file ({exc})") from None


def term_value(term: object) -> Any:
    """A plain Python value for a result cell: IRIs and strings as str, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


Bindable = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def as_term(value: object) -> Bindable:
    """A Python value as the RDF term a parameter binds: str, int, float and bool as typed
    literals; pyoxigraph terms as they are (``ox.NamedNode(iri)`` for an IRI)."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple):
        return value
    if isinstance(value, bool | int | float | str):
        return ox.Literal(value)
    raise QueryError(f"cannot bind {value!r}: give a str, int, float, bool or a pyoxigraph term")


def run_query(store: ox.Store, query: str, params: dict[str, object] | None = None) -> QueryResult:
    """Check the query's parsed form (kg.query.sparql_guard), then run it; QueryError for the user's faults.

    ``params`` bind variables before evaluation (pyoxigraph substitutions): a value is a
    term, never text spliced into the query. A bound variable must be in the projection.
    """
    from kg.query.sparql_guard import check_query  # rdflib's parser loads only when a query runs

    check_query(query)
    substitutions = {ox.Variable(name): as_term(value) for name, value in (params or {}).items()}
    try:
        answer = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except RuntimeError as exc:  # a parameter the query does not project
        raise QueryError(f"cannot bind the parameters: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise QueryError(f"SPARQL evaluation failed: {exc}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(["ask"], [[bool(answer)]], ENGINE, boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        rows = [[_cell_value(t.subject), _cell_value(t.predicate), _cell_value(t.object)] for t in answer]
        return QueryResult(["subject", "predicate", "object"], rows, ENGINE)
    columns = [v.value for v in answer.variables]
    rows = [[_cell_value(solution[c]) for c in columns] for solution in answer]
    return QueryResult(columns, rows, ENGINE)


def _cell_value(term: object) -> Any:
    return IRI(term.value) if isinstance(term, ox.NamedNode) else term_value(term)
