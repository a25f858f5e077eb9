"""Notes in the styles people write, each giving the pages a reader expects.

Each fixture in tests/styles is a notes file (or a folder of them) in one style: Markdown with
links, code and tables; numbered lists; banner and underlined headings; bare service names;
nesting by two spaces or tabs; one file about one service; a file per service; this project's
own style about services the seed lacks. `expected.yaml` names the pages each must give,
written before the rules were tuned; `expected/<fixture>/` holds the pages, reviewed by eye.
When a change to the rules changes a page on purpose, read the diff this test prints, then
update the expected file by hand.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_NOTES
from notesite import site_from_lines
from notesite.assemble import RESERVED_SLUGS
from notesite.source import decode

STYLES = Path(__file__).parent / "styles"
GOLDEN = Path(__file__).parent / "golden"
EXPECTED = yaml.safe_load((STYLES / "expected.yaml").read_text(encoding="utf-8"))


def _notes(fixture: Path) -> list[tuple[str, str]]:
    files = sorted(fixture.iterdir()) if fixture.is_dir() else [fixture]
    return [(f"notes/{f.name}", f.read_text(encoding="utf-8")) for f in files]


def _site(notes: list[tuple[str, str]]):
    return site_from_lines([decode(text.encode("utf-8"), name) for name, text in notes])


def _pages(site) -> dict[str, str]:
    return {name: text for name, text in site.files.items() if name.endswith(".md") or name == ".pages"}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_style_gives_the_pages_a_reader_expects(fixture):
    site = _site(_notes(STYLES / fixture))
    assert [page.title for page in site.pages] == EXPECTED[fixture]["pages"]


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_style_gives_the_reviewed_pages(fixture):
    built = _pages(_site(_notes(STYLES / fixture)))
    folder = STYLES / "expected" / fixture
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}
    assert sorted(built) == sorted(expected)
    for name, text in expected.items():
        if built[name] != text:
            diff = "".join(difflib.unified_diff(text.splitlines(True), built[name].splitlines(True),
                                                f"expected/{name}", f"built/{name}"))
            pytest.fail(f"{fixture}/{name} differs from the reviewed page:\n{diff}")


READ_BACK = [*(STYLES / name for name in sorted(EXPECTED)), GOLDEN / "structure" / "notes.txt",
             GOLDEN / "services" / "notes.txt", REAL_NOTES]


@pytest.mark.parametrize("notes", READ_BACK, ids=lambda p: p.name if p.parent.name != "notes" else "real notes")
def test_the_pages_read_back_as_notes_give_the_same_pages(notes):
    """Idempotence, as mdformat tests it: the cleanup's own output is already clean.

    (Not the hostile golden: there, HTML the first run showed as text is read back as the
    author's own entities, and a URL inside it is then set as code.)
    """
    site = _site(_notes(notes))
    pages = {name: text for name, text in site.files.items() if name.endswith(".md") and name != "index.md"}
    again = _site([(f"notes/{name}", text) for name, text in pages.items()])
    assert {name: text for name, text in again.files.items() if name in pages} == pages
    # (Read back one file per page, in name order: the navigation's order may differ.)
    assert sorted(p.slug for p in again.pages) == sorted(p.slug for p in site.pages)


def test_several_files_about_one_service_make_one_page_in_file_order():
    site = _site([("notes/a-s3-basics.md", "# S3\n\n## Buckets\n- names are global\n"),
                  ("notes/b-more.txt", "## EC2\nSpot\n- cheap\n\n## S3\nVersioning\n- keeps versions\n")])
    assert [p.title for p in site.pages] == ["S3", "EC2"]
    s3 = site.files["s3.md"]
    assert s3.index("## Buckets") < s3.index("## Versioning")


def test_commands_and_code_never_become_headings():
    site = _site([("notes/ec2.txt", "## EC2\nInstall a web server\nsudo yum install -y httpd\n- then start it\n"
                   "```\n# a comment in a script\nsystemctl start httpd\n```\n- done\n")])
    headings = [t.title for p in site.pages for t in p.topics]
    assert headings == ["Install a web server"]
    page = site.files["ec2.md"]
    assert "`sudo yum install -y httpd`" in page
    assert "```\n# a comment in a script\nsystemctl start httpd\n```" in page


def test_every_heading_keeps_its_own_page_whatever_its_name():
    long = "A very long heading about the many ways to move data between regions and accounts, part"
    site = _site([("notes/n.txt", "## Index\n- not the home page\n\n## Сеть\n- one\n\n## Хранение\n- two\n\n"
                   f"## {long} 1\n- first\n\n## {long} 2\n- second\n")])
    assert [p.title for p in site.pages] == ["Index", "Сеть", "Хранение", f"{long} 1", f"{long} 2"]
    slugs = [p.slug for p in site.pages]
    assert len(set(slugs)) == 5 and "index" not in slugs
    assert slugs[1:3] == ["сеть", "хранение"]                  # their own names, not "section-2"
    assert "# Browse by service" in site.files["index.md"]      # the home page is still the home page
    for page, point in zip(site.pages, ["not the home page", "one", "two", "first", "second"]):
        assert point in site.files[f"{page.slug}.md"]


# Heading words that name no service: reserved file names, other scripts, marks with no letters.
TITLE_WORDS = st.sampled_from(["Index", "index", "s", "assets", "404", "Search", "Сеть", "хранение", "网络", "!!!",
                               "\U0001F680", "Part", "Ünïcode", "Cafe", "Café", "x" * 70, "section", "2"])


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(st.lists(TITLE_WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
def test_whatever_the_headings_no_page_takes_another_ones_notes(titles):
    notes = "".join(f"## {title}\n- point{number:03d}\n\n" for number, title in enumerate(titles))
    site = _site([("notes/n.txt", notes)])
    slugs = [p.slug for p in site.pages]
    assert len(slugs) == len(set(slugs)) and not set(slugs) & RESERVED_SLUGS
    for number in range(len(titles)):
        holding = [p for p in site.pages if f"point{number:03d}" in site.files[f"{p.slug}.md"]]
        assert len(holding) == 1, titles
        # A page holds only the notes of headings that read the same once cleaned.
        same = [n for n in range(len(titles)) if f"point{n:03d}" in site.files[f"{holding[0].slug}.md"]]
        assert len({_cleaned_title(titles[n]) for n in same}) == 1, titles


def _cleaned_title(title: str) -> str:
    return _site([("notes/n.txt", f"## {title}\n- x\n")]).pages[0].title
