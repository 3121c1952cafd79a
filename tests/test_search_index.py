"""The search index: what is searched, how terms are folded, MiniSearch's serialised form
(checked against MiniSearch itself under node when it is installed), and the same bytes
for the same input."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tei.render import read_tei, render_paths
from tei.search_index import (
    FIELDS,
    SearchDocument,
    fold,
    minisearch_index,
    pack,
    search_document,
    search_index_script,
    snippet_script,
    terms,
)
from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "render"
MINISEARCH = ROOT / "xslt" / "vendor" / "minisearch.js"


def test_fold_drops_accents_and_case() -> None:
    assert fold("Dorticós ÉTÉ Ærø") == "dorticos ete ærø"
    assert terms("N.S. Khrushchev's IL-28, Cortázar") == [
        "n", "s", "khrushchev", "s", "il", "28", "cortazar"]


def test_searched_texts_keep_notes_apart_from_the_body() -> None:
    document = search_document(read_tei(DATA / "1958-05-14_varga.xml").root, "x.html")
    assert document.title.startswith("Telegram from Envoy")
    assert document.date == "May 14, 1958"
    assert "winter ferries" in document.summary
    assert "Your request has been passed on." in document.text
    assert "even [the deputy harbour master] Lund" in document.text
    # Footnotes are the notes field, not the body; editorial notes stay in the body.
    assert "closed by ice" not in document.text and "closed by ice" in document.notes
    assert "parishes--ed." in document.text
    assert "pencilled line" in document.notes


def sample(href: str, text: str) -> SearchDocument:
    return SearchDocument(href=href, title="T " + href, date="", summary="", text=text, notes="")


def test_minisearch_form_counts_terms_per_field_and_document() -> None:
    index = minisearch_index([sample("a", "ferry ferry Dorticós"), sample("b", "ferry")])
    assert index["documentIds"] == {"0": "a", "1": "b"}
    assert index["fieldIds"] == {name: i for i, name in enumerate(FIELDS)}
    postings = dict(index["index"])
    assert postings["ferry"] == {"2": {"0": 2, "1": 1}}
    assert postings["dorticos"] == {"2": {"0": 1}}
    assert index["fieldLength"]["0"] == [2, 0, 2, 0]
    assert index["averageFieldLength"] == [2.0, 0.0, 1.5, 0.0]
    assert [term for term, _ in index["index"]] == sorted(postings)


def test_packed_form_keeps_every_posting() -> None:
    index = minisearch_index([sample("a", "ferry ferry"), sample("b", "boat"),
                              sample("c", "ferry")])
    packed = pack(index)
    assert packed["documentIds"] == ["a", "b", "c"]
    assert packed["stored"][1] == ["b", "T b", "", ""]
    rows = {row[0]: row[1:] for row in packed["terms"]}
    # Field 2 (text): documents 0 and 2 as gaps 0 and 2, frequencies 2 and 1.
    assert rows["ferry"] == [2, [0, 2], [2, 1]]
    # All frequencies 1: left out.
    assert rows["boat"] == [2, [1], 0]
    assert rows["t"] == [0, [0, 1, 1], 0]


def test_scripts_set_one_global_and_call_one_function() -> None:
    script = search_index_script([sample("a", "x")])
    assert script.count("window.teiSearchIndex = (function (packed)") == 1
    packed = json.loads(script[script.rindex("})(") + 3:].rstrip().removesuffix(");"))
    assert packed["fields"] == list(FIELDS)
    texts = snippet_script(sample("a b.html", "Cortázar"))
    assert texts == 'teiSearchText("a b.html", {"text":"Cortázar","notes":""});\n'


def test_index_is_the_same_bytes_across_builds(tmp_path: Path) -> None:
    render_paths([DATA], tmp_path / "one")
    render_paths([DATA], tmp_path / "two")
    first = (tmp_path / "one" / "html" / "search-index.js").read_bytes()
    assert first == (tmp_path / "two" / "html" / "search-index.js").read_bytes()
    assert b'["cortazar",' in first
    for script in (tmp_path / "one" / "html" / "search").glob("*.js"):
        assert script.read_bytes() == (tmp_path / "two" / "html" / "search" / script.name
                                       ).read_bytes()


NODE_CHECK = """
const MiniSearch = require(process.argv[1]);
global.window = {};
require(process.argv[2]);
const data = window.teiSearchIndex;
const texts = {};
global.teiSearchText = (href, fields) => { texts[href] = fields; };
for (const file of process.argv.slice(3)) require(file);
const fold = t => t.normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase();
const tokenize = t => fold(t).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
const options = {fields: data.fields, storeFields: data.storeFields, tokenize,
                 processTerm: t => t || null,
                 searchOptions: {prefix: true, combineWith: "AND"}};
const fresh = new MiniSearch(options);
fresh.addAll(Object.entries(data.index.storedFields).map(
    ([k, v]) => ({id: data.index.documentIds[k], ...v, ...texts[v.href]})));
const own = fresh.toJSON();
own.index.sort((a, b) => a[0] < b[0] ? -1 : 1);
const loaded = MiniSearch.loadJS(data.index, options);
console.log(JSON.stringify({
  same: ["index", "fieldLength", "averageFieldLength", "documentIds", "storedFields"].every(
      k => JSON.stringify(own[k]) === JSON.stringify(data.index[k])),
  cortazar: loaded.search("cortazar").map(r => r.id),
  prefix: loaded.search("lightho").map(r => r.id),
}));
"""


def test_minisearch_reads_the_index_as_its_own(tmp_path: Path) -> None:
    node = shutil.which("node")
    require(node is not None, "node is not installed")
    render_paths([DATA], tmp_path)
    snippets = sorted(str(p) for p in (tmp_path / "html" / "search").glob("*.js"))
    assert len(snippets) == 3
    run = subprocess.run([node, "-e", NODE_CHECK, str(MINISEARCH),
                          str(tmp_path / "html" / "search-index.js"), *snippets],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    # Python's index, unpacked, is exactly what MiniSearch builds from the same documents.
    assert result["same"] is True
    assert result["cortazar"] == ["1957-11_brask.html"]
    assert result["prefix"] == ["1958-05-14_varga.html"]


@pytest.mark.parametrize("name", ["minisearch.js", "minisearch-LICENSE.txt"])
def test_minisearch_is_vendored_with_its_licence(name: str) -> None:
    text = (ROOT / "xslt" / "vendor" / name).read_text(encoding="utf-8")
    assert ("MiniSearch" in text) if name.endswith(".js") else ("Permission is hereby granted" in text)


def test_the_script_written_a_row_at_a_time_holds_the_packed_index() -> None:
    from tei.search_index import IndexBuilder, IndexEntry

    builder = IndexBuilder()
    for number, (href, text) in enumerate([("a", "ferry ferry Dorticós"), ("b", "boat"),
                                           ("c", "ferry"), ("d", "")]):
        builder.add(number, IndexEntry.of(sample(href, text)))
    for keep in (None, [0, 2, 3], [1], []):
        script = builder.script(keep)
        payload = script[script.rindex("})(") + 3:].rstrip().removesuffix(");")
        assert json.loads(payload) == builder.packed(keep)
