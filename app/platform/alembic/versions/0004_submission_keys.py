"""A submission sent twice is stored once: `requests.submission_key`, unique where given.

The request form and the widget send a random key with each submission (and the API accepts one): a browser
or client that sends the same submission again (a double click, a retry after a connection closed with no
answer) gets the request already stored, not a second one.

Revision ID: 0004
Revises: 0003
Created: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submission_key', sa.Text(), nullable=True))
        batch_op.create_index('idx_requests_submission_key', ['submission_key'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_index('idx_requests_submission_key')
        batch_op.drop_column('submission_key')
