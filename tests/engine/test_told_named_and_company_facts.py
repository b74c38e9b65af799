"""Session 46, from two reviews of fresh wordings (questions typed on a phone about an app's privacy, and an Indian
messaging company's visitors): details the policy leaves out, asked as people ask them, are declined as not covered
instead of quoted from the general clause nearby; being told of a breach or of a police request, asked with the words
far apart (a gap topic's `together` groups); and a deletion wished for with an adverb before its verb. Each kind is
tested next to the wordings that must not change."""

import textwrap

import pytest

from app.engine.retrieval import load_gaps
from app.engine.yamlfile import YamlFileError
from tests.replies import top_section


def test_a_gap_topic_matches_when_a_phrase_of_each_together_group_is_said(tmp_path):
    path = tmp_path / "gaps.yaml"
    path.write_text(textwrap.dedent("""\
        - topic: Breach notices
          when: [breach notification]
          together: [[tell me, be told], [breach, hacked]]
          unless: [what you do]
        """), encoding="utf-8")
    (gap,) = load_gaps(path)
    assert gap.matches("will they tell me if there s ever a data breach".split())  # too far apart for one phrase
    assert gap.matches("if i am hacked will i be told".split())  # in any order
    assert not gap.matches("will they tell me my data".split())  # one group only
    assert not gap.matches("tell me what you do about a breach".split())  # unless


@pytest.mark.parametrize("together", ["[[tell me]]", "[tell me, breach]", "[[tell me], []]", "[[tell me], [3]]"])
def test_a_together_that_is_not_two_or_more_lists_of_phrases_stops_start_up_naming_the_line(tmp_path, together):
    path = tmp_path / "gaps.yaml"
    path.write_text(f"- topic: Breach notices\n  when: [breach notification]\n  together: {together}\n",
                    encoding="utf-8")
    with pytest.raises(YamlFileError, match="'together' must be a list of two or more lists of phrases") as error:
        load_gaps(path)
    assert ":1:" in str(error.value)


@pytest.mark.parametrize("question", [
    # being told, far from what happened
    "will they tell me if there's a data breach",
    "if my data gets hacked will i be informed",
    "do you notify affected users after a security incident",
    "will they tell me if police ask for my data",
    "do you notify me if my data is shared with the government",
    # a service provider's name, asked with "what"
    "what payment processor do they use",
    "what ad networks do they use",
    # practices and features the policy never describes
    "is my data used for ai",
    "is my data insured or smth",
    "what are the password requirements",
    "is there a kids mode",
    "how do they check my age",
    "how many days notice before policy changes",
    # facts about the company that Contact Us does not give
    "do they have offices outside india",
    "is there a toll free number",
    "whats ur linkedin page",
    "what is the name of the person who handles privacy at blue messaggio",
    # the service down
    "server down hai kya? dashboard open nahi ho raha",
    # session 46's second round: features and calls, being told of an access, credit, the company's age and jobs,
    # terms of trade
    "Does the app keep a record of who I call?",
    "Will the people I message see my email address?",
    "Does the app sync my messages across devices?",
    "will you tell me when my data is accessed",
    "Will you email me if my password is changed?",
    "Do you use my data for credit scoring?",
    "how old is Blue Messaggio as a company?",
    "what email should I write to for job applications",
    "What's the minimum order to use your services?",
])
def test_details_the_policy_leaves_out_are_declined_as_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None
    assert reply.contact  # the decline lists how to reach us


@pytest.mark.parametrize("question, section", [
    ("tell me what you do about a data breach", "5"),  # how one is handled
    ("how do you handle a security incident", "5"),
    ("will you notify me of changes to this policy", "11"),  # the notice the policy does promise
    ("will i be notified when the policy is updated", "11"),
    ("do you inform the police about fraud", "4"),  # the police told, not the visitor
    ("do you share my data with the police", "4"),
    ("do you use machine learning to detect fraud on my account", "3"),  # Security
    ("can my 8 year old have an account", "9"),
    ("who handles privacy at blue messaggio", "12"),  # whom to contact, no name asked
    ("does your regional office in europe process my data", "10"),
    # asked, not told: "could you tell me if ..."
    ("Could you tell me if you hand user data to government bodies?", "4"),
    ("do you sell data to insurance companies", "4"),
    ("does the site note down how many minutes i sit on each page", "2"),  # "site ... down", words apart
    ("Do you check the age of people signing up, or could a kid slip through?", "9"),
    ("who can access my data", "4"),  # no word of being told
    ("do you sync my contacts to the cloud", None),  # the phone's contacts: declined as before, whatever "sync" says
    ("Is WhatsApp's privacy policy applicable when I use WhatsApp Business API through you?", "8"),
    ("Who do I contact if I have a problem with how my data is used?", "12"),  # whom to reach; the data is the condition
    ("who do you share my data with if i complain", "4"),
    ("do they sell the phone numbers of the people i message", "4"),
])
def test_wordings_next_to_the_new_gap_phrases_are_answered_as_before(assistant, question, section):
    reply = assistant.answer(question)
    if section is None:
        assert not reply.answered
    else:
        assert reply.answered and top_section(reply) == section


@pytest.mark.parametrize("question, section", [
    # others told, not the visitor
    ("Do you tell the police if I do something illegal on your platform?", "4"),
    ("Will you tell the authorities what I message?", "4"),
    ("Will the government be informed about my transactions?", "4"),
    # the notice of a policy change
    ("Will I be notified if the policy changes because of a new government law?", "11"),
    ("If a court orders you to change the policy will I be notified?", "11"),
    ("I'd like to be informed about your procedures for handling security incidents.", "5"),
    # whom to reach, not the calls made
    ("Who do I call to delete my data?", "6"),
    # the visitor's data at the company's places, pages and people
    ("Is my data transferred to your offices outside India?", "10"),
    ("Do you track me when I visit your facebook page?", "2"),
    ("What data does the payment processor get about me?", "4"),
    ("Why do you need my credit card to check out?", "3"),
    ("Since I disabled cookies your website is not loading properly, why?", "7"),
    ("Do you have parental controls so I can delete my child's data?", "9"),
    ("Who do I contact if I think you have collected my child's data?", "9"),
    ("who do you contact if my data is shared with police", "4"),
    ("Do you store the name of the person I send a message to?", "2"),
    ("Do you store the phone numbers of people I message?", "2"),
])
def test_what_the_code_review_found_the_new_phrases_took_is_answered_again(assistant, question, section):
    """The code review of session 46 wrote wordings aimed at the new phrases; these had been taken by them."""
    reply = assistant.answer(question)
    assert reply.answered and top_section(reply) == section


def test_an_analytics_tool_named_is_answered_from_what_the_policy_says_of_analytics(assistant):
    """A tool named is no gap: the policy's analytics cookies and providers answer "do they use X type stuff"."""
    reply = assistant.answer("do u use google analytics type stuff")
    assert reply.answered and {"7", "4"} & {c.clause.section for c in reply.citations}


def test_two_questions_one_of_the_police_and_one_of_being_told_of_a_change_are_both_answered(assistant):
    """`together` is read within one sentence: the police in one and being told of a change in the next is no
    question about being told of the police."""
    reply = assistant.answer("Do you give data to police? And will you tell me when you change your policy?")
    assert reply.answered and [c.clause.section for c in reply.citations][:2] == ["4", "11"]


@pytest.mark.parametrize("message", [
    "It would be appreciated if all data associated with my account could be permanently removed.",
    "it would be great if all records about me were quickly deleted",
])
def test_a_deletion_wished_for_with_an_adverb_before_its_verb_hands_off(assistant, message):
    assert assistant.answer(message).handoff == "deletion"


def test_a_wish_with_an_adverb_that_is_no_request_opens_no_form(assistant):
    assert assistant.answer("it would be nice if all data about me was really useful").handoff is None
