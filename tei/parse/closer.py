"""The closing: datelines, signers, title and typist lines, letter close (FORMAT.md I1-I9).

Read backwards from the end of the body: each line that looks like part of a closing is
taken until one does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei.lexicon import NOT_SIGNER_CAPS
from tei.model import Block
from tei.parse import patterns as pat
from tei.parse.lines import Line, make_field
from tei.parse.rules import Outcome, Rule, apply_first, taken

_INITIALS = r"(?:[A-ZÀ-Þ][a-z]?\.\s?){1,3}"
_CAPS_NAME = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?"
# I1, I2, I5: "A. DOBRYNIN", "V.V. KUZNETSOV", "ORTIZ"; H3 and I3: "/V. PETROV/", "(A. ALEKSEEV)".
SIGNER = re.compile(
    rf"(?:\[signature\]\s*)?[(/]?(?:{_INITIALS}\s?)?{_CAPS_NAME}[)/]?\.?"
    rf"|\[signature\]\s*(?:[(/].+[)/])?|\[\[?illegible signature\]\]?"
)
_SHORT_SIGNER = re.compile(r"(?:[A-Z][A-Za-z'’.]*\.?)(?:\s[A-Z][A-Za-z'’.]*\.?){0,2}")
TYPIST_CODE = re.compile(r"\d{4,8}|[a-z]{1,3}|[A-Z]{1,3}/[a-z]{1,3}")
TRANSLATOR = re.compile(r"(?:translated|translation)\s+by\b.*", re.I)
LETTER_CLOSE = re.compile(
    r"(?:with\s+(?:comradely|fraternal|sincere|best|kind)\s+(?:greetings|regards|respect)"
    r"|sincerely(?:\s+yours)?|respectfully(?:\s+yours)?|yours\s+(?:sincerely|faithfully|truly)"
    r"|with\s+respect|comradely\s+yours)[,.!]?",
    re.I,
)
_CAPS_TITLE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{3,60}")


def _is_signer(text: str) -> bool:
    return bool(SIGNER.fullmatch(text)) and len(text) <= 60


def read_closer(source: str, lines: list[Line], *, last_line_signer: bool) -> tuple[
    list[Line], list[Block]
]:
    """Take the closing off the end of ``lines``: (remaining lines, closer blocks in order).

    ``last_line_signer``: a short name or initials line at the very end is a signer (the
    FRUS layout, where the list of footnotes follows the signature).
    """
    content = [line for line in lines if not line.blank]
    found = _read_backwards(source, content, last_line_signer, with_distribution=True)
    if found is None:
        found = _read_backwards(source, content, last_line_signer, with_distribution=False)
    assert found is not None  # without a list there is nothing to withdraw
    taken, k = found
    if not taken:
        return lines, []
    first_kept = content[k] if k >= 0 else None
    rest = lines[: lines.index(first_kept) + 1] if first_kept else []
    return rest, list(reversed(taken))


class _Closing:
    """The backward walk over the last lines: what it has taken (last first) and where."""

    def __init__(self, source: str, content: list[Line], last_line_signer: bool,
                 taken: list[Block]) -> None:
        self.source = source
        self.content = content
        self.last_line_signer = last_line_signer
        self.taken = taken
        self.listed = len(taken)  # the distribution list's lines, taken before the walk
        self.signers = 0
        self.k = len(content) - 1 - self.listed  # the index of the line being tried

    def take(self, start: int, end: int, kind: str, line_type: str | None = None) -> None:
        self.taken.append(_block(self.source, start, end, kind, line_type))

    def take_line(self, line: Line, kind: str, line_type: str | None = None) -> None:
        self.take(line.start, line.end, kind, line_type)

    def take_signer(self, line: Line) -> None:
        self.take_line(line, "signed")
        self.signers += 1

    def is_last_line(self, line: Line) -> bool:
        """``line`` is the last one before the distribution list, and nothing is taken."""
        return len(self.taken) == self.listed and self.k == len(self.content) - 1 - self.listed

    def has_signed(self) -> bool:
        return any(block.kind == "signed" for block in self.taken)


def _take_roman_dateline(closing: _Closing, line: Line) -> Outcome:
    # Rule 7: the dated signer line opens the closing.
    roman = pat.ROMAN_DATELINE.fullmatch(line.text)
    assert roman is not None
    if roman.group(2) and _is_signer(roman.group(2)):
        closing.take(line.start + roman.start(2), line.end, "signed")
    elif roman.group(2):
        return Outcome.END
    closing.take(line.start, line.start + roman.end(1), "dateline")
    return Outcome.LAST


def _signature_at(text: str) -> int:
    return text.lower().index("[signature]")


def _has_signature(closing: _Closing, line: Line) -> bool:
    return "[signature]" in line.text.lower() and len(line.text) <= 100


def _title_and_signature(closing: _Closing, line: Line) -> bool:
    """ "TITLE [signature] /NAME/": a title in capitals before the signature."""
    if not _has_signature(closing, line):
        return False
    head = line.text[: _signature_at(line.text)].strip()
    return bool(head) and bool(_CAPS_TITLE.fullmatch(head))


def _take_title_and_signature(closing: _Closing, line: Line) -> None:
    sig_start = line.start + _signature_at(line.text)
    closing.take(sig_start, line.end, "signed")
    closing.take(line.start, sig_start, "line", "title")
    closing.signers += 1


def _is_caps_signer(closing: _Closing, line: Line) -> bool:
    return _is_signer(line.text) and closing.signers < 3 and not _is_prose_caps(line.text)


def _is_short_last_signer(closing: _Closing, line: Line) -> bool:
    return (closing.last_line_signer and closing.is_last_line(line)
            and bool(_SHORT_SIGNER.fullmatch(line.text)) and len(line.text) <= 30)


def _is_title_above_signature(closing: _Closing, line: Line) -> bool:
    last = closing.taken[-1] if closing.taken else None
    return (bool(_CAPS_TITLE.fullmatch(line.text)) and last is not None
            and last.kind == "signed" and "[signature]" in last.text.lower())


def _taking(kind: str, line_type: str | None = None) -> Callable[[_Closing, Line], Outcome]:
    return taken(lambda closing, line: closing.take_line(line, kind, line_type))


# The closer, read from the last line up (FORMAT.md I1 to I9): each line is tried against
# these rules in order, and the closing begins below the first line none takes.
CLOSER_RULES: list[Rule[_Closing, Line]] = [
    Rule("I1", "roman-dateline-and-signer",
         lambda closing, line: bool(pat.ROMAN_DATELINE.fullmatch(line.text)),
         _take_roman_dateline),
    Rule("I3", "title-signature-and-name", _title_and_signature,
         taken(_take_title_and_signature)),
    # "[signature] (NAME)", "Prepared by [signature]": the whole line is the signature.
    Rule("I9", "signature-line", _has_signature, taken(_Closing.take_signer)),
    Rule("I2", "signer", _is_caps_signer, taken(_Closing.take_signer)),
    # The FRUS layout, where the list of footnotes follows the signature: a short name or
    # initials line at the very end is a signer.
    Rule("F7", "signer-above-the-notes", _is_short_last_signer, taken(_Closing.take_signer)),
    Rule("I5", "typist-line",
         lambda closing, line: bool(TYPIST_CODE.fullmatch(line.text))
         and not closing.has_signed(),
         _taking("line", "typist")),
    Rule("I4", "translator-line",
         lambda closing, line: bool(TRANSLATOR.fullmatch(line.text)) and len(line.text) <= 80,
         _taking("line", "translator")),
    Rule("I6", "letter-close",
         lambda closing, line: bool(LETTER_CLOSE.fullmatch(line.text)), _taking("salute")),
    Rule("I4", "closing-dateline",
         lambda closing, line: bool(pat.DATELINE.fullmatch(line.text)) and len(line.text) <= 60,
         _taking("dateline")),
    Rule("I3", "title-above-the-signature", _is_title_above_signature,
         _taking("line", "title")),
]


def _read_backwards(
    source: str, content: list[Line], last_line_signer: bool, *, with_distribution: bool
) -> tuple[list[Block], int] | None:
    """Closer blocks from the end (last first) and the index of the last line left, or None
    when a distribution list was taken but no signature stands before it."""
    closing = _Closing(source, content, last_line_signer,
                       _distribution(source, content) if with_distribution else [])
    while closing.k >= 0:
        outcome = apply_first(CLOSER_RULES, closing, content[closing.k])
        if outcome is Outcome.END:
            break
        closing.k -= 1
        if outcome is Outcome.LAST:
            break
    if closing.listed and not any(b.kind == "signed" for b in closing.taken[closing.listed:]):
        return None
    return closing.taken, closing.k


def _distribution(source: str, content: list[Line]) -> list[Block]:
    """D19: the distribution list after the signature, last line first (or nothing)."""
    taken: list[Block] = []
    numbered = 0
    for line in reversed(content):
        text = line.text
        if pat.DISTRIBUTION_NUMBERED.fullmatch(text):
            numbered += 1
        elif not pat.DISTRIBUTION_NAME.fullmatch(text):
            break
        taken.append(_block(source, line.start, line.end, "line", "distribution"))
    k = len(content) - 1 - len(taken)
    if k >= 0 and pat.DISTRIBUTION_HEAD.fullmatch(content[k].text):
        line = content[k]
        return taken + [_block(source, line.start, line.end, "line", "distribution")]
    if taken and numbered == len(taken) and numbered >= 2:
        return taken
    return []


def _is_prose_caps(text: str) -> bool:
    """A caps line that is a heading or classification, not a name."""
    words = re.sub(r"[^A-Za-z ]", " ", text).split()
    return any(word.upper() in NOT_SIGNER_CAPS for word in words) or len(words) > 4


def _block(source: str, start: int, end: int, kind: str, line_type: str | None = None) -> Block:
    field = make_field(source, start, end)
    attrs = {"type": line_type} if line_type else {}
    return Block("closer", kind, field.text, field.start, field.end, attrs=attrs)

