"""Validation: the project's schema or any XSD/RELAX NG, editorial checks, CI reports.

``validate_paths`` is what the build and the ``tei validate`` command call.
"""

from __future__ import annotations

from tei.validate.issues import Issue, Report, ValidatedFile
from tei.validate.reporters import FORMATS
from tei.validate.rules import RULES, SWITCHABLE
from tei.validate.runner import InputMissing, collect, validate_paths
from tei.validate.safe_xml import Limits
from tei.validate.schemas import SchemaError, load_grammar

__all__ = [
    "FORMATS",
    "RULES",
    "SWITCHABLE",
    "ValidatedFile",
    "InputMissing",
    "Issue",
    "Limits",
    "Report",
    "SchemaError",
    "collect",
    "load_grammar",
    "validate_paths",
]
