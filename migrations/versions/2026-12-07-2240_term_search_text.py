"""symptoms.search_text and factors.search_text: the pickers' `q` searches names and synonyms

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('symptoms', 'factors')


def upgrade() -> None:
    # filled by the next `triggermap seed`, which rewrites every row whose text differs
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('search_text')
