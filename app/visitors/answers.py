"""Replies to repeated questions, remembered: the same words get the same reply without being answered again.

    reply = answers.answer(assistant, question, redacted)

Visitors ask the same things in the same words all the time: a suggested question is sent as written, and "do
you sell my data?" comes back every day. `Assistant.answer` depends only on the question's text and on the
assistant (the policy in force, the editor files, editors' phrasings and "not covered" decisions), and an
assistant is never changed once it serves: a change builds a new one (`review.refresh_assistant`). So each
worker keeps the last ANSWER_CACHE_SIZE replies of the assistant it answers with, and starts afresh when that
assistant is replaced; an editor's decision therefore reaches visitors as it did before, at once.

Only questions with nothing to redact are kept: a message with an e-mail address, a phone, card or Aadhaar
number is answered every time and never held in memory beyond its request. The cache also starts afresh once a
day (KEEP_SECONDS), so a question is not held in a quiet worker's memory long after `flask purge` has deleted its
log row. Each caller gets its own copy of the reply: setting a field on one never changes another visitor's.
ANSWER_CACHE_SIZE = 0 turns the cache off (the speed benchmark measures both ways).
"""

from __future__ import annotations

import copy
import functools
import time

from flask import current_app

from ..platform.config import number_problem

DEFAULTS = {
    # Replies to repeated questions each worker keeps (least recently asked dropped first); 0: none.
    "ANSWER_CACHE_SIZE": 4096,
}
KEEP_SECONDS = 24 * 3600  # the longest a reply (and the question it answers) stays in the cache


class AnswerCacheError(ValueError):
    """ANSWER_CACHE_SIZE is not a whole number of 0 or more."""


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    problem = number_problem("ANSWER_CACHE_SIZE", app.config["ANSWER_CACHE_SIZE"], "replies", True, True)
    if problem:
        raise AnswerCacheError(f"{problem}; 0 turns the cache off")
    app.config["ANSWER_CACHE_SIZE"] = int(app.config["ANSWER_CACHE_SIZE"])


def answer(assistant, question: str, redacted: str):
    """`assistant.answer(question)`, from this worker's cache when the same words were answered by it before.

    `redacted` is `redact(question)`: a question it changed holds personal data and is not kept.
    """
    app = current_app._get_current_object()
    size = app.config["ANSWER_CACHE_SIZE"]
    if not size or redacted != question:
        return assistant.answer(question)
    held = app.extensions.get("answer_cache")
    now = time.monotonic()
    if held is None or held[0] is not assistant or now - held[2] > KEEP_SECONDS:
        # The first question since this assistant replaced the last one (or since start-up, or for a day). Two
        # threads may both get here; the loser's cache is dropped, which costs a few answers, never a wrong one.
        held = (assistant, functools.lru_cache(maxsize=size)(assistant.answer), now)
        app.extensions["answer_cache"] = held
    return copy.copy(held[1](question))


def held(app) -> int:
    """How many replies this worker keeps now, for the assistant answering at present (0 before any)."""
    cached = app.extensions.get("answer_cache")
    if cached is None or cached[0] is not app.extensions["assistant"]:
        return 0
    return cached[1].cache_info().currsize
