#!/usr/bin/env python3
"""Regenerate tqcheck/translate/debian_pairs.json: the Apertium pair packages Debian ships.

    apt-get update && python3 scripts/gen_debian_pairs.py

Reads `apt-cache search --names-only '^apertium-'` (pair packages only: transitional
dummies, tools and single-language data are left out) and maps each package's codes to
ISO 639-1 with Debian's own iso-codes tables, so a hint names a package that exists.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tqcheck" / "translate" / "debian_pairs.json"
ISO_639_3 = Path("/usr/share/iso-codes/json/iso_639-3.json")  # Debian package iso-codes
# What a pair package says about itself, e.g. "translation data for the English-Spanish pair"
# or "linguistic data to translate between Breton and French".
PAIR = re.compile(r"translation data for the .+ pair|linguistic data to translate between")
# Macrolanguages whose members langdetect reports: Apertium's hbs is what tqcheck sees
# as hr, sr or bs; its nob what langdetect calls no; its zlm the ms of ISO 639-1.
ALSO = {"hbs": ["hr", "sr", "bs"], "nob": ["no"], "zlm": ["ms"]}


def iso_codes() -> dict[str, str]:
    """Apertium's two- and three-letter codes → ISO 639-1 where there is one."""
    table = json.loads(ISO_639_3.read_text(encoding="utf-8"))["639-3"]
    out = {}
    for entry in table:
        two = entry.get("alpha_2")
        if two:
            out[entry["alpha_3"]] = two
            out[two] = two
    return out


def release() -> str:
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"').replace("GNU/Linux ", "")
    return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUT)
    out = parser.parse_args().output
    listing = subprocess.run(["apt-cache", "search", "--names-only", "^apertium-"],
                             capture_output=True, text=True, check=True).stdout
    to_iso = iso_codes()
    packages = {}
    for line in sorted(listing.splitlines()):
        name, _, description = line.partition(" - ")
        parts = name.split("-")
        if len(parts) != 3 or not PAIR.search(description):
            continue
        sides: list[list[object]] = []
        for code in parts[1:]:
            iso = to_iso.get(code, code)
            # ISO 639-1 first, then the members langdetect may report instead.
            sides.append([code, list(dict.fromkeys([iso, *ALSO.get(code, [])]))])
        packages[name] = sides
    if not packages:
        print("no Apertium pair packages found: run apt-get update first", file=sys.stderr)
        return 1
    # One package a line: a regenerated table diffs line by line.
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in packages.items())
    out.write_text('{"generated_by": "scripts/gen_debian_pairs.py",\n'
                   f' "release": {json.dumps(release())},\n'
                   ' "packages": {\n' + rows + "\n }\n}\n", encoding="utf-8")
    print(f"{len(packages)} pair packages from {release()} → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
