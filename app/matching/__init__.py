"""The symptom matcher: pure Python, no web framework, no ORM.

Build an immutable `MatchIndex` once per dataset version with `build_index(records)`, then call
`match(index, query)` per request (or `interpret` to see how a query was read). Inputs are the
frozen records of `app.matching.records`; outputs are the frozen dataclasses of
`app.matching.outcome`, shaped like the `POST /v1/matches` JSON.

Module map: normalize/lexicon (words), phrases/fuzzy/scan (finding known phrases),
negation/laterality/sites/paths/text (reading free text), offsets (placing what was read in
the submitted text), terms (structured values, read like text when they are no id, name or
synonym), vocabulary (autocomplete), hierarchy/credit/labels/index (precomputation),
candidates/scoring/muscles (ranking), rows/explain (result rows and their rank reasons), triage
(red flags and screening questions), engine (the entry points). The scoring formula is
documented in `app.matching.scoring`, region credit and rarity in `app.matching.credit`.

Performance: everything query-independent is computed by `build_index`, and a query's cost
follows what it touches (the hit lists of the regions it reports, the links of its terms), not
the size of the dataset; see `app.matching.scoring` and `app.matching.candidates`.
"""

from app.matching.engine import interpret, match
from app.matching.index import MatchIndex, build_index
from app.matching.outcome import (
    DISCLAIMER,
    Interpretation,
    InterpretedRegion,
    MatchOutcome,
    MatchResult,
    RedFlagHit,
    Ref,
    RegionMatch,
    Triage,
    TriggerPointScore,
)
from app.matching.query import GroupBy, MatchQuery, RegionInput, RegionSide, UnknownTermError

__all__ = [
    "DISCLAIMER",
    "GroupBy",
    "Interpretation",
    "InterpretedRegion",
    "MatchIndex",
    "MatchOutcome",
    "MatchQuery",
    "MatchResult",
    "RedFlagHit",
    "Ref",
    "RegionInput",
    "RegionMatch",
    "RegionSide",
    "Triage",
    "TriggerPointScore",
    "UnknownTermError",
    "build_index",
    "interpret",
    "match",
]
