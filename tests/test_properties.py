"""Random notes: the cleanup never crashes, never loses a line, and gives the same pages for the
same notes however the file was saved (CRLF, BOM, UTF-16 or UTF-32, tabs, trailing blank lines)."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import site_from_text
from notesite import NotesError, site_from_lines
from notesite.source import CONTROL, decode

# Lines made of the pieces the author's notes are made of, plus hostile ones.
PIECES = ["## EC2", "#Scalability", "## Widget", "### Deep", "Placement Groups", "Spot instances:",
          "Cluster - clusters instances", "- a point", "-tight point", "- - nested", "Pros:",
          "Use cases: many", "ex: an example", "R: a definition", "prose that runs on for a while",
          "InstanceLimitExceeded: error", "m5.large", "<script>x</script>", "[link](javascript:x)",
          "*", "_", "#", "`", "|", "{#id}", "1. one", "> quote", "~~~", "--8<-- f", "   ", "\t- tab",
          "Manage EC2 at scale", "srategy ec2 cloudwatch", "é ü 中文", "!!! note"]
LINE = st.one_of(st.sampled_from(PIECES), st.text(st.characters(blacklist_categories=("Cs",),
                                                                 blacklist_characters="\r\n\x00"), max_size=40))
NOTES = st.lists(LINE, min_size=1, max_size=40).map("\n".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _site_or_none(text: str):
    try:
        return site_from_text(text)
    except NotesError as err:
        # The only refusals: notes with nothing in them, named with file and line.
        assert "notes/test.txt" in str(err)
        assert not text.lstrip("\ufeff").strip() or "no notes under it" in str(err)
        return None


@SETTINGS
@given(NOTES)
def test_random_notes_never_crash_and_never_lose_a_line(text):
    site = _site_or_none(text)
    if site is None:
        return
    # (A code block shows its blank lines too: only the lines written count here.)
    shown = sorted(line.number for page in site.pages for line in page.source_lines() if not line.blank)
    shown = sorted(shown + [line.number for line in site.title_lines])
    # A byte-order mark that opens the file is its encoding, not a line of notes.
    written = text.removeprefix("\ufeff")
    # A control character is shown as its symbol: a line of one (which Python calls blank) counts.
    written = CONTROL.sub("\u2400", written)
    non_blank = [n for n, line in enumerate(written.split("\n"), 1) if line.strip()]
    assert shown == non_blank


@SETTINGS
@given(NOTES)
def test_same_notes_give_byte_identical_pages(text):
    first, second = _site_or_none(text), _site_or_none(text)
    assert (first is None) == (second is None)
    if first is not None:
        assert first.files == second.files


@SETTINGS
@given(NOTES)
def test_crlf_bom_and_trailing_blank_lines_change_nothing(text):
    clean = _site_or_none(text)
    messy = _site_or_none("\ufeff" + text.replace("\n", "\r\n") + "\r\n\r\n\n")
    assert (clean is None) == (messy is None)
    if clean is not None:
        assert clean.files == messy.files


@SETTINGS
@given(NOTES, st.sampled_from(["utf-16", "utf-16-be", "utf-32", "utf-32-be"]))
def test_a_file_saved_as_utf16_or_utf32_with_its_byte_order_mark_gives_the_same_pages(text, encoding):
    # (Windows' Notepad saves "Unicode" as UTF-16 with a byte order mark.)
    # ("utf-16" and "utf-32" write their mark; the big-endian codecs leave it to the writer.)
    data = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(encoding, b"") + text.encode(encoding)
    clean = _site_or_none(text)
    try:
        marked = site_from_lines([decode(data, "notes/test.txt")])
    except NotesError:
        marked = None
    assert (clean is None) == (marked is None)
    if clean is not None:
        assert clean.files == marked.files


@SETTINGS
@given(NOTES)
def test_section_ids_are_unique_within_each_page(text):
    site = _site_or_none(text)
    if site is None:
        return
    for page in site.pages:
        ids = [t.id for t in page.topics]
        assert len(ids) == len(set(ids))


def test_tabs_are_the_same_as_four_spaces():
    assert site_from_text("## EC2\nTopic\n\t- point").files == site_from_text("## EC2\nTopic\n    - point").files
