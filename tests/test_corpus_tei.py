"""The sample corpus through the installed ``tei convert``: the acceptance facts of the
two telegrams, golden TEI (read by eye before commit) and conformance."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import CORPUS

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
STEMS = ["1962-11-06_kuznetsov-zorin", "1962-11-12_dobrynin"]


def tei_command() -> list[str]:
    """The installed console script (the one a user runs), else the module."""
    script = Path(sys.executable).parent / "tei"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tei"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tei")
    run = subprocess.run([*tei_command(), "convert", str(CORPUS), "-o", str(out)],
                         capture_output=True, text=True,
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0, run.stderr
    return out


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


def xp(tree, expr: str):
    return tree.xpath(expr, namespaces=NS)


def refs_resolve(tree, el) -> bool:
    ref = el.get("ref", "")
    return ref.startswith("#") and bool(
        xp(tree, f"//t:particDesc//t:person[@xml:id='{ref[1:]}']"))


def test_dobrynin_persons_linked(converted):
    tree = parse(converted / "1962-11-12_dobrynin.xml")
    body = "//t:text//t:persName"
    surfaces = {}
    for el in xp(tree, body):
        text = " ".join("".join(el.itertext()).split())
        surfaces.setdefault(text, []).append(el)
    for name in ["Robert Kennedy", "N.S. Khrushchev", "N. S. Khrushchev", "Nixon",
                 "Fidel Castro", "Adenauer", "Stevenson", "Maya Plisetskaya", "A. DOBRYNIN"]:
        assert name in surfaces, f"{name} is not a persName"
        for el in surfaces[name]:
            assert refs_resolve(tree, el), f"{name}: @ref {el.get('ref')} does not resolve"
    kennedy = {surfaces["Robert Kennedy"][0].get("ref")}
    assert all(el.get("ref") in kennedy for el in surfaces["Robert Kennedy"])
    assert xp(tree, "//t:closer/t:signed/t:persName[.='A. DOBRYNIN']")


def test_dobrynin_dates(converted):
    tree = parse(converted / "1962-11-12_dobrynin.xml")
    whens = [d.get("when") for d in xp(tree, "//t:body//t:p//t:date[not(ancestor::t:note)]")]
    assert "1962-10-27" in whens and "1962-10-28" in whens
    closing = xp(tree, "//t:closer/t:dateline/t:date")
    assert [(d.text, d.get("when")) for d in closing] == [("12.XI.62", "1962-11-12")]
    assert xp(tree, "string(//t:creation/t:date/@when)") == "1962-11-12"


def test_dobrynin_footnote_editorial_and_page_break(converted):
    tree = parse(converted / "1962-11-12_dobrynin.xml")
    notes = xp(tree, "//t:body//t:note[@place='foot']")
    assert [n.get("n") for n in notes] == ["1"]
    before = notes[0].getprevious()
    preceding_text = (before.tail if before is not None else notes[0].getparent().text) or ""
    assert preceding_text.endswith("elections,")
    assert xp(tree, "//t:note[@type='editorial'][.='states--ed.'][@resp='#ed']")
    assert xp(tree, "//t:supplied[.='West German Chancellor Konrad'][@resp='#ed']")
    joined = [p for p in xp(tree, "//t:body//t:p[t:pb]")
              if "he thought that there" in "".join(p.itertext())]
    assert len(joined) == 1
    pb = joined[0].find("t:pb", NS)
    assert (pb.getprevious().tail if pb.getprevious() is not None
            else joined[0].text).rstrip().endswith("he thought that there")
    assert pb.tail.startswith("was room for negotiation")


def test_kuznetsov_zorin_opener_closer_dates(converted):
    tree = parse(converted / "1962-11-06_kuznetsov-zorin.xml")
    assert xp(tree, "//t:opener//*[.='TOP SECRET']")
    signed = [" ".join("".join(s.itertext()).split()) for s in xp(tree, "//t:closer/t:signed")]
    assert signed == ["V. KUZNETSOV", "V. ZORIN"]
    whens = [d.get("when") for d in xp(tree, "//t:body//t:date[not(ancestor::t:note)]")]
    for day in ["1962-10-22", "1962-10-23", "1962-10-27", "1962-10-28", "1962-11-02",
                "1962-11-03", "1962-11-10", "1962-11-06", "1962-11-07"]:
        assert day in whens, f"{day} is not tagged"


def test_header_parts(converted):
    tree = parse(converted / "1962-11-12_dobrynin.xml")
    root = tree.getroot()
    assert root.get(XML_ID) == "wcda-110442"
    assert xp(tree, "string(//t:titleStmt/t:title)") == (
        "Telegram from Soviet Ambassador to the USA A. F. Dobrynin to USSR Foreign Ministry")
    assert xp(tree, "//t:respStmt[@xml:id='translator']/t:name[.='J. Henriksen']")
    assert xp(tree, "//t:sourceDesc/t:bibl[@type='citation']/t:orgName[.='AVP RF']")
    assert xp(tree, "//t:sourceDesc//t:ref[@target="
                    "'https://digitalarchive.umd.edu/document/110442']")
    assert xp(tree, "//t:sourceDesc/t:bibl[@type='source']")
    assert xp(tree, "string(//t:abstract)").strip().startswith("Dobrynin sends")
    assert xp(tree, "//t:langUsage/t:language[@ident='ru'][.='Russian']")
    assert xp(tree, "//t:langUsage/t:language[@ident='en']")
    assert xp(tree, "//t:revisionDesc/t:change[@when='2023-11-14']")


@pytest.mark.parametrize("stem", STEMS)
def test_golden_tei(converted, stem, file_regression):
    file_regression.check((converted / f"{stem}.xml").read_text(encoding="utf-8"),
                          basename=stem, extension=".xml")


@pytest.mark.parametrize("stem", STEMS)
def test_golden_tei_is_valid_against_tei_all(stem, tei_all):
    golden = Path(__file__).parent / "test_corpus_tei" / f"{stem}.xml"
    assert tei_all.validate(parse(golden)), str(tei_all.error_log)


@pytest.mark.parametrize("stem", STEMS)
def test_golden_tei_is_valid_against_project_schema(stem):
    from tei.validate import validate_paths

    golden = Path(__file__).parent / "test_corpus_tei" / f"{stem}.xml"
    report = validate_paths([golden])
    errors = [str(i) for f in report.files for i in f.issues if i.severity == "error"]
    assert errors == []


def test_same_input_same_bytes(converted, tmp_path):
    run = subprocess.run([*tei_command(), "convert", str(CORPUS), "-o", str(tmp_path), "-q"],
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0
    for stem in STEMS:
        assert (tmp_path / f"{stem}.xml").read_bytes() == (converted / f"{stem}.xml").read_bytes()


def test_tei_command_is_on_path():
    assert shutil.which("tei") or (Path(sys.executable).parent / "tei").exists()
