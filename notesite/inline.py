"""One line of notes text to clean inline Markdown.

Order matters and is the whole design: identifiers are cut out first and set as code, so that
nothing after them can touch `InstanceInitiatedShutdownBehaviour` or `pid_file`; the prose
between them gets the reviewed corrections, then AWS casing, then Markdown escaping, so that
whatever the author typed (`<script>`, `[instance]`, `*`) renders as the literal text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from . import data
from .trie import trie_pattern

URL = r"https?://[^\s<>\"'`]+"
PATH = r"(?<![\w/.:<])\.{0,2}/[\w.\-]+(?:/[\w.\-]*)*"
# Names start where no word or dot comes before them; that check is shared, not repeated per
# shape, because the regex engine would otherwise try every shape at every character.
NAME_START = r"(?<![\w.])"
SNAKE_CASE = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?!\w)"
LOWER_CAMEL_CASE = r"[a-z]+[A-Z][A-Za-z0-9]*(?!\w)"
UPPER_CAMEL_CASE = r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+(?!\w)"
CAPS_THEN_CAMEL = r"[A-Z]{2,}[a-z][A-Za-z0-9]*(?!\w)"
DOTTED_NAME = r"[a-z][a-z0-9]*(?:\.[a-z0-9]+)+(?![\w])"
DOTTED_NAME_ONLY = re.compile(DOTTED_NAME)
NAME = NAME_START + "(?:" + "|".join(f"(?:{p})" for p in (SNAKE_CASE, LOWER_CAMEL_CASE, UPPER_CAMEL_CASE,
                                                          CAPS_THEN_CAMEL, DOTTED_NAME)) + ")"
IDENTIFIER = re.compile(f"(?:{URL})|(?:{PATH})|{NAME}")
# Every identifier shape holds a "/", a "_" or one of these; most lines hold none of them.
IDENTIFIER_HINT = re.compile(r"[a-z0-9][.A-Z]|[A-Z]{2}[a-z]")
# "PRovide", "CAses": the shift key held one letter too long, not an identifier.
SHIFT_TYPO = re.compile(r"(?<![\w.])[A-Z]{2}[a-z]{2,}(?!\w)")
# "ENIs", "AMIs": the plural of an abbreviation, not an identifier.
ABBREVIATION_PLURAL = re.compile(r"^[A-Z0-9]{2,}s$")
ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]{}|#])")
LINE_START_MARKER = re.compile(r"^(?:[-+>!]|\d+(?=[.)](?:\s|$)))")
FENCE_START = re.compile(r"^~{3,}")
# "SSM- Documents", "Adapter( EFA)": spacing typed in a hurry, evened out in headings.
HEADING_SPACING = re.compile(r"(?<=\w)- (?=\w)")
OPENING_PAREN_SPACING = re.compile(r"(?<=\w)\( ")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")


def may_hold_identifier(text: str) -> bool:
    """False only for text with no identifier in it: a quick check before the full regex."""
    return "/" in text or "_" in text or IDENTIFIER_HINT.search(text) is not None


# Given cleaned prose: the (start, end, url) spans to turn into links.
LinkFinder = Callable[[str], "list[tuple[int, int, str]]"]


@dataclass(frozen=True)
class Segment:
    """A run of a line: prose to clean, or an identifier to keep exactly."""

    text: str
    code: bool


@dataclass(frozen=True)
class WordReplacer:
    """Replaces whole words or phrases from a list, matched ignoring case.

    Keys are lower case; the trie tries longer keys first, and the boundary check backtracks
    into shorter ones ("elastic ips" before "elastic ip"). ASCII text is matched lower-cased
    against a case-sensitive pattern, which Python's regex engine runs about twice as fast as
    an IGNORECASE one; that one is compiled only for text where lower-casing may change the
    length ("İ"), as compiling it takes a tenth of the whole cleanup of today's notes.
    """

    alternatives: str

    @functools.cached_property
    def lower_case(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![a-z0-9])(?:{self.alternatives})(?![a-z0-9])")

    @functools.cached_property
    def any_case(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![A-Za-z0-9])(?:{self.alternatives})(?![A-Za-z0-9])", re.IGNORECASE)

    @classmethod
    def of(cls, keys: list[str]) -> "WordReplacer":
        return cls(trie_pattern([k.lower() for k in keys]))

    def spans(self, text: str) -> list[tuple[int, int]]:
        if text.isascii():
            return [m.span() for m in self.lower_case.finditer(text.lower())]
        return [m.span() for m in self.any_case.finditer(text)]

    def sub(self, replace: Callable[[str], str], text: str) -> str:
        parts, position = [], 0
        for start, end in self.spans(text):
            parts += [text[position:start], replace(text[start:end])]
            position = end
        return "".join(parts) + text[position:] if parts else text


@dataclass(frozen=True)
class Normalizer:
    """Corrections, casing and labels compiled once from the data files."""

    corrections: dict[str, str]
    correction_words: WordReplacer
    casing: dict[str, str]
    casing_words: WordReplacer
    labels: dict[str, str]
    label_pattern: re.Pattern[str]

    def segments(self, text: str) -> list[Segment]:
        """Split a line into prose and identifiers."""
        if not may_hold_identifier(text):
            return [Segment(text, code=False)] if text else []
        out: list[Segment] = []
        position = 0
        for match in IDENTIFIER.finditer(text):
            token = match.group(0)
            if not self._is_identifier(token):
                continue
            if match.start() > position:
                out.append(Segment(text[position:match.start()], code=False))
            out.append(Segment(token, code=True))
            position = match.end()
        if position < len(text):
            out.append(Segment(text[position:], code=False))
        return out

    def _is_identifier(self, token: str) -> bool:
        lowered = token.lower()
        if DOTTED_NAME_ONLY.fullmatch(token) and not any(c.isdigit() for c in token) \
                and min(len(part) for part in token.split(".")) < 2:
            return False  # "e.g", "i.e": abbreviations, not names like db.url or m5.large
        return not (lowered in self.casing or lowered in self.corrections
                    or SHIFT_TYPO.fullmatch(token) or ABBREVIATION_PLURAL.match(token))

    def fix_prose(self, text: str) -> str:
        """Corrections, then AWS casing, then shift-key typos, on prose only."""
        text = self.correction_words.sub(self._correct, text)
        text = self.casing_words.sub(lambda typed: self.casing[typed.lower()], text)
        return SHIFT_TYPO.sub(self._unshift, text)

    def _correct(self, typed: str) -> str:
        fix = self.corrections[typed.lower()]
        if any(c.isupper() for c in fix):
            return fix
        if len(typed) > 1 and typed.isupper():
            return fix.upper()
        if typed[0].isupper():
            return fix[0].upper() + fix[1:]
        return fix

    def _unshift(self, match: re.Match[str]) -> str:
        word = match.group(0)
        return self.casing.get(word.lower(), word[0] + word[1:].lower())

    def heading(self, text: str) -> str:
        """Heading text starts with a capital, unless it starts with an identifier."""
        text = HEADING_SPACING.sub(" - ", text)
        text = OPENING_PAREN_SPACING.sub(" (", text)
        first = IDENTIFIER.match(text)
        if first and self._is_identifier(first.group(0)):
            return text
        return text[:1].upper() + text[1:]

    def clean(self, text: str) -> list[Segment]:
        """A line's identifiers as typed and its prose corrected and cased: what the plain text
        and the Markdown of a line are both made from."""
        return [s if s.code else Segment(self.fix_prose(s.text), code=False) for s in self.segments(text)]

    def plain(self, text: str) -> str:
        """The cleaned text with no Markdown: for ids, titles, summaries and search."""
        return plain_from(self.clean(text))

    def markdown(self, text: str, links: LinkFinder | None = None) -> str:
        """The cleaned text as inline Markdown that renders exactly as the words read."""
        return self.markdown_from(self.clean(text), links)

    def markdown_from(self, cleaned: list[Segment], links: LinkFinder | None = None) -> str:
        """Inline Markdown from a cleaned line.

        `links`, given the cleaned prose, names the spans to link and where to; only prose is
        linked, never identifiers.
        """
        parts = []
        for segment in cleaned:
            if segment.code:
                parts.append(f"`{segment.text}`")
                continue
            prose = segment.text
            position = 0
            for start, end, url in (links(prose) if links else ()):
                parts.append(escape(prose[position:start]))
                parts.append(f"[{escape(prose[start:end])}]({url})")
                position = end
            parts.append(escape(prose[position:]))
        out = "".join(parts)
        if parts and not out.startswith("`"):
            out = LINE_START_MARKER.sub(lambda m: _escape_marker(m.group(0)), out)
            out = FENCE_START.sub(lambda m: "&#126;" * len(m.group(0)), out)
        return out

    def split_label(self, text: str) -> tuple[str, str] | None:
        """("Pros", rest) when the text starts with a known label, else None."""
        match = self.label_pattern.match(text)
        if not match:
            return None
        return self.labels[match["label"].lower()], match["rest"]


def plain_from(cleaned: list[Segment]) -> str:
    """A cleaned line as plain text."""
    return "".join(segment.text for segment in cleaned)


def _escape_marker(marker: str) -> str:
    return marker + "\\" if marker.isdigit() else "\\" + marker


def escape(text: str) -> str:
    """Make prose inert: Markdown punctuation escaped, HTML shown as text."""
    text = ENTITY_LIKE.sub("&amp;", text)
    text = ALWAYS_ESCAPED.sub(r"\\\1", text)
    return text.replace("<", "&lt;")


@functools.lru_cache(maxsize=None)
def normalizer() -> Normalizer:
    """The normalizer for the project's data files."""
    corrections = {k.lower(): v for k, v in data.corrections().items()}
    casing = data.casing()
    labels = {label.lower(): label for label in data.labels()}
    label_alternatives = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    return Normalizer(
        corrections=corrections,
        correction_words=WordReplacer.of(list(corrections)),
        casing=casing,
        casing_words=WordReplacer.of(list(casing)),
        labels=labels,
        label_pattern=re.compile(
            rf"^(?P<label>{label_alternatives})\s*[:.](?:\s+|$)(?P<rest>.*)$", re.IGNORECASE),
    )


def words(text: str) -> list[str]:
    """The words of a text, for spelling reports and no-line-lost checks."""
    return WORD.findall(text)
