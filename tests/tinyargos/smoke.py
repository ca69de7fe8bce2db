"""Install a tiny package into a throw-away Argos home and translate through argostranslate.

    python -m tests.tinyargos.smoke PACKAGE.argosmodel FROM TO "sentence" ["sentence" ...]

Prints one JSON object: {"translations": [...], "network_attempts": [...]}. Everything
argostranslate reads (ARGOS_PACKAGES_DIR, XDG_*) points into a temporary folder, set
before the first import, and every socket connection or DNS lookup is refused and
recorded, so a package that would download something (e.g. a MiniSBD model) fails here.
Run it in a subprocess: argostranslate reads its settings once per process.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from tests.tinyargos import argos_env

ATTEMPTS: list[str] = []


def _refuse(kind):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(f"{kind} {args[1:2] or args[:1]}")
        raise OSError(f"tinyargos smoke: network disabled ({kind})")
    return refuse


def main(argv: list[str]) -> int:
    package, src, tgt, *sentences = argv
    home = Path(tempfile.mkdtemp(prefix="tinyargos-home-"))
    os.environ.update({**argos_env(home), "ARGOS_DEVICE_TYPE": "cpu", "HF_HUB_OFFLINE": "1"})
    socket.socket.connect = _refuse("connect")
    socket.socket.connect_ex = _refuse("connect_ex")
    socket.getaddrinfo = _refuse("getaddrinfo")
    socket.create_connection = _refuse("create_connection")

    import argostranslate.package
    import argostranslate.translate

    try:
        argostranslate.package.install_from_path(Path(package))
        out = [argostranslate.translate.translate(s, src, tgt) for s in sentences]
        installed = [str(p) for p in argostranslate.package.get_installed_packages()]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(json.dumps({"translations": out, "network_attempts": ATTEMPTS, "installed": installed},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
