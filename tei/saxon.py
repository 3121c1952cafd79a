"""Starting Saxon without changing the process locale."""

from __future__ import annotations

import locale
from typing import Any


def start_saxon() -> Any:
    """A new Saxon processor (saxonche has no type information, hence ``Any``).

    Starting Saxon sets the process locale from the environment; xmlschema's XPath then
    asks for a collation that may not be installed and, on failure, never releases its
    locale lock, so a later schema load hangs. The locale is kept as it was.
    """
    from saxonche import PySaxonProcessor

    previous = locale.setlocale(locale.LC_ALL)
    try:
        return PySaxonProcessor(license=False)
    finally:
        locale.setlocale(locale.LC_ALL, previous)
