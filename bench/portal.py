"""The worker's status lookup and portal page under load, beside a bare Flask hello-world.

gunicorn with 2 workers on loopback, 16 keep-alive connections, a fixed time each; prints JSON
with throughput, p50/p99 and the ratio to hello-world. Target: ratio >= 0.35, p99 <= 50 ms.
"""
from __future__ import annotations

import argparse
import json
import sys

import subprocess

from harness import ROOT, Server, drive, prepare_instance, summarise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    instance, env = prepare_instance(cases=40)
    results = {"connections": args.connections, "seconds_per_run": args.seconds, "workers": 2}

    hello = Server("bench.hello:app", env)
    try:
        tally, elapsed = drive(hello.port, args.connections, args.seconds,
                               lambda i, rng: ("hello", "GET", "/", None, {}, None))
        results["hello_world"] = summarise(tally, elapsed)
    finally:
        hello.stop()

    server = Server("wsgi:app", env)
    try:
        pairs = _lookup_pairs(env)
        body = lambda i: json.dumps({"case_no": pairs[i % len(pairs)][0], "access_code": pairs[i % len(pairs)][1]})  # noqa: E731
        tally, elapsed = drive(server.port, args.connections, args.seconds, lambda i, rng: (
            "status_lookup", "POST", "/api/v1/status", body(i), {"Content-Type": "application/json"}, None))
        results["status_lookup"] = summarise(tally, elapsed)
        tally, elapsed = drive(server.port, args.connections, args.seconds, lambda i, rng: (
            "public_search", "GET", "/api/v1/typical-cases?q=%E9%AA%91%E6%89%8B", None, {}, None))
        results["typical_case_search"] = summarise(tally, elapsed)
    finally:
        server.stop()
    base = results["hello_world"]["throughput_rps"] or 1
    for key in ("status_lookup", "typical_case_search"):
        results[key]["ratio_to_hello_world"] = round(results[key]["throughput_rps"] / base, 3)
    lookup = results["status_lookup"]
    results["target_met"] = lookup["ratio_to_hello_world"] >= 0.35 and lookup["p99_ms"] <= 50 and lookup["errors"] == 0
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    print()


def _lookup_pairs(env) -> list[tuple[str, str]]:
    """File a few cases through the intake service to get real case numbers with their access codes."""
    script = ("from disputes import create_app\nfrom disputes.intake.services import file_complaint\n"
              "from tests.factories import intake_payload\napp = create_app()\nwith app.app_context():\n"
              "    for seed in range(8):\n        f = file_complaint(intake_payload(seed), filed_by=None, channel='web')\n"
              "        print(f.case.case_no, f.access_code)\n")
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True).stdout
    return [tuple(line.split()) for line in output.splitlines() if line.strip()]


if __name__ == "__main__":
    main()
