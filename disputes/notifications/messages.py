"""What each notification says: short, plain Chinese, no personal data beyond the case number."""
from __future__ import annotations

from workflows import DEADLINE_LABELS

SIGNATURE = "【劳动争议调处台】"
EVENT_MESSAGES = {
    "accept": ("accepted", "您的案件{case_no}已由调解员受理，调解员会尽快联系您。可凭案件编号和查询码查看进度。"),
    "decline": ("declined", "您的案件{case_no}未被调解组织受理，您可以直接申请劳动争议仲裁。详情请凭查询码查看。"),
    "schedule_hearing": ("hearing_scheduled", "您的案件{case_no}已安排开庭（{at}，{place}），请按时参加。"),
    "mediation_failed": ("mediation_failed", "您的案件{case_no}调解未成，您可以申请劳动争议仲裁，请凭查询码查看如何办理。"),
    "render_award": ("award", "您的案件{case_no}已作出仲裁裁决，请凭查询码查看并下载文书。"),
    "legal_aid_accepted": ("referral_decided", "您的法律援助申请（案件{case_no}）已获批准，援助人员会联系您。"),
    "legal_aid_declined": ("referral_decided", "您的法律援助申请（案件{case_no}）未获批准，理由见案件进度页面。"),
}


def event_message(event: str, case_no: str, data: dict) -> tuple[str, str] | None:
    """(kind, body) for an event that workers are told about, else None."""
    found = EVENT_MESSAGES.get(event)
    if found is None:
        return None
    kind, template = found
    at = str(data.get("at", "")).replace("T", " ")[:16]
    return kind, SIGNATURE + template.format(case_no=case_no, at=at, place=data.get("place", ""))


def deadline_message(case_no: str, kind: str, due: str) -> str:
    label = DEADLINE_LABELS.get(kind, {}).get("zh", kind)
    return f"{SIGNATURE}提醒：您的案件{case_no}的“{label}”将于{due}届满，请及时处理。"


def access_code_message(case_no: str, code: str) -> str:
    return f"{SIGNATURE}您的案件{case_no}的新查询码是 {code}，请勿告诉他人。旧查询码已失效。"
