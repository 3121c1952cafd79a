"""The exit status of every command, as the README's table gives it."""

from __future__ import annotations

OK = 0  # everything converted, valid, rendered, built or written
FAILED = 1  # some document failed, or a check found it invalid
USAGE = 2  # a mistake in what was given (missing input, unusable output), or an I/O error
INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT), as shells report it
