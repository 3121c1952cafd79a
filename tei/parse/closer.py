"""The closing: datelines, signers, title and typist lines, letter close (FORMAT.md I1-I9).

Read backwards from the end of the body: each line that looks like part of a closing is
taken until one does not.
"""

from __future__ import annotations

import re

from tei.model import Block
from tei.parse import patterns as pat
from tei.parse.lines import Line, make_field

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


def _read_backwards(
    source: str, content: list[Line], last_line_signer: bool, *, with_distribution: bool
) -> tuple[list[Block], int] | None:
    """Closer blocks from the end (last first) and the index of the last line left, or None
    when a distribution list was taken but no signature stands before it."""
    taken = _distribution(source, content) if with_distribution else []
    listed = len(taken)
    signers = 0
    k = len(content) - 1 - listed
    while k >= 0:
        line = content[k]
        text = line.text
        roman = pat.ROMAN_DATELINE.fullmatch(text)
        if roman:
            if roman.group(2) and _is_signer(roman.group(2)):
                taken.append(_block(source, line.start + roman.start(2), line.end, "signed"))
            elif roman.group(2):
                break
            taken.append(_block(source, line.start, line.start + roman.end(1), "dateline"))
            k -= 1
            break  # rule 7: the dated signer line opens the closing
        if "[signature]" in text.lower() and len(text) <= 100:
            # I3, I9: "[signature] (NAME)", "TITLE [signature] /NAME/", "Prepared by [signature]"
            head = text[: text.lower().index("[signature]")].strip()
            if head and _CAPS_TITLE.fullmatch(head):
                sig_start = line.start + text.lower().index("[signature]")
                taken.append(_block(source, sig_start, line.end, "signed"))
                taken.append(_block(source, line.start, sig_start, "line", "title"))
            else:
                taken.append(_block(source, line.start, line.end, "signed"))
            signers += 1
            k -= 1
            continue
        if _is_signer(text) and signers < 3 and not _is_prose_caps(text):
            taken.append(_block(source, line.start, line.end, "signed"))
            signers += 1
        elif (
            len(taken) == listed and last_line_signer and k == len(content) - 1 - listed
            and _SHORT_SIGNER.fullmatch(text) and len(text) <= 30
        ):
            taken.append(_block(source, line.start, line.end, "signed"))
            signers += 1
        elif TYPIST_CODE.fullmatch(text) and all(b.kind != "signed" for b in taken):
            taken.append(_block(source, line.start, line.end, "line", "typist"))
        elif TRANSLATOR.fullmatch(text) and len(text) <= 80:
            taken.append(_block(source, line.start, line.end, "line", "translator"))
        elif LETTER_CLOSE.fullmatch(text):
            taken.append(_block(source, line.start, line.end, "salute"))
        elif pat.DATELINE.fullmatch(text) and len(text) <= 60:
            taken.append(_block(source, line.start, line.end, "dateline"))
        elif (
            _CAPS_TITLE.fullmatch(text) and taken and taken[-1].kind == "signed"
            and "[signature]" in taken[-1].text.lower()
        ):
            taken.append(_block(source, line.start, line.end, "line", "title"))
        else:
            break
        k -= 1
    if listed and not any(block.kind == "signed" for block in taken[listed:]):
        return None
    return taken, k


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
    stop = {"SECRET", "TOP", "CONFIDENTIAL", "URGENT", "END", "NOTES", "EDITOR", "COPY", "XXX"}
    return any(word.upper() in stop for word in words) or len(words) > 4


def _block(source: str, start: int, end: int, kind: str, line_type: str | None = None) -> Block:
    field = make_field(source, start, end)
    attrs = {"type": line_type} if line_type else {}
    return Block("closer", kind, field.text, field.start, field.end, attrs=attrs)

