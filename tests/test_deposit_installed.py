"""The acceptance run with the installed wheel, outside the checkout: build with
--deposit, verify the bag (exit 0), change one byte (exit 1, the file named)."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import CORPUS
from tests.test_packaging import installed_tei  # noqa: F401  (the fixture)


def test_build_deposit_verify_with_the_installed_command(installed_tei, tmp_path):  # noqa: F811
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for item in CORPUS.iterdir():
        (corpus / item.name).write_bytes(item.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def tei(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(installed_tei), *args], capture_output=True, text=True,
                              cwd=tmp_path, env=env)

    run = tei("build", "corpus", "-o", "build", "--deposit")
    assert run.returncode == 0, run.stdout + run.stderr
    bags = list((tmp_path / "build" / "deposit").iterdir())
    assert [b.name for b in bags] == ["tei-edition-sample-1962"]
    assert tei("deposit", "--verify", str(bags[0])).returncode == 0
    changed = bags[0] / "data" / "metadata" / "dc" / "1962-11-12_dobrynin.xml"
    data = bytearray(changed.read_bytes())
    data[10] ^= 1
    changed.write_bytes(bytes(data))
    run = tei("deposit", "--verify", str(bags[0]))
    assert run.returncode == 1
    assert f"{changed}: sha256 checksum mismatch" in run.stdout
