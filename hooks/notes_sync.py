"""Keep the generated pages in step with the notes while building and serving.

`mkdocs serve` watches notes/ and re-runs the cleanup before each build, so the site never shows
pages that are stale against the notes. Invalid notes fail the build with the cleanup's message
(file, line, fix); the next save that fixes them rebuilds as usual.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in

NOTES = ROOT / "notes"
PUBLISHED_IDS = ROOT / "anchors.yaml"
STAMP = ROOT / ".notes-built"   # when the pages were last made from the notes (not committed)
log = logging.getLogger("mkdocs.hooks.notes_sync")


def on_pre_build(config, **kwargs) -> None:
    if _up_to_date(Path(config["docs_dir"])):
        return
    # Imported only when there is work to do, so an unchanged build pays nothing for it. Hooks
    # are loaded by path: the core is imported as a package from the project's root.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import notesite

    try:
        # Ids are registered as published by scripts/clean_notes.py only, never mid-edit.
        site = notesite.build(NOTES, display_root=ROOT, registry=PUBLISHED_IDS)
        changed = notesite.write(site, Path(config["docs_dir"]))
    except notesite.NotesError as err:
        raise PluginError(f"notes: {err}") from None
    if changed:
        log.info("regenerated from the notes: %s", ", ".join(changed))
    STAMP.touch()


def _up_to_date(docs: Path) -> bool:
    """Make's rule: nothing the pages are made from changed since they were last made."""
    if not STAMP.exists() or not (docs / ".pages").exists():
        return False
    made = STAMP.stat().st_mtime
    # The notes, the registry, the core and its data, and the pages themselves (edited by hand?)
    registry_older = not PUBLISHED_IDS.is_file() or PUBLISHED_IDS.stat().st_mtime <= made
    return registry_older and all(
        _all_older(str(folder), made) for folder in (NOTES, ROOT / "notesite", docs))


def _all_older(folder: str, made: float) -> bool:
    # os.scandir rather than Path.rglob: at a hundred times today's notes, docs/ holds 10,000
    # files, and this runs on every build.
    if not os.path.isdir(folder):
        return False
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if not _all_older(entry.path, made):
                    return False
            elif entry.stat().st_mtime > made:
                return False
    return True


def on_serve(server, config, builder, **kwargs):
    server.watch(str(NOTES))
    return server
