"""Lines with no heading markup that still head a page: a service's name alone on its line,
a "<service>: <gist>" line over its notes, a bullet that is only a service's name over a long
indented body. Each becomes a heading before the pages are split.
"""

from __future__ import annotations

import re

from . import data, naming
from .shapes import BULLET, GLYPHS, Heading, Item, title_like, typed_heading
from .source import SourceLine
from .topics import definition

# "S3-Simple Storage Service- simple, scalable": a name, a dash, then (its full name and) more.
SPELLED_OUT = re.compile(r"^(?P<name>[^\s:-][^:-]*?)\s*-\s*(?P<gist>\S.*)$")
# A bullet that is only a service's name heads that service's page when this many lines or more
# are indented under it: a section typed as a bullet ("* DynamoDB" over its notes), where a
# short list of services with a note or two each ("* Lambda", "  - serverless") stays a list.
MIN_BULLET_SECTION_LINES = 10
# A course's own count before a title: "Day 2 - EC2", "Module 3: S3", "Lecture 12 - S3 basics".
COUNTED = re.compile(r"^(?:day|week|module|lecture|lesson|section|chapter|part|unit)[ \t]*\d{1,3}[ \t]*[:.)-][ \t]*"
                     r"(?P<title>\S.*)$", re.IGNORECASE)
# Bare service names over their lists that make a file's pages beside its typed headings: at
# least this many, and more than the headings.
MIN_BARE_TITLES = 3


def bare_service_headings(items: list[Item]) -> list[Item]:
    """A bare service name (`DynamoDB`, `SQS :`) on a line of its own heads that service's
    page: in notes with no headings, when it starts a block after a blank line; in notes with
    some headings, only when blank lines stand on both sides of it, as a title does ("## EC2"
    above, a bare "EBS" paragraph further on), or right over its own indented notes. So does a
    "<service>: <gist>" line over its notes, kept whole as a section of that page."""
    levels = [i.level for i in items if isinstance(i, Heading)]
    # A level above the shallowest heading: a service's name over "##THEORY##" heads it, and
    # beside "## EC2" it is a peer (`#` and `##` used for pages are one level).
    level = max(1, min(levels, default=2) - 1)
    # Notes whose bare service names over their lists outnumber their few typed headings (an
    # underlined first title, then "Kinesis:", "S3 -", "CloudFront" each over a list) are
    # notes of bare names: the typed headings do not make the names mere topics.
    bare_titles = sum(1 for index in range(len(items)) if _bare_title_over_list(items, index))
    names_rule = not levels or bare_titles >= max(MIN_BARE_TITLES, len(levels) + 1)
    out: list[Item] = []
    for index, item in enumerate(items):
        previous = items[index - 1] if index else None
        following = items[index + 1] if index + 1 < len(items) else None
        after = items[index + 2] if index + 2 < len(items) else None
        # Between blank lines with notes after them, or right over its own indented body
        # ("IAM" over tab-indented lines); in notes with no headings, also right over its lines.
        spaced = isinstance(following, SourceLine) and following.blank and after is not None \
            and not (isinstance(after, SourceLine) and after.blank)
        over_body = isinstance(following, SourceLine) and not following.blank
        starts = spaced or (over_body and (names_rule or following.text[:1].isspace()))
        after_blank = previous is None or (isinstance(previous, SourceLine) and previous.blank)
        opens_block = starts and isinstance(item, SourceLine) and not item.blank and not item.text[:1].isspace() \
            and after_blank
        if after_blank and (title := _bullet_section(items, index)):
            out.append(Heading(item, level, title, bare_name=True))   # type: ignore[arg-type]
            continue
        if opens_block and (defined := _service_definition(item, following if over_body else after, indented=bool(levels))):
            # "Site-to-Site VPN: encrypted, over the internet" over its indented notes: that
            # service's page, the line a section of it with every word.
            out.append(Heading(item, level, item.text.strip(), bare_name=True, names=defined))
            continue
        if opens_block and (counted := _counted_title(item)):
            # "Day 2 - EC2", "Lecture 12: S3 basics" over its notes: the service's page, the
            # line a section of it with every word.
            out.append(Heading(item, level, item.text.strip(), bare_name=True, names=counted, whole_title=True))
            continue
        # (A title's shape: a sentence ending "(ASG)" names a service in its parentheses, but it
        # is a sentence, and a heading would show the service's name in its place.)
        if opens_block and title_like(item):
            title = item.text.strip().rstrip(":").strip()
            if not naming.is_only_a_name(title):
                out.append(item)   # "d. Aurora (AWS's own database)": an item that says more than a name
                continue
            named = naming.service_named(title)
            # In notes with no headings, a short title that starts with a service's name
            # ("Lambda pricing", "EBS volume"), or ends with it after "AWS" or "Amazon" ("Types
            # of budgets of AWS Budgets"), heads that service's page too, as a section.
            leads = not levels and named is not None and not named.whole \
                and (naming.leads_with(title, named.service) or naming.ends_with_vendor_name(title, named.service))
            if named is not None and (named.whole or leads) and not named.common_word:
                out.append(Heading(item, level, title, bare_name=True))
                continue
        out.append(item)
    return out


def _counted_title(line: SourceLine) -> naming.Named | None:
    """The service a course's counted title names ("Day 2 - EC2", "Module 3: S3 and Glacier",
    "Lecture 12 - S3 Introduction"): the count names nothing, the words after it start with a
    service's name."""
    counted = COUNTED.match(line.text)
    if counted is None:
        return None
    title = counted["title"].strip().rstrip(":").strip()
    named = naming.service_named(title)
    if named is None or named.common_word or not (named.whole or naming.leads_with(title, named.service)):
        return None
    return named._replace(whole=False)


def _bare_title_over_list(items: list[Item], index: int) -> bool:
    """A service's name (and a ":" or "-") alone on a line after a blank one, right over a list
    at the margin: "CloudFront" over "- CDN, edge locations"."""
    item = items[index]
    if not isinstance(item, SourceLine) or item.blank or item.text[:1].isspace() or not index \
            or index + 1 >= len(items):
        return False
    previous, following = items[index - 1], items[index + 1]
    if not (isinstance(previous, SourceLine) and previous.blank) or not isinstance(following, SourceLine) \
            or following.text[:1].isspace() or not BULLET.match(following.text) or not title_like(item):
        return False
    title = item.text.strip().rstrip(":-").strip()
    named = naming.service_named(title) if naming.is_only_a_name(title) else None
    return named is not None and named.whole and not named.common_word


def _bullet_section(items: list[Item], index: int) -> str | None:
    """The service's name, when a bullet at the margin (after a blank line) is only that name
    and heads its page: at least MIN_BULLET_SECTION_LINES lines are indented under it."""
    item = items[index]
    if not isinstance(item, SourceLine) or item.text[:1] not in "*-+–" + GLYPHS:
        return None
    bullet = BULLET.match(item.text)
    if bullet is None or bullet["indent"]:
        return None
    title = bullet["text"].strip().rstrip(":").strip()
    named = naming.service_named(title) if naming.is_only_a_name(title) else None
    if named is None or not named.whole or named.common_word:
        return None
    body = 0
    for following in items[index + 1:]:
        if not isinstance(following, SourceLine) or not (following.blank or following.text[:1].isspace()):
            break
        body += not following.blank
        if body >= MIN_BULLET_SECTION_LINES:
            return title
    return None


def _service_definition(line: SourceLine, body: Item | None, indented: bool) -> naming.Named | None:
    """The service a line names as "<service>: <what it is>" (or "<service>-<its full name>-
    <gist>") over notes about it (indented under it, or, in notes with no headings, any lines);
    None for any other line."""
    if not isinstance(body, SourceLine) or body.blank or (indented and not body.text[:1].isspace()):
        return None
    if BULLET.match(line.text) or typed_heading(line.text):
        return None
    text = line.text.strip()
    defined = definition(text) if ":" in text else None
    if defined is not None:
        name, gist = defined.name, defined.gist
    elif spelled := SPELLED_OUT.match(text):
        name, gist = spelled["name"], spelled["gist"]
    else:
        return None
    if not naming.is_only_a_name(name):
        return None
    named = naming.service_named(name)
    if named is None or not named.whole or named.common_word:
        return None
    if defined is None and not _spells_out(named.service, gist):
        return None
    return named._replace(whole=False)     # the page of the name; the line, a section of it


def _spells_out(service: data.Service, rest: str) -> bool:
    """Whether what follows a service's name starts with that service's full name ("S3-Simple
    Storage Service- ...")."""
    full = naming.VENDOR_PREFIX.sub("", service.full)
    return " " in full and rest.lower().startswith(full.lower())
