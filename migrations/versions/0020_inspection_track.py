"""The labour-inspection track, and inspectors and the inspectorate among the roles and kinds

Matters, their append-only history, their links to disputes and their yearly numbering; the users'
roles gain the inspector and the head of the labour administration, the organisations' kinds the
labour inspectorate.

Revision ID: e2f2e80e4141
Revises: 9b4d2f6e8a13
Create Date: 2026-12-05 01:06:44.650621

"""
from alembic import op
import sqlalchemy as sa

from disputes.models.history import append_only_ddl

# The vocabularies as they stand at this revision, written out so that the migration never changes
# when the glossary grows (a later vocabulary change is a later migration).
ROLES_BEFORE = ('worker', 'mediator', 'arbitrator', 'legal_aid', 'admin')
ROLES_AFTER = ROLES_BEFORE + ('inspector', 'inspection_head')
KINDS_BEFORE = ('mediation_body', 'arbitration_commission', 'legal_aid_centre', 'union')
KINDS_AFTER = KINDS_BEFORE + ('labour_inspectorate',)


def _in(column, values):
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def _replace_check(table, name, column, values):
    # On SQLite the batch recreates the table; env.py turns foreign keys off around migrations so
    # that the tables pointing at users and organisations keep their rows (and checks them after).
    with op.batch_alter_table(table) as batch_op:
        batch_op.drop_constraint(op.f(name), type_="check")
        batch_op.create_check_constraint(name.removeprefix(f"ck_{table}_"), _in(column, values))


# revision identifiers, used by Alembic.
revision = 'e2f2e80e4141'
down_revision = '9b4d2f6e8a13'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('inspection_number_counters',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_inspection_number_counters'))
    )
    op.create_table('inspection_matters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_no', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('access_code_hash', sa.String(length=64), nullable=True),
    sa.Column('intake_key_hash', sa.String(length=64), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('filer_id', sa.Integer(), nullable=True),
    sa.Column('complainant_name', sa.String(length=64), nullable=True),
    sa.Column('complainant_phone', sa.String(length=32), nullable=True),
    sa.Column('employer_name', sa.String(length=128), nullable=False),
    sa.Column('employer_code', sa.String(length=18), nullable=True),
    sa.Column('platform', sa.String(length=128), nullable=True),
    sa.Column('region_code', sa.String(length=12), nullable=False),
    sa.Column('place_code', sa.String(length=6), nullable=True),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('claim_kinds', sa.JSON(), nullable=False),
    sa.Column('amount_owed', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('months_owed', sa.Integer(), nullable=True),
    sa.Column('worker_count', sa.Integer(), nullable=False),
    sa.Column('violation_on', sa.Date(), nullable=True),
    sa.Column('violation_ended_on', sa.Date(), nullable=True),
    sa.Column('violation_continuing', sa.Boolean(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("channel = 'report' OR NOT anonymous", name=op.f('ck_inspection_matters_complaint_not_anonymous')),
    sa.CheckConstraint("channel IN ('complaint', 'report')", name=op.f('ck_inspection_matters_channel')),
    sa.CheckConstraint("state IN ('received', 'not_accepted', 'investigating', 'ordered', 'complied', 'penalised', 'transferred', 'criminal_case', 'police_declined', 'case_cancelled', 'closed')", name=op.f('ck_inspection_matters_state')),
    sa.CheckConstraint('NOT anonymous OR (filer_id IS NULL AND complainant_name IS NULL AND complainant_phone IS NULL)', name=op.f('ck_inspection_matters_anonymous_names_nobody')),
    sa.ForeignKeyConstraint(['filer_id'], ['users.id'], name=op.f('fk_inspection_matters_filer_id_users')),
    sa.ForeignKeyConstraint(['inspector_id'], ['users.id'], name=op.f('fk_inspection_matters_inspector_id_users')),
    sa.ForeignKeyConstraint(['region_code'], ['regions.code'], name=op.f('fk_inspection_matters_region_code_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_matters')),
    sa.UniqueConstraint('matter_no', name=op.f('uq_inspection_matters_matter_no'))
    )
    with op.batch_alter_table('inspection_matters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_matters_employer_code'), ['employer_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_matters_filer_id'), ['filer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_matters_inspector_id'), ['inspector_id'], unique=False)
        batch_op.create_index('ix_inspection_matters_queue', ['region_code', 'state', 'received_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_matters_received_on'), ['received_on'], unique=False)
        batch_op.create_index('uq_inspection_matters_intake_key_hash', ['intake_key_hash'], unique=True)

    op.create_table('case_inspection_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=16), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('linked_on', sa.Date(), nullable=False),
    sa.Column('linked_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("choice IN ('dispute', 'complaint', 'both')", name=op.f('ck_case_inspection_links_choice')),
    sa.CheckConstraint("origin IN ('filed_together', 'linked_later')", name=op.f('ck_case_inspection_links_origin')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_inspection_links_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['linked_by_id'], ['users.id'], name=op.f('fk_case_inspection_links_linked_by_id_users')),
    sa.ForeignKeyConstraint(['matter_id'], ['inspection_matters.id'], name=op.f('fk_case_inspection_links_matter_id_inspection_matters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_inspection_links')),
    sa.UniqueConstraint('case_id', 'matter_id', name='case_matter')
    )
    with op.batch_alter_table('case_inspection_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_inspection_links_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_inspection_links_matter_id'), ['matter_id'], unique=False)

    op.create_table('inspection_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=64), nullable=False),
    sa.Column('event', sa.String(length=40), nullable=False),
    sa.Column('from_state', sa.String(length=32), nullable=True),
    sa.Column('to_state', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_inspection_events_actor_id_users')),
    sa.ForeignKeyConstraint(['matter_id'], ['inspection_matters.id'], name=op.f('fk_inspection_events_matter_id_inspection_matters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_events')),
    sa.UniqueConstraint('matter_id', 'seq', name='matter_seq')
    )
    for statement in append_only_ddl(op.get_bind().dialect.name, "inspection_events", "inspection history"):
        op.execute(statement)
    _replace_check("users", "ck_users_role", "role", ROLES_AFTER)
    _replace_check("organisations", "ck_organisations_kind", "kind", KINDS_AFTER)


def downgrade():
    op.execute("DELETE FROM users WHERE role IN ('inspector', 'inspection_head')")
    op.execute("DELETE FROM organisations WHERE kind = 'labour_inspectorate'")
    _replace_check("organisations", "ck_organisations_kind", "kind", KINDS_BEFORE)
    _replace_check("users", "ck_users_role", "role", ROLES_BEFORE)
    op.drop_table('inspection_events')
    with op.batch_alter_table('case_inspection_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_inspection_links_matter_id'))
        batch_op.drop_index(batch_op.f('ix_case_inspection_links_case_id'))

    op.drop_table('case_inspection_links')
    with op.batch_alter_table('inspection_matters', schema=None) as batch_op:
        batch_op.drop_index('uq_inspection_matters_intake_key_hash')
        batch_op.drop_index(batch_op.f('ix_inspection_matters_received_on'))
        batch_op.drop_index('ix_inspection_matters_queue')
        batch_op.drop_index(batch_op.f('ix_inspection_matters_inspector_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_matters_filer_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_matters_employer_code'))

    op.drop_table('inspection_matters')
    op.drop_table('inspection_number_counters')
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS inspection_events_append_only()")
