"""Export benchmark: the data package zip, and what exporting does to concurrent matching.

    .venv/bin/python -m bench.export [--duration 6] [--rounds 3] [--connections 32]

Serves the app (one uvicorn worker, a fresh seeded SQLite database, as `make run` does) and
measures:

- the zip (`GET /v1/export/triggermap-data-<version>.zip`): the first request after start-up,
  which reads the dataset out of the database, and the median of later ones; goal < 1 s each;
- text matches with wrk, alone and while another process downloads the zip and a CSV table
  over and over (one request every 0.2 s, a busy researcher's notebook), in alternating rounds;
  goals: with exports running, the median req/s stays within 15% and the median p99 within 1.5x
  of the figures without, and nothing fails. Both goals are relative: they hold on a slow machine
  as on a fast one (`bench.load` holds the absolute ones).

Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Final

from bench.load import TEXT_BODY, median, rounds_of, seeded_env, serve, wrk

ZIP_GOAL_S: Final = 1.0
SLOWDOWN_GOAL: Final = 0.15
P99_GROWTH_GOAL: Final = 1.5
EXPORT_EVERY_S: Final = 0.2


def fetch(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        size = len(response.read())
    return time.perf_counter() - started, size


def keep_exporting(base: str, zip_url: str, stop: multiprocessing.synchronize.Event) -> None:
    while not stop.is_set():
        for url in (zip_url, base + "/v1/export/referral-zones.csv"):
            fetch(url)
            time.sleep(EXPORT_EVERY_S)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=int, default=6, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    load = (args.duration, args.connections)
    alone: list[dict[str, float]] = []
    exporting: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = seeded_env(Path(tmp))
        with serve(["--factory", "app.main:create_app"], env, "/readyz") as app:
            with urllib.request.urlopen(app + "/v1/dataset") as response:
                version = json.load(response)["version"]
            zip_url = f"{app}/v1/export/triggermap-data-{version}.zip"
            first, size = fetch(zip_url)
            later = statistics.median(fetch(zip_url)[0] for _ in range(20))
            for _ in range(args.rounds):
                alone.append(wrk(app + "/v1/matches", TEXT_BODY, *load))
                stop = multiprocessing.Event()
                worker = multiprocessing.Process(target=keep_exporting, args=(app, zip_url, stop))
                worker.start()
                exporting.append(wrk(app + "/v1/matches", TEXT_BODY, *load))
                stop.set()
                worker.join(timeout=30)
    return report(first, later, size, alone, exporting, args)


def report(
    first: float,
    later: float,
    size: int,
    alone: list[dict[str, float]],
    exporting: list[dict[str, float]],
    args: argparse.Namespace,
) -> int:
    print(f"export: 1 uvicorn worker, SQLite; zip {size / 1024:.0f} KiB")
    print(f"  zip, first request (reads the database): {first * 1000:7.1f} ms (goal < 1000)")
    print(f"  zip, later requests (median of 20):      {later * 1000:7.1f} ms (goal < 1000)")
    rps_alone, rps_export = median(alone, "rps"), median(exporting, "rps")
    p99_alone, p99 = median(alone, "p99_ms"), median(exporting, "p99_ms")
    errors = sum(run["non_2xx"] for run in (*alone, *exporting))
    slowdown = 1 - rps_export / rps_alone
    print(
        f"  text matches alone:            {rps_alone:7.0f} req/s  p99 {p99_alone:.2f} ms"
        f"  rounds {rounds_of(alone)}"
    )
    print(
        f"  text matches while exporting:  {rps_export:7.0f} req/s  p99 {p99:.2f} ms "
        f"({p99 / p99_alone:.2f}x, goal <= {P99_GROWTH_GOAL}x)  rounds {rounds_of(exporting)}"
    )
    print(f"  slowdown {slowdown:+.1%} (goal <= {SLOWDOWN_GOAL:.0%}), non-2xx {errors:.0f}")
    checks = [
        first < ZIP_GOAL_S,
        later < ZIP_GOAL_S,
        slowdown <= SLOWDOWN_GOAL,
        p99 <= P99_GROWTH_GOAL * p99_alone,
    ]
    passed = all(checks) and errors == 0
    print("PASS" if passed else "BELOW GOAL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
