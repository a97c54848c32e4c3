"""The shortcuts that keep a query cheap give the same answers as the plain computations."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from app.matching import MatchIndex, MatchQuery, RegionInput, build_index, match
from app.matching.candidates import Candidates
from app.matching.fuzzy import Speller, max_edits
from app.matching.muscles import rank_muscles
from app.matching.normalize import Token, tokenize
from app.matching.phrases import TermKind
from app.matching.redflags import SEVERITY, RedFlagRules, evaluate, find_phrases
from app.matching.result import RedFlagHit, Triage
from app.matching.scoring import Plan, ScoringQuery, rank_trigger_points
from app.matching.sites import Site
from tests.matching.dataset import small_dataset
from tests.matching.test_index import scaled

QUERIES = (
    ScoringQuery((Site(("temple",), "left", "temple"),), (), (), (), ("tension-type-headache",)),
    ScoringQuery(
        (Site(("head",), None, "head"), Site(("back-of-neck",), "right", "neck")),
        ("dizziness",),
        ("tooth-sensitivity",),
        ("stress",),
        ("tension-type-headache", "neck-pain"),
        (("tension-type-headache", "neck-pain"),),
    ),
    ScoringQuery((), (), (), (), ("tmj-disorder", "tennis-elbow")),
    ScoringQuery((Site(("outer-elbow",), None, "elbow"),), (), (), ("bruxism",), ("sciatica",)),
)


@pytest.fixture(scope="module")
def twenty_fold() -> MatchIndex:
    return build_index(scaled(small_dataset(), 20))


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [0, 1, 2, 5])
def test_the_best_few_are_the_head_of_the_full_ranking(
    index: MatchIndex, twenty_fold: MatchIndex, query: ScoringQuery, limit: int
) -> None:
    for source in (index, twenty_fold):
        assert (
            rank_trigger_points(source, query, limit) == rank_trigger_points(source, query)[:limit]
        )
        assert rank_muscles(source, query, limit) == rank_muscles(source, query)[:limit]


def test_a_twenty_fold_dataset_scores_no_more_candidates(
    index: MatchIndex, twenty_fold: MatchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every copy of a trigger point keeps its conditions, so "tension-type headache" is linked
    # to twenty times more trigger points; none of them can reach the best two here
    scored: list[str] = []
    original = Plan.ranks

    def counted(plan: Plan, source: MatchIndex, candidates: Candidates, start: int) -> Any:
        scored.extend(source.trigger_point_ids[tp_no] for tp_no in candidates)
        return original(plan, source, candidates, start)

    monkeypatch.setattr(Plan, "ranks", counted)
    query = MatchQuery(
        regions=(RegionInput("temple"),), conditions=("tension-type-headache",), limit=2
    )

    def scored_by(source: MatchIndex) -> list[str]:
        scored.clear()
        match(source, query)
        match(source, replace(query, group_by="muscle"))
        return list(scored)

    assert scored_by(twenty_fold) == scored_by(index) != []


def test_structured_inputs_are_read_like_statements(index: MatchIndex) -> None:
    # the precomputed phrases of each input, together, are those of the inputs read together
    statements: list[tuple[TermKind, str, str]] = [
        ("region", r.id, f"{r.name} pain") for r in index.regions.values()
    ]
    kinds: tuple[TermKind, ...] = ("symptom", "condition")
    for kind in kinds:
        statements += [(kind, term, name) for term, name in index.terms[kind].names.items()]
    draw = random.Random(3)
    for _ in range(300):
        chosen = draw.sample(statements, draw.randint(1, 4))
        stored = [index.statement_flags[kind][term] for kind, term, _ in chosen]
        assert frozenset().union(*stored) == _read(index.red_flags, [s for *_, s in chosen])


def test_rule_index_fires_the_same_flags_as_checking_every_rule(index: MatchIndex) -> None:
    rules = index.red_flags
    draw = random.Random(7)
    for _ in range(2000):
        present = frozenset(draw.sample(range(len(rules.phrases)), draw.randint(1, 6)))
        age = draw.choice([None, 30, 80])
        assert evaluate(rules, present, age) == _every_rule(rules, present, age)


def test_speller_buckets_agree_with_searching_every_choice() -> None:
    wordings = [r.name for r in small_dataset().regions] + ["shoulder blade", "tingling"]
    speller = Speller(wordings)
    words = ["shoudler", "tinglign", "foreheda", "templ", "nekc", "elbwo", "thihg", "banana"]
    for word in words:
        assert speller.correct(word) == _search_every_choice(speller, word)


def _read(rules: RedFlagRules, statements: Sequence[str]) -> frozenset[int]:
    """The red-flag phrases of statements read together, each its own clause."""
    tokens = [
        Token(token.raw, token.key, clause)
        for clause, statement in enumerate(statements)
        for token in tokenize(statement)
    ]
    return find_phrases(rules, tokens, [False] * len(tokens)).present


def _every_rule(rules: RedFlagRules, present: frozenset[int], age: int | None) -> Triage:
    """Triage by checking every rule of every flag."""
    fired = []
    for flag in rules.flags:
        record = flag.record
        if record.min_age is not None and (age is None or age < record.min_age):
            continue
        matching = [rule for rule in flag.rules if all(group & present for group in rule)]
        if matching:
            matched = tuple(rules.phrases[min(group & present)] for group in matching[0])
            fired.append(RedFlagHit(record.id, record.level, record.title, record.advice, matched))
    fired.sort(key=lambda hit: -SEVERITY[hit.level])
    return Triage(fired[0].level if fired else "self_care", tuple(fired))


def _search_every_choice(speller: Speller, word: str) -> tuple[str, ...] | None:
    limit = max_edits(word)
    buckets = speller._buckets.get(word[:1], {})
    if not limit or not buckets:
        return None
    best = process.extractOne(word, list(buckets), scorer=OSA.distance, score_cutoff=limit)
    if best is None or (len(word) == 4 and sorted(best[0]) != sorted(word)):
        return None
    return buckets[str(best[0])]
