"""Validate many files: grammar, editorial checks and the ids shared across one run.

Files are independent, so with ``jobs > 1`` they go in batches to worker processes, each
compiling its schemas once (from the pickle cache when it is warm).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tei.errors import TeiEditionError
from tei.sources import files_below
from tei.validate.checks import (
    DEFAULT_DATE_GRACE_DAYS,
    DESCRIPTIONS,
    DOCUMENT_CHECKS,
    CheckOptions,
    run_level_ids,
)
from tei.validate.grammar import grammar_issues, name_of
from tei.validate.issues import Issue, Report, Severity, ValidatedFile
from tei.validate.parts import DocumentParts
from tei.validate.safe_xml import Limits, Locator, XmlProblem, read_xml
from tei.validate.schemas import (
    Grammar,
    Notice,
    is_register,
    load_grammar,
    register_schema,
)
from tei.workers import run_batches

IO_RULE = "io"
INTERNAL_RULE = "internal-error"


class InputMissing(TeiEditionError, ValueError):
    """A path given to validate does not exist."""


@dataclass(frozen=True)
class Settings:
    schemas: tuple[Path | None, ...] = (None,)  # None: the project's schema
    strict: bool = False
    ignore: frozenset[str] = frozenset()
    limits: Limits = field(default_factory=Limits)
    checks: CheckOptions = field(default_factory=CheckOptions)

    @property
    def check_severity(self) -> Severity:
        return "error" if self.strict else "warning"


@dataclass
class _Checked:
    result: ValidatedFile
    ids: list[tuple[str, int, int, str]]  # xml:id, line, column, element name


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """The files to validate: each file given, and every ``*.xml`` below each folder given."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(files_below(path, ".xml"))
        elif path.is_file():
            found.append(path)
        elif path.exists():  # reading a pipe would wait for ever, a device is no document
            raise InputMissing(f"{path}: not a regular file (a device, pipe or socket)")
        else:
            raise InputMissing(f"{path}: no such file or folder")
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path), path)
    return list(unique.values())


def validate_paths(paths: Sequence[str | Path], schema: str | Path | None = None,
                   strict: bool = False, ignore: Iterable[str] = (), *,
                   tei_all: str | Path | None = None, jobs: int = 1,
                   limits: Limits | None = None,
                   date_grace_days: int = DEFAULT_DATE_GRACE_DAYS,
                   notice: Notice | None = None,
                   progress: Callable[[int], None] | None = None,
                   ids: dict[str, list[tuple[str, int, int, str]]] | None = None) -> Report:
    """Validate files and folders; raises :class:`InputMissing` for a path that is not there,
    :class:`tei.validate.schemas.SchemaError` for a schema that cannot be used and
    ``ValueError`` for a check id that does not exist. ``notice`` hears of each schema
    compiled (not loaded from the cache) before its compile starts; ``progress`` how many
    files each finished batch held. The report is the same for every ``jobs``. ``ids``, when
    given, receives each file's run-level ids (xml:id, line, column, element name), for a
    caller that checks them across more files than these (an incremental build)."""
    ignore = frozenset(ignore)
    unknown = sorted(ignore - set(DESCRIPTIONS))
    if unknown:
        raise ValueError(f"unknown check id(s): {', '.join(unknown)}; "
                         f"known: {', '.join(DESCRIPTIONS)}")
    schemas: list[Path | None] = [Path(schema) if schema else None]
    if tei_all:
        official = tei_all_schema(Path(tei_all))
        schemas = [official] if schema is None else [*schemas, official]
    settings = Settings(tuple(schemas), strict, ignore, limits or Limits(),
                        CheckOptions(date_grace_days))
    # Fail early, before workers; a compile here also fills the cache the workers read.
    grammars = [load_grammar(path, notice) for path in settings.schemas]
    files = collect(paths)
    checked = _run(files, settings, jobs, progress)
    if ids is not None:
        ids.update((item.result.file, list(item.ids)) for item in checked)
    if "duplicate-id" not in settings.ignore:
        _flag_shared_ids(checked, settings.check_severity)
    report = Report([item.result for item in checked], [str(g.path) for g in grammars])
    for result in report.files:
        result.issues.sort(key=lambda issue: (issue.line, issue.col, issue.rule, issue.message))
    return report


def tei_all_schema(path: Path) -> Path:
    """A tei_all file as given, or from a folder: the XSD (its compiled form is cached
    between runs) before the RELAX NG."""
    if path.is_dir():
        for name in ("tei_all.xsd", "tei_all.rng"):
            if (path / name).is_file():
                return path / name
        raise InputMissing(f"{path}: holds neither tei_all.xsd nor tei_all.rng")
    if not path.is_file():
        raise InputMissing(f"{path}: no such tei_all schema")
    return path


def _run(files: list[Path], settings: Settings, jobs: int,
         progress: Callable[[int], None] | None = None) -> list[_Checked]:
    return run_batches(_check_batch, files, jobs, _start_worker, (settings,),
                       failed=_worker_died, progress=progress)


_WORKER: tuple[list[Grammar], Settings] | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = ([load_grammar(path) for path in settings.schemas], settings)


def _check_batch(paths: list[Path]) -> list[_Checked]:
    assert _WORKER is not None, "worker started without its schemas"
    grammars, settings = _WORKER
    return [check_file(path, grammars, settings) for path in paths]


def _worker_died(path: Path, reason: str) -> _Checked:
    return _Checked(ValidatedFile(str(path), [Issue(
        str(path), 1, 1, "error", f"{reason}: please report it with the file",
        INTERNAL_RULE)]), [])


def check_file(path: Path, grammars: list[Grammar], settings: Settings) -> _Checked:
    """The findings of one file; a failure of the validator itself becomes that file's
    ``internal-error``, so the other files of the run are still checked and reported."""
    try:
        return _check_file(path, grammars, settings)
    except Exception as exc:  # any library failure on one input must not end the run
        return _Checked(ValidatedFile(str(path), [Issue(
            str(path), 1, 1, "error",
            f"the validator failed on this file ({_describe(exc)}): please report it with "
            "the file", INTERNAL_RULE)]), [])


def _describe(exc: BaseException) -> str:
    # Some library exceptions fail to word themselves: fall back to the type's name.
    try:
        text = " ".join(str(exc).split())
    except Exception:
        text = ""
    name = type(exc).__name__
    return f"{name}: {text[:300]}" if text else name


def _check_file(path: Path, grammars: list[Grammar], settings: Settings) -> _Checked:
    file = str(path)
    result = ValidatedFile(file)
    try:
        tree, data = read_xml(path, settings.limits)
    except XmlProblem as problem:
        result.issues.append(Issue(file, problem.line, problem.col, "error", problem.message,
                                   problem.rule))
        return _Checked(result, [])
    except OSError as exc:
        result.issues.append(Issue(file, 1, 1, "error",
                                   f"cannot read the file: {exc.strerror or exc}", IO_RULE))
        return _Checked(result, [])
    locator = Locator(tree, data)
    root = tree.getroot()
    register = is_register(root)
    parts = DocumentParts(root)
    for schema, grammar in zip(settings.schemas, grammars, strict=True):
        if schema is None and register:
            # The project's schema describes documents; a register beside them is checked
            # as what it is (loaded on the first register only, then kept).
            grammar = load_grammar(register_schema())
        result.issues.extend(grammar_issues(grammar, tree, locator, file, parts))
    severity = settings.check_severity
    for rule, check in DOCUMENT_CHECKS.items():
        if rule in settings.ignore:
            continue
        for element, message in check(parts, settings.checks):
            line, col = locator.where(element)
            result.issues.append(Issue(file, line, col, severity, message, rule))
    ids = [(value, *locator.where(element), name_of(element))
           for value, element in run_level_ids(root)]
    return _Checked(result, ids)


def _flag_shared_ids(checked: list[_Checked], severity: Severity) -> None:
    found = shared_id_issues({item.result.file: item.ids for item in checked}, severity)
    for item in checked:
        item.result.issues.extend(found.get(item.result.file, []))


def shared_id_issues(ids: Mapping[str, Sequence[tuple[str, int, int, str]]],
                     severity: Severity) -> dict[str, list[Issue]]:
    """The ``duplicate-id`` issues per file, from each file's run-level ids
    ``(xml:id, line, column, element name)`` in the order of the files."""
    users: dict[str, list[tuple[str, int, int, str]]] = {}
    for file, places in ids.items():
        for value, line, col, element in places:
            users.setdefault(value, []).append((file, line, col, element))
    found: dict[str, list[Issue]] = {}
    for value, places in users.items():
        files = {file for file, _, _, _ in places}
        if len(files) < 2:
            continue
        for file, line, col, element in places:
            others = sorted(files - {file})
            found.setdefault(file, []).append(Issue(
                file, line, col, severity,
                f"xml:id \"{value}\" of <{element}> is also used in {', '.join(others[:3])}"
                f"{' …' if len(others) > 3 else ''}: ids must be unique across the collection",
                "duplicate-id"))
    return found
