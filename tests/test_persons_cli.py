"""Registers through the installed ``tei`` command: what loading prints, which registers are
read, and the files it refuses with a message."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from tests.conftest import CORPUS
from tests.test_cli import SEED, tei

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    return folder


def _refs(out: Path, tag: str = "persName") -> list[str]:
    xml = (out / (SEED.stem + ".xml")).read_text(encoding="utf-8")
    etree.fromstring(xml.encode())  # what is written parses
    return re.findall(rf'<{tag} ref="#([^"]+)"', xml)


def _corpus_persons() -> str:
    return (CORPUS / "persons.xml").read_text(encoding="utf-8")


def test_each_register_file_is_reported_in_one_line(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    (folder / "persons.xml").write_text(_corpus_persons(), encoding="utf-8")
    run = tei("convert", str(folder), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if line.startswith("register ")]
    assert lines == [f"register {folder / 'persons.xml'}: 14 person(s)"]


def test_register_without_namespace_is_read_with_a_warning(tmp_path: Path) -> None:
    bare = _corpus_persons().replace(f' xmlns="{TEI_NS}"', "")
    register = tmp_path / "bare.xml"
    register.write_text(bare, encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(SEED), "-o", str(out), "--register", str(register))
    assert run.returncode == 0, run.stderr
    assert f"{register}: warning: the register is not in the TEI namespace" in run.stderr
    assert f"register {register}: 14 person(s)" in run.stdout
    assert "kennedy-robert" in _refs(out)
    # the entries copied into the document are TEI
    tree = etree.parse(str(out / (SEED.stem + ".xml")))
    assert tree.find(f".//{{{TEI_NS}}}particDesc/{{{TEI_NS}}}listPerson/{{{TEI_NS}}}person") \
        is not None


def test_register_in_another_namespace_is_refused(tmp_path: Path) -> None:
    register = tmp_path / "other.xml"
    register.write_text('<listPerson xmlns="urn:example:people"><person xml:id="a">'
                        "<persName>Ada Vell</persName></person></listPerson>",
                        encoding="utf-8")
    run = tei("convert", str(SEED), "-o", str(tmp_path / "out"), "--register", str(register))
    assert run.returncode == 2
    assert "in the namespace urn:example:people, not in the TEI namespace" in run.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.xml"))


def test_register_with_no_person_is_an_error(tmp_path: Path) -> None:
    register = tmp_path / "empty.xml"
    register.write_text(f'<TEI xmlns="{TEI_NS}"><standOff><listPerson/></standOff></TEI>',
                        encoding="utf-8")
    run = tei("convert", str(SEED), "-o", str(tmp_path / "out"), "--register", str(register))
    assert run.returncode == 2
    assert f"{register}: the register holds no person, place or organisation" in run.stderr


def test_same_person_in_two_registers_links_to_the_first(tmp_path: Path) -> None:
    first = tmp_path / "a.xml"
    first.write_text(_corpus_persons(), encoding="utf-8")
    second = tmp_path / "b.xml"
    second.write_text(f'<listPerson xmlns="{TEI_NS}"><person xml:id="rk-2">'
                      "<persName>Robert F. Kennedy</persName></person></listPerson>",
                      encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(SEED), "-o", str(out), "--register", str(first),
              "--register", str(second))
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if "rk-2" in line]
    assert warnings == [f"warning: {second}: rk-2 has the name of kennedy-robert ({first}): "
                        "taken for the same person, mentions link to kennedy-robert"]
    refs = _refs(out)
    assert "rk-2" not in refs and refs.count("kennedy-robert") >= 10
    assert "may be any of" not in run.stderr


def test_person_pointing_to_another_register_links_to_it(tmp_path: Path) -> None:
    first = tmp_path / "a.xml"
    first.write_text(_corpus_persons(), encoding="utf-8")
    second = tmp_path / "b.xml"
    second.write_text(f'<listPerson xmlns="{TEI_NS}"><person xml:id="rfk" '
                      'corresp="#kennedy-robert"><persName>Bobby Kennedy</persName></person>'
                      "</listPerson>", encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(SEED), "-o", str(out), "--register", str(first),
              "--register", str(second))
    assert run.returncode == 0, run.stderr
    assert sum("rfk points to kennedy-robert" in line
               for line in run.stderr.splitlines()) == 1
    assert "rfk" not in _refs(out)


def test_person_register_keeps_the_default_places(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    (folder / "places.xml").write_bytes((CORPUS / "places.xml").read_bytes())
    default = tmp_path / "default"
    tei("convert", str(folder), "-o", str(default), "--register", str(CORPUS / "places.xml"),
        "--register", str(CORPUS / "persons.xml"))
    out = tmp_path / "out"
    run = tei("convert", str(folder), "-o", str(out), "--register", str(CORPUS / "persons.xml"))
    assert run.returncode == 0, run.stderr
    assert f"register {folder / 'places.xml'}: 10 place(s), 9 organisation(s)" in run.stdout
    places = _refs(out, "placeName") + _refs(out, "orgName")
    assert places and places == _refs(default, "placeName") + _refs(default, "orgName")


def test_named_person_register_replaces_the_default_persons(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    (folder / "persons.xml").write_text(_corpus_persons(), encoding="utf-8")
    starter = tmp_path / "starter.xml"
    starter.write_text(f'<listPerson xmlns="{TEI_NS}"><person xml:id="only">'
                       "<persName>Fidel Castro</persName></person></listPerson>",
                       encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(folder), "-o", str(out), "--register", str(starter))
    assert run.returncode == 0, run.stderr
    assert (f"register {folder / 'persons.xml'}: its persons not read (a --register file "
            "gives the persons)") in run.stdout
    assert set(_refs(out)) == {"only"}


def test_register_with_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Hidden", encoding="utf-8")
    register = tmp_path / "ent.xml"
    register.write_text(f'<!DOCTYPE listPerson [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
                        f'<listPerson xmlns="{TEI_NS}"><person xml:id="a"><persName>&x; '
                        "Vell</persName></person></listPerson>", encoding="utf-8")
    run = tei("convert", str(SEED), "-o", str(tmp_path / "out"), "--register", str(register))
    assert run.returncode == 2
    assert "external entities are never loaded" in run.stderr
    assert "Hidden" not in run.stderr + run.stdout


def test_register_with_internal_entities_writes_what_parses(tmp_path: Path) -> None:
    text = _corpus_persons().replace('<?xml version="1.0" encoding="UTF-8"?>',
                                     '<?xml version="1.0" encoding="UTF-8"?>\n'
                                     '<!DOCTYPE TEI [<!ENTITY us "United States">]>')
    text = text.replace("Attorney General", "Attorney General of the &us;", 1)
    assert "&us;" in text
    register = tmp_path / "ent.xml"
    register.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(SEED), "-o", str(out), "--register", str(register))
    assert run.returncode == 0, run.stderr
    written = (out / (SEED.stem + ".xml")).read_text(encoding="utf-8")
    etree.fromstring(written.encode())
    assert "&us;" not in written and "Attorney General of the United States" in written


def test_build_says_which_registers_it_read(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    (folder / "persons.xml").write_text(_corpus_persons(), encoding="utf-8")
    (folder / "places.xml").write_bytes((CORPUS / "places.xml").read_bytes())
    run = tei("build", str(folder), "-o", str(tmp_path / "site"))
    assert run.returncode == 0, run.stderr
    assert [line for line in run.stdout.splitlines() if line.startswith("register ")] == [
        f"register {folder / 'persons.xml'}: 14 person(s)",
        f"register {folder / 'places.xml'}: 10 place(s), 9 organisation(s)"]
