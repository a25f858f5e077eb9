"""What a pure function of text gave, kept between builds by a digest of the text.

A build with unchanged notes renders the same pages as the last one, and a save changes a few of
them: each page's HTML passing the sanitizer again would give what it gave before. The outputs
are kept in one file, under the digest of their input and of the function's own version (its
source and the library it calls), so a page the build has seen costs a hash and a lookup, and a
changed sanitizer starts afresh. Only a cache: an unreadable or foreign file is read as empty,
and one that cannot be written costs the next build the work again, no more.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Callable

FORMAT = 1   # of the file: (FORMAT, version, {digest: output})


def text_digest(text: str) -> bytes:
    """A text's digest: a memo's key for it, and (in hex) a written file's (`api.file_digest`)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class TextMemo:
    """One function's outputs, by the digest of each input; `version` names the function."""

    def __init__(self, path: Path, version: str) -> None:
        self.path, self.version = path, version
        self._saved = self._load()
        self._used: dict[bytes, str] = {}

    def __call__(self, function: Callable[[str], str], text: str) -> str:
        key = text_digest(text)
        out = self._used.get(key)
        if out is None:
            out = self._saved.get(key)
            if out is None:
                out = function(text)
            self._used[key] = out
        return out

    def save(self) -> None:
        """Keep what this build used (what it no longer gave is let go); written only when that
        differs from what was read, so a build that changed nothing writes nothing."""
        used, self._used = self._used, {}
        if used.keys() == self._saved.keys():
            return
        self._saved = used
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")   # (two builds at once: two files)
        with contextlib.suppress(OSError):
            temp.write_bytes(marshal.dumps((FORMAT, self.version, used)))
            os.replace(temp, self.path)

    def _load(self) -> dict[bytes, str]:
        try:
            kept = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not (isinstance(kept, tuple) and len(kept) == 3 and kept[:2] == (FORMAT, self.version)
                and isinstance(kept[2], dict)):
            return {}
        return kept[2]


_open: dict[Path, TextMemo] = {}


def shared(path: Path, version: str) -> TextMemo:
    """The one memo of a file in this process: hooks that call the same function share it, and
    a server's builds keep it in memory between saves."""
    memo = _open.get(path)
    if memo is None or memo.version != version:
        memo = _open[path] = TextMemo(path, version)
    return memo


def source_version(*parts: str | Path) -> str:
    """A version of code: the digest of its source files' bytes and of any other names given
    (a library's version)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(Path(part).read_bytes() if isinstance(part, Path) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()
