"""Messy study notes in, one clean Markdown page per AWS service out."""

from .api import Site, build, site_from_lines, stale_files, write
from .errors import NotesError

__all__ = ["NotesError", "Site", "build", "site_from_lines", "stale_files", "write"]
