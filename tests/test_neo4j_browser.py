"""Neo4j Browser served by the project's own Neo4j (scripts/neo4j-local), on 127.0.0.1 only.

The module starts a private server in a temporary state folder (NEO4J_LOCAL_DIR), so it
neither needs nor touches the server other tests use, and stops it at the end. The
Browser's files come from org.neo4j.client:neo4j-browser, resolved by neo4j/pom.xml.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import neo4j_local, private_neo4j_env, running_neo4j

pytestmark = pytest.mark.neo4j

TIMEOUT = 300  # seconds a scripts/neo4j-local command may take


def run_script(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return neo4j_local(env, *args, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    state = tmp_path_factory.mktemp("neo4j-browser")
    env = private_neo4j_env(state)
    env.pop("NEO4J_LOCAL_HTTP", None)
    # One generated password in 64 starts with "-" (token_urlsafe); Neo4j's admin tool once
    # read such a password as an option and the start failed. This server gets one on purpose,
    # and the Chromium test below logs in with it.
    (state / "password").write_text("-" + secrets.token_urlsafe(24) + "\n")
    (state / "password").chmod(0o600)
    with running_neo4j(env, TIMEOUT):
        yield env


def get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return reply.status, reply.headers.get("Content-Type", ""), reply.read()


def headers_of(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return {k.lower(): v for k, v in reply.headers.items()}


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def test_browser_command_prints_a_loopback_url_serving_neo4j_browser(
    private_server: dict[str, str],
) -> None:
    done = run_script(private_server, "browser")
    assert done.returncode == 0, done.stderr
    url = done.stdout.strip()
    match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/browser/", url)
    assert match, url
    status, content_type, body = get(url)
    assert status == 200
    assert content_type.startswith("text/html")
    page = body.decode("utf-8")
    assert "<title>Neo4j Browser</title>" in page
    # Every script of the page is a relative path served by this same server: no CDN.
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert scripts, page[:500]
    assert not [src for src in scripts if re.match(r"(https?:)?//", src)]
    status, content_type, bundle = get(url + scripts[0])
    assert status == 200 and "javascript" in content_type and len(bundle) > 1000
    # The HTTP connector listens on loopback only.
    addresses = listening_addresses(int(match.group(1)))
    assert addresses and addresses <= LOOPBACK, addresses
    # The page may load from and connect to this server only (no fonts.googleapis.com, no Sentry).
    bolt_port = (Path(private_server["NEO4J_LOCAL_DIR"]) / "bolt-port").read_text().strip()
    headers = headers_of(url)
    assert headers["access-control-allow-origin"] == f"http://127.0.0.1:{match.group(1)}"
    csp = headers["content-security-policy"]
    policy = dict(part.strip().split(" ", 1) for part in csp.split(";") if " " in part.strip())
    assert policy["connect-src"].split() == [
        "'self'",
        f"http://127.0.0.1:{match.group(1)}",
        f"ws://127.0.0.1:{bolt_port}",
        f"http://127.0.0.1:{bolt_port}",
    ]
    for directive in ("script-src", "style-src", "font-src", "img-src", "worker-src"):
        assert "http" not in policy[directive] and "*" not in policy[directive], (directive, policy[directive])


def test_discovery_points_the_browser_at_the_local_bolt_port(
    private_server: dict[str, str],
) -> None:
    state = Path(private_server["NEO4J_LOCAL_DIR"])
    bolt_port = int((state / "bolt-port").read_text())
    http_port = int((state / "http-port").read_text())
    status, _, body = get(f"http://127.0.0.1:{http_port}/")
    assert status == 200
    discovery = json.loads(body)
    assert discovery["bolt_direct"] == f"bolt://127.0.0.1:{bolt_port}"
    assert discovery["neo4j_version"].startswith("5.26.")
    assert discovery["neo4j_edition"] == "community"
    config = (state / "conf" / "neo4j.conf").read_text()
    assert f"server.http.listen_address=127.0.0.1:{http_port}" in config
    assert "client.allow_telemetry=false" in config
    shown = run_script(private_server, "status")
    assert shown.returncode == 0
    assert f"http://127.0.0.1:{http_port} serves Neo4j Browser" in shown.stdout


def test_browser_command_says_when_no_server_runs(tmp_path: Path) -> None:
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(tmp_path)}
    done = run_script(env, "browser")
    assert done.returncode == 3
    assert "not running" in done.stdout
    assert "http://" not in done.stdout


@pytest.mark.browser
def test_neo4j_browser_connects_and_runs_cypher_in_chromium(private_server: dict[str, str], browser: Any) -> None:
    """The real Browser app, in Debian's Chromium: connect over Bolt with the generated
    password, run a query, and see its answer; nothing is fetched from outside 127.0.0.1."""
    state = Path(private_server["NEO4J_LOCAL_DIR"])
    url = run_script(private_server, "browser").stdout.strip()
    password = (state / "password").read_text().strip()
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(url)
    page.wait_for_selector("[data-testid=boltaddress]", timeout=60000)
    page.wait_for_timeout(2000)  # the Browser redraws its connect frame once discovery answers
    form = page.locator("[data-testid=boltaddress]").first.locator("xpath=ancestor::form")
    assert (
        form.locator("[data-testid=boltaddress]").input_value()
        == f"127.0.0.1:{(state / 'bolt-port').read_text().strip()}"
    )
    form.locator("[data-testid=bolt-scheme-select]").select_option("bolt://")
    form.locator("[data-testid=username]").fill("neo4j")
    form.locator("[data-testid=password]").fill(password)
    form.locator("button:has-text('Connect')").click()
    page.wait_for_selector("text=Getting started with Neo4j Browser", timeout=30000)
    page.locator("[data-testid=activeEditor]").first.click()
    page.keyboard.type("RETURN 6 * 7 AS answer")
    page.keyboard.press("Control+Enter")
    cell = page.locator("[data-testid=frameContents]").filter(has_text="answer").first
    cell.wait_for(timeout=30000)
    assert "42" in cell.inner_text()
    assert fetched and all(u.startswith("http://127.0.0.1:") for u in fetched), fetched
