"""The shape of the notes: which lines start pages, which are topics, bullets, labels or prose.

Authors type headings in many ways (`## EC2`, `#Scalability`, a title underlined with `====`,
framed by `*****` banners, or a bare `SQS :` line), bullets in any form (`-x`, `- x`, `- - x`,
`1.`, `*`, nested by any indentation) and, mostly, topics as short plain lines followed by
bullets (`Placement Groups`, `Spot instances: short workloads...`). Code blocks and tables are
found by a CommonMark parser and kept whole. This module splits the file into pages and each
page into nodes; the rules it applies live one kind to a module beside it: line shapes in
`shapes.py`, framed and underlined titles in `banner.py`, bare lines that head pages in
`bare_lines.py`, plain lines that are topics in `topics.py`. They only classify lines; every line
they see comes out in exactly one node, so nothing the author wrote is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import (banner, bare_braces, bare_json, bare_yaml, columns, data, drawings, naming, pictures, references, unseen,
               wikilinks)
from .bare_lines import bare_service_headings
from .cards import card_questions
from .inline import SHELL_HASH_LINE
from .numbered import numbered_headings
from .outliner import outliner_headings
from .shapes import (BULLET, DOCUMENT_TITLE, EQUALS_HEADING, HASH_BULLET, HEADING, LETTERS, MARK, O_BULLET, Block,
                     Heading, Item, Node, depth_under, framed_title, title_like, unframed)
from .source import SourceLine
from .subject import subject
from .topics import MAX_BARE_TITLE_WORDS, asks, is_definition, split_title, titles_list, topic_kind, word_count

# Where a heading may start: a `#` line, an "== AsciiDoc" one, or a run of one character (a
# banner's, an underline, a rule: `banner.RUN`), at any indentation.
HEADING_OR_RULE_START = re.compile(r"^[ \t]*+(?:#|={1,6}[ \t]|/?(?P<char>[=*_\-@])[ \t]*(?P=char)[ \t]*(?P=char))", re.MULTILINE)
# A "#" that says "number of": "# of records x record size", "# Edge locations > # AZ > # Regions".
NUMBER_OF = re.compile(r"^[ \t]*#[ \t]*(?:of[ \t]|[^#\n]*?[ \t][<>=]+[ \t]*#[ \t]*\w)")
QUOTE = re.compile(r"^\s{0,3}(?P<marks>(?:>\s?)+)(?P<text>.*)$")
ATTRIBUTE_ID = re.compile(r"\s*\{#[\w-]+\}\s*$")
# Three or more of one mark after a title's words and a blank: drawn, not said.
TRAILING_RUN = re.compile(r"(?<=\S)\s+([=*~_#+-])\1{2,}\s*$")
# A heading that is only a link: "## [Up one level](../README.md)", "# [Home](index.md)".
ONLY_A_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
# A line of a table of contents: "- [EC2](#ec2)", "1. [S3](s3.md)".
CONTENTS_ENTRY = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]*\]\((?P<url>[^)]*)\)\s*$")
URL_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")   # "https:", "mailto:": a link out of the notes
# Headings that list the file's contents, not notes: they and their lines head the whole file.
CONTENTS_TITLES = frozenset({"contents", "table of contents", "toc", "index", "outline"})
# Markdown a CommonMark parser is asked to find blocks in: fences, tables, indented code.
# Possessive runs of blanks: a line indented 10,000 spaces is read once, not once a space.
BLOCK_HINT = re.compile(r"^[ \t]{0,3}(?:```|~~~)|^[ \t]*+(?:\|[ \t]*+)?:?-{3,}:?[ \t]*\|", re.MULTILINE)
LETTERS_OR_DIGITS = re.compile(r"\w")
# A Markdown file's front matter: `---`, then `key: value` lines (or indented, or list items).
FRONT_MATTER_LINE = re.compile(r"^(?:#|[\w-]+:|\s+|- )")
MAX_FRONT_MATTER_LINES = 50
MAX_DEPTH = 5
# Lines indented this much deeper than "Placement groups:" right under it are a list under it;
# a single space before each line is how pasted text often comes, not nesting.
MIN_LABEL_INDENT = 2
# Lines under a file's title that still read as its introduction ("My notes for the exam",
# a line on the course); more are the notes themselves.
MAX_INTRODUCTION_LINES = 6
# Lines over a file's first heading that still title it (a title, a subtitle).
MAX_TITLE_LINES = 2


@dataclass
class PageDraft:
    """The lines under one page heading."""

    heading: SourceLine | None
    title: str
    lead: list[SourceLine] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    service: naming.Named | None = None
    level: int = 0            # the heading's level; 0 for a page named after its file
    more: tuple[SourceLine, ...] = ()   # the heading's banners or underline
    # Pages opened under this one's heading ("## Storage" over "### S3" and "### EBS"): a
    # heading with no notes of its own is their group, and its page leads to them.
    members: list["PageDraft"] = field(default_factory=list)


@dataclass
class Outline:
    """A notes file as pages, plus the title lines that head the whole file."""

    title_lines: list[SourceLine]
    pages: list[PageDraft]
    english: bool = True   # the file's words are English enough for its misspellings to be fixed
    # In a file in another language, the names it uses as words of that language ("os"): as typed.
    as_typed: frozenset[str] = frozenset()
    pictures: set[str] = field(default_factory=set)   # where the pictures it shows are published
    missing_pictures: list[pictures.MissingPicture] = field(default_factory=list)


def outline(lines: list[SourceLine], default_title: str, markdown: bool = False, levels_as_typed: bool = False,
            place: pictures.Place | None = None, one_of_several: bool = False, front_page: bool = False) -> Outline:
    """Split one notes file into pages and classify each page's lines.

    `markdown`: the file is Markdown (*.md), where lines indented four spaces after a blank
    line are code, as CommonMark reads them; plain-text notes indent to nest bullets.
    `levels_as_typed`: headings nest exactly as their levels say (Org's stars), rather than `#`
    and `##` being peers where notes use both for pages.
    `place`: where a picture beside the notes is published (see pictures.py); None leaves
    pictures' addresses as typed.
    `one_of_several`: the file is one of several notes files, whose title is its own, not the
    site's.
    `front_page`: the file is the README (or index) of a folder of notes, which may introduce
    them all (`_front_page`).
    """
    if markdown:
        lines = _without_front_matter(lines)
    scanned, placed = scan(lines, markdown, place)
    items = bare_service_headings(outliner_headings(numbered_headings(card_questions(scanned))))
    introduction = _front_page(items, lines) if front_page else None
    if introduction is not None:
        return Outline(title_lines=introduction, pages=[], pictures=placed.found, missing_pictures=placed.missing)
    default = naming.service_named(default_title)
    # One of several files, about one subject (no heading under its first names another
    # service): its title is its page's, and a heading that names no service is a topic of that
    # page, however shallow ("# Features" after "# Trusted Advisor" in its own file), as is one
    # that names a service by a plain word only.
    # (A file comparing services, "# Comparison: RDS vs Aurora", is about the comparison: its
    # "### Aurora" is a section of it.)
    headings = [i for i in items if isinstance(i, Heading)]
    compared = naming.compared(headings[0].title) if headings else frozenset()
    one_subject = one_of_several and not any(_names_another_service(h, default, compared) for h in headings[1:])
    title_lines, items = _file_title(items, default, one_subject)
    if not levels_as_typed:
        _level_peers(items)
    # Notes with headings of their own say where sections start; only in notes without them
    # does a short line alone over a list title it.
    typed_headings = any(isinstance(i, Heading) and not i.bare_name for i in items)
    shallowest = min((i.level for i in items if isinstance(i, Heading)), default=1)
    pages: list[PageDraft] = []
    current = PageDraft(heading=None, title=default_title, service=default)
    body: list[Item] = []
    # The pages open at this point, outermost first: a deeper heading naming another service
    # opens its page inside the current one, and the next heading as shallow returns.
    open_pages: list[PageDraft] = []

    def close() -> None:
        if current.heading is None and not any(not isinstance(i, SourceLine) or not i.blank for i in body):
            return
        if current.heading is not None and current.service is None \
                and (about := subject(current.title, body)) is not None:
            # "# Lecture 44" over notes on ElastiCache: its page, the title a section of it as typed.
            body.insert(0, Heading(current.heading, current.level, current.title, more=current.more, topic_level=2))
            current.service, current.heading, current.more = about, None, ()
        current.nodes = classify(body, lone_titles=not typed_headings)
        pages.append(current)

    for item in items:
        if isinstance(item, Heading) and not item.banner and ONLY_A_LINK.fullmatch(item.title):
            # "## [Up one level](../README.md)": a way around the author's repository, not a section.
            # (Decided here, after the file's title was taken, not when the file is scanned: a
            # link as the file's first heading, "# [My notes](../README.md)", still titles it.)
            item = replace(item.line, text=item.title)
        if not isinstance(item, Heading):
            body.append(item)
            continue
        named = item.names or naming.service_named(item.title)
        # (And a service named only by one plain word, "## Config" under "# AWS CLI": the CLI's;
        # and one the file's title compares, "### Aurora" under "# RDS vs Aurora".)
        topic_of_file = one_subject and bool(open_pages) \
            and (named is None or not (item.names or data.is_distinctive(item.title.strip())) or named.service in compared)
        while open_pages and open_pages[-1].level >= item.level and not _continues(open_pages[-1], item) \
                and not (topic_of_file and len(open_pages) == 1):
            open_pages.pop()
        host = open_pages[-1] if open_pages else (current if current.heading is None and default else None)
        if named is not None and named.catalogue and host is not None and item.level > host.level \
                and (host.service is not None or named.common_word) \
                and not (host.service is not None and host.service.service == named.service):
            # "### Backup" on the EC2 page is about backups, not AWS Backup; "##### FSx" under
            # "### Storage" is FSx; "# FSx" in fsx.md is the page its file's name gave.
            named = None
        # A "<service>: <gist>" line starts its page as the bare name would, and stays a section.
        starts_as = named._replace(whole=True) if item.bare_name and named is not None else named
        if topic_of_file or not _starts_page(item, starts_as, host):
            if host is not None and host is not current:
                # Back from a page opened inside this one ("### OpsWorks" on Systems Manager's).
                close()
                current = PageDraft(heading=None, title=host.title, service=host.service, level=host.level)
                body = []
                open_pages[-1] = current
            # Under a page named after its file, the shallowest heading typed is the page's first
            # level of sections ("/**** Purchasing option ****/" beside bare topics, "## Spot").
            base = host.level if host is not None and host.level else shallowest - 1
            item.topic_level = max(2, min(item.level - base + 1, 6))
            body.append(item)
            continue
        # (Not the only line under a heading of its own: "* OpsWorks", "Managed Chef", "* Lambda".)
        kicker = _kicker(body) if current.heading is None or len(body) > 1 else None
        if kicker is not None:
            body.remove(kicker)
        close()
        current = PageDraft(heading=item.line, title=item.title, lead=[kicker] if kicker else [],
                            service=named, level=item.level, more=item.more)
        if host is not None and host.heading is not None and host.level < item.level:
            host.members.append(current)
        body = []
        if named is not None and not named.whole:
            # "S3 Versioning": S3's page, and a section of it named as typed.
            body.append(Heading(item.line, item.level, item.title, topic_level=2, bare_name=item.bare_name))
            current.heading = None
        open_pages.append(current)
    close()
    # A heading with nothing under it at the top of the file titles the whole file; but one
    # of several files that is only a service's name ("# Lambda", the README of a folder of
    # Lambda notes) names that service's page, which the other files fill.
    while pages and pages[0].heading is not None and not pages[0].nodes and not pages[0].lead and not pages[0].members \
            and not any(p.title == pages[0].title for p in pages[1:]) \
            and not (one_of_several and pages[0].service is not None and pages[0].service.whole):
        title_lines.append(pages.pop(0).heading)  # type: ignore[arg-type]
    return Outline(title_lines=title_lines, pages=pages, pictures=placed.found, missing_pictures=placed.missing)


def _without_front_matter(lines: list[SourceLine]) -> list[SourceLine]:
    """A Markdown file's YAML front matter (`---` lines around `title: ...`) is data about the
    page, not notes: pages this tool wrote, read back, start with it."""
    if not lines or lines[0].text != "---":
        return lines
    for index, line in enumerate(lines[1:MAX_FRONT_MATTER_LINES], 1):
        if line.text in ("---", "..."):
            return lines[index + 1:]
        if not line.blank and not FRONT_MATTER_LINE.match(line.text):
            break
    return lines


def _level_peers(items: list[Item]) -> None:
    """`#` and `##` are one level in notes that use both for pages (`## EC2`, then
    `#Scalability`); only a lone `#` over everything else heads the rest. Notes whose `##`
    name no service keep them under their `#` ("# Service Control Policies" over "## Deny
    list strategy")."""
    headings = [i for i in items if isinstance(i, Heading)]
    # (Typed `#` headings only: a bare service name's level is set from them, not typed. In
    # notes that type none, a framed title's second level is its frame's, a single frame under
    # doubled ones or an indented one, not a page's.)
    typed = any(not h.banner for h in headings)
    if any(h.level == 1 and not h.bare_name for h in headings[1:]) \
            and _second_level_pages([h for h in headings if typed or not (h.banner and h.level == 2)]):
        for heading in headings:
            heading.level = max(heading.level, 2)


def _second_level_pages(headings: list[Heading]) -> bool:
    """Whether a `##` heading heads a service's page: it names the service, by its name alone,
    or with words around it ("## S3 bucket policies") under a `#` that names none; under "#
    CodeCommit", "## IAM permissions" is CodeCommit's."""
    above: naming.Named | None = None
    for heading in headings:
        named = heading.names or naming.service_named(heading.title)
        if heading.level == 1:
            above = named
        elif heading.level == 2 and named is not None and (named.whole or above is None):
            return True
    return False


def _starts_page(heading: Heading, named: naming.Named | None, host: PageDraft | None) -> bool:
    """Whether a heading starts a page, rather than a section of the page it sits in."""
    if host is None:
        return True
    same = named is not None and host.service is not None and named.service == host.service.service
    if named is not None and named.whole:
        # "# RDS" in rds.md: the page the file's name gave, now with its own heading.
        return not same or heading.level <= host.level or host.heading is None
    if named is not None and not same and heading.level <= host.level:
        return True
    if named is not None and host.service is None and naming.leads_with(heading.title, named.service):
        return True    # "### EBS Volumes" under "## Storage": EBS's page, whatever the group
    return heading.level <= host.level and (host.service is None or host.service.whole)


def _continues(page: PageDraft, heading: Heading) -> bool:
    """A page opened by "S3 Versioning" goes on under "Encryption", a heading as deep."""
    return page.service is not None and not page.service.whole and page.level == heading.level \
        and naming.service_named(heading.title) is None


def scan(lines: list[SourceLine], markdown: bool, place: pictures.Place | None = None) -> tuple[list[Item], pictures.Placed]:
    """The file's lines, with headings, code blocks and tables each taken as one item; and the
    pictures they show."""
    text = "\n".join(line.text for line in lines)
    blocks = _markdown_blocks(lines, text, markdown)
    blocks.update(bare_json.json_blocks(lines, text, blocks))
    blocks.update(bare_yaml.yaml_blocks(lines, text, blocks))
    blocks.update(bare_braces.brace_blocks(lines, text, blocks))
    blocks.update(drawings.drawing_blocks(lines, text, blocks))
    blocks.update(columns.column_blocks(lines, text, blocks))
    lines = unseen.without_unseen(lines, text, blocks)
    lines = references.with_references_inline(lines, text, blocks)
    lines = wikilinks.with_wikilinks_read(lines, text, blocks)
    placed = pictures.with_pictures_placed(lines, text, blocks, place)
    lines = placed.lines
    items: list[Item] = []
    index = 0
    first_filled = next((i for i, line in enumerate(lines) if not line.blank), 0)
    # Only where a heading, banner or underline may be is a line looked at twice: one regex
    # over the file finds those places, as most lines are bullets and prose.
    for start in sorted({*blocks, *_heading_candidates(text)}):
        if start < index:
            continue
        items += lines[index:start]
        index = start
        if index in blocks:
            end, kind, info = blocks[index]
            items.append(Block(lines[index:end], kind, info))
            index = end
            continue
        item, index = _heading_at(lines, index, blocks, first=index == first_filled)
        items.append(item)
    items += lines[index:]
    _single_frames_under_doubled(items)
    _banners_under_markdown_headings(items)
    return items, placed


def _single_frames_under_doubled(items: list[Item]) -> None:
    """In notes that frame titles with two runs above and below and others with one, the
    doubled frames title what the single ones title parts of ("I] DynamoDB" in a doubled frame
    over "Consistency Models" in a single one): each single frame one level deeper."""
    sides = {id(item): _frame_sides(item) for item in items if isinstance(item, Heading) and item.banner}
    if (banner.MAX_RUNS, banner.MAX_RUNS) in sides.values() and (1, 1) in sides.values():
        for item in items:
            if isinstance(item, Heading) and sides.get(id(item)) == (1, 1):
                item.level = min(item.level + 1, 6)


def _frame_sides(heading: Heading) -> tuple[int, int]:
    """How many runs frame a title above it, and how many below."""
    above = sum(1 for run in heading.more if run.number < heading.line.number)
    return above, len(heading.more) - above


def _banners_under_markdown_headings(items: list[Item]) -> None:
    """In notes with `#` headings, a framed or underlined title is a title within them: its
    level counts from the shallowest `#` heading's ("## EC2", then a framed "Tenancy" is a
    section of EC2). Notes with none keep the banners' own levels."""
    hashes = [i.level for i in items if isinstance(i, Heading) and not i.banner and not i.more]
    if hashes:
        for item in items:
            if isinstance(item, Heading) and item.banner:
                item.level = min(min(hashes) + item.level, 6)


def _heading_candidates(text: str) -> set[int]:
    """Line indexes that may start a heading: a `#` line, a rule, or the line above one."""
    found: set[int] = set()
    position, number = 0, 0
    for match in HEADING_OR_RULE_START.finditer(text):
        number += text.count("\n", position, match.start())   # counted on from the last match
        position = match.start()
        found.update((number - 1, number) if number else (number,))
    return found


def _heading_at(lines: list[SourceLine], index: int, blocks: dict[int, tuple[int, str, str]],
                first: bool = False) -> tuple[Item, int]:
    """The heading that starts at a line, and the line after it; or the line itself. `first`:
    the line is the file's first, where "= Title" titles the document."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    previous = lines[index - 1] if index > 0 else None
    heading = HEADING.match(line.text)
    # `#Scalability` is a heading; so is `## !!!` or `## 🚀` (CommonMark's, with a space), but not `#!!!`.
    # (Not "# apt-get install -y httpd", a command at root's prompt, nor "#!/bin/bash": shell, shown as code.)
    if heading and (LETTERS_OR_DIGITS.search(heading["title"]) or heading.start("title") > heading.end("hashes")) \
            and not SHELL_HASH_LINE.match(line.text) and not NUMBER_OF.match(line.text):
        return Heading(line, len(heading["hashes"]), _title(heading["title"])), index + 1
    framed = framed_title(line.text)
    if framed and LETTERS.search(framed[0]):
        return Heading(line, framed[1], _title(framed[0]), banner=True), index + 1
    # "== EC2", "=== Spot ===", and "= Title" as the file's first line.
    equals = EQUALS_HEADING.match(line.text) or (DOCUMENT_TITLE.match(line.text) if first else None)
    if equals and LETTERS.search(equals["title"]):
        level = len(equals["hashes"]) if equals.re is EQUALS_HEADING else 1
        return Heading(line, level, _title(equals["title"])), index + 1
    found = None
    if banner.is_run(line):
        found = banner.framed_at(lines, index, title_like, blocks,
                                 after_text=not (previous is None or previous.blank or banner.is_run(previous)))
    elif following is not None and title_like(line) and (previous is None or previous.blank):
        found = banner.underlined_at(lines, index)
    if found is None:
        return line, index + 1
    title = lines[found.title]
    markdown_underline = found.title == index and banner.is_setext(lines[found.runs[0]])
    return Heading(title, found.level, _title(unframed(title.text.strip())), more=tuple(lines[i] for i in found.runs),
                   banner=not markdown_underline), found.end


def _title(text: str) -> str:
    """A heading's words: no trailing full stop, no id this tool added, no run of one mark after
    them ("* TODAY =============", "## Networking -----": a rule drawn on the title's line)."""
    text = TRAILING_RUN.sub("", ATTRIBUTE_ID.sub("", text)).strip()
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _markdown_blocks(lines: list[SourceLine], text: str, markdown: bool) -> dict[int, tuple[int, str, str]]:
    """Where code blocks and tables start: line index -> (end index, kind, language).

    Found by a CommonMark parser, which knows when a fence is inside a list or a table needs
    its delimiter row. Only files that may hold one are parsed.
    """
    if not markdown and not BLOCK_HINT.search(text):
        return {}
    blocks: dict[int, tuple[int, str, str]] = {}
    for token in _block_parser().parse(text):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            closing = lines[end - 1].text.strip() if end - 1 > start else ""
            if not closing.startswith(token.markup[0] * len(token.markup)) or closing.strip(token.markup[0]):
                continue  # never closed: CommonMark would make the rest of the file code
            blocks[start] = (end, "code", token.info.strip())
        elif token.type == "code_block" and markdown:
            while end > start and lines[end - 1].blank:
                end -= 1
            blocks[start] = (end, "code", "")
        elif token.type == "table_open":
            blocks[start] = (end, "table", "")
    return blocks


def _block_parser():
    from markdown_it import MarkdownIt  # only for files that may hold code blocks or tables

    return MarkdownIt("commonmark").enable("table")


def _file_title(items: list[Item], default: naming.Named | None = None,
                one_subject: bool = False) -> tuple[list[SourceLine], list[Item]]:
    """The file's own title and what stands under it: "# My AWS notes", an introduction and a
    table of contents, when every other heading is deeper. They head the home page; but in one
    of several notes files about one subject, a title over topics ("# Database Migration
    Service" over "## Sources and targets") is that file's page, its introduction the page's."""
    headings = [i for i in items if isinstance(i, Heading)]
    first = next((i for i in items if not isinstance(i, SourceLine) or not i.blank), None)
    contents = _leading_contents(items, first)
    if contents is not None:
        return contents
    if isinstance(first, SourceLine) and default is None and len(headings) >= 2:
        return _introduction(items)
    if not isinstance(first, Heading) or len(headings) < 2 or any(h.level <= first.level for h in headings[1:]):
        return [], items
    named = naming.service_named(first.title)
    if named is not None and (named.whole or (default is not None and named.service == default.service)):
        return [], items      # "# S3" over "## Versioning", "EBS Volumes" in ebs.txt: the page itself
    if one_subject:
        return [], items      # dms.md's "# DMS" over its topics, beside ec2.md and s3.md
    if default is not None and first.level > 1:
        return [], items      # "## Spot instances" over "### Pricing" in ec2.txt: the page's first section
    position = items.index(first)
    end = position + 1
    while end < len(items):
        item = items[end]
        if isinstance(item, Heading):
            if item.title.strip().lower() not in CONTENTS_TITLES:
                break
        elif isinstance(item, Block):
            break
        end += 1
    title_lines = []
    for item in items[position:end]:
        if isinstance(item, Heading):
            title_lines.append(item.line)
        elif not item.blank:  # type: ignore[union-attr]
            title_lines.append(item)  # type: ignore[arg-type]
    if _more_than_an_introduction(items[position:end]):
        # Notes, not an introduction: they make a page, where search finds them (the home page
        # is not searched).
        return [], items
    return title_lines, items[:position] + items[end:]


def _names_another_service(heading: Heading, default: naming.Named | None,
                           compared: frozenset[data.Service] = frozenset()) -> bool:
    """A heading that opens a service's page ("## RDS" under "# Databases"), other than the
    one the file's name gives or one of those its title compares, and by a name no topic has:
    "## Config" under "# AWS CLI" is the CLI's configuration."""
    named = heading.names or naming.service_named(heading.title)
    return named is not None and named.whole and not named.common_word and data.is_distinctive(heading.title.strip()) \
        and (default is None or named.service != default.service) and named.service not in compared


def _front_page(items: list[Item], typed: list[SourceLine]) -> list[SourceLine] | None:
    """A folder's README that only introduces its notes ("# My AWS notes" and a line or two,
    maybe links to the files): it heads the home page, as it heads the repository's page on
    GitHub, rather than being a page beside the notes. One with topics, a block or more lines
    is notes, and one titled by a service's name ("# Lambda") is that service's page.
    `typed`: the file's lines as typed, where a logo over the title is still a picture (one that
    cannot be published is text by now)."""
    headings = [item for item in items if isinstance(item, Heading)]
    if sum(heading.title.strip().lower() not in CONTENTS_TITLES for heading in headings) > 1 \
            or any(isinstance(item, Block) for item in items):
        return None
    if headings and (named := naming.service_named(headings[0].title)) is not None and named.whole:
        return None
    said = [item.line if isinstance(item, Heading) else item for item in items
            if isinstance(item, Heading) or not item.blank]  # type: ignore[union-attr]
    pictures_only = {line.number for line in typed[:MAX_INTRODUCTION_LINES] if _only_pictures(line.text)}
    if headings and any(line.number not in pictures_only for line in said[:said.index(headings[0].line)]):
        return None    # lines before its title (but a logo): not a title and its introduction
    if _more_than_an_introduction(said):
        return None
    return said


def _only_pictures(text: str) -> bool:
    """A line of pictures and nothing else: a logo over a title."""
    return not pictures.IMAGE.sub("", text).strip() and bool(text.strip())


def _more_than_an_introduction(items: list[Heading | SourceLine]) -> bool:
    """More lines of text than introduce a file (a table of contents' links not counted): notes."""
    return sum(not isinstance(item, Heading) and not item.blank and not CONTENTS_ENTRY.match(item.text)
               for item in items) > MAX_INTRODUCTION_LINES


def _introduction(items: list[Item]) -> tuple[list[SourceLine], list[Item]]:
    """A title or two over the file's first heading ("My notes for the SysOps exam"): they
    title the whole file and head the home page, rather than making a page of their own named
    after the file. Sentences, a list, a block or more lines are notes (facts the home page
    would keep from search), and stay a page."""
    end = next(index for index, item in enumerate(items) if isinstance(item, Heading))
    lines = [item for item in items[:end] if isinstance(item, SourceLine) and not item.blank]
    if len(lines) != sum(1 for item in items[:end] if not (isinstance(item, SourceLine) and item.blank)) \
            or len(lines) > MAX_TITLE_LINES or not all(title_like(line) for line in lines) \
            or any(line.text.rstrip().endswith((".", ":", ";")) for line in lines):
        return [], items
    return lines, items[end:]


def _leading_contents(items: list[Item], first: Item | None) -> tuple[list[SourceLine], list[Item]] | None:
    """A file that opens with its table of contents ("# Contents", then only links, as many
    README files do, whatever the levels of the headings after it): the contents head the home
    page, where each link leads to its section, rather than making a page of their own."""
    if not isinstance(first, Heading) or first.title.strip().lower() not in CONTENTS_TITLES:
        return None
    position = items.index(first)
    end = position + 1
    while end < len(items) and isinstance(items[end], SourceLine) and not banner.is_run(items[end]):
        end += 1
    entries = [item for item in items[position + 1:end] if not item.blank]  # type: ignore[union-attr]
    # Links into the notes ("#s3", "README.md#preface", "ec2.md"), over headings they lead to:
    # a "# Index" of web addresses alone is a page of bookmarks, and stays one.
    if not entries or not all((entry := CONTENTS_ENTRY.match(item.text)) and not URL_SCHEME.match(entry["url"])
                              for item in entries) \
            or not any(isinstance(item, Heading) for item in items[end:]):  # type: ignore[union-attr]
        return None
    if end < len(items) and isinstance(items[end], SourceLine):
        end += 1   # the rule that closes the contents ("* * *"), with them
    return [first.line, *entries], items[:position] + items[end:]  # type: ignore[list-item]


def _kicker(body: list[Item]) -> SourceLine | None:
    """A lone line right above a heading ("Manage EC2 at scale") introduces that heading's page."""
    if not body or not isinstance(body[-1], SourceLine) or body[-1].blank:
        return None
    last = body[-1]
    before = body[-2] if len(body) > 1 else None
    if (before is None or (isinstance(before, SourceLine) and before.blank)) and not BULLET.match(last.text) \
            and not QUOTE.match(last.text) and word_count(last.text) <= MAX_BARE_TITLE_WORDS:
        return last
    return None


def classify(items: list[Item], lone_titles: bool = False) -> list[Node]:
    """Every non-blank line of a page as a topic, bullet or text node, in order.

    `lone_titles`: a short line alone over a list titles it (in notes with no headings)."""
    nodes: list[Node] = []
    category_open = False  # "Purchasing options": its later "Name: gist" blocks stay beneath it
    question_level: int | None = None   # flash cards' questions, each a section at one level
    label: Node | None = None        # "Placement groups:", a line of text over lines indented under it
    label_last: Node | None = None   # the last node of that label's list: any other ends it
    blocks = _blocks(items)
    for number, block in enumerate(blocks):
        first_topic_level: int | None = None
        list_parent: Node | None = None  # "- Status check:" takes the lines under it
        for index, item in enumerate(block):
            previous = nodes[-1] if index > 0 else None
            if isinstance(item, Block):
                nodes.append(Node("verbatim", item.lines[0], "\n".join(l.text for l in item.lines),
                                  more=tuple(item.lines[1:]), info=item.kind + (f" {item.info}" if item.info else "")))
                continue
            if isinstance(item, Heading):
                # A bare line made a heading may carry a gist: "Site-to-Site VPN: encrypted, ...".
                name, lead = split_title(item.title) if item.bare_name and not item.whole_title else (item.title, "")
                nodes.append(Node("topic", item.line, name, level=item.topic_level, more=item.more, lead=lead))
                first_topic_level = item.topic_level
                list_parent = None
                continue
            line = item
            following = block[index + 1] if index + 1 < len(block) else None
            bullet = BULLET.match(line.text)
            if bullet:
                marks = bullet["marks"]
                numbered = marks[0].isalnum()   # "1." or "a.": shown with its number or letter
                # (An arrow is one mark: "->" counts its dash once, "=>" none, as one level.)
                extra = len(MARK.findall(marks.replace("->", "=>"))) - 1
                indent = len(bullet["indent"]) + (0 if numbered else 2 * max(extra, 0))
                node = Node("bullet", line, bullet["text"], indent=indent,
                            marker=marks.strip()[:-1] + "." if numbered else "-")
                nodes.append(node)
                list_parent = node if bullet["text"].rstrip().endswith(":") else None
                continue
            under_bullet = previous is not None and previous.kind == "bullet"
            o_item = O_BULLET.match(line.text) if under_bullet else None
            if o_item:
                nodes.append(Node("bullet", line, o_item["text"], indent=len(o_item["indent"])))
                continue
            hashed = HASH_BULLET.match(line.text) if under_bullet else None
            # (Over a line of prose or a command it is the author's own "#": a shell comment.)
            if hashed and (following is None or isinstance(following, SourceLine)
                           and (BULLET.match(following.text) or HASH_BULLET.match(following.text))):
                nodes.append(Node("bullet", line, hashed["text"], indent=len(hashed["indent"])))
                continue
            first = line.text.lstrip()[:1]
            if banner.is_run(line):
                nodes.append(Node("rule", line, "---"))
                continue
            quote = QUOTE.match(line.text) if first == ">" else None
            if quote:
                nodes.append(Node("quote", line, quote["text"].strip(), depth=quote["marks"].count(">")))
                continue
            text = line.text.strip()
            in_label_list = label is not None and nodes[-1] is label_last
            # (Right under it, line after line: paragraphs indented after a blank line are not a list.)
            if in_label_list and _indent(line) >= _indent(label.line) + MIN_LABEL_INDENT \
                    and line.number == label_last.line.number + 1:   # type: ignore[union-attr]
                # ("  cluster: low latency" under "Placement groups:": a list under it, as typed.)
                label_last = Node("bullet", line, text, indent=_indent(line))
                nodes.append(label_last)
                continue
            # (A line back out at the label's own indentation ends its list: not a line of its last item.)
            if line.text[:1].isspace() and nodes and nodes[-1].kind in ("bullet", "more") and not in_label_list:
                # ("    > text" under an item: a quote inside it, as pandoc writes a Word
                # document's indented paragraph; it showed as "\> text".)
                quoted = QUOTE.match(text)
                nodes.append(Node("more", line, quoted["text"].strip(), marker="> " * quoted["marks"].count(">"))
                             if quoted else Node("more", line, text))
                continue
            if asks(text, following):
                # Every card of a page at one level: the first's, as the rules below set it.
                if question_level is None:
                    question_level = 2 if first_topic_level is None else min(first_topic_level + 1, 6)
                first_topic_level = first_topic_level or question_level
                nodes.append(Node("topic", line, text, level=question_level))
                list_parent = None
                continue
            # A line typed right under a block, with no blank between ("write   read" under a
            # drawing, a caption under code), goes on from it: no paragraph's first line, to title one.
            under_block = index == 0 and number > 0 and isinstance(blocks[number - 1][-1], Block) \
                and line.right_under(blocks[number - 1][-1].lines[-1])
            kind = topic_kind(text, 1 if under_block else index, previous, following, typed_headings=not lone_titles)
            if kind is None and lone_titles and len(block) == 1 and number + 1 < len(blocks) \
                    and titles_list(text, blocks[number + 1][0]):
                kind = "topic"
            if kind is None:
                if list_parent is not None:
                    nodes.append(Node("bullet", line, text, indent=list_parent.indent + 1))
                else:
                    nodes.append(Node("text", line, text))
                    label = label_last = nodes[-1] if text.endswith(":") else None
                continue
            list_parent = None
            name, lead = split_title(text)
            if kind == "subtopic":
                level = (previous.level if previous else 2) + 1
                category_open = previous is not None and previous.level == 2
            elif index == 0 and category_open and is_definition(text):
                level = 3
            elif first_topic_level is None:
                level = 2
                category_open = False
            else:
                level = min(first_topic_level + 1, 6)
            if first_topic_level is None:
                first_topic_level = level
            nodes.append(Node("topic", line, name, level=level, lead=lead))
    _nest(nodes)
    return nodes


def _indent(line: SourceLine) -> int:
    return len(line.text) - len(line.text.lstrip())


def _blocks(items: list[Item]) -> list[list[Item]]:
    blocks: list[list[Item]] = [[]]
    for item in items:
        if isinstance(item, Block):
            blocks += [[item], []]
        elif isinstance(item, SourceLine) and item.blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(item)
    return [b for b in blocks if b]


def _nest(nodes: list[Node]) -> None:
    """Each bullet's parent is the nearest earlier bullet typed further out, whatever the
    widths: two spaces, four, a tab. A list never starts nested, and a further line of a
    bullet stays with it."""
    outer: list[int] = []      # how far in each open parent was typed
    depth = -1
    for node in nodes:
        if node.kind == "more":
            node.depth = max(depth, 0)
            continue
        if node.kind == "verbatim" and node.info.split(" ")[0] == "code" and outer:
            # Code typed further in than an open item is that item's, as a fence indented in a
            # Markdown list is: the items after it stay at their depths.
            margin = min(_indent(line) for line in node.lines if line.text.strip())
            while outer and outer[-1] >= margin:
                outer.pop()
            if outer:
                node.in_item, depth = True, len(outer) - 1
                node.depth = depth
                continue
        if node.kind != "bullet":
            outer, depth = [], -1
            continue
        depth = node.depth = min(depth_under(outer, node.indent), MAX_DEPTH)
