"""The schema as the sqlite-utils migrations m001-m071 left it (app/platform/legacy.py).

A SQLite file made before Alembic is brought to m071 by those migrations and then stamped with this revision;
a new database, SQLite or PostgreSQL, is created by it.

Revision ID: 0001
Revises:
Created: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('counters',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('health',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('probed_at', sa.Text(), nullable=True),
    sa.Column('probes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('phrasings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('clause_id', sa.Text(), nullable=False),
    sa.Column('phrasing', sa.Text(), nullable=False),
    sa.Column('review_key', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('policy_versions',
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('effective', sa.Text(), nullable=False),
    sa.Column('published_by', sa.Text(), nullable=False),
    sa.Column('published_at', sa.Text(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ids', sa.Text(), nullable=False),
    sa.Column('successors', sa.Text(), nullable=False),
    sa.Column('report', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('number')
    )
    op.create_table('questions',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('asked_at', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('top_clause', sa.Text(), nullable=True),
    sa.Column('top_score', sa.Float(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('intent', sa.Text(), nullable=True),
    sa.Column('latency_ms', sa.Float(), nullable=True),
    sa.Column('session', sa.Text(), nullable=True),
    sa.Column('channel', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('choice', sa.Text(), nullable=True),
    sa.Column('clarifies', sa.Text(), nullable=True),
    sa.Column('topic', sa.Text(), nullable=True),
    sa.Column('policy_version', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.create_index('idx_questions_answered_confidence', ['answered', 'confidence'], unique=False)
        batch_op.create_index('idx_questions_answered_kind_asked_at', ['answered', 'kind', 'asked_at'], unique=False)
        batch_op.create_index('idx_questions_asked_at', ['asked_at'], unique=False)

    op.create_table('requests',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('type', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), server_default=sa.text("'new'"), nullable=False),
    sa.Column('urgent', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('email', sa.Text(), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('extra', sa.Text(), server_default=sa.text("'{}'"), nullable=True),
    sa.Column('received_at', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=True),
    sa.Column('updated_by', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('question_id', sa.Text(), nullable=True),
    sa.Column('verified', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('verified_at', sa.Text(), nullable=True),
    sa.Column('verified_by', sa.Text(), nullable=True),
    sa.Column('verify_note', sa.Text(), nullable=True),
    sa.Column('language', sa.Text(), server_default=sa.text("'en'"), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('extended_due', sa.Text(), nullable=True),
    sa.Column('extension_reason', sa.Text(), nullable=True),
    sa.Column('extended_at', sa.Text(), nullable=True),
    sa.Column('extended_by', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.create_index('idx_requests_received_at', ['received_at'], unique=False)
        batch_op.create_index('idx_requests_reference', ['reference'], unique=True)
        batch_op.create_index('idx_requests_status_due_date', ['status', 'due_date'], unique=False)
        batch_op.create_index('idx_requests_verified_received_at', ['verified', 'received_at'], unique=False)

    op.create_table('review_decisions',
    sa.Column('review_key', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('clause_id', sa.Text(), nullable=True),
    sa.Column('phrasing_id', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.Text(), nullable=False),
    sa.Column('batch', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('review_key')
    )
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.create_index('idx_review_decisions_action_decided_at', ['action', 'decided_at'], unique=False)
        batch_op.create_index('idx_review_decisions_batch', ['batch'], unique=False)

    op.create_table('review_splits',
    sa.Column('review_key', sa.Text(), nullable=False),
    sa.Column('split_by', sa.Text(), nullable=False),
    sa.Column('split_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('review_key')
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('username', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('password_changed_at', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index('idx_users_username', ['username'], unique=True)

    op.create_table('feedback',
    sa.Column('question_id', sa.Text(), nullable=False),
    sa.Column('helpful', sa.Integer(), nullable=False),
    sa.Column('given_at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], ),
    sa.PrimaryKeyConstraint('question_id')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index('idx_feedback_helpful_question_id', ['helpful', 'question_id'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('to_addr', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('language', sa.Text(), server_default=sa.text("'en'"), nullable=True),
    sa.Column('status', sa.Text(), server_default=sa.text("'queued'"), nullable=False),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('next_attempt_at', sa.Text(), nullable=False),
    sa.Column('claimed_at', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.Text(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('idx_outbox_request_id', ['request_id'], unique=False)
        batch_op.create_index('idx_outbox_status_next_attempt_at', ['status', 'next_attempt_at'], unique=False)

    op.create_table('request_codes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('code_hash', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('used_at', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('request_codes', schema=None) as batch_op:
        batch_op.create_index('idx_request_codes_request_id_purpose_created_at', ['request_id', 'purpose', 'created_at'], unique=False)

    op.create_table('request_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.Text(), nullable=False),
    sa.Column('by', sa.Text(), nullable=False),
    sa.Column('field', sa.Text(), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('public', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.create_index('idx_request_events_request_id_at', ['request_id', 'at'], unique=False)

    op.create_table('staff_sessions',
    sa.Column('token_hash', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('token_hash')
    )
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.create_index('idx_staff_sessions_user_id', ['user_id'], unique=False)


    # The reload counters every worker watches, and the row /healthz writes.
    op.bulk_insert(sa.table("counters", sa.column("name", sa.Text), sa.column("value", sa.Integer)),
                   [{"name": "phrasings", "value": 0}, {"name": "policy", "value": 0}])
    op.bulk_insert(sa.table("health", sa.column("id", sa.Integer), sa.column("probed_at", sa.Text),
                            sa.column("probes", sa.Integer)),
                   [{"id": 1, "probed_at": None, "probes": 0}])

def downgrade() -> None:
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.drop_index('idx_staff_sessions_user_id')

    op.drop_table('staff_sessions')
    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.drop_index('idx_request_events_request_id_at')

    op.drop_table('request_events')
    with op.batch_alter_table('request_codes', schema=None) as batch_op:
        batch_op.drop_index('idx_request_codes_request_id_purpose_created_at')

    op.drop_table('request_codes')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('idx_outbox_status_next_attempt_at')
        batch_op.drop_index('idx_outbox_request_id')

    op.drop_table('outbox')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index('idx_feedback_helpful_question_id')

    op.drop_table('feedback')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('idx_users_username')

    op.drop_table('users')
    op.drop_table('review_splits')
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.drop_index('idx_review_decisions_batch')
        batch_op.drop_index('idx_review_decisions_action_decided_at')

    op.drop_table('review_decisions')
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index('idx_requests_verified_received_at')
        batch_op.drop_index('idx_requests_status_due_date')
        batch_op.drop_index('idx_requests_reference')
        batch_op.drop_index('idx_requests_received_at')

    op.drop_table('requests')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index('idx_questions_asked_at')
        batch_op.drop_index('idx_questions_answered_kind_asked_at')
        batch_op.drop_index('idx_questions_answered_confidence')

    op.drop_table('questions')
    op.drop_table('policy_versions')
    op.drop_table('phrasings')
    op.drop_table('health')
    op.drop_table('counters')
