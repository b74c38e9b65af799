"""What editors review, how it is grouped and ranked, and the decisions that change the assistant.

Questions the assistant could not answer, asked back about ("did you mean ..."), answered with low confidence,
or that a visitor marked unhelpful are grouped twice: by a normalised form of their text, so the same question
asked 40 times is one `Group`, then groups asked in alike words about the same topics into one `Cluster`
(app/engine/likeness.py):

    >>> review_key("  Can I   DELETE my data?! ")
    'can i delete my data'
    >>> board = collect(db, assistant, low_confidence=0.7)
    >>> board.clusters[0].impact, board.suggestions[:1]

Clusters are ranked by impact: each question weighs by how badly it went (`WEIGHTS`), so what hurt the most
visitors comes first; an unsure answer a visitor liked is not shown at all.

An editor decides each cluster once, for all of its wordings (one `batch`): link it to a clause (its wordings
become alternate phrasings of that clause), dismiss it, or mark it "not covered by the policy" (the gap list;
the assistant then declines the question and close wordings of it). A dismissed or "not covered" decision also
covers later close wordings, which stay off the list. A wording can be split off its cluster. Linked
phrasings and "not covered" questions live in the database; a counter row ("phrasings") goes up with every
change, and each worker compares it with the version its assistant was built from before handling a request,
rebuilding it (about 50 ms) when another worker changed it.

On a big log the board is collected once for every worker on every host (`cached_board`, stored in
`review_boards`), and each wording is analysed once (`shapes`, kept in `wording_shapes`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import logging
import threading
import time
import unicodedata
import uuid
import weakref
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

import click
from flask import current_app, request
from flask.cli import with_appcontext
from ..platform.db import Database

from ..engine import likeness
from ..platform import db as storage
from ..platform.locks import ForkSafeLock

log = logging.getLogger(__name__)

ACTIONS = ("linked", "dismissed", "not_covered")
REASONS = ("unanswered", "asked_back", "low_confidence", "thumbs_down")
# How badly a question went, for ranking: declined or disliked counts fully, asked back ("did you mean ...")
# a little less (the visitor still had to choose), an unsure answer least (it may well have been right).
WEIGHTS = {"unanswered": 1.0, "asked_back": 0.6, "low_confidence": 0.4, "thumbs_down": 1.0}
DEFAULTS = {
    # Answered questions whose confidence is below this are shown to editors too.
    "REVIEW_CONFIDENCE_BELOW": 0.7,
    # Clusters shown on one review page (and gaps on one gap list page; the CSV exports have them all).
    "REVIEW_PAGE_SIZE": 20,
    # Suggest linking a cluster once this many of its questions found the same clause best.
    "REVIEW_SUGGEST_AT": 5,
    # Seconds the review list may lag the question log (a decision or split shows at once); 0: never reused.
    "REVIEW_CACHE_SECONDS": 30,
}
EXAMPLES = 3  # example wordings shown per cluster
_rebuild_lock = ForkSafeLock()
_board_lock = ForkSafeLock()
_shape_lock = ForkSafeLock()
_shape_cache: dict[str, dict] = {}  # what shapes depend on (`shape_fingerprint`) -> {review key: Shape}
_fingerprints: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # assistant -> its fingerprint
MAX_CACHED_SHAPES = 200_000


class _KeyChars(dict):
    """What each character becomes in a review key, worked out once per character (`str.translate` reads it)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "'’-":
            out = ""  # "what's" and "whats", "e-mail" and "email" group together
        elif unicodedata.category(ch)[0] in "PSZC":
            out = " "  # punctuation, symbols, spaces and control characters separate words
        else:
            out = ch
        self[code] = out
        return out


_KEY_CHARS = _KeyChars()


@functools.lru_cache(maxsize=100_000)
def review_key(text: str) -> str:
    """The form that groups questions: case-folded, punctuation removed, whitespace collapsed."""
    # One translate per text rather than a category lookup per character: a restarted worker keys thousands of
    # logged wordings for the decision page.
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().translate(_KEY_CHARS).split())


class _Keyed(NamedTuple):
    """Just a review key, where `shapes` needs no more of a `Group`."""

    key: str


@dataclass
class Group:
    """One normalised question with how often and why it needs review."""

    key: str
    text: str = ""  # the most recent wording
    count: int = 0
    first_seen: str = ""
    last_seen: str = ""
    reasons: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))
    decision: dict | None = None
    earlier: int = 0  # asks before the decision (already handled)
    impact: float = 0.0  # sum of WEIGHTS over its asks
    visitors: set = field(default_factory=set)  # sessions (or question ids when a session is unknown)
    answered_with: Counter | dict = field(default_factory=Counter)  # clause id -> times quoted
    best_clauses: Counter | dict = field(default_factory=Counter)  # clause id -> times retrieval ranked it first
    covered_by: dict | None = None  # a dismissed or "not covered" decision on a close wording
    split: bool = False  # an editor took it out of its cluster
    seen: int = 0  # distinct visitors, where `visitors` is not kept (a board read back from the database)

    @property
    def seen_by(self) -> int:
        """How many visitors asked it."""
        return len(self.visitors) or self.seen

    @property
    def pending(self) -> bool:
        """Needs an editor: undecided, or linked but still failing after the link."""
        if self.count == 0 or self.covered_by is not None:
            return False
        return self.decision is None or self.decision["action"] == "linked"


@dataclass
class Cluster:
    """Alike groups, reviewed and decided together; the first member is the most important.

    Make one with `Cluster.of(members)`, which works out the figures shown for it once.
    """

    members: list[Group]
    size: int = 0
    impact: float = 0.0
    visitors: int = 0  # distinct sessions among all its asks
    first_seen: str = ""
    last_seen: str = ""
    reasons: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))
    answered_with: tuple[str, int] | None = None  # the clause quoted most often to these questions, and how often
    best_clause: tuple[str, int] | None = None  # the clause retrieval ranked first most often (answered or not)

    @classmethod
    def of(cls, members: list[Group]) -> Cluster:
        answered = sum((g.answered_with for g in members), Counter())
        best = sum((g.best_clauses for g in members), Counter())
        return cls(members, size=sum(g.count for g in members), impact=sum(g.impact for g in members),
                   visitors=len(set().union(*(g.visitors for g in members))),
                   first_seen=min(g.first_seen for g in members), last_seen=max(g.last_seen for g in members),
                   reasons={r: sum(g.reasons[r] for g in members) for r in REASONS},
                   answered_with=answered.most_common(1)[0] if answered else None,
                   best_clause=best.most_common(1)[0] if best else None)

    @property
    def key(self) -> str:
        return self.members[0].key

    @property
    def text(self) -> str:
        return self.members[0].text

    @property
    def examples(self) -> list[Group]:
        return sorted(self.members, key=lambda g: (-g.count, g.key))[:EXAMPLES]


@dataclass(frozen=True)
class Suggestion:
    """Link `cluster` to `clause_id`: `count` of its questions found that clause best."""

    cluster: Cluster
    clause_id: str
    count: int


@dataclass
class Board:
    """Everything the review page shows: clusters by impact, suggestions by frequency, the groups behind them."""

    clusters: list[Cluster]
    suggestions: list[Suggestion]
    groups: dict[str, Group]
    decided: dict[str, dict] = field(default_factory=dict)  # the decisions it was collected with, by review key
    split_off: set[str] = field(default_factory=set)  # the wordings split off when it was collected
    provisional: bool = False  # decisions or split-offs made since it was collected are applied, not collected
    # Each decision's wordings as one cluster with every ask counted, as if undecided: what undo puts back.
    undone: dict[str, Cluster] = field(default_factory=dict)  # batch (or the review key of an old decision) -> it


def decisions(db: Database) -> dict[str, dict]:
    return {row["review_key"]: row for row in db.query("select * from review_decisions")}


def splits(db: Database) -> set[str]:
    return {row[0] for row in db.execute("select review_key from review_splits")}


def _weight(kind: str, answered: int, confidence, helpful, low_confidence: float) -> tuple[list[str], float]:
    reasons = []
    if kind == "no_answer" and not answered:
        reasons.append("unanswered")
    elif kind == "clarify":
        reasons.append("asked_back")
    elif answered and confidence is not None and confidence < low_confidence and helpful != 1:
        reasons.append("low_confidence")
    if helpful == 0:
        reasons.append("thumbs_down")
    return reasons, sum(WEIGHTS[r] for r in reasons)


# Which logged asks need review. A request handed off to the form (intent set) is answered by the form, whatever
# its confidence; an unsure answer a visitor liked was right.
_NEEDS_REVIEW = ("((q.answered = 0 and q.kind in ('no_answer', 'clarify')) "
                 "or (q.answered = 1 and q.confidence < :low and q.intent is null "
                 "and (f.helpful is null or f.helpful = 0)) or f.helpful = 0)")
_IN_CHUNK = 500  # wordings per "in (...)" list


def collect_groups(db: Database, low_confidence: float, undecided: dict[str, Group] | None = None) -> list[Group]:
    """Every question needing review, grouped; most asked first, then most recent.

    Undecided wordings are counted in SQL, one row per wording, best clause and outcome; wordings with a
    decision are read ask by ask, as only the asks after the decision count. Given `undecided`, each decided
    wording's group with all its asks counted (as if the decision were undone) is put there by key.
    """
    decided = decisions(db)
    split_off = splits(db)
    groups: dict[str, Group] = {}
    later: list[str] = []  # wordings whose key has a decision

    def group_of(key: str) -> Group:
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key, decision=decided.get(key), split=key in split_off)
        return group

    cursor = db.execute(
        "select q.question, q.top_clause, q.answered, count(*), min(q.asked_at), max(q.asked_at), "
        "count(*) filter (where q.kind = 'no_answer' and q.answered = 0), "
        "count(*) filter (where q.kind = 'clarify' and q.answered = 0), "
        "count(*) filter (where q.answered = 1 and q.confidence < :low and q.intent is null "
        "and (f.helpful is null or f.helpful = 0)), "
        f"count(*) filter (where f.helpful = 0), {storage.distinct_list(db, 'coalesce(q.session, q.id)')} "
        f"from questions q left join feedback f on f.question_id = q.id where {_NEEDS_REVIEW} "
        "group by q.question, q.top_clause, q.answered", {"low": low_confidence})
    for question, top_clause, answered, count, first, last, unanswered, asked_back, unsure, down, who in cursor:
        key = review_key(question)
        if key in decided:
            later.append(question)
            continue
        counts = {"unanswered": unanswered, "asked_back": asked_back, "low_confidence": unsure,
                  "thumbs_down": down or 0}
        _add(group_of(key), question, count, first, last, counts, who.split(",") if who else [], top_clause,
             answered)
    for n in range(0, len(set(later)), _IN_CHUNK):
        chunk = sorted(set(later))[n:n + _IN_CHUNK]
        marks = ", ".join(f":t{i}" for i in range(len(chunk)))
        rows = db.execute(
            "select q.id, q.question, q.asked_at, q.kind, q.answered, q.confidence, q.top_clause, q.session, "
            f"f.helpful from questions q left join feedback f on f.question_id = q.id where {_NEEDS_REVIEW} "
            f"and q.question in ({marks}) order by q.asked_at",
            {"low": low_confidence, **{f"t{i}": t for i, t in enumerate(chunk)}})
        for qid, question, asked_at, kind, answered, confidence, top_clause, session, helpful in rows:
            group = group_of(review_key(question))
            reasons = {r: 1 for r in _weight(kind, answered, confidence, helpful, low_confidence)[0]}
            if undecided is not None:
                whole = undecided.setdefault(group.key, Group(group.key))
                _add(whole, question, 1, asked_at, asked_at, reasons, [session or qid], top_clause, answered)
            if asked_at <= group.decision["decided_at"]:
                group.earlier += 1
                continue
            _add(group, question, 1, asked_at, asked_at, reasons, [session or qid], top_clause, answered)
    for key, decision in decided.items():
        groups.setdefault(key, Group(key, text=decision["text"], decision=decision))
    ordered = sorted(groups.values(), key=lambda g: g.last_seen, reverse=True)
    ordered.sort(key=lambda g: g.count, reverse=True)  # stable: most asked, then most recent
    return ordered


def _add(group: Group, question: str, count: int, first: str, last: str, reasons: dict[str, int], who: list[str],
         top_clause: str | None, answered: int) -> None:
    """Count `count` asks of the wording `question` into `group`."""
    group.count += count
    if last >= group.last_seen:
        group.text, group.last_seen = question, last
    if not group.first_seen or first < group.first_seen:
        group.first_seen = first
    for reason, n in reasons.items():
        group.reasons[reason] += n
    # From the totals, so that counting ask by ask and counting in SQL rank a wording exactly alike.
    group.impact = sum(WEIGHTS[r] * group.reasons[r] for r in REASONS)
    group.visitors.update(who)
    if top_clause:
        group.best_clauses[top_clause] += count
        if answered:
            group.answered_with[top_clause] += count


def shapes(assistant, groups: list[Group], db: Database | None = None,
           having: frozenset[str] | None = None) -> list[likeness.Shape | None]:
    """Each group's shape (of its key), kept while what shapes depend on stays the same (`shape_fingerprint`).

    Analysing thousands of wordings takes seconds, so shapes are kept in this process and, given `db`, in the
    database (`wording_shapes`) for every worker on every host and after a restart. The assistant a worker takes
    for a "not covered" decision analyses exactly as before, so its shapes are reused; a linked phrasing or a new
    policy version changes the index's words and weights, and with them every shape.

    Given `having` (stems), a caller needs only the shapes with one of them: a shape stored without any is
    neither read back nor kept, and comes back as None.
    """
    fingerprint = shape_fingerprint(assistant)
    with _shape_lock:
        cache = _shape_cache.get(fingerprint)
        if cache is None or len(cache) > MAX_CACHED_SHAPES:
            if len(_shape_cache) >= 2:  # this one and the one before (workers switch over one request at a time)
                _shape_cache.pop(next(iter(_shape_cache)))
            cache = _shape_cache[fingerprint] = {}
    missing = sorted({g.key for g in groups if g.key not in cache})
    stored: set[str] = set()
    if missing and db is not None:
        cache.update(_read_shapes(db, fingerprint, missing, having, stored))
        missing = [k for k in missing if k not in stored]
    if missing:
        made = {key: assistant.shape(key) for key in missing}
        cache.update(made)
        if db is not None:
            _store_shapes(db, fingerprint, made)
    return [cache.get(g.key) for g in groups]


def _read_shapes(db: Database, fingerprint: str, keys: list[str], having: frozenset[str] | None = None,
                 stored: set[str] | None = None) -> dict[str, likeness.Shape]:
    """The stored shapes of `keys` (only those with one of the stems `having`, if given); every key found is
    added to `stored`."""
    found = {}
    shape = "shape"
    params: dict[str, str] = {"fingerprint": fingerprint}
    if having is not None:
        # A stem is a key of the stored JSON object ({"tell":0.57,...}): the others need not even be parsed.
        patterns = {f"s{i}": "%" + _like_escape(json.dumps(stem)) + ":%" for i, stem in enumerate(sorted(having))}
        params.update(patterns)
        matches = " or ".join(f"shape like :{name} escape '!'" for name in patterns) or "1 = 0"
        shape = f"case when ({matches}) then shape end"
    for n in range(0, len(keys), _IN_CHUNK):
        chunk = keys[n:n + _IN_CHUNK]
        marks = ", ".join(f":k{i}" for i in range(len(chunk)))
        for key, text in db.execute(
                f"select review_key, {shape} from wording_shapes where fingerprint = :fingerprint "
                f"and review_key in ({marks})", {**params, **{f"k{i}": k for i, k in enumerate(chunk)}}):
            if stored is not None:
                stored.add(key)
            if text is not None:
                terms, topics, topic = json.loads(text)
                found[key] = likeness.Shape(terms, tuple(topics), topic)
    return found


def _like_escape(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _store_shapes(db: Database, fingerprint: str, made: dict[str, likeness.Shape]) -> None:
    """Keep `made` for the other workers; drop the shapes of an analysis no worker has used for a day."""
    now = datetime.now(timezone.utc)
    rows = [{"fingerprint": fingerprint, "review_key": key, "made_at": now.isoformat(timespec="milliseconds"),
             "shape": json.dumps([shape.terms, list(shape.topics), shape.topic], separators=(",", ":"))}
            for key, shape in made.items()]
    try:
        for n in range(0, len(rows), _IN_CHUNK):  # short transactions: the question log waits for each
            with storage.write(db):
                db.execute("insert into wording_shapes (fingerprint, review_key, shape, made_at) "
                           "values (:fingerprint, :review_key, :shape, :made_at) "
                           "on conflict (fingerprint, review_key) do nothing", rows[n:n + _IN_CHUNK])
        with storage.write(db):
            db.execute("delete from wording_shapes where fingerprint <> :fingerprint and made_at < :old",
                       {"fingerprint": fingerprint, "old": (now - timedelta(days=1)).isoformat(timespec="milliseconds")})
    except storage.ERRORS as exc:
        log.warning("could not keep %d wording shapes for the other workers (%s)", len(rows), exc)


def shape_fingerprint(assistant) -> str:
    """A digest of what `assistant.shape` reads: the policy's clauses, the phrasings, the words it knows, the model."""
    with _shape_lock:
        found = _fingerprints.get(assistant)
    if found is not None:
        return found
    index = assistant.index
    digest = hashlib.sha256()
    for part in ([(c.id, c.text) for c in index.policy.clauses], sorted(index.phrasings.items()), sorted(index.known),
                 [s.when for s in index.synonyms]):
        digest.update(repr(part).encode())
    if assistant.topics is not None:
        digest.update(assistant.topics.coef.tobytes())
        digest.update(assistant.topics.intercept.tobytes())
        digest.update(repr(sorted(assistant.topics.vocabulary.items())).encode())
    with _shape_lock:
        found = _fingerprints[assistant] = digest.hexdigest()
    return found


def _cover(assistant, groups: list[Group], db: Database | None = None) -> None:
    """Mark undecided groups that are close wordings of a dismissed or "not covered" decision as covered by it."""
    decided = [g for g in groups if g.decision and g.decision["action"] in ("dismissed", "not_covered")]
    # A wording an editor split off is decided on its own, never by a decision on its former cluster.
    open_ = [g for g in groups if g.decision is None and g.count and not g.split]
    if not decided or not open_:
        return
    decided_shapes = shapes(assistant, decided, db)
    by_term: dict[str, list[int]] = {}
    for i, shape in enumerate(decided_shapes):
        for term in shape.terms:
            by_term.setdefault(term, []).append(i)
    for group, shape in zip(open_, shapes(assistant, open_, db)):
        near = {i for t in shape.terms for i in by_term.get(t, ())}
        for i in sorted(near):
            if decided_shapes[i].close(shape, assistant.gap_words, assistant.same_topics):
                group.covered_by = decided[i].decision
                break


BOARD_FORMAT = 2  # what a stored board holds and how it is collected; a change makes every stored one outdated
STALE_REFRESH = 300  # seconds after which another worker may take over a refresh that never finished


def state(app, db: Database) -> str:
    """What the board depends on besides the log, as text: decisions and split-offs (the "review" counter, which
    every change of them bumps), the assistant's version, the settings."""
    changes = db.scalar("select value from counters where name = 'review'") or 0
    version = app.extensions.get("phrasings_version") or phrasings_version(db)  # this worker's assistant
    return json.dumps([BOARD_FORMAT, changes, *version, app.config["REVIEW_CONFIDENCE_BELOW"],
                       app.config["REVIEW_SUGGEST_AT"]])


def cached_board(app, db: Database) -> Board:
    """`collect` for this app's settings, shared by every worker on every host and reused while nothing changed.

    The board last collected is stored in the database (`review_boards`) with the `state` it was collected
    for; each worker keeps the copy it read until another is stored. A board older than REVIEW_CACHE_SECONDS is
    still shown while one worker (the one whose update claims the row) collects a fresh one in the background,
    so no editor waits for a big log to be clustered, after a restart neither. A decision, undo, split or rejoin
    made since it was collected is applied to it at once (`applied`) while one worker collects it anew.
    """
    assistant = app.extensions["assistant"]
    low, suggest_at, seconds = (app.config["REVIEW_CONFIDENCE_BELOW"], app.config["REVIEW_SUGGEST_AT"],
                                app.config["REVIEW_CACHE_SECONDS"])
    if seconds <= 0:
        return collect(db, assistant, low, suggest_at)
    key = state(app, db)
    stored = db.one("select state, made_at, refreshing_since from review_boards where id = 1")
    if stored is not None and stored["state"] == key:
        held = _held(app, db, stored)
        if held is not None:
            if _age(stored["made_at"]) >= seconds:
                _start_refresh(app, db, stored)
            return held
    elif stored is not None:
        # Decided or split since: show the stored board with that applied while one worker collects it anew.
        held = _held(app, db, stored) if _collected_alike(stored["state"], key) else None
        board = held and applied(held, decisions(db), splits(db), assistant, db, suggest_at)
        if board is not None:
            _start_refresh(app, db, stored)
            return board
    return _collect_and_store(app, db, key)


def _collect_and_store(app, db: Database, key: str) -> Board:
    """`collect`, and store the board under the state `key` for every worker, unless decided meanwhile."""
    board = collect(db, app.extensions["assistant"], app.config["REVIEW_CONFIDENCE_BELOW"],
                    app.config["REVIEW_SUGGEST_AT"])
    if state(app, db) != key:
        return board  # decided meanwhile: right for this request, not to be kept under that state
    made, blob = storage.now_iso(), dump_board(board)
    try:
        with storage.write(db):
            db.insert("review_boards", {"id": 1, "state": key, "made_at": made, "board": blob,
                                        "refreshing_since": None}, on_conflict="replace")
    except storage.ERRORS as exc:
        log.warning("could not store the review list for the other workers (%s)", exc)
    with _board_lock:
        app.extensions["review_board"] = (key, made, board)
    return board


@dataclass(frozen=True)
class Prepared:
    """What `prepare` did: days counted and stored, and the review list if it had to be collected."""

    days: int
    board: Board | None
    seconds: float


def prepare(app, db: Database) -> Prepared:
    """Do now what the first editor visit would otherwise wait for on a big log: count the dashboard's days that
    are over (the longest period and the one before) and collect the review list (analysing every wording),
    storing both for every worker. Quick when they are stored already: only what is missing is done.
    """
    from .figures import PERIODS, Period, stored_days, INDIA

    started = time.perf_counter()
    today = datetime.now(INDIA).date()
    period = Period.ending(today, max(PERIODS))
    counted = db.scalar("select count(*) from question_days where day >= :first",
                        {"first": period.previous.start.isoformat()})
    stored_days(db, Period(period.previous.start, period.end), today)
    days = db.scalar("select count(*) from question_days where day >= :first",
                     {"first": period.previous.start.isoformat()}) - counted
    refresh_assistant(app, db)
    key = state(app, db)
    stored = db.scalar("select state from review_boards where id = 1")
    board = None if stored == key else _collect_and_store(app, db, key)
    # The decision pages compare every wording of the last days, answered well or not: analyse those too.
    shapes(app.extensions["assistant"], [_Keyed(k) for k in _recent_wordings(db)], db)
    return Prepared(days, board, time.perf_counter() - started)


review_cli = click.Group("review", help="The editors' review list and dashboard.")


@review_cli.command("prepare")
@with_appcontext
def prepare_command():
    """Count the dashboard's days and collect the review list now, so that no editor waits for them."""
    db = storage.connect_app(current_app)
    try:
        done = prepare(current_app._get_current_object(), db)
    finally:
        db.close()
    board = ("the stored review list is current" if done.board is None else
             f"collected the review list: {_count(len(done.board.clusters), 'cluster')} of "
             f"{_count(sum(len(c.members) for c in done.board.clusters), 'wording')}")
    click.echo(f"Counted {_count(done.days, 'day')} for the dashboard; {board} ({done.seconds:.1f} s).")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _collected_alike(stored: str, wanted: str) -> bool:
    """Whether a board stored for the state `stored` is of this format and these settings (so `applied` fits)."""
    old, new = json.loads(stored), json.loads(wanted)
    return old[0] == new[0] and old[-2:] == new[-2:]


def _held(app, db: Database, stored: dict) -> Board | None:
    """The stored board `stored` names: this worker's copy, or read from the database (None: replaced meanwhile)."""
    with _board_lock:
        held = app.extensions.get("review_board")
    if held is not None and held[:2] == (stored["state"], stored["made_at"]):
        return held[2]
    blob = db.scalar("select board from review_boards where id = 1 and state = :state and made_at = :made",
                     {"state": stored["state"], "made": stored["made_at"]})
    if blob is None:
        return None
    board = load_board(blob)
    with _board_lock:
        app.extensions["review_board"] = (stored["state"], stored["made_at"], board)
    return board


def applied(board: Board, decided: dict[str, dict], split_off: set[str], assistant=None, db: Database | None = None,
            suggest_at: int = 5) -> Board | None:
    """`board` with the decisions, undos, split-offs and rejoins made since it was collected.

    A newly decided wording leaves the list (a linked one has no asks since its link yet); a newly split one
    becomes a cluster of its own. Undoing an action puts its wordings back as the cluster they were decided as
    (`Board.undone`, every ask counted), and the close wordings it covered come back; those, and a rejoined
    wording, join the cluster whose leading wordings are most alike (as `likeness.group_alike` would), else stand
    alone. Close wordings a new decision covers wait for the board to be collected again (`_start_refresh`), and
    so does the exact grouping. None if an undone action is not on the board (collect it anew).
    """
    before = {k: d["decided_at"] for k, d in board.decided.items()}
    undone = {k for k in before if k not in decided}
    new = {k for k, d in decided.items() if before.get(k) != d["decided_at"]}
    split_now, rejoined = split_off - board.split_off, board.split_off - split_off
    if not (new or split_now or undone or rejoined):
        return board
    back: dict[str, Group] = {}  # wordings of undone actions, as if never decided
    for batch in {board.decided[k]["batch"] or k for k in undone}:
        cluster = board.undone.get(batch)
        if cluster is None:
            return None
        back.update((g.key, replace(g, split=g.key in split_off)) for g in cluster.members if g.key in undone)
    groups: dict[str, Group] = {}
    for key, g in board.groups.items():
        if key in new:
            g = replace(g, decision=decided[key], count=0, earlier=g.earlier + g.count, impact=0.0,
                        reasons=dict.fromkeys(REASONS, 0))
        elif key in undone:
            g = back.get(key)
            if g is None:
                continue  # no ask needs review
        elif g.covered_by is not None and g.covered_by["review_key"] in undone:
            g = replace(g, covered_by=None)
        elif key in split_now or key in rejoined:
            g = replace(g, split=key in split_now)
        groups[key] = g
    for key in new - groups.keys():
        groups[key] = Group(key, text=decided[key]["text"], decision=decided[key])
    freed = [g for k, g in groups.items() if k not in back and board.groups[k].covered_by is not None
             and g.covered_by is None]
    if back or freed or rejoined:
        # Still covered by a decision in force? Then they stay off the list, as a collection would leave them.
        in_force = [g for g in groups.values() if g.decision is not None and g.decision["action"] != "linked"]
        _cover(assistant, in_force + list(back.values()) + freed + [groups[k] for k in rejoined if k in groups], db)
    changed = new | split_now | undone | rejoined
    clusters = []
    for c in board.clusters:
        if not any(g.key in changed for g in c.members):
            clusters.append(c)
            continue
        members = [groups[g.key] for g in c.members if g.key in groups and g.key not in new | undone | rejoined]
        alone = [g for g in members if g.key in split_now] if len(members) > 1 else []
        together = [g for g in members if g not in alone]
        if together:
            clusters.append(_shrunk(together, c.visitors))
        clusters += [_shrunk([g]) for g in alone]
    for batch in {board.decided[k]["batch"] or k for k in undone}:
        cluster = board.undone[batch]
        members = [groups[g.key] for g in cluster.members if g.key in back and groups[g.key].pending]
        if len(members) == len(cluster.members):
            clusters.append(replace(cluster, members=members))
        elif members:
            clusters.append(_shrunk(members, cluster.visitors))
    joining = sorted((g for g in freed + [groups[k] for k in rejoined if k in groups] if g.pending), key=_order)
    if joining:
        clusters = _join(assistant, clusters, joining, db)
    clusters.sort(key=_rank)
    return Board(clusters, _suggest(clusters, assistant, suggest_at), groups, decided, split_off, provisional=True,
                 undone=board.undone)


def _join(assistant, clusters: list[Cluster], joining: list[Group], db: Database | None) -> list[Cluster]:
    """`clusters` with each of `joining` (most important first) in the cluster with the most alike of its leading
    wordings, at least `CLUSTER_WORDS` alike in words and `same_topics` in topics, or in a cluster of its own."""
    clusters = list(clusters)
    leaders = [(n, g) for n, c in enumerate(clusters) for g in c.members[:likeness.REPRESENTATIVES] if not g.split]
    shaped = shapes(assistant, [g for _, g in leaders] + joining, db)
    others, owners = shaped[:len(leaders)], [n for n, _ in leaders]
    for group, shape in zip(joining, shaped[len(leaders):]):
        if group.split:
            clusters.append(_shrunk([group]))
            continue
        best = likeness.nearest(shape, others, likeness.CLUSTER_WORDS, assistant.same_topics)
        if best is None:
            owners.append(len(clusters))
            clusters.append(_shrunk([group]))
        else:
            n = owners[best]
            grown = clusters[n]
            clusters[n] = _shrunk(sorted(grown.members + [group], key=_order), grown.visitors + group.seen_by)
            owners.append(n)
        others.append(shape)
    return clusters


def _shrunk(members: list[Group], visitors: int | None = None) -> Cluster:
    """A cluster of what is left of one: its figures worked out from `members` (visitors: at most `visitors`)."""
    answered, best = Counter(), Counter()
    for g in members:  # a board read back keeps them as plain dicts
        answered.update(g.answered_with)
        best.update(g.best_clauses)
    seen = sum(g.seen_by for g in members)
    return Cluster(members, size=sum(g.count for g in members), impact=sum(g.impact for g in members),
                   visitors=seen if visitors is None else min(visitors, seen),
                   first_seen=min(g.first_seen for g in members), last_seen=max(g.last_seen for g in members),
                   reasons={r: sum(g.reasons[r] for g in members) for r in REASONS},
                   answered_with=answered.most_common(1)[0] if answered else None,
                   best_clause=best.most_common(1)[0] if best else None)


def _age(made_at: str) -> float:
    return (datetime.now(timezone.utc) - datetime.fromisoformat(made_at)).total_seconds()


def _start_refresh(app, db: Database, stored: dict) -> None:
    """Collect a fresh board in a background thread, if no other worker on any host is doing it."""
    now = datetime.now(timezone.utc)
    claimed_at = now.isoformat(timespec="milliseconds")
    stale = (now - timedelta(seconds=STALE_REFRESH)).isoformat(timespec="milliseconds")
    if stored["refreshing_since"] is not None and stored["refreshing_since"] >= stale:
        return  # being collected: no write transaction on every request meanwhile
    try:
        with storage.write(db):
            claimed = db.execute(
                "update review_boards set refreshing_since = :now where id = 1 and state = :state and made_at = :made "
                "and (refreshing_since is null or refreshing_since < :stale)",
                {"now": claimed_at, "state": stored["state"], "made": stored["made_at"], "stale": stale}).rowcount
    except storage.ERRORS as exc:
        log.warning("could not start refreshing the review list (%s); showing the one stored", exc)
        return
    if claimed:
        threading.Thread(target=_refresh_board, args=(app, claimed_at), name="review-board", daemon=True).start()


def _refresh_board(app, claimed_at: str) -> None:
    try:
        db = storage.connect_app(app)
    except storage.ERRORS as exc:
        # The database went away between the claim and the thread's start (a restart, a failover): the claim lapses
        # after STALE_REFRESH and the next request tries again; the thread ends quietly instead of dying unhandled.
        log.warning("could not connect to refresh the review list (%s); the next request tries again", exc)
        return
    try:
        refresh_assistant(app, db)  # another worker's link or decision, before this worker's next request
        key = state(app, db)
        board = collect(db, app.extensions["assistant"], app.config["REVIEW_CONFIDENCE_BELOW"],
                        app.config["REVIEW_SUGGEST_AT"])
        kept = state(app, db) == key  # not if decided meanwhile: the next request starts another refresh
        blob = dump_board(board) if kept else b""  # before the transaction: writers wait while it is open
        with storage.write(db):  # nor if another worker stored a board meanwhile
            made = storage.now_iso()
            if kept and db.execute("update review_boards set state = :state, board = :board, made_at = :made, "
                                   "refreshing_since = null where id = 1 and refreshing_since = :claimed",
                                   {"state": key, "board": blob, "made": made, "claimed": claimed_at}).rowcount:
                with _board_lock:  # this worker need not read back what it has just stored
                    app.extensions["review_board"] = (key, made, board)
            elif not kept:
                db.execute("update review_boards set refreshing_since = null where id = 1 "
                           "and refreshing_since = :claimed", {"claimed": claimed_at})
    except Exception:
        log.exception("could not refresh the review list; the next request tries again")
        try:
            with storage.write(db):
                db.execute("update review_boards set refreshing_since = null where id = 1 "
                           "and refreshing_since = :claimed", {"claimed": claimed_at})
        except storage.ERRORS:
            pass
    finally:
        db.close()


def dump_board(board: Board) -> bytes:
    """The board as compressed JSON: each group once, the clusters and suggestions by position."""
    positions: dict[str, int] = {}
    groups: list[list] = []

    def position(g: Group) -> int:
        if g.key not in positions:
            positions[g.key] = len(groups)
            groups.append(_group_row(g))
        return positions[g.key]

    clusters = [_cluster_row(c, [position(g) for g in c.members]) for c in board.clusters]
    for g in board.groups.values():
        if g.decision is not None or g.covered_by is not None:
            position(g)
    shown = {id(c): n for n, c in enumerate(board.clusters)}
    suggestions = [[shown[id(s.cluster)], s.clause_id, s.count] for s in board.suggestions]
    whole: list[list] = []
    undone = {}
    for batch, c in board.undone.items():
        undone[batch] = _cluster_row(c, list(range(len(whole), len(whole) + len(c.members))))
        whole += [_group_row(g) for g in c.members]
    data = {"groups": groups, "clusters": clusters, "suggestions": suggestions, "decided": board.decided,
            "split_off": sorted(board.split_off), "whole": whole, "undone": undone}
    return zlib.compress(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode(), 1)


def _group_row(g: Group) -> list:
    return [g.key, None if g.text == g.key else g.text, g.count, g.first_seen, g.last_seen,
            [g.reasons[r] for r in REASONS], g.impact, g.earlier, g.split,
            g.covered_by["review_key"] if g.covered_by else None, dict(g.answered_with), dict(g.best_clauses),
            g.seen_by]


def _cluster_row(c: Cluster, members: list[int]) -> list:
    return [members, c.size, c.impact, c.visitors, c.first_seen, c.last_seen, [c.reasons[r] for r in REASONS],
            c.answered_with, c.best_clause]


def load_board(blob: bytes) -> Board:
    """A board from `dump_board`, as it was collected (with the decisions of then)."""
    with _no_collection():
        return _load_board(json.loads(zlib.decompress(blob)))


@contextlib.contextmanager
def _no_collection():
    """Hold Python's cyclic garbage collector while making thousands of objects none of which is garbage: on a
    big log it would run dozens of times and take two thirds of the time of reading a board back."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_board(data: dict) -> Board:
    decided = data["decided"]
    groups = _load_groups(data["groups"], decided)
    clusters = [_load_cluster(row, groups) for row in data["clusters"]]
    suggestions = [Suggestion(clusters[n], clause_id, count) for n, clause_id, count in data["suggestions"]]
    whole = _load_groups(data["whole"], {})
    undone = {batch: _load_cluster(row, whole) for batch, row in data["undone"].items()}
    return Board(clusters, suggestions, {g.key: g for g in groups}, decided, set(data["split_off"]), undone=undone)


def _load_groups(rows: list[list], decided: dict[str, dict]) -> list[Group]:
    return [Group(key, key if text is None else text, count, first, last, dict(zip(REASONS, reasons)),
                  decided.get(key), earlier, impact,
                  answered_with=answered, best_clauses=best,  # plain dicts: a Counter each costs more than the rest
                  covered_by=decided.get(covered) if covered else None, split=split, seen=seen)
            for key, text, count, first, last, reasons, impact, earlier, split, covered, answered, best, seen in rows]


def _load_cluster(row: list, groups: list[Group]) -> Cluster:
    members, size, impact, visitors, first, last, reasons, answered, best = row
    return Cluster([groups[i] for i in members], size, impact, visitors, first, last, dict(zip(REASONS, reasons)),
                   tuple(answered) if answered else None, tuple(best) if best else None)


def collect(db: Database, assistant, low_confidence: float, suggest_at: int = 5) -> Board:
    """The review board: pending questions clustered and ranked by impact, and the links worth suggesting."""
    undecided: dict[str, Group] = {}
    groups = collect_groups(db, low_confidence, undecided)
    _cover(assistant, groups, db)
    pending = [g for g in groups if g.pending]
    pending.sort(key=_order)
    together = [g for g in pending if not g.split]
    clusters = [Cluster.of([together[i] for i in members])
                for members in likeness.group_alike(shapes(assistant, together, db), likeness.CLUSTER_WORDS,
                                                     assistant.same_topics)]
    clusters += [Cluster.of([g]) for g in pending if g.split]
    clusters.sort(key=_rank)
    decided = {g.key: g.decision for g in groups if g.decision}
    batches: dict[str, list[Group]] = {}
    for key, decision in decided.items():
        if key in undecided:
            batches.setdefault(decision["batch"] or key, []).append(undecided[key])
    # An action decides one cluster's wordings, so undoing it puts them back as that one cluster.
    undone = {batch: Cluster.of(sorted(members, key=_order)) for batch, members in batches.items()}
    return Board(clusters, _suggest(clusters, assistant, suggest_at), {g.key: g for g in groups}, decided,
                 {g.key for g in groups if g.split}, undone=undone)


def _order(g: Group):
    """Wordings by impact: a cluster's first member is its most important."""
    return -g.impact, -g.count, g.key


def _rank(c: Cluster):
    """Clusters by impact, then by visitors."""
    return -c.impact, -c.visitors, c.key


def _suggest(clusters: list[Cluster], assistant, suggest_at: int) -> list[Suggestion]:
    """Links worth suggesting: a cluster where `suggest_at` or more questions found one clause best; most first."""
    suggestions = []
    for cluster in clusters:
        best = cluster.best_clause
        if best and best[1] >= suggest_at and assistant.index.policy.has_clause(best[0]):
            suggestions.append(Suggestion(cluster, best[0], best[1]))
    suggestions.sort(key=lambda s: (-s.count, s.cluster.key))
    return suggestions


class ReviewError(ValueError):
    """An editor's action cannot be carried out; the message says why."""


def decide(db: Database, text: str, action: str, by: str, count: int = 0, clause_id: str | None = None,
           batch: str | None = None) -> dict:
    """Record an editor's decision on the question `text`; linking also adds the phrasing."""
    return decide_many(db, [(text, count)], action, by, clause_id, batch)[0]


def decide_many(db: Database, questions: list[tuple[str, int]], action: str, by: str, clause_id: str | None = None,
                batch: str | None = None) -> list[dict]:
    """Record one decision on several wordings (text, times asked) as one batch, which undo takes back together."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}")
    if action == "linked" and not clause_id:
        raise ReviewError("choose the clause that answers this question")
    keyed = [(review_key(text), text.strip(), count) for text, count in questions]
    if not keyed or any(not key for key, _, _ in keyed):
        raise ReviewError("this question has no words to link; dismiss it instead")
    batch = batch or uuid.uuid4().hex[:12]
    now = storage.now_iso()
    rows = []
    with storage.write(db):
        for key, text, count in keyed:
            previous = db.get("review_decisions", key, for_update=True)
            if previous:
                _undo(db, previous)
            phrasing_id = None
            if action == "linked":
                phrasing_id = db.insert("phrasings", {"clause_id": clause_id, "phrasing": text, "review_key": key,
                                                      "created_by": by, "created_at": now})
            row = {"review_key": key, "action": action, "text": text, "clause_id": clause_id,
                   "phrasing_id": phrasing_id, "count": count, "decided_by": by, "decided_at": now, "batch": batch}
            db.insert("review_decisions", row, on_conflict="replace")
            db.execute("delete from review_splits where review_key = :key", {"key": key})
            rows.append(row)
        if action in ("linked", "not_covered"):
            _bump(db)  # every worker answers (or abstains on) these questions from its next request
        _changed(db)
    return rows


def batch_of(db: Database, batch: str) -> list[dict]:
    """The decisions made by one action, oldest wording first (an old decision is its own batch)."""
    return db.query("select * from review_decisions where batch = :batch or (batch is null and review_key = :batch) "
                    "order by decided_at, review_key", {"batch": batch})


def reopen(db: Database, key: str) -> dict | None:
    """Undo the action that decided `key` (every wording it decided): back on the review list, phrasings removed."""
    with storage.write(db):
        first = db.get("review_decisions", key, for_update=True)
        if first is None:
            return None
        rows = [first]
        together = batch_of(db, rows[0]["batch"] or key)
        for row in together:
            _undo(db, row)
        _changed(db)
    return dict(rows[0], wordings=len(together))


def _undo(db: Database, decision: dict) -> None:
    if decision["phrasing_id"] is not None:
        db.delete("phrasings", decision["phrasing_id"])
    if decision["phrasing_id"] is not None or decision["action"] == "not_covered":
        _bump(db)
    db.delete("review_decisions", decision["review_key"])


def split(db: Database, key: str, by: str) -> None:
    """Take the wording `key` out of its cluster: it is reviewed on its own until `rejoin`."""
    with storage.write(db):
        db.insert("review_splits", {"review_key": key, "split_by": by, "split_at": storage.now_iso()},
                  on_conflict="replace")
        _changed(db)


def rejoin(db: Database, key: str) -> bool:
    """Let the wording `key` join its cluster again; False if it was not split off."""
    with storage.write(db):
        found = db.delete("review_splits", key)
        if found:
            _changed(db)
    return found > 0


def _bump(db: Database) -> None:
    db.execute("update counters set value = value + 1 where name = 'phrasings'")


def _changed(db: Database) -> None:
    """Count a change to decisions or split-offs: a stored review list of an earlier count is out of date."""
    db.execute("insert into counters (name, value) values ('review', 1) "
               "on conflict (name) do update set value = counters.value + 1")


def move_to_successors(db: Database, successors: dict[str, str]) -> dict[str, int]:
    """Point linked phrasings and decisions at the successors of clauses a new policy version replaced.

    `successors`: old clause id -> the id carrying it on. Called by `flask policy publish` inside its write
    transaction; returns how many rows of each table moved.
    """
    moved = {"phrasings": 0, "review_decisions": 0}
    for old, new in successors.items():
        for table in moved:
            moved[table] += db.execute(f"update {table} set clause_id = :new where clause_id = :old",
                                       {"new": new, "old": old}).rowcount
    return moved


def recent_decisions(db: Database, limit: int = 20) -> list[dict]:
    """The latest actions, one row per batch: its first wording, how many wordings it decided."""
    rows = db.query(
        "select d.*, r.b as action_batch, r.wordings from review_decisions d join ("
        "select coalesce(batch, review_key) as b, min(review_key) as first, count(*) as wordings, "
        "max(decided_at) as last from review_decisions group by coalesce(batch, review_key) "
        "order by max(decided_at) desc limit :limit) r on d.review_key = r.first order by r.last desc, r.b",
        {"limit": limit})
    return [dict(row, batch=row.pop("action_batch")) for row in rows]


def gap_list(db: Database, board: Board) -> list[dict]:
    """What the policy does not cover, by demand: one entry per "not covered" action, with its wordings.

    Demand counts the asks before the decision and every ask since, of its wordings and of close wordings
    (as `board`, from `collect`, found them).
    """
    since: Counter = Counter()
    covered: dict[str, list[str]] = {}
    for g in board.groups.values():
        if g.decision and g.decision["action"] == "not_covered":
            since[g.decision["batch"] or g.key] += g.count
        elif g.covered_by and g.covered_by["action"] == "not_covered":
            owner = g.covered_by["batch"] or g.covered_by["review_key"]
            since[owner] += g.count
            covered.setdefault(owner, []).append(g.text)
    entries: dict[str, dict] = {}
    for row in db.query("select * from review_decisions where action = 'not_covered' order by decided_at, review_key"):
        b = row["batch"] or row["review_key"]
        entry = entries.setdefault(b, {"batch": b, "key": row["review_key"], "text": row["text"], "wordings": [],
                                       "before": 0, "since": since[b], "decided_by": row["decided_by"],
                                       "decided_at": row["decided_at"], "close": covered.get(b, [])})
        entry["wordings"].append(row["text"])
        entry["before"] += row["count"] or 0
    for entry in entries.values():
        entry["demand"] = entry["before"] + entry["since"]
    return sorted(entries.values(), key=lambda e: (-e["demand"], e["decided_at"]))


COVERED_DAYS = 30  # the decision page lists the wordings asked in this many days


def covered_questions(db: Database, assistant, batch: str, limit: int = 5000, days: int = COVERED_DAYS) -> list[dict]:
    """Logged wordings a decision covers: its own, and (dismissed, not covered) close ones, most asked first.

    Reads the `limit` most recently asked distinct wordings of the last `days` days (by the asked_at index),
    and analyses them only for a decision that reaches close wordings.
    """
    rows = batch_of(db, batch)
    if not rows:
        return []
    own = {r["review_key"] for r in rows}
    reach = rows[0]["action"] in ("dismissed", "not_covered")
    decided = [assistant.shape(r["text"]) for r in rows] if reach else []
    counts: dict[str, dict] = {}
    for text, n, last, answered in _recent_questions(db, limit, days):
        key = review_key(text)
        entry = counts.setdefault(key, {"key": key, "text": text, "count": 0, "last_seen": last, "answered": 0})
        entry["count"] += n
        entry["answered"] += answered or 0
    out = [dict(counts[k], how="this wording") for k in counts if k in own]
    others = [_Keyed(k) for k in counts if k not in own] if reach else []
    # Only a wording with a decided question's weightiest word can be close to it (`Shape.close`).
    having = frozenset().union(*(d.heaviest for d in decided))
    for group, shape in zip(others, shapes(assistant, others, db, having)):
        if shape is not None and any(d.close(shape, assistant.gap_words, assistant.same_topics) for d in decided):
            out.append(dict(counts[group.key], how="close wording"))
    return sorted(out, key=lambda e: (e["how"] != "this wording", -e["count"], e["key"]))


def _recent_questions(db: Database, limit: int = 5000, days: int = COVERED_DAYS):
    """The `limit` most recently asked distinct questions of the last `days` days: text, asks, last asked, answers."""
    since = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="milliseconds")
    return db.execute(
        "select question, count(*), max(asked_at), sum(answered) from questions where asked_at >= :since "
        "group by question order by max(asked_at) desc limit :limit", {"since": since, "limit": limit})


def _recent_wordings(db: Database) -> list[str]:
    """The review keys of `_recent_questions`, each once."""
    return list(dict.fromkeys(review_key(row[0]) for row in _recent_questions(db)))


# --- linked phrasings in retrieval ------------------------------------------------------------------------------


def phrasings_version(db: Database) -> tuple[int, int]:
    """What the index depends on in the database: the phrasings counter and the policy-version counter."""
    # db.run: checked before every request, so kept off SQLAlchemy's per-statement cost.
    values = dict(db.run("select name, value from counters where name in ('phrasings', 'policy')").fetchall())
    return values.get("phrasings", 0), values.get("policy", 0)


def load_phrasings(db: Database) -> dict[str, list[str]]:
    """Editors' linked phrasings by clause id, oldest first."""
    out: dict[str, list[str]] = {}
    for clause_id, phrasing in db.execute("select clause_id, phrasing from phrasings order by id"):
        out.setdefault(clause_id, []).append(phrasing)
    return out


def load_not_covered(db: Database) -> list[str]:
    """The questions editors marked "not covered by the policy", oldest first."""
    # decided_at alone does not order a batch (its rows share it): review_key does, so every read lists them alike
    # and a worker adds the new ones to those it has (`Assistant.with_editor_gaps`) instead of reading all again.
    return [row[0] for row in db.execute(
        "select text from review_decisions where action = 'not_covered' order by decided_at, review_key")]


def refresh_assistant(app, db: Database) -> bool:
    """Bring `app.extensions["assistant"]` up to date if the linked phrasings, the "not covered" decisions or the
    policy version changed (a rebuild, or only the new decisions: `Assistant.with_editor_gaps`); True if so."""
    version = phrasings_version(db)
    if version == app.extensions.get("phrasings_version"):
        return False
    with _rebuild_lock:
        if version == app.extensions.get("phrasings_version"):
            return False
        from ..platform.policystore import build_assistant

        # Read after the version, so a change in between only costs one more rebuild.
        phrasings, not_covered = load_phrasings(db), load_not_covered(db)
        built_from = (version[1], phrasings)  # the policy version and the linked phrasings the index holds
        current = app.extensions.get("assistant")
        if current is not None and app.extensions.get("assistant_built_from") == built_from:
            # Only "not covered" decisions changed: the index, the model and the lexicons stay as they are.
            app.extensions["assistant"] = current.with_editor_gaps(not_covered)
        else:
            app.extensions["assistant"] = build_assistant(app, db, phrasings, not_covered)
        app.extensions["assistant_built_from"] = built_from
        app.extensions["phrasings_version"] = version
    return True


def _check_phrasings():
    if request.endpoint in (None, "static"):
        return
    app = current_app._get_current_object()
    try:
        refresh_assistant(app, storage.get_db())
    except Exception:
        # Answer with the index we have rather than fail the request.
        log.exception("could not check the linked phrasings; answering with the current index")


def init_app(app) -> None:
    """Use the linked phrasings from the start, and pick up other workers' changes per request."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    db = storage.connect_app(app)
    try:
        if phrasings_version(db) == (0, 0):
            app.extensions["phrasings_version"] = (0, 0)  # nothing linked or published yet: the start-up index is current
            app.extensions["assistant_built_from"] = (0, {})
        else:
            refresh_assistant(app, db)
    finally:
        db.close()
    app.before_request(_check_phrasings)
    app.cli.add_command(review_cli)
