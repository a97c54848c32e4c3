"""The age a text states: "I'm 65", "a 70 year old", "aged 58", "72 y/o".

Age-dependent red flags (a new headache after 50 may be giant cell arteritis) need an age, and
people who type their symptoms often give it in passing rather than in the `age` field. A number
counts as an age only in one of these wordings, within one clause:

    i am / im / aged / age  <number>      (not followed by a unit: "I'm 65 kg", "aged 3 months")
    <number>  year(s) old / yr(s) old / yo / y o

and only from 1 to 130. The first such number wins; the `age` field, when given, wins over the
text (`app.matching.engine`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.matching.lexicon import AGE_CUES, NOT_YEARS_AFTER_AGE, YEAR_WORDS
from app.matching.normalize import Token

MAX_AGE: Final = 130  # also the bound of the `age` field of a request


def stated_age(tokens: Sequence[Token]) -> int | None:
    """The first age the tokens state, or None."""
    for pos, token in enumerate(tokens):
        if token.raw.isdigit() and (_after_cue(tokens, pos) or _before_years(tokens, pos)):
            age = int(token.raw)
            if 1 <= age <= MAX_AGE:
                return age
    return None


def _word(tokens: Sequence[Token], pos: int, clause: int) -> str:
    """The word at `pos` if it is in `clause`, else ""."""
    if 0 <= pos < len(tokens) and tokens[pos].clause == clause:
        return tokens[pos].raw
    return ""


def _after_cue(tokens: Sequence[Token], pos: int) -> bool:
    """ "I'm 65", "I am 65", "aged 65", not followed by a unit other than years."""
    clause = tokens[pos].clause
    before = _word(tokens, pos - 1, clause)
    cued = before in AGE_CUES or (before == "am" and _word(tokens, pos - 2, clause) == "i")
    return cued and _word(tokens, pos + 1, clause) not in NOT_YEARS_AFTER_AGE


def _before_years(tokens: Sequence[Token], pos: int) -> bool:
    """ "65 years old", "65 yo", "65 y/o"."""
    clause = tokens[pos].clause
    after = _word(tokens, pos + 1, clause)
    if after in YEAR_WORDS:
        return _word(tokens, pos + 2, clause) == "old"
    return after == "yo" or (after == "y" and _word(tokens, pos + 2, clause) == "o")
