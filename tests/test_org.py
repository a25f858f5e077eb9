"""Org-mode notes read by their own markup (`notesite/org.py`): headlines are headings, source
blocks are code, links are links; a file is Org by its name or by Org's own lines."""

from __future__ import annotations

from conftest import site_from_text
from notesite import org
from notesite.source import decode

NOTES = """* API Gateway
Lambda + API = no servers to manage
** Stages :important:
*** Stage variables
- act like env vars
** Caching
#+BEGIN_SRC bash
aws apigateway flush-stage-cache --rest-api-id abc --stage-name prod
#+END_SRC
* SQS
See [[https://docs.aws.amazon.com/sqs/][the SQS docs]]
** Visibility timeout
- 30 seconds by default
"""


def test_an_org_file_is_known_by_its_name_or_its_own_lines():
    lines = decode(NOTES.encode(), "notes/aws.txt")
    assert org.is_org("notes/aws.txt", lines)
    assert org.is_org("notes/x.org", decode(b"Just a line\n", "notes/x.org"))
    markdown_bullets = decode(b"* first point\n* second point\n", "notes/n.txt")
    assert not org.is_org("notes/n.txt", markdown_bullets)


def test_headlines_are_headings_blocks_code_and_links_links_line_for_line():
    lines = org.as_markdown(decode(NOTES.encode(), "notes/aws.txt"))
    texts = [line.text for line in lines]
    assert texts[0] == "# API Gateway" and texts[2] == "## Stages" and texts[3] == "### Stage variables"
    assert texts[6] == "```bash" and texts[8] == "```"
    assert texts[10] == "See [the SQS docs](https://docs.aws.amazon.com/sqs/)"
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))


def test_an_org_file_builds_a_page_per_service_with_its_code_and_no_stars_shown():
    site = site_from_text(NOTES, "notes/aws.txt")
    assert [p.slug for p in site.pages] == ["api-gateway", "sqs"]
    page = site.files["api-gateway.md"]
    assert "```bash\naws apigateway flush-stage-cache --rest-api-id abc --stage-name prod\n```" in page
    assert "\\*\\*" not in page and "#+" not in page
    assert "[the SQS docs](https://docs.aws.amazon.com/sqs/)" in site.files["sqs.md"]


def test_a_table_with_orgs_rule_under_its_head_is_a_table():
    # "|---+---|" under the head had shown escaped, and the head as text.
    notes = ("* Kinesis\n| streams        | firehose       |\n|----------------+----------------|\n"
             "| real time      | near real time |\n| scale manually | auto scaling   |\n")
    page = site_from_text(notes, "notes/notes.org").files["kinesis.md"]
    assert "| streams        | firehose       |\n| --- | --- |\n| real time      | near real time |\n" in page


def test_a_table_ruled_above_its_head_is_shown_as_drawn():
    notes = "* Kinesis\n|---+---|\n| a | b |\n|---+---|\n| 1 | 2 |\n"
    page = site_from_text(notes, "notes/notes.org").files["kinesis.md"]
    assert "```\n|---+---|\n| a | b |\n|---+---|\n| 1 | 2 |\n```" in page
