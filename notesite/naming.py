"""Which service a heading names: exactly, misspelt, or with words before or after the name.

"EC2", "AWS Lambda", "Simple Queue Service (SQS)" and "Cloud Wach" name a service outright;
"S3 Pricing" and "S3 Versioning" name S3 and say which part of it. Only distinctive names
(abbreviations, several words, inner capitals) and the reviewed one-word names that are no common
English word ("Lambda", "Aurora") count when misspelt or when other words come with
them: "Backup strategy" and "Backups" are not about AWS Backup.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterator, NamedTuple

from . import data, spelling

VENDOR_PREFIX = re.compile(r"^(?:aws|amazon)\s+", re.IGNORECASE)
# (Only from the end of a word: tried at every blank of a long run, the blanks would be read
# again from each, the square of the run's length.)
LIST_SEPARATOR = re.compile(r"(?<!\s)\s*+(?:,|&|\+|(?<=\s)/(?=\s)|\band\b)\s*+", re.IGNORECASE)
# Between the services a title compares: "EC2 vs Lambda", "S3 versus EBS".
VERSUS = re.compile(r"(?<!\s)\s+(?:vs\.?|versus)\s+", re.IGNORECASE)
COMPARISON_LABEL = re.compile(r"^[^:]*(?::|\s[-–—])\s+")   # "Comparison: ", "Which to pick - "
PARENTHESIS = re.compile(r"(?<!\s)\s*+\(([^()]*)\)\s*+$")   # (from a word's end, as LIST_SEPARATOR)
# A title's own numbering, which names nothing: "1. EC2", "II] Redshift", "a) S3", "3 - SQS".
ENUMERATOR = re.compile(r"^(?:\d{1,3}|[ivxlc]{1,6}|[a-z])\s*[.)\]:-]\s+(?=\S)", re.IGNORECASE)
# Where in a long title a name with words around it is looked for ("Notes on VPC peering").
MAX_SEARCHED_WORDS = 12
MIN_FUZZY_LENGTH = 5       # shorter names ("SNS", "SQS", "EBS", "EFS") must be typed exactly
TWO_EDITS_LENGTH = 10      # names this long may be two typing slips away
# A service's one-word name this common in English (pyspellchecker's counts) is a common word
# first: "backup" 21,446, "support" 106,642, "organizations" 3,122, "bedrock" 1,004. Below it, a
# heading of the name far more likely means the service: "budgets" 838, "lambda" 349, "athena"
# 150, "redshift" 50.
COMMON_WORD_COUNT = 1000
# A name in running text: words of letters and digits, up to this many ("Simple Queue Service").
MENTION_WORD = re.compile(r"[A-Za-z0-9]+")
MENTION_WORDS = 3
# Words an abbreviation leaves out: "Identity and Access Management" is IAM.
SMALL_WORDS = frozenset({"and", "of", "for", "the", "to", "a", "an", "on", "in"})


class Named(NamedTuple):
    """A service a heading names, and whether the heading is just its name."""

    service: data.Service
    whole: bool
    # Named only by the generated catalogue, not services.yaml, or only by a common English
    # word that is also a service's name ("Backup", "Support"), without "AWS" before it: a page
    # of its own when as shallow as pages, never from deeper ("### Backup" under "## EC2" is
    # about backups, "### Resource groups" under "## Tags" stays there).
    catalogue: bool = False
    # Only such a common word: a bare line of it is a line, not a page.
    common_word: bool = False


key = data.name_key   # a heading or name as compared: lower case, letters and digits only


def service_named(title: str) -> Named | None:
    """The service a heading names, if any."""
    title = ENUMERATOR.sub("", title.strip().rstrip(".:").strip())
    if _names_several(title):
        return None    # "Load Balancer, Auto Scaling, EBS": a group of services, none alone
    if compared(title):
        # A comparison: "DynamoDB vs S3" in DynamoDB's notes is about DynamoDB first;
        # "Comparison: EC2 vs Lambda vs EKS" about none of them alone (not the last named).
        first = _whole_name(key(VENDOR_PREFIX.sub("", VERSUS.split(title)[0])))
        return None if first is None else Named(first, whole=False, catalogue=first in _catalogued())
    bare = VENDOR_PREFIX.sub("", title)
    inside = PARENTHESIS.search(bare)
    candidates = [bare]
    if inside:
        # "Simple Queue Service (SQS)": either part may be the one services.yaml knows.
        candidates = [bare[:inside.start()], inside.group(1), bare]
    for text in candidates:
        service = _whole_name(key(text))
        if service is not None:
            # ("SnowBall" with its inner capital is the service, not a word.)
            common = service in _common_words() and bare == title and not data.is_distinctive(bare)
            return Named(service, whole=True, catalogue=common or service in _catalogued(), common_word=common)
    for part in _parts(bare.split()):
        service = _partial_name(key(part))
        if service is not None:
            return Named(service, whole=False, catalogue=service in _catalogued())
    return None


def mentions(text: str) -> Counter[data.Service]:
    """How often running text names each service by one of its names, typed exactly (any case):
    "ElastiCache", "Route 53", "Simple Queue Service". A service whose name is a common English
    word ("Backup", "Config") is not counted: in prose the word is more often the word."""
    words = MENTION_WORD.findall(text)
    common = _common_words()
    found: Counter[data.Service] = Counter()
    position = 0
    while position < len(words):
        count, service = _name_at(words, position)
        if service is not None and service not in common:
            found[service] += 1
        position += count
    return found


def _name_at(words: list[str], position: int) -> tuple[int, data.Service | None]:
    """The longest service's name that starts at a word: how many words it takes, and whose it
    is; (1, None) where none does."""
    for count in range(min(MENTION_WORDS, len(words) - position), 0, -1):
        service = _names().get(key(" ".join(words[position:position + count])))
        if service is not None:
            return count, service
    return 1, None


def _partial_name(typed: str) -> data.Service | None:
    """The service a part of a title names, also in the other number ("Comparing Step Function
    workflows", "Lambdas and layers"); short names ("ECS", "SES") must be typed exactly."""
    names = _partial_names()
    if typed in names or len(typed) < MIN_FUZZY_LENGTH:
        return names.get(typed)
    return names.get(_other_number(typed))


def _other_number(typed: str) -> str:
    """A name's key in the other number: "stepfunction" for "stepfunctions", and back."""
    return typed[:-1] if typed.endswith("s") else typed + "s"


def compared(title: str) -> frozenset[data.Service]:
    """The services a title compares ("Comparison: RDS vs Aurora vs DynamoDB"), where it
    compares two or more; none for any other title."""
    sides = VERSUS.split(title)
    if len(sides) < 2:
        return frozenset()
    sides[0] = COMPARISON_LABEL.sub("", sides[0])     # "Comparison: SQS" compares SQS
    named = frozenset(_whole_name(key(VENDOR_PREFIX.sub("", side))) for side in sides) - {None}
    return named if len(named) >= 2 else frozenset()


def _names_several(title: str) -> bool:
    """Whether a title lists two services or more, each whole ("ELB & ASG", "SQS, SNS")."""
    parts = LIST_SEPARATOR.split(title)
    if len(parts) < 2:
        return False
    named = {service for part in parts if (service := _whole_name(key(VENDOR_PREFIX.sub("", part))))}
    return len(named) >= 2


def _parts(words: list[str]) -> Iterator[str]:
    """Where a name with words around it may stand in a title: its first or last words, longest
    first; then inside it ("Other VPC notes"), in its first words only."""
    # A part of more words than the longest name has letters cannot be a name: a heading of
    # 200,000 characters is tried for as many words as a name can have, not for all of them.
    longest = min(len(words) - 1, _longest_name())
    for count in range(longest, 0, -1):
        yield " ".join(words[:count])
        yield " ".join(words[-count:])
    searched = words[:MAX_SEARCHED_WORDS]
    for count in range(min(len(searched) - 2, longest), 0, -1):
        for start in range(1, len(searched) - count):
            yield " ".join(searched[start:start + count])


def is_only_a_name(title: str) -> bool:
    """Whether a line says nothing but a name (or names with words around them): no numbering
    of its own, and words in parentheses only when they are the same service's other name
    ("Simple Queue Service (SQS)", not "Aurora (AWS's own database)"). Such a line can become a
    heading that shows the service's name in its place; any other would lose words."""
    if ENUMERATOR.match(title.strip()):
        return False
    inside = PARENTHESIS.search(title)
    if inside is None:
        return "(" not in title
    outer_text = title[:inside.start()]
    outer, inner = service_named(outer_text), service_named(inside.group(1))
    if inner is not None and inner.whole and _initials(outer_text) == key(inside.group(1)):
        return True   # "Identity Access Management (IAM)": the abbreviation spelt out, however loosely
    return outer is not None and inner is not None and outer.service == inner.service


def is_its_title(typed: str, service: data.Service) -> bool:
    """Whether a heading is one of the service's own names (short, full or abbreviated; "AWS",
    "Amazon" or a number before it or not) or a slip of one ("Lamda"): nothing a page titled
    with its name does not already say."""
    typed_key = key(VENDOR_PREFIX.sub("", ENUMERATOR.sub("", typed.strip())))
    own = {key(VENDOR_PREFIX.sub("", name)) for name in (service.name, service.full, service.abbr) if name}
    if typed_key in own or any(_edits(typed_key, name, 1) <= 1 for name in own if len(name) >= MIN_FUZZY_LENGTH):
        return True     # ("Elastic Cache", an alias people type, is a slip of "ElastiCache")
    # A slip, not another name of the service typed right, in either number ("Classic Load
    # Balancers" is one of Elastic Load Balancing's).
    return not {typed_key, _other_number(typed_key)} & _names().keys() and _whole_name(typed_key) == service


def leads_with(title: str, service: data.Service) -> bool:
    """Whether a title starts with the service's name, whole ("EBS volumes", "Route 53
    pricing"; not "Moving data to S3")."""
    words = VENDOR_PREFIX.sub("", ENUMERATOR.sub("", title.strip())).split()
    return any(_whole_name(key(" ".join(words[:count]))) == service for count in range(1, min(len(words), 4) + 1))


def ends_with_vendor_name(title: str, service: data.Service) -> bool:
    """Whether a title ends with the service's name after "AWS" or "Amazon" ("Types of budgets
    of AWS Budgets"): the vendor's name says the last words are the service, not a word."""
    words = title.split()
    for count in range(1, min(len(words), _longest_name() + 1)):
        if VENDOR_PREFIX.match(words[-count - 1] + " "):
            named = _whole_name(key(" ".join(words[-count:])))
            return named == service
    return False


def _initials(text: str) -> str:
    """The letters an abbreviation of these words would have, small words left out
    ("Identity and Access Management" -> "iam")."""
    return "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", text.lower()) if word not in SMALL_WORDS)


@functools.lru_cache(maxsize=None)
def _longest_name() -> int:
    return max((len(name) for name in _distinctive()), default=0)


@functools.lru_cache(maxsize=4096)   # a server's builds ask it of the same headings at every save
def _whole_name(typed: str) -> data.Service | None:
    if not typed:
        return None
    names = _names()
    if typed in names:
        return names[typed]
    if len(typed) < MIN_FUZZY_LENGTH:
        return None
    allowed = 2 if len(typed) >= TWO_EDITS_LENGTH else 1
    best: tuple[int, data.Service] | None = None
    letters = set(typed)
    if spelling.speller().knows(typed):
        return None      # an English word typed right is not a slip of a name ("Lambda" is, "Backups" not)
    for name, service in _slip_targets().items():
        # Cheap bounds first: each edit changes the length by one or the letters by two.
        if len(name) >= MIN_FUZZY_LENGTH and abs(len(name) - len(typed)) <= allowed \
                and len(letters.symmetric_difference(name)) <= 2 * allowed:
            distance = _edits(typed, name, allowed)
            if distance <= allowed and (best is None or distance < best[0]):
                best = (distance, service)
    return best[1] if best else None


@functools.lru_cache(maxsize=None)
def _names() -> dict[str, data.Service]:
    names: dict[str, data.Service] = {}
    for service in data.known_services():
        for spelling in service.spellings():
            names.setdefault(key(VENDOR_PREFIX.sub("", spelling)), service)
            names.setdefault(key(spelling), service)
    return names


@functools.lru_cache(maxsize=None)
def _distinctive() -> dict[str, data.Service]:
    found: dict[str, data.Service] = {}
    for service in data.known_services():
        for spelling in service.spellings():
            if data.is_distinctive(spelling):
                found.setdefault(key(spelling), service)
    return found


@functools.lru_cache(maxsize=None)
def _common_words() -> frozenset[data.Service]:
    """Services whose name, without "AWS" or "Amazon", is one common English word."""
    english = spelling.speller().frequency
    return frozenset(service for service in data.known_services()
                     if " " not in (bare := VENDOR_PREFIX.sub("", service.name))
                     and english.get(bare.lower(), 0) >= COMMON_WORD_COUNT)


@functools.lru_cache(maxsize=None)
def _partial_names() -> dict[str, data.Service]:
    """Names that count with other words around them ("Lambda pricing", "Other VPC notes"):
    distinctive ones, and the reviewed one-word names that are no common English word."""
    return {**_plain_reviewed_names(), **_distinctive()}


@functools.lru_cache(maxsize=None)
def _slip_targets() -> dict[str, data.Service]:
    """The names a misspelt heading may be matched to: the reviewed services' distinctive names,
    and their one-word names that are no common English word ("Aurora", "Athena")."""
    return {**_plain_reviewed_names(), **_reviewed_distinctive()}


@functools.lru_cache(maxsize=None)
def _plain_reviewed_names() -> dict[str, data.Service]:
    """The reviewed services by their names without "AWS" or "Amazon", but for common words."""
    names: dict[str, data.Service] = {}
    for service in data.services():
        if service not in _common_words():
            names.setdefault(key(VENDOR_PREFIX.sub("", service.name)), service)
    return names


@functools.lru_cache(maxsize=None)
def _catalogued() -> frozenset[data.Service]:
    return frozenset(data.catalogue())


@functools.lru_cache(maxsize=None)
def _reviewed_distinctive() -> dict[str, data.Service]:
    """The names a misspelling may be matched to: the reviewed services' only. Matching slips
    against every name AWS has would take "Data Exchanges" for a service."""
    return {name: service for name, service in _distinctive().items() if service not in _catalogued()}


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (a swap of neighbours is one edit), or limit + 1 if more."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
