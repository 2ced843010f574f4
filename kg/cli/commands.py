"""The modules that hold the ``kg`` group's commands beyond kg/cli/main.py.

Each module exposes ``COMMANDS``. kg/cli/lazy.py names every command with its module so
that ``kg --help`` lists them all without importing rdflib, networkx or the Neo4j driver;
a module is imported when one of its commands runs. tests/test_cli_lazy.py checks that
this list, the lazy table and the modules' own COMMANDS agree."""

from __future__ import annotations

# (module, attribute holding its list of click commands)
_COMMAND_MODULES: tuple[tuple[str, str], ...] = (
    ("kg.cli.neo4j", "COMMANDS"),  # load neo4j (+ neo4j-import, neo4j-finish), cypher
    ("kg.cli.serve", "COMMANDS"),  # serve
    ("kg.cli.chain", "COMMANDS"),  # chain, viz
    ("kg.cli.transfer", "COMMANDS"),  # export, import enterprises
    ("kg.cli.validate", "COMMANDS"),  # validate
)
