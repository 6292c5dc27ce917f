"""Intake forms: shape only; the meaning is checked by parse_intake, shared with the API."""
from __future__ import annotations

import secrets

from flask_babel import LazyString
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField, DateField, FieldList, Form, FormField, HiddenField, RadioField, SelectField, StringField,
    TextAreaField,
)
from wtforms.validators import Optional

from disputes.forms import ServiceForm
from disputes.models import utcnow
from disputes.vocabulary import CLAIM_LABELS, FACTOR_QUESTIONS, OCCUPATION_LABELS, RESPONDENT_KIND_LABELS, label
from workflows.inspection import FILING_CHOICES


# The privacy notice shown before the ID number (templates/intake/_step_you.html), by the month it was
# last worded: a consent on record names the text the worker read, so change this with the text.
ID_NUMBER_NOTICE = "intake-id-number-notice/2026-12"


def _choices(table, placeholder):
    return lambda: [("", placeholder)] + [(key, label(table, key)) for key in table]


class WorkerRow(Form):
    name = StringField(_l("姓名"))
    phone = StringField(_l("手机号码"), render_kw={"inputmode": "tel", "autocomplete": "tel"})
    id_number = StringField(_l("身份证号码（选填）"), render_kw={"autocomplete": "off"})
    occupation = SelectField(_l("职业类别"), choices=[], validate_choice=False)
    address = StringField(_l("住所（选填）"), render_kw={"autocomplete": "street-address", "maxlength": 200})
    is_representative = BooleanField(_l("推选为代表人"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.occupation.choices = _choices(OCCUPATION_LABELS, _l("请选择"))()


class RespondentRow(Form):
    name = StringField(_l("单位名称"))
    kind = SelectField(_l("单位类型"), choices=[], validate_choice=False)
    credit_code = StringField(_l("统一社会信用代码（选填）"), render_kw={"autocomplete": "off"})
    address = StringField(_l("单位住所（选填）"), render_kw={"autocomplete": "off", "maxlength": 200})
    legal_representative = StringField(_l("法定代表人或主要负责人（选填）"), render_kw={"autocomplete": "off", "maxlength": 64})
    legal_representative_title = StringField(_l("其职务（选填）"), render_kw={"autocomplete": "off", "maxlength": 32})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices(RESPONDENT_KIND_LABELS, _l("请选择"))()


class ClaimRow(Form):
    kind = SelectField(_l("请求事项"), choices=[], validate_choice=False)
    amount = StringField(_l("金额（元）"), render_kw={"inputmode": "decimal"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices(CLAIM_LABELS, _l("请选择"))()


class FactorAnswers(Form):
    """The factor checklist in plain questions; every answer may stay "not sure"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in FACTOR_QUESTIONS:
            self[key].choices = [("", _l("不清楚")), ("true", _l("是")), ("false", _l("否"))]

    def answers(self) -> dict:
        return {key: self[key].data == "true" for key in FACTOR_QUESTIONS if self[key].data in ("true", "false")}


for _key in FACTOR_QUESTIONS:
    # The question's label follows the page language (the table holds Chinese and English).
    setattr(FactorAnswers, _key, SelectField(LazyString(label, FACTOR_QUESTIONS, _key), choices=[], validate_choice=False))


class ComplaintForm(ServiceForm):
    """The complaint: workers, respondents, claims, facts and the dates that start the clocks."""

    workers = FieldList(FormField(WorkerRow), min_entries=1, max_entries=500)
    respondents = FieldList(FormField(RespondentRow), min_entries=2, max_entries=10)
    platform = StringField(_l("平台名称（如某外卖平台）"))
    claims = FieldList(FormField(ClaimRow), min_entries=3, max_entries=30)
    facts = TextAreaField(_l("事实和理由"), render_kw={"rows": 8})
    region = SelectField(_l("争议发生地（省份）"), choices=[], validate_choice=False)
    place = StringField(_l("工作地点（写到县、区，如“武汉市江汉区”；选填）"), render_kw={"maxlength": 64})
    knew_of_violation_on = DateField(_l("您知道权利受侵害的日期"), validators=[Optional()])
    relationship_ended = BooleanField(_l("用工关系已经结束"))
    relationship_ended_on = DateField(_l("结束日期"), validators=[Optional()])
    factors = FormField(FactorAnswers)
    # A dispute, a complaint to the labour inspectorate, or both (劳动争议调解仲裁法第九条).
    filing = RadioField(_l("您希望怎样处理"), default="dispute", validate_choice=False, choices=[])
    # One random key per form shown: the same form sent twice (a double tap, a retry on a slow
    # connection) files one complaint (intake.services.file_complaint).
    submission_key = HiddenField(default=lambda: secrets.token_urlsafe(16))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filing.choices = [(key, LazyString(label, FILING_CHOICES, key)) for key in FILING_CHOICES]

    def to_payload(self) -> dict:
        """The API's JSON shape, with empty rows left out."""
        return {
            "workers": [_row(entry.data, ("name", "phone", "id_number", "occupation", "address")) | {
                "is_representative": bool(entry.data.get("is_representative"))} for entry in self.answered_rows("workers")],
            "respondents": [_row(entry.data, ("name", "kind", "credit_code", "address", "legal_representative",
                                              "legal_representative_title"))
                            for entry in self.answered_rows("respondents")],
            "claims": [_row(entry.data, ("kind", "amount")) for entry in self.answered_rows("claims")],
            "platform": self.platform.data or None,
            "facts": self.facts.data or "",
            "region": self.region.data or "",
            "place": (self.place.data or "").strip() or None,
            "knew_of_violation_on": _iso(self.knew_of_violation_on),
            "relationship_ended": bool(self.relationship_ended.data),
            "relationship_ended_on": _iso(self.relationship_ended_on),
            "factors": self.factors.form.answers(),
            "filing": self.filing.data or "dispute",
        }

    # A row counts when one of these is typed (a kind chosen alone is the select's leftover, not an answer).
    ROW_ANSWERS = {"workers": ("name", "phone", "id_number"), "respondents": ("name", "credit_code"),
                   "claims": ("kind", "amount")}
    # The worker's own form reads the first row of each list even when blank, so a missing name or
    # employer is said beside its field instead of as one message about the whole list.
    first_rows_required = False

    def answered_rows(self, name: str) -> list:
        """The rows of a list the payload holds, in order."""
        entries = list(getattr(self, name))
        filled = [e for e in entries if _filled(e.data, self.ROW_ANSWERS[name])]
        if self.first_rows_required and entries:
            return entries[:1] + [e for e in filled if e is not entries[0]]
        return filled

    def _field_for(self, path: str):
        """`claims[1].amount` names a field of the second row the payload holds; a message about a
        whole list ("at least one worker") goes to the summary at the top."""
        name, _, rest = path.partition("[")
        if rest:
            index, _, sub = rest.partition("].")
            entries = self.answered_rows(name) if name in self.ROW_ANSWERS else []
            if index.isdigit() and int(index) < len(entries) and sub in entries[int(index)].form:
                return entries[int(index)].form[sub]
            return None
        if name.startswith("factors."):
            return self.factors.form._fields.get(name.partition(".")[2])
        return None if name in self.ROW_ANSWERS else self._fields.get(name)


class WorkerComplaintForm(ComplaintForm):
    """The worker's own complaint, filled in steps: one worker (the person filling it in), one row
    of each list to start with, and consent before an ID number is given."""

    first_rows_required = True
    workers = FieldList(FormField(WorkerRow), min_entries=1, max_entries=1)
    respondents = FieldList(FormField(RespondentRow), min_entries=1, max_entries=10)
    claims = FieldList(FormField(ClaimRow), min_entries=1, max_entries=30)
    id_consent = BooleanField(_l("我已了解上面的说明，同意提供身份证号码用于办理我的案件"))

    def consent_problems(self) -> dict[str, str]:
        """An ID number is optional; given, only with the worker's informed consent to the notice shown
        before the field (个人信息保护法第十四条: consent given knowingly; 第十七条: what the notice tells)."""
        given = (self.workers[0].form.id_number.data or "").strip()
        if given and not self.id_consent.data:
            return {"id_consent": _("填写了身份证号码的，请勾选同意；不想提供，可以把号码删掉再继续。")}
        return {}

    def consents(self) -> dict:
        """What the worker agreed to, kept with the case: the ID-number notice's version and when."""
        if not ((self.workers[0].form.id_number.data or "").strip() and self.id_consent.data):
            return {}
        return {"id_number": {"notice": ID_NUMBER_NOTICE, "given_at": utcnow().isoformat(timespec="seconds")}}


def _row(data: dict, keys) -> dict:
    return {key: (data.get(key) or None) for key in keys}


def _filled(data: dict, keys) -> bool:
    return any((data.get(key) or "").strip() for key in keys)


def _iso(field) -> str | None:
    return field.data.isoformat() if field.data else None
