"""A script kept among the notes, its first line "#!/bin/bash", is shown whole as code."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from notesite.api import site_from_lines
from notesite.source import decode
from test_never_worse import EXTENSIONS

SCRIPT = ("#!/bin/bash\n# Use this as the instance's user data\n# install httpd\nyum update -y\n\n"
          "yum install -y httpd\necho \"<h1>Hello from $(hostname -f)</h1>\" > /var/www/html/index.html\n")


def _site(files: dict[str, str]):
    return site_from_lines([decode(text.encode("utf-8"), name) for name, text in files.items()])


def test_a_script_among_the_notes_is_one_block_of_code_named_after_its_file():
    # Its comments had become headings ("# Use this ..." the page's title, "Install httpd" a
    # section) and "#!/bin/bash" a page of its own, "!/bin/bash".
    site = _site({"notes/httpd_user_data.txt": SCRIPT, "notes/ec2.md": "# EC2\n\n- virtual servers\n"})
    assert [page.title for page in site.pages] == ["Httpd user data", "EC2"]
    page = site.files["httpd-user-data.md"]
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get_text() for h in soup.find_all(["h1", "h2", "h3"])] == ["Httpd user data"]
    assert soup.find("pre").get_text() == SCRIPT     # every line as typed, the blank one too
    assert 'description: "Httpd user data, in the study notes."' in page


def test_a_file_that_only_mentions_a_shebang_later_is_notes():
    notes = "# EC2\n\nUser data\n- starts with #!/bin/bash\n"
    assert [page.title for page in _site({"notes/ec2.md": notes}).pages] == ["EC2"]
