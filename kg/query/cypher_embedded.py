"""Cypher without a server: the built graph loaded into kglite, an embedded property-graph engine.

``kg cypher`` falls back to this module when no Neo4j server is configured, so a researcher
can run the same ``queries/*.cypher`` files on a laptop. The property graph is built by
running the Neo4j loader's own parameterised statements (kg.neo4j.load) inside kglite:

* one node per entity, labelled ``__Entity__``, its class and its subclass (if any), with
  properties ``id``, ``uri``, ``name``, ``aliases``, ``type``, ``subtype`` (and ``wikidata``,
  ``divisionCode``, ``nameEn`` when known);
* one relationship per relation, typed ``LOCATED_IN`` etc., with properties ``id``, ``uri``,
  ``doc``, ``sentence``, ``start``, ``end``, ``evidence``, ``rule``, ``confidence``;
* the lexical graph: ``(:Chunk)-[:FROM_DOCUMENT]->(:Document)``, ``(:Chunk)-[:NEXT_CHUNK]->(:Chunk)``
  and ``(:__Entity__)-[:FROM_CHUNK {start, end, text}]->(:Chunk)`` for every mention.

What differs from Neo4j's Cypher is measured in docs/cypher-embedded.md.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kglite

from kg.errors import InputError, QueryError
from kg.model import KnowledgeGraph
from kg.query.cypher_guard import explain_text, refuse_load_csv
from kg.query.stores import KGLITE, fresh_store
from kg.store import load_graph

DEFAULT_TIMEOUT_MS = 10_000
DEFAULT_GRAPH_DIR = Path("out")  # kg build's default output folder

# kglite announces "unknown label" advisories on stderr; Neo4j returns them as
# notifications, so keep the terminal quiet and let callers read ResultView.warnings.
kglite.set_query_warning_policy("silent")


@dataclass(slots=True)
class EmbeddedGraph:
    """A read-only kglite snapshot holding the property graph of one KnowledgeGraph.

    Frozen so that a stray CREATE cannot change what later queries in the process see,
    and so that threads (the notebooks, a server) can query it concurrently without locks.
    """

    engine: kglite.FrozenGraph
    nodes: int
    relationships: int


# ---------------------------------------------------------------- building

# kglite reserves END as a keyword even as a map key or after a dot, where Neo4j does not;
# the loader's statements say ``end: row.end``, so backtick those two spellings (statement
# text written by the project, never data).
_BARE_END_KEY = re.compile(r"(?<![`\w.])end(?=\s*:)")
_DOTTED_END = re.compile(r"\.end\b")


def kglite_dialect(statement: str) -> str:
    """A Neo4j statement of this project spelled so that kglite parses it too."""
    return _DOTTED_END.sub(".`end`", _BARE_END_KEY.sub("`end`", statement))


def _build_engine(graph: KnowledgeGraph) -> tuple[kglite.KnowledgeGraph, int, int]:
    """A writable kglite graph holding the Neo4j property graph of ``graph``, and its counts.

    The statements and rows are the Neo4j loader's own (kg.neo4j.load.plan_writes), so
    both engines hold the same nodes, labels, properties and relationships by construction.
    """
    from kg.neo4j.load import ENTITIES, RELATIONS, plan_writes  # rdflib's ontology: only when building

    engine = kglite.KnowledgeGraph()
    plan = plan_writes(graph)  # raises InputError on labels or types the ontology lacks
    for batch in plan:
        try:
            engine.cypher(kglite_dialect(batch.query), params={"rows": batch.rows}, timeout_ms=0)
        except (kglite.KgError, ValueError, TypeError) as exc:
            raise QueryError(f"kglite could not load the {batch.stage.name}: {exc}") from exc
    nodes = sum(len(b.rows) for b in plan if b.stage is ENTITIES)
    relationships = len({row["id"] for b in plan if b.stage is RELATIONS for row in b.rows})
    return engine, nodes, relationships


def load_embedded(graph: KnowledgeGraph) -> EmbeddedGraph:
    """Build the Neo4j property graph of ``graph`` in an in-memory kglite engine."""
    engine, nodes, relationships = _build_engine(graph)
    return EmbeddedGraph(engine=engine.freeze(), nodes=nodes, relationships=relationships)


def kglite_bytes(graph: KnowledgeGraph) -> bytes:
    """The embedded graph of ``graph`` in kglite's file format (``kg build`` writes it as
    store/graph.kgl; the same bytes for the same graph)."""
    return bytes(_build_engine(graph)[0].to_bytes())


_COUNT_ENTITIES = "MATCH (n:__Entity__) RETURN count(n) AS n"
_COUNT_RELATIONS = "MATCH (:__Entity__)-[r]->(:__Entity__) RETURN count(DISTINCT r.id) AS n"


def open_saved(path: Path) -> EmbeddedGraph:
    """The embedded graph saved by ``kg build`` (store/graph.kgl), read in well under a second."""
    try:
        # The graph is only read (frozen): its declared indexes are not rebuilt at load, which
        # halves the load at 100x the seeds and leaves every competency question as fast.
        engine = kglite.load(str(path), defer_index_rebuild=True).freeze()
    except (kglite.KgError, OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable kglite graph ({exc}); rebuild with `kg build`") from exc
    counts = [engine.cypher(q).to_list()[0]["n"] for q in (_COUNT_ENTITIES, _COUNT_RELATIONS)]
    return EmbeddedGraph(engine=engine, nodes=counts[0], relationships=counts[1])


# ---------------------------------------------------------------- querying


def query_embedded(
    embedded: EmbeddedGraph, query: str, params: dict[str, Any] | None = None, timeout_ms: int = DEFAULT_TIMEOUT_MS
) -> list[dict[str, Any]]:
    """Run one Cypher statement; rows as dicts keyed by the RETURN columns."""
    return query_embedded_table(embedded, query, params, timeout_ms)[1]


def query_embedded_table(
    embedded: EmbeddedGraph, query: str, params: dict[str, Any] | None = None, timeout_ms: int = DEFAULT_TIMEOUT_MS
) -> tuple[list[str], list[dict[str, Any]]]:
    """The RETURN columns (known even when no row comes back) and the rows as dicts."""
    try:
        view = embedded.engine.cypher(query, params=params or {}, timeout_ms=timeout_ms)
    except kglite.CypherSyntaxError as exc:
        raise QueryError(f"Cypher syntax error: {exc}") from exc
    except kglite.ReadOnlyError as exc:
        raise QueryError(
            "the embedded graph is read-only (it mirrors graph.json); writes need a Neo4j server (NEO4J_URI)"
        ) from exc
    except (kglite.KgError, ValueError, TypeError, OverflowError) as exc:
        raise QueryError(f"Cypher query failed: {exc}") from exc
    if not isinstance(view, kglite.ResultView):  # FORMAT CSV gives a string
        raise QueryError("FORMAT CSV is a kglite extension; use `kg cypher --format csv` instead")
    return [str(c) for c in view.columns], view.to_list()


_CACHE: dict[tuple[str, int, int], EmbeddedGraph] = {}
_CACHE_LOCK = threading.Lock()


def _graph_file(graph_dir: Path) -> Path:
    return graph_dir / "graph.json" if graph_dir.is_dir() else graph_dir


def _cache_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def embedded_for(graph_dir: Path) -> EmbeddedGraph:
    """The embedded graph of ``graph_dir``, once per process per version of its graph.json.

    Read from the store ``kg build`` saved beside it (store/graph.kgl) when that mirrors
    this graph.json; else built from graph.json, with a warning that says why (slower).
    """
    path = _graph_file(graph_dir)
    if not path.exists():
        load_graph(path)  # raises InputError naming the missing file
    key = _cache_key(path)
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
    saved = fresh_store(graph_dir, KGLITE)
    embedded = open_saved(saved) if saved is not None else load_embedded(load_graph(path))
    with _CACHE_LOCK:
        _CACHE.clear()  # one graph per process is the common case; never keep stale versions
        _CACHE[key] = embedded
    return embedded


def plan_of(embedded: EmbeddedGraph, query: str, params: dict[str, Any] | None) -> list[str]:
    """kglite's operator names for the query (empty when it cannot plan it: the run reports why)."""
    explain = explain_text(query)
    if explain is None:
        return []
    try:
        steps = query_embedded(embedded, explain, params)
    except QueryError:
        return []
    return [str(step.get("operation", "")) for step in steps]


def run_embedded(
    query: str, params: dict[str, Any] | None, graph_dir: Path = DEFAULT_GRAPH_DIR, allow_load_csv: bool = False
) -> list[dict[str, Any]]:
    """The rows of ``run_embedded_table``."""
    return run_embedded_table(query, params, graph_dir, allow_load_csv)[1]


def run_embedded_table(
    query: str, params: dict[str, Any] | None, graph_dir: Path = DEFAULT_GRAPH_DIR, allow_load_csv: bool = False
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run Cypher on the graph built into ``graph_dir`` (``kg build --out``, default ``out``), without a server.

    The embedded graph is read-only, and LOAD CSV (which would read any local file) is
    refused unless ``allow_load_csv``.
    """
    embedded = embedded_for(Path(graph_dir))
    if not allow_load_csv:
        refuse_load_csv(query, plan_of(embedded, query, params))
    return query_embedded_table(embedded, query, params)
