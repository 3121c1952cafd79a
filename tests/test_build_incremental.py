"""Incremental builds: an unchanged document is not built again and its outputs keep their
times; what changed is built again; the result is always that of a clean build."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import CORPUS
from tests.test_build_parallel import corpus_of, same_tree
from tests.test_cli import tei
from tests.test_corpus_tei import tei_command

SEED = CORPUS / "1962-11-12_dobrynin.txt"


def times(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def build(corpus: Path, out: Path, *extra: str):
    run = tei("build", str(corpus), "-o", str(out), "--report", str(out.parent /
              f"{out.name}.json"), *extra)
    assert run.returncode in (0, 1), run.stderr
    return run


def said(run, out: Path) -> tuple[int, str, str]:
    """What a build printed, with its output folder's name taken out."""
    return (run.returncode, run.stderr.replace(str(out), "OUT"),
            run.stdout.replace(str(out), "OUT"))


def test_a_rebuild_of_an_unchanged_corpus_writes_nothing(tmp_path):
    corpus = corpus_of(tmp_path)
    out = tmp_path / "build"
    first = build(corpus, out)
    before = times(out)
    again = build(corpus, out)
    assert times(out) == before
    assert again.stderr == first.stderr and again.returncode == first.returncode
    kept = len(list((out / "tei").rglob("*.xml")))
    assert f"{kept} document(s) unchanged since the last build" in again.stdout
    assert first.stdout in again.stdout.replace(
        f"{kept} document(s) unchanged since the last build, not built again "
        "(--force builds them)\n", "")
    assert (tmp_path / "build.json").read_bytes()  # the report is written each time


def test_an_incremental_build_is_the_same_as_a_clean_one(tmp_path):
    corpus = corpus_of(tmp_path)
    out = tmp_path / "build"
    build(corpus, out)
    before = times(out)
    texts = sorted(p for p in corpus.rglob("*.txt") if p.name != "broken.txt")
    changed, gone = texts[1], texts[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    gone.unlink()
    # A new document that shares its ids with one that has not changed.
    (corpus / "copy.txt").write_bytes(texts[0].read_bytes())
    incremental = build(corpus, out)
    clean = build(corpus, tmp_path / "clean")
    same_tree(out, tmp_path / "clean")
    assert said(incremental, out)[:2] == said(clean, tmp_path / "clean")[:2]
    assert "duplicate-id" in incremental.stderr
    assert ((tmp_path / "build.json").read_text(encoding="utf-8").replace(str(out), "OUT")
            == (tmp_path / "clean.json").read_text(encoding="utf-8")
            .replace(str(tmp_path / "clean"), "OUT"))
    after = times(out)
    name = changed.relative_to(corpus).with_suffix("")
    assert after[out / "tei" / f"{name}.xml"] != before[out / "tei" / f"{name}.xml"]
    untouched = [p for p in before if p.parent == out / "tei" and p.exists()
                 and p.stem not in (name.name, gone.stem, texts[0].stem)]
    assert untouched and all(after[p] == before[p] for p in untouched)
    assert not any(gone.stem in str(p) for p in after)


def test_a_changed_register_builds_every_document_again(tmp_path):
    corpus = corpus_of(tmp_path, 2)
    out = tmp_path / "build"
    build(corpus, out)
    before = times(out / "tei")
    register = corpus / "persons.xml"
    register.write_text(register.read_text(encoding="utf-8").replace(
        "</listPerson>", "<person xml:id=\"new-one\"><persName>Zebulon Quarrie</persName>"
        "</person></listPerson>", 1), encoding="utf-8")
    run = build(corpus, out)
    assert "unchanged since the last build" not in run.stdout
    after = times(out / "tei")
    assert before and all(after[p] != before[p] for p in before)
    clean = build(corpus, tmp_path / "clean")
    same_tree(out, tmp_path / "clean")
    assert said(run, out)[:2] == said(clean, tmp_path / "clean")[:2]


def test_force_builds_everything(tmp_path):
    corpus = corpus_of(tmp_path, 2)
    out = tmp_path / "build"
    build(corpus, out)
    before = times(out / "tei")
    run = build(corpus, out, "--force")
    assert "unchanged" not in run.stdout
    after = times(out / "tei")
    assert before and all(after[p] != before[p] for p in before)


def test_a_deleted_output_is_built_again(tmp_path):
    corpus = corpus_of(tmp_path, 2)
    out = tmp_path / "build"
    build(corpus, out)
    page = next((out / "html").glob("frus*.html"))
    page.unlink()
    build(corpus, out)
    assert page.is_file()
    build(corpus, tmp_path / "clean")
    same_tree(out, tmp_path / "clean")


def test_another_conversion_date_builds_again(tmp_path):
    corpus = corpus_of(tmp_path, 1)
    out = tmp_path / "build"
    for epoch in ("1700000000", "1800000000"):  # 2023-11-14, then 2027-01-15
        run = subprocess.run([*tei_command(), "build", str(corpus), "-o", str(out)],
                             capture_output=True, text=True,
                             env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
        assert run.returncode in (0, 1), run.stderr
    assert "unchanged" not in run.stdout
    assert "2027-01-15" in next((out / "tei").glob("1962*.xml")).read_text(encoding="utf-8")


def test_a_changed_shared_stylesheet_builds_every_document_again(tmp_path, monkeypatch):
    """The shared layers are below the top folder of xslt/ (common/, html/): a change to
    one of them is a change of every page, for the build and for the renderer's keys."""
    import shutil

    from tei.build import build as build_corpus
    from tei.render import Renderer, default_renderer
    from tei.resources import xslt_dir

    stylesheets = tmp_path / "xslt"
    shutil.copytree(xslt_dir(), stylesheets)
    monkeypatch.setattr("tei.build.xslt_dir", lambda: stylesheets)
    monkeypatch.setattr("tei.render.xslt_dir", lambda: stylesheets)
    default_renderer.cache_clear()
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "build"
    try:
        first = build_corpus(corpus, out)
        assert first.ok and first.documents == 2
        assert build_corpus(corpus, out).kept == 2
        tei_files = sorted((out / "tei").glob("*.xml"))
        keys = Renderer(stylesheets).render_site(tei_files, tmp_path / "site").keys
        kept = Renderer(stylesheets).render_site(tei_files, tmp_path / "site", previous=keys)
        assert kept.kept == 2
        for layer in ("common/functions.xsl", "html/frame.xsl"):
            path = stylesheets / layer
            path.write_text(path.read_text(encoding="utf-8") + f"<!-- {layer} -->\n",
                            encoding="utf-8")
            default_renderer.cache_clear()
            again = build_corpus(corpus, out)
            assert again.ok and again.kept == 0, layer
            assert build_corpus(corpus, out).kept == 2
            rendered = Renderer(stylesheets).render_site(tei_files, tmp_path / "site",
                                                         previous=keys)
            assert rendered.ok and rendered.kept == 0, layer
            assert set(rendered.keys) == set(keys)
            assert all(rendered.keys[s] != keys[s] for s in keys), layer
            keys = rendered.keys
    finally:
        default_renderer.cache_clear()
