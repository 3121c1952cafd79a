"""The built wheel, installed in a fresh virtual environment outside the checkout, gives a
``tei`` command that finds its schemas and stylesheets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def installed_tei(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(work / "dist"), str(ROOT)],
        capture_output=True, text=True)
    if build.returncode != 0 and "No module named" in build.stderr:
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work / "dist"),
             str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    wheels = list((work / "dist").glob("tei_edition-*.whl"))
    assert len(wheels) == 1
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheels[0])],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    return venv / "bin" / "tei"


def test_wheel_ships_schemas_and_stylesheets(installed_tei, tmp_path):
    code = ("from tei.resources import schemas_dir, xslt_dir; import tei; "
            "print(schemas_dir()); print(xslt_dir()); print(tei.__file__)")
    python = installed_tei.parent / "python"
    run = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, env={k: v for k, v in os.environ.items()
                                            if k != "PYTHONPATH"})
    assert run.returncode == 0, run.stderr
    schemas, xslt, package = run.stdout.split()
    assert str(ROOT) not in package, "the test must use the installed copy"
    assert (Path(schemas) / "tei-edition.xsd").is_file()
    assert (Path(schemas) / "report.schema.json").is_file()
    assert (Path(xslt) / "tei-to-html.xsl").is_file()
    assert (Path(xslt) / "tei-to-text.xsl").is_file()
    # The shared layers below the top folder (common/, html/) too: every stylesheet.
    shipped = sorted(p.relative_to(xslt).as_posix() for p in Path(xslt).rglob("*.xsl"))
    assert shipped == sorted(p.relative_to(ROOT / "xslt").as_posix()
                             for p in (ROOT / "xslt").rglob("*.xsl"))
    assert {"common/functions.xsl", "html/frame.xsl"} <= set(shipped)
    # The search library the site copies beside its pages, with its licence.
    assert (Path(xslt) / "vendor" / "minisearch.js").is_file()
    assert (Path(xslt) / "vendor" / "minisearch-LICENSE.txt").is_file()


def test_installed_command_builds_the_corpus(installed_tei, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for item in CORPUS.iterdir():
        (corpus / item.name).write_bytes(item.read_bytes())
    run = subprocess.run([str(installed_tei), "build", str(corpus), "-o", str(tmp_path / "out")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(list((tmp_path / "out" / "tei").glob("*.xml"))) == 2
    assert len(list((tmp_path / "out" / "text").glob("*.txt"))) == 2
    assert (tmp_path / "out" / "html" / "index.html").is_file()
