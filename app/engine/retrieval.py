"""Rank the policy's clauses for a question with BM25 and say how sure we are.

Scoring combines three views of the policy, each an Okapi BM25 index over
pre-tokenised text (see `app.engine.text`):

* clauses: a clause's words plus its context (section title, sub-heading,
  the "Label:" of a bullet, the sentence that introduces a bullet list) and the
  alternate phrasings editors wrote for it;
* sections: every word of a section, so that a question about "cookies" favours
  section 7 even when the best clause does not repeat the word;
* the question's own words weigh 1.0; words added by the synonym lexicon
  (`corpus/synonyms.yaml`) and by spelling correction weigh less.

    >>> index = build_index(load_policy("corpus/privacy-policy.md"))
    >>> result = index.search("can I delete my account?")
    >>> result.hits[0].clause.id
    's6-correction-and-deletion-2'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from .corpus import Clause, Policy
from .lexicon import Lexicon, load_lexicons, readings
from .text import STOPWORDS, Analyser, Query, contains_phrase, stem, tokenize, words
from .yamlfile import YamlFileError, load_yaml



@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts.

    Calibrated on tests/data/retrieval_cases.yaml with bench/calibrate.py
    (see README, "How answers are chosen").
    """

    synonym: float = 0.5  # default weight of a word added by synonyms.yaml
    spelling: float = 0.8  # a vocabulary word one edit away from an unknown word
    section: float = 0.5  # the section's score added to each of its clauses
    hint: float = 0.5  # extra share of score for clauses in a section a synonym entry points to
    title: float = 0.5  # idf of each question word in a clause's section title or sub-heading, added to it
    context: float = 0.5  # a word of a long message outside what it asks (see Query.asked)
    prior: float = 0.5  # how much a section the question-topic model expects multiplies its clauses' scores


# A question word reaches its verb across the whole subject: "where is my account info and online activity
# stored" asks "where stored" as much as "where is it stored" does.
_WH = frozenset("where how who which why what when whom whose".split())
_WH_SKIP = 6

# A term in exactly half of the documents gets idf 0 from Okapi BM25 and a
# negative idf above that; rank-bm25 floors only negative idfs, at
# EPSILON * mean idf. We floor every idf there, so a common word still counts a
# little instead of not at all.
EPSILON = 0.25


@dataclass(frozen=True)
class Hit:
    """A clause and its score for one question."""

    clause: Clause
    score: float


@dataclass(frozen=True)
class Synonym:
    when: tuple[tuple[str, ...], ...]  # stemmed phrases visitors use
    search: tuple[str, ...]  # stemmed policy words to add
    line: int = 0
    weight: float | None = None  # None: Weights.synonym
    section: str | None = None  # the section that answers questions using these words


@dataclass(frozen=True)
class Gap:
    """A topic the policy does not cover, recognised by phrases."""

    topic: str
    phrases: tuple[tuple[str, ...], ...]
    line: int = 0
    # A kind of data the policy never lists (health records, photos on the phone): whether it is collected is not
    # covered, but whether it is sold, who else sees it and how it is protected are, by what the policy says of
    # all personal information (see `Assistant.about_all_data`).
    data: bool = False
    # Phrases that mean the question is about what the policy does cover after all ("ads" in the app are not
    # covered, ads "based on" the visitor's data are: section 7).
    unless: tuple[tuple[str, ...], ...] = ()
    # A fact about the company itself that the policy does not give (its officers' names, a WhatsApp line, its
    # registration numbers): the question is declined even when it also names a way to reach us, whose details the
    # decline lists anyway (see `Assistant.company_answer`).
    company: bool = False
    # Groups of phrases, each of which must have a phrase in the question, anywhere and in any order: a topic
    # asked in words too far apart for one phrase ("will they tell me if there's ever a data breach": a word of
    # being told, and one of a breach).
    together: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def matches(self, question_words: list[str]) -> bool:
        """Whether the question asks about this topic (`Index.gap` decides the same for every entry at once, reading
        `together` within each sentence of what is asked; here the words are one sentence)."""
        # Only phrases whose first word is in the question can match: most of a gap's phrases are never tried.
        firsts = self._by_first
        return (any(contains_phrase(phrase, question_words)
                    for word in set(question_words) if word in firsts for phrase in firsts[word])
                or self.together_in(question_words)) and not self.refused(question_words)

    def refused(self, question_words: list[str]) -> bool:
        """Whether an `unless` phrase is in the question: it asks what the policy covers after all."""
        return any(contains_phrase(phrase, question_words) for phrase in self.unless)

    def together_in(self, question_words: list[str]) -> bool:
        """Whether every group of `together` has a phrase in the question."""
        return bool(self.together) and all(any(contains_phrase(phrase, question_words) for phrase in group)
                                           for group in self.together)

    @cached_property
    def _by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            by_first.setdefault(phrase[0], []).append(phrase)
        return {word: tuple(phrases) for word, phrases in by_first.items()}


@dataclass
class SearchResult:
    """What retrieval found for one question."""

    question: str
    hits: list[Hit]
    confidence: float  # 0..1: share of the question's weight that the best clause explains
    gap: Gap | None = None
    terms: dict[str, float] = field(default_factory=dict)  # weighted query terms used
    # 0..1: how specific the most specific own word is that the best clause does not explain (its idf share,
    # times the share not explained): "do you collect my fingerprint" leaves "fingerprint" unexplained.
    unexplained: float = 0.0
    # the sections that synonym entries matched by the question point to (synonyms.yaml's `section`)
    hinted: frozenset[str] = frozenset()

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def load_synonyms(path: str | Path, lexicon: Lexicon | None = None) -> list[Synonym]:
    """Read `corpus/synonyms.yaml`, or raise `YamlFileError` naming the line. `lexicon`: the one questions are read
    with: each phrase is matched as written and as read (`Lexicon.readings`: "info about me" as "information about
    me" too, as a question's "info" is read)."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise YamlFileError(path, getattr(data, "line", 1), "expected a list of entries with 'when' and 'search'")
    out = []
    for entry in data:
        line = getattr(entry, "line", 0)
        if not isinstance(entry, dict) or not {"when", "search"} <= set(entry) <= {"when", "search", "weight", "section"}:
            raise YamlFileError(path, line, "each entry needs 'when' (a list) and 'search' (text), "
                                            "and may have 'weight' (a number from 0 to 1) and 'section'")
        section = entry.get("section")
        if section is not None and (not isinstance(section, str) or not section.isdigit()):
            raise YamlFileError(path, line, "'section' must be a section number in quotes, e.g. \"5\"")
        weight = entry.get("weight")
        if weight is not None and (isinstance(weight, bool) or not isinstance(weight, (int, float))
                                   or not 0 < weight <= 1):
            raise YamlFileError(path, line, "'weight' must be a number above 0 and at most 1")
        when, search = entry["when"], entry["search"]
        if not isinstance(when, list) or not when or not all(isinstance(w, str) for w in when):
            raise YamlFileError(path, line, "'when' must be a non-empty list of words or phrases")
        if not isinstance(search, str) or not tokenize(search):
            raise YamlFileError(path, line, "'search' must be text with at least one meaningful word")
        phrases = []
        for w in when:
            said = words(str(w))
            if not said:
                raise YamlFileError(path, getattr(w, "line", line), f"{w!r} has no words")
            for read in readings(tuple(said), lexicon):
                phrases.append(tuple(stem(x) for x in read))
        out.append(Synonym(tuple(phrases), tuple(tokenize(search)), line, weight, section))
    return out


def load_gaps(path: str | Path) -> list[Gap]:
    """Read `corpus/gaps.yaml`, or raise `YamlFileError` naming the line."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise YamlFileError(path, getattr(data, "line", 1), "expected a list of entries with 'topic' and 'when'")
    out = []
    for entry in data:
        line = getattr(entry, "line", 0)
        if not isinstance(entry, dict) or not {"topic", "when"} <= set(entry) <= {"topic", "when", "data", "unless",
                                                                                 "company", "together"}:
            raise YamlFileError(path, line, "each entry needs 'topic' (text) and 'when' (a list), and may have "
                                            "'data' (true: the topic is a kind of data), 'company' (true: a fact about "
                                            "the company), 'unless' (a list) and 'together' (a list of lists)")
        topic, when = entry["topic"], entry["when"]
        for flag in ("data", "company"):
            if not isinstance(entry.get(flag, False), bool):
                raise YamlFileError(path, line, f"'{flag}' must be true or false")
        if not isinstance(topic, str) or not topic.strip():
            raise YamlFileError(path, line, "'topic' must be non-empty text")
        if not isinstance(when, list) or not when or not all(isinstance(w, str) and words(w) for w in when):
            raise YamlFileError(path, line, "'when' must be a non-empty list of phrases")
        unless = entry.get("unless", [])
        if not isinstance(unless, list) or not all(isinstance(w, str) and words(w) for w in unless):
            raise YamlFileError(path, line, "'unless' must be a list of phrases")
        together = entry.get("together", [])
        if not isinstance(together, list) or len(together) == 1 or not all(
                isinstance(group, list) and group and all(isinstance(w, str) and words(w) for w in group)
                for group in together):
            raise YamlFileError(path, line, "'together' must be a list of two or more lists of phrases")
        out.append(Gap(topic.strip(), tuple(tuple(words(w)) for w in when), line, entry.get("data", False),
                       tuple(tuple(words(w)) for w in unless), entry.get("company", False),
                       tuple(tuple(tuple(words(w)) for w in group) for group in together)))
    return out


def load_phrasings(path: str | Path, policy: Policy) -> dict[str, list[str]]:
    """Read `corpus/phrasings.yaml` (clause id -> phrasings), checking every id exists."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise YamlFileError(path, getattr(data, "line", 1), "expected clause ids mapped to lists of phrasings")
    out = {}
    for clause_id, phrasings in data.items():
        line = data.key_lines[clause_id]
        if clause_id in policy.retired:
            continue  # removed in a later version: the publish report lists these phrasings for editors
        if not policy.has_clause(clause_id):
            raise YamlFileError(path, line, f"no clause {clause_id!r} in {policy.path}")
        if not isinstance(phrasings, list) or not all(isinstance(p, str) and p.strip() for p in phrasings):
            raise YamlFileError(path, line, "phrasings must be a list of non-empty questions")
        # An id of an earlier version stands for its successor (see app.engine.lineage).
        out.setdefault(policy.clause(clause_id).id, []).extend(str(p) for p in phrasings)
    return out


def clause_context(clause: Clause) -> str:
    """The headings and lead-in that give a clause its meaning out of context."""
    parts = [clause.section_title, clause.subsection or "", clause.label or "", clause.lead_in or ""]
    return " ".join(p for p in parts if p)


def _bm25(docs: list[list[str]]) -> tuple[BM25Okapi, dict[str, np.ndarray]]:
    """Index `docs` and precompute each vocabulary term's score vector."""
    bm25 = BM25Okapi(docs, epsilon=EPSILON)
    floor = EPSILON * bm25.average_idf
    for term, idf in bm25.idf.items():
        if idf < floor:
            bm25.idf[term] = floor
    vectors = {term: bm25.get_scores([term]) for term in bm25.idf}
    return bm25, vectors


class Index:
    """BM25 over clauses and sections, built once at start-up.

    Build it with `build_index`; `search` is safe to call from many threads.
    """

    def __init__(self, policy: Policy, synonyms: list[Synonym], gaps: list[Gap],
                 phrasings: dict[str, list[str]], weights: Weights = Weights(), lexicon: Lexicon | None = None):
        self.policy = policy
        self.weights = weights
        self.synonyms = synonyms
        self.phrasings = phrasings
        self.clauses = policy.clauses
        clause_docs = []
        for clause in self.clauses:
            doc = tokenize(clause.text) + tokenize(clause_context(clause))
            for phrasing in phrasings.get(clause.id, ()):
                doc += tokenize(phrasing)
            clause_docs.append(doc)
        self.sections = [s.number for s in policy.sections]
        section_docs = [[] for _ in self.sections]
        section_pos = self._section_pos = {n: i for i, n in enumerate(self.sections)}
        self._clause_section = np.array([section_pos[c.section] for c in self.clauses])
        for clause, doc in zip(self.clauses, clause_docs):
            section_docs[section_pos[clause.section]].extend(doc)
        self._clause_bm25, self._clause_vec = _bm25(clause_docs)
        self._section_bm25, self._section_vec = _bm25(section_docs)
        # Each term's clause scores and then its section scores, one row a term: a question's rows are weighed and
        # summed in a few numpy calls instead of four a term (`search`). The sum down the rows adds them one after
        # another in the question's order, as the loop it replaces did, so every score is the same to the last bit
        # (numpy adds down the rows of a matrix two or more columns wide one row at a time; a single column it would
        # add pairwise, but a row here holds every clause and section).
        self._term_row = {term: row for row, term in enumerate(self._clause_vec)}
        self._term_scores = np.array([np.concatenate([self._clause_vec[t], self._section_vec[t]])
                                      for t in self._clause_vec]).reshape(len(self._clause_vec), -1)
        self._clause_terms = [set(d) for d in clause_docs]
        # Each clause's own words (its text, without the headings, lead-in and wordings it is indexed with).
        self.own_words = {c.id: frozenset(tokenize(c.text)) for c in self.clauses}
        title_rows: dict[str, list[int]] = {}
        for row, clause in enumerate(self.clauses):
            for term in set(tokenize(f"{clause.section_title} {clause.subsection or ''}")):
                title_rows.setdefault(term, []).append(row)
        self._title_rows = {t: np.array(r) for t, r in title_rows.items()}
        self._section_terms = [set(d) for d in section_docs]
        self.vocabulary = set(self._clause_vec)
        self._deletes = _deletion_index(self.vocabulary)
        self._synonym_phrases = _phrases_by_first_word(s.when for s in synonyms)
        # Stems the policy or the synonym lexicon uses.
        self._synonym_words = frozenset(word for s in synonyms for phrase in s.when for word in phrase)
        self.known = frozenset(self.vocabulary | self._synonym_words)
        # A misspelt word is read as the policy's word one letter away (missing, extra or swapped).
        surface = {w for clause, doc in zip(self.clauses, clause_docs)
                   for w in words(f"{clause.text} {clause_context(clause)}")
                   if len(w) >= 4 and w.isalpha() and w not in STOPWORDS}
        self._surface: frozenset[str] = frozenset()
        self._missing_only: frozenset[str] = frozenset()  # learnt words read only with a letter missing
        self._surface_deletes: dict[str, set[str]] = {}
        self._surface_sounds: dict[str, set[str]] = {}  # `_sound_key` -> the words that sound so
        self._surface_roots: set[str] = set()  # the first five letters or more of each (`_american`)
        # Real words that the readings of slips below would take for another word (corpus/real-words.txt, made by
        # bench/real_words.py from an English dictionary), and the question model's words (`Assistant` sets
        # `model_knows`): such a word is never read as another by how it sounds, filled in or split in two.
        self.real_words: frozenset[str] = frozenset()
        # Each known stem with one letter after its first left out -> the stems (what `_slip_of_known` looks up).
        self._known_deletes: dict[str, set[str]] = {}
        # The known stems by their first four letters: a word's stem keeps them, and all but its last letter
        # (`_slip_of_known` stems only a word that starts with a known stem so).
        self._known_starts: dict[str, list[str]] = {}
        for known in self.known:
            self._known_starts.setdefault(known[:4], []).append(known[:-1] if len(known) > 4 else known)
        # ... and a stem is at most this many letters shorter than its word ("integrations" -> "integr")
        self._longest_ending = 6
        for known in self.known:
            for i in range(1, len(known) if len(known) >= 4 else 0):
                self._known_deletes.setdefault(known[:i] + known[i + 1:], set()).add(known)
        self.model_knows = lambda word: False
        self._add_surface(surface)
        # Questions are analysed against the words the policy and the lexicons know.
        self.analyse = Analyser(self.known, lexicon, self.correct, self.real_word)
        self.set_gaps(gaps)
        self._by_prefix: dict[str, list[str]] = {}
        for term in self.vocabulary:
            if len(term) >= 5:
                self._by_prefix.setdefault(term[:5], []).append(term)
        self._max_idf = max(self._clause_bm25.idf.values())
        self._fixes: dict[tuple[str, str], set[str]] = {}  # (word, stem) unknown to the policy -> its policy words

    def weigh_terms(self, query: Query | str) -> tuple[dict[str, float], dict[str, set[str]], set[str]]:
        """The stemmed query terms with their weights, and what each own word brought in.

        Own words weigh 1.0; a vocabulary word one edit away from an unknown word
        and the policy words of a matching synonym entry weigh less. The second
        value maps each own word to the added terms it triggered, so confidence
        can credit a visitor's word that the policy says differently; the third
        is the set of sections that matching synonym entries point to.
        """
        if isinstance(query, str):
            query = self.analyse(query)
        raw = query.words
        denied = query.denied_words  # "I don't want my account deleted, just ...": no synonym of "deleted"
        stems = [("" if w in denied else s) for w, s in zip(raw, query.stems)] if denied else query.stems
        own = list(query.terms)
        spelled = {s: w for w, s in zip(raw, stems) if w not in STOPWORDS}
        terms: dict[str, float] = {}
        support: dict[str, set[str]] = {t: set() for t in own}
        hinted: set[str] = set()

        def add(term: str, weight: float, source: str | None):
            terms[term] = max(terms.get(term, 0.0), weight)
            if source is not None and term != source:
                support[source].add(term)

        # In a long message, the words around what is asked ("I run a shop in Pune ...") count for less.
        asked = _asked_stems(query)
        for token in own:
            # Unknown words still count against confidence.
            add(token, 1.0 if asked is None or token in asked else self.weights.context, None)
            if token not in self.vocabulary:
                # Correct the word as typed: "delte" is one edit from "delet(e)",
                # its stem "delt" is not.
                key = (spelled[token], token)
                fixes = self._fixes.get(key)
                if fixes is None:  # remembered: the same unknown words come back ("whatsapp", "gst", "otp")
                    fixes = (_corrections(spelled[token], self._deletes) | _corrections(token, self._deletes)
                             or self._same_root(token))
                    if len(self._fixes) < 10_000:  # bounded: a flood of made-up words cannot grow it for ever
                        self._fixes[key] = fixes
                for fixed in fixes:
                    add(fixed, self.weights.spelling, token)
        present = set(stems)
        # Only phrases starting with a word of the question can match: those, in file order (entry, then its
        # phrases); an entry's first phrase found counts, the rest of its phrases are not tried.
        matched = -1
        for i, _, phrase in sorted(found for word in present for found in self._synonym_phrases.get(word, ())):
            if i != matched and contains_phrase(phrase, stems, max_skip=_WH_SKIP if phrase[0] in _WH else 2):
                matched = i
                synonym = self.synonyms[i]
                weight = synonym.weight or self.weights.synonym
                sources = [t for t in phrase if t in support] or [None]
                for token in synonym.search:
                    for source in sources:
                        add(token, weight, source)
                if synonym.section:
                    hinted.add(synonym.section)
        return terms, support, hinted

    def learn_words(self, new_words, missing_only: bool = False) -> None:
        """Read misspellings of `new_words` too (the verbs of requests an editor lists in intents.yaml: "delte",
        "chnage", "unsubscirbe"), though the policy never uses them. Call it before the first question.

        `missing_only`: read only a letter missing ("complant"), not one swapped or added: a real word is often
        a swap away from a word of the lexicons ("compliant" / "complaint")."""
        new_words = {w for w in new_words if len(w) >= 4 and w.isalpha() and w not in STOPWORDS} - self._surface
        self._add_surface(new_words)
        if missing_only:
            self._missing_only = self._missing_only | new_words
        self.analyse._fixed.clear()

    def _add_surface(self, new_words: set[str]) -> None:
        """Words a misspelling may stand for, each with its one-letter deletions (what `correct` looks up)."""
        new_words = new_words - self._surface
        self._surface = self._surface | new_words
        for word in new_words:
            for i in range(len(word)):
                self._surface_deletes.setdefault(word[:i] + word[i + 1:], set()).add(word)
            if len(word) >= 5:
                self._surface_sounds.setdefault(_sound_key(word), set()).add(word)
            self._surface_roots.update(word[:n] for n in range(5, len(word) + 1))

    def misspells_a_known_word(self, word: str) -> bool:
        """Whether `word` is one letter typed wrong in a word the policy uses ("personel", "informatoin" is handled
        by `correct`): a slip, not the name of something the policy never mentions."""
        for i in range(len(word)):
            key = word[:i] + word[i + 1:]
            # Words learnt only to read a request's marker typed short ("complant") are not the policy's: a word
            # a letter away from one ("excel", "typo", "baby") may still name a product the policy never mentions.
            if any(other[:i] + other[i + 1:] == key and other not in self._missing_only
                   for other in self._surface_deletes.get(key, ())):
                return True
        return False

    def correct(self, word: str) -> str | None:
        """The policy word a misspelt `word` stands for ("unsubscibe" -> "unsubscribe"), when exactly one is a
        missing, extra or swapped letter away. Substitutions are left to retrieval's weaker expansion: a real
        word the policy does not use ("translate", "hindi") is a substitution away from one it does."""
        if not word.isalpha() or word in STOPWORDS or word in self._surface:
            return None
        if len(word) < 5:
            # Text-speak drops a vowel ("stp", "cpy", "prty"): a word with none (but "y") is seldom a real one, so the
            # one word it is a vowel short of is meant; a short word with a vowel often is ("bot" is no "both").
            if len(word) < 3:
                return None
            if _VOWELS & set(word):
                return None if stem(word) in self.known or self.real_word(word) else self._short_slip(word)
            found = {w for w in self._surface_deletes.get(word, ()) if _vowel_short(word, w)}
            return next(iter(found)) if len(found) == 1 else None
        token = stem(word)
        if token in self.known:
            # A known inflection of a known stem is a real word, not a slip: the stemmer took an English ending
            # off it ("change" -> "chang", as "changes"), so it stays itself. Only a stem typed bare, short of
            # its word ("delet", "remov": nothing to take off), is read as the word it was cut from.
            if token != word:
                return None
            found = {w for w in self._surface_deletes.get(word, ()) if stem(w) == token}
            return next(iter(found)) if len(found) == 1 else None
        american = self._american(word)
        if american is not None:
            return american
        if token in self._gap_words and self.real_word(word):
            # a real word of a topic the policy does not cover is typed as meant: "scrape" is no "scrap" (but "tickes"
            # is still "tickets")
            return None
        found = set(self._surface_deletes.get(word, ()))  # a letter missing: "adress"
        if len(word) >= 6:  # a letter too many; shorter words are often real ones ("thank", "plans")
            # not before the word: a letter there names a product ("iphone", "ipad", "esim"), a slip seldom adds one
            found |= {word[:i] + word[i + 1:] for i in range(1, len(word))} & self._surface
        found |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)} & self._surface
        # A learnt marker is read from a word a letter short of it only when that word is long: a short one is often
        # a real word ("toddle" is no "toddler").
        # A vowel left out is text-speak's slip ("chnged"), whatever the length: a real word seldom lacks one.
        found -= {w for w in found if w in self._missing_only and (len(w) <= len(word) or len(word) < 7)
                  and not _vowel_short(word, w)}
        if any(stem(w) == token for w in found):
            # "offer" beside a learnt "offers": an inflection of the word, typed as meant, not a slip.
            return None
        i_for_y = "i" in word and not self.real_word(word)
        j_for_g = "j" in word and not self.real_word(word)
        if not found and ("k" in word or "s" in word or i_for_y or j_for_g):
            # The substitutions read: "k" typed for a hard "c", as it sounds ("protekt", "kookies", "sekurity"), and
            # "s" for a soft one ("privasy", "proses"); "i" for the "y" said like it ("encript", round 35); "j" for a
            # soft "g".
            sounded = {word[:i] + "c" + word[i + 1:] for i, letter in enumerate(word)
                       if letter == "k" or (letter == "s" and word[i + 1 : i + 2] in ("e", "i", "y"))}
            if i_for_y:
                sounded |= {word[:i] + "y" + word[i + 1:] for i, letter in enumerate(word) if letter == "i"}
            if j_for_g:  # ... and "j" for a soft "g" ("merjes", "chanje": fresh31)
                sounded |= {word[:i] + "g" + word[i + 1:] for i, letter in enumerate(word)
                            if letter == "j" and word[i + 1 : i + 2] in ("e", "i")}
            found = (sounded & self._surface) - self._missing_only
            if not found:
                # ... or a visitor's word of the synonym lexicon ("polise" -> "police")
                found = {w for w in sounded if stem(w) in self._synonym_words}
        if found or self.real_word(word):
            return next(iter(found)) if len(found) == 1 else None
        return self._gap_swap(word) or self._slip_of_known(word) or self._sounds_like(word) or self._split(word)

    def _american(self, word: str) -> str | None:
        """The known word that `word` is the British spelling of ("authorised" -> "authorized", "centre" -> "center",
        "licence" -> "license"): the policy and the lexicons spell the American way, and Indian English the British.
        Read before the slips, which took "authorised" for "authoriced"."""
        for british, american, shortest in _BRITISH:
            found = british.search(word)
            if found is None or len(word) < shortest:
                continue
            # The American spelling up to the changed letters starts a word the policy or a gap phrase uses, as
            # spelt ("authoris-e" -> "authoriz", as in "unauthorized"); a shared stem is not enough: "improvise" is
            # no "improvize", whose stem is "improve"'s.
            root = word[:found.start()] + american
            if len(root) >= 5 and (root in self._surface_roots or root in self._gap_roots):
                return root + word[found.end():]
        return None

    def _gap_swap(self, word: str) -> str | None:
        """The one word of a topic the policy does not cover that `word` is with two letters swapped ("campaing")."""
        found = {w for i in range(1, len(word) - 1)
                 if stem(w := word[:i] + word[i + 1] + word[i] + word[i + 2:]) in self._gap_words}
        return next(iter(found)) if len(found) == 1 else None

    def _short_slip(self, word: str) -> str | None:
        """A four-letter word that is no word, with two letters swapped ("naem", "cpoy", "dtaa") or one missing
        after the first ("phne"), is the one word of the policy it comes from; else two words typed together
        ("inmy", "isit")."""
        found = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)} & self._surface
        found |= {w for w in self._surface_deletes.get(word, ()) if len(w) == 5 and w[0] == word[0]}
        return next(iter(found)) if len(found) == 1 else self._split(word)

    def slip_reading(self, word: str) -> str | None:
        """What the readings of slips that a real word must be kept from (`real_words`) make of `word`, if anything:
        a four-letter slip, a letter missing from a word of the lexicons, a word spelt as it sounds, two words typed
        together. For bench/real_words.py."""
        if len(word) < 4 or not word.isalpha() or word in STOPWORDS or word in self._surface \
                or stem(word) in self.known or self.model_knows(word):
            return None
        if len(word) < 5:
            return self._short_slip(word) if _VOWELS & set(word) else None
        return self._gap_swap(word) or self._slip_of_known(word) or self._sounds_like(word) or self._split(word)

    def real_word(self, word: str) -> bool:
        """Whether `word` is a real word, not a slip (see `real_words`)."""
        return word in self.real_words or self.model_knows(word)

    def _slip_of_known(self, word: str) -> str | None:
        """A word the lexicons know typed with a letter missing after the first, two letters swapped, a letter tripled
        or "z" for "s" ("contry", "happns", "bougt", "wrnog", "selll"): the policy's surface words are read above, this reads
        the visitors' words of the synonym lexicon too (by their stems), when exactly one stem is a slip away."""
        token = stem(word)
        found: dict[str, str] = {}  # stem -> the word typed as meant
        for known in self._known_deletes.get(token, ()):
            # the letter the stem lacks, put back where the word lacks it: "contry" (stem "contri") -> "country"
            i = next(i for i in range(1, len(known)) if known[:i] + known[i + 1:] == token)
            meant = word[:i] + known[i] + word[i:]
            if stem(meant) == known:
                found[known] = meant
        tripled = [i for i in range(len(word) - 2) if word[i] == word[i + 1] == word[i + 2]]
        # the stemmer reads some slips apart from their word ("chnged", "leakd", "droped"): a vowel put back, a letter
        # doubled, two letters swapped back ("wrnog"), tried as typed
        tried = [word[:i] + v + word[i:] for i in range(1, len(word) + 1) for v in "aeiou"]
        tried += [word[:i] + word[i] + word[i:] for i in range(1, len(word))]
        tried += [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)]
        for meant in [word.replace("z", "s")] * ("z" in word) + [word[:i] + word[i + 1:] for i in tripled] \
                + [word[:i] + word[i + 2:] for i in tripled] + tried:
            if any(meant.startswith(start) and len(start) + 1 >= len(meant) - self._longest_ending
                   for start in self._known_starts.get(meant[:4], ())) and stem(meant) in self.known:
                found.setdefault(stem(meant), meant)
        return next(iter(found.values())) if len(found) == 1 else None

    def _sounds_like(self, word: str) -> str | None:
        """The policy's word that `word` spells as it sounds ("incripted", "locashun", "detales", "proccesed"): the
        same consonants (`_sound_key`) and at most two letters apart (one for five-letter words), the only such
        word."""
        typed = word.replace("shun", "tion").replace("shan", "tion")
        most = 1 if len(word) < 6 else 2
        found = {w for w in self._surface_sounds.get(_sound_key(word), set()) - self._missing_only
                 if _edits(typed, w, most) <= most}
        stems = {stem(w) for w in found}
        return min(found) if len(stems) == 1 else None

    def _split(self, word: str) -> str | None:
        """Two words typed without a space ("turnoff", "whichcountries", "creditcard"), read as both, when exactly one
        split makes two words we know (a word of two letters or more the policy, the lexicons or the common words use),
        not both stop words ("amout" is no "am out", "inmy" no "in my": the review of round 15, B1)."""
        splits = [(word[:i], word[i:]) for i in range(2, len(word) - 1)
                  if self._whole(word[:i]) and self._whole(word[i:])
                  and not (word[:i] in _PARTICLES and word[i:] not in STOPWORDS)
                  and word[i:] not in _ENDINGS  # "heading" is no "head ing", though "ok ing" is a synonym's phrase
                  and not (word[:i] in STOPWORDS and word[i:] in STOPWORDS)]  # never two stop words ("amout": "am out")
        if len(splits) == 1:
            return " ".join(splits[0])
        return self._split_many(word) if not splits and _RUN_TOGETHER <= len(word) <= _RUN_TOGETHER_MOST else None

    def _split_many(self, word: str) -> str | None:
        """A long run of three words or more typed without spaces ("doyousharemydata", "howdoideletemyaccount"), read
        as its words when exactly one way cuts it into words we know (`_whole`, or "i" and "a"), each a stop word or
        of four letters or more, not all of them stop words (session 51's review AK)."""
        found: list[list[str]] = []
        budget = [_CUTS_TRIED]  # a hostile run of stop words has many ways to cut it; give up rather than try them all

        def cut(start: int, parts: list[str]) -> None:
            budget[0] -= 1
            if len(found) > 1 or budget[0] < 0:
                return
            if start == len(word):
                if len(parts) >= 3 and not all(p in STOPWORDS for p in parts):
                    found.append(parts)
                return
            for end in range(start + 1, len(word) + 1):
                part = word[start:end]
                if part in ("i", "a") or part not in _ENDINGS and self._whole(part) and (
                        part in STOPWORDS or len(part) >= 4):  # "compensation" is no "com pens at i on"
                    cut(end, [*parts, part])

        cut(0, [])
        return " ".join(found[0]) if len(found) == 1 and budget[0] >= 0 else None

    def _whole(self, part: str) -> bool:
        if part in STOPWORDS:
            return len(part) >= 2 and part not in _SPLIT_SCRAPS
        return len(part) >= 3 and (stem(part) in self.known or part in self._surface)

    def _same_root(self, token: str) -> set[str]:
        """Policy words that share a long root with an unknown word.

        The stemmer leaves some derived forms apart ("governmental" ->
        "government", but "government" -> "govern"); the longest policy stem of
        five or more letters that starts the word, or that the word starts, joins them.
        """
        if len(token) < 5 or not token.isalpha():
            return set()
        # Policy stems that start the word, and those the word starts (from the bucket of its first 5 letters).
        roots = [token[:k] for k in range(5, len(token) + 1) if token[:k] in self.vocabulary]
        roots += [v for v in self._by_prefix.get(token[:5], ()) if v.startswith(token)]
        if not roots:
            return set()
        longest = max(len(v) for v in roots)
        return {v for v in roots if len(v) == longest}

    def set_gaps(self, gaps: list[Gap]) -> None:
        """Use `gaps` as the topics the policy does not cover, with what is looked up from them (bench.calibrate
        switches them off with `set_gaps([])`)."""
        gaps = [self._as_read(g) for g in gaps]
        self.gaps = gaps
        self._gap_phrases = _phrases_by_first_word(g.phrases for g in gaps)
        self._gap_together = [i for i, g in enumerate(gaps) if g.together]
        # The words of the topics the policy does not cover (product words: "campaign", "template"), which a slip with
        # two letters swapped is read as ("campaing"), so that a product question stays one (the review of round 15,
        # B1: "my campaing stoped" was answered as a marketing opt-out)
        said = [w for g in gaps for phrase in (*g.phrases, *(p for group in g.together for p in group)) for w in phrase]
        self._gap_words = frozenset(stem(w) for w in said if len(w) >= 5)
        # ... as spelt, with their first five letters or more (`_american`)
        self._gap_roots = frozenset(w[:n] for w in said for n in range(5, len(w) + 1))

    def _as_read(self, gap: Gap) -> Gap:
        """The gap with its phrases as written and as read as a question's words are (`Lexicon.readings`): text-speak
        reads "2" as "to" ("how 2 delete") and "info" as "information", so "soc 2" is matched as "soc to" too ("are you
        soc 2 type 2 audited") and "my info" as "my information"."""
        lexicon = self.analyse.lexicon
        if lexicon is None:
            return gap

        def read(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
            return tuple(dict.fromkeys(p for phrase in phrases for p in lexicon.readings(phrase)))

        return replace(gap, phrases=read(gap.phrases), unless=read(gap.unless),
                       together=tuple(map(read, gap.together)))

    def gap(self, query: Query) -> Gap | None:
        """The topic the policy does not cover that `query` asks about (corpus/gaps.yaml), or None. It counts where
        it is asked, not in a long message's context."""
        asked = list(query.asked)
        # What `Gap.matches` does for each entry in file order, from one list of the phrases that start with a word
        # of the question (entry, then its phrases): the first entry with a phrase found and no `unless` phrase.
        refused, first = -1, len(self.gaps)
        for i, _, phrase in sorted(found for word in set(asked) for found in self._gap_phrases.get(word, ())):
            if i != refused and contains_phrase(phrase, asked):
                if not self.gaps[i].refused(asked):
                    first = i
                    break
                refused = i
        # ... or an earlier entry whose `together` groups are all in what is asked, in one sentence ("Do you give data
        # to police? And will you tell me when you change your policy?" asks neither of being told of the police)
        for i in self._gap_together:
            if i >= first:
                break
            gap = self.gaps[i]
            if gap.together_in(asked) and any(gap.together_in(list(said)) for _, said in query.sentences) \
                    and not gap.refused(asked):
                return gap
        return self.gaps[first] if first < len(self.gaps) else None

    def search(self, query: Query | str, k: int = 10, prior: dict[str, float] | None = None) -> SearchResult:
        """Rank clauses for a question; the result says how much of it they explain.

        `prior`: section number -> a weight from 0 to 1 (how likely the question is about that section, e.g.
        from the question-topic model); each clause's score is multiplied by 1 + weights.prior * weight.
        """
        if isinstance(query, str):
            query = self.analyse(query)
        gap = self.gap(query)
        terms, support, hinted = self.weigh_terms(query)
        n = len(self.clauses)
        found = [(self._term_row[term], weight) for term, weight in terms.items() if term in self._term_row]
        if found:
            rows, weights = zip(*found)
            # np.add.reduce is what ndarray.sum calls, without the two Python wrappers between; take copies the
            # rows as indexing with a list does, faster
            summed = np.add.reduce(np.array(weights)[:, None] * self._term_scores.take(rows, axis=0), axis=0)
            clause_scores, section_scores = summed[:n], summed[n:]
        else:
            clause_scores, section_scores = np.zeros(n), np.zeros(len(self.sections))
        scores = clause_scores + self.weights.section * section_scores[self._clause_section]
        if self.weights.title:
            for term, weight in terms.items():
                rows = self._title_rows.get(term)
                if rows is not None:
                    scores[rows] += self.weights.title * weight * self._idf(term)
        for number in hinted:
            if number in self._section_pos:
                scores[self._clause_section == self._section_pos[number]] *= 1 + self.weights.hint
        if prior and self.weights.prior:
            boost = np.array([1 + self.weights.prior * prior.get(n, 0.0) for n in self.sections])
            scores = scores * boost[self._clause_section]
        order = (-scores).argsort(kind="stable")[:k]  # the method: np.argsort wraps it in Python
        # As Python ints and floats at once: indexing a numpy array one element at a time costs more.
        hits = [Hit(self.clauses[i], score) for i, score in zip(order.tolist(), scores[order].tolist()) if score > 0]
        # How much of the question the best clause explains counts what is asked, not its context.
        confidence, unexplained = self._confidence(terms, support, order[0] if hits else None,
                                                   _asked_stems(query))
        return SearchResult(query.text, hits, confidence, gap, terms, unexplained, frozenset(hinted))

    def weight(self, term: str) -> float:
        """How much a stem says about a question: its idf over the clauses (a stem no clause has weighs most)."""
        return self._idf(term)

    def _idf(self, term: str) -> float:
        return self._clause_bm25.idf.get(term, self._max_idf)

    def _confidence(self, terms: dict[str, float], support: dict[str, set[str]], best: int | None,
                    asked: set[str] | None = None) -> tuple[float, float]:
        """Share of the question's own words (idf-weighted) that the best clause explains.

        An own word is explained fully when it occurs in the clause or its
        context, half when only elsewhere in its section, and, when neither,
        at the weight of the best synonym or correction it brought in that
        occurs there.
        """
        if best is None or not support:
            return 0.0, 0.0
        clause_terms = self._clause_terms[best]
        section_terms = self._section_terms[self._clause_section[best]]

        def explained(term: str) -> float:
            if term in clause_terms:
                return 1.0
            if term in section_terms:
                return 0.5
            return 0.0

        total = found = worst = 0.0
        for term, added in support.items():
            if asked is not None and term not in asked:
                continue  # the context of a long message ("I run a boutique ...")
            idf = self._idf(term) * terms[term]
            total += idf
            credit = explained(term)
            for other in added:
                credit = max(credit, terms[other] * explained(other))
            found += idf * credit
            worst = max(worst, idf * (1 - credit))
        return (found / total if total else 0.0), worst / self._max_idf


def _asked_stems(query: Query) -> set[str] | None:
    """The stems of what a long message asks (`Query.asked`), or None when it asks with every word."""
    return {stem(w) for w in query.asked} if query.long else None


def _by_first_word(entries) -> dict[str, set[int]]:
    """First word of each phrase -> the entries (by position) that have a phrase starting with it."""
    index: dict[str, set[int]] = {}
    for position, phrases in enumerate(entries):
        for phrase in phrases:
            index.setdefault(phrase[0], set()).add(position)
    return index


def _phrases_by_first_word(entries) -> dict[str, list[tuple[int, int, tuple[str, ...]]]]:
    """First word of each phrase -> (entry's position, phrase's position in the entry, phrase) of the phrases
    starting with it: sorted, a question's are in file order."""
    index: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for position, phrases in enumerate(entries):
        for place, phrase in enumerate(phrases):
            index.setdefault(phrase[0], []).append((position, place, phrase))
    return index


_VOWELS = frozenset("aeiou")
# British spellings and the American ones of the policy and the gap phrases (`Index._american`): the British
# letters, followed by the ending they take; the American letters; the shortest word each applies to. -ise/-isation
# (authorised, organisation), -yse (analyse), -our (behaviour, colour), -tre/-bre (centre, centred, fibre), -ence
# (licence, defence: not "hence", "fence"), -ogue (catalogue), -mme (programme), enquire/enquiry. Not a doubled l
# ("cancelled"): American doubles it too where the stress falls ("excelled"), and the stemmer reads both alike.
_BRITISH = tuple((re.compile(pattern), american, shortest) for pattern, american, shortest in (
    (r"is(?=(e|ed|es|ing|ation|ations|er|ers)$)", "iz", 5),
    (r"ys(?=(e|ed|es|ing|er|ers)$)", "yz", 5),
    (r"our(?=(s|ed|ing|able|ite|ites)?$)", "or", 5),
    (r"(?<=[tb])re(?=s?$)", "er", 5),
    (r"(?<=[tb])red$", "ered", 6),
    (r"enc(?=(e|es|ed|ing)$)", "ens", 6),
    (r"ogue(?=s?$)", "og", 5),
    (r"mme(?=s?$)", "m", 5),
    (r"^enquir", "inquir", 6),
))
# Stop words too short or odd to be half of a word typed with another ("s", "t", "d", "ll", "re", "ve").
_SPLIT_SCRAPS = frozenset("s t d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan "
                          "shouldn wasn weren won wouldn".split())
# English endings, which end a word and are never one typed apart (`_split`).
# The fewest letters of a run of words typed without spaces that is cut into three or more (`Index._split_many`).
_RUN_TOGETHER = 10
# ... and the most, with the ways of cutting tried before giving up (a cut is made of words; no longer run is one)
_RUN_TOGETHER_MOST = 40
_CUTS_TRIED = 2000
_ENDINGS = frozenset("ing ings ed er ers est ly".split())
# A particle before a word makes a word of its own ("uptime", "inbox", "outbox", "download"): not split off it.
_PARTICLES = frozenset("up down out off on in over under back".split())
_SOUNDS = (("ssion", "xn"), ("tion", "xn"), ("sion", "xn"), ("shun", "xn"), ("ph", "f"), ("gh", "g"), ("ck", "k"),
           ("q", "k"), ("c", "k"), ("z", "s"), ("x", "ks"))


def _sound_key(word: str) -> str:
    """What a word sounds like, roughly: its consonants as said ("c" and "k" alike, "z" as "s", "-tion" as "-shun"),
    doubled ones once, and whether it starts with a vowel."""
    for spelt, said in _SOUNDS:
        word = word.replace(spelt, said)
    key = ["a" if word[0] in "aeiouy" else word[0]]
    for letter in word[1:]:
        if letter not in "aeiouyhw" and letter != key[-1]:
            key.append(letter)
    return "".join(key)


def _edits(a: str, b: str, most: int) -> int:
    """The number of letters added, dropped, changed or swapped between `a` and `b` (more than `most`: most + 1)."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous[j - 2] + 1)
        previous, row = row, current
    return row[-1]


def _vowel_short(word: str, full: str) -> bool:
    """Whether `word` is `full` with one vowel left out ("chnged" / "changed")."""
    return len(full) == len(word) + 1 and any(full[:i] + full[i + 1:] == word
                                              for i, letter in enumerate(full) if letter in _VOWELS)


def _deletion_index(vocabulary: set[str]) -> dict[str, set[str]]:
    """Map every one-letter deletion of each vocabulary word to the word (SymSpell)."""
    index: dict[str, set[str]] = {}
    for word in vocabulary:
        if len(word) < 4:
            continue
        index.setdefault(word, set()).add(word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return index


def _corrections(token: str, deletes: dict[str, set[str]]) -> set[str]:
    """Vocabulary words within one edit (delete, insert, substitute, swap) of `token`."""
    if len(token) < 5 or not token.isalpha():
        return set()
    found = set(deletes.get(token, ()))
    for i in range(len(token)):
        found |= deletes.get(token[:i] + token[i + 1 :], set())
    return found


def build_index(policy: Policy, synonyms: list[Synonym] | None = None, gaps: list[Gap] | None = None,
                phrasings: dict[str, list[str]] | None = None, weights: Weights = Weights(),
                lexicon: Lexicon | None = None) -> Index:
    """Build the search index for `policy` (once, at start-up)."""
    return Index(policy, synonyms or [], gaps or [], phrasings or {}, weights, lexicon)


def load_index(corpus_dir: str | Path, extra_phrasings: dict[str, list[str]] | None = None,
               weights: Weights = Weights(), policy: Policy | None = None) -> Index:
    """Load the policy (unless given: a published version) and its editor files from `corpus_dir`; build the index."""
    from .corpus import load_policy

    corpus_dir = Path(corpus_dir)
    if policy is None:
        policy = load_policy(corpus_dir / "privacy-policy.md")
    phrasings = load_phrasings(corpus_dir / "phrasings.yaml", policy)
    for clause_id, extra in (extra_phrasings or {}).items():
        if policy.has_clause(clause_id):
            phrasings.setdefault(policy.clause(clause_id).id, []).extend(extra)
    lexicon = load_lexicons(corpus_dir)
    index = build_index(policy, load_synonyms(corpus_dir / "synonyms.yaml", lexicon),
                        load_gaps(corpus_dir / "gaps.yaml"), phrasings, weights, lexicon)
    index.real_words = load_real_words(corpus_dir / REAL_WORDS)
    return index


REAL_WORDS = "real-words.txt"


def load_real_words(path: str | Path) -> frozenset[str]:
    """The words of `path`, one a line after its "#" comments (none when there is no such file)."""
    path = Path(path)
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
