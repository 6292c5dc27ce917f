"""What a page or the API shows of an employer's rating for one year: the grade in force with each
reason and its citation, the grade the rules give on today's record, the objection window, the
pending review, the decision trail, and the chain — the platform and its cooperating companies each
rated in its own name (workflows' rate_chain). Read-only; the operations are in services.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any, ClassVar, Iterable

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.vocabulary import province_label
from disputes.inspection.clues import employer_clue_counts
from disputes.inspection.rating.record import (
    Employer, Partner, employer_facts, employer_partners, find_employer, items_in, record_from_facts,
)
from disputes.inspection.rating.services import (
    current_rating, in_force, last_ratable_year, parse_period, pending_objection, ratings_of,
)
from disputes.models import ComplianceRating, RatingObjection, Region, User
from disputes.models.compliance import FIRST_RATED_YEAR
from disputes.permissions import can
from disputes.timekeeping import local_today
from workflows import compliance_rating as cr
from workflows.clocks import Deadline

MAX_CHAIN = 12  # partners shown in the chain, most shared cases first
# How far each citation was checked (workflows/data/compliance_rating_sources.json's statuses); the
# citation itself already says "原文未核实" and whose words it takes.
STATUS_LABELS = {
    "primary_text": _l("已核对原文"),
    "secondary_national_report": _l("据新华社报道"),
    "secondary_local_consistent": _l("两地以上地方文件同词转述"),
    "secondary_single": _l("仅一处地方报道"),
    "unverified": _l("未核实，请人工核对"),
    "local_practice": _l("各地做法，非全国性规定"),
    "policy": _l("本系统工作规则"),
}
STATE_LABELS = {
    "rated": _l("已评价，尚未告知企业"),
    "notified": _l("已告知企业"),
    "under_review": _l("异议复核中"),
    "reviewed": _l("已复核答复"),
    "superseded": _l("已被替代"),
}
ORIGIN_LABELS = {"rating": _l("年度评价"), "review": _l("复核变更"), "adjustment": _l("按新事实重新评价")}
OBJECTION_LABELS = {"pending": _l("待复核"), "decided": _l("已复核"), "out_of_time": _l("逾期提出，不予复核")}
ITEM_LABELS = {"violation": _l("被查处"), "refusal": _l("拒不履行"), "police_transfer": _l("移送公安机关"),
               "obstruction": _l("抗拒、阻挠监察")}
_RELATION_BY_KIND = {"dispatch_agency": "labour_dispatch"}
# What the page says of the texts, in the words of workflows/compliance_rating.py and its sources file.
MEASURES_NOTE = _l("《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）原文未能找到：下列每项标准都注明所据的二手来源"
                   "（“原文未核实”），该办法的条号一概未核实。异议期限、复核期限和复核结论的形式是本系统的工作规则"
                   "（所见文本未作规定），不是该办法的规定。")
UNSEEN_NOTE = _l("本系统不记录以下C级情形，评价前请人工核对：因劳动保障违法行为引发群体性事件、极端事件或造成严重不良社会影响；"
                 "因使用童工、强迫劳动等严重劳动保障违法行为被查处；拒不履行行政处罚决定。")
ON_BEHALF_NOTE = _l("企业在本系统中没有账户：异议由劳动保障监察机构工作人员根据企业提交的书面材料代为登记。")
LABELS = SimpleNamespace(
    grades=cr.GRADES, statuses=STATUS_LABELS, states=STATE_LABELS, origins=ORIGIN_LABELS,
    objections=OBJECTION_LABELS, items=ITEM_LABELS, relations=cr.RELATIONS, context=cr.CONTEXT_LABELS,
    kinds=cr.VIOLATION_KINDS, instruments=cr.INSTRUMENTS, outcomes=cr.REVIEW_OUTCOMES, employer_kinds=cr.EMPLOYER_KINDS,
    chain_basis=cr.CHAIN_BASIS, sharing=cr.sharing_basis(), measures_note=MEASURES_NOTE, unseen_note=UNSEEN_NOTE,
    on_behalf_note=ON_BEHALF_NOTE,
)


@dataclass
class ChainMember:
    key: str
    name: str
    relation: str | None  # workflows RELATIONS key of its link to the employer (None: the employer itself)
    preview: cr.RatingResult
    rated: ComplianceRating | None


@dataclass
class RatingPanel:
    employer: Employer
    period: cr.RatingPeriod
    years: list[int]
    trail: list[ComplianceRating]
    current: ComplianceRating | None
    preview: cr.RatingResult | None  # the rules on today's record (None: not an enterprise)
    items: list[dict[str, Any]]  # the current rating's facts in the year (a review may leave them out)
    objection_deadline: Deadline | None
    pending: RatingObjection | None
    review_deadline: Deadline | None
    chain: list[ChainMember] = field(default_factory=list)
    chain_note: str | None = None
    may_rate: bool = False
    may_record: bool = False
    region_names: dict[str, str] = field(default_factory=dict)
    labels: ClassVar[SimpleNamespace] = LABELS

    @property
    def shown(self) -> dict[str, Any] | None:
        """The result shown as the grade: the one in force, else none (the preview is not a grade)."""
        return self.current.result if self.current is not None else None

    @property
    def supervision(self) -> cr.Reason | None:
        return cr.supervision_for(self.current.grade) if self.current is not None else None

    @property
    def objection_open(self) -> bool:
        return self.current is not None and self.current.state == "notified"


def chosen_period(value: Any, today: date) -> cr.RatingPeriod:
    """The year asked for, else the last year that has ended."""
    if value in (None, ""):
        return cr.RatingPeriod(last_ratable_year(today))
    return parse_period(value, today)


class _Clues:
    """Each region's wage-arrears clue counts per employer, read once for the whole page."""

    def __init__(self, user: User, today: date):
        self.user, self.today, self.by_region = user, today, {}

    def facts(self, employer: Employer, period: cr.RatingPeriod) -> dict[str, Any]:
        if employer.region not in self.by_region:
            self.by_region[employer.region] = employer_clue_counts(employer.region, self.today)
        return employer_facts(employer, period, self.user, self.today, clues=self.by_region[employer.region])


def _preview(facts: dict[str, Any], period: cr.RatingPeriod) -> cr.RatingResult | None:
    try:
        return cr.rate(record_from_facts(facts), period)
    except cr.NotRatable:
        return None


def rating_panel(key: str, user: User, *, period: Any = None, region: str | None = None,
                 partners: Iterable[Partner] | None = None, today: date | None = None) -> RatingPanel:
    """The panel of the employer with this key as `user` sees it (404 if it sees no record of it).

    `partners`: the chain when the caller has it already (the dashboard's employer record).
    """
    today = today or local_today()
    employer = find_employer(key, user, region)
    period = chosen_period(period, today)
    trail = ratings_of(employer.key, employer.region, period.year)
    current = in_force(trail)
    pending = pending_objection(current)
    clues = _Clues(user, today)
    facts = clues.facts(employer, period)
    panel = RatingPanel(
        employer=employer, period=period, years=list(range(last_ratable_year(today), FIRST_RATED_YEAR - 1, -1)),
        trail=trail, current=current, preview=_preview(facts, period),
        items=items_in(current.facts, period) if current is not None else [],
        objection_deadline=cr.objection_deadline(current.notified_on) if current and current.notified_on else None,
        pending=pending, review_deadline=cr.review_deadline(pending.filed_on) if pending else None,
        may_rate=can(user, "rate_employers"), may_record=can(user, "inspect"),
        region_names={code: province_label(code, name) for code, name in db.session.execute(
            sa.select(Region.code, Region.name_zh).where(Region.code.in_(employer.regions)))})
    partners = employer_partners(employer.key, user) if partners is None else list(partners)
    panel.chain, panel.chain_note = _chain(employer, facts, partners[:MAX_CHAIN], period, clues)
    return panel


def _link(partner: Partner, ident: str, own: str) -> cr.ChainLink:
    if partner.kind == "platform":
        return cr.ChainLink(ident, own, _RELATION_BY_KIND.get(partner.own_kind, "cooperation"))
    return cr.ChainLink(own, ident, _RELATION_BY_KIND.get(partner.kind, "cooperation"))


def _member(key: str, region: str, user: User) -> Employer:
    """A partner in the employer's region, else where its records are (it shares the employer's cases,
    so the caller sees at least those)."""
    try:
        return find_employer(key, user, region)
    except ValidationFailed:
        return find_employer(key, user)


def _chain(employer: Employer, facts: dict[str, Any], partners: list[Partner], period: cr.RatingPeriod,
           clues: _Clues) -> tuple[list[ChainMember], str | None]:
    """Each member of the chain rated on its own record in its own name; no grade passes along it."""
    if not partners:
        return [], None
    members = [employer] + [_member(partner.key, employer.region, clues.user) for partner in partners]
    records = [record_from_facts(facts)] + [record_from_facts(clues.facts(m, period)) for m in members[1:]]
    own = employer.credit_code or employer.name
    links = [_link(partner, member.credit_code or member.name, own) for member, partner in zip(members[1:], partners)]
    try:
        chain = cr.rate_chain(records, links, period)
    except (ValueError, cr.NotRatable):  # two members the rules cannot tell apart (one name, no codes)
        return [], str(_l("链条中有名称相同且无统一社会信用代码的单位，无法逐一评价，请核对。"))
    relations = [None] + [link.relation for link in links]
    return [ChainMember(member.key, member.name, relation, result,
                        current_rating(member.key, member.region, period.year))
            for member, relation, result in zip(members, relations, chain.members)], None
