"""One plain-language sentence per result, built only from what matched.

"A trigger point in the temporalis (TrP1, anterior fibres) commonly sends pain to the temple and
the eyebrow, matching your pain at the temple on the left side; its pain is often mistaken for
tension-type headache."

The trigger point's label goes in brackets after the muscle, so any label reads well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

from app.matching.index import MatchIndex
from app.matching.phrases import TermKind
from app.matching.records import TriggerPointRecord
from app.matching.scoring import Evidence
from app.matching.sites import Site

# Region names that already start with a preposition ("Behind the eye", "Between the shoulder
# blades") take no "to"/"at" and no article.
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


def explain(
    index: MatchIndex,
    tp: TriggerPointRecord,
    evidence: Evidence,
    sites: Sequence[Site],
    *,
    grouped: bool,
) -> str:
    """The sentence for one result row (a trigger point, or a muscle when grouped)."""
    muscle = _lower_first(tp.muscle_name)
    if grouped:
        subject, verb = f"Trigger points in the {muscle}", "commonly send"
    else:
        label = _lower_first(tp.label)
        subject, verb = f"A trigger point in the {muscle} ({label})", "commonly sends"
    clauses = []
    if evidence.hits:
        zones = _unique(hit.zone_region for _, hit in sorted(evidence.hits.items()))
        reported = _reported(index, evidence, sites)
        places = _join(_places(index, zones, "to"))
        clauses.append(f"{subject} {verb} pain {places}, matching your pain {reported}")
    conditions = _term_names(index, "condition", sorted(evidence.conditions))
    if conditions:
        lead = f"{subject} can cause pain that" if not clauses else "its pain"
        clauses.append(f"{lead} is often mistaken for {_join(conditions)}")
    symptoms = _term_names(index, "symptom", sorted(evidence.symptoms))
    if symptoms:
        clauses.append(f"it can also cause {_join([s.lower() for s in symptoms])}")
    if not clauses:
        return f"{subject} is linked to what you described."
    return "; ".join(clauses) + "."


def _reported(index: MatchIndex, evidence: Evidence, sites: Sequence[Site]) -> str:
    regions = _unique(hit.reported for _, hit in sorted(evidence.hits.items()))
    sides = _unique(s for n in sorted(evidence.hits) if (s := sites[n].side) is not None)
    text = _join(_places(index, regions, "at"))
    if len(sides) == 1:
        return text + (" on both sides" if sides[0] == "both" else f" on the {sides[0]} side")
    return text + (" on both sides" if sides else "")


def _places(index: MatchIndex, regions: Sequence[str], preposition: str) -> list[str]:
    return [_place(index.regions[region].name, preposition) for region in regions]


@lru_cache(maxsize=4096)
def _place(name: str, preposition: str) -> str:
    """ "Temple" -> "to the temple"; "Behind the eye" stays as it is."""
    lowered = _lower_first(name)
    if lowered.split(" ", 1)[0] in _PREPOSITIONS:
        return lowered
    return f"{preposition} the {lowered}"


def _term_names(index: MatchIndex, kind: TermKind, ids: Sequence[str]) -> list[str]:
    table = index.terms[kind].names
    return [_lower_first(table.get(term, term)) for term in ids]


def _lower_first(text: str) -> str:
    """Lowercase the first letter unless the first word is an acronym ("TrP1", "SCM")."""
    first = text.split(" ", 1)[0]
    if first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
