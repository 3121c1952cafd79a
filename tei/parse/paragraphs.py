"""Body paragraphs and headings, page-break joins and leading labels (FORMAT.md J, K).

Paragraphs are separated by blank lines; inside a run of lines a new paragraph starts
where one line ends a sentence and the next begins one (K6), unless the run is
hard-wrapped text (K3), where only a short line ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tei.lexicon import NOT_SPEAKERS, SPEAKER_TITLES
from tei.model import Block, Warning_
from tei.parse import patterns as pat
from tei.parse.lines import Line, fold, fold_hyphenated

# J8, J6, D14: a heading alone on its line.
HEAD = re.compile(
    r"[IVX]{1,5}\.?|x{3,}|\*{3,}|(?:\*\s){2,}\*|[A-ZÀ-Þ][A-ZÀ-Þ .,'’&:()/-]{3,60}"
)
CAPS_HEADING = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ .,'’&:()/-]{3,60}")
SECTION_LABEL = re.compile(
    r"(?:\d{1,2}\.|[IVX]{1,4}\.|[a-z][.)]|\([a-z0-9]{1,2}\)|\d{1,2}\s?o\))(?=\s)"
)
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
SPEAKER_LABEL = re.compile(
    rf"(?:(?:{SPEAKER_TITLES})\.?\s+)?{_NAME_WORD}(?:\s{_NAME_WORD}){{0,4}}:"
    r"(?=\s)"
    r"|(?:[A-ZÀ-Þ]\.\s?){1,3}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.(?=\s)"
    r"|(?:[A-Z]\.){1,3}[A-Z][a-z]+\.(?=\s)"
)
# K4: a page number or running header left between two halves of a paragraph.
PAGE_NUMBER = re.compile(r"\d{1,3}|-\s?\d{1,3}\s?-")
RUNNING_HEADER = re.compile(r"[A-Z][A-Z .,'’-]{8,80}\s\d{1,4}|\d{1,4}\s[A-Z][A-Z .,'’-]{8,80}")
# J8: a capital-letter item "A." opening a paragraph (a label only in a sequence A., B.).
LETTER_ITEM = re.compile(r"([A-Z])\.(?=\s|$)")
_LOWER_START = re.compile(r"[a-zà-ÿ]")
_UPPER_START = re.compile(r"[A-ZÀ-Þ0-9\"“‘'(\[«¿¡]")


@dataclass
class _Para:
    lines: list[Line]
    after_blank: bool  # separated from the previous paragraph by a blank line


def _split_chunk(group: list[Line]) -> list[list[Line]]:
    if len(group) == 1:
        return [group]
    widths = [len(line.text) for line in group[:-1]]
    wrap = max(widths)
    hard_wrapped = len(widths) >= 2 and wrap <= 100 and min(widths) >= 0.6 * wrap
    paragraphs: list[list[Line]] = [[group[0]]]
    for prev, line in zip(group, group[1:], strict=False):
        if _is_heading(paragraphs[-1] + [line]):
            paragraphs[-1].append(line)  # D14: a heading going on in lower case
        elif (_ends_paragraph(prev, line, paragraphs[-1], wrap if hard_wrapped else None)
              or HEAD.fullmatch(prev.text) or HEAD.fullmatch(line.text)):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _ends_paragraph(prev: Line, line: Line, paragraph: list[Line], wrap: int | None) -> bool:
    """A new paragraph starts at ``line`` (K6): ``prev`` ends a sentence and ``line`` opens
    one; in hard-wrapped text (K3, ``wrap`` its width) only after a short line."""
    new = bool(pat.SENTENCE_END.search(prev.text)) and bool(_UPPER_START.match(line.text))
    if wrap is not None:
        new = new and len(prev.text) < 0.8 * wrap
    if new and _open_quote(paragraph):
        new = False  # a quotation running over lines (I7, L3) is one paragraph
    if LETTER_ITEM.fullmatch(prev.text):
        new = False  # J8: "A." alone on its line opens the paragraph below it
    return new


def _is_heading(lines: list[Line]) -> bool:
    """One heading line, maybe going on in lower case over the lines below (D14)."""
    first = lines[0].text
    if not HEAD.fullmatch(first) or len(first.split()) > 8:
        return False
    if len(lines) == 1:
        return True
    return (
        len(lines) <= 3 and bool(CAPS_HEADING.fullmatch(first))
        and not re.fullmatch(r"[IVX]{1,5}\.?", first)
        and all(_continues_heading(line.text) for line in lines[1:])
    )


def _continues_heading(text: str) -> bool:
    return bool(_LOWER_START.match(text)) and not SECTION_LABEL.match(text) and len(text) <= 160


def _open_quote(lines: list[Line]) -> bool:
    text = " ".join(line.text for line in lines)
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _labels(text: str) -> tuple[tuple[int, int, str], ...]:
    section = SECTION_LABEL.match(text)
    if section:
        return ((0, section.end(), "section"),)
    speaker = SPEAKER_LABEL.match(text)
    if speaker:
        first = speaker.group().split()[0].lower().rstrip(":.")
        if first not in NOT_SPEAKERS and not text[speaker.end() :].strip() == "":
            return ((0, speaker.end(), "speaker"),)
    return ()


def read_paragraphs(
    source: str, lines: list[Line], warnings: list[Warning_] | None = None
) -> list[Block]:
    """Blocks for the body lines, in order: ``p`` and ``head``.

    A page number or running header (K4) between the halves of a split paragraph is its own
    block (``attrs["type"]``), placed after the rejoined paragraph whose range it lies in.
    """
    body = _Body(source, warnings)
    for para in _paragraphs(lines):
        body.add(para)
    _label_letter_items(body.blocks)
    return body.blocks


def _paragraphs(lines: list[Line]) -> list[_Para]:
    paras: list[_Para] = []
    current: list[Line] = []
    for line in lines + [Line(0, 0, 0, "")]:
        if not line.blank:
            current.append(line)
        elif current:
            for k, group in enumerate(_split_chunk(current)):
                paras.append(_Para(group, after_blank=k == 0))
            current = []
    return paras


class _Body:
    """The body's blocks as they are read, and the page furniture met between them."""

    def __init__(self, source: str, warnings: list[Warning_] | None) -> None:
        self.source = source
        self.warnings = warnings
        self.blocks: list[Block] = []
        self.trailing_furniture: list[Block] = []  # page furniture since the last paragraph
        self.furniture_seen: list[Block] = []
        self.last_index = -1  # the last block that is not page furniture
        self.undecided: list[int] = []  # line numbers of furniture whose split is not decided

    def add(self, para: _Para) -> None:
        start, end = para.lines[0].start, para.lines[-1].end
        text = fold(self.source[start:end])
        is_head = _is_heading(para.lines)
        furniture = _furniture_type(text) if len(para.lines) == 1 else None
        if furniture and self.blocks:
            self.add_furniture(Block("body", "p", text, start, end, attrs={"type": furniture}),
                               para.lines[0].no)
            return
        last = self.blocks[self.last_index] if self.last_index >= 0 else None
        open_sentence = _is_open_paragraph(last)
        if last is not None and open_sentence and para.after_blank and not is_head \
                and _LOWER_START.match(text):
            self.rejoin(last, end)
            return
        if self.trailing_furniture and (not open_sentence or is_head):
            self.undecided.clear()  # the paragraph before ended: the furniture split nothing
        _warn_undecided(self.undecided, self.warnings)
        self.trailing_furniture.clear()
        folded, hyphens = fold_hyphenated(self.source, start, end)
        self.last_index = len(self.blocks)
        if is_head:
            self.blocks.append(Block("body", "head", folded, start, end, hyphenations=hyphens))
        else:
            self.blocks.append(Block("body", "p", folded, start, end, labels=_labels(folded),
                                     hyphenations=hyphens))

    def add_furniture(self, block: Block, line_no: int) -> None:
        self.blocks.append(block)
        self.trailing_furniture.append(block)
        self.furniture_seen.append(block)
        self.undecided.append(line_no)

    def rejoin(self, last: Block, end: int) -> None:
        """K1: a page break split this paragraph; rejoin it and remember where."""
        holes = tuple(_hole(b) for b in self.furniture_seen if b.start > last.start)
        joined, hyphens = fold_hyphenated(self.source, last.start, end, holes)
        self.blocks[self.last_index] = Block(
            "body", "p", joined, last.start, end,
            breaks=last.breaks + (len(last.text) + 1,), labels=last.labels,
            hyphenations=hyphens,
        )
        self.undecided.clear()
        self.trailing_furniture.clear()


def _is_open_paragraph(block: Block | None) -> bool:
    """A paragraph whose last sentence does not end."""
    return block is not None and block.kind == "p" and not pat.SENTENCE_END.search(block.text)


def _furniture_type(text: str) -> str | None:
    if PAGE_NUMBER.fullmatch(text):
        return "page-number"
    if RUNNING_HEADER.fullmatch(text):
        return "running-header"
    return None


def _hole(block: Block) -> tuple[int, int]:
    return block.start, block.end


def _warn_undecided(undecided: list[int], warnings: list[Warning_] | None) -> None:
    if warnings is not None:
        for line_no in undecided:
            warnings.append(Warning_(line_no, "a page number or running header stands between "
                                              "two paragraphs that may be one",
                                              "layout-page-furniture"))
    undecided.clear()


def _label_letter_items(blocks: list[Block]) -> None:
    """J8: paragraphs opening ``A.``, ``B.`` (``C.`` …) in turn get a section label.

    A lone ``A.`` is more likely an initial (``A. Gromyko said``) and stays text.
    """
    runs: list[list[int]] = []
    for index, block in enumerate(blocks):
        match = LETTER_ITEM.match(block.text)
        if block.kind != "p" or block.labels or block.attrs or not match:
            continue
        letter = match.group(1)
        if letter == "A":
            runs.append([index])
        elif runs and blocks[runs[-1][-1]].text[0] == chr(ord(letter) - 1):
            runs[-1].append(index)
    for run in runs:
        if len(run) < 2:
            continue
        for index in run:
            blocks[index] = replace(blocks[index], labels=((0, 2, "section"),))
