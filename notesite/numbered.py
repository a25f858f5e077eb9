"""Titles numbered as an outline: "1. EC2" over its notes, "1.1 Instance types" under it, then
"2. S3". Read as a list, every service lands on one page named after the file and the numbers
nest nothing; a reader sees the services and their sections.

The numbering counts as headings only when it is plainly an outline: at least two of its
titles, counted 1, 2, 3... at the margin with a blank line before them and their notes right
under them, name a service and nothing else. A list of services ("1. EC2" then "2. Lambda") has
no notes under each, and a list of steps counts again from 1 inside a section: both stay lists.
A service's title gives its page as "## EC2" would; a sub-numbered one ("1.1", "2.3.1") is a
section at the depth its parts say, shown with its number as typed.
"""

from __future__ import annotations

import re

from . import naming
from .shapes import MAX_TITLE_WORDS, Heading, Item
from .source import SourceLine

# "1. EC2", "2) S3", "3 - CloudWatch"; "1.1 Instance types", "2.3.1. Spot". Never a sentence.
# Or counted in Roman numerals or capital letters ("II. S3", "B) IAM"), always with a mark after.
NUMBERED_TITLE = re.compile(r"^(?:(?P<number>\d{1,2}(?:\.\d{1,2})*)(?:[.)]|[ \t]+-)?|(?P<mark>[IVX]{1,5}|[A-Z])(?:[.)]|[ \t]+-))"
                            r"[ \t]+(?P<title>[^\s.].*)$")
ROMAN = {"I": 1, "V": 5, "X": 10}
LETTER = re.compile(r"[^\W\d_]")   # "S3" has one
MIN_SERVICE_TITLES = 2
# "1. EC2" heads a page as "## EC2" does (a lone "#" would head the whole file).
TOP_LEVEL = 2
MAX_DEPTH = 6
# Blank lines a title may stand over before its notes.
MAX_BLANKS_UNDER = 3


def numbered_headings(items: list[Item]) -> list[Item]:
    """The file's items with its numbered titles made headings, when they are an outline."""
    if any(isinstance(i, Heading) and not i.banner for i in items):
        return items   # notes with headings of their own number lists, not titles
    chosen: dict[int, Heading] = {}
    expected, top, services = 1, 0, 0
    for index, item in enumerate(items):
        title = _numbered_title(items, index)
        if title is None:
            continue
        parts = [int(p) for p in title["number"].split(".")] if title["number"] else [expected if expected in _values(title["mark"]) else 0]
        words = title["title"].strip().rstrip(":").strip()
        if len(parts) == 1 and parts[0] == expected and _spaced(items, index):
            named = naming.service_named(words)
            services += named is not None and named.whole and naming.is_only_a_name(words)
            chosen[index] = Heading(item, TOP_LEVEL, words)   # type: ignore[arg-type]
            expected, top = expected + 1, parts[0]
        elif len(parts) > 1 and parts[0] == top and top:
            # "1.1 Instance types" under "1. EC2": a section, its number part of its title.
            chosen[index] = Heading(item, min(TOP_LEVEL + len(parts) - 1, MAX_DEPTH), item.text.strip().rstrip(":").strip())   # type: ignore[union-attr]
    if services < MIN_SERVICE_TITLES:
        return items
    return [chosen.get(index, item) for index, item in enumerate(items)]


def _values(mark: str) -> set[int]:
    """What a mark may count: "I" is one in Roman numerals and nine as a letter."""
    values = {ord(mark) - ord("A") + 1} if len(mark) == 1 else set()
    numbers = [ROMAN[c] for c in mark] if set(mark) <= ROMAN.keys() else []
    if numbers:
        # Read as Roman numerals: a smaller numeral before a larger one counts less ("IV").
        values.add(sum(-n if i + 1 < len(numbers) and n < numbers[i + 1] else n for i, n in enumerate(numbers)))
    return values


def _numbered_title(items: list[Item], index: int) -> re.Match[str] | None:
    item = items[index]
    if not isinstance(item, SourceLine) or item.text[:1].isspace():
        return None
    match = NUMBERED_TITLE.match(item.text)
    if match is None or len(match["title"].split()) > MAX_TITLE_WORDS or not LETTER.search(match["title"]) \
            or match["title"].endswith((".", "!", "?", ";", ",")):
        return None
    return match


def _spaced(items: list[Item], index: int) -> bool:
    """A blank line (or the file's start) above, and its notes under it: not the next item of
    a list of titles."""
    previous = items[index - 1] if index else None
    if not (previous is None or (isinstance(previous, SourceLine) and previous.blank)):
        return False
    following = next((i for i in items[index + 1:index + MAX_BLANKS_UNDER + 2]
                      if not isinstance(i, SourceLine) or not i.blank), None)
    if following is None:
        return False
    under = NUMBERED_TITLE.match(following.text) if isinstance(following, SourceLine) else None
    return under is None or "." in under["number"]
