"""The shapes of a notes line, and the items the structure rules pass along.

A line is a heading, a bullet or text by its shape alone; which headings start pages and which
plain lines are topics is decided by the rules in `outline.py`, `topics.py` and `bare_lines.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import banner, naming
from .inline import HTML_IMAGE, IMAGE, SHELL_LINE
from .source import SourceLine

# "## EC2", "#Scalability": a heading. Not "#1 priority", which is a number, not a heading. A
# trailing "{#id}" is the id this tool gave it, in a page read back as notes.
HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})(?![#\d])\s*(?P<title>[^\s#].*?)\s*#*\s*(?:\{#[\w-]+\})?\s*$")
# The bullets that word processors and slides put in front of a line, kept when notes are
# pasted from them: "•", "◦", "▪", "●", "○", "■", "□", "‣", "►", "➢"... None starts a word.
GLYPHS = "•◦▪▫‣●○■□►▸▹➢➤"
# "== EC2", "=== Instance types ===": AsciiDoc's and MediaWiki's headings, from two marks (a line
# "= 5 GB" is the end of a sum); the document's "= Title" counts only as a file's first line.
EQUALS_HEADING = re.compile(r"^\s{0,3}(?P<hashes>={2,6})[ \t]+(?P<title>[^\s=].*?)[ \t]*=*[ \t]*$")
DOCUMENT_TITLE = re.compile(r"^=[ \t]+(?P<title>[^\s=].*?)[ \t]*$")
# A title framed on its own line by runs of one mark, as banner.py's are on lines of their own:
# "########Decoupling Applications###########", "#########Direct Connect" (more hashes than a
# Markdown heading has, where a run on the left alone marks it too), "****** Garbage collection
# ******" (asterisks with spaces inside them, which Markdown's emphasis never has).
FRAMED_TITLE = re.compile(r"^[ \t]*(?:#{7,}[ \t]*(?P<hashed>[^\s#](?:.*[^\s#])?)[ \t]*(?P<closing>#{3,}[ \t]*)?"
                          r"|(?P<run>[*@])(?P=run){2,}[ \t]+(?P<title>[^\s*@](?:.*[^\s*@])?)[ \t]+(?P=run){3,}[ \t]*)$")
# The runs that frame a title on its own line, however they are typed ("***  Title ****").
FRAMING_RUNS = re.compile(r"^[ \t]*([*#=@])\1{2,}[ \t]*|[ \t]*([*#=@])\2{2,}[ \t]*$")


def framed_title(text: str) -> tuple[str, int] | None:
    """The words and level of a title framed on its own line (`FRAMED_TITLE`), or None. Runs on
    both sides frame a title; a run on the left alone, one under it."""
    framed = FRAMED_TITLE.match(text)
    if framed is None:
        return None
    if framed["hashed"] is not None:
        return framed["hashed"], 1 if framed["closing"] else 2
    return framed["title"], 1


def unframed(text: str) -> str:
    """A title's words without the runs that frame it on its line."""
    return FRAMING_RUNS.sub("", text) or text


def typed_heading(text: str) -> re.Match[str] | None:
    """A heading typed with its marks, "#" or "=": its "hashes" and "title"."""
    return HEADING.match(text) or (EQUALS_HEADING.match(text) if text.lstrip()[:2] == "==" else None)


# A bullet: "-", a glyph, "*", "+", an en dash with a space ("– x", as Word makes "- x") (a "- -"
# run counting one level a mark), an arrow typed as one ("=> x", "-> x": the arrow is the
# bullet), or an ordered item: "1.", "2)", and the lettered "a.", "b)" that notes nest under numbers.
BULLET = re.compile(rf"^(?P<indent>\s*)(?P<marks>[=-]>[ \t]*(?=[^\s>=])|(?:(?:-|[{GLYPHS}])(?:\s+|(?=[^\s\-{GLYPHS}]))|[*+–]\s+)+"
                    r"|(?:\d{1,9}|[a-z])[.)]\s+)(?P<text>\S.*)$")
# Every mark a bullet's run may count a level for ("- -", "* -").
MARK = re.compile(rf"[-*+–{GLYPHS}]")
# A "#" typed as a bullet: indented, on the line right under a bullet ("\t* Two kinds of key" then
# "\t\t# Simple: one attribute"). Never a heading there: notes indent no heading under an item.
HASH_BULLET = re.compile(r"^(?P<indent>[ \t]+)#[ \t]+(?P<text>[^\s#].*)$")
# Word's "o" for a bullet one level in: indented, right under a bullet ("• Pricing" then "    o Spot").
O_BULLET = re.compile(r"^(?P<indent>[ \t]+)o[ \t]+(?P<text>\S.*)$")
# A word a title holds: two letters, or a letter and a digit ("S3", "C5"); not "a)" or "x".
LETTERS = re.compile(r"[A-Za-z][A-Za-z0-9]|[0-9][A-Za-z]")


def lines_in(blocks: dict[int, tuple[int, str, str]], kinds: tuple[str, ...] = ("code", "table")) -> set[int]:
    """Every line index inside the blocks already found (code, tables: start -> (end, kind,
    info)) of these kinds, which the rules that read bare lines leave as they are."""
    return {index for start, (end, kind, _) in blocks.items() if kind in kinds for index in range(start, end)}


def depth_under(outer: list[int], indent: int) -> int:
    """An item's depth in its list: its parent is the nearest earlier item typed further out,
    whatever the widths (two spaces, four, a tab). `outer` holds how far in each open item was
    typed, outermost first; the item is added to it."""
    while outer and outer[-1] >= indent:
        outer.pop()
    depth = len(outer)
    outer.append(indent)
    return depth
MAX_TITLE_WORDS = 10     # an underlined or framed line this long is a title


@dataclass(slots=True)
class Node:
    """One line of a page, classified (or, for code and tables, one block of lines)."""

    kind: str                 # "topic", "bullet", "more" (a bullet's further line), "text",
                              # "quote", "rule" or "verbatim" (code, a table: shown as typed)
    line: SourceLine
    text: str                 # the line's content without bullet or heading markers
    depth: int = 0            # bullets: 0 for a top-level item
    level: int = 0            # topics: 2 for a main topic, 3 and deeper for sub-topics
    lead: str = ""            # topics: what followed the name ("short workloads, cheap...")
    indent: int = 0           # bullets: how far in the author typed it, a `- -` counting as two
    marker: str = "-"         # bullets: "-", or "1." for a numbered one; "more": "> " for a quote in its item
    more: tuple[SourceLine, ...] = ()   # the block's other lines, and banners or underlines
    info: str = ""            # verbatim: "code" or "table"; a code block's language
    in_item: bool = False     # verbatim: code typed indented under a list item, shown inside it

    @property
    def lines(self) -> list[SourceLine]:
        """Every raw line this node shows."""
        return [self.line, *self.more]


@dataclass
class Heading:
    """A heading as typed: `## Title`, a title underlined or framed by banners, a bare service line."""

    line: SourceLine
    level: int
    title: str
    more: tuple[SourceLine, ...] = ()
    topic_level: int = 0      # set when it becomes a section
    banner: bool = False      # framed or underlined by a run that is not Markdown's own
    bare_name: bool = False   # a service's name alone on its line, made a heading
    names: naming.Named | None = None   # the service a "<service>: <gist>" line names
    whole_title: bool = False  # a bare line titled by all its words ("Day 2 - EC2"), not a name and a gist


@dataclass
class Block:
    """Lines kept whole: a code block or a table."""

    lines: list[SourceLine]
    kind: str                 # "code" or "table"
    info: str = ""


Item = SourceLine | Heading | Block


def title_like(line: SourceLine) -> bool:
    text = line.text.strip()
    # (A command typed at a prompt is never a title: "$ aws s3 ls" names S3 and stays a command.)
    # (Nor is a picture: "![](images/flow.png)" over a run of "_" is a picture and a rule, and
    # a title of it would be a heading with no words.)
    return bool(text) and not BULLET.match(line.text) and not banner.is_run(line) and not SHELL_LINE.match(text) \
        and not typed_heading(line.text) and len(text.split()) <= MAX_TITLE_WORDS \
        and LETTERS.search(HTML_IMAGE.sub("", IMAGE.sub("", text))) is not None


def github_id(title: str) -> str:
    """The id GitHub gives a heading, which a Markdown file's own table of contents links to:
    lower case, punctuation dropped, each space a hyphen ("Backup & Restore": backup--restore)."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
