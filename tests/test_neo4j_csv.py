"""The CSV files of `kg load neo4j-import`, read back without Neo4j: header format, quoting,
types, and the rows the batched loader would write (tests/test_neo4j_bulk.py imports them)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kg.cli.main import main
from kg.errors import InputError
from kg.model import KnowledgeGraph
from kg.neo4j.bulk import import_arguments
from kg.neo4j.import_csv import ARRAY_DELIMITER, cell, import_tables, write_tables
from kg.neo4j.load import plan_writes, planned_rows
from kg.store import graph_to_json


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_cells_keep_empty_strings_apart_from_absent_values() -> None:
    assert cell(None) == ""  # no property
    assert cell("") == '""'  # an empty string
    assert cell('他说"好",然后\n走了') == '"他说""好"",然后\n走了"'
    assert cell(3) == "3" and cell(0.1) == "0.1" and cell(True) == "true"
    assert cell(["合肥", "合肥市"]) == f'"合肥{ARRAY_DELIMITER}合肥市"'
    with pytest.raises(InputError):
        cell([f"a{ARRAY_DELIMITER}b"])


def test_tables_hold_every_planned_row(small_graph: KnowledgeGraph) -> None:
    tables = {t.file: t for t in import_tables(small_graph)}
    rows = sum(len(t.rows) for t in tables.values() if t.file != "from_document.csv")
    # Every batch row is a node or a relationship; FROM_DOCUMENT comes with each chunk row.
    assert rows == planned_rows(plan_writes(small_graph))
    assert len(tables["from_document.csv"].rows) == len(tables["chunks.csv"].rows)
    assert tables["entities.csv"].header[:2] == ["id:ID(Entity)", ":LABEL"]
    assert "aliases:string[]" in tables["entities.csv"].header
    assert {"start:long", "confidence:double"} <= set(tables["relations.csv"].header)


def test_line_breaks_inside_lists_are_found(small_graph: KnowledgeGraph, tmp_path: Path) -> None:
    entity = next(iter(small_graph.entities.values()))
    entity.aliases = ["合肥\n高新区"]  # a name across a line break of its document
    tables = import_tables(small_graph)
    multiline = write_tables(tables, tmp_path)
    assert multiline == {"entities.csv"}
    arguments = import_arguments(tables, tmp_path, "neo4j", overwrite=False, multiline=multiline)
    assert f"--multiline-fields={tmp_path}/entities.csv" in arguments
    header, *rows = read_csv(tmp_path / "entities.csv")
    aliases = {row[0]: row[header.index("aliases:string[]")] for row in rows}
    assert aliases[entity.id] == "合肥\n高新区"  # quoted, so the break stays inside the field


def test_names_that_would_change_the_command_are_refused(small_graph: KnowledgeGraph) -> None:
    tables = import_tables(small_graph)
    with pytest.raises(InputError, match="database name"):
        import_arguments(tables, Path("/tmp/csv"), "--overwrite-destination", overwrite=False)
    with pytest.raises(InputError, match="regular expressions"):
        import_arguments(tables, Path("/tmp/a+b,c"), "neo4j", overwrite=False)


def test_csv_only_writes_files_and_prints_the_arguments(
    small_graph: KnowledgeGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph_dir = tmp_path / "out"
    graph_dir.mkdir()
    (graph_dir / "graph.json").write_text(json.dumps(graph_to_json(small_graph), ensure_ascii=False), encoding="utf-8")
    csv_dir = tmp_path / "csv"
    assert main(["load", "neo4j-import", "--graph", str(graph_dir), "--csv-dir", str(csv_dir), "--csv-only"]) == 0
    out = capsys.readouterr().out
    assert f"--nodes=Document={csv_dir}/documents.csv" in out and "database import full neo4j" in out
    entities = read_csv(csv_dir / "entities.csv")
    assert len(entities) - 1 == len(small_graph.entities)
    labels = {row[1] for row in entities[1:]}
    assert all(label.startswith(f"__Entity__{ARRAY_DELIMITER}") for label in labels)


def test_csv_only_needs_a_folder_and_a_missing_graph_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", "neo4j-import", "--graph", str(tmp_path), "--csv-only"]) == 2
    assert "--csv-dir" in capsys.readouterr().err
    code = main(["load", "neo4j-import", "--graph", str(tmp_path / "nowhere"), "--neo4j-admin", "/bin/false"])
    assert code == 2 and "nowhere" in capsys.readouterr().err
