"""The intake submission: one parser for the web forms and the JSON API.

`parse_intake` takes the JSON shape of DESIGN.md (`workers`, `respondents`, `platform`, `claims`,
`facts`, `region`, `knew_of_violation_on`, …) and returns an `IntakeSubmission` or raises
`ValidationFailed` with every problem at once, keyed by field path (`workers[0].id_number`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Collection, Mapping

from flask_babel import gettext as _

import places
from disputes.errors import BadInput, ValidationFailed
from disputes import validation as v
from workflows.inspection import FILING_CHOICES
from disputes.vocabulary import CLAIM_KINDS, FACTOR_KEYS, OCCUPATIONS, RESPONDENT_KINDS

MAX_WORKERS = 500
MAX_RESPONDENTS = 10
MAX_CLAIMS = 30
TOP_LEVEL_KEYS = {
    "workers", "respondents", "platform", "claims", "facts", "region", "knew_of_violation_on",
    "relationship_ended", "relationship_ended_on", "language", "factors", "place", "filing",
}
# What one filing opens (workflows.inspection.FILING_CHOICES): a dispute, a complaint to the labour
# inspectorate, or both at once (劳动争议调解仲裁法第九条).
FILINGS = tuple(FILING_CHOICES)
WORKER_KEYS = {"name", "id_number", "phone", "occupation", "address", "is_representative"}
RESPONDENT_KEYS = {"name", "kind", "credit_code", "address", "legal_representative", "legal_representative_title"}
CLAIM_KEYS = {"kind", "amount"}


@dataclass(frozen=True)
class WorkerEntry:
    name: str
    phone: str
    occupation: str
    id_number: str | None = None
    address: str | None = None
    is_representative: bool = False


@dataclass(frozen=True)
class RespondentEntry:
    name: str
    kind: str
    credit_code: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None


@dataclass(frozen=True)
class ClaimEntry:
    kind: str
    amount: Decimal | None = None


@dataclass(frozen=True)
class IntakeSubmission:
    workers: tuple[WorkerEntry, ...]
    respondents: tuple[RespondentEntry, ...]
    claims: tuple[ClaimEntry, ...]
    facts: str
    region: str
    platform: str | None = None
    knew_of_violation_on: date | None = None
    relationship_ended: bool = False
    relationship_ended_on: date | None = None
    language: str = "zh_CN"
    reported_factors: dict = field(default_factory=dict)
    place_code: str | None = None  # the place of work, prefecture or county (GB/T 2260)
    filing: str = "dispute"


@dataclass
class _Problems:
    errors: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, message: str | None) -> None:
        if message and path not in self.errors:
            self.errors[path] = message


def parse_intake(payload: Any, *, today: date, known_regions: Collection[str]) -> IntakeSubmission:
    """Validate an intake payload completely and return it in domain types."""
    if not isinstance(payload, Mapping):
        raise BadInput(_("请求内容应为一个 JSON 对象。"))
    problems = _Problems()
    _unknown_keys(payload, TOP_LEVEL_KEYS, "", problems)
    workers = _parse_list(payload.get("workers"), "workers", MAX_WORKERS, _parse_worker, problems,
                          _("至少填写一名劳动者。"))
    respondents = _parse_list(payload.get("respondents"), "respondents", MAX_RESPONDENTS, _parse_respondent,
                              problems, _("至少填写一个被申请人（平台或公司）。"))
    claims = _parse_list(payload.get("claims"), "claims", MAX_CLAIMS, _parse_claim, problems,
                         _("至少填写一项请求。"))
    facts = payload.get("facts")
    problems.add("facts", v.check_text(facts, required=True, min_length=10, max_length=20000, multiline=True))
    platform = payload.get("platform")
    problems.add("platform", v.check_text(platform, required=False, max_length=128))
    region, place_code = _parse_region_and_place(payload.get("region"), payload.get("place"), known_regions,
                                                 problems)
    knew_on, message = v.parse_past_date(payload.get("knew_of_violation_on"), today)
    problems.add("knew_of_violation_on", message)
    ended = payload.get("relationship_ended", False)
    if not isinstance(ended, bool):
        problems.add("relationship_ended", _("应为是或否。"))
        ended = False
    ended_on, message = v.parse_past_date(payload.get("relationship_ended_on"), today)
    problems.add("relationship_ended_on", message)
    if ended_on and not ended:
        problems.add("relationship_ended_on", _("只有在用工关系已结束时才填写结束日期。"))
    language = payload.get("language", "zh_CN")
    if language not in ("zh_CN", "en"):
        problems.add("language", _("语言只能是 zh_CN 或 en。"))
    factors = _parse_factors(payload.get("factors"), problems)
    filing = payload.get("filing") or "dispute"
    if filing not in FILINGS:
        problems.add("filing", _("请选择申请调解仲裁、向劳动保障监察机构投诉，或两者同时。"))
    if problems.errors:
        raise ValidationFailed(problems.errors)
    return IntakeSubmission(
        workers=tuple(workers), respondents=tuple(respondents), claims=tuple(claims),
        facts=facts.strip(), region=region, place_code=place_code, platform=(platform or "").strip() or None,
        knew_of_violation_on=knew_on, relationship_ended=ended, relationship_ended_on=ended_on,
        language=language, reported_factors=factors, filing=filing,
    )


def _parse_region_and_place(region, place, known_regions: Collection[str], problems: _Problems):
    """The province (a region code as before: "42") and the place of work below it.

    Either may be a code or a name: `region` "42", "420000", "湖北省" or "湖北省武汉市" (a place below
    a province is the place too); `place` "420103", "武汉市江汉区" or "江汉区", read within the
    region. Without a region, the place's province is the region. A name several places bear is
    refused with the candidates, so the worker picks one. A place is optional; a region or a place
    that names one is not.
    """
    region_code, found = None, None
    if isinstance(region, str) and region.strip() in known_regions:
        region_code = region.strip()
    elif isinstance(region, str) and region.strip():
        found = _one_place(region, "region", None, problems)
    elif place in (None, ""):
        problems.add("region", _("请选择发生争议的地区。"))
    if place not in (None, "") and "region" not in problems.errors:
        if isinstance(place, str):
            found = _one_place(place, "place", found or region_code, problems) or found
        else:
            problems.add("place", _("应为地名或行政区划代码。"))
    if found is not None and region_code is None:
        if found.province_short_code in known_regions:
            region_code = found.province_short_code
        else:
            problems.add("region", _("未知的地区代码。"))
    if found is None or found.level == "province":
        return region_code, None
    return region_code, found.code


def _one_place(text: str, path: str, within: str | None, problems: _Problems):
    """The one place `text` names (within the province `within`), or None with the problem said."""
    text = text.strip()
    if len(text) > 64:
        problems.add(path, _("地名太长。"))
        return None
    resolution = places.resolve(text, within=within)
    if resolution.place is not None:
        return resolution.place
    if resolution.ambiguous:
        names = "、".join(p.full_name for p in resolution.candidates[:8])
        problems.add(path, _("“%(text)s”对应多个地方：%(names)s。请写明上级地名，例如“%(example)s”。", text=text,
                             names=names, example=resolution.candidates[0].full_name))
    elif within and places.resolve(text).found:
        problems.add(path, _("“%(text)s”不在所选省份内，请核对省份或地名。", text=text))
    else:
        problems.add(path, _("没有找到“%(text)s”。请写到县、区，例如“武汉市江汉区”，或填写行政区划代码；不清楚可以不填。",
                             text=text))
    return None


def _parse_factors(value, problems: _Problems) -> dict:
    """The worker's answers to the factor checklist: {factor key: true/false}, unanswered left out."""
    if value in (None, {}):
        return {}
    if not isinstance(value, Mapping):
        problems.add("factors", _("应为对象，例如 {\"platform_sets_pay\": true}。"))
        return {}
    answers = {}
    for key, answer in value.items():
        if key not in FACTOR_KEYS:
            problems.add(f"factors.{key}", _("未知的要素。"))
        elif answer is not None and not isinstance(answer, bool):
            problems.add(f"factors.{key}", _("应为是、否或不清楚（true、false 或 null）。"))
        elif answer is not None:
            answers[key] = answer
    return answers


def _unknown_keys(item: Mapping, allowed: set[str], prefix: str, problems: _Problems) -> None:
    for key in item:
        if key not in allowed:
            problems.add(f"{prefix}{key}", _("未知字段。"))


def _parse_list(value, name, limit, parse_item, problems: _Problems, empty_message: str) -> list:
    if value is None or value == []:
        problems.add(name, empty_message)
        return []
    if not isinstance(value, list):
        problems.add(name, _("应为列表。"))
        return []
    if len(value) > limit:
        problems.add(name, _("最多 %(n)d 项。", n=limit))
        return []
    parsed = []
    for index, item in enumerate(value):
        prefix = f"{name}[{index}]."
        if not isinstance(item, Mapping):
            problems.add(f"{name}[{index}]", _("应为一个对象。"))
            continue
        result = parse_item(item, prefix, problems)
        if result is not None:
            parsed.append(result)
    return parsed


def _parse_worker(item: Mapping, prefix: str, problems: _Problems) -> WorkerEntry | None:
    _unknown_keys(item, WORKER_KEYS, prefix, problems)
    before = len(problems.errors)
    name, phone = item.get("name"), item.get("phone")
    problems.add(prefix + "name", v.check_text(name, required=True, max_length=64))
    problems.add(prefix + "phone", v.check_phone(phone))
    id_number = item.get("id_number")
    if id_number not in (None, ""):
        problems.add(prefix + "id_number", v.check_resident_id(id_number))
    occupation = item.get("occupation")
    if occupation not in OCCUPATIONS:
        problems.add(prefix + "occupation", _("请选择职业类别。"))
    representative = item.get("is_representative", False)
    if not isinstance(representative, bool):
        problems.add(prefix + "is_representative", _("应为是或否。"))
    address = _optional_text(item, "address", 200, prefix, problems)
    if len(problems.errors) > before:
        return None
    return WorkerEntry(
        name=name.strip(), phone=v.normalise_phone(phone), occupation=occupation,
        id_number=id_number.strip().upper() if id_number else None, address=address,
        is_representative=representative,
    )


def _optional_text(item: Mapping, key: str, max_length: int, prefix: str, problems: _Problems) -> str | None:
    """A free-text particular that may be left out: stripped, or None when blank."""
    value = item.get(key)
    if value in (None, ""):
        return None
    problems.add(prefix + key, v.check_text(value, required=False, max_length=max_length))
    return value.strip() or None if isinstance(value, str) else None


def _parse_respondent(item: Mapping, prefix: str, problems: _Problems) -> RespondentEntry | None:
    _unknown_keys(item, RESPONDENT_KEYS, prefix, problems)
    before = len(problems.errors)
    name = item.get("name")
    problems.add(prefix + "name", v.check_text(name, required=True, min_length=2, max_length=128))
    kind = item.get("kind")
    if kind not in RESPONDENT_KINDS:
        problems.add(prefix + "kind", _("请选择单位类型（平台企业、用工合作企业、劳务派遣单位或其他）。"))
    credit_code = item.get("credit_code")
    if credit_code not in (None, ""):
        problems.add(prefix + "credit_code", v.check_credit_code(credit_code))
    address = _optional_text(item, "address", 200, prefix, problems)
    representative = _optional_text(item, "legal_representative", 64, prefix, problems)
    title = _optional_text(item, "legal_representative_title", 32, prefix, problems)
    if len(problems.errors) > before:
        return None
    return RespondentEntry(
        name=name.strip(), kind=kind, credit_code=credit_code.strip().upper() if credit_code else None,
        address=address, legal_representative=representative, legal_representative_title=title,
    )


def _parse_claim(item: Mapping, prefix: str, problems: _Problems) -> ClaimEntry | None:
    _unknown_keys(item, CLAIM_KEYS, prefix, problems)
    before = len(problems.errors)
    kind = item.get("kind")
    if kind not in CLAIM_KINDS:
        problems.add(prefix + "kind", _("请选择请求事项。"))
    amount, message = v.parse_amount(item.get("amount"))
    problems.add(prefix + "amount", message)
    if len(problems.errors) > before:
        return None
    return ClaimEntry(kind=kind, amount=amount)
