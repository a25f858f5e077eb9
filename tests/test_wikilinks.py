"""Notes kept in Obsidian show as its reading view shows them: a link to a note is its text,
an embedded picture a picture, a callout a quote led by its title; code stays as typed."""

from __future__ import annotations

from conftest import site_from_text

from notesite import site_from_lines
from notesite.source import decode

NOTES = """# Lambda

See [[AWS S3]] and [[EC2|instances]], also [[#Pricing]] and [[AWS IAM#Roles|roles]] and [[Billing#Free tier]].

![[Pasted image 20240902204137.png]]
![[diagram.png|400]]

## Pricing

> [!note] Free tier
> 1M requests free

> [!TIP]-
> use arm64

`[[kept in code]]`
"""


def _page(place=None) -> str:
    site = site_from_lines([decode(NOTES.encode(), "notes/Lambda.md")], place=place)
    return site.files["lambda.md"].split("---\n", 2)[2]


def test_links_to_notes_lead_to_their_pages_with_the_words_obsidian_shows():
    # Notes of this vault that are not here show their words; a heading here is linked.
    page = _page()
    assert "See AWS S3 and instances, also [Pricing](#pricing) and roles and Billing > Free tier." in page
    assert "[[" not in page.replace("`[[kept in code]]`", "")


def test_an_embedded_picture_is_a_picture_found_by_its_name():
    found = {"notes/Pasted image 20240902204137.png": "pictures/Images/Pasted image 20240902204137.png"}
    page = _page(place=found.get)
    assert "![](pictures/Images/Pasted%20image%2020240902204137.png)" in page
    assert "## " + "!" not in page   # an embed alone on its line is no title


def test_a_callout_is_a_quote_led_by_its_title():
    page = _page()
    assert "> **Free tier**\n> 1M requests free\n\n> **Tip**\n> use arm64" in page


def test_quotes_parted_by_a_blank_line_stay_two_quotes():
    page = site_from_text("## S3\n\n> first quote\n> goes on\n\n> second quote\n", "notes/n.md").files["s3.md"]
    assert "> first quote\n> goes on\n\n> second quote" in page


def test_a_link_to_another_note_of_the_vault_leads_to_the_page_it_became():
    site = site_from_lines([decode(b"- runs code; see [[Storage notes#Versioning|versions]] and [[Storage notes]]\n", "notes/AWS Lambda.md"),
                            decode(b"## S3\n\n### Versioning\n\n- keeps versions\n", "notes/Storage notes.md")])
    assert "see [versions](s3.md#versioning) and [Storage notes](s3.md)" in site.files["lambda.md"]
