"""tei deposit as BagIt: the bag passes bagit and the profile, and a changed byte or a
removed file is found and named; tarballs are byte-reproducible; tei build --deposit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import bagit
import pytest

from tei.deposit.bag import human_size
from tei.deposit.profile import BagProfile
from tei.deposit.records import RECORDS, record_errors
from tei.deposit.verify import verify
from tests.conftest import CORPUS
from tests.test_corpus_tei import tei_command

EPOCH = "1700000000"
BAG = "tei-edition-sample-1962"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}


def tei(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*tei_command(), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=ENV)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build of the sample corpus with its deposit, through the installed command."""
    root = tmp_path_factory.mktemp("deposit")
    shutil.copytree(CORPUS, root / "corpus")
    run = tei("build", "corpus", "-o", "build", "--deposit", "-q", cwd=root)
    assert run.returncode == 0, run.stderr
    return root


@pytest.fixture
def bag_copy(built, tmp_path) -> Path:
    target = tmp_path / BAG
    shutil.copytree(built / "build" / "deposit" / BAG, target)
    return target


def test_build_deposit_writes_a_bag_that_verifies(built):
    bag_dir = built / "build" / "deposit" / BAG
    run = tei("deposit", "--verify", bag_dir)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""


def test_the_bag_passes_bagit_and_the_profile(built):
    bag = bagit.Bag(str(built / "build" / "deposit" / BAG))
    assert bag.validate(processes=1)
    assert bag.version_info == (1, 0)
    assert BagProfile.load().errors(bag) == []


def test_bag_layout_and_info(built):
    bag_dir = built / "build" / "deposit" / BAG
    data = bag_dir / "data"
    assert sorted(p.name for p in (data / "tei").iterdir()) == [
        "1962-11-06_kuznetsov-zorin.xml", "1962-11-12_dobrynin.xml"]
    assert sorted(p.name for p in (data / "registers").iterdir()) == ["persons.xml",
                                                                      "places.xml"]
    assert (data / "schema" / "tei-edition.xsd").is_file()
    assert sorted(p.relative_to(data / "metadata").as_posix()
                  for p in (data / "metadata").rglob("*.xml")) == [
        "cmif/cmif.xml", "datacite/datacite.xml",
        "dc/1962-11-06_kuznetsov-zorin.xml", "dc/1962-11-12_dobrynin.xml"]
    assert not (data / "html").exists()  # only with --with-reading
    assert not (bag_dir / "fetch.txt").exists()
    names = {p.name for p in bag_dir.iterdir()}
    assert {"manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
            "tagmanifest-sha512.txt", "bagit.txt", "bag-info.txt"} <= names
    info = bagit.Bag(str(bag_dir)).info
    assert info["Bagging-Date"] == "2023-11-14"  # the day of SOURCE_DATE_EPOCH
    assert info["External-Identifier"] == BAG
    assert info["Contact-Email"] == "curator@example.org"
    assert info["BagIt-Profile-Identifier"] == BagProfile.load().identifier
    files = [p for p in data.rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in files)}.{len(files)}"
    assert info["Bag-Size"].endswith("KB")


def test_one_changed_byte_is_found_and_named(bag_copy):
    target = bag_copy / "data" / "tei" / "1962-11-12_dobrynin.xml"
    data = bytearray(target.read_bytes())
    data[-3] = ord("X") if data[-3] != ord("X") else ord("Y")
    target.write_bytes(bytes(data))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_copy)).validate(processes=1)
    run = tei("deposit", "--verify", bag_copy)
    assert run.returncode == 1
    assert f"{target}: sha256 checksum mismatch" in run.stdout


def test_a_removed_file_is_found_and_named(bag_copy):
    target = bag_copy / "data" / "registers" / "places.xml"
    target.unlink()
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_copy)).validate(processes=1)
    run = tei("deposit", "--verify", bag_copy)
    assert run.returncode == 1
    assert f"{target}: listed in the manifest but missing" in run.stdout
    assert "Payload-Oxum" in run.stdout


def test_a_changed_tag_file_breaks_the_tag_manifest(bag_copy):
    info = bag_copy / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("Edition curator", "Someone"),
                    encoding="utf-8")
    findings = verify(bag_copy)
    assert any(f.startswith(f"{info}: sha256 checksum mismatch") for f in findings)


def test_the_profile_rejects_a_bag_without_contact(bag_copy):
    bag = bagit.Bag(str(bag_copy))
    del bag.info["Contact-Email"]
    bag.save()
    errors = BagProfile.load().errors(bagit.Bag(str(bag_copy)))
    assert any("Contact-Email" in e for e in errors)
    run = tei("deposit", "--verify", bag_copy)
    assert run.returncode == 1
    assert "Contact-Email" in run.stdout


def test_a_bag_for_another_profile_fails_the_shipped_one(bag_copy, tmp_path):
    data = json.loads(BagProfile.load().path.read_text(encoding="utf-8"))
    data["BagIt-Profile-Info"]["BagIt-Profile-Identifier"] = "https://example.org/other.json"
    data["Bag-Info"]["BagIt-Profile-Identifier"]["values"] = ["https://example.org/other.json"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    run = tei("deposit", "--verify", bag_copy, "--profile", other)
    assert run.returncode == 1
    assert "BagIt-Profile-Identifier" in run.stdout


def test_tarball_bytes_are_reproducible(built, tmp_path):
    first = tei("deposit", built / "build", "-o", tmp_path / "one", "--corpus",
                built / "corpus", "--tar")
    second = tei("deposit", built / "build", "-o", tmp_path / "two", "--corpus",
                 built / "corpus", "--tar")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    one = (tmp_path / "one" / f"{BAG}.tar").read_bytes()
    assert one == (tmp_path / "two" / f"{BAG}.tar").read_bytes()
    import tarfile

    with tarfile.open(tmp_path / "one" / f"{BAG}.tar") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names[0] == BAG and names == sorted(names)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {
        (0, 0, "", "", int(EPOCH))}


def test_with_reading_packs_the_site_and_the_text(built, tmp_path):
    run = tei("deposit", built / "build", "-o", tmp_path, "--corpus", built / "corpus",
              "--with-reading")
    assert run.returncode == 0, run.stderr
    data = tmp_path / BAG / "data"
    assert (data / "html" / "index.html").is_file()
    assert (data / "text" / "1962-11-12_dobrynin.txt").is_file()
    assert verify(tmp_path / BAG) == []


def test_missing_settings_are_named_and_a_usage_error(built, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "edition.toml").write_text('publisher = "P"\n[deposit]\ncontact_name = "N"\n',
                                         encoding="utf-8")
    run = tei("deposit", built / "build", "-o", tmp_path / "out", "--corpus", corpus)
    assert run.returncode == 2
    assert "contact_email, identifier" in run.stderr
    assert not (tmp_path / "out").exists()


def test_verify_usage_errors(tmp_path):
    assert tei("deposit", "--verify", tmp_path / "absent").returncode == 2
    assert tei("deposit", "--verify", tmp_path).returncode == 2
    assert tei("deposit").returncode == 2


def test_every_packed_record_validates_against_its_schema(built):
    metadata = built / "build" / "deposit" / BAG / "data" / "metadata"
    for record in RECORDS:
        paths = sorted((metadata / record.folder).glob(f"*{record.suffix}"))
        assert paths, record.name
        for path in paths:
            assert record_errors(record, path.read_text(encoding="utf-8")) == [], path.name


def test_human_size():
    assert human_size(999) == "999 bytes"
    assert human_size(102645) == "102.6 KB"
    assert human_size(3_400_000) == "3.4 MB"


def test_without_an_edition_toml_the_file_is_asked_for(built, tmp_path):
    run = tei("deposit", built / "build", "-o", tmp_path / "out", "--corpus", tmp_path)
    assert run.returncode == 2
    assert f"{tmp_path / 'edition.toml'}: no edition settings file" in run.stderr


def test_file_names_are_packed_in_nfc(built, tmp_path):
    import unicodedata

    tei_dir = tmp_path / "tei"
    tei_dir.mkdir()
    decomposed = unicodedata.normalize("NFD", "1962-11-12_dobrynin-café.xml")
    shutil.copyfile(built / "build" / "tei" / "1962-11-12_dobrynin.xml", tei_dir / decomposed)
    run = tei("deposit", tei_dir, "-o", tmp_path / "out", "--corpus", built / "corpus")
    assert run.returncode == 0, run.stderr
    names = [p.name for p in (tmp_path / "out" / BAG / "data" / "tei").iterdir()]
    assert names == [unicodedata.normalize("NFC", decomposed)]
    assert verify(tmp_path / "out" / BAG) == []


def test_deposit_help_names_the_formats_and_verify():
    run = tei("deposit", "--help")
    assert run.returncode == 0
    assert "--verify" in run.stdout and "bagit,saf,invenio" in run.stdout
    assert "deposit" in tei("--help").stdout
