"""The installed ``tei`` command and the file system: modes, names, and errors a user can
cause (outputs that are files, unwritable folders, full disks), each a one-line message."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.test_corpus_tei import tei_command

SEED = CORPUS / "1962-11-12_dobrynin.txt"


def tei(*args: str, cwd: Path | None = None, umask: int | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([*tei_command(), *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(env or {})},
                          preexec_fn=set_umask)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.stat().st_mode)
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o027, 0o640)])
def test_build_outputs_get_the_umask_mode(tmp_path, umask, expected):
    out = tmp_path / "out"
    run = tei("build", str(CORPUS), "-o", str(out), umask=umask)
    assert run.returncode == 0, run.stderr
    found = modes(out)
    assert any(name.startswith("html/") for name in found)
    assert found and all(mode == expected for mode in found.values()), found


def test_no_temporary_file_is_left(tmp_path):
    out = tmp_path / "out"
    assert tei("build", str(CORPUS), "-o", str(out)).returncode == 0
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


FAULTS = Path(__file__).parent / "faults"


def with_fault(fault: str, folder: Path) -> dict:
    return {"PYTHONPATH": str(FAULTS), "TEI_TEST_FAULT": f"{fault}:{folder}"}


def no_traceback(run: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in run.stderr, run.stderr


def three_inputs(root: Path) -> Path:
    inputs = root / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (inputs / name).write_bytes(SEED.read_bytes())
    return inputs


@pytest.mark.parametrize("command", ["convert", "build", "render"])
def test_an_existing_file_as_output_folder(tmp_path, command):
    occupied = tmp_path / "taken"
    occupied.write_text("mine\n", encoding="utf-8")
    source = str(CORPUS) if command != "render" else str(Path(__file__).parent.parent / "docs"
                                                          / "example.tei.xml")
    run = tei(command, source, "-o", str(occupied))
    no_traceback(run)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"tei {command}: {occupied}: exists and is not a folder (give a folder for -o)"]
    assert occupied.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("command", ["convert", "build"])
def test_a_folder_as_report_file(tmp_path, command):
    run = tei(command, str(CORPUS), "-o", str(tmp_path / "out"), "--report", str(tmp_path))
    no_traceback(run)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"tei {command}: {tmp_path}: is a folder (give a file name)"]


def test_validate_report_into_a_folder(tmp_path):
    example = Path(__file__).parent.parent / "docs" / "example.tei.xml"
    run = tei("validate", str(example), "-o", str(tmp_path))
    no_traceback(run)
    assert run.returncode == 2 and "is a folder" in run.stderr


@pytest.mark.parametrize("command", ["convert", "build", "render"])
def test_an_output_folder_that_cannot_be_written(tmp_path, command):
    out = tmp_path / "out"
    out.mkdir()
    source = str(CORPUS) if command != "render" else str(Path(__file__).parent.parent / "docs"
                                                          / "example.tei.xml")
    run = tei(command, source, "-o", str(out), env=with_fault("readonly", out))
    no_traceback(run)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"tei {command}: {out}: cannot write in the folder: Permission denied"]
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_read_only_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        run = tei("convert", str(SEED), "-o", str(out))
    finally:
        out.chmod(0o755)
    no_traceback(run)
    assert run.returncode == 2 and "cannot write in the folder" in run.stderr


def test_a_full_disk_stops_the_batch_with_a_summary(tmp_path):
    inputs = three_inputs(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    run = tei("convert", str(inputs), "-o", str(out), env=with_fault("enospc", out))
    no_traceback(run)
    assert run.returncode == 1
    assert f"error: {out / 'a.xml'}: cannot write: No space left on device" in run.stderr
    assert "the remaining 2 file(s) were not converted" in run.stderr
    assert "converted 0 of 3 file(s); 3 failed" in run.stdout
    assert list(out.iterdir()) == [], "a temporary file was left"


def test_a_full_disk_in_build(tmp_path):
    inputs = three_inputs(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    run = tei("build", str(inputs), "-o", str(out), env=with_fault("enospc", out))
    no_traceback(run)
    assert run.returncode == 1
    assert "No space left on device" in run.stderr
    assert "3 document(s): 0 converted" in run.stdout
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_a_long_name_does_not_overflow_the_temporary_name(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    stem = "x" * 251  # stem.xml is 255 bytes, the longest name most file systems allow
    (inputs / f"{stem}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    run = tei("convert", str(inputs), "-o", str(out))
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert (out / f"{stem}.xml").is_file()
    # A build also writes stem.html (256 bytes): that document is refused, not the build.
    (inputs / "ok.txt").write_bytes(SEED.read_bytes())
    run = tei("build", str(inputs), "-o", str(tmp_path / "build"))
    no_traceback(run)
    assert run.returncode == 1
    assert f"the output name {stem}.html is longer than the file system allows" in run.stderr
    assert "2 document(s): 1 converted, 1 valid, 1 rendered" in run.stdout


def test_a_file_name_that_is_not_utf8(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    odd = os.fsencode(inputs) + b"/caf\xe9.txt"
    with open(odd, "wb") as stream:
        stream.write(SEED.read_bytes())
    report = tmp_path / "report.json"
    run = tei("build", str(inputs), "-o", str(tmp_path / "out"), "--report", str(report))
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert os.path.exists(os.fsencode(tmp_path / "out" / "html") + b"/caf\xe9.html")
    assert 'href="caf%E9.html"' in (tmp_path / "out" / "html" / "index.html").read_text(
        encoding="utf-8")
    import json
    files = [f["file"] for f in json.loads(report.read_text(encoding="utf-8"))["files"]]
    assert files == [str(inputs / "caf\\xe9.txt")]


def test_junit_with_control_characters_in_file_names(tmp_path):
    from junitparser import JUnitXml

    folder = tmp_path / "tei"
    folder.mkdir()
    example = Path(__file__).parent.parent / "docs" / "example.tei.xml"
    (folder / "tab\there.xml").write_bytes(example.read_bytes())
    (folder / "bell\x07.xml").write_bytes(example.read_bytes())
    output = tmp_path / "junit.xml"
    run = tei("validate", "--format", "junit", "-o", str(output), str(folder))
    no_traceback(run)
    assert run.returncode == 0, run.stderr
    names = sorted(case.name for suite in JUnitXml.fromfile(str(output)) for case in suite)
    assert names == [str(folder / "bell\\x07.xml"), str(folder / "tab\\x09here.xml")]


@pytest.mark.parametrize("command", ["convert", "validate", "render"])
def test_a_device_is_not_a_regular_file(tmp_path, command):
    run = tei(command, "/dev/null", *(["-o", str(tmp_path / "out")]
                                      if command != "validate" else []))
    no_traceback(run)
    assert run.returncode == 2
    assert "/dev/null: not a regular file" in run.stderr
    assert "no such file" not in run.stderr


def test_a_pipe_is_not_read(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    for command in ("convert", "validate"):
        extra = ["-o", str(tmp_path / "out")] if command == "convert" else []
        run = subprocess.run([*tei_command(), command, str(pipe), *extra], capture_output=True,
                             text=True, timeout=60)
        assert run.returncode == 2 and "not a regular file" in run.stderr


def test_utf16_with_its_mark_is_read(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (inputs / "wide.txt").write_bytes(text.encode("utf-16"))
    (inputs / "narrow.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = tei("convert", str(inputs), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "binary" not in run.stderr
    wide = (out / "wide.xml").read_text(encoding="utf-8")
    assert wide == (out / "narrow.xml").read_text(encoding="utf-8").replace("narrow", "wide")


@pytest.mark.parametrize("line, message", [
    ("publisher = 42", "publisher must be a string, not an integer (42)"),
    ("editor = true", "editor must be a string, not a boolean (True)"),
    ('licence = ["a", "b"]', "licence must be a string, not an array (['a', 'b'])"),
])
def test_wrong_types_in_edition_settings_are_refused(tmp_path, line, message):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "one.txt").write_bytes(SEED.read_bytes())
    (inputs / "edition.toml").write_text(line + "\n", encoding="utf-8")
    run = tei("convert", str(inputs), "-o", str(tmp_path / "out"))
    no_traceback(run)
    assert run.returncode == 2
    assert f"{inputs / 'edition.toml'}: {message}" in run.stderr
    assert not (tmp_path / "out" / "one.xml").exists()


def test_validate_on_a_text_file_says_it_is_not_xml():
    run = tei("validate", str(SEED))
    assert run.returncode == 1
    assert "not an XML file" in run.stdout and "tei convert" in run.stdout
    assert "Start tag expected" not in run.stdout


def test_a_full_disk_in_render(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    example = Path(__file__).parent.parent / "docs" / "example.tei.xml"
    run = tei("render", str(example), "-o", str(out), env=with_fault("enospc", out))
    no_traceback(run)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"tei render: {out / 'html' / 'example.tei.html'}: No space left on device"]
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_a_pipe_as_report_is_written_to_not_replaced(tmp_path):
    """--report /dev/stdout or a pipe works: a file that is not a regular file is written
    to, never renamed over (as root, a device could be)."""
    out = tmp_path / "out"
    run = subprocess.run([*tei_command(), "convert", str(SEED), "-o", str(out), "-q",
                          "--report", "/dev/stdout"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert '"command": "convert"' in run.stdout
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def read() -> None:
        with open(pipe, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    run = tei("convert", str(SEED), "-o", str(out), "--report", str(pipe))
    reader.join(timeout=60)
    assert run.returncode == 0, run.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert b'"findings"' in received[0]


def test_a_linked_report_replaces_the_file_the_link_points_to(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    run = tei("convert", str(SEED), "-o", str(tmp_path / "out"), "--report", str(link))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and '"findings"' in real.read_text(encoding="utf-8")


def test_an_unreadable_input(tmp_path):
    inputs = three_inputs(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "d.txt").write_bytes(SEED.read_bytes())
    run = tei("convert", str(inputs), str(locked), "-o", str(tmp_path / "out"),
              env=with_fault("unreadable", locked))
    no_traceback(run)
    assert run.returncode == 1
    assert f"error: {locked / 'd.txt'}: cannot read the file: Permission denied" in run.stderr
    assert "converted 3 of 4 file(s); 1 failed" in run.stdout
    xml = tmp_path / "out" / "a.xml"
    (locked / "d.xml").write_bytes(xml.read_bytes())
    run = tei("validate", str(xml), str(locked / "d.xml"), env=with_fault("unreadable", locked))
    no_traceback(run)
    assert run.returncode == 2
    assert f"{locked / 'd.xml'}:1:1: error: cannot read the file: Permission denied" in run.stdout
