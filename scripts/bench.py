"""Benchmark the pipeline at 1x, 10x and 100x the real notes, and print a table.

    python scripts/bench.py [--scales 1 10 100] [--no-browser] [--no-serve] [--hostile-only]

Builds run in /dev/shm (memory) when the machine has it, else in the temp folder (--work).
Each scale is the real notes repeated, every copy's services renamed so that they become pages
of their own. For each: cleanup time, `mkdocs build` time with the project's hooks and with the
hooks removed from the config, the build's peak memory, the site's size and search index size,
the bytes the first search loads (first_search_kib, gzipped), and (in Chromium) the time from a
keystroke in the search box to the results on screen (first_search_ms for the first query after
the box is opened, which may wait for the word vectors; search_ms the median of the next ones).

Columns: cleanup_s (notes to written pages, from an empty docs folder; cleanup_write_s of it
is writing the files); build_hooks_cold_s (a build whose hook re-reads the notes, as after a
save: the record of what the pages were made from is made stale); build_hooks_s (a build whose
hook finds nothing changed); build_plain_s (hooks removed from the config); hooks_overhead
(warm build with hooks over plain, within the builds' noise); hook_s (the hook's own time in a warm build) and hook_share (of a plain build); cleanup_share
(cleanup over the plain build); history_s (the section history's own time: git blame of the
notes, every page's dates and links, the feed) and history_cached_s (the same when the notes'
commit is unchanged: the blame comes from the cache), history_share (history_s over a plain
build); save_served_s (under `mkdocs serve`, a bullet added to the notes until EC2's page
shows it, the median of three saves) beside save_plain_s (the same bullet added to the generated
page in docs/, served by plain Material without the hooks), save_ratio (the two), and
save_cleanup_s (the cleanup's own part of such a save, in the process that made the pages
before, as the server's is; the history's part is history_cached_s, the rest is MkDocs').

A second table times the cleanup on hostile shapes of input that once took time growing with
the square of their size, each at two sizes: the time must stay under HOSTILE_BUDGET_S at the
larger, and grow about as the input's text does (text_growth).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from notesite import build, write, write_registry  # noqa: E402

NOTES = ROOT / "notes" / "aws-sysops.txt"
TOP_HEADING = re.compile(r"(?m)^(#{1,2}) ?(?!Notes)(.+?)\s*$")
BUILD_RUNS = 3
# Built in memory where the machine has it: a virtual disk varies the time to write the site's
# 10,000 files at 100x by four times between runs, which would swamp what is being measured.
MEMORY_DISK = Path("/dev/shm")
SEARCHES = ["spot block", "InstanceLimitExceeded", "maintainance window", "EIP", "how do I change the instance type"]


def scaled_notes(copies: int) -> str:
    """The notes `copies` times; copy k's page headings read "Volume k, part n", which names no
    service (a title that names one anywhere goes to that service's page), so that every copy's
    pages are pages of their own."""
    text = NOTES.read_text(encoding="utf-8")
    parts = [text]
    for k in range(2, copies + 1):
        number = iter(range(1, 1_000_000))
        copy = TOP_HEADING.sub(lambda m, k=k: f"{m.group(1)} Volume {k}, part {next(number)}", text)
        parts.append(re.sub(r"(?m)^# Notes.*$", "", copy))
    return "\n".join(parts)


def project(folder: Path, notes: str, hooks: bool) -> Path:
    folder.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text()
    if not hooks:
        config = re.sub(r"(?ms)^hooks:\n(?:  - .*\n)+", "", config)
    (folder / "mkdocs.yml").write_text(config)
    for part in ("hooks", "overrides", "notesite"):
        (folder / part).symlink_to(ROOT / part)
    (folder / "notes").mkdir()
    (folder / "notes" / "notes.txt").write_text(notes)
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets",
                    ignore=shutil.ignore_patterns("glossary.js", "sections.js", "sources.json"))
    # A repository with the notes committed, as published: the section history reads it.
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.com",
           "GIT_AUTHOR_DATE": "2030-01-01T00:00:00+00:00", "GIT_COMMITTER_DATE": "2030-01-01T00:00:00+00:00"}
    for command in (["init", "-q"], ["add", "notes"], ["commit", "-q", "-m", "notes"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=env, capture_output=True)
    return folder


def timed_build(folder: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of `mkdocs build` in a project folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    os.sync()  # the disk flushes what earlier steps wrote before, not during, the timing
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], cwd=folder, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"mkdocs build failed in {folder}: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def _as_after_a_save(folder: Path) -> None:
    """The next build's hook finds the notes changed since the pages were made, as after a save
    (whose pages here come out the same): the recorded fingerprint of its inputs is made stale,
    and the rest of the record (docs/ as the cleanup left it) kept, as a save keeps it."""
    stamp = folder / ".notes-built"
    recorded = json.loads(stamp.read_text())
    stamp.write_text(json.dumps({**recorded, "inputs": "changed since"}))


def hook_seconds(folder: Path) -> float:
    """Median time the project's hook takes in a build when the notes have not changed.

    Timed in-process, as MkDocs calls it: the difference of two whole builds is mostly noise.
    """
    spec = importlib.util.spec_from_file_location("bench_notes_sync", folder / "hooks" / "notes_sync.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    if not hook._unchanged(hook._recorded(), hook._current(folder / "docs")):
        raise SystemExit(f"{folder}: the hook would re-run the cleanup; time it after a build")
    times = []
    for _ in range(BUILD_RUNS):
        start = time.perf_counter()
        hook.on_pre_build({"docs_dir": str(folder / "docs")})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def history_seconds(folder: Path, cached: bool) -> float:
    """Median time the section history takes in a build: reading the notes' history (from git,
    or from the cache the previous build left when the notes are unchanged), decorating every
    built page and writing the feed. Timed in-process on the pages of the last build."""
    spec = importlib.util.spec_from_file_location("bench_notes_history", folder / "hooks" / "notes_history.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = {"repo_url": "https://github.com/example/aws-notes", "extra": {}, "docs_dir": str(folder / "docs"),
              "site_dir": str(folder / "site"), "site_url": "https://example.github.io/aws-notes/",
              "site_name": "notes"}
    pages = {path.parent.name: path.read_text() for path in (folder / "site").glob("*/index.html")}
    times = []
    for _ in range(BUILD_RUNS):
        if not cached:
            hook.CACHE.unlink(missing_ok=True)
        start = time.perf_counter()
        hook.on_config(config)
        hook.on_pre_build(config)
        for slug, page_html in pages.items():
            hook.history.decorate_article(page_html, hook._build["by_page"].get(slug, {}), hook._build["repository"])
        hook.on_post_build(config)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


SAVE_RUNS = 3
SAVE_POLL_S = 0.05
SAVE_TIMEOUT_S = 300


def save_to_served(with_hooks: Path, plain: Path) -> tuple[float, float]:
    """Median seconds from a save to the page under `mkdocs serve` showing it: the notes saved,
    with the project's hooks; and the generated page saved in docs/, for plain Material (hooks
    removed), which is all the engine itself must do. The shared tool's method: a bullet inserted
    under the first "## EC2"-style section, EC2's page fetched every 50 ms until it shows."""
    return _served_after_saves(with_hooks, with_hooks / "notes" / "notes.txt"), \
        _served_after_saves(plain, plain / "docs" / "ec2.md")


def _served_after_saves(folder: Path, saved: Path) -> float:
    from conftest import free_port

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=folder,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    page = f"http://127.0.0.1:{port}/aws-notes/ec2/"
    original = saved.read_text(encoding="utf-8")
    at = _first_ec2_bullet(original)
    times = []
    try:
        _wait_for(page, lambda html: "</html>" in html)
        for run in range(SAVE_RUNS):
            marker = f"bench marker {run} {time.time_ns()}"
            start = time.perf_counter()
            saved.write_text(original[:at] + f"- {marker}\n" + original[at:], encoding="utf-8")
            _wait_for(page, lambda html, marker=marker: marker in html)
            times.append(time.perf_counter() - start)
            time.sleep(1)   # the server settles (its build's last writes) before the next save
    finally:
        saved.write_text(original, encoding="utf-8")
        os.killpg(server.pid, 15)
        server.wait()
    return statistics.median(times)


def _first_ec2_bullet(text: str) -> int:
    """Where the first bullet after "EC2" starts: a bullet inserted there lands on EC2's page."""
    return text.index("\n- ", text.index("EC2")) + 1


def _wait_for(url: str, shown: Callable[[str], bool]) -> None:
    import urllib.request

    deadline = time.perf_counter() + SAVE_TIMEOUT_S
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if shown(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass    # the server starting, or between builds
        time.sleep(SAVE_POLL_S)
    raise SystemExit(f"{url} did not show the save within {SAVE_TIMEOUT_S} s")


def save_cleanup_seconds(with_hooks: Path) -> float:
    """The cleanup's own share of a save: the notes made into pages again in the process that
    made them before (as `mkdocs serve` does), after one bullet was added."""
    notes = with_hooks / "notes" / "notes.txt"
    original = notes.read_text(encoding="utf-8")
    build(with_hooks / "notes", registry=with_hooks / "anchors.yaml")
    at = _first_ec2_bullet(original)
    try:
        notes.write_text(original[:at] + "- one more bullet\n" + original[at:], encoding="utf-8")
        start = time.perf_counter()
        write(build(with_hooks / "notes", registry=with_hooks / "anchors.yaml"), with_hooks / "docs")
        return time.perf_counter() - start
    finally:
        notes.write_text(original, encoding="utf-8")
        write(build(with_hooks / "notes", registry=with_hooks / "anchors.yaml"), with_hooks / "docs")


def first_search_kib(site: Path) -> float:
    """KiB (gzipped, as served) the first search fetches: the site's worker, the theme's worker
    it wraps, the glossary, the section parents, the search index, and what is fetched when the
    search box is first used: the word vectors, the sentence model (with its kernel) and the
    sections' vectors. The English word list (english.js) is not counted: it is fetched only for
    a word the notes do not know."""
    assets = site / "assets"
    files = [assets / "search-worker.js", assets / "glossary.js", assets / "sections.js", assets / "word-vectors.bin",
             assets / "sentence-model.bin", assets / "sentence-model.js", assets / "sentence-kernel.wasm",
             assets / "section-meaning.bin",
             site / "search" / "search_index.json", *(assets / "javascripts" / "workers").glob("search.*.min.js")]
    return sum(len(gzip.compress(path.read_bytes(), 6)) for path in files) / 1024


def size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def search_latency_ms(site: Path) -> tuple[float, float]:
    """Time from the last keystroke to the results in Chromium: for the first query after the
    search box was opened (the word vectors and each section's meaning may still be on their
    way), and the median over the queries after it."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, SubPathServer
    from playwright.sync_api import sync_playwright

    server = SubPathServer(site)
    timings = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url, wait_until="load")
            page.locator("input.md-search__input").click()
            page.wait_for_function("() => !/initializing/i.test(document.querySelector('.md-search-result__meta')"
                                   ".textContent)", timeout=120000)
            for query in SEARCHES:
                box = page.locator("input.md-search__input")
                box.fill(query[:-1])
                start = time.perf_counter()
                box.press(query[-1])
                page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.notesQuery"
                                       " === q", arg=query, timeout=60000)
                timings.append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        server.close()
    return timings[0], statistics.median(timings[1:])


def measure(copies: int, work: Path, browser: bool, serve: bool = True) -> dict:
    notes = scaled_notes(copies)
    row = {"scale": f"{copies}x", "notes_kib": len(notes.encode()) / 1024}
    with_hooks = project(work / f"{copies}x-hooks", notes, hooks=True)
    os.sync()  # so that writing the notes is not billed to the cleanup
    start = time.perf_counter()
    site = build(with_hooks / "notes", registry=with_hooks / "anchors.yaml")
    made = time.perf_counter()
    write(site, with_hooks / "docs")
    write_registry(site, with_hooks / "anchors.yaml")
    row["cleanup_s"] = time.perf_counter() - start
    row["cleanup_write_s"] = time.perf_counter() - made
    row["pages"] = len(site.pages)
    row["sections"] = sum(len(p.topics) for p in site.pages)
    without_hooks = work / f"{copies}x-plain"
    shutil.copytree(with_hooks, without_hooks, symlinks=True)
    (without_hooks / "mkdocs.yml").write_text(re.sub(r"(?ms)^hooks:\n(?:  - .*\n)+", "",
                                                     (with_hooks / "mkdocs.yml").read_text()))
    # A cold build's hook re-reads the notes (as after a save); a warm one finds nothing changed
    # and skips the cleanup (as in CI, or a rebuild for a change outside the notes). The kinds
    # take turns, the build without hooks first in one round and last in the next (a build
    # right after another that wrote 10,000 files runs slower), and each figure is the median
    # of BUILD_RUNS: single builds on a small machine vary by a fifth.
    runs: dict[str, list[float]] = {"build_hooks_cold_s": [], "build_hooks_s": [], "build_plain_s": []}
    # One build first, untimed: the first ever, which makes what every later one finds kept
    # (the sections' meaning, read by the model once a passage; the blame; the sanitizer's
    # outputs; the record of docs/ as the cleanup left it). Its memory counts in the peak.
    peaks = [timed_build(with_hooks)[1]]
    for round_number in range(BUILD_RUNS):
        _as_after_a_save(with_hooks)
        order = [("build_plain_s", without_hooks), ("build_hooks_cold_s", with_hooks), ("build_hooks_s", with_hooks)]
        if round_number % 2:
            order = order[1:] + order[:1]
        for name, folder in order:
            seconds, peak = timed_build(folder)
            runs[name].append(seconds)
            peaks.append(peak)
    row.update({name: statistics.median(times) for name, times in runs.items()})
    row["hook_s"] = hook_seconds(with_hooks)
    row["history_s"] = history_seconds(with_hooks, cached=False)
    row["history_cached_s"] = history_seconds(with_hooks, cached=True)
    row["history_share"] = row["history_s"] / row["build_plain_s"]
    row["peak_mib"] = max(peaks)
    row["hooks_overhead"] = row["build_hooks_s"] / row["build_plain_s"] - 1
    row["hook_share"] = row["hook_s"] / row["build_plain_s"]
    row["cleanup_share"] = row["cleanup_s"] / row["build_plain_s"]
    row["site_mib"] = size_mib(with_hooks / "site")
    row["index_mib"] = (with_hooks / "site" / "search" / "search_index.json").stat().st_size / 2**20
    row["first_search_kib"] = first_search_kib(with_hooks / "site")
    row["first_search_ms"], row["search_ms"] = (search_latency_ms(with_hooks / "site") if browser
                                                else (float("nan"), float("nan")))
    row["save_cleanup_s"] = save_cleanup_seconds(with_hooks)
    row["save_served_s"], row["save_plain_s"] = save_to_served(with_hooks, without_hooks) if serve \
        else (float("nan"), float("nan"))
    row["save_ratio"] = row["save_served_s"] / row["save_plain_s"]
    return row


COLUMNS = [("scale", "{}"), ("notes_kib", "{:.0f}"), ("pages", "{}"), ("sections", "{}"), ("cleanup_s", "{:.2f}"), ("cleanup_write_s", "{:.2f}"),
           ("build_hooks_cold_s", "{:.2f}"), ("build_hooks_s", "{:.2f}"), ("build_plain_s", "{:.2f}"), ("hooks_overhead", "{:+.0%}"), ("hook_s", "{:.3f}"), ("hook_share", "{:.1%}"),
           ("history_s", "{:.3f}"), ("history_cached_s", "{:.3f}"), ("history_share", "{:.1%}"),
           ("cleanup_share", "{:.0%}"), ("peak_mib", "{:.0f}"), ("site_mib", "{:.1f}"), ("index_mib", "{:.2f}"), ("first_search_kib", "{:.0f}"),
           ("first_search_ms", "{:.0f}"), ("search_ms", "{:.0f}"), ("save_served_s", "{:.2f}"), ("save_plain_s", "{:.2f}"),
           ("save_ratio", "{:.2f}"), ("save_cleanup_s", "{:.2f}")]


HOSTILE_BUDGET_S = 2.0
# Input shapes whose cleanup must be linear: (name, sizes, notes of that size). Nesting's size is
# in levels: each line is indented one level more, so its characters grow as the square of it.
HOSTILE = [
    ("heading_chars", (20_000, 200_000), lambda n: "## EC2\n## " + ("word " * (n // 5)) + "\n- x\n"),
    ("nesting_levels", (500, 5_000), lambda n: "## EC2\nTopic\n" + "".join("  " * i + f"- level {i}\n" for i in range(n))),
    ("emphasis_depth", (100, 1_000), lambda n: "## EC2\nTopic\n- " + "*a " * n + "b" + "*" * n + "\n"),
    # Blank lines inside what may be a YAML block, under a key, and before a bracket.
    ("blank_lines", (10_000, 100_000), lambda n: "## EC2\nkey:\n  nested: 1\n" + "\n" * n + "  more: 2\n[\n"),
    # A title with a long run of blanks inside: "3 x      y (z)", read for a service's name.
    ("title_blanks", (20_000, 200_000), lambda n: "1. EC2\n- a\n\n2. S3\n- b\n\n3 x" + " " * n + "y (z)\n- c\n"),
    # One flat list with an outline of services at its end: what an outliner's export is looked for in.
    ("flat_bullets", (4_000, 40_000), lambda n: "".join(f"- note {i}\n" for i in range(n)) + "- EC2\n  - a\n- S3\n  - b\n"),
]


def hostile_rows() -> list[dict]:
    """The cleanup's time on each hostile shape, at a tenth of its size and at its size."""
    from conftest import site_from_text

    rows = []
    for name, sizes, notes in HOSTILE:
        times, lengths = [], []
        for size in sizes:
            text = notes(size)
            lengths.append(len(text))
            start = time.perf_counter()
            site_from_text(text, "notes/hostile.txt")
            times.append(time.perf_counter() - start)
        # The input's own growth beside the time's: 5,000 nesting levels are indented 2 to
        # 10,000 spaces, a hundred times the text of 500 levels, not ten.
        rows.append({"input": name, "small": sizes[0], "large": sizes[1], "small_s": times[0], "large_s": times[1],
                     "growth": times[1] / max(times[0], 1e-6), "text_growth": lengths[1] / lengths[0],
                     "within_budget": "yes" if times[1] < HOSTILE_BUDGET_S else "NO"})
    return rows


def print_hostile(rows: list[dict]) -> None:
    print(f"\nhostile input (budget {HOSTILE_BUDGET_S} s at the larger size)\n")
    print("| input | small | large | small_s | large_s | growth | text_growth | within_budget |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['input']} | {row['small']} | {row['large']} | {row['small_s']:.3f} | {row['large_s']:.3f} | "
              f"x{row['growth']:.1f} | x{row['text_growth']:.1f} | {row['within_budget']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing in Chromium")
    parser.add_argument("--no-serve", action="store_true", help="skip save -> served under mkdocs serve")
    parser.add_argument("--work", type=Path, default=MEMORY_DISK if MEMORY_DISK.is_dir() else None,
                        help=f"where to build (default: {MEMORY_DISK} if there is one, else the temp folder)")
    parser.add_argument("--hostile-only", action="store_true", help="only the table of hostile input shapes")
    args = parser.parse_args(argv)
    hostile = hostile_rows()
    if args.hostile_only:
        print_hostile(hostile)
        return 0 if all(row["within_budget"] == "yes" for row in hostile) else 1
    with tempfile.TemporaryDirectory(prefix="notesite-bench-", dir=args.work) as work:
        print(f"building in {work}\n")
        rows = [measure(n, Path(work), not args.no_browser, not args.no_serve) for n in args.scales]
    print("| " + " | ".join(name for name, _ in COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in rows:
        print("| " + " | ".join(fmt.format(row[name]) for name, fmt in COLUMNS) + " |")
    if len(rows) > 1:
        first, last = rows[-2], rows[-1]
        growth = {name: last[name] / first[name] for name in ("cleanup_s", "build_hooks_s", "site_mib", "index_mib")}
        print("\ngrowth from " + first["scale"] + " to " + last["scale"] + ": "
              + ", ".join(f"{name} x{value:.1f}" for name, value in growth.items()))
    print_hostile(hostile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
