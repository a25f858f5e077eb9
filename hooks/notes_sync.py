"""Keep the generated pages in step with the notes while building and serving.

`mkdocs serve` watches notes/ and re-runs the cleanup before each build, so the site never shows
pages that are stale against the notes. Invalid notes fail the build with the cleanup's message
(file, line, fix); the next save that fixes them rebuilds as usual.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in

NOTES = ROOT / "notes"
PUBLISHED_IDS = ROOT / "anchors.yaml"
CORE = ROOT / "notesite"
STAMP = ROOT / ".notes-built"   # the fingerprints the pages were last made from (not committed)
log = logging.getLogger("mkdocs.hooks.notes_sync")

_serving = {}   # the live-reload server, while `mkdocs serve` runs
CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})   # watchdog's event types that change a file
_built_from = {}   # the inputs' fingerprint this build's pages were made from
# The pages the cleanup last made, by path: their digests. A change in docs/ that leaves a page
# as the cleanup wrote it is the cleanup's own write, already in the build that made it.
_made: dict[str, str] = {}
_removed: set[str] = set()   # pages the last build's notes no longer gave, removed by the cleanup


def on_pre_build(config, **kwargs) -> None:
    docs = Path(config["docs_dir"])
    current = _current(docs)
    _built_from["inputs"] = current["inputs"]
    recorded = _recorded()
    if _unchanged(recorded, current):
        _built_from["pictures"] = recorded.get("pictures", [])
        return
    # Imported only when there is work to do, so an unchanged build pays nothing for it. Hooks
    # are loaded by path: the core is imported as a package from the project's root.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import notesite
    from notesite.source import hidden_notes

    try:
        # Ids are registered as published by scripts/clean_notes.py only, never mid-edit.
        site = notesite.build(NOTES, display_root=ROOT, registry=PUBLISHED_IDS)
        # Recorded before the pages are written: the watcher may see a write before write() returns.
        files = {name: notesite.file_digest(text) for name, text in site.files.items()}
        made = {os.path.join(docs, name): digest for name, digest in files.items()}
        _removed.clear()
        _removed.update(set(_made) - set(made))
        _made.clear()
        _made.update(made)
        # docs/ as the last cleanup left it (no file added, removed or touched since): what is
        # in it is known, and need not be listed or read to find what changed.
        as_left = recorded.get("docs") if recorded.get("pages") == current["pages"] else None
        changed = notesite.write(site, docs, as_left if isinstance(as_left, dict) else None)
    except notesite.NotesError as err:
        STAMP.unlink(missing_ok=True)
        raise PluginError(f"notes: {err}") from None
    if changed:
        log.info("regenerated from the notes: %s", ", ".join(changed))
    for notice in site.notices():
        log.info("notes: %s", notice)
    _built_from["pictures"] = site.pictures
    for hidden in hidden_notes(NOTES):
        log.info("not published: %s is hidden (a dot file or folder)", hidden.relative_to(NOTES).as_posix())
    present = _files_under(str(docs))
    # Every file in docs/ now: its digest if the cleanup wrote it, "" if someone else did.
    as_written = {name: files.get(name, "") for name in (os.path.relpath(path, docs) for path in present)}
    # The inputs' fingerprint taken before the notes were read: a save while the cleanup ran
    # differs from it, so the next build makes the pages again.
    try:
        STAMP.write_text(json.dumps({"inputs": current["inputs"], "pages": _fingerprint(present), "docs": as_written,
                                     "pictures": site.pictures}))
    except OSError as err:
        # Only a shortcut for the next build: without it, that build reads the notes again.
        log.info("notes: cannot record what the pages were made from in %s (%s); make the project "
                    "folder writable, or every build reads the notes again", STAMP.name, err.strerror)


def on_files(files, config, **kwargs):
    """The pictures the pages show from beside the notes, published where the pages point
    (notesite/pictures.py), read from the notes folder: docs/ holds only what the cleanup wrote."""
    published = _built_from.get("pictures", [])
    if not published:
        return files   # (most notes show none: a build then imports nothing for them)
    from mkdocs.structure.files import File

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from notesite.pictures import notes_path

    for picture in published:
        if files.get_file_from_path(picture) is None:   # a file of the same name in docs/ wins
            files.append(File.generated(config, picture, abs_src_path=str(NOTES.resolve() / notes_path(picture))))
    return files


def on_post_build(config, **kwargs) -> None:
    """A save while this build ran (which a watcher can miss, or see before the build read the
    notes) asks the server for one more build."""
    server = _serving.get("server")
    if server is not None and inputs_fingerprint() != _built_from.get("inputs"):
        log.info("the notes changed while building; building again")
        _request_rebuild(server)


def inputs_fingerprint() -> str:
    """What the pages are made from, by content: the notes (every file: a removed one counts),
    the registry, the core and its data. Not their times: a file restored with an older time,
    or saved while the pages were being made, must not pass for unchanged."""
    digest = hashlib.sha256()
    for folder in (NOTES, CORE):
        for path in _files_under(str(folder)):
            digest.update(f"{os.path.relpath(path, ROOT)}\0".encode())
            try:
                with open(path, "rb") as handle:
                    digest.update(hashlib.sha256(handle.read()).digest())
            except OSError as err:
                # Unreadable counts as a change: the cleanup then names the file and the fix.
                digest.update(f"unreadable {err.errno}".encode())
    if PUBLISHED_IDS.is_file():
        digest.update(PUBLISHED_IDS.read_bytes())
    return digest.hexdigest()


def pages_fingerprint(docs: Path) -> str:
    """The generated pages as they lie: a page edited or deleted by hand is made again. Their
    names, sizes and times only: the cleanup wrote them; reading 10,000 pages on every build
    would cost more than the check saves."""
    return _fingerprint(_files_under(str(docs)))


def _fingerprint(paths: list[str]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        info = os.stat(path)
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files_under(folder: str) -> list[str]:
    """Every file under a folder, sorted, without Python's byte-code caches."""
    found: list[str] = []
    _collect(folder, found)
    return sorted(found)


def _collect(folder: str, found: list[str]) -> None:
    # os.scandir rather than Path.rglob: at a hundred times today's notes, docs/ holds 10,000
    # files, and this runs on every build.
    if not os.path.isdir(folder):
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):   # as the cleanup reads them: no linked folders
                if entry.name != "__pycache__":
                    _collect(entry.path, found)
            elif not entry.name.endswith(".pyc"):
                found.append(entry.path)


def _current(docs: Path) -> dict:
    return {"inputs": inputs_fingerprint(), "pages": pages_fingerprint(docs)}


def _unchanged(recorded: dict, current: dict) -> bool:
    """Whether the pages were made from these inputs and lie as they were made."""
    return all(recorded.get(key) == value for key, value in current.items())


def _recorded() -> dict:
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def on_serve(server, config, builder, **kwargs):
    _serving["server"] = server
    # The notes are watched by the system's own file events (inotify on Linux): MkDocs polls what
    # it watches every half second, so a save waited up to that long before its build began.
    saves = Observer()
    _serving["saves"] = saves
    _serving["notes_watch"] = saves.schedule(_NotesSaved(server), str(NOTES), recursive=True)
    # A watch ends when its folder is deleted; one on the project itself (its own entries only)
    # sees notes/ come back, watches it again and rebuilds.
    saves.schedule(_NotesReturn(server), str(ROOT), recursive=False)
    saves.start()
    # MkDocs watches docs/, where the cleanup writes the pages during the build: each save built
    # twice, the second time for the build's own pages. A change there counts unless it leaves
    # a page as this build made it.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from notesite.api import TEMP_SUFFIX

    docs = os.path.abspath(config["docs_dir"])
    server.unwatch(docs)
    server.observer.schedule(_DocsEdits(server, TEMP_SUFFIX), docs, recursive=True)
    return server


def on_shutdown(**kwargs) -> None:
    saves = _serving.pop("saves", None)
    if saves is not None:
        saves.stop()


class _NotesSaved(FileSystemEventHandler):
    """Any change under notes/ (a file saved, added, removed, renamed) asks for a build."""

    def __init__(self, server) -> None:
        self.server = server

    def on_any_event(self, event) -> None:
        # Not a file merely opened or read (the cleanup reads every notes file in each build).
        if not event.is_directory and event.event_type in CHANGES:
            _request_rebuild(self.server)


class _DocsEdits(FileSystemEventHandler):
    """A change in docs/ by anyone but the cleanup (a stylesheet, a page edited by hand) rebuilds."""

    def __init__(self, server, temp_suffix: str) -> None:
        self.server = server
        self.temp_suffix = temp_suffix   # a page written beside itself, then renamed into place

    def on_any_event(self, event) -> None:
        if event.is_directory:
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(path and not path.endswith(self.temp_suffix) and not _made_by_cleanup(path) for path in paths):
            _request_rebuild(self.server)


def _made_by_cleanup(path: str) -> bool:
    if path not in _made:
        return path in _removed and not os.path.exists(path)
    from notesite import file_digest   # imported already: the cleanup made `path`

    try:
        with open(path, encoding="utf-8") as handle:
            return file_digest(handle.read()) == _made[path]
    except (OSError, UnicodeDecodeError):
        return False         # a page of the notes gone (made again by the next build), or not ours


class _NotesReturn(FileSystemEventHandler):
    def __init__(self, server) -> None:
        self.server = server

    def on_any_event(self, event) -> None:
        # notes/ created, or moved into place; not its own changes, which the watch on it sees.
        arrived = (event.event_type == "created" and event.src_path == str(NOTES)) or \
            (event.event_type == "moved" and event.dest_path == str(NOTES))
        if not arrived or not NOTES.is_dir():
            return
        saves = _serving["saves"]
        saves.unschedule(_serving["notes_watch"])
        _serving["notes_watch"] = saves.schedule(_NotesSaved(self.server), str(NOTES), recursive=True)
        log.info("notes/ was replaced; watching it again")
        _request_rebuild(self.server)


def _request_rebuild(server) -> None:
    # What MkDocs' own file watcher does on a change; MkDocs 1.6 has no public call for it.
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
