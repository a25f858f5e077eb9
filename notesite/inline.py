"""One line of notes text to clean inline Markdown.

Order matters and is the whole design. What the author marked up in Markdown (links, images,
emphasis, `code`, entities, backslash escapes) is read by a CommonMark parser and kept as
typed. In the text left, identifiers are cut out next and set as code, so that nothing after
them can touch `InstanceInitiatedShutdownBehaviour`, `s3:GetObject` or `pid_file`; the prose
between them gets the reviewed corrections, clear misspellings fixed, AWS casing, then Markdown
escaping, so that whatever else the author typed (`<script>`, `[instance]`, `*`) renders as the
literal text.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable, NamedTuple

from . import data, spelling
from .source import NOTE_SUFFIXES
from .trie import trie_pattern

# Identifiers that are never prose, whatever their case: kept without a second look.
ARN = r"\barn:aws[\w-]*:[^\s`'\"()\[\],<>]+"
IAM_ACTION = r"(?<![\w:/.-])[a-z][a-z0-9-]*:(?:[A-Z][A-Za-z0-9]*\*?|\*)(?![\w:])"
URI = r"\b[a-z][a-z0-9+.-]*://[^\s<>\"'`]+"
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
AWS_HOST = r"(?<![\w.-])(?:\*\.)?[\w-]+(?:\.[\w-]+)*\.amazonaws\.com(?:\.cn)?\b"
# "aws s3 sync ./site s3://bucket/", "aws kms get-key-rotation-status --key-id alias/app-key":
# the command, then every argument that looks like one (an option and its value, a path).
AWS_CLI = (r"\baws\s+[a-z0-9-]+\s+(?:ls|cp|mv|rm|mb|rb|sync|presign|website|[a-z0-9]+(?:-[a-z0-9]+)+)\b"
           r"(?:\s+(?:--?[A-Za-z][\w-]*(?:=\S+|\s+(?!-)[^\s,;]+)?|[\w.~*-]*[/:=][^\s,;]*|\.{1,2}))*")
RESOURCE_ID = r"\b(?:i|vol|snap|ami|sg|subnet|vpc|eni|igw|nat|rtb|acl|eipalloc|lt)-[0-9a-f]{8,17}\b"
# A CloudFormation resource type or function: "AWS::EC2::Instance", "Fn::GetAtt".
RESOURCE_TYPE = r"\b(?:AWS|Alexa|Custom|Fn)(?:::[\w-]+)+"
SURE_IDENTIFIER = "|".join(f"(?:{p})" for p in (ARN, URI, EMAIL, AWS_HOST, AWS_CLI, IAM_ACTION, RESOURCE_ID,
                                                RESOURCE_TYPE))
URL = r"https?://[^\s<>\"'`]+"
WEB_ADDRESS = re.compile(URL)
# "/var/log", "./site", "../x", the home folder's ("~/.aws/config"), a hidden folder's files
# (".ebextensions/https.config") and a Windows drive's ("C:/inetpub/wwwroot", "C:\Users\me").
PATH = r"(?<![\w/.:<;~\\])(?:(?:~|\.{0,2}|\.[\w-]+|[A-Z]:)/[\w.\-]+(?:/[\w.\-]*)*|[A-Z]:\\[\w.\-]+(?:\\[\w.\-]*)*)"
# Names start where no word or dot comes before them; that check is shared, not repeated per
# shape, because the regex engine would otherwise try every shape at every character.
NAME_START = r"(?<![\w.])(?<!\w-)"
# "Install-WindowsFeature", "xray-daemon.config", "my_folder/my_file.txt": words joined by
# hyphens or slashes before a name's shape are the same token, kept whole.
NAME_JOINERS = "-/"
JOINED_PREFIX = rf"(?:\w+[{NAME_JOINERS}])*"
JOINED_PARTS = re.compile(f"[{NAME_JOINERS}]")
SNAKE_CASE = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?!\w)"
LOWER_CAMEL_CASE = r"[a-z]+[A-Z][A-Za-z0-9]*(?!\w)"
UPPER_CAMEL_CASE = r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+(?!\w)"
CAPS_THEN_CAMEL = r"[A-Z]{2,}[a-z][A-Za-z0-9]*(?!\w)"
DOTTED_NAME = r"[a-z][a-z0-9]*(?:\.[a-z0-9]+)+(?![\w])"
DOTTED_NAME_ONLY = re.compile(DOTTED_NAME)
# "DemoKeyPair.pem", "config_file.yaml": a file's extensions are part of its name.
FILE_EXTENSIONS = r"(?:\.[a-z0-9]+)*(?!\w)"
NAME = NAME_START + JOINED_PREFIX + "(?:" + "|".join(f"(?:{p})" for p in (SNAKE_CASE, LOWER_CAMEL_CASE, UPPER_CAMEL_CASE,
                                                          CAPS_THEN_CAMEL, DOTTED_NAME)) + ")" + FILE_EXTENSIONS
IDENTIFIER = re.compile(f"(?P<sure>{SURE_IDENTIFIER})|(?:{PATH})|{NAME}")
# The same without the shapes that need a ":", an "@", "aws " or a resource id: trying those
# at every character costs a third of the cleanup, and most lines hold none of them.
NAME_OR_PATH = re.compile(f"(?P<sure>(?!))|(?:{PATH})|{NAME}")
COLON_HINT = re.compile(r"(?<=[a-z0-9-]):[A-Za-z*/]")
RESOURCE_ID_HINT = re.compile(r"-[0-9a-f]{8}")
# A whole line typed at a shell prompt: "$ sudo yum install -y httpd", "systemctl restart sshd".
SHELL_COMMANDS = ("yum|apt|apt-get|dnf|systemctl|service|chmod|chown|curl|wget|ssh|scp|pip|pip3|npm|docker|kubectl|"
                  "git|mkdir|tar|export|ping|nslookup|dig")
# ... an argument no title holds: a flag, a path, a setting, or one of the verbs commands take.
SHELL_ARGUMENT = r"\s+(?:\S*[-/.=$~]\S*|install|update|upgrade|restart|start|stop|status|enable)(?:\s.*)?"
# At root's prompt, "#" before it: "# apt-get install -y tomcat9", "#java -version", "# cd ~",
# "# ifconfig". A "#" line is a heading, so only where what follows is a command: one of these
# with such an argument, or one that is no word of a title, alone.
PROMPT_COMMANDS = SHELL_COMMANDS + "|cd|ls|cat|vi|vim|nano|java|javac|mvn|ant|source|echo|netstat|passwd|useradd|" \
    "usermod|ansible|ansible-playbook|rm|cp|mv|ip|aws|python|python3|sh|bash|su|hostname"
BARE_COMMANDS = "ifconfig|pwd|whoami|hostname|ls|ll|netstat"
# A prompt copied with its command: "root@ip-172-31-22-36:~# ls", "ec2-user@host:/tmp$ ls -a",
# "[ec2-user@ip-10-0-0-1 ~]$ sudo yum update".
PROMPT = r"(?:[\w.-]+@[\w.-]+:\S*?|\[[\w.-]+@[\w.-]+(?:\s[^\]]*)?\])[#$]\s*\S.*"
AT_ROOT_PROMPT = (rf"#\s*(?:{PROMPT}|sudo\s+\S.*|(?:{PROMPT_COMMANDS}){SHELL_ARGUMENT}|ip\s+(?:a|addr|route|link)\b.*"
                  rf"|(?:{BARE_COMMANDS})\s*)")
# A script's first line, "#!/bin/bash": the program that runs it.
SHEBANG = r"#!\s*/\S*.*"
# A setting a configuration file holds commented out, as copied: "#ask_pass = True",
# "#net.ipv4.ip_forward=1", "#enabled=false". Its name is written as code names things (a "_" or
# "." in it, or lower case with one word after the "="): "# Cost = $5 a month" stays a heading.
COMMENTED_SETTING = r"#\s*(?:[A-Za-z][\w-]*[_.][\w.-]*\s*=.*|[a-z][\w-]*\s*=\s*\S+)"
# A "#" line that is shell or configuration, not a heading.
SHELL_HASH_LINE = re.compile(rf"^\s*(?:{AT_ROOT_PROMPT}|{SHEBANG}|{COMMENTED_SETTING})$")
SHELL_LINE = re.compile(rf"^(?:\$\s+\S.*|sudo\s+\S.*|(?:{SHELL_COMMANDS}){SHELL_ARGUMENT}|{AT_ROOT_PROMPT}|{SHEBANG}"
                        rf"|{COMMENTED_SETTING}|{PROMPT})$")
# Names and paths hold a "/", a "_" or one of these; most lines hold none.
IDENTIFIER_HINT = re.compile(r"[a-z0-9][.A-Z]|[A-Z]{2}[a-z]")
TRAILING_PUNCTUATION = ".,;:"
# Markdown that the notes may hold; a line without any of these is prose and identifiers only.
MARKUP_HINT = re.compile(r"[`*\[<&\\~]")
# HTML that only formats, as GitHub shows it: "<b>Note</b>", "<br>" in a table's cell. Written
# anew without attributes (the sanitizer keeps these and nothing else of the kind), shown as that
# formatting where the tags showed as typed; with attributes, or not closed on the line, text.
FORMATTING_TAG = re.compile(r"<(?P<close>/)?(?P<name>b|strong|i|em|u|s|del|ins|sub|sup|kbd|mark|small|br)\s*/?>",
                            re.IGNORECASE)
# Pandoc's bracketed span, as a Word document turned into Markdown types its underlines:
# "[the pricing page]{.underline}", "[[https://...]{.underline}](https://...)". No Markdown
# reader here knows it (GitHub shows the brackets and braces); the words are what was meant.
PANDOC_SPAN = re.compile(r"\[(?P<words>[^\[\]\n]*)\]\{\s*(?:[.#][A-Za-z][\w-]*\s*)+\}")
# "_emphasis_" but not pid_file: an underscore at a word's edge (asked only of lines with one).
EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
EMPHASIS = frozenset({"strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"})
# Emphasis nested deeper than this is shown as the marks typed: no reader needs more, and the
# page's table of contents walks the nesting by recursion (a thousand levels stopped the build).
MAX_EMPHASIS_DEPTH = 8
UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data|file):", re.IGNORECASE)
# What browsers drop from an address before reading its scheme: ASCII tab and line breaks
# anywhere ("java\nscript:"), control characters and spaces at its start.
URL_IGNORED_ANYWHERE = re.compile(r"[\t\n\r]")
URL_IGNORED_AT_START = re.compile(r"^[\x00-\x20]+")
BACKTICK_RUN = re.compile(r"`+")
# "PRovide", "CAses": the shift key held one letter too long, not an identifier.
SHIFT_TYPO = re.compile(r"(?<![\w/=@<>])(?<!\w[.:])[A-Z]{2}[a-z]{2,}(?![\w/=@<>]|[.:]\w)")
# Words that start a sentence or a phrase, never a file's extension or a name's last part:
# after a dot with no space ("the host.it restarts", "no.of users") they are prose typed in a hurry.
JOINED_SENTENCE_WORDS = frozenset("it its the this that these they we you of so but and if then there which when "
                                  "also is are".split())
# "16 TiB", "500 MBps": a unit, not an identifier.
UNIT = re.compile(r"^[KMGTPE]i?[Bb](?:ps)?$")
# "URl", "SQl": an abbreviation with the shift key let go one letter early.
ABBREVIATION_SHIFT_SLIP = re.compile(r"^[A-Z]{2,3}[a-z]$")
# "ENIs", "AMIs": the plural of an abbreviation, not an identifier.
ABBREVIATION_PLURAL = re.compile(r"^[A-Z0-9]{2,}s$")
# An address on another host: an image there is linked, never shown (no third-party requests).
REMOTE_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)   # "mailto:", "https:"
PICTURES_DIR = "pictures"   # where the site publishes the pictures kept beside the notes (pictures.py)
# "![alt](images/a.png)", "![alt](<my pictures/a.png> "title")": CommonMark's inline image with
# its destination and optional title. What this misses stays as typed.
IMAGE = re.compile(r"!\[(?P<alt>(?:[^\[\]\\\n]|\\.)*)\]\(\s*(?P<dest><[^<>\n]*>|[^\s()<>]+)"
                   r"(?P<title>\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
# Names of this many letters or fewer may be words of another language ("os", "es", "ses").
MAX_WORD_OF_THE_LANGUAGE = 3
WORD_CHAR = re.compile(r"\w")
WORD_PIECE_START = re.compile(r"^\w*")
# A raw <img> tag as people paste it from GitHub: its address, and its alt text if it has one.
HTML_IMAGE = re.compile(r"""<img\s(?=[^>]*?\bsrc\s*=\s*["']?(?P<src>[^"'\s>]+))"""
                        r"""(?:(?=[^>]*?\balt\s*=\s*["'](?P<alt>[^"']*)["'])|)[^>]*>""", re.IGNORECASE)
ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]{}|#])")
# A line's start that Markdown would read as a marker: a bullet, a quote, or the number, letter
# or roman numeral of an ordered list ("3.", "b)", "iv." - pymdownx.fancylists reads the last two).
LINE_START_MARKER = re.compile(r"^(?:[-+>!]|(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)(?=[.)](?:\s|$)))")
FENCE_START = re.compile(r"^~{3,}")
# "SSM- Documents", "Adapter( EFA)": spacing typed in a hurry, evened out in headings.
HEADING_SPACING = re.compile(r"(?<=\w)- (?=\w)")
OPENING_PAREN_SPACING = re.compile(r"(?<=\w)\( ")
# Characters that show as nothing in a heading yet make it another heading: zero-width spaces
# and joiners, the soft hyphen, the word joiner, a byte-order mark, direction marks and
# overrides. "Spr\u200bead" must not pass for a new section beside "Spread": they are removed.
INVISIBLE_IN_HEADING = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")


def may_hold_identifier(text: str) -> bool:
    """False only for text with no identifier in it: a quick check before the full regex."""
    return _may_hold_name(text) or _may_hold_sure(text)


# "`code`", "``a `b` c``": a code span, which the passes that rewrite a line's markup skip.
CODE_SPAN = re.compile(r"(`+).*?\1")


def outside_code_spans(text: str, rewrite: Callable[[str], str]) -> str:
    """A line with each stretch between its code spans rewritten, the spans as typed."""
    parts, position = [], 0
    for span in CODE_SPAN.finditer(text):
        parts += [rewrite(text[position:span.start()]), span.group(0)]
        position = span.end()
    return "".join(parts + [rewrite(text[position:])])


def formatting_tag(tag: re.Match[str], closed: frozenset[str]) -> str | None:
    """A formatting tag as written anew ("<strong>" for "<B>"), or None where it stays text: a
    tag other than a line break whose element the line does not close (`closed_formatting`)."""
    name = tag["name"].lower()
    if name == "br":
        return "<br>"
    return f"<{'/' if tag['close'] else ''}{name}>" if name in closed else None


def closed_formatting(text: str) -> frozenset[str]:
    """The formatting elements a line opens and closes in turn, never closing one it has not
    opened: only these are shown as formatting. Tags in its code spans are text, not tags."""
    depth: dict[str, int] = {}
    broken = set()
    for tag in FORMATTING_TAG.finditer(CODE_SPAN.sub("", text)):
        name = tag["name"].lower()
        depth[name] = depth.get(name, 0) + (-1 if tag["close"] else 1)
        if depth[name] < 0:
            broken.add(name)
    return frozenset(name for name, left in depth.items() if left == 0 and name not in broken)


def may_hold_markup(text: str) -> bool:
    """False only for text with no Markdown in it: most lines, which skip the parser."""
    return MARKUP_HINT.search(text) is not None or ("_" in text and EDGE_UNDERSCORE.search(text) is not None)


def _may_hold_name(text: str) -> bool:
    return "/" in text or "_" in text or IDENTIFIER_HINT.search(text) is not None


def _may_hold_sure(text: str) -> bool:
    """Whether an ARN, IAM action, URI, e-mail, host, CLI line or resource id may be in the
    text: string tests first, as these are rare and each regex costs a pass over the line."""
    return "@" in text or "aws " in text or ".amazonaws." in text or "::" in text \
        or (":" in text and COLON_HINT.search(text) is not None) \
        or ("-" in text and RESOURCE_ID_HINT.search(text) is not None)


# Given cleaned prose: the (start, end, url) spans to turn into links.
LinkFinder = Callable[[str], "list[tuple[int, int, str]]"]


class Segment(NamedTuple):
    """A run of a line: prose to clean, an identifier to keep exactly, or the author's own
    Markdown (`raw`, written out as typed; `text` is what a reader sees of it). A tuple: a
    line makes several, and a frozen dataclass takes three times as long to make."""

    text: str
    code: bool
    raw: str | None = None
    linkable: bool = True     # prose inside the author's own link is not linked again
    target: str = ""          # the address of the author's own link that this closes


# A whitespace-separated token, without the punctuation around it that ends a clause.
TOKEN_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'"
# What makes a token an identifier to keep whole: a digit, a joiner, an inner capital.
# ("...." is an ellipsis, not a dot; "::" joins the parts of a CloudFormation type, "AWS::S3::Bucket".)
IDENTIFIER_MARK = re.compile(r"[\d_/=@<>]|\w[.:]\w|\w::\w|[a-z][A-Z]")


def _inside_identifier(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only part of a token that is an identifier ("ec2" in
    "ec2-user", "t3" in "t3-micro"): the token is kept whole, as typed."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    token = text[left:right].strip(TOKEN_EDGE_PUNCTUATION)
    return token != text[start:end] and _marked(token)


def _marked(token: str) -> bool:
    """Whether a token, without the punctuation around it, holds what makes an identifier."""
    return IDENTIFIER_MARK.search(token.strip(TOKEN_EDGE_PUNCTUATION)) is not None


def _is_a_name(lowered: str) -> bool:
    """Whether a token with inner capitals is a word a reader knows, not an identifier:
    a product ("MySQL", "GitHub", "iOS"), an AWS service ("CodeDeploy", "SageMaker", also as
    typed: "RedShift") or an English word held shifted ("DataBase", "qUEUE"). Such a token is
    left as typed, in prose; set as code it would read as something to type at a prompt."""
    if not lowered.isalpha():
        return False
    listed = spelling.speller().listed
    return listed(lowered) or (lowered.endswith("s") and listed(lowered[:-1])) \
        or lowered in _service_names_run_together()


@functools.lru_cache(maxsize=1)
def _service_names_run_together() -> frozenset[str]:
    """Every spelling of every AWS service with its spaces left out: "ElasticBeanstalk"."""
    return frozenset(data.name_key(name) for service in data.known_services() for name in service.spellings())


# Characters that join words into one token that is never changed ("alias/kms", "a_b", "k=v",
# "ops@x", "<name>"); and a colon or full stop with a word on both sides ("s3:Get", "db.url"),
# which at a word's end is punctuation ("Note:", "the end.").
TOKEN_JOINERS = r"_/=@<>"
# A word right after a full stop that starts its token is a file's extension (".pem", "*.pem");
# one right after a letter and an apostrophe is the end of a contraction ("they're", "EC2's").
# A word's letters are those of the alphabets that put spaces between words, accented ones too:
# "os" in "Serviços" is no word of its own. (Not Chinese or Japanese, whose words run together:
# "使用EC2实例" names EC2.)
WORD_LETTER = "A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF"
NOT_AFTER_JOINER = (rf"(?<![{WORD_LETTER}{TOKEN_JOINERS}])(?<![{WORD_LETTER}][.:])(?<![\s*\"'(]\.)(?<!^\.)"
                    rf"(?<![{WORD_LETTER}]['’])")
NOT_BEFORE_JOINER = rf"(?![{WORD_LETTER}{TOKEN_JOINERS}]|[.:][{WORD_LETTER}])"
# ...and for a name to re-case, no hyphen joining it to a word: "approved-amis-by-id" (an AWS
# Config rule) and "cloudformation-stack-drift-detection-check" stay as typed, as do the
# compounds a reviewed correction may still fix inside ("on-deman").
NOT_AFTER_HYPHEN = rf"(?<![{WORD_LETTER}]-)"
NOT_BEFORE_HYPHEN = rf"(?!-[{WORD_LETTER}])"


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
    hyphened: bool = True     # whether a word joined to others by hyphens counts ("on-deman")

    @functools.cached_property
    def lower_case(self) -> re.Pattern[str]:
        return re.compile(self._pattern())

    @functools.cached_property
    def any_case(self) -> re.Pattern[str]:
        return re.compile(self._pattern(), re.IGNORECASE)

    def _pattern(self) -> str:
        before, after = ("", "") if self.hyphened else (NOT_AFTER_HYPHEN, NOT_BEFORE_HYPHEN)
        return rf"{NOT_AFTER_JOINER}{before}(?:{self.alternatives}){NOT_BEFORE_JOINER}{after}"

    @classmethod
    def of(cls, keys: list[str], hyphened: bool = True) -> "WordReplacer":
        return cls(trie_pattern([k.lower() for k in keys]), hyphened)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if text.isascii():
            found = [m.span() for m in self.lower_case.finditer(text.lower())]
        else:
            found = [m.span() for m in self.any_case.finditer(text)]
        return [span for span in found if not _inside_identifier(text, *span)]

    def sub(self, replace: Callable[[str], str], text: str) -> str:
        parts, position = [], 0
        for start, end in self.spans(text):
            parts += [text[position:start], replace(text[start:end])]
            position = end
        return "".join(parts) + text[position:] if parts else text


# Lines remembered cleaned: 100x today's notes hold about 60,000 distinct lines.
MEMO_LINES = 250_000


@dataclass(frozen=True)
class Normalizer:
    """Corrections, casing and labels compiled once from the data files."""

    corrections: dict[str, str]
    correction_words: WordReplacer
    casing: dict[str, str]
    casing_words: WordReplacer
    labels: dict[str, str]
    label_pattern: re.Pattern[str]
    # Each line's cleaned form, by its text: under `mkdocs serve` a save changes a line or two,
    # and the rest of the notes are cleaned again from here (a third of a save at 30x notes).
    _memo: dict[tuple[str, bool], tuple[Segment, ...]] = field(default_factory=dict, repr=False, compare=False)

    def segments(self, text: str) -> list[Segment]:
        """Split prose into prose and identifiers."""
        sure = _may_hold_sure(text)
        if not sure and not _may_hold_name(text):
            return [Segment(text, code=False)] if text else []
        out: list[Segment] = []
        position = 0
        pattern = IDENTIFIER if sure else NAME_OR_PATH
        for match in pattern.finditer(text):
            token = match.group(0)
            if match["sure"]:
                # "see arn:aws:s3:::bucket/*." ends a sentence; the full stop is not the ARN's.
                token = token.rstrip(TRAILING_PUNCTUATION) or token
            elif not self._is_identifier(token):
                continue
            if match.start() > position:
                out.append(Segment(text[position:match.start()], code=False))
            out.append(Segment(token, code=True))
            position = match.start() + len(token)
        if position < len(text):
            out.append(Segment(text[position:], code=False))
        return out

    def _is_identifier(self, token: str) -> bool:
        last = JOINED_PARTS.split(token)[-1]
        if last != token and token[:1].isalnum() and not self._is_identifier(last):
            return False  # "non-DynamoDB", "CloudWatch/CloudTrail": names a reader knows are prose
        lowered = token.lower()
        if DOTTED_NAME_ONLY.fullmatch(token) and not any(c.isdigit() for c in token) \
                and min(len(part) for part in token.split(".")) < 2:
            return False  # "e.g", "i.e": abbreviations, not names like db.url or m5.large
        if "." in token and token.rpartition(".")[2] in JOINED_SENTENCE_WORDS:
            return False  # "host.it restarts", "no.of", "CloudWatch.it": a space left out after a full stop
        return not (lowered in self.casing or lowered in self.corrections
                    or SHIFT_TYPO.fullmatch(token) or ABBREVIATION_PLURAL.match(token)
                    or ABBREVIATION_SHIFT_SLIP.match(token) or UNIT.match(token) or _is_a_name(lowered))

    def clean_markup(self, text: str) -> list[Segment]:
        """The prose of a line as typed, between its markup and identifiers: what the cleanup
        corrects."""
        if SHELL_LINE.match(text):
            return []
        return [s for part, whole in unglued(markup(text)) if not part.code and whole
                for s in self.segments(part.text) if not s.code]

    def fix_prose(self, text: str, spell: bool = True, as_typed: frozenset[str] = frozenset()) -> str:
        """Reviewed corrections, clear misspellings (unless the caller knows there are none),
        then AWS casing, then shift-key typos, on prose only. Names that notes in another
        language use as words of that language (`as_typed`, see `words_of_the_language`) are
        not cased: "os dados" is no "OS"."""
        text = self.corrected(text)
        if spell:
            text = spelling.speller().fix(text)
        text = self.casing_words.sub(lambda typed: typed if typed.lower() in as_typed else self.casing[typed.lower()],
                                     text)
        return SHIFT_TYPO.sub(self._unshift, text)

    def corrected(self, text: str) -> str:
        """Prose with the reviewed list's corrections made, the author's case kept."""
        return self.correction_words.sub(self._correct, text)

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
        lowered = word.lower()
        if lowered in self.casing:
            return self.casing[lowered]
        if lowered.endswith("s") and lowered[:-1] in self.casing:
            return self.casing[lowered[:-1]] + "s"      # "SDks": the plural of "SDK"
        if lowered in spelling.speller().frequency:
            return word[0] + lowered[1:]                # "PRovide": an English word held shifted
        # "IPsec", "MBytes", "OAuth": a name cased its own way, or nothing a reader would know
        # better: kept as typed.
        return word

    def heading(self, text: str) -> str:
        """Heading text starts with a capital, unless it starts with an identifier; characters that
        show as nothing are removed."""
        text = INVISIBLE_IN_HEADING.sub("", text)
        text = HEADING_SPACING.sub(" - ", text)
        text = OPENING_PAREN_SPACING.sub(" (", text)
        first = IDENTIFIER.match(text)
        if first and self._is_identifier(first.group(0)):
            return text
        # A first word that holds a digit, "@", "_" or the like is typed so ("ec2-user",
        # "i-0abc123", "root@host:~#"): an identifier, never re-cased.
        if text.strip() and _marked(text.split(maxsplit=1)[0]):
            return text
        return text[:1].upper() + text[1:]

    def clean(self, text: str, spell: bool = True, as_typed: frozenset[str] = frozenset()) -> list[Segment]:
        """A line's markup and identifiers as typed and its prose corrected and cased (see
        `fix_prose`): what the plain text and the Markdown of a line are both made from."""
        key = (text, spell, as_typed)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_LINES:
                self._memo.clear()
            found = self._memo[key] = tuple(self._clean(text, spell, as_typed))
        return list(found)

    def words_of_the_language(self, text: str) -> frozenset[str]:
        """The short names notes in another language type in lower case more often than not:
        words of that language ("os dados": the data), not the names ("OS", "SES"), which the
        author types cased ("S3") and the cleanup cases where they did not. A longer name
        ("cloudwatch", "cloudtrail" in Spanish notes) is a word of no language: cased."""
        lower: Counter[str] = Counter()
        cased: Counter[str] = Counter()
        for start, end in self.casing_words.spans(text):
            typed = text[start:end]
            if len(typed) <= MAX_WORD_OF_THE_LANGUAGE and typed.isalpha():
                (lower if typed == typed.lower() else cased)[typed.lower()] += 1
        return frozenset(word for word, times in lower.items() if times > cased[word])

    def _clean(self, text: str, spell: bool, as_typed: frozenset[str]) -> list[Segment]:
        if SHELL_LINE.match(text):
            return [Segment(text, code=True)]
        if not may_hold_markup(text):
            # Most lines: the loop below with one part, without building it (5% of a cleanup).
            return [s if s.code else Segment(self.fix_prose(s.text, spell, as_typed), code=False)
                    for s in self.segments(text)]
        out: list[Segment] = []
        for part, whole in unglued(markup(text)):
            if part.code:
                out.append(part)
                continue
            if not whole:
                out.append(Segment(part.text, code=False, linkable=False))   # (never linked either)
                continue
            out += [s if s.code else Segment(self.fix_prose(s.text, spell, as_typed), code=False,
                                             linkable=part.linkable)
                    for s in self.segments(part.text)]
        return out

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
        in_link = False   # inside the text of the author's own link, where no link may open
        opened = 0        # where in `parts` the author's link open now starts
        for segment in cleaned:
            if segment.raw is not None:
                raw, target = segment.raw, segment.target
                in_link = raw == "[" or (in_link and not raw.startswith("]("))
                if raw == "[":
                    opened = len(parts)
                # (A link to one of the author's files or headings leads to its page here.)
                moved = links.author_link(target) if target and raw.startswith("](") \
                    and hasattr(links, "author_link") else None
                if moved is not None:
                    raw, target = f"]({moved})", moved
                elif target and raw.startswith("](") and hasattr(links, "author_link") and _leads_nowhere(target):
                    # A link to a file of the author's repository that is no page here
                    # ("../README.md"), or to a heading their file does not have: its words,
                    # and the file's address as text, rather than a link that leads nowhere.
                    parts[opened:] = [_unlinked("".join(parts[opened + 1:]), target)]
                    continue
                parts.append(raw)
                if target and links is not None and hasattr(links, "seen"):
                    links.seen(target)
                continue
            if segment.code:
                # A web address typed bare in a line of notes is a link a reader can follow, as
                # typed; any other identifier, and any in a heading (which the contents and the
                # home page show inside links of their own), is code.
                if links is not None and not in_link and WEB_ADDRESS.fullmatch(segment.text) and _safe_url(segment.text):
                    parts.append(_autolink(segment.text))
                else:
                    parts.append(code_span(segment.text))
                continue
            prose = segment.text
            position = 0
            for start, end, url in (links(prose) if links and segment.linkable else ()):
                parts.append(escape(prose[position:start]))
                parts.append(f"[{escape(prose[start:end])}]({url})")
                position = end
            parts.append(escape(prose[position:]))
        out = "".join(parts)
        if parts and not cleaned[0].code:
            out = LINE_START_MARKER.sub(lambda m: _escape_marker(m.group(0)), out)
            out = FENCE_START.sub(lambda m: "&#126;" * len(m.group(0)), out)
        return out

    @functools.cached_property
    def corrected_words(self) -> frozenset[str]:
        """The misspelt words the reviewed list fixes: the speller need not look at them."""
        return frozenset(word for key in self.corrections for word in re.findall(r"[a-z]+", key))

    def split_label(self, text: str) -> tuple[str, str] | None:
        """("Pros", rest) when the text starts with a known label, else None."""
        match = self.label_pattern.match(text)
        if not match:
            return None
        return self.labels[match["label"].lower()], match["rest"]


def longest_backtick_run(text: str) -> int:
    """The longest run of backticks in a text: a code span or fence around it needs one more."""
    return max((len(run) for run in BACKTICK_RUN.findall(text)), default=0)


def _autolink(address: str) -> str:
    """A bare web address as a link, as typed; a ")" it took from the parentheses around it
    ("(see https://x/view)") is shown after the link, not sent with it."""
    closing = ""
    while address.endswith(")") and address.count(")") > address.count("("):
        address, closing = address[:-1], closing + ")"
    return f"<{address}>" + escape(closing)


def code_fence(code: str) -> str:
    """The backticks that fence a block of code: three, or more than any run inside it."""
    return "`" * max(3, longest_backtick_run(code) + 1)


def code_span(text: str) -> str:
    """`text` as a code span, with a fence of backticks longer than any run inside it."""
    fence = "`" * (longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


@functools.lru_cache(maxsize=1)
def _parser():
    """CommonMark's inline rules, with links taken as typed: their safety is checked here."""
    from markdown_it import MarkdownIt  # imported on first use: most lines hold no markup

    parser = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"]).disable(["text_join"])
    parser.normalizeLink = parser.normalizeLinkText = lambda url: url
    parser.validateLink = lambda url: True
    return parser


def unglued(parts: list[Segment]) -> list[tuple[Segment, bool]]:
    """The parts of a line, each prose part with whether it is whole words to clean: a piece
    of a word that markup splits ("**P**erformance", "Perf**orm**ance", "`EC2`s") is split off
    and kept exactly as typed, as no word to fix or re-case ("erformance" is no slip of
    "performance")."""
    # The letter a reader sees right after each part (the first of the next part that shows
    # any), found from the end: a line of 10,000 parts is read once, not once a part.
    after_each, following = [], ""
    for part in reversed(parts):
        after_each.append(following)
        following = part.text[:1] or following
    after_each.reverse()
    out: list[tuple[Segment, bool]] = []
    before = ""
    for part, after in zip(parts, after_each):
        if part.code or not part.text:
            out.append((part, True))
            before = part.text[-1:] or before
            continue
        head = WORD_PIECE_START.match(part.text).group(0) if WORD_CHAR.fullmatch(before or " ") else ""
        rest = part.text[len(head):]
        tail = rest[len(rest) - _trailing_word_length(rest):] if WORD_CHAR.fullmatch(after or " ") else ""
        body = rest[:len(rest) - len(tail)]
        out += [(part._replace(text=piece), whole) for piece, whole in ((head, False), (body, True), (tail, False))
                if piece]
        before = part.text[-1:]
    return out


def _trailing_word_length(text: str) -> int:
    """How many letters end the text. (Counted back from its end: a search for "\\w*$" would
    try every letter of a long word, each to the word's end, the square of its length.)"""
    start = len(text)
    while start and WORD_CHAR.match(text, start - 1):
        start -= 1
    return len(text) - start


def markup(text: str) -> list[Segment]:
    """A line as the author's Markdown (code, raw) and the text between it (prose, to clean).

    A link or image to a `javascript:`, `data:` or similar address is not made: its text and
    address are shown as text. Raw HTML is shown as text too.
    """
    if not may_hold_markup(text):
        return [Segment(text, code=False)]
    if "]{" in text:
        text = outside_code_spans(text, lambda stretch: PANDOC_SPAN.sub(lambda span: span["words"], stretch))
    out: list[Segment] = []
    closed = closed_formatting(text) if "<" in text else frozenset()
    # The links open at this point: how each one closes ("](url)"), "<" for an autolink, whose
    # text is its address, or the address of a link shown as text.
    open_links: list[tuple[str, str]] = []
    emphasis: list[bool] = []   # for each emphasis open here: whether its marks are kept as markup
    for token in _parser().parseInline(text)[0].children or []:
        kind = token.type
        if kind == "text" or kind == "text_special" and token.content == token.markup:
            # (A backslash before a letter escapes nothing: it is part of the text.)
            if not (open_links and open_links[-1][0] == "<"):
                if out and not out[-1].code and out[-1].linkable == (not open_links):
                    out[-1] = Segment(out[-1].text + token.content, code=False, linkable=not open_links)
                else:
                    out.append(Segment(token.content, code=False, linkable=not open_links))
        elif kind == "text_special":
            out.append(Segment(token.content, code=True, raw=token.markup))
        elif kind == "code_inline":
            out.append(Segment(token.content, code=True, raw=code_span(token.content)))
        elif kind in EMPHASIS:
            if kind.endswith("_open"):
                emphasis.append(len(emphasis) < MAX_EMPHASIS_DEPTH)
                kept = emphasis[-1]
            else:
                kept = emphasis.pop() if emphasis else True
            out.append(Segment("", code=True, raw=token.markup if kept else "".join("\\" + c for c in token.markup)))
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            if not _safe_url(href):
                open_links.append(("unsafe", href))
            elif token.markup == "autolink":
                open_links.append(("<", href))
                out.append(Segment(href, code=True, raw=f"<{href}>", target=href))
            else:
                open_links.append(("]", href))
                out.append(Segment("", code=True, raw="["))
        elif kind == "link_close" and open_links:
            how, href = open_links.pop()
            if how == "unsafe":
                out.append(Segment(f" ({href})", code=True, raw=escape(f" ({href})")))
            elif how == "]":
                out.append(Segment("", code=True, raw=f"]({_destination(href, None)})", target=href))
        elif kind == "image":
            src, alt = str(token.attrs.get("src", "")), token.content
            if REMOTE_ADDRESS.match(src) and _safe_url(src):
                out.append(_image_link(src, alt))
            elif _safe_url(src):
                out.append(Segment(alt, code=True,
                                   raw=f"![{escape(alt)}]({_destination(src, token.attrs.get('title'))})"))
            else:
                out.append(Segment(f"{alt} ({src})", code=True, raw=escape(f"{alt} ({src})")))
        elif kind == "html_inline" and (img := HTML_IMAGE.fullmatch(token.content)) is not None \
                and REMOTE_ADDRESS.match(img["src"]) and _safe_url(img["src"]):
            out.append(_image_link(html.unescape(img["src"]), html.unescape(img["alt"] or "")))
        elif kind == "html_inline" and (tag := FORMATTING_TAG.fullmatch(token.content)) is not None \
                and (kept := formatting_tag(tag, closed)) is not None:
            out.append(Segment(" " if kept == "<br>" else "", code=True, raw=kept))
        else:  # raw HTML, and line breaks (not within one line): shown as text
            out.append(Segment(token.content, code=True, raw=escape(token.content)))
    return out


# "[words](address)" in a table's row or a heading, not a picture's "![...]".
MARKDOWN_LINK = re.compile(r"(?<![!\\])\[(?P<words>[^\[\]\n]*)\]\((?P<dest><[^<>\n]*>|[^\s()<>]+)(?P<title>\s+\"[^\"\n]*\")?\)")


def table_links(row: str, links: LinkFinder | None) -> str:
    """A table's row (shown as typed) with the author's links led where they go here, and
    those that lead nowhere as text, as in the notes' other lines (`markdown_from`)."""
    if links is None or not hasattr(links, "author_link") or "](" not in row:
        return row

    def led(link: re.Match) -> str:
        target = link_address(link["dest"])
        moved = links.author_link(target)
        if moved is not None:
            return f"[{link['words']}]({moved}{link['title'] or ''})"
        return _unlinked(link["words"], target) if _leads_nowhere(target) else link.group(0)
    return MARKDOWN_LINK.sub(led, row)


def link_words(markdown: str) -> str:
    """Markdown with each link shown as its words: a heading's, as the words of a link to it
    (a link inside a link is no link, and its address was never led where it goes here)."""
    return MARKDOWN_LINK.sub(lambda link: link["words"], markdown) if "](" in markdown else markdown


def link_address(destination: str) -> str:
    """A Markdown link's destination as the address it is ("<my notes.md>": my notes.md)."""
    return destination[1:-1] if destination.startswith("<") else destination


def address_path(address: str) -> str:
    """The file an address names, without its fragment or query."""
    return address.split("#", 1)[0].split("?", 1)[0]


def _unlinked(words: str, target: str) -> str:
    """What a link that leads nowhere leaves: its words, and the address of a file that is no
    notes file; the address alone where it has no words ("[](img/a.png)")."""
    if not words.strip():
        return words + code_span(target)
    return words if _names_a_note(target) else f"{words} ({code_span(target)})"


def _names_a_note(target: str) -> bool:
    """Whether a link leads to a heading or another notes file ("#pricing", "../README.md",
    Obsidian's "[[EKS#Pricing]]"): one not on this site is a name its words already say, where
    the address of a file of another kind ("guide.pdf") is somewhere a reader can look."""
    path = address_path(target)
    return not path or PurePosixPath(path).suffix.lower() in NOTE_SUFFIXES


def _leads_nowhere(target: str) -> bool:
    """Whether a link's address is one on this site that nothing here answers: a path of the
    author's (the site's own pages and sections were matched before) other than a picture the
    site publishes."""
    return not REMOTE_ADDRESS.match(target) and not URL_SCHEME.match(target) \
        and not target.startswith(f"{PICTURES_DIR}/")


def _image_link(src: str, alt: str) -> Segment:
    """An image on another host, as a link to it: the page never asks another host for
    anything, and the reader still gets to the picture with one click."""
    text = f"Image: {alt}" if alt.strip() else "Image"
    return Segment(text, code=True, raw=f"[{escape(text)}]({_destination(src, None)})", target=src)


def _safe_url(url: str) -> bool:
    """Whether a browser would read the address as one that cannot run or embed anything,
    once it has decoded entities and dropped what it drops."""
    seen = URL_IGNORED_AT_START.sub("", URL_IGNORED_ANYWHERE.sub("", html.unescape(url)))
    return not UNSAFE_SCHEME.match(seen)


def _destination(url: str, title: object) -> str:
    dest = f"<{url}>" if not url or re.search(r"[\s<>]", url) or url.count("(") != url.count(")") else url
    if title:
        dest += ' "' + str(title).replace('"', '\\"') + '"'
    return dest


def plain_from(cleaned: list[Segment]) -> str:
    """A cleaned line as plain text."""
    return "".join(segment.text for segment in cleaned)


def _escape_marker(marker: str) -> str:
    return marker + "\\" if marker.isalnum() else "\\" + marker


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
        casing_words=WordReplacer.of(list(casing), hyphened=False),
        labels=labels,
        label_pattern=re.compile(
            rf"^(?P<label>{label_alternatives})\s*[:.](?:\s+|$)(?P<rest>.*)$", re.IGNORECASE),
    )


def words(text: str) -> list[str]:
    """The words of a text, for spelling reports and no-line-lost checks."""
    return WORD.findall(text)
