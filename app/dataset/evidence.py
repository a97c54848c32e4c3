"""How strong the evidence for a trigger point's pattern is, from the kinds of its sources.

- ``manual``: the Trigger Point Manual (Travell & Simons) describes it;
- ``study``: otherwise, a published study or case series of trigger points or myofascial pain
  in people does;
- ``secondary``: otherwise: a textbook or web page that passes a pattern on, or an
  experimental-pain study (hypertonic saline injected into a healthy volunteer's muscle), which
  shows where induced muscle pain is felt, not a trigger point.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

SourceKind = Literal[
    "manual",
    "trigger-point-study",
    "experimental-pain-study",
    "textbook",
    "web-page",
    "clinical-guidance",
    "code-set",
]
EvidenceLevel = Literal["manual", "study", "secondary"]
EVIDENCE_LEVELS: Final[tuple[EvidenceLevel, ...]] = ("manual", "study", "secondary")


def evidence_level(kinds: Iterable[SourceKind]) -> EvidenceLevel:
    """The level the strongest of a trigger point's sources gives it."""
    found = set(kinds)
    if "manual" in found:
        return "manual"
    if "trigger-point-study" in found:
        return "study"
    return "secondary"
