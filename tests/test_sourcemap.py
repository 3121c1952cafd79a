"""The map from places in the generated TEI back to source lines."""

from __future__ import annotations

from tei.annotate.document import _line, annotate
from tei.convert import Finders, convert_document, make_finders
from tei.encode import encode
from tei.parse import read_document
from tei.settings import EditionSettings
from tei.sourcemap import _VISIBLE, _source_offset
from tests.conftest import CORPUS

DOCUMENTS = sorted(CORPUS.glob("*.txt"))


def test_inline_lines_are_the_lines_conversion_warnings_name():
    finders = make_finders([CORPUS / "persons.xml"])
    checked = 0
    for path in DOCUMENTS:
        doc = read_document(path)
        notes = annotate(doc, finders.persons, finders.entities)
        encoded = encode(doc, notes, finders.persons.register, EditionSettings(), "2024-01-01",
                         finders.entities.register)
        visible = [m.start() for m in _VISIBLE.finditer(doc.source)]
        for block_start, text, offset in encoded.anchors.values():
            assert doc.line_of(_source_offset(visible, block_start, text, offset)) == _line(
                doc, block_start, text, offset)
            checked += 1
    assert checked > 20


def test_every_paragraph_start_maps_to_its_source_line():
    path = DOCUMENTS[0]
    doc = read_document(path)
    raw = path.read_text(encoding="utf-8")
    data, result = convert_document(doc, raw, Finders(), EditionSettings(), "2024-01-01",
                                    source_lines=True)
    assert result.lines is not None
    source_lines = raw.splitlines()
    out_lines = data.decode("utf-8").splitlines()
    body = next(n for n, line in enumerate(out_lines, 1) if line.strip() == "<body>")
    paragraphs = [(n, line.index("<p>") + 1) for n, line in enumerate(out_lines, 1)
                  if n > body and line.lstrip().startswith("<p>")]
    assert paragraphs
    for line, column in paragraphs:
        first, _ = result.lines.lookup(line, column)
        words = out_lines[line - 1].split("<p>", 1)[1].split("<")[0].split()[:3]
        assert " ".join(words) in " ".join(source_lines[first - 1].split()), (line, first)
    assert result.lines.lookup(2, 1) is None  # the header the encoder wrote itself


def test_a_map_without_repeated_lines_answers_as_the_whole_list_would():
    """The map leaves out a start tag whose lines are those of the tag before it; every
    place must still get the lines of the last start tag at or before it."""
    import random
    from bisect import bisect_right

    from tei.sourcemap import SourceMap

    rng = random.Random(7)
    for _ in range(200):
        places = sorted({(rng.randint(1, 40), rng.randint(0, 300)) for _ in range(60)})
        choices = [None, (1, 1), (2, 3), (4, 4)]
        placed = [(place, rng.choice(choices)) for place in places]
        whole = [place for place, _ in placed]
        compact = SourceMap.of(placed)
        assert len(compact.starts) <= len(placed)
        for line in range(0, 42):
            for column in (0, 1, 150, 299, 300, 301, 10**9):
                index = bisect_right(whole, (line, column)) - 1
                expected = placed[index][1] if index >= 0 else None
                assert compact.lookup(line, column) == expected
