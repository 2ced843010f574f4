"""Options several ``kg`` commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

DEFAULT_GRAPH = Path("out")  # where `kg build` writes unless told otherwise
_F = TypeVar("_F", bound=Callable[..., Any])


def path_option(flag: str, dest: str, default: Path | None, help_text: str | None = None) -> Callable[[_F], _F]:
    """A file or folder the command reads or writes; a default it has shows in the help."""
    return click.option(flag, dest, type=click.Path(path_type=Path), default=default, show_default=True, help=help_text)


def number_option(flag: str, bounds: click.ParamType[Any], default: float | None, help_text: str) -> Callable[[_F], _F]:
    """A number within ``bounds`` (a click range, shown in the help with the default it has)."""
    return click.option(flag, type=bounds, default=default, show_default=True, help=help_text)


def graph_option(help_text: str, dest: str = "graph_dir") -> Callable[[_F], _F]:
    """``--graph``: the folder `kg build` wrote (default ``out``) that the command reads."""
    return path_option("--graph", dest, DEFAULT_GRAPH, help_text)
