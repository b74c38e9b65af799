"""The browser tests' guard against a close that never returns (see `close_or_kill` in conftest.py).

Chromium is frozen for real (SIGSTOP to its process groups), so the close waits as it did when CI hung.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from bench.speed import child_pids

from . import conftest as harness
from .conftest import _drivers, close_or_kill

pytestmark = pytest.mark.browser


def freeze_the_browsers() -> list[int]:
    groups = [child for driver in _drivers() for child in child_pids(driver)]
    for group in groups:
        os.killpg(group, signal.SIGSTOP)
    return groups


def test_a_close_the_browser_never_answers_ends_by_killing_it_and_the_next_test_gets_a_new_one(chromium):
    context = chromium.new_context()
    context.new_page().set_content("<p>before</p>")
    assert freeze_the_browsers()
    notes: list[str] = []
    started = time.monotonic()
    close_or_kill(context.close, "a frozen context", notes, seconds=2)
    assert time.monotonic() - started < 20
    assert len(notes) == 1 and notes[0].startswith("NOTE: closing a frozen context took over 2 s; killed the browser")

    page = chromium.new_page()  # launched again
    page.set_content("<p>after</p>")
    assert page.text_content("p") == "after"
    page.close()


def test_a_close_that_answers_leaves_no_note_and_the_browser_running(chromium):
    context = chromium.new_context()
    notes: list[str] = []
    close_or_kill(context.close, "a context", notes, seconds=2)
    assert notes == []
    assert chromium.is_connected()


def test_the_contexts_the_shared_browser_makes_close_through_the_guard(chromium, close_notes, monkeypatch):
    monkeypatch.setattr(harness, "CLOSE_WITHIN", 2.0)
    context = chromium.new_context()
    context.new_page().set_content("<p>before</p>")
    freeze_the_browsers()
    before = len(close_notes)
    context.close()
    assert [note.split(";")[0] for note in close_notes[before:]] == ["NOTE: closing a browser context took over 2 s"]
    del close_notes[before:]  # this one was meant: keep it out of the run's summary
