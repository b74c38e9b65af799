"""Round 39: the kinds of miss in the thirty-sixth visitor table (fresh34), fixed by kind and tested here with the
team's own wordings next to the ones that must not change."""

import pytest


# Whether the policy must be accepted to use the services is section 1 ("By using our services, you agree ...").
@pytest.mark.parametrize("question", ["is it compulsory to accept your privacy policy to use your website",
                                      "Sir, is it mandatory to agree to the policy before using your services?"])
def test_accepting_the_policy_to_use_the_services(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "1", question


@pytest.mark.parametrize("question, section", [("is it mandatory to accept the updated policy", "11"),
                                               ("is it compulsory to accept marketing cookies", "7")])
def test_accepting_other_things(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section, question


# What the visitor means to tell someone else is no request of ours.
@pytest.mark.parametrize("question", [
    "A client complained to me that she gets spam now. I need to reassure her, do you sell phone numbers?",
    "My customer asked if her data is safe with you. I want to tell her the truth, who do you share numbers with?",
])
def test_telling_someone_else_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


def test_telling_us_is_still_a_request(assistant):
    assert assistant.answer("I want to tell you to delete my data").handoff == "deletion"


# Hindi puts the verb last, far from the data: "mera data kabhi bahar ke desh mein bhi jaata hai kya".
def test_data_going_abroad_in_hinglish(assistant):
    reply = assistant.answer("humara data kabhi bahar ke desh mein bhi jaata hai kya")
    assert reply.answered and reply.citations[0].clause.section == "10"


# How the login password is protected is no account-support question.
def test_how_a_password_is_protected(assistant):
    reply = assistant.answer("is my login password with you encrypted")
    assert reply.reason != "not_covered"


def test_logging_in_with_google_is_still_not_covered(assistant):
    reply = assistant.answer("can i login with google")
    assert not reply.answered and reply.reason == "not_covered"
