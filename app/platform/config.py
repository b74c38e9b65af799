"""Default configuration; every key can be overridden by a FLASK_-prefixed
environment variable (FLASK_DATABASE=/var/lib/pa.sqlite) or by test_config."""

import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    # Development-only value: production (app.wsgi) refuses to start with it.
    "SECRET_KEY": "dev",
    # Path of the SQLite file; None means <instance folder>/policy-assistant.sqlite.
    "DATABASE": None,
    # Seconds a writer waits for another worker's write lock before giving up.
    "DATABASE_TIMEOUT": 5.0,
    # Where the policy and its editor files live.
    "CORPUS_DIR": str(ROOT / "corpus"),
    # The request types the assistant recognises and hands off to the request form.
    "INTENTS_FILE": str(ROOT / "intents.yaml"),
    # Longest question accepted, in characters.
    "MAX_QUESTION_LENGTH": 500,
    # Largest request body accepted, in bytes (413 above it).
    "MAX_CONTENT_LENGTH": 64 * 1024,
    # Session cookie only over HTTPS; None: yes unless in debug mode (see app.auth).
    "SESSION_COOKIE_SECURE": None,
}

# Secret keys that must never be used in production.
DEVELOPMENT_SECRET_KEYS = {"dev", "changeme", "change-me", "secret", ""}


def number_problem(key: str, value, unit: str, zero_allowed: bool, whole: bool) -> str | None:
    """What is wrong with setting `key` (a number of `unit`), naming its FLASK_ variable; None when it can work.

    Not a bool, nor infinite or NaN; whole when `whole`; never negative, and 0 only when `zero_allowed`.
    """
    number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not number or (whole and value != int(value)) or value < 0 or (value == 0 and not zero_allowed):
        least = "0 or more" if zero_allowed else "more than 0"
        kind = "a whole number of" if whole else "a number of"
        return f"FLASK_{key} must be {kind} {unit}, {least} (got {value!r})"
    return None
