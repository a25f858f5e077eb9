"""Bullets keep the nesting they were typed with, as the built page shows it (Python-Markdown, as
MkDocs renders the pages), also where a bullet runs on over further lines."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import site_from_text
from test_never_worse import EXTENSIONS


def _parents(page_markdown: str) -> dict[str, str | None]:
    """Each list item's own first words -> its parent item's, as the rendered page nests them."""
    html = markdown.markdown(page_markdown.split("---", 2)[2], extensions=EXTENSIONS)
    out: dict[str, str | None] = {}
    for li in BeautifulSoup(html, "html.parser").find_all("li"):
        parent = li.find_parent("li")
        out[_first_word(li)] = _first_word(parent) if parent else None
    return out


def _first_word(li) -> str:
    return li.get_text(" ").split()[0]


def test_outer_items_after_a_nested_item_that_runs_on_stay_outer():
    notes = ("## EC2\n\nPricing\n"
             "* Example: 512 MB for 100 ms.\n"
             "    * Half: 0.05 GB-seconds.\n"
             "    * Charged: each time that\n"
             "      function runs.\n"
             "    * Free: the first 400,000 GB-seconds.\n"
             "* Cheaper: than two instances.\n"
             "* Events: drive it.\n"
             "    * Triggers: from other services.\n")
    parents = _parents(site_from_text(notes).files["ec2.md"])
    assert parents == {"Example:": None, "Half:": "Example:", "Charged:": "Example:", "Free:": "Example:",
                       "Cheaper:": None, "Events:": None, "Triggers:": "Events:"}


def test_lettered_items_nest_under_numbered_ones_and_numbers_under_letters_as_typed():
    notes = ("## EC2\n\nSizing\n"
             "3. Sizing: and config options\n"
             "    a. OS: Linux or Windows\n"
             "    b. Storage: how much\n"
             "        1. Attached: over the network\n"
             "        2. Hardware: instance store\n"
             "    c. Network: card speed\n"
             "4. Data: user data\n"
             "    a) Bootstrapping: commands at first start\n")
    page = site_from_text(notes).files["ec2.md"]
    assert _parents(page) == {"Sizing:": None, "OS:": "Sizing:", "Storage:": "Sizing:", "Network:": "Sizing:",
                              "Attached:": "Storage:", "Hardware:": "Storage:", "Data:": None, "Bootstrapping:": "Data:"}


def test_a_line_starting_like_a_lettered_item_in_prose_stays_a_line():
    html = markdown.markdown(site_from_text("## EC2\n\nA. Smith wrote this.\n").files["ec2.md"].split("---", 2)[2],
                             extensions=EXTENSIONS)
    assert "<ol" not in html and "A. Smith wrote this." in BeautifulSoup(html, "html.parser").get_text()


def _html(page_markdown: str) -> str:
    return markdown.markdown(page_markdown.split("---", 2)[2], extensions=EXTENSIONS)


@pytest.mark.parametrize("name", ["notes/notes.txt", "notes/notes.md"])
def test_a_line_typed_right_under_a_bullet_stays_in_it_on_its_own_line(name):
    notes = "## EC2\n\nBuckets\n- Reached via a distinct url\n\tRemember: buckets are regional\n- Next point\n"
    items = BeautifulSoup(_html(site_from_text(notes, name).files["ec2.md"]), "html.parser").find_all("li")
    assert [" ".join(li.get_text().split()) for li in items] == [
        "Reached via a distinct url Remember: buckets are regional", "Next point"]
    assert items[0].find("br") is not None   # on a line of its own, as typed



def test_a_quote_typed_inside_an_item_is_a_quote_in_that_item():
    # Pandoc writes a Word document's indented paragraph as a quote inside the item above it;
    # its lines showed as "> text", marks and all, run on in the item's paragraph.
    notes = ("## Billing\n\n"
             "-   Cost Explorer: slices the spend of\n"
             "    > every account, updated about\n"
             "    > every eight hours.\n"
             "    and a line after it\n\n"
             "1.  Budgets -- alerts\n"
             "    > when the spend passes a limit\n"
             "-   Tags: plain words\n"
             "    under it, no quote\n")
    soup = BeautifulSoup(_html(site_from_text(notes, "notes/billing.md").files["billing.md"]), "html.parser")
    items = soup.find_all("li")
    quotes = [" ".join(q.get_text().split()) for q in soup.find_all("blockquote")]
    assert quotes == ["every account, updated about every eight hours. and a line after it",
                      "when the spend passes a limit"]
    assert [q.find_parent("li") for q in soup.find_all("blockquote")] == items[:2]
    assert ">" not in soup.get_text() and items[0].find("br") is not None   # the quote's lines as typed
    assert " ".join(items[2].get_text().split()) == "Tags: plain words under it, no quote"

def test_a_short_line_alone_over_a_list_titles_it():
    notes = ("EBS\n\n* Snapshots: are incremental.\n\n"
             "Command line tools\n\n* Install: from the package manager.\n* Shells supported\n\t* Bash\n\n"
             "See the console for more.\n\n* Regions: each tool has a default.\n")
    page = site_from_text(notes).files["ebs.md"]
    assert "\n## Command line tools {#command-line-tools}\n" in page
    # a sentence alone over a list stays a sentence
    assert "\nSee the console for more.\n" in page
    assert _parents(page) == {"Snapshots:": None, "Install:": None, "Shells": None, "Bash": "Shells",
                              "Regions:": None}


def test_a_block_s_first_line_that_is_a_statement_stays_text():
    notes = ("## EBS\n\nSnapshots\nOnce taken, a snapshot is never edited\n\n"
             "EBS keeps each snapshot of a volume in the region it was taken\n"
             "Copies to other regions are made by hand\n")
    site = site_from_text(notes)
    assert [t.title for p in site.pages for t in p.topics] == ["Snapshots"]
    assert "\nEBS keeps each snapshot of a volume in the region it was taken\n" in site.files["ebs.md"]


def test_arrows_typed_as_bullets_are_bullets_nested_as_typed():
    notes = ("## EC2\n\nResize a disk\n=> Open the console\n    => Volumes\n        => Modify\n"
             "=> Save\n\nSavings Plans => commit to an hourly spend\n-> Spot: cheap\n")
    page = site_from_text(notes).files["ec2.md"]
    assert _parents(page) == {"Open": None, "Volumes": "Open", "Modify": "Volumes", "Save": None, "Spot:": None}
    # an arrow inside a line is the author's text
    assert "\nSavings Plans => commit to an hourly spend\n" in page


def test_the_last_line_of_a_paragraph_over_bullets_stays_prose():
    notes = ("## EC2\n\nPlacement groups\nCluster packs instances close in one AZ\n"
             "Spread puts each instance on its own rack in one AZ\n- create one per workload\n\n"
             "Tenancy\nInstances share hardware by default\nDedicated hosts\n- one customer per host\n")
    site = site_from_text(notes)
    # a sentence stays a line of its paragraph; a short phrase over its bullets titles them
    assert [t.title for p in site.pages for t in p.topics] == ["Placement groups", "Tenancy", "Dedicated hosts"]
    assert "\nSpread puts each instance on its own rack in one AZ\n" in site.files["ec2.md"]


def test_a_colon_inside_emphasis_splits_no_name_from_a_gist():
    notes = "## ELB\n\nClassic ones are old.\n\n*Caption (below): one certificate per load balancer.*\n![Limits](limits.png)\n"
    site = site_from_text(notes, "notes/notes.md")
    assert [t.title for p in site.pages for t in p.topics] == []
    assert "\n*Caption (below): one certificate per load balancer.*" in site.files["elastic-load-balancing.md"]


@pytest.mark.parametrize("label", ["**Best practice: use roles instead of static keys**",
                                   "__Best practice: use roles instead of static keys__"])
def test_a_colon_inside_strong_emphasis_splits_no_name_from_a_gist(label):
    # "**Best practice" had become a heading, its "**" shown as typed, and the rest of the
    # label a line of its own ending in "**".
    notes = f"# CodePipeline\n\n## Using it\nSome prose about the tools.\n\n{label}\nRather than keys, use a role.\n"
    site = site_from_text(notes, "notes/notes.md")
    assert [t.title for p in site.pages for t in p.topics] == ["Using it"]
    assert f"\n{label}  \nRather than keys, use a role.\n" in site.files["codepipeline.md"]


WRAPPED = ("## EBS\n\n"
           "The block store gives persistent, fast and highly available block-level storage that\n"
           "you attach to a running instance in the same Availability Zone in the form of separate\n"
           "volumes. Two kinds of volume can be made: standard ones and ones with provisioned IO.\n\n"
           "Each volume is copied within its zone so that no single failing disk loses any data\n"
           "at all, and a snapshot of a volume is kept in S3 for as long as the account wants it.\n\n"
           "Volumes are billed by the size set aside for them, whether or not they hold any data.\n")


def test_prose_wrapped_at_a_width_in_plain_text_flows_as_one_paragraph():
    page = site_from_text(WRAPPED).files["ebs.md"]
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    paragraphs = [p.get_text() for p in BeautifulSoup(html, "html.parser").find_all("p")]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The block store") and paragraphs[0].endswith("provisioned IO.")
    assert "block-level storage that\nyou attach" in paragraphs[0]     # a soft break: one flowing text


def test_notes_of_a_fact_a_line_stay_a_paragraph_each_however_long():
    notes = ("## EC2\n\nspot instances can be taken back with two minutes notice when the price goes up\n"
             "they suit batch jobs, data analysis and anything that can stop and start again later on\n"
             "reserved instances give up to 75% off for a one or three year term of steady use\n")
    page = site_from_text(notes).files["ec2.md"]
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    assert len(BeautifulSoup(html, "html.parser").find_all("p")) == 3


def test_markdown_lines_without_a_blank_between_them_are_one_paragraph_line_by_line():
    notes = "# EC2\n\nThis paragraph is wrapped\nacross two lines.\n\nNext one.\n"
    page = site_from_text(notes, "notes/n.md").files["ec2.md"]
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    paragraphs = BeautifulSoup(html, "html.parser").find_all("p")
    assert len(paragraphs) == 2 and paragraphs[0].find("br") is not None


def test_a_list_of_service_names_a_line_each_has_no_title():
    notes = "## EC2\n\nTenancy\nShared: many customers\n\nStill to learn\n\nSNS\nSQS\nSES\n\nPlacement groups\nCluster\nSpread\n"
    site = site_from_text(notes)
    assert [t.title for p in site.pages for t in p.topics] == ["Tenancy", "Placement groups"]
    assert "\nSNS\n\nSQS\n\nSES\n" in site.files["ec2.md"]


def test_a_hash_typed_as_a_bullet_under_a_bullet_nests_as_typed():
    notes = ("## DynamoDB\n\nKeys\n- Primary keys\n\t* Two kinds of key.\n\t\t# Simple - one attribute\n"
             "\t\t\t* hashed to pick a partition\n\t\t# Composite - two attributes\n\t\t\t* sorted in a partition\n"
             "- Indexes\n\nA note\n\t# not under a bullet: the author's own text\n\n"
             "- Install\n    # update first\n    sudo yum update\n")
    page = site_from_text(notes).files["dynamodb.md"]
    assert _parents(page) == {"Primary": None, "Two": "Primary", "Simple": "Two", "hashed": "Simple",
                              "Composite": "Two", "sorted": "Composite", "Indexes": None, "Install": None}
    assert "\\# not under a bullet: the author's own text" in page
    assert "\\# update first" in page   # over a command: a shell comment, as typed


def test_bullets_pasted_from_a_word_processor_nest_as_typed():
    notes = ("## EC2\n\n• Instance types:\n    ◦ t3 – burstable\n    ◦ m5\n        ▪ general purpose\n"
             "• Pricing\n    o On-Demand\n    o Spot\n– Placement groups\n\nA note\n    o not under a bullet\n")
    page = site_from_text(notes).files["ec2.md"]
    assert _parents(page) == {"Instance": None, "t3": "Instance", "m5": "Instance", "general": "m5",
                              "Pricing": None, "On-Demand": "Pricing", "Spot": "Pricing", "Placement": None}
    # a dash inside a line, and an "o" that no bullet stands over, are the author's text
    assert "t3 – burstable" in page and "\no not under a bullet" in page


def test_a_command_typed_at_a_prompt_over_another_is_never_a_heading():
    notes = "EC2\n- servers\n\nCloudFormation\n- stacks\n\n$ aws cloudformation deploy --stack-name demo\n$ aws s3 ls\n"
    site = site_from_text(notes)
    page = site.files["cloudformation.md"]
    assert "\n`$ aws cloudformation deploy --stack-name demo`\n" in page and "#aws-cloudformation" not in page
    assert sorted(n for n in site.files if n.endswith(".md") and "/" not in n) == ["cloudformation.md", "ec2.md", "index.md"]


@pytest.mark.parametrize("name", ["notes/setup.txt", "notes/setup.md"])
def test_a_command_at_roots_prompt_is_code_never_a_heading(name):
    # "# apt-get update" had become the heading "Apt-get update" (re-cased, an id of its own),
    # and an indented "# ifconfig" showed as "\# ifconfig", "# ip a" as "\# IP a".
    notes = ("## EC2\n\n### Setup\n\nGet the address\n    # ifconfig\n    # ip a\n\n"
             "# apt-get install  openjdk-8-jdk    -y\n#java -version\n# cd ~\n# sudo su -\n\n"
             "#!/bin/bash\nyum install -y httpd\n\n# git\n\n- a tool\n\n# cat tools\n\n- and more\n")
    site = site_from_text(notes, name)
    page = site.files["ec2.md"]
    for command in ("# ifconfig", "# ip a", "# apt-get install  openjdk-8-jdk    -y", "#java -version", "# cd ~",
                    "# sudo su -", "#!/bin/bash"):
        assert f"`{command}`" in page
    # A "#" line of words is still a heading, though it starts with a command's name.
    assert [page.title for page in site.pages] == ["EC2", "Git", "Cat tools"]
    assert "Apt-get" not in page and "\\#" not in page


def test_a_command_copied_with_its_prompt_is_code_never_a_heading():
    # "root@ip-10-0-0-1:~# ansible all -m ping" over an indented line had become a heading.
    notes = ("## Ansible\n\nrun it\n\nroot@ip-10-0-0-1:~# ansible all --list-hosts\n    hosts (2):\n\n"
             "# root@ip-10-0-0-1:~# ansible all -m ping\n    pong\n\n"
             "[ec2-user@ip-10-0-0-1 ~]$ sudo yum update -y\n\nadmin@example.com: write to me\n")
    page = site_from_text(notes).files["ansible.md"]
    for command in ("root@ip-10-0-0-1:~# ansible all --list-hosts", "# root@ip-10-0-0-1:~# ansible all -m ping",
                    "[ec2-user@ip-10-0-0-1 ~]$ sudo yum update -y"):
        assert f"`{command}`" in page
    assert [line for line in page.split("---", 2)[2].splitlines() if line.startswith("#")] == ["# Ansible"]


def test_a_setting_commented_out_as_in_a_configuration_file_is_code_never_a_heading():
    # "#ask_pass = True", copied from ansible.cfg, had become the heading "`ask_pass` = True".
    notes = ("## Ansible\n\nIn ansible.cfg\n\n#ask_pass      = True\n#deprecation_warning=False\n"
             "#net.ipv4.ip_forward=1\n\n# Cost = $5 a month\n\n- for the instance\n")
    site = site_from_text(notes)
    page = site.files["ansible.md"]
    for setting in ("#ask_pass      = True", "#deprecation_warning=False", "#net.ipv4.ip_forward=1"):
        assert f"`{setting}`" in page
    # A title with an "=" in words is still a heading.
    assert [page.title for page in site.pages] == ["Ansible", "Cost = $5 a month"]

def test_each_flash_card_is_a_section_titled_by_its_whole_question():
    notes = ("## Lambda\n\nQ: max timeout?\nA: 15 minutes\nQ: max memory?\nA: 10 GB\n\n"
             "Q1. What is the longest a function may run, in minutes, as the course says?\nAns: 15\n\n"
             "Q: a question with no answer under it\nstays a line\n")
    page = site_from_text(notes).files["lambda.md"]
    assert "\n## Q: max timeout? {#q-max-timeout}\n\nA: 15 minutes\n\n## Q: max memory? {#q-max-memory}\n\nA: 10 GB\n" in page
    assert "\n## Q1. What is the longest a function may run, in minutes, as the course says? {#" in page
    assert "\nQ: a question with no answer under it\n" in page


def test_a_line_that_is_only_a_link_or_a_picture_is_never_a_heading():
    notes = "## EC2\n\n[AWS docs](https://docs.aws.example/ec2/)\nthe user guide\n\n![Pricing](pricing.png)\n- a table of prices\n"
    page = site_from_text(notes).files["ec2.md"]
    assert "\n[AWS docs](https://docs.aws.example/ec2/)" in page and "{#aws-docs}" not in page
    assert "{#pricing}" not in page


def test_a_run_of_terms_typed_with_colons_makes_no_heading_of_its_first():
    notes = ("## CloudWatch\n\nMetrics: default 5 min, detailed 1 min\nAlarms: OK, ALARM, INSUFFICIENT_DATA\n\n"
             "Logs insights: a query language\n- fields, filter, stats\n\n"
             "requests type: one time or persistent\npersistent - valid from to valid until\n")
    page = site_from_text(notes).files["cloudwatch.md"]
    assert "\nMetrics: default 5 min, detailed 1 min\n" in page and "{#metrics}" not in page
    # a term over its own list still titles it, and so does one over a line of another shape
    assert "{#logs-insights-a-query-language}" in page and "{#requests-type}" in page


def test_lines_indented_right_under_a_line_that_ends_with_a_colon_are_a_list_under_it():
    notes = ("## EC2\n\nEBS: network drive\nPlacement groups:\n  cluster: low latency\n    one AZ only\n"
             "  spread: max 7 per AZ\nPricing\n\nEBS: network drive\nsavings plan:\n\n"
             "    a pasted answer, indented, after a blank line\n\nEBS: network drive\nAccess:\n"
             " Identity and Access Management policies\n")
    page = site_from_text(notes).files["ec2.md"]
    assert _parents(page) == {"cluster:": None, "one": "cluster:", "spread:": None}
    assert "\nPlacement groups:\n\n- cluster: low latency\n" in page
    # after a blank line, or a space in, the lines are not a list
    assert "\na pasted answer, indented, after a blank line\n" in page
    assert "\nIdentity and Access Management policies" in page


def test_a_task_list_shows_its_boxes_not_brackets():
    page = site_from_text("## EC2\n\n- [x] read the FAQ\n- [ ] practice exam\n    - [X] part one\n- [link](https://x.example/)\n").files["ec2.md"]
    assert "\n- ☑ read the FAQ\n- ☐ practice exam\n    - ☑ part one\n" in page
    assert "\n- [link](https://x.example/)\n" in page


def test_a_study_label_before_a_point_is_a_bold_label_not_a_section():
    page = site_from_text("## EC2\n\nExam tip: always pick the cheapest option\nImportant: EBS is bound to one AZ\n").files["ec2.md"]
    assert "\n**Exam tip:** always pick the cheapest option\n\n**Important:** EBS is bound to one AZ\n" in page
    assert "{#exam-tip}" not in page


def _code_in(page_markdown: str) -> dict[str, str | None]:
    """Each code block's first line -> the first words of the list item it shows inside."""
    html = markdown.markdown(page_markdown.split("---", 2)[2], extensions=EXTENSIONS)
    out: dict[str, str | None] = {}
    for pre in BeautifulSoup(html, "html.parser").find_all("pre"):
        item = pre.find_parent("li")
        out[pre.get_text().strip().splitlines()[0]] = _first_word(item) if item else None
    return out


def test_a_fence_typed_inside_an_item_shows_inside_it_and_the_items_after_keep_their_depth():
    notes = ("## EC2\n\n"
             "- Launch:\n"
             "  ```bash\n"
             "  aws ec2 run-instances\n"
             "\n"
             "  --count 1\n"
             "  ```\n"
             "  - Key: a key pair\n"
             "- Stop: from the console\n")
    page = site_from_text(notes, name="notes/ec2.md").files["ec2.md"]
    assert _code_in(page) == {"aws ec2 run-instances": "Launch:"}
    assert _parents(page) == {"Launch:": None, "Key:": "Launch:", "Stop:": None}
    # the code is as typed, blank line and all
    assert "\n    aws ec2 run-instances\n\n    --count 1\n" in page


def test_bare_json_typed_under_an_item_shows_inside_it():
    notes = ('## DynamoDB\n\n'
             '* Items:\n'
             '\t\t{\n'
             '\t\t  "id": "1212",\n'
             '\t\t  "name": "Allan"\n'
             '\t\t}\n'
             '\t- Nesting: up to 32 levels\n'
             '* Keys: partition and sort\n')
    page = site_from_text(notes).files["dynamodb.md"]
    assert _code_in(page) == {"{": "Items:"}
    assert _parents(page) == {"Items:": None, "Nesting:": "Items:", "Keys:": None}


def test_code_at_the_margin_after_an_item_ends_its_list():
    notes = "## EC2\n\n- Launch:\n{\n  \"id\": 1\n}\n- Stop: from the console\n"
    page = site_from_text(notes).files["ec2.md"]
    assert _code_in(page) == {"{": None}
    assert _parents(page) == {"Launch:": None, "Stop:": None}


def test_a_hash_that_says_number_of_is_no_heading():
    # "# Edge locations > # AZ > # Regions" (more edge locations than AZs than regions) had been
    # a heading, and "# of records x record size" would have been one.
    notes = ("## Regions\n\nEdge locations cache content\n\n# Edge locations > # AZ > # Regions\n\n"
             "# of records x record size = throughput\n\n# Global services\n\n- IAM\n")
    site = site_from_text(notes)
    assert [page.title for page in site.pages] == ["Regions", "Global services"]
    page = site.files["regions.md"]
    assert "\n\\# Edge locations > \\# AZ > \\# Regions\n" in page and "\n\\# of records x record size = throughput\n" in page
