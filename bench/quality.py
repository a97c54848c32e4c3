"""Matcher quality bench: published pain guides and red-flag triage, against the real dataset.

    .venv/bin/python bench/quality.py [--data data] [--cases bench/cases]

Pain-guide cases (bench/cases/pain_guide.yaml) are run with group_by="muscle", limit 10, and
scored on: the guide's first-listed muscle in our top 3, and the share of the guide's muscles in
our top 10. Red-flag cases (bench/cases/red_flags.yaml) must get exactly the expected level, and
no case whose danger signs are denied may be raised. Prints the figures and every failing case;
exits 1 when a floor is missed. Not part of the unit tests: it measures the data and the matcher
together.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from app.dataset.records import records_from_files
from app.matching import MatchIndex, MatchQuery, RegionInput, build_index, match
from app.matching.redflags import SEVERITY

ROOT: Final = Path(__file__).resolve().parent.parent
FIRST_IN_TOP3_FLOOR: Final = 0.90
LISTED_IN_TOP10_FLOOR: Final = 0.80
GOOD_CASE_SHARE: Final = 0.80


@dataclass(frozen=True)
class GuideResult:
    case_id: str
    first_in_top3: bool
    share_in_top10: float
    top: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class FlagResult:
    text: str
    age: int | None
    expected: str
    got: str
    negated: bool

    @property
    def correct(self) -> bool:
        return self.expected == self.got

    @property
    def wrongly_raised(self) -> bool:
        return self.negated and SEVERITY[self.got] > SEVERITY[self.expected]  # type: ignore[index]


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert isinstance(cases, list)
    return cases


def guide_query(case: dict[str, Any]) -> MatchQuery:
    regions = tuple(RegionInput(r["region"], r.get("side")) for r in case.get("regions", []))
    return MatchQuery(text=case.get("text"), regions=regions, group_by="muscle", limit=10)


def run_guide_case(index: MatchIndex, case: dict[str, Any]) -> GuideResult:
    """Where the guide's muscles land in our muscle ranking."""
    top = tuple(row.muscle.id for row in match(index, guide_query(case)).results)
    expected = [
        [entry] if isinstance(entry, str) else list(entry) for entry in case["expected_muscles"]
    ]
    found = [any(m in top for m in entry) for entry in expected]
    return GuideResult(
        case_id=case["id"],
        first_in_top3=any(m in top[:3] for m in expected[0]),
        share_in_top10=sum(found) / len(expected),
        top=top,
        missing=tuple("/".join(entry) for entry, ok in zip(expected, found, strict=True) if not ok),
    )


def run_flag_case(index: MatchIndex, case: dict[str, Any]) -> FlagResult:
    age = case.get("age")
    outcome = match(index, MatchQuery(text=case["text"], age=age))
    return FlagResult(
        case["text"],
        age,
        case["expected_level"],
        outcome.triage.level,
        bool(case.get("negated", False)),
    )


def report_guides(results: list[GuideResult]) -> tuple[float, float]:
    first = sum(r.first_in_top3 for r in results) / len(results)
    share = sum(r.share_in_top10 for r in results) / len(results)
    good = sum(r.share_in_top10 >= GOOD_CASE_SHARE for r in results) / len(results)
    print(f"pain-guide cases: {len(results)}")
    print(f"  first-listed muscle in top 3:   {first:6.1%}  (floor {FIRST_IN_TOP3_FLOOR:.0%})")
    print(f"  listed muscles in top 10 (mean): {share:6.1%}  (floor {LISTED_IN_TOP10_FLOOR:.0%})")
    print(f"  cases with >= {GOOD_CASE_SHARE:.0%} listed in top 10: {good:6.1%}")
    for r in results:
        if not r.first_in_top3 or r.share_in_top10 < GOOD_CASE_SHARE:
            print(
                f"  FAIL {r.case_id}: first-in-top3={r.first_in_top3} "
                f"share={r.share_in_top10:.0%} missing={list(r.missing)} top={list(r.top)}"
            )
    return first, share


def report_flags(results: list[FlagResult]) -> tuple[float, int]:
    accuracy = sum(r.correct for r in results) / len(results)
    raised = sum(r.wrongly_raised for r in results)
    print(f"red-flag cases: {len(results)}")
    print(f"  exact level: {accuracy:6.1%}  (floor 100%)")
    print(f"  negated cases wrongly raised: {raised}  (floor 0)")
    for r in results:
        if not r.correct:
            print(f"  FAIL {r.text!r} (age {r.age}): expected {r.expected}, got {r.got}")
    return accuracy, raised


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
        f"{time.perf_counter() - loaded:.3f} s ({len(index.trigger_points)} trigger points, "
        f"dataset {index.version})"
    )
    guide_cases = load_cases(args.cases / "pain_guide.yaml")
    guides = [run_guide_case(index, case) for case in guide_cases]
    started = time.perf_counter()
    for case in guide_cases:  # a second, warm pass for the timing
        match(index, guide_query(case))
    elapsed_ms = (time.perf_counter() - started) * 1000 / len(guide_cases)
    flags = [run_flag_case(index, case) for case in load_cases(args.cases / "red_flags.yaml")]
    first, share = report_guides(guides)
    accuracy, raised = report_flags(flags)
    print(f"mean match time (pain-guide cases, group_by=muscle): {elapsed_ms:.2f} ms")
    passed = (
        first >= FIRST_IN_TOP3_FLOOR
        and share >= LISTED_IN_TOP10_FLOOR
        and accuracy == 1.0
        and raised == 0
    )
    print("PASS" if passed else "BELOW FLOOR")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
