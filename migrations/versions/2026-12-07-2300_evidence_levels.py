"""sources.kind and trigger_points.evidence: what each source is, and how strong each trigger
point's evidence is (manual, study, secondary)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # filled by the next `triggermap seed`, which rewrites every row whose values differ
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=40), nullable=False, server_default='manual'))
    with op.batch_alter_table('trigger_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence', sa.String(length=20), nullable=False, server_default='manual'))
        batch_op.create_index(batch_op.f('ix_trigger_points_evidence'), ['evidence'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('trigger_points', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trigger_points_evidence'))
        batch_op.drop_column('evidence')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_column('kind')
