"""The English of a saved assessment: its explanation and the reason it cannot tell yet

The assessment writes each sentence in Chinese and English (casebase.wording); a saved run keeps both,
so the case page shows it in the reader's language. Runs saved before this revision have Chinese only
and are shown as saved.

Revision ID: 7a4f0c93d1e5
Revises: 5d2e8a41c7b3
Create Date: 2026-12-07 23:30:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '7a4f0c93d1e5'
down_revision = '5d2e8a41c7b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('case_assessments') as batch_op:
        batch_op.add_column(sa.Column('explanation_en', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('status_reason_en', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('case_assessments') as batch_op:
        batch_op.drop_column('status_reason_en')
        batch_op.drop_column('explanation_en')
