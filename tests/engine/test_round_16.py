"""Round 16 (branch quality16): the backlog of reviews 15 and 15b, fixed by kind, and the wordings of our own that
must not change with each rule."""

import pytest


# A number after "he is" / "is" that counts something else (a unit, "of", "and a half") is no age
@pytest.mark.parametrize("question", [
    "he is 10 min late", "she is 12 km away", "my agent said he is 10 min away",
    "our developer says he is 12 hrs ahead of us", "the sales guy said he's 3 weeks behind on my refund",
    "my colleague said he is 11 and a half hours on the call with support",
    "my boss says he's 1 step away from switching providers", "my employee, he is 12 hour shift, needs a login",
    "my driver says he is 5 and a half hours away", "our intern says she is 12 hours into the dlt form",
    "my agent is 5 km away", "our sms speed is 10 per second", "my team is 10 people", "he is 2 of our 5 admins",
])
def test_a_number_with_a_unit_is_no_age(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff != "child_data" and reply.offer != "child_data"


@pytest.mark.parametrize("question", [
    "my sister is 12", "my sister is 12 and has an account", "my son is 10 and uses your app please delete his account",
    "my daughter is 11, she signed up", "my neighbour's boy, he is 10, made an account",
    "my son is 10 yrs and has an account", "my son just turned 12 and opened an account", "my cousin aged 11 signed up",
    "the girl is 10, remove her data", "my student is 11, remove her account",
])
def test_a_childs_age_still_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "child_data"


# "who's got", "whos got" (read "who is got"), "who got", "who all can": someone else acting, not the visitor's right
@pytest.mark.parametrize("question", ["whos got access to my data", "who's got access to my data",
                                      "who got access to my data", "who all can access my data"])
def test_who_has_got_access_is_not_the_right_of_access(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section != "6" and reply.handoff is None


@pytest.mark.parametrize("question", ["can I get access to my data", "who do i contact to get access to my data"])
def test_the_visitors_own_access_still_is_section_6(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "6" and reply.offer == "access"


# "(just) asking / wondering / curious" + a question word asks, whatever clause stands before it
@pytest.mark.parametrize("question", ["im not deleting anything, just asking what you keep",
                                      "not unsubscribing, just wondering how you use my email",
                                      "no complaint, just curious where my data is stored"])
def test_just_asking_what_asks(assistant, question):
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question, kind", [
    ("asking you to delete my account", "deletion"), ("i am asking you to delete my data", "deletion"),
    ("just asking what you keep, and delete it after", "deletion"),
])
def test_asking_to_act_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# "I don't want to delete my account(,) just my phone number": the deed is wanted, done to another thing
@pytest.mark.parametrize("question", ["I don't want to delete my account just my phone number",
                                      "I don't want to delete my account, just my phone number",
                                      "i dont want to remove my profile, only my old email id"])
def test_not_this_just_that_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


@pytest.mark.parametrize("question", [
    "I don't want my account deleted, just paused", "I don't want to delete my account, just my curiosity",
    "I'm not asking you to delete anything, just tell me what you collect",
    "I don't want to delete my account, just know my data is safe", "I don't want to unsubscribe just my opinion",
])
def test_not_this_just_something_else_still_no_deletion(assistant, question):
    assert assistant.answer(question).handoff != "deletion"


# "... or not/nah/no" after "<subject> <modal> <verb>" asks whether (the narrowing review 15b suggested)
@pytest.mark.parametrize("question", ["my 12yo bro can sign up or nah", "my 10 year old can make an account or nah",
                                      "my kid can join or no", "my son is 11, he can use the app or not"])
def test_subject_modal_verb_or_not_asks(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and reply.offer == "child_data"


@pytest.mark.parametrize("question, kind", [
    ("my son is 10 and has an account delete it or nah", "child_data"),
    ("you will delete my data or not", "deletion"),
    ("I have a complaint, is anyone going to listen or not", "grievance"),
    ("my daughter is 9 and made an account without my permission will you delete it or not", "child_data"),
    ("you will give me my data or not", "access"), ("you will correct my name or not", "correction"),
    ("my 12yo has an account can u remove it or nah", "child_data"),
    ("my kid is 10 on ur app rn pls remove or nah", "child_data"),
    ("my son is 10 and has an account whether you allow it or not", "child_data"),
    ("you are going to delete my account or not", "deletion"), ("you will unsubscribe me or not", "marketing_opt_out"),
    ("I want to unsubscribe can you do that or not", "marketing_opt_out"),
    ("my email is wrong can you fix it or not", "correction"), ("delete it or nah", "deletion"),
    ("my student is 11 and has an account, you will remove it or not", "child_data"),
    ("my 12 yo sister can delete her account or not", "child_data"),
    ("my daughter 9 yrs will be deleted or not", "child_data"),
])
def test_requests_with_or_not_still_hand_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# A complaint about the product (delivery, a campaign, an OTP, a refund) is no grievance about data, and "my" before
# the product word ("from my campaign report") names no thing of the visitor's
@pytest.mark.parametrize("question", [
    "i want to complain about slow delivery of my campaign", "i want to complain about my otp not delivered",
    "delete the failed messages from my campaign report", "dlt my account deactivated", "my account deactivated",
    "my account got deactivated why",
])
def test_product_complaints_and_states_hand_nothing_off(assistant, question):
    assert assistant.answer(question).handoff is None


@pytest.mark.parametrize("question, kind", [
    ("I want to file a complaint about how you handled my data", "grievance"),
    ("I want to complain that you used my contacts for a campaign", "grievance"),
    ("i want to complain, you leaked my number in your sms campaign", "grievance"),
    ("complaint about how my data was used in a campaign", "grievance"),
    ("my account deactivated without notice, I want to complain", "grievance"),
    ("delete my campaign data and my account", "deletion"),
    ("delete all my data including my campaign reports", "deletion"),
    ("delete my contacts from my campaign", "deletion"),
    ("remove me from your marketing campaigns", "marketing_opt_out"),
    ("my account deactivated pls", "deletion"), ("kindly get my account deactivated", "deletion"),
    ("I want my account deactivated", "deletion"), ("deactivate my account", "deletion"),
])
def test_requests_beside_product_words_still_hand_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# "dlt" beside a word of message delivery is DLT registration (a sender's messages not delivering), never a deletion
@pytest.mark.parametrize("question", ["dlt my account pls, messages not delivering", "dlt my account, sms not delivered",
                                      "dlt my number, delivery failing"])
def test_dlt_beside_delivery_is_no_deletion(assistant, question):
    assert assistant.answer(question).handoff != "deletion"


@pytest.mark.parametrize("question", ["dlt my acc pls", "pls dlt my accnt asap, dont want ur service",
                                      "dlt my account pls, i am leaving", "dlt all my chats and my account pls"])
def test_dlt_my_things_still_deletes(assistant, question):
    assert assistant.answer(question).handoff == "deletion"


# "How are you?" in any words is small talk; a question that starts the same way is answered
@pytest.mark.parametrize("question", ["how are you", "how r u", "how's your day going", "hows it going",
                                      "how are you doing today", "how is your day", "how are things"])
def test_how_are_you_is_small_talk(assistant, question):
    assert assistant.answer(question).kind == "smalltalk"


@pytest.mark.parametrize("question", ["how is my data going to be used", "how are you using my data",
                                      "how's it going, do you sell my data", "how are you doing with my data"])
def test_how_questions_are_still_answered(assistant, question):
    assert assistant.answer(question).answered


# Gap topics written as topics: who heads data protection (the DPO topic), how staff are hired and checked, which
# companies serve us by name, listening through the microphone, what other users see, who owns what is uploaded
@pytest.mark.parametrize("question", [
    "who is the head of data protection", "who is in charge of data protection at your company",
    "do you do background checks on employees", "are staff police verified before hiring",
    "which cloud provider do you use", "which payment gateway do you use", "does it listen to my conversations",
    "is the app eavesdropping on me", "will my buddies know where i am", "can my friends see my messages",
    "can i hide my email address", "will my results be posted on the app", "do they get any rights to my images",
    "who owns the content i upload, is it copyright to you",
])
def test_topics_the_policy_does_not_cover_decline(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question", [
    "does the app need access to my location", "what access do i have to my data", "can I request access to my data",
    "how do you protect my data", "who is responsible for my data", "do you use cloud providers",
    "who are your service providers", "are your vendors vetted", "what rights do i have over my data",
    "do you sell my photos", "how do i hide my number from spam callers",
])
def test_questions_beside_those_topics_are_still_answered(assistant, question):
    assert assistant.answer(question).answered


# A clause that says a request is not being made is not what the message asks, when a later clause asks
def test_a_denied_request_is_not_what_is_asked(assistant):
    reply = assistant.answer("I don't want to delete my account, I just want to know where my data is stored")
    assert reply.answered and reply.clause.section == "10"


@pytest.mark.parametrize("question", [
    "I can't delete my account, how do I do it?", "I'm not able to delete my account, how do i do it",
    "I didn't delete my account, why is it gone?", "my data was not deleted, what do i do now",
    "i cannot unsubscribe, what should i do",
])
def test_an_inability_or_a_past_deed_is_still_what_is_asked(assistant, question):
    from app.engine.text import analyse

    query = analyse(question)
    assert query.asked == query.words or any(w.startswith(("delet", "unsub")) for w in query.asked)


# Slang and text-speak: data leaving a country is a transfer; a closing "right?" is a tag, not a right; "sel" is "sell";
# the people who answer privacy questions, in everyday words, are the company's contact
@pytest.mark.parametrize("question, section", [
    ("fr tho does my data leave india", "10"), ("does my data ever leave india", "10"),
    ("cookies r optional right??", "7"), ("you don't sell my data, right?", "4"), ("do u sel my personel detials", "4"),
    ("wanna reach ur privacy ppl, whats the number", "12"), ("how can i reach your privacy team", "12"),
])
def test_slang_reaches_its_section(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


@pytest.mark.parametrize("question, section", [
    ("will my data be deleted if i leave india", "6"), ("is that my right?", "6"), ("do I have the right?", "6"),
    ("does your privacy team read my data", "5"),
])
def test_those_words_elsewhere_do_not_move(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


def test_reaching_users_is_no_company_question(assistant):
    assert assistant.answer("can advertisers reach your users through my data").reason != "company"


def test_the_typed_text_is_kept(assistant):
    from app.engine.text import analyse

    assert analyse("cookies r optional right??").text == "cookies r optional right??"


# Taken off a newsletter or promotions like off a list: an opt-out, not a deletion
@pytest.mark.parametrize("question", ["remove my email from your newsletter", "remove me from your newsletter",
                                      "delete my email from your newsletter", "plz remov my emial from ur newsleter"])
def test_off_the_newsletter_is_an_opt_out(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out"


@pytest.mark.parametrize("question, kind", [
    ("remove my email from your system", "deletion"), ("remove my account", "deletion"),
    ("remove my details from your servers", "deletion"),
    ("remove my number from marketing calls and delete my account", "deletion"),
])
def test_other_removals_stay_deletions(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


def test_a_product_newsletter_is_no_opt_out(assistant):
    assert assistant.answer("remove my logo from the newsletter template").handoff != "marketing_opt_out"


# What we have built or compiled on the visitor, in everyday words, is what access gives
@pytest.mark.parametrize("question", ["show me the full file you've built up on me",
                                      "send me the dossier you have on me"])
def test_the_file_built_on_me_is_access(assistant, question):
    assert assistant.answer(question).handoff == "access"


@pytest.mark.parametrize("question, kind", [
    ("delete everything you've collected on me", "deletion"), ("erase all the data you gathered on me", "deletion"),
    ("correct the wrong details you've got on me", "correction"),
    # An objection, as the tables hold "stop using my info for analytics"; the section model taught the read tables
    # hands it off to that form (session 35). It was None here, and never access.
    ("stop using the data you collected on me for ads", "objection"),
    ("the otp you got on me is wrong", None), ("delete the file on me", None),
])
def test_other_things_on_me_are_not_access(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


# Whether something is secure, or sent securely, asks about security, not for a detail of the company's
@pytest.mark.parametrize("question", ["when i transmit my hold mail address, is the connection secure?",
                                      "can i securely email you my documents"])
def test_secure_asks_about_security(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "5"


@pytest.mark.parametrize("question", ["what is your email address", "what is your office address",
                                      "what is your phone number"])
def test_our_details_are_still_company_questions(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "12"


# Who sees the visitor's data "at your company", "on ur end" is the company's own people: its security (section 5)
@pytest.mark.parametrize("question", ["who sees my data at your company", "yo whos got access to my chats on ur end",
                                      "can anyone at your company see my data",
                                      "who at your office can access my data"])
def test_who_sees_at_your_end_is_security(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "5"


@pytest.mark.parametrize("question", ["can i see my data at your end", "can I access my data from your end"])
def test_the_visitor_seeing_at_your_end_is_access(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "6" and reply.offer == "access"


# The service watching the visitor ("will this app spy on me", "is this site monitored") asks what is collected
@pytest.mark.parametrize("question", ["will this app spy on me", "is the app spying on me", "is this site monitored?"])
def test_the_service_watching_me_is_collection(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "2"


@pytest.mark.parametrize("question, section", [
    ("do cookies spy on me", "7"), ("do third parties spy on me", "4"), ("do your partners spy on me", "4"),
    ("is the government spying on me through your app", "4"), ("is the site monitored for security threats", "5"),
    ("will you monitor my kids", "9"),
])
def test_others_watching_or_watching_for_a_purpose_is_not_collection(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


# Whether delivery is guaranteed, and its time or speed, is the product (the policy's security note says no method is
# 100% secure, which answers nothing about delivery); the security of data in delivery is still section 5
@pytest.mark.parametrize("question", ["is sms delivery guaranteed", "is delivery guaranteed",
                                      "whether you offer whatsapp api", "what is the delivery time for otp"])
def test_delivery_guarantees_are_the_product(assistant, question):
    assert not assistant.answer(question).answered


@pytest.mark.parametrize("question", ["is message delivery secure", "are messages encrypted during delivery",
                                      "can you guarantee my data is safe"])
def test_security_in_delivery_is_still_answered(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "5"


# Another company's policy, said with "'s" ("whatsapp's privacy policy"), asks whose rules apply: section 8
@pytest.mark.parametrize("question", ["does whatsapp's privacy policy apply when I use it through you",
                                      "does google's privacy policy apply when I log in with google"])
def test_anothers_policy_is_third_party_services(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "8"


@pytest.mark.parametrize("question", ["does the company's privacy policy apply to the app",
                                      "is this policy applicable for the mobile app", "what is this policy about"])
def test_this_policy_is_still_the_introduction(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "1"


# A verb of telling before what is to be told ("tell me what you collect") is the asking, not a topic: section 11's
# phrasing "will you tell me if the policy changes" no longer comes first; "tell me if ..." keeps it
@pytest.mark.parametrize("question, section", [
    ("tell me what you collect", "2"), ("just tell me what you collect", "2"), ("describe what you collect", "2"),
    ("tell me which cookies you use", "7"), ("will you tell me if the policy changes", "11"),
    ("Do the needful and tell me if you will inform before modifying the policy", "11"),
])
def test_telling_verbs_before_a_question_word_carry_no_topic(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


# Who the company is, in everyday words, is answered from the contact section, which names it
@pytest.mark.parametrize("question", ["what is the name of the company running this", "which company is behind this app",
                                      "who developed this app", "whats the name of your company"])
def test_who_the_company_is(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section in ("1", "12")


@pytest.mark.parametrize("question, section", [("do you collect my company name", "2"),
                                               ("what is the name of the company you share my data with", "4")])
def test_a_company_name_with_a_practice_is_no_company_question(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.reason != "company" and (not reply.answered or reply.clause.section == section)
