"""YAML typed into the notes without a fence is shown as typed, in a code block; an outline
typed like YAML stays notes."""

from __future__ import annotations

from conftest import site_from_text

TEMPLATE = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${AWS::StackName}-logs'
      Tags:
        - Key: team
          Value: ops

  # a queue beside it
  Jobs:
    Type: AWS::SQS::Queue"""

BUILDSPEC = """version: 0.2
phases:
  build:
    commands:
      - npm run build"""


def _code_blocks(page: str) -> list[str]:
    return [part.split("\n```", 1)[0] for part in page.split("```yaml\n")[1:]]


def test_a_template_typed_without_a_fence_is_one_code_block_with_every_line_as_typed():
    notes = f"## CloudFormation\n\nA bucket and a queue:\n\n{TEMPLATE}\n\nOutputs: shown once the stack exists\n"
    page = site_from_text(notes).files["cloudformation.md"]
    assert _code_blocks(page) == [TEMPLATE]
    # the lines around it are notes: no topic made of "Resources", the line after it prose
    assert "{#resources}" not in page
    assert "\nOutputs: shown once the stack exists\n" in page


def test_a_label_over_a_buildspec_stays_a_label_and_three_levels_of_keys_are_yaml():
    notes = f"## CodeBuild\n\nbuildspec.yml:\n{BUILDSPEC}\n- runs in a container\n"
    page = site_from_text(notes).files["codebuild.md"]
    assert _code_blocks(page) == [BUILDSPEC]
    assert "`buildspec.yml`:" in page and "\n- runs in a container\n" in page


def test_an_outline_typed_like_yaml_stays_notes():
    notes = ("## EC2\n\nSecurity:\n  IAM:\n    - users and groups\n  Pricing: on-demand or reserved\n\n"
             "Volumes:\n  Root:\n    Type: gp2\n    Size: 100\n")
    page = site_from_text(notes).files["ec2.md"]
    assert "```" not in page
    assert "users and groups" in page


def test_yaml_inside_a_fence_is_left_to_the_fence():
    notes = f"## CloudFormation\n\n```\n{TEMPLATE}\n```\n"
    page = site_from_text(notes).files["cloudformation.md"]
    assert "```yaml" not in page and f"```\n{TEMPLATE}\n```" in page
