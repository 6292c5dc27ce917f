"""Service of documents (送达): what was served on whom, when and how, read back from the history.

Periods that run from receipt — the defence (《劳动争议调解仲裁法》第三十条), the lawsuit (第四十八条、
第五十条), the employer's application to set aside (第四十九条), the suit after a set-aside
(第四十九条第三款) and the set-aside after a dismissed suit (劳动争议解释（一）第二十一条) — start
on the day of service recorded here. Service follows 《民事诉讼法》（2023年修正）第八十七条至第九十五条
as the arbitration rules apply it: the day signed for on the receipt is the day of service; by post,
the day on the postal receipt; electronically, the day the message reaches the recipient's system;
by public notice, thirty days after the notice is published (第九十五条).
"""

import datetime as dt
from types import MappingProxyType

from .calendar import add_period
from .case import events_since, last_event

SERVE_EVENT = "serve_document"
PUBLIC_NOTICE_DAYS = 30  # 《民事诉讼法》（2023年修正）第九十五条
POSTED_WORKING_DAYS = 3  # 《劳动人事争议仲裁办案规则》第二十条第二款 "经过3日"; 第八十条: working days

DOCUMENTS = MappingProxyType({
    "acceptance_notice": "受理通知书",
    "refusal_notice": "不予受理通知书",
    "application_copy": "仲裁申请书副本",
    "defence_copy": "答辩书副本",
    "composition_notice": "仲裁庭组成通知书",
    "collective_notice": "集体争议一次性通知书（仲裁庭组成、答辩期、举证期、开庭日期和地点）",
    "hearing_notice": "开庭通知书",
    "partial_award": "先行裁决书",
    "interim_execution_ruling": "先予执行裁决书",
    "award": "裁决书",
    "mediation_statement": "调解书",
    "set_aside_ruling": "撤销仲裁裁决的裁定书",
    "dismissal_ruling": "驳回起诉或准予撤诉的裁定书",
})
DOCUMENTS_EN = MappingProxyType({
    "acceptance_notice": "Notice of acceptance",
    "refusal_notice": "Notice of refusal to accept",
    "application_copy": "Copy of the arbitration application",
    "defence_copy": "Copy of the defence",
    "composition_notice": "Notice of the tribunal's composition",
    "collective_notice": "Single notice for a collective dispute (tribunal, defence and evidence periods, hearing date and place)",
    "hearing_notice": "Notice of hearing",
    "partial_award": "Partial award",
    "interim_execution_ruling": "Award on advance execution",
    "award": "Award",
    "mediation_statement": "Mediation statement",
    "set_aside_ruling": "Ruling setting the award aside",
    "dismissal_ruling": "Ruling dismissing or allowing withdrawal of the lawsuit",
})

SERVICE_METHODS = MappingProxyType({
    "direct": "直接送达（签收）",
    "left_at_address": "留置送达",
    "left_or_posted_with_record": "留置或张贴，并拍照、录像记录（经过三日视为送达，《劳动人事争议仲裁办案规则》第二十条）",
    "entrusted": "委托送达",
    "post": "邮寄送达",
    "electronic": "电子送达",
    "public_notice": "公告送达",
})
SERVICE_METHODS_EN = MappingProxyType({
    "direct": "In person (signed for)",
    "left_at_address": "Left at the address",
    "left_or_posted_with_record": "Left or posted, with photos or video (served after three days, Rules for Handling "
                                  "Labour and Personnel Dispute Arbitration Cases, Art. 20)",
    "entrusted": "Through another body",
    "post": "By post",
    "electronic": "Electronically",
    "public_notice": "By public notice",
})

PARTIES = MappingProxyType({"worker": "劳动者", "employer": "用人单位", "both": "双方当事人"})
PARTIES_EN = MappingProxyType({"worker": "The worker", "employer": "The employer", "both": "Both parties"})


def counts_as_received(served, method):
    """The day a service made on `served` by `method` counts as received: public notice, 30 days
    after publication; a document left or posted with a photo or video record (a refusal to sign,
    or an enterprise that stopped work with ten or more workers), after 3 days — working days
    (Rules Art. 20, 80); otherwise the day itself."""
    if method == "public_notice":
        return served + dt.timedelta(days=PUBLIC_NOTICE_DAYS)
    if method == "left_or_posted_with_record":
        return add_period(served, POSTED_WORKING_DAYS, "working_days")
    return served


def received_on(record):
    """The day a recorded service counts as received."""
    return counts_as_received(dt.date.fromisoformat(record.data["served_on"]), record.data.get("method"))


def receipt(case, document, party, after=None):
    """(day received, record) of the first service of `document` on `party` after the `after`
    history record (all history when None), or None when no service is recorded."""
    for record in events_since(case, after):
        if record.event != SERVE_EVENT or record.data.get("document") != document:
            continue
        if record.data.get("party") in (party, "both"):
            return received_on(record), record
    return None


def served_since(case, document, since_event):
    """Whether `document` was served (on anybody) after the latest `since_event` record."""
    anchor = last_event(case, since_event)
    return any(r.event == SERVE_EVENT and r.data.get("document") == document for r in events_since(case, anchor))


def public_notice_days(case, after):
    """Days of service by public notice after the `after` record: not counted in the award period
    (《劳动人事争议仲裁办案规则》第四十六条)."""
    return sum(PUBLIC_NOTICE_DAYS for r in events_since(case, after)
               if r.event == SERVE_EVENT and r.data.get("method") == "public_notice")
