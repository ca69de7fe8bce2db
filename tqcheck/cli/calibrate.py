"""`tqcheck calibrate`: thresholds for a language pair and engine from known-good pairs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tqcheck.cli import options as o
from tqcheck.cli.output import write_text
from tqcheck.errors import TqcheckError


def calibrate(
    good: Annotated[Path, typer.Argument(help="Folder or manifest of known-good article pairs "
                                             "(same layout as `tqcheck batch`).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Calibration file to write.")] = Path("tqcheck-calibration.json"),
    percentile: Annotated[float, typer.Option(min=0.1, max=50, help="Passage chrF percentile that becomes the threshold.")] = 1.0,
    false_flags: Annotated[str | None, typer.Option("--false-flags", help="Operating point as a false-flag rate on these good pairs, e.g. 1%: sets the percentile and the verdict's risk threshold.")] = None,
    refit: Annotated[bool, typer.Option("--refit", help="Also re-fit the verdict on these pairs and their perturbed copies (needs scikit-learn and Apertium's analyser for the translation language).")] = False,
    src_lang: o.SrcLang = None, tgt_lang: o.TgtLang = None, engine: o.EngineOpt = None,
    engine_url: o.EngineUrl = None, api_key: o.ApiKey = None, via: o.Via = None, no_cache: o.NoCache = False, cache: o.CachePath = None, config: o.ConfigPath = None,
) -> None:
    """Check known-good pairs and write the thresholds `check` uses for this pair and engine."""
    from tqcheck import calibrate as cal
    from tqcheck.batch import discover
    from tqcheck.pipeline import check_pairs
    from tqcheck.verdict import refit as refit_mod

    eff = o.effective(src_lang=src_lang, tgt_lang=tgt_lang, engine=engine, no_cache=no_cache,
                      cache=cache, threads=None, fail_on=None, min_chrf=None, max_flagged_ratio=None,
                      min_passage_chrf=None, disable=None, baseline=None, config=config,
                      engine_url=engine_url, api_key=api_key, via=via)
    pairs = discover(good, src_lang)
    results = check_pairs([(p.source, p.translation) for p in pairs], eff.options)
    reports = [r for r in results if not isinstance(r, TqcheckError)]
    for p, r in zip(pairs, results):
        if isinstance(r, TqcheckError):
            typer.echo(f"skipped {p.name}: {r}", err=True)
    rate = None if false_flags is None else refit_mod.parse_rate(false_flags)
    doc = cal.build(reports, percentile if rate is None else 100 * rate)
    if rate is not None:
        extra = refit_mod.apply_to(doc, reports, rate, refit, output, eff.options)
        typer.echo(extra)
    write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
    t = doc["thresholds"]
    typer.echo(f"{doc['pair']['source']}→{doc['pair']['translation']} {doc['engine']['name']} "
               f"{doc['engine']['model']}: {doc['passages']} passages from {doc['articles']} articles; "
               f"min_passage_chrf={t['min_passage_chrf']} max_drop_below_article={t['max_drop_below_article']} "
               f"→ {output}")
