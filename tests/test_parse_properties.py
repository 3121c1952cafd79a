"""Property tests: any text is either refused with InputError or parsed losing nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei.errors import InputError
from tei.model import Document
from tei.parse import overlaps, parse_text, source_ranges, uncovered

# Invented telegram-like lines covering the layout's recognisable shapes.
FRAGMENTS = [
    "", "", "", " ", "\u00a0", "\t",
    "March 3, 1961", "May 1959", "1958", "April 07, 1960 Note on the river talks",
    "**Cable from the consul in Lisbon", "to the Ministry**", "**Report on the harbour**",
    "Citation:", "citation", "Summary:", "Original Language:", "Polish", "Contents:",
    "Credits:", "Translation - English", "English Translation", "English HTML",
    "Original Scan", "Transcription - Russian", "English Translation The talks began late.",
    '"Cable from the consul", March 3, 1961, Wilson Center Digital Archive, fond 4.',
    "<https://example.org/document/77>", "https://example.org/document/78",
    "This document was made possible with support from a fund",
    "Skip to content", "get citation", "Digital Archive digitalarchive.wilsoncenter.org",
    "TOP SECRET", "Strictly Confidential!", "Copy No. 4", "Ciphered telegram", "URGENT",
    "Spec. No. 811", "Arrived: 3.4.61 10:15", "To: [Deputy Minister Jan] NOWAK1, URGENT",
    "From: the legation", "Making Copies Prohibited", "Havana, 4 March 1961.",
    "9 March 1961", "MEMORANDUM OF CONVERSATION", "Date: 4 June 1960", "DAC/DEA/700.(12h)",
    "Received by:", "1 - Cde. Brown", "Dear Comrade Silva,", "S E C R E T",
    "1. The minister spoke first about the grain.", "2. Then the talks turned",
    "to the harbour and the fleet.", "I.", "a) the first point;", "xxx",
    "E. MORALES. We do not agree.", "Cde. Le Van Tho: The road is open.",
    "The envoy said that the", "weather had delayed the ships.",
    "We waited [...] for the reply [states--ed.] of the [Foreign Minister Ivo] Vogel.",
    "the talks /in private/ went on", "/From a talk between the two/.",
    "3.IV.61 P. LANGE", "K. ORLOV", "[signature] (K. ORLOV)", "AMBASSADOR IN LISBON",
    "ORTIZ", "510612", "mr", "Translated by R. Stone", "With comradely greetings,",
    "Rusk", "McG. B.", "EDITOR'S NOTES", "1 The minister means the port.",
    "[1] A note on the port.", "1. A footnote about the fleet.¹", "2. Another note.",
    "[Source: Archive of the ministry; copy held by the editors.]", "[Source: open",
    "Author(s):", "Associated Places", "Record ID", "Original Classification", "Top Secret",
    "Note:", "Keywords:", "**", "****", "1.", "[", "]", ":", "¹", "Nº 5", "\u2028",
    "the envoy came in Oc-", "tober to the port.", "a dash --", "- and", "2", "- 3 -",
    "COLD WAR ARCHIVE BULLETIN 341", "A.", "A. The first point.", "B. The second point.",
    "C.", "A. Lind said so.", "JOURNAL", "of the envoy for the period 3 through 9 May 1960",
    "Five copies printed", "2 - to file", "1st - to Cde. Ahl", "Comrade Berg",
    "A second paragraph of the note, unnumbered.",
]

# Mostly fragments, sometimes free text (control characters left to test_arbitrary_text).
free_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
line = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), free_text)
telegram_like = st.lists(line, max_size=40).map(lambda lines: "\n".join(lines))
separators = st.sampled_from(["\n", "\r\n", "\r"])


def _check(doc: Document) -> None:
    assert uncovered(doc) == []
    assert overlaps(doc) == []
    for block in doc.blocks:
        source = "".join(doc.source[start:end] for start, end in source_ranges(doc, block))
        assert "".join(block.text.split()) == "".join(source.split())
        assert all(0 < b <= len(block.text) for b in block.breaks)
        for at in block.hyphenations:
            assert block.text[at - 1] == "-" and block.text[at].islower()
    for note in doc.footnotes:
        assert note.n.isdigit()
        assert "".join(note.text.split()) == "".join(doc.source[note.start : note.end].split())
    sections = [b.section for b in doc.blocks]
    order = {"opener": 0, "body": 1, "closer": 2}
    assert sections == sorted(sections, key=order.__getitem__)


def _parse_or_refuse(text: str) -> None:
    try:
        doc = parse_text(text, "prop.txt")
    except InputError as error:
        assert error.file == "prop.txt"
        assert error.message
        return
    _check(doc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _parse_or_refuse(text)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(telegram_like, separators)
def test_telegram_like_text(text: str, newline: str) -> None:
    _parse_or_refuse(text.replace("\n", newline))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS[6:]), min_size=1, max_size=30))
def test_accepted_documents_lose_nothing(lines: list[str]) -> None:
    text = "March 3, 1961\n\n" + "\n\n".join(lines)
    doc = parse_text(text, "prop.txt")
    assert doc.header.date_line is not None
    _check(doc)


# Page furniture, hyphens and lettered items mixed inside paragraphs (K2, K4, J8, F6).
ARTIFACTS = [
    "The envoy met the", "minister at the port.", "2", "- 14 -", "COLD WAR ARCHIVE BULLETIN 341",
    "the con-", "sul came in Oc-", "tober.", "A.", "B. The grain.", "JOURNAL",
    "of the envoy for the period", "K. ORLOV", "Received by:", "Comrade Berg", "1 - Cde. Ahl",
    "1. A note on the port.¹", "2. A second note.", "It ran on over a blank line.",
    "[Source: State Archive.]",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ARTIFACTS), st.sampled_from(["\n", "\n\n"])),
                min_size=1, max_size=25))
def test_layout_artifacts_lose_nothing(lines: list[tuple[str, str]]) -> None:
    text = "March 3, 1961\n\n" + "".join(line + end for line, end in lines)
    doc = parse_text(text, "prop.txt")
    _check(doc)
    furniture = [b for b in doc.blocks if b.attrs.get("type") in ("page-number", "running-header")]
    for block in furniture:
        assert block.section == "body" and block.text == doc.source[block.start : block.end]
