"""Normalisation: the tokens that indexing and questions are compared by."""

import pytest

from app.engine.text import STOPWORDS, analyse, normalize, stem, tokenize, words


@pytest.mark.parametrize("text, expected", [
    ("Do you SELL my e-mail address?", ["sell", "email", "address"]),
    ("Cookies, cookie and COOKIES", ["cooki", "cooki", "cooki"]),
    ("Encrypted; encryption!", ["encrypt", "encrypt"]),
    ("what is it?", []),
    ("", []),
    ("Café résumé", ["cafe", "resum"]),
    ("third-party services", ["third", "parti", "servic"]),
])
def test_tokenize(text, expected):
    assert tokenize(text) == expected


def test_words_keep_stopwords_and_fold_case_and_width():
    assert words("How LONG do you keep it?") == ["how", "long", "do", "you", "keep", "it"]
    assert words("ＦＵＬＬ width") == ["full", "width"]


def test_normalize_strips_accents_but_keeps_letters():
    assert normalize("Ünïcödé") == "unicode"


def test_stopwords_are_lower_case_words():
    assert all(w == w.lower() and " " not in w for w in STOPWORDS)


def test_stem_is_cached_and_stable():
    assert stem("protection") == stem("protection") == "protect"


@pytest.mark.parametrize("text, child", [
    ("can my 9 yr old use the app", True),
    ("my 14 years old nephew signed up", True),
    ("is it ok for a 12yo", True),
    ("my son aged 10 has an account", True),
    ("I have been a customer for 15 years", False),  # a number of years is not an age
    ("my 30 year old brother", False),  # an adult
    ("we send 10 messages a day", False),
])
def test_a_stated_age_under_18_reads_as_a_child(text, child):
    assert ("child" in analyse(text).words) is child
