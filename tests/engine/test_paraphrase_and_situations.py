"""Session 50, from four reviews of fresh wordings: questions as app users ask them ("do they ..."), questions told
through a situation, very short messages, and paraphrase that avoids the policy's words. "They" with nobody else named
is us; everyday words for selling, a takeover, the law, security testing and children are read; more topics are not
covered (retention when the visitor stops, an analytics company by kind, insurance, breach pings, India's data
protection act, a business that sends through us); greetings and thanks in more words are small talk. Each kind is
tested next to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("question, section", [
    # "they", "their" with nobody else named: the app the visitor asks about, that is us
    ("does the policy cover their website too", "1"),
    ("does this policy also apply to their sms service", "1"),
    ("can i control what emails they send me", "6"),
    # everyday words for selling, a takeover, the law's demands and security testing
    ("do you barter my details with other businesses", "4"),
    ("is my data ever leased out to advertisers", "4"),
    ("share with advertisers?", "4"),
    ("if a judge tells you to cough up my info, will you", "4"),
    ("would you rat me out to the tax people if they came asking", "4"),
    ("if a competitor swallows you up, do they get my stuff", "4"),
    ("do you get your systems checked for holes", "5"),
    # an age limit in other words, in English and in Hindi word order
    ("less than 13", "9"),
    ("13 saal se kam", "9"),
    ("13 saal se neeche", "9"),
    # websites outside ours
    ("bahar ki websites ka kya", "8"),
    # what is done with what the visitor told our team, no verb of reaching us
    ("When I send details to your support team about a failed campaign, what is that information used for?", "3"),
    # a parent is a person, not another company made to act
    ("Hypothetically, if a parent believed you had a child's information, what does the policy tell them to do?", "9"),
    # the policy's own names for its services are ours
    ("does your privacy policy cover your website and related applications, or just the messaging services?", "1"),
    # not agreeing with the terms, as "not okay" is
    ("i don't like your terms, what can i do", "1"),
    # the company's hours in other words
    ("what time do your people clock off", "12"),
    # where the servers are, with no verb of keeping: the cloud hosting of section 4, not section 2's server logs
    ("where are their servers", "4"),
    # what a site leaves in the browser, in other words
    ("what kinds of browser crumbs does your website leave", "7"),
])
def test_everyday_wordings_are_answered_from_their_section(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


@pytest.mark.parametrize("question, section", [
    # the rights, the sharing and reaching us stay as they were
    ("can i delete my data when i stop using it", "6"),
    ("can i get u guys to delete my data if i stop using ur service?", "6"),
    ("what rights do i have under data protection law", "6"),
    ("do you share my bank details for payment with anyone", "4"),
    ("my company uses your platform for otp sms, do you share our data", "4"),
    ("how do I contact your support team to delete my backups", "12"),
    ("are third party apps covered by this policy", "8"),
    ("if I log in with google do their privacy rules apply", "8"),
    ("thanks, my question is about cookies", "7"),
    ("where do you keep server logs", "2"),
    ("whr r ur servers lol, outside india?", "10"),
    ("do you store my browser history", "2"),
    ("do you include ads based on my data", "7"),
])
def test_the_wordings_beside_them_do_not_move(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


@pytest.mark.parametrize("message", [
    "do they delete my data when i stop using the app",
    "will you keep my number once i stop using the service",
    "which analytics company do they use",
    "is my data covered by some insurance",
    "will you ping me if hackers break in",
    "do you play by india's new data protection act",
    "someone texted me through your platform, how did they get my number",
    "I keep getting promo SMS from a furniture shop that uses your platform. How do I stop that shop's messages?",
    "bank details for payment",
    "do they include ads, including potentially malicious ones?",
])
def test_topics_the_policy_does_not_cover_are_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


@pytest.mark.parametrize("message", [
    # "phone ... you" and "number ... your" said words apart are not our phone line
    "does this also cover the phone apps you make",
    "We use Zapier to push leads into your SMS API. If Zapier mishandles the numbers, is that your responsibility?",
])
def test_words_apart_do_not_ask_for_our_phone(assistant, message):
    assert assistant.answer(message).reason != "company"


@pytest.mark.parametrize("message", ["is this number yours", "is the number 9820011111 yours?", "can i call you guys",
                                     "can i call one of you to talk about my data"])
def test_our_phone_is_still_asked_for(assistant, message):
    reply = assistant.answer(message)
    assert reply.reason == "company" and top_section(reply) == "12"


@pytest.mark.parametrize("message", [
    "thanks, that answered my question",
    "good morning! just checking if this chat works",
    "haha nice, you're quick",
    "hi, just testing",
])
def test_more_greetings_and_thanks_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


def test_raising_a_complaint_hands_off_as_a_grievance(assistant):
    reply = assistant.answer("raise a complaint")
    assert reply.handoff and reply.intent == "grievance"


@pytest.mark.parametrize("message", ["file format for export?", "raise my sms limit"])
def test_a_file_or_a_limit_is_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


def test_the_models_read_they_as_us_only_with_nobody_else_named(assistant):
    def read(message):
        return assistant.model_words(assistant.analyse(message))

    assert read("do they know my internet address")[:2] == ["do", "you"]
    assert "they" in read("my customers ask what they can do with their data")
    # "their" is as often "there" mistyped ("are their tiered options for security?")
    assert "their" in read("are their tiered options for security?")
    # "them" is as often the things named ("how do I stop them": the emails)
    assert "them" in read("I don't want your marketing emails, how do I stop them?")
