"""Pictures kept beside the notes show on the pages and the site builds; a picture that is not
there, or that could run script, shows its words and address as text and is named."""

from __future__ import annotations

import base64

from conftest import make_project, mkdocs_build

from notesite import site_from_lines
from notesite.source import decode

# A 1x1 PNG: a real picture, so the build copies real bytes.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

NOTES = """## VPC

- ![VPC diagram](images/vpc.png "The VPC")
- ![Peering](<../outside.png>) and ![gone](images/gone.png)
- in code: `![kept](images/vpc.png)`
- ![logo](images/logo.svg)
"""


def _site(place):
    return site_from_lines([decode(NOTES.encode(), "notes/aws.txt")], place=place)


def test_a_picture_beside_the_notes_is_published_and_the_page_points_there():
    site = _site(lambda shown: "pictures/images/vpc.png" if shown == "notes/images/vpc.png" else None)
    page = site.files["vpc.md"]
    assert '![VPC diagram](pictures/images/vpc.png "The VPC")' in page
    assert site.pictures == ["pictures/images/vpc.png"]
    assert "`![kept](images/vpc.png)`" in page   # code as typed


def test_a_picture_not_found_shows_its_words_and_address_and_is_named():
    site = _site(lambda shown: None)
    page = site.files["vpc.md"]
    assert "Peering (`../outside.png`)" in page and "gone (`images/gone.png`)" in page
    assert "](images/" not in page.replace("`![kept](images/vpc.png)`", "")
    messages = [m.message() for m in site.missing_pictures]
    assert messages[0].startswith("notes/aws.txt:3: picture images/vpc.png is not in the notes folder")
    assert any("logo.svg is not published" in m and "save it as PNG" in m for m in messages)


def test_a_picture_in_an_html_tag_beside_the_notes_shows_as_markdown_shows_it():
    notes = '## VPC\n\n<img src="images/vpc.png" alt="The VPC &amp; subnets" width="500">\n<img src="images/gone.png">\n'
    site = site_from_lines([decode(notes.encode(), "notes/aws.md")],
                           place=lambda shown: "pictures/images/vpc.png" if shown == "notes/images/vpc.png" else None)
    page = site.files["vpc.md"]
    assert "\n![The VPC & subnets](pictures/images/vpc.png)" in page   # a line, not a heading
    assert '&lt;img src="images/gone.png"&gt;' in page or '&lt;img src="images/gone.png">' in page
    assert [m.address for m in site.missing_pictures] == ["images/gone.png"]


def test_without_a_place_pictures_stay_as_typed():
    page = site_from_lines([decode(NOTES.encode(), "notes/aws.txt")]).files["vpc.md"]
    assert "](images/vpc.png" in page


def test_the_site_builds_strictly_with_the_pictures_beside_the_notes(tmp_path):
    project = make_project(tmp_path / "project", {"aws.txt": NOTES})
    (project / "notes" / "images").mkdir()
    (project / "notes" / "images" / "vpc.png").write_bytes(PNG)
    (project / "notes" / "images" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    (tmp_path / "outside.png").write_bytes(PNG)   # beside the project, not in its notes: never published
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    assert (site / "pictures" / "images" / "vpc.png").read_bytes() == PNG
    html = (site / "vpc" / "index.html").read_text()
    assert 'src="../pictures/images/vpc.png"' in html
    assert not (site / "pictures" / "images" / "logo.svg").exists()
    assert not list(site.rglob("outside.png"))
    assert "picture images/gone.png is not in the notes folder" in built.stderr
    assert not (project / "docs" / "pictures").exists()   # docs/ holds only what the cleanup wrote


def test_a_picture_named_alone_is_found_by_its_name_in_the_notes_folder(tmp_path):
    # As Obsidian embeds its attachments: "![[shot.png]]" for notes/Images/shot.png. A name two
    # pictures share is no one picture: shown as text, and named.
    notes = "## Lambda\n\n![[shot.png]]\n\n![[twice.png]]\n"
    project = make_project(tmp_path / "project", {"Lambda.md": notes})
    for folder in ("Images", "Other"):
        (project / "notes" / folder).mkdir()
        (project / "notes" / folder / "twice.png").write_bytes(PNG)
    (project / "notes" / "Images" / "shot.png").write_bytes(PNG)
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site" / "lambda" / "index.html").read_text()
    assert 'src="../pictures/Images/shot.png"' in html
    assert "twice.png" in html and 'src="../pictures/Images/twice.png"' not in html
    assert "picture twice.png is not in the notes folder" in built.stderr


def test_a_link_to_a_picture_beside_the_notes_leads_to_it():
    notes = "## VPC\n\n- [the diagram](images/vpc.png) and [another](images/gone.png)\n"
    site = site_from_lines([decode(notes.encode(), "notes/aws.txt")],
                           place=lambda shown: "pictures/images/vpc.png" if shown == "notes/images/vpc.png" else None)
    page = site.files["vpc.md"]
    assert "[the diagram](pictures/images/vpc.png)" in page and "another (`images/gone.png`)" in page
    assert site.pictures == ["pictures/images/vpc.png"]


def test_a_picture_whose_address_is_a_fragment_is_its_words_and_address():
    # docsify's cover page sets a background colour as a picture: no picture to show or publish.
    site = site_from_lines([decode(b"## VPC\n\n![color](#fff)\n\n- subnets\n", "notes/aws.md")], place=lambda shown: None)
    assert "color (\\#fff)" in site.files["vpc.md"] and not site.missing_pictures
