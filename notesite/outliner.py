"""Notes kept in an outliner (Logseq, Workflowy, Dynalist, an editor's outline mode) and
exported: the whole file is one nested list, each service a bullet at the margin with its notes
nested under it, and no blank line or heading anywhere.

    - EC2
        - Instance types
            - t3 is burstable, uses CPU credits
    - S3
        - Versioning

The outline's top level is what a reader browses by, as headings would be: each bullet at the
margin with notes nested under it heads a page (the service's, or its own title's), and each of
its own bullets with notes nested under them is a section ("Instance types"). Only in a
file that is such an outline: nearly every line a bullet, and services named at the margin,
over their notes, at least MIN_SERVICE_PARENTS times. A list of services in notes of another
shape ("- Lambda" over "  - serverless" among paragraphs) stays a list.
"""

from __future__ import annotations

from . import naming
from .shapes import BULLET, Heading, Item
from .source import SourceLine

# Services at the outline's margin with notes under them: two make an outline of services; one
# is a list item with a note under it.
MIN_SERVICE_PARENTS = 2
# Share of the filled lines that are bullets: an outline, allowing a title line or a pasted
# sentence or two.
MIN_BULLET_SHARE = 0.9
MAX_TITLE_WORDS = 8   # a margin bullet heads a page by all its words; a longer one is a sentence


def outliner_headings(items: list[Item]) -> list[Item]:
    """In an exported outline, each bullet at the margin with notes nested under it as a
    heading (level 1); any other notes as they are."""
    if any(not isinstance(item, SourceLine) for item in items):
        return items   # headings, code blocks or tables of its own: not an outline export
    filled = [item for item in items if not item.blank]
    bullets = [BULLET.match(item.text) for item in filled]
    if not filled or sum(match is not None for match in bullets) < MIN_BULLET_SHARE * len(filled):
        return items
    following = _next_filled(items)
    parents = [index for index in range(len(items)) if _margin_parent(items, index, following)]
    services = sum(_names_a_service(_title(items[index])) for index in parents)
    if services < MIN_SERVICE_PARENTS or services * 2 < len(parents):
        return items
    out: list[Item] = list(items)
    for number, index in enumerate(parents):
        title = _title(items[index])
        if len(title.split()) > MAX_TITLE_WORDS:
            continue
        out[index] = Heading(items[index], 1, title, bare_name=True)   # type: ignore[arg-type]
        end = parents[number + 1] if number + 1 < len(parents) else len(items)
        for topic in _topics(items, index + 1, end, following):
            out[topic] = Heading(items[topic], 2, _title(items[topic]))   # type: ignore[arg-type]
    return out


def _next_filled(items: list[Item]) -> list[int | None]:
    """For each line, where the next filled line after it is (None after the last): found in
    one pass from the end, as each margin bullet and topic asks for it."""
    following: list[int | None] = [None] * len(items)
    after = None
    for index in range(len(items) - 1, -1, -1):
        following[index] = after
        if not items[index].blank:
            after = index
    return following


def _topics(items: list[Item], start: int, end: int, following: list[int | None]) -> list[int]:
    """A page's topics: its outermost bullets (between `start` and `end`) with notes nested
    under them and a title's few words."""
    body = [index for index in range(start, end) if not items[index].blank and BULLET.match(items[index].text)]
    if not body:
        return []
    outermost = min(_indent(items[index]) for index in body)
    found = []
    for index in body:
        if _indent(items[index]) != outermost or len(_title(items[index]).split()) > MAX_TITLE_WORDS:
            continue
        after = following[index]
        if after is not None and after < end and _indent(items[after]) > outermost:
            found.append(index)
    return found


def _indent(line: SourceLine) -> int:
    return len(line.text) - len(line.text.lstrip())


def _margin_parent(items: list[Item], index: int, following: list[int | None]) -> bool:
    """A bullet at the margin with a line nested under it."""
    item = items[index]
    bullet = BULLET.match(item.text) if isinstance(item, SourceLine) else None
    if bullet is None or bullet["indent"] or bullet["marks"].strip()[:1].isalnum():
        return False   # (a numbered or lettered item is one of a list, not a title)
    after = following[index]
    return after is not None and items[after].text[:1].isspace()


def _title(item: Item) -> str:
    bullet = BULLET.match(item.line.text if isinstance(item, Heading) else item.text)
    return bullet["text"].strip().rstrip(":").strip() if bullet else ""


def _names_a_service(title: str) -> bool:
    named = naming.service_named(title) if naming.is_only_a_name(title) else None
    return named is not None and named.whole and not named.common_word
