"""Check a parsed document against a compiled schema and word each error for a person.

xmlschema's own texts name internal classes and XPath tests; here each becomes a sentence
that says what is wrong where, with a rule name: ``xsd-content``, ``xsd-attribute``,
``xsd-value``, ``iso-date``, the ``rule:id`` of a project assertion, or ``rng``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from tei.namespaces import TEI_NS, XML_ID, XML_NS
from tei.validate.issues import Issue
from tei.validate.parts import DocumentParts
from tei.validate.safe_xml import Locator
from tei.validate.schemas import XSD_NS, Grammar

if TYPE_CHECKING:
    # At run time imported only to word errors (xmlschema takes a while to import).
    from xmlschema.validators.exceptions import (
        XMLSchemaChildrenValidationError,
        XMLSchemaValidationError,
    )

RULE_ID = "{https://tei-edition.invalid/ns/validation-rule}id"
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
POINTER_ATTRIBUTES = ("ref", "who", "resp", "sameAs", "target")


def name_of(element: etree._Element | str) -> str:
    """``p`` for a TEI element, ``{ns}name`` for any other namespace."""
    tag = element if isinstance(element, str) else element.tag
    if not isinstance(tag, str):
        return "?"
    qname = etree.QName(tag)
    return qname.localname if qname.namespace in (TEI_NS, None) else tag


def grammar_issues(grammar: Grammar, tree: etree._ElementTree, locator: Locator,
                   file: str, parts: DocumentParts | None = None) -> list[Issue]:
    """The schema's findings on the document; ``parts``, when given, are those of its root
    (shared with the editorial checks)."""
    if grammar.kind == "rng":
        return list(_rng_issues(grammar, tree, locator, file))
    if grammar.fast is not None and grammar.fast.accepts(tree, parts):
        return []  # xmlschema would find nothing either; it words the errors of the rest
    issues: list[Issue] = []
    for error in grammar.compiled.iter_errors(tree, use_location_hints=False):
        issues.extend(_xsd_issues(error, locator, file))
    return issues


# -- XSD ---------------------------------------------------------------------------------------

def _xsd_issues(error: XMLSchemaValidationError, locator: Locator, file: str) -> Iterator[Issue]:
    from xmlschema.validators.exceptions import XMLSchemaChildrenValidationError

    element = error.elem if isinstance(getattr(error, "elem", None), etree._Element) else None
    reason = (error.reason or str(error)).strip()
    validator = error.validator
    if type(validator).__name__ == "XsdAssert":
        yield from _assertion_issues(validator, element, locator, file)
        return
    target = element
    if isinstance(error, XMLSchemaChildrenValidationError):
        message, target = _content_message(error, element, reason)
        rule = "xsd-content"
    else:
        message, rule, target = _other_message(element, reason)
    line, col = locator.where(target)
    yield Issue(file, line, col, "error", message, rule)


def _content_message(error: XMLSchemaChildrenValidationError, parent: etree._Element | None,
                     reason: str) -> tuple[str, etree._Element | None]:
    parent_name = name_of(parent) if parent is not None else "?"
    # xmlschema counts every child node lxml yields, comments and processing instructions too.
    children = list(parent) if parent is not None else []
    expected = [_schema_name(item) for item in (error.expected or [])]
    wanted = " or ".join(f"<{name}>" for name in expected[:6])
    if error.index < len(children) and isinstance(children[error.index].tag, str) \
            and reason.startswith("Unexpected child"):
        child = children[error.index]
        message = f"<{name_of(child)}> is not allowed here in <{parent_name}>"
        if wanted:
            message += f"; expected {wanted}"
        return message, child
    message = f"<{parent_name}> is incomplete"
    if wanted:
        message += f": {wanted} missing at the end"
    return message, parent


def _schema_name(component: object) -> str:
    name = getattr(component, "local_name", None) or getattr(component, "name", None)
    return str(name) if name else "any element"


_ATTRIBUTE_VALUE = re.compile(r"^attribute (?P<name>[\w:{}./-]+)=(?P<quote>['\"])(?P<value>.*?)"
                              r"(?P=quote): (?P<detail>.*)$", re.S)
_NOT_ALLOWED = re.compile(r"^'(?P<name>[^']+)' attribute not allowed for element")
_MISSING = re.compile(r"^missing required attribute '(?P<name>[^']+)'")


def _other_message(element: etree._Element | None,
                   reason: str) -> tuple[str, str, etree._Element | None]:
    where = f"<{name_of(element)}>" if element is not None else "the document"
    m = _ATTRIBUTE_VALUE.match(reason)
    if m:
        name = _short_attribute(m.group("name"))
        value = m.group("value")
        if name in DATE_ATTRIBUTES:
            return (f"@{name}=\"{value}\" on {where} is not an ISO 8601 date: write YYYY, "
                    "YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1962-10-27)",
                    "iso-date", element)
        if name in POINTER_ATTRIBUTES:
            scheme = _foreign_scheme(value)
            if scheme:
                return (f"@{name}=\"{value}\" on {where} uses the scheme {scheme}: only http(s) "
                        "URLs and references inside the edition (\"#id\", a relative path) "
                        "are allowed, since a pointer may become a link on the reading site",
                        "xsd-value", element)
            return (f"@{name}=\"{value}\" on {where} is not a URI reference: write a URL or "
                    "\"#id\", with other characters percent-encoded (e.g. [ as %5B)",
                    "xsd-value", element)
        if name in ("ident", "xml:lang"):
            return (f"@{name}=\"{value}\" on {where} is not a language tag: write a BCP 47 "
                    "code such as en, ru or sr-Latn", "xsd-value", element)
        detail = m.group("detail").rstrip(".")
        if detail.startswith("value doesn't match any pattern"):
            detail = "it does not have the form this attribute takes"
        return f"@{name}=\"{value}\" on {where} is not a valid value ({detail})", \
            "xsd-value", element
    m = _NOT_ALLOWED.match(reason)
    if m:
        return f"@{_short_attribute(m.group('name'))} is not allowed on {where}", \
            "xsd-attribute", element
    m = _MISSING.match(reason)
    if m:
        return f"{where} needs @{_short_attribute(m.group('name'))}", "xsd-attribute", element
    if reason.endswith("is not an element of the schema"):
        return (f"the root element {where} is not declared by the schema (a TEI file starts "
                f"with <TEI xmlns=\"{TEI_NS}\">)", "xsd-content", element)
    if reason.startswith("character data between child elements not allowed"):
        return f"text is not allowed directly in {where}: put it inside a child element", \
            "xsd-content", element
    if reason.startswith("a simple content element can't have child elements"):
        child = next((c for c in element if isinstance(c.tag, str)), element) \
            if element is not None else None
        return f"{where} holds text only: the markup inside it is not allowed", \
            "xsd-content", child
    return f"{where}: {reason.rstrip('.')}", "xsd", element


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _foreign_scheme(value: str) -> str | None:
    """The first scheme other than http(s) among the pointers of ``value``, with its colon."""
    for pointer in value.split():
        m = _SCHEME.match(pointer)
        if m and m.group(1).lower() not in ("http", "https"):
            return m.group(1) + ":"
    return None


def _short_attribute(name: str) -> str:
    if name.startswith(f"{{{XML_NS}}}"):
        return "xml:" + name.split("}", 1)[1]
    return name.split("}", 1)[1] if name.startswith("{") else name


def _assertion_issues(validator: object, element: etree._Element | None, locator: Locator,
                      file: str) -> Iterator[Issue]:
    declaration = getattr(validator, "elem", None)
    rule = declaration.get(RULE_ID) if declaration is not None else None
    documentation = None
    if declaration is not None:
        documentation = declaration.findtext(
            f"{{{XSD_NS}}}annotation/{{{XSD_NS}}}documentation")
    if rule == "ref-resolves" and element is not None:
        yield from _dangling_pointers(element, locator, file)
        return
    line, col = locator.where(element)
    if documentation:
        message = " ".join(documentation.split())
    else:
        message = f"<{name_of(element) if element is not None else '?'}> fails the assertion " \
                  f"{getattr(validator, 'path', '?')}"
    yield Issue(file, line, col, "error", message, rule or "xsd-assert")


def _dangling_pointers(root: etree._Element, locator: Locator, file: str) -> Iterator[Issue]:
    """One issue per pointer that misses, at its own element (the assertion sits on TEI)."""
    ids = {element.get(XML_ID) for element in root.iter() if isinstance(element.tag, str)}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in POINTER_ATTRIBUTES:
            for pointer in (element.get(attribute) or "").split():
                if pointer.startswith("#") and pointer[1:] not in ids:
                    line, col = locator.where(element)
                    yield Issue(file, line, col, "error",
                                f"@{attribute}=\"{pointer}\" on <{name_of(element)}> points to "
                                f"no xml:id in this file: add xml:id=\"{pointer[1:]}\" to the "
                                "element it means, or correct the pointer", "ref-resolves")


# -- RELAX NG ----------------------------------------------------------------------------------

_ELEMENT_IN_MESSAGE = re.compile(r"[Ee]lement ([\w:.-]+)")


def _rng_issues(grammar: Grammar, tree: etree._ElementTree, locator: Locator,
                file: str) -> Iterator[Issue]:
    relaxng: etree.RelaxNG = grammar.compiled
    if relaxng.validate(tree):
        return
    for entry in relaxng.error_log:
        line = entry.line or 1
        m = _ELEMENT_IN_MESSAGE.search(entry.message)
        col = locator.column_of_name(line, m.group(1).split(":")[-1]) if m else 1
        yield Issue(file, line, col, "error", entry.message.strip(), "rng")
