"""Text normalisation shared by indexing and querying.

Everything here is pure and deterministic: no downloaded nltk data, no state
beyond small caches, so the same text gives the same tokens on every machine.

    >>> tokenize("Do you SELL my e-mail address?")
    ['sell', 'email', 'address']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

_STEMMER = SnowballStemmer("english")

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
    """.split()
)

_WORD = re.compile(r"[a-z0-9]+")
# Joins hyphenated and dotted forms ("e-mail", "third-party", "i.p.") before splitting.
_JOINERS = re.compile(r"(?<=[a-z0-9])[-.'’](?=[a-z0-9])")


def normalize(text: str) -> str:
    """Fold case, compatibility forms and accents so that look-alike text compares equal."""
    # Compatibility forms first ("𝕬" -> "A"), then case, then once more for what case folding composed.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Split text into lower-case word tokens, keeping stopwords."""
    text = normalize(text)
    # "e-mail" -> "email", but "third-party" -> "thirdparty" would lose both words,
    # so hyphens join only short prefixes (e-, re-, co-).
    text = re.sub(r"\b([a-z]{1,2})-(?=[a-z])", r"\1", text)
    text = _JOINERS.sub(" ", text)
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a lower-case word to its Snowball stem."""
    return _STEMMER.stem(word)


def tokenize(text: str) -> list[str]:
    """Turn text into the stemmed content tokens that retrieval indexes and matches."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def contains_phrase(phrase: tuple[str, ...], text: list[str], max_skip: int = 3) -> bool:
    """True if the words of `phrase` occur in `text` in order, at most `max_skip` words apart."""
    if phrase[0] not in text:  # most phrases fail here, in C, before the scan below
        return False
    for start, word in enumerate(text):
        if word != phrase[0]:
            continue
        pos, ok = start, True
        for wanted in phrase[1:]:
            window = text[pos + 1 : pos + 2 + max_skip]
            if wanted not in window:
                ok = False
                break
            pos = pos + 1 + window.index(wanted)
        if ok:
            return True
    return False
