"""Run a batch: articles in parallel, one bad article never stops the rest, and an
interrupted run resumes without redoing finished articles (a state file + the cache)."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.baseline import Suppression, triage
from tqcheck.batch.discover import PairSpec
from tqcheck.batch.executors import open_runner
from tqcheck.errors import ExitStatus, TqcheckError
from tqcheck.model import Severity
from tqcheck.pipeline import CheckOptions, check_pairs
from tqcheck.report import FORMATS, SUFFIX
from tqcheck.result import Report, gate

STATE_FILE = "batch-state.jsonl"
# Articles per engine call inside a worker: amortises the engine's start-up cost.
CHUNK = 8
# What a worker hands back per article: its result and its rendered reports by path.
Checked = tuple["ArticleResult", dict[str, str]]


@dataclass(frozen=True)
class GateArgs:
    fail_on: Severity = Severity.ERROR
    min_chrf: float | None = None
    max_flagged_ratio: float | None = None
    # Accepted findings: by fingerprint, from `baseline create` and the config's suppress.
    baseline: Mapping[str, Mapping[str, Any]] | None = None
    suppressions: Mapping[str, Suppression] | None = None


@dataclass(frozen=True)
class ArticleResult:
    name: str
    source: str
    translation: str
    status: str  # passed | failed | error
    exit_status: int
    chrf: float | None = None
    findings: dict[str, int] = field(default_factory=dict)
    flagged_units: int = 0
    units: int = 0
    message: str = ""
    reports: tuple[str, ...] = ()

    @property
    def badness(self) -> tuple[int, int, float]:
        """Sort key: errors first, then most error findings, then lowest chrF."""
        return (-self.exit_status, -self.findings.get("error", 0), self.chrf if self.chrf is not None else -1)


def pair_key(spec: PairSpec, opts: CheckOptions, gate_args: GateArgs) -> str:
    h = hashlib.sha256(f"{__version__}\x1f{opts!r}\x1f{gate_args!r}".encode())
    for p in (spec.source, spec.translation):
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()


def _report_paths(out_dir: Path, name: str, formats: Sequence[str]) -> dict[str, Path]:
    safe = name.replace(os.sep, "__")
    return {fmt: out_dir / "articles" / f"{safe}.{SUFFIX[fmt]}" for fmt in formats}


def _article(spec: PairSpec, result: Report | TqcheckError, out_dir: Path, formats: Sequence[str],
             gate_args: GateArgs) -> Checked:
    if isinstance(result, TqcheckError):
        return ArticleResult(spec.name, str(spec.source), str(spec.translation), "error",
                             int(result.exit_status), message=str(result)), {}
    triaged = triage(result.findings, gate_args.baseline, gate_args.suppressions, result.translation.path)
    verdict = gate(result, gate_args.fail_on, gate_args.min_chrf, gate_args.max_flagged_ratio, triaged)
    paths = _report_paths(out_dir, spec.name, formats)
    # Rendered here, on the worker; written by the process that runs the batch, so the
    # report folder need exist only there.
    texts = {str(path): FORMATS[fmt](result, verdict) for fmt, path in paths.items()}
    return ArticleResult(
        spec.name, str(spec.source), str(spec.translation),
        "passed" if verdict.passed else "failed",
        int(ExitStatus.PASSED if verdict.passed else ExitStatus.GATE_FAILED),
        result.scores.chrf, result.counts(), result.flagged_units, len(result.units),
        "; ".join(verdict.reasons), tuple(str(p) for p in paths.values()),
    ), texts


def _write_reports(texts: Mapping[str, str]) -> None:
    for name, text in texts.items():
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)


def _lost(spec: PairSpec, exc: BaseException) -> Checked:
    """An article whose worker failed under it (a lost Dask worker, a crashed process)."""
    return ArticleResult(spec.name, str(spec.source), str(spec.translation), "error",
                         int(ExitStatus.ENGINE_UNAVAILABLE),
                         message=f"its worker failed: {exc.__class__.__name__}: {exc}".strip()), {}


def run_chunk(specs: Sequence[PairSpec], opts: CheckOptions, out_dir: Path,
              formats: Sequence[str], gate_args: GateArgs) -> list[Checked]:
    """Worker entry point: check a few pairs with one engine batch per language pair."""
    out: dict[int, Checked] = {}
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for i, spec in enumerate(specs):
        groups.setdefault((spec.src_lang, spec.tgt_lang), []).append(i)
    for (src, tgt), members in groups.items():
        local = CheckOptions(**{**asdict_shallow(opts), "src_lang": opts.src_lang or src,
                                "tgt_lang": opts.tgt_lang or tgt})
        results = check_pairs([(specs[i].source, specs[i].translation) for i in members], local)
        out.update((i, _article(specs[i], r, out_dir, formats, gate_args)) for i, r in zip(members, results))
    return [out[i] for i in range(len(specs))]


def asdict_shallow(opts: CheckOptions) -> dict[str, Any]:
    return {f: getattr(opts, f) for f in opts.__dataclass_fields__}


def load_state(out_dir: Path) -> dict[str, ArticleResult]:
    path = out_dir / STATE_FILE
    done: dict[str, ArticleResult] = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
            result = ArticleResult(**{**row["result"], "reports": tuple(row["result"]["reports"])})
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by an interruption: that article simply runs again
        # An article that found no engine or lost its worker is tried again.
        if not (result.status == "error" and result.exit_status == ExitStatus.ENGINE_UNAVAILABLE):
            done[row["key"]] = result
    return done


def run_batch(
    pairs: Sequence[PairSpec],
    opts: CheckOptions,
    out_dir: Path,
    *,
    jobs: int = 1,
    formats: Sequence[str] = ("json",),
    gate_args: GateArgs = GateArgs(),
    resume: bool = True,
    progress: Callable[[int, int, ArticleResult | None], None] = lambda d, t, r: None,
    executor: str = "local",
    scheduler: str | None = None,
) -> list[ArticleResult]:
    """Check every pair, `jobs` at a time here or on the Dask cluster at `scheduler`;
    finished articles are recorded at once, so an interrupted run resumes from them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = [pair_key(p, opts, gate_args) for p in pairs]
    done = load_state(out_dir) if resume else {}
    results: dict[int, ArticleResult] = {i: done[k] for i, k in enumerate(keys) if k in done}
    todo = [i for i in range(len(pairs)) if i not in results]
    with open_runner(executor, jobs, scheduler) as runner, \
            (out_dir / STATE_FILE).open("a", encoding="utf-8") as state:
        progress(len(results), len(pairs), None)
        size = max(1, min(CHUNK, -(-len(todo) // max(1, runner.workers * 2))))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        tasks = [([pairs[i] for i in idx], opts, out_dir, formats, gate_args) for idx in chunks]
        for n, got in runner.run(run_chunk, tasks):
            if isinstance(got, BaseException):
                got = [_lost(pairs[i], got) for i in chunks[n]]
            for i, (r, texts) in zip(chunks[n], got):
                _write_reports(texts)
                results[i] = r
                state.write(json.dumps({"key": keys[i], "result": asdict(r)}, ensure_ascii=False) + "\n")
                state.flush()
                progress(len(results), len(pairs), r)
    return sorted(results.values(), key=lambda r: r.badness)


def batch_exit_status(results: Sequence[ArticleResult]) -> ExitStatus:
    """Worst first: an engine problem (3), then bad input (2), then a failed gate (1)."""
    return ExitStatus(max((r.exit_status for r in results), default=0))


def summary_document(results: Sequence[ArticleResult]) -> dict[str, Any]:
    scored = [r.chrf for r in results if r.chrf is not None]
    return {
        "tqcheck_batch_version": 1,
        "articles": len(results),
        "passed": sum(r.status == "passed" for r in results),
        "failed": sum(r.status == "failed" for r in results),
        "errors": sum(r.status == "error" for r in results),
        "mean_chrf": round(sum(scored) / len(scored), 2) if scored else None,
        "results": [asdict(r) for r in results],
    }


# GitHub caps a job summary at 1 MiB; the full list stays in summary.json.
MARKDOWN_ROWS = 1000


def summary_markdown(summary: dict[str, Any]) -> str:
    """summary_document as a Markdown table, worst first, for a job summary or a PR comment."""
    from tqcheck.report.markdown import cell

    mean = summary["mean_chrf"]
    lines = [
        f"### tqcheck batch: {summary['articles']} articles, {summary['passed']} passed, "
        f"{summary['failed']} failed, {summary['errors']} could not be checked",
        "",
        f"Mean chrF {'n/a' if mean is None else f'{mean:.1f}'}",
        "",
        "| Article | Status | chrF | Errors | Warnings | Flagged/units | Message |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in summary["results"][:MARKDOWN_ROWS]:
        f = r["findings"]
        chrf = "" if r["chrf"] is None else f"{r['chrf']:.1f}"
        flagged = f"{r['flagged_units']}/{r['units']}" if r["units"] else ""
        lines.append(f"| {cell(r['name'])} | {r['status']} | {chrf} | {f.get('error', '')} "
                     f"| {f.get('warning', '')} | {flagged} | {cell(r['message'])} |")
    if summary["articles"] > MARKDOWN_ROWS:
        lines += ["", f"…and {summary['articles'] - MARKDOWN_ROWS} more in summary.json."]
    return "\n".join(lines) + "\n"
