"""Filing a complaint: one operation behind the worker's form, the mediator's form and the API."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from disputes.cases.schedule import refresh_schedule
from disputes.database import commit_keeping_loaded
from disputes.errors import ValidationFailed
from disputes.event_hooks import AFTER_FILING, FiledComplaint, run_hooks
from disputes.evidence.services import Upload, check_upload, evidence_store, safe_filename
from disputes.extensions import db
from disputes.intake.schema import IntakeSubmission, parse_intake
from disputes.numbering import next_number
from disputes.models import (
    Case, CaseEvent, CaseNumberCounter, Claim, Evidence, InspectionMatter, Organisation, Region, Respondent, User,
    Worker,
)
from disputes.security import access_code_hash, new_access_code
from disputes.timekeeping import local_today
from workflows import is_collective

CHANNELS = ("web", "mediator", "api")
# What a submission key may look like (the form's is 22 URL-safe characters; an API client's may be a UUID).
SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
COMPANY_SUFFIXES = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|公司)$")


@dataclass(frozen=True)
class FiledCase:
    """What one filing opened, with the access codes the worker must keep (never stored in clear).

    A dispute is `case`; a complaint to the labour inspectorate is `matter` (filed with the dispute,
    or alone, when the worker chose only a complaint: then `case` is None).
    """

    case: Case | None
    access_code: str | None
    matter: InspectionMatter | None = None
    matter_access_code: str | None = None


class AlreadyFiled(Exception):
    """The same form (or API request) was sent again: its complaint is this case (or, for a
    complaint to the inspectorate alone, this matter), filed once."""

    def __init__(self, case: Case | None, matter: InspectionMatter | None = None):
        super().__init__(case.case_no if case is not None else matter.matter_no)
        self.case = case
        self.matter = matter

    @property
    def number(self) -> str:
        return self.case.case_no if self.case is not None else self.matter.matter_no


def submission_key_hash(key: object, filed_by: User | None) -> str | None:
    """What is stored for a submission key: SHA-256 of the filer and the key; None for no usable key.

    The filer is part of it, so one person's key never finds another person's case.
    """
    if not isinstance(key, str) or not SUBMISSION_KEY.fullmatch(key):
        return None
    filer = f"user:{filed_by.id}" if filed_by is not None else "anonymous"
    return hashlib.sha256(f"{filer}|{key}".encode()).hexdigest()


def _refuse_second_send(key_hash: str | None) -> None:
    """Raise AlreadyFiled when this submission key already filed a case or a complaint alone."""
    if not key_hash:
        return
    case = db.session.scalar(sa.select(Case).where(Case.intake_key_hash == key_hash))
    if case is not None:
        raise AlreadyFiled(case)
    matter = db.session.scalar(sa.select(InspectionMatter).where(InspectionMatter.intake_key_hash == key_hash))
    if matter is not None:
        raise AlreadyFiled(None, matter)


def known_regions() -> dict[str, Region]:
    """The provinces by code (parse_intake asks only whether a code is among them). The rows are
    loaded whole, one per province: the reply to a new complaint names its province, and create_case
    hands the case its Region from here instead of reading it again."""
    return {region.code: region for region in db.session.scalars(sa.select(Region))}


def file_complaint(payload, *, filed_by: User | None, channel: str, uploads: Sequence[Upload] = (),
                   submission_key: object = None, consents: Mapping[str, Any] | None = None) -> FiledCase:
    """Validate and file a complaint in one transaction: case, parties, claims, evidence, first history row.

    Photos are checked and written to the evidence store before the transaction, so a full disk
    refuses the whole complaint with a clear message instead of leaving rows without files. A
    `submission_key` seen before (the form sent twice, a retried API call) raises AlreadyFiled with
    the case it filed, even when both arrive at once. `consents` (what the worker agreed to, and
    when) is kept in the case's first history row, as the record of consent 个人信息保护法 asks for.
    """
    key_hash = submission_key_hash(submission_key, filed_by)
    _refuse_second_send(key_hash)
    today = local_today()
    regions = known_regions()
    submission = parse_intake(payload, today=today, known_regions=regions)
    stored = [(upload, check_upload(upload, f"evidence[{i}]")) for i, upload in enumerate(uploads)]
    digests = [_store(upload) for upload, _type in stored]
    evidence = [
        Evidence(sha256=digest, original_name=safe_filename(upload.filename), content_type=content_type,
                 size=len(upload.data), uploaded_by=filed_by, description=upload.description)
        for digest, (upload, content_type) in zip(digests, stored)
    ]
    try:
        if submission.filing == "complaint":
            return _file_complaint_only(submission, filed_by, key_hash)
        filed = create_case(submission, filed_by=filed_by, channel=channel, evidence=_unique(evidence),
                            intake_key_hash=key_hash, consents=consents, region=regions.get(submission.region))
        commit_keeping_loaded()
    except sa.exc.IntegrityError:
        db.session.rollback()
        _refuse_second_send(key_hash)
        raise
    _after_filing(filed.case, today)
    return filed


def _file_complaint_only(submission: IntakeSubmission, filed_by: User | None, key_hash: str | None) -> FiledCase:
    """A worker who chose only a complaint to the labour inspectorate: no dispute is opened.

    The photos stay out of it: the inspectorate gathers its own evidence (条例第十五条).
    """
    from disputes.inspection.services import file_with_dispute

    filed = file_with_dispute(None, submission, filed_by=filed_by, choice="complaint")
    filed.matter.intake_key_hash = key_hash
    db.session.commit()
    return FiledCase(case=None, access_code=None, matter=filed.matter, matter_access_code=filed.access_code)


def _after_filing(case: Case, today) -> None:
    """Run what other features registered for a new complaint (the intake-time warning rules).

    The complaint is already committed, so a failure here only logs. The hooks run in a transaction
    of their own, committed here: the complaint's (holding its number's row lock) ends before they
    start, and neither commit expires the case the reply is made from.
    """
    try:
        run_hooks(AFTER_FILING, FiledComplaint(case, today))
        commit_keeping_loaded()
    except Exception:  # never lose or refuse a filed complaint because a hook failed
        db.session.rollback()
        current_app.logger.exception("after-filing hooks failed after intake")


def _store(upload: Upload) -> str:
    try:
        return evidence_store().put(upload.data)
    except OSError:
        raise ValidationFailed({"evidence": _("服务器暂时无法保存照片（存储空间不足或故障），投诉没有提交。请稍后重试，或先不附照片提交。")}) from None


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen, unique = set(), []
    for item in evidence:
        if item.sha256 not in seen:
            seen.add(item.sha256)
            unique.append(item)
    return unique


def create_case(submission: IntakeSubmission, *, filed_by: User | None, channel: str,
                evidence: Sequence[Evidence] = (), intake_key_hash: str | None = None,
                consents: Mapping[str, Any] | None = None, region: Region | None = None) -> FiledCase:
    """Write a validated submission, flushed but not committed (file_complaint commits it, before the
    after-filing hooks run); the case number is issued inside the same transaction. `region`, the
    submission's province already loaded, spares the reply reading it again."""
    today = local_today()
    access_code = new_access_code()
    case = Case(
        state="submitted",
        legal_aid="none",
        access_code_hash=access_code_hash(access_code),
        intake_key_hash=intake_key_hash,
        submitted_on=today,
        channel=channel,
        language=submission.language,
        platform=submission.platform,
        facts=submission.facts,
        region_code=submission.region,
        **({"region": region} if region is not None and region.code == submission.region else {}),
        place_code=submission.place_code,
        knew_of_violation_on=submission.knew_of_violation_on,
        relationship_ended=submission.relationship_ended,
        relationship_ended_on=submission.relationship_ended_on,
        reported_factors=dict(submission.reported_factors),
        organisation=_receiving_body(submission.region, filed_by),
        filed_by=filed_by,
        worker_user=filed_by if filed_by is not None and filed_by.role == "worker" else None,
    )
    case.workers = [
        Worker(position=i, name=w.name, phone=w.phone, occupation=w.occupation, id_number=w.id_number,
               address=w.address, is_representative=w.is_representative)
        for i, w in enumerate(submission.workers)
    ]
    case.respondents = [
        Respondent(position=i, name=r.name, kind=r.kind, credit_code=r.credit_code, address=r.address,
                   legal_representative=r.legal_representative,
                   legal_representative_title=r.legal_representative_title,
                   normalised_name=normalise_company_name(r.name))
        for i, r in enumerate(submission.respondents)
    ]
    case.claims = [Claim(position=i, kind=c.kind, amount=c.amount) for i, c in enumerate(submission.claims)]
    case.evidence = list(evidence)
    case.collective_members = []  # a new case leads no collective yet; the reply need not ask
    case.collective = is_collective(len(case.workers), case.claims)
    case.representative_count = sum(1 for w in submission.workers if w.is_representative)
    case.history = [
        CaseEvent(
            seq=1, occurred_on=today, actor=filed_by, actor_label=_actor_label(filed_by, channel),
            event="submit", track="main", from_state=None, to_state="submitted",
            data={"channel": channel, "workers": len(case.workers), "claims": len(case.claims),
                  **({"consents": dict(consents)} if consents else {})},
        )
    ]
    refresh_schedule(case, today)
    # Drawn last: the counter's row stays locked until the commit, so every other filing waits.
    case.case_no = _next_case_number(today.year)
    db.session.add(case)
    matter = None
    if submission.filing == "both":
        from disputes.inspection.services import file_with_dispute

        matter = file_with_dispute(case, submission, filed_by=filed_by, choice="both")
    db.session.flush()
    return FiledCase(case=case, access_code=access_code, matter=matter.matter if matter else None,
                     matter_access_code=matter.access_code if matter else None)


def normalise_company_name(name: str) -> str:
    """A matching key for a company: no spaces, brackets unified, legal-form suffix dropped."""
    cleaned = re.sub(r"\s+", "", name).replace("（", "(").replace("）", ")")
    return COMPANY_SUFFIXES.sub("", cleaned) or cleaned


def _actor_label(filed_by: User | None, channel: str) -> str:
    if filed_by is None:
        return "worker (self-service)" if channel == "web" else "anonymous"
    return f"{filed_by.role}:{filed_by.username}"


def _receiving_body(region_code: str, filed_by: User | None) -> Organisation | None:
    """The mediation body that receives the complaint: the filer's own, else the region's."""
    if filed_by is not None and filed_by.organisation is not None and filed_by.organisation.kind == "mediation_body":
        return filed_by.organisation
    return db.session.scalar(
        sa.select(Organisation)
        .where(Organisation.kind == "mediation_body", Organisation.region_code == region_code)
        .order_by(Organisation.id)
        .limit(1)
    )


def _next_case_number(year: int) -> str:
    """`2026-0001234`: the year and a counter that only ever goes up."""
    return f"{year}-{next_number(CaseNumberCounter, year):07d}"
