"""The dashboard counts cases by their place of work too: recount the cases already there

Revision ID: 9b4d2f6e8a13
Revises: 7e2a4c9b1f30
Create Date: 2026-12-04 07:00:00.000000

"""
from alembic import op


revision = '9b4d2f6e8a13'
down_revision = '7e2a4c9b1f30'
branch_labels = None
depends_on = None


def upgrade():
    # The application's own counting query, so that what the migration writes is exactly what the
    # running application keeps up to date. It reads every counted column (place_code since 0017),
    # so it runs in the newest migration that changes what is counted: a later one moves it there.
    from disputes.dashboard.rollup import recount

    recount(op.get_bind())


def downgrade():
    # Rows of the "place" measure only; the other counts stand as they are.
    op.execute("DELETE FROM dashboard_counts WHERE measure = 'place'")
