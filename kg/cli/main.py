"""The ``kg`` command line: a thin layer where each command is one library call.

Library errors (kg.errors.InnoKGError) become a one-line message on stderr and the
error's exit code; no traceback reaches the user. Every option can also come from the
environment as KG_<COMMAND>_<OPTION> (click's auto_envvar_prefix).

Exit codes: 0 success, 1 unexpected failure, 2 bad input or query (and usage errors),
3 output cannot be written, 4 server unreachable or credentials refused, 5 graph invalid.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.cli.lazy import LazyGroup
from kg.cli.options import DEFAULT_GRAPH, graph_option, number_option, path_option
from kg.errors import InnoKGError


def _progress(label: str):  # type: ignore[no-untyped-def]
    """A tqdm progress bar over a list, on stderr, hidden when stderr is not a terminal."""
    from tqdm import tqdm

    def wrap(items):  # type: ignore[no-untyped-def]
        return tqdm(items, desc=label, unit="doc", file=sys.stderr, disable=None, leave=False)

    return wrap


def _warn(message: str) -> None:
    click.echo(f"kg: warning: {message}", err=True)


# The commands of kg/cli/neo4j.py, serve.py, chain.py and transfer.py belong to the group
# from the start, and their modules load only when one of them runs (kg.cli.lazy), so
# `kg --help` and `kg build` do not import rdflib, networkx or the Neo4j driver for nothing.
@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "KG"})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """InnoKG: build and query a knowledge graph of Hefei's innovation ecosystem.

    \b
    Quick start:
      kg build --input seeds/ --out out/
      kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """


_PACK_HELP = (
    "Folder with your own gazetteer.tsv and/or patterns.jsonl (names and relation patterns "
    "for a city the package does not know); repeatable. See docs/packs.md."
)


_F = TypeVar("_F", bound=Callable[..., Any])


def _pack_option(function: _F) -> _F:
    return click.option("--pack", "packs", multiple=True, type=click.Path(path_type=Path), help=_PACK_HELP)(function)


class ByteSize(click.ParamType[int]):
    """A size in bytes written with an optional unit: 500M, 2G, 2048 (powers of 1024)."""

    name = "size"
    _UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B")
        number, unit = text.rstrip("KMGT"), text[len(text.rstrip("KMGT")) :]
        try:
            size = float(number) * self._UNITS[unit]
        except (ValueError, KeyError):
            self.fail(f"{value!r} is no size: write a number with K, M, G or T after it (500M, 2G)", param, ctx)
        if size < 0:
            self.fail(f"{value!r}: a size cannot be negative", param, ctx)
        return int(size)


@cli.command()
@path_option(
    "--input", "input", Path("seeds"), "Folder of .txt/.md documents (a manifest.json beside them is optional)."
)
@path_option(
    "--out", "out", DEFAULT_GRAPH, "Output folder; previous outputs are replaced only when the build succeeds."
)
@number_option(
    "--workers", click.IntRange(min=1), 1, "Extract documents in this many processes (the outputs are the same bytes)."
)
@click.option(
    "--dask",
    "dask",
    metavar="tcp://HOST:PORT",
    default=None,
    help="Extract documents on this Dask scheduler's workers instead (same bytes).",
)
@path_option(
    "--cache",
    "cache",
    None,
    "Extraction cache folder [default: $XDG_CACHE_HOME/innokg/extractions]: a document "
    "whose bytes and extractor are unchanged is not extracted again.",
)
@click.option("--no-cache", is_flag=True, help="Extract every document, reading and writing no cache.")
@click.option(
    "--cache-limit",
    "cache_limit",
    type=ByteSize(),
    default="2G",
    show_default=True,
    help="Most the extraction cache keeps after the build (e.g. 500M, 10G; 0 empties it): "
    "the least recently used entries are removed first.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Make every output anew, even where the build already in --out can be patched "
    "(by default a few documents added, changed or removed are patched in).",
)
@_pack_option
def build(
    input: Path,
    out: Path,
    workers: int,
    dask: str | None,
    cache: Path | None,  # noqa: A002
    no_cache: bool,
    cache_limit: int,
    full: bool,
    packs: tuple[Path, ...],
) -> None:  # names give KG_BUILD_INPUT / _OUT / _DASK / _CACHE …
    """Build the graph from a folder of documents and write every output.

    Writes kg.ttl, kg.jsonld, kg.trig, kg.nq (one named graph per document),
    entities.jsonl, relations.jsonl, graph.json, report.json / report.md, and the logs
    merges.jsonl (every name variant folded into an entity, and why) and dropped.jsonl
    (everything a stage left out, and why).

    \b
    Example:
      kg build --input seeds/ --out out/
      kg build --input pages/ --out out/ --pack my_city/
      kg build --input corpus/ --out out/ --workers 4
      kg build --input corpus/ --out out/ --dask tcp://scheduler:8786
      kg build --input corpus/ --out out/ --full    # no patch of the build in out/
    """
    from kg.graph.build import BuildOptions
    from kg.graph.build import build as run_build
    from kg.graph.extraction import default_cache_dir
    from loaders.lexicon.packs import using_packs

    options = BuildOptions(
        cache_dir=None if no_cache else (cache or default_cache_dir()),
        cache_limit=cache_limit,
        workers=workers,
        dask_address=dask,
        full=full,
    )
    with using_packs(list(packs)):
        report = run_build(input, out, warn=_warn, progress=_progress("extracting"), options=options)
    n_ent = sum(report.entities_per_class.values())
    n_rel = sum(report.relations_per_type.values())
    stats = options.stats
    cached = stats.documents - stats.extracted
    done = "patched" if "patch" in options.phases else "built"  # a few documents added, changed or removed
    click.echo(
        f"{done} {out}: {len(report.documents)} documents, {n_ent} entities, {n_rel} relations, "
        f"{sum(report.dropped.values())} dropped items, SHACL conforms, {report.seconds:.2f} s "
        f"(extracted {stats.extracted} of {stats.documents} documents in {stats.where}, {cached} from the cache)"
    )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@_pack_option
def extract(files: tuple[Path, ...], fmt: str, packs: tuple[Path, ...]) -> None:
    """Extract entities and relations from FILES; one JSON object per line on stdout.

    Streams: each document's lines are printed (and flushed) as soon as that document is
    done, in the order given, and memory stays bounded by the largest single document.

    Before anything is printed, every FILE is checked to exist, be a regular file of a
    known type (.txt, .md, .pdf, .docx, .html) and be readable: a mistyped name prints
    nothing (exit 2). A file whose content is bad (binary, undecodable, a broken PDF) is
    found when its turn comes: the command stops there, naming it (exit 2), after the
    complete lines of the documents before it; no document is ever printed in part.

    \b
    Example:
      kg extract seeds/002_254ccf3dff91ce83.txt --format jsonl | head
      kg extract corpus/*.txt > extractions.jsonl
    """
    from kg.graph.extract import extract_texts
    from loaders.lexicon.packs import using_packs

    with using_packs(list(packs)):
        # A bar on stderr only when stdout goes elsewhere: on one terminal it would cut the lines.
        progress = None if sys.stdout.isatty() else _progress("extracting")
        for text in extract_texts(list(files), warn=_warn, progress=progress):
            click.echo(text, nl=False)  # one write per document; click.echo flushes it


@cli.command()
@click.argument("query")
@graph_option("Folder written by `kg build`.", dest="graph")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def sparql(query: str, graph: Path, fmt: str) -> None:
    """Run a SPARQL query (text, or a .rq file) over the built graph (pyoxigraph).

    The default graph is the union of every document's named graph.

    \b
    Example:
      kg sparql queries/facilities_and_chains.rq --format csv
    """
    from kg.query.result import format_result
    from kg.query.sparql import open_checked, read_query, run_query

    text = read_query(query)
    result = run_query(open_checked(graph, text), text)
    click.echo(format_result(result, fmt), nl=False)


@cli.command(name="eval")
@click.option(
    "--gold",
    "gold_files",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path),
    help="Gold JSONL file (repeatable); format in docs/annotation.md.",
)
@path_option("--input", "input", Path("seeds"), "Folder holding the documents the gold file names.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_pack_option
def evaluate(gold_files: tuple[Path, ...], input: Path, fmt: str, packs: tuple[Path, ...]) -> None:  # noqa: A002
    """Score extraction against a gold file: P/R/F1 per class and relation type.

    \b
    Example:
      kg eval --gold tests/gold/gold.jsonl
    """
    from kg.graph.evaluate import evaluate_files, format_scores
    from loaders.lexicon.packs import using_packs

    with using_packs(list(packs)):
        scores = evaluate_files(list(gold_files), input)
    click.echo(format_scores(scores, fmt), nl=False)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except InnoKGError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        return 130
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
