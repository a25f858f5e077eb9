"""The command line: exit codes, exact one-line errors, and nothing written on failure."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "clean_notes.py"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command, with the published-ids registry of the test's own folder."""
    return subprocess.run([sys.executable, str(SCRIPT), "--anchors", "anchors.yaml", *args], cwd=cwd,
                          capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def work(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nhand-written\n")
    return tmp_path


def test_writes_pages_then_check_passes(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "1 pages, 1 sections" in result.stdout
    assert (work / "docs" / "ec2.md").exists() and (work / "docs" / ".pages").exists()
    assert run("--notes", "notes", "--out", "docs", "--check", cwd=work).returncode == 0


def test_check_names_stale_pages_exits_1_and_writes_nothing(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    run("--notes", "notes", "--out", "docs", cwd=work)
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block, edited\n")
    before = snapshot(work / "docs")
    result = run("--notes", "notes", "--out", "docs", "--check", cwd=work)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{name}: stale; run python scripts/clean_notes.py" for name in
                                          ("docs/ec2.md", "docs/s/ec2/spot-block/index.html", "anchors.yaml")]
    assert snapshot(work / "docs") == before


def test_pages_of_a_removed_service_are_removed_and_hand_written_pages_kept(work):
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n## AMI\nB\n- b\n")
    run("--notes", "notes", "--out", "docs", cwd=work)
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n")
    stale = run("--notes", "notes", "--out", "docs", "--check", cwd=work).stderr.splitlines()
    assert stale == [f"docs/{name}: stale; run python scripts/clean_notes.py"
                     for name in (".pages", "assets/sources.json", "index.md", "ami.md")]
    assert run("--notes", "notes", "--out", "docs", cwd=work).returncode == 0
    assert not (work / "docs" / "ami.md").exists()
    assert (work / "docs" / "about.md").read_text() == "# About\n\nhand-written\n"


@pytest.mark.parametrize("content, message", [
    (b"", "notes/n.txt:1: the notes file is empty; write some notes or remove the file"),
    (b"  \n\t\n\n", "notes/n.txt:1: the notes file is empty; write some notes or remove the file"),
    (b"## EC2\n- ok\n- caf\xe9\n", "notes/n.txt:3: byte 0xe9 at column 6 is not UTF-8; save the file as UTF-8"),
    (b"# Title only\n", "notes/n.txt: has a title but no notes under it; add notes below a heading"),
])
def test_bad_notes_give_one_line_exit_2_and_write_nothing(work, content, message):
    (work / "notes" / "n.txt").write_bytes(content)
    before = snapshot(work / "docs")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert result.stderr == f"error: {message}\n"
    assert "Traceback" not in result.stderr
    assert snapshot(work / "docs") == before


def test_a_missing_notes_path_is_named(work):
    result = run("--notes", "nowhere.txt", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert result.stderr == "error: nowhere.txt: no such file or folder; pass --notes PATH to the notes\n"


def test_a_dangling_link_is_a_missing_path(work):
    os.symlink(work / "gone.txt", work / "notes" / "link.txt")
    result = run("--notes", "notes/link.txt", "--out", "docs", cwd=work)
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_an_unreadable_notes_path_is_named(work):
    (work / "notes" / "n.txt").mkdir()  # a folder where a file is expected: reading it fails
    result = run("--notes", "notes/n.txt/", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert result.stderr.startswith("error: notes/n.txt: holds no notes (*.txt, *.text, *.md, *.markdown, *.org, *.rst)")


def test_an_empty_file_among_notes_is_left_out_and_named(work):
    # An editor's placeholder (an Obsidian note not written yet) is not a reason to stop the site.
    (work / "notes" / "a.txt").write_text("## EC2\nA\n- a\n")
    (work / "notes" / "Later.md").write_text("\n")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 0, result.stderr
    assert ("note: notes/Later.md: the notes file is empty, so no page comes from it; "
            "write some notes or remove the file\n") in result.stderr
    assert (work / "docs" / "ec2.md").is_file()


def test_a_bad_file_among_good_ones_stops_everything(work):
    (work / "notes" / "a.txt").write_text("## EC2\nA\n- a\n")
    (work / "notes" / "b.txt").write_bytes(b"## AMI\n\xff\n")
    before = snapshot(work / "docs")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2 and "notes/b.txt:2: byte 0xff" in result.stderr
    assert snapshot(work / "docs") == before


def test_a_hand_written_page_is_never_overwritten(work):
    (work / "docs" / "ec2.md").write_text("# My own EC2 page\n")
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n")
    before = snapshot(work / "docs")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert "docs/ec2.md: exists and was not generated from the notes" in result.stderr
    assert snapshot(work / "docs") == before


def test_a_folder_where_a_page_goes_is_refused_like_a_file(work):
    (work / "docs" / "ec2.md").mkdir()
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n")
    before = snapshot(work / "docs")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert "docs/ec2.md: exists and was not generated from the notes" in result.stderr
    assert snapshot(work / "docs") == before


def test_notes_of_your_own_start_a_fresh_registry_in_one_command(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    assert run("--notes", "notes", "--out", "docs", cwd=work).returncode == 0
    (work / "notes" / "n.txt").write_text("## S3\nVersioning\n- keeps every version\n")
    refused = run("--notes", "notes", "--out", "docs", cwd=work)
    assert refused.returncode == 2 and "--fresh-registry" in refused.stderr
    fresh = run("--notes", "notes", "--out", "docs", "--fresh-registry", cwd=work)
    assert fresh.returncode == 0, fresh.stderr
    registry = (work / "anchors.yaml").read_text()
    assert "versioning" in registry and "spot-block" not in registry
    assert run("--notes", "notes", "--out", "docs", "--check", cwd=work).returncode == 0


def test_a_run_cut_short_leaves_no_half_written_file_and_the_next_run_succeeds(work, monkeypatch):
    import notesite
    from notesite import api

    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n\n## AMI\nSharing\n- share it\n")
    site = notesite.build(work / "notes")
    renames = []

    def killed_after_two(source, target):
        if len(renames) == 2:
            raise KeyboardInterrupt   # Ctrl-C between two renames
        renames.append(target)
        os.rename(source, target)

    monkeypatch.setattr(api.os, "replace", killed_after_two)
    with pytest.raises(KeyboardInterrupt):
        notesite.write(site, work / "docs")
    monkeypatch.undo()
    for path in (work / "docs").rglob("*"):
        if path.is_file() and path.name != "about.md" and not path.name.endswith(".notesite-tmp"):
            assert path.read_text() == site.files[str(path.relative_to(work / "docs"))]
    # An empty page, as an older version left when killed mid-write, is not taken for a hand-written one.
    (work / "docs" / "ami.md").write_text("")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 0, result.stderr
    assert not list((work / "docs").rglob("*.notesite-tmp"))
    assert run("--notes", "notes", "--out", "docs", "--check", cwd=work).returncode == 0


def test_rewritten_files_keep_their_mode_and_new_ones_get_the_usual_one(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    assert run("--notes", "notes", "--out", "docs", cwd=work).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (work / "docs" / "ec2.md").stat().st_mode & 0o777 == 0o666 & ~umask
    assert (work / "anchors.yaml").stat().st_mode & 0o777 == 0o666 & ~umask
    (work / "docs" / "ec2.md").chmod(0o640)
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block of one to six hours\n")
    assert run("--notes", "notes", "--out", "docs", cwd=work).returncode == 0
    assert "six hours" in (work / "docs" / "ec2.md").read_text()
    assert (work / "docs" / "ec2.md").stat().st_mode & 0o777 == 0o640


def test_a_second_run_waits_for_the_first(work):
    import fcntl
    import threading

    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    handle = os.open(work / "docs", os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)          # a first run, still writing
    released = []

    def release():
        released.append(time.time())
        os.close(handle)

    threading.Timer(1.0, release).start()
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 0, result.stderr
    # Written only once the first run let go.
    assert (work / "docs" / "ec2.md").stat().st_mtime >= released[0]


def test_a_registry_key_that_leaves_the_site_is_refused_and_nothing_written(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    (work / "anchors.yaml").write_text("../../../../tmp/x:\n  spot-block:\n    title: Spot Block\n")
    before = snapshot(work)
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert result.stderr.startswith("error: anchors.yaml:1: '../../../../tmp/x' in the file is not a page")
    assert snapshot(work) == before


def test_a_link_out_of_the_notes_folder_is_refused(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    (work / "notes" / "passwd.txt").symlink_to("/etc/passwd")
    result = run("--notes", "notes", "--out", "docs", cwd=work)
    assert result.returncode == 2
    assert result.stderr == ("error: notes/passwd.txt: links to /etc/passwd, outside the notes folder; "
                             "copy the notes into the folder instead of linking them\n")
    assert not (work / "docs" / "ec2.md").exists()


def test_pages_are_never_written_into_the_notes(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    before = snapshot(work)
    for out in ("notes", "notes/pages"):
        result = run("--notes", "notes", "--out", out, cwd=work)
        assert result.returncode == 2
        assert result.stderr.startswith(f"error: {out}: is in the notes folder")
    assert snapshot(work) == before


def test_a_missing_registry_folder_is_named_before_anything_is_written(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n")
    before = snapshot(work)
    result = subprocess.run([sys.executable, str(SCRIPT), "--anchors", "missing/anchors.yaml", "--notes", "notes",
                             "--out", "docs"], cwd=work, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == ("error: missing/anchors.yaml: cannot be written: its folder does not exist; "
                             "create it or pass another --anchors path\n")
    assert snapshot(work) == before


def test_a_full_disk_names_the_file_and_changes_nothing(work, monkeypatch):
    import errno

    import notesite
    from notesite import api

    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n\n## AMI\nSharing\n- share it\n")
    site = notesite.build(work / "notes")
    before = snapshot(work)
    written = []

    def full_after_two(target, text, keep_mode):
        if len(written) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))   # as a write to a full disk: no file name
        written.append(target)
        return original(target, text, keep_mode)

    original = api._write_beside
    monkeypatch.setattr(api, "_write_beside", full_after_two)
    with pytest.raises(notesite.NotesError) as err:
        notesite.write(site, work / "docs")
    assert str(err.value).startswith(str(work / "docs") + "/")
    assert "cannot be written (No space left on device); free some space" in str(err.value)
    assert snapshot(work) == before


def test_control_characters_stay_visible(work):
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- bell\x07 and escape\x1b[0m kept\n")
    assert run("--notes", "notes", "--out", "docs", cwd=work).returncode == 0
    assert "bell\u2407 and escape\u241b\\[0m kept" in (work / "docs" / "ec2.md").read_text()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kill_at=st.integers(0, 40))
def test_a_run_killed_at_any_point_leaves_old_or_new_files_and_the_next_run_succeeds(work, kill_at):
    """Killed at any file operation (a write, a rename, a removal), every page is as it was or
    as it should be, and the next run brings all of them up to date."""
    import shutil

    import notesite
    from notesite import api

    docs = work / "docs"
    shutil.rmtree(docs)
    docs.mkdir()
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n\n## AMI\nSharing\n- share it\n")
    notesite.write(notesite.build(work / "notes"), docs)
    old = snapshot(docs)
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block of one to six hours\n\n## S3\nVersioning\n- on\n")
    site = notesite.build(work / "notes")
    operations = []

    def counted(function):
        def operation(*args, **kwargs):
            if len(operations) == kill_at:
                raise KeyboardInterrupt
            operations.append(function.__name__)
            return function(*args, **kwargs)
        return operation

    with pytest.MonkeyPatch.context() as patch:
        for name in ("replace", "unlink", "open"):
            patch.setattr(api.os, name, counted(getattr(os, name)))
        try:
            notesite.write(site, docs)
        except KeyboardInterrupt:
            pass
    for name, data in snapshot(docs).items():
        if not name.endswith(".notesite-tmp"):
            assert data == old.get(name) or data.decode() == site.files.get(name), name
    assert notesite.write(site, docs) is not None
    assert notesite.stale_files(site, docs) == []
    assert not list(docs.rglob("*.notesite-tmp"))


def _as_left(site, docs, hand_made=()):
    """What a caller that saw the last write would pass: every file, "" for those not written."""
    from notesite import file_digest

    return {**{name: file_digest(text) for name, text in site.files.items()}, **{name: "" for name in hand_made}}


def test_a_write_told_how_it_left_the_folder_reads_nothing_and_changes_what_a_full_one_would(work):
    import notesite

    docs = work / "docs"
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block\n\n## AMI\nSharing\n- share it\n")
    first = notesite.build(work / "notes")
    notesite.write(first, docs)
    (work / "notes" / "n.txt").write_text("## EC2\nSpot Block\n- block of one to six hours\n\n## S3\nVersioning\n- on\n")
    second = notesite.build(work / "notes")
    expected = sorted(notesite.stale_files(second, docs))
    real_open = open

    def write_only(file, *args, **kwargs):
        assert isinstance(file, int), f"{file} was opened by name"   # (a file written is opened by its descriptor)
        return real_open(file, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        # Neither listed nor read: only written, renamed and removed
        patch.setattr("builtins.open", write_only)
        patch.setattr(os, "walk", None)
        changed = notesite.write(second, docs, _as_left(first, docs, hand_made=["about.md"]))
    assert sorted(changed) == expected and "ami.md" in changed and "s3.md" in changed
    assert notesite.stale_files(second, docs) == []


def test_a_write_told_how_it_left_the_folder_never_overwrites_a_hand_written_page(work):
    import notesite

    docs = work / "docs"
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n")
    first = notesite.build(work / "notes")
    notesite.write(first, docs)
    (docs / "mine.md").write_text("# My own page\n")
    (work / "notes" / "n.txt").write_text("## EC2\nA\n- a\n\n## Mine\nB\n- b\n")
    before = snapshot(docs)
    with pytest.raises(notesite.NotesError, match="mine.md: exists and was not generated from the notes"):
        notesite.write(notesite.build(work / "notes"), docs, _as_left(first, docs, hand_made=["mine.md"]))
    assert snapshot(docs) == before
