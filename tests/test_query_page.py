"""The query page of ``kg serve`` (GET / and /query), over real HTTP and in Debian's Chromium.

The server runs on a fresh build of the seeds; the page must answer a competency question
with no request outside 127.0.0.1, no console error (a CSP violation is one), parameters
bound as data, and a CSV download equal to the table.
"""

from __future__ import annotations

import csv
import io
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from conftest import wait_until_ready
from playwright import sync_api as playwright_api

from kg.query.catalogue import load_catalogue, sparql_rows
from kg.query.page import catalogue_data
from kg.query.server import EndpointConfig, make_server
from kg.query.sparql import open_store
from kg.viz.assemble import script_hashes

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "test-output"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def store(seeds_build: Path) -> ox.Store:
    return open_store(seeds_build)


@pytest.fixture(scope="module")
def base_url(seeds_build: Path) -> Iterator[str]:
    server = make_server(open_store(seeds_build), "127.0.0.1", 0, EndpointConfig(timeout_s=10, workers=2))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(
    url: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


# ---------------------------------------------------------------- over HTTP


@pytest.mark.parametrize("path", ["/", "/query"])
def test_page_is_served_with_a_policy_naming_its_own_script(base_url: str, path: str) -> None:
    status, headers, body = _get(base_url + path)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "unsafe" not in policy
    hashes = script_hashes(html)
    assert len(hashes) == 1 and f"script-src {hashes[0]};" in policy
    # nothing is loaded from elsewhere: no src/href pointing at another host
    assert re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html) == []
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_page_embeds_every_competency_question(base_url: str) -> None:
    html = _get(base_url + "/")[2].decode("utf-8")
    names = [q.name for q in load_catalogue()]
    assert len(names) >= 20
    for name in names:
        assert f'"name":"{name}"' in html
    assert all(q["title"] != q["name"] for q in catalogue_data())  # every question has a Chinese title


def test_sparql_path_still_answers_the_usage_text(base_url: str) -> None:
    status, headers, body = _get(base_url + "/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/plain") and b"read-only" in body


def test_bindings_are_parsed_as_data_never_pasted_into_the_query(base_url: str) -> None:
    query = "PREFIX ikg: <https://w3id.org/innokg/ontology#> SELECT ?name WHERE { ?e ikg:name ?name }"
    csv_accept = {"Accept": "text/csv"}
    status, _, body = _get(base_url + "/sparql", {"query": query, "$name": '"合肥市"'}, csv_accept)
    assert status == 200 and body.decode("utf-8").splitlines() == ["name", "合肥市"]
    # a value that would close the literal and add a pattern is one literal or nothing
    status, _, body = _get(
        base_url + "/sparql", {"query": query, "$name": '"x" } UNION { ?e ikg:name ?name'}, csv_accept
    )
    assert status == 400 and b"N-Triples" in body
    status, _, body = _get(base_url + "/sparql", {"query": query, "$name": '"x" . <urn:a> <urn:b> "c"'}, csv_accept)
    assert status == 400
    status, _, body = _get(base_url + "/sparql", {"query": query, "$name": '"a\\"} ?x"'}, csv_accept)
    assert status == 200 and body.decode("utf-8").splitlines() == ["name"]  # the literal a"} ?x: no such name
    status, _, body = _get(base_url + "/sparql", {"query": query, "$nope": '"x"'}, csv_accept)
    assert status == 400 and b"nope" in body
    status, _, _ = _get(base_url + "/sparql", {"query": query, "$bad name": '"x"'}, csv_accept)
    assert status == 400
    many = {"query": query, **{f"$v{i}": '"x"' for i in range(33)}}
    assert _get(base_url + "/sparql", many, csv_accept)[0] == 400
    # GET carries bindings in the URL; an IRI binds as an IRI
    url = (
        base_url
        + "/sparql?"
        + urllib.parse.urlencode({"query": "SELECT ?e ?name WHERE { ?e ikg:name ?name }", "$name": '"合肥市"'})
    )
    status, _, body = _get(url, headers=csv_accept)
    rows = body.decode("utf-8").splitlines()
    assert status == 200 and len(rows) == 2 and rows[1].startswith("https://w3id.org/innokg/id/")
    iri = rows[1].split(",")[0]
    status, _, body = _get(
        base_url + "/sparql", {"query": "SELECT ?e ?name WHERE { ?e ikg:name ?name }", "$e": f"<{iri}>"}, csv_accept
    )
    assert status == 200 and body.decode("utf-8").splitlines() == ["e,name", f"{iri},合肥市"]


def test_page_refuses_other_hosts_like_the_endpoint(base_url: str) -> None:
    port = urlsplit(base_url).port
    status, _, body = _get(base_url + "/", headers={"Host": f"evil.example:{port}"})
    assert status == 403 and b"Host" in body


# ---------------------------------------------------------------- in the browser


class Watched:
    def __init__(self, browser: playwright_api.Browser, url: str) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        wait_until_ready(self.page)

    def run(self) -> str:
        self.page.evaluate("document.body.dataset.state = ''")
        self.page.click("#run")
        self.page.wait_for_selector("body[data-state=done], body[data-state=error]", state="attached", timeout=20000)
        return str(self.page.evaluate("document.body.dataset.state"))

    def table(self) -> tuple[list[str], list[list[str]]]:
        head = self.page.locator("#results thead th").all_text_contents()
        rows = self.page.evaluate(
            "Array.from(document.querySelectorAll('#results tbody tr'))"
            ".map(tr => Array.from(tr.cells).map(td => td.textContent))"
        )
        return head, rows

    def assert_clean(self, refused: int = 0) -> None:
        """No request left 127.0.0.1; no console error but Chromium's note on each refused request."""
        outside = [u for u in self.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert outside == [], f"requests outside 127.0.0.1: {outside}"
        notes = [e for e in self.errors if re.fullmatch(r"Failed to load resource: .*status of 403 .*", e)]
        assert len(notes) == refused
        assert [e for e in self.errors if e not in notes] == [] and self.dialogs == []


def _cells(values: tuple[object, ...]) -> list[str]:
    return ["" if v is None else str(v) for v in values]


def test_page_answers_a_competency_question_with_a_parameter(browser, base_url: str, store: ox.Store) -> None:  # type: ignore[no-untyped-def]
    question = next(q for q in load_catalogue() if q.name == "entity_evidence")
    columns, expected = sparql_rows(store, question)
    assert expected, "the seeds must give the example an answer"
    w = Watched(browser, base_url + "/")
    w.page.click("#questions button[data-name=entity_evidence]")
    assert w.page.input_value("#editor") == question.sparql
    assert w.page.input_value("#param-fields input[data-param=name]") == question.params["name"]
    assert w.page.text_content("#question-title") == "某一实体的全部事实及其出处 · entity_evidence"
    assert w.run() == "done"
    head, rows = w.table()
    assert head == columns and rows == [_cells(r) for r in expected]
    assert (w.page.text_content("#status") or "").startswith(f"{len(expected)} 行 rows")

    # the CSV button downloads the same table (full values; a BOM for Excel)
    with w.page.expect_download() as download:
        w.page.click("#csv")
    assert download.value.suggested_filename == "entity_evidence.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [columns, *[_cells(r) for r in expected]]

    # another value, with quotes and braces, is bound as one literal: no rows, no error
    w.page.fill("#param-fields input[data-param=name]", '合肥"} UNION { ?e ?p ?name }')
    assert w.run() == "done"
    assert w.table() == (columns, [])
    SHOTS.mkdir(exist_ok=True)
    w.page.fill("#param-fields input[data-param=name]", question.params["name"])
    w.run()
    w.page.screenshot(path=str(SHOTS / "query-page.png"))
    w.assert_clean()


def test_page_shows_iris_as_prefixed_names_and_text_as_text(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    w = Watched(browser, base_url + "/query")
    w.page.fill(
        "#editor",
        f'SELECT ?type ?s WHERE {{ VALUES ?s {{ "{HOSTILE}" }} ?e ikg:entityId ?id ; a ?type }} '
        "GROUP BY ?type ?s ORDER BY ?type LIMIT 1",
    )
    assert w.run() == "done"
    head, rows = w.table()
    assert head == ["type", "s"] and len(rows) == 1
    assert rows[0][0].startswith("ikg:") and rows[0][1] == HOSTILE
    assert w.page.locator("#results img").count() == 0
    assert w.page.get_attribute("#results td.iri", "title", timeout=5000).startswith("https://w3id.org/innokg/")
    w.assert_clean()


def test_page_reports_refusals_from_the_guard(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    w = Watched(browser, base_url + "/")
    w.page.fill("#editor", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert w.run() == "error"
    assert (w.page.text_content("#error") or "").startswith("错误 Error 403")
    assert w.page.is_disabled("#csv")
    w.page.fill("#editor", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert w.run() == "error"
    assert "403" in (w.page.text_content("#error") or "")
    # the request to example.org was never made: only the server was asked
    w.assert_clean(refused=2)


def test_catalogue_filter_narrows_the_list(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    w = Watched(browser, base_url + "/#q=chains_by_enterprise_count")
    assert w.page.input_value("#editor") == next(
        q.sparql for q in load_catalogue() if q.name == "chains_by_enterprise_count"
    )
    assert w.page.is_hidden("#params")
    w.page.fill("#filter", "实验室")
    names = w.page.eval_on_selector_all("#questions button", "bs => bs.map(b => b.dataset.name)")
    assert names and all("laborator" in n for n in names)
    assert w.run() == "done"
    head, rows = w.table()
    assert head == ["chain", "enterprises"] and rows
    w.assert_clean()
