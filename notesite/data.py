"""The data files beside the code: services, glossary, terms, labels and corrections.

Each list is defined once, in its file; everything else (casing rules, search synonyms,
abbreviation tooltips, cross-link targets) is derived from these loaders.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import NotesError

DATA_DIR = Path(__file__).parent / "data"
# libyaml when the installed PyYAML has it: several times faster than the pure-Python parser.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SERVICE_KEYS = {"name", "full", "abbr", "aliases", "page", "summary"}
CORRECTION_LINE = re.compile(r"^(?P<wrong>[^\s].*?)->(?P<right>[^\s].*)$")


@dataclass(frozen=True)
class Service:
    """One AWS service or course topic from services.yaml."""

    name: str
    full: str
    page: str
    summary: str
    abbr: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def spellings(self) -> tuple[str, ...]:
        """Every name a heading or query may use for this service."""
        names = [self.name, self.full, *self.aliases]
        if self.abbr:
            names.append(self.abbr)
        return tuple(dict.fromkeys(names))


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """Non-comment, non-blank lines of a plain data file, with their line numbers."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((number, line.strip()))
    return out


@functools.lru_cache(maxsize=None)
def services(data_dir: Path = DATA_DIR) -> tuple[Service, ...]:
    """The services list, validated."""
    path = data_dir / "services.yaml"
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or []
    out = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not {"name", "full", "page", "summary"} <= entry.keys():
            raise NotesError(str(path), None, f"entry {number} needs name, full, page and summary")
        unknown = set(entry) - SERVICE_KEYS
        if unknown:
            raise NotesError(str(path), None, f"entry {entry['name']!r} has unknown keys {sorted(unknown)}")
        out.append(Service(
            name=str(entry["name"]), full=str(entry["full"]), page=str(entry["page"]),
            summary=str(entry["summary"]), abbr=str(entry.get("abbr") or ""),
            aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        ))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def glossary(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Abbreviation -> expansion: glossary.yaml plus every service abbreviation."""
    path = data_dir / "glossary.yaml"
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    out = {str(k): str(v) for k, v in entries.items()}
    for service in services(data_dir):
        if service.abbr and service.abbr not in out:
            out[service.abbr] = service.full
    return out


@functools.lru_cache(maxsize=None)
def everyday(data_dir: Path = DATA_DIR) -> dict[str, tuple[str, ...]]:
    """The notes' term -> the everyday words people use for it, from everyday.yaml (search only)."""
    path = data_dir / "everyday.yaml"
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    out: dict[str, tuple[str, ...]] = {}
    for term, words in entries.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise NotesError(str(path), None, f"{term!r} needs a list of everyday words")
        out[str(term)] = tuple(w.strip().lower() for w in words)
    return out


@functools.lru_cache(maxsize=None)
def terms(data_dir: Path = DATA_DIR) -> tuple[str, ...]:
    """Spellings the site always uses, from terms.txt."""
    return tuple(line for _, line in _data_lines(data_dir / "terms.txt"))


@functools.lru_cache(maxsize=None)
def known_words(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """Technical words the spelling report accepts, from known_words.txt."""
    return frozenset(line.lower() for _, line in _data_lines(data_dir / "known_words.txt"))


@functools.lru_cache(maxsize=None)
def labels(data_dir: Path = DATA_DIR) -> tuple[str, ...]:
    """Point labels such as "Pros" and "Use cases", from labels.txt."""
    return tuple(line for _, line in _data_lines(data_dir / "labels.txt"))


@functools.lru_cache(maxsize=None)
def corrections(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Misspelling -> fix, from corrections.txt (keys as written in the file)."""
    path = data_dir / "corrections.txt"
    out: dict[str, str] = {}
    for number, line in _data_lines(path):
        match = CORRECTION_LINE.match(line)
        if not match:
            raise NotesError(str(path), number, f"{line!r} is not of the form wrong->right")
        out[match["wrong"].strip()] = match["right"].strip()
    return out


def is_distinctive(name: str) -> bool:
    """Whether a name is distinctive enough to re-case everywhere it appears.

    A single capitalised word ("Lambda", "Budgets") is also an English word in lower case, so
    it is left as typed; names with inner capitals, digits or several words are not.
    """
    return " " in name or any(c.isdigit() for c in name) or any(c.isupper() for c in name[1:])


@functools.lru_cache(maxsize=None)
def casing(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Lower-cased spelling -> the spelling the site uses."""
    out: dict[str, str] = {}
    for service in services(data_dir):
        for name in (service.name, service.full, service.abbr):
            if name and is_distinctive(name):
                out[name.lower()] = name
    for abbr in glossary(data_dir):
        if len(abbr) >= 3:
            out[abbr.lower()] = abbr
    for term in terms(data_dir):
        out[term.lower()] = term
    return out
