"""The site moves engines in one command: ProperDocs (a maintained fork of MkDocs 1.6, by one
of its former maintainers) builds this very configuration, hooks and theme included, to the same
pages as MkDocs, but for the generator tag."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(engine: str, project: Path, site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    # A copy of the project (its docs/ is written by the hooks), built once by each engine.
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".notes-*"))
    _build("mkdocs", project, tmp_path / "mkdocs")
    _build("properdocs", project, tmp_path / "properdocs")
    built = {p.relative_to(tmp_path / "mkdocs") for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()}
    assert built == {p.relative_to(tmp_path / "properdocs") for p in (tmp_path / "properdocs").rglob("*") if p.is_file()}
    differ = [str(name) for name in sorted(built)
              if GENERATOR.sub(b"", (tmp_path / "mkdocs" / name).read_bytes())
              != GENERATOR.sub(b"", (tmp_path / "properdocs" / name).read_bytes())]
    assert differ == []
    assert b"ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()
