"""Figures about a build, and the words the author may want to add to the corrections."""

from __future__ import annotations

import functools
import re
from collections import Counter

from . import data
from .api import Site
from .inline import normalizer, words


def corrections_applied(site: Site) -> int:
    """How many misspellings the corrections list fixed across the notes."""
    norm = normalizer()
    count = 0
    for page in site.pages:
        for line in page.source_lines():
            for segment in norm.segments(line.text):
                if not segment.code:
                    count += len(norm.correction_words.spans(segment.text))
    return count


@functools.lru_cache(maxsize=1)
def _dictionary():
    from spellchecker import SpellChecker  # a large word list: loaded only for this report

    return SpellChecker()


def unknown_words(site: Site) -> Counter[str]:
    """Words in the cleaned notes that neither the dictionary nor the project's data knows."""
    norm = normalizer()
    known = {k.lower() for k in data.casing()} | {w.lower() for t in data.casing().values() for w in words(t)}
    known |= data.known_words()
    known |= {w.lower() for s in data.services() for name in s.spellings() for w in words(name)}
    found: Counter[str] = Counter()
    for page in site.pages:
        for line in page.source_lines():
            for segment in norm.segments(line.text):
                if segment.code:
                    continue
                for word in words(norm.fix_prose(segment.text)):
                    lowered = word.lower().strip("'-")
                    if len(lowered) > 1 and lowered not in known:
                        found[lowered] += 1
    dictionary = _dictionary()
    return Counter({w: n for w, n in found.items()
                    if w not in dictionary and not all(p in dictionary for p in re.split(r"[-']", w) if p)})


def spelling_report(site: Site) -> str:
    """One line per unknown word, most frequent first, with a hint how to fix it."""
    unknown = unknown_words(site)
    lines = [f"{word}\t{count}" for word, count in sorted(unknown.items(), key=lambda x: (-x[1], x[0]))]
    hint = ("# add wrong->right lines to notesite/data/corrections.txt, or the right spelling "
            "to notesite/data/terms.txt")
    return "\n".join([f"# {len(unknown)} unknown words", hint, *lines]) + "\n"


def site_report(site: Site, changed: list[str]) -> str:
    """The one-line summary the command prints after writing."""
    sections = sum(len(p.topics) for p in site.pages)
    return (f"{len(site.pages)} pages, {sections} sections, {corrections_applied(site)} corrections applied; "
            f"{len(changed)} files changed")
