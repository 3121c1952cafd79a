"""The layout's recognisable lines (FORMAT.md sections B, C, D, F, I, J), as regular expressions."""

from __future__ import annotations

import re

from tei.date_words import MONTH_ABBREVIATIONS, MONTH_NAMES
from tei.lexicon import DISTRIBUTION_TITLES

# A full month name, or an abbreviation with or without its period ("Sept" before "Sep").
MONTH = "(?:{})".format("|".join(
    [*MONTH_NAMES,
     *(rf"{word}\.?" for word in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))]))
_DAY_MONTH_YEAR = rf"\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{MONTH}\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"{MONTH}\s+\d{{1,2}},\s*\d{{4}}"
_TIME = (
    r"(?:,?\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.|am|pm|hours?|hrs\.?|h)?"
    r"|noon|midnight)(?:\s+\(?local time\)?)?)"
)

# B1, B1a, B1b: the document date line, and B1c: the date followed by the title on one line.
DATE_LINE = re.compile(rf"(?:{MONTH}\s+\d{{1,2}},\s*\d{{4}}|{MONTH}\s+\d{{4}}|\d{{4}})", re.I)
DATE_THEN_TITLE = re.compile(rf"({MONTH}\s+\d{{1,2}},\s*\d{{4}})\s+(\S.*)", re.I)

# E1, D11, I4: an opening or closing dateline, with an optional place or time-of-day prefix.
DATELINE = re.compile(
    # the place is capitalised words (case-sensitive even under re.I): "Havana", "New York"
    rf"(?:(?:(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})"
    rf"|Evening|Morning|Night|Afternoon),?\s*)?"
    rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}){_TIME}?\.?",
    re.I,
)
# I1, rule 7: "12.XI.62" with an optional signer on the same line.
ROMAN_DATELINE = re.compile(r"(\d{1,2}\s?\.\s?[IVX]{1,4}\s?\.\s?\d{2,4}\.?)(?:\s+(\S.*))?")

TITLE_OPEN = "**"
HEADER_LABEL = re.compile(
    r"(citation|summary|credits|original\s+language|contents)\s*:?\s*(.*)", re.I
)
CONTENTS_ITEM = re.compile(
    r"(?:(?:translation|transcription|transcript)\s*[-–—]\s*[A-Za-z]+"
    r"|english\s+translation|english\s+html|original\s+scan)(?=\s|$)",
    re.I,
)
FUNDER = re.compile(r"this document was made possible\b", re.I)
SOURCE_OPEN = re.compile(r"\[\s*source\s*:", re.I)
URL = re.compile(r"<?(https?://[^\s<>]+)>?")
# RFC 3986 as the schema's teidata.pointer has it: a URL with "%s" or "[...]" in it is text.
_URI_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@/?:]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])"
URI_REFERENCE = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_URI_CHAR}*(?:#{_URI_CHAR}*)?")
# C-OLD: the unlabelled citation opens with a quoted title and names the archive.
BARE_CITATION = re.compile(r"[\"“].{3,}\b\d{4}\b.*(?:digital archive|wilson center)", re.I | re.S)

# B6, B7: site chrome and the PDF export header line.
CHROME = re.compile(
    r"(?:skip to (?:main )?content|search in|search|menu|get citation|share document|"
    r"digital archive\b.*|international history declassified|download pdf|print)",
    re.I,
)

# B6, C-OLD: the old site's page chrome without labels: the button row ("CITATION SHARE
# DOWNLOAD"), a bulleted tab ("• Citation"), the contents link ("VIEW DOCUMENT IN English").
OLD_CHROME = re.compile(
    r"(?:(?:citation|share|download|print|email|export)(?:\s+|$)){2,}"
    r"|[•·▪◦*]\s*(?:citation|share|download|print|email|export)"
    r"|view\s+document\s+in\b.{0,40}",
    re.I,
)

# C-NEW trailer. The first group opens the trailer; the second only counts inside it.
TRAILER_OPENING = re.compile(
    r"(author\(s\)|associated people\s*&\s*organizations|associated places|associated topics"
    r"|subjects discussed|related documents|document information)\s*:?\s*(.*)",
    re.I,
)
TRAILER_LABEL = re.compile(
    r"(author\(s\)|associated people\s*&\s*organizations|associated places|associated topics"
    r"|subjects discussed|related documents|document information|source|original archive"
    r"|rights|original uploaded date|type|language|record id|original classification"
    r"|to cite this document)\s*:?\s*(.*)",
    re.I,
)
UNKNOWN_LABEL = re.compile(r"([A-Z][A-Za-z()&'’/ -]{1,40}?)\s*:\s*(.*)")

# F6, F7, F8: footnote list items; F8's bare digit only under a heading ("EDITOR'S NOTES").
NOTE_ITEM = re.compile(r"(?:\[(\d{1,3})\]|(\d{1,3})\.)\s+(?=\S)")
NOTE_ITEM_BARE = re.compile(r"(?:\[(\d{1,3})\]|(\d{1,3})\.?)\s+(?=\S)")
NOTES_HEADING = re.compile(r"editor[’']?s\s+notes?:?|notes:?|footnotes:?", re.I)
MARKER_ONE = re.compile(r"¹|\[1\]|(?<=[A-Za-zÀ-ɏ.,;)\"'’”])1(?=[\s,.;:)\]]|$)")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def marker_of(number: int) -> re.Pattern[str]:
    """A body marker of footnote ``number``: superscript, ``[n]``, glued to a word,
    punctuation or a closing bracket, or after a space closing a clause ("Rome 3.").
    An excerpt's list may open at 3 when its body keeps the marker of 3."""
    n = str(number)
    return re.compile(rf"{n.translate(_SUPERSCRIPT)}|\[{n}\]|"
                      rf"(?<=[A-Za-zÀ-ɏ.,;)\]\"'’”]){n}(?=[\s,.;:)\]]|$)|"
                      rf"(?<=[A-Za-zÀ-ɏ]{{2}} ){n}(?=[,.;:](?:\s|$)|$)")

# D19: a distribution list, its heading and its items ("1 - Cde. Berg", "1st - to file").
DISTRIBUTION_HEAD = re.compile(
    r"(?:received\s+by|copies\s+made|copies\s+to|(?:\w+\s+)?copies\s+printed|distribution)"
    r"\b.{0,60}",
    re.I,
)
DISTRIBUTION_NUMBERED = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s*[-–—]\s*\S.{0,60}", re.I)
DISTRIBUTION_NAME = re.compile(
    rf"(?:{DISTRIBUTION_TITLES})\s+[A-ZÀ-Þ][\w'’.-]*(?:[ ,]+[A-ZÀ-Þ][\w'’.-]*){{0,4}}\.?"
)

SENTENCE_END = re.compile(r"[.!?:;…\"”’»)\]]$")
