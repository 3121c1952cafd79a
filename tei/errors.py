"""Errors a person can act on: which file, which line, what is wrong, what to do."""

from __future__ import annotations


class TeiEditionError(Exception):
    """Base class of the project's own errors."""


class InputError(TeiEditionError):
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


class LosslessError(TeiEditionError):
    """The TEI does not hold every character of the input: the file is not written."""


class UsageError(TeiEditionError):
    """A command given something it cannot use (an output that is a file, a folder it
    cannot write in): printed as one line, exit status 2."""
