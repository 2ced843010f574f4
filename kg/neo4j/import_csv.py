"""The node and relationship CSV files of ``neo4j-admin database import full``.

The rows are the batched loader's own (kg.neo4j.load.plan_writes): the same properties,
the same de-duplication of relations, the same mention links; only the way in differs. So a
bulk import and a batched load of one build give the same graph (tests/test_neo4j_bulk.py).

Header format (Neo4j's import tool): ``id:ID(Space)`` names a node and keeps ``id`` as a
property; ``:LABEL`` and ``:TYPE`` carry labels and relationship types; ``name:long``,
``name:double``, ``name:string[]`` type a column. Strings are always quoted (``""`` doubled
inside), so an empty string stays an empty string, while an absent value is an empty,
unquoted field, which the tool reads as "no property", as the loader leaves nulls out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import schema
from kg.errors import InputError, OutputError
from kg.model import Entity, KnowledgeGraph
from kg.neo4j import statements as q
from kg.neo4j.load import (
    CHUNKS,
    DOCUMENTS,
    ENTITIES,
    MENTION_LINKS,
    NEXT_CHUNK_LINKS,
    RELATIONS,
    Row,
    WriteBatch,
    entity_labels,
    plan_writes,
)

# Lists (aliases, labels) are one field whose items this character separates: the unit
# separator, which no text of ours contains (checked for every value written).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
# Larger batches only mean fewer list slices: the CSV writer never sees batches.
_ONE_BATCH = 10**9


@dataclass(frozen=True, slots=True)
class Table:
    """One CSV file: ``kind`` is "nodes" or "relationships", ``group`` the label or type
    given on the command line (empty when the file has a :LABEL or :TYPE column)."""

    kind: str
    file: str
    group: str
    header: list[str]
    rows: list[list[Any]]


# ------------------------------------------------------------------ typed columns


def column_type(values: Iterable[Any]) -> str:
    """The import tool's type suffix for a column ("" for strings)."""
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {str}:
        return ""
    for python_type, name in ((bool, ":boolean"), (int, ":long"), (float, ":double"), (list, ":string[]")):
        if kinds == {python_type}:
            return name
    raise InputError(f"a property holds values of mixed types {sorted(k.__name__ for k in kinds)}")


def property_columns(props: list[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    """(name, typed header) of every property some row has, in first-seen order."""
    names: dict[str, None] = {}
    for p in props:
        names.update(dict.fromkeys(k for k in p if k not in skip))
    return [(n, n + column_type(p.get(n) for p in props)) for n in names]


def props_table(
    kind: str, file: str, group: str, keys: list[str], rows: list[Row], props: list[dict[str, Any]], skip: set[str]
) -> Table:
    """``keys`` are the leading header cells, taken from each row's ``ids`` list; the
    remaining columns are the properties."""
    columns = property_columns(props, skip)
    body = [[*row["ids"], *(p.get(name) for name, _ in columns)] for row, p in zip(rows, props, strict=True)]
    return Table(kind, file, group, [*keys, *(typed for _, typed in columns)], body)


# ------------------------------------------------------------------ the plan, as tables


def rows_of(plan: list[WriteBatch], stage_name: str) -> list[tuple[WriteBatch, Row]]:
    return [(batch, row) for batch in plan if batch.stage.name == stage_name for row in batch.rows]


def last_by_key(rows: list[Row], key: str) -> list[Row]:
    """One row per ``key``, the last one: what successive MERGE ... SET leave behind."""
    return list({row[key]: row for row in rows}.values())


def document_table(plan: list[WriteBatch]) -> Table:
    rows = last_by_key([r for _, r in rows_of(plan, DOCUMENTS.name)], "id")
    tagged = [{"ids": [r["id"]]} for r in rows]
    return props_table(
        "nodes", "documents.csv", q.DOCUMENT_LABEL, ["id:ID(Document)"], tagged, [r["props"] for r in rows], {"id"}
    )


def chunk_tables(plan: list[WriteBatch]) -> list[Table]:
    rows = last_by_key([r for _, r in rows_of(plan, CHUNKS.name)], "id")
    tagged = [{"ids": [r["id"]]} for r in rows]
    nodes = props_table(
        "nodes", "chunks.csv", q.CHUNK_LABEL, ["id:ID(Chunk)"], tagged, [r["props"] for r in rows], {"id"}
    )
    links = Table(
        "relationships",
        "from_document.csv",
        "FROM_DOCUMENT",
        [":START_ID(Chunk)", ":END_ID(Document)"],
        [[r["id"], r["doc"]] for r in rows],
    )
    return [nodes, links]


def entity_table(plan: list[WriteBatch], graph: KnowledgeGraph) -> Table:
    rows = last_by_key([r for _, r in rows_of(plan, ENTITIES.name)], "id")
    labels: dict[tuple[str, str | None], list[str]] = {}  # the ontology lookup is slow; few pairs

    def labels_of(entity: Entity) -> list[str]:
        key = (entity.type, entity.subtype)
        if key not in labels:
            labels[key] = [q.ENTITY_LABEL, *entity_labels(entity)]
        return labels[key]

    tagged = [{"ids": [r["id"], labels_of(graph.entities[r["id"]])]} for r in rows]
    return props_table(
        "nodes", "entities.csv", "", ["id:ID(Entity)", ":LABEL"], tagged, [r["props"] for r in rows], {"id"}
    )


def relation_table(plan: list[WriteBatch]) -> Table:
    """Relations of every type in one file; the type of a batch is read back from its
    statement by exact comparison with the statement of each ontology type."""
    type_of = {q.upsert_relations(t): t for t in schema.relation_types()}
    pairs = rows_of(plan, RELATIONS.name)
    tagged = [{"ids": [r["head"], r["tail"], type_of[b.query]]} for b, r in pairs]
    return props_table(
        "relationships",
        "relations.csv",
        "",
        [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"],
        tagged,
        [r["props"] for _, r in pairs],
        {"head", "tail"},
    )


def link_tables(plan: list[WriteBatch]) -> list[Table]:
    # MERGE makes one NEXT_CHUNK per pair and one FROM_CHUNK per (entity, chunk, start, end).
    pairs = dict.fromkeys((r["previous"], r["next"]) for _, r in rows_of(plan, NEXT_CHUNK_LINKS.name))
    mentions = {(r["entity"], r["chunk"], r["start"], r["end"]): r for _, r in rows_of(plan, MENTION_LINKS.name)}
    return [
        Table(
            "relationships",
            "next_chunk.csv",
            "NEXT_CHUNK",
            [":START_ID(Chunk)", ":END_ID(Chunk)"],
            [list(p) for p in pairs],
        ),
        Table(
            "relationships",
            "from_chunk.csv",
            "FROM_CHUNK",
            [":START_ID(Entity)", ":END_ID(Chunk)", "start:long", "end:long", "text"],
            [[*key, r["text"]] for key, r in mentions.items()],
        ),
    ]


def import_tables(graph: KnowledgeGraph) -> list[Table]:
    """Every file of the import, nodes first (validates labels and types like a load)."""
    plan = plan_writes(graph, _ONE_BATCH)
    return [
        document_table(plan),
        *chunk_tables(plan),
        entity_table(plan, graph),
        relation_table(plan),
        *link_tables(plan),
    ]


def empty_list_rows(graph: KnowledgeGraph) -> dict[str, list[Row]]:
    """``{label: [{id, props}]}``: node properties that are empty lists, under the label
    their ``id`` is unique for. The import tool stores no property for an empty array field,
    while the loader stores ``[]`` (an entity without aliases), so they are set afterwards."""
    plan = plan_writes(graph, _ONE_BATCH)
    found: dict[str, list[Row]] = {}
    for stage, label in ((DOCUMENTS, q.DOCUMENT_LABEL), (CHUNKS, q.CHUNK_LABEL), (ENTITIES, q.ENTITY_LABEL)):
        rows = last_by_key([r for _, r in rows_of(plan, stage.name)], "id")
        fixes = [{"id": r["id"], "props": {k: [] for k, v in r["props"].items() if v == []}} for r in rows]
        found[label] = [f for f in fixes if f["props"]]
    return found


# ------------------------------------------------------------------ writing


def cell(value: Any) -> str:
    if type(value) is str:  # most cells: first, and without the checks below
        return '"' + value.replace('"', '""') + '"'
    if value is None:
        return ""  # unquoted and empty: no property
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # repr of a float reads back as the same double
    if isinstance(value, list):
        if any(ARRAY_DELIMITER in str(v) for v in value):
            raise InputError(f"a list value {value!r} contains the array delimiter U+001F")
        value = ARRAY_DELIMITER.join(map(str, value))
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


def csv_lines(table: Table) -> Iterator[str]:
    yield ",".join(table.header) + "\n"  # plain names: nothing in them needs quoting
    for row in table.rows:
        yield ",".join(cell(v) for v in row) + "\n"


def write_table(table: Table, path: Path) -> bool:
    """Write one table; True when a value spans lines (an alias or a mention's text can
    cross a line break of its document), which the import tool must be told about."""
    spans_lines = False
    with path.open("w", encoding="utf-8", newline="") as out:
        for line in csv_lines(table):
            spans_lines = spans_lines or line.count("\n") > 1 or "\r" in line
            out.write(line)
    return spans_lines


def write_tables(tables: list[Table], folder: Path) -> set[str]:
    """Each table as UTF-8 CSV in ``folder`` (created); returns the names of the files with
    values across lines. Raises OutputError when a file cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return {t.file for t in tables if write_table(t, folder / t.file)}
    except OSError as exc:
        raise OutputError(f"{folder}: cannot be written ({exc.strerror})") from exc
