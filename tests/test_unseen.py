"""What the author's own viewer never shows (an HTML comment on lines of its own, a marker asking
for a table of contents) is not shown as text; inside code, or with notes after it, it is."""

from __future__ import annotations

from conftest import site_from_text

NOTES = """[TOC]

## EC2

[[_TOC_]]

<!-- todo: add more on EBS -->
- instances

<!--
- a bullet the author commented out
-->
- kept <!-- a comment inside a line stays as typed -->

<!-- a comment --> with notes after it

```html
<!-- in code: shown -->
```
"""


def test_comments_and_contents_markers_on_lines_of_their_own_are_not_shown():
    site = site_from_text(NOTES, "notes/notes.md")
    page = site.files["ec2.md"]
    assert "TOC" not in page and "TOC" not in site.files["index.md"]
    assert "todo" not in page and "commented out" not in page
    assert "\n- instances\n- kept &lt;!-- a comment inside a line stays as typed -->\n" in page
    assert "\n&lt;!-- a comment --> with notes after it\n" in page
    assert "\n<!-- in code: shown -->\n" in page


def test_a_comment_never_closed_leaves_every_line_as_typed():
    page = site_from_text("## EC2\n\n<!-- opened\n- a bullet\n", "notes/notes.md").files["ec2.md"]
    assert "&lt;!-- opened" in page and "\n- a bullet\n" in page
