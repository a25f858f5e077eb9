"""Obsidian's own markup, as its reading view shows it: notes kept in an Obsidian vault link
other notes by name ("[[AWS S3]]", "[[EC2|instances]]", "[[#Pricing]]"), embed pictures by file
name ("![[Pasted image 20240902204137.png]]", "![[diagram.png|400]]") and mark callouts
("> [!note] Free tier").

Markdown knows none of these: the brackets showed as typed, and an embed alone on its line was
taken for a title. Here a link to a note is a link to the page and section that note and its
heading became, with the words Obsidian shows (its words alone where there is none); an embedded picture
is Markdown's picture, found by its name as Obsidian finds it (pictures.py); a callout is a
quote led by its title in bold. Code blocks and code spans stay as typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .inline import outside_code_spans
from .pictures import is_picture
from .shapes import github_id, lines_in
from .source import SourceLine

# "[[target]]", "[[target|shown]]", "![[picture.png|400]]": a target names no brackets or pipe.
WIKILINK = re.compile(r"(?P<embed>!?)\[\[(?P<target>[^\[\]|\n]+?)(?:\|(?P<shown>[^\[\]\n]*))?\]\]")
# "> [!note] Free tier", "> [!TIP]- folded": a callout's first line.
CALLOUT = re.compile(r"^(?P<quote>\s*(?:>\s*)+)\[!(?P<kind>[A-Za-z][\w-]*)\][+-]?(?:[ \t]+(?P<title>\S.*))?$")
# The width Obsidian takes after a picture's pipe ("|400", "|400x300"): not words to show.
PICTURE_SIZE = re.compile(r"^\s*\d+(?:x\d+)?\s*$")


def with_wikilinks_read(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> list[SourceLine]:
    """The lines with Obsidian's links, embeds and callouts as Markdown shows them."""
    if "[[" not in text and "[!" not in text:
        return lines
    inside = lines_in(taken)
    out = list(lines)
    for index, line in enumerate(lines):
        if index in inside or ("[[" not in line.text and "[!" not in line.text):
            continue
        rewritten = outside_code_spans(_callout(line.text), lambda stretch: WIKILINK.sub(_shown, stretch))
        if rewritten != line.text:
            out[index] = replace(line, text=rewritten)
    return out


def _shown(link: re.Match) -> str:
    target, shown = link["target"].strip(), link["shown"]
    if link["embed"] and is_picture(target):
        words = shown if shown is not None and not PICTURE_SIZE.match(shown) else ""
        return f"![{words}](<{target}>)"
    note, _, heading = target.partition("#")
    note = note.strip().removesuffix(".md")
    heading = heading.strip().lstrip("^")
    if shown is not None and shown.strip():
        words = shown.strip()
    else:
        # As Obsidian shows them: "Note > Heading", or the heading alone in its own note.
        words = f"{note} > {heading}" if note and heading else heading or note
    # A link to the note's file and the heading's id, as a Markdown link to them would be: the
    # site leads it to the page and section they became, or shows the words (inline.py).
    address = (f"{note}.md" if note else "") + (f"#{github_id(heading)}" if heading else "")
    return f"[{words}](<{address}>)" if address else words


def _callout(text: str) -> str:
    callout = CALLOUT.match(text)
    if callout is None:
        return text
    title = callout["title"] or callout["kind"].capitalize()
    return f"{callout['quote']}**{title}**"
