"""A diagram drawn with characters is shown as drawn, in a code block; tables and rules that
only look like one stay what they are."""

from __future__ import annotations


from conftest import code_blocks, site_from_text

DIAGRAM = """        +--------------+
        |  ALB         |
        +--------------+
               |
      +--------|--------+
      |                 |
+------------+  +------------+
| Target A   |  | Target B   |   two AZs
+------------+  +------------+"""

BOXES = """┌─────────┐   ┌─────────┐
│ Primary │──▶│ Standby │
└─────────┘   └─────────┘"""


def test_a_diagram_of_boxes_is_one_code_block_as_drawn():
    notes = f"## ELB\n\nHow it spreads\n\n{DIAGRAM}\nRound robin\nrequests go to each in turn\n\n- health checks\n"
    page = site_from_text(notes).files["elastic-load-balancing.md"]
    assert code_blocks(page) == [DIAGRAM]
    assert "\\|" not in page and "\\+" not in page
    # The line typed right under it goes on from it: text, not a title over what follows.
    assert "\nRound robin" in page and "## Round robin" not in page


def test_a_diagram_of_box_drawing_characters_is_code_too():
    page = site_from_text(f"## RDS\n\nMulti-AZ\n\n{BOXES}\n").files["rds.md"]
    assert code_blocks(page) == [BOXES]


def test_rules_and_tables_typed_with_pipes_stay_what_they_are():
    notes = ("## S3\n\n-----\n\n"
             "| class | cost |\n| standard | high |\n| glacier | low |\n\n"
             "+ C++ basics + more\n+ Java + more\n+ Go + more\n")
    page = site_from_text(notes).files["s3.md"]
    assert "```" not in page
    assert "| standard | high |" in page


def test_two_drawn_lines_are_no_drawing():
    page = site_from_text("## VPC\n\n+-----+\n| VPC |\n\n- subnets\n").files["vpc.md"]
    assert "```" not in page
