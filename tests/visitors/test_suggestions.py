"""Suggested questions: corpus/suggestions.yaml is checked at start-up and served to the pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app
from app.engine.suggestions import load_suggestions
from app.engine.yamlfile import YamlFileError, load_yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ANSWERED = ["Do you sell my data?", "Can I delete my account?", "Do you use cookies?",
            "Who do you share my data with?"]
LISTED = "https://shop.example"


@pytest.fixture(scope="module")
def assistant():
    from app.engine.answering import load_assistant

    return load_assistant(CORPUS)


def write(tmp_path, text):
    path = tmp_path / "suggestions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def as_yaml(questions):
    return "# comment\n" + "".join(f"- {q}\n" for q in questions)


def test_the_shipped_file_is_valid_and_every_suggestion_is_answered(assistant):
    questions = load_suggestions(CORPUS / "suggestions.yaml", assistant)
    assert 4 <= len(questions) <= 8
    assert all(assistant.answer(q).answered for q in questions)


def test_a_valid_file_gives_its_questions_in_order(tmp_path, assistant):
    assert load_suggestions(write(tmp_path, as_yaml(ANSWERED)), assistant) == ANSWERED


@pytest.mark.parametrize("text, line, problem", [
    ("question: Do you sell my data?\n", 1, "expected a list of questions"),
    (as_yaml(ANSWERED[:3]), 2, "expected 4 to 8 questions, found 3"),
    (as_yaml(ANSWERED * 3), 2, "expected 4 to 8 questions, found 12"),
    (as_yaml(ANSWERED[:3]) + "- 42\n", 5, "each suggestion must be a question written as text"),
    (as_yaml(ANSWERED[:3]) + "- ''\n", 5, "each suggestion must be a question written as text"),
    (as_yaml(ANSWERED[:3]) + "- " + "Do you sell my data? " * 10 + "\n", 5, "too long"),
    (as_yaml(ANSWERED[:3]) + "- do you SELL my data?\n", 5, "is listed twice"),
    (as_yaml(ANSWERED[:3]) + "- How long do you keep my messages?\n", 5, "the assistant does not answer"),
])
def test_a_bad_file_is_refused_naming_the_line(tmp_path, assistant, text, line, problem):
    path = write(tmp_path, text)
    with pytest.raises(YamlFileError) as info:
        load_suggestions(path, assistant)
    assert info.value.line == line
    assert problem in info.value.problem
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_start_up_stops_on_a_bad_suggestions_file(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "suggestions.yaml").write_text(as_yaml(ANSWERED[:3]) + "- What is the weather in Pune?\n")
    with pytest.raises(YamlFileError, match=r"suggestions.yaml:5: the assistant does not answer"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "CORPUS_DIR": str(corpus)})


def test_the_endpoint_serves_the_suggestions(client, app):
    response = client.get("/api/suggestions")
    assert response.status_code == 200
    assert response.get_json() == {"suggestions": app.extensions["suggestions"], "policy_update": None}
    assert response.get_json()["suggestions"] == load_yaml(CORPUS / "suggestions.yaml")


def test_a_listed_widget_origin_may_read_the_suggestions(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "WIDGET_ORIGINS": [LISTED]})
    client = app.test_client()
    assert client.get("/api/suggestions", headers={"Origin": LISTED}).headers["Access-Control-Allow-Origin"] == LISTED
    other = client.get("/api/suggestions", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_the_chat_page_offers_the_suggestions_as_links(client, app):
    page = client.get("/").get_data(as_text=True)
    assert 'id="suggestions"' in page
    for question in app.extensions["suggestions"]:
        assert f">{question}</a>" in page


def test_the_suggestions_are_hidden_under_an_answer_without_javascript(client):
    page = client.get("/", query_string={"q": "Do you sell my data?"}).get_data(as_text=True)
    assert 'id="suggestions" class="suggestions" aria-labelledby="suggestions-title" hidden' in page
