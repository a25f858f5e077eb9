"""YAML typed into the notes without a fence (a CloudFormation template, a buildspec, a
Kubernetes manifest): code.

Read as notes, "Resources:" becomes a topic, every nested key a paragraph of its own, and the
indentation that carries YAML's meaning is gone. A reader wants it as typed, in a code block.

Notes look like YAML too: "Security:" over "  IAM:" over "    - users and groups" is an outline.
What only YAML has is keys written as identifiers (no spaces, one of them as code names things:
`BucketName`, `apiVersion`, `phases`) holding values written as data: `Type: AWS::S3::Bucket`,
`BucketName: logs`, `!Ref Name`, `0.2`. A run of such lines counts when its keys nest at least
two levels and it holds data: two such values, a `!tag`, or a third level of keys (a
buildspec's `phases:`, `build:`, `commands:`). An outline's keys are titles ("Pricing") holding
words ("on-demand or reserved"), and stay notes.
"""

from __future__ import annotations

import re

from .shapes import lines_in
from .source import SourceLine

KEY = r"(?:[A-Za-z_$][\w.$/-]*|\"[^\"]+\"|'[^']+')"
# One line of a mapping: "  BucketName: logs", "Resources:", "- Key: Name" (an entry of a list).
KEY_LINE = re.compile(rf"^(?P<indent> *)(?:- +)?(?P<key>{KEY}):(?:[ \t]+(?P<value>\S.*?))?[ \t]*$")
# Other lines YAML holds: a list entry, a comment, a document's start or end.
OTHER_LINE = re.compile(r"^ *(?:- +\S.*|-|#.*|---|\.\.\.)[ \t]*$")
# A value written as data, not words: one token, a quoted string, a `!tag`, a flow list or map.
DATA_VALUE = re.compile(r"""^(?:[^\s'"#]+|"[^"]*"|'[^']*'|!\w.*|\[.*\]|\{.*\})(?:[ \t]+#.*)?$""")
# A value that opens a block of text ("Command: |"): the lines under it are that text.
BLOCK_SCALAR = re.compile(r"^[|>][+-]?\d*$")
# Where a block may be: a key with nothing after it, over a line indented further. One regex
# over the file finds them, as most notes hold none.
# (Possessive blanks: a line indented 10,000 spaces is read once, not once a space.)
NESTED_KEY = re.compile(rf"^( *+)(?:- ++)?{KEY}:[ \t]*+\n\1 +\S", re.MULTILINE)
# A key as code names things: "BucketName", "apiVersion", "phases", "min_size"; an outline's
# keys are titles ("Pricing", "EC2").
CODE_KEY = re.compile(r"^[a-z]|[a-z][A-Z]|_")
MIN_DATA_VALUES = 2
MIN_KEY_LEVELS = 2
KEY_LEVELS_WITHOUT_DATA = 3


def yaml_blocks(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> dict[int, tuple[int, str, str]]:
    """Where bare YAML blocks start: line index -> (end index, "code", "yaml"), outside the
    blocks already `taken` (fenced code, tables, JSON)."""
    inside = lines_in(taken)
    found: dict[int, tuple[int, str, str]] = {}
    reached, position, number = 0, 0, 0
    for match in NESTED_KEY.finditer(text):
        number += text.count("\n", position, match.start())
        position = match.start()
        if number < reached or number in inside:
            continue
        start = _start(lines, number, reached)
        end, block = _block_end(lines, start)
        if block and not any(i in inside for i in range(start, end)):
            found[start] = (end, "code", "yaml")
        reached = max(end, number + 1)
    return found


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _start(lines: list[SourceLine], index: int, floor: int) -> int:
    """The block's first line: back over the keys with values typed right above it at its
    indentation ("AWSTemplateFormatVersion: ..." over "Resources:"). A key with none right over
    another is a label ("buildspec.yml:" over "version: 0.2"), as YAML would make it empty."""
    indent = _indent(lines[index].text)
    while index - 1 >= floor and (above := KEY_LINE.match(lines[index - 1].text)) \
            and len(above["indent"]) == indent and above["value"] is not None:
        index -= 1
    return index


def _block_end(lines: list[SourceLine], start: int) -> tuple[int, bool]:
    """The index after the block's last line, and whether its lines read as YAML data."""
    base = _indent(lines[start].text)
    key_indents: set[int] = set()
    data_values, code_keys, tagged = 0, 0, False
    text_under: int | None = None   # a block scalar's key's indentation: deeper lines are its text
    end = at = start
    while at < len(lines):
        text = lines[at].text
        if not text.strip():
            # Blank lines stay in the block when the next line is indented under its first.
            at = next((i for i in range(at + 1, len(lines)) if lines[i].text.strip()), len(lines))
            if at == len(lines) or _indent(lines[at].text) <= base or lines[at].text.startswith("\t"):
                break
            continue
        indent = _indent(text)
        if text[indent:indent + 1] == "\t" or (at > start and indent < base):
            break
        if text_under is None or indent <= text_under:
            text_under = None
            key = KEY_LINE.match(text)
            if key is None and (at == start or indent == base or not OTHER_LINE.match(text)):
                break
            if key is not None:
                key_indents.add(key.start("key"))
                code_keys += CODE_KEY.search(key["key"]) is not None
                value = key["value"]
                if value is not None and BLOCK_SCALAR.match(value):
                    text_under = indent
                elif value is not None and DATA_VALUE.match(value):
                    data_values += 1
                    tagged = tagged or value.startswith("!")
        at += 1
        end = at
    levels = len(key_indents)
    holds_data = data_values >= MIN_DATA_VALUES or tagged or levels >= KEY_LEVELS_WITHOUT_DATA
    return end, levels >= MIN_KEY_LEVELS and code_keys > 0 and holds_data
