"""The age a text states: "I'm 65", "a 70 year old", "aged 58", "72 y/o".

Age-dependent red flags (a new headache after 50 may be giant cell arteritis) need an age, and
people who type their symptoms often give it in passing rather than in the `age` field. A number
counts as an age only in one of these wordings, within one clause:

    i am / im / aged / age  <number>      (not followed by a unit: "I'm 65 kg", "aged 3 months")
    at <number>, opening or ending a clause ("At 55 I've...", "headaches at 58?", not "at 10 am")
    <number>  year(s) old / yr(s) old / yo / y o
    <number>  m / f / male / female      ("55 m", and "62F" in one word)

and only from 1 to 130. The first such number wins. Failing those, a carer's wording counts:
"my dad is 80", "he's 72", "my son (15)", "Mrs B 79", or a number standing alone in its clause
("back pain after a fall, 71") or opening the text ("59 and these headaches are new", "72 new
temple headache": from 16 to 110, not before a unit such as "mg" or "minutes"). The
`age` field, when given, wins over the text (`app.matching.engine`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from app.matching.lexicon import (
    AGE_CUES,
    AGE_IS_CUES,
    NOT_YEARS_AFTER_AGE,
    OTHER_PEOPLE,
    YEAR_WORDS,
)
from app.matching.normalize import Token

MAX_AGE: Final = 130  # also the bound of the `age` field of a request
_AGE_AND_SEX: Final = re.compile(r"(\d{1,3})(?:m|f)")  # "62f", "34m"
_CLOCK_WORDS: Final = frozenset({"am", "pm", "oclock", "hrs", "hours", "hr", "h"})
_SEX_WORDS: Final = frozenset({"m", "f", "male", "female"})
# An age opening a terse message is an adult's, and never a dose, a count or a time
_MIN_TERSE_AGE: Final = 16
_MAX_TERSE_AGE: Final = 110
_NOT_AN_AGE_AFTER: Final = _CLOCK_WORDS | {"mg", "ml", "mcg", "x", "out", "of", "a", "per", "year"}


def stated_age(tokens: Sequence[Token]) -> int | None:
    """The first age the tokens state, or None."""
    numbers = [pos for pos, token in enumerate(tokens) if token.raw[:1].isdigit()]
    for wording in (_own_age, _age_and_sex, _someones_age):
        for pos in numbers:
            raw = tokens[pos].raw
            number = _AGE_AND_SEX.fullmatch(raw)
            if (number or raw.isdigit()) and wording(tokens, pos):
                age = int(number.group(1) if number else raw)
                if 1 <= age <= MAX_AGE:
                    return age
    return None


def _own_age(tokens: Sequence[Token], pos: int) -> bool:
    return tokens[pos].raw.isdigit() and (_after_cue(tokens, pos) or _before_years(tokens, pos))


def _age_and_sex(tokens: Sequence[Token], pos: int) -> bool:
    """ "62F", "55 m", "34 male": after the cued wordings, as metres and months look alike."""
    clause = tokens[pos].clause
    if not tokens[pos].raw.isdigit():  # "62f"
        return _word(tokens, pos + 1, clause) != "ago"
    return _word(tokens, pos + 1, clause) in _SEX_WORDS


def _someones_age(tokens: Sequence[Token], pos: int) -> bool:
    """ "my dad is 80", "he's 72", "my son (15)", "Mrs B 79", ", 71," alone, or "59 and ..."
    first."""
    if not tokens[pos].raw.isdigit():
        return False
    clause = tokens[pos].clause
    before = _word(tokens, pos - 1, clause)
    if before in AGE_IS_CUES and (before != "is" or _word(tokens, pos - 2, clause)):
        return _word(tokens, pos + 1, clause) not in NOT_YEARS_AFTER_AGE
    if _after_person(tokens, pos):  # "Mrs B 79", "pt 67 c/o", "my son (15)"
        return _word(tokens, pos + 1, clause) not in NOT_YEARS_AFTER_AGE
    alone = _word(tokens, pos - 1, clause) == "" and _word(tokens, pos + 1, clause) == ""
    opening = pos == 0 and (_word(tokens, 1, clause) == "and" or _terse_opening(tokens))
    return (alone and (pos == len(tokens) - 1 or _clause_end(tokens, pos))) or opening


def _terse_opening(tokens: Sequence[Token]) -> bool:
    """A terse message that opens with an adult age and goes on with its story: "72 new temple
    headache", "60 back pain losing weight", but not "10 out of 10" or "20 minutes ago"."""
    following = tokens[1].raw if len(tokens) > 1 else ""
    return (
        _MIN_TERSE_AGE <= int(tokens[0].raw) <= _MAX_TERSE_AGE
        and following.isalpha()
        and following not in NOT_YEARS_AFTER_AGE
        and following not in _NOT_AN_AGE_AFTER
    )


def _after_person(tokens: Sequence[Token], pos: int) -> bool:
    """Right after a person, or a person and an initial: "my son (15)", "Mrs B 79"."""
    before = [token.raw for token in tokens[max(pos - 2, 0) : pos]]
    if before and before[-1] in OTHER_PEOPLE:
        return True
    return len(before) == 2 and len(before[1]) == 1 and before[0] in OTHER_PEOPLE


def _clause_end(tokens: Sequence[Token], pos: int) -> bool:
    return pos + 1 == len(tokens) or tokens[pos + 1].clause != tokens[pos].clause


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
    after = _word(tokens, pos + 1, clause)
    # "At 55 I've become a headache person": "at" opening its clause, not a time ("at 10 am")
    clock = pos + 1 < len(tokens) and tokens[pos + 1].raw.isdigit()  # "at 17:30"
    at_edge = not clock and (not _word(tokens, pos - 2, clause) or not after)  # "...at 58?"
    at_age = before == "at" and at_edge and int(tokens[pos].raw) >= 16
    return (cued or (at_age and after not in _CLOCK_WORDS)) and after not in NOT_YEARS_AFTER_AGE


def _before_years(tokens: Sequence[Token], pos: int) -> bool:
    """ "65 years old", "65 yo", "65 y/o"."""
    clause = tokens[pos].clause
    after = _word(tokens, pos + 1, clause)
    if after in YEAR_WORDS:
        return _word(tokens, pos + 2, clause) == "old"
    return after == "yo" or (after == "y" and _word(tokens, pos + 2, clause) == "o")
