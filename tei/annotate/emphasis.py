"""Markdown-style emphasis in the source: ``*Title*`` and ``_word_`` become italics.

Emphasis followed by publication facts in parentheses, ``*The Book* (New York: Press,
1993)``, is the title of a cited book (kind ``title``); any other is ``hi``. The span
covers the delimiters too; the encoder drops them from the element's text and
records which they were in ``@rend`` (``italic asterisks`` or ``italic underscores``),
from which the lossless check (tei.fidelity) gives them back.

A delimiter opens only where no letter, digit or delimiter stands before it and a
non-space follows, and closes only where a non-space stands before it and no letter,
digit or delimiter follows: ``IL-28*`` (a footnote mark), ``a_b_c`` (a file name) and
``**Title**`` (the document title) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei.model import DELIMITERS, Span

_EMPHASIS = re.compile(
    r"(?<![\w*_])(?P<mark>[*_])(?=\S)(?P<inner>[^*_\n]*?\S)(?P=mark)(?![\w*_])")
# "(New York: St. Martin's Press, 1993)", "(London, 1950)": place or publisher, a year.
_PUBLICATION = re.compile(r"\s*\([^()]*\b\d{4}\)")


def find_emphasis(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Italic spans of ``text``, delimiters included, avoiding the ``taken`` ranges."""
    found: list[Span] = []
    for match in _EMPHASIS.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        kind = "title" if _PUBLICATION.match(text, end) else "hi"
        found.append(Span.make(start, end, kind,
                               rend=f"italic {DELIMITERS[match.group('mark')]}"))
    return found
