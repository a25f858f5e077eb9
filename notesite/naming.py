"""Which service a heading names: exactly, misspelt, or with words before or after the name.

"EC2", "AWS Lambda", "Simple Queue Service (SQS)" and "Cloud Wach" name a service outright;
"S3 Pricing" and "S3 Versioning" name S3 and say which part of it. Only distinctive names
(abbreviations, several words, inner capitals) count when misspelt or when other words come with
them: "Backup strategy" and "Backups" are not about AWS Backup.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import data

NAME_KEY = re.compile(r"[^a-z0-9]+")
VENDOR_PREFIX = re.compile(r"^(?:aws|amazon)\s+", re.IGNORECASE)
PARENTHESIS = re.compile(r"\s*\(([^()]*)\)\s*$")
MIN_FUZZY_LENGTH = 5       # shorter names ("SNS", "SQS", "EBS", "EFS") must be typed exactly
TWO_EDITS_LENGTH = 10      # names this long may be two typing slips away


class Named(NamedTuple):
    """A service a heading names, and whether the heading is just its name."""

    service: data.Service
    whole: bool


def key(text: str) -> str:
    """A heading or name as compared: lower case, letters and digits only, no spaces."""
    return NAME_KEY.sub("", text.lower())


def service_named(title: str) -> Named | None:
    """The service a heading names, if any."""
    title = title.strip().rstrip(".:").strip()
    bare = VENDOR_PREFIX.sub("", title)
    inside = PARENTHESIS.search(bare)
    candidates = [bare]
    if inside:
        # "Simple Queue Service (SQS)": either part may be the one services.yaml knows.
        candidates = [bare[:inside.start()], inside.group(1), bare]
    for text in candidates:
        service = _whole_name(key(text))
        if service is not None:
            return Named(service, whole=True)
    words = bare.split()
    # A part of more words than the longest name has letters cannot be a name: a heading of
    # 200,000 characters is tried for as many words as a name can have, not for all of them.
    longest = min(len(words) - 1, _longest_name())
    for count in range(longest, 0, -1):
        for part in (" ".join(words[:count]), " ".join(words[-count:])):
            service = _distinctive().get(key(part))
            if service is not None:
                return Named(service, whole=False)
    return None


@functools.lru_cache(maxsize=None)
def _longest_name() -> int:
    return max((len(name) for name in _distinctive()), default=0)


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
    for name, service in _distinctive().items():
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
    for service in data.services():
        for spelling in service.spellings():
            names.setdefault(key(VENDOR_PREFIX.sub("", spelling)), service)
            names.setdefault(key(spelling), service)
    return names


@functools.lru_cache(maxsize=None)
def _distinctive() -> dict[str, data.Service]:
    return {key(spelling): service for spelling, service in
            ((s, svc) for svc in data.services() for s in svc.spellings()) if data.is_distinctive(spelling)}


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
