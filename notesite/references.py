"""Markdown's reference links: "[the FAQ][faq]", "[pricing][]" or "[pricing]" in a line, and
"[faq]: https://..." on a line of its own, as README files often keep their addresses.

The cleanup reads a line at a time, where a reference's address, defined lines away, is not
known: the brackets would show as typed and the definitions as lines of text. A reader's viewer
shows the link and hides the definition, so here each reference becomes the inline link it means
("[the FAQ](https://...)") and each definition a blank line. Only references defined in the
same file are read; code blocks and code spans are left as typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .inline import outside_code_spans
from .shapes import lines_in
from .source import SourceLine

# "[faq]: https://aws.amazon.com/s3/faqs/", "[img]: <./d.png> "Diagram"".
DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]{1,100})\]:[ \t]*<?(?P<url>[^\s<>]+)>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$")
# "[text][label]", "[text][]" (the text is the label), "[label]" alone; not "[text](url)" nor an
# image's "![alt][label]" prefix, which keeps its "!".
REFERENCE = re.compile(r"\[(?P<text>[^\[\]\n]+)\](?:\[(?P<label>[^\[\]\n]*)\])?(?![(:\[])")


def with_references_inline(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]]) -> list[SourceLine]:
    """The lines with each defined reference written as the inline link it means, and the
    definitions blank; code blocks (`taken`) and code spans as typed."""
    if "]:" not in text:
        return lines
    inside = lines_in(taken)
    addresses: dict[str, str] = {}
    definitions = []
    for index, line in enumerate(lines):
        if index in inside or "]:" not in line.text:
            continue
        defined = DEFINITION.match(line.text)
        if defined:
            addresses.setdefault(_key(defined["label"]), defined["url"])
            definitions.append(index)
    if not addresses:
        return lines
    out = list(lines)
    for index in definitions:
        out[index] = replace(out[index], text="")
    for index, line in enumerate(out):
        if index in inside or "[" not in line.text or index in definitions:
            continue
        rewritten = outside_code_spans(line.text, lambda stretch: _links(stretch, addresses))
        if rewritten != line.text:
            out[index] = replace(line, text=rewritten)
    return out


def _links(text: str, addresses: dict[str, str]) -> str:
    def link(match: re.Match[str]) -> str:
        label = match["label"] or match["text"]
        url = addresses.get(_key(label))
        return match.group(0) if url is None else f"[{match['text']}]({url})"
    return REFERENCE.sub(link, text)


def _key(label: str) -> str:
    """A label as Markdown matches it: case and runs of blanks do not count."""
    return " ".join(label.split()).lower()
