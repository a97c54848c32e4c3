"""`interpret` and `match`: the two public entry points, gluing the steps together.

match = interpret (text + structured inputs -> sites and terms) -> red-flag triage ->
rank trigger points (or muscles) -> explanations for the rows returned.

Vague input: when nothing places the pain (no region and no condition) the result list is
empty, `needs_more_detail` is set and `ask_about` lists the top-level areas. When every
reported place is a whole top-level area ("my leg", "neck pain") the ranked list is still
returned but flagged, with `ask_about` listing that area's parts.

Emergency triage withholds the ranked list (`results_withheld`), so an app never shows "massage
your chest" next to "call an ambulance".

Triage (`app.matching.triage`) reads the concepts of the text and of the structured inputs
(a tapped region, a chosen symptom or condition), so a body-map-only request is triaged too.
Answers to screening questions arrive as their ids in `symptoms` (yes) and `absent_symptoms`
(no). Age concepts use the `age` given or, failing that, an age the text states ("I'm 65"); the
interpretation shows it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from app.matching.index import MatchIndex
from app.matching.lexicon import Side
from app.matching.muscles import rank_muscles
from app.matching.outcome import (
    Interpretation,
    InterpretedRegion,
    MatchOutcome,
    MatchResult,
    Triage,
)
from app.matching.phrases import TermKind
from app.matching.query import MatchQuery
from app.matching.rows import build_rows
from app.matching.scoring import ScoringQuery, rank_trigger_points
from app.matching.sites import Site
from app.matching.terms import resolve_all, resolve_sites, resolve_symptoms
from app.matching.text import TextAnalysis, analyse_text
from app.matching.triage import assess
from app.matching.triage.concepts import Found, age_evidence, sex_evidence, structured_evidence


class _Reading:
    """What a query says: interpretation, scoring query and triage (a plain class)."""

    def __init__(
        self,
        interpretation: Interpretation,
        scoring: ScoringQuery,
        triage: Triage,
    ) -> None:
        self.interpretation = interpretation
        self.scoring = scoring
        self.triage = triage


_NO_TEXT: Final = TextAnalysis()


def interpret(index: MatchIndex, query: MatchQuery) -> Interpretation:
    """What we understood from the query, without ranking anything."""
    return _read(index, query).interpretation


def match(index: MatchIndex, query: MatchQuery) -> MatchOutcome:
    """Rank trigger points (or muscles) for a query, with triage and explanations."""
    reading = _read(index, query)
    triage = reading.triage
    # Never suggest self-treatment next to an emergency: the triage is the whole answer.
    withheld = triage.level == "emergency"
    scoring = reading.scoring
    results: tuple[MatchResult, ...] = ()
    limit = max(query.limit, 0)
    if (scoring.sites or scoring.conditions) and limit and not withheld:
        grouped = query.group_by == "muscle"
        # one row more than shown: the next row tells what puts the last one ahead
        if grouped:
            ranked = rank_muscles(index, scoring, limit + 1)
        else:
            ranked = rank_trigger_points(index, scoring, limit + 1)
        results = build_rows(index, scoring, ranked, grouped=grouped, limit=limit)
    ask_about = _ask_about(index, scoring)
    return MatchOutcome(
        results=results,
        interpretation=reading.interpretation,
        triage=triage,
        needs_more_detail=bool(ask_about) and not withheld,
        results_withheld=withheld,
        ask_about=ask_about,
        dataset_version=index.version,
    )


def _read(index: MatchIndex, query: MatchQuery) -> _Reading:
    text = analyse_text(index, query.text) if query.text else _NO_TEXT
    structured = _structured_sites(index, query)
    yes, given_symptoms = resolve_symptoms(index, "symptoms", query.symptoms)
    no, given_absent = resolve_symptoms(index, "absent_symptoms", query.absent_symptoms)
    given_factors = resolve_all(index, "factor", "factors", query.factors)
    given_conditions = resolve_all(index, "condition", "conditions", query.conditions)
    absent = _merge(text.absent_symptoms, given_absent)
    conditions = _merge(text.conditions, given_conditions)
    linked = index.points.by_term["condition"]
    scoring = ScoringQuery(
        sites=_dedupe(index, [*text.sites, *structured]),
        symptoms=_without(_merge(text.symptoms, given_symptoms), absent),
        absent_symptoms=absent,
        factors=_merge(text.factors, given_factors),
        # a condition no trigger point is linked to (fibromyalgia, a differential) can rank none
        # of them: it is understood and triaged, but has no part in the score
        conditions=tuple([c for c in conditions if c in linked]),
        condition_groups=_linked_groups(_groups(text.condition_groups, given_conditions), linked),
    )
    age = query.age if query.age is not None else text.age
    interpretation = Interpretation(
        regions=_interpreted_regions(index, scoring.sites),
        symptoms=scoring.symptoms,
        absent_symptoms=scoring.absent_symptoms,
        factors=scoring.factors,
        conditions=conditions,
        negated=text.negated,
        unrecognized=text.unrecognized,
        age=age,
        phrases=text.phrases,
    )
    inputs: list[tuple[TermKind, str, str]] = [
        ("region", region, site.phrase) for site in structured for region in site.regions
    ]
    inputs += [("symptom", s, s) for s in given_symptoms]
    inputs += [("factor", f, f) for f in given_factors]
    inputs += [("condition", c, c) for c in given_conditions]
    concepts = index.triage.concepts
    given = structured_evidence(concepts, inputs) + age_evidence(concepts, age)
    found = text.triage + Found(given + sex_evidence(concepts, query.sex))
    return _Reading(interpretation, scoring, assess(index.triage, found, yes, no))


def _without(terms: tuple[str, ...], left_out: tuple[str, ...]) -> tuple[str, ...]:
    return tuple([term for term in terms if term not in left_out]) if left_out else terms


def _groups(
    from_text: tuple[tuple[str, ...], ...], given: Sequence[str]
) -> tuple[tuple[str, ...], ...]:
    """Text groups, then each structured condition on its own, without repeats."""
    groups = list(from_text)
    groups += [(c,) for c in given if not any(c in g for g in groups)]
    return tuple(groups)


def _linked_groups(
    groups: tuple[tuple[str, ...], ...], linked: Collection[str]
) -> tuple[tuple[str, ...], ...]:
    """The groups less their conditions that no trigger point is linked to; empty groups go."""
    kept = (tuple([c for c in group if c in linked]) for group in groups)
    return tuple(group for group in kept if group)


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Both lists, in order, without repeats (each list has none of its own)."""
    if not second:
        return first
    return tuple(dict.fromkeys([*first, *second])) if first else second


def _structured_sites(index: MatchIndex, query: MatchQuery) -> list[Site]:
    return [
        site
        for n, item in enumerate(query.regions)
        for site in resolve_sites(index, ("regions", n, "region"), item.region, item.side)
    ]


def _dedupe(index: MatchIndex, sites: Sequence[Site]) -> tuple[Site, ...]:
    """One site per (regions, side); a side is dropped where the place has no sides."""
    seen: dict[tuple[tuple[str, ...], Side | None], Site] = {}
    for site in sites:
        side = None if index.body.sided.isdisjoint(site.regions) else site.side
        key = (site.regions, side)
        if key not in seen:
            seen[key] = (
                site if side == site.side else Site(site.regions, side, site.phrase, site.weight)
            )
    return tuple(seen.values())


def _interpreted_regions(index: MatchIndex, sites: Sequence[Site]) -> tuple[InterpretedRegion, ...]:
    found: dict[tuple[str, Side | None], InterpretedRegion] = {}
    for site in sites:
        for region in site.regions:
            side = site.side if region in index.body.sided else None
            if (region, side) not in found:
                name = index.body.regions[region].name
                found[region, side] = InterpretedRegion(region, name, side, site.phrase)
    return tuple(found.values())


def _ask_about(index: MatchIndex, scoring: ScoringQuery) -> tuple[str, ...]:
    """Regions worth asking about, or () when the query places the pain well enough."""
    hierarchy = index.body.hierarchy
    if not scoring.sites and not scoring.conditions:
        return hierarchy.roots
    if scoring.conditions:
        return ()
    regions = [r for site in scoring.sites for r in site.regions]
    if all(hierarchy.is_root(r) and hierarchy.children.get(r) for r in regions):
        return tuple(dict.fromkeys(kid for r in regions for kid in hierarchy.children[r]))
    return ()
