#!/usr/bin/env bash
# Installs python-docx for the tests that open the Word redline with it.
# Sourced by .ci/run; tests/integration/reader.rs runs it with stub
# commands. pip where python3 has it; Debian's python3-docx where it has
# not ("No module named pip" is common on Debian).
set -euo pipefail
if ! declare -F as_root >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fi
if ! python3 -c "import docx" >/dev/null 2>&1; then
  echo "ci: installing python-docx"
  if python3 -m pip --version >/dev/null 2>&1; then
    # pip installs into the python3 the tests run (a pyenv or venv python
    # does not see Debian's packages).
    python3 -m pip install --quiet python-docx 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages python-docx
  elif command -v apt-get >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends python3-docx >/dev/null
  fi
  python3 -c "import docx" || { echo "ci: python-docx could not be installed"; exit 1; }
fi
