"""Under `mkdocs serve`, a page whose Markdown is as the last build converted it is not
converted again (the work and the rules are in `notesite.render_cache`).

This adapter knows what MkDocs sets on a page while converting it (`Page.render`): the HTML,
the table of contents, the title found in it, its anchors and its links to other pages'
anchors. On a page met before, the engine converts an empty text instead, and those fields are
put back as they were. First of every `on_page_content` and last of every `on_page_markdown`,
so that the other steps see the page as always.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from notesite.render_cache import CACHE, Converted, context_key  # noqa: E402

log = logging.getLogger("mkdocs.hooks.render_cache")
FIELDS = ("toc", "_title_from_render", "present_anchor_ids")   # what Page.render sets besides the HTML


def on_startup(command, **kwargs) -> None:
    CACHE.enabled = command == "serve"


def on_files(files, config, **kwargs):
    # Every file's source and address: what a page's links are resolved and checked against.
    site = [(f.src_uri, f.dest_uri) for f in files]
    CACHE.begin(context_key(config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"], site),
                logging.getLogger(type(config).__module__.split(".")[0]))
    return files


@event_priority(-100)
def on_page_markdown(markdown, page, files, **kwargs):
    converted = CACHE.lookup(page.file.src_uri, markdown)
    page._notes_converted = converted
    return markdown if converted is None else ""


@event_priority(100)
def on_page_content(html, page, files, **kwargs):
    converted = getattr(page, "_notes_converted", None)
    if converted is None:
        links = {to.src_uri: found for to, found in (page.links_to_anchors or {}).items()}
        CACHE.keep(page.file.src_uri, Converted(html, {**{f: getattr(page, f) for f in FIELDS}, "links": links}))
        return html
    for field in FIELDS:
        setattr(page, field, converted.state[field])
    page.links_to_anchors = {files.get_file_from_path(uri): found for uri, found in converted.state["links"].items()} \
        if converted.state["links"] else page.links_to_anchors
    page.content = converted.html
    return converted.html


def on_post_build(config, **kwargs) -> None:
    if CACHE.reused:
        log.info("%d pages as the last build converted them; only the changed ones converted again", CACHE.reused)
