"""Indexes for a million cases: the members of collective disputes, and the unassigned queue

The index on cases.collective_lead_id now covers only the cases where a lead is set. Almost every case
has no lead, and SQLite's statistics (ANALYZE) then rate the full index as useless:
every value "matches" a million rows. At a million cases the case page, which joins the members of a
collective dispute, had SQLite build an automatic index on each request (1.8 s). Indexing only the
cases that have a lead keeps the statistics true on both databases.

The unassigned queue (a region's submitted cases with no mediator) gets an index of its own: SQLite
read the mostly-NULL mediator index for it and looked up every unassigned case of every region
(16 ms for the scope's count, 10 ms for its last page; 0.1 ms each with this index).

Revision ID: 5d2e8a41c7b3
Revises: 3b1c4d2e9f70
Create Date: 2026-12-07 07:20:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '5d2e8a41c7b3'
down_revision = '3b1c4d2e9f70'
branch_labels = None
depends_on = None

WHERE = sa.text('collective_lead_id IS NOT NULL')
UNASSIGNED = ['region_code', 'state', 'mediator_id', 'priority', 'next_due_on', 'id']


def upgrade():
    op.drop_index('ix_cases_collective_lead_id', table_name='cases')
    op.create_index('ix_cases_collective_lead_id', 'cases', ['collective_lead_id'], unique=False,
                    sqlite_where=WHERE, postgresql_where=WHERE)
    op.create_index('ix_cases_queue_unassigned', 'cases', UNASSIGNED, unique=False)
    _give_new_indexes_statistics()


def _give_new_indexes_statistics():
    """On a SQLite database that has been analysed, analyse the new indexes too: the planner weighs
    an index without statistics against the others' and kept the mediator index for the unassigned
    queue. (A database never analysed is planned by rules that already prefer the longer match;
    PostgreSQL keeps statistics per column, which the new indexes share.)"""
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is None:
        return
    for index in ('ix_cases_queue_unassigned', 'ix_cases_collective_lead_id'):
        bind.exec_driver_sql(f'ANALYZE {index}')


def downgrade():
    op.drop_index('ix_cases_queue_unassigned', table_name='cases')
    op.drop_index('ix_cases_collective_lead_id', table_name='cases')
    op.create_index('ix_cases_collective_lead_id', 'cases', ['collective_lead_id'], unique=False)
