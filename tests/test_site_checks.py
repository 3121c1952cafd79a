"""The built site as a whole: every internal link and anchor resolves, and the Nu HTML
Checker finds no error on any page or in the stylesheet."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from tei.render import render_paths
from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "render"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    report = render_paths([DATA], out)
    assert report.ok, report.errors
    return out / "html"


def internal_references(page: lxml_html.HtmlElement) -> list[str]:
    """Every address the page points at, and every id it refers to by attribute."""
    refs = page.xpath("//a/@href | //link/@href | //script/@src | //img/@src")
    refs += ["#" + ref for ref in page.xpath("//@popovertarget")]
    refs += ["#" + ref for value in page.xpath("//@aria-labelledby | //@aria-describedby")
             for ref in value.split()]
    return [ref for ref in refs if not urlsplit(ref).scheme]


def broken_links(site: Path) -> tuple[list[str], int]:
    """Internal references of every page of ``site`` that lead nowhere, and how many
    references were checked."""
    parsed = {path: lxml_html.fromstring(path.read_bytes()) for path in sorted(site.glob("*.html"))}
    ids = {path: set(page.xpath("//@id")) for path, page in parsed.items()}
    broken: list[str] = []
    checked = 0
    for path, page in parsed.items():
        for ref in internal_references(page):
            parts = urlsplit(ref)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            checked += 1
            if not target.is_file():
                broken.append(f"{path.name}: {ref} (no such file)")
            elif parts.fragment and parts.fragment not in ids.get(target, set()):
                broken.append(f"{path.name}: {ref} (no such anchor)")
    return broken, checked


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    assert len(list(site.glob("*.html"))) == 3 + 6
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 40


def test_crawl_reports_missing_pages_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<p id="top"><a href="#top">ok</a> <a href="#nowhere">x</a> <a href="b.html#top">y</a>'
        ' <a href="gone.html">z</a> <button popovertarget="pop">n</button>'
        ' <a href="https://example.org/">outside</a></p>')
    (tmp_path / "b.html").write_text('<p id="other">b</p>')
    broken, checked = broken_links(tmp_path)
    assert broken == ["a.html: #nowhere (no such anchor)", "a.html: b.html#top (no such anchor)",
                      "a.html: gone.html (no such file)", "a.html: #pop (no such anchor)"]
    assert checked == 5


def test_ids_are_unique_on_every_page(site: Path) -> None:
    for path in site.glob("*.html"):
        values = lxml_html.fromstring(path.read_bytes()).xpath("//@id")
        assert len(values) == len(set(values)), path.name


def test_nu_html_checker_reports_no_error(site: Path) -> None:
    java = shutil.which("java")
    require(java is not None, "java is not installed")
    require(VNU_JAR.is_file(), f"{VNU_JAR.relative_to(ROOT)} is missing (npm ci)")
    files = sorted(str(p) for p in site.glob("*.html")) + [str(site / "edition.css")]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--also-check-css", *files],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr + result.stdout


def test_nu_html_checker_catches_an_error(tmp_path: Path) -> None:
    # A page the checker must refuse, so a silent checker cannot pass the test above.
    java = shutil.which("java")
    require(java is not None, "java is not installed")
    require(VNU_JAR.is_file(), f"{VNU_JAR.relative_to(ROOT)} is missing (npm ci)")
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", str(bad)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode != 0 and "error" in result.stderr
