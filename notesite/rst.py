"""reStructuredText notes read by their own markup: each line as the Markdown that means the same.

    AWS CLI                      -> # AWS CLI
    =======                      -> (blank)
    .. code-block:: bash         -> (blank), then ```bash on the blank line before the code
    .. image:: img/fig-1.png     -> ![](img/fig-1.png)
    .. note:: Costs money        -> > **Note:** Costs money
    ``aws configure``            -> `aws configure`
    `the docs <https://x>`_      -> [the docs](https://x)
    #. first step                -> 1. first step

A file is read as reStructuredText when its name says so (`.rst`, or `.rst.txt` as Sphinx copies
its sources), or when a plain-text file holds two or more of the directives notes use
(`.. code-block::`, `.. image::`). Line numbers stay as typed: every line maps to one line, but
for a fence that has no blank line beside the code to stand on, which is added with the number
of the code's line next to it. Titles take their levels from the order their adornments first
appear, as docutils reads them. A comment (`.. text` that is no directive) shows nothing, as in
every reader of the markup. Read line by line, as Org is, rather than by docutils: a doctree
keeps no line of its own for much of what it holds, and every section links to its lines.
"""

from __future__ import annotations

import re

from .inline import code_fence, code_span
from .source import SourceLine

SUFFIXES = (".rst", ".rst.txt")
PLAIN_SUFFIXES = (".txt", ".text")    # a file of these may be reStructuredText by what it holds
MAX_LEVEL = 6
# A title's underline or overline, or a transition: one punctuation character, repeated.
ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1+[ \t]*$")
MIN_TRANSITION = 4
DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w:.+-]+?)::(?:[ \t]+(?P<argument>.*?))?[ \t]*$")
NOTES_DIRECTIVE = re.compile(r"(?m)^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode|image|figure|note|warning|tip|"
                             r"toctree)::")
TARGET = re.compile(r"^[ \t]*\.\.[ \t]+_(?P<name>[^:]+):(?:[ \t]+(?P<url>\S+))?[ \t]*$")
EXPLICIT = re.compile(r"^[ \t]*\.\.(?:[ \t]|$)")
OPTION = re.compile(r"^[ \t]+:[\w-]+:(?:[ \t].*)?$")
ENUMERATOR = re.compile(r"^(?P<indent>[ \t]*)#\.(?=[ \t])")
GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=]+\+)+[ \t]*$")
GRID_ROW = re.compile(r"^[ \t]*[+|]")
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})
PICTURE_DIRECTIVES = frozenset({"image", "figure"})
ADMONITIONS = frozenset({"note", "warning", "tip", "important", "attention", "caution", "danger", "error", "hint",
                         "seealso"})
# Directives whose content is the site's own business, shown as nothing: a table of contents
# (the site has its navigation), a Sphinx setting.
SILENT_DIRECTIVES = frozenset({"contents", "highlight", "default-role", "meta", "index", "sectnum", "only"})
# Roles that link to a file, where they name one ("text <path>"); and roles whose text is code,
# shown as code. The rest show their text.
LINK_ROLES = frozenset({"download", "doc"})
CODE_ROLES = frozenset({"code", "file", "command", "samp", "literal", "kbd", "program", "envvar", "option", "math"})

# Inline markup, read left to right in one pass (so that code made of a literal is not read
# again): ``literal``, :role:`text`, `text <url>`_, `reference`_, `interpreted text`.
INLINE = re.compile(r"``(?P<code>\S(?:.*?\S)?)``"
                    r"|:(?P<role>[\w:+.-]+):`(?P<role_text>[^`]+)`"
                    r"|`(?P<link_text>[^`<]*?)[ \t]*<(?P<url>[^`>]+)>`__?"
                    r"|`(?P<reference>[^`]+)`__?(?!\w)"
                    r"|(?<![\w`])`(?P<interpreted>[^`]+)`(?![\w`])")
# "text <target>", as a role or a table of contents names a file: the words shown, then where.
TITLED_TARGET = re.compile(r"^(?P<shown>.*?)[ \t]*<(?P<target>[^>]+)>$")


def is_rst(path: str, lines: list[SourceLine]) -> bool:
    """Whether a notes file is written in reStructuredText."""
    if path.lower().endswith(SUFFIXES):
        return True
    if not path.lower().endswith(PLAIN_SUFFIXES):
        return False     # Markdown says what it is by its name, also when it shows a directive in code
    return len(NOTES_DIRECTIVE.findall("\n".join(line.text for line in lines))) >= 2


def as_markdown(lines: list[SourceLine]) -> list[SourceLine]:
    """reStructuredText lines as the Markdown lines that mean the same, one for one."""
    texts = [line.text for line in lines]
    targets = {m["name"].strip().lower() for text in texts if (m := TARGET.match(text))}
    out: list[str | None] = [None] * len(texts)
    extra: dict[int, tuple[str, str]] = {}   # lines added before and after line i: fences around a block
    levels: dict[tuple[str, bool], int] = {}
    i = 0
    while i < len(texts):
        text = texts[i]
        if out[i] is not None:
            i += 1        # decided already: the fence after a block
            continue
        if (directive := DIRECTIVE.match(text)) is not None:
            i = _directive(texts, i, directive, out, extra)
            continue
        if (target := TARGET.match(text)) is not None:
            out[i] = f"[{target['name'].strip()}]: {target['url']}" if target["url"] else ""
            i += 1
            continue
        if EXPLICIT.match(text):
            # A comment, and the lines indented under it: shown by no reader of the markup.
            end = _block_end(texts, i + 1, _indent(text))
            out[i:end] = [""] * (end - i)
            i = end
            continue
        title = _title(texts, i)
        if title is not None:
            over, key = title
            level = levels.setdefault(key, min(len(levels) + 1, MAX_LEVEL))
            if over:
                out[i] = ""
                i += 1
            out[i] = "#" * level + " " + _inline(texts[i].strip(), targets)
            out[i + 1] = ""
            i += 2
            continue
        if ADORNMENT.match(text) and len(text.strip()) >= MIN_TRANSITION and _blank_around(texts, i):
            out[i] = "---"      # a transition
            i += 1
            continue
        if GRID_BORDER.match(text):
            end = i
            while end < len(texts) and GRID_ROW.match(texts[end]):
                end += 1
            _fence(texts, i, end, "", out, extra, verbatim=True)
            i = end
            continue
        stripped = text.rstrip()
        if stripped.endswith("::") and not stripped.lstrip().startswith(".."):
            # A paragraph ending "::": the indented block after it is code, the colons one.
            body = stripped[:-2].rstrip()
            out[i] = "" if not body.strip() else _inline(body + ("" if stripped.endswith(" ::") else ":"), targets)
            end = _block_end(texts, i + 1, _indent(text))
            if any(texts[k].strip() for k in range(i + 1, end)):
                _fence(texts, i + 1, end, "", out, extra)
                i = end
                continue
            i += 1
            continue
        out[i] = _inline(ENUMERATOR.sub(r"\g<indent>1.", text), targets)
        i += 1
    result = []
    for index, (line, text) in enumerate(zip(lines, out)):
        before, after = extra.get(index, ("", ""))
        shown = [before] if before else []
        shown.append(line.text if text is None else text)
        shown += [after] if after else []
        result += [SourceLine(line.path, line.number, said, line.host_number) for said in shown]
    return result


def _directive(texts: list[str], i: int, directive: re.Match, out: list, extra: dict[int, tuple[str, str]]) -> int:
    """A directive's lines as Markdown; returns the index after them."""
    name, argument = directive["name"].lower(), (directive["argument"] or "").strip()
    indent = len(directive["indent"].expandtabs())
    end = _block_end(texts, i + 1, indent)
    options = i + 1
    found: dict[str, str] = {}
    while options < end and OPTION.match(texts[options]):
        key, _, value = texts[options].strip()[1:].partition(":")
        found[key.lower()] = value.strip()
        out[options] = ""
        options += 1
    if name in CODE_DIRECTIVES:
        out[i] = ""
        _fence(texts, options, end, argument.split()[0] if argument else "", out, extra, opening_at=i)
    elif name in PICTURE_DIRECTIVES:
        out[i] = f"{directive['indent']}![{found.get('alt', '')}]({_destination(argument)})"
        _dedented(texts, options, end, out)      # a figure's caption
    elif name in ADMONITIONS or name == "admonition":
        label = argument if name == "admonition" else name.capitalize()
        said = f" {argument}" if argument and name != "admonition" else ""
        out[i] = f"> **{label}:**{said}" if said else f"> **{label}**"
        margin = _content_margin(texts, options, end)
        for k in range(options, end):
            out[k] = ">" if not texts[k].strip() else "> " + texts[k].expandtabs()[margin:]
        _trim_quote(out, i, end)
    elif name == "toctree":
        out[i] = ""
        margin = _content_margin(texts, options, end)
        for k in range(options, end):
            out[k] = _contents_entry(texts[k].expandtabs()[margin:].strip())
    elif name in SILENT_DIRECTIVES:
        out[i:end] = [""] * (end - i)
    elif name in ("rubric", "topic", "sidebar"):
        out[i] = f"**{argument}**" if argument else ""
        _dedented(texts, options, end, out)
    else:
        return i + 1      # one this reader does not know: as typed
    return end


def _contents_entry(entry: str) -> str:
    """A table of contents' entry ("AWS CLI", "Lambda <serverless/lambda>"): a link to that
    notes file, which leads to its page."""
    if not entry:
        return ""
    shown, target = _titled(entry)
    return f"- [{shown or target}]({_destination((target or entry) + '.rst')})"


def _title(texts: list[str], i: int) -> tuple[bool, tuple[str, bool]] | None:
    """A section title at line i (an overline there, or the title itself, underlined): whether
    it is overlined, and its adornment's style."""
    text = texts[i]
    over = ADORNMENT.match(text)
    if over and i + 2 < len(texts) and texts[i + 1].strip() and (under := ADORNMENT.match(texts[i + 2])) \
            and under.group(1) == over.group(1):
        return True, (over.group(1), True)
    if not text.strip() or text[0] in " \t" or ADORNMENT.match(text) or i + 1 >= len(texts):
        return None
    under = ADORNMENT.match(texts[i + 1])
    if under is None or len(texts[i + 1].rstrip()) < min(len(text.rstrip()), 4):
        return None
    return False, (under.group(1), False)


def _blank_around(texts: list[str], i: int) -> bool:
    return (i == 0 or not texts[i - 1].strip()) and (i + 1 >= len(texts) or not texts[i + 1].strip())


def _indent(text: str) -> int:
    return len(text.expandtabs()) - len(text.expandtabs().lstrip())


def _block_end(texts: list[str], start: int, indent: int) -> int:
    """The first line at or after `start` that is not blank and is indented no deeper than `indent`."""
    k = start
    while k < len(texts) and (not texts[k].strip() or _indent(texts[k]) > indent):
        k += 1
    return k


def _content_margin(texts: list[str], start: int, end: int) -> int:
    return min((_indent(texts[k]) for k in range(start, end) if texts[k].strip()), default=0)


def _dedented(texts: list[str], start: int, end: int, out: list, margin: int | None = None) -> None:
    """Lines start..end without their common indentation (or `margin` of it)."""
    margin = _content_margin(texts, start, end) if margin is None else margin
    for k in range(start, end):
        out[k] = texts[k].expandtabs()[margin:] if texts[k].strip() else ""


def _trim_quote(out: list, start: int, end: int) -> None:
    """Blank lines after a note's last line end the quote, rather than continue it."""
    k = end - 1
    while k > start and out[k] == ">":
        out[k] = ""
        k -= 1


def _fence(texts: list[str], start: int, end: int, info: str, out: list, extra: dict[int, tuple[str, str]],
           opening_at: int | None = None, verbatim: bool = False) -> None:
    """Lines start..end as one fenced code block: the fence lines go on the blank lines around
    the code (a directive's own line if none is before it); where there is none, a fence line is
    added, with the number of the code's line beside it."""
    first = next((k for k in range(start, end) if texts[k].strip()), None)
    if first is None:
        return
    last = max(k for k in range(start, end) if texts[k].strip())
    fence = code_fence("\n".join(texts[first:last + 1]))
    if first > start or (opening_at is None and first > 0 and not texts[first - 1].strip()):
        opening = first - 1
    else:
        opening = opening_at
    _dedented(texts, first, last + 1, out, margin=0 if verbatim else None)
    before = after = ""
    if opening is None:
        before = fence + info      # no line before the code to hold the fence: one is added
    else:
        out[opening] = fence + info
    if last + 1 < len(texts) and not texts[last + 1].strip():
        out[last + 1] = fence
    else:
        after = fence
    if before:
        extra[first] = (before, extra.get(first, ("", ""))[1])
    if after:
        extra[last] = (extra.get(last, ("", ""))[0], after)


def _inline(text: str, targets: set[str]) -> str:
    """A line's inline markup as Markdown's: literals, links, roles, interpreted text."""
    def said(match: re.Match) -> str:
        if match["code"] is not None:
            return code_span(match["code"])
        if match["role"] is not None:
            return _role(match["role"], match["role_text"])
        if match["url"] is not None:
            return f"[{match['link_text']}]({match['url']})" if match["link_text"] else f"<{match['url']}>"
        if match["reference"] is not None:
            name = match["reference"]
            return f"[{name}]" if name.strip().lower() in targets else name
        return f"*{match['interpreted']}*"

    return INLINE.sub(said, text)


def _role(name: str, text: str) -> str:
    role = name.split(":")[-1].lower()
    shown, target = _titled(text)
    shown = shown or text
    if role in CODE_ROLES:
        return code_span(shown)
    if role in LINK_ROLES and target:
        # ":download:`the paper <docs/paper.pdf>`", ":doc:`quotas <lambda-quotas>`": a link to the
        # file (a document by its name: its notes file).
        return f"[{shown}]({_destination(target + ('.rst' if role == 'doc' else ''))})"
    return shown


def _titled(text: str) -> tuple[str, str | None]:
    """The words and the target of "text <target>" (the words "" for a bare "<target>")."""
    titled = TITLED_TARGET.match(text)
    return (text, None) if titled is None else (titled["shown"].strip(), titled["target"])


def _destination(address: str) -> str:
    """A link's address as Markdown takes it: in angle brackets where it holds a space."""
    return f"<{address}>" if " " in address else address
