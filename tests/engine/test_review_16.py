"""The reviews of rounds 16 and 17 (review16.md: main against quality16; review17.md: q16m against quality17): the
reviewers' wordings, those fixed after the reviews and those that must not change, grouped by kind.

Each expected outcome is "H:<request type>" (handed off), "S<section>" (answered from that section, any offer),
"S<section>+<offer>" (answered with that form offered) or "NO" (the assistant abstains)."""

import pytest


def outcome(reply) -> str:
    if reply.handoff:
        return f"H:{reply.handoff}"
    if reply.answered:
        return f"S{reply.clause.section}" + (f"+{reply.offer}" if reply.offer else "")
    return "NO"


def check(assistant, question, expected):
    got = outcome(assistant.answer(question))
    if expected.startswith("S") and "+" not in expected:
        got = got.split("+")[0]
    assert got == expected, question


# ---- review 17, A: false handoffs --------------------------------------------------------------------------------

# A1. "yeet" is "delete" only with the visitor's data or account: the product's things are no deletion
@pytest.mark.parametrize("question, expected", [
    ("yeet my sender id", "NO"), ("yeet this sender id", "NO"), ("yeet my api key", "NO"), ("yeet my invoice", "NO"),
    ("yeet the failed messages from my report", "NO"), ("yeet my old templates pls", "NO"),
    ("i'm gonna yeet your app", "NO"),
    ("yeet my contact list", "NO"),  # the visitor's own contact list is the product's (round 18; was H:marketing_opt_out)
    ("pls yeet my old email and put the new one", "H:correction"), ("yeet my old email, here is my new one", "H:correction"),
    ("yeeted my account by mistake, can I recover it", "S6"),
])
def test_yeet_of_product_things_is_no_deletion(assistant, question, expected):
    check(assistant, question, expected)


@pytest.mark.parametrize("question, expected", [
    ("pls yeet all my info from ur servers", "H:deletion"), ("yeet my data pls", "H:deletion"),
    ("yeet my account", "H:deletion"), ("can u yeet my data", "H:deletion"),
    ("yeet my whole account and all my data", "H:deletion"), ("yeet my number from ur list", "H:marketing_opt_out"),
    ("do u yeet my data when i leave", "S6+deletion"),
])
def test_yeet_of_the_visitors_data_still_hands_off(assistant, question, expected):
    check(assistant, question, expected)


# A2. A complaint told beside "who do I complain to" must be about the visitor's data or a request of theirs
@pytest.mark.parametrize("question", [
    "who do I complain to, your support ignored my ticket", "who do I complain to, your team ignored my email",
    "who do i complain to, my otp is not coming", "who do I complain to, your team mishandled my refund",
    "who do I complain to, your billing team overcharged me", "who do I complain to", "who do I complain to, the dashboard is down",
    "who do I complain to, your app is slow", "whom to complain, DLT registration failed",
])
def test_support_complaints_are_no_grievance(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "who do I complain to, your team mishandled my data", "who do i complain to, you leaked my number",
    "whom should i complain to, you leaked my number", "who do i complain to? my data was mishandled",
    "who do I complain to, your team leaked my data", "who do I complain to, your team misused my data",
    "who do i complain to, your team ignored my deletion request",
])
def test_data_complaints_told_still_hand_off(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


# A3. "do it now" after a question that asks to be told makes no request
@pytest.mark.parametrize("question, expected", [
    ("tell me what you collect, do it now", "S2"), ("explain how you use cookies, do it now", "S7"),
    ("tell me who you share data with, do it now", "S4"), ("tell me what you know about me, do it now", "S6+access"),
    ("answer my question, do it now", "S12"), ("do it", "NO"),
])
def test_do_it_after_a_telling_question_is_no_request(assistant, question, expected):
    check(assistant, question, expected)


@pytest.mark.parametrize("question, expected", [
    ("if you can delete data, do it", "H:deletion"), ("you said you would delete it, do it", "H:deletion"),
    ("my friend said I can ask you to erase data, please do it", "H:deletion"),
    ("I heard I can ask you to delete my data, please do it", "H:deletion"),
    ("can you delete my data? do it now", "H:deletion"), ("delete my data, do it now", "H:deletion"),
    ("will you delete my account? please do it", "H:deletion"),
])
def test_do_it_after_a_request_still_hands_off(assistant, question, expected):
    check(assistant, question, expected)


# ---- review 17, B: gap topics, product questions, wrong clauses ---------------------------------------------------

# B1. The new gap topics do not override what the policy answers
@pytest.mark.parametrize("question, expected", [
    ("is my data in your data center encrypted", "S5"), ("is data in your data centres encrypted at rest", "S5"),
    ("is your data center secure", "S5"), ("who can access your data centre", "S4"),
    ("when I delete my account is it removed from the data center too", "S6+deletion"),
    ("do you delete my data from your data centres when I close my account", "S6+deletion"),
    ("do you keep my data in a data centre after I delete my account", "S6+deletion"),
    ("how do you handle my data end to end", "S5"), ("your end to end process for deleting data", "S6"),
    ("do you protect my data end to end", "S5"), ("I want to see the content of my account data", "S6"),
    ("can I read the contents of my data before deleting it", "S6"), ("how do I read the content of my data export", "S6"),
    ("do you sell data to amazon web services", "S4"), ("do you share my data with google cloud", "S4"),
    ("is my data stored in a data centre outside India", "S10"), ("do you have a data centre in India", "S4"),
    ("is my data encrypted", "S5"),
])
def test_covered_questions_near_the_new_gap_topics_are_answered(assistant, question, expected):
    check(assistant, question, expected)


@pytest.mark.parametrize("question", [
    "which data center hosts my data", "which cloud company hosts my data", "do you store data on aws",
    "who holds the encryption keys", "in which city are your servers", "is my data on google cloud",
    "do you use end to end encryption", "do you use AES-256", "are my messages end to end encrypted like signal",
    "is my data stored in a data centre in mumbai", "can your staff read the content of my messages",
    "do your employees read the contents of my sms", "does anyone at your company look at the content of my messages",
    "are your sms delivered end to end", "end to end delivery time for sms", "which data centre do you send sms from",
    "do you have data centres", "is my data encrypted end to end", "is my data e2e encrypted",
    "do you encrypt my data with aes 256",
])
def test_the_gap_topics_still_decline(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None, question


@pytest.mark.parametrize("question", [
    "I want my data deleted end to end, including backups", "delete my data from your data centre",
    "remove my data from aws",
])
def test_deletions_near_the_gap_topics_hand_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# B2. "NRI" alone is not read "living abroad": NRI product questions are not answered from section 10
@pytest.mark.parametrize("question", [
    "NRI bulk sms rates", "do you send OTP to NRI numbers", "can NRIs use the service", "does the service work for NRIs",
    "I'm an NRI", "what is the price for nri customers", "are nri customers eligible for the free trial",
    "NRI customers KYC documents",
])
def test_nri_product_questions_are_not_answered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None, question


def test_nri_customers_abroad_is_section_10(assistant):
    check(assistant, "Same policy is applicable for NRI customers staying abroad also?", "S10")


# B3. Company phrases: calling or posting about the product is not our phone line or address
@pytest.mark.parametrize("question", [
    "will your bot call a person if the otp fails", "can your platform call a person with a voice OTP",
    "I want to call someone regarding my sms delivery", "can I call someone about my invoice",
    "how do I post letters to my customers with your service", "I want to post a letter to my customers via your api",
])
def test_product_calls_and_letters_are_not_our_contact_details(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None, question


@pytest.mark.parametrize("question", [
    "can I call someone about my data", "can I post a letter to you", "can I courier documents to you",
    "I prefer sending letters, where do I post one to you", "I want to call you regarding my sms delivery",
])
def test_our_phone_and_address_still_answer(assistant, question):
    check(assistant, question, "S12")


# B4 and C3. Wrong clauses and lost handoffs of the text-speak readings
@pytest.mark.parametrize("question, expected", [
    ("mera email kahan use hota hai batao", "S3"), ("mera email kahan use hota hai, batao", "S3"),
    ("mera email kahan use hota hai", "S3"), ("mera number kahan kahan use hota hai batao", "S3"),
    ("mera data kahan use hota hai, batao please", "S3"), ("what do you collect, tell me pls", "S2"),
    ("I got an intimation about a data breach, is it true", "NO"),
    ("please intimate me what data you hold", "H:access"),
    # the status of a request already made is asked: the reply time, not a second deletion form (session 44)
    ("please intimate me about the status of my deletion request", "S12"),
    ("Please intimate me whenever the policy is getting updated", "S11"),
    ("Kindly intimate me if any changes are done in the privacy policy", "S11"),
    ("delete my data and intimate me once deletion is done", "H:deletion"),
    ("do you store my intimate chats", "S2"), ("intimate photos", "NO"),
    ("smh you guys spam me so much", "H:marketing_opt_out"), ("y do u even need my phone no smh", "S3"),
    ("wht all u store abt me tho", "S2"), ("what do you collect tho", "S2"),
])
def test_text_speak_readings_after_the_review(assistant, question, expected):
    check(assistant, question, expected)


# ---- review 17, C: child reports ------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "I don't want to close my account, but my son is 11 and has his own, what can I do?",
    "I don't want to cancel my account, but my son is 10 and has one, what should I do?",
    "I don't want to delete my account, my son is 9 and uses it, what do I do?",
    "I don't want my account deleted, my daughter is 9 and signed up, what now?",
    "I'm not asking you to delete my data. My daughter is 7 and has an account. What should I do?",
    "I don't want to cancel my account, but my son is 10 and has one, please remove his",
    "not asking to delete my account, my 10 year old has one, what should I do",
    "my son is 11, he signed up, what can I do?",
    "I'm a minor", "I'm a seventh grader", "im a 12 year old", "I'm a kid, delete my account", "I'm a teen, is my data safe",
    "I'm a parent, my kid made an account, delete it", "I'm a high school student",
])
def test_child_reports_hand_off(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


@pytest.mark.parametrize("question, expected", [
    ("I'm a parent, is your platform meant for kids", "S9+child_data"), ("my son is 10, can he use your app?", "S9"),
    ("my son is 10, what can I do on your app", "S9"), ("my son is 10, how do I delete my account?", "S9"),
    ("I'm a student, do you collect my data", "S9"), ("I am a teacher", "NO"), ("I'm a parent", "NO"),
])
def test_child_questions_are_no_report(assistant, question, expected):
    check(assistant, question, expected)


# ---- review 17, D: improvements that must hold ---------------------------------------------------------------------

@pytest.mark.parametrize("question, expected", [
    ("I don't want my account deleted, just tell me what you collect", "S2"),
    ("I won't ask you to delete my data, but what do you do with it", "S3"),
    ("my friend said I can ask you to erase data, is that true", "S6+deletion"),
    ("I don't want to close my account, just tell me who sees my data", "S4"),
    ("im not deleting anything, just asking what you keep", "S2"),
    ("I'm not unsubscribing, just asking how you use my email", "S3"),
    ("give me a contact email for privacy stuff", "S12"), ("how do I control what emails you send me", "S6"),
    ("why do I get these emails", "S3"), ("give me a copy of my data", "H:portability"),
    ("how is my phone number used", "S3"), ("mera number kahan use hota hai", "S3"),
])
def test_round_17_improvements_hold(assistant, question, expected):
    check(assistant, question, expected)


# ---- review 16 (main against quality16) ------------------------------------------------------------------------------

# "I don't want to X my account, just my Y": Y must be one of the visitor's personal details, not the product's, a
# payment's, another person's or a second account
@pytest.mark.parametrize("question", [
    "I don't want to cancel my account just my order", "I don't want to cancel my account, just my plan",
    "I don't want to change my email, just my password", "I don't want to change my number, just my sender name",
    "I don't want to close my account, just my free trial", "I don't want to close my account, just my subscription",
    "I don't want to close my account, just my wallet",         "I don't want to delete my account just the app",
    "I don't want to delete my account just the whatsapp integration", "I don't want to delete my account, just my api key",
    "I don't want to delete my account, just my campaign", "I don't want to delete my account, just my employee's login",
    "I don't want to delete my account, just my old campaigns",     "I don't want to delete my account, just my sender id",     "I don't want to delete my account, just the app from my phone",
    "I don't want to delete my account, only my password reset link", "I don't want to delete my account, only the extra users",
    "I don't want to delete my number, just my whatsapp business profile",     "I don't want to remove my account, just my team member", "I don't want to remove my number, just my old template",
    "I don't want to remove my number, just my wife's number", "I don't want to update my profile, just my plan",
    "we don't want to delete our account, only our test numbers",
    "we dont want to close our account, only our old sender ids",
])
def test_not_this_just_a_product_thing_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, kind", [
    ("I don't want to delete my account, just my phone number", "deletion"),
    ("I don't want to delete my account. Just my phone number", "deletion"),
    ("i dont want to remove my profile, only my old email id", "deletion"),
    ("I don't want to delete my profile, just my profile picture", "deletion"),
    ("I don't want to delete my whole account, only my chat history", "deletion"),
    ("I don't want to remove my profile, only my address", "deletion"),
    ("I don't want to change my name, just my email address", "correction"),
    ("I do not want to close my account, only my old number", "deletion"),
    ("I don't want my account deleted, just my phone number removed", "deletion"),
    ("I don't want to close my account, only my second account", "deletion"),
    ("I don't want to delete my account just my bank details", "deletion"),
    ("I don't want to delete my account just my card details", "deletion"),
    ("I don't want to delete my account just my credit card", "deletion"),
    ("I don't want to delete my account, just my payment method", "deletion"),
    ("I don't want to delete my account, just my whatsapp number", "deletion"),
    ("I don't want to delete the app, just my account", "deletion"),
    ("i dont wanna delete my account just my contacts", "deletion"),
])
def test_not_this_just_my_detail_still_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# What we built on the visitor, told to be deleted, is no access request
@pytest.mark.parametrize("question", ["delete the dossier you built on me", "erase the file you've built up on me"])
def test_deleting_the_file_built_on_me_is_no_access_request(assistant, question):
    assert assistant.answer(question).handoff != "access", question


@pytest.mark.parametrize("question", ["send me the full file you've built up on me", "show me the dossier you have on me"])
def test_the_file_built_on_me_asked_for_is_access(assistant, question):
    assert assistant.answer(question).handoff == "access", question


@pytest.mark.parametrize("question, kind", [
    ("the profile you built on me is wrong, fix it", "correction"),
    ("the file you built up on me is wrong, correct it", "correction"),
])
def test_the_file_built_on_me_said_wrong_is_a_correction(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


# C1. "<topic>'s policy" is this policy; another company's is section 8
@pytest.mark.parametrize("question, expected", [
    ("what is your children's privacy policy?", "S9+child_data"), ("what's your children's data policy", "S9+child_data"),
    ("what is the children's policy", "S9+child_data"), ("what is your kid's policy", "S9+child_data"),
    ("what's the minor's policy", "S9+child_data"),
    ("what is the children's data policy, my son is 10 and has an account", "S9+child_data"),
    # Our own policy asked about by our name: its introduction (section 1), which the section model is sure of,
    # before Contact Us (4 Dec 2026, MODEL_STRONG)
    ("what is your cookie's policy", "S7"), ("what is bluemessaggio's privacy policy", "S1"),
    # ("what are india's data rules" is answered from section 10 since the section model: a cost listed in
    # bench/HISTORY.md)
    ("does whatsapp's privacy policy apply when I use it through you", "S8"), ("google's rules", "S8"),
    ("does the company's privacy policy apply", "S1"),
])
def test_whose_policy(assistant, question, expected):
    check(assistant, question, expected)


# C2. "deactivated" asked done, or told as what happened
@pytest.mark.parametrize("question", [
    "my account deactivated asap, I don't want it anymore", "my account deactivated immediately", "my account deactivated now",
    "make my account deactivated", "mera account deactivated kar do", "mera account deactivated karwa do",
    "account deactivated karo", "my profile deactivated right now, i'm done", "my account deactivated, thanks",
    "my account deactivated today itself, dont want ur spam", "my account deactivated pls", "I need my account deactivated now",
    "i want my account deactivated",
])
def test_deactivated_asked_done_hands_off(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


@pytest.mark.parametrize("question", [
    "my account deactivated without notice", "my account deactivated suddenly", "my account got deactivated without notice",
    "my number deactivated by operator", "my sender id deactivated", "dlt my account deactivated", "my account deactivated",
    "my account got deactivated why", "my account got deactivated now, what do I do",
    "my account deactivated today without any reason", "my account was deactivated immediately after signup",
    "my account deactivated without notice, I don't want this", "my account deactivated now, why?",
])
def test_deactivated_told_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# C3. A complaint that data was shared, leaked, read or used without consent is a grievance, product words or not
@pytest.mark.parametrize("question", [
    "I want to complain about my otp being shared with third parties", "I want to complain that my otp was read by your staff",
    "I want to complain about my refund, and also you shared my data without consent",
    "I want to complain that you used my contacts for a campaign",
])
def test_data_complaints_with_product_words_are_grievances(assistant, question):
    assert assistant.answer(question).handoff == "grievance", question


@pytest.mark.parametrize("question", [
    "I have a complaint about the delay in my refund", "I want to complain about my campaign failing",
    "i want to complain about slow delivery of my campaign", "I want to complain that my otp is not delivered",
    "I'm complaining about poor delivery rates",
])
def test_product_complaints_are_no_grievance(assistant, question):
    assert assistant.answer(question).handoff is None, question


# C4. "dlt" from a visitor who is leaving, or of their data, deletes; beside a delivery problem alone it is DLT
@pytest.mark.parametrize("question", [
    "dlt my data, ur delivery sucks", "pls dlt my data, ur delivery is terrible, i'm leaving",
    "dlt my account, i'm tired of undelivered messages and your useless service",
    "dlt my account, never got a single message delivered, waste of money, bye",
    "plz dlt my acc, too many undelivered msgs, switching provider", "dlt my acc pls",
    "dlt my acc pls, delivery reports are wrong anyway, dont need u",
    "pls dlt my accnt asap, dont want ur service", "dlt my account pls, i am leaving",
])
def test_dlt_from_a_leaving_visitor_deletes(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


@pytest.mark.parametrize("question", [
    "dlt my account pls, messages not delivering", "dlt my number, delivery failing", "dlt my account, delivery is failing",
    "dlt my template, delivery failing, i'm tired",
])
def test_dlt_beside_a_delivery_problem_is_dlt(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered, question


# C5. "who all can see my child's data, she is 9" keeps the child's section
@pytest.mark.parametrize("question, expected", [
    ("who all can access my kid's data, he is 10", "S9+child_data"), ("who all can see my child's data, she is 9", "S9+child_data"),
    ("who all can access my son's account, he is 11", "S9+child_data"), ("whos got my kid's data", "S9+child_data"),
    ("who all can see my data", "S4"), ("whos got access to my data", "S4"),
])
def test_who_sees_a_childs_data(assistant, question, expected):
    check(assistant, question, expected)


# C6. "curious if you can <request>" asks it done; "just asking what you keep" asks
@pytest.mark.parametrize("question, kind", [
    ("Hi, just curious if you can delete my old messages, they have personal info", "deletion"),
    ("curious if u can send me all my data", "access"),
    ("curious if you can remove my number from your list", "marketing_opt_out"),
    ("wondering when you will delete my data like I asked", "deletion"),
    ("just asking what you keep, and delete it after", "deletion"),
])
def test_curious_if_you_can_do_it_hands_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


@pytest.mark.parametrize("question", [
    "im not deleting anything, just asking what you keep", "curious how you use my email",
    "just asking if you will sell my data", "just asking what the status of my deletion request is, I sent it a month ago",
])
def test_just_asking_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# C7. "... or not" with a passive or a complaint is no question
@pytest.mark.parametrize("question, kind", [
    ("my kid 10 can be taken off your app or not", "child_data"), ("my son 9 can be thrown off your app or not", "child_data"),
    ("my number can be taken off your list or not", "marketing_opt_out"), ("my grievance will be heard or not", "grievance"),
    ("my son is 10 and has an account delete it or nah", "child_data"), ("you will delete my data or not", "deletion"),
    ("I have a complaint, is anyone going to listen or not", "grievance"),
])
def test_or_not_demands_hand_off(assistant, question, kind):
    assert assistant.answer(question).handoff == kind, question


@pytest.mark.parametrize("question", [
    "my 12yo bro can sign up or nah", "my kid can join or no", "my son is 11, he can use the app or not",
    "my daughter can make an account or no", "my son can sign up or not", "my 14 year old can use the app or not",
])
def test_or_not_questions_are_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# C8 and B3. Company details
@pytest.mark.parametrize("question, expected", [
    ("what is your secure email address for sending documents?", "S12"), ("is my email secure with you", "S5"),
    ("the name of the company that got my data", "S2"), ("what is the name of the company running this", "S12"),
    ("whats the name of your company", "S12"), ("which company is behind this app", "S12"),
    ("the name of the company you share my data with", "S4"),
])
def test_company_details_after_review_16(assistant, question, expected):
    check(assistant, question, expected)


# "at your end" is the company's people, not someone of the visitor's. ("can my wife see my messages on your end",
# declined here before, is answered from section 5 since the section model may bring in a section it is all but
# certain of (MODEL_ALONE, 4 Dec 2026): a wording made worse, listed in bench/HISTORY.md.)
@pytest.mark.parametrize("question, expected", [
    ("can anyone at your end see my messages?", "S5"),
    ("yo whos got access to my chats on ur end", "S5"), ("can i see my data at your end", "S6+access"),
])
def test_at_your_end(assistant, question, expected):
    check(assistant, question, expected)
