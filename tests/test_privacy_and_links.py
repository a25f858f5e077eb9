"""Nothing leaves for another host while a reader browses, searches and copies a link; and every
internal link and anchor of the built site leads somewhere."""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import BASE, site_from_text


@pytest.mark.browser
def test_browsing_searching_and_copying_request_only_the_site_itself(served, context):
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(served.url, wait_until="networkidle")
    page.locator("article a[href$='ec2/#spot-block']").first.click()
    page.wait_for_url("**/ec2/#spot-block")
    page.locator("#spread button[aria-label*='Copy link']").first.click()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("placement groups")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.notesQuery")
    page.keyboard.press("Escape")
    page.locator("article a[href*='/ami/']").first.hover()   # an instant preview fetches the page
    page.wait_for_timeout(500)
    page.goto(served.url + "s/ami/ami-process/", wait_until="networkidle")
    assert requests, "no requests recorded"
    outside = sorted({u for u in requests if not u.startswith(served.origin + "/") and not u.startswith("data:")})
    assert not outside


def _resolve(site, page, href):
    url = urlsplit(href)
    if url.scheme or url.netloc:
        return None, None
    if url.path.startswith(BASE):   # 404.html links from the site's root, as GitHub Pages serves it
        url = url._replace(path=url.path[len(BASE):] or ".")
        page = "index.html"
    target = page if not url.path else os.path.normpath(os.path.join(os.path.dirname(page), unquote(url.path)))
    if url.path.endswith("/") or os.path.isdir(os.path.join(site, target)):
        target = os.path.join(target, "index.html")
    return target, url.fragment


def test_every_internal_link_and_anchor_resolves(real_site):
    site = str(real_site)
    pages = {}
    for root, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                pages[os.path.relpath(path, site)] = BeautifulSoup(open(path, encoding="utf-8").read(), "html.parser")
    broken, checked = [], 0
    for page, soup in pages.items():
        for element in soup.find_all(["a", "link"], href=True):
            target, fragment = _resolve(site, page, element["href"])
            if target is None:
                continue
            checked += 1
            if target not in pages and not os.path.exists(os.path.join(site, target)):
                broken.append(f"{page} -> {element['href']}")
            elif fragment and target in pages and pages[target].find(id=fragment) is None:
                broken.append(f"{page} -> {element['href']}")
    assert checked > 500
    assert not broken


def test_cross_links_connect_the_pages(real_site):
    ec2 = BeautifulSoup((real_site / "ec2" / "index.html").read_text(), "html.parser")
    links = {a["href"] for a in ec2.select("article.md-content__inner p a, article.md-content__inner li a")}
    assert "../ami/" in links                                  # AMI mentioned in the EC2 notes
    assert "../elastic-load-balancing/" in links               # "Load Balancer" in the Elastic IP notes
    assert "./#placement-groups" in links                      # placement group in the recovery notes
    for heading in ec2.select("article h2, article h3"):
        assert not heading.select("a:not(.headerlink)"), heading  # never inside headings
    for code in ec2.select("article code"):
        assert code.find_parent("a") is None


def test_a_link_to_one_of_the_author_s_notes_files_leads_to_its_page_here():
    notes = ("# Lambda\n\nSee [Beanstalk](../elastic-beanstalk.md), [versions](s3.md#versioning), "
             "[the list](/compute/eks.md), [readme](README.md) and [a page](https://example.org/a.md)\n\n"
             "# S3\n\n## Versioning\n\n- keeps versions\n\n# Elastic Beanstalk\n\n- deploys apps\n\n# EKS\n\n- clusters\n")
    page = site_from_text(notes, "notes/n.md").files["lambda.md"]
    # (README.md is no notes file here and no page: its words show, as text. "## Versioning",
    # which names no service, is a section of S3's page, under its "# S3".)
    assert ("See [Beanstalk](elastic-beanstalk.md), [versions](s3.md#versioning), [the list](eks.md), "
            "readme and [a page](https://example.org/a.md)") in page


def test_a_table_of_contents_of_one_markdown_file_leads_to_each_section_where_it_now_stands():
    notes = ("# Contents\n\n- [Backup & Restore](#backup--restore)\n- [Load balancers](#elastic-load-balancers-elb)\n"
             "- [Stickiness](#stickiness)\n- [Top](#contents)\n- [Nowhere](#no-such-heading)\n\n"
             "# Disaster Recovery\n\n- kinds\n\n## Backup & Restore\n\n- cheap\n\n"
             "# Elastic Load Balancers (ELB)\n\n- spread load\n\n## Stickiness\n\n- cookies\n")
    site = site_from_text(notes, "notes/n.md")
    # The file opens with its contents: they head the home page, not a page of their own. GitHub's
    # ids of the headings as typed lead to the pages and sections they became; a heading the
    # site has no place for ("Contents" heads the home page as a line) or the file lacks, to
    # nothing: its words. (Each "##" here is a section of the page of the "#" above it.)
    assert "contents.md" not in site.files
    assert ("Contents\n\n- [Backup & Restore](disaster-recovery.md#backup-restore)\n"
            "- [Load balancers](elastic-load-balancing.md)\n- [Stickiness](elastic-load-balancing.md#stickiness)\n"
            "- Top\n- Nowhere\n") in site.files["index.md"]


def test_a_link_to_the_notes_file_itself_leads_to_the_section_it_names_or_home():
    # Bitbucket gives a heading GitHub's id behind "markdown-header-"
    notes = ("# S3\n\n- [Versioning](README.md#markdown-header-versioning), [this file](README.md), "
             "[back to the top](README.md#markdown-header-table-of-contents), "
             "[stickiness](#markdown-header-stickiness), [other notes](other.md#versioning)\n\n"
             "## Versioning\n\n- keeps versions\n\n# Elastic Load Balancing\n\n## Stickiness\n\n- cookies\n")
    page = site_from_text(notes, "notes/README.md").files["s3.md"]
    # (Each "##" here is a section of the page of the "#" above it.) The table of contents was
    # the file's top: the home page; a file of another name is no page here: its words, as text
    assert ("- [Versioning](s3.md#versioning), [this file](index.md), [back to the top](index.md), "
            "[stickiness](elastic-load-balancing.md#stickiness), other notes") in page


def test_a_file_that_opens_with_its_contents_shows_them_on_the_home_page_nested_as_typed():
    notes = ("# Table of Contents\n\n1. [Storage](README.md#markdown-header-storage)\n"
             "    * [Classes](README.md#markdown-header-classes)\n    * [Lifecycle](#lifecycle)\n"
             "2. [Queues](README.md#markdown-header-sqs)\n\n* * *\n\n## Storage\n\nS3 keeps objects.\n\n"
             "### Classes\n\n- Standard\n\n### Lifecycle\n\n- moves objects\n\n## SQS\n\n- queues\n")
    site = site_from_text(notes, "notes/README.md")
    assert [page.title for page in site.pages] == ["Storage", "SQS"]
    assert ("Table of Contents\n\n1. [Storage](storage.md)\n    - [Classes](storage.md#classes)\n"
            "    - [Lifecycle](storage.md#lifecycle)\n2. [Queues](sqs.md)\n") in site.files["index.md"]


@pytest.mark.parametrize("notes", [
    # web addresses: a page of bookmarks
    "# Index\n\n- [AWS docs](https://docs.aws.amazon.com)\n- [Blog](https://aws.amazon.com/blogs)\n\n# S3\n\n- buckets\n",
    # no heading after it for the links to lead to
    "# Contents\n\n- [EC2 notes](ec2.md)\n- [S3 notes](s3.md#versioning)\n",
])
def test_a_list_of_links_that_is_not_the_file_s_contents_stays_a_page(notes):
    site = site_from_text(notes, "notes/README.md")
    assert site.pages[0].title in ("Index", "Contents")


def test_a_link_to_a_heading_of_the_same_page_leads_to_its_id_here():
    # GitHub's id and Bitbucket's of headings that stand on this same page
    notes = ("# S3\n\n- see [Backup](#backup--restore) and [versions](#markdown-header-versioning)\n\n"
             "## Backup & Restore\n\n- cheap\n\n## Versioning\n\n- keeps versions\n")
    page = site_from_text(notes, "notes/README.md").files["s3.md"]
    assert "- see [Backup](#backup-restore) and [versions](#versioning)\n" in page
    assert "{#backup-restore}" in page and "{#versioning}" in page
