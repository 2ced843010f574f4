"""What a reload leaves behind: nodes and relationships in Neo4j that the new build no longer has.

``kg load neo4j`` upserts by id, so a smaller build (a document removed, an entity merged
away) would leave the old facts in place, unseen. After each load these are counted and
reported; ``--prune`` deletes them, in bounded transactions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.neo4j.load import CHUNKS, DOCUMENTS, ENTITIES, RELATIONS, WriteBatch

if TYPE_CHECKING:
    from neo4j import Driver

PRUNE_BATCH = 1000
# kind -> (MATCH pattern binding x, the plan stage whose row ids are current)
_KINDS: dict[str, tuple[str, str]] = {
    "documents": ("MATCH (x:Document)", DOCUMENTS.name),
    "chunks": ("MATCH (x:Chunk)", CHUNKS.name),
    "entities": ("MATCH (x:__Entity__)", ENTITIES.name),
    "relations": ("MATCH (:__Entity__)-[x]->(:__Entity__)", RELATIONS.name),
}


@dataclass(frozen=True, slots=True)
class Stale:
    counts: dict[str, int]
    pruned: bool = False

    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        listed = ", ".join(f"{n} {kind}" for kind, n in self.counts.items() if n)
        if not listed:
            return "nothing left over from earlier loads"
        if self.pruned:
            return f"pruned what earlier loads left and this build no longer has: {listed}"
        return f"left over from earlier loads, not in this build: {listed} (kg load neo4j --prune deletes them)"


def current_ids(plan: list[WriteBatch]) -> dict[str, list[str]]:
    ids: dict[str, set[str]] = {stage: set() for _, stage in _KINDS.values()}
    for batch in plan:
        if batch.stage.name in ids:
            ids[batch.stage.name].update(str(row["id"]) for row in batch.rows)
    return {kind: sorted(ids[stage]) for kind, (_, stage) in _KINDS.items()}


def _count_query(match: str) -> str:
    return f"{match} WHERE x.id IS NOT NULL AND NOT x.id IN $ids RETURN count(x) AS n"


def _prune_query(match: str, kind: str) -> str:
    delete = "DELETE x" if kind == "relations" else "DETACH DELETE x"
    return f"{match} WHERE x.id IS NOT NULL AND NOT x.id IN $ids WITH x LIMIT $limit {delete} RETURN count(*) AS n"


def _run(driver: Driver, database: str, query: str, params: dict[str, Any]) -> int:
    records, _, _ = driver.execute_query(query, params, database_=database)
    return int(records[0]["n"])


def find_stale(driver: Driver, database: str, plan: list[WriteBatch]) -> Stale:
    ids = current_ids(plan)
    return Stale(
        {kind: _run(driver, database, _count_query(match), {"ids": ids[kind]}) for kind, (match, _) in _KINDS.items()}
    )


def prune_stale(driver: Driver, database: str, plan: list[WriteBatch]) -> Stale:
    """Delete, relationships first, in transactions of PRUNE_BATCH; each round deletes or stops."""
    ids = current_ids(plan)
    deleted: dict[str, int] = {}
    for kind in ("relations", "chunks", "entities", "documents"):
        match, _ = _KINDS[kind]
        deleted[kind] = 0
        while True:
            n = _run(driver, database, _prune_query(match, kind), {"ids": ids[kind], "limit": PRUNE_BATCH})
            deleted[kind] += n
            if n == 0:
                break
    return Stale({kind: deleted[kind] for kind in _KINDS}, pruned=True)
