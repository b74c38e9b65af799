"""Properties that hold for any input (Hypothesis): nothing a visitor or editor types breaks the assistant."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine.corpus import CorpusError, parse_policy
from app.engine.redact import redact
from app.engine.text import normalize, tokenize, words

ANY_TEXT = st.text(max_size=300)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(ANY_TEXT)
@SETTINGS
def test_tokens_are_lower_case_letters_and_digits(text):
    for token in words(text) + tokenize(text):
        assert token and token == token.lower() and token.isalnum()


@given(ANY_TEXT)
@SETTINGS
def test_normalising_twice_changes_nothing(text):
    assert words(normalize(text)) == words(text)


@given(ANY_TEXT)
@SETTINGS
def test_redaction_never_fails_and_is_stable(text):
    once = redact(text)
    assert isinstance(once, str)
    assert redact(once) == once


@given(st.from_regex(r"[a-z][a-z0-9._]{0,15}@[a-z][a-z0-9-]{0,10}\.(com|in|org|co\.in)", fullmatch=True),
       st.text(alphabet=string.ascii_letters + " ,.?", max_size=40), st.text(alphabet=string.ascii_letters + " ,.?",
                                                                          max_size=40))
@SETTINGS
def test_an_email_address_anywhere_in_a_question_is_removed(address, before, after):
    stored = redact(f"{before} {address} {after}")
    assert address not in stored


def _luhn_complete(digits: str) -> str:
    total = 0
    for i, d in enumerate(reversed(digits + "0")):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return digits + str((10 - total % 10) % 10)


@given(st.from_regex(r"4[0-9]{14}", fullmatch=True), st.sampled_from(["", " ", "-"]))
@SETTINGS
def test_a_card_number_is_removed_however_it_is_grouped(prefix, separator):
    number = _luhn_complete(prefix)
    grouped = separator.join(number[i:i + 4] for i in range(0, 16, 4))
    assert number not in redact(f"my card is {grouped} ok").replace(separator, "")


POLICY_LINE = st.one_of(
    st.just(""), st.just("---"),
    st.builds(lambda n, t: f"## {n}. {t}", st.integers(0, 20), st.text(string.ascii_letters + " ", min_size=1, max_size=20)),
    st.builds(lambda t: f"### {t}", st.text(string.ascii_letters + " ", max_size=20)),
    st.builds(lambda t: f"- {t}", st.text(max_size=40)),
    st.builds(lambda t: f"# {t}", st.text(string.ascii_letters + " ", max_size=20)),
    st.text(max_size=60),
)


@given(st.lists(POLICY_LINE, max_size=30))
@SETTINGS
def test_the_parser_either_reads_a_policy_or_names_the_line_it_cannot(lines):
    text = "\n".join(lines)
    try:
        policy = parse_policy(text, "policy.md")
    except CorpusError as exc:
        assert str(exc).startswith("policy.md:") and exc.line >= 0
    else:
        assert policy.to_text() is not None
        assert len({c.anchor for c in policy.clauses}) == len(policy.clauses)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=600),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8,
)


@given(question=JSON_VALUES, session=JSON_VALUES)
@SETTINGS
def test_the_ask_api_answers_or_refuses_any_json_but_never_fails(client, question, session):
    response = client.post("/api/ask", json={"question": question, "session": session})
    assert response.status_code in (200, 400)
    body = response.get_json()
    assert ("error" in body) == (response.status_code == 400)


@given(body=JSON_VALUES)
@SETTINGS
def test_the_feedback_and_requests_apis_refuse_bad_bodies_cleanly(client, body):
    for path in ("/api/feedback", "/api/requests"):
        response = client.post(path, json=body)
        assert response.status_code in (400, 404), (path, body)
        assert "error" in response.get_json()


@given(raw=st.binary(max_size=200))
@SETTINGS
def test_any_bytes_as_a_body_get_a_json_error_not_a_crash(client, raw):
    for path in ("/api/ask", "/api/feedback", "/api/requests"):
        response = client.post(path, data=raw, content_type="application/json")
        assert response.status_code in (200, 400, 404)
        assert response.is_json


@pytest.mark.parametrize("path", ["/", "/request"])
@given(text=st.builds(lambda t: f"<zq {t}>", st.text(max_size=200)))
@SETTINGS
def test_pages_given_any_query_text_render_it_escaped(client, path, text):
    response = client.get(path, query_string={"q": text, "type": text})
    assert response.status_code in (200, 400)
    assert "<zq" not in response.get_data(as_text=True)  # a tag of the visitor's never reaches the page
