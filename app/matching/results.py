"""Turn ranked evidence into result rows: side to examine, matched and unexplained regions,
the explanation, and (for muscles) the muscle's best trigger points.

Side to examine: the side(s) of the sites the row explains -- one side, or "both" when the
person reported both sides or pain on each side; flipped for a contralateral pattern; always
"both" for bilateral or midline patterns; null when no side was given.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.matching.explain import explain
from app.matching.index import MatchIndex
from app.matching.records import ReferralSide
from app.matching.result import MatchResult, Ref, RegionMatch, ResultSide, TriggerPointScore
from app.matching.scoring import Evidence, Ranked, ScoringQuery
from app.matching.sites import Site

_FLIP: dict[ResultSide, ResultSide] = {"left": "right", "right": "left", "both": "both"}


def build_rows(
    index: MatchIndex, query: ScoringQuery, ranked: Sequence[Ranked], *, grouped: bool
) -> tuple[MatchResult, ...]:
    return tuple(
        _row(index, query, item, rank, grouped) for rank, item in enumerate(ranked, start=1)
    )


def _row(
    index: MatchIndex, query: ScoringQuery, item: Ranked, rank: int, grouped: bool
) -> MatchResult:
    tp = index.trigger_points[item.members[0]]
    evidence = item.evidence
    members: tuple[TriggerPointScore, ...] = ()
    if grouped:
        members = tuple(
            TriggerPointScore(
                index.trigger_points[n].id, index.trigger_points[n].name, round(score, 4)
            )
            for n, score in zip(item.members, item.member_scores, strict=True)
        )
    return MatchResult(
        rank=rank,
        score=round(item.score, 4),
        trigger_point=Ref(tp.id, tp.name),
        muscle=Ref(tp.muscle_id, tp.muscle_name),
        side=examine_side(query.sites, evidence, tp.referral_side),
        matched_regions=_matched(evidence),
        unexplained_regions=_unexplained(query.sites, evidence),
        explanation=explain(index, tp, evidence, query.sites, grouped=grouped),
        trigger_points=members,
    )


def examine_side(
    sites: Sequence[Site], evidence: Evidence, referral: ReferralSide
) -> ResultSide | None:
    """Which side to examine for this row."""
    if referral in ("bilateral", "midline"):
        return "both"
    sides = {found for n in evidence.hits if (found := sites[n].side) is not None}
    if not sides:
        return None
    side: ResultSide = "both" if len(sides) > 1 or "both" in sides else next(iter(sides))
    return _FLIP[side] if referral == "contralateral" else side


def _matched(evidence: Evidence) -> tuple[RegionMatch, ...]:
    found: dict[str, RegionMatch] = {}
    for _, hit in sorted(evidence.hits.items()):
        via = hit.zone_region if hit.zone_region != hit.reported else None
        found.setdefault(hit.reported, RegionMatch(hit.reported, hit.zone, via))
    return tuple(found.values())


def _unexplained(sites: Sequence[Site], evidence: Evidence) -> tuple[str, ...]:
    missing = [r for n, site in enumerate(sites) if n not in evidence.hits for r in site.regions]
    return tuple(dict.fromkeys(missing))
