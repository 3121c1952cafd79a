"""Parse XML from outside without trusting it.

No entity is expanded, no DTD or other file is loaded, nothing is fetched over the network,
and documents over a size, nesting or attribute limit are refused: the size before they
can exhaust memory, the nesting and attributes where the reading edition could not render
them (:mod:`tei.limits`).
Problems come back as :class:`XmlProblem` with a line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.errors import TeiEditionError
from tei.limits import MAX_ATTRIBUTES, MAX_ELEMENT_DEPTH, first_excess
from tei.safe_parser import safe_parser

MEGABYTE = 1024 * 1024
# libxml2 refuses deeper documents unless XML_PARSE_HUGE is set, which also lifts its
# other size guards: only a caller who asks for more depth gets it.
LIBXML2_DEPTH = 256


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MEGABYTE
    # The render's limits (tei.limits), so that a document accepted here can be rendered.
    max_depth: int = MAX_ELEMENT_DEPTH
    max_attributes: int = MAX_ATTRIBUTES


class XmlProblem(TeiEditionError, ValueError):
    """The file cannot be read as XML, or is refused; ``rule`` says which."""

    def __init__(self, message: str, rule: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.line = line
        self.col = col


def make_parser(limits: Limits) -> etree.XMLParser:
    return safe_parser(huge_tree=limits.max_depth > LIBXML2_DEPTH)


def read_xml(path: Path, limits: Limits) -> tuple[etree._ElementTree, bytes]:
    """The parsed tree and the raw bytes (kept to find columns), or :class:`XmlProblem`."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise XmlProblem(
            f"file is {size / MEGABYTE:.1f} MB, over the limit of "
            f"{limits.max_bytes / MEGABYTE:g} MB: split it, or raise the limit with --max-size",
            "xml-too-large")
    data = path.read_bytes()
    _refuse_plain_text(data)
    return parse_bytes(data, limits), data


def _refuse_plain_text(data: bytes) -> None:
    # An XML document begins with '<' (after a byte-order mark and white space); a file
    # that does not is most likely a .txt given to validate, and the parser would only say
    # "Start tag expected" at some line.
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00")):
        return  # UTF-16 or UTF-32: the parser reads those
    start = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if start and not start.startswith(b"<"):
        raise XmlProblem("not an XML file (it does not begin with '<'); a plain-text "
                         "document is converted to TEI first: tei convert FILE -o OUTDIR",
                         "xml-syntax")


def parse_bytes(data: bytes, limits: Limits) -> etree._ElementTree:
    try:
        root = etree.fromstring(data, make_parser(limits))
    except etree.XMLSyntaxError as exc:
        raise _syntax_problem(exc, limits) from None
    tree = root.getroottree()
    _refuse_entity_declarations(tree)
    _refuse_excess(root, limits)
    return tree


_TRAILER = re.compile(r", line \d+, column \d+$")


def _syntax_problem(exc: etree.XMLSyntaxError, limits: Limits) -> XmlProblem:
    message = _TRAILER.sub("", exc.msg or str(exc))
    line, col = exc.position if exc.position else (exc.lineno or 1, 1)
    if message.startswith("Excessive depth in document"):
        return _too_deep(limits, line, col)
    if "amplification" in message or "Detected an entity reference loop" in message:
        return XmlProblem("the document's entities would expand beyond a safe size (an "
                          "entity expansion attack): the document is refused", "xml-entity",
                          line or 1, max(col, 1))
    m = re.match(r"ID (\S+) already defined", message)
    if m:
        return XmlProblem(f"xml:id \"{m.group(1)}\" is used twice in this file: "
                          "give each element its own id", "duplicate-id", line, max(col, 1))
    return XmlProblem(f"not well-formed XML: {message}", "xml-syntax", line or 1, max(col, 1))


def _too_deep(limits: Limits, line: int, col: int) -> XmlProblem:
    return XmlProblem(
        f"elements are nested more than {limits.max_depth} levels deep: the document is "
        f"refused (the reading edition renders {MAX_ELEMENT_DEPTH} levels at most; "
        "--max-depth sets the limit for validation)",
        "xml-too-deep", line, col)


def _refuse_entity_declarations(tree: etree._ElementTree) -> None:
    # Entities are never expanded; a document that declares them would be read with its
    # references left as they are, so it is refused rather than silently misread.
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    names = [entity.name for entity in dtd.iterentities()]
    if names:
        raise XmlProblem(
            "the document declares entities (" + ", ".join(sorted(names)[:5]) + "): "
            "entities are not expanded for safety; replace each reference with its text",
            "xml-entity", 1, 1)


def _refuse_excess(root: etree._Element, limits: Limits) -> None:
    excess = first_excess(root, limits.max_depth, limits.max_attributes)
    if excess is None:
        return
    if excess.rule == "xml-too-deep":
        raise _too_deep(limits, excess.line, 1)
    raise XmlProblem(
        f"<{etree.QName(excess.element).localname}> has more than {limits.max_attributes} "
        "attributes: the document is refused (the reading edition's XSLT processor reads "
        "no more)",
        "xml-too-many-attributes", excess.line, 1)


class Locator:
    """Columns of elements: libxml2 keeps only lines, so the start tag is found in the
    line's text (the n-th tag of that name on the line for the n-th such element)."""

    def __init__(self, tree: etree._ElementTree, data: bytes) -> None:
        self.tree = tree
        self.lines = data.split(b"\n")
        self._starts: dict[tuple[int, str], list[int]] = {}

    def column(self, element: etree._Element | None) -> int:
        if element is None or element.sourceline is None:
            return 1
        line = element.sourceline
        written = _written_name(element)
        # Start tags come in document order, so the elements before this one on its line
        # are the ones just before it in document order: the n-th of its name there is
        # the n-th tag of that name in the line's text.
        nth = sum(1 for other in _preceding_on_line(element, line)
                  if _written_name(other) == written)
        found = self._starts.get((line, written))
        if found is None:  # once per line and name: findings often share a long line
            found = self._starts[line, written] = [
                m.start() + 1 for m in _START_TAG.finditer(self._line(line))
                if m.group(1) == written]
        return found[nth] if nth < len(found) else 1

    def where(self, element: etree._Element | None) -> tuple[int, int]:
        if element is None:
            return 1, 1
        return element.sourceline or 1, self.column(element)

    def column_of_name(self, line: int, name: str) -> int:
        text = self._line(line)
        m = re.search(r"<(?:[\w.-]+:)?" + re.escape(name) + r"(?=[\s/>])", text)
        return m.start() + 1 if m else 1

    def _line(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].decode("utf-8", errors="replace")
        return ""


def _written_name(element: etree._Element) -> str:
    local = element.tag.rpartition("}")[2]  # as QName(element).localname, without its cost
    prefix = element.prefix
    return f"{prefix}:{local}" if prefix else local


def _preceding_on_line(element: etree._Element, line: int) -> Iterator[etree._Element]:
    """The elements before ``element`` in document order that start on ``line``."""
    node = element
    while True:
        previous = node.getprevious()
        if previous is not None:
            while len(previous):  # the last element inside it comes just before
                previous = previous[-1]
            node = previous
        else:
            node = node.getparent()
            if node is None:
                return
        if not isinstance(node.tag, str):
            continue  # comments and processing instructions are not counted
        if node.sourceline is None or node.sourceline < line:
            return
        yield node


# "<" and a name up to white space, "/" or ">"; a "<" ends the name (and may begin another).
_START_TAG = re.compile(r"<([^\s/><]+)(?=[\s/>])")
