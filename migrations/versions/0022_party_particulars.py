"""The parties' particulars an arbitration application states (调解仲裁法第二十八条第二款第一项):
the worker's 住所; the employer's 住所 and its legal representative's or principal's name and 职务

All optional: cases filed before this revision have none, and a worker often does not know the
employer's.

Revision ID: 3b1c4d2e9f70
Revises: 8e6df9ead03f
Create Date: 2026-12-07 02:10:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '3b1c4d2e9f70'
down_revision = '8e6df9ead03f'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workers') as batch_op:
        batch_op.add_column(sa.Column('address', sa.String(length=200), nullable=True))
    with op.batch_alter_table('respondents') as batch_op:
        batch_op.add_column(sa.Column('address', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('legal_representative', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('legal_representative_title', sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table('respondents') as batch_op:
        batch_op.drop_column('legal_representative_title')
        batch_op.drop_column('legal_representative')
        batch_op.drop_column('address')
    with op.batch_alter_table('workers') as batch_op:
        batch_op.drop_column('address')
