"""Which plain lines are topics: a short title over bullets, a "Name: gist" line, a question.

Notes mostly mark their topics by shape alone (`Placement Groups` over its bullets, `Spot
instances: short workloads...`); these rules read that shape, line by line, from the line, its
neighbours and the node before it. A statement, a command or a label stays what it is.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from . import naming
from .inline import SHELL_LINE
from .shapes import BULLET, LETTERS, Block, Item, Node
from .source import SourceLine

# "Spot instances: short workloads", "Cluster - clusters instances...": a name, then its gist,
# parted where the name could end (see `definition`).
SEPARATOR = re.compile(r"\s*(?::|\s-\s)\s*(?=\S)")
# A run of emphasis marks: "*", "**", or "_"/"__" at a word's edge (inside a word, as in
# "max_size", an underscore is part of the word).
EMPHASIS_RUN = re.compile(r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
WRAPPING_EMPHASIS = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<inner>[^*_\s](?:[^*_]*[^*_\s])?)(?P=mark)")
ONLY_A_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
ONLY_A_PATH = re.compile(r"^[./\w\-]*/[./\w\-]*$")
MAX_TOPIC_WORDS = 12     # a longer line is a sentence, not a topic
MAX_NAME_WORDS = 4       # "Dedicated hosts", "InstanceLimitExceeded": the name part of a definition
MAX_WHOLE_TITLE_WORDS = 5  # "Option 1: CloudWatch Alarm" reads best as one title
MAX_BARE_TITLE_WORDS = 6   # a topic line with nothing to prove it but its own shape
# In notes that type their headings, a line over a list titles it up to this many words, no colon
# needed ("Instance store volumes for temporary data"); longer, it is the list's lead-in
# sentence. (Of such lines in the 27 repositories of the corpus, those of 9 to 12 words were
# all sentences but for questions and titles with an aside in parentheses.)
MAX_TITLE_OVER_LIST_WORDS = 8
ASIDE = re.compile(r"\([^()]*\)")
MAX_SERVICE_NAME_WORDS = 4  # "Elastic Load Balancing", "AWS Certificate Manager": a line of a list of services
# A line that starts like a sentence, or has a verb like "is" or "can", is prose, not a topic...
SENTENCE_STARTERS = frozenset("""a an and as but if it its or so that the then there these they
this those we when you your also always allows helps supports works uses""".split())
AUXILIARY_VERBS = frozenset("""is are was were be been can could will would should must does do
did has have had need needs may might""".split())
# ...unless it asks a question: "How you can avoid using Elastic IP:" is a topic.
QUESTION_WORDS = frozenset("how what why which where".split())


# Flash cards: "Q: What is the max timeout?" over "A: 15 minutes" ("Q1.", "Question:", "Ans:").
QUESTION = re.compile(r"^(?:Q|Question)[ \t]*\d{0,3}[ \t]*[:.)][ \t]*\S", re.IGNORECASE)
ANSWER = re.compile(r"^(?:A|Ans|Answer)[ \t]*\d{0,3}[ \t]*[:.)][ \t]*\S", re.IGNORECASE)
MAX_QUESTION_WORDS = 30  # a question this long is still the title of its answer


def asks(text: str, following: Item | None) -> bool:
    """A flash card's question, right over its answer: the title of a section that holds it, so
    that each card is one section, found and linked on its own, whatever its length."""
    return isinstance(following, SourceLine) and QUESTION.match(text) is not None \
        and ANSWER.match(following.text.strip()) is not None and len(text.split()) <= MAX_QUESTION_WORDS


def topic_kind(text: str, index: int, previous: Node | None, following: Item | None,
               typed_headings: bool = False) -> str | None:
    """"topic", "subtopic" or None (prose) for a plain line, from its shape and neighbours.
    `typed_headings`: the notes type their headings, so a sentence over a list leads into it."""
    if following is None or not _could_be_title(text):
        return None
    if not isinstance(following, SourceLine):
        return "topic" if isinstance(following, Block) and index == 0 and text.endswith(":") else None
    next_is_bullet = bool(BULLET.match(following.text))
    if previous is not None and previous.kind == "topic":
        # Right under a topic: only "Name: gist" followed by its own lines is a sub-topic.
        # ("on-demand: short workload" under "Purchasing options"; not "R: ..." then "C: ...".)
        if previous.lead:
            return None
        if is_definition(text) and (next_is_bullet or not is_definition(following.text.strip())):
            return "subtopic"
        if _unemphasised(text).endswith(":") and next_is_bullet:
            return "subtopic"     # ("Advantages:" over its bullets; "**Advantages:**" too)
        return None
    if next_is_bullet and (text.endswith(":") or _capitalised(text) and not (typed_headings and _a_sentence(text))):
        if index > 0 and previous is not None and previous.kind == "text" and not text.endswith(":") \
                and not _looks_like_a_title(text):
            # The last line of a paragraph, over the bullets that follow it, is still prose:
            # "Spread runs each instance on its own rack in one AZ" over "- placement groups".
            return None
        return "topic"
    if index == 0 and _lists_services(text, following.text):
        return None    # "SNS", "SQS", "SES" a line each: a list of services, the first no title of the rest
    if index == 0 and _colon_term(text) and not following.text[:1].isspace() and _colon_term(following.text.strip()):
        return None    # "Instance store: ephemeral" over "EBS: network drive": a list of terms, none a title
    if index == 0 and (word_count(split_title(text)[0]) <= MAX_BARE_TITLE_WORDS or text.endswith(":")):
        # (A block's first line of more words is a statement: "EBS keeps each snapshot of a
        # volume in the region it was taken" over "Copies to other regions ...".)
        return "topic"
    if previous is not None and previous.kind == "bullet" and \
            (text.endswith(":") or _looks_like_a_title(text)):
        return "topic"
    if text.endswith(":") and _first_word(text) in QUESTION_WORDS:
        return "topic"
    return None


def _unemphasised(text: str) -> str:
    """A line's text inside the emphasis that wraps it whole: "**Advantages:**" -> "Advantages:"."""
    wrapped = WRAPPING_EMPHASIS.fullmatch(text.strip())
    return wrapped["inner"] if wrapped else text


def _lists_services(text: str, following: str) -> bool:
    """Whether a line and the next are each a service's name alone."""
    return all(word_count(line) <= MAX_SERVICE_NAME_WORDS for line in (text, following)) \
        and all(_is_a_service_name(line.strip()) for line in (text, following))


@functools.lru_cache(maxsize=4096)
def _is_a_service_name(line: str) -> bool:
    named = naming.service_named(line)
    return named is not None and named.whole and naming.is_only_a_name(line)


def titles_list(text: str, following: Item) -> bool:
    """A short capitalised line alone between blank lines, over a list that starts at the
    margin ("Command line tools", a blank line, "* Install: ..."): the list's title, as a reader takes it."""
    return isinstance(following, SourceLine) and BULLET.match(following.text) is not None \
        and not following.text[:1].isspace() and _could_be_title(text) and _looks_like_a_title(text) \
        and not text.rstrip().endswith((".", "!", ";"))


def _could_be_title(text: str) -> bool:
    if SHELL_LINE.match(text):    # a command typed at a prompt is never a topic
        return False
    if ONLY_A_LINK.fullmatch(text.strip()):   # nor a link or a picture: "[AWS docs](https://...)"
        return False
    if text.strip().startswith("(") and text.strip().endswith(")"):   # nor an aside: "( Serverless )"
        return False
    name, _ = split_title(text)
    words = name.split()
    if not words or len(words) > MAX_TOPIC_WORDS or "=" in text or not LETTERS.search(name):
        return False
    if ONLY_A_PATH.match(name):
        return False
    if "," in name or "|" in name or name.endswith("."):   # (a "|" divides columns of a table typed by hand)
        return False
    if _first_word(text) in QUESTION_WORDS:
        return True
    return not any(w.lower().strip("?:") in AUXILIARY_VERBS for w in words) \
        and not _is_label(text)


def _a_sentence(text: str) -> bool:
    """Too many words for a title over a list, in notes that type their headings: "Records and
    tracks all API requests in your AWS account" over what it records is the list's lead-in, as
    typed (where notes with no heading typed title each list so: "Give access to instances in
    the private subnet" over "- NAT Gateway"). Words in parentheses are an
    aside: "Application Load Balancer (v2 - new generation - 2016)" is a title; so is a question
    over its answers."""
    return not text.endswith("?") and word_count(ASIDE.sub(" ", split_title(text)[0])) > MAX_TITLE_OVER_LIST_WORDS


def _capitalised(text: str) -> bool:
    """Starts with a capital, or is a short phrase with one ("procstat Plugin")."""
    words = text.split()
    return text[:1].isupper() or (len(words) <= 3 and any(w[:1].isupper() for w in words))


def _looks_like_a_title(text: str) -> bool:
    """A short capitalised phrase ("SSH v EC2 instance connect"), not a sentence."""
    words = text.rstrip(":?").split()
    return (len(words) <= MAX_BARE_TITLE_WORDS and text[:1].isupper()
            and _first_word(text) not in SENTENCE_STARTERS)


def _is_label(text: str) -> bool:
    from .inline import normalizer  # labels are data; the normalizer holds them compiled
    return normalizer().split_label(text) is not None


def is_definition(text: str) -> bool:
    match = definition(text)
    return match is not None and len(match.name.split()) <= MAX_NAME_WORDS and not _is_label(text) \
        and not BULLET.match(text)


def _colon_term(text: str) -> bool:
    """"Name: gist", a term and what it is, typed with a colon."""
    match = definition(text) if is_definition(text) else None
    return match is not None and text[match.name_end:].lstrip().startswith(":")


class Definition(NamedTuple):
    name: str
    gist: str
    name_end: int     # where the name ends in the text: the separator follows


def definition(text: str) -> Definition | None:
    """"Name: gist" or "Name - gist", at the first separator that stands outside any
    parentheses, emphasis or code: "Block based (up to 16 TiB - gp3)" is one phrase, not a name
    and a gist; "**Best practice: roles, not keys**" is one bold phrase; "**8:00 PM**: Peak
    time" is named "**8:00 PM**"."""
    for separator in SEPARATOR.finditer(text):
        name = text[:separator.start()]
        if not name or name.count("(") != name.count(")") or name.count("`") % 2 \
                or len(EMPHASIS_RUN.findall(name)) % 2:
            continue
        return Definition(name, text[separator.end():], separator.start())
    return None


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].lower().strip(":?,") if words else ""


def word_count(text: str) -> int:
    return len(text.split())


def split_title(text: str) -> tuple[str, str]:
    """A topic line's name and the gist after it: ("Spot instances", "short workloads...")."""
    stripped = text.strip().rstrip(":").strip()
    if word_count(stripped) <= MAX_WHOLE_TITLE_WORDS and "," not in stripped:
        return stripped, ""
    match = definition(stripped)
    if match and len(match.name.split()) <= MAX_NAME_WORDS + 2:
        return match.name.strip(), match.gist.strip()
    return stripped, ""
