"""Turn retrieval results into what the assistant says: a quoted clause, small
talk, or a plain "the policy doesn't cover that".

Answers are extractive: the text shown is a clause of the policy, verbatim, or
one of the fixed replies below. Nothing is generated.

    >>> assistant = Assistant(load_index("corpus"))
    >>> reply = assistant.answer("Do you sell my data?")
    >>> reply.answered, reply.clause.id
    (True, 's4-1')
"""

from __future__ import annotations

import copy
import logging
import math
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from pathlib import Path

from .corpus import Clause, Policy
from .intents import _FIRST_PERSON as _THE_VISITOR  # the words that name the visitor (I, me, my ...)
from .intents import (Detection, Intents, classify_clause, follows_up, hypothetical, is_request, load_intents,
                      names_no_child, part_starts, supposed)
from .lexicon import Lexicon, readings
from .likeness import GAP_WORDS, SAME_TOPICS, Shape, make_shape
from .retrieval import Gap, Hit, Index, SearchResult, _by_first_word, load_index
from .topics import (NO_SECTION, REQUEST, REQUEST_TYPE, TopicModel, TopicPlace, TopicPrediction, for_policy,
                     load_topic_map, load_topic_model, split_requests)
from .text import (INDIAN_GREETINGS, NUMBER_WORDS, STOPWORDS, Part, Query, closing_tell, contains_phrase, slips_of,
                   stem, tokenize, words)
from .yamlfile import YamlFileError, load_yaml

_log = logging.getLogger(__name__)

DEFAULT_INTENTS = Path(__file__).resolve().parents[2] / "intents.yaml"

# Chosen with bench/calibrate.py on the team's own tables (tests/data/retrieval_cases.yaml and
# visitor_cases.yaml), never on ../shared/eval; the README ("How answers are chosen") records how.
MIN_CONFIDENCE = 0.0  # share of the question's words the best clause explains
MIN_PROBABILITY = 0.45  # calibrated probability that the best clause answers (`confidence` in the API)
MIN_SCORE = 4.0  # BM25 score of the best clause, unless it explains the whole question (EXPLAINS_ALL)
EXPLAINS_ALL = 0.999
OFF_TOPIC = 0.15  # below this probability of being about privacy at all ...
OFF_TOPIC_EXPLAINED = 0.5  # ... and with less of the question explained than this, it is not a policy question
NOT_COVERED = 0.7  # a topic the policy does not cover, at least this likely and likelier than any covered one
# Logistic calibration of `confidence`: bias, then the weights of the features of `features`.
CALIBRATION = (-3.521, 1.892, 1.793, 2.136, 1.535, 0.584, -1.81, -0.814, 0.55)
# Further citations must score at least this share of the best one.
CITATION_CUTOFF = 0.3
MAX_CITATIONS = 3
# Where retrieval's citations of an answer leave room, a section the section model gives at least this probability is
# cited too ("See also", `Assistant.see_also`); after an answer about the company from "Contact Us", at least
# SEE_ALSO_COMPANY: the model reads the company's own details ("what location r u at", "your customer care number") as
# the visitor's location and number, and out of fold the higher bar kept every right link and dropped 41 wrong ones.
SEE_ALSO = 0.3
SEE_ALSO_COMPANY = 0.5
# Ask back "did you mean ..." when the best clause of another section scores within this share of the
# best one (calibrated with bench/calibrate.py on the team's tables; see README).
CLARIFY_MARGIN = 0.0
# Ask back, rather than decline, when the probability is below MIN_PROBABILITY but at least this.
CLARIFY_FLOOR = 1.0
MAX_CHOICES = 3
# How much more a clause of a list scores for a question that asks for a list (see `asks_for_list`).
LIST_BOOST = 1.0
# Clauses of the best one's section scored within this share of it are a near tie: the one that says more of the
# question's words in its own text is quoted (Assistant.plainest).
NEAR_TIE = 0.1
# The section model (corpus/section-model.bin, learnt from the team's visitor tables and the wordings tests/engine
# decided, tests/data/decided_wordings.yaml) beside retrieval, only when it finds it less than MODEL_NONE likely that
# no section answers, and only among the sections retrieval cites unless it gives a section at least MODEL_ALONE.
# When retrieval is less sure than MODEL_MOVE_BELOW (1.01: however sure), a section the model gives at least
# MODEL_MOVE goes first if it gives retrieval's first section at most MODEL_DOUBT (or one it gives at least
# MODEL_STRONG, if it gives retrieval's at most MODEL_STRONG_DOUBT and the question's shape did not name that
# section); a question retrieval is unsure of is answered from a section the model gives at least MODEL_RESCUE, or at
# least MODEL_RESCUE_LOW when it gives "no section answers" less than MODEL_RESCUE_NONE. A question retrieval would
# answer less surely than MODEL_ABSTAIN_BELOW is declined when the model gives "no section answers" at least
# MODEL_ABSTAIN and the question model finds it less than MODEL_ABSTAIN_PRIVACY likely to be about a privacy practice
# at all ("what percentage of transactional messages actually get delivered": a question about the product).
# Until session 31 the stricter MODEL_DOUBT 0.1, MODEL_MOVE_BELOW 0.8, MODEL_ALONE 0.9, MODEL_ABSTAIN 0.97, MODEL_NONE
# 0.5 and no MODEL_RESCUE_LOW were kept: given more say, the model overruled wordings the tests had decided (19 to 26
# of them).
# Taught those wordings, it agrees with them, and the settings below were chosen out of fold on the tables, on the
# tables never taught (NOT_TAUGHT) and on the team's labelled training questions (`python -m bench.section_gates`
# measures any of them): top-1 out of fold 0.953 -> 0.963, on the untaught tables 0.881 -> 0.913
# (bench/HISTORY.md, session 31).
# Session 32 taught the model two of the team's labelled training sets (bench/train_sections.py's TRAINING_SETS);
# MODEL_ABSTAIN 0.93 -> 0.92 and MODEL_STRONG_DOUBT 0.5 -> 0.6 were chosen out of fold then (tables and the taught
# sets out of fold: top-1 0.9565 -> 0.9578, abstention 0.9292 -> 0.9307; the untaught tables and dev_from_train2 did
# not move), and keep two decided wordings as they were.
# Session 50 (the models reading "they" as us, the section model retrained): MODEL_STRONG_DOUBT 0.6 -> 0.7, out of fold
# on the tables top-1 0.9441 -> 0.9448 with top-3, abstention and dev_from_train2 unchanged (`bench.section_gates`'
# measure; four rows of top-1 gained on the review of paraphrase, one lost on the review of situations).
MODEL_MOVE, MODEL_DOUBT, MODEL_MOVE_BELOW, MODEL_RESCUE, MODEL_NONE = 0.4, 0.3, 1.01, 0.9, 0.65
MODEL_ALONE, MODEL_ABSTAIN, MODEL_ABSTAIN_BELOW, MODEL_ABSTAIN_PRIVACY = 0.6, 0.92, 0.6, 0.6
MODEL_STRONG, MODEL_STRONG_DOUBT = 0.8, 0.7
MODEL_RESCUE_LOW, MODEL_RESCUE_NONE = 0.5, 0.1
# Retrieval unsure, the section model's likeliest section at least MODEL_AGREE and retrieval's best section too: the
# rescue stands whatever the model gives "no section answers" (MODEL_NONE), which a question told through a story
# raises beside a sure section ("Our usage dashboard shows a lot of activity from our team. What do you do with all
# that usage data?": section 3 at 0.92, "none" at 0.66; session 50's review). Out of fold on the tables (the same
# measure) 0.95 and 0.9 each gained top-1 0.9441 -> 0.9445 and top-3 0.9667 -> 0.9673, at a cost in abstention of
# 0.9416 -> 0.9412 and 0.9403; dev_from_train2 did not move. 0.95, the cheaper of the two.
MODEL_AGREE = 0.95
# All but certain that no section answers (MODEL_ABSTAIN_SURE), the model declines what retrieval would answer less
# surely than MODEL_ABSTAIN_SURE_BELOW, whatever the question model thinks of privacy: "how do i block spam sms on my
# iphone" (retrieval 0.63), "need yesterday's campaign DLR report as an xlsx" (0.68). Session 32, out of fold: the
# tables' abstention 0.9307 -> 0.9318 (top-1 0.9578 -> 0.9574), dev_from_train2's 0.669 -> 0.691 (top-1 unchanged).
MODEL_ABSTAIN_SURE, MODEL_ABSTAIN_SURE_BELOW = 0.97, 0.8
# The same file's request heads hand a message off that intents.yaml's markers find no type in, when the message is
# shaped as a request (an instruction, a wish or a statement, not a question: `intents.is_request`) and the model
# gives "makes a request" at least MODEL_REQUEST; the form is the type it finds likeliest ("I'd like a full report of
# every piece of personal info your company has stored under my email"). Measured out of fold on the tables with
# `python -m bench.train_sections --cv` (README, "The section model"; bench/HISTORY.md, session 29). Lowered from 0.95 in
# session 30, measured on four tables written then that neither the rules nor the model had seen (fresh51 to fresh54:
# 112 requests, 528 other messages): 3 more requests handed off to a right form, no more false handoffs; out of fold
# on the older tables one more, none false. At 0.9 and below, decided wordings of tests/engine are handed off ("I want
# to see the content of my account data" asks, at 0.90). Lowered to 0.8 in session 37 with MODEL_REQUEST_TYPE 0.7 ->
# 0.6, once the heads had learnt the decided wordings' handoffs (session 32): out of fold on the tables 1,500 -> 1,505
# of 1,569 requests to a right form, false handoffs unchanged (38); every decided wording holds. Lowered to 0.75 in
# session 39, with the rules' markers of another type no longer keeping the model out (`_learned_request`): out of
# fold on the tables five more requests handed off to a right form, false handoffs unchanged; at 0.7 one more false
# ("kindly share the email id for writing regarding my personal data matter").
MODEL_REQUEST = 0.75
# ... and only when it finds the likeliest type at least this likely and the message names the visitor (I, me, my
# ...): "your phone number and email please" asks for ours, "pls stop charging me" is no type of request (the review
# of round 53).
MODEL_REQUEST_TYPE = 0.6
# A request intents.yaml's markers find is not handed off when the request heads give "makes a request" less than
# MODEL_VETO and the section heads give "no section answers" at least MODEL_VETO_NONE: an instruction about the product
# in a right's words ("write a short promo sms for my shop's sale", "stop the campaign I scheduled, wrong excel"). Tried
# in session 31 and not taken: it undid decided handoffs the request heads had never been taught. Since session 32 they
# learn the decided wordings' handoffs too (tests/data/decided_wordings.yaml); chosen out of fold: the tables' false
# handoffs 16 -> 14 of 5,752 (one request of 1,151 lost), the untaught tables' 13 -> 8 (no request lost).
MODEL_VETO, MODEL_VETO_NONE = 0.3, 0.8
# A story that ends in a question ("I tried calling on a Saturday and nobody picked up, so maybe I got the timing wrong.
# ... What are your business hours?"): the markers a request type found in the story make no request when the request
# heads all but rule one out (session 44's review: such stories read 0.000 to 0.063, requests told as stories 0.5 and
# more).
MODEL_VETO_ASKED = 0.1
# ... unless what comes before the question, read alone, is a request the markers find and the request heads all but
# certainly read as one (`Assistant._made_before_asking`): requests made before a question read 0.916 to 1.0 in session
# 48's review of messages asking two things; stories and sayings before one 0.074 to 0.782 ("I tried calling on a
# Saturday ... I got the timing wrong. I don't want to waste another call.": "wrong" marks a correction).
MODEL_REQUEST_BEFORE = 0.9
# A message only told, with no question, instruction or wish in it ("I switched to your WhatsApp API last week from
# another provider. ... Everything is running smoothly now."), makes no request of the markers' when the request heads
# read it as one less than MODEL_TOLD_VETO (session 52's review AM: such stories read 0.02 to 0.47; requests made
# only of statements, "my address is wrongly recorded as Pune", 0.98 and more). Not a child's report, which is told.
MODEL_TOLD_VETO = 0.5
# Two sections the section model reads within this of each other are a tie, which retrieval's order settles (session 54).
MODEL_TIE = 0.02
# A request intents.yaml's markers find is handed off as another type when the request heads give that type at least
# MODEL_RETYPE and the markers' type at most MODEL_RETYPE_FROM: the markers read one verb, the heads the whole message
# ("I keep getting your webinar invites, kindly remove me from these lists": the marketing opt-out, not a deletion;
# "you still have my old Thane address, fix it, I moved to Navi Mumbai": a correction, not moving data elsewhere).
# Chosen out of fold on the tables (session 39): 1,508 -> 1,513 of 1,569 requests to a right form (six mended, one
# lost); false handoffs are unchanged, as only the type of a handoff changes.
MODEL_RETYPE, MODEL_RETYPE_FROM = 0.7, 0.3
# The second look at an answer about to be given (`doubts_answer`, session 36): a logistic model of the chance that no
# section answers the question, over what the answer's own reading says of it (`second_look_features`), learnt out of
# fold by `python -m bench.second_look` on the team's tables (never the held-out ones, never ../shared/eval). The gates
# above each look at one or two signals; this weighs them together: retrieval's calibrated confidence, its score, the
# section model's "none", its likeliest section and its probability for the section quoted, whether the two agree, the
# question model's "about privacy" and the message's length. An answer is declined when it is likelier than not
# (SECOND_LOOK_DECLINES, the point where a wrong answer and a wrong decline cost the same) that no section answers.
SECOND_LOOK = (0.707, -1.555, -0.09, 3.147, -2.097, -2.012, 0.396, -0.357, -0.891)
SECOND_LOOK_DECLINES = 0.5

_GREETINGS = {"hi", "hii", "hello", "hey", "hiya", "howdy", "namaste", "greetings", "yo", "morning",
              "afternoon", "evening", "good", "there", "anyone", "is", "here",
              # whom the greeting is to ("good morning sir", "hello team", "namaste ji"; session 44's review)
              "sir", "madam", "mam", "maam", "ji", "team", "all", "everyone", "bhai", "dear", "friend", "friends",
              # Hinglish's "bhai" and "bhaiya" are read "brother" ("hii bhai kaise ho": session 49's review)
              "brother", "bro",
              # a wish or a look for someone there ("good morning, hope you're well", "hey there, anyone around?")
              "hope", "you", "are", "re", "well", "around", "online", "available",
              # trying the chat ("good morning! just checking if this chat works": session 50's review)
              "just", "checking", "testing", "test", "if", "this", "chat", "works", "working",
              # "hello, anybody is there?" (session 54's review BB); a microphone tried ("hello can you hear me",
              # "hi there testing one two three": session 54's review AZ, dictated)
              "anybody", "can", "hear", "me", "one", "two", "three", "mic", "check",
              # said with a "no" ("not a question, just saying hi", "good morning, hope you're not too busy": session
              # 54's review AY)
              "not", "a", "question", "questions", "saying", "too", "busy"}
# The words that make a message of greeting words a greeting ("good sir" alone is not one), in India's languages too.
_HELLO = frozenset({"hi", "hii", "hello", "hey", "hiya", "howdy", "namaste", "greetings", "yo", "morning", "afternoon",
                    "evening",
                    # typed in haste on a phone ("helo", "hllo", "hiii" and "hellooo" as `_held_long` reads them:
                    # session 51's review AK)
                    "helo", "hllo", "helloo", "heyy"}) | INDIAN_GREETINGS
_GREETINGS |= _HELLO
_THANKS = {"thanks", "thank", "thx", "ty", "cheers", "great", "ok", "okay", "cool", "perfect", "nice",
           "awesome", "helpful", "helps", "helped", "info", "information", "brother", "bro", "sir", "madam", "that",
           "was", "very", "so", "much", "you", "a", "lot", "bye",
           "goodbye", "see", "later", "ya", "got", "it", "for", "the", "help", "good", "day", "night",
           # Hinglish: "thank you bhai, bahut help hui" (a great help it was), "dhanyavaad ji", "shukriya aapka"
           # (read "thanks your": session 49's review)
           "bhai", "ji", "dear", "hui", "hua", "your",
           # praise and laughter ("thanks, that answered my question", "haha nice, you're quick": session 50's review)
           "answered", "my", "question", "questions", "haha", "hahaha", "lol", "re", "are", "quick", "fast",
           # "super, thanks a lot", "thank you so much for the quick answer!" (session 51's review)
           "super", "answer", "reply", "response",
           # grudging thanks ("ok fine. thanks i guess": session 51's review AI), and learners' ("ok understood,
           # thank you beta": session 52's review AN)
           "fine", "guess", "i", "understood", "beta",
           # after a request: "thanks, submitted the form", "ok done, thank you", "great, appreciate the help", "nice,
           # thanks a ton", "thanks for sorting that out", "great, talk later" (session 52's review AO)
           "done", "submitted", "filled", "form", "appreciate", "appreciated", "ton", "sorting", "sorted", "out", "talk",
           # "thank you so much for your kind help", "ok noted, thanks" (session 54's review BB), "that was really
           # helpful" (session 54's review AZ)
           "kind", "noted", "really", "truly",
           # a "no" that thanks ("no thanks, that's all", "nah i'm fine", "don't worry, I got it, thanks", "ok bye, not
           # needed anymore", "thanks, didn't expect an answer that fast": session 54's review AY); not "that was not
           # helpful" (`_faults_the_answer`)
           "no", "not", "don", "t", "didn", "worry", "fine", "all", "needed", "anymore", "expect", "m", "s", "an",
           "worries", "now", "support", "with"}
_HESITATIONS = frozenset("um umm uh uhh er erm hmm".split())
# A look for someone there, said without a hello ("u there?", "are you there", "anyone there?": session 51's review AK).
_ANYONE_THERE = frozenset("are you is anyone anybody someone somebody there still".split())
# "How are you?" in any words: every word one of these (with the greetings), so "how is my data used" is a question.
_HOW_ARE_YOU = frozenset("""how hows s is are r you u your ur day days going doing it things today been everything
    was the weekend life up whats what sup wassup good""".split())
SMALLTALK_REPLIES = {
    "greeting": "Hello! Ask me anything about Blue Messaggio's privacy policy, for example "
                "\"What information do you collect?\" or \"Can I delete my data?\"",
    "thanks": "You're welcome. If you have another question about the privacy policy, just ask.",
    "about": "I'm Blue Messaggio's privacy policy assistant, an automated helper, not a person. Ask me about the "
             "privacy policy and I answer with its own words, for example \"Do you share my data?\" or \"What "
             "cookies do you use?\" I can also help you ask for a copy of your data, a correction or deletion, "
             "or an end to marketing messages.",
}
# A visitor who asks for a person gets this and the policy's contact lines (as a "not covered" reply does).
HUMAN_REPLY = ("I'm an automated assistant, so I can't put you through to a person. You can reach Blue Messaggio "
               "directly:")
CLARIFY_MESSAGE = "Did you mean one of these?"
OFF_TOPIC_REPLY = ("The privacy policy doesn't cover that: it looks like a question about Blue Messaggio's products "
                   "or services rather than about your personal information. Please contact Blue Messaggio directly:")
NOT_COVERED_REPLY = "The privacy policy doesn't cover that. Please contact Blue Messaggio directly:"
# Another company made to act on the visitor's data ("how do I get Airtel to delete my old call records?").
OTHERS_ACT_REPLY = ("The privacy policy covers what Blue Messaggio does with your information, not what another "
                    "company does with it: that company's own privacy policy and contact details say how to ask it. "
                    "For anything about your information with Blue Messaggio:")
DEVANAGARI_REPLY = ("I can only read messages typed in English letters: English, or Hindi typed in English letters "
                    "(for example \"kya aap mera data share karte ho?\"). The privacy policy itself is published in "
                    "English. You can also write to Blue Messaggio directly:")


@dataclass(frozen=True)
class Quote:
    """Verbatim text the assistant quotes: a whole clause, or one line of it."""

    clause: Clause
    text: str


@dataclass(frozen=True)
class CompanyQuestion:
    """Phrases that ask about the company itself, and the line of "Contact Us" that answers them."""

    line: str | None  # how the answering line starts ("Phone:"); None: the whole section
    phrases: tuple[tuple[str, ...], ...]  # stemmed
    entry_line: int = 0
    typed: frozenset[str] = frozenset()  # the phrases' words as written (a misspelling of one is read as it)


@dataclass
class Reply:
    """What the assistant says to one question."""

    question: str
    kind: str  # "answer", "no_answer", "clarify" or "smalltalk"
    message: str  # what a person is shown
    citations: list[Hit] = field(default_factory=list)
    confidence: float = 0.0  # the probability that the answer is right
    top: Hit | None = None  # best candidate, even when not answered (for the log)
    gap: Gap | None = None
    intent: str | None = None  # the request type, when the visitor is making a request
    handoff: str | None = None  # request type whose form the visitor is handed to
    offer: str | None = None  # request type whose form a question about that right may open
    note: str | None = None  # what the assistant says before the quote, for a handoff
    contact: dict[str, str] | None = None  # the policy's contact details, when not answered
    reason: str | None = None  # why not answered: "not_covered", "devanagari", "unsure"; "company", "chosen", "changes"
    quotes: list[Quote] = field(default_factory=list)  # what is quoted, in order (a lead-in and its list)
    choices: list[Hit] = field(default_factory=list)  # "did you mean ...": one clause per section
    topics: dict[str, float] = field(default_factory=dict)  # the question model's likeliest topics
    # a part of the question on a topic the policy does not cover, set aside while the rest is answered ("do you sell my
    # data and how long do you keep it?": the reply says it has nothing on how long data is kept)
    uncovered: Gap | None = None

    @property
    def answered(self) -> bool:
        return self.kind == "answer"

    @property
    def clause(self) -> Clause | None:
        return self.citations[0].clause if self.answered else None


# Messages about the assistant itself ("who are you?", "are you a bot?", "help") or asking for a person ("can I
# talk to a human?"): every word must be one of these, so "can a human see my data?" or "help me delete my account"
# is a question or a request as before.
_ABOUT_WORDS = frozenset("""who what whats are r is am you u your ur this it a an the or i me can could do does how
need want help please pls plz ask anything exactly actually really just so tell about yourself name bot chatbot robot ai
chatgpt gpt human real person people machine computer automated automatic program assistant talking chatting here
hi hello hey there made built created make build runs run behind with to re not""".split())  # "you're not a real
# person, are you?" (session 54's review AY)
_HUMAN_WORDS = frozenset("""can could i me may want need would like to talk speak chat connect transfer put through
reach contact get give with a an the some someone somebody real live actual human person people agent agents executive
representative rep operator staff member customer care support service team please pls plz not bot is there any
how do instead now from your ur at""".split())
_PEOPLE = frozenset("""human person people someone somebody agent agents executive representative rep operator staff
care support""".split())
_REACHING = frozenset("talk speak chat connect transfer put reach contact get give want need".split())
_MACHINES = frozenset("bot chatbot robot ai chatgpt gpt human real person machine computer automated automatic "
                      "program".split())
_HELP_ASKED = frozenset({("what", "can", "you", "do"), ("how", "can", "you", "help"), ("what", "can", "i", "ask"),
                         ("what", "do", "you", "do"), ("how", "does", "this", "work")})


def logistic(weights: tuple[float, ...], features: tuple[float, ...]) -> float:
    """The probability a logistic model gives: `weights` are its bias, then one weight per feature (CALIBRATION,
    SECOND_LOOK)."""
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], features))
    return 1.0 / (1.0 + math.exp(-z))


def _about_the_assistant(tokens: tuple[str, ...]) -> str | None:
    """"human" when the message asks for a person, "about" when it asks what the assistant is or can do."""
    words = set(tokens)
    if words <= _HUMAN_WORDS and words & _PEOPLE and (words & _REACHING or len(tokens) <= 3):
        return "human"  # "can I talk to a human", "connect me to customer care", "real person please"
    if not words <= _ABOUT_WORDS:
        return None
    pairs = set(zip(tokens, tokens[1:]))
    if words & _MACHINES and words & {"are", "r", "is", "am", "you", "u"}:
        return "about"  # "are you a bot?", "am I talking to a real person", "is this AI"
    if "who" in words or pairs & {("what", "are"), ("what", "is"), ("whats", "this"), ("your", "name")}:
        return "about"  # "who are you", "who made you", "aap kaun ho" (read as "you who"), "what is this"
    if "help" in words or any(tuple(tokens[i:i + 4]) in _HELP_ASKED for i in range(len(tokens))):
        return "about"  # "help", "how can you help me", "what can you do"
    return None


def names_a_term_of(query: Query, clause: Clause) -> bool:
    """Whether the question's content words are, in order and side by side, two or more words of the clause ("server
    logs", "what are your access controls", "employee training"): it names a term of the policy, which the clause
    defines, however unlike a visitor's question the words are to the models."""
    terms = query.terms
    if len(terms) < 2:
        return False
    said = tokenize(clause.text)
    return any(tuple(said[i:i + len(terms)]) == terms for i in range(len(said) - len(terms) + 1))


def classify_smalltalk(query: Query, about: bool = True) -> str | None:
    """Return "greeting", "thanks", "about" (what the assistant is or does) or "human" (a visitor asks for a
    person) when the message is only that, else None. `about`: read the last two at all (see `about_replies`)."""
    tokens = tuple(w for w in query.words if w not in _HESITATIONS)  # "hi there um testing": dictated (review AZ)
    if _signs_off(tokens):
        return "thanks"
    if not tokens or len(tokens) > 8:
        return None
    token_set = set(tokens)
    if about and (kind := _about_the_assistant(tokens)):
        return kind
    if _only_greets(token_set) or (
            token_set <= _ANYONE_THERE and "there" in token_set
            and token_set & {"you", "anyone", "anybody", "someone", "somebody"}):
        return "greeting"
    if token_set <= _HOW_ARE_YOU | _GREETINGS and (token_set & {"how", "hows", "sup", "wassup"} or (
            "what" in token_set and "up" in token_set)) \
            and token_set & {"you", "u", "your", "ur", "it", "things", "up", "sup", "wassup"}:
        return "greeting"  # "how are you", "how's your day going", "hows it going", "whats up" (read "what is up")
    if token_set <= _THANKS and token_set & {"thanks", "thank", "thx", "ty", "cheers", "bye", "goodbye",
                                               "ok", "okay", "cool", "great", "perfect", "awesome", "nice", "helpful",
                                               "appreciate", "appreciated", "good", "fine"} \
            and not _faults_the_answer(tokens):
        return "thanks"
    return None


_NEGATING = frozenset("no not don didn never".split())
_PRAISED = frozenset("helpful help helped helps good great nice perfect awesome cool fine answered answer".split())
_BETWEEN_PRAISE = frozenset("t very so really that too a much of any".split())


def _faults_the_answer(tokens: tuple[str, ...]) -> bool:
    """Whether a message of thanking words says the answer did not help: "that was not helpful", "didn't help at all",
    "no good", "not a great answer" (a "no" before praise, a word or two of degree between)."""
    for i, word in enumerate(tokens):
        if word in _NEGATING:
            rest = [w for w in tokens[i + 1:i + 5] if w not in _BETWEEN_PRAISE]
            if rest[:1] and rest[0] in _PRAISED:
                return True
    return False


def pleasantry(words: tuple[str, ...]) -> str | None:
    """"thanks" or "greeting" for a sentence that thanks, signs off or greets, however much else it says ("Thank you
    so much for the quick answer earlier about encryption", "Wishing your team a happy Diwali", "Hello there"), else
    None: for a message that only tells (`Assistant.told_smalltalk`)."""
    if not words:
        return None
    if (words[0] in _THANKING or words[:2] in (("many", "thanks"), ("much", "appreciated")) or _signs_off(words)
            or set(words) <= _THANKS | _FAREWELL) and not _faults_the_answer(words):
        return "thanks"
    return "greeting" if _held_long(words[0]) in _HELLO or _only_greets(words) else None


# What asks while it tells ("my question is about cookies", "I am curious about how long you keep my data").
_ASKS_IN_TELLING = re.compile(r"\b(?:(?:question|query|doubt|concern)s? (?:is|are|about|regarding|on)|curious|wonder\w*|"
                              r"(?:want|like|need|wish) to (?:know|understand|ask|check)|confused|not sure|unsure)\b")
# The words that open thanks, and those of a farewell or a wish (`pleasantry`).
_THANKING = frozenset("thank thanks thx ty cheers thanku shukriya dhanyavaad dhanyavad".split())
_FAREWELL = frozenset("""take care bye goodbye for now see you later have a an nice lovely great good day evening
    weekend night wishing wish your team happy diwali holi eid christmas new year festive season""".split())


def _only_greets(words) -> bool:
    """Whether every word is a greeting's (`_GREETINGS`), one of them a hello (`_HELLO`), as typed in haste or not."""
    held = {_held_long(w) for w in words}
    return held <= _GREETINGS and bool(held & _HELLO)


def _held_long(word: str) -> str:
    """A word with any letter held for three or more typed twice ("hiii" -> "hii", "hellooo" -> "helloo")."""
    return re.sub(r"(.)\1{2,}", r"\1\1", word)


# A visitor signing off ("that's all I needed, have a lovely weekend", fresh72): every word one of these, with "that's
# all" or "have a ..." said.
_SIGNING_OFF = frozenset("""that s is all i needed need wanted to know have a an lovely wonderful nice great good day
    weekend evening thanks thank you cheers thanku for now today perfect ok okay lot much so bye goodbye""".split())
# "thank you, that's all for now", "perfect, that's all I needed" (session 52's review AO), "thanks a lot, that's all
# for now, bye" (session 53's review AV)


def _signs_off(tokens: tuple[str, ...]) -> bool:
    pairs = set(zip(tokens, tokens[1:]))
    return len(tokens) <= 12 and set(tokens) <= _SIGNING_OFF and bool(
        {("s", "all"), ("is", "all"), ("have", "a"), ("have", "an")} & pairs)


# What a company question must not be: about someone's own things, or about what is done with data.
_OWNERS = frozenset("my mine me our his her their ip billing mailing home".split())
_OWNERS |= {"bill"}  # (read against stems too: "billing address" is "bill address" there, session 53's review AU; not
# "mail", which "which mail address should that go to" asks of ours)
# ("remove": "remove old emails from the campaign" asks no address of ours; the review of round 14)
_PRACTICES = frozenset(stem(w) for w in """collect store keep share sell use track record save process access delete remove
    disclose encrypt protect spam market newsletter verify change update read see hack leak give transfer
    retain rent trade monitor stop unsubscribe opt promo promotional receive pass transmit transmission secure
    buy purchase obtain acquire scrape harvest mask redact anonymise anonymize
    watch gather capture""".split())  # ("which pages i open on your site do you watch": session 52's review AN; "what
# contact identifiers do you gather, such as phone number or postal mailing address?": session 53's review AR)
# Words that ask whether the service works with something (see `Assistant.asks_about_a_product`).
_CAPABILITY = frozenset("""integrate integrates integration integrations plugin plugins addon extension connect
    connector sync compatible work works""".split())
_SETTING_VERBS = frozenset("change switch modify edit customise customize upgrade downgrade".split())
# What a setting verb points back to ("can I switch that off somehow": the cookies just named, no product's setting),
# and the words that may follow it (not "this plan", "it to weekly": a product's setting named).
_POINTED_BACK = frozenset("that it this them those these".split())
_AFTER_POINTED = frozenset("off on out back somehow".split())
_CAPABILITY_NOUNS = frozenset("integration integrations plugin plugins addon extension connector".split())
# Words that ask how to do something: "what is the procedure / process / the steps to ...", "how can I ...".
_HOW_TO = frozenset(stem(w) for w in "how procedure process steps step way method formalities".split())
# Words that ask whether the visitor may do something: "is there any provision for ...", "am I allowed to ...",
# "is it possible to ...", "do I have the option to ...", "can I ask you to ...".
# "able", "allowed" ... only with the visitor as their subject: "will it be able to access my location" asks what
# the app does, not whether the visitor may use a right.
_OPTIONS = frozenset("possible provision option options".split())
_ALLOWED = frozenset("allowed able entitled permitted".split())
_MAY_I = frozenset({("can", "i"), ("could", "i"), ("may", "i"), ("can", "we"), ("may", "we")})


def _points_back(query: Query, asked: tuple[str, ...], i: int) -> bool:
    """Whether the setting verb at `i` acts on a pronoun for something named in an earlier clause of the message ("Do you
    put cookies on my browser? Can I switch that off?"); not "can I change it to weekly emails?" (nothing named before:
    the product's setting, the review of round 34)."""
    return len(query.parts) > 1 and asked[i + 1:i + 2] != () and asked[i + 1] in _POINTED_BACK \
        and (asked[i + 2:i + 3] == () or asked[i + 2] in _AFTER_POINTED)


def _asks_if_allowed(query: Query) -> bool:
    """Whether the question asks if the visitor may do something (see `_ALLOWED`), or may have it done to their
    things ("if my details are wrong can they be corrected?", "can my data be deleted")."""
    asked = query.words
    return any(word in _OPTIONS for word in asked) or _visitor_may(asked) \
        or any(pair in _MAY_I for pair in zip(asked, asked[1:])) or _may_be_done(asked)


# "what if I want to know what data you collect" asks what is collected, not whether a right may be used.
_KNOWING_VERBS = frozenset("know understand see check learn find ask".split())


def _visitor_may(asked: tuple[str, ...]) -> bool:
    """Whether the visitor asks if they may do something: "am I allowed / entitled / able to ...", "do I have a / the
    right to ...", "what if I want ..." (the nineteenth visitor table's rights questions)."""
    return any((word in _ALLOWED and {"i", "we"} & set(asked[max(0, i - 3):i]))
               or (word in ("right", "rights") and asked[i + 1 : i + 2] == ("to",) and asked[i - 1 : i] in (("a",), ("the",))
                   and {"i", "we"} & set(asked[max(0, i - 4):i]))
               or (word == "what" and asked[i + 1 : i + 3] in (("if", "i"), ("if", "we"))
                   and asked[i + 3 : i + 4] in (("want",), ("wanted",), ("need",))
                   and not (asked[i + 4 : i + 5] == ("to",) and asked[i + 5 : i + 6]
                            and asked[i + 5] in _KNOWING_VERBS))
               or (word == "if" and _would_you_if_wanted(asked[i + 1:]))
               for i, word in enumerate(asked))


_WANTED = frozenset("want wanted need needed wish".split())
_WOULD_YOU = frozenset({("would", "you"), ("will", "you"), ("can", "you"), ("could", "you"), ("would", "u"),
                        ("will", "u"), ("can", "u"), ("could", "u")})


def _would_you_if_wanted(after_if: tuple[str, ...]) -> bool:
    """After "if": "I [ever] wanted ..., would you ..." asks whether the visitor may have it done ("If I ever wanted a
    copy of my info, would you actually give it to me?"), not something to know ("if I want to know ...")."""
    if after_if[:1] not in (("i",), ("we",)):
        return False
    rest = tuple(w for w in after_if[1:4] if w not in ("ever", "really", "actually", "just", "one", "day"))
    if not rest or rest[0] not in _WANTED or rest[1:2] == ("to",) and rest[2:3] and rest[2] in _KNOWING_VERBS:
        return False
    near = after_if[:12]  # in the same sentence, near enough
    return any(pair in _WOULD_YOU for pair in zip(near, near[1:]))


_THEIR_THINGS = frozenset("my our they it them".split())
# The deeds of a right, done to the visitor's things: not "updated" ("can my old email be updated to the new one" drew
# the newsletter clause; the review of round 14), "hacked", "scheduled", "approved".
_RIGHTS_DONE = frozenset("""corrected fixed rectified amended deleted erased removed wiped purged restricted
    transferred ported exported downloaded""".split())


def _may_be_done(asked: tuple[str, ...]) -> bool:
    """ "can/could <the visitor's things> be <done>": "can they be corrected", "can my data be deleted"."""
    for i, word in enumerate(asked):
        if word in ("can", "could") and "be" in asked[i + 2 : i + 5]:
            j = asked.index("be", i + 2)
            named = set(asked[i + 1 : j])
            # "they" / "it" only after the visitor's things were named: not "can they be exported to csv from the
            # dashboard" (the product's; the review of round 14)
            if ((named & {"my", "our"}) or (named & _THEIR_THINGS and {"my", "our"} & set(asked[:i]))) \
                    and asked[j + 1 : j + 2] and asked[j + 1] in _RIGHTS_DONE:
                return True
    return False


def _split_also(part: Part) -> list[Part]:
    """A clause split where "also" starts a second question in it ("why is it needed and also whether ...")."""
    words = part.words
    if "also" not in words[1:]:
        return [part]
    i = words.index("also", 1)
    head = words[:i - 1] if words[i - 1] == "and" else words[:i]
    tail = words[i + 1:]
    if not head or not tail:
        return [part]
    return [Part(head, False, part.opens_sentence, part.act), Part(tail, part.question_mark, False, part.act)]


_DOERS = frozenset("i we to me".split())
_ASKING = frozenset("ask request get have obtain receive".split())
# "can I say no to you processing my info", "... to my data being used": not "... to marketing cookies" nor "... to the
# updated policy", which their own sections answer (the review of round 26).
_SAID_NO_TO = frozenset({("you",), ("u",), ("processing",), ("my",), ("using",), ("your",)})
# ... and the deeds of the rights themselves, on what the visitor gets: "can I stop the promo SMS", "can I opt out";
# not "can I stop you tracking me", which asks about what we do (cookies, analytics) as much.
_OPTING = frozenset("stop opt unsubscribe withdraw".split())


def _visitor_acts(query: Query) -> bool:
    """Whether the visitor is who does what a how-to word asks about: "how do I get ...", "what steps do I follow",
    "the process to ...", "can I ask / request / get ...", not "in what way do you store ...", which asks what we do,
    nor when others act in the question. ("can I see what cookies you use" is left to retrieval: its other
    practice's words say where.)"""
    asked = query.words
    if _OTHER_AGENTS & set(asked) or "others" in asked:
        return False  # "is there a way I could keep others from seeing my info" asks how it is protected
    return any(stem(word) in _HOW_TO and _DOERS & set(asked[i + 1:i + 4]) for i, word in enumerate(asked)) \
        or any(pair in _MAY_I and asked[i + 2:i + 3] and (asked[i + 2] in _ASKING or (
            asked[i + 2] in _OPTING and asked[i + 3 : i + 4] not in (("you",), ("u",)))
                or (asked[i + 2 : i + 5] == ("say", "no", "to") and asked[i + 5 : i + 6] in _SAID_NO_TO))
               for i, pair in enumerate(zip(asked, asked[1:]))) or _visitor_may(asked)


# Words that ask for a list ("what kinds ...", "list all ...") rather than one item.
_LIST_CUES = frozenset("what which list all kinds kind types type categories category everything".split())


NOT_DETECTED = object()  # `right_asked`/`prior` without a detection: they detect the request type themselves


class Assistant:
    """Answers questions about the policy from an `Index`."""

    def __init__(self, index: Index, intents: Intents | None = None, min_confidence: float = MIN_CONFIDENCE,
                 min_score: float = MIN_SCORE, company: list[CompanyQuestion] | None = None,
                 topics: TopicModel | None = None, topic_map: dict[str, TopicPlace] | None = None,
                 sections: TopicModel | None = None, requests: TopicModel | None = None):
        self.index = index
        self.topics = topics
        self.sections = sections  # the section model, its heads named by this policy's sections (`for_policy`)
        self.requests = requests  # the section model file's request heads (`split_requests`), or None
        self.model_request, self.model_request_type = MODEL_REQUEST, MODEL_REQUEST_TYPE
        self.model_move, self.model_doubt, self.model_move_below, self.model_rescue, self.model_none = \
            MODEL_MOVE, MODEL_DOUBT, MODEL_MOVE_BELOW, MODEL_RESCUE, MODEL_NONE
        self.model_rescue_low, self.model_rescue_none = MODEL_RESCUE_LOW, MODEL_RESCUE_NONE
        self.model_agree = MODEL_AGREE
        self.model_alone, self.model_abstain, self.model_abstain_below = MODEL_ALONE, MODEL_ABSTAIN, MODEL_ABSTAIN_BELOW
        self.model_abstain_privacy = MODEL_ABSTAIN_PRIVACY
        self.model_abstain_sure, self.model_abstain_sure_below = MODEL_ABSTAIN_SURE, MODEL_ABSTAIN_SURE_BELOW
        self.model_veto, self.model_veto_none = MODEL_VETO, MODEL_VETO_NONE
        self.model_retype, self.model_retype_from = MODEL_RETYPE, MODEL_RETYPE_FROM
        self.model_strong, self.model_strong_doubt = MODEL_STRONG, MODEL_STRONG_DOUBT
        self.topic_map = topic_map or {}
        self._shares_for, self._shares = None, []  # see `_topic_shares`
        self.off_topic, self.off_topic_explained, self.not_covered = OFF_TOPIC, OFF_TOPIC_EXPLAINED, NOT_COVERED
        self.min_probability = MIN_PROBABILITY
        self.clarify_floor = CLARIFY_FLOOR
        self.calibration = CALIBRATION
        self.second_look, self.second_look_declines = SECOND_LOOK, SECOND_LOOK_DECLINES
        self.see_also_at, self.see_also_company = SEE_ALSO, SEE_ALSO_COMPANY
        # The replies about the assistant itself ("are you a bot?", "can I talk to a human?"): word lists written
        # after reading the team's tables, so bench.calibrate switches them off, as it does the gap topics.
        self.about_replies = True
        self.intents = intents
        if topics is not None:
            index.model_knows = lambda word: topics.knows(stem(word))  # not read as another word, nor split
        if intents is not None:
            index.learn_words(intents.actions)  # "plz delte all my data": a request's verb, misspelt
            index.learn_words(intents.marker_words, missing_only=True)  # "i hav a complant", "newsleter"
        index.learn_words(_SCOPE, missing_only=True)  # "ur polcy aplies to the websit also?"
        # "wat r ur ofice timngs": a word of a question about us (corpus/company.yaml) with a letter left out
        index.learn_words({w for question in company or () for w in question.typed}, missing_only=True)
        self.min_confidence = min_confidence
        self.min_score = min_score
        self.company = company or []
        self.contact_section = index.policy.section(index.policy.sections[-1].number)
        self.editor_gaps: dict[frozenset[str], str] = {}  # an editor's "not covered": question terms -> text
        self.editor_gap_shapes: list[tuple[Shape, str]] = []  # ... and their shapes, for close wordings
        self.editor_gap_texts: list[str] = []  # ... every question added, in order (see `with_editor_gaps`)
        self.gap_words, self.same_topics = GAP_WORDS, SAME_TOPICS
        self.clarify_margin = CLARIFY_MARGIN
        self._company_first = _by_first_word(c.phrases for c in self.company)
        self.update: PolicyUpdate | None = None  # what the version in force changed (see `tell_changes`)
        self.published = None  # the record of the version answered from (number, effective date ...), set by the app

    def tell_changes(self, update: PolicyUpdate) -> None:
        """Answer "what changed in the privacy policy?" from `update`: the clauses the version in force changed."""
        self.update = update

    def changes_answer(self, query: Query) -> Reply | None:
        """The reply to a question about what changed in the policy, when the version in force changed something."""
        if self.update is None or not asks_what_changed(query):
            return None
        update = self.update
        lead = (f"The privacy policy was updated on {update.effective} (version {update.version}). "
                f"{len(update.changes)} change{'' if len(update.changes) == 1 else 's'}; "
                "the new and reworded clauses, as they read now:")
        clauses = [c for change in update.changes for c in change.new]
        removed = [c for change in update.changes if change.kind == "removed" for c in change.old]
        if not clauses:  # only removals: quote what was removed, from the earlier version
            clauses = removed
            lead = (f"The privacy policy was updated on {update.effective} (version {update.version}). "
                    "These clauses were removed:")
        quotes = [Quote(c, c.text) for c in clauses]
        hits = [Hit(c, 1.0) for c in clauses]
        lines = [f"- {c.text}" for c in clauses]
        if removed and clauses is not removed:
            lines += [f"- Removed: {c.text}" for c in removed]
        return Reply(query.text, "answer", "\n".join([lead, *lines]), citations=hits[:MAX_CITATIONS],
                     confidence=1.0, top=hits[0], quotes=quotes, note=lead, reason="changes")

    def add_editor_gaps(self, questions: list[str]) -> None:
        """Abstain on questions an editor marked "not covered", and on close wordings of them (`editor_gap`)."""
        for text in questions:
            self.editor_gap_texts.append(text)
            query = self.analyse(text)
            terms = frozenset(query.terms)
            if terms:
                self.editor_gaps[terms] = text
                self.editor_gap_shapes.append((self.shape(query), text))

    def with_editor_gaps(self, questions: list[str]) -> Assistant:
        """This assistant with `questions` as the editors' "not covered" list instead of its own, sharing the index,
        the model and the lexicons: what a worker needs when an editor decided a question is not covered, in a
        fraction of a rebuild (0.42 s with 500 decisions). When the list only grew, the questions this one has
        are not read again."""
        other = copy.copy(self)
        kept = self.editor_gap_texts
        if questions[:len(kept)] == kept:
            other.editor_gaps, other.editor_gap_shapes = dict(self.editor_gaps), list(self.editor_gap_shapes)
            other.editor_gap_texts = list(kept)
            other.add_editor_gaps(questions[len(kept):])
        else:  # one was taken back (an undone decision): read them all
            other.editor_gaps, other.editor_gap_shapes, other.editor_gap_texts = {}, [], []
            other.add_editor_gaps(questions)
        return other

    def shape(self, question: Query | str, prediction: TopicPrediction | None = None) -> Shape:
        """What comparing `question` with others needs (app/engine/likeness.py)."""
        query = self.analyse(question) if isinstance(question, str) else question
        weights = {t: self.index.weight(t) for t in set(query.terms)}
        if self.topics is None:
            return make_shape(weights)
        if prediction is None:
            prediction = self.predict(query)
        return make_shape(weights, [prediction.topics[t] for t in self.topics.topics], prediction.top(1)[0][0])

    def editor_gap(self, query: Query, prediction: TopicPrediction | None = None) -> str | None:
        """The question an editor marked "not covered" that `query` is, or is a close wording of; else None."""
        if not self.editor_gaps:
            return None
        exact = self.editor_gaps.get(frozenset(query.terms))
        if exact is not None:
            return exact
        shape = self.shape(query, prediction)
        return next((text for gap, text in self.editor_gap_shapes
                     if gap.close(shape, self.gap_words, self.same_topics)), None)

    def predict(self, query: Query) -> TopicPrediction | None:
        """The question model's reading of what `query` asks (None without a model). In a long message that is
        the sentence with its question: "We are a coaching institute in Jaipur ... A parent got calls from other
        companies. Do you pass on the numbers we upload?" is about sharing, whatever the context is about."""
        if self.topics is None:
            return None
        return self.topics.predict(self.model_words(query))

    @staticmethod
    def model_words(query: Query) -> list[str]:
        """The words the models read: what is asked, without a closing "tell" ("mera email kahan use hota hai
        batao"), which is the asking, for the models as for BM25 (`terms`): read as a topic it pulled the e-mail
        question to the unsubscribe clause (the review of round 17)."""
        asked = query.asked
        words = [w for i, w in enumerate(asked) if not closing_tell(asked, i)]
        if _THEY & set(words) and not _ANYONE_ELSE & set(query.words):
            # with nobody else named, "they" are us: "do they know my internet address" is read as "do you know ..."
            # (session 50's review: the third person lost a tenth of the rows the second person answers)
            words = [_AS_US.get(w, w) for w in words]
        return words

    def analyse(self, question: str) -> Query:
        """The one analysis of a message that everything below reads."""
        return self.index.analyse(question)

    @cached_property
    def contact(self) -> dict[str, str]:
        """The "Label: value" lines of the last section (Contact Us), e.g. {"Email": "sales@..."}."""
        details = {}
        for clause in self.contact_section.clauses:
            for line in clause.text.split("\n"):
                label, sep, value = line.partition(": ")
                if sep and label.replace(" ", "").isalpha() and len(label) <= 20:
                    details[label] = value
        return details

    def no_answer_message(self, gap: Gap | None = None, lead: str | None = None) -> str:
        """The plain "not covered" reply, with the policy's own contact details."""
        if lead is None:
            lead = not_covered_lead(gap) if gap else NOT_COVERED_REPLY
        details = "\n".join(f"{label}: {value}" for label, value in self.contact.items())
        return f"{lead}\n{details}"

    def decline(self, question: str, reason: str, result: SearchResult | None = None, gap: Gap | None = None,
                lead: str | None = None, confidence: float = 0.0) -> Reply:
        """Say plainly that the policy does not answer, and how to reach the company."""
        return Reply(question, "no_answer", self.no_answer_message(gap, lead), confidence=confidence,
                     top=result.best if result else None, gap=gap, contact=self.contact, reason=reason)

    def answer(self, question: str) -> Reply:
        """Answer one question: quote the best clause, or say the policy doesn't cover it."""
        query = self.analyse(question)
        reply = self._answer(question, query)
        if reply.kind == "answer" and reply.reason is None and not reply.handoff and self.doubts_answer(query, reply) \
                and reply.citations[0].clause not in (self.quoted_clause(question), self.term_clause(query)):
            declined = self.decline(question, "unsure", confidence=reply.confidence)
            declined.top, declined.topics = reply.top, reply.topics
            return declined
        return reply

    def second_look_features(self, query: Query, reply: Reply) -> tuple[float, ...] | None:
        """What the second look at an answer weighs (SECOND_LOOK), or None without a section model."""
        if self.sections is None or reply.top is None or not reply.citations:
            return None
        reading = self.sections.probabilities(self.model_words(query))
        sections = [h for h in self.sections.heads if h != NO_SECTION]
        likeliest = max(sections, key=lambda h: reading[h])  # the first of a tie, in the policy's order
        quoted = reply.citations[0].clause.section
        prediction = self.predict(query)
        return (reply.confidence, math.log1p(reply.top.score), reading[NO_SECTION], reading[likeliest],
                reading.get(quoted, 0.0), float(quoted == likeliest),
                prediction.privacy if prediction is not None else 0.5, min(len(query.words), 60) / 60)

    def second_look_doubt(self, query: Query, reply: Reply) -> float | None:
        """The second look's probability (SECOND_LOOK) that no section answers `query`, which `reply` answers; None
        without a section model or with the second look off."""
        features = self.second_look_features(query, reply)
        if features is None or self.second_look is None:
            return None
        return logistic(self.second_look, features)

    def doubts_answer(self, query: Query, reply: Reply) -> bool:
        """Whether the second look finds it likelier than not (SECOND_LOOK_DECLINES) that no section answers `query`,
        which `reply` answers. Never for a wording an editor linked to the clause quoted (or corpus/phrasings.yaml lists
        for it): that decision stands whatever the models read; nor for a clause of the section the visitor named by
        its number ("what does section 8 say")."""
        doubt = self.second_look_doubt(query, reply)
        clause = reply.citations[0].clause
        return doubt is not None and doubt >= self.second_look_declines \
            and frozenset(query.terms) not in self._phrased.get(clause.id, ()) \
            and not names_a_term_of(query, clause) and clause.section != self.section_named(query)

    @cached_property
    def _phrased(self) -> dict[str, set[frozenset[str]]]:
        """The content terms of each clause's phrasings (corpus/phrasings.yaml and the editors' links), by clause id."""
        return {clause_id: {frozenset(self.analyse(p).terms) for p in phrasings}
                for clause_id, phrasings in self.index.phrasings.items()}

    def _answer(self, question: str, query: Query) -> Reply:
        """The reply before the second look (`answer`)."""
        if query.devanagari and not query.terms:
            return self.decline(question, "devanagari", lead=DEVANAGARI_REPLY)
        small = classify_smalltalk(query, self.about_replies)
        if small == "human":
            return Reply(question, "smalltalk", self.no_answer_message(lead=HUMAN_REPLY), contact=self.contact)
        if small:
            return Reply(question, "smalltalk", SMALLTALK_REPLIES[small])
        found = self.intents.detect(query) if self.intents else None
        asked_in_story = False  # a story's markers made no request: the question it ends with is asked
        if found is not None and found.request and self.requests is not None:
            reading = self.requests.probabilities(self.model_words(query))  # read once, for both checks
            if self.handoff_doubted(query, reading, found.intent.urgent):
                asked_in_story = reading[REQUEST] < MODEL_VETO_ASKED and self._ends_asking(query)
                # "write a short promo sms for my shop's sale": the markers' request both models doubt; a story's type
                # stays as what its closing question asks about ("My email changed ... I don't need you to do anything
                # right now, but how would I update it when the time comes?": the right, session 52's review AO)
                found = replace(found, request=False) if asked_in_story else None
            else:
                found = self.retyped(query, found, reading)
        followed = self.follows_up(query, privacy=False) and not (
            found is not None and found.intent.name == "grievance" and _complains_now(query.words))
        named = self.section_named(query)
        if found is None and not followed and named is None:
            # (not "show me section 7": the policy's text asked for, which the request heads read as the visitor's data)
            found = self.learned_request(query)
        if found and found.request and followed:
            found = replace(found, request=False)  # "any update on my deletion request?": asked after, not made again
        if found and found.request and (unquoted := self._without_quoted_policy(question)) is not None:
            # '"Object to processing of your information" - can i really do this': the policy's words quoted make no
            # request of the visitor's; what is said around them may (session 49's review of questions on the
            # policy's own words)
            again = self.intents.detect(self.analyse(unquoted)) if unquoted.strip() else None
            if again is None or not again.request:
                found = replace(found, request=False)
        if found and found.request:
            return self.hand_off(question, found, self.index.search(query))
        if (told := self.told_smalltalk(query)) is not None:
            return Reply(question, "smalltalk", SMALLTALK_REPLIES[told])
        prediction = self.predict(query)
        if self.editor_gap(query, prediction) is not None:
            return self.decline(question, "not_covered", gap=Gap(EDITOR_GAP_TOPIC, ()))
        quoted = self.quoted_clause(question)
        company = self.company_answer(query) if quoted is None or quoted.section == self.contact_section.number \
            else None  # ("does 'contact information' cover my postal address as well": the policy's term, not ours)
        if company is not None:
            if found and self.index.policy.clause(found.intent.clause).section == company.top.clause.section:
                company.offer = found.intent.name  # "whom do I complain to?" may open the grievance form
            # "who do I contact to exercise my rights": the contact line, and the section on the rights under See also
            company.citations = self.see_also(query, company.citations, [], self.see_also_company)
            return company
        changes = self.changes_answer(query)
        if changes is not None:
            return changes
        if self.asks_another_to_act(query) or self.asks_of_another(query):
            # (before a story's uncovered part would leave the question alone)
            return self.decline(question, "not_covered", lead=OTHERS_ACT_REPLY)
        right = self.right_asked(query, found)
        prior = self.prior(query, prediction, found, right)
        others = self.section_asked(query, prediction)
        if quoted is None:
            quoted = self.term_clause(query)  # "business transfers", "account information": a term of the policy named
        if others is None and quoted is not None:
            others = quoted.section  # "what does 'interaction patterns' mean": the section that says it
        if others is not None:
            prior = {**(prior or {}), others: 1.0}
        result = self.retrieve(query, prior)
        result = self._children_only_if_named(query, result)
        if right is not None and others is None:
            result = self._right_first(query, result, right, found)
        if result.gap is not None and result.gap.data and ((right is not None and _VISITORS_OWN & set(query.words)
                                                            and not _PRODUCT_PLACES & set(query.words))
                                                           or self.about_all_data(query, prediction, result)):
            # "do you sell my health records?", "could strangers look through my gallery?": a kind of data the policy never
            # lists, asked about what the policy says of all personal information; so is a right the visitor asks how
            # to use on it ("can I delete my photos from your site?", round 19).
            result = replace(result, gap=None)
        if result.gap is not None and result.gap.data and others is not None and others == self.others_section:
            # "does ur policy cover the other apps i connect thru u": whose rules apply to another company is what the
            # section on third-party services says, whatever kind of data the company may reach (round 34)
            result = replace(result, gap=None)
        if result.gap is not None and len(query.parts) > 1:
            # "what do you collect, and for how long?", "why is my IP needed and also whether you offer a discount":
            # the part the policy does not cover is declined only when nothing else is asked. A kind of data the
            # policy never lists is set aside so only when asked in a question of its own ("what personal info do you
            # collect when i sign up, and do you need my pan or aadhaar": session 53's review AV), not when it is a
            # word of the question asked ("can a student of 15 use it, with the parent's permission?")
            rest = self._rest_of_two_questions(query, whole=result.gap.data)
            reply = self._answered_instead(question, rest) if rest is not None else None
            if reply is not None:
                # the part set aside is said to be uncovered, not dropped without a word (session 53's review AV)
                reply.uncovered = reply.uncovered or result.gap
                return reply
        if others is not None:
            section = self.index.policy.section(others)
            result = _section_first(result, section)
            if self.asks_whole_section(query, others):
                result = _opening_first(result, section)
            elif asks_if_agreed(query) is not None:
                result = _agreeing_first(result, section)
            elif quoted is not None and quoted.section == others:
                result = _clause_first(result, quoted, result.hits[0].score if result.hits else 0.0)
        best = result.best
        confidence = self.calibrated(query, result, prediction, prior)
        topics = dict(prediction.top(3)) if prediction else {}
        # The shape of the question says it is about a privacy practice (whose rules apply, what is taken from the
        # visitor, who else sees it, whether it is sold), however little the model knows its words.
        declined = self.gate(query, result, prediction, confidence, about_privacy=others is not None)
        if declined is not None and declined[0] == "unsure" and others is not None and best is not None \
                and best.clause.section == others:
            # Whose rules apply to another company, and what is taken from the visitor, are what those sections
            # say, however few of the question's words BM25 finds in them.
            declined = None
        if declined is not None and declined[0] == "unsure" and best is not None and self._collection_and_use \
                and best.clause.section == self._collection_and_use[1] \
                and (asks_what_mine_is_for(query) or _how_data_used(query.asked)):
            # "what is the purpose for which you are taking my mobile number", "wanna know what u do w my chats", "how
            # is the information i supply used": what the visitor's data is taken for is what the section on its use
            # says
            declined = None
        if declined is not None and declined[0] == "unsure" and best is not None \
                and best.clause.section == right:
            # "is there any provision for getting my data in excel format", "am i allowed to say no to my data
            # being processed": the section granting the right asked about is what answers.
            declined = None
        reading = None  # the section model's, read only where a gate below can use it
        # The topic model's doubt that the question is about privacy at all ("off_topic") declines it as a product
        # question, unless the section model, which learnt our visitors' wording, is sure which section answers (the
        # rescue below, as for an unsure answer): "my customers numbers that i upload, are they used for your own
        # marketing" is section 3 (session 47's review).
        doubted = declined is not None and declined[0] == "off_topic"
        if doubted:
            declined = ("not_covered", None, OFF_TOPIC_REPLY)
        unsure = declined is not None and (declined[0] == "unsure" or doubted)
        if self.sections is not None and (unsure or (declined is None and confidence < max(
                self.model_move_below, self.model_abstain_below))):
            reading = self.sections.probabilities(self.model_words(query))
            if declined is None and self._model_declines(reading, confidence, prediction):
                # Retrieval found words to quote, but the visitors' wording the model learnt says no section answers,
                # and the question model doubts it is about privacy at all ("what percentage of transactional
                # messages actually get delivered", "how to export campaign report data to excel"): a question about
                # the product, declined as retrieval's doubt would be.
                declined = ("unsure", None, None)
                reading = None  # declined for the model's own "none": never rescued by it in the same breath
            elif reading[NO_SECTION] >= self.model_none and not (
                    unsure and best is not None and self._model_sure(reading, self.model_agree) == best.clause.section):
                reading = None  # the model finds no section likely to answer: retrieval's reading stands (unless it is
                # all but sure of retrieval's own best section: MODEL_AGREE)
        if unsure and reading is not None \
                and (sure := self._model_sure(reading, min(self.model_rescue, self.model_rescue_low))) is not None \
                and (reading[sure] >= self.model_rescue or reading[NO_SECTION] < self.model_rescue_none) \
                and self._model_may_bring(sure, reading, result):
            # Retrieval is unsure, but the visitors' wording the section model learnt says which section answers:
            # one retrieval cites, or one the model is all but certain of ("yo whos the person 2 ping abt privacy
            # stuff, need a number or mail": Contact Us, which retrieval did not find); less sure of it, only when it
            # all but rules out that no section answers ("am I able to refuse you touching my information at all?").
            declined = None
            if best is not None and reading.get(best.clause.section, 0.0) >= reading[sure] - MODEL_TIE:
                sure = best.clause.section  # two sections the model reads alike: retrieval's order settles it ("Does
                # the right of access cover the messages I sent through the platform too?": 6 and 2 both 0.87)
            result = _section_first(result, self.index.policy.section(sure))
            best = result.best
            confidence = self.calibrated(query, result, prediction, prior)
        if declined is not None and declined[0] == "unsure" and confidence >= self.clarify_floor and best is not None:
            # Not sure enough to quote one clause, but the best of two or three sections likely answers.
            choices = self.cite(result.hits)[:MAX_CHOICES]
        elif declined is not None and declined[0] == "not_covered" and declined[1] is not None \
                and result.gap is None and len(query.parts) > 1 \
                and (reply := self._answer_a_part(question, query)) is not None:
            # "what do you collect and keep, and for how long?": the model's uncovered topic is one question of two;
            # the other is answered, as when a gap entry names the uncovered part.
            return reply
        elif declined is not None:
            reason, gap, lead = declined
            reply = self.decline(question, reason, result, gap=gap, lead=lead, confidence=confidence)
            reply.topics = topics
            return reply
        else:
            choices = self.choices(result)  # too close to call between sections
        if len(choices) > 1:
            return Reply(question, "clarify", CLARIFY_MESSAGE, confidence=confidence, top=best,
                         choices=choices, reason="unsure", topics=topics)
        if declined is not None:  # asking back would offer one choice: decline after all
            reply = self.decline(question, "unsure", result, confidence=confidence)
            reply.topics = topics
            return reply
        if reading is not None and confidence < self.model_move_below \
                and (sure := self._model_sure(reading, self.model_move)) is not None \
                and ((doubt := reading.get(best.clause.section, 1.0)) <= self.model_doubt
                     or (others is None and not self._purpose_named(query, best) and doubt <= self.model_strong_doubt
                         and reading[sure] >= self.model_strong)) \
                and self._model_may_bring(sure, reading, result) and named is None and quoted is None \
                and not self._purpose_named(query, best):
            # Retrieval's section is one the section model all but rules out, or one it finds much less likely than
            # a section it is sure of ("give me the full list of reasons you use my information": the section on
            # use, not whom data is shared with), unless the question's shape named it; and the model points at
            # another that retrieval cites too, or that it is all but certain of.
            # Before the check below, so that an instruction about the product is declined whichever section won.
            result = _section_first(result, self.index.policy.section(sure))
            best = result.best
            confidence = self.calibrated(query, result, prediction, prior)
        if found is None and not asked_in_story and self.intents and (ruled := self.intents.ruled_out(query)) is not None \
                and self.index.policy.clause(ruled.intent.clause).section == best.clause.section:
            # "stop sending me OTPs", "delete the template I made yesterday": told to do something with the product,
            # which the section on the right its verb names does not answer (the review of round 13)
            reply = self.decline(question, "unsure", result, confidence=confidence)
            reply.topics = topics
            return reply
        opening = self.index.policy.section(best.clause.section).clauses[0]
        if best.clause is opening and self.asks_whole_section(query, best.clause.section):
            quotes = self.quote(opening, query)  # all the section says was asked for (`_opening_first`)
        else:
            quotes = self.quote(self.plainest(query, result).clause, query)
        citations = self.cite(result.hits)
        if quotes[0].clause is not best.clause:
            citations = [Hit(quotes[0].clause, best.score)] + citations[1:]
        citations = self.see_also(query, citations, result.hits, self.see_also_at)
        reply = Reply(question, "answer", "\n".join(q.text for q in quotes), citations=citations,
                      confidence=confidence, top=best, quotes=quotes, topics=topics)
        if found and self.index.policy.clause(found.intent.clause).section == best.clause.section:
            # "Can I delete my data?" is answered from the policy, and may open the form.
            reply.offer = found.intent.name
        return reply

    def _purpose_named(self, query: Query, best: Hit) -> bool:
        """Whether retrieval's best is a purpose of the section on use that the question names as what data is used
        for ("is data used for detecting security threats?": not the section on security, however sure the section
        model is of it; session 51's review)."""
        pair = self._collection_and_use
        return pair is not None and best.clause.section == pair[1] and _used_for_named(query.asked)

    def _model_may_bring(self, section: str, reading: dict[str, float], result: SearchResult) -> bool:
        """Whether the section model may put `section` first: one of the sections retrieval cites, or any section of
        the policy when the model gives it at least MODEL_ALONE (never a head whose section a new version of the
        policy dropped or retitled, `topics.for_policy`)."""
        if section in {hit.clause.section for hit in self.cite(result.hits)}:
            return True
        return reading[section] >= self.model_alone and section in self.index.sections

    def _model_declines(self, reading: dict[str, float], confidence: float,
                        prediction: TopicPrediction | None) -> bool:
        """Whether the section model's "no section answers" declines what retrieval would answer: at least
        MODEL_ABSTAIN likely, with retrieval under MODEL_ABSTAIN_BELOW and the question model doubting privacy (under
        MODEL_ABSTAIN_PRIVACY); or at least MODEL_ABSTAIN_SURE, with retrieval under MODEL_ABSTAIN_SURE_BELOW."""
        none = reading[NO_SECTION]
        doubts_privacy = prediction is None or prediction.privacy < self.model_abstain_privacy
        return (none >= self.model_abstain and confidence < self.model_abstain_below and doubts_privacy) \
            or (none >= self.model_abstain_sure and confidence < self.model_abstain_sure_below)

    @staticmethod
    def _model_sure(reading: dict[str, float], at_least: float) -> str | None:
        """The section the section model finds likeliest, if it gives it at least `at_least`; else None."""
        section = max((h for h in reading if h != NO_SECTION), key=lambda h: (reading[h], h), default=None)
        return section if section is not None and reading[section] >= at_least else None

    def section_asked(self, query: Query, prediction: TopicPrediction | None) -> str | None:
        """The section that a question's shape says answers it, whatever words BM25 finds elsewhere (None: leave
        it to retrieval): what the policy is about (§1), whether using the service is agreeing to it (§1, or §11 for
        changes to it), whose rules apply to another company (§8), what is taken
        from the visitor or what the service can reach on the visitor's side (§2), who else sees or gets the
        visitor's data and whether it is sold (§4), where it is kept (§10 for a country, §4's cloud hosting for a
        server); and a section the visitor names by its number ("what is incident response in section 5?")."""
        if (named := self.section_named(query)) is not None:
            return named
        if (located := self.section_located(query)) is not None:
            return located
        if self.asks_about_this_policy(query):
            return self.scope_section
        if (agreed := asks_if_agreed(query)) is not None:
            changes = self._section_titled("chang")
            return changes if agreed == "changed" and changes else self.scope_section
        if self.asks_whose_rules(query):
            return self.others_section
        if asks_if_rights_apply(query) and len(self._rights_sections) == 1:
            return next(iter(self._rights_sections))  # "do these rights apply to me in India, or only in Europe?"
        collection = self._collection_and_use[0] if self._collection_and_use else None
        if collection and self.asks_what_is_taken(query, prediction):
            return collection
        if asks_if_intercepted(query) and self.security_section:
            return self.security_section
        if asks_how_access_limited(query) and self.security_section:
            return self.security_section
        if asks_who_sees(query) or asks_about_sale(query) or asks_who_gets(query) or asks_if_shared(query) \
                or self.sent_to_another_in_hindi(query):
            return self.sharing_section
        if asks_what_staff_see(query) and self.security_section:
            return self.security_section
        if collection and (asks_what_service_reaches(query) or asks_if_watched(query) or asks_what_data_used(query)
                           or asks_if_messages_kept(query) or asks_what_data_required(query)):
            return collection
        place = asks_where_kept(query)
        if place == "country":
            return self.transfers_section
        if place == "remote":
            return self.sharing_section
        return None

    def section_located(self, query: Query) -> str | None:
        """The section a visitor asks where the policy speaks of something ("which section is about external links",
        "which part of the doc is about third party services": session 52's review AQ): the one whose title has the
        most of the question's other words, else the one section the synonyms of those words point to; None when the
        question is not of that shape or neither tells."""
        ws = query.words
        if not (_WHICH_PART & set(ws) and _PART_OF & set(ws) and _SPEAKS_OF & set(ws)):
            return None
        rest = set(query.terms) - _LOCATING_STEMS
        scores = {sec.number: len(rest & _title_stems(sec.title)) for sec in self.index.policy.sections if sec.number}
        best = max(scores.values(), default=0)
        if best and sum(1 for v in scores.values() if v == best) == 1:
            return next(n for n, v in scores.items() if v == best)
        hinted = self.index.weigh_terms(query)[2]
        return next(iter(hinted)) if len(hinted) == 1 and next(iter(hinted)) in self.index.sections else None

    def _without_quoted_policy(self, question: str) -> str | None:
        """`question` without the spans it quotes from the policy word for word (two words or more, in quotation
        marks), or None when it quotes none."""
        spans = self._quoted_policy_spans(question)
        if not spans:
            return None
        out, at = [], 0
        for m, _ in spans:
            out.append(question[at : m.start()])
            at = m.end()
        return " ".join(out + [question[at:]])

    def quoted_clause(self, question: str) -> Clause | None:
        """The clause holding what `question` quotes from the policy word for word (two words or more, in quotation
        marks): "what does 'interaction patterns' mean", "you write that you're 'committed to protecting your privacy'
        - is that an actual commitment?" (session 52's review AQ). The quote's clause answers, whatever the models make
        of the words around it. Where the quote is in several sections, the clause it opens ("Business Information:
        ..."), else None: retrieval chooses."""
        found: list[Clause] = []
        for _, quoted in self._quoted_policy_spans(question):
            found += [c for c, said in self._clause_words if quoted in said and c not in found]
            opening = [c for c in found if self._clause_words_by_id[c.id].startswith(quoted)]
            if opening:
                return opening[0]
        return found[0] if found and len({c.section for c in found}) == 1 else None

    def _quoted_policy_spans(self, question: str) -> list[tuple[re.Match, str]]:
        """Each span `question` quotes from the policy word for word (two words or more, in quotation marks), with its
        words one space apart and one before and after (as `_policy_words` and `_clause_words` hold them)."""
        spans = []
        for m in _QUOTED.finditer(question):
            quoted = words(m.group(2))
            if len(quoted) >= 2 and (padded := f" {' '.join(quoted)} ") in self._policy_words:
                spans.append((m, padded))
        return spans

    def term_clause(self, query: Query) -> Clause | None:
        """The clause a short message names by a term of the policy, its content words side by side and in order
        (`names_a_term_of`: "business transfers", "account information", "protection of rights property"), when one
        section holds it (the clause it opens first: "Business Information: ..."), else None (session 53's review AU
        of terse messages). Only a message of a few words, nothing but the term and a question's words."""
        if len(query.words) > _TERM_ONLY_WORDS or len(query.terms) < 2 \
                or not {w for w in query.words if stem(w) not in query.terms} <= _TERM_FRAME:
            return None
        terms = tuple(query.terms)
        titled = [c for c in self.index.policy.clauses if c.subsection and tuple(tokenize(c.subsection)) == terms]
        if titled:
            return titled[0]  # "business transfers": the first clause under the sub-heading the message names
        found = [c for c in self.index.policy.clauses if names_a_term_of(query, c)]
        if not found or len({c.section for c in found}) > 1:
            return None
        opening = [c for c in found if tuple(tokenize(c.text)[:len(terms)]) == terms]
        return (opening or found)[0]

    @cached_property
    def _clause_words(self) -> list[tuple[Clause, str]]:
        """Each clause with its words (`text.words`), one space apart and one before and after, so that a quoted span
        matches whole words only (what `quoted_clause` looks in)."""
        return [(clause, f" {' '.join(words(clause.text))} ") for clause in self.index.policy.clauses]

    @cached_property
    def _policy_words(self) -> str:
        """The policy's words, laid out as `_clause_words` lays out each clause's (what `_quoted_policy_spans` looks
        in)."""
        return " " + " ".join(w for _, said in self._clause_words for w in said.split()) + " "

    @cached_property
    def _clause_words_by_id(self) -> dict[str, str]:
        return {clause.id: said for clause, said in self._clause_words}

    def section_named(self, query: Query) -> str | None:
        """The section of this policy a message names by its number ("section 5", "sec 8", "section eight"), when it
        names one only ("the policy mentions Analytics in both section 3 and 7" names two: retrieval chooses)."""
        named = [n for n in _numbers_named(query.text) if n in self.index.sections]
        return named[0] if len(named) == 1 else None

    def asks_whole_section(self, query: Query, section: str) -> bool:
        """Whether the question asks for all that `section` says, which its opening (and its list) answers, not the
        one item that says the question's word: how the visitor's data is used ("how is the information i supply
        used?", the use section), which data is used or asked for ("what data does this app use?", "what information is
        required?", the collection section), or whether it is made known ("do you publish my data", "do you release
        any information about me", the sharing section: no item says "publish"); or, of a section the visitor names
        by its number, nothing but the section ("what does section 8 say", "show me section 7")."""
        if section == self.section_named(query) and set(query.words) <= _ASKING_FOR_A_SECTION | {
                section, _NUMBER_NAMES.get(section, section)}:
            return True
        pair = self._collection_and_use
        if pair and section == pair[1]:
            return _how_data_used(query.asked)
        if pair and section == pair[0]:
            return asks_what_data_used(query) or asks_what_data_required(query)
        # (not with a receiver named: "do you release my data to the cops" is "Court orders or legal proceedings")
        return section == self.sharing_section and bool(_MAKING_KNOWN & query.stem_set) and asks_if_shared(query) \
            and not {"to", "with"} & set(query.asked)

    @cached_property
    def transfers_section(self) -> str | None:
        """The number of the section on data sent to other countries ("International Data Transfers")."""
        return self._section_titled("transfer")

    def retrieve(self, query: Query, prior: dict[str, float] | None = None) -> SearchResult:
        """The clauses for a question, best first, as answering weighs them (BM25 with the section prior, then
        the visitor's own details before our contact line, and others' actions before the visitor's rights)."""
        result = self._own_data_first(query, self.index.search(query, prior=prior))
        return self._lists_first(query, self._purpose_first(query, self._others_not_rights(query, result)))

    @cached_property
    def _collection_and_use(self) -> tuple[str, str] | None:
        """The numbers of the section on what is collected and the section on what it is used for, found by
        their titles ("Information We Collect", "How We Use Your Information"), or None if the policy has no such
        pair."""
        collect = [s.number for s in self.index.policy.sections if "collect" in _title_stems(s.title)]
        use = [s.number for s in self.index.policy.sections
               if "use" in _title_stems(s.title) and "collect" not in _title_stems(s.title)]
        return (collect[0], use[0]) if len(collect) == 1 and len(use) == 1 else None

    def _purpose_first(self, query: Query, result: SearchResult) -> SearchResult:
        """A question asking what data is *for* ("why do you need my email address", "what is my phone number
        used for", "what do you do with my location", `asks_for_purpose`) is answered from the section on how
        data is used, not from the one that lists what is collected: the list names the visitor's word ("Contact
        Information: Name, email address, phone number ..."), the purposes do not, so BM25 alone picks the list.
        When the best clause is in the collection section, the use section's clauses go first (its opening,
        "We use the collected information for the following purposes:", when none of them was found)."""
        hits = result.hits
        pair = self._collection_and_use
        if not hits or pair is None:
            return result
        if not (hits[0].clause.section == pair[0] and asks_for_purpose(query)) and not (
                hits[0].clause.section != pair[1] and _used_for_named(query.asked)
                and pair[1] in list(dict.fromkeys(hit.clause.section for hit in hits))[:3]):
            return result
        use = [hit for hit in hits if hit.clause.section == pair[1]]
        if not use:
            section = self.index.policy.section(pair[1])
            use = [Hit(section.clauses[0], hits[0].score)]
        top = hits[0].score
        first = [Hit(h.clause, max(h.score, top)) for h in use]
        result = replace(result, hits=first + [hit for hit in hits if hit.clause.section != pair[1]])
        if _how_data_used(query.asked):  # every purpose asked for: the section's opening and its list
            result = _opening_first(result, self.index.policy.section(pair[1]))
        return result

    def _lists_first(self, query: Query, result: SearchResult) -> SearchResult:
        """A question that asks for a list ("list all the data you collect", "what all info do you take", "which
        kinds of cookies") is answered by a list: clauses that belong to one (a lead-in and its items) score
        LIST_BOOST more."""
        if not result.hits or not asks_for_list(query):
            return result
        policy = self.index.policy
        hits = [Hit(h.clause, h.score * (1 + LIST_BOOST)) if len(policy.list_of(h.clause)) > 1 else h
                for h in result.hits]
        hits.sort(key=lambda h: -h.score)
        return replace(result, hits=hits)

    def _own_data_first(self, query: Query, result: SearchResult) -> SearchResult:
        """A question about the visitor's own things ("my ..."), an e-mail, phone or address, or mail or calls from us,
        is about their data, not our contact line.

        "Contact Us" lists our e-mail, phone and address, so "why do you need my email
        address?" and "will I get emails from you?" match it word for word; a question about the company itself was
        answered before this (company_answer), so here its clauses go behind the others.
        """
        hits = result.hits
        if not hits or hits[0].clause.section != self.contact_section.number or not (
                _DATA_NAMED & query.stem_set or _VISITORS_OWN & query.stem_set or _from_you(query.stems)):
            return result
        contact = self.contact_section.number
        others = [hit for hit in hits if hit.clause.section != contact]
        if not others:
            return result
        return replace(result, hits=others + [hit for hit in hits if hit.clause.section == contact])

    def _others_not_rights(self, query: Query, result: SearchResult) -> SearchResult:
        """A question about what someone else does with the visitor's data is not about the visitor's rights.

        The rights clauses say what *you* may request ("Request access to your personal information"), so "who
        will have access to my data?" and "can your staff read my messages?" match them word for word; when
        another party acts in the question before the visitor does (`others_act`), the sections of the clauses
        that requests hand off to go behind the others.
        """
        hits = result.hits
        if not hits or not self.intents or hits[0].clause.section not in self._rights_sections:
            return result
        if not others_act(query):
            return result
        others = [hit for hit in hits if hit.clause.section not in self._rights_sections]
        if not others:
            return result
        return replace(result, hits=others + [hit for hit in hits if hit.clause.section in self._rights_sections])

    def _children_only_if_named(self, query: Query, result: SearchResult) -> SearchResult:
        """The children's section last when the question names no child or age: "what data do they take" shares
        "take" with "we will take steps to remove the information" (round 19)."""
        hits = result.hits
        if not hits or hits[0].clause.section != self._childrens_section or _NAMES_A_CHILD & set(query.stems) \
                or any(w.isdigit() for w in query.words):
            return result
        return replace(result, hits=[h for h in hits if h.clause.section != self._childrens_section]
                       + [h for h in hits if h.clause.section == self._childrens_section])

    @cached_property
    def _childrens_section(self) -> str | None:
        child = self.intents.get("child_data") if self.intents else None
        if child is None or not self.index.policy.has_clause(child.clause):
            return None
        return self.index.policy.clause(child.clause).section

    @cached_property
    def _rights_sections(self) -> frozenset[str]:
        """The sections that grant the visitor's rights: those that two or more request types hand off to (§6),
        not a section with one (§12's complaints line, §9's children, which answer questions about others)."""
        if not self.intents:
            return frozenset()
        policy = self.index.policy
        counts: dict[str, int] = {}
        for intent in self.intents:
            if policy.has_clause(intent.clause):
                number = policy.clause(intent.clause).section
                counts[number] = counts.get(number, 0) + 1
        return frozenset(n for n, c in counts.items() if c >= 2)

    def _rest_of_two_questions(self, query: Query, whole: bool = False) -> str | None:
        """In a message asking two things, one of them on a topic the policy does not cover, the other questions'
        words; None when every question is about the uncovered topic or nothing else is asked (or, with `whole`,
        when an uncovered part is not a whole question of its own)."""
        segments = [segment for part in query.parts for segment in _split_also(part)]
        if len(segments) < 2:
            return None
        gaps = {k: gap for k, segment in enumerate(segments)
                if (gap := self.index.gap(self.analyse(" ".join(segment.words)))) is not None}
        uncovered = set(gaps)
        if whole and not (uncovered and all(self._whole_question(segments[k]) for k in uncovered)):
            return None
        if any(self._tells_the_scene(segments[k]) for k in uncovered):
            return None  # "i am on DND, why do i still get promotional sms?": the uncovered topic is the scene the
            # question is asked in, not a question of its own (session 54's review BA)
        named = [segments[k] for k in sorted(uncovered)]
        kept = [segment for k, segment in enumerate(segments) if k not in uncovered]
        dropped = bool(uncovered)
        if named and all(_names_only(segment, query) for segment in named):
            return None  # "what encryption do you use, aes-256?": the uncovered thing names what the question asks
        if named and not any(_PERSONAL_NAMED & set(segment.words) for segment in named):
            # "I scheduled a campaign by mistake, how do I delete it ...?", "... your ISO 27001 certificate. Can you share
            # them?": what the question right after the uncovered one acts on ("it", "them") is the uncovered thing,
            # which names none of the visitor's data; not "how long do you keep my customers' numbers and do you sell
            # them" (round 36), nor "Do you have an Android app? And does it use cookies, can I turn them off?" (what
            # "them" acts on was named after the uncovered question: the review of round 36)
            pointing: set[int] = set()
            for k, segment in enumerate(segments):
                if k and (k - 1 in uncovered or k - 1 in pointing) \
                        and _acts_on_named(segment.words) and not _PERSONAL_NAMED & set(segment.words):
                    pointing.add(k)
            kept = [segment for k, segment in enumerate(segments) if k not in uncovered | pointing]
        if uncovered:
            # "who is your data protection officer and what is their direct email": "they" right after an uncovered
            # question about someone of ours are whom it named, not us (`company_answer` reads a "they" alone as us)
            kept = [segment for k, segment in enumerate(segments) if segment in kept
                    and not (k - 1 in gaps and gaps[k - 1].company and _THEY & set(segment.words))]
        if not dropped:
            # The uncovered topic spans the last parts ("what do you collect and keep, and for how long?"): the
            # longest opening of the message without it.
            for end in range(len(segments) - 1, 0, -1):
                if self.index.gap(self.analyse(" ".join(w for s in segments[:end] for w in s.words))) is None:
                    kept, dropped = segments[:end], True
                    break
        # "how long do you retain my messages, and do you encrypt them?": what "them" stands for was named in the
        # uncovered question before it, and goes with the question asked (session 48's review)
        kept = [_carried(segment, segments[k - 1]) if k and k - 1 in uncovered else segment
                for k, segment in enumerate(segments) if segment in kept]
        if not dropped or not any(self._whole_question(segment) and self._asks_its_own(segment) for segment in kept):
            return None
        # Parts that went on after "and" stay joined by it ("if I stop paying and close the account ..." is still one
        # condition, not an instruction of its own: fresh31).
        return "".join((" and " if k and segment.joined_by == "and" else ". " if k else "") + " ".join(segment.words)
                       for k, segment in enumerate(kept)) + "?"

    def _tells_the_scene(self, part: Part) -> bool:
        """Whether a clause only tells the visitor's situation ("i am on DND", "i have dnd activated"): a statement
        opening with "I", no question mark (not "our investors keep asking about it", told beside a question of its
        own)."""
        actions = self.intents.actions if self.intents else frozenset()
        return not part.question_mark and part.words[:1] == ("i",) and len(part.words) <= 5 \
            and classify_clause(part, actions) == "statement"  # (not the longer story of a question of its own: "I
        # use your email campaign tool for my bakery's newsletter. Can you guarantee ...?")

    def _asks_its_own(self, part: Part) -> bool:
        """Whether a question has something of its own to ask (two content words at least), not only what was said
        before it: "the delivery report shows DND failed, what does that mean" asks what the report means (it was
        answered from section 11 on its own); "my WhatsApp template got rejected twice, can you tell me why?" and
        "... what did I do wrong" ask about the product question before them (fresh19)."""
        terms = self.analyse(" ".join(part.words)).terms
        # (or a practice of ours alone: "what do you collect and how long do you keep it", session 51's review)
        return len(terms) >= 2 or (len(terms) == 1 and terms[0] in _PRACTICE_STEMS and "you" in part.words)

    def _whole_question(self, part: Part) -> bool:
        """Whether a part of a message is a question by how it opens, not by its question mark alone: "can other
        members see my name and location info?" asks one thing of other members, not "location info?"."""
        actions = self.intents.actions if self.intents else frozenset()
        if part.words[:1] and part.words[0] in _CONDITIONS or (part.words[:1] == ("when",)
                                                                and part.words[1:2] in (("i",), ("we",))):
            return False  # "if my data leaks because of your mistake, do I get any compensation?": what the question
            # is on condition of, not a question of its own (round 22); so is "when I call your support line, ..."
        # (a verb before someone's things asks after "and" as at a sentence's start: "..., and is my data encrypted in
        # transit?", session 48's review; not after a comma alone: "I cannot log in, is my account secure?" is account
        # support, the review of round 39)
        opens = part.opens_sentence or (part.joined_by == "and" and part.words[:1]
                                        and part.words[0] in _QUESTION_AUXILIARIES
                                        and part.words[1:2] and part.words[1] in _THINGS_OPENED)
        return len(part.words) >= 4 and classify_clause(replace(part, question_mark=False, opens_sentence=bool(opens)),
                                                        actions) in ("question", "inquiry")

    def _answered_instead(self, question: str, text: str) -> Reply | None:
        """The answer to `text`, one question out of the visitor's `question`, as the answer to `question`; None
        when the policy does not answer it either."""
        reply = self.answer(text)
        if not reply.answered:
            return None
        reply.question = question
        return reply

    def _answer_a_part(self, question: str, query: Query) -> Reply | None:
        """The answer to the first whole question of a message asking several that the policy answers on its own
        (None when none is): "what do you collect and keep, and for how long?" is declined as a whole on the model's
        uncovered topic, while its first question alone is answered. Only for a message so declined: rare, so the
        cost of reading its parts one by one is paid only then."""
        for part in query.parts:
            if self._whole_question(part):
                reply = self._answered_instead(question, " ".join(part.words) + "?")
                if reply is not None:
                    return reply
        return None

    def _right_first(self, query: Query, result: SearchResult, section: str, found: Detection) -> SearchResult:
        """For a question on how the visitor uses a right, its section first: "how do I get back all the stuff you
        have about me" shares no word with "Request access to your personal information", but the request type's
        markers say which right. Its clauses that retrieval found keep their order; none found, the clause the
        request type quotes."""
        if not result.hits or result.hits[0].clause.section == section or not _visitor_acts(query):
            return result
        top = result.hits[0].score
        first = [Hit(h.clause, top) for h in result.hits if h.clause.section == section] \
            or [Hit(self.index.policy.clause(found.intent.clause), top)]
        return replace(result, hits=first + [h for h in result.hits if h.clause.section != section])

    def prior(self, query: Query, prediction: TopicPrediction | None, found=NOT_DETECTED,
              right=NOT_DETECTED) -> dict[str, float] | None:
        """The prior over sections that retrieval and the confidence use: the model's (`section_prior`), and for a
        question on how to use a right ("what is the procedure to get my data corrected", "steps to get my details
        deleted") the section that grants it, as likely as any. The model reads "procedure" as nothing in
        particular; the request types' markers ("corrected", "deleted") say which right is meant."""
        prior = self.section_prior(prediction) if prediction else None
        if prior is None or not self.intents:
            return prior
        section = self.right_asked(query, found) if right is NOT_DETECTED else right
        return prior if section is None else {**prior, section: 1.0}

    def right_asked(self, query: Query, found=NOT_DETECTED) -> str | None:
        """The section granting a right the question asks how, or whether, to use ("what is the procedure to
        get my data corrected", "is there any provision for getting my data in excel format", "am I allowed to
        ...", "can I ask you to stop ...", "hypothetically, ... would you fix them?", "if I did ask, would you do
        it?"), not a request and not about what others do; else None.

        `found`: what `intents.detect(query)` gave, None included, when the caller has it already."""
        if not self.intents:
            return None
        if found is NOT_DETECTED:
            found = self.intents.detect(query)
        if found is None or found.request or not (_HOW_TO & query.stem_set or _asks_if_allowed(query)
                                                  or supposed(query) or hypothetical(query)) \
                or others_act(query):
            return None
        policy = self.index.policy
        if not policy.has_clause(found.intent.clause):
            return None
        section = policy.clause(found.intent.clause).section
        return section if section in self._rights_sections else None

    def section_prior(self, prediction: TopicPrediction) -> dict[str, float]:
        """How likely each section answers the question, from the topics the model sees (0 to 1, best 1).

        A topic gives its probability to its first section, half of it to its second, a third to its third ...
        """
        weights: dict[str, float] = {}
        topics = prediction.topics
        for topic, shares in self._topic_shares():
            probability = topics.get(topic, 0.0)
            for number, share in shares:
                weights[number] = weights.get(number, 0.0) + probability * share
        top = max(weights.values(), default=0.0)
        return {n: w / top for n, w in weights.items()} if top else {}

    def _topic_shares(self) -> list[tuple[str, tuple[tuple[str, float], ...]]]:
        """Each mapped topic with (section, share of its probability) pairs; rebuilt only when the map changes."""
        if self._shares_for is not self.topic_map:
            self._shares = [(topic, tuple((n, 1 / (rank + 1)) for rank, n in enumerate(place.sections)))
                            for topic, place in self.topic_map.items() if place.sections]
            self._shares_for = self.topic_map
        return self._shares

    def gate(self, query: Query, result: SearchResult, prediction: TopicPrediction | None, confidence: float,
             about_privacy: bool = False) -> tuple[str, Gap | None, str | None] | None:
        """Why not to answer, as (reason, gap, lead), or None to answer. `about_privacy`: the question's shape says
        it is about a privacy practice, so the model's doubt that it is (the off-topic gate) does not decline it. The
        off-topic gate's reason is "off_topic", which the caller declines as "not_covered" unless the section model
        rescues it."""
        if result.gap is not None:
            return "not_covered", result.gap, None
        if self.asks_about_a_product(query) and not self.asks_whose_rules(query):
            # "... connects her google account through our integration. whose privacy policy covers that?" asks
            # whose rules apply to the product it names, which the section on third parties answers.
            return "not_covered", None, OFF_TOPIC_REPLY
        if prediction is not None:
            uncovered = [(p, t) for t, p in prediction.topics.items()
                         if t in self.topic_map and self.topic_map[t].not_covered]
            covered = max((p for t, p in prediction.topics.items()
                           if t in self.topic_map and not self.topic_map[t].not_covered), default=0.0)
            # A topic the policy covers, as likely as a topic must be to decline as not covered, says the question
            # is about a privacy practice however unsure the model's "about privacy" is ("Myself a shop owner, is it
            # safe to keep my customer numbers on your platform?": data security 0.79, about privacy 0.09).
            if prediction.privacy < self.off_topic and result.confidence < self.off_topic_explained \
                    and not about_privacy and covered < self.not_covered:
                return "off_topic", None, OFF_TOPIC_REPLY
            if uncovered:
                p, topic = max(uncovered)
                place = self.topic_map[topic]
                all_data = place.data and self.about_all_data(query, prediction, result)  # "sell my health data"
                if p >= self.not_covered and p > covered and not all_data and (
                        not place.cues or any(contains_phrase(c, sentence, max_skip=2)
                                              for sentence in _sentences(query) for c in place.cues)):
                    return "not_covered", Gap(place.not_covered, ()), None
        if asks_if_kept_after_leaving(query):
            # "if i close my account will you still keep my info?": the topic whose phrases name the leaving
            # (topics.yaml, `when`), whatever the model's doubt
            place = next((p for p in self.topic_map.values() if p.not_covered and any(
                contains_phrase(c, sentence, max_skip=2) for sentence in _sentences(query) for c in p.cues)), None)
            if place is not None:
                return "not_covered", Gap(place.not_covered, ()), None
        if not self.confident(result) or confidence < self.min_probability:
            return "unsure", None, None
        return None

    def _section_titled(self, stem: str) -> str | None:
        """The number of the one section whose title has a word of this stem (None when none or several have)."""
        found = [s.number for s in self.index.policy.sections if s.number and stem in _title_stems(s.title)]
        return found[0] if len(found) == 1 else None

    @cached_property
    def security_section(self) -> str | None:
        """The number of the section on how data is protected ("Data Security"), found by its title."""
        return self._section_titled("secur")

    @cached_property
    def sharing_section(self) -> str | None:
        """The number of the section on whom data is shared with ("Information Sharing and Disclosure"), found by
        its title."""
        return self._section_titled("share")

    def about_all_data(self, query: Query, prediction: TopicPrediction | None, result: SearchResult) -> bool:
        """Whether the question asks what the policy says of all personal information, whatever the kind of data:
        whether it is sold or passed on ("do you sell my DNA results?": "We do not sell, trade, or rent your
        personal information"; "do you share my photos"), who else can see or obtain it (`asks_who_sees`; "could a
        court demand my call history?"), or how it is protected ("are my gallery pictures kept safe?", "how is my
        contact list stored?"): the words of the question point at the section on sharing or on security
        (`asks_who_sees`, a synonym entry's `section`), or the model's likeliest topic is answered first by one of
        them. A kind of data the policy never lists
        (gaps.yaml's and topics.yaml's `data: true`) is then answered; whether it is collected at all stays not
        covered ("will the app switch on my camera?")."""
        general = {self.sharing_section, self.security_section} - {None}
        if (_SALE | _PASSING) & query.stem_set or general & result.hinted or (
                self.sharing_section and (asks_who_sees(query) or asks_who_gets(query))) or asks_where_kept(query):
            return True
        if prediction is None or not prediction.topics or asks_if_collected(query):
            # "do you store aadhaar numbers": whether it is taken at all, which the policy does not say.
            return False
        covered = {t: p for t, p in prediction.topics.items()
                   if t in self.topic_map and self.topic_map[t].sections}
        if not covered:
            return False
        place = self.topic_map[max(covered, key=covered.get)]
        return place.sections[0] in general

    @cached_property
    def others_section(self) -> str | None:
        """The number of the section on other companies' services ("Third-Party Services"), found by its title."""
        return self._section_titled("third")

    @cached_property
    def scope_section(self) -> str | None:
        """The number of the section saying what the policy is and what it applies to ("Introduction")."""
        return self._section_titled("introduct")

    def asks_about_this_policy(self, query: Query) -> bool:
        """Whether the question asks what this policy is about or what it applies to, and nothing else: "wats this
        policy even about", "same rules apply for customers using the website only?", "is the same policy
        applicable for the mobile app". Besides the policy and its scope it may name only the service, its users
        or a word no part of the engine knows; "what does the policy say about cookies" names a practice and is
        answered where the practice is."""
        if self.scope_section is None:
            return False
        asked = query.asked
        if not (_POLICY_NOUNS & set(asked) and _SCOPE & set(asked)) or _OTHER_PARTY & set(asked):
            return False  # "whose policy applies", "do their rules apply": `asks_whose_rules`
        owner = _OWNED_POLICY.search(query.text)
        if owner and owner.group(1).lower() not in _OUR_NAMES:
            return False  # "does whatsapp's privacy policy apply when I use it through you": another's policy
        if not (_SCOPE - {"about"}) & set(asked) \
                and any(w not in STOPWORDS for w in asked[asked.index("about") + 1:]):
            return False  # "what does the policy say about cookies"
        # A word no part of the engine knows is a slip ("this privasy polcy"), unless it names a product after
        # "to", "with" ... ("does this policy apply to zoho": whose rules apply, `asks_whose_rules`).
        return all(w in STOPWORDS or w in _POLICY_NOUNS | _SCOPE | _SERVICE_WORDS | _TELL_ME
                   or (self._unknown_name(w) and not (i and asked[i - 1] in _NAME_BEFORE))
                   for i, w in enumerate(asked))

    def asks_another_to_act(self, query: Query) -> bool:
        """Whether the question asks how to make another company act on the visitor's data: "how do I get Airtel to
        delete my old call records?", "My old employer uses Gupshup for their SMS. Can I make them delete my number?",
        "my old operator refuses to delete my records, can you make them do it?": that company's practice, which this
        policy does not govern. The one made to act is a bare name neither the policy nor the model knows, other
        companies or outside parties named as such ("other companies", "advertisers"), or "them" after such a party
        was named (a name, or an old, previous or other firm). Never in a message that speaks of us or the visitor's
        business ("your team", "ur boss", "support", "our clients": the review of round 41), nor a determiner's
        thing ("the callers", "a lawyer"), nor the visitor's things had deleted ("can i have them deleted")."""
        asked = query.asked
        if set(asked) & _SPEAKS_OF_US:
            return False
        for i, word in enumerate(asked):
            if word not in _CAUSING:
                continue
            party = []
            for k in range(i + 1, min(i + 5, len(asked))):
                other = asked[k]
                if other in _ACTS_ON_DATA:
                    if (asked[k - 1] == "to") != (word in _CAUSING_TO) or not party \
                            or set(party) & (_INSIDERS | _OWN | _FIRST_PERSON | _DETERMINED | {"me", "you", "u", "us"}):
                        break  # "get Airtel to delete", "make them delete"; not "do you tell people or do they ..."
                    if set(party) <= {"them", "they"}:
                        # "them" made to stop is more often the mails than a company ("how do i make them stop")
                        if other != "stop" and self._another_named(asked[:i]):
                            return True
                    elif set(party) & _OUTSIDERS or (len(party) <= 2 and all(map(self._unknown_name, party))):
                        return True
                    break
                if other != "to":
                    party.append(other)
        return False

    def asks_of_another(self, query: Query) -> bool:
        """Whether the question asks what another company does with data, or whether it is safe: "does textlocal sell
        data", "does jio share data with the government", "what does truecaller do with my contacts", "is paytm safe
        to use". The company is the subject: a name of one or two words neither the policy nor the model knows (no
        pronoun, nor a slip of one: "do yuo share my details"), right after the "does", "is", "will" ... that opens a
        clause (or follows its "what", "how" ...), and before a practice of its own (`_OWN_PRACTICES`). What we give
        such a company is asked with the name after the verb ("do you share my data with jio"), or with it receiving
        ("does jio get my data from you"), and stays a question about us; so does any message that speaks of us or
        names us in a slip ("does bluemesagio sell my data"). A company linked to our service is section 8's: its own
        policy governs ("what will hubspot do with my data after i link it")."""
        if any(w in _RIVALS and said[k + 1:k + 2] and said[k + 1] in _OWN_PRACTICES
               for said in (part.words for part in query.parts) for k, w in enumerate(said)) \
                and not _PRACTICE_OF_OURS & set(query.words):
            return True  # "I heard your competitor sells data, do they really?" (session 54's review AY): a rival's own
            # practice, however it is named ("your"); not "your competitors sell data, do you?"
        if _OF_US_OR_LINKED & set(query.words):
            return False
        for part in query.parts:
            said = part.words
            start = 1 if said[:1] and said[0] in _WH_WORDS else 0
            if said[start : start + 1] and said[start] in _ASKING_OF and self._another_does(said, start):
                return True
            if any(w == "s" and said[k + 1 : k + 2] and said[k + 1] in _THEIR_OWN_THINGS and self._a_brand(said[k - 1])
                   and not _OTHER_PARTIES & set(said[max(0, k - 3) : k - 1]) and not {"my", "our"} & set(said)
                   for k, w in enumerate(said) if k):
                # "what is airtel's privacy policy": another company's own policy (session 44's review); its data, app
                # or messages ("is msg91's data encrypted at rest", "how do i opt out of airtel's promo sms": session
                # 45's); not the visitor's own sent there ("does my stuff go to Meta's servers overseas?")
                return True
        return False

    def _a_brand(self, word: str) -> bool:
        """Whether a word names another company (`_a_firm`), or is a brand of letters and digits ("msg91")."""
        return self._a_firm(word) or (word.isalnum() and not word.isalpha() and not word.isdigit()
                                      and sum(c.isalpha() for c in word) >= 3)

    def _another_does(self, said: tuple[str, ...], i: int) -> bool:
        """Whether `said[i]` ("does", "is" ...) is followed by an unknown company's name and a practice of its own, or
        "safe" (`asks_of_another`)."""
        for width in (1, 2):
            party, verb = said[i + 1 : i + 1 + width], said[i + 1 + width : i + 2 + width]
            if not verb or not all(map(self._a_firm, party)):
                continue
            if verb[0] in _OWN_PRACTICES or (verb[0] == "do" and said[i + 2 + width : i + 3 + width] == ("with",)) \
                    or (said[i] in ("is", "r", "are") and verb[0] in _SAFE_ASKED):
                return True
        return False

    def _a_firm(self, word: str) -> bool:
        """Whether a word may name another company (`asks_of_another`): one the engine does not know, that is no
        thing of the product or of daily life, no pronoun or slip of one, not our own name in a slip, and no word of
        our kind of service typed into it ("bulksms", "whatsappapi", "chatbot": most often our own service)."""
        return self._unknown_name(word) and word not in _THINGS_NOT_FIRMS and not _names_us(word) \
            and not _pronoun_slip(word) and not any(kind in word for kind in _OUR_KINDS)

    def sent_to_another_in_hindi(self, query: Query) -> bool:
        """Whether a Hinglish question asks if the visitor's data goes "ko" (to) another party: "Jio ya Airtel ko
        mera data jaata hai kya aapke through?", "kya mera data advertisers ko jaata hai" (fresh37). Hindi puts the
        party, the data and the verb in any order, and the lexicon reads "ko" as nothing, so `asks_who_gets` sees no
        "to": the "ko" typed, the visitor's data, a verb of going or giving and a party that is not us (an outside
        party or a name the policy and the model never use; "aapke through", through us, is no party) say it."""
        if "ko" not in query.text.lower():
            return False  # (most questions: no need to read the typed words again)
        typed = words(query.text)
        if "ko" not in typed or "port" in typed:
            return False  # (porting a number to an operator is the product: "Jio ko mera number port karna hai")
        asked = query.asked
        mine = any(a in _OWN and b in _PASSED_THINGS for a, b in zip(asked, asked[1:]))
        # the party just before "ko", not us or the visitor ("aap ko", "mere ko") nor the visitor's own ("mere
        # customers ko": the review of round 43)
        parties = [typed[k - 1] for k, w in enumerate(typed) if w == "ko" and k
                   and typed[k - 1] not in _HINDI_PEOPLE and typed[k - 2:k - 1] not in [[w] for w in _HINDI_MINE]]
        return mine and bool(_GOING_TO & set(asked)) and any(
            w in _OUTSIDERS or (self._unknown_name(w) and w not in _HINDI_LEFT) for w in parties)

    def _others_named(self, query: Query) -> bool:
        """Whether the message names anyone but us whom "their" may be: people or companies (customers, partners, a
        bank), a name neither the policy nor the model knows, or an app or site not said to be ours. With nobody named,
        "their" is ours, as visitors write of an app ("does the policy cover their website too": session 50's review)."""
        asked = query.asked
        return bool(_ANYONE_ELSE & set(query.words)) or any(
            self._unknown_name(w) or (w in _PLACES and not (_OURS | {"their"}) & set(asked[max(0, i - 2):i]))
            for i, w in enumerate(asked))

    def _another_named(self, before: tuple[str, ...]) -> bool:
        """Whether another company is named before "them": a name neither the policy nor the model knows ("my old
        employer uses Gupshup"), or a firm said to be old, previous or other ("my old telecom operator")."""
        # (a person is no company: "if a parent believed you had a child's information, what does the policy tell
        # them to do", session 50's review)
        return any((self._unknown_name(w) and w not in _OTHER_PARTIES)
                   or (w in _FIRMISH and _EARLIER & set(before[max(0, j - 3):j]))
                   for j, w in enumerate(before))

    def _unknown_name(self, word: str) -> bool:
        """A word neither the policy nor the model's training questions use: most often a product's name."""
        term = stem(word)
        return (word.isalpha() and word not in STOPWORDS and word not in NUMBER_WORDS and len(word) >= 3
                and term not in _ADVERBS  # "if u change these rules do i even get told" names nobody (fresh45)
                and term not in self.index.known
                and not (self.topics and self.topics.knows(term)))

    def asks_what_is_taken(self, query: Query, prediction: TopicPrediction | None) -> bool:
        """Whether the question asks what is taken from the visitor, in a verb the policy never uses: "wat do u
        guys scoop up abt me", "so wat do u nab when i use ur app", "what do u scrape off me when i sign up". The
        shape "what do you <verb> ... me / from my / when I use ..." asks what is collected whatever the verb, when
        the model reads the question as one about collection (its likeliest topic, the section of what is
        collected first); a verb the policy uses ("share", "use", "sell") or "do" ("what do you do with ...", a
        purpose) is left to retrieval."""
        if prediction is None or not prediction.topics:
            return False
        topic = max(prediction.topics, key=prediction.topics.get)
        place = self.topic_map.get(topic)
        if place is None or not place.sections or place.sections[0] != self._collection_and_use[0]:
            return False
        asked = list(query.asked)
        for i in range(len(asked) - 2):
            if asked[i] not in ("what", "wat"):
                continue
            # "what do you ...", or a noun or two between: "what info do you ...", "what kind of data do you ..."
            j = next((j for j in range(i + 1, min(i + 4, len(asked) - 1))
                      if asked[j] in ("do", "does") and asked[j + 1] in ("you", "u")), None)
            if j is None:
                continue
            rest = [w for w in asked[j + 2:] if w not in _FILLERS]
            if not rest or rest[0] in STOPWORDS or (stem(rest[0]) in self.index.vocabulary
                                                    and stem(rest[0]) not in self._collection_verbs):
                return False
            after = rest[1:6]
            return any(w in ("me", "my") for w in after) or any(
                a == "i" and b in _VISITS for a, b in zip(after, after[1:]))
        return False

    @cached_property
    def _collection_verbs(self) -> frozenset[str]:
        """The stems of the collection section's title ("Information We Collect": "collect"), less "information"."""
        number = self._collection_and_use[0] if self._collection_and_use else None
        title = next((s.title for s in self.index.policy.sections if s.number == number), "")
        return frozenset(_title_stems(title) - {stem(w) for w in "information data we our your".split()})

    def asks_whose_rules(self, query: Query) -> bool:
        """Whether the question asks if this policy covers another company's service, or what that company does
        with the data: "are third party apps covered by this policy", "if I log in with google do their privacy
        rules apply", "are you responsible for what zapier does with my data", "what does zapier do with my data".
        It needs a word of rules or responsibility (policy, rules, apply, govern, responsible, covered, follow) and
        another party (their, whose, third, other, partner, linked or connected apps/sites, a name the policy and the
        model never use); or "what does <such a name> do with". The section on third-party services answers."""
        if self.others_section is None:
            return False
        # responsibility however it is spelt ("responsable", "responsibilty") read as the word itself
        # and who "answers for what" another company does is who is responsible for it
        # and so is one "answerable", "accountable" or "liable" for it
        # and so is "can I blame you", "your fault", "is that on you" (session 53's review AS)
        asked = tuple("responsible" if _responsible(w) or w in _ANSWERABLE or w in ("blame", "fault") or (
            w in ("answer", "answers") and query.asked[i + 1:i + 3] == ("for", "what")) or (
            w == "on" and query.asked[i + 1:i + 2] in (("you",), ("u",)) and query.asked[i - 1:i] in (("that",), ("it",), ("this",))
            and query.asked[i - 2:i - 1] in (("is",), ("s",))) else w
                      for i, w in enumerate(query.asked))
        if "with" not in asked and not _RULES & set(asked):
            return False  # neither a word of rules nor "what does <name> do with": no scan
        # "whatsapp's privacy policy", and as read with its slips mended: "whatsap's privcy practises"
        owner = _OWNED_POLICY.search(query.text) or _OWNED_POLICY_READ.search(" ".join(asked))
        party = bool(owner and owner.group(1).lower() not in _OUR_NAMES | _NOT_OWNERS)
        # ... or said beside ours with a policy named: "which privacy policy applies, yours or Meta's?", "meta's or
        # yours" (fresh37); not "it's" nor a country's law ("yours or India's"), nor responsibility alone ("who is
        # responsible if the OTP fails, yours or Jio's?": the review of round 43)
        beside = next((asked[i + 2] for i in range(len(asked) - 3)
                       if asked[i:i + 2] == ("yours", "or") and asked[i + 3] == "s"), None) or next(
            (asked[i - 2] for i in range(2, len(asked) - 1) if asked[i:i + 2] == ("or", "yours") and asked[i - 1] == "s"),
            None)
        party = party or bool(beside and beside not in _OUR_NAMES | _NOT_OWNERS | _LAWS_OF and _POLICY_WORDS & set(asked))
        # "their" with nobody else named is ours ("does the policy cover their website too"); read once, not per word
        their_is_ours = bool({"their", "theirs"} & set(asked)) and not self._others_named(query)
        for i, word in enumerate(asked):
            before = asked[i - 1] if i else ""
            if word in ("their", "theirs") and (not _RULE_NOUNS & set(asked[max(0, i - 4):i + 5]) or their_is_ours) \
                    and asked[i + 1:i + 2] != ("own",):
                continue  # "their" far from any word of rules ("... covered by standard contractual clauses? ... their
                # onboarding window closes Friday"): someone's, not another company's rules
            if word in _OTHER_PARTY or stem(word) in _OTHER_PARTY_STEMS:
                party = True
            elif word in _PLACES and before not in _OURS and not _POSSESSIVE_OURS & set(asked[max(0, i - 2):i]) \
                    and before not in _POLICY_PLACES and before not in _OUR_PRODUCTS \
                    and asked[i + 1:i + 3] not in _MADE_BY_US \
                    and not ("their" in asked[max(0, i - 2):i] and their_is_ours):
                party = True  # not "your otp service", "ur sms app": ours, a word between; nor the policy's own
                # "messaging services" and "related applications", nor "the phone apps you make" (session 50's review)
            elif self._unknown_name(word) and (before in _NAME_BEFORE or asked[i + 1:i + 2] and asked[i + 1] in _NAME_AFTER):
                if word.endswith("ly") and before not in _NAME_BEFORE and asked[i + 1:i + 2] in (("does",), ("do",)) \
                        and asked[i + 2:i + 3] and asked[i + 2] in _SUBJECT_AFTER_DO:
                    continue  # "... or something similar. Separately, does our data stay in India": "does" opens a
                    # question of its own, with its own subject; not "what does zapier do"
                if before == "to" and asked[i + 1:i + 2] and asked[i + 1] in _AFTER_A_VERB:
                    continue  # "supposed to find out (when)": a verb after "to", not "apply to zoho (crm data)"
                party = True
                if before in ("does", "do", "will", "would") and "with" in asked[i + 1:i + 4] \
                        and any(w in ("what", "wat", "how") for w in asked[max(0, i - 3):i]):
                    return True  # "what does zapier do with my data"
        return party and bool(_RULES & set(asked)) and (_names_rules(asked) or not asks_who_gets(query))

    def asks_about_a_product(self, query: Query) -> bool:
        """Whether the question asks if the service works with a product the policy and the model never name: "do
        you integrate with shopify", "is there a plugin for woocommerce", "does it work with hubspot". Whether
        Blue Messaggio connects to something is a product question; "do you integrate with other services" and
        "are you responsible for what zapier does with my data" are not of this kind and go on to be answered."""
        asked = query.asked
        if _SALE & query.stem_set and not asks_about_sale(query):
            # "do you sell short codes", "do u guys sell sms credits": what is sold is a product the policy never
            # names; "do you sell phone numbers" names what the policy holds and is answered (section 4)
            i = next((i for i, w in enumerate(asked) if stem(w) in _SALE), len(asked))  # (in the story only: none)
            things = [w for w in asked[i + 1:i + 4] if w not in _FILLERS and w not in ("u", "ur")][:2]
            if things and things[0] not in STOPWORDS and all(
                    w in STOPWORDS or (w.isalpha() and stem(w) not in self.index.vocabulary) for w in things):
                return True
        for i, word in enumerate(asked):
            if word in _SETTING_VERBS and "i" in asked[max(0, i - 2):i] and not _points_back(query, asked, i):
                # "where can I change my plan", "how do I change the language of the dashboard": the visitor
                # setting something the policy never names is using the product ("change my email address",
                # "edit my account preferences" name what the policy holds and go on to be answered)
                thing = next((w for w in asked[i + 1:i + 4] if w not in STOPWORDS), None)
                if thing is not None and thing.isalpha() and stem(thing) not in self.index.known \
                        and not self.index.misspells_a_known_word(thing):  # "change my personel details"
                    return True
            if word not in _CAPABILITY or (word in ("work", "works") and asked[i + 1:i + 2] != ("with",)):
                continue
            if word in _CAPABILITY_NOUNS and any(self._unknown_name(w) for w in asked[max(0, i - 2):i]):
                return True  # "do you have a slack integration", "a woocommerce plugin"
            for other in asked[i + 1:i + 4]:
                term = stem(other)
                if (other not in STOPWORDS and not other.isdigit() and term not in self.index.known
                        and not (self.topics and self.topics.knows(term))):
                    return True
        return False

    def calibrated(self, query: Query, result: SearchResult, prediction: TopicPrediction | None,
                   prior: dict[str, float] | None = None) -> float:
        """The probability that quoting the best clause answers the question (logistic, see CALIBRATION)."""
        if result.best is None:
            return 0.0
        return logistic(self.calibration, self.features(query, result, prediction, prior))

    def features(self, query: Query, result: SearchResult, prediction: TopicPrediction | None,
                 prior: dict[str, float] | None = None) -> tuple[float, ...]:
        """What the calibration weighs: words explained, margin over other sections, score, privacy, prior, and
        the share of the question's words that neither the policy, its lexicons nor the privacy questions the
        model learnt from use ("zoho", "crm", "latency": a product question), how specific the most specific
        word is that the best clause leaves unexplained ("do you collect my fingerprint"), and how much the model's
        topics point at the likeliest of the sections cited (0 when they point at none of them)."""
        best = result.best
        other = next((h.score for h in result.hits if h.clause.section != best.clause.section), 0.0)
        margin = (best.score - other) / best.score if best.score > 0 else 0.0
        privacy = prediction.privacy if prediction else 1.0
        if prediction is not None and prior is None:
            prior = self.section_prior(prediction)
        expected = prior.get(best.clause.section, 0.0) if prediction else 1.0
        # Whether the model's topics point at any section retrieval offers at all: when they point elsewhere,
        # the two disagree about what the question is, as they do on a question the policy does not answer.
        nearby = max((prior.get(h.clause.section, 0.0) for h in self.cite(result.hits)), default=0.0) \
            if prediction else 1.0
        # In a long message, the names of the visitor's town or trade in its context say nothing of the question.
        asked = {stem(w) for w in query.asked} if query.long else None
        terms = [t for t in query.terms if asked is None or t in asked]
        unknown = sum(1 for t in terms if t not in self.index.known and not (self.topics and self.topics.knows(t)))
        return (result.confidence, margin, math.log1p(best.score) / 4, privacy, expected,
                unknown / len(terms) if terms else 0.0, result.unexplained, nearby)

    def answer_with(self, question: str, clause_id: str) -> Reply:
        """Answer with the clause a visitor picked from "did you mean ...". Raises KeyError for an unknown id."""
        clause = self.index.policy.clause(clause_id)
        # A choice stands for its topic: a list item comes with its lead-in and the rest of its list.
        group = self.index.policy.list_of(clause)
        quotes = [Quote(c, c.text) for c in group]
        hit = Hit(quotes[0].clause, 0.0)
        return Reply(question, "answer", "\n".join(q.text for q in quotes), citations=[hit], confidence=1.0,
                     top=hit, quotes=quotes, reason="chosen")

    def choices(self, result: SearchResult) -> list[Hit]:
        """The best clause of each section too close to the best one to call: "did you mean ..." choices."""
        if not self.clarify_margin:
            return []
        best = result.best
        out = [best]
        for hit in self.cite(result.hits)[1:]:
            if hit.score >= (1 - self.clarify_margin) * best.score:
                out.append(hit)
        return out[:MAX_CHOICES]

    def confident(self, result: SearchResult) -> bool:
        """True when the best clause is good enough to quote."""
        best = result.best
        # A short question in common words ("what gets collected?") scores low however well the clause
        # answers it: a clause that explains every word asked needs no minimum score.
        return (result.gap is None and best is not None and result.confidence >= self.min_confidence
                and (best.score >= self.min_score or result.confidence >= EXPLAINS_ALL))

    def plainest(self, query: Query, result: SearchResult) -> Hit:
        """The clause to quote from the best section, among those that nearly tie with the best (NEAR_TIE).

        A list item inherits its lead-in's and headings' words, and wordings linked to it, so a short item can
        come first on its length alone:
        - an item that says none of the question's words in its own text gives way to the near tie that says
          most ("do you share my data?": the section's opening "We do not sell ... We may share your information
          ...", not "Prevention of fraud or security threats");
        - unless the question asks for a list, an item gives way to a paragraph that says as much, the one that
          comes first in the section ("do you use cookies?": "We use cookies ...", not "Analytics Cookies: ...").
        Before both, an item that says none of the visitor's own words gives way to the item of its list, in a
        near tie, that says most of them (not counting the words their synonyms brought in), unless the item
        would be quoted with its whole list, which holds them ("do you share data with the government": "Government
        requests or investigations", not "Court orders or legal proceedings").
        Which section answers is decided before this and does not change.
        """
        best = result.best
        near = [hit for hit in result.hits
                if hit.clause.section == best.clause.section and hit.score >= best.score * (1 - NEAR_TIE)]
        if len(near) < 2:
            return best

        def saying(terms: dict[str, float]):
            """How much of `terms` (term -> weight) a clause says in its own text, by their weights and idf."""
            def says(hit: Hit) -> float:
                own = self.index.own_words[hit.clause.id]
                return round(sum(weight * self.index.weight(term) for term, weight in terms.items() if term in own), 6)
            return says

        says = saying(result.terms)
        # The visitor's own words before the words synonyms brought in: "do you share data with the government"
        # is answered by "Government requests or investigations", not by "Court orders or legal proceedings",
        # which only a synonym of "government" matched.
        says_own = saying(dict.fromkeys(query.terms, 1.0))

        if best.clause.kind == "bullet" and says_own(best) == 0 and len(self.quote(best.clause, query)) == 1:
            siblings = [hit for hit in near if hit.clause.kind == "bullet"
                        and hit.clause in self.index.policy.list_of(best.clause) and says_own(hit) > 0]
            if siblings:
                best = max(siblings, key=lambda hit: (says_own(hit), hit.score))
        wants_list = bool(_LIST_CUES & set(query.words))
        said = says(best)
        if said == 0:
            policy = self.index.policy
            listed = (lambda hit: len(policy.list_of(hit.clause)) > 1) if wants_list else (
                lambda hit: hit.clause.kind != "bullet")
            other = max(near, key=lambda hit: (says(hit), listed(hit), hit.score))
            return other if says(other) > 0 else best
        if best.clause.kind == "bullet" and not wants_list:
            plain = [hit for hit in near if hit.clause.kind != "bullet" and says(hit) >= said]
            return min(plain, key=lambda hit: hit.clause.line) if plain else best  # the section's most general
        return best

    def quote(self, clause: Clause, query: Query) -> list[Quote]:
        """What to quote for `clause`: the clause, or its lead-in with the whole list when that is what is asked.

        A lead-in that ends with ":" is never quoted without its list. A list item
        stands for its list when the question asks for a list ("what ...",
        "which ...") and none of its words is the item's own: "what cookies do
        you use?" gets every type of cookie, "what are marketing cookies?" one.
        """
        group = self.index.policy.list_of(clause)
        if len(group) == 1:
            return [Quote(clause, clause.text)]
        lead = group[0] if group[0].text.endswith(":") else None
        if clause is not lead:
            if not _LIST_CUES & set(query.words):
                return [Quote(clause, clause.text)]
            shared = set(tokenize(f"{clause.section_title} {clause.subsection or ''} {lead.text if lead else ''}"))
            own = self.index.own_words[clause.id] - shared
            if own & set(query.terms):
                return [Quote(clause, clause.text)]
        return [Quote(c, c.text) for c in group]

    def company_answer(self, query: Query) -> Reply | None:
        """Answer a question about the company itself from "Contact Us", with the line that answers."""
        if not self.company or self.asks_whose_rules(query) or (asks_where_kept(query) == "country"
                                                                 and not _OUR_SEAT & query.stem_set):
            # Where the visitor's data is kept or sent ("my data will be going to which all countries") is not where
            # we are, though "which country" asks that too; unless the office is asked about as well ("which country
            # is your head office in? and does my data go there?", the review of round 13).
            # Whose rules apply to another company ("... your privacy policy covers what the CRM does, since we reach
            # it through you") is section 8's question, whatever contact words it holds.
            return None
        # Where servers or a data centre are ("which city is your data centre in") is not where our office is (fresh19),
        # unless the office is asked about too ("is your server in mumbai? also where is your office").
        # Nor where the visitor's own people are ("which city my sales guys are logging in from", fresh61).
        not_our_place = ((_names_a_data_place(query.words) or _messages_delivered(query.words))
                         and not _OFFICE_WORDS & set(query.words)) or _asks_the_visitors_place(query)
        # The company's name stands for "your": "where is Blue Messaggio based" asks where you are based.
        # In a long message only what is asked counts: "I opened your site on my office laptop ..." is context.
        text = " ".join(map(_company_stem, query.asked))
        stems = text.replace("blue messaggio", "your").split()
        if _THEY & set(stems) and not _OTHER_PARTIES & set(query.words) and not self.asks_of_another(query):
            # "what's their email", "can i call them": with nobody else named, "they" are the company (session 45's
            # review); not "my customers keep asking for their data" (their own)
            stems = [_they_as_you(stems, i) for i in range(len(stems))]
        # "do you share phone numbers" asks about data; "share your phone number" asks for the company's.
        practice = _does_with_data(query)
        said = set(stems)
        if (_asks_reply_time(stems) and not _a_product_step(said)) or self.follows_up(query):
            # how long we take to reply, or where a request the visitor sent has got to: the reply time line (not a
            # step of the product's waited on: "I emailed your team about my sender ID approval and no reply yet. how
            # long does it usually take?", session 45's review)
            entry = next((e for e in self.company if e.line == _REPLY_LINE), None)
            if entry is not None:
                return self._company_reply(query.text, entry)
        candidates = sorted({i for s in query.stem_set | said for i in self._company_first.get(s, ())})
        if not candidates:
            return None  # no entry's phrase starts with a word of the question (most questions)
        # where a clause begins ("whats ur email, tool keeps crashing": the tool is another clause's)
        breaks = frozenset(i for i in part_starts(query) if i is not None) \
            if query.asked == query.words and len(stems) == len(query.words) else frozenset()
        uncovered = self.index.gap(query)  # the uncovered topic the question asks about, if any
        if uncovered is not None and (uncovered.company or any(
                gap.company and gap.matches(list(query.asked)) for gap in self.index.gaps)):
            # "what is the name of your grievance officer, i need it for my letter", "is there a whatsapp number for
            # support": a fact about us the policy does not give, asked beside a way to reach us (session 29); also
            # when another uncovered topic comes first in gaps.yaml ("what is your finance team email for refunds":
            # refunds are the prices' topic; the code review of session 48)
            return None
        for i in candidates:
            entry = self.company[i]
            if not_our_place and entry.line == "Address:":
                continue
            if entry.line == _REPLY_LINE and (_PRODUCT_REPLIES & said or _a_product_step(said)):
                continue  # "how long does your chatbot take to reply": the product's replies, not ours; "how long
                # does it take to get a sender ID approved" (fresh39): a step of the product, not our reply
            if entry.line == "Email:" and _our_mails(query.asked):
                continue  # "can I unsubscribe from your emails": the mails we send, not our address
            for phrase in entry.phrases:
                if phrase[0] not in said:
                    continue  # not said, so not asked (most of an entry's phrases: no scan)
                if phrase in _REACH_PHRASES and (_REQUEST_VERBS & said or (phrase == _TEAM_AVAILABLE and _available_for(stems))):
                    continue  # "is your team available to delete my data", "please change the phone your app shows",
                    # "is your team available for a demo of bulk sms": the request, not our hours or phone line (the
                    # review of round 15, B4 / C3); "what days is your team available" asks our hours
                found = _asks_about_company(phrase, stems, detail=entry.line not in _COMPANY_ACTS, breaks=breaks,
                                            practice=practice)
                if found and phrase[0] in _COMPLAINING and _to_someone_else(stems, phrase[0]) \
                        and uncovered is not None:
                    continue  # "can I complain to a government regulator about them": the regulator is the topic;
                    # not "where do I complain if my aadhaar details got misused" (whom, here: our contact line)
                if found and entry.line == "Address:" and _gap_says(phrase, uncovered):
                    # "do you have a branch office in Delhi?": a branch elsewhere, which the policy does not give
                    # (the gap topic names it as this entry does; the decline lists our address anyway: fresh32)
                    return None
                if found and phrase == _OUR_TOWN and uncovered is not None:
                    continue  # "are you hiring backend developers in mumbai": the town is where the uncovered thing is
                    # (jobs, a branch), not what is asked (fresh32); another phrase may still ask our address ("a letter
                    # to your mumbai office about ...": the review of round 38)
                if found == "maybe" and _inside_gap(phrase, uncovered, list(query.asked)):
                    # "can i send bulk email through your panel": the product's "bulk email" holds "email" and
                    # is what is asked, not our address (declining gives the contact details anyway); "till what
                    # time can I call" is the longer phrase of the two and asks for our hours.
                    return None
                if found and practice and entry.line is None and _with_our_team(phrase, stems) \
                        and (uncovered is not None or not _REACH_THEM & said):
                    continue  # "do you keep recordings of my phone calls with your support team?": what is done with
                    # data, on a topic the policy does not cover (fresh45); our team is where the calls went, not whom
                    # the visitor asks to reach ("how do I contact your support team to delete my backups": the review
                    # of round 49); nor, with no verb of reaching us, what is done with what the visitor told our team
                    # ("When I send details to your support team about a failed campaign, what is that information used
                    # for?": session 50's review)
                if found == "yours" or (found and not practice):
                    return self._company_reply(query.text, entry)
        return None

    def follows_up(self, query: Query, privacy: bool = True) -> bool:
        """Whether the message asks after a request the visitor already made (`app.engine.intents.follows_up`), which
        makes no request again. `privacy`: only one that the reply time of "Contact Us" answers: named as a privacy
        request ("my deletion request", "my complaint") or only "my request", with nothing of the product's nor a
        topic the policy does not cover beside it (not "the status of my sender ID request", "any update on my refund
        request", "my complaint about delivery failures"). The words that ask after it are left out of that check:
        "I sent a deletion request last week, any update?" asks no "last update" of the policy."""
        named = follows_up(query, self.intents.actions) if self.intents is not None else None
        if named is None or not privacy:
            return named is not None
        if (_PRODUCT_STEPS | _PRODUCT_REPLIES | _PRODUCT_SENT) & query.stem_set:
            return False
        rest = " ".join(w for w in query.words if w not in _ASKING_AFTER)
        return self.index.gap(self.index.analyse(rest)) is None

    def _company_reply(self, question: str, entry: CompanyQuestion) -> Reply:
        clauses = self.contact_section.clauses
        if entry.line is None:
            quotes = [Quote(c, c.text) for c in clauses]
        else:
            clause, line = _find_line(clauses, entry.line)
            quotes = [Quote(clause, line)]
        hit = Hit(quotes[0].clause, 1.0)
        return Reply(question, "answer", "\n".join(q.text for q in quotes), citations=[hit], confidence=0.95,
                     top=hit, quotes=quotes, reason="company")

    def learned_request(self, query: Query) -> Detection | None:
        """The request a message makes as the model's request heads read it (`_learned_request`); in a message of two
        sentences or more and no "?", when the whole does not make one, the request its sentences make, each read on
        its own, when they all make the same: the story before a request dilutes the heads' reading of it ("I run a
        small coaching institute in Pune and my personal mobile is the one registered on the account. ... Please
        provide all the personal details stored under my name and number."). Chosen out of fold on the tables
        (session 39): three more requests handed off to a right form, no more false handoffs; a message with a "?" asks
        (two more false handoffs when those were read too: "r u open on saturdays? want to call about my account
        data"). A sentence's request is not taken when a later sentence says "no"."""
        found = self._learned_request(query)
        if found is not None or len(query.sentences) < 2 or any(part.question_mark for part in query.parts):
            return found
        sentences = query.sentence_queries
        made = {}
        for i, one in enumerate(sentences):
            if (found := self._learned_request(one)) is not None \
                    and not any(self.intents.says_no(later) for later in sentences[i + 1 :]):
                made[found.intent.name] = found
            # (a "no" in a later sentence may take it back: "lemme see all the stuff u got on me. actually never mind",
            # "my profile still shows the email from my old job. please don't swap it")
        return next(iter(made.values())) if len(made) == 1 else None

    def _learned_request(self, query: Query) -> Detection | None:
        """The request a message shaped as one makes when intents.yaml's markers find no type in it, as the model's
        request heads read it: "lemme see all the stuff u got on me", "my email on file is ancient, swap it 4 my new
        one k". None when the message names nothing of the visitor's (I, me, my ...: "your phone number and email
        please") or asks rather than tells; when the model is not sure enough that it is a request (MODEL_REQUEST) or
        of which type (MODEL_REQUEST_TYPE); when the rules have read that type in it already, denied or on the
        product (`Intents.had_their_say`: "mera data delete mat karo", "my account deactivated"; until session 39 any
        marker or "no" of any type kept the model out, and "mere data ka analysis mat karo" was no objection); when
        the markers would find a type but for its product words
        (`Intents.ruled_out`: "stop sending me OTPs"); or when the section model finds no section likely to answer
        (MODEL_NONE: an instruction about the product, "please update the email template"); or when it asks for the
        company's details and names nothing of the visitor's ("give me ur contact details pls", session 42)."""
        # the cheap checks first: most messages are questions, and none reach the model
        if self.requests is None or not self.intents or not _THE_VISITOR & set(query.words) \
                or not is_request(query, self.intents.actions):
            return None
        words = self.model_words(query)
        reading = self.requests.probabilities(words)
        if reading[REQUEST] < self.model_request or self.intents.ruled_out(query) is not None \
                or (self.sections is not None and self.sections.probabilities(words)[NO_SECTION] >= self.model_none):
            return None
        sure, name = _likeliest_type(reading)
        intent = self.intents.get(name)  # every type has a head: intents.yaml must name them all
        if intent is None or sure < self.model_request_type or self.intents.had_their_say(query, name):
            return None
        if not _HINDI_MINE & set(query.words) and (_asks_our_contact(query.words) or self.company_answer(query)):
            return None  # "give me ur contact details pls": the company's details asked for, nothing of the visitor's
        if _COOKIES & query.stem_set and not _DATA_NAMED & set(query.words):
            return None  # "i no longer consent to cookies on your site": cookies are the browser's to refuse (section
            # 7), no data of the visitor's named for a form (the section model retrained in session 53 read it so)
        return Detection(intent, True, 0)

    def retyped(self, query: Query, found: Detection, reading: dict[str, float] | None = None) -> Detection:
        """The request intents.yaml's markers found (`found`), as the type the request heads find likeliest when they
        give it at least MODEL_RETYPE and the markers' type at most MODEL_RETYPE_FROM, unless a "no" in the message
        may deny that type (`Intents.said_no_to`), which the heads cannot read. `reading`: the request heads' reading
        of the message, when the caller has it."""
        if self.requests is None:
            return found
        if reading is None:
            reading = self.requests.probabilities(self.model_words(query))
        sure, name = _likeliest_type(reading)
        if name == found.intent.name or sure < self.model_retype \
                or reading.get(REQUEST_TYPE + found.intent.name, 0.0) > self.model_retype_from \
                or (intent := self.intents.get(name)) is None or self.intents.said_no_to(query, name) \
                or (intent.urgent and names_no_child(query.text)):
            return found  # (a "no" the heads cannot read: "I don't want my account deleted, just send me my data"; a
            # son who set the account up, or is grown, for whom the heads read a child: session 47's review)
        return replace(found, intent=intent)

    def handoff_doubted(self, query: Query, reading: dict[str, float] | None = None, urgent: bool = False) -> bool:
        """Whether both of the section model's readings doubt a request intents.yaml's markers found: its request
        heads give "makes a request" less than MODEL_VETO, and its section heads "no section answers" at least
        MODEL_VETO_NONE (an instruction about the product in a right's words). Or a story that ends in a question, or
        is only told, which the request heads read as no request (MODEL_VETO_ASKED, MODEL_TOLD_VETO), whoever it names:
        "... I need to give him a straight answer. Can you guarantee our data will never be breached?" (session 52's
        review AM). `reading`: the request heads' reading of the message, when the caller has it; `urgent`: the
        markers found a child's report, which is told and never doubted for being only told."""
        if self.requests is None or self.sections is None or self.model_veto <= 0.0:
            return False
        words = self.model_words(query)
        if reading is None:
            reading = self.requests.probabilities(words)
        if reading[REQUEST] < max(MODEL_VETO_ASKED, self.model_veto) and self._ends_asking(query):
            if self._made_before_asking(query):
                return False  # "delete my account. also how long do you keep backups?": the request made stands, however
                # surely the question after it is one the policy does not answer (no section)
            if reading[REQUEST] < MODEL_VETO_ASKED:
                return True
        if not urgent and reading[REQUEST] < MODEL_TOLD_VETO and self._only_told(query):
            return True
        if _names_the_visitor(query.words):
            return False
        return reading[REQUEST] < self.model_veto \
            and self.sections.probabilities(words)[NO_SECTION] >= self.model_veto_none

    def _made_before_asking(self, query: Query) -> bool:
        """Whether what a message says before the question it ends with makes a request by itself, read as a message
        of its own ("delete my number from ur database asap. also what cookies do u use?", "I don't want any more
        marketing emails from you. And do you share my email with advertisers?": session 48's review), the question
        asked in a sentence of its own. The request heads, taught few such messages, read the whole as a question.
        Not a question asking whether what was wished can be done ("Marketing wale emails nahi chahiye, lekin OTP aate
        rahein. Aisa setting ho sakta hai?", fresh41), nor a story with no request in it ("I tried calling on a Saturday
        and nobody picked up ... What are your business hours?"): the request heads must all but certainly read what
        comes before as a request (MODEL_REQUEST_BEFORE)."""
        last = query.parts[-1]
        if _POINTING_BACK & set(last.words) and _POSSIBLE & set(last.words):
            return False
        if last.opens_sentence:
            ends = [m.end() for m in _SENTENCE_END.finditer(query.text.rstrip())]
            if not ends:
                return False
            before = self.analyse(query.text[:ends[-1]])
        elif len(query.parts) > 1:
            # the question joined on with a comma ("unsubscribe me, and by the way how do you protect my data?": session
            # 53's review AV): what comes before it, read as a message of its own
            before = self.analyse(" ".join(word for part in query.parts[:-1] for word in part.words))
        else:
            return False
        if not before.parts or before.parts[-1].question_mark:
            return False
        found = self.intents.detect(before)
        # the markers' request, which the request heads too read as one (not what someone else says: "My colleague says
        # once you give data to a company you can never get it deleted. Is deletion one of the rights?")
        return found is not None and found.request \
            and self.requests.probabilities(self.model_words(before))[REQUEST] >= MODEL_REQUEST_BEFORE

    def told_smalltalk(self, query: Query) -> str | None:
        """"greeting" or "thanks" for a message of a few sentences that only greets or thanks around what it tells: it
        opens or closes with a greeting or thanks (`classify_smalltalk`), and asks, instructs and wishes nothing
        (`_only_told`): "Thank you so much for the quick answer earlier about encryption. It cleared up everything my
        boss was worried about. Have a lovely evening!" (session 52's review AM: longer than `classify_smalltalk` reads,
        such messages were told "the policy doesn't cover that"). The closing thanks wins over an opening hello."""
        # (a sign-off reads as a question or an instruction: "have a lovely evening", "take care")
        if len(query.sentences) > 6 or not self._only_told(query, besides=pleasantry):
            return None
        if _ASKS_IN_TELLING.search(" ".join(query.words)):
            return None  # "Hi team. My question is about cookies. Thanks.": told, but asked
        sentences = query.sentences
        return pleasantry(sentences[-1][1]) or pleasantry(sentences[0][1])

    def _only_told(self, query: Query, besides=None) -> bool:
        """Whether a message of two sentences or more asks, instructs and wishes nothing: no "?", and every clause a
        statement (`classify_clause`; or politeness alone, "kindly do the needful"), or one `besides` accepts."""
        return len(query.sentences) >= 2 and self.intents is not None \
            and not any(part.question_mark for part in query.parts) \
            and all(classify_clause(part, self.intents.actions) in ("statement", "other")
                    or (besides is not None and besides(part.words)) for part in query.parts)

    def _ends_asking(self, query: Query) -> bool:
        """Whether a message of two clauses or more ends with a question asked with "?" (`MODEL_VETO_ASKED`)."""
        parts = query.parts
        return len(parts) >= 2 and parts[-1].question_mark and self.intents is not None \
            and classify_clause(parts[-1], self.intents.actions) == "question"

    def hand_off(self, question: str, found: Detection, result: SearchResult) -> Reply:
        """Reply to a request: quote the clause granting the right and hand off to its form."""
        intent = found.intent
        clause = self.index.policy.clause(intent.clause)
        scores = {hit.clause.id: hit.score for hit in result.hits}
        first = Hit(clause, scores.get(clause.id, result.best.score if result.best else 0.0))
        others = [hit for hit in self.cite(result.hits) if hit.clause.section != clause.section]
        citations = [first] + (others[: MAX_CITATIONS - 1] if self.confident(result) else [])
        return Reply(question, "answer", clause.text, citations=citations, confidence=result.confidence,
                     top=first, intent=intent.name, handoff=intent.name, note=intent.reply,
                     quotes=[Quote(clause, clause.text)])

    def see_also(self, query: Query, citations: list[Hit], hits: list[Hit], at: float) -> list[Hit]:
        """`citations` with room left filled by the likeliest sections of this policy the section model gives at least
        `at` (SEE_ALSO, SEE_ALSO_COMPANY; above 1: none), none of them cited yet: each by its best clause among
        retrieval's `hits`, else by its first clause (score 0). Best score first, as every citation list is."""
        if self.sections is None or not citations or len(citations) >= MAX_CITATIONS or at > 1.0:
            return citations
        reading = self.sections.probabilities(self.model_words(query))
        cited = {hit.clause.section for hit in citations}
        # this policy's sections only: not "none", nor a head whose section it dropped (`gone:N`, topics.for_policy)
        likely = sorted((h for h in self.sections.heads if h in self.index.sections and h not in cited
                         and reading[h] >= at), key=lambda h: -reading[h])
        more = []
        for number in likely[: MAX_CITATIONS - len(citations)]:
            hit = next((hit for hit in hits if hit.clause.section == number), None)
            more.append(hit or Hit(self.index.policy.section(number).clauses[0], 0.0))
        return citations + sorted(more, key=lambda hit: -hit.score)  # stable: the likelier first among equals

    def cite(self, hits: list[Hit]) -> list[Hit]:
        """Pick up to three citations, best first, at most one per section."""
        chosen: list[Hit] = []
        seen = set()
        for hit in hits:
            if hit.clause.section in seen or hit.score < CITATION_CUTOFF * hits[0].score:
                continue
            chosen.append(hit)
            seen.add(hit.clause.section)
            if len(chosen) == MAX_CITATIONS:
                break
        return chosen


def _likeliest_type(reading: dict[str, float]) -> tuple[float, str]:
    """The request type the request heads' `reading` finds likeliest, with its probability."""
    return max((p, h[len(REQUEST_TYPE):]) for h, p in reading.items() if h.startswith(REQUEST_TYPE))


EDITOR_GAP_TOPIC = "An editor marked this question as not covered by the policy"


def not_covered_lead(gap: Gap) -> str:
    """The first line of the reply to a question on a topic the policy does not cover."""
    return f"The privacy policy doesn't cover that ({gap.topic.lower()}). Please contact Blue Messaggio directly:"


@dataclass(frozen=True)
class PolicyUpdate:
    """What the version in force changed: its number, effective date (as people read it) and the changes."""

    version: int
    effective: str
    changes: tuple  # app.engine.lineage.Change, in the order of the new text


_CHANGED = frozenset("changed updated different new revised amended".split())
_CHANGE_NOUNS = frozenset("change changes update updates revision revisions".split())
_RECENT = frozenset("recent recently latest last".split())
_POLICY = frozenset("policy privacy terms notice".split())
_FUTURE = frozenset("will when if whenever how would notify inform tell".split())


def asks_what_changed(query: Query) -> bool:
    """Whether the message asks what changed in the policy ("what changed in the privacy policy?",
    "any recent changes to your privacy terms?"), not how changes are announced ("will you tell me if the policy
    changes?", which §11 answers) nor about changing one's own data."""
    found = set(query.words)
    if not found & _POLICY or found & _FUTURE or found & {"my", "i", "me"}:
        return False
    return bool(found & _CHANGED or (found & _RECENT and found & _CHANGE_NOUNS)
                or ("what" in found and found & _CHANGE_NOUNS))


# Who may act in a question: the visitor, or another party ("who will have access", "can your staff read").
_FIRST_PERSON = frozenset("i we i'm im".split())
_OTHER_AGENTS = frozenset("""anyone anybody someone somebody staff employee employees people they partners partner
    advertisers advertiser government police hackers hacker outsiders strangers third""".split())
_WHO_ACTS = frozenset("can will has have could may might would gets get got sees see else".split())


_LIST_WORDS = frozenset("list kinds types categories sorts everything enumerate rundown".split())
_LIST_PAIRS = frozenset({("what", "all"), ("which", "all"), ("all", "the"), ("all", "of"), ("what", "kind"),
                         ("what", "type"), ("what", "sort"), ("which", "kind"), ("which", "type")})


# "do you store ...", "will u keep ...": asks whether a kind of data is taken at all.
_YES_NO = frozenset("do does did will would".split())
_TAKES = frozenset(stem(w) for w in "store keep save collect record take hold capture gather retain".split())
# ... asked of what we have or know of the visitor's ("will you have my email id"), and in the passive
_HAVE_OR_KNOW = frozenset("have know".split())
_IS_ARE = frozenset("is are was were".split())
_ASKS_HOW_OR_WHERE = frozenset("how where why when what which who long".split())  # "how is my data stored"
_TAKEN_IN = frozenset("stored kept saved collected recorded held taken captured gathered retained logged".split())


def asks_if_collected(query: Query) -> bool:
    """Whether the question asks whether we take something at all ("do you store aadhaar numbers", "will you
    keep my ...", "will you have my email id", "do you know my shop's name"), or asks it in the passive ("is my PAN
    card number stored"), not how it is kept or who sees it."""
    words, stems = query.words, query.stems
    for i in range(len(words) - 2):
        if words[i] in _YES_NO and words[i + 1] == "you":
            rest = [j for j in range(i + 2, min(i + 5, len(words))) if words[j] not in _FILLERS]
            return bool(rest) and (stems[rest[0]] in _TAKES or (
                words[rest[0]] in _HAVE_OR_KNOW and words[rest[0] + 1 : rest[0] + 2] in (("my",), ("our",))))
        if words[i] in _IS_ARE and words[i + 1] in ("my", "our") and not (i and words[i - 1] in _ASKS_HOW_OR_WHERE):
            # the thing, then its participle: "is my pan card number stored", "are our contacts kept"
            return any(w in _TAKEN_IN for w in words[i + 2 : i + 7])
    return False


def asks_for_list(query: Query) -> bool:
    """Whether the question asks for a list rather than one thing: "list ...", "what all ..." (Indian English),
    "which kinds/types/categories of ...", "all the data ..."."""
    asked = query.asked
    return bool(_LIST_WORDS & set(asked)) or any(pair in _LIST_PAIRS for pair in zip(asked, asked[1:]))


# Words of rules or responsibility, and of another party, for `Assistant.asks_whose_rules`.
_RULES = frozenset("""policy policies rules rule apply applies applied govern governs governed responsible
    responsibility cover covers covered follow follows""".split())
_THIS_POLICY = frozenset("your ur this the our".split())
# Words that make a short part of a message a question of its own ("and for how long?"), not a name for what the
# question before it asks ("what encryption do you use, aes-256?", "which certifications, soc 2?").
_OWN_QUESTION = frozenset("""and also plus how what which when where why who whom whose do does did is are can could
    will would should may""".split())


_TAGS = frozenset({("is", "it"), ("is", "that"), ("or", "is"), ("like", "a"), ("like", "the")})
_TAG_OPENERS = frozenset("eg like maybe probably perhaps".split())


def _names_only(segment: Part, query: Query) -> bool:
    """Whether a part of a message only names something: three words at most, no question word, and set off by a
    stop or a comma, not joined by "and" ("is my payment info encrypted and retained securely?" asks two things)."""
    if segment in query.parts and 2 < len(segment.words) <= 6 and (segment.words[:2] in _TAGS or segment.words[0] in _TAG_OPENERS) \
            and part_starts(query)[query.parts.index(segment)]:
        return True  # "which law gives me these rights, is it the dpdp act 2023": a guess at what is asked (session 52's
        # review AP), after the question it guesses for
    if len(segment.words) > 3 or _OWN_QUESTION & set(segment.words) or segment not in query.parts:
        return False
    start = part_starts(query)[query.parts.index(segment)]
    return start is not None and not (start and query.words[start - 1] in _OWN_QUESTION)


def _sentences(query: Query) -> list[list[str]]:
    """The stems of each sentence of a message (`Query.sentences`): a topic's cue is said in one ("my support tickets -
    kept? used for what?" says no "kept for")."""
    return [[stem(w) for w in words] for _, words in query.sentences] or [list(query.stems)]


def _names_rules(asked: tuple[str, ...]) -> bool:
    """Whether a word of rules other than our policy's name is said ("apply", "cover", "their policy"): "my customer
    list ends up with some other company. What does your policy say about that?" asks what this policy says of
    sharing (`asks_who_gets`), not whose rules apply."""
    return any(word in _RULES and not (word in ("policy", "policies") and i and asked[i - 1] in _THIS_POLICY)
               for i, word in enumerate(asked))


_ANSWERABLE = frozenset("answerable accountable liable".split())
# The words of rules "their" must stand near to be another company's (not "responsible": "are your staff accountable for
# their mistakes" speaks of ours)
_RULE_NOUNS = frozenset("""policy policies rules rule apply applies applied govern governs governed cover covers covered
    follow follows terms""".split())
_SUBJECT_AFTER_DO = frozenset("our my your ur the it you u we i they this that any".split())


def _responsible(word: str) -> bool:
    """Whether a word says responsibility, spelt as it may be ("responsable", "responsibel"), not a reply."""
    return word.startswith("respons") and word not in _RULES and word != "responsibly" \
        and not word.startswith(("response", "responsive"))


_OTHER_PARTY = frozenset("their theirs whose third other others partner partners".split())
# Where a product's name stands in a question about it: "with google", "through facebook", "does shopify follow".
_NAME_BEFORE = frozenset("with through via using like does do to by on".split())
_NAME_AFTER = frozenset("does do follow follows gets get has".split())
# Where our office is, as opposed to where servers or a data centre are (`Assistant.company_answer`).
_OUR_SEAT = frozenset(stem(w) for w in "office offices headquarters headquartered hq based located registered".split())
# (and the post: "where do my data requests go, is there a postal address", the review of round 38)
_OFFICE_WORDS = frozenset("""office offices headquarters hq branch branches address postal post posted letter
    courier""".split())
_DATA_PLACES = frozenset("server servers datacentre datacenter datacentres datacenters".split())


_DELIVERING = frozenset("deliver delivers delivered delivery send sends".split())
_SENT_THINGS = frozenset("sms smses messages message texts whatsapp otp otps emails".split())


def _messages_delivered(words: tuple[str, ...]) -> bool:
    """Whether the question asks where the product delivers messages ("Which countries can you deliver SMS to?":
    session 51's review), not where we are."""
    said = set(words)
    return bool(_DELIVERING & said and _SENT_THINGS & said)


def _names_a_data_place(words: tuple[str, ...]) -> bool:
    """Whether servers or a data centre are named ("which city is your data centre in"), not an office or a call
    centre."""
    return bool(_DATA_PLACES & set(words)) or any(a == "data" and b in ("centre", "center", "centres", "centers")
                                                   for a, b in zip(words, words[1:])) \
        or any(a == "where" and b in ("is", "are", "does", "do") and c in ("my", "our") and d in _HELD_DATA
               for a, b, c, d in zip(words, words[1:], words[2:], words[3:]))  # "where is my data located"


_PLACE_KINDS = frozenset("city country state town".split())
_VISITOR_SIDE = frozenset("i im we my our".split())
# We, or a place of ours, named: what comes after is where we are ("which city is the company's main office in")
_COMPANY_SIDE = frozenset("""you your u ur yours blue messaggio bluemessaggio company companys firm office hq headquarters
    registered branch business""".split())


def _asks_the_visitors_place(query: Query) -> bool:
    """Whether "which city / country / state" asks where the visitor or their people are, not where we are: in the same
    clause, the visitor names themself before we or a place of ours are named ("which city my sales guys are logging in
    from", "does it depend on which country or state we're in"; not "which city is your office in", "what city is the
    company located in, i need it for my vendor form", "which country do you operate from, i want to visit": fresh61
    and the review of round 60)."""
    for part in query.parts:
        words = part.words
        for i, word in enumerate(words[:-1]):
            if word in ("which", "what") and words[i + 1] in _PLACE_KINDS:
                for after in words[i + 2:i + 10]:
                    if after in _COMPANY_SIDE:
                        break
                    if after in _VISITOR_SIDE:
                        return True
    return False


# What follows a verb after "to" ("to find out", "to keep it", "to tell me what"), and not a name ("apply to zoho
# too", "apply to Zoho CRM data", "apply to shopify stores": the review of round 13).
_AFTER_A_VERB = frozenset("""out up off down in on the a an my your our their his her its it them us me him this that
    these those when where what whether if how who which why about""".split())
_OTHER_PARTY_STEMS = frozenset(stem(w) for w in "linked connect connected integration integrations plugin".split())
_PLACES = frozenset("app apps site sites website websites service services platforms tools".split())
_OURS = frozenset("your ur you our this the blue".split())
# "give me a contact email", "send me an email id": one of our details, asked for with "a".
_CONTACT_HEADS = frozenset("contact email mail phone number address helpline".split())
_ALL_WAYS = frozenset("every all each".split())
_TO_REACH_US = frozenset("contact reach".split())
_POSSESSIVE_OURS = frozenset("your ur".split())
# The words the policy names its own services with ("our messaging services, website, and related applications"), and
# what says a place is ours after it ("the apps you make").
_POLICY_PLACES = frozenset("messaging related".split())
_OUR_PRODUCTS = frozenset("otp otps sms bulk rcs api".split())  # "the OTP service" is ours (session 54's review BE)
_MADE_BY_US = frozenset((you, verb) for you in ("you", "u") for verb in """make makes made offer run provide build built
    own have operate""".split())


# What a question on the policy's own scope says (`Assistant.asks_about_this_policy`).
_POLICY_NOUNS = frozenset("policy policies rules notice page document".split())
_SCOPE = frozenset("""about apply applies applicable applied cover covers covered govern governs valid same point
    purpose""".split())
# Asking to be told, which says nothing of what is asked: "kindly tell me this privacy document is applicable to which
# all services of yours?" (fresh45)
_TELL_ME = frozenset("tell explain clarify confirm know".split())
_SERVICE_WORDS = frozenset("""website websites site sites app apps mobile application applications service services
    platform messaging customers customer users user people everyone even also only too all privacy whole
    entire use uses using android ios iphone desktop web
    sms api apis otp otps whatsapp rcs dashboard panel portal well business related""".split())  # "as well"; "your
# WhatsApp Business API services" (session 53's review AX); the policy's "related applications" (session 54's review BE)


# Words said between "what do you" and the verb ("guys", "actually"), and what the visitor does when it is taken.
_FILLERS = frozenset("guys guyz all actually really even ppl people".split())
_VISITS = frozenset("use sign browse visit register open install log text message".split())


def _section_first(result: SearchResult, section) -> SearchResult:
    """`result` with the clauses of `section` first (in their order), each scoring at least the best's; its first
    clause when retrieval found none of them."""
    number = section.number
    hits = result.hits
    first = [hit for hit in hits if hit.clause.section == number]
    if hits and hits[0].clause.section == number:
        return result
    top = hits[0].score if hits else 0.0
    first = first or [Hit(section.clauses[0], top)]
    return replace(result, hits=[Hit(h.clause, max(h.score, top)) for h in first]
                   + [hit for hit in hits if hit.clause.section != number])


def _opening_first(result: SearchResult, section) -> SearchResult:
    """`result` with the opening clause of `section` first, scoring as the best: for a question that asks for all the
    section says ("how is the information i supply used?", "what data does this app use?"), not the one item that
    says the question's word ("Analytics: To analyze usage patterns", "Usage Data: ...")."""
    hits = result.hits
    return _clause_first(result, section.clauses[0], hits[0].score if hits else 0.0)


def _clause_first(result: SearchResult, clause: Clause, score: float) -> SearchResult:
    """`result` with `clause` first at `score`, and the other hits after it as they were."""
    return replace(result, hits=[Hit(clause, score)] + [hit for hit in result.hits if hit.clause is not clause])


def _agreeing_first(result: SearchResult, section) -> SearchResult:
    """`result` with the clause of `section` that says using the service is agreeing ("By using our services, you
    agree ...", "Your continued use ... constitutes acceptance ...") first, clearly ahead of the section's others (not a
    near tie that `Assistant.plainest` may settle for another clause that says the question's words): what answers
    "am i bound by the updated terms?" (`asks_if_agreed`)."""
    clause = next((c for c in section.clauses if _AGREEING & set(tokenize(c.text))), None)
    if clause is None or not result.hits:
        return result
    return _clause_first(result, clause, result.hits[0].score * (1 + 2 * NEAR_TIE))


# A question pointing back at what was said before, asking whether it can be done ("Is that possible?", "aisa setting ho
# sakta hai?", read "aisa setting can"; `Assistant._made_before_asking`)
_POINTING_BACK = frozenset("that this it such aisa aise yeh ye".split())
_POSSIBLE = frozenset("possible can could allowed ok okay doable".split())
# Where a sentence ends inside a message: its mark and the space after it.
_SENTENCE_END = re.compile(r"[.!?;]+[\"')]*\s+")
_PURPOSE_WORDS = frozenset("why purpose purposes reason reasons".split())
# "what's the point of collecting my usage stuff?" asks the purpose (session 48's review), as "what is the use of
# collecting my usage patterns?" does (session 51's); not a point of contact, a
# point in time, or a point of sale (a place)
_SEAT_WORDS = frozenset("sale presence entry view".split())
_PURPOSE_PAIRS = frozenset({("used", "for"), ("use", "for"), ("for", "what"), ("what", "for"), ("do", "with"),
                            ("doing", "with"), ("done", "with"), ("happens", "with"), ("happens", "to"),
                            ("happen", "to"), ("happen", "with")})


def asks_for_purpose(query: Query) -> bool:
    """Whether the question asks what something is for: "why do you need ...", "what is my email used for",
    "what do you do with my location", "for what reason ...", "what happens with the data you gather"."""
    asked = query.asked
    return bool(_PURPOSE_WORDS & set(asked)) or any(pair in _PURPOSE_PAIRS for pair in zip(asked, asked[1:])) \
        or any(a == "point" and b in ("of", "in") and c not in ("contact", "time") and c not in _SEAT_WORDS
               for a, b, c in zip(asked, asked[1:], list(asked[2:]) + [""])) \
        or any(a == "the" and b == "use" and c == "of" and d.endswith("ing")
               for a, b, c, d in zip(asked, asked[1:], asked[2:], asked[3:])) \
        or _where_mine_used(asked) or _how_data_used(asked) or _data_taken_for(asked) \
        or (asked[-2:] in (("do", "what"), ("what", "do")) and "with" in asked[-5:-2] and _DATA_NAMED & set(asked))


def _used_for_named(asked: tuple[str, ...]) -> bool:
    """Whether the question asks if the visitor's data is used for a purpose it names: "is data used for detecting
    security threats?", "Is my data used to keep the platform secure from abuse?" (session 51's review): the section
    on use lists the purposes, however many words the purpose shares with another section's title ("Data Security").
    Not data used by someone ("used by third parties"), nor data told of as used for something ("Do the users have
    control on data used for marketing?", asked of the control)."""
    return any(a in _BEING_USED and b in ("for", "to") and _DATA_NAMED & set(asked[max(0, i - 4):i])
               and _PASSIVE_BE & set(asked[max(0, i - 5):i]) for i, (a, b) in enumerate(zip(asked, asked[1:]))) \
        or any(a in _USING and asked[i - 1 : i] in (("you",), ("u",)) and asked[i - 2 : i - 1] and asked[i - 2] in _ASKING_YOU
               and _DATA_NAMED & set(asked[i + 1 : i + 4]) and _FOR_OR_TO & set(asked[i + 2 : i + 5])
               for i, a in enumerate(asked)) \
        or (asked[:1] == ("what",) and any(a in ("do", "doing") and asked[i + 1:i + 2] == ("with",)
                                           and {"you", "u"} & set(asked[:i]) and not {"i", "we"} & set(asked[:i])
                                           and _DATA_NAMED & set(asked[i + 2:i + 5]) for i, a in enumerate(asked)))
    # ... or actively: "do you use data to stop abuse and security threats on your platform" (session 52's review AP);
    # not a right over that use ("can I stop you using my data for marketing"); or "what (all) you will do with the
    # data you are collecting automatically?" (session 54's review BB)


_USING = frozenset("use using utilise utilize process".split())
_COOKIES = frozenset(stem(w) for w in "cookie cookies tracker trackers".split())
_ASKING_YOU = frozenset("do does did will would can could are is".split())
_FOR_OR_TO = frozenset("for to".split())


_PASSIVE_BE = frozenset("is are was were be being been".split())
# How many words a message naming a term of the policy may have, and the only other words it may say
# (`Assistant.term_clause`): "business transfers?", "what is usage data", "meaning of account preferences"; not "why
# you need my payment info", which asks why.
_TERM_ONLY_WORDS = 6
_TERM_FRAME = frozenset("what whats is are s the a an of mean means meaning meant by define definition explain".split())
# "which section / part of the policy is about ..." (`Assistant.section_located`)
_WHICH_PART = frozenset("which what where".split())
_PART_OF = frozenset("section sections part parts bit heading paragraph clause".split())
_SPEAKS_OF = frozenset("about covers cover talks talk deals deal explains explain mentions mention says discusses".split())
_DOCUMENT = frozenset("policy doc document privacy notice".split())
_LOCATING_STEMS = frozenset(stem(w) for w in _PART_OF | _SPEAKS_OF | _DOCUMENT)  # (what is left names the topic)


def _data_taken_for(asked: tuple[str, ...]) -> bool:
    """Whether a "what" question asks what we take the visitor's data for, the "for" put last: "what do you use my
    persnal data for", "what do u need my email for"; not "what info do you ask for" (what is taken: no data after the
    verb). Hindi puts the verb last, so "mera number lekar aap usse karte kya ho" reads "... with it do what" (or "...
    with it what do": the caller; "do what" alone is Hindi's yes/no "karte ho kya": "meri location track karte ho kya")."""
    if asked[-1:] != ("for",):
        return False
    # the last question of a long message ("We send OTPs through you ... What exactly do you use all this information
    # for?"), from its "what"
    opening = max((i for i, w in enumerate(asked) if w in ("what", "wat")), default=None)
    if opening is None:
        return False
    asked = asked[opening:]
    verb = next((i for i, w in enumerate(asked) if w in _TAKING | {"want", "wants"}), None)
    return verb is not None and bool(_DATA_NAMED & set(asked[verb + 1:-1]))


def _how_data_used(asked: tuple[str, ...]) -> bool:
    """Whether the question asks how data is used, not the "Usage Data" collected: "how is the information i supply
    used?", "what is the usage of my data?", "what is the usage of good or bad habit data?"; not "do you track my
    usage of the app" (no data named after "usage of") nor "how do I use my data" (the visitor uses it)."""
    if asked[:1] == ("how",) and asked[1:2] and asked[1] in ("is", "are", "will", "would") \
            and _BEING_USED & set(asked[3:]):
        verb = next(i for i, w in enumerate(asked) if i >= 3 and w in _BEING_USED)
        return bool(_DATA_NAMED & set(asked[2:verb]))
    return any(a == "usage" and b == "of" and _DATA_NAMED & set(asked[i + 2:i + 7])
               for i, (a, b) in enumerate(zip(asked, asked[1:])))


def _where_mine_used(asked: tuple[str, ...]) -> bool:
    """Whether "where" or "how" asks of the visitor's data being used, said after it: "where is my number used",
    Hinglish "mera number kahan use hota hai" (read "my number where use"); not "how do I use my number" (the visitor
    uses it: the verb before), nor "where is my number stored"."""
    if not {"where", "how"} & set(asked):
        return False
    for i, w in enumerate(asked):
        if w in ("my", "our") and asked[i + 1 : i + 2] and asked[i + 1] in _DATA_NAMED:
            later = asked[i + 2 : i + 6]
            return any(v in ("used", "use") and (j == 0 or later[j - 1] not in _USERS) for j, v in enumerate(later))
    return False


_USERS = frozenset("i we you u they can to".split())


# Verbs of our taking or handling the visitor's data, and the data named.
_TAKING = frozenset("take takes taking taken collect collects collecting need needs ask asking use using".split())
_BEING_USED = frozenset("used utilised utilized processed".split())
_DATA_NAMED = frozenset("""number numbers mobile phone email data details information info chats messages texts location
    address contacts name""".split())


def asks_what_mine_is_for(query: Query) -> bool:
    """Whether a purpose question (`asks_for_purpose`) asks what we take or do with the visitor's own data for: "what is
    the purpose for which you are taking my mobile number", "what u do w my chats"; not "why is my number blocked" (no
    taking), nor "why do you need a DLT template" (nothing of theirs)."""
    asked = query.asked
    # ... or the visitor's data said to be used, with nobody named: "for what purposes is my mobile number being utilised"
    # (a purpose asked for by name, not "is my data used for advertising", which names the purpose it asks about)
    used = bool(_BEING_USED & set(asked)) and bool(_PURPOSE_WORDS & set(asked) or ("for", "what") in set(zip(asked, asked[1:])))
    if not asks_for_purpose(query) or ("you" not in asked and not used):
        return False
    taking = bool(_TAKING & set(asked)) or ("do", "with") in set(zip(asked, asked[1:])) or used
    if not taking or _PRODUCT_PURPOSE & set(asked):
        return False
    return any(w in ("my", "our") and _DATA_NAMED & set(asked[i + 1 : i + 3]) and asked[i + 1] not in _ORGANISATION
               for i, w in enumerate(asked))


# A purpose of the product, or a time after which, named: "why do you need my company name for the template", "what
# do you do with my messages after delivery" (retention, which the policy does not cover; the review of round 14).
_PRODUCT_PURPOSE = frozenset("template templates dlt invoice invoices after delivery delivered".split())
_ORGANISATION = frozenset("company business brand firm shop".split())


# What the visitor's own account is named by after "which email should I use": "for my account", "to login".
_FOR_ACCOUNT = frozenset("my our account login log sign signin signup register registration".split())


def _title_stems(title: str) -> set[str]:
    return {stem(w) for w in words(title)}


# Practices of ours a question may ask of with no other content word ("what do you collect", "who do you share with").
_PRACTICE_STEMS = frozenset(stem(w) for w in "collect share sell store keep track encrypt process gather".split())
# Words of selling data (stems): "sell", "sold", "rent out", "monetise", and the policy's own "trade" ("do you trade
# customer databases?": session 51's review).
_SALE = frozenset(stem(w) for w in """sell sold selling rent rented monetize monetise monetized monetised trade traded
                                     trading""".split())
# Verbs of seeing or reaching the visitor's things, for `asks_who_sees`.
_SEEING = frozenset("see sees seen view views viewed access accessed accessing read reads look looking".split())
# The company's own people: what they may see is a matter of its security (access controls, training).
_INSIDERS = frozenset("staff employee employees employe team admin admins insider insiders".split())
# Parties named after "other", "any" or "else": "other companies", "any other businesses".
_FIRMS = frozenset("companies company businesses business firms firm organisations organizations parties".split())
_PARTIES = _FIRMS | frozenset("people persons apps services".split())


# Words of passing data on (stems): "do you share my photos", "handing my contacts to ...".
_PASSING = frozenset(stem(w) for w in
                     "share shared sharing disclose disclosed pass passed passing hand handing".split())
# What a sale is of: the visitor's data ("do you sell my ...", "is personal information sold"), not a product.
_DATA_WORDS = frozenset(stem(w) for w in "my mine data information info details personal records database".split())


def asks_about_sale(query: Query) -> bool:
    """Whether the question asks if the visitor's data is sold or rented out ("do you sell my medical history",
    "are my details rented out"): the section on sharing opens with "We do not sell, trade, or rent your personal
    information", whatever the data. "Do you sell SMS credits?" names no data and is left to retrieval."""
    stems = query.stem_set
    return bool(_SALE & stems and _DATA_WORDS & stems)


# Verbs of the company passing data on, for `asks_if_shared`.
_DISCLOSING = frozenset(stem(w) for w in "share shared sharing disclose disclosed disclosing".split())
# ... and of making it known, which ask of data only when data is named ("do you release any information about me", not
# "will my reviews be published").
# A span in quotation marks: "...", '...', “...”, ‘...’ (the apostrophe of "don't" opens none: a quote opens after a
# space, a bracket or the start).
_QUOTED = re.compile(r"""(?:(?<=^)|(?<=[\s(\[:-]))(["'“‘])(.+?)(?:["'”’])(?=$|[\s.,;:!?)\]-])""")


@lru_cache(maxsize=4096)
def _numbers_named(text: str) -> frozenset[str]:
    """The section numbers a message's text names ("section 5", "§ 7", "sections 3 and 7"), as digits. Read from the
    text, since text-speak reads a "2" or a "4" as "to" and "for"; once per message, however many steps of answering
    ask (`Assistant.section_named`)."""
    numbers = [n for match in _SECTION_NUMBER.finditer(text)
               for n in [match.group(1), *re.findall(_A_NUMBER, match.group(2), re.IGNORECASE)]]
    return frozenset(_NUMBER_WORDS_TO_DIGITS.get(n.lower(), n.lstrip("0")) for n in numbers)


# A section named by its number: "section 5", "sec. 8", "section no 2", "§ 7", "section eight", and each number of
# "sections 3 and 7".
_NUMBER_WORDS_TO_DIGITS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()) if n}
_NUMBER_NAMES = {digits: word for word, digits in _NUMBER_WORDS_TO_DIGITS.items()}
_A_NUMBER = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS_TO_DIGITS) + r")\b"
_SECTION_NUMBER = re.compile(r"(?:\b(?:sections?|sec|clause)\.?\s*(?:no\.?\s*|number\s*)?|§\s*)" + _A_NUMBER
                             + r"((?:\s*(?:,|&|and|or)\s*" + _A_NUMBER + r")*)", re.IGNORECASE)
# What asks for a whole named section and nothing in it: "what does section 8 say", "show me section 7", "can you
# explain section 3 of the policy".
_ASKING_FOR_A_SECTION = frozenset("""what whats does do is s say says said mean means cover covers talk talks about tell
    me show explain read give quote the a this that your ur privacy policy of in please pls plz section sec clause point
    can could you u i see want to know""".split())

_MAKING_KNOWN = frozenset(stem(w) for w in """release released releasing reveal revealed revealing publish published
    publishing""".split())
_OWN_STEMS = frozenset(stem(w) for w in "my mine".split())
# How a yes/no question opens ("do you share ...", "is my ... shared", "will it disclose ...").
_ASKS_YES_NO = _YES_NO | frozenset("is are was were can could".split())


def asks_if_shared(query: Query) -> bool:
    """Whether a yes/no question asks if the visitor's data is passed on, with no receiver named ("do you share my
    phone number", "does it share my purchase history?", "is my location shared"): the section on sharing answers,
    not the list of what is collected that names the visitor's word. Not when the visitor or their business does
    the sharing ("can i share my notes", "can we share our templates"), nor of a child's data (the children's
    section)."""
    asked = query.asked
    if not asked or asked[0] not in _ASKS_YES_NO or not _DATA_WORDS & query.stem_set \
            or _NAMES_A_CHILD & query.stem_set:
        return False
    named = bool((_DATA_WORDS - _OWN_STEMS) & query.stem_set)
    verb = next((i for i, w in enumerate(asked)
                 if stem(w) in _DISCLOSING or (named and stem(w) in _MAKING_KNOWN)), None)
    if verb is None or set(asked[1:verb]) & (_FIRST_PERSON | {"me", "us", "our"}) or asked[verb - 1] == "to":
        return False  # "is it safe to share my card details": the visitor shares
    after = asked[verb + 1:]
    # Told, not passed on: "can you share a copy of my data with me", "will you release my data if i ask for it",
    # "can you share the details of your security measures", "do you share any info about how you secure data"; and
    # what the cookies carry is the cookies' section ("is my browsing data shared via cookies").
    told = any(a in ("with", "to") and b in ("me", "us") for a, b in zip(after, after[1:])) \
        or {"ask", "asked", "request", "your", "ur"} & set(after) \
        or any(a in _TOLD_ABOUT and b in ("of", "about", "on", "regarding") and c not in ("me", "my", "us", "our")
               for a, b, c in zip(after, after[1:], after[2:] + ("",)))
    # "can you share my login details" asks to be sent them; "was my data shared in a breach" is security
    asked_for = asked[0] in ("can", "could") and asked[1:2] in (("you",), ("u",))
    return not told and not asked_for and not (_COOKIE_STEMS | _BREACHED) & query.stem_set


# Agreeing to the policy, and what it is agreed to by or with ("asks_if_agreed").
_AGREEING = frozenset(stem(w) for w in """agree agreed agreeing agrees accept accepted accepting accepts acceptance
    bound disagree disagreeing""".split())


def _this_page(asked: tuple[str, ...]) -> bool:
    """Whether the policy is called a page, a document or its version: "after reading this page", "this privacy
    document", "have I accepted the newer version?" (fresh45); not "my kyc document", "the page layout", "the new
    version of the dashboard" (the review of round 48)."""
    return any((w in ("page", "document") and {"this", "privacy"} & set(asked[max(0, i - 2) : i]))
               or (w == "version" and asked[i - 1 : i] in (("newer",), ("new",), ("updated",), ("latest",))
                   and asked[i + 1 : i + 2] not in (("of",), ("for",), ("on",)))
               for i, w in enumerate(asked))


_AGREEING_SAID = frozenset({("said", "yes"), ("say", "yes"), ("saying", "yes"), ("not", "okay"), ("not", "ok"),
                            # "i dont like their terms what am i supposed to do" (session 50's review)
                            ("not", "like"), ("t", "like")})
_AGREED_TO = frozenset("policy policies terms rules conditions everything whatever".split())
_BY_USING = frozenset("""use using usage carry carrying continue continuing opening visiting browsing signing signup
    registering installing keep keeping""".split())  # "if I keep using the service" (session 54's review AY)
_AGREER = frozenset("i me am im we".split())
_BOUND_OTHERS = frozenset("""their theirs users customers clients employees employee staff vendors vendor processors
    partners child children kid kids""".split())
_PASSED_ON = frozenset(stem(w) for w in "share sell disclose rent trade transfer pass".split())
_UNDOING = frozenset(stem(w) for w in "delete remove erase stop correct fix unsubscribe cancel close withdraw".split())
_MEANING = frozenset("""mean means meant amount amounts count counts counted considered deemed treated
    automatically""".split())
_ALTERED = frozenset(stem(w) for w in """change changed changes update updated updates revise revised edit edits
    new version later different modified""".split())


def asks_if_agreed(query: Query) -> str | None:
    """Whether the question asks if the visitor agrees to the policy, and how: "by simply using your website, am i
    agreeing to all these terms automatically?", "if i disagree with the policy, what then?" ("agreed": the
    introduction says using the services is agreeing) or to a changed one ("am i now bound by whatever changed?",
    "changed": the section on changes says continued use accepts them). None when it does not: cookies accepted
    (the cookies' section), consent to a use of data (the rights), what we accept ("do you accept UPI payments"), or
    something the visitor never agreed to (a complaint or a request)."""
    asked = query.asked
    stems = query.stem_set
    said = set(asked)
    by_use = bool(_BY_USING & said and _MEANING & said)  # "does mere usage amount to acceptance"
    # ... or "by" right before it ("by opening the app do i accept how they use my info": session 52's review AL)
    by_use = by_use or any(w == "by" and nxt in _BY_USING for w, nxt in zip(asked, asked[1:]))
    if not _AGREEING & stems and any(pair in _AGREEING_SAID for pair in zip(asked, asked[1:])):
        # "does that mean i said yes to all ur data stuff", "if I am not okay with these terms" (fresh45)
        stems = stems | {stem("agree")}
    if by_use and "consent" in stems:
        # using taken as consent is agreeing by use ("Is simply using the service counted as consent to them collecting
        # my info?": session 51's review), not consent asked for a use of data
        stems = (stems - {"consent"}) | {stem("agree")}
    if not _AGREEING & stems or (_COOKIE_STEMS | {"consent"}) & stems \
            or any(w == "never" and _AGREEING & {stem(v) for v in asked[i + 1:i + 3]} for i, w in enumerate(asked)):
        return None  # (not "i never agreed to this", a complaint or a request; "i never read the new version" is asked)
    if not (_AGREED_TO & said or _this_page(asked) or by_use) or not (by_use or said & _AGREER):
        return None  # the visitor agrees or is bound ("am i bound", "is it compulsory for me to accept")
    # (stopping using the service is what the introduction says to do on disagreeing, no request: "if I am not okay
    # with these terms, am I supposed to stop using your app?", fresh45)
    acts = {stem(w) for i, w in enumerate(asked)
            if not (w == "stop" and asked[i + 1 : i + 2] in (("using",), ("use",)))}
    if said & _BOUND_OTHERS or (_PASSED_ON | _UNDOING) & acts:
        # Another's terms or another bound ("are your employees bound by confidentiality terms", "do my users have
        # to accept the whatsapp terms"), or what agreeing allows or a request beside it ("does agreeing to your
        # terms mean you can share my data", "i disagree with the policy change, how do i delete my data": the
        # review of round 44)
        return None
    for i, word in enumerate(asked):
        if stem(word) in _AGREEING and asked[max(0, i - 2):i] and {"you", "u"} & set(asked[max(0, i - 2):i]):
            return None  # we accept something: "which payment methods do you accept"
    return "changed" if _ALTERED & stems else "agreed"


# Making someone do something, and what they are made to do to data, for `Assistant.asks_another_to_act`.
_CAUSING = frozenset("get make ask tell force have".split())
_CAUSING_TO = frozenset("get ask tell force".split())  # ... with "to" before the act, as make and have take none
# (as typed: "can i have them deleted" asks for the visitor's things to be deleted)
_ACTS_ON_DATA = frozenset("delete remove erase wipe correct stop do".split())
# Words that say the message is about us or the visitor's own business, and determiners before a thing or a role.
_SPEAKS_OF_US = frozenset("your ur yours our support messaggio".split())
# `asks_of_another`: the words that open a question about another company's own practice, the practices, and what is
# asked of its safety ("is truecaller safe").
_ASKING_OF = frozenset("does do did is are r will would can could has have".split())
_RIVALS = frozenset("competitor competitors rival rivals competition".split())
_PRACTICE_OF_OURS = frozenset("you u yourselves".split())  # (asked of us too: "your competitors sell data, do you?")
_OWN_PRACTICES = frozenset("""sell sells share shares use uses store stores keep keeps track tracks collect collects spy
    spies read reads delete deletes protect protects encrypt encrypts record records save saves rent rents trade trades
    leak leaks misuse misuses""".split())
_SAFE_ASKED = frozenset("safe secure trustworthy trusted legit genuine".split())
# A company the visitor links to our service, whose own policy section 8 says governs ("what will hubspot do with my
# data after i link it").
_LINKING = frozenset("""link links linked linking integrate integrates integrated integrating integration integrations
    connect connects connected connecting plugin plugins through via login sync synced""".split())
_YOU_AND_US = frozenset("you u we us".split())  # "is aadhaar data safe with you": asked of us
# Words of our kind of service, typed together with another ("bulksms", "whatsappapi", "chatbot", "smsportal").
_OUR_KINDS = tuple("""sms api bot chat msg otp mail whatsapp bulk campaign template panel portal app site web
    message""".split())
# What keeps a question about us: a word of us or of a service linked to ours (`asks_of_another`).
_OF_US_OR_LINKED = _SPEAKS_OF_US | _YOU_AND_US | _LINKING
# What a company owns that a question may ask about, said after its name and "'s" ("airtel's promo sms")
_THEIR_OWN_THINGS = frozenset("""privacy policy policies data app apps website site servers cookies promo promos
    promotional sms messages marketing ads encryption security""".split())
# Words the engine does not know that name a thing of the product or of daily life, not a company ("is kyc safe"; those
# with a word of `_OUR_KINDS` in them, "otp", "api", "webhook", are left out by it).
_THINGS_NOT_FIRMS = frozenset("""sdk crm dlt kyc upi dnd gst sim vpn pan aadhaar aadhar excel csv pdf chrome firefox
    safari edge opera""".split())


_WH_WORDS = frozenset("what wat how where why who when which".split())
_PRONOUNS = frozenset("you your yours they them their there these those this that the our ours she her him his its "
                      "we us".split())


def _pronoun_slip(word: str) -> bool:
    """Whether a word is a pronoun or a slip of one: a letter left out, one too many, or two swapped ("yuo"; not
    "thay", a letter changed)."""
    return word in _PRONOUNS or bool(slips_of(word) & _PRONOUNS) or any(word in slips_of(p) for p in _PRONOUNS)


def _names_us(word: str) -> bool:
    """Whether a word the engine does not know is our own name typed together or with a slip ("bluemesagio",
    "messagio")."""
    return word.startswith("blue") or "mesag" in word or "messag" in word


_DETERMINED = frozenset("the a an this that these those".split())
# Another firm, said to be old, previous or other ("my old telecom operator", "my previous sms vendor").
_FIRMISH = frozenset("""company companies firm operator provider providers employer vendor vendors reseller bank shop
    brand app apps service gateway portal platform agency""".split())
_EARLIER = frozenset("old previous former other another earlier".split())
# Verbs of data going or given somewhere, as the Hinglish lexicon reads them ("jaata" go, "dete" give, "bhejte" send).
_GOING_TO = frozenset("go goes going gone give gives given giving send sends sent".split())
# Hindi words the lexicon leaves as typed, which are no names ("hai", "kya" read or not).
_HINDI_LEFT = frozenset("ko hai kya ya aur se ke ka ki".split())
# Hindi for us, the visitor and theirs, before "ko".
_HINDI_PEOPLE = frozenset("aap aapko mere mujhe hum humko hame humein tum tumko apne mai main".split())
_HINDI_MINE = frozenset("mere meri mera hamare hamari humare my our".split())
# How the company is reached, asked for as "your ...": "pls give me ur contact info", "send me your office address".
_OUR_CONTACT = frozenset("contact address number phone email mail helpline office whatsapp".split())


def _asks_our_contact(words: tuple[str, ...]) -> bool:
    """Whether "your/ur" names how the company is reached: "give me ur contact info", "your support number pls"."""
    return any(w in ("your", "ur") and _OUR_CONTACT & set(words[i + 1 : i + 3]) for i, w in enumerate(words))


# What a visitor asks to be told of ("the details of your security measures", "info about how you secure data").
_TOLD_ABOUT = frozenset("details detail info information more anything something".split())
_COOKIE_STEMS = frozenset(stem(w) for w in "cookie cookies".split())
_BREACHED = frozenset(stem(w) for w in "breach breached hack hacked hacker leak leaked stolen".split())


def asks_who_sees(query: Query) -> bool:
    """Whether the question asks who else can see or reach the visitor's things: "could strangers look through my gallery",
    "will anyone see what I upload", "can other companies view my invoices". The policy answers with whom it shares data
    (Information Sharing and Disclosure), whatever the thing. What the company's own staff see is its security
    (access controls, training: "can your staff read my data", "anyone at your company"), left to retrieval."""
    asked = query.asked
    found = set(asked)
    if not found & _SEEING or found & _INSIDERS or any(
            a in ("your", "ur", "the") and b in ("company", "end", "side") for a, b in zip(asked, asked[1:])):
        return False
    if "child" in found and any(w.isdigit() for w in asked):
        return False  # "who all can see my child's data, she is 9": a child's data, section 9 (the review of round 16)
    if others_act(query):
        return True
    # "will other businesses be able to see ...": the party before the seeing ("do you look at the other apps on my
    # phone" asks what we do)
    verb = next(i for i, w in enumerate(asked) if w in _SEEING)
    return any(a in ("other", "others", "any", "else") and b in _PARTIES for a, b in zip(asked[:verb], asked[1:verb]))


# Verbs of limiting who reaches something, for `asks_how_access_limited`.
_LIMITING = frozenset("""restrict restricts restricted restricting limit limits limited limiting control controls
    controlled controlling""".split())


def asks_how_access_limited(query: Query) -> bool:
    """Whether the question asks if the company limits who may reach the visitor's data ("Do they restrict which
    people can access my data?", "how do you limit who sees my information": session 51's review): the section on
    security (its access controls), not whom data is shared with. Not the visitor limiting it ("can i restrict who
    sees my profile", a setting the policy does not describe)."""
    asked = query.asked
    found = set(asked)
    if not found & _LIMITING or not found & _SEEING or found & {"i", "we", "me"}:
        return False
    limit = next(i for i, w in enumerate(asked) if w in _LIMITING)
    return any(w in _SEEING for w in asked[limit + 1 : limit + 5])


# What the company's staff may see of the visitor's: their messages, data, contacts, or "what we send".
# Not "account": "can your staff open my account and check the campaign settings" is support (the review of round 14).
_SEEN_THINGS = frozenset("""data messages message chats chat texts text details information info contacts files
    conversations records""".split())
_SEEING_TOO = frozenset("open opens opening peek peeking".split())


# The visitor, or their personal data, as what a request acts on: "opt me out", "send me my data before the plan
# expires", "mera data" (Hinglish is read in English by then: "my data"): never vetoed as an instruction about the
# product (the review of session 32's veto). Not "me" as whom something is sent or said to: "send me the GST invoice
# copy", "call me back about pricing".
_TO_ME = frozenset("send give mail email share forward show get call tell text inform notify remind let".split())
_MY_DATA = frozenset("data details info information personal".split())


def _names_the_visitor(words: tuple[str, ...]) -> bool:
    """Whether a message names the visitor ("opt me out") or their data ("my data", "my personal details", "mera
    data")."""
    return any((w == "me" and not (i and words[i - 1] in _TO_ME))
               or (w == "my" and words[i + 1 : i + 2] and words[i + 1] in _MY_DATA)
               for i, w in enumerate(words))


_VISITORS_OWN = frozenset("my mine our".split())  # the visitor's own things named ("delete my photos", not "a contact list")
# ... and not a list or place of the product's ("how do i export my contact list from the dashboard")
_PRODUCT_PLACES = frozenset("list lists dashboard panel portal campaign campaigns template templates".split())
# A child or an age named (as stems): what the children's section answers is asked of someone young.
_NAMES_A_CHILD = frozenset(stem(w) for w in """child children childs kid kids kiddo minor minors underage age aged old
    young younger teen teenager son daughter baby toddler boy girl student pupil school parent parental guardian coppa
    juvenile youth infant niece nephew grandson granddaughter sibling brother sister grader youngster youngsters tween
    tweens""".split())  # (tweens, youngsters: session 50's review)
_KIN = frozenset("""wife husband son daughter kid kids child children mom mother dad father brother sister friend friends
    family partner boyfriend girlfriend parents spouse""".split())


def _at_your_end(asked: tuple[str, ...]) -> bool:
    """Whether the question places who sees at the company: "at your company", "on ur end", "at your side"."""
    return any(a in ("at", "on", "from", "in") and b in ("your", "ur") and c in ("company", "end", "side", "office")
               for a, b, c in zip(asked, asked[1:], asked[2:]))


# Someone who reads what is not theirs, or reads it on its way: an attack, which security answers, not sharing.
_INTRUDERS = frozenset("hacker hackers hack hacked hacking attacker attackers".split())
# ... and verbs of reading on the way, which say the reading themselves ("could someone intercept my sms", "someone's
# snooping on the cafe wifi": fresh41; with someone unknown, not "is the app snooping on me"), and words of data kept
# unreadable
# (not "eavesdrop" nor "sniff": "is the app eavesdropping on me" asks what the app listens to, which is not covered)
_INTERCEPTING = frozenset("intercept intercepts intercepted intercepting interception".split())
_SNOOPING = frozenset("snoop snoops snooping snooped".split())
_SCRAMBLED = frozenset("encrypted encryption encrypt scrambled scramble unreadable".split())
# ... or on the way, said "in between" or "in the middle" with nobody named after it ("in between you and your partners"
# is whom it is shared with)
_ON_THE_WAY = (("in", "between"), ("in", "the", "middle"), ("on", "the", "way"))
_NAMED_AFTER = frozenset("you u your ur us the other others companies partners apps".split())
# A party that is given data or may lawfully take it, named anywhere: then it is whom data goes to, not an attack
# ("will you let police intercept my sms", "kya aapke partners beech mein mera data dekh sakte hain").
_RECEIVERS = frozenset("""police cops government govt court courts authorities authority agency agencies law
    enforcement partner partners vendor vendors processor processors provider providers companies company third
    advertisers operator operators carrier carriers telecom else""".split())
# Who does the intercepting, when it is an attack: someone unknown (not "your app")
_UNKNOWN_ACTORS = frozenset("""someone somebody anyone anybody hacker hackers attacker attackers strangers stranger
    outsiders outsider criminals people""".split())
# ... and without "people" ("the people you share with"), for a snooper or a reader of scrambled data
_STRANGERS = _UNKNOWN_ACTORS - {"people"}


def _stranger_reads(said: tuple[str, ...]) -> bool:
    """Whether someone unknown is the one who may read: "anyone", "someone" named, and no "who" or "which" asking who
    does but the "who" of "anyone who opens the file"."""
    if not set(said) & _STRANGERS or "which" in said:
        return False
    return all(k and said[k - 1] in _STRANGERS for k, w in enumerate(said) if w in ("who", "whom"))


def asks_if_intercepted(query: Query) -> bool:
    """Whether the question asks if an intruder or someone on the way can see the visitor's things: "can hackers read
    my messages", "can anyone read my messages in between, are they encrypted", "koi beech mein padh sakta hai" (read
    "in between"). The security section answers, not the one on whom data is shared with."""
    said = query.asked
    if set(said) & _RECEIVERS:
        return False
    if set(said) & _SNOOPING:
        # someone unknown snooping ("someone's snooping on the cafe wifi": fresh41), not the service or the company
        # ("does your app snoop on people", "do you snoop on people's chats": the review of round 45)
        verb = next(i for i, w in enumerate(said) if w in _SNOOPING)
        return bool(set(said) & _STRANGERS) and not set(said[max(0, verb - 2):verb]) & (_SERVICE_SUBJECTS | {"your", "ur"})
    if set(said) & _INTERCEPTING:
        return bool(set(said) & _UNKNOWN_ACTORS) or "intercepted" in said or "interception" in said
    if any(w in _GETTING and (_by_an_intruder(said, i) or (set(said) & _STRANGERS and said[i + 1:i + 2] in (
            ("into",), ("in",)))) for i, w in enumerate(said)):
        # an attacker getting the visitor's things, or someone unknown getting into them, is what security keeps out,
        # not someone data is shared with ("could hackers get my info?", "what stops strangers from getting into my
        # account data": session 48's review)
        return True
    if not set(said) & _SEEING:
        return False
    if set(said) & _INTRUDERS or (set(said) & _SCRAMBLED and _stranger_reads(said)):
        # (or someone unknown reads it unless scrambled: "is it scrambled or can anyone who opens the file read it":
        # fresh41; not "who can see my data? is it encrypted?", "which people can see my info, is it encrypted", nor
        # "can the income tax department see my messages, are they encrypted": whom it is shared with, the review of
        # round 45)
        return True
    return any(tuple(said[i : i + len(way)]) == way and _way_ends(said[i + len(way) : i + len(way) + 1])
               for way in _ON_THE_WAY for i in range(len(said) - len(way) + 1))


def _by_an_intruder(said: tuple[str, ...], i: int) -> bool:
    """Whether the getting at `i` is an attacker's: one named at most three words before it, with no first person
    between ("could hackers get my info"; not "my account was hacked, can I get my data deleted")."""
    k = next((k for k in range(i - 1, max(-1, i - 4), -1) if said[k] in _INTRUDERS), None)
    return k is not None and not {"i", "me", "we", "us"} & set(said[k + 1:i])


def _way_ends(after: tuple[str, ...]) -> bool:
    """Whether "in between" / "on the way" stands alone: at the end, or before a verb of seeing or a small word ("in
    between, are they encrypted", Hinglish "beech mein padh sakta"), not before what it is between ("in between
    sessions", "in between you and your partners")."""
    return not after or (after[0] in _SEEING or after[0] in STOPWORDS) and after[0] not in _NAMED_AFTER


# Whether rights reach someone: "do these rights apply to me if I'm in India, or only to people in Europe?" (fresh31,
# fresh32: the countries named are where the visitor is, not where data goes).
_REACHING_RIGHTS = frozenset("apply applies applicable valid available extend extends".split())


def asks_if_rights_apply(query: Query) -> bool:
    """Whether the question asks if the visitor's rights apply to them (wherever they are)."""
    asked = query.asked
    # (a right of the visitor's: "rights", or "right to ..."; not "is it right that cookies apply to everyone")
    named = "rights" in asked or any(a == "right" and b == "to" for a, b in zip(asked, asked[1:]))
    # (where the visitor is: a place named, the data not said to move or be kept; not "are my rights valid when my data
    # is transferred outside India", nor the company's right, a cookie's, a child's or a policy change's: the review of
    # round 39)
    place = bool(_COUNTRIES & set(asked)) and not ((_MOVING | _KEEPING) & query.stem_set or _PROCESSING & set(asked))
    # (reaching the visitor: "do they apply", or rights "for" some people: "are these rights for indian users too")
    # (not a child's rights: "rights for children in india under 13?", the children's section)
    reaching = bool(_REACHING_RIGHTS & set(asked)) \
        or (any(w == "rights" and "for" in asked[i + 1:i + 3] for i, w in enumerate(asked))
            and not _NAMES_A_CHILD & query.stem_set)
    return named and place and reaching


# A word of the company's people used of an account ("the admin account", "team login"): no person.
_ACCOUNT_AFTER = frozenset((w,) for w in "account accounts panel login dashboard id access".split())


def asks_what_staff_see(query: Query) -> bool:
    """Whether the question asks if the company's own people can see the visitor's things: "can your staff read my
    chats", "what stops random employees at your end from looking at our messages", "whether your staff can just
    open and read what we send". That is the company's security (access controls, training). Not "can your team see
    why my sms failed" (no data of the visitor's named), nor "can I see what your staff do"."""
    asked = query.asked
    # the visitor's things said with what the visitor does with them: "the messages i send through you", "what we send"
    # (fresh31: the "i" of "messages i send" is no "can i see ...")
    sent = {i for i, (a, b, c) in enumerate(zip(asked, asked[1:], asked[2:]))
            if (a in _SEEN_THINGS or a == "what") and b in ("i", "we") and c.startswith("send")}
    found = {w for i, w in enumerate(asked) if i - 1 not in sent or w != "i"}
    # not "can i see my data at your end", nor "can my wife see my messages on your end" (someone of the visitor's: the
    # review of round 16)
    inside = found & _INSIDERS or (_at_your_end(asked) and not found & {"i", "me"} and not _KIN & found)
    if sent and not any(w in _INSIDERS and not (k and (asked[k - 1] in ("my", "our") or asked[k - 1] in _INSIDERS))
                        and asked[k + 1 : k + 2] not in _ACCOUNT_AFTER for k, w in enumerate(asked)):
        # the visitor's own people ("can my staff see the messages i send from the admin account": the review of round
        # 37)
        inside = inside and not found & _INSIDERS
    if not inside or not found & (_SEEING | _SEEING_TOO) or (found & {"i", "me"} and not found & {"we"}
                                                             and "my" not in found):
        return False
    return bool(sent) or any(a in ("my", "our") and (b in _SEEN_THINGS or (c in _SEEN_THINGS))
                             for a, b, c in zip(asked, asked[1:], list(asked[2:]) + [""]))


def others_act(query: Query) -> bool:
    """Whether another party acts in the question before the visitor does: "who can see my data", "does anyone
    at your company read the messages I send", but not "who do I contact" nor "can I stop anyone seeing it"."""
    asked = query.asked
    for i, word in enumerate(asked):
        if word in _FIRST_PERSON:
            return False
        if word in _OTHER_AGENTS and asked[i + 1 : i + 2] == ("be",) and asked[i + 2 : i + 3] \
                and asked[i + 2].endswith("ed"):
            continue  # "can they be corrected": the visitor's things, done to, not a party acting ("anybody be able")
        if word in _OTHER_AGENTS or (word == "who" and _who_acts(asked[i + 1 : i + 4])):
            return True
    return False


# "who's got", "whos got" (read "who is got"), "who all can": the "is"/"'s" of "has got", the "all" of Indian English.
_WHO_SKIPS = frozenset("all s is".split())


def _who_acts(after: tuple[str, ...]) -> bool:
    """Whether the words after "who" make someone act: "who can", "who has", "who else"; "who's got" and Indian
    English "who all can" too ("whos got access to my data"). Not "who is responsible" nor "who do I contact"."""
    if after[:1] and after[0] in _WHO_ACTS:
        return True
    if after[:1] and after[0] in _WHO_SKIPS:
        return after[1:2] == ("got",) or (after[0] == "all" and after[1:2] != () and after[1] in _WHO_ACTS)
    return False


# Who the service is, when it is what reaches the visitor's things ("what can your app access on my phone").
_SERVICE_SUBJECTS = frozenset("you u app apps application it this service platform website site company".split())
_WHAT = frozenset("what wat which".split())
# Parts of the visitor's device rather than data ("what features of my phone does the app need access to"):
# permissions, which the policy does not cover.
_DEVICE_PARTS = frozenset("features feature areas apps applications permissions functions sensors".split())


# Verbs of watching someone: the service watching the visitor is what it collects as they use it.
_WATCHING = frozenset("""spy spies spying spied watch watches watching watched monitor monitors monitoring
    monitored snoop snoops snooping""".split())
_BEFORE_VERB = frozenset("is are was be being been will would can could does do did going to".split())


def asks_if_watched(query: Query) -> bool:
    """Whether the question asks if the service itself watches the visitor: "will this app spy on me", "is this site
    monitored", "are you watching what i do". That is what is collected as the visitor uses it (the collection
    section). Only with the service just before the verb (auxiliaries aside), the visitor right after it (or nothing:
    not "does the app monitor for fraud", a purpose, nor "will you monitor my kids"), and no other party or the company's
    people in the question ("do cookies spy on me", "does google spy on me through your site", "can your staff spy on
    me", "who is watching me" are left to retrieval)."""
    asked = _eye_kept_on(query.asked)
    found = set(asked)
    if not found & _WATCHING or found & (_OTHER_AGENTS | _INSIDERS | {"who", "whom"}):
        return False
    for i, word in enumerate(asked):
        if word not in _WATCHING:
            continue
        j = i - 1
        while j >= 0 and asked[j] in _BEFORE_VERB:
            j -= 1
        after = list(asked[i + 1 : i + 3])
        watched = (after[:1] == ["me"] or after == ["on", "me"]
                   or after in (["what", "i"], ["everything", "i"], ["how", "i"])
                   or (not after and word.endswith("ed")))  # "is this site monitored?"; not "monitored for fraud"
        if watched and j >= 0 and asked[j] in _SERVICE_SUBJECTS and asked[j] != "company":
            return True
    return False


def _eye_kept_on(asked: tuple[str, ...]) -> tuple[str, ...]:
    """`asked` with "keep(s) an eye on" read as "watch" ("do you keep an eye on how i use the dashboard": fresh39)."""
    for i in range(len(asked) - 3):
        if asked[i] in ("keep", "keeps", "keeping") and asked[i + 1:i + 4] == ("an", "eye", "on"):
            return asked[:i] + ("watch",) + asked[i + 4:]
    return asked


_KINDS = frozenset("kind kinds type types sort sorts category categories".split())
_DATA_NOUNS = frozenset("data info information details".split())
_ENDS_OF_USE = frozenset("me mine my from about of".split())


def _after_data_asked(asked: list[str]) -> int | None:
    """Where a question that opens by naming data goes on ("what data | does ...", "what kind of personal information |
    is ..."), or None when it does not open so: "what" or "which", a kind of, then words of data."""
    if asked[:1] not in (["what"], ["wat"], ["which"]):
        return None
    i = 3 if asked[1:2] and asked[1] in _KINDS and asked[2:3] == ["of"] else 1
    while i < len(asked) and asked[i] in _DATA_NOUNS | {"personal"}:
        i += 1
    return None if i in (1, 3) else i


def asks_what_data_used(query: Query) -> bool:
    """Whether the question asks which data the service uses, with no purpose named: "what data does this app use?",
    "what kind of information do you use": the list of what is collected answers, not the opening of how it is used
    ("We use the collected information for the following purposes:"). Not "what data do you use for marketing" (a
    purpose), nor "what data can I use" (the visitor uses it)."""
    asked = [w for w in query.asked if w not in _FILLERS]
    i = _after_data_asked(asked)
    if i is None or asked[i:i + 1] not in (["do"], ["does"], ["will"], ["would"]):
        return False
    verb = next((k for k in range(i + 1, min(i + 5, len(asked))) if asked[k] in ("use", "uses", "using")), None)
    # the service is what uses it ("does this app", "do you"), not another company's ("does google analytics use")
    return (verb is not None and set(asked[i + 1:verb]) <= _THE_SERVICE and set(asked[verb + 1:]) <= _ENDS_OF_USE)


_THE_SERVICE = frozenset("""you u it this the your ur app application service services platform website site blue
    messaggio company they""".split())
# What data is asked for: required, needed, or sent up ("what information is required?", "what sort of data will be
# transmitted?": real visitors' questions of the development sets).
_REQUIRED = frozenset("required needed mandatory necessary compulsory transmitted uploaded".split())
_NEEDING = frozenset("need needs require requires".split())


def asks_what_data_required(query: Query) -> bool:
    """Whether the question asks which data the service asks for or sends up: "what information is required?", "what
    details are mandatory to sign up", "what sort of data will be transmitted?", "what info do you need from me".
    The list of what is collected answers, not "We may disclose your information if required by law" that shares the
    word. Not what the law requires ("what information is required by law to be disclosed")."""
    asked = [w for w in query.asked if w not in _FILLERS]
    i = _after_data_asked(asked)
    if i is None or {"law", "laws", "court", "legally"} & set(asked):
        return False
    rest = asked[i:i + 3]
    if rest[:1] in (["is"], ["are"], ["gets"], ["get"]) and rest[1:2] and rest[1] in _REQUIRED:
        return True  # "what information is required", "what data gets uploaded"
    if rest[:2] in (["will", "be"], ["would", "be"]) and rest[2:3] and rest[2] in _REQUIRED:
        return True  # "what sort of data will be transmitted"
    return rest[:1] in (["do"], ["does"]) and rest[1:2] and rest[1] in ("you", "u", "it") \
        and rest[2:3] and rest[2] in _NEEDING  # "what info do you need from me"


def asks_what_service_reaches(query: Query) -> bool:
    """Whether the question asks what the service itself can reach of the visitor's: "what can your app access on
    my phone", "what information will this app have access to", "what all can u access". That is what is collected
    (the collection section's lists), not the visitor's right of access, whose clause ("Request access to your
    personal information") shares the word. Not when the visitor acts ("what can I access"), nor when another
    party or the company's staff do (`asks_who_sees`, security)."""
    asked = query.asked
    for i, word in enumerate(asked):
        if not word.startswith("access"):
            continue
        before = set(asked[:i])
        return bool(before & _WHAT and set(asked[max(0, i - 4):i]) & _SERVICE_SUBJECTS
                    and not before & (_FIRST_PERSON | {"me"} | _DEVICE_PARTS)
                    and not set(asked) & (_OTHER_AGENTS | _INSIDERS))
    return False


# Verbs of another party receiving data ("does amazon get my contacts"), and of passing it on to one ("u pass my
# number to loan apps", "will my number be given to other companies").
_GETTING = frozenset("get gets getting receive receives obtain obtains".split())
_HANDING = frozenset(stem(w) for w in """pass passed passing give given giving hand handed handing share shared
    sharing disclose disclosed leak leaked forward forwarded""".split())
# The company itself, as the one data is given to ("giving my information to this app" is collection).
_NOT_RECEIVERS = frozenset("you u us me i yourself your ur yours our this".split())
_ENDING = frozenset("end ends ended ending".split())  # "my customer list ends up with some other company"
_SENT_ON = frozenset("send sends sent sell sells sold".split())  # (with the receiver asked for at the end)
_HANDLED_REQUESTS = frozenset(stem(w) for w in "request requests deletion complaint complaints query queries".split())
_PROCESSING = frozenset("process processes processed processing".split())
_PAID = frozenset("payment payments card cards billing transaction transactions upi".split())
_OWN = frozenset("my our mine ours".split())
# Verbs that go on with the getting: "keep getting my OTPs", "stop receiving my invoices" tell what the visitor gets.
# Not "still": "will advertisers still get my data after I opt out" asks who gets it.
_GOING_ON = frozenset("keep keeps kept continue continues stop stops start starts".split())
_DETERMINERS = frozenset("all of this that these those the such".split())
_PASSED_THINGS = _OWN | frozenset("data information info details number numbers records contacts stuff it them".split())


# What the visitor sends us to be dealt with: "who in your team will get my request" asks who handles it, not who
# else gets the visitor's data (the review of round 34).
_SENT_TO_US = frozenset("""request requests complaint complaints query queries ticket tickets application
    applications feedback grievance letter""".split())
# Parties named by what they are to the company, who may be given data ("outside vendors get access to my data").
_OUTSIDERS = _PARTIES | frozenset("""vendors vendor partners partner advertisers advertiser providers marketers
    affiliates""".split())


def _who_before(asked: tuple[str, ...], i: int) -> bool:
    """Whether "who" asks for the subject of the verb at `i`: at most five words before it, with no first person or "to"
    between ("who all might end up getting my info"; not "who do I talk to get my data back", "who can help me get my
    number removed")."""
    k = next((k for k in range(i - 1, max(-1, i - 6), -1) if asked[k] == "who"), None)
    return k is not None and not (_FIRST_PERSON | {"to", "me", "us"}) & set(asked[k + 1:i])


_GETTING_AUX = frozenset("is are also too will would be been being".split())


def asks_who_gets(query: Query) -> bool:
    """Whether the question asks if someone else gets the visitor's data: a party (not the visitor, not the
    company) before "get/receive" and the visitor's things after it ("does insta or amazon get my contacts thru
    u", "who else gets my info", "do analytics companies get my usage info"); or the visitor's data passed on
    "to" or "with" someone other than the company ("u pass my number to loan apps", "will my mobile number be
    given to other companies", "are the numbers we upload passed to anyone else"). The section on sharing
    answers, whatever the data and whoever the party. Not when the visitor passes something on ("can i share my
    notes with friends") or asks to get their own data ("how do i get my data")."""
    asked = query.asked
    for i, word in enumerate(asked):
        if word in ("handle", "handles", "handling") and "else" in asked[:i] and asked[i + 1:i + 2] \
                and asked[i + 1] in _OWN and asked[i + 2:i + 3] and asked[i + 2] in _VISITORS_DATA \
                and not (asked[i + 3:i + 4] and stem(asked[i + 3]) in _HANDLED_REQUESTS):
            # "who else handles my data besides you?" (fresh42; data named: not "who handles my account", nor a request
            # about data: "who else handles my data deletion request", the review of round 46)
            return True
        if word in _ENDING and asked[i + 1:i + 3] in (("up", "with"), ("up", "w")):
            # "does youtube end up with my number", "does my info end up with advertisers"
            before, after = asked[i - 1] if i else "", asked[i + 3:i + 4]
            if (after and after[0] in _OWN and before not in STOPWORDS | _NOT_RECEIVERS) or (
                    set(asked[max(0, i - 3):i]) & _PASSED_THINGS and after and after[0] not in _NOT_RECEIVERS):
                return True
        if word in _GETTING:
            before = asked[i - 1] if i else ""
            if before in _GETTING_AUX:
                # "payment company is getting my card details from you?", "customer support platform also is getting
                # my data?": asked in the order of a statement (session 54's review BB), the party before the verbs
                k = i - 1
                while k > 0 and asked[k] in _GETTING_AUX:
                    k -= 1
                before = asked[k] if asked[k] not in _GETTING_AUX else ""
                if before in _FIRMS and query.parts[-1].question_mark and not (k and asked[k - 1] in _FIRST_PERSON):
                    before = "firm"  # (a company named as such: a party, though "company" is a stopword)
            if _who_before(asked, i) and before not in _FIRST_PERSON and not _INSIDERS & set(asked):
                # "who is getting all of this info?", "who gets the data": what is got is data, after a determiner or
                # two, and ends the question (not "who gets the data of children", "who can get the data deleted")
                rest = [w for w in asked[i + 1:] if w not in _DETERMINERS]
                if len(rest) == 1 and rest[0] in _PASSED_THINGS - {"it", "them", "my", "our"}:
                    return True
            if asked[i + 1:i + 2] and asked[i + 1] in _OWN and not _SENT_TO_US & set(asked[i + 2:i + 4]) and (
                    _who_before(asked, i)  # "who gets my card details", "who all might end up getting my info"
                    or (before and before not in STOPWORDS and before not in _NOT_RECEIVERS | _FIRST_PERSON
                        and before not in _GOING_ON)):
                return True
            if asked[i + 1:i + 3] == ("access", "to") and asked[i + 3:i + 4] and asked[i + 3] in _OWN \
                    and before in _OUTSIDERS:
                return True  # "what sort of outside vendors get access to my data": not "can I get access to my data"
            if asked[i + 1:i + 2] and asked[i + 1] in _PASSED_THINGS - {"it"} and before in _FIRMS \
                    and asked[0] in _YES_NO | {"are", "is", "can", "could"} \
                    and asked[i + 2:i + 3] != ("from",):
                return True  # "are analytics firms getting info on how i use your site": companies named as such (not
                # "how do businesses get data from your api")
        elif word in _PROCESSING and asked[i + 1:i + 2] and asked[i + 1] in _OWN and _who_before(asked, i) \
                and _PAID & set(asked[i + 2:i + 4]):
            # "who actually processes my card payment": the payment processors data is shared with; not "who processes
            # my deletion request / my data" (our handling of it, the review of round 35)
            return True
        elif (stem(word) in _HANDING or word in _SENT_ON) and asked[-1] in ("to", "with") \
                and ({"who", "whom"} | _PARTIES) & set(asked[:i]) and not _FIRST_PERSON & set(asked[:i]) \
                and set(asked[i + 1:-1]) & _PASSED_THINGS:
            return True  # the receiver asked for at the end: "who do u give my paymnt info to", "who do you send my
            # number to", "whom do you share my details with", "name every kind of company you pass my info on to"
            # (round 36); not the visitor's ("who should I send my request to")
        elif stem(word) in _HANDING and not set(asked[max(0, i - 2):i]) & (_FIRST_PERSON | {"me"}):
            for j in range(i + 1, min(i + 9, len(asked) - 1)):
                if asked[j] in ("to", "with") and asked[j + 1] not in _NOT_RECEIVERS | _OWN:
                    # what is passed is the visitor's ("my number ... given to", "share it with"), not a choice
                    # or a notice ("give users choice to control", "give personal notice to the users"); "them" only
                    # when we pass them ("do you pass them on to anybody", not "is there a way to forward them to the
                    # accountant": the review of round 36)
                    passed = set(asked[max(0, i - 4):j]) & _PASSED_THINGS
                    if passed - {"them"} or (passed and {"you", "u"} & set(asked[max(0, i - 3):i])):
                        return True
                    break
    return False


# Leaving the service, in a clause of its own ("if i close my account", "once i uninstall the app"), and data kept.
_QUITTING = frozenset(stem(w) for w in """delete deleted close closed uninstall uninstalled cancel cancelled quit
    deactivate deactivated""".split())
_LEFT = frozenset("""app account acct acc profile subscription plan membership campaign campaigns messages chats
    contacts data""".split())
# (not "after": "do you keep my data in a data centre after I delete my account" asks of deletion, the review of
# round 16; gaps.yaml's "keep my data after" says when it asks how long)
_LEAVING_WHEN = frozenset("if once when".split())
_KEPT_DATA = frozenset("""my our data info information details records everything it them numbers contacts messages
    chats""".split())


def asks_if_kept_after_leaving(query: Query) -> bool:
    """Whether the question asks if the visitor's data is kept once they leave, the leaving told in a clause of its
    own before or after ("if i close my account will you still keep my info?", "is my data stored once i uninstall
    the app"): how long data is kept, which the policy does not say. Not "if i close my account will you keep
    sending me emails" (no data kept)."""
    asked = query.asked
    for i, word in enumerate(asked):
        if word not in _LEAVING_WHEN or asked[i + 1:i + 2] not in (("i",), ("we",)) or not asked[i + 2:i + 3] \
                or stem(asked[i + 2]) not in _QUITTING or not _LEFT & set(asked[i + 3:i + 6]):
            continue
        if _COPY_TAKEN & set(asked):
            return False  # a copy taken before leaving is access: "... can i download and save my data first"
        for k, other in enumerate(asked):
            if i <= k < i + 6 or stem(other) not in _KEPT \
                    or set(asked[max(0, k - 2):k]) & (_FIRST_PERSON | {"me"}):
                continue  # not what the visitor keeps: "can i keep my phone number"
            if "from" in asked[k + 1:k + 5]:
                continue  # kept from being shared is stopped, not kept: "will you keep my data from being shared"
            if _KEPT_DATA & set(asked[max(0, k - 3):k] + asked[k + 1:k + 4]) - ({"it"} if k > i else set()):
                return True
    return False


_COPY_TAKEN = frozenset("download downloaded export exported copy".split())

# The messages a visitor sends through the service, and what they are kept as ("a copy of", "a record of").
_SENT_MESSAGES = frozenset("""message messages msg msgs text texts sms smses chat chats otp otps conversation
    conversations""".split())
# A question word before "do you keep": what or how it keeps.
_ASKS_HOW = frozenset("what wat way how where which when why".split())
# Who keeps them: the service ("do you keep", "does bm keep", "does the app store").
_KEEPERS = _SERVICE_SUBJECTS | frozenset("bm messaggio".split())
# ... and kept, said of the messages: "(is) also stored with you", "(are) kept by you", "saved on your side"
_BEING_KEPT = frozenset("is are also being be get gets".split())
# ... the messages themselves, said so: the word after them is what is done with them or who sends them, not a thing
# of theirs ("the otps we send", "the sms text which ..."; not "my sms balance", "chat widget settings": the review of
# round 48)
_AFTER_SENT = _SENT_MESSAGES | frozenset("we i you which that is are also sent send sending our my".split())
_WITH_US = frozenset({("with", "you"), ("with", "u"), ("by", "you"), ("by", "u"), ("on", "your"), ("at", "your"),
                      ("with", "your"), ("on", "ur"), ("at", "ur"), ("with", "ur")})
# Words that make "do you keep my messages" a question of how long, or of how safely, they are kept, or of
# keeping them usable ("do you keep the otp valid for 10 minutes": the review of round 44).
_HOW_LONG_KEPT = frozenset("""long forever 4ever after once until till days months years deleted permanently
    safe safely secure securely private encrypted valid active alive""".split())


def asks_if_messages_kept(query: Query) -> bool:
    """Whether a yes/no question (or clause) asks if the service keeps the messages the visitor sends through it: "do
    u guys actually keep copies of the bulk msgs i blast out", "do you hold on to the actual text of the SMS we push",
    "does bm keep my chats or nah". The collection section's "Communication Data: Messages sent through our
    platform" answers; "keep" and "copy" alone lead retrieval to the right to a copy. Not how long they are kept
    ("do you keep my messages after delivery": not covered), how safely ("do you keep my chats secure"), nor when
    another keeps them ("can i keep my old chats", "does whatsapp keep my messages") or it is more of something
    ("will you keep sending me sms")."""
    asked = query.asked
    if not _ASKS_YES_NO & set(asked) or not _SENT_MESSAGES & set(asked) \
            or (_HOW_LONG_KEPT | _COUNTRIES | _REMOTE) & set(asked) or "how" in asked:
        return False  # (where they are kept is `asks_where_kept`'s: "do you store my messages in other countries")
    for k, word in enumerate(asked):
        held_on = word in ("hold", "hang") and asked[k + 1:k + 3] == ("on", "to")
        if not held_on and stem(word) not in _KEPT:
            continue
        if (set(asked[max(0, k - 2) : k]) & _BEING_KEPT or asked[0] in ("is", "are", "whether")) \
                and asked[k + 1 : k + 3] in _WITH_US \
                and any(w in _SENT_MESSAGES and asked[j + 1 : j + 2] and (asked[j + 1] in _AFTER_SENT or j + 1 == k)
                        for j, w in enumerate(asked[:k])):
            return True  # "whether the SMS text which we are sending to our customers is also stored with you people?"
            # (fresh45): the messages said first, kept "with you"
        opener = next((j for j in range(k - 1, max(-1, k - 5), -1) if asked[j] in _ASKS_YES_NO), None)
        if opener is None or (opener and asked[opener - 1] in _ASKS_HOW):
            continue  # no yes/no question, or what or how it keeps ("in what way do you store the messages I send")
        if not set(asked[opener + 1:k]) & _KEEPERS or asked[k + 1:k + 2] and asked[k + 1].endswith("ing"):
            continue  # another keeps ("can i keep my chats", "does whatsapp keep"), or more ("keep sending me sms")
        if _SENT_MESSAGES & set(asked[k + 1:k + 9]):
            return True
    return False


# Where data may be kept: in a country (the section on transfers), or on a server / in the cloud (the cloud
# hosting providers of the section on sharing). A device of the visitor's ("saved locally", "on my phone") is
# not where the policy says anything.
# Not "reside": "I reside outside India, can I sign up" tells where the visitor lives (the review of round 13).
_KEEPING = frozenset(stem(w) for w in """store stored storing save saved keep kept hold held host hosted
    park parked""".split())
# ... and retained: data kept once the visitor leaves (`asks_if_kept_after_leaving`).
_KEPT = _KEEPING | frozenset(stem(w) for w in "retain retained".split())
_COUNTRIES = frozenset("""abroad overseas foreign india indian indians country countries international europe eu
    european europeans
    usa america singapore border borders""".split())
# Data sent somewhere: to a country it is a transfer ("do you send my data abroad", Hinglish "desh ke bahar bhejte").
_MOVING = frozenset(stem(w) for w in "send sent transfer transferred move moved".split())
_HANDLING = frozenset("handled processed".split())
_HANDLED_DATA = frozenset("data information info details".split())


def _data_handled(asked: tuple[str, ...]) -> bool:
    """Whether data is said to be handled or processed somewhere ("my data will be handled in which country", "is our
    information processed abroad"): the participle after "be", "is", "get" ..., the data named just before; not
    "can you handle bulk sms to foreign numbers", "who handles data protection at your india office", "my payment
    processed in which currency" (the review of round 48)."""
    return any((w in _HANDLING and asked[i - 1 : i] and asked[i - 1] in _BEEN_SAID
                and _HANDLED_DATA & set(asked[max(0, i - 5) : i - 1]))
               # ... or by us, the visitor's data named after the verb ("do you process my data in singapore")
               or (w in _HANDLING_BY_US and {"you", "u"} & set(asked[max(0, i - 2) : i])
                   and asked[i + 1 : i + 2] in (("my",), ("our",)) and asked[i + 2 : i + 3]
                   and asked[i + 2] in _HANDLED_DATA)
               for i, w in enumerate(asked))


_BEEN_SAID = frozenset("be is are was were been being get gets got getting".split())
_HANDLING_BY_US = frozenset("handle process".split())
# Not "go": "I travel overseas, will the OTP still go through?" asks about delivery.
_BORDERS = frozenset("border borders".split())
# Forms of going, and of ending up or landing somewhere ("which countries my data ends up in", round 20).
_GOING = _ENDING | frozenset("go goes going gone went land lands landed landing".split())
_VISITORS_DATA = frozenset("data information info details".split())
# ... and the visitor's records, said as the thing whose place is asked ("where is my data physically located": fresh32).
_HELD_DATA = _VISITORS_DATA | {"records"}
_CROSSING = frozenset("across cross crosses crossing crossed".split())
_SAFE = frozenset("secure securely safe safely safety protected".split()) | _SCRAMBLED
_REMOTE = frozenset("server servers cloud online internet remotely remote datacenter datacentre".split())


def _data_goes(asked: tuple[str, ...]) -> bool:
    """Whether the visitor's data is what goes: a word of data, then a form of "go" within five words after it
    (Hindi puts the verb last: "mera data bahar ke desh mein jaata hai"), or within seven with nothing between that
    starts another clause ("mera data kabhi bahar ke desh mein bhi jaata hai kya": fresh34; not "will my data be safe
    if I am going to Singapore", the review of round 39)."""
    return any(word in _VISITORS_DATA and (_GOING & set(asked[i + 1 : i + 6]) or _LEAVING & set(asked[i + 1 : i + 3])
                                           or _goes_later(asked[i + 1 : i + 8]))
               for i, word in enumerate(asked))


# Words that start another clause or subject, so that a "go" after them is not the data's.
_ANOTHER_CLAUSE = frozenset("if when while before after once i we you it he she they phone team".split())


def _goes_later(following: tuple[str, ...]) -> bool:
    for j, word in enumerate(following):
        if word in _GOING:
            return not _ANOTHER_CLAUSE & set(following[:j])
    return False


# "does my data leave india", "will my info ever leave the country": the data leaving, said right after it (not "will
# my data be deleted if i leave india", the visitor leaving).
_LEAVING = frozenset("leave leaves leaving left".split())


_SERVERS = frozenset("server servers datacenter datacentre datacenters datacentres".split())


def asks_where_kept(query: Query) -> str | None:
    """Where the question asks the visitor's data is kept: "country" ("is it kept on servers inside india or
    outside", "do you store data abroad", and sent: "do you send my data to other countries"), "remote" ("does it
    store my information online", "is my payment info stored on my device or on a server", "are my files kept in
    the cloud"), or None."""
    stems, asked = query.stem_set, set(query.asked)
    if asked & _COUNTRIES and (_KEEPING | _MOVING) & stems:
        return "country"
    if asked & _COUNTRIES and _data_handled(query.asked):
        return "country"  # "his data will be handled in which country?" (fresh45)
    if asked & _COUNTRIES and _data_goes(query.asked):
        # "will my data be going to other countries"; not "will the OTP go through overseas", nor "I'm going to
        # USA for a month, will my account details still work" (the review of round 13): the data goes
        return "country"
    if asked & _BORDERS and asked & _CROSSING:
        return "country"  # "may his details go across borders": crossing one is a transfer, however it goes
    if "where" in asked and asked & _SERVERS and not asked & {"log", "logs"} and not asked & _SAFE:
        # "where are their servers" (session 50's review): where the servers are, no verb of keeping; a country named
        # beside it asks which country ("whr r ur servers lol, outside india?", fresh12)
        return "country" if asked & (_COUNTRIES | _BORDERS) else "remote"
    if not _KEEPING & stems or asked & _SAFE or "track" in stems or "how" in asked:
        # "is my data stored on a secure server", "how is my contact list stored on your servers": how it is
        # protected; "keep track of": what is collected
        return None
    if not {"log", "logs"} & set(query.asked) and any(w in _REMOTE for w in query.asked):
        # (not the "server logs" kept, which section 2 lists: "does your system keep server logs of my activity?",
        # session 48's review; nor "your servers keep logs of my activity", session 54's review AY)
        return "remote"
    return None


# Company phrases that say only that the company's people can be reached; a verb of request in the question wins over
# them.
_REACH_PHRASES = frozenset(tuple(stem(w) for w in p.split()) for p in ("team available", "phone you", "phone your"))
_REQUEST_VERBS = frozenset(stem(w) for w in """delete deleting remove removing erase erasing stop stopping change changing
    correct correcting update updating fix fixing unsubscribe cancel close closing withdraw block rectify""".split())
_TEAM_AVAILABLE = tuple(stem(w) for w in ("team", "available"))


def _available_for(stems: list[str]) -> bool:
    """Whether "available" is followed by "for" or "to" (what the team would do: a request, not when it is there)."""
    return any(w == _TEAM_AVAILABLE[1] and stems[i + 1:i + 2] in (["for"], ["to"]) for i, w in enumerate(stems))


_OPENS_QUESTION = frozenset(stem(w) for w in "who whom how what where when which".split())
# How long until we reply, in any words: a span of time asked ("how long before", "what is the time frame", "by
# when"), a verb of replying, and what is replied to or who replies ("my complaint", "my mail", "someone", "your
# office"); not the product's ("how long does your API take to respond").
_REPLY_LINE = "We will respond"
_HOW_LONG = tuple(tuple(stem(w) for w in p.split()) for p in (
    "how long", "how soon", "how many days", "how much time", "time frame", "timeframe", "timeline", "by when",
    "within how many", "expected time", "turnaround time"))  # not "how fast": said of calls and WhatsApp support as often
_REPLYING = frozenset(stem(w) for w in "reply respond answer acknowledge revert".split())
_REPLIED_TO = frozenset(stem(w) for w in """complaint complaints grievance grievances mail mails email emails query queries
    request requests inquiry inquiries enquiry enquiries question questions ticket tickets letter letters concern concerns
    someone somebody anyone anybody team office officer""".split())
_YOU_PEOPLE = frozenset({("you", stem("people")), ("u", stem("people")), ("your", stem("people"))})
# Who replies, just before the verb: us or our people, or a modal ("will reply", "to respond")
_REPLIERS = frozenset(stem(w) for w in """you u someone somebody anyone anybody team office officer staff will would to
    actually be been""".split())
_BE = frozenset({"be", "been"})  # only after "will": "will be responding" (not "I have to be responding")
# ... and what says the question is about something kept or done, or about a call, not about our reply
_NOT_REPLY_TIME = frozenset(stem(w) for w in """keep kept store stored storing retain retained save saved record recorded
    delete deleted remove removed call calls calling ring phone""".split())
# The product's replies: "how long does your chatbot take to reply"
_PRODUCT_REPLIES = frozenset(stem(w) for w in "api apis server servers webhook webhooks bot bots chatbot chatbots".split())
# Steps of getting the product going, and what a privacy question or request would name instead.
_PRODUCT_STEPS = frozenset(stem(w) for w in """approved approval activated activation whitelisted whitelisting
    delivered delivery sender template templates dlt kyc""".split())
# The words that ask after a request already made (`Assistant.follows_up`): its state, and when it was sent.
_ASKING_AFTER = frozenset("""update updates status news progress pending last week weeks days day month months ago back
    yesterday still yet waiting heard reminder chasing following up confirm confirmation receipt""".split())
# A grievance said as one now, not a request asked after ("nobody replied to my deletion request, this is unacceptable,
# I want to escalate", "... nobody responded. Please treat this as a complaint.")
_COMPLAINING_NOW = frozenset("""escalate escalating escalation unacceptable complain complaining ridiculous pathetic
    disgusted outrageous grievance grievances formal formally lodging lodge register registering happy unhappy
    dissatisfied satisfied ignored ignoring mishandled mishandling misused misusing leaked angry upset frustrated
    disappointed treat consider file raise""".split())
# ... or the message called one: "..., this is a complaint", "treat this as a (formal) complaint"
_A_COMPLAINT_NOW = (("is", "a", "complaint"), ("as", "a", "complaint"), ("this", "a", "complaint"))

# ... and the product's things a request or complaint may be about besides `_PRODUCT_STEPS` ("my dashboard access
# request", "my complaint about the otp delay", "a complaint about billing")
# (not "report": "my child's data report")
_PRODUCT_SENT = frozenset(stem(w) for w in """dashboard panel campaign otp otps billing bill invoice api credits
    recharge refund plan login password""".split())
_PRIVACY_ASKS = frozenset(stem(w) for w in "request complaint query queries privacy data information".split())


def _complains_now(words: tuple[str, ...]) -> bool:
    """Whether a message about a request already made makes a grievance now (`_COMPLAINING_NOW`, `_A_COMPLAINT_NOW`)."""
    return bool(_COMPLAINING_NOW & set(words)) or any(contains_phrase(p, list(words), max_skip=1)
                                                      for p in _A_COMPLAINT_NOW)


def _a_product_step(said: set[str]) -> bool:
    """Whether a step of getting the product going is named, and nothing that asks about privacy (`_PRODUCT_STEPS`,
    `_PRIVACY_ASKS`): "how long does it take to get a sender ID approved" waits on the product, not on our reply."""
    return bool(_PRODUCT_STEPS & said) and not _PRIVACY_ASKS & said


def _asks_reply_time(stems: list[str]) -> bool:
    """Whether the question asks how long we take to reply to the visitor ("how long before someone actually answers
    my privacy complaint", "what is the time frame in which your good office will revert to my mail?"): replying
    said as a verb with us or a modal before it, not what is kept ("how long do you keep my emails and your replies")
    nor a call answered."""
    said = set(stems)
    # "how long does it take for you people to respond": us, said so (not "for people to reply to my campaign", the
    # sender's own customers: the review of round 47)
    replied_to = bool(_REPLIED_TO & said) or any(pair in _YOU_PEOPLE for pair in zip(stems, stems[1:]))
    if not (_REPLYING & said and replied_to) or (_PRODUCT_REPLIES | _NOT_REPLY_TIME) & said:
        return False
    return any(word in _REPLYING and i and stems[i - 1] in _REPLIERS
               and (stems[i - 1] not in _BE or stems[i - 2 : i - 1] in (["will"], ["would"], ["shall"]))
               for i, word in enumerate(stems)) \
        and (any(contains_phrase(p, stems, max_skip=1) for p in _HOW_LONG)
             or (_ASKED_FAST & said and "how" in said and bool(_REQUESTS_REPLIED & said)))
# ... "how fast", "how quickly" only of a request or complaint replied to ("how fast do they respond to requests",
# session 45's review), not of a call or chat
_ASKED_FAST = frozenset(stem(w) for w in "fast quickly quick soon".split())
_REQUESTS_REPLIED = frozenset(stem(w) for w in """complaint complaints grievance grievances request requests inquiry
    inquiries enquiry enquiries query queries concern concerns""".split())
# The entries of corpus/company.yaml that answer what we do (reply, hear complaints), not a detail of ours: the
# reply time line and the whole section.
_COMPANY_ACTS = frozenset({_REPLY_LINE, None})
_COMPLAINING = frozenset(stem(w) for w in "complain complaint complaints escalate escalation".split())


_CONTACTING_US = frozenset(stem(w) for w in "contact reach call email mail write ring phone message".split())


def _with_our_team(phrase: tuple[str, ...], stems: list[str]) -> bool:
    """Whether a company phrase is said as who the visitor's calls or messages were "with" or "to" ("my calls with your
    support team"), or as who acts on the visitor's data."""
    return any(stems[max(0, start - 2) : start] in (["with", "your"], ["to", "your"], ["with", "ur"], ["to", "ur"])
               or stems[start - 1 : start] in (["with"], ["to"])
               # ... or as who does something to data: "can your support team read my sms", "does your customer care
               # store my aadhaar copy" (the review of round 49)
               or (stems[start - 1 : start] in (["your"], ["ur"]) and _PRACTICES & set(stems[end : end + 3])
                   and "to" not in stems[end : end + 2] and not _CONTACTING_US & set(stems[max(0, start - 3) : start]))
               for start, end in _occurrences(phrase, stems, max_skip=2))


def _to_someone_else(stems: list[str], word: str) -> bool:
    """Whether a complaint is made "to" someone other than us: "complain to a government regulator"."""
    for i, term in enumerate(stems):
        if term == word and "to" in stems[i + 1:i + 3]:
            j = stems.index("to", i + 1)
            return not (set(stems[j + 1:j + 3]) & {"you", "u", "your", "ur", "us"})
    return False


# A policy someone owns, said with "'s": "whatsapp's privacy policy", "google's rules" (not this one's: "the company's
# policy", "blue messaggio's rules").
_POLICY_NAMES = r"(?:policy|policies|rules|terms|notice|practices|practice)\b"
_OWNED_POLICY = re.compile(r"\b([a-z0-9]+)['\u2019]s\s+(?:own\s+)?(?:privacy\s+|data\s+)?" + _POLICY_NAMES, re.IGNORECASE)
# ... in the words as read (`Query.asked`: "'s" is a word of its own, slips mended)
_OWNED_POLICY_READ = re.compile(r"\b([a-z0-9]+) s (?:own )?(?:privacy |data )?" + _POLICY_NAMES)
_OUR_NAMES = frozenset("company messaggio app site website service platform blue bm it".split())
_LAWS_OF = frozenset("it let eu europe european gdpr government govt indian us usa uk".split())
_POLICY_WORDS = frozenset("policy policies privacy".split())
# ... and no owner at all: a topic or the people this policy covers ("what is the children's policy", "your cookie's
# policy", "what's your marketing's policy", "the user's data policy", "what are india's data rules": the review of
# round 16), our name in one word ("bluemessaggio's privacy policy")
_NOT_OWNERS = frozenset("""bluemessaggio bluemessagio bluemesaggio bm children child kid kids minor minors cookie cookies
    marketing user users customer customers member members parent parents visitor visitors people india""".split())


_RELATIVE = frozenset("that which who whom".split())


# Who else "they" may be (`Assistant.company_answer`): people or companies other than us named in the message
_OTHER_PARTIES = frozenset("""customer customers client clients user users contacts kid kids child
    children son daughter friend friends family wife husband employee employees staff partner partners advertiser
    advertisers vendor vendors parent parents people member members recipient recipients subscriber subscribers
    company companies firm agency bank government police hacker hackers someone somebody others brother sister mother
    father mom dad team colleague colleagues boss officer officers dpo manager head ceo founder director owner
    person lead leads patient patients student students shopper shoppers prospect prospects audience buyer
    buyers""".split())
_THEY = frozenset("they them their theirs".split())
# "they" read as us by the models (`Assistant.model_words`) when nobody else is named; not "them", as often the things
# named ("I don't want your marketing emails, how do I stop them?"), nor "their", as often "there" mistyped ("are their
# tiered options for security?", a question of ../shared/train that then drew section 5)
_AS_US = {"they": "you"}
_OTHERS_NAMED = frozenset("whose third other others partner partners".split())
_ANYONE_ELSE = _OTHER_PARTIES | _OTHERS_NAMED  # words that name someone other than us
# ... "them" only when reached ("call them", "write to them"), "they" only when open, based or replying ("when are they
# open", "where are they based"): "them" and "they" name things as often ("how do I stop them")
_REACH_THEM = frozenset(stem(w) for w in "call ring phone email mail write contact reach message ping text visit".split())
_THEY_DO = frozenset(stem(w) for w in """open close based located available reply respond revert answer
    send sends sent""".split())  # "can i control what emails they send me" (session 50's review)


def _they_as_you(stems: list[str], i: int) -> str:
    """The i-th stem of a message with nobody but us named, "they" read as us where they can only be us."""
    word = stems[i]
    if word in ("their", "theirs"):
        return "your"
    if word == "them" and _REACH_THEM & set(stems[max(0, i - 2) : i]):
        return "you"
    if word == "they" and _THEY_DO & set(stems[i + 1 : i + 3]):
        return "you"
    return word


# Words whose stem is a company phrase's but not its meaning, kept whole in company questions: "location" (the
# visitor's, in "location services", "location permission", "what location info do you get") is not "located" (ours),
# though Snowball gives both "locat", so "your location" and "office location" ask where we are.
# ("contacts" are the visitor's uploaded list, not the verb of "how to contact": "how many contacts can I upload")
# ("info" is "information", the visitor's, not the verb "inform" of "whom do I inform": "who gets my info" asked
# Contact Us; nor "timing" the verb of "your timing" in "what's your otp delivery time", session 51's review AK)
_NOT_STEMMED_FOR_COMPANY = {"location": "location", "locations": "location", "contacts": "contacts",
                            "information": "information", "info": "information", "timing": "timing",
                            "timings": "timing"}


def _company_stem(word: str) -> str:
    """The stem a word is matched on against company.yaml's phrases (theirs and the question's alike)."""
    return _NOT_STEMMED_FOR_COMPANY.get(word) or stem(word)


# The last word of a company phrase of two that must follow the first at once (or after "of", "the", "usually", or
# "again", "up": "will your office be open again on monday", the review of round 47).
_NEXT_TO_IT = frozenset({"in", "open", "on",
                         # "call you", "phone you": not "does this also cover the phone apps you make" (session 50's
                         # review)
                         "you"})
# ... and phrases of two that must be said together (a number between): "is this number yours", "is the number
# 9820011111 yours" (stemmed "number your"), not "If Zapier mishandles the numbers, is that your responsibility?"
# (session 50's review)
_TWO_AT_ONCE = frozenset({(stem("number"), stem("yours"))})
_BETWEEN_TWO = frozenset("""of the still usual usually current currently normal normally again up even also
    one any either""".split())  # "can i call one of you" (the review of session 50's rules)


_BEING = frozenset("are is were was been keep keeps".split())
_WHEN_CALLED = frozenset("if when at on in after before today tomorrow now dure".split())
_NAMED_BEFORE = frozenset("it them".split())  # what an earlier clause named ("how do I delete it")
_NOT_ACTING = frozenset("""is are was were be been will would can could do does did has have had why how what when where
    which who if whether""".split())


# ... of which these, after the pronoun, make it a subject ("why it is needed"); not a question word or "if" that opens
# a clause after an object ("can i regenerate it if it leaked")
_SUBJECT_FOLLOWED = _NOT_ACTING - frozenset("why how what when where which who if whether".split())


def _acts_on_named(words: tuple[str, ...]) -> bool:
    """Whether a verb acts on "it" or "them" ("how do I delete it", "can you share them"): the pronoun as an
    object, not a subject ("why it is needed", "is it safe")."""
    return any(w in _NAMED_BEFORE and i and words[i - 1] not in _NOT_ACTING
               and (i + 1 == len(words) or words[i + 1] not in _SUBJECT_FOLLOWED) for i, w in enumerate(words))


_PERSONAL_NAMED = _DATA_NAMED | frozenset("detail emails records account personal profile".split())
_DATA_STEMS = frozenset(stem(w) for w in _DATA_NAMED)
_LISTED_OWNERS = frozenset("my our his her their".split())  # (not "me": "give me a contact email for privacy stuff")
# A question's verb before its subject, when the subject is someone's things ("is my data encrypted", "are the logs
# kept"): `Assistant._whole_question`
_QUESTION_AUXILIARIES = frozenset("is are was were does do did can could will would has have should".split())
_THINGS_OPENED = frozenset("my our your ur the all any".split())
# The visitor's things, or their customers' (`_carried`)
_OWNED_THINGS = _PERSONAL_NAMED | frozenset("customers customer clients client users".split())


def _carried(segment: Part, before: Part) -> Part:
    """`segment` with "it" or "them" as its object replaced by the visitor's things `before` named ("do you encrypt them"
    after "how long do you retain my messages": "do you encrypt my messages"); as it was when `before` names none of
    them or `segment` points at nothing."""
    said = before.words
    at = next((i for i, w in enumerate(said) if w in ("my", "our") and said[i + 1:i + 2]
               and said[i + 1] in _OWNED_THINGS), None)
    if at is None or not _acts_on_named(segment.words):
        return segment
    end = at + 1
    while end < len(said) and end - at < 3 and said[end] not in STOPWORDS:
        end += 1
    named = said[at:end]
    words: list[str] = []
    for i, w in enumerate(segment.words):
        if w in _NAMED_BEFORE and i and segment.words[i - 1] not in _NOT_ACTING:
            words.extend(named)
        else:
            words.append(w)
    return replace(segment, words=tuple(words))


_COMPLAIN = stem("complain")
_THIRD_PERSON = frozenset("they he she".split())
_PLACE_STEMS = frozenset(stem(w) for w in "where based located location".split())
_NOT_COMPLAINERS = frozenset("i we who what where whom when how which why".split())


def _asks_about_company(phrase: tuple[str, ...], stems: list[str], detail: bool = True,
                        breaks: frozenset[int] = frozenset(), practice: bool = False) -> str | None:
    """Whether `phrase` occurs in `stems` (a word or two apart at most) as a question about the company.

    "yours" when "your" stands just before it ("your phone number"), "maybe" when nothing says whose, and
    None when it is someone's own ("my phone number") or a verb aimed at the visitor ("email me").
    `detail`: the phrase names one of our details (phone, e-mail, address, hours), which the words after it may
    place elsewhere ("the email in my profile"); an act ("hear back", "complain") is ours whatever follows it
    ("when will I hear back on my query"). `breaks`: where a clause begins in `stems`. `practice`: the question asks
    what is done with data (see `_does_with_data`).
    """
    found = None
    for start, end in _occurrences(phrase, stems, max_skip=2):
        if len(phrase) == 2 and (phrase[1] in _NEXT_TO_IT or phrase in _TWO_AT_ONCE) \
                and not all(w in _BETWEEN_TWO or w.isdigit() for w in stems[start + 1 : end - 1]):
            continue  # "based in", "office open": the words of two, not "social media based log-in" (the third
            # development set), "whether your office staff can open and read my messages" (fresh18); not "your": "I
            # want to call someone at your office"
        before = stems[max(0, start - 2):start]
        if practice and any(stems[k] in ("when", "whenev") and stems[k + 1] in ("i", "we")
                            for k in range(max(1, start - 5), start - 1)):
            # "do you record calls when I phone your support team": the scene told after a question of what is done
            # with data, not what is asked (round 34); not "when I call you, what number should I use" (the scene comes
            # first), nor "how long before someone answers when I call your number" (nothing done with data)
            continue
        if phrase[0] == _COMPLAIN and before[-1:] and before[-1] in _BEING and before[0] not in _NOT_COMPLAINERS:
            # "students are complaining they can't log in": someone else's complaint, told (round 34); not "what is
            # complaint procedure", "where are complaints filed" (the noun, a question word), "we are complaining"
            continue
        if phrase[-1] == "up" and stems[end:end + 1] and stems[end] not in _WHEN_CALLED and end not in breaks:
            continue  # "will anyone pick up" a call, not "will anyone pick up my data" (round 36)
        if detail and stems[end:end + 1] and stems[end] in _PRODUCT_NOUNS and end not in breaks:
            continue  # "your email tool", "your phone campaigns": the product, not our address or number
        if phrase[-1] == "number" and (stems[end - 2] in _NOT_PHONE_NUMBERS or stems[end:end + 1] == ["of"]):
            continue  # "what's your GST number": a number of ours that is not the phone's (fresh27); "your number of
            # active users", a count (round 26)
        if phrase in _BARE_NUMBER and (stems[end - 2] not in _OUR_NUMBERS or (
                end < len(stems) and end not in breaks and stems[end] not in _AFTER_OUR_NUMBER)):
            continue  # "what's ur number (pls)": ours asked for with nothing else said of it; not "what's your sender
            # ID number", "what is your number masking feature" (the review of round 47)
        if phrase[-1] == "where" and "on" in stems[start + 1:end - 1]:
            continue  # "is pricing based on where the sms is delivered": a deciding factor, not where we are based
        if phrase[-1] == "open" and stems[end:end + 1] and stems[end] in _OPENED:
            continue  # "can any staff member at your office open our customers' messages?": opening something, not
            # our hours (session 53's review AS)
        if phrase[0] == "base" and _VISITOR_IS & set(stems[max(0, start - 3):start]):
            continue  # "I'm based in France, is anything different for me?": where the visitor is (session 53's review)
        if _PLACE_STEMS & set(phrase) and _THIRD_PERSON & set(stems[max(0, start - 2):end - 1]):
            continue  # "do you run background checks on employees and where are they based", "where are they
            # located": someone else's place ("they" stays only when it is not us: `_they_as_you`; session 53's
            # review AV)
        if phrase == ("number", "your") and stems[end:end + 1] and stems[end] in _OUR_PLACES:
            continue  # "numbers sit on your system": a place of ours, not "is this number yours" (fresh36)
        if stems[start - 1:start] == ["your"]:
            return "yours"
        if before[-2:] == ["me", "the"]:
            before = ["the"]  # "give me the mail id", "send me the address": asks to be told ours
        if phrase[0] in _OPENS_QUESTION:
            before = []  # "got a worry about my privacy, who handles that": a question word opens its own clause
        if _OWNERS & set(before) or stems[end:end + 1] == ["me"]:
            continue
        if detail and before[-1:] and (before[-1] in _DATA_STEMS or before[-1] in ("and", "or", "n")) \
                and _LISTED_OWNERS & set(stems[max(0, start - 5):start - 1]):
            continue  # "what happens to my phone number and email" (read without "and": "my phone number email"): the
            # visitor's e-mail too, named in a list after "my" (session 48's review)
        if phrase[-1] == "compani" and stems[end:end + 1] and stems[end] in _RELATIVE:
            continue  # "the name of the company that got my data": another company, told by what it did (review 16)
        if detail and _placed(stems[end:end + 6]):
            continue  # "emails from you" are what we send, "the email in my profile" the visitor's own
        if detail and before[-1:] and before[-1] in _RECEIVED and end - start == 1:
            continue  # "why do I get these emails": the ones received, not our address
        found = "maybe"
    return found


# What is opened, after "office open" ("... open our customers' messages"), and the visitor as the one placed.
_OPENED = frozenset(stem(w) for w in "our my the your their customers customer messages message data files file chats".split())
_VISITOR_IS = frozenset("i im m am we re are".split())


# A practice word that names a topic after these ("data protection queries", "privacy sharing concerns"), or
# that politeness makes a request to be told ("kindly share the office timings"), asks nothing about data.
_TOPIC_NOUNS = frozenset(stem(w) for w in "data privacy information info".split())
_POLITENESS = frozenset(stem(w) for w in "kindly please pls plz".split())
_ADVERBS = frozenset(stem(w) for w in "actually really just even also still then ever".split())  # said between a subject and its verb


_RECEIVING_DATA = frozenset("get gets getting got receive receives receiving received".split())


def _does_with_data(query: Query) -> bool:
    """Whether the question asks what is done with data ("do you share phone numbers", "is my email stored"),
    as opposed to naming a topic ("an email id for data protection queries") or asking to be told something
    ("kindly share the office timings"). Hinglish puts the verb after its object ("information collect karte
    ho"): a practice names a topic only in its noun form ("protection", "sharing")."""
    words, stems = query.words, query.stems
    opening = next((i for i, w in enumerate(words) if w in _CONDITIONS), len(words))
    if words[:1] and words[0] in ("who", "whom") and (_CONTACTING_US | _COMPLAINING) & set(stems[:opening]) \
            and ({"i", "we"} & set(words[1:4]) or "to" in words[1:3]) and not _RIGHTS_OR_A_CHILD & set(words[opening:]):
        # "Who do I contact if I have a problem with how my data is used?": whom the visitor reaches is asked; what is
        # done with data is only the condition (session 46's review); not whom we contact ("who do you contact if my
        # data is shared with police", section 4: its code review), nor a right or a child's data in the condition,
        # whose sections say whom ("who do I contact if I think you have collected my child's data?", section 9)
        words, stems = words[:opening], stems[:opening]
    if any(b == "with" and _DATA_NAMED & set(words[i + 2 : i + 5]) and "about" not in words[max(0, i - 3) : i]
           and ((a in ("do", "doing") and {"you", "u"} & set(words[max(0, i - 3) : i])
                 and not {"i", "we"} & set(words[max(0, i - 3) : i]))
                or (a == "done" and words[i - 1 : i] and words[i - 1] in ("is", "are", "being", "be", "was")))
           for i, (a, b) in enumerate(zip(words, words[1:]))):
        return True  # "what will you people do with my mobile number after that?" (fresh45)
    for i, word in enumerate(words):
        if word in _RECEIVING_DATA and words[i + 1:i + 2] in (("my",), ("our",)) and i \
                and words[i - 1] not in ("to", "for", "about", "on", "of", "after", "before", "in") \
                and _DATA_NAMED & set(words[i + 2:i + 4]) and not {"i", "we", "me", "how"} & set(words[max(0, i - 4):i]):
            return True  # "customer support platform also is getting my data?": someone receiving the visitor's data
            # (session 54's review BB); not "how can i get my data"
    for i, term in enumerate(stems):
        if term not in _PRACTICES:
            continue
        before = stems[i - 1] if i else ""
        if before in _ADVERBS and i >= 2:  # "how do i actually use these rights": the word before the adverb
            before = stems[i - 2]
        if before in _POLITENESS or (before in _TOPIC_NOUNS and words[i].endswith(("ion", "ing"))):
            continue
        if before == "to" and i >= 3 and stems[i - 3] == "request" and stems[i - 2] == "you":
            continue  # Indian English "request you to share the office address": asks to be told, as "kindly" does
        if words[i] == "secure" and words[i + 1 : i + 2] and words[i + 1] in _CONTACT_HEADS:
            continue  # "what is your secure email address for sending documents": a detail of ours (review 16)
        if term == "keep" and words[i + 1 : i + 2] and words[i + 1].endswith("ing"):
            continue  # "your account manager keeps ignoring my privacy concern": going on, no keeping of data
        if term == "use" and before in ("i", "we") and not _FOR_ACCOUNT & set(words[i + 1 : i + 4]):
            # "which number or email should I use": what the visitor uses to reach us, no use of data; not "which email
            # should I use for my account" (the visitor's own)
            continue
        if words[i + 1:i + 2] and words[i + 1] in ("me", "us") and i + 2 < len(words) and (
                words[i + 2] in _OURS or (words[i + 2] in ("a", "an") and words[i + 3 : i + 4] and words[i + 3] in _CONTACT_HEADS)
                or (words[i + 2] in _ALL_WAYS and _TO_REACH_US & set(words[i + 3 : i + 7]))):
            continue  # "give me ur support mail id", "share us your address", "give me a contact email", "give me every
            # way to contact you" (round 35): asks to be told
        return True
    return False


_CONDITIONS = frozenset("if incase unless suppose supposing agar because".split())  # a clause that opens a condition
# A right or a child's data named in a condition (`_does_with_data`).
_RIGHTS_OR_A_CHILD = frozenset("""delete deleted deletion erase erased remove removed unsubscribe object objecting opt
    correct corrected copy marketing child children kid kids minor son daughter""".split())


def _gap_says(phrase: tuple[str, ...], gap: Gap | None) -> bool:
    """Whether the topic not covered that the question asks about has the company phrase as one of its own."""
    return gap is not None and any(tuple(stem(w) for w in p) == phrase for p in gap.phrases)


# The town of our address, said as a company phrase (corpus/company.yaml), as stemmed.
_OUR_TOWN = (stem("mumbai"),)


def _inside_gap(phrase: tuple[str, ...], gap: Gap | None, asked: list[str]) -> bool:
    """Whether a longer phrase of `gap` (the topic not covered that the question asks about, if any) that the
    question says holds every word of the company phrase `phrase` ("bulk email" holds "email")."""
    wanted = set(phrase)
    return gap is not None and any(len(p) > len(phrase) and wanted <= {stem(w) for w in p} and contains_phrase(p, asked)
               for p in gap.phrases)


def _from_you(stems: tuple[str, ...]) -> bool:
    """Whether the question is about something coming from us ("will I get emails from you"), not our address."""
    return any(a == "from" and b in ("you", "your") for a, b in zip(stems, stems[1:]))


_PRODUCT_NOUNS = frozenset(stem(w) for w in """tool tools campaign campaigns marketing api template templates blast blasts
    credits panel dashboard module builder editor integration integrations deliverability delivery attachment
    attachments""".split())


_RECEIVING = frozenset("unsubscribe stop from receive receiving get getting block opt out spam".split())
# What "your email ..." names when it is mail we send ("unsubscribe from your email newsletters"), not our address.
_MAIL_KINDS = frozenset("""newsletter newsletters updates alerts notifications promotions offers digest digests
    blasts campaigns""".split())


def _our_mails(asked: tuple[str, ...]) -> bool:
    """Whether "your emails" are said as the mails we send, received or stopped ("unsubscribe from your emails", "from
    your email newsletters"), not our addresses ("what are your emails for support and sales?")."""
    return any((w in ("emails", "mails", "mailers") or (w in ("email", "mail") and asked[i + 1 : i + 2]
                                                       and asked[i + 1] in _MAIL_KINDS))
               and asked[i - 1 : i] in (("your",), ("ur",))
               and _RECEIVING & set(asked[max(0, i - 4) : i - 1]) for i, w in enumerate(asked))


def _placed(after: list[str]) -> bool:
    """Whether the words after a detail place it elsewhere: "(emails) from you", "(the email) in my profile", or
    make it the visitor's: "(the phone numbers) we upload"."""
    if len(after) < 2:
        return False
    return ((after[0] == "from" and after[1] in ("you", "your")) or (after[0] in ("in", "on") and after[1] in _OWNERS)
            or (after[0] in ("you", "u") and after[1] in _SENDING)  # "(the emails) you send me": what we send
            or (after[0] in ("i", "we") and after[1] not in _MODAL_STEMS and after[1] not in _TOWARDS_US)
            # "(what emails) will i get from you", "(what sort of emails) should I expect from you" (fresh36); not
            # "email id to get support from you" (no one awaits them: the review of round 42)
            or (any(a in ("i", "we") and b in _AWAITED for a, b in zip(after, after[1:]))
                and any(a == "from" and b in ("you", "your") for a, b in zip(after, after[1:]))))


_RECEIVED = frozenset(stem(w) for w in "these those such".split())
# "what's your number": ours, only when nothing else is said of the number (see `_asks_about_company`)
_BARE_NUMBER = frozenset({("what", "your", "number")})
# ... said just before "number" ("what is your office number"), and after it ("what's ur number sir", "what is your
# number and when can i call", "what is your number for whatsapp support")
_OUR_NUMBERS = frozenset(stem(w) for w in """your office company company's support contact helpline official
    emergency""".split())
_AFTER_OUR_NUMBER = frozenset(stem(w) for w in "kindly please pls plz sir madam maam bhai and so to for".split())
# What names a number that is not a phone's, said just before "number": "your GST number", "the ticket number"
_NOT_PHONE_NUMBERS = frozenset(stem(w) for w in """gst gstin pan cin tan vat tax registration account bank order ticket
    invoice reference entity template tracking licence license serial version""".split())
_AWAITED = frozenset(stem(w) for w in "get getting receive receiving expect".split())
_OUR_PLACES = frozenset(stem(w) for w in """system systems platform server servers end side database panel dashboard app
    portal site website network""".split())
_SENDING = frozenset(stem(w) for w in "send sent sending keep".split())


# "the phone numbers we upload", "the address I gave": a detail the visitor's own clause describes is theirs; "the
# number I should call", "the email I write to", "the address we send the form to" are ours.
_MODAL_STEMS = frozenset(stem(w) for w in "can could should shall may might will would must need have".split())
_TOWARDS_US = frozenset(stem(w) for w in "write send call contact reach mail email post ring text message".split())


def _occurrences(phrase: tuple[str, ...], stems: list[str], max_skip: int):
    """(start, end) of each place where the words of `phrase` occur in order, at most `max_skip` apart."""
    if phrase[0] not in stems:  # most phrases fail here, in C, before the scan below
        return
    for start, word in enumerate(stems):
        if word != phrase[0]:
            continue
        pos = start
        for wanted in phrase[1:]:
            window = stems[pos + 1:pos + 2 + max_skip]
            if wanted not in window:
                break
            pos = pos + 1 + window.index(wanted)
        else:
            yield start, pos + 1


def _find_line(clauses: list[Clause], start: str) -> tuple[Clause, str]:
    """The clause and its line that begins with `start`; KeyError when none does."""
    for clause in clauses:
        for line in clause.text.split("\n"):
            if line.startswith(start):
                return clause, line
    raise KeyError(start)


def load_company_questions(path: str | Path, policy: Policy, lexicon: Lexicon | None = None) -> list[CompanyQuestion]:
    """Read `corpus/company.yaml`, checking each `line` against the last section; `YamlFileError` names the line.
    `lexicon`: the one questions are read with: each phrase is matched as written and as read (`Lexicon.readings`:
    "contact info" as "contact information" too, as a question's "info" is read)."""
    data = load_yaml(path)
    if not isinstance(data, list):
        raise YamlFileError(path, getattr(data, "line", 1), "expected a list of entries with 'when' and maybe 'line'")
    contact = policy.section(policy.sections[-1].number).clauses
    out = []
    for entry in data:
        line = getattr(entry, "line", 0)
        if not isinstance(entry, dict) or "when" not in entry or set(entry) - {"when", "line"}:
            raise YamlFileError(path, line, "each entry needs 'when' (a list) and may have 'line'")
        start = entry.get("line")
        if start is not None:
            if not isinstance(start, str) or not start.strip():
                raise YamlFileError(path, line, "'line' must be the start of a line of the last section")
            try:
                _find_line(contact, start)
            except KeyError:
                raise YamlFileError(path, line, f"no line of the last section starts with {start!r}") from None
        when = entry["when"]
        if not isinstance(when, list) or not when or not all(isinstance(w, str) and words(w) for w in when):
            raise YamlFileError(path, line, "'when' must be a non-empty list of words or phrases")
        phrases = [words(p) for p in when]
        read = [r for p in phrases for r in readings(tuple(p), lexicon)]
        out.append(CompanyQuestion(start, tuple(dict.fromkeys(tuple(map(_company_stem, p)) for p in read)), line,
                                   frozenset(w for p in phrases for w in p)))
    return out


def load_assistant(corpus_dir: str | Path, extra_phrasings: dict[str, list[str]] | None = None,
                   intents_file: str | Path | None = DEFAULT_INTENTS, policy: Policy | None = None,
                   section_model: bool = True) -> Assistant:
    """Build the assistant from the policy and editor files in `corpus_dir` and `intents_file`.

    `policy`: a published version to answer from instead of `corpus_dir/privacy-policy.md` (the text being edited).
    `section_model`: False to answer without corpus/section-model.bin (training it reads questions as answering does).
    """
    corpus_dir = Path(corpus_dir)
    index = load_index(corpus_dir, extra_phrasings, policy=policy)
    intents = load_intents(intents_file, index.policy.has_clause, index.analyse.lexicon) if intents_file else None
    company_file = corpus_dir / "company.yaml"
    company = load_company_questions(company_file, index.policy, index.analyse.lexicon) if company_file.exists() else []
    # The models are required where the topic map is: a missing or corrupt file stops start-up with a clear message.
    topics = topic_map = sections = requests = None
    if (corpus_dir / "topics.yaml").exists():
        topics = load_topic_model(corpus_dir / "topic-model.bin")
        topic_map = load_topic_map(corpus_dir / "topics.yaml", index.policy, topics.topics)
        sections = load_topic_model(corpus_dir / "section-model.bin", expected_heads=None,
                                    rebuild="make train-sections") if section_model else None
        if sections is not None:
            sections, requests = split_requests(sections)
            sections, gone = for_policy(sections, index.policy)
            if gone:
                # A version that retitled or dropped sections: the model's reading of those points at no section of
                # this one, so those questions are left to retrieval until `make train-sections` learns the new ones.
                _log.warning("%s was trained on sections this policy no longer has (%s); it is not used for them",
                             corpus_dir / "section-model.bin", ", ".join(f"§{n}" for n in gone))
    return Assistant(index, intents, company=company, topics=topics, topic_map=topic_map, sections=sections,
                     requests=requests)


# --- staff search -------------------------------------------------------------------------------------------------

# A run of word characters as a reader sees it ("e-mail", "third-party's").
_WORD_RUN = re.compile(r"\w+(?:[-.'’]\w+)*")


@dataclass(frozen=True)
class ClauseMatch:
    """A clause found for staff: its score and its text split into (piece, matched) parts."""

    clause: Clause
    score: float
    parts: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class ClauseSearch:
    """Every clause that matches a staff query, best first."""

    query: str
    matches: list[ClauseMatch]
    confidence: float  # how much of the query the best clause explains (0..1)


def highlight(text: str, terms) -> tuple[tuple[str, bool], ...]:
    """Split `text` into (piece, matched) parts; a word is matched when its stem is one of `terms`.

        >>> highlight("We delete data.", {"delet"})
        (('We ', False), ('delete', True), (' data.', False))
    """
    terms = set(terms)
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in _WORD_RUN.finditer(text):
        if not any(stem(w) in terms for w in words(match.group(0))):
            continue
        if match.start() > pos:
            parts.append((text[pos:match.start()], False))
        parts.append((match.group(0), True))
        pos = match.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return tuple(parts)


def find_clauses(assistant: Assistant, query: str, k: int = 10) -> ClauseSearch:
    """Rank clauses for staff: more than the assistant would quote, with matched words marked.

    Unlike `Assistant.answer` there is no confidence cut-off, no small talk and
    no gap topic: an agent looking up "cookies" wants the cookie clauses.
    """
    result = assistant.index.search(query, k=k)
    matches = [ClauseMatch(hit.clause, hit.score, highlight(hit.clause.text, result.terms)) for hit in result.hits]
    return ClauseSearch(query, matches, result.confidence)
