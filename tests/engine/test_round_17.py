"""Round 17 (branch quality17): the misses of the fourteenth visitor table (fresh12), fixed by kind, and the wordings
of our own that must not change with each rule."""

import pytest


# 1. A request said not to be made, said in other forms, is not handed off; what the later clause asks is answered
@pytest.mark.parametrize("question, section", [
    ("I don't want my account deleted, just tell me what you collect", "2"),
    ("I'm not asking you to delete anything, just tell me what you collect", "2"),
    ("not asking for a copy of my data, only curious who you share it with", "4"),
    ("I won't unsubscribe yet, but why do I get these emails", "3"),
])
def test_a_denied_request_is_context(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.clause.section == section


@pytest.mark.parametrize("question, kind", [
    ("I don't want to delete my account, just my phone number", "deletion"),
    ("i dont want to remove my profile, only my old email id", "deletion"),
    ("I don't want marketing mails", "marketing_opt_out"),
    ("I don't want my data here, delete it now", "deletion"),
    ("I don't want my son's data with you", "child_data"),
    ("I don't want my account deleted, please stop the marketing emails", "marketing_opt_out"),
    ("not asking for a copy of my data, just delete it", "deletion"),
    ("I don't want a copy, delete my data", "deletion"),
    ("I won't delete my account unless you stop spamming, stop now", "marketing_opt_out"),
    ("I said I want my data deleted, why is it still there", "deletion"),
])
def test_a_request_beside_a_denied_one_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# Reported speech: what someone else said the visitor can ask, then asked whether it is so
@pytest.mark.parametrize("question", ["my friend said I can ask you to erase data, is that true",
                                      "someone told me I can ask you to delete my account, is that right?"])
def test_reported_speech_asked_about_is_no_request(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.answered and reply.clause.section == "6"


@pytest.mark.parametrize("question, kind", [
    ("my friend told me to ask you to delete my data", "deletion"),
    ("your agent said I should ask here to delete my data", "deletion"),
    ("your support said I can ask you to delete my account, so please delete it", "deletion"),
    ("as I told you I want my account deleted", "deletion"),
    ("someone told me I should request my data here, please send it", "access"),
])
def test_reported_speech_with_a_request_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# "I'm a parent, ..." says who asks; the question after it is about age (section 9), no report
def test_a_parent_asking_about_age_is_no_report(assistant):
    reply = assistant.answer("I'm a parent, is your platform meant for kids")
    assert reply.handoff is None and reply.clause.section == "9" and reply.offer == "child_data"


@pytest.mark.parametrize("question, kind", [
    ("I'm a parent, delete my son's data", "child_data"), ("I'm a parent, my son is 10 and has an account", "child_data"),
    ("im a 12 year old, delete my account", "child_data"), ("I'm a customer, my number is wrong", "correction"),
    ("I'm a teacher, my student signed up on your app", "child_data"),
    ("I'm a parent and I want my daughter's account deleted", "child_data"),
    ("I am a teacher, my students are 12, is your platform ok for them", "child_data"),
    ("my daughter is 11 and has an account on your app, is your company ok with that", "child_data"),
    ("I have a complaint, is your grievance officer available", "grievance"),
    ("i am leaving, is your team able to delete my account", "deletion"),
])
def test_who_the_visitor_is_with_a_request_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# 2. Privacy-sounding topics the policy does not answer, as gap topics
@pytest.mark.parametrize("question", [
    "do your employees read the content of my messages", "does your staff read the contents of my sms",
    "are my messages end to end encrypted", "is my data encrypted end to end", "who holds the encryption keys",
    "which cloud company hosts your servers", "do you use aws", "is my data on google cloud",
    "is my data stored in a data centre in mumbai", "which city are your servers in",
])
def test_uncovered_privacy_topics_are_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question, section", [
    ("are my messages encrypted", "5"), ("are my chats encrypted", "5"), ("is my data encrypted at rest", "5"),
    ("is my data encrypted in transit", "5"), ("what encryption do you use", "5"), ("can your staff read my data", "5"),
    ("can your employees see my messages", "5"), ("do you read my messages", "2"),
    ("who can access my data", "4"), ("is my data transferred abroad", "10"), ("who hosts my data in the cloud", "4"),
    ("do you use cloud providers", "4"), ("in which country are my messages stored?", "10"),
    ("is my data stored outside india in a data centre", "10"), ("is my data stored in a data centre abroad", "10"),
    ("is my data in a data centre in india", "4"),
    ("which city is your company in", "12"), ("can i visit your office in mumbai", "12"),
    ("do you store the content of my messages", "2"),
])
def test_what_the_policy_answers_near_them_still_is_answered(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


# 4. Contact words: asked for with "a", the e-mails received, letters posted to us, calling someone
@pytest.mark.parametrize("question", [
    "give me a contact email for privacy stuff", "give me a phone number to call", "I prefer sending letters, where do I post one to you",
    "can i post a letter to you", "can i send a letter to your office", "can I call someone about my data",
])
def test_our_contact_details_in_other_words(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason == "company" and reply.clause.section == "12"


@pytest.mark.parametrize("question, section", [
    ("how do I control what emails you send me", "6"), ("why do I get these emails", "3"),
    ("do you store my email", "2"), ("do you share my email with others", "4"), ("give me a copy of my data", "6"),
    ("give me a list of the data you collect", "2"), ("will you send me a letter if the policy changes", "11"),
    ("if the policy changes will you tell me", "11"), ("will you tell me", "11"),
])
def test_the_visitors_emails_and_data_are_no_contact_detail(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.reason != "company" and reply.clause.section == section


@pytest.mark.parametrize("question", ["what is your email", "what is your email address", "what email should i write to",
                                      "what's the email for privacy questions", "can i call you",
                                      "what is the phone number to call", "what is your postal address"])
def test_our_contact_details_still(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.clause.section == "12"


# "where/how is my X used" (Hinglish "mera number kahan use hota hai") asks what it is used for; a closing "tell"
# ("... batao") after a question word is the asking
@pytest.mark.parametrize("question", ["where is my number used", "mera number kahan kahan use hota hai batao",
                                      "my number is used where", "how is my data used"])
def test_where_my_data_is_used_is_section_3(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "3"


# ("how do I use my number" is answered from section 3 since the section model: a cost listed in bench/HISTORY.md)
@pytest.mark.parametrize("question, section", [("where do I use my email to log in", "2"),
                                               ("mera data kahan store hota hai", "10"), ("how is my data protected", "5")])
def test_the_visitor_using_their_data_is_not_section_3(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


# 3. Indian English and slang read: "intimate me" (notify), "NRI" (living abroad), a closing "tho"
@pytest.mark.parametrize("question, section", [
    ("Please intimate me whenever the policy is getting updated", "11"), ("will i be intimated about changes", "11"),
    ("Same policy is applicable for NRI customers staying abroad also?", "10"), ("i am an NRI, is my data sent to india", "10"),
    ("wht all u store abt me tho", "2"), ("what do you collect tho", "2"), ("do you sell my data tho", "4"),
    ("are my intimate chats safe", "5"),
])
def test_indian_english_and_slang_read(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


@pytest.mark.parametrize("question", ["do you store intimate photos", "what is the price for nri customers"])
def test_indian_english_product_and_gap_questions_unchanged(assistant, question):
    assert not assistant.answer(question).answered


# 5. Slang removal ("yeet" is read "delete") and a complaint told beside "who do I complain to"
@pytest.mark.parametrize("question", ["pls yeet all my info from ur servers", "yeet my account", "can u yeet my data"])
def test_yeet_is_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


def test_yeet_asked_about_is_no_request(assistant):
    reply = assistant.answer("do u yeet my data when i leave")
    assert reply.handoff is None and reply.offer == "deletion"


@pytest.mark.parametrize("question", ["who do I complain to, your team mishandled my data",
                                      "whom should i complain to, you leaked my number",
                                      "who do i complain to? my data was mishandled"])
def test_a_complaint_told_with_whom_to_complain_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "grievance"


@pytest.mark.parametrize("question", [
    "who do I complain to", "who do i complain to, my otp is not coming", "who do i complain to about slow delivery",
    "who do i complain to if my data is mishandled", "who handles complaints, just asking",
    "who do I complain to, my campaign failed", "who do I complain to about spam sms from other companies",
])
def test_asking_whom_to_complain_alone_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None


# Reported speech is the visitor's own request when they go on to ask it done, or heard it themself
@pytest.mark.parametrize("question", [
    "my friend said I can ask you to erase data, please do it", "my friend said I can ask you to erase data, so do it",
    "my friend said I can ask you to erase my data, do it now", "I heard I can ask you to delete my data, please do it",
    "your agent said I can ask you to delete my account, please go ahead",
])
def test_reported_speech_then_do_it_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


@pytest.mark.parametrize("question", ["my lawyer mentioned I can object to processing, is that right?",
                                      "they said I could request deletion, can you confirm"])
def test_reported_right_asked_to_confirm_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None


# Product, delivery and DLT questions with the new rules' words stay declined
@pytest.mark.parametrize("question", [
    "are your sms delivered end to end", "end to end delivery time for sms", "which data centre do you send sms from",
    "do you have a data center in india for whatsapp api", "not asking for a refund, only curious when my invoice comes",
    "i don't want to delete my dlt template, just update it", "how do i register my template on dlt",
    "what is the price of bulk sms",
])
def test_product_questions_stay_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None
