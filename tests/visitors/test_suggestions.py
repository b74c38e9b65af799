"""Suggested questions: corpus/suggestions*.yaml, one list per language, checked at start-up and served to the pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app
from app.engine.suggestions import load_suggestion_lists, load_suggestions
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


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("suggestions*.yaml")))
def test_the_shipped_files_are_valid_and_every_suggestion_is_answered(assistant, name):
    questions = load_suggestions(CORPUS / name, assistant)
    assert 4 <= len(questions) <= 8
    assert all(assistant.answer(q).answered for q in questions)


def test_hindi_has_its_own_list_and_english_is_the_fallback(assistant):
    lists = load_suggestion_lists(CORPUS, assistant)
    assert list(lists)[0] == "en" and "hi" in lists
    assert set(lists["hi"]).isdisjoint(lists["en"])
    # What Hindi visitors type to the assistant (README "Languages"): Hindi in English letters.
    assert "kya aap mera data bechte ho?" in lists["hi"]


def corpus_with(tmp_path, files: dict[str, str]) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


@pytest.mark.parametrize("name", ["suggestions.HI.yaml", "suggestions.hindi.yaml", "suggestions.en.yaml",
                                  "suggestions..yaml", "suggestions.hi-IN.yaml"])
def test_a_language_list_must_be_named_by_its_code(tmp_path, assistant, name):
    corpus = corpus_with(tmp_path, {name: as_yaml(ANSWERED)})
    with pytest.raises(YamlFileError, match=r"suggestions\.<code>\.yaml") as info:
        load_suggestion_lists(corpus, assistant)
    assert info.value.path.endswith(name)


def test_start_up_stops_on_a_language_list_the_assistant_cannot_answer(tmp_path):
    corpus = corpus_with(tmp_path, {"suggestions.mr.yaml": as_yaml(ANSWERED[:3]) + "- maza havaman kasa aahe?\n"})
    with pytest.raises(YamlFileError, match=r"suggestions.mr.yaml:5: the assistant does not answer"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "CORPUS_DIR": str(corpus)})


MARATHI = ["maza account delete kasa karaycha?", "tumhi cookies vaparta ka?", "Do you sell my data?",
           "Can I delete my account?"]


def test_a_translator_adds_a_language_list_without_code(tmp_path):
    corpus = corpus_with(tmp_path, {"suggestions.mr.yaml": as_yaml(MARATHI)})
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "CORPUS_DIR": str(corpus), "LANGUAGES": "en,hi,mr"})
    client = app.test_client()
    body = client.get("/api/suggestions?lang=mr").get_json()
    assert body["suggestions"] == MARATHI and body["lang"] == "mr-Latn"
    client.set_cookie("lang", "mr")
    assert '<a class="suggestion" href="/?q=tumhi+cookies+vaparta+ka?" lang="mr-Latn">' in client.get("/").get_data(
        as_text=True)


def test_a_language_without_a_list_gets_the_english_one(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "LANGUAGES": "en,hi,mr"})
    assert "mr" not in app.extensions["suggestions"]
    body = app.test_client().get("/api/suggestions", headers={"Accept-Language": "mr"}).get_json()
    assert body["suggestions"] == load_yaml(CORPUS / "suggestions.yaml") and body["lang"] == "en"


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
    assert response.get_json() == {"suggestions": app.extensions["suggestions"]["en"], "lang": "en",
                                   "policy_update": None}
    assert response.get_json()["suggestions"] == load_yaml(CORPUS / "suggestions.yaml")


@pytest.mark.parametrize("how", [{"query_string": {"lang": "hi"}}, {"headers": {"Accept-Language": "hi-IN,hi;q=0.9"}}])
def test_the_endpoint_serves_the_list_of_the_visitors_language(client, how):
    body = client.get("/api/suggestions", **how).get_json()
    assert body["suggestions"] == load_yaml(CORPUS / "suggestions.hi.yaml")
    assert body["lang"] == "hi-Latn"  # Hindi written in Latin letters, for screen readers and translators


def test_a_listed_widget_origin_may_read_the_suggestions(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "RATELIMIT_ENABLED": False, "WIDGET_ORIGINS": [LISTED]})
    client = app.test_client()
    assert client.get("/api/suggestions", headers={"Origin": LISTED}).headers["Access-Control-Allow-Origin"] == LISTED
    other = client.get("/api/suggestions", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize("language, written_in", [("en", "en"), ("hi", "hi-Latn")])
def test_the_chat_page_offers_the_suggestions_of_its_language_as_links(client, app, language, written_in):
    client.set_cookie("lang", language)
    page = client.get("/").get_data(as_text=True)
    assert 'id="suggestions"' in page
    for question in app.extensions["suggestions"][language]:
        assert f'lang="{written_in}">{question}</a>' in page
    other = app.extensions["suggestions"]["hi" if language == "en" else "en"]
    assert not any(f">{question}</a>" in page for question in other)


def test_the_suggestions_are_hidden_under_an_answer_without_javascript(client):
    page = client.get("/", query_string={"q": "Do you sell my data?"}).get_data(as_text=True)
    assert 'id="suggestions" class="suggestions" aria-labelledby="suggestions-title" hidden' in page
