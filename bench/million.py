"""A realistic archive of N cases in a SQLite file, seeded with bulk SQL (reused when already there)."""
from __future__ import annotations

import hashlib
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from disputes import create_app  # noqa: E402
from disputes.extensions import db  # noqa: E402

OCCUPATIONS = ["delivery_rider", "ride_hailing_driver", "truck_driver", "courier", "live_streamer", "domestic_worker", "other"]
CLAIMS = ["wage_arrears", "overtime", "economic_compensation", "work_injury", "illegal_deduction", "confirm_labor_relation"]
PLATFORMS = ["某外卖平台", "某网约车平台", "某货运平台", "某快递平台", "某直播平台", "某家政平台"]
# (state, share, events after submit, mediator?, arbitrator?)
STATES = [("closed", 0.55, ["accept", "mediation_succeeded", "fulfil"], True, False),
          ("withdrawn", 0.15, ["withdraw"], False, False),
          ("awarded", 0.08, ["accept", "mediation_failed", "apply_arbitration", "accept_arbitration", "render_award"], True, True),
          ("mediated", 0.05, ["accept", "mediation_succeeded"], True, False),
          ("in_mediation", 0.07, ["accept"], True, False),
          ("submitted", 0.04, [], False, False),
          ("in_arbitration", 0.04, ["accept", "mediation_failed", "apply_arbitration", "accept_arbitration"], True, True),
          ("mediation_failed", 0.02, ["accept", "mediation_failed"], True, False)]
TERMINAL = {"closed", "withdrawn"}


def build_app(path: Path):
    app = create_app({"INSTANCE_PATH": str(path.parent / f"{path.stem}-instance"), "SECRET_KEY": "bench",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "PASSWORD_HASH_PARAMS":
                      {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}, "RATELIMIT_ENABLED": False,
                      "DISPUTES_TODAY": "2026-11-16"})
    return app


def ensure_archive(path: Path, cases: int) -> dict:
    """Seed `cases` cases into the file unless it already holds them; returns timings."""
    app = build_app(path)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        from disputes.seeding import seed_organisations, seed_regions, seed_users

        seed_regions(), seed_organisations(), seed_users()
        have = db.session.execute(db.text("SELECT count(*) FROM cases")).scalar()
        db.session.remove()
        db.engine.dispose()
    if have >= cases:
        return {"seeded": False, "cases": have}
    started = time.perf_counter()
    _bulk_seed(path, cases - have, start=have)
    seeded = time.perf_counter()
    with app.app_context():  # bulk SQL bypasses the session that keeps the dashboard counts
        from disputes.dashboard.rollup import recount

        recount(db.session.connection())
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return {"seeded": True, "cases": cases, "seed_seconds": round(seeded - started, 1),
            "recount_seconds": round(time.perf_counter() - seeded, 1)}


def _bulk_seed(path: Path, count: int, start: int) -> None:
    rng = random.Random(20261128)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    users = connection.execute("SELECT id, role FROM users").fetchall()
    mediators = [u for u, role in users if role == "mediator"] or [None]
    arbitrators = [u for u, role in users if role == "arbitrator"] or [None]
    extra = [(f"bench-mediator-{i}", "mediator") for i in range(48)] + [(f"bench-arbitrator-{i}", "arbitrator") for i in range(18)]
    for username, role in extra:
        connection.execute("INSERT OR IGNORE INTO users (username, display_name, role, password_hash, organisation_id, active, created_at) "
                           "VALUES (?, ?, ?, 'x', 1, 1, '2026-01-01 00:00:00')", (username, username, role))
    users = connection.execute("SELECT id, role FROM users").fetchall()
    mediators = [u for u, role in users if role == "mediator"]
    arbitrators = [u for u, role in users if role == "arbitrator"]
    weights = [share for _, share, *_ in STATES]
    today = date(2026, 11, 16)
    batch_cases, batch_workers, batch_claims, batch_respondents, batch_events = [], [], [], [], []
    case_id = connection.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
    for n in range(count):
        case_id += 1
        state, _, events, has_mediator, has_arbitrator = rng.choices(STATES, weights)[0]
        submitted = today - timedelta(days=int(rng.expovariate(1 / 400)) if state in TERMINAL else rng.randrange(0, 60))
        collective = rng.random() < 0.01
        due = date(9999, 12, 31) if state in TERMINAL else submitted + timedelta(days=rng.choice([15, 5, 45, 365]))
        amount = round(rng.uniform(500, 60000), 2)
        batch_cases.append((
            case_id, f"{submitted.year}-{start + n + 1:07d}-B", state, "none", 1, hashlib.sha256(str(case_id).encode()).hexdigest(),
            f"{submitted} 02:00:00", submitted.isoformat(), "web", "zh_CN", rng.choice(PLATFORMS),
            "骑手被拖欠工资，站点排班派单，超时罚款。", "11", None, 0, None, "{}", int(collective), 3 if collective else 0, None,
            round(amount * 0.7, 2) if state in ("mediated", "closed") else None, round(amount * 0.8, 2) if state == "awarded" else None,
            1, rng.choice(mediators) if has_mediator else None, rng.choice(arbitrators) if has_arbitrator else None,
            None, None, f"{submitted} 02:00:00", due.isoformat(),
            None if state in TERMINAL else rng.choice(["mediation", "arbitration_acceptance", "award", "limitation"]),
            2 if state in TERMINAL else (0 if collective else 1)))
        batch_workers.append((case_id, 0, "某某", None, "13800000000", rng.choice(OCCUPATIONS), 0))
        for position, kind in enumerate(rng.sample(CLAIMS, rng.randint(1, 2))):
            batch_claims.append((case_id, position, kind, amount if kind != "confirm_labor_relation" else None))
        name = rng.choice(["城达配送", "顺远人力", "众联劳务", "速通物流"]) + str(rng.randrange(300))
        batch_respondents.append((case_id, 0, name + "有限公司", name, "cooperating_company", None))
        day = submitted
        for seq, event in enumerate(["submit"] + events, start=1):
            batch_events.append((case_id, seq, f"{day} 02:00:00", day.isoformat(), None, "bench", event, "main", None, state, None, "{}"))
            day += timedelta(days=rng.randint(0, 12))
        if len(batch_cases) >= 20000 or n == count - 1:
            _flush(connection, batch_cases, batch_workers, batch_claims, batch_respondents, batch_events)
            for batch in (batch_cases, batch_workers, batch_claims, batch_respondents, batch_events):
                batch.clear()
            print(f"seeded {n + 1}/{count}", file=sys.stderr)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()


def _flush(connection, cases, workers, claims, respondents, events) -> None:
    connection.executemany(
        "INSERT INTO cases (id, case_no, state, legal_aid, version, access_code_hash, submitted_at, submitted_on, channel, "
        "language, platform, facts, region_code, knew_of_violation_on, relationship_ended, relationship_ended_on, "
        "reported_factors, collective, representative_count, final_award, agreed_amount, awarded_amount, organisation_id, "
        "mediator_id, arbitrator_id, worker_user_id, filed_by_id, updated_at, next_due_on, next_due_kind, priority) "
        "VALUES (" + ",".join("?" * 31) + ")", cases)
    connection.executemany("INSERT INTO workers (case_id, position, name, id_number, phone, occupation, is_representative) "
                           "VALUES (?,?,?,?,?,?,?)", workers)
    connection.executemany("INSERT INTO claims (case_id, position, kind, amount) VALUES (?,?,?,?)", claims)
    connection.executemany("INSERT INTO respondents (case_id, position, name, normalised_name, kind, credit_code) "
                           "VALUES (?,?,?,?,?,?)", respondents)
    connection.executemany("INSERT INTO case_events (case_id, seq, at, occurred_on, actor_id, actor_label, event, track, "
                           "from_state, to_state, note, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", events)
    connection.commit()


def timed(function, samples: int) -> dict:
    latencies = []
    for _ in range(samples):
        started = time.perf_counter()
        function()
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)  # noqa: E731
    return {"n": samples, "p50_ms": pick(0.5), "p95_ms": pick(0.95), "max_ms": round(latencies[-1], 2)}


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)
