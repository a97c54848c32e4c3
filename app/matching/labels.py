"""The wording of result rows that depends only on the dataset, worked out once per index.

Per trigger point: its `Ref`s and the subject of its explanation ("A trigger point in the
temporalis — TrP1 (anterior fibres) —", or "Trigger points in the temporalis" for a muscle row);
per region: the place as an explanation says it ("to the temple", "in the temple", "at the base
of the skull", "behind the eye"); per condition and symptom: the name as it reads inside a
sentence. `app.matching.explain` only joins these pieces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.outcome import Ref
from app.matching.records import RegionRecord, TermRecord, TriggerPointRecord

# Region names that already start with a preposition ("Behind the eye", "Between the shoulder
# blades") take no "to"/"in" and no article.
_PREPOSITIONS: Final = frozenset(
    {
        "above",
        "below",
        "behind",
        "between",
        "around",
        "inside",
        "deep",
        "in",
        "on",
        "under",
        "over",
        "just",
    }
)


@dataclass(frozen=True, slots=True)
class PointLabels:
    trigger_point: Ref
    muscle: Ref
    subject: str  # "A trigger point in the temporalis — TrP1 (anterior fibres) —"
    muscle_subject: str  # "Trigger points in the temporalis"


@dataclass(frozen=True, slots=True)
class Labels:
    points: tuple[PointLabels, ...]  # parallel to PointTable.records
    to_places: Mapping[str, str]  # region -> "to the temple" (where a zone sends pain)
    felt_places: Mapping[str, str]  # region -> "in the temple" (where the person feels it)
    conditions: Mapping[str, str]  # id -> "tension-type headache"
    symptoms: Mapping[str, str]  # id -> lowercased name

    def condition(self, term: str) -> str:
        """A condition's name mid-sentence (an unknown id reads as itself)."""
        found = self.conditions.get(term)
        return lower_first(term) if found is None else found

    def symptom(self, term: str) -> str:
        """A symptom's name mid-sentence, all lowercase (an unknown id reads as itself)."""
        found = self.symptoms.get(term)
        return term.lower() if found is None else found


def build_labels(
    trigger_points: Sequence[TriggerPointRecord],
    regions: Sequence[RegionRecord],
    conditions: Sequence[TermRecord],
    symptoms: Sequence[TermRecord],
) -> Labels:
    """Every label of the dataset (an id listed twice reads as its last record, as everywhere
    else in the index)."""
    return Labels(
        points=tuple(_point_labels(tp) for tp in trigger_points),
        to_places={r.id: place(r.name, "to") for r in regions},
        felt_places={r.id: place(r.name, felt_preposition(r.name)) for r in regions},
        conditions={c.id: lower_first(c.name) for c in conditions},
        symptoms={s.id: s.name.lower() for s in symptoms},
    )


def _point_labels(tp: TriggerPointRecord) -> PointLabels:
    muscle = lower_first(tp.muscle_name)
    return PointLabels(
        trigger_point=Ref(tp.id, tp.name),
        muscle=Ref(tp.muscle_id, tp.muscle_name),
        # Dashes, not brackets: labels often carry brackets of their own.
        subject=f"A trigger point in the {muscle} \u2014 {lower_first(tp.label)} \u2014",
        muscle_subject=f"Trigger points in the {muscle}",
    )


def felt_preposition(name: str) -> str:
    """Pain is felt "at" a part of something ("at the base of the skull", "at the back of the
    knee") and "in" a body part ("in the temple", "in the leg")."""
    return "at" if " of " in name.lower() else "in"


def place(name: str, preposition: str) -> str:
    """ "Temple" -> "to the temple"; "Behind the eye" stays as it is."""
    lowered = lower_first(name)
    if lowered.split(" ", 1)[0] in _PREPOSITIONS:
        return lowered
    return f"{preposition} the {lowered}"


# Names of people in anatomical terms keep their capital mid-sentence ("the Achilles tendon").
EPONYMS = frozenset({"Achilles", "McBurney's", "Morton's", "Heberden's"})


def lower_first(text: str) -> str:
    """Lowercase the first letter unless the first word is an acronym ("TrP1", "SCM") or an
    eponym ("Achilles tendon")."""
    first = text.split(" ", 1)[0]
    if first[1:] != first[1:].lower() or first in EPONYMS:
        return text
    return text[:1].lower() + text[1:]
