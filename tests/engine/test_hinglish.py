"""Hinglish: romanised Hindi questions and requests are understood like English ones."""

from pathlib import Path

import pytest

from app.engine.lexicon import load_lexicon
from app.engine.text import analyse
from app.engine.yamlfile import YamlFileError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, english, act", [
    ("mera account delete kar do", ["my", "account", "delete"], "instruction"),
    ("mujhe marketing emails nahi chahiye", ["i", "marketing", "emails", "not", "want"], "wish"),
    ("kya aap mera data bechte ho", ["what", "you", "my", "data", "sell"], "question"),
    ("aap data kitne din tak rakhte ho", ["you", "data", "how", "long", "keep"], None),
])
def test_hinglish_words_are_read_as_english_with_the_act_they_mark(text, english, act):
    lexicon = load_lexicon(ROOT / "corpus" / "hinglish.yaml")
    words, found_act, count = lexicon.translate(text.split())
    assert words == english
    assert count > 0
    if act:
        assert found_act == act


def test_english_questions_are_left_alone():
    query = analyse("Do you share the data you collect with anyone?")
    assert query.translated == 0
    assert query.words == ("do", "you", "share", "the", "data", "you", "collect", "with", "anyone")


@pytest.mark.parametrize("question, section", [
    ("kya aap mera data bechte ho?", "4"),
    ("meri jaankari surakshit hai kya?", "5"),
    ("cookies kya hain aur aap kaunsi use karte ho", "7"),
    ("aap mere baare mein kya jaankari rakhte ho", "2"),
    # Postpositions come after their noun: "desh ke bahar" is "outside the country".
    ("kya meri jaankari desh ke bahar bheji jaati hai", "10"),
    ("privacy policy badle toh kaise pata chalega", "11"),
    ("company bik jaye toh data kiske paas jayega", "4"),
    ("bachon ki details collect karte ho kya", "9"),
])
def test_hinglish_questions_are_answered_from_the_english_policy(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.handoff is None
    assert reply.citations[0].clause.section == section


@pytest.mark.parametrize("message, request_type", [
    ("mera account delete kar do", "deletion"),
    ("mujhe marketing emails nahi chahiye", "marketing_opt_out"),
    ("mujhe mera data ka copy chahiye", "access"),
    ("mera data export kar do", "portability"),
    ("mere bachche ka data hata do, woh 11 saal ka hai", "child_data"),
    ("mere bhai ki umar 10 saal hai, uska account hata dijiye", "child_data"),
])
def test_hinglish_requests_hand_off_like_english_ones(assistant, message, request_type):
    reply = assistant.answer(message)
    assert reply.handoff == request_type


def test_a_hinglish_question_about_a_right_is_answered_not_handed_off(assistant):
    reply = assistant.answer("kya main apna data delete kar sakta hoon?")
    assert reply.handoff is None
    assert reply.answered and reply.citations[0].clause.section == "6"


@pytest.mark.parametrize("message", ["कृपया मेरा डेटा हटाएं", "मेरी जानकारी कौन देखता है?"])
def test_devanagari_gets_a_clear_reply_with_the_contact_details(assistant, message):
    reply = assistant.answer(message)
    assert reply.kind == "no_answer" and reply.reason == "devanagari"
    assert "English letters" in reply.message and "Email: sales@bluemessaggio.com" in reply.message


def test_devanagari_beside_english_words_is_answered_from_the_english(assistant):
    reply = assistant.answer("क्या do you sell my data?")
    assert reply.answered and reply.citations[0].clause.section == "4"


@pytest.mark.parametrize("content, problem", [
    ("words: {mera: my}\n", "expected exactly the keys 'words' and 'acts'"),
    ("words: {Mera: my}\nacts: {}\n", "lower case"),
    ("words: {mera: my, pe: on}\nacts: {}\n", "in quotes"),
    ("words: {mera: my}\nacts: {command: [karo]}\n", "'acts' may only have"),
    ("words: {mera: my}\nacts: {wish: chahiye}\n", "'wish' must be a list"),
])
def test_a_malformed_lexicon_names_the_file_line_and_problem(tmp_path, content, problem):
    path = tmp_path / "hinglish.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(YamlFileError, match=problem) as excinfo:
        load_lexicon(path)
    assert str(excinfo.value).startswith(f"{path}:")


def test_asking_the_price_in_hinglish_declines_as_a_product_question(assistant):
    reply = assistant.answer("whatsapp ke kitne paise lagte hai")
    assert not reply.answered and reply.reason == "not_covered" and reply.handoff is None


# Branch quality13: common Hindi words of probes written beyond the tenth table.
@pytest.mark.parametrize("question, section", [
    ("aapse baat karne ka number kya hai", "12"),  # the number to talk to you
    ("policy mein badlav hua toh batayenge kya", "11"),  # a change, will you tell
])
def test_round_13_hindi_words_reach_their_section(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section


# Review of round 13: "X mat karo" reads "X stop" for the visitor or of calls, not of the visitor's customers.
@pytest.mark.parametrize("text, kind", [
    ("mujhe call mat karo", "marketing_opt_out"), ("whatsapp pe message mat karo mujhe", "marketing_opt_out"),
    ("bar bar call mat karo sales wale", "marketing_opt_out"), ("profiling mat karo", "objection"),
    ("meri profiling band karo", "objection"),
])
def test_review_13_mat_karo_of_the_visitor_hands_off(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


@pytest.mark.parametrize("text", ["raat ko 10 baje ke baad customers ko sms mat karo, ye setting kaha hai",
                                  "raat ko 10 baje ke baad customers ko sms mat karo", "otp late mat karo please"])
def test_review_13_mat_karo_of_the_product_does_not_hand_off(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text", ["template approve mat karo abhi", "template approve mat kijiye abhi",
                                  "mujhe janna hai aapke plans kya hai"])
def test_review_13_product_hinglish_is_not_answered(assistant, text):
    reply = assistant.answer(text)
    assert reply.handoff is None and not reply.answered


# Hindi puts "don't" after the verb: "delete mat karo" is "don't delete", no deletion request (it was handed off as
# one); what is asked to stop ("call mat karo") is still an opt-out, and the rest of the message still counts.
@pytest.mark.parametrize("text", ["mera data delete mat karo", "mera account band mat karo",
                                  "mera account deactivate mat karna", "mera data delete nahi karna",
                                  "mera account delete mat karna please, galti se request chali gayi"])
def test_a_deed_forbidden_in_hindi_is_no_request_for_it(assistant, text):
    assert assistant.answer(text).handoff is None


@pytest.mark.parametrize("text, kind", [
    ("please delete mat karna mera account, bas number change karo", "correction"),
    ("mera data delete karo", "deletion"), ("mera account band karo", "deletion"),
    ("mere number pe promotional sms mat karo", "marketing_opt_out"), ("mujhe email mat karo", "marketing_opt_out"),
    ("mera data use mat karo", "objection"),
])
def test_what_is_asked_around_a_forbidden_deed_still_counts(assistant, text, kind):
    assert assistant.answer(text).handoff == kind


# Branch quality14: one Hindi sound spelt several ways, and everyday Hindi of the eleventh table's rows.
@pytest.mark.parametrize("typed", ["bachhe", "bachche", "bacche", "bache"])
def test_each_spelling_of_a_hindi_word_is_read(assistant, typed):
    assert "children" in assistant.analyse(f"{typed} use kar sakte hai kya ye app").words


@pytest.mark.parametrize("word", ["zucchini", "bacchus", "chhota"])
def test_other_words_with_those_letters_are_not_taken_for_children(assistant, word):
    assert "children" not in assistant.analyse(f"{word} plan kya hai").words


@pytest.mark.parametrize("question, section", [
    ("bachhe use kar sakte hai kya ye app", "9"),
    ("police maange toh data de doge kya", "4"),
])
def test_round_14_hinglish_questions(assistant, question, section):
    reply = assistant.answer(question)
    assert reply.answered and reply.citations[0].clause.section == section and reply.handoff is None


@pytest.mark.parametrize("text", ["WhatsApp API ka rate kya hai per message", "OTP nahi aa raha customers ko",
                                  "naya template bana liya, approve kab hoga", "sender id kaise milegi"])
def test_round_14_product_hinglish_is_not_answered_nor_handed_off(assistant, text):
    reply = assistant.answer(text)
    assert reply.handoff is None and not reply.answered


def test_round_14_use_for_marketing_mat_karo_is_an_opt_out(assistant):
    assert assistant.answer("mere data ko marketing ke liye use mat karo").handoff == "marketing_opt_out"
    assert assistant.answer("mere data ko analytics ke liye use mat karo").handoff == "objection"


# One reading of Hindi's "don't" (negate): a deed among the three words before "mat karo" is not to be done whoever
# speaks ("account delete bilkul mat karo" was handed off as a deletion when nobody was named).
@pytest.mark.parametrize("text", ["account delete bilkul mat karo", "account delete mat karna"])
def test_a_deed_forbidden_with_nobody_named_is_no_request_either(assistant, text):
    assert assistant.answer(text).handoff is None


def test_aap_log_is_you_and_log_alone_stays_english(assistant):
    assert "log" not in assistant.analyse("aap log mera data kisko kisko dete ho").words
    assert assistant.answer("aap log mera data kisko kisko dete ho").citations[0].clause.section == "4"
    assert "logs" in assistant.analyse("do you keep server logs").words
