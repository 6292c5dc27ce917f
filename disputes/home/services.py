"""The ways in the home page offers workers and visitors first (staff go straight to their queue)."""
from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class DeskLink:
    endpoint: str
    title: str
    description: str

    @property
    def url(self) -> str:
        return url_for(self.endpoint)


PUBLIC_LINKS = (
    DeskLink("intake.worker_form", _l("我要投诉"), _l("外卖骑手、网约车司机、快递员等平台劳动者在线申请调解。")),
    DeskLink("portal.lookup_page", _l("查询进度"), _l("凭案件编号和查询码查看办理进度、下载文书、补充证据。")),
    DeskLink("assessments.check_my_situation", _l("看看我的情况"), _l("我和平台是不是劳动关系？对照法律标准和典型案例给出参考。")),
    DeskLink("library.search_page", _l("典型案例"), _l("检索公开的新就业形态劳动争议典型案例。")),
)
