"""The command line: parse options, call the library, render, map errors to exit codes.

Nothing else in tqcheck exits the process.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from tqcheck import __version__
from tqcheck.errors import ConfigError, ExitStatus, TqcheckError
from tqcheck.model import Severity

app = typer.Typer(
    name="tqcheck",
    help="Check a machine-translated article against its original, passage by passage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


class EngineName(str, Enum):
    auto = "auto"
    argos = "argos"
    apertium = "apertium"


class Format(str, Enum):
    terminal = "terminal"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """tqcheck: is this translation faithful to its original?"""


@app.command()
def check(
    source: Annotated[Path, typer.Argument(help="The original article (.txt or .md).")],
    translation: Annotated[Path, typer.Argument(help="Its translation (.txt or .md).")],
    src_lang: Annotated[Optional[str], typer.Option(help="Source language (ISO 639-1); detected if omitted.")] = None,
    tgt_lang: Annotated[Optional[str], typer.Option(help="Translation language; detected if omitted.")] = None,
    engine: Annotated[EngineName, typer.Option(help="Back-translation engine.")] = EngineName.auto,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the translation cache.")] = False,
    cache: Annotated[Optional[Path], typer.Option(help="Translation cache file (SQLite).")] = None,
    threads: Annotated[Optional[int], typer.Option(min=1, help="CTranslate2 threads for Argos.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.terminal,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE instead of stdout.")] = None,
    fail_on: Annotated[Severity, typer.Option(help="Fail (exit 1) on findings at or above this severity.")] = Severity.ERROR,
    min_chrf: Annotated[Optional[float], typer.Option(help="Fail (exit 1) when the article chrF is below this.")] = None,
    min_passage_chrf: Annotated[Optional[float], typer.Option(help="Flag passages whose round-trip chrF is below this.")] = None,
    disable: Annotated[Optional[list[str]], typer.Option(help="Turn a check off (repeatable); see `tqcheck checks`.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Check one article pair: align, back-translate, score and flag suspect passages."""
    from tqcheck.cli_progress import progress_for
    from tqcheck.pipeline import CheckOptions, check_pair
    from tqcheck.report import FORMATS
    from tqcheck.result import gate

    thresholds = {} if min_passage_chrf is None else {"min_passage_chrf": min_passage_chrf}
    opts = CheckOptions(
        src_lang=src_lang, tgt_lang=tgt_lang, engine=engine.value,
        cache=False if no_cache else (cache or True), threads=threads,
        thresholds=thresholds, disable=tuple(disable or ()),
    )
    with progress_for(err, enabled=not quiet) as progress:
        report = check_pair(source, translation, opts, progress=progress)
    verdict = gate(report, fail_on, min_chrf)
    if fmt is Format.terminal and output is None:
        from tqcheck.report.terminal import build

        Console(highlight=False).print(build(report, verdict))
    else:
        text = FORMATS[fmt.value](report, verdict)
        _write(text, output)
    if not verdict.passed:
        raise typer.Exit(ExitStatus.GATE_FAILED)


@app.command("checks")
def list_checks() -> None:
    """List the checks with their ids, default severity and description."""
    from rich.table import Table

    from tqcheck.checks import CHECKS

    table = Table("id", "severity", "title", "description", show_edge=False)
    for cid, cls in CHECKS.items():
        table.add_row(cid, cls.severity.value, cls.title, cls.description)
    Console().print(table)


@app.command()
def engines() -> None:
    """Show which engines and language pairs are usable right now."""
    from tqcheck.translate.registry import available_pairs

    for name, pairs in available_pairs().items():
        shown = ", ".join(f"{s}→{t}" for s, t in pairs) if pairs else "(none installed)"
        typer.echo(f"{name}: {shown}")


models_app = typer.Typer(help="List, install and remove Argos translation models.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list() -> None:
    """Installed Argos packages, their versions, and the pairs they cover (pivots included)."""
    from tqcheck import models

    pkgs = models.installed()
    if not pkgs:
        typer.echo(f"no Argos packages installed in {models.packages_dir()}")
        return
    for p in pkgs:
        typer.echo(f"{p.name}  {p.from_code}→{p.to_code}  version {p.version}  {p.path}")
    typer.echo("pairs: " + ", ".join(f"{s}→{t} ({how})" for s, t, how in models.covered_pairs(pkgs)))


@models_app.command("install")
def models_install(
    src: Annotated[Optional[str], typer.Argument(help="Source language code.")] = None,
    tgt: Annotated[Optional[str], typer.Argument(help="Target language code.")] = None,
    from_file: Annotated[Optional[Path], typer.Option(help="Install a local .argosmodel file (offline).")] = None,
) -> None:
    """Install a package from Argos's index (online), or from a local file (offline)."""
    from tqcheck import models

    if from_file is not None:
        pkgs = [models.install_from_file(from_file)]
    elif src and tgt:
        pkgs = models.install_from_index(src, tgt)
    else:
        raise ConfigError("give SRC TGT (from Argos's index) or --from-file FILE")
    for p in pkgs:
        typer.echo(f"installed {p.name} version {p.version} in {p.path}")
    if not pkgs:
        typer.echo("already installed")


@models_app.command("remove")
def models_remove(src: Annotated[str, typer.Argument()], tgt: Annotated[str, typer.Argument()]) -> None:
    """Remove the installed package for SRC→TGT."""
    from tqcheck import models

    p = models.remove(src, tgt)
    typer.echo(f"removed {p.name} version {p.version}")


@models_app.command("path")
def models_path() -> None:
    """Print the folder Argos packages are installed in (ARGOS_PACKAGES_DIR)."""
    from tqcheck import models

    typer.echo(str(models.packages_dir()))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(output.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)  # never leave a half-written report behind
    except OSError as exc:
        raise ConfigError(f"cannot write {output}: {exc.strerror or exc}") from exc


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn errors into one line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        app(args=args, standalone_mode=False)
    except TqcheckError as exc:
        if debug:
            raise
        err.print(f"tqcheck: error: {exc}", markup=False, soft_wrap=True)
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        err.print("tqcheck: interrupted; finished translations are kept in the cache", markup=False)
        sys.exit(ExitStatus.INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(ExitStatus.INTERRUPTED)
    except Exception as exc:
        # Usage errors are click exceptions (vendored inside typer, so matched by shape).
        if callable(getattr(exc, "show", None)) and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(ExitStatus.BAD_INPUT)
        raise
