"""--engine none end to end: real en→ar pairs (NTREX-128, TICO-19, FLORES-200 samples in
corpora/), which no engine here translates. Clean pairs pass; an omitted passage, a
passage left in English, a changed number (Western and Arabic-Indic digits), a lost URL
and a lost placeholder are each flagged at their line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPORA, run_cli
from tqcheck.pipeline import CheckOptions, check_pair

AR = CORPORA / "ntrex" / "en-ar"
CLEAN = [AR / "bbc-381790", AR / "upi-176266",
         CORPORA / "tico" / "en-ar" / "Bangladesh-reports-five-new-deaths-due-t",
         *sorted(p.with_suffix("").with_suffix("") for p in (CORPORA / "flores" / "en-ar").glob("*.en.txt"))]
NONE = CheckOptions(src_lang="en", tgt_lang="ar", engine="none", cache=False)
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _pair(stem: Path) -> tuple[Path, Path]:
    ext = ".txt" if stem.parent.parent.name == "flores" else ".md"
    return stem.with_name(stem.name + ".en" + ext), stem.with_name(stem.name + ".ar" + ext)


def paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")


def write(tmp: Path, name: str, paras: list[str]) -> Path:
    out = tmp / name
    out.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return out


def flags(report) -> list[tuple[str, int | None, int | None]]:
    """(check, source line, translation line) of every finding."""
    return [(f.check, u.source[0].line if u.source else None, u.target[0].line if u.target else None)
            for u, f in report.findings]


@pytest.mark.parametrize("stem", CLEAN, ids=lambda p: p.name[:24])
def test_clean_arabic_pairs_pass(stem):
    src, tgt = _pair(stem)
    report = check_pair(src, tgt, NONE)
    assert report.engine.name == "none" and report.scores.chrf is None
    assert flags(report) == []
    assert "engine:none" in report.signature
    assert {"low-score", "polarity", "omitted-sentence"} <= set(report.checks_skipped)
    assert "back-translation" in report.checks_skipped["low-score"]
    assert {"numbers", "omission", "untranslated", "placeholders", "markup", "spelling"} <= set(report.checks_ran)


@pytest.fixture
def bbc(tmp_path):
    src, tgt = _pair(AR / "bbc-381790")
    return tmp_path, src, paragraphs(src), paragraphs(tgt)


def test_omitted_passage_is_flagged_at_its_line(bbc):
    tmp, src, _, ar = bbc
    del ar[2]  # the paragraph at line 5
    assert ("omission", 5, None) in flags(check_pair(src, write(tmp, "t.ar.md", ar), NONE))


def test_passage_left_in_english_is_flagged_at_its_line(bbc):
    tmp, src, en, ar = bbc
    ar[5] = en[5]  # line 11
    assert ("untranslated", 11, 11) in flags(check_pair(src, write(tmp, "t.ar.md", ar), NONE))


@pytest.mark.parametrize("digits", ["western", "arabic-indic"])
def test_changed_number_is_flagged_in_either_digits(bbc, digits):
    tmp, src, _, ar = bbc
    if digits == "arabic-indic":
        ar = [p.translate(ARABIC_DIGITS) for p in ar]
        assert "٢٠١٧" in ar[4]
        assert flags(check_pair(src, write(tmp, "same.ar.md", ar), NONE)) == []
    year = "2017".translate(ARABIC_DIGITS) if digits == "arabic-indic" else "2017"
    ar[4] = ar[4].replace(year, year[:-1] + ("٨" if digits == "arabic-indic" else "8"))
    assert ("numbers", 9, 9) in flags(check_pair(src, write(tmp, "t.ar.md", ar), NONE))


def test_lost_url_and_placeholder_are_flagged_at_their_line(tmp_path, bbc):
    _, src, en, ar = bbc
    en[6] += " Vote at https://senedd.wales/names for {count} proposals."
    ar[6] += " صوّتوا على https://senedd.wales/names لاختيار {count} من المقترحات."
    s = write(tmp_path, "s.en.md", en)
    assert flags(check_pair(s, write(tmp_path, "ok.ar.md", ar), NONE)) == []
    no_url = [*ar[:6], ar[6].replace("https://senedd.wales/names ", "")]
    assert ("lost-entity", 13, 13) in flags(check_pair(s, write(tmp_path, "u.ar.md", no_url), NONE))
    no_placeholder = [*ar[:6], ar[6].replace("{count}", "عدد")]
    assert ("placeholders", 13, 13) in flags(check_pair(s, write(tmp_path, "p.ar.md", no_placeholder), NONE))


def test_auto_falls_back_to_none_with_one_warning_and_require_engine_keeps_exit_3(tmp_path):
    src, tgt = _pair(AR / "upi-176266")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "no-models")}
    r = run_cli("check", str(src), str(tgt), "--no-cache", "-f", "json", "-o", str(tmp_path / "r.json"),
                "-q", env=env)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "--engine none" in warnings[0], r.stderr
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["engine"]["name"] == "none" and "low-score" in doc["checks"]["skipped"]
    r = run_cli("check", str(src), str(tgt), "--no-cache", "--require-engine", env=env)
    assert r.returncode == 3 and "install" in r.stderr and "Traceback" not in r.stderr


def test_terminal_report_says_which_checks_did_not_run(tmp_path):
    src, tgt = _pair(AR / "upi-176266")
    r = run_cli("check", str(src), str(tgt), "--engine", "none", "--no-cache")
    assert r.returncode == 0, r.stderr
    assert "Engine      none" in r.stdout and "n/a (no back-translation" in r.stdout
    assert "low-score" in r.stdout and "engine:none" in r.stdout.replace("\n", "")
