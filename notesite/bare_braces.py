"""Code in braces typed into the notes without a fence (a Terraform resource, a Jenkinsfile, a
Java class, a command's JSON answer): code.

Read as notes, each of its lines would be a paragraph of its own: indentation gone, braces
escaped, `provider "aws" {` a heading re-cased to `Provider "AWS"`, `ami = ...` made `AMI = ...`.
A reader wants it as typed, in a code block.

A block opens with a line that ends in `{` after what names it (`pipeline {`, `resource "x" "y" {`,
`public class Shop {`, `10.0.0.5 | SUCCESS => {`), or with a `{` alone under a line that reads
as a declaration (`class Util`, `public static void main(String[] args)`). It is code when the
brace is closed by a line that starts with `}` (`}`, `});`, `},`). Annotations right above it
(`@Component`) are its own. A `{` alone under prose, a list item or a heading ending in `{`, and
a brace never closed stay notes. JSON is `bare_json`'s, read first.
"""

from __future__ import annotations

import re

from .shapes import lines_in
from .source import SourceLine

# Whether any line of a file may open one (most notes hold none).
FILE_MAY_HOLD_BRACES = re.compile(r"\{[ \t]*$", re.MULTILINE)
# What a block's first line may not be: a list item, a heading, a quote (notes, whatever follows).
NOT_CODE_HEAD = re.compile(r"^[ \t]*(?:[-*+•#>]|\d{1,9}[.)][ \t])")
# A line a lone `{` opens the body of: words and types as code writes them, with a parameter
# list or two words at least ("class Util", "void run()"); never one word ("Example", "JSON").
DECLARATION = re.compile(r"^[ \t]*[\w$][\w$.<>\[\],]*(?:[ \t]+[\w$][\w$.<>\[\],]*)*[ \t]*(?:\([^()]*\))?"
                         r"(?:[ \t]+throws[ \t]+[\w$., ]+)?[ \t]*$")
ANNOTATION = re.compile(r"^[ \t]*@\w+(?:\(.*\))?[ \t]*$")
# Quoted strings on a line, whose braces are text ("${var}", "#{bean}").
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
# A brace left open this many lines on is no code block, and the lines are read as notes.
MAX_BLOCK_LINES = 2000


def brace_blocks(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
    """Where bare code blocks in braces start: line index -> (end index, "code", ""), outside
    the blocks already `taken` (fenced code, tables, JSON, YAML)."""
    if not FILE_MAY_HOLD_BRACES.search(text):
        return {}
    inside = lines_in(taken)
    found: dict[int, tuple[int, str, str]] = {}
    for opening, closing in _brace_pairs(lines, inside):
        start = _start(lines, opening, inside)
        if start is None or closing - start >= MAX_BLOCK_LINES:
            continue
        if not lines[closing].text.lstrip().startswith("}") \
                or not any(not line.blank for line in lines[opening + 1:closing]):
            continue
        found[start] = (closing + 1, "code", "")
    return found


def _brace_pairs(lines: list[SourceLine], inside: set[int]) -> list[tuple[int, int]]:
    """Each line ending in a brace opened with none open around it, with the line that closes
    that brace: apart from one another (none opens inside another), in the order typed, and
    never on one line (the brace ends its line). One pass with a stack, so a file of ten thousand
    `{` lines is read once. A taken block's lines are skipped, a `}` with nothing open is a
    stray, and a brace left open ends at the next paragraph typed at the margin: a command's
    answer cut short ("status": {) is no block, nor is the part of it that was closed."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []          # the line of each brace still open; -1 for one no block opens
    after_blank = False
    for index, line in enumerate(lines):
        if stack and after_blank and line.text[:1] not in ("", " ", "\t", "}"):
            stack.clear()
        after_blank = line.blank
        if index in inside or "{" not in line.text and "}" not in line.text:
            continue
        bare = QUOTED.sub("", line.text).rstrip()
        for position, char in enumerate(bare):
            if char == "{":
                stack.append(index if position == len(bare) - 1 and not stack else -1)
            elif char == "}" and stack:
                opened = stack.pop()
                if opened >= 0:
                    pairs.append((opened, index))
    return pairs


def _start(lines: list[SourceLine], opening: int, inside: set[int]) -> int | None:
    """The block's first line, given the line its brace opens on; None when that is no code."""
    text = lines[opening].text
    if NOT_CODE_HEAD.match(text):
        return None
    start = opening
    if text.strip() == "{":
        above = opening - 1
        if above < 0 or above in inside or not DECLARATION.match(lines[above].text) \
                or len(lines[above].text.split()) < 2 and "(" not in lines[above].text:
            return None
        start = above
    while start > 0 and start - 1 not in inside and ANNOTATION.match(lines[start - 1].text):
        start -= 1
    return start
