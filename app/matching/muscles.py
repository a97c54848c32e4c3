"""group_by="muscle": each muscle's candidate trigger points merged, and the muscles ranked.

A muscle's evidence merges its candidates': per site a noisy-or of their credits,
1 - prod(1 - credit_i) (the site is explained unless every one of them fails to explain it, so a
muscle whose several trigger points all refer to the place ranks higher), the union of matched
conditions/symptoms/factors, and an absent symptom counts against the muscle only if all its
candidates list it. The merged evidence is scored with the formula of `app.matching.scoring`
and muscles are ordered like trigger points.

A muscle whose candidates only mimic a reported condition (they explain no site) scores at most
`Plan.ceiling`, so such muscles are formed only when one of them could still reach the rows
asked for; the trigger points linked to a condition in a muscle that explains a site are found
through the index (`PointTable.linked_by_muscle`), without walking every linked trigger point.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.matching.candidates import Candidates, linked_candidates, site_candidates
from app.matching.credit import SiteHit
from app.matching.index import MatchIndex
from app.matching.scoring import (
    Evidence,
    OrderKey,
    Plan,
    Ranked,
    ScoringQuery,
    beyond_reach,
    order_key,
    ranked_points,
)

_Muscle = tuple[OrderKey, Ranked]
_Merged = tuple[
    Mapping[int, SiteHit], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
]


def rank_muscles(index: MatchIndex, query: ScoringQuery, limit: int | None = None) -> list[Ranked]:
    """Every candidate muscle best first, or only the best `limit` of them."""
    muscles = scored_muscles(index, Plan.of(index, query), query, limit)
    return [muscle for _, muscle in muscles[:limit]]


def scored_muscles(
    index: MatchIndex, plan: Plan, query: ScoringQuery, limit: int | None
) -> list[tuple[OrderKey, Ranked]]:
    """The muscles scored for `rank_muscles`, best first, each with its order key."""
    found = site_candidates(index, query.sites)
    found.update(_linked_in_muscles(index, query.conditions, found))
    muscles = _muscles(index, plan, found, 0)
    muscles.sort()
    if query.conditions and not beyond_reach(plan.ceiling(), muscles, limit):
        others = linked_candidates(index, query.conditions, found)
        muscles += _muscles(index, plan, others, len(muscles))
        muscles.sort()
    return muscles


def _linked_in_muscles(
    index: MatchIndex, conditions: Iterable[str], found: Candidates
) -> Candidates:
    """The trigger points linked to a reported condition, not in `found`, whose muscle has a
    trigger point in `found`."""
    muscles = dict.fromkeys(index.points.records[tp_no].muscle_id for tp_no in found)
    extra: Candidates = {}
    for condition in conditions:
        by_muscle = index.points.linked_by_muscle.get(condition, {})
        for muscle in muscles:
            for tp_no in by_muscle.get(muscle, ()):
                if tp_no not in found:
                    extra.setdefault(tp_no, {})
    return extra


def _muscles(index: MatchIndex, plan: Plan, candidates: Candidates, start: int) -> list[_Muscle]:
    """The muscles of the candidates, each with its order key (numbered from `start`)."""
    ranks = plan.ranks(index, candidates, 0)
    ranks.sort()
    groups: dict[str, list[Ranked]] = {}
    for item in ranked_points(candidates, ranks):
        groups.setdefault(index.points.records[item.members[0]].muscle_id, []).append(item)
    muscles = []
    for position, (muscle_id, members) in enumerate(groups.items(), start):
        merged = _merge([member.evidence for member in members])
        score, essential = plan.assess(*merged)
        order = tuple(member.members[0] for member in members)
        scores = tuple(member.score for member in members)
        muscle = Ranked(muscle_id, score, Evidence(*merged, essential), order, scores)
        standing = min(index.points.standing[tp_no] for tp_no in order)
        muscles.append((order_key(score, essential, standing, muscle_id, position), muscle))
    return muscles


def _merge(evidence: Sequence[Evidence]) -> _Merged:
    """A muscle's hits and terms (Evidence's fields but `essential`) from its trigger points'
    (see the module docstring)."""
    if len(evidence) == 1:
        one = evidence[0]
        return one.hits, one.symptoms, one.absent, one.factors, one.conditions
    best: dict[int, SiteHit] = {}
    missed: dict[int, float] = {}  # chance that none of the trigger points explains the site
    for item in evidence:
        for site_no, hit in item.hits.items():
            missed[site_no] = missed.get(site_no, 1.0) * (1.0 - hit.credit)
            if site_no not in best or hit.credit > best[site_no].credit:
                best[site_no] = hit
    hits = {
        n: SiteHit(1.0 - missed[n], hit.reported, hit.zone_region, hit.zone, hit.match)
        for n, hit in sorted(best.items())
    }
    return (
        hits,
        frozenset().union(*(e.symptoms for e in evidence)),
        frozenset.intersection(*(e.absent for e in evidence)),
        frozenset().union(*(e.factors for e in evidence)),
        frozenset().union(*(e.conditions for e in evidence)),
    )
