"""Session 51, from four reviews of fresh wordings: questions as crowdworkers write them from an app's store page,
business customers' questions, shapes of question that trip keyword systems (tags, topics set aside, compound and
polite indirect questions) and Indian registers (formal letters, Hinglish, Marathi, Bengali and Tamil words). Each kind
is tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("question, section", [
    # Marathi, Bengali and Tamil words typed in Latin letters, as Hinglish is
    ("tumhi majha number kashasathi vaparta?", "3"),
    ("apnader office kothay?", "12"),
    ("pasanga indha app use pannalama?", "9"),
    ("majhi mahiti pardeshat jate ka?", "10"),
    ("neenga enna data collect panreenga?", "2"),
    # the passive of giving is sharing; "id" after "email" is no product
    ("mera data kisko diya jata hai?", "4"),
    ("mera email id marketing ke liye use hoga kya?", "3"),
    # the policy's own "trade", and data as a database
    ("do you trade customer databases", "4"),
    # a purpose named or asked with "what is the use of": the section on use, not its word's namesake
    ("what is the use of collecting my usage patterns?", "3"),
    ("is data used for detecting security threats?", "3"),
    ("is my data used to keep the platform secure from abuse", "3"),
    # who may reach the data, limited by us: access controls
    ("how do you limit who sees my information", "5"),
    # agreeing by using, with a product named
    ("by using your SMS API am I automatically agreeing to this policy?", "1"),
    ("isn't it illegal for you to change the policy without my permission?", "11"),
    # the visitor's own officer writing to us; transfers to India
    ("Which email should our DPO write to about privacy concerns?", "12"),
    ("our parent company asks whether transfers to India comply with data protection law", "10"),
    # a topic set aside before the question
    ("Setting aside international transfers, do you share anything with government agencies?", "4"),
    ("I know you use cookies, but what stops some random employee from reading my messages?", "5"),
    ("Never mind cookies, who gets my phone number?", "4"),
    # one practice asked beside one the policy does not cover
    ("what do you collect and how long do you keep it", "2"),
    # tags and "confirm" ask whether what was said is so
    ("the policy says you never share my info with anyone at all, correct?", "4"),
    ("you do let people unsubscribe from newsletters, don't you?", "6"),
    ("kindly confirm my data is not being sold to telemarketers", "4"),
    ("I'm not asking about cookies or security, I just want to know whether you give my data to advertisers", "4"),
    ("Other than the website, does this policy cover your mobile app?", "1"),
    # a greeting in Marathi before the question
    ("namaskar, majhi mahiti kashasathi vaparta?", "3"),
    # using or browsing taken as consent is agreeing to the policy
    ("is browsing your website taken as agreeing to the policy?", "1"),
    # sub-processors are service providers; "hack proof" is security
    ("do you share my data with your sub-processors", "4"),
    ("name the kinds of firms you share with", "4"),
    ("is your app hack proof", "5"),
])
def test_wordings_of_the_reviews_are_answered_from_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert top_section(reply) == section and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    ("can i delete my data if i delete the app", "6"),
    ("how do you send me notifications", "3"),
    ("is my data used by third parties", "4"),
    ("is my data used for marketing", "3"),
    ("what is the use of cookies", "7"),
    ("does your app record my screen?", "2"),
    ("who is your dpo", None),
    ("which country are you based in", "12"),
    ("are your servers in mumbai, and where is your office", "12"),
    ("a colleague mentioned the portability right at work today and I had no idea what it means", "6"),
    # the code review's: words of the new topics said of what the policy does answer
    ("can your staff read my emails sent through your platform?", "5"),
    ("will you send the policy update to my gmail?", "11"),
    ("my account manager keeps sending me promo emails, how do I stop them?", "6"),
    ("Is data stored in Mumbai shared with the government?", "4"),
    ("I have not opted in to any promos, so why am I getting them?", "6"),
    ("can i turn off location cookies", "7"),
    ("what happens to my data in a merger", "4"),
    # a set-aside clause the question points back to stays asked
    ("I know my kid is 11, but is she allowed to use your app?", "9"),
    ("I know you use cookies, but how exactly can I turn them off in Chrome?", "7"),
])
def test_the_wordings_beside_them_do_not_move(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


@pytest.mark.parametrize("message", [
    "does the app log my keystrokes",
    "can it read my notifications",
    "will the app read my emails in gmail",
    "if i delete the app is my data gone too",
    "can i get my account manager's number",
    "do you store data on servers in Mumbai?",
    "can i send whatsapp messages to people who have not opted in?",
    "my campaign sms keep getting marked as spam, why?",
    "which countries can you deliver sms to?",
    "Have they ever given user data to the government?",
    "Can I choose which country my data is stored in?",
    "Can we choose to host our data in an EU region?",
    "Can I turn off location tracking in the app?",
])
def test_topics_the_policy_does_not_cover_are_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message, intent", [
    ("en data va delete pannunga", "deletion"),
    ("marketing sms nako, band kara", "marketing_opt_out"),
    ("mera pura data export karke bhejo, dusre provider pe shift ho raha hoon", "portability"),
    ("I was wondering whether you could delete everything you have on me", "deletion"),
    ("my good name is wrongly mentioned as Suresh instead of Sureshkumar. Kindly do the needful.", "correction"),
    ("my number is wrong, correct it", "correction"),
    ("my cousin is 11 and made an account, please delete it", "child_data"),
    ("my little cousin made an account, remove it", "child_data"),
    ("my address is mistakenly recorded as Pune, it is Navi Mumbai", "correction"),
    # "confirm" with a deed promised asks it done
    ("Confirm you will stop all promotional messages to my number", "marketing_opt_out"),
    ("confirm you will delete my account", "deletion"),
])
def test_requests_in_these_registers_hand_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff and reply.intent == intent


@pytest.mark.parametrize("message", [
    "my cousin works in IT",  # a cousin of any age, no child named
    "please confirm you have deleted my data",  # asked whether it was done, not asked again
])
def test_these_are_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message", ["vanakkam", "namaskar", "gm", "super, thanks a lot",
                                     "thank you for the quick answer"])
def test_greetings_and_thanks_in_more_words_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_a_topic_set_aside_is_not_what_is_asked(assistant):
    query = assistant.analyse("Setting aside international transfers, do you share anything with government agencies?")
    assert "transfers" not in query.asked and "govern" in query.terms and "transfer" not in query.terms
    # with nothing else said after it, the clause stays
    assert assistant.analyse("I read the cookie part, but why?").set_aside == frozenset()
