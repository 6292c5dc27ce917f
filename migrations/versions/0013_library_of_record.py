"""Typical cases as a library of record: source URL and date, arrangement, factor evidence, instances;
the designated-driver occupation

Revision ID: 4d7b2e9a61c3
Revises: 9c4a7e21b3d5
Create Date: 2026-12-03 08:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '4d7b2e9a61c3'
down_revision = '9c4a7e21b3d5'
branch_labels = None
depends_on = None

OCCUPATIONS_BEFORE = ('delivery_rider', 'ride_hailing_driver', 'truck_driver', 'courier', 'live_streamer',
                      'domestic_worker', 'other')
OCCUPATIONS_AFTER = ('delivery_rider', 'ride_hailing_driver', 'truck_driver', 'courier', 'live_streamer',
                     'domestic_worker', 'designated_driver', 'other')


def _occupation_check(keys):
    return "occupation IN (" + ", ".join(f"'{key}'" for key in keys) + ")"


def upgrade():
    # New columns as plain ADD COLUMN (existing rows: empty lists and maps, no URL or date).
    op.add_column('typical_cases', sa.Column('source_date', sa.String(length=10), nullable=True))
    op.add_column('typical_cases', sa.Column('source_date_note', sa.String(length=500), nullable=True))
    op.add_column('typical_cases', sa.Column('source_url', sa.String(length=1000), nullable=True))
    op.add_column('typical_cases', sa.Column('source_also_reported_at', sa.JSON(), nullable=False,
                                             server_default='[]'))
    op.add_column('typical_cases', sa.Column('arrangement', sa.String(length=32), nullable=True))
    op.add_column('typical_cases', sa.Column('factor_evidence', sa.JSON(), nullable=False, server_default='{}'))
    op.add_column('typical_cases', sa.Column('instances', sa.JSON(), nullable=False, server_default='[]'))
    # A draft may lack a year. On SQLite this copies typical_cases, which no table references.
    with op.batch_alter_table('typical_cases', schema=None) as batch_op:
        batch_op.alter_column('source_also_reported_at', server_default=None)
        batch_op.alter_column('factor_evidence', server_default=None)
        batch_op.alter_column('instances', server_default=None)
        batch_op.alter_column('source_year', existing_type=sa.Integer(), nullable=True)
    # The glossary's new occupation key. On SQLite this copies workers, which no table references.
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_workers_occupation'), type_='check')
        batch_op.create_check_constraint(op.f('ck_workers_occupation'), _occupation_check(OCCUPATIONS_AFTER))


def downgrade():
    op.execute("UPDATE workers SET occupation = 'other' WHERE occupation = 'designated_driver'")
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_workers_occupation'), type_='check')
        batch_op.create_check_constraint(op.f('ck_workers_occupation'), _occupation_check(OCCUPATIONS_BEFORE))
    op.execute("UPDATE typical_cases SET occupation = 'other' WHERE occupation = 'designated_driver'")
    # A draft without a year gets 0, the old schema's "unknown"; it cannot be published anyway.
    op.execute("UPDATE typical_cases SET source_year = 0 WHERE source_year IS NULL")
    with op.batch_alter_table('typical_cases', schema=None) as batch_op:
        batch_op.alter_column('source_year', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('instances')
        batch_op.drop_column('factor_evidence')
        batch_op.drop_column('arrangement')
        batch_op.drop_column('source_also_reported_at')
        batch_op.drop_column('source_url')
        batch_op.drop_column('source_date_note')
        batch_op.drop_column('source_date')
