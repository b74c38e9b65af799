"""The review of round 15 (branch quality15): its wordings of sections A-C, fixed, and those that must not change, by
kind. Each fixed wording comes out as on main or better."""

import pytest


# A1: DLT registration of SMS senders with a word after the visitor's thing that no deny-list had: never a deletion
# ("dlt" deletes only when nothing but the visitor's things, "from ur database", "and", "pls", "asap", "now" follow)
@pytest.mark.parametrize("question", [
    'dlt my account verification done?', 'dlt my account got rejected why', 'dlt my info submission rejected',
    'dlt my details submitted last week any update', 'dlt my number whitelisting',
    'dlt my number whitelist karna hai', 'dlt my account renewal', 'dlt my account expired what to do',
    'dlt my account blocked', 'dlt my profile incomplete', 'dlt my account suspended by vi',
    'can you dlt my account on smartping', 'dlt my data mismatch with gst', 'dlt my number not getting verified',
    'dlt my account password reset', 'dlt my account login issue', 'dlt my everything is done now what',
    'dlt my account id please share', 'dlt all my numbers for bulk messaging', 'dlt my records on videocon',
    'dlt my account charges', 'dlt my account kyc', 'dlt my number porting', 'dlt my account activate karo',
    'dlt my account transfer to new company', 'dlt my details verify karo', 'dlt my profile with new gst',
    'dlt my account reactivation', 'dlt my number blacklisted', 'dlt my details on the form are correct?',
    'dlt my account not working after update', 'i want to dlt my number with vilpower',
    # B5: registering through an agent
    "can i dlt my account myself or do i need an agent",
    # DLT kept on both (the review's D), and DLT words in another clause of the message
    "dlt my account and sender id kab tak ho jayega", "dlt my account, registration status?",
    "dlt my number. is it approved", "dlt my account ka status", "hi, dlt my account is pending since 2 weeks",
    "sir dlt my account approved but sms not going", "dlt my profile was made by my old ca, how do i change it",
    "i need to dlt my number on the operator portal", "please help, dlt my number got blocked after the trai rule",
])
def test_dlt_registration_with_any_word_after_the_thing_is_no_deletion(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff != "deletion" and reply.offer != "deletion"


# A1 (kept by the review as neither better nor worse): already a correction on main, not a deletion now
@pytest.mark.parametrize("question", ["dlt my details are wrong on the tata tele site",
                                      "dlt my profile needs update with new address", "dlt my data entry was wrong"])
def test_dlt_details_wrong_is_no_deletion(assistant, question):
    assert assistant.answer(question).handoff != "deletion"


# D: "dlt" as text-speak for "delete" still hands off
@pytest.mark.parametrize("question", [
    "dlt my acc", "pls dlt my account and all my data", "kindly dlt my personal data", "mera data dlt kardo",
    "mera account dlt krdo", "mera account dlt kar do", "dlt my no from ur database", "can u dlt my details",
    "dlt all my chats and my account pls", "plz dlt my email id from ur records", "dlt my account asap",
    "i want to dlt my profile", "dlt everything u have on me",
])
def test_dlt_my_things_hands_off_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


# B1: a slip reading gives the answer the word spelt right gives ("my account got blocked" is answered from 2 on
# main too); product problems stay unanswered; a word is never split into two stop words ("amout": "am out")
@pytest.mark.parametrize("typed, spelt", [("my acount got blockd", "my account got blocked"),
                                          ("my campaing stoped", "my campaign stopped"),
                                          ("invoce amout wrong", "invoice amount wrong")])
def test_a_slip_reads_as_the_word_spelt_right(assistant, typed, spelt):
    typed_reply, spelt_reply = assistant.answer(typed), assistant.answer(spelt)
    assert (typed_reply.answered, typed_reply.clause and typed_reply.clause.id, typed_reply.offer) == \
        (spelt_reply.answered, spelt_reply.clause and spelt_reply.clause.id, spelt_reply.offer)


@pytest.mark.parametrize("question", ["my campaing stoped", "invoce amout wrong",
                                      # B2: "pura" is not dropped
                                      "pura payment kaise karu"])
def test_product_problems_with_slips_or_hindi_are_not_answered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None


# B3: a number after "he is" / "she's" is an age only at its clause's end or before "and", "," or "years (old)"
@pytest.mark.parametrize("question", [
    "she's 9 to 5 at the office, can she get the invoice", "he is 9 on the waiting list",
    "he's 10 mins away from the office", "she's 11 am free for a call", "my client said she is 12 days late on payment",
    "she's 8 messages behind in the inbox", "he is 12th in the queue for support", "he is 10x faster at sending campaigns",
])
def test_a_number_after_he_is_going_on_is_no_age(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff != "child_data" and reply.offer != "child_data"


@pytest.mark.parametrize("question", ["the neighbour's girl uses your app, she is 9", "he is 10 and uses your app",
                                      "my nephew uses your app, he's 12", "my niece made an account. she is 10"])
def test_he_or_she_is_n_at_the_end_is_a_child(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff == "child_data" or reply.offer == "child_data"


# B4 / C3: a request after "team available to" / "phone your" wins over the company's contact line; what the team
# is available for is no question of its hours
@pytest.mark.parametrize("question, offer", [
    ("is your team available to delete my data today", "deletion"),
    ("is someone from your team available to help me remove my child's account", "child_data"),
    ("is your team available to stop sending me sms", "marketing_opt_out"),
    ("is your privacy team available to take my complaint", "grievance"),
    ("can i phone you to delete my account", "deletion"),
])
def test_a_request_wins_over_the_contact_line(assistant, question, offer):
    reply = assistant.answer(question)
    assert reply.offer == offer or reply.handoff == offer
    assert not (reply.clause and reply.clause.id == "s12-2")


@pytest.mark.parametrize("question", ["is your team available for a demo of bulk sms",
                                      "please change the phone your app shows for me",
                                      "is your team available to correct my name"])
def test_team_available_for_something_is_not_the_hours_line(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.clause and reply.clause.id == "s12-2")


@pytest.mark.parametrize("question", ["can i phone your team", "what days is your team available",
                                      "can i phone your office to ask for my data",
                                      "whats the best time to phone your support"])
def test_reaching_the_team_is_the_contact_line(assistant, question):
    reply = assistant.answer(question)
    assert reply.clause and reply.clause.section == "12"


# C1: a negated wish blanks only its verbs of request, up to an instruction even with no comma: the visitor's things
# and children stay, and so does what is asked after
@pytest.mark.parametrize("question, handoff", [
    ("I don't want my kid's data on your app", "child_data"), ("I don't want my son's data with you", "child_data"),
    ("i dont want my daughters info on ur servers", "child_data"),
    ("we don't want our students' data on your platform", "child_data"),
    ("I don't want my grandson's number in your system, he's only 10", "child_data"),
    ("we never asked for our kids to be registered on your app remove them", "child_data"),
    ("I never asked for this account delete it", "deletion"), ("I never requested an account here erase it", "deletion"),
    ("I never wanted this app on my phone delete my account", "deletion"),
    ("I never wanted my number in your app delete it please", "deletion"),
    ("I don't want my data here delete it now", "deletion"),
    ("I do not want my account with you delete everything", "deletion"),
    ("I don't want my number on your list remove it", "deletion"),
    ("I don't want my photo on your site remove it", "deletion"),
    ("I didn't ask to be on your list remove me", "deletion"),
    ("I dont wanna be on ur list remove my number", "deletion"),
    ("I didn't request these sms stop them now", "marketing_opt_out"),
    ("I didn't ask for these messages stop sending", "marketing_opt_out"),
    ("I don't want my old number on file, update it to the new one", "correction"),
    ("I don't want my name spelt wrong, fix it please", "correction"),
    ("I don't want the wrong address on my account fix it", "correction"),
])
def test_what_is_asked_beside_a_negated_wish_hands_off(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff


# C1 and D: a negated request asks nothing
@pytest.mark.parametrize("question", [
    "I'm not trying to delete my account, I need my old messages downloaded",  # portability offered, no deletion
    "I don't want my account deleted, I just want to change my plan",
    "I'm not asking you to delete my data, just curious whether you sell it",
    "I don't want to opt out, I just want fewer sms", "we don't want our sender id deleted, only the template changed",
    "I don't want my api key deleted just regenerated", "I don't want my sms campaign stopped, just paused",
    "I don't want to delete anything, just asking how long you keep data", "I didn't want my number changed, who changed it",
    "I never wanted my number changed", "I dont want my email changed, keep the old one",
    "I don't want my account deleted, just paused", "I didn't request deletion. Please restore my account",
])
def test_a_negated_request_asks_nothing(assistant, question):
    assert assistant.answer(question).handoff is None


# C2: "hai na" after a verb of the -na/-ni/-ne form or "chahiye" is emphasis, not a tag question
@pytest.mark.parametrize("question, handoff", [
    ("mujhe apna account delete karwana hai na", "deletion"), ("mera account band karna hai na", "deletion"),
    ("data hatwana hai na mujhe", "deletion"), ("mera number hatana hai na", "deletion"),
    ("mujhe mera naam theek karwana hai na", "correction"),
    ("mujhe promotional sms band karwane hain na", "marketing_opt_out"),
    ("mera account delete kar do, theek hai na", "deletion"),
])
def test_hai_na_after_a_wish_is_emphasis(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff


@pytest.mark.parametrize("question", ["mera data safe hai na aapke paas", "mera data delete ho gaya hai na",
                                      "whatsapp api available hai na", "dlt zaroori hai na", "refund milega hai na"])
def test_hai_na_after_a_state_is_a_question(assistant, question):
    assert assistant.answer(question).handoff is None
