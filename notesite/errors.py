"""The one error the core raises for bad input: it names the file, the line and the fix."""

from __future__ import annotations


class NotesError(Exception):
    """Bad notes or bad data, reported as `path:line: problem; fix`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class EmptyNotes(NotesError):
    """A notes file with nothing in it: an error only when no other file holds notes."""
