"""Titles numbered as an outline ("1. EC2" over its notes, "1.1 Instance types" under it) give
the services' pages and their sections; numbered lists stay lists."""

from __future__ import annotations

from conftest import site_from_text

OUTLINE = """AWS SysOps study notes

1. EC2
1.1 Instance types
- t3 burstable
1.2 Pricing
- spot is cheap

2. S3

2.1 Storage classes
- Standard

3 - CLOUDWATCH
alarms on metrics
Steps to make an alarm:

1. Pick a metric
2. Set a threshold
"""


def _pages(site) -> list[str]:
    return [page.title for page in site.pages]


def test_a_numbered_outline_of_services_gives_their_pages_and_numbered_sections():
    site = site_from_text(OUTLINE, "notes/study.txt")
    assert _pages(site) == ["EC2", "S3", "CloudWatch"]
    ec2 = site.files["ec2.md"]
    assert "\n## 1.1 Instance types {#1-1-instance-types}\n\n- t3 burstable\n" in ec2
    assert "\n## 1.2 Pricing {#1-2-pricing}\n" in ec2   # a peer of 1.1, as its number says
    assert "\n## 2.1 Storage classes {#2-1-storage-classes}\n" in site.files["s3.md"]
    # a list of steps counts from 1 again: it stays a list on its page
    assert "\n1. Pick a metric\n2. Set a threshold\n" in site.files["cloudwatch.md"]
    # the line over the first title titles the file on the home page, not a page of its own
    assert "Notes: AWS SysOps study notes" in site.files["index.md"]


def test_a_numbered_list_of_services_stays_a_list():
    notes = "## Compute\n\nServices:\n\n1. EC2\n2. Lambda\n3. ECS\n\nNumbered with notes but one service\n\n1. EC2\n- servers\n\n2. Cost\n- bills\n"
    site = site_from_text(notes)
    assert _pages(site) == ["Compute"]
    assert "\n1. EC2\n2. Lambda\n3. ECS\n" in site.files["compute.md"]


def test_numbered_titles_in_notes_with_headings_of_their_own_stay_lists():
    notes = "# EC2\n\n1. EC2\n- servers\n\n2. S3\n- buckets\n"
    site = site_from_text(notes)
    assert _pages(site) == ["EC2"]


def test_facts_over_the_first_heading_stay_a_page_where_search_finds_them():
    notes = "A region holds two or more zones. Each is a data center.\nEdge locations cache content.\n\n## EC2\n- x\n\n## S3\n- y\n"
    site = site_from_text(notes, "notes/basics.txt")
    assert _pages(site)[0] == "Basics"
    assert "Edge locations cache content." in site.files["basics.md"]


def test_titles_counted_in_roman_numerals_or_capital_letters_are_an_outline_too():
    roman = site_from_text("I. EC2\n- instances\n\nII. S3\n- buckets\n\nIII. IAM\n- users\n")
    assert _pages(roman) == ["EC2", "S3", "IAM"]
    letters = site_from_text("A. EC2\n- instances\n\nB. S3\n- buckets\n\nC. Exam tips\n- read twice\n")
    assert _pages(letters) == ["EC2", "S3", "Exam tips"]


def test_a_course_s_counted_titles_give_the_pages_of_the_services_they_name():
    site = site_from_text("Day 1 - IAM\n- users and groups\n\nDay 2 - EC2\n- instances\n\n"
                          "Lecture 12: S3 basics\n- buckets\n\nDay 3 - Exam tips\n- read twice\n")
    assert _pages(site) == ["IAM", "EC2", "S3"]
    assert "\n## Day 1 - IAM {#day-1-iam}\n\n- users and groups\n" in site.files["iam.md"]
    assert "\n## Lecture 12: S3 basics {#" in site.files["s3.md"]
    # a count over no service's name is a section of the page before it, as typed
    assert "Day 3" in site.files["s3.md"] and "read twice" in site.files["s3.md"]
