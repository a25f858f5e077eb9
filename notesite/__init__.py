"""Messy study notes in, one clean Markdown page per AWS service out."""

from .errors import NotesError

__all__ = ["NotesError", "Site", "build", "check_writable", "file_digest", "registry_is_stale", "site_from_lines",
           "stale_files", "write", "write_registry"]


def __getattr__(name: str):
    # The cleanup is imported on first use, so that a build whose pages are up to date, which
    # only reads the section history, does not pay for loading it.
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'notesite' has no attribute {name!r}")
