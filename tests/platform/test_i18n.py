"""The visitor's language (app/platform/i18n.py): the catalogues, start-up, and how a language is chosen."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from app import ConfigurationError, create_app
from app.engine import answering
from app.platform import i18n
from app.visitors import wording

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(i18n.TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
# The keywords `make translations-extract` passes (-k _l -k N_) besides Babel's defaults (_, gettext, ...).
KEYWORDS = {"_l": None, "N_": None}
PLACEHOLDER = re.compile(r"%\(\w+\)s")
TAG = re.compile(r"</?([a-z]+)")
HI = {"Accept-Language": "hi-IN,hi;q=0.9,en;q=0.8"}

def _catalogue(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def _messages(path: Path):
    return [m for m in _catalogue(path) if m.id]


def _forms(message) -> list[tuple[str, str]]:
    """(English, translation) for each form: one, or each plural form against the English it stands for."""
    if isinstance(message.id, str):
        return [(message.id, message.string)]
    singular, plural = message.id[:2]
    return [(singular if i == 0 else plural, text) for i, text in enumerate(message.string)]


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.get_data(as_text=True)).group(1)

# ---- the catalogues ----------------------------------------------------------------------------------------

def test_hindi_is_among_the_catalogues():
    assert "hi" in {p.parts[-3] for p in CATALOGUES}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_is_translated_and_none_is_fuzzy(path):
    catalogue = _catalogue(path)
    assert not catalogue.fuzzy, f"{path}: the header is marked fuzzy"
    untranslated = [m.id for m in _messages(path) if not all(text for _, text in _forms(m))]
    fuzzy = [m.id for m in _messages(path) if m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_the_placeholders_and_markup_of_the_english(path):
    wrong = [m.id for m in _messages(path) for english, text in _forms(m)
             if Counter(PLACEHOLDER.findall(english)) != Counter(PLACEHOLDER.findall(text))
             or Counter(TAG.findall(english)) != Counter(TAG.findall(text))]
    assert wrong == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_names_and_addresses(path):
    """"Blue Messaggio", e-mail addresses and example questions the assistant reads stay as written."""
    kept = re.compile(r"Blue Messaggio|[\w.+-]+@\w+(?:\.\w+)+|/api/\w+")
    wrong = [m.id for m in _messages(path) for english, text in _forms(m)
             if Counter(kept.findall(english)) != Counter(kept.findall(text))]
    assert wrong == []


def _extracted() -> set[str]:
    with (ROOT / "app" / "translations" / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f, str(ROOT / "app" / "translations" / "babel.cfg"))
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), **KEYWORDS}
    return {message for _, _, message, *_ in extract_from_dir(str(ROOT), method_map, options_map,
                                                              keywords=keywords) if message}


@pytest.fixture(scope="module")
def extracted():
    return _extracted()


def test_extraction_finds_the_texts_of_every_kind_of_source(extracted):
    assert {"Ask about our privacy policy",          # a template
            "Please correct the fields listed.",     # Python
            "Looking in the policy\u2026",           # the scripts' list
            "Delete my data", "Legal guardian",      # intents.yaml
            "We reply to this address and may ask you to confirm it is yours."} <= extracted


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_has_every_text_of_the_code_and_no_stale_one(path, extracted):
    """Fails when a developer adds a text without `make translations-update` and its translation."""
    known = {m.id for m in _messages(path)}
    assert sorted(extracted - known) == [], "new texts: run `make translations-update` and translate them"
    assert sorted(known - extracted) == [], "texts no longer used: run `make translations-update`"


def test_the_engine_fixed_replies_are_the_catalogue_texts():
    """wording.FIXED translates the engine's English constants: a changed constant would go untranslated."""
    for english, lazy in wording.FIXED.items():
        assert lazy._args[0] == english
    assert set(wording.FIXED) >= {answering.CLARIFY_MESSAGE, answering.OFF_TOPIC_REPLY, answering.DEVANAGARI_REPLY,
                                  answering.NOT_COVERED_REPLY, answering.HUMAN_REPLY, *answering.SMALLTALK_REPLIES.values()}


def _script_texts(source: str) -> set[str]:
    texts = set()
    string = r'"(?:[^"\\]|\\.)*"'
    # t("text" [+ "more text" ...], values)
    for match in re.finditer(rf'\bt\(\s*({string}(?:\s*\+\s*{string})*)', source):
        texts.add("".join(json.loads(part) for part in re.findall(string, match.group(1))))
    # say(node, "text" [+ "more text" ...], ...): the first argument may itself hold calls with commas.
    for match in re.finditer(rf'\bsay\((?:[^(),]|\([^()]*\))*,\s*({string}(?:\s*\+\s*{string})*)', source):
        texts.add("".join(json.loads(part) for part in re.findall(string, match.group(1))))
    return texts


@pytest.mark.parametrize("script", ["chat.js", "widget.js"])
def test_every_text_the_scripts_translate_is_served_to_them(script):
    source = (ROOT / "app" / "static" / script).read_text(encoding="utf-8")
    used = _script_texts(source)
    assert used, "the scan found nothing: it is broken"
    assert sorted(used - set(wording.SCRIPT_TEXTS)) == []


def test_every_listed_script_text_is_used_by_a_script():
    used = set()
    for script in ("chat.js", "widget.js"):
        used |= _script_texts((ROOT / "app" / "static" / script).read_text(encoding="utf-8"))
    assert sorted(set(wording.SCRIPT_TEXTS) - used) == []


# ---- start-up: FLASK_LANGUAGES and compiling ---------------------------------------------------------------

def test_a_language_without_a_catalogue_stops_start_up(tmp_path):
    with pytest.raises(ConfigurationError, match=r"FLASK_LANGUAGES names 'ta', but there is no catalogue .*ta"):
        create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "LANGUAGES": "en,hi,ta"})


@pytest.mark.parametrize("value", ["en,hi!", "en,<script>", "en,xx-yy-zz-123456789"])
def test_a_malformed_language_code_stops_start_up(tmp_path, value):
    with pytest.raises(ConfigurationError, match="FLASK_LANGUAGES: .* is not a language code"):
        create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "LANGUAGES": value})


@pytest.mark.parametrize("value, codes", [
    ("en,hi", ["en", "hi"]), ("hi", ["en", "hi"]), (" hi , en ", ["en", "hi"]), (["hi", "en"], ["en", "hi"]),
    ("", ["en"]), ("en", ["en"]),
])
def test_languages_setting_is_read_with_english_first(value, codes):
    assert i18n.parse_languages(value) == codes


def test_marathi_is_offered_when_configured(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "LANGUAGES": "en,hi,mr"})
    client = app.test_client()
    page = client.get("/", headers={"Accept-Language": "mr-IN,hi;q=0.8"})
    assert _html_lang(page) == "mr" and "आमच्या गोपनीयता धोरणाबद्दल विचारा" in page.get_data(as_text=True)
    assert 'lang="mr" hreflang="mr" aria-current="true">मराठी</a>' in page.get_data(as_text=True)
    strings = client.get("/api/strings?lang=mr").json
    assert strings["strings"]["Ask"] == "विचारा" and [x["code"] for x in strings["languages"]] == ["en", "hi", "mr"]
    reply = client.post("/api/ask", json={"question": "hello"}, headers={"Accept-Language": "mr"}).json
    assert reply["message"].startswith("नमस्कार!")


def test_english_alone_offers_no_switcher(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.sqlite"), "LANGUAGES": "en"})
    response = app.test_client().get("/", headers=HI)
    assert _html_lang(response) == "en" and 'class="languages"' not in response.get_data(as_text=True)


def _copy_catalogue(tmp_path) -> Path:
    source = tmp_path / "translations"
    po = source / "hi" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((i18n.TRANSLATIONS / "hi" / "LC_MESSAGES" / "messages.po").read_bytes())
    return source


def test_a_missing_compiled_catalogue_is_compiled_at_start_up(tmp_path):
    """A fresh `pip install -e .` has no .mo: start-up compiles one into the instance folder."""
    source = _copy_catalogue(tmp_path)
    target = tmp_path / "instance" / "translations"
    assert i18n.compile_catalogues(["en", "hi"], source, target) == target
    mo = target / "hi" / "LC_MESSAGES" / "messages.mo"
    from babel.support import Translations

    assert Translations.load(str(target), ["hi"]).gettext("Ask") == "पूछें"
    assert mo.is_file()


def test_a_stale_compiled_catalogue_is_compiled_again(tmp_path):
    import os

    source = _copy_catalogue(tmp_path)
    po = source / "hi" / "LC_MESSAGES" / "messages.po"
    (po.with_suffix(".mo")).write_bytes(b"stale")
    os.utime(po.with_suffix(".mo"), (1, 1))  # older than the .po: a `git pull` changed the texts
    target = tmp_path / "instance"
    assert i18n.compile_catalogues(["en", "hi"], source, target) == target
    # A current .mo next to the .po (as `make` leaves it) is used where it is.
    os.utime(po.with_suffix(".mo"), None)
    assert i18n.compile_catalogues(["en", "hi"], source, tmp_path / "unused") == source


def test_a_broken_catalogue_stops_start_up_naming_the_file(tmp_path):
    source = _copy_catalogue(tmp_path)
    po = source / "hi" / "LC_MESSAGES" / "messages.po"
    po.write_text('msgid "Ask"\nmsgstr "पूछें"\nthis line is not gettext\n', encoding="utf-8")
    with pytest.raises(i18n.CatalogueError, match=r"messages\.po"):
        i18n.compile_catalogues(["en", "hi"], source, tmp_path / "instance")


# ---- choosing the language ---------------------------------------------------------------------------------

@pytest.mark.parametrize("accept, expected", [
    ("hi-IN,hi;q=0.9,en;q=0.8", "hi"),
    ("hi", "hi"),
    ("hi-IN", "hi"),
    ("en-IN,hi;q=0.5", "en"),
    ("mr-IN,hi;q=0.7,en;q=0.3", "hi"),  # Marathi first, but not offered: the next language the browser takes
    ("fr-FR,de;q=0.8", "en"),           # nothing offered: English
    ("", "en"),
    ("*", "en"),
    ("hi;q=0", "en"),
    ("💥;q=abc,,,;;", "en"),
])
def test_language_comes_from_the_browser(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 200
    assert _html_lang(response) == expected


def test_the_switcher_remembers_the_choice_in_a_cookie(client):
    response = client.get("/language/hi?next=/policy")
    assert response.status_code == 303 and response.headers["Location"] == "/policy"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=hi;") and "SameSite=Lax" in cookie and "HttpOnly" in cookie
    # The cookie wins over the browser's languages, on every visitor page.
    for path in ("/", "/policy", "/request", "/request?type=deletion"):
        assert _html_lang(client.get(path, headers={"Accept-Language": "en"})) == "hi"
    client.get("/language/en?next=/")
    assert _html_lang(client.get("/", headers=HI)) == "en"


def test_every_visitor_page_has_the_switcher_back_to_the_same_page(client):
    for path in ("/", "/policy", "/request?type=deletion", "/no-such-page"):
        page = client.get(path, headers=HI).get_data(as_text=True)
        nav = re.search(r'<nav class="languages" aria-label="भाषा">(.*?)</nav>', page, re.S).group(1)
        assert 'lang="en" hreflang="en">English</a>' in nav
        assert 'lang="hi" hreflang="hi" aria-current="true">हिन्दी</a>' in nav
        back = re.search(r'href="/language/en\?next=([^"]+)"', nav).group(1)
        assert unquote(html.unescape(back)) == path


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
                                    "", "evil.example"])
def test_the_switcher_never_sends_the_visitor_to_another_site(client, target):
    response = client.get("/language/hi", query_string={"next": target})
    assert response.status_code == 303 and response.headers["Location"] == "/"


@pytest.mark.parametrize("value", [
    "xx", "../../etc/passwd", "<script>alert(1)</script>", "hi\x00", "hi\r\nSet-Cookie: a=b", "h" * 5000, "HI",
    "hi-IN", "en;q=1", "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
])
def test_hostile_lang_values_are_ignored(client, value):
    page = client.get("/", query_string={"lang": value})
    assert page.status_code == 200 and _html_lang(page) == "en"
    assert "<script>alert" not in page.get_data(as_text=True)
    switched = client.get(f"/language/{value[:100]}", query_string={"next": "/"})
    assert switched.status_code in (303, 404) and "Set-Cookie" not in switched.headers
    client.set_cookie("lang", value[:100])
    assert _html_lang(client.get("/")) == "en"
    api = client.post("/api/ask", query_string={"lang": value}, json={"question": "hello"})
    assert api.status_code == 200 and api.json["message"].startswith("Hello!")


def test_an_explicit_lang_wins_over_cookie_and_browser_and_a_page_remembers_it(client):
    client.get("/language/hi")
    assert _html_lang(client.get("/?lang=en", headers=HI)) == "en"
    assert _html_lang(client.get("/request", headers=HI)) == "en"  # the cookie now says English
    # A page opened from the widget in Hindi (/policy?lang=hi#...) keeps the site in Hindi afterwards.
    assert not any(c.startswith("lang=") for c in client.get("/request?lang=en").headers.getlist("Set-Cookie"))
    assert _html_lang(client.get("/policy?lang=hi")) == "hi"
    assert _html_lang(client.get("/")) == "hi"


def test_the_api_lang_parameter_is_not_remembered(client):
    response = client.post("/api/ask?lang=hi", json={"question": "hello"})
    assert response.json["message"].startswith("नमस्ते!") and "Set-Cookie" not in response.headers
    assert _html_lang(client.get("/")) == "en"


def test_visitor_responses_vary_on_what_chooses_the_language(client):
    for path in ("/", "/policy", "/request"):
        assert {"Accept-Language", "Cookie"} <= set(client.get(path).headers["Vary"].replace(" ", "").split(","))


def test_staff_pages_stay_english(client):
    client.get("/language/hi")
    page = client.get("/login", headers=HI)
    assert _html_lang(page) == "en" and 'class="languages"' not in page.get_data(as_text=True)


# ---- the pages and mails added after the first translation: every text in the compiled catalogues ----------

# What each page or message is made of: its templates and the module that says the rest.
TRANSLATED_SOURCES = {
    "request status": ["app/templates/status/lookup.html", "app/templates/status/show.html", "app/visitors/status.py"],
    "e-mail confirmation": ["app/templates/intake/confirm.html", "app/visitors/verification.py"],
    "policy versions and changes": ["app/templates/policy/versions.html", "app/templates/policy/changes.html",
                                    "app/templates/policy/_note.html", "app/templates/policy/show.html"],
    "transparency report": ["app/templates/transparency/show.html", "app/visitors/transparency.py"],
    "mail to requesters": [*(f"app/templates/mail/{kind}.{ext}" for kind in ("code", "receipt", "status", "extension")
                             for ext in ("txt", "html")),
                           "app/templates/mail/_layout.html", "app/templates/mail/_footer.txt",
                           "app/platform/mail.py"],
}


def _texts_of(relative: str) -> list:
    from babel.messages.extract import extract, extract_python
    from jinja2.ext import babel_extract

    method = extract_python if relative.endswith(".py") else babel_extract
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), **KEYWORDS}
    with (ROOT / relative).open("rb") as f:
        return [message for _, message, _, _ in extract(method, f, keywords=keywords)]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    """The catalogues as the app loads them (compiled .mo), by language."""
    from babel.support import Translations

    app = create_app({"TESTING": True, "DATABASE": str(tmp_path_factory.mktemp("c") / "t.sqlite"),
                      "LANGUAGES": "en,hi,mr"})
    folder = app.config["BABEL_TRANSLATION_DIRECTORIES"]
    return {code: Translations.load(folder, [code]) for code in ("hi", "mr")}


@pytest.mark.parametrize("language", ["hi", "mr"])
@pytest.mark.parametrize("page", sorted(TRANSLATED_SOURCES))
def test_every_text_of_the_page_is_in_the_compiled_catalogue(compiled, page, language):
    from babel.support import Translations

    translations = compiled[language]
    assert isinstance(translations, Translations), f"no compiled catalogue for {language}"
    texts = [t for source in TRANSLATED_SOURCES[page] for t in _texts_of(source)]
    assert len(texts) >= 5, "the scan found too little: it is broken"
    missing = []
    for text in texts:
        # A compiled plural fills a form left empty with the English: that counts as untranslated too.
        if isinstance(text, tuple):
            forms = [(translations._catalog.get((text[0], n)), text[min(n, 1)]) for n in range(2)]
        else:
            forms = [(translations._catalog.get(text), text)]
        if not all(found and found != english for found, english in forms):
            missing.append(text)
    assert missing == []


@pytest.mark.parametrize("language", ["hi", "mr"])
def test_every_widget_text_is_in_the_compiled_catalogue(compiled, language):
    catalogue = compiled[language]._catalog
    assert [text for text in wording.SCRIPT_TEXTS if not catalogue.get(text)] == []
