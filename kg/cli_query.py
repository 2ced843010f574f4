"""``kg serve``: the built graph as a read-only SPARQL 1.1 endpoint (registered by kg/cli_commands.py)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.server import DEFAULT_HOST, DEFAULT_PORT, EndpointConfig


@click.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder written by `kg build` (reads kg.nq).")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to bind; anything but 127.0.0.1 exposes the graph to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before the endpoint answers 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows answered at most; more are cut and X-Result-Truncated: true is set.")
def serve(graph_dir: Path, host: str, port: int, timeout_s: float, max_rows: int) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV, TSV).

    \b
    Example:
      kg serve --graph out/ &
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \\
           --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.server import make_server
    from kg.sparql import open_store

    server = make_server(open_store(graph_dir), host, port, EndpointConfig(timeout_s=timeout_s, max_rows=max_rows))
    bound_host, bound_port = str(server.server_address[0]), server.server_address[1]
    click.echo(f"SPARQL endpoint on http://{bound_host}:{bound_port}/sparql (read-only); Ctrl-C stops it", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS: list[click.Command] = [serve]
