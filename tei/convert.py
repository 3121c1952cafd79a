"""Convert plain-text documents to TEI files: parse, annotate, encode, check, write.

One file's failure never stops the others; a file is written only when the lossless
check holds, and atomically, so a half-written TEI file never appears.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tei import atomic, fidelity
from tei.annotate.dates import normalize_date_line
from tei.annotate.document import annotate, document_date
from tei.annotate.header import header_facts
from tei.encode import encode
from tei.errors import InputError, LosslessError
from tei.findings import Finding
from tei.model import Document, Warning_
from tei.parse import read_document
from tei.parse.envelope import decode
from tei.serialize import to_bytes
from tei.settings import EditionSettings
from tei.sourcemap import SourceMap, source_map
from tei.sources import Source

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder


@dataclass
class FileResult:
    source: Path
    output: Path | None = None
    error: str | None = None
    warnings: list[Finding] = field(default_factory=list)
    unregistered: list[dict[str, object]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    # From places in the output back to source lines (kept when asked for: the build
    # reports validation findings at the source line).
    lines: SourceMap | None = None


@dataclass
class ConvertRun:
    results: list[FileResult]
    # Why the run ended before its last file (the disk is full), or None.
    stopped: str | None = None

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    @property
    def converted(self) -> list[FileResult]:
        return [r for r in self.results if not r.error]


# Write errors after which no further output can be written either.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def conversion_date() -> str:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    else:
        moment = _dt.datetime.now(tz=_dt.UTC)
    return moment.date().isoformat()


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
    registers: list[str] = field(default_factory=list)  # one line per register file read
    register_warnings: list[str] = field(default_factory=list)


def make_finders(registers: Sequence[Path], tag_unregistered: bool = False,
                 defaults: Sequence[Path] = ()) -> Finders:
    """Person, place and organisation finders over the register files (each file may hold
    any of them; a finder reads only its own). ``defaults`` are the registers beside the
    inputs: read for each kind that no file of ``registers`` gives (see
    :mod:`tei.register_loading`). Without registers the person finder still reports the
    person-like names it sees, so an editor knows what to register."""
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder
    from tei.register_loading import load_registers

    loaded = load_registers(list(registers), list(defaults))
    return Finders(PersonFinder(loaded.persons, tag_unregistered=tag_unregistered),
                   EntityFinder(loaded.entities), loaded.lines, loaded.warnings)


def convert_document(doc: Document, raw: str, finders: Finders, settings: EditionSettings,
                     date: str, source_lines: bool = False) -> tuple[bytes, FileResult]:
    """TEI bytes for one parsed document; raises LosslessError when a character is lost.
    With ``source_lines`` the result maps places in the bytes to source lines."""
    fidelity.check_envelope(raw, doc)
    doc.header.when = document_date(doc)
    line = doc.header.date_line
    if line is not None and normalize_date_line(line.text) is None:
        doc.warnings.append(Warning_(doc.line_of(line.start), f"the date line {line.text!r} "
                                     "names no real day: kept as text, not as the date"))
    notes = annotate(doc, finders.persons, finders.entities)
    facts = header_facts(doc, notes, finders.persons, finders.entities)
    encoded = encode(doc, notes,
                     finders.persons.register if finders.persons else None, settings, date,
                     finders.entities.register if finders.entities else None, facts)
    fidelity.check(doc, encoded.parts)
    result = FileResult(Path(doc.name), persons=list(notes.persons),
                        unregistered=list(notes.unregistered))
    result.warnings = [Finding(doc.name, w.line, None, w.rule, "warning", w.message)
                       for w in sorted([*doc.warnings, *notes.warnings], key=lambda w: w.line)]
    data = to_bytes(encoded.tree)
    if source_lines:
        result.lines = source_map(doc, encoded, data)
    return data, result


def convert_file(path: Path, output: Path, finders: Finders, settings: EditionSettings,
                 date: str, source_lines: bool = False) -> FileResult:
    """Convert one file; every failure, even a defect of the converter, is this file's
    error (naming it), so that the other files of a batch still convert. An OSError while
    writing is the output's: see convert_paths."""
    try:
        doc = read_document(path)
        raw = decode(path.read_bytes(), str(path)).removeprefix("\ufeff")
        data, result = convert_document(doc, raw, finders, settings, date, source_lines)
    except (InputError, LosslessError) as exc:
        return FileResult(path, error=str(exc))
    except OSError as exc:
        return FileResult(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001  (a converter defect must not stop the batch)
        return FileResult(path, error=internal_error(path, exc))
    result.source = path
    atomic.write_bytes(output, data)  # an OSError here is the output's: see convert_paths
    result.output = output
    return result


def internal_error(path: Path, exc: BaseException) -> str:
    """The message for a converter defect met on one file: which file, which error."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (f"{path}: internal error while converting ({type(exc).__name__}"
            f"{': ' + detail if detail else ''}); the file was not written, please report "
            "it with the input")


def convert_paths(inputs: Sequence[Source], outdir: Path, finders: Finders,
                  settings: EditionSettings,
                  progress: Callable[[str], None] | None = None,
                  source_lines: bool = False) -> ConvertRun:
    """Convert each source to OUTDIR/<its name>.xml; an output already written in this run
    is never overwritten (the second source is reported instead). A failed write is the
    file's error; when the disk is full the run stops there."""
    date = conversion_date()
    results: list[FileResult] = []
    written: dict[Path, Path] = {}
    for number, source in enumerate(inputs):
        if progress:
            progress(source.path.name)
        output = source.output(outdir, ".xml")
        if output in written:
            results.append(FileResult(source.path, error=(
                f"{source.path}: its output {output} was already written in this run from "
                f"{written[output]} (rename one of them)")))
            continue
        try:
            result = convert_file(source.path, output, finders, settings, date, source_lines)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            results.append(FileResult(source.path, error=f"{output}: cannot write: {reason}"))
            if exc.errno in _NO_ROOM:
                left = len(inputs) - number - 1
                return ConvertRun(results, f"{outdir}: {reason}: stopped, the remaining "
                                           f"{left} file(s) were not converted")
            continue
        if result.output:
            written[output] = source.path
        results.append(result)
    return ConvertRun(results)
