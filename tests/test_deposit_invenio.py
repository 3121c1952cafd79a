"""tei deposit --format invenio: an InvenioRDM / Zenodo record and its files, offline."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

import pytest

from tei.deposit.edition import find_edition
from tei.deposit.invenio import make_invenio, personal_name, rights_entry
from tei.deposit.settings import DepositSettings
from tests.conftest import CORPUS
from tests.test_corpus_tei import tei_command

GOLDEN = Path(__file__).parent / "test_corpus_tei"
NAME = "tei-edition-sample-1962"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("invenio")
    run = subprocess.run([*tei_command(), "deposit", str(GOLDEN), "-o", str(out),
                          "--format", "invenio", "--corpus", str(CORPUS)],
                         capture_output=True, text=True,
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0, run.stderr
    return out / NAME


def test_record_fields(package):
    record = json.loads((package / "record.json").read_text(encoding="utf-8"))
    metadata = record["metadata"]
    assert metadata["resource_type"] == {"id": "dataset"}
    assert metadata["title"].startswith("Soviet telegrams")
    assert metadata["publication_date"] == "2023-11-14"
    assert metadata["creators"] == [{"person_or_org": {
        "type": "organizational", "name": "tei-edition sample corpus"}}]
    assert metadata["publisher"] == "tei-edition sample corpus"
    assert metadata["rights"] == [{"id": "cc-by-4.0"}]
    assert metadata["languages"] == [{"id": "eng"}]
    assert metadata["dates"][0]["date"] == "1962-11-06/1962-11-12"
    assert {r["identifier"] for r in metadata["related_identifiers"]} == {
        "https://wilson-center.drivingcreative.com/document/110438",
        "https://digitalarchive.umd.edu/document/110442"}
    assert {r["relation_type"]["id"] for r in metadata["related_identifiers"]} == {
        "isderivedfrom"}
    assert metadata["description"]
    assert record["files"] == {"enabled": True}
    assert "pids" not in record  # the sample identifier is no DOI


def test_files_to_upload(package):
    assert sorted(p.name for p in (package / "files").iterdir()) == [
        "1962-11-06_kuznetsov-zorin.dc.xml", "1962-11-06_kuznetsov-zorin.xml",
        "1962-11-12_dobrynin.dc.xml", "1962-11-12_dobrynin.xml", "cmif.xml",
        "datacite.xml", "persons.xml", "places.xml"]


def test_no_network_call(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    settings = DepositSettings.load(CORPUS / "edition.toml")
    target = make_invenio(find_edition(GOLDEN, CORPUS), settings, tmp_path)
    assert (target / "record.json").is_file()


def test_a_doi_becomes_an_external_pid(tmp_path):
    toml = tmp_path / "edition.toml"
    toml.write_text((CORPUS / "edition.toml").read_text(encoding="utf-8").replace(
        'identifier = "tei-edition-sample-1962"', 'identifier = "10.5281/zenodo.123"'),
        encoding="utf-8")
    settings = DepositSettings.load(toml)
    target = make_invenio(find_edition(GOLDEN, CORPUS), settings, tmp_path / "out")
    record = json.loads((target / "record.json").read_text(encoding="utf-8"))
    assert record["pids"] == {"doi": {"identifier": "10.5281/zenodo.123",
                                      "provider": "external"}}


def test_rights_and_names():
    assert rights_entry("x", "https://creativecommons.org/licenses/by-sa/4.0/") == {
        "id": "cc-by-sa-4.0"}
    assert rights_entry("x", "https://creativecommons.org/publicdomain/zero/1.0/") == {
        "id": "cc0-1.0"}
    assert rights_entry("All rights reserved.", "") == {"title": {"en": "All rights reserved."}}
    assert personal_name("J. Henriksen") == {"type": "personal", "family_name": "Henriksen",
                                             "given_name": "J."}
