"""The lossless check refuses TEI that lost, moved or doubled a character."""

from __future__ import annotations

import pytest
from lxml import etree

from tei.errors import LosslessError
from tei.fidelity import check, check_envelope, source_text
from tei.model import Consumed, Document, Field, Header, Part
from tei.namespaces import T

SOURCE = "Citation:\n\nA cable.\n\nHe said,¹ then left.\n\n1. A note."


def document() -> Document:
    return Document(name="x.txt", source=SOURCE, header=Header(), blocks=[], footnotes=[],
                    consumed=[Consumed(0, 9, "label"), Consumed(43, 45, "footnote number")])


def element(xml: str) -> etree._Element:
    return etree.fromstring(f'<w xmlns="http://www.tei-c.org/ns/1.0">{xml}</w>')[0]


def parts(paragraph: str, note_text: str = "A note.") -> list[Part]:
    p = element(paragraph)
    note = p.find(T("note"))
    result = [Part("citation", 11, 19, element("<bibl>A cable.</bibl>")),
              Part("block", 21, 41, p)]
    if note is not None:
        note_el = note
        note_el.text = note_text
        result.append(Part("footnote", 46, 53, note_el))
    return result


def test_exact_encoding_passes():
    check(document(), parts('<p>He said,<note place="foot" n="1" rend="superscript"/> '
                            'then left.</p>'))


def test_a_dropped_word_is_refused_with_its_line():
    with pytest.raises(LosslessError, match=r"x.txt:5: .*block"):
        check(document(), parts('<p>He said,<note place="foot" n="1" rend="superscript"/> '
                                'left.</p>'))


def test_a_marker_in_the_wrong_style_is_refused():
    with pytest.raises(LosslessError):
        check(document(), parts('<p>He said,<note place="foot" n="1"/> then left.</p>'))


def test_a_changed_footnote_text_is_refused():
    with pytest.raises(LosslessError, match="footnote"):
        check(document(), parts('<p>He said,<note place="foot" n="1" rend="superscript"/> '
                                'then left.</p>', note_text="A nose."))


def test_text_in_no_part_is_refused():
    with pytest.raises(LosslessError, match=r"x.txt:7: this text is not in the TEI: 'A note.'"):
        check(document(), parts("<p>He said,¹ then left.</p>"))


def test_text_claimed_twice_is_refused():
    doc = document()
    doc.consumed.append(Consumed(11, 12, "label"))
    with pytest.raises(LosslessError, match="placed twice"):
        check(doc, parts('<p>He said,<note place="foot" n="1" rend="superscript"/> '
                         'then left.</p>'))


def test_gap_description_and_brackets_count_as_text():
    el = element('<p>a [<gap reason="illegible"><desc>illegible</desc></gap>] b<pb/>c</p>')
    assert source_text(el) == "a [illegible] bc"


def test_envelope_may_drop_only_a_bom_and_whitespace():
    doc = document()
    check_envelope("\ufeff" + SOURCE.replace("\n", "\r\n"), doc)
    with pytest.raises(LosslessError):
        check_envelope(SOURCE + "x", doc)


# Stars above a starred title (issue: "****" or "** **" taken as the title's markup).
STARRED = "November 6, 1962\n\n{stars}\n**Telegram from the envoy**\n\nThe talk began."


def test_stars_taken_as_markup_of_no_title_are_refused():
    doc = Document(name="x.txt", source="****\n**T**", header=Header(title=Field("T", 7, 8)),
                   blocks=[], footnotes=[],
                   consumed=[Consumed(0, 2, "title markup"), Consumed(2, 4, "title markup"),
                             Consumed(5, 7, "title markup"), Consumed(8, 10, "title markup")])
    title = element("<title>T</title>")
    with pytest.raises(LosslessError, match=r"x.txt:1: '\*\*' was taken as the markup"):
        check(doc, [Part("title", 7, 8, title)])


@pytest.mark.parametrize("stars", ["****", "** **", "****\n", "** **\n"])
def test_stars_above_a_starred_title_are_kept(stars):
    from tei.convert import convert_document, make_finders
    from tei.parse import parse_text
    from tei.settings import EditionSettings

    text = STARRED.format(stars=stars)
    doc = parse_text(text, "x.txt")
    assert doc.header.title is not None and doc.header.title.text == "Telegram from the envoy"
    data, _ = convert_document(doc, text, make_finders([]), EditionSettings(), "2024-01-01")
    root = etree.fromstring(data)
    body_and_header = "".join(root.itertext())
    assert stars.strip() in body_and_header
