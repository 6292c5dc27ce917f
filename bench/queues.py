"""The mediator's queue page and the case page at a million cases, through the real app in-process.

(Named queues.py: a bench/queue.py shadowed the standard library's queue for every script in bench/.)

Seeds N cases (default 1,000,000) into a SQLite file with bulk SQL, and into PostgreSQL with COPY
when TEST_DATABASE_URL or --pg names a server (always into the separate database
`disputes_bench`, never the test database). A database already holding N cases is reused
(after `flask db upgrade`, so new indexes are there). Then signs in as a busy mediator through the
login form and times, with Flask's test client:

  queue_mine         GET /cases                     (default scope: cases assigned to me)
  queue_region       GET /cases?scope=all           (open cases of my region)
  queue_unassigned   GET /cases?scope=unassigned    (submitted, no mediator yet, my region)
  queue_mine_deep    page --deep-pages of "mine", reached by following the pages' own `after=` links
  queue_region_deep  the same for scope=all
  queue_*_last       the last page of each scope (10 rows, and nothing after them)
  case_page          GET /cases/<case_no> for random cases the mediator may see

Prints ONE JSON object on stdout (progress goes to stderr): p50/p95/max per page kind (wall time,
and this thread's CPU time, since the machine may be shared), SQL statements per page, the plan of
the queue query the app actually ran for each scope and whether it uses the intended
(column, priority, next_due_on, id) index without a sort, seeding time, database size, N, and
whether p95 <= 50 ms holds on SQLite for the pages the issue names (`pages_over_target` lists any
page over it, the last pages included).

    .venv/bin/python bench/queues.py                       # SQLite, 1,000,000 cases
    .venv/bin/python bench/queues.py --pg-cases 200000     # + PostgreSQL (TEST_DATABASE_URL set)
    .venv/bin/python bench/queues.py --no-sqlite --pg postgresql+psycopg://disputes:disputes@127.0.0.1:5432/disputes_bench
"""
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where its name would shadow the standard
# library's `queue` (psycopg imports it): take the folder off.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import gc
import json
import math
import os
import random
import re
import shlex
import sqlite3
import subprocess
import time
from contextlib import contextmanager
from datetime import date, timedelta
from itertools import accumulate
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 16)  # pinned as DISPUTES_TODAY so the seeded deadlines and the app agree
FIRST_DAY = date(2022, 1, 1)  # the archive starts here
NO_DEADLINE = date(9999, 12, 31)
TARGET_P95_MS = 50
PG_BENCH_DATABASE = "disputes_bench"
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
CHUNK = 25_000  # cases per transaction
ISSUE = ("bench/queues.py seeds 1,000,000 cases into SQLite (and PostgreSQL when available) and prints JSON "
         "with p50/p95 of the mediator's queue page and the case page; target p95 <= 50 ms on SQLite.")

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
# The events after "submit" that lead to each state, with weights (at most 6 history rows in all).
PATHS = {
    "submitted": ((1, ()),),
    "in_mediation": ((1, ("accept",)),),
    "mediated": ((1, ("accept", "mediation_succeeded")),),
    "mediation_failed": ((1, ("accept", "mediation_failed")),),
    "not_accepted": ((1, ("decline",)),),
    "arbitration_applied": ((6, ("accept", "mediation_failed", "apply_arbitration")), (4, ("apply_arbitration",))),
    "in_arbitration": ((4, ("accept", "mediation_failed", "apply_arbitration", "accept_arbitration")),
                       (3, ("apply_arbitration", "accept_arbitration")),
                       (3, ("apply_arbitration", "accept_arbitration", "schedule_hearing"))),
    "arbitration_rejected": ((5, ("apply_arbitration", "reject_arbitration")),
                             (5, ("accept", "mediation_failed", "apply_arbitration", "reject_arbitration"))),
    "arbitration_mediated": ((1, ("apply_arbitration", "accept_arbitration", "arbitral_mediation")),),
    "awarded": ((5, ("accept", "mediation_failed", "apply_arbitration", "accept_arbitration", "render_award")),
                (5, ("apply_arbitration", "accept_arbitration", "schedule_hearing", "render_award"))),
    "in_litigation": ((1, ("apply_arbitration", "accept_arbitration", "render_award", "file_lawsuit")),),
    "closed": ((60, ("accept", "mediation_succeeded", "fulfil")),
               (15, ("apply_arbitration", "accept_arbitration", "arbitral_mediation", "close")),
               (15, ("apply_arbitration", "accept_arbitration", "render_award", "close")),
               (10, ("apply_arbitration", "accept_arbitration", "render_award", "file_lawsuit", "close"))),
    "withdrawn": ((7, ("withdraw",)), (3, ("accept", "withdraw"))),
}
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
    print(f"[queue-bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


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
        path_choice = {s: ([p for _, p in alts], list(accumulate(w for w, _ in alts))) for s, alts in PATHS.items()}
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
            actor, data = None, {}
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
                    data = {"terms": "被申请人于约定日期前一次性支付款项，申请人放弃其他请求。", "amount": agreed,
                            "pay_by": (day + timedelta(days=15)).isoformat()}
                elif event == "render_award":
                    awarded = f"{amount * rng.uniform(0.4, 1.0):.2f}"
                    final_award = float(awarded) <= 12 * 2540
                    data = {"amount_awarded": awarded, "items": [{"kind": main_claim, "amount": awarded}],
                            "monthly_minimum_wage": "2540.00", "final_award": {"final": final_award}}
                elif event in ("decline", "reject_arbitration"):
                    data = {"reason": "不属于受理范围"}
                elif event == "schedule_hearing":
                    data = {"at": f"{day + timedelta(days=10)}T09:30", "place": "第一仲裁庭"}
                elif event == "file_lawsuit":
                    data = {"by": "worker"}
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
        log(f"postgresql: reusing {_safe(url)} ({count:,} cases); upgrading the schema if a migration is new")
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


def _safe(url: str) -> str:
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


# --------------------------------------------------------------------------- measuring


@contextmanager
def statements_of(app):
    """Collect (statement, parameters) of every SQL statement the app runs meanwhile."""
    import sqlalchemy as sa

    from disputes.extensions import db

    with app.app_context():
        engine = db.engine
    seen: list[tuple[str, object]] = []

    def collect(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", collect)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", collect)


def sign_in(client, username: str, password: str) -> None:
    """Through the real login form, CSRF token and all (as tests/support.py does)."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
                      r'|name="csrf-token" content="([^"]+)"', page)
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": next(g for g in token.groups() if g)})
    assert response.status_code == 302, f"login failed: {response.status_code}"


def get_ok(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response


def follow_cursor(client, path: str, pages: int) -> tuple[str, int]:
    """The URL of page `pages` (1 = first) reached by following the pages' own "next page" links."""
    depth = 1
    while depth < pages:
        match = re.search(r'href="(/cases\?[^"]*after=[^"]+)"', get_ok(client, path).get_data(as_text=True))
        if not match:
            break
        path, depth = match.group(1).replace("&amp;", "&"), depth + 1
    return path, depth


def summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    rank = lambda q: ordered[max(0, math.ceil(q * len(ordered)) - 1)]  # noqa: E731  nearest rank
    return {"n": len(ordered), "p50_ms": round(rank(0.50), 2), "p95_ms": round(rank(0.95), 2),
            "max_ms": round(ordered[-1], 2), "mean_ms": round(sum(ordered) / len(ordered), 2)}


def pick_mediator(app) -> dict:
    """The demo mediator (the busiest of region 11 by construction), their queue sizes and cases they may open."""
    from disputes.extensions import db

    with app.app_context():
        run = lambda sql, **params: db.session.execute(db.text(sql), params)  # noqa: E731
        row = run("SELECT u.id, u.username, o.region_code FROM users u JOIN organisations o ON o.id = u.organisation_id "
                  "WHERE u.username = 'mediator'").one()
        facts = {
            "id": row.id, "username": row.username, "region": row.region_code,
            "open_cases_assigned": run("SELECT count(*) FROM cases WHERE mediator_id = :m AND state NOT IN ('closed', 'withdrawn')",
                                       m=row.id).scalar(),
            "cases_assigned_all_states": run("SELECT count(*) FROM cases WHERE mediator_id = :m", m=row.id).scalar(),
            "region_open_cases": run("SELECT count(*) FROM cases WHERE region_code = :r AND state NOT IN ('closed', 'withdrawn')",
                                     r=row.region_code).scalar(),
            "region_cases_all_states": run("SELECT count(*) FROM cases WHERE region_code = :r", r=row.region_code).scalar(),
            "region_unassigned": run("SELECT count(*) FROM cases WHERE region_code = :r AND state = 'submitted' "
                                     "AND mediator_id IS NULL", r=row.region_code).scalar(),
        }
        # Cases to open: half assigned to this mediator (any state), half anywhere in the region.
        rng = random.Random(7)
        assigned = [r[0] for r in run("SELECT case_no FROM cases WHERE mediator_id = :m", m=row.id)]
        top = run("SELECT max(id) FROM cases").scalar()
        in_region: list[str] = []
        for _ in range(50):
            if len(in_region) >= 500:
                break
            ids = ",".join(map(str, rng.sample(range(1, top + 1), min(2000, top))))
            in_region += [r[0] for r in run(f"SELECT case_no FROM cases WHERE region_code = :r AND id IN ({ids})", r=row.region_code)]
        db.session.remove()
    return {**facts, "_visible": rng.sample(assigned, min(500, len(assigned))) + in_region[:500]}


# The pages the issue names (a deep page: page --deep-pages); the last pages are measured besides.
ISSUE_PAGES = ("queue_mine", "queue_region", "queue_unassigned", "queue_mine_deep", "queue_region_deep", "case_page")
LAST_PAGE_ROWS = 10
SCOPE_SQL = {
    "mine": ("", "mediator_id = :m AND state NOT IN ('closed', 'withdrawn')"),
    "all": ("scope=all&", "region_code = :r AND state NOT IN ('closed', 'withdrawn')"),
    "unassigned": ("scope=unassigned&", "region_code = :r AND state = 'submitted' AND mediator_id IS NULL"),
}


def last_pages(app, mediator: dict) -> dict:
    """The last page of each scope: the cursor the page before it links to, LAST_PAGE_ROWS rows from the end.

    The app has to find those rows and make sure nothing follows them (no "next" link).
    """
    from disputes.extensions import db

    pages = {}
    with app.app_context():
        for scope, (query, where) in SCOPE_SQL.items():
            row = db.session.execute(db.text(
                f"SELECT priority, next_due_on, id FROM cases WHERE {where} "
                f"ORDER BY priority DESC, next_due_on DESC, id DESC LIMIT 1 OFFSET {LAST_PAGE_ROWS}"),
                {"m": mediator["id"], "r": mediator["region"]}).first()
            if row is not None:
                due = row.next_due_on if isinstance(row.next_due_on, str) else row.next_due_on.isoformat()
                pages[f"queue_{'region' if scope == 'all' else scope}_last"] = f"/cases?{query}after={row.priority}.{due}.{row.id}"
        db.session.remove()
    return pages


def measure(app, samples: int, deep_pages: int, dialect: str) -> dict:
    from disputes.seeding import DEMO_PASSWORD

    mediator = pick_mediator(app)
    visible = mediator.pop("_visible")
    client = app.test_client()
    sign_in(client, mediator["username"], DEMO_PASSWORD)
    mine_deep, mine_depth = follow_cursor(client, "/cases", deep_pages)
    region_deep, region_depth = follow_cursor(client, "/cases?scope=all", deep_pages)
    pages = {"queue_mine": "/cases", "queue_region": "/cases?scope=all", "queue_unassigned": "/cases?scope=unassigned",
             "queue_mine_deep": mine_deep, "queue_region_deep": region_deep, **last_pages(app, mediator)}
    rng = random.Random(11)
    for _ in range(10):  # warm-up: templates compiled, connection pool and page cache filled
        for path in pages.values():
            get_ok(client, path)
        get_ok(client, f"/cases/{rng.choice(visible)}")

    captured = {}  # the statements of one request per kind, for the plans and the statement count
    for kind, path in {**pages, "case_page": f"/cases/{visible[0]}"}.items():
        with statements_of(app) as seen:
            get_ok(client, path)
        captured[kind] = list(seen)

    latencies: dict[str, list[float]] = {kind: [] for kind in (*pages, "case_page")}
    cpu: dict[str, list[float]] = {kind: [] for kind in latencies}
    log(f"{dialect}: timing {samples} requests per page kind (interleaved)")
    kinds = [*pages.items(), ("case_page", None)]
    collections, gc_started = [], {}

    def gc_timer(phase, info):  # the app's full collections pause a request now and then: count them
        if phase == "start":
            gc_started["at"] = time.perf_counter()
        elif info["generation"] == 2:
            collections.append((time.perf_counter() - gc_started["at"]) * 1000)

    gc.collect()
    gc.callbacks.append(gc_timer)
    try:
        for _ in range(samples):
            # Interleaved so a burst of load from elsewhere hits every kind alike; shuffled so the
            # garbage collector's periodic full collections do not always land on the same kind.
            rng.shuffle(kinds)
            for kind, path in kinds:
                path = path or f"/cases/{rng.choice(visible)}"
                started, cpu_started = time.perf_counter(), time.thread_time()
                get_ok(client, path)
                latencies[kind].append((time.perf_counter() - started) * 1000)
                cpu[kind].append((time.thread_time() - cpu_started) * 1000)
    finally:
        gc.callbacks.remove(gc_timer)
    # Wall time is what the target is about; this thread's CPU time (SQLite runs in-process) shows how much
    # of it was waiting for a core on a shared machine.
    results = {}
    for kind, values in latencies.items():
        cpu_summary = summary(cpu[kind])
        results[kind] = {**summary(values), "cpu_p50_ms": cpu_summary["p50_ms"], "cpu_p95_ms": cpu_summary["p95_ms"],
                         "sql_statements": len(captured[kind])}
        if kind in pages and kind not in ("queue_mine", "queue_region", "queue_unassigned"):
            results[kind]["url"] = pages[kind]
    results["queue_mine_deep"]["page"] = mine_depth
    results["queue_region_deep"]["page"] = region_depth
    full_collections = {"count": len(collections), "requests": samples * len(kinds),
                        "max_ms": round(max(collections, default=0), 1),
                        "mean_ms": round(sum(collections) / len(collections), 1) if collections else 0}
    return {"mediator": mediator, "pages": results, "python_full_gc_during_timing": full_collections,
            **explain_all(app, captured, dialect)}


# The index each queue page is meant to use (models/case.py, cases/queues.py). Unassigned filters region,
# state and mediator_id IS NULL by equality: any of those three indexes gives the order without a sort.
UNASSIGNED = ("ix_cases_queue_region", "ix_cases_queue_state", "ix_cases_queue_mediator")
INTENDED = {"queue_mine": ("ix_cases_queue_mediator",), "queue_region": ("ix_cases_queue_region",),
            "queue_unassigned": UNASSIGNED, "queue_mine_deep": ("ix_cases_queue_mediator",),
            "queue_region_deep": ("ix_cases_queue_region",), "queue_mine_last": ("ix_cases_queue_mediator",),
            "queue_region_last": ("ix_cases_queue_region",), "queue_unassigned_last": UNASSIGNED}
SMALL_TABLE_ROWS = 10_000  # a scan of a table smaller than this (users, regions, empty ones) is not a finding


def explain_all(app, captured: dict, dialect: str) -> dict:
    from disputes.extensions import db

    queue_plans, scans, sizes = {}, [], {}
    with app.app_context():
        connection = db.session.connection()
        for kind, statements in captured.items():
            for statement, parameters in statements:
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                plan = explain(connection, statement, parameters, dialect)
                if kind in INTENDED and "FROM cases" in statement and "ORDER BY cases.priority" in statement:
                    queue_plans[kind] = judge(statement, parameters, plan, INTENDED[kind], dialect)
                for line in plan:
                    table = _full_scan(line, dialect)
                    if table and table not in sizes:
                        sizes[table] = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                    if table and sizes[table] >= SMALL_TABLE_ROWS:
                        scans.append({"page": kind, "table": table, "sql": _squeeze(statement), "plan_line": line.strip()})
        db.session.rollback()
        db.session.remove()
    return {"queue_plans": queue_plans, "big_table_scans": scans,
            "all_queue_plans_use_intended_index": bool(queue_plans) and all(p["uses_intended_index"] for p in queue_plans.values()),
            "any_queue_plan_sorts": any(p["sort_for_order_by"] for p in queue_plans.values()),
            "all_queue_ranges_stop_before_closed_cases": all(p["index_range_stops_before_closed_cases"]
                                                             for p in queue_plans.values())}


def explain(connection, statement: str, parameters, dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    return [row[0] for row in connection.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)]


def judge(statement: str, parameters, plan: list[str], intended: tuple[str, ...], dialect: str) -> dict:
    text = "\n".join(plan)
    if dialect == "sqlite":
        used = re.findall(r"(?:SEARCH|SCAN) cases USING (?:COVERING )?INDEX (\w+)", text)
        full_scan = bool(re.search(r"\bSCAN cases\b", text))  # SCAN = the whole table or index; SEARCH = a range
        sort = "USE TEMP B-TREE FOR ORDER BY" in text
        bounded = bool(re.search(r"priority<\?", text))
    else:
        used = re.findall(r"(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (ix_cases_\w+)", text)
        full_scan = "Seq Scan on cases" in text
        sort = bool(re.search(r"^\s*(?:->\s*)?(?:Incremental )?Sort\s+\(", text, re.M))
        bounded = bool(re.search(r"Index Cond: .*priority < ", text))
    return {"sql": _squeeze(statement), "parameters": _params(parameters), "plan": plan, "index_used": used,
            "intended_index": list(intended), "full_scan": full_scan, "sort_for_order_by": sort,
            # Closed and withdrawn cases have priority 2 (schedule.py), after every open case in each queue
            # index: unless the index range stops below it, a page near the end walks all of them.
            "index_range_stops_before_closed_cases": bounded,
            # The planned index, and no scan of the table; a sort is reported on its own (on PostgreSQL a
            # bitmap scan plus a sort of a few rows can be the cheaper plan).
            "uses_intended_index": any(i in intended for i in used) and not full_scan}


def _full_scan(line: str, dialect: str) -> str | None:
    match = re.search(r"\bSCAN (\w+)" if dialect == "sqlite" else r"Seq Scan on (\w+)", line)
    return match.group(1) if match else None


def _squeeze(statement: str) -> str:
    return re.sub(r"\s+", " ", statement).strip()


def _params(parameters):
    if isinstance(parameters, dict):
        return {k: str(v) for k, v in parameters.items()}
    return [str(v) for v in parameters or ()]


# --------------------------------------------------------------------------- main


def run_backend(dialect: str, ensure, target, count: int, args, instance: Path, sqlite_path: Path | None) -> dict:
    started = time.perf_counter()
    app, seeding = ensure(target, count, instance, args.rebuild)
    report = {"cases": count, **seeding, "db_size_mb": database_size_mb(app, sqlite_path), "rows": table_rows(app)}
    report.update(measure(app, args.samples, args.deep_pages, dialect))
    pages = report["pages"]
    report["worst_p95_ms"] = max(pages[kind]["p95_ms"] for kind in ISSUE_PAGES)
    report["p95_within_target"] = report["worst_p95_ms"] <= TARGET_P95_MS  # the pages the issue names
    report["pages_over_target"] = [kind for kind, page in pages.items() if page["p95_ms"] > TARGET_P95_MS]
    report["seconds_total"] = round(time.perf_counter() - started, 1)
    from disputes.extensions import db

    with app.app_context():
        db.engine.dispose()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in the SQLite database (default 1,000,000)")
    parser.add_argument("--samples", type=int, default=200, help="timed requests per page kind after warm-up")
    parser.add_argument("--deep-pages", type=int, default=20, help="which page the deep keyset pages are")
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "queue-1m.sqlite3"), help="the SQLite file")
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL for the bench database (default: "
                        f"{PG_BENCH_DATABASE} on TEST_DATABASE_URL's server, if that is set)")
    parser.add_argument("--pg-cases", type=int, default=None, help="cases in PostgreSQL (default: --cases)")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    parser.add_argument("--rebuild", action="store_true", help="seed again even if the database holds N cases")
    args = parser.parse_args()

    stdout, sys.stdout = sys.stdout, sys.stderr  # nothing but the JSON on stdout (Alembic's log, etc.)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    python = os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(str(ROOT)) else sys.executable
    report: dict = {"issue": ISSUE, "command": shlex.join([python, *sys.argv]), "target_p95_ms": TARGET_P95_MS,
                    "today": TODAY.isoformat(), "cpus": os.cpu_count(),
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()], "sqlite_version": sqlite3.sqlite_version}
    if not args.no_sqlite:
        path = Path(args.db).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        report["sqlite"] = {"db": str(path), **run_backend("sqlite", ensure_sqlite, path, args.cases, args,
                                                             path.parent / f"{path.stem}-instance", path)}
    pg_url = _pg_url(args.pg)
    if pg_url is None:
        report["postgresql"] = {"skipped": "neither --pg nor TEST_DATABASE_URL is set"}
    else:
        pg_cases = args.pg_cases or args.cases
        note = {"note": f"seeded {pg_cases:,} cases, fewer than the {args.cases:,} of SQLite"} if pg_cases < args.cases else {}
        report["postgresql"] = {"url": _safe(pg_url), **note,
                                **run_backend("postgresql", ensure_postgres, pg_url, pg_cases, args, out / "queue-pg-instance", None)}
    report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if "sqlite" in report:
        report["target_met"] = report["sqlite"]["p95_within_target"]
    json.dump(report, stdout, ensure_ascii=False, indent=2)
    stdout.write("\n")


def _pg_url(explicit: str | None) -> str | None:
    """The bench database's URL: --pg, else TEST_DATABASE_URL's server with the database `disputes_bench`."""
    test_url = os.environ.get("TEST_DATABASE_URL")
    url = explicit
    if url is None and test_url:
        url = urlunsplit(urlsplit(test_url)._replace(path=f"/{PG_BENCH_DATABASE}"))
    if url is None:
        return None
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    if test_url and urlsplit(url).path == urlsplit(test_url).path:
        raise SystemExit("refusing to seed the test database (TEST_DATABASE_URL): the test suite empties it")
    if urlsplit(url).path.rstrip("/").endswith("_test"):
        raise SystemExit(f"refusing to seed {_safe(url)}: use a separate database such as {PG_BENCH_DATABASE}")
    return url


if __name__ == "__main__":
    main()
