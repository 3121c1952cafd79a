"""Deterministic, readable bytes for a TEI tree.

Only elements whose content is other elements are indented: whitespace added inside a
paragraph, a signature or a name would change the text, so mixed content is left as
it is.
"""

from __future__ import annotations

from lxml import etree

from tei.namespaces import TEI_NS

_ELEMENT_ONLY = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt",
    "availability", "sourceDesc", "list", "encodingDesc", "editorialDecl", "normalization",
    "segmentation", "profileDesc", "abstract", "creation", "langUsage", "correspDesc",
    "correspAction", "particDesc", "settingDesc",
    "listPerson", "person", "listPlace", "place", "listOrg", "org", "revisionDesc", "text",
    "front", "docTitle", "body", "div", "opener", "closer", "postscript", "appInfo",
    "application", "standOff",
}


def _indent(element: etree._Element, level: int) -> None:
    if not len(element) or _local_name(element.tag) not in _ELEMENT_ONLY:
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return  # text between children: mixed after all, leave it
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        child.tail = pad
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def _local_name(tag: str) -> str:
    # What etree.QName(element).localname gives for an element, without making a QName.
    return tag[tag.rfind("}") + 1:]


def to_bytes(tree: etree._ElementTree) -> bytes:
    root = tree.getroot()
    assert etree.QName(root).namespace == TEI_NS
    _indent(root, 0)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
