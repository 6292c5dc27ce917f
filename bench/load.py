"""A mixed workload against gunicorn on loopback for a fixed time: intake, events, status lookups, search.

Prints JSON: throughput, p50/p99 per kind, errors, and lost writes (acknowledged intakes missing
from the database afterwards). Target: zero errors and zero lost writes. `--seconds` bounds the run.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading

import sqlalchemy as sa

from harness import Server, drive, post_json, prepare_instance, summarise


def run_load(seconds: float = 20.0, connections: int = 8) -> dict:
    instance, env = prepare_instance(cases=20)
    server = Server("wsgi:app", env, workers=2)
    acknowledged: list[str] = []
    lock = threading.Lock()
    try:
        status, body = post_json(server.port, "/api/v1/tokens", {"username": "mediator", "password": "Demo-pass-2026"})
        headers = {"Authorization": f"Bearer {body['token']}", "Content-Type": "application/json"}
        payloads = _payloads(200)  # built once, before the clients start
        status, first = post_json(server.port, "/api/v1/cases", payloads[0], headers)
        lookup = json.dumps({"case_no": first["case_no"], "access_code": first["access_code"]})

        def remember(status_code, payload):
            if status_code == 201:
                with lock:
                    acknowledged.append(json.loads(payload)["case_no"])
            return status_code == 201

        def request_for(index, rng):
            roll = rng.random()
            if roll < 0.25:
                return ("intake", "POST", "/api/v1/cases", json.dumps(rng.choice(payloads)), headers, remember)
            if roll < 0.45:
                return ("event_refused_stale", "POST", f"/api/v1/cases/{first['case_no']}/events",
                        json.dumps({"event": "accept", "version": 0}), headers,
                        lambda code, _body: code == 409)  # concurrent stale writes must be refused, never 500
            if roll < 0.75:
                return ("status_lookup", "POST", "/api/v1/status", lookup, {"Content-Type": "application/json"}, None)
            return ("search", "GET", "/api/v1/typical-cases?q=%E9%AA%91%E6%89%8B", None, {}, None)

        tally, elapsed = drive(server.port, connections, seconds, request_for)
    finally:
        server.stop()
    engine = sa.create_engine(f"sqlite:///{instance / 'disputes.sqlite3'}")
    with engine.connect() as connection:
        stored = set(connection.execute(sa.text("SELECT case_no FROM cases")).scalars())
    engine.dispose()
    report = summarise(tally, elapsed)
    report.update({"seconds": round(elapsed, 1), "connections": connections, "workers": 2,
                   "acknowledged_intakes": len(acknowledged), "lost_writes": len(set(acknowledged) - stored)})
    report["target_met"] = report["errors"] == 0 and report["lost_writes"] == 0
    return report


def _payloads(count: int) -> list[dict]:
    """Valid, varied intake bodies (made with the test factories inside a throwaway app)."""
    from disputes import create_app
    from tests.factories import intake_payload

    app = create_app({"INSTANCE_PATH": "/tmp/dd-bench-payloads", "SECRET_KEY": "x"})
    with app.app_context():
        return [intake_payload(seed) for seed in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    json.dump(run_load(args.seconds, args.connections), sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
