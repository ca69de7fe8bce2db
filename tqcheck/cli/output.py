"""Writing reports and other files the commands produce."""
from __future__ import annotations

import sys
from pathlib import Path

from tqcheck.errors import ConfigError
from tqcheck.report import FORMATS, SUFFIX
from tqcheck.result import GateResult


def write_text(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(output.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)  # never leave a half-written report behind
    except OSError as exc:
        raise ConfigError(f"cannot write {output}: {exc.strerror or exc}") from exc


SUFFIX_FORMATS = {f".{suffix}": fmt for fmt, suffix in SUFFIX.items()} | {".htm": "html", ".markdown": "markdown"}
# Suffixes of another format that still fit: SARIF and JUnit are JSON and XML.
ALSO_FITS = {"sarif": {".json"}, "junit": {".xml"}, "terminal": {".log"}}


def pair_outputs(formats: list[str] | None, outputs: list[Path] | None) -> list[tuple[str, Path | None]]:
    """Match each --format with its --output; at most one report may go to stdout."""
    outs: list[Path | None] = list(outputs or [])
    if not formats and outs:
        # `-o report.html` alone: the suffix says which format is meant.
        guessed = [SUFFIX_FORMATS.get(o.suffix.lower()) if o else None for o in outs]
        if None in guessed:
            raise ConfigError("-o needs a --format (json, html, …) unless the file name ends in "
                              + ", ".join(SUFFIX_FORMATS))
        formats = [g for g in guessed if g]
    fmts = formats or ["terminal"]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    if len(outs) > len(fmts):
        raise ConfigError("more --output files than --format options")
    named = [o.resolve() for o in outs if o is not None and str(o) != "-"]
    if len(named) != len(set(named)):
        raise ConfigError("two reports would be written to the same file; give each format its own -o")
    for fmt, out in zip(fmts, outs):
        _check_suffix(fmt, out)
    outs += [None] * (len(fmts) - len(outs))
    if sum(o is None for o in outs) > 1:
        raise ConfigError("several formats would go to stdout; give each an --output file")
    return list(zip(fmts, outs))


def _check_suffix(fmt: str, out: Path | None) -> None:
    """`-o out.html -f markdown` is a mistake, not a wish for Markdown in an .html file."""
    if out is None or str(out) == "-":
        return
    suffix = out.suffix.lower()
    named = SUFFIX_FORMATS.get(suffix)
    if named is None or named == fmt or suffix in ALSO_FITS.get(fmt, ()):
        return
    raise ConfigError(f"{out} is named for {named}, but its --format is {fmt}: "
                      f"name it {out.with_suffix('.' + SUFFIX[fmt]).name}, or drop -f {fmt} to write {named}")


def gate_line(verdict: GateResult, written: list[Path]) -> str:
    """What the terminal shows when every report went to a file."""
    result = "PASSED" if verdict.passed else "FAILED"
    reasons = f"  {'; '.join(verdict.reasons)}" if verdict.reasons else ""
    return f"gate: {result}{reasons}; wrote {', '.join(str(p) for p in written)}"
