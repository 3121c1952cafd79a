"""The plain-text parser: one Wilson Center style document to a :class:`tei.model.Document`.

It knows the layout (FORMAT.md) and nothing about XML, persons or date normalisation.
"""

from tei.parse.coverage import overlaps, parts, source_ranges, uncovered
from tei.parse.document import parse_text, read_document

__all__ = ["overlaps", "parse_text", "parts", "read_document", "source_ranges", "uncovered"]
