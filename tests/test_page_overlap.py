"""scripts/page-overlap on real files: new pages sharing wording with the frozen part or with
each other are named with their counts; a clean page passes; an unreadable page is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "page-overlap"
FROZEN_PAGE = "青柳市重点发展新能源汽车产业，打造千亿级产业集群，建设国家级先进制造业基地。\n"
DEV_PAGE = "星河县聚焦新材料产业，引进了一批龙头企业。\n"
NEAR_COPY = (
    "北辰区今年共引进重大项目四十个，总投资超过三百亿元，其中制造业项目占六成以上，"
    "新开工项目二十五个，竣工投产项目十八个。\n"
)


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus, frozen_gold, new = tmp_path / "corpus", tmp_path / "frozen", tmp_path / "new"
    _write(corpus, "f1_city.txt", FROZEN_PAGE)
    _write(corpus, "d1_county.txt", DEV_PAGE)
    _write(frozen_gold, "f1_city.gold.jsonl", "")
    return corpus, frozen_gold, new


def _run(new: Path, corpus: Path, frozen_gold: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), str(new), "--corpus", str(corpus), "--frozen-gold", str(frozen_gold)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_pages_sharing_frozen_wording_or_copying_each_other_are_named(tmp_path: Path) -> None:
    corpus, frozen_gold, new = _setup(tmp_path)
    _write(new, "n1_quote.txt", "报道称，" + FROZEN_PAGE[:30] + "，当地企业积极响应。\n")
    _write(new, "n2_copy.txt", NEAR_COPY)
    _write(new, "n3_copy.txt", "据悉，" + NEAR_COPY)
    _write(new, "n4_clean.txt", "南岭镇举办农民丰收节，游客络绎不绝。\n")
    result = _run(new, corpus, frozen_gold)
    assert result.returncode == 1, result.stderr
    lines = {line.split(":")[0]: line for line in result.stdout.splitlines()}
    assert "frozen pages f1_city.txt" in lines["n1_quote.txt"]
    assert "new pages n3_copy.txt" in lines["n2_copy.txt"]
    assert "n4_clean.txt" not in lines
    assert FROZEN_PAGE[:12] not in result.stdout  # counts only, never the pages' words


def test_clean_pages_and_development_wording_pass(tmp_path: Path) -> None:
    corpus, frozen_gold, new = _setup(tmp_path)
    _write(new, "n1_dev.txt", "消息称" + DEV_PAGE)
    result = _run(new, corpus, frozen_gold)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "development pages (kept)" in result.stdout


def test_a_page_that_is_not_utf8_is_refused_with_its_name(tmp_path: Path) -> None:
    corpus, frozen_gold, new = _setup(tmp_path)
    new.mkdir()
    (new / "n1_big5.txt").write_bytes("青柳市新能源汽車".encode("big5"))
    result = _run(new, corpus, frozen_gold)
    assert result.returncode == 2
    assert "n1_big5.txt: not UTF-8 text" in result.stderr
    assert "no such folder" in _run(tmp_path / "missing", corpus, frozen_gold).stderr
