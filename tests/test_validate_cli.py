"""``tei validate`` as a user runs it: the installed command, its exit statuses and outputs."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tei.cli import main
from tei.validate import schemas
from tei.validate.schemas import SchemaError, load_grammar

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.tei.xml"
INVALID = Path(__file__).parent / "data" / "validate" / "invalid"
TEI_ALL_RNG = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"
SCRIPT = Path(sys.executable).parent / "tei"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


def tei(*args: str, cache: Path | None = None) -> subprocess.CompletedProcess:
    assert SCRIPT.exists(), f"install the project first: pip install -e {ROOT}"
    env = {**os.environ, "TEI_EDITION_CACHE_DIR": str(cache) if cache else "off"}
    return subprocess.run([str(SCRIPT), "validate", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def make_copies(folder: Path, count: int, broken: bool, prefix: str = "doc") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        copy = text.replace('xml:id="wcda-110442"', f'xml:id="{prefix}-{n:04d}"')
        # One name without its link: a warning (persname-ref) in every copy.
        copy = copy.replace('<persName ref="#nixon-richard">Nixon</persName>',
                            "<persName>Nixon</persName>", 1)
        if broken:
            copy = copy.replace("<p>... but he thought", "<p><emph>no</emph>... but he thought", 1)
        (folder / f"{prefix}-{n:04d}.xml").write_text(copy, encoding="utf-8")
    return folder


def test_no_file_with_errors_exits_0_even_with_warnings(tmp_path):
    run = tei(str(make_copies(tmp_path / "ok", 3, broken=False)))
    assert run.returncode == 0, run.stderr
    assert ": warning: " in run.stdout and ": error: " not in run.stdout
    assert "3 files checked: 0 invalid, 0 errors, 3 warnings" in run.stderr


def test_one_file_with_errors_exits_1(tmp_path):
    folder = make_copies(tmp_path / "mixed", 2, broken=False)
    make_copies(tmp_path / "mixed" / "sub", 1, broken=True, prefix="sub")  # found by recursing
    run = tei(str(folder), "--ignore", "persname-ref")
    assert run.returncode == 1
    broken = folder / "sub" / "sub-0000.xml"
    line = next(n for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1)
                if "<emph>no</emph>" in text)
    assert run.stdout == (f"{broken}:{line}:12: error: <emph> is not allowed here "
                          "in <p> [xsd-content]\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_three_hundred_files_with_errors_exit_1_not_the_count(tmp_path, jobs):
    folder = make_copies(tmp_path / "bad", 300, broken=True)
    run = tei(str(folder), "-j", jobs, "--format", "json", "-q", "--ignore", "persname-ref")
    assert run.returncode == 1
    summary = json.loads(run.stdout)["summary"]
    assert summary == {"files": 300, "invalid": 300, "errors": 300, "warnings": 0}


@pytest.mark.parametrize("args", [
    ["missing-folder"],
    [str(EXAMPLE), "--format", "xml"],
    [str(EXAMPLE), "--ignore", "no-such-check"],
    [str(EXAMPLE), "-j", "0"],
    [str(EXAMPLE), "--date-grace", "-1"],
    [str(EXAMPLE), "-o", "/nonexistent-folder/report.txt"],
    [str(EXAMPLE), "--schema", "missing.xsd"],
    [str(EXAMPLE), "--schema", str(EXAMPLE)],  # not a schema
    [],
])
def test_usage_errors_exit_2(args):
    assert tei(*args).returncode == 2


def test_a_folder_without_xml_files_exits_2(tmp_path):
    run = tei(str(tmp_path))
    assert run.returncode == 2
    assert "no .xml files" in run.stderr


def test_an_unreadable_file_exits_2(monkeypatch, capsys):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["validate", str(EXAMPLE)]) == 2
    assert "error: cannot read the file: Permission denied [io]" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github", "sarif"])
def test_every_format_from_the_command(tmp_path, fmt):
    report = tmp_path / f"report.{fmt}"
    run = tei(str(INVALID / "unknown-element.xml"), "--format", fmt, "-o", str(report))
    assert run.returncode == 1
    assert run.stdout == ""
    written = report.read_text(encoding="utf-8")
    assert "<emph> is not allowed here in <p>" in written or \
        "&lt;emph&gt; is not allowed here in &lt;p&gt;" in written


def write_xsd10(folder: Path) -> Path:
    schema = folder / "note.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="note"><xs:complexType><xs:sequence>'
        '<xs:element name="to" type="xs:string"/></xs:sequence></xs:complexType></xs:element>'
        "</xs:schema>", encoding="utf-8")
    return schema


def test_a_user_xsd_10_schema(tmp_path):
    schema = write_xsd10(tmp_path)
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text("<note><to>Harbour</to></note>", encoding="utf-8")
    bad.write_text("<note>\n  <from>Keeper</from>\n</note>", encoding="utf-8")
    assert schemas.schema_kind(schema) == "xsd10"
    assert tei(str(good), "--schema", str(schema)).returncode == 0
    run = tei(str(bad), "--schema", str(schema))
    assert run.returncode == 1
    assert run.stdout == (f"{bad}:2:3: error: <from> is not allowed here in <note>; "
                          "expected <to> [xsd-content]\n")


def test_a_user_relax_ng_schema(tmp_path):
    schema = tmp_path / "note.rng"
    schema.write_text(
        '<element name="note" xmlns="http://relaxng.org/ns/structure/1.0">'
        '<element name="to"><text/></element></element>', encoding="utf-8")
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text("<note><to>Harbour</to></note>", encoding="utf-8")
    bad.write_text("<note>\n  <from>Keeper</from>\n</note>", encoding="utf-8")
    assert tei(str(good), "--schema", str(schema)).returncode == 0
    run = tei(str(bad), "--schema", str(schema))
    assert run.returncode == 1
    assert run.stdout.startswith(f"{bad}:2:3: error: ")
    assert run.stdout.rstrip().endswith("[rng]")


def test_an_xsd_using_assert_is_read_as_11(tmp_path):
    schema = tmp_path / "dated.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="range"><xs:complexType>'
        '<xs:attribute name="from" type="xs:integer"/><xs:attribute name="to" type="xs:integer"/>'
        '<xs:assert test="@from le @to"/></xs:complexType></xs:element></xs:schema>',
        encoding="utf-8")
    assert schemas.schema_kind(schema) == "xsd11"
    doc = tmp_path / "range.xml"
    doc.write_text('<range from="5" to="2"/>', encoding="utf-8")
    run = tei(str(doc), "--schema", str(schema))
    assert run.returncode == 1
    assert run.stdout.rstrip().endswith("[xsd-assert]")


@pytest.mark.skipif(not TEI_ALL_RNG.is_file(), reason=f"no tei_all.rng at {TEI_ALL_RNG}")
def test_tei_all_conformance_shortcut(tmp_path):
    assert tei(str(EXAMPLE), "--tei-all", str(TEI_ALL_RNG), "-q").returncode == 0
    not_tei = tmp_path / "not-tei.xml"
    not_tei.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "<p>... but he thought", "<p><blink>x</blink>... but he thought", 1), encoding="utf-8")
    run = tei(str(not_tei), "--tei-all", str(TEI_ALL_RNG), "-q")
    assert run.returncode == 1
    assert "[rng]" in run.stdout


def test_a_compiled_xsd_is_cached_between_runs_and_rebuilt_when_it_changes(
        tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(cache))
    schema = write_xsd10(tmp_path)
    load_grammar(schema)
    [entry] = list(cache.glob("*.pickle"))
    with entry.open("rb") as handle:
        assert pickle.load(handle)[0] == str(schema.resolve())

    def no_compiling(path, kind):
        raise AssertionError("compiled although the cache was warm")

    schemas._LOADED.clear()
    monkeypatch.setattr(schemas, "_compile_xsd", no_compiling)
    assert load_grammar(schema).kind == "xsd10"  # from the pickle

    schema.write_text(schema.read_text(encoding="utf-8").replace('name="to"', 'name="too"'),
                      encoding="utf-8")
    os.utime(schema, ns=(1, 1))  # a different mtime even on a coarse clock
    schemas._LOADED.clear()
    with pytest.raises(AssertionError, match="cache was warm"):
        load_grammar(schema)


def test_a_schema_that_does_not_compile_is_a_schema_error(tmp_path):
    schema = tmp_path / "broken.xsd"
    schema.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                      '<xs:element name="a" type="xs:nothing"/></xs:schema>', encoding="utf-8")
    with pytest.raises(SchemaError, match="does not compile"):
        load_grammar(schema)


def test_a_schema_compile_is_announced_on_stderr_before_it_starts(tmp_path):
    schema = write_xsd10(tmp_path)
    note = tmp_path / "note.xml"
    note.write_text("<note><to>Harbour</to></note>", encoding="utf-8")
    cache = tmp_path / "warm"
    first = tei(str(note), "--schema", str(schema), cache=cache)
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines()[0] == (f"tei validate: compiling schema {schema.resolve()} "
                                            "(first use; cached afterwards)")
    second = tei(str(note), "--schema", str(schema), cache=cache)
    assert "compiling" not in second.stderr  # loaded from the cache
    assert "compiling" not in tei(str(note), "--schema", str(schema), "-q").stderr
    uncached = tei(str(note), "--schema", str(schema)).stderr
    assert "compiling schema" in uncached and "the schema cache is off" in uncached


def test_the_notice_comes_before_the_compile(tmp_path, monkeypatch):
    schema = write_xsd10(tmp_path)
    events = []
    real = schemas._compile_xsd

    def compile_and_record(path, kind):
        events.append("compile")
        return real(path, kind)

    monkeypatch.setattr(schemas, "_compile_xsd", compile_and_record)
    load_grammar(schema, notice=lambda message: events.append(message))
    assert events == [f"compiling schema {schema.resolve()} (first use; cached afterwards)",
                      "compile"]
