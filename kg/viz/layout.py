"""Node positions for the overview network, computed in Python so that the page needs no
physics simulation and the same graph always looks the same.

A Fruchterman-Reingold spring layout with a fixed seed. Repulsion is only computed between
nodes in neighbouring grid cells, so a 5,000-node graph lays out in seconds in pure Python
(no numpy needed).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable

DEFAULT_SEED = 42


def _cells(pos: dict[str, list[float]], size: float) -> dict[tuple[int, int], list[str]]:
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)
    for node, (x, y) in pos.items():
        cells[(int(x // size), int(y // size))].append(node)
    return cells


def _repulse(pos: dict[str, list[float]], k: float, disp: dict[str, list[float]]) -> None:
    size = 1.5 * k  # nodes further apart than this barely push each other
    cells = _cells(pos, size)
    for (cx, cy), members in cells.items():
        neighbours = [n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in cells.get((cx + dx, cy + dy), ())]
        for a in members:
            ax, ay = pos[a]
            for b in neighbours:
                if a == b:
                    continue
                dx, dy = ax - pos[b][0], ay - pos[b][1]
                dist2 = dx * dx + dy * dy or 1e-4
                force = k * k / dist2
                disp[a][0] += dx * force
                disp[a][1] += dy * force


def _attract(pos: dict[str, list[float]], edges: list[tuple[str, str]], k: float, disp: dict[str, list[float]]) -> None:
    for a, b in edges:
        dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
        dist = math.hypot(dx, dy) or 1e-2
        force = dist / k
        disp[a][0] -= dx * force
        disp[a][1] -= dy * force
        disp[b][0] += dx * force
        disp[b][1] += dy * force


def spring_layout(
    nodes: Iterable[str],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int = DEFAULT_SEED,
    iterations: int | None = None,
    spacing: float = 90.0,
) -> dict[str, tuple[float, float]]:
    """Positions (in pixels, centred near 0,0) for every node; deterministic for a seed."""
    order = sorted(set(nodes))
    rng = random.Random(seed)
    side = spacing * math.sqrt(max(len(order), 1))
    pos = {n: [rng.uniform(-side / 2, side / 2), rng.uniform(-side / 2, side / 2)] for n in order}
    links = sorted({(a, b) for a, b in edges if a != b and a in pos and b in pos})
    temperature = side / 10
    # Big graphs get fewer rounds: the overview only needs clusters to separate.
    rounds = iterations if iterations is not None else (60 if len(order) <= 1000 else 20)
    for _ in range(rounds):
        disp = {n: [0.0, 0.0] for n in order}
        _repulse(pos, spacing, disp)
        _attract(pos, links, spacing, disp)
        for n in order:
            dx, dy = disp[n]
            length = math.hypot(dx, dy) or 1e-9
            step = min(length, temperature)
            pos[n][0] += dx / length * step
            pos[n][1] += dy / length * step
        temperature = max(temperature * (0.93 if rounds >= 60 else 0.85), 1.0)
    return {n: (round(pos[n][0], 1), round(pos[n][1], 1)) for n in order}
