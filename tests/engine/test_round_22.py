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


# Round 22, second part: kinds from the seventeenth visitor table's first run (tests/data/visitor_cases_fresh15.yaml).

# A request said not to be asked for ("I'm not asking you to ..."), or a negated instruction before a question of
# wondering, makes no request; a liking ("I actually like the offers") is no wish.
@pytest.mark.parametrize("question", [
    "I'm not asking you to delete anything, I only want to know what details you collect.",
    "Don't take me off the list, I enjoy the deals. I only wondered what my email is used for.",
])
def test_a_request_said_not_to_be_made_before_a_question_is_none(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, intent", [
    ("I really like your app but delete my account", "deletion"),
    ("I'd like a copy of my data", "portability"),
    ("I actually like the offers. what do you use my email for?", None),
])
def test_a_liking_is_no_wish_but_would_like_still_is(assistant, question, intent):
    reply = assistant.answer(question)
    assert reply.handoff == intent, question


# A wish whose verb comes after its object marks the type as the verb would before it; a denied one does not.
@pytest.mark.parametrize("question", ["I'd like my account closed", "we want our account closed"])
def test_the_account_wished_closed_is_a_deletion(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


@pytest.mark.parametrize("question", ["I don't want my account closed, just paused", "I never wanted my account closed"])
def test_an_account_not_wished_closed_is_no_deletion(assistant, question):
    assert assistant.answer(question).handoff is None, question


# What is held about the visitor, or linked to their detail, asked for.
@pytest.mark.parametrize("question", [
    "I want to see all the data your company holds about me.",
    "Email me whatever you have tied to my email address, please",
])
def test_what_is_held_about_or_linked_to_the_visitor_is_access(assistant, question):
    assert assistant.answer(question).handoff == "access", question


# A use of the visitor's data they say they do not want is an objection (to marketing, an opt-out).
@pytest.mark.parametrize("question, intent", [
    ("we no longer want our data processed by you", "objection"),
    ("i dont want my number shared with anyone", "objection"),
    ("I don't want my data used for marketing", "marketing_opt_out"),
])
def test_an_unwanted_use_of_the_visitors_data_is_an_objection(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


@pytest.mark.parametrize("question", ["do you want my data used for research?", "I want my data used only for billing"])
def test_a_use_not_denied_is_no_objection(assistant, question):
    assert assistant.answer(question).handoff != "objection", question


# What "and" joins on to a wish's object is still what is wished done.
def test_the_object_joined_on_with_and_carries_the_wish(assistant):
    question = ("I have moved to another provider. I want my personal details and my customer data removed from "
                "your systems, with a confirmation.")
    assert assistant.answer(question).handoff == "deletion"


# Hinglish: a postposition's noun goes after its "in" ("ek file mein": in a file).
@pytest.mark.parametrize("question", ["mera saara data ek file mein bhej do", "mujhe apna data excel mein chahiye"])
def test_hinglish_data_in_a_file_is_portability(assistant, question):
    assert assistant.answer(question).handoff == "portability", question


# Modify, replace, switch and swap ask for a change like "change"; what it is changed to may be the product's.
@pytest.mark.parametrize("question", [
    "could you modify my email address", "can you replace my old email with my new one",
    "my old number is gone, could you switch it to my personal number",
])
def test_modify_replace_and_switch_my_detail_are_corrections(assistant, question):
    assert assistant.answer(question).handoff == "correction", question


@pytest.mark.parametrize("question", [
    "can you switch my account to the business plan", "switch my campaign to the new template",
    "can you change my account to the business plan",
])
def test_switching_to_a_plan_or_template_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


# Discourse words ("though", "anyway") are no topic.
def test_a_question_ending_in_though_is_answered(assistant):
    reply = assistant.answer("No need to correct my details, they're fine. Do you use cookies though?")
    assert reply.answered and reply.handoff is None
    assert reply.citations[0].clause.section == "7"


# The condition of a question is no question of its own: the uncovered question is declined as a whole.
def test_a_question_on_condition_of_something_covered_is_still_not_covered(assistant):
    reply = assistant.answer("If my data leaks because of your mistake, do I get any compensation?")
    assert not reply.answered and reply.reason == "not_covered"


@pytest.mark.parametrize("question", [
    "do you offer a bug bounty for security researchers?",
    "what fines does your company pay if it breaks the law?",
    "how do you verify my identity before acting on a request?",
])
def test_new_gap_topics_are_not_covered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered", question


def test_security_testing_is_still_answered(assistant):
    reply = assistant.answer("do you do vulnerability testing")
    assert reply.answered and reply.citations[0].clause.section == "5"


@pytest.mark.parametrize("question", ["who wrote this policy", "who wrote the policy you have here?"])
def test_who_the_company_is_is_answered_from_contact_us(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "12", question


# What is held about the visitor names the object; the verb an instruction opens with says what is to be done.
@pytest.mark.parametrize("question, intent", [
    ("delete the data you hold on me", "deletion"), ("export everything you hold about me", "portability"),
    ("correct the data you hold about me", "correction"), ("send me the data you hold about me", "access"),
])
def test_the_verb_not_what_is_held_says_the_type(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question



# The review of round 22: what its rules must not take.
@pytest.mark.parametrize("question", [
    # a use not wanted, said before a question, asks to be told
    "I don't want my data sold, do you sell it?",
    "we don't want our data processed outside India, where is it stored?",
    "I don't want my details sold, please confirm you don't sell them",
    "it's not that I don't want my data used, just curious how you use it",
    # a wish denied or asked back
    "I wouldn't like my account closed", "I'd like my account closed? no, just asking about retention",
    # settings and the product switched, swapped or replaced
    "switch to dark mode", "switch to the new dashboard", "switch off marketing cookies", "swap my sim card",
    "replace my api key", "switch my notifications off", "replace my credit card on file",
    "invoice pdf format mein chahiye", "whatever you have linked to my api key, show me",
])
def test_what_round_22_must_not_hand_off(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question, intent", [
    ("I would really like a copy of my data", "portability"), ("we would really like our data deleted", "deletion"),
    ("delete me and all my data, also no more marketing", "deletion"),
    ("your newsletter is spam. delete me and everything you have", "deletion"),
    ("switch to another provider and send my data", "portability"),
])
def test_what_round_22_must_still_hand_off(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question


@pytest.mark.parametrize("question", ["will you share my data in a court case?", "do you share data if there's a lawsuit?"])
def test_data_in_a_court_case_is_still_a_legal_requirement(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "4", question


def test_a_company_name_elsewhere_is_no_company_question(assistant):
    assert not assistant.answer("what's your company's name on the DLT portal?").answered
