"""Rate limits (Flask-Limiter), shared by every area.

    from .limits import limiter
    @bp.post("/api/ask")
    @limiter.limit(lambda: current_app.config["RATELIMIT_ASK"])
    def api_ask(): ...

Limits are counted per client address. With the default in-memory storage
each gunicorn worker counts on its own, so the effective limit is multiplied
by the number of workers; set FLASK_RATELIMIT_STORAGE_URI (e.g.
redis://localhost:6379) to share counters. FLASK_RATELIMIT_ENABLED=false turns
all limits off (load tests).
"""

from __future__ import annotations

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


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    limiter.init_app(app)
