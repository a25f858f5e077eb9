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
