"""Turn the raw notes into one Markdown page per service.

    python scripts/clean_notes.py                 # notes/ -> docs/
    python scripts/clean_notes.py --check         # exit 1 and name the stale pages; write nothing
    python scripts/clean_notes.py --spell-report  # automatic fixes, and words nothing knows
    python scripts/clean_notes.py --fresh-registry  # your own notes: forget the ids published before

Exit codes: 0 done (or up to date), 1 stale pages under --check, 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notesite import NotesError, build, check_writable, registry_is_stale, stale_files, write, write_registry  # noqa: E402
from notesite.report import site_report, spelling_report  # noqa: E402
from notesite.source import shown_path  # noqa: E402


def run(argv: list[str] | None = None) -> int:
    """The command line: parse arguments, call the core, map errors to exit codes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=ROOT / "notes", help="a notes file or folder (default: notes/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where the pages go (default: docs/)")
    parser.add_argument("--anchors", type=Path, default=ROOT / "anchors.yaml",
                        help="the registry of published section ids (default: anchors.yaml)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the pages are stale")
    parser.add_argument("--fresh-registry", action="store_true",
                        help="start the registry anew from these notes' ids (for notes of your own, not edits)")
    parser.add_argument("--spell-report", action="store_true", help="list the misspellings fixed automatically, and where, "
                        "and the words nothing knows, with likely fixes")
    args = parser.parse_args(argv)
    try:
        _check_paths(args)
        site = build(args.notes, display_root=_project_of(args.notes), registry=None if args.fresh_registry else args.anchors)
        if args.spell_report:
            print(spelling_report(site), end="")
            return 0
        if args.check:
            stale = [args.out / name for name in stale_files(site, args.out)]
            if registry_is_stale(site, args.anchors):
                stale.append(args.anchors)
            for path in stale:
                print(f"{shown_path(path, Path.cwd())}: stale; run python scripts/clean_notes.py", file=sys.stderr)
            return 1 if stale else 0
        if registry_is_stale(site, args.anchors):
            check_writable(args.anchors.parent)   # before the pages: all of it is written, or none
        changed = write(site, args.out)
        for notice in site.notices():
            print(f"note: {notice}", file=sys.stderr)
        if write_registry(site, args.anchors):
            changed.append(shown_path(args.anchors, Path.cwd()))
    except NotesError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {err.filename or ''}: {err.strerror}; check the path and its permissions", file=sys.stderr)
        return 2
    print(site_report(site, changed))
    return 0


def _project_of(notes: Path) -> Path:
    """What the notes' paths are written relative to (in the pages' sources and in messages):
    this project when they are its notes, wherever the command is run from; else the folder it
    is run from. Never the machine's own absolute path."""
    inside = os.path.abspath(notes)
    return ROOT if inside == str(ROOT) or inside.startswith(str(ROOT) + os.sep) else Path.cwd()


def _check_paths(args: argparse.Namespace) -> None:
    """Refuse, before reading anything, where a run would write what it cannot or must not."""
    out, notes = args.out.resolve(), args.notes.resolve()
    if notes.is_dir() and out.is_relative_to(notes):
        raise NotesError(str(args.out), None, "is in the notes folder: the pages would be read back as notes "
                                              "on the next run; pass another --out folder")
    if not args.check and not args.spell_report and not args.anchors.resolve().parent.is_dir():
        raise NotesError(str(args.anchors), None, "cannot be written: its folder does not exist; "
                                                  "create it or pass another --anchors path")


if __name__ == "__main__":
    sys.exit(run())
