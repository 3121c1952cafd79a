"""Size and build time of the search index, and the time to load it, for 10,000 documents.

Makes COUNT copies of the sample corpus' TEI documents (tests/test_corpus_tei/), each
with its own file name, xml:id, date and a word of its own, then:

1. builds the search index as ``tei render`` does (read each TEI safely, extract the
   searched texts, write search-index.js) and prints the time and the file's size, raw
   and gzip-compressed (what a web server would send);
2. with node on the PATH, loads the file into MiniSearch as the search page does and
   runs one query, and prints both times (the page's wait before the first result);
3. with --render, runs the whole ``tei render`` over the copies and prints its time.

    python benchmarks/site_bench.py [--count 10000] [--render]

The copies repeat the samples' vocabulary, so a real corpus of that size has more
distinct terms; the stored texts for the snippets, which grow with the corpus whatever
its vocabulary, are most of the file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "test_corpus_tei").glob("*.xml"))
LOAD = """
const started = process.hrtime.bigint();
const MiniSearch = require(process.argv[1]);
global.window = {};
require(process.argv[2]);
const data = window.teiSearchIndex;
const read = process.hrtime.bigint();
const fold = t => t.normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase();
const tokenize = t => fold(t).split(/[^\\p{L}\\p{N}]+/u).filter(Boolean);
const engine = MiniSearch.loadJS(data.index, {fields: data.fields, storeFields: data.storeFields,
  tokenize, processTerm: t => t || null, searchOptions: {prefix: true, combineWith: "AND"}});
const loaded = process.hrtime.bigint();
const hits = engine.search("kennedy quarant").length;
const searched = process.hrtime.bigint();
console.log(JSON.stringify({parse_s: Number(read - started) / 1e9,
  load_s: Number(loaded - read) / 1e9, query_s: Number(searched - loaded) / 1e9, hits}));
"""


def make_documents(folder: Path, count: int) -> list[Path]:
    texts = [source.read_text(encoding="utf-8") for source in SOURCES]
    paths = []
    for n in range(count):
        text = texts[n % len(texts)]
        when = f"{1955 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        copy = text.replace('xml:id="wcda-', f'xml:id="bench{n:05d}-', 1)
        copy = copy.replace("<abstract>\n        <p>", f"<abstract>\n        <p>Item{n:05d}. ", 1)
        copy = re.sub(r'(<creation>\s*<date when=")[^"]*', rf"\g<1>{when}", copy, count=1)
        path = folder / f"bench-{n:05d}.xml"
        path.write_text(copy, encoding="utf-8")
        paths.append(path)
    return paths


def build_index(paths: list[Path], out: Path) -> float:
    from urllib.parse import quote

    from tei.render import read_tei
    from tei.search_index import search_document, search_index_script

    started = time.perf_counter()
    script = search_index_script(
        search_document(read_tei(p).root, quote(f"{p.stem}.html")) for p in paths)
    out.write_text(script, encoding="utf-8")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--render", action="store_true", help="also time a whole tei render")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "tei"
        folder.mkdir()
        paths = make_documents(folder, args.count)
        index = Path(temporary) / "search-index.js"
        seconds = build_index(paths, index)
        raw = index.read_bytes()
        result: dict[str, object] = {
            "documents": args.count, "index_build_s": round(seconds, 2),
            "index_bytes": len(raw), "index_gzip_bytes": len(gzip.compress(raw, 6)),
            "index_ms_per_document": round(1000 * seconds / args.count, 3)}
        node = shutil.which("node")
        if node:
            run = subprocess.run([node, "-e", LOAD, str(ROOT / "xslt" / "vendor" / "minisearch.js"),
                                  str(index)], capture_output=True, text=True, check=True)
            result["browser_side"] = {k: round(v, 3) if isinstance(v, float) else v
                                      for k, v in json.loads(run.stdout).items()}
        if args.render:
            from tei.render import Renderer

            started = time.perf_counter()
            report = Renderer().render_site(paths, Path(temporary) / "out")
            result["render_s"] = round(time.perf_counter() - started, 1)
            result["render_summary"] = report.summary()
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
