"""Faults of the file system for the command-line tests, switched on by TEI_TEST_FAULT in a
``tei`` subprocess started with this folder on PYTHONPATH (Python imports sitecustomize at
start-up). Only the operating-system calls are replaced, never the project's code:

    enospc:FOLDER   a file opened for writing under FOLDER takes 4096 bytes, then the disk
                    is full (ENOSPC), as on a real full disk
    readonly:FOLDER creating a file under FOLDER fails with EACCES (a read-only folder;
                    the tests run as root, for whom permissions are no obstacle)
    unreadable:FOLDER  opening a file under FOLDER for reading fails with EACCES
"""

from __future__ import annotations

import errno
import io
import os

_FAULT, _, _FOLDER = os.environ.get("TEI_TEST_FAULT", "").partition(":")


def _under(path: object) -> bool:
    try:
        return os.path.abspath(os.fsdecode(path)).startswith(os.path.abspath(_FOLDER) + os.sep)
    except TypeError:
        return False


if _FAULT == "readonly":
    _open = os.open

    def _refusing_open(path, flags, mode=0o777, *, dir_fd=None):
        if flags & os.O_CREAT and _under(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return _open(path, flags, mode, dir_fd=dir_fd)

    os.open = _refusing_open

elif _FAULT == "unreadable":
    _plain_open = io.open

    def _refusing_read(file, mode="r", *args, **kwargs):
        if not any(c in mode for c in "wax+") and isinstance(file, (str, bytes, os.PathLike)) \
                and _under(file):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(file))
        return _plain_open(file, mode, *args, **kwargs)

    io.open = _refusing_read

elif _FAULT == "enospc":
    _fdopen = os.fdopen
    _LIMIT = 4096

    class _FullDisk:
        def __init__(self, stream) -> None:
            self._stream = stream
            self._written = 0

        def write(self, data) -> int:
            room = _LIMIT - self._written
            if len(data) > room:
                self._stream.write(data[:room])
                self._stream.flush()
                self._written = _LIMIT
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self._written += len(data)
            return self._stream.write(data)

        def __getattr__(self, name):
            return getattr(self._stream, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self._stream.close()

    def _filling_fdopen(fd, mode="r", *args, **kwargs):
        stream = _fdopen(fd, mode, *args, **kwargs)
        if "w" in mode and _under(os.readlink(f"/proc/self/fd/{fd}")):
            return _FullDisk(stream)
        return stream

    _io_open = io.open

    def _filling_open(file, mode="r", *args, **kwargs):
        stream = _io_open(file, mode, *args, **kwargs)
        if any(c in mode for c in "wax") and isinstance(file, (str, bytes, os.PathLike)) \
                and _under(file):
            return _FullDisk(stream)
        return stream

    os.fdopen = _filling_fdopen
    io.open = _filling_open
