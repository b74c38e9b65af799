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
    from .visitors.chat import citation_label, clause_url, reply_json

    question = question.strip()
    if not question:
        raise click.UsageError("the question is empty")
    reply = current_app.extensions["assistant"].answer(question)
    if as_json:
        with current_app.test_request_context():
            click.echo(json.dumps(reply_json(reply, question_id=""), indent=2, ensure_ascii=False))
        return
    click.echo(reply.message)
    with current_app.test_request_context():
        for hit in reply.citations:
            click.echo(f"  — {citation_label(hit.clause)} ({clause_url(hit.clause)}, score {hit.score:.2f})")


def parse_age(value: str) -> timedelta:
    """"90d" -> 90 days, "12h" -> 12 hours, "2w" -> 2 weeks; a bare number means days."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([dhw]?)\s*", value or "")
    if not match:
        raise click.BadParameter("use a number of days, weeks or hours, e.g. 90d, 12w or 48h")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return {"d": timedelta(days=number), "h": timedelta(hours=number), "w": timedelta(weeks=number)}[unit]


@click.command("purge")
@click.option("--older-than", "older_than", default="90d", show_default=True,
              help="Delete question logs (and delivered mail) older than this (e.g. 90d, 12w, 48h).")
@click.option("--unverified-older-than", "unverified_older_than", default=None,
              help="Also delete requests whose e-mail address was never verified, received longer ago than "
                   "this (e.g. 30d).")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
@with_appcontext
def purge_command(older_than: str, unverified_older_than: str | None, dry_run: bool):
    """Delete old question logs, their feedback and delivered mail. Verified rights requests are kept."""
    from .platform import db as storage

    now = datetime.now(timezone.utc)
    cutoff = (now - parse_age(older_than)).isoformat(timespec="milliseconds")
    unverified_cutoff = None
    if unverified_older_than is not None:
        age = parse_age(unverified_older_than)
        # Younger than its link, a request may still be confirmed: deleting it would lose a request in progress.
        if age < timedelta(hours=current_app.config["VERIFY_LINK_HOURS"]):
            raise click.BadParameter(f"must be at least {current_app.config['VERIFY_LINK_HOURS']}h "
                                     "(FLASK_VERIFY_LINK_HOURS): a younger request can still be confirmed by its link",
                                     param_hint="'--unverified-older-than'")
        unverified_cutoff = (now - age).isoformat(timespec="seconds")
    db = storage.connect_app(current_app)
    try:
        old = "select id from questions where asked_at < :cutoff"
        count = db.scalar(f"select count(*) from ({old}) as q", {"cutoff": cutoff})
        sent = "select id from outbox where status = 'sent' and sent_at < :cutoff"
        mails = db.scalar(f"select count(*) from ({sent}) as m", {"cutoff": cutoff})
        stale = "select id from requests where verified = 0 and received_at < :stale"
        requests = (db.scalar(f"select count(*) from ({stale}) as r", {"stale": unverified_cutoff})
                    if unverified_cutoff else 0)
        if not dry_run:
            with storage.write(db):
                db.execute(f"delete from feedback where question_id in ({old})", {"cutoff": cutoff})
                db.execute("delete from questions where asked_at < :cutoff", {"cutoff": cutoff})
                db.execute(f"delete from outbox where id in ({sent})", {"cutoff": cutoff})
                if unverified_cutoff:
                    for table in ("request_events", "request_codes", "outbox"):
                        db.execute(f"delete from {table} where request_id in ({stale})", {"stale": unverified_cutoff})
                    db.execute(f"delete from requests where id in ({stale})", {"stale": unverified_cutoff})
    finally:
        db.close()
    verb = "would delete" if dry_run else "deleted"
    click.echo(f"{verb} {count} question log entries older than {cutoff} (rights requests are kept)")
    click.echo(f"{verb} {mails} delivered mail messages older than {cutoff}")
    if unverified_cutoff:
        click.echo(f"{verb} {requests} unverified requests received before {unverified_cutoff}")


mail_group = click.Group("mail", help="Deliver queued mail and queue the agents' digest.")


@mail_group.command("send")
@click.option("--loop", is_flag=True, help="Keep delivering (the Procfile's worker); stop with Ctrl-C or SIGTERM.")
@click.option("--interval", default=5.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds between passes with --loop.")
@with_appcontext
def mail_send_command(loop: bool, interval: float):
    """Deliver the messages that are due (once, or forever with --loop)."""
    import signal

    from .platform import db as storage, mail

    config = current_app.config
    if not config.get("MAIL_SERVER"):
        click.echo("FLASK_MAIL_SERVER is not set: messages stay in the outbox (see /staff/outbox).")
        if not loop:
            return
    db = storage.connect_app(current_app)
    try:
        if not loop:
            result = mail.deliver_due(db, config)
            click.echo(f"sent {result.sent}, retrying {result.retrying}, failed {result.failed}")
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))

        def report(result):
            if result.sent or result.retrying or result.failed:
                click.echo(f"sent {result.sent}, retrying {result.retrying}, failed {result.failed}")

        try:
            mail.run_worker(db, config, interval, stop=lambda: bool(stopping), on_pass=report)
        except KeyboardInterrupt:
            pass
    finally:
        db.close()


@mail_group.command("digest")
@click.option("--days", type=click.IntRange(0, 365), default=None,
              help="Horizon in days (default FLASK_MAIL_DIGEST_DAYS).")
@with_appcontext
def mail_digest_command(days: int | None):
    """Queue to FLASK_MAIL_DIGEST_TO the open requests due within the horizon (overdue ones too)."""
    from .platform import db as storage, mail
    from .staff.desk import today

    config = current_app.config
    if not config["MAIL_DIGEST_TO"]:
        raise click.UsageError("FLASK_MAIL_DIGEST_TO is empty: set the agents' addresses to send the digest to.")
    days = config["MAIL_DIGEST_DAYS"] if days is None else days
    db = storage.connect_app(current_app)
    try:
        with storage.write(db):
            count = mail.queue_digest(db, today(), days, config["MAIL_DIGEST_TO"])
    finally:
        db.close()
    click.echo(f"queued a digest of {count} requests to {len(config['MAIL_DIGEST_TO'])} addresses")


def init_app(app) -> None:
    from .platform import dbtools

    app.cli.add_command(ask_command)
    app.cli.add_command(purge_command)
    app.cli.add_command(mail_group)
    dbtools.init_app(app)  # flask db backup
