"""What a build keeps of each document for the site pages (OUT/.tei-edition-site-cache):
an unchanged document is not read by Saxon again, a damaged entry is made again, and the
result is always that of a clean build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei import site_cache
from tei.build import build
from tei.render import Renderer
from tei.search_index import IndexEntry
from tei.site_cache import SiteCache, SiteParts
from tei.site_listing import Record
from tests.test_build_parallel import corpus_of, same_tree


def summaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose site record Saxon makes from now on (in this process)."""
    made: list[str] = []
    real = Renderer.summary

    def counting(self: Renderer, document, source=None):  # type: ignore[no-untyped-def]
        made.append(document.stem)
        return real(self, document, source)

    monkeypatch.setattr(Renderer, "summary", counting)
    return made


def test_a_rebuild_reads_only_changed_documents_and_their_neighbours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = corpus_of(tmp_path)
    out = tmp_path / "build"
    made = summaries(monkeypatch)
    first = build(corpus, out)
    assert len(made) == first.rendered > 3
    assert len(list((out / site_cache.FOLDER).glob("*.json"))) == first.rendered
    made.clear()
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    again = build(corpus, out)
    assert again.rendered == first.rendered
    # The changed document's page and its two neighbours' pages are made again; the site
    # records of all the others come from the cache.
    assert changed.stem in made and len(made) <= 3
    clean = build(corpus, tmp_path / "clean")
    same_tree(out, tmp_path / "clean")
    assert clean.rendered == again.rendered


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path)
    out = tmp_path / "build"
    build(corpus, out)
    entries = sorted((out / site_cache.FOLDER).glob("*.json"))
    entries[0].write_bytes(b'{"pager": ')  # cut short, as by a full disk
    entries[1].write_bytes(b'{"pager": "x"}')  # not what an entry holds
    changed = sorted(corpus.glob("*.txt"))[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    build(corpus, out)
    build(corpus, tmp_path / "clean")
    same_tree(out, tmp_path / "clean")


def test_entries_of_documents_gone_are_removed(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path)
    out = tmp_path / "build"
    first = build(corpus, out)
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    second = build(corpus, out)
    assert second.rendered == first.rendered - 1
    assert len(list((out / site_cache.FOLDER).glob("*.json"))) == second.rendered


def test_parts_are_read_back_as_they_were_written(tmp_path: Path) -> None:
    cache = SiteCache(tmp_path, "identity")
    parts = SiteParts(b'<e:document stem="a"/>',
                      Record(b"<r/>", (("k1", b"<person/>"),), (("persName", b"<c/>"),)),
                      IndexEntry(("a.html", "T", "", ""), ((("word", 2),), (), (), ())),
                      'teiSearchText("a.html", {});\n')
    key = cache.key("a", "digest")
    assert cache.load(key) is None
    cache.save(key, parts)
    assert cache.load(key) == parts
    assert key != cache.key("b", "digest") != SiteCache(tmp_path, "other").key("a", "digest")
    # A forced build uses nothing kept.
    assert SiteCache(tmp_path, "identity", reuse=False).load(key) is None
