"""An installed wheel holds everything a build needs: ontology, queries, reference data,
patterns, page templates. The wheel is built from this checkout and unpacked into a folder
that is put first on the path, so the build below runs from the wheel's files only."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BUILD_FROM_WHEEL = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import kg, loaders
assert Path(kg.__file__).is_relative_to(sys.argv[1]), kg.__file__
assert Path(loaders.__file__).is_relative_to(sys.argv[1]), loaders.__file__
from kg.graph.build import build
from kg.query.catalogue import load_catalogue
report = build(Path(sys.argv[2]), Path(sys.argv[3]), warn=lambda message: None)
print(len(report.documents), sum(report.relations_per_type.values()), len(load_catalogue()))
"""


def build_wheel(folder: Path) -> Path:
    """The wheel of this checkout, built by pip into ``folder``."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(folder.glob("innokg-*.whl"))


def test_a_wheel_builds_the_graph_with_nothing_but_its_own_files(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    run = subprocess.run(
        [sys.executable, "-c", BUILD_FROM_WHEEL, str(unpacked), str(ROOT / "seeds"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    documents, relations, questions = map(int, run.stdout.split())
    assert documents == 5 and relations > 200 and questions == 21
    assert (tmp_path / "out" / "kg.nq").stat().st_size > 0


def test_a_wheel_installed_in_a_fresh_venv_builds_the_seeds(tmp_path: Path) -> None:
    """The way a user installs it: `pip install innokg-….whl` into a new virtual environment
    (dependencies from the package index, pip's cache when warm), then the `kg` command it
    installs, run outside the checkout."""
    wheel = build_wheel(tmp_path / "dist")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    out = tmp_path / "out"
    run = subprocess.run(
        [str(venv / "bin" / "kg"), "build", "--input", str(ROOT / "seeds"), "--out", str(out), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "SHACL conforms" in run.stdout + run.stderr
    assert (out / "kg.nq").stat().st_size > 0
    assert (out / "report.json").exists()
