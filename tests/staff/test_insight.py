"""Editors see how the assistant is doing and fix the biggest problems first (issue 15).

Decisions that reach close wordings, clusters, ranking by impact, suggested links, pagination, link by text,
the decision page, the gap list for the policy's authors, and the dashboard's figures against direct counts.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from app import create_app
from app.engine import likeness
from app.engine.answering import EDITOR_GAP_TOPIC
from app.platform import db as storage
from app.platform.db import write
from app.platform.timefmt import INDIA_TZ
from app.staff import figures, review
from bench import closeness
from conftest import AuthActions, add_request
from tests.instances import instance_config, instances  # noqa: F401  (instances: a fixture)

pytestmark = pytest.mark.storage

HOSTILE = "<script>alert(1)</script>"
DPO = "do you have a data protection officer"
SELL_CLAUSE = "s4-1"


@pytest.fixture
def editor(client, auth):
    auth.login("zoe", role="editor")
    return client


def log(db, text, kind="no_answer", answered=0, confidence=0.0, asked_at="2026-03-01T10:00:00.000+00:00",
        helpful=None, intent=None, top_clause=None, session=None, topic=None) -> str:
    question_id = uuid.uuid4().hex
    with write(db):
        db.insert("questions", {"id": question_id, "asked_at": asked_at, "question": text, "kind": kind,
                                "answered": answered, "confidence": confidence, "channel": "api", "intent": intent,
                                "top_clause": top_clause, "session": session, "topic": topic})
        if helpful is not None:
            db.insert("feedback", {"question_id": question_id, "helpful": int(helpful), "given_at": asked_at})
    return question_id


def board(app, db) -> review.Board:
    return review.collect(db, app.extensions["assistant"], 0.7, 5)


def ask(client, question):
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    return response.json


# --- how far a decision reaches -------------------------------------------------------------------------------


def test_the_thresholds_lose_no_answered_question_of_the_team_tables_and_reach_close_wordings():
    """Every out-of-scope question of the team's tables marked "not covered": nothing they expect answered is lost."""
    lost, answered, reached, wordings = closeness.measure_gaps(likeness.GAP_WORDS)
    assert answered > 240 and lost == 0
    assert reached / wordings >= 0.9


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def two_workers(request, tmp_path_factory):
    """Two app instances (two gunicorn workers) sharing one database; an editor signed in on the first.

    Made once for the module's many wordings, on each kind of database in turn.
    """
    folder = tmp_path_factory.mktemp("workers")
    if request.param == "sqlite":
        database = str(folder / "shared.sqlite")
    else:
        database = request.getfixturevalue("postgresql_server").new_database()
    # A spool of the pair's own: PostgreSQL's default (the instance folder) is shared with every other test.
    config = instance_config(database, QUESTION_SPOOL_DIR=str(folder / "question-spool"))
    editors_app, visitors_app = create_app(dict(config)), create_app(dict(config))
    editor_client = editors_app.test_client()
    auth = AuthActions(editors_app, editor_client)
    auth.login("zoe", role="editor")
    visitor = visitors_app.test_client()
    ask(visitor, DPO)
    before = {q: ask(visitor, q) for q in UNRELATED}
    response = auth.post("/editor/unanswered/not-covered", {"text": DPO}, page="/editor/unanswered")
    assert response.status_code == 302 and "/editor/decisions/" in response.headers["Location"]
    yield visitor, before, auth, config
    auth.post("/editor/reopen", {"key": review.review_key(DPO)}, page="/editor/unanswered")
    for app in (editors_app, visitors_app):
        storage.reset_connections(app)


CLOSE = ["who is your data protection officer", "is there a data protection officer",
         "Data protection officer contact?", "do you have a data protection officer?!"]
UNRELATED = ["when are your offices open", "do you sell my data", "is my data encrypted",
             "do you have a bug bounty programme", "how do I contact your privacy team"]


@pytest.mark.parametrize("wording", CLOSE)
def test_a_not_covered_decision_declines_close_wordings_in_the_other_worker(two_workers, wording):
    visitor, _, _, _ = two_workers
    reply = ask(visitor, wording)
    assert (reply["answered"], reply["reason"], reply["handoff"]) == (False, "not_covered", None)
    assert "doesn't cover" in reply["message"]


@pytest.mark.parametrize("wording", UNRELATED)
def test_a_not_covered_decision_leaves_unrelated_questions_as_they_were(two_workers, wording):
    visitor, before, _, _ = two_workers
    reply = ask(visitor, wording)
    assert (reply["kind"], reply["reason"], (reply.get("answer") or {}).get("clause_id")) == (
        before[wording]["kind"], before[wording]["reason"], (before[wording].get("answer") or {}).get("clause_id"))


def test_undo_restores_close_wordings_in_every_worker(instances):
    editors_app, visitors_app = instances(), instances()
    visitor = visitors_app.test_client()
    question, close = "Do you sell my data to advertisers?", "would you sell my data to advertisers"
    before = ask(visitor, close)
    assert before["answered"] is True
    auth = AuthActions(editors_app, editors_app.test_client())
    auth.login("zoe", role="editor")
    ask(visitor, question)
    auth.post("/editor/unanswered/not-covered", {"text": question}, page="/editor/unanswered")
    assert ask(visitor, close)["reason"] == "not_covered"
    auth.post("/editor/reopen", {"key": review.review_key(question)}, page="/editor/unanswered")
    assert ask(visitor, close)["answer"]["clause_id"] == before["answer"]["clause_id"]


def test_the_decision_page_shows_which_logged_questions_it_covers(editor, auth, db):
    recently = storage.now_iso()
    for text in [DPO, DPO, "who is your data protection officer", "when are your offices open", "do you sell my data"]:
        log(db, text, asked_at=recently)
    log(db, "who is the data protection officer", asked_at="2026-01-01T10:00:00.000+00:00")  # over 30 days ago
    response = auth.post("/editor/unanswered/not-covered", {"key": review.review_key(DPO)}, page="/editor/unanswered",
                         follow_redirects=True)
    page = response.get_data(as_text=True)
    assert '<td class="visitor-text">do you have a data protection officer</td><td>this wording</td>' in page
    assert '<td class="visitor-text">who is your data protection officer</td><td>close wording</td>' in page
    assert "offices open" not in page and "sell my data" not in page
    assert "who is the data protection officer" not in page and "Asked in the last 30 days" in page


def test_the_decision_page_reads_the_same_close_wordings_after_a_restart_as_when_it_analysed_them(app, auth, db):
    recently = storage.now_iso()
    wordings = [DPO, *CLOSE, *UNRELATED, "data_protection 100% officer?"]
    for text in wordings:
        log(db, text, asked_at=recently)
    auth.login("zoe", role="editor")
    auth.post("/editor/unanswered/not-covered", {"key": review.review_key(DPO)}, page="/editor/unanswered")
    [batch] = {r["batch"] for r in db.query("select batch from review_decisions")}
    assistant = app.extensions["assistant"]
    with write(db):
        db.execute("delete from wording_shapes")
    review._shape_cache.clear()
    analysed = review.covered_questions(db, assistant, batch)  # every wording analysed and stored
    assert db.count("wording_shapes") == len({review.review_key(t) for t in wordings} - {review.review_key(DPO)})
    review._shape_cache.clear()  # a restart: only the stored shapes that have the decided question's words are read
    assert review.covered_questions(db, assistant, batch) == analysed
    assert {e["text"] for e in analysed if e["how"] == "close wording"} >= {"who is your data protection officer"}
    assert not {e["text"] for e in analysed} & set(UNRELATED)


def test_dismissed_questions_and_close_wordings_stop_appearing(app, editor, auth, db):
    log(db, DPO)
    log(db, "do you use blockchain")
    auth.post("/editor/unanswered/dismiss", {"key": review.review_key(DPO)}, page="/editor/unanswered")
    log(db, "who is your data protection officer", asked_at="2099-01-01T00:00:00.000+00:00")
    log(db, DPO, asked_at="2099-01-01T00:00:00.000+00:00")
    assert [c.key for c in board(app, db).clusters] == ["do you use blockchain"]


# --- clusters --------------------------------------------------------------------------------------------------

GROUPS = closeness.read_groups()


@pytest.fixture
def logged_groups(db):
    for n, group in enumerate(GROUPS):
        for wording in group["wordings"] + group.get("apart", []):
            log(db, wording, asked_at=f"2026-03-{n + 1:02d}T10:00:00.000+00:00")
    return db


@pytest.mark.parametrize("group", GROUPS, ids=[g["name"] for g in GROUPS])
def test_wordings_of_one_question_land_in_one_cluster_and_never_with_another(app, logged_groups, group):
    clusters = board(app, logged_groups).clusters
    keys = {review.review_key(w) for w in group["wordings"]}
    [home] = [c for c in clusters if keys & {g.key for g in c.members}]
    assert {g.key for g in home.members} == keys
    for wording in group.get("apart", []):
        assert review.review_key(wording) not in {g.key for g in home.members}


def test_a_cluster_shows_its_size_examples_seen_dates_and_what_was_answered(app, editor, db):
    for n, (text, helpful) in enumerate([("do you sell my data", 0), ("do you sell my personal data", 0),
                                         ("would you ever sell my data", None)]):
        log(db, text, kind="answer", answered=1, confidence=0.5, helpful=helpful, top_clause=SELL_CLAUSE,
            asked_at=f"2026-03-0{n + 1}T10:00:00.000+00:00", session=f"s{n}")
    [cluster] = board(app, db).clusters
    assert (cluster.size, cluster.visitors, len(cluster.members)) == (3, 3, 3)
    assert (cluster.first_seen, cluster.last_seen) == ("2026-03-01T10:00:00.000+00:00", "2026-03-03T10:00:00.000+00:00")
    assert cluster.reasons["thumbs_down"] == 2 and cluster.answered_with == (SELL_CLAUSE, 3)
    page = editor.get("/editor/unanswered").get_data(as_text=True)
    assert "in 3 wordings" in page and "The assistant answered</strong> 3 of them with" in page
    assert "We do not sell" in page or "sell" in page.split("The assistant answered", 1)[1][:2000]
    assert page.count('value="s4-1"') >= 1  # candidate clauses, linked in one click


def test_one_action_decides_every_wording_of_a_cluster_and_undo_takes_them_all_back(app, editor, auth, db):
    wordings = ["do you have a bug bounty programme", "is there a bug bounty program", "bug bounty program?"]
    for text in wordings:
        log(db, text)
    [cluster] = board(app, db).clusters
    auth.post("/editor/unanswered/not-covered", {"key": [g.key for g in cluster.members]}, page="/editor/unanswered")
    decided = db.query("select * from review_decisions")
    assert {d["text"] for d in decided} == set(wordings) and len({d["batch"] for d in decided}) == 1
    assert board(app, db).clusters == []
    response = auth.post("/editor/reopen", {"key": cluster.members[1].key}, page="/editor/unanswered",
                         follow_redirects=True)
    assert "and 2 more wordings) is back on the review list" in response.get_data(as_text=True)
    assert db.count("review_decisions") == 0 and len(board(app, db).clusters) == 1


def test_a_member_split_off_is_reviewed_alone_and_can_rejoin(app, editor, auth, db):
    for text in ["do you have a bug bounty programme", "is there a bug bounty program", "bug bounty program?"]:
        log(db, text)
    auth.post("/editor/unanswered/split", {"key": "bug bounty program"}, page="/editor/unanswered")
    clusters = board(app, db).clusters
    assert sorted(len(c.members) for c in clusters) == [1, 2]
    big = next(c for c in clusters if len(c.members) == 2)
    auth.post("/editor/unanswered/dismiss", {"key": [g.key for g in big.members]}, page="/editor/unanswered")
    assert [c.key for c in board(app, db).clusters] == ["bug bounty program"]  # the split one was not decided
    assert "Rejoin" in editor.get("/editor/unanswered").get_data(as_text=True)
    auth.post("/editor/unanswered/rejoin", {"key": "bug bounty program"}, page="/editor/unanswered")
    assert db.count("review_splits") == 0


def test_an_action_on_wordings_decided_meanwhile_changes_nothing(editor, auth, db):
    response = auth.post("/editor/unanswered/dismiss", {"key": ["never asked"]}, page="/editor/unanswered",
                         follow_redirects=True)
    assert "no longer on the list" in response.get_data(as_text=True)
    assert db.count("review_decisions") == 0


# --- ranking and suggestions -----------------------------------------------------------------------------------


def test_clusters_are_ranked_by_how_many_visitors_they_hurt_and_how_badly(app, db):
    for n in range(2):
        log(db, "do you use blockchain", session=f"a{n}")  # declined twice: 2.0
    for n in range(4):
        log(db, "how long do you keep server logs", kind="answer", answered=1, confidence=0.5, session=f"b{n}")  # 1.6
    log(db, "what about my stuff", kind="clarify", session="c")  # asked back once: 0.6
    log(db, "do you sell my data", kind="answer", answered=1, confidence=0.5, helpful=1)  # liked: not shown
    log(db, "do you use cookies", kind="answer", answered=1, confidence=0.95)  # confident: not shown
    clusters = board(app, db).clusters
    assert [c.key for c in clusters] == ["do you use blockchain", "how long do you keep server logs",
                                         "what about my stuff"]
    assert [round(c.impact, 1) for c in clusters] == [2.0, 1.6, 0.6]


def test_a_thumbs_down_outweighs_more_asks_answered_unsurely(app, db):
    log(db, "is my data encrypted", kind="answer", answered=1, confidence=0.9, helpful=0)
    for n in range(2):
        log(db, "do you use blockchain at all", kind="answer", answered=1, confidence=0.6)
    assert board(app, db).clusters[0].key == "is my data encrypted"


@pytest.mark.parametrize("asks, suggested", [(4, False), (5, True), (7, True)])
def test_a_link_is_suggested_once_five_alike_questions_found_one_clause_and_never_applied(app, editor, db, asks,
                                                                                          suggested):
    wordings = ["do you sell my data", "do you sell my personal data", "would you ever sell my data"]
    for n in range(asks):
        log(db, wordings[n % 3], kind="answer", answered=1, confidence=0.5, top_clause=SELL_CLAUSE)
    found = board(app, db).suggestions
    assert [(s.clause_id, s.count) for s in found] == ([(SELL_CLAUSE, asks)] if suggested else [])
    page = editor.get("/editor/unanswered").get_data(as_text=True)
    assert ("Suggested links" in page) is suggested
    assert db.count("phrasings") == 0 and db.count("review_decisions") == 0  # nothing applied unasked


def test_suggestions_are_ranked_by_frequency(app, db):
    for n in range(5):
        log(db, "do you sell my data", kind="answer", answered=1, confidence=0.5, top_clause=SELL_CLAUSE)
    for n in range(7):
        log(db, "do you use cookies", kind="answer", answered=1, confidence=0.5, top_clause="s7-1")
    assert [(s.clause_id, s.count) for s in board(app, db).suggestions] == [("s7-1", 7), (SELL_CLAUSE, 5)]


def test_accepting_a_suggestion_links_every_wording(app, editor, auth, db, client):
    for n in range(5):
        log(db, ["do you sell my data", "would you ever sell my data"][n % 2], kind="answer", answered=1,
            confidence=0.5, top_clause=SELL_CLAUSE)
    [s] = board(app, db).suggestions
    auth.post("/editor/unanswered/link", {"clause_id": s.clause_id, "key": [g.key for g in s.cluster.members]},
              page="/editor/unanswered")
    assert {r["phrasing"] for r in db.query("select phrasing from phrasings")} == {"do you sell my data", "would you ever sell my data"}
    assert board(app, db).suggestions == []


# --- pagination ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page, shown, first", [(None, 20, 1), ("2", 20, 21), ("3", 5, 41), ("99", 5, 41)])
def test_the_review_list_is_paged(editor, db, page, shown, first):
    for n in range(45):  # 45 unrelated questions, each its own cluster; more asks rank higher
        for _ in range(50 - n):
            log(db, f"zq{n}x{n} frobnicate{n}")
    html = editor.get("/editor/unanswered", query_string={"page": page} if page else {}).get_data(as_text=True)
    assert html.count('class="review-item"') == shown
    assert f'<span class="rank">{first}.</span>' in html
    assert "45 groups of questions to review" in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1e3", "9" * 20])
def test_a_page_number_that_is_not_a_whole_number_from_1_is_a_clear_error(editor, page):
    for path in ("/editor/unanswered", "/editor/gaps"):
        response = editor.get(path, query_string={"page": page})
        assert response.status_code == 400
        assert "page number" in response.get_data(as_text=True)


def test_the_gap_list_is_paged(app, editor, auth, db):
    app.config["REVIEW_PAGE_SIZE"] = 2
    for text in ["do you use blockchain", "do you have a bug bounty programme", "are you iso 27001 certified"]:
        log(db, text)
        auth.post("/editor/unanswered/not-covered", {"text": text}, page="/editor/unanswered")
    assert editor.get("/editor/gaps").get_data(as_text=True).count('data-label="Rank"') == 2
    assert "Page 2 of 2" in editor.get("/editor/gaps?page=2").get_data(as_text=True)


# --- link by text ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("q, clause_id", [("cookies web beacons", "s7-1"), ("s6-2", "s6-2"), ("sell", SELL_CLAUSE)])
def test_another_clause_is_found_by_its_words_or_id_and_linked(app, editor, auth, db, client, q, clause_id):
    log(db, "how do I yeet my profile")
    html = editor.get("/editor/link-search", query_string={"q": q, "key": "how do i yeet my profile"}).get_data(
        as_text=True)
    assert f'name="clause_id" value="{clause_id}"' in html
    auth.post("/editor/unanswered/link", {"clause_id": clause_id, "key": "how do i yeet my profile"},
              page="/editor/unanswered")
    assert db.scalar("select clause_id from phrasings") == clause_id


def test_a_search_that_finds_no_clause_says_so(editor):
    html = editor.get("/editor/link-search", query_string={"q": "zzqx"}).get_data(as_text=True)
    assert "No clause has these words" in html


# --- for the policy's authors ----------------------------------------------------------------------------------


def test_the_gap_list_is_ranked_by_demand_and_exported_as_csv_and_markdown(editor, auth, db):
    for text, times in [("do you use blockchain", 2), (DPO, 5)]:
        for _ in range(times):
            log(db, text)
        auth.post("/editor/unanswered/not-covered", {"text": text}, page="/editor/unanswered")
    log(db, "who is your data protection officer", asked_at="2099-01-01T00:00:00.000+00:00")  # close: counts
    rows = list(csv.DictReader(io.StringIO(editor.get("/editor/gaps.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert [(r["rank"], r["question"], r["times_asked"]) for r in rows] == [
        ("1", DPO, "6"), ("2", "do you use blockchain", "2")]
    assert rows[0]["other_wordings"] == "who is your data protection officer"
    response = editor.get("/editor/gaps.md")
    assert response.mimetype == "text/markdown" and "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "1. **do you have a data protection officer** (asked 6 times)" in text
    assert "2. **do you use blockchain** (asked 2 times)" in text


def test_the_markdown_report_shows_visitor_text_as_inert_text(editor, auth, db):
    log(db, f"{HOSTILE} [click](http://evil.example) **bold**")
    auth.post("/editor/unanswered/not-covered", {"text": f"{HOSTILE} [click](http://evil.example) **bold**"},
              page="/editor/unanswered")
    text = editor.get("/editor/gaps.md").get_data(as_text=True)
    assert HOSTILE not in text and "](http" not in text and "**bold**" not in text
    assert r"\<script\>alert\(1\)\</script\>" in text


# --- the dashboard ---------------------------------------------------------------------------------------------

SEEDED = [  # (asked_at UTC, kind, answered, intent, helpful, topic, top_clause)
    ("2026-03-01T10:00:00.000+00:00", "answer", 1, None, 1, "data_security", "s5-1"),
    ("2026-03-01T11:00:00.000+00:00", "answer", 1, None, 0, "data_security", "s5-1"),
    ("2026-03-01T12:00:00.000+00:00", "no_answer", 0, None, None, "children", None),
    ("2026-03-01T19:00:00.000+00:00", "clarify", 0, None, None, "data_retention", "s2-1"),  # 2 Mar in India
    ("2026-03-02T09:00:00.000+00:00", "answer", 1, "deletion", None, "user_access_edit_deletion", "s6-1"),
    ("2026-03-02T09:30:00.000+00:00", "smalltalk", 0, None, None, None, None),
    ("2026-03-03T08:00:00.000+00:00", "answer", 1, None, 1, "cookies_tracking", "s7-1"),
    ("2026-02-25T08:00:00.000+00:00", "answer", 1, None, None, "cookies_tracking", "s7-1"),  # the period before
]


@pytest.fixture
def seeded(db):
    for at, kind, answered, intent, helpful, topic, clause in SEEDED:
        log(db, f"{HOSTILE} question at {at}", kind=kind, answered=answered, intent=intent, helpful=helpful,
            topic=topic, top_clause=clause, asked_at=at, confidence=0.9)
    add_request(db, type="deletion", received_at="2026-03-02T09:01:00+00:00")
    return db


PERIOD = figures.Period(date(2026, 3, 1), date(2026, 3, 7))


def test_the_dashboard_figures_match_a_direct_count(seeded):
    days = {d.day: d for d in figures.daily(seeded, PERIOD)}
    assert len(days) == 7
    assert (days["2026-03-01"].asked, days["2026-03-01"].answered, days["2026-03-01"].declined) == (3, 2, 1)
    assert (days["2026-03-02"].asked_back, days["2026-03-02"].handed_off, days["2026-03-02"].small_talk) == (1, 1, 1)
    total = figures.totals(list(days.values()))
    start, end = PERIOD.bounds()
    direct = seeded.execute(
        "select count(*), count(*) filter (where answered = 1 and intent is null), "
        "count(*) filter (where intent is not null), "
        "(select count(*) from feedback f join questions q on q.id = f.question_id where helpful = 1 "
        " and q.asked_at >= :s and q.asked_at < :e), "
        "(select count(*) from feedback f join questions q on q.id = f.question_id where helpful = 0 "
        " and q.asked_at >= :s and q.asked_at < :e) "
        "from questions where asked_at >= :s and asked_at < :e", {"s": start, "e": end}).fetchone()
    assert (total.asked, total.answered, total.handed_off, total.liked, total.disliked) == tuple(direct) == (7, 3, 1, 2, 1)
    assert total.asked == sum(getattr(total, o) for o in figures.OUTCOMES)


def test_topics_that_grow_and_clauses_that_carry_the_load(seeded):
    found = {t.name: (t.count, t.before) for t in figures.topics(seeded, PERIOD)}
    assert found["data_security"] == (2, 0) and found["cookies_tracking"] == (1, 1)
    assert [(c.name, c.count) for c in figures.clauses(seeded, PERIOD)] == [("s5-1", 2), ("s7-1", 1)]
    assert [(r.name, r.count) for r in figures.requests_by_type(seeded, PERIOD)] == [("deletion", 1)]


def test_the_dashboard_shows_the_figures_as_charts_with_their_numbers(app, editor, seeded, monkeypatch):
    monkeypatch.setattr(figures.Period, "ending", classmethod(lambda cls, end, days: PERIOD))
    html = editor.get("/editor/?days=7").get_data(as_text=True)
    assert html.count("<svg class=\"chart\"") == 4  # days, topics, clauses, requests
    assert "<dt>Questions</dt><dd>7</dd>" in html and "<dt>Thumbs down</dt><dd>1</dd>" in html
    assert "<title>1 Mar 2026: Answered 2</title>" in html  # each segment says what it is, not only by colour
    assert HOSTILE not in html and "&lt;script&gt;" in html  # the biggest problems, escaped
    rows = list(csv.DictReader(io.StringIO(editor.get("/editor/dashboard.csv?days=7").get_data(as_text=True)
                                           .lstrip("\ufeff"))))
    assert [(r["day"], r["asked"]) for r in rows][:3] == [("2026-03-01", "3"), ("2026-03-02", "3"),
                                                          ("2026-03-03", "1")]


@pytest.mark.parametrize("days", ["0", "8", "abc", "-7", "3650"])
def test_an_unknown_period_is_a_clear_error(editor, days):
    response = editor.get("/editor/", query_string={"days": days})
    assert response.status_code == 400 and "Choose a period" in response.get_data(as_text=True)


def test_agents_cannot_open_the_editors_pages(client, auth):
    auth.login("agent")
    for path in ("/editor/", "/editor/decisions/abc", "/editor/link-search?q=x", "/editor/gaps.md"):
        assert client.get(path).status_code == 403


# --- visitor text is escaped on every new page -----------------------------------------------------------------


def test_visitor_text_is_escaped_on_every_editor_page(app, editor, auth, db):
    texts = [f"{HOSTILE} cookies", f'"><img src=x onerror=alert(1)> {HOSTILE} bug bounty']
    for text in texts:
        for _ in range(5):
            log(db, text, kind="answer", answered=1, confidence=0.5, top_clause="s7-1")
    auth.post("/editor/unanswered/not-covered", {"key": review.review_key(texts[1])}, page="/editor/unanswered")
    batch = db.scalar("select batch from review_decisions")
    for path in ["/editor/", "/editor/unanswered", "/editor/gaps", f"/editor/decisions/{batch}",
                 f"/editor/link-search?q={HOSTILE}&key={review.review_key(texts[0])}"]:
        html = editor.get(path).get_data(as_text=True)
        assert HOSTILE not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html, path


def test_the_review_list_is_reused_for_a_while_but_a_decision_shows_at_once(app, editor, auth, db):
    app.config["REVIEW_CACHE_SECONDS"] = 3600
    log(db, "do you use blockchain")
    assert "do you use blockchain" in editor.get("/editor/unanswered").get_data(as_text=True)
    log(db, "do you have a bug bounty programme")
    assert "bug bounty" not in editor.get("/editor/unanswered").get_data(as_text=True)  # the log may lag ...
    made_at = db.scalar("select made_at from review_boards")
    auth.post("/editor/unanswered/dismiss", {"key": "do you use blockchain"}, page="/editor/unanswered")
    html = editor.get("/editor/unanswered").get_data(as_text=True)  # ... a decision never does
    assert "blockchain</span></h2>" not in html
    wait_for_refresh(db, made_at)  # collected again in the background after the decision
    html = editor.get("/editor/unanswered").get_data(as_text=True)
    assert "blockchain</span></h2>" not in html and "bug bounty" in html


def direct_days(db, period) -> dict[str, tuple]:
    """(asked, answered, declined, liked, disliked) of each day of `period` with asks, counted in Python."""
    start, end = period.bounds()
    out: dict[str, list] = {}
    for at, kind, answered, intent, helpful in db.execute(
            "select q.asked_at, q.kind, q.answered, q.intent, f.helpful from questions q "
            "left join feedback f on f.question_id = q.id where q.asked_at >= :s and q.asked_at < :e",
            {"s": start, "e": end}):
        day = datetime.fromisoformat(at).astimezone(INDIA_TZ).date().isoformat()
        counts = out.setdefault(day, [0, 0, 0, 0, 0])
        counts[0] += 1
        counts[1] += answered == 1 and intent is None
        counts[2] += kind == "no_answer" and intent is None
        counts[3] += helpful == 1
        counts[4] += helpful == 0
    return {day: tuple(c) for day, c in out.items()}


def shown_days(db, period, today=None) -> dict[str, tuple]:
    return {d.day: (d.asked, d.answered, d.declined, d.liked, d.disliked)
            for d in figures.daily(db, period, today) if d.asked}


def test_days_that_are_over_are_counted_once_and_stored_for_every_worker(seeded):
    assert shown_days(seeded, PERIOD) == direct_days(seeded, PERIOD)
    stored = {r["day"]: r for r in seeded.query("select * from question_days")}
    assert sorted(stored) == [(PERIOD.start + timedelta(days=n)).isoformat() for n in range(7)]  # empty days too
    assert (stored["2026-03-01"]["asked"], stored["2026-03-04"]["asked"]) == (3, 0)
    assert json.loads(stored["2026-03-01"]["clauses"]) == {"s5-1": 2}
    assert shown_days(seeded, PERIOD) == direct_days(seeded, PERIOD)
    assert {r["day"]: r["counted_at"] for r in seeded.query("select * from question_days")} == \
        {day: row["counted_at"] for day, row in stored.items()}  # read from the store, not counted again


def _late_row(db, qid):
    log(db, "a row from the spool", asked_at="2026-03-01T12:30:00.000+00:00")


def _late_thumb(db, qid):
    with write(db):
        db.insert("feedback", {"question_id": qid, "helpful": 0, "given_at": storage.now_iso()})


def _changed_thumb(db, qid):
    with write(db):
        db.execute("update feedback set helpful = 1 - helpful")


def _purge(db, qid):
    with write(db):
        db.execute("delete from feedback where question_id = :id", {"id": qid})
        db.execute("delete from questions where id = :id", {"id": qid})


@pytest.mark.parametrize("change", [_late_row, _late_thumb, _changed_thumb, _purge])
def test_a_late_change_to_a_day_that_is_over_is_counted_at_once(seeded, change):
    before = shown_days(seeded, PERIOD)  # stored now
    unrated = seeded.scalar("select q.id from questions q left join feedback f on f.question_id = q.id "
                            "where f.question_id is null and q.asked_at like '2026-03-01T12%'")
    change(seeded, unrated)
    after = shown_days(seeded, PERIOD)
    assert after == direct_days(seeded, PERIOD) and after != before


def test_today_and_yesterday_are_read_from_the_log_and_never_stored(seeded):
    today = date(2026, 3, 3)
    assert shown_days(seeded, PERIOD, today)["2026-03-03"] == (1, 1, 0, 1, 0)
    assert [r["day"] for r in seeded.query("select day from question_days order by day")] == ["2026-03-01"]
    log(seeded, "asked today", asked_at="2026-03-03T06:00:00.000+00:00")
    assert shown_days(seeded, PERIOD, today)["2026-03-03"][0] == 2


def test_the_figures_are_shown_when_the_database_refuses_to_store_them(seeded, caplog):
    read_only = ("PRAGMA query_only = {}" if seeded.kind == "sqlite"  # as a standby or a full disk would
                 else "SET default_transaction_read_only = {}")
    seeded.conn.exec_driver_sql(read_only.format("on"))
    assert shown_days(seeded, PERIOD) == direct_days(seeded, PERIOD)
    seeded.conn.exec_driver_sql(read_only.format("off"))
    assert seeded.count("question_days") == 0 and "could not store the dashboard's figures" in caplog.text


def test_a_late_thumbs_down_in_one_worker_shows_on_the_dashboard_of_another(seeded, instances, monkeypatch):
    editors, visitors = instances(), instances()
    editor = editors.test_client()
    AuthActions(editors, editor).login("zoe", role="editor")
    monkeypatch.setattr(figures.Period, "ending", classmethod(lambda cls, end, days: PERIOD))
    assert "<dt>Thumbs down</dt><dd>1</dd>" in editor.get("/editor/?days=7").get_data(as_text=True)
    unrated = seeded.scalar("select q.id from questions q left join feedback f on f.question_id = q.id "
                            "where f.question_id is null and q.asked_at like '2026-03-01T12%'")
    response = visitors.test_client().post("/api/feedback", json={"question_id": unrated, "helpful": False})
    assert response.status_code == 200
    assert "<dt>Thumbs down</dt><dd>2</dd>" in editor.get("/editor/?days=7").get_data(as_text=True)


def wait_for_refresh(db, made_at, seconds=30.0) -> None:
    """Wait until a background refresh stored a board newer than `made_at`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = db.one("select made_at, refreshing_since from review_boards where id = 1")
        if row["made_at"] != made_at and row["refreshing_since"] is None:
            return
        time.sleep(0.05)
    raise AssertionError("the review list was not refreshed")


def test_an_old_review_list_is_shown_while_one_worker_collects_a_fresh_one(app, editor, db):
    app.config["REVIEW_CACHE_SECONDS"] = 0.2
    log(db, "do you use blockchain")
    editor.get("/editor/unanswered")
    made_at = db.scalar("select made_at from review_boards")
    log(db, "do you have a bug bounty programme")
    time.sleep(0.3)
    assert "bug bounty" not in editor.get("/editor/unanswered").get_data(as_text=True)  # stale, refreshing
    wait_for_refresh(db, made_at)
    assert "bug bounty" in editor.get("/editor/unanswered").get_data(as_text=True)


def test_the_review_list_is_collected_once_for_every_worker_and_after_a_restart(instances, db):
    for text in ("do you use blockchain", "is my data stored on the blockchain", "do you have a bug bounty"):
        log(db, text)
    first, second = instances(REVIEW_CACHE_SECONDS=3600), instances(REVIEW_CACHE_SECONDS=3600)
    AuthActions(first, one := first.test_client()).login("zoe", role="editor")
    AuthActions(second, other := second.test_client()).login("ann", role="editor")
    assert "blockchain" in one.get("/editor/unanswered").get_data(as_text=True)
    log(db, "do you sell my data to advertisers")
    page = other.get("/editor/unanswered").get_data(as_text=True)  # the board the first worker collected
    assert "bug bounty" in page and "advertisers" not in page
    restarted = instances(REVIEW_CACHE_SECONDS=3600)
    AuthActions(restarted, again := restarted.test_client()).login("zoe", role="editor")
    assert "advertisers" not in again.get("/editor/unanswered").get_data(as_text=True)
    made_at = db.scalar("select made_at from review_boards")
    AuthActions(second, other).post("/editor/unanswered/dismiss", {"key": "do you have a bug bounty"},
                                    page="/editor/unanswered")
    page = one.get("/editor/unanswered").get_data(as_text=True)  # another worker's decision shows at once
    assert "bug bounty</span></h2>" not in page and "blockchain" in page
    wait_for_refresh(db, made_at)  # and the log is read again in the background
    page = one.get("/editor/unanswered").get_data(as_text=True)
    assert "bug bounty</span></h2>" not in page and "advertisers" in page


def clusters_shown(html: str) -> list[str]:
    return re.findall(r'<span class="visitor-text">([^<]*)</span></h2>', html)


def test_a_decision_or_split_shows_at_once_on_a_stored_board_and_an_undo_too(app, editor, auth, db):
    app.config["REVIEW_CACHE_SECONDS"] = 3600
    bounty = ["do you have a bug bounty programme", "is there a bug bounty program", "bug bounty program?"]
    for text in bounty + ["do you use blockchain"]:
        log(db, text)
    assert len(clusters_shown(editor.get("/editor/unanswered").get_data(as_text=True))) == 2
    auth.post("/editor/unanswered/split", {"key": "bug bounty program"}, page="/editor/unanswered")
    html = editor.get("/editor/unanswered").get_data(as_text=True)
    shown = clusters_shown(html)
    assert len(shown) == 3 and "bug bounty program?" in shown and "Rejoin" in html  # at once
    auth.post("/editor/unanswered/dismiss", {"key": "do you use blockchain"}, page="/editor/unanswered")
    assert "do you use blockchain" not in clusters_shown(editor.get("/editor/unanswered").get_data(as_text=True))
    auth.post("/editor/reopen", {"key": "do you use blockchain"}, page="/editor/unanswered")
    assert "do you use blockchain" in clusters_shown(editor.get("/editor/unanswered").get_data(as_text=True))


def test_wordings_are_analysed_once_for_every_worker_and_after_a_restart(app, db, monkeypatch):
    for text in ["do you use blockchain", "is my data stored on a blockchain", DPO, "do you sell my data"]:
        log(db, text)
    review._shape_cache.clear()  # this process analysed them for another test's database
    collected = board(app, db)
    assert db.count("wording_shapes") == 4
    review._shape_cache.clear()  # as after a restart, or in another worker
    assistant, analysed = app.extensions["assistant"], []
    analyse = assistant.shape
    monkeypatch.setattr(assistant, "shape", lambda question, *rest: analysed.append(question) or analyse(question, *rest))
    again = board(app, db)
    assert analysed == [] and [[g.key for g in c.members] for c in again.clusters] == \
        [[g.key for g in c.members] for c in collected.clusters]
    stored = review._read_shapes(db, review.shape_fingerprint(assistant), [review.review_key(DPO)])
    assert stored[review.review_key(DPO)] == analyse(review.review_key(DPO))  # exactly as analysed


def described(b: review.Board, db=None):
    """What the review list shows of a board: clusters in order with their figures, suggestions, the gap list."""
    return ([(c.key, c.text, [(g.key, g.text, g.count, g.split) for g in c.members], c.size, c.impact, c.visitors,
              c.first_seen, c.last_seen, c.reasons, c.answered_with, c.best_clause, c.members[0].decision)
             for c in b.clusters], [(s.cluster.key, s.clause_id, s.count) for s in b.suggestions],
            review.gap_list(db, b) if db is not None else None)


def test_a_stored_board_reads_back_as_collected(app, auth, db):
    for text, times in [("do you use blockchain", 3), ("is my data stored on a blockchain", 2), (DPO, 4),
                        ("who is your data protection officer", 2), ("do you sell my data", 5)]:
        for n in range(times):
            log(db, text, kind="answer", answered=1, confidence=0.5, top_clause=SELL_CLAUSE, session=f"s{n % 2}",
                helpful=False if n == 0 else None)
    auth.login("zoe", role="editor")
    auth.post("/editor/unanswered/not-covered", {"key": review.review_key(DPO)}, page="/editor/unanswered")
    auth.post("/editor/unanswered/split", {"key": "is my data stored on a blockchain"}, page="/editor/unanswered")
    collected = board(app, db)
    loaded = review.load_board(review.dump_board(collected))
    assert described(loaded, db) == described(collected, db)
    assert collected.suggestions and review.gap_list(db, collected)[0]["close"] == ["who is your data protection officer"]
    undone = review.Board(list(collected.undone.values()), [], {})  # what undo puts back reads back alike too
    assert described(review.Board(list(loaded.undone.values()), [], {})) == described(undone)
    [(batch, cluster)] = collected.undone.items()
    assert [g.key for g in cluster.members] == [review.review_key(DPO)] and cluster.size == 4


BOUNTY = ["do you have a bug bounty programme", "is there a bug bounty program", "bug bounty program?"]


@pytest.fixture
def stored(app, editor, db, monkeypatch):
    """A review list stored for an hour; `stored.collections()` counts this thread's collections of the log."""
    app.config["REVIEW_CACHE_SECONDS"] = 3600
    for n, text in enumerate(BOUNTY * 2 + ["do you use blockchain", "is my data stored on a blockchain", DPO]):
        log(db, text, kind="answer" if n % 3 else "no_answer", answered=int(bool(n % 3)), confidence=0.5,
            top_clause=SELL_CLAUSE, session=f"s{n % 4}", helpful=False if n == 4 else None,
            asked_at=f"2026-03-{n + 1:02d}T10:00:00.000+00:00")
    here, calls = threading.current_thread(), []
    collect_groups = review.collect_groups
    monkeypatch.setattr(review, "collect_groups", lambda *args: (
        calls.append(1) if threading.current_thread() is here else None) or collect_groups(*args))

    class Stored:
        @staticmethod
        def shown() -> review.Board:
            """The list a request shows now (without racing the background collection a change starts)."""
            return review.cached_board(app, db)

        @staticmethod
        def page() -> list[str]:
            return clusters_shown(editor.get("/editor/unanswered").get_data(as_text=True))

        @staticmethod
        def collections() -> int:
            return len(calls)

        @staticmethod
        def collected_again(action):
            """Do `action`, then let a worker collect the list again in the background and store it."""
            made_at = db.scalar("select made_at from review_boards")
            action()
            editor.get("/editor/unanswered")
            wait_for_refresh(db, made_at)

    return Stored


def test_after_an_undo_the_list_shows_the_clusters_of_before_the_decision_without_reading_the_log(
        app, auth, db, stored):
    before = stored.shown()
    bounty = next(c for c in before.clusters if c.key in {review.review_key(t) for t in BOUNTY})
    assert len(bounty.members) == 3 and len(before.clusters) > 1
    stored.collected_again(lambda: auth.post("/editor/unanswered/dismiss", {"key": [g.key for g in bounty.members]},
                                             page="/editor/unanswered"))
    assert len(stored.shown().clusters) == len(before.clusters) - 1 and not stored.shown().provisional  # collected
    calls = stored.collections()
    auth.post("/editor/reopen", {"key": bounty.members[-1].key}, page="/editor/unanswered")
    after = stored.shown()
    assert stored.collections() == calls and after.provisional  # put back, not collected
    assert bounty.text in stored.page() and stored.collections() == calls
    assert described(after, db) == described(before, db) == described(board(app, db), db)


def test_after_an_undo_the_close_wordings_it_covered_come_back_into_the_cluster(app, auth, db, stored):
    bounty = [review.review_key(t) for t in BOUNTY]
    stored.shown()
    auth.post("/editor/unanswered/not-covered", {"key": bounty}, page="/editor/unanswered")
    close = "do you have any bug bounty programme"  # asked since: covered by the decision
    log(db, close, session="s9", asked_at="2026-03-20T10:00:00.000+00:00")
    stored.collected_again(lambda: None)
    shown = stored.shown()
    assert review.review_key(close) not in {g.key for c in shown.clusters for g in c.members}
    assert shown.groups[review.review_key(close)].covered_by["review_key"] in bounty
    calls = stored.collections()
    auth.post("/editor/reopen", {"key": bounty[0]}, page="/editor/unanswered")
    after = stored.shown()
    assert stored.collections() == calls and after.provisional
    [home] = [c for c in after.clusters if bounty[0] in {g.key for g in c.members}]
    assert {g.key for g in home.members} == {*bounty, review.review_key(close)}
    assert described(after, db) == described(board(app, db), db)


def test_after_a_rejoin_the_wording_is_back_in_its_cluster_without_reading_the_log(app, auth, db, stored):
    before = stored.shown()
    stored.collected_again(lambda: auth.post("/editor/unanswered/split", {"key": "bug bounty program"},
                                             page="/editor/unanswered"))
    assert len(stored.shown().clusters) == len(before.clusters) + 1 and not stored.shown().provisional
    calls = stored.collections()
    auth.post("/editor/unanswered/rejoin", {"key": "bug bounty program"}, page="/editor/unanswered")
    after = stored.shown()
    assert stored.collections() == calls and after.provisional
    assert "bug bounty program?" not in stored.page() and stored.collections() == calls

    def grouped(b):  # visitors aside: until the next collection a rejoined wording's visitors may count twice
        return [[(g.key, g.count) for g in c.members] + [c.size, c.impact, c.reasons, c.best_clause] for c in b.clusters]

    assert grouped(after) == grouped(before) == grouped(board(app, db))
    [bounty] = [c for c in after.clusters if "bug bounty program" in {g.key for g in c.members}]
    assert bounty.visitors >= next(c.visitors for c in before.clusters if c.key == bounty.key)


def test_flask_review_prepare_does_now_what_the_first_editor_visit_would_wait_for(app, editor, auth, runner, db,
                                                                                 monkeypatch):
    app.config["REVIEW_CACHE_SECONDS"] = 3600
    now = datetime.now(timezone.utc)
    for n, text in enumerate(BOUNTY + [DPO]):
        log(db, text, asked_at=(now - timedelta(days=10 * n + 3)).isoformat(timespec="milliseconds"))
    answered_well = "who is your data protection officer"  # not for review, but the decision page compares it
    log(db, answered_well, kind="answer", answered=1, confidence=0.95, asked_at=storage.now_iso())
    result = runner.invoke(args=["review", "prepare"])
    assert result.exit_code == 0, result.output
    # a year and the year before, but for today and yesterday (always read from the log)
    assert "Counted 728 days for the dashboard; collected the review list: 2 clusters of 4 wordings" in result.output
    counted, collected = [], []
    count_and_store, collect_groups = figures._count_and_store, review.collect_groups
    monkeypatch.setattr(figures, "_count_and_store", lambda *a: counted.append(a) or count_and_store(*a))
    monkeypatch.setattr(review, "collect_groups", lambda *a: collected.append(a) or collect_groups(*a))
    for days in figures.PERIODS:
        assert editor.get(f"/editor/?days={days}").status_code == 200
    assert clusters_shown(editor.get("/editor/unanswered").get_data(as_text=True)) == [BOUNTY[2], DPO]
    assert counted == [] and collected == []  # read as stored, neither counted nor collected again
    again = runner.invoke(args=["review", "prepare"])
    assert "Counted 0 days for the dashboard; the stored review list is current" in again.output
    analysed = []
    shape = type(app.extensions["assistant"]).shape
    monkeypatch.setattr(type(app.extensions["assistant"]), "shape",
                        lambda self, question, *rest: analysed.append(question) or shape(self, question, *rest))
    page = auth.post("/editor/unanswered/not-covered", {"key": review.review_key(DPO)}, page="/editor/unanswered",
                     follow_redirects=True).get_data(as_text=True)
    assert f'<td class="visitor-text">{answered_well}</td><td>close wording</td>' in page
    assert answered_well not in analysed  # analysed by `prepare`, read back by the decision page


def test_the_staff_benchmark_prints_page_times(capsys):
    from bench import staff_pages

    assert staff_pages.main(["--questions", "3000", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "3,000 questions logged" in out and "x /healthz" in out
    assert "/editor/unanswered after a decision" in out and "/editor/unanswered after its undo" in out
    for path in [staff_pages.HEALTH, *staff_pages.PAGES]:
        row = next(line for line in out.splitlines() if line.startswith(path.split("{")[0]))
        assert row.rstrip().endswith("x")  # its times and its multiple of /healthz


@pytest.mark.postgresql
def test_the_staff_benchmark_runs_on_postgresql(capsys, postgresql_server):
    from bench import staff_pages

    url = postgresql_server.new_database()
    assert staff_pages.main(["--questions", "1000", "--rounds", "1", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "1,000 questions logged" in out and "(postgresql)" in out and "/editor/unanswered" in out


def test_a_refresh_that_cannot_reach_the_database_ends_quietly_and_says_so(app, tmp_path, caplog):
    """The review list's background refresh, started just before the database goes away (a restart, a failover, or a
    test's database dropped), logs that it could not connect and returns: no thread dies with an unhandled error."""
    app.config["DATABASE"] = str(tmp_path / "no-such-folder" / "gone.sqlite")
    with caplog.at_level("WARNING", logger=review.log.name):
        review._refresh_board(app, "2026-12-05T00:00:00.000+00:00")
    assert any("could not connect to refresh the review list" in r.getMessage() for r in caplog.records)
