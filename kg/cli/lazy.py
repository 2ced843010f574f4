"""The ``kg`` group's commands from other modules, imported only when one is used.

Importing those modules pulls in rdflib, networkx and the Neo4j loader (0.7 s of the 0.8 s
``kg --help`` took), so the group knows each command by its name, module and one-line
summary, and imports the module when the command itself is asked for. tests/test_cli.py
checks every summary against the command's own help, so the two cannot drift apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

# name -> (module holding it in COMMANDS, the first sentence of its help)
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "load": ("kg.cli.neo4j", "Load the built graph into a database."),
    "cypher": ("kg.cli.neo4j", "Run a Cypher query (text, or a .cypher file) on Neo4j, else on the embedded engine."),
    "serve": ("kg.cli.serve", "Serve the built graph as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV, TSV)."),
    "chain": ("kg.cli.chain", "Report one industry chain: segments, enterprises, leaders, research, districts, gaps."),
    "viz": ("kg.cli.chain", "Write the explorer: index.html (overview), chain pages and district pages."),
    "export": (
        "kg.cli.transfer",
        "Export every entity and relation: graph.gexf (Gephi), graph.graphml, or "
        "nodes.csv + edges.csv (Gephi's spreadsheet import, Neo4j Bloom / LOAD CSV, "
        "Excel).",
    ),
    "import": ("kg.cli.transfer", "Import reference lists that chain reports and pages combine with the documents."),
    "validate": (
        "kg.cli.validate",
        "Validate a built graph against the SHACL shapes (exit code 5 when it does not conform).",
    ),
}


def _unlisted_modules(lazy: dict[str, tuple[str, str]]) -> list[str]:
    """Modules of kg.cli.commands whose commands LAZY_COMMANDS does not list (imported eagerly)."""
    from kg.cli.commands import _COMMAND_MODULES

    listed = {module for module, _ in lazy.values()}
    return [module for module, _ in _COMMAND_MODULES if module not in listed]


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands: those added directly, and LAZY_COMMANDS, imported on first access."""

    def __init__(self, lazy: dict[str, tuple[str, str]]) -> None:
        self._loaded: dict[str, click.Command] = {}
        self._lazy = dict(lazy)
        for module in _unlisted_modules(lazy):  # never lose a command the table does not name yet
            self._loaded.update({c.name: c for c in importlib.import_module(module).COMMANDS if c.name})

    def _import(self, name: str) -> None:
        module = importlib.import_module(self._lazy[name][0])
        for command in module.COMMANDS:
            if command.name is not None:
                self._loaded.setdefault(command.name, command)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded and name in self._lazy:
            self._import(name)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._lazy.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._loaded, *self._lazy}))

    def __len__(self) -> int:
        return len({*self._loaded, *self._lazy})

    def summary(self, name: str, limit: int) -> str:
        """The command's one-line help, without importing it when it is not loaded yet."""
        if name in self._loaded:
            return self._loaded[name].get_short_help_str(limit)
        return click.Command(name, help=self._lazy[name][1]).get_short_help_str(limit)  # click's own shortening


class LazyGroup(click.Group):
    """A click group whose help lists LAZY_COMMANDS without importing their modules."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.commands = LazyCommands(LAZY_COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        assert isinstance(self.commands, LazyCommands)
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("Commands"):
            formatter.write_dl([(name, self.commands.summary(name, limit)) for name in names])
