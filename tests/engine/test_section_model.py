"""The section model (corpus/section-model.bin): what it adds to retrieval, how its file is checked, how it follows
a version whose sections are renumbered or retitled, and that `make train-sections` rebuilds it byte for byte."""

from __future__ import annotations

import json
import logging
import shutil
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import create_app
from app.engine.answering import load_assistant
from app.engine.topics import (MAGIC, NO_SECTION, REQUEST, REQUEST_TYPE, TopicModelError, for_policy,
                               load_topic_model, section_heads)
from tests.replies import answer_with, answer_without

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "corpus" / "section-model.bin"


@pytest.fixture(scope="module")
def assistant():
    return load_assistant(ROOT / "corpus")


def _sections(reply) -> list[str]:
    return [hit.clause.section for hit in reply.citations]


def _without_model(assistant, question):
    return answer_without(assistant, "sections", question)


def test_the_committed_model_has_a_head_for_each_section_and_for_none(assistant):
    model = load_topic_model(MODEL, expected_heads=None)
    sections = section_heads(assistant.index.policy)
    assert model.heads[: len(sections)] == sections and model.heads[0] == NO_SECTION  # then the request heads
    assert assistant.sections.heads == sections
    assert assistant.sections is not None
    assert MODEL.stat().st_size < 5_000_000  # 4.0 MB since its rows' mistyped copies (session 38)
    # read apart from the request heads, each part's weights are rows in C order: taking a question's rows from a
    # strided array took ten times as long (0.2 ms a reading, most of an answer's time; session 31)
    assert assistant.sections.coef.flags["C_CONTIGUOUS"] and assistant.requests.coef.flags["C_CONTIGUOUS"]


def test_a_question_retrieval_is_unsure_of_is_answered_from_the_section_the_model_is_sure_of(assistant):
    question = "what if i never agreed to any of this"
    assert _without_model(assistant, question).kind == "no_answer"
    reply = assistant.answer(question)
    assert reply.kind == "answer" and _sections(reply)[0] == "1"
    assert reply.message == "\n".join(quote.text for quote in reply.quotes)
    assert all(quote.clause.section == "1" for quote in reply.quotes)


@pytest.mark.parametrize("question, before, after", [
    ("how wil i know when the privcy page gets updatd", "2", "11"),
    ("give me the full list of reasons you use my information", "4", "3"),
])
def test_a_section_the_model_all_but_rules_out_gives_way_to_the_one_it_points_at(assistant, question, before, after):
    """Retrieval's first section is one the model gives at most MODEL_DOUBT, however sure retrieval is
    (MODEL_MOVE_BELOW 1.01 since session 31): the section the model points at goes first."""
    reading = assistant.sections.probabilities(assistant.model_words(assistant.analyse(question)))
    assert reading[before] <= assistant.model_doubt and reading[after] >= assistant.model_move
    assert _sections(_without_model(assistant, question))[0] == before
    reply = assistant.answer(question)
    assert reply.kind == "answer" and _sections(reply)[0] == after


@pytest.mark.parametrize("question, before, after", [
    ("is the facebook pixel on your site", "8", "7"),
])
def test_a_section_the_model_is_sure_of_goes_before_one_it_finds_much_less_likely(assistant, question, before, after):
    """Retrieval's first section is one the model gives a little more than MODEL_DOUBT, but at most MODEL_STRONG_DOUBT,
    and the model is sure (at least MODEL_STRONG) of another: the model's section goes first."""
    reading = assistant.sections.probabilities(assistant.model_words(assistant.analyse(question)))
    assert assistant.model_doubt < reading[before] <= assistant.model_strong_doubt
    assert reading[after] >= assistant.model_strong
    assert _sections(_without_model(assistant, question))[0] == before
    assert _sections(assistant.answer(question))[0] == after
    saved, assistant.model_strong_doubt = assistant.model_strong_doubt, assistant.model_doubt  # the one rule
    try:
        assert _sections(assistant.answer(question))[0] == before
    finally:
        assistant.model_strong_doubt = saved


def test_the_section_a_questions_shape_names_stays_first(assistant):
    """"does this policy apply to zoho" asks whose rules apply to another company's product (section 8, by the
    question's shape). Before session 31 the model was sure of the policy's scope (section 1) and only the rule that
    a margin never moves a section the shape names kept section 8 first; taught the decided wordings
    (tests/data/decided_wordings.yaml), the model now reads section 8 too."""
    question = "does this policy apply to zoho"
    query = assistant.analyse(question)
    reading = assistant.sections.probabilities(assistant.model_words(query))
    assert assistant.section_asked(query, assistant.predict(query)) == "8"
    assert max((h for h in reading if h != NO_SECTION), key=reading.get) == "8"
    assert _sections(assistant.answer(question))[0] == "8"


def test_the_model_brings_in_a_section_retrieval_does_not_cite_only_when_all_but_certain(assistant):
    """"yo whos the person 2 ping abt privacy stuff, need a number or mail" reads to the model as Contact Us, which
    retrieval does not cite (it finds the visitor's phone number in section 2): the model is sure enough to answer
    from it. Less sure, it may only reorder the sections retrieval cites; a head whose section a new version dropped
    is never brought in."""
    question = "yo whos the person 2 ping abt privacy stuff, need a number or mail"
    query = assistant.analyse(question)
    result = assistant.index.search(query)
    reading = assistant.sections.probabilities(assistant.model_words(query))
    cited = {hit.clause.section for hit in assistant.cite(result.hits)}
    assert "12" not in cited and reading["12"] >= assistant.model_alone > assistant.model_move
    assert _sections(_without_model(assistant, question))[0] == "2"
    assert _sections(assistant.answer(question))[0] == "12"
    assert not assistant._model_may_bring("12", {**reading, "12": assistant.model_alone - 0.01}, result)
    assert all(assistant._model_may_bring(section, {**reading, section: 0.0}, result) for section in cited)
    assert not assistant._model_may_bring("gone:3", {**reading, "gone:3": 1.0}, result)


# (Until session 35 the first example was "what percentage of transactional messages actually get delivered": the model
# taught the read tables gives it "none" 0.916, under MODEL_ABSTAIN; corpus/gaps.yaml now declines it as the delivery
# rate asked as a share.)
# (Until session 36 the second example was "how to export campaign report data to excel": the model taught fresh69 and
# fresh70 gives it "none" 0.971, so MODEL_ABSTAIN_SURE declines it too and it no longer shows this gate alone.)
@pytest.mark.parametrize("question", ["how many messages can my account send in a day",
                                      "how to export report data from the dashboard"])
def test_a_question_the_model_finds_no_section_for_is_declined_unless_retrieval_is_sure(assistant, question):
    """Product questions whose words retrieval finds in the policy ("messages", "data", "export"): the model, which
    learnt the visitors' wording, gives "no section answers" almost all its weight, the question model doubts they are
    about privacy, and retrieval is not sure."""
    query = assistant.analyse(question)
    assert assistant.sections.probabilities(assistant.model_words(query))[NO_SECTION] >= assistant.model_abstain
    assert assistant.predict(query).privacy < assistant.model_abstain_privacy
    assert _without_model(assistant, question).answered
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "unsure" and not reply.citations and reply.contact
    for gate, value in (("model_abstain_below", 0.0),  # as if retrieval were sure
                        ("model_abstain_privacy", 0.0)):  # as if the question model were sure it is about privacy
        # the second look (SECOND_LOOK, session 36) weighs the same readings and declines them too: off here
        assert answer_with(assistant, gate, value, question, second_look=None).answered, gate


# (a breach notice is a gap topic now, words apart too: session 46)
@pytest.mark.parametrize("question", ["will you warn me before being deleted for inactivity"])
def test_a_question_the_model_is_all_but_certain_no_section_answers_is_declined_whatever_its_topic(assistant, question):
    """MODEL_ABSTAIN_SURE (session 32): what the policy never says (breach notices, deletion for inactivity), though
    the question model reads it as privacy and retrieval finds its words fairly surely. The model gives "no section
    answers" at least MODEL_ABSTAIN_SURE and retrieval is less sure than MODEL_ABSTAIN_SURE_BELOW: declined. Less
    certain, or retrieval surer, it is answered as before."""
    query = assistant.analyse(question)
    assert assistant.sections.probabilities(assistant.model_words(query))[NO_SECTION] >= assistant.model_abstain_sure
    assert assistant.predict(query).privacy >= assistant.model_abstain_privacy  # the older gate lets it through
    reply = assistant.answer(question)
    assert not reply.answered and reply.reason == "unsure" and not reply.citations and reply.contact
    assert assistant.model_abstain_below <= reply.confidence < assistant.model_abstain_sure_below
    for gate, value in (("model_abstain_sure", 1.01), ("model_abstain_sure_below", 0.0)):
        assert answer_with(assistant, gate, value, question, second_look=None).answered, gate  # as above


@pytest.mark.parametrize("question, kind, check", [
    ("please delete all my data", "answer", lambda r: r.handoff == "deletion"),
    ("what is your phone number", "answer", lambda r: r.reason == "company"),
    ("how much does the bulk sms plan cost", "no_answer", lambda r: r.reason == "not_covered"),
])
def test_requests_company_details_and_gaps_are_decided_before_the_model(assistant, question, kind, check):
    reply = assistant.answer(question)
    assert reply.kind == kind and check(reply)
    same = _without_model(assistant, question)
    assert (same.kind, same.reason, same.handoff, _sections(same)) == (reply.kind, reply.reason, reply.handoff,
                                                                      _sections(reply))


def _corpus_copy(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


def _with_header(path: Path, **changes) -> None:
    """Rewrite a model file's JSON header with `changes`, keeping its weights (a damaged but readable file)."""
    data = path.read_bytes()
    start = len(MAGIC) + 4
    (size,) = struct.unpack("<I", data[len(MAGIC) : start])
    header = json.loads(data[start : start + size])
    header.update(changes)
    raw = json.dumps(header).encode()
    path.write_bytes(MAGIC + struct.pack("<I", len(raw)) + raw + data[start + size :])


@pytest.mark.parametrize("damage, message", [
    (lambda path: path.unlink(), "not found (rebuild it with `make train-sections`)"),
    (lambda path: _with_header(path, info=["sections"]), "corrupt: the header's info is not an object"),
    (lambda path: _with_header(path, weight_step="0.001"), "its steps are not numbers"),
    (lambda path: path.write_bytes(path.read_bytes()[:5000]), "truncated"),
    (lambda path: path.write_bytes(b"not a model at all"), "not a topic model"),
])
def test_the_app_does_not_start_without_a_usable_section_model(tmp_path, damage, message):
    corpus = _corpus_copy(tmp_path)
    damage(corpus / "section-model.bin")
    with pytest.raises(TopicModelError) as excinfo:
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "CORPUS_DIR": str(corpus)})
    assert str(excinfo.value).startswith(f"{corpus / 'section-model.bin'}: ")
    assert message in str(excinfo.value)


def test_a_retitled_section_is_left_to_retrieval_and_the_others_keep_the_model(tmp_path, caplog):
    corpus = _corpus_copy(tmp_path)
    policy = corpus / "privacy-policy.md"
    text = policy.read_text(encoding="utf-8")
    assert "## 11. Changes to This Policy" in text
    policy.write_text(text.replace("## 11. Changes to This Policy", "## 11. Updates to This Policy"),
                      encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.engine.answering"):
        retitled = load_assistant(corpus)
    assert "trained on sections this policy no longer has (§11)" in caplog.text
    assert "11" not in retitled.sections.heads and "gone:11" in retitled.sections.heads
    assert set(retitled.sections.heads) - {"gone:11"} == set(section_heads(retitled.index.policy)) - {"11"}
    # the model still moves questions between the sections it knows ...
    reply = retitled.answer("how wil i know when the privcy page gets updatd")
    assert _sections(reply)[0] == "2"  # ... but not to the one it no longer knows: retrieval's reading stands
    reply = retitled.answer("what if i never agreed to any of this")
    assert reply.kind == "answer" and _sections(reply)[0] == "1"


def test_heads_follow_their_titles_to_new_numbers(assistant):
    """A new section renumbers the ones after it: each head follows its title; the new section has none."""
    model = assistant.sections
    old = assistant.index.policy.sections
    new_policy = SimpleNamespace(sections=[SimpleNamespace(number=s.number, title=s.title) for s in old[:6]]
                                 + [SimpleNamespace(number="7", title="Messages We Keep for Our Customers")]
                                 + [SimpleNamespace(number=str(int(s.number) + 1), title=s.title) for s in old[6:]])
    moved, gone = for_policy(model, new_policy)
    assert gone == []
    assert moved.heads == (NO_SECTION, "1", "2", "3", "4", "5", "6", "8", "9", "10", "11", "12", "13")
    words = assistant.model_words(assistant.analyse("what cookies do you put on my browser"))
    before, after = model.probabilities(words), moved.probabilities(words)
    assert max(before, key=before.get) == "7" and max(after, key=after.get) == "8"  # cookies, now section 8
    assert after["8"] == before["7"] and "7" not in after
    assert for_policy(model, assistant.index.policy) == (model, [])  # this policy: the model itself


@pytest.mark.shared_train  # the labelled training questions' text is read from ../shared/train (session 32)
def test_make_train_rebuilds_the_committed_section_model_byte_for_byte(tmp_path, shared_train_dir, monkeypatch):
    from bench.train_sections import train

    assert shared_train_dir.is_dir(), f"{shared_train_dir} not found (REQUIRE_SHARED_DATA=1 needs it)"
    monkeypatch.setenv("SHARED_TRAIN_DIR", str(shared_train_dir))
    out = tmp_path / "section-model.bin"
    train(out)
    assert out.read_bytes() == MODEL.read_bytes(), "corpus/section-model.bin is stale: run `make train-sections`"


def test_a_question_retrieval_is_unsure_of_is_rescued_from_a_likely_section_when_the_model_rules_out_none(assistant):
    """MODEL_RESCUE_LOW (session 31): retrieval declines "am I able to refuse you touching my information at all?"
    as unsure; the model gives the section on rights less than MODEL_RESCUE but at least MODEL_RESCUE_LOW, and "no
    section answers" less than MODEL_RESCUE_NONE: the question is answered from that section. Where the model leaves
    more room for "none", the decline stands."""
    question = "am I able to refuse you touching my information at all?"
    reading = assistant.sections.probabilities(assistant.model_words(assistant.analyse(question)))
    assert assistant.model_rescue_low <= reading["6"] and reading[NO_SECTION] < assistant.model_rescue_none
    # (since session 54's retraining the model reads it at 0.906, over MODEL_RESCUE: the full rescue's bar is put
    # above its reading, so that only the low gate can rescue it)
    above = max(assistant.model_rescue, reading["6"] + 0.01)
    reply = answer_with(assistant, "model_rescue", above, question)
    assert reply.kind == "answer" and _sections(reply)[0] == "6"
    for gate, value in (("model_rescue_low", 1.01), ("model_rescue_none", 0.0)):
        declined = answer_with(assistant, gate, value, question, model_rescue=above)
        assert not declined.answered and declined.reason == "unsure", gate


def test_the_decided_wordings_teach_no_measured_question_and_name_only_heads_the_model_has(assistant):
    """tests/data/decided_wordings.yaml (bench/decided.py) teaches the section heads the wordings the tests decided,
    and the request heads which of them were handed off and to which form: never a row of a table that measures the
    assistant (held out or not), nor of the labelled training sets when they are there, and only sections and forms
    the model has a head for."""
    import yaml

    from bench import decided
    from bench.train_sections import DECIDED, all_tables, decided_rows

    rows = yaml.safe_load(DECIDED.read_text(encoding="utf-8"))
    heads = set(section_heads(assistant.index.policy))
    assert len(rows) > 2000 and {row["section"] for row in rows} <= heads
    try:
        measured = decided.measured_questions()
    except SystemExit:  # bench/dev_from_train*.yaml read their text from ../shared/train, which is not here
        measured = decided.questions_of(all_tables())
    assert not [row["q"] for row in rows if row["q"].strip().lower() in measured]
    try:  # nor a part of a held-out or evaluation question (session 40)
        spans = decided.measured_spans()
    except SystemExit:
        spans = []
    assert not [row["q"] for row in rows if decided.part_of_measured(row["q"], spans)]
    types = [intent.name for intent in assistant.intents]
    assert {row["handoff"] for row in rows if "handoff" in row} <= set(types)
    taught = decided_rows()
    assert len(taught) == len(rows)
    for r, row in zip(taught, sorted(rows, key=lambda row: row["q"])):
        handed = "handoff" in row
        # a wording a later sentence takes back ("... actually never mind") does not teach "makes a request": the heads
        # cannot read the "no" (bench/train_sections.py, `_taken_back`)
        taken_back = any(assistant.intents.says_no(later) for later in assistant.analyse(row["q"]).sentence_queries[1:])
        asked = {REQUEST} if handed or not taken_back else set()
        assert set(r.labels) == heads | asked | ({REQUEST_TYPE + name for name in types} if handed else set())
        assert r.labels.get(REQUEST, 0) == handed and (not handed or r.labels[REQUEST_TYPE + row["handoff"]] == 1)
    assert any(REQUEST not in r.labels for r in taught) and sum(REQUEST in r.labels for r in taught) > 3000


def _one_slip(word: str, typed: str) -> bool:
    """Whether `typed` is `word` with one letter swapped with the next, dropped or doubled."""
    return any(typed in (word[:k] + word[k + 1 : k + 2] + word[k] + word[k + 2 :], word[:k] + word[k + 1 :],
                         word[:k] + word[k] + word[k:])
               for k in range(len(word)))


def test_each_row_is_taught_with_a_mistyped_and_a_greeted_copy_that_keep_its_labels():
    """Session 38: the heads are fitted on each row, a copy with up to two of its longer words mistyped and a copy
    between a greeting and a sign-off; the same copies on every rebuild, and none the same as its question."""
    from bench.train import Row
    from bench.train_sections import GREETINGS, SIGN_OFFS, SLIPS, copies, greeted, with_slips

    question = "can you delete every message i sent through your platform last year"
    typed = with_slips(question)
    # seeded by the question's SHA-1: the same copy in any process, on any machine
    assert typed == "can you delete every message i sent through your platofrm last yer"
    changed = [(a, b) for a, b in zip(question.split(), typed.split()) if a != b]
    assert 1 <= len(changed) <= SLIPS and all(len(a) >= 4 and _one_slip(a, b) for a, b in changed)
    wrapped = greeted(question)
    assert wrapped == f"i was wondering, {question} regards"
    opening, closing = wrapped.split(question)
    assert opening.strip() in GREETINGS and closing.strip() in SIGN_OFFS
    rows = [Row("t.yaml", question, [], "t.yaml", {"6": 1, "none": 0}),
            Row("t.yaml", "is it ok", [], "t.yaml", {"none": 1})]
    made = copies(rows)
    assert [r.question for r in made] == [wrapped, typed, greeted("is it ok")]  # "is it ok" has no word to mistype
    assert [r.labels for r in made] == [rows[0].labels, rows[0].labels, rows[1].labels]
    assert all(r.words for r in made) and all(r.group == "t.yaml" for r in made)
