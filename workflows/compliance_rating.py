"""An employer's labour-security compliance rating (企业劳动保障守法诚信等级评价), as pure functions.

The inspectorate grades each enterprise A, B or C once a year on the previous year's record, tells
it the result, files it, uses the grade to plan inspections and shares it with other departments
for joint incentives and sanctions. Here: `rate(record, period)` gives the grade with its reasons;
the objection and review, the re-rating on new facts, the rating of a platform's chain member by
member, and the rows exported for joint sanctions. Nothing imports Flask or the ORM; a record is
anything that looks like `EmployerRecordLike`.

The texts (how each was checked: workflows/data/compliance_rating_sources.json):
- 办法: 《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号，2017年1月1日起施行）. ITS FULL TEXT
  WAS NOT FOUND (stored web pages, documentation, public code and the LawRefBook/Laws mirror were
  searched on 2026-12-05). Its article numbers are therefore unknown and never given. Each rule
  below says where it comes from:
  * scope, yearly rating on the previous year's record, three grades, notice, file, sharing:
    the Xinhua report of 2016-08-03 announcing the measures;
  * the A and B tests and the C situations "three or more cases", "child or forced labour",
    "mass or extreme incident caused by a violation": restated in the same words by local texts
    applying the measures (重庆、钦州、桦川);
  * "refusing an order to rectify, a processing decision or a penalty decision": 钦州 and 宁德;
  * "case transferred to the police": the 宁德 report only.
  Obstruction of inspection and criminal liability are NOT found among the C situations in any
  source; the result flags them for a person to check and they do not change the grade.
- 条例: 《劳动保障监察条例》第二十二条（守法诚信档案）、第三十条, read in full.
- 农民工条例: 《保障农民工工资支付条例》第四十七条第一款（开展守法诚信等级评价）, read in full.

Where the texts found are silent — the objection window and review period, the outcomes of a
review, re-rating on new facts, chains of companies — the choice is ours and says so ("policy").
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Protocol

from .calendar import UNKNOWN_CALENDAR_NOTE, UNKNOWN_CALENDAR_NOTE_EN, add_period, calendar_known_between, calendar_known_for
from .clocks import Deadline
from .inspection import normalise_credit_code, normalise_name
from .states import labels_table

MEASURES = "《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）"
REGULATION = "《劳动保障监察条例》"
MIGRANT_WAGES = "《保障农民工工资支付条例》"
POLICY = "本系统工作规则（所见文本未作规定）"
RULES_VERSION = "hrss-2016-1/secondary-2026-12-05"  # = "rules_version" in the sources JSON

_XINHUA = "据新华社2016年8月3日报道"
_LOCAL = "据重庆、钦州等地实施文件转述"
_REFUSAL_SOURCES = "据钦州、宁德等地转述"
_NINGDE = "仅据宁德市报道转述"


def _cite(topic, source):
    return f"{MEASURES}{topic}（原文未核实，{source}）"


BASIS_SCOPE = _cite("评价对象与周期", _XINHUA)
BASIS_A = _cite("A级标准", _LOCAL)
BASIS_B = _cite("B级标准", _LOCAL)
BASIS_C_THREE_CASES = _cite("C级：查处三次以上", _LOCAL)
BASIS_C_SEVERE = _cite("C级：童工、强迫劳动", _LOCAL)
BASIS_C_INCIDENT = _cite("C级：违法引发群体性、极端事件", _LOCAL)
BASIS_C_REFUSAL = _cite("C级：拒不履行整改指令或处理、处罚决定", _REFUSAL_SOURCES)
BASIS_C_POLICE = _cite("C级：移送公安机关", _NINGDE)
BASIS_NOTICE = _cite("告知企业并归档", _XINHUA)
BASIS_SHARING = _cite("信用信息共享与联合奖惩", _XINHUA)
BASIS_SUPERVISION = _cite("分类监管", _XINHUA) + "；具体措施为各地做法"
BASIS_FILE = f"{REGULATION}第二十二条"
BASIS_DUTY_TO_RATE = f"{MIGRANT_WAGES}第四十七条第一款"
BASIS_OBSTRUCTION = f"{REGULATION}第三十条"

# How far each rule was checked (the JSON's _readme explains each).
STATUSES = ("primary_text", "secondary_national_report", "secondary_local_consistent", "secondary_single",
            "unverified", "local_practice", "policy")

THREE_CASES = 3  # "三次以上（含三次）": restated by 重庆 and 钦州; 钦州 adds "一年内", the rating period here


@lru_cache(maxsize=1)
def sources():
    """The texts behind this module, with how each was checked (read-only)."""
    path = resources.files("workflows") / "data" / "compliance_rating_sources.json"
    data = json.loads(path.read_text(encoding="utf-8"))["sources"]
    return MappingProxyType({key: MappingProxyType(value) for key, value in data.items()})


GRADES = labels_table((("A", "A级", "Grade A"), ("B", "B级", "Grade B"), ("C", "C级", "Grade C")))

VIOLATION_KINDS = labels_table((
    ("wage_arrears", "拖欠劳动报酬", "Unpaid wages"),
    ("child_labour", "使用童工", "Child labour"),
    ("forced_labour", "强迫劳动", "Forced labour"),
    ("obstruction", "抗拒、阻挠劳动保障监察", "Obstructing inspection"),
    ("other", "其他劳动保障违法行为", "Other labour-law violation"),
))
SEVERE_KINDS = ("child_labour", "forced_labour")  # "使用童工、强迫劳动等严重劳动保障违法行为"

INSTRUMENTS = labels_table((
    ("rectification_order", "劳动保障监察限期整改指令", "order to rectify within a time limit"),
    ("processing_decision", "行政处理决定", "administrative processing decision"),
    ("penalty_decision", "行政处罚决定", "administrative penalty decision"),
))

INCIDENT_KINDS = labels_table((
    ("mass", "群体性事件", "mass incident"),
    ("extreme", "极端事件", "extreme incident"),
    ("serious_social_impact", "严重不良社会影响", "serious adverse social impact"),
))
INCIDENT_CAUSES = labels_table((
    ("wage_arrears", "拖欠劳动报酬", "unpaid wages"),
    ("other_violation", "其他劳动保障违法行为", "another labour-law violation"),
    ("not_a_violation", "未认定因违法引发", "not found to be caused by a violation"),
))

# The measures rate enterprises (its title; the Xinhua report). Local texts extend it to other
# employers; this module does not.
EMPLOYER_KINDS = labels_table((
    ("enterprise", "企业", "Enterprise"),
    ("individual_business", "个体经济组织", "Individual business"),
    ("public_body", "机关、事业单位、社会团体", "Public body or association"),
    ("other", "其他用人单位", "Other employer"),
))
RATED_KINDS = ("enterprise",)


class NotRatable(ValueError):
    """The record is not of an enterprise, or does not belong to the period or chain given."""


# ---------------------------------------------------------------------------------------------
# What the inspectorate recorded about one employer. The app passes its own objects; these plain
# frozen records have exactly the fields read and check their values.

class ViolationLike(Protocol):
    found_on: dt.date  # the day the inspectorate dealt with it (查处: order, processing or penalty)
    kind: str  # a VIOLATION_KINDS key
    rectified_on_time: bool | None  # None while the time to rectify runs
    penalty_imposed: bool


class RefusalLike(Protocol):
    on: dt.date  # the day the refusal was established
    instrument: str  # an INSTRUMENTS key


class IncidentLike(Protocol):
    on: dt.date
    kind: str  # an INCIDENT_KINDS key
    caused_by: str  # an INCIDENT_CAUSES key


class EmployerRecordLike(Protocol):
    """One employer's record as the rating reads it.

    Only violations, refusals, incidents and police transfers change the grade. Obstructions and
    criminal liability are flagged for a person to check (their place among the C situations is
    unverified). Unpaid awards, collective disputes and wage-arrears clues are context: no text
    found makes them change the grade.
    """

    name: str
    credit_code: str | None
    employer_kind: str
    violations: Sequence[ViolationLike]
    refusals: Sequence[RefusalLike]
    incidents: Sequence[IncidentLike]
    police_transfers: Sequence[dt.date]
    obstructions: Sequence[dt.date]
    criminal_liability_on: Sequence[dt.date]
    unpaid_awards: int
    collective_disputes: int
    open_arrears_clues: int
    closed_arrears_clues: int


def _one_of(value, table, what):
    if value not in table:
        raise ValueError(f"{what} must be one of {tuple(table)}, not {value!r}")


@dataclass(frozen=True)
class Violation:
    found_on: dt.date
    kind: str = "other"
    rectified_on_time: bool | None = True
    penalty_imposed: bool = False

    def __post_init__(self):
        _one_of(self.kind, VIOLATION_KINDS, "kind")


@dataclass(frozen=True)
class Refusal:
    on: dt.date
    instrument: str = "rectification_order"

    def __post_init__(self):
        _one_of(self.instrument, INSTRUMENTS, "instrument")


@dataclass(frozen=True)
class Incident:
    on: dt.date
    kind: str = "mass"
    caused_by: str = "wage_arrears"

    def __post_init__(self):
        _one_of(self.kind, INCIDENT_KINDS, "kind")
        _one_of(self.caused_by, INCIDENT_CAUSES, "caused_by")


@dataclass(frozen=True)
class EmployerRecord:
    name: str
    credit_code: str | None = None
    employer_kind: str = "enterprise"
    violations: tuple = ()
    refusals: tuple = ()
    incidents: tuple = ()
    police_transfers: tuple = ()
    obstructions: tuple = ()
    criminal_liability_on: tuple = ()
    unpaid_awards: int = 0
    collective_disputes: int = 0
    open_arrears_clues: int = 0
    closed_arrears_clues: int = 0

    def __post_init__(self):
        if not self.name or not self.name.strip():
            raise ValueError("an employer needs a name")
        _one_of(self.employer_kind, EMPLOYER_KINDS, "employer_kind")
        for key in ("unpaid_awards", "collective_disputes", "open_arrears_clues", "closed_arrears_clues"):
            if getattr(self, key) < 0:
                raise ValueError(f"{key} cannot be negative")


def record_from_data(data):
    """An EmployerRecord from a plain mapping (ISO dates; lists of mappings for the events)."""
    def day(value):
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    return EmployerRecord(
        name=data["name"], credit_code=data.get("credit_code"),
        employer_kind=data.get("employer_kind", "enterprise"),
        violations=tuple(Violation(day(v["found_on"]), v.get("kind", "other"), v.get("rectified_on_time", True),
                                   bool(v.get("penalty_imposed", False))) for v in data.get("violations", ())),
        refusals=tuple(Refusal(day(r["on"]), r.get("instrument", "rectification_order"))
                       for r in data.get("refusals", ())),
        incidents=tuple(Incident(day(i["on"]), i.get("kind", "mass"), i.get("caused_by", "wage_arrears"))
                        for i in data.get("incidents", ())),
        police_transfers=tuple(day(d) for d in data.get("police_transfers", ())),
        obstructions=tuple(day(d) for d in data.get("obstructions", ())),
        criminal_liability_on=tuple(day(d) for d in data.get("criminal_liability_on", ())),
        **{key: int(data.get(key, 0)) for key in
           ("unpaid_awards", "collective_disputes", "open_arrears_clues", "closed_arrears_clues")},
    )


def employer_key(record):
    """How an employer is told apart: its credit code if it has a well-formed one, else its name."""
    code = normalise_credit_code(record.credit_code)
    return code if code else f"name:{normalise_name(record.name)}"


# ---------------------------------------------------------------------------------------------
# The period: a calendar year, rated once in the following year on that year's record
# ("每年开展一次", "企业上一年度信用记录": the Xinhua report).

@dataclass(frozen=True)
class RatingPeriod:
    year: int

    @property
    def start(self):
        return dt.date(self.year, 1, 1)

    @property
    def end(self):
        return dt.date(self.year, 12, 31)

    @property
    def rated_in(self):
        return self.year + 1

    @property
    def label_zh(self):
        return f"{self.year}年度"

    @property
    def label_en(self):
        return f"the year {self.year}"

    def contains(self, day):
        return self.start <= day <= self.end


def period_rated_in(year):
    """The record year the rating done in `year` looks at (the previous calendar year)."""
    return RatingPeriod(year - 1)


# ---------------------------------------------------------------------------------------------
# The rating.

@dataclass(frozen=True)
class Reason:
    """One ground of a grade, or one point to check: words for the user and the text behind it."""

    code: str
    zh: str
    en: str
    basis: str
    status: str

    def as_data(self):
        return {"code": self.code, "zh": self.zh, "en": self.en, "basis": self.basis, "status": self.status}


@dataclass(frozen=True)
class RatingResult:
    """The grade of one employer for one period. `flags` never changed the grade; `context` neither."""

    employer_name: str
    credit_code: str | None
    employer_key: str
    period: RatingPeriod
    grade: str
    reasons: tuple
    flags: tuple = ()
    context: Mapping = field(default_factory=lambda: MappingProxyType({}))
    rules_version: str = RULES_VERSION

    @property
    def bases(self):
        """The citations behind the grade, each once, in the order of the reasons."""
        return tuple(dict.fromkeys(reason.basis for reason in self.reasons))

    def as_data(self):
        """A JSON-serialisable dict: what goes into the employer's file (条例第二十二条)."""
        return {
            "employer_name": self.employer_name, "credit_code": self.credit_code,
            "employer_key": self.employer_key, "period": self.period.year, "grade": self.grade,
            "reasons": [r.as_data() for r in self.reasons], "flags": [f.as_data() for f in self.flags],
            "context": dict(self.context), "rules_version": self.rules_version,
            "notice_basis": BASIS_NOTICE, "file_basis": BASIS_FILE,
        }


CONTEXT_LABELS = labels_table((
    ("cases_found", "本年度被查处次数", "Cases dealt with this year"),
    ("wage_arrears_cases", "其中拖欠劳动报酬", "of which unpaid wages"),
    ("penalties_imposed", "其中给予行政处罚", "of which penalised"),
    ("rectified_on_time", "其中按期整改", "of which rectified on time"),
    ("unpaid_awards", "未履行的仲裁裁决", "Arbitration awards unpaid"),
    ("collective_disputes", "集体劳动争议", "Collective disputes"),
    ("open_arrears_clues", "未办结的欠薪线索", "Open wage-arrears clues"),
    ("closed_arrears_clues", "已办结的欠薪线索", "Closed wage-arrears clues"),
    ("outside_period", "不在本评价年度内的记录（未计入）", "Records outside the period (not counted)"),
))


def is_ratable(record):
    """Whether the measures rate this employer: they rate enterprises (企业)."""
    return record.employer_kind in RATED_KINDS


def _in(period, items, day=lambda item: item):
    inside = [item for item in items if period.contains(day(item))]
    return inside, len(items) - len(inside)


def _c_reasons(violations, refusals, incidents, transfers):
    reasons = []
    if len(violations) >= THREE_CASES:
        reasons.append(Reason(
            "c_three_cases", f"本年度因劳动保障违法行为被查处{len(violations)}次（三次以上含三次）",
            f"Dealt with {len(violations)} times this year for labour-law violations (three or more)",
            BASIS_C_THREE_CASES, "secondary_local_consistent"))
    for kind in SEVERE_KINDS:
        found = [v for v in violations if v.kind == kind]
        if found:
            label = VIOLATION_KINDS[kind]
            reasons.append(Reason(
                f"c_{kind}", f"因{label['zh']}被查处（{found[0].found_on.isoformat()}）",
                f"Dealt with for {label['en'].lower()} ({found[0].found_on.isoformat()})",
                BASIS_C_SEVERE, "secondary_local_consistent"))
    for refusal in refusals:
        label = INSTRUMENTS[refusal.instrument]
        reasons.append(Reason(
            "c_refusal", f"拒不履行{label['zh']}（{refusal.on.isoformat()}）",
            f"Refused to comply with an {label['en']} ({refusal.on.isoformat()})",
            BASIS_C_REFUSAL, "secondary_local_consistent"))
    for incident in incidents:
        kind, cause = INCIDENT_KINDS[incident.kind], INCIDENT_CAUSES[incident.caused_by]
        reasons.append(Reason(
            "c_incident", f"因{cause['zh']}引发{kind['zh']}（{incident.on.isoformat()}）",
            f"A {kind['en']} caused by {cause['en']} ({incident.on.isoformat()})",
            BASIS_C_INCIDENT, "secondary_local_consistent"))
    for day in transfers:
        reasons.append(Reason(
            "c_police_transfer", f"案件立案查处后移送公安机关（{day.isoformat()}）",
            f"Case transferred to the police after investigation ({day.isoformat()})",
            BASIS_C_POLICE, "secondary_single"))
    return reasons


def _flags(violations, refusals, obstructions, convictions, uncaused):
    flags = []
    obstructing = [v for v in violations if v.kind == "obstruction"]
    if obstructions or obstructing:
        flags.append(Reason(
            "check_obstruction", "有抗拒、阻挠监察记录：条例另有处罚；是否单列为C级情形原文未核实，请人工核对",
            "Obstruction of inspection on file: penalised under the Regulation; whether it is a C situation "
            "of its own is unverified — check by hand", BASIS_OBSTRUCTION, "unverified"))
    if convictions:
        flags.append(Reason(
            "check_criminal_liability", "被追究刑事责任：是否单列为C级情形原文未核实，请人工核对",
            "Criminal liability on file: whether it is a C situation of its own is unverified — check by hand",
            MEASURES + "（原文未核实）", "unverified"))
    late = [v for v in violations if v.rectified_on_time is False]
    if late and not refusals:
        flags.append(Reason(
            "check_late_rectification", f"有{len(late)}项违法未按期整改：如属拒不履行整改指令，应录入拒不履行记录",
            f"{len(late)} violation(s) not rectified on time: if the order was refused, record the refusal",
            BASIS_C_REFUSAL, "policy"))
    if uncaused:
        flags.append(Reason(
            "incident_not_caused", f"有{len(uncaused)}起事件未认定因违法引发，不影响等级",
            f"{len(uncaused)} incident(s) not found to be caused by a violation; the grade is unaffected",
            BASIS_C_INCIDENT, "secondary_local_consistent"))
    return flags


def rate(record, period):
    """The grade of `record` for `period` (a RatingPeriod), with its reasons; deterministic.

    C if any C situation occurred in the period (every one is listed); else B if the employer was
    dealt with (查处) at least once; else A. Events dated outside the period are not counted.
    Raises NotRatable for an employer that is not an enterprise.
    """
    if not is_ratable(record):
        raise NotRatable(f"{MEASURES}评价企业；{EMPLOYER_KINDS[record.employer_kind]['zh']}不在评价范围")
    violations, out_v = _in(period, list(record.violations), lambda v: v.found_on)
    refusals, out_r = _in(period, list(record.refusals), lambda r: r.on)
    incidents, out_i = _in(period, list(record.incidents), lambda i: i.on)
    transfers, out_t = _in(period, list(record.police_transfers))
    obstructions, out_o = _in(period, list(record.obstructions))
    convictions, out_c = _in(period, list(record.criminal_liability_on))
    caused = [i for i in incidents if i.caused_by != "not_a_violation"]
    uncaused = [i for i in incidents if i.caused_by == "not_a_violation"]

    reasons = _c_reasons(violations, refusals, caused, transfers)
    if reasons:
        grade = "C"
    elif violations:
        grade = "B"
        reasons = [Reason("b_dealt_with", f"本年度因劳动保障违法行为被查处{len(violations)}次，未见C级情形",
                          f"Dealt with {len(violations)} time(s) this year for labour-law violations; "
                          "no C situation", BASIS_B, "secondary_local_consistent")]
    else:
        grade = "A"
        reasons = [Reason("a_clean", "本年度未因劳动保障违法行为被查处",
                          "Not dealt with for any labour-law violation this year", BASIS_A,
                          "secondary_local_consistent")]
    context = {
        "cases_found": len(violations),
        "wage_arrears_cases": sum(v.kind == "wage_arrears" for v in violations),
        "penalties_imposed": sum(bool(v.penalty_imposed) for v in violations),
        "rectified_on_time": sum(v.rectified_on_time is True for v in violations),
        "unpaid_awards": record.unpaid_awards,
        "collective_disputes": record.collective_disputes,
        "open_arrears_clues": record.open_arrears_clues,
        "closed_arrears_clues": record.closed_arrears_clues,
        "outside_period": out_v + out_r + out_i + out_t + out_o + out_c,
    }
    return RatingResult(
        employer_name=record.name, credit_code=normalise_credit_code(record.credit_code) or record.credit_code,
        employer_key=employer_key(record), period=period, grade=grade, reasons=tuple(reasons),
        flags=tuple(_flags(violations, refusals, obstructions, convictions, uncaused)),
        context=MappingProxyType(context))


# What the grade is used for. The national text (as reported) says only that departments
# supervise by grade (分类监管); the measures below are what local departments report doing.
SUPERVISION = MappingProxyType({
    "A": Reason("supervision_a", "可减少日常巡视检查（各地做法）", "Fewer routine inspections (local practice)",
                BASIS_SUPERVISION, "local_practice"),
    "B": Reason("supervision_b", "适当增加日常巡视检查频次（各地做法）",
                "Somewhat more frequent routine inspections (local practice)", BASIS_SUPERVISION, "local_practice"),
    "C": Reason("supervision_c", "列为劳动保障监察重点对象，加大检查频次（各地做法）",
                "A priority target of inspection, inspected more often (local practice)",
                BASIS_SUPERVISION, "local_practice"),
})


def supervision_for(grade):
    """How the inspectorate treats an employer of `grade` (see SUPERVISION for how far it is law)."""
    _one_of(grade, GRADES, "grade")
    return SUPERVISION[grade]


# ---------------------------------------------------------------------------------------------
# Notice, objection and review. The result is told to the employer "以适当方式" (Xinhua report);
# no source found gives a time to object or to review, or the forms of a review's conclusion.
# The periods below are ours, in working days so that a holiday does not eat the employer's time.

@dataclass(frozen=True)
class ObjectionRules:
    window_length: int = 10  # working days from the day the employer is notified (not counted)
    review_length: int = 15  # working days from the day the objection is received (not counted)
    unit: str = "working_days"
    basis: str = POLICY

    def __post_init__(self):
        if self.window_length <= 0 or self.review_length <= 0:
            raise ValueError("the objection window and the review period must be positive")
        if self.unit not in ("days", "working_days"):
            raise ValueError("unit must be 'days' or 'working_days'")


DEFAULT_OBJECTION_RULES = ObjectionRules()


def _deadline(kind, starts, length, rules, label_zh, label_en, actor):
    due = add_period(starts, length, rules.unit)
    known = calendar_known_between(starts, due) if rules.unit == "working_days" else calendar_known_for(due)
    return Deadline(kind=kind, starts=starts, due=due, basis=rules.basis, label_zh=label_zh, label_en=label_en,
                    calendar_known=known, note=None if known else UNKNOWN_CALENDAR_NOTE, actor=actor,
                    unit=rules.unit, length=length, note_en=None if known else UNKNOWN_CALENDAR_NOTE_EN)


def objection_deadline(notified_on, rules=DEFAULT_OBJECTION_RULES):
    """The last day on which the employer may object to the grade it was notified of on `notified_on`."""
    return _deadline("rating_objection", notified_on, rules.window_length, rules,
                     "对评价等级提出异议", "Object to the grade", "employer")


def objection_in_time(notified_on, filed_on, rules=DEFAULT_OBJECTION_RULES):
    """Whether an objection filed on `filed_on` is within the window."""
    return notified_on <= filed_on <= objection_deadline(notified_on, rules).due


def review_deadline(received_on, rules=DEFAULT_OBJECTION_RULES):
    """The last day for the inspectorate to conclude its review of an objection received on `received_on`."""
    return _deadline("rating_review", received_on, rules.review_length, rules,
                     "复核异议并答复", "Review the objection and answer", "inspectorate")


REVIEW_OUTCOMES = labels_table((("maintain", "维持原评价等级", "Grade maintained"),
                           ("change", "变更评价等级", "Grade changed")))


@dataclass(frozen=True)
class GradeChange:
    """A review's conclusion, or a re-rating on new facts: the grade before and after."""

    kind: str  # "review" or "adjustment"
    outcome: str  # a REVIEW_OUTCOMES key
    decided_on: dt.date
    previous_grade: str
    grade: str
    result: RatingResult
    basis: str = POLICY

    @property
    def changed(self):
        return self.outcome == "change"


def _compare(kind, previous, record, decided_on):
    if employer_key(record) != previous.employer_key:
        raise NotRatable("the record is of another employer than the rating")
    result = rate(record, previous.period)
    outcome = "maintain" if result.grade == previous.grade else "change"
    return GradeChange(kind, outcome, decided_on, previous.grade, result.grade, result)


def decide_review(previous, decided_on, corrected_record=None):
    """The review of an objection: the grade is worked out again on the facts as corrected.

    Without corrected facts the grade is maintained. Either way the grade follows the same rules
    as `rate`; a review cannot give a grade the facts do not support (policy).
    """
    if corrected_record is None:
        return GradeChange("review", "maintain", decided_on, previous.grade, previous.grade, previous)
    return _compare("review", previous, corrected_record, decided_on)


def adjust_rating(previous, record, decided_on):
    """Re-rate on a record with facts found after the rating (e.g. a new case in the same year)."""
    return _compare("adjustment", previous, record, decided_on)


# ---------------------------------------------------------------------------------------------
# Chains: a platform and the companies it works with (外包、加盟、分包、派遣). Each is an enterprise
# rated in its own name; no text found passes a grade along a chain, so none is passed.

RELATIONS = labels_table((
    ("outsourcing", "外包", "outsourcing"),
    ("franchise", "加盟", "franchise"),
    ("subcontract", "分包", "subcontracting"),
    ("labour_dispatch", "劳务派遣", "labour dispatch"),
    ("cooperation", "合作用工", "cooperation"),
))
CHAIN_BASIS = f"{BASIS_SCOPE}；各企业以自身名义评价，等级不在合作企业间传递（本系统工作规则）"


@dataclass(frozen=True)
class ChainLink:
    """`contractor` engages `contracted`; both are credit codes or names of members."""

    contractor: str
    contracted: str
    relation: str = "outsourcing"

    def __post_init__(self):
        _one_of(self.relation, RELATIONS, "relation")


@dataclass(frozen=True)
class ChainRating:
    members: tuple  # RatingResult, in the order the records were given
    links: tuple  # (contractor RatingResult key, contracted key, relation)
    basis: str = CHAIN_BASIS

    def member(self, name_or_code):
        """The result of the member with this credit code or name."""
        key = _key_of(name_or_code)
        return next(m for m in self.members if key in (m.employer_key, _key_of(m.employer_name)))


def _key_of(name_or_code):
    code = normalise_credit_code(name_or_code)
    return code if code else f"name:{normalise_name(name_or_code)}"


def rate_chain(records, links, period):
    """One RatingResult per member, each on its own record, and the chain for display."""
    members = [rate(record, period) for record in records]
    by_key = {}
    for member, record in zip(members, records):
        if member.employer_key in by_key:
            raise ValueError(f"{record.name} appears twice in the chain")
        by_key[member.employer_key] = member
        by_key.setdefault(_key_of(record.name), member)  # a link may name a member that has a code
    shown = []
    for link in links:
        ends = [by_key.get(_key_of(end)) for end in (link.contractor, link.contracted)]
        if None in ends:
            raise NotRatable(f"the link {link.contractor} → {link.contracted} names someone not in the chain")
        shown.append((ends[0].employer_key, ends[1].employer_key, link.relation))
    return ChainRating(tuple(members), tuple(shown))


# ---------------------------------------------------------------------------------------------
# Rows for the other departments. The grades are shared for joint sanctions against the
# untrustworthy and joint incentives for the trustworthy (Xinhua report): C rows for sanctions,
# A rows for incentives, B rows for neither. Naming serious violators in public (条例第二十二条) and
# the blacklist of 《保障农民工工资支付条例》第四十八条 are other procedures, not derived from a grade.

EXPORT_COLUMNS = ("employer_name", "credit_code", "grade", "period", "reasons", "articles")


def _row(result):
    return {
        "employer_name": result.employer_name,
        "credit_code": result.credit_code or "",
        "grade": result.grade,
        "period": result.period.label_zh,
        "reasons": "；".join(reason.zh for reason in result.reasons),
        "articles": "；".join(result.bases),
    }


def joint_sanction_rows(results):
    """The C-grade results as flat rows (EXPORT_COLUMNS) for joint sanctions."""
    return [_row(result) for result in results if result.grade == "C"]


def joint_incentive_rows(results):
    """The A-grade results as flat rows (EXPORT_COLUMNS) for joint incentives."""
    return [_row(result) for result in results if result.grade == "A"]


def rows_as_csv(rows):
    """The rows as CSV text with a header line (UTF-8 text; the caller chooses the encoding)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def sharing_basis():
    """The citations for sharing the grades: the measures as reported, and the duty to rate."""
    return (BASIS_SHARING, BASIS_DUTY_TO_RATE)


__all__ = [
    "BASIS_A", "BASIS_B", "BASIS_C_INCIDENT", "BASIS_C_POLICE", "BASIS_C_REFUSAL", "BASIS_C_SEVERE",
    "BASIS_C_THREE_CASES", "BASIS_FILE", "BASIS_NOTICE", "BASIS_SCOPE", "BASIS_SHARING", "ChainLink",
    "ChainRating", "DEFAULT_OBJECTION_RULES", "EXPORT_COLUMNS", "EmployerRecord", "EmployerRecordLike",
    "GRADES", "GradeChange", "Incident", "NotRatable", "ObjectionRules", "POLICY", "RULES_VERSION",
    "RatingPeriod", "RatingResult", "Reason", "Refusal", "Violation", "adjust_rating", "decide_review",
    "employer_key", "is_ratable", "joint_incentive_rows", "joint_sanction_rows", "objection_deadline",
    "objection_in_time", "period_rated_in", "rate", "rate_chain", "record_from_data", "review_deadline",
    "rows_as_csv", "sharing_basis", "sources", "supervision_for",
]
