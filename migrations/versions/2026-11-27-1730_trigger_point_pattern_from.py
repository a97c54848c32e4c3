"""trigger point pattern_from: the muscle whose referral pattern a trigger point is given

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('trigger_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pattern_from_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_trigger_points_pattern_from_id_muscles'),
            'muscles',
            ['pattern_from_id'],
            ['id'],
        )


def downgrade() -> None:
    with op.batch_alter_table('trigger_points', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_trigger_points_pattern_from_id_muscles'), type_='foreignkey'
        )
        batch_op.drop_column('pattern_from_id')
