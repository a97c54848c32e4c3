"""The shortcuts that keep a query cheap give the same answers as the plain computations."""

from __future__ import annotations

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from app.matching import MatchIndex, build_index
from app.matching.fuzzy import Speller, max_edits
from app.matching.muscles import rank_muscles, scored_muscles
from app.matching.scoring import Plan, Ranked, ScoringQuery, rank_trigger_points, scored_points
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
        best = rank_trigger_points(source, query, limit)
        assert _rows(best) == _rows(rank_trigger_points(source, query)[:limit])
        assert _rows(rank_muscles(source, query, limit)) == _rows(
            rank_muscles(source, query)[:limit]
        )


def _rows(ranked: list[Ranked]) -> list[tuple[object, ...]]:
    """Everything a ranked row holds, to compare two rankings."""
    return [
        (
            row.key,
            row.score,
            row.members,
            row.member_scores,
            row.evidence.hits,
            row.evidence.symptoms,
            row.evidence.absent,
            row.evidence.factors,
            row.evidence.conditions,
            row.evidence.essential,
        )
        for row in ranked
    ]


def test_a_twenty_fold_dataset_scores_no_more_candidates(
    index: MatchIndex, twenty_fold: MatchIndex
) -> None:
    # every copy of a trigger point keeps its conditions, so "tension-type headache" is linked
    # to twenty times more trigger points; none of them can reach the best two here
    query = ScoringQuery(
        (Site(("temple",), None, "temple"),), (), (), (), ("tension-type-headache",)
    )

    def scored_by(source: MatchIndex) -> tuple[list[str], list[str]]:
        plan = Plan.of(source, query)
        points, _ = scored_points(source, plan, query, 2)
        muscles = scored_muscles(source, plan, query, 2)
        members = [tp for _, muscle in muscles for tp in muscle.members]
        ids = source.points.ids
        return sorted(ids[tp] for tp in points), sorted(ids[tp] for tp in members)

    real = scored_by(index)
    assert real[0]
    assert real[1]
    assert scored_by(twenty_fold) == real


def test_speller_buckets_agree_with_searching_every_choice() -> None:
    wordings = [r.name for r in small_dataset().regions] + ["shoulder blade", "tingling"]
    speller = Speller(wordings)
    words = ["shoudler", "tinglign", "foreheda", "templ", "nekc", "elbwo", "thihg", "banana"]
    for word in words:
        assert speller.correct(word) == _search_every_choice(speller, word)


def _search_every_choice(speller: Speller, word: str) -> tuple[str, ...] | None:
    limit = max_edits(word)
    buckets = speller._buckets.get(word[:1], {})
    if not limit or not buckets:
        return None
    best = process.extractOne(word, list(buckets), scorer=OSA.distance, score_cutoff=limit)
    if best is None or (len(word) == 4 and sorted(best[0]) != sorted(word)):
        return None
    return buckets[str(best[0])]
