"""Bytes to text, with a clear error for anything that is not an article."""
from __future__ import annotations

import codecs
from pathlib import Path

from tqcheck.errors import InputError

# Over this, an "article" is almost certainly the wrong file; the limit keeps memory bounded.
MAX_BYTES = 200 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected an article file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{p}: cannot read it (permission denied)") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read it ({exc.strerror or exc})") from exc


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Text has LF line ends and no BOM."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not an article")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it first, e.g. iconv -f LATIN1 -t UTF-8"
        ) from exc
    if encoding == "utf-8" and _control_ratio(text) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not an article")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the file has no text")
    return text, encoding


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
