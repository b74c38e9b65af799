"""Editors' review: grouping what visitors asked in vain, linking, dismissing, the gap list."""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from app.platform.db import connect, write
from app.staff import review
from conftest import AuthActions
from tests.instances import instances  # noqa: F401  (a fixture)

pytestmark = pytest.mark.storage

HOSTILE = "<script>alert(1)</script>"
# No policy word in it: the assistant cannot answer it until an editor links it.
ZAP = "How do I zap my profile?"
DELETION_CLAUSE = "s6-correction-and-deletion-2"


@pytest.fixture
def editor(client, auth):
    auth.login("zoe", role="editor")
    return client


def log_question(db, text, kind="no_answer", answered=0, confidence=0.0, asked_at="2026-03-01T10:00:00.000+00:00",
                 helpful=None, intent=None) -> str:
    question_id = uuid.uuid4().hex
    with write(db):
        db.insert("questions", {"id": question_id, "asked_at": asked_at, "question": text, "kind": kind,
                                "answered": answered, "confidence": confidence, "channel": "api",
                                "intent": intent})
        if helpful is not None:
            db.insert("feedback", {"question_id": question_id, "helpful": int(helpful), "given_at": asked_at})
    return question_id


def groups(db, **kwargs):
    return [g for g in review.collect_groups(db, low_confidence=0.7, **kwargs) if g.pending]


@pytest.mark.parametrize("text, key", [
    ("  Can I   DELETE my data?! ", "can i delete my data"),
    ("What's an e-mail for", "whats an email for"),
    ("¿Qué es esto?", "qué es esto"),
    ("???", ""),
    ("Stra\u00dfe \ufb01le \uff21\uff22", "strasse file ab"),  # folded and made compatible first
    ("a\u200bb\tc\x00d \u2019tis", "a b c d tis"),  # format and control characters separate words
    ("don\u2019t \u2014 e\u2010mail", "dont e mail"),  # only ' \u2019 and - are dropped; other dashes separate
])
def test_review_key_groups_wordings_that_differ_only_in_case_and_punctuation(text, key):
    assert review.review_key(text) == key


def test_the_same_question_asked_many_times_is_one_row_with_count_and_last_seen(db):
    for n, text in enumerate(["How do I zap my profile?", "how do i ZAP my profile", "How do I zap my profile!!"]):
        log_question(db, text, asked_at=f"2026-03-0{n + 1}T10:00:00.000+00:00")
    log_question(db, "Do you sell my data?", kind="answer", answered=1, confidence=0.95)
    [group] = groups(db)
    assert (group.count, group.last_seen, group.text) == (3, "2026-03-03T10:00:00.000+00:00",
                                                          "How do I zap my profile!!")
    assert group.reasons == {"unanswered": 3, "asked_back": 0, "low_confidence": 0, "thumbs_down": 0}


def test_low_confidence_answers_and_thumbs_down_are_reviewed_too(db):
    log_question(db, "is my chat history kept forever", kind="answer", answered=1, confidence=0.39)
    log_question(db, "do you sell my data", kind="answer", answered=1, confidence=0.95, helpful=False)
    log_question(db, "do you sell my data", kind="answer", answered=1, confidence=0.95, helpful=True)
    log_question(db, "hello", kind="smalltalk", answered=0, confidence=0.0)
    log_question(db, "please delete my data", kind="answer", answered=1, confidence=0.3, intent="deletion")
    found = {g.key: g for g in groups(db)}
    assert set(found) == {"is my chat history kept forever", "do you sell my data"}
    assert found["is my chat history kept forever"].reasons["low_confidence"] == 1
    assert found["do you sell my data"].reasons["thumbs_down"] == 1
    assert found["do you sell my data"].count == 1


def test_most_asked_questions_come_first(db):
    log_question(db, "first rare", asked_at="2026-03-05T10:00:00.000+00:00")
    for _ in range(2):
        log_question(db, "often asked", asked_at="2026-03-01T10:00:00.000+00:00")
    log_question(db, "second rare", asked_at="2026-03-06T10:00:00.000+00:00")
    assert [g.key for g in groups(db)] == ["often asked", "second rare", "first rare"]


def test_the_review_page_shows_groups_with_candidate_clauses(editor, db):
    for _ in range(3):
        log_question(db, "how long do you keep my deleted photos")
    page = editor.get("/editor/unanswered").get_data(as_text=True)
    assert "how long do you keep my deleted photos" in page
    assert "Asked 3 times" in page
    assert page.count('name="clause_id"') == 3  # the three best candidate clauses, each one click away
    assert "Link<span class=\"visually-hidden\">" in page


def test_visitors_text_is_escaped_on_the_review_pages(editor, auth, db):
    log_question(db, f"{HOSTILE} cookies")
    log_question(db, f'"><img src=x onerror=alert(1)> {HOSTILE}')
    page = editor.get("/editor/unanswered").get_data(as_text=True)
    assert HOSTILE not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; cookies" in page
    auth.post("/editor/unanswered/not-covered", {"text": f"{HOSTILE} cookies"}, page="/editor/unanswered")
    for path in ["/editor/gaps", "/editor/unanswered"]:
        page = editor.get(path).get_data(as_text=True)
        assert HOSTILE not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; cookies" in page


def ask(client, question):
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.json


def test_a_linked_question_is_answered_with_that_clause_in_every_instance_and_after_restart(instances, database_url):
    """Two app instances (two gunicorn workers) share one database."""
    editors_app, visitors_app = instances(), instances()
    visitor = visitors_app.test_client()
    assert ask(visitor, ZAP)["answered"] is False

    editor_client = editors_app.test_client()
    auth = AuthActions(editors_app, editor_client)
    auth.login("zoe", role="editor")
    assert ZAP in editor_client.get("/editor/unanswered").get_data(as_text=True)
    response = auth.post("/editor/unanswered/link", {"text": ZAP, "clause_id": DELETION_CLAUSE},
                         page="/editor/unanswered", follow_redirects=True)
    assert "Visitors asking these are now answered with it." in response.get_data(as_text=True)

    reply = ask(visitor, ZAP)
    assert reply["answered"] is True
    assert reply["answer"]["clause_id"] == DELETION_CLAUSE
    assert reply["citations"][0]["label"] == "Privacy Policy §6 Your Rights and Choices — Correction and Deletion"
    assert ask(visitor, "how do i zap my profile")["answer"]["clause_id"] == DELETION_CLAUSE

    restarted = instances().test_client()
    assert ask(restarted, ZAP)["answer"]["clause_id"] == DELETION_CLAUSE
    # Handled: the question is off the review list.
    db = connect(database_url)
    try:
        assert groups(db) == []
    finally:
        db.close()


def test_undoing_a_link_takes_the_phrasing_out_of_retrieval(editor, auth, client, db):
    ask(client, ZAP)
    auth.post("/editor/unanswered/link", {"text": ZAP, "clause_id": DELETION_CLAUSE}, page="/editor/unanswered")
    assert ask(client, ZAP)["answered"] is True
    assert db.count("phrasings") == 1
    auth.post("/editor/reopen", {"key": review.review_key(ZAP)}, page="/editor/unanswered")
    assert db.count("phrasings") == 0 and db.count("review_decisions") == 0
    assert ask(client, ZAP)["answered"] is False
    assert ZAP in editor.get("/editor/unanswered").get_data(as_text=True)


def test_linking_to_another_clause_by_id(editor, auth, client, db):
    ask(client, ZAP)
    auth.post("/editor/unanswered/link", {"text": ZAP, "other_clause_id": "s6-2"}, page="/editor/unanswered")
    assert db.scalar("select clause_id from phrasings") == "s6-2"
    [decision] = db.query("select * from review_decisions")
    assert (decision["action"], decision["decided_by"], decision["count"]) == ("linked", "zoe", 1)


@pytest.mark.parametrize("clause_id", ["", "s99-1", "<script>"])
def test_linking_to_an_unknown_clause_is_refused(editor, auth, db, clause_id):
    log_question(db, ZAP)
    response = auth.post("/editor/unanswered/link", {"text": ZAP, "clause_id": clause_id},
                         page="/editor/unanswered", follow_redirects=True)
    assert "There is no clause with that id" in response.get_data(as_text=True)
    assert db.count("phrasings") == 0 and db.count("review_decisions") == 0


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_a_missing_or_huge_question_is_a_clear_error(editor, auth, db, text):
    response = auth.post("/editor/unanswered/dismiss", {"text": text}, page="/editor/unanswered")
    assert response.status_code == 400
    assert db.count("review_decisions") == 0


def test_dismissed_questions_leave_the_list(editor, auth, db):
    log_question(db, ZAP)
    log_question(db, "something else entirely")
    auth.post("/editor/unanswered/dismiss", {"text": ZAP}, page="/editor/unanswered")
    assert [g.key for g in groups(db)] == ["something else entirely"]
    [decision] = db.query("select * from review_decisions")
    assert (decision["action"], decision["decided_by"]) == ("dismissed", "zoe")
    assert db.count("phrasings") == 0
    # Asked again later: still dismissed.
    log_question(db, ZAP, asked_at="2099-01-01T00:00:00.000+00:00")
    assert [g.key for g in groups(db)] == ["something else entirely"]


def test_not_covered_questions_go_to_the_gap_list_and_its_csv(editor, auth, db):
    for _ in range(4):
        log_question(db, "do you use blockchain")
    # The decision records the wording visitors used (looked up by its key), not what the form says.
    auth.post("/editor/unanswered/not-covered", {"text": "Do you use blockchain"}, page="/editor/unanswered")
    assert groups(db) == []
    page = editor.get("/editor/gaps").get_data(as_text=True)
    assert '">do you use blockchain</a>' in page
    log_question(db, "do you use blockchain?", asked_at="2099-01-01T00:00:00.000+00:00")
    response = editor.get("/editor/gaps.csv")
    assert response.mimetype == "text/csv"
    [row] = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert (row["rank"], row["question"], row["times_asked"], row["asked_before_marked"], row["asked_since_marked"],
            row["marked_by"]) == ("1", "do you use blockchain", "5", "4", "1", "zoe")


def test_a_gap_can_be_taken_back_to_review(editor, auth, db):
    log_question(db, "do you use blockchain")
    auth.post("/editor/unanswered/not-covered", {"text": "do you use blockchain"}, page="/editor/unanswered")
    auth.post("/editor/reopen", {"key": "do you use blockchain", "back": "gaps"}, page="/editor/gaps")
    page = editor.get("/editor/gaps").get_data(as_text=True)
    assert "is back on the review list" in page
    assert '">do you use blockchain</a>' not in page
    assert [g.key for g in groups(db)] == ["do you use blockchain"]


def test_the_review_csv_lists_pending_questions_safely(editor, db):
    log_question(db, '=HYPERLINK("http://evil.example","cookies")')
    log_question(db, '=HYPERLINK("http://evil.example","cookies")', asked_at="2026-03-02T10:00:00.000+00:00")
    response = editor.get("/editor/unanswered.csv")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="review-')
    [row] = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert row["question"] == '\'=HYPERLINK("http://evil.example","cookies")'
    assert (row["count"], row["unanswered"], row["last_seen"]) == ("2", "2", "2026-03-02T10:00:00.000+00:00")
    assert row["best_clause_id"].startswith("s7")


def test_review_actions_need_the_csrf_token(editor, db):
    log_question(db, ZAP)
    response = editor.post("/editor/unanswered/link", data={"text": ZAP, "clause_id": DELETION_CLAUSE})
    assert response.status_code == 400
    assert db.count("phrasings") == 0


def test_a_not_covered_decision_makes_every_instance_abstain_at_once_and_undo_restores(instances):
    """An editor's "not covered" changes what visitors get, in every worker, without a restart."""
    editors_app, visitors_app = instances(), instances()
    visitor = visitors_app.test_client()
    question = "Do you sell my data to advertisers?"
    before = ask(visitor, question)
    assert before["answered"] is True

    index = visitors_app.extensions["assistant"].index

    editor_client = editors_app.test_client()
    auth = AuthActions(editors_app, editor_client)
    auth.login("zoe", role="editor")
    auth.post("/editor/unanswered/not-covered", {"text": question}, page="/editor/unanswered")

    for wording in (question, "do you sell my data to advertisers", "advertisers: do you sell data?"):
        reply = ask(visitor, wording)
        assert (reply["answered"], reply["reason"], reply["handoff"], reply["offer"]) == (False, "not_covered", None, None)
        assert "doesn't cover" in reply["message"]
    assert ask(visitor, "Do you share my messages with the police?")["answered"] is True  # other questions unchanged
    assert ask(instances().test_client(), question)["answered"] is False  # and after a restart

    # Only the gaps changed: the worker kept its index rather than rebuild everything (0.4 s) for a decision.
    assert visitors_app.extensions["assistant"].index is index

    auth.post("/editor/reopen", {"key": review.review_key(question), "back": "gaps"}, page="/editor/gaps")
    assert ask(visitor, question)["answer"]["clause_id"] == before["answer"]["clause_id"]
    assert visitors_app.extensions["assistant"].index is index
    # A linked phrasing goes into the index: that worker builds a new one.
    auth.post("/editor/unanswered/link", {"text": "who gets my stuff for cash", "clause_id": "s4-1"},
              page="/editor/unanswered")
    assert ask(visitor, "who gets my stuff for cash")["answer"]["clause_id"] == "s4-1"
    assert visitors_app.extensions["assistant"].index is not index
