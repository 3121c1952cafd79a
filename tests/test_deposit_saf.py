"""tei deposit --format saf: DSpace Simple Archive Format as DSpace's importer reads it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tei.deposit.edition import find_edition
from tei.deposit.saf import DSPACE_DC, dublin_core_values, make_saf, verify_saf
from tei.deposit.settings import DepositSettings
from tests.conftest import CORPUS
from tests.test_corpus_tei import tei_command

GOLDEN = Path(__file__).parent / "test_corpus_tei"
NAME = "tei-edition-sample-1962"


def tei(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*tei_command(), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("saf")
    run = tei("build", CORPUS, "-o", root / "build", "-q")
    assert run.returncode == 0, run.stderr
    return root / "build"


@pytest.fixture
def archive(build, tmp_path) -> Path:
    run = tei("deposit", build, "-o", tmp_path, "--format", "saf", "--with-reading",
              "--corpus", CORPUS)
    assert run.returncode == 0, run.stderr
    return tmp_path / NAME


def test_one_item_per_document_with_contents_and_dublin_core(archive):
    items = sorted(p.name for p in archive.iterdir())
    assert items == ["item_000", "item_001"]
    item = archive / "item_001"
    assert sorted(p.name for p in item.iterdir()) == [
        "1962-11-12_dobrynin.html", "1962-11-12_dobrynin.txt", "1962-11-12_dobrynin.xml",
        "contents", "dublin_core.xml"]
    lines = (item / "contents").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "1962-11-12_dobrynin.xml\tbundle:ORIGINAL\tdescription:TEI P5 document"
    assert all(line.split("\t")[1] == "bundle:ORIGINAL" for line in lines)
    assert not (item / "collections").exists()  # no handle in the sample settings
    run = tei("deposit", "--verify", archive)
    assert run.returncode == 0, run.stdout


def test_dublin_core_uses_registered_fields_only(archive):
    for item in archive.iterdir():
        values = dublin_core_values(item / "dublin_core.xml")
        assert values
        for element, qualifier, _ in values:
            assert qualifier in DSPACE_DC[element], (element, qualifier)
    values = dublin_core_values(archive / "item_001" / "dublin_core.xml")
    assert ("contributor", "author", "Anatoly F. Dobrynin") in values
    assert ("date", "issued", "1962-11-12") in values
    assert ("source", "uri", "https://digitalarchive.umd.edu/document/110442") in values


def test_square_brackets_survive_the_importer(tmp_path):
    """DSpace's importer takes the text of each dcvalue, trimmed: a value with square
    brackets (an editorial insertion in a title or summary) arrives as the TEI has it."""
    tei_dir = tmp_path / "tei"
    tei_dir.mkdir()
    source = etree.parse(str(GOLDEN / "1962-11-12_dobrynin.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    title = "Telegram from [Ambassador] A. F. Dobrynin [to] USSR Foreign Ministry [2 pp.]"
    source.find(".//t:titleStmt/t:title", ns).text = title
    summary = "He met [Robert] Kennedy; [illegible] & <the> [half-line deleted--ed.]."
    source.find(".//t:abstract/t:p", ns).text = summary
    source.write(str(tei_dir / "doc.xml"), encoding="UTF-8", xml_declaration=True)
    settings = DepositSettings.load(CORPUS / "edition.toml")
    archive = make_saf(find_edition(tei_dir), settings, tmp_path / "out")
    values = dublin_core_values(archive / "item_000" / "dublin_core.xml")
    assert ("title", "none", title) in values
    assert ("description", "abstract", summary) in values


def test_collections_file_with_a_handle(build, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    toml = corpus / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[deposit]\n", '[deposit]\nhandle = "123456789/42"\n'), encoding="utf-8")
    run = tei("deposit", build, "-o", tmp_path / "out", "--format", "saf", "--corpus", corpus)
    assert run.returncode == 0, run.stderr
    for item in (tmp_path / "out" / NAME).iterdir():
        assert (item / "collections").read_text(encoding="utf-8") == "123456789/42\n"


def test_verify_finds_what_the_importer_would_reject(archive):
    item = archive / "item_000"
    contents = item / "contents"
    contents.write_text(contents.read_text(encoding="utf-8").replace("\tbundle:", " bundle:", 1),
                        encoding="utf-8")
    dc = item / "dublin_core.xml"
    dc.write_text(dc.read_text(encoding="utf-8").replace(
        'element="type" qualifier="none"', 'element="genre" qualifier="none"'), encoding="utf-8")
    (item / "notes.txt").write_text("stray", encoding="utf-8")
    (item / "collections").write_text("not a handle\n", encoding="utf-8")
    findings = verify_saf(archive)
    assert any("an option follows a space, not a tab" in f for f in findings)
    assert any("dc.genre.none is not in DSpace's Dublin Core registry" in f for f in findings)
    assert f"{item / 'notes.txt'}: not listed in contents" in findings
    assert any("is neither a handle" in f for f in findings)
    run = tei("deposit", "--verify", archive)
    assert run.returncode == 1
    assert str(dc) in run.stdout
