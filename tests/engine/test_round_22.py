"""Round 22: what the review of rounds 19 to 21 left wrong, and kinds from the seventeenth visitor table's first run."""

import pytest


# A verb on the visitor alone ("remove me") names nothing to delete: the marketing the message names is what the
# visitor is to be removed from. With something of theirs named, or no marketing, it stays a deletion.
@pytest.mark.parametrize("question", [
    "enough with the newsletters, I am unsubscribing, remove me",
    "no more newsletters please. remove me",
    "these promos are annoying, just remove me now",
    "i hate your marketing calls, delete me",
])
def test_removing_the_visitor_after_naming_marketing_is_an_opt_out(assistant, question):
    assert assistant.answer(question).handoff == "marketing_opt_out", question


@pytest.mark.parametrize("question", [
    "your promos are spam, remove me and delete my data",
    "I get too many newsletters, remove my account",
    "I am done with you guys. delete me",
    "I moved to another provider. remove me",
])
def test_removing_the_visitor_with_their_things_named_or_no_marketing_stays_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# The visitor's detail written on an invoice we issued is theirs to have corrected; the invoice itself, and what the
# visitor writes with the product, are not personal data.
@pytest.mark.parametrize("question", [
    "the name on my invoices is wrong, fix it",
    "the address on my invoice is wrong, fix it",
])
def test_the_visitors_detail_on_an_invoice_is_a_correction(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


@pytest.mark.parametrize("question", [
    "my invoice is wrong, fix it",
    "the amount on my invoice is wrong, fix it",
    "the gst number on my invoice is wrong, fix it",
    "the sender name on my campaign is wrong, fix it",
    "the name in my template is wrong",
])
def test_the_invoice_or_the_product_itself_is_no_correction(assistant, question):
    assert assistant.answer(question).handoff is None, question
