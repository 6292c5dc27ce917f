"""Where each role works: the links the home page offers first."""
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
)
STAFF_LINKS = {
    "mediator": (DeskLink("intake.staff_form", _l("代劳动者登记"), _l("记录劳动者的口头申请（《劳动争议调解仲裁法》第十二条）。")),),
    "arbitrator": (DeskLink("intake.staff_form", _l("代劳动者登记"), _l("登记仲裁申请。")),),
    "admin": (DeskLink("intake.staff_form", _l("代劳动者登记"), _l("登记投诉。")),),
    "legal_aid": (),
    "worker": PUBLIC_LINKS,
}


def desk_for(user) -> tuple[DeskLink, ...]:
    """The links a user sees first on the home page."""
    if user is None or not user.is_authenticated:
        return PUBLIC_LINKS
    return STAFF_LINKS.get(user.role, PUBLIC_LINKS)
