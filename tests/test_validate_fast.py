"""The fast path (libxml2 grammar + Python assertions) decides as xmlschema does.

A file the fast path accepts is not shown to xmlschema, so the two must agree on every
document: the suite of invalid documents, the valid fixtures, the corpus and its registers,
and documents damaged at random. A file the fast path refuses is worded by xmlschema, so the
reports (rules, lines, columns, messages) are the same with and without the fast path.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei.resources import project_schema
from tei.validate import schemas as schemas_module
from tei.validate import validate_paths
from tei.validate.fast import ASSERTIONS, RULE_ID, XSD_NS, compile_fast, xsd10_form
from tei.validate.safe_xml import Limits, XmlProblem, read_xml
from tei.validate.schemas import is_register, load_grammar, register_schema

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "validate"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def suite_files() -> list[Path]:
    folders = [DATA / "invalid", DATA / "valid", DATA / "editorial",
               Path(__file__).parent / "test_corpus_tei", ROOT / "corpus"]
    files = [ROOT / "docs" / "example.tei.xml"]
    for folder in folders:
        files.extend(sorted(folder.rglob("*.xml")))
    return files


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def fast_schemas():
    return {False: compile_fast(project_schema()), True: compile_fast(register_schema())}


def xmlschema_accepts(tree: etree._ElementTree) -> bool:
    path = register_schema() if is_register(tree.getroot()) else None
    grammar = load_grammar(path)
    return next(iter(grammar.compiled.iter_errors(tree, use_location_hints=False)), None) \
        is None


def test_both_shipped_schemas_have_a_fast_form_covering_every_assertion(fast_schemas):
    # A reworded or new xs:assert turns the fast path off for its schema: this fails then,
    # until tei/validate/fast.py knows the assertion.
    assert fast_schemas[False] is not None and fast_schemas[True] is not None
    for path in (project_schema(), register_schema()):
        form, asserts = xsd10_form(path)
        assert asserts
        for assertion in asserts:
            key = (assertion.get(RULE_ID), " ".join(assertion.get("test").split()))
            assert key in ASSERTIONS, key
        assert next(form.iter(f"{{{XSD_NS}}}assert"), None) is None
        assert next(form.iter(f"{{{XSD_NS}}}override"), None) is None
    # A register's header asks for no document date or language: those checks are not run.
    assert sum(len(tests) for _, tests in fast_schemas[True].checks) \
        == sum(len(tests) for _, tests in fast_schemas[False].checks) - 3


def test_the_grammar_uses_the_fast_form_for_the_shipped_schemas_only(tmp_path):
    assert load_grammar().fast is not None
    assert load_grammar(register_schema()).fast is not None
    user = tmp_path / "user.xsd"
    user.write_bytes(project_schema().read_bytes())
    assert load_grammar(user).fast is None  # a user's XSD 1.1 schema stays with xmlschema


@pytest.mark.parametrize("path", suite_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_path_and_xmlschema_agree_on_every_suite_document(fast_schemas, path):
    try:
        tree, _ = read_xml(path, Limits())
    except XmlProblem:
        pytest.skip("refused before the grammar is asked")
    register = is_register(tree.getroot())
    assert fast_schemas[register].accepts(tree) == xmlschema_accepts(tree)


def test_the_suite_holds_valid_and_invalid_documents_and_registers(fast_schemas):
    verdicts = set()
    for path in suite_files():
        try:
            tree, _ = read_xml(path, Limits())
        except XmlProblem:
            continue
        register = is_register(tree.getroot())
        verdicts.add((register, fast_schemas[register].accepts(tree)))
    assert {(False, True), (False, False), (True, True)} <= verdicts


def _without_fast_path(monkeypatch) -> None:
    monkeypatch.setattr(schemas_module, "compile_fast", lambda path: None)
    monkeypatch.setattr(schemas_module, "_LOADED", {})


def test_reports_are_the_same_with_and_without_the_fast_path(monkeypatch):
    paths = [DATA, Path(__file__).parent / "test_corpus_tei", ROOT / "corpus",
             ROOT / "docs" / "example.tei.xml"]
    monkeypatch.setattr(schemas_module, "_LOADED", {})
    fast = validate_paths(paths)
    assert load_grammar().fast is not None
    _without_fast_path(monkeypatch)
    slow = validate_paths(paths)
    assert load_grammar().fast is None

    def table(report):
        return [(Path(r.file).name, [(i.line, i.col, i.severity, i.rule, i.message)
                                     for i in r.issues]) for r in report.files]

    assert table(fast) == table(slow)
    rules = {issue.rule for result in fast.files for issue in result.issues}
    assert {"ref-resolves", "header-title", "note-kind", "xsd-content", "iso-date"} <= rules


# -- damaged documents ------------------------------------------------------------------------

SEEDS = [ROOT / "docs" / "example.tei.xml", DATA / "valid" / "maximal.xml",
         *sorted((Path(__file__).parent / "test_corpus_tei").glob("*.xml")),
         ROOT / "corpus" / "persons.xml", ROOT / "corpus" / "places.xml"]
SEEDS = [path for path in SEEDS if path.is_file()]

ATTRIBUTES = ["when", "from", "to", "notBefore", "notAfter", "ref", "who", "resp", "sameAs",
              "target", "place", "type", "n", "rend", "ident", "break", "reason",
              "{http://www.w3.org/XML/1998/namespace}id",
              "{http://www.w3.org/XML/1998/namespace}lang", "color"]
VALUES = ["1962", "1962-10", "1962-10-27", "1962-10-27T10:00:00", "1962-10-27T24:00:00",
          "1962-10-27T10:00:00Z", "1962-10-27T10:00:00+14:00", "1962-10-27T10:00:00+15:00",
          "1962-02-29", "1964-02-29", "1962-02-30", "0000", "0962", " 1962", "1962 ",
          "1962-10-27Z", "-1962", "19620", "1962-13", "1961", "1963-01-01", "1962-10-26",
          "#p1", "#", "# ", "#nobody", "#p1 #p2", "http://example.org/a", "https://a/b#c",
          "javascript:alert(1)", "data:x", "a:b", "rel/path", "x%zz", "x%20", "[x]",
          "#a\u00a0b", "foot", " foot ", "editorial", "editorial ", "margin", "en", "sr-Latn",
          "English", "", "  ", "yes", "no", "maybe", "x y", "p1", "p2", "a-b", "1a",
          "undated", "n. d.", "No Date"]
TEXTS = ["", "  ", "x", "undated", "N.D.", "n.\td.", "1962", "¹", "Some words"]


def _elements(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str)]


def _damage(root: etree._Element, data: st.DataObject) -> None:
    elements = _elements(root)
    target = data.draw(st.sampled_from(elements))
    action = data.draw(st.sampled_from(["set", "drop-attribute", "delete", "duplicate",
                                        "move", "text", "rename", "wrap-id"]))
    if action == "set":
        target.set(data.draw(st.sampled_from(ATTRIBUTES)), data.draw(st.sampled_from(VALUES)))
    elif action == "drop-attribute" and target.attrib:
        del target.attrib[data.draw(st.sampled_from(sorted(target.attrib)))]
    elif action == "delete" and target.getparent() is not None:
        target.getparent().remove(target)
    elif action == "duplicate" and target.getparent() is not None:
        twin = copy.deepcopy(target)
        for element in twin.iter():
            element.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        target.addnext(twin)
    elif action == "move" and target.getparent() is not None:
        destination = data.draw(st.sampled_from(elements))
        if target not in destination.iterancestors() and destination is not target:
            destination.append(target)
    elif action == "text":
        target.text = data.draw(st.sampled_from(TEXTS))
    elif action == "rename":
        name = data.draw(st.sampled_from(["p", "note", "date", "div", "closer", "head",
                                          "title", "pb", "persName", "seg", "hi"]))
        target.tag = f"{{{TEI_NS}}}{name}"
    elif action == "wrap-id":
        target.set("{http://www.w3.org/XML/1998/namespace}id",
                   data.draw(st.sampled_from(["p1", "p2", "x", "ed"])))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_fast_path_and_xmlschema_agree_on_damaged_documents(fast_schemas, data):
    seed = data.draw(st.sampled_from(SEEDS))
    tree, _ = read_xml(seed, Limits())
    for _ in range(data.draw(st.integers(1, 3))):
        _damage(tree.getroot(), data)
    # Reparse, as validate sees a file: line numbers, ids and whitespace as written.
    text = etree.tostring(tree, encoding="UTF-8")
    try:
        tree = etree.fromstring(text, etree.XMLParser(resolve_entities=False,
                                                      no_network=True)).getroottree()
    except etree.XMLSyntaxError:
        return  # a duplicated xml:id: refused by the parser before any schema
    register = is_register(tree.getroot())
    assert fast_schemas[register].accepts(tree) == xmlschema_accepts(tree)


# -- columns -----------------------------------------------------------------------------------

def _columns_by_search(tree: etree._ElementTree, data: bytes) -> dict[etree._Element, int]:
    """Each element's column as found by searching its name in its line: the n-th tag of
    that name on the line for the n-th such element (the locator's contract)."""
    import re

    lines = data.split(b"\n")
    columns, seen = {}, {}
    for element in tree.getroot().iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        written = f"{element.prefix}:{name}" if element.prefix else name
        key = (element.sourceline, written)
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        text = lines[element.sourceline - 1].decode("utf-8", errors="replace")
        found = list(re.finditer("<" + re.escape(written) + r"(?=[\s/>])", text))
        columns[element] = found[nth].start() + 1 if nth < len(found) else 1
    return columns


CROWDED = (b'<?xml version="1.0"?>\n<!-- <p x --><t:TEI xmlns:t="urn:t" xmlns="urn:d">'
           b'<p/><p><p>x<!-- <p --></p><?pi <p ?><q/><p/></p>\n<p><t:p/><p.x/><p a="1"/>'
           b'</p><pp/><p\n/></t:TEI>')


@pytest.mark.parametrize("path", [*suite_files()[:12], None],
                         ids=lambda p: p.name if p else "crowded")
def test_the_locator_finds_every_element_where_a_search_of_its_line_does(path):
    from tei.validate.safe_xml import Locator

    data = CROWDED if path is None else path.read_bytes()
    try:
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False)).getroottree()
    except etree.XMLSyntaxError:
        pytest.skip("not well-formed")
    locator = Locator(tree, data)
    expected = _columns_by_search(tree, data)
    assert {element: locator.column(element) for element in expected} == expected


# -- limits ------------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(depth=st.integers(1, 12), attributes=st.integers(0, 8), declared=st.integers(0, 4),
       max_depth=st.integers(1, 12), max_attributes=st.integers(0, 10),
       where=st.integers(0, 11))
def test_the_quick_test_for_limits_never_hides_an_excess(depth, attributes, declared,
                                                         max_depth, max_attributes, where):
    from tei import limits

    def element(level: int) -> str:
        names = ""
        if level == min(where, depth - 1):
            names = "".join(f' xmlns:n{k}="urn:{level}:{k}"' for k in range(declared)) \
                + "".join(f' a{k}="v"' for k in range(attributes))
        inner = element(level + 1) if level + 1 < depth else ""
        return f'<e xmlns:top="urn:top"{names}>{inner}<!-- c --></e>'

    root = etree.fromstring(element(0))
    quick = limits.first_excess(root, max_depth, max_attributes)
    original = limits._may_exceed
    try:
        limits._may_exceed = lambda *args: True  # the full walk, always
        walked = limits.first_excess(root, max_depth, max_attributes)
    finally:
        limits._may_exceed = original
    assert (quick is None) == (walked is None)
    if quick is not None:
        assert (quick.rule, quick.element) == (walked.rule, walked.element)


POINTER_VALUES = ["javascript:alert(1)", "JAVASCRIPT:x", "data:x", "a:b", "x/y:z", "#ed",
                  "#ed #x", "https://a/b#c", "HTTP://a", "http:x", "%zz", "%20a", "[x]",
                  "#a\u00a0b", "é:x", "rel/path?q=1#f", "mailto:a@b", "", " "]


@pytest.mark.parametrize("value", POINTER_VALUES)
@pytest.mark.parametrize(("before", "after"), [
    ('<supplied resp="#ed">', '<supplied resp="{}">'),
    ('who="#conversion"', 'who="{}"'),
])
def test_fast_path_and_xmlschema_agree_on_pointer_values(fast_schemas, value, before, after):
    # libxml2 alone accepts javascript: in a pointer: the pattern is checked in Python too.
    text = (ROOT / "docs" / "example.tei.xml").read_text(encoding="utf-8")
    assert before in text
    text = text.replace(before, after.format(value), 1)
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    assert fast_schemas[False].accepts(tree) == xmlschema_accepts(tree)


TYPED_VALUES = ["1962", "1962-10", "1962-10-27", "1962-10-27T10:00:00", "1962-10-27T24:00:00",
                "1962-10-27T10:00:00.5Z", "1962-10-27T10:00:00+14:00",
                "1962-10-27T10:00:00+15:00", "1962-10-27T10:60:00", "1962-02-29", "1964-02-29",
                "1900-02-29", "2000-02-29", "1962-02-30", "1962-04-31", "0000", "0001", " 1962",
                "1962-10-27Z", "-1962", "19620", "1962-13", "1962-00", "en", "sr-Latn",
                "x-private", "English", "a b", "a\u00a0b", "a\u200bb", "", "é"]


@pytest.mark.parametrize("value", TYPED_VALUES)
@pytest.mark.parametrize(("before", "after"), [
    ('<date when="1962-11-06">', '<date when="{}">'),
    ('<language ident="ru" n="original">', '<language ident="{}" n="original">'),
    ('<div type="document">', '<div type="{}">'),
])
def test_fast_path_and_xmlschema_agree_on_dates_words_and_languages(fast_schemas, value,
                                                                     before, after):
    text = (ROOT / "docs" / "example.tei.xml").read_text(encoding="utf-8")
    assert before in text
    text = text.replace(before, after.format(value), 1)
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    assert fast_schemas[False].accepts(tree) == xmlschema_accepts(tree)


AUTHORITY_VALUES = [("wikidata", "Q35314"), ("wikidata", "Q0"), ("wikidata", "q1"),
                    ("wikidata", " Q1 "), ("wikidata", "https://www.wikidata.org/wiki/Q1"),
                    ("wikidata", "http://wikidata.org/entity/Q12x"), ("wikidata", "Q1\u0661"),
                    ("viaf", "123"), ("viaf", "https://viaf.org/viaf/1/"), ("viaf", "12a"),
                    ("gnd", "118-X"), ("gnd", "https://d-nb.info/gnd/1X/"), ("gnd", "1 2"),
                    ("geonames", "524901"), ("geonames", "https://sws.geonames.org/1/x\u00e9"),
                    ("geonames", "geonames:1"), ("local", "anything at all"), ("wikidata", "")]


@pytest.mark.parametrize(("kind", "value"), AUTHORITY_VALUES)
def test_fast_path_and_xmlschema_agree_on_authority_ids(fast_schemas, kind, value):
    text = (ROOT / "corpus" / "persons.xml").read_text(encoding="utf-8")
    before = '<idno type="wikidata">Q35314</idno>'
    assert before in text
    text = text.replace(before, f'<idno type="{kind}">{value}</idno>', 1)
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    assert fast_schemas[True].accepts(tree) == xmlschema_accepts(tree)


@pytest.mark.parametrize("types", [("sent", "received"), ("sent", "sent"),
                                   ("received", "received"), ("received", "sent")])
def test_fast_path_and_xmlschema_agree_on_correspondence_actions(fast_schemas, types):
    text = (ROOT / "docs" / "example.tei.xml").read_text(encoding="utf-8")
    for old, new in zip(("sent", "received"), types, strict=True):
        before = f'<correspAction type="{old}">'
        assert before in text
        text = text.replace(before, f'<correspAction type="@{new}">', 1)
    text = text.replace('type="@', 'type="')
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    assert fast_schemas[False].accepts(tree) == xmlschema_accepts(tree)
