"""Recognise rights requests and child's-data reports, as opposed to questions about the policy.

    >>> intents = load_intents("intents.yaml")
    >>> found = intents.detect("delete my account and all my data")
    >>> found.intent.name, found.request
    ('deletion', True)
    >>> intents.detect("can I delete my data?").request     # a question about the right
    False
    >>> intents.detect("do you sell my data?") is None
    True

Two independent judgements make a detection:

* the *type*, from the markers each type lists in `intents.yaml` (word stems,
  phrases in order); a type with a higher priority wins whenever it matches;
* the *speech act*: is the visitor asking something, or telling us to do
  something? That is read from how each clause opens (question words,
  instructions, first-person wishes and statements), so it works for any
  topic and needs no list of known questions.

Pure functions of the text: no Flask, no storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path

from .lexicon import Lexicon, readings
from .text import (HELD_ON_ME, INDIAN_GREETINGS, NUMBER_WORDS, STOPWORDS, Part, Query, adult_before, analyse,
                   contains_phrase, denies_own_doing, stem, tokenize, words)
from .yamlfile import YamlFileError, load_yaml

REQUEST_TYPES = ("access", "portability", "correction", "deletion", "objection", "marketing_opt_out",
                 "child_data", "grievance")
# What staff pages and the public record call each type, in a word or two.


def N_(text: str) -> str:
    """Mark `text` for the translation catalogue (app/translations/babel.cfg) without translating it: the engine has no Flask."""
    return text


SHORT_LABELS = {"access": N_("Access"), "portability": N_("Portability"), "correction": N_("Correction"),
                "deletion": N_("Deletion"), "objection": N_("Objection"), "marketing_opt_out": N_("Marketing opt-out"),
                "child_data": N_("Child's data"), "grievance": N_("Grievance")}
FIELD_TYPES = ("text", "email", "textarea", "integer", "choice")
REQUIRED_FIELDS = ("name", "email", "details")
_INTENT_KEYS = {"label", "description", "clause", "reply", "markers", "unless", "examples", "fields", "urgent",
                "priority"}
_REQUIRED_INTENT_KEYS = {"label", "description", "clause", "reply", "markers", "examples", "fields"}
_FIELD_KEYS = {"label", "type", "max_length", "min", "max", "choices", "help"}

# How clauses open. Grammar, not topic: these lists do not change when the policy does.
_QUESTION_WORDS = frozenset("""
    what whats how why where when which who whom whose whether tell explain describe define clarify summarise
    summarize
""".split())
# Auxiliaries open a question only at the start of a sentence: "... and has an account" does not ask.
_AUXILIARIES = frozenset("""
    do does did is are was were will would should shall may might can could have has had am isn aren doesn
    didn wasn weren if
""".split())
_MODALS = frozenset("may might could would should".split())
# A clause opening with these says when or on what condition ("after I close my account, ..."), not what is wanted;
# what follows the condition in the same clause may still ask or tell ("whenever you can please delete my account").
_SUBORDINATORS = frozenset("after once before until till whenever while since".split())
# The subject of a condition's own verb ("after I close ..."): the verb after it belongs to the condition.
_CONDITION_SUBJECTS = frozenset("i we you they he she".split())
# A question may open with a preposition before its question word ("for how long", "to whom", "in which country").
_PREPOSITIONS = frozenset("for to in within from with by at on till until since of under upon".split())
# After an auxiliary, a subject pronoun makes a question ("is that ok", "can he"); "... and has an account" is not.
_INVERTED_SUBJECTS = frozenset("i you he she it we they that this there these those".split())
# Past forms that do not end in "ed": after "never" they tell a past deed, no instruction ("never bought a plan").
_PAST_FORMS = frozenset("bought sent got gave made told heard saw took went paid read wrote had did knew thought".split())
# Words that open a noun phrase: after "never" they leave out the verb of a statement, as no instruction does.
_NOUN_OPENERS = frozenset("the a an their his her its our these those".split())
_FILLERS = frozenset("please kindly hi hello hey hii ok okay k kk okk okie so just now well also and but then dear "
                     "sir madam team yes oh um hmm yo dude btw".split())
_POLITE = frozenset("can could would".split())
_SUBJECTS = frozenset("i we".split())
_FIRST_PERSON = frozenset("i me my mine myself we us our ours".split())
# Stems of verbs that, after "I" or "we", state what the visitor wants done.
_WISHES = frozenset(stem(w) for w in """
    want wanna like wish request requesting need demand object consent withdraw refuse ask asking expect
    insist prefer hereby
""".split())
# To be sure of something ("I just want to be sure none of that ends up with some marketing company"): an assurance
# sought, which the question that follows asks for (round 34; see `_assurance`).
_ASSURANCES = (("to", "be", "sure"), ("to", "be", "certain"))
# "I'd like to know whether ..." asks a question, however politely it is put; so does an assurance sought.
_INQUIRIES = (("to", "know"), ("to", "understand"), ("to", "find", "out"), ("to", "ask"), ("to", "learn"),
              ("to", "check"), ("wonder",), ("wondering",), ("curious",), ("question",)) + _ASSURANCES
# What the verb an instruction opens with adds to the score of the type it marks, as a phrase of three
# words would: "delete everything you have on me" is a deletion.
VERB_BONUS = 3
# "... if I asked you to": a hypothetical asks about a right rather than exercising it.
_HYPOTHETICAL = (("if", "i", "ask"), ("if", "i", "asked"), ("if", "i", "request"), ("if", "i", "requested"),
                 ("if", "i", "want"), ("if", "i", "wanted"), ("if", "we", "ask"), ("if", "we", "asked"),
                 ("suppose", "i"), ("what", "if", "i"),
                 # "say I ask you to erase me tomorrow, what's the longest I'd have to wait?" (session 54)
                 ("say", "i", "ask"), ("say", "i", "asked"), ("say", "we", "ask"), ("say", "we", "asked")) + tuple(
    # "would you remove a child's information if someone told you about it" (session 52's review AP); not "I'd
    # appreciate it if someone could correct ..."
    ("if", *who, told) for who in (("someone",), ("somebody",), ("anyone",), ("a", "parent"), ("parents",))
    for told in ("told", "tells", "reported", "reports", "asked", "asks", "informed", "informs"))
# The visitor naming themself someone's son or daughter: a grown-up writing about a parent, not about a child.
# "I am the child's mother", "her daughter's teacher": the child is someone else.
_SELF_RELATION = re.compile(r"\b(?:i am|i'm|im|as)\s+(?:his|her|their)\s+(?:only\s+)?(?:son|daughter|grandson|"
                            r"granddaughter|nephew|niece|child|kid)\b(?!['\u2019]s)", re.IGNORECASE)
# A grown child or other relative who set the account up for the visitor: "my son made an account for me", "my nephew
# set up my account" (fresh31; older visitors often say so), "my son is typing this for me" (fresh42). The relative
# helped; the data is the visitor's.
_HELPING_RELATIVE = re.compile(r"\bmy\s+(?:elder\s+|eldest\s+|younger\s+)?(?:son|daughter|grandson|granddaughter|"
                               r"nephew|niece|kid|child|cousin)\s+(?:\w+\s+){0,2}?(?:set|sets|setup|made|makes|created|"
                               r"creates|opened|registered|signed|installed|helped|helps|typing|typed|writing|wrote)\b"
                               r"(?:\s+\w+){0,4}?\s+"
                               r"(?:for\s+(?:me|us|my|our)\b|(?:my|our)\s+(?:account|profile|login|id)\b|me\s+up\b)",
                               re.IGNORECASE)
# Anyone else who may be a child, named in what is left of the message.
_ANY_CHILD = re.compile(r"\b(?:kids?|child|children|sons?|daughters?|grand(?:son|daughter|child|kid)s?|grandchildren|"
                          r"nephews?|nieces?|cousins?|siblings?|brothers?|sisters?|students?|pupils?|minors?|underage|"
                          r"teens?|teenagers?|toddlers?|bab(?:y|ies)|boys?|girls?|graders?|schoolkids?|"
                          # ... or said to be at school, or to have things of their own (the review of round 37: "he
                          # used his own school email, he is in class 6", "she is still in school")
                          r"school|schoolboys?|schoolgirls?|class(?:es)?|standard|std|grade)\b|\b(?:his|her)\s+own\b"
                          # ... or said to be in a year of school, or to have data of their own held (the review of
                          # round 46: "my son is typing this for me, he is in 7th, delete his data")
                          r"|\bin\s+\d{1,2}(?:st|nd|rd|th)\b|\b(?:his|her)\s+(?:data|details|info|information)\b",
                          re.IGNORECASE)


# A son or daughter the message shows grown: married, advising the visitor, working or living elsewhere ("after my son's
# marriage", "my son told me to re-read it every year", "mera beta bolta hai ye mera haq hai", "my daughter works in
# Pune": session 47's review, where such a son sent access and correction requests to the child's-data form).
_GROWN_RELATIVE = re.compile(r"\b(?:my|mera|meri|mere)\s+(?:elder\s+|eldest\s+|younger\s+)?(?:son|daughter|beta|beti|"
                             r"bete)(?:['\u2019]s\s+(?:marriage|wedding|wife|husband|office|job|company)\b|\s+(?:\w+\s+)?"
                             r"(?:told|tells|says|said|asked\s+me|advised|suggested|bolta|bolti|bola|boli|kehta|kehti|"
                             r"works|worked|working|lives|lived|is\s+married|got\s+married|was\s+visiting|visiting|"
                             r"visited)\b)", re.IGNORECASE)


def _only_helpers(text: str) -> bool:
    """Whether every child the message may name is a relative who set the visitor's account up (`_HELPING_RELATIVE`)
    or is shown grown (`_GROWN_RELATIVE`)."""
    rest, found = _HELPING_RELATIVE.subn(" ", text)
    rest, grown = _GROWN_RELATIVE.subn(" ", rest)
    return bool(found or grown) and _ANY_CHILD.search(rest) is None


def names_no_child(text: str) -> bool:
    """Whether the sons, daughters or other young relatives a message names are all the visitor's helpers or grown
    (`_only_helpers`), with no age under 18 told: "My son set up this account for me while he was visiting from
    Bangalore ... I request access ...". (A message naming none of them says nothing here: "bete ka account", a child
    in Hindi, is not read by these patterns.)"""
    return not _mentions_minor(text) and _only_helpers(text)


_AGE = re.compile(r"\b(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?)\b", re.IGNORECASE)
# "my sister is 12", "aged 10", "a 9 yo": someone's age, which for a child marks a child's-data report.
# Not a number that counts something else: a unit, "of" ("he is 1 of our admins"), "and a half", "to 5" (the review
# of round 15, E: "my agent said he is 10 min away", "our developer says he is 12 hrs ahead of us").
_NOT_AGE_AFTER = (r"%|(?:days?|months?|am|pm|min|mins|minutes?|secs?|seconds?|hrs?|hours?|weeks?|wks?|km|kms|"
                  r"kilometers?|kilometres?|miles?|meters?|metres?|steps?|percent|rs|rupees|inr|usd|dollars?|gb|mb|kb|"
                  r"lakhs?|crores?|messages|sms|texts|times|digits|characters|chars|points|stars|users|people|members|"
                  r"employees|staff|agents|admins|per|of|"
                  r"out\s+of|and\s+a\s+half|to\s+\d)\b")
_PERSON_AGE = re.compile(r"\b(?:aged?|is|she's|he's|turned|just)\s+(\d{1,2})\b(?!\s*(?:" + _NOT_AGE_AFTER + r"))|"
                         r"\b(\d{1,2})\s*(?:-|\s)?\s*(?:years?|yrs?|yo|y/o|saal)\b", re.IGNORECASE)
# "They're around 12.", "they are about 10, and ...", "my twins, both 12,": a group's age, said at a clause's end, and only when the group
# named is people who can be children ("they're 9, the twins"); not "we have 3 sender ids, they are 3 and all
# approved", "my contacts, they are 11, got no otp" (the review of round 14).
_GROUP_AGE = re.compile(r"\b(?:they're|theyre|they\s+are|both|both\s+aged|both\s+are)\s+(?:around\s+|about\s+|only\s+|just\s+|barely\s+)?"
                        r"(\d{1,2})(?=\s*(?:[.,;:!?)]|$|and\b|or\b))", re.IGNORECASE)
# A year of school a child is in, said of them now: "she is in 4th standard", "who is in class 6", "he's in the 7th
# grade", "a 5th grader", "a 6th class student"; not "I teach maths in class 9", "I made this account in class 8, I am
# 26 now", "a teacher in class 5", "stuck in grade 2 support", "I finished 12th standard in 2009" (the review of
# session 40).
_GRADE = re.compile(r"\b(?:(?:is|['\u2019]s|are|studies|studying|study)\s+(?:only\s+|just\s+|still\s+|now\s+)?in\s+"
                    r"(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)\s+(?:standard|std|class|grade)|(?:class|standard|std|grade)"
                    r"\s*(\d{1,2})(?:st|nd|rd|th)?)|(\d{1,2})(?:st|nd|rd|th)\s+(?:grader|(?:standard|std|class|grade)\s+"
                    r"(?:student|kid|child|son|daughter|boy|girl)))\b", re.IGNORECASE)
_CHILDREN_NAMED = re.compile(r"\b(?:kids?|children|child|students?|pupils?|sons|daughters|grandchildren|grandkids|"
                             r"grandsons|granddaughters|siblings|brothers|sisters|twins|triplets|nephews|nieces|"
                             r"cousins|boys|girls|graders|toddlers|teens|teenagers|minors)\b", re.IGNORECASE)


# Words that negate the word after them; "t" is what is left of "don't", "won't" once split.
_NEGATIONS = frozenset("no not never without t dont nor".split())
# Types whose request is itself said with "no": "no marketing mails", "no profiling please".
NEGATION_ASKS = frozenset({"marketing_opt_out", "objection"})
# The stem of the objection's own verb ("object", "objection", "objecting"), which a negation before it denies; not
# "unsubscribing" ("we are not unsubscribing, but pls stop the daily sms" opts out, the review of round 23).
_ASKING_ITSELF = frozenset({"object"})
_ABLE = frozenset("can could couldn".split())  # "can't object": an inability, no denial


def negate(stems: list[str], words: tuple[str, ...] | None = None, starts: frozenset[int] = frozenset(),
           actions: frozenset[str] = frozenset(), stop_asked: bool = False) -> list[str]:
    """`stems` with each word right after a negation blanked: "no complaints" marks no grievance. Only within a
    clause ("No. Delete my account."), and never "correct" ("my name is not correct" says it is wrong), a past deed
    ("you have not deleted my account", "my data was not deleted": what was not done) or a verb of action after a
    bare "no" ("no no delete it": a "no" said on its own). `words`: the words the stems come from; `starts`: the
    indices where a clause begins; `actions`: the verbs instructions open with.

    Hindi says "don't" after the verb: "X mat karo" is read "X not do". A deed done once among the three words before
    is not to be done ("mera data delete mat karo", "mera account band mat karo": don't delete it, don't close it),
    so it is blanked; with none, X is what is not to be done, and is blanked ("customers ko sms mat karo"). With
    `stop_asked` (the visitor asks it for themself, "mujhe call mat karo", "mera data use mat karo") only this Hindi
    rule is read, and X is asked stopped: "not do" becomes "stop" ("call stop", "use stop"), which the types whose
    request is itself a "no" (`NEGATION_ASKS`) read."""
    out = list(stems)
    for n in range(1, len(stems) - 1):
        if stems[n] not in _NEGATIONS or (n in starts and not stop_asked) \
                or not (stems[n + 1] == "do" or (words is not None and words[n + 1] in _DOING)):
            continue
        if stop_asked and words[n] != "not":
            continue  # only "mat karo" (read "not do") asks a stop
        # within the clause: "mera account delete kar do, ab use nahi karna" (delete it, I won't use it now) denies no
        # deletion (the eighteenth visitor table)
        opens = max((s for s in starts if s <= n), default=0)
        deed = next((j for j in range(n - 1, max(opens - 1, n - 4), -1) if words[j] in _UNDONE), None) \
            if words is not None else None
        if deed is not None:
            out[deed] = ""
        elif stop_asked:
            out[n] = "stop"
        else:
            out[n - 1] = ""
        if stop_asked:
            out[n + 1] = ""
    if stop_asked:
        return out
    told_misuse = None
    for i in unwished(stems, words, starts):
        if stems[i] in _COMPLAINT_WORDS:
            # "I don't want to complain, I just want my data deleted" makes no complaint; "I don't want to complain,
            # but you shared my number with others" tells one all the same
            if told_misuse is None:
                told_misuse = _misused([stem(w) for w in words]) if words is not None else False
            if told_misuse:
                continue
        out[i] = ""  # "I don't want my account deleted, just paused": no deletion asked

    def kept(i: int) -> bool:
        if not i or stems[i - 1] not in _NEGATIONS or i in starts:
            return True
        if words is None:
            return False
        word = words[i]
        return (word == "correct" or word.endswith("ed") or word in _PAST_DEEDS
                or (words[i - 1] == "no" and word in actions))
    return [(s if kept(i) else "") for i, s in enumerate(out)]


# A wish or a request said with a negation before it: "I don't want ...", "I'm not asking you to ...", "I never wanted
# ...", "I didn't request ...", "no need to ...".
_WISH_VERBS = frozenset("""want wanted wants wanting need needed asking asked ask request requested requesting mean meant
    trying intend intended wish wished like""".split())
# What ends the unwished thing inside its clause: "I don't want my account deleted *just* paused", "... *so* please
# delete it", "I don't want my account *anymore* delete it".
_UNWISHED_ENDS = frozenset("""just only but instead rather so please pls plz kindly anymore again i""".split())
# Verbs of stopping, themselves a request of the types asked with "no" (`NEGATION_ASKS`): unwished, they ask nothing
# ("I don't want to unsubscribe, I just want fewer emails").
_STOPPING = frozenset(stem(w) for w in "unsubscribe unsub stop opt optout object".split())
# Words of the markers that say no type of their own: what a request is about, or its grammar ("my account", "all the
# data you have about me"). What is left of a type's markers is its own (`Intents.said_no_to`).
_SHARED_MARKER_STEMS = frozenset(stem(w) for w in """a about account all be data detail details info information is me
    my mine of on the to you your have has get got i it our that this for in into as can from up out off with what
    whatever everything nothing them new old now number phone email name address file record records stuff personal
    keep kept store want not no never don dont t do say how more back down left remain exist stay gone else than
    there stop know see year years age under old""".split())
# What a clause that only takes back what came before says: "actually never mind", "nah not needed", "forget it", "not
# now", "let it be".
_TAKING_BACK = frozenset("""actually nah nope no not never mind nvm needed need forget it let be leave now wait scratch
    that cancel this ok okay please pls sorry""".split()) | _FILLERS


# A clause that takes a request back: opening (after "actually", "ok", "wait", ...) with "never mind" or "forget (about)",
# or cancelling, withdrawing or revoking a request ("cancel my erasure request"); and "I changed my mind".
_BEFORE_TAKING_BACK = frozenset("actually ok okay oh wait so no sorry please pls hmm umm um".split())
_NEVER_MIND = (("never", "mind"), ("nevermind",), ("nvm",), ("forget", "it"), ("forget", "that"), ("forget", "about", "it"),
               ("forget", "about", "that"), ("forget", "about", "the"), ("scratch", "that"))  # (not "forget about me")
_CANCELLING = frozenset("cancel cancelled canceled withdraw withdrawn retract revoke".split())
_REQUESTED = frozenset("request requests application".split())


def taken_back(query: Query) -> set[int]:
    """The indices of `query.words` in clauses that take a request back, and the "changed" of "changed my mind": "never
    mind about the deletion, leave my data as it is", "actually cancel my erasure request, i changed my mind" (session
    52's review AO); not "cancel my account and delete everything", "never mind the cookies, just delete my account",
    "I changed my mind, please delete my account", whose other clause asks."""
    ws, out = query.words, set()
    for part, start in zip(query.parts, part_starts(query)):
        if start is None:
            continue
        words = part.words
        k = 0
        while k < len(words) and words[k] in _BEFORE_TAKING_BACK:
            k += 1
        opening = words[k:]
        if any(opening[: len(phrase)] == phrase for phrase in _NEVER_MIND) or any(
                w in _CANCELLING and _REQUESTED & set(words[j + 1 : j + 6]) for j, w in enumerate(words)):
            out.update(range(start, start + len(words)))
    out.update(i for i, w in enumerate(ws) if stem(w) == "chang" and ws[i + 1 : i + 3] in (("my", "mind"), ("our", "mind")))
    return out


_THE_POLICY_NAMED = frozenset("policy policies notice".split())


def _takes_back(words: tuple[str, ...]) -> bool:
    """Whether a clause with a "no" says nothing but that it takes back what came before (`_TAKING_BACK`)."""
    return set(words) <= _TAKING_BACK


# The verbs of request an unwished span may hold, which alone it blanks (never the visitor's things: "I don't want my
# son's data with you" is a child's-data report, "I don't want my number on your list remove it" a deletion; the review
# of round 15, C1), and their nouns ("I didn't request deletion").
_REQUEST_WORDS = frozenset("""delete deleted deleting deletion erase erased erasing erasure remove removed removing
    removal stop stopped stopping change changed changing correct corrected correcting correction update updated
    updating fix fixed unsubscribe unsubscribed unsubscribing unsub opt opting optout close closed closing cancel cancelled
    canceled object objection restrict restricted export exported download downloaded withdraw withdrawn
    complain complaining complaint escalate escalating copy copies""".split())
# A complaint said not wanted makes none ("I don't want to complain, I just want my data deleted": round 18)
_COMPLAINT_WORDS = frozenset(stem(w) for w in "complain complaining complaint escalate escalating".split())
# Someone else complaining ("my CA is complaining", "one parent complained to me", "customers are complaining"): told,
# not the visitor's complaint (fresh35) ...
_OTHERS_COMPLAIN = re.compile(r"\b(?:she|he|they|customers?|clients?|users?|parents?|people|someone|somebody|"
                              r"(?:my|our|a|one|the|his|her|their)\s+(?!team\b|staff\b|company\b|firm\b)\w+)\s+"
                              r"(?:is\s+|are\s+|was\s+|were\s+|has\s+|have\s+|had\s+|keeps?\s+|kept\s+|also\s+)?"
                              r"(?:complaining|complained|complains)\b", re.IGNORECASE)
# ... unless the visitor complains too, or names a grievance otherwise.
_OWN_COMPLAINT = re.compile(r"\b(?:i|we|me|us)\b[^.?!]{0,30}\b(?:complain\w*|grievance\w*|escalat\w*)|"
                            r"\b(?:complaint|grievance)\b|mishandl|misus|leaked|ignor|no reply|no response|never repl|"
                            r"never respond|never answer|not respond|not repl|unhappy|dissatisfied|not satisfied|"
                            r"not happy|redress|lodge|upset|fed up|angry|disappointed|report|violation|harass|leak|"
                            r"nobody|no one|no action|take action", re.IGNORECASE)


def _only_others_complain(text: str) -> bool:
    """Whether the only complaint a message speaks of is someone else's."""
    return _OTHERS_COMPLAIN.search(text) is not None and _OWN_COMPLAINT.search(_OTHERS_COMPLAIN.sub(" ", text)) is None
# A complaint threatened if a request is not met ("delete all my data now or I will file a complaint", "mera data
# delete karo, warna complaint karunga"): the threat's "or ..." with a complaint and a future in it.
_THREAT = re.compile(r"\b(?:or|or else|otherwise|else|warna|varna|nahi to|nahi toh|nahin to)\b([^.?!]{0,60})",
                     re.IGNORECASE)
_THREATENED = re.compile(r"\b(?:complain\w*|grievance\w*|escalat\w*)", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:i will|i'll|ill|i shall|we will|we'll|i am going to|i'm going to|im going to|"
                     r"we are going to|karunga|karungi|karenge|kar dunga|kar dungi|karoonga)\b", re.IGNORECASE)


def _only_threatens_complaint(text: str) -> bool:
    """Whether every complaint a message makes is threatened, should another request not be met (`_THREAT`)."""
    threats = [m.group(1) for m in _THREAT.finditer(text)]
    if not any(_THREATENED.search(t) and _FUTURE.search(t) for t in threats):
        return False
    rest = _THREAT.sub(" ", text)
    return _OWN_COMPLAINT.search(rest) is None


# The same verbs said as an instruction, which end the unwished span even with no comma: "I never asked for this
# account *delete* it", "I didn't ask for these messages *stop* sending".
_IMPERATIVES = frozenset("""delete erase remove stop change correct update fix unsubscribe close cancel restore export
    download withdraw block""".split())
# Words before a verb that make it the unwished one, not an instruction: "not asking you *to* delete".
_NOT_IMPERATIVE_AFTER = frozenset("to be being get getting have has not never dont".split())


def unwished(stems: list[str], words: tuple[str, ...] | None, starts: frozenset[int] = frozenset()) -> list[int]:
    """The indices of what a negated wish or request says is not wanted: from the wish to its last verb of request
    (`_REQUEST_WORDS`) before the end of its clause, a word that turns to what is (`_UNWISHED_ENDS`) or an instruction
    (`_IMPERATIVES`): "I never wanted *my number changed*", "I'm not asking you *to delete* anything, just tell me
    ...", "I didn't request *deletion*. Please restore my account". With no verb of request nothing: "I don't want my
    son's data with you" is a child's-data report, "I don't want my data here | delete it now" a deletion. Not a wish
    to stop ("I don't want marketing mails" asks an opt-out: the types asked with "no" read the stems before this)."""
    if words is None:
        return []
    found: list[int] = []
    for n in range(len(stems) - 1):
        if stems[n] not in _NEGATIONS:
            continue
        if words[n + 1] in _WISH_VERBS:
            first = n + 2
        elif _doing_not(words, n):
            first = n + 1  # "I'm not *unsubscribing*, just curious how you use my email"
        else:
            continue
        last = None  # the span's last verb of request
        end = len(words)
        for i in range(first, len(words)):
            if i in starts or words[i] in _UNWISHED_ENDS:
                end = i
                break
            if i > first and words[i] in _IMPERATIVES and words[i - 1] not in _NOT_IMPERATIVE_AFTER:
                end = i
                break
            if words[i] in _REQUEST_WORDS:
                last = i
        if last is not None and _only_another_thing(words, end, starts):
            # "I don't want to delete my account(,) just my phone number": the deed is wanted, done to another thing;
            # only what it is not to be done to is blanked
            found += [i for i in range(first, last + 1) if words[i] not in _REQUEST_WORDS]
        elif last is not None:
            found += range(first, last + 1)  # with what it is said of: "I never wanted *my number changed*"
    return found


_ONLY = frozenset("just only".split())
_OWNERS = frozenset("my our the".split())


def _only_another_thing(words: tuple[str, ...], end: int, starts: frozenset[int]) -> bool:
    """Whether the unwished span ends at "just" / "only" and what follows, to its clause's end, is nothing but a thing
    of the visitor's ("just my phone number", "only the old email id"): no verb, nothing done to it ("just my account
    paused", "only asking"), no "to"."""
    if end >= len(words) or words[end] not in _ONLY:
        return False
    rest = []
    for i in range(end + 1, len(words)):
        if i in starts:
            break
        rest.append(words[i])
    return (1 < len(rest) <= 5 and rest[0] in _OWNERS
            and not any(w in _REQUEST_WORDS or w in _WISH_VERBS or w in _IMPERATIVES or w == "to"
                        or w.endswith(("ed", "ing")) or w in _NOT_A_THING or w in _NOT_A_DETAIL for w in rest)
            and any(w in _ONLY_DETAILS for w in rest))


# Words after "just my ..." that say something else than a thing: "just my curiosity", "just my question".
_NOT_A_THING = frozenset("curiosity question doubt query concern opinion thought thoughts feedback".split())
# The thing must be one of the visitor's personal details ("just my phone number", "only my old email id", "just my
# chat history", "just my card details", "only my second account"), not the product's, a plan's or another person's
# (the review of round 16: "just my plan", "just my sender id", "just my api key", "just my team member", "just my
# wife's number")
_ONLY_DETAILS = frozenset("""number numbers phone mobile landline email emails mail id address name surname photo photos
    picture pic dp chat chats history messages message data info information contacts card cards bank credit payment
    account accounts""".split())
_NOT_A_DETAIL = frozenset("""s sender template templates campaign campaigns api key keys plan plans order orders wallet
    trial subscription password integration app apps login users user team member members test business employee
    reset link""".split())


def _doing_not(words: tuple[str, ...], n: int) -> bool:
    """Whether the visitor says what they are not doing at `n` ("I'm not deleting anything", "I am not
    unsubscribing"): "not" after "I'm" / "im" / "I am" and before a verb of request in -ing. Not "why are you not
    deleting my data", which is said of us."""
    return (words[n] == "not" and n >= 1 and words[n - 1] in _I_AM and words[n + 1].endswith("ing")
            and words[n + 1] in _REQUEST_WORDS)


_I_AM = frozenset("im am m".split())


# The visitor's details, which a product word (`unless`) beside them does not make the product's.
_VISITORS_DETAILS = frozenset(stem(w) for w in """account accounts data detail details information info name email
    address number phone mobile contacts profile records""".split())
_MY = frozenset("my our mine".split())
_DATA_HEADS = frozenset(stem(w) for w in "data information info".split())
_EVERYTHING = frozenset(stem(w) for w in "everything anything".split())
_DETERMINERS = frozenset("the a an all these those this that your ur my our any".split())
_COORDINATION = frozenset("or and".split())


def _near(part: list[str], i: int, h: int) -> bool:
    """Whether word h is near word i: two words apart at most, or three with only determiners between ("delete all
    the cookies"), and no "or"/"and" between ("OTPs or promotions" names two things)."""
    between = part[min(i, h) + 1 : max(i, h)]
    if _COORDINATION & set(between):
        return False
    return len(between) <= 1 or (len(between) == 2 and all(w in _DETERMINERS for w in between))


_MYSELF = frozenset("i me my mine myself".split())
# Past forms that do not end in "ed": "you have not taken my number off", "it was not done".
_PAST_DEEDS = frozenset("done taken gone made sent".split())


_CHANGING = frozenset(stem(w) for w in "update change".split())
_HELD = (("you", "have"), (stem("on"), stem("file")))


def _held_detail(marker: tuple[str, ...]) -> bool:
    """Whether a marker changes a detail named as what we hold ("update address you have", "change email on file"),
    which is the visitor's only when they speak of themself ("... for me", "my new one"): not "change the number you
    have on file for our support line", "can you change the name you have on the invoice header"."""
    return marker[0] in _CHANGING and marker[-2:] in _HELD


def part_starts(query: Query) -> list[int | None]:
    """Where each clause of `query.parts` begins in `query.words` (None for one not found there)."""
    starts, cursor = [], 0
    for part in query.parts:
        n, start = len(part.words), None
        for pos in range(cursor, len(query.words) - n + 1):
            if query.words[pos : pos + n] == part.words:
                start, cursor = pos, pos + n
                break
        starts.append(start)
    return starts


def clause_starts(query: Query) -> frozenset[int]:
    """The indices of `query.words` where a clause (`query.parts`) begins."""
    return frozenset(start for start in part_starts(query) if start is not None)


def _has_marker(marker: tuple[str, ...], stems: list[str]) -> bool:
    """Whether the marker's words occur in order, at most two words apart, and no "to" between two of them: "to"
    opens a verb of its own ("what you do to keep our list safe" is not "what you keep"). A verb that goes "to"
    somewhere ("switching to", "moving to") goes there itself, its "to" next to it: "switch my number to my new one"
    moves the number, not the visitor (round 22)."""
    if len(marker) == 2 and marker[0] in _DATA_FIRST and marker[1] not in _DATA_FIRST:
        return _verb_last(marker, stems)
    if marker[-1] == "to":
        return _goes_elsewhere(marker, stems)
    return contains_phrase(marker, stems, max_skip=2, barrier="to")


# Where a verb of going ends when the visitor comes to us: "we moved to you last month after our old vendor's leak".
_TO_US = frozenset("you u your ur yours us".split())
_GOES = frozenset({("go",), ("goes",), ("went",), ("gone",), ("going",)})
_INDEFINITE = frozenset("something anything things thing stuff nothing everything what".split())  # "what went wrong"
_ELSEWHERE = frozenset(stem(w) for w in "competitor competitors rival rivals competition".split())
_GOING_VERBS = frozenset(stem(w) for w in "move moving moved switch switching switched shift migrate go going".split())


def _goes_elsewhere(marker: tuple[str, ...], stems: list[str]) -> bool:
    """Whether a marker that goes "to" somewhere ("moving to", "switching to") is said, its words next to each other,
    and somewhere other than to us: "moving to zoho" and "switching to your competitor" take the data away, "we moved to
    you last month" brought it."""
    n = len(marker)
    going = marker[0] in _GOING_VERBS  # not "say no to": "can i say no to you processing my data" objects
    return any(tuple(stems[i : i + n]) == marker
               and not (going and stems[i + n : i + n + 1] and stems[i + n] in _TO_US
                        and not (stems[i + n + 1 : i + n + 2] and stems[i + n + 1] in _ELSEWHERE))
               for i in range(len(stems) - n + 1))


# Hindi puts the verb after its object ("mera data send karo" reads "my data send"); in English a subject between
# them makes it a relative clause: "whether data we send through your platform is protected" asks nothing sent.
# Not "i" nor "you": Hinglish "mera pura data mujhe send kar do" reads "mujhe" as "i", "mera data aap send kar do"
# reads "aap" as "you".
_DATA_FIRST = frozenset(stem(w) for w in "data information info details".split())
_SUBJECT_PRONOUNS = frozenset("we they he she it".split())
_NOT_VERB_LAST = _SUBJECT_PRONOUNS | {"to"}  # between the noun and the verb: a relative clause, or a verb's own "to"


def _verb_last(marker: tuple[str, ...], stems: list[str]) -> bool:
    """Whether a Hindi-order marker ("data send") is said: its verb at most two words after its noun, none of them
    an English subject or "to"."""
    noun, verb = marker
    for i, word in enumerate(stems):
        if word == noun:
            between = stems[i + 1 : i + 4]
            if verb in between:
                skipped = between[: between.index(verb)]
                if not _NOT_VERB_LAST & set(skipped):
                    return True
    return False


def _in_one_clause(marker: tuple[str, ...], stems: list[str], starts: frozenset[int]) -> bool:
    """Whether a marker of several words is said inside one clause (`starts`: where clauses begin in `stems`), not
    across a break: "I have been a customer for years, delete my old account" says no "years old"."""
    if len(marker) == 1 or not starts:
        return True
    edges = [0, *sorted(starts), len(stems)]
    return any(_has_marker(marker, stems[a:b]) for a, b in zip(edges, edges[1:]) if b - a >= len(marker))


class IntentsError(YamlFileError):
    """`intents.yaml` is malformed; the message names the file, line and problem."""


@dataclass(frozen=True)
class Field:
    """One input of the request form."""

    name: str
    label: str
    type: str  # text, email, textarea, integer or choice
    max_length: int | None = None
    min: int | None = None
    max: int | None = None
    choices: tuple[str, ...] = ()
    help: str | None = None


@dataclass(frozen=True)
class Intent:
    """One request type: how to recognise it, what to say, what the form asks."""

    name: str
    label: str
    description: str
    clause: str
    reply: str
    markers: tuple[tuple[str, ...], ...]  # stemmed phrases
    unless: tuple[tuple[str, ...], ...]  # stemmed phrases that rule this type out
    examples: tuple[str, ...]
    fields: tuple[Field, ...]
    urgent: bool = False
    priority: int = 0
    line: int = 0

    def score(self, stems: list[str], present: set[str], negated: list[str] | None = None,
              parts: list[list[str]] | None = None, ignore_unless: bool = False, mine: bool = True,
              starts: frozenset[int] = frozenset()) -> int:
        """How strongly the message's stems mark this type: each phrase found counts its length.

        `present` is set(stems): phrases whose first word is absent are skipped without a scan.
        `negated`: the stems with each word right after a negation blanked (`negate`): a marker said with "no" or
        "not" before it ("no complaints", "I have no access to my account", "don't delete it") marks nothing,
        unless the type is one whose request is itself a "no" (`NEGATION_ASKS`: "no marketing", "no profiling").
        `starts`: where the message's clauses begin. An urgent type's markers name someone ("little brother", "years
        old"), which is said inside one clause: such a marker of several words counts only there. (Other types' markers
        may span a break: "I have the right to get my data, right? send it to me".)
        """
        unless, markers = self._by_first
        # (access to the visitor's own things taken away is still no access request: "revoke their access to our data")
        said = stems if self.name == "access" else _access_to_theirs(stems)
        if not ignore_unless and any(contains_phrase(phrase, said, max_skip=2)
                                     for word in present if word in unless for phrase in unless[word]) \
                and not any(self._free(part, stems) for part in parts or ()) and not self._and_mine(stems) \
                and not (self.name == "grievance" and (any(_misused(part) or _grievance_named(part)
                                                           for part in parts or [stems]) or _data_exposed(stems))):
            # a complaint that the visitor's data was shared, sold, leaked or read is about data whatever product word
            # it names ("I want to complain about my otp being shared with third parties", the review of round 16)
            return 0
        if negated is None:
            negated = stems
        elif self.name in NEGATION_ASKS:
            # "no profiling" asks, but the request's own verb denied does not: "I don't object to anything", "no
            # objection", "we're not objecting ... just checking" (the eighteenth visitor table)
            # (an inability is no denial: "I can't object online, the form is broken, so I object here")
            negated = [n if s in _ASKING_ITSELF and not (i >= 2 and stems[i - 2] in _ABLE) else s
                       for i, (s, n) in enumerate(zip(stems, negated))] if _ASKING_ITSELF & present else stems
        return sum(len(marker) for word in present if word in markers for marker in markers[word]
                   if _has_marker(marker, heard := stems if marker[0] in _NEGATIONS else negated)
                   and (not self.urgent or _in_one_clause(marker, heard, starts)) and (mine or not _held_detail(marker)))

    def _and_mine(self, stems: list[str]) -> bool:
        """Whether a marker is followed by one of the visitor's details joined on with "and"/"or" and no `unless` word
        beside it: "update my billing address and my phone number" asks the phone number corrected too (round 18),
        though the clause break at "and" leaves "my phone number" with no marker of its own."""
        unless, markers = self._by_first
        for k, word in enumerate(stems):
            if word in _COORDINATION and stems[k + 1 : k + 2] and stems[k + 1] in _MY \
                    and stems[k + 2 : k + 3] and stems[k + 2] in _VISITORS_DETAILS \
                    and not any(w in unless for w in stems[k + 1 : k + 5]) \
                    and any(_has_marker(marker, stems[:k]) for w in set(stems[:k]) if w in markers
                            for marker in markers[w]):
                return True
        return False

    def _free(self, part: list[str], whole: list[str] | None = None) -> bool:
        """Whether a clause (its stems) marks this type untouched by its `unless` words: it has a marker, and either
        no `unless` word, or a marker no `unless` word stands near and one of the visitor's details ("my ...")
        that no `unless` word stands beside ("delete my account,
        my templates and all my contacts", "my email is wrong in your campaign emails"; not "change the sender
        name", "update the email template")."""
        unless, markers = self._by_first
        present = set(part)
        found = [marker for word in present if word in markers for marker in markers[word] if _has_marker(marker, part)]
        if not found or (self.name == "grievance"
                         and set(part) <= _HEADING_WORDS | {w for marker in found for w in marker}):
            # a complaint that is only its marker, a heading for the next clause ("complaint: my campaign was not
            # delivered on time", "I have a complaint. my otp ..."), says nothing of its own (round 18)
            return False
        if set(part) <= _POINTING | {w for marker in found for w in marker} and _POINTING_AT & set(part):
            # "correct it", "delete it now": what is acted on is what another clause named, so the whole message says
            # whether it is the product's ("my billing address on the invoice is wrong, correct it", "my api key
            # leaked, delete it") or the visitor's ("my campaign data has my personal number, delete it"; round 18)
            return whole is not None and len(whole) > len(part) and self._free(whole)
        if whole is not None and len(whole) > len(part) and (part[:1] and part[0] in _ASKING_HOW
                                                              or part[:2] in (["can", "i"], ["can", "we"], ["could", "i"])) \
                and not _VISITORS_DETAILS & present and any(
                part[i + 1 : i + 2] and part[i + 1] in _POINTING_AT
                for marker in found if len(marker) == 1 for i, word in enumerate(part) if word == marker[0]):
            # "I scheduled a campaign by mistake, how do I delete it before it goes out tonight?": the verb acts on what
            # another clause named, whatever else this one asks (round 36); a question only ("You still have the PAN
            # card copy we uploaded, please delete it" names the visitor's document: the review of round 36)
            return self._free(whole)
        hits = [i for i, word in enumerate(part) if word in unless
                and any(contains_phrase(phrase, part[i:], max_skip=2) for phrase in unless[word])]
        details = [i for i, word in enumerate(part) if word in _VISITORS_DETAILS]
        # "the name on my invoice is wrong": a paper we issue to the visitor only says where their detail is written
        # (not "the amount on my invoice", "the sender name on my campaign", "the name in my template": what the
        # visitor writes with the product is theirs to change)
        hits = [h for h in hits if not (part[h] in _ISSUED and any(part[i + 1 : i + 2] in (["on"], ["in"])
                                                                   and i + 2 <= h <= i + 3 for i in details))]
        if not hits:
            return True
        if all("to" in part[max(0, h - 3) : h] for h in hits):
            # what it is changed to is the product's: "switch my account to the business plan", "change my number to
            # the new template" (round 22)
            return False
        # "my" names something of the visitor's unless the product word is what it names ("from my campaign report",
        # "slow delivery of my campaign")
        # ... nor, in a complaint, the messages the product delivers ("I want to complain that my messages are not
        # delivered": round 18, the review of round 16 E)
        own = any(word in _MY and not any(0 < h - i <= 2 for h in hits)
                  and not (self.name == "grievance" and part[i + 1 : i + 2] and part[i + 1] in _DELIVERED_THINGS)
                  for i, word in enumerate(part))
        if not details and not own and not (_EVERYTHING | _COORDINATION) & present:
            # nothing of the visitor's named but the product word: "is there a way to nuke just the tracking cookies"
            # (not "I don't want OTPs or promotions": two things named)
            return False
        if any(part[i + 1 : i + 2] == ["you"] or (part[i] in _DATA_HEADS and i - 1 in hits) for i in details):
            # "the integration data you collected from my shopify", "the campaign data of my customers": data we
            # hold, whatever it is named ("sender name", "email template" are the product's)
            return True
        # a marker with a product word near it is said of the product: "wrong otp", "stop sending me OTPs", "the otp
        # spam", "delete all the cookies"; not "OTPs or promotions" (two things named)
        if not any(all(not _near(part, i, h) and not _near(part, i + len(marker) - 1, h) for h in hits)
                   for marker in found for i, word in enumerate(part) if word == marker[0]):
            return False
        bound = [i for i in details if any(abs(i - h) <= 1 for h in hits)]  # "sender name", "email template"
        return not bound or any(i not in bound and _MY & set(part[max(0, i - 3) : i]) for i in details)

    @cached_property
    def _by_first(self) -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]:
        """`unless` and `markers` by their first word: a message holds the first words of few of them."""
        return _by_first_word(self.unless), _by_first_word(self.markers)


# A user's access or login ("remove his access"), which `unless` phrases name as the product's, unless it is access to
# the visitor's own things: "remove his access to my data, he is my ex-husband" asks the visitor's data kept from him.
_ACCESS_WORDS = frozenset(stem(w) for w in "access login permissions permission".split())
_TO_THEIRS = frozenset("to of on over".split())
_THEIR_OWN = frozenset("my our me us mine".split())


def _access_to_theirs(stems: list[str]) -> list[str]:
    """`stems` with each access word blanked where the visitor's own things follow it ("access to my data")."""
    if not _ACCESS_WORDS & set(stems):
        return stems
    return ["" if s in _ACCESS_WORDS and stems[i + 1 : i + 2] and stems[i + 1] in _TO_THEIRS
            and stems[i + 2 : i + 3] and stems[i + 2] in _THEIR_OWN else s for i, s in enumerate(stems)]


_DELIVERED_THINGS = frozenset(stem(w) for w in "messages message sms texts msgs msg mails whatsapps".split())

# A clause that only points back at what another named: "fix it", "please delete them now".
_POINTING_AT = frozenset("it them that this those these".split())
_ASKING_HOW = frozenset("how where what is".split())  # a question's opening (stems; "can you ..." asks for it done)
_POINTING = _POINTING_AT | frozenset(stem(w) for w in """please pls plz kindly now asap too also immediately right away
    quickly soon today do the same then so and""".split())

# What a heading clause may hold besides its marker: "I have a complaint", "my complaint", "formal complaint here".
_HEADING_WORDS = frozenset(stem(w) for w in """i we have has got a an the my our this here is it to want would like
    file lodge raise register make new another one formal serious urgent please pls plz kindly hi hello dear sir madam
    team ok so""".split())

_MISUSE = frozenset(stem(w) for w in "shared sharing sold selling leaked leaking misused misusing exposed".split())


def _misused(part: list[str]) -> bool:
    """Whether a clause's stems tell of data misused: shared, sold, leaked, misused, exposed, "read by" someone, or done
    "without (my) consent"."""
    return bool(_MISUSE & set(part)) or any(a == "read" and b == "by" for a, b in zip(part, part[1:])) \
        or any(a == "without" and "consent" in part[i + 1 : i + 3] for i, a in enumerate(part)) \
        or (bool(_PERSONAL_DATA & set(part)) and any((a, b) in _OTHERS for a, b in zip(part, part[1:]))) \
        or _data_exposed(part)


# The visitor's data shown to others, or others' data shown to the visitor (round 18: "I have a complaint, my delivery
# report shows my personal number to others", "my invoice shows someone else's data"): data mishandled.
_SHOWN_DATA = frozenset(stem(w) for w in "data number numbers details information info email address name".split())
_OTHERS = frozenset([("to", "other"), ("someon", "els"), ("other", "peopl"), ("other", "user"), ("other", "custom"),
                     ("anoth", "custom"), ("anoth", "user"), ("somebodi", "els")])


# Round 18 fix: the visitor's personal data exposed or misused makes a complaint a grievance whatever product word it
# names ("the otp messages reveal my personal details", "my template contained my personal number and you published
# it", "my number is being used in campaigns I never agreed to", "my personal data was sent in a promotional
# campaign"). A data word of the visitor's ("my" among the two words before it) near a verb of exposure, or a verb of
# use near a campaign or with no consent; neither verb negated ("my template is not published" is the product's).
_PERSONAL_DATA = _SHOWN_DATA | frozenset(stem(w) for w in "aadhaar aadhar pan kyc personal".split())
_EXPOSING = frozenset(stem(w) for w in """reveal reveals revealed revealing publish published publishes publishing
    disclose disclosed discloses disclosing expose exposes exposing""".split())
_USED_IN = frozenset(stem(w) for w in "used using use sent added included put".split())
_PROMOTING = frozenset(stem(w) for w in "campaign campaigns promotional promotion promotions marketing ads advertising".split())
_NO_CONSENT = frozenset(stem(w) for w in "consent consented agree agreed agreeing permission authorised authorized".split())
_NOT = frozenset("not never t dont no without nobody".split())
_WE = frozenset("i we".split())


def _data_exposed(stems: list[str]) -> bool:
    """Whether the stems tell of the visitor's personal data exposed (revealed, published, disclosed) or used in a
    campaign or without consent ("I never agreed", "without agreeing")."""
    data = [i for i, s in enumerate(stems) if s in _PERSONAL_DATA and _MY & set(stems[max(0, i - 2) : i])]
    if not data:
        return False

    def said(j: int) -> bool:
        # not negated ("not published", "never revealed", "didn't reveal"), nor done by the visitor ("I used my number
        # in a campaign and it failed")
        return not (_NOT | _WE) & set(stems[max(0, j - 2) : j])

    for j, s in enumerate(stems):
        if s in _EXPOSING and said(j) and any(abs(i - j) <= 6 for i in data):
            return True
        if s in _USED_IN and said(j) and any(0 < j - i <= 4 or 0 < i - j <= 2 for i in data):
            after = stems[j + 1 : j + 12]
            if _PROMOTING & set(stems[j + 1 : j + 6]) or any(
                    a in _NOT and b in _NO_CONSENT or b in _NOT and a in _NO_CONSENT
                    for a, b in zip(after, after[1:])) \
                    or any(a in _NOT and _NO_CONSENT & set(after[k + 1 : k + 3]) for k, a in enumerate(after)):
                return True
    return False


def _grievance_named(part: list[str]) -> bool:
    """Whether a clause names the grievance officer or raises / files / lodges a grievance: always a grievance, whatever
    product word the message names ("I complained about spam otps and nobody responded, I want to escalate to the
    grievance officer"; round 18 fix). Not a bare "grievance:" heading ("grievance: my refund is pending")."""
    return any(a == _GRIEVANCE and b == _OFFICER for a, b in zip(part, part[1:])) \
        or any(a in _RAISING and _GRIEVANCE in part[i + 1 : i + 4] for i, a in enumerate(part))


_GRIEVANCE, _OFFICER = stem("grievance"), stem("officer")
_RAISING = frozenset(stem(w) for w in "raise raised raising file filed filing lodge lodged lodging register registered submit submitted".split())


@dataclass(frozen=True)
class Detection:
    """A request type found in a message, and whether the visitor is making the request."""

    intent: Intent
    request: bool  # True: "delete my data"; False: "can I delete my data?"
    score: int


def split_clauses(text: str) -> list[Part]:
    """Split a message into clauses, remembering which ended with a question mark (see `app.engine.text.Analyser`)."""
    return list(analyse(text).parts)


# What we do with data that a visitor tells us not to do ("do not share my number", "do not use my data for analytics").
_DO_NOT_DO = frozenset("""use share sell process track call contact message text disturb spam profile target analyse
    analyze disclose pass email mail sms whatsapp ping bother""".split())


# What "have" or "get" opens an instruction on ("please have it corrected", "get my number removed")
_HAD_DONE_TO = frozenset("it that this them these those my our".split())
# A clause that ends asking leave (`_asks_leave`): "is that allowed", "would it be ok", "is this legal"
_LEAVE_ASKED = frozenset("allowed ok okay fine possible legal permitted acceptable".split())


def _asks_leave(tokens: list[str]) -> bool:
    """Whether a clause ends by asking whether something is allowed, with or without a "?": "... is that allowed",
    "... would that be ok"; not "... that is fine" (told)."""
    end = tokens[-4:] if tokens[-2:-1] == ["be"] else tokens[-3:]
    return len(tokens) >= 3 and end[0] in ("is", "are", "would", "will", "was") and end[1] in ("that", "it", "this") \
        and end[-1] in _LEAVE_ASKED


def _more_sent(tokens: list[str]) -> bool:
    """Whether a clause after "do not" tells us to send no more messages: "(do not) send me any more offers or
    discount sms", "send promos anymore"; not a copy denied ("send me a copy of my data, I just want it erased")."""
    return tokens[:1] == ["send"] and bool({"more", "anymore"} & set(tokens[1:5])
                                           or _SENT_TO_ME & {stem(w) for w in tokens[1:6]})


# What makes "email" or "text" a noun after "and" ("the name and email ID of the nodal officer": session 49's review);
# not "and email me a copy".
_ADDRESS_NOUNS = (["id"], ["ids"], ["address"], ["addresses"], ["number"], ["numbers"])


# Verbs of a state said after "confirm": "confirm my data is not sold", "confirm you have no copy".
_STATE_VERBS = frozenset("is are was were has have had will does do isn aren".split())
# Tag questions said after a statement, as their words read: "..., correct?", "..., right?", "..., don't you?", "...,
# isn't it?" ("isn't" is read "isn t").
_TAGS = frozenset(tuple(tag.split()) for tag in """correct;right;true;yes;no;ok;okay;yeah;am i right;is that right;
    is that correct;is that true;is it;isn t it;is not it;don t you;do you;doesn t it;does it;aren t you;are you;
    won t you;will you;didn t you;did you;haven t you;can t i;can i;right or wrong;correct me if i am wrong""".split(";"))


def _confirms_a_state(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether what follows "confirm" is a state to be confirmed ("confirm my data is not being sold"), not a deed
    promised ("Confirm you will stop all promotional messages to my number", "confirm you will delete my account": the
    code review of session 51), whose verb is one of `actions`."""
    for j in range(2, min(6, len(tokens))):
        if tokens[j] in _STATE_VERBS:
            after = [w for w in tokens[j + 1 : j + 3] if w not in ("not", "never")][:1]
            return not (after and after[0] in actions)
    return False


def classify_clause(clause: Part, actions: frozenset[str]) -> str:
    """Say what a clause does: "question", "inquiry", "instruction", "wish", "statement" or "other"."""
    tokens = [w for w in clause.words]
    while tokens and tokens[0] in _FILLERS:
        tokens.pop(0)
    if not tokens:
        # Politeness alone ("kindly do the needful", read as "please") does not say what is wanted: the
        # clauses around it do ("... and explain what you collect" asks, "... and remove my number" tells).
        return "other"
    if clause.act:
        return clause.act  # a Hinglish word said so: "mera data delete kar do"
    if _supposes_a_practice(tokens, actions):
        return "question"  # "I assume my usage data isn't analysed for anything", "i bet you sell our numbers": a guess
        # put forward to be confirmed or denied (session 54's reviews AY, BA), no wish
    if tokens[0] in ("confirm", "clarify") and len(tokens) > 2 and (
            tokens[1] in ("that", "whether", "if") or _confirms_a_state(tokens, actions)):
        return "question"  # "(kindly) confirm my data is not being sold to telemarketers" asks whether it is so
        # (session 51's review), as "tell me whether ..." does
    if tuple(tokens) in _TAGS and (clause.question_mark or not clause.opens_sentence) \
            and not (clause.words[:1] and clause.words[0] in _PLEASE):  # "..., please correct" asks it done (review BF)
        return "question"  # "the policy says you never share my info, correct?", "you do let people unsubscribe, don't
        # you?": a tag asks whether what was said is so (session 51's review); not "correct it", an order
    if _asks_leave(tokens):
        return "question"  # "... wants to use it for her school group chats is that allowed": asked with no "?"
    if _ticket_title(tokens) and not clause.question_mark:
        return "instruction"  # "access request - acc id BM1234", "correction request: phone number": a support ticket's
        # title names the request made (session 43's review)
    if not clause.question_mark and _passive_demand(tokens, actions):
        return "instruction"  # "My personal data should be deleted from all your servers.", "I'd appreciate it if you
        # could erase my contact details" (session 44's review)
    if tokens[:2] == ["do", "not"] and tokens[2:3] and (tokens[2] in _DO_NOT_DO or _more_sent(tokens[2:])):
        tokens = ["don", "t", *tokens[2:]]  # "do not share my number", "dont use my data" (read "do not"): as "don't"
        # tells, not an auxiliary that asks (session 40); not "do not know how to delete my account", "do not you think
        # ...", "dont want ur spam" (a wish denied, test_review_16), nor a verb of request, whose denial the markers do
        # not read ("do not send me a copy of my data, I just want it erased" is a deletion, test_request_heads_read_more)
    if tokens[:1] in (["have"], ["get"]) and tokens[1:2] and tokens[1] in _HAD_DONE_TO and not clause.question_mark \
            and not {"be", "been", "being"} & set(tokens[2:5]) \
            and any(w != stem(w) and stem(w) in _action_stems(actions) for w in tokens[2:5]):
        return "instruction"  # "(please) have it corrected to our new address", "get my number removed" (session 45's
        # review); not "have you deleted it?", "have my details been deleted" (questions) nor "have it ready"
    if tokens[:1] == ["like"] and tokens[1:2] and tokens[1] in _AUXILIARIES and tokens[2:3] \
            and tokens[2] in _INVERTED_SUBJECTS:
        tokens = tokens[1:]  # "..., like can I object to it?": "like" introduces an example, the question follows
    first = tokens[0]
    if first in ("which", "whom") and tokens[1:2] in (["i"], ["we"], ["he"], ["she"], ["they"]) \
            and not clause.opens_sentence and not clause.question_mark and not clause.joined_by:
        return "statement"  # "an email came to my maiden name, | which I haven't used in nine years" (fresh72): a
        # relative clause after a comma, its subject before its verb, tells; "which do I ...?" would ask
    if first == "who" and tokens[1:2] and tokens[1] in ("has", "have", "had") and len(tokens) > 3 \
            and not clause.opens_sentence and not clause.question_mark and not clause.joined_by and not clause.act:
        return "statement"  # "I act for Mrs Rao, | who has authorised me to request deletion of all data": who the
        # person named before is (session 54's review BF); "who has my data?" would ask
    if first == "make" and tokens[1:2] and tokens[1] in _MADE_TO_STOP and tokens[2:3] in (["stop"], ["end"]):
        return "instruction"  # "ur promo texts r sooo annoying, make them stop": a stop asked for
    if first == "enough" and tokens[1:2] in (["with"], ["of"]) \
            and tokens[2:3] in (["the"], ["your"], ["ur"], ["these"]) and _SENT_TO_ME & {stem(w) for w in tokens[3:6]}:
        return "instruction"  # "enough with the sales emails already", "enough of your promo sms": messages told to
        # stop, as with "no more ..."; not "enough with the questions, how do I ...", "enough of your sales pitch"
    if first == "want" and tokens[1:2] == ["to"] and len(tokens) > 2 and (tokens[2] in actions or tokens[2] == "see"):
        # "..., want to see everything you saved" ("wanna" read "want to"): the wish with its "I" dropped, read as "I
        # want to ..." is; alone, such a clause was a statement, which already asked when nothing else was said. Only
        # with a verb of request or "see": not "want to sign up but worried ...", "want to check what you collect" (the
        # review of session 41)
        return classify_clause(replace(clause, words=("i", *tokens)), actions)
    if len(tokens) == 3 and tokens[1] == "or" and tokens[0] in _CHANNELS and tokens[2] in _CHANNELS:
        return "other"  # "whats the process to request deletion, email or phone?": the ways offered, not "email me";
        # not "delete or deactivate", "unsubscribe or block" (the review of round 50)
    if first == "never" and tokens[1:2] and (tokens[1].endswith("ed") or tokens[1] in _PAST_FORMS) \
            and not clause.opens_sentence:
        # "..., never bought a plan, and now I'm getting promotional SMS": a past deed going on from the clause before
        # (fresh42); not a sentence of its own, whose request the rest may make ("never made an account, pls explain
        # what info you hold about me": the review of round 46)
        return "statement"
    if first == "never" and tokens[1:2] and tokens[1] in _NOUN_OPENERS and not clause.opens_sentence:
        # "we only collect the parents' numbers, never the kids'": a thing denied, going on from the clause before;
        # not "Never the newsletters again, understood?", which opens its sentence (the review of round 34)
        return "statement"
    if first == "what" and tokens[1:2] in (["i"], ["we"]) and _wishes(tokens[2:5]) and "is" in tokens[3:7]:
        return "wish"  # "what I'd like now is for every bit of my info to be wiped out": a wish, said with "what"
    glad = _glad_if(tokens, actions)
    if glad:
        return glad  # "it would be really helpful if my old id could be swapped ...", "would be great if ..."
    if first in _PREPOSITIONS and tokens[1:2] and tokens[1] in _QUESTION_WORDS:
        return "question"  # "for how many months is my data kept", "to whom do you give it", "till when"
    if _in_case_asks(tokens):
        return "question"  # "in case of merger does my data move to new company" (session 54's review BC)
    if (tokens[:2] in (["apart", "from"], ["aside", "from"], ["other", "than"], ["except", "for"]) or first == "besides") \
            and any(w in _QUESTION_WORDS for w in tokens[2:8]):
        return "question"  # "apart from my mobile number what else do you collect" (session 54's review BA)
    if first in _SUBORDINATORS and len(tokens) > 2:
        # "after I close my account, how long ...": when or on what condition, not what is wanted or asked
        return _after_condition(clause, tokens, actions)
    if _asks_to_be_told(tokens):
        # "let me know what you collect", "inform us whether ...": asked to tell, not to act; but "please tell me what
        # personal data you hold on me" asks to be told what is held of the visitor, as "I'd like to know ..." does
        return "inquiry" if _told_whats_held(tokens) else "question"
    asking = tokens[1:] if tokens[0] == "only" else tokens  # "only curious who you share it with"
    if asking and asking[0] in _JUST_ASKING and any(w in _TOLD_WHAT for w in asking[1:4]) \
            and not _you_will_do(asking, actions):
        return "question"  # "(just) asking what you keep", "wondering how you use my email", "curious whether ..."
    if any(contains_phrase(phrase, tokens, max_skip=1) for phrase in _HYPOTHETICAL):
        return "question"  # "would you delete my data if I asked you to?"
    if stem(first) == "request" and tokens[1:3] == ["you", "to"] and len(tokens) > 3:
        # Indian English "Request you to share all my data": asks us to act, unless it asks to be told something
        # ("request you to explain what you collect"). The act asked is a verb of a request, or is done to the
        # visitor's own things; else the clause is read as "please ..." would be ("Request you to kindly share the
        # contact details for privacy related escalations" asks for our details: session 53's review AX).
        if _asks_to_be_told(tokens[3:]):
            return "question"
        rest = tokens[3:]
        while rest[:1] and rest[0] in _PLEASE:
            rest = rest[1:]
        if not rest or rest[0] in actions or _MY & set(rest[1:7]):
            return "instruction"
        return classify_clause(replace(clause, words=("please", *rest)), actions)
    if tokens[:5] in (["would", "you", "be", "kind", "enough"], ["could", "you", "be", "kind", "enough"]) \
            and tokens[5:6] == ["to"] and tokens[6:7] and tokens[6] in actions and _MY & set(tokens[7:12]):
        return "instruction"  # "Would you be kind enough to send my personal data in a structured format ...?" (session
        # 45's review): a polite request, on the visitor's own things
    if tokens[:4] == ["would", "it", "be", "possible"]:
        # "Would it be possible to remove my account ...? Thank you in advance.": a polite request (round 36); not "is it
        # possible to ...", which asks whether
        rest = tokens[4:][3:] if tokens[4:7] == ["for", "you", "to"] else tokens[5:] if tokens[4:5] == ["to"] else []
        if rest[:1] and rest[0] in actions and _MY & set(rest[1:6]) and not _LATER & set(rest):
            # (on the visitor's own things, now: not "... send me a copy of the privacy policy", "... get in touch with
            # your grievance officer", "... delete my data if I ever stop using your service": the review of round 36)
            return "instruction"
    if first in _POLITE and len(tokens) > 2 and _asks_us(tokens):
        asked = _asked_opening(tuple(tokens))
        if asked and asked[0] in actions and not _assurance_given(asked):
            return "instruction"  # "can you delete my account?"
        if asked and _does_it(asked):
            return "instruction"  # "my sister wants her email deleted, can you do that for her" (session 49's review)
        if asked[:2] in _SEEING_TO and asked[2:3] and asked[2].endswith("ing") \
                and stem(asked[2]) in _action_stems(actions) and _MY & set(asked[3:7]):
            return "instruction"  # "could someone look into wiping my phone number ...?": the deed asked to be seen to
        if asked and _asks_to_be_told(list(asked)) and _told_whats_held(list(asked)):
            return "inquiry"  # "could you please tell me exactly what information you hold about me?"
        if asked and _handed_back(asked):
            return "instruction"  # "can you share all my personal data with me", "could you fetch me everything ..."
        return "question"  # "can you tell me ...", "can you give me a guarantee that my account will never be hacked?"
    if _assurance_given(tuple(tokens)):
        return "question"  # "give me an assurance that my number is not sold": asks whether it is so
    if (first in actions and tokens[1:2] not in (["is"], ["are"], ["was"], ["were"]) and tokens[:2] not in _SETTINGS
            and tokens[:2] != ["no", "one"] and tokens[1:2] not in _ADDRESS_NOUNS) \
            or tokens[:2] == ["make", "sure"] or first == "ensure":
        # "please make sure I never get another promotional call"; not "email are no longer in use" (a noun, its verb
        # after it), nor "no one has access to my messages, right?" (a subject, session 45)
        return "instruction"
    if _does_it(tuple(tokens)):
        return "instruction"  # "..., please do it", "so do that now": what was asked, done; not "do it's ...?"
    if first in _QUESTION_WORDS or (first in _AUXILIARIES and clause.opens_sentence):
        return "question"
    if _modal_or_not(tokens, actions):
        return "question"  # "my 12yo bro can sign up or nah" ("nah" is read "not"): asks whether, tells nothing
    if first in _AUXILIARIES and first != "if" and len(tokens) > 1 and tokens[1] in _INVERTED_SUBJECTS:
        return "question"  # "..., is that ok": a verb before its subject asks, wherever the clause starts
    if _asks_without_auxiliary(tokens):
        return "question"  # "u keep my chats or delete em": text-speak drops the "do" of "do you keep ..."
    for i, word in enumerate(tokens):
        if word in _SUBJECTS and tokens[i + 1 : i + 2] and tokens[i + 1] in _BELIEVING \
                and tokens[i + 2 : i + 3] and tokens[i + 2] in _BELIEVED_OF:
            break  # "I thought you needed it just for billing": what was believed of us, no wish (fresh46); not "I
            # think I would like to object ..." (the review of round 50)
        if word in _SUBJECTS and _wishes(tokens[i + 1 : i + 4]):
            if _why_i_ask(tokens[i + 1 : i + 5]):
                return "other"  # "I ask because a bank employee once leaked my details", "now I ask every company
                # this": why the question is asked (session 47's review); not "I ask you to delete my data"
            if i > 1 and tokens[i - 1] in _BECAUSE and _CANNOT & set(tokens[: i - 1]):
                # "I can't unsubscribe from everything since I still need the alerts": a reason for what cannot be
                # done; not "I am contacting you because I would like my account deleted" (the review of round 37)
                continue
            if "not" in tokens[i + 1 : i + 3] and any(w in ("asking", "ask") and tokens[k + 1 : k + 2] == ["about"]
                                                      for k, w in enumerate(tokens[i + 1 : i + 5], i + 1)):
                return "other"  # "I'm not asking about cookies or security, I just want to know ...": a topic set
                # aside (session 51's review), no wish
            if "not" in tokens[max(0, i - 2):i]:
                return "statement"  # "not that I want to right now, but could I opt out later?": a wish denied
            if _NOT_WISHED & set(tokens[i + 1 : i + 3]) and "do" in tokens[i + 2 : i + 6] \
                    and _WRONGDOING & set(tokens[i + 3 : i + 9]):
                return "other"  # "we don't want to do anything wrong here": the visitor's own conduct (fresh46), which
                # tells of nothing of theirs to correct either (the review of round 50)
            if len(tokens) == i + 4 and tokens[i + 2] in _ONE and tokens[i + 3] in _ANSWERS:
                return "other"  # "I need one number: what's your per-SMS rate ...": the question that follows says
            if tokens[i + 1 : i + 2] in (["need"], ["needs"]) and (tokens[i + 2 : i + 4] == ["it", "for"] or (
                    tokens[i + 2 : i + 3] in (["an"], ["a"], ["the"]) and "for" in tokens[i + 3 : i + 6]
                    and set(tokens[i + 3 : tokens.index("for", i + 3)]) <= _FIGURES)) \
                    and _FILED & set(tokens[i + 4 : i + 9]):
                return "other"  # "we need it for our vendor exit file", "we need an actual number for our records"
                # (fresh46): the answer asked for, needed for a file
            # (not with a complaint beside the wish: "I want a reply, you leaked my number" stays a wish)
            if not _GRIEVING & set(tokens):
                if any(w in _ANSWER_WISHED and tokens[k - 1] in _PLAIN_ANSWER
                       and (k + 1 == len(tokens) or tokens[k + 1] in _WHEN_OR_WHY)
                       for k, w in enumerate(tokens[i + 2 : i + 6], i + 2)):
                    return "inquiry"  # "I'd like a straight answer", "... a straight answer for our audit this
                    # Friday" (fresh46, fresh14): an answer wished for, nothing else
                if _SPEAKING & set(tokens[i + 1 : i + 6]) and _TALKED_OF & set(tokens[i + 1 :]) \
                        and not {stem(w) for w in tokens[i + 1 :]} & _action_stems(actions):
                    return "inquiry"  # "I would like to speak to someone about my privacy concerns" (fresh46): to be
                    # told; not "... about blocking my number", "... to your grievance officer" (the review of round 50)
            if _ASSURANCE_WISHED & set(tokens[i + 2 : i + 5]) and not _TO_BE_DONE & set(tokens) \
                    and not _GRIEVING & set(tokens) and not {stem(w) for w in tokens} & _action_stems(actions):
                return "inquiry"  # "we want assurance that our account data is used only for running the service"
                # (session 47's review): to be told it is so, as "I want to be sure ..." is; not "I want confirmation
                # that my email has been corrected", "... that you have stopped using my data for ads", "... that my
                # complaint will be looked into", whose deed or complaint is what is asked (its code review)
            if any(contains_phrase(phrase, tokens[i:], max_skip=1) for phrase in _INQUIRIES):
                return "inquiry"
            if _plans_to_use(tokens[i + 1 : i + 5]) or _plans_to_send(tokens[i + 1 : i + 9]) \
                    or _to_tell_someone(tokens[i + 1 : i + 6]):
                return "statement"  # "we want to use your platform for ...": a plan, not a request of ours
            if _reported(tokens[:i]):
                return "statement"  # "my friend said I can ask you to erase data": what someone else said
            if any(w in _JUST_ASKING and tokens[k + 1 : k + 2] and tokens[k + 1] in _TOLD_WHAT
                   for k, w in enumerate(tokens[i + 1 : i + 4], i + 1)):
                return "question"  # "I'm just asking if opting out is possible": what is wished is to be told
                # (session 52's review); not "I'm asking you to delete my data"
            return "wish"
    if clause.question_mark:
        return "question"
    if _wants_to_know(tokens) or _asked_whether(tokens):
        return "question"  # "our legal team wants to know what ...": someone else's question, passed on
    if any(w in ("doubt", "doubts") and tokens[k + 1 : k + 2] and tokens[k + 1] in _DOUBTED
           and tokens[k - 1 : k] != ["no"] for k, w in enumerate(tokens)) and not _GRIEVING & set(tokens):
        return "question"  # Indian English "we are having a doubt whether you will use our details ..." (fresh46)
    if _someone_should(tokens, actions):
        return "instruction"  # "the kid next door is 9 ..., someone should remove it"
    if _you_should(tokens, actions, clause.joined_by == "so"):
        return "instruction"  # "I think you should remove his information" (session 40)
    if _should_be_done(tokens):
        return "instruction"  # "a kid under 13 is using an account ..., their info should be taken down"
    if _get_it_done(tokens):
        return "instruction"  # "my name shows up as Sneha Kapoorr everywhere lol get that fixed" (fresh72)
    inverted = _inverted_question(tokens, actions)
    if inverted:
        return inverted  # "my lil bro is 10 can he have an acc": text-speak runs a question on without a stop
    if _introduces(tokens):
        return "other"  # "I'm a parent, is your platform meant for kids": who asks, not what is to be done
    if _FIRST_PERSON & set(tokens) and not _MODALS & set(tokens):
        return "statement"  # "my name is misspelled"; not "my data may be sold", which wonders
    return "other"


# What an answer is needed for: "we need it for our audit file" (not "we need this for the migration ...").
_FILED = frozenset("""file files records audit audits report reports documentation compliance questionnaire form
    letter letters""".split())
# A wish said as what would please: "(it) would be (really) great / helpful if ...", "I'd appreciate it if ...".
# Not "good", "better": feedback as often ("it would be better if the policy said who the grievance officer is").
_PLEASING = frozenset("great helpful nice appreciated grateful wonderful lovely ideal kind obliged".split())
_WOULD_BE = (["would", "be"], ["d", "be"])  # "it'd be" reads "it d be"
# What the wish must be about for it to ask something done: the visitor's own account or details, done to them
# ("my old gmail id could be swapped", "you deleted my account", "nothing of mine stays"), not the product, the
# policy, or someone calling ("it would be great if the app had an export button", "... if the policy said ...").
_DONE_TO = frozenset("be been were was get gets got is".split())
_PRODUCT_THINGS = frozenset("""customer customers contact contacts list lists campaign campaigns template templates
    dashboard invoice invoices api app button option setting settings feature widget logo watermark footer key""".split())


_HELD_OF_ME = frozenset("me mine my".split())
_HELD_VERBS = frozenset("""have has hold holds held store stores stored keep keeps kept collected saved retain retained
    gathered""".split())


# What is told when what is held of the visitor is asked for: "what" or "which" (data), "everything", "all".
_WHAT_IS_HELD = frozenset("what which whatever everything all".split())
# The words that may name what is held, between "what" and who holds it ("what personal details about me you ...").
_HELD_NAMED = frozenset("""personal information info data details particulars records stuff all else exactly of mine
    about on me him her""".split())
_HOLDING_ADVERBS = frozenset("currently still actually now really presently guys".split())


def _told_whats_held(tokens: list[str]) -> bool:
    """Whether a clause that asks to be told something (`_asks_to_be_told`) asks what is held of the visitor: "tell me
    what personal data you hold on me", "let me know exactly what you have stored about me"; not "tell me how you store
    my data", "tell me what you store about my payments" (a kind of data asked about), "... what you collect". Of
    someone the visitor writes for too: "Please tell us what information you hold about him" (fresh34, of a father)."""
    told = tokens[3:] if tokens[:1] == ["let"] else tokens[1:]
    told = told[1:] if told[:1] in (["me"], ["us"]) else told
    told = told[1:] if told[:1] in (["exactly"], ["precisely"]) else told
    if not told or told[0] not in _WHAT_IS_HELD or _TOLD_HOW & set(told) \
            or not {"me", "mine", "him", "her"} & set(told[1:]):
        return False
    # what is held named, then who holds it, then the holding: "what (personal) data (about me) you (currently) hold",
    # "which details of mine your company has stored"; not "what happens to the data you hold about me", "what rights
    # I have over ...", "what security you have to protect ..." (the review of session 41)
    k = 1
    while k < len(told) and told[k] in _HELD_NAMED:
        k += 1
    if told[k : k + 1] in (["your"], ["ur"]) and k + 1 < len(told):
        k += 2  # "your company", "your team"
    elif told[k : k + 1] in (["you"], ["u"]):
        k += 1
    else:
        return False
    while k < len(told) and told[k] in _HOLDING_ADVERBS:
        k += 1
    return told[k : k + 1] != [] and told[k] in _HELD_VERBS


_GOT_DONE = frozenset("""fixed changed corrected sorted removed deleted updated erased wiped stopped cleared""".split())
# Messages a visitor is sent, which "enough with the ..." tells to stop.
_SENT_TO_ME = frozenset(stem(w) for w in """emails mails sms texts calls messages msgs newsletters notifications promos
    spam ads whatsapps offers deals promotions""".split())
# What is made to stop: "make them stop", "make it end".
_MADE_TO_STOP = frozenset("it that this so them these those".split())


def _get_it_done(tokens: list[str]) -> bool:
    """Whether a clause about the visitor's own things ends by telling us to get something done: "my name shows up as
    Sneha Kapoorr everywhere lol get that fixed", "my number is old pls get it changed asap"; not "the dashboard shows
    wrong counts, get it fixed" (nothing of theirs), "how do I get it fixed" (a question, read before), "I tried to
    get it fixed myself"."""
    while tokens and tokens[-1] in _SOON:
        tokens = tokens[:-1]
    return len(tokens) >= 4 and tokens[-3] == "get" and tokens[-2] in ("it", "that", "this", "them", "these") \
        and tokens[-1] in _GOT_DONE and tokens[-4] not in ("to", "i", "we", "can", "could", "will") \
        and bool(_HELD_OF_ME & set(tokens[:-3]))  # the visitor's own (not "the dashboard shows wrong counts")


def _glad_if(tokens: list[str], actions: frozenset[str]) -> str | None:
    """"wish" when a clause is a wish for something done to the visitor's things, said as what would please if it were
    done (see `_PLEASING`, `_DONE_TO`); "inquiry" when what would please is to be told something ("would appreciate if
    you could tell me what you have stored about me", session 40), which asks as "I'd like to know ..." does; else
    None."""
    rest = tokens[1:] if tokens[:1] in (["it"], ["that"], ["i"], ["we"]) else tokens
    if rest[:1] in (["would"], ["d"]) and rest[1:2] in (["really"], ["truly"], ["greatly"]):
        rest = rest[:1] + rest[2:]  # "I would really appreciate it if ..."
    if rest[:1] in (["would"], ["d"]) and rest[1:2] == ["appreciate"] and "if" in rest[2:5]:
        pass
    elif rest[:2] in _WOULD_BE:
        kept = [w for w in rest[2:6] if w not in ("really", "very", "so", "truly", "most", "extremely", "much")]
        if not (len(kept) >= 2 and kept[0] in _PLEASING and kept[1] == "if"):
            return None
    else:
        return None
    after = tokens[tokens.index("if") + 1:]
    if _PRODUCT_THINGS & set(after) or "automatically" in after:
        return None
    if after[:3] in (["nothing", "of", "mine"], ["nothing", "of", "ours"], ["nothing", "about", "me"]):
        return "wish"  # "would be great if nothing of mine stays with you"
    if after[:1] in (["my"], ["our"]):
        # the visitor's thing, then what is done to it: "my old gmail id could be swapped for the new one"
        thing = next((k for k in range(1, min(5, len(after))) if after[k] in _WISHED_THINGS or after[k] == "id"), None)
        if thing is not None and _DONE_TO & set(after[thing + 1 : thing + 4]):
            return "wish"
    if after[:1] not in (["you"], ["u"]) and _HELD_OF_ME & set(after[:8]):
        # what is the visitor's, then a verb of the request types done to it: "all records pertaining to me were
        # erased", "a full copy of my account data could be emailed to me" (session 45's review)
        # (an adverb may come between: "... could be permanently removed", session 46's review)
        verbs = _action_stems(actions)
        done = [after[k + 2] if after[k + 1].endswith("ly") and after[k + 2 : k + 3] else after[k + 1]
                for k, w in enumerate(after[:-1]) if w in _DONE_TO]
        return "wish" if any(v != stem(v) and stem(v) in verbs for v in done) else None
    if after[:1] in (["you"], ["u"]):
        # "you (could) delete my account": a verb of the request types on the visitor's things
        verb = next((k for k in range(1, min(4, len(after))) if after[k] not in ("could", "can", "would", "just",
                                                                              "please", "kindly")), None)
        if verb is not None and _asks_to_be_told(after[verb:]):
            # "... if you could tell me what you have stored about me": what is held of the visitor; not "... tell me
            # what data you collect" (test_round_32), a question about everyone's
            told = after[verb + 1 :]
            told = told[1:] if told[:1] in (["me"], ["us"]) else told
            return "inquiry" if _HELD_OF_ME & set(told) and _HELD_VERBS & set(told) else None
        return "wish" if verb is not None and (after[verb] in actions or stem(after[verb]) in _action_stems(actions)) \
            and _THEIRS & set(after[verb + 1 : verb + 4]) else None
    return None


# "switch off marketing cookies", "switch on dark mode": a setting turned, not something asked of us (the review of
# round 22).
_SETTINGS = (["switch", "off"], ["switch", "on"])
# "please do it now", "so do that asap": an instruction pointing back at what was said.
_DONE_THING = frozenset("it that this so".split())
_DO_IT_AFTER = frozenset("""now asap please pls plz then already quickly immediately today right away fast soon
    for me us him her them""".split())  # "... please do that for him" (session 49's review: asked for a relative)


def _does_it(words: tuple[str, ...]) -> bool:
    """Whether a clause is only "do it/that/this/so" with "now/asap/please/..." (fillers before it dropped)."""
    tokens = list(words)
    while tokens and tokens[0] in _FILLERS:
        tokens.pop(0)
    return tokens[:1] == ["do"] and tokens[1:2] != [] and tokens[1] in _DONE_THING and set(tokens[2:]) <= _DO_IT_AFTER


def _asks_it_done(words: tuple[str, ...]) -> bool:
    """Whether a clause asks "can/could/would you do that/it (for her)"."""
    tokens = [w for w in words if w not in _FILLERS]
    return tokens[:1] != [] and tokens[0] in _POLITE and _does_it(_asked_opening(tuple(tokens)))


# "I'm a parent", "I am a teacher": who the visitor is, said before a question, tells nothing to be done.
_INTRODUCING = (("i", "m"), ("i", "am"), ("im",))
_ARTICLES = frozenset("a an".split())
# (as read: "minor" comes out "minors"; a school grade says a child too, "I'm a seventh grader": the review of round 17)
_NOT_ROLES = frozenset("""minor minors child children kid kids teen teens teenager teenagers student students boy boys
    girl girls baby babies under grader graders schooler schoolers schoolkid schoolgirl schoolboy""".split())


def _introduces(tokens: list[str]) -> bool:
    """Whether a clause says only who the visitor is: "I'm a parent", "i am a school teacher", "I'm an NRI"; not "I'm a
    minor", "im a 12 year old" (a child telling of themself), nor anything of theirs ("I'm a customer and my number
    is wrong")."""
    for opening in _INTRODUCING:
        n = len(opening)
        if tuple(tokens[:n]) == opening and tokens[n : n + 1] and tokens[n] in _ARTICLES:
            rest = tokens[n + 1 :]
            return 1 <= len(rest) <= 2 and not any(w in _NOT_ROLES or w in _FIRST_PERSON or any(c.isdigit() for c in w)
                                                   for w in rest)
    return False
# Verbs of saying: "my friend said I can ask you to ...", "someone told me I should ...".
_REPORTING = frozenset("said says told tells mentioned heard claimed claims".split())


def _reported(before: list[str]) -> bool:
    """Whether the words before a first-person wish report what someone else said: "my friend said (that)", "your
    agent told me", "they heard"; not what the visitor said or heard themself ("I said I want it deleted", "as I told
    you", "I heard I can ask you to delete my data, please do it")."""
    for j, w in enumerate(before):
        if w in _REPORTING:
            return j > 0 and before[j - 1] not in _FIRST_PERSON and before[j - 1] not in ("as", "you", "u")
    return False


_SAYING = frozenset("said says told tells mentioned claimed claims".split())  # not "heard": "my grievance will be heard"


def _only_reported(query: Query, actions: frozenset[str]) -> bool:
    """Whether a message only tells what someone else said, asking nothing done: "a colleague mentioned the
    portability right at work today and I had no idea what it means" (round 21). Every clause a statement, one of them
    reporting another's words (`_reported`), and no verb of request anywhere: the right is only named."""
    kinds = [classify_clause(part, actions) for part in query.parts]
    if any(kind not in ("statement", "other") for kind in kinds):
        return False
    # (not a detail of the visitor's recorded wrong: "my good name is wrongly mentioned as Suresh", session 51's review)
    reported = [_SAYING & set(part.words) and _reported(list(part.words)) and not _own_thing_amiss(part.words)
                for part in query.parts]
    # no clause holds a verb of request, not even the reported one ("my friend said I should ask you to delete my data",
    # "my wife said she wants her account deleted" still hand off)
    return any(reported) and not any(_REQUEST_WORDS & set(part.words) for part in query.parts)


def _denied_clauses(query: Query) -> set[int]:
    """The clauses (by index in `query.parts`) that say a request is not made: a negated wish whose span (`unwished`,
    read in the whole message) holds the verb of request itself ("I don't want my account deleted", "I'm not asking
    you to delete anything"); not "I don't want to delete my account, just my phone number" (the deed is wanted, on
    another thing), nor "I don't want marketing mails" (asks a stop: no verb of request)."""
    words, starts = query.words, part_starts(query)
    denied = {i for i in unwished(list(query.stems), words, frozenset(start for start in starts if start is not None))
              if words[i] in _REQUEST_WORDS}
    if not denied:
        return set()
    return {n for n, (part, start) in enumerate(zip(query.parts, starts))
            if start is not None and any(start <= i < start + len(part.words) for i in denied)}


# The modals of "... can sign up or nah", and what rules such a clause out: politeness, a condition, a verb of statement
# or of request.
_OR_NOT_MODALS = frozenset("can could will would should may might shall".split())
_OR_NOT_NEVER = frozenset("""pls please plz kindly whether if you u is are was were am has have had does do did
    signed uses used made opened created registered joined
    taken thrown kicked heard off grievance complaint""".split())
# (the review of round 16: "my kid 10 can be taken off your app or not", "my number can be taken off your list or not"
# ask it done; "my grievance will be heard or not" makes the complaint)


def _modal_or_not(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether a clause asks whether something may be, said "<subject> <modal> <verb> ... or not/nah/no": "my 12yo bro
    can sign up or nah", "my niece could use it or not". Only with the modal right after its subject (up to five
    words, none of them a verb), a verb after the modal, and in the whole clause no verb of statement ("is 10", "has
    an account", "signed up"), no request verb, no "pls", no "you" ("you will delete my data or not" demands) and no
    "whether"/"if" (the review of round 15b: "my son is 10 and has an account delete it or nah", "I have a complaint,
    is anyone going to listen or not" still hand off)."""
    if tokens[-2:] not in (["or", "not"], ["or", "no"]):
        return False
    modal = next((i for i, w in enumerate(tokens) if w in _OR_NOT_MODALS), None)
    if modal is None or not 1 <= modal <= 5 or modal + 1 >= len(tokens) - 2:
        return False
    if tokens[modal + 1] in _INVERTED_SUBJECTS or tokens[modal + 1] in _OR_NOT_NEVER:
        return False
    return not any(w in _OR_NOT_NEVER or w in actions or w.endswith("ed") for w in tokens[:-2])


_SOMEONE = frozenset("someone somebody".split())
_OUGHT = frozenset("should must please".split())


def _someone_should(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether the clause tells someone at the company to act on the visitor's things, naming nobody: "someone should
    remove it", "somebody please delete this account"; not "can someone see my data" (a question), "someone deleted
    it", nor "someone should fix your delivery reports"."""
    return any(word in _SOMEONE and tokens[i + 1 : i + 2] and tokens[i + 1] in _OUGHT
               and tokens[i + 2 : i + 3] and tokens[i + 2] in actions and _on_theirs(tokens[i + 3 :])
               for i, word in enumerate(tokens))


# "(I think) you should remove his information", "you need to delete my number", "I'm reporting this so you can take
# her information off your systems": told to us as what we ought to do, or what the message is for (session 40).
_YOU_OUGHT = (("should",), ("must",), ("need", "to"), ("needs", "to"), ("ought", "to"), ("have", "to"))
_SO_YOU_CAN = frozenset("can could".split())
_MEANWHILE = frozenset("please kindly just also immediately promptly quickly".split())


def _you_should(tokens: list[str], actions: frozenset[str], after_so: bool = False) -> bool:
    """Whether the clause tells us what we ought to do to the visitor's (or a child's) things: "you should remove his
    information", "so that you can delete her account"; not "you should delete data after a year" (a rule the visitor
    would like, said of no one's things), "you must fix your delivery reports", "I don't think you should delete my
    account", "can you ...". `after_so`: the clause follows the one before it after "so", which the clause's own words
    no longer hold (`is_request` leaves it no instruction after a question: "how do I verify my identity so you can
    delete my data")."""
    for i, word in enumerate(tokens):
        if word not in _YOU or _NEGATIONS & set(tokens[:i]):
            continue  # (not "I don't think you should delete my account")
        rest = tokens[i + 1 :]
        ought = next((len(o) for o in _YOU_OUGHT if tuple(rest[: len(o)]) == o), 0)
        if not ought and rest[:1] and rest[0] in _SO_YOU_CAN and (tokens[i - 1 : i] == ["so"]
                                                                   or tokens[max(0, i - 2) : i] == ["so", "that"]
                                                                   or (after_so and tokens[:i] in ([], ["that"]))):
            ought = 1  # "so (that) you can ...": what the message is for
        if not ought:
            continue
        done = [w for w in rest[ought:] if w not in _MEANWHILE]
        if done[:1] and done[0] in actions and _on_theirs(done[1:]) and not _WHEN_DONE & set(done) \
                and not _asks_to_be_told(done):
            return True
    return False


# Someone else's things to be taken away, said just before them ("their info should be removed")
_OTHERS_OWN = frozenset("his her their".split())
_OTHERS_THINGS = frozenset("info information data details account profile records".split())
_WHEN_DONE = frozenset("after within once when whenever if automatically by before".split())
_STILL_ASKED = frozenset("or na not".split())  # "... should be deleted or not", "... na": asks
_OWN_TAKEN_AWAY = _OTHERS_THINGS | frozenset("number email".split())
_OFF_A_LIST = frozenset("list lists promotional marketing newsletter newsletters".split())
_RULE_SAID = frozenset("says said say per according policy law rules".split())


def _should_be_done(tokens: list[str]) -> bool:
    """Whether the clause says that data ought to be taken away, naming nobody to do it: someone else's ("a kid under 13
    is using an account ..., their info should be taken down", fresh45) or the visitor's own ("my number should be
    removed from your database"). Not from a list ("my email should be removed from your promotional list" is an
    opt-out, asked as such), a rule ("... should be deleted after 30 days", "your policy says ..."), a question ("...
    should be deleted or not"), nor a product's thing ("his number should be removed from my contact group": not data
    of theirs named; the review of round 48)."""
    for i, word in enumerate(tokens):
        if word not in ("should", "must") or tokens[i + 1 : i + 2] != ["be"] or not tokens[i + 2 : i + 3]:
            continue
        after = set(tokens[i + 3 :])
        if stem(tokens[i + 2]) not in _TAKING_AWAY or (_WHEN_DONE | _STILL_ASKED) & after:
            continue
        if tokens[i - 2 : i - 1] and tokens[i - 2] in _OTHERS_OWN and tokens[i - 1] in _OTHERS_THINGS:
            return True
        # ... or the visitor's own, taken away ("my number should be removed from your database"); not from a list
        # (an opt-out), nor a rule reported ("your policy says my data should be deleted on request")
        if tokens[i - 2 : i - 1] in (["my"], ["our"]) and tokens[i - 1] in _OWN_TAKEN_AWAY \
                and not _OFF_A_LIST & after and not _RULE_SAID & set(tokens[:i - 2]):
            return True
    # ... or the visitor's own data not to be used ("my info should not be processed for analytics going forward"), or
    # handed to them ("my personal data should be shared with me"): session 52's review AO
    for i, word in enumerate(tokens):
        if word not in ("should", "must") or not {"my", "our"} & set(tokens[max(0, i - 4) : i - 1]) \
                or tokens[i - 1] not in _OWN_TAKEN_AWAY or _RULE_SAID & set(tokens[:i - 2]):
            continue
        if tokens[i + 1 : i + 3] == ["not", "be"] and tokens[i + 3 : i + 4] and tokens[i + 3] in _NOT_TO_BE_USED \
                and not (_WHEN_DONE | _STILL_ASKED) & set(tokens[i + 4 :]):
            return True
        if tokens[i + 1 : i + 2] == ["be"] and tokens[i + 2 : i + 3] and tokens[i + 2] in _HANDED \
                and tokens[i + 3 : i + 5] in (["to", "me"], ["with", "me"], ["to", "us"], ["with", "us"]):
            return True
    return False


_NOT_TO_BE_USED = frozenset("processed used tracked profiled analysed analyzed shared sold".split())
_HANDED = frozenset("shared sent given provided emailed mailed handed".split())


# A detail of the visitor's that can be wrong, beside `_PERSONAL_DATA`: "my surname", "my company name", "my address".
_DETAILS = frozenset("""name surname company designation title city gender dob birth phone mobile contact profile
    spelling pincode""".split())
# What the passive points back at: "can it be corrected?", "could they be updated?".
_DONE_TO_IT = _POINTING_AT | {"they"}
# What tells that the visitor's own detail is amiss: wrong or out of date.
_AMISS = frozenset("""wrong incorrect inaccurate misspelt misspelled outdated old stale mistake typo
    wrongly incorrectly mistakenly erroneously mistyped misprinted""".split())  # ("my good name is wrongly mentioned")


def _done_to_it_asked(words: tuple[str, ...], actions: frozenset[str]) -> bool:
    """Whether a clause asks that the thing told before be done to, in the passive: "can it be corrected?", "could
    that be taken off please", "can they get removed"."""
    opening = _opening(words)
    if len(opening) < 4 or opening[0] not in _POLITE or opening[1] not in _DONE_TO_IT or opening[2] not in ("be", "get"):
        return False
    done = [w for w in opening[3:5] if w not in _FILLERS][:1]  # "could that be (please) taken off"
    return bool(done) and (done[0] in _GOT_DONE or stem(done[0]) in _action_stems(actions))


def _own_thing_amiss(words: tuple[str, ...]) -> bool:
    """Whether a statement tells of the visitor's own detail as wrong or out of date: "my surname is misspelt in your
    records", "you've got my company name wrong"; not the product's ("my dashboard shows the wrong count", "the graph
    in my analytics is incorrect"), someone else's ("my colleague's email ... is outdated"), nor supposed ("suppose my
    name is misspelled", "in case my email on file is outdated": the review of session 42)."""
    said, opening = set(words), _opening(words)
    if not _AMISS & said or _PRODUCT_THINGS & said or opening[:1] in (("suppose",), ("supposing",), ("say",)) \
            or opening[:2] in (("in", "case"), ("what", "if")):
        return False
    return any(w in _MY and "s" not in words[i + 1 : i + 3] and any(
        stem(x) in _PERSONAL_DATA or x in _DETAILS for x in words[i + 1 : i + 3]) for i, w in enumerate(words))


@cache
def _action_stems(actions: frozenset[str]) -> frozenset[str]:
    """The stems of the verbs of request (`Intents.actions`), made once per set rather than on every clause."""
    return frozenset(stem(a) for a in actions)


def _off_list(words: tuple[str, ...], actions: frozenset[str]) -> bool:
    """Whether a verb in a clause takes the visitor (me, us) or something of theirs (my number, our email) from a list:
    "please remove me from list", "take my number from your promotional list"."""
    for i, verb in enumerate(words):
        if verb not in actions:
            continue
        if words[i + 1 : i + 2] in (("me",), ("us",)):
            start = i + 2
        elif words[i + 1 : i + 2] in (("my",), ("our",)):
            start = i + 3
        else:
            continue
        rest = list(words[start:])
        # "from", or "off" ("delete my number off ur promo list", round 21)
        prep = next((w for w in rest[:2] if w in ("from", "off")), None)
        if prep is None:
            continue
        if contains_phrase((prep, "list"), rest, max_skip=3) \
                and not contains_phrase(("list", "of"), rest, max_skip=0):  # "the list of clients on your site"
            return True
        if any(w in _MAILINGS for w in rest[rest.index(prep) + 1 : rest.index(prep) + 4]) \
                and not _PRODUCT_TOLD & set(rest):  # not "remove my logo from the newsletter template"
            return True  # "remove my email from your newsletter", "take me off from promotions"
    return False


# What a visitor is taken off like a list: "remove my email from ur newsletter".
_MAILINGS = frozenset("""newsletter newsletters mailers mailer promotions promotional promos promo marketing mailing
    mailings""".split())


def _on_theirs(object_words: list[str]) -> bool:
    """Whether the object of a verb, read up to a preposition, is one of the visitor's things ("remove it", "stop
    these spam calls", "remove my email from the list"); not "fix your delivery reports", "update the api docs",
    "remove the extra charges from my bill" (the review of round 13)."""
    for word in object_words:
        if word in _OBJECT_ENDS:
            return False
        if word in _THEIRS and word not in ("all", "whatever"):
            return True
    return False


def _after_condition(clause: Part, tokens: list[str], actions: frozenset[str]) -> str:
    """What a clause that opens with a condition does after it: "whenever you get a chance please delete my account"
    and "after 30 days delete my data" tell, "once I sign up do you share my data" asks, "after I close my account"
    does neither. Each later word may start what is asked or told, unless it is the verb of the condition's own
    subject or follows an auxiliary ("after I close ...", "once it is ...")."""
    for start in range(2, len(tokens)):
        before = tokens[start - 1]
        if before in _CONDITION_SUBJECTS or before in _AUXILIARIES:  # the modals are auxiliaries too
            continue
        rest = classify_clause(Part(tuple(tokens[start:]), clause.question_mark, False), actions)
        if rest not in ("other", "statement"):
            return rest
    return "other"


# Verbs of telling: an instruction to tell ("explain what you collect", "let me know whether ...") asks a
# question, however politely it is put; the visitor wants to be told something, not to have something done.
_TELLING = frozenset(stem(w) for w in "tell explain describe clarify inform elaborate specify confirm advise".split())
_TOLD_WHAT = frozenset("what whats how why where when which who whom whose whether if about".split())
_TOLD_HOW = frozenset("how why when whether if where".split())
# Openings that only ever ask for an explanation, whatever follows them.
_EXPLAINING = (("break", "down"), ("walk", "me", "through"), ("walk", "us", "through"), ("run", "me", "through"),
               ("spell", "out"), ("outline",), ("summarise",), ("summarize",),
               # a rundown or overview asked for ("full rundown of my choices regarding marketing messages", "give me
               # the full rundown of reasons you process my info": fresh32)
               # (not "tldr delete my data", nor "give me an overview of all the data you have on me": the review of
               # round 38)
               ("rundown",), ("full", "rundown"), ("quick", "rundown"),
               ("give", "me", "a", "rundown"), ("give", "me", "the", "rundown"),
               ("give", "me", "a", "quick", "rundown"), ("give", "me", "the", "full", "rundown"),
               ("give", "me", "a", "full", "rundown"))
# ... and an overview or summary given, unless of what is held on the visitor (the review of round 38).
_OVERVIEWS = (("give", "me", "an", "overview"), ("give", "me", "a", "summary"), ("give", "me", "the", "tldr"),
              ("give", "me", "a", "quick", "overview"), ("give", "me", "a", "quick", "summary"))
# So is the answer asked for as a list ("who all outside your company can see my info? give me the list", "what say do
# I have over my own data? list it out": fresh60), unless what is listed is the visitor's data: named in the clause
# ("give me a full list of my personal data you store") or, held on them, in another ("what info do you store on me?
# give me the list", "list them out, all the details u hold about me"; `_lists_what_is_held`, the review of round 59).
_LISTINGS = (("give", "me", "the", "list"), ("give", "me", "a", "list"), ("give", "me", "the", "full", "list"),
             ("give", "me", "a", "full", "list"), ("make", "me", "a", "list"), ("list", "it", "out"),
             ("list", "them", "out"), ("list", "them"), ("list", "them", "all"))
_THEIR_DATA = (("my", "data"), ("my", "personal"), ("my", "details"), ("my", "information"), ("my", "info"),
               ("my", "own"), ("my", "records"))


def _opens_with_one_of(tokens: list[str] | tuple[str, ...], openings: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a clause's words begin with one of `openings`."""
    return any(tuple(tokens[:len(opening)]) == opening for opening in openings)


def _asks_for_a_list(tokens: list[str] | tuple[str, ...]) -> bool:
    """Whether a clause opens by asking for the answer as a list ("give me the list", "list them out")."""
    return _opens_with_one_of(tokens, _LISTINGS)


def _lists_what_is_held(parts: tuple[Part, ...], i: int) -> bool:
    """Whether clause `i`, asking for a list, lists what is held on the visitor: their data named in it, or held on
    them named in another clause."""
    said = list(zip(parts[i].words, parts[i].words[1:]))
    return any(pair in _THEIR_DATA or pair in HELD_ON_ME for pair in said) or any(
        pair in HELD_ON_ME for j, part in enumerate(parts) if j != i for pair in zip(part.words, part.words[1:]))
# A clause opening with these, a question word after, asks: "im not deleting anything, just asking what you keep".
_JUST_ASKING = frozenset("asking wondering curious wonder".split())
_YOU_DOING = frozenset("can could will would".split())


def _you_will_do(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether "you can/could/will ..." + a verb of request follows: "curious if you can delete my old messages",
    "wondering when you will delete my data like I asked" ask it done, politely (the review of round 16)."""
    return any(w in ("you", "u") and tokens[i + 1 : i + 2] and tokens[i + 1] in _YOU_DOING
               and any(v in actions for v in tokens[i + 2 : i + 4]) for i, w in enumerate(tokens))


def _asks_to_be_told(tokens: list[str]) -> bool:
    """Whether a clause asks to be told something: a verb of telling ("explain", "let me know"), then within a few
    words what is to be told ("what ...", "whether ...", "about ..."): "kindly let me know what you collect"."""
    if _opens_with_one_of(tokens, _EXPLAINING):
        return True  # "break down everything I'm allowed to ask for when it comes to fixing my records"
    if _opens_with_one_of(tokens, _OVERVIEWS) \
            and not any(pair in HELD_ON_ME for pair in zip(tokens, tokens[1:])):
        # "give me an overview of my choices about promotional sms"; not "... of all the data you have on me"
        return True
    if _asks_for_a_list(tokens):
        return True  # the answer as a list; `is_request` makes it an instruction when the list is of the visitor's data
    if tokens[:1] == ["let"] and tokens[1:2] in (["me"], ["us"]) and tokens[2:3] == ["know"]:
        rest = tokens[3:]
    elif stem(tokens[0]) in _TELLING:
        rest = tokens[1:]
    elif tokens[0] == "share":
        # Indian English "please share how long you keep ...": told how, why, when or whether; not "share what you hold
        # on me", which asks for the data
        return any(w in _TOLD_HOW for w in tokens[1:4])
    else:
        return False
    # ... or the way to do something ("kindly inform the procedure for removal of my details": session 49's review)
    named = [w for w in rest[:3] if w not in ("me", "us", "the", "a")]
    return any(w in _TOLD_WHAT for w in rest[:4]) or named[:1] in (["procedure"], ["process"], ["steps"], ["method"],
                                                                     ["formalities"])


def _asks_without_auxiliary(tokens: list[str]) -> bool:
    """Whether a clause that opens with "you" asks what we do, its "do" dropped ("u keep my chats or delete em",
    "you guys share my number with anyone"), rather than tells what we did ("you sent me spam", "you leaked my
    number") or should do ("you should delete it", "you have my old address")."""
    if tokens[:1] != ["you"]:
        return False
    rest = tokens[2:] if tokens[1:2] and tokens[1] in _YOU_GROUPS else tokens[1:]
    if not rest:
        return False
    verb = rest[0]
    if verb == "keep" and rest[1:2] and rest[1].endswith("ing"):
        return False  # "you keep sending me offers": what keeps happening, not a question
    return not (verb in _AUXILIARIES or verb in _NOT_ASKING or verb.endswith("ed") or verb in _FILLERS
                or verb in _FIRST_PERSON)


# "you guys", "you people", "you all": the subject is still "you".
_YOU_GROUPS = frozenset("guys people all lot folks".split())
# After "you": an obligation ("you must"), a possession ("you have"), a past deed ("you sent"), not a question.
_NOT_ASKING = frozenset("""must need needs have got gotta better ought owe sent sold gave given took taken kept made
    told lost let put said did had were was ignored still never always just""".split())


# After "I/we want to": using the service ("we want to use your platform", "I'd like to try it") is a plan, not a
# request for us to do something with the visitor's data.
_USING = frozenset("use try join buy register integrate build start launch run adopt onboard subscribe".split())
# "wants to know whether", "would like to understand what": asking, whoever asks.
_ASKERS = frozenset(stem(w) for w in "want wants wanted like wish need needs".split())
_MID_MODALS = frozenset("can could will would should does do is are".split())
_MID_SUBJECTS = frozenset("he she they it i we".split())


def _plans_to_use(following: list[str]) -> bool:
    """Whether the words after "I" or "we" say the visitor means to use the service: "want to use", "like to try"."""
    return any(w == "to" and following[j + 1 : j + 2] and following[j + 1] in _USING for j, w in enumerate(following))


# What the visitor sends with the service: "we want to send fee reminders to parents" plans its use, as "want to use"
# does; not "I want to send a complaint", "I want you to send me my data" (fresh31).
_SENT_WITH_SERVICE = frozenset("""sms smses message messages reminder reminders alert alerts otp otps campaign campaigns
    notification notifications offer offers promo promos promotion promotions newsletter newsletters bulk text texts
    whatsapp greetings invites invitations updates""".split())


def _plans_to_send(following: list[str]) -> bool:
    """Whether the words after "I" or "we" say the visitor means to send messages with the service ("want to send fee
    reminders", "would like to send bulk sms")."""
    # (the visitor sends: not "I want you to send me my sms history", the review of round 37)
    return any(w == "to" and following[j + 1 : j + 2] == ["send"] and _SENT_WITH_SERVICE & set(following[j + 2 : j + 6])
               and not _YOU & set(following[:j]) and following[j + 2 : j + 3] not in (["me"], ["us"])
               for j, w in enumerate(following[:4]))


# What the visitor means to tell someone else ("I need to reassure her", "I want to tell her the right thing": fresh34):
# the visitor's own doing, no request of ours; not "I want to tell you to delete my data".
_TELLING_OTHERS = frozenset("reassure tell inform explain convince assure answer guide".split())


def _to_tell_someone(following: list[str]) -> bool:
    return any(w == "to" and following[j + 1 : j + 2] and following[j + 1] in _TELLING_OTHERS
               and following[j + 2 : j + 3] not in (["you"], ["u"], ["ya"], ["your"], ["ur"])
               for j, w in enumerate(following[:3]))


# A clause that asks for an assurance given ("give me a guarantee that ...", "can you give us your assurance that ..."):
# it asks whether something is so, as "can you guarantee ...?" does, however its verb reads (fresh31).
_ASSURING = frozenset("guarantee guarantees assurance assurances promise warranty".split())
# What a visitor may wish for that is to be told something (`classify_clause`)
_ASSURANCE_WISHED = frozenset("assurance assurances reassurance confirmation clarity clarification".split())
# ... not of something to be done ("give me a written promise that you will delete my data", "give me a guarantee or
# delete my account": the review of round 37)
_TO_BE_DONE = frozenset("""delete deleted deleting deletion remove removed erase erased wipe wiped stop unsubscribe call
    calling or""".split())


def _assurance_given(words: tuple[str, ...]) -> bool:
    return words[:1] == ("give",) and bool(_ASSURING & set(words[1:5])) and not _TO_BE_DONE & set(words)


# Words that give a reason: a wish said after one is why the visitor says what they say, not a wish of its own.
_BECAUSE = frozenset("since because coz cos cuz bcoz bcz".split())
_CANNOT = _NEGATIONS | frozenset("cannot cant".split())


def _wants_to_know(tokens: list[str]) -> bool:
    """Whether someone (the legal team, a father) "wants to know" or "would like to understand" what or whether
    something is so: a question passed on, not a request."""
    for i, word in enumerate(tokens[:-3]):
        if stem(word) in _ASKERS and tokens[i + 1] == "to" and tokens[i + 2] in ("know", "understand", "find", "check"):
            if any(w in _TOLD_WHAT for w in tokens[i + 3 : i + 6]):
                return True
    return False


# "a customer asked me whether ...", "my manager is asking if ...": a question passed on.
_ASKED = frozenset("ask asks asked asking wonder wonders wondered wondering".split())


_WONDER = frozenset("wonder wonders wondered wondering".split())


def _asked_whether(tokens: list[str]) -> bool:
    """Whether someone asked (or wonders) whether or if something is so, within two words of the verb: "a volunteer
    asked me whether you would give her number to the police"; not "I asked you to delete it". Wondering asks
    whatever question word follows: "I'm wondering what protections apply when my details are sent"."""
    return any((word in _ASKED and any(w in ("whether", "if") for w in tokens[i + 1 : i + 4]))
               or (word in _WONDER and any(w in _TOLD_WHAT for w in tokens[i + 1 : i + 4]))
               for i, word in enumerate(tokens))


def _inverted_question(tokens: list[str], actions: frozenset[str]) -> str | None:
    """A question run on after a statement without a stop: a modal then a subject pronoun in the middle of a clause
    ("my bro is 10 can he have an account") asks; "... can you delete it" tells (an instruction)."""
    for i in range(1, len(tokens) - 2):
        if tokens[i] in _MID_MODALS and tokens[i - 1] not in _FIRST_PERSON | _MID_SUBJECTS | {"you"}:
            subject = tokens[i + 1]
            if subject == "you" and tokens[i] in _POLITE:
                return "instruction" if tokens[i + 2] in actions else None
            if subject in _MID_SUBJECTS:
                return "question"
    return None


# Participles that do not end in "ed", and the verbs they are of.
_PARTICIPLES = {"sent": "send", "taken": "take", "shut": "shut", "forgotten": "forget"}
_BEEN = frozenset("is was were be been being are am has have had get got".split())


def _wished_done(words: tuple[str, ...], actions: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The instruction a first-person wish makes with its verb after the object, in the verb's order, and the words
    after its participle: "I'd like the account closed" -> (("close", "the", "account"), ()); "I want my account
    updated to the new plan" -> (("update", "my", "account"), ("to", "the", "new", "plan")). None when there is none:
    "I want to know why it was closed" (an infinitive), "I'd like the one I closed last year back" (a past deed: "I"
    before it), a participle after "was" or "been"."""
    for i, word in enumerate(words[:-2]):
        if word not in _SUBJECTS:
            continue
        wish = next((j for j in range(i + 1, min(i + 4, len(words))) if stem(words[j]) in _WISHES), None)
        if wish is None or words[wish + 1 : wish + 2] == ("to",):
            return None
        for k in range(wish + 2, min(wish + 9, len(words))):
            verb = _PARTICIPLES.get(words[k]) or (words[k][:-1] if words[k].endswith("ed") else None)
            if verb is None or words[k - 1] in _BEEN or words[k - 1] in _CONDITION_SUBJECTS:
                continue
            base = next((a for a in actions if stem(a) == stem(verb) or a == verb), None)
            if base is not None and _OWNED & set(words[wish + 1 : k]):
                return (base, *words[wish + 1 : k]), words[k + 1 :]
        return None
    return None


# What a wish's object must name to be the visitor's (or a person's they speak for): "the account", "their info",
# "everything you know about me"; not "the dnd numbers", "all the invalid numbers", "the campaign", "the invoice".
_OWNED = frozenset("""my our his her their it everything account data information info details profile records
    personal""".split())


# The visitor's account or data named: "delete me and all my data, also no more marketing" deletes them.
_ALL_OF_THEIRS = frozenset("account accounts data information info details profile records everything".split())
# What a wish done in verb order must name: the visitor's account, data or details, not the product's settings.
_WISHED_THINGS = _ALL_OF_THEIRS | frozenset("number email address name phone".split())


_ASKING_VERBS = frozenset("ask asks asked asking".split())
_WHY_ASKED = frozenset("because since as cos coz bcoz bcz this every all everyone everybody".split())


def _why_i_ask(following: list[str]) -> bool:
    """Whether the words after "I" or "we" say why or of whom the visitor asks: "(I) ask because ...", "(I) am asking
    since ...", "(I) ask every company this"."""
    k = 1 if following[:1] in (["am"], ["m"], ["only"], ["just"], ["always"], ["now"]) else 0
    return following[k : k + 1] != [] and following[k] in _ASKING_VERBS and following[k + 1 : k + 2] != [] \
        and following[k + 1] in _WHY_ASKED


def _wishes(following: list[str]) -> bool:
    """Whether the words after "I" or "we" state a wish: "I want ...", "I'd like ...", not "I never asked", nor "I
    actually like the offers" (a liking: "like" wishes after "would" only, "I would really like ...")."""
    return any(stem(w) in _WISHES and (j == 0 or following[j - 1] != "never")
               and not (w == "consent" and j and following[j - 1] in _TAKING_CONSENT)
               and (w != "like" or _WOULD & set(following[max(0, j - 3) : j])) for j, w in enumerate(following))


# Consent taken as a thing, no wish ("we must take consent from the people we message": fresh35; only consent: "I take
# objection to ..." objects, the review of round 40).
_TAKING_CONSENT = frozenset("take taking took taken get getting obtain obtaining seek seeking collect".split())


_WOULD = frozenset("would d wd wud should".split())  # "I'd like" is read "i d like"
# What a visitor may wish for that is only an answer: "I need one number", "we want a quick answer".
_ONE = frozenset("a an one some".split())
_ANSWERS = frozenset("number figure quote answer answers price estimate clarification".split())
_SPEAKING = frozenset("speak talk discuss chat".split())
_DOUBTED = frozenset("whether if regarding".split())
_CHANNELS = frozenset("email mail phone call whatsapp form post sms letter online portal website app".split())
_BELIEVED_OF = frozenset("you u your ur bm".split())
# A complaint said beside a wish or a doubt: the wish stays one ("I want a reply, you leaked my number")
_GRIEVING = frozenset("""complaint complaints complain grievance grievances officer dpo leaked leak misused misuse
    dissatisfied unhappy filing escalate escalating""".split())
_ANSWER_WISHED = frozenset("answer reply response".split())
_PLAIN_ANSWER = frozenset("straight honest clear direct simple proper".split())
_WHEN_OR_WHY = frozenset("for by before please pls asap today".split())
_TALKED_OF = frozenset("concern concerns question questions doubt doubts query queries".split())
_FIGURES = frozenset("actual exact number figure count".split())
_BELIEVING = frozenset("thought think believe believed assumed assume felt guess guessed".split())
# A guess put forward ("I assume ...", "i bet ..."), and what it may be about: the visitor's things or the world's, or
# what we do to them ("you sell", not "you delete": "I suppose you delete my data now" asks it done).
_GUESSING = frozenset("assume assuming guess suppose presume bet suspect heard".split())
_SUPPOSED_OF = frozenset("my our the there nothing nobody no none this that it your ur".split())


_IN_CASE = (["in", "case", "of"], ["in", "the", "event", "of"], ["incase", "of"], ["in", "case"], ["incase"])
_ASKED_ABOUT = frozenset("my our the your you it they i we".split())


def _in_case_asks(tokens: list[str]) -> bool:
    """Whether a clause opening with "in case (of)" asks: a verb before its subject after the condition ("in case of
    merger does my data move"); not "in case of any breach pls delete all my data"."""
    opener = next((o for o in _IN_CASE if tokens[:len(o)] == o), None)
    if opener is None:
        return False
    rest = tokens[len(opener):]
    return any(w in _AUXILIARIES and w != "if" and rest[j + 1:j + 2] and rest[j + 1] in _ASKED_ABOUT
               for j, w in enumerate(rest[:6]))


def _supposes_a_practice(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether a clause opens with the visitor's guess ("I assume my data isn't analysed", "i guess you only take my
    name", "I heard you trade our data"), the guess about the visitor's things or about what we do, not a request's
    verb ("I suppose you delete my data now?", "i guess you can remove me")."""
    if tokens[:1] not in (["i"], ["we"]) or not tokens[1:2] or tokens[1] not in _GUESSING:
        return False
    rest = tokens[3:] if tokens[2:3] == ["that"] else tokens[2:]
    if rest[:1] and rest[0] in ("you", "u"):
        return bool(rest[1:2]) and rest[1] not in actions and rest[1] not in _MODALS and rest[1] not in ("can", "will")
    return bool(rest[:1]) and rest[0] in _SUPPOSED_OF
_WRONGDOING = frozenset("anything something wrong illegal".split())


def _opens_with(words: tuple[str, ...], actions: frozenset[str]) -> bool:
    """Whether a clause opens with a verb of request, after one word at most ("first send me a copy of my data?"),
    whatever its mark."""
    return any(w in actions for w in _opening(words)[:2])


_NOT_WISHED = frozenset("not dont don t wouldn won never no nahi".split())
_DENIED_ASKING = frozenset("asking ask requesting request".split())  # "I'm not asking you to erase anything, ..."


def is_request(query: Query, actions: frozenset[str], access_like: bool = False) -> bool:
    """True when the message tells us to do something rather than asking about something.

    `access_like`: "I'd like to know what you hold about me" exercises the
    right of access, so an inquiry counts as a request for that type.
    """
    if supposed(query):
        return False  # "Hypothetically, if my details turned out to be wrong, would you fix them?": asks about the right
    kinds = [classify_clause(c, actions) for c in query.parts]
    if _only_asked(query.parts, kinds):
        return False  # "Is there any way to stop receiving marketing emails? I don't want to do it right now, I'm only
        # asking what options exist." (session 47's review)
    kinds = ["other" if kind == "instruction" and _goes_on_with_condition(query.parts, i) else kind
             for i, kind in enumerate(kinds)]
    # "how do I verify my identity so you can delete my data", "what should I do so you can delete my account": what the
    # question is for, asked, not told (the review of session 40)
    kinds = ["other" if kind == "instruction" and query.parts[i].joined_by == "so" and i and kinds[i - 1] == "question" else kind
             for i, kind in enumerate(kinds)]
    # "just asking, is objecting to the processing an option i have", "one doubt, is my data shared with advertisers":
    # after a lead-in that announces a question, a clause opening with "is", "do", "can" ... asks, as it would opening
    # its sentence (fresh55)
    # So does one after a greeting alone: "hi, does airtel share my number with advertisers" (session 43's review)
    kinds = ["question" if kind == "statement" and i and (_announces_a_question(query.parts[i - 1].words)
                                                          or _only_greets(query.parts[i - 1].words))
             and query.parts[i].words[:1] and query.parts[i].words[0] in _AUXILIARIES else kind
             for i, kind in enumerate(kinds)]
    # "can I update, change or modify my information?": a list of verbs after the visitor's own "can I" goes on asking
    # whether they may; the verb after the comma is not an instruction of its own (dev_from_policyqa, round 57)
    # (only a clause that ends the question, opens with its verb and gives nothing to act with: not "can I update,
    # please change my email to ...", "can I delete, remove all my data right now", "may I access, send me a copy")
    kinds = ["question" if kind == "instruction" and i and not query.parts[i].opens_sentence
             and query.parts[i].question_mark and not _TELLS_WHAT & set(query.parts[i].words)
             and query.parts[i].words[:1] and query.parts[i].words[0] in actions
             and _asks_if_i_may(query.parts[i - 1].words, actions) else kind for i, kind in enumerate(kinds)]
    # "can i verify the information you hold about me and fix it if it's wrong": the verb joined on with "and" after the
    # visitor's own "can I" goes on asking whether they may, the question mark left off (session 53's review AV); not
    # "can I see my data and please delete it", "can i get a copy and send it to me now"
    kinds = ["question" if kind == "instruction" and i and query.parts[i].joined_by == "and"
             and not query.parts[i].opens_sentence and not _TELLS_WHAT & set(query.parts[i].words)
             and not any(part.question_mark for part in query.parts[i:])
             and _opening(query.parts[i - 1].words)[:2] in _MAY_I else kind for i, kind in enumerate(kinds)]
    # "my surname is misspelt in your records, can it be corrected?", "my email on file is old, can that be updated":
    # the visitor's own detail told wrong, then asked done, in the passive; not "can it be deleted?" alone, "my data is
    # stored with you, can it be deleted" (nothing amiss), "if a kid signs up, can that be removed?" (a condition
    # before: session 42)
    kinds = ["instruction" if kind == "question" and i and kinds[i - 1] == "statement"
             and _done_to_it_asked(query.parts[i].words, actions) and _own_thing_amiss(query.parts[i - 1].words)
             else kind for i, kind in enumerate(kinds)]
    # "would you actually delete things if someone asked or just say you did": what we would do for anyone who asked,
    # asked about, not asked done (session 49's review); not "would you delete my data if I asked nicely"
    kinds = ["question" if kind == "instruction" and _if_someone_asked(query.parts[i].words) else kind
             for i, kind in enumerate(kinds)]
    # "what info do you store on me? give me the list", "give me a full list of my personal data you store": the list
    # asked for is of the visitor's data, an instruction (the review of round 59)
    kinds = ["instruction" if kind == "question" and _asks_for_a_list(_opening(query.parts[i].words))
             and _lists_what_is_held(query.parts, i) else kind for i, kind in enumerate(kinds)]
    denied = query.denied_requests
    if any(kinds[i] == "instruction" or _DENIED_ASKING & set(query.parts[i].words)
           or (kinds[i] in ("wish", "statement") and denies_own_doing(query.parts[i].words)) for i in denied) \
            and not any(kind in ("instruction", "wish") or _opens_with(query.parts[i].words, actions)
                        or _instead(query.parts[i].words) for i, kind in enumerate(kinds) if i not in denied):
        # "please don't take me off the mailing list, I only want to know ...", "no need to send me my data, I was only
        # curious whether ...": the one instruction is said not to be carried out, before what is asked (round 21);
        # "I'm not asking you to erase anything, I just want to know what details you collect": the request said not
        # to be made, before what is asked (round 22); "we're not objecting to anything, just checking whether ...":
        # the visitor's own doing denied (round 23)
        return False
    if "wish" in kinds:
        # "I don't want my account deleted, just tell me what you collect": the wish said not to be made tells
        denied = _denied_clauses(query)
        kinds = ["statement" if kind == "wish" and i in denied else kind for i, kind in enumerate(kinds)]
    # "can you do that for her" asks done what a clause before it tells ("my sister wants her email deleted, ..."), not
    # what a question before it asks ("can I delete my data? can you do that?": the question stands)
    kinds = ["question" if kind == "instruction" and _asks_it_done(query.parts[i].words)
             and all(k == "question" for j, k in enumerate(kinds) if j != i) else kind for i, kind in enumerate(kinds)]
    back = [i for i, c in enumerate(query.parts) if kinds[i] == "instruction" and _does_it(c.words)]
    if back and all(kind == "question" and _opening(query.parts[i].words)[:1] and _opening(query.parts[i].words)[0]
                    in _TELLING for i, kind in enumerate(kinds) if i not in back):
        # "tell me what you collect, do it now": "do it" points back at a question, which asks to be told (the review
        # of round 17); not "if you can delete data, do it", "you said you would delete it, do it"
        kinds = ["other" if i in back else kind for i, kind in enumerate(kinds)]
    if kinds and kinds[0] == "question" and _asks_if_possible(query.parts[0].words) and query.parts[-1].question_mark \
            and " but " in query.text.lower() and all(not query.parts[i].opens_sentence
                                                      and not _URGING & set(query.parts[i].words)
                                                      for i, kind in enumerate(kinds) if kind == "instruction"):
        # "is it possible to keep getting OTP alerts but stop the promotional stuff?": what follows "but" / "and" in
        # the same question is part of what is asked possible, not an instruction (fresh18); not "is there any way to
        # stop promos, just stop them please?" (the review of round 26)
        kinds = ["question" if kind == "instruction" else kind for kind in kinds]
    last = [w for w in query.parts[-1].words if w not in _FILLERS] if query.parts else []
    if any(_opening(c.words) == ("how",) for c in query.parts) or (last[-1:] == ["how"] and not (
            _EXPLAINED_HOW & set(last[-3:-1]) and _NOBODY & set(last))):
        # "stop sending me promo mails, how?", "stop spamming me with promo mails how": asks how to do it; not what
        # nobody told ("I want to lodge a formal complaint ... nobody at your end will explain how": fresh42)
        return False
    if "instruction" in kinds or "wish" in kinds:
        return True
    if "question" not in kinds:
        # "I want to be certain my number is removed from your marketing list": the assurance wished, with no question
        # to answer it, asks for it to be done (the review of round 34)
        kinds = ["wish" if kind == "inquiry" and _assurance(query.parts[i].words) else kind for i, kind in enumerate(kinds)]
        if "wish" in kinds:
            return True
    if "inquiry" in kinds:
        # "I'd like to know what you hold about me" exercises the right of access; not when the visitor goes on to ask
        # ("... what you store about my payments. The card number? My billing address?"): they want to be told
        kinds = _inquiry_goes_on(query, kinds)
        return access_like and "question" not in kinds
    if not {"instruction", "wish"} & set(kinds) and not _mentions_minor(query.text) \
            and any(_told_of_another(query.parts, i) for i in range(len(query.parts))):
        # "My mother got a promo call from you and told them to stop.": someone else's request, told
        kinds = ["other" if kind == "statement" else kind for kind in kinds]
    kinds = ["other" if kind == "statement" and _told_done(part.words) else kind for kind, part in zip(kinds, query.parts)]
    return "statement" in kinds and "question" not in kinds


# Someone else's request told (`_told_of_another`): who (after "my", "our", "a", "the" and up to two words), and the
# past deed of asking us ("my colleague asked you to delete her data last month", "my cousin unsubbed from ur mails")
_SOMEONE_ELSE = frozenset("""colleague colleagues brother sister mother father mom mum dad friend friends dost cousin
    neighbour neighbor partner boss wife husband uncle aunt parent parents owner manager head employee employees
    customer customers client clients relative relatives""".split())
_OTHERS_ASKED = frozenset("asked told requested".split())  # ... of us ("asked you to", "told your team to")
_ASKED_OF_US = frozenset("you u your ur them the a".split())
_OTHERS_DID = frozenset("""filed complained unsubbed unsubscribed reported wrote emailed called raised lodged
    karwaya""".split())  # ... or done


def _told_of_another(parts: tuple[Part, ...], i: int) -> bool:
    """Whether clause `i` tells of a request someone else made of us, not the visitor's own: "my colleague asked you
    to delete her data last month", "my father says he asked your team to stop calling him", "the previous owner of
    this business asked you to export everything", "my mother got a promo call from you | and told them to stop"
    (session 45's review); not a child's data reported ("my son signed up", which the child's type reads), nor the
    visitor's ("I asked ...")."""
    words = parts[i].words
    who = _someone_else(words)
    if who is None and i and parts[i].joined_by == "and" and _someone_else(parts[i - 1].words) is not None:
        who = -1  # the subject said in the clause before
    if who is None:
        return False
    for k in range(who + 1, min(who + 7, len(words))):
        if words[k] in _OTHERS_DID:
            return True
        if words[k] in _OTHERS_ASKED and words[k + 1 : k + 2] and words[k + 1] in _ASKED_OF_US:
            return True  # not what the visitor was told ("my friend told me to ask you to delete my data")
    return False


def _someone_else(words: tuple[str, ...]) -> int | None:
    """Where the subject ends when a clause opens with someone other than the visitor ("he", "my colleague", "a parent
    at ...", `_SOMEONE_ELSE`), else None."""
    if words[:1] in (("he",), ("she",)):
        return 0  # (not "they": "... but they emailed me again" is us)
    if words[:1] in (("my",), ("our",), ("a",), ("the",)):
        return next((k for k in range(1, 4) if words[k : k + 1] and words[k] in _SOMEONE_ELSE), None)
    return None


def _told_done(words: tuple[str, ...]) -> bool:
    """Whether a statement tells that the request was carried out: "I got the confirmation that my data was deleted"."""
    before = words[: words.index("confirmation")] if "confirmation" in words else ()
    return bool({"got", "received", "have"} & set(before)) and not {"not", "no", "never", "nahi", "yet"} & set(before)


# What "what" may go on with in a fragment that only carries an inquiry on: "..., and if so, what exactly".
_JUST_WHAT = frozenset("exactly precisely all else".split())


def _inquiry_goes_on(query: Query, kinds: list[str]) -> list[str]:
    """`kinds` with the questions that only carry an inquiry on read as part of it: an embedded wh-clause joined by
    "and" ("I want to know which information you hold on me | and where you got it") or a bare "what (exactly)"
    ("... whether you still have anything linked to my number, and if so, | what exactly": fresh72); not a question of
    its own ("... what you store about my payments. | The card number?", "... and how long do you keep it?")."""
    out = list(kinds)
    for i, part in enumerate(query.parts):
        if out[i] != "question" or part.question_mark or not any(
                kind == "inquiry" and _VISITORS & set(query.parts[j].words) for j, kind in enumerate(out[:i])):
            continue  # (an inquiry about the visitor's own: not "what you collect in general | and where you store it")
        words = [w for w in part.words if w not in _FILLERS]
        embedded = part.joined_by == "and" and words[:1] and words[0] in _TOLD_WHAT \
            and words[1:2] in (["you"], ["u"]) and len(words) > 2 and words[2] not in _OR_NOT_MODALS
        # (its subject before its verb: not "how do you ...?"; nor what would be done, "... and when you would hand it to
        # government agencies", fresh32, which asks of a practice)
        bare = words[:1] in (["what"], ["which"]) and set(words[1:]) <= _JUST_WHAT
        if embedded or bare:
            out[i] = "inquiry"
    return out


_URGING = frozenset("please pls plz kindly just now asap".split())
# What may follow "get it done" ("pls get it changed asap": `_get_it_done`).
_SOON = _URGING | frozenset("today soon quickly immediately".split())
# Verbs of telling before a last "how", with nobody telling, which is then what was not told, not how to do it.
_EXPLAINED_HOW = frozenset("explain explained explains tell told tells say said says".split())
_NOBODY = frozenset("nobody noone no not never didn won".split())
# Words that open a condition.
_CONDITIONS = frozenset("if once when whenever after before unless suppose supposing".split())
# ... and of a reply the visitor promised someone ("I told them I'd check and get back").
_WILL_DO = frozenset("d ll will would shall".split())
_TOLD = frozenset("told said promised replied tell say".split())
_REPLYING_BACK = frozenset((("get", "back"), ("revert",), ("revert", "back"), ("let", "them"), ("let", "her"),
                           ("let", "him"), ("confirm",), ("reply",), ("find", "out"), ("check",)))


_ANYONE = frozenset("someone somebody anyone anybody people users customers they user customer person client clients "
                    "member members".split())
_ASKER_ARTICLES = frozenset("a an the any".split())
_ASKED_FOR = frozenset("asked asks ask requested requests request wanted wants".split())


def _if_someone_asked(words: tuple[str, ...]) -> bool:
    """Whether a clause that opens with "would you", "will you", "could you", "can you" or "do you" goes on "if someone
    asked" (anyone, people, a customer, they ...): what is done for whoever asks, asked about."""
    if tuple(words[:2]) not in _WOULD_YOU and tuple(words[:2]) != ("do", "you"):
        return False
    for k, w in enumerate(words):
        if w != "if":
            continue
        who = k + 1 + (words[k + 1 : k + 2] != () and words[k + 1] in _ASKER_ARTICLES)  # "if a customer requests it"
        if words[who : who + 1] and words[who] in _ANYONE and _ASKED_FOR & set(words[who + 1 : who + 3]):
            return True
    return False


def _goes_on_with_condition(parts: tuple[Part, ...], i: int) -> bool:
    """Whether clause `i` goes on, after "and", with a condition of the visitor's own doing that the clause before it
    opened, before a question: "If I stop paying and close the account after a year, how long will you keep ...?" tells
    us nothing to do (fresh31)."""
    if i == 0 or parts[i].joined_by != "and" or parts[i].words[:1] and parts[i].words[0] in _URGING:
        return False  # "When I registered I gave the wrong email and please correct it" (the review of round 37)
    before = [w for w in parts[i - 1].words if w not in _FILLERS]
    if _TOLD & set(before) and any(a in ("i", "we") and b in _WILL_DO for a, b in zip(before, before[1:])) \
            and tuple(parts[i].words[:2]) in _REPLYING_BACK:
        return True  # "I told them I'd check and get back": the visitor's own promised reply (fresh35; only a reply
        # promised: not "I'll be travelling and delete my data before that", the review of round 40)
    # ... and a question follows, which the condition is of: not "If I have any data with you and delete it"
    # So does the visitor's own plan or what may come ("We might close our store next year and stop using your service.
    # Would I have the right to ...?", session 47's review): the verb after "and" shares the plan's subject and modal.
    if not (before[:1] and before[0] in _CONDITIONS and before[1:2] in (["i"], ["we"])) and not _plans(before):
        return False
    # (or in the clause itself: "if i uninstall and close my account how long until they wipe my stuff", session 45)
    return parts[i].question_mark or any(w in _QUESTION_WORDS for w in parts[i].words[2:]) or any(
        part.question_mark or part.words[:1] and (part.words[0] in _QUESTION_WORDS or part.words[0] in _AUXILIARIES)
        for part in parts[i + 1:])


# Where a trade is the visitor's: "I work in marketing", "my job is in marketing", "head of marketing".
_IN_A_TRADE = frozenset({("work", "in"), ("works", "in"), ("working", "in"), ("job", "in"), ("career", "in"),
                         ("head", "of"), ("degree", "in"), ("m", "in"), ("am", "in"), ("re", "in"), ("are", "in")})
_LISTED_IN = frozenset("list lists database databases mails emails messages sms calls".split())
_TRADE_ROLES = frozenset("manager managers head lead executive executives agency agencies firm department intern "
                         "consultant consultants professional professionals student background".split())


def _own_trade(words: tuple[str, ...], i: int) -> bool:
    """Whether the word at `i` ("marketing", "marketer") names the visitor's own trade or role: a marketer, "I work in
    marketing", or, after "I", "we", "my", "our" or "as", a role in it ("as a marketing manager", "our marketing
    agency"); not "your marketing team keeps calling me", "stop your marketing"."""
    if words[i] in ("marketer", "marketers"):
        return True
    if words[i + 1 : i + 2] and words[i + 1] in _LISTED_IN:
        return False  # "I'm in marketing list of yours, please take me off" (the code review of session 47)
    return tuple(words[max(0, i - 2) : i]) in _IN_A_TRADE or (
        words[i + 1 : i + 2] != () and words[i + 1] in _TRADE_ROLES
        and bool({"i", "we", "my", "our", "as"} & set(words[max(0, i - 3) : i])))


# What the visitor may do or plans ("we might", "we are planning to", "I'm going to"); not "I will", which may
# announce what the visitor asks done ("I will close my account and delete everything, can you confirm?").
_PLANNING = frozenset("might may plan plans planning intend intending thinking considering going gonna".split())


def _plans(words: list[str]) -> bool:
    """Whether a clause opens with the visitor as subject and a verb of what may come or is planned within the next
    three words ("we might close our store", "i m planning to switch"); not "I want ...", "I have ..."."""
    return words[:1] in (["i"], ["we"]) and bool(_PLANNING & set(words[1:4]))


# What makes a polite "would it be possible to ..." ask about a later time or a condition: a question, not a request.
_LATER = frozenset("if later future once after when ever whenever eventually someday".split())


def _assurance(words: tuple[str, ...]) -> bool:
    """Whether a clause wishes to be sure or certain of something (see `_INQUIRIES`)."""
    return any(contains_phrase(phrase, list(words), max_skip=1) for phrase in _ASSURANCES)


# A message that opens by saying it only supposes ("hypothetically, ...", "in theory, ...") asks what would happen.
_SUPPOSING = frozenset("hypothetically hypothetical theoretically".split())
# What may follow the word of supposing in its clause: a condition or the question itself ("hypothetically, if ...",
# "theoretically could you ..."), not a statement ("in theory your policy says ...", "hypothetically you can't refuse").
_SUPPOSED_NEXT = frozenset("if would could can what will do does is are".split())
# A case supposed in a clause of its own, before the question ("suppose my son signed up, what would you do?").
_SUPPOSE = frozenset("suppose supposing imagine".split())
_WH_ASKING = frozenset("how who whom where when why which".split())


def hypothetical(query: Query) -> bool:
    """Whether a clause of the message supposes the visitor asked ("if I did ask, would you actually do it?", see
    `_HYPOTHETICAL`)."""
    return any(contains_phrase(phrase, list(part.words), max_skip=1) for part in query.parts for phrase in _HYPOTHETICAL)


_WOULD_YOU = frozenset((modal, you) for modal in ("would", "will", "could", "can") for you in ("you", "u"))
# A request supposed, alone in its clause: "if I asked, ...", "suppose I asked, ...", "say I requested it, ...".
_IF_I_ASKED = frozenset((opening, "i", asked, *it) for opening in ("if", "suppose", "say")
                        for asked in ("asked", "requested") for it in ((), ("it",), ("for", "it")))


# What a visitor says to tell us a question is only asked: "I'm only asking", "I just want to know", "not asking for it
# now", "I'm not making a complaint yet", "abhi nahi karna bas jaanna hai" (read "abhi not do bas jaanna").
_ONLY_ASKING = (("only", "asking"), ("just", "asking"), ("only", "want", "to", "know"), ("just", "want", "to", "know"),
                ("only", "wanted", "to", "know"), ("just", "wanted", "to", "know"), ("only", "wish", "to", "know"),
                ("not", "asking", "for", "it"), ("not", "asking", "for", "that"), ("not", "requesting"),
                ("not", "making", "a", "complaint"), ("not", "making", "a", "request"), ("not", "complaining"),
                ("asking", "generally"), ("asking", "in", "general"), ("bas", "jaanna"), ("sirf", "jaanna"))
# ... and what may still make a request beside it: an instruction that opens with its verb, or a word that urges
# ("please ...": `_URGING`'s words of politeness, not its "just" and "now", which the saying itself uses).
_URGED = _URGING - {"just", "now", "asap"}


def _only_asked(parts, kinds: list[str]) -> bool:
    """Whether a message says it only asks (`_ONLY_ASKING`, in a clause of its own) beside a question asked with "?",
    and tells us to do nothing: no clause is an instruction without a "?" ("... I'm only asking. Please unsubscribe me
    anyway" still asks it done)."""
    said = [i for i, part in enumerate(parts) if any(contains_phrase(p, list(part.words), max_skip=1)
                                                     for p in _ONLY_ASKING)]
    if not said or len(parts) < 2:
        return False
    asked = any(part.question_mark for i, part in enumerate(parts) if i not in said)
    told = any(kind == "instruction" and not part.question_mark and i not in said
               for i, (part, kind) in enumerate(zip(parts, kinds))) \
        or any(_URGED & set(part.words) for i, part in enumerate(parts) if i not in said)
    return asked and not told


def supposed(query: Query) -> bool:
    """Whether the message is one sentence, a question, that opens with a word of supposing said alone ("Hypothetically,
    ...", "in theory, ...") or before a condition or a question (see `_SUPPOSED_NEXT`), or with "if I ever ..." before
    what we would do; fillers before it dropped. Not "In theory you respect privacy. Unsubscribe me from everything.
    Got it?" (the review of round 34)."""
    if not query.parts or not query.parts[-1].question_mark or any(p.opens_sentence for p in query.parts[1:]):
        return False
    words = [w for w in query.parts[0].words if w not in _FILLERS]
    if (words[:3] in (["if", "i", "ever"], ["if", "we", "ever"]) or tuple(words) in _IF_I_ASKED) \
            and len(query.parts) == 2 and tuple(query.parts[1].words[:2]) in _WOULD_YOU:
        # "If I ever wanted a copy of my info, would you give it to me?": the visitor's condition that may never be,
        # and what we would do then asked; not "if I ever stop using the service, delete my data?", "if you have ever
        # stored my number, remove it now?" (the review of round 51); "suppose I asked, could you forward all my data
        # to me?" (the review of session 42)
        return True
    if len(query.parts) > 1 and len(words) > 1 and words[0] in _SUPPOSE and query.parts[-1].words[:1] \
            and query.parts[-1].words[0] in _SUPPOSED_NEXT | _WH_ASKING:
        # "Suppose my son signed up, what would you do?": the case supposed, then what would follow asked (session 43's
        # review); not "suppose you have my data, delete it?"
        return True
    rest = words[1:] if words[:1] and words[0] in _SUPPOSING else words[2:] if words[:2] == ["in", "theory"] else None
    return rest is not None and (not rest or rest[0] in _SUPPOSED_NEXT)


def _asks_if_possible(words: tuple[str, ...]) -> bool:
    """Whether a clause opens by asking if something is possible: "is it possible to ...", "is there a way to ..."."""
    return words[:3] == ("is", "it", "possible") or (words[:2] == ("is", "there") and bool(
        {"way", "option", "possibility"} & set(words[2:5])))


# Words that make a clause after "can I ..." an instruction after all: a new value, the visitor as recipient, urgency.
_TELLS_WHAT = frozenset("to me now pls plz please asap immediately".split())
# The visitor asking whether they may: "can I ...", "could we ...".
_MAY_I = frozenset((aux, subject) for aux in ("can", "could", "may") for subject in _SUBJECTS)
# Verbs of looking at one's data, which no request type's actions hold ("can I view, download my data").
_SEEING = frozenset("view see access check review read inspect".split())


def _asks_if_i_may(words: tuple[str, ...], actions: frozenset[str]) -> bool:
    """Whether a clause is only the visitor asking whether they may act, its verb left for the next clause to finish:
    "can I update", "may we correct", "am I able to delete" (not "can you delete": that asks us to)."""
    opening = _opening(words)
    return 3 <= len(opening) <= 5 and opening[0] in _AUXILIARIES and opening[1] in _SUBJECTS \
        and (opening[-1] in actions or opening[-1] in _SEEING)


# A clause that only announces a question: "just asking", "quick question", "one doubt", "curious", "I was wondering".
_ANNOUNCING = frozenset("asking curious wondering question query doubt".split())
# (with _FILLERS: "just", "so", "hey" ...)
_ANNOUNCING_ASIDE = frozenset("only quick small simple one a i am im m was me my out of genuinely".split())
# A greeting's words beside _FILLERS ("good morning", "hello everyone").
_GREETED = frozenset("good morning afternoon evening namaste there all everyone guys folks".split()) | INDIAN_GREETINGS
# A support ticket's title (`_ticket_title`): what may open it, the requests it names, and what makes it a question.
_TICKET_OPENERS = frozenset("data my our gdpr dpdp privacy personal".split())
_TICKET_TYPES = frozenset("access portability correction rectification deletion erasure objection".split())
_TICKET_ASKED = frozenset("""status update progress pending how when what where why which was were is are has have
    been got""".split())  # (nor a verb: "my access request was acknowledged on monday" tells)


def _announces_a_question(words: tuple[str, ...]) -> bool:
    """Whether a clause is only a lead-in announcing a question ("just asking", "quick question", "one small doubt")."""
    said = set(words)
    return bool(said & _ANNOUNCING) and said <= _ANNOUNCING | _ANNOUNCING_ASIDE | _FILLERS


def _ticket_title(tokens: list[str]) -> bool:
    """Whether a clause opens as a support ticket's title names a request: "(data) access request", "deletion request
    for my account", "data portability request - acc id ..."; not its status asked ("access request status")."""
    k = 1 if tokens[:1] and tokens[0] in _TICKET_OPENERS else 0
    return k + 1 < len(tokens) <= 10 and tokens[k] in _TICKET_TYPES and tokens[k + 1] in ("request", "requests") \
        and not _TICKET_ASKED & set(tokens)


# A request already made, asked after (`follows_up`): what the visitor sent, the verbs of sending it, the rights
# whose exercise is named as the visitor's ("my deletion"), what names it a privacy request, and its state or its time
# asked.
# (not a ticket: a support ticket's status is the product's, "raised ticket 45821, whats the status"; nor a report: "my
# delivery report")
_SENT_THINGS = frozenset("request requests complaint complaints application enquiry inquiry form submission".split())
_SENDING = frozenset("""sent send sending submitted submit submitting raised raise made filed file filing lodged lodge
    placed logged filled filling""".split())
_OWN_ACTS = frozenset("deletion erasure correction rectification objection unsubscription".split())
# "I asked for a copy of my data a fortnight ago", "the opt-out I requested", "I reported it last week": the visitor
# telling of asking before (said with "I" or "we" just before the verb, "have", "had", "already" or "just" between)
# (not "sent": "the messages I sent through the platform"), and not supposed ("if I asked you to erase me")
_ASKED_BEFORE = frozenset("""asked requested submitted emailed wrote filed raised applied reported lodged called mailed
    messaged contacted""".split())
_BETWEEN_I_AND_ASKED = frozenset("have had already just also".split())
_ASKED_IF = frozenset("if suppose supposing once when after".split())
_PRIVACY_SENT = frozenset("""deletion delete erasure erase access data privacy correction rectification portability
    export objection object opt unsubscribe grievance dsar personal information info right rights""".split())
_STATE_ASKED = frozenset("""status progress pending news acknowledged acknowledgement acknowledgment received processed
    processing reached receive yet track tracking waiting heard reminder chasing nudging confirm confirmation receipt
    through completed complete done dealt handled handling delay delayed longer deadline nothing happened hua revert
    reverted""".split())
_TIME_ASKED = (("how", "long"), ("how", "many", "days"), ("how", "soon"), ("when", "will"), ("how", "much", "time"),
               ("kitne", "din"), ("so", "long"), ("when", "can", "i", "expect"), ("on", "its", "way"))
# ... and a message that opens by saying it follows one up ("following up on my earlier message about ...")
# (not "just checking": "just checking, can a user verify ..." announces a question)
_FOLLOWING_UP = (("following", "up"), ("chasing", "up"), ("nudging", "you"), ("reminder",), ("follow", "up", "on"),
                 ("checking", "in", "on"))
_GREETING_FIRST = frozenset("hi hello hey dear sir madam team".split())  # "hi, following up on ..."
# Whether it arrived or must be sent again ("did u get my request?", "do i need to request again?")
_ARRIVED_ASKED = (("did", "you", "get"), ("did", "u", "get"), ("have", "you", "got"), ("did", "you", "receive"),
                  ("did", "u", "receive"), ("request", "again"), ("ask", "again"), ("apply", "again"), ("submit", "again"),
                  ("send", "it", "again"), ("what", "now"),
                  # Hindi's "kab milegi" (when will I get it), "kab hoga" (when will it be done)
                  ("when", "milegi"), ("when", "milega"), ("when", "aayega"), ("when", "aayegi"), ("when", "hoga"))
# A right's act named as the visitor's with one word between ("my account deletion", "my data export", "my opt out")
_OWN_ACT_BETWEEN = frozenset("account data personal info information".split())
_OWN_ACTS_TOO = frozenset("export opt optout".split())
# Time gone by since the request, told ("it's been 40 days", "crossed 30 days", "since 20 days", "it's day 33", Hindi's
# "3 hafte ho gaye"): the visitor is waiting on something sent
_SPANS = frozenset("day days week weeks month months fortnight fortnights".split())
_HINDI_SPANS = frozenset("din hafte hafta mahina mahine".split())  # "ek mahina (ho gaya)": Hindi drops the verb
_COUNTED = frozenset("a an one two three four five six seven eight nine ten few couple several".split())
_GONE_BY = frozenset("been since crossed passed gone gaye gaya".split())  # (not "over": "unused for over 6 months")
# Nothing heard back ("nobody replied", "no response yet", "koi reply nahi aaya"), what it is said of ("my email")
_NO_ONE = (("nobody",), ("no", "one"), ("noone",))
_REPLY_WORDS = frozenset("reply replies response responses answer word".split())
_REPLIED = frozenset("replied responded reverted answered reply respond revert answer back".split())
_WROTE_TO_YOU = frozenset("email emails mail mails message messages letter query queries".split())


def _asked_before(ws: tuple[str, ...]) -> bool:
    """Whether the visitor tells of having asked before: "I asked ...", "we have already submitted ...", "since I
    requested ..." (`_ASKED_BEFORE`)."""
    for i, word in enumerate(ws):
        if word in _ASKED_BEFORE:
            k = i - 1
            while k >= 0 and ws[k] in _BETWEEN_I_AND_ASKED:
                k -= 1
            if k >= 0 and ws[k] in ("i", "we") and not (k and ws[k - 1] in _ASKED_IF):
                return True
            if i == 0 and ws[1:2] not in (("to",), ("by",)) and word != "asked":
                return True  # text-speak drops the "I": "mailed your team about erasing my number, no one replied"
        if word in _SENT_THINGS and ws[i + 1 : i + 2] in (("sent",), ("submitted",), ("raised",), ("filed",)) \
                and {"i", "we"} & set(ws[max(0, i - 4) : i]):
            return True  # Hindi puts the verb last: "maine data delete request bheja tha" reads "i data delete request
            # sent"
    return False


def follows_up(query: Query, actions: frozenset[str]) -> str | None:
    """Whether a message asks after a request the visitor already made: "what's the status of my deletion request",
    "any update on my request?", "I sent an access request last week, any news?", "how long will my deletion request
    take", "when will my deletion be completed?", "I asked for a copy of my data a fortnight ago. Is it on its way?",
    "Following up on my earlier message about deleting my account." What was sent is named as the visitor's ("my" or
    "our" just before it, or a right's act: "my deletion"), as sent ("I raised a complaint"), or the visitor tells of
    having asked; and its state or its time is asked ("any update", "still waiting", "did it go through"), or the
    message opens as a follow-up; no clause tells or wishes anything done ("my request is still pending, delete my data
    now" makes the request again).

    Returns "privacy" when the request is named as one about data or rights ("my deletion request", a complaint,
    "I asked for my data"), "bare" when it is only "my request" or "my form" (which the caller weighs against the
    product's requests), else None."""
    ws = query.words
    named = None
    for i, word in enumerate(ws):
        before = ws[max(0, i - 4) : i]
        sent_after = ws[i + 1 : i + 2] in (("i",), ("we",)) and bool(_SENDING & set(ws[i + 2 : i + 4]))
        if word in _SENT_THINGS and ({"my", "our"} & set(before) or _SENDING & set(ws[max(0, i - 5) : i] + ws[i + 1 : i + 3])):
            named = "privacy" if word.startswith("complaint") or _PRIVACY_SENT & set(before) else named or "bare"
        elif word == "ticket" and sent_after and _PRIVACY_SENT & set(ws[i + 4 : i + 10]):
            named = "privacy"  # "the ticket I raised for removing my child's data" (not a ticket of the product's)
        elif word in _OWN_ACTS and ws[i - 1 : i] in (("my",), ("our",)):
            named = "privacy"  # "my deletion"
        elif (word in _OWN_ACTS or word in _OWN_ACTS_TOO) and not _supposes_asking(ws) and (
                ws[i - 1 : i] in (("my",), ("our",)) or (ws[i - 2 : i - 1] in (("my",), ("our",))
                                                        and ws[i - 1] in _OWN_ACT_BETWEEN)):
            named = "privacy"  # "my account deletion", "my data export", "my opt out" (not "... once I submit it")
        elif word in _OWN_ACTS and sent_after:
            named = "privacy"  # "the objection I sent"
    opened = any(tuple(ws[k : k + len(p)]) == p for p in _FOLLOWING_UP
                 for k in (0, 1) if not k or ws[:1] and ws[0] in _GREETING_FIRST)
    waited = _time_gone_by(ws)
    silent = _nothing_heard(ws)
    arrived = _arrived_asked(ws)
    if named is None and (_asked_before(ws) or opened or (silent and (waited or _wrote_to_us(ws)))
                          or (waited and (silent or (_STATE_ASKED | {"still"}) & set(ws) or arrived))):
        # "I wrote to sales@ about removing my info, nobody replied", "waiting for ur reply since 20 days", "crossed
        # 30 days, my data file still not received", "you said 30 days. it's day 33. what now?"
        named = "privacy" if _PRIVACY_SENT & set(ws) else "bare"
    if named is None or ({"ticket", "tickets"} & set(ws) and not _PRIVACY_SENT & set(ws)):
        return None  # (a ticket named with no privacy word is the product's: "raised ticket 45821, nobody replied")
    said = set(ws)
    updated = any(w in ("update", "updates") and (ws[i - 1 : i] in (("any",), ("an",), ("the",), ("no",))
                                                  or ws[i + 1 : i + 2] in (("on",), ("about",), ("regarding",)))
                  for i, w in enumerate(ws))
    timed = any(contains_phrase(list(p), list(ws), max_skip=0) for p in _TIME_ASKED)
    if not (_STATE_ASKED & said or updated or timed or opened or waited or silent or arrived):
        return None
    # (the telling of having asked is read as a wish: "I asked for a copy of my data a fortnight ago"; so is asking to
    # be told its state: "pls confirm whether my account deletion is complete")
    if any(classify_clause(part, actions) in ("instruction", "wish") and not _none_heard(part.words)
           and not (len(part.words) <= 5 and _nothing_heard(part.words)) and not _asked_before(part.words)
           and not _told_its_state(part.words)
           for part in query.parts):
        return None
    return named


def _supposes_asking(ws: tuple[str, ...]) -> bool:
    """Whether the visitor supposes asking ("... once I submit it", "if we send it"), not tells of having asked."""
    return any(w in _ASKED_IF and ws[j + 1 : j + 2] in (("i",), ("we",)) for j, w in enumerate(ws))


def _time_gone_by(ws: tuple[str, ...]) -> bool:
    """Whether the message tells of time gone by: "it's been a month", "since 20 days", "crossed 30 days", "it's day
    33", "3 hafte (ho gaye)"; not a time asked or planned ("in 2 weeks", "how many days")."""
    for i, word in enumerate(ws):
        counted = i > 0 and (ws[i - 1].isdigit() or ws[i - 1] in _COUNTED)
        if counted and word in _HINDI_SPANS and ws[i - 2 : i - 1] != ("kitne",):
            return True
        if counted and word in _SPANS and _GONE_BY & set(ws[max(0, i - 4) : i - 1] + ws[i + 1 : i + 3]):
            return True
        if counted and word in _SPANS and ws[i + 1 : i + 2] in (("back",), ("ago",)) and _ASKED_BEFORE & set(ws):
            return True  # "I asked for a copy of my data 3 weeks back" (session 52's review AO); "back" only after the
            # span, not "will you get back in 2 weeks"; and a request told of, not "Two years back I set up an account"
        if word == "day" and ws[i + 1 : i + 2] and ws[i + 1].isdigit() and ws[i - 1 : i] in (("s",), ("is",), ("its",)):
            return True
    return False


def _nothing_heard(ws: tuple[str, ...]) -> bool:
    """Whether the message says nothing came back: "no response yet", "nobody replied", "no one has", "reply not
    (aaya)", "waiting for your reply"."""
    for i, word in enumerate(ws):
        if word in _REPLY_WORDS and ({"no", "not", "nahi"} & set(ws[max(0, i - 2) : i + 3])
                                     or ws[i - 2 : i] in (("for", "your"), ("for", "ur"), ("for", "a"))):
            return True
        nobody = next((len(p) for p in _NO_ONE if tuple(ws[i : i + len(p)]) == p), 0)
        if nobody and ws[i - 1 : i] not in (("with",), ("to",)) \
                and (_REPLIED & set(ws[i + nobody : i + nobody + 3]) or i + nobody + 2 >= len(ws)):
            return True  # "nobody replied", "no one has got back", "... no one has" (not "no one else reads my mail")
    return False


def _wrote_to_us(ws: tuple[str, ...]) -> bool:
    """Whether the visitor names what they wrote to us: "my email", "my last mail", "my query"."""
    return any(w in _WROTE_TO_YOU and {"my", "our"} & set(ws[max(0, i - 2) : i]) for i, w in enumerate(ws))


def _arrived_asked(ws: tuple[str, ...]) -> bool:
    """Whether it is asked if the request arrived or must be sent again (`_ARRIVED_ASKED`)."""
    return any(contains_phrase(p, list(ws), max_skip=0) for p in _ARRIVED_ASKED)


_TELL_STATE = frozenset("confirm tell inform intimate update".split())


def _told_its_state(words: tuple[str, ...]) -> bool:
    """Whether a clause asks to be told where the request stands: "pls confirm whether my deletion is complete", "let
    me know if it went through"; the verb of telling, then "whether" or "if"."""
    return any(w in _TELL_STATE and {"whether", "if"} & set(words[i + 1 : i + 4]) for i, w in enumerate(words))


_HEARD = frozenset("reply replies response responses answer news update updates word".split())


def _none_heard(words: tuple[str, ...]) -> bool:
    """Whether a clause only says nothing came back: "no reply yet", "no response so far" (not "no more emails")."""
    return words[:1] == ("no",) and words[1:2] != () and words[1] in _HEARD


# A demand said of the visitor's things in the passive (`_passive_demand`): what must be done, and the polite frames
# that ask it ("I'd appreciate it if ...", "it would be great if ...").
_MUST = (("should", "be"), ("must", "be"), ("is", "to", "be"), ("are", "to", "be"), ("needs", "to", "be"),
         ("need", "to", "be"), ("could", "be"))
_POLITE_IF = (("appreciate", "it", "if"), ("would", "be", "great", "if"), ("would", "be", "grateful", "if"),
              ("grateful", "if"), ("would", "be", "nice", "if"), ("would", "help", "if"),
              # "I was wondering whether you could delete everything you have on me" (session 51's review)
              ("wondering", "whether"), ("wondering", "if"))
# ... not a rule told or asked of: "your policy says my data should be deleted on request", "my data should be deleted
# after i close the account, is that the rule?" (a saying, a condition, a time)
_NO_DEMAND = frozenset("""says said say states stated mentions mentioned written after when once before
    automatically request requested""".split())


# Participles that are not their verb's stem with an ending ("My personal data should be sent to my registered email",
# "My number should be taken off your promotional SMS list": session 47's review)
_IRREGULAR_DONE = {"sent": "send", "taken": "take", "given": "give", "shown": "show"}


def _passive_demand(tokens: list[str], actions: frozenset[str]) -> bool:
    """Whether a clause demands something done to the visitor's things, in the passive or inside a polite frame: "my
    personal data should be deleted from all your servers", "my number must be removed from your lists", "all personal
    information held about me is to be provided to me", "I'd appreciate it if you could erase my contact details", "it
    would be great if my billing address could be updated". The thing is the visitor's ("my", "our", "about me"), the
    verb one of `actions` (as its participle: "deleted" has the stem of "delete"); "could be" only inside a polite
    frame, and no "not" ("my data should not be shared" objects, which the markers read)."""
    if "not" in tokens or not ({"my", "our"} & set(tokens) or "me" in tokens) or _NO_DEMAND & set(tokens):
        return False
    verbs = _action_stems(actions)
    polite = next((i + len(p) for i in range(len(tokens)) for p in _POLITE_IF if tuple(tokens[i : i + len(p)]) == p),
                  None)
    if polite is None and "if" in tokens:
        return False  # a condition ("my data should be deleted if i close my account"), not a polite frame
    for i in range(len(tokens)):
        for frame in _MUST:
            if tuple(tokens[i : i + len(frame)]) != frame or (frame == ("could", "be") and polite is None):
                continue
            done = tokens[i + len(frame) : i + len(frame) + 1]
            # the verb of the participle: "deleted" -> "delet"; "sent" -> "send" (`_IRREGULAR_DONE`); none for a word
            # that is its own stem
            verb = (_IRREGULAR_DONE.get(done[0]) or (stem(done[0]) if done[0] != stem(done[0]) else None)) \
                if done else None
            if verb in verbs and {"my", "our", "me"} & set(tokens[:i]):
                return True
    if polite is not None:
        rest = tokens[polite:]
        # "... if you could erase my contact details", "... if you stopped sending me marketing emails"
        if rest[:1] in (["you"], ["u"]) and len(rest) > 2 and (rest[1] in ("could", "can", "would", "will")
                                                                and stem(rest[2]) in verbs) and {"my", "me", "our"} & set(rest):
            return True
    return False


def _only_greets(words: tuple[str, ...]) -> bool:
    """Whether a clause is only a greeting ("hi", "hello team", "good morning sir")."""
    return bool(words) and set(words) <= _FILLERS | _GREETED


def _instead(words: tuple[str, ...]) -> bool:
    """Whether a clause names what the denied request is to be done on instead: "I don't want to delete my account,
    *just my phone number*, is that possible?" still asks the number deleted."""
    return words[:1] in (("just",), ("only",)) and words[1:2] in (("my",), ("our",), ("the",))


class Intents:
    """The request types of `intents.yaml` and the detector built from them."""

    def __init__(self, intents: list[Intent], fields: dict[str, Field], actions: frozenset[str],
                 marker_words: frozenset[str] = frozenset()):
        self.intents = intents
        self.fields = fields
        self.actions = actions
        # The markers' words as written ("complaint", "newsletter"): a misspelling of one is read as it.
        self.marker_words = marker_words
        self._by_name = {i.name: i for i in intents}
        # Each type's own words: its markers' stems but those many types share (`_SHARED_MARKER_STEMS`).
        self._own_stems = {i.name: frozenset(s for marker in i.markers for s in marker) - _SHARED_MARKER_STEMS
                           for i in intents}
        # ... and its markers said with a "no", which ask rather than deny ("not happy", "never replied")
        self._said_with_no = {i.name: tuple(m for m in i.markers if m[0] in _NEGATIONS) for i in intents}

    def __iter__(self):
        return iter(self.intents)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Intent | None:
        return self._by_name.get(name)

    def ruled_out(self, query: Query | str) -> Detection | None:
        """The request a message `detect` finds no type in would make but for its product words (`unless`, and a
        verb on "the" something of the product's): "stop sending me OTPs", "delete the template I made yesterday".
        None when it makes no such request. (The caller has run `detect` already; it is not run again here.)"""
        found = self.detect(query, ignore_unless=True)
        return found if found is not None and found.request else None

    @staticmethod
    def says_no(query: Query) -> bool:
        """Whether the message has a "no" in it (not, never, "don't", "mat karo", "nahi" ...)."""
        return bool(_NEGATIONS & set(query.words))

    def said_no_to(self, query: Query, name: str) -> bool:
        """Whether a "no" in the message may deny a request of type `name`, which the model's request heads cannot
        read (they give "please don't delete my account" the deletion as surely as "please delete my account").

        For a type not asked for with a "no", a clause with one denies it when the clause holds a word of the type's
        own ("please don't delete my account", "I'm not asking you to erase anything") or nothing is asked after it
        ("lemme see all the stuff u got on me. actually never mind"); not a "no" in the story before what is asked
        ("this is not okay, someone shared my number and I want it looked into", "I don't need the account any more
        and I'd like every trace of my details taken off your systems"; until session 40 any "no" did). For a type
        that is (NEGATION_ASKS: "mere data ka analysis mat karo" objects), a "no" just before a verb of stopping
        ("I'm fine with it, no need to stop", "I don't object")."""
        if not self.says_no(query):
            return False
        if name in NEGATION_ASKS:
            stems = query.stems
            return any(w in _NEGATIONS and _STOPPING & set(stems[i + 1 : i + 4]) for i, w in enumerate(query.words))
        own = self._own_stems.get(name, frozenset())
        said_with_no = self._said_with_no.get(name, ())
        parts = query.parts
        denying = [bool(_NEGATIONS & set(part.words)) for part in parts]
        kinds: list[str] | None = None
        for i, part in enumerate(parts):
            if not denying[i]:
                continue
            stems = [stem(w) for w in part.words]
            if any(_has_marker(marker, stems) for marker in said_with_no):
                continue  # the type's own "no" ("not happy with how you handled my data", "never replied"): it asks
            if own & set(stems) or _takes_back(part.words):
                return True  # (a clause that only takes back: "nah not needed, I want it to stay as it is")
            if kinds is None:
                kinds = [classify_clause(p, self.actions) for p in parts]
            if not any(kinds[j] in ("instruction", "wish", "inquiry") and not denying[j] for j in range(i + 1, len(parts))):
                return True
        return False

    def had_their_say(self, query: Query, name: str) -> bool:
        """Whether the rules have read a request of type `name` in the message, however `detect` then took it (denied,
        on the product's things, ...): its markers are there ("my account deactivated"), or a "no" that may deny it
        (`said_no_to`: "I don't want my account deleted, just paused", "mera data delete mat karo", "don't swap it for
        the one I'm writing from"). Not "mere data ka analysis mat karo" for an objection, nor "aap log meri info
        targeted ads ke liye use karte ho, woh rukwana hai, account delete nahi karna" (the deletion's markers and a
        "nahi": the deletion is the rules', the objection is not)."""
        intent = self.get(name)
        if intent is None:
            return False
        if self.said_no_to(query, name):
            return True
        stems = list(query.stems)
        present = set(stems)
        return any(_has_marker(marker, stems) for marker in intent.markers if present.issuperset(marker))

    def detect(self, query: Query | str, ignore_unless: bool = False) -> Detection | None:
        """Find the request type a message is about, and whether it makes the request.

        `ignore_unless`: as if no type had `unless` words and a verb on "the" something were on the visitor's things
        (see `ruled_out`)."""
        if isinstance(query, str):
            query = analyse(query)
        # "send me whatever you stored" asks what "what you store" asks; something that "stopped" tells what
        # happened ("my sms stopped delivering", "notifications stopped"), not what the visitor wants stopped.
        ws = query.words
        stems = [("what" if w == "whatever" and _whatever_about_them(ws[i + 1 :])
                  else w if w in _KEPT_APART or (w in _HAPPENED and not _wanted_done(ws[:i])
                                                 and not (w in _ASKED_DONE and _asked_done(query, ws, i))) else s)
                 for i, (w, s) in enumerate(zip(ws, query.stems))]
        if _MAT_KARO.search(query.text) and (_FIRST_PERSON & set(ws) or _CALLING.search(query.text)):
            # Hindi "X mat karo" (read "X not do": don't do X) asks to stop X when asked for the visitor ("mujhe call
            # mat karo", "mera data use mat karo") or of calls ("bar bar call mat karo"); not "customers ko sms mat
            # karo, ye setting kaha hai", nor "template approve mat karo abhi" (the review of round 13). For the
            # markers only: what is answered reads "not do", as before round 13.
            stems = negate(stems, ws, stop_asked=True)
        # "years old" tells an age only after one ("my 11 year old", "my eleven year old"): "the email on my profile is
        # years old, swap it for my new one" says nothing of a child (session 29)
        stems = ["" if w in _YEARS and ws[i + 1 : i + 2] == ("old",) and not (
                     i and (ws[i - 1].isdigit() or ws[i - 1] in NUMBER_WORDS)) else s
                 for i, (w, s) in enumerate(zip(ws, stems))]
        # "the name of your grievance officer": the officer's name asked for, no grievance made (session 29); not "I want
        # to complain to your grievance officer that you leaked my number", "please connect me to the grievance officer
        # about ..." (round 18)
        # (the name said of the officer, a few words before or just after: not "I am Amit, my name was shared ..., I want
        # to raise it with the grievance officer", the review of round 53)
        stems = ["" if w in ("grievance", "grievances") and ws[i + 1 : i + 2] in (("officer",), ("officers",))
                 and _NAMING & set(ws[max(0, i - 6) : i] + ws[i + 2 : i + 4]) else s
                 for i, (w, s) in enumerate(zip(ws, stems))]
        # "cancel (the) account of my old employee": someone else's account, which the markers "close/cancel account"
        # do not mark (the visitor's own is "my account", or the account with nobody named)
        stems = ["" if w in ("account", "accounts") and ws[i + 1 : i + 2] in (("of",), ("for",))
                 and ws[i + 2 : i + 3] not in (("me",), ("mine",)) and ws[i - 1 : i] not in (("my",), ("our",))
                 else s for i, (w, s) in enumerate(zip(ws, stems))]
        # "if something goes wrong on your end": a failure, not something wrong to correct (not "my address went wrong
        # in your records": the visitor's detail)
        stems = ["" if w == "wrong" and ws[i - 1 : i] in _GOES and _INDEFINITE & set(ws[max(0, i - 4) : i - 1]) else s
                 for i, (w, s) in enumerate(zip(ws, stems))]
        # "an old one I no longer use": what the visitor no longer uses, not what we are told to stop (round 34); not
        # "please no longer use my data"
        stems = ["" if w == "use" and ws[i - 2 : i] == ("no", "longer") and ws[i - 3 : i - 2] in (("i",), ("we",))
                 else s for i, (w, s) in enumerate(zip(ws, stems))]
        # "I signed up as a freelance digital marketer", "I work in marketing", "as a marketing manager": the visitor's
        # trade, not the marketing to stop (session 47's review)
        stems = ["" if w in ("marketing", "marketer", "marketers") and _own_trade(ws, i) else s
                 for i, (w, s) in enumerate(zip(ws, stems))]
        # "send me a copy of the privacy policy": the policy's text, not the visitor's data (session 53)
        stems = ["" if w in ("copy", "copies") and _THE_POLICY_NAMED & set(ws[i + 1 : i + 5])
                 and not _FIRST_PERSON & set(ws[i + 1 : i + 4]) else s for i, (w, s) in enumerate(zip(ws, stems))]
        # "what do you have to offer", "plans to offer": a verb, not the "offers" of marketing
        stems = ["" if w in ("offer", "offers") and ws[i - 1 : i] == ("to",) else s for i, (w, s) in enumerate(zip(ws, stems))]
        # "what you have to offer": "have to" is a must, not a having
        # (not "what data do you have to date on me", nor "what you have to prove I consented": the visitor's own)
        stems = [("have to" if s == "have" and stems[i + 1:i + 2] == ["to"] and ws[i + 2 : i + 3] != ("date",)
                  and not _FIRST_PERSON & set(ws[i + 2 : i + 6]) else s) for i, s in enumerate(stems)]
        starts = clause_starts(query)
        # a verb of stopping that is not wished ("I don't want to unsubscribe") asks no stop, for any type
        stems = ["" if i in unwished_stops else s for i, s in enumerate(stems)] \
            if (unwished_stops := {i for i in unwished(stems, ws, starts) if stems[i] in _STOPPING}) else stems
        if back := taken_back(query):
            stems = ["" if i in back else s for i, s in enumerate(stems)]
        present = set(stems)
        mine = bool(_MYSELF & set(ws))
        part_stems = [[stem(w) for w in part.words] for part in query.parts]
        if back:
            part_stems = [["" if start is not None and start + k in back else s for k, s in enumerate(part)]
                          for part, start in zip(part_stems, part_starts(query))]
        negated = negate(stems, query.words, starts, self.actions)
        best: tuple[tuple[int, int], Intent] | None = None
        scored: list[Intent] = []
        ranks: dict[str, tuple[int, int]] = {}
        minor = _mentions_minor(query.text)
        # The verb an instruction opens with says what is wanted: "delete everything you have on me" is a
        # deletion, however many words of other types follow; so does a phrase it opens with ("get rid of
        # everything you have on me", "update the address you have for me").
        # "Remove me from your mailing list" and "remove my number from your promotional list" take their type
        # from what follows (the list), not the verb.
        # Only the visitor taken off a list is: "remove me / my number from the list", not "pick a template from the
        # approved list", "exclude DND numbers from the list" (the review of round 13).
        off_list = [words for words in (_opening(part.words) for part in query.parts) if _off_list(words, self.actions)]
        if not off_list:
            stems = ["" if s == "from" else s for s in stems]  # the marker "from ... list" marks nothing then
            negated = ["" if s == "from" else s for s in negated]
            part_stems = [["" if s == "from" else s for s in part] for part in part_stems]
            present = set(stems)
        raw_openings = [words for words in (_asked_opening(part.words) for part in query.parts)
                        if words and words[0] in self.actions and words[1:2] not in (("me",), ("us",))
                        and words not in off_list]
        # "I'd like the account closed", "want their info scrubbed": the deed wished done, said after its object, is
        # the verb the wish opens with ("close the account", "scrub their info").
        wished = [(done, part) for done, part in ((_wished_done(part.words, self.actions), part)
                                                   for part in query.parts) if done is not None]
        raw_openings += [words for (words, _), _ in wished]
        # ... and marks its type in that order, with what follows it, when the wish is not denied and what is wished
        # done is the visitor's account or data: "I'd like my account closed" as "close my account"; not "I don't
        # want my account closed", "I want my api key changed", "I want my account updated to the new plan"
        wished_stems = [[stem(w) for w in (*words, *after)] for (words, after), part in wished
                        if not _NOT_WISHED & set(part.words) and not part.question_mark
                        and _WISHED_THINGS & set(words[1:])]
        openings = [tuple(stem(w) for w in words) for words in raw_openings]
        # A verb alone is no request when what it acts on is none of the visitor's things: "remove the watermark
        # from my messages", "delete the contact group I created" use the product.
        said = frozenset(ws)
        if not ignore_unless and raw_openings and all(_removes_a_user(words, said) for words in raw_openings):
            # taking a user off the visitor's team is the whole instruction: no request of any type, whatever the
            # story names ("my ex has access to my account, remove him" asks no copy of anything either)
            return None
        bare = bool(raw_openings) and not any(_acts_on_theirs(words) for words in raw_openings)
        if len(query.parts) == 1 and raw_openings and all(words[0] in _UNDONE and _product_list(words)
                                                          for words in raw_openings):
            # the one instruction works on the product's list, which no other type's word makes a request: "remove old
            # emails from the campaign", "remove unsubscribed numbers from my contact list" (the review of round 14)
            return None
        for intent in self.intents:
            score = intent.score(stems, present, negated, part_stems, ignore_unless, mine, starts) or max(
                (intent.score(said, set(said), None, [said], ignore_unless, mine) for said in wished_stems), default=0)
            if intent.name == "objection" and not score and _unwanted_use(ws) and not _asks(query, self.actions):
                score = UNWANTED_USE
            if bare and not ignore_unless and score == 1 and _marked_by_verb(intent, openings):
                score = 0
            if score and not ignore_unless and not any(_THEIRS & set(words) for words in raw_openings) \
                    and score == sum(len(marker) for marker in intent.markers if len(marker) > 1 and any(
                        marker[0] == opening[0] and _has_marker(marker, list(opening)) for opening in openings)):
                # the instruction's own verb phrase is all that marks it, on nothing of the visitor's: "switch to dark
                # mode", "switch to the new dashboard" (the review of round 22)
                score = 0
            if intent.urgent and minor:
                score += 2
            if score and intent.urgent and not minor and _only_kin_of_any_age(intent, ws):
                score = 0  # "my cousin works in IT", "my cousin signed up using my email, delete it": a relation who may
                # be grown up, with no age nor child named (session 51's review)
            if score and intent.urgent and (_only_adults(query.text) or (not minor and (
                    _SELF_RELATION.search(query.text) or _only_helpers(query.text) or _GROWN_UP.search(query.text)))):
                # "my 30-year-old son", "I am his son and want my late father's account closed", "my son made an account
                # for me ...": no child here
                score = 0
            if score and any(marker[0] == opening[0] and (len(marker) == 1 or contains_phrase(marker, list(opening),
                                                                                                max_skip=2))
                             for opening in openings for marker in intent.markers):
                score += VERB_BONUS
            if score and (best is None or (intent.priority, score) > best[0]):
                best = ((intent.priority, score), intent)
            if score:
                scored.append(intent)
                ranks[intent.name] = (intent.priority, score)
        if best is None and any(_hands_back(part.words) for part in query.parts):
            # "could you compile my personal data for me", "can you hand my data over to me": the visitor's own data
            # asked handed back, with no type's word, is the right of access (session 42)
            access = self.get("access")
            best, scored = ((access.priority, 1), access), [access]
        if best is None:
            return None
        if best[1].name == "grievance" and len(scored) > 1 and (
                _only_others_complain(query.text) or _only_threatens_complaint(query.text)):
            # "my CA is complaining ... Please change it to the Kalyan address": someone else's complaint, told; the
            # visitor's own request wins (fresh35; only when there is one: the review of round 40). "delete all my data
            # now or I will file a complaint": the complaint is what follows if the deletion is not done; the deletion
            # is asked (session 51's review AI)
            other = max((intent for intent in scored if intent.name != "grievance"), key=lambda i: ranks[i.name])
            best = (ranks[other.name], other)
        if best[1].name == "access" and openings:
            # "delete the data you hold about me", "export everything you have on me": what is held names the object;
            # the verb the instruction opens with says what is to be done with it
            verb_type = next((intent for intent in scored if intent is not best[1] and not intent.priority
                              and _marked_by_verb(intent, openings)), None)
            if verb_type is not None:
                best = ((verb_type.priority, best[0][1]), verb_type)
        if len(scored) > 1 and len(query.parts) > 1 and not best[1].priority:
            best = _said_in_the_request(query, self.actions, best, scored, negated, mine) or best
        if best[1].name == "deletion" and len(query.parts) > 1:
            # "enough with the newsletters, I am unsubscribing, remove me": a verb on the visitor alone names nothing
            # to delete; the marketing the message names is what the visitor is to be removed from
            opt_out = next((intent for intent in scored if intent.name == "marketing_opt_out"), None)
            if opt_out is None and _MARKETING & set(query.stems):
                # "I never signed up for your newsletter, remove me from it": the list named in a clause its "never"
                # took the marker from (session 54's review AY)
                opt_out = self.get("marketing_opt_out")
            if opt_out is not None and not _ALL_OF_THEIRS & set(ws) and all(_only_me(part) for part in part_stems
                                           if best[1].score(part, set(part), None, [part], False, mine)):
                best = ((opt_out.priority, best[0][1]), opt_out)
        if best[1].name == "objection" and _for_marketing(stems):
            # "stop using my data for marketing", "mere data ko marketing ke liye use mat karo": the use objected to is
            # marketing, which the visitor opts out of
            opt_out = next((intent for intent in scored if intent.name == "marketing_opt_out"), None)
            if opt_out is not None:
                best = ((opt_out.priority, best[0][1]), opt_out)
        intent = best[1]
        request = is_request(query, self.actions, intent.name == "access")
        # what each clause does, read once for the two checks below that need it
        kinds = [classify_clause(part, self.actions) for part in query.parts] if request and not intent.urgent else []
        if not request and intent.urgent and not supposed(query) and _reports_a_child(query, self.actions):
            request = True
        elif request and intent.urgent and not minor and _support_trouble(query, self.actions):
            request = False
        elif request and not intent.urgent and _only_reported(query, self.actions):
            request = False
        elif request and not intent.urgent and _acts_on_the_product(query, kinds, self.actions):
            request = False
        if not request and intent.name == "grievance" and not supposed(query) \
                and (self._complaint_told(query, intent, mine) or _lodges_a_complaint(query.parts[0].words)):
            request = True
        if request and intent.name == "access" and _portable_asked(query, kinds):
            # "give me my account data in a machine-readable file", "mera profile data JSON mein bhej do" (fresh72): the
            # data asked for in a format to take elsewhere is the portable copy (once the access request is read: "I
            # want to know what you hold on me, I'm switching to another provider" asks as access does)
            intent = next((other for other in scored if other.name == "portability"), intent)
        return Detection(intent, request, best[0][1])


    def _complaint_told(self, query: Query, intent: Intent, mine: bool) -> bool:
        """Whether a message asks whom to complain to and, in a clause of its own, tells the complaint: "who do I
        complain to, your team mishandled my data" makes the complaint. The told clause must be a statement that marks
        the grievance by itself ("your team mishandled my data"), not a product's trouble ("my otp is not coming":
        the type's `unless`), and the question must ask where to complain ("who/whom/where ... complain/report/
        escalate")."""
        if len(query.parts) < 2:
            return False
        asks_where = told = False
        for part in query.parts:
            kind = classify_clause(part, self.actions)
            words = set(part.words)
            if kind == "question" and _WHOM & words and _COMPLAINING & words:
                asks_where = True
            elif kind == "statement":
                stems = [stem(w) for w in part.words]
                if intent.score(stems, set(stems), None, [stems], False, mine) and not _COMPLAINING & words \
                        and (_HARMED & words or _RIGHTS_ASKED & words):
                    told = True
        return asks_where and told


_LODGING = frozenset("raising filing lodging registering submitting making hereby".split())
_A_COMPLAINT = frozenset("grievance complaint".split())


def _lodges_a_complaint(words: tuple[str, ...]) -> bool:
    """Whether a clause makes a complaint by saying so: "i'm raising a formal grievance about spam from your platform"
    (then asked "who handles it and what's the timeline": session 53's review AV), "we are hereby lodging a complaint";
    not "i am making a list of complaints" (a complaint only within five words of the verb), "they're filing a
    complaint" (the visitor's own)."""
    if words[:1] not in (("i",), ("we",)):
        return False
    k = 2 if words[1:2] and words[1] in ("m", "am", "are", "re") else 1
    return bool(words[k:k + 1]) and words[k] in _LODGING and bool(_A_COMPLAINT & set(words[k + 1:k + 5]))


# What a business sends or loads with the product: "scrap tomorrow's broadcast", "stop the bulk send".
# (not "list", "uploaded", "contact details": "remove him from your mailing list", "delete the selfie I uploaded")
_PRODUCT_DOINGS = frozenset("""broadcast broadcasts blast blasts bulk campaign campaigns template templates contacts
    imported""".split())


def _acts_on_the_product(query: Query, kinds: list[str], actions: frozenset[str]) -> bool:
    """Whether every instruction of a message acts on the product with nothing of the visitor's named, and the message
    says the business did it (`_the_business_did`): "erase the contacts I imported yesterday", "stop the bulk send to
    list B right now", "scrap tomorrow evening's 6pm broadcast that I queued up" (fresh72); not "remove me from the
    list", "delete my contacts", "stop the promo emails to me", nor "stop the campaign emails, I never signed up" (a
    recipient's). `kinds`: what each clause of `query` does (`classify_clause`)."""
    told = [part.words for part, kind in zip(query.parts, kinds) if kind == "instruction"]
    return bool(told) and all(words[:1] and words[0] in actions and not _VISITORS & set(words)
                              and _PRODUCT_DOINGS & set(words[1:7]) for words in told) \
        and _the_business_did(query.words)


_VISITORS = frozenset("me my mine myself".split())
# What a business does with the product: "the contacts I imported", "the broadcast we scheduled".
# (not "made", "sent", "set": "I made a complaint", "I sent you a mail")
_BUSINESS_DEEDS = frozenset("queued scheduled imported uploaded created launched drafted built".split())
_NAMED_GROUPS = frozenset("list segment group batch".split())
_THE_BUSINESS_HAS = _PRODUCT_DOINGS | _NAMED_GROUPS  # what may be "in our ..." ("in our Diwali phonebook group")


def _the_business_did(words: tuple[str, ...]) -> bool:
    """Whether a message says the visitor's business made or sent something ("I queued", "we imported", "the campaign
    scheduled for 8 pm", "our campaign", "the contacts in our Diwali phonebook group"), or names one of its lists ("list
    B", "segment 3"); not "our family number gets your bulk sms" (a recipient's, the review of session 41)."""
    return any((w in ("i", "we") and words[k + 1 : k + 2] and words[k + 1] in _BUSINESS_DEEDS)
               or (w in _PRODUCT_DOINGS and words[k + 1 : k + 2] and words[k + 1] in _BUSINESS_DEEDS)
               or (w == "our" and (_PRODUCT_DOINGS & set(words[k + 1 : k + 3]) or (
                   words[k - 1 : k] in (("in",), ("from",)) and _THE_BUSINESS_HAS & set(words[k + 1 : k + 5]))))
               or (w in _NAMED_GROUPS and words[k + 1 : k + 2] and (len(words[k + 1]) == 1 or words[k + 1].isdigit()))
               for k, w in enumerate(words))


# A format to take data elsewhere in, or the service it goes to: what makes a copy of the visitor's data the portable one.
_PORTABLE_FORMATS = frozenset("json csv xml portable portability".split())
# (not "platform": "my new platform account got hacked")
_NEW_HOMES = frozenset("provider providers vendor controller".split())


def _portable_asked(query: Query, kinds: list[str]) -> bool:
    """Whether the clause that asks for the data names a format to take it elsewhere in ("in JSON", "a machine-readable
    file") or another service it goes to ("to my new provider"); not the same words in the story around it ("I'm with
    a different provider now", "the portal shows a json error": the review of session 41). `kinds`: what each clause
    of `query` does (`classify_clause`)."""
    for part, kind in zip(query.parts, kinds):
        if kind not in ("instruction", "wish"):
            continue
        words = part.words
        if _PORTABLE_FORMATS & set(words) or ("machine", "readable") in zip(words, words[1:]):
            return True
        for i, w in enumerate(words):
            if w in ("another", "new", "different") and words[i + 1 : i + 2] and words[i + 1] in _NEW_HOMES \
                    and _TAKEN_TO & set(words[max(0, i - 2) : i]):
                return True
    return False


_TAKEN_TO = frozenset("to into onto for".split())


def _marked_by_verb(intent: Intent, openings: list[tuple[str, ...]]) -> bool:
    """Whether the verb an instruction opens with (stems) is one of the type's one-word markers ("delet", "export")."""
    return any(marker == (opening[0],) for opening in openings for marker in intent.markers)


_JOINED_OBJECT = frozenset("my our all the his her their".split())  # a clause after "and" that goes on naming things


def _said_in_the_request(query: Query, actions: frozenset[str], best: tuple[tuple[int, int], Intent],
                         scored: list[Intent], negated: list[str], mine: bool) -> tuple[tuple[int, int], Intent] | None:
    """The type the clause that makes the request marks, when the best type's markers are all in the story around it:
    "I switched to another provider six months ago ... Please make sure I never get another promotional call" is an
    opt-out, not a portability request. None when the request's clause marks the best type too, or no type, or more
    than one."""
    kinds = [classify_clause(part, actions) for part in query.parts]
    # ... with what "and" joins on to its object: "I want my personal details | and my customer data removed from your
    # systems" (round 22)
    told = [[stem(w) for w in part.words] for i, part in enumerate(query.parts)
            if kinds[i] in ("instruction", "wish") or (i and kinds[i - 1] in ("instruction", "wish")
                                                        and not part.opens_sentence and part.words[:1]
                                                        and part.words[0] in _JOINED_OBJECT)]
    if not told or len(told) == len(query.parts):
        return None

    def in_request(intent: Intent) -> int:
        return sum(intent.score(part, set(part), None, [part], False, mine) for part in told)

    if in_request(best[1]):
        return None
    marked = [intent for intent in scored if not intent.priority and in_request(intent)]
    return ((0, in_request(marked[0])), marked[0]) if len(marked) == 1 else None


# Words around a verb on the visitor alone that name nothing it acts on: "remove me now pls", "just drop me already".
_NOTHING_NAMED = frozenset(stem(w) for w in "please pls plz kindly now just already asap immediately right away too then and so".split())


# Papers we issue to the visitor, on which their details are written.
_ISSUED = frozenset(stem(w) for w in "invoice invoices bill bills receipt receipts".split())


def _only_me(part: list[str]) -> bool:
    """Whether an instruction's stems are a verb on the visitor and nothing more: "remove me", "just take me off"."""
    rest = [s for s in part if s and s not in _NOTHING_NAMED]
    # ("remove me from it": what the visitor is taken off was named before, session 54's review AY; its "from" may
    # have been blanked as no list's)
    return len(rest) in (2, 3, 4) and rest[1] == "me" and rest[2:] in ([], ["off"], ["out"], ["from", "it"],
                                                                        ["from", "them"], ["off", "it"], ["it"],
                                                                        ["them"])


_MARKETING = frozenset(stem(w) for w in "marketing promotions promotional promo advertising ads offers newsletter newsletters"
                       .split())


def _for_marketing(stems: list[str]) -> bool:
    """Whether marketing is named as a purpose: "for marketing", Hindi "marketing ke liye" (read "marketing for")."""
    return any(s == "for" and ((stems[i + 1 : i + 2] and stems[i + 1] in _MARKETING) or (i and stems[i - 1] in _MARKETING))
               for i, s in enumerate(stems))


# "who do I complain to", "where can I report this": asking where a complaint goes.
_WHOM = frozenset("who whom where".split())
_COMPLAINING = frozenset("complain complaint report escalate".split())
# What the told complaint must say (the review of round 17): the visitor's data harmed, or a request of theirs left
# unanswered ("your team ignored my deletion request"); not a support complaint ("your support ignored my ticket",
# "your team ignored my email").
_HARMED = frozenset("mishandled mishandling misused misusing misuse leaked leaking handled handling".split())
_RIGHTS_ASKED = frozenset("request requests deletion access correction objection unsubscribe opt".split())


# A child's data we hold, told: the child's details, account or sign-up.
_HELD_WORDS = frozenset("""details data info information email number numbers name names account accounts profile
    contacts signed registered created made put added entered gave uploaded""".split())
# A question that asks us to take it away: "can that be taken down", "how do we get that removed".
_TAKING_AWAY = frozenset(stem(w) for w in "remove delete erase wipe purge scrub taken rid".split())
# ... pointing back at what was told, or at the child's ("her account"), not at the visitor's own.
_POINTING_BACK = frozenset("that it this those them these her his their".split())
_WHAT_NOW = (("what", "happens", "now"), ("what", "do", "i", "do"), ("what", "should", "i", "do"),
             ("what", "do", "we", "do"), ("what", "should", "we", "do"), ("what", "now"), ("what", "can", "i", "do"),
             ("what", "can", "we", "do"))
# ... or what we will do about it, whatever follows: "what are you going to do about it?"
_WHAT_WILL_YOU_DO = (("what", "are", "you", "going", "to", "do"), ("what", "will", "you", "do"),
                     ("what", "would", "you", "do"), ("what", "are", "you", "doing", "about"),
                     ("what", "action", "will", "you", "take"), ("what", "steps", "will", "you", "take"))


# A report said as one, at a clause's start, with a child (or the visitor's own) in the words after it.
_REPORT_OPENINGS = (("reporting",), ("i", "am", "reporting"), ("im", "reporting"), ("i", "m", "reporting"),
                    ("this", "is", "to", "report"), ("writing", "to", "report"), ("just", "reporting"))
_CHILD_REPORTED = frozenset("""child children kid kids minor minors underage son daughter niece nephew cousin brother
    sister student students boy girl my""".split())


def _reported_as_such(part: Part) -> bool:
    """Whether a clause that does not ask reports a child as such: "Reporting a child under 13 on your platform", not
    "Reporting a bug: the signup form lets kids under 13 register" (the review of round 61)."""
    if part.question_mark:
        return False
    opening = _opening(part.words)
    return any(opening[:len(said)] == said and _CHILD_REPORTED & set(opening[len(said):len(said) + 3])
               for said in _REPORT_OPENINGS)


def _so_you_can_take_away(part: Part) -> bool:
    """Whether a clause after "so" says what we are told for: "(so) you can remove his details", a verb of taking away
    and the child's things pointed back at (the clause break swallows the "so"); not a question ("... can you remove
    it?"), nor a sentence of its own ("You can remove your own data in settings")."""
    words = part.words
    return words[:2] in (("you", "can"), ("you", "could")) and not part.question_mark and not part.opens_sentence \
        and bool({stem(w) for w in words} & _TAKING_AWAY) and bool(set(words) & _POINTING_BACK)


# The relations a child's-data report names who are as often grown up: only with an age or a child named. (Not a
# sibling or a student: a teacher's or a sister's report is most often of a child.)
_KIN_OF_ANY_AGE = frozenset(stem(w) for w in "cousin cousins".split())


def _only_kin_of_any_age(intent: Intent, words: tuple[str, ...]) -> bool:
    """Whether the only markers of `intent` (the child's-data report) a message says are relations of any age
    (`_KIN_OF_ANY_AGE`)."""
    stems = [stem(w) for w in words]
    said = [marker for marker in intent.markers if contains_phrase(marker, stems, max_skip=0)]
    return bool(said) and all(len(marker) == 1 and marker[0] in _KIN_OF_ANY_AGE for marker in said)


def _labelled_report(parts: tuple[Part, ...]) -> bool:
    """Whether a clause that is only "report" (or "reporting") labels the clause beside it, which names a child: a
    ticket's heading or tail ("Report: child under 13 on your service, account name tinytim_sms")."""
    for i, part in enumerate(parts):
        if part.words in (("report",), ("reporting",)) and not part.question_mark:
            beside = [parts[j] for j in (i - 1, i + 1) if 0 <= j < len(parts)]
            if any(_CHILD_REPORTED - {"my"} & set(other.words) and not other.question_mark for other in beside):
                return True
    return False


def _reports_a_child(query: Query, actions: frozenset[str]) -> bool:
    """Whether a message that speaks of a child tells us we hold the child's data and asks what we will do about it:
    "a girl in my building, maybe 9, put her details on your site. Can that be taken down?", "my niece is under 13
    and her email is in your system, what happens now": a report, however it is asked. Not "my son is 10, can he
    use your app?" (nothing of his held, nothing asked taken away), nor "my son is 10, how do I delete my account?"
    (the visitor's own), nor "... what happens now if i cancel my plan" (what now is the whole question or none)."""
    if _PRODUCT_TOLD & set(query.words):
        return False
    if any(_reported_as_such(part) for part in query.parts):
        return True  # "Reporting a child under 13 on your platform: the account belongs to my cousin, who is 12." (fresh62)
    if _labelled_report(query.parts):
        return True  # "Report: child under 13 on your service", "kid under 13 using ur app, report" (session 54's
        # review BF)
    told = asked = False
    for part in query.parts:
        kind = classify_clause(part, actions)
        if _so_you_can_take_away(part):
            asked = True  # "... Letting you know so you can remove his details." (fresh62)
        if kind in ("question", "inquiry"):
            stems = {stem(w) for w in part.words}
            opening = _opening(part.words)
            if (_TAKING_AWAY & stems and _POINTING_BACK & set(part.words)) \
                    or opening in _WHAT_NOW or any(opening[:len(p)] == p for p in _WHAT_WILL_YOU_DO):
                asked = True
        elif (_HELD_WORDS & set(part.words) or (_HELD_THINGS & set(query.words) and _has_one(part.words))) \
                and not _visitors_own(part.words):
            told = True
    return told and asked


# A sign-in that fails, told with a child named and no age: "my son is not getting the otp", "my daughter can't log in
# to her account" ask the product's support, not to act on a child's data (round 19; the round 18 review's backlog).
_SIGNING_IN = frozenset("otp otps login log logging signin password passwords verification".split())
_FAILING = frozenset("not t cannot cant unable isnt doesnt didnt wont failed failing fails stuck".split())


def _support_trouble(query: Query, actions: frozenset[str]) -> bool:
    """Whether a message only tells of a sign-in that fails: every clause a statement or question (nothing asked done),
    and a failing word with a sign-in word."""
    words = set(query.words)
    if _DIGIT.search(query.text) or NUMBER_WORDS & words:
        return False  # an age may be told in a way the age reader misses ("she's only 12", "he is twelve")
    return bool(_SIGNING_IN & words and _FAILING & words) and all(
        classify_clause(part, actions) not in ("instruction", "wish") for part in query.parts)


_HAVING = frozenset("has have had uses use using".split())
_ONE_OF_THEM = frozenset("one it his her their own".split())


def _has_one(words: tuple[str, ...]) -> bool:
    """Whether a clause says the child has or uses one of the things the message named ("I don't want to close my
    account, but my son is 11 and has his own", "... uses it"; the review of round 17)."""
    return any(w in _HAVING and words[i + 1 : i + 2] and words[i + 1] in _ONE_OF_THEM for i, w in enumerate(words))


# A message about the product's use, which a child named in it does not make a report: "my students are 14, I
# uploaded their parents' numbers for the fee reminder campaign, can those be removed from the failed list?"
_PRODUCT_TOLD = frozenset("campaign campaigns template templates otp otps sender list lists invoice plan".split())
_HOLDING = frozenset("put uploaded made created added entered gave registered signed opened".split())
_HELD_THINGS = frozenset("details data info information email number numbers name account accounts profile".split())


def _visitors_own(words: tuple[str, ...]) -> bool:
    """Whether a clause tells of the visitor's own doing or things, not the child's: "I put my own number on the
    account", "I made an account for my shop", "my account got blocked" (the review of round 14)."""
    return any((w in _HOLDING and words[i - 1 : i] in (("i",), ("we",)))
               or (w in _HELD_THINGS and words[i - 1 : i] in (("my",), ("our",), ("own",)))
               for i, w in enumerate(words))


# "send me whatever you stored about me" asks what "what you store" asks: "whatever" as "what" when "you" and a verb
# follow (after a word of data, if any), then the visitor ("on me", "about me", "of mine", "under my name"); not
# "whatever brochures you have", "whatever you have in bulk sms packages", "whatever plan you have".
_YOU = frozenset("you u ya".split())
_ABOUT = frozenset("on about of for from regarding under".split())
_DATA_NOUNS = frozenset("data information info details".split())
_THE_VISITOR = frozenset("me my mine us our".split())


def _whatever_about_them(after: tuple[str, ...]) -> bool:
    if after[:1] and after[0] in _DATA_NOUNS:
        after = after[1:]  # "whatever information you're holding under my name" (round 20)
    if not after or after[0] not in _YOU:
        return False
    rest = after[1:7]
    return any((w in _ABOUT or (w in ("to", "with") and j and rest[j - 1] in _LINKED
                                and rest[j + 2 : j + 3] and rest[j + 2] in _LINKED_DETAILS))
               and rest[j + 1 : j + 2] and rest[j + 1] in _THE_VISITOR for j, w in enumerate(rest))


# A use of the visitor's data they say they do not want: "I no longer want my info used to target ads", "we don't want
# our data processed", "i dont want my number shared with anyone". It marks an objection as a marker of this length
# would (and an objection to marketing is an opt-out, `_for_marketing`).
UNWANTED_USE = 3
_UNWANTING = (("don", "t"), ("dont",), ("do", "not"), ("no", "longer"), ("not",), ("never",))
_USED = frozenset("""used processed shared sold tracked analysed analyzed profiled disclosed passed given rented
    traded""".split())
_OWN_DATA = frozenset("data info information details detail number numbers email emails contacts name".split())


def _asks(query: Query, actions: frozenset[str]) -> bool:
    """Whether a message asks something: "I don't want my data sold, do you sell it?", "..., please confirm you don't"
    want to be told, not to object (the review of round 22)."""
    return any(part.question_mark or classify_clause(part, actions) == "question"
               or any(stem(w) in _TELLING for w in part.words[:2]) for part in query.parts)


def _unwanted_use(ws: tuple[str, ...]) -> bool:
    """Whether the visitor says they do not want their data used: a denied "want", then "my/our <data>" and a use."""
    for i, w in enumerate(ws):
        if w != "want" or not any(ws[max(0, i - len(n)) : i] == n for n in _UNWANTING) \
                or "that" in ws[max(0, i - 5) : i]:  # "it's not that I don't want my data used, just ..."
            continue
        after = ws[i + 1 : i + 5]
        if after[:1] and after[0] in ("my", "our", "any") and any(
                a in _OWN_DATA and after[k + 1 : k + 2] and after[k + 1] in _USED for k, a in enumerate(after)):
            return True
    return False


# "whatever you have linked to my mobile number", "tied to my account": what is kept with the visitor's detail.
_LINKED = frozenset("linked tied connected attached associated related mapped".split())
# ... what of the visitor's it is linked to: their detail or account, not the product's ("linked to my api key").
_LINKED_DETAILS = frozenset("number mobile phone email account name profile id details".split())


_YEARS = frozenset("year years yr yrs".split())
_NAMING = frozenset("name names named designation".split())
_MAT_KARO = re.compile(r"\bmat\s+(?:karo|kariye|kijiye|karna|kar)\b", re.IGNORECASE)
_DOING = frozenset("do kar karo kariye kijiye karna".split())  # "karo" is read "do"; some forms are left as typed
_CALLING = re.compile(r"\b(?:call|calls|phone)\s+mat\s+kar", re.IGNORECASE)


# Deeds done once, which "mat karo" after them forbids rather than asks to stop ("account band mat karo").
_UNDONE = frozenset("""delete remove erase wipe clear purge destroy forget scrub shut close cancel deactivate terminate
    update change correct fix rectify amend edit export download transfer port""".split())
# "I want all the sms stopped", "get my data processing stopped": what is wanted stopped.
_WANTING = frozenset("want wanted wants need needs get like".split())


def _wanted_done(before: tuple[str, ...]) -> bool:
    """Whether the words before a verb want it done: "I want you to ...", or a polite frame, "would be grateful if you
    (stopped using my data)" (session 45's review)."""
    return any(w in _WANTING for w in before[-6:]) or (
        before[-2:] in (("if", "you"), ("if", "u")) and bool(_PLEASING & set(before[-6:-2])))


# The visitor's things an instruction's verb may act on: "delete my ...", "erase everything", "wipe it".
_THEIRS = frozenset("""my mine me us our all everything anything whatever it them this that these those account
    accounts data information info details personal records record profile name number numbers email emails address
    phone history chats chat messages contacts stuff lot thing things photo photos picture pictures files logs
    recordings backups copies mobile landline calls
    recording copy entry entries listing listings user login logins registration signup kyc document
    documents pan aadhaar aadhar card selfie gmail""".split())
# What a list of the product holds, and what makes it the visitor's own.
_LISTED = frozenset("numbers contacts emails entries records listings".split())
_VISITOR_MARKS = frozenset("my mine me us our all everything".split())
# Where the object of the verb ends: "remove the watermark from my messages".
_OBJECT_ENDS = frozenset("from in on at of for to with".split())


def _product_list(words: tuple[str, ...]) -> bool:
    """Whether the instruction's verb (words[0]) acts on numbers or contacts named by their kind, with nothing of the
    visitor's: "remove invalid numbers from list before upload", "remove old emails from the campaign"."""
    thing = []
    for word in words[1:]:
        if word in _OBJECT_ENDS:
            break
        thing.append(word)
    return bool(thing) and thing[0] not in _THEIRS and bool(_LISTED & set(thing)) and not _VISITOR_MARKS & set(thing)


# What may follow a verb's person ("remove him ___") when the person is what is acted on, not "her" of "her data".
_AFTER_A_PERSON = frozenset("from as too also please pls plz now asap immediately".split())
# ... and where a person taken away is their data after all: "remove him from your records / mailing list / service".
_RECORDS = frozenset("""records record database databases system systems list lists data details info information
    server servers mailing your ur service platform app""".split())
# The visitor's team or workspace named, where a person is a user of theirs.
_TEAM_WORDS = frozenset("""team teams dashboard admin admins user users member members employee employees staff colleague
    colleagues intern interns workspace panel company access login""".split())


def _removes_a_user(words: tuple[str, ...], said: frozenset[str]) -> bool:
    """Whether an instruction takes a person off the visitor's team or account, which is the product's user
    management: "he has access to our dashboard, remove him", "he left the company, remove him from our account"
    (round 19). Not "remove him from your records", "my mom passed away, please remove her", "erase him" (the review of
    rounds 19-20): only "remove" or "delete", only with the team or its access named."""
    if words[:1] in (("remove",), ("delete",)) and words[1:2] and words[1] not in _THEIRS \
            and words[1] not in STOPWORDS and words[2:3] == ("from",) and _TEAM_WORDS & set(words[3:6]) \
            and not _RECORDS & set(words[3:]):
        return True  # "remove Rahul from my team on the dashboard": a user named (session 45's review)
    return words[:1] in (("remove",), ("delete",)) and words[1:2] in (("him",), ("her",)) \
        and (len(words) == 2 or words[2] in _AFTER_A_PERSON) and not _RECORDS & set(words[2:]) \
        and bool(_TEAM_WORDS & said)


def _acts_on_theirs(words: tuple[str, ...]) -> bool:
    """Whether the instruction's verb (words[0]) may act on the visitor's things: unless it acts on "the" or "a"
    something, read up to a preposition, that is none of theirs ("remove the watermark", "delete the template")."""
    if words[1:2] not in (("the",), ("a",), ("an",)):
        # "delet", "unsubscribe", "wipe evrything u have on me"; not numbers or contacts named by what kind they are,
        # with nothing of the visitor's: "remove invalid numbers from list before upload" (the product's list)
        return not _product_list(words)
    for word in words[2:]:
        if word in _OBJECT_ENDS:
            return False
        if word in _THEIRS:
            return True
    return False
_HAPPENED = frozenset("stopped deactivated".split())
# ... but "my account deactivated pls" asks it done: politeness makes these a request (not "stopped": "my sms stopped
# delivering, please help").
_ASKED_DONE = frozenset("deactivated".split())
_PLEASE = frozenset("please pls plz kindly".split())
_PLEASE_HELP = frozenset("""check help look see advise resolve fix investigate reactivate restore activate explain tell
    assist guide suggest reply respond revert sort unblock recover support""".split())
# ... and so do urgency, "make", a Hindi verb of doing, or the visitor done with it (the review of round 16: "my
# account deactivated now / immediately / asap", "make my account deactivated", "mera account deactivated kar do",
# "... I don't want it anymore", "... i'm done"); not "deactivated suddenly / without notice / by operator"
_NOW = frozenset("now immediately asap fast quickly anymore karwa karwao karo karna thanks thank thx".split())
_HAPPENED_SIGNS = frozenset("without suddenly yesterday why automatically randomly by".split())
_OUGHT_TO_BE = frozenset("should must make need needs want".split())  # "my account should be deactivated"
_WAS = frozenset("got get gets was were been is has".split())  # "my account got deactivated now": what happened
_ASAP = re.compile(r"\b(asap|right away|i'?m done|i am done|kar do|kardo|don'?t want|do not want)\b", re.IGNORECASE)


def _asked_done(query: Query, ws: tuple[str, ...], i: int) -> bool:
    """Whether "deactivated" at ws[i] is asked done rather than told as what happened (a sign that it happened,
    "without notice", "suddenly", "yesterday", "why", leaves it told unless asked politely)."""
    # "please" asks the deactivation done, not "please check / help / look into it" (the review of round 16, E: "my
    # account deactivated yesterday without any notice and my campaign is stuck, please check")
    please = any(w in _PLEASE and not (ws[j + 1 : j + 2] and ws[j + 1] in _PLEASE_HELP) for j, w in enumerate(ws))
    if _HAPPENED_SIGNS & set(ws) and not please:
        return False
    return bool(please or (_NOW & set(ws[i + 1 :]) and ws[i - 1 : i] and ws[i - 1] not in _WAS)
                or _OUGHT_TO_BE & set(ws[max(0, i - 4) : i])
                or _ASAP.search(query.text) or any(part.act == "instruction" for part in query.parts))


def _opening(words: tuple[str, ...]) -> tuple[str, ...]:
    """A clause's words from the first that is not a filler ("please", "hi", "kindly")."""
    start = next((i for i, w in enumerate(words) if w not in _FILLERS), len(words))
    return words[start:]


def _asked_opening(words: tuple[str, ...]) -> tuple[str, ...]:
    """A clause's words from the verb it asks us to act with: "can you (please) remove the footer from our emails"
    opens with "remove", as "remove the footer ..." does (the eighteenth visitor table)."""
    opening = _opening(words)
    if opening[:1] and opening[0] in _POLITE and _asks_us(opening):  # "u" is read "you" (textspeak.yaml)
        return _opening(opening[2:])
    for i, w in enumerate(opening[:4]):
        if w == "wondering" and opening[i + 1 : i + 2] in (("whether",), ("if",)) \
                and opening[i + 2 : i + 3] in (("you",), ("u",)) and opening[i + 3 : i + 4] in (("could",), ("would",)):
            return _opening(opening[i + 4:])  # "I was wondering whether you could delete ..." opens with "delete"
    return opening


def _asks_us(tokens) -> bool:
    """Whether a clause opening with "can/could/would" asks us: "can you ...", and "could someone" with "please", a
    verb of telling or "look into" ("could someone please delete my account", "could someone tell me what you hold on
    me", "could someone look into wiping my number"); not "can someone get my data", "could someone delete my data
    without my permission?", "could someone erase my data by mistake?" (whether a stranger could: the review of session
    41)."""
    if len(tokens) < 2:
        return False  # "can" alone ("CN", read "can": a crash found by the chat's property test in session 48)
    if tokens[1] == "you":
        return True
    if tokens[0] not in ("could", "would") or tokens[1] not in _SOMEONE:
        return False
    rest = tuple(tokens[2:])
    return rest[:1] in (("please",), ("kindly",), ("pls",), ("plz",)) or (rest[:1] != () and stem(rest[0]) in _TELLING) \
        or rest[:2] in _SEEING_TO


# Where the visitor's data goes when it is handed back: "... with me", "... for me", "fetch me ...".
_FOR_ME = frozenset([("for", "me"), ("for", "us")])
_BACK_TO_ME = _FOR_ME | frozenset([("with", "me"), ("to", "me"), ("with", "us"), ("to", "us")])
# The plan, the bill or a fee: what the product hands over, or what a hand-over costs.
_BILLED = frozenset("plan plans billing bill bills subscription fee fees charge charges cost price".split())
# Words between "my" and the data it names: "my personal data", "my complete details", "my account information".
_DATA_SORTS = frozenset("personal own full complete entire whole account contact registered profile all".split())
# What "fetch me ..." hands over: "everything you hold", "all my data", "my details"; not "bill me anything for ...".
_HANDED_WHAT = frozenset("everything all my whatever".split())
# Verbs of what is done with data where it is kept, which "for me" does not make a hand-over ("can you keep my details
# for me", "could you protect my data for me"), and verbs of dealing with the visitor ("can you check with me before
# sharing my data").
_KEPT_NOT_HANDED = frozenset(stem(w) for w in """keep store hold use protect secure sell track access see read save
    process collect watch monitor check confirm talk speak consult be stay agree work deal discuss communicate connect
    contact call get""".split())


def _hands_back(words: tuple[str, ...]) -> bool:
    """Whether a clause is a "can you ..." that asks the visitor's own data handed back to them (`_handed_back`), given
    "with me", "to me" or "me" after the verb: "for me" alone also ends what is done to data where it is kept ("can you
    back up my personal data for me", "could you encrypt my data for me": the review of session 42)."""
    opening = _opening(words)
    return len(opening) > 2 and opening[0] in _POLITE and _asks_us(opening) \
        and _handed_back(_asked_opening(words), for_me=False)


def _handed_back(asked: tuple[str, ...], for_me: bool = True) -> bool:
    """Whether "can you ..." (from its verb: `_asked_opening`) asks for the visitor's own data to be handed to them
    with a verb the actions do not list: "can you share all my personal data with me", "could you fetch me everything
    you hold about me", "could you prepare a file of all my personal data for me". Not a telling ("can you explain my
    rights to me": `_asks_to_be_told`), nor data kept ("can you keep my details safe for me")."""
    if len(asked) < 4 or stem(asked[0]) in _KEPT_NOT_HANDED or _asks_to_be_told(list(asked)):
        return False
    while asked[-1:] and asked[-1] in _FILLERS:
        asked = asked[:-1]  # "can u share my info with me pls"
    said = asked[1:]
    # to the visitor, said right after the verb or at the end: "fetch me everything ...", "share with me all my data",
    # "share all my data with me"; not "share my data with me if I closed my account?" (what we would do, supposed)
    back = _BACK_TO_ME if for_me else _BACK_TO_ME - _FOR_ME
    if len(said) < 3 or not ((said[0] in ("me", "us") and said[1] in _HANDED_WHAT) or tuple(said[:2]) in back
                             or tuple(said[-2:]) in back):
        return False
    if _PRODUCT_THINGS & set(said) or _BILLED & set(said):
        return False  # "can you share my plan details with me", "would you charge me a fee to share my data with me?"
    if _assurance_given(asked):
        return False  # "can you promise me my patients' numbers will never get out?"
    # the visitor's own data: "... on me", "... about me", "my (personal) data"; not "my patients' numbers"
    return (("on", "me") in zip(said, said[1:]) or ("about", "me") in zip(said, said[1:])) or any(
        w in _MY and (_names_data(said[i + 1]) or said[i + 1] in _DATA_SORTS and said[i + 2 : i + 3] != ()
                      and _names_data(said[i + 2]))
        for i, w in enumerate(said[:-1]))


def _names_data(word: str) -> bool:
    return word != "personal" and (stem(word) in _PERSONAL_DATA or word in ("records", "stuff"))


# Asked to see to a deed: "could someone look into wiping my number", "can you see about removing my email".
_SEEING_TO = (("look", "into"), ("see", "about"))


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in by_first.items()}


_DIGIT = re.compile(r"\d")


def _ages(text: str) -> list[int]:
    if _DIGIT.search(text) is None:  # every age has a digit, and most messages have none
        return []
    ages = [int(m.group(1)) for m in _AGE.finditer(text) if not _a_time(text, m, 1)] \
        + [int(m.group(1) or m.group(2)) for m in _PERSON_AGE.finditer(text)
           if not _said_of_a_grown_up(text, m) and not (m.group(2) and _a_time(text, m, 2))]
    if _CHILDREN_NAMED.search(text):
        ages += [int(a) for a in _GROUP_AGE.findall(text)]
    # a year of school says a child's age near enough: "she is in 4th standard", "he's in class 6" (session 40)
    grades = [int(next(g for g in m.groups() if g)) for m in _GRADE.finditer(text)]
    ages += [grade + 5 for grade in grades if grade <= 12]
    return ages


# A number of years that is a time, not an age: "a customer for 3 years", "since 2 years", "past 5 years", "3 years ago"
# (round 18; the review of round 16, E). Searched ending where the number starts.
_DURATION = re.compile(r"\b(?:for|since|past|last|within|after|every|next)\s+(?:the\s+)?(?:last\s+|past\s+)?$",
                       re.IGNORECASE)
# Hinglish says it after the number too: "2 saal pehle" (two years ago), "3 saal baad" (three years on), "4 saal se"
# (for four years); not "13 saal se (bhi) kam" (under thirteen), an age (session 40).
_AGO = re.compile(r"\s*(?:ago|back|pehle|pahle|pehele|phle|pehley|baad|se\b(?!\s*(?:bhi\s+)?(?:kam|kum|chhot|chot|"
                  r"zyada|jyada|upar|uper|neeche|niche|adhik)))\b", re.IGNORECASE)


def _a_time(text: str, match: re.Match, group: int) -> bool:
    """Whether a number of years (`match.group(group)`) is a time: after "for", "since", "past" ..., or before "ago"."""
    return bool(_DURATION.search(text, 0, match.start(group)) or _AGO.match(text, match.end()))


def _said_of_a_grown_up(text: str, match: re.Match) -> bool:
    """Whether an age read after "he is" / "she's" points back to a grown-up's role named just before: "my agent said
    he is 10 and will call you back at 4" (round 18; `text.adult_before`)."""
    if match.group(1) is None:
        return False
    before = words(text[: match.end(1)])[:-1]  # "... he is" / "... he s"
    if before[-1:] in (["is"], ["s"]):
        before = before[:-1]
    if before[-1:] not in (["he"], ["she"]):
        return False
    return adult_before(before, len(before) - 1)


def _mentions_minor(text: str) -> bool:
    return any(age < 18 for age in _ages(text))


# A son or daughter named as grown up, with no age under 18 ("my daughter is starting college in the UK", "my son works
# in Pune now": session 52's review AM)
_GROWN_UP = re.compile(r"\b(?:college|university|graduat\w*|married|his job|her job|works (?:at|in|for)|working (?:at|in|for)"
                       r"|(?:his|her) (?:office|company|employer|wife|husband))\b", re.IGNORECASE)


def _only_adults(text: str) -> bool:
    ages = _ages(text)
    return bool(ages) and min(ages) >= 18


def _text(path, entry: dict, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise IntentsError(path, _line(entry, key), f"'{key}' must be non-empty text")
    return " ".join(value.split())


def _line(entry, key: str) -> int:
    return getattr(entry, "key_lines", {}).get(key, getattr(entry, "line", 0))


def _load_field(path, name: str, entry) -> Field:
    line = getattr(entry, "line", 0)
    if not isinstance(entry, dict) or not {"label", "type"} <= set(entry) or set(entry) - _FIELD_KEYS:
        raise IntentsError(path, line, f"field {name!r} needs 'label' and 'type', and may have "
                                       f"{', '.join(sorted(_FIELD_KEYS - {'label', 'type'}))}")
    label = _text(path, entry, "label")
    kind = entry["type"]
    if kind not in FIELD_TYPES:
        raise IntentsError(path, _line(entry, "type"), f"field {name!r}: 'type' must be one of {', '.join(FIELD_TYPES)}")
    numbers = {}
    for key in ("max_length", "min", "max"):
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise IntentsError(path, _line(entry, key), f"field {name!r}: '{key}' must be a whole number >= 0")
        numbers[key] = value
    if kind in ("text", "email", "textarea") and not numbers["max_length"]:
        raise IntentsError(path, line, f"field {name!r}: a {kind} field needs 'max_length' (above 0)")
    if kind == "integer" and (numbers["min"] is None or numbers["max"] is None or numbers["min"] > numbers["max"]):
        raise IntentsError(path, line, f"field {name!r}: an integer field needs 'min' <= 'max'")
    choices = entry.get("choices")
    if kind == "choice":
        if not isinstance(choices, list) or not choices or not all(isinstance(c, str) and c.strip() for c in choices):
            raise IntentsError(path, _line(entry, "choices"), f"field {name!r}: 'choices' must be a non-empty list of text")
    elif choices is not None:
        raise IntentsError(path, _line(entry, "choices"), f"field {name!r}: only a choice field has 'choices'")
    help_text = entry.get("help")
    if help_text is not None and (not isinstance(help_text, str) or not help_text.strip()):
        raise IntentsError(path, _line(entry, "help"), f"field {name!r}: 'help' must be text")
    return Field(name, label, kind, numbers["max_length"], numbers["min"], numbers["max"],
                 tuple(c.strip() for c in choices or ()), help_text.strip() if help_text else None)


# Words read apart from a word they share their stem with, in markers and messages alike: "profiling" asks to be
# left out of it, "profile" ("my profile still shows ...") asks nothing; an exporter or importer is a trade ("a client
# of mine, a small handicrafts exporter": fresh41), not the marker "export".
_KEPT_APART = frozenset("profiling exporter exporters importer importers".split())


def _marker_stem(word: str) -> str:
    return word if word in _KEPT_APART else stem(word)


def _phrases(path, entry, key: str, owner: str, lexicon: Lexicon | None = None) -> tuple[tuple[str, ...], ...]:
    """The phrases listed under `key`, stemmed, each as written and as a message's words are read (`Lexicon.readings`:
    "pull up my info" is matched as "pull up my information" too, as a message's "info" is read)."""
    values = entry.get(key)
    if not isinstance(values, list) or not values:
        raise IntentsError(path, _line(entry, key), f"{owner}: '{key}' must be a non-empty list")
    out = []
    for i, value in enumerate(values):
        line = values.item_lines[i] if hasattr(values, "item_lines") else _line(entry, key)
        if not isinstance(value, str) or not words(value):
            raise IntentsError(path, line, f"{owner}: {key} entry {value!r} has no words")
        said = words(value)
        for read in readings(tuple(said), lexicon):
            phrase = tuple(_marker_stem(w) for w in read)
            if phrase not in out:  # "newsletter" and "newsletters" are one marker
                out.append(phrase)
    return tuple(out)


def load_intents(path: str | Path, clause_exists=None, lexicon: Lexicon | None = None) -> Intents:
    """Read and check `intents.yaml`; raise `IntentsError` naming the line of any problem.

    `clause_exists(clause_id) -> bool` checks each type's `clause` against the policy. `lexicon`: the one messages are
    read with, which reads the markers and `unless` phrases too.
    """
    path = Path(path)
    try:
        data = load_yaml(path)
    except YamlFileError as exc:
        raise IntentsError(exc.path, exc.line, exc.problem) from None
    if not isinstance(data, dict) or set(data) != {"actions", "fields", "intents"}:
        raise IntentsError(path, getattr(data, "line", 1),
                           "expected exactly the top-level keys 'actions', 'fields' and 'intents'")
    _phrases(path, data, "actions", "actions")
    # Actions are compared with the words as typed, not with stems.
    actions = frozenset(words(" ".join(data["actions"])))
    raw_fields = data["fields"]
    if not isinstance(raw_fields, dict) or not raw_fields:
        raise IntentsError(path, _line(data, "fields"), "'fields' must map field names to their settings")
    fields = {}
    for name, entry in raw_fields.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise IntentsError(path, raw_fields.key_lines[name], f"field name {name!r} must be lower_case_with_underscores")
        fields[name] = _load_field(path, name, entry)
    missing = [f for f in REQUIRED_FIELDS if f not in fields]
    if missing:
        raise IntentsError(path, _line(data, "fields"), f"'fields' must define {', '.join(missing)}")
    raw = data["intents"]
    if not isinstance(raw, dict):
        raise IntentsError(path, _line(data, "intents"), "'intents' must map request types to their settings")
    intents = []
    for name, entry in raw.items():
        line = raw.key_lines[name]
        if name not in REQUEST_TYPES:
            raise IntentsError(path, line, f"unknown request type {name!r}; expected one of {', '.join(REQUEST_TYPES)}")
        if not isinstance(entry, dict):
            raise IntentsError(path, line, f"{name}: expected its settings ({', '.join(sorted(_REQUIRED_INTENT_KEYS))})")
        missing = _REQUIRED_INTENT_KEYS - set(entry)
        unknown = set(entry) - _INTENT_KEYS
        if missing or unknown:
            problem = f"missing {', '.join(sorted(missing))}" if missing else f"unknown key {', '.join(sorted(unknown))}"
            raise IntentsError(path, line, f"{name}: {problem}")
        clause = _text(path, entry, "clause")
        if clause_exists is not None and not clause_exists(clause):
            raise IntentsError(path, _line(entry, "clause"), f"{name}: no clause {clause!r} in the policy")
        examples = entry["examples"]
        if (not isinstance(examples, list) or len(examples) < 2
                or not all(isinstance(e, str) and tokenize(e) for e in examples)):
            raise IntentsError(path, _line(entry, "examples"), f"{name}: 'examples' must list at least two phrasings")
        field_names = entry["fields"]
        if not isinstance(field_names, list) or not all(isinstance(f, str) for f in field_names):
            raise IntentsError(path, _line(entry, "fields"), f"{name}: 'fields' must be a list of field names")
        unknown_fields = [f for f in field_names if f not in fields]
        if unknown_fields:
            raise IntentsError(path, _line(entry, "fields"), f"{name}: unknown field {unknown_fields[0]!r}")
        if len(set(field_names)) != len(field_names) or not set(REQUIRED_FIELDS) <= set(field_names):
            raise IntentsError(path, _line(entry, "fields"),
                               f"{name}: 'fields' must list {', '.join(REQUIRED_FIELDS)} once each")
        urgent = entry.get("urgent", False)
        priority = entry.get("priority", 0)
        if not isinstance(urgent, bool):
            raise IntentsError(path, _line(entry, "urgent"), f"{name}: 'urgent' must be true or false")
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise IntentsError(path, _line(entry, "priority"), f"{name}: 'priority' must be a whole number")
        intents.append(Intent(
            name=name, label=_text(path, entry, "label"), description=_text(path, entry, "description"),
            clause=clause, reply=_text(path, entry, "reply"),
            markers=_phrases(path, entry, "markers", name, lexicon),
            unless=_phrases(path, entry, "unless", name, lexicon) if "unless" in entry else (),
            examples=tuple(" ".join(e.split()) for e in examples),
            fields=tuple(fields[f] for f in field_names), urgent=urgent, priority=priority, line=line))
    missing_types = [t for t in REQUEST_TYPES if t not in raw]
    if missing_types:
        raise IntentsError(path, _line(data, "intents"), f"missing request type {', '.join(missing_types)}")
    # Only markers of one word: a phrase's words ("no more", "year old") are common words, not the marker.
    marker_words = frozenset(w for entry in raw.values() for marker in entry["markers"]
                             if len(found := words(marker)) == 1 for w in found)
    return Intents(intents, fields, actions, marker_words)


def extract_messages(fileobj, keywords, comment_tags, options):
    """Babel extractor (app/translations/babel.cfg) for intents.yaml: what visitors read (labels, descriptions, replies, help, choices).

    Yields (line, function, message, comments) as Babel expects; the web layer translates these with gettext.
    """
    intents = load_intents(fileobj.name)
    for field in intents.fields.values():
        for text in (field.label, field.help, *field.choices):
            if text:
                yield 0, None, text, [f"field {field.name}"]
    for intent in intents:
        for text in (intent.label, intent.description, intent.reply):
            yield intent.line, None, text, [f"request type {intent.name}"]
