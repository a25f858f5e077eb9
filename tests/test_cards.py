"""Flash cards typed one after another (a question, "---", its answer, "===") are a section
each, titled by the question, without their rules; one such line alone is a rule as before."""

from __future__ import annotations

from conftest import site_from_text

CARDS = """What is a CloudWatch dimension?

---

A name/value pair that identifies a metric

===

How long does CloudWatch keep 1-minute data?

---

- 15 days
- then it is rolled up to 5 minutes

===

What is the default period of basic monitoring?

---

5 minutes
"""


def test_each_card_is_a_section_titled_by_its_question_without_its_rules():
    site = site_from_text(CARDS, "notes/cards.md")
    assert [p.title for p in site.pages] == ["CloudWatch"]
    page = site.files["cloudwatch.md"]
    assert "\n## What is a CloudWatch dimension? {#what-is-a-cloudwatch-dimension}\n\nA name/value pair" in page
    assert "\n## How long does CloudWatch keep 1-minute data? {#" in page and "\n- 15 days\n" in page
    assert "\n## What is the default period of basic monitoring? {#" in page
    assert "---\n\n" not in page.split("---", 2)[2] and "===" not in page


def test_two_cards_are_notes_with_rules_as_before():
    two = CARDS.split("===\n\nWhat is the default")[0]
    page = site_from_text("## CloudWatch\n\n" + two).files["cloudwatch.md"]
    assert "{#what-is-a-cloudwatch-dimension}" not in page and "\n---\n" in page
