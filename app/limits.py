"""Rate limits (Flask-Limiter), shared by every area.

    from .limits import limit, limiter
    @bp.post("/api/ask")
    @limit(lambda: current_app.config["RATELIMIT_ASK"])   # one limit; stacked ones: @limiter.limit
    def api_ask(): ...

Limits are counted per client address. With the default in-memory storage
each gunicorn worker counts on its own, so the effective limit is multiplied
by the number of workers; set FLASK_RATELIMIT_STORAGE_URI (e.g.
redis://localhost:6379) to share counters. FLASK_RATELIMIT_ENABLED=false turns
all limits off (load tests).
"""

from __future__ import annotations

import functools

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_ASK": "60/minute;1000/hour",
    "RATELIMIT_REQUESTS": "5/minute;30/hour",
    "RATELIMIT_LOGIN": "5/minute;30/hour",
}

limiter = Limiter(key_func=get_remote_address)


def limit(value, **options):
    """`limiter.limit(value, **options)` for a view with one limit, skipped while RATELIMIT_ENABLED is false.

    Flask-Limiter's decorator evaluates its rules on every call even when the
    extension is off (35 us an ask, a tenth of a health check's whole cost), so
    a load test without limits measured work done for nothing. With limits on,
    the call goes through Flask-Limiter unchanged. Not for stacked limits (login):
    Flask-Limiter evaluates those together in the innermost decorator.
    """
    def decorate(view):
        limited = limiter.limit(value, **options)(view)

        @functools.wraps(view)
        def checked(*args, **kwargs):
            if current_app.config["RATELIMIT_ENABLED"]:
                return limited(*args, **kwargs)
            return current_app.ensure_sync(view)(*args, **kwargs)

        return checked

    return decorate


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    limiter.init_app(app)
