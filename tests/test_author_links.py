"""The author's links lead where their notes meant, or show as text: a link to a file of their
repository that is no page here, or to a heading their notes do not have, never leaves the site
with a link that leads nowhere (and a strict build that fails on it). A link to another notes
file leads to the one page that file became."""

from __future__ import annotations

from conftest import make_project, mkdocs_build, site_from_text

from notesite import site_from_lines
from notesite.source import decode

NOTES = """# My notes

- [EC2](#ec2), [Pricing](#pricing), [Gone](#gone)

## EC2

- see [the other note](other.md), [S3 notes](S3.md), [pricing](#pricing) and [this page](#ec2)
- a [guide](files/guide.pdf), [Back](../README.md), [](img/xray.png)
- [mail](mailto:ops@example.com) and [the FAQ](https://aws.example/ec2/faqs/)

### Pricing

- cheap

## S3

- buckets
"""


def test_links_that_lead_nowhere_show_their_words_and_address_as_text():
    site = site_from_text(NOTES, "notes/n.md")
    ec2, home = site.files["ec2.md"], site.files["index.md"]
    # (A note's name is what the words say; a file of another kind keeps its address to look for.)
    assert "- see the other note, [S3 notes](s3.md), [pricing](#pricing) and [this page](#)" in ec2
    assert "- a guide (`files/guide.pdf`), Back, `img/xray.png`" in ec2
    assert "[mail](mailto:ops@example.com) and [the FAQ](https://aws.example/ec2/faqs/)" in ec2
    assert "[EC2](ec2.md), [Pricing](ec2.md#pricing), Gone" in home


def test_the_site_builds_strictly_with_links_to_files_it_does_not_have(tmp_path):
    project = make_project(tmp_path / "project", {"n.md": NOTES})
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr


def test_a_link_to_a_notes_file_that_became_one_page_leads_to_that_page():
    # A vault: one file a service, linked by file name as Obsidian writes Markdown links.
    site = site_from_lines([decode(b"- see [my S3 notes](Storage%20notes.md) and [gone](Nowhere.md)\n\n"
                                   b"## [Storage](Storage%20notes.md) - where objects go\n\n- later\n", "notes/AWS Lambda.md"),
                            decode(b"## S3\n\n- buckets\n", "notes/Storage notes.md")])
    assert "- see [my S3 notes](s3.md) and gone" in site.files["lambda.md"]
    assert "## [Storage](s3.md) - where objects go {#" in site.files["lambda.md"]   # in a heading too


def test_a_link_to_a_heading_by_its_words_leads_to_its_section_and_a_table_s_links_are_led_too():
    # Obsidian writes a Markdown link to a heading with the heading's words ("#VPC%20CIDR"); a
    # table's rows are shown as typed, their links led like any other line's.
    notes = ("## VPC\n\n### VPC CIDR\n\n- /16 to /28\n\n## NAT\n\n- needs a [CIDR](VPC.md#VPC%20CIDR)\n\n"
             "| what | where |\n|---|---|\n| ranges | [CIDR](VPC.md#VPC%20CIDR), [Back](../README.md), [pdf](a.pdf) |\n")
    page = site_from_text(notes, "notes/n.md").files["nat.md"]
    assert "- needs a [CIDR](vpc.md#vpc-cidr)" in page
    assert "| ranges | [CIDR](vpc.md#vpc-cidr), Back, pdf (`a.pdf`) |" in page


def test_a_link_to_one_of_many_readmes_leads_to_the_page_of_the_one_its_path_names():
    # A repository of a folder a service, each with its README.md: the link's path, not the
    # file's name alone, says which. (They had all led to the home page.)
    site = site_from_lines([
        decode(b"# Storage\n\n- [S3 - Simple Storage Service](./services/s3/README.md)\n"
               b"- [EFS](services/efs/README.md#mount-targets)\n- [Back](../README.md)\n\n## Overview\n\n- kinds of storage\n",
               "notes/storage/README.md"),
        decode(b"# S3\n\n- buckets hold objects\n", "notes/storage/services/s3/README.md"),
        decode(b"# EFS\n\n## Mount targets\n\n- one a zone\n", "notes/storage/services/efs/README.md"),
        decode(b"# My course\n\n- what I studied\n", "notes/README.md")])
    page = site.files["storage.md"]
    assert "- [S3 - Simple Storage Service](s3.md)" in page
    assert "- [EFS](efs.md#mount-targets)" in page
    assert "- [Back](index.md)" in page     # a README of several: the home page, as before


def test_a_heading_with_a_link_is_listed_on_the_home_page_by_its_words():
    # A link inside the contents' link to the heading is no link: its address, never led
    # anywhere here, was a broken link on the home page.
    notes = "# IAM\n\n## Definitions (see [IAM terms](/iam/index.md#definitions))\n\n- users and roles\n"
    site = site_from_text(notes, "notes/iam.md")
    assert "[Definitions (see IAM terms)](iam.md#definitions-see-iam-terms)" in site.files["index.md"]
