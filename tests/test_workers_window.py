"""Batches go to the worker pool a few at a time, so that results that come back faster
than they are taken do not pile up in the parent process."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from tei import workers


def _mark_started(items: list[tuple[Path, int]]) -> list[int]:
    """Record that this batch started (one file per batch, named by its first item)."""
    folder, first = items[0]
    (folder / f"{first:06d}").touch()
    return [number for _, number in items]


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_slow_taker_holds_the_sending_back(tmp_path: Path, monkeypatch, jobs: int) -> None:
    # Forked workers see this module's function (a fork server would import the module
    # afresh, by a name it may not find).
    monkeypatch.setattr(workers, "_context", lambda *_: multiprocessing.get_context("fork"))
    items = [(tmp_path, number) for number in range(6000)]
    parts = workers.batches(items, jobs)
    assert len(parts) > 4 * jobs * workers.AHEAD  # enough batches to run ahead if allowed
    taken: list[int] = []
    most_ahead = 0

    def take(number: int) -> None:
        nonlocal most_ahead
        if number % len(parts[0]) == 0:  # the first item of a batch
            batch = number // len(parts[0])
            started = len(list(tmp_path.iterdir()))
            most_ahead = max(most_ahead, started - batch)
            time.sleep(0.02)  # a taker slower than the workers
        taken.append(number)

    result = workers.run_batches(_mark_started, items, jobs, _no_setup,
                                 failed=lambda item, reason: -1, consume=take)
    assert result == []  # handed to take, not kept
    assert taken == list(range(6000))  # every result, in the order of the items
    # Sending stops jobs × AHEAD batches past the oldest unfinished one; the batch being
    # taken is finished, those before it too.
    assert 1 <= most_ahead <= jobs * workers.AHEAD + 1


def _no_setup() -> None:
    """Nothing to load."""
