"""The rendered policy that citations link into: the version in force, every earlier one, and what changed.

    /policy                      the version in force, with its number and effective date
    /policy/versions             every published version
    /policy/v/<n>                version n; a clause changed since carries a note linking its successor
    /policy/changes              clause by clause, what changed (latest pair, or ?from=a&to=b)
    /policy/v/<n>/changes        what version n changed
    /policy/clause/<id>          the newest version that has clause <id> (for links written as /policy#<id>)

Citations link to /policy/v/<n>#<clause id>, the version they quoted, so they stay true after a new version.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from ..engine.lineage import compare, word_diff
from ..platform import db as storage
from ..platform import policystore
from ..platform.timefmt import india_today

bp = Blueprint("policy", __name__)

DEFAULTS = {
    # Days after a new version takes effect during which the chat page and the widget show "updated on ...".
    "POLICY_NOTICE_DAYS": 30,
}
MAX_VERSION = 10**6  # larger numbers are not versions (and would overflow SQLite's integers)
MAX_ID_LENGTH = 200


def _version_or_404(db, number: int):
    found = policystore.version(db, number) if 0 < number <= MAX_VERSION else None
    if found is None:
        abort(404)
    return found


@bp.get("/policy")
def show():
    assistant = current_app.extensions["assistant"]
    policy = assistant.index.policy  # no database read: the page works while the database is down
    return render_template("policy/show.html", policy=policy, requests=request_links(assistant),
                           version=assistant.published, current=policy.version, notes={}, archived=False)


@bp.get("/policy/v/<int:number>")
def archived(number: int):
    db = storage.get_db()
    found = _version_or_404(db, number)
    assistant = current_app.extensions["assistant"]
    current = assistant.index.policy.version
    policy = policystore.policy_of(current_app, db, number)
    current_policy = assistant.index.policy
    notes = {}
    if number < current:
        in_force = {c.id for c in current_policy.clauses}
        for clause in policy.clauses:
            if clause.id in in_force:
                continue
            successors = policystore.successors_in(db, clause.id, number, current)
            notes[clause.id] = {"changed_in": policystore.changed_in(db, clause.id, number),
                                "successors": [current_policy.clause(s) for s in successors
                                               if current_policy.has_clause(s)]}
    return render_template("policy/show.html", policy=policy, requests=request_links(assistant) if number == current
                           else {}, version=found, current=current, notes=notes, archived=number != current)


@bp.get("/policy/versions")
def versions():
    db = storage.get_db()
    return render_template("policy/versions.html", versions=list(reversed(policystore.versions(db))),
                           current=policystore.current_number(db))


@bp.get("/policy/changes")
def changes():
    db = storage.get_db()
    latest = policystore.current_number(db)
    to = _number_arg("to", latest)
    since = _number_arg("from", to - 1)
    return _changes(db, since, to)


@bp.get("/policy/v/<int:number>/changes")
def version_changes(number: int):
    db = storage.get_db()
    _version_or_404(db, number)
    return _changes(db, number - 1, number)


def _number_arg(name: str, default: int) -> int:
    value = request.args.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or len(value) > 7:
        abort(404)
    return int(value)


def _changes(db, since: int, to: int):
    versions = policystore.versions(db)
    new = _version_or_404(db, to)
    if since == 0:  # the first version: nothing before it to compare with
        return render_template("policy/changes.html", rows=None, old=None, new=new, versions=versions)
    old = _version_or_404(db, since)
    if since >= to:
        abort(404)
    old_policy = policystore.policy_of(current_app, db, since)
    new_policy = policystore.policy_of(current_app, db, to)
    successors = {c.id: policystore.successors_in(db, c.id, since, to) for c in old_policy.clauses
                  if not new_policy.has_clause(c.id)}
    rows = []
    for change in compare(old_policy, new_policy, successors):
        row = {"kind": change.kind, "old": change.old, "new": change.new, "old_parts": None, "new_parts": None}
        if change.kind == "reworded":
            row["old_parts"], row["new_parts"] = word_diff(change.old[0].text, change.new[0].text)
        rows.append(row)
    return render_template("policy/changes.html", rows=rows, old=old, new=new, versions=versions)


@bp.get("/policy/clause/<path:clause_id>")
def clause(clause_id: str):
    """Send a clause id from any version to the newest version that has it (for links written as /policy#<id>)."""
    if len(clause_id) > MAX_ID_LENGTH:
        abort(404)
    db = storage.get_db()
    for found in reversed(policystore.versions(db)):
        policy = policystore.policy_of(current_app, db, found.number)
        if any(c.id == clause_id for c in policy.clauses):
            return redirect(url_for("policy.archived", number=found.number, _anchor=clause_id))
    abort(404)


def recent_update() -> dict | None:
    """The version in force when it took effect within POLICY_NOTICE_DAYS (and is not the first): the notice to show.

    {"number", "effective" (ISO date), "url" (what changed)}, or None.
    """
    found = current_app.extensions["assistant"].published  # no database read: see show()
    if found is None or found.number < 2:
        return None
    days = current_app.config["POLICY_NOTICE_DAYS"]
    if date.fromisoformat(found.effective) < india_today() - timedelta(days=days):
        return None
    return {"number": found.number, "effective": found.effective,
            "url": url_for("policy.version_changes", number=found.number)}


def request_links(assistant) -> dict[str, dict]:
    """Section number -> the request form to offer under it: the sections whose clauses grant a right.

    One request type in a section links to its form ("Report a child's data"); several link to the form with
    the type to choose ("Make a request about your data").
    """
    by_section: dict[str, list] = {}
    for intent in assistant.intents or ():
        by_section.setdefault(assistant.index.policy.clause(intent.clause).section, []).append(intent)
    links = {}
    for number, intents in by_section.items():
        if len(intents) == 1:
            links[number] = {"type": intents[0].name, "label": intents[0].label}
        else:
            links[number] = {"type": None, "label": "Make a request about your data"}
    return links


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.register_blueprint(bp)
