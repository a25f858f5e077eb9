"""Each section's meaning for search: the site's sentence model reads every entry of the search
index at build time (`notesite.meaning`), and the vectors go beside the index as
`assets/section-meaning.bin`, where the search worker compares a question with them. What a
build read is kept in `.notes-meaning` (not committed), so a save reads only what it changed.
A missing or changed model file stops the build, naming it."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).absolute().parent.parent  # not resolve(): a test project links hooks/ in
CACHE = ROOT / ".notes-meaning"
OUT = "assets/section-meaning.bin"
log = logging.getLogger("mkdocs.hooks.section_meaning")


def on_post_build(config, **kwargs) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from notesite import NotesError, meaning

    try:
        # Checked on every build: the browser reads this file, whatever the cache holds.
        meaning.check(ROOT / meaning.MODEL_FILE)
    except NotesError as err:
        raise PluginError(f"search: {err}") from None
    site = Path(config["site_dir"])
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    try:
        cache = meaning.read_cache(CACHE.read_bytes())
    except OSError:
        cache = {}
    # The model is read (once a process) only when a passage is new.
    data, kept = meaning.vectors_file(meaning.index_texts(docs),
                                      lambda text: meaning.load(ROOT / meaning.MODEL_FILE).embed(text), cache)
    (site / OUT).write_bytes(data)
    if kept.keys() != cache.keys():
        try:
            temp = CACHE.with_suffix(".tmp")
            temp.write_bytes(meaning.write_cache(kept))
            os.replace(temp, CACHE)
        except OSError as err:
            log.info("search: cannot keep the sections' meaning in %s (%s); every build reads them again",
                     CACHE.name, err.strerror)
