"""What a build wrote, kept in the build folder, so the next build can take back the
outputs of sources that are gone without touching any other file in the folder, and
leave alone the documents that have not changed.

``OUT/.tei-edition-manifest.json`` holds the key of the build (a digest of what every
document's outputs depend on besides the document: tool version, registers,
edition.toml, stylesheets, schemas, options, conversion date) and, for each source's name
(its place below the corpus, without suffix): the files written for it, relative to OUT,
the digest of its input, the key of its reading page and what the build said about it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from tei import atomic

NAME = ".tei-edition-manifest.json"
VERSION = 2
READABLE = (1, 2)


@dataclass
class Entry:
    """One source in the manifest."""

    files: list[str]
    input: str | None = None  # sha256 of the source's bytes
    page: str | None = None  # the key of its reading page (see tei.render)
    built: bool = False  # converted, valid and rendered: may be kept as it is next time
    record: dict[str, Any] = field(default_factory=dict)  # its findings, names, persons


@dataclass
class Manifest:
    key: str | None = None
    sources: dict[str, Entry] = field(default_factory=dict)


def load(out: Path) -> dict[str, list[str]]:
    """The previous build's outputs per source; empty when there is no readable manifest
    (then nothing is removed: files not known to be ours are left alone)."""
    return {name: entry.files for name, entry in load_manifest(out).sources.items()}


def load_manifest(out: Path) -> Manifest:
    """The previous build's manifest; empty when there is none or it cannot be read. One
    written by an older version gives its files only (every document is built again)."""
    try:
        data = json.loads((out / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(data, dict) or data.get("version") not in READABLE:
        return Manifest()
    sources = data.get("sources")
    if not isinstance(sources, dict):
        return Manifest()
    found: dict[str, Entry] = {}
    for name, value in sources.items():
        if isinstance(value, list):  # version 1: the files only
            found[str(name)] = Entry([str(f) for f in value])
        elif isinstance(value, dict) and isinstance(value.get("files"), list):
            record = value.get("record")
            found[str(name)] = Entry([str(f) for f in value["files"]],
                                     _text(value.get("input")), _text(value.get("page")),
                                     value.get("built") is True,
                                     record if isinstance(record, dict) else {})
    key = data.get("key") if data.get("version") == VERSION else None
    return Manifest(_text(key), found)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _inside(out: Path, relative: str) -> Path | None:
    """OUT/relative, or None for a name that would lead outside OUT."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return out.joinpath(*path.parts)


def remove_stale(out: Path, previous: Mapping[str, list[str]], current: Iterable[str],
                 written: set[str]) -> list[Path]:
    """Remove the files written for sources no longer in ``current`` (and not written again
    in this run: ``written`` holds them as ``str(path)``); folders left empty by that are
    removed too. Returns the files removed."""
    keep = set(current)
    removed: list[Path] = []
    for name, files in previous.items():
        if name in keep:
            continue
        for relative in files:
            path = _inside(out, relative)
            if path is None or os.fspath(path) in written or not path.is_file():
                continue
            path.unlink()
            removed.append(path)
            _remove_empty_parents(path.parent, out)
    return removed


def _remove_empty_parents(folder: Path, out: Path) -> None:
    # Only the subfolders below tei/, html/ and text/: never OUT or those three.
    while folder != out and folder.parent != out:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def save(out: Path, sources: Mapping[str, list[str] | Entry], key: str | None = None) -> None:
    entries = {name: value if isinstance(value, Entry) else Entry(list(value))
               for name, value in sources.items()}
    document = {"version": VERSION, "key": key,
                "sources": {name: {"files": sorted(entry.files), "input": entry.input,
                                   "page": entry.page, "built": entry.built,
                                   "record": entry.record}
                            for name, entry in sorted(entries.items())}}
    # One line: the manifest of a large edition is read on every build.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    try:
        if (out / NAME).read_text(encoding="utf-8") == text:
            return  # unchanged: a build that changed nothing leaves the folder as it was
    except (OSError, ValueError):
        pass
    atomic.write_text(out / NAME, text)
