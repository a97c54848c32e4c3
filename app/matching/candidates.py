"""Which trigger points a query touches: those that explain a reported site, found through the
precomputed hit lists of the reported regions, and those linked to a reported condition.

Nothing here walks the whole dataset: the cost follows the hit lists of the regions reported
and the links of the conditions reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.matching.credit import SiteHit
from app.matching.index import MatchIndex
from app.matching.sites import Site

Candidates = dict[int, dict[int, SiteHit]]  # trigger point -> site number -> its best hit


def site_candidates(index: MatchIndex, sites: Sequence[Site]) -> Candidates:
    """Every trigger point that explains a site, with its best hit per site (site order)."""
    found: Candidates = {}
    region_hits = index.body.region_hits
    for site_no, site in enumerate(sites):
        for region in site.regions:
            for tp_no, hit in region_hits.get(region, ()):
                hits = found.get(tp_no)
                if hits is None:
                    found[tp_no] = {site_no: hit}
                    continue
                current = hits.get(site_no)
                if current is None or hit.credit > current.credit:
                    hits[site_no] = hit
    return found


def linked_candidates(
    index: MatchIndex, conditions: Sequence[str], found: Mapping[int, object]
) -> Candidates:
    """The trigger points linked to a reported condition that are not in `found`, without
    hits, in condition order."""
    linked = index.points.by_term.get("condition", {})
    extra: Candidates = {}
    for condition in conditions:
        for tp_no in linked.get(condition, ()):
            if tp_no not in found and tp_no not in extra:
                extra[tp_no] = {}
    return extra
