"""Region credit: how well one reported region is explained by one trigger point's zones.

Precomputed for every (region, trigger point) pair that gets any credit, as posting lists keyed
by the reported region, so a query touches only the trigger points that can explain it. The
scorer reads them as `region_hits`: the same lists with each entry already in the shape of a
`SiteHit`, so scoring a query creates no hit objects.

    credit(q, t) = max over zones z of t:  relation(q, z) * weight(z)

    relation = 1                      q is the zone's region
             = BROADER ** distance    q is an ancestor of z (reported "head", zone on the temple:
                                      the person was vague, the zone may or may not be it)
             = NARROWER ** distance   q lies inside z (reported "temple", zone on the whole head:
                                      the zone covers it, but less specifically)

Zone weights carry essential (1.0, 0.8) versus spillover (0.5, 0.3), so an essential zone
always beats a spillover one on the same region.

Rarity is an inverse document frequency over these postings: a region that many trigger points
explain ("shoulder") says less about which one is active than a region few explain ("eyelid").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.hierarchy import Hierarchy
from app.matching.outcome import RegionMatch
from app.matching.records import TriggerPointRecord, ZoneKind

BROADER: Final = 0.85
NARROWER: Final = 0.75


@dataclass(frozen=True, slots=True)
class Posting:
    tp: int  # index into PointTable.records
    credit: float
    zone_region: str
    zone: ZoneKind


@dataclass(frozen=True, slots=True)
class SiteHit:
    """How a trigger point explains a reported place: through which zone, with what credit."""

    credit: float
    reported: str  # the reported region
    zone_region: str
    zone: ZoneKind
    match: RegionMatch  # how a result row shows it (credit aside, it never changes)


def site_hit(credit: float, reported: str, zone_region: str, zone: ZoneKind) -> SiteHit:
    via = zone_region if zone_region != reported else None
    return SiteHit(credit, reported, zone_region, zone, RegionMatch(reported, zone, via))


RegionHits = Mapping[str, tuple[tuple[int, SiteHit], ...]]  # region -> (trigger point, hit)


def build_postings(
    trigger_points: Sequence[TriggerPointRecord], hierarchy: Hierarchy
) -> dict[str, tuple[Posting, ...]]:
    """Reported region -> the trigger points that explain it, best zone each."""
    lists: dict[str, list[Posting]] = {}
    for tp_no, tp in enumerate(trigger_points):
        for region, posting in _best_per_region(tp_no, tp, hierarchy).items():
            lists.setdefault(region, []).append(posting)
    return {region: tuple(postings) for region, postings in lists.items()}


def region_hits(postings: Mapping[str, Sequence[Posting]]) -> RegionHits:
    """The postings as (trigger point, hit) pairs, in the same order."""
    return {
        region: tuple((p.tp, site_hit(p.credit, region, p.zone_region, p.zone)) for p in found)
        for region, found in postings.items()
    }


def _best_per_region(
    tp_no: int, tp: TriggerPointRecord, hierarchy: Hierarchy
) -> dict[str, Posting]:
    best: dict[str, Posting] = {}
    for zone in tp.zones:
        if zone.region not in hierarchy.parent:
            continue
        related = [(zone.region, 1.0)]
        related += [(a, BROADER**d) for d, a in enumerate(hierarchy.ancestors[zone.region], 1)]
        related += [(r, NARROWER**d) for r, d in hierarchy.descendants[zone.region]]
        for region, factor in related:
            posting = Posting(tp_no, factor * zone.weight, zone.region, zone.zone)
            if _better(posting, best.get(region)):
                best[region] = posting
    return best


def _better(new: Posting, old: Posting | None) -> bool:
    if old is None or new.credit > old.credit:
        return True
    return new.credit == old.credit and new.zone == "essential" and old.zone != "essential"


def rarity_weights(
    postings: Mapping[str, Sequence[Posting]], regions: Sequence[str], total: int
) -> dict[str, float]:
    """Smoothed IDF scaled into (0, 1]: 1 for a region nobody explains."""
    if total == 0:
        return dict.fromkeys(regions, 1.0)
    ceiling = math.log(1 + total)
    return {r: math.log(1 + total / (1 + len(postings.get(r, ())))) / ceiling for r in regions}
