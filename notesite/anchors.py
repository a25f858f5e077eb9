"""The registry of published section ids, so that a link a teammate was sent keeps working.

Every section id the site has published is kept with its title and first words. When a
heading is renamed or moved and its section reads mostly the same, the old id becomes an alias
of the new section. When a published section is gone, the build stops and says how to keep the
link (point it at a section) or retire it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .assemble import SLUG_FORM, Page, Topic, slugify
from .data import YAML_LOADER
from .errors import NotesError
from .source import decoded_text

FINGERPRINT_WORDS = 40
SAME_SECTION = 0.6      # share of words in common above which a section counts as moved, not gone
HEADER = """\
# Every section id the site has published: page -> id -> what the section held.
# Written by scripts/clean_notes.py. An id whose heading was renamed or moved keeps working as
# an alias of the section it moved to (moved_to). To let a removed section's link go, set
# `retired: true` on it; to send it somewhere else, set `moved_to: PAGE#ID`.
"""


@dataclass(frozen=True)
class Alias:
    """An old id that now leads to another section."""

    page: str
    id: str
    to_page: str
    to_id: str


@dataclass
class Registry:
    """Published ids: {page: {id: {"title", "words", optional "moved_to", "retired"}}}."""

    entries: dict[str, dict[str, dict]] = field(default_factory=dict)
    path: str = "anchors.yaml"
    source: str = ""

    def line_of(self, page: str, ident: str) -> int | None:
        """The line of an id in the registry file, for error messages."""
        inside = False
        for number, line in enumerate(self.source.splitlines(), 1):
            if re.match(rf"^{re.escape(page)}:\s*$", line):
                inside = True
            elif inside and re.match(rf"^\s+{re.escape(ident)}:", line):
                return number
            elif inside and re.match(r"^\S", line):
                inside = False
        return None


def load(path: Path, shown: str | None = None) -> Registry:
    """The registry file, or an empty registry if there is none yet.

    The file is edited by hand, and its keys become file names and HTML ids: anything but the
    shapes the tool writes is refused with the line and the fix, before anything is written.
    """
    shown = shown or str(path)
    if not path.exists():
        return Registry(path=shown)
    return _parsed(decoded_text(path.read_bytes(), shown), shown)


@functools.lru_cache(maxsize=2)
def _parsed(source: str, shown: str) -> Registry:
    """The registry a text holds, parsed once a process: `mkdocs serve` reads the same file at
    every save (at 100 times today's notes, 2.5 MB and 0.4 s of each save). Shared, so read
    and never changed: `resolve` makes a registry of its own."""
    try:
        root = yaml.compose(source, Loader=YAML_LOADER)
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise NotesError(shown, line + 1 if line is not None else None,
                         "is not valid YAML; fix it or restore it from git") from None
    entries = _RegistryReader(shown).pages(root)
    return Registry(entries=entries, path=shown, source=source)


ENTRY_FIELDS = {"title": str, "words": str, "moved_to": str, "retired": bool, "why": str}
YAML_STR, YAML_BOOL, YAML_NULL = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "bool", "null"))
YAML_TRUE = frozenset({"true", "yes", "on"})
MOVED_TO = re.compile(rf"(?:{SLUG_FORM.pattern})#(?:{SLUG_FORM.pattern})")


class _RegistryReader:
    """The registry's YAML nodes to its entries, checking every shape on the way."""

    def __init__(self, path: str) -> None:
        self.path = path

    def pages(self, root: yaml.Node | None) -> dict[str, dict[str, dict]]:
        if root is None or self._null(root):
            return {}
        pages = {}
        for page, ids in self._mapping(root, "the file", "map each page to its ids"):
            pages[page] = {ident: self._entry(entry, f"{page}/#{ident}")
                           for ident, entry in self._mapping(ids, f"page {page}", "map each id to its entry")}
        return pages

    def _entry(self, node: yaml.Node, where: str) -> dict:
        entry = {}
        for name, value in self._mapping(node, f"id {where}", "give the id's title and words", slugs=False):
            kind = ENTRY_FIELDS.get(name)
            if kind is None:
                raise self._error(node, f"{where} has an unknown field {name!r}; "
                                  f"keep only {', '.join(ENTRY_FIELDS)}")
            entry[name] = self._value(value, kind, f"{where} {name}")
        moved = entry.get("moved_to")
        if moved is not None and not MOVED_TO.fullmatch(moved):
            raise self._error(node, f"{where} moved_to {moved!r} is not PAGE#ID; write it as ec2#spread")
        return entry

    def _mapping(self, node: yaml.Node, what: str, fix: str, slugs: bool = True):
        """(key, value node) pairs of a mapping; an empty value is an empty mapping."""
        if self._null(node):
            return
        if not isinstance(node, yaml.MappingNode):
            raise self._error(node, f"{what} is not a mapping; {fix}, as the tool writes them")
        seen: set[str] = set()
        for key_node, value in node.value:
            key = self._value(key_node, str, f"a key of {what}")
            if slugs and not (SLUG_FORM.fullmatch(key) and key == key.lower()):
                raise self._error(key_node, f"{key!r} in {what} is not a page or section name (lower-case "
                                  "letters and digits joined by hyphens, as in ec2 or spot-block); fix or remove it")
            if key in seen:
                raise self._error(key_node, f"{key!r} appears twice in {what}; merge the two into one")
            seen.add(key)
            yield key, value

    def _value(self, node: yaml.Node, kind: type, what: str):
        if isinstance(node, yaml.ScalarNode) and kind is str and node.tag == YAML_STR:
            return node.value
        if isinstance(node, yaml.ScalarNode) and kind is bool and node.tag == YAML_BOOL:
            return node.value.lower() in YAML_TRUE
        wanted = "true or false" if kind is bool else "text (quote it if YAML reads it as something else)"
        raise self._error(node, f"{what} must be {wanted}")

    @staticmethod
    def _null(node: yaml.Node) -> bool:
        return isinstance(node, yaml.ScalarNode) and node.tag == YAML_NULL

    def _error(self, node: yaml.Node, message: str) -> NotesError:
        return NotesError(self.path, node.start_mark.line + 1, message)


def fingerprint(page: Page, topic: Topic) -> str:
    """The first words of a section, lower-cased: what "mostly the same section" compares."""
    found: list[str] = []
    # Only the first words count, so a long section is cleaned only as far as they reach.
    for text in [topic.node.lead, *(node.text for node in page.section_nodes(topic))]:
        found += page.plain_words(text.strip())
        if len(found) >= FINGERPRINT_WORDS:
            break
    return " ".join(w.lower() for w in found[:FINGERPRINT_WORDS])


def _similarity(a: str, b: str) -> float:
    return _overlap(frozenset(a.split()), frozenset(b.split()))


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 1.0 if left == right else 0.0
    return len(left & right) / len(left | right)


def keep_published(pages: list[Page], registry: Registry) -> dict[tuple[str, str], str]:
    """A published id stays with the section that held it. Where headings share an id's text
    (a duplicate appended later, shallower; a look-alike once its invisible characters are
    gone), the section whose words match the published ones keeps the id, and the others get
    ids of their own. Returns why each such other id was given, by (page, id)."""
    why: dict[tuple[str, str], str] = {}
    for page in pages:
        published = registry.entries.get(page.slug) or {}
        by_id = {topic.id: topic for topic in page.topics}
        # For each heading's text, its sections' first words, read once per page, each set of
        # words with the first section that has them: between sections with the same words the
        # first always wins, so an id compares each set once. (Reading every section for every
        # published id had made a save at 10x notes take a second longer; comparing every copy
        # of a heading typed a hundred times over the same words, three seconds at 100x.)
        choices: dict[str, dict[frozenset[str], Topic]] = {}
        by_text: dict[str, list[Topic]] = {}
        for topic in page.topics:
            by_text.setdefault(slugify(topic.title), []).append(topic)
        for ident, entry in sorted(published.items()):
            holder = by_id.get(ident)
            if holder is None or not entry or entry.get("retired") or entry.get("moved_to"):
                continue
            text = slugify(holder.title)
            same_text = by_text[text]
            if len(same_text) < 2:
                continue
            words = str(entry.get("words") or "")
            # The closest words keep the id; between equals, the section written first.
            if text not in choices:
                for topic in same_text:
                    choices.setdefault(text, {}).setdefault(frozenset(fingerprint(page, topic).split()), topic)
            wanted = frozenset(words.split())
            owner = max(choices[text].items(), key=lambda c: (_overlap(wanted, c[0]), -c[1].position))[1]
            if owner is holder:
                continue
            holder.id, owner.id = owner.id, holder.id
            by_id[holder.id], by_id[owner.id] = holder, owner
            why[(page.slug, holder.id)] = (f'heading "{holder.title}" reads as the published {page.slug}/#{ident}, '
                                           "which stays with the section that held it")
    return why


def resolve(pages: list[Page], registry: Registry) -> tuple[list[Alias], Registry]:
    """Aliases for every published id that moved, and the registry brought up to date."""
    why = keep_published(pages, registry)
    current: dict[tuple[str, str], tuple[Page, Topic]] = {
        (p.slug, t.id): (p, t) for p in pages for t in p.topics}
    prints = {key: fingerprint(page, topic) for key, (page, topic) in current.items()}
    slugs = {p.slug for p in pages}   # an old id needs its old page, to anchor it there
    aliases: list[Alias] = []
    updated: dict[str, dict[str, dict]] = {}
    for page_slug, ids in sorted(registry.entries.items()):
        for ident, entry in sorted((ids or {}).items()):
            entry = dict(entry or {})
            key = (page_slug, ident)
            if key in current:
                entry = {"title": current[key][1].title, "words": prints[key],
                         **({"why": entry["why"]} if entry.get("why") else {})}
            elif not entry.get("retired"):
                target = _moved_to(entry, current) or _best_match(page_slug, entry, prints)
                if target is None or page_slug not in slugs:
                    raise _gone(registry, page_slug, ident, entry)
                entry["moved_to"] = f"{target[0]}#{target[1]}"
                aliases.append(Alias(page_slug, ident, target[0], target[1]))
            updated.setdefault(page_slug, {})[ident] = entry
    for (page_slug, ident), (_, topic) in current.items():
        new = {"title": topic.title, "words": prints[(page_slug, ident)]}
        if (page_slug, ident) in why:
            new["why"] = why[(page_slug, ident)]
        updated.setdefault(page_slug, {}).setdefault(ident, new)
    return aliases, Registry(entries=updated, path=registry.path)


def _moved_to(entry: dict, current: dict) -> tuple[str, str] | None:
    moved = str(entry.get("moved_to") or "")
    if "#" not in moved:
        return None
    page, ident = moved.split("#", 1)
    return (page, ident) if (page, ident) in current else None


def _best_match(page: str, entry: dict, prints: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    published = str(entry.get("words") or "")
    scored = sorted(((_similarity(published, text), key[0] == page, key) for key, text in prints.items()),
                    reverse=True)
    if scored and scored[0][0] >= SAME_SECTION and published:
        return scored[0][2]
    return None


def _gone(registry: Registry, page: str, ident: str, entry: dict) -> NotesError:
    title = entry.get("title") or ident
    return NotesError(
        registry.path, registry.line_of(page, ident),
        f'published link {page}/#{ident} ("{title}") no longer leads to any section; to keep it, '
        f"set `moved_to: PAGE#ID` on it, or set `retired: true` to let it go; if these are new notes of "
        f"your own, start a fresh registry and serve them: scripts/dev.sh new-site "
        f"(or only the registry: .venv/bin/python scripts/clean_notes.py --fresh-registry)")


def dump(registry: Registry) -> str:
    """The registry file's text: sorted, so that it only changes where the site did.

    Written line by line rather than by PyYAML's emitter, which took a tenth of the whole
    cleanup at 100 times today's notes; any YAML parser reads it back to the same entries.
    """
    lines = [HEADER.rstrip("\n")] + ([] if registry.entries else ["{}"])
    for page, ids in sorted(registry.entries.items()):
        lines.append(f"{_yaml_key(page)}:" + ("" if ids else " {}"))
        for ident, entry in sorted(ids.items()):
            lines.append(f"  {_yaml_key(ident)}:" + ("" if entry else " {}"))
            lines += [f"    {_yaml_key(key)}: {_yaml_value(value)}" for key, value in sorted(entry.items())]
    return "\n".join(lines) + "\n"


# Text that YAML reads as itself when written bare: no quote, colon, hash or leading marker
# (and, checked apart, no trailing space, which YAML drops).
PLAIN_TEXT = re.compile(r"[A-Za-z0-9(][A-Za-z0-9 ()'.,/&+-]*")
# What a double-quoted YAML string must escape beyond JSON's escapes: characters outside YAML's
# printable set, and the ones YAML reads as line breaks.
NOT_PRINTABLE = re.compile(r"[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()


def _yaml_key(key) -> str:
    return key if isinstance(key, str) and _reads_as_itself(key) else _yaml_value(key)


def _yaml_value(value) -> str:
    if isinstance(value, str):
        if _reads_as_itself(value):
            return value
        quoted = json.dumps(value, ensure_ascii=False)
        return NOT_PRINTABLE.sub(lambda m: f"\\U{ord(m.group(0)):08x}", quoted)
    return json.dumps(value)   # true or false: the only other kind `load` lets an entry hold


def _reads_as_itself(text: str) -> bool:
    return PLAIN_TEXT.fullmatch(text) is not None and not text.endswith(" ") \
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
