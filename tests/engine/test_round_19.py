"""Round 19: false child's-data reports, fixed by kind (the round 18 review's backlog)."""

import pytest


# A child's markers name someone ("years old", "little brother"): said across a clause break they name nobody. "for
# years, delete my old account" is a long-time customer's deletion, not a report of a child.
@pytest.mark.parametrize("question", [
    "I have been a customer for years, delete my old account", "we are with you for years, remove my old number",
    "we are with you since 4 years, remove my old number", "years ago I signed up. Delete my old email",
])
def test_years_and_old_in_different_clauses_name_no_child(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


@pytest.mark.parametrize("question", [
    "my 12 years old son signed up, delete his account", "my son is 12 years old and has an account",
    "my twelve year old made an account, remove it", "my little brother made an account, please remove it",
])
def test_a_child_named_in_one_clause_still_reports(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# A sign-in that fails, told with a child named and no age under 18, asks the product's support: no report form.
@pytest.mark.parametrize("question", [
    "my son is not getting the otp", "my kid can't get the otp on his phone",
    "my daughter can't log in to her account", "my daughter is not able to login",
    "my son didn't get the verification code",
])
def test_a_childs_failing_sign_in_is_no_report(assistant, question):
    answer = assistant.answer(question)
    assert answer.handoff is None and answer.intent is None, question


@pytest.mark.parametrize("question", [
    "my son is 12 and not getting the otp", "my son signed up and is not getting the otp, delete his account",
    "my son is not getting the otp, his data is with you, remove it", "my daughter has an account with you",
])
def test_a_child_aged_or_data_asked_removed_still_reports(assistant, question):
    assert assistant.answer(question).handoff == "child_data", question


# A person taken off the visitor's account or team ("remove him") is the product's user management: no deletion, nor
# a request of any other type ("my ex has access to my account, remove him" asks no access either).
@pytest.mark.parametrize("question", [
    "he has access to our dashboard, remove him", "he left the company, remove him from our account",
    "remove her from our team please", "he's an old admin on our workspace, remove him pls",
    "my ex has access to my account, remove him", "he left the company, remove him from our dashboard access",
])
def test_removing_a_person_from_the_account_is_no_request(assistant, question):
    assert assistant.answer(question).handoff is None, question


@pytest.mark.parametrize("question", [
    "remove her data", "remove him from your mailing list", "delete her number from your database",
    "my father passed away, remove him from your records", "she is my ex, remove her access to my account",
])
def test_removing_a_persons_data_still_deletes(assistant, question):
    assert assistant.answer(question).handoff == "deletion", question


# Data "taken" is data collected; the children's section answers only a question that names a child or an age
# ("we will take steps to remove the information" shares nothing else with "what data do they take").
@pytest.mark.parametrize("question", [
    "what data do they take", "what data is the app taking from me?", "what info do you take from me",
    "what data is being taken", "what data does the app pull from me",
])
def test_data_taken_is_data_collected(assistant, question):
    answer = assistant.answer(question)
    assert answer.answered and answer.citations[0].clause.section == "2", question


@pytest.mark.parametrize("question", [
    "whats ur childrens policy", "is there an age limit", "what if someone under 13 uses it",
    "kya bachon ka data collect karte ho", "do you collect data from kids",
])
def test_questions_naming_a_child_or_an_age_still_get_the_childrens_section(assistant, question):
    answer = assistant.answer(question)
    assert answer.answered and answer.citations[0].clause.section == "9", question


# A right the visitor asks how to use applies to all their personal information, whatever its kind: a kind of data the
# policy never lists (photos, search history) no longer hides the right's section. A product list is still no data of
# theirs.
@pytest.mark.parametrize("question", ["can i delete my photos from your site?", "can i delete my search history?"])
def test_a_right_on_a_kind_of_data_never_listed_is_answered_from_the_rights_section(assistant, question):
    answer = assistant.answer(question)
    assert answer.answered and answer.citations[0].clause.section == "6", question


@pytest.mark.parametrize("question", ["how do i delete a contact list in the dashboard", "will the app switch on my camera?"])
def test_a_product_list_or_a_kind_of_data_never_listed_is_still_not_covered(assistant, question):
    assert not assistant.answer(question).answered, question


# Everyday words for where the visitor goes are location.
@pytest.mark.parametrize("question", ["does this track my movements", "do you know the places i visit"])
def test_movements_and_places_visited_are_location(assistant, question):
    answer = assistant.answer(question)
    assert answer.answered and answer.citations[0].clause.section == "2", question



# The review of rounds 19-20: a person taken away is a user of the visitor's only with their team or its access named,
# and only by "remove" or "delete"; an age the age reader misses still makes a failing sign-in a report.
@pytest.mark.parametrize("question, intent", [
    ("my husband's data is with you, remove him please", "deletion"), ("my mom passed away, please remove her", "deletion"),
    ("my stalker signed up with my number, remove him now", "deletion"), ("remove her from your service", "deletion"),
    ("erase him", "deletion"), ("unsubscribe him", "marketing_opt_out"),
    ("my wife doesn't want your emails anymore, unsubscribe her", "marketing_opt_out"),
    ("my kid's password isn't working, and she's only 12", "child_data"),
    ("my daughter's verification isn't coming, she is twelve", "child_data"),
])
def test_requests_the_user_and_sign_in_rules_must_not_take(assistant, question, intent):
    assert assistant.answer(question).handoff == intent, question
