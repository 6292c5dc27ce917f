"""A case records the place of work to the county (GB/T 2260 code from the places package)

Revision ID: 5c1f8e3a9d27
Revises: 3b7e9d2c5a18
Create Date: 2026-12-04 06:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '5c1f8e3a9d27'
down_revision = '3b7e9d2c5a18'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN (see 0012); cases filed before have no place, and say so.
    op.add_column('cases', sa.Column('place_code', sa.String(length=6), nullable=True))


def downgrade():
    op.drop_column('cases', 'place_code')
