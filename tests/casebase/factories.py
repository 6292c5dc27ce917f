"""Typical-case records for tests: valid by default, one keyword away from any variation."""
from __future__ import annotations

import itertools
from typing import Any

from casebase.records import FACTOR_KEYS, Source, TypicalCaseRecord

_ids = itertools.count(1)

FACTS = (
    "外卖骑手王某通过平台接单，站点每天排班，要求早会打卡，不能拒单，"
    "超时会被扣款。王某请求确认劳动关系并支付经济补偿。"
)


def make_record(**overrides: Any) -> TypicalCaseRecord:
    """A valid published record (schema version 2); ``year``, ``date``, ``url``, ``source_body``,
    ``number`` and ``illustrative`` set its source, and every known factor gets a line of evidence
    unless ``factor_evidence`` is given."""
    year = overrides.pop("year", 2023)
    source = Source(
        body=overrides.pop("source_body", "人力资源社会保障部"),
        release=overrides.pop("release", "劳动人事争议典型案例（第三批）"),
        year=year,
        number=overrides.pop("number", "案例1"),
        illustrative=overrides.pop("illustrative", False),
        date=overrides.pop("date", str(year) if year else None),
        url=overrides.pop("url", "https://www.example.org/typical-cases/1"),
        also_reported_at=tuple(overrides.pop("also_reported_at", ())),
        date_note=overrides.pop("date_note", None),
    )
    fields: dict[str, Any] = {
        "id": f"case-{next(_ids):04d}",
        "title": "外卖骑手与配送站点之间是否存在劳动关系",
        "source": source,
        "region": "北京市",
        "occupation": "delivery_rider",
        "work_arrangement": "站点排班、系统派单",
        "respondent_kinds": ("cooperating_company",),
        "claims": ("confirm_labor_relation", "economic_compensation"),
        "facts": FACTS,
        "holding": "应当根据实际用工事实认定双方之间的法律关系。",
        "reasoning": "综合考虑工作时间、报酬和奖惩等因素作出判断。",
        "factors": {key: None for key in FACTOR_KEYS} | {"platform_controls_hours": True},
        "outcome": "labor_relation",
        "status": "published",
        "statutes": ("劳动合同法第七条",),
    }
    fields.update(overrides)
    if "factor_evidence" not in fields:
        fields["factor_evidence"] = {key: f"案情所载：{key}" for key, value in fields["factors"].items()
                                     if value is not None}
    return TypicalCaseRecord(**fields)


def record_dict(**overrides: Any) -> dict[str, Any]:
    """The dict form of a valid record with top-level keys replaced (or removed when given ``...``)."""
    data = make_record().to_dict()
    for key, value in overrides.items():
        if value is ...:
            del data[key]
        else:
            data[key] = value
    return data
