"""Misspellings with one clear fix are corrected without a list entry; nothing else changes.

The cases are the style fixtures' own (tests/styles/expected.yaml, written before the rules
were tuned): each `fixed` word must come out as its fix, each `kept` one exactly as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import site_from_text
from notesite.report import spelling, spelling_report
from notesite.spelling import speller

STYLES = Path(__file__).parent / "styles"
EXPECTED = yaml.safe_load((STYLES / "expected.yaml").read_text(encoding="utf-8"))
SPELLING_CASES = [name for name, want in EXPECTED.items() if "fixed" in want]


def _page_text(name: str) -> str:
    site = site_from_text((STYLES / name).read_text(encoding="utf-8"), f"notes/{name}")
    return "\n".join(text for file, text in site.files.items() if file.endswith(".md") and file != "index.md")


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_every_clear_misspelling_is_fixed(name):
    text = _page_text(name)
    for typed, fix in EXPECTED[name]["fixed"].items():
        assert not re.search(rf"\b{typed}\b", text, re.IGNORECASE), typed
        assert re.search(rf"\b{fix}\b", text), fix


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_no_real_word_term_or_identifier_is_changed(name):
    text = _page_text(name)
    for kept in EXPECTED[name]["kept"]:
        assert kept in text, kept


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_an_ambiguous_word_stays_as_typed_and_the_report_suggests_its_fixes(name):
    site = site_from_text((STYLES / name).read_text(encoding="utf-8"), f"notes/{name}")
    unknown = spelling(site).unknown
    for typed, candidates in EXPECTED[name].get("ambiguous", {}).items():
        assert typed in _page_text(name)
        assert set(candidates) <= set(unknown[typed][1]), unknown[typed]


def test_the_report_says_where_each_automatic_fix_was_made():
    site = site_from_text((STYLES / "misspelt.txt").read_text(encoding="utf-8"), "notes/misspelt.txt")
    report = spelling_report(site)
    assert "notes/misspelt.txt:3\tminuts -> minutes" in report
    assert "notes/misspelt.txt:7\ttemplete -> template" in report


@pytest.mark.parametrize("typed, fix", [
    ("failled", "failed"),       # a double letter typed once too often: not "filled"
    ("manualy", "manually"),     # a double letter typed once: not "manual"
    ("nigth", "night"),          # two letters swapped
])
def test_the_commonest_slips_decide_between_candidates(typed, fix):
    assert speller().clear_fix(typed) == fix


@pytest.mark.parametrize("word", ["attaches", "rebooting", "subnets", "failover", "idempotent", "faille"])
def test_words_forms_and_project_terms_are_known(word):
    assert speller().clear_fix(word) is None
