"""A saved assessment keeps whether it decided or could not tell yet, why, and the questions still open

Revision ID: 3b7e9d2c5a18
Revises: 8a2d4c6e1f03
Create Date: 2026-12-03 20:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '3b7e9d2c5a18'
down_revision = '8a2d4c6e1f03'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN (see 0012). Runs saved before this were decided runs: the default says so.
    op.add_column('case_assessments', sa.Column('status', sa.String(length=16), server_default='decided',
                                                nullable=False))
    op.add_column('case_assessments', sa.Column('status_reason', sa.Text(), nullable=True))
    op.add_column('case_assessments', sa.Column('questions', sa.JSON(), nullable=True))


def downgrade():
    op.drop_column('case_assessments', 'questions')
    op.drop_column('case_assessments', 'status_reason')
    op.drop_column('case_assessments', 'status')
