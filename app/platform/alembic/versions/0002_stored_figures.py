"""Stored figures of past days, the late changes that outdate them, and the shared review list and its analysis.

`question_days` keeps the dashboard's figures of each day that is over, counted once from the log. Triggers on
`questions` and `feedback` count, by India day, every insert, update or delete of a question asked more than 12
hours before (or of its feedback) in `log_changes`: a late row from the spool, late feedback, a purge. A stored
day whose number of changes differs is counted again. Asks of the last 12 hours write nothing more than before.
`review_boards` holds the review list as last collected, for every worker on every host, and the counter
"review" counts the changes of decisions and split-offs it depends on; `wording_shapes` keeps how each wording
was analysed for it.

Revision ID: 0002
Revises: 0001
Created: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# A change counts as late when the question was asked this long before it: the dashboard stores only days
# that ended at least 24 hours ago, so any later write to them is late, with hours to spare for clock skew.
LATE = "12 hours"

_NOW = "strftime('%Y-%m-%dT%H:%M:%f', 'now', '-{late}')".format(late=LATE)
_BUMP = "ON CONFLICT (day) DO UPDATE SET changes = changes + 1"


def _sqlite_bump_row(row: str) -> str:
    return (f"INSERT INTO log_changes (day, changes) SELECT date({row}.asked_at, '+330 minutes'), 1 "
            f"WHERE {row}.asked_at < {_NOW} {_BUMP};")


def _sqlite_bump_feedback(ids: str) -> str:
    return (f"INSERT INTO log_changes (day, changes) SELECT date(asked_at, '+330 minutes'), 1 FROM questions "
            f"WHERE id IN ({ids}) AND asked_at < {_NOW} {_BUMP};")


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER questions_late_insert AFTER INSERT ON questions WHEN NEW.asked_at < {_NOW} "
    f"BEGIN {_sqlite_bump_row('NEW')} END",
    f"CREATE TRIGGER questions_late_update AFTER UPDATE ON questions "
    f"WHEN OLD.asked_at < {_NOW} OR NEW.asked_at < {_NOW} "
    f"BEGIN {_sqlite_bump_row('OLD')} {_sqlite_bump_row('NEW')} END",
    f"CREATE TRIGGER questions_late_delete AFTER DELETE ON questions WHEN OLD.asked_at < {_NOW} "
    f"BEGIN {_sqlite_bump_row('OLD')} END",
    f"CREATE TRIGGER feedback_late_insert AFTER INSERT ON feedback BEGIN {_sqlite_bump_feedback('NEW.question_id')} END",
    f"CREATE TRIGGER feedback_late_update AFTER UPDATE ON feedback "
    f"BEGIN {_sqlite_bump_feedback('OLD.question_id, NEW.question_id')} END",
    f"CREATE TRIGGER feedback_late_delete AFTER DELETE ON feedback BEGIN {_sqlite_bump_feedback('OLD.question_id')} END",
]

POSTGRESQL_TRIGGERS = [
    """CREATE FUNCTION note_late_change(asked text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF asked < to_char(now() AT TIME ZONE 'UTC' - interval '%s', 'YYYY-MM-DD"T"HH24:MI:SS.MS') THEN
        INSERT INTO log_changes (day, changes)
        VALUES (to_char(asked::timestamptz AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD'), 1)
        ON CONFLICT (day) DO UPDATE SET changes = log_changes.changes + 1;
    END IF;
END $$""" % LATE,
    """CREATE FUNCTION questions_late_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM note_late_change(OLD.asked_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM note_late_change(NEW.asked_at);
    END IF;
    RETURN NULL;
END $$""",
    """CREATE FUNCTION feedback_late_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.question_id <> NEW.question_id) THEN
        PERFORM note_late_change((SELECT asked_at FROM questions WHERE id = OLD.question_id));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM note_late_change((SELECT asked_at FROM questions WHERE id = NEW.question_id));
    END IF;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER questions_late_change AFTER INSERT OR UPDATE OR DELETE ON questions "
    "FOR EACH ROW EXECUTE FUNCTION questions_late_change()",
    "CREATE TRIGGER feedback_late_change AFTER INSERT OR UPDATE OR DELETE ON feedback "
    "FOR EACH ROW EXECUTE FUNCTION feedback_late_change()",
]


def upgrade() -> None:
    op.create_table('log_changes',
    sa.Column('day', sa.Text(), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    op.create_table('question_days',
    sa.Column('day', sa.Text(), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.Column('asked', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('handed_off', sa.Integer(), nullable=False),
    sa.Column('asked_back', sa.Integer(), nullable=False),
    sa.Column('declined', sa.Integer(), nullable=False),
    sa.Column('small_talk', sa.Integer(), nullable=False),
    sa.Column('liked', sa.Integer(), nullable=False),
    sa.Column('disliked', sa.Integer(), nullable=False),
    sa.Column('topics', sa.Text(), nullable=False),
    sa.Column('clauses', sa.Text(), nullable=False),
    sa.Column('counted_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    op.create_table('review_boards',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=False),
    sa.Column('board', sa.LargeBinary(), nullable=False),
    sa.Column('refreshing_since', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('wording_shapes',
    sa.Column('fingerprint', sa.Text(), nullable=False),
    sa.Column('review_key', sa.Text(), nullable=False),
    sa.Column('shape', sa.Text(), nullable=False),
    sa.Column('made_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', 'review_key')
    )
    # Bumped by every change of editors' decisions and split-offs (app/staff/review.py).
    op.execute("INSERT INTO counters (name, value) VALUES ('review', 0)")
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_TRIGGERS if postgresql else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER feedback_late_change ON feedback")
        op.execute("DROP TRIGGER questions_late_change ON questions")
        for function in ("feedback_late_change()", "questions_late_change()", "note_late_change(text)"):
            op.execute(f"DROP FUNCTION {function}")
    else:
        for table in ("questions", "feedback"):
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_late_{event}")
    op.execute("DELETE FROM counters WHERE name = 'review'")
    op.drop_table('wording_shapes')
    op.drop_table('review_boards')
    op.drop_table('question_days')
    op.drop_table('log_changes')
