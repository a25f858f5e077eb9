#!/usr/bin/env bash
# Set up and run the project on a fresh Debian machine with Python 3.11.
#   scripts/dev.sh serve   install the site's requirements, then serve it on http://127.0.0.1:8000/aws-notes/
#   scripts/dev.sh test    install everything the tests need (Debian's Chromium and git too), then run them all
#   scripts/dev.sh new-site  for notes of your own in notes/: forget the ids published for the notes
#                            before, make the pages from yours, then serve
set -euo pipefail
cd "$(dirname "$0")/.."

venv() {
  [[ -x .venv/bin/python ]] || python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
}

# Debian's Chromium for the browser tests, and git for the section-history tests.
# Named apart from the commands: `command -v chromium` would otherwise find this very function.
install_debian_packages() {
  [[ -x /usr/bin/chromium ]] && command -v git >/dev/null && return
  local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium git >/dev/null
}

case "${1:-}" in
  serve)
    venv requirements.txt
    exec .venv/bin/mkdocs serve "${@:2}"
    ;;
  new-site)
    venv requirements.txt
    .venv/bin/python scripts/clean_notes.py --fresh-registry
    exec .venv/bin/mkdocs serve "${@:2}"
    ;;
  test)
    install_debian_packages
    venv requirements-test.txt
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "usage: scripts/dev.sh serve|test|new-site" >&2
    exit 2
    ;;
esac
