"""Shared helpers: build a site from notes text without touching the disk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REAL_NOTES = ROOT / "notes" / "aws-sysops.txt"

from notesite import site_from_lines  # noqa: E402
from notesite.source import decode  # noqa: E402


def site_from_text(text: str, name: str = "notes/test.txt"):
    """The site the core builds from one notes file with this text."""
    return site_from_lines([decode(text.encode("utf-8"), name)])


def code_blocks(page: str) -> list[str]:
    """The lines of each fenced code block with no language on a generated page."""
    return re.findall(r"^```\n(.*?)\n```$", page, re.S | re.M)


PROJECT_PARTS = ("hooks", "overrides", "notesite")


def make_project(folder: Path, notes: dict[str, str]) -> Path:
    """A copy of this project with other notes: same config, hooks, theme overrides and core."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    for part in PROJECT_PARTS:
        (folder / part).symlink_to(ROOT / part)
    (folder / "notes").mkdir()
    (folder / "docs").mkdir()
    for name, text in notes.items():
        (folder / "notes" / name).write_text(text, encoding="utf-8")
    return folder


def mkdocs_build(project: Path, site: Path, *extra: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project into `site` (for the site address given, if any)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
                          cwd=project, capture_output=True, text=True, env=env)


import functools  # noqa: E402
import http.server  # noqa: E402
import threading  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import pytest  # noqa: E402

BASE = "/aws-notes/"   # GitHub Pages serves a project site under its repository's name
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_port():
    """The port the real site is served on: its address is built into the site (sitemap)."""
    return free_port()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, site_port):
    """The real notes, built strictly once for the whole session, for where they are served."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site, site_url=f"http://127.0.0.1:{site_port}{BASE}")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


class SubPathServer:
    """A built site served on loopback under a sub-path, as GitHub Pages serves it."""

    def __init__(self, site: Path, base: str = BASE, port: int = 0):
        self.site, self.base = site, base
        root = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path):
                path = urlsplit(path).path
                if not path.startswith(root.base):
                    return str(root.site / "__outside_the_site__")
                return super().translate_path("/" + path[len(root.base):])

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + base

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def served(real_site, site_port):
    server = SubPathServer(real_site, port=site_port)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile that may use the clipboard and reaches only loopback."""
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield ctx
    ctx.close()
