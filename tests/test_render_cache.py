"""A page's conversion is given back only while nothing it depends on changed, and never one
that warned."""

from __future__ import annotations

import logging

from notesite.render_cache import Converted, RenderCache, context_key

LOG = logging.getLogger("test.render_cache")


def _cache(context="ctx") -> RenderCache:
    cache = RenderCache()
    cache.enabled = True
    cache.begin(context_key(context), LOG)
    return cache


def _converted(cache: RenderCache, page: str, markdown: str, html: str) -> None:
    assert cache.lookup(page, markdown) is None
    cache.keep(page, Converted(html, {}))


def test_a_page_unchanged_is_given_back_and_a_changed_one_is_not():
    cache = _cache()
    _converted(cache, "s3.md", "# S3", "<h1>S3</h1>")
    cache.begin(context_key("ctx"), LOG)
    assert cache.lookup("s3.md", "# S3").html == "<h1>S3</h1>" and cache.reused == 1
    assert cache.lookup("s3.md", "# S3 edited") is None
    assert cache.lookup("ec2.md", "# S3") is None   # the same text on another page


def test_a_change_in_the_build_context_converts_every_page_again():
    cache = _cache("files: a, b")
    _converted(cache, "s3.md", "# S3", "<h1>S3</h1>")
    cache.begin(context_key("files: a"), LOG)
    assert cache.lookup("s3.md", "# S3") is None


def test_a_conversion_that_warned_is_not_kept():
    cache = _cache()
    assert cache.lookup("s3.md", "[x](gone.md)") is None
    LOG.warning("Doc file 's3.md' contains a link 'gone.md', but the target is not found")
    cache.keep("s3.md", Converted("<p>x</p>", {}))
    cache.begin(context_key("ctx"), LOG)
    assert cache.lookup("s3.md", "[x](gone.md)") is None


def test_only_a_server_keeps_conversions():
    cache = RenderCache()
    cache.begin(context_key("ctx"), LOG)
    _converted(cache, "s3.md", "# S3", "<h1>S3</h1>")
    assert cache.lookup("s3.md", "# S3") is None
