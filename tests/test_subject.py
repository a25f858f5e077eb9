"""A heading that is only a course's count ("# Lecture 7", "# Day 3 (recap)") over notes about
one service heads that service's page, and stays on it as a section as typed; a count whose
notes name no service far more than the others, or a title with words of its own, stays the
page's title."""

from __future__ import annotations

import pytest

from conftest import site_from_text

LECTURE = """# Lecture 7 (exam topic)

SQS decouples producers from consumers, unlike a direct call.
SQS keeps a message until a consumer deletes it.

### Visibility timeout

- while one consumer works on it, SQS hides the message from the others
- SNS pushes instead; SQS is pulled

# Lecture 8

- DynamoDB is a key-value store
- DynamoDB tables need a partition key
- DynamoDB streams feed Lambda
"""


def test_a_lecture_over_notes_on_one_service_is_that_services_page_with_the_title_a_section():
    site = site_from_text(LECTURE, "notes/lecture7.md")
    assert [page.title for page in site.pages] == ["SQS", "DynamoDB"]
    assert "\n## Lecture 8 {#lecture-8}\n\n- DynamoDB is a key-value store\n" in site.files["dynamodb.md"]
    sqs = site.files["sqs.md"]
    assert "\n## Lecture 7 (exam topic) {#lecture-7-exam-topic}\n\n" \
           "SQS decouples producers from consumers, unlike a direct call." in sqs
    assert "Visibility timeout {#visibility-timeout}\n" in sqs   # its sections follow
    assert "SNS pushes instead; SQS is pulled" in sqs


@pytest.mark.parametrize("title, notes", [
    # Two services alike: the day is neither's.
    ("# Day 3", "EC2 runs servers. S3 keeps objects. EC2 can read S3.\nEC2 and S3 are regional.\n"),
    # Words of the author's own after the count: their subject, kept as the page.
    ("# Section 5: Databases", "RDS runs engines. RDS has replicas. RDS backs up daily.\n"),
    # Passing mentions only.
    ("# Lecture 9", "Billing basics, with a word on EC2 and another on EC2.\n"),
    # A service named by a common word is the word in prose.
    ("# Lecture 10", "Take a backup. Restore the backup. Keep a backup offsite. One more backup.\n"),
])
def test_a_count_whose_notes_name_no_one_service_keeps_its_title(title, notes):
    site = site_from_text(f"{title}\n\n{notes}", "notes/course.md")
    assert [page.title for page in site.pages] == [title.lstrip("# ")]
