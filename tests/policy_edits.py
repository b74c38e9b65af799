"""Edited copies of the policy's text for the version tests (the committed policy never changes)."""

from __future__ import annotations


def edit(text: str, *pairs: tuple[str, str]) -> str:
    """`text` with each `old` replaced by `new` once; an `old` that is not there fails the test that asked."""
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def renumber_from(text: str, first: int) -> str:
    """Push every section from `first` on one number down (for a section inserted before it)."""
    for number in range(12, first - 1, -1):
        text = text.replace(f"\n## {number}. ", f"\n## {number + 1}. ")
    return text
