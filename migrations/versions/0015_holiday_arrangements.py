"""The State Council's yearly holiday arrangements, entered by an administrator

Revision ID: 8a2d4c6e1f03
Revises: 5e8c1f3a9b27
Create Date: 2026-12-03 19:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '8a2d4c6e1f03'
down_revision = '5e8c1f3a9b27'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('holiday_arrangements',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_holiday_arrangements_entered_by_id_users')),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_holiday_arrangements'))
    )


def downgrade():
    op.drop_table('holiday_arrangements')
