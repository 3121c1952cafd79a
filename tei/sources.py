"""The input files of a command and the name each one's outputs get.

A file found in a folder keeps its place below that folder (``coll/a/report.txt`` given as
``coll`` is ``a/report``), so files of the same name in different folders do not share an
output; a file given by itself is named by its own name. Suffixes are compared without
regard to case (``.TXT`` is a ``.txt``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei.errors import InputError


@dataclass(frozen=True)
class Source:
    path: Path
    name: PurePosixPath  # relative output name without suffix, e.g. ``a/report``

    def output(self, folder: Path, suffix: str) -> Path:
        return folder.joinpath(*self.name.parts[:-1], self.name.name + suffix)


def name_too_long(source: Source, folder: Path, suffixes: Iterable[str]) -> str | None:
    """The first output name of ``source`` longer than the file system under ``folder``
    allows, or None."""
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    for suffix in suffixes:
        name = source.name.name + suffix
        if len(os.fsencode(name)) > limit:
            return name
    return None


def files_below(folder: Path, suffix: str) -> list[Path]:
    """The regular files (or links to one) with ``suffix`` anywhere below ``folder``, in the
    order of ``sorted(folder.rglob("*"))``: links to folders are not followed, and a folder
    that may not be read is passed over, as ``rglob`` does. One ``scandir`` per folder:
    ``rglob`` and a ``stat`` per file took a quarter of a second for 10,000 files."""
    wanted = suffix.lower()
    found: list[tuple[str, ...]] = []
    pending: list[tuple[str, ...]] = [()]
    while pending:
        below = pending.pop()
        try:
            with os.scandir(os.path.join(folder, *below)) as entries:
                for entry in entries:
                    name = entry.name
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((*below, name))
                    elif _suffix(name).lower() == wanted and entry.is_file():
                        found.append((*below, name))
        except PermissionError:
            continue
    found.sort()  # a Path sorts by its parts
    return [folder.joinpath(*parts) for parts in found]


def _suffix(name: str) -> str:
    # PurePath.suffix, for a name: from its last dot, unless the name begins or ends there.
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def check_regular(path: Path) -> None:
    """Raise InputError unless ``path`` is a regular file (or a link to one)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(str(path), "no such file or folder") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise InputError(str(path), "not a regular file (a device, pipe or socket)",
                         "give a file or a folder")


def collect_sources(paths: Iterable[Path], suffix: str) -> list[Source]:
    """Files given, and the files with ``suffix`` below folders given (sorted per folder);
    raises InputError for a path that does not exist or is not a regular file or folder."""
    found: list[Source] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        check_regular(given)
        if given.is_dir():
            # Each file's place below the folder, without its suffix (``with_suffix("")``
            # of its relative path, made from its parts: a path operation per file costs
            # more than all the rest of listing a large folder).
            top = len(given.parts)
            items = []
            for path in files_below(given, suffix):
                *below, name = path.parts[top:]
                items.append(Source(path, PurePosixPath(*below,
                                                        name[:-len(_suffix(name))])))
        else:
            items = [Source(given, PurePosixPath(given.stem))]
        folders: dict[Path, Path] = {}
        for item in items:
            key = resolved(item.path, folders)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """``path.resolve()``, its folder resolved once for all the files in it (``folders``
    keeps them): a file that is no link resolves to its name in its resolved folder."""
    if path.is_symlink():
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name
