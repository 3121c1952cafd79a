"""Layout artifacts that cut through the text (FORMAT.md K2, K4), with invented wording."""

from __future__ import annotations

import pytest

from tei.model import Block, Document
from tei.parse import source_ranges
from tests.test_parse_text import HEADER, parse


def body(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.section == "body"]


# --- K2. End-of-line hyphenation --------------------------------------------------------------


def test_k2_every_folded_hyphen_is_recorded() -> None:
    doc = parse(HEADER + "The con-\nsul and the am-\nbassador met.\n")
    [p] = body(doc)
    assert p.text == "The con-sul and the am-bassador met."
    assert [p.text[:at] for at in p.hyphenations] == ["The con-", "The con-sul and the am-"]


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        ("The talks went on --\nand on.", "The talks went on -- and on."),  # a dash
        ("The talks went on -\nand on.", "The talks went on - and on."),  # a spaced dash
        ("The envoy of Austria-\nHungary came.", "The envoy of Austria- Hungary came."),
        ("The years 1961-\n1962 were calm.", "The years 1961- 1962 were calm."),
        ("The word ends in a-\n(bracketed) note.", "The word ends in a- (bracketed) note."),
    ],
)
def test_k2_only_a_letter_hyphen_before_a_lower_case_start_is_folded(
    lines: str, text: str
) -> None:
    [p] = body(parse(HEADER + lines + "\n"))
    assert (p.text, p.hyphenations) == (text, ())


def test_k2_no_fold_across_a_blank_line() -> None:
    doc = parse(HEADER + "The envoy came in Oc-\n\ntober to the port.\n")
    [p] = body(doc)
    assert p.text == "The envoy came in Oc- tober to the port."
    assert p.hyphenations == () and p.breaks == (len("The envoy came in Oc- "),)


def test_k2_hyphen_folding_inside_a_rejoined_paragraph() -> None:
    doc = parse(HEADER + "The consul met the\n\nminis-\nter at the port.\n")
    [p] = body(doc)
    assert p.text == "The consul met the minis-ter at the port."
    assert p.breaks == (len("The consul met the "),)
    assert p.hyphenations == (len("The consul met the minis-"),)


def test_k2_footnote_text_is_folded_too() -> None:
    doc = parse(HEADER + "The speech¹ was heard.\n\n3.III.61 R. SILVA\n\n"
                "1. The speech was broad-\ncast at night.\n")
    assert [n.text for n in doc.footnotes] == ["The speech was broad-cast at night."]


# --- K4. Page numbers and running headers ---------------------------------------------------


def test_k4_running_header_inside_a_split_paragraph() -> None:
    doc = parse(HEADER + "The envoy said that the entire\n\nCOLD WAR ARCHIVE BULLETIN 341\n\n"
                "delegation agreed to wait.\n")
    first, header = body(doc)
    assert first.text == "The envoy said that the entire delegation agreed to wait."
    assert first.breaks == (len("The envoy said that the entire "),)
    assert (header.text, header.attrs) == ("COLD WAR ARCHIVE BULLETIN 341",
                                           {"type": "running-header"})
    assert [doc.source[s:e].strip() for s, e in source_ranges(doc, first)] == [
        "The envoy said that the entire", "delegation agreed to wait."]
    assert doc.warnings == []


def test_k4_page_number_and_running_header_together() -> None:
    doc = parse(HEADER + "The envoy said that the\n\n- 2 -\n\nARCHIVE BULLETIN OF THE WAR 12\n\n"
                "delegation agreed.\n\nThe talks ended.\n")
    assert [(b.text, b.attrs.get("type")) for b in body(doc)] == [
        ("The envoy said that the delegation agreed.", None),
        ("- 2 -", "page-number"), ("ARCHIVE BULLETIN OF THE WAR 12", "running-header"),
        ("The talks ended.", None)]


def test_k4_two_page_breaks_in_one_paragraph() -> None:
    doc = parse(HEADER + "The envoy said that the\n\n2\n\ndelegation would\n\n3\n\n"
                "wait for the reply.\n")
    assert [(b.text, b.attrs.get("type")) for b in body(doc)] == [
        ("The envoy said that the delegation would wait for the reply.", None),
        ("2", "page-number"), ("3", "page-number")]
    assert body(doc)[0].breaks == (len("The envoy said that the "),
                                   len("The envoy said that the delegation would "))


def test_k4_page_number_after_a_full_stop_is_decided_without_a_warning() -> None:
    doc = parse(HEADER + "The envoy left.\n\n2\n\nThe minister stayed.\n")
    assert [(b.text, b.attrs.get("type")) for b in body(doc)] == [
        ("The envoy left.", None), ("2", "page-number"), ("The minister stayed.", None)]
    assert doc.warnings == []


def test_k4_undecided_split_is_reported() -> None:
    doc = parse(HEADER + "The envoy met the\n\n2\n\nMinister Ott at noon.\n")
    assert [(b.text, b.attrs.get("type")) for b in body(doc)] == [
        ("The envoy met the", None), ("2", "page-number"), ("Minister Ott at noon.", None)]
    assert [(w.line, w.message) for w in doc.warnings] == [
        (doc.line_of(doc.source.index("\n2\n") + 1),
         "a page number or running header stands between two paragraphs that may be one")]


def test_k4_a_number_opening_the_body_is_a_paragraph() -> None:
    doc = parse(HEADER + "2\n\nThe envoy left.\n")
    assert [b.attrs for b in body(doc)] == [{}, {}]


# --- D19. Distribution lists after the signature -------------------------------------------


def closer(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "closer"]


def test_d19_received_by_with_one_comrade_per_line() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\n3.III.61 R. SILVA\n\nReceived by:\nComrade Berg\n"
                "Comrade Ahl\n")
    assert closer(doc) == [
        ("dateline", None, "3.III.61"), ("signed", None, "R. SILVA"),
        ("line", "distribution", "Received by:"), ("line", "distribution", "Comrade Berg"),
        ("line", "distribution", "Comrade Ahl")]
    assert [b.text for b in body(doc)] == ["The envoy spoke."]


def test_d19_copies_printed_with_numbered_lines() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nK. ORLOV\n\nFour copies printed\n"
                "1 - Cde. Berg\n2 - Cde. Ahl\n3 - Cde. Lind\n4 - to file\n")
    assert [t for _, t, _ in closer(doc)] == [None] + ["distribution"] * 5
    assert closer(doc)[-1] == ("line", "distribution", "4 - to file")


def test_d19_ordinal_lines_without_a_heading() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nK. ORLOV\n\n1st - to Cde. Berg\n2nd - to file\n")
    assert closer(doc) == [
        ("signed", None, "K. ORLOV"), ("line", "distribution", "1st - to Cde. Berg"),
        ("line", "distribution", "2nd - to file")]


def test_d19_list_before_the_footnotes() -> None:
    doc = parse(HEADER + "The envoy¹ spoke.\n\nK. ORLOV\n\nReceived by:\nComrade Berg\n\n"
                "1. The envoy of the legation.\n")
    assert [t for _, t, _ in closer(doc)] == [None, "distribution", "distribution"]
    assert [n.text for n in doc.footnotes] == ["The envoy of the legation."]


def test_d19_without_a_signature_the_lines_stay_in_the_body() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nThe talks went on:\n1 - the grain;\n"
                "2 - the fleet.\n")
    assert closer(doc) == []
    assert " ".join(b.text for b in body(doc)[1:]) == (
        "The talks went on: 1 - the grain; 2 - the fleet.")


# --- F6, F7. A note that runs on over a blank line --------------------------------------------


def notes(doc: Document) -> list[tuple[str, str]]:
    return [(n.n, n.text) for n in doc.footnotes]


def test_f6_second_paragraph_of_a_note_inside_the_list() -> None:
    doc = parse(HEADER + "The envoy¹ met the consul².\n\n3.III.61 R. SILVA\n\n"
                "[1] Jan Berg, envoy from 1958.\n\nHe later served in the north as well.\n\n"
                "[2] Per Ahl, consul.\n")
    assert notes(doc) == [
        ("1", "Jan Berg, envoy from 1958. He later served in the north as well."),
        ("2", "Per Ahl, consul.")]
    first = doc.footnotes[0]
    assert doc.source[first.end - len("as well."): first.end] == "as well."
    assert [b.section for b in doc.blocks] == ["body", "closer", "closer"]


def test_f7_run_on_paragraph_last_before_the_source_line() -> None:
    doc = parse(HEADER + "The speech¹ was heard.\n\n3.III.61 R. SILVA\n\n"
                "1. The speech was broadcast at night.\n\n"
                "A recording of it is kept in the radio archive.\n\n[Source: State Archive.]\n")
    assert notes(doc) == [
        ("1", "The speech was broadcast at night. A recording of it is kept in the radio "
              "archive.")]
    assert doc.header.source is not None and doc.header.source.text == "State Archive."


def test_f7_run_on_paragraph_over_several_lines() -> None:
    doc = parse(HEADER + "The speech¹ was heard.²\n\n3.III.61 R. SILVA\n\n"
                "1. The speech was broadcast.\n\nIt was heard in the\nnorth and the south.\n\n"
                "2. The second note.\n")
    assert notes(doc) == [
        ("1", "The speech was broadcast. It was heard in the north and the south."),
        ("2", "The second note.")]


def test_f6_trailing_unnumbered_paragraph_without_a_source_line_is_not_a_note() -> None:
    doc = parse(HEADER + "The speech¹ was heard.\n\n1. The speech was broadcast.\n\n"
                "The envoy left the next day for the capital.\n")
    assert notes(doc) == []
    assert body(doc)[-1].text == "The envoy left the next day for the capital."


def test_f7_trailing_signature_before_the_source_line_is_not_a_note() -> None:
    doc = parse(HEADER + "The speech¹ was heard.\n\n1. The speech was broadcast.\n\n"
                "K. ORLOV\n\n[Source: State Archive.]\n")
    assert notes(doc) == []
    assert closer(doc) == [("signed", None, "K. ORLOV")]


def test_f8_run_on_paragraph_under_editors_notes() -> None:
    doc = parse(HEADER + "The minister 1 spoke 2 twice.\n\nEDITOR'S NOTES\n\n"
                "1 The minister of the harbour.\n\nHe kept the post for a year.\n\n"
                "2 The second speech.\n")
    assert notes(doc) == [
        ("1", "The minister of the harbour. He kept the post for a year."),
        ("2", "The second speech.")]


# --- J8. Capital-letter items ------------------------------------------------------------------


def labelled(doc: Document) -> list[tuple[str, str]]:
    return [(b.text[s:e], t) for b in body(doc) for s, e, t in b.labels]


def test_j8_capital_letter_items_opening_paragraphs() -> None:
    doc = parse(HEADER + "The report has three parts.\n\nA. The harbour is calm.\n\n"
                "B. The grain has come.\n\nC. The fleet is late.\n")
    assert labelled(doc) == [("A.", "section"), ("B.", "section"), ("C.", "section")]


def test_j8_capital_letter_alone_on_its_line_opens_the_paragraph_below() -> None:
    doc = parse(HEADER + "A.\nThe harbour is calm.\n\nB.\nThe grain has come.\n")
    assert [b.text for b in body(doc)] == ["A. The harbour is calm.", "B. The grain has come."]
    assert labelled(doc) == [("A.", "section"), ("B.", "section")]


def test_j8_capital_letter_alone_between_blank_lines() -> None:
    doc = parse(HEADER + "A.\n\nThe harbour is calm.\n\nB.\n\nThe grain has come.\n")
    assert [b.text for b in body(doc)] == ["A.", "The harbour is calm.", "B.",
                                           "The grain has come."]
    assert labelled(doc) == [("A.", "section"), ("B.", "section")]


@pytest.mark.parametrize(
    "text",
    [
        "A. Lind said that the harbour is calm.\n\nThe envoy agreed.\n",  # an initial
        "A. Lind spoke first.\n\nThen the envoy.\n\nC. Berg spoke last.\n",  # no B.
        "B. Lind spoke first.\n\nC. Berg spoke last.\n",  # no A.
    ],
)
def test_j8_initials_are_not_labels(text: str) -> None:
    assert labelled(parse(HEADER + text)) == []


# --- D14. Headings that go on in lower case ---------------------------------------------------


def opener(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "opener"]


def test_d14_journal_heading_continued_in_lower_case() -> None:
    doc = parse(HEADER + "TOP SECRET\n\nJOURNAL\nof Envoy R. T. Silva in Lisbon\n"
                "for the period 3 through 9 May 1960\n\nNo. 144\n\n"
                "The envoy met the consul.\n")
    assert opener(doc) == [
        ("line", "classification", "TOP SECRET"),
        ("line", "heading", "JOURNAL of Envoy R. T. Silva in Lisbon for the period 3 through "
                            "9 May 1960"),
        ("line", "serial", "No. 144")]
    heading = doc.blocks[1]
    assert doc.source[heading.start:heading.end].endswith("9 May 1960")


def test_d14_continuation_after_a_blank_line() -> None:
    doc = parse(HEADER + "RECORD OF A CONVERSATION\n\nwith Minister Ott, 4 May 1960\n\n"
                "The envoy met the minister.\n")
    assert opener(doc) == [
        ("line", "heading", "RECORD OF A CONVERSATION with Minister Ott, 4 May 1960")]


def test_d14_a_sentence_after_a_blank_line_is_a_paragraph() -> None:
    doc = parse(HEADER + "JOURNAL\n\nthe envoy met the minister at the port.\n")
    assert opener(doc) == [("line", "heading", "JOURNAL")]
    assert [b.text for b in body(doc)] == ["the envoy met the minister at the port."]


def test_d14_heading_inside_the_body_continued_in_lower_case() -> None:
    doc = parse(HEADER + "The envoy spoke first.\n\nRECORD OF A CONVERSATION\n"
                "with Minister Ott on the harbour\n\nThe minister agreed.\n")
    assert [(b.kind, b.text) for b in body(doc)] == [
        ("p", "The envoy spoke first."),
        ("head", "RECORD OF A CONVERSATION with Minister Ott on the harbour"),
        ("p", "The minister agreed.")]


def test_d14_roman_heading_and_divider_do_not_swallow_a_lettered_item() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nII.\na) the first point;\n\nxxx\nthe rest.\n")
    assert [(b.kind, b.text) for b in body(doc)] == [
        ("p", "The envoy spoke."), ("head", "II."), ("p", "a) the first point;"),
        ("head", "xxx"), ("p", "the rest.")]


def test_f6_numbered_paragraphs_with_prose_between_stay_in_the_body() -> None:
    doc = parse(HEADER + "The envoy reported three points.\n\n1. The harbour is closed.\n\n"
                "The minister agreed with this point.\n\n2. The grain has come.\n")
    assert notes(doc) == []
    assert [b.text for b in body(doc)][1:] == [
        "1. The harbour is closed.", "The minister agreed with this point.",
        "2. The grain has come."]
