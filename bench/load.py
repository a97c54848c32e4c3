"""Load benchmark: POST /v1/matches against a bare FastAPI hello-world, same uvicorn settings.

    .venv/bin/python -m bench.load [--duration 8] [--rounds 3] [--connections 32]

Serves each app with one uvicorn worker on a fresh, seeded SQLite database, loads it from a
second process with wrk (Debian package ``wrk``), and prints requests per second and latency
percentiles. Goals: text matches >= 30% and region matches >= 40% of hello-world's requests per
second, p99 <= 25 ms. Both apps are served at once and loaded in alternating rounds (hello, text,
regions, hello, ...); each figure is the median over the rounds, so a slow spell of a shared
machine does not fall on one of them alone. wrk runs one thread: on a two-core machine that
leaves one core to wrk and one to the single uvicorn worker, for both apps alike. Then times the
matcher in-process on the real dataset and on a synthetic dataset 20x larger: the p50 must stay
within 3x, and the 20x index must build within 5 s. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from bench.synthetic import BUILD_GOAL_S, matcher_scaling

ROOT: Final = Path(__file__).resolve().parent.parent
BIN: Final = Path(sys.executable).parent
TEXT_BODY: Final = {
    "text": "throbbing headache behind my left eye and at the temple, worse with stress"
}
REGION_BODY: Final = {"regions": [{"region": "temple", "side": "left"}, {"region": "occiput"}]}
UVICORN_FLAGS: Final = ["--workers", "1", "--log-level", "warning", "--no-access-log"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, timeout: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up")


@contextmanager
def serve(target: list[str], env: dict[str, str], probe: str) -> Iterator[str]:
    port = free_port()
    command = [str(BIN / "uvicorn"), *target, "--port", str(port), *UVICORN_FLAGS]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + probe)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def seeded_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ, TRIGGERMAP_DATABASE_URL=f"sqlite:///{workdir / 'bench.db'}")
    for step in ("migrate", "seed"):
        subprocess.run([str(BIN / "triggermap"), step], env=env, check=True, capture_output=True)
    return env


def wrk(
    url: str, body: Mapping[str, object] | None, duration: int, connections: int
) -> dict[str, float]:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if body is not None:
            script.write(
                'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f"wrk.body = {json.dumps(json.dumps(body))}\n"
            )
    output = subprocess.run([*command, "-s", script.name], capture_output=True, text=True).stdout
    os.unlink(script.name)
    return parse_wrk(output)


def parse_wrk(output: str) -> dict[str, float]:
    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures = {"rps": rps, "non_2xx": float(errors.group(1)) if errors else 0.0}
    for pct in ("50", "99"):
        found = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)\b", output)
        figures[f"p{pct}_ms"] = ms(*found.groups()) if found else float("nan")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=8, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench: wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    load = (args.duration, args.connections)
    runs: dict[str, list[dict[str, float]]] = {"hello": [], "text": [], "regions": []}
    with tempfile.TemporaryDirectory() as tmp:
        env = seeded_env(Path(tmp))
        with (
            serve(["bench.hello:app"], env, "/hello") as hello,
            serve(["--factory", "app.main:create_app"], env, "/readyz") as app,
        ):
            # Rounds alternate the three loads, so a slow spell of a shared machine falls on
            # all of them alike; each figure is the median over the rounds.
            for _ in range(args.rounds):
                runs["hello"].append(wrk(hello + "/hello", None, *load))
                runs["text"].append(wrk(app + "/v1/matches", TEXT_BODY, *load))
                runs["regions"].append(wrk(app + "/v1/matches", REGION_BODY, *load))
    return report(runs, matcher_scaling(), args)


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def report(
    runs: Mapping[str, list[dict[str, float]]],
    scaling: tuple[float, float],
    args: argparse.Namespace,
) -> int:
    print(
        f"load: wrk, {args.connections} connections, 1 uvicorn worker, SQLite; "
        f"medians of {args.rounds} alternating rounds of {args.duration} s; "
        f"matcher {_build()}"
    )
    hello_rps = median(runs["hello"], "rps")
    checks = []
    for name, floor in (("text", 0.30), ("regions", 0.40)):
        found = runs[name]
        rps, p99 = median(found, "rps"), median(found, "p99_ms")
        errors = sum(run["non_2xx"] for run in found)
        print(
            f"  matches/{name:9} {rps:8.0f} req/s  ({rps / hello_rps:5.1%} of hello, goal >= "
            f"{floor:.0%})  p50 {median(found, 'p50_ms'):.2f} ms  p99 {p99:.2f} ms (goal <= 25)"
            f"  non-2xx {errors:.0f}  rounds {rounds_of(found)}"
        )
        checks += [rps / hello_rps >= floor, p99 <= 25.0, errors == 0]
    print(
        f"  {'hello':17} {hello_rps:8.0f} req/s  p99 {median(runs['hello'], 'p99_ms'):.2f} ms"
        f"  rounds {rounds_of(runs['hello'])}"
    )
    ratio, built_s = scaling
    print(f"matcher p50, 20x synthetic dataset / real dataset: {ratio:.2f}x (goal <= 3x)")
    checks += [ratio <= 3.0, built_s <= BUILD_GOAL_S]
    return 0 if all(checks) else 1


def _build() -> str:
    """Whether the matcher being served is the mypyc-compiled one (setup.py)."""
    import app.matching.engine

    compiled = app.matching.engine.__file__.endswith(".so")
    return "compiled (mypyc)" if compiled else "pure Python (TRIGGERMAP_PURE_PYTHON)"


def rounds_of(runs: list[dict[str, float]]) -> str:
    return " / ".join(f"{run['rps']:.0f}" for run in runs)


if __name__ == "__main__":
    sys.exit(main())
