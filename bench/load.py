"""Load benchmark: POST /v1/matches against a bare FastAPI hello-world, same uvicorn settings.

    .venv/bin/python -m bench.load [--duration 10] [--connections 32]

Serves each app with one uvicorn worker on a fresh, seeded SQLite database, loads it from a
second process with wrk (Debian package ``wrk``), and prints requests per second and latency
percentiles. Goals: text matches >= 30% and region matches >= 40% of hello-world's requests per
second, p99 <= 25 ms. wrk runs one thread: on a two-core machine that leaves one core to wrk and
one to the single uvicorn worker, for both apps alike. Then times the matcher in-process on the
real dataset and on a synthetic dataset 20x larger: the p50 must stay within 3x. Exits 1 when a
goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from bench.synthetic import matcher_p50_ratio

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
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench: wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    load = (args.duration, args.connections)
    with tempfile.TemporaryDirectory() as tmp:
        env = seeded_env(Path(tmp))
        with serve(["bench.hello:app"], env, "/hello") as base:
            hello = wrk(base + "/hello", None, *load)
        with serve(["--factory", "app.main:create_app"], env, "/readyz") as base:
            text = wrk(base + "/v1/matches", TEXT_BODY, *load)
            regions = wrk(base + "/v1/matches", REGION_BODY, *load)
    ratio = matcher_p50_ratio()
    return report(hello, text, regions, ratio, args.connections)


def report(
    hello: dict[str, float],
    text: dict[str, float],
    regions: dict[str, float],
    ratio: float,
    connections: int,
) -> int:
    print(f"load: wrk, {connections} connections, 1 uvicorn worker, SQLite")
    checks = []
    for name, figures, floor in (("matches/text", text, 0.30), ("matches/regions", regions, 0.40)):
        share = figures["rps"] / hello["rps"]
        print(
            f"  {name:16} {figures['rps']:8.0f} req/s  ({share:5.1%} of hello, goal >= {floor:.0%})"
            f"  p50 {figures['p50_ms']:.2f} ms  p99 {figures['p99_ms']:.2f} ms (goal <= 25)"
            f"  non-2xx {figures['non_2xx']:.0f}"
        )
        checks += [share >= floor, figures["p99_ms"] <= 25.0, figures["non_2xx"] == 0]
    print(f"  {'hello':16} {hello['rps']:8.0f} req/s  p99 {hello['p99_ms']:.2f} ms")
    print(f"matcher p50, 20x synthetic dataset / real dataset: {ratio:.2f}x (goal <= 3x)")
    checks.append(ratio <= 3.0)
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
