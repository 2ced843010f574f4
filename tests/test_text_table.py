"""``kg sparql --format table`` and ``kg cypher --format table``: one formatter, columns aligned
by display width (wide characters count two), IRIs as prefixed names, empty answers with
their header."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from kg.query.result import IRI, QueryResult, format_result, prefixed
from kg.query.text_table import display_width, text_table

Run = Callable[..., subprocess.CompletedProcess[str]]


def bar_columns(line: str) -> list[int]:
    """Display columns at which each '|' of a table line stands."""
    columns, width = [], 0
    for ch in line:
        if ch == "|":
            columns.append(width)
        width += display_width(ch)
    return columns


def assert_aligned(table: str) -> None:
    lines = table.rstrip("\n").split("\n")
    header, rule, rows = lines[0], lines[1], lines[2:-1]
    plus = [display_width(rule[:i]) for i, ch in enumerate(rule) if ch == "+"]
    assert plus and bar_columns(header) == plus
    for row in rows:
        assert bar_columns(row) == plus, row


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("合肥市") == 6
    assert display_width("ＡＢ") == 4  # full-width forms
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert display_width("·") == 1  # ambiguous width: one, as terminals outside East Asia show it


def test_text_table_aligns_chinese_and_latin_columns() -> None:
    table = text_table(
        ["名称", "type", "n"],
        [["合肥市", "Place", "12"], ["中国科学技术大学", "University", "3"], ["G60科创走廊", "Region", "1"]],
    )
    assert_aligned(table)
    assert table.splitlines()[-1] == "(3 rows)"
    # the old formatter padded by characters: 合肥市 got 5 spaces and its '|' drifted right
    assert table.splitlines()[2].startswith("合肥市" + " " * 10 + " | Place")


def test_text_table_keeps_the_header_of_an_empty_answer() -> None:
    assert text_table(["名称", "type"], []) == "名称 | type\n-----+-----\n(0 rows)\n"
    assert text_table(["n"], [["1"]]).endswith("(1 row)\n")


def test_one_result_type_prints_the_same_table_whichever_engine_answered() -> None:
    columns, rows = ["名称", "n"], [["合肥市", 1], ["中国科学技术大学", None]]
    tables = {format_result(QueryResult(columns, rows, engine), "table") for engine in ("pyoxigraph", "neo4j")}
    assert len(tables) == 1
    assert_aligned(tables.pop())
    # records as the Cypher drivers give them make the same rows
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    assert QueryResult.from_records(columns, records, "embedded").rows == rows


def test_csv_and_json_keep_full_iris_and_plain_values() -> None:
    result = QueryResult(
        ["c", "n", "ok", "l"], [[IRI("https://w3id.org/innokg/ontology#Place"), 2, True, [1, "甲"]]], "x"
    )
    assert format_result(result, "csv").splitlines()[1] == 'https://w3id.org/innokg/ontology#Place,2,true,"[1, ""甲""]"'
    assert '"c": "https://w3id.org/innokg/ontology#Place"' in format_result(result, "json")
    assert format_result(result, "table").splitlines()[2].startswith("ikg:Place")


def test_prefixed_names() -> None:
    assert prefixed("https://w3id.org/innokg/ontology#Enterprise") == "ikg:Enterprise"
    assert prefixed("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == "rdf:type"
    assert prefixed("https://w3id.org/innokg/id/e-0123456789abcdef") == "ikgr:e-0123456789abcdef"
    assert prefixed("http://example.org/x") == "http://example.org/x"
    not_local = "https://w3id.org/innokg/ontology#a/b"  # '/' cannot be in a prefixed name
    assert prefixed(not_local) == not_local
    # only IRI cells are shortened: a literal that looks like one stays as it is
    result = QueryResult(
        ["c", "s"], [[IRI("https://w3id.org/innokg/ontology#Place"), "https://w3id.org/innokg/ontology#Place"]], "x"
    )
    assert format_result(result, "table").splitlines()[2] == "ikg:Place | https://w3id.org/innokg/ontology#Place"


def test_kg_sparql_table_prints_prefixed_names_aligned(run_kg: Run, seeds_build: Path) -> None:
    query = (
        "SELECT ?type ?name WHERE { ?e ikg:name ?name ; a ?type . "
        "VALUES ?name { '合肥市' '中国科学技术大学' '庐江县' } } ORDER BY ?name"
    )
    done = run_kg("sparql", query, "--graph", str(seeds_build), "--format", "table")
    assert done.returncode == 0, done.stderr
    assert_aligned(done.stdout)
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["type", "|", "name"]
    assert all(line.startswith("ikg:") for line in lines[2:-1]) and "https://" not in done.stdout
    assert len(lines) - 3 >= 3 and lines[-1] == f"({len(lines) - 3} rows)"
    # csv and json keep the full IRIs
    done = run_kg("sparql", query, "--graph", str(seeds_build), "--format", "csv")
    assert "https://w3id.org/innokg/ontology#" in done.stdout and "ikg:" not in done.stdout


def test_kg_cypher_embedded_empty_answer_keeps_its_header(run_kg: Run, seeds_build: Path) -> None:
    query = "MATCH (e:__Entity__ {name: $n}) RETURN e.name AS `名称`, e.type AS type"
    no_such_name = ("cypher", query, "--param", "n=没有这个名字", "--graph", str(seeds_build))
    done = run_kg(*no_such_name, "--format", "table")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "名称 | type\n-----+-----\n(0 rows)\n"
    done = run_kg(*no_such_name, "--format", "csv")
    assert done.stdout == "名称,type\n"
    done = run_kg(
        "cypher",
        "MATCH (e:__Entity__) WHERE e.name IN ['合肥市', '庐江县'] "
        "RETURN e.name AS `名称`, e.type AS type ORDER BY `名称`",
        "--graph",
        str(seeds_build),
    )
    assert_aligned(done.stdout)
    assert done.stdout.splitlines()[-1] == "(2 rows)"


def test_kg_sparql_and_kg_cypher_print_the_same_table_for_the_same_rows(run_kg: Run, seeds_build: Path) -> None:
    sparql = run_kg(
        "sparql",
        "SELECT ?name ?n WHERE { ?e ikg:name ?name . VALUES ?name { '合肥市' '庐江县' '中国科学技术大学' } "
        "BIND(STRLEN(?name) AS ?n) } ORDER BY ?name",
        "--graph",
        str(seeds_build),
        "--format",
        "table",
    )
    cypher = run_kg(
        "cypher",
        "MATCH (e:__Entity__) WHERE e.name IN ['合肥市', '庐江县', '中国科学技术大学'] "
        "RETURN e.name AS name, size(e.name) AS n ORDER BY name",
        "--graph",
        str(seeds_build),
        "--format",
        "table",
    )
    assert sparql.returncode == 0 and cypher.returncode == 0, sparql.stderr + cypher.stderr
    assert sparql.stdout == cypher.stdout
    assert sparql.stdout.splitlines()[-1] == "(3 rows)" and "合肥市" in sparql.stdout
