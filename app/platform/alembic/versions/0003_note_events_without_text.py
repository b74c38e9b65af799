"""A note's text is never kept in the audit trail: 'note' events recorded before this say who and when only.

Before the fix of 2026-11-30, changing a request's notes stored the old and new text of the notes in its
'note' event, so an agent who removed personal data from a note left it behind in `request_events`. The event
now records who and when; this revision empties the text of the events written before.

Revision ID: 0003
Revises: 0002
Created: 2026-11-30
"""

from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE request_events SET old = NULL, new = NULL WHERE field = 'note' "
               "AND (old IS NOT NULL OR new IS NOT NULL)")


def downgrade() -> None:
    pass  # the removed text is gone on purpose; the events themselves stay
