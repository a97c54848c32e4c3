"""Who and when: which words speak of the patient now, and which of someone else or of the past.

"My brother had a heart attack last year" and "I had meningitis as a child" must not raise the
alarm; "my mum's face has gone droopy" must. Each word gets a `Scope`, a set of bits:

* OTHER: its segment names someone else ("my mum", "grandad", "my friend"). A segment is a
  sentence, cut again at "now", "currently", "today".
* EVENT: its clause tells of a past event ("had", "died", "was diagnosed", "history of").
* PAST: its clause is in the distant past ("years ago", "as a child", "last year", "in 2009",
  "fully recovered", "treated"). A clause that is only a time phrase ("..., years ago") dates
  the clause before it too. Clauses are also cut at "now" ("I had cancer years ago and now my
  back hurts").

OTHER is set only when the writer also speaks of themself in a segment of their own ("My toddler
had a temperature last week. I've got a stiff neck"); a carer writing only about the patient
("my husband is sweaty and his arm hurts", "my mum had lung cancer, now her back hurts") is
writing the patient's story, every word of it. A segment about someone else that tells of the
past (EVENT) or names no present-tense verb is that person's story: it is PAST too.

A clause with a recent-time word ("this morning", "an hour ago", "yesterday") is neither EVENT
nor PAST. `keeps` says what survives: a symptom is dropped only in the distant past (a carer's
"my husband had crushing chest pain an hour ago" is the patient now); a named diagnosis ("a
stroke") is dropped when told as a past event, the patient's or anyone's; a `history` concept
(cancer, steroids, surgery) stays in the patient's past, where it matters, but not in someone
else's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from itertools import pairwise
from typing import Final

from app.matching.lexicon import OTHER_PEOPLE, _words
from app.matching.normalize import Token

Scope = int
OTHER: Final = 1
EVENT: Final = 2
PAST: Final = 4

FIRST_PERSON: Final = _words("i im ive id me myself my")
PRESENT_WORDS: Final = _words("is has are have now currently still keeps gets getting")
EVENT_WORDS: Final = _words("had got died suffered diagnosed survived history dx hx")
_EVENT_BIGRAMS: Final = frozenset({("passed", "away"), ("runs", "in")})
DISTANT_WORDS: Final = _words(
    "childhood previously formerly recovered resolved cured decades remission healed treated sorted"
)
_DISTANT_BIGRAMS: Final = frozenset(
    {
        ("last", "year"),
        ("as", "child"),
        ("as", "kid"),
        ("as", "teenager"),
        ("as", "baby"),
        ("as", "teen"),
        ("used", "to"),
        ("in", "past"),
        ("long", "ago"),
        ("years", "back"),
        ("all", "clear"),
        ("when", "young"),
        ("when", "little"),
        ("cleared", "up"),
        ("came", "back"),
        ("got", "better"),
    }
)
_AGO_UNITS: Final = _words("year years yr yrs decade decades month months")
RECENT_WORDS: Final = _words("today yesterday tonight just earlier recently")
_RECENT_BIGRAMS: Final = frozenset(
    {
        ("this", "morning"),
        ("this", "afternoon"),
        ("this", "evening"),
        ("last", "night"),
        ("this", "week"),
    }
)
_RECENT_AGO_UNITS: Final = _words("minute minutes min mins hour hours hr hrs day days week weeks")
SEGMENT_RESTARTS: Final = _words("now currently today nowadays presently")
_SHORT_CLAUSE: Final = 4  # a clause this short holding a distant-time phrase dates the one before
_THIS_YEAR: Final = date.today().year


def keeps(scope: Scope, kind: str, history: bool) -> bool:
    """Whether a concept of this kind, found in this scope, counts for the patient now."""
    if not scope:
        return True
    if scope & OTHER and scope & (EVENT | PAST) and (history or kind == "diagnosis"):
        return False
    if scope & PAST:
        return history
    return not (scope & EVENT and kind == "diagnosis" and not history)


def scopes(tokens: Sequence[Token], sentence_starts: Collection[int]) -> list[Scope]:
    """The scope of every token."""
    found = [0] * len(tokens)
    segments = _segments(tokens, sentence_starts)
    others = [seg for seg in segments if any(tokens[p].raw in OTHER_PEOPLE for p in seg)]
    if not _speaks_of_self(tokens, segments, others):
        others = []  # a carer writing only about the patient: it is all the patient's
    for segment in others:
        for pos in segment:
            found[pos] |= OTHER
    clauses = _clauses(tokens)
    for n, clause in enumerate(clauses):
        words = [tokens[pos].raw for pos in clause]
        if _has(words, RECENT_WORDS, _RECENT_BIGRAMS) or _ago(words, _RECENT_AGO_UNITS):
            continue
        if _has(words, EVENT_WORDS, _EVENT_BIGRAMS):
            for pos in clause:
                found[pos] |= EVENT
        if _has(words, DISTANT_WORDS, _DISTANT_BIGRAMS) or _ago(words, _AGO_UNITS) or _year(words):
            dated = [clause]
            if len(words) <= _SHORT_CLAUSE and n > 0:
                dated.append(clauses[n - 1])
            for pos in (p for c in dated for p in c):
                found[pos] |= PAST
    for segment in others:
        present_tense = any(tokens[p].raw in PRESENT_WORDS for p in segment)
        if any(found[p] & EVENT for p in segment) or not present_tense:
            for pos in segment:
                found[pos] |= PAST
    return found


def _speaks_of_self(
    tokens: Sequence[Token], segments: Sequence[list[int]], others: Sequence[list[int]]
) -> bool:
    """Does a segment not about someone else speak in the first person?"""
    return any(
        any(tokens[p].raw in FIRST_PERSON for p in segment)
        for segment in segments
        if segment not in others
    )


def sentence_numbers(tokens: Sequence[Token], sentence_starts: Collection[int]) -> list[int]:
    """The sentence number of every token."""
    numbers = []
    sentence = 0
    clause = tokens[0].clause if tokens else 0
    for token in tokens:
        if token.clause != clause:
            sentence += any(c in sentence_starts for c in range(clause + 1, token.clause + 1))
            clause = token.clause
        numbers.append(sentence)
    return numbers


def _segments(tokens: Sequence[Token], sentence_starts: Collection[int]) -> list[list[int]]:
    sentences = sentence_numbers(tokens, sentence_starts)
    segments: list[list[int]] = []
    for pos, token in enumerate(tokens):
        new = pos == 0 or sentences[pos] != sentences[pos - 1] or token.raw in SEGMENT_RESTARTS
        if new:
            segments.append([])
        segments[-1].append(pos)
    return segments


def _clauses(tokens: Sequence[Token]) -> list[list[int]]:
    """Clauses, cut again before a segment-restarting word ("... and now my back hurts")."""
    clauses: list[list[int]] = []
    for pos, token in enumerate(tokens):
        if pos == 0 or token.clause != tokens[pos - 1].clause or token.raw in SEGMENT_RESTARTS:
            clauses.append([])
        clauses[-1].append(pos)
    return clauses


def _has(words: Sequence[str], single: Collection[str], pairs: Collection[tuple[str, str]]) -> bool:
    if any(word in single for word in words):
        return True
    content = [w for w in words if w not in ("a", "the", "my", "i", "was")]
    return any(pair in pairs for pair in pairwise(content))


def _ago(words: Sequence[str], units: Collection[str]) -> bool:
    """ "<unit> ago" within the words: "two years ago", "a few months ago"."""
    return any(w == "ago" and n > 0 and words[n - 1] in units for n, w in enumerate(words))


def _year(words: Sequence[str]) -> bool:
    """A calendar year at least two years back ("in 2009", "back in 1998")."""
    return any(len(w) == 4 and w.isdigit() and 1900 <= int(w) < _THIS_YEAR - 1 for w in words)
