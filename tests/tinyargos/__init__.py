"""Tiny real Argos packages for the tests (build.py), and the environment that keeps
argostranslate away from the user's folders and the network."""
from __future__ import annotations

from pathlib import Path


def argos_env(home: Path, packages: Path | None = None) -> dict[str, str]:
    """Settings argostranslate reads once, at import: every folder under `home`, the
    package index at a closed port, one CTranslate2 thread (all cores is ~20× slower on a
    tiny model, ENGINES.md)."""
    return {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(packages or home / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/index.json",
        "ARGOS_INTRA_THREADS": "1",
    }
