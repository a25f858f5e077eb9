"""Notes exported from an outliner (one nested list, services at the margin) give a page per
service and a section per topic under it, every note nested as typed; a list of services in
notes of another shape stays a list."""

from __future__ import annotations

from conftest import site_from_text

OUTLINE = """- EC2
\t- Instance types
\t\t- t3 is burstable, uses CPU credits
\t\t- m5 general purpose
\t- Spot instances
\t\t- up to 90% cheaper
\t\t\t- reclaimed with a 2 minute warning
- S3
\t- Versioning
\t\t- keeps every version of an object
- Networking basics
\t- CIDR blocks
- IAM
\t- Policies are JSON documents
"""


def _body(page: str) -> str:
    return page.split("---\n", 2)[2]


def test_each_service_at_the_margin_heads_its_page_and_its_topics_are_sections():
    site = site_from_text(OUTLINE, "notes/outline.md")
    assert sorted(p.title for p in site.pages) == ["EC2", "IAM", "Networking basics", "S3"]
    ec2 = _body(site.files["ec2.md"])
    assert "## Instance types {#instance-types}\n\n- t3 is burstable, uses CPU credits\n- m5 general purpose" in ec2
    assert "## Spot instances {#spot-instances}\n\n- up to 90% cheaper\n    - reclaimed with a 2 minute warning" in ec2
    assert "- Policies are JSON documents" in _body(site.files["iam.md"])


def test_a_list_of_services_among_other_notes_stays_a_list():
    notes = "Compute services we used this week:\n\n- Lambda\n  - serverless\n- Fargate\n  - containers\n\nMore prose here.\n"
    site = site_from_text(notes, "notes/week.txt")
    assert [p.title for p in site.pages] == ["Week"]
    assert "- Lambda\n    - serverless" in _body(site.files["week.md"])


def test_one_service_with_a_note_under_it_is_not_an_outline_of_services():
    site = site_from_text("- Lambda\n  - serverless\n- a note of my own\n- another note\n", "notes/misc.txt")
    assert [p.title for p in site.pages] == ["Misc"]
