"""Only the notes the author meant are published, and no path of the machine's own is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_project, mkdocs_build

NOTES = "## EC2\nSpot Block\n- block spot instance during a specified time frame\n"
SECRET = "## Diary\nPrivate\n- not for the site\n"


def _site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".json", ".js", ".xml"))


def test_notes_in_hidden_folders_and_hidden_files_are_skipped_and_said_so(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    for hidden in (".trash/old.md", ".obsidian/snippet.md", ".draft.txt"):
        (project / "notes" / hidden).parent.mkdir(parents=True, exist_ok=True)
        (project / "notes" / hidden).write_text(SECRET)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "not for the site" not in _site_text(tmp_path / "site")
    assert not (tmp_path / "site" / "diary").exists()
    for hidden in (".trash/old.md", ".obsidian/snippet.md", ".draft.txt"):
        assert f"not published: {hidden} is hidden" in built.stderr


def test_a_symlinked_notes_folder_writes_no_machine_path(tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "notes.txt").write_text(NOTES)
    project = make_project(tmp_path / "project", {})
    (project / "notes").rmdir()
    (project / "notes").symlink_to(vault)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    sources = json.loads((project / "docs" / "assets" / "sources.json").read_text())
    assert {s["path"] for page in sources["pages"].values() for s in page["sections"].values()} == {"notes/notes.txt"}
    for where in (project / "docs", tmp_path / "site"):
        assert str(tmp_path) not in _site_text(where)


def test_the_cleanup_run_from_another_folder_writes_paths_relative_to_the_project():
    # Run from / against this project's own notes, with --check: it must find the pages as they
    # are (paths relative to the project), and write nothing.
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "clean_notes.py"), "--check"], cwd="/",
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_notes_kept_under_any_usual_suffix_are_read_and_other_files_are_not(tmp_path):
    from notesite import api

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.org").write_text("* EC2\n** Spot\n- cheap\n")
    (notes / "b.MD").write_text("# S3\n\n**Versioning** keeps every version\n")
    (notes / "c.markdown").write_text("# SQS\n\n- queues\n")
    (notes / "d.rst").write_text("SNS\n===\n\n- topics\n")
    (notes / "e.text").write_text("## IAM\n- users\n")
    (notes / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    site = api.build(notes, tmp_path)
    assert [page.title for page in site.pages] == ["EC2", "S3", "SQS", "SNS", "IAM"]
    # Org's and Markdown's markup read as such: no stars or asterisks shown
    assert "\n## Spot {#spot}\n" in site.files["ec2.md"]
    assert "**Versioning** keeps every version" in site.files["s3.md"]


def test_a_notes_folder_with_no_notes_is_named_by_the_project_s_path_not_the_machine_s(tmp_path):
    project = make_project(tmp_path / "project", {})
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode != 0
    assert "notes: notes: holds no notes" in built.stderr and str(tmp_path) not in built.stderr
