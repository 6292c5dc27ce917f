"""Local dates and times: stored in UTC, counted and shown in Asia/Shanghai."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")


def local_today() -> date:
    """Today in China; `DISPUTES_TODAY` (ISO date) pins it for demos and tests of deadlines."""
    pinned = current_app.config.get("DISPUTES_TODAY") if has_app_context() else None
    if pinned:
        return date.fromisoformat(str(pinned))
    return datetime.now(LOCAL_ZONE).date()


def to_local(moment: datetime | None) -> datetime | None:
    """A stored UTC time in Asia/Shanghai (SQLite returns naive datetimes, which are UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL_ZONE)


def format_local(moment: datetime | None) -> str:
    """`2026-11-28 14:05` in Beijing time, for pages and documents."""
    local = to_local(moment)
    return local.strftime("%Y-%m-%d %H:%M") if local else ""
