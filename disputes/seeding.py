"""`seed demo`: regions and minimum wages, organisations, one user per role, and demonstration cases.

Idempotent: each part is created only when missing, so running it twice changes nothing.
"""
from __future__ import annotations

import random

from decimal import Decimal

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case, MinimumWage, Organisation, Region, User
from workflows import DEFAULT_MINIMUM_WAGES

# The demonstration accounts are documented in the README and printed by `make run`.
DEMO_PASSWORD = "Demo-pass-2026"  # nosec B105
DEMO_REGION = "11"  # Beijing: the demonstration centre's region
DEMO_PLACES = ("朝阳区", "海淀区", "丰台区", "大兴区", "通州区")  # read within Beijing
DEMO_ORGANISATIONS = (
    ("朝阳区新就业形态劳动争议调解中心", "mediation_body", "010-65090001", "北京市朝阳区工体北路 1 号"),
    ("北京市朝阳区劳动人事争议仲裁委员会", "arbitration_commission", "010-65090002", "北京市朝阳区工体北路 3 号"),
    ("北京市朝阳区法律援助中心", "legal_aid_centre", "12348", "北京市朝阳区工体北路 5 号"),
    ("朝阳区总工会新就业形态劳动者服务站", "union", "12351", "北京市朝阳区工体北路 7 号"),
    ("北京市朝阳区劳动保障监察大队（演示）", "labour_inspectorate", "12333", "北京市朝阳区工体北路 9 号"),
)
# Display names are people's names: the role is shown beside them ("王静（调解员）").
DEMO_USERS = (
    ("admin", "admin", "系统管理员", None),
    ("mediator", "mediator", "王静", "mediation_body"),
    ("mediator2", "mediator", "李强", "mediation_body"),
    ("arbitrator", "arbitrator", "陈敏", "arbitration_commission"),
    ("legalaid", "legal_aid", "赵磊", "legal_aid_centre"),
    ("inspector", "inspector", "孙伟", "labour_inspectorate"),
    ("inspecthead", "inspection_head", "周红", "labour_inspectorate"),
    ("worker", "worker", "刘洋", None),
)


def seed_demo(case_count: int = 36, rng_seed: int = 2026) -> list[str]:
    """Create whatever of the demonstration set is missing; returns what was done, line by line."""
    report = [seed_regions(), seed_organisations(), seed_users()]
    # A seeded generator, so the demonstration data is the same on every machine.
    report.append(seed_cases(case_count, random.Random(rng_seed)))  # nosec B311
    report.append(seed_library())
    return report


def seed_library() -> str:
    """The shipped typical-case library, imported and indexed: the real published cases of
    casebase/data/collection/, each with its source (the demo disputes are fictional; the library is not)."""
    from disputes.library.index import rebuild_index
    from disputes.library.services import import_file

    imported = import_file()
    indexed = rebuild_index()
    kept_back = f"; {len(imported.held)} kept as drafts, {len(imported.refused)} refused" if imported.held or imported.refused else ""
    return (f"typical cases (real, published with their source): {imported.added} added, "
            f"{imported.updated} updated{kept_back}; {indexed} indexed")


def seed_regions() -> str:
    """Every province with its shipped minimum wage (marked unverified until an admin checks it)."""
    existing = set(db.session.scalars(sa.select(Region.code)))
    added = 0
    for code, entry in sorted(DEFAULT_MINIMUM_WAGES.items()):
        if code in existing:
            continue
        region = Region(code=code, name_zh=entry.name_zh)
        region.minimum_wages.append(
            MinimumWage(monthly=Decimal(str(entry.monthly)), hourly=_decimal(getattr(entry, "hourly", None)),
                        effective_on=entry.effective_on, verified=entry.verified, note=entry.note)
        )
        db.session.add(region)
        added += 1
    db.session.flush()
    announced = _seed_announced_wages()
    db.session.commit()
    return f"regions: {added} added, {len(existing)} already there; {announced} announced minimum wages added"


def _seed_announced_wages() -> int:
    """Each province's announcements on record (workflows' minimum_wage_standards.json), first tier,
    as the province's dated figures, so the admin page lists what awards use; an existing figure
    for the same day is left as the admin set it."""
    from workflows import minimum_wages as published

    known = set(db.session.execute(sa.select(MinimumWage.region_code, MinimumWage.effective_on)).all())
    regions = set(db.session.scalars(sa.select(Region.code)))
    added = 0
    for code, standards in sorted(published.load_standards().items()):
        region = code[:2]
        for standard in standards:
            if region not in regions or (region, standard.effective_on) in known:
                continue
            first = standard.first_tier
            note = f"{standard.issuer}《{standard.title.strip('《》')}》{standard.first_tier.label}"
            db.session.add(MinimumWage(region_code=region, monthly=first.monthly, hourly=first.hourly,
                                       effective_on=standard.effective_on,
                                       verified=standard.verified.level == "official", note=note[:256]))
            known.add((region, standard.effective_on))
            added += 1
    return added


def seed_organisations() -> str:
    added = 0
    for name, kind, phone, address in DEMO_ORGANISATIONS:
        if organisation_named(name) is None:
            db.session.add(Organisation(name=name, kind=kind, region_code=DEMO_REGION, phone=phone, address=address))
            added += 1
    db.session.commit()
    return f"organisations: {added} added"


def seed_users() -> str:
    from disputes.auth.services import create_user

    added = 0
    for username, role, display_name, organisation_kind in DEMO_USERS:
        if db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
            continue
        organisation = (
            db.session.scalar(sa.select(Organisation).where(Organisation.kind == organisation_kind).order_by(Organisation.id))
            if organisation_kind else None
        )
        create_user(username, role=role, password=DEMO_PASSWORD, display_name=display_name, organisation=organisation)
        added += 1
    return f"users: {added} added (password for all demo users: {DEMO_PASSWORD})"


def seed_cases(case_count: int, rng: random.Random) -> str:
    """File demonstration complaints through the real intake service (only into an empty database)."""
    from disputes.demo_data import complaint_payload
    from disputes.intake.services import file_complaint
    from disputes.timekeeping import local_today

    if db.session.scalar(sa.select(sa.func.count(Case.id))):
        return "cases: already seeded"
    mediator = db.session.scalar(sa.select(User).where(User.username == "mediator"))
    worker = db.session.scalar(sa.select(User).where(User.username == "worker"))
    today = local_today()
    # A demonstration large enough shows an early warning too: its last complaints are one station's.
    piecemeal = PIECEMEAL_COMPLAINTS if case_count >= 4 * PIECEMEAL_COMPLAINTS else 0
    for index in range(case_count - piecemeal):
        workers = 12 if index % 12 == 5 else 1
        payload = complaint_payload(rng, today=today, region=DEMO_REGION, workers=workers)
        # Most say where they worked, some do not (the place is optional at intake).
        if index % 4:
            payload["place"] = DEMO_PLACES[index % len(DEMO_PLACES)]
        filer = worker if index == 0 else mediator
        file_complaint(payload, filed_by=filer, channel="web" if filer is worker else "mediator")
    if piecemeal:  # a demonstration large enough shows an early warning and the inspection track
        _seed_piecemeal_collective(rng, today, mediator)
        _seed_inspection_matters(rng, today, worker)
    return (f"cases: {case_count} filed" + (f", the last {piecemeal} by riders of one station" if piecemeal else "")
            + ("; for the labour inspectorate: a wage claim filed as a dispute and a complaint at once, a complaint"
               " alone and an anonymous report" if piecemeal else ""))


def _seed_inspection_matters(rng: random.Random, today, worker: User | None) -> None:
    """The inspection track's demonstration: a rider's wage claim filed as a dispute and a complaint
    at once (劳动争议调解仲裁法第九条), one taken up by the inspector, and an anonymous report."""
    from disputes.demo_data import complaint_payload
    from disputes.inspection.services import apply_event, create_matter
    from disputes.intake.services import file_complaint

    payload = complaint_payload(rng, today=today, region=DEMO_REGION)
    payload.update(claims=[{"kind": "wage_arrears", "amount": "6300.00"}], filing="both", place=DEMO_PLACES[0],
                   facts="配送站九月、十月的工资一直没有结清，站长说要等平台结算。我申请调解，也向监察大队投诉。")
    both = file_complaint(payload, filed_by=worker, channel="web")
    alone = complaint_payload(rng, today=today, region=DEMO_REGION)
    alone.update(claims=[{"kind": "overtime", "amount": "2100.00"}], filing="complaint", place=DEMO_PLACES[1],
                 facts="站点要求每天在线十二小时以上，加班没有任何报酬，我想让监察大队来查。")
    file_complaint(alone, filed_by=None, channel="web")
    create_matter("report", {"employer_name": "城东即时配送站（演示）", "place": "北京市朝阳区",
                             "facts": "站点连续两个月没有给骑手发工资，很多人不敢出面。", "anonymous": True},
                  filed_by=None, region_code=DEMO_REGION, worker_count=20)
    inspector = db.session.scalar(sa.select(User).where(User.username == "inspector"))
    if inspector is not None and both.matter is not None:
        apply_event(both.matter, "open_case", inspector, {"inspector_id": inspector.id}, expected_version=None)


# Riders of one station complaining separately about the same unpaid wages: the intake raises the
# likely-collective alert, which the demo's monitors can link into one collective dispute.
PIECEMEAL_COMPLAINTS = 3
PIECEMEAL_RESPONDENT = {"name": "城东即时配送站（演示）", "kind": "cooperating_company"}


def _seed_piecemeal_collective(rng: random.Random, today, filer: User) -> None:
    from disputes.demo_data import complaint_payload
    from disputes.intake.services import file_complaint

    for _ in range(PIECEMEAL_COMPLAINTS):
        payload = complaint_payload(rng, today=today, region=DEMO_REGION, workers=4)
        payload.update(respondents=[PIECEMEAL_RESPONDENT], claims=[{"kind": "wage_arrears", "amount": "4200.00"}],
                       facts="站点自十月起拖欠全站骑手工资，站长称平台未结算，我们几人一起投诉。")
        file_complaint(payload, filed_by=filer, channel="mediator")


def organisation_named(name: str) -> Organisation | None:
    return db.session.scalar(sa.select(Organisation).where(Organisation.name == name))


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))



