"""Red-flag triage: phrases and combinations that need medical care rather than massage.

A flag fires when any of its rules matches; a rule matches when every group has at least one
phrase present in the text and not negated ("no fever" does not count as fever). A flag with
`min_age` also needs a known age of at least that value. The triage level is the most severe
fired flag (emergency > urgent > see_clinician), or self_care when none fired.

Phrases are matched on the same normalised tokens as everything else (case, punctuation,
determiners and plural endings do not matter), must lie within one clause, may step over a
side word ("pain in my left arm" matches "pain in arm"), and "X pain" also matches the common
rewordings "pain in X", "X hurts" and "X ache".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.lexicon import SKIPPABLE_IN_PHRASE
from app.matching.normalize import Token, display, phrase_key
from app.matching.records import RedFlagRecord, TriageLevel
from app.matching.result import RedFlagHit, Triage

SEVERITY: Final[dict[TriageLevel, int]] = {
    "self_care": 0,
    "see_clinician": 1,
    "urgent": 2,
    "emergency": 3,
}
_PAIN_VARIANT_TAILS: Final = (("hurt",), ("ache",), ("aching",))


@dataclass(frozen=True, slots=True)
class CompiledFlag:
    record: RedFlagRecord
    rules: tuple[tuple[frozenset[int], ...], ...]  # rule -> groups -> phrase ids
    phrase_ids: frozenset[int]  # every phrase of every rule, for a quick miss


@dataclass(frozen=True, slots=True)
class RedFlagRules:
    flags: tuple[CompiledFlag, ...]
    # (first word, second word or "") -> (phrase key, phrase id), longest first
    by_start: Mapping[tuple[str, str], tuple[tuple[tuple[str, ...], int], ...]]
    phrases: tuple[str, ...]  # phrase id -> display text


@dataclass(frozen=True, slots=True)
class PhraseHits:
    present: frozenset[int]  # phrase ids found and not negated
    covered: frozenset[int]  # token positions inside any red-flag phrase


def variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Tolerant rewordings of a phrase key ("chest pain" -> "pain in chest", ...)."""
    found = [key]
    if len(key) >= 2 and key[-1] == "pain":
        body = key[:-1]
        found += [("pain", "in", *body), ("pain", "on", *body)]
        found += [body + tail for tail in _PAIN_VARIANT_TAILS]
    return found


def compile_red_flags(records: Sequence[RedFlagRecord]) -> RedFlagRules:
    """Give every distinct phrase an id and index its variants by their first two words."""
    ids: dict[tuple[str, ...], int] = {}
    texts: list[str] = []
    starts: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
    flags: list[CompiledFlag] = []
    for record in records:
        rules = []
        for rule in record.rules:
            groups = [frozenset(_phrase_id(p, ids, texts, starts) for p in g if p) for g in rule]
            if groups and all(groups):
                rules.append(tuple(groups))
        every = frozenset(pid for rule in rules for group in rule for pid in group)
        flags.append(CompiledFlag(record, tuple(rules), every))
    index = {key: tuple(sorted(found, key=lambda e: -len(e[0]))) for key, found in starts.items()}
    return RedFlagRules(tuple(flags), index, tuple(texts))


def _phrase_id(
    phrase: str,
    ids: dict[tuple[str, ...], int],
    texts: list[str],
    first: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]],
) -> int:
    key = phrase_key(phrase)
    if key not in ids:
        ids[key] = len(texts)
        texts.append(display(phrase))
        for variant in variants(key):
            if variant:
                start = (variant[0], variant[1] if len(variant) > 1 else "")
                first.setdefault(start, []).append((variant, ids[key]))
    return ids[key]


def find_phrases(
    rules: RedFlagRules, tokens: Sequence[Token], negated: Sequence[bool]
) -> PhraseHits:
    """Every red-flag phrase in the tokens; negated occurrences are covered but not present."""
    present: set[int] = set()
    covered: set[int] = set()
    following = _next_words(tokens)
    for start, token in enumerate(tokens):
        entries = rules.by_start.get((token.key, ""), ())
        entries += rules.by_start.get((token.key, following[start]), ())
        for key, phrase_id in entries:
            span = _match_span(key, tokens, start)
            if span is None:
                continue
            covered.update(span)
            if not any(negated[i] for i in span):
                present.add(phrase_id)
    return PhraseHits(frozenset(present), frozenset(covered))


def _next_words(tokens: Sequence[Token]) -> list[str]:
    """For each token, the key of the next non-skippable token in its clause ("" if none)."""
    following = [""] * len(tokens)
    upcoming = ""
    for pos in range(len(tokens) - 1, -1, -1):
        following[pos] = upcoming
        token = tokens[pos]
        if token.raw not in SKIPPABLE_IN_PHRASE:
            upcoming = token.key
        if pos > 0 and tokens[pos - 1].clause != token.clause:
            upcoming = ""
    return following


def _match_span(key: tuple[str, ...], tokens: Sequence[Token], start: int) -> list[int] | None:
    """Positions of `key` starting at `start` in one clause, stepping over side words and
    determiners."""
    span = [start]
    pos = start + 1
    clause = tokens[start].clause
    for word in key[1:]:
        while (
            pos < len(tokens) and tokens[pos].key != word and tokens[pos].raw in SKIPPABLE_IN_PHRASE
        ):
            pos += 1
        if pos >= len(tokens) or tokens[pos].key != word or tokens[pos].clause != clause:
            return None
        span.append(pos)
        pos += 1
    return span


def evaluate(rules: RedFlagRules, present: frozenset[int], age: int | None) -> Triage:
    """Fire the flags whose rules are satisfied by the phrases present; the most severe level
    wins."""
    fired: list[RedFlagHit] = []
    for flag in rules.flags:
        if flag.phrase_ids.isdisjoint(present):
            continue
        record = flag.record
        if record.min_age is not None and (age is None or age < record.min_age):
            continue
        matched = _first_matching_rule(flag, present, rules.phrases)
        if matched is not None:
            fired.append(RedFlagHit(record.id, record.level, record.title, record.advice, matched))
    fired.sort(key=lambda hit: -SEVERITY[hit.level])
    level: TriageLevel = fired[0].level if fired else "self_care"
    return Triage(level=level, red_flags=tuple(fired))


def _first_matching_rule(
    flag: CompiledFlag, present: frozenset[int], texts: Sequence[str]
) -> tuple[str, ...] | None:
    for rule in flag.rules:
        picks = [min(group & present, default=None) for group in rule]
        if all(pick is not None for pick in picks):
            return tuple(texts[pick] for pick in picks if pick is not None)
    return None
