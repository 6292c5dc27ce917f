"""Which monthly minimum wage sets an award's final-award line (12 x, 《劳动争议调解仲裁法》第四十七条第一项).

"The local" standard is the tier of the province's announcement in force on the award day whose
list names the place (workflows.minimum_wages, read from the announcements with their sources).
The lookup never picks a tier the list does not name: when the place is missing, too broad or on
no complete list, the arbitrator is shown the tiers and enters the figure. A standard an
administrator entered (admin page) that is newer than the announcements on record is used as
the province's figure. Whatever is used is recorded with the award (`minimum_wage_basis`), so the
history, the page and the documents can say which tier, place, date and source the line rests on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import MinimumWage
import places
from workflows import minimum_wages as published


@dataclass(frozen=True)
class WageBasis:
    """The monthly minimum wage an award uses, and what it rests on."""

    monthly: Decimal
    origin: str  # "announcement" (workflows data), "admin" (entered on the admin page), "arbitrator" (typed in)
    effective_on: date | None = None
    tier: str | None = None
    place: str | None = None
    source: str | None = None
    url: str | None = None
    source_level: str | None = None
    warnings: list[str] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        return {"monthly": format(self.monthly, "f"), "origin": self.origin,
                "effective_on": self.effective_on.isoformat() if self.effective_on else None,
                "tier": self.tier, "place": self.place, "source": self.source, "url": self.url,
                "source_level": self.source_level, "warnings": self.warnings}


def _full_name(place: str | None, region_code: str) -> str | None:
    """The place as the division list names it down its path ("四川省乐山市峨眉山市" for "峨眉山市"), so
    a county-level city typed alone is found under the prefecture a tier lists whole; as typed when
    the list does not know it as one place of this province."""
    if place is None:
        return None
    found = places.resolve(place[:64]).place
    if found is None or found.province_short_code != str(region_code)[:2] or found.level == "province":
        return place
    return found.full_name


def award_wage_basis(region_code: str, on: date, place: Any = None, typed: Any = None) -> WageBasis:
    """The basis for an award made on `on` in the region, for the place the arbitrator names.

    `typed` is a figure the arbitrator entered: it is used as entered, with the tiers on record
    beside it for the history. Without one and without a tier the data can name, ValidationFailed
    lists the tiers to choose from.
    """
    place = place.strip() if isinstance(place, str) and place.strip() else None
    admin = _admin_figure(region_code, on)
    try:
        lookup = published.standard_in_force(region_code, on, _full_name(place, region_code))
    except ValueError:  # a region code that is no province: only an admin figure can serve
        lookup = None
    standard = lookup.standard if lookup is not None else None
    if admin is not None and (standard is None or admin.effective_on > standard.effective_on):
        basis = WageBasis(admin.monthly, "admin", admin.effective_on, None, place, admin.note, None,
                          "verified" if admin.verified else "unverified",
                          [_("按管理员录入的本省标准（未分档）")] + ([] if admin.verified else [_("该标准尚未核对")]))
        return _typed(typed, basis)
    if standard is None:
        if typed is not None:
            return _typed(typed, WageBasis(Decimal("0"), "arbitrator", place=place))
        raise ValidationFailed({"monthly_minimum_wage": _("没有本地区在裁决日有效的最低工资标准记录，请填写本地月最低工资标准。")})
    tier = lookup.tier
    warnings = [] if standard.verified.level == "official" else [_("所据公告为转载页面，未与政府原文核对")]
    if tier is None and typed is None:
        raise ValidationFailed({"wage_place": _tiers_message(standard, place, lookup.matched_by, lookup.candidates)})
    chosen = tier or standard.first_tier
    basis = WageBasis(chosen.monthly, "announcement", standard.effective_on, chosen.label if tier else None, place,
                      f"{standard.issuer}《{standard.title}》" if not standard.title.startswith("《") else standard.title,
                      standard.url, standard.verified.level, warnings)
    return _typed(typed, basis) if typed is not None else basis


def _typed(typed: Any, basis: WageBasis) -> WageBasis:
    if typed is None:
        return basis
    figure = Decimal(str(typed))
    if basis.monthly and figure != basis.monthly:
        note = _("仲裁员填写的标准为 %(typed)s 元；记录中的标准为 %(found)s 元", typed=format(figure, "f"),
                 found=format(basis.monthly, "f"))
    else:
        note = _("仲裁员填写的标准")
    return WageBasis(figure, "arbitrator", basis.effective_on, basis.tier, basis.place, basis.source, basis.url,
                     basis.source_level, [note, *basis.warnings])


def _tiers_message(standard, place: str | None, how: str, candidates) -> str:
    tiers = "；".join(f"{t.label} {format(t.monthly, 'f')} 元" for t in (candidates or standard.tiers))
    if not place:
        lead = _("本省最低工资分档执行，请填写“当地”（适用标准的县、区），或直接填写本地月最低工资标准。")
    elif how == "too_broad":
        lead = _("“%(place)s”所辖各县、区适用不同档次，请填写到县、区。", place=place)
    else:
        lead = _("公告所列名单中无法确定“%(place)s”的档次，请核对后直接填写本地月最低工资标准。", place=place)
    return lead + _("可选档次：%(tiers)s（%(source)s，%(date)s 起执行）。", tiers=tiers, source=standard.title,
                    date=standard.effective_on.isoformat())


def _admin_figure(region_code: str, on: date) -> MinimumWage | None:
    return db.session.scalar(
        sa.select(MinimumWage).where(MinimumWage.region_code == region_code, MinimumWage.effective_on <= on)
        .order_by(MinimumWage.effective_on.desc()).limit(1))
