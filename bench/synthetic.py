"""A synthetic dataset 20x the real one, to show the matcher's cost grows slowly with data."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path
from typing import Final

from app.dataset.matcher_input import records_from_files
from app.matching import MatchIndex, MatchQuery, RegionInput, build_index, match
from app.matching.records import DatasetRecords, RegionRecord, TriggerPointRecord, ZoneRecord

ROOT: Final = Path(__file__).resolve().parent.parent
QUERIES: Final = (
    MatchQuery(text="throbbing headache behind my left eye and at the temple, worse with stress"),
    MatchQuery(text="sciatica-like pain in my left buttock down the back of my leg"),
    MatchQuery(regions=(RegionInput("temple", "left"), RegionInput("occiput"))),
    MatchQuery(text="tingling in my hand at night, carpal tunnel?", group_by="muscle"),
)


def scaled(records: DatasetRecords, factor: int) -> DatasetRecords:
    """``factor`` times the regions and trigger points, at the real dataset's density.

    Copy ``n`` is a whole second region tree (its own ids, names and a synonym each) whose
    trigger points refer only to that copy's regions — like a body mapped ``factor`` times
    finer: the phrase table, region tree and trigger-point list all grow ``factor`` times while
    each place keeps about as many trigger points as in the real data.
    """
    regions = list(records.regions)
    points = list(records.trigger_points)
    for n in range(1, factor):
        regions += [_region_copy(region, n) for region in records.regions]
        points += [_point_copy(tp, n) for tp in records.trigger_points]
    return replace(records, regions=tuple(regions), trigger_points=tuple(points))


def _region_copy(region: RegionRecord, n: int) -> RegionRecord:
    parent = f"{region.parent}-s{n}" if region.parent else None
    synonyms = (f"{region.name.lower()} zone {n}",)
    return RegionRecord(f"{region.id}-s{n}", f"{region.name} {n}", parent, region.lateral, synonyms)


def _point_copy(tp: TriggerPointRecord, n: int) -> TriggerPointRecord:
    zones = tuple(ZoneRecord(f"{z.region}-s{n}", z.zone, z.weight) for z in tp.zones)
    return replace(tp, id=f"{tp.id}-s{n}", muscle_id=f"{tp.muscle_id}-s{n}", zones=zones)


def p50_ms(index: MatchIndex, rounds: int = 200) -> float:
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            match(index, query)
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


BUILD_GOAL_S = 5.0  # the 20x index, built once per dataset version: growth stays near linear


def matcher_scaling() -> tuple[float, float]:
    """(20x p50 / real p50, seconds to build the 20x index)."""
    records = records_from_files(ROOT / "data")
    real = p50_ms(build_index(records))
    started = time.perf_counter()
    large_index = build_index(scaled(records, 20))
    built_s = time.perf_counter() - started
    large = p50_ms(large_index)
    print(f"matcher p50: real dataset {real:.3f} ms, 20x synthetic {large:.3f} ms")
    print(f"index build, 20x synthetic dataset: {built_s:.2f} s (goal <= {BUILD_GOAL_S:.0f} s)")
    return large / real, built_s
