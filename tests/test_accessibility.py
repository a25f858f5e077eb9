"""axe-core on every page of the built site, in the light and the dark palette: no serious or
critical violation, with the page's own scripts run (share buttons, tooltips) and search open."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import BASE

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def _pages(site):
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative == "s" or relative.startswith("s/") or relative == "search":
            continue   # share pages only send the browser on
        yield "" if relative == "." else relative + "/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations_on_any_page(served, real_site, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    pages = list(_pages(real_site))
    assert len(pages) >= 6
    for path in pages:
        page.goto(served.url + path, wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('.notes-share').length > 0"
                               " || !document.querySelector('article h2[id]')")
        page.wait_for_timeout(300)   # the page finishes decorating in idle slices
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS:
                problems.append(f"{BASE}{path}: {violation['id']} ({violation['impact']}) "
                                f"{[(n['target'], n['any'][0]['message'][:120]) for n in violation['nodes'][:3]]}")
    page.goto(served.url + "ec2/", wait_until="load")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("spot block")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.notesQuery")
    page.wait_for_timeout(600)   # the search dialog's fade-in is over
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] in SERIOUS:
            problems.append(f"search open: {violation['id']} "
                            f"{[(n['target'], n['any'][0]['message'][:120]) for n in violation['nodes'][:4]]}")
    context.close()
    assert not problems, "\n".join(problems)
