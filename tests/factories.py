"""Factories: users, organisations and cases built through the same services the app uses."""
from __future__ import annotations

import itertools
import random

import factory
import sqlalchemy as sa

from disputes.demo_data import complaint_payload, credit_code, mobile, resident_id
from disputes.extensions import db
from disputes.models import Organisation, User
from disputes.security import hash_password

DEFAULT_PASSWORD = "Correct-horse-42"
REGION = "11"
_sequence = itertools.count(1)


class OrganisationFactory(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        model = Organisation
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"

    name = factory.Sequence(lambda n: f"测试调解中心{n}")
    kind = "mediation_body"
    region_code = REGION


def organisation_for(role: str, region: str = REGION) -> Organisation | None:
    """The region's organisation of the kind a role works in (created on first use)."""
    kind = {"mediator": "mediation_body", "arbitrator": "arbitration_commission", "legal_aid": "legal_aid_centre",
            "inspector": "labour_inspectorate", "inspection_head": "labour_inspectorate"}.get(role)
    if kind is None:
        return None
    found = db.session.scalar(
        sa.select(Organisation).where(Organisation.kind == kind, Organisation.region_code == region).order_by(Organisation.id)
    )
    return found or OrganisationFactory(kind=kind, region_code=region)


def make_user(role: str = "mediator", username: str | None = None, *, region: str = REGION, **fields) -> User:
    """A user of `role` whose password is DEFAULT_PASSWORD, in the region's organisation for that role."""
    user = User(
        username=username or f"{role}{next(_sequence)}",
        display_name=fields.pop("display_name", f"{role} 测试"),
        role=role,
        password_hash=hash_password(DEFAULT_PASSWORD),
        organisation=fields.pop("organisation", organisation_for(role, region)),
        **fields,
    )
    db.session.add(user)
    db.session.commit()
    return user


def intake_payload(seed: int = 1, **overrides) -> dict:
    """A valid intake body as the API takes it; `overrides` replace top-level keys."""
    from disputes.timekeeping import local_today

    payload = complaint_payload(random.Random(seed), today=local_today(), region=REGION)
    payload.update(overrides)
    return payload


def file_case(filed_by: User | None = None, *, seed: int | None = None, channel: str = "mediator", **overrides):
    """A case filed through the intake service; returns the FiledCase (case + access code)."""
    from disputes.intake.services import file_complaint

    payload = intake_payload(seed if seed is not None else next(_sequence), **overrides)
    return file_complaint(payload, filed_by=filed_by, channel=channel)


__all__ = ["DEFAULT_PASSWORD", "credit_code", "file_case", "intake_payload", "make_user", "mobile", "resident_id"]
