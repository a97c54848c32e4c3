"""One plain-language sentence per result, built only from what matched.

"A trigger point in the temporalis — TrP1 (anterior fibres) — commonly sends pain to the temple and
to the eyebrow, matching your pain in the temple on the left side; its pain is often mistaken
for tension-type headache."

The trigger point's label goes between dashes after the muscle, so any label reads well. Every
piece of wording comes ready from the index (`app.matching.labels`); an `Explainer` only picks
and joins them, and joins each list of places, conditions or symptoms once per query (the rows
of one query mostly repeat the same places and terms).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from typing import Final, TypeVar

from app.matching.credit import SiteHit
from app.matching.labels import Labels, PointLabels
from app.matching.outcome import ResultSide
from app.matching.scoring import Evidence

_ON_SIDE: Final[Mapping[ResultSide | None, str]] = {
    None: "",
    "both": " on both sides",
    "left": " on the left side",
    "right": " on the right side",
}
# The words that agree with the subject: a trigger point, or a muscle's trigger points.
_SINGULAR: Final = ("commonly sends", "its pain", "it", "is")
_PLURAL: Final = ("commonly send", "their pain", "they", "are")
K = TypeVar("K", bound=Hashable)


class Explainer:
    """Writes the explanations of one query's rows."""

    def __init__(self, labels: Labels) -> None:
        self._labels = labels
        self._to: dict[tuple[str, ...], str] = {}  # zone regions -> "to the temple and ..."
        self._felt: dict[tuple[str, ...], str] = {}  # reported regions -> "in the temple and ..."
        self._mistaken: dict[frozenset[str], str] = {}  # conditions -> their names, joined
        self._causes: dict[frozenset[str], str] = {}  # symptoms -> their names, joined
        self._to_zones = partial(_places, labels.to_places)
        self._felt_places = partial(_places, labels.felt_places)

    def explain(
        self,
        point: PointLabels,
        evidence: Evidence,
        hits: Sequence[SiteHit],
        side: ResultSide | None,
        *,
        grouped: bool,
    ) -> str:
        """The sentence for one result row (a trigger point, or a muscle when grouped); `hits`
        are the evidence's hits in site order, `side` the side of the places they explain."""
        subject = point.muscle_subject if grouped else point.subject
        verb, its_pain, it, is_ = _PLURAL if grouped else _SINGULAR
        clauses = []
        if hits:
            zone_regions = tuple([hit.zone_region for hit in hits])
            zones = self._to.get(zone_regions) or _write(self._to, zone_regions, self._to_zones)
            regions = tuple([hit.reported for hit in hits])
            reported = self._felt.get(regions) or _write(self._felt, regions, self._felt_places)
            sentence = (
                f"{subject} {verb} pain {zones}, matching your pain {reported}{_ON_SIDE[side]}"
            )
            if not (evidence.conditions or evidence.symptoms):
                return sentence + "."  # the usual case: places only
            clauses.append(sentence)
        if evidence.conditions:
            conditions = self._mistaken.get(evidence.conditions) or _write(
                self._mistaken, evidence.conditions, self._conditions
            )
            lead = f"{subject} can cause pain that" if not clauses else its_pain
            clauses.append(f"{lead} is often mistaken for {conditions}")
        if evidence.symptoms:
            symptoms = self._causes.get(evidence.symptoms) or _write(
                self._causes, evidence.symptoms, self._symptoms
            )
            clauses.append(f"{it} can also cause {symptoms}")
        if not clauses:
            return f"{subject} {is_} linked to what you described."
        return "; ".join(clauses) + "."

    def _conditions(self, conditions: frozenset[str]) -> str:
        return _join([self._labels.condition(term) for term in sorted(conditions)])

    def _symptoms(self, symptoms: frozenset[str]) -> str:
        return _join([self._labels.symptom(term) for term in sorted(symptoms)])


def _places(wording: Mapping[str, str], regions: tuple[str, ...]) -> str:
    """ "to the temple and to the eyebrow": each region once, in order."""
    if len(regions) == 1:  # the usual case
        return wording[regions[0]]
    return _join([wording[region] for region in dict.fromkeys(regions)])


def _write(memo: dict[K, str], key: K, write: Callable[[K], str]) -> str:
    """`write(key)`, remembered in `memo` (callers look in `memo` first: `memo.get(key) or
    _write(...)`; every wording is a non-empty string)."""
    found = memo[key] = write(key)
    return found


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
