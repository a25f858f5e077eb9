"""Code fences read as CommonMark reads them: the info string's first word is the language,
the words after it are the author's and shown, and an attribute list never sets an id."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import make_project, mkdocs_build, site_from_text
from notesite.render import fence_info

NOTES = """# EC2

## Spot Block

```bash on the instance
aws ec2 describe-spot-instance-requests
```

- the bullet after the fence

```{.sh #spot-block}
echo spot
```
"""


def test_the_first_word_is_the_language_and_the_rest_is_kept():
    assert fence_info("bash on the instance") == ("bash", "on the instance")
    assert fence_info("python") == ("python", "")


def test_an_attribute_list_gives_at_most_a_language():
    assert fence_info("{.sh #spot-block}") == ("sh", "")
    assert fence_info("sh {#spot-block .x}") == ("sh", "")


def test_fences_with_words_or_attributes_build_to_code_blocks_and_no_second_id(tmp_path):
    project = make_project(tmp_path / "project", {"ec2.md": NOTES})
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    article = BeautifulSoup((tmp_path / "site" / "ec2" / "index.html").read_text(), "html.parser").select_one("article")
    codes = [code.get_text() for code in article.select("pre code")]
    assert codes == ["aws ec2 describe-spot-instance-requests\n", "echo spot\n"]
    assert "on the instance" in article.get_text()
    assert article.select_one("li").get_text() == "the bullet after the fence"
    assert len(article.select("#spot-block")) == 1


def test_a_line_typed_right_under_a_code_block_goes_on_from_it_and_titles_nothing():
    # A caption under a template had become a section of its own ("## Caption (above):").
    notes = ("# CloudFormation\n\n## Helper scripts\n\n```yaml\nUserData: run cfn-init\n```\n"
             "*Caption (above)*\nThe instance runs cfn-init at boot.\n\n```\ncfn-hup\n```\n\nReloads:\n- on change\n")
    page = site_from_text(notes, "notes/cfn.md").files["cloudformation.md"]
    assert "\n*Caption (above)*" in page and "## *Caption" not in page
    # After a blank line, a line over its list still titles it.
    assert "## Reloads" in page
