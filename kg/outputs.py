"""Writing outputs so that a reader sees the old build or the new one, never a mix.

* ``write_atomic``: one file, written beside its target and renamed when complete.
* ``replace_folder``: a whole build, written into a hidden sibling folder
  (``.out.new-PID-XXXX``) and switched in with one ``renameat2(RENAME_EXCHANGE)``, which
  swaps two folders atomically; the old build then sits in the sibling and is deleted.
  ``StagedFolder`` is the same sibling filled one file at a time as each output is made
  (what kg build does), then switched in the same way.
  A kill at any point leaves ``out/`` wholly old or wholly new, and nothing inside it;
  leftover siblings of dead processes are removed by the next build.

Files get the usual permissions, 0666 less the umask (mkstemp alone would make them 0600).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_STAGING_TAGS = (".new-", ".old-")


def current_umask() -> int:
    """The process umask, read without changing it where Linux allows."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: the only portable way is to set it and put it back
    os.umask(mask)
    return mask


def ensure_writable_dir(folder: Path) -> None:
    """Create ``folder`` if needed and prove that files can be created in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-", delete=True):
            pass
    except OSError as exc:
        raise OutputError(f"{folder}: output folder cannot be written ({exc.strerror or exc})") from exc


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def write_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write each named output atomically in place (for folders that are not one build)."""
    ensure_writable_dir(folder)
    written = []
    for name in sorted(files):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, files[name])
        written.append(target)
    return written


# ---------------------------------------------------------------- whole-folder replacement


def replace_folder(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Make ``folder`` hold exactly ``files`` (names may have one subfolder, e.g. ``text/a.txt``).

    Entries of the old folder that the build does not write (``viz/`` pages, a user's notes)
    are carried over as hard links. Raises OutputError, with the old folder untouched,
    when anything cannot be written (a full disk, a read-only folder).
    """
    with StagedFolder(folder) as staged:
        for name in sorted(files):
            staged.write(name, files[name])
        staged.commit()
    return [folder / name for name in sorted(files)]


class StagedFolder:
    """A new build of ``folder`` filled one file at a time in a hidden sibling, then switched
    in whole by :meth:`commit` (what replace_folder does with bytes already made). Each file
    goes to disk as soon as it is made, so no output waits in memory for the others (at 1000×
    the seeds the outputs are 3 GB). Leaving the ``with`` block without a commit removes the
    sibling: the old folder is untouched. Another process (a forked child) may write into
    :attr:`path` too; what is in it at the commit is the new build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.target = folder.resolve() if folder.is_symlink() else folder.absolute()
        remove_stale_siblings(self.target)
        self.path = _staging_dir(self.target)
        self.committed = False

    def __enter__(self) -> StagedFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)

    def failure(self, exc: OSError) -> OutputError:
        return OutputError(
            f"{self.folder}: the build cannot be written ({exc.strerror or exc}); the previous outputs are unchanged"
        )

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """``name`` (a subfolder allowed) for writing; on a clean exit it is flushed to disk.
        An OSError, of opening or of a write inside the block, becomes OutputError."""
        try:
            path = self.path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            # mode 0666: the kernel applies the umask, as for any new file; a file a failed
            # child left half written is truncated and written again
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise self.failure(exc) from None

    def write(self, name: str, data: bytes) -> None:
        with self.open(name) as handle:
            handle.write(data)

    @contextlib.contextmanager
    def place(self, name: str) -> Iterator[Path]:
        """Where ``name`` goes, for a writer that opens the file itself (kglite's); an OSError
        inside the block becomes OutputError, as for :meth:`open`."""
        try:
            path = self.path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            yield path
        except OSError as exc:
            raise self.failure(exc) from None

    def commit(self) -> None:
        """Switch the new build in; the old one (and the sibling) is removed afterwards."""
        try:
            if self.target.is_dir():
                _carry_over(self.target, self.path, set(os.listdir(self.path)))
            _fsync_dir(self.path)
            _switch(self.path, self.target)
        except OSError as exc:
            raise self.failure(exc) from None
        self.committed = True
        shutil.rmtree(self.path, ignore_errors=True)  # after the exchange it holds the old build


def _staging_dir(target: Path) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-{os.getpid()}-"))
        os.chmod(staging, 0o777 & ~current_umask())
    except OSError as exc:
        raise OutputError(
            f"{target}: no sibling folder can be made for the new build ({exc.strerror or exc})"
        ) from None
    return staging


def _carry_over(old: Path, staging: Path, written: set[str]) -> None:
    for entry in old.iterdir():
        leftover = entry.name.startswith(".probe-") or (entry.name.startswith(".") and entry.name.endswith(".tmp"))
        if entry.name in written or leftover:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, staging / entry.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(entry), str(staging / entry.name))


def _link_or_copy(src: str, dst: str) -> None:
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _switch(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target`` in one step; afterwards ``staging`` holds the old folder (if any)."""
    if not target.exists():
        os.rename(staging, target)
        staging.mkdir()  # the caller removes it; keeps one code path
        return
    if _exchange(staging, target):
        return
    # No RENAME_EXCHANGE here (another OS, an old kernel, some network filesystems): two
    # renames. Between them ``target`` is missing, never mixed; a kill there leaves the old
    # build in a sibling ``.NAME.old-*`` that remove_stale_siblings puts back.
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    os.rename(target, old)
    os.rename(staging, target)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code))


def remove_stale_siblings(target: Path) -> None:
    """Remove staging folders of builds that died; put back an old build a kill left aside."""
    if not target.parent.is_dir():
        return
    for sibling in target.parent.glob(f".{glob_escape(target.name)}.*-*"):
        tag_pid = _owner_pid(sibling.name[len(target.name) + 1 :])
        if tag_pid is None or _alive(tag_pid):
            continue
        if sibling.name.startswith(f".{target.name}.old-") and not target.exists():
            with contextlib.suppress(OSError):
                os.rename(sibling, target)
                continue
        shutil.rmtree(sibling, ignore_errors=True)


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _owner_pid(suffix: str) -> int | None:
    """The pid in ``.new-PID-XXXX`` / ``.old-PID``, else None (not ours)."""
    for tag in _STAGING_TAGS:
        if suffix.startswith(tag):
            digits = suffix[len(tag) :].split("-")[0]
            return int(digits) if digits.isdigit() else None
    return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
