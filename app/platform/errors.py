"""One place that decides how errors look: JSON for the API, a page for people."""

from __future__ import annotations

import logging

from flask import jsonify, render_template, request
from flask_babel import gettext as _, lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

_FRIENDLY = {
    400: _l("Something in that request wasn't right."),
    403: _l("You don't have access to that page."),
    404: _l("We couldn't find that page."),
    405: _l("That page can't be used that way."),
    408: _l("The request body did not arrive in time."),
    413: _l("That was more than we can accept in one go."),
    500: _l("Something went wrong on our side. Please try again."),
    503: _l("The service is busy or unavailable right now. Please try again shortly."),
}
# The page titles (Werkzeug's names, in the visitor's language).
_TITLES = {
    400: _l("Bad Request"), 403: _l("Forbidden"), 404: _l("Not Found"), 405: _l("Method Not Allowed"),
    408: _l("Request Timeout"), 413: _l("Request Entity Too Large"), 429: _l("Too Many Requests"),
    500: _l("Internal Server Error"), 503: _l("Service Unavailable"),
}


def error_response(status: int, message: str, **extra):
    """A JSON error: {"error": message, ...} with `status`."""
    payload = {"error": str(message), **extra}
    response = jsonify(payload)
    response.status_code = status
    return response


def wants_json() -> bool:
    """API paths, and clients that ask for JSON, get JSON errors."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _message(exc: HTTPException) -> str:
    code = exc.code or 500
    if code == 429:
        # A limit's own message (the staff sign-in's) is said as is; otherwise Flask-Limiter's description is the
        # bare limit in English ("5 per 1 minute"): say when to try again instead.
        own = getattr(getattr(exc, "limit", None), "error_message", None)
        if own:
            return str(own)
        from .limits import retry_after_seconds, wait_text

        return _("Too many requests. Please try again in %(wait)s.", wait=wait_text(retry_after_seconds()))
    # Our own aborts carry a specific description; Werkzeug's defaults are long and generic.
    default = type(exc).description
    if exc.description and exc.description != default:
        return str(exc.description)  # our own aborts give theirs in the request's language
    return str(_FRIENDLY.get(code, exc.name))


def handle_http_error(exc: HTTPException):
    code = exc.code or 500
    message = _message(exc)
    if wants_json():
        extra = {}
        if code == 429:  # as the code API's 429 does; the Retry-After header says the same
            from .limits import retry_after_seconds

            extra["retry_after"] = retry_after_seconds()
        response = error_response(code, message, **extra)
    else:
        response = render_template("errors/error.html", code=code, title=str(_TITLES.get(code, exc.name)),
                                   message=message), code
    if code == 405 and getattr(exc, "valid_methods", None):
        from flask import make_response

        response = make_response(response)
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def handle_unexpected(exc: Exception):
    log.exception("unhandled error on %s %s", request.method, request.path)
    return handle_http_error(InternalServerError())


NOT_SAVED = _l("The database cannot be used right now, so nothing was saved. Please try again in a few minutes; "
             "if it keeps happening, tell whoever runs this service.")


def handle_storage_error(exc: Exception):
    """A database fault (deleted, read-only, full, locked too long, no schema): 503, and nothing was saved.

    Every write runs in one transaction (db.write), so a failure anywhere in it
    leaves the database as it was: the page can say so without hedging.
    """
    log.exception("database fault on %s %s", request.method, request.path)
    # The page's header asks who is signed in, which reads the database again: show it signed out.
    from flask import g
    from flask_login import AnonymousUserMixin

    g._login_user = AnonymousUserMixin()
    if wants_json():
        response = error_response(503, str(NOT_SAVED))
    else:
        from flask import make_response

        response = make_response(render_template("errors/error.html", code=503, title=str(_TITLES[503]),
                                                 message=str(NOT_SAVED)), 503)
    response.headers["Retry-After"] = "60"
    return response


def init_app(app) -> None:
    from .db import ERRORS, StorageError

    app.register_error_handler(HTTPException, handle_http_error)
    for error in ERRORS:  # what either driver raises (wrapped by SQLAlchemy, or sqlite3's own)
        app.register_error_handler(error, handle_storage_error)
    app.register_error_handler(StorageError, handle_storage_error)
    app.register_error_handler(Exception, handle_unexpected)
