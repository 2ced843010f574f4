"""Turn a file's bytes into text, with the encoding detected and reported, never guessed.

Order of detection: a UTF-8 BOM; a strict UTF-8 decode; a strict GB18030 decode (GB18030
is a superset of GBK and GB2312). Anything else is an InputError naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kg.errors import InputError

Encoding = Literal["utf-8", "utf-8-sig", "gb18030"]

READABLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown"})

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes below 0x20 other than tab, LF, VT, FF, CR and ESC never occur in a text file;
# a text with more than this share of them is binary data, not a noisy document.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b")
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class DecodedFile:
    text: str  # BOM stripped
    encoding: Encoding


def read_text_file(path: Path) -> DecodedFile:
    """Read and decode ``path``; raise InputError for missing, binary or undecodable files."""
    data = _read_bytes(path)
    _reject_binary(path, data)
    return _decode(path, data)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix!r} (expected .txt or .md)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc


def _reject_binary(path: Path, data: bytes) -> None:
    if data.startswith(_UTF16_BOMS):
        raise InputError(f"{path}: UTF-16 text is not supported (save it as UTF-8)")
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes)")
    if not data:
        return
    control_count = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if control_count / len(data) > _MAX_CONTROL_SHARE:
        raise InputError(
            f"{path}: binary file ({control_count} control bytes in {len(data)})"
        )


def _decode(path: Path, data: bytes) -> DecodedFile:
    if data.startswith(_UTF8_BOM):
        try:
            return DecodedFile(data[len(_UTF8_BOM) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: starts with a UTF-8 BOM but has invalid UTF-8 at byte "
                f"{exc.start + len(_UTF8_BOM)}"
            ) from exc
    try:
        return DecodedFile(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return DecodedFile(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: undecodable bytes: not UTF-8 (byte {utf8_error.start}) "
                f"and not GB18030 (byte {exc.start})"
            ) from exc
