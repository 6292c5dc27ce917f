"""Collective disputes linked from separate complaints

Revision ID: ef8e2d2c21ef
Revises: 5b1d0c7e9a42
Create Date: 2026-12-01 07:21:06.917207

"""
from alembic import op
import sqlalchemy as sa


revision = 'ef8e2d2c21ef'
down_revision = '5b1d0c7e9a42'
branch_labels = None
depends_on = None


def upgrade():
    # On SQLite a plain ADD COLUMN with its REFERENCES clause, never a batch "move and copy": copying
    # `cases` drops the old table, and with foreign keys on, SQLite's implicit DELETE would cascade to
    # the workers, claims and history of every case.
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # (A downgrade on SQLite leaves the column in place; see there.)
        if 'collective_lead_id' not in {column['name'] for column in sa.inspect(bind).get_columns('cases')}:
            op.execute('ALTER TABLE cases ADD COLUMN collective_lead_id INTEGER '
                       'CONSTRAINT fk_cases_collective_lead_id_cases REFERENCES cases (id)')
    else:
        op.add_column('cases', sa.Column('collective_lead_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_cases_collective_lead_id_cases'), 'cases', 'cases',
                              ['collective_lead_id'], ['id'])
    op.create_index(op.f('ix_cases_collective_lead_id'), 'cases', ['collective_lead_id'], unique=False)
    # The counts of the cases already there are rewritten by the newest migration that changes what
    # is counted (0019 since the place of work), with the application's own counting query.


def downgrade():
    op.drop_index(op.f('ix_cases_collective_lead_id'), table_name='cases')
    if op.get_bind().dialect.name == 'sqlite':
        # The column stays, unused: SQLite drops a column used by a foreign key only by copying the
        # table, and dropping the old `cases` with foreign keys on would cascade-delete every case's
        # workers, claims and history. Links are cleared so the column says nothing stale.
        op.execute('UPDATE cases SET collective_lead_id = NULL')
        return
    op.drop_constraint(op.f('fk_cases_collective_lead_id_cases'), 'cases', type_='foreignkey')
    op.drop_column('cases', 'collective_lead_id')
