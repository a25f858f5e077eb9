"""A script kept among the notes ("httpd_user_data.txt", its first line "#!/bin/bash"): the whole
file is code, shown as typed on a page named after the file. Read as notes, its comments
("# install httpd") became headings and its commands lines of prose."""

from __future__ import annotations

import re

from .source import SourceLine

SHEBANG = re.compile(r"^#!\s*/\S")
CODE_INDENT = "    "


def is_script(lines: list[SourceLine]) -> bool:
    return bool(lines) and SHEBANG.match(lines[0].text) is not None


def as_markdown(lines: list[SourceLine]) -> list[SourceLine]:
    """The script's lines as one Markdown code block, one for one: each indented as code is
    (a fence would need lines of its own, and every line here is the author's)."""
    return [SourceLine(line.path, line.number, CODE_INDENT + line.text if line.text.strip() else "", line.host_number)
            for line in lines]
