"""Code in braces typed into the notes without a fence (Terraform, a Jenkinsfile, Java, a
command's answer) is shown as typed, in a code block; braces in notes stay notes."""

from __future__ import annotations

from conftest import code_blocks, site_from_text

TERRAFORM = '''resource "aws_s3_bucket" "logs" {
  bucket = "my-logs-bucket"
  tags = {
    Team = "ops"
  }
}'''

JAVA = '''@Service
class Greeter
{
    // says hello
    public String greet(String name) {
        return "Hello ${name} {";
    }
}'''


def test_a_terraform_resource_is_one_code_block_as_typed():
    notes = f"## S3\n\nA bucket in Terraform\n\n{TERRAFORM}\n\n- apply with terraform apply\n"
    page = site_from_text(notes).files["s3.md"]
    assert code_blocks(page) == [TERRAFORM]
    # nothing of it became a heading or was re-cased, and the notes go on after it
    assert "## Resource" not in page and "Bucket =" not in page
    assert "\n- apply with terraform apply\n" in page


def test_a_class_whose_brace_stands_alone_keeps_its_declaration_and_annotation():
    page = site_from_text(f"## Lambda\n\nA handler\n\n{JAVA}\n\nDeploy it as a jar.\n").files["lambda.md"]
    assert code_blocks(page) == [JAVA]
    assert "\nA handler\n" in page and "\nDeploy it as a jar.\n" in page


def test_a_commands_answer_after_its_prompt_is_code():
    answer = '10.0.0.5 | SUCCESS => {\n    "changed": false,\n    "ping": "pong"  <- it answered\n}'
    page = site_from_text(f"## EC2\n\nPing every host\n\n{answer}\n").files["ec2.md"]
    assert code_blocks(page) == [answer]


def test_an_answer_cut_short_is_no_block_nor_is_the_part_of_it_closed():
    notes = ('## EC2\n\n10.0.0.5 | SUCCESS => {\n    "facts": {\n        "os": "linux"\n    },\n'
             '    "status": {\n\nThen check the port with netstat\n')
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page
    assert "\nThen check the port with netstat\n" in page


def test_braces_in_notes_stay_notes():
    notes = ("## EC2\n\n"
             "{\nlaunch an instance\n}\n\n"              # a brace alone under nothing
             "Example\n{\nstop it first\n}\n\n"           # under one word: a label, no declaration
             "- a policy {\n  allow all\n}\n\n"           # a list item
             "Pricing is {on demand} or {spot}\n\n"       # closed on its own line
             "A brace never closed {\n- the last bullet\n")
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page
    for words in ("launch an instance", "stop it first", "allow all", "the last bullet"):
        assert words in page


def test_a_stray_closing_brace_does_not_swallow_a_block():
    notes = f"## S3\n\n}} a stray\n\n{TERRAFORM}\n"
    assert code_blocks(site_from_text(notes).files["s3.md"]) == [TERRAFORM]


def test_a_brace_closed_too_far_on_is_no_block():
    # Ten thousand lines from the brace to its close: notes, each line as typed.
    notes = "## EC2\n\n" + "x {\n" * 10_000 + "}\n"
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page and page.count("x \\{") == 10_000
