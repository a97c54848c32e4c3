"""triage_concepts.sex dropped: no rule used it (sex-specific rules read the concepts themselves)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('triage_concepts', schema=None) as batch_op:
        batch_op.drop_column('sex')


def downgrade() -> None:
    with op.batch_alter_table('triage_concepts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sex', sa.String(length=10), nullable=True))
