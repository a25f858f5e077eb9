"""When each section last changed, and where its lines are: from the repository's history of
the notes lines the section came from (`assets/sources.json`, written by the cleanup).

Pure functions over `git blame` output and the sources, plus `read_blame`, the one that runs
git. The build hook joins them; no other site generator knows a section's own source lines.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import html
import json
import re
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .sanitize import clean

SOURCES_FILE = "assets/sources.json"   # written by the cleanup (render_sources), read here
DAY = "%Y-%m-%d"   # a change's day, as the pages and the feed show it
RECENT_SECTIONS = 10
FEED_ENTRIES = 30
UNCOMMITTED = "0" * 40
BLAME_HEADER = re.compile(r"^([0-9a-f]{40}) \d+ (\d+)")
# Dates a page can show: a commit's author time is whatever its author's clock (or hand) said.
FIRST_TIME, LAST_TIME = 0, 253402300799      # 1970-01-01 to 9999-12-31, UTC
# Characters XML 1.0 cannot hold at all (the feed would not parse): C0 controls but tab and
# line breaks, surrogates, U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Controls that show as nothing, or reorder the text around them, in a name on the page.
HIDDEN_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# A heading, and the paragraph after it when that is the line's lead ("Spread - spreads
# instances..."): the section's dates go after the lead, which reads as one line with its heading.
HEADING = re.compile(r'(?P<heading><h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>.*?</h(?P=level)>)'
                     r'(?P<lead>\s*<p>.*?</p>)?', re.DOTALL)


@dataclass(frozen=True, slots=True)
class LineChange:
    """The commit that last changed one line of a notes file."""

    commit: str
    author: str
    when: int            # author time, seconds since the epoch


@dataclass(frozen=True, slots=True)
class Section:
    """A section, the notes lines it came from, and when they last changed (if known)."""

    page: str
    id: str
    page_title: str
    title: str
    path: str
    first: int
    last: int
    changed: LineChange | None = None
    lead: bool = False       # its heading line went on after the title ("Spread - spreads...")

    @property
    def location(self) -> str:
        return f"{self.page}/#{self.id}"

    @property
    def date(self) -> str:
        return _utc(self.changed.when).strftime(DAY) if self.changed else ""


@dataclass(frozen=True, slots=True)
class Repository:
    """Where the notes are published for reading and editing: `repo_url` and the branch."""

    url: str
    branch: str
    prefix: str = ""     # the project's folder in the repository ("" at its root; "site/" below it)

    def view(self, section: Section) -> str:
        return f"{self.url.rstrip('/')}/blob/{self.branch}/{self.prefix}{section.path}#L{section.first}-L{section.last}"

    def edit(self, section: Section) -> str:
        return f"{self.url.rstrip('/')}/edit/{self.branch}/{self.prefix}{section.path}"


def parse_blame(porcelain: str) -> list[LineChange | None]:
    """`git blame --line-porcelain` to the change of each line (index 0 is line 1); None for a
    line not committed yet."""
    lines: dict[int, LineChange | None] = {}
    commit, number, author, when = "", 0, "", 0
    for row in porcelain.splitlines():
        header = BLAME_HEADER.match(row)
        if header:
            commit, number = header[1], int(header[2])
        elif row.startswith("author "):
            author = row[len("author "):]
        elif row.startswith("author-time "):
            value = row[len("author-time "):]
            when = int(value) if value.lstrip("-").isdigit() else -1   # -1: a date no page shows
        elif row.startswith("\t"):
            lines[number] = None if commit == UNCOMMITTED else LineChange(commit, author, when)
    return [lines.get(n) for n in range(1, max(lines, default=0) + 1)]


def sections(sources: dict, blames: dict[str, list[LineChange | None]]) -> list[Section]:
    """Every section with the latest change among its own lines."""
    out = []
    for page, about in sources.items():
        for ident, section in about["sections"].items():
            first, last = section["lines"]
            changes = [c for c in blames.get(section["path"], [])[first - 1:last] if dated(c)]
            out.append(Section(page, ident, about["title"], section["title"], section["path"], first, last,
                               max(changes, key=lambda c: c.when) if changes else None, section.get("lead", False)))
    return out


def dated(change: LineChange | None) -> bool:
    """Whether a line's change has a date a page can show (a commit dated in the year 3170843
    has none: its lines show no date rather than stop the build)."""
    return change is not None and FIRST_TIME <= change.when <= LAST_TIME


def undated_commits(blames: dict[str, list[LineChange | None]]) -> list[str]:
    """Commits whose dates are out of range, for the build to say so."""
    return sorted({c.commit for changes in blames.values() for c in changes if c is not None and not dated(c)})


def shown_name(name: str) -> str:
    """An author's name with what shows as nothing or reorders text removed."""
    return " ".join(HIDDEN_IN_NAME.sub("", name).split())


def recent(all_sections: list[Section], limit: int) -> list[Section]:
    """The sections changed most recently, newest first (then in page order)."""
    with_dates = [s for s in all_sections if s.changed is not None]
    return sorted(with_dates, key=lambda s: -s.changed.when)[:limit]


def decorate_article(page_html: str, by_id: dict[str, Section], repository: Repository | None,
                     sanitized: Callable[[str], str] = clean) -> str:
    """A whole built page with its article's sections decorated (see `decorate`): the site
    generator's search has read the page by then, so the lines are never parsed for the index,
    which they stay out of (a fifth of a 30x build's hooks went to reading them there)."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    if start < 0 or end < start:
        return page_html
    return page_html[:start] + decorate(page_html[start:end], by_id, repository, sanitized) + page_html[end:]


def decorate(page_html: str, by_id: dict[str, Section], repository: Repository | None,
             sanitized: Callable[[str], str] = clean) -> str:
    """Under each heading of a page, when its section last changed and links to its notes lines.
    Kept out of search: a section's text is what the author wrote. Each line passes the site's
    sanitizer (`sanitized`: `sanitize.clean`, or the same kept from the last build): it reaches
    the page after the one every page's content passes."""
    def add(match: re.Match) -> str:
        section = by_id.get(match["id"])
        if section is None:
            return match[0]
        line = _source_line(section, repository)
        line = sanitized(line) if line else line
        lead = match["lead"] or ""
        return match["heading"] + (lead + line if section.lead else line + lead)

    return HEADING.sub(add, page_html)


def _source_line(section: Section, repository: Repository | None) -> str:
    parts = []
    if section.changed:
        parts.append(_changed(section.changed))
    if repository:
        parts.append(f'<a href="{html.escape(repository.view(section))}">View in the notes</a>')
        parts.append(f'<a href="{html.escape(repository.edit(section))}">Edit</a>')
    if not parts:
        return ""
    return f'\n<p class="notes-source" data-search-exclude>{" · ".join(parts)}</p>'


def with_recent(home_html: str, changed: list[Section]) -> str:
    """The home page with the recently changed sections listed before the first service."""
    listed = recent_html(changed)
    first_service = home_html.find("<h2")
    if not listed or first_service < 0:
        return home_html
    return home_html[:first_service] + listed + home_html[first_service:]


def recent_html(changed: list[Section]) -> str:
    """The list of recently changed sections, each a link to the section."""
    if not changed:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(s.location)}">{html.escape(s.page_title)} › {html.escape(s.title)}</a> '
        f'<time datetime="{_utc(s.changed.when).isoformat()}">{s.date}</time></li>\n' for s in changed)
    return (f'<h2 id="recently-changed">Recently changed</h2>\n'
            f'<ul class="notes-recent" data-search-exclude>\n{items}</ul>\n')


def atom_feed(changed: list[Section], site_url: str, site_name: str) -> str:
    """An Atom feed of the recently changed sections, each entry linking to its share page."""
    base = site_url.rstrip("/") + "/"
    updated = _utc(changed[0].changed.when).isoformat() if changed else "1970-01-01T00:00:00+00:00"
    entries = []
    for s in changed:
        link = f"{base}s/{s.page}/{s.id}/"
        name = shown_name(s.changed.author)
        author = f"<author><name>{_xml(name)}</name></author>" if name else ""
        entries.append(
            f"<entry><title>{_xml(f'{s.page_title} › {s.title}')}</title>"
            f'<link href="{html.escape(link)}"/><id>{html.escape(link)}#{s.changed.commit[:12]}</id>'
            f"<updated>{_utc(s.changed.when).isoformat()}</updated>{author}"
            f"<summary>Changed {s.date} ({html.escape(s.path)}, lines {s.first}-{s.last})</summary></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{_xml(site_name)}: recently changed</title>"
            f'<link href="{html.escape(base)}"/><link rel="self" href="{html.escape(base)}feed.xml"/>'
            f"<id>{html.escape(base)}</id><updated>{updated}</updated>\n" + "\n".join(entries) + "\n</feed>\n")


def _xml(text: str) -> str:
    return html.escape(NOT_XML.sub("", text))


@functools.lru_cache(maxsize=4096)
def _changed(change: LineChange) -> str:
    """When and by whom: made once for each commit, which dates many sections."""
    name = shown_name(change.author)
    # In <bdi>: a name in a right-to-left script never reorders the words around it.
    who = f" by <bdi>{html.escape(name)}</bdi>" if name else ""
    when = _utc(change.when)
    return f'<time datetime="{when.isoformat()}">Changed {when.strftime(DAY)}</time>{who}'


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


MAILMAP = ".mailmap"


def repository_prefix(root: Path) -> str:
    """The project's folder inside its repository, as links to the repository host need it:
    "" at the repository's root, "docs-site/" in a subfolder; "" when there is no repository."""
    try:
        return _git(root, "rev-parse", "--show-prefix").strip()
    except NoHistory:
        return ""


class NoHistory(Exception):
    """Why the notes' history cannot be read (not a repository, a shallow clone, no git)."""


def read_blame(root: Path, paths: list[str], cache: Path) -> dict[str, list[LineChange | None]]:
    """Each notes file's line changes, from git. A file is blamed again only when its committed
    content, the commit that last touched it (an amended author is another commit) or `.mailmap`
    changed; its lines edited but not committed yet are matched to the committed ones by their
    text, never by running git blame: a save while serving costs no blame at all."""
    shallow, _ = _git(root, "rev-parse", "--is-shallow-repository", "HEAD:./notes").split()
    if shallow == "true":
        raise NoHistory("this is a shallow clone: fetch the full history (fetch-depth: 0) for section dates")
    mailmap = hashlib.sha256(_read(root / MAILMAP) or b"").hexdigest()
    committed = _committed_blobs(root, paths)
    saved = _load(cache)
    kept: dict[str, dict] = {}
    blames: dict[str, list[LineChange | None]] = {}
    for path in paths:
        blob = committed.get(path)
        if blob is None:
            blames[path] = []   # not committed yet: no dates until it is
            continue
        last = _git(root, "log", "-1", "--format=%H", "--", path).strip()
        key = hashlib.sha256(f"{last}\0{blob}\0{mailmap}".encode()).hexdigest()
        entry = saved.get(path)
        changes = _cached_changes(entry) if isinstance(entry, dict) and entry.get("key") == key else None
        if changes is None:
            changes = _blame(root, path)
            entry = {"key": key, **_cache_entry(changes)}
        kept[path] = entry
        working = _read(root / path)
        if working is not None and _blob_id(working) != blob:
            changes = _carried(_git(root, "show", f"HEAD:./{path}"), working, changes)
        blames[path] = changes
    # Only a cache: a project folder that cannot be written costs the next build a blame, no more.
    if kept != saved:
        with contextlib.suppress(OSError):
            cache.write_text(json.dumps({"files": kept}))
    return blames


def _cache_entry(changes: list[LineChange | None]) -> dict:
    """A file's line changes as kept: each change once, and each line its change's index (-1:
    none). A file's lines come from a few commits: this is read at every build, and 30,000
    lines as 30,000 lists took a tenth of the history's time."""
    distinct: dict[LineChange, int] = {}
    lines = [-1 if c is None else distinct.setdefault(c, len(distinct)) for c in changes]
    return {"distinct": [[c.commit, c.author, c.when] for c in distinct], "lines": lines}


def _cached_changes(entry: dict) -> list[LineChange | None] | None:
    """A file's line changes from its kept entry; None if the entry is not of this shape."""
    try:
        distinct = [LineChange(str(commit), str(author), int(when)) for commit, author, when in entry["distinct"]]
        return [distinct[i] if i >= 0 else None for i in entry["lines"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _carried(committed: str, working: bytes, changes: list[LineChange | None]) -> list[LineChange | None]:
    """The committed lines' changes carried to the lines of the working copy that hold the same
    text; the other lines are not committed yet."""
    old, new = (text.split("\n") for text in (committed, working.decode("utf-8", errors="replace")))
    for lines in (old, new):
        if lines and lines[-1] == "":
            lines.pop()   # the line break that ends a file starts no line (git counts LFs only)
    # A save changes a few lines: the lines before and after them are matched one for one, and
    # only those between are diffed (a diff of 5,000 lines at 10x notes cost 0.3 s a save).
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    pairs = [(i, i) for i in range(head)]
    pairs += [(len(old) - tail + i, len(new) - tail + i) for i in range(tail)]
    middle = difflib.SequenceMatcher(None, old[head:len(old) - tail], new[head:len(new) - tail], autojunk=False)
    pairs += [(head + block.a + i, head + block.b + i) for block in middle.get_matching_blocks() for i in range(block.size)]
    carried: list[LineChange | None] = [None] * len(new)
    for a, b in pairs:
        if a < len(changes):
            carried[b] = changes[a]
    return carried


def _committed_blobs(root: Path, paths: list[str]) -> dict[str, str]:
    """Each notes file's blob in the last commit (one git command for all of them)."""
    if not paths:
        return {}
    listing = _git(root, "ls-tree", "-z", "HEAD", "--", *paths)   # -z: names as they are, unquoted
    blobs = {}
    for row in listing.split("\0"):
        meta, _, path = row.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def _blob_id(data: bytes) -> str:
    """The id git gives a file's content, to tell an edited working copy from the committed one."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _load(cache: Path) -> dict:
    try:
        files = json.loads(cache.read_text()).get("files")
    except (OSError, ValueError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}


def _blame(root: Path, path: str) -> list[LineChange | None]:
    """The committed content's line changes (HEAD's, not the working copy's)."""
    try:
        return parse_blame(_git(root, "blame", "--line-porcelain", "HEAD", "--", path))
    except NoHistory:
        return []


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError:
        raise NoHistory("git is not installed: section dates need it") from None
    # Names and messages are whatever bytes their authors' tools wrote: read leniently.
    stdout, stderr = (out.decode("utf-8", errors="replace") for out in (done.stdout, done.stderr))
    if done.returncode != 0:
        why = (stderr.strip().splitlines() or ["git failed"])[-1]
        raise NoHistory(f"the notes have no git history here ({why})")
    return stdout
