"""p95 of GET /api/v1/dashboard at a million cases (SQLite), as an admin: everything, the last quarter,
and one region and organisation this year.

Target: p95 <= 300 ms. Seeds (or reuses) bench/out/archive.sqlite3 with bench/million.py, the archive the
queue bench uses too, whose bulk SQL is followed by a recount of the dashboard counts (the application
keeps them in step itself).
Also reports how many count rows the dashboard sums.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from million import ROOT, build_app, ensure_archive, instance_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "archive.sqlite3"))
    args = parser.parse_args()
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    report = {"cases": args.cases, **ensure_archive(Path(args.db), args.cases)}
    app = build_app(f"sqlite:///{args.db}", instance_of(Path(args.db)))
    client = app.test_client()
    with app.app_context():
        from disputes.auth.services import issue_token
        from disputes.extensions import db
        from disputes.models import User

        admin = db.session.scalar(db.select(User).where(User.username == "admin"))
        headers = {"Authorization": f"Bearer {issue_token(admin)}"}
        db.session.remove()
    runs = (("dashboard_all", "/api/v1/dashboard"),
            ("dashboard_last_quarter", "/api/v1/dashboard?from=2026-08-16&to=2026-11-16"),
            ("dashboard_region_organisation_this_year", "/api/v1/dashboard?from=2026-01-01&region=11&organisation=1"))
    for name, path in runs:
        assert client.get(path, headers=headers).status_code == 200
        report[name] = timed(lambda p=path: client.get(p, headers=headers), args.samples)
    with app.app_context():
        from disputes.extensions import db

        report["dashboard_count_rows"] = db.session.execute(db.text("SELECT count(*) FROM dashboard_counts")).scalar()
    report["target_p95_ms"] = 300
    report["target_met"] = all(report[name]["p95_ms"] <= 300 for name, _ in runs)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()


def timed(function, samples: int) -> dict:
    latencies = []
    for _ in range(samples):
        started = time.perf_counter()
        function()
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)  # noqa: E731
    return {"n": samples, "p50_ms": pick(0.5), "p95_ms": pick(0.95), "max_ms": round(latencies[-1], 2)}


if __name__ == "__main__":
    main()
