"""Employers' compliance ratings (企业劳动保障守法诚信等级评价) and the objections to them

One rating in force per employer, region and record year (a partial unique index: the superseded
ratings of the trail stay beside it), and one objection in time per rating. The grades, states and
outcomes are written out as they stand at this revision, so the migration never changes with them.

Revision ID: 8e6df9ead03f
Revises: e2f2e80e4141
Create Date: 2026-12-06 21:38:30.141822

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '8e6df9ead03f'
down_revision = 'e2f2e80e4141'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('compliance_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_key', sa.String(length=128), nullable=False),
    sa.Column('employer_name', sa.String(length=128), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('region_code', sa.String(length=12), nullable=False),
    sa.Column('period_year', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=1), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('rules_version', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('rated_on', sa.Date(), nullable=False),
    sa.Column('rated_by_id', sa.Integer(), nullable=True),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("(origin = 'rating') = (previous_id IS NULL)", name=op.f('ck_compliance_ratings_origin_has_previous')),
    sa.CheckConstraint("grade IN ('A', 'B', 'C')", name=op.f('ck_compliance_ratings_grade')),
    sa.CheckConstraint("origin IN ('rating', 'review', 'adjustment')", name=op.f('ck_compliance_ratings_origin')),
    sa.CheckConstraint("state IN ('rated', 'notified', 'under_review', 'reviewed', 'superseded')", name=op.f('ck_compliance_ratings_state')),
    sa.CheckConstraint("notified_on IS NOT NULL OR state IN ('rated', 'superseded')", name=op.f('ck_compliance_ratings_notified_unless_rated')),
    sa.CheckConstraint("state <> 'rated' OR notified_on IS NULL", name=op.f('ck_compliance_ratings_rated_not_yet_notified')),
    sa.CheckConstraint('notified_on IS NULL OR notified_on >= rated_on', name=op.f('ck_compliance_ratings_notified_after_rated')),
    sa.CheckConstraint('period_year >= 2016', name=op.f('ck_compliance_ratings_period_year')),
    sa.ForeignKeyConstraint(['previous_id'], ['compliance_ratings.id'], name=op.f('fk_compliance_ratings_previous_id_compliance_ratings')),
    sa.ForeignKeyConstraint(['rated_by_id'], ['users.id'], name=op.f('fk_compliance_ratings_rated_by_id_users')),
    sa.ForeignKeyConstraint(['region_code'], ['regions.code'], name=op.f('fk_compliance_ratings_region_code_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compliance_ratings'))
    )
    with op.batch_alter_table('compliance_ratings', schema=None) as batch_op:
        batch_op.create_index('ix_compliance_ratings_export', ['region_code', 'period_year', 'grade'], unique=False)
        batch_op.create_index('uq_compliance_ratings_in_force', ['employer_key', 'region_code', 'period_year'], unique=True, sqlite_where=sa.text("state <> 'superseded'"), postgresql_where=sa.text("state <> 'superseded'"))

    op.create_table('rating_objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rating_id', sa.Integer(), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('grounds', sa.Text(), nullable=False),
    sa.Column('in_time', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('review_due', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=16), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('excluded', sa.JSON(), nullable=False),
    sa.Column('result_rating_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(status = 'decided') = (decision IS NOT NULL AND decided_on IS NOT NULL)", name=op.f('ck_rating_objections_decided_has_decision')),
    sa.CheckConstraint("(status = 'out_of_time') = (NOT in_time)", name=op.f('ck_rating_objections_late_is_out_of_time')),
    sa.CheckConstraint("decision IS NULL OR decision <> 'change' OR result_rating_id IS NOT NULL", name=op.f('ck_rating_objections_change_has_result')),
    sa.CheckConstraint("decision IS NULL OR decision IN ('maintain', 'change')", name=op.f('ck_rating_objections_decision')),
    sa.CheckConstraint("status IN ('pending', 'decided', 'out_of_time')", name=op.f('ck_rating_objections_status')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_rating_objections_decided_by_id_users')),
    sa.ForeignKeyConstraint(['rating_id'], ['compliance_ratings.id'], name=op.f('fk_rating_objections_rating_id_compliance_ratings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_rating_objections_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['result_rating_id'], ['compliance_ratings.id'], name=op.f('fk_rating_objections_result_rating_id_compliance_ratings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_objections'))
    )
    with op.batch_alter_table('rating_objections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_objections_rating_id'), ['rating_id'], unique=False)
        batch_op.create_index('uq_rating_objections_in_time', ['rating_id'], unique=True, sqlite_where=sa.text('in_time'), postgresql_where=sa.text('in_time'))


def downgrade():
    with op.batch_alter_table('rating_objections', schema=None) as batch_op:
        batch_op.drop_index('uq_rating_objections_in_time', sqlite_where=sa.text('in_time'), postgresql_where=sa.text('in_time'))
        batch_op.drop_index(batch_op.f('ix_rating_objections_rating_id'))

    op.drop_table('rating_objections')
    with op.batch_alter_table('compliance_ratings', schema=None) as batch_op:
        batch_op.drop_index('uq_compliance_ratings_in_force', sqlite_where=sa.text("state <> 'superseded'"), postgresql_where=sa.text("state <> 'superseded'"))
        batch_op.drop_index('ix_compliance_ratings_export')

    op.drop_table('compliance_ratings')
