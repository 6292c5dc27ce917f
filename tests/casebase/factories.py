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
    """A valid published record; ``year``, ``source_body`` and ``illustrative`` set its source."""
    source = Source(
        body=overrides.pop("source_body", "人力资源社会保障部"),
        release=overrides.pop("release", "劳动人事争议典型案例（第三批）"),
        year=overrides.pop("year", 2023),
        number=overrides.pop("number", "案例1"),
        illustrative=overrides.pop("illustrative", False),
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
