"""Reading the registers of a run: which files, what each gave, and what was left out.

Registers come from two places: the files named with ``--register`` and the default
registers beside the inputs (``persons.xml``, ``places.xml``). A named file replaces the
defaults of the kind it holds and no other: naming a person register keeps the default
``places.xml``, naming a place register keeps the default ``persons.xml``. Every file is
parsed once; one line per file says what it gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.namespaces import TEI_NS
from tei.person_register import Register
from tei.place_register import EntityRegister
from tei.register_base import parse_register


@dataclass
class LoadedRegisters:
    persons: Register
    entities: EntityRegister
    lines: list[str] = field(default_factory=list)  # one per file: what it gave
    warnings: list[str] = field(default_factory=list)  # namespace, duplicate persons


def load_registers(named: Sequence[Path], defaults: Sequence[Path] = ()) -> LoadedRegisters:
    """The person and place/organisation registers of a run (see the module docstring)."""
    named = _unique(named)
    given = {p.resolve() for p in named}
    defaults = [p for p in _unique(defaults) if p.resolve() not in given]
    roots: dict[Path, etree._Element] = {}
    warnings: list[str] = []
    for path in named:
        roots[path], found = parse_register(path)
        warnings += found
    named_persons = any(_holds(roots[p], "person") for p in named)
    named_places = any(_holds(roots[p], "place", "org") for p in named)
    if named_persons and named_places:
        defaults_read: list[Path] = []
    else:
        defaults_read = defaults
    for path in defaults_read:
        roots[path], found = parse_register(path)
        warnings += found
    person_files = named + ([] if named_persons else defaults_read)
    entity_files = named + ([] if named_places else defaults_read)
    persons = Register.load(person_files, roots)
    entities = EntityRegister.load(entity_files, roots)
    lines = [_line(path, roots[path], persons, entities, path in person_files,
                   path in entity_files) for path in [*named, *defaults_read]]
    lines += [f"register {path}: not read (the --register files give persons, places and "
              "organisations)" for path in defaults if path not in defaults_read]
    warnings += [f"warning: {d}" for d in persons.duplicates]
    return LoadedRegisters(persons, entities, lines, warnings)


def _holds(root: etree._Element, *tags: str) -> bool:
    return any(True for _ in root.iter(*(f"{{{TEI_NS}}}{t}" for t in tags)))


def _unique(paths: Sequence[Path]) -> list[Path]:
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(Path(path).resolve(), Path(path))
    return list(seen.values())


def _line(path: Path, root: etree._Element, persons: Register, entities: EntityRegister,
          read_persons: bool, read_entities: bool) -> str:
    parts: list[str] = []
    if _holds(root, "person"):
        report = next((r for r in persons.reports if r.path == str(path)), None)
        if read_persons and report is not None:
            parts.append(report.line().split(": ", 1)[1])
        else:
            parts.append("its persons not read (a --register file gives the persons)")
    if _holds(root, "place", "org"):
        if read_entities:
            mine = [e for e in entities.entities.values() if e.source == str(path)]
            places = sum(1 for e in mine if e.kind == "place")
            parts.append(f"{places} place(s), {len(mine) - places} organisation(s)")
        else:
            parts.append("its places and organisations not read (a --register file gives "
                         "them)")
    return f"register {path}: " + "; ".join(parts)
