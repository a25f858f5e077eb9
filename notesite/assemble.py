"""Page drafts to service pages: which service a heading names, merging, and stable section ids."""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from . import data, naming, spelling
from .inline import Segment, normalizer, plain_from, words
from .outline import Outline
from .shapes import GLYPHS, Node
from .source import SourceLine

MAX_ID_LENGTH = 60
# A description's length at most: a search result or a chat's link preview shows about this much.
DESCRIPTION_CHARS = 200
# File names the site itself uses: the home page, share pages, assets, the theme's pages.
RESERVED_SLUGS = frozenset({"index", "s", "assets", "404", "search", "sitemap"})
NOT_SLUG = re.compile(r"[\W_]+")
# What slugify makes: lower-case letters (of any script) and digits, joined by single hyphens.
SLUG_FORM = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# A line's bullet marks ("- ", "-x", "• ", "* "), not the "**" of bold text that starts it.
LEADING_MARKERS = re.compile(rf"^(?:[-{GLYPHS}]\s*|[*+–]\s+)+")


@dataclass
class Topic:
    """A section of a page: its heading, id and the nodes under it up to the next heading."""

    node: Node
    title: str              # cleaned plain text
    markdown: str = ""      # cleaned inline Markdown
    id: str = ""
    first_line: str = ""    # the raw line under the heading, to tell same-named headings apart
    position: int = 0       # where the heading is among the page's nodes
    parent: "Topic | None" = None


@dataclass
class Page:
    """One generated page: a service (or an unknown heading) and everything noted under it."""

    slug: str
    title: str
    summary: str            # one line for the home page, above the page's topics
    headings: list[SourceLine] = field(default_factory=list)
    lead: list[SourceLine] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    members: list["Page"] = field(default_factory=list)   # the pages its heading groups
    english: bool = True      # all its notes files read as English: their misspellings may be fixed
    as_typed: frozenset[str] = frozenset()   # the names its notes in another language use as words
    description: str = ""     # the page's meta description: its unfurl in chat, its search snippet

    def cleaned(self, text: str) -> list[Segment]:
        """A line of this page cleaned (see `Normalizer.clean`, which remembers each line: the
        page's Markdown, its link previews and its published-id registry all read a section's
        first lines, and each is cleaned once, however often it is read)."""
        return normalizer().clean(text, spell=self._misspelt, as_typed=self.as_typed)

    @functools.cached_property
    def _misspelt(self) -> bool:
        """Whether any word of the page may need a fix: asked once of the whole page, as most
        pages hold none, rather than of every line."""
        # (Indentation is no word: a line indented 20,000 spaces is not read space by space.)
        if not self.english:
            return False
        text = "\n".join(line.text.lstrip() for line in self.source_lines())
        return spelling.speller().may_fix(text, ignore=normalizer().corrected_words)

    def plain(self, text: str) -> str:
        """A line of this page cleaned, without Markdown."""
        return plain_from(self.cleaned(text))

    def plain_words(self, text: str) -> tuple[str, ...]:
        """The words of a line of this page as `plain` gives it."""
        return _plain_words(text, self._misspelt, self.as_typed)

    def section_nodes(self, topic: Topic) -> list[Node]:
        """The nodes under a heading, up to the next heading."""
        out = []
        # (By index, not a slice: a slice copies the rest of the page for every section, and a
        # page of 1,300 sections spent a second on it.)
        nodes = self.nodes
        for index in range(topic.position + 1, len(nodes)):
            if nodes[index].kind == "topic":
                break
            out.append(nodes[index])
        return out

    def source_lines(self) -> list[SourceLine]:
        """Every raw line this page shows."""
        return [*self.headings, *self.lead, *(line for n in self.nodes for line in n.lines)]


@functools.lru_cache(maxsize=1 << 16)
def _plain_words(text: str, spell: bool, as_typed: frozenset[str]) -> tuple[str, ...]:
    """Remembered by text: every build compares each section's first words with the published
    ids' (`anchors.fingerprint`), and a server's builds ask it of the same lines at every save
    (at 100 times today's notes, 18,000 sections and 0.3 s of each save)."""
    return tuple(words(plain_from(normalizer().clean(text, spell=spell, as_typed=as_typed))))


def slugify(text: str) -> str:
    """A readable URL fragment: "Spot Block" -> "spot-block", "Café" -> "cafe", "Сеть" -> "сеть"."""
    if not text.isascii():
        text = "".join(map(_folded, text))
    slug = NOT_SLUG.sub("-", text.lower().replace("'", "")).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[:MAX_ID_LENGTH].rsplit("-", 1)[0]
    return slug or "section"


def _folded(char: str) -> str:
    """Latin letters lose their accents; letters and digits of other scripts stay as they are,
    so that headings in Russian or Chinese get names of their own instead of none; other marks
    (dashes, curly quotes, emoji) go, as they always did, so that published ids stay."""
    ascii_part = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if ascii_part:
        return ascii_part
    return char if unicodedata.category(char)[0] in "LN" else ""


def _name_key(text: str) -> str:
    return data.NAME_KEY.sub(" ", text.lower()).strip()


def _service_index() -> dict[str, data.Service]:
    index: dict[str, data.Service] = {}
    for service in data.known_services():
        for spelling in service.spellings():
            index.setdefault(_name_key(spelling), service)
    return index


def _page_owner(slug: str) -> data.Service | None:
    """The service a page is named after: the first one in services.yaml that lives there."""
    return _page_owners().get(slug)


@functools.lru_cache(maxsize=1)
def _page_owners() -> dict[str, data.Service]:
    owners: dict[str, data.Service] = {}
    for service in data.known_services():
        owners.setdefault(service.page, service)
    return owners


def assemble(outlines: list[Outline]) -> tuple[list[SourceLine], list[Page]]:
    """All notes files' drafts as pages, merged by service, in the order the author wrote them."""
    norm = normalizer()
    index = _service_index()
    pages: dict[str, Page] = {}
    title_lines: list[SourceLine] = []
    drafts = []
    page_of: dict[int, Page] = {}   # each draft's page, by the draft's identity
    for notes in outlines:
        title_lines.extend(notes.title_lines)
        for draft in notes.pages:
            # (A title made from the file's name is a name: its words are cased, never "fixed".)
            title = plain_from(norm.clean(norm.heading(draft.title), spell=draft.heading is not None and notes.english,
                                          as_typed=notes.as_typed)).strip()   # ("Title<br>": no space after it)
            drafts.append((draft, title, draft.service.service if draft.service else index.get(_name_key(title)),
                           notes))
    # A sub-service joins its parent's page only where the notes have that page: OpsWorks in
    # notes that never mention Systems Manager is a page of its own.
    parents = {service.page for _, _, service, _ in drafts if service is not None and _page_owner(service.page) == service}
    for draft, title, service, notes in drafts:
        if service is not None and service.page not in parents:
            slug, owner = _own_slug(slugify(service.name), service.name, pages), service
        else:
            slug = service.page if service else _own_slug(slugify(title), title, pages)
            owner = _page_owner(slug) if service else None
        page = pages.get(slug)
        continued = page is not None
        if page is None:
            page = pages[slug] = Page(
                slug=slug,
                title=owner.name if owner else title,
                summary=owner.summary if owner else "",
            )
        nodes = list(draft.nodes)
        if service is not None and owner is not None and service != owner and draft.heading:
            # A sub-service heading becomes a section of its parent's page.
            nodes = [Node("topic", draft.heading, service.name, level=2, more=draft.more),
                     *(_deepen(n) for n in nodes)]
        elif draft.heading is not None and service is not None and not naming.is_its_title(draft.title, service) \
                and (continued or not naming.is_only_a_name(draft.title)):
            # A heading that says more than the service's name ("DynamoDB (a developer topic)"),
            # or, further on, names it otherwise than its title ("Classic Load Balancers" on
            # Elastic Load Balancing's page): a section, as typed.
            nodes = [Node("topic", draft.heading, draft.title, level=2, more=draft.more),
                     *(_deepen(n) for n in nodes)]
        elif draft.heading is not None:
            page.headings += [draft.heading, *draft.more]
        page.lead.extend(draft.lead)
        if continued and page.nodes and nodes and nodes[0].kind != "topic" and nodes[0].line.path != page.nodes[-1].line.path:
            # Another file's introduction to the page ("CloudFront/Introduction.md" after the
            # folder's other notes): with the page's introduction, not under the last section
            # of the file before. (In one file, lines stay in the order typed.)
            ahead = next((i for i, n in enumerate(nodes) if n.kind == "topic"), len(nodes))
            at = next((i for i, n in enumerate(page.nodes) if n.kind == "topic"), len(page.nodes))
            page.nodes[at:at] = nodes[:ahead]
            nodes = nodes[ahead:]
        page.nodes.extend(nodes)
        page.english = page.english and notes.english
        page.as_typed |= notes.as_typed
        page_of[id(draft)] = page
    for draft, _, _, _ in drafts:
        group = page_of[id(draft)]
        for member in (page_of[id(m)] for m in draft.members):
            if member is not group and member not in group.members:
                group.members.append(member)
    for page in pages.values():
        page.topics = assign_ids(page)
        if page.summary:
            # The service's gist says what the service is, whoever wrote the notes; what this
            # page holds is its own topics.
            page.description = _with_topics(page.summary, [t.title for t in page.topics if t.parent is None])
        else:
            page.summary = _first_words(page) or (", ".join(m.title for m in page.members) if not page.nodes else "")
            # (A page of code alone, a script, has no words to sum it up: its title says it.)
            page.description = clipped(page.summary) or f"{page.title}, in the study notes."
    return title_lines, list(pages.values())


def _with_topics(gist: str, topics: list[str]) -> str:
    if not topics:
        return clipped(gist)
    return clipped(f"{gist}{'' if gist.endswith(('.', '!', '?')) else '.'} Topics: {', '.join(topics)}.")


def clipped(text: str, chars: int = DESCRIPTION_CHARS) -> str:
    """At most `chars` characters, cut at a space and marked as cut."""
    return text if len(text) <= chars else text[:chars - 1].rsplit(" ", 1)[0] + "\u2026"


def _own_slug(slug: str, title: str, pages: dict[str, Page]) -> str:
    """A page's file name: its title's slug, numbered when a page with another title, or the
    site itself (the home page, share pages, assets), has it already. "## Index" must not
    overwrite the home page, nor "## Сеть" merge into "## Хранение" (both "section")."""
    candidate, number = slug, 1
    while candidate in RESERVED_SLUGS or (candidate in pages and pages[candidate].title != title):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _deepen(node: Node) -> Node:
    if node.kind != "topic":
        return node
    return dataclasses.replace(node, level=min(node.level + 1, 6))


def _first_words(page: Page) -> str:
    norm = normalizer()
    # (A heading by its words: "### Logs" had given the page the summary "### Logs".)
    typed = [*(line.text for line in page.lead), *(n.text if n.kind == "topic" else n.line.text
                                                   for n in page.nodes if n.kind != "verbatim")]
    for line in typed:
        text = plain_from(page.cleaned(LEADING_MARKERS.sub("", line.strip())))
        if text:
            return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "..."
    return ""


def assign_ids(page: Page) -> list[Topic]:
    """Ids from each heading's text, qualified by its parent topic only where two would clash.

    Never from position: adding notes elsewhere on the page leaves every other id as it was.
    Of several headings with the same text, the shallowest (then the first) keeps the plain id,
    so a duplicate appended later never takes an id that was already published.
    """
    norm = normalizer()
    topics: list[Topic] = []
    stack: list[Topic] = []
    for position, node in enumerate(page.nodes):
        if node.kind != "topic":
            continue
        while stack and stack[-1].node.level >= node.level:
            stack.pop()
        text = norm.heading(node.text)
        cleaned = page.cleaned(text)
        topic = Topic(node=node, title=plain_from(cleaned).strip(), markdown=norm.markdown_from(cleaned),
                      parent=stack[-1] if stack else None)
        topic.position = position
        under = page.section_nodes(topic)
        topic.first_line = under[0].text if under else ""
        topics.append(topic)
        stack.append(topic)
    by_slug: dict[str, list[Topic]] = {}
    for topic in topics:
        by_slug.setdefault(slugify(topic.title), []).append(topic)
    taken: set[str] = set()
    for slug, same in by_slug.items():
        keeper = min(same, key=lambda t: t.node.level)
        keeper.id = slug
        taken.add(slug)
    for slug, same in by_slug.items():
        for topic in same:
            if not topic.id:
                topic.id = _qualified(topic, slug, taken)
                taken.add(topic.id)
    return topics


def _qualified(topic: Topic, slug: str, taken: set[str]) -> str:
    """The id of a heading whose plain id is taken: by its parent's name, else by its gist."""
    norm = normalizer()
    candidates = []
    if topic.parent is not None:
        candidates.append(f"{slugify(topic.parent.title)}-{slug}")
    for gist in (topic.node.lead, topic.first_line):
        if gist:
            candidates.append(f"{slug}-{slugify(' '.join(norm.plain(gist).split()[:4]))}")
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
