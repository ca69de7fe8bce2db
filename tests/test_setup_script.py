"""scripts/setup.sh stays quiet on a fresh venv: pip new enough to read lxml's extras."""
from __future__ import annotations

import re

from tests.conftest import ROOT

SETUP = (ROOT / "scripts" / "setup.sh").read_text()


def test_pip_is_upgraded_before_anything_is_installed():
    upgrade = SETUP.index('--upgrade "pip>=24"')
    first_install = min(m.start() for m in re.finditer(r"\.venv/bin/pip install", SETUP))
    assert upgrade < first_install


def test_every_dev_extra_module_the_tests_import_is_declared():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"pyyaml' in pyproject  # tests/cli/test_ci_integration.py
