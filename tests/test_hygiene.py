"""Checks on the code itself: the type checker is clean, and the schema's rule ids and the
rules table the reports describe them from agree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from tei.validate.grammar import RULE_ID
from tei.validate.rules import GRAMMAR_RULES

ROOT = Path(__file__).resolve().parent.parent
XS = "{http://www.w3.org/2001/XMLSchema}"


def test_mypy_is_clean_on_the_package():
    # Settings in pyproject.toml [tool.mypy]; run from the project root so they apply.
    run = subprocess.run([sys.executable, "-m", "mypy", "tei"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success: no issues found" in run.stdout


def _schema_rule_ids() -> list[str]:
    schema = etree.parse(str(ROOT / "schemas" / "tei-edition.xsd"),
                         etree.XMLParser(resolve_entities=False, no_network=True))
    return [element.get(RULE_ID) for element in schema.iter(f"{XS}assert")
            if element.get(RULE_ID) is not None]


def test_every_assertion_of_the_schema_has_a_rule_id():
    schema = etree.parse(str(ROOT / "schemas" / "tei-edition.xsd"),
                         etree.XMLParser(resolve_entities=False, no_network=True))
    unnamed = [element.sourceline for element in schema.iter(f"{XS}assert")
               if element.get(RULE_ID) is None]
    assert unnamed == []


def test_schema_rule_ids_are_the_grammar_rules_of_the_table():
    ids = _schema_rule_ids()
    assert len(ids) >= 10  # the schema holds the project's assertions, found by their id
    assert sorted(set(ids) - set(GRAMMAR_RULES)) == []
    # Every header-, ref- or date- rule of the table is an assertion of the schema.
    schema_kinds = {rule for rule in GRAMMAR_RULES
                    if rule.split("-")[0] in {"header", "ref", "date", "note", "authority",
                                                 "corresp"}}
    assert sorted(schema_kinds - set(ids)) == []


PACKAGE = ROOT / "tei"


def _sources() -> dict[str, str]:
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(PACKAGE.rglob("*.py"))}


def test_one_module_makes_xml_parsers():
    makers = sorted(name for name, text in _sources().items() if "XMLParser(" in text)
    assert makers == ["tei/safe_parser.py"]


def test_one_module_spells_the_namespaces():
    spelled = sorted(name for name, text in _sources().items()
                     if "http://www.tei-c.org/ns/1.0" in text
                     or "http://www.w3.org/XML/1998/namespace" in text)
    assert spelled == ["tei/namespaces.py"]


def test_one_module_spells_the_month_names():
    # Half the month names or abbreviations in one module is a list of them; an example
    # date in a comment is not.
    full = re.compile(r"\b(?:january|february|april|june|july|september|october|november"
                      r"|december)\b", re.IGNORECASE)
    short = re.compile(r"\b(?:jan|feb|apr|jun|jul|aug|sep|oct|nov|dec)\b", re.IGNORECASE)
    spelled = sorted(name for name, text in _sources().items()
                     if len({m.lower() for m in full.findall(text)}) >= 6
                     or len({m.lower() for m in short.findall(text)}) >= 6)
    assert spelled == ["tei/date_words.py"]


def test_one_module_holds_the_word_lists_of_the_name_finders():
    # Honorifics, courtesy words, generational suffixes and the words after a name that make
    # it an institution are spelled in the lexicon; every other module imports them. A word
    # from each list stands for it here.
    words = re.compile(r"mademoiselle|monsieur|Cdes\?|\bJnr\b|Libraries|\bSECRET\b\", \"TOP\b")
    spelled = sorted(name for name, text in _sources().items() if words.search(text))
    assert spelled == ["tei/lexicon.py"]


def test_every_error_of_the_package_has_the_root_error_and_a_builtin_base():
    import ast
    import builtins
    import importlib

    from tei.errors import TeiEditionError

    loose = []
    for name, text in _sources().items():
        if name == "tei/__main__.py":  # importing it runs the command
            continue
        module = importlib.import_module(name[:-3].replace("/", "."))
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not (isinstance(cls, type) and issubclass(cls, BaseException)):
                continue
            if cls is TeiEditionError:
                continue
            builtin = [base for base in cls.__mro__[1:]
                       if base is not Exception and base is not BaseException
                       and base is not object and getattr(builtins, base.__name__, None) is base]
            if not issubclass(cls, TeiEditionError) or not builtin:
                loose.append(f"{name}: {node.name}")
    assert loose == []


def test_commands_return_named_exit_codes():
    import re

    bare = [f"{name}:{number}" for name, text in _sources().items()
            if name == "tei/cli.py" or name.startswith("tei/commands/")
            for number, line in enumerate(text.splitlines(), 1)
            if re.search(r"\breturn\s+\d+\b|\belse\s+\d+\s*$", line)]
    assert bare == []
