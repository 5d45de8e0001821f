"""The interactive page in headless Debian Chromium: drawn without console errors, offline, searchable."""

import shutil

import pytest
from playwright.sync_api import sync_playwright

from iskg.graph.exports import export

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page_file(built, tmp_path_factory):
    return export(built.files[0], "html", tmp_path_factory.mktemp("html") / "iskg.html")


def test_page_draws_searches_and_shows_evidence(page_file, tmp_path):
    assert shutil.which(CHROMIUM), "Debian chromium is installed by .ci/setup"
    errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                       args=FLAGS, headless=True,
                                                       viewport={"width": 1400, "height": 900})
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_function("window.iskgCy && window.iskgCy.nodes().length > 0", timeout=60_000)
            drawn = page.evaluate("iskgCy.nodes().filter(n => n.renderedBoundingBox().w > 0).length")
            assert drawn > 100
            page.fill("#search", "Europol")
            page.click("#search-form button")
            page.wait_for_timeout(500)
            assert page.evaluate("iskgCy.nodes(':selected').map(n => n.id())") == \
                ["https://w3id.org/iskg/id/actor/europol"]
            details = page.inner_text("#details")
            assert "Europol" in details and "Q207203" in details and "paragraph" in details
            page.uncheck("#class-filters input[value=Threat]")
            page.wait_for_timeout(300)
            shown = "iskgCy.nodes().filter(n => n.data('kind') === 'Threat' && n.style('display') !== 'none').length"
            assert page.evaluate(shown) == 0
            page.screenshot(path=str(tmp_path / "page.png"))
        finally:
            browser.close()
    assert errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    assert (tmp_path / "page.png").stat().st_size > 10_000
