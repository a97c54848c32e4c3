"""triage over concepts: triage_concepts and screening_questions; red-flag rules name concepts

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 08:00:00

Red-flag rules change shape (lists of phrases become combinations of concepts) and `min_age`
becomes an age concept, so the old rows cannot be read: they are removed here and the next
`triggermap seed` writes them anew (it records the change as a new dataset revision).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'triage_concepts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=120), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('label', sa.String(length=160), nullable=False),
        sa.Column('phrases', sa.JSON(), nullable=False),
        sa.Column('regions', sa.JSON(), nullable=False),
        sa.Column('symptoms', sa.JSON(), nullable=False),
        sa.Column('factors', sa.JSON(), nullable=False),
        sa.Column('conditions', sa.JSON(), nullable=False),
        sa.Column('near', sa.JSON(), nullable=False),
        sa.Column('min_age', sa.Integer(), nullable=True),
        sa.Column('sex', sa.String(length=10), nullable=True),
        sa.Column('history', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_triage_concepts')),
        sa.UniqueConstraint('slug', name=op.f('uq_triage_concepts_slug')),
    )
    op.execute('DELETE FROM red_flags')
    with op.batch_alter_table('red_flags', schema=None) as batch_op:
        batch_op.drop_column('min_age')
    op.create_table(
        'screening_questions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=120), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('text', sa.String(length=400), nullable=False),
        sa.Column('red_flag_id', sa.Integer(), nullable=False),
        sa.Column('ask_when', sa.JSON(), nullable=False),
        sa.Column('yes_means', sa.JSON(), nullable=False),
        sa.Column('sources', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ['red_flag_id'],
            ['red_flags.id'],
            name=op.f('fk_screening_questions_red_flag_id_red_flags'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_questions')),
        sa.UniqueConstraint('slug', name=op.f('uq_screening_questions_slug')),
    )
    op.create_index(
        op.f('ix_screening_questions_red_flag_id'),
        'screening_questions',
        ['red_flag_id'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_screening_questions_red_flag_id'), table_name='screening_questions')
    op.drop_table('screening_questions')
    op.execute('DELETE FROM red_flags')
    with op.batch_alter_table('red_flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('min_age', sa.Integer(), nullable=True))
    op.drop_table('triage_concepts')
