"""Search figures of a built site: each query of each set typed into its search box in Chromium.

    .venv/bin/python scripts/search_eval.py SITE [SET.yaml ...]

SITE is a site built for http://127.0.0.1:8000/aws-notes/ (`.venv/bin/mkdocs build -d SITE`).
Without sets, every query set in tests/ (search_*.yaml). A query is first when the first result
links to a section that holds every `must` fact (lower-cased) and is at most 350 words; prints
top-1, top-3 and MRR a set, as a table. The same judging as the search tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, SubPathServer  # noqa: E402
from searching import QUERY_SETS, figures, load, ranks_of, search_page  # noqa: E402

PORT = 8000   # the site's default address: the search index's links are built for it


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0])
    names = argv[1:] or sorted(p.name for p in QUERY_SETS.glob("search_*.yaml"))
    from playwright.sync_api import sync_playwright

    server = SubPathServer(site, port=PORT)
    print("| set | queries | top-1 | top-3 | MRR |\n|---|---|---|---|---|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name in names:
                queries = load(name) if "/" not in name else yaml.safe_load(Path(name).read_text(encoding="utf-8"))
                page = search_page(server, browser)
                got = figures(ranks_of(page, queries, site))
                page.close()
                print(f"| {Path(name).name} | {len(queries)} | {got['top1']:.3f} | {got['top3']:.3f} | {got['mrr']:.3f} |")
            browser.close()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
