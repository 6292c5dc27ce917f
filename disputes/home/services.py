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


def desk_for(user) -> tuple[DeskLink, ...]:
    """The links a worker or visitor sees first (staff are sent straight to their queue)."""
    return PUBLIC_LINKS
