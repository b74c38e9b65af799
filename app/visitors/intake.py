"""Request intake: the form a visitor is handed to, and the JSON endpoint the widget posts to.

    GET  /request?type=deletion     the form, type preselected
    POST /request                   validate, store, then show the reference (303 to /request/received)
    POST /api/requests              the same for JSON clients: 201 {reference, type, status, received, due,
                                    verified: false, verification: {...}}

A submission is committed before any confirmation is shown, unverified, in one
transaction with its "created" and "code_sent" events and the mail carrying the
code and link (see verification.py; the mail worker sends it). If it cannot be
stored the visitor gets a 503 and the reason, never a reference; a refused
submission stores nothing.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
import secrets
from datetime import date, datetime, timedelta, timezone

from flask import (Blueprint, current_app, redirect, render_template, request, session,
                   url_for)
from flask_babel import get_translations, gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import EmailField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Regexp, ValidationError

from ..platform import db as storage
from ..platform.events import REQUESTER, record_event
from . import verification
from .chat import CONTROL, InvalidInput, is_text, json_object
from ..platform.csrf import csrf
from ..platform.errors import error_response, handle_http_error, wants_json
from ..engine.intents import Field, Intent, Intents
from ..platform.limits import requests_limit, retry_after_seconds, wait_text
from ..platform.timefmt import INDIA_TZ

bp = Blueprint("intake", __name__)
log = logging.getLogger(__name__)

# Blue Messaggio works from Mumbai: the day a request arrives is the day in India (UTC+05:30, no DST).
BUSINESS_TZ = INDIA_TZ
RESPONSE_DAYS = 30  # the policy's promise (section 12)
# A submission key: random, from the form (made when it is shown) or the client; empty when none was sent.
SUBMISSION_KEY = r"^([A-Za-z0-9_-]{16,64})?$"
_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
STORAGE_FAILED = _l("We could not save your request just now, so it has not been received. Please try again in "
                    "a few minutes, or e-mail it to us directly.")
# WTForms' own messages that these fields can give, in the catalogue like ours (see _Meta).
_WTFORMS_MESSAGES = (_l("Not a valid integer value."), _l("Not a valid choice."))


class RequestNotStored(RuntimeError):
    """The database refused the submission; nothing was stored."""


def add_month(day: date) -> date:
    """The same day one calendar month later, or that month's last day (31 January -> 28/29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(received: datetime) -> date:
    """When a response is due: the earlier of 30 days (the policy) and one calendar month (GDPR Art. 12(3))."""
    day = received.astimezone(BUSINESS_TZ).date()
    return min(day + timedelta(days=RESPONSE_DAYS), add_month(day))


def new_reference() -> str:
    """A reference people can read out on the phone, e.g. "BM-7KQ2-9XHD"."""
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"BM-{chars[:4]}-{chars[4:]}"


def intents() -> Intents:
    return current_app.extensions["assistant"].intents


# ---- forms -------------------------------------------------------------------------------------------------

def _printable(form, field):
    if isinstance(field.data, str) and CONTROL.search(field.data):
        raise ValidationError(_("This contains control characters that can't be stored. Please retype it."))


def _make_field(spec: Field):
    label = _(spec.label)
    please = _("Please fill in %(field)s.", field=label[0].lower() + label[1:])
    # Text is checked after stripping, so "   " is as empty as "" (a number 0 is a real answer).
    required = InputRequired(message=please) if spec.type in ("integer", "choice") else DataRequired(message=please)
    kwargs = {"description": _(spec.help) if spec.help else ""}
    strip = [lambda v: v.strip() if isinstance(v, str) else v]
    if spec.type == "integer":
        return IntegerField(label, [required, NumberRange(spec.min, spec.max, message=_(
                            "Enter a whole number from %(min)s to %(max)s.", min=spec.min, max=spec.max))], **kwargs)
    if spec.type == "choice":
        # The value stays the English choice (what staff read); the visitor reads it in their language.
        return SelectField(label, [required], choices=[SelectChoice("", _("Choose…"))] + [SelectChoice(c, _(c)) for c in spec.choices],
                           validate_choice=True, **kwargs)
    length = Length(max=spec.max_length, message=_("Please keep this under %(max)s characters.", max=spec.max_length))
    if spec.type == "email":
        return EmailField(label, [required, length, Email(message=_("Enter an e-mail address like name@example.com."),
                                                          check_deliverability=False)],
                          filters=strip, **kwargs)
    field_class = TextAreaField if spec.type == "textarea" else StringField
    return field_class(label, [required, length, _printable], filters=strip, **kwargs)


def _type_choices() -> list[SelectChoice]:
    return [SelectChoice(i.name, _(i.label)) for i in intents()]


class _Meta:
    def get_translations(self, form):
        """WTForms' own messages ("Not a valid choice.") from our catalogue, in the request's language."""
        return get_translations()


def request_form(intent: Intent | None, formdata=None, with_csrf: bool = True) -> FlaskForm:
    """The form for one request type (its fields from intents.yaml); a type picker when `intent` is None."""
    attrs = {
        "Meta": _Meta,
        "type": SelectField(_("What would you like to do?"), [InputRequired(_("Choose what you would like to do."))],
                            choices=_type_choices(), validate_choice=True),
        "question_id": HiddenField(validators=[Regexp(r"^([0-9a-f]{32})?$", message=_("Not a valid question id."))]),
        "submission_key": HiddenField(validators=[Regexp(SUBMISSION_KEY, message=_("Not a valid submission key."))]),
    }
    fields = intent.fields if intent else [intents().fields[n] for n in ("name", "email", "details")]
    for spec in fields:
        attrs[spec.name] = _make_field(spec)
    form_class = type("RequestForm", (FlaskForm,), attrs)
    meta = {} if with_csrf else {"csrf": False}
    return form_class(formdata=formdata, meta=meta)


# ---- storage ------------------------------------------------------------------------------------------------

def store_request(intent: Intent, form: FlaskForm) -> dict:
    """Commit one submission and return its row; raise RequestNotStored if the database refuses it.

    A submission whose key (`submission_key`, random, made by the form or the client) is already stored is not
    stored again: its row is returned, so a double click or a client's retry after a lost answer gets the same
    reference, and nothing is mailed twice.
    """
    received = datetime.now(timezone.utc)
    key = form.submission_key.data or None
    common = {"name", "email", "details"}
    row = {
        "type": intent.name,
        "status": "new",
        "urgent": int(intent.urgent),
        "name": form.name.data,
        "email": form.email.data,
        "details": form.details.data,
        "extra": json.dumps({f.name: form[f.name].data for f in intent.fields if f.name not in common},
                            ensure_ascii=False),
        "received_at": received.isoformat(timespec="seconds"),
        "due_date": due_date(received).isoformat(),
        "question_id": form.question_id.data or None,
        "verified": 0,
        "language": visitor_language(),
        "submission_key": key,
    }
    for _attempt in range(5):
        row.pop("id", None)
        row["reference"] = new_reference()
        try:
            code = verification.compose_code(row, "verify")  # rendered before the write lock is taken
            with storage.write(storage.get_db(), durable=True) as db:
                stored = _submitted(db, row)
                if stored is not None:
                    return stored
                row["id"] = db.insert("requests", row)
                record_event(db, row["id"], REQUESTER, "created", new=intent.name, public=True,
                             at=row["received_at"])
                verification.issue_code(db, row, "verify", new=code, first=True)
            return row
        except storage.IntegrityError:
            # A reference already taken: draw another (the unique index decides, on both databases); or the same
            # key stored at this moment by another worker: the next attempt finds and returns it.
            continue
        except (*storage.ERRORS, OSError, storage.StorageError) as exc:
            log.exception("could not store a %s request", intent.name)
            raise RequestNotStored(str(exc)) from exc
    raise RequestNotStored("no free reference after 5 attempts")


_SAME_SUBMISSION = ("type", "name", "email", "details", "extra")


def _submitted(db, row: dict) -> dict | None:
    """The request already stored for `row`'s submission key, when it is the same submission sent again.

    A key stored with other words (the form sent again after Back, with another type or details) is another
    request: `row` loses the key and is stored as new, so nothing the visitor sends is swallowed.
    """
    if row["submission_key"] is None:
        return None
    stored = db.execute("select id, reference, type, status, urgent, received_at, due_date, verified, name, email, "
                        "details, extra from requests where submission_key = :key",
                        {"key": row["submission_key"]}).mappings().first()
    if stored is None:
        return None
    if any(stored[name] != row[name] for name in _SAME_SUBMISSION):
        row["submission_key"] = None
        return None
    return dict(stored)


def visitor_language() -> str:
    """The language to write to the visitor in: the interface's locale when Flask-Babel chose one, else "en"."""
    babel = current_app.extensions.get("babel")
    if babel is not None:
        from flask_babel import get_locale  # present once the interface is translated

        locale = get_locale()
        if locale is not None:
            return str(locale.language)
    return "en"


def _confirmation(row: dict) -> dict:
    return {"reference": row["reference"], "type": row["type"], "status": row["status"],
            "received": row["received_at"], "due": row["due_date"], "urgent": bool(row["urgent"]),
            "verified": bool(row["verified"]),
            "verification": {"confirm": url_for("verification.api_verify"),
                             "resend": url_for("verification.api_resend"),
                             "code_minutes": current_app.config["VERIFY_CODE_MINUTES"]}}


# ---- views --------------------------------------------------------------------------------------------------

def _chosen_intent(value) -> Intent | None:
    return intents().get(value) if isinstance(value, str) else None


def _render_form(form, intent: Intent | None, status: int = 200, failure: str | None = None):
    policy = current_app.extensions["assistant"].index.policy
    clause = policy.clause(intent.clause) if intent else None
    return render_template("intake/form.html", form=form, intent=intent, clause=clause, failure=failure), status


@bp.get("/request")
def form():
    """The request form, with the type from `?type=` (and the question that led here, `?q=`)."""
    intent = _chosen_intent(request.args.get("type"))
    form = request_form(intent, formdata=None)
    if intent:
        form.type.data = intent.name
    question_id = request.args.get("q", "")
    form.question_id.data = question_id if re.fullmatch(r"[0-9a-f]{32}", question_id) else ""
    form.submission_key.data = secrets.token_urlsafe(24)  # sent twice (a double click), stored once
    return _render_form(form, intent)


@bp.post("/request")
@requests_limit
def submit():
    intent = _chosen_intent(request.form.get("type"))
    form = request_form(intent, formdata=request.form)
    valid = form.validate()  # also when the type is unknown, so that every problem is shown at once
    if intent is None or not valid:
        return _render_form(form, intent, 400)
    try:
        row = store_request(intent, form)
    except RequestNotStored:
        return _render_form(form, intent, 503, str(STORAGE_FAILED))
    session["request_reference"] = row["reference"]
    return redirect(url_for("intake.received"), code=303)


@bp.errorhandler(429)
def too_many_requests(exc):
    """Over the limit on the form: show it again with what was typed and when to try again."""
    if request.endpoint != "intake.submit" or wants_json():
        return handle_http_error(exc)
    intent = _chosen_intent(request.form.get("type"))
    form = request_form(intent, formdata=request.form)
    return _render_form(form, intent, 429, _("Too many requests from your connection: your request has not been "
                                            "sent. Please try again in %(wait)s.",
                                            wait=wait_text(retry_after_seconds())))


@bp.get("/request/received")
def received():
    """The confirmation: reference, due date and what happens next (for this browser's last submission)."""
    reference = session.get("request_reference")
    row = None
    if reference:
        row = storage.get_db().execute(
            "select reference, type, status, urgent, received_at, due_date, verified from requests "
            "where reference = :reference", {"reference": reference}).fetchone()
    if row is None:
        return redirect(url_for("intake.form"), code=303)
    reference, kind, status, urgent, received_at, due, verified = row
    # One message from the last code or re-send form (shown once).
    message = session.pop("verify_message", None)
    return render_template("intake/received.html", reference=reference, intent=intents().get(kind),
                           urgent=bool(urgent), received=datetime.fromisoformat(received_at).astimezone(BUSINESS_TZ),
                           due=date.fromisoformat(due), verified=bool(verified), message=message,
                           minutes=current_app.config["VERIFY_CODE_MINUTES"],
                           contact_anchor=current_app.extensions["assistant"].contact_section.anchor)


@bp.post("/api/requests")
@csrf.exempt
@requests_limit
def api_create():
    try:
        data = json_object()
    except InvalidInput as exc:
        return error_response(400, str(exc), fields={})
    intent = _chosen_intent(data.get("type"))
    if intent is None:
        names = ", ".join(i.name for i in intents())
        return error_response(400, _("Please correct the fields listed."),
                              fields={"type": _("must be one of %(names)s", names=names)})
    formdata, problems = MultiDict(), {}
    numbers = {f.name for f in intent.fields if f.type == "integer"}
    allowed = {"type", "question_id", "submission_key"} | {f.name for f in intent.fields}
    for key, value in data.items():
        if key not in allowed:
            problems[key] = _("is not a field of this request type")
        elif key in numbers and isinstance(value, int) and not isinstance(value, bool):
            formdata[key] = str(value)
        elif not isinstance(value, str):
            problems[key] = _("must be a whole number") if key in numbers else _("must be text")
        elif not is_text(value):
            problems[key] = _("must be valid Unicode text")  # a lone surrogate ("\\ud800") cannot be stored
        else:
            formdata[key] = value
    form = request_form(intent, formdata=formdata, with_csrf=False)
    if not form.validate() or problems:
        problems.update({name: errors[0] for name, errors in form.errors.items() if name not in problems})
        return error_response(400, _("Please correct the fields listed."), fields=problems)
    try:
        row = store_request(intent, form)
    except RequestNotStored:
        return error_response(503, str(STORAGE_FAILED))
    return _confirmation(row), 201
