"""The JSON files and the Cypher store made in a forked child (kg.graph.aside): the same
bytes as made in the build's own process, the work done here when the child fails, and no
child left behind by a build that stops early."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from test_build_scale import REPO, SEEDS, outputs

from kg.graph import aside
from kg.graph.aside import Aside
from kg.graph.build import BuildOptions, build

TESTS = Path(__file__).resolve().parent


def in_a_fresh_process(check: str) -> None:
    """Run the function ``check`` of this module in a new interpreter. A build forks only
    while its process has no other thread, and this test session has some (native thread
    pools of libraries that earlier tests loaded); a fresh process of this machine (two
    cores or more, memory to spare) has none, so there the fork must happen."""
    script = (
        "import test_build_aside as t\n"
        "from kg.graph import aside\n"
        "assert aside._can_fork(), 'a fresh process here must be able to fork'\n"
        f"t.{check}()\n"
    )
    path = os.pathsep.join([str(TESTS), str(REPO), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=TESTS,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def check_files_of_any_size_and_name_come_back_whole() -> None:
    files = {"a.json": b"", "store/b.kgl": bytes(range(256)) * 4000, "文本/c.txt": "合肥".encode() * 100_000}
    with Aside(lambda: dict(files)) as work:
        assert work.pid
        assert work.result() == files
        assert work.seconds[0] > 0.0


def check_a_child_that_fails_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def work() -> dict[str, bytes]:
        if os.getpid() != parent:
            raise MemoryError("the child ran out")
        return {"x": b"made here"}

    with Aside(work) as failing:
        assert failing.result() == {"x": b"made here"}
        assert failing.seconds == (0.0, 0.0)


def check_an_error_of_the_work_is_raised_in_this_process() -> None:
    def work() -> dict[str, bytes]:
        raise ValueError("no such label")

    with Aside(work) as failing, pytest.raises(ValueError, match="no such label"):
        failing.result()


def check_a_build_that_stops_early_leaves_no_child() -> None:
    def work() -> dict[str, bytes]:
        time.sleep(60)
        return {}

    with pytest.raises(KeyboardInterrupt), Aside(work) as slow:
        pid = slow.pid
        assert pid
        raise KeyboardInterrupt
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped: no longer this process's child


def check_a_killed_build_takes_its_child_along() -> None:
    script = (
        "import sys, time\n"
        "from kg.graph.aside import Aside\n"
        "work = Aside(lambda: (time.sleep(120), {})[1])\n"
        "print(work.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert build.stdout is not None
    child = int(build.stdout.readline())
    build.kill()
    build.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.1)
    assert not _running(child)


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for init, which may not reap it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def check_the_child_gives_the_bytes_this_process_gives() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        forked = BuildOptions()
        build(SEEDS, tmp / "forked", warn=lambda m: None, options=forked)
        assert "aside" in forked.phases  # the child's seconds, recorded apart from this process's
        aside._can_fork = lambda: False  # (a fresh process: nothing else sees the change)
        here = BuildOptions()
        build(SEEDS, tmp / "here", warn=lambda m: None, options=here)
        assert "aside" not in here.phases
        assert outputs(tmp / "forked") == outputs(tmp / "here")


@pytest.mark.parametrize(
    "check",
    [
        "files_of_any_size_and_name_come_back_whole",
        "a_child_that_fails_leaves_the_work_to_this_process",
        "an_error_of_the_work_is_raised_in_this_process",
        "a_build_that_stops_early_leaves_no_child",
        "a_killed_build_takes_its_child_along",
        "the_child_gives_the_bytes_this_process_gives",
    ],
)
def test_in_a_fresh_process(check: str) -> None:
    in_a_fresh_process(f"check_{check}")
