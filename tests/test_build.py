"""`mkdocs build --strict` is an integration test: the real notes and hostile notes both build,
with zero warnings, every link and anchor valid, and nothing fetched from another host."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT, make_project, mkdocs_build

GOLDEN = Path(__file__).parent / "golden"


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_real_notes_build_strict_with_every_service_page(real_site):
    for slug in ("ec2", "ami", "systems-manager", "scalability-and-high-availability", "elastic-load-balancing"):
        assert (real_site / slug / "index.html").exists()


def test_no_page_loads_anything_from_another_host(real_site):
    for path, soup in _pages(real_site):
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" and tag.get("rel") != ["canonical"] else None)
            if url:
                assert not urlsplit(url).netloc, f"{path.relative_to(real_site)} loads {url}"
        for style in soup.find_all("style"):
            assert "@import" not in style.text and "url(http" not in style.text


def test_every_heading_on_a_service_page_has_its_written_id(real_site):
    ec2 = BeautifulSoup((real_site / "ec2" / "index.html").read_text(), "html.parser")
    ids = {h.get("id") for h in ec2.select("article h2, article h3, article h4")}
    assert {"spread", "spot-block", "instancelimitexceeded", "purchasing-options-spot-instances"} <= ids


def test_the_site_builds_without_the_hooks(tmp_path):
    """Hooks enrich the site; without them (as under MkDocs' successors) it still builds."""
    config = re.sub(r"(?ms)^hooks:\n(?:  - .*\n)+", "", (ROOT / "mkdocs.yml").read_text())
    (tmp_path / "mkdocs.yml").write_text(config)
    for part in ("docs", "overrides"):
        (tmp_path / part).symlink_to(ROOT / part)
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "hooks" not in config


def test_hostile_notes_render_as_inert_text(tmp_path):
    project = make_project(tmp_path / "project", {"hostile.txt": (GOLDEN / "hostile" / "notes.txt").read_text()})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for path, soup in _pages(tmp_path / "site"):
        html = path.read_text()
        assert "<script>alert" not in html and "<iframe" not in html
        assert not soup.select('a[href^="javascript:"]')
        assert "root:x:0:0" not in html  # the --8<-- line included no file
    page = BeautifulSoup((tmp_path / "site" / "script-alert-title-script" / "index.html").read_text(), "html.parser")
    article = page.select_one("article")
    text = article.get_text()
    # HTML, unsafe addresses and syntax Markdown has no meaning for show as typed...
    for literal in ("<iframe src=", "instance (javascript:alert(1))", "a data image (data:image/png;base64,AAAA)",
                    "{: #fake-id .class}", '--8<-- "/etc/passwd"', "*[EC2]: Not the glossary",
                    '!!! note "not an admonition"', "<script>alert(1)</script>"):
        assert literal in text, literal
    assert not article.select("img")
    # ...while what the author marked up in Markdown comes out as the same construct, and a tag
    # that only formats, as GitHub shows it: written anew, with no attribute.
    assert str(article.select_one("b")) == "<b>bold?</b>"
    assert article.select_one("em").get_text() == "emphasis, as typed"
    assert article.select_one('a[href="https://docs.aws.amazon.com/"]').get_text() == "a safe link"
    assert article.select_one("blockquote").get_text(strip=True) == "a quote, as typed"
    assert article.select_one("ol li").get_text() == "an ordered list, as typed"
    assert [td.get_text() for td in article.select("table td")] == ["<script>alert(1)</script>", "<b>code</b>"]
    assert "& < \u00a9 entities, as typed" in text


def test_the_hook_rebuilds_pages_only_when_what_they_are_made_from_changed(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    first = mkdocs_build(project, tmp_path / "site")
    assert "regenerated from the notes" in first.stderr, first.stderr
    unchanged = mkdocs_build(project, tmp_path / "site")
    assert "regenerated" not in unchanged.stderr, unchanged.stderr

    page = project / "docs" / "ec2.md"
    made = page.read_text()
    page.write_text(made.replace("one to six hours", "edited by hand"))
    restored = mkdocs_build(project, tmp_path / "site")
    assert "regenerated from the notes: ec2.md" in restored.stderr, restored.stderr
    assert page.read_text() == made

    notes = project / "notes" / "notes.txt"
    notes.write_text(notes.read_text() + "- may be reclaimed\n")
    long_ago = time.time() - 86400   # restored from a backup, or saved in the same second as the build
    os.utime(notes, (long_ago, long_ago))
    assert "regenerated from the notes" in mkdocs_build(project, tmp_path / "site").stderr
    assert "may be reclaimed" in page.read_text()


def test_a_deleted_notes_file_takes_its_pages_with_it(tmp_path):
    project = make_project(tmp_path / "project", {"ec2.txt": "## EC2\nSpot Block\n- one to six hours\n",
                                                  "ami.txt": "## AMI\nSharing\n- share it\n"})
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    assert (tmp_path / "site" / "ami" / "index.html").exists()
    (project / "notes" / "ami.txt").unlink()
    rebuilt = mkdocs_build(project, tmp_path / "site")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not (project / "docs" / "ami.md").exists() and not (tmp_path / "site" / "ami").exists()


def test_a_save_while_the_pages_are_made_is_picked_up_by_the_next_build(tmp_path, monkeypatch):
    import importlib.util

    import notesite

    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    spec = importlib.util.spec_from_file_location("notes_sync_under_test", project / "hooks" / "notes_sync.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = {"docs_dir": str(project / "docs")}
    notes = project / "notes" / "notes.txt"
    made_from = notesite.write

    def saved_meanwhile(site, out, as_left=None):   # the author saves after the notes were read, before the build ends
        changed = made_from(site, out, as_left)
        notes.write_text(notes.read_text() + "- saved during the build\n")
        return changed

    monkeypatch.setattr(notesite, "write", saved_meanwhile)
    hook.on_pre_build(config)
    monkeypatch.setattr(notesite, "write", made_from)
    assert "saved during the build" not in (project / "docs" / "ec2.md").read_text()
    hook.on_pre_build(config)
    assert "saved during the build" in (project / "docs" / "ec2.md").read_text()


def test_the_build_fails_saying_why_when_the_site_search_cannot_be_wired_in(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    template = project / "overrides" / "main.html"
    # A theme release whose config no longer holds the worker's address where it used to be.
    template.write_text(template.read_text().replace("replace(theme_search_worker | url,", "replace('-nothing-',"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "does not use the site's search worker" in result.stderr, result.stderr


def test_the_build_fails_saying_why_when_the_word_vectors_are_missing(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "overrides" / "assets" / "word-vectors.bin").unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "assets/word-vectors.bin missing" in result.stderr, result.stderr


def test_the_build_fails_saying_why_when_the_theme_worker_speaks_other_message_numbers(tmp_path):
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (theme_worker,) = workers.glob("search.*.min.js")
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    # The same worker, as a theme release that numbered the query 4 and its result 5 would ship it.
    changed = theme_worker.read_text().replace("case 2:", "case 4:").replace("{type:3,data:", "{type:5,data:")
    target = project / "overrides" / "assets" / "javascripts" / "workers" / theme_worker.name
    target.parent.mkdir(parents=True)
    target.write_text(changed)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no longer sets up on message 0 and answers message 2 with message 3" in result.stderr, result.stderr
    target.write_text(theme_worker.read_text())    # the theme's own: builds
    assert mkdocs_build(project, tmp_path / "site2").returncode == 0


def test_the_build_fails_naming_the_file_when_the_sentence_model_is_missing_or_changed(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\nSpot Block\n- one to six hours\n"})
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    model = project / "overrides" / "assets" / "sentence-model.bin"
    model.write_bytes(model.read_bytes()[:-1] + b"\1")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "sentence-model.bin: is not the pinned sentence model" in result.stderr, result.stderr
    model.unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "sentence-model.bin: the sentence model is missing" in result.stderr, result.stderr


def test_the_site_search_worker_loads_the_theme_worker_by_the_name_found_in_the_theme(real_site):
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (name,) = [p.name for p in workers.glob("search.*.min.js")]
    config = BeautifulSoup((real_site / "ec2" / "index.html").read_text(), "html.parser").select_one("#__config")
    assert json.loads(config.string)["search"] == f"../assets/search-worker.js?theme=javascripts/workers/{name}"
    assert (real_site / "assets" / "javascripts" / "workers" / name).is_file()
    assert (real_site / "assets" / "search-worker.js").is_file() and (real_site / "assets" / "notes.js").is_file()
    assert (real_site / "assets" / "word-vectors.bin").is_file()
    assert (real_site / "assets" / "sentence-model.bin").is_file() and (real_site / "assets" / "section-meaning.bin").is_file()


def test_a_build_that_reads_back_what_the_last_one_kept_gives_the_same_site(tmp_path):
    # The sanitizer's outputs and the meaning vectors are kept between builds (.notes-sanitized,
    # .notes-meaning, .notes-meaning.last); the kept blame is tested in test_history
    notes = ("## EC2\n\nLaunch\n- a <b>bold</b> claim <img src=x onerror=alert(1)> and [a link](javascript:alert(1))\n"
             "- | table | cell |\n\n## S3\n\nVersioning\n- keeps versions\n")
    project = make_project(tmp_path / "project", {"notes.txt": notes})
    sites = []
    for run in ("fresh", "kept"):
        result = mkdocs_build(project, tmp_path / run)
        assert result.returncode == 0, result.stderr
        # (the sitemap's gzip header holds the time it was written)
        sites.append({p.relative_to(tmp_path / run): p.read_bytes() for p in (tmp_path / run).rglob("*")
                      if p.is_file() and p.suffix != ".gz"})
        if run == "fresh":
            assert all((project / kept).stat().st_size > 0 for kept in (".notes-sanitized", ".notes-meaning.last"))
    assert sites[0] == sites[1]
    ec2 = sites[1][Path("ec2/index.html")]
    assert b"&lt;img src=x onerror=alert(1)&gt;" in ec2 and b"<img src=x" not in ec2 and b'href="javascript' not in ec2


def test_a_page_written_by_hand_before_the_last_build_is_never_overwritten_by_the_next(tmp_path):
    # The build after a notes save knows docs/ as the last one left it, hand-written pages too
    project = make_project(tmp_path / "project", {"notes.txt": "## EC2\n\nLaunch\n- pick a type\n"})
    (project / "docs" / "mine.md").write_text("# My own page\n")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    assert json.loads((project / ".notes-built").read_text())["docs"]["mine.md"] == ""   # known, not written
    (project / "notes" / "notes.txt").write_text("## EC2\n\nLaunch\n- pick a type\n\n## Mine\n\nOwn\n- words\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "docs/mine.md: exists and was not generated from the notes" in result.stderr
    assert (project / "docs" / "mine.md").read_text() == "# My own page\n"
