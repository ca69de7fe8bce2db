"""Long inputs report progress in every phase, not only while translating: reading
(detection and segmentation), aligning, scoring and checking."""
from __future__ import annotations

import io

from rich.console import Console

from tests.translate.fake_engines import ReversingEngine
from tqcheck.cli.progress import progress_for
from tqcheck.pipeline import CheckOptions, check_pair


def long_pair(tmp_path, n=1200):
    src = tmp_path / "long.en.txt"
    tgt = tmp_path / "long.es.txt"
    src.write_text("".join(f"The council met on day {i} and approved the plan for the river.\n\n"
                           for i in range(n)), encoding="utf-8")
    tgt.write_text("".join(f"El consejo se reunió el día {i} y aprobó el plan para el río.\n\n"
                           for i in range(n)), encoding="utf-8")
    return src, tgt


def test_every_phase_reports_progress(tmp_path):
    seen: list[tuple[str, int, int]] = []
    check_pair(*long_pair(tmp_path), CheckOptions(src_lang="en", tgt_lang="es", cache=False),
               engine=ReversingEngine(), progress=lambda *a: seen.append(a))
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    # The engine translates beside the reading of the source side; then align, then score.
    assert set(stages[:2]) == {"read", "translate"} and stages[2:] == ["align", "score", "check"]
    for stage in stages:
        reports = [(d, t) for s, d, t in seen if s == stage]
        assert reports[-1][0] == reports[-1][1] > 0, stage  # each phase ends complete
    assert len([1 for s, _, _ in seen if s == "align"]) > 3  # and moves in between


def test_plain_lines_announce_each_phase(tmp_path):
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=False, width=100)
    with progress_for(console) as progress:
        for stage in ("read", "translate", "align", "score", "check"):
            progress(stage, 0, 2000)
            progress(stage, 1000, 2000)  # within 5 s of the last line: not shown
            progress(stage, 0, 2000)  # nor the same count twice
    assert buf.getvalue().splitlines() == [f"tqcheck: {s} 0/2000"
                                           for s in ("read", "translate", "align", "score", "check")]
