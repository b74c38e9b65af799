"""Response headers that keep pages from being framed, sniffed or injected into."""

from __future__ import annotations

from flask import current_app, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


HSTS = "max-age=31536000; includeSubDomains"
# Pages that show what a visitor typed or staff data, and the API, are never stored by browsers or proxies.
NO_STORE_PREFIXES = ("/api/", "/request", "/staff", "/editor", "/login", "/logout")


def _set_headers(response):
    headers = response.headers
    if not current_app.debug:
        # Browsers only honour it over HTTPS; behind the TLS proxy that is every visit.
        headers.setdefault("Strict-Transport-Security", HSTS)
    if request.path.startswith(NO_STORE_PREFIXES):
        headers["Cache-Control"] = "no-store"
        headers["Pragma"] = "no-cache"  # for HTTP/1.0 caches
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_app(app) -> None:
    app.after_request(_set_headers)
