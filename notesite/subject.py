"""A course's count alone as a title, over notes about one service, heads that service's page.

"# Lecture 44 (Developer's topic)" names no subject, yet the notes under it name ElastiCache nine
times and RDS five: a reader looks for them on ElastiCache's page, not on a page called "Lecture
44". So a heading that is only a course's count ("Lecture 44", "Day 3", with at most a remark in
parentheses) goes to the page of the one service its notes name far more often than any other,
and stays on it as a section with every word as typed. A title with words of its own after the
count ("Section 5: Databases") is the author's subject and stays the page's title; so does a
count whose notes name no service more than the others (a day on EC2 and S3 alike).
(A counted title that names a service, "Day 2 - EC2", is that service's already: `bare_lines`.)
"""

from __future__ import annotations

import re

from . import naming
from .inline import normalizer
from .shapes import Heading, Item
from .source import SourceLine

COUNT_ALONE = re.compile(r"^(?:day|week|module|lecture|lesson|section|chapter|part|unit|session|class)[ \t]*\d{1,3}"
                         r"[ \t]*(?:\([^()]*\))?[ \t]*[:.-]?$", re.IGNORECASE)
# The notes must name the service this many times: one or two mentions are in passing.
MIN_MENTIONS = 3
# ...and half again as often as any other service: notes on ElastiCache that compare it with RDS
# at each step still name ElastiCache most; a day on EC2 and S3 alike is neither's.
DOMINANCE = 1.5


def subject(title: str, body: list[Item]) -> naming.Named | None:
    """The service the notes under a count alone are about, or None (the title says more than
    a count, or no service stands out). `body`: the page's lines and headings as scanned."""
    if not COUNT_ALONE.match(title.strip()) or naming.service_named(title) is not None:
        return None
    norm = normalizer()
    text = "\n".join(norm.corrected(item.text if isinstance(item, SourceLine) else item.title)
                     for item in body if isinstance(item, (SourceLine, Heading)))
    ranked = naming.mentions(text).most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]):
        return None
    return naming.Named(ranked[0][0], whole=False)
