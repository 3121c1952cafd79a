"""The layering of docs/architecture.md, enforced on the imports of tei/ (read with ast).

Each module of the package belongs to one layer; a module may import from its own layer
and from earlier ones, never from a later one. Beyond the order: the parser knows no XML,
the annotators neither XML nor the encoder, and annotate, encode and fidelity speak to
each other only through the model. Today's exceptions are listed one by one in
KNOWN_EXCEPTIONS, so a new one fails the test and a fixed one must leave the list."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tei"

# In pipeline order; a module's layer is its longest matching prefix.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("tei.model", "tei.namespaces", "tei.errors", "tei.exitcodes", "tei.limits",
              "tei.findings", "tei.languages", "tei.progress", "tei.resources", "tei.atomic",
              "tei.sources", "tei.settings", "tei.safe_parser", "tei.lexicon", "tei.date_words",
              "tei.workers", "tei.shards", "tei.saxon")),
    ("parse", ("tei.parse",)),
    ("annotate", ("tei.annotate", "tei.register_base", "tei.person_register",
                  "tei.place_register", "tei.register_loading")),
    ("encode", ("tei.encode", "tei.inline", "tei.serialize")),
    ("fidelity", ("tei.fidelity",)),
    ("validate", ("tei.validate",)),
    ("render", ("tei.render", "tei.outputs", "tei.citation", "tei.search_index",
                "tei.site_listing", "tei.site_run", "tei.site_cache")),
    ("deposit", ("tei.deposit",)),
    ("drive", ("tei.convert", "tei.build", "tei.report", "tei.manifest", "tei.sourcemap",
               "tei.cli", "tei.commands", "tei.__main__", "tei")),
]
ORDER = [name for name, _ in LAYERS]

# Imports a layer must never make, beyond the order.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "parse": ("lxml", "saxonche", "xmlschema"),  # the layout only: no XML
    "annotate": ("saxonche", "xmlschema"),
    # annotate, encode and fidelity meet only in the model.
    "encode": ("tei.annotate", "tei.parse", "tei.fidelity"),
    "fidelity": ("tei.annotate", "tei.parse", "tei.encode", "tei.inline"),
}
# The annotators proper (not the register readers, which read TEI files) know no XML.
ANNOTATORS_FORBIDDEN = ("lxml",)

# (importer, imported): each a known break of the layering, to be removed as it is fixed.
KNOWN_EXCEPTIONS = {
    # fidelity removes the envelope's layout normalisation with the parser's own function.
    ("tei.fidelity", "tei.parse.envelope"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> set[str]:
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            # "from tei import x" imports the module tei.x when there is one.
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if _is_module(candidate):
                    found.add(candidate)
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("tei."):
        return False
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative).is_dir()


def layer_of(module: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, prefixes in LAYERS:
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), name)
    return best[1] if best else None


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path, _module_name(path))
            for path in sorted(PACKAGE.rglob("*.py"))}


def _breaks() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for module, imported in _graph().items():
        layer = layer_of(module)
        assert layer is not None
        for target in imported:
            if module.startswith("tei.annotate") and target.split(".")[0] in ANNOTATORS_FORBIDDEN:
                found.add((module, target))
            if any(target == f or target.startswith(f + ".") for f in FORBIDDEN.get(layer, ())):
                found.add((module, target))
            if target == "tei" or not target.startswith("tei."):
                continue
            if target == "tei.__version__":
                continue
            target_layer = layer_of(target)
            assert target_layer is not None, f"{target} (imported by {module}) has no layer"
            if ORDER.index(target_layer) > ORDER.index(layer):
                found.add((module, target))
    return found


def test_every_module_has_a_layer():
    assert sorted(m for m in _graph() if layer_of(m) is None) == []


def test_no_import_breaks_the_layering_beyond_the_known_exceptions():
    assert sorted(_breaks() - KNOWN_EXCEPTIONS) == []


def test_every_known_exception_still_exists():
    # A fixed exception leaves the list, so the list stays the truth.
    assert sorted(KNOWN_EXCEPTIONS - _breaks()) == []


@pytest.mark.parametrize(("importer", "imported", "expected"), [
    ("tei.parse.header", "lxml", True),
    ("tei.annotate.dates", "tei.encode", True),
    ("tei.annotate.dates", "tei.inline", True),
    ("tei.model", "tei.parse", True),
    ("tei.fidelity", "tei.annotate.footnotes", True),
    ("tei.render", "tei.validate", False),
])
def test_the_rules_catch_a_break(importer, imported, expected):
    layer = layer_of(importer)
    target = layer_of(imported) if imported.startswith("tei") else None
    later = target is not None and ORDER.index(target) > ORDER.index(layer)
    forbidden = any(imported == f or imported.startswith(f + ".")
                    for f in FORBIDDEN.get(layer, ()))
    annotator_xml = importer.startswith("tei.annotate") and imported in ANNOTATORS_FORBIDDEN
    assert (later or forbidden or annotator_xml) is expected
