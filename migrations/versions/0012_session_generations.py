"""Sessions that end: a session generation per user, ended portal sessions

Revision ID: 9c4a7e21b3d5
Revises: ef8e2d2c21ef
Create Date: 2026-12-03 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '9c4a7e21b3d5'
down_revision = 'ef8e2d2c21ef'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN on SQLite too, never a batch "move and copy": copying `users` would drop the
    # table that cases, history and tokens point at (see 0011 for what that cascades to).
    op.add_column('users', sa.Column('session_generation', sa.Integer(), server_default=sa.text('0'),
                                     nullable=False))
    op.create_table('portal_session_ends',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonce_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portal_session_ends')),
    sa.UniqueConstraint('nonce_hash', name=op.f('uq_portal_session_ends_nonce_hash'))
    )
    op.create_index(op.f('ix_portal_session_ends_expires_at'), 'portal_session_ends', ['expires_at'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_portal_session_ends_expires_at'), table_name='portal_session_ends')
    op.drop_table('portal_session_ends')
    # SQLite (3.35 and later) drops a column that no index or key uses in place, without copying the table.
    op.drop_column('users', 'session_generation')
