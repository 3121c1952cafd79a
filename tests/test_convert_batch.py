"""One file never stops a batch: deep nesting converts, and any failure of one file is
that file's error, named, while the others are written."""

from __future__ import annotations

import pytest
from lxml import etree

import tei.convert as convert_module
from tei.annotate.nesting import MAX_NESTING, nest
from tei.build import build
from tei.convert import convert_paths, make_finders
from tei.inline import fill
from tei.model import Span
from tei.namespaces import T
from tei.settings import EditionSettings
from tei.sources import collect_sources
from tests.conftest import CORPUS
from tests.test_cli import SEED, tei

DEEP = 2000
HEADER = "November 6, 1962\n\n**Telegram from the envoy**\n\n"


def test_fill_nests_thousands_of_spans_without_recursion() -> None:
    text = "[" * DEEP + "x" + "]" * DEEP
    spans = [Span.make(i, len(text) - i, "editorial") for i in range(DEEP)]
    p = etree.Element(T("p"))
    fill(p, text, spans, {"editorial": lambda s, t: etree.Element(T("note"))})
    assert "".join(p.itertext()) == text
    depth, element = 0, p
    while len(element):
        element, depth = element[0], depth + 1
    assert depth == DEEP


def test_nest_bounds_the_depth() -> None:
    spans = [Span.make(i, 2 * DEEP - i, "editorial") for i in range(DEEP)]
    kept, dropped = nest(spans)
    assert len(kept) == MAX_NESTING and len(dropped) == DEEP - MAX_NESTING
    assert kept[0] == spans[0]  # the outermost stay


@pytest.mark.parametrize("body", ["[" * DEEP + "x" + "]" * DEEP,
                                  "[sic " * DEEP + "x" + "]" * DEEP])
def test_deeply_nested_brackets_convert(tmp_path, body) -> None:
    source = tmp_path / "deep.txt"
    source.write_text(HEADER + "The talk " + body + " went on.\n", encoding="utf-8")
    run = convert_paths(collect_sources([source], ".txt"), tmp_path / "out", make_finders([]), EditionSettings())
    assert run.failed == []
    root = etree.parse(str(tmp_path / "out" / "deep.xml")).getroot()
    assert max(len(list(e.iterancestors())) for e in root.iter()) < 256


def test_cli_converts_every_good_file_beside_a_deep_one(tmp_path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in range(50):
        (inputs / f"good-{k:02}.txt").write_bytes(SEED.read_bytes())
    (inputs / "deep.txt").write_text(HEADER + "[" * DEEP + "x" + "]" * DEEP, encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(inputs), "-o", str(out), "-q")
    assert run.returncode == 0, run.stderr
    assert len(list(out.glob("*.xml"))) == 51


@pytest.fixture
def crash_on_bad(monkeypatch):
    """The annotator fails with an unexpected error on files named bad*.txt."""
    real = convert_module.annotate

    def annotate(doc, *args):
        if "bad" in doc.name:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, *args)

    monkeypatch.setattr(convert_module, "annotate", annotate)


def _batch(folder):
    folder.mkdir()
    for name in ("a.txt", "bad.txt", "c.txt"):
        (folder / name).write_bytes(SEED.read_bytes())
    return folder


def test_a_crash_on_one_file_is_its_error_and_the_others_are_written(tmp_path, crash_on_bad):
    inputs = _batch(tmp_path / "in")
    run = convert_paths(collect_sources([inputs], ".txt"), tmp_path / "out", make_finders([]),
                        EditionSettings())
    assert [r.source.name for r in run.failed] == ["bad.txt"]
    error = run.failed[0].error
    assert "bad.txt" in error and "RecursionError" in error and "internal error" in error
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xml")) == ["a.xml", "c.xml"]


def test_build_goes_on_after_a_crash_in_its_convert_stage(tmp_path, crash_on_bad):
    inputs = _batch(tmp_path / "in")
    (inputs / "persons.xml").write_bytes((CORPUS / "persons.xml").read_bytes())
    result = build(inputs, tmp_path / "out")
    assert result.documents == 3 and result.converted == 2 and result.rendered == 2
    assert any("bad.txt" in str(e) and "internal error" in str(e) for e in result.errors)
