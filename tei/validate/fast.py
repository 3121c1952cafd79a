"""The project's schemas checked fast: libxml2 for the grammar, Python for the assertions.

xmlschema validates XSD 1.1 in pure Python, some 20 documents a second; libxml2 checks the
same grammar in a fraction of a millisecond but knows only XSD 1.0. So the project's two
schemas (documents and registers) are checked here in two parts over one parsed tree:

- the grammar, by lxml's ``XMLSchema`` compiled from an XSD 1.0 form of the schema made at
  load time: ``xs:override`` applied, the ``xs:assert`` rules and XSD 1.1 attributes taken
  out, and the XML namespace imported from the local ``schemas/xml.xsd``;
- every ``xs:assert`` of the schema, by equivalent Python over the same tree. Each is known
  by its rule id and its XPath test, word for word: a schema whose assertions are not all
  known (one was added or reworded) gets no fast form and is checked by xmlschema alone.

The fast path only decides valid or not. A file it finds invalid is validated again by
xmlschema, which words the errors (:mod:`tei.validate.grammar`), so the messages, rules and
places stay exactly those of xmlschema; tests compare the two verdicts on the suite of
invalid documents and on damaged documents made at random.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.namespaces import TEI_NS, XML_NS, T
from tei.resources import schemas_dir
from tei.safe_parser import safe_parser
from tei.validate.parts import DATE, NOTE, DocumentParts

XSD_NS = "http://www.w3.org/2001/XMLSchema"
RULE_ID = "{https://tei-edition.invalid/ns/validation-rule}id"
VC_NS = "http://www.w3.org/2007/XMLSchema-versioning"

# XSD 1.1 constructs this module cannot stand in for: a schema using one gets no fast form.
UNSUPPORTED_11 = ("alternative", "openContent", "defaultOpenContent", "explicitTimezone",
                  "assertion")
# Attributes that only XSD 1.1 knows; libxml2 refuses them on xs:schema.
ATTRIBUTES_11 = ("xpathDefaultNamespace", "defaultAttributes")
# Top-level components an xs:override may replace, by kind and name.
COMPONENTS = ("element", "complexType", "simpleType", "group", "attributeGroup", "attribute")


def _q(name: str) -> str:
    return f"{{{XSD_NS}}}{name}"


# -- the XSD 1.0 form --------------------------------------------------------------------------

def _parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), safe_parser(remove_comments=True))


def _apply_overrides(root: etree._Element, folder: Path) -> etree._Element | None:
    """The schema with each xs:override replaced by the schema it names, its components
    swapped for the overriding ones; None for an override this cannot resolve."""
    overrides = root.findall(_q("override"))
    if not overrides:
        return root
    if len(overrides) > 1:
        return None
    override = overrides[0]
    location = override.get("schemaLocation")
    if not location or "/" in location or ":" in location:
        return None  # only a sibling file of the project's own schemas
    base = _apply_overrides(_parse(folder / location).getroot(), folder)
    if base is None or base.get("targetNamespace") != root.get("targetNamespace"):
        return None
    merged = copy.deepcopy(base)
    for replacement in override:
        if not isinstance(replacement.tag, str):
            continue
        kind = etree.QName(replacement).localname
        if kind not in COMPONENTS:
            return None
        name = replacement.get("name")
        old = [c for c in merged if c.tag == replacement.tag and c.get("name") == name]
        for component in old:
            merged.replace(component, copy.deepcopy(replacement))
    for component in root:
        if isinstance(component.tag, str) and component.tag not in (_q("override"),
                                                                    _q("import")):
            merged.append(copy.deepcopy(component))
    return merged


def xsd10_form(path: Path) -> tuple[etree._Element, list[etree._Element] | None] | None:
    """The XSD 1.0 form of the XSD 1.1 schema at ``path`` and the assertions taken out of it
    (each still in a copy of its place, to tell where it applies; None for an assertion
    whose place cannot be told); None when the schema uses XSD 1.1 beyond assertions and
    overrides."""
    root = _apply_overrides(_parse(path).getroot(), path.parent)
    if root is None:
        return None
    if next(root.iter(*(_q(name) for name in UNSUPPORTED_11)), None) is not None:
        return None
    asserts = list(root.iter(_q("assert")))
    owners = [_owner(element) for element in asserts]
    form = copy.deepcopy(root)
    for element in list(form.iter(_q("assert"))):
        element.getparent().remove(element)
    for name in ATTRIBUTES_11:
        form.attrib.pop(name, None)
    for name in list(form.attrib):
        if name.startswith(f"{{{VC_NS}}}"):
            del form.attrib[name]
    _put_deterministic_models(form)
    for element in form.iter(_q("import")):
        if element.get("namespace") == XML_NS:
            element.set("schemaLocation", (schemas_dir() / "xml.xsd").resolve().as_uri())
    return form, [element for element, owner in zip(asserts, owners, strict=True)
                  if owner is not None] if all(owners) else None


DETERMINISTIC = "xsd10-deterministic.xsd"


def _put_deterministic_models(form: etree._Element) -> None:
    """Swap in the XSD 1.0 rewrites of content models libxml2 finds ambiguous."""
    if form.get("targetNamespace") != TEI_NS:
        return
    for replacement in _parse(schemas_dir() / DETERMINISTIC).getroot():
        if not isinstance(replacement.tag, str):
            continue
        for component in form.findall(replacement.tag):
            if component.get("name") == replacement.get("name"):
                form.replace(component, copy.deepcopy(replacement))


def _owner(assertion: etree._Element) -> str | None:
    """The named type or top-level element an assertion belongs to."""
    for ancestor in assertion.iterancestors(_q("complexType")):
        if ancestor.get("name"):
            return ancestor.get("name")
        element = ancestor.getparent()
        if element is not None and element.tag == _q("element") and element.get("name"):
            return element.get("name")
    return None


# -- the assertions ----------------------------------------------------------------------------

_XML_SPACE = re.compile(r"[ \t\r\n]+")
_UNDATED = re.compile(r"(undated|n\.[ \t\r\n]?d\.|no date)", re.I)
_STRING = etree.XPath("string()")
# Plain strings (smart_strings=False): the values only are wanted, not their elements.
_TITLE = etree.XPath("tei:titleStmt/tei:title[normalize-space()]", namespaces={"tei": TEI_NS})


def _tokens(value: str) -> list[str]:
    # XPath's tokenize(normalize-space(.), ' '): only XML white space separates.
    return [token for token in _XML_SPACE.split(value) if token]


# The same pointer values ("#ed", a person's id) come back in every document of an
# edition: each is split into its tokens once. Bounded, for a run over many documents.
_TOKENS: dict[str, tuple[str, ...]] = {}
CACHE_LIMIT = 100_000


def _pointer_tokens(value: str) -> tuple[str, ...]:
    found = _TOKENS.get(value)
    if found is None:
        if len(_TOKENS) >= CACHE_LIMIT:
            _TOKENS.clear()
        found = _TOKENS[value] = tuple(_tokens(value))
    return found


def _blank(text: str) -> bool:
    return not text.strip(" \t\r\n")


def _ordered(start: str | None, end: str | None) -> bool:
    # string(@a) le string(@b) or starts-with(string(@a), string(@b)): code point order.
    return start is None or end is None or start <= end or start.startswith(end)


# The parts of the document FastSchema.accepts is checking (its ids and pointer values,
# asked for by ref-resolves and the pointer pattern): found once per document. For another
# element they are found again.
_CHECKING: list[DocumentParts] = []


def _parts(root: etree._Element) -> DocumentParts:
    if _CHECKING and _CHECKING[0].root is root:
        return _CHECKING[0]
    return DocumentParts(root)


_TARGETS: dict[str, tuple[str, ...]] = {}


def _local_targets(value: str) -> tuple[str, ...]:
    """The ids a pointer value's "#" pointers name (kept, as its tokens are)."""
    found = _TARGETS.get(value)
    if found is None:
        if len(_TARGETS) >= CACHE_LIMIT:
            _TARGETS.clear()
        found = _TARGETS[value] = tuple(pointer[1:] for pointer in _pointer_tokens(value)
                                        if pointer.startswith("#"))
    return found


def refs_resolve(root: etree._Element) -> bool:
    # The assertion looks for " id " in the ids joined by spaces. Asked after the grammar,
    # which holds every xml:id to be a name without spaces, that is whether the id is one
    # of them; but the empty id of a bare "#" is found in the "  " of a document with none.
    parts = _parts(root)
    ids = parts.ids
    for value in parts.pointer_values:
        for target in _local_targets(value):
            if target not in ids and (target or ids):
                return False
    return True


def _date_range_order(date: etree._Element) -> bool:
    return _ordered(date.get("from"), date.get("to"))


def _date_when_range(date: etree._Element) -> bool:
    return date.get("when") is None or (date.get("from") is None and date.get("to") is None)


def _date_bounds_order(date: etree._Element) -> bool:
    return _ordered(date.get("notBefore"), date.get("notAfter"))


def _date_bounds_exact(date: etree._Element) -> bool:
    bounded = date.get("notBefore") is not None or date.get("notAfter") is not None
    exact = any(date.get(name) is not None for name in ("when", "from", "to"))
    return not (bounded and exact)


def _note_kind(note: etree._Element) -> bool:
    # Both attributes are xs:token enumerations: compared by their collapsed value.
    foot = " ".join(_tokens(note.get("place", ""))) == "foot" if "place" in note.attrib \
        else False
    editorial = " ".join(_tokens(note.get("type", ""))) == "editorial" \
        if "type" in note.attrib else False
    return foot != editorial


def _child(element: etree._Element, *names: str) -> bool:
    found = [element]
    for name in names:
        found = [child for parent in found for child in parent.iterchildren(T(name))]
    return bool(found)


def _creation_when(creation: etree._Element) -> bool:
    for date in creation.iterchildren(T("date")):
        if any(date.get(name) is not None for name in ("when", "from", "to")):
            continue
        text = _STRING(date)
        if _blank(text) or _UNDATED.search(text):
            continue
        return False
    return True


Test = Callable[[etree._Element], bool]

# The authority id forms of the authority-idno assertion; XSD's \d is any Unicode digit,
# as Python's is, and after normalize-space no line end is left for "." or "$" to meet.
_AUTHORITY_FORMS = {
    "wikidata": re.compile(r"^(Q[1-9]\d*|https?://(www\.)?wikidata\.org/(entity|wiki)/Q[1-9]\d*)$"),
    "viaf": re.compile(r"^(\d+|https?://viaf\.org/viaf/\d+/?)$"),
    "gnd": re.compile(r"^([0-9X-]+|https?://d-nb\.info/gnd/[0-9X-]+/?)$"),
    "geonames": re.compile(r"^(\d+|https?://(www\.|sws\.)?geonames\.org/\d+(/.*)?)$"),
}
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")


def _authority_idno(idno: etree._Element) -> bool:
    form = _AUTHORITY_FORMS.get(idno.get("type") or "")
    if form is None:
        return True
    value = _XPATH_SPACE.sub(" ", "".join(idno.itertext())).strip(" \t\r\n")
    return form.search(value) is not None


def _corresp_actions(corresp: etree._Element) -> bool:
    types = [action.get("type") for action in corresp.iterchildren(T("correspAction"))]
    return types.count("sent") <= 1 and types.count("received") <= 1


# Each assertion of the project's schemas, by rule id and its XPath test word for word.
ASSERTIONS: dict[tuple[str, str], Test] = {
    ("date-range-order", "not(@from and @to) or string(@from) le string(@to) or "
     "starts-with(string(@from), string(@to))"): _date_range_order,
    ("date-when-range", "not(@when and (@from or @to))"): _date_when_range,
    ("date-bounds-order", "not(@notBefore and @notAfter) or string(@notBefore) le "
     "string(@notAfter) or starts-with(string(@notBefore), string(@notAfter))"):
        _date_bounds_order,
    ("date-bounds-exact", "not((@notBefore or @notAfter) and (@when or @from or @to))"):
        _date_bounds_exact,
    ("ref-resolves", "every $ids in concat(' ', string-join(.//@xml:id, ' '), ' ') satisfies "
     "every $p in (for $a in (.//@ref, .//@who, .//@resp, .//@sameAs, .//@target) return "
     "tokenize(normalize-space(string($a)), ' '))[starts-with(., '#')] satisfies "
     "contains($ids, concat(' ', substring($p, 2), ' '))"): refs_resolve,
    ("header-creation", "exists(profileDesc/creation/date)"):
        lambda header: _child(header, "profileDesc", "creation", "date"),
    ("header-language", "exists(profileDesc/langUsage/language)"):
        lambda header: _child(header, "profileDesc", "langUsage", "language"),
    ("header-revision", "exists(revisionDesc/change)"):
        lambda header: _child(header, "revisionDesc", "change"),
    ("header-title", "exists(titleStmt/title[normalize-space()])"):
        lambda file_desc: bool(_TITLE(file_desc)),
    ("header-publication", "exists(publicationStmt)"):
        lambda file_desc: _child(file_desc, "publicationStmt"),
    ("header-source", "exists(sourceDesc)"): lambda file_desc: _child(file_desc, "sourceDesc"),
    ("header-creation-when", "every $d in date satisfies ($d/@when or $d/@from or $d/@to or "
     "not(normalize-space($d)) or matches(string($d), '(undated|n\\.\\s?d\\.|no date)', 'i'))"):
        _creation_when,
    ("note-kind", "(@place = 'foot') != (@type = 'editorial')"): _note_kind,
    ("authority-idno", "not(@type = ('wikidata', 'viaf', 'gnd', 'geonames')) or "
     "matches(normalize-space(string(.)), if (@type = 'wikidata') then "
     "'^(Q[1-9]\\d*|https?://(www\\.)?wikidata\\.org/(entity|wiki)/Q[1-9]\\d*)$' else if "
     "(@type = 'viaf') then '^(\\d+|https?://viaf\\.org/viaf/\\d+/?)$' else if (@type = 'gnd') "
     "then '^([0-9X-]+|https?://d-nb\\.info/gnd/[0-9X-]+/?)$' else "
     "'^(\\d+|https?://(www\\.|sws\\.)?geonames\\.org/\\d+(/.*)?)$')"): _authority_idno,
    ("corresp-actions", "count(correspAction[@type='sent']) le 1 and "
     "count(correspAction[@type='received']) le 1"): _corresp_actions,
}

# Where the owner of an assertion (a named type, or the root element) stands in a document
# that the grammar accepts: dates and notes of the text are typed inlineDate and textNote,
# every other date headerDate; a header part by the element of that name, when the schema
# gives that element the owning type (a register's teiHeader is of another type).
Selector = Callable[[DocumentParts], list[etree._Element]]
# The idno of a register entry (person, place, org) is the one of type authorityIdno.
_ENTRIES = (T("person"), T("place"), T("org"))


def _named(name: str) -> Selector:
    return lambda parts: list(parts.root.iter(T(name)))


def _authority_idnos(parts: DocumentParts) -> list[etree._Element]:
    return [idno for idno in parts.root.iter(T("idno"))
            if (entry := idno.getparent()) is not None and entry.tag in _ENTRIES]


def _outside_text(parts: DocumentParts) -> list[etree._Element]:
    in_text = set(parts.in_text(DATE))
    return [date for date in parts.root.iter(DATE) if date not in in_text]


OWNERS: dict[str, Selector] = {
    "headerDate": _outside_text,
    "inlineDate": lambda parts: parts.in_text(DATE),
    "textNote": lambda parts: parts.in_text(NOTE),
    "TEI": lambda parts: [parts.root] if parts.root.tag == T("TEI") else [],
    "teiHeader": _named("teiHeader"),
    "fileDesc": _named("fileDesc"),
    "creation": _named("creation"),
    "authorityIdno": _authority_idnos,
    "correspDesc": _named("correspDesc"),
}


@dataclass
class FastSchema:
    """An XSD 1.1 schema of the project as libxml2 grammar plus Python assertions: for each
    place an assertion owner stands, the tests of the assertions it owns."""

    grammar: etree.XMLSchema
    checks: list[tuple[Selector, list[Test]]]

    def accepts(self, tree: etree._ElementTree, parts: DocumentParts | None = None) -> bool:
        """Whether the schema accepts the document; ``parts``, when given, are those of its
        root, shared with the editorial checks."""
        if not self.grammar.validate(tree):
            return False
        parts = parts or DocumentParts(tree.getroot())
        _CHECKING[:] = [parts]
        try:
            for select, tests in self.checks:
                for element in select(parts):
                    for test in tests:
                        if not test(element):
                            return False
            return True
        finally:
            _CHECKING.clear()


def _uses_type(form: etree._Element, type_name: str, element_name: str) -> bool:
    """Whether some element declaration named ``element_name`` has the type."""
    for declaration in form.iter(_q("element")):
        if declaration.get("name") == element_name:
            declared = (declaration.get("type") or "").split(":")[-1]
            if declared == type_name:
                return True
    return False


def compile_fast(path: Path) -> FastSchema | None:
    """The fast form of the schema at ``path``, or None when some part of it has none."""
    made = xsd10_form(path)
    if made is None:
        return None
    form, asserts = made
    if asserts is None:
        return None
    by_owner: dict[str, list[Test]] = {}
    for assertion in asserts:
        key = (assertion.get(RULE_ID) or "", " ".join((assertion.get("test") or "").split()))
        test = ASSERTIONS.get(key)
        owner = _owner(assertion)
        if test is None or owner not in OWNERS:
            return None
        if owner in ("teiHeader", "fileDesc", "creation") \
                and not _uses_type(form, owner, owner):
            continue  # the type is declared but no element of that name has it
        by_owner.setdefault(owner, []).append(test)
    pointer = _pointer_test(form)
    if pointer is None:
        return None
    try:
        grammar = etree.XMLSchema(etree.ElementTree(form))
    except etree.XMLSchemaParseError:
        return None
    checks = [(OWNERS[owner], tests) for owner, tests in by_owner.items()]
    return FastSchema(grammar, [*checks, (lambda parts: [parts.root], [pointer])])


def _pointers_matching(pattern: re.Pattern[str]) -> Test:
    # A value's verdict is kept, as its tokens are (see _pointer_tokens).
    verdicts: dict[str, bool] = {}

    def matches(value: str) -> bool:
        verdict = verdicts.get(value)
        if verdict is None:
            if len(verdicts) >= CACHE_LIMIT:
                verdicts.clear()
            verdict = verdicts[value] = all(pattern.fullmatch(token)
                                            for token in _tokens(value))
        return verdict

    def pointers_match(root: etree._Element) -> bool:
        return all(matches(value) for value in _parts(root).pointer_values)
    return pointers_match


def _pointer_test(form: etree._Element) -> Test | None:
    """The pattern of the pointer type, checked by Python's re on every pointer: libxml2
    accepts values the pattern refuses (``javascript:alert(1)``), so its verdict on this
    pattern is not the schema's. None when the pattern uses XSD regex syntax beyond the
    block escape translated here."""
    for simple in form.iter(_q("simpleType")):
        if simple.get("name") == "pointer":
            facet = simple.find(f"{_q('restriction')}/{_q('pattern')}")
            if facet is None:
                return None
            translated = facet.get("value", "").replace(r"\p{IsBasicLatin}", r"\x00-\x7F")
            if re.search(r"\\[pPicIC]", translated):
                return None
            return _pointers_matching(re.compile(translated))
    return lambda root: True  # no pointer type: nothing to check
