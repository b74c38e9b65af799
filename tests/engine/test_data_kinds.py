"""Kinds of question seen on the development set of real visitors' questions (branch quality7): who else can see
the visitor's things, kinds of data the policy never lists, how data is stored, short questions, past incidents,
ads shown in the app. Every wording here is our own."""

import textwrap

import pytest

from app.engine.answering import asks_who_sees
from app.engine.retrieval import load_gaps
from app.engine.text import analyse
from app.engine.yamlfile import YamlFileError

@pytest.mark.parametrize("question, asks", [
    ("who can look at the invoices I download", True),
    ("will anybody be able to see the notes I attach", True),
    ("can other businesses view my customer list", True),
    ("is there anyone who could read my uploaded files", True),
    # the company's own staff: a matter of its security, left to retrieval
    ("can your staff read my chats", False),
    ("does anyone at your company look at my messages", False),
    # what we do, or what the visitor does
    ("do you look at the other apps on my phone", False),
    ("can I see who has my data", False),
    ("who do I write to about my data", False),
])
def test_who_else_sees_the_visitors_things(question, asks):
    assert asks_who_sees(analyse(question)) is asks


# (question, the section that must answer first), by kind.
ANSWERED = {
    "who else sees: the sharing section": [
        ("who can look at the invoices I download?", "4"),
        ("will anybody be able to see the notes I attach?", "4"),
        ("can other businesses view my customer list?", "4"),
    ],
    "data the policy never lists, asked what it says of all data": [
        ("do you sell my medical history?", "4"),  # "We do not sell, trade, or rent your personal information"
        ("will my gallery pictures be sold to advertisers?", "4"),
        ("are my biometric details rented out?", "4"),
        ("could strangers look through my gallery?", "4"),
        ("do you pass my contacts list on to marketers?", "4"),
        ("are my fingerprints kept secure?", "5"),
    ],
    "how it is stored is how it is protected; where is where": [
        ("how is the password for my login kept by you?", "5"),
        ("how is my billing info kept by you?", "5"),
        ("in what way are my chats stored?", "5"),
        ("in which country is my data stored?", "10"),
    ],
    "short generic questions": [
        ("what gets collected?", "2"),
        ("which personal details do I have to submit?", "2"),
        ("how do you utilise my info?", "3"),
        ("do you keep what I type?", "2"),
    ],
    "near wordings the policy answers": [
        ("do you show me ads based on my messages?", "7"),
        ("how do you protect my account from hackers?", "5"),
        ("do you keep a history of the pages I open on your website?", "2"),
    ],
}
NOT_COVERED = {
    "whether data the policy never lists is collected": [
        "do you collect my medical history?",
        "will the app switch on my camera?",
        "do you record my heart rate?",
        "does the app read the call history on my phone?",
    ],
    "past incidents and ads shown in the app": [
        "were you ever hacked?",
        "has customer data ever been stolen from you?",
        "any reports of malware in your app?",
        "did you have a breach in the last few years?",
        "does the app show ads?",
        "do commercials pay for running the app?",
    ],
}


@pytest.mark.parametrize("question, section",
                         [pytest.param(q, s, id=f"{kind}: {q}") for kind, rows in ANSWERED.items() for q, s in rows])
def test_each_kind_is_answered_first_from_its_section(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section


@pytest.mark.parametrize("question",
                         [pytest.param(q, id=f"{kind}: {q}") for kind, rows in NOT_COVERED.items() for q in rows])
def test_each_kind_the_policy_does_not_answer_is_declined_as_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered"


def test_gaps_read_data_and_unless(tmp_path):
    path = tmp_path / "gaps.yaml"
    path.write_text(textwrap.dedent("""\
        - topic: Ads in the app
          when: [show ads]
          unless: [based on]
        - topic: Photos
          data: true
          when: [photos]
        """), encoding="utf-8")
    ads, photos = load_gaps(path)
    assert (ads.data, photos.data) == (False, True)
    assert ads.matches("will you show ads".split())
    assert not ads.matches("will you show ads based on my chats".split())


def test_a_bad_unless_names_the_line(tmp_path):
    path = tmp_path / "gaps.yaml"
    path.write_text("- topic: x\n  when: [a]\n  unless: b\n", encoding="utf-8")
    with pytest.raises(YamlFileError) as excinfo:
        load_gaps(path)
    assert excinfo.value.line == 1 and "'unless' must be a list" in excinfo.value.problem
