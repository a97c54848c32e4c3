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

from app.matching.outcome import MatchedConcept, RedFlagHit
from app.matching.records import RedFlagRecord, RuleRecord, TriageConceptRecord, TriageLevel
from app.matching.triage.concepts import Evidence

SEVERITY: Final[dict[TriageLevel, int]] = {
    "self_care": 0,
    "see_clinician": 1,
    "urgent": 2,
    "emergency": 3,
}


@dataclass(frozen=True, slots=True)
class RuleBook:
    flags: Mapping[str, RedFlagRecord]  # in id order
    by_concept: Mapping[str, tuple[tuple[str, int], ...]]  # concept -> (flag id, rule number)


def compile_rules(flags: Sequence[RedFlagRecord]) -> RuleBook:
    shared = Counter(c for flag in flags for rule in flag.rules for g in rule.all for c in g)
    found: dict[str, list[tuple[str, int]]] = {}
    for flag in flags:
        for rule_no, rule in enumerate(flag.rules):
            key_group = min(rule.all, key=lambda group: sum(shared[c] for c in group))
            for concept in key_group:
                found.setdefault(concept, []).append((flag.id, rule_no))
    return RuleBook({f.id: f for f in flags}, {c: tuple(r) for c, r in found.items()})


def rule_level(flag: RedFlagRecord, rule: RuleRecord) -> TriageLevel:
    return rule.level or flag.level


def fire(
    book: RuleBook,
    present: Mapping[str, Evidence],
    concepts: Mapping[str, TriageConceptRecord],
) -> list[RedFlagHit]:
    """The flags the present concepts fire, most severe first, then by id."""
    best: dict[str, tuple[int, RuleRecord]] = {}
    for flag_id, rule_no in sorted({e for c in present for e in book.by_concept.get(c, ())}):
        flag = book.flags[flag_id]
        rule = flag.rules[rule_no]
        if not _holds(rule, present):
            continue
        severity = SEVERITY[rule_level(flag, rule)]
        if flag_id not in best or severity > best[flag_id][0]:
            best[flag_id] = (severity, rule)
    hits = [_hit(book.flags[f], rule, present, concepts) for f, (_, rule) in best.items()]
    hits.sort(key=lambda hit: -SEVERITY[hit.level])
    return hits


def _holds(rule: RuleRecord, present: Mapping[str, Evidence]) -> bool:
    return all(any(c in present for c in group) for group in rule.all) and not any(
        c in present for c in rule.none
    )


def _hit(
    flag: RedFlagRecord,
    rule: RuleRecord,
    present: Mapping[str, Evidence],
    concepts: Mapping[str, TriageConceptRecord],
) -> RedFlagHit:
    matched = []
    for group in rule.all:
        concept = next(c for c in group if c in present)
        matched.append(MatchedConcept(concept, concepts[concept].label, present[concept].words))
    return RedFlagHit(flag.id, rule_level(flag, rule), flag.title, flag.advice, tuple(matched))
