"""Turn a file's bytes into text, with the encoding detected and reported, never guessed.

Order of detection: a UTF-8 BOM; a strict UTF-8 decode; then GB18030 (a superset of GBK
and GB2312) and Big5, each decoded strictly and kept only where the result reads as Chinese:
almost any byte string decodes as GB18030, so Big5 or Latin-1 bytes would otherwise pass as
mojibake. Anything else is an InputError naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from kg.errors import InputError

Encoding = Literal["utf-8", "utf-8-sig", "gb18030", "big5"]

READABLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown"})

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes below 0x20 other than tab, LF, VT, FF, CR and ESC never occur in a text file;
# a text with more than this share of them is binary data, not a noisy document.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b")
_MAX_CONTROL_SHARE = 0.05
# A legacy-encoded file is taken in the encoding under which at least this share of its
# non-ASCII characters are common Chinese characters or punctuation: real text scores
# above 0.95 in its own encoding, Big5 read as GB18030 (or the reverse) below 0.5.
_MIN_PLAUSIBLE_SHARE = 0.8
_LEGACY_ENCODINGS: tuple[Encoding, ...] = ("gb18030", "big5")


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
        from loaders.read.formats.base import SUFFIXES

        expected = ", ".join([".txt", ".md", *sorted(SUFFIXES)])
        raise InputError(f"{path}: unsupported file type {path.suffix!r} (expected {expected})")
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
        raise InputError(f"{path}: binary file ({control_count} control bytes in {len(data)})")


def _decode(path: Path, data: bytes) -> DecodedFile:
    if data.startswith(_UTF8_BOM):
        try:
            return DecodedFile(data[len(_UTF8_BOM) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}: starts with a UTF-8 BOM but has invalid UTF-8 at byte {exc.start + len(_UTF8_BOM)}"
            ) from exc
    try:
        return DecodedFile(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        return _decode_legacy(path, data, utf8_error)


def _decode_legacy(path: Path, data: bytes, utf8_error: UnicodeDecodeError) -> DecodedFile:
    readings: list[tuple[float, Encoding, str]] = []
    failures: list[str] = []
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failures.append(f"not {encoding.upper()} (byte {exc.start})")
            continue
        readings.append((plausible_chinese_share(text), encoding, text))
    if not readings:
        raise InputError(f"{path}: undecodable bytes: not UTF-8 (byte {utf8_error.start}), " + ", ".join(failures))
    share, encoding, text = max(readings, key=lambda r: r[0])
    if share < _MIN_PLAUSIBLE_SHARE:
        tried = ", ".join(f"{e.upper()} {s:.0%}" for s, e, _ in readings)
        raise InputError(
            f"{path}: encoding cannot be told: not UTF-8 (byte {utf8_error.start}), and no legacy "
            f"encoding reads as Chinese (common characters: {tried}); save it as UTF-8"
        )
    return DecodedFile(text, encoding)


def plausible_chinese_share(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation
    standing next to another such character: Chinese is written in runs, while Latin-1
    letters read as Chinese stand alone between ASCII letters ("茅t茅")."""
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    common = {ch for ch in set(text) if ord(ch) > 0x7F and _is_common(ch)}
    in_runs = sum(
        1
        for i in wide
        if text[i] in common and ((i > 0 and text[i - 1] in common) or (i + 1 < len(text) and text[i + 1] in common))
    )
    return in_runs / len(wide)


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    """GB2312 (the 6,763 common simplified characters and CJK punctuation) or Big5's
    5,401 frequently used traditional characters (lead bytes 0xA4-0xC6) and its symbols."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        lead = ch.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA1 <= lead <= 0xC6
