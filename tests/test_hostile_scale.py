"""Notes that push the limits build an inert, valid site: random notes through the whole
pipeline under --strict, huge lines, a megabyte-long bullet, deep nesting."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

from conftest import make_project, mkdocs_build, site_from_text
from test_properties import NOTES

MEGABYTE = 1024 * 1024


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=NOTES)
def test_random_notes_build_a_strict_site(tmp_path_factory, text):
    if not text.strip() or not any(line.strip() for line in text.splitlines() if not line.lstrip().startswith("#")):
        return   # empty notes are refused with a clear error, tested elsewhere
    folder = tmp_path_factory.mktemp("random")
    project = make_project(folder / "project", {"random.txt": text})
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def test_a_megabyte_bullet_and_huge_lines_build_and_stay_inert(tmp_path):
    notes = ("## EC2\nHuge\n- " + "word <b>x</b> [y](javascript:z) " * (MEGABYTE // 34) + "\n"
             "Long line\n" + ("no spaces at all " + "x" * 200_000) + "\n"
             "Deep\n" + "\n".join("    " * depth + "- level " + str(depth) for depth in range(200)) + "\n"
             "Many\n" + "\n".join(f"- point {n}" for n in range(5000)) + "\n")
    start = time.perf_counter()
    site = site_from_text(notes)
    assert time.perf_counter() - start < 60
    assert len(site.files["ec2.md"]) > MEGABYTE
    project = make_project(tmp_path / "project", {"huge.txt": notes})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    soup = BeautifulSoup((tmp_path / "site" / "ec2" / "index.html").read_text(), "html.parser")
    article = soup.select_one("article")
    # ("<b>x</b>" only formats: bold, as GitHub shows it, with no attribute)
    assert all(not b.attrs for b in article.select("b")) and not article.select('a[href^="javascript:"]')
    depth = max(len(ul.find_parents("ul")) for ul in article.select("ul"))
    assert depth <= 5   # nesting is capped, not rendered 200 levels deep
