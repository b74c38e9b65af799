"""Session 42: requests in forms the readable tables' out-of-fold misses showed, and a helper's review of them.

- "can you share all my personal data with me", "could you fetch me everything you hold about me": the visitor's own
  data asked handed back to them, with a verb the actions do not list, is the right of access (or portability, with a
  format); not data kept ("can you keep my details safe for me"), told ("can you explain my rights to me"), someone
  else's ("everything you hold about my wife"), the product's ("my plan details"), nor a fee asked about.
- "enough with the sales emails already": messages told to stop, as "no more ..." does.
- "my surname is misspelt in your records, can it be corrected?": the visitor's own detail told wrong, then asked
  done in the passive, is a correction; without a fault, of the product, or after a condition it is still a question.
- "if I asked, would you ...?", "suppose I asked, could you ...?": what we would do, supposed.
- "pls give me ur contact info": the company's details asked for, which the retrained request heads read as access;
  the model's request is not taken when nothing of the visitor's is named.
The wordings are the team's own, in no table."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message, intent", [
    ("can you share all my personal data with me", "access"),
    ("could you fetch me everything you hold about me", "access"),
    ("could you prepare a file of all my personal data for me", "access"),
    ("can you forward my details to me", "access"),
    ("can u share my info with me pls", "access"),
    ("could you please share with me all my personal data", "access"),
    ("could you pull up my account details for me", "access"),
    ("enough with the sales emails already", "marketing_opt_out"),
    ("enough of your promo sms", "marketing_opt_out"),
    ("enough with the whatsapp messages about offers", "marketing_opt_out"),
    ("my surname is misspelt in your records, can it be corrected?", "correction"),
    ("you've got my company name wrong everywhere, can it be changed", "correction"),
    ("my email on file is old, can that be updated", "correction"),
    ("my address is wrong, could it be fixed please", "correction"),
    ("My personal details with you are inaccurate; can they be corrected?", "correction"),
    ("could you share all my details with us", "access"),
    ("can you hand my data over to me", "access"),
    ("would you hand all my personal details over to me", "access"),
])
def test_handed_off(assistant, message, intent):
    assert assistant.answer(message).handoff == intent


@pytest.mark.parametrize("message", [
    # data kept, told, someone else's, the product's, or a fee
    "can you keep my details safe for me",
    "can you explain my rights to me",
    "can you share my data with advertisers",
    "do you share my details with me?",
    "can you check with me before sharing my data?",
    "could you share the data you hold on my ex with me",
    "can you share all the personal data you have on my brother with me",
    "could you fetch me everything you hold about my wife",
    "can you share my plan details with me",
    "would you charge me a fee to share my personal data with me?",
    "would you bill me anything for handing over a copy of my data?",
    # what we would do, supposed
    "suppose I asked, could you forward all my data to me?",
    "if I asked, would you share my data with me?",
    "could you share my data with me if I emailed you?",
    "would you share my data with me if I closed my account?",
    # no messages told to stop
    "enough with the questions, how do I delete my account?",
    "enough of your sales pitch, just tell me the price",
    "enough of the delays, when is my sender ID approved",
    "What can I actually control about my data with you? give me all the options",
    # nothing amiss, the product's fault, or a condition before
    "can it be deleted?",
    "my data is stored with you, can it be deleted",
    "my dashboard shows the wrong count, can it be fixed?",
    "if my details are wrong, can they be corrected?",
    # the review of session 42: someone else's detail, the product's, a supposition, a customer list, kept data
    "My colleague's email in your records is outdated, can it be updated?",
    "My mother's phone number is wrong on her account, can it be changed?",
    "The graph in my analytics is incorrect, could it be fixed?",
    "Suppose my name is misspelled on my account, can that be corrected?",
    "In case my email on file is outdated, can it be updated?",
    "Can you share all my customers' personal data with me? I need it for a mailing",
    "can you back up my personal data for me",
    "could you encrypt my personal data for me",
    "I run a dental clinic and send appointment texts. Realistically, can you promise me my patients' numbers will never "
    "get out?",
])
def test_not_handed_off(assistant, message):
    assert assistant.answer(message).handoff is None


@pytest.mark.parametrize("message", ["pls give me ur contact info", "give me ur email n phone pls",
                                     "send me your office address and phone number"])
def test_the_companys_details_asked_for_hand_nothing_off(assistant, message):
    assert assistant.answer(message).handoff is None
