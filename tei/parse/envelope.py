"""The file envelope: bytes to text, and the whitespace normalisation every offset refers to.

Normalisation changes only whitespace (and drops a leading byte-order mark), so every
character a reader can see survives into ``Document.source``.
"""

from __future__ import annotations

import codecs
import re

from tei.errors import InputError

_BOM = "\ufeff"
# Whitespace that XML cannot hold or that ends a page: it becomes a line break.
_BREAKING_WHITESPACE = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x1f]")
# Characters XML 1.0 forbids (tab and line feed are allowed; the rest are normalised away).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1b\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s")  # what str.isspace calls whitespace (sre uses the same table)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (or, with its byte-order mark, UTF-16) text of ``data``; raises
    :class:`InputError` for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(name, "the file is empty", "export the document again")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
            codecs.BOM_UTF32_LE):
        # UTF-16 with its byte-order mark (as some editors save "Unicode" text): read it.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(name, f"the text is not valid UTF-16 (byte {error.start})",
                             "re-save the file as UTF-8") from None
    if b"\x00" in data:
        raise InputError(
            name, "the file is binary (it contains NUL bytes)", "give a plain-text .txt file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            name,
            f"the text is not valid UTF-8 (byte {error.start}, 0x{data[error.start]:02x})",
            "re-save the file as UTF-8",
            line,
        ) from None


def check_characters(text: str, name: str) -> None:
    """Reject text that is binary at heart or holds characters no XML document can hold."""
    if not text.strip():
        raise InputError(name, "the file is empty", "export the document again")
    if "\x00" in text:
        raise InputError(
            name, "the file is binary (it contains NUL bytes)", "give a plain-text .txt file"
        )
    controls = len(_CONTROL.findall(text))
    # Counted only when there are control characters at all: the count of visible
    # characters is a pass over the whole text.
    if controls and controls * 2 > len(text) - len(_SPACE.findall(text)):
        raise InputError(
            name,
            "the file is binary (it is mostly control characters)",
            "give a plain-text .txt file",
        )
    bad = _XML_ILLEGAL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            name,
            f"the text holds the control character U+{ord(bad.group()):04X}, which XML cannot hold",
            "remove it or export the document again",
            line,
        )


def normalise(text: str) -> str:
    """BOM dropped, LF line ends, tabs expanded, trailing spaces and tabs cut, and a line
    holding only whitespace of any kind (no-break spaces too) made empty: it is a blank
    line. Whitespace inside a line's text other than spaces and tabs stays as it is."""
    if text.startswith(_BOM):
        text = text[1:]
    text = _BREAKING_WHITESPACE.sub("\n", text)
    lines = [line.expandtabs(8).rstrip(" ") if line.strip() else "" for line in text.split("\n")]
    return "\n".join(lines)


def layout_free(raw: str) -> str:
    """What normalising may not change: the characters of ``raw`` less a leading byte-order
    mark, line ends, spaces, tabs and the lines that hold only whitespace."""
    lines = _BREAKING_WHITESPACE.sub("\n", raw.removeprefix(_BOM)).split("\n")
    kept = "".join(line for line in lines if line.strip())
    # Three replacements of one character each, several times quicker than a regex.
    return kept.replace(" ", "").replace("\t", "").replace("\n", "")
