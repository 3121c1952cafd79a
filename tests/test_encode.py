"""The encoder on invented documents: where each kind of block goes, and that the result
is valid TEI (tei_all) and holds every character."""

from __future__ import annotations

import pytest
from lxml import etree

from tei.convert import Finders, convert_document
from tei.parse import parse_text
from tei.settings import EditionSettings

NS = {"t": "http://www.tei-c.org/ns/1.0"}

TELEGRAM = """\

March 3, 1961
**Cable from the Envoy in Lisbon to the Ministry**

Citation:

"Cable from the Envoy in Lisbon to the Ministry", March 3, 1961, Wilson Center Digital Archive, Archive of Nowhere; trans. P. Example <https://digitalarchive.wilsoncenter.org/document/999001>

Summary:

The envoy reports on talks about a harbour treaty.

Original Language:

Polish

Contents:

Translation - English

TOP SECRET
Copy No. 2
URGENT

Lisbon, 3 March 1961

The talks of 1 March went on for six hours [...] and ended without an agreement.¹

I.

The first point concerned the harbour dues [of the] northern port [word illegible].

1. The second point was left for the meeting of 14-15 March.

3.III.61 P. ONE

Q. TWO

R. THREE

1. The record of the talks follows separately.

2. A note whose marker was lost.
"""


@pytest.fixture(scope="module")
def tree() -> etree._ElementTree:
    doc = parse_text(TELEGRAM, "invented.txt")
    data, result = convert_document(doc, TELEGRAM, Finders(), EditionSettings(), "2024-01-02")
    return etree.fromstring(data).getroottree()


def xp(tree, expr):
    return tree.xpath(expr, namespaces=NS)


def test_opener_lines_are_typed_segs(tree):
    segs = [(s.get("type"), s.text) for s in xp(tree, "//t:opener/t:seg")]
    assert ("classification", "TOP SECRET") in segs
    assert any(text == "Copy No. 2" for _, text in segs)
    assert xp(tree, "//t:opener/t:dateline[t:date/@when='1961-03-03']")


def test_heading_starts_a_section(tree):
    sections = xp(tree, "//t:div[@type='document']/t:div[@type='section']")
    assert len(sections) == 1
    assert sections[0].findtext("t:head", namespaces=NS) == "I."
    assert xp(sections[0], "t:p/t:label[@type='section'][.='1.']")


def test_three_signers(tree):
    signed = [s.xpath("string()") for s in xp(tree, "//t:closer/t:signed")]
    assert signed == ["P. ONE", "Q. TWO", "R. THREE"]
    assert xp(tree, "//t:closer/t:dateline/t:date[@when='1961-03-03']")


def test_footnote_at_marker_and_unmarked_one_after_closer(tree):
    placed = xp(tree, "//t:p//t:note[@place='foot']")
    assert [(n.get("n"), n.get("rend")) for n in placed] == [("1", "superscript")]
    after = xp(tree, "//t:div[@type='document']/t:note[@place='foot']")
    assert [n.get("n") for n in after] == ["2"]
    assert after[0].getprevious().tag == f"{{{NS['t']}}}closer"


def test_brackets_stay_and_are_marked(tree):
    assert xp(tree, "//t:gap[@reason='omitted']/t:desc[.='...']")
    assert xp(tree, "//t:gap[@reason='illegible']/t:desc[.='word illegible']")
    assert xp(tree, "//t:supplied[.='of the']")
    text = "".join(xp(tree, "//t:div[@type='section']/t:p[1]")[0].itertext())
    assert "[of the]" in text and "[word illegible]" in text


def test_range_date(tree):
    assert xp(tree, "//t:date[@from='1961-03-14'][@to='1961-03-15']")


def test_header(tree):
    assert xp(tree, "/t:TEI/@xml:id") == ["wcda-999001"]
    assert xp(tree, "//t:langUsage/t:language[@ident='pl'][.='Polish']")
    assert xp(tree, "//t:respStmt[@xml:id='translator']/t:name[.='P. Example']")
    assert xp(tree, "//t:bibl[@type='citation']/t:orgName[.='Archive of Nowhere']")
    assert xp(tree, "//t:revisionDesc/t:change[@when='2024-01-02']")


def test_valid_against_tei_all(tree, tei_all):
    assert tei_all.validate(tree), str(tei_all.error_log)
