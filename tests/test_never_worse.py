"""Never worse than leaving the notes alone: every token of the notes shows on the page exactly
as typed, unless it was a reviewed correction, an automatic fix of a clear misspelling (both
listed by --spell-report), or the casing of a service's name. A token that holds a digit, "/",
".", "=", "@", "_", ":", "<", ">" or an inner capital is never changed at all, unless it is a
service's name standing alone ("s3" is "S3", as "ec2" is "EC2"; "ec2-user" stays)."""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import site_from_text
from notesite import data
from notesite.inline import FORMATTING_TAG
from notesite.report import spelling

PROTECTED = st.one_of(
    st.from_regex(r"[a-z]{1,6}[0-9][a-z0-9]{0,4}", fullmatch=True),     # m5, t3a, gp2
    st.from_regex(r"[a-z]{2,6}/[a-z]{2,6}", fullmatch=True),              # alias/app-key, read/write
    st.from_regex(r"[a-z]{2,5}\.[a-z]{2,5}", fullmatch=True),             # m5.large, index.html
    st.from_regex(r"[A-Za-z]{2,5}=[a-z0-9]{1,5}", fullmatch=True),        # Key=value
    st.from_regex(r"[a-z]{2,5}@[a-z]{2,5}\.com", fullmatch=True),         # ops@example.com
    st.from_regex(r"[a-z]{2,5}_[a-z]{2,5}", fullmatch=True),              # pid_file
    st.from_regex(r"[a-z]{2,6}:[A-Z][a-z]{2,6}", fullmatch=True),         # kms:Decrypt
    st.from_regex(r"[a-z]{2,5}[A-Z][a-z]{2,5}", fullmatch=True),          # camelCase
    # <bucket>; not a tag that only formats ("<br>"), which is markup, shown as GitHub shows it
    st.from_regex(r"<[a-z]{2,6}>", fullmatch=True).filter(lambda token: not FORMATTING_TAG.fullmatch(token)),
    st.from_regex(r"(?:ec2|s3|t3|m5)-[a-z]{2,6}", fullmatch=True),         # ec2-user, t3-micro
    st.from_regex(r"ec2-[0-9]{1,3}-[0-9]{1,3}\.compute-1\.amazonaws\.com", fullmatch=True),
)
WORDS = st.one_of(
    st.sampled_from(["config", "repo", "enum", "regex", "env", "auth", "wip", "tmp", "impl", "todo", "backend",
                     "frontend", "admin", "upto", "organised", "centres", "favour", "instance", "bucket", "the",
                     "Postgres", "Firehose", "Rekognition", "wget", "Mbps", "queries", "subnet",
                     # (words the corpus's spelling reports listed as unknown most often)
                     "multipart", "stateful", "cooldown", "buildspec", "appspec", "preconfigured", "fargate"]),
    st.from_regex(r"[a-z]{4,10}", fullmatch=True),
)
EXTENSIONS = ["abbr", "attr_list", "tables", "toc", "pymdownx.superfences", "pymdownx.fancylists"]


# What makes a token one that is never changed, but for a service's name standing alone.
IDENTIFIER_MARK = re.compile(r"[\d/.=@_:<>]|[a-z][A-Z]")


def _shown_as_typed(token: str, shown: str, notes: str) -> None:
    cased = data.casing().get(token.lower(), token)
    assert token in shown or re.search(rf"(?<![\w-]){re.escape(cased)}(?![\w-])", shown), (token, notes)


def _page_text(site) -> str:
    html = markdown.markdown(site.files["ec2.md"].split("---", 2)[2], extensions=EXTENSIONS)
    return BeautifulSoup(html, "html.parser").get_text()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(PROTECTED, WORDS), min_size=1, max_size=8), min_size=1, max_size=6))
def test_every_token_shows_as_typed_unless_a_listed_fix_or_a_service_casing(lines):
    notes = "## EC2\n\nTopic\n" + "".join("- " + " ".join(tokens) + "\n" for tokens in lines)
    site = site_from_text(notes)
    shown = _page_text(site)
    fixed = {typed.lower() for _, typed, _ in spelling(site).fixed}
    listed = {wrong.lower() for wrong in data.corrections()}
    casing = data.casing()
    for tokens in lines:
        for token in tokens:
            if IDENTIFIER_MARK.search(token):
                _shown_as_typed(token, shown, notes)
            elif not re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", shown):
                word = token.lower()
                assert word in fixed or word in listed or word in casing, (token, notes)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(PROTECTED, WORDS), min_size=1, max_size=5), min_size=1, max_size=4))
def test_a_headings_identifiers_show_as_typed_also_its_first_word(lines):
    # A heading's first letter is capitalised, but not an identifier's: "ec2-user login" had
    # become "Ec2-user login", "root@host:~#" "Root@host:~#".
    notes = "## EC2\n\n" + "".join("### " + " ".join(tokens) + "\n\n- a fact\n\n" for tokens in lines)
    shown = _page_text(site_from_text(notes))
    for token in (token for tokens in lines for token in tokens if IDENTIFIER_MARK.search(token)):
        _shown_as_typed(token, shown, notes)


def test_a_sentence_over_a_list_in_notes_with_typed_headings_leads_into_it_as_typed():
    # "Records and tracks all API requests in your AWS account" over its list had become a
    # section heading (with an id of its own) in Markdown notes whose author typed each heading.
    notes = ("# CloudTrail\n\n## Trails\n\nRecords and tracks all API requests in your AWS account\n- who, when, where\n\n"
             "Event history for ninety days\n- free\n\n"
             "What if you need the events of a whole organization?\n- an organization trail\n\n"
             "Insights (v2 - anomaly detection - since 2019 - paid)\n- unusual write activity\n")
    page = site_from_text(notes, "notes/cloudtrail.md").files["cloudtrail.md"]
    assert "\nRecords and tracks all API requests in your AWS account\n" in page
    headings = [line.split(" {#")[0] for line in page.splitlines() if line.startswith("##")]
    assert headings == ["## Trails", "## Event history for ninety days",
                        "## What if you need the events of a whole organization?",
                        "## Insights (v2 - anomaly detection - since 2019 - paid)"]


def test_in_notes_with_no_typed_heading_a_long_title_over_a_list_still_titles_it():
    notes = ("VPC\n\nElastic IPs\n- fixed IPv4\n\n"
             "Give access to instances in the VPC private subnet\n- NAT Gateway: managed\n")
    page = site_from_text(notes).files["vpc.md"]
    assert "## Give access to instances in the VPC private subnet {#" in page
