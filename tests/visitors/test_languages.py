"""The visitor's pages, the form, the confirmation, the error pages and the API in Hindi (and the dates)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from app import create_app
from app.platform import timefmt
from app.platform.db import write
from app.visitors import wording
from conftest import add_request

HI = {"Accept-Language": "hi-IN,hi;q=0.9,en;q=0.8"}


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.get_data(as_text=True)).group(1)


# ---- the pages in Hindi ------------------------------------------------------------------------------------

def test_the_chat_page_in_hindi(client):
    page = client.get("/", headers=HI).get_data(as_text=True)
    for text in ("हमारी गोपनीयता नीति के बारे में पूछें", "लोग अक्सर पूछते हैं", "आपका प्रश्न", ">पूछें</button>",
                 "मुख्य सामग्री पर जाएँ", "गोपनीयता नीति अंग्रेज़ी में प्रकाशित है"):
        assert text in page
    strings = json.loads(re.search(r'<script type="application/json" id="pa-strings">(.*?)</script>', page).group(1))
    assert strings["New conversation"] == "नई बातचीत" and strings["Looking in the policy\u2026"] == "नीति में खोज रहे हैं…"
    # Suggested questions are Hindi's own list, written as the assistant reads it (Latin letters), and marked so.
    assert re.search(r'<a class="suggestion" href="[^"]+" lang="hi-Latn">kya aap mera data bechte ho\?</a>', page)


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
    # The browser tab's title is interface, in the page's language; the English page keeps the published title.
    assert "<title>गोपनीयता नीति · Blue Messaggio</title>" in hindi
    assert "<title>Privacy Policy · Blue Messaggio</title>" in english
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


@pytest.mark.storage
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
    assert api.status_code == 429
    # All in Hindi, with when to try again: no English limit text ("1 per 1 minute") inside.
    assert re.fullmatch(r"बहुत ज़्यादा अनुरोध। कृपया \d+ सेकंड बाद फिर से कोशिश करें।", api.json["error"])


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
    ("are you a bot?", "मैं Blue Messaggio की गोपनीयता नीति का सहायक हूँ"),
    ("can I talk to a human", "मैं एक स्वचालित सहायक हूँ"),
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


def test_api_part_not_covered_said_in_hindi_with_the_quote_as_published(client):
    english = _ask(client, "do you sell my data and how long do you keep it?")
    hindi = _ask(client, "do you sell my data and how long do you keep it?", query_string={"lang": "hi"})
    assert hindi["answer"] == english["answer"] and hindi["uncovered"] == english["uncovered"]
    assert hindi["note"].startswith("गोपनीयता नीति आपके प्रश्न के एक हिस्से के बारे में कुछ नहीं कहती (how long data is kept)")


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
    hindi = _ask(client, "do advertisers get my data", query_string={"lang": "hi"})
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
    # The code form of the widget's confirmation, and its "policy updated" notice.
    assert body["strings"]["Send a new code"] == "नया कोड भेजें"
    assert body["strings"]["Our privacy policy was updated on %(date)s:"] == "हमारी गोपनीयता नीति %(date)s को अपडेट हुई:"
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


def test_the_transparency_report_in_hindi(client):
    page = client.get("/transparency", headers=HI).get_data(as_text=True)
    assert "<h1>पारदर्शिता रिपोर्ट: गोपनीयता अनुरोध</h1>" in page
    assert re.search(r'आँकड़े <time datetime="[^"]+">\d{1,2} \S+ \d{4}, \d\d:\d\d IST</time> तक के हैं।', page)
    assert '<th scope="col">बच्चे का डेटा</th>' in page and "5 से कम" in page
    assert "बताने के लिए बहुत कम अनुरोध निपटाए गए" in page
    months = re.findall(r'<time datetime="\d{4}-\d\d">([^<]+)</time>', page)
    assert len(months) == 12 and not any(re.match(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ", m) for m in months)
    # The JSON keeps its numbers and fields whatever the language.
    assert client.get("/transparency.json", headers=HI).json == client.get("/transparency.json").json


# ---- the request's status and the e-mail confirmation, in Hindi ---------------------------------------------

MONTHS_EN = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def _main(response) -> str:
    return response.get_data(as_text=True).split("<main", 1)[1].split("</main>", 1)[0]


def _hindi_request(client) -> str:
    form = {"type": "deletion", "name": "आशा", "email": "asha@example.com", "details": "मेरा खाता हटाइए"}
    response = client.post("/api/requests", json=form, headers=HI)
    assert response.status_code == 201
    return response.json["reference"]


def test_the_status_lookup_in_hindi(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    page = _main(client.get("/request/status", headers=HI))
    assert "<h1>आपके अनुरोध की स्थिति</h1>" in page and ">मुझे कोड भेजें</button>" in page
    assert "वह पता जो आपने अनुरोध के साथ दिया था" in page
    assert "Status of your request" not in page and "Send me a code" not in page
    refused = client.post("/request/status", data={"reference": "BM-12", "email": "no at sign"}, headers=HI)
    page = _main(refused)
    assert refused.status_code == 400 and "कृपया नीचे चिह्नित फ़ील्ड ठीक करें।" in page
    assert "अनुरोध भेजने पर मिली संदर्भ संख्या लिखें, जैसे BM-7KQ2-9XHD।" in page
    assert "वही ई-मेल पता लिखें जो आपने अनुरोध के साथ दिया था।" in page
    assert "Enter the reference" not in page and "Enter the e-mail address" not in page
    client.post("/request/status", data={"reference": _hindi_request(client), "email": "asha@example.com"},
                headers=HI)
    page = _main(client.get("/request/status", headers=HI))
    assert "हमने अभी उस पते पर 6 अंकों का कोड ई-मेल किया है" in page and ">स्थिति दिखाएँ</button>" in page
    assert "If that reference" not in page and "Show the status" not in page
    client.post("/request/status/code", data={"code": "000000"}, headers=HI)
    page = _main(client.get("/request/status", headers=HI))
    assert "यह कोड सही नहीं है" in page and "That code is not right" not in page


@pytest.mark.storage
def test_the_status_page_in_hindi(app, client, db):
    from app.platform.events import record_event

    request_id = add_request(db, reference="BM-HIND-0001", status="refused", verified=1, language="hi",
                             outcome="No account uses this address.", due_date="2099-01-01",
                             extended_due="2099-02-01", extension_reason="Three accounts to search")
    with write(db):
        record_event(db, request_id, "asha", "verified", new="code", public=True)
        record_event(db, request_id, "asha", "extended", old="2099-01-01", new="2099-02-01", public=True)
        record_event(db, request_id, "asha", "status", old="new", new="refused", public=True)
    with client.session_transaction() as session:
        session["status_reference"] = "BM-HIND-0001"
        session["status_until"] = (datetime.now(timezone.utc) + timedelta(minutes=5)).isoformat()
    page = _main(client.get("/request/status", headers=HI))
    assert '<h1>अनुरोध <span class="reference">BM-HIND-0001</span></h1>' in page
    assert '<dd class="status">अस्वीकार किया गया</dd>' in page and "हम इस पर कार्रवाई क्यों नहीं कर सकते" in page
    assert '<dd class="verified-state">पुष्टि हो गई</dd>' in page
    assert "से बढ़ाकर; कारण: Three accounts to search)" in page  # the agent's words, as written
    history = re.findall(r"</time>: ([^<]+)</li>", page)
    assert history == ["अनुरोध प्राप्त हुआ", "ई-मेल पते की पुष्टि हुई",
                       f"जवाब की समय-सीमा {hindi_date(app, '2099-02-01')} तक बढ़ाई गई",
                       "स्थिति: अस्वीकार किया गया"]
    assert not MONTHS_EN.search(re.sub(r"<[^>]+>", "", page))
    for english in ("What has happened", "Request received", "refused", "Status:", "Extended", "verified"):
        assert english not in re.sub(r'(class|datetime)="[^"]*"', "", page), english


def hindi_date(app, iso: str) -> str:
    with app.test_request_context("/?lang=hi"):
        return timefmt.format_date(iso)


def test_the_confirmation_link_pages_in_hindi(app, client, db):
    from app.visitors import verification

    add_request(db, reference="BM-HIND-0002", language="hi")
    add_request(db, reference="BM-HIND-0003", language="hi", verified=1)
    with app.test_request_context():
        waiting, done = (verification.make_link_token(r) for r in ("BM-HIND-0002", "BM-HIND-0003"))
    page = _main(client.get(f"/request/confirm/{waiting}", headers=HI))
    assert "<h1>अपने ई-मेल पते की पुष्टि करें</h1>" in page and ">मेरे पते की पुष्टि करें</button>" in page
    assert "Confirm my address" not in page and "Press the button" not in page
    page = _main(client.get(f"/request/confirm/{done}", headers=HI))
    assert "के पते की पुष्टि पहले ही हो चुकी है" in page and "already confirmed" not in page
    broken = client.get("/request/confirm/not-a-token", headers=HI)
    assert broken.status_code == 400 and "यह लिंक काम नहीं कर रही" in _main(broken)
    assert "This link does not work" not in _main(broken)


def test_code_messages_on_the_confirmation_page_in_hindi(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    form = {"type": "deletion", "name": "आशा", "email": "asha@example.com", "details": "मेरा खाता हटाइए"}
    assert client.post("/request", data=form, headers=HI).status_code == 303
    client.post("/request/verify", data={"code": "000000"}, headers=HI)
    page = _main(client.get("/request/received", headers=HI))
    assert "यह कोड सही नहीं है" in page and "That code is not right" not in page
    client.post("/request/resend", headers=HI)  # a code was sent a moment ago: too soon for another
    page = _main(client.get("/request/received", headers=HI))
    assert re.search(r"दूसरा कोड माँगने से पहले कृपया \d+ सेकंड रुकें।", page) and "Please wait" not in page


def test_the_code_api_answers_in_hindi(client):
    reference = _hindi_request(client)
    empty = client.post("/api/requests/verify?lang=hi", json={"reference": reference, "code": " "})
    assert empty.status_code == 400 and empty.json == {"error": "कृपया सूचीबद्ध फ़ील्ड ठीक करें।",
                                                       "fields": {"code": "6 अंकों का कोड डालें।"}}
    wrong = client.post("/api/requests/verify?lang=hi", json={"reference": reference, "code": "000000"})
    assert wrong.status_code == 400 and wrong.json["error"].startswith("यह कोड सही नहीं है")
    soon = client.post("/api/requests/resend?lang=hi", json={"reference": reference})
    assert soon.status_code == 429 and re.fullmatch(r"दूसरा कोड माँगने से पहले कृपया \d+ सेकंड रुकें।",
                                                    soon.json["error"])
    unknown = client.post("/api/requests/resend?lang=hi", json={"reference": "BM-0000-0000"})
    assert unknown.status_code == 202 and unknown.json["message"].startswith("अगर इस संदर्भ संख्या के लिए")


@pytest.mark.parametrize("seconds, english, hindi", [
    (1, "Please wait 1 second before", "कृपया 1 सेकंड रुकें"),
    (45, "Please wait 45 seconds before", "कृपया 45 सेकंड रुकें"),
    (61, "Please wait 61 seconds before", "कृपया 61 सेकंड रुकें"),
    (90, "Please wait 2 minutes before", "कृपया 2 मिनट रुकें"),
    (3599, "Please wait 60 minutes before", "कृपया 60 मिनट रुकें"),
])
def test_the_wait_before_another_code_is_said_in_the_visitors_words(app, seconds, english, hindi):
    from app.visitors.verification import wait_message

    with app.test_request_context("/"):
        assert english in wait_message(seconds)
    with app.test_request_context("/?lang=hi"):
        assert hindi in wait_message(seconds)
