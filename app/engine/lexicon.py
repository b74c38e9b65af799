"""Lexicons that read visitors' own words as English: Hinglish and text-speak.

A large share of visitors in India type Hindi in Latin letters: "kya aap mera
data share karte ho?", "mujhe marketing emails nahi chahiye". The lexicon in
`corpus/hinglish.yaml` maps their words to English words, so that retrieval,
request detection and the topic model see "what you my data share do" and
"me marketing emails not want"; word order does not matter to BM25, and Hindi
words that say what the visitor is doing ("karo": do it, "chahiye": want,
"kya": is it that ...?) mark the clause as an instruction, a wish or a
question, since Hindi puts its verb last and the English rules read the start.

    >>> lexicon = load_lexicon("corpus/hinglish.yaml")
    >>> lexicon.translate(["mera", "account", "delete", "kar", "do"])
    (['my', 'account', 'delete'], 'instruction', 3)

Text-speak ("u", "ur", "wat", "msgs", "pls") works the same way, from `corpus/textspeak.yaml`; the
lexicons of a corpus are merged into one (`merge`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .text import contains_phrase, words
from .yamlfile import YamlFileError, load_yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LEXICON_FILES = ("hinglish.yaml", "textspeak.yaml")
ACTS = ("instruction", "wish", "question")  # when a clause has markers of several, the first wins


@dataclass(frozen=True)
class Lexicon:
    """Words and phrases with their English reading, and the words that mark a speech act."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]  # visitor's words -> English words (() drops them)
    acts: dict[str, tuple[tuple[str, ...], ...]]  # act -> phrases that mark it
    longest: int = 1

    def __post_init__(self):
        # Act markers by their first word: most messages have none of them.
        firsts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for rank, act in enumerate(ACTS):
            for phrase in self.acts.get(act, ()):
                firsts.setdefault(phrase[0], []).append((rank, phrase))
        object.__setattr__(self, "_act_firsts", firsts)
        # The longest phrase starting with each word: most words of a message start none.
        reach: dict[str, int] = {}
        for phrase in self.phrases:
            reach[phrase[0]] = max(reach.get(phrase[0], 0), len(phrase))
        object.__setattr__(self, "_reach", reach)
        # One Hindi sound, spelt several ways ("bachche", "bacche", "bachhe"): each one-word entry with such a spelling
        # by its plain one ("bache"), so that any of them is read.
        variants: dict[str, tuple[str, ...]] = {}
        for phrase, english in self.phrases.items():
            if len(phrase) == 1 and plain_spelling(phrase[0]) != phrase[0]:
                variants.setdefault(plain_spelling(phrase[0]), english)
        object.__setattr__(self, "_variants", variants)

    def translate(self, raw: list[str]) -> tuple[list[str], str | None, int]:
        """The words read as English, the speech act a marker gives (or None), and how many words were read."""
        found = [rank for word in set(raw) for rank, phrase in self._act_firsts.get(word, ())
                 if contains_phrase(phrase, raw, max_skip=0) and not _emphasis(phrase, raw)
                 and not _asks_what_should(phrase, raw) and not _asks_how_to(phrase, raw)]
        act = ACTS[min(found)] if found else None
        out: list[str] = []
        count = i = 0
        reach = self._reach
        while i < len(raw):
            for size in range(min(reach.get(raw[i], 0), len(raw) - i), 0, -1):
                english = self.phrases.get(tuple(raw[i:i + size]))
                if english is not None:
                    out.extend(english)
                    count += size
                    i += size
                    break
            else:
                english = self._spelt_otherwise(raw[i])
                if english is not None:
                    out.extend(english)
                    count += 1
                else:
                    out.append(raw[i])
                i += 1
        return out, act, count

    def read(self, phrase: tuple[str, ...]) -> tuple[str, ...]:
        """`phrase` as a question holding it is read: an editor's phrase in gaps.yaml or company.yaml is matched against
        the words of a question after this lexicon has read them, so a phrase written with a word it rewrites
        ("pincode", read "postcode"; "my info", read "my information"; "2", read "to") would never match as written."""
        return tuple(self.translate(list(phrase))[0])

    def readings(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """`phrase` as written and as read (`read`), when they differ; without a reading of nothing. Both, because a
        message may hold the phrase's words spelt another way, which the lexicon leaves for the written form to
        match: "ur phn no pls" is read "your phone no please" ("phn" is a word of its own, "no" after it stays), which
        "phone no" matches as written, not as read ("phone number")."""
        read = self.read(phrase)
        return (phrase, read) if read and read != phrase else (phrase,)

    def _spelt_otherwise(self, word: str) -> tuple[str, ...] | None:
        """The reading of a word that is an entry spelt another way ("bachhe" for "bachche"), or None."""
        if "ch" not in word:  # every other spelling, and every plain one, has a "ch" (most words: no call below)
            return None
        plain = plain_spelling(word)
        if plain == word and plain not in self._variants:
            return None
        found = self.phrases.get((plain,))
        return found if found is not None else self._variants.get(plain)


def readings(phrase: tuple[str, ...], lexicon: Lexicon | None) -> tuple[tuple[str, ...], ...]:
    """An editor's phrase as written and as `lexicon` reads it (`Lexicon.readings`); as written alone without one."""
    return lexicon.readings(phrase) if lexicon is not None else (phrase,)


# A Hindi verb's -na / -ni / -ne form ("karna", "karni", "karne"): what is to be done.
_INFINITIVE_ENDINGS = ("na", "ni", "ne")


def _emphasis(phrase: tuple[str, ...], raw: list[str]) -> bool:
    """Whether each "hai na" / "hain na" of `raw` is emphasis, not a tag question: after a verb of the -na/-ni/-ne form or
    "chahiye" ("account band karna hai na", "sms band karwane hain na", "data chahiye hai na": I do need to ...; the
    review of round 15, C2). A tag question follows a state or a finite verb ("safe hai na", "ho gaya hai na")."""
    if len(phrase) != 2 or phrase[0] not in ("hai", "hain") or phrase[1] != "na":
        return False
    at = [i for i in range(1, len(raw) - 1) if raw[i] == phrase[0] and raw[i + 1] == "na"]
    return bool(at) and all(raw[i - 1] == "chahiye" or raw[i - 1].endswith(_INFINITIVE_ENDINGS) for i in at)


def _asks_what_should(phrase: tuple[str, ...], raw: list[str]) -> bool:
    """Whether each "chahiye" of `raw` says what should be done, asked with "kya" just before its verb of the -na/-ni/-ne
    form ("toh kya karna chahiye": what should we do, fresh61), not a wish ("mujhe data chahiye", "kya mujhe copy
    chahiye", "mujhe apna data dekhna chahiye kya kar sakte ho": the review of round 60)."""
    if phrase != ("chahiye",):
        return False
    at = [i for i in range(1, len(raw)) if raw[i] == "chahiye"]
    return bool(at) and all(raw[i - 1].endswith(_INFINITIVE_ENDINGS) and "kya" in raw[max(0, i - 3):i - 1] for i in at)


# Hindi's subjunctive ("karein", "karu": (that) we / I do) is a polite instruction alone ("data delete karein"), and
# "karni hai" (is to be done) a wish; a wh-word just before makes either ask what to do: "kisko contact karein?" (whom
# should we contact?), "keyword kaise set karein" (how do I set the keyword), "complaint kaise karni hai" (how do I
# complain; session 40). Not "kya", which asks yes or no and may ask politely ("kya aap mera data delete karein?"),
# "kyun" (why: "mera data kyun rakhte ho, delete karein" complains, then asks), nor a wh-word further back ("kab se bol
# raha hu mera number delete karein": since when have I been saying so).
_TO_BE_DONE = frozenset({("karein",), ("karen",), ("kare",), ("karu",), ("karun",), ("krein",), ("kren",), ("kru",),
                         ("karni", "hai"), ("karna", "hai"), ("krni", "hai"), ("krna", "hai")})
_WH_WORDS = frozenset("kaise kaisey kisko kise kisse kab kahan kahaan kaun kaunsa kaunsi kaunse kidhar kitna kitni "
                      "kitne".split())
_WH_REACH = 3  # words before the verb


def _asks_how_to(phrase: tuple[str, ...], raw: list[str]) -> bool:
    """Whether each `phrase` of what is to be done (`_TO_BE_DONE`) in `raw` (the words of one clause, as the
    message is split at punctuation and at "and", "but", "then", "so") follows a wh-word within `_WH_REACH` words: a
    question of what to do, not an instruction or a wish."""
    if phrase not in _TO_BE_DONE:
        return False
    size = len(phrase)
    at = [i for i in range(len(raw) - size + 1) if tuple(raw[i : i + size]) == phrase]
    return bool(at) and all(_WH_WORDS & set(raw[max(0, i - _WH_REACH) : i]) for i in at)


# Hindi's "ch" and "chh" are typed "ch", "chh", "cch" or "chch"; read all as "ch".
_CH_SPELLINGS = (("chch", "ch"), ("cch", "ch"), ("chh", "ch"))


def plain_spelling(word: str) -> str:
    """`word` with each spelling of one Hindi sound written one way: "bachche", "bacche", "bachhe" -> "bache"."""
    for spelt, plain in _CH_SPELLINGS:
        if spelt in word:
            word = word.replace(spelt, plain)
    return word


def merge(lexicons: list[Lexicon]) -> Lexicon | None:
    """One lexicon with the entries of all (an entry of an earlier one wins), or None for none."""
    if not lexicons:
        return None
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    acts: dict[str, tuple[tuple[str, ...], ...]] = {}
    for lexicon in reversed(lexicons):
        phrases.update(lexicon.phrases)
        for act, markers in lexicon.acts.items():
            acts[act] = acts.get(act, ()) + markers
    return Lexicon(phrases, acts, max(lexicon.longest for lexicon in lexicons))


def load_lexicons(corpus_dir: str | Path) -> Lexicon | None:
    """The lexicons of `corpus_dir` that exist (see LEXICON_FILES), merged."""
    paths = [Path(corpus_dir) / name for name in LEXICON_FILES]
    return merge([load_lexicon(path) for path in paths if path.exists()])


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a lexicon (`corpus/hinglish.yaml`, `corpus/textspeak.yaml`), or raise `YamlFileError` naming the line."""
    data = load_yaml(path)
    if not isinstance(data, dict) or set(data) != {"words", "acts"}:
        raise YamlFileError(path, getattr(data, "line", 1), "expected exactly the keys 'words' and 'acts'")
    table = data["words"]
    if not isinstance(table, dict) or not table:
        raise YamlFileError(path, data.key_lines["words"], "'words' must map visitors' words to English words")
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for hindi, english in table.items():
        line = table.key_lines[hindi]
        key = tuple(words(str(hindi)))
        if not key or " ".join(key) != " ".join(str(hindi).split()):
            raise YamlFileError(path, line, f"{hindi!r}: write the words in lower case, letters, digits and spaces only")
        if key in phrases:
            raise YamlFileError(path, line, f"{hindi!r} is listed twice")
        if english is None:
            english = ""
        if not isinstance(english, str):
            raise YamlFileError(path, line, f"{hindi!r}: the English reading must be text in quotes if YAML could read it otherwise ('on', 'yes'), or empty to drop the word")
        phrases[key] = tuple(words(english))
    acts_table = data["acts"]
    if not isinstance(acts_table, dict) or set(acts_table) - set(ACTS):
        raise YamlFileError(path, data.key_lines["acts"], f"'acts' may only have {', '.join(ACTS)}")
    acts = {}
    for act, markers in acts_table.items():
        line = acts_table.key_lines[act]
        if not isinstance(markers, list) or not all(isinstance(m, str) and words(m) for m in markers):
            raise YamlFileError(path, line, f"'{act}' must be a list of words or phrases")
        acts[act] = tuple(tuple(words(m)) for m in markers)
    return Lexicon(phrases, acts, max(len(k) for k in phrases))
