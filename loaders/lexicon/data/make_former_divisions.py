"""Regenerate ``former_divisions.tsv`` from the change list of the PyPI package ``jionlp``.

Usage::

    pip download --no-deps jionlp==1.5.31 -d /tmp/jio && unzip -o /tmp/jio/jionlp-*.whl -d /tmp/jio
    python loaders/lexicon/data/make_former_divisions.py /tmp/jio

Pages written before a county became a city or a district (禄丰县 → 禄丰市, 南和县 → 南和区)
or before a city was renamed (襄樊市 → 襄阳市) still use the old name. Each row gives a former
name, the date of the change, and the code and name of the division that carries it on today
(``divisions.tsv``). A change whose new division is not in ``divisions.tsv``, a former name
that is still some division's name, and a former name under three characters (城区, 矿区,
任县: ordinary words, or the end of 担任县…) are left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHANGES = "jionlp/dictionary/china_location_change.txt"
LICENSE = "jionlp-1.5.31.dist-info/licenses/LICENSE"
MIN_NAME_CHARS = 3
# Full names on each side of "=>": province, prefecture, county (short forms sit between).
_FULL_NAME_FIELDS = (0, 2, 4)


def _divisions(path: Path) -> dict[tuple[str, str], str]:
    """Code by (name, parent's name); names of provinces under the parent ""."""
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    names = {code: name for code, name, _parent, _level in rows}
    return {(name, names.get(parent, "")): code for code, name, parent, _level in rows}


def _change(line: str) -> tuple[str, str, str, str, str] | None:
    """(date, former name, former parent, new name, new parent) of one line of the list."""
    before, sep, after = line.rstrip("\n").partition("=>")
    if not sep:
        return None
    old = before.split("\t")[2:]
    old_full = [old[i] for i in _FULL_NAME_FIELDS if i < len(old)]
    new = after.split("\t")
    if len(old_full) < 2 or len(new) != len(old_full):
        return None
    return before.split("\t")[0], old_full[-1], old_full[-2], new[-1], new[-2]


def build_rows(changes: list[str], divisions: dict[tuple[str, str], str]) -> list[tuple[str, str, str, str]]:
    current = {name for name, _parent in divisions}
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in changes:
        change = _change(line)
        if change is None:
            continue
        date, former, _former_parent, name, parent = change
        code = divisions.get((name, parent))
        if code is None or former == name or former in current or len(former) < MIN_NAME_CHARS:
            continue
        rows.setdefault(former, (former, date, code, name))
    return sorted(rows.values(), key=lambda row: (row[2], row[0]))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(argv[1])
    here = Path(__file__).parent
    changes = (package / CHANGES).read_text(encoding="utf-8").splitlines()
    rows = build_rows(changes, _divisions(here / "divisions.tsv"))
    with (here / "former_divisions.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("former_name\tchanged\tcode\tname\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    (here / "LICENSE.jionlp").write_text((package / LICENSE).read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {len(rows)} former names to {here / 'former_divisions.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
