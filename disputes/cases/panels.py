"""The panels other features add to the case page, registered at app creation.

The case page shows the case itself (parties, claims, deadlines, actions, history); the documents,
the assessment, the evidence and the publication form belong to their features, which register a
panel here in their ``init_app``. The case page knows none of them.

A panel also says how a kept page knows its data changed (``stamp``, used by cases/page_reading.py):
``()`` when everything it shows changes the case itself (a row written with ``record_in_history`` or
``Case.record_change``), else scalar expressions on the case's row whose values change with the
panel's data. A panel that says nothing is never kept: its page is rendered every time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from flask import Flask, current_app

from disputes.models import Case, User

_KEY = "disputes.case_panels"
_STAMPS_KEY = "disputes.case_panel_stamps"


@dataclass(frozen=True)
class CasePanel:
    """A section of the case page: its template, what it needs, and its place on the page."""

    name: str
    template: str
    build: Callable[[Case, User], Mapping[str, Any] | None]  # None: the panel is not shown
    order: int
    # Loader options for what `build` reads of the case, joined into the page's own query.
    loads: Sequence = ()
    # Scalar SQL expressions correlated with the case's row, changing whenever what the panel shows
    # changes without changing the case; () when the case's own stamp covers it; None: unknown.
    stamp: Sequence | None = None


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    data: Mapping[str, Any]


def register_case_panel(app: Flask, name: str, template: str, build: Callable[[Case, User], Mapping[str, Any] | None],
                        *, order: int, loads: Sequence = (), stamp: Sequence | None = None) -> None:
    panels = app.extensions.setdefault(_KEY, {})
    panels[name] = CasePanel(name, template, build, order, tuple(loads), None if stamp is None else tuple(stamp))
    app.extensions.pop(_STAMPS_KEY, None)


def case_panel_loads() -> list:
    """What the registered panels read of a case, as loader options for the case page's query."""
    return [option for panel in current_app.extensions.get(_KEY, {}).values() for option in panel.loads]


def case_panel_stamps() -> tuple | None:
    """What the registered panels add to a kept page's stamp, in a fixed order; None when a panel
    cannot say (the page is then always rendered). The same object until a panel is registered."""
    extensions = current_app.extensions
    if _STAMPS_KEY not in extensions:
        registered = sorted(extensions.get(_KEY, {}).values(), key=lambda p: (p.order, p.name))
        extensions[_STAMPS_KEY] = (None if any(panel.stamp is None for panel in registered)
                                   else tuple(expression for panel in registered for expression in panel.stamp))
    return extensions[_STAMPS_KEY]


def case_panels(case: Case, user: User) -> list[ShownPanel]:
    """The registered panels for this case and user, in page order."""
    registered = sorted(current_app.extensions.get(_KEY, {}).values(), key=lambda p: (p.order, p.name))
    shown = []
    for panel in registered:
        data = panel.build(case, user)
        if data is not None:
            shown.append(ShownPanel(panel.name, panel.template, data))
    return shown
