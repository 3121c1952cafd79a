"""The source line of a warning: the counts of non-whitespace characters it is found with
give what a walk over every character gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tei.annotate.document import _NonSpaceIndex
from tei.model import LAYOUT_WHITESPACE

_TEXT = st.text(alphabet=st.sampled_from([" ", "\t", "\n", "a", "\u00a0", "é"]), max_size=1500)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_counts_and_positions_are_those_of_a_walk(text: str, data: st.DataObject) -> None:
    index = _NonSpaceIndex(text)
    positions = [i for i, ch in enumerate(text) if ch not in LAYOUT_WHITESPACE]
    end = data.draw(st.integers(0, len(text)))
    assert index.count_before(end) == sum(1 for p in positions if p < end)
    start = data.draw(st.integers(0, len(text)))
    n = data.draw(st.integers(1, len(text) + 2))
    after = [p for p in positions if p >= start]
    assert index.nth_from(start, n) == (after[n - 1] if n <= len(after) else None)
