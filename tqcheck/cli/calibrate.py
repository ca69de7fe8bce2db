"""`tqcheck calibrate`: thresholds for a language pair and engine from known-good pairs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tqcheck.cli import options as o
from tqcheck.cli.output import write_text
from tqcheck.errors import TqcheckError


@o.takes("calibrate")
def calibrate(
    good: Annotated[Path, typer.Argument(help="Folder or manifest of known-good article pairs "
                                             "(same layout as `tqcheck batch`).")],
    *, run: o.Run,
) -> None:
    """Check known-good pairs and write the thresholds `check` uses for this pair and engine."""
    from tqcheck import calibrate as cal
    from tqcheck.batch import discover
    from tqcheck.pipeline import check_pairs
    from tqcheck.verdict import refit as refit_mod

    pairs = discover(good, run["src_lang"])
    results = check_pairs([(p.source, p.translation) for p in pairs], run.options)
    reports = [r for r in results if not isinstance(r, TqcheckError)]
    for p, r in zip(pairs, results):
        if isinstance(r, TqcheckError):
            typer.echo(f"skipped {p.name}: {r}", err=True)
    output = run["calibration_file"]
    rate = None if run["false_flags"] is None else refit_mod.parse_rate(run["false_flags"])
    doc = cal.build(reports, run["percentile"] if rate is None else 100 * rate)
    if rate is not None:
        typer.echo(refit_mod.apply_to(doc, reports, rate, run["refit"], output, run.options))
    write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
    t = doc["thresholds"]
    typer.echo(f"{doc['pair']['source']}→{doc['pair']['translation']} {doc['engine']['name']} "
               f"{doc['engine']['model']}: {doc['passages']} passages from {doc['articles']} articles; "
               f"min_passage_chrf={t['min_passage_chrf']} max_drop_below_article={t['max_drop_below_article']} "
               f"→ {output}")
