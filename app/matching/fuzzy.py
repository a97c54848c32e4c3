"""Spelling correction for words the phrase table does not know.

Only unknown content words are tried (never stopwords, side words or negations), only words of
four letters or more, and only against words that occur in known phrases. Typing errors are
mostly one slip, and a transposition ("shoudler", "nekc") is one slip too, so the distance is
the optimal-string-alignment distance. The allowance is tight so nonsense ("asdf", "banana")
never becomes a body part:

* 4 letters: a single transposition only ("nekc" -> "neck", but "heat" never -> "head");
* 5-8 letters: one edit, which is a similarity of >= 88 % on the longer words;
* 9+ letters: two edits.

A word of everyday English is never corrected, whatever it is close to: "fewer" is not "fever",
"slabs" not "slaps", "fitted" not "fitting" (`common_english`, from the word frequencies that
pyspellchecker ships).

Candidates must share the first letter, which removes most accidental neighbours, and a length
within the allowance (a word that much longer or shorter is that many edits away), so a search
only looks at the few choices that could match: choices are bucketed by first letter and by the
length of the word being corrected. Multi-word phrases are also offered with their spaces
removed, so "shoulderblade" -> "shoulder blade".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from app.matching.lexicon import FUNCTION_WORDS, NEGATION_CUES, STOPWORDS
from app.matching.normalize import surface_words

MIN_LENGTH: Final = 4
# Grammar words are never offered, but the matcher's stopwords are (many are words of pain or
# time that triage reads: "seevre" is "severe"); a slip never becomes a negation.
_NEVER_OFFERED: Final = (FUNCTION_WORDS - STOPWORDS) | NEGATION_CUES
# A word seen at least this often in pyspellchecker's English corpus counts as everyday English
# (rare forms and common misspellings such as "syringing" or "calfs" sit at its floor of 50).
COMMON_WORD_COUNT: Final = 100


@cache
def common_english() -> frozenset[str]:
    """Everyday English words (lowercase), loaded once."""
    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return frozenset(word for word, count in counts.items() if count >= COMMON_WORD_COUNT)


def max_edits(word: str) -> int:
    """How many slips a word of this length may contain and still be corrected."""
    return _edits_for_length(len(word))


def _edits_for_length(length: int) -> int:
    if length < MIN_LENGTH:
        return 0
    if length <= 4:
        return 1
    return 1 if length <= 8 else 2


class Speller:
    """Maps an unknown word to the known word(s) it was most likely meant to be.

    Choices are the surface words of every dataset wording (not their stems, so "tinglign"
    is compared with "tingling", not with the stem "tingl").
    """

    def __init__(self, wordings: Iterable[str], common: frozenset[str] = frozenset()) -> None:
        self._common = common  # never corrected
        buckets: dict[str, dict[str, tuple[str, ...]]] = {}
        for wording in wordings:
            words = [w for w in surface_words(wording) if w not in _NEVER_OFFERED]
            for word in words:
                if len(word) >= MIN_LENGTH and not word.isdigit():
                    buckets.setdefault(word[0], {}).setdefault(word, (word,))
            joined = "".join(words)
            if len(words) > 1 and len(joined) >= MIN_LENGTH:
                buckets.setdefault(joined[0], {}).setdefault(joined, tuple(words))
        self._buckets = {first: dict(sorted(words.items())) for first, words in buckets.items()}
        self._choices = {
            (first, length): near
            for first, words in self._buckets.items()
            for length, near in _within_reach(list(words)).items()
        }

    def correct(self, word: str) -> tuple[str, ...] | None:
        """The corrected word(s) for `word`, or None when nothing is close enough. Nothing is
        remembered: the words given are a person's (and a search takes a few microseconds)."""
        limit = max_edits(word)
        if not limit or word in self._common:
            return None
        choices = self._choices.get((word[:1], len(word)))
        if not choices:
            return None
        best = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=limit)
        if best is None:
            return None
        choice = str(best[0])
        if len(word) == MIN_LENGTH and sorted(choice) != sorted(word):
            return None  # four-letter words: transpositions only
        return self._buckets[word[0]][choice]


def _within_reach(choices: list[str]) -> dict[int, list[str]]:
    """Word length -> the choices (in their order) whose length is within that length's
    allowance, for every length that has any."""
    lengths = {len(choice) for choice in choices}
    reach: dict[int, list[str]] = {}
    for length in range(MIN_LENGTH, max(lengths, default=0) + 3):
        edits = _edits_for_length(length)
        if any(abs(length - other) <= edits for other in lengths):
            reach[length] = [c for c in choices if abs(len(c) - length) <= edits]
    return reach
