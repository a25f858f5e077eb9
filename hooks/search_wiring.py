"""Put the site's search worker in front of the theme's, whatever the theme names its worker.

Material ships its search worker under a content-hashed name (`search.a7633da7.min.js`) that
changes with every release. The name is found here, in the installed theme, and handed to the
page template, which points the theme's config at `assets/search-worker.js?theme=<that name>`;
the site's worker then loads the theme's from its own address. If the theme's worker cannot be
found, or no longer speaks the messages the site's worker relies on (their numbers, checked in
its code), or a page's config does not point at the site's worker, or the worker's word vectors
are missing, the build fails saying why: without them the site would quietly fall back to the
theme's plain search, or to ranking by words alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

WORKERS = "assets/javascripts/workers"
THEME_WORKER = re.compile(r"^search\.[0-9a-f]+\.min\.js$")
SITE_WORKER = "assets/search-worker.js?theme="
# The messages the site's worker reads and writes, as the theme's worker handles them: setup (0,
# the index's config) answered by ready (1), a query (2) answered by a result (3). Minified
# names change; these numbers and shapes are the protocol.
THEME_MESSAGES = re.compile(r"case 0:.{0,160}?\.data\.config.{0,160}?\{type:1\}.{0,40}?case 2:.{0,120}?\{type:3,data:", re.S)
SITE_PARTS = ("assets/search-worker.js", "assets/search-ranking.js", "assets/word-vectors.bin", "assets/sentence-model.js",
              "assets/sentence-kernel.wasm")


def on_files(files, config, **kwargs):
    # The site's worker and what it reads beside it; without the word vectors search would
    # quietly rank by words alone.
    missing = [name for name in SITE_PARTS if files.get_file_from_path(name) is None]
    if missing:
        raise PluginError(f"search: {', '.join(missing)} missing from the site (overrides/); "
                          "restore it from the repository, or remake the vectors with scripts/distill_vectors.py "
                          "(the kernel with scripts/make_kernel.py)")
    return files


def on_env(env, config, files, **kwargs):
    workers = sorted(name for folder in config["theme"].dirs if (Path(folder) / WORKERS).is_dir()
                     for name in _names(Path(folder) / WORKERS) if THEME_WORKER.match(name))
    if len(set(workers)) != 1:
        raise PluginError(f"search: expected one theme search worker in {WORKERS}, found {workers or 'none'}; "
                          "the site's search worker cannot be put in front of it")
    source = next(Path(folder) / WORKERS / workers[0] for folder in config["theme"].dirs
                  if (Path(folder) / WORKERS / workers[0]).is_file())
    if not THEME_MESSAGES.search(source.read_text(encoding="utf-8", errors="replace")):
        raise PluginError(f"search: the theme's worker {workers[0]} no longer sets up on message 0 and answers "
                          "message 2 with message 3; the site's worker (overrides/assets/search-worker.js: SETUP, "
                          "QUERY, RESULT) must be brought in line with the theme's before it can stand in front of it")
    env.globals["theme_search_worker"] = f"{WORKERS}/{workers[0]}"
    return env


def on_post_page(output, page, config, **kwargs):
    if 'id="__config"' in output and SITE_WORKER not in output:
        raise PluginError(f"search: {page.file.src_uri} does not use the site's search worker; "
                          "check the config block in overrides/main.html against the theme's")
    return output


def _names(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir()]
