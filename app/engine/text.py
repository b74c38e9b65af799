"""Text normalisation shared by indexing and querying.

Everything here is pure and deterministic: no downloaded nltk data, no state
beyond small caches, so the same text gives the same tokens on every machine.

    >>> tokenize("Do you SELL my e-mail address?")
    ['sell', 'email', 'address']

A visitor's message is analysed once, at the engine's door, into a `Query`
(normalised words with slips and misspellings put right, Hinglish and text-speak
read as English, their stems, the clauses for telling a question from a request) that retrieval,
request detection and the topic model all read:

    >>> analyse("Kya aap mera data bechte ho?").terms
    ('data', 'sell')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache



def _snowball():
    """nltk's English Snowball stemmer, imported without the optional libraries nltk's package loads.

    `import nltk` imports scipy and scikit-learn whenever they are installed (for parsers and classifiers this
    project never uses): 0.6 s of every start-up, against 0.15 s for the rest of nltk. They are hidden while
    nltk loads and are importable as usual afterwards (training imports scikit-learn).
    """
    import sys

    hidden = [name for name in ("scipy", "sklearn") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))
    try:
        from nltk.stem.snowball import SnowballStemmer
    finally:
        for name in hidden:
            sys.modules.pop(name, None)
    return SnowballStemmer("english")


_STEMMER = _snowball()

# Numbers said in words, up to the ages of children: "she's only twelve" is an age, "only eight or nine" no name.
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen""".split())

# Greetings in India's other languages and text-speak (Tamil "vanakkam", Marathi "namaskar", Bengali "nomoshkar",
# "gm"): no topic (`STOPWORDS`), a greeting's words (`intents._GREETED`) and what makes a message a greeting
# (`answering._HELLO`); session 51's review.
INDIAN_GREETINGS = frozenset("vanakkam namaskar namaskaram nomoshkar namaskaar gm".split())

# Words that carry no topic in a question about a policy. nltk ships a stopword
# list only as downloadable data, so the list lives here. Question words and
# negations are included: BM25 should match topics, not the shape of a question.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any anyone anything are aren as at
    be because been before being below between both but by can cannot could couldn
    did didn do does doesn doing don down during each few for from further get gets
    getting got had hadn has hasn have haven having he her here hers herself him himself
    his how i if in into is isn it its itself just let like ll me might more most
    must mustn my myself need needs no nor not now of off on once only or other our ours
    ourselves out over own please re s same shall shan she should shouldn so some such
    t than that the their theirs them themselves then there these they this those
    through to too under until up us ve very want wants was wasn we were weren what
    when where which while who whom why will with won would wouldn you your yours
    yourself yourselves d m o y also ever every
    blue messaggio app apps application company
    kind kinds sort sorts type types way ways thing things able possible mine anything something
    hi hii hey hello hiya namaste yo dear sir madam thanks thank
    guys folks actually basically literally really kinda sorta kindly clarify elaborate
    though although anyway anyways however btw hypothetically theoretically hypothetical
    worried worrying scared afraid paranoid nervous uneasy anxious suspicious sus
    """.split()
) | INDIAN_GREETINGS

_WORD = re.compile(r"[a-z0-9]+")
# Joins hyphenated and dotted forms ("e-mail", "third-party", "i.p.") before splitting.
_JOINERS = re.compile(r"(?<=[a-z0-9])[-.'’](?=[a-z0-9])")
_SHORT_PREFIX = re.compile(r"\b([a-z]{1,2})-(?=[a-z])")  # "e-mail", "re-send"
# An age written as one word: "12yo", "9yrs", "10yr".
_AGE_SUFFIX = re.compile(r"\b(\d{1,3})(yo|yrs?)\b")


def normalize(text: str) -> str:
    """Fold case, compatibility forms and accents so that look-alike text compares equal."""
    if text.isascii():
        return text.lower()  # the same result, without the Unicode passes most questions do not need
    # Compatibility forms first ("𝕬" -> "A"), then case, then once more for what case folding composed.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Split text into lower-case word tokens, keeping stopwords."""
    text = normalize(text)
    # "e-mail" -> "email", but "third-party" -> "thirdparty" would lose both words,
    # so hyphens join only short prefixes (e-, re-, co-).
    # (Each replacement only where its pattern can match at all: most questions have no "-" and no age.)
    if "-" in text:
        text = _SHORT_PREFIX.sub(r"\1", text)
    text = _JOINERS.sub(" ", text)
    if "y" in text:
        text = _AGE_SUFFIX.sub(r"\1 \2", text)  # "my 12yo" -> "my 12 yo"
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a lower-case word to its Snowball stem."""
    return _STEMMER.stem(word)


def tokenize(text: str) -> list[str]:
    """Turn text into the stemmed content tokens that retrieval indexes and matches."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def contains_phrase(phrase: tuple[str, ...], text: list[str], max_skip: int = 3, barrier: str | None = None) -> bool:
    """True if the words of `phrase` occur in `text` in order, at most `max_skip` words apart (and, with `barrier`,
    without that word between two of them)."""
    first = phrase[0]
    if first not in text:  # most phrases fail here, in C, before the scan below
        return False
    for wanted in phrase[1:]:  # and most of the rest here: a word of the phrase the text does not hold
        if wanted not in text:
            return False
    if len(phrase) == 1:
        return True
    start = text.index(first)
    while True:  # from each occurrence of the first word (found in C, not word by word)
        pos, ok = start, True
        for wanted in phrase[1:]:
            window = text[pos + 1 : pos + 2 + max_skip]
            if wanted not in window:
                ok = False
                break
            nxt = pos + 1 + window.index(wanted)
            if barrier is not None and barrier in text[pos + 1 : nxt]:
                ok = False
                break
            pos = nxt
        if ok:
            return True
        try:
            start = text.index(first, start + 1)
        except ValueError:
            return False



# --- the analysed question ------------------------------------------------------------------------------------


class _once:
    """`functools.cached_property` without its lock (Python 3.11 takes a lock on every first read, about a
    microsecond each, several times a question): a `Query` is read by one thread, and were two threads to compute
    a property at once they would both store the same value."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__
        self.name = func.__name__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


# Not "and a half" ("i am 5 and a half weeks into the trial" is no age of 5; the review of round 14).
_CLAUSE_BREAK = re.compile(r"[.!?;,:\n]+|\s(?:and|but|then|so)\s(?!a\s+half\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;\n]")
# Indian English "mobile no." is "mobile number": its dot ends no sentence ("remove my mobile no. from your promotional
# SMS list" is one instruction), though "No. Delete my account." is two.
_NUMBER_ABBREVIATED = re.compile(r"\b(mobile|phone|contact|cell|whatsapp|registered|account|acc|a/c)\s+no\.", re.IGNORECASE)
_DEVANAGARI = re.compile(r"[\u0900-\u097f\ua8e0-\ua8ff]")


@dataclass(frozen=True)
class Part:
    """One clause of a message, for telling questions from requests."""

    words: tuple[str, ...]
    question_mark: bool  # ends with "?"
    opens_sentence: bool  # first clause, or after . ! ? ; (not after a comma or "and")
    act: str | None = None  # "question", "instruction" or "wish" when a lexicon word says so ("kar do")
    # the word that joined it to the clause before, if one did: "and" ("if I stop paying | and close the account"), "so"
    # ("I'm reporting this | so you can take her info off"), "but", "then"; "" after punctuation
    joined_by: str = ""


@dataclass(frozen=True)
class Query:
    """A visitor's message, analysed once and read by every part of the engine."""

    text: str  # as typed
    words: tuple[str, ...]  # normalised; slips and misspellings put right; Hinglish and text-speak read as English
    parts: tuple[Part, ...]
    devanagari: bool = False  # the message has Devanagari letters (which `words` cannot hold)
    translated: int = 0  # how many words a lexicon read (Hinglish, text-speak)

    @_once
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(w) for w in self.words)

    @_once
    def terms(self) -> tuple[str, ...]:
        """Stems of the content words: what BM25 matches. A verb of telling before what is to be told ("tell me
        what you collect", "explain how ...") is the asking, not a topic (the policy's changes "notify" and "tell")."""
        words = self.words
        denied = self.denied_words
        terms = [(i, w, s) for i, (w, s) in enumerate(zip(words, self.stems)) if w not in STOPWORDS and w not in denied
                 and not (w in _TELLING_VERBS and ((_TOLD_WHAT - {"if"}) & set(words[i + 1 : i + 4])
                                                   or closing_tell(words, i)))]
        # "give me a rundown / an overview of ..." (`_ACCOUNTS`) is the asking too, when something else is asked
        if any(w in _ACCOUNTS for _, w, _ in terms):
            kept = [s for i, w, s in terms if w not in _ACCOUNTS and not _gives_an_account(words, i)]
            if kept:
                return tuple(kept)
        return tuple(s for _, _, s in terms)

    @_once
    def denied_words(self) -> frozenset[str]:
        """The verbs and nouns of request in the clauses that say a request is not made, when a later clause asks
        ("I don't want my account *deleted*, just tell me what you collect", "not asking for a *copy* of my data, only
        curious who you share it with"): not asked, not a topic (the rest of those clauses is context, `asked`). A word
        the asking clauses say too stays."""
        denied = self.denied_requests
        aside = self.set_aside
        if not denied and not aside:
            return frozenset()
        said = {w for i, part in enumerate(self.parts) if i not in denied and i not in aside for w in part.words}
        return frozenset(w for i in denied for w in self.parts[i].words if w in _DENIED_REQUESTS and w not in said) \
            | frozenset(w for i in aside for w in self.parts[i].words if w not in said)

    @_once
    def stem_set(self) -> frozenset[str]:
        return frozenset(self.stems)

    @_once
    def asked(self) -> tuple[str, ...]:
        """The words of what is asked: in a message with questions ("...?"), the sentences that end with one;
        otherwise every word. "I signed up for a trial ... what are you using my email for?" asks about e-mail,
        and "A parent got calls from other companies. Do you pass on the numbers we upload?" about sharing, not
        calls: the sentence before the question is the visitor's situation. A message with no "?" asks in the
        sentences that ask indirectly ("Our compliance team needs to know whether ... is transferred outside
        India."), when it has others too."""
        marked = [i for i, part in enumerate(self.parts) if part.question_mark]
        aside = self.set_aside
        denied = self.denied_requests
        if denied:
            denied = denied | aside
            # "I don't want to delete my account, I just want to know where my data is stored", "not asking for a
            # copy of anything, just tell me what you collect": the request said not to be made is not what is asked
            return tuple(w for i, part in enumerate(self.parts) if i not in denied for w in part.words)
        # A question passed on in the story ("a patient asked me whether her number ends up with other companies
        # ... who else touches that data?") is asked too, as it stands.
        passed_on = set(self._indirect_questions()) - set(marked) if marked else set()
        marked = sorted(set(marked) | passed_on) if marked else self._indirect_questions()
        if not marked:
            return self.words
        keep: set[int] = set()
        for i in marked:
            j = self._sentence_start(i)  # back to the start of the question's sentence
            keep.update(range(j, i + 1))
            sentence = [w for k in range(j, i + 1) for w in self.parts[k].words]
            if j > 0 and self.parts[start := self._sentence_start(j - 1)].words[:1] \
                    and self.parts[start].words[0] in _SUPPOSING:
                # "Suppose Blue Messaggio gets bought by a bigger company next year. What happens to all the contact
                # data we've kept with you?": the supposition is the question's condition, not the visitor's
                # situation (fresh61)
                keep.update(range(start, j))
            steps = 2 if i in passed_on else 0
            while j > 0 and steps < 2 and (sum(w not in STOPWORDS for w in sentence) < 2
                                           or (steps == 0 and _refers_back(sentence))):
                # "... whether it is protected. Can you confirm both?": what is asked is in the sentence before;
                # and before that when that one says almost nothing itself ("... covers what the CRM does. I think
                # it doesn't. Which of us is right?").
                end = j - 1
                j = self._sentence_start(end)
                keep.update(range(j, end + 1))
                sentence = [w for k in range(j, end + 1) for w in self.parts[k].words]
                steps += 1
        return tuple(w for j in sorted(keep) if j not in aside for w in self.parts[j].words)

    def _sentence_start(self, end: int) -> int:
        """The first part of the sentence whose last part is `end`."""
        j = end
        while j > 0 and not self.parts[j].opens_sentence:
            j -= 1
        return j

    @_once
    def denied_requests(self) -> frozenset[int]:
        """The clauses that say a request is not being made ("I don't want to delete my account", "not asking for a
        copy of anything", "im not unsubscribing"), when a later clause asks something: a question word after a verb of
        knowing or telling ("just tell me what ...", "I just want to know where ...", "just curious how ..."), or a
        "?". Else none."""
        denied: set[int] = set()
        for i, part in enumerate(self.parts):
            said = part.words
            if any(_denies(said, k) for k in range(len(said))):
                denied.add(i)
            elif denied and (part.question_mark or said[:1] and said[0] in _TOLD_WHAT
                             or any(w in _KNOWING and _TOLD_WHAT & set(said[k + 1 : k + 4])
                                    for k, w in enumerate(said))):
                return frozenset(d for d in denied if d < i)
        return frozenset()

    @_once
    def set_aside(self) -> frozenset[int]:
        """The clauses that name a topic only to set it aside before a question ("Setting aside international transfers,
        do you share anything with government agencies?", "I know you use cookies, but what stops an employee from
        reading my messages?", "The contact section is clear, but what exactly counts as communication data?": session
        51's review): context, not what is asked, when the question after them says enough on its own (two content
        words or more)."""
        parts = self.parts
        asks = [i for i, part in enumerate(parts) if part.question_mark]
        if not asks or len(parts) < 2:
            return frozenset()
        aside = set()
        for i, part in enumerate(parts[: asks[-1]]):
            said = part.words
            but = parts[i + 1].joined_by == "but"
            if part.question_mark or not said:
                continue
            if any(said[:len(opening)] == opening for opening in _SETTING_ASIDE) or (but and (
                    (said[0] in ("i", "we") and _GOT_IT & set(said[1:4]))
                    or said[-2:] in (("is", "clear"), ("are", "clear"), ("makes", "sense"), ("is", "fine")))):
                aside.add(i)
        if not aside:
            return frozenset()
        rest = [w for i, part in enumerate(parts) if i not in aside and i > min(aside) for w in part.words]
        if set(rest) & _POINTING_BACK_AT:
            return frozenset()  # the question points back at what the clause named ("I know my kid is 11, but is she
            # allowed to use your app?", "..., but how can I turn them off?": the code review of session 51)
        return frozenset(aside) if sum(w not in STOPWORDS for w in rest) >= 2 else frozenset()

    @_once
    def sentences(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """Each sentence of the message (its parts up to a stop, "?", "!" or ";"), as the index of its last part and
        its words."""
        out, words = [], []
        for i, part in enumerate(self.parts):
            words.extend(part.words)
            if i + 1 == len(self.parts) or self.parts[i + 1].opens_sentence:
                out.append((i, tuple(words)))
                words = []
        return tuple(out)

    @_once
    def sentence_queries(self) -> tuple[Query, ...]:
        """Each sentence of the message (`sentences`) as a message of its own: its parts, and their words as the whole
        message's analysis read them. Its `text` is those words, not what was typed (parts keep no offsets), so a check
        of the typed text reads the words as analysed: "mat karo" is "not do" there."""
        out, start = [], 0
        for end, words in self.sentences:
            out.append(Query(" ".join(words), words, self.parts[start : end + 1], self.devanagari))
            start = end + 1
        return tuple(out)

    def _indirect_questions(self) -> list[int]:
        """The last part of each sentence that asks without a "?" ("we need to know whether ...", "please tell me
        how ...", "I was wondering if ..."), when the message has other sentences; else []."""
        if len(self.sentences) < 2:
            return []
        found = [end for end, sentence in self.sentences
                 if any(w in _KNOWING and _TOLD_WHAT & set(sentence[i + 1:i + 4]) for i, w in enumerate(sentence))]
        return found if len(found) < len(self.sentences) else []

    @_once
    def long(self) -> bool:
        """Whether the message says more than what it asks (context around a question): see `asked`."""
        return len(self.asked) < len(self.words)


# Words of wanting to know or be told, and what is to be told, that make a sentence ask without a "?".
_KNOWING = frozenset("""know understand tell explain clarify confirm inform wondering wonder wondered curious check
    checking advise asked asks asking""".split())
_TOLD_WHAT = frozenset("whether if how what which who whom whose where when why".split())
# "cookies r optional right??", "you don't sell my data, right?", "ur not selling my number to telemarketers right"
# (the message's last word): a tag that asks to be told yes, not a right of the visitor's; not "is that my right?",
# "do I have the right?", "what is a right?".
_TAG_RIGHT = re.compile(r"([a-z0-9']+)(\s*,?\s+)right(?=\s*\?|\s*[.!]*\s*$)", re.IGNORECASE)
_RIGHT_OWNED = frozenset("""my the a an your ur this that any of to what which our his her their no its every each
    basic legal same""".split())
# ... nor, at the message's end, what is said to be (not) right: "the spelling of my name is not right", "ur records
# of my address r all wrong, nothing is right" (the review of round 59)
_RIGHT_SAID = frozenset("""not is isn't isnt are aren't arent r was wasn't wasnt were be been all nothing seems seem
    looks look quite""".split())
_RIGHT_KEPT = _RIGHT_OWNED | _RIGHT_SAID


# Other tags after a comma, asked ("my 12 year old can sign up, no problem?", "..., na?", "..., ok?": session 54's
# review AY): the statement before them is what is asked, as with "right" (not "is that ok?": no comma).
_TAG_ASKED = re.compile(r",\s*(?:no problem|no issue|na|naa|ok|okay|correct|yes|yeah|true)\s*\?+", re.IGNORECASE)


# Dictated messages (session 54's review AZ): punctuation said aloud, and an abbreviation spelled out letter by letter
# ("what is your g s t number", "do you use a i to read my messages"), joined only when it makes one of these.
_SPOKEN_MARKS = re.compile(r"\s*\b(question mark|full stop|exclamation mark|exclamation point)\b", re.IGNORECASE)
_SPOKEN_MARK = {"question mark": "?", "full stop": ".", "exclamation mark": "!", "exclamation point": "!"}
_SPELLED_OUT = re.compile(r"\b[a-z](?: [a-z]\b){1,4}", re.IGNORECASE)
_SPELLED_WORDS = frozenset("""gst ai dlt upi otp ip eu aws iso dpdp cin sms rcs gdpr kyc pan api url sim dnd trai dpo
    pii ccpa vpn crm""".split())


# A dictated run-on with no punctuation at all: where a question starts after a few words of something else ("my sms
# are not getting delivered what is wrong", "i use your whatsapp thing and it connects to facebook so if facebook takes
# my customers data is that your responsibility"), and an opening abandoned ("do you no wait can you delete my account").
_ANY_MARK = re.compile(r"[.!?;,:\n]")
_WH_OPENERS = frozenset("what why how where when".split())  # (not "who", "which": "my son who is 11 signed up")
_AUX_OPENERS = frozenset("is are do does can could will would should did was were".split())
_AFTER_WH = _AUX_OPENERS | {"s"}  # "what's wrong" is read "what s wrong"
_AFTER_AUX = frozenset("you u that it this there they we i my your ur".split())
# (not after a verb of telling or knowing, whose object the question is: "can you please tell me what is collected")
_ASKED_OF = frozenset("""tell told know knew explain show ask asking wondering wonder curious understand sure see
    check confirm clarify say mention find learn me us and or but so if whether""".split())
# (what a statement or a greeting opens with: the question comes later if at all)
_TELLING_OPENERS = frozenset("my i i'm im we our the this me hi hello hey so ok okay yes yeah listen look".split())
_QUESTION_OPENERS = _AUX_OPENERS | _WH_OPENERS
_ABANDONED = re.compile(r"^\s*(?:\w+\s+){1,4}?(?:no wait|wait|i mean|sorry)\s+", re.IGNORECASE)


def _run_on_split(text: str) -> str:
    said = text.split()
    if len(said) < 7:
        return text
    lowered = [w.lower() for w in said]
    if (cut := _ABANDONED.match(text)) and lowered[0] in _QUESTION_OPENERS:
        return text[cut.end():]  # "do you no wait can you delete my account"
    if lowered[0] not in _TELLING_OPENERS:
        return text  # a question from its first word on ("what kinds of cookies are you putting on my computer")
    for i in range(4, len(said) - 1):
        if lowered[i - 1] in _ASKED_OF:
            continue
        if (lowered[i] in _WH_OPENERS and lowered[i + 1] in _AFTER_WH) \
                or (lowered[i] in _AUX_OPENERS and lowered[i + 1] in _AFTER_AUX):
            return " ".join(said[:i]) + ", " + " ".join(said[i:]) + "?"
    return text


def _dictated(text: str) -> str:
    text = _SPOKEN_MARKS.sub(lambda m: _SPOKEN_MARK[m.group(1).lower()], text)
    return _SPELLED_OUT.sub(lambda m: joined if (joined := m.group().replace(" ", "")).lower() in _SPELLED_WORDS
                            else m.group(), text)


def _tag_right_dropped(text: str) -> str:
    # the tag asks: a question mark in its place, where the message had none ("... to telemarketers right")
    text = _TAG_ASKED.sub("?", text)
    return _TAG_RIGHT.sub(lambda m: m.group(0) if m.group(1).lower() in _RIGHT_KEPT else m.group(1) + "?", text)


# A request said not to be made: a negation, then within four words a verb (or noun) of request.
_DENYING = frozenset("not dont don t never no".split())
_DENIED_REQUESTS = frozenset("""delete deleting deleted deletion erase erasing remove removing removal unsubscribe
    unsubscribing unsub opt opting object objecting copy correct correcting change changing close closing cancel
    cancelling canceling complain complaining complaint export exporting download downloading""".split())
# After the negation, what makes it a request not made: a wish or an asking ("don't want to", "not asking for"), not an
# inability or a past deed ("can't delete", "not able to", "didn't delete": what the visitor asks about).
_DENIED_WISHES = frozenset("want wanna wish need asking ask request requesting mean trying looking planning going".split())
_WILL = frozenset("won will ll".split())  # "won't" is read "won t"
# A negated instruction at the clause's start ("please don't remove me ..."): only politeness before the negation.
_IMPERATIVE_LEAD = frozenset("please pls plz kindly do don just".split())
_DENIED_DEEDS = frozenset("take send".split())  # "don't take me off the list", "no need to send me my data"
_DENIED_ACTS = _DENIED_REQUESTS | _DENIED_DEEDS
_BEING = frozenset("am are m re".split())  # "i am", "we're" (read "we re")
_NOT_DENIAL_BEFORE = frozenset("can could couldn did didn was were wasn weren has have hasn haven is are isn aren".split())


def _denies(said: tuple[str, ...], k: int) -> bool:
    """Whether the negation at `k` says a request is not being made: "I don't want to delete my account", "not asking
    for a copy", "im not unsubscribing", "no complaint, just ..."; not "I can't delete my account", "my data was not
    deleted", "I'm not able to unsubscribe"."""
    w = said[k]
    if w not in _DENYING:
        return False
    after = said[k + 1 : k + 2]
    if _own_doing_denied(said, k):
        return True  # "we're not objecting to anything", "we are not deleting anything": the visitor's own doing
    if k and said[k - 1] in _NOT_DENIAL_BEFORE:
        return False
    if after and after[0] in _DENIED_WISHES:
        return bool(_DENIED_ACTS & set(said[k + 2 : k + 6]))
    if after and after[0] in _DENIED_REQUESTS and after[0].endswith("ing"):
        return True  # "im not deleting anything", "not unsubscribing"
    if after and after[0] in _DENIED_REQUESTS and k >= 2 and said[k - 1] in _WILL and said[k - 2] in ("i", "we"):
        return True  # "I won't unsubscribe yet, but ...", "we will not delete the account": the visitor's own choice
    if after and after[0] in _DENIED_ACTS and set(said[:k]) <= _IMPERATIVE_LEAD:
        return True  # "please don't take me off the mailing list, I only want to know ..." (round 21)
    return w == "no" and k == 0 and bool(after) and after[0] in _DENIED_REQUESTS  # "no complaint, just ..."


def _own_doing_denied(said: tuple[str, ...], k: int) -> bool:
    """Whether the negation at `k` denies what the visitor is doing: "we're not objecting", "I am not deleting"."""
    after = said[k + 1 : k + 2]
    return k >= 2 and said[k] in _DENYING and said[k - 1] in _BEING and said[k - 2] in ("i", "we") and bool(after) \
        and after[0] in _DENIED_REQUESTS and after[0].endswith("ing")


def denies_own_doing(said: tuple[str, ...]) -> bool:
    """Whether a clause says the visitor is not doing a request's deed ("we are not deleting anything"), which, unlike
    "I don't want you to send me ...", is no request of its own."""
    return any(_own_doing_denied(said, k) for k in range(2, len(said)))


_TELLING_VERBS = frozenset("tell explain describe".split())
# What is given when "give me" asks to be told ("give me a rundown of what you collect"): the asking, never a topic.
_ACCOUNTS = frozenset("rundown overview tldr summary breakdown".split())
# ... unless it is of what is held on the visitor, which asks for it ("give me an overview of all the data you have on
# me", the review of round 38)
HELD_ON_ME = (("on", "me"), ("about", "me"), ("you", "have"), ("you", "hold"), ("u", "have"), ("u", "hold"))


def _gives_an_account(words: tuple[str, ...], i: int) -> bool:
    """Whether word `i` is the "give" of "give me a rundown of ...": the asking, not a topic (the policy's "give" is
    sharing)."""
    if words[i] not in ("give", "gimme") or not _ACCOUNTS & set(words[i + 1 : i + 6]):
        return False
    if any(pair in HELD_ON_ME for pair in zip(words[i:], words[i + 1:])):
        return False
    return words[i] == "gimme" or words[i + 1 : i + 2] in (("me",), ("us",))


# What may follow a closing verb of telling (Hinglish puts it last: "mera number kahan use hota hai batao", read
# "... tell"; "what do you collect, tell me pls"), after a question word: the asking, not a topic ("will you tell me"
# alone asks about being told).
_AFTER_LAST_TELL = frozenset("me us please pls plz".split())


def closing_tell(words: tuple[str, ...] | list[str], i: int) -> bool:
    """Whether words[i] is a closing verb of telling after a question word, with only me/us/please after it ("mera
    number kahan use hota hai batao", "what do you collect, tell me pls"): the asking, not a topic."""
    return words[i] in _TELLING_VERBS and set(words[i + 1 :]) <= _AFTER_LAST_TELL \
        and bool((_TOLD_WHAT - {"if"}) & set(words[:i]))
# Words that point back to what was said before the question ("is *that* ok?", "can you confirm *both*?").
_REFERS_BACK = frozenset("that this it both these those them above".split())
# ... but not "this" of the policy itself ("does this whole privacy document cover the website": fresh45)
_THIS_POLICY = frozenset("policy privacy document page notice".split())


def _refers_back(sentence: list[str]) -> bool:
    """Whether a sentence points back to what was said before it (see `_REFERS_BACK`); "this policy" does only when the
    sentence asks nothing else of it ("... What does this policy say?": the review of round 49)."""
    own = [w for w in sentence if w not in STOPWORDS and w not in _THIS_POLICY and w not in _SAYING]
    return any(w in _REFERS_BACK
               and not (w == "this" and (set(sentence[i + 1 : i + 3]) & _THIS_POLICY) and len(own) >= 2)
               for i, w in enumerate(sentence))


# What opens a clause that sets a topic aside, what the visitor says they already have of it, and what a question
# points back at it with (`Query.set_aside`).
_SETTING_ASIDE = frozenset(tuple(opening.split()) for opening in """setting aside;leaving aside;putting aside;
    apart from;aside from;never mind;nevermind about;forget about;besides the;other than the;ignoring the""".split(";"))
_POINTING_BACK_AT = frozenset("she he her him them those these".split())
_GOT_IT = frozenset("read saw seen know knew understand understood get got checked went noticed".split())
# A sentence opening with these supposes what the question after it asks about.
_SUPPOSING = frozenset("suppose supposing imagine hypothetically assuming assume".split())
_SAYING = frozenset("say says said mention mentions tell tells state states".split())


class Analyser:
    """Turns messages into `Query` values; knows the words the policy and lexicons use.

    `known`: stems that are real words here, so they are never taken for slips;
    `lexicon`: an `app.engine.lexicon.Lexicon` (Hinglish, text-speak), or None;
    `correct(word) -> str | None`: the word a misspelling stands for, or None.
    """

    def __init__(self, known: frozenset[str] = frozenset(), lexicon=None, correct=None, real_word=None):
        self.known = known
        self.lexicon = lexicon
        self.correct = correct
        self.real_word = real_word  # `real_word(word) -> bool`: a dictionary word, never read as a slip of another
        self._fixed: dict[str, str] = {}

    def __call__(self, text: str) -> Query:
        return self.analyse(text)

    def analyse(self, text: str) -> Query:
        """Analyse one message."""
        typed_text = text
        lowered = text.lower()
        if " mark" in lowered or "full stop" in lowered or _SPELLED_OUT.search(text):
            text = _dictated(text)
        if not _ANY_MARK.search(text):
            text = _run_on_split(text)
        if "right" in text.lower() or ("," in text and "?" in text):
            text = _tag_right_dropped(text)
        if "no." in text.lower():
            text = _NUMBER_ABBREVIATED.sub(r"\1 no", text)
        parts, read = [], 0
        pos, opens, joined_by = 0, True, ""
        only: tuple[list[str], list[str]] | None = None  # (raw words, as read) of the one clause with words
        breaks = list(_CLAUSE_BREAK.finditer(text))
        # a word of DLT registration anywhere in the message keeps each clause's "dlt" DLT ("dlt my account, registration
        # status?", "dlt my account and sender id kab tak ho jayega")
        registration = "dlt" in text.lower() and (bool(_dlt_signals(set(words(text))) - {"me"}) or self._dlt_runs_on(text))
        for match in breaks + [None]:
            end = match.start() if match else len(text)
            raw = words(text[pos:end])
            chunk, act, count = self._read(raw, registration)
            read += count
            if chunk:
                only = (raw, chunk) if not parts else None
                parts.append(Part(tuple(chunk), bool(match and "?" in match.group()), opens, act, joined_by))
                opens = False
            if match:
                pos = match.end()
                opens = opens or bool(_SENTENCE_END.search(match.group()))
                joined_by = match.group().strip().lower() if match.group().strip().isalpha() else ""
        whole_raw = words(text) if breaks else raw  # no break: the one chunk read was the whole text
        if only is not None and len(parts) == 1 and only[0] == whole_raw:
            whole = only[1]  # one clause, as most questions are: it was just read
        else:
            whole, _, _ = self._read(whole_raw, registration)
            if "dlt" in whole and not any("dlt" in part.words for part in parts) \
                    and not _dlt_signals(set(whole) | set(whole_raw)):
                # each clause read its "dlt" as "delete" ("pls dlt my accnt asap, dont want ur service"): so does the
                # whole, whose words run on past the thing deleted, unless a word of DLT registration is in it ("dlt
                # my account | and sender id kab tak ho jayega")
                whole = ["delete" if w == "dlt" else w for w in whole]
            if "child" not in whole and any("child" in part.words for part in parts):
                # an age read at a clause's end that the whole message does not bear out: "i am 5 | and a half
                # weeks into the trial" (the review of round 14); but "she is 9, can she ..." is one
                standing = [_age_stands(part, parts[k + 1] if k + 1 < len(parts) else None)
                            for k, part in enumerate(parts)]
                parts = [part if stands else replace(part, words=tuple(w for w in part.words if w != "child"))
                         for part, stands in zip(parts, standing)]
                for part in (part for part, stands in zip(parts, standing) if stands):
                    said = list(part.words[-4:-1])  # "he s 12": the whole says it too, the clause's end unseen
                    at = next((j + 3 for j in range(len(whole) - 2) if whole[j:j + 3] == said), None)
                    if at is not None and whole[at:at + 1] != ["child"]:
                        whole.insert(at, "child")
        return Query(typed_text, tuple(whole), tuple(parts), bool(_DEVANAGARI.search(text)), read)

    def _dlt_runs_on(self, text: str) -> bool:
        """Whether a "dlt" goes on with "and" to something not the visitor's, which the clause break at "and" hides
        from `_dlt_deletes`: "dlt my number and my brand name", "dlt my account and my gst number" are DLT (the review
        of round 15); "dlt all my chats and my acc pls" deletes."""
        for stretch in _STRETCH_BREAK.split(text.lower()):
            said = words(stretch)
            if "dlt" not in said or "and" not in said:
                continue
            if self.lexicon is not None:
                said = self.lexicon.translate(said)[0]
            said = [self._fix(w) for w in said]
            for i, word in enumerate(said):
                if word == "dlt" and "and" in said[i + 1:] and not _dlt_object_only(said[i + 1:]):
                    return True
        return False

    def _read(self, raw: list[str], registration: bool = False) -> tuple[list[str], str | None, int]:
        act, count = None, 0
        typed = raw
        if self.lexicon is not None:
            raw, act, count = self.lexicon.translate(raw)
        fixed = [self._fix(w) for w in raw]
        if any(" " in w for w in fixed):  # two words typed together ("inmy"), read as both
            raw = [typed for typed, w in zip(raw, fixed) for _ in w.split()]
            fixed = [part for w in fixed for part in w.split()]
        if "minor" in fixed or "minors" in fixed:
            fixed = _minor_things(fixed, raw)
        if "dlt" in fixed and not registration:
            fixed = _dlt_deletes(fixed, typed, act == "instruction")
        return (_read_ages(fixed) if any(map(str.isdigit, fixed)) else fixed), act, count

    def _fix(self, word: str) -> str:
        """The word with a slip or misspelling put right; remembered, since visitors reuse their words."""
        fixed = self._fixed.get(word)
        if fixed is None:
            slip = _stopword_slip(word, self.known)
            if slip and self.real_word is not None and self.real_word(word):
                slip = None  # a real word is no question word's slip: "three providers" is no "there providers"
            fixed = slip or _dropped_g(word, self.known) or word
            if self.correct is not None:
                fixed = self.correct(fixed) or fixed
            if len(self._fixed) < 100_000:  # bounded: a flood of random words cannot grow it for ever
                self._fixed[word] = fixed
        return fixed


# What a person may do right after being named: "a minor signed up", "can a minor use it".
_PERSON_VERBS = frozenset("""use uses using sign signs join joins register registers create creates make makes open
    opens have has get gets access buy download install send sends put puts enter gave give gives provide share
    shares is was are were can could may might should will would who whose""".split())


# What a child has or is, after which "minor" is still a child: "delete minor data", "minor accounts delete karo",
# "minor users", Hindi "minor ke data" (the review of round 14). "minors" as typed is always people (the
# spelling corrector may read "minor" as the policy's "minors").
_MINORS_THINGS = frozenset("""data info information details detail account accounts user users student students
    child children kid kids son sons daughter daughters profile profiles personal ke ka ki""".split())


def _minor_things(tokens: list[str], typed: list[str]) -> list[str]:
    """ "minor" before a noun is "small" ("a minor issue with our account", "minor changes"), not a child: "a minor
    signed up", "can a minor use it", "data of a minor", "minor data", "minors" keep it."""
    out = list(tokens)
    for i, word in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if word in ("minor", "minors") and typed[i] != "minors" and after.isalpha() and after not in STOPWORDS \
                and after not in _PERSON_VERBS and after not in _MINORS_THINGS and not after.endswith("ed"):
            out[i] = "small"
    return out


# Text-speak "dlt" is "delete" when the visitor's things follow it ("pls dlt my accnt", "dlt all my data", "dlt the
# account"); otherwise, and whenever a word of it is in the clause, it is India's DLT registration of SMS senders
# ("dlt my account registration status", "dlt my number series in the panel", "dlt my data upload karna hai portal
# pe", "is dlt everything for my sms?": the review of round 14b).
_DELETED_THINGS = frozenset("""account accounts data details detail information info number numbers profile profiles
    records record email emails phone mobile contacts everything chats history accnt acct acnt""".split())
# Words of message delivery, which say DLT too unless the visitor is leaving (`_dlt_signals`).
_DELIVERY_WORDS = frozenset("delivering delivered delivery deliver undelivered deliverd delivring".split())
_DLT_WORDS = frozenset("""registration register registered registering status approval approve approved pending series
    header headers template templates entity sender senders link linked upload uploaded error errors portal operator
    principal telemarketer scrubbing consent sms kaise kya ka ke ki me pe par mein zaroori zaruri jaruri mandatory
    required compulsory kab kaha kahan route transactional promotional otp api panel dashboard campaign campaigns trai
    jio airtel vodafone bsnl peid how hw""".split()) | _DELIVERY_WORDS
# ... but words of delivery say DLT only when the visitor is not leaving nor deleting data (the review of round 16:
# "dlt my account, never got a single message delivered, waste of money, bye", "plz dlt my acc, too many undelivered
# msgs, switching provider", "dlt my data, ur delivery sucks" delete; "dlt my account pls, messages not delivering"
# stays DLT)
_LEAVING = frozenset("""leaving leave bye goodbye switching switch switched quit quitting tired waste useless anymore done
    sucks terrible data info information anyway anyways""".split())


_NOT_NEEDING = frozenset("dont don do not no".split())


# Spam the visitor gets ("delivery of spam to my phone must stop") says the visitor is a recipient, not a sender whose
# messages land in spam ("messages marked as spam", "sms going to spam folder"; round 18).
_SPAM_SENT = frozenset("as into folder filter marked flagged going goes go landing lands land junk score".split())


def _dlt_signals(said: set[str]) -> set[str]:
    """The words of DLT registration in `said` (`_DLT_WORDS`), words of delivery counted only when no word of leaving
    or of data is there (nor of spam the visitor gets)."""
    found = _DLT_WORDS & said
    leaving = _LEAVING & said or ("need" in said and _NOT_NEEDING & said) \
        or ("spam" in said and not _SPAM_SENT & said)  # "..., dont need u"
    return found - _DELIVERY_WORDS if leaving else found


# English "me" ("everything about me"), not Hindi "me" (in: "profile me error").
_BEFORE_ME = frozenset("about to for on of from with by give send tell let help".split())


def _dlt_deletes(tokens: list[str], typed: list[str], told: bool) -> list[str]:
    """`tokens` with "dlt" read "delete" where it deletes the visitor's things (see `_DLT_WORDS`). `typed`: the
    clause's words as typed (before Hindi was read); `told`: the clause is a Hindi instruction, which says the verb
    last: "mera account dlt kar do" (read "my account dlt") is "delete my account"; not "mera sender id dlt kar do"."""
    english_me = {i for i, w in enumerate(tokens) if w == "me" and i and tokens[i - 1] in _BEFORE_ME}
    if _dlt_signals({w for i, w in enumerate(tokens) if i not in english_me} | set(typed) - {"me"}):
        return tokens
    out = list(tokens)
    for i, word in enumerate(tokens):
        if word != "dlt" or (i and tokens[i - 1] in ("is", "the", "a", "for", "about", "does", "of", "with", "under")):
            continue  # a noun: "is dlt ...", "the dlt ...", "for dlt ..."
        if i >= 2 and tokens[i - 2] == "my" and tokens[i - 1] in _DELETED_THINGS and (
                (told and not tokens[i + 1:]) or tokens[i + 1:i + 2] in (["kardo"], ["krdo"])):
            out[i] = "delete"
            continue
        if _dlt_object_only(tokens[i + 1:]):
            out[i] = "delete"
    return out


# What may follow "dlt" for it to delete (the review of round 15, A1: an allow-list, since no list of DLT words is ever
# complete): the visitor's things, "from ur database", "and", "pls", "asap", "now"; any other word keeps DLT ("dlt my
# account verification done?", "dlt my number whitelisting", "dlt my records on videocon").
_AFTER_DLT_THING = frozenset("""from in ur your the list records record database system app and & pls please plz asap
    now everything all my personal id ids no""".split()) | _DELETED_THINGS
# "dlt everything abt me", "dlt everything u have on me"
_AFTER_DLT_EVERYTHING = frozenset("abt about me of mine u you have on".split()) | _AFTER_DLT_THING


_STRETCH_BREAK = re.compile(r"[,.;:!?\n]")


def _dlt_object_only(after: list[str]) -> bool:
    """Whether what follows "dlt" is only the visitor's things: "my acc", "all my chats and my account pls", "my no from
    ur database", "everything abt me"."""
    if after[:1] == ["all"]:
        after = after[1:]
    if after[:1] == ["everything"]:
        return all(w in _AFTER_DLT_EVERYTHING for w in after[1:])
    if after[:1] not in (["my"], ["the"], ["mine"]):
        return False
    rest = after[1:]
    if rest[:1] == ["personal"]:
        rest = rest[1:]
    if not rest or not (rest[0] in _DELETED_THINGS or rest[0] == "no"):
        return False
    return all(w in _AFTER_DLT_THING for w in rest[1:])


_YEARS = frozenset("yr yrs year years".split())
# What a number after "is" counts when it is not someone's age.
_NOT_AGES = frozenset("""percent days day months month weeks week hours hour minutes mins am pm dollars rs rupees
    inr usd gb mb kb k lakh lakhs crore messages sms texts times digits characters chars min minute sec secs second
    seconds hr hrs wk wks km kms kilometers kilometres mile miles meters metres step steps per people users members
    employees staff agents admins points stars of out""".split())


# Words that may follow the visitor's own age as the clause goes on ("i am 12 and ...", "im like 11 can i ...").
_AFTER_OWN_AGE = frozenset("""and but so can could may will would is am now please pls plz i how what do does too only
    yo""".split())
# ... and after a child's, said "my nephew's 12": the clause going on, or who it is ("he", "she"), or years.
_AFTER_CHILDS_AGE = _AFTER_OWN_AGE | frozenset("he she years yrs yr year".split())
# ... but not a duration or a count going on: "i am 5 and a half weeks into the trial", "i am 1 and only admin".
_NOT_AFTER_AND = frozenset("a an half only".split())
# Section 9 is about children under 13: a visitor of 13 to 17 asking for themself is an ordinary visitor ("i am 15
# and want to delete my account" is a deletion; the review of round 14).
_CHILD_UNDER = 13
# Things counted after a number, which make it no age ("my brother 1 account pe 2 numbers").
_COUNTED = frozenset("""to otp otps number numbers no nos account accounts acc company companies sim sims device devices
    phone phones campaign campaigns contact contacts list lists email emails template templates""".split())
_HEDGES = frozenset("like only just around about barely almost nearly".split())


def _own_age(tokens: list[str], i: int) -> bool:
    """Whether the number at `i` is the visitor's age: "i am" (and a hedge, "like", "only") before it, and nothing
    after it but the clause going on; "i am 2 days into the trial", "i am 1 of the admins" say no age."""
    j = i - 1
    if j >= 0 and tokens[j] in _HEDGES:
        j -= 1
    if j < 1 or tokens[j - 1 : j + 1] not in (["i", "am"], ["i", "m"]) or int(tokens[i]) >= _CHILD_UNDER:
        return False
    if i + 1 < len(tokens) and tokens[i + 1] == "and" and tokens[i + 2 : i + 3] and tokens[i + 2] in _NOT_AFTER_AND:
        return False
    return i + 1 >= len(tokens) or tokens[i + 1] in _AFTER_OWN_AGE


def _age_ends(after: list[str]) -> bool:
    """Whether a number after "he is" / "she's" followed by `after` (the rest of its clause) is an age: only at the
    clause's end, before "and" (not "and a half"), or before "years (old)" so ending (the review of round 15, B3)."""
    if after[:1] and after[0] in _YEARS:
        after = after[2:] if after[1:2] in (["old"], ["olds"]) else after[1:]
    if not after:
        return True
    return after[0] == "and" and not (after[1:2] and after[1] in _NOT_AFTER_AND)


# Grown-ups of work or service whom "he"/"she" may point back to: "my agent said he is 10 and will call you back at 4"
# (10 minutes, or 10 o'clock), "our admin says she is 12 ..." tell no child's age (round 18). A child named between
# them and the pronoun is the one meant ("our agent's son, he is 10").
ADULT_ROLES = frozenset("""agent agents admin admins administrator colleague colleagues coworker coworkers manager
    managers boss employee employees executive executives rep reps representative developer developers dev devs
    accountant ca salesman salesperson engineer engineers technician technicians driver courier staff operator
    supervisor director ceo founder cofounder vendor supplier landlord lawyer""".split())
CHILD_WORDS = frozenset("""son sons daughter daughters kid kids child children nephew niece brother sister student
    students pupil pupils cousin boy girl grandson granddaughter baby toddler teen teenager minor stepson
    stepdaughter""".split())


def adult_before(tokens: list[str] | tuple[str, ...], i: int, reach: int = 8) -> bool:
    """Whether a grown-up's role (`ADULT_ROLES`) is named in the `reach` words before `tokens[i]` (a "he"/"she")
    with no child word between."""
    for word in reversed(tokens[max(0, i - reach):i]):
        if word in CHILD_WORDS:
            return False
        if word in ADULT_ROLES:
            return True
    return False


def _age_stands(part: "Part", following: "Part | None") -> bool:
    """Whether an age read at the end of a clause ("he is 9" | ...) stands: the next clause goes on with something else,
    not with "and a half", a unit or "years" ("i am 5 | and a half weeks into the trial")."""
    words = part.words
    if len(words) < 4 or words[-1] != "child" or words[-3] not in ("is", "s") or words[-4] not in ("he", "she"):
        return False
    nxt = following.words[:1] if following is not None else []
    return not (nxt and (nxt[0] in ("and", "a", "half") or nxt[0] in _NOT_AGES or nxt[0] in _YEARS))


def _read_ages(tokens: list[str]) -> list[str]:
    """Read a stated age under 18 as the word "child" too: "my 15 yr old", "a 12yo", "aged 9", "my cousin is 12" are
    children.

    A number of years alone is not an age ("a customer for 15 years"): it needs "old", "yo" or "aged".
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        out.append(word)
        i += 1
        if not (word.isdigit() and len(word) <= 2 and int(word) < 18):
            continue
        before = tokens[i - 2] if i >= 2 else ""
        if before in ("aged", "age"):
            out.append("child")
        elif before in ("is", "turned") and "my" in tokens[max(0, i - 5):i - 2] and not (
                tokens[i:i + 1] and tokens[i] in _NOT_AGES):
            out.append("child")  # "my cousin is 12 can she ...", "my son turned 9"; not "my plan is 10 dollars"
        elif before == "s" and i >= 3 and tokens[i - 3] in CHILD_WORDS and int(word) < _CHILD_UNDER \
                and {"my", "our", "his", "her"} & set(tokens[max(0, i - 5):i - 3]) \
                and (i >= len(tokens) or tokens[i] in _AFTER_CHILDS_AGE):
            # "my nephew's 12. can he ..." (fresh41); not "my son's 10 otps", "my brother's 5 shops", "my daughter's 10
            # digit number" (the review of round 45: only the clause going on after the age), nor 13 or over
            out.append("child")
        elif before in ("is", "s") and i >= 3 and tokens[i - 3] in ("he", "she") and int(word) < _CHILD_UNDER \
                and _age_ends(tokens[i:]) and not adult_before(tokens, i - 3):
            # "he's 12", "she is 9" (section 9's children); not "it's 10", "he is 5 minutes late", "he's 12 years
            # into the business", "she's 9 to 5 at the office", "he is 9 on the waiting list", nor 13 or over
            out.append("child")
        elif before in CHILD_WORDS and {"my", "our", "his", "her"} & set(tokens[max(0, i - 5):i - 2]) \
                and int(word) < _CHILD_UNDER and not (tokens[i:i + 1] and tokens[i] in _NOT_AGES | _YEARS | _COUNTED):
            # "can my lil bro (11) make an acc": an age put after who it is (fresh36); under 13 only, and not a count
            # ("my sister 9 to 5 job", "we send our students 10 otps a day", "my brother 3 numbers use karta hai")
            out.append("child")
        elif _own_age(tokens, i - 1):
            out.append("child")  # "if im like 11, can i sign up", "i am 12 and ..."; not "i am 15 and ..." (13 or
            # over: not a child of section 9), nor "i am 2 days into the trial"
        elif tokens[i:i + 1] == ["yo"]:
            out.append("yo")
            out.append("child")
            i += 1
        elif tokens[i:i + 1] and tokens[i] in _YEARS and tokens[i + 1:i + 2] in (["old"], ["olds"]):
            out += [tokens[i], tokens[i + 1], "child"]  # "my 15 yr old", "do you let 10 yr olds sign up"
            i += 2
    return out


def analyse(text: str) -> Query:
    """Analyse `text` with the project's lexicons but no policy vocabulary (see `Analyser`)."""
    return _default_analyser().analyse(text)


@lru_cache(maxsize=1)
def _default_analyser() -> Analyser:
    from .lexicon import CORPUS, load_lexicons

    return Analyser(lexicon=load_lexicons(CORPUS))


def slips_of(word: str) -> set[str]:
    """Words one letter shorter than `word`, or with two neighbouring letters swapped."""
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    return out


# Question words typed in a hurry ("hwere", "waht", "whta", "whre"): a missing, extra or swapped letter.
# Substitutions are left out: "sale" is one letter from "same".
_LONG_STOPWORDS = set("""what where when which whom does doesn have your yours there their they about would could
                      should this that with from these those will were been being""".split())
_STOPWORD_SLIPS: dict[str, str] = {}
for _word in sorted(_LONG_STOPWORDS):
    for _near_word in slips_of(_word):
        if len(_near_word) >= 3 and _near_word not in STOPWORDS:
            _STOPWORD_SLIPS.setdefault(_near_word, _word)
# "ther" is "there" or "their" with a letter left out: "there" ("is ther a number i can call"), which says nothing of
# whose things they are ("their" moves a question to other parties).
_STOPWORD_SLIPS["ther"] = "there"
# Common words of requests and questions, read from a slip of four letters or more only ("wnat", "undr"; "wan"
# and "ant" are words).
for _word in ("want", "under"):
    for _near_word in slips_of(_word):
        if len(_near_word) >= 4 and _near_word not in STOPWORDS:
            _STOPWORD_SLIPS.setdefault(_near_word, _word)


def _dropped_g(word: str, known) -> str | None:
    """The "-ing" word that text-speak typed without its g ("gettin", "sendin", "trackin"), when only the
    word with the g is one we know; a word we know ("login", "admin") stays itself."""
    if len(word) < 5 or not word.endswith("in") or not word.isalpha() or word in STOPWORDS or stem(word) in known:
        return None
    full = word + "g"
    return full if stem(full) in known else None


def _stopword_slip(word: str, known) -> str | None:
    """The question word that `word` is a slip of ("hwere" -> "where"), unless `word` is a word we know."""
    if len(word) < 3 or not word.isalpha() or word in STOPWORDS or stem(word) in known:
        return None
    if word in _STOPWORD_SLIPS:
        return _STOPWORD_SLIPS[word]
    return next(iter(sorted(slips_of(word) & _LONG_STOPWORDS)), None)

