"""Bytes to text, with a clear error for anything that is not an article."""
from __future__ import annotations

import codecs
import sys
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
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"stdin: over the {MAX_BYTES:,}-byte limit")
        return data
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
        text, encoding = _legacy(data, name, exc)
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


_PREFERRED = ["cp1252", "iso8859_15", "latin_1", "cp1256", "iso8859_6", "mac_roman", "cp1250",
              "iso8859_2", "cp1251"]


_ACCEPTED = set(_PREFERRED) | {"iso8859_9", "cp1254", "cp1257", "koi8_r", "gb18030", "big5",
                               "shift_jis", "euc_jp", "euc_kr", "cp949", "cp932", "iso8859_7", "cp1253"}


def _legacy(data: bytes, name: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: let charset-normalizer name a legacy encoding, or fail clearly."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:1_000_000]))
    best = matches[0] if matches else None
    encoding = ""
    if best is not None:
        # Single-byte code pages often tie; prefer the ones our languages are written in.
        ties = [m for m in matches if m.chaos <= best.chaos + 0.01]
        best = min(ties, key=lambda m: _preferred(m)[0])
        encoding = _preferred(best)[1]
    # Above this "chaos" the guess is mojibake more often than text.
    if best is None or best.chaos > 0.2 or encoding.startswith("utf"):
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and no "
            "other encoding fits; convert it first, e.g. iconv -f LATIN1 -t UTF-8"
        ) from exc
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise InputError(f"{name}: cannot decode it as {encoding} ({err})") from err
    if encoding not in _ACCEPTED or _prose_ratio(text) < 0.9:
        raise InputError(f"{name}: not valid UTF-8, and as {encoding} it is not text either; "
                         "is it a binary file?")
    return text, encoding


def _preferred(match) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """(rank, name): one match stands for every code page that decodes these bytes to the
    same text (`could_be_from_charset`), and its own name is just the first of them, so a
    Spanish cp1252 file without ñ or ¿ would otherwise be reported as cp1250."""
    names = [enc for enc in _PREFERRED if enc in (match.could_be_from_charset or [match.encoding])]
    return (_PREFERRED.index(names[0]), names[0]) if names else (99, match.encoding)


def _prose_ratio(text: str) -> float:
    sample = text[:20000]
    ok = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or ch in ".,;:!?¿¡'\"«»()-–—%/")
    return ok / max(1, len(sample))
