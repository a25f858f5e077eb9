"""Org-mode notes read by their own markup: each line given as the Markdown that means the same.

    * API Gateway             -> # API Gateway
    ** Stage variables :tag:  -> ## Stage variables
    #+BEGIN_SRC bash          -> ```bash
    #+END_SRC                 -> ```
    [[https://x][the docs]]   -> [the docs](https://x)
    | Streams | Firehose |       -> | Streams | Firehose |
    |---------+----------|       -> | --- | --- |

A file is read as Org when its name says so (`.org`), or when it holds Org's own block lines
(`#+BEGIN_SRC`), or when it opens with a headline and has headlines of two stars or more at
the start of a line, which Markdown has no meaning for. Line numbers stay as typed: every line
maps to one line. What Org marks that Markdown has no form for (`#+STARTUP:` settings,
property drawers) is kept as typed text.
"""

from __future__ import annotations

import re

from .source import SourceLine

HEADLINE = re.compile(r"^(?P<stars>\*+)[ \t]+(?:(?:TODO|DONE)[ \t]+)?(?P<title>.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$")
DEEP_HEADLINE = re.compile(r"^\*{2,}[ \t]+\S", re.MULTILINE)
BLOCK_BEGIN = re.compile(r"^[ \t]*#\+begin_(?P<kind>src|example|quote)(?:[ \t]+(?P<info>\S+))?.*$", re.IGNORECASE)
BLOCK_END = re.compile(r"^[ \t]*#\+end_(?P<kind>src|example|quote)[ \t]*$", re.IGNORECASE)
TITLE = re.compile(r"^#\+title:[ \t]*(?P<title>.+)$", re.IGNORECASE)
LINK = re.compile(r"\[\[(?P<url>[^\]\s]+)\](?:\[(?P<text>[^\]]+)\])?\]")
# A table's row, and its rule: "|----+----|", which Org draws under a table's head.
TABLE_ROW = re.compile(r"^[ \t]*\|")
TABLE_RULE = re.compile(r"^[ \t]*\|-[-+]*\|?[ \t]*$")
MAX_LEVEL = 6


def is_org(path: str, lines: list[SourceLine]) -> bool:
    """Whether a notes file is written in Org's markup."""
    if path.lower().endswith(".org"):
        return True
    text = "\n".join(line.text for line in lines)
    if re.search(r"(?im)^[ \t]*+#\+begin_src\b", text):
        return True
    first = next((line.text for line in lines if not line.blank), "")
    return HEADLINE.match(first) is not None and first.startswith("* ") and len(DEEP_HEADLINE.findall(text)) >= 2


def as_markdown(lines: list[SourceLine]) -> list[SourceLine]:
    """Org lines as the Markdown lines that mean the same, one for one."""
    out: list[SourceLine] = []
    block: str | None = None
    for line in lines:
        text = line.text
        if block is not None:
            end = BLOCK_END.match(text)
            if end and end["kind"].lower() == block:
                text = "" if block == "quote" else "```"
                block = None
            elif block == "quote":
                text = "> " + text.strip()
        elif (begin := BLOCK_BEGIN.match(text)) is not None:
            block = begin["kind"].lower()
            text = "" if block == "quote" else "```" + ((begin["info"] or "") if block == "src" else "")
        elif (headline := HEADLINE.match(text)) is not None:
            level = min(len(headline["stars"]), MAX_LEVEL)
            text = "#" * level + " " + _links(headline["title"])
        elif (title := TITLE.match(text)) is not None:
            text = "# " + title["title"].strip()
        elif TABLE_RULE.match(text) and _heads_a_table(lines, len(out)):
            # The rule under a table's first row: Markdown's row of dashes, one a column.
            text = "|" + " --- |" * max(out[-1].text.strip().strip("|").count("|") + 1, 1)
        else:
            text = _links(text)
        out.append(SourceLine(line.path, line.number, text, line.host_number))
    return out


def _heads_a_table(lines: list[SourceLine], index: int) -> bool:
    """Whether the line at `index` is right under a table's first row (a table with a rule above
    its head, or none under it, is shown as drawn: see `drawings`)."""
    return index >= 1 and TABLE_ROW.match(lines[index - 1].text) is not None \
        and not TABLE_RULE.match(lines[index - 1].text) \
        and (index == 1 or not TABLE_ROW.match(lines[index - 2].text))


def _links(text: str) -> str:
    return LINK.sub(lambda m: f"[{m['text'] or m['url']}]({m['url']})", text)
