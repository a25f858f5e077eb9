"""The shape of the notes: which lines start pages, which are topics, bullets, labels or prose.

The author types headings (`## EC2`, `#Scalability`), bullets in any form (`-x`, `- x`, `- - x`)
and, mostly, topics as short plain lines followed by bullets (`Placement Groups`,
`Spot instances: short workloads...`). These rules read that shape. They only classify lines;
every line they see comes out in exactly one node, so nothing the author wrote is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import SourceLine

# "## EC2", "#Scalability": a page. Not "#1 priority", which is a number, not a heading.
PAGE_HEADING = re.compile(r"^\s{0,3}#{1,2}(?![#\d])\s*(?P<title>[^\s#].*?)\s*#*\s*$")
TOPIC_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{3,6})(?![#\d])\s*(?P<title>[^\s#].*?)\s*#*\s*$")
BULLET = re.compile(r"^(?P<indent>\s*)(?P<marks>(?:(?:-|•)(?:\s+|(?=[^\s\-•]))|\*\s+)+)(?P<text>\S.*)$")
# "Spot instances: short workloads", "Cluster - clusters instances...": a name, then its gist.
DEFINITION = re.compile(r"^(?P<name>[^:]+?)\s*(?::|\s-\s)\s*(?P<gist>\S.*)$")
LETTERS = re.compile(r"[A-Za-z]{2,}")
ONLY_A_PATH = re.compile(r"^[./\w\-]*/[./\w\-]*$")

MAX_TOPIC_WORDS = 12     # a longer line is a sentence, not a topic
MAX_NAME_WORDS = 4       # "Dedicated hosts", "InstanceLimitExceeded": the name part of a definition
MAX_WHOLE_TITLE_WORDS = 5  # "Option 1: CloudWatch Alarm" reads best as one title
MAX_BARE_TITLE_WORDS = 6   # a topic line with nothing to prove it but its own shape
MAX_DEPTH = 5
# A line that starts like a sentence, or has a verb like "is" or "can", is prose, not a topic...
SENTENCE_STARTERS = frozenset("""a an and as but if it its or so that the then there these they
this those we when you your also always allows helps supports works uses""".split())
AUXILIARY_VERBS = frozenset("""is are was were be been can could will would should must does do
did has have had need needs may might""".split())
# ...unless it asks a question: "How you can avoid using Elastic IP:" is a topic.
QUESTION_WORDS = frozenset("how what why which where".split())


@dataclass
class Node:
    """One line of a page, classified."""

    kind: str                 # "topic", "bullet" or "text"
    line: SourceLine
    text: str                 # the line's content without bullet or heading markers
    depth: int = 0            # bullets: 0 for a top-level item
    level: int = 0            # topics: 2 for a main topic, 3 and deeper for sub-topics
    lead: str = ""            # topics: what followed the name ("short workloads, cheap...")


@dataclass
class PageDraft:
    """The lines under one page heading."""

    heading: SourceLine | None
    title: str
    lead: list[SourceLine] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)


@dataclass
class Outline:
    """A notes file as pages, plus the title lines that head the whole file."""

    title_lines: list[SourceLine]
    pages: list[PageDraft]


def outline(lines: list[SourceLine], default_title: str) -> Outline:
    """Split one notes file into pages and classify each page's lines."""
    title_lines: list[SourceLine] = []
    pages: list[PageDraft] = []
    current = PageDraft(heading=None, title=default_title)
    body: list[SourceLine] = []

    def close() -> None:
        if current.heading is None and not any(not l.blank for l in body):
            return
        current.nodes = classify(body)
        pages.append(current)

    for line in lines:
        match = PAGE_HEADING.match(line.text)
        if not match:
            body.append(line)
            continue
        kicker = _kicker(body)
        if kicker is not None:
            body.remove(kicker)
        close()
        current = PageDraft(heading=line, title=match["title"], lead=[kicker] if kicker else [])
        body = []
    close()
    # A heading with nothing under it at the top of the file titles the whole file.
    while pages and pages[0].heading is not None and not pages[0].nodes and not pages[0].lead \
            and not any(p.title == pages[0].title for p in pages[1:]):
        title_lines.append(pages.pop(0).heading)  # type: ignore[arg-type]
    return Outline(title_lines=title_lines, pages=pages)


def _kicker(body: list[SourceLine]) -> SourceLine | None:
    """A lone line right above a heading ("Manage EC2 at scale") introduces that heading's page."""
    if not body or body[-1].blank:
        return None
    last = body[-1]
    before = body[-2] if len(body) > 1 else None
    if (before is None or before.blank) and not BULLET.match(last.text) \
            and _word_count(last.text) <= MAX_BARE_TITLE_WORDS:
        return last
    return None


def classify(lines: list[SourceLine]) -> list[Node]:
    """Every non-blank line of a page as a topic, bullet or text node, in order."""
    nodes: list[Node] = []
    category_open = False  # "Purchasing options": its later "Name: gist" blocks stay beneath it
    for block in _blocks(lines):
        first_topic_level: int | None = None
        list_parent_depth: int | None = None  # "- Status check:" takes the lines under it
        for index, line in enumerate(block):
            previous = nodes[-1] if index > 0 else None
            following = block[index + 1] if index + 1 < len(block) else None
            heading = TOPIC_HEADING.match(line.text)
            bullet = BULLET.match(line.text)
            if heading:
                level = min(len(heading["hashes"]) - 1, 6)
                nodes.append(Node("topic", line, heading["title"], level=level))
                first_topic_level = level
                list_parent_depth = None
                continue
            if bullet:
                depth = len(re.findall(r"[-•*]", bullet["marks"])) - 1 + len(bullet["indent"]) // 2
                nodes.append(Node("bullet", line, bullet["text"], depth=depth))
                list_parent_depth = depth if bullet["text"].rstrip().endswith(":") else None
                continue
            text = line.text.strip()
            kind = _topic_kind(text, index, previous, following)
            if kind is None:
                if list_parent_depth is not None:
                    nodes.append(Node("bullet", line, text, depth=list_parent_depth + 1))
                else:
                    nodes.append(Node("text", line, text))
                continue
            list_parent_depth = None
            name, lead = split_title(text)
            if kind == "subtopic":
                level = (previous.level if previous else 2) + 1
                category_open = previous is not None and previous.level == 2
            elif index == 0 and category_open and _is_definition(text):
                level = 3
            elif first_topic_level is None:
                level = 2
                category_open = False
            else:
                level = min(first_topic_level + 1, 6)
            if first_topic_level is None:
                first_topic_level = level
            nodes.append(Node("topic", line, name, level=level, lead=lead))
    _clamp_depths(nodes)
    return nodes


def _blocks(lines: list[SourceLine]) -> list[list[SourceLine]]:
    blocks: list[list[SourceLine]] = [[]]
    for line in lines:
        if line.blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


def _topic_kind(text: str, index: int, previous: Node | None,
                following: SourceLine | None) -> str | None:
    """"topic", "subtopic" or None (prose) for a plain line, from its shape and neighbours."""
    if following is None or not _could_be_title(text):
        return None
    next_is_bullet = bool(BULLET.match(following.text)) or bool(TOPIC_HEADING.match(following.text))
    if previous is not None and previous.kind == "topic":
        # Right under a topic: only "Name: gist" followed by its own lines is a sub-topic.
        # ("on-demand: short workload" under "Purchasing options"; not "R: ..." then "C: ...".)
        if previous.lead:
            return None
        if _is_definition(text) and (next_is_bullet or not _is_definition(following.text.strip())):
            return "subtopic"
        if text.endswith(":") and next_is_bullet:
            return "subtopic"
        return None
    if next_is_bullet and (text.endswith(":") or _capitalised(text)):
        return "topic"
    if index == 0:
        return "topic"
    if previous is not None and previous.kind == "bullet" and \
            (text.endswith(":") or _looks_like_a_title(text)):
        return "topic"
    if text.endswith(":") and _first_word(text) in QUESTION_WORDS:
        return "topic"
    return None


def _could_be_title(text: str) -> bool:
    name, _ = split_title(text)
    words = name.split()
    if not words or len(words) > MAX_TOPIC_WORDS or "=" in text or not LETTERS.search(name):
        return False
    if ONLY_A_PATH.match(name):
        return False
    if "," in name or name.endswith("."):
        return False
    if _first_word(text) in QUESTION_WORDS:
        return True
    return not any(w.lower().strip("?:") in AUXILIARY_VERBS for w in words) \
        and not _is_label(text)


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


def _is_definition(text: str) -> bool:
    match = DEFINITION.match(text)
    return bool(match) and len(match["name"].split()) <= MAX_NAME_WORDS and not _is_label(text) \
        and not BULLET.match(text)


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].lower().strip(":?,") if words else ""


def _word_count(text: str) -> int:
    return len(text.split())


def split_title(text: str) -> tuple[str, str]:
    """A topic line's name and the gist after it: ("Spot instances", "short workloads...")."""
    stripped = text.strip().rstrip(":").strip()
    if _word_count(stripped) <= MAX_WHOLE_TITLE_WORDS and "," not in stripped:
        return stripped, ""
    match = DEFINITION.match(stripped)
    if match and len(match["name"].split()) <= MAX_NAME_WORDS + 2:
        return match["name"].strip(), match["gist"].strip()
    return stripped, ""


def _clamp_depths(nodes: list[Node]) -> None:
    """A list never starts nested or jumps two levels: `- - x` first is a plain item."""
    previous_depth = -1
    for node in nodes:
        if node.kind != "bullet":
            previous_depth = -1
            continue
        node.depth = max(0, min(node.depth, previous_depth + 1, MAX_DEPTH))
        previous_depth = node.depth
