"""The benchmarks' archive: N realistic cases seeded with bulk SQL into SQLite, or with COPY into PostgreSQL.

One seeder for bench/queues.py (the queue and case pages) and bench/dashboard.py (the dashboard). Cases
take the routes of workflows/paths.py to their states, replayed through the life cycle's own transitions so
each history row is one the app would have written, and each open case's next deadline is computed by
disputes.cases.schedule.refresh_schedule. A database
already holding the cases is reused (after `flask db upgrade`, so new indexes are there).

    ensure_sqlite(path, count, instance, rebuild)   -> (app, seeding facts)   the queue bench
    ensure_postgres(url, count, instance, rebuild)  -> (app, seeding facts)
    ensure_archive(path, cases)                     -> seeding facts          the dashboard bench (+ recount)
"""
from __future__ import annotations

import json
import math
import random
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workflows.paths import ROUTES, event_data  # noqa: E402

TODAY = date(2026, 11, 16)  # pinned as DISPUTES_TODAY so the seeded deadlines and the app agree
FIRST_DAY = date(2022, 1, 1)  # the archive starts here
NO_DEADLINE = date(9999, 12, 31)
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
CHUNK = 25_000  # cases per transaction

# (region, share of cases, mediators, arbitrators): a few busy provinces.
REGIONS = (("11", 0.30, 15, 6), ("44", 0.24, 12, 5), ("31", 0.16, 8, 3), ("33", 0.12, 6, 2),
           ("32", 0.10, 5, 2), ("51", 0.08, 4, 2))

# Share of all cases per state: an archive, ~90 % closed or withdrawn, ~10 % open.
STATE_SHARES = (
    ("closed", 0.74), ("withdrawn", 0.16),
    ("submitted", 0.020), ("in_mediation", 0.028), ("mediated", 0.008), ("mediation_failed", 0.007),
    ("not_accepted", 0.003), ("arbitration_applied", 0.004), ("in_arbitration", 0.016),
    ("arbitration_rejected", 0.002), ("arbitration_mediated", 0.002), ("awarded", 0.007), ("in_litigation", 0.003),
)
# How often an archive case took each of workflows.paths.ROUTES[state], in that order (at most 6 history
# rows in all; 0: a route the archive does not use).
ROUTE_WEIGHTS = {
    "submitted": (1,), "in_mediation": (1,), "mediated": (1,), "mediation_failed": (1,), "not_accepted": (1,),
    "arbitration_applied": (4, 6),
    "in_arbitration": (3, 4, 3),
    "arbitration_rejected": (5, 5),
    "arbitration_mediated": (1,),
    "awarded": (0, 5, 5),
    "in_litigation": (1,),
    "closed": (60, 15, 15, 10, 0),
    "withdrawn": (7, 3),
}
assert {s: len(w) for s, w in ROUTE_WEIGHTS.items()} == {s: len(r) for s, r in ROUTES.items()}, "one weight per route"
# Days from the previous event to this one (low, high).
GAPS = {"accept": (0, 3), "decline": (1, 5), "mediation_succeeded": (3, 14), "mediation_failed": (10, 15),
        "fulfil": (5, 30), "apply_arbitration": (1, 20), "accept_arbitration": (1, 7), "reject_arbitration": (1, 7),
        "schedule_hearing": (5, 20), "render_award": (15, 44), "arbitral_mediation": (10, 40),
        "file_lawsuit": (5, 15), "close": (1, 30), "withdraw": (1, 40), "refer_legal_aid": (0, 5),
        "legal_aid_accepted": (1, 7)}
# Mean days since the last event, for open cases (so deadlines fall around today, some overdue).
OPEN_AGE = {"submitted": 6, "in_mediation": 7, "mediated": 20, "mediation_failed": 30, "not_accepted": 40,
            "arbitration_applied": 3, "in_arbitration": 18, "arbitration_rejected": 40, "arbitration_mediated": 40,
            "awarded": 9, "in_litigation": 60}
TERMINAL = frozenset({"closed", "withdrawn"})
LEGAL_AID_EVENTS = {"refer_legal_aid": ("none", "referred"), "legal_aid_accepted": ("referred", "accepted")}
MEDIATOR_EVENTS = frozenset({"accept", "mediation_succeeded", "mediation_failed", "decline"})
ARBITRATOR_EVENTS = frozenset({"accept_arbitration", "reject_arbitration", "schedule_hearing", "arbitral_mediation",
                               "render_award"})
EXTRA_CLAIMS = ("economic_compensation", "overtime", "double_wages_no_contract", "social_insurance", "deposit_refund")

CASE_COLUMNS = (
    "id", "case_no", "state", "legal_aid", "version", "access_code_hash", "submitted_at", "submitted_on", "channel",
    "language", "platform", "facts", "region_code", "knew_of_violation_on", "relationship_ended",
    "relationship_ended_on", "reported_factors", "collective", "representative_count", "final_award", "next_due_on",
    "next_due_kind", "priority", "agreed_amount", "awarded_amount", "organisation_id", "mediator_id", "arbitrator_id",
    "worker_user_id", "filed_by_id", "updated_at")
WORKER_COLUMNS = ("case_id", "position", "name", "id_number", "phone", "occupation", "is_representative")
RESPONDENT_COLUMNS = ("case_id", "position", "name", "normalised_name", "kind", "credit_code")
CLAIM_COLUMNS = ("case_id", "position", "kind", "amount")
EVENT_COLUMNS = ("case_id", "seq", "at", "occurred_on", "actor_id", "actor_label", "event", "track", "from_state",
                 "to_state", "note", "data")
TABLES = (("cases", CASE_COLUMNS), ("workers", WORKER_COLUMNS), ("respondents", RESPONDENT_COLUMNS),
          ("claims", CLAIM_COLUMNS), ("case_events", EVENT_COLUMNS))


def log(message: str) -> None:
    """Progress, on stderr (stdout is for a benchmark's JSON)."""
    print(f"[{Path(sys.argv[0]).stem}-bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the app


def app_config(url: str, instance: Path) -> dict:
    """Production defaults, except a pinned today, cheap password hashing and no rate limit (loopback bench)."""
    return {
        "INSTANCE_PATH": str(instance), "SECRET_KEY": "bench-queue", "SQLALCHEMY_DATABASE_URI": url,
        "PASSWORD_HASH_PARAMS": CHEAP_ARGON2, "RATELIMIT_ENABLED": False, "DISPUTES_TODAY": TODAY.isoformat(),
        "DISPUTES_INDEX_DIR": str(instance / "index"), "DISPUTES_EVIDENCE_DIR": str(instance / "evidence"),
        "DISPUTES_DOCUMENTS_DIR": str(instance / "documents"),
    }


def build_app(url: str, instance: Path):
    from disputes import create_app

    return create_app(app_config(url, instance))


def migrate(app) -> None:
    from flask_migrate import upgrade

    from disputes.extensions import db

    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()


def prepare_staff(app) -> dict:
    """The demo regions/organisations/users and ~50 mediators and ~20 arbitrators (ORM: a few rows)."""
    from disputes.auth.services import create_user
    from disputes.extensions import db
    from disputes.models import Organisation, Region, User
    from disputes.seeding import DEMO_PASSWORD, seed_organisations, seed_regions, seed_users

    with app.app_context():
        seed_regions(), seed_organisations(), seed_users()
        staff = {}
        for code, _share, mediators, arbitrators in REGIONS:
            region = db.session.get(Region, code)
            bodies = {}
            for kind, suffix in (("mediation_body", "新就业形态劳动争议调解中心"), ("arbitration_commission", "劳动人事争议仲裁委员会")):
                body = db.session.scalar(db.select(Organisation).where(Organisation.kind == kind, Organisation.region_code == code)
                                         .order_by(Organisation.id))
                if body is None:
                    body = Organisation(name=f"{region.name_zh}{suffix}", kind=kind, region_code=code)
                    db.session.add(body)
                    db.session.commit()
                bodies[kind] = body
            people = {}
            for role, wanted, kind in (("mediator", mediators, "mediation_body"), ("arbitrator", arbitrators, "arbitration_commission")):
                existing = list(db.session.scalars(db.select(User).where(User.role == role, User.organisation_id == bodies[kind].id)
                                                   .order_by(User.id)))
                for index in range(len(existing), wanted):
                    existing.append(create_user(f"bench_{role}_{code}_{index:02d}", role=role, password=DEMO_PASSWORD,
                                                display_name=f"{'调解员' if role == 'mediator' else '仲裁员'} {code}-{index:02d}",
                                                organisation=bodies[kind]))
                people[role] = [(u.id, f"{u.role}:{u.username}") for u in existing[:wanted]]
            staff[code] = {"mediation_body": bodies["mediation_body"].id, **people}
        db.session.remove()
        db.engine.dispose()
    return staff


# --------------------------------------------------------------------------- the data


class Generator:
    """Deterministic, realistic rows for `count` cases, yielded in chunks of CHUNK cases (per-table lists)."""

    def __init__(self, count: int, staff: dict, seed: int = 20261116):
        from disputes.cases.schedule import refresh_schedule
        from disputes.demo_data import (CONTRACTORS, DISTRICTS, FACT_TEMPLATES, OCCUPATION_PLATFORM, credit_code,
                                        person_name, resident_id)
        from disputes.intake.services import normalise_company_name
        from disputes.vocabulary import FACTOR_KEYS
        from workflows.machine import MAIN_TRANSITIONS

        self.rng = rng = random.Random(seed)
        self.count, self.staff = count, staff
        self.refresh_schedule = refresh_schedule
        self.person_name = person_name
        self.ids = [resident_id(rng) for _ in range(20_000)]
        self.credit_codes = [credit_code(rng) for _ in range(5_000)]
        self.factor_keys = FACTOR_KEYS
        self.occupations = list(OCCUPATION_PLATFORM.items())
        self.fact_kinds = list(FACT_TEMPLATES)
        self.templates = FACT_TEMPLATES
        self.contractors = [d + c for d in DISTRICTS for c in CONTRACTORS]
        self.normalised: dict[str, str] = {}
        self.normalise = normalise_company_name
        self.targets = {event: (sources, target) for event, sources, target, _after in MAIN_TRANSITIONS}
        self.regions = [code for code, *_ in REGIONS]
        self.region_weights = list(accumulate(share for _code, share, *_ in REGIONS))
        # Busy and less busy handlers; the demo users (lowest ids) are the busiest of their region.
        self.weights = {code: {role: list(accumulate(1 / math.sqrt(i + 1.5) for i in range(len(people[role]))))
                               for role in ("mediator", "arbitrator")} for code, people in staff.items()}
        self.counters: dict[int, int] = {}

    def plans(self) -> list[tuple]:
        """What happens to each case and when, sorted by submission so ids and case numbers follow time."""
        rng = self.rng
        states = rng.choices([s for s, _ in STATE_SHARES], cum_weights=list(accumulate(w for _, w in STATE_SHARES)), k=self.count)
        path_choice = {s: (ROUTES[s], list(accumulate(weights))) for s, weights in ROUTE_WEIGHTS.items()}
        plans = []
        for state in states:
            alternatives, cumulative = path_choice[state]
            events = ("submit",) + rng.choices(alternatives, cum_weights=cumulative)[0]
            if len(events) <= 4 and rng.random() < 0.05:  # referred to legal aid early on
                aid = ("refer_legal_aid", "legal_aid_accepted") if rng.random() < 0.6 else ("refer_legal_aid",)
                events = events[:1] + aid + events[1:]
            gaps = bytes(rng.randint(*GAPS[e]) for e in events[1:])
            span = sum(gaps)
            if state in TERMINAL:
                latest = (TODAY - FIRST_DAY).days - span - 1
                submitted = FIRST_DAY.toordinal() + int(latest * math.sqrt(rng.random()))  # busier every year
            else:
                age = min(int(rng.expovariate(1 / OPEN_AGE[state])), 300)
                submitted = max(TODAY.toordinal() - age - span, FIRST_DAY.toordinal())
            plans.append((submitted, state, events, gaps))
        plans.sort(key=lambda plan: plan[0])
        return plans

    def chunks(self, first_id: int):
        plans = self.plans()
        log(f"planned {len(plans):,} cases")
        tables: dict[str, list] = {name: [] for name, _ in TABLES}
        for offset, (submitted_ord, state, events, gaps) in enumerate(plans):
            submitted = date.fromordinal(submitted_ord)
            self.counters[submitted.year] = number = self.counters.get(submitted.year, 0) + 1
            self._case(tables, first_id + offset, f"{submitted.year}-{number:07d}", submitted, state, events, gaps)
            if len(tables["cases"]) >= CHUNK:
                yield tables
                tables = {name: [] for name, _ in TABLES}
        if tables["cases"]:
            yield tables

    def _pick(self, region: str, role: str) -> tuple[int, str]:
        return self.rng.choices(self.staff[region][role], cum_weights=self.weights[region][role])[0]

    def _case(self, tables, case_id, case_no, submitted, state, events, gaps) -> None:
        rng = self.rng
        region = rng.choices(self.regions, cum_weights=self.region_weights)[0]
        occupation, platform = self.occupations[rng.randrange(len(self.occupations))]
        main_claim = self.fact_kinds[rng.randrange(len(self.fact_kinds))]
        amount = rng.choice((1800, 3200, 4650, 6800, 8000, 12500, 26000, 54000)) + rng.choice((0, 0, 0.5))
        contractor = self.contractors[rng.randrange(len(self.contractors))]
        knew = submitted - timedelta(days=rng.randrange(5, 200))
        started = knew - timedelta(days=rng.randrange(60, 700))
        facts = self.templates[main_claim].format(start=f"{started.year}年{started.month}月", platform=platform,
                                                  contractor=contractor, month=f"{knew.year}年{knew.month}月", amount=f"{amount:g}")
        ended = rng.random() < 0.5
        ended_on = min(knew + timedelta(days=rng.randrange(0, 4)), submitted) if ended else None

        # Claims: the main one, often "confirm the labour relation" first, sometimes one more (1-3).
        claims = [(main_claim, amount)]
        if main_claim != "forced_individual_business" and rng.random() < 0.4:
            claims.insert(0, ("confirm_labor_relation", None))
        if rng.random() < 0.15:
            extra = EXTRA_CLAIMS[rng.randrange(len(EXTRA_CLAIMS))]
            if extra not in (kind for kind, _ in claims):
                claims.append((extra, float(rng.choice((2000, 5000, 9000, 16000)))))
        for position, (kind, value) in enumerate(claims):
            tables["claims"].append((case_id, position, kind, None if value is None else f"{value:.2f}"))

        # Workers: one or two; a collective dispute (1 %) has 12 with 3 representatives (Rules Art. 63).
        collective = rng.random() < 0.01
        workers = 12 if collective else (2 if rng.random() < 0.14 else 1)
        for position in range(workers):
            tables["workers"].append((
                case_id, position, self.person_name(rng), self.ids[rng.randrange(20_000)] if rng.random() < 0.7 else None,
                f"1{rng.choice('3578')}{rng.randrange(10**9):09d}", occupation, collective and position < 3))

        # Respondents: the platform, often also the contractor who ran the station (1-2).
        respondents = [(platform.replace("某", "") + "科技有限公司", "platform", self.credit_codes[rng.randrange(5_000)])]
        if rng.random() < 0.65:
            respondents.append((contractor, "dispatch_agency" if "劳务派遣" in contractor else "cooperating_company",
                                self.credit_codes[rng.randrange(5_000)] if rng.random() < 0.6 else None))
        for position, (name, kind, code) in enumerate(respondents):
            normalised = self.normalised.get(name) or self.normalised.setdefault(name, self.normalise(name))
            tables["respondents"].append((case_id, position, name, normalised, kind, code))

        # History (1-6 rows), replaying the life cycle's transitions so every row is one workflows allows.
        channel = "web" if rng.random() < 0.6 else ("mediator" if rng.random() < 0.75 else "api")
        filer = self._pick(region, "mediator") if channel == "mediator" else None
        mediator = arbitrator = agreed = awarded = final_award = None
        legal_aid, main_state = "none", None
        history, day = [], submitted
        for seq, event in enumerate(events, start=1):
            if seq > 1:
                day += timedelta(days=gaps[seq - 2])
            actor, data = None, event_data(event, day)  # what the guards take; the archive's own figures below
            if event == "submit":
                label = filer[1] if filer else ("worker (self-service)" if channel == "web" else "anonymous")
                actor = filer
                data = {"channel": channel, "workers": workers, "claims": len(claims)}
                track, from_state, to_state = "main", None, "submitted"
            elif event in LEGAL_AID_EVENTS:
                track, (from_state, to_state) = "legal_aid", LEGAL_AID_EVENTS[event]
                label = "worker (portal)" if event == "refer_legal_aid" else "legal_aid:centre"
                legal_aid = to_state
            else:
                sources, target = self.targets[event]
                assert main_state in sources, (event, main_state)
                track, from_state, to_state = "main", main_state, target or main_state
                if event == "accept":
                    mediator = self._pick(region, "mediator")
                    data = {"mediator_id": mediator[0]}
                elif event == "accept_arbitration":
                    arbitrator = self._pick(region, "arbitrator")
                    data = {"arbitrator_id": arbitrator[0]}
                elif event in ("mediation_succeeded", "arbitral_mediation"):
                    agreed = f"{amount * rng.uniform(0.5, 0.95):.2f}"
                    data = {**data, "amount": agreed, "pay_by": (day + timedelta(days=15)).isoformat()}
                elif event == "render_award":
                    awarded = f"{amount * rng.uniform(0.4, 1.0):.2f}"
                    final_award = float(awarded) <= 12 * 2540
                    data = {"amount_awarded": awarded, "items": [{"kind": main_claim, "amount": awarded}],
                            "monthly_minimum_wage": "2540.00", "final_award": {"final": final_award}}
                elif event == "schedule_hearing":
                    data = {**data, "at": f"{day + timedelta(days=10)}T09:30"}
                if event in MEDIATOR_EVENTS:
                    actor = mediator or self._pick(region, "mediator")
                elif event in ARBITRATOR_EVENTS:
                    actor = arbitrator or self._pick(region, "arbitrator")
                label = actor[1] if actor else "worker (portal)"
            if track == "main":
                main_state = to_state
            at = f"{day.isoformat()} {rng.randrange(1, 10):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.000000"
            history.append((event, day, data))
            tables["case_events"].append((case_id, seq, at, day.isoformat(), actor[0] if actor else None, label, event, track,
                                          from_state, to_state, None, json.dumps(data, ensure_ascii=False)))
        assert main_state == state, (state, events)

        if state in TERMINAL:
            due, kind, priority = NO_DEADLINE, None, 2
        else:  # disputes.cases.schedule.refresh_schedule itself, on a stand-in for the case
            shape = SimpleNamespace(
                state=state, legal_aid=legal_aid, mediator_id=mediator and mediator[0],
                arbitrator_id=arbitrator and arbitrator[0], submitted_on=submitted, knew_of_violation_on=knew,
                relationship_ended=ended, relationship_ended_on=ended_on, worker_count=workers,
                claims=[SimpleNamespace(kind=k, amount=a) for k, a in claims], collective=collective,
                representative_count=3 if collective else 0, final_award=final_award,
                history=[SimpleNamespace(event=e, on=d, data=x) for e, d, x in history])
            self.refresh_schedule(shape, TODAY)
            due, kind, priority = shape.next_due_on, shape.next_due_kind, shape.priority
        factors = ({key: rng.random() < 0.7 for key in rng.sample(self.factor_keys, rng.randint(2, 6))}
                   if rng.random() < 0.5 else {})
        first_at, last_at = tables["case_events"][-len(events)][2], tables["case_events"][-1][2]
        tables["cases"].append((
            case_id, case_no, state, legal_aid, len(events), f"{rng.getrandbits(256):064x}", first_at, submitted.isoformat(),
            channel, "en" if rng.random() < 0.02 else "zh_CN", platform, facts, region, knew.isoformat(), ended,
            ended_on.isoformat() if ended_on else None, json.dumps(factors), collective, 3 if collective else 0, final_award,
            due.isoformat(), kind, priority, agreed, awarded, self.staff[region]["mediation_body"],
            mediator and mediator[0], arbitrator and arbitrator[0], None, filer and filer[0], last_at))


# --------------------------------------------------------------------------- loading


def seed_sqlite(path: Path, count: int, staff: dict) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=OFF")  # a bench file: rebuilt from scratch if a run dies
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-1048576")  # 1 GiB, so the index B-trees stay in memory
    connection.execute("PRAGMA temp_store=MEMORY")
    first_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
    generator = Generator(count, staff)
    statements = {name: f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})" for name, cols in TABLES}
    done = 0
    for tables in generator.chunks(first_id):
        connection.execute("BEGIN")
        for name, rows in tables.items():
            connection.executemany(statements[name], rows)
        connection.execute("COMMIT")
        done += len(tables["cases"])
        if done % 100_000 < CHUNK:
            log(f"sqlite: {done:,}/{count:,} cases")
    connection.executemany("INSERT OR REPLACE INTO case_number_counters (year, last_number) VALUES (?, ?)",
                           sorted(generator.counters.items()))
    log("sqlite: ANALYZE")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode=WAL")  # what the app uses
    connection.close()


def seed_postgres(url: str, count: int, staff: dict) -> None:
    import psycopg

    with psycopg.connect(_libpq_url(url)) as connection:
        connection.execute("SET TIME ZONE 'UTC'")
        first_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
        generator = Generator(count, staff)
        done = 0
        for tables in generator.chunks(first_id):
            with connection.cursor() as cursor:
                for name, columns in TABLES:
                    with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in tables[name]:
                            copy.write_row(row)
            connection.commit()
            done += len(tables["cases"])
            if done % 100_000 < CHUNK:
                log(f"postgresql: {done:,}/{count:,} cases")
        connection.execute("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))")
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO case_number_counters (year, last_number) VALUES (%s, %s) "
                               "ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number",
                               sorted(generator.counters.items()))
        connection.commit()
        log("postgresql: VACUUM ANALYZE")
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")


def _libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def count_cases(app) -> int:
    from disputes.extensions import db

    with app.app_context():
        try:
            return db.session.execute(db.text("SELECT count(*) FROM cases")).scalar()
        except Exception:  # no schema yet
            return -1
        finally:
            db.session.remove()
            db.engine.dispose()


def table_rows(app) -> dict:
    from disputes.extensions import db

    with app.app_context():
        rows = {name: db.session.execute(db.text(f"SELECT count(*) FROM {name}")).scalar() for name, _ in TABLES}
        rows["open_cases"] = db.session.execute(
            db.text("SELECT count(*) FROM cases WHERE state NOT IN ('closed', 'withdrawn')")).scalar()
        db.session.remove()
    return rows


def ensure_sqlite(path: Path, count: int, instance: Path, rebuild: bool) -> tuple[object, dict]:
    app = build_app(f"sqlite:///{path}", instance)
    if path.exists() and not rebuild and count_cases(app) == count:
        log(f"sqlite: reusing {path} ({count:,} cases); upgrading the schema if a migration is new")
        migrate(app)
        return app, {"seeded": False}
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    migrate(app)
    staff = prepare_staff(app)
    log(f"sqlite: seeding {count:,} cases into {path}")
    seed_sqlite(path, count, staff)
    return app, {"seeded": True, "seed_seconds": round(time.perf_counter() - started, 1)}


def ensure_postgres(url: str, count: int, instance: Path, rebuild: bool) -> tuple[object, dict]:
    import sqlalchemy as sa

    _create_database_if_missing(url)
    app = build_app(url, instance)
    if not rebuild and count_cases(app) == count:
        log(f"postgresql: reusing {safe_url(url)} ({count:,} cases); upgrading the schema if a migration is new")
        migrate(app)
        return app, {"seeded": False}
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # our own bench database: start clean
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    started = time.perf_counter()
    migrate(app)
    staff = prepare_staff(app)
    log(f"postgresql: seeding {count:,} cases with COPY")
    seed_postgres(url, count, staff)
    return app, {"seeded": True, "seed_seconds": round(time.perf_counter() - started, 1)}


def _create_database_if_missing(url: str) -> None:
    import psycopg

    try:
        psycopg.connect(_libpq_url(url), connect_timeout=5).close()
        return
    except psycopg.OperationalError as failure:
        if "does not exist" not in str(failure):
            raise
    parts = urlsplit(_libpq_url(url))
    name, owner = parts.path.lstrip("/"), parts.username
    log(f"postgresql: creating database {name} owned by {owner}")
    subprocess.run(["runuser", "-u", "postgres", "--", "createdb", "-O", owner, name], check=True)


def safe_url(url: str) -> str:
    parts = urlsplit(url)
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, f"{parts.username}@{netloc}", parts.path, "", ""))


def database_size_mb(app, path: Path | None) -> float:
    if path is not None:
        return round(sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists()) / 2**20, 1)
    from disputes.extensions import db

    with app.app_context():
        size = db.session.execute(db.text("SELECT pg_database_size(current_database())")).scalar()
        db.session.remove()
    return round(size / 2**20, 1)


# --------------------------------------------------------------------------- the dashboard's archive


def ensure_archive(path: Path, cases: int) -> dict:
    """At least `cases` cases in the SQLite file (seeded afresh when it holds fewer), with the dashboard
    counts recounted after seeding, since bulk SQL bypasses the session that keeps them."""
    app = build_app(f"sqlite:///{path}", instance_of(path))
    have = count_cases(app)
    if have >= cases:
        log(f"sqlite: reusing {path} ({have:,} cases); upgrading the schema if a migration is new")
        migrate(app)
        return {"seeded": False, "cases": have}
    app, seeding = ensure_sqlite(path, cases, instance_of(path), rebuild=True)
    started = time.perf_counter()
    recount(app)
    return {"seeded": True, "cases": cases, "seed_seconds": seeding["seed_seconds"],
            "recount_seconds": round(time.perf_counter() - started, 1)}


def instance_of(path: Path) -> Path:
    """The instance folder beside a SQLite archive (index, evidence and documents of its app)."""
    return path.parent / f"{path.stem}-instance"


def recount(app) -> None:
    from disputes.dashboard.rollup import recount as recount_counts
    from disputes.extensions import db

    with app.app_context():
        recount_counts(db.session.connection())
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
