"""Staff accounts: users, roles, password hashes and server-side sessions.

    >>> create_user(db, "asha", "agent", "correct horse battery")
    >>> user = authenticate(db, "Asha", "correct horse battery")
    >>> token = start_session(db, user.id)      # the cookie carries the token
    >>> user_for_session(db, token).username
    'asha'

Passwords are hashed with argon2id (argon2-cffi's RFC 9106 low-memory profile:
64 MiB, 3 passes, 4 lanes, set by ARGON2_PARAMETERS); hashes made with other
settings are upgraded at the next sign-in. The CLI group `flask users` manages
accounts.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import click
from argon2 import PasswordHasher
from argon2.exceptions import HashingError, InvalidHashError, VerificationError
from flask import current_app
from flask.cli import AppGroup
from ..platform.db import Database

from ..platform import db as storage

ROLES = ("agent", "editor")
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 64

DEFAULTS = {
    # argon2id cost: RFC 9106's low-memory profile (64 MiB, 3 passes, 4 lanes). Tests lower it.
    "ARGON2_PARAMETERS": {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4},
}


class AccountError(ValueError):
    """An account could not be created or changed; the message says why."""


@dataclass(frozen=True)
class User:
    """A staff member as stored (without the password hash)."""

    id: int
    username: str
    role: str
    created_at: str

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def clean_username(username: str) -> str:
    """The stored form of a username (case-folded, trimmed), or raise AccountError."""
    name = (username or "").strip().casefold()
    if not name or len(name) > MAX_USERNAME_LENGTH or not all(c.isalnum() or c in "._-" for c in name):
        raise AccountError(f"a username is 1 to {MAX_USERNAME_LENGTH} letters, digits, '.', '_' or '-'")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at most {MAX_PASSWORD_LENGTH} characters")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"the role must be one of: {', '.join(ROLES)}")
    return role


def _hasher() -> tuple[PasswordHasher, str]:
    """The app's hasher, and a hash verified when a username is unknown so both failures cost the same."""
    params = current_app.config.get("ARGON2_PARAMETERS") or DEFAULTS["ARGON2_PARAMETERS"]
    key = tuple(sorted(params.items()))
    cached = current_app.extensions.get("argon2")
    if cached is None or cached[0] != key:
        hasher = PasswordHasher(**params)
        cached = current_app.extensions["argon2"] = (key, hasher, hasher.hash(secrets.token_hex(16)))
    return cached[1], cached[2]


def prepare_hasher() -> None:
    """Check ARGON2_PARAMETERS at start-up (by hashing once), or raise AccountError saying what is wrong."""
    try:
        _hasher()
    except (AttributeError, TypeError, ValueError, HashingError) as exc:
        raise AccountError(f"ARGON2_PARAMETERS is not usable: {exc} (expected e.g. "
                           f"{json.dumps(DEFAULTS['ARGON2_PARAMETERS'])})") from None


def hash_password(password: str) -> str:
    """An argon2id hash of `password` with the configured cost."""
    return _hasher()[0].hash(password)


def _user(row: dict) -> User:
    return User(row["id"], row["username"], row["role"], row["created_at"])


def get_user(db: Database, username: str) -> User | None:
    try:
        name = clean_username(username)
    except AccountError:
        return None
    row = db.one("select * from users where username = :name", {"name": name})
    return _user(row) if row else None


def list_users(db: Database) -> list[User]:
    return [_user(row) for row in db.query("select * from users order by username")]


def create_user(db: Database, username: str, role: str, password: str) -> User:
    """Create an account, or raise AccountError (bad name, role or password, or name taken)."""
    name = clean_username(username)
    check_role(role)
    check_password(password)
    password_hash = hash_password(password)
    try:
        with storage.write(db):
            if db.scalar("select count(*) from users where username = :name", {"name": name}):
                raise AccountError(f"a user named {name!r} already exists")
            now = _iso(_now())
            db.insert("users", {"username": name, "role": role, "password_hash": password_hash,
                                "created_at": now, "password_changed_at": now})
    except storage.IntegrityError:  # PostgreSQL: created by someone else since the check
        raise AccountError(f"a user named {name!r} already exists") from None
    return get_user(db, name)


def set_password(db: Database, username: str, password: str) -> None:
    """Change a password and sign the user out everywhere."""
    check_password(password)
    user = _require(db, username)
    password_hash = hash_password(password)
    with storage.write(db):
        db.update("users", user.id, {"password_hash": password_hash, "password_changed_at": _iso(_now())})
        db.execute("delete from staff_sessions where user_id = :user_id", {"user_id": user.id})


def set_role(db: Database, username: str, role: str) -> None:
    check_role(role)
    user = _require(db, username)
    with storage.write(db):
        db.update("users", user.id, {"role": role})


def delete_user(db: Database, username: str) -> None:
    """Delete an account and its sessions; what the user did stays recorded under their name."""
    user = _require(db, username)
    with storage.write(db):
        db.execute("delete from staff_sessions where user_id = :user_id", {"user_id": user.id})
        db.delete("users", user.id)


def _require(db: Database, username: str) -> User:
    user = get_user(db, username)
    if user is None:
        raise AccountError(f"no user named {username!r}")
    return user


def authenticate(db: Database, username: str, password: str) -> User | None:
    """The user if the password is right, else None (same work either way)."""
    try:
        name = clean_username(username)
    except AccountError:
        name = None
    row = (db.execute("select id, password_hash from users where username = :name", {"name": name}).fetchone()
           if name else None)
    hasher, dummy = _hasher()
    stored = row[1] if row else dummy
    try:
        hasher.verify(stored, password[:MAX_PASSWORD_LENGTH])
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if hasher.check_needs_rehash(stored):
        with storage.write(db):
            db.update("users", row[0], {"password_hash": hash_password(password)})
    return get_user(db, name)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Database, user_id: int) -> str:
    """Open a server-side session for a signed-in user and return its token (for the cookie)."""
    token = secrets.token_urlsafe(32)
    now = _iso(_now())
    with storage.write(db):
        db.insert("staff_sessions", {"token_hash": _token_hash(token), "user_id": user_id, "created_at": now})
    return token


def end_session(db: Database, token: str) -> None:
    with storage.write(db):
        db.execute("delete from staff_sessions where token_hash = :token_hash", {"token_hash": _token_hash(token)})


def user_for_session(db: Database, token: str, max_age: timedelta | None = None) -> User | None:
    """The user a session token belongs to, or None if it was ended, expired or never existed."""
    if not token or len(token) > 128:
        return None
    row = db.execute(
        "select u.id, u.username, u.role, u.created_at, s.created_at from staff_sessions s "
        "join users u on u.id = s.user_id where s.token_hash = :token_hash", {"token_hash": _token_hash(token)}).fetchone()
    if row is None:
        return None
    if max_age is not None and datetime.fromisoformat(row[4]) + max_age < _now():
        end_session(db, token)
        return None
    return User(row[0], row[1], row[2], row[3])


# --- flask users ... -------------------------------------------------------------------------------------------


# An AppGroup runs every command inside the app's context (configuration, database path).
users_cli = AppGroup("users", help="Manage staff accounts (agents and editors).")


def _db() -> Database:
    return storage.connect_app(current_app)


def _run(action, *args) -> None:
    db = _db()
    try:
        action(db, *args)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        db.close()


_password_option = click.option(
    "--password", prompt=True, hide_input=True, confirmation_prompt=True,
    help="Prompted for (twice) when not given; avoid passing it on the command line.")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="agent: search and request queue; "
              "editor: also the review of unanswered questions.")
@_password_option
def create_command(username: str, role: str, password: str):
    """Create the account USERNAME."""
    _run(create_user, username, role, password)
    click.echo(f"Created {role} {clean_username(username)!r}.")


@users_cli.command("list")
def list_command():
    """List accounts: username, role, created."""
    db = _db()
    try:
        users = list_users(db)
    finally:
        db.close()
    if not users:
        click.echo("No staff accounts yet. Create one with: flask --app app users create NAME --role editor")
    for user in users:
        click.echo(f"{user.username}\t{user.role}\t{user.created_at}")


@users_cli.command("delete")
@click.argument("username")
@click.confirmation_option(prompt="Delete this account?")
def delete_command(username: str):
    """Delete the account USERNAME (signs it out everywhere)."""
    _run(delete_user, username)
    click.echo(f"Deleted {username!r}.")


@users_cli.command("set-password")
@click.argument("username")
@_password_option
def set_password_command(username: str, password: str):
    """Set a new password for USERNAME (signs it out everywhere)."""
    _run(set_password, username, password)
    click.echo(f"Password changed for {username!r}; their sessions were ended.")


@users_cli.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(username: str, role: str):
    """Change the role of USERNAME."""
    _run(set_role, username, role)
    click.echo(f"{username!r} is now an {role}.")
