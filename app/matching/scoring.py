"""Scoring: how well each trigger point (or muscle) explains what was reported.

For a trigger point t and reported sites s (each with alternatives, a weight w_s and a
rarity rho_s = mean rarity of its regions, see `credit.py`):

    regions    R = sum_s rho_s * w_s * credit(s, t)  /  sum_s rho_s * w_s
                   credit(s, t) = best credit over the site's alternative regions, in [0, 1]
                   (zone weight x hierarchy factor). R is coverage weighted by rarity: a
                   trigger point explaining every site beats one explaining one, and a rare
                   site counts more than a common one.
    conditions C = share of the reported conditions t mimics (conditions named by one phrase
                   are alternatives: mimicking any of them counts)
    symptoms   S = share of the reported symptoms t lists
    factors    F = share of the reported factors t lists

    score = (3 R + 1 C + 1 S + 0.5 F) / (sum of the weights of the parts the query has)
            * (1 - 0.3 * share of the absent symptoms t lists)

Only parts present in the query count in the denominator, so the score is in [0, 1] and a
condition-only query ("TMJ pain" read as a condition, or conditions=["sciatica"]) ranks the
trigger points linked to it. A trigger point is a candidate only when it explains at least one
site or mimics a reported condition: symptoms and factors refine, they never nominate.

Ties are broken deterministically: score (rounded to 4 places) descending, then the number of
sites explained through an essential zone, then trigger points the manual calls common (the
pain guides list the frequent culprits first), then those with a pattern of their own before
those given another muscle's (`pattern_from`: the gemelli's is the piriformis pattern, so on
equal evidence piriformis comes first), then id. group_by="muscle" ranks muscles the same
way (`app.matching.muscles`).

Work per query follows what the query touches (`app.matching.candidates`): the precomputed hit
lists of the reported regions, each candidate's own term sets (never the whole list of trigger
points that share a reported symptom or factor), and the trigger points linked to a reported
condition -- those that explain no site only when one of them could still reach the rows asked
for (`Plan.ceiling`), since a common condition can be linked to a large part of the dataset.
Evidence is built only for the rows returned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from app.matching.candidates import Candidates, linked_candidates, site_candidates
from app.matching.credit import SiteHit
from app.matching.index import MatchIndex, PointTerms
from app.matching.sites import Site

SCORE_STEPS: Final = 10_000  # scores are shown, and tie, at 4 decimal places
W_REGIONS: Final = 3.0
W_CONDITIONS: Final = 1.0
W_SYMPTOMS: Final = 1.0
W_FACTORS: Final = 0.5
ABSENT_PENALTY: Final = 0.3


class ScoringQuery:
    """What the ranking reads of a query (a plain class, which mypyc compiles to a native one)."""

    def __init__(
        self,
        sites: tuple[Site, ...],
        symptoms: tuple[str, ...],
        absent_symptoms: tuple[str, ...],
        factors: tuple[str, ...],
        conditions: tuple[str, ...],
        # alternatives named together ("sciatica" -> sciatica or piriformis syndrome); defaults to
        # one group per condition
        condition_groups: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.sites = sites
        self.symptoms = symptoms
        self.absent_symptoms = absent_symptoms
        self.factors = factors
        self.conditions = conditions
        self.condition_groups = condition_groups

    def groups(self) -> tuple[tuple[str, ...], ...]:
        return self.condition_groups or tuple((c,) for c in self.conditions)


class Evidence:
    """What one candidate (a trigger point, or a muscle's merged candidates) explains.

    A plain class, which mypyc compiles to a native one: one is built per result row, so it
    must be cheap to create (a frozen dataclass costs about twelve times as much, a named tuple
    six). Nothing changes it once built."""

    def __init__(
        self,
        hits: Mapping[int, SiteHit],  # site number -> best hit, in site order
        symptoms: frozenset[str],
        absent: frozenset[str],
        factors: frozenset[str],
        conditions: frozenset[str],
        essential: int,  # how many of the hits are through an essential zone
    ) -> None:
        self.hits = hits
        self.symptoms = symptoms
        self.absent = absent
        self.factors = factors
        self.conditions = conditions
        self.essential = essential


class Ranked:
    """One ranked row: a trigger point, or a muscle when grouped (a plain class, as `Evidence`)."""

    def __init__(
        self,
        key: str,  # trigger point id, or muscle id when grouped
        score: float,
        evidence: Evidence,
        members: tuple[int, ...],  # trigger point indices, best first
        member_scores: tuple[float, ...] = (),  # parallel to members (muscle rows only)
    ) -> None:
        self.key = key
        self.score = score
        self.evidence = evidence
        self.members = members
        self.member_scores = member_scores


class Plan:
    """Per-query constants of the formula, computed once rather than per candidate (a plain
    class, as `Evidence`: its methods run once per candidate, and a native class calls them
    directly)."""

    def __init__(
        self,
        site_weights: tuple[float, ...],  # rarity x site weight / their sum x W_REGIONS / denom.
        condition_groups: tuple[frozenset[str], ...],
        condition_unit: float,  # W_CONDITIONS / (groups x denominator)
        symptom_unit: float,
        factor_unit: float,
        absent_unit: float,  # ABSENT_PENALTY / number of absent symptoms
        terms: _Terms,
    ) -> None:
        self.site_weights = site_weights
        self.condition_groups = condition_groups
        self.condition_unit = condition_unit
        self.symptom_unit = symptom_unit
        self.factor_unit = factor_unit
        self.absent_unit = absent_unit
        self.terms = terms
        # then the groups a candidate matches = its conditions
        self.one_group_per_condition = _one_per_condition(condition_groups, terms.conditions)

    @classmethod
    def of(cls, index: MatchIndex, query: ScoringQuery) -> Plan:
        groups = tuple(frozenset(group) for group in query.groups())
        parts = (
            (W_REGIONS if query.sites else 0.0)
            + (W_CONDITIONS if groups else 0.0)
            + (W_SYMPTOMS if query.symptoms else 0.0)
            + (W_FACTORS if query.factors else 0.0)
        )
        denominator = parts or 1.0
        weights = [_site_weight(index, site) for site in query.sites]
        region_unit = W_REGIONS / ((sum(weights) or 1.0) * denominator)
        return cls(
            site_weights=tuple(w * region_unit for w in weights),
            condition_groups=groups,
            condition_unit=_unit(W_CONDITIONS, len(groups), denominator),
            symptom_unit=_unit(W_SYMPTOMS, len(query.symptoms), denominator),
            factor_unit=_unit(W_FACTORS, len(query.factors), denominator),
            absent_unit=_unit(ABSENT_PENALTY, len(query.absent_symptoms), 1.0),
            terms=_Terms(query),
        )

    def ranks(self, index: MatchIndex, candidates: Candidates, start: int) -> list[Rank]:
        """Each candidate's order key, score, essential hits and the reported terms it lists,
        numbered from `start` in candidate order (sorting these puts the best first; evidence
        is built only for those returned). The hot loop of a query: one pass per candidate,
        no call unless terms were reported."""
        ids, standing = index.points.ids, index.points.standing
        listed = index.points.terms if self.terms.reported else None
        ranks: list[Rank] = []
        for position, (tp_no, hits) in enumerate(candidates.items(), start):
            total, essential = self.explained(hits)
            found = _NOTHING_LISTED
            if listed is not None:
                found = self.terms.listed_by(listed[tp_no])
                total = self.with_terms(total, *found)
            score = 1.0 if total > 1.0 else 0.0 if total < 0.0 else total
            key = order_key(score, essential, standing[tp_no], ids[tp_no], position)
            ranks.append((key, score, essential, found))
        return ranks

    def assess(
        self,
        hits: Mapping[int, SiteHit],
        symptoms: frozenset[str],
        absent: frozenset[str],
        factors: frozenset[str],
        conditions: frozenset[str],
    ) -> tuple[float, int]:
        """The score (the formula of the module docstring) and how many of the hits are
        through an essential zone."""
        total, essential = self.explained(hits)
        total = self.with_terms(total, symptoms, absent, factors, conditions)
        return 1.0 if total > 1.0 else 0.0 if total < 0.0 else total, essential

    def explained(self, hits: Mapping[int, SiteHit]) -> tuple[float, int]:
        """The regions part of the score, and how many hits are through an essential zone."""
        weights = self.site_weights
        total = 0.0
        essential = 0
        for site_no, hit in hits.items():
            total += weights[site_no] * hit.credit
            if hit.zone == "essential":
                essential += 1
        return total, essential

    def with_terms(
        self,
        total: float,
        symptoms: frozenset[str],
        absent: frozenset[str],
        factors: frozenset[str],
        conditions: frozenset[str],
    ) -> float:
        """`total` (the regions part) plus the terms' parts, less the absent symptoms' share;
        not yet clamped to [0, 1]."""
        if conditions:
            total += self.condition_unit * self.groups_matched(conditions)
        total += self.symptom_unit * len(symptoms)
        total += self.factor_unit * len(factors)
        if absent:
            total *= 1 - self.absent_unit * len(absent)
        return total

    def ceiling(self) -> float:
        """The highest score a candidate that explains no site can have: `assess` with every
        reported term matched and none absent (floating-point sums and products are monotonic,
        so no such candidate's score exceeds it)."""
        total = 0.0
        total += self.condition_unit * len(self.condition_groups)
        total += self.symptom_unit * len(self.terms.symptoms)
        total += self.factor_unit * len(self.terms.factors)
        return min(max(total, 0.0), 1.0)

    def groups_matched(self, conditions: frozenset[str]) -> int:
        """How many reported condition groups the conditions (all reported ones) match."""
        if self.one_group_per_condition:
            return len(conditions)
        return sum(1 for group in self.condition_groups if not group.isdisjoint(conditions))


def _one_per_condition(groups: Sequence[frozenset[str]], conditions: frozenset[str]) -> bool:
    """Is every group exactly one of the conditions, each condition in one group?"""
    singles = len(groups) == len(conditions) and all(len(group) == 1 for group in groups)
    return singles and frozenset().union(*groups) == conditions


def _unit(weight: float, count: int, denominator: float) -> float:
    return weight / (count * denominator) if count else 0.0


class _Terms:
    """The reported terms as sets, to intersect with each candidate's own (a plain class, as
    `Plan`)."""

    def __init__(self, query: ScoringQuery) -> None:
        self.symptoms = frozenset(query.symptoms)
        self.absent = frozenset(query.absent_symptoms)
        self.factors = frozenset(query.factors)
        self.conditions = frozenset(query.conditions)
        # was any term reported?
        self.reported = bool(self.symptoms or self.absent or self.factors or self.conditions)

    def listed_by(self, listed: PointTerms) -> _Listed:
        """The reported symptoms, absent symptoms, factors and conditions a trigger point lists."""
        return (
            _shared(self.symptoms, listed.symptoms),
            _shared(self.absent, listed.symptoms),
            _shared(self.factors, listed.factors),
            _shared(self.conditions, listed.conditions),
        )


def _shared(reported: frozenset[str], listed: frozenset[str]) -> frozenset[str]:
    """The reported terms a trigger point lists; no new set when there are none (the usual
    case, for every candidate of every query)."""
    if not reported or reported.isdisjoint(listed):
        return _NONE
    return reported & listed


def rank_trigger_points(
    index: MatchIndex, query: ScoringQuery, limit: int | None = None
) -> list[Ranked]:
    """Every candidate trigger point best first, or only the best `limit` of them.

    The trigger points linked to a reported condition that explain no site are scored only when
    one of them could still reach the best `limit` (see `Plan.ceiling`), so a common condition
    does not cost a pass over every trigger point linked to it."""
    found, ranks = scored_points(index, Plan.of(index, query), query, limit)
    return ranked_points(found, ranks[:limit])


def scored_points(
    index: MatchIndex, plan: Plan, query: ScoringQuery, limit: int | None
) -> tuple[Candidates, list[Rank]]:
    """The trigger points scored for `rank_trigger_points`, and their ranks, best first."""
    found = site_candidates(index, query.sites)
    ranks = plan.ranks(index, found, 0)
    ranks.sort()
    if query.conditions and not beyond_reach(plan.ceiling(), ranks, limit):
        linked = linked_candidates(index, query.conditions, found)
        ranks += plan.ranks(index, linked, len(found))
        ranks.sort()
        found.update(linked)
    return found, ranks


def ranked_points(candidates: Candidates, ranks: Sequence[Rank]) -> list[Ranked]:
    """The trigger points of `ranks` (positions in `candidates`' order) with their evidence."""
    tps = list(candidates)
    best = []
    for (_, _, _, key, position), score, essential, terms in ranks:
        tp_no = tps[position]
        symptoms, absent, factors, conditions = terms
        evidence = Evidence(candidates[tp_no], symptoms, absent, factors, conditions, essential)
        best.append(Ranked(key, score, evidence, (tp_no,)))
    return best


_NONE: Final[frozenset[str]] = frozenset()
_NOTHING_LISTED: Final = (_NONE, _NONE, _NONE, _NONE)


OrderKey = tuple[int, int, int, str, int]
_Listed = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
Rank = tuple[OrderKey, float, int, _Listed]  # order key, score, essential hits, terms listed


def beyond_reach(
    ceiling: float, ranks: Sequence[tuple[OrderKey, *tuple[object, ...]]], limit: int | None
) -> bool:
    """Do the best `limit` of the sorted ranks (order key first) all score better than
    `ceiling` can?"""
    if limit is None or len(ranks) < limit:
        return False
    if limit == 0:
        return True
    order_key = ranks[limit - 1][0]
    return round(ceiling * SCORE_STEPS) < -order_key[0]


def order_key(score: float, essential: int, standing: int, key: str, position: int) -> OrderKey:
    """Ascending order is best first: the score as shown (`shown_score`) descending, then
    essential hits descending, then standing (`PointTable.standing`: common, observed, borrowed
    pattern), then key, then position among the candidates."""
    return (-round(score * SCORE_STEPS), -essential, standing, key, position)


def shown_score(score: float) -> float:
    """A score as a result shows it, and as ties are decided: to 4 decimal places. (Rounding
    `score * SCORE_STEPS` to an integer is three times cheaper than `round(score, 4)`, and
    ranking rounds every candidate's score.)"""
    return round(score * SCORE_STEPS) / SCORE_STEPS


def _site_weight(index: MatchIndex, site: Site) -> float:
    rarity = [index.body.rarity.get(region, 1.0) for region in site.regions]
    return site.weight * sum(rarity) / max(len(rarity), 1)
