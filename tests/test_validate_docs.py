"""The documentation and the pre-commit hook say what the command does."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from tei.cli import make_parser
from tei.validate import RULES, SWITCHABLE

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")


def test_the_pre_commit_hook_runs_tei_validate_on_xml_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tei-validate"
    assert hook["entry"] == "tei validate"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert pattern.search("tei/letter.xml") and not pattern.search("notes.txt")
    args = shlex.split(hook["entry"])[1:] + ["a.xml", "b.xml"]
    assert make_parser().parse_args(args).paths == [Path("a.xml"), Path("b.xml")]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_is_documented(rule):
    assert f"`{rule}`" in GUIDE


def test_every_switchable_check_is_in_the_checks_table():
    table = GUIDE.split("## Editorial checks", 1)[1].split("## Reports", 1)[0]
    for check in SWITCHABLE:
        assert f"| `{check}` |" in table


def recipe_commands() -> list[str]:
    """The ``tei validate`` lines of the YAML recipes (``run: …`` and ``- …`` steps)."""
    found = (re.search(r"(?:run:|-)\s+(tei validate .*)$", line) for line in GUIDE.splitlines())
    return [m.group(1) for m in found if m]


def test_the_ci_recipes_use_github_and_junit_formats_with_real_options():
    commands = recipe_commands()
    assert len(commands) == 2
    formats = set()
    for command in commands:
        words = shlex.split(command)
        assert words[:2] == ["tei", "validate"]
        args = make_parser().parse_args(words[1:])
        formats.add(args.format)
    assert formats == {"github", "junit"}
    assert "reports:\n      junit: tei-report.xml" in GUIDE
