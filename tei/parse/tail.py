"""The end of a document: new-site trailer, unlabelled summary, source line, footnote list.

Each function takes the body lines, takes what it recognises off the end and returns the
rest, so the closer and paragraphs are found in what remains (FORMAT.md C-NEW, C6, F6-F8).
"""

from __future__ import annotations

import re

from tei.model import LAYOUT_WHITESPACE, Consumed, ExtraField, Footnote, Header
from tei.parse import patterns as pat
from tei.parse.lines import Line, chunks, cut, fold_hyphenated, make_field, span_field
from tei.parse.rules import Outcome, Rule, apply_first


def _strip_blank_end(lines: list[Line]) -> list[Line]:
    end = len(lines)
    while end and lines[end - 1].blank:
        end -= 1
    return lines[:end]


def take_trailer(source: str, lines: list[Line], header: Header) -> list[Line]:
    """C-NEW: ``Author(s):`` … ``Original Classification`` kept as extra fields."""
    start = next(
        (k for k, line in enumerate(lines) if pat.TRAILER_OPENING.fullmatch(line.text)), None
    )
    if start is None:
        return lines
    for line, match, value_lines in _trailer_items(lines[start:]):
        if match.group(2):
            label_end = line.start + match.start(2)
            value_lines = [cut(line, label_end)] + value_lines
        else:
            label_end = line.end
        value = span_field(source, value_lines) if value_lines else None
        label = source[line.start:label_end].strip(LAYOUT_WHITESPACE)
        header.extra.append(ExtraField(label, value, line.start, line.start + len(label)))
    body = _strip_blank_end(lines[:start])
    if header.summary is None and body:
        body = _take_summary_after_the_body(source, body, header)
    return body


def _trailer_items(lines: list[Line]) -> list[tuple[Line, re.Match[str], list[Line]]]:
    """The trailer's labelled items: label line, its match, and the lines of its value."""
    items: list[tuple[Line, re.Match[str], list[Line]]] = []
    for line in lines:
        match = pat.TRAILER_LABEL.fullmatch(line.text) if not line.blank else None
        if match and (":" in line.text or not match.group(2)):
            items.append((line, match, []))
        elif not line.blank:
            items[-1][2].append(line)
    return items


def _take_summary_after_the_body(source: str, body: list[Line], header: Header) -> list[Line]:
    """C-NEW: the summary has no label and stands between the body and the trailer."""
    groups = chunks(body)
    last = groups[-1]
    # Only a chunk that really follows the body: never the body itself.
    if len(groups) > 1 and not pat.SOURCE_OPEN.match(last[0].text):
        header.summary = span_field(source, last)
        return _strip_blank_end(body[: body.index(last[0])])
    return body


def take_source_line(
    source: str, lines: list[Line], header: Header, consumed: list[Consumed]
) -> list[Line]:
    """C6: the last chunk ``[Source: …]`` becomes the header's source."""
    lines = _strip_blank_end(lines)
    groups = chunks(lines)
    if not groups or header.source is not None:
        return lines
    last = groups[-1]
    opener = pat.SOURCE_OPEN.match(last[0].text)
    if not opener or not last[-1].text.endswith("]"):
        return lines
    inner = make_field(source, last[0].start + opener.end(), last[-1].end - 1)
    if not inner.text:
        return lines
    consumed.append(Consumed(last[0].start, last[0].start + opener.end(), "source line"))
    consumed.append(Consumed(last[-1].end - 1, last[-1].end, "source line"))
    header.source = inner
    return _strip_blank_end(lines[: lines.index(last[0])])


_Item = tuple[int, Line, list[Line]]  # a footnote's number, first line and continuation


def _split_items(group: list[Line], bare: bool) -> list[_Item] | None:
    """A chunk as footnote items (number, first line, continuation), or None if it is not."""
    items: list[_Item] = []
    for line in group:
        match = (pat.NOTE_ITEM_BARE if bare else pat.NOTE_ITEM).match(line.text)
        number = int(match.group(1) or match.group(2)) if match else None
        if number is not None and (not items or number == items[-1][0] + 1):
            items.append((number, line, []))
        elif items:
            items[-1][2].append(line)
        else:
            return None
    return items


class _NoteList:
    """The backward walk over the chunks at the end: the chain of numbered items found so
    far (first item first), and an unnumbered paragraph waiting for the note it goes on."""

    def __init__(self, bare: bool, before_source_line: bool) -> None:
        self.bare = bare  # under a notes heading: bare numbers count (F8)
        self.before_source_line = before_source_line
        self.chain: list[_Item] = []
        self.run_on: list[Line] = []
        self.items: list[_Item] | None = None  # the chunk being tried, as items

    def continues(self) -> bool:
        """The chunk is numbered items that end one below the chain's first number."""
        items = self.items
        if not items:
            return False
        return not self.chain or items[-1][0] == self.chain[0][0] - 1

    def prepend(self, group: list[Line]) -> Outcome:
        items = list(self.items or [])
        if self.run_on:
            number, first, more = items[-1]
            items[-1] = (number, first, more + self.run_on)
            self.run_on = []
        self.chain = items + self.chain
        return Outcome.LAST if self.chain[0][0] == 1 else Outcome.TAKEN

    def may_run_on(self, group: list[Line]) -> bool:
        return (self.items is None and not self.run_on
                and bool(self.chain or self.before_source_line) and _reads_as_note(group))

    def hold_run_on(self, group: list[Line]) -> Outcome:
        self.run_on = group
        return Outcome.TAKEN


def _opens_bracketed(walk: _NoteList) -> bool:
    items = walk.items
    return items is not None and bool(items) and items[0][1].text.startswith("[")


# The footnote list, read chunk by chunk from the end (FORMAT.md F6 to F8): each chunk is
# tried against these rules in order; the list begins below the first chunk none takes.
FOOTNOTE_RULES: list[Rule[_NoteList, list[Line]]] = [
    Rule("F8", "bare-numbers-under-a-heading",
         lambda walk, group: walk.bare and walk.continues(), _NoteList.prepend),
    Rule("F6", "bracketed-numbers",
         lambda walk, group: not walk.bare and walk.continues() and _opens_bracketed(walk),
         _NoteList.prepend),
    Rule("F7", "numbers-with-a-full-stop",
         lambda walk, group: not walk.bare and walk.continues(), _NoteList.prepend),
    # A paragraph without a number inside the list (or, before a source line, right after
    # it) is the next paragraph of the note above it.
    Rule("F7", "note-paragraph-without-a-number", _NoteList.may_run_on,
         _NoteList.hold_run_on),
]


def _notes_heading(groups: list[list[Line]]) -> int | None:
    """The index of the last chunk that is a notes heading alone (F8), if any."""
    return next(
        (k for k in range(len(groups) - 1, -1, -1)
         if len(groups[k]) == 1 and pat.NOTES_HEADING.fullmatch(groups[k][0].text)),
        None,
    )


def _walk_notes(groups: list[list[Line]], walk: _NoteList, lowest: int) -> int:
    """Run the rules from the last chunk up to ``lowest``; the index of the chunk the
    list stopped below (``lowest - 1`` or less when it reached the top)."""
    k = len(groups) - 1
    while k >= lowest:
        walk.items = _split_items(groups[k], walk.bare)
        outcome = apply_first(FOOTNOTE_RULES, walk, groups[k])
        if outcome is Outcome.END:
            break
        k -= 1
        if outcome is Outcome.LAST:
            break
    return k


def take_footnotes(
    source: str,
    lines: list[Line],
    consumed: list[Consumed],
    *,
    before_source_line: bool = False,
) -> tuple[list[Line], list[Footnote]]:
    """F6-F8: the numbered list at the end, counted back from its last item down to 1 (or
    to a later first number whose marker the body keeps, in an excerpt).

    A paragraph without a number inside the list (or, when ``before_source_line``, right
    after it) is the next paragraph of the note before it.
    """
    lines = _strip_blank_end(lines)
    groups = chunks(lines)
    heading_index = _notes_heading(groups)
    walk = _NoteList(heading_index is not None, before_source_line)
    first_group = heading_index + 1 if heading_index is not None else len(groups)
    k = _walk_notes(groups, walk, first_group if walk.bare else 0)
    chain = walk.chain
    if walk.run_on or not chain or (walk.bare and k + 1 != first_group):
        return lines, []
    before = lines[: lines.index(chain[0][1])]
    if not _is_footnote_list(source, before, chain[0][0], walk.bare,
                             groups[k] if k >= 0 else None):
        return lines, []
    notes = _footnotes_of(source, chain, walk.bare, consumed)
    if heading_index is not None:
        heading = groups[heading_index][0]
        consumed.append(Consumed(heading.start, heading.end, "footnote heading"))
        before = lines[: lines.index(heading)]
    return _strip_blank_end(before), notes


def _is_footnote_list(source: str, before: list[Line], first: int, bare: bool,
                      previous: list[Line] | None) -> bool:
    if first != 1:
        # An excerpt's list may open at a later number ("3. ..."): footnotes only when the
        # body keeps the marker of that first number.
        return _marks(source, before, first)
    return bare or _list_is_plausible(source, before, previous)


def _footnotes_of(source: str, chain: list[_Item], bare: bool,
                  consumed: list[Consumed]) -> list[Footnote]:
    notes: list[Footnote] = []
    for number, first, more in chain:
        match = (pat.NOTE_ITEM_BARE if bare else pat.NOTE_ITEM).match(first.text)
        assert match is not None
        text_start = first.start + match.end()
        consumed.append(Consumed(first.start, text_start, "footnote number"))
        note = make_field(source, text_start, (more[-1] if more else first).end)
        text, _ = fold_hyphenated(source, note.start, note.end)
        notes.append(Footnote(str(number), text, note.start, note.end))
    return notes


def _marks(source: str, before: list[Line], number: int) -> bool:
    return bool(before) and bool(
        pat.marker_of(number).search(source[before[0].start : before[-1].end]))


def _list_is_plausible(source: str, before: list[Line], previous: list[Line] | None) -> bool:
    """A ``1.`` list is footnotes, not numbered paragraphs, when the body marks note 1."""
    if not before:
        return False
    text = source[before[0].start : before[-1].end]
    if pat.MARKER_ONE.search(text):
        return True
    if previous is not None and len(previous) == 1 and len(previous[0].text) <= 40:
        # A short line (a signature) stands between the body and a numbered list.
        return not pat.SENTENCE_END.search(previous[0].text) or previous[0].text.isupper()
    return False


def _reads_as_note(group: list[Line]) -> bool:
    """A paragraph of prose (not a signature, heading or dateline) can run on a note."""
    text = " ".join(line.text for line in group)
    words = text.split()
    return (
        len(words) >= 4 and sum(c.islower() for c in text) > sum(c.isupper() for c in text)
        and not pat.SOURCE_OPEN.match(text) and not pat.NOTES_HEADING.fullmatch(text)
    )
