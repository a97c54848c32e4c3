"""Red-flag rules over concepts, and the triage level they give.

A flag fires when any of its rules holds: every group of `all` has a present concept, and no
concept of `none` is present. The hit takes the level of the best rule that held (a rule may
lower the flag's level when its evidence is partial), and lists the concepts that fired it with
the words they came from. The triage level is the most severe hit, or `self_care`.

Evaluation looks only at rules that can hold: each rule is filed under the concepts of its
rarest group, and checked only when one of those is present.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.records import RedFlagRecord, RuleRecord, TriageLevel
from app.matching.result import MatchedConcept, RedFlagHit
from app.matching.triage.concepts import Evidence

SEVERITY: Final[dict[TriageLevel, int]] = {
    "self_care": 0,
    "see_clinician": 1,
    "urgent": 2,
    "emergency": 3,
}


@dataclass(frozen=True, slots=True)
class RuleBook:
    flags: tuple[RedFlagRecord, ...]
    by_concept: Mapping[str, tuple[tuple[int, int], ...]]  # concept -> (flag, rule) numbers
    labels: Mapping[str, str]  # concept -> label


def compile_rules(flags: Sequence[RedFlagRecord], labels: Mapping[str, str]) -> RuleBook:
    shared = Counter(c for flag in flags for rule in flag.rules for g in rule.all for c in g)
    found: dict[str, list[tuple[int, int]]] = {}
    for flag_no, flag in enumerate(flags):
        for rule_no, rule in enumerate(flag.rules):
            key_group = min(rule.all, key=lambda group: sum(shared[c] for c in group))
            for concept in key_group:
                found.setdefault(concept, []).append((flag_no, rule_no))
    return RuleBook(tuple(flags), {c: tuple(r) for c, r in found.items()}, labels)


def rule_level(flag: RedFlagRecord, rule: RuleRecord) -> TriageLevel:
    return rule.level or flag.level


def fire(book: RuleBook, present: Mapping[str, Evidence]) -> list[RedFlagHit]:
    """The flags the present concepts fire, most severe first."""
    candidates = sorted({entry for c in present for entry in book.by_concept.get(c, ())})
    best: dict[int, tuple[int, RuleRecord]] = {}
    for flag_no, rule_no in candidates:
        flag = book.flags[flag_no]
        rule = flag.rules[rule_no]
        if not _holds(rule, present):
            continue
        severity = SEVERITY[rule_level(flag, rule)]
        if flag_no not in best or severity > best[flag_no][0]:
            best[flag_no] = (severity, rule)
    hits = [_hit(book, book.flags[n], rule, present) for n, (_, rule) in best.items()]
    hits.sort(key=lambda hit: -SEVERITY[hit.level])
    return hits


def _holds(rule: RuleRecord, present: Mapping[str, Evidence]) -> bool:
    return all(any(c in present for c in group) for group in rule.all) and not any(
        c in present for c in rule.none
    )


def _hit(
    book: RuleBook, flag: RedFlagRecord, rule: RuleRecord, present: Mapping[str, Evidence]
) -> RedFlagHit:
    matched = []
    for group in rule.all:
        concept = next(c for c in group if c in present)
        matched.append(MatchedConcept(concept, book.labels[concept], present[concept].words))
    return RedFlagHit(flag.id, rule_level(flag, rule), flag.title, flag.advice, tuple(matched))
