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
from tei.annotate.document import annotate
from tei.encode import encode
from tei.errors import InputError, LosslessError
from tei.findings import Finding
from tei.model import Document
from tei.parse import read_document
from tei.parse.envelope import decode
from tei.serialize import to_bytes
from tei.settings import EditionSettings
from tei.sourcemap import SourceMap, source_map
from tei.sources import Source
from tei.workers import run_batches

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder


@dataclass
class ConvertedFile:
    """What converting one source gave: its output or its error, and its findings."""

    source: Path
    output: Path | None = None
    error: str | None = None
    warnings: list[Finding] = field(default_factory=list)
    unregistered: list[dict[str, object]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    # From places in the output back to source lines (kept when asked for: the build
    # reports validation findings at the source line).
    lines: SourceMap | None = None
    # Why the output could not be written when the disk (or quota) is full: the run stops.
    no_room: str | None = None


@dataclass
class ConvertRun:
    results: list[ConvertedFile]
    # Why the run ended before its last file (the disk is full), or None.
    stopped: str | None = None

    @property
    def failed(self) -> list[ConvertedFile]:
        return [r for r in self.results if r.error]

    @property
    def converted(self) -> list[ConvertedFile]:
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


@dataclass(frozen=True)
class FinderSpec:
    """How a run's finders were made, so a worker process can make the same ones."""

    registers: tuple[Path, ...]
    tag_unregistered: bool
    defaults: tuple[Path, ...]


@dataclass
class Finders:
    """The register-driven annotators of one run, built once for all its documents."""

    persons: PersonFinder | None = None
    entities: EntityFinder | None = None
    registers: list[str] = field(default_factory=list)  # one line per register file read
    register_warnings: list[str] = field(default_factory=list)
    spec: FinderSpec | None = None


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
                   EntityFinder(loaded.entities), loaded.lines, loaded.warnings,
                   FinderSpec(tuple(registers), tag_unregistered, tuple(defaults)))


def convert_document(doc: Document, raw: str, finders: Finders, settings: EditionSettings,
                     date: str, source_lines: bool = False) -> tuple[bytes, ConvertedFile]:
    """TEI bytes for one parsed document; raises LosslessError when a character is lost.
    With ``source_lines`` the result maps places in the bytes to source lines."""
    fidelity.check_envelope(raw, doc)
    notes = annotate(doc, finders.persons, finders.entities)
    encoded = encode(doc, notes,
                     finders.persons.register if finders.persons else None, settings, date,
                     finders.entities.register if finders.entities else None)
    fidelity.check(doc, encoded.parts)
    result = ConvertedFile(Path(doc.name), persons=list(notes.persons),
                        unregistered=list(notes.unregistered))
    result.warnings = [Finding(doc.name, w.line, None, "warning", w.message, w.rule)
                       for w in sorted([*doc.warnings, *notes.warnings], key=lambda w: w.line)]
    data = to_bytes(encoded.tree)
    if source_lines:
        result.lines = source_map(doc, encoded, data)
    return data, result


def convert_file(path: Path, output: Path, finders: Finders, settings: EditionSettings,
                 date: str, source_lines: bool = False) -> ConvertedFile:
    """Convert one file; every failure, even a defect of the converter, is this file's
    error (naming it), so that the other files of a batch still convert. An OSError while
    writing is the output's: see convert_paths."""
    try:
        doc = read_document(path)
        raw = decode(path.read_bytes(), str(path)).removeprefix("\ufeff")
        data, result = convert_document(doc, raw, finders, settings, date, source_lines)
    except (InputError, LosslessError) as exc:
        return ConvertedFile(path, error=str(exc))
    except OSError as exc:
        return ConvertedFile(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001  (a converter defect must not stop the batch)
        return ConvertedFile(path, error=internal_error(path, exc))
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
                  progress: Callable[[int], None] | None = None,
                  source_lines: bool = False, *, jobs: int = 1) -> ConvertRun:
    """Convert each source to OUTDIR/<its name>.xml, in ``jobs`` processes (each loading the
    registers once); the results are in the order of the inputs whatever ``jobs`` is. An
    output already written in this run is never overwritten (the second source is reported
    instead). A failed write is the file's error; when the disk is full the run stops
    there. ``progress`` hears how many files each finished batch held."""
    date = conversion_date()
    claimed: dict[Path, int] = {}  # output -> the first input that writes it
    tasks: list[tuple[Path, Path]] = []
    later: list[tuple[int, Path, Path]] = []  # inputs whose output an earlier one claims
    for number, source in enumerate(inputs):
        output = source.output(outdir, ".xml")
        if output in claimed:
            later.append((number, source.path, output))
        else:
            claimed[output] = number
            tasks.append((source.path, output))
    workers = max(1, min(jobs, len(tasks)))
    # In this process the finders are used as they are; workers load the registers again
    # from the files (cheaper than sending the finders, and each does it once).
    finder_state: Finders | FinderSpec = finders if workers == 1 or finders.spec is None \
        else finders.spec
    done = run_batches(_convert_batch, tasks, workers, _start_converter,
                       (finder_state, settings, date, source_lines),
                       failed=_worker_died, progress=progress)
    by_input: dict[int, ConvertedFile | None] = {}
    for (_, output), result in zip(tasks, done, strict=True):
        by_input[claimed[output]] = result
    _convert_later(later, claimed, by_input, finders, settings, date, source_lines, progress)
    results = [r for n in sorted(by_input) if (r := by_input[n]) is not None]
    stopped = next((r for r in results if r.no_room), None)
    if stopped is None:
        return ConvertRun(results)
    # As if the run had stopped at the first file that found the disk full, whatever -j:
    # the later files are not converted, except those another process had written.
    first = results.index(stopped)
    results = results[:first + 1] + [r for r in results[first + 1:] if r.output]
    left = len(inputs) - len(results)
    return ConvertRun(results, f"{outdir}: {stopped.no_room}: stopped, the remaining "
                               f"{left} file(s) were not converted")


def _convert_later(later, claimed, by_input, finders, settings, date, source_lines,
                   progress) -> None:
    """A second input for an output: converted only when the first did not write it."""
    written: dict[Path, Path] = {}
    for output, number in claimed.items():
        result = by_input.get(number)
        if result is not None and result.output:
            written[output] = result.source
    for number, path, output in later:
        if output in written:
            by_input[number] = ConvertedFile(path, error=(
                f"{path}: its output {output} was already written in this run from "
                f"{written[output]} (rename one of them)"))
        else:
            result = _convert_one(path, output, finders, settings, date, source_lines)
            by_input[number] = result
            if result.output:
                written[output] = path
        if progress:
            progress(1)


def _convert_one(path: Path, output: Path, finders: Finders, settings: EditionSettings,
                 date: str, source_lines: bool) -> ConvertedFile:
    try:
        return convert_file(path, output, finders, settings, date, source_lines)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        result = ConvertedFile(path, error=f"{output}: cannot write: {reason}")
        if exc.errno in _NO_ROOM:
            result.no_room = reason
        return result


_CONVERTER: tuple[Finders, EditionSettings, str, bool] | None = None
# Set in a worker once its disk is full: the rest of its work is not attempted.
_NO_ROOM_SEEN = False


def _start_converter(finders: Finders | FinderSpec, settings: EditionSettings, date: str,
                     source_lines: bool) -> None:
    global _CONVERTER, _NO_ROOM_SEEN
    if isinstance(finders, FinderSpec):
        finders = make_finders(list(finders.registers), finders.tag_unregistered,
                               list(finders.defaults))
    _CONVERTER = (finders, settings, date, source_lines)
    _NO_ROOM_SEEN = False


def _convert_batch(tasks: list[tuple[Path, Path]]) -> list[ConvertedFile | None]:
    global _NO_ROOM_SEEN
    assert _CONVERTER is not None, "converter started without its registers"
    finders, settings, date, source_lines = _CONVERTER
    results: list[ConvertedFile | None] = []
    for path, output in tasks:
        if _NO_ROOM_SEEN:
            results.append(None)  # not attempted: nothing more can be written
            continue
        result = _convert_one(path, output, finders, settings, date, source_lines)
        _NO_ROOM_SEEN = result.no_room is not None
        results.append(result)
    return results


def _worker_died(task: tuple[Path, Path], reason: str) -> ConvertedFile:
    return ConvertedFile(task[0], error=f"{task[0]}: {reason}")
