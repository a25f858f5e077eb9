"""Notes, files and folders at their edges give a one-line message naming the file and the fix,
or build as they should: never a traceback, never a half-written file."""

from __future__ import annotations

import errno
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, make_project, mkdocs_build

NOTES = "## EC2\nSpot Block\n- block spot instance during a specified time frame\n"


def test_emphasis_nested_a_thousand_deep_builds(tmp_path):
    deep = "*a " * 1000 + "b" + "*" * 1000
    project = make_project(tmp_path / "project", {"ec2.md": f"# EC2\n\n## Deep\n\n- {deep}\n\n## {deep}\n"})
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-2000:]
    assert "RecursionError" not in built.stderr


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"test_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_unreadable_notes_file_counts_as_a_change_rather_than_stopping_the_fingerprint(tmp_path, monkeypatch):
    notes_sync = _hook("notes_sync")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.txt").write_text(NOTES)
    monkeypatch.setattr(notes_sync, "ROOT", tmp_path)
    monkeypatch.setattr(notes_sync, "NOTES", tmp_path / "notes")
    monkeypatch.setattr(notes_sync, "CORE", tmp_path / "core")
    readable = notes_sync.inputs_fingerprint()
    real_open = open

    def refusing_open(path, *args, **kwargs):   # as mode 000 is to anyone but root
        if str(path).endswith("n.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(notes_sync, "open", refusing_open, raising=False)
    assert notes_sync.inputs_fingerprint() != readable


def test_a_project_folder_that_cannot_hold_the_build_record_still_builds_and_says_so(tmp_path):
    project = make_project(tmp_path / "project", {"n.txt": NOTES})
    (project / ".notes-built").mkdir()   # cannot be written as a file, even by root
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "cannot record what the pages were made from in .notes-built" in built.stderr


def test_a_registry_folder_that_cannot_be_written_stops_the_cleanup_before_any_page(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.txt").write_text(NOTES)
    # /proc takes no new files, even from root: as a read-only checkout.
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "clean_notes.py"), "--notes", "notes", "--out",
                           "docs", "--anchors", "/proc/anchors.yaml"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.startswith("error: /proc: cannot be written (")
    assert done.stderr.rstrip().endswith("nothing was changed") and done.stderr.count("\n") == 1
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").iterdir())


def test_a_disk_full_in_the_middle_of_a_file_leaves_no_temporary_file(tmp_path, monkeypatch):
    import notesite
    from notesite import api

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.txt").write_text(NOTES)
    site = notesite.build(tmp_path / "notes")
    real_open = open

    class FullDisk:
        def __init__(self, *args, **kwargs):
            self.handle = real_open(*args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[:10])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(api, "open", FullDisk, raising=False)
    with pytest.raises(notesite.NotesError, match="No space left on device"):
        notesite.write(site, tmp_path / "docs")
    assert [p.name for p in (tmp_path / "docs").rglob("*") if p.is_file()] == []
