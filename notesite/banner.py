"""Titles framed or underlined by runs of one character, as notes without Markdown mark them.

    ****************         /************************        Purchasing options
    EBS Volumes                  Purchasing option            ==================
    ****************         *************************/

A run is three or more of one of `= * # _ - @` on a line of its own, at any indentation, with
spaces between if typed so, and the slash of a C comment at either end. Up to two runs above and
below frame a title; one above a title that a blank line or a bullet follows heads it; runs
right under a title underline it. The runs are the title's markup: never shown as text. An
indented frame or title is one level deeper than one that is not.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from .source import SourceLine

RUN = re.compile(r"^\s*+/?(?P<char>[=*#_\-@])(?:[ \t]*(?P=char)){2,}[ \t]*/?\s*$")
RUN_CHARS = frozenset("=*#_-@")
MAX_RUNS = 2          # a frame doubled ("****" twice above and below) is still one frame


class Banner(NamedTuple):
    """A title and the runs that mark it, by line index; `end` is the index after them."""

    title: int
    level: int
    runs: tuple[int, ...]
    end: int


def is_run(line: SourceLine) -> bool:
    return line.text.lstrip().lstrip("/")[:1] in RUN_CHARS and RUN.match(line.text) is not None


def framed_at(lines: list[SourceLine], index: int, title_like: Callable[[SourceLine], bool],
              blocks: dict, after_text: bool = False) -> Banner | None:
    """The title that runs starting at `index` frame, or head; None if they do not. Right
    after a line of text (`after_text`), only a whole frame counts: a run there may be a rule."""
    top = _runs(lines, index, None)
    if not top:
        return None
    char = _char(lines[top[0]])
    at = top[-1] + 1
    if at >= len(lines) or at in blocks or not title_like(lines[at]):
        return None
    # An indented frame is a frame within the notes: a sub-title.
    level = 2 if lines[top[0]].text[:1].isspace() else 1
    top_line = lines[top[0]].text
    bottom = _runs(lines, at + 1, char, len(top_line) - len(top_line.lstrip()))
    if bottom:
        return Banner(at, level, (*top, *bottom), bottom[-1] + 1)
    if after_text:
        return None
    after = lines[at + 1] if at + 1 < len(lines) else None
    from .shapes import BULLET   # the bullet shape is defined once, there; imported here as shapes imports this module
    if char == "-" or (after is not None and not after.blank and BULLET.match(after.text) is None):
        return None   # a run over a paragraph: a rule, then text
    return Banner(at, level, top, at + 1)


def underlined_at(lines: list[SourceLine], index: int) -> Banner | None:
    """The title at `index` with the runs right under it, if there are any."""
    runs = _runs(lines, index + 1, None)
    if not runs:
        return None
    # "=" under a title as in Markdown's first level, other runs its second; an indented title
    # is a title within the notes around it, one level deeper.
    level = (1 if _char(lines[runs[0]]) == "=" else 2) + (1 if lines[index].text[:1].isspace() else 0)
    return Banner(index, level, tuple(runs), runs[-1] + 1)


def is_setext(run: SourceLine) -> bool:
    """Whether a run under a title is Markdown's own underline (`===`, `---`, not indented)."""
    return RUN.match(run.text)["char"] in "=-" and not run.text[:1].isspace() and "/" not in run.text


def _runs(lines: list[SourceLine], start: int, char: str | None, indent: int | None = None) -> list[int]:
    """Up to MAX_RUNS runs of one character and one indentation from `start`: the runs of one
    frame's side (the next frame's top, indented otherwise, is not this one's bottom)."""
    found: list[int] = []
    while start < len(lines) and len(found) < MAX_RUNS and is_run(lines[start]):
        line = lines[start]
        margin, this = len(line.text) - len(line.text.lstrip()), _char(line)
        if (char is not None and this != char) or (indent is not None and margin != indent):
            break
        char, indent = this, margin
        found.append(start)
        start += 1
    return found


def _char(line: SourceLine) -> str:
    return RUN.match(line.text)["char"]
