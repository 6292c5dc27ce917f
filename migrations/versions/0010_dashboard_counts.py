"""Dashboard counts kept with the cases

Revision ID: 5b1d0c7e9a42
Revises: 40c546786867
Create Date: 2026-11-29 02:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5b1d0c7e9a42'
down_revision = '40c546786867'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'dashboard_counts',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('region_code', sa.String(length=12), nullable=False),
        sa.Column('organisation_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('measure', sa.String(length=40), nullable=False),
        sa.Column('value', sa.String(length=128), nullable=False),
        sa.Column('cases', sa.BigInteger(), nullable=False),
        sa.Column('cents', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('day', 'region_code', 'organisation_id', 'measure', 'value', name=op.f('pk_dashboard_counts')),
    )
    # The cases already there are counted by the newest migration (0011 now): the counting query is
    # the application's own, and it reads columns that later migrations add.


def downgrade():
    op.drop_table('dashboard_counts')
