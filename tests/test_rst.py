"""reStructuredText notes read by their own markup (`notesite/rst.py`): titles by their
adornments, directives' code, pictures and notes as such, inline markup as Markdown's; a file is
reStructuredText by its name or by the directives it holds."""

from __future__ import annotations

from conftest import site_from_text
from notesite import rst
from notesite.source import decode

NOTES = """Lambda
======

Functions that run on events.

.. note:: Billed per millisecond

   Memory sets the CPU share too.

Limits
------

* 15 minutes at most
* ``/tmp`` holds 10 GB

#. zip the code
#. upload it

Deploy with the CLI::

    aws lambda update-function-code --function-name f --zip-file fileb://f.zip

.. code-block:: python
   :linenos:

   def handler(event, context):
       return {"ok": True}

.. image:: img/lambda.png
   :alt: Lambda console

See `the docs <https://docs.aws.amazon.com/lambda/>`_ and :doc:`the quotas <lambda-quotas>`.

.. A comment for the author only,
   which no reader of the markup shows.

SQS
===

Queues
------

- the visibility timeout is 30 seconds by default
"""


def _texts(text: str, name: str = "notes/aws.rst") -> list[str]:
    return [line.text for line in rst.as_markdown(decode(text.encode(), name))]


def test_a_rst_file_is_known_by_its_name_or_its_directives():
    assert rst.is_rst("notes/aws.rst", decode(b"Just a line\n", "notes/aws.rst"))
    assert rst.is_rst("notes/_sources/aws.rst.txt", decode(b"Just a line\n", "notes/aws.rst.txt"))
    assert rst.is_rst("notes/aws.txt", decode(NOTES.encode(), "notes/aws.txt"))
    one = decode(b"# Lambda\n\n.. note:: an aside\n", "notes/aws.txt")
    assert not rst.is_rst("notes/aws.txt", one)
    shown = decode(b"# Sphinx\n\n```rst\n.. code-block:: bash\n\n.. image:: a.png\n```\n", "notes/sphinx.md")
    assert not rst.is_rst("notes/sphinx.md", shown)     # Markdown showing directives in its code


def test_titles_take_levels_from_their_adornments_line_for_line():
    texts = _texts(NOTES)
    assert texts[0] == "# Lambda" and texts[1] == "" and texts[9] == "## Limits" and texts[10] == ""
    assert "# SQS" in texts and "## Queues" in texts and not any(set(t) == {"="} for t in texts)
    overlined = _texts("=====\nEC2\n=====\n\nSpot\n----\n\n- cheap\n")
    assert overlined[:6] == ["", "# EC2", "", "", "## Spot", ""]


def test_directives_and_literal_blocks_are_code_pictures_and_notes():
    texts = _texts(NOTES)
    assert texts[5:8] == ["> **Note:** Billed per millisecond", ">", "> Memory sets the CPU share too."]
    assert texts[15:17] == ["1. zip the code", "1. upload it"]
    at = texts.index("Deploy with the CLI:")
    assert texts[at + 1:at + 4] == ["```", "aws lambda update-function-code --function-name f --zip-file fileb://f.zip",
                                    "```"]
    at = texts.index("```python")
    assert texts[at + 1:at + 4] == ["def handler(event, context):", '    return {"ok": True}', "```"]
    assert "![Lambda console](img/lambda.png)" in texts
    assert "See [the docs](https://docs.aws.amazon.com/lambda/) and [the quotas](lambda-quotas.rst)." in texts
    assert "* `/tmp` holds 10 GB" in texts
    assert not any("comment" in t or "no reader" in t or ":linenos:" in t or ":alt:" in t for t in texts)


def test_every_line_keeps_its_number_and_a_fence_with_no_line_for_it_is_added():
    lines = rst.as_markdown(decode(NOTES.encode(), "notes/aws.rst"))
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    tail = rst.as_markdown(decode(b"EC2\n===\n\nRun this::\n\n    aws ec2 describe-instances\nNext line\n",
                                  "notes/ec2.rst"))
    assert [(line.number, line.text) for line in tail if line.number in (6, 7)] == \
        [(6, "aws ec2 describe-instances"), (6, "```"), (7, "Next line")]


def test_a_grid_table_is_kept_as_drawn():
    table = "S3\n==\n\n+-------+------+\n| class | cost |\n+=======+======+\n| IA    | low  |\n+-------+------+\n"
    texts = _texts(table)
    assert texts[:4] == ["# S3", "", "```", "+-------+------+"] and texts[-2:] == ["+-------+------+", "```"]


def test_a_rst_file_builds_a_page_per_service_with_its_code_and_no_markup_shown():
    site = site_from_text(NOTES, "notes/aws.rst")
    assert [p.slug for p in site.pages] == ["lambda", "sqs"]
    page = site.files["lambda.md"]
    assert '```python\ndef handler(event, context):\n    return {"ok": True}\n```' in page
    assert "```\naws lambda update-function-code" in page
    assert "> **Note:** Billed per millisecond" in page
    assert "[the docs](https://docs.aws.amazon.com/lambda/)" in page
    for shown in ("..", "``/tmp``", "====", "----", "code-block", ":doc:", "#."):
        assert shown not in page.split("---\n", 2)[2], shown
