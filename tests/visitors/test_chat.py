"""The visitor's side: the /api/ask and /api/feedback contract, every error case, /healthz and the chat page."""

import io
import json
import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from app import create_app
from app.visitors.chat import CONTROL

ROOT = Path(__file__).resolve().parents[2]
POLICY_SOURCE = (ROOT / "corpus" / "privacy-policy.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
CASES = yaml.safe_load((ROOT / "tests" / "data" / "retrieval_cases.yaml").read_text(encoding="utf-8"))
ANSWERED = [c["q"] for c in CASES["answered"][::12]]  # a spread over every section of the team's table

# The contract of issue 2: key -> accepted types.
ASK_KEYS = {
    "question_id": (str,),
    "answered": (bool,),
    "answer": (dict, type(None)),
    "citations": (list,),
    "intent": (str, type(None)),
    "handoff": (dict, type(None)),
}
CITATION_KEYS = {
    "section": (str,),
    "title": (str,),
    "subsection": (str, type(None)),
    "clause_id": (str,),
    "url": (str,),
    "score": (float, int),
}


@pytest.fixture
def policy(app):
    return app.extensions["assistant"].index.policy


def ask(client, question, **extra):
    response = client.post("/api/ask", json={"question": question, **extra})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.json



def test_question_ids_are_unique_unguessable_and_follow_the_time_of_asking():
    """An id is 32 hex digits: the time in milliseconds (so the log's index grows at its end), then 80 random bits."""
    from app.visitors.chat import new_question_id

    before = time.time_ns() // 1_000_000
    ids = [new_question_id() for _ in range(2000)]
    after = time.time_ns() // 1_000_000
    assert len(set(ids)) == 2000 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    assert all(before <= int(i[:12], 16) <= after for i in ids)
    assert len({i[12:] for i in ids}) == 2000

def assert_shape(data):
    for key, types in ASK_KEYS.items():
        assert isinstance(data[key], types), (key, data[key])
    assert type(data["answered"]) is bool
    assert re.fullmatch(r"[0-9a-f]{32}", data["question_id"])
    if data["answer"] is not None:
        assert set(data["answer"]) == {"text", "clause_id", "quotes"}
        assert isinstance(data["answer"]["text"], str) and isinstance(data["answer"]["clause_id"], str)
        assert data["answer"]["quotes"][0]["clause_id"] == data["answer"]["clause_id"]
        assert data["answer"]["text"] == "\n".join(q["text"] for q in data["answer"]["quotes"])
    if data["handoff"] is not None:
        assert isinstance(data["handoff"]["type"], str) and isinstance(data["handoff"]["url"], str)
    for citation in data["citations"]:
        for key, types in CITATION_KEYS.items():
            assert isinstance(citation[key], types), (key, citation[key])
        assert type(citation["score"]) is not bool


# --- /api/ask: answers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ANSWERED)
def test_answer_shape_and_verbatim_clause(client, policy, question):
    data = ask(client, question)
    assert_shape(data)
    assert data["answered"] is True
    for quote in data["answer"]["quotes"]:
        assert quote["text"] == policy.clause(quote["clause_id"]).text
        # Verbatim: the quoted text is in the policy file as written, not paraphrased.
        assert quote["text"] in POLICY_SOURCE
        assert quote["url"] == f"/policy/v/1#{quote['clause_id']}"


@pytest.mark.parametrize("question", ANSWERED)
def test_citations_best_first_at_most_three_pointing_into_the_policy(client, policy, question):
    data = ask(client, question)
    citations = data["citations"]
    assert 1 <= len(citations) <= 3
    assert citations[0]["clause_id"] == data["answer"]["clause_id"]
    scores = [c["score"] for c in citations]
    assert scores == sorted(scores, reverse=True)
    for citation in citations:
        clause = policy.clause(citation["clause_id"])
        assert (citation["section"], citation["title"], citation["subsection"]) == (
            clause.section, clause.section_title, clause.subsection)
        assert citation["url"] == f"/policy/v/1#{clause.anchor}"


def test_answer_to_a_known_question(client):
    data = ask(client, "Can I delete my account?")
    assert data["answer"] == {"text": "Request deletion of your personal information",
                              "clause_id": "s6-correction-and-deletion-2",
                              "quotes": [{"clause_id": "s6-correction-and-deletion-2",
                                          "text": "Request deletion of your personal information",
                                          "url": "/policy/v/1#s6-correction-and-deletion-2"}]}
    first = data["citations"][0]
    assert (first["section"], first["title"], first["subsection"], first["url"]) == (
        "6", "Your Rights and Choices", "Correction and Deletion", "/policy/v/1#s6-correction-and-deletion-2")


def test_links_follow_the_path_the_app_is_mounted_at_in_each_request(client):
    """Policy links are built once per version and mount point: a prefix (SCRIPT_NAME) of one request never leaks
    into another's links."""
    question = {"question": "Can I delete my account?"}
    mounted = client.post("/api/ask", json=question, base_url="http://localhost/assistant/").json
    plain = client.post("/api/ask", json=question).json
    assert mounted["citations"][0]["url"] == "/assistant/policy/v/1#s6-correction-and-deletion-2"
    assert plain["citations"][0]["url"] == "/policy/v/1#s6-correction-and-deletion-2"
    assert client.post("/api/ask", json=question, base_url="http://localhost/assistant/").json[
        "answer"]["quotes"][0]["url"] == "/assistant/policy/v/1#s6-correction-and-deletion-2"


@pytest.mark.parametrize("question", ["hi", "Hello there!", "thanks", "thank you so much"])
def test_smalltalk_gets_a_reply_without_citation(client, question):
    data = ask(client, question)
    assert_shape(data)
    assert data["answered"] is False
    assert data["answer"] is None and data["citations"] == []
    assert data["kind"] == "smalltalk" and data["message"]


@pytest.mark.parametrize("question", ["who are you?", "are you a bot", "help", "what can you do"])
def test_asking_what_the_assistant_is_gets_a_plain_introduction(client, question):
    data = ask(client, question)
    assert_shape(data)
    assert (data["answered"], data["kind"], data["citations"], data["contact"]) == (False, "smalltalk", [], None)
    assert data["message"].startswith("I'm Blue Messaggio's privacy policy assistant, an automated helper")


@pytest.mark.parametrize("question", ["can I talk to a human?", "connect me to customer care", "real person please"])
def test_asking_for_a_person_gets_the_contact_details(client, question):
    data = ask(client, question)
    assert_shape(data)
    assert (data["answered"], data["kind"], data["citations"]) == (False, "smalltalk", [])
    assert data["message"].startswith("I'm an automated assistant, so I can't put you through to a person.")
    assert data["contact"]["Phone"] == "+91 95612 34758" and "sales@bluemessaggio.com" in data["message"]


@pytest.mark.parametrize("question", ["what's the capital of France", "how long do you retain my messages"])
def test_unanswerable_says_so_with_contact_details(client, question):
    data = ask(client, question)
    assert_shape(data)
    assert data["answered"] is False
    assert data["answer"] is None and data["citations"] == []
    assert "doesn't cover" in data["message"]
    assert data["contact"]["Email"] == "sales@bluemessaggio.com"
    assert data["contact"]["Phone"] == "+91 95612 34758"
    assert "sales@bluemessaggio.com" in data["message"]


def test_question_is_stripped_and_limit_counts_characters(client):
    assert ask(client, "  Can I delete my account?  \n")["answered"] is True
    assert client.post("/api/ask", json={"question": " " + "é" * 500 + " "}).status_code == 200


@pytest.mark.parametrize("session", [None, "abc123", "s" * 128])
def test_session_is_optional(client, session):
    assert_shape(ask(client, "Do you sell my data?", session=session))


def test_json_without_content_type_is_accepted(client):
    """`curl -d '{"question": ...}'` sends a form content type; the body is still JSON."""
    response = client.post("/api/ask", data=json.dumps({"question": "Do you sell my data?"}),
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and response.json["answered"] is True


def test_every_response_key_is_documented(client):
    data = ask(client, "Can I delete my account?")
    keys = set(data) | set(data["citations"][0]) | set(ask(client, "what's the capital of France"))
    undocumented = sorted(k for k in keys if f"`{k}`" not in README)
    assert not undocumented, f"document these /api/ask keys in README.md: {undocumented}"


# --- /api/ask: errors ----------------------------------------------------------------------------------------


def assert_error(response, status, words=""):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert set(response.json) == {"error"}
    assert isinstance(response.json["error"], str) and response.json["error"]
    assert words in response.json["error"]
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.storage
@pytest.mark.parametrize("body, words", [
    ({}, "'question' is required"),
    ({"question": None}, "'question' is required"),
    ({"question": ""}, "must not be empty"),
    ({"question": "   \n\t "}, "must not be empty"),
    ({"question": 42}, "must be a string"),
    ({"question": True}, "must be a string"),
    ({"question": ["Do you sell my data?"]}, "must be a string"),
    ({"question": {"text": "hi"}}, "must be a string"),
    ({"question": "a" * 501}, "too long: at most 500 characters"),
    ({"question": "\ud800 delete my data"}, "valid Unicode text"),
    ({"question": "hi", "session": 5}, "'session'"),
    ({"question": "hi", "session": ["a"]}, "'session'"),
    ({"question": "hi", "session": "s" * 129}, "'session'"),
    ({"question": "hi", "session": "\udfff"}, "'session'"),
], ids=lambda v: repr(v)[:40] if isinstance(v, dict) else None)
def test_bad_question_or_session_is_400(client, db, body, words):
    assert_error(client.post("/api/ask", json=body), 400, words)
    assert db.count("questions") == 0


@pytest.mark.parametrize("data, content_type", [
    ('["Do you sell my data?"]', "application/json"),
    ('"Do you sell my data?"', "application/json"),
    ("42", "application/json"),
    ("null", "application/json"),
    ('{"question": "Do you sell', "application/json"),
    ("", "application/json"),
    (b"\xff\xfe{", "application/json"),
    ("[" * 50_000, "application/json"),
    ("question=Do+you+sell+my+data", "application/x-www-form-urlencoded"),
    ("", None),
], ids=["array", "string", "number", "null", "invalid", "empty", "not-utf8", "deeply-nested", "form", "no-body"])
@pytest.mark.parametrize("path", ["/api/ask", "/api/feedback"])
def test_body_not_a_json_object_is_400(client, path, data, content_type):
    response = client.post(path, data=data, content_type=content_type)
    assert_error(response, 400, "must be a JSON object")


def test_oversized_feedback_body_is_413(client, app):
    # /api/ask's own 413 is in test_hardening.py.
    body = json.dumps({"question_id": "a" * app.config["MAX_CONTENT_LENGTH"], "helpful": True})
    assert_error(client.post("/api/feedback", data=body, content_type="application/json"), 413)


def chunked(client, path, body: bytes):
    """Post `body` without a Content-Length, as a chunked request reaches the app under gunicorn."""
    return client.post(path, input_stream=io.BytesIO(body), content_type="application/json",
                       headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})


@pytest.mark.parametrize("path", ["/api/ask", "/api/feedback"])
def test_oversized_chunked_body_is_413(client, app, path):
    body = json.dumps({"question": "a" * app.config["MAX_CONTENT_LENGTH"]}).encode()
    assert_error(chunked(client, path, body), 413)


def test_chunked_body_within_the_limit_is_answered(client):
    response = chunked(client, "/api/ask", json.dumps({"question": "Do you sell my data?"}).encode())
    assert response.status_code == 200 and response.json["answered"] is True


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/nope", 404),
    ("post", "/api/nope", 404),
    ("post", "/api/ask/extra", 404),
    ("get", "/api/", 404),
    ("get", "/api/ask", 405),
    ("put", "/api/ask", 405),
    ("delete", "/api/ask", 405),
    ("get", "/api/feedback", 405),
    ("patch", "/api/feedback", 405),
])
def test_unknown_paths_and_methods_under_api_are_json(client, method, path, status):
    response = getattr(client, method)(path, headers={"Accept": "text/html"})
    assert_error(response, status)
    if status == 405:
        assert "POST" in response.headers["Allow"]


def test_unknown_page_outside_api_is_a_friendly_page(client):
    response = client.get("/nope")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "couldn&#39;t find that page" in response.get_data(as_text=True)


# --- /api/feedback -------------------------------------------------------------------------------------------


@pytest.mark.storage
def test_feedback_is_recorded(client, db):
    question_id = ask(client, "Can I delete my account?")["question_id"]
    response = client.post("/api/feedback", json={"question_id": question_id, "helpful": True})
    assert response.status_code == 200
    assert response.json == {"question_id": question_id, "helpful": True, "recorded": True}
    row = db.get("feedback", question_id)
    assert row["helpful"] == 1 and row["given_at"]


@pytest.mark.storage
def test_feedback_changes_mind_without_duplicates(client, db):
    question_id = ask(client, "Do you sell my data?")["question_id"]
    for helpful in (True, False):
        assert client.post("/api/feedback", json={"question_id": question_id, "helpful": helpful}).status_code == 200
    assert [r["helpful"] for r in db.query("select helpful from feedback")] == [0]


@pytest.mark.storage
def test_feedback_on_unknown_question_is_404(client, db):
    response = client.post("/api/feedback", json={"question_id": "0" * 32, "helpful": True})
    assert_error(response, 404, "no question with that id")
    assert db.count("feedback") == 0


@pytest.mark.storage
@pytest.mark.parametrize("body, words", [
    ({"helpful": True}, "'question_id'"),
    ({"question_id": 5, "helpful": True}, "'question_id'"),
    ({"question_id": "", "helpful": True}, "'question_id'"),
    ({"question_id": "x" * 65, "helpful": True}, "'question_id'"),
    ({"question_id": "\ud800", "helpful": True}, "'question_id'"),
    ({"question_id": "QID"}, "'helpful' must be true or false"),
    ({"question_id": "QID", "helpful": None}, "'helpful' must be true or false"),
    ({"question_id": "QID", "helpful": "yes"}, "'helpful' must be true or false"),
    ({"question_id": "QID", "helpful": 1}, "'helpful' must be true or false"),
    ({"question_id": "QID", "helpful": 0}, "'helpful' must be true or false"),
], ids=lambda v: repr(v)[:40] if isinstance(v, dict) else None)
def test_bad_feedback_is_400(client, db, body, words):
    question_id = ask(client, "Do you sell my data?")["question_id"]
    body = {k: question_id if v == "QID" else v for k, v in body.items()}
    assert_error(client.post("/api/feedback", json=body), 400, words)
    assert db.count("feedback") == 0


# --- /healthz ------------------------------------------------------------------------------------------------


@pytest.mark.storage
def test_healthz(client, policy):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "clauses": len(policy.clauses)}


# --- the chat page -------------------------------------------------------------------------------------------


def test_chat_page_renders_a_labelled_form(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert '<form id="ask"' in html and 'method="get"' in html
    assert '<label for="question">' in html and 'id="question" name="q"' in html
    assert 'aria-live="polite"' in html  # answers are announced to screen readers
    assert 'maxlength="500"' in html


def test_page_answers_without_javascript(client):
    html = client.get("/", query_string={"q": "Can I delete my account?"}).get_data(as_text=True)
    assert '<p class="quote">Request deletion of your personal information</p>' in html
    assert 'href="/policy/v/1#s6-correction-and-deletion-2"' in html
    assert "Privacy Policy §6 Your Rights and Choices — Correction and Deletion" in html


def test_a_question_partly_covered_says_which_part_the_policy_does_not_cover(client):
    data = ask(client, "do you sell my data and how long do you keep it?")
    assert data["answered"] and data["citations"][0]["section"] == "4"
    assert data["uncovered"] == "How long data is kept"
    assert data["note"] == ("The privacy policy doesn't cover part of your question (how long data is kept). Here is "
                            "what it says about the rest:")
    whole = ask(client, "do you sell my data?")
    assert whole["answer"] == data["answer"] and whole["uncovered"] is None and whole["note"] is None


def test_the_page_says_which_part_the_policy_does_not_cover_before_the_quote(client):
    html = client.get("/", query_string={"q": "what cookies do you use, and what's the price of 1000 sms?"}) \
        .get_data(as_text=True)
    note = html.index('<p class="note">The privacy policy doesn&#39;t cover part of your question (prices, plans and '
                      'payment terms).')
    assert note < html.index("<blockquote")


def test_page_unanswerable_shows_contact_details(client):
    html = client.get("/", query_string={"q": "what's the capital of France"}).get_data(as_text=True)
    assert "doesn&#39;t cover that" in html
    assert 'href="mailto:sales@bluemessaggio.com"' in html and 'href="tel:+919561234758"' in html


@pytest.mark.storage
@pytest.mark.parametrize("q, shown", [
    ("", "Your question must not be empty"),
    ("   ", "Your question must not be empty"),
    ("a" * 501, "Your question is too long: at most 500 characters"),
])
def test_page_bad_question_is_explained(client, db, q, shown):
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 200
    assert f'role="alert"><p>{shown}</p>' in response.get_data(as_text=True)
    assert db.count("questions") == 0


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script> can I delete my data",
    '"><img src=x onerror=alert(1)> do you sell my data',
    "</p><iframe src=//evil.example></iframe>",
])
def test_page_escapes_the_visitors_text(client, hostile):
    html = client.get("/", query_string={"q": hostile}).get_data(as_text=True)
    assert hostile not in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
    escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
    assert f'<div class="msg visitor"><p>{escaped}</p></div>' in html



# --- whatever a client sends, the answer is a reply or a clear 400, never a 500 ------------------------------


@pytest.fixture(scope="module")
def shared_client(tmp_path_factory):
    """One app for the generated cases below (Hypothesis runs many examples per test)."""
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "RATELIMIT_ENABLED": False,
                      "DATABASE": str(tmp_path_factory.mktemp("fuzz") / "t.sqlite")})
    return app.test_client()


@settings(max_examples=60, deadline=None)
@given(question=st.text(max_size=520))
def test_any_question_text_gets_a_reply_or_a_clear_400(shared_client, question):
    response = shared_client.post("/api/ask", json={"question": question})
    meant = CONTROL.sub(" ", question).strip()  # control characters are read as spaces
    if meant and len(meant) <= 500:
        assert response.status_code == 200
        assert_shape(response.json)
    else:
        assert_error(response, 400)


def _json_containers(inner):
    """Lists and objects of `inner` values. A named function, not a lambda over two lines: Hypothesis reads the
    extend function's source back from the file to check that it uses its argument, and once (not reproduced)
    that check warned about the lambda, which is an error in this suite."""
    return st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["question", "session", "x"]), inner,
                                                         max_size=3)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    _json_containers, max_leaves=10,
)


@settings(max_examples=100, deadline=None)
@given(body=JSON_VALUES)
def test_any_json_body_gets_a_reply_or_a_clear_400(shared_client, body):
    response = shared_client.post("/api/ask", data=json.dumps(body), content_type="application/json")
    if response.status_code == 200:
        assert isinstance(body, dict) and isinstance(body.get("question"), str)
        assert_shape(response.json)
    else:
        assert_error(response, 400)


# --- /api/ask: "did you mean ..." ------------------------------------------------------------------------------


@pytest.fixture
def undecided(app):
    """An assistant that asks back whenever another section comes anywhere near the best one."""
    app.extensions["assistant"].clarify_margin = 0.95
    return app


def test_a_close_call_asks_back_with_up_to_three_choices_from_different_sections(undecided, client, policy):
    data = ask(client, "do advertisers get my data")
    assert_shape(data)
    assert (data["kind"], data["answered"], data["answer"], data["citations"]) == ("clarify", False, None, [])
    assert data["message"] == "Did you mean one of these?"
    assert 2 <= len(data["clarify"]) <= 3
    assert len({policy.clause(c["clause_id"]).section for c in data["clarify"]}) == len(data["clarify"])
    for choice in data["clarify"]:
        clause = policy.clause(choice["clause_id"])
        assert choice["text"] == clause.text and choice["url"] == f"/policy/v/1#{clause.anchor}"
        assert choice["label"].startswith(clause.section_title)


@pytest.mark.storage
def test_picking_a_choice_answers_with_that_clause_and_logs_the_choice(undecided, client, db):
    asked = ask(client, "do advertisers get my data")
    picked = asked["clarify"][1]["clause_id"]
    data = ask(client, "do advertisers get my data", choice=picked, clarifies=asked["question_id"])
    assert (data["kind"], data["answered"], data["reason"]) == ("answer", True, "chosen")
    assert data["answer"]["clause_id"] == data["citations"][0]["clause_id"]
    assert picked in [q["clause_id"] for q in data["answer"]["quotes"]]
    row = db.get("questions", data["question_id"])
    assert (row["choice"], row["clarifies"], row["reason"]) == (picked, asked["question_id"], "chosen")
    assert db.get("questions", asked["question_id"])["kind"] == "clarify"


@pytest.mark.parametrize("choice", ["s99-1", "", 7, ["s4-1"], "x" * 100])
def test_a_choice_that_is_not_a_clause_is_a_400(client, choice):
    response = client.post("/api/ask", json={"question": "do you sell my data", "choice": choice})
    assert response.status_code == 400
    assert "'choice'" in response.json["error"]


def test_the_page_without_javascript_offers_the_choices_as_links_that_answer(undecided, client):
    page = client.get("/?q=do+advertisers+get+my+data").get_data(as_text=True)
    links = re.findall(r'<a class="choice" href="([^"]+)">', page)
    assert 2 <= len(links) <= 3
    answered = client.get(links[0].replace("&amp;", "&")).get_data(as_text=True)
    assert '<blockquote' in answered and "Did you mean" not in answered
