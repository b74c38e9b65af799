"""Round 18 (branch quality18): false handoffs and known wrong answers, fixed by kind, and the wordings of our own that
must not change with each rule."""

import pytest


# 1a. A number after "he is" / "she is" that points back to a grown-up's role (agent, admin, manager ...) is no age
@pytest.mark.parametrize("question", [
    "my agent said he is 10 and will call you back at 4", "my agent said he is 10",
    "our admin says she is 12 and will fix the template", "my manager said she is 9 and will approve the campaign",
    "your support guy said he is 5 and will call",
])
def test_a_grown_ups_number_is_no_childs_age(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "my son is 10 and uses your app", "my son, he is 10 and has an account, delete it",
    "my nephew said he is 10 and signed up on your app", "he is 10 and signed up without my permission, delete his data",
    "my agent's son, he is 10 and has an account", "our employee's kid said he is 11 and made an account",
    "my colleague's daughter is 8 and has an account", "remove his data, he is my son",
    "a customer told us she is 11 and signed up", "our client says he is 9 and has an account",
])
def test_a_childs_age_still_reports(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# 1b. Taking another user's access or login away is the product's user management, no deletion (nor access) request
@pytest.mark.parametrize("question", [
    "he is 1 of our admins, remove his access", "remove his access, he left the company",
    "please remove admin access for my ex employee", "revoke her login, she left",
])
def test_removing_a_users_access_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "remove my data", "remove all access you have to my data", "delete my account and remove my access",
    "remove my access to your platform", "I want you to remove my access and delete my data",
    "remove his access to my data, he is my ex-husband", "remove her access to my account, she is my ex",
])
def test_removing_the_visitors_data_or_access_still_deletes(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# 1c. The visitor's details on an invoice are personal data we hold (the lead's decision at merge: the name or billing
# address on an invoice is the visitor's, so a correction hands off); the invoice itself is billing (below)
@pytest.mark.parametrize("question", [
    "update my billing address on the invoice", "my name is spelt wrong on the invoice",
    "my billing address on the invoice is wrong, correct it", "change my email on the invoice and in your records",
])
def test_the_visitors_details_on_an_invoice_are_a_correction(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


@pytest.mark.parametrize("question", [
    "correct my address in your records", "update my address", "my billing address is wrong",
    "correct my billing address, it still shows the old office",
    "my billing address is outdated, please update it in your records",
    "update my billing address and my phone number", "my name is wrong in your records",
])
def test_the_visitors_details_still_correct(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


# 1d. "complaint:" as a heading over a product's trouble is no grievance; a complaint about data still is
@pytest.mark.parametrize("question", [
    "complaint: my campaign was not delivered on time", "I have a complaint. my otp is not delivered",
    "grievance: my refund is pending", "I want to complain, my campaign failed", "complaint - my campaign report is wrong",
])
def test_a_heading_over_a_product_complaint_is_no_grievance(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "complaint: you shared my data", "complaint: my number was shared with a campaign partner",
    "I have a complaint, you leaked my number in your campaign",
    "complaint: my data was used in a campaign without my consent",
    "grievance: you never replied to my deletion request", "complaint: you keep sending my data to other companies",
])
def test_a_data_complaint_is_still_a_grievance(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


# 1e. "dlt my account" from a visitor who shrugs the delivery off ("anyway") or gets spam deletes; a sender's delivery
# or spam-folder trouble stays DLT, and a sender's spam folder is no marketing opt-out
@pytest.mark.parametrize("question", [
    "dlt my account, your messages never delivered anyway", "plz dlt my account, delivery of spam to my phone must stop",
    "dlt my account, delivery of spam to my number must stop", "stop the spam, dlt my account",
])
def test_dlt_my_account_from_a_leaving_or_spammed_visitor_deletes(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


@pytest.mark.parametrize("question", [
    "dlt my account pls, messages not delivering", "dlt my account, sms not delivered",
    "dlt my account, messages marked as spam, not delivering", "dlt my account, sms going to spam",
    "dlt registration anyway needed for delivery?", "is dlt needed anyway for delivery of otp",
    "dlt my sender id, delivery to my phone failing", "my messages are going to spam",
])
def test_dlt_and_a_senders_spam_hand_nothing_off(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "stop sending me spam", "i keep getting spam from you, stop it", "your promotional sms is spam, unsubscribe me",
    "stop texting me or I will report you as spam", "your emails land in my spam folder, stop sending them",
    "please stop the spam messages to my number",
])
def test_spam_the_visitor_gets_still_opts_out(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out", question


# 2. "do it now" after an instruction to show or list the visitor's data asks for it; after "tell me about" a topic not
@pytest.mark.parametrize("question", [
    "show me what you collect, do it now", "list what you have on me, do it now",
    "explain what you store about me, do it now",
])
def test_do_it_after_showing_the_visitors_data_is_access(assistant, question):
    assert assistant.answer(question).handoff == "access", question


@pytest.mark.parametrize("question", [
    "tell me about cookies, do it now", "tell me what you collect, do it now",
    "list the third parties you share with, do it now", "tell me how you use my data, do it quickly",
])
def test_do_it_after_telling_about_a_topic_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# 3. The account's state told (deactivated, suspended, blocked, disabled, banned) is account support, not covered
@pytest.mark.parametrize("question", [
    "my account deactivated suddenly", "my account deactivated without notice", "my account got deactivated why",
    "my account suspended suddenly", "my account got blocked", "why is my account blocked",
    "my account was disabled yesterday", "my account got suspended, why",
])
def test_an_account_state_told_is_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered and reply.reason == "not_covered", question


@pytest.mark.parametrize("question, section", [
    ("my account deactivated, is my data deleted?", "6"), ("if my account is deactivated what happens to my data", "6"),
    ("do you delete my data when my account is deactivated", "6"), ("can I deactivate my account", "6"),
    ("my account was deactivated, do you still have my data", "6"), ("can my account be deactivated", "6"),
    ("how can I get my account deactivated", "6"),
])
def test_data_asked_beside_an_account_state_is_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.clause.section == section, question


@pytest.mark.parametrize("question", [
    "my account deactivated pls", "I want my account deactivated",
    "my account got deactivated without notice, delete my data now", "my account deactivated suddenly, I want it deleted",
    "my account was blocked after I asked you to delete my data",
])
def test_deactivation_or_deletion_asked_still_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# 1d (cont.). The heading rule is the grievance's only: other requests said bare keep what they were; a complaint that
# the visitor's data is shown to others (or others' to the visitor) is data mishandled, product words or not
@pytest.mark.parametrize("question, kind", [
    ("i want to unsubscribe, your campaign messages are annoying", "marketing_opt_out"),
    ("please unsubscribe, i get your campaign mails daily", "marketing_opt_out"),
    ("I have a complaint, my delivery report shows my personal number to others", "grievance"),
    ("i want to complain, my invoice shows someone else's data", "grievance"),
    ("I have a complaint, your dashboard shows other users' data to me", "grievance"),
])
def test_bare_requests_and_data_shown_to_others_still_hand_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


@pytest.mark.parametrize("question", ["complaint: my campaign was not delivered to other users",
                                      "complaint: my sms to other customers not delivered"])
def test_product_messages_to_others_are_no_grievance(assistant, question):
    assert assistant.answer(question).handoff is None, question


# Review 17, A1 (wrong on both): deleting the product's things (sender id, api key, contact list, a report's failed
# messages) is no deletion request; the visitor's own details beside them still are
@pytest.mark.parametrize("question", [
    "delete this sender id", "remove this sender id", "delete my api key", "delete the failed messages from my report",
    "delete my contact list", "can I delete a sender id",
])
def test_deleting_the_products_things_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, kind", [
    ("delete my sender id and my account", "deletion"), ("delete my account and my api key", "deletion"),
    ("delete my contacts", "deletion"), ("delete my contacts from your database", "deletion"),
    ("delete all my data including my contact list", "deletion"), ("please delete my api key and my account", "deletion"),
    ("delete my account, my sender id and all my data", "deletion"),
    ("delete my number from the sender id list", "deletion"),
    ("I want the invoices emailed to me last year deleted", "deletion"),
    ("remove my number from your contact list", "marketing_opt_out"), ("remove me from your contact list", "marketing_opt_out"),
    ("take me off your contact list", "marketing_opt_out"),
    ("unsubscribe my number from your contact list", "marketing_opt_out"),
])
def test_the_visitors_things_beside_product_words_still_hand_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# Review 16, E (wrong on both): a number of years that is a time ("a customer for 3 years", "2 years ago") is no age
@pytest.mark.parametrize("question, kind", [
    ("I've used your service for 5 years, delete my account", "deletion"),
    ("I signed up 2 years ago, delete my data", "deletion"),
])
def test_years_of_custom_are_no_age(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


@pytest.mark.parametrize("question", [
    "my son is 10 years old and has an account", "my 12 year old signed up, remove her data",
    "my daughter, 9 years, has an account with you", "for the last 3 years my kid has used your app, he is 11",
    "my 7 yr old made an account 2 years ago, delete it",
    "my son has been using your app for 2 years, he is 12 now, delete his account",
])
def test_a_childs_age_in_years_still_reports(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# Review 16, E: a complaint said not wanted makes none, unless the message tells the data misused all the same
@pytest.mark.parametrize("question, kind", [
    ("I don't want to complain, I just want my data deleted, how do I do that?", "deletion"),
    ("I don't want to escalate this, just tell me what you collect", None),
    ("I don't want to complain, but you shared my number with others", "grievance"),
    ("I don't want to complain about delivery, but you leaked my data", "grievance"),
    ("i want to complain, you shared my number", "grievance"),
])
def test_a_complaint_not_wanted(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# "correct it", "delete it": a clause that only points back takes its product words from the whole message
@pytest.mark.parametrize("question", [
    "my api key leaked, delete it", "my otp is wrong, fix it", "i want to lodge a complaint, my invoice is wrong",
    "my invoice is wrong, fix it", "fix my invoice please", "correct the invoice amount",
    "change my gst number on invoices",
])
def test_pointing_back_at_a_products_thing_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, kind", [
    ("my campaign data has my personal number, delete it", "deletion"), ("my email is wrong, fix it", "correction"),
    ("you have my old address, correct it please", "correction"), ("my account is old, delete it", "deletion"),
    ("I don't want my number on your list remove it", "deletion"), ("delete my data, do it now", "deletion"),
    ("my son is 10 and has an account, delete it", "child_data"),
    ("your campaign emails are annoying, stop them", "marketing_opt_out"),
    ("your emails land in my spam folder, stop sending them", "marketing_opt_out"),
])
def test_pointing_back_at_the_visitors_things_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# Review 16, E: "a copy" said not wanted asks none (a request noun, like "deletion"); a complaint about the messages the
# product delivers is no grievance
@pytest.mark.parametrize("question, kind", [
    ("I don't want a copy, where is my data stored?", None),
    ("not asking for a copy, delete everything you have on me. when will it be done?", "deletion"),
    ("I don't want a copy of my data, delete it", "deletion"),
    ("I don't need a copy, just tell me who you share it with", None),
    ("I want a copy of my data", "portability"), ("send me a copy of my data", "portability"),
    ("I don't want a copy, I want my data deleted", "deletion"),
    ("not asking for a copy of my data, just delete it", "deletion"),
    ("I want to complain that my messages are not delivered", None), ("i want to complain, my sms are not delivered", None),
    ("I want to complain that my messages were read by your staff", "grievance"),
    ("I want to complain that my messages were shared with others", "grievance"),
    ("complaint: my messages are leaked", "grievance"),
    ("I want to complain that my personal messages are visible to other users", "grievance"),
])
def test_a_copy_not_wanted_and_delivery_complaints(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# Review 16, E: "please check / help / reactivate" after a deactivation told asks help, not the deactivation
@pytest.mark.parametrize("question", [
    "Dear team, my account deactivated yesterday without any notice and my campaign is stuck, please check",
    "my account deactivated without notice, please help", "my account deactivated suddenly, pls reactivate",
])
def test_please_help_after_a_deactivation_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "my account deactivated pls", "please get my account deactivated", "kindly get my account deactivated",
    "my account deactivated now please", "my account deactivated without notice, please delete my data",
    "I want my account deactivated, please check and confirm",
])
def test_a_deactivation_asked_politely_still_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# A delivery report or status is the product's, no correction; access revoked is never an access request
@pytest.mark.parametrize("question, kind", [
    ("dlt my header anyway, delivery reports are wrong", None), ("my delivery report is wrong", None),
    ("the delivery status is wrong, fix it", None),
    ("my name is wrong in the delivery report", "correction"),
    ("delivery reports show my old number, update my number", "correction"),
    ("revoke their access to our data", "objection"), ("revoke access of third parties to my data", "objection"),
    ("give me access to my data", "access"), ("I want access to all the information you have about me", "access"),
    ("revoke my consent", "objection"),
])
def test_delivery_reports_and_revoked_access(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


@pytest.mark.parametrize("question, kind", [
    ("My accountant left last month. He had access to the dashboard. Please remove his access", None),
    ("I had access to my data before, now give me a copy", "access"),
    ("she has access to my account, I want to see what you hold about me", "access"),
])
def test_someone_having_access_is_no_access_request(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# Fix of round 18 (the lead's comparison with main): the grievance officer named, or a grievance raised / filed /
# lodged, is a grievance whatever product word the message names; so is the visitor's personal data exposed (revealed,
# published, disclosed, shown to others) or used in a campaign or without consent. A product complaint stays none.
@pytest.mark.parametrize("question", [
    "I complained about spam otps and nobody responded, I want to escalate to the grievance officer",
    "I want to escalate, my number is being used in campaigns I never agreed to",
    "I want to complain, my personal data was sent in a promotional campaign",
    "I want to raise a grievance: the otp messages reveal my personal details",
    "I want to complain, my template contained my personal number and you published it",
    "grievance: my invoice shows my aadhaar to others",
    # the grievance officer named / a grievance raised
    "escalate to your grievance officer, my otp data was leaked",
    "I want to file a grievance, you sent my number to a campaign partner",
    "please connect me to the grievance officer about the otp messages you keep sending me",
    "I want to lodge a grievance with the grievance officer, my template request was ignored",
    "I want to raise a grievance about my campaign data being misused",
    # personal data exposed or misused, product words present
    "I want to complain, the otp sms revealed my aadhaar number",
    "complaint: your campaign published my personal details",
    "I want to escalate, you disclosed my phone number in a campaign",
    "complaint: my email address was used in your marketing campaign without my permission",
    "i want to complain, my number was added to a promotional campaign without my consent",
    "grievance: my invoice reveals my personal address to others",
    "I want to complain, my details are used in campaigns I did not agree to",
    "I want to complain, my personal details were exposed in the otp message",
    "I want to complain, my aadhaar was disclosed in the invoice",
    "I don't want to complain, but you published my number",
])
def test_fix18_data_exposed_or_officer_named_is_a_grievance(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


@pytest.mark.parametrize("question", [
    "complaint: my campaign was not delivered on time", "complaint: my otp is not delivered",
    "I want to complain that my messages are not delivered", "my recharge failed, I want to complain",
    "I want to escalate, my template is not approved", "i want to lodge a complaint, my invoice is wrong",
    # the officer asked about, not a grievance raised
    "who is your grievance officer?", "what is the email of the grievance officer",
    "does the grievance officer handle otp delivery issues?", "how do I raise a grievance about a failed campaign?",
    "can I raise a grievance if my otp is late?", "grievance: my refund is pending",
    # a verb of exposure or use negated, done by the visitor, or with no personal data of the visitor's
    "complaint: my template is not published", "I want to complain, my campaign was not sent to my number",
    "complaint: the otp was sent to my number late", "I want to complain, the otp messages never reached my personal number",
    "I want to escalate, my template with my number was not approved",
    "I want to complain, I used my number in a campaign and it failed",
    "complaint: my invoice shows the wrong gst number", "i want to complain, my otp was sent twice to my number",
    "I want to complain, the campaign I agreed to was never sent",
    "i want to complain, my template was published with a typo",
])
def test_fix18_product_complaints_stay_no_grievance(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, kind", [
    ("stop using my number in your marketing campaigns", "objection"),
    ("stop sending promotional campaigns to my number, I never agreed to this", "marketing_opt_out"),
    ("my personal data was sent in a promotional campaign", "marketing_opt_out"),
    ("I don't want to complain, I just want my data deleted", "deletion"),
    ("will you publish my number on your website?", None),
    ("who can see my personal details, are they published anywhere?", None),
])
def test_fix18_other_types_keep_theirs(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question
