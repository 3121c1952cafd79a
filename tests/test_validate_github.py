"""--format github on a large run: GitHub shows only the first annotations of each kind, so
the most useful come first, a notice gives the counts and the step summary lists them all."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tei.validate import Issue, Report, ValidatedFile
from tei.validate.reporters import github, github_step_summary, markdown_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.tei.xml"
SCRIPT = Path(sys.executable).parent / "tei"
ANNOTATION = re.compile(r"^::(error|warning|notice) (?:file=([^,]*),line=(\d+),)?")


def many_findings() -> Report:
    """Forty files, the first one with thirty errors, every file with two warnings."""
    files = []
    for n in range(40):
        name = f"doc-{n:02d}.xml"
        issues = [Issue(name, line, 1, "warning", "no @ref", "persname-ref") for line in (5, 6)]
        if n == 0:
            issues += [Issue(name, 100 + k, 1, "error", "bad", "xsd-content") for k in range(30)]
        elif n % 10 == 0:
            issues.append(Issue(name, 9, 1, "error", "bad", "xsd-content"))
        files.append(ValidatedFile(name, sorted(issues, key=lambda i: i.line)))
    return Report(files)


def annotations(output: str) -> list[tuple[str, str | None]]:
    return [(m[1], m[2]) for m in map(ANNOTATION.match, output.splitlines())]


def test_errors_come_first_one_per_file_before_repeats():
    shown = annotations(github(many_findings()))
    errors = [file for kind, file in shown if kind == "error"]
    warnings = [file for kind, file in shown if kind == "warning"]
    assert len(errors) == 33 and len(warnings) == 80
    # What GitHub shows: the first ten of each kind.
    assert errors[:4] == ["doc-00.xml", "doc-10.xml", "doc-20.xml", "doc-30.xml"]
    assert warnings[:10] == [f"doc-{n:02d}.xml" for n in range(10)]
    assert [kind for kind, _ in shown[:33]] == ["error"] * 33
    assert shown[-1] == ("notice", None)


def test_the_notice_gives_the_counts_and_says_where_the_rest_is():
    notice = github(many_findings()).splitlines()[-1]
    assert notice.startswith("::notice title=tei validate::40 files checked: 4 invalid, "
                             "33 errors, 80 warnings")
    assert "step summary" in notice


def test_the_step_summary_lists_every_finding_as_literal_markdown():
    text = github_step_summary(many_findings())
    rows = [line for line in text.splitlines() if line.startswith("| doc\\-")]
    assert len(rows) == 113
    assert rows[0].startswith("| doc\\-00\\.xml | 100 | 1 | error |")
    assert markdown_text("<persName> | *x*") == "\\<persName\\> \\| \\*x\\*"


def test_the_command_writes_the_step_summary_when_github_sets_it(tmp_path):
    folder = tmp_path / "tei"
    folder.mkdir()
    for n in range(12):
        text = EXAMPLE.read_text(encoding="utf-8").replace(
            'xml:id="wcda-110442"', f'xml:id="doc-{n}"').replace(
            "<p>... but he thought", "<p><emph>no</emph>... but he thought", 1)
        (folder / f"doc-{n:02d}.xml").write_text(text, encoding="utf-8")
    step_summary = tmp_path / "summary.md"
    step_summary.write_text("earlier step\n", encoding="utf-8")
    run = subprocess.run([str(SCRIPT), "validate", str(folder), "--format", "github"],
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "TEI_EDITION_CACHE_DIR": "off",
                              "GITHUB_STEP_SUMMARY": str(step_summary)})
    assert run.returncode == 1
    assert run.stdout.splitlines()[-1].startswith("::notice title=tei validate::12 files")
    written = step_summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## tei validate\n")  # appended, as GitHub wants
    assert written.count("| error | xsd\\-content |") == 12
    assert "\\<emph\\> is not allowed here in \\<p\\>" in written
