"""Ranking: zones, hierarchy, rarity, coverage, terms, sides, grouping, determinism."""

from __future__ import annotations

from dataclasses import replace

from app.matching import MatchIndex, MatchOutcome, MatchQuery, RegionInput, build_index, match
from app.matching.records import DatasetRecords, TriggerPointRecord, ZoneRecord
from tests.matching.dataset import small_dataset


def ranked(index: MatchIndex, query: MatchQuery) -> list[str]:
    return [row.trigger_point.id for row in match(index, query).results]


def at(*regions: str, side: str | None = None, **extra: object) -> MatchQuery:
    inputs = tuple(RegionInput(r, side) for r in regions)  # type: ignore[arg-type]
    return MatchQuery(regions=inputs, **extra)  # type: ignore[arg-type]


def score_of(outcome: MatchOutcome, tp_id: str) -> float:
    return next(row.score for row in outcome.results if row.trigger_point.id == tp_id)


def test_essential_beats_spillover(index: MatchIndex) -> None:
    order = ranked(index, at("outer-elbow"))
    assert order.index("supinator-ventral") < order.index("triceps-brachii-lateral")
    outcome = match(index, at("outer-elbow"))
    triceps = next(r for r in outcome.results if r.trigger_point.id == "triceps-brachii-lateral")
    assert [(m.region, m.zone) for m in triceps.matched_regions] == [("outer-elbow", "spillover")]


def test_exact_region_beats_hierarchy_credit(index: MatchIndex) -> None:
    # reported "eye": behind-eye zones match through the tree, with less credit than exact
    outcome = match(index, at("behind-eye"))
    assert outcome.results[0].trigger_point.id == "sternocleidomastoid-sternal"
    assert outcome.results[0].score == 1.0


def test_broader_report_partially_matches_narrower_zones(index: MatchIndex) -> None:
    outcome = match(index, at("head"))
    ids = [row.trigger_point.id for row in outcome.results]
    assert "temporalis-anterior" in ids
    row = outcome.results[ids.index("temporalis-anterior")]
    assert row.matched_regions[0].region == "head"
    assert row.matched_regions[0].matched_via == "temple"
    assert 0 < row.score < 1


def test_narrower_report_partially_matches_a_broader_zone(index: MatchIndex) -> None:
    records = small_dataset()
    whole_head = TriggerPointRecord(
        "test-whole-head",
        "Test: whole head",
        "Whole head",
        "test-muscle",
        "Test muscle",
        "ipsilateral",
        (ZoneRecord("head", "essential", 1.0),),
    )
    custom = build_index(_with(records, whole_head))
    outcome = match(custom, at("temple"))
    row = next(r for r in outcome.results if r.trigger_point.id == "test-whole-head")
    assert row.matched_regions[0].matched_via == "head"
    assert score_of(outcome, "temporalis-anterior") > row.score > 0


def test_coverage_explaining_all_regions_wins(index: MatchIndex) -> None:
    # trapezius-upper explains both the temple and the back of the neck
    order = ranked(index, at("temple", "back-of-neck"))
    assert order[0] == "trapezius-upper"
    outcome = match(index, at("temple", "back-of-neck"))
    temporalis = next(r for r in outcome.results if r.trigger_point.id == "temporalis-anterior")
    assert temporalis.unexplained_regions == ("back-of-neck",)


def test_rarer_region_counts_more(index: MatchIndex) -> None:
    # the temple is explained by 3 trigger points, the heel by 1 (soleus); deltoid explains
    # only the shoulder. Reported heel + temple: soleus (rare region) beats temporalis.
    outcome = match(index, at("heel", "temple"))
    assert score_of(outcome, "soleus-distal") > score_of(outcome, "temporalis-anterior")
    assert index.body.rarity["heel"] > index.body.rarity["temple"]


def test_symptoms_raise_and_absent_symptoms_lower(index: MatchIndex) -> None:
    base = match(index, at("buttock"))
    assert score_of(base, "piriformis-lateral") == score_of(base, "gluteus-minimus-posterior")
    tingling = match(index, at("buttock", symptoms=("tingling",)))
    assert ranked(index, at("buttock", symptoms=("tingling",)))[0] == "piriformis-lateral"
    assert score_of(tingling, "piriformis-lateral") > score_of(
        tingling, "gluteus-minimus-posterior"
    )
    absent = match(index, at("buttock", absent_symptoms=("tingling",)))
    assert score_of(absent, "piriformis-lateral") < score_of(absent, "gluteus-minimus-posterior")


def test_factors_raise(index: MatchIndex) -> None:
    order = ranked(index, at("tmj", factors=("chewing",)))
    assert set(order[:2]) == {"masseter-deep", "lateral-pterygoid-upper"}
    assert order.index("trapezius-upper") > 1


def test_condition_only_query_yields_linked_trigger_points(index: MatchIndex) -> None:
    order = ranked(index, MatchQuery(conditions=("sciatica",)))
    assert set(order) == {"gluteus-minimus-posterior", "piriformis-lateral"}
    outcome = match(index, MatchQuery(text="TMJ pain"))
    assert {"masseter-deep", "lateral-pterygoid-upper"} <= {
        r.trigger_point.id for r in outcome.results[:2]
    }
    assert outcome.needs_more_detail is False


def test_condition_explanation_without_regions(index: MatchIndex) -> None:
    outcome = match(index, MatchQuery(conditions=("piriformis syndrome",)))
    assert outcome.results[0].explanation == (
        "A trigger point in the piriformis — lateral — can cause pain that is often mistaken for "
        "piriformis syndrome."
    )


def test_scores_are_bounded_and_sorted(index: MatchIndex) -> None:
    queries = [
        MatchQuery(text="headache behind my left eye, stressed, no dizziness"),
        at(
            "temple",
            "heel",
            "buttock",
            symptoms=("numbness", "tingling"),
            factors=("stress",),
            conditions=("sciatica",),
        ),
        MatchQuery(text="sciatica down the back of my leg"),
    ]
    for query in queries:
        results = match(index, query).results
        scores = [row.score for row in results]
        assert scores
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert scores == sorted(scores, reverse=True)
        assert [row.rank for row in results] == list(range(1, len(results) + 1))


def test_tie_break_is_by_essential_count_then_id(index: MatchIndex) -> None:
    order = ranked(index, at("tmj"))
    assert order[:2] == ["lateral-pterygoid-upper", "masseter-deep"]


def test_results_are_deterministic(index: MatchIndex) -> None:
    query = MatchQuery(text="pain in my left temple and the back of my neck, stressed")
    first = match(index, query)
    rebuilt = build_index(small_dataset())
    assert all(match(index, query) == first for _ in range(3))
    assert match(rebuilt, query) == first


def test_limit(index: MatchIndex) -> None:
    assert len(match(index, MatchQuery(text="headache", limit=2)).results) == 2


def test_side_follows_the_report(index: MatchIndex) -> None:
    assert match(index, at("temple", side="left")).results[0].side == "left"
    assert match(index, at("temple")).results[0].side is None
    both = match(
        index,
        MatchQuery(regions=(RegionInput("temple", "left"), RegionInput("back-of-neck", "right"))),
    )
    assert both.results[0].trigger_point.id == "trapezius-upper"
    assert both.results[0].side == "both"


def test_contralateral_and_bilateral_patterns(index: MatchIndex) -> None:
    assert match(index, at("side-of-chest", side="left")).results[0].side == "right"
    assert match(index, at("low-back")).results[0].side == "both"


def test_group_by_muscle_one_row_per_muscle(index: MatchIndex) -> None:
    outcome = match(index, at("back-of-neck", "shoulder", group_by="muscle"))
    muscles = [row.muscle.id for row in outcome.results]
    assert len(muscles) == len(set(muscles))
    assert muscles[0] == "trapezius"
    trapezius = outcome.results[0]
    assert [tp.id for tp in trapezius.trigger_points] == ["trapezius-lower", "trapezius-upper"]
    # the muscle's trigger points together explain both places
    assert trapezius.unexplained_regions == ()
    assert trapezius.explanation.startswith("Trigger points in the trapezius")


def test_explanation_names_zones_and_reported_side(index: MatchIndex) -> None:
    row = match(index, MatchQuery(text="left temple pain, tension headache")).results[0]
    assert row.explanation.startswith("A trigger point in the temporalis — anterior —")
    assert "matching your pain in the temple on the left side" in row.explanation
    assert "tension-type headache" in row.explanation


def test_a_muscle_row_speaks_of_its_trigger_points_in_the_plural(index: MatchIndex) -> None:
    query = MatchQuery(text="left temple pain, tension headache", group_by="muscle")
    row = match(index, query).results[0]
    assert row.explanation.startswith("Trigger points in the temporalis commonly send pain")
    assert "; their pain is often mistaken for tension-type headache" in row.explanation
    single = match(index, MatchQuery(text="left temple pain, tension headache")).results[0]
    assert "; its pain is often mistaken for tension-type headache" in single.explanation


def _with(records: DatasetRecords, extra: TriggerPointRecord) -> DatasetRecords:
    return DatasetRecords(
        records.version,
        records.regions,
        (*records.trigger_points, extra),
        records.symptoms,
        records.factors,
        records.conditions,
        records.vocabulary,
        records.red_flags,
    )


def test_muscle_score_combines_its_trigger_points(index: MatchIndex) -> None:
    # reported "neck": both trapezius trigger points explain it partly (through the tree);
    # together (noisy-or) they explain it better than either alone
    outcome = match(index, at("neck", group_by="muscle"))
    trapezius = next(row for row in outcome.results if row.muscle.id == "trapezius")
    assert len(trapezius.trigger_points) == 2
    assert trapezius.score > max(tp.score for tp in trapezius.trigger_points)
    assert trapezius.score <= 1.0


def test_common_trigger_points_win_ties(index: MatchIndex) -> None:
    query = MatchQuery(regions=(RegionInput("temple"),), limit=50)
    plain = match(index, query).results
    tied = [r for r in plain if r.score == plain[0].score]
    assert len(tied) >= 2, "the fixture has several equally good fits for the temple"
    last = tied[-1].trigger_point.id
    records = small_dataset()
    marked = replace(
        records,
        trigger_points=tuple(replace(tp, common=tp.id == last) for tp in records.trigger_points),
    )
    reranked = match(build_index(marked), query).results
    assert reranked[0].trigger_point.id == last
    assert reranked[0].score == plain[0].score


def test_borrowed_patterns_lose_ties_to_observed_ones(index: MatchIndex) -> None:
    query = MatchQuery(regions=(RegionInput("temple"),), limit=50)
    plain = match(index, query).results
    tied = [r for r in plain if r.score == plain[0].score]
    assert len(tied) >= 2, "the fixture has several equally good fits for the temple"
    first = tied[0].trigger_point.id
    records = small_dataset()
    marked = replace(
        records,
        trigger_points=tuple(
            replace(tp, pattern_from="trapezius" if tp.id == first else None)
            for tp in records.trigger_points
        ),
    )
    reranked = match(build_index(marked), query).results
    tied_again = [r.trigger_point.id for r in reranked if r.score == plain[0].score]
    assert tied_again[-1] == first
    assert sorted(tied_again) == sorted(r.trigger_point.id for r in tied)
