"""The one gate between text and the reader's browser: an allow-list HTML sanitizer.

Every page's HTML passes here last, whatever path the author's text took to it (prose, tables,
attribute lists, code spans, entities, the history line a hook adds). What is not on these lists
is dropped: no element, attribute or URL scheme is allowed because no path was found to reach
it. The work is done by nh3, the Python binding of the Rust `ammonia` sanitizer, which parses
as browsers parse (html5ever) and reads URLs as browsers read them: ASCII tab and newline
removed, leading control characters and spaces trimmed, entities decoded. A regex cannot.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nh3

from .memo import TextMemo, shared, source_version

# What Markdown, pymdownx.superfences (highlighted code), the toc permalinks and this site's
# own decoration make. Nothing that runs or loads script: no script, style, iframe, object,
# embed, form, svg or math.
TAGS = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul",
})
# Contents dropped along with the element, rather than shown as loose text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "textarea"})
ATTRIBUTES = {
    # Ids make section links; classes style code, permalinks and the site's own parts; titles
    # are tooltips (abbreviations, permalinks). None of them can run anything.
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    "time": {"datetime"},
    # The site's own markers, read by its scripts: kept out of search, a moved section's target.
    "p": {"data-search-exclude"},
    "ul": {"data-search-exclude"},
    "span": {"data-moved-to"},
}
# Table cells align with `style="text-align: ..."` (Markdown's tables); no other property.
STYLE_PROPERTIES = frozenset({"text-align"})
# Schemes a link or image may use; a relative address (no scheme) stays as typed.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# The one shape the page script follows when a section moved to another page: "../ec2/#spread".
MOVED_TO = re.compile(r"\.\./[^\W_][\w-]*/#[^\W_][\w-]*")


def clean(html: str) -> str:
    """`html` with every element, attribute and URL that is not on the allow-lists removed."""
    return _cleaner().clean(html)


KEPT_FILE = ".notes-sanitized"   # in the project's folder, not committed


def kept(project: Path) -> TextMemo:
    """What `clean` gave in this project's last build, shared in this process: a page (or a
    history line) that did not change is not parsed again. Saved by the build's last hook."""
    return shared(project / KEPT_FILE, version())


@functools.lru_cache(maxsize=1)
def version() -> str:
    """What `clean` gives depends on: these lists (this file) and the nh3 it runs on. A kept
    output of `clean` (`memo.TextMemo`) is valid while this stays the same."""
    from importlib.metadata import version as installed

    return source_version(Path(__file__), installed("nh3"))


@functools.lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    """The allow-lists compiled once, not for every page (0.061 s to 0.053 s for the pages of
    30 copies of the notes)."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute_value,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        strip_comments=True,
        # Links keep the page's own rel: every link here is the author's or the site's, and
        # adding one to each would change every page for no reader's gain.
        link_rel=None,
    )


def _attribute_value(tag: str, name: str, value: str) -> str | None:
    """Values the page script acts on are kept only in the shape the cleanup writes them."""
    if name == "data-moved-to":
        return value if MOVED_TO.fullmatch(value) else None
    return value
