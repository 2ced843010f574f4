"""`kg extract` streams: a document's lines are out before a later file is even read.

The streaming test runs the real command in a subprocess. Its last input is a placeholder
of binary bytes, which the reader refuses ("binary file"); only after the first document's
lines have arrived is it replaced by a real document. A command that read every file before
printing (as `kg extract` once did) fails on the placeholder and prints nothing; a streaming
one prints the replacement's extraction. The stdout pipe is shrunk to one page, so the
command is still blocked writing the first document when the file is swapped (no race).
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from kg.cli.main import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BIG = SEEDS / "003_3f9495fbbafcbe88.txt"  # about 235 KB of lines: far more than the pipe holds
LATER = SEEDS / "000_1ed1f031dbaf98bf.txt"
KG_MAIN = "import sys\nfrom kg.cli.main import main\nsys.exit(main(sys.argv[1:]))\n"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
REPO = Path(__file__).resolve().parents[1]


def extract_in_process(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, str, str]:
    code = main(["extract", *map(str, files)])
    out, err = capsys.readouterr()
    return code, out, err


def read_line_within(stream: IO[bytes], seconds: float) -> bytes:
    """One line, or fail after ``seconds`` (a non-streaming command would print none)."""
    ready, _, _ = select.select([stream], [], [], seconds)
    assert ready, f"no line on stdout within {seconds:.0f} s"
    return stream.readline()


@pytest.fixture()
def expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `kg extract BIG later.txt` prints when both files are there from the start."""
    folder = tmp_path / "reference"
    folder.mkdir()
    shutil.copy(BIG, folder / BIG.name)
    shutil.copy(LATER, folder / "later.txt")
    code, out, _ = extract_in_process(capsys, folder / BIG.name, folder / "later.txt")
    assert code == 0
    return out


def test_first_document_is_printed_before_the_last_file_is_read(tmp_path: Path, expected: str) -> None:
    later = tmp_path / "later.txt"
    later.write_bytes(BINARY)  # refused if read now
    proc = subprocess.Popen(
        [sys.executable, "-c", KG_MAIN, "extract", str(BIG), str(later)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        bufsize=0,
    )  # unbuffered: communicate() below reads the fd itself
    assert proc.stdout is not None
    try:
        fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)
        first = read_line_within(proc.stdout, 300)
        assert first, "stdout closed with no line: the command read the placeholder before printing"
        assert json.loads(first)["doc"] == BIG.name
        assert proc.poll() is None, "the command ended before the last file was swapped"
        staged = tmp_path / "staged.txt"
        shutil.copy(LATER, staged)
        os.replace(staged, later)  # atomically: the reader sees the binary bytes or the seed
        rest, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode()
    assert (first + rest).decode("utf-8") == expected


def test_a_bad_file_stops_at_its_turn_after_whole_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], expected: str
) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(BINARY)
    code, out, err = extract_in_process(capsys, BIG, bad, LATER)
    assert code == 2
    assert "scan.txt" in err and "binary" in err and "Traceback" not in err
    big_lines = [line for line in expected.splitlines(keepends=True) if json.loads(line)["doc"] == BIG.name]
    assert out == "".join(big_lines)  # the first document whole, nothing of the bad one or after it


@pytest.mark.parametrize("make_bad", ["missing", "folder", "suffix"])
def test_a_file_that_cannot_be_a_document_stops_before_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_bad: str
) -> None:
    bad = tmp_path / {"missing": "nowhere.txt", "folder": "a-folder.txt", "suffix": "table.xlsx"}[make_bad]
    if make_bad == "folder":
        bad.mkdir()
    elif make_bad == "suffix":
        bad.write_bytes(b"PK\x03\x04")
    started = time.perf_counter()
    code, out, err = extract_in_process(capsys, BIG, LATER, bad)
    assert code == 2 and out == ""
    assert bad.name in err and "Traceback" not in err
    # Refused by the check before extraction: far quicker than extracting BIG (~1 s).
    assert time.perf_counter() - started < 0.5
