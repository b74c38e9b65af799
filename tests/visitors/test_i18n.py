"""The visitor's language: the catalogues, how a language is chosen, and what each page and the API say in it."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from app import ConfigurationError, create_app
from app.engine import answering
from app.platform import i18n, timefmt
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


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.get_data(as_text=True)).group(1)


# ---- the catalogues ----------------------------------------------------------------------------------------

def test_hindi_is_among_the_catalogues():
    assert "hi" in {p.parts[-3] for p in CATALOGUES}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_is_translated_and_none_is_fuzzy(path):
    catalogue = _catalogue(path)
    assert not catalogue.fuzzy, f"{path}: the header is marked fuzzy"
    untranslated = [m.id for m in _messages(path) if not m.string]
    fuzzy = [m.id for m in _messages(path) if m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_the_placeholders_and_markup_of_the_english(path):
    wrong = [m.id for m in _messages(path)
             if Counter(PLACEHOLDER.findall(m.id)) != Counter(PLACEHOLDER.findall(m.string))
             or Counter(TAG.findall(m.id)) != Counter(TAG.findall(m.string))]
    assert wrong == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_names_and_addresses(path):
    """"Blue Messaggio", e-mail addresses and example questions the assistant reads stay as written."""
    kept = re.compile(r"Blue Messaggio|[\w.+-]+@\w+(?:\.\w+)+|/api/\w+")
    wrong = [m.id for m in _messages(path) if Counter(kept.findall(m.id)) != Counter(kept.findall(m.string))]
    assert wrong == []


def _extracted() -> set[str]:
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f, str(ROOT / "babel.cfg"))
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
                                  answering.NOT_COVERED_REPLY, *answering.SMALLTALK_REPLIES.values()}


def _script_texts(source: str) -> set[str]:
    texts = set()
    for match in re.finditer(r'\bt\(\s*"((?:[^"\\]|\\.)*)"', source):
        texts.add(json.loads(f'"{match.group(1)}"'))
    # say(node, "text" [+ "more text"], ...): the first argument may itself hold calls with commas.
    for match in re.finditer(r'\bsay\((?:[^(),]|\([^()]*\))*,\s*"((?:[^"\\]|\\.)*)"(?:\s*\+\s*"((?:[^"\\]|\\.)*)")?',
                             source):
        texts.add(json.loads(f'"{match.group(1)}"') + json.loads(f'"{match.group(2) or ""}"'))
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


def test_an_explicit_lang_wins_over_cookie_and_browser(client):
    client.get("/language/hi")
    assert _html_lang(client.get("/?lang=en", headers=HI)) == "en"


def test_staff_pages_stay_english(client):
    client.get("/language/hi")
    page = client.get("/login", headers=HI)
    assert _html_lang(page) == "en" and 'class="languages"' not in page.get_data(as_text=True)


# ---- the pages in Hindi ------------------------------------------------------------------------------------

def test_the_chat_page_in_hindi(client):
    page = client.get("/", headers=HI).get_data(as_text=True)
    for text in ("हमारी गोपनीयता नीति के बारे में पूछें", "लोग अक्सर पूछते हैं", "आपका प्रश्न", ">पूछें</button>",
                 "मुख्य सामग्री पर जाएँ", "गोपनीयता नीति अंग्रेज़ी में प्रकाशित है"):
        assert text in page
    strings = json.loads(re.search(r'<script type="application/json" id="pa-strings">(.*?)</script>', page).group(1))
    assert strings["New conversation"] == "नई बातचीत" and strings["Looking in the policy\u2026"] == "नीति में खोज रहे हैं…"
    # Suggested questions are what the assistant reads: English, and marked so.
    assert re.search(r'<a class="suggestion" href="[^"]+" lang="en">', page)


def test_the_english_page_carries_no_string_table(client):
    page = client.get("/").get_data(as_text=True)
    assert 'id="pa-strings"' not in page and "language-note" not in page


def test_a_quoted_answer_stays_english_in_a_hindi_page(client):
    english = client.get("/?q=do+you+sell+my+data").get_data(as_text=True)
    hindi = client.get("/?q=do+you+sell+my+data", headers=HI).get_data(as_text=True)
    quote = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", english, re.S).group(1)
    assert quote in hindi
    assert re.search(r'<blockquote cite="[^"]+" lang="en">', hindi)
    assert "स्रोत:" in hindi


def test_the_page_without_javascript_says_its_errors_in_hindi(client):
    page = client.get("/?q=+++", headers=HI).get_data(as_text=True)
    assert "आपका प्रश्न ख़ाली नहीं हो सकता" in page


def test_the_policy_page_in_hindi_keeps_the_clauses_as_published(client):
    english = client.get("/policy").get_data(as_text=True)
    hindi = client.get("/policy", headers=HI).get_data(as_text=True)
    clauses = re.findall(r'<(?:p|li) id="([^"]+)" class="clause">(.*?)<a class="pilcrow"', english, re.S)
    assert len(clauses) > 20
    for anchor, text in clauses:
        assert f'id="{anchor}" class="clause">{text}' in hindi
    assert "गोपनीयता नीति अंग्रेज़ी में प्रकाशित है: नीचे दिया गया अंग्रेज़ी पाठ ही मान्य है।" in hindi
    assert '<article class="policy" lang="en">' in hindi
    assert 'aria-label="इस खंड का लिंक"' in hindi and "विषय-सूची" in hindi
    assert "अपने डेटा के बारे में अनुरोध करें" in hindi or "किसी बच्चे के डेटा की सूचना दें" in hindi


def test_the_request_form_in_hindi(client):
    page = client.get("/request?type=deletion", headers=HI).get_data(as_text=True)
    for text in ("<h1>मेरा डेटा मिटाएँ</h1>", "आपका नाम", "आपका ई-मेल पता", "हम इसी पते पर जवाब देंगे",
                 "अनुरोध भेजें", "आप क्या करना चाहते हैं?"):
        assert text in page


def test_form_errors_in_hindi_wtforms_messages_included(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    response = client.post("/request", headers=HI, data={
        "type": "child_data", "name": " ", "email": "not-an-address", "details": "x", "child_age": "nine",
        "relationship": "Neighbour"})
    assert response.status_code == 400
    errors = re.findall(r'<p class="field-error" id="[^"]+">([^<]*)</p>', response.get_data(as_text=True))
    assert "कृपया यह भरें: आपका नाम।" in errors
    assert "name@example.com जैसा ई-मेल पता लिखें।" in errors
    assert "यह मान्य पूर्ण संख्या नहीं है।" in errors  # WTForms' own "Not a valid integer value."
    assert "यह मान्य विकल्प नहीं है।" in errors        # WTForms' own "Not a valid choice."
    assert "कृपया नीचे चिह्नित फ़ील्ड ठीक करें।" in response.get_data(as_text=True)


def test_choices_are_shown_translated_and_stored_in_english(app, client, db):
    app.config["WTF_CSRF_ENABLED"] = False
    page = client.get("/request?type=child_data", headers=HI).get_data(as_text=True)
    assert '<option value="Legal guardian">क़ानूनी अभिभावक</option>' in page
    response = client.post("/request", headers=HI, data={
        "type": "child_data", "name": "Asha", "email": "asha@example.com", "details": "My son's account",
        "child_age": "9", "relationship": "Legal guardian"})
    assert response.status_code == 303
    extra = json.loads(db.execute("select extra from requests").fetchone()[0])
    assert extra["relationship"] == "Legal guardian"
    confirmation = client.get("/request/received", headers=HI).get_data(as_text=True)
    assert "हमें आपका अनुरोध मिल गया है" in confirmation and "किसी बच्चे के डेटा की सूचना दें" in confirmation
    # The dates name the month in Hindi, in the one format (day, month, year; time with IST).
    assert re.search(r"<time datetime=\"[^\"]+\">\d{1,2} \S+ \d{4}, \d\d:\d\d IST</time>", confirmation)
    assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", confirmation)


def test_error_pages_in_hindi(client):
    response = client.get("/no-such-page", headers=HI)
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and "<h1>नहीं मिला</h1>" in page and "हमें वह पेज नहीं मिला।" in page
    assert _html_lang(response) == "hi"


def test_the_rate_limit_page_keeps_what_was_typed_and_speaks_hindi(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_REQUESTS": "1/minute"})
    client = app.test_client()
    form = {"type": "deletion", "name": "Asha", "email": "asha@example.com", "details": "Delete my account 9822"}
    assert client.post("/request", data=form, headers=HI).status_code == 303
    response = client.post("/request", data=form, headers=HI)
    page = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "आपके कनेक्शन से बहुत ज़्यादा अनुरोध आए हैं" in page and "Delete my account 9822" in page
    api = client.post("/api/requests?lang=hi", json=form)
    assert api.status_code == 429 and api.json["error"].startswith("बहुत ज़्यादा अनुरोध।")


# ---- the API ---------------------------------------------------------------------------------------------------

def _ask(client, question, **kwargs):
    response = client.post("/api/ask", json={"question": question}, **kwargs)
    assert response.status_code == 200
    return response.json


MACHINE_FIELDS = ("answered", "kind", "intent", "reason", "contact")


@pytest.mark.parametrize("question, hindi_start", [
    ("hello", "नमस्ते!"),
    ("thanks a lot", "आपका स्वागत है।"),
    ("what is the price of your enterprise plan", "गोपनीयता नीति में इस बारे में कुछ नहीं कहा गया है"),
    ("क्या आप मेरा डेटा बेचते हैं?", "मैं केवल अंग्रेज़ी अक्षरों"),
])
def test_api_fixed_replies_in_hindi_with_the_same_machine_fields(client, question, hindi_start):
    english = _ask(client, question)
    hindi = _ask(client, question, query_string={"lang": "hi"})
    by_header = _ask(client, question, headers=HI)
    assert hindi["message"].startswith(hindi_start) and by_header["message"] == hindi["message"]
    assert {k: english[k] for k in MACHINE_FIELDS} == {k: hindi[k] for k in MACHINE_FIELDS}
    if english["contact"]:
        # The policy's contact lines follow the lead as published.
        assert hindi["message"].split("\n")[1:] == english["message"].split("\n")[1:]


def test_api_handoff_in_hindi_keeps_values_and_quotes(client):
    english = _ask(client, "my 9 year old son has an account, please remove it")
    hindi = _ask(client, "my 9 year old son has an account, please remove it", query_string={"lang": "hi"})
    assert hindi["answer"] == english["answer"]  # the quoted clause, as published
    assert [c["label"] for c in hindi["citations"]] == [c["label"] for c in english["citations"]]
    assert hindi["note"].startswith("हमें बताने के लिए धन्यवाद।")
    assert hindi["handoff"]["label"] == "किसी बच्चे के डेटा की सूचना दें" and hindi["handoff"]["type"] == "child_data"
    fields = {f["name"]: f for f in hindi["handoff"]["fields"]}
    assert fields["relationship"]["choices"] == ["Parent", "Legal guardian", "Teacher or school", "Other"]
    assert fields["relationship"]["choice_labels"] == ["माता/पिता", "क़ानूनी अभिभावक", "शिक्षक या स्कूल", "अन्य"]
    assert fields["child_age"]["label"] == "बच्चे की उम्र"


def test_api_did_you_mean_in_hindi(undecided, client):
    hindi = _ask(client, "do you share my data with advertisers", query_string={"lang": "hi"})
    assert hindi["kind"] == "clarify" and hindi["message"] == "क्या आपका मतलब इनमें से किसी से था?"


@pytest.fixture
def undecided(app):
    assistant = app.extensions["assistant"]
    assistant.clarify_margin = 0.95
    return app


@pytest.mark.parametrize("path, body, hindi", [
    ("/api/ask", {}, "'question' ज़रूरी है"),
    ("/api/ask", {"question": "  "}, "'question' ख़ाली नहीं हो सकता"),
    ("/api/ask", [1], "अनुरोध की सामग्री एक JSON ऑब्जेक्ट होनी चाहिए"),
    ("/api/feedback", {"question_id": "x", "helpful": "yes"}, "'helpful' true या false होना चाहिए"),
    ("/api/requests", {"type": "deletion"}, "कृपया सूचीबद्ध फ़ील्ड ठीक करें।"),
])
def test_api_errors_in_hindi(client, path, body, hindi):
    response = client.post(path, json=body, query_string={"lang": "hi"})
    assert response.status_code == 400 and response.json["error"] == hindi


def test_api_request_field_errors_in_hindi(client):
    response = client.post("/api/requests?lang=hi", json={"type": "deletion", "name": "", "email": "x@",
                                                          "details": "please", "colour": "red"})
    assert response.json["fields"] == {"colour": "इस प्रकार के अनुरोध का फ़ील्ड नहीं है",
                                       "name": "कृपया यह भरें: आपका नाम।",
                                       "email": "name@example.com जैसा ई-मेल पता लिखें।"}


def test_strings_for_the_widget(client):
    body = client.get("/api/strings?lang=hi").json
    assert body["lang"] == "hi"
    assert body["languages"] == [{"code": "en", "name": "English"}, {"code": "hi", "name": "हिन्दी"}]
    assert body["months"][11] == "दिस॰" and body["strings"]["Ask"] == "पूछें"
    assert set(body["strings"]) == set(wording.SCRIPT_TEXTS)
    english = client.get("/api/strings").json
    assert english["lang"] == "en" and english["strings"]["Ask"] == "Ask" and english["months"][0] == "Jan"
    assert client.get("/api/strings", headers=HI).json["lang"] == "hi"


# ---- dates -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [("en", "30 Dec 2026"), ("hi", "30 दिस॰ 2026"), ("en", "3 Sep 2026")])
def test_dates_name_the_month_in_the_page_language_in_one_format(app, lang, expected):
    day = date(2026, 12, 30) if expected.startswith("30") else date(2026, 9, 3)
    with app.test_request_context(f"/?lang={lang}"):
        assert timefmt.format_date(day) == expected
        assert timefmt.format_datetime("2026-12-30T02:42:06+00:00").endswith(", 08:12 IST")


def test_dates_outside_a_request_are_english():
    assert timefmt.format_date(date(2026, 12, 30)) == "30 Dec 2026"
