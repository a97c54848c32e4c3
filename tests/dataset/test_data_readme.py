"""data/README.md's coverage table matches the data files.

Regenerate the table with ``.venv/bin/python -m tests.dataset.test_data_readme``.
"""

from __future__ import annotations

import re

import yaml

from tests.conftest import DATA_DIR

HEADER = "| body area (file) | muscles | trigger points | referral zones |\n|---|---:|---:|---:|"


def coverage_table() -> str:
    rows = []
    totals = [0, 0, 0]
    for path in sorted((DATA_DIR / "muscles").glob("*.yaml")):
        muscles = yaml.safe_load(path.read_text(encoding="utf-8"))["muscles"]
        points = [tp for muscle in muscles for tp in muscle["trigger_points"]]
        zones = sum(len(tp["essential"]) + len(tp.get("spillover") or []) for tp in points)
        counts = [len(muscles), len(points), zones]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        rows.append(f"| {path.stem} | {counts[0]} | {counts[1]} | {counts[2]} |")
    rows.append(f"| **total** | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** |")
    return HEADER + "\n" + "\n".join(rows)


def test_coverage_table_is_current() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(HEADER) + r"\n(?:\|.*\|\n?)+", readme)
    assert found, "data/README.md has no coverage table"
    assert found.group(0).strip() == coverage_table()


if __name__ == "__main__":
    print(coverage_table())
