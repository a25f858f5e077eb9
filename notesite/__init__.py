"""Messy study notes in, one clean Markdown page per AWS service out."""

from .api import Site, build, registry_is_stale, site_from_lines, stale_files, write, write_registry
from .errors import NotesError

__all__ = ["NotesError", "Site", "build", "registry_is_stale", "site_from_lines", "stale_files", "write",
           "write_registry"]
