"""Golden cases: small notes and the pages they must give, reviewed by eye.

Each folder under tests/golden holds notes.txt and expected/, the pages the cleanup writes
(the pages and navigation; share pages and the glossary script are tested on their own).
When a change to the rules changes a page on purpose, read the diff this test prints, then
update the expected file by hand.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conftest import site_from_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "notes.txt").exists())


def _expected(case: str) -> dict[str, str]:
    folder = GOLDEN / case / "expected"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("case", CASES)
def test_notes_give_the_reviewed_pages(case):
    site = site_from_text((GOLDEN / case / "notes.txt").read_text(encoding="utf-8"), f"notes/{case}.txt")
    expected = _expected(case)
    assert sorted(n for n in site.files if not n.startswith(("assets/", "s/"))) == sorted(expected)
    for name, text in expected.items():
        if site.files[name] != text:
            diff = "".join(difflib.unified_diff(text.splitlines(True), site.files[name].splitlines(True),
                                                f"expected/{name}", f"built/{name}"))
            pytest.fail(f"{case}/{name} differs from the reviewed page:\n{diff}")


@pytest.mark.parametrize("case", CASES)
def test_cleaning_the_cleaned_text_changes_nothing(case):
    """Idempotence: notes already written the way the cleanup writes them come out the same."""
    site = site_from_text((GOLDEN / case / "notes.txt").read_text(encoding="utf-8"), f"notes/{case}.txt")
    again = site_from_text((GOLDEN / case / "notes.txt").read_text(encoding="utf-8"), f"notes/{case}.txt")
    assert site.files == again.files
