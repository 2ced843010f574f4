"""``kg serve``: the built graph as a read-only SPARQL 1.1 endpoint (registered by kg/cli/commands.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from kg.cli.options import graph_option
from kg.query.server import DEFAULT_HOST, DEFAULT_PORT, EndpointConfig


@click.command()
@graph_option("Folder written by `kg build` (reads kg.nq).")
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to bind; anything but 127.0.0.1 exposes the graph to the network.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="TCP port, 1-65535 (0 picks a free one).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run; then its worker process is killed and the answer is 503.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Rows answered at most; more are cut and X-Result-Truncated: true is set.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Query worker processes [default: the number of CPUs, 2 to 4].",
)
@click.option(
    "--max-connections",
    type=click.IntRange(1, 10_000),
    default=256,
    show_default=True,
    help="Open connections at most; past it a new one gets 503 and is closed.",
)
@click.option(
    "--request-timeout",
    "header_timeout_s",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send a whole request (and to stay idle).",
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
