"""`mkdocs serve` follows the notes: a save regenerates the pages, and notes that are invalid
mid-edit are reported (file, line, fix) without stopping the server, which serves again as soon
as the next save fixes them. (While the notes are invalid MkDocs holds requests rather than
serve pages that are stale against the notes.)"""

from __future__ import annotations

import json
import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from conftest import free_port, make_project

NOTES = "## EC2\nSpot Block\n- block spot instance for 1 to 6 hours\n"


def _wait_for(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def _page(url: str) -> str:
    return urllib.request.urlopen(url, timeout=5).read().decode()


@contextlib.contextmanager
def _serving(project, log_path):
    """`mkdocs serve` of a project, its output in `log_path`; yields the site's address and the server."""
    port = free_port()
    with open(log_path, "w+") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            yield f"http://127.0.0.1:{port}/aws-notes/", server
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_serve_regenerates_on_save_and_survives_invalid_notes(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    with _serving(project, tmp_path / "serve.log") as (base, server):
        url = base + "ec2/"
        log = lambda: open(tmp_path / "serve.log").read()  # noqa: E731
        assert _wait_for(lambda: "1 to 6 hours" in _page(url)), log()
        (project / "notes" / "notes.txt").write_text(NOTES + "- may be reclaimed in rare cases\n")
        assert _wait_for(lambda: "may be reclaimed in rare cases" in _page(url)), log()

        (project / "notes" / "notes.txt").write_bytes(b"## EC2\nSpot Block\n- half-saved \xff\n")
        assert _wait_for(lambda: "notes/notes.txt:3: byte 0xff at column 14 is not UTF-8" in log())
        assert server.poll() is None

        (project / "notes" / "notes.txt").write_text(NOTES + "- fixed on the next save\n")
        assert _wait_for(lambda: "fixed on the next save" in _page(url)), log()

        # notes/ deleted and restored (a checkout, a sync tool): still watched.
        shutil.rmtree(project / "notes")
        time.sleep(2)
        (project / "notes").mkdir()
        (project / "notes" / "notes.txt").write_text(NOTES + "- restored from the backup\n")
        assert _wait_for(lambda: "restored from the backup" in _page(url)), log()
        (project / "notes" / "notes.txt").write_text(NOTES + "- saved after the restore\n")
        assert _wait_for(lambda: "saved after the restore" in _page(url)), log()


def test_new_site_starts_a_site_from_notes_of_your_own_in_one_command(tmp_path):
    from conftest import ROOT

    project = make_project(tmp_path / "project", {"mine.txt": "## S3\nVersioning\n- keeps every version of an object\n"})
    shutil.copytree(ROOT / "scripts", project / "scripts")   # copied: the CLI finds its project from its own path
    (project / "requirements.txt").symlink_to(ROOT / "requirements.txt")
    (project / ".venv").symlink_to(ROOT / ".venv")
    shutil.copy(ROOT / "anchors.yaml", project / "anchors.yaml")   # the ids published for other notes
    port = free_port()
    log = open(tmp_path / "new-site.log", "w+")
    server = subprocess.Popen(["bash", "scripts/dev.sh", "new-site", "-a", f"127.0.0.1:{port}"], cwd=project,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/aws-notes/s3/"
        assert _wait_for(lambda: "keeps every version of an object" in _page(url), 90), \
            open(tmp_path / "new-site.log").read()
        registry = (project / "anchors.yaml").read_text()
        assert "versioning" in registry and "spot-block" not in registry
    finally:
        os.killpg(server.pid, 15)
        server.wait(10)


def test_a_save_builds_once_and_a_file_put_in_docs_by_hand_still_rebuilds(tmp_path):
    """The cleanup writes the pages into docs/ during the build: those writes must not ask for
    a second build of the same save. Anything else changed there is a change, as MkDocs has it."""
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    log_path = tmp_path / "serve.log"
    builds = lambda: log_path.read_text().count("Building documentation")  # noqa: E731
    with _serving(project, log_path) as (base, _):
        assert _wait_for(lambda: "1 to 6 hours" in _page(base + "ec2/")), log_path.read_text()
        before = builds()
        (project / "notes" / "notes.txt").write_text(NOTES + "- may be reclaimed in rare cases\n")
        assert _wait_for(lambda: "may be reclaimed in rare cases" in _page(base + "ec2/")), log_path.read_text()
        time.sleep(3)    # long enough for a second build, had the cleanup's writes asked for one
        assert builds() == before + 1, log_path.read_text()

        (project / "docs" / "assets" / "by-hand.txt").write_text("put here by hand")
        assert _wait_for(lambda: "put here by hand" in _page(base + "assets/by-hand.txt")), log_path.read_text()


def _served_parts(page: str) -> str:
    """What a page shows of its notes: the article and the table of contents (the live-reload
    script around them differs from build to build)."""
    article = page[page.index("<article"):page.index("</article>")]
    toc = page[page.index('md-nav--secondary'):page.index('</nav>', page.index('md-nav--secondary'))]
    return article + toc


def test_a_save_converts_only_the_changed_pages_and_the_others_are_served_as_converted_before(tmp_path):
    notes = ("## EC2\n\n### Spot Block\n- block spot instance for 1 to 6 hours\n\n"
             "## S3\n\n### Versioning\n- keeps every version; see EC2 Spot Block\n\n### Lifecycle\n- moves objects\n")
    project = make_project(tmp_path / "project", {"notes.txt": notes})
    log_path = tmp_path / "serve.log"
    with _serving(project, log_path) as (base, _):
        assert _wait_for(lambda: "1 to 6 hours" in _page(base + "ec2/")), log_path.read_text()
        s3_before, index_before = _served_parts(_page(base + "s3/")), _page(base + "search/search_index.json")
        (project / "notes" / "notes.txt").write_text(notes.replace("6 hours", "6 hours, then reclaimed"))
        assert _wait_for(lambda: "then reclaimed" in _page(base + "ec2/")), log_path.read_text()
        assert "pages as the last build converted them" in log_path.read_text()
        assert _served_parts(_page(base + "s3/")) == s3_before
        assert 'id="versioning"' in s3_before and 'href="#lifecycle"' in s3_before
        s3_entries = lambda index: [e for e in json.loads(index)["docs"] if e["location"].startswith("s3/")]  # noqa: E731
        assert s3_entries(_page(base + "search/search_index.json")) == s3_entries(index_before)
