"""Each section's meaning for search: the site's sentence model reads every entry of the search
index at build time (`notesite.meaning`), and the vectors go beside the index as
`assets/section-meaning.bin`, where the search worker compares a question with them. What a
build read is kept in `.notes-meaning` (not committed), so a save reads only what it changed,
and the last file made in `.notes-meaning.last`, so a build whose index is unchanged makes
nothing. A missing or changed model file stops the build, naming it."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in
CACHE = ROOT / ".notes-meaning"
LAST = ROOT / ".notes-meaning.last"
OUT = "assets/section-meaning.bin"
log = logging.getLogger("mkdocs.hooks.section_meaning")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from notesite import NotesError, meaning  # noqa: E402


def on_post_build(config, **kwargs) -> None:
    try:
        # Checked on every build: the browser reads this file, whatever the cache holds.
        meaning.check(ROOT / meaning.MODEL_FILE)
    except NotesError as err:
        raise PluginError(f"search: {err}") from None
    site = Path(config["site_dir"])
    index = (site / "search" / "search_index.json").read_bytes()
    digest = meaning.index_digest(index)
    data = meaning.vectors_kept_for(digest, _read(LAST))
    if data is None:
        data = _vectors(index)
        _keep(LAST, meaning.keep_vectors(digest, data))
    (site / OUT).write_bytes(data)


def _vectors(index: bytes) -> bytes:
    docs = json.loads(index.decode("utf-8"))["docs"]
    cache = meaning.read_cache(_read(CACHE))
    # The model is read (once a process) only when a passage is new.
    data, kept = meaning.vectors_file(meaning.index_texts(docs),
                                      lambda text: meaning.load(ROOT / meaning.MODEL_FILE).embed(text), cache)
    if kept.keys() != cache.keys():
        _keep(CACHE, meaning.write_cache(kept))
    return data


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _keep(path: Path, data: bytes) -> None:
    try:
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")   # (two builds at once: two files)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as err:
        log.info("search: cannot keep the sections' meaning in %s (%s); every build reads them again",
                 path.name, err.strerror)
