"""A build takes back the outputs of sources that are gone, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CORPUS
from tests.test_cli import tei

SEED = CORPUS / "1962-11-12_dobrynin.txt"


def corpus_with(root: Path, names: list[str]) -> Path:
    corpus = root / "corpus"
    for name in names:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_bytes(SEED.read_bytes())
    (corpus / "persons.xml").write_bytes((CORPUS / "persons.xml").read_bytes())
    return corpus


def test_build_removes_outputs_of_deleted_sources_only(tmp_path):
    corpus = corpus_with(tmp_path, ["keep.txt", "gone.txt", "sub/gone2.txt"])
    out = tmp_path / "build"
    run = tei("build", str(corpus), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    # Each source's TEI, page and text, and the site's download copies, citation and
    # search snippets of it.
    stale = [path for stem in ("gone", "sub/gone2") for path in (
        out / "tei" / f"{stem}.xml", out / "html" / f"{stem}.html", out / "text" / f"{stem}.txt",
        out / "html" / "tei" / f"{stem}.xml", out / "html" / "text" / f"{stem}.txt",
        out / "html" / "cite" / f"{stem}.json", out / "html" / "search" / f"{stem}.js")]
    assert all(p.is_file() for p in stale)
    manifest = json.loads((out / ".tei-edition-manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["sources"]) == ["gone", "keep", "sub/gone2"]
    # The user's own files in the build folder, one of them named like a page.
    users = [out / "html" / "colophon.html", out / "tei" / "notes.txt", out / "README"]
    for path in users:
        path.write_text("mine\n", encoding="utf-8")

    (corpus / "gone.txt").unlink()
    (corpus / "sub" / "gone2.txt").unlink()
    run = tei("build", str(corpus), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"removed {len(stale)} output(s) of sources that are gone" in run.stdout
    assert not any(p.exists() for p in stale)
    assert not (out / "html" / "sub").exists()
    assert all(p.read_text(encoding="utf-8") == "mine\n" for p in users)
    assert (out / "html" / "keep.html").is_file()
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert "keep.html" in index and "gone" not in index


def test_build_without_a_manifest_removes_nothing(tmp_path):
    corpus = corpus_with(tmp_path, ["keep.txt"])
    out = tmp_path / "build"
    (out / "html").mkdir(parents=True)
    (out / "html" / "old.html").write_text("mine\n", encoding="utf-8")
    run = tei("build", str(corpus), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert (out / "html" / "old.html").is_file()
    assert "removed" not in run.stdout


def test_a_build_folder_inside_the_corpus_is_no_source(tmp_path):
    corpus = corpus_with(tmp_path, ["one.txt"])
    out = corpus / "build"
    for _ in range(2):
        run = tei("build", str(corpus), "-o", str(out))
        assert run.returncode == 0, run.stdout + run.stderr
        assert "1 document(s): 1 converted, 1 valid, 1 rendered" in run.stdout
    assert not (out / "tei" / "build").exists()


def test_an_earlier_build_folder_inside_the_corpus_is_no_source(tmp_path):
    corpus = corpus_with(tmp_path, ["one.txt"])
    for out in (corpus / "build", corpus / "build-2"):
        run = tei("build", str(corpus), "-o", str(out))
        assert run.returncode == 0, run.stdout + run.stderr
        assert "1 document(s): 1 converted, 1 valid, 1 rendered" in run.stdout
