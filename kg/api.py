"""A small Python API over one build: SPARQL, Cypher, networkx and pandas from the same folder.

    >>> from kg.api import open_build
    >>> kg = open_build("out")                      # the folder `kg build --out` wrote
    >>> kg.sparql("SELECT ?name WHERE { ?e ikg:name ?name }", name="合肥市")
    [{'name': '合肥市'}]
    >>> kg.cypher("MATCH (e:__Entity__ {name: $name}) RETURN e.type AS type", name="合肥市")
    [{'type': 'Place'}]
    >>> g = kg.networkx()                           # kg.graph.analytics's MultiDiGraph
    >>> g.number_of_nodes() == kg.sparql("SELECT (COUNT(?e) AS ?n) WHERE { ?e ikg:entityId ?id }")[0]["n"]
    True
    >>> df = kg.frame("SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e ikg:entityId ?id ; a ?type } GROUP BY ?type")
    >>> list(df.columns)
    ['type', 'n']

Parameters are bound, never pasted into the query text: in SPARQL with pyoxigraph's
substitutions (a ``str`` becomes a string literal, ``int``/``float``/``bool`` typed
literals, ``pyoxigraph.NamedNode(iri)`` an IRI; the variable must be in the projection),
in Cypher as ``$name`` parameters of the embedded engine (kglite). SPARQL queries pass the
same guard as ``kg sparql`` (kg.query.sparql_guard) and may use the prefixes of ``kg.query.sparql.PREFIXES``
(``ikg:``, ``rdf:``, …) without declaring them. IRIs come back as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.query.result import QueryResult
from kg.query.sparql import NQUADS_NAME, open_store, run_query

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import pyoxigraph as ox

GRAPH_JSON = "graph.json"
__all__ = ["Build", "open_build"]


@dataclass
class Build:
    """One folder written by ``kg build``; the store and the embedded graph load on first use."""

    path: Path
    _store: ox.Store | None = field(default=None, repr=False)

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store of ``kg.nq`` (every document's named graph; queries see their union)."""
        if self._store is None:
            self._store = open_store(self.path)
        return self._store

    def _sparql(self, query: str, params: dict[str, Any]) -> QueryResult:
        return run_query(self.store, query, params)

    def sparql(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts (column -> plain value; unbound -> None); ASK gives ``[{'ask': bool}]``."""
        result = self._sparql(query, params)
        return [{c: _plain(v) for c, v in record.items()} for record in result.records()]

    def frame(self, query: str, **params: Any) -> pd.DataFrame:
        """The SPARQL answer as a pandas DataFrame, columns in the query's order (even with no row)."""
        import pandas as pd  # only when asked for: pandas is not a dependency of the toolkit

        result = self._sparql(query, params)
        return pd.DataFrame([[_plain(v) for v in row] for row in result.rows], columns=result.columns)

    def _cypher(self, query: str, params: dict[str, Any]) -> QueryResult:
        from kg.query.cypher import run_embedded_engine  # kglite loads only when it is used

        return run_embedded_engine(query, params, self.path)

    def cypher(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a read-only Cypher query on the embedded engine (kglite over ``graph.json``)."""
        result = self._cypher(query, params)
        return result.records()

    def cypher_frame(self, query: str, **params: Any) -> pd.DataFrame:
        """The Cypher answer as a pandas DataFrame."""
        import pandas as pd

        result = self._cypher(query, params)
        return pd.DataFrame(result.rows, columns=result.columns)

    def networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, one edge per relation with its evidence (kg.graph.analytics.to_networkx)."""
        from kg.graph.analytics import load_networkx

        return load_networkx(self.path)


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, str) else value  # IRI cells as plain str in a frame


def open_build(path: str | Path = "out") -> Build:
    """The build in ``path`` (a folder holding ``kg.nq`` and ``graph.json``)."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; give the folder `kg build --out` wrote")
    missing = [name for name in (NQUADS_NAME, GRAPH_JSON) if not (folder / name).is_file()]
    if missing:
        raise InputError(f"{folder}: no {' or '.join(missing)} here; run `kg build --out {folder}` first")
    return Build(folder)
