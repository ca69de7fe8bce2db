"""Settings declared once (tqcheck/settings.py): every command that checks takes the same
engine, cache and check options; config keys, environment and --help come from the
table; an engine's own settings arrive with one registry line."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import typer

from tests.conftest import CORPORA, ROOT, needs_apertium, run_cli
from tqcheck.cli.app import app
from tqcheck.cli.options import build_run
from tqcheck.config import all_settings, for_command
from tqcheck.errors import ConfigError
from tqcheck.settings import CHECKING

CLICK = typer.main.get_command(app)
CHECKING_COMMANDS = ("check", "batch", "calibrate", "baseline create")


def command(path: str):
    cmd = CLICK
    for part in path.split():
        cmd = cmd.commands[part]  # type: ignore[attr-defined]
    return cmd


def flags(path: str, hidden: bool = False) -> set[str]:
    return {o for p in command(path).params if p.param_type_name == "option"
            and (hidden or not getattr(p, "hidden", False)) for o in p.opts}


def test_every_checking_command_takes_the_same_engine_cache_and_check_options():
    shared = {s.flag for s in all_settings() if s.flag and (s.owner in CHECKING or s.owner.startswith("engine:"))}
    assert {"--engine", "--engine-url", "--api-key", "--threads", "--cache", "--no-cache", "--enable",
            "--disable", "--min-passage-chrf", "--src-lang", "--tgt-lang"} <= shared
    for name in CHECKING_COMMANDS:
        assert shared <= flags(name), (name, shared - flags(name))


def test_flags_are_exactly_the_table():
    for name in (*CHECKING_COMMANDS, "engines"):
        declared = {d for s in for_command(name) if s.flag for d in (s.flag, s.short, *s.aliases) if d}
        assert flags(name, hidden=True) - {"--help"} == declared, name


def test_files_are_output_and_folders_out_dir():
    assert {"-o", "--output"} <= flags("check") & flags("calibrate") & flags("baseline create")
    assert "--out-dir" in flags("batch") and "--out" not in flags("batch")
    assert {"--out", "-O"} <= flags("batch", hidden=True)  # old spellings, for one release


def test_config_keys_and_environment_come_from_the_table(tmp_path, monkeypatch):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text('enable = ["omission", "numbers"]\nthreads = 2\n')
    monkeypatch.setenv("TQCHECK_FAIL_ON", "warning")
    run = build_run({"config": cfg})
    assert run.options.enable == ("omission", "numbers") and run.options.threads == 2
    assert run.fail_on.value == "warning" and run.settings.origins["fail_on"] == "$TQCHECK_FAIL_ON"
    assert build_run({"config": cfg, "threads": 3}).options.threads == 3  # CLI over config


@pytest.mark.parametrize("body, message", [
    ('min_chrf = 150\n', "min_chrf = 150 (from "),
    ('threads = "many"\n', "is not an integer"),
    ('fail_on = "fatal"\n', "use info, warning or error"),
    ('enginee = "apertium"\n', "known: api_key, cache, calibration, disable, enable, engine, engine_order, engine_url"),
])
def test_bad_config_values_name_the_setting_and_the_file(tmp_path, body, message):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text(body)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        build_run({"config": cfg})


def test_help_shows_env_and_config_key_and_no_bool():
    for path in ("check", "batch", "calibrate", "baseline create", "engines", "checks", "models list",
                 "models install", ""):
        r = run_cli(*path.split(), "--help", env={"COLUMNS": "200"})
        assert r.returncode == 0, r.stderr
        assert "<bool>" not in r.stdout, path
    r = run_cli("check", "--help", env={"COLUMNS": "200"})
    assert "$TQCHECK_ENGINE_URL; config engine_url" in r.stdout


def test_an_engine_declares_its_settings_and_gets_them(tmp_path):
    # One file and one registry line: the flag, the config key and the value all follow.
    (tmp_path / "echo_engine.py").write_text(textwrap.dedent('''
        from tqcheck.settings import Setting
        from tqcheck.translate.base import Engine, EngineInfo

        class EchoEngine(Engine):
            name = "echo"
            settings = (Setting("echo_prefix", str, None, "Prefix for every text.", "engine:echo",
                                "--echo-prefix", env="TQCHECK_ECHO_PREFIX", metavar="TEXT", param="prefix"),)

            def __init__(self, threads=None, prefix=""):
                self.prefix = prefix

            def supports(self, src, tgt):
                return True

            def info(self, src, tgt):
                return EngineInfo("echo", self.prefix)

            def translate_batch(self, texts, src, tgt):
                return [self.prefix + t for t in texts]
    '''))
    script = textwrap.dedent('''
        import sys
        from tqcheck.translate import registry
        registry.ENGINES["echo"] = "echo_engine:EchoEngine"
        from tqcheck.cli.app import main
        main(sys.argv[1:])
    ''')
    env_path = f"{tmp_path}:{ROOT}"
    sample = CORPORA / "sample"
    base = [sys.executable, "-c", script]
    helped = subprocess.run([*base, "check", "--help"], capture_output=True, text=True,
                            env={"PYTHONPATH": env_path, "COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert "--echo-prefix" in helped.stdout and "$TQCHECK_ECHO_PREFIX" in helped.stdout, helped.stderr
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text('engine = "echo"\necho_prefix = "ECHO "\n')
    r = subprocess.run([*base, "check", str(sample / "article.en.md"), str(sample / "article.es.md"),
                        "--config", str(cfg), "--no-cache", "-f", "json"], capture_output=True, text=True,
                       env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert r.returncode in (0, 1), r.stderr
    assert '"back_translation": "ECHO ' in r.stdout


@needs_apertium
def test_calibrate_and_baseline_take_the_shared_options(tmp_path):
    sample = CORPORA / "sample"
    r = run_cli("baseline", "create", str(sample / "article.en.md"), str(sample / "article.es.md"),
                "-o", str(tmp_path / "b.json"), "--engine", "apertium", "--cache", str(tmp_path / "c.sqlite3"),
                "--engine-url", "http://unused:5000", "--enable", "omission")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "c.sqlite3").is_file()  # --cache reached the engine
    r = run_cli("calibrate", str(sample), "--threads", "1", "--disable", "numbers", "--engine", "apertium",
                "-o", str(tmp_path / "cal.json"))
    assert "No such option" not in r.stderr and "calibrate on at least" in r.stderr, r.stderr


@needs_apertium
def test_old_batch_spelling_still_works_with_a_warning(tmp_path):
    folder = tmp_path / "pairs"
    folder.mkdir()
    for lang in ("en", "es"):
        (folder / f"a.{lang}.md").write_text((CORPORA / "sample" / f"article.{lang}.md").read_text())
    r = run_cli("batch", str(folder), "-O", str(tmp_path / "old"), "--engine", "apertium", "-q")
    assert r.returncode == 0, r.stderr
    assert "--out/-O is now --out-dir" in r.stderr and (tmp_path / "old" / "summary.json").is_file()


def test_readme_lists_the_config_keys_and_variables_of_the_table():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):readme.index("## Engines and models")]
    keys = re.search(r"Keys: (.*?); a value", section, re.S)
    assert keys is not None
    listed = re.findall(r"`([a-z_]+)`", keys.group(1))
    assert listed == sorted(s.name for s in all_settings() if s.config)
    for s in all_settings():
        if s.env:
            assert f"`{s.env}`" in section, s.env
