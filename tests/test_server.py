"""The read-only SPARQL endpoint (kg serve), queried over real HTTP with urllib."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.ids import entity_id
from kg.model import Document, Entity, Evidence, KnowledgeGraph, Relation, Sentence
from kg.query.server import EndpointConfig, check_read_only, choose_format, make_server
from kg.query.sparql import open_store
from kg.rdf import dataset as rdf

DOC = "d1.txt"
NAMES_QUERY = "PREFIX ikg: <https://w3id.org/innokg/ontology#>\nSELECT ?name WHERE { ?e ikg:name ?name } ORDER BY ?name"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


def _graph() -> KnowledgeGraph:
    names = [("甲实验室", "Laboratory"), ("乙市", "Place"), ("丙公司", "Enterprise"), ("丁,产业", "IndustryChain")]
    entities = {entity_id(n): Entity(id=entity_id(n), type=t, subtype=None, name=n) for n, t in names}
    evidence = Evidence(doc=DOC, sentence=0, text='丙公司属于"丁,产业"。', start=0, end=12)
    relations = [
        Relation(
            type="PART_OF_CHAIN",
            head=entity_id("丙公司"),
            tail=entity_id("丁,产业"),
            evidence=evidence,
            rule="test",
            confidence=0.7,
        )
    ]
    sentence = Sentence(doc=DOC, index=0, start=0, end=12, text=evidence.text, offsets=[])
    document = Document(name=DOC, path=DOC, encoding="utf-8", text="", sentences=[sentence], title="T")
    return KnowledgeGraph(documents=[document], entities=entities, relations=relations)


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("graph")
    (folder / "kg.nq").write_bytes(rdf.serialize_nquads(rdf.to_dataset(_graph())))
    return folder


@dataclass
class Running:
    url: str
    server: ThreadingHTTPServer


def _start(store: ox.Store, config: EndpointConfig) -> Running:
    server = make_server(store, "127.0.0.1", 0, config)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return Running(url=f"http://{host!s}:{port}/sparql", server=server)


@pytest.fixture(scope="module")
def endpoint(graph_dir: Path) -> Iterator[str]:
    running = _start(open_store(graph_dir), EndpointConfig(timeout_s=5, max_rows=100))
    yield running.url
    running.server.shutdown()
    running.server.server_close()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def _call(request: urllib.request.Request) -> Reply:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


def get(url: str, accept: str | None = None, **params: str) -> Reply:
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode(params)}")
    if accept:
        request.add_header("Accept", accept)
    return _call(request)


def post_query(url: str, query: str, accept: str = "application/sparql-results+json") -> Reply:
    return _call(
        urllib.request.Request(
            url,
            data=query.encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
    )


def post_form(url: str, accept: str = "application/sparql-results+json", **fields: str) -> Reply:
    return _call(
        urllib.request.Request(
            url,
            data=urllib.parse.urlencode(fields).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
    )


def _json_names(reply: Reply) -> list[str]:
    data = json.loads(reply.body)
    assert data["head"]["vars"] == ["name"]
    return [b["name"]["value"] for b in data["results"]["bindings"]]


EXPECTED = sorted(["甲实验室", "乙市", "丙公司", "丁,产业"])


def test_get_post_and_form_give_the_same_json(endpoint: str) -> None:
    replies = [
        get(endpoint, query=NAMES_QUERY),
        post_query(endpoint, NAMES_QUERY),
        post_form(endpoint, query=NAMES_QUERY),
    ]
    for reply in replies:
        assert reply.status == 200
        assert reply.headers["Content-Type"].startswith("application/sparql-results+json")
        assert _json_names(reply) == EXPECTED
        assert "X-Result-Truncated" not in reply.headers


def test_csv_and_tsv_parse_with_the_comma_name_intact(endpoint: str) -> None:
    as_csv = get(endpoint, accept="text/csv", query=NAMES_QUERY)
    assert as_csv.status == 200 and as_csv.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.body.decode("utf-8"))))
    assert rows == [["name"], *[[n] for n in EXPECTED]]
    as_tsv = get(endpoint, format="tsv", query=NAMES_QUERY)
    assert as_tsv.headers["Content-Type"].startswith("text/tab-separated-values")
    lines = as_tsv.body.decode("utf-8").splitlines()
    assert lines[0] == "?name" and [json.loads(v) for v in lines[1:]] == EXPECTED  # TSV literals are quoted


def test_xml_parses(endpoint: str) -> None:
    reply = post_query(endpoint, NAMES_QUERY, accept="application/sparql-results+xml")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(reply.body)
    values = [lit.text for lit in root.iter(f"{SPARQL_RESULTS}literal")]
    assert values == EXPECTED


def test_accept_q_values_and_format_parameter_choose_the_format() -> None:
    assert choose_format(None, "text/csv;q=0.5, application/sparql-results+xml", False) == "xml"
    assert choose_format(None, "text/html, */*;q=0.1", False) == "json"
    assert choose_format("csv", "application/sparql-results+xml", False) == "csv"
    assert choose_format(None, "", True) == "ttl"


def test_ask_and_construct(endpoint: str) -> None:
    ask = get(endpoint, query="ASK { ?s a <https://w3id.org/innokg/ontology#Enterprise> }")
    assert json.loads(ask.body)["boolean"] is True
    construct = get(
        endpoint,
        accept="application/n-triples",
        query="CONSTRUCT { ?e <http://example.org/n> ?n } WHERE { ?e <https://w3id.org/innokg/ontology#name> ?n }",
    )
    assert construct.status == 200
    assert len([line for line in construct.body.decode().splitlines() if line.strip()]) == 4


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }",
        "# a comment first\nLOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused(endpoint: str, query: str) -> None:
    for reply in (get(endpoint, query=query), post_query(endpoint, query)):
        assert reply.status == 403
        assert b"read-only" in reply.body
    assert post_form(endpoint, update=query).status == 403
    assert len(_json_names(get(endpoint, query=NAMES_QUERY))) == 4  # nothing changed


def test_sparql_update_media_type_is_refused(endpoint: str) -> None:
    request = urllib.request.Request(
        endpoint, data=b"CLEAR ALL", method="POST", headers={"Content-Type": "application/sparql-update"}
    )
    reply = _call(request)
    assert reply.status == 403 and b"read-only" in reply.body


def test_service_is_refused_but_the_word_in_a_string_is_not(endpoint: str) -> None:
    federated = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    reply = get(endpoint, query=federated)
    assert reply.status == 403 and b"SERVICE" in reply.body
    harmless = 'SELECT ?x WHERE { BIND("SERVICE <x> { }" AS ?x) } # SERVICE in a comment'
    assert get(endpoint, query=harmless).status == 200
    with pytest.raises(Exception, match="read-only"):
        check_read_only("PREFIX a: <http://a/> BASE <http://b/> DROP GRAPH <http://c>")


def test_malformed_query_gives_400_with_the_parser_message(endpoint: str) -> None:
    reply = get(endpoint, query="SELECT ?x WHERE { ?x ?y }")
    assert reply.status == 400
    assert b"SPARQL syntax error" in reply.body and b"1:" in reply.body  # position from the parser


def test_missing_query_and_bad_media_type(endpoint: str) -> None:
    assert post_form(endpoint, other="x").status == 400
    reply = _call(
        urllib.request.Request(endpoint, data=b"{}", method="POST", headers={"Content-Type": "application/json"})
    )
    assert reply.status == 415
    assert get(endpoint, accept="image/png", query=NAMES_QUERY).status == 406
    assert get(endpoint).status == 200  # usage text
    assert _call(urllib.request.Request(endpoint.replace("/sparql", "/nothing"))).status == 404


def test_result_cap_truncates_and_says_so(graph_dir: Path) -> None:
    running = _start(open_store(graph_dir), EndpointConfig(max_rows=2))
    try:
        reply = get(running.url, query=NAMES_QUERY)
        assert reply.status == 200
        assert _json_names(reply) == EXPECTED[:2]
        assert reply.headers["X-Result-Truncated"] == "true" and reply.headers["X-Result-Limit"] == "2"
        as_csv = get(running.url, format="csv", query=NAMES_QUERY)
        assert len(as_csv.body.decode().splitlines()) == 3
    finally:
        running.server.shutdown()
        running.server.server_close()


def test_slow_query_times_out_with_503() -> None:
    store = ox.Store()
    for i in range(150):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i))))
    running = _start(store, EndpointConfig(timeout_s=0.05))
    try:
        reply = get(running.url, query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert reply.status == 503 and b"time limit" in reply.body
    finally:
        running.server.shutdown()
        running.server.server_close()


def test_kg_serve_command_binds_localhost_and_answers(graph_dir: Path) -> None:
    code = "import sys; from kg.cli.serve import serve; serve(sys.argv[1:])"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--graph", str(graph_dir), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        assert "http://127.0.0.1:" in banner
        url = banner.split()[3]
        assert _json_names(get(url, query=NAMES_QUERY)) == EXPECTED
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_missing_graph_names_the_file(tmp_path: Path) -> None:
    code = (
        "import sys; from kg.cli.main import main; from kg.cli.main import cli; from kg.cli.serve import serve; "
        "cli.add_command(serve); sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "serve", "--graph", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert str(tmp_path) in done.stderr
