"""A diagram drawn with characters (boxes of `+---+` and `|`, or of `┌─┐` and `│`): code, as typed.

Read as notes, each of its lines would be a paragraph of its own, its alignment gone and every
`|` and `+` escaped: a box is no box. A reader wants it as drawn, in a code block, where every
character keeps its column.

A drawing is a run of lines, one under the other, each of them drawn: made only of drawing
characters ("+---------+", "|", "+----|----+"), or a box's row ("|  Aurora  |", "│ Writer │ │
Reader │"). It counts when it holds a box's edge (a run of `-`, `=` or `─` with a corner at an
end) and three lines at least. A rule alone ("-----"), a table typed with pipes (no corners) and
lines of words stay notes.
"""

from __future__ import annotations

import re

from .shapes import lines_in
from .source import SourceLine

BOX_CHARACTERS = "─━│┃┌┐└┘├┤┬┴┼╔╗╚╝║═╠╣╦╩╬"
# A box's edge: a corner, then a run of dashes; or a run of box-drawing lines.
EDGE = re.compile(rf"[+*][-=]{{3,}}|[-=]{{3,}}[+*]|[{BOX_CHARACTERS}]{{3,}}")
# Whether any line of a file may hold one (most notes hold none).
FILE_MAY_HOLD_DRAWINGS = re.compile(EDGE.pattern)
# A line made only of what draws: corners, edges, connectors, arrowheads.
DRAWN_ONLY = re.compile(rf"^[ \t]*[-=+*|_.:'<>^v/\\{BOX_CHARACTERS} \t]*[+|{BOX_CHARACTERS}][-=+*|_.:'<>^v/\\{BOX_CHARACTERS} \t]*$")
# A box's row: it opens with a side and holds another further on ("|  Aurora  |"); never with
# a corner, as Markdown's "+ C++ basics" does.
BOX_ROW = re.compile(rf"^[ \t]*[|{BOX_CHARACTERS}].*?\S.*?[|+{BOX_CHARACTERS}]")
MIN_LINES = 3


def drawing_blocks(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
    """Where drawings start: line index -> (end index, "code", ""), outside the blocks already
    `taken` (fenced code, tables, JSON, YAML)."""
    # (A box needs a corner, "+" or "*", or a box-drawing character, which no ASCII text holds:
    # asked first, as str's own search runs through 25 MB of indentation at once, the regex not.)
    if not ("+" in text or "*" in text or not text.isascii()) or not FILE_MAY_HOLD_DRAWINGS.search(text):
        return {}
    inside = lines_in(taken)
    found: dict[int, tuple[int, str, str]] = {}
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and end not in inside and _drawn(lines[end].text):
            end += 1
        if end - index >= MIN_LINES and any(EDGE.search(line.text) for line in lines[index:end]):
            found[index] = (end, "code", "")
        index = max(end, index + 1)
    return found


def _drawn(text: str) -> bool:
    return bool(text.strip()) and (DRAWN_ONLY.match(text) is not None or BOX_ROW.match(text) is not None)
