"""Load a schema once per process: the project's XSD 1.1, any XSD 1.0/1.1, or RELAX NG.

xmlschema compiles large XSDs slowly (tei_all takes many seconds), so a compiled XSD is also
kept between runs as a pickle in the user's cache folder, keyed by the schema's path and
xmlschema's version and checked against the size and mtime of every file it was built from.
RELAX NG (lxml) cannot be pickled and is compiled once per process only.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from lxml import etree

from tei.errors import TeiEditionError
from tei.namespaces import TEI_NS
from tei.resources import project_schema
from tei.safe_parser import safe_parser
from tei.validate.fast import FastSchema, compile_fast

if TYPE_CHECKING:
    import xmlschema  # imported where a schema is compiled: a run that validates nothing
    # (a build with nothing to do, --help) does not pay for it

XSD_NS = "http://www.w3.org/2001/XMLSchema"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
VC_MIN_VERSION = "{http://www.w3.org/2007/XMLSchema-versioning}minVersion"
# Constructs that exist only in XSD 1.1.
XSD11_ONLY = ("assert", "assertion", "alternative", "openContent", "defaultOpenContent",
              "override")
CACHE_ENV = "TEI_EDITION_CACHE_DIR"


class SchemaError(TeiEditionError, ValueError):
    """A schema that cannot be used: unreadable, of an unknown kind, or not compilable."""


@dataclass
class Grammar:
    """A compiled schema and how it is shown in reports."""

    kind: str  # "xsd10", "xsd11" or "rng"
    path: Path
    # Makes the xmlschema.XMLSchemaBase or etree.RelaxNG that ``compiled`` gives.
    load: Callable[[], Any] = field(repr=False)
    # The project's own schemas: libxml2 and Python checks that decide valid or not before
    # xmlschema is asked for its words (tei.validate.fast).
    fast: FastSchema | None = None
    _compiled: Any = field(default=None, init=False, repr=False)

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = self.load()
        return self._compiled

    @property
    def label(self) -> str:
        return self.path.name


_LOADED: dict[tuple[str, int, int], Grammar] = {}
REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")


def register_schema() -> Path:
    """The schema of registers (persons, places, organisations), beside the project's."""
    return project_schema().with_name("tei-register.xsd")


def is_register(root: etree._Element) -> bool:
    """A register rather than a document: a bare listPerson/listPlace/listOrg, or a TEI
    whose content is a standOff and no text."""
    namespace, name = etree.QName(root).namespace, etree.QName(root).localname
    if namespace != TEI_NS:
        return False
    if name in REGISTER_LISTS:
        return True
    return name == "TEI" and root.find(f"{{{TEI_NS}}}standOff") is not None \
        and root.find(f"{{{TEI_NS}}}text") is None


Notice = Callable[[str], None]


def load_grammar(path: Path | None = None, notice: Notice | None = None) -> Grammar:
    """The compiled schema at ``path`` (default: the project's), compiled once per process.

    ``notice`` is told, before a compile that does not come from the cache, what is being
    compiled: tei_all takes tens of seconds the first time, which should not look like a hang.
    """
    path = (path or project_schema()).resolve()
    try:
        stat = path.stat()
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read the schema ({exc.strerror})") from None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    grammar = _LOADED.get(key)
    if grammar is None:
        kind = schema_kind(path)
        fast = compile_fast(path) if kind == "xsd11" and _is_shipped(path) else None
        grammar = Grammar(kind, path, _loader(path, kind, notice), fast)
        if fast is None:
            _ = grammar.compiled  # now: a schema that does not compile fails before any file
        # else xmlschema, slow to import and to load, is needed only to word the errors of
        # a file the fast form refuses: most runs never load it.
        _LOADED[key] = grammar
    return grammar


def _loader(path: Path, kind: str, notice: Notice | None) -> Callable[[], Any]:
    if kind == "rng":
        def rng() -> etree.RelaxNG:
            if notice:
                notice(f"compiling schema {path} (RELAX NG: compiled on every run)")
            return _compile_rng(path)
        return rng
    return lambda: _compile_xsd_cached(path, kind, notice)


def _is_shipped(path: Path) -> bool:
    """One of the project's own schemas, whose assertions tei.validate.fast knows; a user's
    XSD 1.1 schema (--schema) is left to xmlschema."""
    return path in (project_schema().resolve(), register_schema().resolve())


def schema_kind(path: Path) -> str:
    """``rng``, ``xsd11`` (declares vc:minVersion 1.1 or uses a 1.1-only construct) or ``xsd10``."""
    if path.suffix == ".rnc":
        raise SchemaError(f"{path}: RELAX NG compact syntax is not supported; convert it to "
                          "the XML syntax (.rng), e.g. with trang")
    parser = safe_parser()
    try:
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"{path}: not a readable XML schema ({exc})") from None
    if etree.QName(root).namespace == RNG_NS:
        return "rng"
    if root.tag != f"{{{XSD_NS}}}schema":
        raise SchemaError(f"{path}: neither an XSD (xs:schema) nor a RELAX NG schema "
                          f"(root element is {root.tag})")
    version = root.get(VC_MIN_VERSION, "1.0")
    first_11_construct = next(root.iter(*(f"{{{XSD_NS}}}{name}" for name in XSD11_ONLY)), None)
    if _version_at_least_11(version) or first_11_construct is not None:
        return "xsd11"
    return "xsd10"


def _version_at_least_11(version: str) -> bool:
    try:
        return float(version) >= 1.1
    except ValueError:
        return False


def _compile_rng(path: Path) -> etree.RelaxNG:
    parser = safe_parser()
    tree = etree.parse(str(path), parser)
    for ref in tree.iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
        href = ref.get("href", "")
        if urlparse(href).scheme not in ("", "file"):
            raise SchemaError(f"{path}: refers to {href}; schemas are never fetched over the "
                              "network: keep a local copy and point to it")
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise SchemaError(f"{path}: not a usable RELAX NG schema ({exc})") from None


def _compile_xsd(path: Path, kind: str) -> xmlschema.XMLSchemaBase:
    import xmlschema

    cls = xmlschema.XMLSchema11 if kind == "xsd11" else xmlschema.XMLSchema10
    try:
        # allow="local": an import or include pointing at a URL is blocked, never fetched;
        # xmlschema only warns about the block, so the warning is made an error here.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            schema = cls(str(path), allow="local", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SchemaError(f"{path}: the schema does not compile: {message}") from None
    for warning in caught:
        text = str(warning.message)
        if "remote resource" in text:
            raise SchemaError(f"{path}: {text.splitlines()[0]}; schemas are never fetched "
                              "over the network: keep a local copy and point to it")
    return schema


# -- the pickle cache ------------------------------------------------------------------------

def cache_dir() -> Path | None:
    """Where compiled schemas are kept between runs; None when caching is off."""
    setting = os.environ.get(CACHE_ENV)
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "none") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-edition" / "schemas"


def _cache_file(folder: Path, path: Path, kind: str) -> Path:
    import xmlschema

    key = "|".join((str(path), kind, xmlschema.__version__, sys.version.split()[0]))
    return folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


def _sources(schema: xmlschema.XMLSchemaBase) -> list[tuple[str, int, int]]:
    found = []
    for component in schema.maps.iter_schemas():
        url = component.url or ""
        if url.startswith("file:"):
            file = Path(unquote(urlparse(url).path))
            try:
                stat = file.stat()
            except OSError:
                continue
            found.append((str(file), stat.st_size, stat.st_mtime_ns))
    return sorted(set(found))


def _unchanged(sources: list[tuple[str, int, int]]) -> bool:
    for name, size, mtime in sources:
        try:
            stat = os.stat(name)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return False
    return True


def _compile_xsd_cached(path: Path, kind: str,
                        notice: Notice | None = None) -> xmlschema.XMLSchemaBase:
    folder = cache_dir()
    if folder is None:
        if notice:
            notice(f"compiling schema {path} (the schema cache is off: {CACHE_ENV})")
        return _compile_xsd(path, kind)
    file = _cache_file(folder, path, kind)
    schema = _read_cache(file, path)
    if schema is not None:
        return schema
    if notice:
        notice(f"compiling schema {path} (first use; cached afterwards)")
    schema = _compile_xsd(path, kind)
    _write_cache(folder, file, path, schema)
    return schema


def _read_cache(file: Path, path: Path) -> xmlschema.XMLSchemaBase | None:
    try:
        # Only a pickle the user wrote is loaded: unpickling runs code.
        if file.stat().st_uid != os.getuid():
            return None
        with file.open("rb") as handle:
            schema_path, sources, schema = pickle.load(handle)
    except Exception:  # a missing, stale or damaged cache entry is simply rebuilt
        return None
    if schema_path != str(path) or not _unchanged(sources):
        return None
    _restore_assertion_sources(schema)
    return schema


def _restore_assertion_sources(schema: xmlschema.XMLSchemaBase) -> None:
    # elementpath pickles a parser's __dict__ but not its __slots__, so an unpickled parser
    # has no ``source``; wording any XPath error of an assertion then raises AttributeError.
    from xmlschema.validators.assertions import XsdAssert

    for component in schema.maps.iter_components():
        if isinstance(component, XsdAssert):
            parser = getattr(component, "parser", None)
            if parser is not None and not hasattr(parser, "source"):
                parser.source = component.path


def _write_cache(folder: Path, file: Path, path: Path,
                 schema: xmlschema.XMLSchemaBase) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = pickle.dumps((str(path), _sources(schema), schema),
                               protocol=pickle.HIGHEST_PROTOCOL)
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(temp, file)
    except Exception:  # a cache that cannot be written only costs time on the next run
        return
