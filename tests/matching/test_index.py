"""The index: tree, postings, rarity, phrase priorities, speller limits, a scaled build."""

from __future__ import annotations

from app.matching import MatchIndex, MatchQuery, build_index, match
from app.matching.credit import BROADER
from app.matching.fuzzy import Speller, common_english
from app.matching.normalize import phrase_key
from app.matching.phrases import PhraseTarget
from app.matching.records import DatasetRecords, RegionRecord, TriggerPointRecord, ZoneRecord
from tests.matching.dataset import small_dataset


def test_hierarchy(index: MatchIndex) -> None:
    tree = index.body.hierarchy
    assert tree.ancestors["behind-eye"] == ("eye", "head")
    assert ("behind-eye", 2) in tree.descendants["head"]
    assert "head" in tree.roots
    assert tree.children["elbow"] == ("outer-elbow", "back-of-elbow")


def test_postings_keep_the_best_zone_per_trigger_point(index: MatchIndex) -> None:
    scm = [tp.id for tp in index.points.records].index("sternocleidomastoid-sternal")
    (posting,) = [p for p in index.body.postings["head"] if p.tp == scm]
    # behind-eye (1.0, two levels below head) against vertex (0.8, one level below)
    best = max((1.0 * BROADER**2, "behind-eye"), (0.8 * BROADER, "vertex"))
    assert posting.zone_region == best[1]
    assert posting.zone == "essential"
    assert abs(posting.credit - best[0]) < 1e-9


def test_rarity_is_in_unit_interval(index: MatchIndex) -> None:
    assert all(0 < weight <= 1 for weight in index.body.rarity.values())
    assert index.body.rarity["heel"] > index.body.rarity["head"]


def test_names_outrank_ids_in_the_phrase_table(index: MatchIndex) -> None:
    # "leg" is the name of lower-limb and the id of the lower leg: the name wins
    assert index.reader.phrases.lookup(phrase_key("leg")) == (PhraseTarget("region", "lower-limb"),)


def test_phrase_with_two_kinds_keeps_both(index: MatchIndex) -> None:
    targets = index.reader.phrases.lookup(phrase_key("tmj pain"))
    assert {t.kind for t in targets} == {"region", "condition"}


def test_speller_limits() -> None:
    speller = Speller(["shoulder", "neck", "head", "heel", "temple", "shoulder blade"])
    assert speller.correct("shoudler") == ("shoulder",)
    assert speller.correct("nekc") == ("neck",)
    assert speller.correct("heat") is None  # four letters: transpositions only
    assert speller.correct("hed") is None  # too short
    assert speller.correct("banana") is None
    assert speller.correct("shoulderblade") == ("shoulder", "blade")
    assert speller.correct("xemple") is None  # first letter must agree


def test_everyday_english_is_never_corrected() -> None:
    speller = Speller(["fever", "slaps", "shoulder"], common_english())
    assert speller.correct("fewer") is None  # "ways to get fewer of them" is not a fever
    assert speller.correct("slabs") is None
    assert speller.correct("shoudler") == ("shoulder",)  # a slip is still mended


def test_unknown_ids_in_the_data_are_ignored() -> None:
    records = small_dataset()
    odd = TriggerPointRecord(
        "odd-trp",
        "Odd: trp",
        "Trp",
        "odd",
        "Odd",
        "ipsilateral",
        (ZoneRecord("no-such-region", "essential", 1.0), ZoneRecord("heel", "spillover", 0.5)),
    )
    orphan = RegionRecord("orphan", "Orphan", "missing-parent", True)
    custom = build_index(
        DatasetRecords(
            records.version,
            (*records.regions, orphan),
            (*records.trigger_points, odd),
            records.symptoms,
            records.factors,
            records.conditions,
            records.vocabulary,
            records.red_flags,
        )
    )
    assert "orphan" in custom.body.hierarchy.roots
    assert "odd-trp" in [r.trigger_point.id for r in match(custom, MatchQuery(text="heel")).results]


def test_build_takes_a_twenty_fold_dataset() -> None:
    # How long it takes is measured in bench/ (bench.synthetic), not here.
    big = build_index(scaled(small_dataset(), 20))
    assert len(big.points.records) == 20 * len(small_dataset().trigger_points)
    assert match(big, MatchQuery(text="headache behind my left eye")).results


def scaled(records: DatasetRecords, factor: int) -> DatasetRecords:
    """Copies of every region subtree and trigger point, renamed, to stress the build."""
    regions = list(records.regions)
    tps = list(records.trigger_points)
    for n in range(1, factor):
        regions += [
            RegionRecord(
                f"{r.id}-{n}",
                f"{r.name} {n}",
                f"{r.parent}-{n}" if r.parent else None,
                r.lateral,
                tuple(f"{s} {n}" for s in r.synonyms),
            )
            for r in records.regions
        ]
        tps += [
            TriggerPointRecord(
                f"{t.id}-{n}",
                t.name,
                t.label,
                f"{t.muscle_id}-{n}",
                t.muscle_name,
                t.referral_side,
                tuple(ZoneRecord(f"{z.region}-{n}", z.zone, z.weight) for z in t.zones),
                t.symptoms,
                t.factors,
                t.conditions,
            )
            for t in records.trigger_points
        ]
    return DatasetRecords(
        records.version,
        tuple(regions),
        tuple(tps),
        records.symptoms,
        records.factors,
        records.conditions,
        records.vocabulary,
        records.red_flags,
    )
