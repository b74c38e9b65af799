"""Editors' review: turn what visitors asked in vain into answers, or into a gap list.

Editors only (agents get 403). Every action is a POST with the CSRF token and
redirects back to the list; visitors' questions are shown escaped.
"""

from __future__ import annotations

from datetime import datetime, timezone

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..platform import db as storage
from . import review
from ..engine.answering import find_clauses
from .auth import require_editor
from ..visitors.chat import citation_label
from .csvexport import csv_response

bp = Blueprint("editor", __name__, url_prefix="/editor")
bp.before_request(require_editor)

CANDIDATES = 3
MAX_TEXT_LENGTH = 1000


def _assistant():
    return current_app.extensions["assistant"]


def _groups() -> list[review.Group]:
    return review.collect_groups(storage.get_db(), current_app.config["REVIEW_CONFIDENCE_BELOW"])


def _candidates(text: str) -> list:
    """The clauses retrieval ranks best for `text`, for the editor to pick from."""
    return find_clauses(_assistant(), text, k=CANDIDATES).matches


@bp.get("/unanswered")
def unanswered():
    groups = [g for g in _groups() if g.pending]
    size = current_app.config["REVIEW_PAGE_SIZE"]
    shown = groups[:size]
    policy = _assistant().index.policy
    return render_template(
        "editor/unanswered.html", groups=shown, total=len(groups), candidates={g.key: _candidates(g.text)
                                                                               for g in shown},
        label=citation_label, clauses=policy.clauses, recent=review.recent_decisions(storage.get_db()))


@bp.get("/unanswered.csv")
def unanswered_csv():
    rows = []
    for g in _groups():
        if not g.pending:
            continue
        best = _candidates(g.text)
        rows.append([g.text, g.count, g.last_seen, g.reasons["unanswered"], g.reasons["low_confidence"],
                     g.reasons["thumbs_down"], best[0].clause.id if best else "",
                     citation_label(best[0].clause) if best else ""])
    header = ["question", "count", "last_seen", "unanswered", "low_confidence", "thumbs_down", "best_clause_id",
              "best_clause"]
    return csv_response(f"review-{_today()}.csv", header, rows)


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def _form_text() -> str:
    text = (request.form.get("text") or "").strip()
    if not text or len(text) > MAX_TEXT_LENGTH:
        abort(400, "The question to decide on is missing or too long.")
    return text


def _count(text: str) -> int:
    """How often the question was asked since it was last decided (counted here, not taken from the form)."""
    key = review.review_key(text)
    return next((g.count for g in _groups() if g.key == key), 0)


@bp.post("/unanswered/link")
def link():
    text = _form_text()
    clause_id = (request.form.get("clause_id") or request.form.get("other_clause_id") or "").strip()
    policy = _assistant().index.policy
    if not policy.has_clause(clause_id):
        flash("There is no clause with that id. Pick one of the suggestions or a clause id from the policy page.",
              "error")
        return redirect(url_for("editor.unanswered"))
    db = storage.get_db()
    try:
        review.decide(db, text, "linked", current_user.username, _count(text), clause_id)
    except review.ReviewError as exc:
        flash(str(exc).capitalize() + ".", "error")
        return redirect(url_for("editor.unanswered"))
    review.refresh_assistant(current_app._get_current_object(), db)
    reply = _assistant().answer(text)
    label = citation_label(policy.clause(clause_id))
    if reply.answered and reply.clause.id == clause_id:
        flash(f"Linked to {label}. Visitors asking this are now answered with it.")
    elif reply.gap is not None:
        flash(f"Linked to {label}, but the question matches the uncovered topic \u201c{reply.gap.topic}\u201d in "
              "corpus/gaps.yaml, so the assistant still says the policy does not cover it. Ask a developer to "
              "narrow that topic's phrases.", "warning")
    else:
        other = citation_label(reply.clause) if reply.answered else "no clause"
        flash(f"Linked to {label}, but the assistant still answers this with {other}. Add a clearer phrasing "
              "to corpus/phrasings.yaml or check the clause.", "warning")
    return redirect(url_for("editor.unanswered"))


@bp.post("/unanswered/dismiss")
def dismiss():
    return _decide("dismissed", "Dismissed: it will not be shown again.")


@bp.post("/unanswered/not-covered")
def not_covered():
    return _decide("not_covered", "Added to the gap list for the policy's authors.")


def _decide(action: str, message: str):
    text = _form_text()
    try:
        review.decide(storage.get_db(), text, action, current_user.username, _count(text))
    except review.ReviewError as exc:
        flash(str(exc).capitalize() + ".", "error")
    else:
        flash(message)
    return redirect(url_for("editor.unanswered"))


@bp.post("/reopen")
def reopen():
    key = request.form.get("key", "")
    db = storage.get_db()
    decision = review.reopen(db, key)
    if decision is None:
        flash("That decision was already undone.", "warning")
    else:
        review.refresh_assistant(current_app._get_current_object(), db)
        flash(f"Undone: \u201c{decision['text']}\u201d is back on the review list.")
    back = request.form.get("back")
    return redirect(url_for("editor.gaps") if back == "gaps" else url_for("editor.unanswered"))


def _gap_groups() -> list[review.Group]:
    groups = [g for g in _groups() if g.decision and g.decision["action"] == "not_covered"]
    return sorted(groups, key=lambda g: -(g.decision["count"] + g.count))


@bp.get("/gaps")
def gaps():
    return render_template("editor/gaps.html", groups=_gap_groups())


@bp.get("/gaps.csv")
def gaps_csv():
    rows = [[g.decision["text"], g.decision["count"] + g.count, g.count, g.last_seen or g.decision["decided_at"],
             g.decision["decided_by"], g.decision["decided_at"]] for g in _gap_groups()]
    return csv_response(f"policy-gaps-{_today()}.csv",
                        ["question", "times_asked", "asked_since_marked", "last_seen", "marked_by", "marked_at"],
                        rows)
