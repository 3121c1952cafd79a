"""One set of depth and attribute limits: what tei validate accepts, tei render renders, and
a document over them is reported by name while the rest of the site is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei import render
from tei.limits import MAX_ATTRIBUTES, MAX_ELEMENT_DEPTH, SAXON_MAX_DEPTH
from tei.render import render_paths
from tei.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.tei.xml"
SCRIPT = Path(sys.executable).parent / "tei"
ANCHOR = "<p>... but he thought"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def anchor_depth() -> int:
    """The level of the paragraph the nesting goes into (TEI is level 1)."""
    root = etree.parse(str(EXAMPLE)).getroot()
    [p] = [p for p in root.iter(f"{{{TEI_NS}}}p") if (p.text or "").startswith("... but he")]
    return len(list(p.iterancestors())) + 1


def nested_to(depth: int, name: str) -> str:
    """The example with hi elements inside the paragraph until the document is ``depth``
    levels deep."""
    inner = depth - anchor_depth()
    return EXAMPLE.read_text(encoding="utf-8").replace(
        ANCHOR, "<p>" + "<hi>" * inner + "x" + "</hi>" * inner + "... but he thought", 1
    ).replace('xml:id="wcda-110442"', f'xml:id="{name}"', 1)


def with_attributes(count: int, name: str) -> str:
    attributes = " ".join(f'a{n}="x"' for n in range(count))
    return EXAMPLE.read_text(encoding="utf-8").replace(
        ANCHOR, f"<p><hi {attributes}>x</hi>... but he thought", 1
    ).replace('xml:id="wcda-110442"', f'xml:id="{name}"', 1)


def xml_rules(path: Path) -> set[str]:
    return {i.rule for i in validate_paths([path]).issues if i.rule.startswith("xml-")}


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize(("make", "at_limit", "rule"), [
    (nested_to, MAX_ELEMENT_DEPTH, "xml-too-deep"),
    (with_attributes, MAX_ATTRIBUTES, "xml-too-many-attributes"),
])
def test_validate_accepts_exactly_what_render_can_render(tmp_path, make, at_limit, rule):
    for size, accepted in ((at_limit, True), (at_limit + 1, False)):
        folder = tmp_path / str(size)
        folder.mkdir()
        path = folder / "doc.xml"
        path.write_text(make(size, "doc"), encoding="utf-8")
        assert (rule not in xml_rules(path)) is accepted
        report = render_paths([path], folder / "site")
        assert (report.rendered == 1) is accepted, report.errors
        assert (folder / "site" / "html" / "doc.html").exists() is accepted


def test_tei_render_reports_the_deep_and_the_crowded_document_and_renders_the_rest(tmp_path):
    corpus = tmp_path / "tei"
    corpus.mkdir()
    (corpus / "deep.xml").write_text(nested_to(anchor_depth() + 95, "deep"), encoding="utf-8")
    (corpus / "crowded.xml").write_text(with_attributes(50_000, "crowded"), encoding="utf-8")
    (corpus / "fine.xml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "site"
    run = subprocess.run([str(SCRIPT), "render", str(corpus), "-o", str(out)],
                         capture_output=True, text=True, timeout=600, env=dict(os.environ))
    assert run.returncode == 1
    assert "3 document(s): 1 rendered, 2 error(s)" in run.stdout
    line = next(n for n, text in enumerate((corpus / "deep.xml").read_text().splitlines(), 1)
                if "<p><hi>" in text)
    assert f"{corpus / 'deep.xml'}:{line}: elements are nested more than {MAX_ELEMENT_DEPTH}" \
        in run.stderr
    assert f"{corpus / 'crowded.xml'}:{line}: <hi> has more than {MAX_ATTRIBUTES} attributes" \
        in run.stderr
    pages = {p.name for p in (out / "html").glob("*.html")}
    assert "fine.html" in pages and {"index.html", "persons.html"} <= pages
    assert not pages & {"deep.html", "crowded.html"}


def test_a_document_saxon_refuses_is_left_out_even_past_the_guard(tmp_path, monkeypatch):
    # Should the guard and Saxon ever disagree, Saxon's refusal still stays one document's.
    monkeypatch.setattr(render, "first_excess", lambda root: None)
    # Deeper than Saxon reads at all: a reading page is made from the document alone.
    (tmp_path / "deep.xml").write_text(nested_to(SAXON_MAX_DEPTH + 1, "deep"),
                                       encoding="utf-8")
    (tmp_path / "fine.xml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    report = render_paths([tmp_path / "deep.xml", tmp_path / "fine.xml"], tmp_path / "site")
    assert report.rendered == 1
    [error] = report.errors
    assert error.startswith(f"{tmp_path / 'deep.xml'}: ") and "depth" in error
    assert (tmp_path / "site" / "html" / "fine.html").exists()
    assert (tmp_path / "site" / "html" / "index.html").exists()
