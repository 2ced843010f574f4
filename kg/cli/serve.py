"""``kg serve``: the built graph as a read-only SPARQL 1.1 endpoint (registered by kg/cli/commands.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.cli.options import graph_option, number_option
from kg.query.server import DEFAULT_HOST, DEFAULT_PORT, EndpointConfig

_F = TypeVar("_F", bound=Callable[..., Any])


def _seconds_option(flag: str, dest: str, help_text: str) -> Callable[[_F], _F]:
    """A time limit of at least 0.1 s, 10 s unless told: a query's and a request's."""
    return click.option(flag, dest, type=click.FloatRange(min=0.1), default=10.0, show_default=True, help=help_text)


@click.command()
@graph_option("Folder written by `kg build` (reads kg.nq).")
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to bind; anything but 127.0.0.1 exposes the graph to the network.",
)
@number_option("--port", click.IntRange(0, 65535), DEFAULT_PORT, "TCP port, 1-65535 (0 picks a free one).")
@_seconds_option(
    "--timeout", "timeout_s", "Seconds a query may run; then its worker process is killed and the answer is 503."
)
@number_option(
    "--max-rows",
    click.IntRange(min=1),
    10_000,
    "Rows answered at most; more are cut and X-Result-Truncated: true is set.",
)
@number_option(
    "--workers", click.IntRange(1, 64), None, "Query worker processes [default: the number of CPUs, 2 to 4]."
)
@number_option(
    "--max-connections",
    click.IntRange(1, 10_000),
    256,
    "Open connections at most; past it a new one gets 503 and is closed.",
)
@_seconds_option(
    "--request-timeout", "header_timeout_s", "Seconds a client has to send a whole request (and to stay idle)."
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="A web origin (e.g. http://localhost:3000) whose pages may query the endpoint; "
    "repeatable. Without it no CORS header is sent and other origins get 403.",
)
@click.option(
    "--allow-host",
    "extra_hosts",
    multiple=True,
    metavar="NAME",
    help="Another Host header value to accept (e.g. the machine's name when binding 0.0.0.0); "
    "repeatable. Others get 403, which stops DNS rebinding.",
)
def serve(
    graph_dir: Path,
    host: str,
    port: int,
    timeout_s: float,
    max_rows: int,
    workers: int | None,
    max_connections: int,
    header_timeout_s: float,
    cors_origins: tuple[str, ...],
    extra_hosts: tuple[str, ...],
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV, TSV).

    GET / (or /query) in a browser opens the query page: an editor with the competency
    questions of queries/, results as a table and a CSV download; it needs no network.

    \b
    Example:
      kg serve --graph out/ &
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \\
           --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.query.server import make_server
    from kg.query.sparql import open_store

    config = EndpointConfig(
        timeout_s=timeout_s,
        max_rows=max_rows,
        max_connections=max_connections,
        header_timeout_s=header_timeout_s,
        cors_origins=tuple(cors_origins),
        extra_hosts=tuple(extra_hosts),
    )
    if workers is not None:
        config = replace(config, workers=workers)
    server = make_server(open_store(graph_dir), host, port, config)
    bound_host, bound_port = str(server.server_address[0]), server.server_address[1]
    click.echo(
        f"SPARQL endpoint on http://{bound_host}:{bound_port}/sparql (read-only), "
        f"query page on http://{bound_host}:{bound_port}/; Ctrl-C stops it",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS: list[click.Command] = [serve]
