"""The visitor's language: which catalogues exist, which one a request gets, and the switcher.

    FLASK_LANGUAGES=en,hi          # English (the source language) and every catalogue to offer

A language is a folder `app/translations/<code>/LC_MESSAGES/messages.po`; adding one
needs no code (README "Languages"). The language of a request is, in order: an
explicit `?lang=` (a page opened with it remembers it), the
`lang` cookie the switcher sets, the browser's Accept-Language, English. Staff
pages are English only. The policy's clauses are never translated: they are the
published text.

Catalogues are compiled (`.mo`, not committed) by `make`; a fresh `pip install -e .`
has none, so start-up compiles any missing or stale one into the instance folder
rather than serving outdated or untranslated text.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, current_app, has_request_context, redirect, request, url_for
from flask_babel import Babel, get_locale, gettext

DEFAULTS = {
    # Languages offered to visitors, comma-separated; the first is not special: English is the fallback.
    "LANGUAGES": "en,hi",
}
SOURCE_LANGUAGE = "en"  # the msgids: English needs no catalogue
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"
# Staff pages are written for staff in English; only the visitor's side is translated.
_ENGLISH_ONLY = ("auth", "staff", "editor")

babel = Babel()
bp = Blueprint("language", __name__)


class CatalogueError(RuntimeError):
    """FLASK_LANGUAGES names a language that cannot be served; the message says why."""


def languages() -> list[str]:
    """The configured language codes, English first."""
    return current_app.extensions["languages"]


def parse_languages(value) -> list[str]:
    """FLASK_LANGUAGES ("en,hi" or a list) as codes, English first; CatalogueError for a malformed value."""
    codes = value.split(",") if isinstance(value, str) else list(value or ())
    out = []
    for code in codes:
        code = str(code).strip()
        if not code:
            continue
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            raise CatalogueError(f"FLASK_LANGUAGES: {code!r} is not a language code (e.g. hi, mr)") from None
        if code not in out:
            out.append(code)
    if SOURCE_LANGUAGE in out:
        out.remove(SOURCE_LANGUAGE)
    return [SOURCE_LANGUAGE] + out


def compile_catalogues(codes: list[str], source: Path, target: Path) -> Path:
    """The folder to load catalogues from: `source` when its .mo files are current (`make`), else `target`.

    Missing or stale .mo files are compiled from `source`'s .po files into `target`.
    Raises CatalogueError for a language without a catalogue, or one that cannot be read or written.
    """
    pos = {}
    for code in codes:
        if code == SOURCE_LANGUAGE:
            continue
        po = source / code / "LC_MESSAGES" / "messages.po"
        if not po.is_file():
            raise CatalogueError(
                f"FLASK_LANGUAGES names {code!r}, but there is no catalogue {po}: add one "
                f"(make translations-init LANGUAGE_CODE={code}) or remove {code!r} from FLASK_LANGUAGES.")
        pos[code] = po
    if all(_current(po.with_suffix(".mo"), po) for po in pos.values()):
        return source
    for code, po in pos.items():
        mo = target / code / "LC_MESSAGES" / "messages.mo"
        if _current(mo, po):
            continue
        try:
            with po.open("rb") as f:
                catalogue = read_po(f, locale=code, abort_invalid=True)
        except Exception as exc:  # noqa: BLE001 - Babel raises several kinds for a broken file
            raise CatalogueError(f"{po}: cannot be read: {exc}") from None
        try:
            mo.parent.mkdir(parents=True, exist_ok=True)
            # Written whole, then renamed: a worker starting at the same moment never reads half a file.
            fd, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                write_mo(f, catalogue)
            os.replace(tmp, mo)
        except OSError as exc:
            raise CatalogueError(f"cannot compile {po} into {mo} ({exc.strerror}): run "
                                 "'make translations-compile' where the code is installed") from None
    return target


def _current(mo: Path, po: Path) -> bool:
    return mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime


def _usable(value) -> str | None:
    return value if isinstance(value, str) and value in languages() else None


def _explicit() -> str | None:
    """A language the request names itself: `?lang=hi` (the widget adds it to its API calls)."""
    return _usable(request.args.get("lang"))


def select_locale() -> str:
    """The language of this request (see the module's docstring); anything unknown falls back to English.

    Outside a request (the command line, the mail worker) English, unless a mail forces its own (mail.py).
    """
    if not has_request_context() or request.blueprint in _ENGLISH_ONLY:
        return SOURCE_LANGUAGE
    return _explicit() or _usable(request.cookies.get(COOKIE)) or _from_browser() or SOURCE_LANGUAGE


def _from_browser() -> str | None:
    """The browser's most wanted language that is offered; "hi-IN" is Hindi.

    Not Werkzeug's best_match: it prefers any exact match to a region's language, so "en-IN,hi;q=0.5" got Hindi.
    """
    offered = languages()
    for tag, quality in request.accept_languages:  # best first
        if quality <= 0:
            continue
        tag = tag.lower().replace("_", "-")
        for candidate in (tag, tag.split("-")[0]):
            if candidate in offered:
                return candidate
    return None


def current_language() -> str:
    """The language code of this request ("en", "hi")."""
    return str(get_locale() or SOURCE_LANGUAGE)


def language_name(code: str) -> str:
    """A language in its own words: "English", "हिन्दी", "मराठी"."""
    return Locale.parse(code).get_display_name(code)


def _safe_next(value: str | None) -> str:
    """Where the switcher returns to: a path on this site only (never another host)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return url_for("chat.index")
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return url_for("chat.index")
    return value


@bp.get("/language/<code>")
def switch(code: str):
    """Remember the visitor's language in a cookie (no personal data) and go back to the page they were on."""
    response = redirect(_safe_next(request.args.get("next")), code=303)
    if code in languages():
        _remember(response, code)
    return response


def _switcher_links() -> list[dict]:
    here = request.full_path if request.query_string else request.path
    return [{"code": code, "name": language_name(code), "current": code == current_language(),
             "url": url_for("language.switch", code=code, next=here)} for code in languages()]


def _template_context() -> dict:
    # translate(text): a text from data (intents.yaml, a label) in the page's language, escaped like any value;
    # _("literal") is for the templates' own texts, which may hold markup.
    return {"language": current_language, "language_links": _switcher_links, "translate": gettext,
            "visitor_page": lambda: request.blueprint not in _ENGLISH_ONLY}


def _after(response):
    """Vary on what chose the language; a page opened with ?lang= (a link from the widget) remembers it."""
    if request.blueprint in _ENGLISH_ONLY or request.endpoint in ("static", "widget.script"):
        return response
    # A shared cache must not give one visitor's language to another.
    response.vary.update(("Accept-Language", "Cookie"))
    chosen = _explicit()
    if (chosen and request.method == "GET" and not request.path.startswith("/api/")
            and request.cookies.get(COOKIE) != chosen):
        _remember(response, chosen)
    return response


def _remember(response, code: str) -> None:
    response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))


def init_app(app) -> None:
    """Check FLASK_LANGUAGES against the catalogues, compile what is needed, and attach Flask-Babel."""
    app.config.setdefault("LANGUAGES", DEFAULTS["LANGUAGES"])
    codes = parse_languages(app.config["LANGUAGES"])
    folder = compile_catalogues(codes, TRANSLATIONS, Path(app.instance_path) / "translations")
    app.extensions["languages"] = codes
    app.config["BABEL_DEFAULT_LOCALE"] = SOURCE_LANGUAGE
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(folder)
    babel.init_app(app, locale_selector=select_locale)
    app.context_processor(_template_context)
    app.after_request(_after)
    app.register_blueprint(bp)
