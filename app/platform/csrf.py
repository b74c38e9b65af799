"""Cross-site request forgery protection (Flask-WTF) for every form that changes something.

    <form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}"> ...

Every POST carries the session's token, except the JSON API under /api/: it
reads no cookie and no session, so a forged cross-site request gains nothing.
Views of the API are exempted with `csrf.exempt(view)` where they are defined.
"""

from __future__ import annotations

from flask_wtf.csrf import CSRFError, CSRFProtect

csrf = CSRFProtect()

DEFAULTS = {
    # Staff keep a page open for a working day; the session's end refuses older tokens anyway.
    "WTF_CSRF_TIME_LIMIT": 12 * 3600,
}


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    csrf.init_app(app)
    app.register_error_handler(CSRFError, handle_csrf_error)


def handle_csrf_error(exc: CSRFError):
    from .errors import handle_http_error

    # Flask-WTF's own wording ("The CSRF token is missing.") means nothing to a visitor.
    from flask_babel import gettext as _

    exc.description = _("This form has expired or was not sent from our page. Please reload the page and try again.")
    return handle_http_error(exc)
