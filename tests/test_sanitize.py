"""The allow-list sanitizer every page's HTML passes through last (`notesite.sanitize`)."""

from __future__ import annotations

import pytest

from notesite.sanitize import clean


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#10;script:alert(1)", "java&#13;script:alert(1)",
    "java\tscript:alert(1)", "&#1;javascript:alert(1)", "  javascript:alert(1)", "vbscript:x",
    "data:text/html,<script>alert(1)</script>",
])
def test_a_link_whose_address_a_browser_would_run_loses_its_address(address):
    assert clean(f'<a href="{address}">t</a>') == "<a>t</a>"


@pytest.mark.parametrize("address", ["https://docs.aws.amazon.com/", "../ec2/#spread", "#spread", "mailto:a@b.example"])
def test_safe_and_relative_addresses_stay_as_written(address):
    assert clean(f'<a href="{address}">t</a>') == f'<a href="{address}">t</a>'


def test_event_handlers_are_dropped_from_every_element():
    assert clean('<img src="x" onerror="alert(1)"><p onclick="alert(2)">t</p>') == '<img src="x"><p>t</p>'


def test_an_image_with_a_data_address_keeps_no_address():
    assert clean('<img src="data:image/svg+xml,x" alt="t">') == '<img alt="t">'


def test_script_and_style_go_with_their_contents():
    assert clean("<p>a</p><script>alert(1)</script><style>p{}</style>") == "<p>a</p>"


def test_elements_off_the_list_keep_their_text_only():
    assert clean("<details open><summary>s</summary>t</details>") == "st"


def test_svg_is_dropped_whole():
    assert clean('<p>a<svg onload="alert(1)"><a>u</a></svg></p>') == "<p>a</p>"


def test_the_site_markup_passes_unchanged():
    page = ('<h2 id="spread">Spread<a class="headerlink" href="#spread" title="Anchor link">\u00b6</a></h2>'
            '<p class="notes-source" data-search-exclude=""><time datetime="2026-01-01T00:00:00+00:00">'
            'Changed 2026-01-01</time> by <bdi>Ann</bdi></p>'
            '<div class="language-sh highlight"><pre><span></span><code><span class="nb">echo</span></code></pre></div>'
            '<table><thead><tr><th style="text-align:left">a</th></tr></thead></table>')
    assert clean(page) == page


def test_table_cells_keep_only_their_alignment_as_style():
    assert clean('<table><tr><td style="text-align: right; background: url(x)">a</td></tr></table>') == \
        '<table><tbody><tr><td style="text-align:right">a</td></tr></tbody></table>'


def test_a_moved_section_marker_keeps_only_the_address_shape_the_cleanup_writes():
    assert clean('<span class="notes-moved" data-moved-to="../ec2/#spread"></span>') == \
        '<span class="notes-moved" data-moved-to="../ec2/#spread"></span>'
    assert clean('<span class="notes-moved" data-moved-to="javascript:alert(1)"></span>') == \
        '<span class="notes-moved"></span>'

