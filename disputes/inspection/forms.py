"""The fields each inspection event asks for on the matter page, and reading them from a posted form
into the data workflows/inspection.py checks (the API posts that data as JSON directly)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from disputes.errors import ValidationFailed
from workflows import inspection as track


@dataclass(frozen=True)
class EventField:
    name: str
    label: Any
    kind: str = "text"  # text, textarea, date, money, integer, rate, choice, check, inspector, officers, owed
    choices: Mapping | None = None
    required: bool = True
    hint: Any = None


def _choices(table, english: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Keys to labels: a workflows table of {"zh", "en"}, or of Chinese article texts with their English beside."""
    if english is None:
        return dict(table)
    return {key: {"zh": text, "en": english[key]} for key, text in table.items()}


REASON = EventField("reason", _l("理由"), "textarea")
NOTE = EventField("note", _l("备注"), "textarea", required=False)

EVENT_FIELDS: dict[str, tuple[EventField, ...]] = {
    "request_correction": (EventField("missing", _l("需要补正的内容"), "textarea",
                                      hint=_l("若干规定第十八条第三款（据转述）")),),
    "decline": (EventField("reason", _l("不予受理的理由"), "choice",
                           _choices(track.DECLINE_REASONS, track.DECLINE_REASONS_EN)),
                EventField("department", _l("有管辖权的部门"), required=False,
                           hint=_l("理由为“属于其他部门管辖”时填写")), NOTE),
    "open_case": (EventField("inspector_id", _l("承办监察员"), "inspector", required=False,
                             hint=_l("不选则由您本人承办")),),
    "extend_investigation": (EventField("reason", _l("案情复杂、需要延长的理由"), "textarea",
                                        hint=_l("条例第十七条：经劳动保障行政部门负责人批准，可以延长30个工作日")),),
    "hear_statement": (EventField("summary", _l("用人单位的陈述、申辩"), "textarea"),
                       EventField("notified_on", _l("告知日期"), "date", required=False)),
    "order_rectification": (
        EventField("kind", _l("责令事项"), "choice", _choices(track.ORDER_KINDS, track.ORDER_KINDS_EN)),
        EventField("instrument", _l("文书"), "choice", _choices(track.ORDER_INSTRUMENTS)),
        EventField("due_on", _l("改正（支付）期限"), "date"),
        EventField("owed", _l("欠付明细"), "owed", required=False,
                   hint=_l("责令支付时每行一名劳动者：姓名 金额 月数，例如：张三 4200 2")),
    ),
    "order_complied": (EventField("on", _l("履行日期"), "date", required=False),
                       EventField("paid", _l("已支付金额（元）"), "money", required=False)),
    "order_compensation": (EventField("rate", _l("赔偿金比例（0.5 至 1）"), "rate",
                                      hint=_l("条例第二十六条：按应付金额50%以上1倍以下的标准")),),
    "impose_penalty": (
        EventField("basis", _l("处罚依据"), "choice", _choices(track.PENALTY_BASES, track.PENALTY_BASES_EN)),
        EventField("fine", _l("罚款（元）"), "money", required=False),
        EventField("workers", _l("受侵害的劳动者人数"), "integer", required=False,
                   hint=_l("第二十三条、第二十五条按人数计算罚款时填写")),
        EventField("ground", _l("第三十条所列行为"), "choice", _choices(track.ART30_GROUNDS), required=False),
    ),
    "cancel_case": (EventField("minor", _l("违法行为情节轻微"), "check"),
                    EventField("corrected", _l("已经改正"), "check"), REASON),
    "propose_transfer": (
        EventField("officer_ids", _l("专案组成员（2名以上）"), "officers"),
        EventField("method", _l("拒不支付的方式"), "choice", _choices(track.TRANSFER_METHODS)),
        EventField("report", _l("涉嫌犯罪案件情况的调查报告摘要"), "textarea"),
        EventField("single_threshold", _l("本省个人数额标准（元）"), "money", required=False),
        EventField("group_threshold", _l("本省集体数额标准（元）"), "money", required=False),
        EventField("threshold_source", _l("本省数额标准的文件名称和文号"), required=False),
    ),
    "approve_transfer": (EventField("police", _l("接受移送的公安机关")),),
    "refuse_transfer": (REASON,),
    "police_opened_case": (EventField("notice_received_on", _l("收到立案通知的日期"), "date", required=False),),
    "police_declined": (EventField("notice_received_on", _l("收到不予立案通知的日期"), "date", required=False),
                        REASON),
    "request_police_review": (EventField("to", _l("提请对象"), "choice",
                                         {"police": _l("公安机关复议"), "procuratorate": _l("人民检察院立案监督")}),),
    "close": (NOTE,),
}

_OWED_LINE = re.compile(r"^\s*(\S+)\s+([0-9]+(?:\.[0-9]{1,2})?)\s*(?:元)?\s*(?:([0-9]+)\s*(?:个月|月)?)?\s*$")


def _owed(text: str) -> list[dict]:
    owed = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _OWED_LINE.match(line)
        if match is None:
            raise ValidationFailed({"owed": _("第 %(n)d 行应写成：姓名 金额 月数", n=number)})
        owed.append({"worker": match.group(1), "amount": match.group(2), "months": int(match.group(3) or 0)})
    return owed


def data_from_form(event: str, form) -> dict[str, Any]:
    """The posted fields of `event` as the data the track checks; empty optional fields are left out."""
    data: dict[str, Any] = {}
    for spec in EVENT_FIELDS.get(event, ()):
        if spec.kind == "officers":
            data[spec.name] = [value for value in form.getlist(spec.name) if value]
            continue
        if spec.kind == "check":
            data[spec.name] = form.get(spec.name) in ("1", "on", "true", "y")
            continue
        value = (form.get(spec.name) or "").strip()
        if not value:
            continue
        if spec.kind == "owed":
            data[spec.name] = _owed(value)
        elif spec.kind in ("integer", "inspector"):
            if not value.isdigit():
                raise ValidationFailed({spec.name: _("请填写整数。")})
            data[spec.name] = int(value)
        else:
            data[spec.name] = value
    if event == "propose_transfer":
        data["officer_ids"] = [int(v) for v in data.get("officer_ids", []) if str(v).isdigit()]
    return data
