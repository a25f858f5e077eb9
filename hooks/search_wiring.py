"""Put the site's search worker in front of the theme's, whatever the theme names its worker.

Material ships its search worker under a content-hashed name (`search.a7633da7.min.js`) that
changes with every release. The name is found here, in the installed theme, and handed to the
page template, which points the theme's config at `assets/search-worker.js?theme=<that name>`;
the site's worker then loads the theme's from its own address. If the theme's worker cannot be
found, or a page's config does not point at the site's worker, or the worker's word vectors
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
SITE_PARTS = ("assets/search-worker.js", "assets/word-vectors.bin", "assets/sentence-model.js")


def on_files(files, config, **kwargs):
    # The site's worker and what it reads beside it; without the word vectors search would
    # quietly rank by words alone.
    missing = [name for name in SITE_PARTS if files.get_file_from_path(name) is None]
    if missing:
        raise PluginError(f"search: {', '.join(missing)} missing from the site (overrides/); "
                          "restore it from the repository, or remake the vectors with scripts/distill_vectors.py")
    return files


def on_env(env, config, files, **kwargs):
    workers = sorted(name for folder in config["theme"].dirs if (Path(folder) / WORKERS).is_dir()
                     for name in _names(Path(folder) / WORKERS) if THEME_WORKER.match(name))
    if len(set(workers)) != 1:
        raise PluginError(f"search: expected one theme search worker in {WORKERS}, found {workers or 'none'}; "
                          "the site's search worker cannot be put in front of it")
    env.globals["theme_search_worker"] = f"{WORKERS}/{workers[0]}"
    return env


def on_post_page(output, page, config, **kwargs):
    if 'id="__config"' in output and SITE_WORKER not in output:
        raise PluginError(f"search: {page.file.src_uri} does not use the site's search worker; "
                          "check the config block in overrides/main.html against the theme's")
    return output


def _names(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir()]
