"""Figures about a build, and the words the author may want to add to the corrections."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, NamedTuple

from . import spelling as spelling_module
from .api import Site
from .assemble import Page
from .source import SourceLine
from .inline import Segment, normalizer, words


def corrections_applied(site: Site) -> int:
    """How many misspellings the corrections list fixed across the notes: in the prose the
    cleanup corrects, as the automatic fixes are counted (not in code spans or shell lines)."""
    spans = normalizer().correction_words.spans
    return sum(len(spans(segment.text)) for _, segment, _ in _prose_segments(site))


def _site_prose_lines(site: Site) -> Iterator[tuple[SourceLine, bool]]:
    """Every line the cleanup may change, and whether its misspellings may be fixed: the
    pages' and the lines that head the home page (the file's title and introduction), which are
    cleaned as the pages are; neither from notes in another language."""
    for line in site.title_lines:
        yield line, line.path not in site.other_language
    for page in site.pages:
        for line in prose_lines(page):
            yield line, page.english


def prose_lines(page: Page) -> list[SourceLine]:
    """The lines of a page the cleanup may change: not those of code blocks and tables, which
    are shown as typed."""
    return [*page.headings, *page.lead, *(line for node in page.nodes if node.kind != "verbatim" for line in node.lines)]


class Spelling(NamedTuple):
    """What the notes' spelling came to: fixes made without a list entry, and words left."""

    fixed: list[tuple[str, str, str]]          # (where, typed, fix)
    unknown: dict[str, tuple[int, list[str]]]  # word -> (times, candidate fixes)


def spelling(site: Site) -> Spelling:
    """Every word the automatic fixes changed, where; and the words nothing knows."""
    norm = normalizer()
    speller = spelling_module.speller()
    fixed: list[tuple[str, str, str]] = []
    found: Counter[str] = Counter()
    for line, segment, fixable in _prose_segments(site):
        fixed += _fixed_in(line, segment) if fixable else []
        for word in words(norm.fix_prose(segment.text, spell=fixable)):
            lowered = word.lower().strip("'-")
            if len(lowered) > 1 and not speller.knows(lowered) and not _known_parts(speller, lowered):
                found[lowered] += 1
    unknown = {w: (n, speller.suggestions(w)) for w, n in found.items()}
    return Spelling(fixed, unknown)


def automatic_fixes(site: Site) -> list[tuple[str, str, str]]:
    """The automatic fixes alone (where, typed, fix): what the summary counts, without the
    search for unknown words and their candidates that the report makes."""
    return [fix for line, segment, fixable in _prose_segments(site) if fixable for fix in _fixed_in(line, segment)]


def _prose_segments(site: Site) -> Iterator[tuple[SourceLine, Segment, bool]]:
    norm = normalizer()
    for line, fixable in _site_prose_lines(site):
        for segment in norm.clean_markup(line.text):
            yield line, segment, fixable


def _fixed_in(line: SourceLine, segment: Segment) -> list[tuple[str, str, str]]:
    fixes = spelling_module.speller().fixes(normalizer().corrected(segment.text))
    return [(f"{line.path}:{line.number}", typed, fix) for typed, fix in fixes]


def _known_parts(speller: spelling_module.Speller, word: str) -> bool:
    parts = [p for p in re.split(r"[-']", word) if p]
    return len(parts) > 1 and all(speller.knows(p) for p in parts)


def unknown_words(site: Site) -> Counter[str]:
    """Words in the cleaned notes that neither the dictionary nor the project's data knows."""
    return Counter({w: n for w, (n, _) in spelling(site).unknown.items()})


def spelling_report(site: Site) -> str:
    """What was fixed without a list entry and where; then each unknown word, most frequent
    first, with the likeliest fixes."""
    result = spelling(site)
    lines = [f"# {len(result.fixed)} misspellings fixed automatically (to keep a word as typed, add it "
             "to notesite/data/known_words.txt)"]
    lines += [f"{where}\t{typed} -> {fix}" for where, typed, fix in result.fixed]
    lines += [f"# {len(result.unknown)} unknown words; add wrong->right lines to notesite/data/corrections.txt, "
              "the right spelling to notesite/data/terms.txt, or a word to keep to known_words.txt"]
    for word, (count, candidates) in sorted(result.unknown.items(), key=lambda x: (-x[1][0], x[0])):
        lines.append(f"{word}\t{count}" + (f"\tperhaps: {', '.join(candidates)}" if candidates else ""))
    return "\n".join(lines) + "\n"


def site_report(site: Site, changed: list[str]) -> str:
    """The one-line summary the command prints after writing."""
    sections = sum(len(p.topics) for p in site.pages)
    listed, automatic = corrections_applied(site), len(automatic_fixes(site))
    return (f"{len(site.pages)} pages, {sections} sections, {listed + automatic} corrections applied "
            f"({listed} from corrections.txt; {automatic} automatic, listed by --spell-report); "
            f"{len(changed)} files changed")
