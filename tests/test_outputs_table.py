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
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:tei-edition:functions">
  <xsl:include href="common/functions.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="'title: ' || f:title(/tei:TEI)"/>
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
    """A function that reads TEI for several outputs (f:note-number of the page and of the
    text, f:title of the page and of the records) has one home, common/functions.xsl; no
    name is defined in two files of xslt/, nor twice in one."""
    import re
    from collections import Counter

    pattern = re.compile(r'<xsl:function\s+name="([^"]+)"')
    texts = {p.relative_to(xslt_dir()).as_posix(): p.read_text(encoding="utf-8")
             for p in xslt_dir().rglob("*.xsl")}
    homes = Counter(n for t in texts.values() for n in pattern.findall(t))
    assert [n for n, c in homes.items() if c > 1] == []
    shared = set(pattern.findall(texts["common/functions.xsl"]))
    assert {"f:note-number", "f:note-index", "f:title", "f:display-name"} <= shared


def _included(name: str, texts: dict[str, str]) -> set[str]:
    """The files a stylesheet includes or imports, directly or not (paths below xslt/)."""
    import posixpath
    import re

    found: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        for href in re.findall(r'<xsl:(?:include|import)\s+href="([^"]+)"', texts[current]):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(current), href))
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


def test_every_output_reads_tei_through_the_shared_layer():
    """Every stylesheet of the table reaches common/functions.xsl, and every HTML output
    frames its pages with html/frame.xsl, the one home of the page template."""
    texts = {p.relative_to(xslt_dir()).as_posix(): p.read_text(encoding="utf-8")
             for p in xslt_dir().rglob("*.xsl")}
    frames = [n for n, t in texts.items() if '<xsl:template name="page"' in t]
    assert frames == ["html/frame.xsl"]
    for output in OUTPUTS:
        layers = _included(f"{output.stylesheet}.xsl", texts)
        assert "common/functions.xsl" in layers, output
        assert ("html/frame.xsl" in layers) == (output.suffix == ".html"), output
