"""Lines the author's own viewer never shows: an HTML comment on lines of its own ("<!-- todo:
add EBS -->", or one that comments out a few lines of notes) and a marker that asks that viewer
for a table of contents ("[TOC]", "[[_TOC_]]", "{:toc}"). Shown here they would be markup read
as text, on the page or heading the home page; the site has its own contents beside every page.
They become blank lines, so every other line keeps its number and its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .shapes import lines_in
from .source import SourceLine

CONTENTS_MARKER = re.compile(r"^[ \t]*(?:\[\[?_?toc_?\]\]?|\{:[ \t]*toc[ \t]*\}|<!--[ \t]*toc[ \t]*-->)[ \t]*$", re.IGNORECASE)
# Whether any line may be one: asked of the whole text at once, as most notes hold none.
MAY_HOLD_UNSEEN = re.compile(r"^[ \t]*+(?:<!--|\[\[?_?toc|\{:[ \t]*toc)", re.IGNORECASE | re.MULTILINE)
COMMENT_OPEN = "<!--"
COMMENT_CLOSE = "-->"


def without_unseen(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> list[SourceLine]:
    """The lines with comments and contents markers blanked out, outside the blocks already
    `taken` (code shows a comment as typed)."""
    if not MAY_HOLD_UNSEEN.search(text):
        return lines
    inside = lines_in(taken)
    out = list(lines)
    index = 0
    while index < len(out):
        line = out[index].text
        if index in inside:
            index += 1
            continue
        if CONTENTS_MARKER.match(line):
            out[index] = replace(out[index], text="")
        elif line.lstrip().startswith(COMMENT_OPEN):
            end, whole = _comment_end(out, index, inside)
            if end is None:
                break      # never closed: no later comment closes either
            if whole:
                for at in range(index, end + 1):
                    out[at] = replace(out[at], text="")
            # (On from where it closed: the lines inside are read once, however many open.)
            index = end
        index += 1
    return out


def _comment_end(lines: list[SourceLine], start: int, inside: set[int]) -> tuple[int | None, bool]:
    """The line a comment opened at the start of `start` closes on (None if it never does), and
    whether it closes at that line's end and holds no code: a comment with notes after it on its
    last line is left as typed."""
    first = lines[start].text.lstrip()[len(COMMENT_OPEN):]
    for at in range(start, len(lines)):
        if at in inside:
            return at, False
        text = first if at == start else lines[at].text
        close = text.find(COMMENT_CLOSE)
        if close >= 0:
            return at, not text[close + len(COMMENT_CLOSE):].strip()
    return None, False
