"""The parts the checks read are those their XPath definitions give, in any structure.

The editorial checks run on documents the grammar refused too, so the parts are compared
with the XPaths they stand for on documents whose texts, notes, sources and names were
copied, moved and renamed at random: a text inside a text or a note, a sourceDesc in the
body, a date in a note outside the text.
"""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei.validate.fast import OWNERS
from tei.validate.parts import DocumentParts

ROOT = Path(__file__).resolve().parent.parent
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI_NS}
SEEDS = [ROOT / "docs" / "example.tei.xml",
         *sorted((Path(__file__).parent / "test_corpus_tei").glob("*.xml")),
         *sorted((Path(__file__).parent / "data" / "validate" / "editorial").glob("*.xml"))]
KINDS = ["text", "body", "note", "sourceDesc", "date", "persName", "placeName", "orgName",
         "person", "place", "org", "idno", "p"]


def xpath(root: etree._Element, expression: str) -> list:
    return etree.XPath(expression, namespaces=NS, smart_strings=False)(root)


def _damage(root: etree._Element, data: st.DataObject) -> None:
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    target = data.draw(st.sampled_from(elements))
    action = data.draw(st.sampled_from(["copy-into", "move", "rename", "ref", "id"]))
    if action == "copy-into":
        kind = data.draw(st.sampled_from(KINDS))
        found = list(root.iter(f"{{{TEI_NS}}}{kind}"))
        if found:
            twin = copy.deepcopy(data.draw(st.sampled_from(found)))
            for element in twin.iter():
                element.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            target.insert(data.draw(st.integers(0, len(target))), twin)
    elif action == "move" and target.getparent() is not None:
        destination = data.draw(st.sampled_from(elements))
        if target not in destination.iterancestors() and destination is not target:
            destination.append(target)
    elif action == "rename" and target is not root:
        target.tag = f"{{{TEI_NS}}}{data.draw(st.sampled_from(KINDS))}"
    elif action == "ref":
        target.set("ref", data.draw(st.sampled_from(["#nobody", "", "a #b", "#ed"])))
    elif action == "id":
        target.set("{http://www.w3.org/XML/1998/namespace}id",
                   data.draw(st.sampled_from(["p1", "ed", "x"])))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_each_part_is_what_its_xpath_gives(data):
    tree = etree.parse(str(data.draw(st.sampled_from(SEEDS))))
    root = tree.getroot()
    for _ in range(data.draw(st.integers(1, 6))):
        _damage(root, data)
    parts = DocumentParts(root)
    for kind in ("persName", "placeName", "orgName", "date", "note"):
        assert parts.in_text(f"{{{TEI_NS}}}{kind}") == xpath(root, f"//tei:text//tei:{kind}")
    assert parts.source_dates == xpath(root, "//tei:sourceDesc//tei:date")
    assert parts.notes == xpath(root, "//tei:note")
    assert parts.dates_in_notes == set(xpath(root, "//tei:date[ancestor::tei:note]"))
    assert parts.bodies == xpath(root, "//tei:text/tei:body")
    assert parts.ids == set(xpath(root, "//@xml:id"))
    assert parts.pointer_values == xpath(
        root, "//@ref | //@who | //@resp | //@sameAs | //@target")
    assert OWNERS["headerDate"](parts) == xpath(root, "//tei:date[not(ancestor::tei:text)]")
    assert OWNERS["authorityIdno"](parts) == xpath(
        root, "//tei:person/tei:idno | //tei:place/tei:idno | //tei:org/tei:idno")


def test_a_text_inside_a_text_gives_its_names_once():
    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><p><persName>A</persName></p>'
        '<floatingText><text><body><p><persName>B</persName><date/></p></body></text>'
        '</floatingText></body></text></TEI>')
    parts = DocumentParts(root)
    names = parts.in_text(f"{{{TEI_NS}}}persName")
    assert [name.text for name in names] == ["A", "B"]
    assert len(parts.in_text(f"{{{TEI_NS}}}date")) == 1
    assert len(parts.bodies) == 2
