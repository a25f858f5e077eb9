"""What a page's Markdown was converted to, kept while `mkdocs serve` runs.

A save of the notes changes the few pages whose sections changed, yet each build converts every
page's Markdown again: at a hundred times today's notes, a quarter of a save's time went to
pages that came out as before. A page whose Markdown, address and surroundings are as the last
build converted them gets that build's output back instead.

What the output depends on is in the key: the page's Markdown (as the engine's other
`on_page_markdown` steps left it), its path, and the build's `context` (the Markdown extensions'
settings and every file of the site, which relative links are resolved against). A conversion
that logged a warning (a link to nothing) is not kept, so the warning shows on every build.

Only the latest conversion of each page is kept: as many entries as pages, never more. The
cache lives in this module, which stays imported while the server runs: the engine loads its
hook files afresh for each build.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Converted:
    """A page's conversion: its HTML and what the engine learned while making it."""

    html: str
    state: dict[str, Any]   # the engine's own page fields, as its adapter reads and restores them


def context_key(*parts: object) -> str:
    """One digest of what every page's conversion depends on in this build."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class RenderCache:
    def __init__(self) -> None:
        self.enabled = False   # only a server builds more than once in one process
        self._kept: dict[str, tuple[str, Converted]] = {}   # page path -> (key, its conversion)
        self._converting: dict[str, tuple[str, int]] = {}   # page path -> (key, warnings before)
        self._context = ""
        self._warnings = _WarningCount()
        self.reused = 0   # this build's pages given back rather than converted

    def begin(self, context: str, logger: logging.Logger) -> None:
        """A build starts, in this context; warnings are counted on `logger` (the engine's)."""
        self._context = context
        self._converting.clear()
        self.reused = 0
        if self._warnings not in logger.handlers:
            logger.addHandler(self._warnings)

    def lookup(self, page: str, markdown: str) -> Converted | None:
        """The page's conversion from an earlier build, if nothing it depends on changed;
        else None, and the conversion about to run is watched to be kept."""
        if not self.enabled:
            return None
        key = self._key(page, markdown)
        kept = self._kept.get(page)
        if kept is not None and kept[0] == key:
            self.reused += 1
            return kept[1]
        self._converting[page] = (key, self._warnings.count)
        return None

    def keep(self, page: str, converted: Converted) -> None:
        """Keep a conversion that `lookup` saw start, unless it warned."""
        started = self._converting.pop(page, None)
        if started is None:
            return
        key, warnings_before = started
        if self._warnings.count == warnings_before:
            self._kept[page] = (key, converted)
        else:
            self._kept.pop(page, None)

    def _key(self, page: str, markdown: str) -> str:
        return hashlib.sha256(f"{self._context}\0{page}\0{markdown}".encode()).hexdigest()


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


CACHE = RenderCache()
