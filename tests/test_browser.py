"""The reading site in a real headless Chromium: footnotes open in place, person links
reach the register, editorial marks explain themselves on focus, axe-core finds no
serious or critical problem, nothing is fetched from outside, and the document page is
photographed at desktop and phone width for the documentation."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

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


@pytest.mark.parametrize("name", ["index.html", DOCUMENT, "persons.html"])
def test_axe_finds_no_serious_or_critical_violation(page: Page, site: Path, name: str) -> None:
    require(AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing (npm ci)")
    page.goto(url(site, name))
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
    for name in ("index.html", DOCUMENT, "persons.html"):
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
