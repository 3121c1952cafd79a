"""The installed ``tei`` command and the file system: modes, names, and errors a user can
cause (outputs that are files, unwritable folders, full disks), each a one-line message."""

from __future__ import annotations

import os
import stat
import subprocess
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
