"""Editors' pages: how the assistant is doing, what visitors asked in vain, and the gap list for the policy's authors.

Editors only (agents get 403). Every action is a POST with the CSRF token and redirects back; an action names
the wordings it applies to by their review keys, and the server looks their texts and counts up itself.
Visitors' questions are shown escaped, everywhere.

    /editor/                 the dashboard (a chosen period: asks per day by outcome, thumbs, topics, clauses ...)
    /editor/unanswered       clusters of questions to review, by impact, with suggested links
    /editor/link-search      find a clause by its words to link a cluster to
    /editor/decisions/<id>   one decision and the logged questions it covers
    /editor/gaps             the gap list by demand (also .csv and .md)
"""

from __future__ import annotations

from datetime import datetime, timezone

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for)
from flask_login import current_user

from ..engine.answering import find_clauses
from ..platform import db as storage
from ..platform.timefmt import INDIA_TZ, format_date
from ..visitors.chat import citation_label
from . import figures, review
from .auth import require_editor
from .csvexport import csv_response
from .paging import Page

bp = Blueprint("editor", __name__, url_prefix="/editor")
bp.before_request(require_editor)


CANDIDATES = 3
MAX_TEXT_LENGTH = 1000
MAX_KEYS = 500  # wordings one action may name
MAX_QUERY_LENGTH = 200
LINK_RESULTS = 8
DASHBOARD_CLUSTERS = 5


def _assistant():
    return current_app.extensions["assistant"]


def _board() -> review.Board:
    return review.cached_board(current_app._get_current_object(), storage.get_db())


def _candidates(text: str) -> list:
    """The clauses retrieval ranks best for `text`, for the editor to pick from."""
    return find_clauses(_assistant(), text, k=CANDIDATES).matches


def _clause(clause_id: str | None):
    policy = _assistant().index.policy
    return policy.clause(clause_id) if clause_id and policy.has_clause(clause_id) else None


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


# --- the review list ----------------------------------------------------------------------------------------------


@bp.get("/unanswered")
def unanswered():
    board = _board()
    page = Page.of(request.args, len(board.clusters), current_app.config["REVIEW_PAGE_SIZE"])
    shown = board.clusters[page.start:page.stop]
    return render_template(
        "editor/unanswered.html", clusters=shown, page=page, suggestions=board.suggestions[:5],
        candidates={c.key: _candidates(c.text) for c in shown}, label=citation_label, clause=_clause,
        recent=review.recent_decisions(storage.get_db()))


@bp.get("/unanswered.csv")
def unanswered_csv():
    rows = []
    for rank, c in enumerate(_board().clusters, 1):
        best = _candidates(c.text)
        answered = c.answered_with
        rows.append([rank, c.text, len(c.members), c.size, c.visitors, round(c.impact, 1), c.first_seen, c.last_seen,
                     c.reasons["unanswered"], c.reasons["asked_back"], c.reasons["low_confidence"],
                     c.reasons["thumbs_down"], answered[0] if answered else "",
                     best[0].clause.id if best else "", citation_label(best[0].clause) if best else "",
                     " | ".join(g.text for g in c.examples)])
    header = ["rank", "question", "wordings", "count", "visitors", "impact", "first_seen", "last_seen", "unanswered",
              "asked_back", "low_confidence", "thumbs_down", "answered_with_clause_id", "best_clause_id",
              "best_clause", "examples"]
    return csv_response(f"review-{_today()}.csv", header, rows)


def _logged() -> dict[str, review.Group]:
    """The wordings on the review list and those decided, with their counts, by key (as the list shows them)."""
    return _board().groups


def _chosen() -> list[review.Group]:
    """The wordings an action names (`key`, repeatable; or one `text`), as they stand now, each once."""
    keys = request.form.getlist("key")
    if not keys:
        text = (request.form.get("text") or "").strip()
        if not text or len(text) > MAX_TEXT_LENGTH:
            abort(400, "The question to decide on is missing or too long.")
        keys = [review.review_key(text)]
        fallback = text
    else:
        fallback = None
    if len(keys) > MAX_KEYS or any(len(k) > MAX_TEXT_LENGTH for k in keys):
        abort(400, f"An action applies to at most {MAX_KEYS} wordings of at most {MAX_TEXT_LENGTH} characters.")
    groups = _logged()
    chosen, seen = [], set()
    for key in keys:
        if key in seen:
            continue
        seen.add(key)
        group = groups.get(key)
        if group is not None and group.text:
            chosen.append(group)
        elif fallback is not None:
            chosen.append(review.Group(key, text=fallback))
    return chosen


def _decide(action: str, clause_id: str | None = None) -> tuple[list[dict], list[review.Group]]:
    chosen = _chosen()
    if not chosen:
        flash("Those questions are no longer on the list (decided meanwhile?). Nothing was changed.", "warning")
        return [], []
    try:
        rows = review.decide_many(storage.get_db(), [(g.text, g.count) for g in chosen], action,
                                  current_user.username, clause_id)
    except review.ReviewError as exc:
        flash(str(exc).capitalize() + ".", "error")
        return [], chosen
    review.refresh_assistant(current_app._get_current_object(), storage.get_db())
    return rows, chosen


def _wordings(chosen: list) -> str:
    return f"{len(chosen)} wording{'' if len(chosen) == 1 else 's'}"


@bp.post("/unanswered/link")
def link():
    clause_id = (request.form.get("clause_id") or request.form.get("other_clause_id") or "").strip()
    clause = _clause(clause_id)
    if clause is None:
        flash("There is no clause with that id. Pick one of the suggestions, or find the clause by its words.",
              "error")
        return redirect(url_for("editor.unanswered"))
    rows, chosen = _decide("linked", clause_id)
    if not rows:
        return redirect(url_for("editor.unanswered"))
    label = citation_label(clause)
    replies = [_assistant().answer(g.text) for g in chosen]
    still = [r for r in replies if not (r.answered and r.clause.id == clause_id)]
    if not still:
        flash(f"Linked {_wordings(chosen)} to {label}. Visitors asking these are now answered with it.")
    elif any(r.gap is not None for r in still):
        gap = next(r.gap for r in still if r.gap is not None)
        flash(f"Linked {_wordings(chosen)} to {label}, but \u201c{still[0].question}\u201d matches the uncovered "
              f"topic \u201c{gap.topic}\u201d, so the assistant still says the policy does not cover it. Ask a "
              "developer to narrow that topic's phrases in corpus/gaps.yaml.", "warning")
    else:
        other = citation_label(still[0].clause) if still[0].answered else "no clause"
        flash(f"Linked {_wordings(chosen)} to {label}, but the assistant still answers \u201c{still[0].question}\u201d "
              f"with {other}. Add a clearer phrasing to corpus/phrasings.yaml or check the clause.", "warning")
    return redirect(url_for("editor.unanswered"))


@bp.post("/unanswered/dismiss")
def dismiss():
    rows, chosen = _decide("dismissed")
    if rows:
        flash(f"Dismissed {_wordings(chosen)}: they, and close wordings of them, will not be shown again.")
    return redirect(url_for("editor.unanswered"))


@bp.post("/unanswered/not-covered")
def not_covered():
    rows, chosen = _decide("not_covered")
    if rows:
        flash(f"Added {_wordings(chosen)} to the gap list. The assistant now says the policy does not cover "
              "them, or close wordings of them; the decision's page lists which logged questions that covers.")
        return redirect(url_for("editor.decision", batch=rows[0]["batch"]))
    return redirect(url_for("editor.unanswered"))


@bp.post("/unanswered/split")
def split():
    key = _one_key()
    review.split(storage.get_db(), key, current_user.username)
    flash("Split off: that wording is now reviewed on its own.")
    return redirect(url_for("editor.unanswered"))


@bp.post("/unanswered/rejoin")
def rejoin():
    key = _one_key()
    if review.rejoin(storage.get_db(), key):
        flash("Rejoined: that wording is grouped with alike questions again.")
    else:
        flash("That wording was not split off.", "warning")
    return redirect(url_for("editor.unanswered"))


def _one_key() -> str:
    key = request.form.get("key", "")
    if not key or len(key) > MAX_TEXT_LENGTH:
        abort(400, "Which wording? The form did not say.")
    return key


@bp.get("/link-search")
def link_search():
    """Find a clause by its words (or its id) and link the cluster named by `key` to it."""
    q = request.args.get("q", "").strip()[:MAX_QUERY_LENGTH]
    keys = request.args.getlist("key")[:MAX_KEYS]
    groups = _logged()
    members = [groups[k] for k in keys if k in groups and groups[k].text]
    exact = _clause(q)
    matches = find_clauses(_assistant(), q, k=LINK_RESULTS).matches if q else []
    if exact is not None:
        matches = [m for m in matches if m.clause.id != exact.id]
    return render_template("editor/link_search.html", q=q, members=members, exact=exact, matches=matches,
                           label=citation_label)


@bp.post("/reopen")
def reopen():
    key = request.form.get("key", "")
    db = storage.get_db()
    decision = review.reopen(db, key)
    if decision is None:
        flash("That decision was already undone.", "warning")
    else:
        review.refresh_assistant(current_app._get_current_object(), db)
        more = f" (and {decision['wordings'] - 1} more wording{'' if decision['wordings'] == 2 else 's'})" \
            if decision["wordings"] > 1 else ""
        flash(f"Undone: \u201c{decision['text']}\u201d{more} is back on the review list.")
    back = request.form.get("back")
    return redirect(url_for("editor.gaps") if back == "gaps" else url_for("editor.unanswered"))


@bp.get("/decisions/<batch>")
def decision(batch: str):
    db = storage.get_db()
    rows = review.batch_of(db, batch[:64])
    if not rows:
        abort(404, "No such decision (it may have been undone).")
    covered = review.covered_questions(db, _assistant(), batch[:64])
    return render_template("editor/decision.html", rows=rows, covered=covered, clause=_clause(rows[0]["clause_id"]),
                           label=citation_label, days=review.COVERED_DAYS)


# --- the gap list -------------------------------------------------------------------------------------------------


def _gap_list() -> list[dict]:
    return review.gap_list(storage.get_db(), _board())


@bp.get("/gaps")
def gaps():
    entries = _gap_list()
    page = Page.of(request.args, len(entries), current_app.config["REVIEW_PAGE_SIZE"])
    return render_template("editor/gaps.html", entries=entries[page.start:page.stop], page=page)


@bp.get("/gaps.csv")
def gaps_csv():
    rows = [[rank, e["text"], e["demand"], e["before"], e["since"], len(e["wordings"]),
             " | ".join((e["wordings"][1:] + e["close"])[:5]), e["decided_by"], e["decided_at"]]
            for rank, e in enumerate(_gap_list(), 1)]
    return csv_response(f"policy-gaps-{_today()}.csv",
                        ["rank", "question", "times_asked", "asked_before_marked", "asked_since_marked", "wordings",
                         "other_wordings", "marked_by", "marked_at"], rows)


@bp.get("/gaps.md")
def gaps_markdown():
    text = render_template("editor/gaps.md", entries=_gap_list(), today=format_date(datetime.now(INDIA_TZ).date()),
                           quote=_markdown_quote)
    response = Response(text, mimetype="text/markdown")
    response.headers["Content-Disposition"] = f'attachment; filename="policy-gaps-{_today()}.md"'
    return response


def _markdown_quote(text: str) -> str:
    """A visitor's wording as inert Markdown text: one line, markup characters escaped."""
    flat = " ".join(str(text).split())
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!|<>~" else ch for ch in flat)


# --- the dashboard ------------------------------------------------------------------------------------------------


def _period() -> figures.Period:
    raw = request.args.get("days", "30")
    if raw not in {str(p) for p in figures.PERIODS}:
        abort(400, f"Choose a period of {', '.join(map(str, figures.PERIODS))} days.")
    return figures.Period.ending(datetime.now(INDIA_TZ).date(), int(raw))


@bp.get("/")
def dashboard():
    period = _period()
    db = storage.get_db()
    summary = figures.summarise(db, period)
    days = summary.days
    board = _board()
    return render_template(
        "editor/dashboard.html", period=period, periods=figures.PERIODS, days=days, total=figures.totals(days),
        chart=figures.stack_days(days), outcomes=figures.OUTCOMES, outcome_labels=figures.OUTCOME_LABELS,
        topics=summary.topics, clauses=summary.clauses, requests=figures.requests_by_type(db, period), clusters=board.clusters[:DASHBOARD_CLUSTERS],
        waiting=len(board.clusters), gaps=_gap_list()[:DASHBOARD_CLUSTERS], clause=_clause, label=citation_label,
        widest=_widest)


def _widest(counts) -> int:
    return max((c.count for c in counts), default=0) or 1


@bp.get("/dashboard.csv")
def dashboard_csv():
    period = _period()
    days = figures.daily(storage.get_db(), period)
    return csv_response(f"assistant-by-day-{period.start}-{period.end}.csv", ["day", *figures.COUNTS],
                        [[d.day, *(getattr(d, n) for n in figures.COUNTS)] for d in days])
