"""Run one function over many items in batches, in worker processes or in this one.

Each worker runs an initializer once (to load registers, schemas or compiled stylesheets)
and then whole batches, so the cost of starting is paid once per process and that of
sending work once per batch. Results come back in the order of the items whatever the
number of processes, so the output of a run never depends on ``-j``. A worker that dies
(killed, out of memory, a crash in a native library) turns into an error result for the
items of the batch it was running; the other batches are still done.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Few enough batches per worker that sending them costs little, enough that the last
# batches of a run keep every worker busy and the progress moves.
BATCHES_PER_WORKER = 8
MAX_BATCH = 64
# Batches sent to the pool and not yet finished, per worker (enough that a worker never
# waits for its next batch), and how far past the oldest unfinished batch sending goes.
IN_FLIGHT = 2
AHEAD = 4

# Modules workers need (none of them starts Saxon), imported once in the fork server rather
# than in every worker: those of them this process has imported (a build converts and
# validates; `tei validate` never loads the converter), and the module of the first work.
PRELOAD = ("lxml.etree", "tei.convert", "tei.validate.runner")

DIED = "the worker process handling this file ended unexpectedly ({reason})"


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the
    machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def batches(items: Sequence[Item], jobs: int) -> list[list[Item]]:
    """Consecutive slices of ``items``; their size depends on the count and ``jobs`` only."""
    size = max(1, min(MAX_BATCH, -(-len(items) // (jobs * BATCHES_PER_WORKER))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _context(work_module: str = "lxml.etree") -> multiprocessing.context.BaseContext:
    # Workers are started from a clean server process, not forked from this one: a process
    # that has already started Saxon (a native image with threads of its own) is not safe
    # to fork, and a fresh worker imports only what it needs.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # Read when the server starts, with the first pool of this process.
        wanted = [name for name in PRELOAD if name in sys.modules]
        context.set_forkserver_preload(list(dict.fromkeys([*wanted, work_module])))
        return context
    return multiprocessing.get_context("spawn")


def run_batches(work: Callable[[list[Item]], list[Result]], items: Sequence[Item],
                jobs: int, initializer: Callable[..., None], initargs: tuple = (), *,
                failed: Callable[[Item, str], Result],
                progress: Callable[[int], None] | None = None,
                consume: Callable[[Result], None] | None = None,
                alone: bool = False) -> list[Result]:
    """``work`` over every batch of ``items``: in this process when ``jobs`` is 1 (after
    calling ``initializer`` here), else in up to ``jobs`` worker processes. ``work`` and
    ``initializer`` must be module-level functions (they are sent to the workers by name).
    ``failed(item, reason)`` is the result of an item whose worker died; ``progress``
    hears how many items each finished batch held. With ``consume``, each result is handed
    to it in the order of the items as soon as it and those before it are done, and not
    kept (the list returned is empty): a long run then holds only the results of the
    batches that finished early. With ``alone``, work that fits one batch still runs in a
    worker process unless ``jobs`` is 1, so what it loads (Saxon's heap, say) is given
    back to the system when it ends, not kept by this process for the rest of the run."""
    in_process = jobs <= 1 or (len(items) <= 1 and not alone)
    jobs = max(1, min(jobs, len(items)))
    parts = batches(items, jobs)
    results: _Results = _Results(len(parts), consume)
    if in_process:
        initializer(*initargs)
        for index, part in enumerate(parts):
            results[index] = work(part)
            if progress:
                progress(len(part))
        return results.collected()
    left = _in_pool(work, parts, results, jobs, initializer, initargs, progress)
    # The pool broke: some batch killed its worker. Run what is left one batch at a time,
    # so the batch that kills a worker again is known and only its items fail.
    for index in left:
        try:
            one: list = [None]
            _in_pool(work, [parts[index]], one, 1, initializer, initargs, progress,
                     raise_broken=True)
            results[index] = one[0]
        except BrokenProcessPool as exc:
            reason = str(exc) or "killed"
            results[index] = [failed(item, DIED.format(reason=reason)) for item in parts[index]]
            if progress:
                progress(len(parts[index]))
    return results.collected()


class _Results:
    """The results of a run's batches by batch number: kept until the end, or handed on in
    order as soon as they are contiguous (``consume``)."""

    def __init__(self, count: int, consume: Callable[[Any], None] | None) -> None:
        self._parts: list[list | None] = [None] * count
        self._consume = consume
        self._next = 0  # the first batch not yet handed on

    def __setitem__(self, index: int, part: list) -> None:
        self._parts[index] = part
        if self._consume is None:
            return
        while self._next < len(self._parts) and self._parts[self._next] is not None:
            for result in self._parts[self._next] or ():
                self._consume(result)
            self._parts[self._next] = []
            self._next += 1

    def collected(self) -> list:
        return [r for part in self._parts for r in part or ()]


def _in_pool(work, parts, results, jobs, initializer, initargs, progress,
             raise_broken: bool = False) -> list[int]:
    """Run ``parts`` in one pool, filling ``results``; the indexes of the parts left
    undone when the pool broke.

    Batches are sent a few at a time, not all at once: when workers run faster than this
    process takes their results (parts taken from a cache come back at once), results
    would otherwise pile up here, and a batch that finishes long after those after it
    would have every later result held until it does."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(work.__module__),
                               initializer=initializer, initargs=initargs)
    pending: dict[Future, int] = {}
    sent = 0  # the next part to send; every part before it not pending is finished
    try:
        while True:
            while (sent < len(parts) and len(pending) < jobs * IN_FLIGHT
                   and sent - min(pending.values(), default=sent) < jobs * AHEAD):
                pending[pool.submit(work, parts[sent])] = sent
                sent += 1
            if not pending:
                return []
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                try:
                    results[index] = future.result()
                except BrokenProcessPool:
                    if raise_broken:
                        raise
                    return sorted([index, *pending.values(), *range(sent, len(parts))])
                if progress:
                    progress(len(parts[index]))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
