"""The navigation: the author's order while it is short, an A-Z index of small groups when long."""

from __future__ import annotations

import re

import yaml

from conftest import site_from_text
from notesite.render import NAV_GROUP


def _notes(count: int) -> str:
    return "\n".join(f"## Service {n}\nTopic\n- point {n}\n" for n in range(count, 0, -1))


def _files(nav):
    for item in nav:
        if isinstance(item, dict):
            (children,) = item.values()
            yield from _files(children)
        else:
            yield item


def _widths(nav):
    yield len(nav)
    for item in nav:
        if isinstance(item, dict):
            yield from _widths(next(iter(item.values())))


def test_a_short_navigation_keeps_the_authors_order():
    nav = yaml.safe_load(site_from_text(_notes(5)).files[".pages"])["nav"]
    assert nav == ["index.md", "service-5.md", "service-4.md", "service-3.md", "service-2.md", "service-1.md"]


def test_a_long_navigation_is_grouped_with_every_page_once_and_no_level_too_wide():
    for count in (NAV_GROUP + 1, 200, 1000):
        nav = yaml.safe_load(site_from_text(_notes(count)).files[".pages"])["nav"]
        files = list(_files(nav))
        assert sorted(files) == sorted(["index.md"] + [f"service-{n}.md" for n in range(1, count + 1)])
        assert max(_widths(nav)) <= NAV_GROUP + 1   # the home page sits beside the top-level groups
        groups = [next(iter(item)) for item in nav if isinstance(item, dict)]
        assert groups[0].startswith("Service 1 \u2013 ")
        assert re.search(r"\u2013 Service \d+$", groups[-1])


def test_a_heading_that_only_groups_services_leads_to_them_and_is_no_empty_page():
    notes = ("# AWS notes\n\n## Compute\n\n### EC2\n- servers\n\n### Lambda\n- functions\n\n"
             "## Storage\n\n### S3\n- buckets\n\n### EBS\n- volumes\n\n## Exam tips\n- read twice\n")
    site = site_from_text(notes, "notes/aws.md")
    assert [p.title for p in site.pages] == ["Compute", "EC2", "Lambda", "Storage", "S3", "EBS", "Exam tips"]
    assert "\n# Storage\n\n- [S3](s3.md)\n- [EBS](ebs.md)\n" in site.files["storage.md"]
    home = site.files["index.md"]
    assert "\n## [Compute](compute.md) {#compute}\n\nEC2, Lambda\n" in home
    assert "Notes: AWS notes" in home and "Notes: Compute" not in home
