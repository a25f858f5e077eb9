"""Markdown's reference links lead where their definitions say, and the definitions are not
shown; references never defined, and code, stay as typed."""

from __future__ import annotations

from conftest import site_from_text

NOTES = """## S3

See the [S3 FAQ][faq], [pricing][] and [Pricing].
Not defined: [a thing][nowhere]; in code: `[faq]`.

[faq]: https://aws.example/s3/faqs/
[pricing]: <https://aws.example/s3/pricing/> "Pricing"

```
[faq]: kept in code
```
"""


def test_references_lead_where_their_definitions_say_and_the_definitions_are_not_shown():
    page = site_from_text(NOTES, "notes/notes.md").files["s3.md"]
    assert ("See the [S3 FAQ](https://aws.example/s3/faqs/), [pricing](https://aws.example/s3/pricing/) "
            "and [Pricing](https://aws.example/s3/pricing/).") in page
    assert "\\[a thing\\]\\[nowhere\\]" in page and "`[faq]`" in page
    assert "\n[faq]: kept in code\n" in page
    assert "\\[faq\\]:" not in page and '"Pricing"' not in page


def test_a_reference_to_a_script_address_stays_inert_text():
    page = site_from_text("## S3\n\nclick [here][r]\n\n[r]: javascript:alert(1)\n", "notes/notes.md").files["s3.md"]
    assert "](javascript:" not in page and "javascript:alert(1)" in page
