"""The sqlite-utils migrations (m001-m071) that built SQLite databases before Alembic took over.

They are kept, unchanged, for one job: a SQLite file made by an earlier version of the assistant is brought up
to m071 by them, then stamped with Alembic's baseline revision (0001, the same schema), and Alembic carries it on
from there (app/platform/db.py, migrate). New databases, SQLite or PostgreSQL, never run them. Never add one here:
schema changes are Alembic revisions in app/platform/alembic/versions/.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("policy_assistant")


@migrations()
def m001_questions(db: Database):
    db["questions"].create(
        {
            "id": str,  # question_id returned to the client
            "asked_at": str,  # ISO 8601, UTC
            "question": str,  # redacted before storage
            "kind": str,  # answer, no_answer, smalltalk
            "answered": int,
            "top_clause": str,
            "top_score": float,
            "confidence": float,
            "intent": str,
            "latency_ms": float,
            "session": str,  # keyed hash of the client's session id, never the id itself
            "channel": str,  # api, page
        },
        pk="id",
        not_null={"asked_at", "question", "kind", "answered"},
    )
    db["questions"].create_index(["asked_at"])


@migrations()
def m002_feedback(db: Database):
    db["feedback"].create(
        {"question_id": str, "helpful": int, "given_at": str},
        pk="question_id",
        foreign_keys=[("question_id", "questions", "id")],
        not_null={"helpful", "given_at"},
    )


@migrations()
def m003_requests(db: Database):
    # Rights requests and child's-data reports (see intake). Never deleted by purges.
    db["requests"].create(
        {
            "id": int,
            "reference": str,  # human-friendly, unique, e.g. "BM-7KQ2-9XHD"
            "type": str,  # access, portability, correction, deletion, objection, marketing_opt_out, child_data
            "status": str,  # new, in progress, waiting for requester, done, refused
            "urgent": int,  # 1 for child's-data reports
            "name": str,
            "email": str,
            "details": str,
            "extra": str,  # JSON object of type-specific fields (child_age, relationship, ...)
            "received_at": str,  # ISO 8601, UTC
            "due_date": str,  # ISO date: min(received + 30 days, received + 1 calendar month)
            "updated_at": str,
            "updated_by": str,
            "notes": str,
            "question_id": str,  # the ask that handed off, if any
        },
        pk="id",
        not_null={"reference", "type", "status", "urgent", "name", "email", "details", "received_at", "due_date"},
        defaults={"status": "new", "urgent": 0, "extra": "{}"},
    )
    db["requests"].create_index(["reference"], unique=True)
    db["requests"].create_index(["status", "due_date"])


# Staff side (issue 4): migrations m010+ so they never clash with other areas' names.
@migrations()
def m010_users(db: Database):
    # Staff accounts. Usernames are stored case-folded; passwords only as argon2id hashes.
    db["users"].create(
        {"id": int, "username": str, "role": str, "password_hash": str, "created_at": str,
         "password_changed_at": str},
        pk="id",
        not_null={"username", "role", "password_hash", "created_at"},
    )
    db["users"].create_index(["username"], unique=True)
    # One row per signed-in browser: the cookie carries a random token, this table its
    # hash. Deleting the row (logout, password change) makes the cookie worthless.
    db["staff_sessions"].create(
        {"token_hash": str, "user_id": int, "created_at": str},
        pk="token_hash",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "created_at"},
    )
    db["staff_sessions"].create_index(["user_id"])


@migrations()
def m011_request_events(db: Database):
    # Who changed what on a rights request, and when (the queue's history).
    db["request_events"].create(
        {"id": int, "request_id": int, "at": str, "by": str, "field": str, "old": str, "new": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"request_id", "at", "by", "field"},
    )
    db["request_events"].create_index(["request_id", "at"])


@migrations()
def m012_review(db: Database):
    # Alternate phrasings linked by editors; retrieval indexes them with their clause.
    db["phrasings"].create(
        {"id": int, "clause_id": str, "phrasing": str, "review_key": str, "created_by": str, "created_at": str},
        pk="id",
        not_null={"clause_id", "phrasing", "created_by", "created_at"},
    )
    # What an editor decided about a (normalised) question: linked, dismissed, not_covered.
    db["review_decisions"].create(
        {"review_key": str, "action": str, "text": str, "clause_id": str, "phrasing_id": int,
         "count": int, "decided_by": str, "decided_at": str},
        pk="review_key",
        not_null={"action", "text", "decided_by", "decided_at"},
    )
    # Monotonic counters; "phrasings" tells every worker when to rebuild its index.
    db["counters"].create({"name": str, "value": int}, pk="name", not_null={"value"})
    db["counters"].insert({"name": "phrasings", "value": 0})


# Answering (issue 11): migrations m020+.
@migrations()
def m020_question_outcomes(db: Database):
    # Why a question was not answered, which clause a visitor picked from "did you mean ...",
    # and the question that asked back; the question model's likeliest topic.
    db["questions"].add_column("reason", str)
    db["questions"].add_column("choice", str)
    db["questions"].add_column("clarifies", str)
    db["questions"].add_column("topic", str)


# Health (issue 12): migrations m030+.
@migrations()
def m030_health(db: Database):
    # One row that /healthz updates (at most once a second per worker) to prove a write commits now.
    db["health"].create({"id": int, "probed_at": str, "probes": int}, pk="id", not_null={"probes"})
    db["health"].insert({"id": 1, "probed_at": None, "probes": 0})


# Mail and verification (issue 14, part A): migrations m050+.
@migrations()
def m050_verification_and_outbox(db: Database):
    # A request is stored at once, unverified, until the requester proves the address (code or link),
    # or an agent marks it verified by other means (verified_by their username, verify_note the reason).
    # Requests stored before this migration were accepted without it and count as verified.
    db["requests"].add_column("verified", int, not_null_default=0)
    db["requests"].add_column("verified_at", str)
    db["requests"].add_column("verified_by", str)
    db["requests"].add_column("verify_note", str)
    db["requests"].add_column("language", str, not_null_default="en")
    # What the requester is told when the request is closed (done or refused): mailed and shown on the
    # status page, unlike the staff-only notes.
    db["requests"].add_column("outcome", str)
    db.execute("update requests set verified = 1, verified_by = 'system', verify_note = 'received before e-mail "
               "verification existed'")
    db["requests"].create_index(["verified", "received_at"])
    # One-time codes, stored only as a keyed hash. purpose: verify (the address) or status (a status lookup).
    db["request_codes"].create(
        {"id": int, "request_id": int, "purpose": str, "code_hash": str, "created_at": str, "expires_at": str,
         "attempts": int, "used_at": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"request_id", "purpose", "code_hash", "created_at", "expires_at", "attempts"},
        defaults={"attempts": 0},
    )
    db["request_codes"].create_index(["request_id", "purpose", "created_at"])
    # Messages waiting for the mail worker (flask mail send), and what became of them.
    # status: queued, sending (claimed by a worker), sent, failed (gave up; agents see it).
    db["outbox"].create(
        {"id": int, "kind": str, "request_id": int, "to_addr": str, "subject": str, "body_text": str,
         "body_html": str, "language": str, "status": str, "attempts": int, "created_at": str,
         "next_attempt_at": str, "claimed_at": str, "sent_at": str, "last_error": str},
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
        not_null={"kind", "to_addr", "subject", "body_text", "status", "attempts", "created_at", "next_attempt_at"},
        defaults={"status": "queued", "attempts": 0, "language": "en"},
    )
    db["outbox"].create_index(["status", "next_attempt_at"])
    db["outbox"].create_index(["request_id"])


# A request's life (issue 14, part B): migrations m055+.
@migrations()
def m055_request_lifecycle(db: Database):
    # An extension (GDPR Art. 12(3)): once, by up to two months, with the reason the requester is told.
    for column in ("extended_due", "extension_reason", "extended_at", "extended_by"):
        db["requests"].add_column(column, str)
    # When the request was last closed (done or refused), for the public record's "days to close" and "on time".
    db["requests"].add_column("closed_at", str)
    # `public`: the requester may see this event on the status page (received, verified, extended, closed);
    # `reason`: the words shown with it (an extension's or a refusal's reason). Never internal notes.
    db["request_events"].add_column("public", int, not_null_default=0)
    db["request_events"].add_column("reason", str)
    db.execute("update request_events set field = 'note' where field = 'notes'")
    db.execute("update request_events set public = 1 where field = 'status' and new in ('done', 'refused')")
    # Requests stored before events existed get the event that opened them, so every trail starts there.
    db.execute("insert into request_events (request_id, at, by, field, new, public) "
               "select id, received_at, 'requester', 'created', type, 1 from requests where not exists "
               "(select 1 from request_events e where e.request_id = requests.id and e.field = 'created')")
    db.execute("update requests set closed_at = coalesce(updated_at, received_at) "
               "where status in ('done', 'refused') and closed_at is null")
    db["requests"].create_index(["received_at"])


# Editors' insight (issue 15): migrations m060+.
@migrations()
def m060_review_batches(db: Database):
    # One editor action on a cluster decides each of its wordings; they share a batch id, and undo undoes them all.
    db["review_decisions"].add_column("batch", str)
    db["review_decisions"].create_index(["batch"])
    db["review_decisions"].create_index(["action", "decided_at"])


@migrations()
def m061_review_splits(db: Database):
    # Wordings an editor split off their cluster: each is reviewed on its own until rejoined.
    db["review_splits"].create({"review_key": str, "split_by": str, "split_at": str}, pk="review_key",
                               not_null={"split_by", "split_at"})


@migrations()
def m062_insight_indexes(db: Database):
    # The review list reads the questions needing review (not answered, asked back, unsure answers) and the
    # dashboard counts by day: both without a scan of a large log.
    db["questions"].create_index(["answered", "kind", "asked_at"])
    db["questions"].create_index(["answered", "confidence"])
    db["feedback"].create_index(["helpful", "question_id"])


# Policy versions (issue 16): migrations m070+.
@migrations()
def m070_policy_versions(db: Database):
    # Every published text of the policy, never changed once written. Version 1 is recorded from
    # corpus/privacy-policy.md at the first start (app/platform/policystore.py).
    db["policy_versions"].create(
        {
            "number": int,
            "effective": str,  # ISO date the version takes effect (India)
            "published_by": str,
            "published_at": str,  # ISO 8601, UTC
            "sha256": str,  # of the text, as UTF-8
            "text": str,  # the Markdown source, verbatim
            "ids": str,  # JSON list: the lasting id of each clause, in document order (app/engine/lineage.py)
            "successors": str,  # JSON object: previous version's clause id -> ids here that carry it on
            "report": str,  # JSON: the publish check's report, as stored with the version
        },
        pk="number",
        not_null={"effective", "published_by", "published_at", "sha256", "text", "ids", "successors"},
    )
    # Goes up with every publish: each worker reloads the version in force before its next request.
    db["counters"].insert({"name": "policy", "value": 0}, ignore=True)


@migrations()
def m071_question_policy_version(db: Database):
    # The policy version a question was answered from: its clause ids are that version's.
    db["questions"].add_column("policy_version", int)
