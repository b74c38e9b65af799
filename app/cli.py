"""Command-line tools: `flask --app app ask "question"`, `flask --app app purge --older-than 90d`."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of text.")
@with_appcontext
def ask_command(question: str, as_json: bool):
    """Answer QUESTION from the policy, with its citation (not logged)."""
    from .visitors.chat import citation_label, reply_json

    question = question.strip()
    if not question:
        raise click.UsageError("the question is empty")
    reply = current_app.extensions["assistant"].answer(question)
    if as_json:
        with current_app.test_request_context():
            click.echo(json.dumps(reply_json(reply, question_id=""), indent=2, ensure_ascii=False))
        return
    click.echo(reply.message)
    for hit in reply.citations:
        click.echo(f"  — {citation_label(hit.clause)} (/policy#{hit.clause.anchor}, score {hit.score:.2f})")


def parse_age(value: str) -> timedelta:
    """"90d" -> 90 days, "12h" -> 12 hours, "2w" -> 2 weeks; a bare number means days."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([dhw]?)\s*", value or "")
    if not match:
        raise click.BadParameter("use a number of days, weeks or hours, e.g. 90d, 12w or 48h")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return {"d": timedelta(days=number), "h": timedelta(hours=number), "w": timedelta(weeks=number)}[unit]


@click.command("purge")
@click.option("--older-than", "older_than", default="90d", show_default=True,
              help="Delete question logs older than this (e.g. 90d, 12w, 48h).")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
@with_appcontext
def purge_command(older_than: str, dry_run: bool):
    """Delete old question logs and their feedback. Rights requests are kept."""
    from .platform import db as storage

    cutoff = (datetime.now(timezone.utc) - parse_age(older_than)).isoformat(timespec="milliseconds")
    db = storage.connect(storage.database_path(current_app), current_app.config["DATABASE_TIMEOUT"])
    try:
        old = "select id from questions where asked_at < ?"
        count = db.execute(f"select count(*) from ({old})", [cutoff]).fetchone()[0]
        if not dry_run:
            with storage.write(db):
                db.execute(f"delete from feedback where question_id in ({old})", [cutoff])
                db.execute("delete from questions where asked_at < ?", [cutoff])
    finally:
        db.conn.close()
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"{verb} {count} question log entries older than {cutoff} (rights requests are kept)")


def init_app(app) -> None:
    from .platform import dbtools

    app.cli.add_command(ask_command)
    app.cli.add_command(purge_command)
    dbtools.init_app(app)  # flask db backup
