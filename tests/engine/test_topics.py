"""The question-topic model: what it predicts, how its file is checked, and where topics live in the policy."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from app import create_app
from app.engine.answering import load_assistant
from app.engine.corpus import load_policy
from app.engine.text import words
from app.engine.topics import (HEADS, MAGIC, SETTINGS_SHA, TOPICS, TopicModel, TopicModelError, TopicPrediction, extract_features,
                        load_topic_map, load_topic_model, vectorize, write_topic_model)
from app.engine.yamlfile import YamlFileError

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "corpus" / "topic-model.bin"
TOPIC_MAP = ROOT / "corpus" / "topics.yaml"
SECTIONS = [str(n) for n in range(1, 13)]


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return load_topic_model(MODEL)


# ---- predictions on the team's own obvious questions -----------------------------------------------------------

@pytest.mark.parametrize("question", [
    "is it free to use",
    "how much does the premium plan cost",
    "do i need to pay for the service",
])
def test_product_questions_are_not_about_privacy(model, question):
    assert model.predict(words(question)).privacy < 0.5


@pytest.mark.parametrize("question", [
    "do you sell my data to advertisers",
    "is my data encrypted",
    "how long do you keep my messages",
    "do you track my location",
])
def test_privacy_questions_are_about_privacy(model, question):
    assert model.predict(words(question)).privacy > 0.5


@pytest.mark.parametrize("question, topic", [
    ("do you sell my data to advertisers", "third_party_sharing_collection"),
    ("what happens to my kid's data", "children"),
    ("is my data encrypted", "data_security"),
    ("how long do you keep my messages", "data_retention"),
    ("will you tell me if the policy changes", "policy_change"),
    ("do you use cookies", "cookies_tracking"),
    ("do you track my location", "location"),
    ("can i delete my account", "user_access_edit_deletion"),
    ("what if you get acquired by another company", "business_transfer"),
    ("is there a minimum age to sign up", "children"),  # "age": a word the training questions never use
])
def test_obvious_questions_get_their_topic_among_the_top_three(model, question, topic):
    assert topic in [t for t, _ in model.predict(words(question)).top(3)]


def test_a_prediction_has_a_probability_for_every_topic(model):
    prediction = model.predict(words("do you share my email address"))
    assert isinstance(prediction, TopicPrediction)
    assert list(prediction.topics) == list(TOPICS)
    assert all(0.0 <= p <= 1.0 for p in [prediction.privacy, *prediction.topics.values()])
    top = prediction.top(3)
    assert len(top) == 3 and [p for _, p in top] == sorted((p for _, p in top), reverse=True)


def test_no_words_still_give_a_prediction(model):
    prediction = model.predict([])
    assert 0.0 <= prediction.privacy <= 1.0


# The timings below are this thread's CPU time: the work the code does. The wall-clock time of the same work is
# the machine's: on a loaded 2-CPU machine it was 5-10 times longer and failed these bounds, while the CPU time
# stayed within a few per cent (predict 0.031 ms, the model's load 1.5 ms, the assistant's 32-36 ms).

def test_predictions_are_fast_and_loading_is_quick(model):
    question = words("do you sell my personal data to advertisers or other companies")
    start = time.thread_time()
    for _ in range(1000):
        model.predict(question)
    assert (time.thread_time() - start) / 1000 < 0.5e-3  # target 0.1 ms
    start = time.thread_time()
    load_topic_model(MODEL)
    assert time.thread_time() - start < 0.2


# ---- features -------------------------------------------------------------------------------------------------

def test_features_are_word_ngrams_of_stems_and_character_ngrams_within_words():
    feats = extract_features(["sharing", "data"])
    assert {"w:share", "w:data", "w:share data"} <= feats
    assert {"c: s", "c:shar", "c:ing ", "c: data", "c:a "} <= feats
    assert not any(f.startswith("c:") and " " in f[3:-1] for f in feats)  # no n-gram spans two words


def test_featurisation_is_deterministic_and_normalised(model):
    question = words("Do you sell my e-mail address to advertisers?")
    first = vectorize(extract_features(question), model.vocabulary, model.idf)
    again = vectorize(extract_features(list(question)), model.vocabulary, model.idf)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    assert list(first[0]) == sorted(first[0])
    assert np.isclose(np.linalg.norm(first[1]), 1.0)


@pytest.mark.parametrize("question", [
    "Do you sell my e-mail address to advertisers?",
    "what happens to my kid's data",
    "mujhe marketing emails nahi chahiye",
    "qwxz zzyq",  # nothing the model knows
    "",
])
def test_predict_reads_the_same_features_as_training(model, question):
    """`predict` remembers each word's columns; what it predicts is what the training features give, twice over."""
    words_ = words(question)
    expected_index, expected_values = vectorize(extract_features(words_), model.vocabulary, model.idf)
    scores = expected_values @ model.coef[expected_index] + model.intercept
    expected = 1.0 / (1.0 + np.exp(-scores))
    for _ in range(2):  # the second time from the remembered columns
        assert np.array_equal(np.sort(model.columns(words_)), expected_index)
        prediction = model.predict(words_)
        assert [prediction.privacy, *prediction.topics.values()] == expected.tolist()


def test_visitors_words_read_as_the_training_questions_words():
    assert {"w:children", "w:my children"} <= extract_features(["my", "kid", "s", "data"])


# ---- the model file -------------------------------------------------------------------------------------------

def test_the_committed_model_is_small_and_has_every_head(model):
    assert MODEL.stat().st_size < 2_000_000
    assert model.heads == HEADS and model.coef.shape == (len(model.vocabulary), len(HEADS))
    assert list(model.vocabulary) == sorted(model.vocabulary)


def test_writing_the_same_model_twice_gives_the_same_bytes(tmp_path):
    args = (["c:ab", "w:a"], np.array([1.5, 2.0]), np.array([[0.1] * len(HEADS), [-0.2] * len(HEADS)]),
            np.zeros(len(HEADS)))
    write_topic_model(tmp_path / "a.bin", *args)
    write_topic_model(tmp_path / "b.bin", *args)
    assert (tmp_path / "a.bin").read_bytes() == (tmp_path / "b.bin").read_bytes()
    loaded = load_topic_model(tmp_path / "a.bin")
    assert np.allclose(loaded.coef, args[2]) and np.allclose(loaded.idf, args[1])


def _tamper(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


@pytest.mark.parametrize("make, message", [
    (None, "file not found"),
    (lambda data: data[: len(data) // 2], "truncated"),
    (lambda data: data[:10], "truncated"),
    (lambda data: b"garbage, not a model" * 100, "not a topic model file"),
    (lambda data: b"", "not a topic model file"),
    (lambda data: data + b"\0\0", "corrupt"),
    (lambda data: _tamper(data, b'"format":1', b'"format":9'), "format version 9"),
    (lambda data: _tamper(data, SETTINGS_SHA.encode(), b"0" * len(SETTINGS_SHA)), "other feature settings"),
    (lambda data: _tamper(data, b'"heads":["privacy"', b'"heads":["private"'), "expects"),
    (lambda data: _tamper(data, b'{"', b'{{'), "header is not valid JSON"),
])
def test_an_unusable_model_file_is_refused_with_the_file_and_the_problem(tmp_path, make, message):
    path = tmp_path / "topic-model.bin"
    if make is not None:
        path.write_bytes(make(MODEL.read_bytes()))
    with pytest.raises(TopicModelError) as excinfo:
        load_topic_model(path)
    assert str(path) in str(excinfo.value) and message in str(excinfo.value)


def test_the_file_starts_with_its_marker():
    assert MODEL.read_bytes().startswith(MAGIC)


# ---- where the policy answers each topic ---------------------------------------------------------------------

def test_the_committed_topic_map_covers_every_topic_with_real_sections():
    places = load_topic_map(TOPIC_MAP, load_policy(ROOT / "corpus" / "privacy-policy.md"))
    assert set(places) == set(TOPICS)
    assert places["children"].sections == ("9",)
    assert places["data_retention"].not_covered == "How long data is kept"
    assert places["do_not_track"].not_covered and not places["do_not_track"].sections


def _write_map(tmp_path, body: str, topics=("children", "data_retention")) -> tuple[Path, tuple]:
    path = tmp_path / "topics.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path, topics


@pytest.mark.parametrize("body, line, message", [
    ("children: {sections: ['9']}\ndata_retention: {sections: ['13']}\n", 2, "the policy has no section '13'"),
    ("children: {sections: ['9']}\ndata_retention: {not_covered: true, name: Keeping}\nkids: {sections: ['9']}\n",
     3, "unknown topic 'kids'"),
    ("children: {sections: ['9']}\n", 1, "missing topics: data_retention"),
    ("children: ['9']\ndata_retention: {not_covered: true, name: Keeping}\n", 1, "expected `sections: [...]`"),
    ("children: {sections: []}\ndata_retention: {not_covered: true, name: Keeping}\n", 1, "non-empty list"),
    ("children: {sections: ['9']}\ndata_retention: {not_covered: true}\n", 2, "needs a `name:`"),
    ("children: {sections: ['9']}\ndata_retention: {not_covered: yes please, name: Keeping}\n", 2,
     "not_covered must be true"),
    ("children: {sections: ['9'], pages: [2]}\ndata_retention: {not_covered: true, name: Keeping}\n", 1,
     "unknown key 'pages'"),
    ("children: {sections: [[9]]}\ndata_retention: {not_covered: true, name: Keeping}\n", 1,
     "is not a section number"),
    ("- children\n- data_retention\n", 1, "expected a mapping"),
    ("children: {sections: ['9'], data: true}\ndata_retention: {not_covered: true, name: Keeping}\n", 1,
     "only a topic not covered has `data`"),
    ("children: {sections: ['9']}\ndata_retention: {not_covered: true, name: Keeping, data: 1}\n", 2,
     "`data` must be true or false"),
])
def test_topic_map_errors_name_the_file_and_line(tmp_path, body, line, message):
    path, topics = _write_map(tmp_path, body)
    with pytest.raises(YamlFileError) as excinfo:
        load_topic_map(path, SECTIONS, topics)
    assert excinfo.value.line == line and message in excinfo.value.problem
    assert str(excinfo.value).startswith(f"{path}:{line}: ")


def test_topic_map_accepts_section_numbers_as_numbers_and_keeps_their_order(tmp_path):
    path, topics = _write_map(tmp_path, "children: {sections: [9, '1']}\n"
                                        "data_retention: {not_covered: true, name: Keeping}\n")
    places = load_topic_map(path, SECTIONS, topics)
    assert places["children"].sections == ("9", "1") and places["children"].line == 1


# ---- rebuilding from ../shared/train -------------------------------------------------------------------------

@pytest.mark.shared_train
def test_make_train_rebuilds_the_committed_model_byte_for_byte(tmp_path, shared_train_dir):
    from bench.train import train

    assert shared_train_dir.is_dir(), f"{shared_train_dir} not found (REQUIRE_SHARED_DATA=1 needs it)"
    out = tmp_path / "topic-model.bin"
    train(shared_train_dir, out)
    assert out.read_bytes() == MODEL.read_bytes(), "corpus/topic-model.bin is stale: run `make train`"


def _corpus_copy(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


@pytest.mark.parametrize("damage, message", [
    (lambda path: path.unlink(), "not found"),
    (lambda path: path.write_bytes(path.read_bytes()[:5000]), "truncated"),
    (lambda path: path.write_bytes(b"not a model at all"), "not a topic model"),
])
def test_the_app_does_not_start_without_a_usable_model(tmp_path, damage, message):
    corpus = _corpus_copy(tmp_path)
    damage(corpus / "topic-model.bin")
    with pytest.raises(TopicModelError) as excinfo:
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "CORPUS_DIR": str(corpus)})
    assert str(excinfo.value).startswith(f"{corpus / 'topic-model.bin'}: ")
    assert message in str(excinfo.value)


def test_the_app_does_not_start_with_a_topic_map_that_names_no_section(tmp_path):
    corpus = _corpus_copy(tmp_path)
    text = (corpus / "topics.yaml").read_text(encoding="utf-8").replace('data_security: {sections: ["5"]}',
                                                                         'data_security: {sections: ["15"]}')
    (corpus / "topics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(YamlFileError, match="the policy has no section '15'"):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "CORPUS_DIR": str(corpus)})


def test_loading_the_assistant_with_its_model_takes_well_under_half_a_second():
    """Start-up's cost, in a fresh process as a worker starts: late in the whole suite, the same load in this process
    took 0.93 s of CPU (its garbage collections walk everything the earlier tests left alive), 0.12 s alone."""
    script = textwrap.dedent("""
        import time
        from app.engine.answering import load_assistant
        start = time.thread_time()  # CPU time, as above
        assistant = load_assistant(%r)
        print(time.thread_time() - start, assistant.topics is not None and bool(assistant.topic_map))
    """) % str(ROOT / "corpus")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seconds, with_model = done.stdout.split()
    assert float(seconds) < 0.5
    assert with_model == "True"
