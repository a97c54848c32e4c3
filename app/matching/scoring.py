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
sites explained through an essential zone, then id.

group_by="muscle" merges a muscle's candidate trigger points: per site a noisy-or of their
credits, 1 - prod(1 - credit_i) (the site is explained unless every one of them fails to explain
it, so a muscle whose several trigger points all refer to the place ranks higher), the union of
matched conditions/symptoms/factors, and an absent symptom counts against the muscle only if all
its candidates list it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.index import MatchIndex
from app.matching.phrases import TermKind
from app.matching.records import ZoneKind
from app.matching.sites import Site

W_REGIONS: Final = 3.0
W_CONDITIONS: Final = 1.0
W_SYMPTOMS: Final = 1.0
W_FACTORS: Final = 0.5
ABSENT_PENALTY: Final = 0.3


@dataclass(frozen=True, slots=True)
class ScoringQuery:
    sites: tuple[Site, ...]
    symptoms: tuple[str, ...]
    absent_symptoms: tuple[str, ...]
    factors: tuple[str, ...]
    conditions: tuple[str, ...]
    # alternatives named together ("sciatica" -> sciatica or piriformis syndrome); defaults to
    # one group per condition
    condition_groups: tuple[tuple[str, ...], ...] = ()

    def groups(self) -> tuple[tuple[str, ...], ...]:
        return self.condition_groups or tuple((c,) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class SiteHit:
    credit: float
    reported: str
    zone_region: str
    zone: ZoneKind


@dataclass(frozen=True, slots=True)
class Evidence:
    hits: Mapping[int, SiteHit]  # site number -> best hit
    symptoms: frozenset[str]
    absent: frozenset[str]
    factors: frozenset[str]
    conditions: frozenset[str]

    @property
    def essential(self) -> int:
        return sum(1 for hit in self.hits.values() if hit.zone == "essential")


@dataclass(frozen=True, slots=True)
class Ranked:
    key: str  # trigger point id, or muscle id when grouped
    score: float
    evidence: Evidence
    members: tuple[int, ...]  # trigger point indices, best first
    member_scores: tuple[float, ...] = ()  # parallel to members


@dataclass(frozen=True, slots=True)
class _Plan:
    """Per-query constants of the formula, computed once rather than per candidate."""

    site_weights: tuple[float, ...]  # rarity x site weight / their sum x W_REGIONS / denominator
    condition_groups: tuple[frozenset[str], ...]
    condition_unit: float  # W_CONDITIONS / (groups x denominator)
    symptom_unit: float
    factor_unit: float
    absent_unit: float  # ABSENT_PENALTY / number of absent symptoms

    @classmethod
    def of(cls, index: MatchIndex, query: ScoringQuery) -> _Plan:
        groups = tuple(frozenset(group) for group in query.groups())
        parts = [
            (W_REGIONS, len(query.sites)),
            (W_CONDITIONS, len(groups)),
            (W_SYMPTOMS, len(query.symptoms)),
            (W_FACTORS, len(query.factors)),
        ]
        denominator = sum(weight for weight, count in parts if count) or 1.0
        weights = [_site_weight(index, site) for site in query.sites]
        region_unit = W_REGIONS / ((sum(weights) or 1.0) * denominator)
        return cls(
            site_weights=tuple(w * region_unit for w in weights),
            condition_groups=groups,
            condition_unit=_unit(W_CONDITIONS, len(groups), denominator),
            symptom_unit=_unit(W_SYMPTOMS, len(query.symptoms), denominator),
            factor_unit=_unit(W_FACTORS, len(query.factors), denominator),
            absent_unit=_unit(ABSENT_PENALTY, len(query.absent_symptoms), 1.0),
        )

    def score(self, evidence: Evidence) -> float:
        weights = self.site_weights
        total = 0.0
        for site_no, hit in evidence.hits.items():
            total += weights[site_no] * hit.credit
        if evidence.conditions:
            total += self.condition_unit * sum(
                1 for group in self.condition_groups if not group.isdisjoint(evidence.conditions)
            )
        total += self.symptom_unit * len(evidence.symptoms)
        total += self.factor_unit * len(evidence.factors)
        if evidence.absent:
            total *= 1 - self.absent_unit * len(evidence.absent)
        return min(max(total, 0.0), 1.0)


def _unit(weight: float, count: int, denominator: float) -> float:
    return weight / (count * denominator) if count else 0.0


def rank_trigger_points(index: MatchIndex, query: ScoringQuery) -> list[Ranked]:
    """Every candidate trigger point, best first."""
    plan = _Plan.of(index, query)
    candidates = _candidates(index, query)
    symptoms = _term_hits(index, "symptom", query.symptoms)
    absent = _term_hits(index, "symptom", query.absent_symptoms)
    factors = _term_hits(index, "factor", query.factors)
    conditions = _term_hits(index, "condition", query.conditions)
    ranked = []
    for tp_no, hits in candidates.items():
        evidence = Evidence(
            hits=hits,
            symptoms=symptoms.get(tp_no, _NONE),
            absent=absent.get(tp_no, _NONE),
            factors=factors.get(tp_no, _NONE),
            conditions=conditions.get(tp_no, _NONE),
        )
        score = plan.score(evidence)
        ranked.append(Ranked(index.trigger_points[tp_no].id, score, evidence, (tp_no,), (score,)))
    return sorted(ranked, key=_sort_key)


def rank_muscles(index: MatchIndex, query: ScoringQuery, tps: Sequence[Ranked]) -> list[Ranked]:
    """Group ranked trigger points by muscle and score each muscle's merged evidence."""
    plan = _Plan.of(index, query)
    groups: dict[str, list[Ranked]] = {}
    for item in tps:
        groups.setdefault(index.trigger_points[item.members[0]].muscle_id, []).append(item)
    muscles = []
    for muscle_id, members in groups.items():
        evidence = _merge([member.evidence for member in members])
        order = tuple(member.members[0] for member in members)
        scores = tuple(member.score for member in members)
        muscles.append(Ranked(muscle_id, plan.score(evidence), evidence, order, scores))
    return sorted(muscles, key=_sort_key)


_NONE: Final[frozenset[str]] = frozenset()


def _sort_key(item: Ranked) -> tuple[float, int, str]:
    return (-round(item.score, 4), -item.evidence.essential, item.key)


def _site_weight(index: MatchIndex, site: Site) -> float:
    rarity = [index.rarity.get(region, 1.0) for region in site.regions]
    return site.weight * sum(rarity) / max(len(rarity), 1)


def _candidates(index: MatchIndex, query: ScoringQuery) -> dict[int, dict[int, SiteHit]]:
    found: dict[int, dict[int, SiteHit]] = {}
    for site_no, site in enumerate(query.sites):
        for region in site.regions:
            for post in index.postings.get(region, ()):
                hits = found.setdefault(post.tp, {})
                current = hits.get(site_no)
                if current is None or post.credit > current.credit:
                    hits[site_no] = SiteHit(post.credit, region, post.zone_region, post.zone)
    linked = index.by_term.get("condition", {})
    for condition in query.conditions:
        for tp_no in linked.get(condition, ()):
            found.setdefault(tp_no, {})
    return found


def _term_hits(index: MatchIndex, kind: TermKind, ids: Sequence[str]) -> dict[int, frozenset[str]]:
    """Trigger point -> which of the reported terms it lists (walks the term's postings)."""
    table = index.by_term.get(kind, {})
    found: dict[int, set[str]] = {}
    for term in ids:
        for tp_no in table.get(term, ()):
            found.setdefault(tp_no, set()).add(term)
    return {tp_no: frozenset(terms) for tp_no, terms in found.items()}


def _merge(evidence: Sequence[Evidence]) -> Evidence:
    """A muscle's evidence from its trigger points' (see the module docstring)."""
    if len(evidence) == 1:
        return evidence[0]
    best: dict[int, SiteHit] = {}
    missed: dict[int, float] = {}  # chance that none of the trigger points explains the site
    for item in evidence:
        for site_no, hit in item.hits.items():
            missed[site_no] = missed.get(site_no, 1.0) * (1.0 - hit.credit)
            if site_no not in best or hit.credit > best[site_no].credit:
                best[site_no] = hit
    hits = {
        n: SiteHit(1.0 - missed[n], hit.reported, hit.zone_region, hit.zone)
        for n, hit in best.items()
    }
    return Evidence(
        hits=hits,
        symptoms=frozenset().union(*(e.symptoms for e in evidence)),
        absent=frozenset.intersection(*(e.absent for e in evidence)),
        factors=frozenset().union(*(e.factors for e in evidence)),
        conditions=frozenset().union(*(e.conditions for e in evidence)),
    )
