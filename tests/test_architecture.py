"""The documented layout is the layout: every package (a folder with __init__.py) under kg/
and loaders/ is named in docs/architecture.md ("Packages") and in the README's "How it
works", and every package named there exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_ROOTS = ("kg", "loaders")
# a package path as the docs write it: kg/, loaders/read/formats/ (a trailing slash)
NAMED = re.compile(r"(?<![\w./-])((?:kg|loaders)(?:/[A-Za-z_]\w*)*/)(?![\w.])")


def packages() -> set[str]:
    found = set()
    for root in PACKAGE_ROOTS:
        for init in (ROOT / root).rglob("__init__.py"):
            folder = init.parent.relative_to(ROOT)
            if "__pycache__" not in folder.parts:
                found.add(folder.as_posix() + "/")
    return found


def section(text: str, header: str) -> str:
    start = text.index(header + "\n")
    following = re.search(r"^## ", text[start + len(header) :], flags=re.M)
    return text[start : start + len(header) + following.start()] if following else text[start:]


def named(path: Path, header: str) -> set[str]:
    return set(NAMED.findall(section(path.read_text(encoding="utf-8"), header)))


DOCS = [(ROOT / "docs" / "architecture.md", "## Packages"), (ROOT / "README.md", "## How it works")]


def test_there_are_packages_to_check() -> None:
    assert {"kg/", "loaders/", "kg/cli/", "loaders/relations/rules/"} <= packages()


@pytest.mark.parametrize(("doc", "header"), DOCS, ids=[d.name for d, _ in DOCS])
def test_every_package_is_documented(doc: Path, header: str) -> None:
    missing = sorted(packages() - named(doc, header))
    assert not missing, f"{doc.relative_to(ROOT)} ({header}) does not name: {missing}"


@pytest.mark.parametrize(("doc", "header"), DOCS, ids=[d.name for d, _ in DOCS])
def test_every_documented_package_exists(doc: Path, header: str) -> None:
    stale = sorted(named(doc, header) - packages())
    assert not stale, f"{doc.relative_to(ROOT)} ({header}) names packages that do not exist: {stale}"


def test_no_folder_of_modules_without_init() -> None:
    """A folder of .py files without __init__.py would be an undocumented namespace package."""
    loose = sorted(
        p.parent.relative_to(ROOT).as_posix()
        for root in PACKAGE_ROOTS
        for p in (ROOT / root).rglob("*.py")
        if not (p.parent / "__init__.py").exists() and p.parent.name != "data" and "data" not in p.parent.parts
    )
    assert not loose, f"modules outside any package: {loose}"
