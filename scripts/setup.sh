#!/usr/bin/env bash
# Set up tqcheck from nothing on a Debian/Ubuntu machine: Apertium (the offline engine
# used for real runs here), a virtualenv in .venv, and tqcheck with its Argos extra.
# Idempotent: a second run only checks that everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pair packages: English–Spanish and English–Catalan directly, and the Spanish pairs that
# pivot routes through Spanish need (pt, fr, it, ro, gl ↔ en; README "Pivot routes").
# The five beyond es-pt and fr-es add ≈13 MB of downloads and ≈10 s.
# Hunspell: dictionaries for the spelling check, and libhunspell-dev to build the binding.
APT_PACKAGES=(apertium apertium-eng-spa apertium-eng-cat apertium-fr-es apertium-es-pt
              apertium-spa-ita apertium-es-ro apertium-es-gl apertium-en-gl apertium-por-cat
              wordnet-base chromium
              libhunspell-dev hunspell-es hunspell-ca hunspell-en-us hunspell-fr hunspell-pt-pt hunspell-gl
              hunspell-ar)
if [ -n "${TQCHECK_EXTRA_APT:-}" ]; then
  read -r -a extra <<<"$TQCHECK_EXTRA_APT"
  APT_PACKAGES+=("${extra[@]}")
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# pip before 23.3 compares extras unnormalised and warns "lxml 6.x does not provide the
# extra 'html_clean'" (lxml spells it html-clean), which a fresh venv's pip 23.2 does.
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24" 2> >(grep -v "^WARNING: Location" >&2)
# torch first and pinned: argostranslate needs it (through stanza), and an unpinned
# resolve pulls a multi-GB CUDA build.
.venv/bin/pip install -q --disable-pip-version-check torch==2.13.0 2> >(grep -v "^WARNING: Location" >&2)
.venv/bin/pip install -q --disable-pip-version-check -e ".[argos,dev]" 2> >(grep -v "^WARNING: Location" >&2)
echo "setup: ready ($(.venv/bin/tqcheck --version))" >&2
