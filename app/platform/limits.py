"""Limits on what a client may send: request bodies, and rates (Flask-Limiter), shared by every area.

    from .limits import limit, limiter
    @bp.post("/api/ask")
    @limit(lambda: current_app.config["RATELIMIT_ASK"])   # one limit; stacked ones: @limiter.limit
    def api_ask(): ...

    @requests_limit                                      # one budget for /request and /api/requests
    def submit(): ...

Limits are counted per client address (`request.remote_addr`, which
app/platform/forwarded.py sets from X-Forwarded-For only for a trusted proxy). With the
default in-memory storage each gunicorn worker counts on its own, so the
effective limit is multiplied by the number of workers; set
FLASK_RATELIMIT_STORAGE_URI (e.g. redis://localhost:6379) to share counters.
FLASK_RATELIMIT_ENABLED=false turns all limits off (load tests).

A request body is read whole at the door (`read_body`, at most
MAX_CONTENT_LENGTH bytes), so every view sees the same 413 for a body that is
too large, chunked or not, and a body that cannot be read (a malformed chunk,
a client that stops sending) is a 400 or 408 before any view runs.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import time

from flask import abort, current_app, g, request
from flask_babel import gettext as _, ngettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    # With a shared store (Redis): when it cannot be reached, count in this worker's memory until it is back
    # (checked by Flask-Limiter every few seconds) instead of failing the request.
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
    "RATELIMIT_SWALLOW_ERRORS": True,
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_ASK": "60/minute;1000/hour",
    "RATELIMIT_REQUESTS": "5/minute;30/hour",
    # Failed sign-ins: per client address, per address and username, and all together (a backstop
    # against many addresses at once). Never per username alone: anyone could lock a staff member out.
    "RATELIMIT_LOGIN": "10/minute;50/hour",
    "RATELIMIT_LOGIN_ACCOUNT": "5/minute;20/hour",
    "RATELIMIT_LOGIN_ALL": "100/minute;1000/hour",
}
REQUESTS_SCOPE = "rights-requests"
log = logging.getLogger(__name__)

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


# One budget per client for every way of submitting a rights request (the form and the API). Only
# submissions count (showing the form does not), and a refused one (400: a field to correct) costs nothing,
# so a visitor who mistypes the form a few times is not locked out.
requests_limit = limiter.shared_limit(lambda: current_app.config["RATELIMIT_REQUESTS"], scope=REQUESTS_SCOPE,
                                      methods=["POST"], deduct_when=lambda response: response.status_code != 400)


def retry_after_seconds() -> int:
    """Seconds until the limit that refused this request lets another through (at least 1; 60 if unknown).

    Counted once per response and kept: the page's or the JSON's wait and the Retry-After header
    (`_same_retry_after`) are one figure, rounded up, so a client never retries before the limit lets it.
    """
    seconds = g.get("_retry_after")
    if seconds is None:
        current = limiter.current_limit
        seconds = 60 if current is None else max(1, math.ceil(current.reset_at - time.time()))
        g._retry_after = seconds
    return seconds


def _same_retry_after(response):
    """after_request, run after Flask-Limiter's: its Retry-After is counted later and rounded down (it could
    say 59 where the page said 61); a refusal that told its wait sends that wait."""
    seconds = g.get("_retry_after")
    if seconds is not None and response.status_code == 429:
        response.headers["Retry-After"] = str(seconds)
    return response


def wait_text(seconds: int) -> str:
    """A wait in the request's language: "45 seconds", "1 second", past 90 seconds "2 minutes" (rounded up)."""
    if seconds < 90:
        return ngettext("%(num)s second", "%(num)s seconds", seconds)
    return ngettext("%(num)s minute", "%(num)s minutes", (seconds + 59) // 60)


def _has_body() -> bool:
    if request.content_length is not None:
        return request.content_length > 0
    return "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def read_body() -> None:
    """before_request: read the body into the request (at most MAX_CONTENT_LENGTH bytes), or refuse it.

    Views and form parsing then use the cached bytes (`request.get_data()`,
    `request.form`). Werkzeug cuts a chunked body (no Content-Length) at the
    limit without an error: it is too large, not malformed.
    """
    if not _has_body():
        return
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    try:
        data = request.get_data(cache=True)
    except HTTPException as exc:
        # Werkzeug turns a failed read into ClientDisconnected (400), the server's error as its context.
        if isinstance(exc.__context__, TimeoutError):
            # The server's read deadline (app/platform/serving.py): a client that stopped sending its body.
            abort(408, _("The request body did not arrive in time."))
        raise  # 413 for a Content-Length over the limit, 400 for a client that went away or a malformed chunk
    except TimeoutError:
        abort(408, _("The request body did not arrive in time."))
    except Exception as exc:  # noqa: BLE001 - whatever the server's reader raises (gunicorn's InvalidChunkSize ...)
        if not isinstance(exc, OSError) and type(exc).__module__.split(".")[0] != "gunicorn":
            raise
        abort(400, _("The request body could not be read."))
    if request.content_length is None and limit is not None and len(data) >= limit:
        raise RequestEntityTooLarge()


# Counter stores this app supports: one worker's memory, or Redis shared by every worker and host.
STORAGE_SCHEMES = ("memory", "redis", "rediss", "redis+unix")


class StorageURIError(ValueError):
    """FLASK_RATELIMIT_STORAGE_URI names a store this app does not support or cannot parse."""


def check_storage_uri(uri) -> str:
    """Return the counter store's kind ("memory", "redis", ...), or raise StorageURIError saying what is wrong."""
    if not isinstance(uri, str) or "://" not in uri:
        raise StorageURIError(f"FLASK_RATELIMIT_STORAGE_URI={_masked(uri)} is not a URL: use memory:// (each worker "
                              "counts alone) or redis://HOST:6379/0 (shared by every worker and host)")
    scheme = uri.split("://", 1)[0].lower()
    if scheme not in STORAGE_SCHEMES:
        raise StorageURIError(f"FLASK_RATELIMIT_STORAGE_URI={_masked(uri)}: unknown kind of store '{scheme}'; "
                              f"supported: {', '.join(s + '://' for s in STORAGE_SCHEMES)}")
    if scheme.startswith("redis"):
        from urllib.parse import urlsplit
        try:
            parts = urlsplit(uri)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError as exc:
            raise StorageURIError(f"FLASK_RATELIMIT_STORAGE_URI={_masked(uri)}: {exc}") from None
        if scheme != "redis+unix" and not parts.hostname:
            raise StorageURIError(f"FLASK_RATELIMIT_STORAGE_URI={_masked(uri)}: no host, e.g. redis://127.0.0.1:6379/0")
        if parts.path.strip("/") and not parts.path.strip("/").isdigit() and scheme != "redis+unix":
            raise StorageURIError(f"FLASK_RATELIMIT_STORAGE_URI={_masked(uri)}: the path must be a database "
                                  "number, e.g. redis://127.0.0.1:6379/0")
    return scheme


def _masked(uri) -> str:
    """The URI without its password, for messages."""
    text = str(uri)
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    kind = check_storage_uri(app.config["RATELIMIT_STORAGE_URI"])
    app.after_request(_same_retry_after)  # registered first, so Flask runs it after the limiter's headers
    limiter.init_app(app)
    if kind != "memory" and app.config["RATELIMIT_ENABLED"]:
        _report_storage(app)
    app.before_request(read_body)


def _report_storage(app) -> None:
    """Say at start-up whether the shared counter store answers (the app starts either way and falls back)."""
    try:
        reachable = limiter.storage.check()
    except Exception:  # noqa: BLE001 - whatever the client library raises for a store that is down
        reachable = False
    if reachable:
        log.info("rate limits and the login throttle count in %s", _masked(app.config["RATELIMIT_STORAGE_URI"]))
    else:
        log.warning("the rate-limit store %s does not answer: each worker counts alone until it does",
                    _masked(app.config["RATELIMIT_STORAGE_URI"]))
