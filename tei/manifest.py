"""What a build wrote, kept in the build folder, so the next build can take back the
outputs of sources that are gone without touching any other file in the folder.

``OUT/.tei-edition-manifest.json`` maps each source's name (its place below the corpus,
without suffix) to the files written for it, relative to OUT.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from tei import atomic

NAME = ".tei-edition-manifest.json"
VERSION = 1


def load(out: Path) -> dict[str, list[str]]:
    """The previous build's outputs per source; empty when there is no readable manifest
    (then nothing is removed: files not known to be ours are left alone)."""
    try:
        data = json.loads((out / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    sources = data.get("sources")
    if not isinstance(sources, dict):
        return {}
    return {str(name): [str(f) for f in files] for name, files in sources.items()
            if isinstance(files, list)}


def _inside(out: Path, relative: str) -> Path | None:
    """OUT/relative, or None for a name that would lead outside OUT."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return out.joinpath(*path.parts)


def remove_stale(out: Path, previous: Mapping[str, list[str]], current: Iterable[str],
                 written: set[Path]) -> list[Path]:
    """Remove the files written for sources no longer in ``current`` (and not written again
    in this run); folders left empty by that are removed too. Returns the files removed."""
    keep = set(current)
    removed: list[Path] = []
    for name, files in previous.items():
        if name in keep:
            continue
        for relative in files:
            path = _inside(out, relative)
            if path is None or path in written or not path.is_file():
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


def save(out: Path, sources: Mapping[str, list[str]]) -> None:
    document = {"version": VERSION,
                "sources": {name: sorted(files) for name, files in sorted(sources.items())}}
    atomic.write_text(out / NAME, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
