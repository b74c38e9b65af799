"""`flask ask`: the answer and its citation at a terminal."""

import json

import pytest


def test_ask_prints_the_answer_and_its_citation(runner):
    result = runner.invoke(args=["ask", "Can I delete my account?"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Request deletion of your personal information"
    assert lines[1] == ("  — Privacy Policy §6 Your Rights and Choices — Correction and Deletion "
                        f"(/policy/v/1#s6-correction-and-deletion-2, score {lines[1].rsplit('score ', 1)[1]}")
    assert 2 <= len(lines) <= 4  # the answer and up to three citations


def test_ask_unanswerable_prints_contact_details(runner):
    result = runner.invoke(args=["ask", "what's the capital of France"])
    assert result.exit_code == 0
    assert result.output.startswith("The privacy policy doesn't cover that.")
    assert "Email: sales@bluemessaggio.com" in result.output and "/policy#" not in result.output


@pytest.mark.parametrize("question", ["Can I delete my account?", "what's the capital of France", "hello"])
def test_ask_json_is_the_api_shape(runner, client, question):
    result = runner.invoke(args=["ask", "--json", question])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    api = client.post("/api/ask", json={"question": question}).json
    assert list(printed) == list(api)  # same keys, same order
    assert printed["question_id"] == ""  # the terminal is not logged, so there is no id to link to
    api_without_id = json.loads(json.dumps(api).replace(f"&q={api['question_id']}", "")
                                .replace(api["question_id"], ""))
    assert printed == api_without_id


def test_ask_is_not_logged(runner, db):
    assert runner.invoke(args=["ask", "Do you sell my data?"]).exit_code == 0
    assert db.count("questions") == 0


@pytest.mark.parametrize("args", [["ask", ""], ["ask", "   "], ["ask", "--json", ""]])
def test_empty_question_is_a_usage_error(runner, args):
    result = runner.invoke(args=args)
    assert result.exit_code == 2
    assert "the question is empty" in result.output


def test_missing_question_is_a_usage_error(runner):
    result = runner.invoke(args=["ask"])
    assert result.exit_code == 2
    assert "Missing argument 'QUESTION'" in result.output
