"""One line of notes to inline Markdown: identifiers kept, typos fixed, names cased, HTML inert."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from notesite.inline import IDENTIFIER, may_hold_identifier, normalizer, plain_from


@pytest.mark.parametrize("typed, expected", [
    # products a reader knows, written with inner capitals
    ("a MySQL or PostgreSQL database, code on GitHub", "a MySQL or PostgreSQL database, code on GitHub"),
    ("SDKs for iOS and JavaScript", "SDKs for iOS and JavaScript"),
    # AWS services, also those the reviewed list does not case, and as the author ran them together
    ("CodeDeploy pulls from CodeCommit", "CodeDeploy pulls from CodeCommit"),
    ("deploy with ElasticBeanstalk", "deploy with ElasticBeanstalk"),
    # an English word with the shift key held, an abbreviation with it let go
    ("store it in the DataBase", "store it in the DataBase"),
    ("reach it by its URl", "reach it by its URl"),
    # units: the case of the "b" says bits or bytes
    ("volumes up to 16 TiB, 1,000 MBps", "volumes up to 16 TiB, 1,000 MBps"),
    ("5 Gbps of bandwidth, 150 GB of RAM, 10 Gb links", "5 Gbps of bandwidth, 150 GB of RAM, 10 Gb links"),
    # jargon, cased as the author cased it
    ("match it with a regex (RegEX)", "match it with a regex (RegEX)"),
    # a space left out after a full stop
    ("it runs on the host.it then restarts", "it runs on the host.it then restarts"),
    ("logs go to CloudWatch.it keeps them", "logs go to CloudWatch.it keeps them"),
])
def test_names_and_words_with_inner_capitals_stay_prose_as_typed(typed, expected):
    assert normalizer().markdown(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    ("call GetItem or BatchWriteItem", "call `GetItem` or `BatchWriteItem`"),
    ("the CPUUtilization metric", "the `CPUUtilization` metric"),
])
def test_api_names_with_inner_capitals_are_still_identifiers(typed, expected):
    assert normalizer().markdown(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    ("InstanceLimitExceeded: if you get this error", "`InstanceLimitExceeded`: if you get this error"),
    ("- StatusCheckFailed_System", "\\- `StatusCheckFailed_System`"),
    ("is CWAgent (can be configured/changed)", "is `CWAgent` (can be configured/changed)"),
    ("pid_file: name of process", "`pid_file`: name of process"),
    ("instance type(m5.large), os", "instance type(`m5.large`), OS"),
    ("CLI attribute: InstanceInitiatedShutdownBehaviour", "CLI attribute: `InstanceInitiatedShutdownBehaviour`"),
    ("done on a port and a route (/health is common)", "done on a port and a route (`/health` is common)"),
    ("the page is C:/inetpub/wwwroot/index.html", "the page is `C:/inetpub/wwwroot/index.html`"),
    # a path from the home folder or a Windows drive, whole: it showed as "~`/.config/pip.conf`"
    # and "C:\\Users\\me\\`pip.ini`", half of it code
    ("or ~/.config/pip/pip.conf on Linux", "or `~/.config/pip/pip.conf` on Linux"),
    ("edit C:\\Users\\me\\pip\\pip.ini on Windows", "edit `C:\\Users\\me\\pip\\pip.ini` on Windows"),
    ("- capacityOptimizes: pool", "\\- `capacityOptimizes`: pool"),
    # words joined by hyphens before a name's shape are one identifier
    ("a policy (AWSX-RayWriteOnlyAccess)", "a policy (`AWSX-RayWriteOnlyAccess`)"),
    ("a file named xray-daemon.config", "a file named `xray-daemon.config`"),
    ("run Install-WindowsFeature first", "run `Install-WindowsFeature` first"),
    # CloudFormation's resource types, whatever case their parts have
    ("type AWS::EC2::Instance or AWS::aws-product-name::data-type-name.",
     "type `AWS::EC2::Instance` or `AWS::aws-product-name::data-type-name`."),
    # a file's extensions are part of its name, and so are the folders before it
    ("vi DemoKeyPair.pem, then edit config_file.yaml", "vi `DemoKeyPair.pem`, then edit `config_file.yaml`"),
    ("put my_folder/my_file.txt in .ebextensions/xray-daemon.config",
     "put `my_folder/my_file.txt` in `.ebextensions/xray-daemon.config`"),
    # while a prefix on a name a reader knows stays prose
    ("non-DynamoDB stores", "non-DynamoDB stores"),
    ("CloudWatch/CloudTrail logs", "CloudWatch/CloudTrail logs"),
])
def test_identifiers_are_kept_exactly_and_set_as_code(typed, expected):
    assert normalizer().markdown(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    ("pricing: https://aws.amazon.com/ec2/pricing/", "pricing: <https://aws.amazon.com/ec2/pricing/>"),
    # a ")" closing the parentheses around it is not part of the address; one of its own is
    ("(see https://drive.example/file/view)", "(see <https://drive.example/file/view>)"),
    ("https://en.example/wiki/Bucket_(cloud)", "<https://en.example/wiki/Bucket_(cloud)>"),
    # other addresses are identifiers, and a typed code span or link stays as typed
    ("the bucket s3://team/logs/", "the bucket `s3://team/logs/`"),
    ("`https://typed.example/as-code`", "`https://typed.example/as-code`"),
    ("[https://x.example/a](https://x.example/a)", "[`https://x.example/a`](https://x.example/a)"),
])
def test_a_web_address_typed_bare_is_a_link_to_follow(typed, expected):
    assert normalizer().markdown(typed, lambda prose: ()) == expected


def test_a_web_address_in_a_heading_stays_code_as_the_contents_link_the_heading():
    assert normalizer().markdown("Demo: https://video.example/watch") == "Demo: `https://video.example/watch`"


@pytest.mark.parametrize("typed, expected", [
    # Pandoc's underline span from a Word document: the words, in a link or not. It showed as
    # "[`https://aws.example/tags]{.underline}`" inside the link, and as "\[the page\]\{.underline\}".
    ("[[https://aws.example/tags]{.underline}](https://aws.example/tags)", "[`https://aws.example/tags`](https://aws.example/tags)"),
    ("see [the pricing page]{.underline} and [Summary]{#sum .smallcaps}", "see the pricing page and Summary"),
    # Braces that are no span's attributes stay as typed.
    ("a set {.x} and [a]{b} and `[x]{.y}`", "a set \\{.x\\} and \\[a\\]\\{b\\} and `[x]{.y}`"),
])
def test_a_pandoc_span_shows_its_words(typed, expected):
    assert normalizer().markdown(typed, lambda prose: ()) == expected


@pytest.mark.parametrize("typed, expected", [
    # Tags that only format show as GitHub shows them, written anew; they had shown as typed.
    ("<B>NOTE:</B> read it<br/>", "<b>NOTE:</b> read it<br>"),
    ("a <i>word</i> and x<sup>2</sup>", "a <i>word</i> and x<sup>2</sup>"),
    ("`<b>` makes <b>bold</b>", "`<b>` makes <b>bold</b>"),     # a tag in code is no tag
    # Not closed on the line, closed before opened, or with attributes: text, as before.
    ("<b>open only", "&lt;b>open only"),
    ("x </b> y <b>", "x &lt;/b> y &lt;b>"),
    ('<b onclick="alert(1)">no</b>', '&lt;b onclick="alert(1)">no&lt;/b>'),
    ('<b>bold</b> <iframe src="https://evil.example"></iframe>', '<b>bold</b> &lt;iframe src="https://evil.example">&lt;/iframe>'),
])
def test_html_that_only_formats_is_formatting_and_any_other_is_text(typed, expected):
    assert normalizer().markdown(typed, lambda prose: ()) == expected


def test_a_line_break_in_a_tables_cell_is_one_and_other_html_there_text():
    from conftest import site_from_text

    notes = "# EC2\n\n## Types\n\n| Type | Use |\n|---|---|\n| T3 | burst<br>cheap |\n| <script>x</script> | `<b>code</b>` |\n"
    page = site_from_text(notes, "notes/ec2.md").files["ec2.md"]
    assert "| T3 | burst<br>cheap |" in page and "| &lt;script>x&lt;/script> | `<b>code</b>` |" in page


@pytest.mark.parametrize("typed, expected", [
    ("the EC2 instances placement srategy", "the EC2 instances placement strategy"),
    ("Shudown Behaviour", "Shutdown Behaviour"),
    ("Deafualt namespace", "Default namespace"),
    ("store in S# and query", "store in S3 and query"),
    ("A partition failure can affect many ec@s but wont affect", "A partition failure can affect many EC2s but won't affect"),
    ("where the instance i launched", "where the instance is launched"),
    ("- PRovide SSL termination", "- Provide SSL termination"),
])
def test_reviewed_corrections_fix_misspellings_keeping_the_authors_case(typed, expected):
    assert normalizer().plain(typed) == expected


def test_a_reviewed_correction_of_a_phrase_leaves_the_same_words_used_as_english_alone():
    assert normalizer().plain("Why use an EC2 load balances") == "Why use an EC2 load balancer"
    assert normalizer().plain("The GWLB load balances packets") == "The GWLB load balances packets"
    # the end of a contraction is no word of its own: "re crucial" is "are crucial", "they're" stays
    assert normalizer().plain("- re crucial, as they're crucial") == "- are crucial, as they're crucial"


@pytest.mark.parametrize("typed, expected", [
    ("chmod 400 on a .pem file", "chmod 400 on a .pem file"),
    ('"**.pem" keys are too open', '"\\*\\*.pem" keys are too open'),
    (".pem and *.ppk files", ".pem and \\*.ppk files"),
])
def test_a_file_extension_is_never_cased_or_corrected(typed, expected):
    assert normalizer().markdown(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    # an English word with the shift key held one letter too long
    ("CHeck the INstances", "Check the Instances"),
    # the plural of a term the project cases: its casing, with the "s" as typed
    ("Some SDks have defaults", "Some SDKs have defaults"),
    # names cased their own way, and nothing a reader would know better: as typed
    ("IPsec tunnels, OAuth tokens, 5 MBytes, a SEervice", "IPsec tunnels, OAuth tokens, 5 MBytes, a SEervice"),
])
def test_shift_key_slips_are_undone_only_into_a_word_a_reader_knows(typed, expected):
    assert normalizer().plain(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    ("in cloudwatch", "in CloudWatch"),
    ("uses es2 instance connet api", "uses EC2 instance connect API"),
    ("We need to install the SSm agent", "We need to install the SSM agent"),
    ("Integrated with AWs Config", "Integrated with AWS Config"),
    ("Elastic IPS", "Elastic IPs"),
    ("http, https, web socket", "HTTP, HTTPS, web socket"),
    ("Supports Linux,  MacOS and windows", "Supports Linux,  macOS and windows"),
])
def test_aws_names_are_cased_right(typed, expected):
    assert normalizer().plain(typed) == expected


def test_a_single_word_service_name_is_left_as_typed_in_prose():
    # "Budgets" and "Lambda" are services, but "budgets" in a sentence is an English word.
    assert normalizer().plain("teams with budgets") == "teams with budgets"


@pytest.mark.parametrize("typed, expected", [
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("Connection closed by [instance] port22", "Connection closed by \\[instance\\] port22"),
    ("*[EC2]: fake", "\\*\\[EC2\\]: fake"),
    ("# not a heading", "\\# not a heading"),
    ("1. not a list", "1\\. not a list"),
    ("> not a quote", "\\> not a quote"),
    ("a {: .class} b", "a \\{: .class\\} b"),
    ("&lt; is the author's entity", "&lt; is the author's entity"),
    ("&fake; is not an entity", "&amp;fake; is not an entity"),
    ("~~~", "&#126;&#126;&#126;"),
    ("a | b", "a \\| b"),
])
def test_html_and_what_markdown_does_not_read_as_markup_stay_literal(typed, expected):
    assert normalizer().markdown(typed) == expected


def test_headings_start_with_a_capital_unless_they_start_with_an_identifier():
    norm = normalizer()
    assert norm.heading("changing instance type") == "Changing instance type"
    assert norm.heading("capacityOptimizes pool") == "capacityOptimizes pool"
    assert norm.heading("SSM- Documents") == "SSM - Documents"


@pytest.mark.parametrize("typed, expected", [
    ("the placement srategy in cloudwatch", "the placement strategy in CloudWatch"),
    ("é the placement srategy in cloudwatch", "é the placement strategy in CloudWatch"),
    ("İİ the placement srategy in cloudwatch", "İİ the placement strategy in CloudWatch"),
])
def test_corrections_and_casing_apply_alike_in_ascii_and_other_text(typed, expected):
    # ASCII lines take a faster lower-cased path; "İ" even changes length when lower-cased.
    assert normalizer().plain(typed) == expected


@pytest.mark.parametrize("identifier", ["https://example.com", "/health", "pid_file", "capacityOptimizes",
                                        "InstanceLimitExceeded", "CWAgent", "m5.large", "ABc"])
def test_the_quick_check_for_identifiers_passes_every_kind_of_identifier(identifier):
    assert IDENTIFIER.fullmatch(identifier)
    assert may_hold_identifier(f"see {identifier} here")


@given(st.text(st.sampled_from("aZ_./:-09 éAMIsEC2http"), max_size=30))
def test_the_quick_check_for_identifiers_never_misses_one(text):
    # Lines that fail the quick check skip the identifier regex: it must find none in them.
    if not may_hold_identifier(text):
        assert not IDENTIFIER.search(text)


@given(st.text(st.sampled_from("a_*`[]<>&\\~ x!()"), max_size=20))
def test_the_quick_check_for_markup_never_misses_any(text):
    # Lines that fail the quick check skip the Markdown parser: it must find only text in them.
    from notesite.inline import _parser, may_hold_markup
    if not may_hold_markup(text):
        tokens = _parser().parseInline(text)[0].children or []
        assert all(t.type == "text" for t in tokens), tokens


def test_a_name_inside_a_longer_identifier_is_never_re_cased_or_corrected():
    from conftest import site_from_text

    site = site_from_text("## EC2\nLogin\n- log in as ec2-user on a t3-micro\n"
                          "- the host is ec2-203-0-113-25.compute-1.amazonaws.com.\n")
    page = site.files["ec2.md"]
    assert "ec2-user" in page and "t3-micro" in page
    assert "`ec2-203-0-113-25.compute-1.amazonaws.com`." in page


@pytest.mark.parametrize("typed, expected", [
    ("![Exam tips](https://example.org/tips.png)", "[Image: Exam tips](https://example.org/tips.png)"),
    ('<img src="https://example.org/a.png" width="720">', "[Image](https://example.org/a.png)"),
    ('see <img alt="the flow" src="//example.org/b.png"> here', "see [Image: the flow](//example.org/b.png) here"),
    # an image of the site's own stays an image; an address that runs script stays text
    ("![diagram](img/flow.png)", "![diagram](img/flow.png)"),
    ('<img src="javascript:alert(1)">', '&lt;img src="javascript:alert(1)">'),
])
def test_an_image_on_another_host_is_a_link_to_it_never_a_request(typed, expected):
    assert normalizer().markdown(typed) == expected


@pytest.mark.parametrize("typed", [
    "the approved-amis-by-id rule", "run cfn-init on boot", "an ssm-secure parameter", "the vpc-config parameter",
    "match on http-header"])
def test_a_name_joined_to_a_word_by_a_hyphen_is_no_name_standing_alone_and_stays_as_typed(typed):
    assert plain_from(normalizer().clean(typed)) == typed


def test_a_name_standing_alone_is_still_cased_and_a_reviewed_correction_still_made_inside_a_compound():
    assert plain_from(normalizer().clean("cfn-init, then ec2 and cloudformation")) == \
        "cfn-init, then EC2 and CloudFormation"
    assert plain_from(normalizer().clean("up to 90% off on-deman")) == "up to 90% off on-demand"
