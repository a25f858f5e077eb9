"""The cleanup as functions: notes in, generated Markdown files out; and writing them safely."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .assemble import Page, assemble
from .errors import NotesError
from .links import linker
from .outline import outline
from .render import (GENERATED_NOTE, GLOSSARY_FILE, HOME, NAV_FILE, page_file, render_glossary, render_home,
                     render_nav, render_page)
from .source import SourceLine, read_notes


@dataclass(frozen=True)
class Site:
    """What the notes give: the pages, and the files (relative path -> text) that show them."""

    title_lines: list[SourceLine]
    pages: list[Page]
    files: dict[str, str]
    cross_links: list[tuple[str, str, str]]   # (page, words linked, target)


def site_from_lines(notes: list[list[SourceLine]]) -> Site:
    """The pure core: decoded notes files to generated files."""
    outlines = [outline(lines, default_title=_default_title(lines)) for lines in notes]
    title_lines, pages = assemble(outlines)
    if not pages:
        where = notes[0][0].path if notes and notes[0] else "notes"
        raise NotesError(where, None, "has a title but no notes under it; add notes below a heading")
    links = linker(pages)
    files = {page_file(p): render_page(p, links) for p in pages}
    files[HOME] = render_home(title_lines, pages)
    files[NAV_FILE] = render_nav(pages)
    files[GLOSSARY_FILE] = render_glossary()
    return Site(title_lines, pages, dict(sorted(files.items())), links.made)


def _default_title(lines: list[SourceLine]) -> str:
    stem = Path(lines[0].path).stem if lines else "notes"
    return stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Notes"


def build(notes: Path, display_root: Path | None = None) -> Site:
    """Read the notes under a path and build the site's files (nothing is written)."""
    return site_from_lines(read_notes(notes, display_root))


def is_generated(path: Path) -> bool:
    """Whether a file in the output folder was written by this tool (and may be replaced)."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = [handle.readline() for _ in range(2)]
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.rstrip("\n").endswith(GENERATED_NOTE) for line in head)


def _generated_files(out: Path) -> set[str]:
    if not out.is_dir():
        return set()
    return {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and is_generated(p)}


def stale_files(site: Site, out: Path) -> list[str]:
    """Files in `out` that differ from what the notes give, or that the notes no longer give."""
    stale = []
    for name, text in site.files.items():
        path = out / name
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            stale.append(name)
    stale += sorted(_generated_files(out) - site.files.keys())
    return stale


def write(site: Site, out: Path) -> list[str]:
    """Bring `out` in line with the notes; returns the files changed. All or nothing."""
    changed = stale_files(site, out)
    if not changed:
        return []
    for name in site.files:
        path = out / name
        if path.exists() and not is_generated(path):
            raise NotesError(str(path), None, "exists and was not generated from the notes; "
                             "rename the service heading or move that file")
    staged: list[tuple[Path, Path]] = []
    try:
        for name in changed:
            if name in site.files:
                (out / name).parent.mkdir(parents=True, exist_ok=True)
                handle, temp = tempfile.mkstemp(dir=(out / name).parent, prefix=".notesite-")
                with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as f:
                    f.write(site.files[name])
                staged.append((Path(temp), out / name))
    except OSError:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in staged:
        os.replace(temp, target)
    for name in changed:
        if name not in site.files:
            (out / name).unlink()
    return changed
