"""Answering: extractive replies, small talk, and abstention."""

from pathlib import Path

import pytest
import yaml

from app.engine.answering import MAX_CITATIONS, OFF_TOPIC_REPLY, asks_for_list, classify_smalltalk, others_act
from app.engine.text import analyse

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "data" / "retrieval_cases.yaml").read_text(encoding="utf-8"))


def test_answer_is_a_verbatim_clause(assistant):
    reply = assistant.answer("Do you share my information with the police?")
    assert reply.answered
    texts = {c.text for c in assistant.index.policy.clauses}
    assert reply.message in texts
    assert reply.clause.text == reply.message


def test_citations_are_best_first_distinct_sections_at_most_three(assistant):
    for case in CASES["answered"]:
        reply = assistant.answer(case["q"])
        scores = [h.score for h in reply.citations]
        assert scores == sorted(scores, reverse=True)
        sections = [h.clause.section for h in reply.citations]
        assert len(sections) == len(set(sections)) <= MAX_CITATIONS


def test_abstention_rate_on_team_table(assistant):
    """The calibrated threshold keeps abstention on unanswerable questions at the bar."""
    replies = [assistant.answer(c["q"]) for c in CASES["not_answered"]]
    assert all(r.citations == [] for r in replies if not r.answered)
    assert sum(not r.answered for r in replies) / len(replies) >= 0.8


def test_no_answer_points_to_contact_details(assistant):
    reply = assistant.answer("what's the capital of France")
    assert reply.kind == "no_answer"
    assert "doesn't cover" in reply.message
    assert "sales@bluemessaggio.com" in reply.message and "+91 95612 34758" in reply.message


def test_gap_reply_names_the_topic(assistant):
    reply = assistant.answer("how long do you retain my messages")
    assert reply.gap is not None
    assert reply.gap.topic.lower() in reply.message


@pytest.mark.parametrize("question, topic", [
    ("will your company reimburse me after a leak", "Compensation after a data breach"),
    ("has blue messaggio got hacked before", "Past security incidents"),
    ("are audio messages saved on your servers", "Voice and video calls"),
    ("can the admin of my account read my chats", "What an employer or the admin of a work account can see"),
    ("is your company dpdp compliant", "Certifications and industry standards"),
    ("do you store my old chats forever", "How long data is kept"),
    ("till when do you store my messages", "How long data is kept"),  # Indian English "till when"
    ("are my messages kept in backups after I delete them", "How long data is kept"),
    ("do you record the calls I make through your app", "Voice and video calls"),
])
def test_privacy_sounding_questions_the_policy_does_not_answer_decline_with_the_topic(assistant, question, topic):
    reply = assistant.answer(question)
    assert reply.kind == "no_answer" and reply.citations == []
    assert reply.gap is not None and reply.gap.topic == topic


def test_deleting_for_good_is_still_a_right_not_a_retention_question(assistant):
    reply = assistant.answer("can I permanently delete my account")
    assert reply.answered and reply.citations[0].clause.section == "6"


@pytest.mark.parametrize("text, kind", [
    ("hi", "greeting"), ("Hello there!", "greeting"), ("good morning", "greeting"),
    ("thanks", "thanks"), ("thank you so much", "thanks"), ("ok bye", "thanks"),
    ("hi, do you sell my data?", None), ("thanks but can I delete my account", None), ("", None),
    # What the assistant is or can do, and asking for a person: every word of the message must be about that.
    ("who are you?", "about"), ("r u a human or a bot", "about"), ("am I talking to a real person", "about"),
    ("is this AI", "about"), ("who made you", "about"), ("aap kaun ho", "about"), ("help", "about"),
    ("i need help", "about"), ("what can you do", "about"), ("what is your name", "about"),
    ("can I talk to a human", "human"), ("i want to speak to a real person", "human"), ("talk to agent", "human"),
    ("connect me to customer care", "human"), ("is there a human i can talk to?", "human"),
    ("customer support", "human"),
    ("who are you sharing my data with", None), ("can a human see my data", None), ("help me delete my account", None),
    ("is there a human who reads my messages", None), ("customer care number", None), ("who has my data", None),
    ("do you support whatsapp", None), ("what is personal data", None), ("can staff read my chats", None),
])
def test_smalltalk(text, kind):
    assert classify_smalltalk(analyse(text)) == kind


def test_smalltalk_reply_has_no_citation(assistant):
    reply = assistant.answer("Hello!")
    assert reply.kind == "smalltalk" and not reply.answered and reply.citations == []


@pytest.mark.parametrize("question", ["who are you sharing my data with?", "who r u giving my info to"])
def test_who_are_you_inside_a_question_is_the_question(assistant, question):
    """"who are you" was an everyday gap phrase, so any question that began with it was declined."""
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "4"


def test_asking_for_a_person_gives_the_policys_contact_lines(assistant):
    reply = assistant.answer("can I speak to someone from your team?")
    assert (reply.kind, reply.citations, reply.contact) == ("smalltalk", [], assistant.contact)
    assert reply.message.splitlines()[1:] == [f"{label}: {value}" for label, value in assistant.contact.items()]


@pytest.mark.parametrize("question, line", [
    ("what is your phone number", "Phone: +91 95612 34758"),
    ("Kindly share your customer care number", "Phone: +91 95612 34758"),
    ("whats ur email id", "Email: sales@bluemessaggio.com"),
    ("where are you based?", "Address: Mumbai, Maharashtra, India"),
    ("r u open on saturday", "Business Hours: Monday - Friday, 9:00 AM - 6:00 PM IST"),
    ("how long will you take to reply to my query", "We will respond to your inquiry within 30 days of receipt."),
    ("how many days will you take to reply to my email", "We will respond to your inquiry within 30 days of receipt."),
    ("when do your offices close on friday", "Business Hours: Monday - Friday, 9:00 AM - 6:00 PM IST"),
    ("what's the timeline to reply to a privacy request", "We will respond to your inquiry within 30 days of receipt."),
    # Indian English "kindly/please share X" asks to be told X; a practice in a topic's name ("data deletion
    # queries") asks nothing about data
    ("Kindly share the working hours of your office", "Business Hours: Monday - Friday, 9:00 AM - 6:00 PM IST"),
    ("please share the office address", "Address: Mumbai, Maharashtra, India"),
    ("which email id do I write to for data deletion queries", "Email: sales@bluemessaggio.com"),
    ("what number should I call about my data", "Phone: +91 95612 34758"),
    # the longer phrase wins: "till what time" (our hours) holds the everyday gap's "what time"
    ("till what time can I call on friday", "Business Hours: Monday - Friday, 9:00 AM - 6:00 PM IST"),
])
def test_questions_about_the_company_get_the_line_of_contact_us_that_answers(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.answered and reply.message == line
    assert reply.citations[0].clause.section == "12"
    assert line in reply.citations[0].clause.text  # verbatim, and the citation covers it


@pytest.mark.parametrize("question, section", [
    ("do you store my phone number", "2"),
    ("is my home address kept by you", "2"),
    ("do you log my ip address", "2"),
    # "Contact Us" lists an e-mail address too; the visitor's own is about their data, and "why" asks what it
    # is used for (§3, not the list of what is collected)
    ("why does Blue Messaggio need my email address?", "3"),
    # Marketing mails "from you" are a choice about marketing, not a request for the company's e-mail.
    ("how do i stop getting promo mails from you", "6"),
    # Hindi puts the verb after its object: "information collect" is not a topic's name
    ("aap kaun si information collect karte ho", "2"),
])

def test_questions_about_the_visitors_own_details_are_not_about_the_company(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section
    assert reply.reason != "company"


@pytest.mark.parametrize("question", [
    "how often do I get emails from your company",  # mail from us is what we send, not our address
    "would I receive a phone call from you",
    "is the email in my profile shown to anyone",  # the visitor's own
])
def test_mail_from_us_and_details_in_the_visitors_account_are_not_the_companys_contact_line(assistant, question):
    reply = assistant.answer(question)
    assert reply.reason != "company"
    assert not (reply.answered and reply.citations[0].clause.section == "12")


@pytest.mark.parametrize("question", ["can i send bulk email campaigns from your dashboard",
                                      "do you offer an email campaign feature"])
def test_a_product_phrase_holding_a_company_word_is_a_product_question(assistant, question):
    """"bulk email" holds "email": what is asked is the product, not our address (the reply still gives it)."""
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.gap is not None
    assert "sales@bluemessaggio.com" in reply.message


@pytest.mark.parametrize("question, others", [
    ("who can read the chats on my account", True),
    ("can your employees open my chats?", True),
    ("does anybody at the office look at messages i send", True),  # someone else acts before "I"
    ("can I see the data you hold about me", False),
    ("who do I write to for a copy of my data", False),  # "who" is whom the visitor writes to
    ("how can I stop anyone from seeing my data", False),
    ("how to unsubscribe from newsletters", False),
])
def test_who_acts_in_a_question(question, others):
    assert others_act(analyse(question)) is others


def test_what_others_do_with_the_visitors_data_is_not_answered_from_the_rights(assistant):
    # "access" is a right in §6 ("Request access ..."), but here staff act: access controls (§5).
    for question in ["who will be able to access my chats?", "can your staff access my account data"]:
        assert assistant.index.search(question).hits[0].clause.section == "6"  # BM25 alone: the words of §6
        assert assistant.retrieve(assistant.analyse(question)).hits[0].clause.section == "5"
    assert assistant.retrieve(assistant.analyse("can I access my account data")).hits[0].clause.section == "6"


@pytest.mark.parametrize("question, listing", [
    ("list the data you collect from users", True),
    ("what all information do you take from people", True),  # Indian English "what all"
    ("which kinds of cookies do you use", True),
    ("all the information you take from users", True),
    ("what happens if there is a breach", False),
    ("do you sell my data", False),
])
def test_a_question_that_asks_for_a_list(question, listing):
    assert asks_for_list(analyse(question)) is listing


@pytest.mark.parametrize("question", ["list the data you collect from users",
                                      "what all information do you take from people"])
def test_a_list_question_is_answered_by_a_list(assistant, question):
    # BM25 alone prefers a short paragraph with the same words (§9's "collected information from a child",
    # §10's "users in the European Union"); the question asks for the list of what is collected.
    assert assistant.index.search(question).hits[0].clause.section != "2"
    assert assistant.retrieve(assistant.analyse(question)).hits[0].clause.id == "s2-personal-information-1"


def test_whom_to_complain_to_quotes_the_whole_contact_section(assistant):
    reply = assistant.answer("whom do I complain to about my privacy?")
    assert [q.clause.id for q in reply.quotes] == [c.id for c in assistant.contact_section.clauses]


@pytest.mark.parametrize("question, first, size", [
    ("what cookies do you use?", "s7-types-of-cookies-we-use-1", 4),
    ("what personal information do you collect", "s2-personal-information-1", 6),
    ("what rights do I have", "s6-1", 10),
])
def test_a_list_question_gets_the_lead_in_with_its_whole_list_verbatim(assistant, question, first, size):
    reply = assistant.answer(question)
    assert [q.clause.id for q in reply.quotes][:1] == [first] and len(reply.quotes) == size
    assert reply.citations[0].clause.id == first
    assert reply.message == "\n".join(q.clause.text for q in reply.quotes)


def test_a_lead_in_is_never_quoted_without_its_list(assistant):
    for clause in assistant.index.policy.clauses:
        if clause.text.endswith(":") and len(assistant.index.policy.list_of(clause)) > 1:
            quotes = assistant.quote(clause, analyse("do you do this"))
            assert len(quotes) > 1, clause.id


def test_a_question_about_one_item_gets_that_item(assistant):
    reply = assistant.answer("what are marketing cookies used for")
    assert [q.clause.id for q in reply.quotes] == ["s7-types-of-cookies-we-use-4"]


@pytest.mark.parametrize("question, quoted", [
    # the list items of "We may disclose your information ... in response to:" inherit its words and nearly tie;
    # the shortest says nothing of sharing
    ("Do you share my data?", "s4-1"),
    ("who do you share my data with", "s4-1"),
    # an item ("Essential Cookies: ...") ties with the section's opening, which answers a plain question
    ("do you use cookies", "s7-1"),
    ("cookeis", "s7-1"),
    ("cookies kyun use karte ho", "s7-1"),
    # ... and where the question names the item, or asks for the list, the item and its list stay
    ("what are marketing cookies used for", "s7-types-of-cookies-we-use-4"),
    ("what cookies do you use?", "s7-types-of-cookies-we-use-1"),
    ("can the police ask you for my data", "s4-legal-requirements-1"),
])
def test_of_clauses_that_nearly_tie_the_one_that_says_the_question_is_quoted(assistant, question, quoted):
    reply = assistant.answer(question)
    assert reply.quotes[0].clause.id == quoted and reply.citations[0].clause.id == quoted


def test_a_near_tie_never_changes_the_section_that_answers(assistant):
    for question in ["Do you share my data?", "do you use cookies", "can hackers get my info lol", "cookeis"]:
        query = assistant.analyse(question)
        result = assistant.retrieve(query, assistant.section_prior(assistant.topics.predict(list(query.words))))
        assert assistant.plainest(query, result).clause.section == result.best.clause.section


@pytest.mark.parametrize("content, problem", [
    ("- when: [phone number]\n  line: 'Fax:'\n", "no line of the last section starts with 'Fax:'"),
    ("- line: 'Phone:'\n", "each entry needs 'when'"),
    ("- when: []\n  line: 'Phone:'\n", "'when' must be a non-empty list"),
    ("when: [phone]\n", "expected a list"),
])
def test_a_malformed_company_file_names_the_line_and_problem(assistant, tmp_path, content, problem):
    from app.engine.answering import load_company_questions
    from app.engine.yamlfile import YamlFileError

    path = tmp_path / "company.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(YamlFileError, match=problem) as excinfo:
        load_company_questions(path, assistant.index.policy)
    assert str(excinfo.value).startswith(f"{path}:")


@pytest.mark.parametrize("text", ["hey", "hey there", "hey yo", "hii", "namaste ji"])
def test_greetings_are_not_read_as_slips_of_question_words(assistant, text):
    assert assistant.answer(text).kind == "smalltalk"  # "hey" is not a slip of "they"


def test_below_the_minimum_probability_it_asks_back_instead_of_declining_when_set_to(assistant):
    """CLARIFY_FLOOR: between it and MIN_PROBABILITY the assistant asks back rather than decline."""
    saved = assistant.min_probability, assistant.clarify_floor, assistant.sections
    # nothing is sure enough: always ask back (retrieval alone: the section model would answer from its section)
    assistant.min_probability, assistant.clarify_floor, assistant.sections = 1.01, 0.0, None
    try:
        # (not a question whose shape names its section, such as "do you share my data with advertisers": that
        # section is quoted however unsure the calibration is)
        reply = assistant.answer("is my data used for advertising")
        assert reply.kind == "clarify" and not reply.answered and reply.reason == "unsure"
        assert 2 <= len(reply.choices) <= 3
        assert len({hit.clause.section for hit in reply.choices}) == len(reply.choices)
        assert assistant.answer("what is the capital of france").kind == "no_answer"  # a gap or no clause: declined
    finally:
        assistant.min_probability, assistant.clarify_floor, assistant.sections = saved


def test_confidence_falls_when_the_models_topics_point_at_none_of_the_cited_sections(assistant):
    query = assistant.analyse("do you sell my data")
    prediction = assistant.topics.predict(list(query.words))
    prior = assistant.section_prior(prediction)
    result = assistant.retrieve(query, prior)
    cited = {hit.clause.section for hit in assistant.cite(result.hits)}
    elsewhere = {number: weight for number, weight in prior.items() if number not in cited}
    assert assistant.features(query, result, prediction, prior)[-1] == 1.0
    assert assistant.features(query, result, prediction, elsewhere)[-1] == 0.0
    assert (assistant.calibrated(query, result, prediction, elsewhere)
            < assistant.calibrated(query, result, prediction, prior))


@pytest.mark.parametrize("text, asked", [
    # The question's sentence, not the situation before it.
    ("We send reminders to parents. A parent got calls from other companies. Do you pass on our numbers?",
     "do you pass on our numbers"),
    # Back to the start of the sentence: "my question is, do you ..." keeps "my question is".
    ("I run a shop in Pune. my question is, do you give our numbers to anyone?",
     "my question is do you give our numbers to anyone"),
    # A question that points back ("both", "that") or says too little takes the sentence before it.
    ("A client asks whether messages stay on your servers and are protected. Can you confirm both?",
     "a client asks whether messages stay on your servers are protected can you confirm both"),
    ("do you sell my data", "do you sell my data"),  # no "?": every word is asked
    # no "?" but a sentence that asks indirectly: that sentence
    ("We are a clinic in Surat. Our doctor wants to understand whether patient numbers are encrypted.",
     "our doctor wants to understand whether patient numbers are encrypted"),
    ("I run a shop. Please tell me how you protect my customers' numbers. Thanks.",
     "please tell me how you protect my customers numbers"),
    # every sentence asks indirectly, or there is only one: every word
    ("I want to know if you sell data. Let me know how you store it.",
     "i want to know if you sell data let me know how you store it"),
])
def test_what_a_long_message_asks_is_the_sentence_of_its_question(text, asked):
    assert " ".join(analyse(text).asked) == asked


@pytest.mark.parametrize("question", [
    "Hi team, we are a small coaching institute and send class reminders to parents over SMS. A parent "
    "complained that she started getting calls from other companies. Do you share the phone numbers we upload?",
    "Good morning. I run a boutique and my accountant says cloud services leak data all the time. How do you "
    "keep my account secure?",
])
def test_the_context_of_a_long_message_does_not_turn_its_question_away(assistant, question):
    """Words of the visitor's situation ("calls", "boutique") are neither a gap topic nor unknown words of the
    question: the model, the coverage and the gates read the sentence that asks."""
    assert assistant.answer(question).answered


@pytest.mark.parametrize("question", ["is my number sold to the companies whose calls I keep getting?",
                                      "do you give my number to telecallers who make calls to me"])
def test_calls_a_visitor_receives_are_not_the_voice_call_gap(assistant, question):
    """The gap is calls made or recorded through the service, not any mention of calls (spam calls are why
    visitors ask whether their number was sold)."""
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "4"


@pytest.mark.parametrize("question", [
    "what is the procedure to get my data corrected",
    "what are the steps to get my personal data deleted",
    "whats the process for getting a copy of my data",
])
def test_how_to_questions_about_a_right_are_answered_from_its_section(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == "6" and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    # whether the visitor may use a right: the section granting it
    ("is there any provision to get a copy of my data", "6"),
    ("am I allowed to ask for my records to be corrected", "6"),
    # "can I" with another practice's word is answered where that practice is
    ("can I delete cookies", "7"),
    ("can I see what cookies you use", "7"),
    # "able" with the app as its subject asks what the app does, not whether the visitor may use a right
    ("will the app be able to access my location", "2"),
])
def test_whether_a_right_may_be_used_is_answered_from_its_section_unless_another_practice_is_named(
        assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section and reply.handoff is None


@pytest.mark.parametrize("question, scope", [
    ("does this policy apply to customers who only use the website", True),
    ("is the same privacy policy valid for the android app", True),
    ("wat is this privcy policy even about", True),
    ("what does the policy say about cookies", False),  # a practice: answered where it is
    ("does this policy apply to zoho", False),  # a product's name: whose rules apply (section 8)
    ("are third party apps covered by this policy", False),
    ("my customer links her zoho account through our integration with you. whose privacy policy applies then?",
     False),
])
def test_what_the_policy_applies_to_is_answered_from_the_introduction(assistant, question, scope):
    query = assistant.analyse(question)
    assert assistant.asks_about_this_policy(query) is scope
    reply = assistant.answer(question)
    assert reply.answered and (reply.clause.section == "1") is scope
    if not scope and assistant.asks_whose_rules(query):
        assert reply.clause.section == "8"


@pytest.mark.parametrize("question, product", [
    ("do you integrate with shopify", True),
    ("is there a plugin for woocommerce", True),
    ("does blue messaggio work with hubspot", True),
    ("do you integrate with other services", False),  # whose privacy rules apply: section 8
    ("are you responsible for what zapier does with my data", False),  # names a product, asks about privacy
])
def test_whether_the_service_works_with_a_named_product_is_a_product_question(assistant, question, product):
    assert assistant.asks_about_a_product(assistant.analyse(question)) is product
    reply = assistant.answer(question)
    if product:
        assert not reply.answered and reply.reason == "not_covered"
    else:
        assert reply.message != assistant.no_answer_message(lead=OFF_TOPIC_REPLY)


@pytest.mark.parametrize("question", ["how do I reset my password", "forgot password and the otp is not coming",
                                      "i cant log in to my account, what do i do"])
def test_account_support_is_not_covered_by_the_policy(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    # a purpose question is answered from how data is used
    ("why do you want my phone number", "3"),
    ("what will my home address be used for", "3"),
    ("what do you do with my IP address", "3"),
    ("for what purpose is my job title collected", "3"),
    # ... and what is collected still from what is collected
    ("what do you collect from my phone", "2"),
    ("do you store my phone number", "2"),
    # whether the policy covers another company's service: third-party services
    ("is mailchimp covered by your privacy policy when i connect it", "8"),
    ("when i log in with my microsoft account whose rules apply", "8"),
    ("what will hubspot do with my data after i link it", "8"),
    ("are you responsible for other websites you link to", "8"),
    # a slang verb of taking asks what is collected
    ("wat do u guys slurp up abt me", "2"),
    ("wat data do u yoink when i use ur app", "2"),
    ("what do u vacuum up from me when i register", "2"),
])
def test_each_kind_of_question_is_answered_from_its_section(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.clause.section == section


@pytest.mark.parametrize("question, product", [
    ("is there a mailchimp integration", True),
    ("do you offer a wordpress plugin", True),
    ("do you integrate with freshdesk", True),
    ("do you share my data with advertisers", False),
    ("is there an integration with other services", False),
    # the visitor setting something the policy never names is using the product
    ("how do i switch the theme of the inbox", True),
    ("can i upgrade my subscription tier", True),
    ("how can i change my email address", False),
    ("can i edit my account preferences", False),
])
def test_a_product_name_or_a_setting_the_policy_never_names_is_a_product_question(assistant, question, product):
    assert assistant.asks_about_a_product(assistant.analyse(question)) is product


@pytest.mark.parametrize("question", ["what do you mean by cookies", "what do you share about me"])
def test_other_verbs_after_what_do_you_are_left_to_retrieval(assistant, question):
    query = assistant.analyse(question)
    assert not assistant.asks_what_is_taken(query, assistant.predict(query))


@pytest.mark.parametrize("question, text", [
    # the item that says the visitor's own word, not the one a synonym of it matched
    ("does the government get my data from you", "Government requests or investigations"),
    ("can government agencies see my account", "Government requests or investigations"),
    # an item quoted with its whole list already holds it: the lead-in stays
    ("what if a government agency asks for my records", "We may disclose your information if required by law"),
])
def test_the_clause_quoted_says_the_visitors_own_words(assistant, question, text):
    reply = assistant.answer(question)
    assert reply.answered and reply.quotes[0].text.startswith(text)


# Review of round 13 (/work/briefs/review13.md), section B and C6-C8.
@pytest.mark.parametrize("question", [
    "I reside outside India, can I sign up for your SMS service?",  # where the visitor lives, not where data is
    "I reside in Singapore, do you deliver sms to india?",
    "my whatsapp number is locked down by meta, help",  # "locked down/up" is no security word (synonym taken out)
    "my account got locked up after wrong otp, how to unlock",
])
def test_review_13_product_questions_are_not_answered(assistant, question):
    reply = assistant.answer(question)
    assert not reply.answered and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    ("my data will be going to which all countries", "10"), ("will my details go abroad", "10"),
    ("is my data parked in india or outside", "10"),
    ("kya mera data bahar ke desh mein jaata hai", "10"),
    # another company's name after "to", whatever follows it
    ("does your privacy policy apply to Zoho CRM data?", "8"), ("does this policy apply to shopify stores", "8"),
    ("does this apply to zoho as well", "8"),
    # the office asked about beside where the data goes
    ("which country is your head office in? and does my data go there?", "12"),
    ("mujhe janna hai aap mera data kisko dete ho", "4"),
])
def test_review_13_questions_answered_from_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section


@pytest.mark.parametrize("question", [
    # the visitor going abroad is no transfer of their data
    "I'm going to USA for a month, will my OTP and account details still work?",
    "going abroad next week, will my data be safe there",
])
def test_review_13_the_visitor_going_abroad_is_no_transfer(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "10")


@pytest.mark.parametrize("question, kind", [
    ("send me what you have to prove I consented", "access"),  # "have to" of the visitor's own is a having
])
def test_review_13_have_to_of_the_visitors_own(assistant, question, kind):
    assert assistant.answer(question).handoff == kind


@pytest.mark.parametrize("question", [
    # told to do something with the product: neither handed off nor answered from the right its verb names
    "stop sending me OTPs", "stop the otp spam I never requested", "stop sending me OTP on every login",
    "delete the template I made yesterday", "delete the contact group i created",
])
def test_review_13_instructions_on_the_product_are_declined(assistant, question):
    reply = assistant.answer(question)
    assert reply.handoff is None and not reply.answered


def test_review_13_cookies_cleared_are_still_answered_from_section_7(assistant):
    reply = assistant.answer("get rid of cookies on my browser")
    assert reply.answered and reply.citations[0].clause.section == "7"


# Branch quality14: the company asked about in the eleventh table's words.
@pytest.mark.parametrize("question, line", [
    ("Request you to share the office address of your company", "Address:"),  # Indian English politeness
    ("how fast do you get back to privacy queries", "We will respond"),
    ("how quickly will you reply to my email", "We will respond"),
])
def test_round_14_company_questions(assistant, question, line):
    reply = assistant.answer(question)
    assert reply.reason == "company" and reply.quotes[0].text.startswith(line)


@pytest.mark.parametrize("question", ["request you to share my data with my accountant", "how fast is my data deleted",
                                      "how quickly do you respond to a data breach"])
def test_round_14_not_company_questions(assistant, question):
    assert assistant.answer(question).reason != "company"


@pytest.mark.parametrize("question", [
    "What stops random employees at your end from looking at our messages?",
    "whether your staff can just open and read what we send",
    "can your staff read my chats",
])
def test_round_14_what_our_own_staff_see_is_security(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "5"


@pytest.mark.parametrize("question", ["can your team see why my sms failed",
                                      "can I see which staff member handled my ticket"])
def test_round_14_staff_without_the_visitors_data_is_not_security(assistant, question):
    reply = assistant.answer(question)
    assert not (reply.answered and reply.citations[0].clause.section == "5")


def test_round_14_the_number_the_visitor_uses_to_reach_us_is_ours(assistant):
    reply = assistant.answer("I want to speak to someone about a privacy question. Which number or email should I use, "
                             "and what time is someone there?")
    assert reply.reason == "company"
    assert assistant.answer("which email id should i use for my account").reason != "company"


def test_round_14_ads_that_follow_the_visitor_around_are_tracking(assistant):
    reply = assistant.answer("why do your ads follow me around")
    assert reply.answered and reply.citations[0].clause.section == "7"


def test_round_14_a_question_pointing_back_at_a_product_statement_is_not_answered_on_its_own(assistant):
    reply = assistant.answer("the delivery report shows DND failed, what does that mean")
    assert not reply.answered and reply.handoff is None


@pytest.mark.parametrize("question, section", [
    ("can I keep you from using my data for ads", "3"),  # keeping someone from doing something: no retention
    ("bruh is there a way to nuke just the tracking cookies", "7"),  # the browser's cookies, nothing of the visitor's
])
def test_round_14_answered_not_declined_nor_handed_off(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.handoff is None and section in [c.clause.section for c in reply.citations]


@pytest.mark.parametrize("question", ["how long do you keep my data", "do you keep my data for years"])
def test_round_14_retention_is_still_not_covered(assistant, question):
    assert assistant.answer(question).reason == "not_covered"


@pytest.mark.parametrize("text", ["delete my account and all the cookies",
                                  "erase all data you hold and stop dropping cookies on me"])
def test_round_14_a_deletion_naming_the_visitors_things_beside_cookies_still_hands_off(assistant, text):
    assert assistant.answer(text).handoff == "deletion"


@pytest.mark.parametrize("question", ["if my details are wrong can they be corrected?", "can my data be deleted"])
def test_round_14_whether_the_visitors_things_may_be_done_to_is_the_right(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.handoff is None and reply.citations[0].clause.section == "6"


@pytest.mark.parametrize("question, section", [("can my account be hacked", "5"),
                                               ("can my number be shared with the police", "4")])
def test_round_14_what_others_may_do_to_the_visitors_things_is_no_right(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section


@pytest.mark.parametrize("question", ["What is the purpose for which you are taking my mobile number?",
                                      "lowkey wanna know what u do w my chats"])
def test_round_14_what_the_visitors_data_is_taken_for_is_its_use(assistant, question):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == "3"


@pytest.mark.parametrize("question", ["why is my number blocked", "why do you need my number for dlt registration",
                                      "what do you do with my campaign reports"])
def test_round_14_purpose_words_about_the_product_are_not_answered(assistant, question):
    assert not assistant.answer(question).answered


# Slang "yo" opens a message ("yo what do you collect"); it is "years old" only after a number ("my 12yo", "a 9 yo").
@pytest.mark.parametrize("question, section", [
    ("yo what do you collect", "2"),
    ("yo is my data safe", "5"),
    ("can my 12yo use ur app", "9"),
    ("do u allow 11 yo", "9"),
])
def test_yo_is_an_age_only_after_a_number(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section


@pytest.mark.parametrize("question", ["yo whos got access to my chats on ur end", "btw who sees my chats"])
def test_slang_before_a_question_word_leaves_it_a_question(assistant, question):
    assert assistant.answer(question).handoff is None


GAPS = ["Do you sell my data to advertisers?", "is my data stored in india", "do you use blockchain"]
NEAR_GAPS = ["do you sell data to advertisers", "where is my data stored, india?", "blockchain used?",
             "Do you share my messages with the police?", "Can I delete my account?"]


@pytest.mark.parametrize("before, after", [([], GAPS), (GAPS[:1], GAPS), (GAPS, GAPS[1:]), (GAPS, [])])
def test_a_worker_takes_editors_gaps_without_a_rebuild_and_answers_as_a_rebuilt_one(before, after):
    """`with_editor_gaps` (a grown list, or one a decision was taken back from) answers every question as an
    assistant built with that list, and leaves the one it came from as it was."""
    from app.engine.answering import load_assistant
    from app.platform.config import ROOT

    def answers(a):
        return [(r.kind, r.reason, r.clause.id if r.answered else None) for r in map(a.answer, GAPS + NEAR_GAPS)]

    old = load_assistant(ROOT / "corpus")
    old.add_editor_gaps(before)
    was = answers(old)
    rebuilt = load_assistant(ROOT / "corpus")
    rebuilt.add_editor_gaps(after)
    updated = old.with_editor_gaps(after)
    assert answers(updated) == answers(rebuilt)
    assert answers(old) == was
    assert updated.index is old.index
