"""Round 32: kinds from the twenty-seventh visitor table's first run (tests/data/visitor_cases_fresh25.yaml)."""

import pytest

from tests.replies import top_section


# A wish said as what would please, when it asks something done, is a request; asking to be told stays a question.
@pytest.mark.parametrize("question, handoff", [
    ("It would be really nice if my old number could be swapped for the new one in your records.", "correction"),
    ("Would be great if nothing of mine stays with you after I cancel next week.", "deletion"),
    ("I'd appreciate it if you deleted everything you hold about me", "deletion"),
    ("my phone number in your records has two digits swapped, fix it", "correction"),
])
def test_polite_wishes_are_requests(assistant, question, handoff):
    assert assistant.answer(question).handoff == handoff, question


@pytest.mark.parametrize("question", ["it would be great if you could tell me what data you collect",
                                      "I would appreciate it if you could explain how you use my data"])
def test_a_wish_to_be_told_is_a_question(assistant, question):
    assert assistant.answer(question).handoff is None, question


def test_get_rid_of_an_old_id_is_still_a_deletion(assistant):
    assert assistant.answer("get rid of my old email id from your system").handoff == "deletion"


# Telling of an account closed, or needing the answer for a file, asks nothing done.
def test_an_account_closed_and_an_answer_needed_make_no_request(assistant):
    reply = assistant.answer("I closed my account with you last year when we moved to another vendor. For our audit, "
                             "how many years do you keep the message logs of a closed account? We need it for our file.")
    assert reply.handoff is None


def test_our_commitments_are_not_the_visitors_data(assistant):
    reply = assistant.answer("Can you promise our data will never leak? I want to see what you commit to in writing.")
    assert reply.handoff is None


def test_how_long_until_we_respond_said_with_be(assistant):
    reply = assistant.answer("I wish to know the timeline within which your team will be responding to my mail.")
    assert reply.reason == "company" and reply.message.startswith("We will respond")


# Another company's rules: "answerable", "liable"; "their" only near a word of rules.
def test_answerable_for_connected_apps(assistant):
    reply = assistant.answer("We connected your API to our Shopify store. Is Blue Messaggio answerable for what "
                             "those connected apps do with the data?")
    assert top_section(reply) == "8"


def test_their_far_from_rules_is_no_other_company(assistant):
    reply = assistant.answer("One client's questionnaire asks whether data leaving the EU is covered by standard "
                             "contractual clauses. Separately, does our data stay in India? Please revert, their "
                             "deadline is Friday.")
    assert top_section(reply) == "10"


def test_a_purpose_asked_of_data_used_with_nobody_named(assistant):
    reply = assistant.answer("As per your policy, for what purposes is my email address being utilised?")
    assert top_section(reply) == "3"


def test_your_emails_are_the_mails_we_send(assistant):
    reply = assistant.answer("how do I unsubscribe from your emails but keep my account?")
    assert reply.reason != "company" and top_section(reply) == "6"
    assert assistant.answer("what is your email id").reason == "company"


def test_hit_up_is_contact(assistant):
    assert assistant.answer("who should i hit up about my privacy").reason == "company"


@pytest.mark.parametrize("question, section", [
    ("what happens if I do not agree with some of your privacy terms?", "1"),
    ("does your site remember my choices with a cookie?", "7"),
    ("can a customer refuse to have their data processed?", "6"),
])
def test_everyday_words(assistant, question, section):
    assert top_section(assistant.answer(question)) == section, question


def test_documents_asked_before_handing_data_over(assistant):
    reply = assistant.answer("which documents do you ask for before giving me my data?")
    assert not reply.answered and reply.reason == "not_covered"


def test_the_products_language_is_not_a_cookie_question(assistant):
    reply = assistant.answer("how do i change the language of the dashboard")
    assert top_section(reply) != "11"
