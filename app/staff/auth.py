"""Signing staff in and out, and the guards that keep staff pages for staff.

    bp.before_request(require_staff)      # every view of a staff blueprint
    bp.before_request(require_editor)     # editors only (agents get 403)

Staff pages are never cached (app/platform/security.py sends `no-store` for their paths).
Flask-Login keeps the signed-in user in Flask's signed session cookie; the
cookie holds only a random session token whose hash is in `staff_sessions`.
Logging out deletes that row, so a copy of the cookie is worthless afterwards.
Failed sign-ins are throttled per client address (RATELIMIT_LOGIN), per address
and username (RATELIMIT_LOGIN_ACCOUNT) and all together (RATELIMIT_LOGIN_ALL);
successful ones are not counted.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, session,
                   url_for)
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from . import accounts
from ..platform.db import get_db
from ..platform.errors import error_response, wants_json
from ..platform.limits import limiter

bp = Blueprint("auth", __name__)
login_manager = LoginManager()

DEFAULTS = {
    # Hours a staff sign-in lasts, whatever the browser does with its cookie.
    "STAFF_SESSION_HOURS": 12,
    # Flask-Login's check of the client's address and browser: "strong" ends the session if they change.
    "SESSION_PROTECTION": "strong",
}
WRONG = "Wrong username or password."
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
THROTTLED = "Too many failed sign-ins. Please wait a few minutes and try again."


class StaffUser(UserMixin):
    """The signed-in staff member as Flask-Login sees it; the id is the session token."""

    def __init__(self, user: accounts.User, token: str):
        self.user = user
        self.token = token
        self.username = user.username
        self.role = user.role
        self.is_editor = user.is_editor

    def get_id(self) -> str:
        return self.token


@login_manager.user_loader
def _load_user(token: str) -> StaffUser | None:
    hours = current_app.config["STAFF_SESSION_HOURS"]
    user = accounts.user_for_session(get_db(), token, timedelta(hours=hours))
    return StaffUser(user, token) if user else None


@login_manager.unauthorized_handler
def _unauthorized():
    if request.path.endswith(".json") or wants_json():
        return error_response(401, "sign in to use this")
    flash("Please sign in to see that page.")
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("auth.login", next=target))


def require_staff():
    """before_request guard: signed-in agents and editors only."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def require_editor():
    """before_request guard: editors only; agents get 403."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_editor:
        abort(403, "This page is for editors.")
    return None


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None (no open redirects, no header injection).

    Control characters are refused before parsing: urlsplit() drops CR, LF and
    tab, so "/staff\r\nX: 1" would pass the check and then fail as a Location header.
    """
    if (not target or not target.startswith("/") or target.startswith("//") or "\\" in target
            or _CONTROL.search(target)):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=accounts.MAX_USERNAME_LENGTH)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=accounts.MAX_PASSWORD_LENGTH)])


def _failed(response) -> bool:
    return response.status_code == 401


def _address_and_username_key() -> str:
    username = request.form.get("username", "").strip().casefold()[:accounts.MAX_USERNAME_LENGTH]
    return f"login:{get_remote_address()}|{username}"


def _everyone_key() -> str:
    return "login:all"


def _config(name: str):
    return lambda: current_app.config[name]


# Failed sign-ins are counted per address, per address and username, and all together. An attacker
# who guesses a staff member's password slows down only themselves: the staff member, signing in from
# another address, is stopped only by the global backstop, which needs many addresses at once.
@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_config("RATELIMIT_LOGIN"), methods=["POST"], deduct_when=_failed, error_message=THROTTLED)
@limiter.limit(_config("RATELIMIT_LOGIN_ACCOUNT"), methods=["POST"], deduct_when=_failed, error_message=THROTTLED,
               key_func=_address_and_username_key)
@limiter.limit(_config("RATELIMIT_LOGIN_ALL"), methods=["POST"], deduct_when=_failed, error_message=THROTTLED,
               key_func=_everyone_key)
def login():
    form = LoginForm()
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(next_url or url_for("staff.search"))
    error = None
    if form.validate_on_submit():
        db = get_db()
        user = accounts.authenticate(db, form.username.data, form.password.data)
        if user is not None:
            old = current_user.get_id() if current_user.is_authenticated else None
            if old:
                accounts.end_session(db, old)
            # A new session: nothing set before sign-in survives it.
            session.clear()
            login_user(StaffUser(user, accounts.start_session(db, user.id)))
            return redirect(next_url or url_for("staff.search"))
        error = WRONG
    elif request.method == "POST":
        error = WRONG
    status = 401 if error else 200
    return render_template("auth/login.html", form=form, error=error, next=next_url), status


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        accounts.end_session(get_db(), current_user.get_id())
    logout_user()
    session.clear()
    flash("You are signed out.")
    return redirect(url_for("auth.login"))


def init_app(app) -> None:
    """Sign-in pages, the session cookie's settings and the `flask users` commands."""
    for key, value in {**DEFAULTS, **accounts.DEFAULTS}.items():
        app.config.setdefault(key, value)
    login_manager.init_app(app)
    # The signed session cookie carries the staff session token: never readable by
    # scripts, not sent on cross-site POSTs, and only over HTTPS unless debugging
    # (None means "decide here"; outside production FLASK_SESSION_COOKIE_SECURE=false overrides it).
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if not app.config.get("SESSION_COOKIE_SAMESITE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    if app.config["PRODUCTION"] or app.config.get("SESSION_COOKIE_SECURE") is None:
        app.config["SESSION_COOKIE_SECURE"] = app.config["PRODUCTION"] or not app.debug
    with app.app_context():
        try:
            accounts.prepare_hasher()
        except accounts.AccountError as exc:
            from .. import ConfigurationError

            raise ConfigurationError(str(exc)) from None
    app.register_blueprint(bp)
    app.cli.add_command(accounts.users_cli)
