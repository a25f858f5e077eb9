"""The cleanup as functions: notes in, generated Markdown files out; and writing them safely."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from . import anchors
from .anchors import Registry
from .assemble import Page, Topic, assemble
from .errors import NotesError
from .links import linker
from .outline import outline
from .render import (ENGLISH_FILE, GENERATED_NOTE, GLOSSARY_FILE, HOME, NAV_FILE, SECTIONS_FILE, page_file,
                     render_english, render_glossary, render_home, render_nav, render_page, render_sections,
                     render_share_page, share_file)
from .source import SourceLine, read_notes, shown_path

SHARE_DESCRIPTION_CHARS = 200


@dataclass(frozen=True)
class Site:
    """What the notes give: the pages, and the files (relative path -> text) that show them."""

    title_lines: list[SourceLine]
    pages: list[Page]
    files: dict[str, str]
    cross_links: list[tuple[str, str, str]]   # (page, words linked, target)
    registry: Registry                        # every published id, including this build's
    aliases: list[anchors.Alias]

    @functools.cached_property
    def registry_text(self) -> str:
        return anchors.dump(self.registry)


def site_from_lines(notes: list[list[SourceLine]], published: Registry | None = None) -> Site:
    """The pure core: decoded notes files (and the ids published so far) to generated files."""
    outlines = [outline(lines, default_title=_default_title(lines), markdown=_is_markdown(lines)) for lines in notes]
    title_lines, pages = assemble(outlines)
    if not pages:
        where = notes[0][0].path if notes and notes[0] else "notes"
        raise NotesError(where, None, "has a title but no notes under it; add notes below a heading")
    aliases, registry = anchors.resolve(pages, published or Registry())
    links = linker(pages)
    files = {page_file(p): render_page(p, links, aliases) for p in pages}
    files.update(_share_pages(pages, aliases))
    files[HOME] = render_home(title_lines, pages)
    files[NAV_FILE] = render_nav(pages)
    files[GLOSSARY_FILE] = render_glossary()
    files[ENGLISH_FILE] = render_english()
    files[SECTIONS_FILE] = render_sections(pages)
    return Site(title_lines, pages, dict(sorted(files.items())), links.made, registry, aliases)


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
        parts.append(node.text)
    text = "; ".join(page.plain(p.strip()) for p in parts).strip() or f"{topic.title}, in the {page.title} notes."
    if len(text) > SHARE_DESCRIPTION_CHARS:
        text = text[:SHARE_DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"
    return text


def _is_markdown(lines: list[SourceLine]) -> bool:
    return bool(lines) and lines[0].path.endswith(".md")


def _default_title(lines: list[SourceLine]) -> str:
    stem = Path(lines[0].path).stem if lines else "notes"
    return stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Notes"


def build(notes: Path, display_root: Path | None = None, registry: Path | None = None) -> Site:
    """Read the notes under a path (and the published ids) and build the site's files."""
    published = None
    if registry is not None:
        published = anchors.load(registry, shown_path(registry, display_root))
    return site_from_lines(read_notes(notes, display_root), published)


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
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".anchors-")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as f:
        f.write(site.registry_text)
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


def _changes(site: Site, out: Path) -> _Changes:
    """How `out` differs from the notes. The folder is listed once, so that only files that
    exist are opened: at 100 times today's notes, trying to open 10,000 missing files cost
    more than writing them. A file read to compare is not opened again to see who wrote it."""
    present = _paths_under(out)
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
            if current is None or not _has_generated_note(current.split("\n", 2)[:2]):
                foreign.append(name)
        stale.append(name)
    # Only files the notes no longer give are opened to see who wrote them.
    stale += sorted(name for name in present - site.files.keys() if is_generated(os.path.join(out, name)))
    return _Changes(stale, present.intersection(stale), foreign)


def stale_files(site: Site, out: Path) -> list[str]:
    """Files in `out` that differ from what the notes give, or that the notes no longer give."""
    return _changes(site, out).stale


def write(site: Site, out: Path) -> list[str]:
    """Bring `out` in line with the notes; returns the files changed. All or nothing.

    New files are written in place and removed again if any write fails; files that exist are
    written beside themselves first and swapped in only once every write has succeeded.
    """
    changed, existing, foreign = _changes(site, out)
    if not changed:
        return []
    if foreign:
        raise NotesError(str(out / foreign[0]), None, "exists and was not generated from the notes; "
                         "rename the service heading or move that file")
    written: list[str] = []      # new files, and temporary copies of existing ones
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
            path = target
            if name in existing:
                handle, path = tempfile.mkstemp(dir=folder, prefix=".notesite-")
                os.close(handle)
                staged.append((path, target))
            written.append(path)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(site.files[name])
    except OSError:
        for path in written:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
    for temp, target in staged:
        os.replace(temp, target)
    for name in changed:
        if name not in site.files:
            os.unlink(os.path.join(out, name))
    return changed
