"""Markdown-style emphasis of the source (*Title*, _word_): found, encoded as hi with
the delimiters recorded in @rend, given back by the lossless check, valid against the
project schema, shown as italics on the page and as the source wrote it in the text."""

from __future__ import annotations

import pytest
from lxml import etree

from tei.annotate.emphasis import find_emphasis
from tei.convert import Finders, convert_document
from tei.errors import LosslessError
from tei.fidelity import source_text
from tei.parse import parse_text
from tei.render import SourceDocument, default_renderer
from tei.settings import EditionSettings
from tests.test_encode import TELEGRAM

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def found(text: str) -> list[tuple[str, str | None]]:
    return [(text[s.start:s.end], s.attr("rend")) for s in find_emphasis(text)
            if s.kind == "hi"]


@pytest.mark.parametrize(("text", "expected"), [
    ("See *The Lamp Book*.", [("*The Lamp Book*", "italic asterisks")]),
    ("It was _not_ sent.", [("_not_", "italic underscores")]),
    ("*One* and *two*.", [("*One*", "italic asterisks"), ("*two*", "italic asterisks")]),
    ("a footnote mark IL-28* and another*", []),
    ("file_name_here and snake_case", []),
    ("**Bold title**", []),
    ("* not emphasis *", []),
    ("2 * 3 * 4", []),
])
def test_what_counts_as_emphasis(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("See *The Lamp Book* (Oslo: Fjord Press, 1950), 12.", "title"),
    ("in _Lamps_ (London, 1950)", "title"),
    ("See *The Lamp Book* (a guide).", "hi"),
    ("See *The Lamp Book*, 1950.", "hi"),
])
def test_emphasis_before_publication_facts_is_a_cited_title(text: str, kind: str) -> None:
    assert [s.kind for s in find_emphasis(text)] == [kind]


def test_taken_ranges_are_left_alone() -> None:
    assert find_emphasis("x *y* z", taken=[(2, 3)]) == []


SOURCE = TELEGRAM.replace(
    "The envoy reports on talks about a harbour treaty.",
    "The envoy reports on talks about a harbour treaty.").replace(
    "went on for six hours [...] and ended",
    "went on for six hours [...] as *The Harbour Gazette* said, and _nearly_ ended").replace(
    "1. The record of the talks follows separately.",
    "1. The record follows in *Notes on the Talks*, volume 2, and in _The Harbour Book_"
    " (Lisbon: Tagus Press, 1960), 14.")


@pytest.fixture(scope="module")
def tei() -> etree._Element:
    doc = parse_text(SOURCE, "invented.txt")
    data, _ = convert_document(doc, SOURCE, Finders(), EditionSettings(), "2024-01-02")
    return etree.fromstring(data)


def test_emphasis_becomes_hi_without_its_delimiters(tei: etree._Element) -> None:
    his = tei.xpath("//t:body//t:hi", namespaces=NS)
    assert [(h.text, h.get("rend")) for h in his] == [
        ("The Harbour Gazette", "italic asterisks"), ("nearly", "italic underscores"),
        ("Notes on the Talks", "italic asterisks")]
    # The footnote's hi is inside the note.
    assert his[2].getparent().tag == "{http://www.tei-c.org/ns/1.0}note"
    paragraph = his[0].getparent()
    assert "*" not in "".join(paragraph.itertext())
    # The lossless check's reading gives back every source character.
    assert "as *The Harbour Gazette* said, and _nearly_ ended" in source_text(paragraph)


def test_a_cited_book_is_a_title(tei: etree._Element) -> None:
    (title,) = tei.xpath("//t:body//t:title", namespaces=NS)
    assert (title.text, title.get("level"), title.get("rend")) == (
        "The Harbour Book", "m", "italic underscores")
    assert "_The Harbour Book_ (Lisbon" in source_text(title.getparent())


def test_a_lost_delimiter_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import tei.fidelity

    monkeypatch.setattr(tei.fidelity, "delimiter", lambda rend: "")
    doc = parse_text(SOURCE, "invented.txt")
    with pytest.raises(LosslessError, match="does not hold the source text"):
        convert_document(doc, SOURCE, Finders(), EditionSettings(), "2024-01-02")


def test_emphasis_is_valid_against_the_project_schema(tei: etree._Element, tmp_path) -> None:
    from tei.validate import validate_paths

    path = tmp_path / "emphasis.xml"
    path.write_bytes(etree.tostring(tei, xml_declaration=True, encoding="UTF-8"))
    report = validate_paths([path])
    errors = [str(i) for f in report.files for i in f.issues if i.severity == "error"]
    assert errors == []


def test_italics_on_the_page_and_delimiters_in_the_text(tei: etree._Element) -> None:
    document = SourceDocument(path=None, stem="emphasis", root=tei)  # type: ignore[arg-type]
    html = default_renderer().html(document)
    assert '<i class="hi">The Harbour Gazette</i>' in html
    assert '<i class="hi">nearly</i>' in html
    assert '<cite class="title">The Harbour Book</cite>' in html
    text = " ".join(default_renderer().text(document).split())
    assert "as *The Harbour Gazette* said, and _nearly_" in text
    assert "in _The Harbour Book_ (Lisbon" in text
