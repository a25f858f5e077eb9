"""Reading the notes: files in, clean numbered lines out, or a NotesError that names the spot."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .errors import EmptyNotes, NotesError

# The suffixes notes are kept under: plain text, Markdown, Org, reStructuredText (each read by
# its own markup: notesite/org.py, notesite/rst.py).
NOTE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".org", ".rst")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Files another site tool keeps beside the notes for its own navigation, by name: docsify's
# sidebar and navigation bar, a GitHub wiki's sidebar and footer. They are lists of links to the
# notes, which this site's own navigation shows from the pages; as pages they were "Sidebar" and
# "Navbar" in the navigation, beside the notes. Read only among other notes: alone, one is notes.
NAVIGATION_FILES = {"_sidebar.md": "docsify's or a GitHub wiki's sidebar", "_navbar.md": "docsify's navigation bar",
                    "_footer.md": "a GitHub wiki's footer"}
# GitBook's and mdBook's table of contents, by its name and by what it holds: headings and links
# alone ("# Summary", "* [EC2](ec2.md)"). A SUMMARY.md of notes ("the exam in one page") is notes.
CONTENTS_FILES = {"summary.md": "GitBook's or mdBook's table of contents"}
CONTENTS_LINE = re.compile(r"^\s*(?:#{1,6}\s.*|[-*+]\s+\[[^\]]*\]\([^)]*\)\s*|\[[^\]]*\]\([^)]*\)\s*|-{3,}\s*|)$")
MAX_CONTENTS_BYTES = 100_000
TAB_WIDTH = 4
# Control characters other than tab and line breaks: browsers show them as nothing at all.
CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceLine:
    """One line of the notes as typed: where it came from and its text (no line ending)."""

    path: str
    number: int
    text: str
    host_number: int = 0    # the line as git and the repository host count them (0: the same)

    @property
    def host_line(self) -> int:
        return self.host_number or self.number

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def right_under(self, above: SourceLine) -> bool:
        """Whether this line was typed right under `above`, no line between."""
        return self.path == above.path and self.number == above.number + 1


def _expand_indent(line: str) -> str:
    """A line with the tabs of its indentation as spaces, which nesting is read by. Tabs after
    its first word stay: they part the cells of columns pasted from a spreadsheet."""
    if "\t" not in line:
        return line
    body = line.lstrip(" \t")
    return line[:len(line) - len(body)].expandtabs(TAB_WIDTH) + body


def note_files(notes: Path, display_root: Path | None = None) -> list[Path]:
    """The notes files under a path: the file itself, or every notes file (NOTE_SUFFIXES) in a
    folder. Errors name the path as `shown_path` shows it."""
    return _listed(notes, display_root)[0]


def _listed(notes: Path, display_root: Path | None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """`note_files`, and the folder's navigation files of another site tool (with whose they
    are), which are not read: the folder listed once."""
    if not notes.exists():
        raise NotesError(shown_path(notes, display_root), None, "no such file or folder; pass --notes PATH to the notes")
    if notes.is_file():
        return [notes], []
    files, navigation = _notes_and_navigation(notes)
    if not files:
        raise NotesError(shown_path(notes, display_root), None,
                         f"holds no notes ({', '.join('*' + s for s in NOTE_SUFFIXES)}); add one or pass --notes FILE")
    folder = notes.resolve()
    for file in files:
        # A link to a file elsewhere (/etc/passwd) would publish that file.
        if not file.resolve().is_relative_to(folder):
            raise NotesError(shown_path(file, display_root), None, f"links to {file.resolve()}, outside the notes folder; "
                                                                   "copy the notes into the folder instead of linking them")
    return files, navigation


def hidden_notes(notes: Path) -> list[Path]:
    """Notes files under a folder that are not read: in a hidden folder (an editor's `.trash/`,
    `.obsidian/`) or hidden themselves. What an author hides is not meant for the site."""
    if not notes.is_dir():
        return []
    return [p for p in _notes_like(notes) if _hidden(p.relative_to(notes))]


def navigation_of(path: Path) -> str:
    """Which site tool's navigation a notes file is ("" for notes): by its name, and for a
    table of contents by its lines too."""
    name = path.name.lower()
    if name in NAVIGATION_FILES:
        return NAVIGATION_FILES[name]
    if name in CONTENTS_FILES and _only_contents(path):
        return CONTENTS_FILES[name]
    return ""


def _only_contents(path: Path) -> bool:
    try:
        if path.stat().st_size > MAX_CONTENTS_BYTES:
            return False
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False      # read as notes, which names what is wrong with it
    lines = text.splitlines()
    return any("](" in line for line in lines) and all(CONTENTS_LINE.match(line) for line in lines)


def _notes_and_navigation(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    shown = [p for p in _notes_like(folder) if not _hidden(p.relative_to(folder))]
    kinds = {p: navigation_of(p) for p in shown}     # (a table of contents is read to know it)
    navigation = [(p, kind) for p, kind in kinds.items() if kind]
    if len(navigation) == len(shown):
        return shown, []      # nothing else: the author's notes, whatever their names
    return [p for p in shown if not kinds[p]], navigation


def _notes_like(folder: Path) -> list[Path]:
    """Every notes file under a folder, sorted: the notes, and the hidden ones."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# Byte order marks that say a file's encoding outright: Windows' Notepad saves "Unicode" as
# UTF-16 with one. UTF-32's are tried first: its little-endian mark begins like UTF-16's.
MARKED_ENCODINGS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decoded_text(data: bytes, path: str) -> str:
    """A file's bytes as text (UTF-8, or UTF-16 or UTF-32 with their byte order mark), or an
    error naming the line and column of the first bad byte."""
    marked = next((encoding for mark, encoding in MARKED_ENCODINGS if data.startswith(mark)), None)
    if marked is not None:
        try:
            return data.decode(marked)
        except UnicodeDecodeError as err:
            raise NotesError(path, None, f"starts as {marked.upper()} but byte {err.start} is not; "
                                         "save the file as UTF-8") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise NotesError(path, line, f"byte 0x{data[err.start]:02x} at column {column} is not UTF-8; "
                                     "save the file as UTF-8") from None


def decode(data: bytes, path: str) -> list[SourceLine]:
    """Bytes of one notes file to lines; CRLF, a BOM, tabs and trailing spaces are evened out."""
    text = decoded_text(data, path).removeprefix("\ufeff").replace("\r\n", "\n")
    # A line ended by a lone CR (old Mac files) is a line to a reader and an editor, but git and
    # the repository host count only LFs: each line also keeps the number they give it.
    host_numbers = _host_numbers(text) if "\r" in text else None
    text = CONTROL.sub(_control_picture, text.replace("\r", "\n"))
    lines = [
        SourceLine(path, number, _expand_indent(line).rstrip(), host_numbers[number - 1] if host_numbers else 0)
        for number, line in enumerate(text.split("\n"), 1)
    ]
    if all(line.blank for line in lines):
        raise EmptyNotes(path, 1, "the notes file is empty; write some notes or remove the file")
    for line in lines:
        if "\x00" in line.text:
            raise NotesError(path, line.number, "holds a NUL byte; this is not a text file")
    return lines


def _host_numbers(text: str) -> list[int]:
    """For each line split at LF or lone CR, the LF-counted line it lies on."""
    numbers, host = [], 1
    for piece in re.split(r"(\r|\n)", text):
        if piece == "\n":
            host += 1
        elif piece != "\r":
            numbers.append(host)
    return numbers


def _control_picture(match: re.Match) -> str:
    """A control character as its visible symbol (U+2401 for U+0001, U+2421 for DEL): kept, and seen."""
    code = ord(match.group(0))
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def shown_path(path: Path, root: Path | None) -> str:
    """A path as the site and its messages show it: relative to `root`, never the machine's own.

    As the path is written first (a symlinked notes/ is an editor's vault: its files are still
    the project's notes/), then with links followed; a file outside the root shows by its name.
    """
    if root is None:
        return str(path)
    for mine, theirs in ((os.path.abspath(path), os.path.abspath(root)), (path.resolve(), root.resolve())):
        relative = os.path.relpath(mine, theirs)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return Path(relative).as_posix()
    return path.name


class Notes(NamedTuple):
    files: list[list[SourceLine]]   # every notes file with notes in it, decoded, in a stable order
    empty: list[str]                # the files with nothing in them, as shown
    navigation: list[tuple[str, str]]   # another site tool's navigation files, not read: as shown, and whose
    copies: list[tuple[str, str]]   # files byte for byte another's, not read: (the copy, the one read)


def read_notes(notes: Path, display_root: Path | None = None) -> Notes:
    """Every notes file under `notes`, decoded, in a stable order. An empty file among others is
    left out and listed (a placeholder an editor made: an Obsidian note not written yet); empty
    notes and nothing else are an error."""
    out, empty = [], []
    files, navigation = _listed(notes, display_root)
    read: dict[Path, bytes] = {}
    for file in files:
        try:
            read[file] = file.read_bytes()
        except OSError as err:
            raise NotesError(str(shown_path(file, display_root)), None,
                             f"cannot be read ({err.strerror}); check its permissions") from None
    copies = _copies(read)
    for file, data in read.items():
        shown = shown_path(file, display_root)
        if file in copies:
            continue
        try:
            out.append(decode(data, shown))
        except EmptyNotes as nothing:
            if not empty:
                first = nothing
            empty.append(shown)
    if empty and not out:
        raise first
    return Notes(out, empty, [(shown_path(p, display_root), kind) for p, kind in navigation],
                 [(shown_path(copy, display_root), shown_path(kept, display_root)) for copy, kept in copies.items()])


def _copies(read: dict[Path, bytes]) -> dict[Path, Path]:
    """Files that hold byte for byte what another holds (Sphinx's `_sources/*.rst.txt` beside
    its `.rst`, a folder copied into a backup), each with the one read in its stead: the one
    in no folder a tool keeps for itself ("_sources", "_build", ".obsidian"), else the first.
    Read twice, every section showed twice, in the navigation and in search."""
    groups: dict[bytes, list[Path]] = {}
    for file, data in read.items():
        if data.strip():
            groups.setdefault(hashlib.sha256(data).digest(), []).append(file)
    copies = {}
    for same in groups.values():
        kept = min(same, key=lambda file: (any(part[:1] in "_." for part in file.parts[:-1]), same.index(file)))
        copies.update((file, kept) for file in same if file is not kept)
    return copies
