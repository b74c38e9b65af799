"""Replies to repeated questions come from each worker's answer cache: the same reply, a new log row, and
nothing kept of a message that holds personal data (app/visitors/answers.py)."""

from __future__ import annotations

import json

import pytest

from app import ConfigurationError, create_app
from app.visitors import answers

pytestmark = pytest.mark.storage


def ask(client, question: str) -> dict:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.get_json()


def without_id(reply: dict) -> str:
    """The reply with its question id taken out (the id is new for every ask, and form links carry it)."""
    return json.dumps(reply, sort_keys=True).replace(reply["question_id"], "<id>")


def test_a_repeated_question_gets_the_same_reply_and_is_logged_each_time(app, client):
    first, again = ask(client, "Do you sell my data?"), ask(client, "Do you sell my data?")
    assert first["answered"] is True and first["question_id"] != again["question_id"]
    assert without_id(first) == without_id(again)
    assert answers.held(app) == 1
    with app.app_context():
        from app.platform import db as storage

        ids = [r[0] for r in storage.get_db().run("select id from questions order by asked_at")]
    assert set(ids) == {first["question_id"], again["question_id"]}


def test_the_cache_gives_what_answering_afresh_gives(app, client, tmp_path):
    uncached = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "u.sqlite"),
                           "RATELIMIT_ENABLED": False, "ANSWER_CACHE_SIZE": 0}).test_client()
    questions = ["what cookies do you use", "can my 12 year old use the app?", "hello", "what's your phone number",
                 "I want to delete my account", "how much does the whatsapp api cost"]
    for question in questions * 2:
        cached_reply, fresh_reply = ask(client, question), ask(uncached, question)
        assert without_id(cached_reply) == without_id(fresh_reply), question
    assert answers.held(app) == len(questions)
    assert answers.held(uncached.application) == 0


@pytest.mark.parametrize("question", [
    "please delete my data, my email is ravi.k@example.com",
    "I want a copy of my data, call me on 98765 43210",
])
def test_a_message_with_personal_data_is_answered_but_never_kept(app, client, question):
    reply = ask(client, question)
    assert reply["handoff"] is not None
    assert without_id(ask(client, question)) == without_id(reply)
    assert answers.held(app) == 0


def test_the_cache_keeps_the_most_recently_asked_questions_only(app, client):
    app.config["ANSWER_CACHE_SIZE"] = 2
    for question in ("do you use cookies?", "do you sell my data?", "how long do you keep my data?"):
        ask(client, question)
    assert answers.held(app) == 2


def test_a_new_assistant_starts_with_an_empty_cache(app, client):
    ask(client, "do you use cookies?")
    app.extensions["assistant"] = answers_assistant = type(app.extensions["assistant"])(
        app.extensions["assistant"].index, app.extensions["assistant"].intents)
    assert answers.held(app) == 0
    ask(client, "do you use cookies?")
    assert app.extensions["answer_cache"][0] is answers_assistant and answers.held(app) == 1


@pytest.mark.parametrize("value", ["lots", -1, 2.5, True, float("inf")])
def test_a_cache_size_that_cannot_work_stops_start_up(tmp_path, value):
    with pytest.raises(ConfigurationError, match="FLASK_ANSWER_CACHE_SIZE must be a whole number"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "ANSWER_CACHE_SIZE": value})


def test_the_cache_size_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_ANSWER_CACHE_SIZE", "0")
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})
    client = app.test_client()
    ask(client, "do you use cookies?")
    assert app.config["ANSWER_CACHE_SIZE"] == 0 and answers.held(app) == 0


def test_each_ask_gets_its_own_copy_of_a_remembered_reply(app):
    """A field set on one visitor's reply (as answering sets `offer`) never shows in the next visitor's."""
    assistant = app.extensions["assistant"]
    with app.test_request_context():
        first = answers.answer(assistant, "Can I delete my data?", "Can I delete my data?")
        offered = first.offer
        first.offer, first.note = "objection", "changed by the first caller"
        again = answers.answer(assistant, "Can I delete my data?", "Can I delete my data?")
    assert again is not first and answers.held(app) == 1
    assert (again.offer, again.note) == (offered, None)


def test_the_cache_starts_afresh_after_a_day(app, client):
    """A question is not held in a quiet worker's memory for ever (its log row is purged after 90 days)."""
    ask(client, "do you use cookies?")
    ask(client, "do you sell my data?")
    assistant, remembered, since = app.extensions["answer_cache"]
    app.extensions["answer_cache"] = (assistant, remembered, since - answers.KEEP_SECONDS - 1)
    ask(client, "do you use cookies?")
    assert answers.held(app) == 1
