"""Rendering leaves the process locale as it found it, so that a schema loaded after it
(xmlschema's XPath collations depend on the locale) still loads."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import locale
before = locale.setlocale(locale.LC_ALL)
from tei.render import Renderer
Renderer()
assert locale.setlocale(locale.LC_ALL) == before, locale.setlocale(locale.LC_ALL)
import xmlschema
from tei.resources import project_schema
xmlschema.XMLSchema11(str(project_schema()))
print("ok")
"""


def test_schema_loads_after_rendering():
    # A fresh process: the state under test is process-wide.
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
