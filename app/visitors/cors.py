"""Cross-origin access to the visitor API for the embeddable widget, and for nobody else.

    FLASK_WIDGET_ORIGINS="https://www.bluemessaggio.example,https://help.bluemessaggio.example"

Only the API the widget calls (CORS_PATHS) is shared. A listed origin gets
`Access-Control-Allow-Origin: <that origin>` on every response there, errors
included, so the widget can show the server's message. Any other origin gets no
such header (the browser then hides the response from the page) and its preflight
is refused with 403, so a JSON POST from it never reaches the view. The default,
an empty list, keeps the API same-origin only. Visitors need no cookies, so
credentials are never allowed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request

from ..platform.errors import error_response

# The endpoints the widget calls; everything else stays same-origin only.
CORS_PATHS = frozenset({"/api/ask", "/api/feedback", "/api/requests", "/api/requests/verify",
                        "/api/requests/resend", "/api/suggestions"})
ALLOWED_METHODS = "POST"
ALLOWED_HEADERS = frozenset({"content-type", "accept"})
# Lets the widget read how long to wait after a 429.
EXPOSED_HEADERS = "Retry-After"
PREFLIGHT_MAX_AGE = 600

DEFAULTS = {
    # Origins (scheme://host[:port]) of the websites allowed to embed the widget.
    "WIDGET_ORIGINS": [],
}

_DEFAULT_PORTS = {"http": 80, "https": 443}


class OriginError(ValueError):
    """A value in WIDGET_ORIGINS is not an origin."""


def normalise_origin(value: str) -> str:
    """The canonical form of an origin, as a browser sends it: "HTTPS://Example.com:443/" -> "https://example.com"."""
    text = value.strip().rstrip("/")
    if text == "*":
        raise OriginError("'*' is not allowed: list each website's origin")
    parts = urlsplit(text)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise OriginError(f"{value!r} is not an origin like https://www.example.com")
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        raise OriginError(f"{value!r} is not an origin: no path, query or user part (https://www.example.com)")
    try:
        port = parts.port
    except ValueError:
        raise OriginError(f"{value!r} has an invalid port") from None
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port and port != _DEFAULT_PORTS[parts.scheme]:
        return f"{parts.scheme}://{host}:{port}"
    return f"{parts.scheme}://{host}"


def parse_origins(value) -> frozenset[str]:
    """WIDGET_ORIGINS as a set: a list, or one comma-separated string (what an environment variable gives)."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise OriginError(f"must be a list or a comma-separated string, not {type(value).__name__}")
    return frozenset(normalise_origin(item) for item in value if str(item).strip())


def allowed_origin() -> str | None:
    """The request's Origin if it may read the response, else None."""
    origin = request.headers.get("Origin")
    if not origin:
        return None
    try:
        origin = normalise_origin(origin)
    except OriginError:
        return None
    return origin if origin in current_app.extensions["widget_origins"] else None


def _refuse_other_websites():
    """A POST that a browser sent from a website not on the list never reaches the view.

    A JSON POST from such a site is stopped by its refused preflight already, but a
    "simple" cross-site POST (text/plain, no preflight) would otherwise be read, as
    the API accepts a JSON body whatever its Content-Type. Requests without an
    Origin header (curl, servers) and the assistant's own pages are not affected.
    """
    if request.method != "POST" or request.path not in CORS_PATHS:
        return None
    origin = request.headers.get("Origin")
    if not origin or allowed_origin() is not None or _same_site(origin):
        return None
    return error_response(403, "this website is not allowed to use the assistant")


def _same_site(origin: str) -> bool:
    try:
        netloc = urlsplit(normalise_origin(origin)).netloc
    except OriginError:
        return False
    return netloc == request.host


def _answer_preflight():
    refused = _refuse_other_websites()
    if refused is not None:
        return refused
    if request.method != "OPTIONS" or request.path not in CORS_PATHS:
        return None
    if "Origin" not in request.headers or "Access-Control-Request-Method" not in request.headers:
        return None  # a plain OPTIONS: Flask answers it with Allow
    origin = allowed_origin()
    if origin is None:
        return error_response(403, "this website is not allowed to use the assistant")
    method = request.headers["Access-Control-Request-Method"]
    asked = {h.strip().lower() for h in request.headers.get("Access-Control-Request-Headers", "").split(",")}
    asked.discard("")
    if method != ALLOWED_METHODS or not asked <= ALLOWED_HEADERS:
        return error_response(403, "only JSON POST requests are allowed from other websites")
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def _add_headers(response):
    if request.path not in CORS_PATHS:
        return response
    # Caches must not hand one origin's answer (with its ACAO) to another.
    if "Vary" in response.headers:
        response.vary.add("Origin")
    else:
        response.headers["Vary"] = "Origin"  # what vary.add() gives, without parsing a header set
    origin = allowed_origin()
    refused_preflight = request.method == "OPTIONS" and response.status_code >= 400
    if origin is not None and not refused_preflight:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def init_app(app) -> None:
    """Read WIDGET_ORIGINS (refusing to start on a malformed one) and install the hooks.

    Call before the rate limiter and CSRF protection are set up, so that a
    preflight is answered before either counts or checks it.
    """
    from .. import ConfigurationError

    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    try:
        app.extensions["widget_origins"] = parse_origins(app.config["WIDGET_ORIGINS"])
    except OriginError as exc:
        raise ConfigurationError(f"FLASK_WIDGET_ORIGINS: {exc}") from None
    app.before_request(_answer_preflight)
    app.after_request(_add_headers)
