"""Footnote lists, brackets, slashes, paragraph structure, quotations, names, characters and
miscellaneous cases (FORMAT.md F, G, H, J, L, M2, N, O), with invented wording."""

from __future__ import annotations

import pytest

from tei.errors import InputError
from tei.model import Block, Document
from tei.parse import overlaps, parse_text, uncovered

HEADER = (
    "March 3, 1961\n\n**Cable from Consul R. T. Silva to the Ministry**\n\n"
    "Citation:\n\nA cable, March 3, 1961, Wilson Center Digital Archive.\n\n"
    "Contents:\n\nTranslation - English\n\n"
)


def parse(text: str) -> Document:
    doc = parse_text(text, "fixture.txt")
    assert uncovered(doc) == [], [doc.source[s:e] for s, e in uncovered(doc)]
    assert overlaps(doc) == []
    return doc


def paragraphs(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "p"]


def notes(doc: Document) -> list[tuple[str, str]]:
    return [(n.n, n.text) for n in doc.footnotes]


def consumed(doc: Document, reason: str) -> list[str]:
    return [doc.source[c.start : c.end] for c in doc.consumed if c.reason == reason]


# --- F. Footnote lists (markers in the body are found by tei.annotate) -----------------


def test_f6_bracketed_list_after_the_closing() -> None:
    doc = parse(HEADER + "To: [Ambassador Jan] NOWAK[1], URGENT\n\nThe envoy agreed.\n\n"
                "3.III.61 R. SILVA\n\n[1] Jan Nowak (1901-1970), a diplomat.\n"
                "[2] A second note\nover two lines.\n")
    assert notes(doc) == [("1", "Jan Nowak (1901-1970), a diplomat."),
                          ("2", "A second note over two lines.")]
    assert consumed(doc, "footnote number") == ["[1] ", "[2] "]


def test_f7_numbered_list_before_the_source_line() -> None:
    doc = parse(HEADER + "The speech¹ was heard.\n\n3.III.61 R. SILVA\n\n"
                "1. The speech was broadcast at night.\n\n2. A later note.\n\n"
                "[Source: State Archive.]\n")
    assert notes(doc) == [("1", "The speech was broadcast at night."), ("2", "A later note.")]
    assert doc.header.source is not None and doc.header.source.text == "State Archive."


def test_f8_bare_numbers_under_editors_notes() -> None:
    doc = parse(HEADER + "The minister 1 spoke.\n\nEDITOR'S NOTES\n\n1 The minister here means "
                "the port.\n\n2 Another note.\n")
    assert notes(doc) == [("1", "The minister here means the port."), ("2", "Another note.")]
    assert consumed(doc, "footnote heading") == ["EDITOR'S NOTES"]
    assert [p.text for p in paragraphs(doc)] == ["The minister 1 spoke."]


@pytest.mark.parametrize(
    "marker",
    ["the talks,¹ he said", "From: [Ambassador Jan] NOWAK1", "NOWAK,1 URGENT",
     "from N.S. Ivanov.1", "NOWAK 1 came", "Peking,[1] and"],
    ids=["f1", "f2", "f3a", "f3b", "f4", "f5"],
)
def test_f1_to_f5_markers_stay_in_the_text_and_the_list_is_found(marker: str) -> None:
    doc = parse(HEADER + f"We read {marker} today.\n\n3.III.61 R. SILVA\n\n1. A note.\n")
    assert paragraphs(doc)[0].text == f"We read {marker} today."
    assert notes(doc) == [("1", "A note.")]


def test_numbered_paragraphs_to_the_end_are_not_footnotes() -> None:
    doc = parse(HEADER + "1. The first point.\n\n2. The second point.\n")
    assert doc.footnotes == []
    assert [p.labels for p in paragraphs(doc)] == [((0, 2, "section"),)] * 2


# --- G. Editorial brackets survive as text ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[Cuban Foreign Minister Raul] Rosa came.",  # G2
        "Shen [Jian] and [Luis Garcia-] Perez met Fidel [Castro]'s aide.",  # G2a
        "[I] told [the] envoy [of the] plan [have been] sent.",  # G3
        "The text [...] ends [\u2026] here [illegible] and [[illegible signature]].",  # G4
        "[Redacted text] and [half-line deleted--ed.] follow.",
        "[Translator's note: the next page is missing]",
        "[...Mirsky] then stated his view.",  # G5
        "in certain republics [states--ed.] and [in a column of 25 October-ed.] too.",  # G6
        "CTK [Czechoslovak Press Agency] and the general [Pliyev] and they [i.e., the Danes].",
        "the word [soglasovanie] was used.",  # G8
        "Tito[?] and the cable of 29 [28?] October and [[A. B. Petrov?]].",  # G9
        "T.[hompson] and Stev[e]nson and cop[y] and 1[[8]].",  # G10
        '[handwritten: "for Cde. [[illegible]], urgent"]',  # G11
        "[presumably referring to the port]",  # G12
    ],
    ids=["g2", "g2a", "g3", "g4", "g4b", "g4c", "g5", "g6", "g7", "g8", "g9", "g10", "g11",
         "g12"],
)
def test_g_brackets_are_kept_as_text(text: str) -> None:
    doc = parse(HEADER + "The envoy spoke.\n\n" + text + "\n")
    assert paragraphs(doc)[-1].text == text


def test_g13_brackets_in_title_and_summary() -> None:
    doc = parse("March 3, 1961\n\nConversation from [Premier Ott's] Audience\n\nSummary:\n\n"
                "[Premier] Ott receives the envoy.\n\n" + "The envoy spoke.\n")
    assert doc.header.title is not None
    assert doc.header.title.text == "Conversation from [Premier Ott's] Audience"
    assert doc.header.summary is not None
    assert doc.header.summary.text == "[Premier] Ott receives the envoy."


# --- H. Slashes ---------------------------------------------------------------------------


def test_h1_h2_slashes_are_kept() -> None:
    doc = parse(HEADER + "The note /to follow separately/ is ready.\n\n"
                "/From a conversation between the two envoys/.\n")
    assert [p.text for p in paragraphs(doc)] == [
        "The note /to follow separately/ is ready.",
        "/From a conversation between the two envoys/.",
    ]


def test_h3_signer_in_slashes() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\n[signature] /V. PETROV/\n")
    assert [(b.kind, b.text) for b in doc.blocks if b.section == "closer"] == [
        ("signed", "[signature] /V. PETROV/")]


# --- J. Paragraph structure ----------------------------------------------------------------


def _labels(doc: Document) -> list[tuple[str, str]]:
    return [(b.text[s:e], t) for b in doc.blocks for s, e, t in b.labels]


def test_j1_j2_numbered_with_roman_one_and_unnumbered_between() -> None:
    doc = parse(HEADER + 'I. "Never again," he said.\n\nThe envoy agreed.\n\n2. For now the '
                "port is shut.\n")
    assert _labels(doc) == [("I.", "section"), ("2.", "section")]


def test_j3_ordinal_enumerations() -> None:
    doc = parse(HEADER + "1o) the grain;\n\n2 o) the ships.\n\nFirst. The talks.\n")
    assert _labels(doc) == [("1o)", "section"), ("2 o)", "section")]


def test_j4_speaker_labels() -> None:
    doc = parse(HEADER + "A.I. MIRSKY noted that the port was shut.\n\n"
                "E. MORALES. Our view is different.\n\n"
                "Cde. Le Van Tho: The road is open.\n\nA.I.Mirsky. We agree.\n")
    assert _labels(doc) == [("E. MORALES.", "speaker"), ("Cde. Le Van Tho:", "speaker"),
                            ("A.I.Mirsky.", "speaker")]


def test_j5_j7_topic_openings_and_one_sentence_paragraphs() -> None:
    doc = parse(HEADER + "On the harbour question. He said little.\n\nWhat lies behind this?\n")
    assert [p.text for p in paragraphs(doc)] == [
        "On the harbour question. He said little.", "What lies behind this?"]
    assert _labels(doc) == []


def test_j6_j8_dividers_roman_headings_and_lettered_items() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nxxx\n\nII.\n\nThe mood is calm.\n\n"
                "a) the first point;\n\nb) the second point.\n")
    heads = [b.text for b in doc.blocks if b.kind == "head"]
    assert heads == ["xxx", "II."]
    assert _labels(doc) == [("a)", "section"), ("b)", "section")]


# --- L. Quotations -------------------------------------------------------------------------


def test_l_quotations_are_kept() -> None:
    body = (
        '"We are ready," he said.\n\n'  # L1
        "“offensive” weapons and Fidel’s view.\n\n"  # L2
        '"We will wait," he added, "but not for long."\n\n'  # L3
        '"The first part of a long quotation.\n\n'  # L4
        '"The second part, which closes it."\n\n'
        '"The Council... 1. Calls on the parties."\n\n'  # L5
        "Will they come to us now?, we asked.\n"  # L6
    )
    doc = parse(HEADER + body)
    assert [p.text for p in paragraphs(doc)] == [
        part for part in body.strip().split("\n\n")]


# --- M2. Title split between initials and surname -------------------------------------------


def test_m2_title_split_after_initials() -> None:
    doc = parse("March 3, 1961\n\n**Telegram from Envoy A. I.\nOrlov to the Ministry**\n\n"
                "Citation:\n\nA cable.\n\nThe envoy spoke.\n")
    assert doc.header.title is not None
    assert doc.header.title.text == "Telegram from Envoy A. I. Orlov to the Ministry"


# --- N. Characters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Émigrés met Pavlíček, DROŻNIAK and João in Rudé Právo’s office.",  # N1
        "“Quoted” and ‘single’ marks.",  # N2
        "a dash -- here--and — there – and - there.",  # N3
        "Copy Nº 1 was sent.",  # N4
        "He paused… then [...] spoke.",  # N5
        "The talks¹ and notes²³ follow.",  # N6
        "Транскрипция «текста» и 中文 и Tiếng Việt.",  # N7
    ],
    ids=["n1", "n2", "n3", "n4", "n5", "n6", "n7"],
)
def test_n_characters_survive(text: str) -> None:
    doc = parse(HEADER + "The envoy spoke.\n\n" + text + "\n")
    assert paragraphs(doc)[-1].text == text


# --- O. Miscellaneous ------------------------------------------------------------------------


def test_o1_embedded_document_stays_in_the_body() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nRe: Point 3, Protocol No. 80\n\n"
                '"The Council resolves: 1. to open the port."\n')
    assert [p.text for p in paragraphs(doc)][1:] == [
        "Re: Point 3, Protocol No. 80", '"The Council resolves: 1. to open the port."']


def test_o2_typos_are_kept() -> None:
    doc = parse(HEADER + "On 5 November1962 the envoy cmae.\n")
    assert paragraphs(doc)[0].text == "On 5 November1962 the envoy cmae."


def test_o3_title_date_disagreeing_with_content_is_not_corrected() -> None:
    doc = parse("May 2, 1963\n\nCable of 9 April 1963\n\nCitation:\n\nA cable.\n\n"
                "The envoy spoke.\n")
    assert doc.header.date_line is not None and doc.header.date_line.text == "May 2, 1963"
    assert doc.header.title is not None and doc.header.title.text == "Cable of 9 April 1963"


def test_o4_two_copies_of_one_document_differ_only_in_the_opener() -> None:
    body = "The envoy spoke.\n\n3.III.61 R. SILVA\n"
    with_line = parse(HEADER + "TOP SECRET\n\n" + body)
    without = parse(HEADER + body)
    assert [b.text for b in with_line.blocks][1:] == [b.text for b in without.blocks]


def test_o5_blog_post_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_text("Our archive trip\n\nWe spent a week reading files. It was fun.\n", "blog.txt")
    assert caught.value.message.startswith("not a document of this kind")


def test_f9_marker_in_a_distribution_line_and_names_in_the_note() -> None:
    doc = parse(HEADER + "Received by: [...]1\n\nThe envoy spoke.\n\n3.III.61 R. SILVA\n\n"
                "1. Comrades Berg, Ahl and Lind.\n")
    assert [(b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "opener"] == [
        ("distribution", "Received by: [...]1")]
    assert notes(doc) == [("1", "Comrades Berg, Ahl and Lind.")]


def test_notes_heading_with_numbered_items() -> None:
    doc = parse(HEADER + "The envoy spoke.\n\nNotes\n\n1. The first note.\n2. The second.\n")
    assert notes(doc) == [("1", "The first note."), ("2", "The second.")]
    assert consumed(doc, "footnote heading") == ["Notes"]


# --- F4, F6, F7 as excerpts bring them: bare, bracket-glued and year-glued markers, and a
# list that opens at a later number.


def _markers(doc: Document) -> list[tuple[str, str]]:
    from tei.annotate.document import annotate

    notes = annotate(doc, None)
    return [(s.attr("n") or "", b.text[s.start:s.end] + "@" + b.text[max(0, s.start - 6):s.start])
            for b in doc.blocks for s in notes.spans_of(b) if s.kind == "footnote"]


@pytest.mark.parametrize("body, expected", [
    ("The envoy [...]3 agreed.", [("3", "3@ [...]")]),
    ("The treaty of 1958.3 It lapsed.", [("3", "3@ 1958.")]),
    ("The minister 3, who was late, agreed.", [("3", "3@ister ")]),
    ("The talks ended in Rome 3.", [("3", "3@ Rome ")]),
])
def test_f4_bare_bracket_and_year_markers_find_their_note(body: str, expected: list) -> None:
    doc = parse(HEADER + body + "\n\n3.III.61 R. SILVA\n\n3. The note.\n")
    assert notes(doc) == [("3", "The note.")]
    assert _markers(doc) == expected


@pytest.mark.parametrize("body", [
    "The envoy read page 3. Then he left.",
    "The talks of November 3. Then he left.",
    "The ratio was 1958.3 tons in all.",
])
def test_f4_numbers_that_only_look_like_markers_stay_text(body: str) -> None:
    doc = parse(HEADER + body + "\n\n3.III.61 R. SILVA\n\n[3] The note.\n")
    assert notes(doc) == [("3", "The note.")]
    assert _markers(doc) == []


def test_f7_list_opening_at_a_later_number_is_a_footnote_list() -> None:
    doc = parse(HEADER + "The envoy [...]3 agreed and left.4\n\n3.III.61 R. SILVA\n\n"
                "3. A note on the gap.\n\n4. A note on leaving.\n")
    assert notes(doc) == [("3", "A note on the gap."), ("4", "A note on leaving.")]
    assert consumed(doc, "footnote number") == ["3. ", "4. "]
    assert [n for n, _ in _markers(doc)] == ["3", "4"]


def test_f7_numbered_paragraphs_from_a_later_number_without_markers_stay_paragraphs() -> None:
    doc = parse(HEADER + "The envoy agreed.\n\n3. The third point.\n\n4. The fourth point.\n")
    assert doc.footnotes == []
    assert [p.text for p in paragraphs(doc)][-2:] == ["3. The third point.",
                                                     "4. The fourth point."]
