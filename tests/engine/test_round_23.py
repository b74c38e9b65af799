"""Round 23: what round 22's note left wrong, and kinds from the eighteenth visitor table's first run."""

import pytest


# Which messages the visitor gets from us are their communication preferences; the messages they get from their own
# customers are data we hold, and sending fewer messages to customers is the product's (the review of round 23).
@pytest.mark.parametrize("question", [
    "Can I pick which kinds of messages I get from you?",
    "can I choose which messages I get from you",
])
def test_the_messages_we_send_the_visitor_are_their_communication_preferences(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id.startswith("s6-marketing-communications"), question


def test_the_messages_the_visitor_gets_from_others_are_data_we_hold(assistant):
    reply = assistant.answer("do you read the messages I get from customers?")
    assert reply.answered and reply.citations[0].clause.section == "2"


@pytest.mark.parametrize("question", [
    "how to send fewer messages to customers",
    "notification preferences in dashboard",
    "do admin and agents have same rights",
])
def test_messages_sent_to_customers_and_team_roles_are_the_products(assistant, question):
    assert not assistant.answer(question).answered, question


# Whether the visitor's rights apply where they live is what "Depending on your location, you may have the following
# rights" answers, not the section on data sent abroad; data sent to Europe still is.
@pytest.mark.parametrize("question", [
    "do GDPR rights apply in India?",
    "do my rights depend on which country I live in?",
])
def test_whether_rights_apply_where_the_visitor_lives_is_the_rights_section(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.id == "s6-1", question


def test_data_sent_to_europe_is_still_the_transfers_section(assistant):
    reply = assistant.answer("are my data transferred to Europe?")
    assert reply.answered and reply.citations[0].clause.section == "10"


# Kinds from the eighteenth visitor table's first run (tests/data/visitor_cases_fresh16.yaml).

# The request's own verb denied is no request, though "no profiling" asks one: "I don't object", "no objection",
# "we're not objecting"; an inability is no denial ("I can't unsubscribe, the link is broken").
@pytest.mark.parametrize("question", [
    "We're not objecting to anything, just checking whether your cookies are used for ads.",
    "I don't object to anything, I just want to know if you sell my data",
    "I have no objection, just tell me what cookies you use",
    "we are not deleting anything, just checking what you collect",
    "we are not objecting, only asking what you collect",
])
def test_the_visitors_own_request_denied_before_a_question_is_none(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, handoff", [
    ("no profiling please", "objection"),
    ("I object to profiling", "objection"),
    ("I can't unsubscribe, the link is broken", "marketing_opt_out"),
    ("i can't object online, your form is broken", "objection"),
    ("I don't want to delete my account, just my phone number, is that possible?", "deletion"),
    ("we are not objecting, stop using my data for ads", "objection"),
])
def test_requests_said_with_a_negation_or_instead_of_another_still_hand_off(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# "can you remove ..." opens with the verb it asks us to act with, as "remove ..." does: on the product's things it is
# no request; on the visitor's it is.
@pytest.mark.parametrize("question", [
    "can you remove the 'powered by' footer from our emails?",
    "can you remove the logo from our emails?",
    "could you delete the template I made",
])
def test_a_polite_instruction_on_the_products_things_is_none(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, handoff", [
    ("can you delete my account?", "deletion"),
    ("could you please remove my number from your records", "deletion"),
    ("would you erase everything you have on me", "deletion"),
    ("can you remove me from the mailing list", "marketing_opt_out"),
])
def test_a_polite_instruction_on_the_visitors_things_hands_off(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# A Hindi "not do" denies a deed of its own clause only: "mera account delete kar do, ab use nahi karna" (delete it, I
# won't use it now) asks the deletion.
@pytest.mark.parametrize("question, handoff", [
    ("bhai mera account delete kar do, ab use nahi karna", "deletion"),
    ("mera data delete mat karo", None),
])
def test_a_hindi_negation_denies_only_its_own_clause(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# Slang and contractions: "kill my acc" deletes (not "kill the campaign"); "you've" says "have".
@pytest.mark.parametrize("question, handoff", [
    ("kill my acc n all my stuff asap", "deletion"),
    ("kill the campaign now", None),
    ("send me whatever you've got saved under my name", "access"),
])
def test_slang_and_contractions_are_read(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


# A policy that "gets modified" is a policy change, of which Indian English "intimate us if" asks to be told; "flog"
# is slang for sell.
@pytest.mark.parametrize("question, section", [
    ("Whether Blue Messaggio will intimate us if the privacy policy gets modified?", "11"),
    ("u gonna flog my number to some telemarketer or nah", "4"),
])
def test_a_modified_policy_and_slang_for_selling_are_read(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question
    assert reply.handoff is None, question


# A feeling about a practice ("worried", "scared", "sus") carries no topic: what is asked is the practice.
@pytest.mark.parametrize("question, section", [
    ("kinda worried that u track where i am, do u?", "2"),
    ("ngl ur app is kinda sus with my data, wat do u collect", "2"),
    ("i am scared my data will be leaked", "5"),
])
def test_a_feeling_about_a_practice_carries_no_topic(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


def test_a_feeling_alone_asks_nothing_the_policy_answers(assistant):
    assert not assistant.answer("I'm worried").answered


# What the review of round 23 found and had taken back or narrowed: "I don't want you to send me ..." is itself the
# opt-out however the message goes on; "we are not unsubscribing, but ... stop ..." still opts out; a polite
# instruction on the visitor's mobile, landline or calls hands off; "kill" on the product's list is none; a business's
# own young users are no child's-data report.
@pytest.mark.parametrize("question, handoff", [
    ("I don't want you to send me marketing emails anymore, how do I stop them?", "marketing_opt_out"),
    ("I dont want you to send me marketing emails anymore, is that clear?", "marketing_opt_out"),
    ("we are not unsubscribing, but pls stop the daily sms", "marketing_opt_out"),
    ("could you remove the old mobile from your records", "deletion"),
    ("could you remove the landline you have on file", "deletion"),
    ("can you stop the calls", "marketing_opt_out"),
    ("kill the contact list", None),
    ("kill the sms list", None),
    ("our ed-tech platform sends otps to under-13s, any problem", None),
    ("we collect data of under 18s in our app, does your api store it", None),
])
def test_what_the_review_of_round_23_found(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


@pytest.mark.parametrize("question", [
    "how to hawk our products via sms",  # (selling the visitor's products with "sell" itself is answered on main too)
    "my app is not up to date",
])
def test_selling_the_visitors_products_and_an_app_version_are_the_products(assistant, question):
    assert not assistant.answer(question).answered, question
