"""Deterministic slices of a corpus, so that N machines (a CI matrix, a job array) can
each take one: an input belongs to slice ``hash(name) mod N``, where ``name`` is its place
below the folder given. The slice of a file depends on its name only, never on the
machine, the order of listing or the other files, so a file added to the corpus does not
move any other file to another slice."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from tei.sources import Source


def slice_of(name: str, count: int) -> int:
    """The slice (1 to ``count``) the input named ``name`` belongs to."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(sources: Sequence[Source], shard: tuple[int, int] | None) -> list[Source]:
    """The sources of slice K of N (all of them without a shard)."""
    if shard is None:
        return list(sources)
    part, count = shard
    return [s for s in sources if slice_of(s.name.as_posix(), count) == part]
