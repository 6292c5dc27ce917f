"""The worker's status lookup and portal page under load, beside a bare Flask hello-world.

gunicorn with 2 workers on loopback, 16 keep-alive connections, a fixed time each, in rounds; prints
JSON with the medians of throughput, p50/p99 and the ratio to hello-world. Target: ratio >= 0.35,
p99 <= 50 ms for the status lookup.

Measured: the status lookup as deployed (a worker checking again is answered from the per-process
status cache, portal/status_cache.py) and with that cache off (every lookup a first one), the
worker's case page (HTML, through the session a lookup opened), and the public typical-case search.
"""
from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys

from harness import ROOT, Server, drive, prepare_instance, summarise

TARGET_RATIO = 0.35
TARGET_P99_MS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of all runs; figures are their medians")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    instance, env = prepare_instance(cases=40)
    pairs = _lookup_pairs(env)
    bodies = [json.dumps({"case_no": case_no, "access_code": code}) for case_no, code in pairs]
    lookup = lambda i, rng: ("status_lookup", "POST", "/api/v1/status", bodies[i % len(bodies)],  # noqa: E731
                             {"Content-Type": "application/json"}, None)
    servers = {"hello": Server("bench.hello:app", env), "app": Server("wsgi:app", env),
               "uncached": Server("wsgi:app", {**env, "PORTAL_STATUS_CACHE_SECONDS": "0"})}
    try:
        cookies = [_portal_cookie(servers["app"].port, body) for body in bodies]
        runs = {
            "hello_world": ("hello", lambda i, rng: ("hello", "GET", "/", None, {}, None)),
            "status_lookup": ("app", lookup),
            "status_lookup_uncached": ("uncached", lookup),
            "case_page": ("app", lambda i, rng: (
                "case_page", "GET", "/status/case", None, {"Cookie": cookies[i % len(cookies)]}, None)),
            "typical_case_search": ("app", lambda i, rng: (
                "public_search", "GET", "/api/v1/typical-cases?q=%E9%AA%91%E6%89%8B", None, {}, None)),
        }
        # Rounds, each running everything once: this host's speed drifts with its neighbours, so each
        # ratio is taken against the hello-world of its own round, and the medians are reported.
        rounds = [{name: summarise(*drive(servers[server].port, args.connections, args.seconds, request_for))
                   for name, (server, request_for) in runs.items()} for _ in range(args.rounds)]
    finally:
        for server in servers.values():
            server.stop()

    results = {"connections": args.connections, "seconds_per_run": args.seconds, "rounds": args.rounds, "workers": 2}
    for name in runs:
        figures = [one[name] for one in rounds]
        results[name] = {key: statistics.median(figure[key] for figure in figures)
                         for key in ("throughput_rps", "p50_ms", "p99_ms")}
        results[name]["errors"] = sum(figure["errors"] for figure in figures)
        if name != "hello_world":
            ratios = [one[name]["throughput_rps"] / (one["hello_world"]["throughput_rps"] or 1) for one in rounds]
            results[name]["ratio_to_hello_world"] = round(statistics.median(ratios), 3)
            results[name]["ratios_by_round"] = [round(ratio, 3) for ratio in ratios]
            results[name]["target_met"] = (results[name]["ratio_to_hello_world"] >= TARGET_RATIO
                                           and results[name]["p99_ms"] <= TARGET_P99_MS and results[name]["errors"] == 0)
    results["target"] = {"ratio_to_hello_world": TARGET_RATIO, "p99_ms": TARGET_P99_MS}
    results["target_met"] = results["status_lookup"]["target_met"]
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    print()


def _portal_cookie(port: int, body: str) -> str:
    """The session cookie a successful lookup sets: the worker's case page needs no second lookup."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/api/v1/status", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader("Set-Cookie").split(";", 1)[0]


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
