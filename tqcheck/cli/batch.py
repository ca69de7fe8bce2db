"""`tqcheck batch` and `tqcheck baseline`: many articles, and accepted findings."""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from tqcheck.cli import options as o
from tqcheck.cli.console import LazyConsole, real
from tqcheck.cli.output import pair_outputs, write_text
from tqcheck.errors import ConfigError, ExitStatus

err = LazyConsole(stderr=True, highlight=False)
# CI logs: one progress line per this many seconds at most.
PLAIN_EVERY_S = 5.0
baseline_app = typer.Typer(help="Record current findings so that only new ones fail CI.",
                           no_args_is_help=True, rich_markup_mode=None, cls=o.Group)


@o.takes("batch")
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of pairs (name.en.md + name.es.md, en/x.md + "
                                               "es/x.md) or a manifest .csv/.jsonl.")],
    *, run: o.Run,
) -> None:
    """Check every article pair in FOLDER; survive bad articles, resume after interruption."""
    from tqcheck.batch import GateArgs, batch_exit_status, discover, run_batch, summary_document
    from tqcheck.batch import consistency
    from tqcheck.batch.run import summary_markdown

    out = run["out_dir"]
    formats = run["format"] or ["json"]
    if "json" not in formats:
        formats = ["json", *formats]
    pair_outputs(formats, [out / f for f in formats])  # validates the names
    pairs = discover(folder, run["src_lang"])
    gate_args = GateArgs(run.fail_on, run.min_chrf, run.max_flagged_ratio, run.baseline, run.suppressions)
    workers = run["jobs"] or os.cpu_count() or 1
    with _progress(run["quiet"]) as show:
        results = run_batch(pairs, run.options, out, jobs=workers, formats=formats, gate_args=gate_args,
                            resume=not run["fresh"], progress=show, executor=run["executor"],
                            scheduler=run["scheduler"])
    summary = summary_document(results)
    across = consistency.document(consistency.batch_conflicts(results))
    summary["consistency"] = len(across["findings"])
    write_text(json.dumps(across, ensure_ascii=False, indent=2) + "\n", out / consistency.FILE)
    write_text(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n", out / "summary.json")
    write_text(summary_markdown(summary) + consistency.markdown(across), out / "summary.md")
    _print_summary(summary)
    status = batch_exit_status(results)
    if status == ExitStatus.PASSED and consistency.fails(across, run.fail_on):
        status = ExitStatus.GATE_FAILED
    if status != ExitStatus.PASSED:
        raise typer.Exit(status)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int, Any], None]]:
    """A bar on a terminal; in CI logs a line at most every few seconds, so logs stay short."""
    if quiet:
        yield lambda done, total, result: None
        return

    def report_error(result: Any) -> None:
        # An article that could not be checked is news even when the rest is going fine.
        if result is not None and result.status == "error":
            err.print(f"tqcheck: {result.name}: {result.message}", markup=False, soft_wrap=True)

    if err.is_terminal:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        with Progress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("ETA"), TimeRemainingColumn(), console=real(err)) as bar:
            task: list[Any] = []

            def show(done: int, total: int, result: Any) -> None:
                report_error(result)
                if not task:
                    # Created at the first call, so articles resumed from the state file
                    # count as done without inflating the speed behind the ETA.
                    task.append(bar.add_task("articles", total=total, completed=done))
                bar.update(task[0], completed=done, total=total)

            yield show
        return
    last: list[float] = [float("-inf"), -1]

    def plain(done: int, total: int, result: Any) -> None:
        report_error(result)
        now = time.monotonic()
        if (now - last[0] >= PLAIN_EVERY_S or done == total) and done != last[1]:
            last[:] = [now, done]
            err.print(f"tqcheck: {done}/{total} articles", markup=False, highlight=False)

    yield plain


def _print_summary(summary: dict) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    table = Table("article", "status", "chrF", "errors", "warnings", "flagged", show_edge=False,
                  title=f"{summary['articles']} articles: {summary['passed']} passed, "
                        f"{summary['failed']} failed, {summary['errors']} could not be checked",
                  title_justify="left")
    for r in summary["results"][:50]:
        f = r["findings"]
        table.add_row(r["name"], r["status"], "" if r["chrf"] is None else f"{r['chrf']:.1f}",
                      str(f.get("error", "")), str(f.get("warning", "")),
                      f"{r['flagged_units']}/{r['units']}" if r["units"] else r["message"][:60])
    Console(highlight=False).print(table)
    if summary.get("consistency"):
        Console(highlight=False).print(f"consistency across articles: {summary['consistency']} finding(s), "
                                       "see consistency.json and summary.md")
    if summary["articles"] > 50:
        typer.echo(f"… {summary['articles'] - 50} more in summary.json")


@baseline_app.command("create", cls=o.Command)
@o.takes("baseline create")
def baseline_create(
    inputs: Annotated[list[Path], typer.Argument(help="JSON reports (from --format json or a batch "
                                                      "--out-dir folder), or SOURCE TRANSLATION to check now.")],
    *, run: o.Run,
) -> None:
    """Record the current findings by fingerprint; with --baseline only new ones fail."""
    from tqcheck.baseline import baseline_document
    from tqcheck.pipeline import check_pair
    from tqcheck.report.json_report import findings_from_json

    found = []
    reports = _report_files(inputs)
    if reports:
        for path in reports:
            found.extend(findings_from_json(path))
    elif len(inputs) == 2:
        report = check_pair(inputs[0], inputs[1], run.options)
        found = [(str(inputs[1]), u, f) for u, f in report.findings]
    else:
        raise ConfigError("give JSON reports, a batch --out-dir folder, or SOURCE TRANSLATION")
    doc = baseline_document(found)
    output = run["baseline_file"]
    write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
    print(f"baseline: {len(doc['findings'])} finding(s) recorded in {output}", file=sys.stderr)


def _report_files(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files.extend(sorted((p / "articles").glob("*.json")) or sorted(p.glob("*.json")))
        elif p.suffix == ".json":
            files.append(p)
    return [f for f in files if f.name != "summary.json"]

