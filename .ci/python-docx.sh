#!/usr/bin/env bash
# Installs python-docx for the tests that open the Word redline with it.
# Sourced by .ci/run; tests/integration/reader.rs runs it with stub
# commands. Debian's python3-docx first (a python3 without pip is common:
# "No module named pip"), pip only where there is no apt-get.
set -euo pipefail
if ! declare -F as_root >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fi
if ! python3 -c "import docx" >/dev/null 2>&1; then
  echo "ci: installing python-docx"
  if command -v apt-get >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends python3-docx >/dev/null
  else
    python3 -m pip install --quiet python-docx 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages python-docx
  fi
  python3 -c "import docx" || { echo "ci: python-docx could not be installed"; exit 1; }
fi
