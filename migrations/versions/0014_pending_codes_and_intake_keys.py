"""Access-code resets that keep the old code until the new one is used; one case per complaint form

Revision ID: 5e8c1f3a9b27
Revises: 4d7b2e9a61c3
Create Date: 2026-12-03 19:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '5e8c1f3a9b27'
down_revision = '4d7b2e9a61c3'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN (see 0012): never a batch copy of `cases`, which history and evidence point at.
    op.add_column('cases', sa.Column('pending_access_code_hash', sa.String(length=64), nullable=True))
    op.add_column('cases', sa.Column('intake_key_hash', sa.String(length=64), nullable=True))
    # SQLite cannot add a UNIQUE constraint to a table in place; a unique index is the same rule.
    op.create_index(op.f('uq_cases_intake_key_hash'), 'cases', ['intake_key_hash'], unique=True)


def downgrade():
    op.drop_index(op.f('uq_cases_intake_key_hash'), table_name='cases')
    op.drop_column('cases', 'intake_key_hash')
    op.drop_column('cases', 'pending_access_code_hash')
