"""Branch quality15 (tests/data/visitor_cases_fresh10.yaml's first run): typos of every kind that the spelling reader
missed, and the real words it must leave alone. Every wording here is our own."""

from pathlib import Path

import pytest

from app.engine.retrieval import load_real_words

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("typed, read", [
    # a letter missing from a visitor's word of the lexicons, a letter tripled, "z" for "s"
    ("contry", "country"), ("happns", "happens"), ("bougt", "bought"), ("selll", "sell"),
    # spelt as it sounds
    ("incripted", "encrypted"), ("locashun", "location"), ("proccesed", "processed"),
    # four letters, two swapped or one missing
    ("naem", "name"), ("cpoy", "copy"), ("dtaa", "data"), ("phne", "phone"), ("wnat", "want"), ("undr", "under"),
])
def test_a_slip_is_read_as_the_word(assistant, typed, read):
    assert read in assistant.analyse(f"so {typed} ok").words


@pytest.mark.parametrize("typed, read", [("mydata", "my data"),
                                         ("whichcountries", "which countries"), ("creditcard", "credit card")])
def test_two_words_typed_together_are_read_as_both(assistant, typed, read):
    assert read in " ".join(assistant.analyse(f"so {typed} ok").words)


# Never two stop words (the review of round 15, B1: "invoce amout wrong" read "am out" was offered a correction).
@pytest.mark.parametrize("typed", ["amout", "inmy", "isit"])
def test_a_word_is_never_split_into_two_stop_words(assistant, typed):
    assert typed in assistant.analyse(f"so {typed} ok").words


# Real words that one of those readings would take for another ("evening" is "event" with letters added, "today"
# is "to day"), product words and names: each stays itself.
@pytest.mark.parametrize("word", ["evening", "today", "soon", "passport", "compliant", "locked", "reset", "nice",
                                  "even", "uptime", "backup", "inbox", "download", "checkout", "signup", "chatbot",
                                  "shopify", "hubspot", "gateway", "unicode", "others", "trial"])
def test_real_and_product_words_stay_themselves(assistant, word):
    assert word in assistant.analyse(f"so {word} ok").words


@pytest.mark.parametrize("question", [
    "what's your uptime SLA for the SMS gateway", "is the sms gateway down today", "do you offer a whatsapp chatbot",
    "can i integrate with shopify or woocommerce", "my otp is not deliverd to customers", "how do i get dlt registred",
    "what is the price of 1000 sms", "can i shedule campaigns", "i want to upgrade my plann",
])
def test_product_questions_with_slips_are_still_declined(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None


def test_the_real_words_list_loads_and_holds_the_words_the_readings_would_change():
    real = load_real_words(ROOT / "corpus" / "real-words.txt")
    assert {"evening", "today", "passport", "compliant", "nice"} <= real
    assert "contry" not in real and "locashun" not in real


@pytest.mark.dictionary
def test_the_real_words_list_is_up_to_date_on_the_dictionary(assistant, dictionary):
    """bench/real_words.py must be run again after the policy or the lexicons change: every word of the dictionary
    (about 4 s) that a reading of slips would change is listed as real."""
    index = assistant.index
    words = [w.strip() for w in dictionary.read_text(encoding="utf-8").splitlines()]
    missing = [w for w in words if w.isalpha() and w.isascii() and w.islower() and index.slip_reading(w)
               and w not in index.real_words]
    assert missing == []


# Branch quality15: everyday words the lexicons lacked, and what they must not change.
@pytest.mark.parametrize("question, section", [
    ("mera data aap log kin kin kaamon mein lagate ho", "3"),  # which purposes do you put my data to
    ("lemme see all the stuff u got on me", "6"),
    ("can I phone you about a privacy issue", "12"),
    ("is ther a phne no i can call abt privacy", "12"),
    ("what days is your team available", "12"),
])
def test_everyday_words_are_read(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.citations and reply.citations[0].clause.section == section


@pytest.mark.parametrize("question", ["mujhe aapki service pasand hai", "otp kaam nahi kar raha hai",
                                      "mera account kaam nahi kar raha", "lemme know the price of sms",
                                      "what days of the month is billing done"])
def test_everyday_words_answer_nothing_new(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered


@pytest.mark.parametrize("question, child", [
    ("my neighbour's girl uses your app, she's 10", True), ("he s 9 and signed up", True),
    ("he is 5 minutes late for the demo", False), ("she's 16 and wants her account deleted", False),
    ("it's 10 rupees per sms?", False), ("he's 12 years into the business, can he get a discount", False),
])
def test_he_or_she_is_an_age_under_13(assistant, question, child):
    assert ("child" in assistant.analyse(question).words) is child


# Indian English spells the British way; the policy and the gap phrases the American way. A British spelling is read
# as the American word when the policy or a gap phrase uses a word that starts so ("authorised" had been read as a
# slip: "authoriced"; "authorise" is read as "authorize" because the policy says "unauthorized").
@pytest.mark.parametrize("typed, read", [("authorised", "authorized"), ("authorise", "authorize"),
                                         ("anonymised", "anonymized"), ("licence", "license"),
                                         ("licences", "licenses"), ("enquiry", "inquiry"), ("enquiries", "inquiries")])
def test_a_british_spelling_is_read_as_the_american_word(assistant, typed, read):
    assert read in assistant.analyse(f"so {typed} ok").words


# ... and only when that American word is one the policy or a gap phrase uses: words with a British-looking ending
# stay themselves ("improvise" is no "improvize", though the stemmer reads that as "improve"), as do words too short
# for the rule ("hours", "fence").
@pytest.mark.parametrize("word", ["improvise", "practise", "expertise", "premises", "hours", "fence", "hence"])
def test_words_that_only_look_british_stay_themselves(assistant, word):
    assert word in assistant.analyse(f"so {word} ok").words


def test_a_request_by_an_authorised_agent_is_declined_as_one_by_an_authorized_agent(assistant):
    british = assistant.answer("can an authorised agent make a request for me")
    assert british.reason == "not_covered"
    assert british.gap.topic == assistant.answer("can an authorized agent make a request for me").gap.topic
