"""Visitors across policy versions: /policy/versions, /policy/v/<n> with notes, what changed, old citation links,
the "updated on" notice and the "what changed?" answer."""

from __future__ import annotations

import re

import pytest

from tests.policy_edits import edit
from tests.publishing import DELETION, REWORDED, SOURCE, VERIFY, ask, publish
from tests.publishing import app, corpus, instances  # noqa: F401  (fixtures)

pytestmark = pytest.mark.storage

SPLIT = edit(SOURCE, ("We do not sell, trade, or rent your personal information to third parties. We may share "
                      "your information in the following circumstances:",
                      "We do not sell, trade, or rent your personal information to third parties.\n\n"
                      "We may share your information in the following circumstances:"))


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_the_policy_page_names_the_version_in_force(client):
    html = page(client, "/policy")
    assert re.search(r"Version 1, in force since <time datetime=\"\d{4}-\d\d-\d\d\">\d{1,2} \w{3} \d{4}</time>", html)
    assert "What changed in version" not in html
    assert "This is an earlier version" not in page(client, "/policy/v/1")


def test_a_citation_given_under_version_1_still_lands_on_the_clause_it_quoted(app, corpus, client):
    old = ask(client, "Can I delete my account?")["citations"][0]
    assert old["url"] == f"/policy/v/1#{DELETION}"
    assert publish(app, corpus, REWORDED).exit_code == 0
    html = page(client, "/policy/v/1")
    # The archived version shows the wording quoted, the clause has its anchor, and a note points at its successor.
    clause = re.search(rf'<li id="{DELETION}" class="clause changed">(.*?)</li>', html, re.S).group(1)
    assert "Request deletion of your personal information" in clause
    assert "Changed in version 2" in clause and f'href="/policy#{DELETION}-v2"' in clause
    assert "This is an earlier version" in html and 'href="/policy"' in html
    # Unchanged clauses carry no note.
    assert '<li id="s6-correction-and-deletion-1" class="clause">' in html
    assert f'id="{DELETION}-v2"' in page(client, "/policy")


def test_a_split_clause_links_every_part_and_a_removed_one_says_so(app, corpus, client):
    assert publish(app, corpus, SPLIT, "--accept-changes").exit_code == 0
    html = page(client, "/policy/v/1")
    split = re.search(r'<p id="s4-1" class="clause changed">(.*?)</p>', html, re.S).group(1)
    assert 'href="/policy#s4-1-v2"' in split and 'href="/policy#s4-2"' in split and "(part 2)" in split
    assert publish(app, corpus, edit(SPLIT, ("- Verify the accuracy of your information\n", "")),
                   "--accept-changes").exit_code == 0
    for number in (1, 2):
        html = page(client, f"/policy/v/{number}")
        removed = re.search(rf'<li id="{VERIFY}" class="clause changed">(.*?)</li>', html, re.S).group(1)
        assert "Removed in version 3" in removed
    # Version 1's split clause leads to version 3's parts, through version 2.
    assert 'href="/policy#s4-1-v2"' in page(client, "/policy/v/1")


@pytest.mark.parametrize("path, where", [
    (f"/policy/clause/{DELETION}", f"/policy/v/1#{DELETION}"),
    (f"/policy/clause/{DELETION}-v2", f"/policy/v/2#{DELETION}-v2"),
    ("/policy/clause/s1-1", "/policy/v/2#s1-1"),
])
def test_a_link_written_as_a_clause_id_goes_to_the_newest_version_that_has_it(app, corpus, client, path, where):
    assert publish(app, corpus, REWORDED).exit_code == 0
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"] == where


def test_versions_are_listed_newest_first(app, corpus, client):
    assert publish(app, corpus, REWORDED).exit_code == 0
    html = page(client, "/policy/versions")
    assert html.index('href="/policy/v/2"') < html.index('href="/policy/v/1"')
    assert "(in force)" in html and 'href="/policy/v/2/changes"' in html


def test_what_changed_is_shown_clause_by_clause(app, corpus, client):
    assert publish(app, corpus, SPLIT, "--accept-changes").exit_code == 0
    assert publish(app, corpus, edit(SPLIT, ("- Request deletion of your personal information",
                                             "- Request deletion of all of your personal information"),
                                     ("- Verify the accuracy of your information\n", "")),
                   "--accept-changes").exit_code == 0
    latest = page(client, "/policy/changes")
    # The same page (but for the language switcher, whose links come back to the address asked).
    assert re.sub(r"next=[^\"]*", "", latest) == re.sub(r"next=[^\"]*", "", page(client, "/policy/v/3/changes"))
    assert "From <a href=\"/policy/v/2\">version 2</a>" in latest and "2 changes" in latest
    reworded = re.search(r'<tr class="reworded">(.*?)</tr>', latest, re.S).group(1)
    assert "Request deletion <ins>of all</ins> of your personal information" in reworded
    assert "§6 Your Rights and Choices — Correction and Deletion" in reworded
    removed = re.search(r'<tr class="removed">(.*?)</tr>', latest, re.S).group(1)
    assert "Verify the accuracy of your information" in removed
    # Any two versions: from 1 to 3 shows all three changes, the split too.
    both = page(client, "/policy/changes?from=1&to=3")
    assert "3 changes" in both and '<tr class="split">' in both
    assert "first version published" in page(client, "/policy/v/1/changes")


@pytest.mark.parametrize("path", [
    "/policy/v/0", "/policy/v/2", "/policy/v/-1", "/policy/v/abc", "/policy/v/1.5", "/policy/v/%00",
    "/policy/v/99999999999999999999999999", "/policy/v/2/changes", "/policy/v/0/changes",
    "/policy/changes?from=abc", "/policy/changes?from=1&to=1", "/policy/changes?to=99999999999999999999",
    "/policy/changes?from=-1", "/policy/clause/no-such-clause", "/policy/clause/" + "x" * 5000,
    "/policy/clause/%3Cscript%3E", "/policy/v/1/../../etc/passwd",
])
def test_junk_version_paths_get_the_friendly_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404, path
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "We couldn&#39;t find that page." in html and "Traceback" not in html and "<script>" not in html


def test_the_chat_page_and_the_widget_announce_a_recent_update(app, corpus, client):
    assert "policy-notice" not in page(client, "/")
    assert client.get("/api/suggestions").json["policy_update"] is None
    assert publish(app, corpus, REWORDED).exit_code == 0
    html = page(client, "/")
    assert 'id="policy-notice"' in html and 'href="/policy/v/2/changes"' in html
    update = client.get("/api/suggestions").json["policy_update"]
    assert update["number"] == 2 and update["url"] == "/policy/v/2/changes"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", update["effective"])


def test_the_notice_ends_after_the_configured_days(app, corpus, client):
    from datetime import timedelta

    from app.platform.db import connect, write
    from app.platform.timefmt import india_today

    db = connect(app.config["DATABASE"])
    try:
        with write(db):  # as if version 1 had been recorded two months ago
            db.execute("update policy_versions set effective = :effective where number = 1",
                       {"effective": (india_today() - timedelta(days=60)).isoformat()})
    finally:
        db.close()
    effective = (india_today() - timedelta(days=31)).isoformat()
    assert publish(app, corpus, REWORDED, "--effective", effective).exit_code == 0
    assert "policy-notice" not in page(client, "/")
    assert client.get("/api/suggestions").json["policy_update"] is None
    app.config["POLICY_NOTICE_DAYS"] = 40
    assert "policy-notice" in page(client, "/")


@pytest.mark.parametrize("question", ["What changed in the privacy policy?", "what's new in your privacy policy",
                                      "any recent changes to the privacy terms?", "was the policy updated"])
def test_what_changed_is_answered_from_the_latest_version(app, corpus, client, question):
    assert ask(client, question)["reason"] != "changes"  # version 1: nothing changed yet
    assert publish(app, corpus, REWORDED).exit_code == 0
    data = ask(client, question)
    assert data["answered"] and data["reason"] == "changes"
    assert "Request deletion of all of your personal information" in data["message"]
    assert data["citations"][0]["clause_id"] == f"{DELETION}-v2" and data["citations"][0]["version"] == 2


def test_what_changed_gives_its_date_in_english_whoever_rebuilt_the_assistant(app, corpus, client):
    """The assistant is rebuilt by whichever request first sees the new version; one in Hindi must not put a Hindi
    month into the English reply every visitor then gets."""
    assert publish(app, corpus, REWORDED).exit_code == 0
    assert client.get("/", headers=HI).status_code == 200  # this request rebuilds the assistant
    lead = ask(client, "What changed in the privacy policy?")["message"].split("\n")[0]
    assert lead.startswith("The privacy policy was updated on ") and not re.search("[\u0900-\u097f]", lead), lead


@pytest.mark.parametrize("question", ["will you tell me if the policy changes?", "can I change my privacy settings",
                                      "how do I update my information", "how will I know about policy updates"])
def test_questions_about_announcing_changes_or_changing_data_are_not_taken_for_it(app, corpus, client, question):
    assert publish(app, corpus, REWORDED).exit_code == 0
    assert ask(client, question)["reason"] != "changes"


HI = {"Accept-Language": "hi-IN,hi;q=0.9"}


def test_the_version_pages_in_hindi_keep_the_policy_text_english(app, corpus, client):
    assert publish(app, corpus, REWORDED).exit_code == 0
    versions = client.get("/policy/versions", headers=HI).get_data(as_text=True)
    assert "<h1>गोपनीयता नीति के संस्करण</h1>" in versions
    assert re.search(r'<a href="/policy/v/2">संस्करण 2</a>, <time datetime="[\d-]+">[^<]+</time> से प्रभावी '
                     r'\(अभी लागू\)', versions)
    assert ">क्या बदला</a>" in versions
    assert "Privacy policy versions" not in versions and "(in force)" not in versions

    changes = client.get("/policy/changes", headers=HI).get_data(as_text=True)
    assert "<h1>गोपनीयता नीति में क्या बदला</h1>" in changes
    assert '<a href="/policy/v/1">संस्करण 1</a> (' in changes and ": 1 बदलाव, खंड-दर-खंड।" in changes
    assert '<th scope="row">शब्द बदले गए</th>' in changes and ">तुलना करें</button>" in changes
    reworded = re.search(r'<tr class="reworded">(.*?)</tr>', changes, re.S).group(1)
    assert reworded.count('<td lang="en">') == 2  # the clauses as published
    assert "Request deletion <ins>of all</ins> of your personal information" in reworded
    assert "गोपनीयता नीति अंग्रेज़ी में प्रकाशित है" in changes
    for english in ("What changed in the privacy policy", "1 change,", "Reworded", "Compare", "clause by clause"):
        assert english not in changes, english

    first = client.get("/policy/v/1/changes", headers=HI).get_data(as_text=True)
    assert "पहला प्रकाशित संस्करण है" in first and "first version published" not in first

    archived = client.get("/policy/v/1", headers=HI).get_data(as_text=True)
    note = re.search(rf'<li id="{DELETION}" class="clause changed">.*?(<span class="version-note".*?)</li>',
                     archived, re.S).group(1)
    assert note.startswith('<span class="version-note" role="note" lang="hi">संस्करण 2 में बदला गया। अभी लागू:')
    assert '<span lang="en">§6 Your Rights and Choices — Correction and Deletion</span>' in note
    assert "Changed in version" not in archived
    assert "<title>गोपनीयता नीति (संस्करण 1) · Blue Messaggio</title>" in archived  # the tab title is interface


def test_a_removed_clause_and_the_parts_of_a_split_one_are_noted_in_hindi(app, corpus, client):
    assert publish(app, corpus, SPLIT, "--accept-changes").exit_code == 0
    split = client.get("/policy/v/1", headers=HI).get_data(as_text=True)
    note = re.search(r'<p id="s4-1" class="clause changed">(.*?)</p>', split, re.S).group(1)
    assert "(भाग 2)" in note and "(part 2)" not in note
    assert publish(app, corpus, edit(SPLIT, ("- Verify the accuracy of your information\n", "")),
                   "--accept-changes").exit_code == 0
    removed = client.get("/policy/v/2", headers=HI).get_data(as_text=True)
    note = re.search(rf'<li id="{VERIFY}" class="clause changed">(.*?)</li>', removed, re.S).group(1)
    assert "संस्करण 3 में हटाया गया" in note and ">क्या बदला</a>" in note and "Removed in version" not in note


def test_the_update_notice_in_hindi(app, corpus, client):
    assert publish(app, corpus, REWORDED).exit_code == 0
    page = client.get("/", headers=HI).get_data(as_text=True)
    notice = re.search(r'<p class="policy-notice" id="policy-notice">(.*?)</p>', page).group(1)
    assert notice.startswith("हमारी गोपनीयता नीति <time") and ">देखें क्या बदला</a>" in notice
    assert "updated on" not in notice
