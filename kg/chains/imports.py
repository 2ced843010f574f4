"""Enterprise lists a planner imports (a registry extract, a park's own list), kept beside the
built graph and combined with what the documents say.

``kg import enterprises FILE.csv --graph out/`` reads a CSV with the columns
``name, district, chain, segment, source`` (Chinese headers 名称/企业, 区县, 产业链, 环节, 来源
work too) and the optional ``status`` (``缺口`` / ``gap`` marks a segment the list says is
missing; ``name`` may then be empty) and ``note``. Rows are checked against the chain scheme
and stored in ``out/imports.json``, which survives a rebuild; the chain reports and pages
mark every imported fact as imported ("导入 imported") and name the list it came from.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import InputError
from kg.outputs import ensure_writable_dir, write_atomic

IMPORTS_FILE = "imports.json"
FORMAT_VERSION = 1
# Accepted header spellings -> field name.
HEADERS: dict[str, str] = {
    "name": "name",
    "enterprise": "name",
    "名称": "name",
    "企业": "name",
    "企业名称": "name",
    "district": "district",
    "place": "district",
    "区县": "district",
    "所在区县": "district",
    "区域": "district",
    "chain": "chain",
    "产业链": "chain",
    "segment": "segment",
    "环节": "segment",
    "产业链环节": "segment",
    "source": "source",
    "来源": "source",
    "数据来源": "source",
    "status": "status",
    "状态": "status",
    "note": "note",
    "备注": "note",
    "说明": "note",
}
GAP_STATUSES = frozenset({"缺口", "gap", "补链", "补链目标", "空白", "短板", "missing"})
REQUIRED = ("name", "chain", "source")


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One row of an imported list, as given (names are resolved when a report is made)."""

    file: str  # base name of the CSV it came from
    line: int  # line number in that file (the header is line 1)
    name: str  # enterprise name; "" for a row that only states a gap
    district: str
    chain: str
    segment: str
    source: str  # the list's own name for where the row comes from ("合肥市企业名录 2024")
    status: str = ""  # "" (present) or "gap"
    note: str = ""

    @property
    def is_gap(self) -> bool:
        return self.status == "gap"

    def sentence(self) -> str:
        """The row read out, shown where a document would show its evidence sentence."""
        what = f"{self.name}：" if self.name else ""
        parts = [p for p in (self.chain, self.segment, self.district) if p]
        status = "（缺口 gap）" if self.is_gap else ""
        note = f"；{self.note}" if self.note else ""
        return f"导入清单「{self.source}」{what}{' / '.join(parts)}{status}{note}"


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not UTF-8 or GB18030 text")


def read_enterprise_csv(path: Path) -> list[ImportedRow]:
    """Parse an enterprise list; InputError names the file, line and column of any problem."""
    try:
        text = _decode(path.read_bytes(), path)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise InputError(f"{path}: empty file; expected a header with {', '.join(REQUIRED)}") from exc
    fields = [HEADERS.get(h.strip().casefold(), HEADERS.get(h.strip(), "")) for h in header]
    missing = [f for f in ("chain", "source") if f not in fields]
    if missing:
        raise InputError(
            f"{path}: header lacks {', '.join(missing)} (columns: name, district, chain, segment, "
            "source[, status, note])"
        )
    rows: list[ImportedRow] = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {f: "" for f in HEADERS.values()}
        for f, cell in zip(fields, cells, strict=False):
            if f:
                values[f] = cell.strip()
        status = "gap" if values["status"].casefold() in GAP_STATUSES else ""
        if values["status"] and not status and values["status"].casefold() not in ("present", "有", "已有", "在地"):
            raise InputError(f"{path}:{line}: status {values['status']!r} is neither empty nor 缺口/gap")
        for f in REQUIRED:
            if not values[f] and not (f == "name" and status == "gap"):
                raise InputError(f"{path}:{line}: column {f} is empty")
        if status == "gap" and not values["segment"] and not values["district"]:
            raise InputError(f"{path}:{line}: a gap row needs a segment or a district")
        rows.append(
            ImportedRow(
                path.name,
                line,
                values["name"],
                values["district"],
                values["chain"],
                values["segment"],
                values["source"],
                status,
                values["note"],
            )
        )
    return rows


def imports_path(graph_dir: Path) -> Path:
    return (graph_dir.parent if graph_dir.suffix == ".json" else graph_dir) / IMPORTS_FILE


def load_imports(graph_dir: Path) -> list[ImportedRow]:
    """Rows imported into ``graph_dir`` so far (none when nothing was imported)."""
    path = imports_path(graph_dir)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [ImportedRow(**row) for row in data["enterprises"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a readable imports file ({exc}); import the lists again") from exc


def save_imports(graph_dir: Path, new_rows: list[ImportedRow], replace: bool = False) -> list[ImportedRow]:
    """Store ``new_rows``; rows imported earlier from a file of the same name are replaced."""
    files = {r.file for r in new_rows}
    kept = [] if replace else [r for r in load_imports(graph_dir) if r.file not in files]
    rows = kept + new_rows
    path = imports_path(graph_dir)
    ensure_writable_dir(path.parent)
    payload = {"format": FORMAT_VERSION, "enterprises": [asdict(r) for r in rows]}
    write_atomic(path, (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return rows
