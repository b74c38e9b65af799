"""What a question is about: a small learned model of privacy topics, and where this policy covers each one.

The model is trained by `bench/train.py` (scikit-learn, at build time only) from public questions about other
companies' policies, and committed as `corpus/topic-model.bin`. At run time it needs numpy alone: a question's
words become a sparse tf-idf vector of word and character n-grams, and one dot product per head gives a
probability.

    >>> model = load_topic_model("corpus/topic-model.bin")
    >>> prediction = model.predict(words("do you sell my data to advertisers"))
    >>> prediction.privacy > 0.5, prediction.top(1)[0][0]
    (True, 'third_party_sharing_collection')

`corpus/topics.yaml` says which of this policy's sections answer each topic (`load_topic_map`).

The feature extractor below is the one training uses too, so training and answering cannot disagree about
what a question's features are.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from app.engine.text import stem, words
from app.engine.yamlfile import LineDict, YamlFileError, load_yaml

# Topics, in the order of the model's heads (after the "privacy" head). The first ten are OPP-115's practice
# categories; the rest are finer topics taken from PolicyQA's attribute values where this policy has a section
# (or a known gap) for them. bench/train.py says which training rows teach each one.
TOPICS = (
    "first_party_collection_use",
    "third_party_sharing_collection",
    "user_choice_control",
    "user_access_edit_deletion",
    "data_retention",
    "data_security",
    "policy_change",
    "do_not_track",
    "international_specific_audiences",
    "other",
    "children",
    "international_transfers",
    "cookies_tracking",
    "location",
    "contact_information",
    "payment_financial",
    "device_usage_data",
    "marketing_advertising",
    "analytics",
    "legal_disclosure",
    "business_transfer",
    "health_data",
    "anonymised_data",
)
HEADS = ("privacy", *TOPICS)
# The section model's head for "no section answers" (its other heads are the policy's section numbers).
NO_SECTION = "none"
# The same file's heads that read requests: whether the message makes a rights request ("request") and, of the
# requests, which type ("request:deletion", one per type of intents.yaml when the file was trained).
REQUEST = "request"
REQUEST_TYPE = "request:"

# Words visitors use that the training questions (written about other policies) never do, read as the word
# those questions use: "my kid's data" is a question about children.
_SAME_WORD = {
    "child": "children", "kid": "children", "kids": "children", "minor": "children", "minors": "children",
    "teen": "children", "teens": "children", "teenager": "children", "teenagers": "children", "son": "children",
    "daughter": "children", "underage": "children", "age": "children", "ages": "children",
    "ad": "advertising", "ads": "advertising", "advert": "advertising", "adverts": "advertising",
    "gps": "location", "whereabouts": "location", "geolocation": "location",
}

# What the feature extractor does. Any change here changes SETTINGS_SHA, and a model file built with other
# settings is refused at load: it would be read with features it was never trained on.
FEATURE_SETTINGS = {
    "words": "app.text.words, stemmed with app.text.stem",  # app.text is now app.engine.text; same functions
    "same_word": _SAME_WORD,
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 5],  # within word boundaries, each word padded with a space either side
    "weighting": "binary * idf, L2-normalised",
}
SETTINGS_SHA = hashlib.sha256(json.dumps(FEATURE_SETTINGS, sort_keys=True).encode()).hexdigest()[:16]

FORMAT_VERSION = 1
MAGIC = b"BMTOPICS"
# Weights are stored as integers on fixed grids, so that BLAS differences in the last bits of a float do not
# change the file, and rebuilding gives the same bytes on any machine.
WEIGHT_STEP = 1e-3  # coefficients and intercepts
IDF_STEP = 1e-3

_WORD_N = tuple(range(FEATURE_SETTINGS["word_ngrams"][0], FEATURE_SETTINGS["word_ngrams"][1] + 1))
_CHAR_N = tuple(range(FEATURE_SETTINGS["char_ngrams"][0], FEATURE_SETTINGS["char_ngrams"][1] + 1))


class TopicModelError(ValueError):
    """The topic model file cannot be used; the message names the file and what is wrong."""

    def __init__(self, path: str | Path, problem: str):
        self.path, self.problem = str(path), problem
        super().__init__(f"{path}: {problem}")


def extract_features(words: list[str]) -> set[str]:
    """The set of n-gram features of a question's (already normalised) words.

    "w:" word n-grams of stems, "c:" character n-grams of the words (after `_SAME_WORD`).

        >>> sorted(extract_features(["my", "kids"]))[:3]
        ['c: k', 'c: ki', 'c: kid']
    """
    words = [_SAME_WORD.get(w, w) for w in words]
    feats = set(_word_features(words))
    for word in words:
        feats.update(_char_features(word))
    return feats


def _word_features(words: list[str]) -> list[str]:
    """The "w:" features: word n-grams of the stems of `words` (already read through `_SAME_WORD`)."""
    stems = [stem(w) for w in words]
    return ["w:" + " ".join(stems[i : i + n]) for n in _WORD_N for i in range(len(stems) - n + 1)]


@lru_cache(maxsize=65536)
def _char_features(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    size = len(padded)
    return tuple("c:" + padded[i : i + n] for n in _CHAR_N if n <= size for i in range(size - n + 1))


def vectorize(features: set[str], vocabulary: dict[str, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A feature set as a sparse L2-normalised tf-idf vector: (sorted column indices, values)."""
    index = np.array([vocabulary[f] for f in features & vocabulary.keys()], dtype=np.intp)
    return _weighted(index, idf)


def _weighted(index: np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column indices (any order, each once) as `vectorize` returns them: sorted, with L2-normalised idf values."""
    index.sort()
    values = idf[index]
    norm = math.sqrt(float(values @ values)) if len(index) else 0.0
    return index, (values / norm if norm else values)


@dataclass(frozen=True)
class TopicPrediction:
    """What the model thinks a question is about.

    `privacy` is the probability that the question is about a privacy practice at all (not about prices,
    features or how the app works); `topics` gives each topic's probability *if* it is about one.
    """

    privacy: float
    topics: dict[str, float]

    def top(self, n: int = 3) -> list[tuple[str, float]]:
        """The `n` most probable topics, most probable first (ties by name, so the order is stable)."""
        ranked = self.__dict__.get("_ranked")
        if ranked is None:  # ranked once (an answer asks more than once), kept beside the fields
            ranked = sorted(self.topics.items(), key=lambda item: (-item[1], item[0]))
            object.__setattr__(self, "_ranked", ranked)
        return ranked[:n]


class TopicModel:
    """The trained heads: a vocabulary, its idf weights and one logistic-regression column per head."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 heads: tuple[str, ...] = HEADS, info: dict | None = None):
        self.vocabulary = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.coef = np.asarray(coef, dtype=np.float64)  # (features, heads)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.heads = tuple(heads)
        self.topics = self.heads[1:]
        self.info = info or {}
        self._char_columns: dict[str, tuple[str, tuple[int, ...]]] = {}  # word -> stem, columns of its n-grams and stem

    def knows(self, term: str) -> bool:
        """Whether the training questions used the word stem `term` (as a word feature)."""
        return "w:" + term in self.vocabulary

    def columns(self, words: list[str]) -> np.ndarray:
        """The vocabulary columns of `extract_features(words)`, each once (what `vectorize` looks up).

        Each word's stem and the columns of its character n-grams and of its stem are looked up once and
        remembered: visitors reuse their words, and looking up a question's hundred-odd n-grams in a vocabulary of
        tens of thousands was most of `predict`'s time. Only the word pairs are looked up for each question.
        """
        vocabulary = self.vocabulary
        remembered = self._char_columns
        found: set[int] = set()
        stems = []
        for word in words:
            known = remembered.get(word)
            if known is None:
                # its stem, and the columns of its character n-grams and of its stem as a word ("w:" unigram)
                same = _SAME_WORD.get(word, word)
                root = stem(same)
                columns = [vocabulary[f] for f in _char_features(same) if f in vocabulary]
                if 1 in _WORD_N and "w:" + root in vocabulary:
                    columns.append(vocabulary["w:" + root])
                known = (root, tuple(columns))
                if len(remembered) < 100_000:  # bounded: a flood of made-up words cannot grow it for ever
                    remembered[word] = known
            stems.append(known[0])
            found.update(known[1])
        # the longer "w:" n-grams (the unigrams are each word's, above)
        for n in _WORD_N:
            if n > 1:
                for i in range(len(stems) - n + 1):
                    column = vocabulary.get("w:" + " ".join(stems[i : i + n]))
                    if column is not None:
                        found.add(column)
        return np.fromiter(found, dtype=np.intp, count=len(found))

    def predict(self, words: list[str]) -> TopicPrediction:
        """Predict from a question's normalised words (e.g. `app.engine.text.words(question)`)."""
        probs = self._probabilities(words)
        return TopicPrediction(privacy=float(probs[0]), topics=dict(zip(self.topics, probs[1:].tolist())))

    def probabilities(self, words: list[str]) -> dict[str, float]:
        """Each head's probability for a question's normalised words (the section model's reading)."""
        return dict(zip(self.heads, self._probabilities(words).tolist()))

    def _probabilities(self, words: list[str]) -> np.ndarray:
        index, values = _weighted(self.columns(words), self.idf)
        scores = values @ self.coef.take(index, axis=0) + self.intercept  # the rows, as coef[index]; take is faster
        return 1.0 / (1.0 + np.exp(-scores))


def section_heads(policy) -> tuple[str, ...]:
    """The heads of a section model for `policy`: "none", then its section numbers in order."""
    return (NO_SECTION, *(s.number for s in policy.sections))


def request_heads(types) -> tuple[str, ...]:
    """The request heads of a section model for request types `types` (names of intents.yaml)."""
    return (REQUEST, *(REQUEST_TYPE + name for name in types))


def is_request_head(head: str) -> bool:
    """Whether a head of the section model file is one of its request heads (`request_heads`)."""
    return head == REQUEST or head.startswith(REQUEST_TYPE)


def split_requests(model: TopicModel) -> tuple[TopicModel, TopicModel | None]:
    """The section model file read as two models: its section heads ("none" and the sections), and its request
    heads (None when the file has none). Both share the vocabulary, idf and word cache; only the columns differ."""
    wanted = [i for i, h in enumerate(model.heads) if is_request_head(h)]
    if not wanted:
        return model, None
    parts = []
    for columns in ([i for i in range(len(model.heads)) if i not in wanted], wanted):
        part = copy.copy(model)
        # C order, as the file's own: picking columns leaves the rows strided, and `_probabilities` takes a question's
        # rows (0.2 ms a reading strided, about a tenth of that contiguous; session 31)
        part.coef, part.intercept = np.ascontiguousarray(model.coef[:, columns]), model.intercept[columns]
        part.heads = tuple(model.heads[i] for i in columns)
        part.topics = part.heads[1:]
        parts.append(part)
    return parts[0], parts[1]


def for_policy(model: TopicModel, policy) -> tuple[TopicModel, list[str]]:
    """The section model with its heads named by `policy`'s section numbers, and the sections it was trained on
    that `policy` no longer has.

    The file records the title of each section it learnt: a head follows its title to whatever number the section
    has now (a new section before it renumbers it), and a head whose title the policy no longer has is renamed
    `gone:N`, so it points at no section of this one (answering then leaves such questions to retrieval). A section
    the model never saw has no head. A file that records no titles, or two heads of one title, counts every head
    as gone."""
    titles = (model.info or {}).get("sections")
    trained = [h for h in model.heads if h != NO_SECTION]
    if not isinstance(titles, dict) or any(not isinstance(titles.get(h), str) for h in trained):
        titles = {}
    number_of = {section.title: section.number for section in policy.sections}
    heads = tuple(h if h == NO_SECTION else number_of.get(titles.get(h), f"gone:{h}") for h in model.heads)
    if len(set(heads)) != len(heads):
        heads = tuple(h if h == NO_SECTION else f"gone:{h}" for h in model.heads)
    gone = [h for h, now in zip(model.heads, heads) if now.startswith("gone:")]
    if heads == model.heads:
        return model, gone
    moved = copy.copy(model)  # shares the weights and the word cache; only the names differ
    moved.heads, moved.topics = heads, heads[1:]
    return moved, gone


# ---- the model file -------------------------------------------------------------------------------------------
# MAGIC, a 4-byte little-endian header length, a JSON header (sorted keys), then the arrays it describes, raw
# little-endian: idf (uint16, IDF_STEP), coef (int16, features x heads, WEIGHT_STEP), intercept (int32).
# No compression and no timestamps: the same model gives the same bytes.

def write_topic_model(path: str | Path, vocabulary: list[str], idf: np.ndarray, coef: np.ndarray,
                      intercept: np.ndarray, heads: tuple[str, ...] = HEADS, info: dict | None = None) -> TopicModel:
    """Write a model file deterministically; returns the model as it will load (weights on their grids)."""
    if list(vocabulary) != sorted(vocabulary):
        raise ValueError("vocabulary must be sorted")
    idf_q = _quantise(idf, IDF_STEP, np.uint16, "idf")
    coef_q = _quantise(coef, WEIGHT_STEP, np.int16, "coefficient")
    intercept_q = _quantise(intercept, WEIGHT_STEP, np.int32, "intercept")
    header = {
        "format": FORMAT_VERSION, "settings": FEATURE_SETTINGS, "settings_sha": SETTINGS_SHA,
        "heads": list(heads), "vocabulary": list(vocabulary), "weight_step": WEIGHT_STEP, "idf_step": IDF_STEP,
        "info": info or {},
    }
    blob = json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    arrays = [idf_q.astype("<u2"), np.ascontiguousarray(coef_q.astype("<i2")), intercept_q.astype("<i4")]
    Path(path).write_bytes(MAGIC + struct.pack("<I", len(blob)) + blob + b"".join(a.tobytes() for a in arrays))
    return TopicModel(list(vocabulary), idf_q * IDF_STEP, coef_q * WEIGHT_STEP, intercept_q * WEIGHT_STEP,
                      tuple(heads), info)


def _quantise(values: np.ndarray, step: float, dtype, what: str) -> np.ndarray:
    scaled = np.round(np.asarray(values, dtype=np.float64) / step)
    limits = np.iinfo(dtype)
    if scaled.size and (scaled.min() < limits.min or scaled.max() > limits.max):
        raise ValueError(f"a {what} is outside what {np.dtype(dtype).name} can hold at step {step}")
    return scaled.astype(dtype)


def load_topic_model(path: str | Path, expected_heads: tuple[str, ...] | None = HEADS,
                     rebuild: str = "make train") -> TopicModel:
    """Read a model file written by `write_topic_model`, or raise `TopicModelError` saying what is wrong.

    `expected_heads`: the heads the file must have (None: any; the section model's are checked against the policy
    by `for_policy`). `rebuild`: the command the messages name for rebuilding the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TopicModelError(path, f"file not found (rebuild it with `{rebuild}`)") from None
    except OSError as exc:
        raise TopicModelError(path, f"cannot be read ({exc.strerror})") from None
    if not data.startswith(MAGIC):
        raise TopicModelError(path, "not a topic model file (it does not start with the topic model's marker)")
    start = len(MAGIC) + 4
    if len(data) < start:
        raise TopicModelError(path, "truncated: the file ends inside its header")
    (size,) = struct.unpack("<I", data[len(MAGIC) : start])
    if len(data) < start + size:
        raise TopicModelError(path, "truncated: the file ends inside its header")
    try:
        header = json.loads(data[start : start + size])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TopicModelError(path, "corrupt: its header is not valid JSON") from None
    if not isinstance(header, dict):
        raise TopicModelError(path, "corrupt: its header is not a JSON object")
    if header.get("format") != FORMAT_VERSION:
        raise TopicModelError(path, f"format version {header.get('format')!r}, but this code reads version "
                                    f"{FORMAT_VERSION} (rebuild it with `{rebuild}`)")
    if header.get("settings_sha") != SETTINGS_SHA:
        raise TopicModelError(path, "built with other feature settings than app/engine/topics.py uses "
                                    f"(rebuild it with `{rebuild}`)")
    vocabulary, heads = header.get("vocabulary"), header.get("heads")
    if not isinstance(vocabulary, list) or not isinstance(heads, list) or not all(
            isinstance(x, str) for x in vocabulary + heads):
        raise TopicModelError(path, "corrupt: the header's vocabulary or heads are not lists of text")
    if expected_heads is not None and tuple(heads) != expected_heads:
        raise TopicModelError(path, f"has heads {heads}, but app/engine/topics.py expects {list(expected_heads)} "
                                    f"(rebuild it with `{rebuild}`)")
    if not heads:
        raise TopicModelError(path, "corrupt: the header names no heads")
    info, steps = header.get("info", {}), [header.get(k, 1.0) for k in ("idf_step", "weight_step")]
    if not isinstance(info, dict) or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in steps):
        raise TopicModelError(path, "corrupt: the header's info is not an object or its steps are not numbers")
    n_features, n_heads = len(vocabulary), len(heads)
    expected = n_features * 2 + n_features * n_heads * 2 + n_heads * 4
    body = data[start + size :]
    if len(body) != expected:
        problem = "truncated" if len(body) < expected else "corrupt"
        raise TopicModelError(path, f"{problem}: {len(body)} bytes of weights where {n_features} features x "
                                    f"{n_heads} heads need {expected}")
    idf = np.frombuffer(body, dtype="<u2", count=n_features)
    offset = n_features * 2
    coef = np.frombuffer(body, dtype="<i2", count=n_features * n_heads, offset=offset).reshape(n_features, n_heads)
    offset += n_features * n_heads * 2
    intercept = np.frombuffer(body, dtype="<i4", count=n_heads, offset=offset)
    return TopicModel(vocabulary, idf * header.get("idf_step", IDF_STEP), coef * header.get("weight_step", WEIGHT_STEP),
                      intercept * header.get("weight_step", WEIGHT_STEP), tuple(heads), header.get("info"))


# ---- where this policy answers each topic ---------------------------------------------------------------------

@dataclass(frozen=True)
class TopicPlace:
    """Where the policy answers a topic: its sections (most likely first), or that it does not cover it."""

    topic: str
    sections: tuple[str, ...] = ()
    not_covered: str | None = None  # the topic's short name for the "not covered" message
    line: int = 0
    # For a topic not covered: stemmed phrases of which the question must have one before the assistant
    # declines on the model's word alone (OPP-115's "retention" also labels "do you store ...", which this
    # policy answers; only "how long ..." asks about retention). Empty: the model's word is enough.
    cues: tuple[tuple[str, ...], ...] = ()
    # For a topic not covered: it is a kind of data (health data), so whether it is sold, who else sees it and how
    # it is protected are still answered (see `retrieval.Gap.data`).
    data: bool = False


def load_topic_map(path: str | Path, policy_or_section_numbers, topics: tuple[str, ...] = TOPICS
                   ) -> dict[str, TopicPlace]:
    """Read `corpus/topics.yaml` into topic -> `TopicPlace`, or raise `YamlFileError` naming file and line.

    `policy_or_section_numbers` is the parsed policy (`app.engine.corpus.Policy`) or its section numbers; every topic
    of the model must appear, and only those.
    """
    if hasattr(policy_or_section_numbers, "sections"):
        numbers = {s.number for s in policy_or_section_numbers.sections}
    else:
        numbers = {str(n) for n in policy_or_section_numbers}
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise YamlFileError(path, getattr(data, "line", 1) or 1, "expected a mapping from topic to its place")
    places = {}
    for topic, entry in data.items():
        line = data.key_lines[topic]
        if topic not in topics:
            raise YamlFileError(path, line, f"unknown topic {topic!r}: the model's topics are {', '.join(topics)}")
        places[topic] = _place(path, topic, entry, line, numbers)
    missing = [t for t in topics if t not in places]
    if missing:
        raise YamlFileError(path, data.line, f"missing topics: {', '.join(missing)} (give each its sections "
                                             "or not_covered: true)")
    return places


def _place(path, topic: str, entry, line: int, numbers: set[str]) -> TopicPlace:
    if not isinstance(entry, LineDict):
        raise YamlFileError(path, line, f"{topic}: expected `sections: [...]` or `not_covered: true` and `name:`")
    unknown = sorted(set(entry) - {"sections", "not_covered", "name", "when", "data"})
    if unknown:
        raise YamlFileError(path, entry.key_lines[unknown[0]], f"{topic}: unknown key {unknown[0]!r}")
    if entry.get("not_covered") is True:
        name = entry.get("name")
        if "sections" in entry:
            raise YamlFileError(path, entry.key_lines["sections"], f"{topic}: not_covered with sections")
        if not isinstance(name, str) or not name.strip():
            raise YamlFileError(path, line, f"{topic}: not_covered needs a `name:` for the message")
        when = entry.get("when", [])
        if not isinstance(when, list) or not all(isinstance(w, str) and words(w) for w in when):
            raise YamlFileError(path, entry.key_lines.get("when", line), f"{topic}: `when` must be a list of phrases")
        cues = tuple(tuple(stem(w) for w in words(phrase)) for phrase in when)
        data = entry.get("data", False)
        if not isinstance(data, bool):
            raise YamlFileError(path, entry.key_lines["data"], f"{topic}: `data` must be true or false")
        return TopicPlace(topic, not_covered=name.strip(), line=line, cues=cues, data=data)
    if "data" in entry:
        raise YamlFileError(path, entry.key_lines["data"], f"{topic}: only a topic not covered has `data`")
    if "when" in entry:
        raise YamlFileError(path, entry.key_lines["when"], f"{topic}: only a topic not covered has `when`")
    if "not_covered" in entry:
        raise YamlFileError(path, entry.key_lines["not_covered"], f"{topic}: not_covered must be true or absent")
    sections = entry.get("sections")
    if not isinstance(sections, list) or not sections:
        raise YamlFileError(path, entry.key_lines.get("sections", line),
                            f"{topic}: sections must be a non-empty list of section numbers")
    for number, item_line in zip(sections, sections.item_lines):
        if isinstance(number, bool) or not isinstance(number, (str, int)):
            raise YamlFileError(path, item_line, f"{topic}: section {number!r} is not a section number")
        if str(number) not in numbers:
            raise YamlFileError(path, item_line, f"{topic}: the policy has no section {number!r} "
                                                 f"(it has {', '.join(sorted(numbers, key=_numeric))})")
    return TopicPlace(topic, sections=tuple(str(n) for n in sections), line=line)


def _numeric(number: str):
    return (0, int(number)) if number.isdigit() else (1, number)
