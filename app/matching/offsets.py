"""Where the words the reader understood sit in the submitted text, for highlighting.

The reader works on a normalised copy of the text (`app.matching.normalize`), so a token knows
its word but not its place. `locate` finds each phrase's first and last word in the submitted
text, in order, as whole words, ignoring case and accents (the text is folded character by
character, so positions stay those of the submitted text). A word the reader had to rewrite (a
spoken form, "pane" for "pain") is not in the text as such: its phrase gets no place, rather
than a wrong one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

Span = tuple[int, int] | None


def locate(text: str, words: Sequence[str], phrases: Sequence[tuple[int, int]]) -> list[Span]:
    """The character span in `text` of each phrase (token positions [start, end) into `words`,
    in text order), or None where one of its words is not found, or not next to the one before
    (nothing but spaces, punctuation or a possessive "'s" between them)."""
    folded = _fold(text)
    spans: list[Span] = []
    pos = 0
    for start, end in phrases:
        span = _place(folded, words[start:end], pos)
        spans.append(span)
        if span is not None:
            pos = span[1]
    return spans


def _place(folded: str, words: Sequence[str], pos: int) -> Span:
    first = _find(folded, words[0], pos)
    if first is None:
        return None
    last = first
    for word in words[1:]:
        found = _find(folded, word, last[1])
        if found is None or not _adjacent(folded[last[1] : found[0]]):
            return None
        last = found
    return first[0], last[1]


def _adjacent(gap: str) -> bool:
    return not any(ch.isalnum() for ch in gap.replace("'s", "").replace("\u2019s", ""))


def _find(folded: str, word: str, pos: int) -> tuple[int, int] | None:
    """The first whole-word occurrence of `word` at or after `pos`."""
    at = folded.find(word, pos)
    while at >= 0:
        end = at + len(word)
        before = folded[at - 1] if at > 0 else " "
        after = folded[end] if end < len(folded) else " "
        if not before.isalnum() and not after.isalnum():
            return at, end
        at = folded.find(word, at + 1)
    return None


def _fold(text: str) -> str:
    """The text lower-cased and without accents, one character for each of the text's."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    return base if len(base) == 1 else ch
