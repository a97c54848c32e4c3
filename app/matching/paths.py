"""Spread along a limb: "from my hip down to my knee", "down the back of my leg to the ankle".

People describe referred pain as a path. When two places on the same limb are joined by a
spread word, the segments in between are reported too (at reduced weight, since they are
inferred). A facet ("back of", "outer") narrows each segment to its matching child region:
the back of the thigh, the back of the knee, the calf.

The limb chains are anatomy, not data: they are written here by region id, and any id missing
from a dataset is simply skipped. Facets are read from the dataset's own region names and
synonyms ("Back of the thigh", "calf: back of the lower leg").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.hierarchy import Hierarchy
from app.matching.lexicon import FACET_PHRASES
from app.matching.normalize import surface_words
from app.matching.records import RegionRecord

# Proximal to distal; regions sharing a step are alternatives at the same level.
LIMB_CHAINS: Final[tuple[tuple[tuple[str, ...], ...], ...]] = (
    (("shoulder",), ("upper-arm",), ("elbow",), ("forearm",), ("wrist",), ("hand",), ("fingers",)),
    (("buttock", "hip"), ("thigh",), ("knee",), ("leg",), ("ankle",), ("foot",), ("toes",)),
)
# The steps a bare limb ("my leg", "my arm") covers when a facet is given.
MIDDLE_STEPS: Final = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Paths:
    position: Mapping[str, tuple[int, int]]  # chain segment -> (chain, step)
    steps: tuple[tuple[str | None, ...], ...]  # chain -> first region at each step
    roots: Mapping[str, int]  # limb root region -> chain
    facet_children: Mapping[tuple[str, str], str]
    facets: Mapping[str, str]  # region -> its own facet

    def locate(self, region: str, hierarchy: Hierarchy) -> tuple[int, int] | None:
        """The chain step of a region or of its nearest ancestor on a chain."""
        for candidate in (region, *hierarchy.ancestors.get(region, ())):
            if candidate in self.position:
                return self.position[candidate]
        return None

    def narrow(self, region: str, facet: str | None) -> str:
        """The child of `region` on the given facet, or the region itself."""
        return self.facet_children.get((region, facet), region) if facet else region

    def between(self, a: tuple[int, int], b: tuple[int, int], facet: str | None) -> list[str]:
        """Segments strictly between two steps of the same chain, narrowed to the facet."""
        if a[0] != b[0]:
            return []
        low, high = sorted((a[1], b[1]))
        chain = self.steps[a[0]]
        return [self.narrow(seg, facet) for seg in chain[low + 1 : high] if seg is not None]

    def expand_root(self, root: str, facet: str) -> list[str]:
        """A bare limb with a facet: the matching face of its middle segments."""
        chain = self.steps[self.roots[root]]
        found = []
        for step in MIDDLE_STEPS:
            segment = chain[step]
            if segment is not None and (narrowed := self.narrow(segment, facet)) != segment:
                found.append(narrowed)
        return found


def build_paths(regions: Sequence[RegionRecord], hierarchy: Hierarchy) -> Paths:
    """Resolve the chains against the dataset and read facets from region wording."""
    known = set(hierarchy.order)
    position: dict[str, tuple[int, int]] = {}
    steps: list[tuple[str | None, ...]] = []
    roots: dict[str, int] = {}
    for chain_no, chain in enumerate(LIMB_CHAINS):
        present = [next((r for r in step if r in known), None) for step in chain]
        steps.append(tuple(present))
        for step_no, step in enumerate(chain):
            position.update({r: (chain_no, step_no) for r in step if r in known})
        middle = present[MIDDLE_STEPS[0]]
        root = hierarchy.parent.get(middle) if middle else None
        if root is not None:
            roots[root] = chain_no
    facets = {r.id: f for r in regions if (f := _facet_of(r)) is not None}
    facet_children: dict[tuple[str, str], str] = {}
    for region, facet in facets.items():
        parent = hierarchy.parent.get(region)
        if parent is not None:
            facet_children.setdefault((parent, facet), region)
    return Paths(position, tuple(steps), roots, facet_children, facets)


def _facet_of(region: RegionRecord) -> str | None:
    """The facet a region's name (or first synonym that has one) starts with."""
    for wording in (region.name, *region.synonyms):
        words = surface_words(wording)
        for length in (3, 2, 1):
            facet = FACET_PHRASES.get(words[:length])
            if facet is not None:
                return facet
    return None
