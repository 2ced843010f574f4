"""The commands that live outside kg/cli.py, gathered in one place."""

from __future__ import annotations

import importlib

import click

# module name -> attribute holding a list of click commands
_COMMAND_MODULES: tuple[tuple[str, str], ...] = (
    ("kg.cli_neo4j", "COMMANDS"),  # load neo4j, cypher
    ("kg.cli_query", "COMMANDS"),  # serve
    ("kg.cli_chain", "COMMANDS"),  # chain, viz
    ("kg.cli_exports", "COMMANDS"),  # export, import enterprises
    ("kg.cli_validate", "COMMANDS"),  # validate
)


def extra_commands() -> list[click.Command]:
    commands: list[click.Command] = []
    for module_name, attribute in _COMMAND_MODULES:
        module = importlib.import_module(module_name)
        commands.extend(getattr(module, attribute))
    return commands
