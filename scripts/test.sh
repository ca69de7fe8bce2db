#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite, the real engines included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
