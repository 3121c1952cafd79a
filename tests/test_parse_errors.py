"""Bad input is refused with a message a person can act on, and nothing but InputError."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.errors import InputError
from tei.parse import parse_text, read_document


def _error(tmp_path: Path, data: bytes) -> InputError:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    return caught.value


def test_empty_file(tmp_path: Path) -> None:
    error = _error(tmp_path, b"")
    assert str(error) == f"{tmp_path / 'bad.txt'}: the file is empty (export the document again)"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    error = _error(tmp_path, b" \n\t\r\n\xc2\xa0\n")
    assert error.message == "the file is empty"


def test_binary_file(tmp_path: Path) -> None:
    error = _error(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error.message == "the file is binary (it contains NUL bytes)"
    assert error.hint == "give a plain-text .txt file"


def test_mostly_control_characters_is_binary() -> None:
    with pytest.raises(InputError) as caught:
        parse_text("\x01\x02\x03\x04ab\x05\x06", "ctl.txt")
    assert str(caught.value) == (
        "ctl.txt: the file is binary (it is mostly control characters) "
        "(give a plain-text .txt file)"
    )


def test_latin1_bytes_name_offset_and_line(tmp_path: Path) -> None:
    data = "November 6, 1962\n\n**Note from the embassy**\n\nThe caf\xe9 was shut.\n".encode(
        "latin-1"
    )
    error = _error(tmp_path, data)
    assert error.message == "the text is not valid UTF-8 (byte 52, 0xe9)"
    assert error.line == 5
    assert error.hint == "re-save the file as UTF-8"
    assert str(error).startswith(f"{tmp_path / 'bad.txt'}:5: ")


def test_prose_without_date_line() -> None:
    prose = (
        "The garden was quiet in the morning. Nobody came to the gate.\n\n"
        "Later the rain started and the path turned to mud.\n"
    )
    with pytest.raises(InputError) as caught:
        parse_text(prose, "essay.txt")
    assert str(caught.value) == (
        "essay.txt: not a document of this kind: no date line (such as 'November 6, 1962'), "
        "no header label (such as 'Citation:') and no telegram layout (classification line, "
        "closing signature, footnote list) was found (give a plain-text export of an archive "
        "document; if this is one, put its date line at the top)"
    )


def test_xml_illegal_control_character_is_named_with_its_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_text("November 6, 1962\n\nTOP SECRET\n\nA note\x07 here.\n", "bell.txt")
    assert caught.value.line == 5
    assert caught.value.message == (
        "the text holds the control character U+0007, which XML cannot hold"
    )


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "absent.txt")
    assert caught.value.message.startswith("cannot read the file")
