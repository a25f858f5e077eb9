"""Misspellings with one clear fix, corrected without a list entry of the project's own.

The reviewed list (`corrections.txt`) comes first; this catches what the author types next. A
word is left alone if it is English (the word list of pyspellchecker, a well-kept package the
spelling report already uses), its British spelling ("organised", "centres"), an AWS term
(services, glossary, terms, labels) or a word the author keeps (`known_words.txt`, with the
jargon people write: "config", "backend", "upto"). Anything else is corrected from the common
misspellings of the `typos` dictionary (`misspellings.csv`), built for few false alarms; failing
that, a lower-case word of nine letters or more only when one known word one or two slips away
is far more likely than any other: slips weighted as people make them (a doubled or missed
double letter, two letters swapped, a letter left out; never the first letter), likelihood from
how common each word is. A capitalised word is fixed from the dictionary only: one the lists do
not know is more often a name ("Rekognition", "Postgres") than a slip. Shorter words are two or
three slips from too many others ("admin", "auth", "wget"). Ambiguous words ("failes": fails,
files or failed?) stay as typed and go to the spelling report with their candidates.
"""

from __future__ import annotations

import functools
import itertools
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from . import data

# A word a slip may have changed: letters only, lower case or capitalised, four to twenty.
# (A word joined by a hyphen is part of a compound, "re-use", and stays as typed; a hyphen before
# a space is a dash: "performace- tuning" is checked.)
CHECKED_WORD = re.compile(r"(?<![\w'.\-/@:=<>])[A-Za-z][a-z]{3,19}(?![\w'/@=<>]|-\w|[.:]\w)")
ANY_WORD = re.compile(r"\b[A-Za-z][a-z]{3,19}\b")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
CLEAR_MARGIN = 5.0          # the fix is this many times likelier than the next candidate
COMMON_SLIP = 10.0          # a doubled letter, a swap: far more common than other slips
OMISSION = 3.0              # a letter left out is the commonest slip of all
COMMON_WORD = 1000          # a fix two slips away must be a common word
COMMON_BASE = 100           # "attaches" is a form of "attach"; "failled" is not one of "faille"
MIN_TWO_SLIP_LENGTH = 7     # shorter words are two slips from too many others
# Guessed by slips only from this length. On 30 real notes files nobody here wrote, of the
# lower-case fixes that only slips gave (not the typos dictionary, not British spellings), words
# of nine letters or more gave 25 fixes, 1 wrong by a reader's judgement; eight letters, 14 more
# with 3 wrong ("diverent" -> "divergent"); five to seven, 20 more with 12 wrong ("admin" ->
# "admit", "backend" -> "backed", "resize" -> "reside").
MIN_GUESSED_LENGTH = 9
# What British spelling has where American has the other ("organised", "centres", "favour"):
# a word that reads as a known word with its ending changed is spelled right.
BRITISH_ENDINGS = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
                   ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"), ("oured", "ored"),
                   ("tre", "ter"), ("tres", "ters"), ("ence", "ense"),
                   ("ogue", "og"), ("ogues", "ogs"))
# Notes whose words are more often unknown than this are in another language, and get no fixes:
# of the seed notes' words 3% are unknown, of the 30 real notes files' at most 16% (one with
# hundreds of link addresses), of a page of Spanish notes 90%.
MAX_UNKNOWN_SHARE = 0.5
LANGUAGE_SAMPLE_WORDS = 5000
# ...or whose commonest words are: notes in Portuguese full of English terms ("para", "podemos",
# "recursos" beside "backup", "storage") are under half unknown, but of their 20 commonest words
# 6 to 14 are; of English notes' (30 corpus files, six real repositories, 600 files), at most 4.
COMMONEST_WORDS = 20
MAX_UNKNOWN_COMMONEST = 5
# ...and inside a word: "paediatric", "programme", "sceptical", "aluminium", "manoeuvre".
BRITISH_INFIXES = (("ae", "e"), ("oe", "e"), ("amme", "am"), ("sce", "ske"), ("sca", "ska"), ("nium", "num"),
                   ("oeuvre", "euver"), ("our", "or"))   # (the last: "neighbourhood", "colourful")
MAX_TWO_SLIP_LENGTH = 14    # longer ones would cost a million look-ups each
SUFFIXES = ("s", "es", "ed", "ing", "ly", "er")
# Prefixes that make a word of a word ("multi" + "player"), for words the English list lacks;
# what follows one must be a word of this many letters or more, so that a slip such as "subnect"
# is not read as "sub" + "nect".
WORD_PREFIXES = ("multi", "inter", "under", "over", "sub", "pre", "mis", "non", "co", "re", "un", "de")
MIN_PREFIXED_REST = 5
# Parts of a word read as two words run together ("selecttime") have at least this many letters:
# shorter common words ("the", "ace", "per") start or end too many long words ("performace").
MIN_RUN_PART = 4
VOWELS = frozenset("aeiou")
# Endings that make a verb of a noun ("parameter" -> "parameterized", "container" ->
# "containerise"), in either spelling.
VERB_ENDINGS = ("ize", "izes", "ized", "izing", "ization", "ise", "ises", "ised", "ising", "isation")


class Candidate(NamedTuple):
    word: str
    score: float


@dataclass(eq=False)
class Speller:
    """English frequencies and the project's own words; decisions cached per word."""

    frequency: dict[str, int]
    vocabulary: frozenset[str]
    _decided: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def knows(self, word: str) -> bool:
        lowered = word.lower()
        if self.listed(lowered):
            return True
        if any(self.frequency.get(base, 0) >= COMMON_BASE for base in _bases(lowered)):
            return True     # "attaches", "rebooting": the list lacks some forms of its words
        if any(lowered.endswith(british) and lowered[:-len(british)] + american in self.frequency
               for british, american in BRITISH_ENDINGS):
            return True
        if any(british in lowered and lowered.replace(british, american, 1) in self.frequency
               for british, american in BRITISH_INFIXES):
            return True
        # "subnets", "failovers": one of the project's words with an ending. (The English list
        # has its own words' forms: "failes" is not "fail" with an ending.)
        return any(lowered.endswith(end) and lowered[:-len(end)] in self.vocabulary
                   for end in SUFFIXES if len(lowered) > len(end) + 2)

    def fixes(self, text: str) -> list[tuple[str, str]]:
        """Each word of the text that `fix` would change, as typed, and its fix (lower case)."""
        found = []
        for match in CHECKED_WORD.finditer(text):
            fixed = self.clear_fix(match.group(0).lower(), capitalised=match.group(0)[0].isupper())
            if fixed is not None:
                found.append((match.group(0), fixed))
        return found

    def fix(self, text: str) -> str:
        """Prose with each clearly misspelt word replaced, keeping the author's capital."""
        return CHECKED_WORD.sub(self._replace, text) if self.may_fix(text) else text

    def reads_as_english(self, text: str) -> bool:
        """Whether most of the text's words are English ones (or the project's): notes in
        another language ("las instancias se pueden detener") are never "fixed" into English."""
        # (Each word asked about once; the language read from the first words, as a file's
        # language does not change on its way: at 100 times the notes, the whole took 0.1 s.)
        typed = Counter(match.group(0).lower() for match in itertools.islice(ANY_WORD.finditer(text), LANGUAGE_SAMPLE_WORDS))
        unknown = sum(times for word, times in typed.items() if not self.knows(word))
        unknown_commonest = sum(not self.knows(word) for word, _ in typed.most_common(COMMONEST_WORDS))
        return unknown <= MAX_UNKNOWN_SHARE * sum(typed.values()) and unknown_commonest <= MAX_UNKNOWN_COMMONEST

    def may_fix(self, text: str, ignore: frozenset[str] = frozenset()) -> bool:
        """False when every word of the text is known (or in `ignore`): most pages, checked at
        once, with a looser pattern than the fix's own, so that it never says False wrongly."""
        unknown = {word for word in {word.lower() for word in ANY_WORD.findall(text)} - ignore
                   if not self.listed(word)}
        # (Asked as if typed in lower case: the widest the fixes go, so False is never wrong.)
        return any(self.clear_fix(word) is not None for word in unknown)

    def listed(self, lowered: str) -> bool:
        """Whether a lower-case word is on the English list or the project's own, as spelt.
        (Asked of both rather than of one set of both: that set cost 0.02 s a process.)"""
        return lowered in self.frequency or lowered in self.vocabulary

    def _replace(self, match: re.Match[str]) -> str:
        typed = match.group(0)
        fixed = self.clear_fix(typed.lower(), capitalised=typed[0].isupper())
        if fixed is None:
            return typed
        return fixed[0].upper() + fixed[1:] if typed[0].isupper() else fixed

    def clear_fix(self, word: str, capitalised: bool = False) -> str | None:
        """The one clear fix of an unknown lower-case word, or None. A word typed with a capital
        is fixed only from the dictionary of common misspellings."""
        if word not in self._decided:
            self._decided[word] = self._decide(word)
        listed, guessed = self._decided[word]
        return listed if listed is not None or capitalised else guessed

    def _decide(self, word: str) -> tuple[str | None, str | None]:
        """A word's fix from the dictionary of common misspellings, and its fix guessed from
        slips (asked only of long words neither knows): decided once a word, as a page asks
        about the same words again and again."""
        if self.knows(word):
            return None, None
        listed = data.misspellings().get(word)
        if listed is not None or len(word) < MIN_GUESSED_LENGTH:
            return listed, None
        # The dictionary knows the word, and that it could be meant as several ("partioning":
        # partitioning or portioning): a guess would be no clear fix.
        if self._formed(word) or word in data.unclear_misspellings():
            return None, None
        # A word of the project's own one slip away ("serverlss": serverless, which the English
        # list lacks) is what was meant, where nothing else is that near; the English list's
        # words two slips off ("servers") are not.
        near = _one_slip(word)
        own = [c for c in near if c in self.vocabulary and c not in self.frequency and _same_start(word, c)]
        if own:
            return None, own[0] if len(own) == 1 and not any(c in self.frequency for c in near) else None
        ranked = self.candidates(word)
        # Two common words typed without the space between ("selecttime": select time), where no
        # word is one slip away, are no two slips of one word ("selective" would drop a word the
        # author typed; "snapshorts" is one slip from "snapshots", however "snap shorts" reads).
        if ranked and ranked[0].word not in near and self._run_together(word):
            return None, None
        # A slip at the first letter makes a likelier word than any slip after it ("esidential",
        # from a space typed a letter late: residential rather than "evidential"): the first
        # letter is spared only as the likelier case, so this is no clear fix. (Of 3,000 common
        # long words typed without their first letter, guesses went from 121 wrong to 26; of
        # 1,200 typed with a slip after it, from 1,173 right to 1,171, none wrong either way.)
        if ranked and any(self.frequency.get(c, 0) >= self.frequency[ranked[0].word]
                          for c in near if not _same_start(word, c)):
            return None, None
        # A word of AWS's own (the project's words) as near as the likeliest English one:
        # "automatio" is "automatic" by how common the words are, but SSM's "automation" in
        # notes about AWS; nothing says which.
        # (Not a form of the same word: "resourcew" is "resources", whatever "resource" is.)
        if len(ranked) > 1 and ranked[0].word not in self.vocabulary \
                and any(c.word in self.vocabulary and c.word in near and not _forms(c.word, ranked[0].word)
                        for c in ranked[1:]):
            return None, None
        # One letter too many, where dropping either of two letters gives a word ("archieved":
        # archived or achieved): how common each word is cannot say which the author meant.
        if sum(len(c.word) == len(word) - 1 for c in ranked) > 1:
            return None, None
        if ranked and (len(ranked) == 1 or ranked[0].score >= CLEAR_MARGIN * ranked[1].score) \
                and (ranked[0].word in near or self.frequency[ranked[0].word] >= COMMON_WORD):
            # The English list holds some misspellings too ("dependancy"): those lead on to
            # their own fix, where the dictionary gives one.
            onward = data.unclear_misspellings().get(ranked[0].word, ())
            return None, onward[0] if len(onward) == 1 else ranked[0].word
        return None, None

    def _formed(self, word: str) -> bool:
        """Whether a word the lists lack is made of one they have, and so is no slip to guess
        a fix for: a prefix before a word ("multiplayer", "colocation", "reinstalls",
        "misattributed", "subsegments"), an ending after one ("authorizers", "recommender",
        "shockwaves", "enablement"), or an ending after a doubled consonant ("subnetting")."""
        for prefix in WORD_PREFIXES:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= MIN_PREFIXED_REST and self._known_form(rest):
                return True
        # (And a plural, a noun or a verb of a word the list has, rare as it may be: "shockwaves"
        # had become "shockwave", "enablement" "entablement", "parameterized" "parametrized".)
        for ending in ("ers", "er", "rs", "r", "s", "es", "ment", "ments", *VERB_ENDINGS):
            if word.endswith(ending) and self._known_form(word[:-len(ending)]):
                return True
        doubled = word.endswith(("ting", "ning", "ping", "ding", "ging", "ming", "ring", "ted", "ned", "ped", "ded"))
        stem = word[:-4] if word.endswith("ing") else word[:-3]
        # (English doubles a consonant after one short vowel: "subnet", not "remain": "remainning"
        # is a slip.)
        short_vowel = len(stem) >= 3 and stem[-2] in VOWELS and stem[-3] not in VOWELS and stem[-1] not in VOWELS
        return doubled and short_vowel and stem[-1] == word[len(stem)] and self._known_form(stem)

    def _run_together(self, word: str) -> bool:
        """Whether a word is two common words of MIN_RUN_PART letters or more, run together."""
        return any(self.frequency.get(word[:i], 0) >= COMMON_WORD and self.frequency.get(word[i:], 0) >= COMMON_WORD
                   for i in range(MIN_RUN_PART, len(word) - MIN_RUN_PART + 1))

    def _known_form(self, word: str) -> bool:
        """A word of either list, or a regular form of a common one."""
        return self.listed(word) or any(self.frequency.get(base, 0) >= COMMON_BASE for base in _bases(word))

    def suggestions(self, word: str) -> list[str]:
        """What the author may have meant by an unknown word, for the report: the dictionary's
        fixes where it gives several, else the likeliest known words a slip or two away."""
        return list(data.unclear_misspellings().get(word, ())) or [c.word for c in self.candidates(word)[:3]]

    def candidates(self, word: str) -> list[Candidate]:
        """Known words one slip away (two, for long words with none at one), likeliest first."""
        found = {c: self._score(word, c) for c in _one_slip(word) if c in self.frequency and _same_start(word, c)}
        if not found and MIN_TWO_SLIP_LENGTH <= len(word) <= MAX_TWO_SLIP_LENGTH:
            # Two slips, one of them a common one: all pairs would cost a second per word.
            found = {c: self._score(word, c) / COMMON_SLIP for once in _common_slips(word)
                     for c in _one_slip(once) if c in self.frequency and c != word and _same_start(word, c)}
        return sorted((Candidate(w, s) for w, s in found.items()), key=lambda c: (-c.score, c.word))

    def _score(self, typed: str, word: str) -> float:
        score = float(self.frequency[word])
        if _common_slip(typed, word):
            score *= COMMON_SLIP
        if len(word) == len(typed) + 1:
            score *= OMISSION
        return score


def _one_slip(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
            | {a + c + b for a, b in splits for c in LETTERS})


def _common_slips(word: str) -> set[str]:
    """A double letter made single or a single one double, or two neighbours swapped."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i + 1] + word[i] + word[i + 1:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
            if word[i] == word[i + 1]:
                out.add(word[:i] + word[i + 1:])
    out.discard(word)
    return out


def _forms(one: str, other: str) -> bool:
    """Whether two words are one word with and without an ending ("resource", "resources")."""
    shorter, longer = sorted((one, other), key=len)
    return any(longer == shorter + end for end in SUFFIXES)


def _same_start(typed: str, word: str) -> bool:
    """Slips spare a word's first letter ("iframe" is not a slip of "frame"), or swap it with
    the second."""
    return typed[0] == word[0] or typed[:2] == word[1::-1]


def _bases(word: str) -> list[str]:
    """The words `word` is a regular form of: attaches -> attach, rotated -> rotate."""
    bases = []
    if word.endswith("ies"):
        bases.append(word[:-3] + "y")
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        bases.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "es")):
        bases.append(word[:-1])
    if word.endswith("ed"):
        bases += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        bases += [word[:-3], word[:-3] + "e"]
    return [b for b in bases if len(b) >= 3]


def _common_slip(typed: str, word: str) -> bool:
    """A double letter typed once or a single one twice, or two neighbours swapped."""
    if abs(len(typed) - len(word)) == 1:
        longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
        for i in range(len(longer)):
            if longer[:i] + longer[i + 1:] == shorter:
                return (i > 0 and longer[i - 1] == longer[i]) or (i + 1 < len(longer) and longer[i + 1] == longer[i])
        return False
    if len(typed) == len(word):
        differ = [i for i in range(len(word)) if typed[i] != word[i]]
        return len(differ) == 2 and differ[1] == differ[0] + 1 and typed[differ[0]] == word[differ[1]] \
            and typed[differ[1]] == word[differ[0]]
    return False


@functools.lru_cache(maxsize=1)
def speller() -> Speller:
    """The speller for the project's data files."""
    english = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    frequency = json.loads(gzip.decompress(english))
    return Speller(frequency=frequency, vocabulary=project_words())


@functools.lru_cache(maxsize=1)
def project_words() -> frozenset[str]:
    """Every word of the project's data: services (every AWS service's name, "Rekognition"
    included), glossary, terms, labels, the keep list and the fixes of the reviewed corrections,
    lower-cased."""
    texts: list[str] = [*data.terms(), *data.labels(), *data.known_words(), *data.corrections().values()]
    for service in data.known_services():
        texts += service.spellings()
    for abbreviation, expansion in data.glossary().items():
        texts += [abbreviation, expansion]
    return frozenset(word.lower() for text in texts for word in re.findall(r"[A-Za-z]+", text))
