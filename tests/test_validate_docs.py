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


def recipe_installs() -> list[str]:
    """What the YAML recipes give ``pip install`` (``run: …`` and ``- …`` steps)."""
    found = (re.search(r"(?:run:|-)\s+pip install (.*)$", line) for line in GUIDE.splitlines())
    return [m.group(1) for m in found if m]


def test_the_ci_recipes_install_from_git_not_from_an_index_that_lacks_the_package():
    from packaging.requirements import Requirement

    installs = recipe_installs()
    assert len(installs) == 2
    for install in installs:
        [argument] = shlex.split(install)
        requirement = Requirement(argument)  # a PEP 508 direct reference, or a ValueError
        assert requirement.name == "tei-edition"
        assert requirement.url and requirement.url.startswith("git+https://")
    assert "pip install tei-edition\n" not in GUIDE and "pip install ./tools/tei-edition" in GUIDE


def test_the_git_install_of_the_recipes_builds_the_package(tmp_path):
    import shutil
    import subprocess
    import sys
    import zipfile

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the git install cannot be tried")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    [argument] = shlex.split(recipe_installs()[0])
    # The recipes' form with this project's clone as the repository; file://localhost/
    # because pip's older URL check refuses an empty host in a direct reference.
    url = re.sub(r"git\+https://\S+?\.git", f"git+file://localhost{clone}", argument)
    assert url != argument
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "--no-build-isolation", "-w", str(tmp_path / "dist"), url],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("tei_edition-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("tei/schemas/tei-edition.xsd", "tei/schemas/tei-register.xsd",
                    "tei/xslt/tei-to-html.xsl", "tei/cli.py"):
        assert shipped in names


@pytest.mark.parametrize("block", re.findall(r"```yaml\n(.*?)```", GUIDE, re.S),
                         ids=lambda block: block.splitlines()[0][:40])
def test_every_yaml_recipe_parses(block):
    assert yaml.safe_load(block) is not None
