"""GraphiQL and the explorer in a real browser: Playwright driving Debian's Chromium against
a served seed database. Skipped, with the reason, where Chromium or Playwright is missing
(`.ci/run` installs both).

Screenshots go to KB_SCREENSHOTS_DIR when it is set (docs/img/ holds committed ones), else
to the test's temporary folder, as artefacts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's Chromium is not installed (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

# As this machine's closed network wants: no background connections, no sandbox as root.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KB_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    page.on("pageerror", lambda error: failed.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    return page, failed


def test_graphiql_runs_the_stoltenberg_query(browser, served, shots):
    page, failed = _page(browser)
    page.goto(served)  # /graphql: GraphiQL for a browser
    page.wait_for_selector(".graphiql-execute-button", timeout=30_000)
    assert "Stoltenberg" in page.inner_text(".graphiql-query-editor")  # the example is there
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "() => (document.querySelector('.result-window') || {}).textContent?.includes('斯托尔滕贝格')",
        timeout=30_000)
    result = page.inner_text(".result-window")
    assert "鉴于目前的安全形势" in result  # his statement, in the result pane
    page.screenshot(path=str(shots / "graphiql.png"))
    assert not failed, failed  # every script and style loaded (from kb, not a CDN)


def test_the_explorer_shows_a_person_and_an_outlet(browser, served, shots):
    base = served.removesuffix("/graphql")
    page, failed = _page(browser)
    page.goto(base + "/explore/person?name=" + "斯托爾滕貝格")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.inner_text("h1") == "斯托尔滕贝格"
    assert page.locator("#by-outlet .outlet").count() >= 1
    assert "法国国际广播电台" in page.inner_text("#by-outlet")
    assert page.locator("svg.timeline rect").count() >= 1

    page.goto(base + "/explore/person?name=" + "拜登")  # quoted by more outlets: the screenshot
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.locator("#by-outlet .outlet").count() >= 2
    page.screenshot(path=str(shots / "explorer-person.png"), full_page=True)

    page.click("#by-outlet .outlet a")  # on to the outlet
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.locator("#top-speakers tr").count() >= 2  # a header and a speaker
    assert page.inner_text("p.sub").endswith(" · 1 article")  # Guancha: one seed article, said in English
    page.screenshot(path=str(shots / "explorer-outlet.png"), full_page=True)

    page.goto(base + "/explore?q=" + "北约")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert "北约" in page.inner_text("#results")
    assert not failed, failed
