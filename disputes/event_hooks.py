"""What other features do when something happens to a case, registered with the app instead of imported.

The life cycle knows nothing of documents, notices, schedules or alerts: `apply_event` records the
event and its history row, then runs the hooks registered for ``AFTER_EVENT`` at app creation, in
the same transaction and in a fixed order (like Indico's signals); intake runs ``AFTER_FILING``
once a complaint is committed, in a transaction of their own that intake commits after them. Each
hook belongs to the feature that registers it in its ``init_app``. An after-event hook may complete
the history row (it is written at the commit) but must not commit or flush.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping

from flask import Flask, current_app

from disputes.models import Case, CaseEvent, User

AFTER_EVENT = "after_event"  # hook(RecordedEvent), inside the event's transaction
AFTER_FILING = "after_filing"  # hook(FiledComplaint), after the complaint is committed; must not commit
# hook(None) -> a sentence for the administrator or None, after a holiday arrangement is saved
CALENDAR_CHANGED = "calendar_changed"
MOMENTS = (AFTER_EVENT, AFTER_FILING, CALENDAR_CHANGED)
_KEY = "disputes.hooks"


@dataclass(frozen=True)
class RecordedEvent:
    """A life-cycle event as the hooks see it: recorded on the case, not yet committed."""

    case: Case
    event: str
    row: CaseEvent
    by: User | None
    today: date
    data: Mapping[str, Any]


@dataclass(frozen=True)
class FiledComplaint:
    """A complaint that intake has just saved."""

    case: Case
    today: date


def register_hook(app: Flask, moment: str, name: str, hook: Callable[[Any], None], *, order: int) -> None:
    """Run `hook` at `moment`; lower `order` first. A name is registered once per app and moment."""
    if moment not in MOMENTS:
        raise ValueError(f"unknown moment {moment!r}; choose one of {MOMENTS}")
    hooks = app.extensions.setdefault(_KEY, {}).setdefault(moment, {})
    if name in hooks and hooks[name][1] is not hook:
        raise ValueError(f"a {moment} hook named {name!r} is already registered")
    hooks[name] = (order, hook)


def registered_hooks(moment: str, app: Flask | None = None) -> list[tuple[str, Callable[[Any], None]]]:
    """The hooks of a moment, in the order they run."""
    hooks = (app or current_app).extensions.get(_KEY, {}).get(moment, {})
    return [(name, hook) for name, (_order, hook) in sorted(hooks.items(), key=lambda item: (item[1][0], item[0]))]


def run_hooks(moment: str, payload: Any) -> None:
    for _name, hook in registered_hooks(moment):
        hook(payload)
