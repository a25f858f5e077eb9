"""Flash cards typed one after another: a question, a "---" line, its answer, then "===" before
the next card (as card tools export them, and as people type them to quiz themselves).

Read as notes, the cards run together on one page, parted by rules, and no question can be
found or linked on its own. A reader wants each question as the title of a section holding its
answer. The file counts as cards when at least MIN_CARDS questions stand over a "---" line with
a "===" line (or the file's start) above them; the "---" and "===" lines are the cards' own
markup and are not shown. A question that names a service opens that service's page, as any
title does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .shapes import BULLET, Heading, Item, typed_heading
from .source import SourceLine
from .topics import MAX_QUESTION_WORDS

ANSWER_RULE = re.compile(r"^[ \t]*-{3,}[ \t]*$")
CARD_RULE = re.compile(r"^[ \t]*={3,}[ \t]*$")
MIN_CARDS = 3
LEVEL = 2


def card_questions(items: list[Item]) -> list[Item]:
    """The file's items with each card's question a heading and its rules blank, when the file
    is cards; else the items as they were."""
    if sum(1 for item in items if isinstance(item, SourceLine) and CARD_RULE.match(item.text)) < MIN_CARDS - 1:
        return items
    questions = [index for index in range(len(items)) if _question_at(items, index)]
    if len(questions) < MIN_CARDS:
        return items
    out = list(items)
    for index in questions:
        line = out[index]
        out[index] = Heading(line, LEVEL, line.text.strip())   # type: ignore[union-attr]
        rule = _next_filled(items, index)
        out[rule] = replace(items[rule], text="")   # type: ignore[arg-type]
    for index, item in enumerate(items):
        if isinstance(item, SourceLine) and CARD_RULE.match(item.text):
            out[index] = replace(item, text="")
    return out


def _question_at(items: list[Item], index: int) -> bool:
    item = items[index]
    if not isinstance(item, SourceLine) or item.blank or item.text[:1].isspace() \
            or BULLET.match(item.text) or typed_heading(item.text) or len(item.text.split()) > MAX_QUESTION_WORDS:
        return False
    after = _next_filled(items, index)
    if after is None or not isinstance(items[after], SourceLine) or not ANSWER_RULE.match(items[after].text):  # type: ignore[union-attr]
        return False
    before = _previous_filled(items, index)
    return before is None or (isinstance(items[before], SourceLine) and CARD_RULE.match(items[before].text) is not None)  # type: ignore[union-attr]


def _next_filled(items: list[Item], index: int) -> int | None:
    for at in range(index + 1, len(items)):
        if not (isinstance(items[at], SourceLine) and items[at].blank):   # type: ignore[union-attr]
            return at
    return None


def _previous_filled(items: list[Item], index: int) -> int | None:
    for at in range(index - 1, -1, -1):
        if not (isinstance(items[at], SourceLine) and items[at].blank):   # type: ignore[union-attr]
            return at
    return None
