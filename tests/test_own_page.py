"""In notes of several files, a file's title over its topics ("# DMS" over "## Sources and
targets" in dms.md) is that file's page, its introduction the page's: not the site's title, with
the introduction on the home page and each topic a page of its own. A file whose headings under
its title name services ("# Databases" over "## RDS") keeps its title for the home page, as one
file of notes does."""

from __future__ import annotations

import json

from notesite.api import site_from_lines
from notesite.source import decode


def _site(files: dict[str, str]):
    return site_from_lines([decode(text.encode("utf-8"), name) for name, text in files.items()])


MIGRATION = """# Migration service

- moves databases from on premises into the cloud

## Sources and targets

- Oracle, SQL Server, MySQL in; Aurora, Redshift out

## Schema conversion

- a separate tool converts one engine's schema to another's
"""

EC2 = """# EC2

- virtual servers

## Spot

- up to 90% cheaper
"""


def test_a_files_title_over_its_topics_is_its_page_with_the_introduction():
    site = _site({"notes/migration.md": MIGRATION, "notes/ec2.md": EC2})
    assert [page.title for page in site.pages] == ["Migration service", "EC2"]
    page = site.files["migration-service.md"]
    assert "# Migration service\n\n- moves databases from on premises into the cloud\n\n" \
           "## Sources and targets {#sources-and-targets}\n" in page
    assert "## Schema conversion {#schema-conversion}\n" in page
    assert "Migration service\n\n- moves databases" not in site.files["index.md"]   # (its first words are its summary there)


def test_one_file_alone_keeps_its_title_and_introduction_for_the_home_page():
    site = _site({"notes/migration.md": MIGRATION})
    assert "moves databases from on premises into the cloud" in site.files["index.md"]
    assert [page.title for page in site.pages] == ["Sources and targets", "Schema conversion"]


def test_a_files_title_over_services_keeps_it_for_the_home_page():
    databases = "# Databases\n\n- managed engines\n\n## RDS\n\n- relational\n\n## DynamoDB\n\n- key-value\n"
    site = _site({"notes/databases.md": databases, "notes/ec2.md": EC2})
    assert [page.title for page in site.pages] == ["RDS", "DynamoDB", "EC2"]
    assert "managed engines" in site.files["index.md"]


def test_a_topic_that_shares_a_word_with_a_services_name_is_a_topic_of_the_files_page():
    cli = "# Command line\n\n- every service has commands\n\n## Flags\n\n- --dry-run\n\n## Config\n\n- output formats\n"
    site = _site({"notes/cli.md": cli, "notes/ec2.md": EC2})
    assert [page.title for page in site.pages] == ["Command line", "EC2"]
    assert "# Command line\n\n- every service has commands\n\n## Flags {#flags}\n" in site.files["command-line.md"]
    assert "## Config {#config}\n\n- output formats\n" in site.files["command-line.md"]
    assert "- every service has commands" not in site.files["index.md"]


def test_a_topics_file_in_a_folder_named_after_a_service_goes_to_that_services_page():
    topic = "# Advanced concepts\n\n## Price classes\n\n- fewer edge locations, lower price\n"
    site = _site({"notes/CloudFront/AdvancedConcepts.md": topic, "notes/CloudFront/Introduction.md": "# CloudFront\n\n- a CDN\n",
                  "notes/Intro/Introduction.md": "# Introduction\n\n- what the cloud is\n"})
    assert [page.title for page in site.pages] == ["CloudFront", "Introduction"]
    page = site.files["cloudfront.md"]
    assert "## Advanced concepts {#advanced-concepts}\n" in page and "### Price classes {#price-classes}\n" in page
    # The service's own introduction, from the file read after, leads the page.
    assert page.index("- a CDN") < page.index("## Advanced concepts")


def test_a_file_whose_name_says_nothing_is_titled_by_its_folder():
    # Every "0000notes.md" of a course, one a lecture's folder, had been one page "0000notes".
    site = _site({"notes/003.services overview/0000notes.md": "- compute, storage, networking\n",
                  "notes/044 route53/0000notes.md": "- hosted zones\n",
                  "notes/Lecture 12/notes.md": "- what a region is\n",
                  "notes/0000notes.md": "- loose notes\n"})
    assert [page.title for page in site.pages] == ["Services overview", "Route 53", "Lecture 12", "0000notes"]

def test_a_heading_as_shallow_as_the_files_title_that_names_no_service_is_a_topic_of_its_page():
    advisor = "# Trusted Advisor\n\n- checks an account\n\n# Features\n\n- six categories\n\n# Support plans\n\n- more checks\n"
    site = _site({"notes/Trusted_Advisor.md": advisor, "notes/ec2.md": EC2})
    assert [page.title for page in site.pages] == ["Trusted Advisor", "EC2"]
    page = site.files["trusted-advisor.md"]
    assert "## Features {#features}\n\n- six categories\n\n## Support plans {#support-plans}\n" in page


def test_a_file_that_is_only_a_services_name_names_its_page_not_the_site():
    site = _site({"notes/lambda/README.md": "# Lambda\n", "notes/lambda/limits.md": "# Limits\n\n- 15 minutes at most\n",
                  "notes/ec2.md": EC2})
    assert [page.title for page in site.pages] == ["Lambda", "EC2"]
    assert "## Limits {#limits}\n\n- 15 minutes at most\n" in site.files["lambda.md"]
    assert "Notes: Lambda" not in site.files["index.md"]


def test_a_page_that_opens_with_a_typed_heading_is_summed_up_by_its_words_not_its_marks():
    # "### Logs - app logs" had been the page's summary, on the home page and in its unfurl.
    site = site_from_lines([decode(b"# Observability\n\n### Logs - app logs and agent logs\n\n- kept for ever by default\n",
                                   "notes/observability.md"),
                            decode(b"# Lab\n\n#### Steps\n\n- open the console\n", "notes/lab.md")])
    assert 'description: "Logs - app logs and agent logs"' in site.files["observability.md"]
    assert 'description: "Steps"' in site.files["lab.md"]
    assert "\nSteps\n" in site.files["index.md"] and "####" not in site.files["index.md"]


def test_a_file_named_by_a_service_and_what_it_is_goes_to_that_services_page():
    # As an app that titles notes by their file names keeps them: the name, then a gist.
    site = _site({"notes/Compute/Batch - Jobs on Spot capacity (HPC).md": "- queues of jobs\n- compute environments\n",
                  "notes/Compute/Cheat Sheet - Instance Families (M, C, R).md": "- M: general purpose\n",
                  "notes/Security/Shield - DDoS protection.md": "- Standard is free\n"})
    assert [(p.slug, p.title) for p in site.pages] == [
        ("batch", "Batch"), ("cheat-sheet-instance-families-m-c-r", "Cheat Sheet - Instance Families (M, C, R)"),
        ("shield", "Shield")]


def test_a_file_comparing_services_keeps_its_sections_about_each_of_them():
    notes = {"notes/SQS.md": "# SQS\n- queues\n",
             "notes/Messaging.md": ("# Comparison: SQS vs SNS vs MQ\n\n## When to use each\n\n### Use SQS if\n- decoupling\n\n"
                                    "## Each in detail\n\n### SQS (Simple Queue Service)\n- pull\n\n### Amazon MQ\n- brokers\n")}
    pages = {p.title: [t.title for t in p.topics] for p in _site(notes).pages}
    assert pages["Comparison: SQS vs SNS vs MQ"] == [
        "When to use each", "Use SQS if", "Each in detail", "SQS (Simple Queue Service)", "Amazon MQ"]
    assert "SQS (Simple Queue Service)" not in pages["SQS"] and "Amazon MQ" not in pages


def test_second_level_headings_that_name_no_service_stay_under_their_first_level_heading():
    # "#" and "##" are peers only where "##" heads pages ("## EC2" beside "#Scalability").
    site = _site({"notes/accounts.md": "# Organizations\n- many accounts\n\n# Service Control Policies\n- boundaries\n\n"
                                       "## Deny list strategy\n- deny what is not allowed\n\n"
                                       "## Allow list strategy\n- allow only what is listed\n\n# Control Tower\n- landing zones\n"})
    assert [(p.title, [t.title for t in p.topics]) for p in site.pages] == [
        ("Organizations", []), ("Service Control Policies", ["Deny list strategy", "Allow list strategy"]),
        ("Control Tower", [])]


def test_second_level_headings_naming_a_service_with_other_words_under_a_service_stay_its_topics():
    site = _site({"notes/code.md": "# CodeCommit\n- git repositories\n\n## Approval rules\n- two reviewers\n\n"
                                   "## IAM permissions\n- by tags\n\n# CodeBuild\n- builds\n\n"
                                   "## Docker images for CodeBuild\n- custom image\n"})
    assert [(p.title, [t.title for t in p.topics]) for p in site.pages] == [
        ("CodeCommit", ["Approval rules", "IAM permissions"]), ("CodeBuild", ["Docker images for CodeBuild"])]


def test_a_rule_under_a_files_title_is_a_rule_on_the_home_page_too():
    # "# Title", a run of "___", an introduction: on the pages the run is a rule; on the home
    # page, which the title and introduction head, it showed as "\_\_\_" and ran on.
    databases = "# Databases\n\n________________\n\nmanaged engines, compared\n\n## RDS\n\n- relational\n\n## DynamoDB\n\n- key-value\n"
    home = _site({"notes/databases.md": databases, "notes/ec2.md": EC2}).files["index.md"]
    assert "Notes: Databases\n\n---\n\nmanaged engines, compared\n" in home
    assert "\\_" not in home


def test_a_service_page_is_described_by_what_the_service_is_and_the_topics_its_author_wrote():
    # services.yaml's EC2 summary had listed the seed's topics ("purchasing options, placement
    # groups, ... hibernation"): another author's EC2 page of one topic unfurled with all of them.
    site = _site({"notes/ec2.md": EC2})
    page = site.files["ec2.md"]
    description = page.split('description: "', 1)[1].split('"', 1)[0]
    assert description.endswith("Topics: Spot.")
    assert not any(word in description.lower() for word in ("placement", "hibernation", "purchasing"))
    home = site.files["index.md"]
    summary = home.split("## [EC2](ec2.md) {#ec2}\n\n", 1)[1].split("\n", 1)[0]
    assert description.startswith(summary) and "Topics" not in summary   # the home lists the topics below it


def test_a_long_description_is_cut_at_a_word_and_marked_as_cut():
    topics = "".join(f"## Topic number {n}\n\n- a fact\n\n" for n in range(40))
    page = _site({"notes/ec2.md": f"# EC2\n\n{topics}"}).files["ec2.md"]
    description = json.loads(page.split("description: ", 1)[1].split("\n", 1)[0])
    whole = "Topics: " + ", ".join(f"Topic number {n}" for n in range(40)) + "."
    kept = description.removesuffix("\u2026")
    assert len(description) <= 200 and kept != description
    head, listed = kept.split(" Topics: ", 1)
    assert head.endswith(".") and whole.startswith(f"Topics: {listed}")
    assert whole[len(f"Topics: {listed}")] == " "   # cut where a word ends


def test_a_sections_preview_leaves_out_its_rules():
    # A section that opens with a rule unfurled in chat as "---; the first fact".
    site = _site({"notes/ec2.md": "# EC2\n\n## Spot\n\n---\n\n- up to 90% cheaper\n"})
    share = site.files["s/ec2/spot/index.html"]
    assert 'content="up to 90% cheaper"' in share and "---" not in share



def test_a_sections_preview_is_one_line_of_words():
    # A code block's lines and indentation had stood in the meta description as typed.
    notes = "# EC2\n\n## Launch\n\nRun it:\n\n```\naws ec2 run-instances  \\\n    --count 1\n```\n"
    share = _site({"notes/ec2.md": notes}).files["s/ec2/launch/index.html"]
    assert 'content="Run it:; aws ec2 run-instances \\ --count 1"' in share


README = "# My AWS notes\n\nWhat I noted for the exam, one file a service.\n\n- [EC2](ec2.md)\n- [S3](s3.md)\n"
S3 = "# S3\n\n## Versioning\n\n- keeps every version of an object\n"


def test_a_folders_readme_that_introduces_the_notes_heads_the_home_page():
    # It had been a page of its own ("My AWS notes") in the navigation, beside the services.
    site = _site({"notes/README.md": README, "notes/ec2.md": EC2, "notes/s3.md": S3})
    assert [page.title for page in site.pages] == ["EC2", "S3"]
    home = site.files["index.md"]
    assert "Notes: My AWS notes\n\nWhat I noted for the exam, one file a service.\n\n- [EC2](ec2.md)\n- [S3](s3.md)\n" in home
    assert home.index("What I noted") < home.index("## [EC2](ec2.md)")


def test_a_readme_with_topics_or_below_the_top_folder_or_alone_is_notes():
    topics = README + "\n## Exam tips\n\n- read every answer\n"
    assert "My AWS notes" in [p.title for p in _site({"notes/README.md": topics, "notes/ec2.md": EC2}).pages]
    deeper = _site({"notes/guides/README.md": README, "notes/ec2.md": EC2})
    assert "My AWS notes" in [p.title for p in deeper.pages]
    alone = _site({"notes/README.md": README + "\n## EC2\n\n- virtual servers\n"})
    assert "Notes: My AWS notes" in alone.files["index.md"]   # one file: its title heads the site, as before
    named = _site({"notes/README.md": "# Lambda\n\n- functions run on events\n", "notes/ec2.md": EC2})
    assert [p.title for p in named.pages] == ["Lambda", "EC2"]


COVER = ("![logo](media/logo.svg)\n\n# Cloud notes <small>2.1</small>\n\n> What I noted for the exam\n\n"
         "- one page a service\n\n[Source](https://example.com/notes)\n[Start](#ec2)\n")


def test_a_docsify_cover_page_heads_the_home_page_before_its_readme(tmp_path):
    # docsify's _coverpage.md had become two pages, "Coverpage" (its logo) and "Cloud notes 2.1"
    # (the rest), beside the services; its tagline showed as "\>".
    from notesite.api import build

    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in {"_coverpage.md": COVER, "README.md": "# Welcome\n\nRead the pages in order.\n",
                       "ec2.md": EC2, "s3.md": S3}.items():
        (notes / name).write_text(text, encoding="utf-8")
    site = build(notes, display_root=tmp_path)
    assert [page.title for page in site.pages] == ["Welcome", "EC2", "S3"]
    home = site.files["index.md"]
    # The logo (an SVG, which is not published: its address as text) is no title; the heading is.
    assert "\nlogo (`media/logo.svg`)\n\nNotes: Cloud notes <small>2.1</small>\n\n> What I noted for the exam\n\n" \
           "- one page a service\n\n[Source](https://example.com/notes)\n\n[Start](ec2.md)\n" in home
    assert home.index("What I noted") < home.index("## [Welcome]")


def test_a_cover_page_of_notes_or_with_lines_before_its_title_stays_notes():
    more = COVER + "".join(f"\nline {n} of notes\n" for n in range(6))
    assert "Cloud notes 2.1" in [p.title for p in _site({"notes/_coverpage.md": more, "notes/ec2.md": EC2}).pages]
    led = "Draft, not for sharing\n\n" + COVER
    assert "Cloud notes 2.1" in [p.title for p in _site({"notes/_coverpage.md": led, "notes/ec2.md": EC2}).pages]
    shown = _site({"notes/_coverpage.md": COVER.replace(".svg", ".png"), "notes/ec2.md": EC2})
    assert [p.title for p in shown.pages] == ["EC2"]
    assert "![logo](media/logo.png)\n\nNotes: Cloud notes" in shown.files["index.md"]


def test_another_site_tools_navigation_files_are_no_pages_and_are_named(tmp_path):
    # A docsify site's _sidebar.md and _navbar.md had become pages "Sidebar" and "Navbar".
    from notesite.api import build

    notes = tmp_path / "notes"
    (notes / "guide").mkdir(parents=True)
    for name, text in {"ec2.md": EC2, "s3.md": S3, "_sidebar.md": "- [EC2](ec2.md)\n- [S3](s3.md)\n",
                       "_navbar.md": "- [Source](https://example.com/notes)\n", "guide/_Footer.md": "Written in 2024\n"}.items():
        (notes / name).write_text(text, encoding="utf-8")
    site = build(notes, display_root=tmp_path)
    assert [page.title for page in site.pages] == ["EC2", "S3"]
    notices = "\n".join(site.notices())
    for name in ("notes/_sidebar.md", "notes/_navbar.md", "notes/guide/_Footer.md"):
        assert f"{name}: not published: it is " in notices
    (notes / "ec2.md").unlink()
    (notes / "s3.md").unlink()
    alone = build(notes, display_root=tmp_path)   # nothing but such files: they are the notes
    assert alone.navigation_notes == [] and alone.pages


def test_a_file_that_is_a_copy_of_another_is_read_once_and_named(tmp_path):
    # A Sphinx repository keeps each source's copy in _sources/ (x.rst.txt): every page and
    # section showed twice, the second with ids of its own, and search found each twice.
    from notesite.api import build

    rst = "EC2\n===\n\nSpot\n----\n\n- up to 90% cheaper\n"
    for name, text in {"build/_sources/ec2.rst.txt": rst, "source/ec2.rst": rst, "source/s3.md": S3,
                       "old/s3.md": S3, "source/notes.txt": "\n\n", "old/notes.txt": "\n\n"}.items():
        (tmp_path / "notes" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "notes" / name).write_text(text, encoding="utf-8")
    site = build(tmp_path / "notes", display_root=tmp_path)
    assert [page.title for page in site.pages] == ["S3", "EC2"]
    assert [topic.title for page in site.pages for topic in page.topics] == ["Versioning", "Spot"]
    # The one read is the source, not the copy in a tool's own folder; of two plain copies, the first.
    assert site.copied_notes == [("notes/build/_sources/ec2.rst.txt", "notes/source/ec2.rst"),
                                 ("notes/source/s3.md", "notes/old/s3.md")]
    assert "notes/source/s3.md: not published: it holds the same as notes/old/s3.md" in "\n".join(site.notices())
    assert len(site.empty_notes) == 2    # empty files are no copies of each other: each is named as empty


def test_the_home_page_counts_topics_only_where_there_are_some():
    site = _site({"notes/ec2.md": "# EC2\n\n- virtual servers\n", "notes/s3.md": "# S3\n\n- buckets\n"})
    assert "\n2 pages. Search from the box above" in site.files["index.md"]
    assert "2 pages and 2 topics." in _site({"notes/ec2.md": EC2, "notes/s3.md": S3}).files["index.md"]


def test_a_gitbook_summary_of_links_is_no_page_but_a_summary_of_notes_is(tmp_path):
    from notesite.api import build

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ec2.md").write_text(EC2, encoding="utf-8")
    (notes / "SUMMARY.md").write_text("# Summary\n\n* [Introduction](README.md)\n* [EC2](ec2.md)\n    * [Spot](ec2.md#spot)\n",
                                      encoding="utf-8")
    site = build(notes, display_root=tmp_path)
    assert [page.title for page in site.pages] == ["EC2"]
    assert "notes/SUMMARY.md: not published: it is GitBook's or mdBook's table of contents" in "\n".join(site.notices())
    (notes / "SUMMARY.md").write_text("# Summary\n\n- spot instances can be taken back with two minutes' notice\n",
                                      encoding="utf-8")
    assert "Summary" in [page.title for page in build(notes, display_root=tmp_path).pages]
