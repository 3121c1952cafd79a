"""Errors a person can act on: which file, which line, what is wrong, what to do."""

from __future__ import annotations


class TeiEditionError(Exception):
    """Base class of the project's own errors. Each error also derives from the builtin it
    is a kind of (as xmlschema's do), so ``except ValueError`` in a caller still catches a
    bad value and ``except TeiEditionError`` catches everything the project raises."""


class InputError(TeiEditionError, ValueError):
    """An input file that cannot be converted.

    ``str()`` gives ``file:line: what is wrong. what to do`` so a message can be printed
    as it is.
    """

    def __init__(self, file: str, message: str, hint: str = "", line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class LosslessError(TeiEditionError, ValueError):
    """The TEI does not hold every character of the input: the file is not written."""


class UsageError(TeiEditionError, ValueError):
    """A command given something it cannot use (an output that is a file, a folder it
    cannot write in): printed as one line, exit status 2."""
