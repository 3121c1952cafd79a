"""Convert plain-text documents to TEI files: parse, annotate, encode, check, write.

One file's failure never stops the others; a file is written only when the lossless
check holds, and atomically, so a half-written TEI file never appears.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tei import fidelity
from tei.annotate.dates import normalize_date_line
from tei.annotate.document import annotate, document_date
from tei.encode import encode
from tei.errors import InputError, LosslessError
from tei.model import Document, Warning_
from tei.parse import read_document
from tei.serialize import to_bytes
from tei.settings import EditionSettings

if TYPE_CHECKING:
    from tei.annotate.entities import EntityFinder
    from tei.annotate.persons import PersonFinder


@dataclass
class FileResult:
    source: Path
    output: Path | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    unregistered: list[dict[str, object]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)


@dataclass
class ConvertRun:
    results: list[FileResult]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.error]


def conversion_date() -> str:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    else:
        moment = _dt.datetime.now(tz=_dt.UTC)
    return moment.date().isoformat()


def collect_inputs(paths: Sequence[Path], suffix: str) -> list[Path]:
    """Files given, and the files with ``suffix`` in folders given, sorted; raises on a
    path that does not exist."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{suffix}") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


def default_registers(inputs: Sequence[Path]) -> list[Path]:
    """``persons.xml`` and ``places.xml`` beside the inputs (the corpus's registers)."""
    folders = dict.fromkeys(p if p.is_dir() else p.parent for p in inputs)
    return [f / name for f in folders for name in ("persons.xml", "places.xml")
            if (f / name).is_file()]


@dataclass
class Finders:
    """The register-driven annotators of one run, built once for all its documents."""

    persons: PersonFinder | None = None
    entities: EntityFinder | None = None


def make_finders(registers: Sequence[Path], tag_unregistered: bool = False) -> Finders:
    """Person, place and organisation finders over the same register files (each file may
    hold any of them; a finder reads only its own). Without registers the person finder
    still reports the person-like names it sees, so an editor knows what to register."""
    from tei.annotate.entities import EntityFinder
    from tei.annotate.persons import PersonFinder
    from tei.entities import EntityRegister
    from tei.register import Register

    return Finders(PersonFinder(Register.load(list(registers)),
                                tag_unregistered=tag_unregistered),
                   EntityFinder(EntityRegister.load(list(registers))))


def convert_document(doc: Document, raw: str, finders: Finders, settings: EditionSettings,
                     date: str) -> tuple[bytes, FileResult]:
    """TEI bytes for one parsed document; raises LosslessError when a character is lost."""
    fidelity.check_envelope(raw, doc)
    doc.header.when = document_date(doc)
    line = doc.header.date_line
    if line is not None and normalize_date_line(line.text) is None:
        doc.warnings.append(Warning_(doc.line_of(line.start), f"the date line {line.text!r} "
                                     "names no real day: kept as text, not as the date"))
    notes = annotate(doc, finders.persons, finders.entities)
    encoded = encode(doc, notes,
                     finders.persons.register if finders.persons else None, settings, date,
                     finders.entities.register if finders.entities else None)
    fidelity.check(doc, encoded.parts)
    result = FileResult(Path(doc.name), persons=list(notes.persons),
                        unregistered=list(notes.unregistered))
    result.warnings = [f"{doc.name}:{w.line}: warning: {w.message}"
                       for w in sorted([*doc.warnings, *notes.warnings], key=lambda w: w.line)]
    return to_bytes(encoded.tree), result


def convert_file(path: Path, outdir: Path, finders: Finders, settings: EditionSettings,
                 date: str) -> FileResult:
    """Convert one file; every failure, even a defect of the converter, is this file's
    error (naming it), so that the other files of a batch still convert."""
    try:
        doc = read_document(path)
        raw = path.read_bytes().decode("utf-8-sig")
        data, result = convert_document(doc, raw, finders, settings, date)
    except (InputError, LosslessError) as exc:
        return FileResult(path, error=str(exc))
    except OSError as exc:
        return FileResult(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001  (a converter defect must not stop the batch)
        return FileResult(path, error=internal_error(path, exc))
    result.source = path
    result.output = outdir / f"{path.stem}.xml"
    try:
        write_atomic(result.output, data)
    except OSError as exc:
        return FileResult(path, error=f"{result.output}: cannot write: {exc.strerror or exc}")
    return result


def internal_error(path: Path, exc: BaseException) -> str:
    """The message for a converter defect met on one file: which file, which error."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (f"{path}: internal error while converting ({type(exc).__name__}"
            f"{': ' + detail if detail else ''}); the file was not written, please report "
            "it with the input")


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def convert_paths(inputs: Sequence[Path], outdir: Path, finders: Finders,
                  settings: EditionSettings,
                  progress: Callable[[str], None] | None = None) -> ConvertRun:
    date = conversion_date()
    results = []
    for path in inputs:
        if progress:
            progress(path.name)
        results.append(convert_file(path, outdir, finders, settings, date))
    return ConvertRun(results)
