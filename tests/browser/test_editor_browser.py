"""An editor works the biggest problem from the dashboard to a decision; a visitor then gets the new behaviour."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, AuthActions

from .conftest import SCREENSHOT_DIR
from .test_widget_browser import Surface, csp_violations

pytestmark = pytest.mark.browser

ASKED = {"do you have a bug bounty programme": 3, "is there a bug bounty program": 2, "bug bounty program?": 1}
CLOSE_WORDING = "do u run a bug bounty"
# Three weeks of earlier traffic, so the dashboard has days to draw (and the screenshots something to show).
ANSWERED = [("do you sell my data", "s4-1", "third_party_sharing_collection"),
            ("is my data encrypted", "s5-1", "data_security"), ("do you use cookies", "s7-1", "cookies_tracking"),
            ("can my child use this", "s9-1", "children"), ("what data do you collect", "s2-personal-information-1",
                                                            "first_party_collection_use")]
DECLINED = ["what is your uptime sla", "do you integrate with zoho crm", "can I pay by UPI",
            "how much per sms", "what happens to my account when I die", "do you use facial recognition",
            "how long are server logs kept", "do you run credit checks on customers"]


def save_page(page, name: str) -> None:
    """With WIDGET_SCREENSHOTS=<dir> (`make screenshots`), keep a picture of the whole page."""
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / f"{name}.png"), full_page=True)


def seed_history(app) -> None:
    from app.platform.db import connect, write

    rng = random.Random(15)
    now = datetime.now(timezone.utc)
    db = connect(app.config["DATABASE"])
    try:
        with write(db):
            for day in range(1, 22):
                for n in range(rng.randrange(6, 16)):
                    at = (now - timedelta(days=day, minutes=rng.randrange(600))).isoformat(timespec="milliseconds")
                    qid = uuid.uuid4().hex
                    roll = rng.random()
                    if roll < 0.12:
                        row = {"question": DECLINED[(day + n) % len(DECLINED)], "kind": "no_answer", "answered": 0}
                    elif roll < 0.18:
                        row = {"question": "what about my stuff", "kind": "clarify", "answered": 0}
                    else:
                        text, clause, topic = rng.choice(ANSWERED)
                        row = {"question": text, "kind": "answer", "answered": 1, "top_clause": clause,
                               "topic": topic, "confidence": 0.9}
                    db.insert("questions", {"id": qid, "asked_at": at, "channel": "page", **row})
                    if rng.random() < 0.2:
                        db.insert("feedback", {"question_id": qid, "helpful": int(rng.random() < 0.75),
                                               "given_at": at})
    finally:
        db.close()


def test_an_editor_marks_a_cluster_not_covered_and_a_visitor_asking_a_close_wording_is_declined(sites, page,
                                                                                                 monkeypatch):
    app, assistant, _, _ = sites
    # Earlier browser tests opened the review list; it may lag the log by REVIEW_CACHE_SECONDS, not here.
    monkeypatch.setitem(app.config, "REVIEW_CACHE_SECONDS", 0)
    seed_history(app)
    visitor_api = app.test_client()
    for question, times in ASKED.items():
        for n in range(times):
            assert visitor_api.post("/api/ask", json={"question": question, "session": f"{question}-{n}"}).status_code == 200
    AuthActions(app, app.test_client()).create("editor-browser", "editor")

    page.goto(assistant.url("/login"))
    page.fill("#username", "editor-browser")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(assistant.url("/editor/"))
    expect(page.get_by_role("heading", name="How the assistant is doing")).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    save_page(page, "editor-dashboard")

    # The dashboard's biggest problems lead to the review page (other browser tests' questions share the
    # database, so the cluster may not be among the first five): three wordings, one group.
    page.get_by_role("link", name="Review them").click()
    page.wait_for_url("**/editor/unanswered**")
    cluster = page.locator("section.review-item", has_text="bug bounty").first
    expect(cluster).to_contain_text("in 3 wordings")
    save_page(page, "editor-review")
    cluster.get_by_role("button", name="Policy does not cover this").click()

    # The decision's page lists what it covers.
    expect(page.get_by_role("heading", name="Not covered by the policy")).to_be_visible()
    for question in ASKED:
        expect(page.locator("table")).to_contain_text(question)
    assert csp_violations(page) == []

    chat = Surface("chat page", sites, page).open()
    reply = chat.ask(CLOSE_WORDING)
    expect(reply).to_contain_text("doesn't cover")
    reply = chat.ask("do you sell my data")  # an unrelated question is answered as before
    expect(reply.locator("blockquote, .quote").first).to_be_visible()

    # Undo restores: the close wording is no longer declined as the editor's gap.
    page.goto(assistant.url("/editor/gaps"))
    page.get_by_role("button", name="Undo").first.click()
    expect(page.locator(".notice")).to_contain_text("is back on the review list")
    assert visitor_api.post("/api/ask", json={"question": CLOSE_WORDING}).status_code == 200  # picks up the undo
    live = app.extensions["assistant"]
    assert live.editor_gaps == {} and live.editor_gap(live.analyse(CLOSE_WORDING)) is None
