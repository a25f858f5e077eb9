"""Shared helpers: build a site from notes text without touching the disk."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REAL_NOTES = ROOT / "notes" / "aws-sysops.txt"

from notesite import site_from_lines  # noqa: E402
from notesite.source import decode  # noqa: E402


def site_from_text(text: str, name: str = "notes/test.txt"):
    """The site the core builds from one notes file with this text."""
    return site_from_lines([decode(text.encode("utf-8"), name)])


PROJECT_PARTS = ("hooks", "overrides", "notesite")


def make_project(folder: Path, notes: dict[str, str]) -> Path:
    """A copy of this project with other notes: same config, hooks, theme overrides and core."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    for part in PROJECT_PARTS:
        (folder / part).symlink_to(ROOT / part)
    (folder / "notes").mkdir()
    (folder / "docs").mkdir()
    for name, text in notes.items():
        (folder / "notes" / name).write_text(text, encoding="utf-8")
    return folder


def mkdocs_build(project: Path, site: Path, *extra: str) -> "subprocess.CompletedProcess[str]":
    """`mkdocs build --strict` of a project into `site`."""
    import os
    import subprocess

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
                          cwd=project, capture_output=True, text=True, env=env)
