"""Mail to requesters and agents: queued in the caller's transaction, delivered later by a worker.

    from app.platform import db as storage, mail
    with storage.write(db, durable=True):
        db.update("requests", row["id"], {...})
        mail.queue_mail(db, "status", row["email"], row, language=row["language"], outcome="...")

    $ flask --app app mail send           # deliver what is due, once (cron, tests)
    $ flask --app app mail send --loop    # forever (the Procfile's worker: line)

Nothing here talks to a mail server inside a visitor's request: `queue_mail`
writes one `outbox` row in the same transaction as the change it reports, so
the message exists exactly when the change does. `deliver_due` (the worker)
sends what is due through SMTP (the standard library's smtplib), retrying a
failed delivery with exponential backoff up to MAIL_MAX_ATTEMPTS, and records
`mail_delivered` / `mail_failed` in the request's events. Without MAIL_SERVER
(the `make run` default) the worker sends nothing and messages stay in the
outbox, where staff read them at /staff/outbox.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import formatdate, make_msgid

import sqlalchemy as sa
from flask import current_app, has_request_context, render_template, request, url_for
from flask_babel import force_locale, gettext as _

from . import db as storage, schema
from .events import record_event
from .i18n import SOURCE_LANGUAGE
from .timefmt import format_date

log = logging.getLogger(__name__)

DEFAULTS = {
    # SMTP host; None keeps every message in the outbox (read them at /staff/outbox).
    "MAIL_SERVER": None,
    "MAIL_PORT": 587,
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    # STARTTLS after connecting (port 587); MAIL_USE_SSL: TLS from the start (port 465). Not both.
    "MAIL_USE_TLS": False,
    "MAIL_USE_SSL": False,
    "MAIL_DEFAULT_SENDER": "Blue Messaggio Privacy <privacy@bluemessaggio.example>",
    # Seconds to wait for the mail server on each step.
    "MAIL_TIMEOUT": 10,
    # Deliveries tried before a message is given up as failed (agents see it), and the first wait
    # between tries in seconds (doubled after each failure).
    "MAIL_MAX_ATTEMPTS": 6,
    "MAIL_RETRY_SECONDS": 60,
    # Who gets `flask mail digest` (agents' addresses: a JSON list or comma-separated), and its horizon in days.
    "MAIL_DIGEST_TO": [],
    "MAIL_DIGEST_DAYS": 5,
    # The address links in mails point to (e.g. https://privacy.bluemessaggio.example); None: the address
    # the visitor used (or http://localhost:5000 from the command line).
    "PUBLIC_URL": None,
}

KINDS = ("receipt", "code", "status", "extension", "digest")
# A code message is useless once delivered, and its code must not sit in the database in clear text.
_CLEARED_AFTER_DELIVERY = {"code"}
# A message claimed by a worker that died while sending goes back to the queue after this long.
_CLAIM_TIMEOUT = timedelta(minutes=5)


class MailConfigError(ValueError):
    """A mail setting that cannot work (the factory turns it into ConfigurationError)."""


def check_config(config) -> None:
    """Refuse mail settings that cannot work, saying which one and why."""
    for key in ("MAIL_PORT", "MAIL_TIMEOUT", "MAIL_MAX_ATTEMPTS", "MAIL_RETRY_SECONDS", "MAIL_DIGEST_DAYS"):
        value = config.get(key)
        if isinstance(value, str) and value.strip().isdigit():
            value = config[key] = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < (1 if key != "MAIL_RETRY_SECONDS" else 0):
            raise MailConfigError(f"FLASK_{key} must be a whole number (got {value!r})"
                                  + (", e.g. 587 for STARTTLS or 465 for SSL." if key == "MAIL_PORT" else "."))
    if config["MAIL_PORT"] > 65535:
        raise MailConfigError(f"FLASK_MAIL_PORT must be a port number from 1 to 65535 (got {config['MAIL_PORT']}).")
    for key in ("MAIL_USE_TLS", "MAIL_USE_SSL"):
        if not isinstance(config.get(key), bool):
            raise MailConfigError(f"FLASK_{key} must be true or false (got {config.get(key)!r}).")
    if config["MAIL_USE_TLS"] and config["MAIL_USE_SSL"]:
        raise MailConfigError("FLASK_MAIL_USE_TLS and FLASK_MAIL_USE_SSL are both true: choose STARTTLS (TLS, "
                              "port 587) or SSL from the start (SSL, port 465).")
    if config.get("MAIL_SERVER") and not config.get("MAIL_DEFAULT_SENDER"):
        raise MailConfigError("FLASK_MAIL_SERVER is set but FLASK_MAIL_DEFAULT_SENDER is empty: mail needs a sender.")
    if bool(config.get("MAIL_USERNAME")) != bool(config.get("MAIL_PASSWORD")):
        raise MailConfigError("Set both FLASK_MAIL_USERNAME and FLASK_MAIL_PASSWORD, or neither.")
    digest_to = config.get("MAIL_DIGEST_TO")
    if isinstance(digest_to, str):
        config["MAIL_DIGEST_TO"] = [a.strip() for a in digest_to.split(",") if a.strip()]
    elif not isinstance(digest_to, list) or not all(isinstance(a, str) for a in digest_to):
        raise MailConfigError("FLASK_MAIL_DIGEST_TO must be addresses, comma-separated or a JSON list.")


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    check_config(app.config)


# ---- queueing ---------------------------------------------------------------------------------------------------

def public_url(endpoint: str, **values) -> str:
    """An absolute link for a mail: PUBLIC_URL if set, else the visitor's own address for the site."""
    path = url_for(endpoint, **values) if has_request_context() else _path_for(endpoint, **values)
    base = current_app.config.get("PUBLIC_URL")
    if not base:
        base = request.host_url if has_request_context() else "http://localhost:5000/"
    return base.rstrip("/") + path


def _path_for(endpoint: str, **values) -> str:
    with current_app.test_request_context():
        return url_for(endpoint, **values)


def mail_language(language: str | None) -> str:
    """The language to write a message in: `language` where the interface has it (FLASK_LANGUAGES), else English."""
    offered = current_app.extensions.get("languages", [SOURCE_LANGUAGE])
    return language if language in offered else SOURCE_LANGUAGE


def _subject(kind: str, request_row: dict | None, context: dict) -> str:
    """The subject line, in the locale being rendered (queue_mail forces the message's language)."""
    reference = request_row["reference"] if request_row else ""
    if kind == "code":
        if context.get("purpose") == "status":
            return _("Your code to see the status of request %(reference)s", reference=reference)
        return _("Confirm your e-mail address for request %(reference)s", reference=reference)
    if kind == "receipt":
        return _("We have received your request %(reference)s", reference=reference)
    if kind == "status":
        if context.get("status") == "refused":
            return _("Your request %(reference)s: we cannot act on it", reference=reference)
        return _("Your request %(reference)s is done", reference=reference)
    if kind == "extension":
        return _("Your request %(reference)s: we need more time (new date %(date)s)", reference=reference,
                 date=format_date(context.get("new_due")))
    # The digest goes to agents: staff read English (like the staff pages).
    count = len(context.get("rows", []))
    return f"{count} request{'' if count == 1 else 's'} due within {context.get('days')} days"


def queue_mail(db, kind: str, to: str, request_row: dict | None, language: str = "en", **context) -> int:
    """Queue one message in the caller's write transaction; return its outbox id.

        with storage.write(db, durable=True):
            ...change the request...
            queue_mail(db, "extension", row["email"], row, language=row["language"],
                       new_due=date(2027, 2, 24), reason="We need the records of two services.")

    kind: "receipt" (context: type_label), "code" (code, minutes, purpose "verify" or "status", and for
    "verify" link, link_hours), "status" (status "done" or "refused", outcome: the agent's reason),
    "extension" (new_due: a date or ISO date, reason) or "digest" (to an agent; request_row None; rows, days,
    on, queue_url). Messages about a request link to the status page (`status_url`, filled in if not
    given). The message (subject, plain text and simple HTML from templates/mail/<kind>.txt and .html) is
    rendered now, in `language` (the requester's, stored with the request) when the interface offers it and
    in English otherwise; the language used is stored with the message (its Content-Language), so the outbox
    holds exactly what will be sent. Needs an app context and an open write transaction on `db`; never
    talks to a mail server. A busy path renders first, with `compose_mail`, and queues with `queue_composed`.
    """
    if not db.in_transaction():
        raise RuntimeError("queue_mail must run inside the caller's write transaction (storage.write)")
    message = compose_mail(kind, to, request_row, language, **context)
    return queue_composed(db, message, request_row["id"] if request_row else None)


def compose_mail(kind: str, to: str, request_row: dict | None, language: str = "en", **context) -> dict:
    """Render one message (as `queue_mail` does) without storing it: do it before the write transaction.

    Rendering takes a few milliseconds of CPU, far more on a busy machine; done inside `storage.write` it
    kept the SQLite write lock, and so every other writer, waiting that long.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown mail kind {kind!r}; one of {', '.join(KINDS)}")
    if request_row is not None:
        context.setdefault("status_url", public_url("status.lookup"))
    language = mail_language(language)
    values = {"request": request_row, "kind": kind, "language": language, **context}
    # Texts, request-type names and month names in the message's language, whoever's page queues it
    # (an agent's English page, the worker's command line).
    with force_locale(language):
        subject = _subject(kind, request_row, context)
        body_text = render_template(f"mail/{kind}.txt", **values)
        body_html = render_template(f"mail/{kind}.html", **values)
    return {"kind": kind, "to_addr": to, "subject": subject, "body_text": body_text, "body_html": body_html,
            "language": language}


def queue_composed(db, message: dict, request_id: int | None) -> int:
    """Store a message from `compose_mail` in the outbox, in the caller's write transaction; return its id."""
    if not db.in_transaction():
        raise RuntimeError("queue_composed must run inside the caller's write transaction (storage.write)")
    now = storage.now_iso()
    return db.insert("outbox", {**message, "request_id": request_id, "status": "queued", "attempts": 0,
                                "created_at": now, "next_attempt_at": now})


# ---- delivery (the worker) --------------------------------------------------------------------------------------

@dataclass
class Delivery:
    """What one run of the worker did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class _PermanentFailure(Exception):
    """The server refused the message itself (bad recipient): retrying cannot help."""


class _MailPolicy(EmailPolicy):
    """The standard e-mail policy, but a subject in Hindi or Marathi is folded the older, safe way.

    Python 3.11 can fold a long non-ASCII header with the space between two words left outside
    the encoded words (CPython gh-92081), and mail readers drop such spaces: "के लिए आपका कोड"
    arrived as "के लिएआपका कोड". email.header.Header keeps every space inside an encoded word.
    """

    def _safe(self, name, value) -> bool:
        return name.lower() != "subject" or str(value).isascii()

    def _fold_encoded(self, name, value) -> str:
        return f"{name}: {Header(str(value), 'utf-8', header_name=name).encode(linesep=self.linesep)}{self.linesep}"

    def fold(self, name, value):
        return super().fold(name, value) if self._safe(name, value) else self._fold_encoded(name, value)

    def fold_binary(self, name, value):
        if self._safe(name, value):
            return super().fold_binary(name, value)
        return self._fold_encoded(name, value).encode("ascii")


_POLICY = _MailPolicy()


def build_message(config, row: dict) -> EmailMessage:
    message = EmailMessage(policy=_POLICY)
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = row["to_addr"]
    message["Subject"] = row["subject"]
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=config["MAIL_DEFAULT_SENDER"].rpartition("@")[2].strip("> ") or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row["body_text"])
    if row.get("body_html"):
        message.add_alternative(row["body_html"], subtype="html")
    # After the parts exist: add_alternative moves Content-* headers into the first part.
    message["Content-Language"] = row.get("language") or "en"
    return message


def _connect(config) -> smtplib.SMTP:
    host, port, timeout = config["MAIL_SERVER"], int(config["MAIL_PORT"]), float(config["MAIL_TIMEOUT"])
    if config["MAIL_USE_SSL"]:
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    try:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
    except BaseException:
        # A certificate that cannot be trusted, a refused login: the worker retries every pass, so a connection
        # left open each time would leak one socket per pass for as long as the problem lasts.
        smtp.close()
        raise
    return smtp


def _send(smtp: smtplib.SMTP, config, row: dict) -> None:
    try:
        smtp.send_message(build_message(config, row))
    except smtplib.SMTPRecipientsRefused as exc:
        raise _PermanentFailure(_describe(exc)) from exc
    except smtplib.SMTPResponseException as exc:
        if 500 <= exc.smtp_code < 600:
            raise _PermanentFailure(_describe(exc)) from exc
        raise


def _describe(exc: BaseException) -> str:
    """A short reason for agents, without the recipient's address."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _ in exc.recipients.values()})
        return f"recipient refused by the mail server ({', '.join(codes)})"
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"mail server answered {exc.smtp_code} {text[:120]}"
    if isinstance(exc, (ConnectionRefusedError, socket.timeout, TimeoutError, OSError)):
        return f"mail server unreachable ({type(exc).__name__}: {str(exc)[:120]})"
    return f"{type(exc).__name__}: {str(exc)[:120]}"


def _claim(db, now: datetime, limit: int) -> list[dict]:
    """Take up to `limit` due messages for this worker (so two workers never send the same one)."""
    stale = (now - _CLAIM_TIMEOUT).isoformat(timespec="milliseconds")
    stamp = now.isoformat(timespec="milliseconds")
    with storage.write(db):
        # Two mail workers (two hosts) never take the same message: on PostgreSQL the rows are locked and
        # rows another worker holds are passed over; SQLite's write lock already lets one worker in at a time.
        outbox = schema.outbox
        due = sa.or_(sa.and_(outbox.c.status == "queued", outbox.c.next_attempt_at <= stamp),
                     sa.and_(outbox.c.status == "sending", outbox.c.claimed_at < stale))
        rows = db.query(sa.select(outbox).where(due).order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit)
                        .with_for_update(skip_locked=True))
        for row in rows:
            db.execute("update outbox set status = 'sending', claimed_at = :claimed_at where id = :id", {"claimed_at": stamp, "id": row["id"]})
    return rows


def _record(db, row: dict, config, error: str | None, permanent: bool = False) -> str:
    """Store the outcome of one delivery attempt (and its event); returns sent, retrying or failed."""
    now = datetime.now(timezone.utc)
    attempts = row["attempts"] + 1
    with storage.write(db):
        if error is None:
            body = "(code removed after delivery)" if row["kind"] in _CLEARED_AFTER_DELIVERY else row["body_text"]
            html = None if row["kind"] in _CLEARED_AFTER_DELIVERY else row["body_html"]
            db.execute("update outbox set status = 'sent', attempts = :attempts, sent_at = :sent_at, last_error = null, "
                       "claimed_at = null, body_text = :body_text, body_html = :body_html where id = :id",
                       {"attempts": attempts, "sent_at": now.isoformat(timespec="milliseconds"), "body_text": body, "body_html": html, "id": row["id"]})
            outcome, detail = "sent", f"{row['kind']} (message {row['id']})"
        elif permanent or attempts >= config["MAIL_MAX_ATTEMPTS"]:
            db.execute("update outbox set status = 'failed', attempts = :attempts, last_error = :last_error, claimed_at = null "
                       "where id = :id", {"attempts": attempts, "last_error": error, "id": row["id"]})
            outcome, detail = "failed", f"{row['kind']} (message {row['id']}): gave up after {attempts} " \
                                        f"attempt{'' if attempts == 1 else 's'}: {error}"
        else:
            wait = config["MAIL_RETRY_SECONDS"] * 2 ** (attempts - 1)
            retry_at = (now + timedelta(seconds=wait)).isoformat(timespec="milliseconds")
            db.execute("update outbox set status = 'queued', attempts = :attempts, last_error = :last_error, next_attempt_at = :next_attempt_at, "
                       "claimed_at = null where id = :id", {"attempts": attempts, "last_error": error, "next_attempt_at": retry_at, "id": row["id"]})
            outcome, detail = "retrying", f"{row['kind']} (message {row['id']}): attempt {attempts} failed, " \
                                          f"next try at {retry_at[:19]}Z: {error}"
        if row["request_id"] is not None:
            record_event(db, row["request_id"], "system", "mail_delivered" if outcome == "sent" else "mail_failed",
                         new=detail)
    return outcome


def deliver_due(db, config, limit: int = 100) -> Delivery:
    """Send the messages that are due (one worker pass); without MAIL_SERVER, send nothing.

    One connection to the mail server for the pass; a message the server
    refuses outright fails at once, a server that cannot be reached leaves
    every claimed message for a retry with backoff. Never raises for a delivery
    problem: each is recorded on its message and request.
    """
    done = Delivery()
    if not config.get("MAIL_SERVER"):
        return done
    rows = _claim(db, datetime.now(timezone.utc), limit)
    if not rows:
        return done
    smtp = None
    try:
        smtp = _connect(config)
    except (smtplib.SMTPException, OSError) as exc:
        error = _describe(exc)
        log.warning("mail server not reachable: %s", error)
        for row in rows:
            outcome = _record(db, row, config, error)
            setattr(done, outcome, getattr(done, outcome) + 1)
            done.errors.append(error)
        return done
    try:
        for row in rows:
            error, permanent = None, False
            try:
                _send(smtp, config, row)
            except _PermanentFailure as exc:
                error, permanent = str(exc), True
            except (smtplib.SMTPException, OSError) as exc:
                error = _describe(exc)
            outcome = _record(db, row, config, error, permanent)
            setattr(done, outcome, getattr(done, outcome) + 1)
            if error:
                done.errors.append(error)
                log.warning("mail %s (%s) not delivered: %s", row["id"], row["kind"], error)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    return done


def run_worker(db, config, interval: float, stop=lambda: False, on_pass=None) -> None:
    """Deliver forever (until `stop()` is true), a pass every `interval` seconds."""
    while not stop():
        result = deliver_due(db, config)
        if on_pass:
            on_pass(result)
        deadline = time.monotonic() + interval
        while not stop() and time.monotonic() < deadline:
            time.sleep(min(0.2, interval))


# ---- the agents' digest -----------------------------------------------------------------------------------------

def queue_digest(db, on, days: int, to: list[str]) -> int:
    """Queue the digest of open requests due within `days` of `on` (overdue ones too) to each of `to`."""
    horizon = (on + timedelta(days=days)).isoformat()
    # An extended request is due on its extended date (as on the queue): not overdue once the original passes.
    rows = db.query(
        "select id, reference, type, status, urgent, verified, due_date, extended_due, "
        "coalesce(extended_due, due_date) as due from requests "
        "where status not in ('done', 'refused') and coalesce(extended_due, due_date) <= :horizon "
        "order by coalesce(extended_due, due_date), received_at",
        {"horizon": horizon})
    for row in rows:
        row["days_left"] = (datetime.fromisoformat(row["due"]).date() - on).days
        row["url"] = public_url("staff.request_detail", request_id=row["id"])
    for address in to:
        queue_mail(db, "digest", address, None, rows=rows, days=days, on=on,
                   queue_url=public_url("staff.queue"))
    return len(rows)

