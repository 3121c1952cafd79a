"""Where the installed ``tei`` command puts its outputs: files keep their place below the
folder given, so files of the same name in different folders never share an output."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.conftest import CORPUS
from tests.test_cli import tei

SEED = CORPUS / "1962-11-12_dobrynin.txt"
OTHER = CORPUS / "1962-11-06_kuznetsov-zorin.txt"


def two_reports(root: Path) -> Path:
    """coll/a/report.txt and coll/b/report.txt: two documents, one file name."""
    coll = root / "coll"
    for folder, seed in (("a", SEED), ("b", OTHER)):
        (coll / folder).mkdir(parents=True)
        (coll / folder / "report.txt").write_bytes(seed.read_bytes())
    (coll / "persons.xml").write_bytes((CORPUS / "persons.xml").read_bytes())
    return coll


def test_convert_keeps_the_folders(tmp_path):
    coll = two_reports(tmp_path)
    out = tmp_path / "out"
    run = tei("convert", str(coll), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "converted 2 of 2 file(s)" in run.stdout
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.xml")) == [
        "a/report.xml", "b/report.xml"]
    assert "Dobrynin" in (out / "a" / "report.xml").read_text(encoding="utf-8")


def test_convert_never_overwrites_an_output_of_the_same_run(tmp_path):
    coll = two_reports(tmp_path)
    out = tmp_path / "out"
    run = tei("convert", str(coll / "a" / "report.txt"), str(coll / "b" / "report.txt"),
              "-o", str(out))
    assert run.returncode == 1
    assert "converted 1 of 2 file(s); 1 failed" in run.stdout
    assert "already written in this run" in run.stderr
    assert "Dobrynin" in (out / "report.xml").read_text(encoding="utf-8")


def test_build_keeps_the_folders_and_links_every_page(tmp_path):
    coll = two_reports(tmp_path)
    out = tmp_path / "out"
    run = tei("build", str(coll), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 document(s): 2 converted, 2 valid, 2 rendered" in run.stdout
    for name in ("a/report", "b/report"):
        assert (out / "tei" / f"{name}.xml").is_file()
        assert (out / "text" / f"{name}.txt").is_file()
        assert (out / "html" / f"{name}.html").is_file()
    index = etree.parse(str(out / "html" / "index.html"), etree.HTMLParser())
    links = set(index.xpath("//a/@href"))
    assert {"a/report.html", "b/report.html"} <= links
    page = etree.parse(str(out / "html" / "a" / "report.html"), etree.HTMLParser())
    hrefs = page.xpath("//a/@href | //link/@href")
    assert "../edition.css" in hrefs and "../index.html" in hrefs
    for href in hrefs:
        if not href.startswith(("#", "http")):
            target = (out / "html" / "a" / href.split("#")[0]).resolve()
            assert target.is_file(), href


def test_render_keeps_the_folders(tmp_path):
    coll = two_reports(tmp_path)
    tei_out = tmp_path / "tei"
    assert tei("convert", str(coll), "-o", str(tei_out)).returncode == 0
    out = tmp_path / "site"
    run = tei("render", str(tei_out), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert (out / "html" / "a" / "report.html").is_file()
    assert (out / "html" / "b" / "report.html").is_file()
    assert "2 document(s): 2 rendered" in run.stdout


def test_upper_case_suffixes_are_inputs(tmp_path):
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "LOUD.TXT").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    run = tei("convert", str(coll), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "converted 1 of 1 file(s)" in run.stdout
    assert (out / "LOUD.xml").is_file()
    (out / "LOUD.xml").rename(out / "LOUD.XML")
    run = tei("validate", str(out))
    assert "1 file checked" in run.stderr, run.stderr


def test_a_document_named_like_a_site_page_does_not_overwrite_it(tmp_path):
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "index.txt").write_bytes(SEED.read_bytes())
    (coll / "sub").mkdir()
    (coll / "sub" / "index.txt").write_bytes(OTHER.read_bytes())
    out = tmp_path / "out"
    run = tei("build", str(coll), "-o", str(out))
    assert run.returncode == 1
    assert "index.html is the site's own page" in run.stderr
    assert "2 document(s): 2 converted, 2 valid, 1 rendered" in run.stdout
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="sub/index.html"' in index
    assert (out / "html" / "sub" / "index.html").is_file()
