"""Titles framed or underlined by runs of one character, in notes without Markdown: each a
heading, the runs never shown as text (`notesite/banner.py`)."""

from __future__ import annotations

import re

from conftest import site_from_text

# A run shown as text: three of its characters in a row, escaped or not (not a `###` heading).
RUN_SHOWN = re.compile(r"(?m)^\s*(?:\\?[*=@_]){3}|(?:\\[*#]){3}")


def _page(site, slug):
    return site.files[f"{slug}.md"]


def _topics(site, slug):
    return [t.title for p in site.pages if p.slug == slug for t in p.topics]


def test_a_frame_doubled_above_and_below_heads_its_page():
    notes = ("Other databases\n\n********************\n********************\nRedshift\n********************\n"
             "********************\n\n- columnar warehouse\n- petabyte scale\n")
    site = site_from_text(notes)
    assert "redshift" in {p.slug for p in site.pages}
    assert not RUN_SHOWN.search(_page(site, "redshift"))


def test_c_comment_frames_with_an_indented_title_head_sections():
    notes = ("## EC2\n\n/********************\n    Purchasing options\n********************/\n"
             "On demand => pay as you go\n- billed per second\n\n/********************\n    Tenancy\n"
             "********************/\nShared => many tenants on one host\n")
    site = site_from_text(notes)
    assert _topics(site, "ec2") == ["Purchasing options", "Tenancy"]
    assert "/***" not in _page(site, "ec2") and "\\*\\*\\*" not in _page(site, "ec2")


def test_an_indented_frame_is_a_sub_title_and_its_lines_keep_their_nesting():
    notes = ("************\nEBS Volumes\n************\n    Block storage for instances\n\n"
             "    ************\n    Data availability\n    ************\n    - replicated in its zone\n"
             "        - no single point of failure\n")
    site = site_from_text(notes, "notes/ebs.txt")
    assert _topics(site, "ebs")[-1] == "Data availability"
    text = _page(site, "ebs")
    assert "- replicated in its zone\n    - no single point of failure" in text
    assert not RUN_SHOWN.search(text)


def test_a_tab_indented_title_underlined_with_asterisks_is_a_heading():
    notes = "## S3\n\n\tStorage classes\n\t***************\n\t- standard\n\t- glacier\n"
    site = site_from_text(notes)
    assert _topics(site, "s3") == ["Storage classes"]
    assert not RUN_SHOWN.search(_page(site, "s3"))


def test_a_run_that_frames_nothing_is_a_rule_not_text():
    site = site_from_text("## EC2\nSpot\n- cheap\n\n        @@@@@@@@@@@@\n\n- more notes\n")
    assert "@@@" not in _page(site, "ec2") and "\n---\n" in _page(site, "ec2")


def test_a_whole_frame_right_after_text_is_a_title_and_a_file_s_service_title_is_its_page():
    notes = ("*********\nEBS Volumes\n*********\n    Block storage\n   - snapshots live in S3\n"
             "*****************\nBenefits of volumes\n*****************\n    - durable\n")
    site = site_from_text(notes, "notes/ebs.txt")
    assert _topics(site, "ebs") == ["EBS Volumes", "Benefits of volumes"]
    assert not site.title_lines


def test_a_framed_title_in_a_file_named_after_its_service_is_a_first_level_section():
    notes = ("Basics\nvirtual servers\n\nRoot volume\n=> kept after a stop\n\n"
             "/************************\n    Pricing models\n*************************/\n"
             "Reserved => one or three years\n\n"
             "/************************\n    Placement\n*************************/\nCluster => one rack\n")
    page = site_from_text(notes, "notes/EC2.txt").files["ec2.md"]
    headings = [line for line in page.split("---", 2)[2].splitlines() if line.startswith("#")]
    assert headings[1:] == ["## Basics {#basics}", "## Root volume {#root-volume}",
                            "## Pricing models {#pricing-models}", "## Placement {#placement}"]


def test_asciidoc_and_mediawiki_headings_are_headings_and_a_sum_is_not():
    notes = "= AWS Notes\n\n== EC2\n\n=== Instance types ===\n* t3\n\n== S3\nTotal storage\n= 100 GB\n"
    site = site_from_text(notes)
    assert [p.title for p in site.pages] == ["EC2", "S3"]
    assert "\n## Instance types {#instance-types}\n\n- t3\n" in site.files["ec2.md"]
    assert "Notes: AWS Notes" in site.files["index.md"]
    assert "\n= 100 GB\n" in site.files["s3.md"]


def test_a_picture_over_a_run_is_a_picture_and_a_rule_not_a_title():
    notes = ("## Spot requests\n\nCancel the request first.\n\n![](flow.png)\n____________________\n\n"
             "## Spot fleet\n- many pools\n\n<img src=\"pools.png\" width=300>\n====================\n\n- cheapest first\n")
    site = site_from_text(notes, "notes/ec2.md")
    assert [t.title for p in site.pages for t in p.topics] == ["Spot requests", "Spot fleet"]
    text = _page(site, "ec2")
    assert "![](flow.png)\n" in text and "pools.png" in text
    assert not RUN_SHOWN.search(text)


def test_a_title_framed_by_more_hashes_than_a_heading_has_is_a_heading_its_hashes_never_shown():
    site = site_from_text("########Queues and topics###############\n\nDecouple parts of an app\n\n"
                          "###SQS#########\n- pull\n", "notes/Decoupling.txt")
    assert [p.title for p in site.pages] == ["Queues and topics", "SQS"]
    assert "\\#" not in site.files["index.md"] and "Decouple parts of an app" in site.files["index.md"]


def test_a_title_framed_by_asterisks_on_its_own_line_is_a_heading_also_between_dashed_rules():
    # A Java file of real notes showed "\*\*\*…  Memory Management in Java \*\*\*…" as its title.
    ruled = ("------------------------\n ********  Garbage collection in the JVM ********\n------------------------\n\n"
             "The heap holds objects.\n- young generation\n- old generation\n")
    site = site_from_text(ruled, "notes/jvm.txt")
    assert [p.title for p in site.pages] == ["Garbage collection in the JVM"]
    assert not RUN_SHOWN.search(site.files["garbage-collection-in-the-jvm.md"])
    alone = site_from_text("******  Garbage collection ******\n\nThe heap holds objects.\n", "notes/jvm.txt")
    assert [p.title for p in alone.pages] == ["Garbage collection"]
    emphasis = site_from_text("***Important***\n\n- bold and italic, as Markdown reads it\n", "notes/n.txt")
    assert "***Important***" in emphasis.files["n.md"]


def test_a_title_after_more_hashes_than_a_heading_has_is_a_heading_under_one_framed_on_both_sides():
    notes = ("###########Direct Connect######\n\n- a private line to AWS\n\n"
             "#########Direct Connect resilience\n\n- two lines at two locations\n\n"
             "#########Failover to a VPN\n\n- over the internet\n")
    site = site_from_text(notes, "notes/network.txt")
    assert [p.slug for p in site.pages] == ["direct-connect"]
    assert _topics(site, "direct-connect") == ["Direct Connect resilience", "Failover to a VPN"]
    assert not RUN_SHOWN.search(_page(site, "direct-connect"))


def test_a_run_of_one_mark_after_a_headings_words_is_not_its_title():
    # "* TODAY =============" in Org, "#### WRITE ------------": a rule drawn on the title's line.
    notes = "## EC2 =======\n\n- servers\n\n### Spot -----\n\n- cheap\n\n### C ++\n\n- two marks stay\n"
    page = site_from_text(notes).files["ec2.md"]
    assert "# EC2\n" in page and "## Spot {#spot}" in page and "## C ++ {#c}" in page
    assert "=" not in page.split("---", 2)[2] and "-----" not in page


def test_single_frames_are_sections_of_the_doubled_frame_above_them():
    # Doubled frames title the services, single ones their parts; all had been pages,
    # "Consistency models" and "Configuration" beside DynamoDB and Redshift.
    double, single = "*" * 30 + "\n" + "*" * 30, "*" * 24
    notes = (f"DB services\n\n{double}\nI] DynamoDB\n{double}\n\n- NoSQL\n\n"
             f"{single}\nConsistency models\n{single}\n- eventual\n\n"
             f"{double}\nII] Redshift\n{double}\n\n- warehouse\n\n"
             f"{single}\nConfiguration\n{single}\n- single node\n\n"
             f"  {double.replace(chr(10), chr(10) + '  ')}\n  Aurora\n  {double.replace(chr(10), chr(10) + '  ')}\n- MySQL compatible\n")
    site = site_from_text(notes)
    assert [p.title for p in site.pages] == ["DynamoDB", "Redshift", "Aurora"]
    assert "## Consistency models {#consistency-models}" in site.files["dynamodb.md"]
    assert "## Configuration {#configuration}" in site.files["redshift.md"]


def test_single_frames_alone_keep_their_level():
    single = "*" * 24
    site = site_from_text(f"{single}\nEC2\n{single}\n- servers\n\n{single}\nS3\n{single}\n- buckets\n")
    assert [p.title for p in site.pages] == ["EC2", "S3"]
