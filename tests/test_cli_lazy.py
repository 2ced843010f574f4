"""``kg --help`` lists every command without importing the heavy modules behind them."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli.commands import _COMMAND_MODULES
from kg.cli.lazy import LAZY_COMMANDS
from kg.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("rdflib", "networkx", "neo4j", "pyoxigraph", "kglite", "kg.query.server", "kg.chains.report")


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_each_summary_is_the_commands_own(name: str) -> None:
    command = cli.commands[name]
    for limit in (30, 45, 60, 120):
        assert cli.commands.summary(name, limit) == command.get_short_help_str(limit), (name, limit)  # type: ignore[attr-defined]


def test_every_command_module_is_listed_with_all_its_commands() -> None:
    modules = {module for module, _ in _COMMAND_MODULES}
    assert modules == {module for module, _ in LAZY_COMMANDS.values()}
    for module in modules:
        for command in importlib.import_module(module).COMMANDS:
            assert LAZY_COMMANDS[command.name][0] == module, command.name


def test_help_imports_no_engine_and_names_every_command() -> None:
    probe = (
        "import sys\nfrom kg.cli.main import main\nmain(['--help'])\n"
        f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert "LOADED []" in done.stdout, (done.stdout, done.stderr)
    for name in [*LAZY_COMMANDS, "build", "extract", "sparql", "eval"]:
        assert f"\n  {name} " in done.stdout, name


def test_a_lazy_command_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli.main import main

    assert main(["cypher", "--help"]) == 0
    assert "Usage: kg cypher" in capsys.readouterr().out
