"""The mediator's queue page and the case page at a million cases (SQLite), through the real app.

Prints JSON: p50/p95 of the queue (mine, region, unassigned, a deep keyset page) and of the case
page, the query plans of the queue, and whether p95 <= 50 ms. `--cases` to change N.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys

from million import ROOT, build_app, ensure_archive, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "archive.sqlite3"))
    args = parser.parse_args()
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    from pathlib import Path

    report = {"cases": args.cases, **ensure_archive(Path(args.db), args.cases)}
    app = build_app(Path(args.db))
    client = app.test_client()
    with app.app_context():
        from disputes.extensions import db

        mediator = db.session.execute(db.text(
            "SELECT u.username, u.id, count(c.id) AS n FROM users u JOIN cases c ON c.mediator_id = u.id "
            "WHERE c.state NOT IN ('closed', 'withdrawn') GROUP BY u.id ORDER BY n DESC LIMIT 1")).one()
        from disputes.models import User
        from disputes.security import hash_password

        db.session.get(User, mediator.id).password_hash = hash_password("Bench-pass-2026")
        db.session.commit()
        visible = [row[0] for row in db.session.execute(db.text(
            "SELECT case_no FROM cases WHERE mediator_id = :m ORDER BY random() LIMIT 500"), {"m": mediator.id})]
        plans = {scope: [" ".join(map(str, row[3:])) for row in db.session.execute(db.text("EXPLAIN QUERY PLAN " + sql), params)]
                 for scope, sql, params in _plans(mediator.id)}
        db.session.remove()
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
    assert client.post("/login", data={"username": mediator.username, "password": "Bench-pass-2026",
                                       "csrf_token": token}).status_code == 302
    report["mediator_open_cases"] = mediator.n
    deep = _deep_cursor(client)
    rng = random.Random(1)
    for name, path in (("queue_mine", "/cases?scope=mine"), ("queue_region", "/cases?scope=all"),
                       ("queue_unassigned", "/cases?scope=unassigned"), ("queue_deep_page", deep)):
        client.get(path)
        report[name] = timed(lambda p=path: _ok(client.get(p)), args.samples)
    report["case_page"] = timed(lambda: _ok(client.get(f"/cases/{rng.choice(visible)}")), args.samples)
    report["query_plans"] = plans
    report["target_p95_ms"] = 50
    report["target_met"] = all(report[k]["p95_ms"] <= 50 for k in ("queue_mine", "queue_region", "queue_unassigned",
                                                                    "queue_deep_page", "case_page"))
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def _deep_cursor(client) -> str:
    path = "/cases?scope=all"
    for _ in range(20):
        match = re.search(r'href="(/cases\?[^"]*after=[^"]+)"', client.get(path).get_data(as_text=True))
        if not match:
            break
        path = match.group(1).replace("&amp;", "&")
    return path


def _plans(mediator_id):
    base = ("SELECT id FROM cases WHERE {where} AND state NOT IN ('closed','withdrawn') "
            "ORDER BY priority, next_due_on, id LIMIT 26")
    return [("mine", base.format(where="mediator_id = :m"), {"m": mediator_id}),
            ("region", base.format(where="region_code = '11'"), {}),
            ("unassigned", "SELECT id FROM cases WHERE state = 'submitted' AND mediator_id IS NULL "
                           "ORDER BY priority, next_due_on, id LIMIT 26", {})]


if __name__ == "__main__":
    main()
