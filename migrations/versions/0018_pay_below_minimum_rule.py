"""The early-warning rule on pay below the minimum wage

Revision ID: 7e2a4c9b1f30
Revises: 5c1f8e3a9d27
Create Date: 2026-12-04 06:40:00.000000

"""
from alembic import op


revision = '7e2a4c9b1f30'
down_revision = '5c1f8e3a9d27'
branch_labels = None
depends_on = None

RULES_BEFORE = ('repeated_wage_complaints', 'likely_collective', 'deadline_no_action', 'surge')
RULES_AFTER = RULES_BEFORE + ('pay_below_minimum',)


def _key_check(keys):
    return "key IN (" + ", ".join(f"'{key}'" for key in keys) + ")"


def upgrade():
    # On SQLite this copies warning_rules, which no table references.
    with op.batch_alter_table('warning_rules', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_warning_rules_key'), type_='check')
        batch_op.create_check_constraint(op.f('ck_warning_rules_key'), _key_check(RULES_AFTER))


def downgrade():
    op.execute("DELETE FROM warning_rules WHERE key = 'pay_below_minimum'")
    op.execute("DELETE FROM alerts WHERE rule_key = 'pay_below_minimum'")
    with op.batch_alter_table('warning_rules', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_warning_rules_key'), type_='check')
        batch_op.create_check_constraint(op.f('ck_warning_rules_key'), _key_check(RULES_BEFORE))
