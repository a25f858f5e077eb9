"""Cross-links: mentions of services and topics that have a page or section of their own.

One regex holds every linkable name, so each line is scanned once however many names there
are. Within a section each target is linked at its first mention only, and a section never
links to itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote

from . import data
from .assemble import Page, Topic
from .shapes import github_id, typed_heading
from .trie import trie_pattern

MIN_TOPIC_WORDS = 2     # "Monitoring", "Cluster": too common to link on every mention
MAX_TOPIC_WORDS = 4
PLAIN_TITLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]*[A-Za-z0-9]$")
QUESTION = re.compile(r"^(how|what|why|which|where|when)\b", re.IGNORECASE)
SEPARATOR = re.compile(r"^[\s\-:]+")
HOME = "index.md"   # the home page's file, where a link to the whole notes file leads
# Bitbucket's id for a heading is GitHub's with this in front ("#markdown-header-versioning").
BITBUCKET_ID_PREFIX = "markdown-header-"
# A link the author made to a notes file by its path ("../compute/eks.md", "s3.txt#versioning"):
# no scheme, a notes file's suffix.
NOTES_FILE_LINK = re.compile(r"^(?![A-Za-z][A-Za-z0-9+.-]*:)[^#?]*?(?P<stem>[^/#?]+)\.(?:md|markdown|txt|text|org|rst)"
                             r"(?:#(?P<anchor>[^?]*))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """Where a name links to: a page, and a section on it ("" for the page itself)."""

    page: str
    anchor: str = ""

    def url(self) -> str:
        return f"{self.page}.md" + (f"#{self.anchor}" if self.anchor else "")


@dataclass
class Linker:
    """All linkable names of a site, compiled into one pattern."""

    targets: dict[str, Target]
    pattern: re.Pattern[str] | None
    made: list[tuple[str, str, str]] = field(default_factory=list)   # (page, term, url)
    slugs: frozenset[str] = frozenset()
    # Each section by its id here and by the id GitHub gives its heading: the author's links.
    sections: dict[str, Target] = field(default_factory=dict)
    # The author's notes files by name without suffix ("readme"): a link to one of them from its
    # own lines ("README.md#table-of-contents") leads to a section of the site, or to its home.
    notes_stems: frozenset[str] = frozenset()
    file_pages: dict[str, str] = field(default_factory=dict)   # a notes file's name -> its one page
    # Each notes file by its path in lower case, "/" between folders -> its one page, or None
    # for a file whose notes went to several.
    file_paths: dict[str, str | None] = field(default_factory=dict)
    page_sections: dict[tuple[str, str], Target] = field(default_factory=dict)   # (page, id) -> its section

    def heading(self, anchor: str, page: str | None = None) -> Target | None:
        """Where a link's anchor to a heading leads: that page's section of it first, if a
        page is given, then the section of that id anywhere; None for no such heading."""
        ids = _heading_ids(anchor)
        return next((self.page_sections[(page, ident)] for ident in ids if (page, ident) in self.page_sections), None) \
            or next((self.sections[ident] for ident in ids if ident in self.sections), None)

    def file_page(self, path: str, stem: str) -> str | None:
        """The one page of the notes file a link's path names, by as much of its path as the
        link gives: "./services/s3/README.md" among a README a folder. Where that names no
        file, or several, by the file's name alone (None where that is several files)."""
        parts = [part for part in unquote(path).lower().split("/") if part not in ("", ".", "..")]
        found = {file: page for file, page in self.file_paths.items() if file.split("/")[-len(parts):] == parts}
        if len(found) == 1:
            return next(iter(found.values()))
        return self.file_pages.get(stem)

    def for_section(self, page: str, section: str) -> "SectionLinks":
        return SectionLinks(self, page, section)


@dataclass
class SectionLinks:
    """Link finding for one section: remembers which targets it has linked already."""

    linker: Linker
    page: str
    section: str
    linked: set[Target] = field(default_factory=set)

    def seen(self, url: str) -> None:
        """The author linked to `url` here already: a target there is not linked again."""
        page, _, anchor = url.partition("#")
        if page.endswith(".md"):
            self.linked.add(Target(page[:-3], anchor))

    def author_link(self, url: str) -> str | None:
        """Where on this site a link the author made to one of their notes files, or to a
        heading of their file, leads: the page of that name, or of the service it names
        ("eks.md", "../elastic-beanstalk.md"), or the section ("#backup--restore"); None for
        any other link. The author's paths and ids are not the site's, so they lead nowhere."""
        if url.startswith("#"):
            return self._section(url[1:])
        match = NOTES_FILE_LINK.match(url)
        if match is None:
            return None
        stem = unquote(match["stem"]).lower()   # "Storage%20notes.md": a name with spaces
        anchor = match["anchor"] or ""
        if stem in self.linker.slugs:
            # The page's section of that heading; else where that heading went (a page of its
            # own); else the page.
            return (self.linker.heading(anchor, stem) or Target(stem)).url()
        if stem in self.linker.notes_stems:
            # A heading of the file: its section. Else the file's one page, or, for a file that
            # is the whole site, the home page, which shows its title and table of contents.
            target = self.linker.heading(anchor)
            if target is not None:
                return target.url()
            page = self.linker.file_page(url.partition("#")[0], stem)
            return Target(page).url() if page is not None else HOME
        target = self.linker.targets.get(_key(re.sub(r"[-_]+", " ", stem)))
        return Target(target.page).url() if target is not None else None

    def _section(self, anchor: str) -> str | None:
        """Where a link to a heading of the author's one file leads ("#backup--restore", as
        GitHub makes ids, from a table of contents): that section, now perhaps on another page."""
        # This page's own section of that heading first (a vault's notes each have a "Pricing").
        target = self.linker.heading(anchor, self.page)
        if target is None:
            return None
        if target.page == self.page:
            # A section of this page by its id here ("#backup--restore" is "#backup-restore"),
            # or the page's own title: its top.
            return f"#{target.anchor}" if target.anchor else "#"
        return target.url()

    def in_heading(self) -> "HeadingLinks":
        return HeadingLinks(self)

    def __call__(self, prose: str) -> list[tuple[int, int, str]]:
        if self.linker.pattern is None:
            return []
        spans = []
        for match in self.linker.pattern.finditer(prose):
            target = self.linker.targets[_key(match.group(0))]
            if target in self.linked or target.page == self.page and target.anchor in ("", self.section):
                continue
            self.linked.add(target)
            spans.append((match.start(), match.end(), target.url()))
            self.linker.made.append((self.page, match.group(0), target.url()))
        return spans


class HomeLinks(SectionLinks):
    """The home page's: the author's own links lead where their targets now are; no mention is
    linked (the home page lists every page and topic already)."""

    def __call__(self, prose: str) -> list[tuple[int, int, str]]:
        return []


@dataclass
class HeadingLinks:
    """A heading's own links (the author's "## [Lambda](AWS Lambda.md)"), led where they go; no
    link is added to it: the contents and the home page show each heading inside a link."""

    section: SectionLinks

    def author_link(self, url: str) -> str | None:
        return self.section.author_link(url)

    def __call__(self, prose: str) -> list[tuple[int, int, str]]:
        return []


def _heading_id(anchor: str) -> str:
    """A link's id of a heading as GitHub would give it: Bitbucket's without its prefix."""
    return anchor[len(BITBUCKET_ID_PREFIX):] if anchor.startswith(BITBUCKET_ID_PREFIX) else anchor


def _heading_ids(anchor: str) -> list[str]:
    """The ids a link's anchor may mean: GitHub's (or Bitbucket's), or, as Obsidian writes its
    links to headings, the heading's own words ("VPC%20CIDR": the heading "VPC CIDR")."""
    if not anchor:
        return []
    return list(dict.fromkeys([_heading_id(anchor), github_id(unquote(anchor))]))


def _key(text: str) -> str:
    key = " ".join(text.lower().split())
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def linker(pages: list[Page], notes_files: list[str] = ()) -> Linker:
    """The linker for a site: its services that have pages, and its topics' names.
    `notes_files`: the paths of the notes files the pages were made from."""
    targets: dict[str, Target] = {}
    slugs = {p.slug for p in pages}
    topics_by_title = {(p.slug, _key(t.title)): t for p in pages for t in p.topics}
    # A sub-service has its own page where the notes lack its parent's (assemble.assemble).
    own_pages = {p.title: p.slug for p in pages}
    for service in data.services():
        slug = service.page if service.page in slugs else own_pages.get(service.name)
        if slug is None:
            continue
        own_section = topics_by_title.get((slug, _key(service.name)))
        target = Target(slug, own_section.id if own_section else "")
        for name in service.spellings():
            if name == service.abbr and len(name) < 3:
                continue
            targets.setdefault(_key(name), target)
    every_service = {n.lower() for s in data.services() for n in s.spellings()}
    for page in pages:
        own = {n.lower() for s in data.services() if s.page == page.slug for n in s.spellings()}
        for topic in sorted(page.topics, key=lambda t: t.node.level):
            for name in _topic_names(topic, own, every_service):
                targets.setdefault(_key(name), Target(page.slug, topic.id))
    sections: dict[str, Target] = {}
    for page in pages:
        for topic in page.topics:
            sections.setdefault(topic.id, Target(page.slug, topic.id))
            sections.setdefault(github_id(topic.title), Target(page.slug, topic.id))
        # A page's own headings as typed ("# Elastic Load Balancers (ELB)"), and its title.
        typed = [m["title"] for line in page.headings if (m := typed_heading(line.text))]
        for title in [page.title, *typed]:
            sections.setdefault(github_id(title), Target(page.slug))
    # Each page's sections by their own ids first, then by their headings' words: the words give
    # an id another section may have ("Spot Instances" under "Purchasing options" is
    # "purchasing-options-spot-instances", and "spot-instances" is another's).
    page_sections: dict[tuple[str, str], Target] = {}
    for page in pages:
        for topic in page.topics:
            page_sections[(page.slug, topic.id)] = Target(page.slug, topic.id)
        for topic in page.topics:
            page_sections.setdefault((page.slug, github_id(topic.title)), Target(page.slug, topic.id))
    stems = frozenset(PurePosixPath(path).stem.lower() for path in notes_files)
    # A notes file whose notes all stand on one page (a note of a vault, one file a service)
    # is that page; the pages of a file that gave several are its home.
    by_path: dict[str, set[str]] = {}
    for page in pages:
        for path in {line.path for line in page.source_lines()}:
            by_path.setdefault(path, set()).add(page.slug)
    by_file: dict[str, set[str]] = {}
    for path, found in by_path.items():
        by_file.setdefault(PurePosixPath(path).stem.lower(), set()).update(found)
    file_pages = {stem: next(iter(found)) for stem, found in by_file.items() if len(found) == 1}
    file_paths = {path.lower(): next(iter(found)) if len(found) == 1 else None for path, found in by_path.items()}
    if not targets:
        return Linker(targets, None, slugs=frozenset(slugs), sections=sections, notes_stems=stems,
                      file_pages=file_pages, file_paths=file_paths, page_sections=page_sections)
    names = trie_pattern(list(targets), escape=lambda c: r"\s+" if c == " " else re.escape(c))
    return Linker(targets, re.compile(rf"(?<![\w\-/.])(?:{names})s?(?![\w\-/])", re.IGNORECASE),
                  slugs=frozenset(slugs), sections=sections, notes_stems=stems, file_pages=file_pages,
                  file_paths=file_paths, page_sections=page_sections)


def _topic_names(topic: Topic, own_service: set[str], every_service: set[str]) -> list[str]:
    """A topic's linkable names: its title, and its title without its page's service in front.

    A name that starts with another service ("IAM permissions" on the Systems Manager page,
    "CloudWatch metrics" on the EC2 page) is about that service in general, not this topic.
    """
    title = topic.title
    if QUESTION.match(title) or not PLAIN_TITLE.match(title):
        return []
    names = [title]
    prefix = next((s for s in sorted(own_service, key=len, reverse=True)
                   if title.lower().startswith(s + " ") or title.lower().startswith(s + "-")), None)
    if prefix:
        names.append(SEPARATOR.sub("", title[len(prefix):]))
    return [n for n in names if MIN_TOPIC_WORDS <= len(n.split()) <= MAX_TOPIC_WORDS
            and (n.split()[0].lower() in own_service or n.split()[0].lower() not in every_service)]
