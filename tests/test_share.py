"""Linking a teammate to a section, in Chromium under a GitHub Pages sub-path: one click copies
a link, the link lands on the section, unfurls with its title, and survives renames."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SubPathServer, make_project, mkdocs_build

pytestmark = pytest.mark.browser

# The section's heading is in the upper half of the window, below the sticky header (with
# instant navigation the URL changes a moment before the new page's content is in place).
IN_VIEW = """id => { const e = document.getElementById(id); if (!e) return false;
                      const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
                      const r = e.getBoundingClientRect(); return r.top >= header && r.top < window.innerHeight / 2; }"""


def _open(context, url):
    page = context.new_page()
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    page.goto(url, wait_until="load")
    return page


def _og_title(url: str) -> str:
    html = urllib.request.urlopen(url, timeout=5).read().decode()
    return BeautifulSoup(html, "html.parser").find("meta", property="og:title")["content"]


def test_copy_link_copies_the_share_url_under_the_sub_path_and_says_so(served, context):
    page = _open(context, served.url + "ec2/")
    button = page.locator("#spread button[aria-label*='Copy link']").first
    assert button.get_attribute("aria-label") == "Copy link to section Spread"
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == served.url + "s/ec2/spread/"
    page.wait_for_function("() => document.getElementById('notes-announce').textContent === 'Link copied'")


def test_the_chat_choice_copies_a_labelled_markdown_link(served, context):
    page = _open(context, served.url + "ec2/")
    page.locator("#spread button[aria-label*='Copy link for chat']").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"[EC2 \u203a Spread]({served.url}s/ec2/spread/)"


def test_the_copy_control_is_reachable_by_keyboard(served, context):
    page = _open(context, served.url + "ec2/")
    page.wait_for_selector("#spot-block .notes-share")   # decorated once the deferred script ran
    page.locator("#spot-block").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#spot-block').previousElementSibling.setAttribute('tabindex', '-1')")
    page.evaluate("document.querySelector('#spot-block').previousElementSibling.focus()")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#spot-block') !== null"):
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy link to section Spot Block"
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == served.url + "s/ec2/spot-block/"


def test_a_copied_link_opened_fresh_lands_on_the_section_and_lights_it(served, context):
    page = _open(context, served.url + "s/ec2/spot-block/")
    page.wait_for_url(re.compile(r"/aws-notes/ec2/#spot-block$"))
    page.wait_for_function(IN_VIEW, arg="spot-block")
    assert "notes-landed" in page.locator("#spot-block").get_attribute("class")


def test_a_link_a_chat_app_added_tracking_to_still_lands_on_the_section(served, context):
    page = _open(context, served.url + "s/ec2/spot-block/?utm_source=slack&utm_medium=chat")
    page.wait_for_url(re.compile(r"/aws-notes/ec2/\?utm_source=slack&utm_medium=chat#spot-block$"))
    page.wait_for_function(IN_VIEW, arg="spot-block")
    assert "notes-landed" in page.locator("#spot-block").get_attribute("class")


def test_a_malformed_address_leaves_the_page_working(served, context):
    page = _open(context, served.url + "ec2/#%E0%A4%A")
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(served.url + "ami/#%E0%A4%A", wait_until="load")
    page.wait_for_selector(".notes-share")             # the page script ran to the end
    assert not errors


def test_the_share_url_unfurls_with_the_section_title_and_gist(served):
    html = urllib.request.urlopen(served.url + "s/ec2/spread/", timeout=5).read().decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", property="og:title")["content"] == "EC2 \u203a Spread"
    assert soup.find("meta", property="og:description")["content"].startswith("spreads instances across")
    assert soup.find("link", rel="canonical")["href"] == "../../../ec2/#spread"
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_every_page_has_a_description_and_open_graph_tags(real_site):
    for path in real_site.rglob("index.html"):
        if "/s/" in str(path.relative_to(real_site).as_posix()) or path.parent.name == "s":
            continue
        soup = BeautifulSoup(path.read_text(), "html.parser")
        assert soup.find("meta", attrs={"name": "description"})["content"], path
        assert soup.find("meta", property="og:title")["content"], path
        assert soup.find("meta", property="og:description")["content"], path


def test_landing_within_the_site_with_instant_navigation(served, context):
    page = _open(context, served.url)
    page.evaluate("window.notesSamePage = true")   # gone if the browser loaded a new page
    page.locator("article a[href$='ec2/#spot-block']").first.click()
    page.wait_for_url(re.compile(r"/aws-notes/ec2/#spot-block$"))
    page.wait_for_function(IN_VIEW, arg="spot-block")
    page.wait_for_function("() => document.getElementById('spot-block')?.classList.contains('notes-landed')")
    assert page.evaluate("window.notesSamePage"), "the theme loaded the page instead of navigating instantly"
    # and a jump within the page, through the table of contents
    page.locator(".md-sidebar--secondary a[href$='#spread']").first.click()
    page.wait_for_function(IN_VIEW, arg="spread")
    page.wait_for_function("() => document.getElementById('spread').classList.contains('notes-landed')")


def test_landing_with_instant_navigation_off(tmp_path, context):
    config = (ROOT / "mkdocs.yml").read_text().replace("    - navigation.instant\n", "")
    assert "navigation.instant\n" not in config
    (tmp_path / "mkdocs.yml").write_text(config)
    for part in ("overrides", "hooks", "notesite", "notes"):
        (tmp_path / part).symlink_to(ROOT / part)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")   # the build writes there: never into this tree
    (tmp_path / "anchors.yaml").write_text((ROOT / "anchors.yaml").read_text())
    assert mkdocs_build(tmp_path, tmp_path / "site").returncode == 0
    server = SubPathServer(tmp_path / "site")
    try:
        page = _open(context, server.url)
        page.locator("article a[href$='ec2/#spot-block']").first.click()
        page.wait_for_url(re.compile(r"/aws-notes/ec2/#spot-block$"))
        page.wait_for_function(IN_VIEW, arg="spot-block")
        page.wait_for_function("() => document.getElementById('spot-block')?.classList.contains('notes-landed')")
    finally:
        server.close()


NOTES = """## EC2
Spot Block
- block spot instance during a specified time frame (1 to 6 hours) without interruptions
- in rare instances, the instance may be reclaimed
- used for batch jobs, data analysis or workloads that are resilient to failures

Placement Groups
- That strategy can be defined using placement groups
""" + "\n".join(f"- filler line {n} so that the page scrolls" for n in range(60)) + "\n"


def _clean(project):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "clean_notes.py"), "--notes", "notes",
                             "--out", "docs", "--anchors", "anchors.yaml"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_a_renamed_heading_keeps_its_published_link_working(tmp_path, context):
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    _clean(project)   # publishes ec2#spot-block
    (project / "notes" / "notes.txt").write_text(NOTES.replace("Spot Block\n", "Spot Blocks (defined duration)\n"))
    _clean(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    server = SubPathServer(tmp_path / "site")
    try:
        page = _open(context, server.url + "ec2/#spot-block")
        page.wait_for_function(IN_VIEW, arg="spot-blocks-defined-duration")
        assert _og_title(server.url + "s/ec2/spot-block/") == "EC2 \u203a Spot Blocks (defined duration)"
        page = _open(context, server.url + "s/ec2/spot-block/")
        page.wait_for_url(re.compile(r"/aws-notes/ec2/#spot-blocks-defined-duration$"))
        page.wait_for_function(IN_VIEW, arg="spot-blocks-defined-duration")
    finally:
        server.close()


def test_a_removed_section_fails_the_build_naming_the_link(tmp_path):
    project = make_project(tmp_path / "project", {"notes.txt": NOTES})
    _clean(project)
    (project / "notes" / "notes.txt").write_text(NOTES.replace(NOTES[NOTES.index("Spot Block"):NOTES.index("Placement")], ""))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    registry = (project / "anchors.yaml").read_text().splitlines()
    line = registry.index("  spot-block:", registry.index("ec2:")) + 1
    assert f'anchors.yaml:{line}: published link ec2/#spot-block ("Spot Block") no longer leads to any section' \
        in result.stderr


def test_abbreviations_show_their_expansion_and_links_preview_their_target(served, context):
    page = _open(context, served.url + "ec2/")
    page.wait_for_function("() => document.querySelectorAll('article abbr[title]').length > 20")
    assert page.locator("#spread ~ ul abbr", has_text="AZ").first.get_attribute("title") == "Availability Zone"
    assert page.locator("article h2 abbr, article code abbr").count() == 0   # headings and code stay as typed
    link = page.locator("article p a[href$='/ami/'], article li a[href$='/ami/']").first
    link.scroll_into_view_if_needed()
    link.hover()
    page.wait_for_selector(".md-tooltip2--active, .md-tooltip2 article", timeout=10000)
