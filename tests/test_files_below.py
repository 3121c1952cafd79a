"""The files found below a folder are those of ``rglob``, in its order."""

from __future__ import annotations

import os
import random
from pathlib import Path, PurePosixPath

import pytest

from tei import manifest
from tei.build import build_sources
from tei.sources import collect_sources, files_below

NAMES = ["a.xml", "B.XML", ".xml", "..xml", "x.", "a b", "a", "z.xml.txt", "é.xml", "c.txt",
         "d.Xml"]


def _tree(root: Path, seed: int) -> None:
    rnd = random.Random(seed)
    folders = [root]
    for i in range(250):
        parent = rnd.choice(folders)
        path = parent / (rnd.choice(NAMES) + (str(i) if rnd.random() < 0.3 else ""))
        if os.path.lexists(path):
            continue
        pick = rnd.random()
        if pick < 0.25:
            path.mkdir()
            folders.append(path)
        elif pick < 0.3:
            path.symlink_to(rnd.choice(folders))  # a link to a folder is not followed
        elif pick < 0.33:
            path.symlink_to(parent / "missing.xml")  # a broken link is no file
        elif pick < 0.36:
            path.symlink_to(rnd.choice(folders) / "a.xml")  # may be broken, may not
        else:
            path.write_text("x")


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("suffix", [".xml", ".txt", ".XML"])
def test_the_files_are_those_rglob_finds_in_its_order(tmp_path, seed, suffix):
    _tree(tmp_path, seed)
    expected = sorted(p for p in tmp_path.rglob("*")
                      if p.suffix.lower() == suffix.lower() and p.is_file())
    found = files_below(tmp_path, suffix)
    assert found == expected
    assert len(found) > 5


def test_a_folder_that_may_not_be_read_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.xml").write_text("x")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.xml").write_text("x")
    scandir = os.scandir

    def refusing(path):  # as for a folder without read permission (root may read all)
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)
    monkeypatch.setattr(os, "scandir", refusing)
    assert files_below(tmp_path, ".xml") == [tmp_path / "open" / "a.xml"]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("given", [".", "sub", "./sub/"])
def test_each_source_is_named_by_its_place_without_suffix(tmp_path, monkeypatch, seed, given):
    (tmp_path / "sub").mkdir()
    _tree(tmp_path / "sub", seed)
    monkeypatch.chdir(tmp_path if given != "." else tmp_path / "sub")
    sources = collect_sources([Path(given)], ".xml")
    assert len(sources) > 5
    for source in sources:
        assert source.name == PurePosixPath(
            *source.path.relative_to(Path(given)).with_suffix("").parts)


@pytest.mark.parametrize("seed", range(3))
def test_a_build_folder_inside_the_corpus_gives_no_sources(tmp_path, seed):
    """What build_sources leaves out is what resolving each file says is in a build folder:
    the output folder and any folder holding a manifest, links included."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _tree(corpus, seed)
    rnd = random.Random(seed)
    folders = sorted(p for p in corpus.rglob("*") if p.is_dir() and not p.is_symlink())
    out = rnd.choice(folders)
    elsewhere = rnd.choice(folders)
    (elsewhere / manifest.NAME).write_text("{}")
    (corpus / "to-out.txt").symlink_to(out / "placed.txt")  # may be broken: then no source
    for folder in (out, elsewhere):
        (folder / "placed.txt").write_text("x")
    builds = {out.resolve(), elsewhere.resolve()}
    expected = [s for s in collect_sources([corpus], ".txt")
                if not any(s.path.resolve().is_relative_to(b) for b in builds)]
    found = build_sources(corpus, out)
    assert found == expected
    assert len(found) < len(collect_sources([corpus], ".txt"))
