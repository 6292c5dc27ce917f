"""Administrative operations, each audited in the transaction that makes the change."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from disputes import audit
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.validation import parse_amount
from disputes.models import MinimumWage, Region, User


@dataclass(frozen=True)
class RegionWage:
    region: Region
    current: MinimumWage | None
    upcoming: list[MinimumWage]


def wage_table(today: date) -> list[RegionWage]:
    """Every province with the minimum wage in force today and any that take effect later."""
    regions = db.session.scalars(sa.select(Region).where(Region.parent_code.is_(None)).order_by(Region.code)).all()
    table = []
    for region in regions:
        in_force = [w for w in region.minimum_wages if w.effective_on <= today]
        table.append(RegionWage(region, in_force[0] if in_force else None,
                                [w for w in region.minimum_wages if w.effective_on > today]))
    return table


def set_minimum_wage(admin: User, *, region_code: str, monthly: str, hourly: str | None, effective_on: date | None,
                     verified: bool, note: str | None) -> MinimumWage:
    """Record a region's minimum wage from a date (a new row, so the history of rates is kept)."""
    errors = {}
    region = db.session.get(Region, region_code or "")
    if region is None:
        errors["region_code"] = _("未知的地区。")
    monthly_amount, message = parse_amount(monthly)
    if message or monthly_amount is None:
        errors["monthly"] = message or _("此项必填。")
    hourly_amount, message = parse_amount(hourly)
    if message:
        errors["hourly"] = message
    if effective_on is None:
        errors["effective_on"] = _("请填写生效日期。")
    if not errors and db.session.scalar(sa.select(MinimumWage.id).where(
            MinimumWage.region_code == region_code, MinimumWage.effective_on == effective_on)) is not None:
        errors["effective_on"] = _("该地区在这一天已有最低工资标准，请修改日期或先核对已有记录。")
    if errors:
        raise ValidationFailed(errors)
    wage = MinimumWage(region=region, monthly=monthly_amount, hourly=hourly_amount, effective_on=effective_on,
                       verified=verified, note=(note or "").strip() or None)
    db.session.add(wage)
    audit.record(admin, "minimum_wage.set", f"region:{region_code}", monthly=monthly_amount,
                 hourly=hourly_amount, effective_on=effective_on, verified=verified)
    db.session.commit()
    return wage


def confirm_minimum_wage(admin: User, wage_id: int) -> MinimumWage:
    """Mark a shipped or entered rate as checked against the province's official notice."""
    wage = db.session.get(MinimumWage, wage_id)
    if wage is None:
        raise ValidationFailed({"wage": _("没有找到该记录。")})
    wage.verified = True
    audit.record(admin, "minimum_wage.verify", f"region:{wage.region_code}", effective_on=wage.effective_on,
                 monthly=Decimal(wage.monthly))
    db.session.commit()
    return wage
