"""Round 52: kinds of miss in the forty-ninth visitor table (fresh47), fixed by kind and tested here with the
team's own wordings next to the ones that must not change. (The section model's new gates, MODEL_ALONE,
MODEL_ABSTAIN and MODEL_STRONG, are tested in test_section_model.py.)"""

import pytest

from tests.replies import top_section


# What was "in the news" is context to the question, not an everyday question about the news.
@pytest.mark.parametrize("question, section", [
    ("Honestly I am a bit paranoid after all the data leaks in the news. Can you promise that my data will never get "
     "hacked on your platform? I need a straight answer.", "5"),
    ("I read in the news that apps sell data. do you sell mine?", "4"),
])
def test_the_news_as_context_leaves_the_question_asked(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question", ["any news on the weather", "whats the latest news", "what is in the news today"])
def test_asking_for_the_news_is_still_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and not reply.citations and reply.handoff is None


# "provide me ... my data" asks for the data as "send me" or "give me" does; "downloadable format" is portable.
@pytest.mark.parametrize("question", ["Kindly provide me all my personal data in downloadable format at the earliest.",
                                      "provide me all my personal data", "please provide me my data you hold"])
def test_provide_me_my_data_is_a_request_for_it(assistant, question):
    assert assistant.answer(question).handoff in ("access", "portability")


def test_a_downloadable_format_is_a_portable_copy(assistant):
    assert assistant.answer("I want my contacts in a downloadable format").handoff == "portability"


@pytest.mark.parametrize("question", ["can you provide me the pricing details of bulk sms",
                                      "do you provide my data to advertisers?",
                                      "how do you provide my data to your service providers",
                                      "must i provide all my documents for kyc",
                                      "provide me my details of how you protect data",
                                      "kindly provide all my payment invoices",
                                      "provide me all my campaign reports for last month"])
def test_provide_without_asking_for_my_data_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None
