"""Author and title lines inside the body (FORMAT.md D14): a journal's "Compiled by ..." above
its entries, "From the diary of ...", "By ...", "Diary of ..." on a line of their own.

They were read as paragraphs, where a reader takes them for text of the document. An author
line becomes a ``byline`` block (in the opener when nothing but opener lines stand before
it, else opening a section of the body) and a title line a ``head``; their words stay
text, so persons in them are linked like any other mention.
"""

from __future__ import annotations

import dataclasses
import re

from tei.model import Block

# The words that open an author line; the rest of the line names the author.
# The opening words in any case; the name after them starts with a capital (or a bracket).
AUTHOR_LINE = re.compile(
    r"(?i:(?:compiled|prepared|written|recorded|kept|drawn\s+up|composed)\s+by"
    r"|from\s+the\s+(?:diary|journal|notes|notebook|papers|records)\s+of"
    r"|by|authors?\s*:|compiler\s*:)\s+(?=[A-Z\[])\S.*")
TITLE_LINE = re.compile(
    r"(?i:(?:the\s+)?(?:diary|journal|notes|notebook|memoirs?|record)\s+of)\s+(?=[A-Z\[])\S.*")
_MAX_WORDS = 14
# A sentence inside the line ("By then he had left. The ..."): a stop before a lower-case
# word, or a verb-like ending; initials ("R. T. SILVA") are no sentence end.
_SENTENCE_INSIDE = re.compile(r"[.!?;]\s+[a-z]|[!?;:,]$")
_FULL_STOP_SENTENCE = re.compile(r"[a-z]{3,}\.$")  # a sentence ending in a full stop


def _is_line_of(pattern: re.Pattern[str], block: Block, source: str) -> bool:
    text = block.text
    # The pattern first: it fails on the opening words of almost every paragraph.
    return (
        block.kind == "p" and not block.attrs and not block.labels and not block.breaks
        and bool(pattern.fullmatch(text))
        and "\n" not in source[block.start:block.end]
        and len(text.split()) <= _MAX_WORDS
        and not _SENTENCE_INSIDE.search(text)
        and not _FULL_STOP_SENTENCE.search(text)
    )


def mark_author_and_title_lines(blocks: list[Block], source: str) -> list[Block]:
    """``blocks`` with author lines as ``byline`` and title lines as ``head``."""
    result: list[Block] = []
    for block in blocks:
        if block.section == "body" and _is_line_of(AUTHOR_LINE, block, source):
            only_opener_before = all(b.section == "opener" for b in result)
            block = dataclasses.replace(
                block, kind="byline", section="opener" if only_opener_before else "body")
        elif block.section == "body" and _is_line_of(TITLE_LINE, block, source):
            block = dataclasses.replace(block, kind="head")
        result.append(block)
    return result
