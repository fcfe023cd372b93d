"""Bytes to text: what encoding an article file is in, and what is too much to read.

Files are UTF-8 nearly always. A file with a byte-order mark is read as it says (UTF-8,
UTF-16, UTF-32). A file that is not valid UTF-8 is most likely in a legacy Chinese encoding
(GBK/GB18030 in the mainland, Big5 in Taiwan and Hong Kong): charset-normalizer, the
detector requests uses, chooses among the encodings news sites have used, and the file is
loaded if one reads it cleanly. Anything else — binary data, NUL bytes, a file too large to
be an article — is refused with the reason.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import charset_normalizer

# Far above any article (the seeds are 5 kB; a long feature is 100 kB), far below what
# would stall a load.
MAX_FILE_BYTES = 10 * 1024 * 1024

# Legacy encodings a Chinese-language (or Western) news file may be in, for the detector.
LEGACY_ENCODINGS = ["gb18030", "big5", "big5hkscs", "cp950", "shift_jis", "euc_kr", "cp1252"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


class DecodeError(ValueError):
    """Bytes that are not an article's text, with the reason."""


def read_bytes(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, unless it holds more than ``limit``.

    Opened without blocking and checked on the open file, so that a named pipe (which would
    wait forever for a writer) or a device (/dev/zero never ends) is refused, even one put in
    place after the folder was listed; at most ``limit`` + 1 bytes are ever read, whatever
    the size the file system reports."""
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DecodeError(f"not a regular file ({_file_kind(mode)})")
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise DecodeError(f"file too large for an article: over {limit / 2**20:.0f} MB (the limit)")
    return raw


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
    for test, kind in kinds:
        if test(mode):
            return kind
    return "not a file"


def decode(raw: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a file's bytes, line ends as LF."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _lines(raw.decode(encoding)), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable {encoding} ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in raw:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return _lines(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = f"{exc.reason} at byte {exc.start}"
    best = charset_normalizer.from_bytes(raw, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise DecodeError(f"not valid UTF-8 ({utf8_error}) and not text in a known legacy "
                          "encoding; binary or unknown encoding")
    return _lines(str(best)), best.encoding


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
