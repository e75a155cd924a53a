"""indexes for the newest and the featured public postings

Revision ID: 3c1f7a9d2b64
Revises: 826f94bd652c
Create Date: 2026-11-25 00:10:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '3c1f7a9d2b64'
down_revision = '826f94bd652c'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.create_index('ix_postings_status_published', ['status', 'published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_postings_featured_until'), ['featured_until'], unique=False)


def downgrade():
    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_postings_featured_until'))
        batch_op.drop_index('ix_postings_status_published')
