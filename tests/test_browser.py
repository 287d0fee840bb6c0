"""The published site in a real browser: pages load offline, run no script, show every image.

The site is built here from the stored notebooks and figures (``make test`` never runs
``make run``) and opened in headless Chromium: Debian's ``chromium`` package, which ``.ci/run``
installs with apt-get when it can. Where there is no Chromium (or no Playwright) the tests are
skipped with the reason (``pytest -rs`` lists it). ``NEWSCORPUS_CHROMIUM`` names another
Chromium binary; a path that does not exist simulates the missing browser.

A full-page screenshot of each page is saved to ``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pandas as pd
import pytest

from newscorpus.publish.site import build_site, render_notebook

from .conftest import ROOT

CHROMIUM = Path(os.environ.get("NEWSCORPUS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--disable-dev-shm-usage"]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PAGES = ["index.html"] + [nb.with_suffix(".html").name for nb in NOTEBOOKS]
SCREENSHOTS = ROOT / "build" / "screenshots"

#: Corpus text that would run a script, or request a file, if a page inserted it as HTML.
HOSTILE = '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">'

_BROKEN_IMAGES = """() => Array.from(document.images)
    .filter(img => !(img.complete && img.naturalWidth > 0))
    .map(img => (img.getAttribute('src') || '(no src)').slice(0, 80))"""


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module, closed however the tests end."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"Chromium is not installed ({CHROMIUM}): the browser test is skipped; "
                    ".ci/run installs it with apt-get (Debian package 'chromium')")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"Playwright cannot be imported ({error}): the browser test is skipped; "
                    "'make setup' installs it from requirements.lock")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site built from the stored notebooks and figures, once, in a temporary folder."""
    assert NOTEBOOKS, "no notebooks found in notebooks/"
    return build_site(NOTEBOOKS, ROOT / "figures", tmp_path_factory.mktemp("site")).parent


@dataclass
class Visit:
    """What happened while a page loaded, and what the page then showed."""

    url: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    images: int = 0
    broken_images: list[str] = field(default_factory=list)
    scripts: int = 0
    text: str = ""
    pwned: str = "undefined"
    links: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Every request other than the page itself (``data:`` URIs are the page's own)."""
        return [url[:160] for url in self.requests
                if url.split("#")[0] != self.url and not url.startswith("data:")]

    def missing_files(self) -> list[str]:
        """Every link to a local file that does not exist (links to the web are not checked)."""
        local = {url.split("#")[0] for url in self.links if url.startswith("file:")}
        return sorted(url for url in local if not Path(unquote(urlsplit(url).path)).is_file())


def visit(browser, path: Path, screenshot: str | None = None) -> Visit:
    """Open ``path`` in a fresh browser context, record what it did, optionally screenshot it.

    Any request other than the page's own is recorded and aborted, so a failing page still
    reaches no network.
    """
    record = Visit(url=path.resolve().as_uri())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()

        def on_console(message):
            text = f"{message.text} ({message.location.get('url', '')[:80]})"
            if message.type == "error":
                record.errors.append(f"console error: {text}")
            elif message.type == "warning":
                record.warnings.append(f"console warning: {text}")

        def on_route(route):
            if route.request.url.split("#")[0] == record.url:
                route.continue_()
            else:
                route.abort()

        page.on("console", on_console)
        page.on("pageerror", lambda error: record.errors.append(f"page error: {error}"))
        page.on("request", lambda request: record.requests.append(request.url))
        context.route("**/*", on_route)
        page.goto(record.url, wait_until="load")
        record.images = page.evaluate("document.images.length")
        record.broken_images = page.evaluate(_BROKEN_IMAGES)
        record.scripts = page.evaluate("document.scripts.length")
        record.text = page.evaluate("document.body.innerText")
        record.pwned = page.evaluate("typeof window.__pwned")
        record.links = page.evaluate("Array.from(document.links).map(a => a.href)")
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=True)
    finally:
        context.close()
    for message in record.warnings:
        warnings.warn(f"{path.name}: {message}", stacklevel=2)
    return record


def assert_loads_cleanly(record: Visit, name: str) -> None:
    assert not record.errors, f"{name}: errors while loading:\n" + "\n".join(record.errors)
    foreign = record.foreign_requests()
    assert not foreign, (f"{name}: the page requested {len(foreign)} file(s) other than "
                         "itself (the site must be self-contained):\n" + "\n".join(foreign))
    assert not record.broken_images, (
        f"{name}: {len(record.broken_images)} of {record.images} image(s) did not render "
        "(zero natural width):\n" + "\n".join(record.broken_images))
    assert record.scripts == 0, f"{name}: the page has {record.scripts} <script> element(s)"


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_with_every_image_rendered(browser, site, name):
    path = site / name
    assert path.is_file(), f"build_site wrote no {name}: {sorted(p.name for p in site.iterdir())}"
    record = visit(browser, path, screenshot=Path(name).with_suffix(".png").name)
    assert_loads_cleanly(record, name)
    assert len(record.text) > 500, f"{name}: only {len(record.text)} characters of text shown"
    missing = record.missing_files()
    assert not missing, f"{name}: links to files the site does not have:\n" + "\n".join(missing)
    if name == "index.html":
        assert record.images > 0, "index.html shows no figure"
        linked = {url.split("#")[0] for url in record.links}
        unlinked = [page for page in PAGES[1:] if (site / page).resolve().as_uri() not in linked]
        assert not unlinked, f"index.html does not link to {unlinked}"


def hostile_notebook(path: Path) -> Path:
    """Write an executed notebook whose outputs show :data:`HOSTILE` as a table and as text."""
    table = pd.DataFrame({"title": [HOSTILE]}).to_html()
    cell = nbformat.v4.new_code_cell("titles", execution_count=1, outputs=[
        nbformat.v4.new_output("execute_result", execution_count=1,
                               data={"text/html": table, "text/plain": HOSTILE}),
        nbformat.v4.new_output("stream", name="stdout", text=HOSTILE + "\n"),
    ])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 99 · Test"), cell])
    nbformat.write(nb, path)
    return path


def test_corpus_text_is_shown_as_text_not_run_as_html(browser, tmp_path):
    page = tmp_path / "99-test.html"
    page.write_text(render_notebook(hostile_notebook(tmp_path / "99-test.ipynb")),
                    encoding="utf-8")
    record = visit(browser, page, screenshot="99-test.png")
    assert record.pwned == "undefined", "a script from the notebook's output ran in the page"
    assert not record.foreign_requests(), (
        "the notebook's output made the page request files:\n"
        + "\n".join(record.foreign_requests()))
    assert_loads_cleanly(record, page.name)
    assert record.images == 0, "an <img> from the notebook's output became an element"
    shown = record.text.count("<script>window.__pwned = 1</script>")
    assert shown == 2, ("the table and the printed text should both show the <script> text; "
                        f"it is shown {shown} time(s) in:\n{record.text[:1000]}")


def test_the_checks_catch_a_page_that_loads_files_or_fails(browser, tmp_path):
    """The browser does report what the other tests look for (they are not vacuous)."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><body><p>bad <a href="gone.html#x">link</a></p>'
                   '<img src="missing.png">'
                   '<img src="https://example.invalid/x.png">'
                   '<script>console.error("boom"); undefinedFunction();</script></body></html>',
                   encoding="utf-8")
    record = visit(browser, bad)
    foreign = record.foreign_requests()
    assert any(url.endswith("/missing.png") for url in foreign), record.requests
    assert "https://example.invalid/x.png" in foreign, record.requests
    assert len(record.broken_images) == 2, record.broken_images
    assert any("boom" in e for e in record.errors), record.errors
    assert any("undefinedFunction" in e for e in record.errors), record.errors
    assert record.scripts == 1
    assert record.missing_files() == [(tmp_path / "gone.html").resolve().as_uri()]
