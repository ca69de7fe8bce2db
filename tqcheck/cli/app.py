"""The root app, `check`, `checks`, `engines`, and the error-to-exit-code mapping.

Nothing else in tqcheck exits the process.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from tqcheck import __version__
from tqcheck.cli import options as o
from tqcheck.cli.console import LazyConsole
from tqcheck.cli.output import gate_line, pair_outputs, write_text
from tqcheck.errors import ConfigError, ExitStatus, TqcheckError

app = typer.Typer(
    name="tqcheck",
    help="Check a machine-translated article against its original, passage by passage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=o.Group,
    # Plain click help and usage errors: typer's rich rendering imports rich, its
    # Markdown and pygments (~40% of `tqcheck --help`).
    rich_markup_mode=None,
)
err = LazyConsole(stderr=True, highlight=False)


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


@app.command("check", cls=o.Command)
@o.takes("check")
def check(
    source: Annotated[Path, typer.Argument(help="The original article (.txt, .md, .html; - for stdin), "
                                               "or a bilingual .xlf/.tmx/.po/.tsv/.jsonl file.")],
    translation: Annotated[Optional[Path], typer.Argument(help="Its translation; omit for a bilingual file.")] = None,
    *, run: o.Run,
) -> None:
    """Check one article pair: align, back-translate, score and flag suspect passages."""
    from tqcheck.baseline import triage
    from tqcheck.cli.progress import progress_for
    from tqcheck.pipeline import check_pair
    from tqcheck.report import FORMATS
    from tqcheck.result import gate

    quiet = run["quiet"]
    targets = pair_outputs(run["format"], run["output"])
    with progress_for(err, enabled=not quiet) as progress:
        report = check_pair(source, translation, run.options, progress=progress)
    triaged = triage(report.findings, run.baseline, run.suppressions, report.translation.path)
    verdict = gate(report, run.fail_on, run.min_chrf, run.max_flagged_ratio, triaged)
    for name, path in targets:
        if name == "terminal" and path is None:
            from rich.console import Console

            from tqcheck.report.terminal import build

            Console(highlight=False, soft_wrap=False).print(build(report, verdict))
        else:
            write_text(FORMATS[name](report, verdict), path)
    files = [path for _, path in targets if path is not None and str(path) != "-"]
    if len(files) == len(targets) and not quiet:
        # Nothing went to the terminal: say at least how it ended and where the reports are.
        err.print(gate_line(verdict, files), markup=False, soft_wrap=True)
    if not verdict.passed:
        raise typer.Exit(ExitStatus.GATE_FAILED)


@app.command("checks", cls=o.Command)
def list_checks(
    check_id: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="Show this check in full.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Descriptions too.")] = False,
) -> None:
    """List the checks: id, default severity and title (an ID or --verbose for the description)."""
    import textwrap

    from tqcheck.checks import CHECKS

    if check_id is not None:
        if check_id not in CHECKS:
            raise ConfigError(f"unknown check {check_id!r}; `tqcheck checks` lists them")
        cls = CHECKS[check_id]
        typer.echo(f"{check_id}  ({cls.severity.value})  {cls.title}\n")
        typer.echo(textwrap.fill(cls.description, width=78))
        return
    width = max(len(cid) for cid in CHECKS)
    opt_in = [cid for cid, cls in CHECKS.items() if not cls.default]
    for cid in [c for c in CHECKS if c not in opt_in] + opt_in:
        cls = CHECKS[cid]
        if cid == opt_in[0]:
            typer.echo("opt-in (--enable all, or --enable default --enable ID):")
        # Plain lines, no table: readable at 80 columns and easy to grep.
        lead = f"{cid:<{width}}  {cls.severity.value:<7}  "
        typer.echo(textwrap.fill(cls.title, width=79, initial_indent=lead,
                                 subsequent_indent=" " * len(lead)))
        if verbose:
            typer.echo(textwrap.fill(cls.description, width=78, initial_indent="    ",
                                     subsequent_indent="    "))
    if not verbose:
        typer.echo("`tqcheck checks ID` or --verbose for what a check flags.")


@app.command("engines", cls=o.Command)
@o.takes("engines")
def engines(*, run: o.Run) -> None:
    """Show the engines, their pairs, and every pair reachable now with its route."""
    from tqcheck.translate.registry import AUTO_ORDER, available_pairs, candidates
    from tqcheck.translate.routes import reachable

    # The server settings come from the options, the config file or the environment,
    # the same way `check` finds them.
    server = dict(run.options.engine_settings)
    for name, (pairs, why) in available_pairs(**server).items():
        shown = ", ".join(f"{s}→{t}" for s, t in pairs) if pairs else f"({why})"
        typer.echo(f"{name}: {shown}")
    order = run.options.engine_order or AUTO_ORDER
    found = reachable(candidates("auto", order=order, **server))
    typer.echo(f"\nreachable with --engine auto ({len(found)} pairs; engines in order {', '.join(order)}; "
               f"{sum(len(r.legs) > 1 for r in found.values())} through a pivot):")
    for (s, t), route in found.items():
        typer.echo(f"  {s}→{t}  {route.label}")
    from tqcheck import lexicon
    typer.echo("word layer:")
    for line in lexicon.status():
        typer.echo(line)


def _register_groups() -> None:
    from tqcheck.cli import batch, calibrate, models

    app.add_typer(models.models_app, name="models")
    app.command("batch", cls=o.Command)(batch.batch)
    app.add_typer(batch.baseline_app, name="baseline")
    app.command("calibrate", cls=o.Command)(calibrate.calibrate)


_register_groups()


def _interrupted(args: list[str]) -> None:
    if "--no-cache" in args:
        # Nothing was cached: only a batch's finished articles survive.
        kept = "finished batch articles are kept (the batch state)" if args[:1] == ["batch"] else "nothing is kept"
        err.print(f"tqcheck: interrupted; --no-cache, so {kept}", markup=False)
    else:
        err.print("tqcheck: interrupted; finished translations and articles are kept "
                  "(the cache and the batch state); run the same command again to go on", markup=False)
    sys.exit(ExitStatus.INTERRUPTED)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn errors into one line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    if not debug:
        # Warnings (a rebuilt cache, say) are one line for the user, not a source listing.
        warnings.formatwarning = lambda message, *a, **k: f"tqcheck: warning: {message}\n"
    try:
        # Without standalone mode click returns, rather than raises, a typer.Exit's code.
        code = app(args=args, standalone_mode=False)
        if code == ExitStatus.INTERRUPTED:  # typer's own Ctrl-C handling returns 130
            _interrupted(args)
        sys.exit(code if isinstance(code, int) else 0)
    except TqcheckError as exc:
        if debug:
            raise
        err.print(f"tqcheck: error: {exc}", markup=False, soft_wrap=True)
        sys.exit(exc.exit_status)
    except (KeyboardInterrupt, typer.Abort):
        _interrupted(args)
    except typer.Exit as exc:
        # typer turns Ctrl-C inside a command into Exit(130) before we see it.
        if exc.exit_code == ExitStatus.INTERRUPTED:
            _interrupted(args)
        sys.exit(exc.exit_code)
    except Exception as exc:
        # Usage errors are click exceptions (vendored inside typer, so matched by shape).
        if callable(getattr(exc, "show", None)) and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(ExitStatus.BAD_INPUT)
        raise
