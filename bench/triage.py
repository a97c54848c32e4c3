"""Safety bench for red-flag triage: hundreds of patient wordings, tuned and untouched parts.

    .venv/bin/python -m bench.triage [--show-untouched]

Cases live in bench/cases/triage/ and were written from published guidelines (NICE, AHA/ACC,
SNOOP4, BSR, BOAST, the Canadian C-spine rule...) independently of the rules in data/triage/.
They were split once, stratified by condition, into a *tuned* part (two thirds: the rules were
improved while looking at its failures) and an *untouched* part (one third: never looked at while
tuning; its failures are printed only with --show-untouched). Later tuning cases (the
`fresh_*.tuned.yaml` files: written from guidelines by writers who saw neither the rules nor
the other cases, in many styles: terse, long, voice-typed, carers' notes, forms, forum posts,
second-language English, hedged, two people in one message, call notes, teenagers and people
over 80 writing themselves, atypical presentations, scenes shown rather than symptoms named,
world Englishes, spellings by sound, jokes, clock-time timelines...; bench/README.md lists
them) join the
tuned part only; the untouched part is never added to. bench/cases/red_flags.yaml, the earlier
hand-written set, is scored with the tuned part.

A dangerous case (`expected_level`) passes when the triage is at or above that level; a benign
case (`max_level`) passes the floor when the triage is not above `see_clinician`, and is counted
as exact when it is not above its own `max_level`.

Then `bench.robustness` rewrites the passing tuned dangerous cases the ways real messages differ
(voice typing, the writer's own aches told first, a typo, a question added) and reports the share
still caught, with no floor.

Floors: every dangerous case of the tuned part caught; >= 95% of the untouched part caught;
>= 95% of benign cases (each part) not raised above see_clinician. Exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from app.dataset.matcher_input import records_from_files
from app.matching import MatchIndex, MatchQuery, build_index, match
from app.matching.triage import SEVERITY
from bench import robustness

ROOT: Final = Path(__file__).resolve().parent.parent
CASES: Final = ROOT / "bench" / "cases"
UNTOUCHED_FLOOR: Final = 0.95
BENIGN_FLOOR: Final = 0.95


@dataclass(frozen=True)
class Outcome:
    case: dict[str, Any]
    got: str
    flags: tuple[str, ...]

    @property
    def dangerous(self) -> bool:
        return "expected_level" in self.case

    @property
    def group(self) -> str:
        return str(self.case.get("condition") or self.case.get("category") or "earlier-set")

    @property
    def passed(self) -> bool:
        if self.dangerous:
            return SEVERITY[self.got] >= SEVERITY[self.case["expected_level"]]  # type: ignore[index]
        return SEVERITY[self.got] <= SEVERITY["see_clinician"]  # type: ignore[index]

    @property
    def exact_benign(self) -> bool:
        return SEVERITY[self.got] <= SEVERITY[self.case["max_level"]]  # type: ignore[index]


def load(part: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted((CASES / "triage").glob(f"*.{part}.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    if part == "tuned":
        cases += [
            _earlier(c) for c in yaml.safe_load((CASES / "red_flags.yaml").read_text())["cases"]
        ]
    return cases


def _earlier(case: dict[str, Any]) -> dict[str, Any]:
    """The earlier set: a case expecting self_care is a benign case, any other a dangerous one."""
    found = {k: v for k, v in case.items() if k in ("text", "age")}
    if case["expected_level"] == "self_care":
        return {**found, "max_level": "self_care", "category": "earlier-set-benign"}
    return {**found, "expected_level": case["expected_level"], "condition": "earlier-set"}


def run(index: MatchIndex, case: dict[str, Any]) -> Outcome:
    query = MatchQuery(text=case["text"], age=case.get("age"), sex=case.get("sex"), limit=0)
    triage = match(index, query).triage
    return Outcome(case, triage.level, tuple(hit.id for hit in triage.red_flags))


def report(part: str, outcomes: list[Outcome], show: bool) -> tuple[float, float]:
    dangerous = [o for o in outcomes if o.dangerous]
    benign = [o for o in outcomes if not o.dangerous]
    by_group: dict[str, list[Outcome]] = defaultdict(list)
    for o in dangerous:
        by_group[o.group].append(o)
    sensitivity = sum(o.passed for o in dangerous) / len(dangerous)
    specificity = sum(o.passed for o in benign) / len(benign)
    exact = sum(o.exact_benign for o in benign) / len(benign)
    print(f"\n== {part} part: {len(dangerous)} dangerous, {len(benign)} benign")
    print(f"  sensitivity (at or above the expected level): {sensitivity:6.1%}")
    for group, items in sorted(by_group.items()):
        caught = sum(o.passed for o in items)
        print(f"    {group:34} {caught:3}/{len(items):<3} {caught / len(items):6.1%}")
    print(f"  specificity (benign not above see_clinician): {specificity:6.1%}")
    print(f"  benign at or below their own max level:       {exact:6.1%}")
    if show:
        for o in outcomes:
            if not o.passed:
                want = o.case.get("expected_level") or f"<= {o.case.get('max_level')}"
                fired = ", ".join(o.flags) or "no flag"
                print(f"  FAIL [{o.group}] want {want}, got {o.got} ({fired}): {o.case['text']!r}")
    return sensitivity, specificity


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--show-untouched", action="store_true", help="print its failures too")
    args = parser.parse_args(argv)
    index = build_index(records_from_files(ROOT / "data"))
    tuned = [run(index, c) for c in load("tuned")]
    untouched = [run(index, c) for c in load("untouched")]
    tuned_sens, tuned_spec = report("tuned", tuned, show=True)
    untouched_sens, untouched_spec = report("untouched", untouched, show=args.show_untouched)
    robustness.report(index, [o.case for o in tuned])
    passed = (
        tuned_sens == 1.0
        and untouched_sens >= UNTOUCHED_FLOOR
        and min(tuned_spec, untouched_spec) >= BENIGN_FLOOR
    )
    print("PASS" if passed else "BELOW FLOOR")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
