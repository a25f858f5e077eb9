"""Every page's HTML through the site's one allow-list sanitizer, last, before it is written.

Whatever path the notes' text took (tables, attribute lists, raw HTML, entities) and whatever
the other hooks added (author names, dates), what reaches the reader is only what
`notesite.sanitize` allows. Runs after every other hook's `on_page_content`, and before the
search index reads the page, so that search shows only sanitized text too. (The history lines
under each heading are added later, once search has read the page, and `notesite.history`
passes each through the same sanitizer.) What the sanitizer gave is kept between builds in
`.notes-sanitized` (not committed): a page that did not change is not parsed again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from notesite import sanitize  # noqa: E402


@event_priority(-100)   # last: after notes_history's decoration
def on_page_content(html, page, config, files, **kwargs):
    return sanitize.kept(ROOT)(sanitize.clean, html)


@event_priority(-100)   # after notes_history's last lines are sanitized (in its on_post_page)
def on_post_build(config, **kwargs) -> None:
    sanitize.kept(ROOT).save()
