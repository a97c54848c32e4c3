"""The region tree: parents, children, ancestors and descendants, computed once.

The matcher gives partial credit along this tree (a reported "head" partly matches a zone on
the temple), and vague input is answered with the children of the area that was named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.matching.records import RegionRecord


@dataclass(frozen=True, slots=True)
class Hierarchy:
    order: tuple[str, ...]
    parent: Mapping[str, str | None]
    children: Mapping[str, tuple[str, ...]]
    ancestors: Mapping[str, tuple[str, ...]]  # nearest first
    descendants: Mapping[str, tuple[tuple[str, int], ...]]  # (region, distance), nearest first
    roots: tuple[str, ...]

    def is_root(self, region: str) -> bool:
        return self.parent.get(region) is None


def build_hierarchy(regions: Sequence[RegionRecord]) -> Hierarchy:
    """Index the tree; a parent that is not a known region is treated as no parent."""
    known = {region.id for region in regions}
    parent = {r.id: (r.parent if r.parent in known else None) for r in regions}
    children: dict[str, list[str]] = {r.id: [] for r in regions}
    for region in regions:
        if parent[region.id] is not None:
            children[str(parent[region.id])].append(region.id)
    ancestors = {rid: _ancestors(rid, parent) for rid in parent}
    return Hierarchy(
        order=tuple(r.id for r in regions),
        parent=parent,
        children={rid: tuple(kids) for rid, kids in children.items()},
        ancestors=ancestors,
        descendants=_descendants(children),
        roots=tuple(r.id for r in regions if parent[r.id] is None),
    )


def _ancestors(region: str, parent: Mapping[str, str | None]) -> tuple[str, ...]:
    """Walk up; a cycle in bad data stops the walk instead of looping forever."""
    chain: list[str] = []
    current = parent.get(region)
    while current is not None and current not in chain and current != region:
        chain.append(current)
        current = parent.get(current)
    return tuple(chain)


def _descendants(children: Mapping[str, list[str]]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Breadth-first descendants of every region with their distance."""
    result: dict[str, tuple[tuple[str, int], ...]] = {}
    for region in children:
        found: list[tuple[str, int]] = []
        seen = {region}
        frontier = [region]
        depth = 0
        while frontier:
            depth += 1
            frontier = [
                kid for node in frontier for kid in children.get(node, ()) if kid not in seen
            ]
            seen.update(frontier)
            found.extend((kid, depth) for kid in frontier)
        result[region] = tuple(found)
    return result
