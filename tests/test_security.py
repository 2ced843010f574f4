"""The endpoint and the query commands under attack: issue 9's reproductions, on 127.0.0.1.

Every test talks to a real ``kg serve`` server (real sockets, real worker processes, real
pyoxigraph) or runs the real ``kg`` command in a subprocess; loops are bounded.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import build_small_graph, kg_module, wait_until_ready

from kg.query.server import EndpointConfig, EndpointServer, make_server
from kg.query.sparql import open_store
from kg.query.sparql_guard import MAX_DEPTH, bracket_depth, parse_tree, tree_depth_and_service
from kg.rdf import dataset as rdf
from kg.store import graph_to_json

REPO = Path(__file__).resolve().parents[1]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
NESTED_5000 = "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
CHAIN_2000 = "ASK { FILTER(" + "+".join(["1"] * 2000) + " > 0) }"
GROUPS_1000 = "ASK { " + " ".join("{ ?a ?b ?c }" for _ in range(1000)) + " }"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Some 4,000 quads: enough for a cartesian COUNT to run for minutes."""
    folder = tmp_path_factory.mktemp("graph")
    graph = build_small_graph(copies=40)
    (folder / "kg.nq").write_bytes(rdf.serialize_nquads(rdf.to_dataset(graph)))
    (folder / "graph.json").write_text(json.dumps(graph_to_json(graph), ensure_ascii=False), encoding="utf-8")
    return folder


@dataclass
class Running:
    server: EndpointServer
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/sparql"


def _start(graph_dir: Path, **limits: object) -> Running:
    config = EndpointConfig(**{"timeout_s": 2.0, "workers": 2, "header_timeout_s": 1.0, **limits})  # type: ignore[arg-type]
    server = make_server(open_store(graph_dir), "127.0.0.1", 0, config)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return Running(server, str(host), int(port))


def _stop(running: Running) -> None:
    running.server.shutdown()
    running.server.server_close()


@pytest.fixture(scope="module")
def endpoint(graph_dir: Path) -> Iterator[Running]:
    running = _start(graph_dir, cors_origins=("http://allowed.example",), extra_hosts=("graph.example",))
    yield running
    _stop(running)


# ---------------------------------------------------------------- raw HTTP


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def _read_reply(sock: socket.socket) -> Reply:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before a whole reply: {data!r}")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Reply(int(lines[0].split()[1]), headers, rest[:length])


def request(running: Running, raw: bytes, timeout: float = 15.0) -> Reply:
    with socket.create_connection((running.host, running.port), timeout=timeout) as sock:
        sock.sendall(raw)
        return _read_reply(sock)


def get(running: Running, query: str, host: str | None = None, extra: str = "") -> Reply:
    target = "/sparql?" + urllib.parse.urlencode({"query": query})
    host_line = host if host is not None else f"{running.host}:{running.port}"
    raw = f"GET {target} HTTP/1.1\r\nHost: {host_line}\r\n{extra}Connection: close\r\n\r\n"
    return request(running, raw.encode("utf-8"))


def ask_answers(running: Running) -> bool:
    reply = get(running, "ASK {}")
    return reply.status == 200 and json.loads(reply.body)["boolean"] is True


def kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


# ---------------------------------------------------------------- 1. deep nesting


@pytest.mark.parametrize("query", [NESTED_5000, CHAIN_2000, GROUPS_1000], ids=["parens", "chain", "groups"])
def test_deep_queries_get_a_400_and_the_server_stays_up(endpoint: Running, query: str) -> None:
    reply = get(endpoint, query)
    assert reply.status == 400
    assert b"nested too deeply" in reply.body
    assert ask_answers(endpoint)


def test_the_depth_check_counts_chains_and_never_recurses() -> None:
    assert bracket_depth(NESTED_5000) == 5002
    assert bracket_depth('ASK { FILTER("((((((" = "(") } # (((((((') == 2  # strings and comments skipped
    depth, service = tree_depth_and_service(parse_tree(CHAIN_2000))
    assert depth > MAX_DEPTH and not service
    sys_limit = sys.getrecursionlimit()
    parse_tree("ASK { FILTER(" + "(" * 60 + "1" + ")" * 60 + ") }")  # 60 levels still parse
    assert sys.getrecursionlimit() == sys_limit  # the parser's raised limit is given back


def test_every_competency_query_passes_the_guard() -> None:
    from kg.query.sparql_guard import check_query

    for path in sorted((REPO / "queries").glob("*.rq")):
        check_query(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("query", [NESTED_5000, CHAIN_2000], ids=["parens", "chain"])
def test_kg_sparql_refuses_deep_queries_with_exit_2(graph_dir: Path, query: str) -> None:
    done = kg("sparql", query, "--graph", str(graph_dir))
    assert done.returncode == 2, done.stderr
    assert "nested too deeply" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- 2. SERVICE and updates


class Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


SERVICE_VARIANTS = [
    "PREFIX e: <http://e/> SELECT * WHERE {{ VALUES ?q {{ e:b\\# }} "
    "SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ service#comment\n <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }} }} }}",
]


def test_service_never_reaches_the_network(endpoint: Running, graph_dir: Path) -> None:
    listener = Listener()
    try:
        for variant in SERVICE_VARIANTS:
            query = variant.format(port=listener.port)
            reply = get(endpoint, query)
            assert reply.status in (400, 403), (query, reply)
            done = kg("sparql", query, "--graph", str(graph_dir))
            assert done.returncode == 2 and "Traceback" not in done.stderr
        time.sleep(0.3)
        assert listener.connections == 0
        plain = get(endpoint, SERVICE_VARIANTS[1].format(port=listener.port))
        assert plain.status == 403 and b"SERVICE" in plain.body
    finally:
        listener.close()


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX e: <http://e/> DELETE WHERE { e:b\\# ?p ?o }",
        "# SELECT\nCLEAR ALL",
        "LOAD <http://127.0.0.1:9/x>",
        'WITH <http://g> DELETE { ?s ?p ?o } INSERT { ?s ?p "x" } WHERE { ?s ?p ?o }',
    ],
)
def test_updates_are_refused_from_the_parsed_form(endpoint: Running, update: str) -> None:
    assert get(endpoint, update).status in (400, 403)
    assert get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").status == 200


# ---------------------------------------------------------------- 3. runaway queries


def _worker_pids(running: Running) -> set[int]:
    return running.server.endpoint.pool.pids()


def test_runaway_queries_are_killed_and_the_pool_recovers(graph_dir: Path) -> None:
    running = _start(graph_dir, timeout_s=1.0, workers=2)
    try:
        before = _worker_pids(running)
        replies: list[Reply] = []
        threads = [threading.Thread(target=lambda: replies.append(get(running, RUNAWAY))) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert [r.status for r in replies] == [503] * 5
        started = time.monotonic()
        assert ask_answers(running)
        assert time.monotonic() - started < 1.0
        for pid in before:  # the workers that ran the runaways are gone, not burning CPU
            assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len(_worker_pids(running)) < 2:
            time.sleep(0.1)
        assert len(_worker_pids(running)) == 2  # the pool is back to full size
    finally:
        _stop(running)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


def test_ctrl_c_stops_kg_serve_during_a_runaway_query(graph_dir: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph_dir), "--port", "0", "--timeout", "30"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stderr is not None
        url = process.stderr.readline().split()[3]
        parts = urllib.parse.urlsplit(url)
        running_port = int(parts.port or 0)
        sock = socket.create_connection(("127.0.0.1", running_port), timeout=5)
        target = "/sparql?" + urllib.parse.urlencode({"query": RUNAWAY})
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{running_port}\r\n\r\n".encode())
        time.sleep(1.0)  # the runaway is now running in a worker
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        sock.close()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# ---------------------------------------------------------------- 4. Host, Origin, CORS


def test_foreign_host_and_origin_are_refused_and_no_cors_by_default(endpoint: Running) -> None:
    assert get(endpoint, "ASK {}", host="evil.example:80").status == 403
    assert get(endpoint, "ASK {}", host=f"rebind.example:{endpoint.port}").status == 403
    assert get(endpoint, "ASK {}", host=f"graph.example:{endpoint.port}").status == 200  # --allow-host
    assert get(endpoint, "ASK {}", host="graph.example:1").status == 403
    local = get(endpoint, "ASK {}", host=f"localhost:{endpoint.port}")
    assert local.status == 200 and "access-control-allow-origin" not in local.headers
    evil = get(endpoint, "ASK {}", extra="Origin: http://evil.example\r\n")
    assert evil.status == 403 and "access-control-allow-origin" not in evil.headers
    allowed = get(endpoint, "ASK {}", extra="Origin: http://allowed.example\r\n")
    assert allowed.status == 200 and allowed.headers["access-control-allow-origin"] == "http://allowed.example"


def test_preflight_only_for_named_origins(endpoint: Running) -> None:
    base = f"OPTIONS /sparql HTTP/1.1\r\nHost: {endpoint.host}:{endpoint.port}\r\nConnection: close\r\n"
    assert request(endpoint, (base + "Origin: http://evil.example\r\n\r\n").encode()).status == 403
    ok = request(endpoint, (base + "Origin: http://allowed.example\r\n\r\n").encode())
    assert ok.status == 204 and "POST" in ok.headers["access-control-allow-methods"]


# ---------------------------------------------------------------- 5. sizes, timeouts, connections


def _closed_after(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        return sock.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False


def test_413_closes_the_connection_so_the_body_never_runs(endpoint: Running) -> None:
    smuggled = f"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: {endpoint.host}:{endpoint.port}\r\n\r\n"
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: {endpoint.host}:{endpoint.port}\r\n"
        "Content-Type: application/sparql-query\r\nContent-Length: 2000000\r\n\r\n"
    )
    with socket.create_connection((endpoint.host, endpoint.port), timeout=10) as sock:
        sock.sendall(head.encode() + smuggled.encode())
        reply = _read_reply(sock)
        assert reply.status == 413 and reply.headers["connection"] == "close"
        assert _closed_after(sock, 5)  # no second answer: the smuggled request never ran


def test_chunked_bodies_are_refused_and_close(endpoint: Running) -> None:
    raw = (
        f"POST /sparql HTTP/1.1\r\nHost: {endpoint.host}:{endpoint.port}\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/sparql-query\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n"
    )
    reply = request(endpoint, raw.encode())
    assert reply.status == 501 and reply.headers["connection"] == "close"


def test_a_body_shorter_than_its_length_is_cut_at_the_request_timeout(endpoint: Running) -> None:
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: {endpoint.host}:{endpoint.port}\r\n"
        "Content-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK {}"
    )
    with socket.create_connection((endpoint.host, endpoint.port), timeout=10) as sock:
        started = time.monotonic()
        sock.sendall(head.encode())
        assert _closed_after(sock, 8)
        assert time.monotonic() - started < 5  # header_timeout_s is 1 s (plus the watchdog's tick)


def test_slow_drip_headers_are_cut(endpoint: Running) -> None:
    with socket.create_connection((endpoint.host, endpoint.port), timeout=10) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\n")
        closed = False
        for _ in range(30):  # one header byte every 0.2 s: each recv is quick, the whole is not
            try:
                sock.sendall(b"X")
            except OSError:
                closed = True
                break
            time.sleep(0.2)
        assert closed or _closed_after(sock, 3)
        assert time.monotonic() - started < 6.5


def test_connection_cap_refuses_the_surplus_and_recovers(graph_dir: Path) -> None:
    running = _start(graph_dir, max_connections=20, header_timeout_s=2.0)
    idle = [socket.create_connection((running.host, running.port), timeout=5) for _ in range(20)]
    try:
        time.sleep(0.3)
        reply = get(running, "ASK {}")
        assert reply.status == 503 and reply.headers["connection"] == "close"
        for sock in idle:
            sock.close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and get(running, "ASK {}").status != 200:
            time.sleep(0.1)
        assert ask_answers(running)
    finally:
        for sock in idle:
            sock.close()
        _stop(running)


def test_listen_backlog_holds_a_burst(endpoint: Running) -> None:
    assert endpoint.server.request_queue_size >= 128
    sockets = [socket.create_connection((endpoint.host, endpoint.port), timeout=5) for _ in range(150)]
    for sock in sockets:
        sock.close()
    assert ask_answers(endpoint)


# ---------------------------------------------------------------- 6. long inline queries


LONG_NAME = "合肥" * 60  # 360 bytes of UTF-8: longer than a file name may be


def test_long_inline_sparql_is_a_query_not_a_file_name(graph_dir: Path) -> None:
    done = kg("sparql", f'SELECT ?e WHERE {{ ?e ikg:name "{LONG_NAME}" }}', "--graph", str(graph_dir))
    assert done.returncode == 0, done.stderr
    assert "(0 rows)" in done.stdout and "Traceback" not in done.stderr


def test_long_inline_cypher_is_a_query_not_a_file_name(graph_dir: Path) -> None:
    query = f"MATCH (n:__Entity__ {{name: '{LONG_NAME}'}}) RETURN n.name AS name"
    done = kg_module("cypher", query, "--graph", str(graph_dir))  # no NEO4J_* settings: the embedded engine
    assert done.returncode == 0, done.stderr
    # an empty answer keeps its header line (the RETURN columns)
    assert done.stdout == "name\n----\n(0 rows)\n" and "Traceback" not in done.stderr


# ---------------------------------------------------------------- 7. passwords never printed


SECRET = "S3cret-Pw_4711"


def _kg_env(**env: str) -> subprocess.CompletedProcess[str]:
    return kg_module("cypher", "RETURN 1 AS one", env=env)


@pytest.mark.parametrize(
    "uri",
    [
        f"bolt://neo4j:{SECRET}@127.0.0.1:1",
        f"neo4j://neo4j:{SECRET}@127.0.0.1:1/?policy=x",
        f"bolt://127.0.0.1:1?password={SECRET}",
        f"neo4j://127.0.0.1:1?region=x&password={SECRET}",
        f"bolt://neo4j:{SECRET} x@127.0.0.1:1",
    ],
)
def test_a_password_in_the_uri_is_never_printed(uri: str) -> None:
    done = _kg_env(NEO4J_URI=uri)
    assert done.returncode == 4
    assert SECRET not in done.stderr + done.stdout and "***" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_refused_password_is_never_printed(neo4j_env: dict[str, str]) -> None:
    done = _kg_env(**{**neo4j_env, "NEO4J_PASSWORD": SECRET})
    assert done.returncode == 4 and "refused the credentials" in done.stderr
    assert SECRET not in done.stderr + done.stdout


def test_neo4j_local_never_puts_the_password_on_a_command_line(tmp_path: Path) -> None:
    """A fresh state folder: watch every process's argv while the initial password is set."""
    state = tmp_path / "neo4j-state"
    state.mkdir(mode=0o700)
    classpath = REPO / ".neo4j" / "classpath.txt"
    (state / "classpath.txt").write_text(classpath.read_text())  # no Maven run: the jars are resolved
    (state / "password").write_text(SECRET + "\n")
    (state / "data" / "dbms").mkdir(parents=True)
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(state)}
    code = (
        "import importlib.machinery, sys; "
        "m = importlib.machinery.SourceFileLoader('nl', sys.argv[1]).load_module(); "
        "lay = m.layout(); m.set_initial_password(lay, m.resolve_classpath(lay), m.ensure_password(lay))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(REPO / "scripts" / "neo4j-local")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen_args = 0
    while process.poll() is None:
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                argv = cmdline.read_bytes()
            except OSError:
                continue
            seen_args += b"set-initial-password" in argv
            assert SECRET.encode() not in argv, "the password is visible in a command line"
        time.sleep(0.01)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    assert seen_args > 0  # the admin tool did run while we watched
    assert (state / "data" / "dbms" / "auth.ini").exists()
    assert not list(state.glob("*.args"))  # the argument file is gone


# ---------------------------------------------------------------- 8. LOAD CSV in read-only mode


LOAD_CSV_QUERIES = [
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load /* hidden */ csv from 'file:///etc/passwd' as row return row",
    "MATCH (n) RETURN 1 AS row LIMIT 1 UNION LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
]


@pytest.mark.parametrize("query", LOAD_CSV_QUERIES)
def test_embedded_engine_refuses_load_csv(graph_dir: Path, query: str) -> None:
    from kg.query.cypher import run_cypher
    from kg.query.cypher_guard import LoadCsvRefused

    with pytest.raises(LoadCsvRefused, match="--allow-load-csv"):
        run_cypher(query, {}, None, graph_dir=graph_dir)


def test_embedded_load_csv_with_the_option_and_strings_are_no_match(graph_dir: Path, tmp_path: Path) -> None:
    from kg.query.cypher import run_cypher

    data = tmp_path / "rows.csv"
    data.write_text("a\nb\n")
    allowed = run_cypher(
        f"LOAD CSV FROM 'file://{data}' AS row RETURN row", {}, None, graph_dir=graph_dir, allow_load_csv=True
    )
    assert [r["row"] for r in allowed.records()] == [["a"], ["b"]]
    quoted = run_cypher("RETURN 'LOAD CSV' AS `load csv`", {}, None, graph_dir=graph_dir)
    assert quoted.records() == [{"load csv": "LOAD CSV"}]


def test_kg_cypher_refuses_load_csv_with_exit_2(graph_dir: Path) -> None:
    done = kg_module("cypher", LOAD_CSV_QUERIES[0], "--graph", str(graph_dir))
    assert done.returncode == 2 and "root:" not in done.stdout and "--allow-load-csv" in done.stderr


@pytest.mark.neo4j
def test_neo4j_refuses_load_csv_in_read_only_mode(neo4j_settings: object) -> None:
    from kg.query.cypher import run_cypher
    from kg.query.cypher_guard import LoadCsvRefused

    listener = Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}/x.csv"
        for query in [*LOAD_CSV_QUERIES, f"LOAD CSV FROM '{url}' AS row RETURN row"]:
            with pytest.raises(LoadCsvRefused):
                run_cypher(query, {}, neo4j_settings)  # type: ignore[arg-type]
        time.sleep(0.3)
        assert listener.connections == 0  # refused before Neo4j fetched anything
    finally:
        listener.close()


# ---------------------------------------------------------------- 9. the explorer's pages


@pytest.fixture(scope="module")
def viz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.viz import write_site
    from kg.viz.sample import demo_graph

    out = tmp_path_factory.mktemp("viz")
    write_site(demo_graph(), out)
    return out


def test_csp_allows_only_the_pages_own_scripts_by_hash(viz_site: Path) -> None:
    from kg.viz.assemble import script_hashes

    for page in sorted(viz_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        policy = html.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
        script_src = policy.split("script-src ")[1].split(";")[0].split()
        assert "'unsafe-inline'" not in script_src and script_src, page
        assert sorted(script_src) == sorted(set(script_hashes(html))), page


def _open(browser: object, url: str) -> tuple[object, list[str]]:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    wait_until_ready(page)
    return page, errors


@pytest.mark.browser
@pytest.mark.parametrize(
    "fragment",
    ["#entity=__proto__", "#entity=constructor", "#segment=__proto__", "#entity=%E0%A4%A", "#entity=%", "#segment=%ZZ"],
)
def test_hostile_hashes_throw_nothing(browser: object, viz_site: Path, fragment: str) -> None:
    chain_pages = sorted(p.name for p in viz_site.glob("chain-*.html"))
    for name in ("index.html", chain_pages[0]):
        page, errors = _open(browser, (viz_site / name).as_uri() + fragment)
        page.evaluate("window.dispatchEvent(new HashChangeEvent('hashchange'))")  # type: ignore[attr-defined]
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
        assert errors == [], (name, fragment, errors)
        page.close()  # type: ignore[attr-defined]


@pytest.mark.browser
def test_an_injected_inline_script_does_not_run(browser: object, viz_site: Path, tmp_path: Path) -> None:
    html = (viz_site / "index.html").read_text(encoding="utf-8")
    tampered = tmp_path / "index.html"
    tampered.write_text(html.replace("</body>", "<script>window.__pwned = 1;</script></body>"), encoding="utf-8")
    page, errors = _open(browser, tampered.as_uri())
    assert page.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert any("Content Security Policy" in e for e in errors)
