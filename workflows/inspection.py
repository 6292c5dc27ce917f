"""The labour-inspection complaint track (劳动保障监察), beside the dispute life cycle.

A worker's complaint (投诉) or anyone's report (举报, anonymous allowed) goes to the inspectorate; it
decides on acceptance, opens a case (立案), investigates, orders the employer to rectify or to pay
(责令改正 / 责令限期支付), penalises, transfers a suspected refusal to pay wages to the police, and
closes. Everything here is data and pure functions, like the rest of workflows: the states and
events are tables, a guard names its article, a clock carries its article and the text's version,
working days come from workflows.calendar. Nothing here imports Flask or the ORM; the matter is
anything that looks like `InspectionLike`.

The texts (full list with how each was checked: workflows/data/inspection_sources.json):
- 条例: 《劳动保障监察条例》（国务院令第423号，2004年11月1日公布，2004年12月1日起施行）, read in full.
- 若干规定: 《关于实施〈劳动保障监察条例〉若干规定》（劳动和社会保障部令第25号，2004年）. Its full
  text was NOT found; Art. 18 (acceptance of a complaint within 5 working days, its three
  conditions) is encoded as quoted by two local government websites. Nothing else of it is used.
- 刑法第二百七十六条之一 and 法释〔2013〕3号 (SPC, in force 2013-01-23), read in full.
- 移送规定: 《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）, read in full.
- 行政处罚法 (2021年修订), 保障农民工工资支付条例 (2020年5月1日起施行), 劳动争议调解仲裁法第九条.

Where the texts are silent, the choice is ours and says so ("policy").
"""

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Protocol

from . import fields
from .calendar import (
    add_period,
    is_working_day,
    working_days_between,
)
from .case import EventRecord, events_since, last_event
from .clocks import running_period
from .errors import EventNotAllowed, GuardRefused, NotPermitted, UnknownEvent
from .states import labels_table

REGULATION = "《劳动保障监察条例》（国务院令第423号，2004年）"
PROVISIONS = "《关于实施〈劳动保障监察条例〉若干规定》（劳动和社会保障部令第25号，2004年）"
PROVISIONS_CAVEAT = "（该规章全文未能核实，本条据地方人社部门公开转述）"
CRIMINAL_LAW = "《中华人民共和国刑法》第二百七十六条之一"
SPC_2013 = "《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）"
TRANSFER_RULES = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）"
PENALTY_LAW = "《中华人民共和国行政处罚法》（2021年修订）"
MIGRANT_WAGES = "《保障农民工工资支付条例》（2020年5月1日起施行）"
ARBITRATION_LAW = "《中华人民共和国劳动争议调解仲裁法》"
POLICY = "本系统工作规则（非法定期限）"


@lru_cache(maxsize=1)
def sources():
    """The texts this module encodes, with the articles used and how each was checked (read-only)."""
    path = resources.files("workflows") / "data" / "inspection_sources.json"
    data = json.loads(path.read_text(encoding="utf-8"))["sources"]
    return MappingProxyType({key: MappingProxyType(value) for key, value in data.items()})


# ---------------------------------------------------------------------------------------------
# Periods, each with its article. "WD" = working days (工作日) counted by workflows.calendar.

ACCEPTANCE_WORKING_DAYS = 5  # 若干规定第十八条第一款、第二款 (as quoted; see PROVISIONS_CAVEAT)
INVESTIGATION_WORKING_DAYS = 60  # 条例第十七条: from the day the case is opened
INVESTIGATION_EXTENSION_WORKING_DAYS = 30  # 条例第十七条: complex case, approved by the department's head
VIOLATION_LIMIT_YEARS = 2  # 条例第二十条; 若干规定第十八条第一款第（一）项
TRANSFER_DECISION_DAYS = 3  # 移送规定第五条第二款: the head decides within 3 days of the report
TRANSFER_HANDOVER_HOURS = 24  # 移送规定第五条第二款: once approved, transfer within 24 hours
POLICE_REVIEW_DAYS = 3  # 移送规定第八条: the police examine the transferred case within 3 days
RECONSIDERATION_DAYS = 3  # 移送规定第九条第一款: ask the police to reconsider within 3 days of the notice
MATERIALS_HANDOVER_DAYS = 3  # 移送规定第十二条: hand over the materials within 3 days of the filing notice

# 法释〔2013〕3号第三条: "数额较大". Each province's high court fixes its own figure inside the range
# (第二款); the provincial figures are not encoded, the inspector states the local one.
SINGLE_WORKER_MONTHS = 3
SINGLE_WORKER_RANGE = (Decimal("5000"), Decimal("20000"))
GROUP_WORKERS = 10
GROUP_RANGE = (Decimal("30000"), Decimal("100000"))

# 条例第二十六条: after the deadline to pay, compensation of 50% to 100% of the sum owed.
COMPENSATION_RATE_RANGE = (Decimal("0.5"), Decimal("1"))

# The penalties this track checks against the 条例's figures (article: (low, high, per worker?)).
PENALTY_RANGES = MappingProxyType({
    "art23": (Decimal("1000"), Decimal("5000"), True),  # 第二十三条: women and minors, per worker
    "art25": (Decimal("100"), Decimal("500"), True),  # 第二十五条: unlawful overtime, per worker
    "art30": (Decimal("2000"), Decimal("20000"), False),  # 第三十条: obstruction, ignoring orders
})
PENALTY_BASES = MappingProxyType({
    "art23": f"{REGULATION}第二十三条",
    "art25": f"{REGULATION}第二十五条",
    "art27": f"{REGULATION}第二十七条",
    "art28": f"{REGULATION}第二十八条",
    "art30": f"{REGULATION}第三十条",
    "other_law": f"{REGULATION}第三十二条（其他法律、行政法规另有处罚规定）",
})
PENALTY_BASES_EN = MappingProxyType({
    **{key: f"Regulation Art. {key[3:]}" for key in ("art23", "art25", "art27", "art28", "art30")},
    "other_law": "Regulation Art. 32 (other laws or administrative regulations set the penalty)",
})


CHANNELS = labels_table((
    ("complaint", "投诉", "Complaint"),  # 条例第九条第二款: the worker whose own rights are infringed
    ("report", "举报", "Report"),  # 条例第九条第一款: any organisation or person
))

_STATES = (
    ("received", "已接收", "Received"),
    ("not_accepted", "不予受理", "Not accepted"),
    ("investigating", "立案调查中", "Case opened, under investigation"),
    ("ordered", "已责令改正", "Ordered to rectify or pay"),
    ("complied", "已改正", "Rectified or paid"),
    ("penalised", "已行政处罚", "Penalty decided"),
    ("transferred", "已移送公安机关", "Transferred to the police"),
    ("criminal_case", "公安机关已立案", "Police opened a criminal case"),
    ("police_declined", "公安机关不予立案", "Police declined to open a case"),
    ("case_cancelled", "撤销立案", "Case withdrawn by the inspectorate"),
    ("closed", "已结案", "Closed"),
)
STATES = tuple(key for key, _, _ in _STATES)
STATE_LABELS = labels_table(_STATES)
TERMINAL_STATES = frozenset({"not_accepted", "case_cancelled", "closed"})

_EVENTS = (
    ("request_correction", "告知补正投诉材料", "Ask the complainant to complete the complaint"),
    ("decline", "不予受理", "Decline"),
    ("open_case", "受理并立案", "Accept and open a case"),
    ("extend_investigation", "延长调查期限", "Extend the investigation"),
    ("hear_statement", "听取陈述申辩", "Hear the employer's statement and defence"),
    ("order_rectification", "责令改正或限期支付", "Order to rectify or to pay by a date"),
    ("order_complied", "已按期改正或支付", "Order complied with"),
    ("order_compensation", "责令加付赔偿金", "Order additional compensation"),
    ("impose_penalty", "作出行政处罚决定", "Decide an administrative penalty"),
    ("cancel_case", "撤销立案", "Withdraw the case (minor and corrected)"),
    ("propose_transfer", "提出移送涉嫌犯罪案件报告", "Report a suspected crime for transfer"),
    ("approve_transfer", "批准移送公安机关", "Approve the transfer to the police"),
    ("refuse_transfer", "不批准移送", "Refuse the transfer"),
    ("police_opened_case", "公安机关决定立案", "Police opened a case"),
    ("police_declined", "公安机关决定不予立案", "Police declined to open a case"),
    ("request_police_review", "提请公安机关复议", "Ask the police to reconsider"),
    ("close", "结案", "Close"),
)
EVENTS = tuple(key for key, _, _ in _EVENTS)
EVENT_LABELS = labels_table(_EVENTS)

# (event, from states, to state); to state None: recorded in the history, state unchanged.
TRANSITIONS = (
    ("request_correction", ("received",), None),
    ("decline", ("received",), "not_accepted"),
    ("open_case", ("received",), "investigating"),
    ("extend_investigation", ("investigating",), None),
    ("hear_statement", ("investigating", "ordered", "police_declined"), None),
    ("order_rectification", ("investigating",), "ordered"),
    ("order_complied", ("ordered",), "complied"),
    ("order_compensation", ("ordered",), None),
    ("impose_penalty", ("investigating", "ordered", "police_declined"), "penalised"),
    ("cancel_case", ("investigating",), "case_cancelled"),
    ("propose_transfer", ("ordered", "penalised"), None),
    ("approve_transfer", ("ordered", "penalised"), "transferred"),
    ("refuse_transfer", ("ordered", "penalised"), None),
    ("police_opened_case", ("transferred",), "criminal_case"),
    ("police_declined", ("transferred",), "police_declined"),
    ("request_police_review", ("police_declined",), None),
    ("close", ("complied", "penalised", "criminal_case", "police_declined"), "closed"),
)
_SOURCES = {event: frozenset(sources_) for event, sources_, _ in TRANSITIONS}
_TARGETS = {event: target for event, _, target in TRANSITIONS}


# ---------------------------------------------------------------------------------------------
# Who acts. The app's user roles (glossary.ROLES) have no inspectors yet: this track names its own.

INSPECTION_ROLES = labels_table((
    ("worker", "劳动者（投诉人）", "Worker (complainant)"),
    ("reporter", "举报人", "Reporter"),
    ("inspector", "劳动保障监察员", "Labour inspector"),
    ("inspection_head", "劳动保障行政部门负责人", "Head of the labour administration"),
    ("admin", "管理员", "Administrator"),
))


@dataclass(frozen=True)
class InspectionActor:
    """Who fires an event on the track. `owns_matter`: the worker who filed this complaint."""

    user_id: int | None
    role: str
    owns_matter: bool = False

    def __post_init__(self):
        if self.role not in INSPECTION_ROLES:
            raise ValueError(f"role must be one of {tuple(INSPECTION_ROLES)}, not {self.role!r}")


# Every staff event is the inspectorate's; the head alone approves extensions (条例第十七条) and
# decides on transfers (移送规定第五条第二款). Complainants and reporters file (see `intake`) and
# see the matter; they fire no event here (the inspectorate decides on its own matter).
WHO_MAY = MappingProxyType({
    **{event: ("inspector",) for event in EVENTS},
    "extend_investigation": ("inspection_head",),
    "approve_transfer": ("inspection_head",),
    "refuse_transfer": ("inspection_head",),
})


def permission_refusal(matter, actor, event):
    """None if `actor` may fire `event` on `matter`, else the NotPermitted to raise."""
    if actor.role == "admin":
        return NotPermitted("管理员负责监督，不办理监察事项", "Administrators supervise; they do not act on matters")
    roles = WHO_MAY[event]
    label = EVENT_LABELS[event]
    if actor.role not in roles:
        who_zh = "或".join(INSPECTION_ROLES[r]["zh"] for r in roles)
        who_en = " or ".join(INSPECTION_ROLES[r]["en"].lower() for r in roles)
        return NotPermitted(f"“{label['zh']}”须由{who_zh}办理", f"“{label['en']}” may be done only by a {who_en}")
    if actor.role == "inspector" and matter.inspector_id not in (None, actor.user_id):
        return NotPermitted("本案已由其他监察员承办，只有承办监察员可以办理",
                            "Another inspector handles this matter; only that inspector may do this")
    return None


# ---------------------------------------------------------------------------------------------
# The matter the app stores.

class InspectionLike(Protocol):
    """The fields of an inspection matter that this module reads.

    It writes only `state` and, on open_case, `inspector_id`. `violation_on`: when the violation
    happened or began; `violation_ended_on`: when a continuing one ended (条例第二十条第二款).
    """

    state: str
    channel: str
    anonymous: bool
    received_on: dt.date
    inspector_id: int | None
    violation_on: dt.date | None
    violation_ended_on: dt.date | None
    violation_continuing: bool
    history: Sequence[EventRecord]


def intake(channel, actor, data, *, today):
    """Check a new complaint or report and return its normalised data (the "receive" record).

    A complaint is the worker's own (条例第九条第二款) and names the worker; a report may come from
    anyone and may be anonymous (第九条第一款; the department keeps the reporter's identity secret,
    第九条第三款). Both name the employer and what happened; the inspectorate's jurisdiction is the
    place where the employer uses the labour (第十三条), so the place is asked for.
    """
    data = dict(data or {})
    if channel not in CHANNELS:
        raise GuardRefused("请选择投诉或举报", "Choose a complaint or a report", field="channel")
    anonymous = fields.flag(data.get("anonymous"), "anonymous")
    if channel == "complaint":
        if anonymous:
            raise GuardRefused("投诉须由权益受侵害的劳动者本人署名提出；不愿署名的，可以匿名举报（条例第九条）",
                               "A complaint is made by the worker in their own name; report anonymously instead "
                               "(Art. 9)", field="anonymous")
        if actor.role != "worker":
            raise GuardRefused("投诉由认为自身权益受到侵害的劳动者提出（条例第九条第二款）；其他人可以举报",
                               "Only the worker whose rights are infringed complains (Art. 9(2)); others may report",
                               field="channel")
    elif actor.role not in ("worker", "reporter"):
        raise GuardRefused("举报由举报人提交", "A report is filed by the reporter", field="channel")
    employer = fields.text(data.get("employer_name"), "employer_name", missing_zh="请填写被投诉（举报）的用人单位名称",
                           missing_en="Name the employer")
    facts = fields.text(data.get("facts"), "facts", missing_zh="请写明违法事实", missing_en="Describe what happened",
                        limit=5000)
    place = fields.text(data.get("place"), "place", missing_zh="请填写用工所在地（条例第十三条）",
                        missing_en="Give the place where the work is done (Art. 13)")
    violation_on = data.get("violation_on")
    received = {
        "channel": channel, "anonymous": anonymous, "employer_name": employer, "facts": facts, "place": place,
        "employer_code": normalise_credit_code(data.get("employer_code")),
        "violation_on": fields.date(violation_on, "violation_on") if violation_on else None,
        "filer_id": None if anonymous else actor.user_id,
        "received_on": today.isoformat(),
    }
    return {key: value for key, value in received.items() if value is not None}


# ---------------------------------------------------------------------------------------------
# The two-year limit (条例第二十条).

def violation_limit_start(violation_on, ended_on=None, continuing=False):
    """The day the two years run from, or None while a continuing violation goes on.

    条例第二十条第二款: from the day of the violation; a violation that goes on (连续或者继续状态)
    from the day it ended. Whether unpaid wages are a continuing state is for the inspector to
    record (`continuing`); this function does not decide it.
    """
    if continuing:
        return ended_on
    return ended_on or violation_on


def violation_limit_last_day(start):
    """The last day on which a complaint or report still falls within the two years.

    The corresponding day two years on (29 February: 28 February). The 条例 does not say that a
    last day on a rest day moves; it is not moved here.
    """
    try:
        return start.replace(year=start.year + VIOLATION_LIMIT_YEARS)
    except ValueError:
        return start.replace(year=start.year + VIOLATION_LIMIT_YEARS, day=28)


def time_barred(on, violation_on, ended_on=None, continuing=False):
    """True when a complaint or report made `on` comes after the two years of 条例第二十条
    (then the department no longer investigates, and 若干规定第十八条 has the complaint declined);
    None when the day of the violation is not known; False otherwise."""
    start = violation_limit_start(violation_on, ended_on, continuing)
    if start is None:
        return False if continuing else None
    return on > violation_limit_last_day(start)


def _matter_time_barred(matter):
    return time_barred(matter.received_on, matter.violation_on, matter.violation_ended_on,
                       matter.violation_continuing)


# ---------------------------------------------------------------------------------------------
# Clocks.

DEADLINE_LABELS = labels_table((
    ("complaint_acceptance", "投诉受理决定", "Decision on accepting the complaint"),
    ("violation_limit", "违法行为查处时限（二年）", "Two-year limit for the violation"),
    ("investigation", "调查期限", "Investigation period"),
    ("order_due", "责令改正（支付）期限", "Deadline set in the order"),
    ("transfer_decision", "移送审批", "Decision on the transfer"),
    ("police_review", "公安机关审查移送案件", "Police examination of the transfer"),
    ("police_reconsideration", "提请复议", "Asking the police to reconsider"),
    ("materials_handover", "移交涉案材料", "Handing over the case materials"),
))
ACTORS = MappingProxyType({
    "complaint_acceptance": "inspectorate", "violation_limit": "complainant", "investigation": "inspectorate",
    "order_due": "employer", "transfer_decision": "inspection_head", "police_review": "police",
    "police_reconsideration": "inspectorate", "materials_handover": "inspectorate",
})


def _deadline(kind, starts, length, basis, *notes, unit="days", due=None):
    return running_period(kind, starts, length, basis, *notes, unit=unit, due=due, labels=DEADLINE_LABELS,
                          actors=ACTORS)


# The rule for counting these periods is this system's, since the texts read give none.
_CALENDAR_DAYS = ("“日”按日历日计算，末日为休息日的顺延（本系统期间计算规则）",
                  "days are calendar days; a last day that falls on a rest day moves to the next working day "
                  "(this system's counting rule)")


def _day(record, key):
    value = record.data.get(key)
    return dt.date.fromisoformat(value) if value else record.on


def acceptance_deadline(matter, today=None):
    """A complaint: the decision on accepting it within 5 working days of its receipt (若干规定第十八条,
    as quoted); an accepted complaint is opened as a case on the day it is accepted. Reports have no
    figure: the department opens a case promptly when it thinks one is needed (条例第十四条第二款)."""
    if matter.channel != "complaint":
        return None
    notes = [("受理之日即立案", "a case is opened on the day the complaint is accepted")]
    if last_event(matter, "request_correction") is not None:
        notes.append(("已告知补正；补正是否重新计算期限，所据文本未作规定，仍自接到投诉之日起算",
                      "a correction was asked for; the text relied on does not say whether it restarts the "
                      "period, so it still runs from the complaint's receipt"))
    return _deadline("complaint_acceptance", matter.received_on, ACCEPTANCE_WORKING_DAYS,
                     f"{PROVISIONS}第十八条{PROVISIONS_CAVEAT}", *notes, unit="working_days")


def violation_limit_deadline(matter, today=None):
    """The last day of the two years of 条例第二十条, shown while the matter awaits acceptance."""
    start = violation_limit_start(matter.violation_on, matter.violation_ended_on, matter.violation_continuing)
    if start is None:
        return None
    last = violation_limit_last_day(start)
    notes = [("违法行为有连续或者继续状态，自行为终了之日起算", "a continuing violation: counted from the day it ended")
             if matter.violation_ended_on else ("自违法行为发生之日起算", "counted from the day of the violation")]
    if not is_working_day(last):
        notes.append(("末日为休息日，条例未规定顺延，未予顺延",
                      "the last day is a rest day; the Regulation provides no extension, so none is made"))
    if matter.received_on > last:
        notes.append((f"投诉（举报）于 {matter.received_on.isoformat()} 提出，已超过二年",
                      f"the complaint or report came on {matter.received_on.isoformat()}, after the two years"))
    return _deadline("violation_limit", start, VIOLATION_LIMIT_YEARS, f"{REGULATION}第二十条", *notes,
                     unit="years", due=last)


def investigation_extended(matter):
    opened = last_event(matter, "open_case")
    return any(r.event == "extend_investigation" for r in events_since(matter, opened)) if opened else False


def investigation_deadline(matter, today=None):
    """60 working days from the day the case was opened, 30 more once if the head approves for a
    complex case (条例第十七条). 行政处罚法第六十条's 90 days from 立案 to decide a penalty yields to
    a regulation that provides otherwise (same article), so it is not a clock here."""
    opened = last_event(matter, "open_case")
    if opened is None:
        return None
    extended = investigation_extended(matter)
    length = INVESTIGATION_WORKING_DAYS + (INVESTIGATION_EXTENSION_WORKING_DAYS if extended else 0)
    return _deadline("investigation", opened.on, length, f"{REGULATION}第十七条",
                     ("经劳动保障行政部门负责人批准已延长30个工作日",
                      "extended by 30 working days with the department head's approval") if extended else None,
                     unit="working_days")


_PAY_KINDS = frozenset({"pay_wages", "pay_minimum_wage_difference", "pay_economic_compensation"})


def current_order(matter):
    """The latest order to rectify or pay, or None."""
    return last_event(matter, "order_rectification")


def order_complied(matter):
    """The latest order was complied with."""
    latest = last_event(matter, "order_complied", "order_rectification")
    return latest is not None and latest.event == "order_complied"


def order_overdue(matter, today):
    """The order's date has passed and it was not complied with."""
    order = current_order(matter)
    if order is None or order_complied(matter):
        return False
    return today > dt.date.fromisoformat(order.data["due_on"])


def order_deadline(matter, today=None):
    """The date the order set (条例第十八条第一款第（二）项; for pay, 第二十六条: after it, compensation
    of 50% to 100% may be ordered). The length is the inspector's, not the law's."""
    order = current_order(matter)
    if order is None:
        return None
    due = dt.date.fromisoformat(order.data["due_on"])
    kind = order.data["kind"]
    basis = f"{REGULATION}第二十六条" if kind in _PAY_KINDS else f"{REGULATION}第十八条第一款第（二）项"
    note = ("期限由责令文书确定" + ("；逾期不支付的，可以责令按应付金额50%以上1倍以下加付赔偿金" if kind in _PAY_KINDS else ""),
            "the date is the one the order set" + ("; unpaid after it, compensation of 50% to 100% of the amount due "
                                                   "may be ordered" if kind in _PAY_KINDS else ""))
    return _deadline("order_due", order.on, (due - order.on).days, basis, note, due=due)


def pending_transfer_proposal(matter):
    """The transfer report awaiting the head's decision, or None."""
    record = last_event(matter, "propose_transfer", "approve_transfer", "refuse_transfer")
    return record if record is not None and record.event == "propose_transfer" else None


def transfer_decision_deadline(matter, today=None):
    """The head decides within 3 days of receiving the report; once approved the case goes to the
    police within 24 hours (移送规定第五条第二款)."""
    proposal = pending_transfer_proposal(matter)
    if proposal is None:
        return None
    return _deadline("transfer_decision", proposal.on, TRANSFER_DECISION_DAYS, f"{TRANSFER_RULES}第五条第二款",
                     ("批准移送的，应当在24小时内向同级公安机关移送；不批准的，将理由记录在案",
                      "once approved, the case goes to the police at the same level within 24 hours; a refusal is "
                      "recorded with its reasons"), _CALENDAR_DAYS)


def police_review_deadline(matter, today=None):
    """The police examine a transferred case within 3 days of accepting it (移送规定第八条)."""
    approved = last_event(matter, "approve_transfer")
    if approved is None:
        return None
    return _deadline("police_review", approved.on, POLICE_REVIEW_DAYS, f"{TRANSFER_RULES}第八条",
                     ("自公安机关接受移送之日起算，此处按批准移送之日推算",
                      "runs from the police's acceptance of the case; estimated here from the day the transfer was "
                      "approved"), _CALENDAR_DAYS)


def reconsideration_deadline(matter, today=None):
    """3 days from receiving the police's notice of not opening a case to ask them to reconsider,
    or to propose that the procuratorate supervise (移送规定第九条第一款)."""
    latest = last_event(matter, "police_declined", "request_police_review")
    if latest is None or latest.event == "request_police_review":
        return None
    declined = latest
    return _deadline("police_reconsideration", _day(declined, "notice_received_on"), RECONSIDERATION_DAYS,
                     f"{TRANSFER_RULES}第九条第一款",
                     ("也可以建议人民检察院依法进行立案监督", "or propose that the procuratorate supervise"), _CALENDAR_DAYS)


def materials_handover_deadline(matter, today=None):
    """3 days from receiving the police's notice of opening a case to hand over the materials
    (移送规定第十二条)."""
    opened = last_event(matter, "police_opened_case")
    if opened is None:
        return None
    return _deadline("materials_handover", _day(opened, "notice_received_on"), MATERIALS_HANDOVER_DAYS,
                     f"{TRANSFER_RULES}第十二条", _CALENDAR_DAYS)


_RUNNING = {
    "received": (acceptance_deadline, violation_limit_deadline),
    "investigating": (investigation_deadline,),
    "ordered": (order_deadline, transfer_decision_deadline),
    "penalised": (transfer_decision_deadline,),
    "transferred": (police_review_deadline,),
    "police_declined": (reconsideration_deadline,),
    "criminal_case": (materials_handover_deadline,),
}


def deadlines(matter, *, today):
    """The periods running now for the matter, overdue ones included."""
    running = (clock(matter, today) for clock in _RUNNING.get(matter.state, ()))
    return [d for d in running if d is not None]


# ---------------------------------------------------------------------------------------------
# Refusal to pay wages (拒不支付劳动报酬罪): the elements the inspectorate can see.

@dataclass(frozen=True)
class RefusalToPayAssessment:
    """Whether the facts on file reach 刑法第二百七十六条之一 as 法释〔2013〕3号 reads it.

    `amount_large` is True, False, or None when it depends on the province's figure, which was
    not given. `ordered_unpaid`: an order to pay (限期整改指令书 or 行政处理决定书) was ignored past
    its date (第四条). The inspector still judges the evasion or the ability to pay (第二条).
    """

    amount_large: bool | None
    ordered_unpaid: bool
    reasons: tuple = ()
    missing: tuple = ()

    @property
    def suspected(self):
        return self.amount_large is True and self.ordered_unpaid

    def as_data(self):
        return {"amount_large": self.amount_large, "ordered_unpaid": self.ordered_unpaid,
                "suspected": self.suspected, "reasons": list(self.reasons), "missing": list(self.missing)}


def _threshold(value, bounds, field_name):
    if value is None:
        return None
    amount = Decimal(fields.amount(value, field_name))
    if not bounds[0] <= amount <= bounds[1]:
        raise GuardRefused(f"地方数额标准须在 {bounds[0]} 元至 {bounds[1]} 元之间（法释〔2013〕3号第三条第二款）",
                           f"The provincial figure must be between {bounds[0]} and {bounds[1]} yuan "
                           "(Interpretation Art. 3(2))", field=field_name)
    return amount


def _test_amount(amount, bounds, local):
    """True / False / None (undetermined) for one limb of 第三条第一款."""
    if local is not None:
        return amount >= local
    if amount >= bounds[1]:
        return True
    if amount < bounds[0]:
        return False
    return None


def assess_refusal_to_pay(workers, *, ordered_unpaid, single_threshold=None, group_threshold=None):
    """Test the amounts against 法释〔2013〕3号第三条 and the order against 第四条.

    `workers`: one mapping per worker owed pay, {"amount": yuan, "months": months unpaid}.
    (1) one worker owed three months or more and an amount at or above the provincial figure,
    which lies between 5,000 and 20,000 yuan; (2) ten workers or more owed a total at or above the
    provincial figure, between 30,000 and 100,000 yuan. Without the province's figure a limb is
    met only at the top of the range and fails only below its bottom.
    """
    single = _threshold(single_threshold, SINGLE_WORKER_RANGE, "single_threshold")
    group = _threshold(group_threshold, GROUP_RANGE, "group_threshold")
    owed = [(Decimal(fields.amount(w["amount"], "amount")), int(w.get("months") or 0)) for w in workers]
    reasons, missing = [], []
    single_tests = [_test_amount(amount, SINGLE_WORKER_RANGE, single) for amount, months in owed
                    if months >= SINGLE_WORKER_MONTHS]
    total = sum((amount for amount, _ in owed), Decimal("0"))
    group_test = _test_amount(total, GROUP_RANGE, group) if len(owed) >= GROUP_WORKERS else False
    if True in single_tests:
        reasons.append("拒不支付一名劳动者三个月以上的劳动报酬且达到数额标准（法释〔2013〕3号第三条第一款第（一）项）")
    if group_test is True:
        reasons.append(f"拒不支付{len(owed)}名劳动者的劳动报酬，累计 {total} 元，达到数额标准（第三条第一款第（二）项）")
    if reasons:
        large = True
    elif None in single_tests or group_test is None:
        large = None
        missing.append("数额在法释〔2013〕3号第三条的幅度之内，请填写本省（自治区、直辖市）高级人民法院确定的数额标准")
    else:
        large = False
    if not ordered_unpaid:
        missing.append("须经劳动保障行政部门以限期整改指令书或行政处理决定书责令支付，逾期仍不支付（第四条）")
    return RefusalToPayAssessment(large, bool(ordered_unpaid), tuple(reasons), tuple(missing))


def _owed_workers(matter):
    order = current_order(matter)
    return list(order.data.get("owed", ())) if order is not None else []


# ---------------------------------------------------------------------------------------------
# Guards: preconditions on the matter and the date, normalisers of the event's data.

DECLINE_REASONS = MappingProxyType({
    "time_barred": "违法行为已超过二年（条例第二十条；若干规定第十八条第一款第（一）项、第二款）",
    "outside_remit": "不属于劳动保障监察职权范围，已告知投诉人（若干规定第十八条第四款）",
    "other_department": "属于其他劳动保障行政部门管辖，已告知向有管辖权的部门提出（若干规定第十八条第四款；条例第十三条）",
    "dispute_procedure": "应当或者已经通过劳动争议处理程序解决，已告知按劳动争议处理或诉讼程序办理（条例第二十一条第二款）",
    "no_grounds": "经核查未发现需要调查处理的违法行为（举报，条例第十四条第二款）",
})
DECLINE_REASONS_EN = MappingProxyType({
    "time_barred": "The violation is more than two years old (Regulation Art. 20; Provisions Art. 18(1)(1) and (2))",
    "outside_remit": "Outside the remit of labour inspection; the complainant was told (Provisions Art. 18(4))",
    "other_department": "For another labour administration; the complainant was told where to file "
                        "(Provisions Art. 18(4); Regulation Art. 13)",
    "dispute_procedure": "To be, or already being, settled by the labour-dispute procedure; the complainant was "
                         "told (Regulation Art. 21(2))",
    "no_grounds": "On checking, no violation calling for investigation was found (a report; Regulation Art. 14(2))",
})

ORDER_KINDS = MappingProxyType({
    "pay_wages": f"{REGULATION}第二十六条第（一）项（克扣或者无故拖欠工资报酬）",
    "pay_minimum_wage_difference": f"{REGULATION}第二十六条第（二）项（低于当地最低工资标准的差额）",
    "pay_economic_compensation": f"{REGULATION}第二十六条第（三）项（解除劳动合同的经济补偿）",
    "sign_contract": f"{REGULATION}第二十四条（不依法订立劳动合同）",
    "working_time": f"{REGULATION}第二十五条（违法延长工作时间，限期改正）",
    "rectify": f"{REGULATION}第十八条第一款第（二）项（责令改正）",
})
ORDER_KINDS_EN = MappingProxyType({
    "pay_wages": "Regulation Art. 26(1) (wages deducted or withheld without cause)",
    "pay_minimum_wage_difference": "Regulation Art. 26(2) (the shortfall below the local minimum wage)",
    "pay_economic_compensation": "Regulation Art. 26(3) (severance on ending the labour contract)",
    "sign_contract": "Regulation Art. 24 (no labour contract concluded as the law requires)",
    "working_time": "Regulation Art. 25 (unlawfully extended working hours: rectify by a date)",
    "rectify": "Regulation Art. 18(1)(2) (order to rectify)",
})
# 法释〔2013〕3号第四条 names the two instruments by which an order to pay is given.
ORDER_INSTRUMENTS = labels_table((
    ("rectification_order", "限期整改指令书", "Order to rectify by a date"),
    ("handling_decision", "行政处理决定书", "Administrative handling decision"),
))
# 条例第三十条第一款: items (1) to (3) carry a fine of 2,000 to 20,000 yuan, item (4) an order only.
ART30_GROUNDS = labels_table((
    ("obstruction", "无理抗拒、阻挠实施劳动保障监察", "Obstructing the inspection"),
    ("false_materials", "不按要求报送书面材料、隐瞒事实、出具伪证或者隐匿毁灭证据", "Withholding or falsifying evidence"),
    ("ignored_order", "经责令改正拒不改正或者拒不履行行政处理决定", "Ignoring an order or a handling decision"),
    ("retaliation", "打击报复举报人、投诉人", "Retaliating against a reporter or complainant"),
))
TRANSFER_METHODS = labels_table((
    ("evasion", "以转移财产、逃匿等方法逃避支付", "Evading payment by moving assets or absconding"),
    ("able_but_refuses", "有能力支付而不支付", "Able to pay but not paying"),
))


def _refuse(zh, en, field_name=None):
    raise GuardRefused(zh, en, field=field_name)


def _statement_heard(matter):
    """条例第十九条; 行政处罚法第四十四条、第四十五条: the employer is heard before the decision."""
    opened = last_event(matter, "open_case")
    return any(r.event == "hear_statement" for r in events_since(matter, opened))


def _pre_open_case(matter, today):
    """条例第二十条 binds reports as well as complaints: past two years, no investigation."""
    if _matter_time_barred(matter):
        notice = "，并书面通知投诉人（若干规定第十八条）" if matter.channel == "complaint" else ""
        return GuardRefused(f"违法行为已超过二年，劳动保障行政部门不再查处（条例第二十条），应当不予受理{notice}",
                            "The violation is more than two years old and is no longer investigated (Art. 20); "
                            "decline it")
    return None


def _pre_extend(matter, today):
    if investigation_extended(matter):
        return GuardRefused("调查期限只能延长一次（条例第十七条）", "The investigation can be extended once (Art. 17)")
    deadline = investigation_deadline(matter, today)
    if deadline is not None and today > deadline.due:
        return GuardRefused(f"调查期限已于 {deadline.due.isoformat()} 届满，不能再延长（条例第十七条）",
                            "The investigation period has already ended; it cannot be extended (Art. 17)")
    return None


def _pre_pay_order_overdue(matter, today):
    order = current_order(matter)
    if order is None or order.data["kind"] not in _PAY_KINDS:
        return GuardRefused("仅在责令限期支付工资报酬、最低工资差额或经济补偿后适用（条例第二十六条）",
                            "Only after an order to pay wages, a minimum-wage shortfall or severance (Art. 26)")
    if not order_overdue(matter, today):
        return GuardRefused(f"支付期限（至 {order.data['due_on']}）尚未届满（条例第二十六条）",
                            "The date to pay has not passed (Art. 26)")
    return None


def _pre_unpaid_pay_order(matter, today):
    order = current_order(matter)
    if order is None or order.data["kind"] not in _PAY_KINDS:
        return GuardRefused("移送以经责令支付仍不支付为前提（刑法第二百七十六条之一；法释〔2013〕3号第四条）",
                            "Transfer needs an order to pay that was ignored (Criminal Law Art. 276-1; "
                            "Interpretation Art. 4)")
    if not order_overdue(matter, today):
        return GuardRefused(f"责令支付的期限（至 {order.data['due_on']}）尚未届满（法释〔2013〕3号第四条）",
                            "The date in the order to pay has not passed (Interpretation Art. 4)")
    if pending_transfer_proposal(matter) is not None:
        return GuardRefused("已有待审批的移送报告", "A transfer report is already awaiting the head's decision")
    if last_event(matter, "approve_transfer") is not None:
        return GuardRefused("本案已移送公安机关", "The case has already been transferred")
    return None


def _pre_pending_proposal(matter, today):
    if pending_transfer_proposal(matter) is None:
        return GuardRefused("没有待审批的移送报告（移送规定第五条）", "No transfer report awaits a decision")
    return None


def _pre_review(matter, today):
    if last_event(matter, "request_police_review", "police_declined").event == "request_police_review":
        return GuardRefused("已提请复议", "Reconsideration has already been asked for")
    return None


PRECONDITIONS = MappingProxyType({
    "open_case": (_pre_open_case,),
    "extend_investigation": (_pre_extend,),
    "order_compensation": (_pre_pay_order_overdue,),
    "propose_transfer": (_pre_unpaid_pay_order,),
    "approve_transfer": (_pre_pending_proposal,),
    "refuse_transfer": (_pre_pending_proposal,),
    "request_police_review": (_pre_review,),
})


def precondition_refusal(matter, event, today):
    for check in PRECONDITIONS.get(event, ()):
        refusal = check(matter, today)
        if refusal is not None:
            return refusal
    return None


def _reason(data, zh, en):
    return fields.text(data.get("reason"), "reason", missing_zh=zh, missing_en=en)


def _norm_request_correction(matter, actor, data, today):
    if matter.channel != "complaint":
        _refuse("补正仅适用于投诉", "Only a complaint is completed by the complainant", "missing")
    return {"missing": fields.text(data.get("missing"), "missing", missing_zh="请写明需要补正的内容（若干规定第十八条第三款）",
                                   missing_en="Say what the complainant must add")}


def _norm_decline(matter, actor, data, today):
    reason = fields.choice(data.get("reason"), "reason", DECLINE_REASONS, missing_zh="请选择不予受理的理由",
                           missing_en="Choose why the matter is declined")
    if reason == "time_barred" and _matter_time_barred(matter) is False:
        _refuse("按记录的违法行为日期，投诉（举报）在二年之内，不能以超过时限为由不予受理（条例第二十条）",
                "By the dates on file the matter is within the two years (Art. 20)", "reason")
    if reason == "no_grounds" and matter.channel == "complaint":
        _refuse("投诉符合受理条件的应当受理；不予受理的理由须为若干规定第十八条所列情形或条例第二十一条第二款",
                "A complaint is declined only on the grounds of Provisions Art. 18 or Art. 21(2)", "reason")
    result = {"reason": reason, "basis": DECLINE_REASONS[reason], "written_notice": matter.channel == "complaint"}
    if reason == "other_department":
        result["department"] = fields.text(data.get("department"), "department", missing_zh="请写明有管辖权的部门",
                                           missing_en="Name the competent department")
    note = fields.optional_text(data.get("note"), "note")
    return {**result, **({"note": note} if note else {})}


def _norm_open_case(matter, actor, data, today):
    chosen = data.get("inspector_id")
    inspector = fields.user_id(chosen, "inspector_id") if chosen is not None else actor.user_id
    if inspector is None:
        _refuse("请指定承办监察员", "Name the inspector who will handle the matter", "inspector_id")
    result = {"inspector_id": inspector}
    if matter.channel == "complaint":
        result["accepted_within"] = working_days_between(matter.received_on, today) <= ACCEPTANCE_WORKING_DAYS
    return result


def _norm_extend(matter, actor, data, today):
    return {"reason": _reason(data, "请写明案情复杂、需要延长的理由（条例第十七条）", "Say why the case is complex"),
            "approved_by": actor.user_id}


def _norm_statement(matter, actor, data, today):
    return {"summary": fields.text(data.get("summary"), "summary", missing_zh="请记录用人单位的陈述、申辩或其放弃陈述申辩",
                                   missing_en="Record the employer's statement, or that it declined to make one"),
            "notified_on": fields.date(data.get("notified_on") or today, "notified_on")}


def _owed_list(value):
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        _refuse("欠付明细格式不正确", "The list of sums owed is malformed", "owed")
    owed = []
    for item in value:
        if not isinstance(item, Mapping):
            _refuse("欠付明细格式不正确", "The list of sums owed is malformed", "owed")
        months = item.get("months", 0)
        if isinstance(months, bool) or not isinstance(months, int) or months < 0:
            _refuse("欠付月数须为非负整数", "Months unpaid must be a whole number", "owed")
        owed.append({"worker": str(item.get("worker", "")), "amount": fields.amount(item.get("amount"), "owed"),
                     "months": months})
    return owed


def _norm_order(matter, actor, data, today):
    kind = fields.choice(data.get("kind"), "kind", ORDER_KINDS, missing_zh="请选择责令事项",
                         missing_en="Choose what the employer is ordered to do")
    instrument = fields.choice(data.get("instrument"), "instrument", ORDER_INSTRUMENTS,
                               missing_zh="请选择责令文书（限期整改指令书或行政处理决定书）",
                               missing_en="Choose the instrument of the order")
    if instrument == "handling_decision" and not _statement_heard(matter):
        _refuse("作出行政处理决定前，应当听取用人单位的陈述、申辩（条例第十九条）",
                "Hear the employer before an administrative handling decision (Art. 19)", "instrument")
    due_on = fields.date(data.get("due_on"), "due_on")
    if dt.date.fromisoformat(due_on) <= today:
        _refuse("改正（支付）期限须在今天之后", "The date to comply must be after today", "due_on")
    result = {"kind": kind, "instrument": instrument, "due_on": due_on, "basis": ORDER_KINDS[kind]}
    if kind in _PAY_KINDS:
        owed = _owed_list(data.get("owed"))
        if not owed:
            _refuse("责令支付须列明每名劳动者的欠付金额（条例第二十六条）",
                    "An order to pay lists the sum owed to each worker (Art. 26)", "owed")
        result["owed"] = owed
        result["amount"] = format(sum(Decimal(o["amount"]) for o in owed), "f")
    return result


def _norm_complied(matter, actor, data, today):
    on = fields.date(data.get("on") or today, "on")
    if dt.date.fromisoformat(on) > today:
        _refuse("履行日期不能晚于今天", "The day of compliance cannot be in the future", "on")
    result = {"on": on, "late": dt.date.fromisoformat(on) > dt.date.fromisoformat(current_order(matter).data["due_on"])}
    if data.get("paid") not in (None, ""):
        result["paid"] = fields.amount(data["paid"], "paid")
    return result


def _norm_compensation(matter, actor, data, today):
    try:
        rate = Decimal(str(data.get("rate")).strip())
    except ArithmeticError:
        rate = None
    if rate is None or not rate.is_finite() or not COMPENSATION_RATE_RANGE[0] <= rate <= COMPENSATION_RATE_RANGE[1]:
        _refuse("加付赔偿金按应付金额50%以上1倍以下计算（条例第二十六条）",
                "Compensation is 50% to 100% of the sum owed (Art. 26)", "rate")
    owed = Decimal(current_order(matter).data["amount"])
    return {"rate": format(rate, "f"), "owed": format(owed, "f"),
            "compensation": format((owed * rate).quantize(fields.CENT), "f"), "basis": f"{REGULATION}第二十六条"}


def _norm_penalty(matter, actor, data, today):
    if not _statement_heard(matter):
        _refuse("作出行政处罚决定前，应当告知拟处罚内容并听取用人单位的陈述、申辩（条例第十九条；行政处罚法第四十四条、第四十五条）",
                "Tell the employer of the intended penalty and hear it first (Art. 19; Administrative Penalty Law "
                "Art. 44, 45)", "statement")
    basis = fields.choice(data.get("basis"), "basis", PENALTY_BASES, missing_zh="请选择处罚依据",
                          missing_en="Choose the article the penalty rests on")
    fine = fields.amount(data["fine"], "fine", allow_zero=True) if data.get("fine") not in (None, "") else None
    result = {"basis": basis, "article": PENALTY_BASES[basis]}
    if basis in PENALTY_RANGES and fine is not None:
        low, high, per_worker = PENALTY_RANGES[basis]
        workers = 1
        if per_worker:
            workers = data.get("workers")
            if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
                _refuse("按受侵害的劳动者人数计算罚款，请填写人数", "Give the number of workers affected", "workers")
            result["workers"] = workers
        if not low * workers <= Decimal(fine) <= high * workers:
            _refuse(f"罚款应在 {low * workers} 元至 {high * workers} 元之间（{PENALTY_BASES[basis]}）",
                    f"The fine must be between {low * workers} and {high * workers} yuan", "fine")
    if basis == "art30":
        ground = fields.choice(data.get("ground"), "ground", ART30_GROUNDS, missing_zh="请选择第三十条第一款所列的行为",
                               missing_en="Choose the conduct under Art. 30(1)")
        if ground == "retaliation" and fine is not None:
            _refuse("打击报复举报人、投诉人的，由劳动保障行政部门责令改正，第三十条未规定罚款",
                    "Art. 30 sets no fine for retaliation, only an order to rectify", "fine")
        if ground == "ignored_order" and not order_overdue(matter, today):
            _refuse("尚无逾期未改正的责令改正文书（条例第三十条第一款第（三）项）",
                    "No order to rectify has been ignored past its date (Art. 30(1)(3))", "ground")
        result["ground"] = ground
    if fine is not None:
        result["fine"] = fine
    return result


def _norm_cancel(matter, actor, data, today):
    if not (fields.flag(data.get("minor"), "minor") and fields.flag(data.get("corrected"), "corrected")):
        _refuse("撤销立案限于情节轻微且已改正的（条例第十八条第一款第（三）项）",
                "A case is withdrawn only when the violation is minor and already corrected (Art. 18(1)(3))", "minor")
    return {"minor": True, "corrected": True, "reason": _reason(data, "请写明撤销立案的理由", "Give the reason")}


def _norm_propose_transfer(matter, actor, data, today):
    officers = data.get("officer_ids") or []
    ids = {fields.user_id(i, "officer_ids") for i in officers} if isinstance(officers, list) else set()
    if len(ids) < 2:
        _refuse("移送报告由2名以上行政执法人员组成的专案组提出（移送规定第五条第一款）",
                "The transfer report is made by at least two officers (Transfer Rules Art. 5(1))", "officer_ids")
    method = fields.choice(data.get("method"), "method", TRANSFER_METHODS,
                           missing_zh="请选择逃避支付的方式或有能力支付而不支付（刑法第二百七十六条之一第一款）",
                           missing_en="Choose how the employer avoids paying (Criminal Law Art. 276-1(1))")
    assessment = assess_refusal_to_pay(_owed_workers(matter), ordered_unpaid=True,
                                       single_threshold=data.get("single_threshold"),
                                       group_threshold=data.get("group_threshold"))
    if not assessment.suspected:
        _refuse("尚未达到拒不支付劳动报酬罪的数额标准：" + "；".join(assessment.missing or ("数额未达标准",)),
                "The sums do not reach the threshold of the Interpretation (Art. 3)", "single_threshold")
    report = fields.text(data.get("report"), "report", missing_zh="请填写涉嫌犯罪案件情况的调查报告摘要（移送规定第六条）",
                         missing_en="Summarise the investigation report (Transfer Rules Art. 6)", limit=5000)
    result = {"officer_ids": sorted(ids), "method": method, "assessment": assessment.as_data(), "report": report}
    for key in ("single_threshold", "group_threshold"):
        if data.get(key) not in (None, ""):
            result[key] = fields.amount(data[key], key)
            result["threshold_source"] = fields.text(data.get("threshold_source"), "threshold_source",
                                                     missing_zh="请写明本地数额标准的文件名称和文号",
                                                     missing_en="Name the provincial document with the figure")
    return result


def _norm_approve_transfer(matter, actor, data, today):
    proposal = pending_transfer_proposal(matter)
    police = fields.text(data.get("police"), "police", missing_zh="请填写接受移送的同级公安机关",
                         missing_en="Name the police authority receiving the case")
    return {"police": police, "approved_by": actor.user_id, "proposal_on": proposal.on.isoformat(),
            "decided_in_time": today <= add_period(proposal.on, TRANSFER_DECISION_DAYS, "days")}


def _norm_refuse_transfer(matter, actor, data, today):
    return {"reason": _reason(data, "不批准移送的，应当将理由记录在案（移送规定第五条第二款）",
                              "Record why the transfer is refused (Transfer Rules Art. 5(2))"),
            "decided_by": actor.user_id}


def _notice_received(data, today):
    on = fields.date(data.get("notice_received_on") or today, "notice_received_on")
    if dt.date.fromisoformat(on) > today:
        _refuse("收到通知的日期不能晚于今天", "The notice cannot be received in the future", "notice_received_on")
    return on


def _norm_police_opened(matter, actor, data, today):
    return {"notice_received_on": _notice_received(data, today)}


def _norm_police_declined(matter, actor, data, today):
    return {"notice_received_on": _notice_received(data, today),
            "reason": _reason(data, "请记录公安机关不予立案的理由（移送规定第八条）", "Record the police's reason")}


def _norm_review(matter, actor, data, today):
    deadline = reconsideration_deadline(matter, today)
    if deadline is not None and today > deadline.due:
        _refuse(f"提请复议的期限已于 {deadline.due.isoformat()} 届满（移送规定第九条第一款）",
                "The time to ask for reconsideration has passed (Transfer Rules Art. 9(1))")
    target = fields.choice(data.get("to") or "police", "to", ("police", "procuratorate"),
                           missing_zh="请选择提请公安机关复议或建议检察院立案监督", missing_en="Choose police or procuratorate")
    return {"to": target}


def _norm_close(matter, actor, data, today):
    note = fields.optional_text(data.get("note"), "note")
    return {"outcome": matter.state, **({"note": note} if note else {})}


def _norm_none(matter, actor, data, today):
    return {}


NORMALISERS = MappingProxyType({
    "request_correction": _norm_request_correction,
    "decline": _norm_decline,
    "open_case": _norm_open_case,
    "extend_investigation": _norm_extend,
    "hear_statement": _norm_statement,
    "order_rectification": _norm_order,
    "order_complied": _norm_complied,
    "order_compensation": _norm_compensation,
    "impose_penalty": _norm_penalty,
    "cancel_case": _norm_cancel,
    "propose_transfer": _norm_propose_transfer,
    "approve_transfer": _norm_approve_transfer,
    "refuse_transfer": _norm_refuse_transfer,
    "police_opened_case": _norm_police_opened,
    "police_declined": _norm_police_declined,
    "request_police_review": _norm_review,
    "close": _norm_close,
})


# ---------------------------------------------------------------------------------------------
# The one entry point.

@dataclass(frozen=True)
class InspectionTransition:
    """What one fired event did; `data` is the normalised, JSON-serialisable event data."""

    event: str
    from_state: str
    to_state: str
    data: dict = field(default_factory=dict)


def allowed_events(matter, actor, *, today):
    """The events `actor` may fire now (state, role and date guards pass; data guards assumed met)."""
    return [event for event in EVENTS
            if matter.state in _SOURCES[event]
            and permission_refusal(matter, actor, event) is None
            and precondition_refusal(matter, event, today) is None]


def fire(matter, event, actor, data=None, *, today):
    """Apply one event to the matter and return the InspectionTransition.

    Raises UnknownEvent, EventNotAllowed (not from this state), NotPermitted or GuardRefused; the
    matter is unchanged when it raises. The app appends the history record (event, today, data).
    """
    if event not in _SOURCES:
        raise UnknownEvent(event)
    if matter.state not in _SOURCES[event]:
        raise EventNotAllowed(event, matter.state, allowed_events(matter, actor, today=today))
    refusal = permission_refusal(matter, actor, event) or precondition_refusal(matter, event, today)
    if refusal is not None:
        raise refusal
    if data is not None and not isinstance(data, Mapping):
        raise GuardRefused("事件数据格式不正确", "Event data must be an object")
    normalised = NORMALISERS.get(event, _norm_none)(matter, actor, dict(data or {}), today)
    from_state = matter.state
    if event == "open_case":
        matter.inspector_id = normalised["inspector_id"]
    matter.state = _TARGETS[event] or from_state
    return InspectionTransition(event, from_state, matter.state, normalised)


# ---------------------------------------------------------------------------------------------
# The link to a dispute: a worker files once and chooses dispute, complaint or both.

FILING_CHOICES = labels_table((
    ("dispute", "劳动争议调解仲裁", "Labour dispute (mediation, arbitration)"),
    ("complaint", "劳动保障监察投诉", "Complaint to the labour inspectorate"),
    ("both", "同时申请调解仲裁并投诉", "Both"),
))
LINK_ORIGINS = ("filed_together", "linked_later")

# Claim kinds (glossary.CLAIMS) the inspectorate acts on, with the article. Others are for the
# dispute procedure (条例第二十一条第二款) or another authority.
COMPLAINT_REMIT = MappingProxyType({
    "wage_arrears": f"{REGULATION}第十一条第（六）项、第二十六条第（一）项；{ARBITRATION_LAW}第九条",
    "overtime": f"{REGULATION}第十一条第（五）项、第二十五条（违法延长工作时间）；第二十六条第（一）项（加班工资）",
    "holiday_pay": f"{REGULATION}第十一条第（六）项、第二十六条第（一）项",
    "illegal_deduction": f"{REGULATION}第二十六条第（一）项（克扣工资）",
    "minimum_wage_shortfall": f"{REGULATION}第十一条第（六）项、第二十六条第（二）项",
    "economic_compensation": f"{REGULATION}第二十六条第（三）项；{ARBITRATION_LAW}第九条",
    "social_insurance": f"{REGULATION}第十一条第（七）项",
    "double_wages_no_contract": f"{REGULATION}第十一条第（二）项、第二十四条（仅责令订立合同；二倍工资差额通过争议程序主张）",
    "work_injury": f"{ARBITRATION_LAW}第九条（拖欠工伤医疗费）",
    "medical_expenses": f"{ARBITRATION_LAW}第九条（拖欠工伤医疗费）",
    "unlawful_termination_compensation": f"{ARBITRATION_LAW}第九条（拖欠赔偿金）",
})


def filing_plan(choice, claim_kinds, *, relationship_confirmed=True):
    """What one filing opens and the notes the worker sees, as data the app stores with the filing.

    Unpaid pay may go to the inspectorate beside mediation and arbitration (劳动争议调解仲裁法第九条;
    保障农民工工资支付条例第十条). Matters that belong to, or are already in, the dispute procedure
    may be sent back to it by the inspectorate (条例第二十一条第二款).
    """
    if choice not in FILING_CHOICES:
        raise GuardRefused("请选择申请调解仲裁、投诉或两者", "Choose dispute, complaint or both", field="choice")
    kinds = list(dict.fromkeys(claim_kinds))
    in_remit = [k for k in kinds if k in COMPLAINT_REMIT]
    elsewhere = [k for k in kinds if k not in COMPLAINT_REMIT]
    complaint = choice in ("complaint", "both")
    notes = []
    if complaint and not in_remit:
        notes.append("所选请求均不在条例第十一条所列监察事项之内，监察机构可能告知按劳动争议处理程序办理"
                     "（条例第二十一条第二款），建议同时申请调解仲裁")
    elif complaint and elsewhere:
        notes.append("以下请求不属于监察事项，只在争议程序中处理：" + "、".join(elsewhere) + "（条例第二十一条第二款）")
    if choice == "both":
        notes.append("同一事项已申请调解、仲裁的，监察机构可能告知按争议程序办理（条例第二十一条第二款）；"
                     "拖欠劳动报酬等事项劳动者可以投诉（劳动争议调解仲裁法第九条）")
        # 第二十七条第二款: the period is interrupted when a party asks "有关部门" for relief; a
        # complaint to the inspectorate may be such a request, which the arbitrator decides.
        notes.append("向劳动保障监察机构投诉，可能构成向有关部门请求权利救济，仲裁时效因此中断（劳动争议调解仲裁法"
                     "第二十七条第二款，由仲裁机构认定）；投诉不代替仲裁，争议请求仍须在时效内申请仲裁")
    if complaint and not relationship_confirmed:
        notes.append("劳动关系尚未确认的，投诉以用人单位侵犯劳动者权益为前提（条例第二条、第九条第二款），"
                     "监察机构可能告知先通过争议程序确认")
    return {"choice": choice, "opens_dispute": choice in ("dispute", "both"), "opens_complaint": complaint,
            "complaint_kinds": in_remit if complaint else [], "dispute_kinds": kinds if choice != "complaint" else [],
            "notes": notes}


def link_record(dispute_id, inspection_id, *, choice, linked_on, origin="filed_together"):
    """One row linking a dispute and an inspection matter; the app reads it from either side."""
    if choice not in FILING_CHOICES or origin not in LINK_ORIGINS:
        raise GuardRefused("关联记录不正确", "Invalid link", field="choice")
    for value, name in ((dispute_id, "dispute_id"), (inspection_id, "inspection_id")):
        fields.user_id(value, name)
    return {"dispute_id": dispute_id, "inspection_id": inspection_id, "choice": choice,
            "origin": origin, "linked_on": fields.date(linked_on, "linked_on")}


# ---------------------------------------------------------------------------------------------
# Wage-arrears clues (欠薪线索): complaints, disputes and alerts for one employer, chain or site.

SIGNAL_SOURCES = ("complaint", "report", "dispute", "alert")
SIGNAL_STATUSES = ("new", "in_progress", "resolved", "dismissed")
CLUE_STATUSES = labels_table((
    ("new", "待处置", "New"),
    ("in_progress", "处置中", "Being acted on"),
    ("escalated", "已升级督办", "Escalated"),
    ("resolved", "已办结", "Resolved"),
))
# Policy (no text sets a period for acting on a clue): 5 working days, the figure the 若干规定 gives
# for deciding on a complaint, then to the head of the inspectorate; 5 more and to the department
# one level up, which may take over a case of the lower one (条例第十三条第二款).
ESCALATION_WORKING_DAYS = (5, 10)
ESCALATION_BASIS = (f"{POLICY}：{ESCALATION_WORKING_DAYS[0]}个工作日未处置的报本级负责人，{ESCALATION_WORKING_DAYS[1]}个工作日"
                    f"未处置的报上一级劳动保障行政部门（参照{PROVISIONS}第十八条的受理期限；上级部门可以调查处理下级管辖的案件，"
                    f"{REGULATION}第十三条第二款）")
AGE_BUCKETS = ((5, "0-5"), (20, "6-20"), (60, "21-60"), (None, "60+"))  # working days; policy
COLLECTIVE_WORKERS = 10  # the glossary's collective threshold (劳动争议调解仲裁法第七条); here a flag only

_CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalise_credit_code(value):
    """A unified social credit code (统一社会信用代码) in upper case, or None if it does not look like one.

    Only the shape is checked (18 characters of the code's alphabet); the check digit is not.
    """
    if not value or not isinstance(value, str):
        return None
    code = unicodedata.normalize("NFKC", value).strip().upper().replace(" ", "")
    return code if _CREDIT_CODE.match(code) else None


_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "［": "(", "］": ")"})


def normalise_name(value):
    """An employer's, platform's or site's name for comparison: NFKC, no spaces or punctuation
    other than brackets, the same brackets, lower-case Latin letters, 有限责任公司 read as 有限公司."""
    if not value or not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).translate(_BRACKETS).casefold()
    text = "".join(ch for ch in text if ch.isalnum() or ch in "()")
    text = text.replace("有限责任公司", "有限公司")
    return text or None


@dataclass(frozen=True)
class ArrearsSignal:
    """One complaint, report, dispute or monitoring alert about unpaid wages (a plain record).

    `chain`: the cooperation chain from the platform down to the direct employer; `region`: the
    administrative division of the place of work (条例第十三条); `workers`: the identifiers of the
    workers named; `worker_count`: how many are concerned when they are not named (alerts, reports).
    """

    source: str
    ref: str
    reported_on: dt.date
    employer_code: str | None = None
    employer_name: str | None = None
    chain: tuple = ()
    site: str | None = None
    region: str | None = None
    workers: tuple = ()
    worker_count: int | None = None
    amount: Decimal | None = None
    months: int | None = None
    status: str = "new"
    acted_on: dt.date | None = None

    def __post_init__(self):
        if self.source not in SIGNAL_SOURCES:
            raise ValueError(f"source must be one of {SIGNAL_SOURCES}, not {self.source!r}")
        if self.status not in SIGNAL_STATUSES:
            raise ValueError(f"status must be one of {SIGNAL_STATUSES}, not {self.status!r}")


def signal_from_data(data):
    """An ArrearsSignal from a plain mapping (ISO dates, amounts as text or numbers)."""
    def day(key):
        value = data.get(key)
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    amount = data.get("amount")
    return ArrearsSignal(
        source=data["source"], ref=str(data["ref"]), reported_on=day("reported_on"),
        employer_code=data.get("employer_code"), employer_name=data.get("employer_name"),
        chain=tuple(data.get("chain") or ()), site=data.get("site"), region=data.get("region"),
        workers=tuple(str(w) for w in data.get("workers") or ()), worker_count=data.get("worker_count"),
        amount=Decimal(fields.amount(amount, "amount", allow_zero=True)) if amount not in (None, "") else None,
        months=data.get("months"), status=data.get("status", "new"), acted_on=day("acted_on"),
    )


def _keys(signal):
    code = normalise_credit_code(signal.employer_code)
    name = normalise_name(signal.employer_name)
    keys = [("employer", code)] if code else []
    if name:
        keys.append(("employer_name", name))
    chain = tuple(n for n in (normalise_credit_code(c) or normalise_name(c) for c in signal.chain) if n)
    if len(chain) >= 2:  # a platform alone would gather every worker on it
        keys.append(("chain", chain))
    site = normalise_name(signal.site)
    if site:
        keys.append(("site", signal.region or "", site))
    return keys


@dataclass(frozen=True)
class Escalation:
    level: int  # 0 none, 1 the inspectorate's head, 2 the department one level up
    due: dt.date
    basis: str = ESCALATION_BASIS


@dataclass(frozen=True)
class ArrearsClue:
    """Signals about one employer, chain or site gathered into one clue."""

    key: str
    refs: tuple
    sources: Mapping
    employer_codes: tuple
    employer_names: tuple
    chains: tuple
    sites: tuple
    regions: tuple
    route_to: str | None
    workers: tuple
    unnamed_workers: int
    amount: Decimal
    months: int
    status: str
    first_reported_on: dt.date
    age_working_days: int
    escalation: Escalation | None
    flags: tuple = ()

    @property
    def worker_total(self):
        return len(self.workers) + self.unnamed_workers

    def as_data(self):
        return {
            "key": self.key, "refs": list(self.refs), "sources": dict(self.sources),
            "employer_codes": list(self.employer_codes), "employer_names": list(self.employer_names),
            "chains": [list(c) for c in self.chains], "sites": list(self.sites), "regions": list(self.regions),
            "route_to": self.route_to, "workers": list(self.workers), "unnamed_workers": self.unnamed_workers,
            "worker_total": self.worker_total, "amount": format(self.amount, "f"), "months": self.months,
            "status": self.status, "first_reported_on": self.first_reported_on.isoformat(),
            "age_working_days": self.age_working_days,
            "escalation": None if self.escalation is None else {
                "level": self.escalation.level, "due": self.escalation.due.isoformat(),
                "basis": self.escalation.basis},
            "flags": list(self.flags),
        }


def _groups(signals):
    parent = list(range(len(signals)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Two signals naming the same employer join by its name only where the name cannot mean two
    # registered employers: a credit code identifies one, and two codes under one name are two.
    codes_by_name = {}
    for signal in signals:
        name, code = normalise_name(signal.employer_name), normalise_credit_code(signal.employer_code)
        if name and code:
            codes_by_name.setdefault(name, set()).add(code)
    owner = {}
    for index, signal in enumerate(signals):
        for key in _keys(signal):
            if key[0] == "employer_name" and len(codes_by_name.get(key[1], ())) > 1:
                key = ("employer_name", key[1], normalise_credit_code(signal.employer_code))
            if key in owner:
                parent[find(index)] = find(owner[key])
            else:
                owner[key] = index
    groups = {}
    for index in range(len(signals)):
        groups.setdefault(find(index), []).append(signals[index])
    return list(groups.values())


def _amounts(members):
    """Per named worker the largest sum and months claimed anywhere (the same arrears filed as a
    complaint and as a dispute count once; a signal naming several workers is shared equally),
    plus the sums of signals that name nobody."""
    per_worker, unnamed_amount, unnamed, months = {}, Decimal("0"), 0, 0
    for s in members:
        months = max(months, s.months or 0)
        if s.workers:
            share = (s.amount or Decimal("0")) / len(s.workers)
            for worker in s.workers:
                amount, worker_months = per_worker.get(worker, (Decimal("0"), 0))
                per_worker[worker] = (max(amount, share), max(worker_months, s.months or 0))
        else:
            unnamed_amount += s.amount or Decimal("0")
            unnamed = max(unnamed, s.worker_count or 0)
    total = (sum((a for a, _ in per_worker.values()), Decimal("0")) + unnamed_amount).quantize(fields.CENT)
    return per_worker, unnamed, total, months


def _open(signal):
    """Not yet acted on: new, with no day of action recorded."""
    return signal.status == "new" and signal.acted_on is None


def _escalation(members, today):
    """The policy clock on the oldest signal nobody acted on, or None when someone is on the clue."""
    if any(s.status == "in_progress" or (s.status == "new" and s.acted_on) for s in members):
        return None
    waiting = [s.reported_on for s in members if _open(s)]
    if not waiting:
        return None
    first = min(waiting)
    first_due = add_period(first, ESCALATION_WORKING_DAYS[0], "working_days")
    second_due = add_period(first, ESCALATION_WORKING_DAYS[1], "working_days")
    if today > second_due:
        return Escalation(2, second_due)
    if today > first_due:
        return Escalation(1, first_due)
    return Escalation(0, first_due)


def _clue_status(members, escalation):
    if all(s.status in ("resolved", "dismissed") for s in members):
        return "resolved"
    if escalation is None:
        return "in_progress"
    return "escalated" if escalation.level else "new"


def _route(members):
    regions = Counter(s.region for s in members if s.region)
    if not regions:
        return (), None
    ranked = sorted(regions.items(), key=lambda item: (-item[1], item[0]))
    return tuple(r for r, _ in ranked), ranked[0][0]


def _criminal_threshold_reachable(per_worker, unnamed, total):
    """The sums alone reach 法释〔2013〕3号第三条 whatever the province's figure (top of each range).

    A flag for the inspector, not a finding: the offence also needs an ignored order to pay (第四条).
    """
    single = any(months >= SINGLE_WORKER_MONTHS and amount >= SINGLE_WORKER_RANGE[1]
                 for amount, months in per_worker.values())
    return single or (len(per_worker) + unnamed >= GROUP_WORKERS and total >= GROUP_RANGE[1])


def _clue(members, today):
    members = sorted(members, key=lambda s: (s.reported_on, s.ref))
    first = members[0].reported_on
    per_worker, unnamed, total, months = _amounts(members)
    escalation = _escalation(members, today)
    regions, route_to = _route(members)
    flags = []
    if len(regions) > 1:
        flags.append("multiple_places")  # 条例第十三条第二款: the common superior designates jurisdiction
    if len(per_worker) + unnamed >= COLLECTIVE_WORKERS:
        flags.append("many_workers")
    if _criminal_threshold_reachable(per_worker, unnamed, total):
        flags.append("criminal_threshold_reachable")
    codes = tuple(sorted({c for c in (normalise_credit_code(s.employer_code) for s in members) if c}))
    names = tuple(dict.fromkeys(s.employer_name for s in members if s.employer_name))
    chains = tuple(dict.fromkeys(tuple(s.chain) for s in members if s.chain))
    sites = tuple(dict.fromkeys(s.site for s in members if s.site))
    key = (f"employer:{codes[0]}" if codes else f"name:{normalise_name(names[0])}" if names
           else f"chain:{'>'.join(chains[0])}" if chains else f"site:{sites[0]}" if sites else f"ref:{members[0].ref}")
    return ArrearsClue(
        key=key, refs=tuple(s.ref for s in members), sources=MappingProxyType(dict(Counter(s.source for s in members))),
        employer_codes=codes, employer_names=names, chains=chains, sites=sites, regions=regions, route_to=route_to,
        workers=tuple(sorted(per_worker)), unnamed_workers=unnamed, amount=total, months=months,
        status=_clue_status(members, escalation), first_reported_on=first,
        age_working_days=max(working_days_between(first, today), 0), escalation=escalation, flags=tuple(flags),
    )


def group_arrears_clues(signals, *, today):
    """Gather wage-arrears signals into clues, oldest first.

    Two signals are one clue when they share the employer (credit code, or the normalised name), a
    cooperation chain of two links or more, or a site in the same region; sharing is transitive.
    Each clue is routed to the inspectorate of the place of work (条例第十三条), most signals first;
    it is escalated when nothing was done on any of its signals in time (ESCALATION_BASIS, a policy).
    The monitoring and early warning of wage payment is 保障农民工工资支付条例第三十八条's.
    """
    signals = [s if isinstance(s, ArrearsSignal) else signal_from_data(s) for s in signals]
    clues = [_clue(members, today) for members in _groups(signals)]
    return sorted(clues, key=lambda c: (c.first_reported_on, c.key))


def clue_counts(clues):
    """For the dashboard: clues by status and by age in working days (buckets are a policy)."""
    by_status = {status: 0 for status in CLUE_STATUSES}
    by_age = {label: 0 for _, label in AGE_BUCKETS}
    for clue in clues:
        by_status[clue.status] += 1
        for limit, label in AGE_BUCKETS:
            if limit is None or clue.age_working_days <= limit:
                by_age[label] += 1
                break
    return {"by_status": by_status, "by_age": by_age}
