"""The cleanup as functions: notes in, generated Markdown files out; and writing them safely."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import anchors, naming, org, rst, shebang, spelling
from .anchors import Registry
from .assemble import Page, Topic, assemble, clipped
from .errors import NotesError
from .inline import normalizer
from .links import linker
from .memo import text_digest
from .outline import Outline, outline
from .pictures import MissingPicture, Place, is_picture, published_path
from .render import (ENGLISH_FILE, GENERATED_NOTE, GLOSSARY_FILE, HOME, NAV_FILE, SECTIONS_FILE, SOURCES_FILE,
                     page_file, render_english, render_glossary, render_home, render_nav, render_page,
                     render_sections, render_share_page, render_sources, share_file)
from .source import MARKDOWN_SUFFIXES, SourceLine, read_notes, shown_path
from .topics import definition

SHARE_DESCRIPTION_CHARS = 200
CAMEL_CASE_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A file name that says nothing of what the notes are about: "notes.md", "0000notes.md",
# "README.md", "untitled.txt" (and a folder so named: "notes", where the notes are kept).
SAYS_NOTHING = re.compile(r"(?i)\d*[ ._-]*(?:notes?|readme|index|untitled|new|draft|docs?|)[ ._-]*\d*")
# A course's number before a folder's name: "040 elasticache", "003.services overview".
COURSE_NUMBER = re.compile(r"^\d+(?:[.\s_-]+|(?=[A-Za-z]))")
# A folder's front page, as site tools and repository hosts name it, in that order: docsify's cover
# page (its title and tagline open the site, before its README), then README.md, readme.txt, index.md.
FRONT_PAGES = (re.compile(r"(?i)_coverpage\.md"), re.compile(r"(?i)(?:readme|index)\.[a-z]+"))


@dataclass(frozen=True)
class Site:
    """What the notes give: the pages, and the files (relative path -> text) that show them."""

    title_lines: list[SourceLine]
    pages: list[Page]
    files: dict[str, str]
    cross_links: list[tuple[str, str, str]]   # (page, words linked, target)
    registry: Registry                        # every published id, including this build's
    aliases: list[anchors.Alias]
    # Where the pictures beside the notes that the pages show are published (relative to the
    # pages' folder; pictures.notes_path gives each one's path in the notes folder). The
    # engine's build copies them (hooks/notes_sync.py); the pages' folder holds only text.
    pictures: list[str] = field(default_factory=list)
    missing_pictures: list[MissingPicture] = field(default_factory=list)
    empty_notes: list[str] = field(default_factory=list)   # notes files left out: nothing in them
    # Another site tool's navigation files, left out: (path, whose navigation it is).
    navigation_notes: list[tuple[str, str]] = field(default_factory=list)
    # Notes files that are byte for byte another's, left out: (the copy, the file read).
    copied_notes: list[tuple[str, str]] = field(default_factory=list)
    # The notes files in another language (by path), with the names each uses as words of that
    # language: their lines get no English fixes, on the pages and on the home page alike.
    other_language: dict[str, frozenset[str]] = field(default_factory=dict)

    def notices(self) -> list[str]:
        """What the author should know of that did not stop the build, each with its fix."""
        return [f"{path}: the notes file is empty, so no page comes from it; write some notes or remove the file"
                for path in self.empty_notes] + \
            [f"{path}: not published: it is {kind}, links to the notes; this site's navigation shows every page"
             for path, kind in self.navigation_notes] + \
            [f"{copy}: not published: it holds the same as {kept}, which is; remove the copy from the notes"
             for copy, kept in self.copied_notes] + \
            [missing.message() for missing in self.missing_pictures]

    @functools.cached_property
    def registry_text(self) -> str:
        return anchors.dump(self.registry)


def site_from_lines(notes: list[list[SourceLine]], published: Registry | None = None,
                    place: Place | None = None) -> Site:
    """The pure core: decoded notes files (and the ids published so far) to generated files.
    `place`: where a picture beside the notes is published, or None if there is none such."""
    # Each file's words, read once: for its language, and for that of the notes as a whole.
    words = [_words(lines) for lines in notes]
    front = _front_page_file(notes)
    outlines = [_outline(lines, text, place, one_of_several=len(notes) > 1, front_page=lines is front)
                for lines, text in zip(notes, words)]
    if len(notes) > 1 and any(read.english for read in outlines) and not _reads_as_english(words, outlines):
        # Notes in another language as a whole: so is each file of them, however English its
        # terms make a short one look.
        for text, read in zip(words, outlines):
            if read.english:
                _as_another_language(read, text)
    # The front page's introduction heads the home page, before any other file's title.
    introduction = next((read for lines, read in zip(notes, outlines) if lines is front and not read.pages), None)
    title_lines, pages = assemble(sorted(outlines, key=lambda read: read is not introduction))
    if not pages:
        where = notes[0][0].path if notes and notes[0] else "notes"
        raise NotesError(where, None, "has a title but no notes under it; add notes below a heading")
    aliases, registry = anchors.resolve(pages, published or Registry())
    links = linker(pages, [lines[0].path for lines in notes if lines])
    files = {page_file(p): render_page(p, links, aliases) for p in pages}
    files.update(_share_pages(pages, aliases))
    other_language = {lines[0].path: read.as_typed for lines, read in zip(notes, outlines) if lines and not read.english}
    files[HOME] = render_home(title_lines, pages, links, other_language)
    files[NAV_FILE] = render_nav(pages)
    files[GLOSSARY_FILE] = render_glossary()
    files[ENGLISH_FILE] = render_english()
    files[SECTIONS_FILE] = render_sections(pages)
    files[SOURCES_FILE] = render_sources(pages)
    return Site(title_lines, pages, dict(sorted(files.items())), links.made, registry, aliases,
                sorted(set().union(*(read.pictures for read in outlines))), [missing for read in outlines for missing in read.missing_pictures],
                other_language=other_language)


def _share_pages(pages: list[Page], aliases: list[anchors.Alias]) -> dict[str, str]:
    """A share page for every section, and for every old id that now leads elsewhere."""
    by_key = {(p.slug, t.id): (p, t) for p in pages for t in p.topics}
    out = {}
    for (slug, ident), (page, topic) in by_key.items():
        out[share_file(slug, ident)] = render_share_page(page, topic.title, _description(page, topic), slug, ident)
    for alias in aliases:
        page, topic = by_key[(alias.to_page, alias.to_id)]
        out[share_file(alias.page, alias.id)] = render_share_page(
            page, topic.title, _description(page, topic), alias.to_page, alias.to_id)
    return out


def _description(page: Page, topic: Topic) -> str:
    """A section's first lines as one short plain sentence, for link previews."""
    parts = [topic.node.lead] if topic.node.lead else []
    for node in page.section_nodes(topic):
        if sum(len(p) for p in parts) > SHARE_DESCRIPTION_CHARS:
            break
        if node.kind != "rule":     # (a rule's "---" says nothing in a preview)
            parts.append(node.text)
    text = "; ".join(page.plain(p.strip()) for p in parts).strip() or f"{topic.title}, in the {page.title} notes."
    # (A code block's lines and indentation are one line in a preview: chat shows no breaks.)
    return clipped(" ".join(text.split()), SHARE_DESCRIPTION_CHARS)


def _front_page_file(notes: list[list[SourceLine]]) -> list[SourceLine] | None:
    """The README (or index) beside the other notes at the top of their folder, if any."""
    paths = [lines[0].path for lines in notes if lines]
    if len(paths) < 2:
        return None
    top = os.path.commonpath([os.path.dirname(path) for path in paths])
    at_top = [lines for lines in notes if lines and os.path.dirname(lines[0].path) == top]
    return next((lines for name in FRONT_PAGES for lines in at_top if name.fullmatch(os.path.basename(lines[0].path))),
                None)


def _outline(lines: list[SourceLine], words: str, place: Place | None, one_of_several: bool = False,
             front_page: bool = False):
    """One notes file's pages, read by its own markup: Org's and reStructuredText's as the
    Markdown they mean. `words`: the file's words (`_words`), which say its language."""
    if lines and org.is_org(lines[0].path, lines):
        read = outline(org.as_markdown(lines), default_title=_default_title(lines), markdown=True,
                       levels_as_typed=True, place=place, one_of_several=one_of_several, front_page=front_page)
    elif shebang.is_script(lines):
        read = outline(shebang.as_markdown(lines), default_title=_default_title(lines), markdown=True, place=place,
                       one_of_several=one_of_several, front_page=front_page)
    elif lines and rst.is_rst(lines[0].path, lines):
        read = outline(rst.as_markdown(lines), default_title=_default_title(lines), markdown=True,
                       levels_as_typed=True, place=place, one_of_several=one_of_several, front_page=front_page)
    else:
        read = outline(lines, default_title=_default_title(lines), markdown=_is_markdown(lines), place=place,
                       one_of_several=one_of_several, front_page=front_page)
    if not spelling.speller().reads_as_english(words):
        _as_another_language(read, words)
    return read


def _as_another_language(read: Outline, words: str) -> None:
    """Marks a file's outline as notes in another language: no English fixes, and the names it
    uses as words of its own kept as typed."""
    read.english, read.as_typed = False, normalizer().words_of_the_language(words)


def _words(lines: list[SourceLine]) -> str:
    # (Words only: a line's indentation is no word, and 5,000 lines nested 5,000 deep are 25 MB of it.)
    return "\n".join(line.text.lstrip() for line in lines)


def _reads_as_english(words: list[str], outlines: list[Outline]) -> bool:
    """Whether several notes files (their words, and their outlines), taken together, read as
    English: most of their words are in files that do (16 files of Spanish notes, by far the
    most words, beside 7 short ones full of English terms, are Spanish notes), and their words
    together do."""
    sizes = [len(text.split()) for text in words]
    in_english = sum(size for size, read in zip(sizes, outlines) if read.english)
    return 2 * in_english >= sum(sizes) and spelling.speller().reads_as_english("\n".join(words))


def _is_markdown(lines: list[SourceLine]) -> bool:
    return bool(lines) and lines[0].path.lower().endswith(MARKDOWN_SUFFIXES)


def _default_title(lines: list[SourceLine]) -> str:
    """The title a file's name gives its notes: "OtherVpcNotes.txt" -> "Other vpc notes". A file
    named after a topic in a folder named after a service ("CloudFront/AdvancedConcepts.md")
    is about that service: its notes go to the service's page. So is a file named by a
    service and what it is ("Glue - Serverless ETL.md"), as an app that titles notes by their
    file names names them."""
    path = Path(lines[0].path) if lines else Path("notes")
    own, folder = _title_from_name(path.stem), _title_from_name(COURSE_NUMBER.sub("", path.parent.name))
    if SAYS_NOTHING.fullmatch(path.stem) and not SAYS_NOTHING.fullmatch(folder):
        # "040 elasticache/0000notes.md", "Lecture 12/notes.md": the folder says what they are
        # about, where every such file's page had been "0000notes", one page for them all.
        own = folder
    if naming.service_named(own) is not None:
        return own
    if (defined := definition(own)) is not None and naming.is_only_a_name(defined.name) \
            and (named := naming.service_named(defined.name)) is not None and named.whole:
        return defined.name.strip()
    if (named := naming.service_named(folder)) is not None and named.whole and not named.common_word:
        return folder
    return own


def _title_from_name(name: str) -> str:
    """A file's name as a title. One with spaces was typed as a title ("Glue - Serverless ETL,
    Data Catalog"): its words as typed. Other names are joined words ("OtherVpcNotes",
    "other_vpc-notes"), made a phrase."""
    if " " in name.strip():
        title = " ".join(name.replace("_", " ").split())
        return title[:1].upper() + title[1:]
    words = CAMEL_CASE_JOIN.sub(" ", name).replace("_", " ").replace("-", " ")
    return " ".join(words.split()).capitalize() or "Notes"


def build(notes: Path, display_root: Path | None = None, registry: Path | None = None) -> Site:
    """Read the notes under a path (and the published ids) and build the site's files."""
    published = None
    if registry is not None:
        published = anchors.load(registry, shown_path(registry, display_root))
    read = read_notes(notes, display_root)
    site = site_from_lines(read.files, published, picture_place(notes, display_root))
    return dataclasses.replace(site, empty_notes=read.empty, navigation_notes=read.navigation, copied_notes=read.copies)


def picture_place(notes: Path, display_root: Path | None) -> Place:
    """Where a picture named as the notes' lines name their files is published: under
    pictures/ by its path in the notes folder, if it is a file there. Never a file outside that
    folder, also by a link: notes come from anyone, and the site publishes what they show.

    A picture not at its path is found by its file name alone when one picture in the notes
    folder has that name, as Obsidian finds "![[Pasted image 2024.png]]" among its attachments."""
    folder = (notes if notes.is_dir() else notes.parent).resolve()
    by_name = functools.cache(lambda: _pictures_by_name(folder))   # listed once, when first needed

    def place(shown: str) -> str | None:
        path = Path(shown) if display_root is None else display_root / shown
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            named = by_name().get(path.name, [])
            if len(named) != 1:
                return None
            real = named[0]
        if not real.is_file() or not real.is_relative_to(folder):
            return None
        return published_path(real.relative_to(folder).as_posix())
    return place


def _pictures_by_name(folder: Path) -> dict[str, list[Path]]:
    """Every picture in the notes folder (not in hidden folders), by its file name."""
    found: dict[str, list[Path]] = {}
    for inside, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            if is_picture(name):
                found.setdefault(name, []).append(Path(inside, name).resolve())
    return found


def registry_is_stale(site: Site, path: Path) -> bool:
    """Whether the registry file lacks ids this build publishes."""
    try:
        return path.read_text(encoding="utf-8") != site.registry_text
    except OSError:
        return True


def write_registry(site: Site, path: Path) -> bool:
    """Record this build's ids as published; True if the file changed."""
    if not registry_is_stale(site, path):
        return False
    temp = _write_beside(str(path), site.registry_text, keep_mode=path.is_file())
    os.replace(temp, path)
    return True


def is_generated(path: Path | str) -> bool:
    """Whether a file in the output folder was written by this tool (and may be replaced)."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = [handle.readline() for _ in range(2)]
    except (OSError, UnicodeDecodeError):
        return False
    return _has_generated_note(head)


def _has_generated_note(first_lines: list[str]) -> bool:
    return any(GENERATED_NOTE in line for line in first_lines)


def _paths_under(out: Path) -> set[str]:
    """Every file and folder in `out`, relative to it. Folders count: a folder where a page
    goes must be refused as a file would be, not be written over."""
    found = set()
    for folder, folders, names in os.walk(out):
        found.update(os.path.relpath(os.path.join(folder, name), out) for name in folders + names)
    return found


class _Changes(NamedTuple):
    stale: list[str]      # differ from what the notes give, or the notes no longer give them
    existing: set[str]    # those of them that exist
    foreign: list[str]    # those of them the notes give, that exist and were not written by this tool


def file_digest(text: str) -> str:
    """A generated file's digest, as `write` compares it with `as_left`."""
    return text_digest(text).hex()


def _changes(site: Site, out: Path, as_left: dict[str, str] | None = None) -> _Changes:
    """How `out` differs from the notes. The folder is listed once, so that only files that
    exist are opened: at 100 times today's notes, trying to open 10,000 missing files cost
    more than writing them. A file read to compare is not opened again to see who wrote it.
    With `as_left` (see `write`), nothing is listed or read."""
    if as_left is not None:
        stale, foreign = [], []
        for name, text in site.files.items():
            known = as_left.get(name)
            if known == file_digest(text):
                continue
            if known == "":
                foreign.append(name)
            stale.append(name)
        stale += sorted(name for name, known in as_left.items() if known and name not in site.files)
        return _Changes(stale, as_left.keys() & set(stale), foreign)
    present = {name for name in _paths_under(out) if not name.endswith(TEMP_SUFFIX)}
    stale, foreign = [], []
    for name, text in site.files.items():
        if name in present:
            try:
                with open(os.path.join(out, name), encoding="utf-8") as f:
                    current = f.read()
            except (OSError, UnicodeDecodeError):
                current = None
            if current == text:
                continue
            # (An empty file is one an older version of this tool was stopped while writing.)
            if current is None or (current and not _has_generated_note(current.split("\n", 2)[:2])):
                foreign.append(name)
        stale.append(name)
    # Only files the notes no longer give are opened to see who wrote them.
    stale += sorted(name for name in present - site.files.keys() if is_generated(os.path.join(out, name)))
    return _Changes(stale, present.intersection(stale), foreign)


def stale_files(site: Site, out: Path) -> list[str]:
    """Files in `out` that differ from what the notes give, or that the notes no longer give."""
    return _changes(site, out).stale


def write(site: Site, out: Path, as_left: dict[str, str] | None = None) -> list[str]:
    """Bring `out` in line with the notes; returns the files changed. All or nothing.

    Every file is written beside itself under a temporary name and renamed into place only once
    every write has succeeded, so that a run cut short at any point (Ctrl-C, a full disk)
    leaves each file as it was or as it should be, never half written. A second run at the same
    time waits for the first.

    `as_left`: every file in `out` by name, with its `file_digest` if this tool wrote it and ""
    if not, as the last write left the folder, for a caller that knows nothing touched it since
    (the names, sizes and times of its files are as they were then). The folder is then neither
    listed nor read: a save at 30 times today's notes read 2,900 files to find the few it changed.
    """
    os.makedirs(out, exist_ok=True)
    with _lock(out):
        if as_left is None:
            _remove_leftovers(out)   # (a folder as the last write left it has none)
        changed, existing, foreign = _changes(site, out, as_left)
        if not changed:
            return []
        if foreign:
            raise NotesError(str(out / foreign[0]), None, "exists and was not generated from the notes; "
                             "rename the service heading or move that file")
        staged: list[tuple[str, str]] = []
        folders: set[str] = set()
        try:
            for name in changed:
                if name not in site.files:
                    continue
                target = os.path.join(out, name)
                folder = os.path.dirname(target)
                if folder not in folders:
                    os.makedirs(folder, exist_ok=True)
                    folders.add(folder)
                temp = _write_beside(target, site.files[name], keep_mode=name in existing)
                staged.append((temp, target))
        except OSError as err:
            for temp, _ in staged:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
            # A full disk's error names no file: name the one that could not be written.
            raise NotesError(target, None, f"cannot be written ({err.strerror}); free some space or fix "
                                           "the folder's permissions, then run again: nothing was changed") from None
        for temp, target in staged:
            os.replace(temp, target)
        for name in changed:
            if name not in site.files:
                os.unlink(os.path.join(out, name))
        return changed


TEMP_SUFFIX = ".notesite-tmp"
LOCK_WAIT_SECONDS = 60


def _remove_leftovers(out: Path) -> None:
    """Temporary files of a run killed between writing and renaming (under the lock, so that
    none belongs to a run still writing)."""
    for folder, _, names in os.walk(out):
        for name in names:
            if name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


def _write_beside(target: str, text: str, keep_mode: bool) -> str:
    """`text` in a new hidden file beside `target` (MkDocs skips dot files); its path.

    New files get the usual mode (the umask applies); a file that exists keeps its own.
    """
    folder, name = os.path.split(target)
    temp = os.path.join(folder, f".{name}.{os.getpid()}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)    # left by a run with this process id that was killed
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if keep_mode:
            os.chmod(handle, stat.S_IMODE(os.stat(target).st_mode))
        with open(handle, "w", encoding="utf-8", newline="\n", closefd=False) as f:
            f.write(text)
    except BaseException:
        # A full disk mid-write: the half-written temporary file goes now, not at the next run.
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(handle)
    return temp


def check_writable(*folders: Path) -> None:
    """Stop, before anything is written, if a file cannot be created in one of the folders
    (a read-only checkout, a folder of another user's): a run writes all of its files or none."""
    for folder in folders:
        try:
            os.makedirs(folder, exist_ok=True)
            handle, probe = tempfile.mkstemp(prefix=".", suffix=TEMP_SUFFIX, dir=folder)
            os.close(handle)
            os.unlink(probe)
        except OSError as err:
            raise NotesError(str(folder), None, f"cannot be written ({err.strerror}); make it writable, "
                                                "then run again: nothing was changed") from None


@contextlib.contextmanager
def _lock(folder: Path):
    """Hold the folder's lock: one cleanup writes it at a time; the next waits its turn. The
    folder itself is locked, so that a run that writes nothing leaves nothing behind."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise NotesError(str(folder), None, f"another cleanup has been writing here for "
                                     f"{LOCK_WAIT_SECONDS} s; wait for it to finish, or stop it") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(handle)
