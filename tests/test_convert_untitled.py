"""A document that gives no title is titled by its file's stem: the bytes written do not
depend on how the input path was typed, and no folder leaks into the edition."""

from __future__ import annotations

from lxml import etree

from tests.test_cli import tei

TEI = "{http://www.tei-c.org/ns/1.0}"
UNTITLED = "TOP SECRET\n\nThe talk began at noon.\n\nA. PETROV\n"


def test_untitled_document_is_titled_by_its_stem_however_the_path_is_typed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "untitled-note.txt").write_text(UNTITLED, encoding="utf-8")
    absolute = tei("convert", str(folder / "untitled-note.txt"), "-o", str(tmp_path / "a"))
    relative = tei("convert", "in/untitled-note.txt", "-o", "b", cwd=tmp_path)
    dotted = tei("convert", "./in/../in/untitled-note.txt", "-o", "c", cwd=tmp_path)
    assert absolute.returncode == relative.returncode == dotted.returncode == 0
    written = [(tmp_path / out / "untitled-note.xml").read_bytes() for out in "abc"]
    assert written[0] == written[1] == written[2]
    root = etree.fromstring(written[0])
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title") == "untitled-note"
    assert root.findtext(f".//{TEI}titlePart") == "untitled-note"
    assert str(tmp_path).encode() not in written[0] and b"in/" not in written[0]
