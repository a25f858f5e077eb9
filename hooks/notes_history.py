"""Each section's history and source: when its notes lines last changed, and links to them.

The work is in `notesite.history`; this hook reads the repository's history once per build,
puts each section's line under its heading (in the built page, once the theme's search has read
it), lists the recently changed sections on the home page, and writes the site's Atom feed
(`feed.xml`).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in
CACHE = ROOT / ".notes-history.json"   # line changes by the notes' commit (not committed)
FEED = "feed.xml"
log = logging.getLogger("mkdocs.hooks.notes_history")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Only the history: the cleanup (the rest of the package) is imported by notes_sync when the
# notes changed, and a build with unchanged notes does not load it.
from notesite import history, sanitize  # noqa: E402

_build: dict = {}


def on_config(config, **kwargs):
    url = config.get("repo_url") or ""
    _build["repository"] = history.Repository(url, config["extra"].get("notes_branch") or "main",
                                              history.repository_prefix(ROOT)) if url else None
    return config


def on_pre_build(config, **kwargs) -> None:
    # After notes_sync (listed before this hook), so the sources are the ones just written.
    sources = json.loads((Path(config["docs_dir"]) / history.SOURCES_FILE).read_text(encoding="utf-8"))["pages"]
    paths = sorted({s["path"] for page in sources.values() for s in page["sections"].values()})
    try:
        blames = history.read_blame(ROOT, paths, CACHE)
    except history.NoHistory as why:
        log.info("no section dates: %s", why)
        blames = {}
    for commit in history.undated_commits(blames):
        log.info("no dates from commit %s: its date is out of range; its lines show none", commit[:12])
    found = history.sections(sources, blames)
    _build["by_page"] = {}
    for section in found:
        _build["by_page"].setdefault(section.page, {})[section.id] = section
    _build["recent"] = history.recent(found, history.FEED_ENTRIES)
    config["extra"]["notes_feed"] = FEED if _build["recent"] else None


def on_page_content(html, page, config, files, **kwargs):
    if page.file.src_uri == "index.md":
        return history.with_recent(html, _build["recent"][:history.RECENT_SECTIONS])
    return html


def on_post_page(output, page, config, **kwargs):
    # After the theme's search has read the page: the lines stay out of its index either way,
    # and it need not parse them.
    if page.file.src_uri == "index.md":
        return output
    slug = page.file.src_uri.removesuffix(".md")
    # Each line through the sanitizer, as kept between builds with sanitize_html's outputs.
    kept = sanitize.kept(ROOT)
    return history.decorate_article(output, _build["by_page"].get(slug, {}), _build["repository"],
                                    lambda line: kept(sanitize.clean, line))


def on_post_build(config, **kwargs) -> None:
    if _build["recent"]:
        feed = history.atom_feed(_build["recent"], config["site_url"] or "", config["site_name"])
        (Path(config["site_dir"]) / FEED).write_text(feed, encoding="utf-8")
