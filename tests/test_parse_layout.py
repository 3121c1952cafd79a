"""One fixture per FORMAT.md layout variation (sections A to D, I, K), invented wording.

Every parse is checked for the lossless invariant: no non-whitespace character outside a
part, no two parts sharing a character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.model import Block, Document
from tei.parse import overlaps, parse_text, uncovered

HEADER = (
    "\n\nMarch 3, 1961\n\n"
    "**Cable from Consul R. T.\nSilva in Lisbon to the Ministry**\n\n"
    "Citation:\n\n"
    '"Cable from Consul R. T. Silva in Lisbon to the Ministry", March 3, 1961, Wilson Center '
    "Digital Archive, State Archive; trans. P. Stone <https://example.org/document/7>\n\n"
    "Summary:\n\nThe consul reports on the harbour strike.\n\n"
    "Original Language:\n\nPortuguese\n\n"
    "Contents:\n\nTranslation - English\n\n"
)
BODY = "The dockers stopped work at noon. The consul went to the port.\n"


def parse(text: str) -> Document:
    doc = parse_text(text, "fixture.txt")
    assert uncovered(doc) == [], [doc.source[s:e] for s, e in uncovered(doc)]
    assert overlaps(doc) == []
    return doc


def opener(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "opener"]


def closer(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "closer"]


def paragraphs(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind == "p"]


# --- A. File envelope ------------------------------------------------------------------


def test_a1_blank_lines_before_the_date_line() -> None:
    doc = parse(HEADER + BODY)
    assert doc.source.startswith("\n\nMarch 3, 1961")
    assert doc.header.date_line is not None and doc.header.date_line.start == 2


def test_a2_lf_utf8_is_kept_as_it_is() -> None:
    text = HEADER + BODY
    assert parse(text).source == text


def test_a3_crlf_bom_and_tabs_are_normalised() -> None:
    text = "\ufeff" + (HEADER + "\tTOP SECRET\n\n" + BODY).replace("\n", "\r\n")
    doc = parse(text)
    assert "\r" not in doc.source and "\ufeff" not in doc.source and "\t" not in doc.source
    assert "".join(doc.source.split()) == "".join(text[1:].split())
    assert opener(doc) == [("line", "classification", "TOP SECRET")]


def test_a4_trailing_spaces_are_trimmed() -> None:
    doc = parse(HEADER + "The fleet left the harbour   \nat dawn.  \n")
    assert " \n" not in doc.source
    assert paragraphs(doc)[0].text == "The fleet left the harbour at dawn."


# --- B. First lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["November 9, 1962", "November 03, 1962", "March 1963", "1956", "Sept. 4, 1960"]
)
def test_b1_b1a_b1b_date_lines(line: str) -> None:
    doc = parse(f"{line}\n\nReport on the Grain Harvest\n\nCitation:\n\nA report.\n\n{BODY}")
    assert doc.header.date_line is not None and doc.header.date_line.text == line
    assert doc.header.title is not None and doc.header.title.text == "Report on the Grain Harvest"


def test_b1b_undated_title() -> None:
    doc = parse("1957\n\nNote on the Border Talks (undated)\n\nSummary:\n\nA note.\n\n" + BODY)
    assert doc.header.title is not None
    assert doc.header.title.text == "Note on the Border Talks (undated)"


def test_b1c_date_and_title_on_one_line() -> None:
    doc = parse("November 05, 1962 Memorandum of a Talk with the Envoy\n\nCitation:\n\nX.\n\n"
                + BODY)
    h = doc.header
    assert h.date_line is not None and h.date_line.text == "November 05, 1962"
    assert h.title is not None and h.title.text == "Memorandum of a Talk with the Envoy"
    assert h.date_line.end < h.title.start


def test_b2_starred_title_split_over_two_lines() -> None:
    doc = parse(HEADER + BODY)
    assert doc.header.title is not None
    assert doc.header.title.text == "Cable from Consul R. T. Silva in Lisbon to the Ministry"
    starred = [c for c in doc.consumed if c.reason == "title markup"]
    assert [doc.source[c.start : c.end] for c in starred] == ["**", "**"]


@pytest.mark.parametrize(
    "title",
    [
        "Cable from Minister Moreau to the Embassy in Rome",  # B2a
        "TELEGRAM FROM THE CONSUL IN LISBON",  # B2b
        "Telegram from the Legation in Oslo (Berg), 2 November 1962",  # B2c, B3
        "Telegram from Envoy Lind to the Foreign Ministry (2)",  # B2d
        "[Premier Ott's] Talk with the Envoy, 'A Note on Trade' (Excerpt)",  # B2e
        "Cable no. 35 from the Embassy in Quito (Dr. Ana Ruiz)",  # B3
    ],
)
def test_b2a_to_b3_plain_titles(title: str) -> None:
    doc = parse(f"November 9, 1962\n\n{title}\n\nCitation:\n\nA cable.\n\n{BODY}")
    assert doc.header.title is not None and doc.header.title.text == title


def test_b2f_title_repeated_as_the_first_body_line() -> None:
    body = "Cable from Minister Moreau to the Embassy, 20 October 1962\n\n" + BODY
    doc = parse("October 20, 1962\n\nCable from Minister Moreau to the Embassy\n\n"
                "Citation:\n\nA cable.\n\n" + body)
    assert paragraphs(doc)[0].text == "Cable from Minister Moreau to the Embassy, 20 October 1962"


def test_b5_funder_line_that_wraps() -> None:
    doc = parse(
        "November 9, 1962\n\nCable from the Envoy\n"
        "This document was made possible with support from the Example\nFoundation of Tests\n\n"
        + BODY
    )
    assert doc.header.funder is not None
    assert doc.header.funder.text == (
        "This document was made possible with support from the Example Foundation of Tests"
    )
    assert paragraphs(doc)[0].text.startswith("The dockers")


def test_b6_site_chrome_is_kept_as_extra() -> None:
    doc = parse("Skip to content\nSearch in\nget citation\n\nNovember 9, 1962\n\n"
                "Cable from the Envoy\n\nCitation:\n\nA cable.\n\n" + BODY)
    assert [e.label for e in doc.header.extra] == ["Skip to content", "Search in", "get citation"]
    assert doc.header.date_line is not None


def test_b7_pdf_header_line() -> None:
    line = "Digital Archive digitalarchive.wilsoncenter.org International History Declassified"
    doc = parse(f"{line}\nNovember 05, 1962 Note on the Talks\n\nCitation:\n\nA note.\n\n{BODY}")
    assert [e.label for e in doc.header.extra] == [line]
    assert doc.header.title is not None and doc.header.title.text == "Note on the Talks"


# --- C. Header families and sections ------------------------------------------------------


def test_c_exp_export_layout_order() -> None:
    doc = parse(HEADER + "4 March 1961\n\nTOP SECRET\n\n" + BODY + "\n3.III.61 R. SILVA\n")
    h = doc.header
    assert (h.summary and h.summary.text) == "The consul reports on the harbour strike."
    assert (h.original_language and h.original_language.text) == "Portuguese"
    assert opener(doc)[0] == ("dateline", None, "4 March 1961")
    assert closer(doc) == [("dateline", None, "3.III.61"), ("signed", None, "R. SILVA")]


def test_c_pdf_layout_with_credits_and_run_on_contents() -> None:
    text = (
        "Digital Archive digitalarchive.wilsoncenter.org International History Declassified\n"
        "November 05, 1962 Note from the Envoy in Quito\n"
        "Citation:\n"
        '"Note from the Envoy in Quito", November 05, 1962, History and Public Policy Program '
        "Digital Archive, State Archive.\n"
        "Summary:\nThe envoy reports on a strike.\n"
        "Credits:\nThis document was made possible with support from a foundation.\n"
        "Original Language:\nSpanish\n"
        "Contents:\n"
        "English Translation The strike began on Monday. The port closed.\n"
    )
    doc = parse(text)
    h = doc.header
    assert (h.credits and h.credits.text) == (
        "This document was made possible with support from a foundation."
    )
    assert [c.text for c in h.contents] == ["English Translation"]
    assert [p.text for p in paragraphs(doc)] == ["The strike began on Monday. The port closed."]


def test_c_old_unlabelled_summary_then_citation() -> None:
    text = (
        "November 03, 1962\n\nTELEGRAM FROM THE ENVOY IN QUITO\n\n"
        "The envoy reports on the strike and the closing of the port.\n\n"
        '"Telegram from the Envoy in Quito," November 03, 1962, History and Public Policy '
        "Program Digital Archive, State Archive. http://example.org/document/9\n\n"
        "English HTML\n\n" + BODY
    )
    doc = parse(text)
    h = doc.header
    assert (h.summary and h.summary.text) == (
        "The envoy reports on the strike and the closing of the port."
    )
    assert h.citation is not None and h.citation.text.startswith('"Telegram from the Envoy')
    assert h.url == "http://example.org/document/9"
    assert [c.text for c in h.contents] == ["English HTML"]
    assert paragraphs(doc)[0].text.startswith("The dockers")


def test_c_new_summary_after_body_and_trailer() -> None:
    text = (
        "November 9, 1962\n\nCable from the Envoy in Quito\n"
        "This document was made possible with support from a foundation\n\n"
        + BODY + "\nThe envoy describes the strike in the port.\n\n"
        "Author(s):\nEnvoy in Quito\n\nAssociated Places\nQuito\nLisbon\n\n"
        "Document Information\n\nSource\nState Archive\n\nRecord ID\n\n4242\n\n"
        "Original Classification\nTop Secret\n"
    )
    doc = parse(text)
    h = doc.header
    assert (h.summary and h.summary.text) == "The envoy describes the strike in the port."
    extra = [(e.label, e.value.text if e.value else None) for e in h.extra]
    assert extra == [
        ("Author(s):", "Envoy in Quito"),
        ("Associated Places", "Quito Lisbon"),
        ("Document Information", None),
        ("Source", "State Archive"),
        ("Record ID", "4242"),
        ("Original Classification", "Top Secret"),
    ]
    assert [p.text for p in paragraphs(doc)] == [BODY.strip()]
    assert closer(doc) == []  # I8: no closing at all


@pytest.mark.parametrize(
    ("citation", "url"),
    [
        ('"Cable", March 3, 1961, Wilson Center Digital Archive <https://example.org/d/1>',
         "https://example.org/d/1"),
        ('“Cable,” March 3, 1961, Wilson Center Digital Archive\n<https://example.org/d/2>',
         "https://example.org/d/2"),
        ("Cable, March 3, 1961, Digital Archive, AVPRF fond 0102, opis 18, delo 5, l. 20-31. "
         "https://example.org/d/3", "https://example.org/d/3"),
        ('"Cable", March 3, 1961, History and Public Policy Program Digital Archive', None),
    ],
    ids=["c1c-same-line", "c1b-curly-url-next-line", "c1d-call-numbers-bare-url", "c1a-no-url"],
)
def test_c1_citation_forms(citation: str, url: str | None) -> None:
    doc = parse(f"March 3, 1961\n\nCable\n\nCitation:\n\n{citation}\n\nSummary:\n\nA.\n\n{BODY}")
    h = doc.header
    assert h.citation is not None and h.citation.text == " ".join(citation.split())
    assert h.url == url
    assert h.summary is not None and h.summary.text == "A."


@pytest.mark.parametrize("value", ["[", '"Cable", March 3, 1961, Digital Archive <https://example.org/d/4>'])
def test_c1_citation_on_the_label_line(value: str) -> None:
    # "Citation: ..." with the value after the colon was an internal error (KeyError).
    doc = parse(f"March 3, 1961\n\nCable\n\nCitation: {value}\n\n{BODY}")
    h = doc.header
    assert h.citation is not None and h.citation.text == value
    assert h.url == ("https://example.org/d/4" if "https" in value else None)
    assert [p.text for p in paragraphs(doc)] == [BODY.strip()]


def test_c2_c4_labels_in_any_order_case_and_colon_optional() -> None:
    text = ("March 3, 1961\n\nCable\n\nORIGINAL LANGUAGE: Czech\n\nsummary\n\n"
            "A short summary.\n\ncitation:\n\nA cable, 1961.\n\n" + BODY)
    h = parse(text).header
    assert (h.original_language and h.original_language.text) == "Czech"
    assert (h.summary and h.summary.text) == "A short summary."
    assert (h.citation and h.citation.text) == "A cable, 1961."


@pytest.mark.parametrize(
    "item",
    ["Translation - English", "English Translation", "English HTML", "Original Scan",
     "Transcription - Russian"],
)
def test_c5_contents_items(item: str) -> None:
    doc = parse(f"March 3, 1961\n\nCable\n\nContents:\n\n{item}\n\n{BODY}")
    assert [c.text for c in doc.header.contents] == [item]
    assert paragraphs(doc)[0].text.startswith("The dockers")


def test_c5_several_contents_items() -> None:
    doc = parse("March 3, 1961\n\nCable\n\nContents:\n\nOriginal Scan\nTranscription - Russian\n"
                "Translation - English\n\n" + BODY)
    assert [c.text for c in doc.header.contents] == [
        "Original Scan", "Transcription - Russian", "Translation - English"]


def test_c6_source_line_after_the_body() -> None:
    doc = parse(HEADER + BODY + "\n[Source: State Archive; copy held by the editors.]\n")
    assert doc.header.source is not None
    assert doc.header.source.text == "State Archive; copy held by the editors."
    assert [doc.source[c.start : c.end] for c in doc.consumed if c.reason == "source line"] == [
        "[Source:", "]"]


def test_c6_source_line_before_the_body() -> None:
    doc = parse("March 3, 1961\n\nCable\n\n[Source: State Archive, fond 3.]\n\n" + BODY)
    assert doc.header.source is not None and doc.header.source.text == "State Archive, fond 3."
    assert paragraphs(doc)[0].text.startswith("The dockers")


def test_c7_date_line_and_content_date_are_both_kept() -> None:
    doc = parse("May 2, 1963\n\nJournal of the Envoy\n\nCitation:\n\nA journal.\n\n"
                "9 April 1963\n\n" + BODY)
    assert doc.header.date_line is not None and doc.header.date_line.text == "May 2, 1963"
    assert opener(doc) == [("dateline", None, "9 April 1963")]


def test_unknown_header_label_is_kept_and_reported() -> None:
    doc = parse("March 3, 1961\n\nCable\n\nCitation:\n\nA cable.\n\nKeywords:\n\nports, strikes"
                "\n\nContents:\n\nTranslation - English\n\n" + BODY)
    assert [(e.label, e.value and e.value.text) for e in doc.header.extra] == [
        ("Keywords:", "ports, strikes")]
    assert [w.message for w in doc.warnings] == ["unknown header label 'Keywords'"]
    assert doc.warnings[0].line == 9


# --- D. Top of the body ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "line_type"),
    [
        ("TOP SECRET", "line", "classification"),  # D1
        ("Top Secret", "line", "classification"),
        ("SECRET. Only copy", "line", "classification"),
        ("Strictly Confidential! By courier", "line", "classification"),
        ("CONFIDENTIAL—URGENT", "line", "classification"),
        ("Making Copies Prohibited", "line", "handling"),  # D2
        ("Copy No. 1", "line", "copy"),  # D3
        ("Copy No.12", "line", "copy"),
        ("Copy Nº 3", "line", "copy"),
        ("CIPHERED TELEGRAM", "line", "telegram-type"),  # D4
        ("Ciphered telegram", "line", "telegram-type"),
        ("TRANSLATION OF CODED TELEGRAM", "line", "telegram-type"),
        ("NEWSFLASH!", "line", "telegram-type"),
        ("Top Priority", "line", "priority"),  # D5
        ("URGENT, EYES ONLY", "line", "priority"),
        ("Ciphergram No. 16104", "line", "serial"),  # D6
        ("Spec. No. 1702-1703", "line", "serial"),
        ("Outgoing Nr. C 570/30.X.62", "line", "serial"),
        ("REPORT #5511/280 from 25.X.62", "line", "serial"),
        ("Nº 142", "line", "serial"),
        ("Your No. 820, 821-822", "line", "serial"),
        ("Arrived: 2.11.62 14:10", "line", "transmission"),  # D8
        ("Dispatched from Rome on 10.31.1962 at 22:10 and received on 11.01.1962 at 06:45",
         "line", "transmission"),
        ("To: [Foreign Ministry Director Jan] KOWALCZYK1, URGENT", "line", "addressee"),  # D9
        ("From: the Legation in Oslo", "line", "sender"),
        ("USSR EMBASSY [Stamp: received 3 May]", "line", "stamp"),  # D10
        ("Havana, 2 November 1962.", "dateline", None),  # D11
        ("MINISTRY OF FOREIGN AFFAIRS", "line", "heading"),  # D12
        ("To Comrade N.S. Ivanov", "line", "addressee"),  # D13
        ("Ministry of Foreign Affairs:", "line", "addressee"),
        ("[Deputy Foreign Minister Josef] Hanak.", "line", "addressee"),
        ("MEMORANDUM OF CONVERSATION", "line", "heading"),  # D14
        ("Date: 4 June 1963", "line", "field"),  # D15
        ("(Not yet reviewed)", "line", "handling"),
        ("DAC/DEA/700.(12h)", "line", "routing"),  # D16
        ("M E X I C O:", "line", "heading"),  # D17
        ("S E C R E T", "line", "classification"),
        ("registered as # _____ in file # ____", "line", "field"),  # D18
        ("Copies made: 2", "line", "distribution"),
        ("Dear Comrade Silva,", "salute", None),  # I6
        ("   3 November 1962", "dateline", None),  # E1 indented (K7)
        ("Evening 5 November 1962", "dateline", None),
        ("24-26 July 1960", "dateline", None),
    ],
)
def test_d_opener_lines(line: str, kind: str, line_type: str | None) -> None:
    doc = parse(HEADER + line + "\n\n" + BODY)
    assert opener(doc) == [(kind, line_type, line.strip())]
    assert paragraphs(doc)[0].text.startswith("The dockers")


def test_d7_stacked_and_spaced_lines_each_a_block() -> None:
    stacked = parse(HEADER + "TOP SECRET\nCopy No. 2\nMaking Copies Prohibited\n\n" + BODY)
    spaced = parse(HEADER + "TOP SECRET\n\nCopy No. 2\n\nMaking Copies Prohibited\n\n" + BODY)
    assert opener(stacked) == opener(spaced) == [
        ("line", "classification", "TOP SECRET"),
        ("line", "copy", "Copy No. 2"),
        ("line", "handling", "Making Copies Prohibited"),
    ]


def test_d10_stamp_block_flattened_from_columns() -> None:
    doc = parse(HEADER + "USSR EMBASSY [Stamp: [Stamp:\nIN CUBA Latin America Dept. Archive\n\n"
                + BODY)
    assert [t for _, t, _ in opener(doc)] == ["stamp", "stamp"]


def test_d12_letterhead_block() -> None:
    doc = parse(HEADER + "MINISTRY OF FOREIGN AFFAIRS\nTELEGRAM\nRECEIVED\n\n" + BODY)
    assert [t for _, t, _ in opener(doc)] == ["heading", "telegram-type", "stamp"]


def test_d14_heading_inside_the_body_is_a_head() -> None:
    doc = parse(HEADER + BODY + "\nRECORD OF A CONVERSATION\n\nThe envoy came at six.\n")
    kinds = [(b.kind, b.text) for b in doc.blocks if b.section == "body"]
    assert kinds[1] == ("head", "RECORD OF A CONVERSATION")


def test_d15_d19_memcon_fields_and_distribution_list() -> None:
    text = (HEADER + "SUBJECT\n\nTrade in grain\n\nPARTICIPANTS\n\nMinister Ott\n\nEnvoy Lind\n\n"
            "Received by:\nComrade Berg\nComrade Ahl\n\n" + BODY)
    doc = parse(text)
    assert opener(doc) == [
        ("line", "heading", "SUBJECT"), ("line", "field", "Trade in grain"),
        ("line", "heading", "PARTICIPANTS"), ("line", "field", "Minister Ott"),
        ("line", "field", "Envoy Lind"), ("line", "distribution", "Received by:"),
        ("line", "distribution", "Comrade Berg"), ("line", "distribution", "Comrade Ahl"),
    ]


def test_d19_numbered_distribution_lines() -> None:
    doc = parse(HEADER + "Five copies printed\n1 - Cde. Berg\n2 - to file\n\n" + BODY)
    assert [t for _, t, _ in opener(doc)] == ["distribution"] * 3


# --- I. Closings ---------------------------------------------------------------------------


def test_i1_roman_dateline_and_signer_on_one_line() -> None:
    doc = parse(HEADER + BODY + "\n2.XI.62 A. GROMOV\n")
    assert closer(doc) == [("dateline", None, "2.XI.62"), ("signed", None, "A. GROMOV")]


def test_i2_three_signers() -> None:
    doc = parse(HEADER + BODY + "\n8.XI.62 V. LARIN\n\nP. ORLOV\n\nA. MIRSKY\n")
    assert closer(doc) == [
        ("dateline", None, "8.XI.62"), ("signed", None, "V. LARIN"),
        ("signed", None, "P. ORLOV"), ("signed", None, "A. MIRSKY"),
    ]


def test_i3_title_signature_and_name() -> None:
    doc = parse(HEADER + BODY + "\nUSSR AMBASSADOR IN PERU\n[signature] (A. ORLOV)\n")
    assert closer(doc) == [
        ("line", "title", "USSR AMBASSADOR IN PERU"), ("signed", None, "[signature] (A. ORLOV)")]


def test_i3_h3_title_and_signature_on_one_line() -> None:
    doc = parse(HEADER + BODY + "\nCHARGE D'AFFAIRES [signature] /V. PETROV/\n")
    assert closer(doc) == [
        ("line", "title", "CHARGE D'AFFAIRES"), ("signed", None, "[signature] /V. PETROV/")]


def test_i4_closing_place_date_and_translator() -> None:
    doc = parse(HEADER + BODY + "\nMoscow, 10 December 1962\nTranslated by P. Ivanov\n")
    assert closer(doc) == [
        ("dateline", None, "Moscow, 10 December 1962"),
        ("line", "translator", "Translated by P. Ivanov"),
    ]


def test_i5_caps_surname_code_and_typist() -> None:
    doc = parse(HEADER + BODY + "\nORTEGA\n510612\nmr\n")
    assert closer(doc) == [
        ("signed", None, "ORTEGA"), ("line", "typist", "510612"), ("line", "typist", "mr")]


def test_i6_letter_salutation_and_close() -> None:
    doc = parse(HEADER + "Dear Comrade Silva,\n\n" + BODY + "\nWith comradely greetings,\n"
                "K. ORLOV\n")
    assert opener(doc) == [("salute", None, "Dear Comrade Silva,")]
    assert closer(doc) == [("salute", None, "With comradely greetings,"),
                           ("signed", None, "K. ORLOV")]


def test_i7_quoted_signature_stays_in_the_body() -> None:
    doc = parse(HEADER + 'The cable read: "We leave by tomorrow.\nPetrov."\n\n'
                "3.XI.62 K. ORLOV\n")
    assert paragraphs(doc)[-1].text == 'The cable read: "We leave by tomorrow. Petrov."'
    assert closer(doc) == [("dateline", None, "3.XI.62"), ("signed", None, "K. ORLOV")]


def test_i9_redaction_and_sign_off_line() -> None:
    doc = parse(HEADER + BODY + "\n[Redacted text] Prepared by [signature][redacted]\n")
    assert closer(doc) == [("signed", None, "[Redacted text] Prepared by [signature][redacted]")]


def test_frus_short_signer_before_footnotes() -> None:
    doc = parse(HEADER + "The envoy called at noon.¹\n\nLind\n\n1. See the cable of May 2.\n")
    assert closer(doc) == [("signed", None, "Lind")]
    assert [(n.n, n.text) for n in doc.footnotes] == [("1", "See the cable of May 2.")]


# --- K. Layout artifacts ------------------------------------------------------------------


def test_k1_page_break_join_is_recorded() -> None:
    doc = parse(HEADER + "The delegation met the\n\nminister at the port. Then it left.\n")
    [p] = paragraphs(doc)
    assert p.text == "The delegation met the minister at the port. Then it left."
    assert p.breaks == (len("The delegation met the "),)


def test_k1_no_join_after_a_full_stop() -> None:
    doc = parse(HEADER + "The talks ended.\n\nnevertheless the envoy stayed.\n")
    assert [p.breaks for p in paragraphs(doc)] == [(), ()]


def test_k2_line_end_hyphen_is_folded_without_a_space() -> None:
    doc = parse(HEADER + "Mikoy-an's aide came in Oc-\ntober to the port.\n")
    [p] = paragraphs(doc)
    assert p.text == "Mikoy-an's aide came in Oc-tober to the port."
    assert p.hyphenations == (len("Mikoy-an's aide came in Oc-"),)


def test_k3_hard_wrapped_lines_are_one_paragraph() -> None:
    wrapped = (
        "The minister said that the harbour would stay closed until the end of the\n"
        "month and that the dockers would be paid for the days of the strike, which\n"
        "the union had asked for in its letter of the previous week to the office.\n"
        "Next came the question of the grain ships anchored outside the breakwater.\n"
    )
    doc = parse(HEADER + wrapped)
    assert len(paragraphs(doc)) == 1
    assert paragraphs(doc)[0].text == " ".join(wrapped.split())


def test_k4_page_number_between_halves_is_kept_and_the_split_rejoined() -> None:
    doc = parse(HEADER + "The delegation met the\n\n2\n\nminister at the port.\n")
    assert [(p.text, p.attrs) for p in paragraphs(doc)] == [
        ("The delegation met the minister at the port.", {}), ("2", {"type": "page-number"})]
    assert paragraphs(doc)[0].breaks == (len("The delegation met the "),)
    assert doc.warnings == []


def test_k5_nbsp_only_lines_separate_paragraphs() -> None:
    doc = parse(HEADER + "First point made.\n\u00a0\nSecond point made.\n \nThird.\n")
    assert [p.text for p in paragraphs(doc)] == ["First point made.", "Second point made.",
                                                 "Third."]


def test_k6_single_newline_between_paragraphs() -> None:
    doc = parse(HEADER + "First point made here at length by the envoy.\nSecond point made.\n\n"
                "Third point.\n")
    assert [p.text for p in paragraphs(doc)] == [
        "First point made here at length by the envoy.", "Second point made.", "Third point."]


def test_k7_k10_indentation_and_double_spaces() -> None:
    doc = parse(HEADER + "                        3 November 1962\n\n"
                "        On 2 November the envoy came.  He left.\n")
    assert opener(doc) == [("dateline", None, "3 November 1962")]
    assert paragraphs(doc)[0].text == "On 2 November the envoy came. He left."


@pytest.mark.parametrize(
    "text", ["The envoy left.<br />He came back.", "Moscow~ we distract rne today.",
             "A F Dobrynin and N S Khrushchev met"],
    ids=["k8-html", "k9-ocr", "k11-no-punctuation"],
)
def test_k8_k9_k11_artifacts_are_kept_as_text(text: str) -> None:
    assert paragraphs(parse(HEADER + text + "\n"))[0].text == text


def test_summary_of_two_paragraphs_runs_on_to_the_next_label() -> None:
    doc = parse("March 3, 1961\n\nCable\n\nSummary:\n\nThe first part.\n\nThe second part.\n\n"
                "Original Language:\n\nDanish\n\n" + BODY)
    h = doc.header
    assert (h.summary and h.summary.text) == "The first part. The second part."
    assert (h.original_language and h.original_language.text) == "Danish"
    assert [p.text for p in paragraphs(doc)] == [BODY.strip()]


def test_title_without_a_date_line_is_taken_when_a_label_follows() -> None:
    doc = parse("Cable from the Envoy in Oslo\n\nCitation:\n\nA cable.\n\n" + BODY)
    assert doc.header.title is not None
    assert doc.header.title.text == "Cable from the Envoy in Oslo"
    assert [(w.line, w.message) for w in doc.warnings] == [
        (1, "no date line at the top: the document date is not known")]


def test_a_sentence_with_a_date_is_not_an_opening_dateline() -> None:
    doc = parse(HEADER + "We met on 5 November 1962.\n\n" + BODY)
    assert opener(doc) == []
    assert paragraphs(doc)[0].text == "We met on 5 November 1962."


def test_quoted_body_paragraph_is_not_taken_for_a_citation() -> None:
    doc = parse("March 3, 1961\n\nCable from the Envoy\n\n"
                '"The archive will open in 1962," he said.\n\n' + BODY)
    assert doc.header.citation is None
    assert paragraphs(doc)[0].text == '"The archive will open in 1962," he said.'


# --- C-NEW exported with single newlines only (no blank line anywhere) -----------------

_NEW_SITE_SINGLE = (
    "April 2, 1964\n"
    "Cable from the Legation in Lima on the Harbour Tax\n"
    "This document was made possible with support from the Invented Harbour\n"
    "Foundation\n"
    "SECRET\n"
    "Copy No. 2\n"
    "Dear Comrade Vidal,\n"
    "The harbour tax was raised on Monday. The shipping agents protest.\n"
    "The ministry promised an answer within the week, and the agents\n"
    "wait for it.\n"
    "With greetings,\n"
    "B. MARKOV\n"
    "The legation reports a new harbour tax in Lima.\n"
    "Author(s):\n"
    "Legation in Lima\n"
    "Record ID\n"
    "4321\n"
)


def _shape(doc) -> list[tuple[str, str, str]]:
    return [(b.section, b.kind, b.text) for b in doc.blocks]


def test_c_new_single_newlines_are_read_block_by_block() -> None:
    single = parse_text(_NEW_SITE_SINGLE, "single.txt")
    spaced = parse_text(_NEW_SITE_SINGLE.replace("\n", "\n\n").replace(
        "agents\n\nwait", "agents\nwait").replace("Harbour\n\nFoundation", "Harbour\nFoundation"),
        "spaced.txt")
    assert uncovered(single) == []
    assert _shape(single) == _shape(spaced)
    h = single.header
    assert h.funder is not None and h.funder.text.endswith("Invented Harbour Foundation")
    assert h.summary is not None and h.summary.text == "The legation reports a new harbour tax in Lima."
    assert ("body", "p", "The ministry promised an answer within the week, and the agents "
            "wait for it.") in _shape(single)
    assert ("closer", "signed", "B. MARKOV") in _shape(single)
    assert ("opener", "line", "SECRET") in _shape(single)


def test_b5_funder_line_does_not_swallow_the_body() -> None:
    text = ("April 2, 1964\nCable on the Harbour Tax\n"
            "This document was made possible with support from Invented Fund\n"
            "Dear Comrade Vidal,\nThe tax was raised.\nB. MARKOV\n")
    doc = parse_text(text, "funder.txt")
    assert doc.header.funder is not None
    assert doc.header.funder.text == "This document was made possible with support from Invented Fund"
    assert ("body", "p", "The tax was raised.") in _shape(doc)


def test_c_new_summary_is_never_the_whole_body() -> None:
    text = ("April 2, 1964\n\nCable on the Harbour Tax\n\n"
            "The tax was raised. The agents protest and wait for the ministry.\n"
            "It may answer next week.\n\nAuthor(s):\nLegation in Lima\n")
    doc = parse_text(text.replace("\n\n", "\n"), "whole.txt")
    # Single newlines: each line is a block, so the last one really follows the body.
    assert doc.header.summary is not None and doc.header.summary.text == "It may answer next week."
    doc = parse_text(text, "blank.txt")
    # One chunk between the title and the trailer is the body, not a summary.
    assert doc.header.summary is None
    assert [b.text for b in doc.blocks if b.kind == "p"] == [
        "The tax was raised. The agents protest and wait for the ministry.",
        "It may answer next week."]


# --- C-OLD page chrome without labels --------------------------------------------------


def test_c_old_chrome_without_labels_goes_to_the_header() -> None:
    from lxml import etree

    from tei.convert import Finders, convert_document
    from tei.parse import read_document
    from tei.settings import EditionSettings

    path = Path(__file__).parent / "data" / "parse" / "old-site-chrome.txt"
    doc = read_document(path)
    assert uncovered(doc) == []
    h = doc.header
    assert [e.label for e in h.extra] == [
        "CITATION SHARE DOWNLOAD", "• Citation", "VIEW DOCUMENT IN English HTML"]
    assert h.summary is not None and h.summary.text.startswith("The envoy reports")
    assert h.url == "http://example.org/document/501"
    assert sorted(c.reason for c in doc.consumed) == [
        "repeated URL", "repeated citation", "repeated summary"]
    body = [b.text for b in doc.blocks]
    assert body[0] == "Ciphergram No. 4411"
    assert not any("Citation" in t or "http" in t or "VIEW" in t or "envoy reports" in t
                   for t in body)
    text = path.read_text(encoding="utf-8")
    data, _ = convert_document(doc, text, Finders(), EditionSettings(), "2024-01-02")
    tree = etree.fromstring(data)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert not tree.xpath("//t:body//text()[contains(., 'SHARE')]", namespaces=ns)


@pytest.mark.parametrize("line", [
    "CITATION SHARE DOWNLOAD", "Share Download", "• Citation", "* Download",
    "VIEW DOCUMENT IN English HTML", "View document in Russian"])
def test_b6_old_chrome_lines(line: str) -> None:
    from tei.parse.patterns import OLD_CHROME

    assert OLD_CHROME.fullmatch(line)


@pytest.mark.parametrize("line", ["Citation", "Share of the harvest", "Download the file."])
def test_b6_words_that_are_not_chrome(line: str) -> None:
    from tei.parse.patterns import OLD_CHROME

    assert not OLD_CHROME.fullmatch(line)


# --- D14: author and title lines inside the body ---------------------------------------

_JOURNAL = (
    "May 2, 1963\n\n**Journal of an Invented Envoy, April 1963**\n\n"
    "Contents:\n\nTranslation - English\n\n"
    "TOP SECRET\n\nJOURNAL\nof Ambassador Andrei I. Aleksandrov\nfor the period 1 through 30 April 1963\n\n"
    "Compiled by Ambassador A. I. ALEKSANDROV\n\n"
    "9 April 1963\n\nThe ambassador met the consul at the port.\n\n"
    "From the diary of Prime Minister Tomás Varela\n\n"
    "10 April 1963\n\nThe prime minister met the ambassador.\n\n"
    "Diary of Nikolai S. Ostrovin\n\nThe chairman stayed at home.\n"
)


def test_d14_author_and_title_lines_are_byline_and_head() -> None:
    doc = parse_text(_JOURNAL, "journal.txt")
    assert uncovered(doc) == []
    shape = [(b.section, b.kind, b.text) for b in doc.blocks]
    assert ("opener", "byline", "Compiled by Ambassador A. I. ALEKSANDROV") in shape
    assert ("body", "byline", "From the diary of Prime Minister Tomás Varela") in shape
    assert ("body", "head", "Diary of Nikolai S. Ostrovin") in shape
    assert ("body", "p", "The ambassador met the consul at the port.") in shape


@pytest.mark.parametrize("line", [
    "By the evening the talks had ended.",  # a sentence
    "Compiled by hand from the notes, the list was long, and the envoy signed it.",
    "by the minister",  # lower case: no name follows
    "The diary of events was kept by the consul and sent on.",
])
def test_d14_sentences_that_open_like_author_lines_stay_paragraphs(line: str) -> None:
    doc = parse_text(HEADER + "The envoy spoke.\n\n" + line + "\n\nThe minister agreed.\n", "x.txt")
    assert ("p", line) in [(b.kind, b.text) for b in doc.blocks]


def test_d14_bylines_are_encoded_linked_valid_and_shown(tmp_path, tei_all) -> None:
    from lxml import etree
    from lxml import html as lxml_html

    from tei.convert import convert_document, make_finders
    from tei.render import Renderer
    from tei.settings import EditionSettings
    from tei.validate import validate_paths

    register = Path(__file__).parent / "data" / "persons" / "register.xml"
    doc = parse_text(_JOURNAL, "journal.txt")
    data, _ = convert_document(doc, _JOURNAL, make_finders([register]), EditionSettings(),
                               "2024-01-02")
    tree = etree.fromstring(data).getroottree()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    opener_byline = tree.xpath("//t:opener/t:byline", namespaces=ns)
    assert len(opener_byline) == 1
    assert opener_byline[0].xpath("t:persName/@ref", namespaces=ns) == ["#aleksandrov-andrei"]
    section = tree.xpath("//t:div[@type='section'][t:byline]", namespaces=ns)
    assert len(section) == 1
    assert section[0].xpath("t:byline/t:persName/@ref", namespaces=ns) == ["#varela-tomas"]
    assert tree.xpath("//t:div[@type='section']/t:head/t:persName/@ref", namespaces=ns) == [
        "#ostrovin-nikolai"]
    assert tei_all.validate(tree), str(tei_all.error_log)
    path = tmp_path / "1963-05-02_journal.xml"
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    report = validate_paths([path])
    assert [str(i) for f in report.files for i in f.issues if i.severity == "error"] == []
    written = Renderer().render_document(path, tmp_path / "site")
    page = lxml_html.fromstring(written[0].read_bytes())
    bylines = [" ".join(p.text_content().split()) for p in page.xpath("//p[@class='byline']")]
    assert bylines == ["Compiled by Ambassador A. I. ALEKSANDROV",
                       "From the diary of Prime Minister Tomás Varela"]
    assert "From the diary of Prime Minister Tomás Varela" in written[1].read_text(encoding="utf-8")


def test_c_old_chrome_with_single_newlines_and_an_unnamed_url() -> None:
    path = Path(__file__).parent / "data" / "parse" / "old-site-chrome.txt"
    text = path.read_text(encoding="utf-8").replace("\n\n", "\n").replace(
        "VIEW DOCUMENT IN English HTML\n",
        "VIEW DOCUMENT IN English HTML\nhttps://archive.example.org/page/77\n")
    doc = parse_text(text, "single.txt")
    assert uncovered(doc) == []
    assert [e.label for e in doc.header.extra] == [
        "CITATION SHARE DOWNLOAD", "• Citation", "VIEW DOCUMENT IN English HTML",
        "https://archive.example.org/page/77"]
    assert sorted(c.reason for c in doc.consumed) == [
        "repeated URL", "repeated citation", "repeated summary"]
    assert [b.text for b in doc.blocks][0] == "Ciphergram No. 4411"
