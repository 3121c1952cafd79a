"""Body paragraphs and headings, page-break joins and leading labels (FORMAT.md J, K).

Paragraphs are separated by blank lines; inside a run of lines a new paragraph starts
where one line ends a sentence and the next begins one (K6), unless the run is
hard-wrapped text (K3), where only a short line ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.model import Block, Warning_
from tei.parse import patterns as pat
from tei.parse.lines import Line, fold

# J8, J6, D14: a heading alone on its line.
HEAD = re.compile(
    r"[IVX]{1,5}\.?|x{3,}|\*{3,}|(?:\*\s){2,}\*|[A-ZÀ-Þ][A-ZÀ-Þ .,'’&:()/-]{3,60}"
)
SECTION_LABEL = re.compile(
    r"(?:\d{1,2}\.|[IVX]{1,4}\.|[a-z][.)]|\([a-z0-9]{1,2}\)|\d{1,2}\s?o\))(?=\s)"
)
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
SPEAKER_LABEL = re.compile(
    rf"(?:(?:Cdes?|Comrades?|Com|Comr|Mr|Mme|Mrs|Dr)\.?\s+)?{_NAME_WORD}(?:\s{_NAME_WORD}){{0,4}}:"
    r"(?=\s)"
    r"|(?:[A-ZÀ-Þ]\.\s?){1,3}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.(?=\s)"
    r"|(?:[A-Z]\.){1,3}[A-Z][a-z]+\.(?=\s)"
)
_NOT_SPEAKERS = {
    "note", "ref", "re", "subject", "date", "place", "time", "to", "from", "source", "summary",
    "translator's", "translator’s", "comment", "answer", "question", "reference", "attention",
    "copy", "copies", "received", "dispatched", "arrived", "processed", "contents", "citation",
}
# K4: a page number or running header left between two halves of a paragraph.
PAGE_FURNITURE = re.compile(r"\d{1,3}|-\s?\d{1,3}\s?-|[A-Z][A-Z .,'’-]{8,80}\s\d{1,4}")
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
        new = bool(pat.SENTENCE_END.search(prev.text)) and bool(_UPPER_START.match(line.text))
        if hard_wrapped:
            new = new and len(prev.text) < 0.8 * wrap
        if new and _open_quote(paragraphs[-1]):
            new = False  # a quotation running over lines (I7, L3) is one paragraph
        if new or HEAD.fullmatch(prev.text) or HEAD.fullmatch(line.text):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


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
        if first not in _NOT_SPEAKERS and not text[speaker.end() :].strip() == "":
            return ((0, speaker.end(), "speaker"),)
    return ()


def read_paragraphs(
    source: str, lines: list[Line], warnings: list[Warning_] | None = None
) -> list[Block]:
    """Blocks for the body lines, in order: ``p`` and ``head``."""
    paras: list[_Para] = []
    current: list[Line] = []
    for line in lines + [Line(0, 0, 0, "")]:
        if not line.blank:
            current.append(line)
        elif current:
            for k, group in enumerate(_split_chunk(current)):
                paras.append(_Para(group, after_blank=k == 0))
            current = []
    blocks: list[Block] = []
    furniture: set[int] = set()  # indices of page-number blocks, never joined to
    for para in paras:
        start, end = para.lines[0].start, para.lines[-1].end
        text = fold(source[start:end])
        is_head = len(para.lines) == 1 and bool(HEAD.fullmatch(text)) and len(text.split()) <= 8
        if len(para.lines) == 1 and PAGE_FURNITURE.fullmatch(text) and blocks:
            if warnings is not None:
                warnings.append(Warning_(para.lines[0].no,
                                         "a page number or running header is kept as a paragraph"))
            blocks.append(Block("body", "p", text, start, end))
            furniture.add(len(blocks) - 1)
            continue
        if (
            blocks and para.after_blank and not is_head and blocks[-1].kind == "p"
            and len(blocks) - 1 not in furniture
            and _LOWER_START.match(text) and not pat.SENTENCE_END.search(blocks[-1].text)
        ):
            # K1: a page break split this paragraph; rejoin it and remember where.
            last = blocks[-1]
            joined = fold(source[last.start : end])
            blocks[-1] = Block(
                "body", "p", joined, last.start, end,
                breaks=last.breaks + (len(last.text) + 1,), labels=last.labels,
            )
            continue
        if is_head:
            blocks.append(Block("body", "head", text, start, end))
        else:
            blocks.append(Block("body", "p", text, start, end, labels=_labels(text)))
    return blocks
