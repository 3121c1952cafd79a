"""Where the schemas, stylesheets and sample corpus are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel ships the folder inside the package; a checkout keeps it at the top level.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation ({_PACKAGE})")


def schemas_dir() -> Path:
    return _find("schemas")


def xslt_dir() -> Path:
    return _find("xslt")


def project_schema() -> Path:
    return schemas_dir() / "tei-edition.xsd"


def report_schema() -> Path:
    """The JSON Schema of the ``--report`` JSON of convert and build."""
    return schemas_dir() / "report.schema.json"
