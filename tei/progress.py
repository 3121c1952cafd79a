"""Progress of a long stage on the terminal: count, rate and time left, from tqdm.

tqdm draws one line that it redraws in place, measures the rate with smoothing, adapts to
the width of the terminal and cleans up after itself; it is silent (and costs nothing)
when standard error is not a terminal, so CI logs and redirected output stay clean.
"""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None,
                 quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.done = 0
        shown = not quiet and total > 1 and self.stream.isatty()
        self._bar = tqdm(total=total, desc=label, unit="doc", file=self.stream,
                         leave=False, dynamic_ncols=True, disable=not shown,
                         smoothing=0.1, mininterval=0.2)

    def update(self, count: int = 1) -> None:
        self.done += count
        self._bar.update(count)

    def step(self, name: str = "") -> None:
        self.update(1)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
