"""Every Cypher statement the project sends to Neo4j, as named constants.

Values always travel as ``$parameters``. Labels and relationship types cannot be
parameters in Cypher, so the few templates below take them through ``cypher_name``,
which accepts only names the ontology declares (checked by the caller) spelled as plain
identifiers; nothing else is ever pasted into a query.

The write statements are idempotent upserts keyed by ``id``: they change a node or a
relationship only when its properties differ from the row, so a reload of an unchanged
graph writes nothing and the result's ``written`` column counts real updates.
"""

from __future__ import annotations

import re

from kg.errors import InputError

ENTITY_LABEL = "__Entity__"  # neo4j-graphrag's label for every entity node
DOCUMENT_LABEL = "Document"
CHUNK_LABEL = "Chunk"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_name(name: str) -> str:
    """A label or relationship type, checked to be a plain identifier before it enters text."""
    if not _IDENTIFIER.fullmatch(name):
        raise InputError(f"{name!r} cannot be used as a Neo4j label or relationship type")
    return name


def _set_when_changed(variable: str) -> str:
    """The tail of every upsert of a whole property map: ``variable`` is written only when its
    properties differ from the row's, so ``written`` counts real updates."""
    return (
        f"WITH {variable}, row\n"
        f"WHERE properties({variable}) <> row.props\n"
        f"SET {variable} = row.props\n"
        f"RETURN count({variable}) AS written"
    )


# ------------------------------------------------------------------ schema (run first)

SCHEMA_STATEMENTS: tuple[str, ...] = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:__Entity__) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT chunk_id IF NOT EXISTS FOR (c:Chunk) REQUIRE c.id IS UNIQUE",
    "CREATE INDEX entity_uri IF NOT EXISTS FOR (n:__Entity__) ON (n.uri)",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:__Entity__) ON (n.name)",
    "CREATE INDEX entity_type IF NOT EXISTS FOR (n:__Entity__) ON (n.type)",
)


def relation_id_constraint(rel_type: str) -> str:
    """Uniqueness of ``id`` per relationship type (Community 5.7+ supports it); also an index."""
    name = cypher_name(rel_type)
    return f"CREATE CONSTRAINT rel_{name.lower()}_id IF NOT EXISTS FOR ()-[r:{name}]-() REQUIRE r.id IS UNIQUE"


# ------------------------------------------------------------------ entity nodes


def upsert_entities(labels: list[str], stale_labels: list[str]) -> str:
    """Upsert entity nodes that share one label set; drop labels of a former class.

    ``$rows``: ``[{id, props}]`` where props holds every property (no nulls).
    """
    wanted = ":".join(cypher_name(label) for label in [ENTITY_LABEL, *labels])
    has_all = " AND ".join(f"n:{cypher_name(label)}" for label in labels) or "true"
    has_stale = " OR ".join(f"n:{cypher_name(label)}" for label in stale_labels) or "false"
    remove = f"\nREMOVE n:{':'.join(cypher_name(s) for s in stale_labels)}" if stale_labels else ""
    return (
        "UNWIND $rows AS row\n"
        "MERGE (n:__Entity__ {id: row.id})\n"
        "WITH n, row\n"
        f"WHERE properties(n) <> row.props OR NOT ({has_all}) OR ({has_stale})\n"
        f"SET n = row.props, n:{wanted}"
        f"{remove}\n"
        "RETURN count(n) AS written"
    )


# ------------------------------------------------------------------ relations between entities


def upsert_relations(rel_type: str) -> str:
    """Upsert relationships of one type keyed by the relation id from kg.ids.relation_id.

    ``$rows``: ``[{id, head, tail, props}]``.
    """
    name = cypher_name(rel_type)
    return (
        "UNWIND $rows AS row\n"
        "MATCH (h:__Entity__ {id: row.head})\n"
        "MATCH (t:__Entity__ {id: row.tail})\n"
        f"MERGE (h)-[r:{name} {{id: row.id}}]->(t)\n" + _set_when_changed("r")
    )


# ------------------------------------------------------------------ lexical graph

UPSERT_DOCUMENTS = f"""
UNWIND $rows AS row
MERGE (d:Document {{id: row.id}})
{_set_when_changed("d")}
"""

# ``$rows``: ``[{id, doc, props}]``; every chunk hangs from its document.
UPSERT_CHUNKS = f"""
UNWIND $rows AS row
MATCH (d:Document {{id: row.doc}})
MERGE (c:Chunk {{id: row.id}})
MERGE (c)-[:FROM_DOCUMENT]->(d)
{_set_when_changed("c")}
"""

# ``$rows``: ``[{previous, next}]`` chunk ids of consecutive sentences of one document.
LINK_NEXT_CHUNKS = """
UNWIND $rows AS row
MATCH (a:Chunk {id: row.previous})
MATCH (b:Chunk {id: row.next})
MERGE (a)-[:NEXT_CHUNK]->(b)
RETURN count(*) AS written
"""

# ``$rows``: ``[{entity, chunk, start, end, text}]``, one per mention (keyed by its offsets).
LINK_MENTIONS = """
UNWIND $rows AS row
MATCH (e:__Entity__ {id: row.entity})
MATCH (c:Chunk {id: row.chunk})
MERGE (e)-[m:FROM_CHUNK {start: row.start, end: row.end}]->(c)
ON CREATE SET m.text = row.text
RETURN count(*) AS written
"""

# ------------------------------------------------------------------ a patched build (kg.graph.patch)

# What a touched document held, deleted before its units are written again: its relations
# (``$rows``: ``[{head, id}]``, found from their head), its chunks with their links, the
# document itself (``[{id}]``), and entities no document names any more (``[{id}]``).
DELETE_RELATIONS = """
UNWIND $rows AS row
MATCH (h:__Entity__ {id: row.head})-[r]->()
WHERE r.id = row.id
DELETE r
"""
DELETE_CHUNKS = """
UNWIND $rows AS row
MATCH (c:Chunk)-[:FROM_DOCUMENT]->(d:Document {id: row.id})
DETACH DELETE c
"""
DELETE_DOCUMENTS = """
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
DETACH DELETE d
"""
DELETE_ENTITIES = """
UNWIND $rows AS row
MATCH (n:__Entity__ {id: row.id})
DETACH DELETE n
"""

# ------------------------------------------------------------------ inspection and upkeep

PING = "RETURN 1 AS ok"
COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"

# Deletes at most $limit nodes (with their relationships) per call; callers loop until it
# returns 0, each call its own transaction, so no transaction outgrows the memory pool.
WIPE_SOME_NODES = """
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""

# Kept for colleagues' code (tests/test_queries_agree.py, benchmarks/queries.py); auto-commit
# only. For big graphs prefer kg.neo4j.load.wipe_database, which loops over WIPE_SOME_NODES.
WIPE_DATABASE = """
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
"""
