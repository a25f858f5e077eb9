"""JSON typed into the notes without a fence is shown as typed, in a code block."""

from __future__ import annotations

from conftest import site_from_text

POLICY = """## S3

A bucket policy
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",                 // who may
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::my-bucket/*"
    }
  ]
}
- policies are JSON documents
"""


def test_bare_json_is_one_code_block_with_every_line_as_typed():
    page = site_from_text(POLICY).files["s3.md"]
    block = page.split("```json\n", 1)[1].split("\n```", 1)[0]
    assert block == POLICY.split("A bucket policy\n", 1)[1].split("\n- policies", 1)[0]
    # the lines after it are notes again
    assert "\n- policies are JSON documents\n" in page


def test_braces_that_are_no_json_stay_notes():
    notes = "## EC2\n\n{\nlaunch an instance\n}\n\n[\n- a list in brackets\n]\n\n{ not: json\n"
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page
    assert "\nlaunch an instance\n" in page


def test_an_unclosed_bracket_leaves_the_rest_of_the_file_as_notes():
    notes = "## EC2\n\n" + "{\n" * 3000 + '"key": 1\n- the last bullet\n'
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page and "\n- the last bullet\n" in page


def test_a_list_of_objects_opened_on_one_line_is_code_too():
    notes = '## S3\n\nRules\n[{\n  "id": "a",\n  "days": 30\n}]\n- done\n'
    page = site_from_text(notes).files["s3.md"]
    assert '```json\n[{\n  "id": "a",\n  "days": 30\n}]\n```' in page
