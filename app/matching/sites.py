"""Reported sites: the places a person says hurt, as the scorer sees them.

A site is one place, or a set of *alternatives* when a lay phrase names an area loosely
(vocabulary "headache" -> temple, forehead, back of the head, ...): a trigger point explains the
site when it explains any of the alternatives, so vague words do not demand coverage of five
regions at once. Sites inferred from a spread path carry a lower weight than named ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.matching.index import MatchIndex
from app.matching.lexicon import SPREAD_CUES, Side
from app.matching.normalize import Token

INFERRED_WEIGHT: Final = 0.5
_COORDINATORS: Final = frozenset({"and", "or", "plus", "also", "both"})


class Site:
    """A reported place (a plain class, which mypyc compiles to a native one: several are made
    per query)."""

    def __init__(
        self,
        regions: tuple[str, ...],
        side: Side | None,
        phrase: str,
        weight: float = 1.0,
    ) -> None:
        self.regions = regions
        self.side = side
        self.phrase = phrase
        self.weight = weight


class RegionMention:
    """A region phrase found in text, before facets and paths are applied (a plain class, as
    `Site`)."""

    def __init__(
        self,
        regions: tuple[str, ...],
        side: Side | None,
        phrase: str,
        start: int,
        end: int,
        clause: int,
        facet: str | None,
    ) -> None:
        self.regions = regions
        self.side = side
        self.phrase = phrase
        self.start = start
        self.end = end
        self.clause = clause
        self.facet = facet


def sites_from_mentions(
    index: MatchIndex, mentions: Sequence[RegionMention], tokens: Sequence[Token]
) -> list[Site]:
    """Apply facets, expand bare limbs with a facet, and fill spread paths."""
    mentions = _localise_loose_words(index, mentions, tokens)
    sites: list[Site] = []
    for pos, mention in enumerate(mentions):
        sites.extend(_apply_facet(index, mention))
        if pos + 1 < len(mentions):
            sites.extend(_path_between(index, mention, mentions[pos + 1], tokens))
    return sites


def _localise_loose_words(
    index: MatchIndex, mentions: Sequence[RegionMention], tokens: Sequence[Token]
) -> list[RegionMention]:
    """Drop a loose multi-region word when a place it covers is attached to it.

    "headache behind my left eye" is a headache *located* behind the eye: the person did not
    also report the forehead, temple and back of the head. A place joined by "and" is a second
    report, not a location ("pain at the base of my thumb and the thumb side of my wrist").
    """
    kept = []
    for mention in mentions:
        if len(mention.regions) > 1 and any(
            other is not mention
            and other.clause == mention.clause
            and _within(index, other.regions, mention.regions)
            and not _coordinated(mention, other, tokens)
            for other in mentions
        ):
            continue
        kept.append(mention)
    return kept


def _coordinated(a: RegionMention, b: RegionMention, tokens: Sequence[Token]) -> bool:
    start, end = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    return any(token.raw in _COORDINATORS for token in tokens[start:end])


def _within(index: MatchIndex, specific: Sequence[str], loose: Sequence[str]) -> bool:
    """Is any of the specific regions one of the loose ones, or inside one of them?"""
    if len(specific) != 1:
        return False
    region = specific[0]
    return region in loose or any(
        a in loose for a in index.body.hierarchy.ancestors.get(region, ())
    )


def _apply_facet(index: MatchIndex, mention: RegionMention) -> list[Site]:
    paths = index.body.paths
    if mention.facet is None:
        return [Site(mention.regions, mention.side, mention.phrase)]
    if len(mention.regions) > 1:
        # a phrase naming several places ("arm pain": the upper arm and the forearm) takes the
        # facet on each ("posterior arm pain": the back of each)
        faced = dict.fromkeys(paths.narrow(region, mention.facet) for region in mention.regions)
        return [Site(tuple(faced), mention.side, mention.phrase)]
    region = mention.regions[0]
    narrowed = paths.narrow(region, mention.facet)
    if narrowed != region or region not in paths.roots:
        return [Site((narrowed,), mention.side, mention.phrase)]
    expanded = paths.expand_root(region, mention.facet)
    if not expanded:
        return [Site((region,), mention.side, mention.phrase)]
    return [Site((r,), mention.side, mention.phrase) for r in expanded]


def _path_between(
    index: MatchIndex, a: RegionMention, b: RegionMention, tokens: Sequence[Token]
) -> list[Site]:
    """Segments between two single-region mentions joined by a spread word in one clause."""
    if a.clause != b.clause or len(a.regions) != 1 or len(b.regions) != 1:
        return []
    if not any(t.raw in SPREAD_CUES for t in tokens[a.end : b.start]):
        return []
    paths, hierarchy = index.body.paths, index.body.hierarchy
    start = paths.locate(a.regions[0], hierarchy)
    end = paths.locate(b.regions[0], hierarchy)
    if start is None or end is None:
        return []
    facet = a.facet or b.facet or paths.facets.get(a.regions[0]) or paths.facets.get(b.regions[0])
    phrase = f"{a.phrase} to {b.phrase}"
    side = a.side or b.side
    return [Site((r,), side, phrase, INFERRED_WEIGHT) for r in paths.between(start, end, facet)]
