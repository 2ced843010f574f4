"""The seed corpus is the five documents unchanged, described by seeds/manifest.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHARED = SEEDS.parents[1] / "shared" / "seeds"


def manifest() -> list[dict[str, object]]:
    return json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["documents"]


def test_manifest_describes_every_seed_with_its_checksum() -> None:
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    entries = manifest()
    assert sorted(str(e["file"]) for e in entries) == files and len(files) == 5
    for entry in entries:
        data = (SEEDS / str(entry["file"])).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["language"] == "zh" and entry["title"] and entry["date"] and entry["noise"]


def test_seeds_are_the_shared_documents_unchanged() -> None:
    # CI clones the project with shared/ beside it; a plain clone elsewhere has only the manifest
    if not SHARED.is_dir():
        return
    for entry in manifest():
        shared = SHARED / str(entry["file"])
        assert hashlib.sha256(shared.read_bytes()).hexdigest() == entry["sha256"]
