"""Session 52, from three reviews of fresh wordings: worried, sceptical and angry visitors; a sweep of every item the
policy lists, with near misses; and messages typed in haste on a phone or dictated by voice. Each kind is tested next
to the wordings that must not change."""

import pytest

from tests.replies import declined_as_not_covered, top_section


@pytest.mark.parametrize("question, section", [
    # voice typing's homophones, where the real word cannot be meant
    ("weather you share my data with anyone", "4"),
    ("weather u share my data", "4"),
    # the company's words, not the visitor's: "info" is information, not "inform"
    ("who dose my info go to", "4"),
    # an outside company's app used through us; the European Union's countries by name
    ("im in germany how is my data protected wen transfered", "10"),
    # round the clock, and where a legal notice is served
    ("is ur support 24/7", "12"),
    ("where do I send a legal notice", "12"),
    # a small business's details
    ("I run a small shop in Pune. If I sign up will you know my shop's name and my role there?", "2"),
    # profiling for ads is targeted advertising
    ("are you profiling me for targeted ads", "7"),
    # a sale's price and a free-for-all are no price of ours
    ("how much did you get for selling my email address? must have been a nice payday", "4"),
    ("are there any safeguards when my data crosses borders or is it a free-for-all", "10"),
    # agreeing by a use named after "by"
    ("by opening the app do i accept how they use my info", "1"),
    # Hinglish "ye log" is "they", not log data
    ("ye log mera data kya karte hain", "3"),
    ("can someone break into my account", "5"),
    # a link to another site: what others do, not compensation
    ("if i click a link in their app to another site, are they liable", "8"),
    # plain words: a reason asked for, data scrambled, another nation, making the service better
    ("for what reason you take my number", "3"),
    ("is my data scrambled so hackers cant read it", "5"),
    ("do you send my data to america", "10"),
    ("will you make the service better with my data", "3"),
    # what is watched of the visitor is no question about our hours; whom to ask is ours
    ("which pages i open on your site do you watch", "2"),
    ("whom i ask about my data", "12"),
])
def test_wordings_of_the_reviews_are_answered_from_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert top_section(reply) == section and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    ("what's the weather today", None),
    ("what are your office timings", "12"),
    ("whom do i inform about a breach", "12"),
    ("do you track which pages i visit on your site", "2"),
    ("do you share my data with the police", "4"),
    ("what happens to my data if you are bought by another company", "4"),
    ("is my data stored securely", "5"),
    ("do you use my data for profiling", None),
    ("i'm fine with you keeping my email", "2"),
    ("who checks my data for accuracy", "6"),
    ("do you store my card details", "2"),
    ("do you use cookies", "7"),
    ("do you make money by selling my voice recordings?", "4"),
    ("I saw cookies from your site, some say analytics, some marketing. is it fine if I switch off the marketing ones?",
     "7"),
    ("what time do you open on monday", "12"),
    ("why do you need my address", "3"),
])
def test_the_wordings_beside_them_do_not_move(assistant, question, section):
    assert top_section(assistant.answer(question)) == section


@pytest.mark.parametrize("message", [
    # a kind of data the policy never lists, asked in the passive or as the visitor's own
    "is my PAN card number stored",
    "Do you collect my browsing history from other websites?",
    "do you store voice recordings of me",
    # a detail the policy does not give about an item it lists
    "what are the names of your cloud and payment providers",
    "what helpdesk software do you use",
    "Are your security audits done by an external firm?",
    "Do you comply with COPPA?",
    # the company's money, fines, a plan left unpaid
    "wats ur companys revenue",
    "is there a fine if u leak my data",
    "wat happens to my data if i stop paying",
    "do you delete my card details after the payment goes through",
    "who checks that you actually follow this policy?",
    "are you liable if my data leaks",
    "how long do cookies last",
    "what happens when cookies expire",
    "what encryption algorithm do you use",
    "you will give me money for loss?",
    # what happened once, asked as a fact
    "did you share my data with the police last month?",
    "has blue messaggio ever been bought by another company",
    "what did you do after your last security incident",
])
def test_topics_the_policy_does_not_cover_are_declined(assistant, message):
    reply = assistant.answer(message)
    assert declined_as_not_covered(reply)


@pytest.mark.parametrize("message, intent", [
    # a complaint threatened if the request is not met: the request is what is asked
    ("mera saara data delete karo abhi ke abhi, warna complaint karunga", "deletion"),
    ("delete all my data now or I will file a complaint", "deletion"),
    # what is in our records, corrected
    ("update the email address in your records, the old one got hacked, and do it fast", "correction"),
    ("dont process my info any more", "objection"),
    # requests made only of statements still hand off, beside the stories that make none (below)
    ("my address is mistakenly recorded as Pune, it is Navi Mumbai", "correction"),
    ("My address is wrong in your records. Kindly do the needful.", "correction"),
    ("I no longer want your newsletters. They fill my inbox every day.", "marketing_opt_out"),
    ("My son is 11. He made an account on your app last week.", "child_data"),
    ("delete my number from ur database asap. also what cookies do u use?", "deletion"),
])
def test_requests_hand_off(assistant, message, intent):
    reply = assistant.answer(message)
    assert reply.handoff and reply.intent == intent


@pytest.mark.parametrize("message, intent", [
    # a complaint made, and a threat beside it
    ("I want to complain, nobody replied, delete my data or I will escalate", "grievance"),
    ("I want to file a complaint about how you handled my data", "grievance"),
])
def test_a_complaint_made_stays_a_grievance(assistant, message, intent):
    assert assistant.answer(message).intent == intent


def test_the_do_not_disturb_register_is_no_opt_out_of_ours(assistant):
    reply = assistant.answer("how do i get on DND so your clients stop messaging me")
    assert reply.handoff is None and reply.intent != "marketing_opt_out" and not reply.answered


@pytest.mark.parametrize("message", ["helo", "hiii", "hellooo there", "gud morning", "u there?", "are you there",
                                     "anyone there?", "ok fine. thanks i guess",
                                     "ok understood, thank you beta"])
def test_greetings_typed_in_haste_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message, collected", [
    ("is my pan card number stored", True),
    ("are our contacts kept", True),
    ("will you have my email id", True),
    ("do you know my shop's name", True),
    ("do you have an office in bangalore", False),
    ("how is my data stored", False),
])
def test_whether_a_thing_is_taken_at_all(assistant, message, collected):
    from app.engine.answering import asks_if_collected
    assert asks_if_collected(assistant.analyse(message)) is collected


@pytest.mark.parametrize("message, section", [
    ("doyousharemydata", "4"),
    ("howdoideletemyaccount", "6"),
    ("canideletemydata", "6"),
])
def test_a_run_of_words_typed_without_spaces_is_read_as_its_words(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


def test_a_long_real_word_is_not_cut_into_words(assistant):
    # "nevertheless" would cut into "never the less"; real words are never read as slips
    assert "never" not in assistant.analyse("nevertheless do you share my data").words


@pytest.mark.parametrize("message", [
    # a story only told, or told before a question, asks for no form (session 52's review of long messages)
    "I switched to your WhatsApp API last week from another provider. The setup took two days, mostly because of our "
    "own IT delays. Everything is running smoothly now.",
    "Our marketing team just launched a new cookie-based retargeting campaign on our own website. It's going well so "
    "far. The click rate doubled compared to last month.",
    "After reading about a big leak at another SMS vendor my boss panicked and called me twice at night. I need to give "
    "him a straight answer. Can you guarantee our data will never be breached?",
    # a son or daughter named as grown up
    "My daughter is starting college in the UK in September, and I'll be handling my shop's messaging alone from now. "
    "It's going to be a big change for both of us.",
])
def test_a_story_makes_no_request(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message", [
    "Thank you so much for the quick answer earlier about encryption. It cleared up everything my boss was worried "
    "about. Have a lovely evening!",
    "Good morning team. Hope you are all doing well today. Namaste from Jaipur.",
    "That's all I needed, thanks a lot. You have been very patient with all my questions. Take care!",
    "Okay, great, got it now. Thank you for explaining so nicely, much appreciated. Bye for now.",
])
def test_longer_greetings_and_thanks_are_small_talk(assistant, message):
    assert assistant.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message, section", [
    # told, but asked
    ("Hello. I am curious about how long you keep my data. Thank you.", None),
    ("Hi team. My question is about cookies. Thanks.", "7"),
    ("Hello. I got an SMS from a real estate company via your platform. What data do you share with them?", "4"),
])
def test_greetings_around_a_question_leave_it_asked(assistant, message, section):
    reply = assistant.answer(message)
    assert reply.kind != "smalltalk" and top_section(reply) == section


@pytest.mark.parametrize("message, section", [
    # a college student is no child
    ("I am a college student and our group is studying how privacy policies are organised. We noticed yours mentions "
     "interaction patterns. What exactly does usage data include in your policy?", "2"),
    ("my students are 12, can they use your app", "9"),
    # what is recorded of the device logged in with is section 2's
    ("does ur system record which browser n operating system i log in with??", "2"),
    ("where is your team located", "12"),
])
def test_the_wordings_beside_the_long_messages(assistant, message, section):
    assert top_section(assistant.answer(message)) == section


@pytest.mark.parametrize("message", [
    "A customer complained that we sent him a promo message at 10 PM. I thought there were no rules. Is it legal to "
    "send promotional SMS at night in India?",
    "We are told some vendors have support teams abroad who can see client data. Is your support team located only in "
    "India?",
    "can i login with google",
])
def test_long_messages_on_topics_the_policy_does_not_cover_are_declined(assistant, message):
    assert declined_as_not_covered(assistant.answer(message))


def test_a_hostile_run_of_short_words_is_left_whole(assistant):
    # many ways to cut it, or too long to be words typed together: read as it is, at once, never an error
    for run in ("isitasanat" * 3, "isitasanat" * 40, "a" * 3000):
        reply = assistant.answer(run)
        assert not reply.answered and reply.handoff is None
    assert assistant.index._split("isitasanat" * 5) is None
