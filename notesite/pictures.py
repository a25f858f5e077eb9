"""Pictures the notes show from beside them: "![VPC](images/vpc.png)" in notes/aws.txt is the
file notes/images/vpc.png, as the author's own Markdown viewer shows it.

The pages live in another folder, where that address leads nowhere: the reader would get a
broken image, and a strict build fails on it. So each such picture is published under
PICTURES_DIR and its address on the page points there. A picture that is not in the notes
folder shows its words and address as text, and the cleanup names its line: the page keeps
everything the author typed and the site still builds.

Where a picture is published is the caller's to say (`place`): the core reads no folder.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, replace
from typing import Callable, NamedTuple
from urllib.parse import quote, unquote

from .inline import HTML_IMAGE, IMAGE, PICTURES_DIR, address_path, link_address, outside_code_spans
from .shapes import lines_in
from .source import SourceLine

# Pictures a browser shows and that cannot run anything. SVG is left out on purpose: opened at
# its own address, an SVG runs its scripts on the site's origin, and notes come from anyone.
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp")
# "[the diagram](images/vpc.png)": a link, not a picture shown (no "!" before it).
LINK = re.compile(r"(?<![!\]])" + IMAGE.pattern[1:])
# An address that names its own place: a scheme ("https:", "data:"), a host ("//"), the site's
# root ("/") or a fragment ("#"). Only other addresses are read from beside the notes.
NOT_RELATIVE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|[/#\\])")

# The picture's path as the notes' lines name their files ("notes/images/a.png") -> where the
# site publishes it (relative to the pages' folder), or None when there is no such picture.
Place = Callable[[str], "str | None"]


@dataclass(frozen=True)
class MissingPicture:
    line: SourceLine
    address: str     # as typed

    def message(self) -> str:
        kinds = ", ".join(suffix[1:].upper() for suffix in PICTURE_SUFFIXES)
        where = f"{self.line.path}:{self.line.number}: picture {self.address}"
        if not is_picture(address_path(self.address)):
            return f"{where} is not published (only {kinds}: an SVG could run script); save it as PNG and link that"
        return (f"{where} is not in the notes folder; put it there ({kinds}) or remove the link; "
                "until then its words and address show as text")


class Placed(NamedTuple):
    lines: list[SourceLine]
    found: set[str]                  # where each picture shown is published
    missing: list[MissingPicture]


def published_path(notes_path: str) -> str:
    """Where a picture at `notes_path` (relative to the notes folder) is published."""
    return f"{PICTURES_DIR}/{notes_path}"


def notes_path(published: str) -> str:
    """The path in the notes folder of a picture published at `published`."""
    return published.removeprefix(f"{PICTURES_DIR}/")


def is_picture(path: str) -> bool:
    return path.lower().endswith(PICTURE_SUFFIXES)


def with_pictures_placed(lines: list[SourceLine], text: str, taken: dict[int, tuple[int, str, str]],
                         place: Place | None) -> Placed:
    """The lines with each picture beside the notes pointed at where it is published; code
    blocks (`taken`) and code spans as typed."""
    if place is None or not _may_show_a_picture(text):
        return Placed(lines, set(), [])
    inside = lines_in(taken, kinds=("code",))   # (a table's cells show pictures too)
    out, found, missing = list(lines), set(), []
    for index, line in enumerate(lines):
        if index in inside or not _may_show_a_picture(line.text):
            continue
        rewritten = outside_code_spans(line.text, lambda stretch: _placed(line, stretch, place, found, missing))
        if rewritten != line.text:
            out[index] = replace(line, text=rewritten)
    return Placed(out, found, missing)


def _may_show_a_picture(text: str) -> bool:
    lowered = text.lower()
    return "![" in text or "<img" in lowered or ("](" in text and any(suffix in lowered for suffix in PICTURE_SUFFIXES))


def _placed(line: SourceLine, text: str, place: Place, found: set[str], missing: list[MissingPicture]) -> str:
    def published(address: str) -> str | None:
        """Where the picture at a relative address is published; None (and named) if nowhere."""
        path = unquote(address_path(address))
        shown = posixpath.normpath(posixpath.join(posixpath.dirname(line.path), path))
        where = place(shown) if is_picture(shown) else None
        if where is None:
            missing.append(MissingPicture(line, address))
        else:
            found.add(where)
        return where

    def markdown(image: re.Match) -> str:
        address = link_address(image["dest"])
        if not address or (NOT_RELATIVE.match(address) and not address.startswith("#")):
            return image.group(0)
        # (An address that is only a fragment names no picture: docsify's cover page sets its
        # colour so, "![color](#fff)".)
        where = None if address.startswith("#") else published(address)
        if where is None:
            return f"{image['alt']} ({address})" if image["alt"].strip() else address
        return f"![{image['alt']}]({quote(where)}{image['title'] or ''})"

    def tag(image: re.Match) -> str:
        # "<img src="images/a.png" alt="..." width="500">", as README files size their pictures:
        # the picture as Markdown shows it. Raw HTML otherwise shows as text (inline.py).
        address = html.unescape(image["src"])
        if NOT_RELATIVE.match(address):
            return image.group(0)
        where = published(address)
        if where is None:
            return image.group(0)
        return f"![{html.unescape(image['alt'] or '')}]({quote(where)})"

    def linked(link: re.Match) -> str:
        # "[the diagram](images/vpc.png)": a link to a picture beside the notes leads to it. One
        # not there is left as typed, and shows as text (inline.py).
        address = link_address(link["dest"])
        if NOT_RELATIVE.match(address) or not is_picture(address_path(address)):
            return link.group(0)
        where = published(address)
        return link.group(0) if where is None else f"[{link['alt']}]({quote(where)}{link['title'] or ''})"

    text = IMAGE.sub(markdown, text)
    if "](" in text:
        text = LINK.sub(linked, text)
    return HTML_IMAGE.sub(tag, text) if "<img" in text.lower() else text
