"""The author's real notes: nothing lost, misspellings gone, identifiers intact, ids stable."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from conftest import REAL_NOTES, ROOT, site_from_text
from notesite import data
from notesite.inline import normalizer, words
from notesite.render import page_file

RAW = REAL_NOTES.read_text(encoding="utf-8")
IDENTIFIERS = ["InsufficientInstanceCapacity", "InstanceLimitExceeded", "InstanceInitiatedShutdownBehaviour",
               "StatusCheckFailed_System", "StatusCheckFailed_Instance", "CWAgent", "pid_file", "m5.large",
               "procstat_cpu_time", "procstat_cpu_usage", "capacityOptimizes", "CreateImage", "/health",
               "image.part.xx", "./mydepartment/myapp/dev/"]


@pytest.fixture(scope="module")
def site():
    return site_from_text(RAW, "notes/aws-sysops.txt")


def test_every_raw_line_is_shown_on_exactly_one_page(site):
    shown = [line.number for page in site.pages for line in page.source_lines()]
    shown += [line.number for line in site.title_lines]
    non_blank = [n for n, text in enumerate(RAW.split("\n"), 1) if text.strip()]
    assert sorted(shown) == non_blank


def test_every_word_of_every_line_reaches_its_page(site):
    """Each raw line's words, as corrected, appear in order in the page that shows it."""
    norm = normalizer()
    texts = {page.slug: _page_words(site.files[page_file(page)]) for page in site.pages}
    for page in site.pages:
        page_text = texts[page.slug]
        for line in page.source_lines():
            expected = " ".join(w.lower() for w in words(norm.plain(norm.heading(line.text))))
            assert expected in page_text, f"line {line.number} ({line.text!r}) is not on {page.slug}"


def _visible_text(markdown: str) -> str:
    """What a reader sees of a page: no front matter, heading ids or link targets."""
    body = markdown.split("\n---\n", 1)[1]
    body = re.sub(r"\{#[^}]*\}|\]\([^)]*\)", " ", body).replace("\\", "")
    return html.unescape(body)


def _page_words(markdown: str) -> str:
    return " ".join(w.lower() for w in words(_visible_text(markdown)))


def test_at_least_five_service_pages_and_eighty_linkable_sections(site):
    assert len(site.pages) >= 5
    assert sum(len(p.topics) for p in site.pages) > 80


def test_every_topic_the_issue_names_has_its_own_heading(site):
    ec2 = next(p for p in site.pages if p.slug == "ec2")
    ids = {t.id for t in ec2.topics}
    assert {"spread", "spot-block", "placement-groups", "cluster", "partition", "ec2-hibernate"} <= ids


def test_the_two_spot_instances_topics_get_distinct_meaningful_ids(site):
    ec2 = next(p for p in site.pages if p.slug == "ec2")
    spot = sorted(t.id for t in ec2.topics if t.title == "Spot instances")
    assert spot == ["purchasing-options-spot-instances", "spot-instances"]


def test_misspellings_are_gone(site):
    text = "\n".join(_visible_text(t) for n, t in site.files.items() if n.endswith(".md")).lower()
    for wrong in data.corrections():
        assert not re.search(rf"(?<![a-z0-9]){re.escape(wrong.lower())}(?![a-z0-9])", text), wrong


def test_identifiers_are_intact_and_set_as_code(site):
    text = "\n".join(site.files.values())
    for identifier in IDENTIFIERS:
        assert f"`{identifier}`" in text, identifier


def test_services_are_recognised_and_titled(site):
    assert [(p.slug, p.title) for p in site.pages] == [
        ("ec2", "EC2"), ("ami", "AMI"), ("systems-manager", "Systems Manager"),
        ("scalability-and-high-availability", "Scalability and High Availability"),
        ("elastic-load-balancing", "Elastic Load Balancing")]


def test_adding_notes_elsewhere_changes_no_existing_id(site):
    before = {(p.slug, t.id) for p in site.pages for t in p.topics}
    grown = RAW.replace("Spot Block\n", "Capacity Reservations\n- reserve capacity in an AZ\n\nSpot Block\n", 1)
    grown = grown.replace("## AMI\n", "## AMI\nAMI lifecycle\n- deregister old AMIs\n\n", 1)
    grown += "\n## Route 53\nRouting policies\n- simple, weighted, latency\nSpot instances\n- dns for spot\n"
    after = {(p.slug, t.id) for p in site_from_text(grown).pages for t in p.topics}
    assert before <= after


def test_committed_pages_are_up_to_date():
    result = subprocess.run([sys.executable, "scripts/clean_notes.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_spell_report_finds_no_unknown_word_in_the_real_notes():
    result = subprocess.run([sys.executable, "scripts/clean_notes.py", "--spell-report"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0
    # The reviewed list knows every misspelling of these notes: nothing is left to guess.
    assert result.stdout.startswith("# 0 misspellings fixed automatically")
    assert "\n# 0 unknown words" in result.stdout
