"""The reading site in a real headless Chromium, opened from file:// (no web server):
footnotes open in place, person and place links reach their registers, editorial marks
explain themselves on focus, search finds documents (accents and capitals aside) with
snippets, the index filters combine and survive a reload, the cite block copies, the
downloads resolve, axe-core finds no serious or critical problem, nothing is fetched
from outside, and the pages are photographed for the documentation."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

from tei.render import render_paths
from tests.conftest import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "render"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("TEI_SCREENSHOTS_DIR", ROOT / "docs" / "screenshots"))
DOCUMENT = "1958-05-14_varga.html"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    report = render_paths([DATA], out)
    assert report.ok, report.errors
    return out / "html"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the playwright Python package is not installed")
    executable = chromium_path()
    require(executable is not None, "Chromium is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, site: Path) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    outside: list[str] = []
    # Anything but the site's own files would be an external resource.
    context.route("**/*", lambda route: (
        route.continue_() if route.request.url.startswith("file://")
        else (outside.append(route.request.url), route.abort())))
    tab = context.new_page()
    tab.outside_requests = outside
    yield tab
    context.close()


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def test_footnote_marker_opens_the_note_in_place(page: Page, site: Path) -> None:
    page.goto(url(site, DOCUMENT))
    note = page.locator("#fn-pop-1")
    assert not note.is_visible()
    page.click("#fnref-1")
    assert note.is_visible()
    assert "closed by ice" in note.inner_text()
    box = note.bounding_box()
    assert box is not None and box["width"] > 100
    # From the open note to the notes list, and back to the marker.
    note.locator("a.fn-more").click()
    assert page.url.endswith("#fn-1")
    assert page.locator("#fn-1").is_visible()
    page.click("#fn-1 a.backref")
    assert page.url.endswith("#fnref-1")
    assert page.outside_requests == []


def test_person_link_leads_to_the_register_entry(page: Page, site: Path) -> None:
    page.goto(url(site, DOCUMENT))
    page.click("text=Olin Brask")
    assert page.url == url(site, "persons.html") + "#brask-olin"
    entry = page.locator("#brask-olin")
    assert entry.locator("h2").inner_text() == "Olin Brask"
    in_view = page.evaluate(
        "() => { const r = document.getElementById('brask-olin').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }")
    assert in_view
    # And from the register back to the documents that mention the person.
    entry.locator("ul.mentions a").first.click()
    assert page.url == url(site, "1957-11_brask.html")


def test_editorial_insertion_names_the_editor_on_focus(page: Page, site: Path) -> None:
    page.goto(url(site, DOCUMENT))
    mark = page.locator(".ed-supplied")
    before = mark.evaluate("e => getComputedStyle(e, '::after').content")
    assert before in ("none", "normal", "")
    mark.focus()
    shown = mark.evaluate("e => getComputedStyle(e, '::after').content")
    assert "supplied by the editor" in shown and "Harbour Street Archive" in shown


def test_previous_and_next_links_walk_the_documents_by_date(page: Page, site: Path) -> None:
    page.goto(url(site, "index.html"))
    page.click("ol.document-list li:first-child h2 a")
    visited = [page.url.rsplit("/", 1)[1]]
    while page.locator("a[rel=next]").count():
        page.click("a[rel=next]")
        visited.append(page.url.rsplit("/", 1)[1])
    assert visited == ["1957-11_brask.html", DOCUMENT, "1958-06-03_varga-moll.html"]


def search(page: Page, site: Path, query: str) -> list[str]:
    """Type a query on the search page; the pages of the results, in order."""
    page.goto(url(site, "search.html"))
    page.fill("#search-q", query)
    page.wait_for_function("() => document.getElementById('search-status').textContent")
    # Each snippet is cut again once its document's texts (search/<stem>.js) arrive.
    page.wait_for_function("() => [...document.querySelectorAll('#search-results .snippet')]"
                           ".every(p => p.dataset.ready !== undefined)")
    return [href.rsplit("/", 1)[1] for href in page.eval_on_selector_all(
        "#search-results h2 a", "links => links.map(a => a.href)")]


def test_search_finds_documents_with_highlighted_snippets(page: Page, site: Path) -> None:
    assert search(page, site, "lighthouse") == [DOCUMENT]
    snippet = page.locator("#search-results .snippet").first
    assert "lighthouse at Grey Point" in snippet.inner_text()
    assert page.locator("#search-results .snippet mark").first.inner_text() == "lighthouse"
    # Prefix matching: the start of a word is enough, and every word must match.
    assert search(page, site, "ferr winter") == [DOCUMENT]
    assert search(page, site, "lighthouse unicorn") == []
    assert page.locator("#search-status").inner_text() == "0 documents found."
    # A hit in a footnote is shown from the note.
    assert search(page, site, "pencilled") == [DOCUMENT]
    assert "In a note" in page.locator("#search-results .snippet").inner_text()
    page.click("#search-results h2 a")
    assert page.url == url(site, DOCUMENT)
    assert page.outside_requests == []


def test_search_ignores_accents_and_capitals(page: Page, site: Path) -> None:
    assert search(page, site, "CORTAZAR") == ["1957-11_brask.html"]
    mark = page.locator("#search-results mark").first
    assert mark.inner_text() == "Cortázar"
    assert search(page, site, "Inés") == ["1957-11_brask.html"]


def test_search_box_on_every_page_opens_the_results(page: Page, site: Path) -> None:
    page.goto(url(site, "persons.html"))
    page.fill("#site-search-q", "brask")
    page.press("#site-search-q", "Enter")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length")
    assert page.url.startswith(url(site, "search.html"))
    assert page.input_value("#search-q") == "brask"
    assert page.locator("#search-results li").count() == 3


def test_search_page_without_javascript_says_it_needs_it(browser: Browser, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(url(site, "search.html"))
    assert "Search needs JavaScript" in tab.inner_text("main")
    tab.goto(url(site, "index.html"))
    # The filters do nothing without a script, so they stay hidden; the list is whole.
    assert not tab.locator("#facets").is_visible()
    assert tab.locator("#document-list > li:visible").count() == 3
    context.close()


def visible_documents(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#document-list > li:not([hidden]) h2 a", "links => links.map(a => a.getAttribute('href'))")


def test_facet_filters_combine_count_and_survive_a_reload(page: Page, site: Path) -> None:
    page.goto(url(site, "index.html"))
    assert page.locator("#facets").is_visible()
    assert len(visible_documents(page)) == 3
    page.select_option("#facet-year", "1958")
    assert visible_documents(page) == [DOCUMENT, "1958-06-03_varga-moll.html"]
    # Counts follow the other filters: within 1958, Brask is named in both documents.
    assert page.locator("#facet-person option[value='brask-olin']").inner_text() == \
        "Olin Brask (2)"
    page.select_option("#facet-month", "1958-06")
    assert visible_documents(page) == ["1958-06-03_varga-moll.html"]
    assert page.inner_text("#facets-status") == "Showing 1 of 3 documents."
    filtered = page.url
    assert filtered.endswith("#year=1958&month=1958-06")
    page.goto(url(site, "persons.html"))
    page.goto(filtered)
    page.reload()
    assert visible_documents(page) == ["1958-06-03_varga-moll.html"]
    assert page.input_value("#facet-month") == "1958-06"
    page.click("#facets-clear")
    page.wait_for_function("() => !location.hash")
    assert len(visible_documents(page)) == 3


def test_place_facet_and_place_link(page: Page, site: Path) -> None:
    page.goto(url(site, "index.html") + "#place=grey-point")
    assert visible_documents(page) == ["1957-11_brask.html"]
    page.click("#document-list > li:not([hidden]) h2 a")
    page.click("a.place >> nth=0")
    assert page.url == url(site, "places.html") + "#grey-point"
    entry = page.locator("#grey-point")
    assert entry.locator("h2").inner_text() == "Grey Point"
    assert entry.locator("ul.mentions li").count() == 1


def test_cite_block_copies_and_downloads_resolve(browser: Browser, site: Path) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(url(site, DOCUMENT))
    tab.click("button[data-copy='cite-chicago']")
    tab.wait_for_function("() => document.querySelector('.copy-status').textContent")
    assert tab.inner_text(".copy-status") == "Copied."
    copied = tab.evaluate("() => navigator.clipboard.readText()")
    assert copied == tab.inner_text("#cite-chicago")
    assert copied.startswith("\u201cTelegram from Envoy")
    tab.click("button[data-copy='cite-bibtex']")
    tab.wait_for_function("() => navigator.clipboard.readText().then(t => t.startsWith('@misc'))")
    # Each download link leads to its file: the TEI, the plain text, the CSL-JSON (from
    # file:// Chromium opens them rather than saving them; goto fails on a missing file).
    links = tab.eval_on_selector_all(".downloads a", "links => links.map(a => a.href)")
    received = {}
    for link in links:
        tab.goto(link)
        path = Path(unquote(urlsplit(link).path))
        received[path.name] = path.read_text(encoding="utf-8")
    stem = DOCUMENT.removesuffix(".html")
    assert sorted(received) == [f"{stem}.json", f"{stem}.txt", f"{stem}.xml"]
    assert received[f"{stem}.xml"].startswith("<?xml") and "Olin Brask" in received[f"{stem}.xml"]
    assert '"type": "manuscript"' in received[f"{stem}.json"]
    assert received[f"{stem}.txt"].startswith("Telegram from Envoy")
    context.close()


AXE_PAGES = ["index.html", "index.html#year=1958", DOCUMENT, "persons.html", "places.html",
             "organisations.html", "search.html?q=harbour", "about.html"]


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(page: Page, site: Path, name: str) -> None:
    require(AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing (npm ci)")
    file, query = re.match(r"([^?#]*)(.*)", name).groups()
    page.goto(url(site, file) + query)
    if name.startswith("search"):
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["passes"] is not None
    serious = [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.outside_requests == []


def test_axe_catches_a_serious_violation(page: Page, site: Path) -> None:
    # A check of the check: an image without a name and low contrast must be reported.
    require(AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing (npm ci)")
    page.set_content('<html><body><p style="color:#eee;background:#fff">faint</p>'
                     '<a href="x.html"></a></body></html>')
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = {v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")}
    assert {"color-contrast", "link-name"} <= found


def test_phone_layout_fits_the_screen(browser: Browser, site: Path) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    tab = context.new_page()
    for name in ("index.html", DOCUMENT, "persons.html", "places.html", "search.html",
                 "about.html"):
        tab.goto(url(site, name))
        width = tab.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], name
    context.close()


def test_print_layout_hides_navigation_and_keeps_the_notes(page: Page, site: Path) -> None:
    page.goto(url(site, DOCUMENT))
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert not page.locator("nav.pager").is_visible()
    assert page.locator("#fn-3").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus' TEI (the golden files) as a site: more to show than the test data."""
    out = tmp_path_factory.mktemp("corpus-site")
    report = render_paths([ROOT / "tests" / "test_corpus_tei"], out)
    assert report.ok, report.errors
    return out / "html"


def test_screenshots_of_search_filters_and_places(browser: Browser, corpus_site: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    site = corpus_site
    shots = {"search-results.png": url(site, "search.html") + "?q=quarantine",
             "index-filtered.png": url(site, "index.html") + "#year=1962&place=brazil",
             "places.png": url(site, "places.html")}
    for filename, address in shots.items():
        tab.goto(address)
        if "search" in filename:
            tab.wait_for_function("() => document.querySelectorAll('#search-results li').length")
        if "filtered" in filename:
            assert tab.locator("#document-list > li:not([hidden])").count() == 1
        target = SCREENSHOTS / filename
        tab.screenshot(path=str(target), full_page=True)
        assert target.read_bytes().startswith(b"\x89PNG")
    context.close()


def test_screenshots_of_a_document_page(browser: Browser, site: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {"document-desktop.png": (DESKTOP, 1), "document-phone.png": (PHONE, 2)}
    for filename, (viewport, scale) in shots.items():
        context = browser.new_context(viewport=viewport, device_scale_factor=scale)
        tab = context.new_page()
        tab.goto(url(site, DOCUMENT))
        target = SCREENSHOTS / filename
        tab.screenshot(path=str(target), full_page=True)
        context.close()
        data = target.read_bytes()
        assert data.startswith(b"\x89PNG")
        width = int.from_bytes(data[16:20], "big")
        assert width == viewport["width"] * scale
