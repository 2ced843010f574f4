"""Options several ``kg`` commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

DEFAULT_GRAPH = Path("out")  # where `kg build` writes unless told otherwise
_F = TypeVar("_F", bound=Callable[..., Any])


def graph_option(help_text: str, dest: str = "graph_dir") -> Callable[[_F], _F]:
    """``--graph``: the folder `kg build` wrote (default ``out``) that the command reads."""
    return click.option(
        "--graph",
        dest,
        type=click.Path(path_type=Path),
        default=DEFAULT_GRAPH,
        show_default=True,
        help=help_text,
    )
