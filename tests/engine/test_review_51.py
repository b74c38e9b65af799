"""Round 51's review: wordings of the reviewer's own that the round's first rules got wrong, each narrowed."""

import pytest

from tests.replies import top_section


# "If I ever ..." supposes only before what we would do ("would you ..."); an order, a past condition or an
# objection after it is still a request.
@pytest.mark.parametrize("question, form", [
    ("if you ever sell my data I will sue, delete it now?", "deletion"),
    ("if you've ever stored my number, remove it now?", "deletion"),
    ("if you ever had my kid's number, he is 12, remove it immediately?", "child_data"),
    ("if you guys ever had my details, pls send me a copy of everything?", "access"),
])
def test_requests_after_if_ever(assistant, question, form):
    assert assistant.answer(question).handoff == form, question


# "whose responsibility" in Hinglish is not read: "responsible" draws the third-party section, which says we are not
# responsible, the wrong thing to quote for a leak of ours.
@pytest.mark.parametrize("question", ["kiski zimmedari hai agar data leak hua?",
                                      "mere data ki security ki zimmedari kiski hai"])
def test_a_leak_is_not_answered_as_third_parties(assistant, question):
    assert top_section(assistant.answer(question)) != "8", question
