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


@pytest.fixture(autouse=True)
def _close_pages(request):
    """Each test's pages are closed after it: open pages keep their connections to the server,
    which caps them per client (KB_MAX_CONNECTIONS_PER_CLIENT), so a module's later pages could
    wait for a connection the cap refuses."""
    yield
    browser = request.node.funcargs.get("browser")
    for context in browser.contexts if browser is not None else ():
        context.close()


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


def _offline_page(browser, base):
    """A page that may reach kb alone: any other address is refused and recorded."""
    page, failed = _page(browser)
    outside: list[str] = []

    def only_kb(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_kb)
    return page, failed, outside


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert not page.locator("main .error").count(), page.inner_text("main")


CHART = """id => { const chart = Chart.getChart(id); const {x, y} = chart.scales;
  return {type: chart.config.type, xTitle: x.options.title.text, yTitle: y.options.title.text,
          xTicks: x.ticks.map(t => t.label), yTicks: y.ticks.map(t => t.value),
          datasets: chart.data.datasets.map(d => d.label), bars: chart.data.datasets[0].data.length}; }"""


def _chart(page):
    """The page's timeline: a Chart.js bar chart with titled axes and ticks."""
    chart = page.evaluate(CHART, "timeline-chart")
    assert chart["type"] == "bar" and chart["bars"] >= 1
    assert chart["xTitle"] == "week starting (UTC)" and chart["yTitle"]
    assert chart["xTicks"] and all(len(label) == 10 for label in chart["xTicks"])  # week starts, 2022-01-03
    assert len(chart["yTicks"]) >= 2 and all(float(v).is_integer() for v in chart["yTicks"])  # whole counts
    return chart


def _source_links(page, selector):
    hrefs = page.eval_on_selector_all(selector + " a.source", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    return hrefs


def test_the_explorer_shows_a_person_and_an_outlet(browser, served, shots):
    base = served.removesuffix("/graphql")
    page, failed, outside = _offline_page(browser, base)
    _open(page, base + "/explore/person?name=" + "斯托爾滕貝格")
    assert page.inner_text("h1") == "斯托尔滕贝格"
    assert page.locator("#by-outlet .outlet").count() >= 1
    assert "法国国际广播电台" in page.inner_text("#by-outlet")
    assert _chart(page)["datasets"] == ["statements", "articles"]
    _source_links(page, "#by-outlet")  # article titles link to their sources

    _open(page, base + "/explore/person?name=" + "拜登")  # quoted by more outlets: the screenshot
    assert page.locator("#by-outlet .outlet").count() >= 2
    # each remark once, its reports under it: the warning Guancha and VOA both carried is one
    carried = page.locator("#utterances .utterance", has_text="3 reports by 观察者网, 美国之音")
    assert carried.count() == 1 and carried.locator("ul.reports li").count() == 3
    remarks, reports = (page.locator(f"#utterances {s}").count() for s in (".utterance", "ul.reports li"))
    assert remarks < reports == page.locator("#by-outlet ul.statements li").count()  # every statement once
    assert page.locator("#co-mentioned a").count() >= 3  # on to other pages
    page.screenshot(path=str(shots / "explorer-person.png"), full_page=True)

    page.click("#by-outlet .outlet h3 a")  # on to the outlet
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.locator("#top-speakers tr").count() >= 2  # a header and a speaker
    assert page.inner_text("p.sub").endswith(" · 1 article")  # Guancha: one seed article, said in English
    assert _chart(page)["datasets"] == ["articles"]
    assert page.locator("#articles span.title").count() == 1  # its file gives no address: a plain title
    page.screenshot(path=str(shots / "explorer-outlet.png"), full_page=True)
    assert not failed and not outside, (failed, outside)  # Chart.js too comes from kb


@pytest.mark.parametrize(("kind", "name", "shown"), [
    ("organization", "北約", "北约"), ("organization", "NATO", "北约"), ("place", "烏克蘭", "乌克兰"),
    ("place", "Russia", "俄罗斯"),
])
def test_organizations_and_places_have_pages_like_people(browser, served, shots, kind, name, shown):
    base = served.removesuffix("/graphql")
    page, failed, outside = _offline_page(browser, base)
    _open(page, f"{base}/explore/{kind}?name={name}")
    assert page.inner_text("h1") == shown and page.get_attribute("body", "data-kind") == kind
    assert kind in page.inner_text("#counts")
    _chart(page)
    _source_links(page, "#articles")
    assert page.locator("#co-mentioned a").count() >= 1
    if (kind, name) == ("organization", "北約"):
        assert page.locator("#by-outlet .outlet").count() >= 1  # NATO speaks
        page.screenshot(path=str(shots / "explorer-organization.png"), full_page=True)
    page.click("#co-mentioned a")  # every name links on to its own page
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.inner_text("h1") and not page.locator("main .error").count()
    assert not failed and not outside, (failed, outside)


def test_a_missing_name_says_so(browser, served):
    base = served.removesuffix("/graphql")
    page, failed = _page(browser)
    page.goto(base + "/explore/organization?name=" + "不存在的机构")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.inner_text("main .error") == "No organization called 不存在的机构."
    assert not failed, failed


def test_search_covers_names_statements_and_articles(browser, served, shots):
    base = served.removesuffix("/graphql")
    page, failed, outside = _offline_page(browser, base)
    _open(page, base + "/explore?q=" + "北约")
    assert "北约" in page.inner_text("#results")
    assert page.locator("#statement-results li").count() >= 1
    assert page.locator("#article-results li").count() >= 1
    _source_links(page, "#article-results")
    _source_links(page, "#statement-results")
    page.screenshot(path=str(shots / "explorer-search.png"), full_page=True)

    _open(page, base + "/explore?q=" + "制裁")  # words no name holds: statements and articles
    assert page.locator("#statement-results li").count() >= 1
    assert "制裁" in page.inner_text("#statement-results") + page.inner_text("#article-results")
    assert not failed and not outside, (failed, outside)


@pytest.mark.parametrize(("url", "linked"), [
    ("https://www.rfi.fr/cn/a", True), ("http://example.org/", True), ("javascript:alert(1)", False),
    ("data:text/html,<b>", False), ("/explore", False), ("", False), (None, False),
])
def test_only_web_addresses_become_source_links(browser, served, url, linked):
    base = served.removesuffix("/graphql")
    page, _ = _page(browser)
    _open(page, base + "/explore/outlet?name=VOA")
    tag = page.evaluate("url => articleLink({title: 'T', url}).tagName", url)
    assert tag == ("A" if linked else "SPAN")
