"""Columns typed as a table that Markdown does not read as one: cells parted by tabs (as a
spreadsheet pastes them), by runs of spaces that line up down every row, or by pipes with no row
of dashes under the first.

Read as notes, each row is a paragraph whose blanks the page folds into one space, so the
columns run together. A reader wants the table, its first row the header, every cell as typed.
A run counts when it has a header and at least two rows, every row with the same cells: the same
number between tabs or pipes, or cells starting at the same columns, at least three of them (two
aligned columns are a list of names and notes, shown as typed). Rows framed by pipes ("| a | b |")
count from a header and one row.
"""

from __future__ import annotations

import re

from .shapes import BULLET, lines_in, typed_heading
from .source import SourceLine

TABS = re.compile(r"\t+")
# A gap between cells aligned with spaces: two or more, as one space parts words of a cell.
GAP = re.compile(r" {2,}|\t+")
MIN_ROWS = 3              # a header and two rows
MIN_FRAMED_ROWS = 2       # "| a | b |" rows framed by pipes: a header and one row
MIN_ALIGNED_COLUMNS = 3


def column_blocks(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
    """Where such tables start: line index -> (end index, "table", "tabs", "aligned" or "pipes"), outside the
    blocks already `taken`."""
    if "\t" not in text and "  " not in text and "|" not in text:
        return {}
    inside = lines_in(taken)
    found: dict[int, tuple[int, str, str]] = {}
    index = 0
    while index < len(lines):
        shape = None if index in inside else row_shape(lines[index].text)
        if shape is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and end not in inside and row_shape(lines[end].text) == shape:
            end += 1
        if end - index >= (MIN_FRAMED_ROWS if shape[0] == "pipes" and shape[3] else MIN_ROWS):
            found[index] = (end, "table", shape[0])
        index = end
    return found


def row_shape(text: str) -> tuple | None:
    """What a row of such a table must share with the others: its indentation and the number of
    its tab-parted cells, or the columns its space-aligned cells start at; None for any other line."""
    body = text.strip()
    if ("\t" not in body and "  " not in body and "|" not in body) or BULLET.match(text) or typed_heading(text):
        return None
    indent = len(text) - len(text.lstrip())
    if "|" in body:
        # Pipes with no row of dashes under the first ("| Class | Days |"): Markdown's table
        # without the line that makes it one. (A code span may hold a pipe of its own.)
        framed = body.startswith("|") and body.endswith("|") and len(body) > 1
        count = len(body.strip("|").split("|"))
        return ("pipes", indent, count, framed) if count >= 2 and "`" not in body else None
    if "\t" in body:
        cells = len(TABS.split(body))
        return ("tabs", indent, cells) if cells >= 2 else None
    starts = tuple(gap.end() for gap in GAP.finditer(text.rstrip(), indent))
    return ("aligned", indent, starts) if len(starts) + 1 >= MIN_ALIGNED_COLUMNS else None


def cells(text: str, parted_by: str) -> list[str]:
    """A row's cells, as typed: parted by tabs, pipes, or the gaps of an "aligned" table."""
    if parted_by == "pipes":
        return [cell.strip() for cell in text.strip().strip("|").split("|")]
    return (TABS if parted_by == "tabs" else GAP).split(text.strip())
