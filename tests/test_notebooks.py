"""The notebooks run top to bottom against a freshly built seeds graph, so they cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _outputs(nb: nbformat.NotebookNode) -> str:
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", "") or str(output.get("data", {}).get("text/plain", "")))
    return "".join(texts)


def test_there_are_at_least_two_notebooks() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"researcher_tour.ipynb", "chain_analysis.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_clean(path: Path, seeds_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INNOKG_GRAPH", str(seeds_build))  # the kernel inherits the environment
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = _outputs(nb)
    assert str(seeds_build.resolve()) in text  # it read the graph we built, not a stale out/
    assert "rows)" in text or "relations" in text
