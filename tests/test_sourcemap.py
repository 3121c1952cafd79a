"""The map from places in the generated TEI back to source lines."""

from __future__ import annotations

import random
import re
import time
from bisect import bisect_left

from lxml import etree

from tei.annotate.document import _line, annotate
from tei.convert import Finders, convert_document, make_finders
from tei.encode import encode
from tei.parse import read_document
from tei.settings import EditionSettings
from tei.sourcemap import _located, _source_offset, _start_tags
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
        for block_start, text, offset in encoded.anchors.values():
            assert doc.line_of(_source_offset(doc.source, block_start, text, offset)) == _line(
                doc, block_start, text, offset)
            checked += 1
    assert checked > 20


def _offset_by_list(source: str, block_start: int, text: str, offset: int) -> int:
    """_source_offset as it is defined: from the list of every visible character."""
    visible = [m.start() for m in re.finditer(r"\S", source)]
    wanted = len(re.findall(r"\S", text[:offset]))
    if wanted == 0:
        return block_start
    index = min(bisect_left(visible, block_start) + wanted - 1, len(visible) - 1)
    return visible[index] + 1 if index >= 0 else block_start


def test_source_offsets_counted_by_runs_are_those_of_the_list_of_visible_characters():
    rng = random.Random(11)
    alphabet = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "é", "\r\n"]
    for _ in range(3000):
        source = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        block_start = rng.randint(0, len(source))
        offset = rng.randint(0, len(text) + 2)
        assert _source_offset(source, block_start, text, offset) == _offset_by_list(
            source, block_start, text, offset), (source, block_start, text, offset)


def test_a_source_offset_past_long_white_space_is_found_in_linear_time():
    # One visible character missing after two million spaces: read a character at a time,
    # from the block's start each time, this took minutes.
    cases = [("Para one." + " " * 2_000_000 + "a end", "Para one. a"),
             ("Para one.\n" + " " * 2_000_000 + "\n" + "a " * 500_000 + "end",
              "Para one. " + "a " * 400_000)]
    for source, text in cases:
        started = time.perf_counter()
        found = _source_offset(source, 0, text, len(text))
        assert time.perf_counter() - started < 2.0
        assert found == _offset_by_list(source, 0, text, len(text))


def test_start_tags_found_in_one_pass_are_where_the_validator_places_elements():
    finders = make_finders([CORPUS / "persons.xml"])
    for path in DOCUMENTS:
        doc = read_document(path)
        data, _ = convert_document(doc, path.read_text(encoding="utf-8"), finders,
                                   EditionSettings(), "2024-01-01")
        elements = sum(1 for _ in etree.fromstring(data).iter(etree.Element))
        assert _start_tags(data, elements) == _located(data)


def test_a_file_with_more_tags_than_elements_is_located_element_by_element():
    data = (b"<?xml version='1.0'?>\n<TEI><!-- <p> in a comment -->\n"
            b"  <text><p>a <hi>b</hi></p><p/></text></TEI>\n")
    assert _start_tags(data, 5) is None
    assert _located(data) == [(2, 1), (3, 3), (3, 9), (3, 14), (3, 28)]


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
