"""Every table the assistant keeps, as SQLAlchemy Core metadata: one description for SQLite and PostgreSQL.

This is the schema as the Alembic migrations (app/platform/alembic/versions/) leave it; a test compares the
two on both databases. Times are ISO 8601 text in UTC ("2026-11-25T09:38:00.123+00:00"), dates ISO text, flags
integers (0/1), so every query reads the same on both databases.
"""

from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, Table, Text, text)

metadata = MetaData()


def _id() -> Column:
    return Column("id", Integer, primary_key=True, autoincrement=True)


questions = Table(
    "questions", metadata,
    Column("id", Text, primary_key=True),  # question_id returned to the client
    Column("asked_at", Text, nullable=False),
    Column("question", Text, nullable=False),  # redacted before storage
    Column("kind", Text, nullable=False),  # answer, no_answer, smalltalk, ...
    Column("answered", Integer, nullable=False),
    Column("top_clause", Text),
    Column("top_score", Float),
    Column("confidence", Float),
    Column("intent", Text),
    Column("latency_ms", Float),
    Column("session", Text),  # keyed hash of the client's session id, never the id itself
    Column("channel", Text),  # api, page, widget
    Column("reason", Text),  # why it was not answered
    Column("choice", Text),  # the clause a visitor picked from "did you mean"
    Column("clarifies", Text),  # the question that asked back
    Column("topic", Text),  # the question model's likeliest topic
    Column("policy_version", Integer),  # the version whose clause ids the row names
    Index("idx_questions_asked_at", "asked_at"),
    Index("idx_questions_answered_kind_asked_at", "answered", "kind", "asked_at"),
    Index("idx_questions_answered_confidence", "answered", "confidence"),
)

feedback = Table(
    "feedback", metadata,
    Column("question_id", Text, ForeignKey("questions.id"), primary_key=True),
    Column("helpful", Integer, nullable=False),
    Column("given_at", Text, nullable=False),
    Index("idx_feedback_helpful_question_id", "helpful", "question_id"),
)

# Late changes to the question log, by India day: database triggers (migration 0002) count every write to a
# question, or to its feedback, asked more than 12 hours before. A stored day of `question_days` counted at
# another number of changes is out of date.
log_changes = Table(
    "log_changes", metadata,
    Column("day", Text, primary_key=True),  # ISO date, India
    Column("changes", Integer, nullable=False),
)

# The dashboard's figures of days that are over, counted once from the log (app/staff/figures.py).
question_days = Table(
    "question_days", metadata,
    Column("day", Text, primary_key=True),  # ISO date, India
    Column("changes", Integer, nullable=False),  # log_changes.changes of the day when it was counted
    Column("asked", Integer, nullable=False),
    Column("answered", Integer, nullable=False),
    Column("handed_off", Integer, nullable=False),
    Column("asked_back", Integer, nullable=False),
    Column("declined", Integer, nullable=False),
    Column("small_talk", Integer, nullable=False),
    Column("liked", Integer, nullable=False),
    Column("disliked", Integer, nullable=False),
    Column("topics", Text, nullable=False),  # JSON object: topic -> asks
    Column("clauses", Text, nullable=False),  # JSON object: clause id -> answers quoting it
    Column("counted_at", Text, nullable=False),
)

# Rights requests and child's-data reports (app/visitors/intake.py). Never deleted by purges once verified.
requests = Table(
    "requests", metadata,
    _id(),
    Column("reference", Text, nullable=False),  # e.g. "BM-7KQ2-9XHD", unique
    Column("type", Text, nullable=False),
    Column("status", Text, nullable=False, server_default=text("'new'")),
    Column("urgent", Integer, nullable=False, server_default=text("0")),
    Column("name", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("extra", Text, server_default=text("'{}'")),  # JSON object of type-specific fields
    Column("received_at", Text, nullable=False),
    Column("due_date", Text, nullable=False),
    Column("updated_at", Text),
    Column("updated_by", Text),
    Column("notes", Text),
    Column("question_id", Text),  # the ask that handed off, if any
    Column("verified", Integer, nullable=False, server_default=text("0")),
    Column("verified_at", Text),
    Column("verified_by", Text),
    Column("verify_note", Text),
    Column("language", Text, nullable=False, server_default=text("'en'")),
    Column("outcome", Text),  # what the requester is told when it is closed
    Column("extended_due", Text),
    Column("extension_reason", Text),
    Column("extended_at", Text),
    Column("extended_by", Text),
    Column("closed_at", Text),
    Column("submission_key", Text),  # the client's key for one submission: sent twice, stored once (0004)
    Index("idx_requests_reference", "reference", unique=True),
    Index("idx_requests_submission_key", "submission_key", unique=True),
    Index("idx_requests_status_due_date", "status", "due_date"),
    Index("idx_requests_verified_received_at", "verified", "received_at"),
    Index("idx_requests_received_at", "received_at"),
)

users = Table(
    "users", metadata,
    _id(),
    Column("username", Text, nullable=False),  # case-folded
    Column("role", Text, nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("created_at", Text, nullable=False),
    Column("password_changed_at", Text),
    Index("idx_users_username", "username", unique=True),
)

# One row per signed-in browser: the cookie carries a random token, this table its hash.
staff_sessions = Table(
    "staff_sessions", metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", Text, nullable=False),
    Index("idx_staff_sessions_user_id", "user_id"),
)

# Who changed what on a rights request, and when. `public`: shown to the requester on the status page.
request_events = Table(
    "request_events", metadata,
    _id(),
    Column("request_id", Integer, ForeignKey("requests.id"), nullable=False),
    Column("at", Text, nullable=False),
    Column("by", Text, nullable=False),  # a reserved word in PostgreSQL: always write it "by" in SQL
    Column("field", Text, nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("public", Integer, nullable=False, server_default=text("0")),
    Column("reason", Text),
    Index("idx_request_events_request_id_at", "request_id", "at"),
)

# Alternate phrasings linked by editors; retrieval indexes them with their clause.
phrasings = Table(
    "phrasings", metadata,
    _id(),
    Column("clause_id", Text, nullable=False),
    Column("phrasing", Text, nullable=False),
    Column("review_key", Text),
    Column("created_by", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

# What an editor decided about a (normalised) question: linked, dismissed, not_covered.
review_decisions = Table(
    "review_decisions", metadata,
    Column("review_key", Text, primary_key=True),
    Column("action", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("clause_id", Text),
    Column("phrasing_id", Integer),
    Column("count", Integer),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", Text, nullable=False),
    Column("batch", Text),  # one editor action on a cluster; undo undoes the batch
    Index("idx_review_decisions_batch", "batch"),
    Index("idx_review_decisions_action_decided_at", "action", "decided_at"),
)

review_splits = Table(
    "review_splits", metadata,
    Column("review_key", Text, primary_key=True),
    Column("split_by", Text, nullable=False),
    Column("split_at", Text, nullable=False),
)

# The review list as last collected (app/staff/review.py), shared by every worker on every host: the state of
# decisions, splits and the assistant it was collected for, and the board itself (zlib-compressed JSON).
review_boards = Table(
    "review_boards", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # one row: 1
    Column("state", Text, nullable=False),
    Column("made_at", Text, nullable=False),
    Column("board", LargeBinary, nullable=False),
    Column("refreshing_since", Text),  # a worker collecting a fresh one (taken with an UPDATE, one at a time)
)

# How the review list's analysis reads each wording (app/staff/review.py `shapes`), for every worker and after a
# restart: per `fingerprint` of what the analysis depends on (the policy, linked phrasings, the topic model).
wording_shapes = Table(
    "wording_shapes", metadata,
    Column("fingerprint", Text, primary_key=True),
    Column("review_key", Text, primary_key=True),
    Column("shape", Text, nullable=False),  # JSON: [stem weights, topic probabilities, likeliest topic]
    Column("made_at", Text, nullable=False),
)

# Monotonic counters: "phrasings" and "policy" tell every worker on every host when to reload.
counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Integer, nullable=False),
)

# One row /healthz updates to prove a write commits now.
health = Table(
    "health", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("probed_at", Text),
    Column("probes", Integer, nullable=False),
)

# One-time codes, stored only as a keyed hash. purpose: verify (the address) or status (a status lookup).
request_codes = Table(
    "request_codes", metadata,
    _id(),
    Column("request_id", Integer, ForeignKey("requests.id"), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("code_hash", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("used_at", Text),
    Index("idx_request_codes_request_id_purpose_created_at", "request_id", "purpose", "created_at"),
)

# Messages waiting for the mail worker (flask mail send). status: queued, sending, sent, failed.
outbox = Table(
    "outbox", metadata,
    _id(),
    Column("kind", Text, nullable=False),
    Column("request_id", Integer, ForeignKey("requests.id")),
    Column("to_addr", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("body_text", Text, nullable=False),
    Column("body_html", Text),
    Column("language", Text, server_default=text("'en'")),
    Column("status", Text, nullable=False, server_default=text("'queued'")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("created_at", Text, nullable=False),
    Column("next_attempt_at", Text, nullable=False),
    Column("claimed_at", Text),
    Column("sent_at", Text),
    Column("last_error", Text),
    Index("idx_outbox_status_next_attempt_at", "status", "next_attempt_at"),
    Index("idx_outbox_request_id", "request_id"),
)

# Every published text of the policy, never changed once written.
policy_versions = Table(
    "policy_versions", metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("effective", Text, nullable=False),  # ISO date (India)
    Column("published_by", Text, nullable=False),
    Column("published_at", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("text", Text, nullable=False),  # the Markdown source, verbatim
    Column("ids", Text, nullable=False),  # JSON list: the lasting id of each clause
    Column("successors", Text, nullable=False),  # JSON object: previous ids -> ids here
    Column("report", Text),  # JSON: the publish check's report
)

# Tables in an order that respects foreign keys (copying, counting, checksums); log_changes last, since the
# triggers on questions and feedback write it.
TABLES = tuple(t for t in metadata.sorted_tables if t is not log_changes) + (log_changes,)
