"""How deep and how attribute-laden a document may be: one set of limits for validate and render.

Saxon's XML parser (JAXP) refuses elements nested more than 100 levels deep
(jdk.xml.maxElementDepth) and elements with more than 200 attributes
(jdk.xml.elementAttributeLimit), and a refusal used to end a whole site build. The
metadata records of a deposit read each document inside an edition listing two levels
deep (edition/document/TEI), so a document may nest 98 levels. ``tei validate`` refuses what
render could not render, with the same numbers, and render checks each document before
Saxon sees it, so a document validate accepts, render can render.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

SAXON_MAX_DEPTH = 100
SAXON_MAX_ATTRIBUTES = 200
# edition/document around each TEI in the listing the deposit's records are made from.
LISTING_DEPTH = 2

MAX_ELEMENT_DEPTH = SAXON_MAX_DEPTH - LISTING_DEPTH
MAX_ATTRIBUTES = SAXON_MAX_ATTRIBUTES


@dataclass(frozen=True)
class Excess:
    """The first element over a limit: ``rule`` is ``xml-too-deep`` or
    ``xml-too-many-attributes``; ``limit`` the number it exceeds."""

    rule: str
    element: etree._Element
    limit: int

    @property
    def line(self) -> int:
        return self.element.sourceline or 1


def first_excess(root: etree._Element, max_depth: int = MAX_ELEMENT_DEPTH,
                 max_attributes: int = MAX_ATTRIBUTES) -> Excess | None:
    """The first element (in document order) nested deeper than ``max_depth`` (the root is
    level 1) or carrying more than ``max_attributes`` attributes, or None."""
    if not _may_exceed(root, max_depth, max_attributes):
        return None
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are not elements
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > max_depth:
            return Excess("xml-too-deep", element, max_depth)
        # Namespace declarations are counted only when they could tip the balance.
        if len(element.attrib) + len(element.nsmap) > max_attributes \
                and _attribute_count(element) > max_attributes:
            return Excess("xml-too-many-attributes", element, max_attributes)
    return None


_MAY_EXCEED: dict[tuple[int, int], etree.XPath] = {}


def _may_exceed(root: etree._Element, max_depth: int, max_attributes: int) -> bool:
    # Cheap XPaths in C rule out most documents: none has an element below the depth limit
    # or one with enough attributes that, with every namespace it can have in scope, it
    # could pass the attribute limit. Only then is the tree walked to find the first excess.
    # An element has at most one namespace in scope per declaration in the document and the
    # xml namespace; counting those per element (namespace::*) cost more than all the rest.
    declarations = sum(1 for _ in etree.iterwalk(root, events=("start-ns",)))
    enough = max_attributes - declarations  # the attributes that could tip the balance
    if enough < 1:
        return True
    key = (max_depth, enough)
    test = _MAY_EXCEED.get(key)
    if test is None:
        deep = "self::*" + "/*" * max_depth
        test = _MAY_EXCEED[key] = etree.XPath(
            f"boolean({deep}) or boolean(descendant-or-self::*/@*[{enough}])")
    return bool(test(root))


def _attribute_count(element: etree._Element) -> int:
    # A parser counts namespace declarations among an element's attributes too.
    parent = element.getparent()
    inherited = parent.nsmap.items() if parent is not None else ()
    declared = set(element.nsmap.items()) - set(inherited)
    return len(element.attrib) + len(declared)
