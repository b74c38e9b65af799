"""Request detection: what counts as a request, of which type, and what stays a question."""

from pathlib import Path

import pytest
import yaml

from app.engine.answering import load_assistant
from app.engine.intents import REQUEST_TYPES, IntentsError, classify_clause, load_intents, split_clauses

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "data" / "request_cases.yaml").read_text())
REQUEST_CASES = [(kind, text) for kind, texts in CASES["requests"].items() for text in texts]


@pytest.fixture(scope="module")
def assistant():
    return load_assistant(ROOT / "corpus", intents_file=ROOT / "intents.yaml")


@pytest.fixture(scope="module")
def intents():
    return load_intents(ROOT / "intents.yaml")


def test_every_request_type_is_defined_with_the_fields_its_form_needs(intents):
    assert [i.name for i in intents] == list(REQUEST_TYPES)
    for intent in intents:
        names = [f.name for f in intent.fields]
        assert names[:3] == ["name", "email", "details"]
    child = intents.get("child_data")
    assert child.urgent and {"child_age", "relationship"} <= {f.name for f in child.fields}
    assert not any(i.urgent for i in intents if i.name != "child_data")
    # DPDP: a child is anyone under 18, so the form takes ages 0 to 17 and says so.
    age = next(f for f in child.fields if f.name == "child_age")
    assert (age.min, age.max) == (0, 17) and "under 18" in child.description
    grievance = intents.get("grievance")
    assert grievance.clause == "s12-1" and [f.name for f in grievance.fields] == ["name", "email", "details"]


def test_the_table_covers_every_request_type():
    assert set(CASES["requests"]) == set(REQUEST_TYPES)
    assert all(len(texts) >= 5 for texts in CASES["requests"].values())


@pytest.mark.parametrize("intent_name", REQUEST_TYPES)
def test_each_types_own_examples_are_detected_as_that_type(intents, intent_name):
    intent = intents.get(intent_name)
    for example in intent.examples:
        found = intents.detect(example)
        assert found is not None and (found.intent.name, found.request) == (intent_name, True), example


@pytest.mark.parametrize("kind,text", REQUEST_CASES)
def test_a_request_hands_off_to_its_form_with_the_clause_granting_the_right(assistant, kind, text):
    reply = assistant.answer(text)
    assert (reply.intent, reply.handoff) == (kind, kind)
    assert reply.answered
    clause = assistant.intents.get(kind).clause
    assert reply.citations[0].clause.id == clause
    assert reply.message == assistant.index.policy.clause(clause).text  # quoted verbatim
    assert reply.note  # the assistant says what happens next


@pytest.mark.parametrize("text", CASES["questions_about_rights"])
def test_a_question_about_a_right_is_answered_and_never_handed_off(assistant, text):
    reply = assistant.answer(text)
    assert reply.answered
    assert reply.handoff is None and reply.intent is None
    sections = [hit.clause.section for hit in reply.citations]
    if text in ASKS_WHAT_WE_DO:
        # what we will do is §3's to say ("to send you ... promotional communications"), with the right beside it
        assert sections[0] in {"3", "6"} and "6" in sections[:2]
    else:
        assert sections[0] in {"6", "9", "12"}  # where the policy grants the rights


# Questions about a right that ask what we will do: since session 40 the section model is no longer taught the wording
# (it is part of a measured question, bench/decided.py) and puts §3's "Communication: To send you updates,
# notifications, and promotional communications" first, §6's marketing clause second.
ASKS_WHAT_WE_DO = {"will you send me spam?"}


@pytest.mark.parametrize("text,offer", [
    ("can I delete my account?", "deletion"),
    ("is it possible to opt out of marketing emails?", "marketing_opt_out"),
    ("do you collect data from children?", "child_data"),
    ("how do I file a complaint about my data?", "grievance"),
    ("whom do I complain to if I'm unhappy with how my data is handled", "grievance"),
])
def test_a_question_about_a_right_offers_that_rights_form(assistant, text, offer):
    assert assistant.answer(text).offer == offer


@pytest.mark.parametrize("text", CASES["not_requests"])
def test_anything_else_neither_hands_off_nor_offers_a_form(assistant, text):
    reply = assistant.answer(text)
    assert reply.handoff is None and reply.intent is None and reply.offer is None


def test_handoff_recall_and_false_handoffs_on_the_team_table_meet_the_bars(assistant):
    handed = sum(assistant.answer(text).handoff == kind for kind, text in REQUEST_CASES)
    others = CASES["questions_about_rights"] + CASES["not_requests"]
    false = sum(assistant.answer(text).handoff is not None for text in others)
    assert handed / len(REQUEST_CASES) >= 0.95
    assert false / len(others) <= 0.03


@pytest.mark.parametrize("text,expected", [
    ("my 11 year old signed up, remove her data", "child_data"),  # a child outranks deletion
    ("my 35 year old son uses your app, delete his account", "deletion"),  # an adult is not a child
    ("remove me from your mailing list", "marketing_opt_out"),  # the object decides
    ("delete the data you hold about me", "deletion"),
    ("I want to change my password", None),  # account support, ruled out by `unless`
    # A complaint about how a request was handled is a grievance, not the request again.
    ("nobody replied to my deletion request, I want to complain", "grievance"),
    ("stop sending me spam, I'm not happy", "marketing_opt_out"),  # unhappy, but not a complaint
    ("my 12 year old signed up and you never replied to my complaint", "child_data"),  # a child outranks all
    # DPDP: anyone under 18 is a child; 18 is not.
    ("my 17 year old daughter made an account, remove it", "child_data"),
    ("my son is 16 and uses your app, delete his data", "child_data"),
    ("my 18 year old son made an account, delete it", "deletion"),
])
def test_type_is_chosen_by_the_strongest_markers(intents, text, expected):
    found = intents.detect(text)
    assert (found.intent.name if found and found.request else None) == expected


@pytest.mark.parametrize("text,kinds", [
    ("delete my data", ["instruction"]),
    ("can you delete my data?", ["instruction"]),
    ("can I delete my data?", ["question"]),
    ("will you delete my data?", ["question"]),
    ("I'd like to know what you hold", ["inquiry"]),
    ("I want my data removed", ["wish"]),
    ("my daughter is 9 and has an account with you", ["statement", "other"]),
    ("my data may be sold", ["other"]),
    ("hi, how do I opt out", ["other", "question"]),
    ("my 15 yr old wants to sign up, is that ok", ["statement", "question"]),  # a tag question asks
    ("my daughter is 9, can she use the app", ["statement", "question"]),
    # Text-speak drops the "do" of "do you ...": still a question, whatever it asks about.
    ("u store my photos or remove them", ["question"]),
    ("you guys share my number with banks", ["question"]),
    # What we did, should do, or keep doing is said, not asked.
    ("you sent me spam", ["statement"]),
    ("you leaked my number", ["statement"]),
    ("you have my old address", ["statement"]),
    ("you keep sending me offers", ["statement"]),
    # Asked to tell something, however politely: a question ("let me know" opens with the action "let").
    ("kindly let me know what information you collect", ["question"]),
    ("please explain how my data is kept secure", ["question"]),
    ("inform us whether you share our data", ["question"]),
    # Someone else's question passed on asks; so does a question run on after a statement without a stop.
    ("our auditor wants to know what you do with card numbers", ["question"]),
    ("my niece is 11 can she join", ["question"]),
    ("my niece is 11 can you remove her", ["statement", "instruction"]),  # (split where dictated: session 54)
    # A plan to use the service is not a request for us to act on the visitor's data.
    ("we want to use your api for delivery alerts", ["statement"]),
    ("we want to remove our old numbers", ["wish"]),
])
def test_clauses_are_read_by_how_they_open(intents, text, kinds):
    assert [classify_clause(c, intents.actions) for c in split_clauses(text)] == kinds


VALID = (ROOT / "intents.yaml").read_text()


@pytest.mark.parametrize("change,line_text,problem", [
    (lambda t: t.replace("    clause: s6-correction-and-deletion-2", "    clause: s99-1"),
     "    clause: s99-1", "no clause 's99-1'"),
    (lambda t: t.replace("  objection:\n", "  objections:\n"), "  objections:", "unknown request type"),
    (lambda t: t.replace("    type: email\n", "    type: phone\n"), "    type: phone", "'type' must be one of"),
    (lambda t: t.replace("    fields: [name, email, details, child_age, relationship]",
                         "    fields: [name, email, child_age]"),
     "    fields: [name, email, child_age]", "must list name, email, details"),
    (lambda t: t.replace("    priority: 10", "    priority: high"), "    priority: high", "whole number"),
    (lambda t: t.replace("    urgent: true\n", "    urgent: true\n    colour: red\n"), "  child_data:", "unknown key"),
    (lambda t: t.replace("  deletion:\n", "  deletion:\n    label: Duplicate\n", 1), "    label: Delete my data",
     "duplicate key 'label'"),  # the second of the two is the duplicate
    (lambda t: t + "  : [\n", None, "not valid YAML"),
])
def test_a_malformed_intents_file_names_the_line_and_the_problem(tmp_path, change, line_text, problem):
    broken = change(VALID)
    assert broken != VALID
    path = tmp_path / "intents.yaml"
    path.write_text(broken)
    with pytest.raises(IntentsError) as caught:
        load_assistant(ROOT / "corpus", intents_file=path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and problem in message
    if line_text is not None:
        assert caught.value.line == broken.splitlines().index(line_text) + 1


def test_a_missing_intents_file_stops_start_up_naming_it(tmp_path):
    from app import create_app

    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(IntentsError, match="nowhere.yaml:0: file not found"):
        create_app({"TESTING": True, "INTENTS_FILE": str(missing), "DATABASE": str(tmp_path / "db.sqlite")})


@pytest.mark.parametrize("text, kind", [
    ("please delete everything you have on me", "deletion"),  # the opening verb names the type
    ("remove me from your mailing list", "marketing_opt_out"),  # ... unless "me from ..." names it
    ("Do the needful to update my mobile number in your records", "correction"),  # Indian English
    ("my email on file is old, change it to the new one", "correction"),
    ("I don't agree to you profiling me, stop it", "objection"),
    ("stop calling me with offers", "marketing_opt_out"),
    ("analytics ke liye meri details ka use band karo", "objection"),  # Hindi puts the verb last
    ("our neighbour's boy, maybe 9, says he made an account with you", "child_data"),
])
def test_everyday_wordings_of_requests_hand_off_to_the_right_form(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    "would you delete my kid's data if I asked you to?",
    "what if I want my data deleted, is that possible?",
    "i keep getting promotional emails which i never asked for. what are you using my email for?",
    "u erase my chats when i close the account",  # text-speak without "do": a question about deletion
])
def test_hypotheticals_and_complaints_are_questions_not_requests(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, section", [
    ("please do the needful and explain what personal details you collect", "2"),
    ("kindly let me know what information you are collecting from users", "2"),
    ("kindly do the needful and tell me whether my data is shared with third parties", "4"),
])
def test_a_polite_request_to_be_told_something_is_answered_not_handed_off(assistant, text, section):
    """Indian English asks for information as politely as for action: "do the needful" alone does not make a
    request; what the visitor wants done does ("... and explain what you collect" is a question)."""
    reply = assistant.answer(text)
    assert reply.handoff is None and reply.answered and reply.clause.section == section


@pytest.mark.parametrize("text, kind", [
    ("Kindly do the needful and remove my number from your database", "deletion"),
    ("please do the needful and delete my account data", "deletion"),
    ("kindly send me a copy of whatever data you hold about me", "access"),
])
def test_polite_requests_to_act_still_hand_off(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


# Branch quality13 (tests/data/visitor_cases_fresh8.yaml's first run): kinds of request read wrong.
@pytest.mark.parametrize("text, kind", [
    # a marker said with "no" marks nothing: "no complaints" in a story is no grievance
    ("it worked fine, no complaints, but I'm done with it. just wipe the whole account", "deletion"),
    ("not complaining about anything, please erase my phone number from your records", "deletion"),
    # ... except where the request is itself a "no"
    ("no marketing emails please", "marketing_opt_out"),
    ("no profiling please", "objection"),
    # the phrase an instruction opens with says the type, as its verb does
    ("get rid of everything you have on me", "deletion"),
    ("update the address you have for me, I moved to Chennai", "correction"),
    ("change the email on file to my new one", "correction"),
    # removing something from a list is leaving the list
    ("remove my number from your promotional list", "marketing_opt_out"),
    ("please take my email off your list", "marketing_opt_out"),
    # "whatever you hold" asks what "what you hold" asks
    ("send me whatever you've stored about me", "access"),
    # Hindi "X mat karo": don't X, i.e. stop it
    ("mera data analytics ke liye use mat karo", "objection"),
    ("mujhe promotional call mat karo", "marketing_opt_out"),
    # a formal declaration, and an instruction to someone unnamed
    ("consider this a formal complaint about how my data was handled", "grievance"),
    ("the boy next door is 9 and has an account with you, someone should remove it", "child_data"),
    # "my profile" is no profiling
    ("my profile still shows the old details, request you to update them", "correction"),
])
def test_round_13_kinds_of_request_hand_off_to_the_right_form(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    "I have no access to my account",  # a login problem, not the right of access
    "no complaints about the service, just asking whether you sell data",
    "I'm not complaining but who sees my data?",
    "please update the email template",  # the product, not personal data
    "change the sender name on my campaign",
    "update the app please",
    "send me updated details of your plans",
    "stop sending me OTPs",  # the service, not marketing
    "delete all the cookies you put on my laptop",  # the browser's setting (section 7)
    "get rid of cookies on my browser",
    "can someone see my data",
    "someone should explain how cookies work",
    "how do I update my email",  # a question about the right
    "my profile picture is not updating",
    "my account stopped working",
    "notifications stop coming when my phone is locked",
    "remove the whatsapp integration from my dashboard",  # the product
    "delete the template I made yesterday",
])
def test_round_13_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("mujhe mera data dekhna hai", "access"),  # Hindi order: "my data see"
    ("mera account hatwana hai", "deletion"),  # a causative: get it removed
    ("pls fix the spelling of my name", "correction"),
    ("unsub me", "marketing_opt_out"),  # text-speak
    ("you never stopped sending me promos", "marketing_opt_out"),
])
def test_round_13_more_everyday_requests(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    "my sms stopped delivering to airtel numbers",  # what happened, not what is wanted stopped
    "my messages stopped going through",
    "notifications stopped after the update",
    "spell out each safeguard protecting my account",  # "spell" is no spelling mistake
    "mujhe jaanna hai ki aap data bechte ho kya",  # "I want to know": a question
    "mujhe ye video dekhna hai",
])
def test_round_13_more_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text", ["remove the watermark from my messages", "delete the contact group i created",
                                  "delete the template i made", "remove the sender id from my panel",
                                  "delete the scheduled broadcast", "remove the api key"])
def test_a_verb_on_a_thing_of_the_product_is_no_request(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("delete the account", "deletion"), ("close the account please", "deletion"),
    ("remove the data you hold", "deletion"), ("wipe the whole thing", "deletion"),
    ("remove the photo I uploaded", "deletion"), ("delete the recordings of my calls", "deletion"),
    ("delete the chat history", "deletion"), ("delet", "deletion"), ("unsubscribe", "marketing_opt_out"),
    ("wipe evrything u have on me asap", "deletion"),
])
def test_a_verb_on_the_visitors_things_is_still_a_request(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["I just want to know what you do to keep our customer list from leaking.",
                                  "i want to know what you have to offer small shops"])
def test_a_marker_split_by_to_is_no_marker(assistant, text):
    # "to" opens a verb of its own: "what you do to keep" is not "what you keep"
    assert assistant.answer(text).handoff is None


def test_what_you_keep_about_me_is_still_access(assistant):
    assert assistant.answer("i want to know what you keep about me").handoff == "access"


# Review of round 13 (/work/briefs/review13.md): the reviewer's wordings.
@pytest.mark.parametrize("text, kind", [
    # a negation blanks only the next word of its own clause, never "correct", nor a deed not done
    ("No. Delete my account.", "deletion"), ("No! Remove my number now", "deletion"), ("no no delete it", "deletion"),
    ("No. Cancel my account.", "deletion"), ("no, correct my name please", "correction"),
    ("my address on file is not correct, please fix it", "correction"),
    ("my name is not correct in your records", "correction"),
    ("the email you have for me is not correct anymore", "correction"),
    ("not correct info in my profile", "correction"),
    ("you have not deleted my account even after 3 reminders", "deletion"),
    ("you have not removed my number even after I asked", "deletion"),
    ("my data was not deleted as promised", "deletion"),
    # a product word (`unless`) rules a type out only in a clause that names none of the visitor's details
    ("delete my account and all my campaigns data", "deletion"),
    ("Delete my account, my templates and all my contacts", "deletion"),
    ("I am closing my business, please delete all my data including campaigns and templates", "deletion"),
    ("delete my data and stop using cookies on me", "deletion"),
    ("delete my account, I have removed the whatsapp integration already", "deletion"),
    ("stop sending me promotional messages, only send OTPs", "marketing_opt_out"),
    ("I only want OTP messages, not marketing spam", "marketing_opt_out"),
    ("unsubscribe me from marketing, keep the otp alerts", "marketing_opt_out"),
    ("my email is wrong in your campaign emails, please update it", "correction"),
    ("please correct my name, it shows wrong on the sender invoices", "correction"),
    # the visitor's things a verb on "the ..." may act on
    ("delete the entry for Rahul Sharma from your records", "deletion"),
    ("remove the listing of my shop from your website", "deletion"),
    ("delete the user id I created last year", "deletion"), ("remove the KYC documents I submitted", "deletion"),
    ("delete the call recording of my support call", "deletion"), ("remove the pan card you have", "deletion"),
    ("delete the selfie I uploaded for verification", "deletion"),
    ("erase the registration I did by mistake", "deletion"), ("delete the login created with my email", "deletion"),
    ("delete the gmail id I signed up with", "deletion"), ("please delete the recording", "deletion"),
    ("remove the duplicate entry", "deletion"), ("delete the aadhaar copy I uploaded during signup", "deletion"),
    # "stopped" after a wish is what is wanted stopped
    ("I want all the sms stopped to my number", "marketing_opt_out"),
    ("get my data processing stopped immediately", "objection"), ("I want the tracking stopped", "objection"),
    # "profiling" is read apart from "profile"
    ("meri profiling band karo", "objection"), ("profiling mat karo", "objection"),
    ("I don't want any profiling", "objection"),
    # "whatever you ... on/about me"
    ("send me whatever you stored about me", "access"), ("send me whatever you collected on me", "access"),
])
def test_review_13_requests_main_handed_off_are_kept(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    "I have no access to my dashboard since morning", "I can't access my account, OTP not coming",
    "I have no grievance, just curious how long you keep logs", "please don't delete my account",
    "stop the otp spam I never requested", "my sender name is showing wrong on delivered sms",
    "remove the sender id from my panel",
    "my whatsapp messages stopped going after template rejected",
    "my sms stopped going to vodafone numbers since yesterday",
    # "whatever" with a product, or without the visitor, is no access request
    "send me whatever brochures you have", "email me whatever plans you have for schools",
    "whatever you have in bulk sms packages, send the rate card",
    "give me whatever discount you have on annual plan",
    "whatever plan you have, send me details on whatsapp", "send me whatever you have on pricing",
])
def test_review_13_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text", [
    # a verb of changing with a detail of someone or something else (review of round 13, A2)
    "change the header name shown in SMS", "update details of the chatbot flow", "change name of the group in dashboard",
    "update the contact details of my customers in bulk", "update phone of the account manager assigned to us",
    "I want to change details on the payment receipt", "change the address on my GST invoice",
    "update email id for billing alerts", "how do I update contacts in bulk using the API",
    # a detail named as what we hold, of no one who speaks of themself
    "can you change the name you have on the invoice header",
    "change the number you have on file for our support line",
    # "someone should <verb>" on something not the visitor's (A3)
    "someone should fix your delivery reports, the numbers are wrong",
    "someone should update the api docs, the example is wrong", "someone please fix the invoice, gst number is wrong",
    "someone should remove the extra charges from my bill",
    # "from ... list" without the visitor (A4)
    "pick a template from the approved list and send",
    "how do I exclude DND numbers from the list before sending campaign",
    # Hindi "mat karo" of the visitor's customers, asking for a setting (A5)
    "raat ko 10 baje ke baad customers ko sms mat karo, ye setting kaha hai",
])
def test_review_13_product_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("kindly update the address you have on file for me", "correction"),
    ("someone should stop these spam calls from your sales team", "marketing_opt_out"),
    ("someone please remove my email from the marketing list", "marketing_opt_out"),
    ("please remove me from list", "marketing_opt_out"),
    ("do the needful and remove my mobile from your sms promotion list", "marketing_opt_out"),
])
def test_review_13_requests_the_round_gained_are_kept(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["I want to cancel account of my old employee",
                                  "cancel the account of my employee who left"])
def test_review_13_someone_elses_account_is_no_close_account_marker(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text", ["close account", "cancel account and refund", "please close the account for me",
                                  "delete the account of my late father"])
def test_review_13_close_account_still_hands_off(assistant, text):
    assert assistant.answer(text).handoff == "deletion"


@pytest.mark.parametrize("text, kind", [
    ("I don't want OTPs or promotions, stop all", "marketing_opt_out"),  # two things named, one of them marketing
    ("delete the integration data you collected from my shopify", "deletion"),  # the data we hold
    ("remove our company from the list of clients on your site", "deletion"),  # a list of clients is no mailing list
])
def test_review_13_more_requests_kept(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["what do you have to offer for startups",
                                  "i want to know what you have to offer small shops"])
def test_review_13_offer_after_to_is_a_verb(assistant, text):
    reply = assistant.answer(text)
    assert reply.handoff is None and reply.offer is None


def test_review_13_data_named_by_a_product_word_is_still_data(assistant):
    # "campaign data": data, whatever names it ("campaign details", "sender name" are the product's)
    assert assistant.answer("delete the campaign data of my customers").handoff == "deletion"
    assert assistant.answer("delete the campaign details").handoff is None


# Branch quality14 (tests/data/visitor_cases_fresh9.yaml's first run): false handoffs and requests read wrong.
@pytest.mark.parametrize("text", [
    # "minor" before a noun is "small", not a child
    "We had a minor issue with our account in July. Which number or email should I use for a privacy question?",
    "a minor problem with otp delivery",
    "minor changes to the policy, do you email me",
    # wondering asks
    "Since I'm in the EU now, I'm wondering what protections apply when my details are sent back to India.",
    "i was wondering how to delete my account",
    # "I'd like to know ..." that goes on to ask is a question, not the right of access
    "I'd like to know what exactly you store about my payments. The card number? My billing address?",
    # a wish with the verb after its object acts only on the visitor's things
    "we want our sender id changed",
    "I want my plan changed to the yearly one",
    "we'd like the invoice sent to our accounts team",
    "I want notifications stopped for campaign reports",
    "i want the template deleted",
    "I'd like to know why my account was closed",
])
def test_round_14_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("a minor signed up on your app, remove her data", "child_data"),  # "minor" before a verb is a person
    ("i found data of a minor in your system pls remove", "child_data"),
    # the deed wished done, said after its object
    ("I'm handling my late father's affairs and his email is no longer in use. I'd like the account closed and all "
     "his personal information erased from your systems.", "deletion"),
    ("found out my twins (age 10) have been messaging through your service, want their info scrubbed", "child_data"),
])
def test_round_14_kinds_of_request_hand_off_to_the_right_form(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    # a child named, but nothing of theirs held and asked taken away
    "my son is 10, can he use your app?",
    "my son is 10, how do I delete my account?",  # the visitor's own
    "my son is 15 and made an account. is that allowed?",
    "if a kid signs up, can that be removed?",
    "my kids use the app with my account, what happens now if i cancel my plan",
    # a group's number that is no age
    "they are about 10 contacts, how do I remove them?",
])
def test_round_14_child_wordings_that_must_not_hand_off_a_child(assistant, text):
    assert assistant.answer(text).handoff != "child_data"


@pytest.mark.parametrize("text", [
    # a child's data told, then asked what we do about it: a report, however it is asked
    "I think a girl in my building, maybe 9, put her details on your site. Can that be taken down?",
    "my niece is under 13 and her email is in your system, what happens now",
    "the kids are 3 to 5 years old and staff added their names as contacts. How do we get that removed?",
    # a group's age at a clause's end, and school years
    "a couple of my students created accounts on your website. They're around 12. Could you remove whatever they "
    "entered?",
    "my 7th graders made accounts on your site, please remove them",
])
def test_round_14_child_reports_asked_as_questions_hand_off(assistant, text):
    assert assistant.answer(text).handoff == "child_data"


@pytest.mark.parametrize("text, kind", [
    # the clause that makes the request says its type, not the story around it
    ("I switched to another provider six months ago, and your sales team still calls me every week. Please make sure "
     "I never get another promotional call or email from you.", "marketing_opt_out"),
    # a noun that is also a verb of action, its verb after it, tells nothing
    ("My late father had an account with you. His phone and email are no longer in use. I'd like the account closed "
     "and all his personal information erased from your systems.", "deletion"),
    ("my surname changed after marriage, please put the new one on my account", "correction"),
    ("I'd like everything you know about me sent to my email", "access"),
    ("please erase everything you know about me", "deletion"),  # the verb still says the type
])
def test_round_14_more_everyday_requests(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", [
    "scrap that, what cookies do you use",  # never mind
    "scrap all the templates",  # the product
    "please make sure the OTP reaches my customers",
    "ensure my campaign goes out at 9am",
    "how do you make sure my data is safe",
    "our company name changed, does the policy still apply",
    "my name changed on whatsapp, why?",
    "is everything you know about me safe?",
    "tell me everything you need to know about cookies",
    "all the ways you let me know about policy updates?",
])
def test_round_14_more_wordings_that_must_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


def test_round_14_a_product_object_far_from_the_verb_is_still_the_products(assistant):
    assert assistant.answer("remove every single one of the old campaign drafts").handoff is None
    assert assistant.answer("delete everything including cookies").handoff == "deletion"  # everything is theirs


@pytest.mark.parametrize("text, kind", [
    ("stop using my data for marketing", "marketing_opt_out"),  # the use objected to is marketing
    ("stop using my data for analytics", "objection"),
    ("delete my numbers", "deletion"), ("delete personal data", "deletion"),
])
def test_round_14_the_use_objected_to_and_the_things_deleted(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["remove invalid numbers from list before upload", "remove duplicate contacts"])
def test_round_14_numbers_named_by_their_kind_are_the_products(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("please don't use my details for anything beyond running my account", "objection"),
    ("don't use my data for marketing", "marketing_opt_out"),
    ("I don't use your app much, but stop processing my data", "objection"),
])
def test_round_14_told_not_to_use_the_visitors_things(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["I don't use my account anymore", "you did not use my coupon code",
                                  "why don't you use my location"])
def test_round_14_not_using_that_asks_nothing_stopped(assistant, text):
    assert assistant.answer(text).handoff is None
