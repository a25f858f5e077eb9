"""Searching the built site as a reader does: each query typed into its own search box in
Chromium, the results read off the page, a result judged by the section it links to. Shared by
the search tests and `scripts/search_eval.py`."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

from conftest import BASE

QUERY_SETS = Path(__file__).parent
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MAX_SECTION_WORDS = 350


def _article(site: Path, url_path: str):
    relative = unquote(url_path)[len(BASE):]
    path = site / relative / "index.html" if not relative.endswith(".html") else site / relative
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for noise in soup.select(".headerlink, script, style"):
        noise.decompose()
    return soup.select_one("article.md-content__inner")


def section_text(site: Path, url_path: str, fragment: str) -> str:
    """A section's text: its heading down to the next heading of the same or a higher level;
    for a page link, the page's top down to its first h2."""
    article = _article(site, url_path)
    start = article.find(id=fragment) if fragment else None
    if fragment and start is None:
        return ""
    if start is not None and start.name not in HEADINGS:
        start = start.find_parent(HEADINGS) or start.find_next(HEADINGS)
    level = int(start.name[1]) if start is not None else 2
    parts, inside = [], start is None
    for element in article.descendants:
        if getattr(element, "name", None) in HEADINGS:
            if element is start:
                inside = True
            elif inside and element.name != "h1" and int(element.name[1]) <= level:
                break
            continue
        if inside and isinstance(element, str):
            parts.append(str(element))
    return re.sub(r"\s+", " ", " ".join(parts)).strip().lower()


def search_page(served, browser, page=None):
    """The home page with the search box open and its index loaded; only loopback is reached."""
    page = page or browser.new_page()
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    page.goto(served.url, wait_until="load")
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    return page


def results(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")   # the theme reads the query on keyup
    # The page marks which query the results on screen answer; the theme renders them in the
    # same task, so once the mark is there, so are the results.
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.notesQuery === q",
                           arg=query, timeout=10000)
    links = page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link",
        "els => els.map(e => [e.href, parseFloat(e.querySelector('article').dataset.mdScore)])")
    seen = []
    for href, score in links:
        if score == 0:
            continue   # a page title heading its group, not a result
        url = urlsplit(href)
        if (url.path, url.fragment) not in seen:
            seen.append((url.path, url.fragment))
    return seen




def load(name: str) -> list[dict]:
    """A query set of tests/ by file name."""
    return yaml.safe_load((QUERY_SETS / name).read_text(encoding="utf-8"))


def rank_of(query: dict, found: list[tuple[str, str]], site: Path) -> int | None:
    """Where the first result whose section holds every `must` fact stands (1 is first)."""
    for position, (path, fragment) in enumerate(found[:10], 1):
        text = section_text(site, path, fragment)
        if all(m.lower() in text for m in query["must"]) and len(text.split()) <= MAX_SECTION_WORDS:
            return position
    return None


def figures(ranks: list[int | None]) -> dict[str, float]:
    """Top-1, top-3 and mean reciprocal rank of a set's ranks."""
    count = max(len(ranks), 1)
    return {"top1": sum(r == 1 for r in ranks) / count, "top3": sum(bool(r) and r <= 3 for r in ranks) / count,
            "mrr": sum(1 / r for r in ranks if r) / count}


def ranks_of(page, queries: list[dict], site: Path) -> list[int | None]:
    """Each query typed in turn on an open search page, and the rank of its section."""
    return [rank_of(query, results(page, query["q"]), site) for query in queries]
