"""The review of round 45: wordings of the reviewer's own that the round's rules had made worse, each kept as it was
before the round (or better)."""

import pytest

from tests.replies import top_section


# Who sees the data, asked beside whether it is encrypted, is whom it is shared with; so is a named authority.
@pytest.mark.parametrize("question", ["and who can access my data, is it encrypted",
                                      "hi, who can see my messages, are they encrypted",
                                      "which people can see my info, is it encrypted?",
                                      "can the income tax department see my messages, are they encrypted",
                                      "can the people you share with read my data or is it encrypted"])
def test_who_sees_beside_encryption(assistant, question):
    assert top_section(assistant.answer(question)) == "4", question


# The service or the company snooping is no interception by a stranger.
@pytest.mark.parametrize("question", ["does your app snoop on people?", "do you snoop on people's whatsapp chats",
                                      "does your website snoop on anyone's browsing"])
def test_the_service_snooping(assistant, question):
    assert top_section(assistant.answer(question)) != "5", question


# The visitor's own ransomware, or teaching their own team, is no question of our security.
@pytest.mark.parametrize("question", ["i got ransomware on my laptop, can i still login to your panel",
                                      "i taught my team to use your bulk sms panel, do you store their logins"])
def test_the_visitors_own_doings(assistant, question):
    assert top_section(assistant.answer(question)) != "5", question


# Reaching a person for the product is product support, not our contact section as a privacy answer (review 16).
@pytest.mark.parametrize("question", ["reach a human for recharge issue plz",
                                      "need to reach a real person, my sender id is blocked"])
def test_reaching_a_person_for_the_product(assistant, question):
    assert assistant.answer(question).reason != "company", question


# A count after someone's name is no age. (Retrieval's reading: the section model reads "my daughter's ... number"
# as the children's section whatever the count, a cost listed in bench/HISTORY.md.)
@pytest.mark.parametrize("question", ["my brother's 5 shops use your bulk sms, do you share their data",
                                      "my daughter's 10 digit number got your spam, how did you get it",
                                      "my nephew's 3 websites use your cookies, what are they"])
def test_counts_are_no_ages(assistant, question):
    sections, assistant.sections = assistant.sections, None
    try:
        assert top_section(assistant.answer(question)) != "9", question
    finally:
        assistant.sections = sections
    assert assistant.answer(question).handoff is None, question  # no child's-data report either way


# The data exporter is a request for a portable copy.
def test_the_data_exporter(assistant):
    assert assistant.answer("run the data exporter on my account and email me the file").handoff == "portability"
