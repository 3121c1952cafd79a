"""Places and organisations: registers (listPlace / listOrg), the finder on invented names,
and every mention in the two sample telegrams with its link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei.annotate import places
from tei.annotate.places import EntityFinder, EntityResult, name_forms
from tei.errors import InputError
from tei.place_register import EntityRegister

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEI_ALL_RNG = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"

# Invented places and organisations: every name the finder knows comes from here.
REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Test register</title></titleStmt>
    <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc>
  </fileDesc></teiHeader>
  <standOff>
    <listPlace>
      <place xml:id="valdoria">
        <placeName type="main">Valdoria</placeName>
        <placeName type="variant">Republic of Valdoria</placeName>
        <note>An invented republic.</note>
      </place>
      <place xml:id="old-valdoria" sameAs="#valdoria">
        <placeName>Valdorien</placeName>
      </place>
      <place xml:id="borean-union">
        <placeName type="main">the Borean Union</placeName>
        <placeName type="variant">UBR</placeName>
        <placeName type="variant">U.B.R.</placeName>
      </place>
      <place xml:id="sevrenne">
        <placeName type="main">Sèvrenne</placeName>
        <place xml:id="port-sevrenne">
          <placeName type="main">Port Sèvrenne</placeName>
        </place>
      </place>
      <place xml:id="ostmark">
        <placeName type="main">Ostmark</placeName>
      </place>
      <place xml:id="twin-a"><placeName>Marrowby</placeName></place>
      <place xml:id="twin-b"><placeName>Marrowby</placeName></place>
      <place><placeName>Nameless Without Id</placeName></place>
    </listPlace>
    <listOrg>
      <org xml:id="concord">
        <orgName type="main">the Concord of Nations</orgName>
        <orgName type="variant">CN</orgName>
        <idno type="wikidata">Q1</idno>
      </org>
      <org xml:id="union">
        <orgName type="main">Union</orgName>
        <note>An invented trade union.</note>
      </org>
      <org xml:id="valdorian-post">
        <orgName type="main">Valdoria Postal Service</orgName>
      </org>
    </listOrg>
  </standOff>
</TEI>
"""

KUZNETSOV_ZORIN = [
    ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Soviet Union', 'ussr'), ('Cuba', 'cuba'),
    ('Soviet Union', 'ussr'), ('Soviet Union', 'ussr'), ('Soviet Union', 'ussr'),
    ('Cuba', 'cuba'), ('Soviet Union', 'ussr'), ('Cuba', 'cuba'), ('USA', 'usa'),
    ('Cuba', 'cuba'), ('USA', 'usa'), ('Cuba', 'cuba'), ('USA', 'usa'), ('USA', 'usa'),
    ('United States', 'usa'), ('Cuba', 'cuba'), ('United States', 'usa'), ('USA', 'usa'),
    ('USSR', 'ussr'), ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'),
    ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Soviet Union', 'ussr'),
    ('USA', 'usa'), ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'),
    ('Cuba', 'cuba'), ('Cuba', 'cuba'), ('Cuba', 'cuba'),
    ('International Red Cross', 'red-cross'), ('USA', 'usa'), ('Red Cross', 'red-cross'),
    ('USA', 'usa'), ('Red Cross', 'red-cross'), ('Sweden', 'sweden'), ('USA', 'usa'),
    ('Red Cross', 'red-cross'), ('Cuba', 'cuba'), ('USA', 'usa'), ('Cuba', 'cuba'),
    ('Red Cross', 'red-cross'), ('Cuba', 'cuba'), ('Washington', 'washington'), ('USA', 'usa'),
]

DOBRYNIN = [
    ('Soviet Union', 'ussr'), ('Cuba', 'cuba'), ('USA', 'usa'), ('Soviet Union', 'ussr'),
    ('USA', 'usa'), ('Moscow', 'moscow'), ('USA', 'usa'), ('USA', 'usa'), ('Cuba', 'cuba'),
    ('Soviet Union', 'ussr'), ('USA', 'usa'), ('UN', 'united-nations'), ('Cuba', 'cuba'),
    ('UN', 'united-nations'), ('Caribbean', 'caribbean'), ('Cuba', 'cuba'),
    ('UN', 'united-nations'), ('Caribbean', 'caribbean'), ('Brazil', 'brazil'),
    ('Cuba', 'cuba'), ('New York', 'new-york'), ('Bolshoi Theater', 'bolshoi-theater'),
    ('Washington', 'washington'), ('White House', 'white-house'), ('Washington', 'washington'),
    ('California', 'california'), ('New York', 'new-york'), ('AVP RF', 'avp-rf'),
    ('NHK', 'nhk'), ('CWIHP', 'cwihp'),
    ('National Security Archive', 'national-security-archive'),
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def register(tmp_path: Path) -> EntityRegister:
    return EntityRegister.load([_write(tmp_path, "register.xml", REGISTER)])


@pytest.fixture
def finder(register: EntityRegister) -> EntityFinder:
    return EntityFinder(register)


def _found(finder: EntityFinder, *texts: str) -> list[tuple[str, str, str]]:
    result = finder.find(texts)
    return [(text[s.start:s.end], s.kind, s.attr("ref") or "")
            for text, spans in zip(texts, result.spans, strict=True) for s in spans]


# -- the register ----------------------------------------------------------------------------

def test_loads_places_and_orgs_with_ids(register: EntityRegister) -> None:
    assert register.ids == ["valdoria", "old-valdoria", "borean-union", "sevrenne",
                            "port-sevrenne", "ostmark", "twin-a", "twin-b", "concord",
                            "union", "valdorian-post"]
    assert len(register) == 11
    assert register.kind("valdoria") == "place"
    assert register.kind("concord") == "org"


def test_names_main_and_variants(register: EntityRegister) -> None:
    assert register.entities["valdoria"].names == ["Valdoria", "Republic of Valdoria"]
    assert register.entities["concord"].names == ["the Concord of Nations", "CN"]
    # A nested place's names belong to it, not to the place around it.
    assert register.entities["sevrenne"].names == ["Sèvrenne"]
    assert register.entities["port-sevrenne"].names == ["Port Sèvrenne"]


def test_same_as_leads_to_the_main_entry(register: EntityRegister) -> None:
    assert register.canonical("old-valdoria") == "valdoria"
    element = register.element("old-valdoria")
    assert element.tag == f"{TEI}place"
    assert element.get("{http://www.w3.org/XML/1998/namespace}id") == "valdoria"
    assert element.tail is None


def test_element_is_a_fresh_copy(register: EntityRegister) -> None:
    first = register.element("concord")
    first.append(etree.Element(f"{TEI}note"))
    second = register.element("concord")
    assert first is not second
    assert [c.tag for c in second] == [f"{TEI}orgName", f"{TEI}orgName", f"{TEI}idno"]


def test_element_leaves_out_nested_entries(register: EntityRegister) -> None:
    element = register.element("sevrenne")
    assert [c.tag for c in element] == [f"{TEI}placeName"]
    assert register.element("port-sevrenne").find(f"{TEI}placeName").text == "Port Sèvrenne"
    # The register itself keeps the nesting.
    assert register.entities["sevrenne"].element.find(f"{TEI}place") is not None


def test_same_as_cycle_stops(tmp_path: Path) -> None:
    path = _write(tmp_path, "cycle.xml", """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>
        <listOrg><org xml:id="a" sameAs="#b"><orgName>Alpha</orgName></org>
        <org xml:id="b" sameAs="#a"><orgName>Beta</orgName></org></listOrg>
        </standOff></TEI>""")
    register = EntityRegister.load([path])
    assert register.canonical("a") in {"a", "b"}
    assert register.kind("a") == "org"


def test_first_file_wins_on_a_repeated_id(tmp_path: Path) -> None:
    first = _write(tmp_path, "first.xml", REGISTER)
    second = _write(tmp_path, "second.xml", """<TEI xmlns="http://www.tei-c.org/ns/1.0">
        <standOff><listOrg><org xml:id="valdoria"><orgName>Other</orgName></org>
        <org xml:id="extra"><orgName>Extra Body</orgName></org></listOrg></standOff></TEI>""")
    register = EntityRegister.load([first, second])
    assert register.kind("valdoria") == "place"
    assert "extra" in register


def test_file_without_lists_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "persons-only.xml", """<TEI xmlns="http://www.tei-c.org/ns/1.0">
        <standOff><listPerson><person xml:id="p"><persName>Ann Vale</persName></person>
        </listPerson></standOff></TEI>""")
    register = EntityRegister.load([path])
    assert len(register) == 0
    assert EntityFinder(register).find(["Ann Vale went to Valdoria."]) == EntityResult(
        spans=[[]], places=[], orgs=[])


def test_bad_xml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                  "<standOff>\n<listPlace>\n<place xml:id=\"x\"><placeName>X</place>\n"
                  "</listPlace></standOff></TEI>\n")
    with pytest.raises(InputError) as caught:
        EntityRegister.load([path])
    assert caught.value.line == 4
    assert str(caught.value).startswith(f"{path}:4: the register is not well-formed XML")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        EntityRegister.load([tmp_path / "absent.xml"])


def test_external_entities_are_refused_internal_ones_expanded(tmp_path: Path) -> None:
    secret = _write(tmp_path, "secret.txt", "Hidden Realm")
    path = _write(tmp_path, "entities.xml", f"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY outside SYSTEM "{secret.as_uri()}"><!ENTITY inside "Inner Realm">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPlace>
<place xml:id="a"><placeName>&outside;</placeName><placeName>Kest &inside;</placeName>
</place></listPlace></standOff></TEI>""")
    with pytest.raises(InputError, match="external entities are never loaded"):
        EntityRegister.load([path])
    inner = _write(tmp_path, "inner.xml", """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY inside "Inner Realm">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPlace>
<place xml:id="a"><placeName>Kest &inside;</placeName></place></listPlace></standOff></TEI>""")
    register = EntityRegister.load([inner])
    assert register.entities["a"].names == ["Kest Inner Realm"]
    assert b"&" not in etree.tostring(register.element("a"))


# -- the finder -------------------------------------------------------------------------------

def test_place_and_org_linked(finder: EntityFinder) -> None:
    assert _found(finder, "Envoys of Valdoria met the Union.") == [
        ("Valdoria", "placeName", "#valdoria"), ("Union", "orgName", "#union")]


def test_possessive_stays_outside(finder: EntityFinder) -> None:
    assert _found(finder, "Valdoria's envoy and Ostmark’s consul; the CN's view.") == [
        ("Valdoria", "placeName", "#valdoria"), ("Ostmark", "placeName", "#ostmark"),
        ("CN", "orgName", "#concord")]


def test_article_stays_outside(finder: EntityFinder) -> None:
    assert _found(finder, "He wrote to the Concord of Nations and to The Borean Union.") == [
        ("Concord of Nations", "orgName", "#concord"),
        ("Borean Union", "placeName", "#borean-union")]


def test_longest_match_first(finder: EntityFinder) -> None:
    assert _found(finder, "The Borean Union is not the Union; the Republic of Valdoria "
                  "runs the Valdoria Postal Service.") == [
        ("Borean Union", "placeName", "#borean-union"), ("Union", "orgName", "#union"),
        ("Republic of Valdoria", "placeName", "#valdoria"),
        ("Valdoria Postal Service", "orgName", "#valdorian-post")]


def test_abbreviations_from_the_register(finder: EntityFinder) -> None:
    assert _found(finder, "The UBR and the CN; the U.B.R. or U. B. R. again.") == [
        ("UBR", "placeName", "#borean-union"), ("CN", "orgName", "#concord"),
        ("U.B.R.", "placeName", "#borean-union"), ("U. B. R.", "placeName", "#borean-union")]


def test_abbreviation_inside_a_longer_word_is_not_a_name(finder: EntityFinder) -> None:
    assert _found(finder, "CNN, UBRX and aCN are other words; Valdorian is an adjective.") == []


def test_diacritics_do_not_matter(finder: EntityFinder) -> None:
    assert _found(finder, "From Sevrenne to Östmark, by way of Port Sèvrenne.") == [
        ("Sevrenne", "placeName", "#sevrenne"), ("Östmark", "placeName", "#ostmark"),
        ("Port Sèvrenne", "placeName", "#port-sevrenne")]


def test_case_sensitive_but_capitals_allowed(finder: EntityFinder) -> None:
    assert _found(finder, "the union of valdoria; REPUBLIC OF VALDORIA; VALDORIA.") == [
        ("REPUBLIC OF VALDORIA", "placeName", "#valdoria"),
        ("VALDORIA", "placeName", "#valdoria")]


def test_line_break_and_footnote_digit(finder: EntityFinder) -> None:
    assert _found(finder, "the Borean\nUnion and Valdoria2 and Valdoria¹.") == [
        ("Borean\nUnion", "placeName", "#borean-union"),
        ("Valdoria", "placeName", "#valdoria"), ("Valdoria", "placeName", "#valdoria")]


def test_see_entry_name_links_to_the_main_entry(finder: EntityFinder) -> None:
    assert _found(finder, "Old maps say Valdorien.") == [
        ("Valdorien", "placeName", "#valdoria")]


def test_name_of_two_entries_is_not_linked(finder: EntityFinder) -> None:
    assert _found(finder, "They met in Marrowby.") == []
    assert finder.shared_names == ["MARROWBY", "Marrowby"]


def test_first_mention_order_and_canonical_ids(finder: EntityFinder) -> None:
    result = finder.find(["The CN met in Ostmark.", "Valdorien, Valdoria, Ostmark; the Union."])
    assert result.places == ["ostmark", "valdoria"]
    assert result.orgs == ["concord", "union"]


def test_spans_are_disjoint_and_ordered(finder: EntityFinder) -> None:
    text = "Republic of Valdoria Postal Service Borean Union Union CN U.B.R. Valdoria"
    spans = finder.find([text]).spans[0]
    assert spans
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end <= right.start


def test_name_forms_drop_a_lower_case_article_only() -> None:
    assert name_forms("the Concord of Nations") == {"Concord of Nations",
                                                   "CONCORD OF NATIONS"}
    assert name_forms("The Haven") == {"The Haven", "THE HAVEN"}
    assert name_forms("Sèvrenne") == {"Sevrenne", "SEVRENNE"}
    assert name_forms("  ") == set()


def test_output_is_deterministic(register: EntityRegister) -> None:
    texts = ["The Borean Union, the CN and Valdoria.", "Union; Ostmark."]
    assert EntityFinder(register).find(texts) == EntityFinder(register).find(texts)


# -- the sample corpus ------------------------------------------------------------------------

def body_blocks(name: str) -> list[str]:
    """The lines after ``Translation - English``, split into blocks at blank lines."""
    text = (CORPUS / name).read_text(encoding="utf-8").split("Translation - English", 1)[1]
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


@pytest.fixture(scope="module")
def corpus_register() -> EntityRegister:
    return EntityRegister.load([CORPUS / "places.xml"])


@pytest.mark.parametrize("name, expected", [
    ("1962-11-06_kuznetsov-zorin.txt", KUZNETSOV_ZORIN),
    ("1962-11-12_dobrynin.txt", DOBRYNIN),
])
def test_every_corpus_mention_linked(corpus_register: EntityRegister, name: str,
                                     expected: list[tuple[str, str]]) -> None:
    blocks = body_blocks(name)
    result = EntityFinder(corpus_register).find(blocks)
    found = [(text[s.start:s.end], (s.attr("ref") or "")[1:])
             for text, spans in zip(blocks, result.spans, strict=True) for s in spans]
    assert found == expected
    refs = list(dict.fromkeys(ref for _, ref in expected))
    assert result.places == [r for r in refs if corpus_register.kind(r) == "place"]
    assert result.orgs == [r for r in refs if corpus_register.kind(r) == "org"]


def test_corpus_register_is_valid_tei() -> None:
    if not TEI_ALL_RNG.exists():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL_RNG}")
    schema = etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))
    document = etree.parse(str(CORPUS / "places.xml"))
    assert schema.validate(document), schema.error_log


def test_every_corpus_entry_is_complete(corpus_register: EntityRegister) -> None:
    assert len(corpus_register) >= 15
    for eid, entity in corpus_register.entities.items():
        element = entity.element
        name_tag = f"{TEI}{'placeName' if entity.kind == 'place' else 'orgName'}"
        assert element.find(f"{name_tag}[@type='main']") is not None, eid
        note = element.find(f"{TEI}note")
        assert note is not None and note.text and note.text.strip(), eid
        for idno in element.findall(f"{TEI}idno"):
            assert idno.get("type") == "wikidata" and re.fullmatch(r"Q\d+", idno.text or ""), eid


def test_corpus_finder_shares_no_name(corpus_register: EntityRegister) -> None:
    assert EntityFinder(corpus_register).shared_names == []


def test_corpus_entries_fit_a_converted_document() -> None:
    """Copied where the encoder puts them (``listOrg`` after ``listPerson`` in ``particDesc``,
    ``listPlace`` in ``settingDesc``), the entries keep the example document valid."""
    from tei.validate.schemas import load_grammar

    register = EntityRegister.load([CORPUS / "places.xml"])
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.parse(str(ROOT / "docs" / "example.tei.xml"), parser)
    profile = tree.find(f".//{TEI}profileDesc")
    list_org = etree.SubElement(profile.find(f"{TEI}particDesc"), f"{TEI}listOrg")
    list_place = etree.SubElement(etree.SubElement(profile, f"{TEI}settingDesc"),
                                  f"{TEI}listPlace")
    # The example already holds the entry of its addressee (correspDesc): not twice.
    present = set(tree.xpath("//@xml:id"))
    for eid in register.ids:
        if eid not in present:
            (list_place if register.kind(eid) == "place" else list_org).append(
                register.element(eid))
    paragraph = tree.find(f".//{TEI}body//{TEI}p")
    for tag, ref in (("placeName", "#cuba"), ("orgName", "#united-nations")):
        etree.SubElement(paragraph, f"{TEI}{tag}", ref=ref).text = "x"
    errors = list(load_grammar().compiled.iter_errors(tree))
    assert errors == []


def test_a_person_name_inside_a_longer_place_name_is_the_place(tmp_path):
    """A registered surname ("New") inside a registered place ("New York") is part of the
    place's name: the place is tagged, not the person."""
    import subprocess

    from tests.conftest import CORPUS
    from tests.test_corpus_tei import tei_command

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for item in CORPUS.glob("*.txt"):
        (corpus / item.name).write_bytes(item.read_bytes())
    (corpus / "places.xml").write_bytes((CORPUS / "places.xml").read_bytes())
    persons = (CORPUS / "persons.xml").read_text(encoding="utf-8")
    first = persons.index("<person xml:id=")
    (corpus / "persons.xml").write_text(
        persons[:first] + '<person xml:id="new-anna"><persName><forename>Anna</forename> '
        "<surname>New</surname></persName></person>\n" + persons[first:], encoding="utf-8")
    run = subprocess.run([*tei_command(), "build", str(corpus), "-o", str(tmp_path / "out"),
                          "-q"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    tei = (tmp_path / "out" / "tei" / "1962-11-12_dobrynin.xml").read_text(encoding="utf-8")
    assert '<placeName ref="#new-york">New York</placeName>' in tei
    assert '<persName ref="#new-anna">' not in tei


_PLACE_TOKENS = ["Valdoria", "VALDORIA", "Republic of", "Borean Union", "Union", "UBR",
                 "U.B.R.", "U. B. R.", "Sevrenne", "Port", "CN", "Concord of Nations", "of",
                 "the", " ", "\n", "-", "2", "¹", "x", "n", ".", "Valdorian", "'s"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_TOKENS), max_size=12))
def test_forms_grouped_by_first_character_find_what_every_form_everywhere_finds(
        tmp_path_factory: pytest.TempPathFactory, tokens: list[str]) -> None:
    finder = _grouping_finder(tmp_path_factory)
    forms = sorted(finder._owner, key=lambda f: (-len(f), f))
    letter = places._LETTER
    plain = re.compile(rf"(?<!{letter})(?:" + "|".join(places._form_pattern(f) for f in forms)
                       + rf")(?!{letter})")
    text = "".join(tokens)
    assert finder._pattern is not None
    assert [m.span() for m in finder._pattern.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


_FINDERS: dict[str, EntityFinder] = {}


def _grouping_finder(factory: pytest.TempPathFactory) -> EntityFinder:
    if "finder" not in _FINDERS:
        path = _write(factory.mktemp("register"), "register.xml", REGISTER)
        _FINDERS["finder"] = EntityFinder(EntityRegister.load([path]))
    return _FINDERS["finder"]
