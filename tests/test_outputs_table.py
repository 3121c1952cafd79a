"""The table of outputs (tei/outputs.py): adding a format is one row and one stylesheet.
A throwaway per-document output, registered for the test only, is written for every
document by the build, and taken away with the rest when its input is deleted."""

from __future__ import annotations

import shutil

import pytest

from tei import outputs
from tei.build import build
from tei.outputs import OUTPUTS, Kind, Output
from tei.render import default_renderer
from tei.resources import xslt_dir
from tests.conftest import CORPUS

TITLE_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="'title: ' || normalize-space(/tei:TEI/tei:teiHeader/tei:fileDesc
        /tei:titleStmt/tei:title[1])"/>
  </xsl:template>
</xsl:stylesheet>
"""


def test_every_row_has_its_stylesheet_and_a_name_of_its_own():
    assert len({o.name for o in OUTPUTS}) == len(OUTPUTS)
    for output in OUTPUTS:
        assert (xslt_dir() / f"{output.stylesheet}.xsl").is_file(), output


@pytest.fixture
def titles_output(tmp_path, monkeypatch):
    """The stylesheets with one more, and the table with its row."""
    stylesheets = tmp_path / "xslt"
    shutil.copytree(xslt_dir(), stylesheets)
    (stylesheets / "tei-to-title.xsl").write_text(TITLE_XSL, encoding="utf-8")
    row = Output("title", "tei-to-title", "titles", ".title.txt", Kind.PER_DOCUMENT)
    monkeypatch.setattr(outputs, "OUTPUTS", (*OUTPUTS, row))
    monkeypatch.setattr("tei.build.xslt_dir", lambda: stylesheets)
    monkeypatch.setattr("tei.render.xslt_dir", lambda: stylesheets)
    default_renderer.cache_clear()
    yield row
    default_renderer.cache_clear()


def test_a_registered_output_is_built_for_each_document_and_removed_with_it(
        titles_output, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    result = build(corpus, out)
    assert result.ok, result.findings
    stems = sorted(p.stem for p in corpus.glob("*.txt"))
    titles = sorted((out / "titles").glob("*.title.txt"))
    assert [p.name.removesuffix(".title.txt") for p in titles] == stems
    for path in titles:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("title: ") and len(text) > len("title: ")
    # The build counts the new file as the document's: gone with its input.
    gone = corpus / f"{stems[0]}.txt"
    gone.unlink()
    result = build(corpus, out)
    assert out / "titles" / f"{stems[0]}.title.txt" in result.removed
    assert not (out / "titles" / f"{stems[0]}.title.txt").exists()
    assert (out / "titles" / f"{stems[1]}.title.txt").is_file()


def test_render_writes_a_registered_output(titles_output, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    result = build(corpus, tmp_path / "built")
    assert result.ok
    tei = sorted((tmp_path / "built" / "tei").glob("*.xml"))
    report = default_renderer().render_site(tei, tmp_path / "site")
    assert report.ok, report.errors
    for path in tei:
        assert (tmp_path / "site" / "titles" / f"{path.stem}.title.txt").is_file()


def test_each_function_of_the_stylesheets_is_defined_once():
    """A function read by several outputs (f:note-number of the page and of the text) has
    one home, common.xsl. The record stylesheets' layer (records-common.xsl) is counted
    apart: no stylesheet includes it beside common.xsl."""
    import re
    from collections import Counter

    pattern = re.compile(r'<xsl:function name="([^"]+)"')
    texts = {p: p.read_text(encoding="utf-8") for p in xslt_dir().rglob("*.xsl")}
    site = [t for p, t in texts.items() if p.name != "records-common.xsl"
            and "records-common.xsl" not in t]
    names = Counter(n for t in site for n in pattern.findall(t))
    assert names["f:note-number"] == 1
    assert [n for n, c in names.items() if c > 1] == []
