"""Turn ranked evidence into result rows: side to examine, matched and unexplained regions,
the explanation, and (for muscles) the muscle's best trigger points.

Side to examine: the side(s) of the sites the row explains -- one side, or "both" when the
person reported both sides or pain on each side; flipped for a contralateral pattern; always
"both" for bilateral or midline patterns; null when no side was given.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import pairwise

from app.matching.credit import SiteHit
from app.matching.explain import Explainer
from app.matching.index import STANDING_COMMON, MatchIndex
from app.matching.outcome import (
    MatchResult,
    RankReason,
    RegionMatch,
    ResultSide,
    TriggerPointScore,
)
from app.matching.records import ReferralSide
from app.matching.scoring import Ranked, ScoringQuery, shown_score
from app.matching.sites import Site

_FLIP: dict[ResultSide, ResultSide] = {"left": "right", "right": "left", "both": "both"}


def build_rows(
    index: MatchIndex,
    query: ScoringQuery,
    ranked: Sequence[Ranked],
    *,
    grouped: bool,
    limit: int,
) -> tuple[MatchResult, ...]:
    """The first `limit` rows of `ranked` (which may hold one more: the row that follows the
    last, for its `rank_reason`)."""
    rows = _Rows(index, query.sites, grouped)
    reasons = rank_reasons(index, ranked)
    shown = ranked[:limit]
    return tuple([rows.row(item, n + 1, reasons[n]) for n, item in enumerate(shown)])


def rank_reasons(index: MatchIndex, ranked: Sequence[Ranked]) -> list[RankReason | None]:
    """What puts each row ahead of the next, in the order the ranking weighs it: a higher
    shown `score` ("score"); at an equal score, more matches through essential zones
    ("essential_zones"); then a trigger point the manual calls common ("common") or one whose
    pattern is its own where the next borrows another muscle's ("own_pattern"); else nothing in
    the evidence, and the order is by id ("tie"). None for the last row."""
    keys = [_order(index, item) for item in ranked]
    return [_reason(a, b) for a, b in pairwise(keys)] + [None]


def _order(index: MatchIndex, item: Ranked) -> tuple[float, int, int]:
    standing = min(index.points.standing[tp_no] for tp_no in item.members)
    return shown_score(item.score), item.evidence.essential, standing


def _reason(a: tuple[float, int, int], b: tuple[float, int, int]) -> RankReason:
    if a[0] != b[0]:
        return "score"
    if a[1] != b[1]:
        return "essential_zones"
    if a[2] != b[2]:
        return "common" if a[2] == STANDING_COMMON else "own_pattern"
    return "tie"


class _Rows:
    """Builds the rows of one query. What depends only on which sites a row explains (their
    side, the sites left unexplained) is worked out once per set of sites, and the wording once
    per list of places (`Explainer`)."""

    def __init__(self, index: MatchIndex, sites: Sequence[Site], grouped: bool) -> None:
        self._index = index
        self._sites = sites
        self._grouped = grouped
        self._explainer = Explainer(index.points.labels)
        self._by_sites: dict[tuple[int, ...], tuple[ResultSide | None, tuple[str, ...]]] = {}

    def row(self, item: Ranked, rank: int, reason: RankReason | None) -> MatchResult:
        index = self._index
        tp_no = item.members[0]
        point = index.points.labels.points[tp_no]
        evidence = item.evidence
        hits = tuple(evidence.hits.values())  # in site order (see `Evidence`)
        side, unexplained = self._explained(tuple(evidence.hits))
        # positional (a row is built per result): rank, score, trigger point, muscle, side to
        # examine, matched regions, unexplained regions, explanation, a muscle's trigger points,
        # what puts it ahead of the next row
        return MatchResult(
            rank,
            shown_score(item.score),
            point.trigger_point,
            point.muscle,
            examine_side(side, index.points.records[tp_no].referral_side),
            _matched(hits),
            unexplained,
            self._explainer.explain(point, evidence, hits, side, grouped=self._grouped),
            _members(index, item) if self._grouped else (),
            reason,
        )

    def _explained(self, site_nos: tuple[int, ...]) -> tuple[ResultSide | None, tuple[str, ...]]:
        """The side of the sites explained and the regions of the other sites."""
        found = self._by_sites.get(site_nos)
        if found is None:
            side = reported_side(self._sites, site_nos)
            found = self._by_sites[site_nos] = (side, _unexplained(self._sites, site_nos))
        return found


def _members(index: MatchIndex, item: Ranked) -> tuple[TriggerPointScore, ...]:
    """A muscle row's trigger points with their own scores, best first."""
    refs = [index.points.labels.points[n].trigger_point for n in item.members]
    return tuple(
        TriggerPointScore(ref.id, ref.name, shown_score(score))
        for ref, score in zip(refs, item.member_scores, strict=True)
    )


def reported_side(sites: Sequence[Site], explained: Iterable[int]) -> ResultSide | None:
    """The side of the explained sites: one side, "both" when they were reported on both sides
    or on different sides, None when none has a side."""
    sides = {side for n in explained if (side := sites[n].side) is not None}
    if not sides:
        return None
    return "both" if len(sides) > 1 or "both" in sides else sides.pop()


def examine_side(side: ResultSide | None, referral: ReferralSide) -> ResultSide | None:
    """Which side to examine for a row whose explained sites are on `side`."""
    if referral in ("bilateral", "midline"):
        return "both"
    if side is None:
        return None
    return _FLIP[side] if referral == "contralateral" else side


def _matched(hits: Sequence[SiteHit]) -> tuple[RegionMatch, ...]:
    """One entry per reported region, from its first hit in site order."""
    if len(hits) == 1:
        return (hits[0].match,)
    found: dict[str, RegionMatch] = {}
    for hit in hits:
        found.setdefault(hit.reported, hit.match)
    return tuple(found.values())


def _unexplained(sites: Sequence[Site], explained: Collection[int]) -> tuple[str, ...]:
    """The regions of the sites not explained, each once."""
    if len(explained) == len(sites):
        return ()
    missing = [r for n, site in enumerate(sites) if n not in explained for r in site.regions]
    return tuple(dict.fromkeys(missing))
