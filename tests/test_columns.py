"""Columns typed without pipes (cells parted by tabs, or aligned with spaces) are a table on
the page, every cell as typed; lines that only look like columns stay lines."""

from __future__ import annotations

from bs4 import BeautifulSoup
import markdown

from conftest import site_from_text
from test_never_worse import EXTENSIONS

NOTES = """## S3

Storage classes
Class        Durability   Availability   Min days
Standard     11 9s        99.99%         none
Glacier      11 9s        99.9%          90

Limits pasted from a sheet
Name\tLimit\tNote
memory\t10240 MB\tper function
timeout\t900 s\thard <limit>

Two columns are names and notes
t3      burstable
m5      general
c5      compute

Prose.  Two spaces after a full stop.  Still prose.
"""


def _tables(page: str) -> list[list[list[str]]]:
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    return [[[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
            for table in BeautifulSoup(html, "html.parser").find_all("table")]


def test_aligned_and_tab_parted_columns_are_tables_with_every_cell_as_typed():
    page = site_from_text(NOTES).files["s3.md"]
    assert _tables(page) == [
        [["Class", "Durability", "Availability", "Min days"], ["Standard", "11 9s", "99.99%", "none"],
         ["Glacier", "11 9s", "99.9%", "90"]],
        [["Name", "Limit", "Note"], ["memory", "10240 MB", "per function"], ["timeout", "900 s", "hard <limit>"]],
    ]


def test_two_aligned_columns_and_prose_with_double_spaces_stay_lines():
    page = site_from_text(NOTES).files["s3.md"]
    assert "\nt3      burstable\n" in page and "\nc5      compute\n" in page
    assert "\nProse.  Two spaces after a full stop.  Still prose.\n" in page


def test_a_tab_inside_a_line_is_kept_and_tabs_that_indent_still_nest():
    notes = "## EC2\n\n- Types\n\t- t3\tburstable\n"
    page = site_from_text(notes).files["ec2.md"]
    assert "\n- Types\n    - t3\tburstable\n" in page


def test_pipes_without_a_row_of_dashes_are_a_table_and_a_line_with_pipes_stays_a_line():
    notes = ("## S3\n\n| Class | Min days |\n| Glacier | 90 |\n\nClass | Use\nStandard | hot data\nGlacier | archives\n\n"
             "EC2 | S3 | IAM are services\n\nread `a | b` here\nand `c | d` there\n")
    page = site_from_text(notes).files["s3.md"]
    assert _tables(page) == [[["Class", "Min days"], ["Glacier", "90"]],
                             [["Class", "Use"], ["Standard", "hot data"], ["Glacier", "archives"]]]
    assert "EC2 \\| S3 \\| IAM are services" in page and "`a | b`" in page
