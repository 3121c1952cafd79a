"""The quoted context of a first mention (xslt/html/context.xsl), against its definition.

The stylesheet squeezes only as much of the text around a mention as the quote can show;
the quote must be the one made from the whole squeezed text of the mention's block, for
any split of that text into nodes, any white space and a note inside the block."""

from __future__ import annotations

import random
import re

import pytest
from lxml import etree

from tei.namespaces import SITE_NS, TEI_NS
from tei.render import Renderer

T = f"{{{TEI_NS}}}"
WIDTH = 70
_SPACE = "[ \t\r\n]"  # XPath's \s, and what normalize-space collapses


def squeeze(text: str) -> str:
    return re.sub(f"{_SPACE}+", " ", text)


def expected_quote(before: str, name: str, after: str) -> str:
    before, after = squeeze(before), squeeze(after)
    head = ("…" + re.sub(f"^[^ \t\r\n]*{_SPACE}", "", before[-(WIDTH + 1):], count=1)
            if len(before) > WIDTH else re.sub(f"^{_SPACE}+", "", before))
    tail = (re.sub(f"{_SPACE}[^ \t\r\n]*$", "", after[:WIDTH], count=1) + "…"
            if len(after) > WIDTH else re.sub(f"{_SPACE}+$", "", after))
    return f"“{head}{squeeze(name).strip(' ')}{tail}”"


def _words(rng: random.Random, count: int) -> str:
    pieces = []
    for _ in range(count):
        pieces.append(rng.choice(["a", "word", "Minister", "x" * rng.randint(1, 30), ","]))
        pieces.append(rng.choice([" ", " ", "  ", "\n      ", "\t", ""]))
    return "".join(pieces)


def _paragraph(rng: random.Random) -> tuple[etree._Element, str, str, str]:
    """A paragraph with one mention, and the texts before and after it that count."""
    p = etree.Element(f"{T}p")
    before, after = [], []
    p.text = text = _words(rng, rng.randint(0, 12))
    before.append(text)
    mention_done = False
    for _ in range(rng.randint(1, 8)):
        kind = rng.choice(["hi", "note", "mention"] if not mention_done else ["hi", "note"])
        if kind == "note":
            child = etree.SubElement(p, f"{T}note", place="foot")
            child.text = _words(rng, rng.randint(1, 6))  # not the paragraph's words
        else:
            child = etree.SubElement(p, f"{T}persName" if kind == "mention" else f"{T}hi")
            if kind == "mention":
                child.set("ref", "#someone")
                mention_done = True
            child.text = _words(rng, rng.randint(1, 3)) or "N"
            if kind == "hi":
                (after if mention_done else before).append(child.text)
        child.tail = text = _words(rng, rng.randint(0, 12))
        (after if mention_done else before).append(text)
    if not mention_done:
        child = etree.SubElement(p, f"{T}persName", ref="#someone")
        child.text = "T.  Ferenc"
        child.tail = text = _words(rng, rng.randint(0, 20))
        after.append(text)
    mention = next(p.iter(f"{T}persName"))
    return p, "".join(before), mention.text or "", "".join(after)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def test_a_quote_is_made_from_the_whole_squeezed_block(renderer: Renderer) -> None:
    rng = random.Random(1962)
    long_before = long_after = 0
    for _ in range(250):
        paragraph, before, name, after = _paragraph(rng)
        tei = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
        etree.SubElement(etree.SubElement(tei, f"{T}text"), f"{T}body").append(paragraph)
        record = etree.fromstring(renderer.transform(
            Renderer.SUMMARY, etree.tostring(tei, encoding="unicode"), stem="d", href="d.html"))
        (context,) = record.iter(f"{{{SITE_NS}}}context")
        assert "".join(context.itertext()) == expected_quote(before, name, after), (
            etree.tostring(paragraph, encoding="unicode"))
        long_before += len(squeeze(before)) > WIDTH
        long_after += len(squeeze(after)) > WIDTH
    assert long_before > 40 and long_after > 40  # both cuts were met often
