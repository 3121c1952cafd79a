"""The one way every command writes a file: whole or not at all, with the usual mode.

A unique temporary file in the target folder (so ``os.replace`` is a rename on one file
system, and two writers never share a temporary name), renamed over the target when it
is complete. ``mkstemp`` creates files with mode 600; the result gets the mode any other
new file would get (0666 less the umask), so a web server running as another user can
read a published site. The temporary file is removed on any error.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

# Short, so that the temporary name stays under the 255-byte limit of a file name even
# when the target's own name is close to it.
_PREFIX = ".tei-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode of a newly created regular file under the current umask."""
    return 0o666 & ~_umask()


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; raises OSError (no temporary file is left).

    A link is followed (the file it points to is replaced, the link stays); a device or
    pipe (``-o /dev/stdout``) is written to as it is, never renamed over."""
    path = Path(path)
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        with open(path, "wb") as stream:
            stream.write(data)
        return path
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), file_mode())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        # Name the file the caller wanted, not the temporary one.
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8, atomically. A lone surrogate (a byte of a file name that is
    not UTF-8) is written as its escape ``\\udcxx``, which in JSON is that same character."""
    return write_bytes(path, text.encode("utf-8", "backslashreplace"))
