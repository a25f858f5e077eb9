"""Each section's history: its notes lines on the repository host, when they last changed, the
recently changed sections on the home page and in the feed; from a throwaway git repository
with fixed dates."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_PARTS, ROOT, make_project, mkdocs_build
from notesite import history, site_from_lines
from notesite.source import decode

NOTES = """## EC2
Spot Block
- block spot instance during a specified time frame (1 to 6 hours)
- in rare instances, the instance may be reclaimed

Placement Groups
- That strategy can be defined using placement groups
Spread - spreads instances across underlying hardware
- instances located on different hardware
- max 7 instances per AZ per group

## AMI
AMI process
- Start an EC2 instance and customize it
- build an AMI - this will also create EBS snapshots
"""
CHANGED_BULLET = "- max 7 instances per AZ per group"
REPO = "https://github.com/example/aws-notes"
ATOM = "{http://www.w3.org/2005/Atom}"


def git(project: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ana Author", "GIT_AUTHOR_EMAIL": "ana@example.com",
           "GIT_COMMITTER_NAME": "Ana Author", "GIT_COMMITTER_EMAIL": "ana@example.com"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repository(tmp_path):
    """A project whose notes were committed on 2029-06-01, then one bullet of Spread on 2030-01-01."""
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "notes")
    git(project, "commit", "-q", "-m", "notes", date="2029-06-01T12:00:00+00:00")
    notes = project / "notes" / "notes.txt"
    notes.write_text(NOTES.replace(CHANGED_BULLET, "- at most 7 running instances per AZ per group"))
    git(project, "commit", "-q", "-am", "Spread: seven running instances", date="2030-01-01T09:00:00+00:00")
    return project


def _build(project: Path, site: Path, repo_url: str | None = REPO) -> subprocess.CompletedProcess:
    if repo_url:
        os.environ["REPO_URL"] = repo_url
    try:
        built = mkdocs_build(project, site, site_url="https://example.github.io/aws-notes/")
    finally:
        os.environ.pop("REPO_URL", None)
    assert built.returncode == 0, built.stderr
    return built


def _section_line(page: BeautifulSoup, ident: str):
    """The line under a heading, or under the rest of its line ("Spread - spreads...")."""
    heading = page.find(id=ident)
    following = heading.find_next_sibling()
    return following if "notes-source" in following.get("class", []) else following.find_next_sibling()


def test_a_section_links_to_its_own_notes_lines_and_shows_its_last_change(repository, tmp_path):
    _build(repository, tmp_path / "site")
    ec2 = BeautifulSoup((tmp_path / "site" / "ec2" / "index.html").read_text(), "html.parser")
    spread = _section_line(ec2, "spread")
    assert "notes-source" in spread["class"] and spread.has_attr("data-search-exclude")
    view, edit = [a["href"] for a in spread.find_all("a")]
    first, last = map(int, re.fullmatch(rf"{REPO}/blob/main/notes/notes.txt#L(\d+)-L(\d+)", view).groups())
    lines = (repository / "notes" / "notes.txt").read_text().splitlines()
    assert lines[first - 1].startswith("Spread - ")
    assert "- at most 7 running instances per AZ per group" in lines[first - 1:last]
    assert lines[last] == ""                                    # the section's own lines, no more
    assert edit == f"{REPO}/edit/main/notes/notes.txt"
    assert spread.time["datetime"].startswith("2030-01-01") and "Changed 2030-01-01 by Ana Author" in spread.text
    # The other sections kept the date of the first commit.
    assert "Changed 2029-06-01" in _section_line(ec2, "spot-block").text
    assert "Changed 2029-06-01" in _section_line(ec2, "placement-groups").text


def test_every_link_covers_exactly_the_lines_its_section_came_from(repository, tmp_path):
    _build(repository, tmp_path / "site")
    text = (repository / "notes" / "notes.txt").read_text()
    site = site_from_lines([decode(text.encode(), "notes/notes.txt")])
    for page in site.pages:
        built = BeautifulSoup((tmp_path / "site" / page.slug / "index.html").read_text(), "html.parser")
        for topic in page.topics:
            view = _section_line(built, topic.id).find("a")["href"]
            first, last = map(int, re.search(r"#L(\d+)-L(\d+)$", view).groups())
            own = [line.number for node in [topic.node, *page.section_nodes(topic)] for line in node.lines]
            assert (first, last) == (min(own), max(own)), topic.title


def test_the_home_page_and_the_feed_list_the_latest_change_first(repository, tmp_path):
    _build(repository, tmp_path / "site")
    home = BeautifulSoup((tmp_path / "site" / "index.html").read_text(), "html.parser")
    recent = home.find(id="recently-changed").find_next_sibling("ul").find_all("li")
    assert recent[0].a["href"] == "ec2/#spread" and recent[0].a.text == "EC2 › Spread"
    assert recent[0].time.text == "2030-01-01"
    assert all(item.time.text == "2029-06-01" for item in recent[1:]) and len(recent) == 4   # every section: four
    assert home.find("link", rel="alternate", type="application/atom+xml")["href"] == "feed.xml"

    feed = ElementTree.parse(tmp_path / "site" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "EC2 › Spread"
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.github.io/aws-notes/s/ec2/spread/"
    assert entries[0].find(f"{ATOM}updated").text == "2030-01-01T09:00:00+00:00"
    assert feed.find(f"{ATOM}updated").text == "2030-01-01T09:00:00+00:00"
    assert [e.find(f"{ATOM}updated").text[:10] for e in entries[1:]] == ["2029-06-01"] * 3
    # Each entry's link is a share page that exists.
    for entry in entries:
        share = entry.find(f"{ATOM}link").get("href").removeprefix("https://example.github.io/aws-notes/")
        assert (tmp_path / "site" / share / "index.html").exists()


def test_without_repo_url_no_section_offers_to_view_or_edit(repository, tmp_path):
    _build(repository, tmp_path / "site", repo_url=None)
    page = (tmp_path / "site" / "ec2" / "index.html").read_text()
    assert "View in the notes" not in page and "/edit/" not in page and "md-source" not in page
    assert "Changed 2030-01-01" in page                        # the dates come from git alone


def test_with_repo_url_the_generated_pages_offer_no_edit_of_themselves(repository, tmp_path):
    _build(repository, tmp_path / "site")
    page = (tmp_path / "site" / "ec2" / "index.html").read_text()
    assert "docs/ec2.md" not in page and 'data-md-component="source"' not in page   # nor the host's API


def test_with_no_history_the_build_succeeds_and_says_so_once(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})   # a tarball: no .git
    built = _build(project, tmp_path / "site")
    assert built.stderr.count("no section dates") == 1, built.stderr
    page = (tmp_path / "site" / "ec2" / "index.html").read_text()
    assert "View in the notes" in page and "Changed " not in page
    assert not (tmp_path / "site" / "feed.xml").exists()


def test_a_shallow_clone_is_named_and_builds(repository, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True)
    for part in PROJECT_PARTS:
        (clone / part).symlink_to(ROOT / part)
    (clone / "docs").mkdir()
    (clone / "mkdocs.yml").write_text((repository / "mkdocs.yml").read_text())
    built = _build(clone, tmp_path / "site")
    assert "no section dates: this is a shallow clone" in built.stderr
    assert "Changed " not in (tmp_path / "site" / "ec2" / "index.html").read_text()


def test_blame_output_gives_each_line_its_latest_commit():
    porcelain = (
        f"{'a' * 40} 1 1 2\nauthor Ana\nauthor-time 1893456000\nfilename n.txt\n\t## EC2\n"
        f"{'a' * 40} 2 2\nauthor Ana\nauthor-time 1893456000\nfilename n.txt\n\tSpread\n"
        f"{'0' * 40} 3 3 1\nauthor Not Committed Yet\nauthor-time 1999999999\nfilename n.txt\n\t- new\n")
    changes = history.parse_blame(porcelain)
    assert [c.author if c else None for c in changes] == ["Ana", "Ana", None]
    sources = {"ec2": {"title": "EC2", "sections": {"spread": {"title": "Spread", "path": "n.txt", "lines": [2, 3]}}}}
    (section,) = history.sections(sources, {"n.txt": changes})
    assert section.date == "2030-01-01"       # the uncommitted line does not count


def test_hostile_author_names_and_titles_stay_text():
    change = history.LineChange("b" * 40, '<script>alert(1)</script>', 1893456000)
    section = history.Section("ec2", "spread", "EC2", "<b>Spread</b>", "notes/n.txt", 2, 3, change)
    page = history.decorate('<h2 id="spread">Spread</h2>', {"spread": section}, history.Repository(REPO, "main"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    feed = history.atom_feed([section], "https://example.github.io/aws-notes/", "Notes & more")
    assert ElementTree.fromstring(feed).find(f"{ATOM}entry/{ATOM}title").text == "EC2 › <b>Spread</b>"
    assert "<b>" not in history.recent_html([section])


def test_a_heading_whose_line_goes_on_keeps_its_words_together_and_the_dates_follow():
    change = history.LineChange("c" * 40, "Ana", 1893456000)
    lead = history.Section("ec2", "spread", "EC2", "Spread", "notes/n.txt", 8, 10, change, lead=True)
    plain = history.Section("ec2", "cluster", "EC2", "Cluster", "notes/n.txt", 11, 12, change)
    page = history.decorate('<h3 id="spread">Spread</h3>\n<p>spreads instances</p>\n<ul><li>x</li></ul>'
                            '<h3 id="cluster">Cluster</h3>\n<p>same rack</p>', {"spread": lead, "cluster": plain}, None)
    assert re.fullmatch(r'<h3 id="spread">Spread</h3>\n<p>spreads instances</p>\n<p class="notes-source"[^\n]*</p>\n'
                        r'<ul><li>x</li></ul><h3 id="cluster">Cluster</h3>\n<p class="notes-source"[^\n]*</p>\n'
                        r'<p>same rack</p>', page), page


def test_in_a_built_page_only_the_article_s_headings_get_their_line():
    change = history.LineChange("c" * 40, "Ana", 1893456000)
    spread = history.Section("ec2", "spread", "EC2", "Spread", "notes/n.txt", 8, 10, change)
    built = ('<nav><h2 id="spread">Spread</h2></nav><article class="md-content__inner">'
             '<h2 id="spread">Spread</h2></article><footer></footer>')
    page = history.decorate_article(built, {"spread": spread}, None)
    assert page.count("notes-source") == 1
    assert page.startswith('<nav><h2 id="spread">Spread</h2></nav>') and page.endswith("</article><footer></footer>")
    assert history.decorate_article("<p>no article</p>", {"spread": spread}, None) == "<p>no article</p>"


# History as untrusted input: whatever a commit says of its author and date.

def test_an_author_name_with_a_direction_override_cannot_reorder_the_line():
    change = history.LineChange("b" * 40, "Ann \u202eEdit\u202c", 1893456000)
    section = history.Section("ec2", "spread", "EC2", "Spread", "notes/n.txt", 2, 3, change)
    page = history.decorate('<h2 id="spread">Spread</h2>', {"spread": section}, history.Repository(REPO, "main"))
    assert "\u202e" not in page and "by <bdi>Ann Edit</bdi>" in page


def test_control_characters_in_an_author_name_keep_the_feed_valid_xml():
    change = history.LineChange("b" * 40, "Ann\x01 \ufffeBee", 1893456000)
    section = history.Section("ec2", "spread", "EC2", "Spr\x02ead", "notes/n.txt", 2, 3, change)
    feed = ElementTree.fromstring(history.atom_feed([section], "https://example.github.io/n/", "Notes\x03"))
    assert feed.find(f"{ATOM}entry/{ATOM}author/{ATOM}name").text == "Ann Bee"
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == "EC2 › Spread"


def test_a_commit_dated_out_of_range_gives_its_lines_no_date_rather_than_stopping():
    porcelain = (f"{'a' * 40} 1 1 1\nauthor Ana\nauthor-time 100000000000000\nfilename n.txt\n\tSpread\n"
                 f"{'b' * 40} 2 2 1\nauthor Bo\nauthor-time 1893456000\nfilename n.txt\n\t- x\n")
    blames = {"n.txt": history.parse_blame(porcelain)}
    sources = {"ec2": {"title": "EC2", "sections": {"spread": {"title": "Spread", "path": "n.txt", "lines": [1, 2]}}}}
    (section,) = history.sections(sources, blames)
    assert section.changed.author == "Bo" and section.date == "2030-01-01"
    assert history.undated_commits(blames) == ["a" * 40]


def test_an_author_name_that_is_not_utf8_builds_with_a_replacement_character(repository, tmp_path):
    # A commit written by an old tool: its author's name in latin-1 bytes, which git keeps as
    # given (written as a raw object: `git commit` itself would convert the name).
    tree, parent = git(repository, "rev-parse", "HEAD^{tree}", "HEAD~1").split()
    raw = (f"tree {tree}\nparent {parent}\n".encode() + b"author Ren\xe9 <r@example.com> 1893456000 +0000\n"
           b"committer Ren\xe9 <r@example.com> 1893456000 +0000\n\nlatin-1\n")
    commit = subprocess.run(["git", "-C", str(repository), "hash-object", "-t", "commit", "-w", "--stdin"],
                            input=raw, capture_output=True, check=True).stdout.decode().strip()
    git(repository, "update-ref", "HEAD", commit)
    _build(repository, tmp_path / "site")
    assert "by <bdi>Ren\ufffd</bdi>" in (tmp_path / "site" / "ec2" / "index.html").read_text()


def test_an_amended_author_and_the_mailmap_reach_the_pages_without_a_notes_change(repository, tmp_path):
    _build(repository, tmp_path / "site")
    assert "Ana Author" in (tmp_path / "site" / "ec2" / "index.html").read_text()
    (repository / ".mailmap").write_text("Ana Mapped <ana@example.com>\n")
    _build(repository, tmp_path / "site")
    assert "Ana Mapped" in (tmp_path / "site" / "ec2" / "index.html").read_text()
    git(repository, "commit", "-q", "--amend", "--no-edit", "--author", "Other Person <o@example.com>")
    _build(repository, tmp_path / "site")
    assert "Other Person" in (tmp_path / "site" / "ec2" / "index.html").read_text()


def test_a_project_in_a_subfolder_of_its_repository_links_to_its_notes_there(tmp_path):
    outer = tmp_path / "repository"
    project = make_project(outer / "site-notes", {"notes.txt": NOTES})
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "site-notes/notes")
    git(outer, "commit", "-q", "-m", "notes", date="2029-06-01T12:00:00+00:00")
    _build(project, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site" / "ec2" / "index.html").read_text(), "html.parser")
    view = _section_line(page, "spot-block").find("a", string="View in the notes")["href"]
    assert view.startswith(f"{REPO}/blob/main/site-notes/notes/notes.txt#L"), view


def test_a_file_with_lone_cr_line_ends_gets_dates_and_the_lines_the_host_counts(tmp_path):
    project = make_project(tmp_path / "project", {})
    (project / "notes" / "mac.txt").write_bytes(NOTES.replace("\n", "\r").encode())
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "notes")
    git(project, "commit", "-q", "-m", "notes", date="2029-06-01T12:00:00+00:00")
    _build(project, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site" / "ec2" / "index.html").read_text(), "html.parser")
    line = _section_line(page, "spot-block")
    assert line.find("time").get_text() == "Changed 2029-06-01"
    # One line to git and the host: every section's link points at it.
    assert line.find("a", string="View in the notes")["href"].endswith("notes/mac.txt#L1-L1")


def _counting_blames(monkeypatch) -> list[str]:
    blamed: list[str] = []
    real = history._git

    def counting(root, *args):
        if args[:1] == ("blame",):
            blamed.append(args[-1])
        return real(root, *args)

    monkeypatch.setattr(history, "_git", counting)
    return blamed


def test_an_uncommitted_edit_runs_no_blame_and_its_lines_have_no_date(repository, tmp_path, monkeypatch):
    cache = tmp_path / "history.json"
    first = history.read_blame(repository, ["notes/notes.txt"], cache)["notes/notes.txt"]
    blamed = _counting_blames(monkeypatch)
    notes = repository / "notes" / "notes.txt"
    notes.write_text("- a new first line, not committed\n" + notes.read_text())
    again = history.read_blame(repository, ["notes/notes.txt"], cache)["notes/notes.txt"]
    assert blamed == []
    assert again[0] is None and again[1:] == first


def test_only_the_notes_file_whose_commit_changed_is_blamed_again(repository, tmp_path, monkeypatch):
    (repository / "notes" / "more.txt").write_text("## S3\nVersioning\n- keeps versions\n")
    git(repository, "add", "notes")
    git(repository, "commit", "-q", "-m", "more", date="2030-02-01T09:00:00+00:00")
    paths, cache = ["notes/notes.txt", "notes/more.txt"], tmp_path / "history.json"
    history.read_blame(repository, paths, cache)
    blamed = _counting_blames(monkeypatch)
    (repository / "notes" / "more.txt").write_text("## S3\nVersioning\n- keeps every version\n")
    git(repository, "commit", "-q", "-am", "more words", date="2030-03-01T09:00:00+00:00")
    changes = history.read_blame(repository, paths, cache)
    assert blamed == ["notes/more.txt"]
    assert history._utc(changes["notes/more.txt"][2].when).year == 2030 and changes["notes/notes.txt"]


def test_lines_before_and_after_an_uncommitted_edit_keep_their_changes():
    a, b, c = (history.LineChange(x * 40, "Ann", 1893456000) for x in "abc")
    carried = history._carried("one\ntwo\nthree\nfour\n", b"one\ntwo, edited\nand a new line\nthree\nfour\n",
                               [a, b, c, a])
    assert carried == [a, None, None, c, a]


def test_the_kept_blame_gives_what_git_gave_and_an_unchanged_commit_writes_nothing(repository, tmp_path, monkeypatch):
    cache = tmp_path / "history.json"
    first = history.read_blame(repository, ["notes/notes.txt"], cache)["notes/notes.txt"]
    assert first and all(change is not None for change in first)
    blamed = _counting_blames(monkeypatch)
    kept = cache.read_text()
    writes: list[str] = []
    monkeypatch.setattr(type(cache), "write_text", lambda path, text, *args, **kwargs: writes.append(text))
    again = history.read_blame(repository, ["notes/notes.txt"], cache)["notes/notes.txt"]
    assert again == first and blamed == [] and writes == []
    cache.write_bytes(kept.replace('"lines": [', '"lines": [99, ').encode())   # an entry of another shape
    assert history.read_blame(repository, ["notes/notes.txt"], cache)["notes/notes.txt"] == first
    assert blamed == ["notes/notes.txt"] and writes == [kept]
