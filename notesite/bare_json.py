"""JSON typed into the notes without a fence (a policy, a template, an API's answer): code.

Read as notes, each of its lines would be a paragraph of its own: indentation gone, braces
escaped, keys cased as words ("Iops" made "IOPS"). A reader wants it as typed, in a code block.
A block counts when it opens with a line that starts with `{` or `[`, every line up to the one
that closes the opening bracket reads as a line of JSON, and at least one holds a `"key":`.
"""

from __future__ import annotations

import re

from .shapes import lines_in
from .source import SourceLine

# A line that may open a JSON block: "{", "[", '{ "Version": ...'.
# (Blanks as spaces and tabs, never "\s": asked of the whole file at once, "\s" would run on
# over every blank line below each line, a hundred thousand blank lines read once a line.)
OPENING = re.compile(r"^[ \t]*+[\[{][ \t]*(?:\"|[\[{][ \t]*$|$)")
STRING = r'"(?:[^"\\]|\\.)*"'
VALUE = rf'(?:{STRING}|-?\d[\d.eE+-]*|true|false|null)'
# One line of JSON as people type it: a key and what follows it, a value, brackets; a trailing
# comma or none (notes leave them out and put them in where JSON would not).
JSON_LINE = re.compile(rf'^\s*(?:{STRING}\s*:.*|{VALUE}\s*,?|[\[\]{{}}][\[\]{{}}\s,]*(?:{STRING}\s*:.*|{VALUE}\s*,?)?)\s*$')
KEY = re.compile(rf'{STRING}\s*:')
# Whether any line of a file may open one: the same pattern, asked of the whole text at once.
FILE_MAY_HOLD_JSON = re.compile(OPENING.pattern, re.MULTILINE)
# A bracket left open this many lines on is no JSON block, and the lines are read as notes.
MAX_BLOCK_LINES = 2000


def json_blocks(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
    """Where bare JSON blocks start: line index -> (end index, "code", "json"), outside the
    blocks already `taken` (fenced code, tables)."""
    if not FILE_MAY_HOLD_JSON.search(text):
        return {}
    inside = lines_in(taken)
    found: dict[int, tuple[int, str, str]] = {}
    index = 0
    while index < len(lines):
        if index in inside or not OPENING.match(lines[index].text):
            index += 1
            continue
        end, block = _block_end(lines, index)
        if block and not any(i in inside for i in range(index, end)):
            found[index] = (end, "code", "json")
        # (Past a run that is no block: a file of ten thousand "{" lines is read once, not
        # once from each of them.)
        index = max(end, index + 1)
    return found


def _block_end(lines: list[SourceLine], start: int) -> tuple[int, bool]:
    """Where the bracket opened at `start` closes (the index after it) and whether the lines up
    to it are a block: every one reads as JSON and one holds a key. Else where reading stopped."""
    depth, keyed = 0, False
    for index in range(start, min(len(lines), start + MAX_BLOCK_LINES)):
        text = lines[index].text
        if not text.strip():
            continue
        if not JSON_LINE.match(text):
            return index, False
        keyed = keyed or KEY.search(text) is not None
        depth += _bracket_balance(text)
        if depth <= 0:
            return index + 1, keyed and index > start
    return min(len(lines), start + MAX_BLOCK_LINES), False


def _bracket_balance(text: str) -> int:
    """Opening brackets less closing ones, outside strings."""
    outside = re.sub(STRING, "", text)
    return outside.count("{") + outside.count("[") - outside.count("}") - outside.count("]")
