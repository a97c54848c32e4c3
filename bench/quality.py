"""Matcher quality bench: published pain guides, against the real dataset (triage has its own
safety bench, `bench.triage`).

    .venv/bin/python bench/quality.py [--data data] [--cases bench/cases]

Pain-guide cases (bench/cases/pain_guide.yaml) are run with group_by="muscle", limit 10, and
scored on: the guide's first-listed muscle in our top 3, and the share of the guide's muscles in
our top 10. The floors hold on each mode of input separately: free text, and the body map
(regions by id, and regions in clinical anatomical terms, also shown on their own). Prints the
figures per mode and every failing case; exits 1 when a floor is missed. Not part of the unit
tests: it measures the data and the matcher together.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from app.dataset.matcher_input import records_from_files
from app.matching import MatchIndex, MatchQuery, RegionInput, build_index, match

ROOT: Final = Path(__file__).resolve().parent.parent
FIRST_IN_TOP3_FLOOR: Final = 0.90
LISTED_IN_TOP10_FLOOR: Final = 0.80
GOOD_CASE_SHARE: Final = 0.80


@dataclass(frozen=True)
class GuideResult:
    case_id: str
    mode: str
    first_in_top3: bool
    share_in_top10: float
    top: tuple[str, ...]
    missing: tuple[str, ...]


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert isinstance(cases, list)
    return cases


def guide_query(case: dict[str, Any]) -> MatchQuery:
    regions = tuple(RegionInput(r["region"], r.get("side")) for r in case.get("regions", []))
    return MatchQuery(text=case.get("text"), regions=regions, group_by="muscle", limit=10)


def case_mode(index: MatchIndex, case: dict[str, Any]) -> str:
    """ "text", "body map" (region ids) or "clinical terms" (regions in anatomical words)."""
    if case.get("text"):
        return "text"
    ids = index.reader.terms["region"].names
    return "body map" if all(r["region"] in ids for r in case["regions"]) else "clinical terms"


def run_guide_case(index: MatchIndex, case: dict[str, Any]) -> GuideResult:
    """Where the guide's muscles land in our muscle ranking."""
    top = tuple(row.muscle.id for row in match(index, guide_query(case)).results)
    expected = [
        [entry] if isinstance(entry, str) else list(entry) for entry in case["expected_muscles"]
    ]
    found = [any(m in top for m in entry) for entry in expected]
    return GuideResult(
        case_id=case["id"],
        mode=case_mode(index, case),
        first_in_top3=any(m in top[:3] for m in expected[0]),
        share_in_top10=sum(found) / len(expected),
        top=top,
        missing=tuple("/".join(entry) for entry, ok in zip(expected, found, strict=True) if not ok),
    )


@dataclass(frozen=True)
class Figures:
    first_in_top3: float
    listed_in_top10: float

    @property
    def passed(self) -> bool:
        return (
            self.first_in_top3 >= FIRST_IN_TOP3_FLOOR
            and self.listed_in_top10 >= LISTED_IN_TOP10_FLOOR
        )


def figures(results: list[GuideResult]) -> Figures:
    return Figures(
        sum(r.first_in_top3 for r in results) / len(results),
        sum(r.share_in_top10 for r in results) / len(results),
    )


def report_group(name: str, results: list[GuideResult]) -> Figures:
    found = figures(results)
    good = sum(r.share_in_top10 >= GOOD_CASE_SHARE for r in results) / len(results)
    print(f"{name}: {len(results)} cases")
    first, listed = found.first_in_top3, found.listed_in_top10
    print(f"  first-listed muscle in top 3:    {first:6.1%}  (floor {FIRST_IN_TOP3_FLOOR:.0%})")
    print(f"  listed muscles in top 10 (mean): {listed:6.1%}  (floor {LISTED_IN_TOP10_FLOOR:.0%})")
    print(f"  cases with >= {GOOD_CASE_SHARE:.0%} listed in top 10: {good:6.1%}")
    return found


def report_guides(results: list[GuideResult]) -> bool:
    """Figures per mode; True when the text and the body-map cases both meet the floors."""
    report_group("all pain-guide cases", results)
    text = report_group("text", [r for r in results if r.mode == "text"])
    body_map = report_group(
        "body map (ids and clinical terms)", [r for r in results if r.mode != "text"]
    )
    report_group("  of which clinical terms", [r for r in results if r.mode == "clinical terms"])
    for r in results:
        if not r.first_in_top3 or r.share_in_top10 < GOOD_CASE_SHARE:
            print(
                f"  FAIL {r.case_id} ({r.mode}): first-in-top3={r.first_in_top3} "
                f"share={r.share_in_top10:.0%} missing={list(r.missing)} top={list(r.top)}"
            )
    return text.passed and body_map.passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--cases", type=Path, default=ROOT / "bench" / "cases")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = records_from_files(args.data)
    loaded = time.perf_counter()
    index = build_index(records)
    print(
        f"data loaded in {loaded - started:.2f} s, index built in "
        f"{time.perf_counter() - loaded:.3f} s ({len(index.points.records)} trigger points, "
        f"dataset {index.version})"
    )
    guide_cases = load_cases(args.cases / "pain_guide.yaml")
    guides = [run_guide_case(index, case) for case in guide_cases]
    started = time.perf_counter()
    for case in guide_cases:  # a second, warm pass for the timing
        match(index, guide_query(case))
    elapsed_ms = (time.perf_counter() - started) * 1000 / len(guide_cases)
    passed = report_guides(guides)
    print(f"mean match time (pain-guide cases, group_by=muscle): {elapsed_ms:.2f} ms")
    print("PASS" if passed else "BELOW FLOOR")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
